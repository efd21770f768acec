"""Clause.from_row, the one row -> Clause parser, and the text conventions beside it."""

from __future__ import annotations

import pytest

from policytag.records import Clause, RowError
from policytag.text import HEADING_JOIN, INPUT_SEP, cn_number


def test_a_full_row_round_trips_through_to_dict():
    clause = Clause(doc_id="2026-a", clause_id="2026-a.1.2", heading_path=("一、总体要求", "（一）压实责任"),
                    text="严格落实安全生产责任制。", kind="clause", agencies=("省应急厅",), span=(10, 22), year=2026)
    assert Clause.from_row(clause.to_dict()) == clause


def test_ids_heading_strings_and_defaults():
    c = Clause.from_row({"id": 7, "text": "  开展隐患排查。 ", "heading": "一、重点任务 > （二）排查"},
                        doc_id="file", clause_id="unused")
    assert (c.doc_id, c.clause_id, c.text, c.kind, c.year) == ("file", "7", "开展隐患排查。", "clause", None)
    assert c.heading_path == ("一、重点任务", "（二）排查")
    assert Clause.from_row({"text": "x", "heading": HEADING_JOIN.join(["a", "b"])}, clause_id="1").heading_path == ("a", "b")
    assert Clause.from_row({"text": "x"}, clause_id="task-3").clause_id == "task-3"
    assert Clause.from_row({"text": "x", "clause_id": "c", "id": 9}).clause_id == "c"  # clause_id wins


@pytest.mark.parametrize("row, message", [
    ("not a row", "expected a JSON object, got a string"),
    ({"clause_id": "a"}, "missing 'text'"),
    ({"clause_id": "a", "text": 3}, "'text' must be a string, got a number"),
    ({"clause_id": "a", "text": "   "}, "'text' is empty"),
    ({"text": "x"}, "missing 'clause_id'"),
    ({"clause_id": {"n": 1}, "text": "x"}, "'clause_id' must be a string or an integer, got an object"),
    ({"id": 1.5, "text": "x"}, "'id' must be a string or an integer, got a number"),
    ({"clause_id": True, "text": "x"}, "'clause_id' must be a string or an integer, got a boolean"),
    ({"clause_id": "a", "doc_id": ["d"], "text": "x"}, "'doc_id' must be a string or an integer"),
    ({"clause_id": "a", "text": "x", "heading_path": [1, 2]}, "'heading_path' must be a list of strings, got a list of non-strings"),
    ({"clause_id": "a", "text": "x", "heading_path": "a > b"}, "(or give the joined path as 'heading')"),
    ({"clause_id": "a", "text": "x", "heading": 5}, "'heading' must be a string, got a number"),
    ({"clause_id": "a", "text": "x", "year": "2024"}, "'year' must be an integer, got a string"),
    ({"clause_id": "a", "text": "x", "year": True}, "'year' must be an integer, got a boolean"),
    ({"clause_id": "a", "text": "x", "agencies": "省应急厅"}, "'agencies' must be a list of strings, got a string"),
    ({"clause_id": "a", "text": "x", "kind": "title"}, "'kind' must be 'clause' or 'preamble'"),
    ({"clause_id": "a", "text": "x", "span": [1]}, "'span' must be a list of two integers"),
])
def test_bad_rows_give_one_line_reasons(row, message):
    with pytest.raises(RowError) as err:
        Clause.from_row(row)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert isinstance(err.value, ValueError)


def test_the_two_separators_are_different_names_for_different_jobs():
    from policytag.models.features import clause_input

    c = Clause.from_row({"clause_id": "a", "text": "正文", "heading_path": ["一、", "（一）"]})
    assert clause_input(c) == HEADING_JOIN.join(c.heading_path) + INPUT_SEP + "正文"
    assert HEADING_JOIN != INPUT_SEP


def test_one_numeral_parser_covers_headings_and_deadlines():
    cases = {"6": 6, "１２": 12, "十": 10, "十二": 12, "两": 2, "二十三": 23, "一百": 100, "一百零五": 105,
             "九十九": 99, "〇": 0}
    assert {s: cn_number(s) for s in cases} == cases
    assert cn_number("") is None and cn_number("十a") is None
