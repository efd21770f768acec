"""``policytag tag --workers N`` (local engine): N processes, each loading the run once; the output
is byte for byte the one-process output, in input order (JSONL and Parquet, clause files and notice
folders)."""

from __future__ import annotations

import json

import pytest

from policytag import PROJECT_ROOT
from policytag.cli import main


@pytest.fixture(scope="module")
def clause_file(tmp_path_factory):
    """600 clause rows with distinct ids, resampled from the corpus clauses."""
    from policytag.corpus.segment import segment_paths

    corpus = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses
    rows = [{"id": f"w{i:05d}", "text": corpus[(i * 7919) % len(corpus)].text, "year": 2026} for i in range(600)]
    path = tmp_path_factory.mktemp("in") / "clauses.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _tag(run, *args):
    assert main(["tag", *map(str, args), "--model", str(run), "--batch-size", "64"]) == 0


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_two_workers_write_what_one_process_writes(keyword_run, clause_file, tmp_path, suffix):
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    _tag(keyword_run, "--clauses", clause_file, "--stream", "-o", one)
    _tag(keyword_run, "--clauses", clause_file, "--stream", "-o", two, "--workers", "2")
    if suffix == ".jsonl":
        assert one.read_bytes() == two.read_bytes()
        ids = [json.loads(line)["clause_id"] for line in two.read_text(encoding="utf-8").splitlines()]
        assert ids == [f"w{i:05d}" for i in range(600)]  # input order
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(one).equals(pq.read_table(two))
        assert pq.ParquetFile(two).num_row_groups == 1  # 10 batches of 64 merged into one row group


def test_workers_on_a_notice_folder(keyword_run, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _tag(keyword_run, PROJECT_ROOT / "data" / "corpus", "--stream", "-o", one)
    _tag(keyword_run, PROJECT_ROOT / "data" / "corpus", "--stream", "-o", two, "--workers", "3")
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 10_000


def test_workers_must_be_positive(keyword_run, clause_file, tmp_path):
    assert main(["tag", "--clauses", str(clause_file), "--stream", "-o", str(tmp_path / "x.jsonl"),
                 "--model", str(keyword_run), "--workers", "0"]) == 2


def test_parquet_rows_are_the_jsonl_rows_without_evidence(keyword_run, clause_file, tmp_path):
    """The Parquet output skips the evidence (it has no column for it), and nothing else changes:
    every Parquet row is the JSONL row with its JSON-text columns decoded and ``evidence`` dropped."""
    import pyarrow.parquet as pq

    from policytag.inference.stream import JSON_COLUMNS

    _tag(keyword_run, "--clauses", clause_file, "--stream", "-o", tmp_path / "a.jsonl")
    _tag(keyword_run, "--clauses", clause_file, "-o", tmp_path / "a.parquet", "--workers", "2")
    jsonl = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    table = pq.read_table(tmp_path / "a.parquet")
    assert "evidence" not in table.column_names and any(r["evidence"] for r in jsonl)
    rows = table.to_pylist()
    for row in rows:
        for name in JSON_COLUMNS:
            row[name] = json.loads(row[name])
    assert rows == [{k: v for k, v in r.items() if k != "evidence"} for r in jsonl]


def test_summary_line_gives_the_per_worker_rate(keyword_run, clause_file, tmp_path, capsys):
    """The command's last line says one worker's clauses/s while tagging and when the first rows
    came, in the form benchmarks/bench_scale.py reads (Ray actor vs local process, start-up)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_scale", PROJECT_ROOT / "benchmarks" / "bench_scale.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    for workers in ("1", "2"):
        capsys.readouterr()
        _tag(keyword_run, "--clauses", clause_file, "--stream", "-o", tmp_path / f"{workers}.jsonl", "--workers", workers)
        err = capsys.readouterr().err
        m = bench.SUMMARY.search(err)
        assert m, err
        assert float(m.group(2).replace(",", "")) > 0 and float(m.group(3).replace(",", "")) > 0  # wall, CPU
        assert float(m.group(4)) >= 0  # first rows: 0.0 s in a warm process with a keyword run
        assert m.group(1) == (None if workers == "1" else workers)
