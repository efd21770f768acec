"""What an analyst found running ``policytag tag`` on a new batch of documents (session 12:
tests/data/reports6/, two provinces, three cities of one and a city of the other, two counties, a central
organ; annual notices of this year and last, a 工作要点, a 专项整治方案 and a county's 转发 notice that is
mostly the forwarded city notice; what each report should say is written down in
tests/data/reports6/EXPECTED.md before the CLI was run on them). Every sentence there was written for
these tests; every place and organ is invented.

* 青榆县's 2027 notice has a new 道路交通 item and a new 燃气 item written in the frame of 2026's 消防 item
  (对全县…开展…安全隐患排查，X月底前完成整治): both read as revisions of the 消防 item, with a diff turning
  消防 into 道路交通, and "New this year: 0". Now a pair whose lead sentences name different sectors is not
  made: both are new, the 消防 item is carried over. On the Shanxi pairs aligned by reading nothing changes.
* A new clause's best match, cut to 3 decimals, is below the threshold the line above it names (0.1597 read
  "best match 0.16" under "below 0.16").
* A clause file in Parquet had its own reading loop in cli.py beside ``inputs.read_clause_file``, which
  dropped the documents' title, issuer, level and genre the rows carry: the report headed each notice by
  its doc_id alone. One reader now (``inputs.read_clause_file``), with JSONL's duplicate-id check.
* The across tables' "mean" row is the label's share of all clauses of the programmes (pooled), read by an
  analyst as the mean of the rows' shares: with a 15-clause province beside a 4-clause county the two
  differ. The reports now say it is pooled and of how many clauses.
* 青榆县's covering letter said the 枫临市 notice it forwards "is not part of it", while that notice, pasted
  below the letter in the same file, was in the same report as a document of its own: the caution now
  names it.
"""

from __future__ import annotations

import contextlib
import csv
import html as htmllib
import io
import json
import re
from pathlib import Path

import pytest

from policytag.cli import main
from policytag.corpus.segment import segment_paths

DATA = Path(__file__).parent / "data" / "reports6"
ROOT = Path(__file__).resolve().parents[1]


