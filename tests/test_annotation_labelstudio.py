"""The Label Studio loop against a real server: push, annotate as two users, pull; re-push; bad input;
a taxonomy change; importing existing labels.

One server per test session (the ``ls`` fixture, tests/ls_fixture.py); every test works in its own project.
"""

import json

import pytest

from policytag import PROJECT_ROOT
from policytag.annotation.labeling_config import build_config, parse_config
from policytag.annotation.push import annotation_result
from policytag.annotation.tasks import load_clauses, text_sha1
from policytag.cli import main
from policytag.records import Labels
from policytag.taxonomy import load_taxonomy

import ls_server
from conftest import CORPUS_DIR, GOLD_FILE
from ls_server import free_port

pytestmark = pytest.mark.labelstudio

YEARS = (2025, 2026)


def test_the_session_shares_one_label_studio(ls):
    """Every module uses the ``ls`` fixture (tests/ls_fixture.py): one server per session."""
    assert ls_server.STARTED == [ls.process.pid]


@pytest.fixture(scope="session")
def annotators(ls):
    """Two annotators who signed up through the web UI, each with their own API client."""
    from label_studio_sdk.client import LabelStudio

    out = {}
    for who in ("alice", "bob"):
        client = LabelStudio(base_url=ls.url, api_key=ls.signup(f"{who}@policytag.test", f"{who}-password-1"))
        me = client.users.whoami()
        out[who] = (client, me.username or me.email)
    return out


@pytest.fixture(scope="module")
def clauses_file(tmp_path_factory):
    """The 2025 and 2026 notices' clauses, as `policytag segment --format jsonl` prints them."""
    work = tmp_path_factory.mktemp("clauses")
    everything = work / "all.jsonl"
    assert main(["segment", str(CORPUS_DIR), "--format", "jsonl", "-o", str(everything)]) == 0
    rows = [json.loads(x) for x in everything.read_text(encoding="utf-8").splitlines()]
    path = work / "clauses.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows if r["year"] in YEARS),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clauses(clauses_file):
    return load_clauses([clauses_file]).clauses


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory, clauses):
    """A real keyword model, trained through the run API and saved as a run directory."""
    runs = pytest.importorskip("policytag.models.runs")
    labels = [Labels(("coal_mine",) if "煤矿" in c.text else ("cross_sector",), ("responsibility",)) for c in clauses]
    tagger = runs.tagger_class("keyword")().fit(clauses, labels)
    run_dir = tmp_path_factory.mktemp("runs") / "tiny-keyword"
    runs.save_run(tagger, run_dir, config={"model": {"type": "keyword"}}, metrics={}, data_hash="test")
    return run_dir


def cli(capsys, ls, *args, key=None):
    """Run `policytag annotate ...` against the test server; returns (exit code, stderr)."""
    rc = main(["annotate", *args, "--url", ls.url, "--api-key", key or ls.api_key])
    return rc, capsys.readouterr().err


def project_named(admin, title):
    return next(p for p in admin.projects.list() if p.title == title)


def tasks_of(admin, project_id):
    return list(admin.tasks.list(project=project_id, fields="all"))


def one_line_error(err, *needles):
    lines = [x for x in err.splitlines() if x.strip()]
    errors = [x for x in lines if x.startswith("policytag: error:")]
    assert len(errors) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in errors[0], err


# --- round trip ----------------------------------------------------------------------------------
PLAN = [  # (task index, {annotator: (sector, measure_type, note, lead_time) or "cancel"})
    (0, {"alice": (["cross_sector"], ["awareness_goals"], "", 11.0),
         "bob": (["cross_sector"], ["awareness_goals"], "", 13.0)}),
    (1, {"alice": (["coal_mine", "non_coal_mine"], ["hazard_remediation", "enforcement"], "", 20.0),
         "bob": (["coal_mine", "non_coal_mine"], ["hazard_remediation", "enforcement"], "", 25.0)}),
    (2, {"alice": (["road_transport"], ["enforcement"], "", 9.0),  # the deliberate disagreement
         "bob": (["road_transport", "fire_safety"], ["enforcement"], "电动自行车充电也算消防", 30.0)}),
    (3, {"alice": (["urban_gas"], ["emergency", "hazard_remediation"], "拿不准：燃气还是消防", 42.5)}),
    (4, {"bob": (["construction"], ["rules_standards"], "", 7.0)}),
    (5, {"alice": "cancel"}),
]


