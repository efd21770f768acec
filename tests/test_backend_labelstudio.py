"""The whole model-in-the-loop cycle against a real Label Studio and a real backend process.

Label Studio (the session's shared server, tests/ls_fixture.py, which runs with
ML_BLOCK_LOCAL_IP=false and SSRF_PROTECTION_ENABLED=false so that it may call a backend on
127.0.0.1) and `policytag backend serve` (another free port, started here and stopped by PID). The backend is connected through the SDK (`backend connect`),
Label Studio is asked to predict tasks (the Data Manager action "retrieve predictions"), and the
stored predictions must carry the backend's labels, scores and model_version. Then an annotator
labels tasks, training is triggered (`ml.train` -> START_TRAINING webhook), the new model_version
appears, and predictions made after it use it.
"""

import os

import httpx
import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from policytag.cli import main  # noqa: E402

from backend_server import start_backend, wait_for, write_fast_recipe  # noqa: E402
from ls_fixture import push_clauses  # noqa: E402

pytestmark = pytest.mark.labelstudio

#: dev/train years: the backend trains on annotations of these (held-out years are never trained on)
YEARS = (2021, 2022)


@pytest.fixture(scope="module")
def fast_recipe(tmp_path_factory):
    """The default recipe's data and split with a fast TF-IDF model: retraining takes seconds."""
    return write_fast_recipe(tmp_path_factory.mktemp("recipe"))


@pytest.fixture(scope="module")
def weak_run(tmp_path_factory, gold_dataset):
    """A real TF-IDF model that saw 15 clauses, as a run directory: retraining must beat it."""
    from policytag.models.runs import save_run, tagger_class

    few = [e for e in gold_dataset.examples if e.clause.year <= 2020][:15]
    tagger = tagger_class("tfidf")(ngram_range=(1, 2), max_features=20000).fit([e.clause for e in few],
                                                                               [e.labels for e in few])
    run_dir = tmp_path_factory.mktemp("runs") / "weak-tfidf"
    save_run(tagger, run_dir, config={"model": {"type": "tfidf"}}, metrics={}, data_hash="weak15")
    return run_dir


@pytest.fixture(scope="module")
def project(ls, admin, tmp_path_factory, gold_dataset):
    """A project with the clauses of YEARS, pushed with `policytag annotate push`."""
    return push_clauses(ls, admin, [e.clause for e in gold_dataset.examples if e.clause.year in YEARS], "ml-loop",
                        tmp_path_factory.mktemp("clauses"))


@pytest.fixture(scope="module")
def backend(ls, tmp_path_factory, weak_run, fast_recipe):
    work = tmp_path_factory.mktemp("backend")
    server = start_backend(work, "--model", str(weak_run), "--recipe", str(fast_recipe), "--train-every", "0",
                           "--label-studio-url", ls.url, "--api-key", ls.api_key, "--runs-dir", str(work / "runs"),
                           env={"POLICYTAG_HOME": str(work)})
    yield server
    server.stop()
    assert server.process.returncode is not None  # stopped by PID


def predictions_of(admin, task_id):
    task = admin.tasks.get(task_id)
    return [p if isinstance(p, dict) else p.dict() for p in (task.predictions or [])]


def ask_predictions(admin, project_id, task_ids):
    """What a lead does in the Data Manager: select tasks, Actions -> Retrieve Predictions."""
    admin.actions.create(id="retrieve_tasks_predictions", project=project_id,
                         selected_items={"all": False, "included": list(task_ids)})


