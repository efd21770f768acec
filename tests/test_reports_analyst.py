"""What an analyst reading ``policytag tag`` over a folder of several governments' notices found
wrong, pinned so it stays fixed. Every notice here was written for these tests (invented places:
东川省, 临川市, 青石县, 东陵县/区, 南坪镇); none is copied from a real document.

* a county's 2027 自建房 rectification plan was compared with its 2026 城镇燃气 plan as "last year's"
  (``城镇燃气 -100 pp``, every 燃气 clause "dropped"): plans, emergency plans, regulations and
  one-topic notices only pair with a document on the same subject;
* a notice without a year said ``no previous 其他文件 … in the input``, as if its past were missing;
* nothing told the reader of the obvious candidates it did not compare with: the same government
  under its former name (东陵县 -> 东陵区), last year's 工作要点 beside this year's annual notice, or
  last year's plan on another subject;
* the reports showed internal ids where Chinese names exist (``county``, ``annual_notice``), said
  ``+11.1 pp`` without what it was out of, ``0%`` for 1 clause of 301, and ``score 0.88`` as evidence;
* evidence spans that touch were bolded as ``**煤矿****。开展**`` (shown as asterisks in Markdown);
* the rows (JSONL, CSV, the across CSV) did not say which taxonomy their label ids are of;
* ``-o out.csv`` left an ``out.across.csv`` of an earlier run beside an output it does not belong
  to, and wrote ``out.csv`` before finding it could not write ``out.across.csv``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from policytag.inference.render_md import render_md
from policytag.inference.render_html import render_html
from policytag.inference.render_rows import render_across_csv, render_csv, render_jsonl
from policytag.inference.report import build_report
from policytag.inference.tagging import TaggedClause
from policytag.inference import yoy
from policytag.inference.yoy import no_previous_message, previous_documents
from policytag.records import Clause, Evidence, Labels
from policytag.taxonomy import load_taxonomy
from conftest import run_cli
from report_synth import _doc, _scores, _tagged

TAX = load_taxonomy()
MODEL = "policytag/resources/model"


GAS = ("年底前完成老旧燃气管网改造。", ("urban_gas",), ("engineering_technology",))
HOUSE = ("对经营性自建房开展结构安全鉴定。", ("construction",), ("hazard_remediation",))
CHEM = ("开展危险化学品企业安全风险评估。", ("hazardous_chemicals",), ("hazard_remediation",))

QS = "青石县人民政府办公室"


def _plan(doc_id, year, subject):
    return _doc(doc_id, QS, "青石县", "county", "special_plan", year,
                title=f"{QS}关于印发青石县{subject}安全专项整治方案的通知")


def test_plans_on_different_subjects_are_not_last_years_plan():
    gas26, house27, gas28 = _plan("g26", 2026, "城镇燃气"), _plan("h27", 2027, "自建房"), _plan("g28", 2028, "燃气")
    docs = [gas26, house27, gas28]
    assert (yoy.title_topic(gas26), yoy.title_topic(house27)) == ("城镇燃气", "自建房")
    assert previous_documents(house27, docs) == []
    assert previous_documents(gas28, docs) == [gas26]  # 燃气 / 城镇燃气: one subject, two years apart
    tagged = _tagged(gas26, [GAS, GAS]) + _tagged(house27, [HOUSE, HOUSE]) + _tagged(gas28, [GAS, CHEM])
    report = build_report(docs, tagged, TAX, "test")
    house = report.notices[1]
    assert house.comparison is None
    assert "on another subject" in house.comparison_note and "g26.txt" in house.comparison_note
    assert report.notices[2].comparison.prev_doc_ids == ("g26",)
    # the periodic genres still pair whatever their titles say
    a = _doc("a", "东川省人民政府", "东川省", "province", "annual_notice", 2026)
    b = _doc("b", "东川省人民政府", "东川省", "province", "annual_notice", 2027,
             title="东川省人民政府关于进一步加强2027年安全生产工作的意见")
    assert previous_documents(b, [a, b]) == [a]


def test_a_notice_without_a_year_says_its_year_is_unknown():
    doc = _doc("x", "临川市应急管理局", "临川市", "city", "other", None, title="临川市应急管理局关于加强汛期安全防范工作的通知")
    note = no_previous_message(doc, [doc])
    assert note.startswith("the year of this 其他文件 of 临川市应急管理局 is unknown")
    assert "no previous" not in note and "--compare-with" in note
    md = render_md(build_report([doc], _tagged(doc, [CHEM]), TAX, "test"))
    assert "（年份不详）" in md and "is unknown" in md


def test_the_note_names_what_was_not_compared_with():
    county = _doc("c25", "东陵县人民政府", "东陵县", "county", "annual_notice", 2025, source="dongling_2025.txt")
    district = _doc("d26", "东陵区人民政府", "东陵区", "county", "annual_notice", 2026)
    namesake = _doc("n25", "东陵市人民政府", "东陵市", "city", "annual_notice", 2025)  # another level: not a hint
    note = no_previous_message(district, [county, district, namesake])
    assert note.startswith("no previous 年度安全生产工作通知 of 东陵区人民政府 before 2026 in the input")
    assert "the 2025 年度安全生产工作通知 of 东陵县人民政府 (dongling_2025.txt)" in note and "former name" in note
    assert previous_documents(district, [county, district]) == []  # a hint, never paired by itself
    assert no_previous_message(district, [district, namesake]).endswith("no year-over-year comparison")
    # the same government's annual notice beside last year's 工作要点: named, not used
    wp = _doc("w26", "临川市安全生产委员会", "临川市", "city", "work_points", 2026, source="linchuan_wp_2026.txt")
    annual = _doc("a27", "临川市人民政府", "临川市", "city", "annual_notice", 2027)
    note = no_previous_message(annual, [wp, annual])
    assert "the 2026 工作要点 of 临川市安全生产委员会 (linchuan_wp_2026.txt), a document of another kind" in note
    old_wp = _doc("w19", "临川市应急管理局", "临川市", "city", "work_points", 2019)  # not last year: not named
    assert no_previous_message(annual, [old_wp, annual]).endswith("no year-over-year comparison")


def _two_year_report():
    before = _doc("p25", "东川省人民政府", "东川省", "province", "annual_notice", 2025)
    now = _doc("p26", "东川省人民政府", "东川省", "province", "annual_notice", 2026)
    county = _doc("q26", "青石县人民政府", "青石县", "county", "work_points", 2026)
    tagged = (_tagged(before, [CHEM, CHEM]) + _tagged(now, [GAS, CHEM]) + _tagged(county, [HOUSE]))
    return build_report([before, now, county], tagged, TAX, "test")


def test_reports_show_chinese_names_and_what_figures_are_out_of():
    report = _two_year_report()
    md = render_md(report)
    for internal in ("| county |", "| province |", "annual_notice", "work_points", "· province ·"):
        assert internal not in md, internal
    assert "| 青石县人民政府 | 县级 | 2026 | 工作要点 | 1 |" in md
    assert "· 省级 · 年度安全生产工作通知 ·" in md
    assert "out of the notice's 2 clauses" in md
    assert "城镇燃气 +50.0 pp (1 of 2 clauses, was 0 of 2)" in md
    html = render_html(report)
    assert "<td>province</td>" not in html and "<td>省级</td>" in html and "(1 of 2 clauses, was 0 of 2)" in html
    assert "(county)</option>" not in html


def test_share_of_one_clause_in_hundreds_is_not_zero_percent():
    doc = _doc("big", "白石市人民政府办公室", "白石市", "city", "special_plan", 2027, title="白石市治本攻坚实施方案")
    md = render_md(build_report([doc], _tagged(doc, [CHEM] * 300 + [GAS]), TAX, "test"))
    assert "| 城镇燃气 | 1 | <1% █ |" in md


def test_touching_evidence_spans_are_one_bold_run_and_score_evidence_says_what_it_is():
    doc = _doc("e", "东川省人民政府", "东川省", "province", "annual_notice", 2026)
    text = "煤矿。开展瓦斯治理。"
    c = Clause("e", "e-1", (), text, "clause", year=2026)
    ev = {"sector": {"coal_mine": (Evidence("coal_mine", "sector", "cue", "煤矿", (0, 2)),
                                   Evidence("coal_mine", "sector", "ngram", "。开展", (2, 5), 0.3))},
          "measure_type": {"hazard_remediation": (Evidence("hazard_remediation", "measure_type", "score", "", (0, 0),
                                                           0.88),)}}
    t = TaggedClause(c, Labels(("coal_mine",), ("hazard_remediation",)),
                     _scores(("coal_mine",), ("hazard_remediation",)), (), (), ev)
    md = render_md(build_report([doc], [t], TAX, "test"))
    assert "****" not in md and "**煤矿。开展**瓦斯治理。" in md
    assert "score 0.88" not in md and "no cue, rule or n-gram in the text; model probability 0.88" in md


def test_rows_say_which_taxonomy_their_label_ids_are_of():
    report = _two_year_report()
    rows = [json.loads(line) for line in render_jsonl(report).splitlines()]
    assert rows and all(r["taxonomy_version"] == TAX.version and r["model_version"] == "test" for r in rows)
    flat = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert all(r["taxonomy_version"] == TAX.version for r in flat)
    across = list(csv.DictReader(io.StringIO(render_across_csv(report))))
    assert all((r["taxonomy_version"], r["model_version"]) == (TAX.version, "test") for r in across)


# --- end to end: notices written for this test, the shipped default model, every format -----------

NOTICES = {
    "dongchuan_2025.txt": """东川省人民政府
