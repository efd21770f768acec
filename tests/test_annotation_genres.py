"""The annotators' loop on documents of other genres, against a real Label Studio (the session's
shared server, tests/ls_fixture.py): a county's emergency plan (``1 总则`` / ``1.1`` numbering), a
city's regulation (``第一章`` / ``第X条`` with ``（一）`` items) and a district's 工作要点 whose items end
in a task-table remark ``（牵头单位：…；完成时限：…）``, all written for this test (invented places).

What a demanding annotator expects, each checked on the real server:

* every task carries the clause's whole record (kind, agencies, span, and the document's title,
  issuer, region, level, genre) and shows title · issuer · level · genre above the clause;
* a pull gives back exactly what was pushed and what each annotator did: ``Clause.from_row(row)``
  is the pushed clause, field for field (a pull used to drop title, issuer, region, level, genre,
  kind, agencies and span: retraining then trained the title learner on clauses without titles);
* clause texts with a line break, emoji, characters outside the BMP and markup survive unchanged.
"""

import json

import pytest

from policytag.annotation.results import annotation_result
from policytag.annotation.tasks import load_clauses, text_sha1
from policytag.cli import main
from policytag.records import Clause

from ls_fixture import sign_up_annotators

from ls_genre_notices import ODD, PLAN_NOTICE, REGULATION, WORK_POINTS

pytestmark = pytest.mark.labelstudio


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The three notices as files and the odd clauses as a clause file."""
    work = tmp_path_factory.mktemp("genres")
    paths = []
    for name, text in (("plan.txt", PLAN_NOTICE), ("regulation.txt", REGULATION), ("points.txt", WORK_POINTS)):
        (work / name).write_text(text, encoding="utf-8")
        paths.append(work / name)
    odd = work / "odd.jsonl"
    odd.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ODD), encoding="utf-8")
    return paths, odd


@pytest.fixture(scope="module")
def annotators(ls):
    return sign_up_annotators(ls, ("gina", "hao"), "genres.test")


def cli(capsys, ls, *args):
    rc = main(["annotate", *args, "--url", ls.url, "--api-key", ls.api_key])
    return rc, capsys.readouterr().err


def project_tasks(admin, title):
    project = next(p for p in admin.projects.list() if p.title == title)
    return project, sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)


@pytest.fixture(scope="module")
def shown(ls, inputs, keyword_run):
    """The three notices pushed with the keyword run's suggestions into project ``genres-show`` (a fixture, not
    the module's first test: a test run alone, or first on its xdist worker, found no project)."""
    notices, _ = inputs
    rc = main(["annotate", "push", *map(str, notices), "--project", "genres-show", "--predictions", str(keyword_run),
               "--quiet", "--url", ls.url, "--api-key", ls.api_key])
    assert rc == 0
    return "genres-show"


def test_tasks_carry_and_show_the_documents_metadata(ls, admin, inputs, shown):
    notices, _ = inputs
    clauses = {c.clause_id: c for c in load_clauses(notices).clauses}
    _, tasks = project_tasks(admin, shown)
    assert len(tasks) == len(clauses)
    genres = set()
    for task in tasks:
        data, clause = task.data, clauses[task.data["clause_id"]]
        for name in ("title", "issuer", "region", "level", "genre", "kind"):
            assert data[name] == getattr(clause, name), (name, data)
        assert clause.issuer and clause.level and clause.genre  # the notices were written to have them
        genres.add(clause.genre)
        # the small print names the document, who issued it, its level and genre, in Chinese
        from policytag.corpus.metadata import GENRE_NAMES, LEVEL_NAMES

        line = data["doc_line"]
        assert clause.title in line and clause.issuer in line, line
        assert LEVEL_NAMES[clause.level] in line and GENRE_NAMES[clause.genre] in line, line
        assert data["heading"] == " > ".join(clause.heading_path)
        assert data["suggestion_sector"].startswith("模型建议 (") and task.predictions
    assert genres == {"emergency_plan", "regulation", "work_points"}
    # the codebook-v2 rules each clause falls under, with the words that brought them in
    rules = {t.data["text"][:9]: t.data["codebook_rules"] for t in tasks}
    assert rules["为有效预防和科学处"].startswith("适用规则：规则14（“为有效预防") and "“编制目的”" in rules["为有效预防和科学处"]
    assert "规则16（“本预案适用于”" in rules["本预案适用于本县行"]
    assert "规则17（“第三条任何单位和个人不得”，“任何单位和个人不得”）面向公众" in rules["第三条任何单位和个"]
    # a clause of the forest-fire plan that names no sector: the title's sector (rule 21)
    assert "规则21（标题点名：森林草原火灾）" in rules["各乡镇组建半专业扑"]
    assert "规则10（“电动自行车”）" in rules["（二）电动自行车。"]
    assert rules["（一）落实党政领导"] == ""  # none applies: the line stays empty


