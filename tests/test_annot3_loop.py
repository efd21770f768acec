"""An annotators' lead's loop (tests/data/annot3/EXPECTED.md §2, §3e), against the session's real
Label Studio (one server: the ``ls`` fixture), on the invented regulation of tests/annot_fixture.py.

* an annotator who cannot decide presses Skip, having written why in the note 备注 (Label Studio's
  Skip sends what is on the screen, the note and any ticked or pre-filled box, with
  ``was_cancelled``): the clause is never a gold row, nothing it carried is a label, and the pull
  lists it in NAME.undecided.jsonl with the note, for adjudication, and says so in one line;
* Label Studio answering 500 to one import batch: one line saying how many tasks are in and that
  the same push resumes; the re-push imports the rest and nothing twice.
"""

from __future__ import annotations

import json

import pytest

from policytag.annotation.results import annotation_result

from annot_fixture import annotate, push_notice
from ls_fixture import sign_up_annotators

pytestmark = pytest.mark.labelstudio
UNSURE = "拿不准：第二条只讲适用范围，按规则看不出主要措施类型"


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_clause_nobody_could_decide_goes_to_adjudication_not_to_the_gold_rows(ls, admin, tmp_path, capsys):
    project, tasks, _ = push_notice(capsys, ls, admin, tmp_path, "annot3-undecided")
    people = sign_up_annotators(ls, ("mei", "lan"), "annot3-undecided.test")
    (mei, mei_name), (lan, lan_name) = people["mei"], people["lan"]
    hazchem = annotation_result(["hazardous_chemicals"], ["rules_standards"])
    # task 0: mei cannot decide: she wrote why and pressed Skip over a ticked (or pre-filled) screen
    mei.annotations.create(tasks[0].id, result=annotation_result(["coal_mine"], ["enforcement"], UNSURE),
                           was_cancelled=True)
    # task 1: mei skips without a word; lan labels it: lan's label stands
    mei.annotations.create(tasks[1].id, result=[], was_cancelled=True)
    lan.annotations.create(tasks[1].id, result=hazchem)
    # task 2: labelled
    lan.annotations.create(tasks[2].id, result=hazchem)
    # task 3: submitted (through the API: the screen requires a dominant) with a note and no label at all
    lan.annotations.create(tasks[3].id, result=annotation_result([], [], "不确定是否属于行业领域"))
    ids = [t.data["clause_id"] for t in tasks]

    out = tmp_path / "team.jsonl"
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out), "--no-flag")
    assert rc == 0, err
    rows = {r["clause_id"]: r for r in _jsonl(out)}
    assert set(rows) == {ids[1], ids[2]}  # nothing of a skip became a label, no row without labels
    assert all(r["sector"] and r["measure_type"] for r in rows.values())
    assert rows[ids[1]]["annotator"] == lan_name
    undecided = {r["clause_id"]: r for r in _jsonl(out.with_name("team.undecided.jsonl"))}
    assert list(undecided) == [ids[0], ids[3]]  # in task order
    first = undecided[ids[0]]
    # the clause whole, as a gold row carries it, and no labels
    assert (first["task_id"], first["text"], first["doc_id"]) == (tasks[0].id, tasks[0].data["text"],
                                                                  tasks[0].data["doc_id"])
    assert first["title"] == tasks[0].data["title"] and "sector" not in first and "measure_type" not in first
    (skip,) = first["undecided"]
    assert (skip["how"], skip["annotator"], skip["note"]) == ("skipped", mei_name, UNSURE)
    (empty,) = undecided[ids[3]]["undecided"]
    assert (empty["how"], empty["annotator"], empty["note"]) == ("no dominant measure type", lan_name,
                                                                "不确定是否属于行业领域")
    meta = json.loads(out.with_name("team.meta.json").read_text(encoding="utf-8"))
    assert meta["counts"]["undecided"] == 2 and meta["files"]["undecided"] == "team.undecided.jsonl"
    line = next(x for x in err.splitlines() if "nobody could decide" in x)
    assert line.startswith("policytag: 2 clause(s) nobody could decide went to ") and "team.undecided.jsonl" in line
    assert f"task {tasks[0].id} by {mei_name}, skipped: 拿不准" in line

    # lan decides task 0 and task 3 after all: a forced pull replaces the undecided file with the others
    lan.annotations.create(tasks[0].id, result=hazchem)
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out), "--no-flag")
    assert rc == 1 and "already exists" in err  # without --force, as for the other outputs
    for name in ("team.jsonl", "team.meta.json", "team.conflicts.jsonl"):
        out.with_name(name).unlink()
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out), "--no-flag")
    assert rc == 1 and "team.undecided.jsonl: already exists" in err, err  # the new file alone is refused too
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out), "--no-flag", "--force")
    assert rc == 0, err
    assert {r["clause_id"] for r in _jsonl(out)} == {ids[0], ids[1], ids[2]}
    assert [r["clause_id"] for r in _jsonl(out.with_name("team.undecided.jsonl"))] == [ids[3]]
    assert "1 clause(s) nobody could decide" in err


