"""What an analyst found reading ``policytag tag`` reports over a folder of invented governments'
notices (session 8: two provinces, three cities, three counties and a ministry, two years for some,
annual notices, 工作要点, plans, an emergency plan and an inspection report as .txt/.docx/.html/.pdf),
pinned so it stays fixed. Every clause here was written for these tests (invented places 柏溪县,
云渡县, 岚北省); none is copied from a real document.

* a clause "carried over" from last year with a changed figure (劝导站50个 -> 60个, 管网改造12公里 ->
  20公里, 达标率80% -> 85%) was listed by id only, under "Carried over with few changes" in the
  Markdown and not at all in the HTML: the change an analyst looks for was invisible;
* diffs changed digits, not figures: 安装率达到100% -> 80% read ``[-10-]{+8+}0%``;
* the HTML's deadline table put ``…`` after clauses it had not cut.
"""

from __future__ import annotations

from pathlib import Path

from policytag.inference.align import char_diff
from policytag.inference.render_html import render_html
from policytag.inference.render_md import render_md
from policytag.inference.report import build_report
from policytag.taxonomy import load_taxonomy
from report_synth import _doc, _tagged

TAX = load_taxonomy()
BX = "柏溪县人民政府"

DUTY = ("（一）严格落实乡镇属地责任，乡镇主要负责人每月至少带队检查一次辖区重点企业。", (), ("responsibility",))
ROAD_2026 = ("（二）完善乡村道路交通安全劝导站50个。", ("road_transport",), ("hazard_remediation",))
ROAD_2027 = ("（三）完善乡村道路交通安全劝导站60个。", ("road_transport",), ("hazard_remediation",))
COAL = ("（三）加强煤矿瓦斯抽采和探放水管理，严禁超能力组织生产。", ("coal_mine",), ("hazard_remediation",))
CHEM = ("（二）对加油站开展安全风险评估。", ("hazardous_chemicals",), ("hazard_remediation",))


def _county_report():
    d26 = _doc("bx26", BX, "柏溪县", "county", "annual_notice", 2026)
    d27 = _doc("bx27", BX, "柏溪县", "county", "annual_notice", 2027)
    tagged = _tagged(d26, [DUTY, ROAD_2026, COAL]) + _tagged(d27, [DUTY, CHEM, ROAD_2027])
    return build_report([d26, d27], tagged, TAX, "test")


def test_a_carried_over_clause_with_a_changed_figure_shows_the_change():
    report = _county_report()
    cmp = next(n for n in report.notices if n.summary.year == 2027).comparison
    by_status = {nv.clause_id: nv.status for nv in cmp.novelty}
    assert by_status["bx27-1"] == by_status["bx27-3"] == "carried_over"  # the premise: both continue 2026's
    md = render_md(report)
    assert "劝导站[-50-]{+60+}个" in md
    assert "Word for word (item number aside): `bx27-1`" in md  # the duty clause did not change
    html = render_html(report)
    assert "劝导站<del>50</del><ins>60</ins>个" in html
    assert '<details class="carried" open>' in html  # a change is news: shown, not folded away


def test_a_diff_changes_figures_whole():
    assert char_diff("安装率达到100%。", "安装率达到80%。") == [("=", "安装率达到"), ("-", "100"), ("+", "80"), ("=", "%。")]
    assert char_diff("受害率0.9‰", "受害率0.8‰") == [("=", "受害率"), ("-", "0.9"), ("+", "0.8"), ("=", "‰")]


def test_a_renumbered_clause_is_the_same_wording_a_changed_figure_is_not():
    from policytag.inference.align import same_wording

    assert same_wording("（二）完善乡村道路交通安全劝导站50个。", "（三）完善乡村道路交通安全劝导站50个。")
    assert same_wording("2.开展燃气安全检查。", "二、开展燃气安全检查。")
    assert not same_wording("（二）完善劝导站50个。", "（二）完善劝导站60个。")


