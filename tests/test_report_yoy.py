"""Notice summaries, year-over-year comparison and the Markdown rendering, on small hand-made inputs."""

import pytest

from policytag.inference.extract import extract_deadlines, extract_targets
from policytag.inference.render_md import render_md
from policytag.inference.render_rows import render_csv, render_jsonl
from policytag.inference.report import build_report
from policytag.inference.summary import summarize
from policytag.inference.tagging import TaggedClause
from policytag.inference.yoy import NEW_THRESHOLD, compare
from policytag.records import Clause, Document, Labels
from policytag.taxonomy import load_taxonomy

TAX = load_taxonomy()


def doc(year: int) -> Document:
    return Document(doc_id=f"{year}-x", title=f"关于做好{year}年安全生产工作的通知", year=year, doc_number=None,
                    issuer=None, date=None, source="test", text="")


def tc(year: int, n: int, text: str, sector: tuple, measure: tuple) -> TaggedClause:
    clause = Clause(doc_id=f"{year}-x", clause_id=f"{year}-x-{n}", heading_path=("一、总体要求",), text=text,
                    kind="clause", year=year)
    scores = {dim: {lid: 0.0 for lid in TAX[dim].ids} for dim in ("sector", "measure_type")}
    for lid in sector:
        scores["sector"][lid] = 0.9
    for lid in measure:
        scores["measure_type"][lid] = 0.9
    return TaggedClause(clause, Labels(sector, measure), scores, tuple(extract_deadlines(text, year)),
                        tuple(extract_targets(text)))


COAL = "加强煤矿智能化改造，年底前再建成60座智能化煤矿。"
GAS = "持续深化城镇燃气老旧管网更新改造，强化城镇燃气管网智慧化管理，严防第三方施工破坏。"
DRILL = "各级政府年内至少组织开展一次综合性演练，检验应急预案。"
FOREST = "实施森林草原防灭火治本攻坚三年行动，出台防火期野外用火审批规范。"


@pytest.fixture
def three_years():
    tagged = [
        tc(2024, 1, COAL.replace("60", "150"), ("coal_mine",), ("engineering_technology",)),
        tc(2024, 2, DRILL, ("cross_sector",), ("emergency",)),
        tc(2025, 1, COAL.replace("60", "130"), ("coal_mine",), ("engineering_technology",)),
        tc(2025, 2, DRILL, ("cross_sector",), ("emergency",)),
        tc(2026, 1, COAL, ("coal_mine",), ("engineering_technology", "hazard_remediation")),
        tc(2026, 2, GAS, ("urban_gas",), ("hazard_remediation",)),
        tc(2026, 3, FOREST, ("forest_grassland_fire",), ("hazard_remediation", "rules_standards")),
        tc(2026, 4, DRILL, ("cross_sector",), ("emergency",)),
    ]
    return [doc(2024), doc(2025), doc(2026)], tagged


def test_summary_counts_shares_cooccurrence(three_years):
    docs, tagged = three_years
    s = summarize(docs[2], [t for t in tagged if t.clause.year == 2026], TAX)
    assert s.n_clauses == 4
    shares = s.shares("measure_type")
    assert list(shares) == TAX.measure_type.ids  # every label, taxonomy order
    assert shares["hazard_remediation"] == 0.75 and shares["emergency"] == 0.25
    assert [c.label_id for c in s.top("measure_type", 2)] == ["hazard_remediation", "rules_standards"]  # ties: taxonomy order
    assert s.top("sector")[0].name == TAX.sector.name_of(s.top("sector")[0].label_id)
    i, j = TAX.sector.ids.index("coal_mine"), TAX.measure_type.ids.index("hazard_remediation")
    assert s.cooccurrence[i][j] == 1
    assert sum(map(sum, s.cooccurrence)) == 1 * 2 + 1 + 2 + 1  # one cell per (sector, measure) pair
    assert s.commitments == ("2026-x-1", "2026-x-4")  # 年底前再建成60座 and 年内至少…一次


def test_compare_with_previous_year(three_years):
    _, tagged = three_years
    now = [t for t in tagged if t.clause.year == 2026]
    before = [t for t in tagged if t.clause.year == 2025]
    cmp = compare(now, before, 2026, 2025, TAX)
    gained = {c.label_id: c.delta_pp for c in cmp.gained("measure_type")}
    assert gained == {"hazard_remediation": 75.0, "rules_standards": 25.0}
    lost = {c.label_id: c.delta_pp for c in cmp.lost("measure_type")}
    assert lost == {"engineering_technology": -25.0, "emergency": -25.0}
    assert [c.delta_pp for c in cmp.changes["sector"]] == sorted((c.delta_pp for c in cmp.changes["sector"]), reverse=True)
    novelty = {n.clause_id: n for n in cmp.novelty}
    assert novelty["2026-x-4"].similarity == pytest.approx(1.0) and not novelty["2026-x-4"].is_new
    assert novelty["2026-x-4"].nearest == "2025-x-2"
    assert not novelty["2026-x-1"].is_new  # the same sentence with another number
    assert novelty["2026-x-3"].is_new and novelty["2026-x-3"].similarity < NEW_THRESHOLD
    assert [n.clause_id for n in cmp.new_clauses] == ["2026-x-2", "2026-x-3"]


def test_report_for_one_year_uses_the_previous_notice(three_years):
    docs, tagged = three_years
    report = build_report(docs, tagged, TAX, "test@1", report_ids={"2026-x"})
    [notice] = report.notices
    assert notice.comparison.prev_year == 2025
    assert report.trend.years == (2025, 2026) and report.trend.n_clauses == (2, 4)
    assert report.trend.shares["sector"]["coal_mine"] == (0.5, 0.25)
    rows = render_jsonl(report).splitlines()
    assert len(rows) == 4 and '"novelty": {"is_new": false' in rows[0]
    assert render_csv(report).count("\n") == 5


def test_previous_year_may_be_several_years_back(three_years):
    docs, tagged = three_years
    docs = [docs[0], docs[2]]
    tagged = [t for t in tagged if t.clause.year != 2025]
    report = build_report(docs, tagged, TAX, "test@1")
    assert report.notices[0].comparison is None
    assert report.notices[1].comparison.prev_year == 2024
    assert report.trend.years == (2024, 2026)


def test_markdown_has_trend_names_and_commitments(three_years):
    docs, tagged = three_years
    md = render_md(build_report(docs, tagged, TAX, "test@1"))
    assert md.startswith("## 文件 Notices in this report") and "\n## 年度趋势 Trend" in md and "| 2024 | 2025 | 2026 |" in md
    assert f"| {TAX.sector.name_of('coal_mine')} | 50 | 50 | 25 |" in md
    assert "年底前（2026-12-31）：再建成60座智能化煤矿" in md
    assert "再建成60座智能化煤矿 → 智能化煤矿 60座" in md
    assert f"{TAX.measure_type.name} gained: {TAX.measure_type.name_of('hazard_remediation')} +75.0 pp" in md
    assert "**[new]**" in md
    for dim in ("sector", "measure_type"):
        assert not any(f" {lid} " in md for lid in TAX[dim].ids)  # ids never shown to readers


def test_single_notice_without_history():
    t = tc(2026, 1, COAL, ("coal_mine",), ("engineering_technology",))
    report = build_report([doc(2026)], [t], TAX, "test@1")
    assert report.trend is None and report.notices[0].comparison is None
    md = render_md(report)
    assert "no earlier notice in the input" in md and "Emphasis" not in md