def test_a_500_on_one_import_batch_is_one_line_and_the_same_push_resumes(ls, admin, tmp_path, capsys, monkeypatch):
    from label_studio_sdk.core.api_error import ApiError

    import policytag.annotation.push as push_module
    from policytag.annotation.client import Session

    monkeypatch.setattr(push_module, "BATCH", 2)  # 5 clauses: 3 batches
    real_import, calls = Session.import_tasks, []

    def flaky_import(self, project_id, tasks):
        calls.append(len(tasks))
        if len(calls) == 2:  # Label Studio fails on the second batch (a database hiccup, a proxy's 500)
            raise ApiError(status_code=500, body={"detail": "Server Error (500)"})
        return real_import(self, project_id, tasks)

    monkeypatch.setattr(Session, "import_tasks", flaky_import)
    notice = tmp_path / "notice.txt"
    from annot_fixture import REGULATION

    notice.write_text(REGULATION, encoding="utf-8")
    rc, err = annotate(capsys, ls, "push", str(notice), "--project", "annot3-500", "--quiet")
    assert rc == 1
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert "HTTP 500" in lines[0] and "2 of 5 new task(s) were imported" in lines[0]
    assert "run the same push again to import the other 3" in lines[0]
    project = next(p for p in admin.projects.list() if p.title == "annot3-500")
    assert len(list(admin.tasks.list(project=project.id))) == 2  # the first batch whole, nothing of the second

    monkeypatch.setattr(Session, "import_tasks", real_import)
    rc, err = annotate(capsys, ls, "push", str(notice), "--project", "annot3-500", "--quiet")
    assert rc == 0 and "tasks: 3 created, 2 already there" in err, err
    clause_ids = [t.data["clause_id"] for t in admin.tasks.list(project=project.id, fields="all")]
    assert len(clause_ids) == 5 and len(set(clause_ids)) == 5


def _keyword_run(directory, sector: str):
    """A real keyword model fitted on the regulation's clauses (every clause ``sector``), as a run."""
    from policytag.annotation.tasks import load_clauses
    from policytag.models.runs import save_run, tagger_class
    from policytag.records import Labels

    clauses = load_clauses([directory / "notice.txt"]).clauses
    tagger = tagger_class("keyword")().fit(clauses, [Labels((sector,), ("responsibility",)) for _ in clauses])
    run = directory / f"run-{sector}"
    save_run(tagger, run, config={"model": {"type": "keyword"}}, metrics={}, data_hash=sector)
    return run, str(tagger.model_version)


def test_next_after_a_retraining_says_the_ranked_tasks_show_the_old_suggestions(ls, admin, tmp_path, capsys):
    """`annotate next --model NEW` ranks with the new model but writes no prediction: the annotators it
    sends there see the pushed model's suggestions (pre-filled). It says so, and what refreshes them."""
    from annot_fixture import REGULATION

    (tmp_path / "notice.txt").write_text(REGULATION, encoding="utf-8")
    old_run, old = _keyword_run(tmp_path, "hazardous_chemicals")
    new_run, new = _keyword_run(tmp_path, "coal_mine")
    assert old != new
    project, tasks, notice = push_notice(capsys, ls, admin, tmp_path, "annot3-next", REGULATION,
                                         "--predictions", str(old_run))
    rc, err = annotate(capsys, ls, "next", "--project", str(project.id), "--n", "3", "--strategy", "uncertainty",
                       "--model", str(new_run))
    assert rc == 0, err
    line = next(x for x in err.splitlines() if "warning:" in x)
    assert f"3 of the 3 ranked task(s) show another model's suggestions (3 of {old})" in line
    assert f"--predictions {new_run}" in line
    # the push it names refreshes them; the same ranking then says nothing
    rc, err = annotate(capsys, ls, "push", str(notice), "--project", str(project.id), "--predictions", str(new_run),
                       "--quiet")
    assert rc == 0, err
    rc, err = annotate(capsys, ls, "next", "--project", str(project.id), "--n", "3", "--strategy", "uncertainty",
                       "--model", str(new_run))
    assert rc == 0 and "warning" not in err, err