def test_the_html_deadline_table_marks_only_cut_clauses():
    d = _doc("y27", "云渡县人民政府办公室", "云渡县", "county", "annual_notice", 2027)
    short = "（一）年底前完成县城老旧燃气管网更新改造20公里。"
    long = "（二）" + "督促餐饮场所安装燃气泄漏报警装置并接入监管平台，" * 3 + "6月底前完成。"
    from dataclasses import replace

    from policytag.inference.extract import extract_fields

    plain = _tagged(d, [(short, ("urban_gas",), ("engineering_technology",)), (long, ("urban_gas",), ("engineering_technology",))])
    fields = extract_fields([t.clause.text for t in plain], [2027] * len(plain))
    tagged = [replace(t, deadlines=tuple(dl), targets=tuple(tg)) for t, (dl, tg) in zip(plain, fields)]
    assert all(t.deadlines for t in tagged)  # the premise: both are in the deadline table
    html = render_html(build_report([d], tagged, TAX, "test"))
    table = html[html.index("时限与量化目标"):]
    assert short + "</td>" in table and short + "…" not in table
    assert long[:59] + "…</td>" in table


def test_a_compare_with_folder_of_several_years_and_issuers_is_named_as_what_it_is():
    """``--compare-with notices/``: the baseline pools documents of 2026 and 2027 of two governments;
    it read "the 2027 notice of 柏溪县人民政府、云渡县人民政府办公室" for the 2026 notice it was compared with."""
    d26 = _doc("bx26", BX, "柏溪县", "county", "annual_notice", 2026)
    d27 = _doc("bx27", BX, "柏溪县", "county", "annual_notice", 2027)
    y27 = _doc("yd27", "云渡县人民政府办公室", "云渡县", "county", "annual_notice", 2027)
    new = _doc("new", "岚北省人民政府", "岚北省", "province", "annual_notice", 2026)
    docs = [new, d26, d27, y27]
    tagged = (_tagged(new, [DUTY, CHEM]) + _tagged(d26, [DUTY, ROAD_2026]) + _tagged(d27, [DUTY, COAL])
              + _tagged(y27, [CHEM]))
    report = build_report(docs, tagged, TAX, "test", report_ids={"new"}, baseline_ids={"bx26", "bx27", "yd27"})
    cmp = report.notices[0].comparison
    assert cmp.baseline == "the 3 documents of 2026–2027 of 柏溪县人民政府、云渡县人民政府办公室"
    md = render_md(report)
    assert "2027 notice" not in md and "vs 2026–2027" in md
    assert "compared with the 3 documents of 2026–2027 of 柏溪县人民政府、云渡县人民政府办公室 (5 clauses; chosen with --compare-with)" in md
    # one document keeps its plain name
    one = build_report(docs, tagged, TAX, "test", report_ids={"new"}, baseline_ids={"bx26"}).notices[0].comparison
    assert one.baseline == "the 2026 notice of 柏溪县人民政府"


def test_the_html_links_every_notice_and_says_what_each_is_compared_with():
    """Above 40 notices the navigation links each year's first notice only: a reader looking for one
    county's notice among 50 had no way to it but scrolling. The index table (as the Markdown's) links
    every notice and names its baseline."""
    from report_synth import synthetic_report

    report = synthetic_report(50)
    html = render_html(report)
    index = html[html.index('<section id="notices">'):]
    index = index[:index.index("</section>")]
    for n in report.notices:
        assert f'href="#notice-{n.document.doc_id}"' in index, n.document.doc_id
        assert f'id="notice-{n.document.doc_id}"' in html
    assert "the 2026 notice of 东川省人民政府" in index and "— none in the input" in index
    assert html.index('<section id="notices">') < html.index('id="across"')  # first, as in the Markdown