def _tag(args: list[str]) -> str:
    """``policytag tag ARGS`` through the real CLI in this process; its stderr."""
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert main(["tag", *args]) == 0, err.getvalue()
    return err.getvalue()


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The whole folder tagged once per report format by the real CLI."""
    folder = tmp_path_factory.mktemp("reports6")
    for name in ("out.md", "out.html", "out.csv"):
        _tag([str(DATA), "-o", str(folder / name)])
    return folder


def _section(md: str, title_start: str) -> str:
    """The Markdown section of the notice whose title starts so (up to the next notice's heading)."""
    start = md.index(f"\n# {title_start}")
    end = md.find("\n# ", start + 1)
    return md[start:end if end > 0 else len(md)]


def _part(section: str, heading: str) -> str:
    """One ``## heading`` part of a notice's section."""
    start = section.index(f"\n## {heading}")
    end = section.find("\n## ", start + 1)
    return section[start:end if end > 0 else len(section)]


def _ids(part: str) -> list[str]:
    """The clause ids listed first on each line of a part (``- `ID` …``)."""
    return re.findall(r"^- `([^`]+)`", part, flags=re.M)


def test_a_clause_on_another_subject_is_new_not_a_revision(out, tmp_path):
    """青榆县 2027's 二、道路交通 and 五、燃气 items share the frame of 2026's 二、消防 item, not its subject."""
    md = (out / "out.md").read_text(encoding="utf-8")
    qingyu = _section(md, "青榆县人民政府办公室关于做好2027年")
    assert "compared with the 2026 notice of 青榆县人民政府办公室 (5 clauses)" in qingyu  # the premise
    new, revised = _part(qingyu, "新增内容"), _part(qingyu, "修改内容")
    carried = _part(qingyu, "沿用内容")
    road = next(line for line in new.splitlines() if "开展道路交通安全排查" in line)
    gas = next(line for line in new.splitlines() if "加强燃气安全监管" in line)
    assert "New this year: 2 of 6 clauses" in new
    assert "道路交通" not in revised and "燃气" not in revised
    # the 消防 item itself continues 2026's 消防 item (九小场所 added)
    assert re.search(r"^- `[^`]+-3` ← `[^`]+-2` \(0\.8\d\): .*九小场所", carried, flags=re.M)
    # each new clause's best match is shown below the threshold the line above names (cut, not rounded)
    threshold = float(re.search(r"is below (0\.\d+)", new).group(1))
    for line in (road, gas):
        assert float(re.search(r"\(best match (0\.\d{3})\)$", line).group(1)) < threshold, line
    # the same reading with --compare-with on the two files
    _tag([str(DATA / "qingyu_annual_2027.txt"), "--compare-with", str(DATA / "qingyu_annual_2026.txt"),
          "-o", str(tmp_path / "q.md")])
    explicit = (tmp_path / "q.md").read_text(encoding="utf-8")
    assert _ids(_part(explicit, "新增内容")) == _ids(new)


def test_the_subject_check_changes_no_pair_of_the_shanxi_alignment_gold():
    """The rule holds on real notices: on the Shanxi clause pairs aligned by reading (data/alignment), the
    statuses and counterparts with the subject check are those without it."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from eval_alignment import load
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    from policytag.inference.align import align, different_subjects
    from policytag.inference.yoy import subject_reader
    from policytag.taxonomy import load_taxonomy

    subjects = subject_reader(load_taxonomy())
    masked = 0
    for pair in load().values():
        plain = align(pair["cur"], pair["prev"])
        checked = align(pair["cur"], pair["prev"], subjects=subjects)
        assert [(a.status, a.counterpart) for a in checked] == [(a.status, a.counterpart) for a in plain]
        masked += int(different_subjects(pair["cur"], pair["prev"], subjects).sum())
    assert masked > 0  # the check does act on these notices: on pairs no clause would be matched to


def test_a_parquet_clause_file_keeps_the_metadata_its_rows_carry(tmp_path):
    """``tag --clauses FILE.parquet`` reads the rows as ``--clauses FILE.jsonl`` does: the notices' titles,
    issuers, levels and genres from the rows (a ``policytag segment`` output), and a repeated id refused."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    jsonl = tmp_path / "clauses.jsonl"
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["segment", str(DATA / "nancen_annual_2026.txt"), str(DATA / "weitang_annual_2027.txt"),
                     "-o", str(jsonl)]) == 0
    rows = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    table = tmp_path / "clauses.parquet"
    pq.write_table(pa.Table.from_pylist([{k: v for k, v in r.items() if not isinstance(v, (list, dict))} for r in rows]),
                   table)
    for source in (jsonl, table):
        target = tmp_path / f"{source.suffix[1:]}.md"
        _tag(["--clauses", str(source), "-o", str(target)])
        md = target.read_text(encoding="utf-8")
        assert "\n# 南岑省人民政府办公厅关于做好2026年全省安全生产工作的通知（2026）" in md, source
        assert "| 苇塘县人民政府关于做好2027年全县安全生产工作的通知 | 苇塘县人民政府 | 县级 | 年度安全生产工作通知 | 2027 |" in md
    doubled = tmp_path / "doubled.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "a", "text": "开展消防安全检查。"}, {"id": "a", "text": "开展燃气安全检查。"}]),
                   doubled)
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert main(["tag", "--clauses", str(doubled), "-o", str(tmp_path / "d.md")]) == 1
    said = err.getvalue().strip().splitlines()
    assert len(said) == 1 and "duplicate id 'a'" in said[0] and "--skip-bad" in said[0]