关于做好2025年全省安全生产工作的通知
东政发〔2025〕3号

各市、县人民政府，省政府各部门：
　　为做好2025年全省安全生产工作，现就有关事项通知如下。
　　一、压实安全生产责任
　　（一）强化企业主体责任。规模以上工业企业安全生产标准化达标率达到85%以上。（省应急厅负责）
　　二、深化重点行业领域专项整治
　　（一）煤矿。开展煤矿瓦斯超限专项治理，年底前完成全省高瓦斯矿井抽采系统改造。（省能源局负责）
　　（二）道路交通。深化“两客一危”车辆动态监控，严厉打击超速、超载、疲劳驾驶等违法行为。（省公安厅负责）

东川省人民政府
2025年1月20日
""",
    "dongchuan_2026.txt": """东川省人民政府
关于做好2026年全省安全生产工作的通知
东政发〔2026〕2号

各市、县人民政府，省政府各部门：
　　为做好2026年全省安全生产工作，现就有关事项通知如下。
　　一、压实安全生产责任
　　（一）强化企业主体责任。规模以上工业企业安全生产标准化达标率达到90%以上。（省应急厅负责）
　　二、深化重点行业领域专项整治
　　（一）城镇燃气。全面排查城镇燃气管道老化隐患，年底前完成老旧燃气管网改造300公里。（省住建厅负责）
　　（二）森林防火。严格落实森林防火期野外用火管控，森林火灾受害率控制在0.9‰以下。（省林业局负责）