def test_a_json_output_is_json(tmp_path):
    """``-o out.json`` wrote JSON Lines: ``json.load`` (and pandas, jq -s aside) stopped at the second
    row with "Extra data". Now the same rows as one array; ``.jsonl`` stays JSON Lines."""
    import json

    from conftest import run_cli

    notice = tmp_path / "baixi_2027.txt"
    notice.write_text("柏溪县人民政府\n关于做好2027年全县安全生产工作的通知\n柏政发〔2027〕1号\n\n各乡镇人民政府：\n"
                      "　　一、落实安全生产责任\n　　（一）严格落实乡镇属地责任，乡镇主要负责人每月至少带队检查一次辖区重点企业。\n"
                      "　　（二）加强农村道路交通安全管理，完善乡村道路交通安全劝导站60个。\n\n柏溪县人民政府\n2027年1月28日\n",
                      encoding="utf-8")
    outs = {}
    for suffix in ("json", "jsonl"):
        out = tmp_path / f"out.{suffix}"
        proc = run_cli("tag", notice, "--model", "policytag/resources/model", "-o", out)
        assert proc.returncode == 0, proc.stderr
        outs[suffix] = out.read_text(encoding="utf-8")
    rows = json.loads(outs["json"])
    assert [r["clause_id"] for r in rows] == [json.loads(line)["clause_id"] for line in outs["jsonl"].splitlines()]
    assert len(rows) >= 2 and rows == [json.loads(line) for line in outs["jsonl"].splitlines()]
    proc = run_cli("tag", notice, "--stream", "-o", tmp_path / "s.json")
    assert proc.returncode == 2 and "name the output .jsonl" in proc.stderr


def test_a_ministry_alone_at_its_level_is_named_not_its_region():
    """The peers note read ``全国 is the only 中央 government``: the ministry's region, a name found
    nowhere in the issuer table. A government named after its place keeps the place (南坪镇)."""
    from policytag.inference.across import build_across

    m = _doc("m27", "国家工矿安全监督部", "全国", "central", "work_points", 2027)
    t = _doc("t27", "南坪镇人民政府", "南坪镇", "department", "work_points", 2027)
    p = _doc("p27", "岚北省人民政府", "岚北省", "province", "annual_notice", 2027)
    q = _doc("q27", "汀南省安全生产委员会", "汀南省", "province", "work_points", 2027)
    docs = [m, t, p, q]
    tagged = [x for d in docs for x in _tagged(d, [DUTY, COAL])]
    note = build_across(docs, tagged, TAX).peers_note()
    assert "国家工矿安全监督部 is the only 中央 government" in note and "全国" not in note
    assert "南坪镇 is the only" in note


def test_ctrl_c_in_a_streaming_run_says_so_once(tmp_path):
    """Ctrl-C in ``tag --stream`` printed ``policytag: interrupted; the rows written so far are in
    OUT.partial (--resume continues)`` and then ``policytag: interrupted`` again."""
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import interruptible

    from policytag import PROJECT_ROOT

    clauses = tmp_path / "clauses.jsonl"
    with clauses.open("w", encoding="utf-8") as fh:
        for i in range(200_000):  # far more than tagging gets through before the signal
            fh.write(json.dumps({"id": i, "text": f"（{i}）完善乡村道路交通安全劝导站{i % 90 + 10}个。"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "policytag.cli", "tag", "--clauses", str(clauses), "--stream",
                             "--batch-size", "64", "--model", "policytag/resources/model", "-o", str(out)],
                            cwd=PROJECT_ROOT, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=interruptible)
    partial = Path(f"{out}.partial")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size > 0):
        time.sleep(0.05)
    assert partial.exists(), "no rows were written in 120 s"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.count("interrupted") == 1 and f"{partial}" in err and "--resume continues" in err, err
    assert not out.exists()


