"""An annotator's loop on three genres against the session's real Label Studio (tests/data/annot5/
EXPECTED.md §2): a county's 应急预案 (1.1 numbering), its 管理办法 (第X条) and its 工作要点 (items with a
牵头单位 remark), invented and kept in tests/data/annot5/.

Pushed with one keyword model's predictions; mei accepts a suggestion as it was pre-filled, changes
one, skips one; mei and lan disagree on one; lan leaves a draft on another (ticked, never submitted).
The pull must say what it did not take (the draft), not read it like a clause nobody opened; a
re-push with a retrained model refreshes the suggestion lines and keeps every annotation, flag and
draft. Wrong URL / key / project: one line each."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from policytag.annotation.results import annotation_result
from policytag.cli import main
from policytag.models.runs import save_run, tagger_class
from policytag.records import Labels
from policytag.text import HEADING_JOIN

from annot_fixture import annotate, project_titled

pytestmark = pytest.mark.labelstudio
TITLE = "annot5-loop"
DATA = Path(__file__).parent / "data" / "annot5"
NOTICES = ("plan.txt", "regulation.txt", "points.txt")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _keyword_run(work: Path, name: str, sector: str) -> Path:
    """A keyword tagger that ticks ``sector`` for everything (a stand-in for a retraining: cheap)."""
    from policytag.annotation.tasks import load_clauses

    clauses = load_clauses([DATA / n for n in NOTICES]).clauses
    tagger = tagger_class("keyword")().fit(clauses, [Labels((sector,), ("responsibility",)) for _ in clauses])
    save_run(tagger, work / name, config={"model": {"type": "keyword"}}, metrics={}, data_hash=name)
    return work / name


@pytest.fixture(scope="module")
def loop(ls, admin, tmp_path_factory):
    """The project after the annotators' work (see the module docstring), its tasks by clause id,
    the annotators' API keys, the second model and the work folder."""
    work = tmp_path_factory.mktemp("annot5-loop")
    first, second = _keyword_run(work, "first", "hazardous_chemicals"), _keyword_run(work, "second", "urban_gas")
    assert main(["annotate", "push", *(str(DATA / n) for n in NOTICES), "--project", TITLE, "--predictions", str(first),
                 "--url", ls.url, "--api-key", ls.api_key, "--quiet"]) == 0
    project = project_titled(admin, TITLE)
    tasks = {t.data["clause_id"]: t for t in admin.tasks.list(project=project.id, fields="all")}
    keys = {who: ls.signup(f"{who}@annot5-loop.test", f"{who}-password-1") for who in ("mei", "lan")}

    def as_(who: str, method: str, path: str, body: dict) -> dict:
        r = httpx.request(method, f"{ls.url}{path}", json=body, headers={"Authorization": f"Token {keys[who]}"},
                          timeout=60)
        assert r.status_code < 300, r.text
        return r.json()

    def clause(words: str) -> str:
        """The clause id of the one task whose text holds ``words`` (ids are the segmenter's business)."""
        (found,) = [cid for cid, t in tasks.items() if words in t.data["text"]]
        return found

    plan_11, plan_21, plan_32 = clause("为规范全县"), clause("县人民政府设立"), clause("接到预警信息后")
    art4, item3 = clause("安装可燃气体报警装置"), clause("两客一危")
    accepted = tasks[plan_11].predictions[0]
    accepted = accepted if isinstance(accepted, dict) else accepted.dict()
    # the pre-filled suggestion submitted as it stands (Label Studio copies the prediction's result)
    as_("mei", "POST", f"/api/tasks/{tasks[plan_11].id}/annotations/", {"result": accepted["result"]})
    changed = as_("mei", "POST", f"/api/tasks/{tasks[art4].id}/annotations/",
                  {"result": annotation_result(["urban_gas", "fire_safety"], ["rules_standards"])})
    as_("mei", "POST", f"/api/tasks/{tasks[plan_21].id}/annotations/", {"result": [], "was_cancelled": True})
    as_("mei", "POST", f"/api/tasks/{tasks[item3].id}/annotations/",
        {"result": annotation_result(["road_transport"], ["enforcement"])})
    as_("lan", "POST", f"/api/tasks/{tasks[item3].id}/annotations/",
        {"result": annotation_result(["cross_sector"], ["enforcement"])})
    # lan ticks a label on 3.2 and leaves: Label Studio keeps a draft, nothing is submitted
    as_("lan", "POST", f"/api/tasks/{tasks[plan_32].id}/drafts",
        {"result": annotation_result(["hazardous_chemicals"], ["emergency"]), "lead_time": 9.0})
    # mei reopens 第四条, unticks 消防, and leaves without Update: a draft of her annotation
    as_("mei", "POST", f"/api/tasks/{tasks[art4].id}/annotations/{changed['id']}/drafts",
        {"result": annotation_result(["urban_gas"], ["rules_standards"]), "lead_time": 4.0})
    ids = {"changed": changed["id"], "plan_11": plan_11, "plan_21": plan_21, "plan_32": plan_32, "art4": art4,
           "item3": item3}
    return project, tasks, ids, second, work


