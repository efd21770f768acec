"""agencies18: who is responsible, in segmented notices and in every output.

Two gaps (the lead's, session 18), with notices written for this session (``tests/data/agencies18/``: a county
工作要点, a city 实施方案, a province 通知; the right readings written down first in its ``EXPECTED.md``):

* A closing duty sentence without brackets (``…。县应急局牵头负责，各乡镇配合。``) named no agency in a segmented
  notice (``Clause.agencies == ()``), though ``extract_agencies`` read it in a clause file: segmentation read
  bracketed remarks only. Now one reading, ``policytag.text.duty_agencies``, serves both (segmentation and
  extraction import it); the sentence stays in the clause text and ``mask_remarks`` leaves it (the model's input
  is unchanged). An organ that opens a sentence or that a sentence only mentions names none.
* The roles ``extract_agency_roles`` read (lead / support / responsible) reached no output: ``Clause.agency_roles``
  now carries them (segmentation, clause files), and the ``policytag tag`` rows do (JSONL ``agency_roles``, CSV
  column ``agency_roles`` = ``县应急局:lead; 各乡镇:support`` right after ``agencies``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policytag.records import AgencyRole, Clause, RowError
from policytag.text import mask_remarks

DATA = Path(__file__).parent / "data" / "agencies18"

#: (notice, a snippet that picks its clause, agencies in order, their roles) as EXPECTED.md writes them
READINGS = [
    # county 工作要点
    ("a18_county_work_points.txt", "县安委办牵头，各乡镇负责", ["县安委办", "各乡镇"], ["lead", "responsible"]),
    ("a18_county_work_points.txt", "县应急局、县市场监管局要加强联合执法", [], []),
    ("a18_county_work_points.txt", "县应急局牵头负责，各乡镇配合", ["县应急局", "各乡镇"], ["lead", "support"]),
    ("a18_county_work_points.txt", "由县住建局会同县市场监管局、县消防救援大队负责",
     ["县住建局", "县市场监管局", "县消防救援大队"], ["lead", "support", "support"]),
    ("a18_county_work_points.txt", "县交通运输局负责", ["县交通运输局"], ["responsible"]),
    ("a18_county_work_points.txt", "各乡镇（街道）负责本辖区", [], []),
    ("a18_county_work_points.txt", "每月向县应急局报送", [], []),
    ("a18_county_work_points.txt", "县应急局为牵头单位，县司法局、县公安局为配合单位",
     ["县应急局", "县司法局", "县公安局"], ["lead", "support", "support"]),
    ("a18_county_work_points.txt", "请各乡镇认真抓好落实", [], []),
    ("a18_county_work_points.txt", "请结合实际认真贯彻落实", [], []),
    ("a18_county_work_points.txt", "防汛应急演练", ["县应急局", "县水利局"], ["lead", "support"]),
    # city 实施方案
    ("a18_city_plan.txt", "餐饮场所燃气报警装置安装率", [], []),
    ("a18_city_plan.txt", "开展燃气经营许可核查", ["市住建局", "市市场监管局"], ["lead", "support"]),
    ("a18_city_plan.txt", "气瓶信息化追溯", ["市市场监管局"], ["responsible"]),
    ("a18_city_plan.txt", "按职责分工负责", ["市住建局", "市市场监管局", "市消防救援支队"], ["responsible"] * 3),
    ("a18_city_plan.txt", "市城管局牵头，各区人民政府配合", ["市城管局", "各区人民政府"], ["lead", "support"]),
    ("a18_city_plan.txt", "燃气安全宣传进社区", ["市住建局"], ["responsible"]),
    ("a18_city_plan.txt", "定期向市住建局报告", [], []),
    ("a18_city_plan.txt", "市安委办要将", [], []),
    # province 通知
    ("a18_province_notice.txt", "省应急厅会同省水利厅、省自然资源厅负责",
     ["省应急厅", "省水利厅", "省自然资源厅"], ["lead", "support", "support"]),
    ("a18_province_notice.txt", "省气象局牵头，省应急厅参与", ["省气象局", "省应急厅"], ["lead", "support"]),
    ("a18_province_notice.txt", "省直有关部门按照职责分工负责落实", ["省直有关部门"], ["responsible"]),
    ("a18_province_notice.txt", "重大险情立即报告省应急厅", [], []),
    ("a18_province_notice.txt", "总结报省安委办", [], []),
]


@pytest.fixture(scope="module")
def clauses() -> dict[str, list[Clause]]:
    from policytag.corpus.segment import segment_paths

    return {name: segment_paths([DATA / name]).clauses for name in sorted({r[0] for r in READINGS})}


def _clause(clauses, name: str, snippet: str) -> Clause:
    (found,) = [c for c in clauses[name] if snippet in c.text]
    return found


@pytest.mark.parametrize("name,snippet,agencies,roles", READINGS, ids=[f"{r[0][4:9]}-{r[1][:10]}" for r in READINGS])
def test_segmented_clause_names_who_is_responsible(clauses, name, snippet, agencies, roles):
    """main: every duty-sentence clause had ``agencies == ()`` (and no clause had roles); the remark, 责任单位 and
    heading cases named their agencies already."""
    c = _clause(clauses, name, snippet)
    assert list(c.agencies) == agencies, c.text
    assert [(r.name, r.role) for r in c.agency_roles] == list(zip(agencies, roles)), c.text


def test_segmentation_and_extraction_read_a_duty_sentence_alike(clauses):
    """A clause that keeps its own reading in its text (no remark cut from it, nothing taken from the heading above)
    gets from segmentation what ``extract_agencies`` / ``extract_agency_roles`` give on its text: the same names, in
    the same order, with the same roles (main: segmentation gave none of the duty sentences')."""
    from policytag.inference.extract import extract_agencies, extract_agency_roles

    read = 0
    for c in (c for cs in clauses.values() for c in cs):
        if c.agencies and not extract_agencies(c.text):
            continue  # a bracketed remark was cut out of it, or its heading named them
        assert list(c.agencies) == extract_agencies(c.text), c.text
        assert list(c.agency_roles) == extract_agency_roles(c.text), c.text
        read += bool(c.agencies)
    assert read >= 11


def test_the_duty_sentence_stays_in_the_text_and_the_models_input(clauses):
    """FREEZE: the sentence is read, not cut: the clause text keeps it and ``mask_remarks`` (what the matcher reads)
    leaves it as it was."""
    c = _clause(clauses, "a18_county_work_points.txt", "县应急局牵头负责，各乡镇配合")
    assert c.text.endswith("县应急局牵头负责，各乡镇配合。")
    assert mask_remarks(c.text) == c.text


def test_one_reading_of_the_duty_sentence():
    """Segmentation and extraction import the one function (main: ``inference.extract._duty_sentence``, private,
    which segmentation could not import: imports point down)."""
    import policytag.text
    from policytag.corpus import segment
    from policytag.inference import extract

    assert segment.duty_agencies is policytag.text.duty_agencies
    assert extract.duty_agencies is policytag.text.duty_agencies


def test_a_headings_remark_roles_go_to_the_clauses_under_it_and_an_own_sentence_wins(clauses):
    """二（一）'s ``（牵头单位：市住建局；配合单位：市市场监管局）`` heads item 1 (lead, support); item 2's own sentence
    ``市市场监管局负责`` names its agency (main: the heading's two, no roles)."""
    first = _clause(clauses, "a18_city_plan.txt", "开展燃气经营许可核查")
    second = _clause(clauses, "a18_city_plan.txt", "气瓶信息化追溯")
    assert first.agency_roles == (AgencyRole("市住建局", "lead"), AgencyRole("市市场监管局", "support"))
    assert second.agency_roles == (AgencyRole("市市场监管局", "responsible"),)


# --- the record: Clause.agency_roles -------------------------------------------------------------
def test_a_clause_record_round_trips_its_roles():
    c = Clause("d", "d-1", ("一、",), "开展排查。县应急局牵头，各乡镇配合。", "clause", agencies=("县应急局", "各乡镇"),
               agency_roles=(AgencyRole("县应急局", "lead"), AgencyRole("各乡镇", "support")))
    d = c.to_dict()
    assert d["agency_roles"] == [{"name": "县应急局", "role": "lead"}, {"name": "各乡镇", "role": "support"}]
    assert Clause.from_dict(json.loads(json.dumps(d))) == c
    assert Clause.from_row(d) == c


def test_a_row_without_roles_still_reads():
    """A file written before the field (no ``agency_roles``): empty roles, its agencies as they were."""
    c = Clause.from_row({"id": "a", "text": "开展排查。", "agencies": ["县应急局"]})
    assert c.agencies == ("县应急局",) and c.agency_roles == ()
    assert Clause.from_dict({"doc_id": "d", "clause_id": "a", "heading_path": [], "text": "x", "kind": "clause"}).agency_roles == ()


@pytest.mark.parametrize("value,said", [
    ("县应急局:lead", "'agency_roles' must be a list of objects, got a string"),
    (["县应急局"], "'agency_roles' items must be objects with a 'name' string, got a string"),
    ([{"name": "县应急局", "role": "boss"}], "'agency_roles' role must be one of lead, support, responsible, got 'boss'"),
    ([{"name": "县应急局"}], "'agency_roles' role must be one of lead, support, responsible, got null"),
    ([{"name": " ", "role": "lead"}], "'agency_roles' items must be objects with a 'name' string"),
])
def test_a_bad_roles_value_is_a_one_line_error(value, said):
    with pytest.raises(RowError) as err:
        Clause.from_row({"id": "a", "text": "开展排查。", "agency_roles": value})
    assert said in str(err.value) and "\n" not in str(err.value)


# --- the outputs ----------------------------------------------------------------------------------
def test_a_clause_file_row_gets_the_roles_of_its_text(tmp_path):
    """``--clauses`` rows: without ``agencies``, those of the text with their roles (main: names only); with
    ``agency_roles`` alone, its names are the agencies; with ``agencies`` alone, those and no roles."""
    from policytag.inference.inputs import _clause_from_row

    duty = _clause_from_row({"id": "1", "text": "开展巡查。由县应急管理局会同县住建局负责。"}, 1, "f")
    assert duty.agencies == ("县应急管理局", "县住建局")
    assert [(r.name, r.role) for r in duty.agency_roles] == [("县应急管理局", "lead"), ("县住建局", "support")]
    given = _clause_from_row({"id": "2", "text": "开展巡查。", "agency_roles": [{"name": "县林业局", "role": "lead"}]}, 2, "f")
    assert given.agencies == ("县林业局",) and given.agency_roles == (AgencyRole("县林业局", "lead"),)
    named = _clause_from_row({"id": "3", "text": "开展巡查。县水利局负责。", "agencies": ["县水利局"]}, 3, "f")
    assert named.agencies == ("县水利局",) and named.agency_roles == ()


@pytest.fixture(scope="module")
def tagged_csv(keyword_run, tmp_path_factory) -> list[dict[str, str]]:
    import csv

    from report_cli import tag

    text = tag(tmp_path_factory.mktemp("a18"), [str(DATA / "a18_county_work_points.txt"), "--model", str(keyword_run)],
               "out.csv")
    return list(csv.DictReader(text.splitlines()))


def test_the_csv_carries_the_roles_in_one_readable_column_that_reads_back(tagged_csv, clauses):
    """Column ``agency_roles`` right after ``agencies`` (the other columns keep their names and order),
    ``县应急局:lead; 各乡镇:support``; ``agency_roles_from_cell`` gives the JSONL rows' list back."""
    from policytag.records import agency_roles_from_cell

    header = list(tagged_csv[0])
    assert header[header.index("agencies") + 1:header.index("agencies") + 3] == ["agency_roles", "deadlines"]
    by_id = {r["clause_id"]: r for r in tagged_csv}
    segmented = clauses["a18_county_work_points.txt"]
    assert [r["clause_id"] for r in tagged_csv] == [c.clause_id for c in segmented]
    for c in segmented:
        cell = by_id[c.clause_id]["agency_roles"]
        assert agency_roles_from_cell(cell) == [r.to_dict() for r in c.agency_roles]
    assert by_id[_clause({"c": segmented}, "c", "县应急局牵头负责").clause_id]["agency_roles"] == "县应急局:lead; 各乡镇:support"


def test_the_jsonl_rows_carry_the_roles(keyword_run, tmp_path):
    """``policytag tag --clauses``: each row's ``agency_roles`` beside its ``agencies`` (main: no such key)."""
    from report_cli import tag

    rows = tmp_path / "in.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": "开展汛期巡查。县水利局牵头，县应急局配合。"}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "b", "text": "县应急局要加强值守。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = [json.loads(line) for line in tag(tmp_path, ["--clauses", str(rows), "--model", str(keyword_run)], "out.jsonl").splitlines()]
    assert [r["agency_roles"] for r in out] == [[{"name": "县水利局", "role": "lead"}, {"name": "县应急局", "role": "support"}], []]
    assert list(out[0]).index("agency_roles") == list(out[0]).index("agencies") + 1