def test_round_trip_two_annotators(ls, admin, annotators, clauses_file, clauses, tiny_run, tmp_path, capsys):
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "round-trip", "--predictions", str(tiny_run),
                  "--quiet")
    assert rc == 0, err
    assert f"tasks: {len(clauses)} created, 0 already there" in err
    project = project_named(admin, "round-trip")
    assert parse_config(project.label_config).version == load_taxonomy().version
    tasks = sorted(tasks_of(admin, project.id), key=lambda t: t.id)
    assert [t.data["clause_id"] for t in tasks] == [c.clause_id for c in clauses]
    for t in tasks:
        assert {"clause_id", "doc_id", "heading_path", "text", "text_sha1"} <= set(t.data)
        (pred,) = t.predictions
        pred = pred if isinstance(pred, dict) else pred.dict()
        assert pred["model_version"].startswith("tiny-keyword") and pred["score"] is not None
        assert {"sector", "measure_dominant"} <= {r["from_name"] for r in pred["result"]}
        assert all(len(r["value"]["scores"]) > 1 for r in pred["result"] if r["from_name"] != "measure_other")
        assert t.data["suggestion_sector"].startswith(f"模型建议 ({pred['model_version']}) 行业领域: ")
    # the codebook before labelling, pre-filled suggestions by default, our Data Manager tab
    project = admin.projects.get(project.id)
    assert project.show_instruction and "判定规则" in project.expert_instruction
    assert project.show_collab_predictions is True and project.model_version == pred["model_version"]
    assert "标注 · policytag" in [v.data.get("title") for v in admin.views.list(project=project.id)]

    for index, plan in PLAN:
        for who, labels in plan.items():
            client, _ = annotators[who]
            if labels == "cancel":
                client.annotations.create(tasks[index].id, result=[], was_cancelled=True)
            else:
                sector, measure, note, lead = labels
                client.annotations.create(tasks[index].id, result=annotation_result(sector, measure, note),
                                          lead_time=lead)

    out = tmp_path / "annotations" / "round-trip.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "round-trip", "-o", str(out))
    assert rc == 0, err
    rows = {r["clause_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    by_id = {c.clause_id: c for c in clauses}
    expected_rows = {0, 1, 3, 4}
    assert set(rows) == {tasks[i].data["clause_id"] for i in expected_rows}
    for index, plan in PLAN:
        cid = tasks[index].data["clause_id"]
        if index not in expected_rows:
            continue
        row = rows[cid]
        sector, measure, note, lead = next(iter(plan.values()))
        assert row["sector"] == sector and row["measure_type"] == measure  # exactly the labels given
        assert row["text"] == by_id[cid].text and row["text_sha1"] == text_sha1(by_id[cid].text)  # Chinese intact
        assert row["doc_id"] == by_id[cid].doc_id and row["heading_path"] == list(by_id[cid].heading_path)
        assert row["n_annotations"] == len(plan)
        if len(plan) == 1:
            who = next(iter(plan))
            assert row["annotator"] == annotators[who][1] and row["note"] == note and row["lead_time"] == lead
            assert isinstance(row["annotator_id"], int)
    assert rows[tasks[1].data["clause_id"]]["resolution"] == "unanimous"

    conflicts = [json.loads(x) for x in out.with_name("round-trip.conflicts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [c["clause_id"] for c in conflicts] == [tasks[2].data["clause_id"]]
    assert conflicts[0]["ties"] == {"sector": ["fire_safety"]}
    assert {a["annotator"] for a in conflicts[0]["annotations"]} == {annotators["alice"][1], annotators["bob"][1]}

    meta = json.loads(out.with_name("round-trip.meta.json").read_text(encoding="utf-8"))
    assert meta["project"]["id"] == project.id and meta["taxonomy_version"] == load_taxonomy().version
    assert meta["counts"]["cancelled"] == 1 and meta["counts"]["conflicts"] == 1 and meta["counts"]["rows"] == 4
    fire = meta["agreement"]["sector"]["per_label"]["fire_safety"]
    assert fire["disagreements"] == 1 and "kappa" in fire
    assert "fire_safety" in err and "disagreements" in err and "conflicts" in err  # the printed report

    from datasets import load_from_disk

    hf = load_from_disk(str(out.with_name("round-trip.hf")))
    assert sorted(hf["clause_id"]) == sorted(rows)
    assert {r["clause_id"]: r["text"] for r in hf} == {cid: r["text"] for cid, r in rows.items()}

    before = out.read_bytes()
    rc, err = cli(capsys, ls, "pull", "--project", "round-trip", "-o", str(out))
    assert rc == 1 and out.read_bytes() == before
    one_line_error(err, "already exists", "--force")
    rc, err = cli(capsys, ls, "pull", "--project", str(project.id), "-o", str(out), "--force")
    assert rc == 0, err


# --- idempotent re-push --------------------------------------------------------------------------
def test_repush_is_idempotent_and_reports_changed_text(ls, admin, clauses_file, clauses, tiny_run, tmp_path, capsys):
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "repush", "--quiet")
    assert rc == 0, err
    project = project_named(admin, "repush")
    n = len(tasks_of(admin, project.id))
    assert n == len(clauses)
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "repush", "--overlap", "2", "--quiet")
    assert rc == 0 and f"tasks: 0 created, {n} already there" in err
    assert len(tasks_of(admin, project.id)) == n
    assert admin.projects.get(project.id).maximum_annotations == 2
    # a model's predictions reach tasks that exist already, once
    for expected in (f"predictions: {n} added to existing tasks", f"tasks: 0 created, {n} already there"):
        rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "repush", "--predictions", str(tiny_run),
                      "--quiet")
        assert rc == 0 and expected in err
    assert "predictions:" not in err
    assert all(len(t.predictions) == 1 for t in tasks_of(admin, project.id))

    rows = [json.loads(x) for x in clauses_file.read_text(encoding="utf-8").splitlines()]
    rows[3]["text"] = rows[3]["text"] + "（修订）"
    edited = tmp_path / "edited.jsonl"
    edited.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    rc, err = cli(capsys, ls, "push", str(edited), "--project", str(project.id), "--quiet")
    assert rc == 0
    assert "1 clause(s) changed text" in err and rows[3]["clause_id"] in err
    tasks = tasks_of(admin, project.id)
    assert len(tasks) == n
    assert next(t for t in tasks if t.data["clause_id"] == rows[3]["clause_id"]).data["text"] == clauses[3].text


# --- bad input -----------------------------------------------------------------------------------
def test_wrong_url_key_and_project(ls, clauses_file, tmp_path, capsys):
    out = tmp_path / "x.jsonl"
    rc = main(["annotate", "pull", "--url", f"http://127.0.0.1:{free_port()}", "--api-key", ls.api_key,
               "-o", str(out)])
    one_line_error(capsys.readouterr().err, "cannot reach Label Studio")
    assert rc == 1
    rc, err = cli(capsys, ls, "pull", "-o", str(out), key="0" * 40)
    assert rc == 1
    one_line_error(err, "rejected the API key")
    rc, err = cli(capsys, ls, "pull", "--project", "no-such-project", "-o", str(out))
    assert rc == 1
    one_line_error(err, "no project titled 'no-such-project'")
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "99999", "--quiet")
    assert rc == 1
    one_line_error(err, "no project with id 99999")
    assert list(tmp_path.iterdir()) == []