@pytest.fixture(scope="module")
def browser():
    import os
    import shutil
    import tempfile
    from pathlib import Path

    chromium = Path(os.environ.get("POLICYTAG_CHROMIUM", "/usr/bin/chromium"))
    if not chromium.exists():
        pytest.skip(f"{chromium} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(chromium), headless=True, viewport={"width": 1400, "height": 1000},
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        context.set_default_timeout(120_000)  # Label Studio on a busy 2-core machine
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_the_labelling_screen_shows_document_and_rules(ls, admin, browser, shown):
    """In Chromium, the task of a regulation's prohibition shows the document line (title ·
    issuer · 市级 · 法规规章…), the heading path, the clause and its rule line (rule 17)."""
    import ls_server

    project, tasks = project_tasks(admin, shown)
    task = next(t for t in tasks if t.data["text"].startswith("第三条任何单位和个人不得"))
    page = browser.new_page()
    page.goto(f"{ls.url}/user/login/")
    page.fill("input[name=email]", ls_server.ADMIN_EMAIL)
    page.fill("input[name=password]", ls_server.ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/user/login" not in url, wait_until="commit")
    page.goto(f"{ls.url}/projects/{project.id}/data?task={task.id}")
    page.get_by_text("适用规则：规则17").first.wait_for()
    from policytag.corpus.metadata import GENRE_NAMES, LEVEL_NAMES

    line = task.data["doc_line"]
    assert all(x in line for x in ("临川市燃气安全管理办法", "临川市人民政府", LEVEL_NAMES["city"], GENRE_NAMES["regulation"]))
    # the labelling screen renders inside a shadow root (innerText of the page misses it):
    # Playwright's text locators pierce it, and wait_for() needs each one visible
    for needle in (line, "规则17（“第三条任何单位和个人不得”", "模型建议 ("):
        page.get_by_text(needle).first.wait_for(timeout=30_000)
    page.close()


def test_pull_gives_back_the_clause_and_the_annotation_whole(ls, admin, inputs, annotators, keyword_run, tmp_path,
                                                             capsys):
    notices, odd = inputs
    rc, err = cli(capsys, ls, "push", *map(str, notices), str(odd), "--project", "genres-round-trip",
                  "--predictions", str(keyword_run), "--quiet")
    assert rc == 0, err
    pushed = {c.clause_id: c for c in load_clauses([*notices, odd]).clauses}
    _, tasks = project_tasks(admin, "genres-round-trip")
    labels = {}  # clause id -> (sector, measure types, note, who)
    for i, task in enumerate(tasks):
        who = ("gina", "hao")[i % 2]
        sector = ["forest_grassland_fire"] if i % 3 == 0 else ["urban_gas", "fire_safety"]
        measure = ["emergency", "support_capacity"] if i % 2 else ["rules_standards"]
        note = f"第{i}条：拿不准😀\n换行 𠮷"
        client, name = annotators[who]
        client.annotations.create(task.id, result=annotation_result(sector, measure, note), lead_time=10.0 + i)
        labels[task.data["clause_id"]] = (sector, measure, note, name, 10.0 + i)

    out = tmp_path / "round-trip.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "genres-round-trip", "-o", str(out))
    assert rc == 0, err
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {r["clause_id"] for r in rows} == set(pushed)
    for row in rows:
        clause = pushed[row["clause_id"]]
        assert Clause.from_row(row) == clause  # every field: text, heading path, kind, span, metadata
        assert row["text"] == clause.text and row["text_sha1"] == text_sha1(clause.text)
        sector, measure, note, name, lead = labels[row["clause_id"]]
        assert (sorted(row["sector"]), row["measure_type"], row["note"], row["annotator"], row["lead_time"]) == \
            (sorted(sector), measure, note, name, lead)
        (ann,) = row["annotations"]
        assert ann["created_at"] and ann["updated_at"] and isinstance(ann["annotator_id"], int)

    from datasets import load_from_disk

    hf = {r["clause_id"]: r for r in load_from_disk(str(tmp_path / "round-trip.hf"))}
    for row in rows:  # the Hugging Face copy holds the same metadata
        for name in ("year", "title", "issuer", "region", "level", "genre", "kind", "agencies", "span"):
            assert hf[row["clause_id"]][name] == row[name], name

    # a re-push after labelling changes nothing the annotators did; only a stale rule line (one
    # written under an older codebook) is brought up to date
    first, second = tasks[0], tasks[1]
    admin.tasks.update(first.id, data={**first.data, "codebook_rules": "适用规则：规则99（旧版）"})
    # as if the notice had been pushed when its issuer was read wrongly: the re-push corrects it
    admin.tasks.update(second.id, data={**second.data, "issuer": "某某局", "doc_line": "某某局"})
    rc, err = cli(capsys, ls, "push", *map(str, notices), str(odd), "--project", "genres-round-trip",
                  "--predictions", str(keyword_run), "--quiet")
    assert rc == 0 and f"tasks: 0 created, {len(pushed)} already there" in err, err
    assert "refreshed in 2 older task(s)" in err, err
    assert f"document metadata (title, issuer, region, level, genre) updated in 1 task(s) read differently now, " \
           f"e.g. {second.data['clause_id']}" in err, err
    assert admin.tasks.get(first.id).data["codebook_rules"] == first.data["codebook_rules"]
    assert {k: admin.tasks.get(second.id).data[k] for k in ("issuer", "doc_line")} == \
        {k: second.data[k] for k in ("issuer", "doc_line")}
    again = tmp_path / "again.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "genres-round-trip", "-o", str(again))
    assert rc == 0, err
    assert [json.loads(x) for x in again.read_text(encoding="utf-8").splitlines()] == rows


def test_flags_and_queue_ranks_do_not_revert_what_was_written_meanwhile(ls, admin, inputs, taxonomy, capsys):
    """Label Studio replaces a task's whole ``data`` on update. A pull flags tasks from an export
    read minutes before, ``annotate next`` ranks from a listing: the backend's suggestion lines, a
    rank or a flag written in between must survive their writes."""
    from policytag.annotation.active import Pick, QueueTask, write_queue
    from policytag.annotation.client import connect, get_project
    from policytag.annotation.rules import check_labels, flag_task

    notices, _ = inputs
    rc, err = cli(capsys, ls, "push", *map(str, notices), "--project", "genres-stale", "--quiet")
    assert rc == 0, err
    project, tasks = project_tasks(admin, "genres-stale")
    session = connect(ls.url, ls.api_key)
    a, b = tasks[0], tasks[1]
    stale_a, stale_b = dict(a.data), dict(b.data)  # what the pull's export / the queue's listing read

    # meanwhile the backend writes task a's suggestion lines
    meanwhile = {"suggestion_sector": "模型建议 (v2) 行业领域: 城镇燃气 0.91 ✓", "suggestion_model": "v2"}
    admin.tasks.update(a.id, data={**a.data, **meanwhile})
    violations = check_labels(["cross_sector", "urban_gas"], ["awareness_goals"], taxonomy,
                              dominant="awareness_goals", annotator="gina")
    assert violations and flag_task(session, a.id, violations, stale_a)
    data = admin.tasks.get(a.id).data
    assert data["needs_review"] is True and data["review"].startswith("⚠")
    assert {k: data[k] for k in meanwhile} == meanwhile  # not reverted by the flag

    # meanwhile a webhook flags task b; then `annotate next` ranks it from its listing
    admin.tasks.update(b.id, data={**b.data, "review": "⚠ 需复核：hao：…", "needs_review": True})
    clause = Clause.from_row(stale_b)
    write_queue(session, get_project(session, str(project.id)), "mixed", [Pick(0, 1, 0.9, "closest call")],
                [QueueTask(b.id, stale_b, clause)])
    data = admin.tasks.get(b.id).data
    assert data["al_rank"] == 1 and data["needs_review"] is True and data["review"] == "⚠ 需复核：hao：…"


def test_a_second_annotation_by_the_same_annotator_is_reported(ls, admin, inputs, annotators, tmp_path, capsys):
    """Label Studio lets an annotator add another annotation to a task they annotated (the "+"
    tab): the later one counts, and the earlier, when its labels differ, is reported and kept in
    the metadata instead of vanishing from the dataset."""
    notices, _ = inputs
    rc, err = cli(capsys, ls, "push", *map(str, notices), "--project", "genres-twice", "--quiet")
    assert rc == 0, err
    _, tasks = project_tasks(admin, "genres-twice")
    client, name = annotators["gina"]
    task = tasks[2]
    first = client.annotations.create(task.id, result=annotation_result(["forest_grassland_fire"], ["emergency"]))
    later = client.annotations.create(task.id, result=annotation_result(["forest_grassland_fire"],
                                                                         ["rules_standards", "emergency"]))
    out = tmp_path / "twice.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "genres-twice", "-o", str(out))
    assert rc == 0, err
    (row,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert row["measure_type"] == ["rules_standards", "emergency"] and [a["annotation_id"] for a in row["annotations"]] == [later.id]
    assert f"task {task.id} by {name} (annotation {first.id} -> {later.id})" in err, err
    meta = json.loads(out.with_name("twice.meta.json").read_text(encoding="utf-8"))
    (old,) = meta["superseded_annotations"]
    assert (old["annotation_id"], old["kept_annotation_id"], old["measure_type"], old["differs"]) == \
        (first.id, later.id, ["emergency"], True)


def test_a_conflict_is_flagged_on_its_task_until_adjudicated(ls, admin, inputs, annotators, taxonomy, tmp_path,
                                                             capsys):
    """Two annotators disagree: the clause goes to the conflicts file, and its task says so in
    Label Studio (the red review line, needs_review), where the adjudicator works; a third vote
    settles it, the next pull writes the row and clears the flag; the webhook re-check of the
    backend keeps the flag while the conflict stands."""
    from label_studio_sdk.client import LabelStudio

    from policytag.annotation.client import connect
    from policytag.annotation.rules import recheck_task

    notices, _ = inputs
    rc, err = cli(capsys, ls, "push", *map(str, notices), "--project", "genres-conflict", "--quiet")
    assert rc == 0, err
    _, tasks = project_tasks(admin, "genres-conflict")
    task = next(t for t in tasks if t.data["text"].startswith("（二）电动自行车"))
    (gina, gname), (hao, hname) = annotators["gina"], annotators["hao"]
    gina.annotations.create(task.id, result=annotation_result(["fire_safety"], ["hazard_remediation"]))
    hao.annotations.create(task.id, result=annotation_result(["fire_safety", "road_transport"], ["hazard_remediation"]))
    out = tmp_path / "conflict.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "genres-conflict", "-o", str(out))
    assert rc == 0 and "1 clause(s) without a majority" in err, err
    data = admin.tasks.get(task.id).data
    assert data["needs_review"] is True, data["review"]
    assert data["review"] == f"⚠ 需复核：{'、'.join(sorted([gname, hname]))}：意见不一，待裁决：行业领域 各半：道路交通运输"
    # the backend's webhook re-check (any annotation event on the task) keeps the flag
    session = connect(ls.url, ls.api_key)
    assert [v.rule for v in recheck_task(session, task.id, taxonomy)] == ["conflict"]
    assert admin.tasks.get(task.id).data["needs_review"] is True

    ivy = LabelStudio(base_url=ls.url, api_key=ls.signup("ivy@genres.test", "ivy-password-1"))
    ivy.annotations.create(task.id, result=annotation_result(["fire_safety"], ["hazard_remediation"]))
    assert recheck_task(session, task.id, taxonomy) == []
    rc, err = cli(capsys, ls, "pull", "--project", "genres-conflict", "-o", str(out), "--force")
    assert rc == 0 and "without a majority" not in err, err
    (row,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert (row["sector"], row["resolution"], row["n_annotations"]) == (["fire_safety"], "majority", 3)
    assert admin.tasks.get(task.id).data["needs_review"] is False


def test_an_older_task_list_hides_the_new_internal_fields_only(ls, admin, inputs, capsys):
    """A project whose Data Manager tab an older policytag made: Label Studio shows every task-data
    key the tab does not hide, so the new internal fields (span, agencies, codebook_rules …) would
    appear as columns. A push hides them, shows issuer/level/genre, and keeps what the lead chose
    (here: clause_id, which the lead un-hid)."""
    from policytag.annotation.client import VIEW_TITLE, view_data

    notices, _ = inputs
    old_keys = ["clause_id", "doc_id", "year", "title", "kind", "heading_path", "heading", "doc_line", "text",
                "text_sha1", "suggestion_sector", "suggestion_measure", "suggestion_score", "suggestion_model",
                "review", "needs_review"]
    old = view_data(old_keys)
    old["hiddenColumns"] = {part: [c for c in cols if c not in ("tasks:data.clause_id", "tasks:data.issuer",
                                                                "tasks:data.level", "tasks:data.genre")]
                            for part, cols in old["hiddenColumns"].items()}
    project = admin.projects.create(title="genres-old-tab")
    admin.views.create(project=project.id, data=old)
    rc, err = cli(capsys, ls, "push", *map(str, notices), "--project", "genres-old-tab", "--quiet")
    assert rc == 0, err
    (tab,) = [v for v in admin.views.list(project=project.id) if (v.data or {}).get("title") == VIEW_TITLE]
    hidden = set(tab.data["hiddenColumns"]["explore"])
    for key in ("span", "agencies", "region", "codebook_rules"):
        assert f"tasks:data.{key}" in hidden, key
    for key in ("clause_id", "issuer", "level", "genre", "title", "text"):
        assert f"tasks:data.{key}" not in hidden, key
    assert "tasks:data.text_sha1" in hidden
