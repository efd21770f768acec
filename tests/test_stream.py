"""Streaming `policytag tag`: batches written incrementally to OUT.partial and renamed at the end,
resume after an interruption (in-process and a real SIGKILL of the command) with no duplicates and
no gaps, JSONL / Parquet / Hugging Face dataset inputs, Parquet output. Real keyword-tagger run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from policytag import PROJECT_ROOT, PolicytagError
from policytag.cli import main


@pytest.fixture(scope="module")
def keyword_run(tmp_path_factory):
    from policytag.training.config import load_config
    from policytag.training.train import train_recipe

    config = load_config(PROJECT_ROOT / "configs" / "keyword.yaml")
    config["split"]["cv"] = False
    return train_recipe(config, out_dir=tmp_path_factory.mktemp("runs") / "keyword")


@pytest.fixture(scope="module")
def clause_file(tmp_path_factory):
    """1,000 clause rows with ids, resampled from the corpus clauses (texts repeat, ids do not)."""
    from policytag.corpus.segment import segment_paths

    corpus = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses
    rows = []
    for i in range(1000):
        c = corpus[(i * 7919) % len(corpus)]
        rows.append({"id": f"c{i:05d}", "text": c.text, "heading_path": list(c.heading_path), "doc_id": c.doc_id,
                     "year": c.year})
    path = tmp_path_factory.mktemp("in") / "clauses.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path, rows


def _ids(path):
    return [json.loads(line)["clause_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_interrupted_stream_resumes_without_duplicates_or_gaps(keyword_run, clause_file, tmp_path):
    from policytag.inference.stream import clause_rows, stream_tag
    from policytag.models.runs import load_run

    src, rows = clause_file
    tagger = load_run(keyword_run)
    out = tmp_path / "tagged.jsonl"
    partial = tmp_path / "tagged.jsonl.partial"

    def stop_after_three(n):
        if n >= 300:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        stream_tag(tagger, clause_rows(str(src), False, print), out, batch_size=100, progress=False,
                   on_batch=stop_after_three)
    assert not out.exists() and partial.exists()           # nothing half-written under the final name
    assert _ids(partial) == [r["id"] for r in rows[:300]]
    with partial.open("a", encoding="utf-8") as fh:        # a crash in the middle of a line
        fh.write('{"doc_id": "d", "clause_id": "c00300", "te')
    with pytest.raises(PolicytagError, match="--resume"):
        stream_tag(tagger, clause_rows(str(src), False, print), out, batch_size=100, progress=False)
    result = stream_tag(tagger, clause_rows(str(src), False, print), out, batch_size=100, progress=False,
                        resume=True)
    assert (result.resumed, result.written) == (300, 700)
    assert not partial.exists()
    assert _ids(out) == [r["id"] for r in rows]             # every id once, in input order

    whole = tmp_path / "whole.jsonl"
    stream_tag(tagger, clause_rows(str(src), False, print), whole, batch_size=100, progress=False)
    assert out.read_bytes() == whole.read_bytes()            # resumed output == uninterrupted output


def test_sigkilled_command_resumes_to_the_uninterrupted_output(keyword_run, clause_file, tmp_path):
    src, rows = clause_file
    out = tmp_path / "killed.jsonl"
    partial = tmp_path / "killed.jsonl.partial"
    cmd = [sys.executable, "-m", "policytag.cli", "tag", "--clauses", str(src), "--model", str(keyword_run),
           "-o", str(out), "--stream", "--batch-size", "20"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=PROJECT_ROOT)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if partial.exists() and partial.stat().st_size > 0 and len(partial.read_bytes().splitlines()) >= 200:
            break
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.fail("the command finished before it could be interrupted")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert partial.exists() and not out.exists()
    n_before = len(partial.read_bytes().splitlines())
    assert 200 <= n_before < len(rows)

    assert main(["tag", "--clauses", str(src), "--model", str(keyword_run), "-o", str(out), "--resume",
                 "--batch-size", "20"]) == 0
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == len(rows) and ids == [r["id"] for r in rows]
    whole = tmp_path / "whole.jsonl"
    assert main(["tag", "--clauses", str(src), "--model", str(keyword_run), "-o", str(whole), "--stream"]) == 0
    assert out.read_bytes() == whole.read_bytes()


def test_stream_rows_match_the_summary_path(keyword_run, clause_file, tmp_path):
    full, _ = clause_file
    src = tmp_path / "few.jsonl"  # the summary path compares every clause with last year's: keep it small
    src.write_text("".join(full.read_text(encoding="utf-8").splitlines(keepends=True)[:200]), encoding="utf-8")
    assert main(["tag", "--clauses", str(src), "--model", str(keyword_run), "-o", str(tmp_path / "s.jsonl"),
                 "--stream"]) == 0
    assert main(["tag", "--clauses", str(src), "--model", str(keyword_run), "-o", str(tmp_path / "n.jsonl")]) == 0
    streamed = [json.loads(x) for x in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    plain = [json.loads(x) for x in (tmp_path / "n.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in plain:
        for key in ("novelty", "changed", "previous_text", "diff", "moved", "regrouped"):
            row.pop(key, None)  # notice-level context (against last year) the streaming path does not compute
    by_id = {r["clause_id"]: r for r in plain}
    assert len(streamed) == len(plain) and all(by_id[r["clause_id"]] == r for r in streamed)


def test_parquet_and_hf_dataset_inputs_and_parquet_output(keyword_run, clause_file, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasets import Dataset

    src, rows = clause_file
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    Dataset.from_list(rows).save_to_disk(str(tmp_path / "in_hf"))
    model = ["--model", str(keyword_run)]
    assert main(["tag", "--clauses", str(src), *model, "-o", str(tmp_path / "a.parquet")]) == 0
    assert main(["tag", "--clauses", str(tmp_path / "in.parquet"), *model, "-o", str(tmp_path / "b.parquet")]) == 0
    assert main(["tag", "--clauses", str(tmp_path / "in_hf"), *model, "-o", str(tmp_path / "c.jsonl"),
                 "--stream"]) == 0
    a, b = pq.read_table(tmp_path / "a.parquet"), pq.read_table(tmp_path / "b.parquet")
    assert a.num_rows == len(rows) and a.equals(b)
    assert a.column("clause_id").to_pylist() == [r["id"] for r in rows]
    assert a.schema.field("scores").type.num_fields == 2  # one struct per dimension
    assert _ids(tmp_path / "c.jsonl") == [r["id"] for r in rows]
    assert not list(tmp_path.glob("*.partial"))


def test_partial_parquet_resumes(keyword_run, clause_file, tmp_path):
    import pyarrow.parquet as pq

    from policytag.inference.stream import clause_rows, stream_tag
    from policytag.models.runs import load_run

    src, rows = clause_file
    tagger = load_run(keyword_run)
    out = tmp_path / "t.parquet"

    def stop(n):
        if n >= 500:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        stream_tag(tagger, clause_rows(str(src), False, print), out, "parquet", batch_size=250, progress=False,
                   on_batch=stop)
    assert (tmp_path / "t.parquet.partial").is_dir() and not out.exists()
    stream_tag(tagger, clause_rows(str(src), False, print), out, "parquet", batch_size=250, progress=False,
               resume=True)
    assert pq.read_table(out).column("clause_id").to_pylist() == [r["id"] for r in rows]


def test_stream_usage_errors(keyword_run, clause_file, capsys):
    src, _ = clause_file
    assert main(["tag", "--clauses", str(src), "--model", str(keyword_run), "--stream"]) == 2
    assert "give -o OUT" in capsys.readouterr().err
    assert main(["tag", "--clauses", str(src), "--model", str(keyword_run), "--stream", "-o", "x.md"]) == 2
    assert "jsonl or parquet" in capsys.readouterr().err


def test_notice_directory_streams_every_clause(keyword_run, tmp_path):
    from policytag.corpus.segment import segment_paths

    corpus = PROJECT_ROOT / "data" / "corpus"
    out = tmp_path / "notices.jsonl"
    assert main(["tag", str(corpus), "--model", str(keyword_run), "--stream", "-o", str(out)]) == 0
    assert _ids(out) == [c.clause_id for c in segment_paths([corpus]).clauses]
