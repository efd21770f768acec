"""One reader of a clause file's rows for the summary and the streamed runs (``inputs.jsonl_rows``,
``inputs.row_clauses``), through the real CLI in this process.

Before: a streamed run checked repeated ids in its tagging loop, so ``--skip-bad`` did not skip one
(the run stopped) and the message named neither file nor row (``duplicate clause id 'a' in the input``);
and its JSONL reader decoded while it read, so a line in another encoding ended the run with a message
naming no line (the summary path read the whole file first, naming none either)."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from policytag.cli import main

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

TEXTS = ["加强煤矿瓦斯治理。", "严禁电动自行车进楼入户充电。", "开展燃气安全检查。", "2027年6月底前完成隐患排查。"]


def _run(args: list[str]) -> tuple[int, str]:
    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(args)
    return code, err.getvalue()


def _rows(ids: list[str]) -> list[dict]:
    return [{"id": i, "text": t} for i, t in zip(ids, TEXTS)]


def _write(path, rows: list[dict]) -> None:
    if path.suffix == ".parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    else:
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize("suffix,unit", [(".jsonl", "line"), (".parquet", "row")])
def test_a_repeated_id_in_a_streamed_clause_file_names_its_row_and_is_skipped_with_skip_bad(tmp_path, suffix, unit):
    source = tmp_path / f"c{suffix}"
    _write(source, _rows(["a", "b", "a", "d"]))
    out = tmp_path / "t.jsonl"
    code, said = _run(["tag", "--clauses", str(source), "--stream", "-o", str(out)])
    lines = said.strip().splitlines()
    assert code == 1 and f"{source}:3: duplicate id 'a'" in lines[-1], said
    assert not out.exists()
    code, said = _run(["tag", "--clauses", str(source), "--stream", "--skip-bad", "-o", str(out)])
    assert code == 1, said  # the rows are written; a skipped input makes the exit status 1, as for notices
    assert f"skipped {unit} {source}:3: duplicate id 'a'" in said, said
    assert [json.loads(line)["clause_id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "b", "d"]


@pytest.mark.parametrize("extra", [[], ["--stream"]])
def test_a_line_not_in_utf8_is_named_by_its_line_number(tmp_path, extra):
    """Two good lines, then one in GBK: the summary and the streamed run name line 3 in one line."""
    source = tmp_path / "mixed.jsonl"
    good = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _rows(["a", "b"])).encode("utf-8")
    source.write_bytes(good + json.dumps({"id": "c", "text": TEXTS[2]}, ensure_ascii=False).encode("gbk") + b"\n")
    code, said = _run(["tag", "--clauses", str(source), *extra, "-o", str(tmp_path / "t.jsonl")])
    lines = said.strip().splitlines()
    assert code == 1 and len(lines) == 1 and f"{source}:3: not UTF-8 text" in lines[0], said


def test_a_streamed_line_keeps_a_line_separator_inside_its_json_string(tmp_path):
    """U+2028 and U+0085 are valid unescaped inside a JSON string: a text reader splitting lines on them
    would cut the row in two; the streamed run reads one row, as the summary does. (A guard: the streamed
    reader read text lines, which split on "\n" only too; now it reads bytes.)"""
    source = tmp_path / "sep.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "加强煤矿\u2028瓦斯治理\u0085。"}, ensure_ascii=False) + "\n"
                      + json.dumps({"id": "b", "text": TEXTS[1]}, ensure_ascii=False) + "\r\n", encoding="utf-8-sig")
    out = tmp_path / "t.jsonl"
    code, said = _run(["tag", "--clauses", str(source), "--stream", "-o", str(out)])
    assert code == 0, said
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert [r["clause_id"] for r in rows] == ["a", "b"] and rows[0]["text"] == "加强煤矿\u2028瓦斯治理\u0085。"


@pytest.mark.parametrize("extra", [["--skip-bad"], ["--skip-bad", "--stream"]])
def test_a_saved_dataset_without_a_text_column_is_one_line(tmp_path, extra):
    """A saved Hugging Face dataset with ``txt`` for ``text``: one line naming its columns, as a Parquet file
    gets, not a warning for each of its rows (and with --skip-bad a report that said only "every row was
    malformed")."""
    datasets = pytest.importorskip("datasets")
    saved = tmp_path / "ds"
    datasets.Dataset.from_list([{"id": f"r{i}", "txt": TEXTS[i]} for i in range(3)]).save_to_disk(str(saved))
    code, said = _run(["tag", "--clauses", str(saved), *extra, "-o", str(tmp_path / "t.jsonl")])
    lines = said.strip().splitlines()
    assert code == 1 and len(lines) == 1, said
    assert f"{saved}: no 'text' column (the clause text); its columns: id, txt" in lines[0], said
