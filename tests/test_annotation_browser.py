"""What annotators see, checked in a real browser: Label Studio (a real server) driven by Debian's
Chromium through Playwright (no browser download).

The 2026 notice is pushed with a real model's predictions (not pre-filled, two annotations per
task); two annotators who signed up through the web form log in and label in the label stream
with the mouse and the documented hotkeys. Asserted on the DOM: the instructions before
labelling, the suggestion line with scores, a Chinese hint for every choice, the rule lines; then a
pull reproduces each annotator's dominant measure type, and the task labelled ``cross_sector`` +
another sector shows its review flag after the pull. Screenshots of the labelling screen and the
task list land in ``$POLICYTAG_TEST_ARTIFACTS`` (default: the test's tmp dir); docs/img/ holds a
committed pair (``POLICYTAG_UPDATE_DOC_IMAGES=1`` rewrites it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from policytag import PROJECT_ROOT
from policytag.cli import main
from policytag.records import Labels
from policytag.taxonomy import load_taxonomy

from conftest import CORPUS_DIR

CHROMIUM = Path(os.environ.get("POLICYTAG_CHROMIUM", "/usr/bin/chromium"))
# checked before the session's Label Studio (the ``ls`` fixture, tests/ls_fixture.py) is started for this module
pytestmark = [pytest.mark.labelstudio,
              pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)")]
pytest.importorskip("playwright", reason="playwright is not installed (pip install playwright)")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOC_IMAGES = PROJECT_ROOT / "docs" / "img"
# One bound for every wait on the page. Label Studio's pages are a few MB of JavaScript, and on a
# 2-core CI machine at load 8-10 one page can take minutes; every wait below is for a condition the
# page reaches (a line shown, a box ticked, the task id changed), so a generous bound costs nothing
# when the machine is idle and only turns a hang into a failure. POLICYTAG_BROWSER_TIMEOUT_S overrides it.
TIMEOUT_MS = int(float(os.environ.get("POLICYTAG_BROWSER_TIMEOUT_S", 240)) * 1000)
#: POLICYTAG_BROWSER_CPU_THROTTLE=N runs each page's JavaScript N times slower (Chrome DevTools' CPU
#: throttling): a busy CI machine on demand, to check the waits below on an idle one
CPU_THROTTLE = float(os.environ.get("POLICYTAG_BROWSER_CPU_THROTTLE", 1))
PASSWORD = "annotator-password-1"
PROJECT = "browser"


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory):
    path = Path(os.environ.get("POLICYTAG_TEST_ARTIFACTS") or tmp_path_factory.mktemp("artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    with sync_playwright() as pw:
        # a fresh profile per run: nothing of a previous session (cookies, cache) leaks in
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        context.set_default_timeout(TIMEOUT_MS)
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    """A real keyword model trained on the 2025 notice, saved as a run directory."""
    runs = pytest.importorskip("policytag.models.runs")
    from policytag.annotation.tasks import load_clauses

    clauses = load_clauses([CORPUS_DIR], years=[2025]).clauses
    labels = [Labels(("coal_mine",) if "煤矿" in c.text else ("cross_sector",), ("responsibility",)) for c in clauses]
    tagger = runs.tagger_class("keyword")().fit(clauses, labels)
    run_dir = tmp_path_factory.mktemp("runs") / "tiny-keyword"
    runs.save_run(tagger, run_dir, config={"model": {"type": "keyword"}}, metrics={}, data_hash="test")
    return run_dir


def goto(page, url):
    """Open ``url``; a load that times out (the server or the browser starved on a busy machine) is
    tried once more, never more. Only the document is awaited (``domcontentloaded``): each caller
    then waits for the very element it needs, not for every image and font of the page."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.goto(url, wait_until="domcontentloaded")
    except PlaywrightTimeout:
        page.goto(url, wait_until="domcontentloaded")


def login(context, ls, email):
    """A new page logged in as ``email`` (one browser profile: whoever logged in before is logged out,
    and their pages are closed: a page left open keeps polling Label Studio as nobody, and costs the
    busy machine a renderer)."""
    for old in list(context.pages):
        old.close()
    context.clear_cookies()
    page = context.new_page()
    if CPU_THROTTLE > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLE})
    goto(page, f"{ls.url}/user/login/")
    page.fill("input[name=email]", email)  # fill waits for the input to be there
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/user/login" not in url, wait_until="commit")
    return page


#: the labelling screen's state: it holds a task, has drawn its choices and is neither loading nor
#: submitting. Only then do the hotkeys act on this task: Label Studio drops a submit shortcut pressed
#: while the last submit is still being saved (``isSubmitting``), and the test would wait for a next
#: task that never comes.
SCREEN = """() => {
    const h = window.Htx;
    return {htx: !!h, task: !!(h && h.task), loading: !!(h && h.isLoading), submitting: !!(h && h.isSubmitting),
            annotation: !!(h && h.annotationStore && h.annotationStore.selected),
            choices: document.querySelectorAll('.lsf-choices input').length};
}"""
READY = f"""() => {{ const s = ({SCREEN})(); return s.task && !s.loading && !s.submitting && s.annotation && s.choices > 0; }}"""