def test_config_mismatch_and_unknown_labels_are_detected(ls, admin, tmp_path, capsys):
    import yaml

    raw = yaml.safe_load((PROJECT_ROOT / "configs" / "taxonomy.yaml").read_text(encoding="utf-8"))
    raw["version"] = "0.9.0"
    raw["dimensions"]["sector"]["labels"] = raw["dimensions"]["sector"]["labels"][1:]  # no coal_mine
    old = tmp_path / "old-taxonomy.yaml"
    old.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    stale = admin.projects.create(title="stale-config", label_config=build_config(load_taxonomy(old)))
    out = tmp_path / "out" / "stale.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "stale-config", "-o", str(out))
    assert rc == 1
    one_line_error(err, f"project {stale.id}", "does not match the taxonomy", "0.9.0", "coal_mine")

    bogus = admin.projects.create(title="bogus-labels", label_config=build_config(load_taxonomy()))
    admin.projects.import_tasks(bogus.id, request=[{"data": {"clause_id": "x-1", "doc_id": "x", "text": "测试条款",
                                                              "heading": "", "doc_line": ""}}])
    (task,) = tasks_of(admin, bogus.id)
    admin.annotations.create(task.id, result=annotation_result(["space_travel"], ["enforcement"]))
    rc, err = cli(capsys, ls, "pull", "--project", "bogus-labels", "-o", str(out))
    assert rc == 1
    one_line_error(err, "not in taxonomy", "space_travel")
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_taxonomy_change_regenerates_the_config(ls, admin, clauses_file, tmp_path, capsys, monkeypatch):
    import yaml

    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "taxonomy-change", "--quiet")
    assert rc == 0, err
    raw = yaml.safe_load((PROJECT_ROOT / "configs" / "taxonomy.yaml").read_text(encoding="utf-8"))
    raw["version"] = "1.99.0"
    raw["dimensions"]["sector"]["labels"][0]["name"] = "煤矿（含洗选）"
    new = tmp_path / "new-taxonomy.yaml"
    new.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("POLICYTAG_TAXONOMY", str(new))
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "taxonomy-change", "--quiet")
    assert rc == 0 and "labeling config regenerated" in err and "0 created" in err
    project = project_named(admin, "taxonomy-change")
    info = parse_config(admin.projects.get(project.id).label_config)
    assert info.version == "1.99.0" and ("煤矿（含洗选）", "coal_mine") in info.choices["sector"]
    monkeypatch.delenv("POLICYTAG_TAXONOMY")
    rc, err = cli(capsys, ls, "pull", "--project", "taxonomy-change", "-o", str(tmp_path / "t.jsonl"))
    assert rc == 1
    one_line_error(err, "1.99.0", "does not match the taxonomy")


