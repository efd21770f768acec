"""Synthetic multi-issuer reports for the across-governments tests (issue 19 items 3 and 5).

Clause texts come from templates written for these tests (not from any real notice); each template
carries the labels a person would give it, so the report is built without a model and the expected
shares are known exactly. Issuers are invented places (东川省, 临江市, 青石县, …) at three levels.
"""

from __future__ import annotations

import random

from policytag.records import Clause, Document, Labels
from policytag.inference.report import build_report
from policytag.inference.tagging import TaggedClause

# (text template, sector ids, measure ids); {p} is the place, {y} the year
TEMPLATES = [
    ("{p}要严格危险化学品企业安全准入，{y}年底前完成重大危险源企业在线监测全覆盖。", ("hazardous_chemicals",), ("engineering_technology",)),
    ("深化化工园区安全整治提升，对{p}辖区内涉及硝化、氯化工艺的装置开展专家会诊。", ("hazardous_chemicals",), ("hazard_remediation",)),
    ("加强道路交通安全管理，严查{p}境内客货车辆超速、超员、疲劳驾驶等违法行为。", ("road_transport",), ("enforcement",)),
    ("推进农村公路安全生命防护工程建设，{y}年完成临水临崖路段护栏安装。", ("road_transport",), ("engineering_technology",)),
    ("强化煤矿瓦斯防治和水害防治，{p}所有矿井落实“一矿一策”治理措施。", ("coal_mine",), ("hazard_remediation",)),
    ("加强建筑施工安全监管，督促{p}在建项目落实起重机械和深基坑专项方案。", ("construction",), ("enforcement",)),
    ("开展高层建筑和人员密集场所消防安全专项检查，{p}消防救援机构每季度通报一次。", ("fire_safety",), ("enforcement",)),
    ("推进城镇燃气管道老化更新改造，{y}年完成{p}老旧管网排查。", ("urban_gas",), ("hazard_remediation",)),
    ("落实党政领导干部安全生产责任制，{p}各级政府主要负责人是本地区安全生产第一责任人。", (), ("responsibility",)),
    ("完善{p}安全生产应急预案体系，每年至少组织一次综合应急演练。", (), ("emergency",)),
    ("加强安全生产宣传教育，在{p}开展“安全生产月”和“安全宣传进企业”活动。", (), ("publicity_training",)),
    ("严格安全生产考核巡查，将考核结果纳入{p}领导班子年度综合考核。", (), ("assessment_accountability",)),
    ("做好森林草原防灭火工作，{p}重点林区落实护林员网格化巡护。", ("forest_grassland_fire",), ("responsibility",)),
    ("加强汛期防汛抗旱准备，{p}对山洪沟道和病险水库逐一落实责任人。", ("flood_drought",), ("responsibility", "emergency")),
]
CHEM = (0, 1)  # template indices about 危险化学品
PROVINCES = ["东川省", "西岭省", "南湖省", "北原省", "中河省"]
LEVEL_SUFFIX = {"province": "人民政府", "city": "安全生产委员会", "county": "人民政府"}


def make_place(i: int) -> tuple[str, str]:
    """(region, level) of the i-th invented issuer: provinces first, then cities and counties."""
    if i < len(PROVINCES):
        return PROVINCES[i], "province"
    j = i - len(PROVINCES)
    first = "临江云岭青石白水金沙红原玉泉松山柳河石门"
    second = "东西南北中上下前后新"
    name = first[(j // 10) % len(first)] + second[j % 10]
    return (name + "市", "city") if j % 2 == 0 else (name + "县", "county")


def synthetic_corpus(n_docs: int, years: tuple[int, ...] = (2026, 2027), clauses: int = 16, seed: int = 7,
                     chem_issuer: int = 0):
    """``n_docs`` documents spread over issuers × ``years`` (one per issuer and year; every third city
    writes 工作要点). Issuer ``chem_issuer`` stresses 危险化学品: most of its clauses use the two
    hazardous-chemicals templates, which everyone else uses at the base rate."""
    rng = random.Random(seed)
    n_issuers = max(2, -(-n_docs // len(years)))
    documents, tagged = [], []
    k = 0
    for i in range(n_issuers):
        region, level = make_place(i)
        genre = "work_points" if level == "city" and i % 3 == 0 else "annual_notice"
        issuer = region + LEVEL_SUFFIX[level]
        for year in years:
            if k >= n_docs:
                break
            k += 1
            doc_id = f"doc{k:04d}"
            title = (f"{issuer}{year}年安全生产工作要点" if genre == "work_points"
                     else f"{issuer}关于做好{year}年安全生产工作的通知")
            documents.append(Document(doc_id, title, year, None, issuer, None, f"{doc_id}.txt", "", region, level, genre))
            for c in range(clauses):
                if i == chem_issuer and c < clauses * 3 // 4:
                    idx = CHEM[c % 2]
                else:
                    idx = rng.randrange(len(TEMPLATES))
                text, sector, measure = TEMPLATES[idx]
                clause = Clause(doc_id, f"{doc_id}-c{c + 1:02d}", ("一、重点工作",), text.format(p=region, y=year), "clause",
                                year=year, issuer=issuer, region=region, level=level, genre=genre, title=title)
                tagged.append(TaggedClause(clause, Labels(sector, measure), _scores(sector, measure), (), ()))
    return documents, tagged


_TAX = None


def _scores(sector, measure):
    global _TAX
    if _TAX is None:
        from policytag.taxonomy import load_taxonomy

        _TAX = load_taxonomy()
    return {"sector": {lid: float(lid in sector) for lid in _TAX.sector.ids},
            "measure_type": {lid: float(lid in measure) for lid in _TAX.measure_type.ids}}


def _doc(doc_id, issuer, region, level, genre, year, title=None, source=None):
    """A document of the report tests (``tests/test_reports_probe.py``, ``…_analyst.py``): an annual
    notice's title unless ``title`` is given, its file ``<doc_id>.txt`` unless ``source`` is."""
    title = title or f"{issuer or ''}关于做好{year}年安全生产工作的通知"
    return Document(doc_id, title, year, None, issuer, None, source or f"{doc_id}.txt", "", region, level, genre)


def _tagged(doc, texts_labels):
    """``doc``'s clauses, tagged as given: ``[(text, sectors, measure types)]``."""
    out = []
    for k, (text, sector, measure) in enumerate(texts_labels):
        c = Clause(doc.doc_id, f"{doc.doc_id}-{k + 1}", (), text, "clause", year=doc.year, issuer=doc.issuer,
                   region=doc.region, level=doc.level, genre=doc.genre, title=doc.title)
        out.append(TaggedClause(c, Labels(sector, measure), _scores(sector, measure), (), ()))
    return out


def synthetic_report(n_docs: int, **kw):
    from policytag.taxonomy import load_taxonomy

    documents, tagged = synthetic_corpus(n_docs, **kw)
    return build_report(documents, tagged, load_taxonomy(), "synthetic-labels")
