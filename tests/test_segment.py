"""Segmentation of the real corpus: documents, metadata, clause hygiene, page-break joins."""

import json
import re
import subprocess
import sys
from collections import Counter

import pytest

from policytag.corpus.segment import parse_agencies, segment_paths, segment_text
from conftest import CORPUS_FILE


@pytest.fixture(scope="module")
def corpus():
    result = segment_paths([CORPUS_FILE])
    assert not result.errors
    return result


def test_eighteen_documents_one_per_year(corpus):
    years = Counter(d.year for d in corpus.documents)
    assert len(corpus.documents) == 18
    assert sorted(years) == list(range(2009, 2027))
    assert set(years.values()) == {1}
    assert len({d.doc_id for d in corpus.documents}) == 18


def test_document_metadata(corpus):
    docs = {d.year: d for d in corpus.documents}
    assert docs[2019].doc_number == "晋政发〔2019〕1号"
    assert docs[2009].doc_number == "晋政发〔2009〕1号"  # printed as 晋政发[2009]1号
    assert docs[2021].doc_number == "晋政发〔2021〕1号"  # printed as "晋政发〔2021〕1 号"
    assert docs[2019].title == "山西省人民政府关于做好2019年安全生产工作的通知"
    assert docs[2026].date == "2026-01-23"
    assert docs[2020].date == "2020-02-26"
    assert docs[2024].issuer == "山西省人民政府"
    for d in docs.values():
        assert d.source.endswith("shanxi_annual_safety_notices_2009-2026.txt")


def test_clause_fields_and_spans(corpus):
    docs = {d.doc_id: d for d in corpus.documents}
    for c in corpus.clauses:
        assert c.kind in ("preamble", "clause")
        assert c.clause_id.startswith(c.doc_id)
        start, end = c.span
        assert docs[c.doc_id].text[start:end] == c.text
    assert len({c.clause_id for c in corpus.clauses}) == len(corpus.clauses)
    # every document has exactly its preamble first
    for doc_id in docs:
        kinds = [c.kind for c in corpus.clauses if c.doc_id == doc_id]
        assert kinds == sorted(kinds, key=lambda k: k != "preamble")


BANNED = [re.compile(p) for p in (r"https?://", r"www\.", r"索引号", r"发布日期", r"此件公开发布", r"此件正文公开发布",
                                   r"\n", r"\r", r"主题分类", r"发文字号", r"附件：", r"\.docx?\b", r"\.pdf\b")]


def test_no_boilerplate_or_line_breaks_in_any_clause(corpus):
    for c in corpus.clauses:
        for rx in BANNED:
            assert not rx.search(c.text), (c.clause_id, rx.pattern)
        assert c.text == c.text.strip()
        assert "  " not in c.text
        # page-break fragments: a clause never starts with closing punctuation or a lone fragment
        assert not re.match(r"^[，。；：、）”]", c.text), c.clause_id
        assert c.text[-1] in "。；：！？）”」" or len(c.text) > 10, c.clause_id


def test_punctuation_normalised(corpus):
    for c in corpus.clauses:
        assert not re.search(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]", c.text), c.clause_id


# (end of the line before a page-break blank line, start of the line after it) -> one sentence
PAGE_BREAK_JOINS = [
    "持续推进国有老矿大矿",
    "工作体系、法律法规体系",
    "安全生产工作负责。要落实负",
    "生命财产安全作为重大政治责任，切实做到",
    "合理控制下井人数",
    "违法行为屡禁不止",
    "道路运输集中整治。打好金",
    "每月至少检查两次安全生",
    "年底前再建成60",
    "严防第三方施工破坏",
    "常压液体危险货物罐",
    "必然要求。近年来，全省各级",
]


@pytest.mark.parametrize("joined", PAGE_BREAK_JOINS)
def test_page_break_joins_are_one_sentence(corpus, joined):
    hits = [c for c in corpus.clauses if joined in c.text]
    assert len(hits) == 1, joined


def test_sector_subparagraphs_are_own_clauses(corpus):
    c2021 = [c for c in corpus.clauses if c.year == 2021]
    coal = [c for c in c2021 if c.text.startswith("煤矿：")]
    assert len(coal) == 1
    assert coal[0].heading_path == ("三、深化专项整治，解决突出问题", "10、深入开展重点行业专项整治")
    c2019 = [c for c in corpus.clauses if c.year == 2019 and c.text.startswith("煤矿。")]
    assert c2019 and c2019[0].heading_path[-1] == "（二）深化专项整治"
    c2026 = [c for c in corpus.clauses if c.year == 2026 and c.text.startswith("1.煤矿。")]
    assert len(c2026) == 1


def test_heading_with_sentence_is_part_of_its_clause(corpus):
    c = next(c for c in corpus.clauses if c.text.startswith("（十）煤矿领域专项整治。"))
    assert c.year == 2024
    assert c.heading_path == ("三、开展治本攻坚三年行动，深化重点行业领域专项整治",)
    assert not any(c.text == "一、牢固确立安全发展的理念" for c in corpus.clauses)  # bare heading: context only


def test_agency_remarks_parsed_and_removed(corpus):
    c = next(c for c in corpus.clauses if c.text.startswith("（十）煤矿领域专项整治。"))
    assert c.agencies[:3] == ("省应急厅", "省能源局", "省自然资源厅")
    for c in corpus.clauses:
        assert not re.search(r"[（(](?:省|国家)[^（）]{0,80}负责[)）]$", c.text), c.clause_id
    assert parse_agencies("省应急厅、省公安厅等部门负责") == ["省应急厅", "省公安厅"]
    assert parse_agencies("省安委办和各市、县人民政府负责") == ["省安委办", "各市县人民政府"]


def test_clause_ids_stable_across_unrelated_edits():
    text = CORPUS_FILE.read_text(encoding="utf-8")
    before = {c.clause_id: c.text for _, cs in segment_text(text, str(CORPUS_FILE)) for c in cs}
    # edit a paragraph elsewhere: add a sentence in the 2009 notice's section 一
    edited = text.replace("做了大量的工作。", "做了大量的工作，成效明显。", 1)
    after = {c.clause_id: c.text for _, cs in segment_text(edited, str(CORPUS_FILE)) for c in cs}
    assert before.keys() == after.keys()
    changed = [k for k in before if before[k] != after[k]]
    assert len(changed) == 1 and changed[0].startswith("2009-")


def test_cli_prints_one_json_object_per_clause(corpus):
    out = subprocess.run([sys.executable, "-m", "policytag.cli", "segment", str(CORPUS_FILE), "--format", "jsonl"],
                         capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == len(corpus.clauses)
    assert {r["doc_id"] for r in rows} == {d.doc_id for d in corpus.documents}
    for r in rows:
        assert set(r) >= {"doc_id", "clause_id", "heading_path", "text", "kind", "agencies", "span"}