def test_the_tasks_show_heading_path_document_and_agencies(loop):
    _, tasks, ids, _, _ = loop
    plan, points = tasks[ids["plan_11"]].data, tasks[ids["item3"]].data
    assert plan["heading"] == HEADING_JOIN.join(["1 总则", "1.1 编制目的"])
    # title first, then (an issuer, when one is read, and) level and genre in Chinese
    assert plan["doc_line"].startswith("岚溪县危险化学品事故应急预案 · ") and "县级 · 应急预案 · " in plan["doc_line"]
    assert tasks[ids["art4"]].data["heading"] == "第二章 经营与使用"
    assert points["agencies_line"] == "责任单位：县交通运输局"
    assert points["doc_line"].startswith("岚溪县2029年安全生产工作要点 · ") and "县级 · 工作要点 · 2029" in points["doc_line"]


def test_the_pull_takes_what_was_submitted_and_names_the_draft_it_left(ls, loop, capsys):
    project, tasks, ids, _, work = loop
    out = work / "loop.jsonl"
    rc, err = annotate(capsys, ls, "pull", "--project", str(project.id), "-o", str(out))
    assert rc == 0, err
    rows = {r["clause_id"]: r for r in _jsonl(out)}
    assert set(rows) == {ids["plan_11"], ids["art4"]}
    assert rows[ids["plan_11"]]["sector"] == ["hazardous_chemicals"]  # the suggestion, accepted
    assert sorted(rows[ids["art4"]]["sector"]) == ["fire_safety", "urban_gas"]
    assert [r["clause_id"] for r in _jsonl(out.with_name("loop.conflicts.jsonl"))] == [ids["item3"]]
    assert [r["clause_id"] for r in _jsonl(out.with_name("loop.undecided.jsonl"))] == [ids["plan_21"]]
    # a draft is not a decision, and the pull says what it left (task, clause, whose, what kind)
    lines = [x for x in err.splitlines() if "draft" in x]
    assert len(lines) == 1 and lines[0].startswith("policytag: warning: 2 draft(s) left without Submit/Update"), err
    assert (f"task {tasks[ids['plan_32']].id} ({ids['plan_32']}) by lan, never submitted" in lines[0]
            and f"task {tasks[ids['art4']].id} ({ids['art4']}) by mei, a change to their annotation "
                f"{ids['changed']} not saved" in lines[0]), lines[0]
    meta = json.loads(out.with_name("loop.meta.json").read_text(encoding="utf-8"))
    assert meta["counts"]["drafts"] == 2
    assert sorted((d["clause_id"], d["of_annotation"]) for d in meta["unsubmitted_drafts"]) == \
        sorted([(ids["plan_32"], None), (ids["art4"], ids["changed"])])


def test_a_repush_after_retraining_keeps_annotations_flags_and_drafts(ls, admin, loop, capsys):
    project, tasks, ids, second, _ = loop

    def state() -> dict:
        out = {}
        for t in admin.tasks.list(project=project.id, fields="all"):
            anns = sorted((a["completed_by"], a["was_cancelled"], json.dumps(a["result"], sort_keys=True))
                          for a in (x if isinstance(x, dict) else x.dict() for x in t.annotations or []))
            out[t.id] = (anns, t.data.get("adjudication"), t.data.get("review"), len(t.drafts or []))
        return out

    before = state()
    rc, err = annotate(capsys, ls, "push", *(str(DATA / n) for n in NOTICES), "--project", TITLE,
                       "--predictions", str(second), "--quiet")
    assert rc == 0, err
    assert "tasks: 0 created, 14 already there" in err
    assert state() == before
    for t in admin.tasks.list(project=project.id, fields="all"):
        assert "(second" in t.data["suggestion_sector"] or "second" in t.data["suggestion_model"], t.data
        assert "城镇燃气" in t.data["suggestion_sector"]


def test_a_page_pasted_as_the_url_says_which_url_and_project_to_pass(ls, loop, capsys):
    project = loop[0]
    rc = main(["annotate", "pull", "--project", TITLE, "-o", str(loop[4] / "page.jsonl"),
               "--url", f"{ls.url}/projects/{project.id}/data?tab=3&task=2", "--api-key", ls.api_key])
    lines = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
    assert rc == 2 and len(lines) == 1, lines  # a usage error, like argparse's own
    assert f"pass --url {ls.url} --project {project.id}" in lines[0], lines


@pytest.mark.parametrize("pasted", ["Token {key}", "Bearer {key}", " {key}\n"])
def test_a_key_pasted_with_its_header_prefix_or_a_line_break_works(ls, loop, capsys, pasted):
    rc = main(["annotate", "pull", "--project", TITLE, "-o", str(loop[4] / "pasted.jsonl"), "--force",
               "--url", ls.url, "--api-key", pasted.format(key=ls.api_key)])
    assert rc == 0, capsys.readouterr().err


def test_wrong_key_and_unknown_project_are_one_line_each(ls, loop, capsys, tmp_path):
    for args, said in ((["--project", TITLE, "--api-key", "0" * 40], "rejected the API key"),
                       (["--project", "987654", "--api-key", ls.api_key], "no project with id 987654")):
        rc = main(["annotate", "pull", "-o", str(tmp_path / "x.jsonl"), "--url", ls.url, *args])
        lines = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
        assert rc != 0 and len(lines) == 1 and said in lines[0], lines