# --- importing existing labels -------------------------------------------------------------------
def test_import_existing_labels(ls, admin, clauses_file, clauses, tmp_path, capsys):
    corpus = {c.clause_id: c for c in load_clauses([CORPUS_DIR]).clauses}
    gold = [json.loads(x) for x in GOLD_FILE.read_text(encoding="utf-8").splitlines()]
    pushed = {c.clause_id for c in clauses}
    # some clauses whose tasks exist already (2025/2026, pushed first), some whose tasks are new
    rows = [r for r in gold if r["clause_id"] in pushed][:6] + [r for r in gold if r["clause_id"] not in pushed][:6]
    rows[0] = {**rows[0], "annotator": "reviewer-x", "note": "从旧表格导入"}
    rows[-1] = {k: v for k, v in rows[-1].items() if k != "annotator"}  # -> --annotator
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**rows[1], "sector": ["space_travel"]}) + "\n", encoding="utf-8")
    rc, err = cli(capsys, ls, "push", "--annotations", str(bad), "--project", "imported", "--quiet")
    assert rc == 1
    one_line_error(err, "space_travel", "nothing imported")
    assert not [p for p in admin.projects.list() if p.title == "imported"]

    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "imported", "--quiet")
    assert rc == 0, err
    # without CLAUSES_OR_NOTICES the tasks come from segmenting data/corpus
    rc, err = cli(capsys, ls, "push", "--annotations", str(labels), "--annotator", "spreadsheet",
                  "--project", "imported", "--quiet")
    assert rc == 0, err
    assert f"tasks: {len(corpus) - len(clauses)} created, {len(clauses)} already there" in err
    assert f"annotations: {len(rows)} imported, 0 already there, 0 skipped" in err
    project = project_named(admin, "imported")
    assert admin.projects.get(project.id).task_number == len(corpus)
    rc, err = cli(capsys, ls, "push", "--annotations", str(labels), "--annotator", "spreadsheet",
                  "--project", "imported", "--quiet")
    assert rc == 0 and f"annotations: 0 imported, {len(rows)} already there" in err and "tasks: 0 created" in err

    out = tmp_path / "imported.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "imported", "-o", str(out))
    assert rc == 0, err
    pulled = {r["clause_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(pulled) == {r["clause_id"] for r in rows}
    for r in rows:
        got = pulled[r["clause_id"]]
        assert (got["sector"], got["measure_type"]) == (r["sector"], r["measure_type"])
        assert got["annotator"] == r.get("annotator", "spreadsheet") and got["note"] == r.get("note", "")
        assert got["text_sha1"] == text_sha1(corpus[r["clause_id"]].text)
        assert got["annotations"][0]["annotation_id"] and got["resolution"] == "single"
    exported = admin.projects.exports.as_json(project.id)
    assert not [a for t in exported for a in t["annotations"] if a["ground_truth"]]  # imported, not ground truth


# --- dominant measure type, refreshed suggestions, flags -----------------------------------------
def test_every_annotators_dominant_measure_type_is_reproduced(ls, admin, annotators, clauses_file, tmp_path, capsys):
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "dominant", "--quiet")
    assert rc == 0, err
    project = project_named(admin, "dominant")
    tasks = sorted(tasks_of(admin, project.id), key=lambda t: t.id)
    (alice, alice_name), (bob, bob_name) = annotators["alice"], annotators["bob"]
    same_set = ["responsibility", "hazard_remediation", "enforcement"]
    # task 0: the same three measure types, different dominants
    alice.annotations.create(tasks[0].id, result=annotation_result(["coal_mine"], same_set))
    bob.annotations.create(tasks[0].id, result=annotation_result(["coal_mine"], same_set[::-1]))
    # task 1: one annotator whose dominant comes after the others in form order
    alice.annotations.create(tasks[1].id, result=annotation_result(["urban_gas"], ["emergency", "awareness_goals"]))
    # task 2: the same dominant, the others in different orders -> resolved, dominant first
    alice.annotations.create(tasks[2].id, result=annotation_result(["construction"], ["publicity_training", "emergency"]))
    bob.annotations.create(tasks[2].id, result=annotation_result(["construction"], ["publicity_training", "emergency"]))
    # task 3: no dominant at all (a hand-made result): refused, reported and flagged
    bob.annotations.create(tasks[3].id, result=[
        {"from_name": "sector", "to_name": "text", "type": "choices", "value": {"choices": ["cross_sector"]}},
        {"from_name": "measure_other", "to_name": "text", "type": "choices", "value": {"choices": ["responsibility"]}}])

    out = tmp_path / "dominant.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "dominant", "-o", str(out))
    assert rc == 0, err
    rows = {r["task_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    conflicts = {c["task_id"]: c for c in map(json.loads, out.with_name("dominant.conflicts.jsonl")
                                                 .read_text(encoding="utf-8").splitlines())}
    by_annotator = {a["annotator"]: a for a in conflicts[tasks[0].id]["annotations"]}
    assert by_annotator[alice_name]["measure_type"] == same_set and by_annotator[alice_name]["dominant"] == same_set[0]
    assert by_annotator[bob_name]["measure_type"] == same_set[::-1] and by_annotator[bob_name]["dominant"] == same_set[-1]
    assert conflicts[tasks[0].id]["ties"] == {"measure_dominant": ["responsibility", "enforcement"]}
    assert rows[tasks[1].id]["measure_type"] == ["emergency", "awareness_goals"]
    assert rows[tasks[2].id]["measure_type"][0] == "publicity_training" and rows[tasks[2].id]["resolution"] == "unanimous"
    assert tasks[3].id not in rows and tasks[3].id not in conflicts
    meta = json.loads(out.with_name("dominant.meta.json").read_text(encoding="utf-8"))
    assert meta["counts"]["missing_dominant"] == 1
    assert meta["refused_missing_dominant"][0]["task_id"] == tasks[3].id
    # flagged: task 3 (no dominant) and task 0 (a conflict to adjudicate)
    assert "name no dominant measure type" in err and "review flags: 2 task(s) flagged" in err
    assert "意见不一，待裁决：主要措施类型 各半" in admin.tasks.get(tasks[0].id).data["review"]
    flagged = admin.tasks.get(tasks[3].id).data
    assert flagged["needs_review"] is True and flagged["review"].startswith("⚠ 需复核") and bob_name in flagged["review"]
    assert admin.tasks.get(tasks[1].id).data["review"] == ""


def test_webhook_check_flags_and_clears(ls, admin, annotators, clauses_file, capsys):
    """What the ML backend calls on ANNOTATION_CREATED/UPDATED (annotation/rules.py)."""
    from policytag.annotation.client import connect
    from policytag.annotation.rules import handle_webhook

    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "webhook", "--quiet")
    assert rc == 0, err
    project = project_named(admin, "webhook")
    task = sorted(tasks_of(admin, project.id), key=lambda t: t.id)[0]
    alice, alice_name = annotators["alice"]
    four = ["responsibility", "enforcement", "emergency", "publicity_training"]
    ann = alice.annotations.create(task.id, result=annotation_result(["cross_sector", "hazardous_chemicals"], four))
    taxonomy = load_taxonomy()
    session = connect(ls.url, ls.api_key)
    violations = handle_webhook(session, {"action": "ANNOTATION_CREATED", "task": {"id": task.id},
                                        "annotation": {"id": ann.id, "task": task.id}}, taxonomy)
    assert {v.rule for v in violations} == {"exclusive", "max_labels"}
    data = admin.tasks.get(task.id).data
    assert data["needs_review"] is True and alice_name in data["review"] and "危险化学品" in data["review"]
    assert data["text"] == task.data["text"] and data["clause_id"] == task.data["clause_id"]  # data kept whole
    alice.annotations.update(ann.id, result=annotation_result(["hazardous_chemicals"], four[:2]))
    assert handle_webhook(session, {"action": "ANNOTATION_UPDATED", "task": {"id": task.id}}, taxonomy) == []
    data = admin.tasks.get(task.id).data
    assert data["needs_review"] is False and data["review"] == ""
    assert handle_webhook(session, {"action": "PROJECT_UPDATED"}, taxonomy) is None


