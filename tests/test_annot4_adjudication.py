"""What waits for adjudication is flagged in Label Studio (tests/data/annot4/EXPECTED.md §1), against
the session's real Label Studio (the ``ls`` fixture), on the invented regulation of tests/annot_fixture.py.

One project for the module: two annotators disagree on 第一条 (a conflict), both skip 第二条
(undecided), agree on 第三条, one breaks a codebook rule alone on 第四条, nobody opens 第五条. The
pull writes its files as before and flags 第一条 and 第二条 (``adjudication``: conflict / undecided),
which the tab 待裁决 · policytag lists; the flag is not a label (a second pull gives the same rows);
deciding the clause clears it, whether a pull or the backend's webhook re-check looks.
"""

from __future__ import annotations

import json

import pytest

from policytag.annotation.client import ADJUDICATION_VIEW_TITLE, VIEW_TITLE, connect
from policytag.annotation.results import annotation_result
from policytag.annotation.rules import recheck_task
from policytag.cli import main
from policytag.taxonomy import load_taxonomy

from annot_fixture import REGULATION, annotate, project_titled
from ls_fixture import sign_up_annotators

pytestmark = pytest.mark.labelstudio
TITLE = "annot4-adjudicate"
UNSURE = "拿不准：第二条只讲适用范围"


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def team(ls, admin, tmp_path_factory):
    """The project (5 tasks in clause order) labelled as the module docstring says; the annotators."""
    work = tmp_path_factory.mktemp("annot4-adjudicate")
    notice = work / "notice.txt"
    notice.write_text(REGULATION, encoding="utf-8")
    assert main(["annotate", "push", str(notice), "--project", TITLE, "--url", ls.url, "--api-key", ls.api_key,
                 "--quiet"]) == 0
    project = project_titled(admin, TITLE)
    tasks = sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)
    people = sign_up_annotators(ls, ("mei", "lan", "ivy"), "annot4-adjudicate.test")
    mei, lan = people["mei"][0], people["lan"][0]
    mei.annotations.create(tasks[0].id, result=annotation_result(["hazardous_chemicals"], ["responsibility"]))
    lan.annotations.create(tasks[0].id, result=annotation_result(["fire_safety"], ["responsibility"]))
    mei.annotations.create(tasks[1].id, result=annotation_result([], [], UNSURE), was_cancelled=True)
    lan.annotations.create(tasks[1].id, result=[], was_cancelled=True)
    for who in (mei, lan):
        who.annotations.create(tasks[2].id, result=annotation_result(["hazardous_chemicals"], ["rules_standards"]))
    lan.annotations.create(tasks[3].id, result=annotation_result(["cross_sector", "hazardous_chemicals"],
                                                                 ["enforcement"]))
    return project, tasks, people, work


def _data(admin, tasks):
    return [admin.tasks.get(t.id).data for t in tasks]


def test_the_pull_flags_what_waits_for_adjudication_and_a_tab_lists_it(ls, admin, team, capsys):
    project, tasks, people, work = team
    out = work / "team.jsonl"
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out))
    assert rc == 0, err
    assert f"2 task(s) wait for adjudication: Label Studio tab '待裁决 · policytag' of project {project.id}" in err
    ids = [t.data["clause_id"] for t in tasks]
    # the pull's files as before
    assert [r["clause_id"] for r in _jsonl(out.with_name("team.conflicts.jsonl"))] == [ids[0]]
    assert [r["clause_id"] for r in _jsonl(out.with_name("team.undecided.jsonl"))] == [ids[1]]
    rows = _jsonl(out)
    assert [r["clause_id"] for r in rows] == [ids[2], ids[3]]
    # in Label Studio: the conflict and the undecided clause, and only they, wait for adjudication
    data = _data(admin, tasks)
    assert [d.get("adjudication") for d in data] == ["conflict", "undecided", "", "", ""]
    assert [d["needs_review"] for d in data] == [True, True, False, True, False]  # 第四条: a rule, not a dispute
    names = sorted(people[w][1] for w in ("mei", "lan"))
    assert data[1]["review"] == f"⚠ 需复核：{'、'.join(names)}：无人定夺（跳过），待裁决"
    assert "待裁决" in data[0]["review"] and "待裁决" not in data[3]["review"]
    # the tab lists them; the task table stays the first tab (where a project opens)
    tabs = {v.data.get("title"): v for v in admin.views.list(project=project.id)}
    assert tabs[VIEW_TITLE].id < tabs[ADJUDICATION_VIEW_TITLE].id
    listed = {t.id for t in admin.tasks.list(project=project.id, view=tabs[ADJUDICATION_VIEW_TITLE].id)}
    assert listed == {tasks[0].id, tasks[1].id}
    assert "tasks:data.adjudication" not in tabs[VIEW_TITLE].data["hiddenColumns"]["explore"]

    # the flag is not a label: a second pull reads the same rows, and no row carries it
    again = work / "again.jsonl"
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(again))
    assert rc == 0, err
    assert _jsonl(again) == rows and not any("adjudication" in r for r in rows)
    assert "review flags" not in err  # nothing to set or clear the second time
    # a re-push of the same notice rewrites no task and keeps the flags the pull set (EXPECTED.md §3)
    rc, err = annotate(capsys, ls, "push", str(work / "notice.txt"), "--project", TITLE, "--quiet")
    assert rc == 0 and "tasks: 0 created, 5 already there" in err and "display fields" not in err, err
    assert _data(admin, tasks) == data


def test_deciding_a_clause_clears_its_flag_and_the_webhook_recheck_agrees_with_the_pull(ls, admin, team, capsys):
    project, tasks, people, work = team
    session, taxonomy = connect(ls.url, ls.api_key), load_taxonomy()
    (mei, _), (lan, _), (ivy, _) = people["mei"], people["lan"], people["ivy"]
    # the backend's webhook re-check of a task mei skips (第五条): the flag a pull would set
    mei.annotations.create(tasks[4].id, result=[], was_cancelled=True)
    recheck_task(session, tasks[4].id, taxonomy)
    flagged = admin.tasks.get(tasks[4].id).data
    assert flagged["adjudication"] == "undecided" and flagged["needs_review"] is True
    out = work / "decided.jsonl"
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out))
    assert rc == 0, err
    assert admin.tasks.get(tasks[4].id).data == flagged  # the pull finds the same flag there: not rewritten
    # a third vote breaks the tie (webhook), lan labels the skipped clause after all (pull)
    ivy.annotations.create(tasks[0].id, result=annotation_result(["hazardous_chemicals"], ["responsibility"]))
    assert recheck_task(session, tasks[0].id, taxonomy) == []
    lan.annotations.create(tasks[1].id, result=annotation_result(["hazardous_chemicals"], ["rules_standards"]))
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out), "--force")
    assert rc == 0, err
    data = _data(admin, tasks)
    assert [d["adjudication"] for d in data] == ["", "", "", "", "undecided"]
    assert data[1]["needs_review"] is False and data[1]["review"] == ""
    tab = next(v for v in admin.views.list(project=project.id) if v.data.get("title") == ADJUDICATION_VIEW_TITLE)
    assert {t.id for t in admin.tasks.list(project=project.id, view=tab.id)} == {tasks[4].id}
