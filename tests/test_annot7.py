"""annot7 (tests/data/annot7/EXPECTED.md): outputs are never replaced silently, and the ML backend's
suggestion lines after a retraining read the tasks in one request, not a GET each.

* ``annotate export -o TASKS.json`` / ``annotate config -o FILE`` onto an existing file: a one-line
  error naming the file and ``--force``, the file untouched; with ``--force`` it says what it
  replaced (tasks added / changed / no longer exported, or that it held no task list).
* ``backend.wiring.task_suggester`` against the session's Label Studio: the same lines as before,
  written to exactly the tasks it predicted, with one list request for their data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policytag.cli import main

DATA = Path(__file__).parent / "data" / "annot7"
POINTS = DATA / "2027_松岭县安全生产工作要点.txt"  # 16 clauses
GAS = DATA / "2027_临河市燃气安全专项整治通知.txt"  # 13 clauses


def _one_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# --- export / config: never replace an existing file silently ------------------------------------
def test_export_refuses_an_existing_file_without_force(tmp_path, capsys):
    out = tmp_path / "tasks.json"
    out.write_text("[]\n", encoding="utf-8")  # e.g. yesterday's export, already imported by hand
    assert main(["annotate", "export", str(POINTS), "-o", str(out), "--quiet"]) == 1
    line = _one_error(capsys.readouterr().err)
    assert str(out) in line and "--force" in line, line
    assert out.read_text(encoding="utf-8") == "[]\n"
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_force_says_what_it_replaced(tmp_path, capsys):
    out = tmp_path / "tasks.json"
    assert main(["annotate", "export", str(POINTS), "-o", str(out), "--quiet"]) == 0
    assert "replaced" not in capsys.readouterr().err  # a new file replaces nothing
    old = json.loads(out.read_text(encoding="utf-8"))
    # the lead edits one task's data by hand, then exports both notices over the file
    old[0]["data"]["text"] += "（手改）"
    out.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert main(["annotate", "export", str(POINTS), str(GAS), "-o", str(out), "--quiet", "--force"]) == 0
    err = capsys.readouterr().err
    assert f"replaced {out} (--force): it held 16 task(s); now 13 added, 1 changed" in err, err
    assert "0 no longer exported, 15 the same" in err, err
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 29
    # back to one notice: the other's tasks are said to be gone
    assert main(["annotate", "export", str(GAS), "-o", str(out), "--quiet", "--force"]) == 0
    assert "it held 29 task(s); now 0 added, 0 changed (text, document fields or predictions), 16 no longer " \
           "exported, 13 the same" in capsys.readouterr().err
    # a file that is no task list is said to be one, not compared
    out.write_text('{"not": "tasks"}', encoding="utf-8")
    assert main(["annotate", "export", str(GAS), "-o", str(out), "--quiet", "--force"]) == 0
    assert "it held no Label Studio task list (16 bytes)" in capsys.readouterr().err


def test_config_output_refuses_an_existing_file_without_force(tmp_path, capsys):
    out = tmp_path / "config.xml"
    out.write_text("<View>edited by hand</View>", encoding="utf-8")
    assert main(["annotate", "config", "-o", str(out)]) == 1
    line = _one_error(capsys.readouterr().err)
    assert str(out) in line and "--force" in line, line
    assert out.read_text(encoding="utf-8") == "<View>edited by hand</View>"
    assert main(["annotate", "config", "-o", str(out), "--force"]) == 0
    assert "it held another config" in capsys.readouterr().err
    assert main(["annotate", "config", "-o", str(out), "--force"]) == 0
    assert "the same config as before" in capsys.readouterr().err


# --- the backend's suggestion lines: one read for all tasks ----------------------------------------
@pytest.mark.labelstudio
def test_backend_suggestion_lines_read_the_tasks_in_one_request(ls, admin, tmp_path, capsys, monkeypatch):
    import httpx

    from annot_fixture import push_notice
    from policytag.annotation.tasks import load_clauses, predict, suggestion_fields
    from policytag.backend.service import ProjectState
    from policytag.backend.wiring import task_suggester
    from policytag.models.runs import tagger_class
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    project, tasks, notice = push_notice(capsys, ls, admin, tmp_path, "annot7-suggest")
    clauses = load_clauses([notice]).clauses
    tagger = tagger_class("keyword")().fit(clauses, [Labels(("hazardous_chemicals",), ("responsibility",))
                                                     for _ in clauses])
    by_clause = {t.data["clause_id"]: t for t in tasks}
    preds = {by_clause[c.clause_id].id: p for c, p in zip(clauses, predict(clauses, tagger, taxonomy))}
    chosen = sorted(preds)[1:4]  # three of the five: the others must stay as they are
    sent: list[tuple[str, str]] = []
    real_send = httpx.Client.send

    def send(self, request, *args, **kwargs):
        sent.append((request.method, request.url.path))
        return real_send(self, request, *args, **kwargs)

    state = ProjectState()
    state.project_id = project.id  # as Backend.project(pid) makes it
    monkeypatch.setattr(httpx.Client, "send", send)
    task_suggester(ls.url, ls.api_key, taxonomy)([(tid, preds[tid]) for tid in chosen], state)
    monkeypatch.undo()
    task_reads = [path for method, path in sent if method == "GET" and path.startswith("/api/tasks")]
    assert len(task_reads) == 1, sent  # main: a GET /api/tasks/ID/ per task
    assert sorted(path for method, path in sent if method == "PATCH") == sorted(f"/api/tasks/{t}/" for t in chosen)
    after = {t.id: t.data for t in admin.tasks.list(project=project.id, fields="all")}
    for tid, task in ((t.id, t) for t in tasks):
        if tid in chosen:  # its own prediction's lines; every other field as it was
            assert after[tid] == {**task.data, **suggestion_fields(preds[tid], taxonomy)}
        else:
            assert after[tid] == task.data
