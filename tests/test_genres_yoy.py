"""Like with like (issue 19 items 1-2): notices written for this test, three issuers at three levels
over two years (one of them a 工作要点) plus a second city's 工作要点 with no earlier one. Each 2027
notice is compared with its own issuer's 2026 document of the same genre, never with another
government's; a notice without one says so; ``--compare-with FILE`` names the baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policytag.corpus.segment import segment_paths
from policytag.inference.yoy import no_previous_message, previous_documents, same_series
from conftest import CORPUS_FILE, TEST_DATA

YOY = TEST_DATA / "genres" / "yoy"
CORPUS = CORPUS_FILE

EXPECTED = {
    # file: (title, issuer, region, level, genre, year)
    "province_2026.txt": ("东川省人民政府关于做好2026年安全生产工作的通知", "东川省人民政府", "东川省", "province", "annual_notice", 2026),
    "province_2027.txt": ("东川省人民政府关于做好2027年安全生产工作的通知", "东川省人民政府", "东川省", "province", "annual_notice", 2027),
    "city_2026.txt": ("临江市安全生产委员会2026年安全生产工作要点", "临江市安全生产委员会", "临江市", "city", "work_points", 2026),
    "city_2027.txt": ("临江市安全生产委员会2027年安全生产工作要点", "临江市安全生产委员会", "临江市", "city", "work_points", 2027),
    "county_2026.txt": ("青石县人民政府关于做好2026年安全生产工作的通知", "青石县人民政府", "青石县", "county", "annual_notice", 2026),
    "county_2027.txt": ("青石县人民政府关于做好2027年安全生产工作的通知", "青石县人民政府", "青石县", "county", "annual_notice", 2027),
    "other_city_2027.txt": ("云岭市安全生产委员会2027年安全生产工作要点", "云岭市安全生产委员会", "云岭市", "city", "work_points", 2027),
}


@pytest.fixture(scope="module")
def docs():
    result = segment_paths([YOY])
    assert not result.errors
    return {Path(d.source).name: d for d in result.documents}


def test_titles_issuers_levels_genres(docs):
    assert set(docs) == set(EXPECTED)
    for name, d in docs.items():
        assert (d.title, d.issuer, d.region, d.level, d.genre, d.year) == EXPECTED[name], name


def test_pairing_same_issuer_same_genre(docs):
    everything = list(docs.values())
    for issuer in ("province", "city", "county"):
        now, before = docs[f"{issuer}_2027.txt"], docs[f"{issuer}_2026.txt"]
        assert previous_documents(now, everything) == [before]
        assert previous_documents(before, everything) == []
    # a city's 工作要点 is not the province's notice, nor another city's 工作要点
    assert not same_series(docs["city_2027.txt"], docs["province_2026.txt"])
    assert not same_series(docs["other_city_2027.txt"], docs["city_2026.txt"])
    assert previous_documents(docs["other_city_2027.txt"], everything) == []
    assert no_previous_message(docs["other_city_2027.txt"]).startswith(
        "no previous 工作要点 of 云岭市安全生产委员会 before 2027 in the input")


@pytest.fixture(scope="module")
def tagged_rows(keyword_run, policytag_cli):
    proc = policytag_cli("tag", YOY, "--model", keyword_run, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_every_row_carries_the_metadata_and_novelty_points_at_the_same_issuer(docs, tagged_rows):
    by_id = {d.doc_id: d for d in docs.values()}
    for row in tagged_rows:
        d = by_id[row["doc_id"]]
        assert (row["title"], row["issuer"], row["region"], row["level"], row["genre"]) == (
            d.title, d.issuer, d.region, d.level, d.genre)
        if d.year == 2027 and d.issuer != "云岭市安全生产委员会":
            nearest = row["novelty"]["nearest"]
            assert nearest.startswith(next(p.doc_id for p in docs.values() if p.issuer == d.issuer and p.year == 2026))
        else:
            assert row["novelty"] is None  # nothing of that issuer and genre to compare with


def test_markdown_names_the_baseline_or_says_there_is_none(keyword_run, policytag_cli):
    proc = policytag_cli("tag", YOY, "--model", keyword_run, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert "compared with the 2026 notice of 东川省人民政府" in md
    assert "compared with the 2026 notice of 青石县人民政府" in md
    assert "compared with the 2026 工作要点 of 临江市安全生产委员会" in md
    assert "no previous 工作要点 of 云岭市安全生产委员会 before 2027 in the input" in md
    assert "no previous 年度安全生产工作通知 of 东川省人民政府 before 2026 in the input" in md
    assert "# 临江市安全生产委员会2027年安全生产工作要点" in md  # a built title, not a hash


def test_new_notices_with_the_shanxi_corpus_are_not_compared_with_shanxi(keyword_run, policytag_cli):
    proc = policytag_cli("tag", YOY / "province_2027.txt", YOY / "city_2027.txt", CORPUS, "--year", "2027",
                         "--model", keyword_run, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert "of 山西省人民政府" not in md
    assert "no previous 年度安全生产工作通知 of 东川省人民政府 before 2027 in the input" in md
    assert "no previous 工作要点 of 临江市安全生产委员会 before 2027 in the input" in md


def test_year_option_takes_each_issuers_own_previous_document(keyword_run, policytag_cli):
    proc = policytag_cli("tag", YOY, CORPUS, "--year", "2027", "--model", keyword_run, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert md.count("compared with the 2026") == 3 and "of 山西省人民政府" not in md


def test_compare_with_names_the_baseline(keyword_run, policytag_cli):
    proc = policytag_cli("tag", YOY / "county_2027.txt", "--compare-with", YOY / "province_2026.txt",
                         "--model", keyword_run, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    assert "compared with the 2026 notice of 东川省人民政府" in proc.stdout
    assert "chosen with --compare-with" in proc.stdout
    assert "# 东川省人民政府关于做好2026年" not in proc.stdout  # the baseline is not reported itself
