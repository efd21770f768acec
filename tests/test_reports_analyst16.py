"""analyst16: an analyst's folder of three governments of different levels (澄岭省, its city 苍梧市, 应急管理部), this
year's and last year's notices each (tests/data/reports16/notices/, expectations written before the code ran on them:
tests/data/reports16/EXPECTED.md), and a researcher's streamed run over ~300 notices.

* A notice that inserts one item and renumbers the rest read the inserted item as "revised" from a clause of last
  year's that another clause of this year's continues word for word (苍梧市 2027's 电动自行车 item "from" 2026's 消防
  item, 应急管理部 2027's 城镇燃气 item "from" 2026's 执法 item: they share the frame 加强…安全管理), so both reports
  said "New this year: 0" where one item was new. A previous clause continued word for word is that clause's.
"""

from __future__ import annotations

import json

import pytest

from policytag import PROJECT_ROOT
from policytag.inference.align import align
from policytag.inference.render_rows import rows

from conftest import TEST_DATA
from report_cli import build, run

DATA = TEST_DATA / "reports16"
NOTICES = DATA / "notices"
MODEL = str(PROJECT_ROOT / "policytag" / "resources" / "model")


@pytest.fixture(scope="module")
def report():
    return build([str(NOTICES)], MODEL)


def _comparison(report, issuer: str, year: int):
    (notice,) = [n for n in report.notices if n.document.issuer == issuer and n.document.year == year]
    return notice, notice.comparison


# the frame 加强…安全管理 shared by an inserted item and one of last year's items, which the next item continues
# word for word after its renumbering
INSERTED = (["一、压实安全生产责任。各县（区）人民政府要严格落实党政同责、一岗双责。",
             "二、加强电动自行车安全管理。年底前新建集中充电设施500处，严禁电动自行车进楼入户。",
             "三、加强消防安全管理。对人员密集场所开展消防安全检查，6月底前完成高层建筑消防设施排查。"],
            ["一、压实安全生产责任。各县（区）人民政府要严格落实党政同责、一岗双责。",
             "二、加强消防安全管理。对人员密集场所开展消防安全检查，6月底前完成高层建筑消防设施排查。"])


def test_an_inserted_item_is_new_not_a_revision_of_a_clause_continued_word_for_word():
    current, previous = INSERTED
    aligned = align(current, previous)
    assert [a.status for a in aligned] == ["carried_over", "new", "carried_over"]
    assert [a.counterpart for a in (aligned[0], aligned[2])] == [0, 1]


def test_a_reworded_clause_still_pairs_with_a_clause_no_one_continues_word_for_word():
    """Guards: a clause reworded from last year's is revised as before, and of a wording repeated under several items
    (a plan's 修订…制度，年底前印发实施。 under each sector) only as many are closed as this year repeats word for word."""
    current = ["一、加强消防安全管理。对人员密集场所和高层建筑开展消防安全检查，9月底前完成消防设施排查整改。"]
    previous = ["一、强化消防安全监管。对人员密集场所开展消防安全检查，6月底前完成高层建筑消防设施排查。"]
    assert [a.status for a in align(current, previous)] == ["revised"]
    repeat = "修订安全生产管理制度，年底前印发实施。"
    previous = [f"（一）{repeat}", f"（二）{repeat}", f"（三）{repeat}"]
    current = [f"（一）{repeat}", "（二）修订安全生产管理办法和考核细则，9月底前印发。", f"（三）{repeat}"]
    aligned = align(current, previous)
    assert [a.status for a in aligned] == ["carried_over", "revised", "carried_over"]
    assert sorted(a.counterpart for a in aligned) == [0, 1, 2]  # none of last year's dropped


@pytest.mark.parametrize("issuer, new_item", [("苍梧市人民政府", "加强电动自行车安全管理"),
                                              ("应急管理部", "加强城镇燃气安全监管")])
def test_the_inserted_item_of_a_renumbered_notice_is_listed_as_new(report, issuer, new_item):
    notice, cmp = _comparison(report, issuer, 2027)
    texts = {t.clause.clause_id: t.clause.text for t in notice.tagged}
    status = {n.clause_id: n.status for n in cmp.novelty}
    (inserted,) = [cid for cid, text in texts.items() if new_item in text]
    assert status[inserted] == "new"
    # the rest continue last year's word for word, renumbered: no change, nothing dropped
    assert {s for cid, s in status.items() if cid != inserted} == {"carried_over"}
    assert not cmp.dropped
    row = next(r for r in rows(report) if r["clause_id"] == inserted)
    assert (row["changed"], row["previous_text"], row["diff"]) == (False, None, None)


