"""Reports probed with notices of governments the project had never seen (a province, two cities, a
county, a ministry, a 安委会), written for these tests from scratch (no real notice copied): what a
policy analyst reading the output found wrong, pinned so it stays fixed.

* the year trend pooled different issuers and genres into one share per year (a city's 2026 notice
  and a county's 2026 工作要点 added into one "2026" column);
* with one reported year, the trend took every document of the baseline year, not only the
  document the notice is compared with;
* the across-governments table pooled two issuers whose names read alike (两个长宁县人民政府 of
  different provinces) and silently left out a document that names no issuer;
* the per-issuer trend lines pooled one issuer's genres (its 工作要点 and its 专项整治方案);
* deadlines: an item number glued to the action (二、年底前完成… -> 二完成…), a year written in
  Chinese digits (二〇二七年六月底前) not read; targets: 300家次 read as 300 家 of 次.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policytag.inference.across import UNKNOWN_ISSUER, build_across, issuer_trends
from policytag.inference.extract import extract_deadlines, extract_targets
from policytag.inference.render_html import render_html
from policytag.inference.render_md import render_md
from policytag.inference.render_rows import render_across_csv
from policytag.inference.report import build_report
from policytag.taxonomy import load_taxonomy
from conftest import run_cli
from report_synth import _doc, _tagged

TAX = load_taxonomy()


GAS = ("年底前完成老旧燃气管网改造。", ("urban_gas",), ("engineering_technology",))
CHEM = ("开展危险化学品企业安全风险评估。", ("hazardous_chemicals",), ("hazard_remediation",))
FLOOD = ("汛期前完成防汛物资储备检查。", ("flood_drought",), ("emergency",))


def _two_series():
    """临江市 annual notices 2025/2026 and 石门县 工作要点 2026/2027: two issuers, two genres."""
    docs = [_doc("lj25", "临江市人民政府", "临江市", "city", "annual_notice", 2025),
            _doc("lj26", "临江市人民政府", "临江市", "city", "annual_notice", 2026),
            _doc("sm26", "石门县安全生产委员会", "石门县", "county", "work_points", 2026),
            _doc("sm27", "石门县安全生产委员会", "石门县", "county", "work_points", 2027)]
    tagged = (_tagged(docs[0], [GAS, GAS]) + _tagged(docs[1], [GAS, CHEM]) + _tagged(docs[2], [FLOOD, FLOOD])
              + _tagged(docs[3], [FLOOD, CHEM]))
    return docs, tagged


def test_year_trend_never_pools_different_issuers():
    docs, tagged = _two_series()
    report = build_report(docs, tagged, TAX, "test")
    # 2026 holds 临江's notice and 石门's 工作要点: one "2026" share of both describes neither
    assert report.trend is None
    assert "2 issuers or genres" in report.trend_note
    md = render_md(report)
    assert "Trend: share of clauses per year" not in md and "no pooled trend" in md
    assert "no pooled trend" in render_html(report)
    # one issuer's own years still make a trend
    own = build_report(docs[:2], tagged[:4], TAX, "test")
    assert own.trend.years == (2025, 2026) and own.trend_note is None


def test_one_reported_year_trends_against_its_own_baseline_only():
    docs, tagged = _two_series()
    # report 临江 2026 alone: its baseline is 临江 2025, not 石门's or anyone's other 2025/2026 papers
    extra = _doc("yl25", "云岭市安全生产委员会", "云岭市", "city", "work_points", 2025)
    tagged += _tagged(extra, [FLOOD, FLOOD, FLOOD])
    report = build_report(docs + [extra], tagged, TAX, "test", report_ids={"lj26"})
    assert report.notices[0].comparison.prev_doc_ids == ("lj25",)
    assert report.trend.years == (2025, 2026)
    assert report.trend.n_clauses == (2, 2)  # 临江 2025 alone, not 临江 + 云岭's three clauses
    assert report.trend.shares["sector"]["flood_drought"] == (0.0, 0.0)


def test_across_keeps_same_named_issuers_of_different_regions_apart():
    a = _doc("a", "长宁县人民政府", "青川省长宁县", "county", "annual_notice", 2026)
    b = _doc("b", "长宁县人民政府", "南江省长宁县", "county", "annual_notice", 2026)
    c = _doc("c", "临江市人民政府", "临江市", "city", "annual_notice", 2026)
    tagged = _tagged(a, [GAS, GAS]) + _tagged(b, [CHEM, CHEM]) + _tagged(c, [FLOOD])
    across = build_across([a, b, c], tagged, TAX)
    assert len(across.groups) == 3 and across.n_issuers == 3
    names = [g.name for g in across.groups]
    # rows by level, then name (analyst12: they followed the input's order); two governments of one name by region
    assert names == ["临江市人民政府", "长宁县人民政府（南江省长宁县）", "长宁县人民政府（青川省长宁县）"]
    shares = {g.name: {c.label_id: c.share for c in across.cells[g.key]["sector"]} for g in across.groups}
    assert shares["长宁县人民政府（青川省长宁县）"]["urban_gas"] == 1.0 and shares["长宁县人民政府（南江省长宁县）"]["urban_gas"] == 0.0
    md = render_md(build_report([a, b, c], tagged, TAX, "test"))
    assert "| 长宁县人民政府（青川省长宁县） | 县级 |" in md and "| 长宁县人民政府（南江省长宁县） | 县级 |" in md


def test_across_shows_documents_without_issuer_each_as_its_own_row():
    a = _doc("a", "临江市人民政府", "临江市", "city", "annual_notice", 2026)
    b = _doc("b", "石门县人民政府", "石门县", "county", "annual_notice", 2026)
    u1 = _doc("u1", None, None, None, "work_points", 2026, title="2026年安全生产工作要点")
    u2 = _doc("u2", None, None, None, "work_points", 2026, title="安全生产大检查工作方案")
    tagged = _tagged(a, [GAS]) + _tagged(b, [CHEM]) + _tagged(u1, [FLOOD]) + _tagged(u2, [GAS, GAS])
    across = build_across([a, b, u1, u2], tagged, TAX)
    assert across.n_issuers == 2 and across.n_unknown == 2
    unknown = [g for g in across.groups if g.issuer is None]
    assert [g.doc_ids for g in unknown] == [("u1",), ("u2",)]  # never pooled into one "unknown" issuer
    assert unknown[0].name == f"{UNKNOWN_ISSUER}: 2026年安全生产工作要点"
    report = build_report([a, b, u1, u2], tagged, TAX, "test")
    md = render_md(report)
    assert "2 issuers and 2 document(s) naming no issuer" in md
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(render_across_csv(report))))
    assert {r["name"] for r in rows if not r["issuer"]} == {f"{UNKNOWN_ISSUER}: 2026年安全生产工作要点",
                                                          f"{UNKNOWN_ISSUER}: 安全生产大检查工作方案"}
    assert f"| {UNKNOWN_ISSUER}: 安全生产大检查工作方案 | — | 2026 | 工作要点 | 2 |" in md


def test_issuer_trend_lines_keep_genres_apart():
    docs = [_doc("p26", "石门县安全生产委员会", "石门县", "county", "work_points", 2026),
            _doc("p27", "石门县安全生产委员会", "石门县", "county", "work_points", 2027),
            _doc("s27", "石门县安全生产委员会", "石门县", "county", "special_plan", 2027),
            _doc("l26", "临江市人民政府", "临江市", "city", "annual_notice", 2026)]
    tagged = (_tagged(docs[0], [CHEM]) + _tagged(docs[1], [CHEM]) + _tagged(docs[2], [GAS, GAS, GAS])
              + _tagged(docs[3], [FLOOD]))
    trends = {t.issuer: t for t in issuer_trends(docs, tagged, TAX)}
    assert set(trends) == {"石门县安全生产委员会 · 工作要点", "石门县安全生产委员会 · 专项整治/实施方案", "临江市人民政府"}
    points = trends["石门县安全生产委员会 · 工作要点"]
    assert points.years == (2026, 2027) and points.shares["sector"]["urban_gas"] == (0.0, 0.0)


def test_document_without_clauses_says_so_instead_of_empty_sections():
    a = _doc("a", "临江市人民政府", "临江市", "city", "annual_notice", 2026)
    z = _doc("z", "石门县人民政府", "石门县", "county", "annual_notice", 2026)
    report = build_report([a, z], _tagged(a, [GAS, CHEM]), TAX, "test")
    md = render_md(report)
    section = md[md.index("# 石门县人民政府"):]
    # it used to say "no earlier notice in the input to compare with" above empty tables and "none" lists
    assert "no clauses found in this document" in section and "earlier notice" not in section
    assert "## 行业领域" not in section and "Deadlines and targets" not in section
    html = render_html(report)
    z_html = html[html.index('id="notice-z"'):]
    z_html = z_html[:z_html.index("</section>")]
    assert "no clauses found in this document" in z_html and "<svg" not in z_html


@pytest.mark.parametrize("text,year,action,due", [
    ("二、年底前完成全县危险化学品企业安全风险隐患排查治理。", 2026, "完成全县危险化学品企业安全风险隐患排查治理", "2026-12-31"),
    ("3.9月底前完成农村瓶装液化气用户安全检查，检查覆盖率达到100%。", 2027, "完成农村瓶装液化气用户安全检查", "2027-09-30"),
    ("（一）动员部署阶段（2027年3月底前）。", 2027, "动员部署阶段", "2027-03-31"),
    ("二〇二七年六月底前全面完成城市老旧燃气管网改造任务。", 2026, "全面完成城市老旧燃气管网改造任务", "2027-06-30"),
])
def test_deadlines_of_numbered_items_and_chinese_digit_years(text, year, action, due):
    (d,) = extract_deadlines(text, year)
    assert (d.action, d.due) == (action, due)
    assert text[d.span[0]:d.span[1]] == d.text


def test_targets_of_numbered_items_and_compound_units():
    (t,) = extract_targets("一、规模以上企业安全生产标准化达标率达到85%以上。")
    assert t.what == "规模以上企业安全生产标准化达标率" and t.value == 85 and t.comparator == ">="
    (t,) = extract_targets("2.全年检查企业不少于300家次。")
    assert (t.value, t.unit, t.what, t.comparator) == (300, "家次", "检查企业", ">=")
    assert "2.全年检查企业不少于300家次。"[t.span[0]:t.span[1]] == t.text


def test_half_width_punctuation_delimits_like_full_width():
    # a clause given with --clauses (not cleaned): 整治,年底前… ran two tasks into one action, and
    # 改造200个. read the period as the object
    text = "二、6月底前完成全市燃气管道隐患整治,年底前完成老旧小区消防设施改造200个."
    d1, d2 = extract_deadlines(text, 2026)
    assert (d1.action, d2.action) == ("完成全市燃气管道隐患整治", "完成老旧小区消防设施改造200个")
    (t,) = extract_targets(text)
    assert t.text == "改造200个" and t.what != "."
    for x in (d1, d2, t):
        assert text[x.span[0]:x.span[1]] == x.text
    # a decimal point between digits stays one: 0.9‰
    (r,) = extract_targets("森林火灾受害率控制在0.9‰以下.")
    assert (r.value, r.unit, r.comparator, r.text) == (0.9, "‰", "<=", "森林火灾受害率控制在0.9‰以下")
    same = "汛期前完成城市排涝泵站检修;年底前完成改造."
    full = same.replace(";", "；").replace(".", "。")
    assert ([(d.text, d.action, d.span) for d in extract_deadlines(same, 2026)]
            == [(d.text, d.action, d.span) for d in extract_deadlines(full, 2026)])


# --- end to end: self-written notices through the shipped default model ---------------------------

NOTICES = {
    "linjiang_2026.txt": """临江市人民政府