东川省人民政府
2026年1月16日
""",
    "qingshi_plan_2026.txt": """青石县人民政府办公室
关于印发青石县城镇燃气安全专项整治方案的通知
青政办发〔2026〕12号

各乡镇人民政府，县直有关部门：
　　《青石县城镇燃气安全专项整治方案》已经县政府同意，现印发给你们，请认真组织实施。

青石县城镇燃气安全专项整治方案
　　一、整治内容
　　（一）餐饮场所。督促餐饮场所安装燃气泄漏报警装置，6月底前完成。
　　（二）老旧管网。完成县城老旧燃气管网更新改造15公里。
　　二、保障措施
　　（一）加强组织领导。成立由县政府分管副县长任组长的专项整治工作专班。

青石县人民政府办公室
2026年3月2日
""",
    "qingshi_plan_2027.txt": """青石县人民政府办公室
关于印发青石县自建房安全专项整治方案的通知
青政办发〔2027〕8号

各乡镇人民政府，县直有关部门：
　　《青石县自建房安全专项整治方案》已经县政府同意，现印发给你们，请认真组织实施。

青石县自建房安全专项整治方案
　　一、整治内容
　　（一）经营性自建房。对3层及以上、人员密集的经营性自建房开展结构安全鉴定。
　　（二）违法改扩建。严厉查处擅自加层、改变承重结构等违法行为。
　　二、保障措施
　　（一）加强组织领导。成立由县政府分管副县长任组长的专项整治工作专班。