def test_a_notice_folder_knows_its_clause_count_once_read():
    """The first pass of a streamed folder segments every notice (for the duplicates and dates); it now keeps the
    count of the kept notices' clauses, which the bar and the log lines take as their total."""
    from policytag.inference.stream import notice_clauses

    clauses = notice_clauses([str(NOTICES)], False, lambda message: None)
    assert clauses.total is None  # nothing read yet
    read = list(clauses)
    assert clauses.total == len(read) == 34


def test_a_streamed_folder_logs_how_far_it_is(tmp_path, monkeypatch):
    """Off a terminal (a job's log) a streamed run of a folder said ``policytag: 16 clauses tagged in 3 s (…)``: no
    total, share or time left, where a clause file's run said how far it was. Now each line names the folder's
    clauses as the total, ``16 of 34 clauses tagged (47%)``."""
    import re

    import policytag.inference.stream_cli as stream_cli

    monkeypatch.setattr(stream_cli, "LOG_EVERY_S", 0.0)  # a line for every batch
    out = tmp_path / "rows.jsonl"
    code, said = run(["tag", str(NOTICES), "--model", MODEL, "--stream", "--batch-size", "8", "-o", str(out)])
    assert code == 0, said
    lines = [x for x in said.splitlines() if "clauses tagged" in x]
    done = [int(m.group(1)) for x in lines if (m := re.fullmatch(r"policytag: (\d+) of 34 clauses tagged \(\d+%\) in .*", x))]
    assert done == [8, 16, 24, 32, 34], said
    assert "left" in lines[0], said  # a time left once the total is known


def test_a_streamed_run_of_several_governments_says_how_to_get_the_table_per_government_year(tmp_path):
    """The researcher streamed a folder of many governments' notices and wanted one table per government and year: the
    run ended on its ``wrote OUT`` line and nothing said that streamed rows hold no comparison across governments (a
    JSONL report says it) nor how to get one. The line closing the run names the command, and that command gives a row
    per issuer and year whose clause count is that issuer-year's rows in the streamed output."""
    import csv
    import re
    import shlex
    from collections import Counter

    out = tmp_path / "rows.jsonl"
    code, said = run(["tag", str(NOTICES), "--model", MODEL, "--stream", "-o", str(out)])
    assert code == 0, said
    hint = re.search(r"several governments \(3 issuers, 6 government-years\).*`policytag (tag --clauses [^`]+)`", said)
    assert hint, said
    argv = shlex.split(hint.group(1))
    assert argv[2] == str(out) and argv[-1] == str(tmp_path / "rows.csv")
    code, said = run([*argv, "--model", MODEL])
    assert code == 0, said
    streamed = Counter((r["issuer"], r["year"]) for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()))
    with open(tmp_path / "rows.across.csv", encoding="utf-8-sig", newline="") as fh:
        table = {(r["issuer"], int(r["year"])): int(r["n_clauses"]) for r in csv.DictReader(fh)}
    assert table == dict(streamed) and len(table) == 6


def test_a_streamed_run_of_one_government_says_nothing_of_a_comparison(tmp_path):
    out = tmp_path / "rows.jsonl"
    files = [str(NOTICES / "cangwu_city_2026.txt"), str(NOTICES / "cangwu_city_2027.txt")]
    code, said = run(["tag", *files, "--model", MODEL, "--stream", "-o", str(out)])
    assert code == 0 and "several governments" not in said, said


def test_ctrl_c_before_the_first_rows_says_nothing_was_kept(tmp_path, monkeypatch):
    """Ctrl-C while a folder's first pass reads the notices (the researcher's first try, seconds in) said
    ``policytag: interrupted`` alone: whether anything was kept, and whether ``--resume`` applied, was left to guess."""
    import policytag.inference.stream as stream

    class Stopped:
        dates: dict = {}

        def __iter__(self):
            raise KeyboardInterrupt

    monkeypatch.setattr(stream, "notice_clauses", lambda *a, **k: Stopped())
    out = tmp_path / "rows.jsonl"
    code, said = run(["tag", str(NOTICES), "--model", MODEL, "--stream", "-o", str(out)])
    assert code == 130
    assert said.strip().splitlines()[-1] == ("policytag: interrupted before the first rows were written "
                                             "(nothing kept: run it again)")
    assert not out.exists() and not (tmp_path / "rows.jsonl.partial").exists()