def wait_ready(page):
    """Wait until the screen is ready for keys; a timeout says which part of it never came."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(READY)
    except PlaywrightTimeout:
        raise AssertionError(f"the labelling screen was not ready within {TIMEOUT_MS // 1000} s: "
                             f"{page.evaluate(SCREEN)} at {page.url}") from None


def open_stream(page, ls, project_id):
    """Label All Tasks; the instructions come first and are closed like a user would (Escape, pressed
    again while the dialog is still up: a key pressed before the dialog listens is lost)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    goto(page, f"{ls.url}/projects/{project_id}/data?labeling=1")
    instructions = page.get_by_text("判定规则").first
    instructions.wait_for()
    for _ in range(TIMEOUT_MS // 5_000):
        page.keyboard.press("Escape")
        try:
            instructions.wait_for(state="hidden", timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    instructions.wait_for(state="hidden")  # still up after the whole bound: fail here, not at a click
    page.get_by_text("模型建议 (").first.wait_for()
    wait_ready(page)


def control(page, index):
    """The three choice controls in config order: sector, dominant, other measure types."""
    return page.locator(".lsf-choices").nth(index)


def checked(locator):
    """Wait until the box is ticked (a click or hotkey is handled, then drawn: on a busy machine the
    drawing may come later than the next line of the test)."""
    from playwright.sync_api import expect

    expect(locator).to_be_checked(timeout=TIMEOUT_MS)


def tick(page, index, name):
    box = control(page, index).locator(f'input[name="{name}"]')
    box.locator("xpath=ancestor::label").click()
    checked(box)


def current_task(page):
    return int(page.evaluate("window.Htx.task.id"))


def submit(page, keys="Control+Enter"):
    """Submit (or, with ``Control+Space``, skip) the task on screen with the documented shortcut and
    wait until the next task is ready for keys. Pressed only once the screen is ready for it: a
    shortcut pressed while the last one is still being saved is lost, and its wait would hang."""
    wait_ready(page)
    before = current_task(page)
    page.keyboard.press(keys)
    page.wait_for_function(f"!window.Htx.task || window.Htx.task.id !== {before}")
    if page.evaluate("!!window.Htx.task"):
        wait_ready(page)
    return before


def test_annotators_see_suggestions_hints_rules_and_flags(ls, admin, browser, tiny_run, artifacts, tmp_path, capsys):
    from label_studio_sdk.client import LabelStudio
    from playwright.sync_api import expect

    taxonomy = load_taxonomy()
    sector, measure = taxonomy.sector, taxonomy.measure_type
    rc = main(["annotate", "push", str(CORPUS_DIR), "--year", "2026", "--project", PROJECT, "--predictions",
               str(tiny_run), "--no-prefill", "--overlap", "2", "--quiet", "--url", ls.url, "--api-key", ls.api_key])
    assert rc == 0, capsys.readouterr().err
    project = next(p for p in admin.projects.list() if p.title == PROJECT)
    assert admin.projects.get(project.id).show_collab_predictions is False  # --no-prefill
    names = {}
    for who in ("carol", "dave"):
        me = LabelStudio(base_url=ls.url, api_key=ls.signup(f"{who}@policytag.test", PASSWORD)).users.whoami()
        names[who] = me.username or me.email

    # --- carol: the screen, then two tasks ------------------------------------------------------
    page = login(browser, ls, "carol@policytag.test")
    open_stream(page, ls, project.id)
    line = page.get_by_text(re.compile(r"^模型建议 \(tiny-keyword\S*\) 行业领域: .+ \d\.\d\d")).first
    assert line.is_visible()
    assert page.get_by_text(re.compile(r"^模型建议 \(tiny-keyword\S*\) 措施类型: .+ \d\.\d\d")).first.is_visible()
    # not pre-filled: the suggestion is a line, the boxes are the annotator's own
    assert page.locator(".lsf-choices input:checked").count() == 0
    # every choice carries a Chinese hint (taxonomy name + description_zh + cue words)
    hints = page.evaluate("""() => {
        const out = {};
        for (const [name, tag] of window.Htx.annotationStore.selected.names) {
            if (tag.type === 'choices') out[name] = tag.tiedChildren.map(c => [c.alias, c.hint]);
        }
        return out;
    }""")
    assert set(hints) == {"sector", "measure_dominant", "measure_other"}
    for name, choices in hints.items():
        dim = sector if name == "sector" else measure
        assert sorted(a for a, _ in choices) == sorted(dim.ids)
        for alias, hint in choices:
            label = dim.labels[dim.index(alias)]
            assert hint.startswith(f"{label.name}：{label.description_zh}") and "线索词" in hint, (alias, hint)
    # a hover shows it; keyboard users see the rule lines and the hotkeys without hovering
    control(page, 0).locator('input[name="煤矿"]').locator("xpath=ancestor::label").hover()
    page.get_by_text(re.compile("^煤矿：煤矿企业")).first.wait_for()
    assert page.get_by_text(re.compile("^规则：")).count() == 3
    assert control(page, 2).get_by_text("[shift+5]").count() == 1 or control(page, 2).get_by_text("shift+5").count()
    assert page.get_by_text("生产安全行业", exact=True).is_visible() and page.get_by_text("自然灾害", exact=True).is_visible()
    assert not page.locator(".lsf-sidepanels__wrapper_align_right").is_visible()  # no empty regions panel

    # task A: mouse for one sector and two other measure types, the hotkey 5 for the dominant one
    tick(page, 0, sector.name_of("coal_mine"))
    tick(page, 2, measure.name_of("responsibility"))
    page.keyboard.press("5")  # measure_dominant: hazard_remediation (documented in docs/annotation.md)
    checked(control(page, 1).locator(f'input[name="{measure.name_of("hazard_remediation")}"]'))
    page.keyboard.press("Shift+4")  # measure_other: enforcement
    checked(control(page, 2).locator(f'input[name="{measure.name_of("enforcement")}"]'))
    page.mouse.move(0, 0)
    page.screenshot(path=str(artifacts / "labelling-screen.png"), full_page=True)
    task_a = submit(page)
    # task B: cross_sector together with another sector (x, q) -- a codebook violation
    page.keyboard.press("x")
    checked(control(page, 0).locator(f'input[name="{sector.name_of("cross_sector")}"]'))
    page.keyboard.press("q")
    expect(control(page, 0).locator("input:checked")).to_have_count(2, timeout=TIMEOUT_MS)
    tick(page, 1, measure.name_of("enforcement"))
    task_b = submit(page)
    assert task_b != task_a

    # --- dave: the same task A, another dominant ------------------------------------------------
    page_d = login(browser, ls, "dave@policytag.test")
    open_stream(page_d, ls, project.id)
    assert current_task(page_d) == task_a
    tick(page_d, 0, sector.name_of("coal_mine"))
    page_d.keyboard.press("2")  # dominant: responsibility
    checked(control(page_d, 1).locator(f'input[name="{measure.name_of("responsibility")}"]'))
    page_d.keyboard.press("Shift+5")  # other: hazard_remediation
    checked(control(page_d, 2).locator(f'input[name="{measure.name_of("hazard_remediation")}"]'))
    submit(page_d)

    # --- pull: every dominant reproduced, the violation flagged ---------------------------------
    out = tmp_path / "browser.jsonl"
    rc = main(["annotate", "pull", "--project", str(project.id), "-o", str(out), "--url", ls.url, "--api-key", ls.api_key])
    err = capsys.readouterr().err
    assert rc == 0, err
    rows = {r["task_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    conflicts = {c["task_id"]: c for c in map(json.loads, out.with_name("browser.conflicts.jsonl")
                                                 .read_text(encoding="utf-8").splitlines())}
    assert rows[task_b]["measure_type"] == ["enforcement"] and rows[task_b]["problems"]
    # two annotators, two dominants: a conflict that keeps each one's dominant first
    by_annotator = {a["annotator"]: a for a in conflicts[task_a]["annotations"]}
    assert by_annotator[names["carol"]]["measure_type"] == ["hazard_remediation", "responsibility", "enforcement"]
    assert by_annotator[names["dave"]]["measure_type"] == ["responsibility", "hazard_remediation"]
    assert conflicts[task_a]["ties"]["measure_dominant"] == ["responsibility", "hazard_remediation"]
    # flagged: task B's violation, and task A's conflict (the adjudicator finds it in Label Studio)
    assert "review flags: 2 task(s) flagged" in err

    # carol sees the flag on task B
    page = login(browser, ls, "carol@policytag.test")
    goto(page, f"{ls.url}/projects/{project.id}/data?task={task_b}")
    flag = page.get_by_text(re.compile("^⚠ 需复核")).first
    flag.wait_for()
    assert names["carol"] in flag.inner_text() and sector.name_of("cross_sector") in flag.inner_text()
    goto(page, f"{ls.url}/projects/{project.id}/data?task={task_a}")
    page.get_by_text(re.compile("^⚠ 需复核.*意见不一，待裁决：主要措施类型 各半")).first.wait_for()
    # the task list: our tab, document/year/heading/score shown, internal fields hidden
    page.keyboard.press("Escape")
    goto(page, f"{ls.url}/projects/{project.id}/data")
    page.get_by_text("标注 · policytag").first.wait_for()
    page.get_by_text("Prediction score").first.wait_for()  # the suggestion score, sortable
    header = page.locator(".lsf-table-head").first.inner_text()
    assert all(column in header for column in ("title", "year", "heading", "review"))
    assert not any(column in header for column in ("text_sha1", "clause_id", "heading_path", "suggestion_sector",
                                                   "needs_review", "doc_line"))
    page.set_viewport_size({"width": 1800, "height": 900})
    page.screenshot(path=str(artifacts / "task-list.png"))
    if os.environ.get("POLICYTAG_UPDATE_DOC_IMAGES"):
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        for name in ("labelling-screen.png", "task-list.png"):
            shutil.copyfile(artifacts / name, DOC_IMAGES / name)
