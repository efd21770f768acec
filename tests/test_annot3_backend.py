"""The ML backend when its model directory is replaced on disk while it serves
(tests/data/annot3/EXPECTED.md §3c): the model loaded as ``policytag backend serve`` loads it
(``resolve_model``) and served by the backend's service (``backend.service.Backend``, what the HTTP
routes call), in this process: a server process would add 20-30 s of start-up on a busy machine and
test nothing more about this.

Decided: it keeps serving the model it loaded (same model_version, same answers, /health says which)
until it is restarted or a retraining switches it. A directory being replaced is, for a while, half a
model (``cp -r`` / ``rsync`` write file by file): reading it then would serve a mix, or fail every
/predict. Whoever replaces the run restarts the backend (docs/annotation.md)."""

from __future__ import annotations

import shutil

from policytag.records import Labels
from policytag.taxonomy import load_taxonomy

from conftest import CORPUS_DIR


def _fit(clauses, sector: str, run_dir):
    from policytag.models.runs import save_run, tagger_class

    labels = [Labels((sector,), ("responsibility",)) for _ in clauses]
    tagger = tagger_class("keyword")().fit(clauses, labels)
    save_run(tagger, run_dir, config={"model": {"type": "keyword"}}, metrics={}, data_hash=sector)
    return tagger.model_version


def test_a_replaced_model_directory_is_not_read_while_serving(tmp_path):
    from policytag.annotation.tasks import load_clauses
    from policytag.app import resolve_model
    from policytag.backend.service import Backend

    clauses = load_clauses([CORPUS_DIR], years=[2025]).clauses
    served = tmp_path / "runs" / "served"
    version = _fit(clauses, "coal_mine", served)
    other = _fit(clauses, "fire_safety", tmp_path / "runs" / "other")
    assert other != version
    backend = Backend(resolve_model(str(served)), load_taxonomy())
    tasks = [{"id": i + 1, "data": {"text": c.text, "clause_id": c.clause_id, "doc_id": c.doc_id, "year": c.year,
                                    "heading_path": list(c.heading_path)}} for i, c in enumerate(clauses[:8])]
    before = backend.predict({"tasks": tasks})
    assert before["model_version"] == version
    assert {r["model_version"] for r in before["results"]} == {version}
    # half a copy: the directory is there, its model files are not yet
    shutil.rmtree(served)
    served.mkdir()
    (served / "run.json").write_text("{", encoding="utf-8")
    assert backend.predict({"tasks": tasks}) == before
    # the whole other run in its place
    shutil.rmtree(served)
    shutil.copytree(tmp_path / "runs" / "other", served)
    assert backend.predict({"tasks": tasks}) == before
    assert backend.health()["model_version"] == version
