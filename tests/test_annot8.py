"""annot8 (tests/data/annot8/EXPECTED.md): ``annotate next`` in an ``--overlap 2`` project keeps a task
with 1 of its 2 annotations in the queue (after the tasks nobody annotated), and says when another
annotator left a draft on a ranked task.

Unit tests on task dicts/objects shaped like Label Studio 1.23's task list (``fields="all"``) and
export (drafts whole), with a stand-in session; one test against the session's Label Studio checks
that the server gives those shapes.
"""

from __future__ import annotations

import contextlib
from types import SimpleNamespace

import numpy as np
import pytest

# only what main had at module level, so that each test fails on main by its own assertion
from policytag.annotation.active import RANK_KEY, QueueTask, project_tasks
from policytag.taxonomy import DIMENSIONS

TEXTS = ("生产经营单位应当建立健全全员安全生产责任制。", "县应急管理局负责组织本行政区域内的应急演练。",
         "各乡镇要于每月底前报送隐患排查治理情况。", "燃气经营企业应当对用户设施开展入户安全检查。",
         "对拒不整改重大事故隐患的，依法责令停产停业整顿。")


def ls_task(tid: int, annotations=(), overlap: int = 2, draft_exists: bool = False, data: dict | None = None):
    """One task as the SDK lists it: annotations as dicts, ``overlap`` the annotations it asks for,
    ``drafts`` the key owner's own (empty here), ``draft_exists`` anyone's."""
    text = TEXTS[(tid - 1) % len(TEXTS)]
    return SimpleNamespace(id=tid, data={"text": text, "clause_id": f"c{tid}", **(data or {})},
                           annotations=[{"id": 100 + k, **a} for k, a in enumerate(annotations)],
                           overlap=overlap, is_labeled=len(annotations) >= overlap, drafts=[],
                           draft_exists=draft_exists)


SUBMITTED, SKIPPED = {"was_cancelled": False, "result": []}, {"was_cancelled": True, "result": []}


def export_draft(user_id: int, email: str, annotation: int | None = None) -> dict:
    # the export's draft as Label Studio 1.23 writes it (checked against the server: test below)
    return {"id": 7, "user": email, "created_username": f"{email}, {user_id}", "annotation": annotation,
            "result": [], "updated_at": "2026-12-07T17:00:00Z"}


class FakeSession:
    """The three reads ``project_tasks`` makes: the task list, the users, the export."""

    def __init__(self, tasks, export=(), users=()):
        self._tasks, self._export, self._users = list(tasks), list(export), list(users)
        self.exports = 0

    def errors(self, what: str):
        return contextlib.nullcontext()

    def tasks(self, project_id: int):
        return iter(self._tasks)

    def users(self):
        return self._users

    def export_tasks(self, project_id: int):
        self.exports += 1
        return self._export


USERS = [SimpleNamespace(id=2, email="mei@x.test", username="mei"), SimpleNamespace(id=3, email="lan@x.test",
                                                                                     username="lan")]
PROJECT = SimpleNamespace(id=1, title="overlap-2")


def overlap_project() -> FakeSession:
    """EXPECTED.md's five tasks: 1 has 1 of 2, 2 a draft by lan, 3 is done (and ranked before), 4 a skip."""
    tasks = [ls_task(1, [SUBMITTED]), ls_task(2, draft_exists=True),
             ls_task(3, [SUBMITTED, SUBMITTED], data={RANK_KEY: 4}), ls_task(4, [SKIPPED]), ls_task(5)]
    export = [{"id": t.id, "data": t.data, "annotations": t.annotations, "drafts": []} for t in tasks]
    export[1]["drafts"] = [export_draft(3, "lan@x.test")]
    return FakeSession(tasks, export, USERS)


def test_progress_counts_what_the_overlap_asks_for():
    from policytag.annotation.active import Progress, task_progress

    assert task_progress(ls_task(1, [SUBMITTED])) == Progress(2, 1, ())
    assert not task_progress(ls_task(1, [SUBMITTED])).complete and task_progress(ls_task(1, [SUBMITTED])).started
    assert task_progress(ls_task(1, [SUBMITTED, SUBMITTED])).complete
    assert not task_progress(ls_task(1, [SKIPPED])).started  # a skip is no annotation
    # a project pushed without --overlap: one annotation labels it (overlap 1, or absent)
    assert task_progress(ls_task(1, [SUBMITTED], overlap=1)).complete
    assert task_progress({"id": 1, "annotations": [SUBMITTED]}).complete
    assert task_progress(ls_task(1, draft_exists=True)).drafts == ("another annotator",)
    assert task_progress(ls_task(1, draft_exists=True), ["lan", "lan"]).drafts == ("lan",)


def test_a_task_with_one_of_two_annotations_stays_in_the_queue():
    session = overlap_project()
    pool, labelled_ranked, labelled = project_tasks(session, PROJECT)
    # main: task 1 counted as labelled (any annotation), never ranked; labelled == 2
    assert [t.task_id for t in pool] == [1, 2, 4, 5]
    assert [t.task_id for t in labelled_ranked] == [3] and labelled == 1
    by_id = {t.task_id: t.progress for t in pool}
    assert (by_id[1].wanted, by_id[1].submitted, by_id[1].drafts) == (2, 1, ()) and by_id[2].drafts == ("lan",)  # named from the export
    assert session.exports == 1


def test_no_draft_no_export():
    session = FakeSession([ls_task(1, [SUBMITTED]), ls_task(2)], users=USERS)
    pool, _, _ = project_tasks(session, PROJECT)
    assert [t.task_id for t in pool] == [1, 2] and session.exports == 0


