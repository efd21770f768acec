"""`policytag tag --engine ray` on a local Ray (started by the command, 3 logical CPUs, a small object
store): a 5,000-clause Parquet file tagged by 2 actors equals the single-process output exactly.
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


def test_ray_engine_equals_single_process(tfidf_run, tmp_path):
    from policytag.corpus.segment import segment_paths

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
    assert main([*common, "-o", str(tmp_path / "ray.parquet"), "--engine", "ray", "--workers", "2"]) == 0
    local, ray_out = pq.read_table(tmp_path / "local.parquet"), pq.read_table(tmp_path / "ray.parquet")
    assert ray_out.num_rows == 5000
    assert ray_out.column("clause_id").to_pylist() == [r["id"] for r in rows]
    assert ray_out.equals(local)
    assert not list(tmp_path.glob("*.partial"))


def test_ray_engine_needs_parquet_and_ids(tfidf_run, tmp_path, capsys):
    src = tmp_path / "noid.parquet"
    pq.write_table(pa.Table.from_pylist([{"text": "加强煤矿瓦斯治理"}]), src)
    assert main(["tag", "--clauses", str(src), "--model", str(tfidf_run), "-o", str(tmp_path / "o.parquet"),
                 "--engine", "ray"]) == 1
    assert "needs an 'id' column" in capsys.readouterr().err
    assert main(["tag", "--clauses", str(src), "--model", str(tfidf_run), "-o", str(tmp_path / "o.jsonl"),
                 "--engine", "ray"]) == 2
    assert "--engine ray reads a Parquet clause file" in capsys.readouterr().err