def test_predict_retrain_and_predict_again(ls, admin, project, backend, gold_dataset, capsys):
    from policytag.annotation.results import annotation_result

    version0 = backend.health()["model_version"]
    # connect through the SDK (ml.create); Label Studio calls /health and /setup on the backend
    assert main(["backend", "connect", "--project", str(project.id), "--url", backend.url,
                 "--label-studio-url", ls.url, "--api-key", ls.api_key]) == 0, capsys.readouterr().err
    assert version0 in capsys.readouterr().err
    ml = admin.ml.list(project=project.id)
    assert len(ml) == 1 and ml[0].url.rstrip("/") == backend.url
    settings = admin.projects.get(project.id)  # "Use predictions to prelabel tasks" from this backend
    assert settings.show_collab_predictions and settings.model_version == ml[0].title == "policytag"
    tasks = sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)
    assert len(tasks) >= 41

    # 1. Label Studio asks the backend; the stored predictions are exactly the backend's answer
    first = [t.id for t in tasks[:8]]
    ask_predictions(admin, project.id, first)
    expected = httpx.post(f"{backend.url}/predict", timeout=60,
                          json={"tasks": [{"id": t.id, "data": t.data} for t in tasks[:8]]}).json()["results"]
    for task_id, want in zip(first, expected):
        stored = predictions_of(admin, task_id)
        assert len(stored) == 1, stored
        got = stored[0]
        assert got["model_version"] == version0 == want["model_version"]
        assert got["score"] == pytest.approx(want["score"])
        assert [(r["from_name"], r["value"]["choices"]) for r in got["result"]] == \
               [(r["from_name"], r["value"]["choices"]) for r in want["result"]]
        assert [r["value"].get("scores") for r in got["result"]] == [r["value"].get("scores") for r in want["result"]]
    # the labelling screen's suggestion lines now name what the backend pre-ticks (the tasks were
    # pushed without predictions: their lines said "模型建议：无" above the backend's choices)
    assert all(t.data["suggestion_sector"].startswith("模型建议：无") for t in tasks[:8])
    from policytag.annotation.tasks import suggestion_fields
    from policytag.taxonomy import load_taxonomy

    for task_id, want in zip(first, expected):
        lines = suggestion_fields(want, load_taxonomy())
        data = wait_for(lambda: (lambda d: d if d["suggestion_model"] == version0 else None)(admin.tasks.get(task_id).data),
                        60, f"the suggestion lines of task {task_id}")
        assert {k: data[k] for k in lines} == lines and f"({version0})" in data["suggestion_sector"]
        assert data["clause_id"] == tasks[first.index(task_id)].data["clause_id"]  # the rest of the data kept

    # 2. an annotator (signed up through the web form) labels tasks with their gold labels; the
    #    webhooks reach the backend
    from label_studio_sdk.client import LabelStudio

    erin = LabelStudio(base_url=ls.url, api_key=ls.signup("erin@policytag.test", "erin-password-1"))
    labels = {e.clause.clause_id: e.labels for e in gold_dataset.examples}
    annotated = tasks[8:28]
    for t in annotated:
        y = labels[t.data["clause_id"]]
        erin.annotations.create(t.id, result=annotation_result(y.sector, y.measure_type), lead_time=3.0)
    events = wait_for(lambda: backend.health()["projects"].get(str(project.id), {}).get("events", {})
                      .get("ANNOTATION_CREATED", 0) >= len(annotated) and backend.health()["projects"][str(project.id)],
                      60, "the ANNOTATION_CREATED webhooks")
    assert events["since_training"] >= len(annotated)

    # 3. training is triggered the Label Studio way (START_TRAINING, no annotation in the payload)
    admin.ml.train(ml[0].id)
    health = wait_for(lambda: (lambda h: h if h["training"]["done"] >= 1 else None)(backend.health()), 400,
                      "the retraining to finish")
    last = health["training"]["last"]
    assert last["error"] is None, last
    assert last["accepted"], last  # the weak 15-clause model is beaten on the held-out years
    assert last["n_annotations"] == len(annotated) and last["new_macro_f1"] >= last["old_macro_f1"]
    version1 = health["model_version"]
    assert version1 == last["new_version"] != version0
    assert f"{last['old_macro_f1']:.4f}" in backend.log() and "switched to" in backend.log()

    # 4. predictions made after the switch carry the new model_version
    later = [t.id for t in tasks[28:34]]
    ask_predictions(admin, project.id, later)
    for task_id in later:
        stored = predictions_of(admin, task_id)
        assert [p["model_version"] for p in stored] == [version1]
        wait_for(lambda: admin.tasks.get(task_id).data["suggestion_model"] == version1, 60,
                 f"the new model's suggestion lines on task {task_id}")
    # an annotator opening a task that has no prediction yet gets one from the new model
    opened = tasks[40].id
    assert [p["model_version"] for p in predictions_of(admin, opened)] == [version1]
    # tasks predicted before are predicted again under the new version (Label Studio asks for the new one)
    ask_predictions(admin, project.id, first[:2])
    for task_id in first[:2]:
        assert {p["model_version"] for p in predictions_of(admin, task_id)} == {version0, version1}
    assert backend.health()["status"] == "UP"


def test_connect_to_nothing_is_one_line_and_leaves_no_backend(ls, admin, project, capsys):
    from ls_server import free_port

    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    rc = main(["backend", "connect", "--project", str(project.id), "--url", url,
               "--label-studio-url", ls.url, "--api-key", ls.api_key])
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert rc == 1 and len(err) == 1 and err[0].startswith("policytag: error:"), err
    assert url in err[0] and "ML_BLOCK_LOCAL_IP=false" in err[0]
    assert all(m.url.rstrip("/") != url for m in admin.ml.list(project=project.id))