def test_heatmap_column_names_are_drawn_whole_in_a_browser(tmp_path):
    """Opened in Chromium, the sector × measure heatmap cut its last column names at the drawing's
    edge (基层基础与保障能力 read 基层基础与保障能): every name must lie inside its SVG."""
    import pytest

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    path = tmp_path / "r.html"
    path.write_text(render_html(_county_report()), encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--headless", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(path.resolve().as_uri())
        outside = page.evaluate("""() => [...document.querySelectorAll('svg.heatmap')].flatMap(svg => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll(':scope > text')].filter(t => {
                const r = t.getBoundingClientRect();
                return r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.left < box.left - 0.5;
            }).map(t => t.textContent);
        })""")
        n_svg = page.evaluate("document.querySelectorAll('svg.heatmap').length")
        browser.close()
    assert n_svg >= 2  # the premise: both notices draw one
    assert outside == []


def test_the_clause_lists_flag_changed_clauses_beside_new_ones():
    """The clause lists flagged new clauses only: reading clause by clause, 劝导站50个 -> 60个 looked
    like last year's clause. A clause continuing one with other words is flagged ``changed``; one
    the same word for word is not flagged."""
    report = _county_report()
    md = render_md(report)
    clauses = md[md.index("## 条款 Clauses", md.index("# 柏溪县人民政府关于做好2027")):]
    assert "- `bx27-3` **[changed]**" in clauses and "- `bx27-2` **[new]**" in clauses
    assert "- `bx27-1` **[" not in clauses
    html = render_html(report)
    assert '<code>bx27-3</code> <span class="changed"' in html and '<code>bx27-1</code></td>' in html


def test_a_mistyped_input_path_names_the_nearest_files(tmp_path):
    """``tag notice`` beside a folder ``notices/`` said only ``notice: no such file or directory``."""
    from conftest import run_cli

    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "baixi_2027.txt").write_text("x", encoding="utf-8")
    proc = run_cli("tag", "notice", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == (
        "policytag: error: notice: no such file or directory (did you mean notices/?)\n")
    proc = run_cli("tag", "notices/baixi-2027.txt", "--stream", "-o", "out.jsonl", cwd=tmp_path)
    assert "(did you mean notices/baixi_2027.txt?)" in proc.stderr
    assert run_cli("tag", "elsewhere.txt", cwd=tmp_path).stderr.endswith(": no such file or directory\n")


def test_a_clause_restated_for_the_new_year_is_not_flagged_changed():
    """为做好2026年全县安全生产工作 -> 为做好2027年…: every annual notice restates last year's preamble
    for its own year; flagged ``changed`` beside the real changes, it was noise. A deadline moved to
    another year than the notice's (2026年底前 -> 2028年底前) still is a change."""
    d26 = _doc("bx26", BX, "柏溪县", "county", "annual_notice", 2026)
    d27 = _doc("bx27", BX, "柏溪县", "county", "annual_notice", 2027)
    pre = "为做好{y}年全县安全生产工作，现将有关事项通知如下。"
    late = "（二）加强乡村道路交通安全劝导站建设，{y}年底前完成全部站点标准化改造。"
    tagged = (_tagged(d26, [(pre.format(y=2026), (), ("awareness_goals",)), DUTY, (late.format(y=2026), ("road_transport",), ("engineering_technology",))])
              + _tagged(d27, [(pre.format(y=2027), (), ("awareness_goals",)), DUTY, (late.format(y=2028), ("road_transport",), ("engineering_technology",))]))
    report = build_report([d26, d27], tagged, TAX, "test")
    cmp = report.notices[1].comparison
    assert [n.status for n in cmp.novelty] == ["carried_over"] * 3  # the premise
    reworded, same = cmp.carried_over({t.clause.clause_id: t.clause.text for t in tagged})
    assert [n.clause_id for n in reworded] == ["bx27-3"] and [n.clause_id for n in same] == ["bx27-1", "bx27-2"]
    assert "[-2026-]{+2028+}年底前" in render_md(report)


def test_a_tiny_q_value_is_not_written_as_zero():
    """``6 of 6 clauses, mean 17%, q=0.000``: a q-value printed as zero reads as a certainty."""
    from report_synth import synthetic_report

    report = synthetic_report(12)
    q = min(c.q_value for g in report.across.groups for dim in ("sector", "measure_type")
            for c in report.across.cells[g.key][dim])
    assert q < 0.0005  # the premise: the 危险化学品 issuer's share is far from chance
    md, html = render_md(report), render_html(report)
    assert "q=0.000" not in md and "q<0.001" in md
    assert "q=0.000" not in html and "q&lt;0.001" in html  # as the Markdown (it read q=1.2e-05)
