"""Tasks pushed with model suggestions say why the model suggests each label (the evidence).

The suggestion lines showed the model's labels and probabilities only: an annotator saw
``危险化学品 0.97 ✓`` and had to take it on trust. Now each line ends with the words that made the
model tick each label, ``｜依据：危险化学品←“危险化学品”“储存、使用”`` (from ``models.evidence``,
what ``policytag tag`` explains with), and the prediction carries them (``value.evidence``), so the
ML backend's suggestion lines (``backend/wiring.py`` rewrites them from /predict's results) say the
same. Real parts: the default model, a regulation written for this test (第X条, an invented city)
and an attached-table 工作要点 of tests/ls_genre_notices.py."""

import re

import pytest

from policytag.taxonomy import DIMENSIONS, load_taxonomy

from annot_fixture import REGULATION

QUOTE = re.compile(r"(小标题|标题)?“([^”]*)”")


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def tagger():
    from policytag.app import resolve_model

    return resolve_model("default")


@pytest.fixture(scope="module")
def clause_set(tmp_path_factory):
    from policytag.annotation.tasks import load_clauses

    from ls_genre_notices import WORK_POINTS

    work = tmp_path_factory.mktemp("annot1-tasks")
    (work / "regulation.txt").write_text(REGULATION, encoding="utf-8")
    (work / "points.txt").write_text(WORK_POINTS, encoding="utf-8")
    return load_clauses([work / "regulation.txt", work / "points.txt"])


def test_every_suggested_label_shows_its_evidence_from_the_clause(clause_set, tagger, taxonomy):
    from policytag.annotation.tasks import build_tasks, predict
    from policytag.text import HEADING_JOIN

    predictions = predict(clause_set.clauses, tagger, taxonomy)
    tasks = build_tasks(clause_set, predictions, taxonomy)
    with_evidence = 0
    for clause, task, pred in zip(clause_set.clauses, tasks, predictions):
        for key, dim in (("suggestion_sector", "sector"), ("suggestion_measure", "measure_type")):
            line = task["data"][key]
            if "｜依据：" not in line:
                continue
            with_evidence += 1
            for part in line.split("｜依据：", 1)[1].split("；"):
                name, quotes = part.split("←", 1)
                assert name in {taxonomy[dim].name_of(lab) for lab in taxonomy[dim].ids}
                assert f"{name} " in line.split("｜")[0] and "✓" in line  # a label the model ticks
                found = QUOTE.findall(quotes)
                assert 1 <= len(found) <= 3, part
                for where, text in found:  # each quote is words of the clause, its headings or its title
                    source = {"": clause.text, "小标题": HEADING_JOIN.join(clause.heading_path),
                              "标题": clause.title or ""}[where]
                    assert text.rstrip("…") in source, (text, where, clause.text)
        stored = {r["from_name"]: r["value"] for r in pred["result"]}
        assert set(stored["sector"].get("evidence", {})) <= set(stored["sector"]["choices"])
    # the regulation's clauses and the work points name their sectors and measures in words
    assert with_evidence >= len(clause_set.clauses)
    first = tasks[0]["data"]["suggestion_sector"]
    assert "｜依据：危险化学品←“危险化学品”" in first, first