def test_repush_after_retraining_refreshes_suggestions_and_predictions(ls, admin, clauses_file, clauses, tiny_run,
                                                                       tmp_path, capsys):
    runs = pytest.importorskip("policytag.models.runs")
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "refresh", "--predictions", str(tiny_run),
                  "--no-prefill", "--quiet")
    assert rc == 0 and "not pre-filled" in err, err
    project = project_named(admin, "refresh")
    assert admin.projects.get(project.id).show_collab_predictions is False
    # a task as an older policytag pushed it (no suggestion lines, no review flag): push adds them
    old = tasks_of(admin, project.id)[0]
    shown = ("suggestion_sector", "suggestion_measure", "suggestion_score", "suggestion_model", "review", "needs_review")
    admin.tasks.update(old.id, data={k: v for k, v in old.data.items() if k not in shown})
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "refresh", "--quiet")
    assert rc == 0 and "display fields (suggestion lines, codebook rules, review flag) added to or refreshed in 1 older task(s)" in err, err
    data = admin.tasks.get(old.id).data
    assert data["review"] == "" and data["suggestion_sector"].startswith("模型建议") and data["text"] == old.data["text"]
    before = {t.id: t.data["suggestion_sector"] for t in tasks_of(admin, project.id)}
    # "retrained": another real model on other labels, hence another model_version
    labels = [Labels(("urban_gas",) if "燃气" in c.text else ("cross_sector",), ("emergency",)) for c in clauses]
    retrained = runs.tagger_class("keyword")().fit(clauses, labels)
    run_dir = tmp_path / "retrained"
    runs.save_run(retrained, run_dir, config={"model": {"type": "keyword"}}, metrics={}, data_hash="test2")
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "refresh", "--predictions", str(run_dir),
                  "--quiet")
    assert rc == 0, err
    assert f"predictions: {len(clauses)} added to existing tasks ({len(clauses)} refreshed" in err
    version = admin.projects.get(project.id).model_version
    assert version.startswith("retrained") and admin.projects.get(project.id).show_collab_predictions is True
    for t in tasks_of(admin, project.id):
        (pred,) = t.predictions  # the old version's prediction is gone
        pred = pred if isinstance(pred, dict) else pred.dict()
        assert pred["model_version"] == version
        assert t.data["suggestion_sector"].startswith(f"模型建议 ({version}) ") and t.data["suggestion_sector"] != before[t.id]
        assert t.data["text_sha1"] == text_sha1(t.data["text"])
    rc, err = cli(capsys, ls, "push", str(clauses_file), "--project", "refresh", "--predictions", str(run_dir),
                  "--quiet")
    assert rc == 0 and "predictions:" not in err  # same version: nothing to refresh