关于做好2026年全市安全生产工作的通知
临政发〔2026〕2号

各区县人民政府，市政府各部门：
　　现将2026年全市安全生产工作有关事项通知如下。
　　一、强化企业主体责任。规模以上工业企业安全生产标准化达标率达到90%以上。（市应急局负责）
　　二、城镇燃气。年底前完成老旧燃气管网改造150公里。（市住建局负责）
　　三、防汛准备。汛期前完成全市山洪灾害危险区转移避险预案修订。（市水利局负责）

临江市人民政府
2026年1月18日
""",
    "linjiang_2027.txt": """临江市人民政府
关于做好2027年全市安全生产工作的通知
临政发〔2027〕1号

各区县人民政府，市政府各部门：
　　现将2027年全市安全生产工作有关事项通知如下。
　　一、强化企业主体责任。规模以上工业企业安全生产标准化达标率达到95%以上。（市应急局负责）
　　二、城镇燃气。二〇二七年六月底前全面完成城市老旧燃气管网改造任务。（市住建局负责）
　　三、电动自行车。5月底前完成住宅小区集中充电设施建设。（市消防救援支队负责）

临江市人民政府
2027年1月15日
""",
    "shimen_2026.txt": """石门县安全生产委员会
关于印发《石门县2026年安全生产工作要点》的通知
石安委〔2026〕1号

