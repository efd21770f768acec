"""Streaming reads a clause file's ``date`` as the summary path does (``stream.ClauseRows``).

A clause row's ``date`` is its notice's signing date; deadlines before it are past periods, not
limits (docs/tagging.md). The summary path (``tag --clauses``) read it; ``--stream`` (one process or
``--workers``) and Parquet input did not, so the same file gave other deadlines. Invented text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policytag.cli import main

ROWS = [{"id": "lw-1", "doc_id": "lw-mid-2027", "year": 2027,
         "text": "一、3月底前，各乡镇完成小作坊、小餐饮燃气使用安全检查。"},
        {"id": "lw-2", "doc_id": "lw-mid-2027", "year": 2027,
         "text": "二、各乡镇要在年底前完成集镇老旧燃气管道更新改造。"},
        {"id": "lw-3", "doc_id": "lw-other", "year": 2027,
         "text": "三、5月底前完成全部自建房安全隐患排查整治。"}]


def _write(path: Path, dates: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps({**r, **({"date": dates[r["doc_id"]]} if r["doc_id"] in dates else {})},
                                       ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    return path


def _deadlines(out: Path) -> dict[str, list[str]]:
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["clause_id"]: [d["kind"] for d in r["deadlines"]] for r in rows}


@pytest.mark.parametrize("extra", [[], ["--workers", "2"]], ids=["one-process", "workers"])
def test_streamed_rows_read_their_notice_date(tmp_path, capsys, extra):
    src = _write(tmp_path / "c.jsonl", {"lw-mid-2027": "2027-07-15"})
    summary, streamed = tmp_path / "summary.jsonl", tmp_path / "streamed.jsonl"
    assert main(["tag", "--clauses", str(src), "-o", str(summary)]) == 0
    assert main(["tag", "--clauses", str(src), "--stream", *extra, "-o", str(streamed)]) == 0
    got = _deadlines(streamed)
    # 3月底前 of a notice signed in July is past; 年底前 is a limit; the undated notice's 5月底前 stays one
    assert got["lw-1"] == [] and got["lw-2"] == ["by_end_of_year"] and got["lw-3"]
    assert got == _deadlines(summary)
    assert "not read" not in capsys.readouterr().err


def test_parquet_rows_read_their_notice_date(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    src = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist([{**r, "date": "2027-07-15" if r["doc_id"] == "lw-mid-2027" else None}
                                         for r in ROWS]), src)
    for extra in (["--stream"], []):  # the streaming reader, and the summary path that collects it in memory
        out = tmp_path / f"p{len(extra)}.jsonl"
        assert main(["tag", "--clauses", str(src), *extra, "-o", str(out)]) == 0
        got = _deadlines(out)
        assert got["lw-1"] == [] and got["lw-3"]


def test_two_dates_of_one_document_in_a_stream_is_one_line(tmp_path, capsys):
    src = tmp_path / "c.jsonl"
    rows = [{**ROWS[0], "date": "2027-07-15"}, {**ROWS[1], "date": "2027-08-01"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["tag", "--clauses", str(src), "--stream", "-o", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "two notice dates" in err[0]