def _pool() -> list[QueueTask]:
    return project_tasks(overlap_project(), PROJECT)[0]


def test_started_tasks_rank_after_untouched_ones_and_say_why(taxonomy):
    from policytag.annotation.active import rank_tasks

    pool = _pool()  # tasks 1 (1 of 2), 2 (lan's draft), 4, 5
    picks = rank_tasks("random", pool, 4, taxonomy, seed=3)
    ids = [pool[p.index].task_id for p in picks]
    assert sorted(ids[:3]) == [2, 4, 5] and ids[3] == 1 and [p.rank for p in picks] == [1, 2, 3, 4]
    reason = {pool[p.index].task_id: p.reason for p in picks}
    assert reason[1].endswith("[1 of 2 annotations submitted, needs 1 more]"), reason[1]
    assert "draft by lan (not submitted)" in reason[2], reason[2]
    assert "[" not in reason[4] and "[" not in reason[5]  # nothing to say about untouched tasks
    # a batch the untouched tasks fill leaves the started one out (it sorts after the ranked ones)
    assert 1 not in {pool[p.index].task_id for p in rank_tasks("random", pool, 3, taxonomy, seed=3)}


def test_started_task_comes_after_even_when_the_model_is_least_sure_of_it(taxonomy):
    from policytag.annotation.active import rank_tasks

    pool = _pool()
    proba = {dim: np.full((len(pool), len(taxonomy[dim].ids)), 0.05) for dim in DIMENSIONS}
    thresholds = {dim: np.full(len(taxonomy[dim].ids), 0.5) for dim in proba}
    proba["sector"][0, 0] = 0.5  # task 1 (started): a label exactly at its threshold
    proba["sector"][3, 0] = 0.45  # task 5: the closest call among the untouched
    picks = rank_tasks("uncertainty", pool, 4, taxonomy, proba, thresholds)
    assert [pool[p.index].task_id for p in picks][0] == 5 and pool[picks[-1].index].task_id == 1
    assert picks[-1].score == 1.0 and "closest call" in picks[-1].reason and "1 of 2" in picks[-1].reason


def test_next_dry_run_prints_the_started_task_last_and_the_draft(monkeypatch, capsys):
    from policytag.annotation import client
    from policytag.cli import main

    monkeypatch.setattr(client, "connect", lambda url, key: overlap_project())
    monkeypatch.setattr(client, "get_project", lambda session, spec: SimpleNamespace(
        id=1, title="overlap-2", label_config=""))
    monkeypatch.setattr(client, "refuse_foreign_config", lambda project, what: None)
    assert main(["annotate", "next", "--project", "1", "--n", "4", "--strategy", "random", "--dry-run",
                 "--url", "http://127.0.0.1:9", "--api-key", "k"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.strip().splitlines()[1:]]
    assert rows[-1][1] == "1" and "needs 1 more" in rows[-1][4]
    assert any(r[1] == "2" and "draft by lan" in r[4] for r in rows)


@pytest.mark.labelstudio
def test_label_studio_gives_the_fields_the_queue_reads(ls, admin, tmp_path, capsys):
    """A real ``--overlap 2`` project: mei submits one task, lan leaves a draft on another."""
    import httpx

    from annot_fixture import REGULATION, push_notice
    from policytag.annotation.client import connect
    from policytag.annotation.results import annotation_result
    from policytag.taxonomy import load_taxonomy

    project, tasks, _ = push_notice(capsys, ls, admin, tmp_path, "annot8-overlap", REGULATION, "--overlap", "2")
    tasks = sorted(tasks, key=lambda t: t.id)
    keys = {who: ls.signup(f"{who}@annot8.test", f"{who}-password-1") for who in ("mei", "lan")}
    result = annotation_result(["cross_sector"], ["responsibility"])
    for who, path in (("mei", f"/api/tasks/{tasks[0].id}/annotations/"), ("lan", f"/api/tasks/{tasks[1].id}/drafts")):
        r = httpx.post(f"{ls.url}{path}", json={"result": result, "lead_time": 2.0},
                       headers={"Authorization": f"Token {keys[who]}"}, timeout=60)
        assert r.status_code < 300, r.text
    pool, _, labelled = project_tasks(connect(ls.url, ls.api_key), project)
    assert labelled == 0 and len(pool) == len(tasks)  # main: tasks[0] labelled, left out
    by_id = {t.task_id: t for t in pool}
    assert (by_id[tasks[0].id].progress.wanted, by_id[tasks[0].id].progress.submitted) == (2, 1)
    assert by_id[tasks[1].id].progress.drafts == ("lan",)
    from policytag.annotation.active import rank_tasks

    picks = rank_tasks("random", pool, len(pool), load_taxonomy())
    assert pool[picks[-1].index].task_id == tasks[0].id


def test_a_started_task_names_the_overall_rank_of_its_same_wording(taxonomy):
    """Started tasks are ranked as a group of their own: "same wording as rank K" must count from
    the batch's first pick, not the group's."""
    from policytag.annotation.active import rank_tasks

    again = ls_task(6, [SUBMITTED], data={"text": TEXTS[0].replace("。", "！")})  # task 1's wording
    session = FakeSession([ls_task(1, [SUBMITTED]), ls_task(5), again], users=USERS)
    pool, _, _ = project_tasks(session, PROJECT)
    picks = rank_tasks("diversity", pool, 3, taxonomy)
    assert [pool[p.index].task_id for p in picks][0] == 5
    copy = picks[2]
    assert "same wording as rank 2" in copy.reason, copy.reason  # rank 1 is task 5, another wording