各乡镇人民政府，县安委会各成员单位：
　　现将《石门县2026年安全生产工作要点》印发给你们，请认真抓好落实。

石门县2026年安全生产工作要点
　　一、强化责任落实
　　1.各乡镇年内至少召开4次安全生产专题会议。
　　2.非煤矿山：年底前关闭整合小型露天采石场3处。

石门县安全生产委员会
2026年2月8日
""",
    "noissuer_2026.txt": """2026年安全生产工作要点

　　一、年底前完成全部重大事故隐患整改。
　　二、开展安全生产执法检查，全年检查企业不少于300家次。
""",
}


@pytest.fixture(scope="module")
def notices(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("probe_notices")
    for name, text in NOTICES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_cli_folder_of_issuers_markdown(notices):
    proc = run_cli("tag", notices, "--model", "policytag/resources/model", "--format", "md")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert "Trend: share of clauses per year" not in md and "no pooled trend" in md
    assert "compared with the 2026 notice of 临江市人民政府" in md
    assert "no previous 工作要点 of 石门县安全生产委员会 before 2026 in the input" in md
    assert f"| {UNKNOWN_ISSUER}: 2026年安全生产工作要点 |" in md
    assert "二完成" not in md and "一完成" not in md


def test_cli_rows_spans_and_deadlines(notices):
    proc = run_cli("tag", notices, "--model", "policytag/resources/model", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    for r in rows:
        for dim in r["evidence"].values():
            for evs in dim.values():
                for ev in evs:
                    if ev["source"] == "text" and ev["kind"] != "score":
                        assert r["text"][ev["span"][0]:ev["span"][1]] == ev["text"]
        for d in r["deadlines"] + r["targets"]:
            assert r["text"][d["span"][0]:d["span"][1]] == d["text"]
    dues = {d["text"]: d["due"] for r in rows for d in r["deadlines"]}
    assert dues["二〇二七年六月底前"] == "2027-06-30"
    units = {t["unit"] for r in rows for t in r["targets"]}
    assert "家次" in units
