"""What a newcomer's walk through docs/annotation.md and docs/backend.md met (tests/data/annot6/WALKTHROUGH.md),
checked without a Label Studio server and without loading a model:

* `backend serve` on a port another server holds printed "serving … on http://…", loaded the model, then
  uvicorn's ERROR line and exited 3 (a status the docs promise nobody); now one line, status 1, before the
  model loads;
* `backend connect` printed Label Studio's state code (`state CO`), where the docs and *Settings → Model* say
  **Connected**;
* `annotate push --predictions MODEL` into a new project said nothing of the predictions: the new tasks'
  model is now named.
"""

from __future__ import annotations

import contextlib
import socket
from types import SimpleNamespace

import pytest

from policytag import PolicytagError
from policytag.cli import main


def _errors(err: str) -> list[str]:
    return [x for x in err.splitlines() if x.startswith("policytag: error:")]


@pytest.fixture
def busy_port():
    """A port some other server listens on (as a second `backend serve` would find it)."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        yield other.getsockname()[1]


def test_a_busy_port_is_one_line_before_the_model_loads(busy_port, capsys):
    # the model does not exist: the port is checked first, so the answer comes in a second, not after a load
    rc = main(["backend", "serve", "--model", "/nonexistent-run", "--port", str(busy_port), "--no-retrain"])
    err = capsys.readouterr().err
    assert rc == 1, err
    assert len(_errors(err)) == 1 and "Traceback" not in err, err
    assert f"--port {busy_port}: cannot listen on 127.0.0.1:{busy_port}" in err and "another --port" in err, err
    assert "serving" not in err, err


def test_a_free_port_passes_the_check(capsys):
    from policytag.backend.cli import check_port_free

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    check_port_free("127.0.0.1", port)  # freed again: no error


def test_uvicorn_failing_to_start_is_a_policytag_error(monkeypatch):
    """A port taken between the check and uvicorn's bind: uvicorn logs and exits 3; serve turns it into one
    line (status 1) like every other failure."""
    import uvicorn

    from policytag.backend.server import serve

    def failing_run(*args, **kwargs):
        raise SystemExit(3)

    monkeypatch.setattr(uvicorn, "run", failing_run)
    with pytest.raises(PolicytagError, match=r"could not start on 127\.0\.0\.1:1234"):
        serve(object(), "127.0.0.1", 1234)


class _FakeML:
    """Label Studio's ml endpoints as `connect_ml_backend` uses them: one backend, connected. ``registered``: the
    URL of a backend already registered with the project (a second `backend connect` updates it)."""

    def __init__(self, registered: str | None = None, **state):
        self.state = state
        self.created = []
        self.updated = []
        self.registered = registered

    def list(self, project):
        return [SimpleNamespace(id=3, url=self.registered)] if self.registered else []

    def update(self, ml_id, **fields):
        # Label Studio 1.23.2 (ml/serializers.py) validates a PATCH naming `url` with
        # MLBackend.setup_(**the PATCH's fields): without `project` a TypeError, answered 500
        if "url" in fields and "project" not in fields:
            raise PolicytagError("connecting the backend: HTTP 500: MLBackend.setup_() missing 1 required "
                                 "positional argument: 'project'")
        self.updated.append(fields)

    def create(self, **fields):
        self.created.append(fields)
        return SimpleNamespace(id=3)

    def get(self, ml_id):
        return SimpleNamespace(id=ml_id, model_version="default@x", error_message=None, **self.state)


class _FakeSession:
    def __init__(self, ml):
        self.client = SimpleNamespace(ml=ml)
        self.url = "http://ls.test"
        self.project_updates = []

    def errors(self, what):
        return contextlib.nullcontext()

    def update_project(self, project_id, **fields):
        self.project_updates.append(fields)


@pytest.mark.parametrize("state, shown", [
    ({"state": "CO", "readable_state": "Connected"}, "state Connected (CO)"),
    ({"state": "CO"}, "state Connected (CO)"),  # a Label Studio that sends no readable_state
])
def test_connect_prints_the_state_in_the_words_of_the_web_ui(monkeypatch, capsys, state, shown):
    from policytag.annotation import client

    session = _FakeSession(_FakeML(**state))
    monkeypatch.setattr(client, "connect", lambda url, key: session)
    monkeypatch.setattr(client, "get_project", lambda s, spec: SimpleNamespace(id=1, title="walk"))
    monkeypatch.setattr(client, "refuse_foreign_config", lambda project, why: None)
    rc = main(["backend", "connect", "--project", "walk", "--url", "http://localhost:9090",
               "--label-studio-url", "http://ls.test", "--api-key", "k"])
    err = capsys.readouterr().err
    assert rc == 0, err
    assert f"connected to project 1 ('walk'): {shown}, model_version default@x" in err, err
    assert session.project_updates == [{"show_collab_predictions": True, "model_version": "policytag"}]


def test_a_second_connect_updates_the_registration(monkeypatch, capsys):
    """Running `backend connect` again (after a restart, another port, a typo fixed) was an HTTP 500 from
    Label Studio: the update named `url` but not `project` (seen in the walk, tests/data/annot6/WALKTHROUGH.md)."""
    from policytag.annotation import client

    ml = _FakeML(registered="http://localhost:9090", state="CO", readable_state="Connected")
    session = _FakeSession(ml)
    monkeypatch.setattr(client, "connect", lambda url, key: session)
    monkeypatch.setattr(client, "get_project", lambda s, spec: SimpleNamespace(id=1, title="walk"))
    monkeypatch.setattr(client, "refuse_foreign_config", lambda project, why: None)
    rc = main(["backend", "connect", "--project", "walk", "--url", "http://localhost:9090/",
               "--label-studio-url", "http://ls.test", "--api-key", "k"])
    err = capsys.readouterr().err
    assert rc == 0 and "backend 3 'policytag' connected to project 1" in err, err
    assert ml.created == [] and ml.updated and ml.updated[0]["project"] == 1


def test_push_report_names_the_model_of_the_new_tasks_predictions():
    from policytag.annotation.push import PushReport

    report = PushReport(1, "walk", True, False, tasks_created=21, prefill=True, predictions_model="default@x")
    assert "predictions: default@x on 21 new task(s)" in report.lines()
    # without new tasks (all already there) the line would claim what did not happen
    quiet = PushReport(1, "walk", False, False, tasks_existing=21, prefill=True, predictions_model="default@x")
    assert not any(line.startswith("predictions: default@x") for line in quiet.lines())


def test_a_labels_file_with_wrong_ids_names_every_one_with_the_id_it_means(tmp_path):
    """annotation.md §7 walked with a spreadsheet's labels: the error showed the first problem `(and 4 more)`,
    so three wrong ids took three failed pushes. Now every label that is no id is named once, with the id it
    probably means (a Chinese name -> its id; a near miss -> the nearest id)."""
    import json

    from policytag.annotation.push import load_label_rows
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    fire = taxonomy["sector"].ids.index("forest_grassland_fire")
    rows = [{"clause_id": "c1", "sector": ["forest_fire"], "measure_type": ["emergency_preparedness"]},
            {"clause_id": "c2", "sector": [taxonomy["sector"].names[fire]], "measure_type": ["emergency"]},
            {"clause_id": "c3", "sector": ["forest_fire"], "measure_type": ["zzz"]}]
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    no_clauses = SimpleNamespace(by_id=dict)
    with pytest.raises(PolicytagError) as caught:
        load_label_rows(path, no_clauses, taxonomy)
    said = str(caught.value)
    assert "\n" not in said and "nothing imported" in said
    hint = said.split(f"; labels not in taxonomy {taxonomy.version}: ", 1)[1]
    assert hint.count("forest_fire (forest_grassland_fire?)") == 1, said  # each label once
    assert "emergency_preparedness (emergency?)" in hint, said
    assert f"{taxonomy['sector'].names[fire]} (the name of forest_grassland_fire: write the id)" in hint, said
    assert "zzz" in hint and "zzz (" not in hint.replace("zzz (the ids:", ""), said  # nothing near: no guess


def test_a_labels_file_with_known_ids_gets_no_label_hint(tmp_path):
    import json

    from policytag.annotation.push import load_label_rows
    from policytag.taxonomy import load_taxonomy

    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps({"clause_id": "c1", "sector": ["coal_mine"], "measure_type": ["emergency"]}) + "\n",
                    encoding="utf-8")
    with pytest.raises(PolicytagError) as caught:
        load_label_rows(path, SimpleNamespace(by_id=dict), load_taxonomy())
    assert str(caught.value).endswith("c1: no such clause in the input")