def _across(out: Path) -> list[dict]:
    with open(out / "out.across.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_mean_row_says_it_is_pooled_and_over_how_many_clauses(out):
    """东漪省 (15 clauses) and 苇塘县 (4) sit in one table: the mean row is the share of all the programmes'
    clauses, which the reports now say, with that clause count; its figures are that pooled share."""
    md = (out / "out.md").read_text(encoding="utf-8")
    rows = [r for r in _across(out) if r["dimension"] == "sector" and r["label_id"] == "hazardous_chemicals"]  # (冶金工贸 before the rows were compared within their year: its 2027 readings agree)
    # (the 2027 rows: rows are compared within their year, one mean row per year: analyst13)
    programmes = [r for r in rows if r["genre"] in ("annual_notice", "work_points") and r["year"] == "2027"]
    pooled_n = sum(int(r["n_clauses"]) for r in programmes)
    pooled = sum(int(r["count"]) for r in programmes) / pooled_n
    unpooled = sum(int(r["count"]) / int(r["n_clauses"]) for r in programmes) / len(programmes)
    assert round(pooled * 100) != round(unpooled * 100)  # the premise: the two readings differ here
    mean_row = next(x for x in md.splitlines() if x.startswith("| *mean of the annual notices and 工作要点 (pooled), 2027*"))
    cells = [c.strip() for c in mean_row.split("|")[1:-1]]
    assert cells[4] == str(pooled_n)
    header = next(x for x in md.split("**行业领域**")[1].splitlines() if x.startswith("| issuer"))
    column = [c.strip() for c in header.split("|")[1:-1]].index("危险化学品")
    assert cells[column] == f"{pooled * 100:.0f}"
    said = "the mean share is pooled: the label's share of all clauses of the rows of its kind"
    assert said in md
    html = htmllib.unescape((out / "out.html").read_text(encoding="utf-8"))
    assert said in html
    assert re.search(r'<tr><td class="who">mean of the annual notices and 工作要点 \(pooled\), 2027</td>'
                     rf"<td></td><td></td><td></td><td>{pooled_n}</td>", html)


def test_a_covering_letter_names_the_forwarded_notice_reported_beside_it(out):
    md = (out / "out.md").read_text(encoding="utf-8")
    letter = _section(md, "青榆县应急管理局关于转发")
    forwarded = re.search(r"\n# (枫临市应急管理局[^\n]*)（2027）\n\n([^\n]*)", md)
    assert forwarded and " · 5 clauses · " in forwarded.group(2)  # the premise: read as the city bureau's own
    said = ("《枫临市应急管理局关于开展2027年汛期安全隐患排查整治的通知》 follows it in the same file and is reported as a "
            f"document of its own ({forwarded.group(1)}: 枫临市应急管理局, 2027, 5 clauses)")
    assert said in letter and "is not part of it" not in letter
    assert said in htmllib.unescape((out / "out.html").read_text(encoding="utf-8"))
    # a letter forwarding a document not in its file still says that document is not part of it
    lanqiao = Path(__file__).parent / "data" / "reports5" / "lanqiao_forward_2026.txt"
    alone = out / "lanqiao.md"
    _tag([str(lanqiao), "-o", str(alone)])
    assert "元旦春节期间安全防范工作的通知》 is not part of it" in alone.read_text(encoding="utf-8")


def test_no_difference_says_how_many_tests_and_the_smallest_p(tmp_path):
    """The three 南岑省 cities: 枫临市's 非煤矿山 (3 of 8 clauses, none in the other cities) is no difference at q <
    0.05, and none comes near (q < 0.2); the line said only "no issuer differs". It now names the smallest
    p-value and the number of tests it was corrected for, with the figures of the across CSV."""
    _tag([str(DATA / "nancen_cities"), "-o", str(tmp_path / "cities.csv")])
    _tag([str(DATA / "nancen_cities"), "-o", str(tmp_path / "cities.md")])
    _tag([str(DATA / "nancen_cities"), "-o", str(tmp_path / "cities.html")])
    with open(tmp_path / "cities.across.csv", encoding="utf-8-sig", newline="") as f:
        tested = [r for r in csv.DictReader(f) if r["q_value"]]
    assert tested and min(float(r["q_value"]) for r in tested) >= 0.2  # the premise: nothing passes or comes near
    smallest = min(tested, key=lambda r: float(r["p_value"]))
    assert smallest["name"] == "枫临市人民政府办公室" and smallest["label"] == "非煤矿山"
    md = (tmp_path / "cities.md").read_text(encoding="utf-8")
    line = next(x for x in md.splitlines() if x.startswith("- no issuer differs"))
    said = (f"the smallest p-value of the {len(tested)} tests (each tested row × label): 枫临市人民政府办公室 2027 年度安全生产工作通知 "
            f"非煤矿山 +{float(smallest['diff_pp']):.1f} pp ({smallest['count']} of {smallest['n_clauses']} clauses, mean "
            f"{float(smallest['mean_share']) * 100:.0f}%, p={float(smallest['p_value']):.3f}, q={float(smallest['q_value']):.3f} "
            f"corrected for the {len(tested)} tests)")
    assert line.endswith(said)
    assert said in htmllib.unescape((tmp_path / "cities.html").read_text(encoding="utf-8"))


def test_a_compare_with_baseline_of_another_government_level_or_year_carries_a_caution(tmp_path):
    """东漪省's 2027 notice (15 clauses) against 苇塘县's 2027 notice (4 clauses), chosen with --compare-with, read
    "Emphasis compared with 2027" and "监管执法与打非治违 -28.3 pp" like a province changing course: the gains and
    losses are between two governments' documents of one year. A caution now says so; the county's own
    2026 notice chosen with --compare-with carries none."""
    for fmt in ("md", "html"):
        _tag([str(DATA / "dongyi_annual_2027.txt"), "--compare-with", str(DATA / "weitang_annual_2027.txt"),
              "-o", str(tmp_path / f"dw.{fmt}")])
    md = (tmp_path / "dw.md").read_text(encoding="utf-8")
    assert "compared with the 2027 notice of 苇塘县人民政府 (4 clauses; chosen with --compare-with)" in md  # the premise
    said = ("Caution: the baseline chosen with --compare-with is another government's document (苇塘县人民政府), of another "
            "level (县级; this notice: 省级), of the same year: the gains and losses below are differences between two "
            "documents, not changes over time")
    emphasis = _part(md, "侧重变化")
    assert said in emphasis
    assert said in htmllib.unescape((tmp_path / "dw.html").read_text(encoding="utf-8"))
    _tag([str(DATA / "qingyu_annual_2027.txt"), "--compare-with", str(DATA / "qingyu_annual_2026.txt"),
          "-o", str(tmp_path / "q.md")])
    own = (tmp_path / "q.md").read_text(encoding="utf-8")
    assert "chosen with --compare-with" in own and "the baseline chosen with --compare-with is" not in own


def test_the_subject_of_a_forwarding_notice_or_a_built_title_is_named_as_it_is(out):
    """The across note named 青榆县应急管理局's 转发 notice "on 枫临市应急管理局汛期隐患排查的通知" (the forwarded
    title's organ and frame left in) and the forwarded notice, whose title line was not read and which got
    a built one (枫临市应急管理局2027年文件), "on 文件". Now the forwarded title's subject, and no subject.
    (Since session 13 the pasted notice keeps its own title, so the letter and the notice share that subject,
    are compared with each other and leave the note of rows shown, not tested: the subjects are read here.)"""
    from dataclasses import replace

    from policytag.inference.yoy import same_topic, title_topic

    letter, notice = segment_paths([DATA / "qingyu_forward_2027.txt"]).documents
    assert (title_topic(letter), title_topic(notice)) == ("汛期隐患排查", "汛期隐患排查") and same_topic(letter, notice)
    assert title_topic(replace(notice, title="枫临市应急管理局2027年文件")) == ""  # a built title names none
    md = (out / "out.md").read_text(encoding="utf-8")
    note = next(x for x in md.splitlines() if x.startswith("*Note: ") and "shown, not tested" in x)
    assert "城镇燃气安全专项整治方案" not in note and "(专项整治/实施方案 on 城镇燃气)" in note  # an issued plan as before


def test_the_deadlines_and_targets_count_says_what_it_is_out_of(out):
    """"Deadlines and targets: 10 clause(s)" under a notice of 15 clauses: now "10 of 15 clauses", counted
    as the clause list below it (every clause listed once) and the notice's header."""
    md = (out / "out.md").read_text(encoding="utf-8")
    html = htmllib.unescape((out / "out.html").read_text(encoding="utf-8"))
    for title, total in (("东漪省人民政府关于做好2027年", 15), ("苇塘县人民政府关于做好2027年", 4)):
        section = _section(md, title)
        assert f" · {total} clauses · " in section.split("\n")[3]  # the premise: the header's count
        part = _part(section, "时限与量化目标")
        listed = len(_ids(part))
        assert part.split("\n")[1] == f"## 时限与量化目标 Deadlines and targets: {listed} of {total} clauses"
        assert f"<h3>时限与量化目标 Deadlines and targets: {listed} of {total} clauses</h3>" in html


def test_an_untested_row_says_so_in_the_table(out):
    """The rows tested against no one (the 燃气 plan, the 转发 letter and the forwarded notice) sat in the across
    tables as dark as any (青榆县应急管理局's one clause: 水旱灾害 100) with only the note above to say so; each
    now says "not tested" beside its genre, in the Markdown and the HTML, and a tested row does not."""
    # a row none of whose labels has a q-value (a tested row's label that no one compared carries has none either)
    across = _across(out)
    untested = {r["name"] for r in across} - {r["name"] for r in across if r["q_value"]}
    # the premise (the CSV): the 燃气 plan, and since session 22 the 转发 letter (a covering letter only: a kind of its
    # own, analyst18) and the notice it forwards, whose only peer of its subject was the letter's one sentence
    assert untested == {"枫临市安全生产委员会办公室", "青榆县应急管理局", "枫临市应急管理局"}
    md = (out / "out.md").read_text(encoding="utf-8")
    html = htmllib.unescape((out / "out.html").read_text(encoding="utf-8"))
    table = md.split("**行业领域**")[1].split("**措施类型**")[0]
    rows = {r.split("|")[1].strip(): r.split("|")[4].strip() for r in table.splitlines() if r.startswith("| ") and "|--" not in r
            and not r.startswith("| issuer") and not r.startswith("| *")}
    assert {name for name, genre in rows.items() if genre.endswith(" (not tested)")} == untested
    marked = re.findall(r'<td class="who"[^>]*>([^<]+)</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*\(not tested\)</td>', html)
    assert set(marked) == untested


def test_the_subject_check_reads_analyst5s_short_county_clauses_as_their_reader_did(tmp_path):
    """tests/data/reports5/EXPECTED.md (written by another analyst before this rule) names three short county
    clauses read as revisions of a clause on another subject: 岚桥县 2025's 森林防火 item (of 2023's 烟花爆竹
    one), its 自建房 item (of 2023's 非煤矿山 one), 梓溪县 2027's 防汛 item (of 2026's one-paragraph 道路交通
    notice). Each is new now; the items that do continue last year's stay paired."""
    target = tmp_path / "r5.jsonl"
    _tag([str(ROOT / "tests" / "data" / "reports5"), "-o", str(target)])
    rows = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    def status(title: str, opening: str) -> str:
        return next(r["novelty"]["status"] for r in rows if r["title"].startswith(title) and r["text"].startswith(opening))

    lanqiao, ziqi = "岚桥县人民政府关于做好2025年", "梓溪县人民政府办公室关于做好2027年"
    assert status(lanqiao, "三、加强森林防火") == "new" and status(lanqiao, "四、整治经营性自建房") == "new"
    assert status(ziqi, "五、做好防汛工作") == "new"
    assert status(lanqiao, "二、整治非煤矿山") != "new"  # continues 2023's 非煤矿山 item (5座 -> 2座)
