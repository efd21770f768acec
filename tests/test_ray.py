"""`policytag tag --engine ray` on a local Ray (started by the command, 3 logical CPUs, a small object
store): a 5,000-clause Parquet file tagged by 2 actors equals the single-process output exactly, and
so do JSONL clauses and a notice folder written as JSONL.
Skipped without Ray (`pip install 'policytag[ray]'`). Real TF-IDF run trained from the gold data."""

from __future__ import annotations

import pytest

pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from policytag import PROJECT_ROOT  # noqa: E402
from policytag.cli import main  # noqa: E402

# starts Ray workers and trains the TF-IDF baseline with its CV (minutes on 2 cores): not in the fast lane
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tfidf_run(tmp_path_factory):
    from policytag.training.config import load_config
    from policytag.training.train import train_recipe

    config = load_config(PROJECT_ROOT / "configs" / "baseline.yaml")
    config["split"]["cv"] = False
    return train_recipe(config, out_dir=tmp_path_factory.mktemp("runs") / "tfidf")


def test_ray_engine_equals_single_process(tfidf_run, tmp_path, monkeypatch, capsys):
    """2 actors write what one process does; with stderr a log (not a terminal), the Ray run says how far
    it is, as the local engine does (it said nothing until the end)."""
    from policytag.corpus.segment import segment_paths
    from policytag.inference import stream_cli

    monkeypatch.setattr(stream_cli, "LOG_EVERY_S", 0.0)  # a line for every batch

    corpus = segment_paths([PROJECT_ROOT / "data" / "corpus"]).clauses
    rows = []
    for i in range(5000):
        c = corpus[(i * 104729) % len(corpus)]
        rows.append({"id": f"r{i:05d}", "text": c.text, "heading_path": list(c.heading_path), "doc_id": c.doc_id,
                     "year": c.year})
    src = tmp_path / "clauses.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=1000)  # several read tasks
    common = ["tag", "--clauses", str(src), "--model", str(tfidf_run), "--batch-size", "500"]
    assert main([*common, "-o", str(tmp_path / "local.parquet")]) == 0
    capsys.readouterr()
    assert main([*common, "-o", str(tmp_path / "ray.parquet"), "--engine", "ray", "--workers", "2"]) == 0
    said = capsys.readouterr().err
    assert "policytag: 500 of 5,000 clauses tagged (10%)" in said and "5,000 of 5,000 clauses tagged" in said, said
    local, ray_out = pq.read_table(tmp_path / "local.parquet"), pq.read_table(tmp_path / "ray.parquet")
    assert ray_out.num_rows == 5000
    assert ray_out.column("clause_id").to_pylist() == [r["id"] for r in rows]
    assert ray_out.equals(local)
    assert not list(tmp_path.glob("*.partial"))


def test_ray_engine_reads_and_writes_what_the_local_engine_does(tfidf_run, tmp_path):
    """JSONL clauses without ids (numbered by the reader) and a notice folder, JSONL out: byte-equal."""
    import json

    src = tmp_path / "clauses.jsonl"
    src.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n"
                           for t in ["加强煤矿瓦斯治理", "严禁电动自行车进楼入户充电", "2027年6月底前完成隐患排查"] * 40),
                   encoding="utf-8")
    # the corpus beside a dated work report (tests/test_extract_probe5.py): its report periods, due
    # before its date, are no deadlines in the actors' rows either (the notices' dates go with each batch)
    import shutil

    from test_extract_probe5 import REPORT_AND_PLAN, WANT

    folder = tmp_path / "notices"
    shutil.copytree(PROJECT_ROOT / "data" / "corpus", folder)
    (folder / "qinglan_gas_2027.txt").write_text(REPORT_AND_PLAN, encoding="utf-8")
    for inputs in (["--clauses", str(src)], [str(folder)]):
        common = ["tag", *inputs, "--model", str(tfidf_run), "--batch-size", "16", "--stream"]
        local, ray_out = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
        assert main([*common, "-o", str(local)]) == 0
        assert main([*common, "-o", str(ray_out), "--engine", "ray", "--workers", "2"]) == 0
        assert ray_out.read_bytes() == local.read_bytes() and local.stat().st_size > 1000
        if inputs[0] == str(folder):
            rows = [json.loads(line) for line in ray_out.read_text(encoding="utf-8").splitlines()]
            assert [(d["text"], d["due"]) for r in rows if r["title"].startswith("青岚县")
                    for d in r["deadlines"]] == WANT
        local.unlink()
        ray_out.unlink()
