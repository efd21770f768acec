"""A regulation pushed with the default model's suggestions, against the session's real Label Studio:
Label Studio keeps the evidence of each suggested label (``value.evidence``) and the task shows it
in its suggestion lines; a re-push of the same notice creates no task and no prediction twice."""

import pytest

from policytag.taxonomy import load_taxonomy

from annot_fixture import REGULATION, annotate as cli, push_notice

pytestmark = pytest.mark.labelstudio
TITLE = "annot1-push-evidence"


def test_pushed_suggestions_keep_their_evidence_and_a_repush_adds_nothing(ls, admin, tmp_path, capsys):
    from policytag.annotation.tasks import load_clauses, predict
    from policytag.app import resolve_model

    project, tasks, notice = push_notice(capsys, ls, admin, tmp_path, TITLE, REGULATION, "--predictions", "default")
    clauses = load_clauses([notice]).clauses
    expected = {c.clause_id: p for c, p in zip(clauses, predict(clauses, resolve_model("default"), load_taxonomy()))}
    assert len(tasks) == len(clauses) == 5
    for task in tasks:
        (stored,) = admin.predictions.list(task=task.id)
        want = {r["from_name"]: r["value"] for r in expected[task.data["clause_id"]]["result"]}
        got = {r["from_name"]: r["value"] for r in stored.result}
        assert {k: v.get("evidence") for k, v in got.items()} == {k: v.get("evidence") for k, v in want.items()}
        assert want["sector"].get("evidence"), want  # every clause names its sector (危险化学品 or the title)
        assert "｜依据：" in task.data["suggestion_sector"], task.data["suggestion_sector"]

    rc, err = cli(capsys, ls, "push", str(notice), "--project", TITLE, "--predictions", "default", "--quiet")
    assert rc == 0 and "tasks: 0 created, 5 already there" in err, err
    tasks = list(admin.tasks.list(project=project.id, fields="all"))
    assert len(tasks) == 5 and all(len(admin.predictions.list(task=t.id)) == 1 for t in tasks)


def test_a_repush_with_another_model_says_what_it_updates_and_what_it_keeps(ls, admin, keyword_run, tmp_path,
                                                                             capsys):
    """Pushed with a keyword run, two clauses labelled, pushed again with the default model: the
    report says the predictions were replaced and that the labelled tasks keep their annotations,
    and they do (results, authors and ids unchanged)."""
    from policytag.annotation.results import annotation_result

    title = "annot1-push-model-change"
    project, tasks, notice = push_notice(capsys, ls, admin, tmp_path, title, REGULATION, "--predictions",
                                         str(keyword_run))
    for t in tasks[:2]:
        admin.annotations.create(t.id, result=annotation_result(["hazardous_chemicals"], ["rules_standards"]))
    before = {t.id: [(a.id, a.result) for a in admin.annotations.list(id=t.id)] for t in tasks}

    rc, err = cli(capsys, ls, "push", str(notice), "--project", title, "--predictions", "default", "--quiet")
    assert rc == 0, err
    assert "predictions: 5 added to existing tasks (5 refreshed: another model version's predictions deleted, " \
           "suggestion lines rewritten); annotations are never changed by a push: 2 of these task(s) hold " \
           "annotations, kept as they are" in err, err
    assert {t.id: [(a.id, a.result) for a in admin.annotations.list(id=t.id)] for t in tasks} == before
    assert all(len(admin.predictions.list(task=t.id)) == 1 for t in tasks)