青石县人民政府办公室
2027年3月5日
""",
    "nanping_2027.txt": """南坪镇人民政府
关于印发南坪镇2027年安全生产工作要点的通知

各村（社区），镇属各单位：
　　现将《南坪镇2027年安全生产工作要点》印发给你们，请认真落实。

南坪镇2027年安全生产工作要点
　　一、每季度召开一次镇安全生产委员会会议。
　　二、开展农村自建房、小作坊安全检查，全年不少于4次。

南坪镇人民政府
2027年1月28日
""",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("analyst_notices")
    for name, text in NOTICES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_format_every_tag_has_evidence_at_its_offsets(folder, tmp_path):
    outs = {}
    for fmt in ("jsonl", "csv", "md", "html"):
        out = tmp_path / f"r.{fmt}"
        proc = run_cli("tag", folder, "--model", MODEL, "-o", out)
        assert proc.returncode == 0, proc.stderr
        outs[fmt] = out.read_text(encoding="utf-8-sig")
    rows = [json.loads(line) for line in outs["jsonl"].splitlines()]
    assert len({r["doc_id"] for r in rows}) == len(NOTICES)
    for r in rows:
        assert r["taxonomy_version"] == TAX.version and r["model_version"].startswith("default@")
        heading = " > ".join(r["heading_path"])
        for dim in ("sector", "measure_type"):
            assert r[dim] and set(r["evidence"][dim]) == set(r[dim]), (r["clause_id"], dim)
            for lid, evs in r["evidence"][dim].items():
                assert evs, (r["clause_id"], lid)
                for ev in evs:
                    s, e = ev["span"]
                    where = {"text": r["text"], "heading": heading, "title": r["title"] or ""}[ev["source"]]
                    if ev["kind"] != "score":
                        assert where[s:e] == ev["text"] and e > s, (r["clause_id"], ev)
    flat = list(csv.DictReader(io.StringIO(outs["csv"])))
    assert [r["clause_id"] for r in flat] == [r["clause_id"] for r in rows]
    assert {r["taxonomy_version"] for r in flat} == {TAX.version}
    assert (tmp_path / "r.across.csv").exists()
    md, html = outs["md"], outs["html"]
    assert f"taxonomy {TAX.version}" in md and rows[0]["model_version"] in md
    assert f"taxonomy {TAX.version}" in html and rows[0]["model_version"] in html
    # the 自建房 plan is not compared with the 燃气 plan; the province's 2026 notice is, with its 2025 one
    plan = md[md.index("# 青石县人民政府办公室关于印发青石县自建房"):]
    assert "on another subject" in plan.split("\n\n")[1] and "侧重变化" not in plan.split("\n# ")[0]
    assert "compared with the 2025 notice of 东川省人民政府" in md
    for internal in ("· county ·", "· department ·", "| department |", "special_plan"):
        assert internal not in md, internal
    assert "基层及其他" in md


def test_a_stale_across_csv_is_removed_and_an_unwritable_one_refused_before_any_work(folder, tmp_path):
    out, side = tmp_path / "out.csv", tmp_path / "out.across.csv"
    assert run_cli("tag", folder, "--model", MODEL, "-o", out).returncode == 0 and side.exists()
    one = run_cli("tag", folder / "nanping_2027.txt", "--model", MODEL, "-o", out)
    assert one.returncode == 0, one.stderr
    assert not side.exists() and "removed" in one.stderr  # it described the earlier run's 5 notices
    out.unlink()
    side.mkdir()  # cannot be written: refused before out.csv is written, not after
    proc = run_cli("tag", folder, "--model", MODEL, "-o", out)
    assert proc.returncode != 0 and not out.exists()
    assert proc.stderr.startswith("policytag: error: ") and "out.across.csv" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_an_issuer_is_tested_against_the_other_issuers_not_its_own_other_years():
    from scipy.stats import fisher_exact

    from policytag.inference.across import build_across

    a26 = _doc("a26", "临川市人民政府", "临川市", "city", "annual_notice", 2026)
    a27 = _doc("a27", "临川市人民政府", "临川市", "city", "annual_notice", 2027)
    b = _doc("b", "石门县人民政府", "石门县", "county", "annual_notice", 2026)
    c = _doc("c", "东川省人民政府", "东川省", "province", "annual_notice", 2026)
    tagged = _tagged(a26, [GAS] * 8) + _tagged(a27, [GAS] * 8) + _tagged(b, [CHEM] * 8) + _tagged(c, [CHEM] * 8)
    across = build_across([a26, a27, b, c], tagged, TAX)
    g = next(g for g in across.groups if g.doc_ids == ("a26",))
    gas = next(x for x in across.cells[g.key]["sector"] if x.label_id == "urban_gas")
    # 8 of 8 against the other issuers' 0 of 16 (临川's own 2027 notice is not "the others")
    assert gas.p_value == pytest.approx(fisher_exact([[8, 0], [0, 16]]).pvalue)
    assert gas.significant


def test_year_that_contradicts_the_text_names_the_notice_and_its_year(folder):
    proc = run_cli("tag", folder / "qingshi_plan_2027.txt", "--model", MODEL, "--year", "2026", "--format", "md")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("policytag: error: --year 2026: no notice of year 2026 in the input")
    assert "qingshi_plan_2027.txt is of 2027" in proc.stderr  # the year is read from the text, not the file name


def test_a_hint_about_a_notice_sharing_its_file_names_the_notice_not_the_file():
    # --compare-with FILE takes every notice in FILE: the corpus file or a clause file is no baseline
    county = _doc("c25", "东陵县人民政府", "东陵县", "county", "annual_notice", 2025, source="clauses.jsonl")
    district = _doc("d26", "东陵区人民政府", "东陵区", "county", "annual_notice", 2026, source="clauses.jsonl")
    note = no_previous_message(district, [county, district])
    assert "(c25 in clauses.jsonl)" in note and "a file holding that notice alone" in note
    assert "compare-with that file" not in note


def test_a_baseline_years_back_says_it_is_the_latest_there_is():
    old = _doc("w19", "东川省应急管理厅", "东川省", "province", "work_points", 2019)
    now = _doc("w26", "东川省应急管理厅", "东川省", "province", "work_points", 2026)
    report = build_report([old, now], _tagged(old, [CHEM]) + _tagged(now, [GAS]), TAX, "test")
    line = "compared with the 2019 工作要点 of 东川省应急管理厅 (1 clause; the latest earlier one: none of 2020–2025 in the input)"
    assert line in render_md(report) and line in render_html(report)


def test_across_says_who_has_no_peer_of_its_level_and_that_rows_are_compared_within_their_year():
    town = _doc("t", "南坪镇人民政府", "南坪镇", "department", "work_points", 2027)
    c1 = _doc("c1", "临川市人民政府", "临川市", "city", "annual_notice", 2027)
    c2 = _doc("c2", "白石市人民政府", "白石市", "city", "annual_notice", 2026)
    report = build_report([town, c1, c2], _tagged(town, [HOUSE]) + _tagged(c1, [GAS]) + _tagged(c2, [CHEM]), TAX, "t")
    # 白石市's 2026 notice has no other government's row of 2026: untested, so 临川市 is the only city tested
    note = ("临川市 is the only 市级 government; 南坪镇 is the only 基层及其他 government: compared with governments of "
            "other levels only; a row is compared only with other governments' documents of its kind and year")
    years = "the rows span 2026–2027: each row is compared with the other governments' rows of its own year only"
    md, html = render_md(report), render_html(report).replace("&#x27;", "'")
    assert note in md and note in html and years in md and years in html and "白石市人民政府 2026 (annual" in md
    both_cities = build_report([c1, c2], _tagged(c1, [GAS]) + _tagged(c2, [CHEM]), TAX, "t")
    assert "the only" not in render_md(both_cities)


def test_issuer_trend_lines_keep_plans_on_different_subjects_apart():
    from policytag.inference.across import issuer_trends

    g26, h27, g28 = _plan("g26", 2026, "城镇燃气"), _plan("h27", 2027, "自建房"), _plan("g28", 2028, "燃气")
    city = _doc("c", "临川市人民政府", "临川市", "city", "annual_notice", 2027)
    tagged = _tagged(g26, [GAS]) + _tagged(h27, [HOUSE]) + _tagged(g28, [GAS]) + _tagged(city, [CHEM])
    trends = {t.issuer: t for t in issuer_trends([g26, h27, g28, city], tagged, TAX)}
    gas = trends[f"{QS} · 专项整治/实施方案 · 城镇燃气"]
    assert gas.years == (2026, 2028) and gas.shares["sector"]["urban_gas"] == (1.0, 1.0)
    assert trends[f"{QS} · 专项整治/实施方案 · 自建房"].years == (2027,)


def test_reports_say_what_the_evidence_kinds_and_the_new_list_mean():
    report = _two_year_report()
    md, html = render_md(report), render_html(report)
    for text in (md, html):
        assert "cue = a cue word of the codebook" in text and "ngram = a stretch of characters" in text
    assert "No sentence of them resembles a sentence of the 2025 notice of 东川省人民政府" in md
    assert "candidates to read, not a verdict" in md


def test_csv_rows_carry_the_evidence_as_the_jsonl_rows_do():
    doc = _doc("e", "东川省人民政府", "东川省", "province", "annual_notice", 2026)
    c = Clause("e", "e-1", (), "煤矿。开展瓦斯治理。", "clause", year=2026)
    ev = {"sector": {"coal_mine": (Evidence("coal_mine", "sector", "cue", "煤矿", (0, 2)),)},
          "measure_type": {"hazard_remediation": (Evidence("hazard_remediation", "measure_type", "cue", "治理", (7, 9)),)}}
    t = TaggedClause(c, Labels(("coal_mine",), ("hazard_remediation",)),
                     _scores(("coal_mine",), ("hazard_remediation",)), (), (), ev)
    report = build_report([doc], [t], TAX, "test")
    (row,) = csv.DictReader(io.StringIO(render_csv(report)))
    (line,) = render_jsonl(report).splitlines()
    assert json.loads(row["evidence"]) == json.loads(line)["evidence"] != {}


def test_a_file_named_for_the_year_whose_text_is_of_another_year_is_pointed_out(tmp_path):
    (tmp_path / "nanping_2027.txt").write_text(NOTICES["nanping_2027.txt"], encoding="utf-8")
    (tmp_path / "gas_plan_2027.txt").write_text(NOTICES["qingshi_plan_2026.txt"], encoding="utf-8")  # a 2026 plan
    proc = run_cli("tag", tmp_path, "--model", MODEL, "--year", "2027", "--format", "md")
    assert proc.returncode == 0, proc.stderr
    assert ("gas_plan_2027.txt names 2027 in its file name, but its text is of 2026 (title, document number, date): "
            "not reported with --year 2027") in proc.stderr
    assert "# 南坪镇人民政府" in proc.stdout and "燃气安全专项整治方案的通知（2026）" not in proc.stdout


def test_compare_with_a_notice_without_a_year_or_with_the_notice_itself(folder, tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("临川市应急管理局\n关于加强汛期安全防范工作的通知\n\n各区县应急管理局：\n"
                       "　　一、加强雨情水情监测预警，及时发布预警信息。\n　　二、严格落实24小时值班和领导带班制度。\n\n"
                       "临川市应急管理局\n", encoding="utf-8")
    notice = folder / "nanping_2027.txt"
    proc = run_cli("tag", notice, "--compare-with", undated, "--model", MODEL, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    # the baseline's year is unknown: it is not the notice's own 2027
    assert "compared with the 其他文件 of 临川市应急管理局 (its year unknown) (2 clauses; chosen with --compare-with)" \
        in proc.stdout
    assert "vs 2027" not in proc.stdout and "| vs the baseline |" in proc.stdout
    same = run_cli("tag", notice, "--compare-with", notice, "--model", MODEL, "--format", "md")
    assert same.returncode == 0, same.stderr
    assert "the --compare-with file holds this notice itself: nothing else to compare with" in same.stdout


def test_repeated_clauses_continue_last_years_repeats_one_for_one():
    from policytag.inference.align import align, dropped

    # a plan repeats one task under each sector: the same words after the item number
    prev = ["1.修订城镇燃气安全管理制度，年底前印发实施。", "2.开展城镇燃气安全隐患排查整治。",
            "3.修订城镇燃气安全管理制度，年底前印发实施。", "4.修订城镇燃气安全管理制度，年底前印发实施。"]
    now = ["1.修订城镇燃气安全管理制度，年底前印发实施。", "2.修订城镇燃气安全管理制度，年底前印发实施。",
           "3.开展城镇燃气安全隐患排查整治。", "4.修订城镇燃气安全管理制度，年底前印发实施。"]
    aligned = align(now, prev)
    assert [a.counterpart for a in aligned] == [0, 2, 1, 3]
    assert dropped(aligned, len(prev)) == []  # all four were continued: none "dropped"


def test_markdown_opens_with_an_index_of_the_notices_and_their_baselines():
    md = render_md(_two_year_report())
    assert md.startswith("## 文件 Notices in this report")
    assert ("| 东川省人民政府关于做好2026年安全生产工作的通知 | 东川省人民政府 | 省级 | 年度安全生产工作通知 | 2026 | 2 | "
            "the 2025 notice of 东川省人民政府 |") in md
    assert "| 青石县人民政府 | 县级 | 工作要点 | 2026 | 1 | — none in the input |" in md
    doc = _doc("x", "临川市应急管理局", "临川市", "city", "other", None, title="临川市应急管理局关于加强汛期安全防范工作的通知")
    one = render_md(build_report([doc], _tagged(doc, [CHEM]), TAX, "test"))
    assert "Notices in this report" not in one  # one notice: its own header says it all


def test_organs_of_one_government_are_not_compared_across_governments():
    from scipy.stats import fisher_exact

    from policytag.inference.across import build_across

    wp = _doc("w", "临川市安全生产委员会", "临川市", "city", "work_points", 2027)
    annual = _doc("a", "临川市人民政府", "临川市", "city", "annual_notice", 2027)
    one_city = _tagged(wp, [GAS] * 4) + _tagged(annual, [GAS] * 4)
    # the city's 安委会 beside the city government is one government: no comparison "across governments"
    assert build_across([wp, annual], one_city, TAX) is None
    report = build_report([wp, annual], one_city, TAX, "t")
    assert "Across governments" not in render_md(report)
    other = _doc("o", "石门县人民政府", "石门县", "county", "annual_notice", 2027)
    across = build_across([wp, annual, other], one_city + _tagged(other, [CHEM] * 8), TAX)
    assert (across.n_issuers, across.n_governments) == (3, 2)
    assert "3 issuers of 2 governments" in render_md(build_report([wp, annual, other], one_city
                                                                  + _tagged(other, [CHEM] * 8), TAX, "t"))
    g = next(g for g in across.groups if g.doc_ids == ("a",))
    gas = next(x for x in across.cells[g.key]["sector"] if x.label_id == "urban_gas")
    # tested against the other government's 0 of 8, not against its own 安委会's 4 of 4
    assert gas.p_value == pytest.approx(fisher_exact([[4, 0], [0, 8]]).pvalue)


def test_a_county_become_a_city_is_pointed_out_too():
    county = _doc("q26", "青石县人民政府", "青石县", "county", "annual_notice", 2026, source="qingshi_2026.txt")
    city = _doc("q27", "青石市人民政府", "青石市", "city", "annual_notice", 2027)  # 县改市: read as a city
    note = no_previous_message(city, [county, city])
    assert "the 2026 年度安全生产工作通知 of 青石县人民政府 (qingshi_2026.txt)" in note and "former name" in note
    province = _doc("p26", "青石省人民政府", "青石省", "province", "annual_notice", 2026)
    assert "former name" not in no_previous_message(city, [province, city])


def test_a_share_moved_only_by_the_notice_growing_says_so():
    before = _doc("p25", "东川省人民政府", "东川省", "province", "annual_notice", 2025)
    now = _doc("p26", "东川省人民政府", "东川省", "province", "annual_notice", 2026)
    tagged = _tagged(before, [CHEM, GAS]) + _tagged(now, [CHEM, HOUSE, HOUSE, HOUSE])
    md = render_md(build_report([before, now], tagged, TAX, "t"))
    # 危险化学品: 1 clause both years, 50% -> 25%: listed as lost, with why
    assert "危险化学品 -25.0 pp (1 of 4 clauses, was 1 of 2: as many clauses, in a longer notice)" in md


def test_a_notice_of_headings_only_carries_a_caution():
    doc = _doc("h", "临川市安全生产委员会办公室", "临川市", "city", "other", 2027, title="关于开展2027年安全生产月活动的通知")
    items = [("一、活动主题", (), ("publicity_training",)), ("二、活动时间", (), ("rules_standards",)),
             ("（一）组织应急演练周", (), ("emergency",))]
    report = build_report([doc], _tagged(doc, items), TAX, "t")
    caution = "3 of 3 clauses are bare items without a sentence"
    assert caution in render_md(report) and caution in render_html(report)
    # a notice of sentences carries none
    assert "bare items" not in render_md(_two_year_report())


def test_bulletins_on_different_accidents_are_not_last_years_bulletin():
    """The genre word ends a title as 通知 does: 关于燃气事故的通报 / 关于火灾事故的通报 share only
    的通报 and 事故, which must not make them one subject (they did: the frame kept 通报)."""
    org = "临江市安全生产委员会办公室"

    def bulletin(doc_id, year, subject, genre="bulletin"):
        return _doc(doc_id, org, "临江市", "city", genre, year, title=f"{org}关于{subject}的通报")

    gas26, fire27, gas27 = (bulletin("b26", 2026, "一起燃气爆炸事故"), bulletin("f27", 2027, "一起火灾事故"),
                            bulletin("g27", 2027, "一起燃气爆炸事故调查处理情况"))
    docs = [gas26, fire27, gas27]
    assert yoy.title_topic(fire27) == "一起火灾事故"
    assert previous_documents(fire27, docs) == []
    assert previous_documents(gas27, docs) == [gas26]  # the same accident's follow-up pairs
    for word in ("公告", "报告", "讲话", "纪要", "提醒", "倡议书"):
        assert not yoy.title_topic(_doc("x", org, "临江市", "city", "other", 2027,
                                        title=f"{org}关于城镇燃气的{word}")).endswith(word)
