"""What analyst8 found (session 14) measuring where a report run's memory goes on large synthetic clause files
(tests/data/reports8/make_clauses.py) and running ``policytag tag`` on a new batch of documents as an analyst
(tests/data/reports8/, what each report should say written down in its EXPECTED.md before the CLI was run on them).
Every sentence there was written for these tests; every place, organ and company is invented.

* ``policytag tag --clauses c.jsonl -o t.jsonl`` (no --stream) on 10,000 clauses peaked at 457 MiB RSS (json 487,
  csv 437, md 304, html 302): after tagging (127 MiB for the tagged clauses) the whole output text was built as one
  string, held twice while its pieces were joined and once more encoded on the way to the file. The renderers now
  yield the report a row, a section or a notice at a time, written as they come (``cli.write_report``); standard
  output gets them once all are rendered, spooled to a temporary file past 8 MiB, so a failure still
  writes nothing there. Peak 268–279 MiB for every format; every output byte for byte as before.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_synth import synthetic_report

from policytag.cli import main
from policytag.inference import cli, render_html, render_md, render_rows  # noqa: F401 (imported before measuring)
from policytag.inference.render_md import strip_pieces

FORMATS = ("jsonl", "json", "csv", "md", "html")


@pytest.fixture(scope="module")
def big_report():
    """A report of 3,200 synthetic clauses (200 notices of 100 invented governments, two years each)."""
    return synthetic_report(200)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_written_report_is_never_held_whole(big_report, fmt, tmp_path):
    """Writing the report to a file never holds its text whole (main built it whole: its peak was at least twice
    the text, its lines and their join), and the file reads as the text rendered whole."""
    out = tmp_path / f"r.{fmt}"
    tracemalloc.start()
    try:
        cli.write_report(big_report, fmt, str(out), bom=fmt == "csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    text = out.read_text(encoding="utf-8")
    assert text == ("\ufeff" if fmt == "csv" else "") + cli.render(big_report, fmt)
    assert len(text) > 500_000  # large enough for the bound to mean something
    held = sys.getsizeof(text)  # the text held once (main held it at least twice: its pieces and their join)
    assert peak < held, f"{fmt}: peak {peak:,} B while writing a text of {held:,} B"


@pytest.mark.parametrize("fmt", ("md", "csv"))
def test_standard_output_spooled_past_the_limit_reads_exactly_as_rendered(fmt, capsys, monkeypatch):
    """Past ``STDOUT_SPOOL_BYTES`` the pieces wait in a temporary file: stdout still gets the text exactly
    (carriage returns inside a clause stay as they are: no line-end translation on the way through the file)."""
    report = synthetic_report(60)
    first = report.notices[0].tagged[0].clause
    object.__setattr__(first, "text", first.text + "\r甲\r\n乙")  # (a frozen record: changed for this report only)
    monkeypatch.setattr(cli, "STDOUT_SPOOL_BYTES", 10_000)
    cli.write_report(report, fmt, None)
    got = capsys.readouterr().out
    assert len(got) > 100_000 and "\r甲\r\n乙" in got
    assert got == cli.render(report, fmt)


def test_nothing_reaches_standard_output_when_rendering_fails(big_report, capsys, monkeypatch):
    """A failure part-way through rendering writes nothing to stdout (the text is written once all is rendered),
    spooled or not."""
    def failing(report, fmt):
        yield "x" * 20_000
        raise RuntimeError("render failed")

    monkeypatch.setattr(cli, "STDOUT_SPOOL_BYTES", 10_000)
    monkeypatch.setattr(cli, "render_pieces", failing)
    with pytest.raises(RuntimeError):
        cli.write_report(big_report, "md", None)
    assert capsys.readouterr().out == ""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" \n\t\u3000a甲", max_size=6), max_size=8))
def test_pieces_stripped_read_as_the_text_stripped(pieces):
    """The Markdown is ``"\\n".join(lines).strip()`` of every section; stripped a piece at a time it is the same."""
    assert "".join(strip_pieces(pieces)) == "".join(pieces).strip()


DATA = Path(__file__).parent / "data" / "reports8"
WIND = "四、加强风电场建设施工安全。对在建风电项目吊装作业开展专项检查，督促施工单位落实起重作业安全措施。"
NAADAM = "四、加强那达慕大会安全保障。大会期间对赛马场看台、临时帐篷开展消防安全检查。"


def test_a_lead_naming_a_sector_is_no_revision_of_a_clause_on_another():
    """查干敖包旗 2027's 四、 (建筑施工, named in its lead) against 2026's 四、 (那达慕, whose lead names no sector and
    whose body names 消防): another subject in the same frame, so no pair; read "revised (0.19)" on main. A
    clause whose lead names none still pairs with one naming a sector it shares, and two leads naming none pair."""
    from policytag.inference.align import different_subjects
    from policytag.inference.yoy import subject_reader
    from policytag.taxonomy import load_taxonomy

    read = subject_reader(load_taxonomy())
    assert different_subjects([WIND], [NAADAM], read).tolist() == [[True]]
    assert different_subjects([NAADAM], [WIND], read).tolist() == [[True]]
    shared = "四、加强节庆活动安全保障。对临时搭建的看台和舞台开展建筑施工安全检查。"
    assert different_subjects([WIND], [shared], read).tolist() == [[False]]
    assert different_subjects(["一、落实安全生产责任。层层签订责任书。"], [NAADAM], read).tolist() == [[False]]


def test_the_banner_s_new_item_is_new_and_last_year_s_dropped(tmp_path):
    """The analyst's year pair (EXPECTED.md): 2027's 四、 风电 is new, 2026's 四、 那达慕 dropped; the rest as before."""
    out = tmp_path / "c.jsonl"
    with contextlib.redirect_stderr(io.StringIO()):
        code = main(["tag", str(DATA / "chagan_banner_2027.txt"), str(DATA / "chagan_banner_2026.txt"), "--year", "2027",
                     "--model", "default", "-o", str(out)])
    assert code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    status = {r["text"][:2]: r["novelty"]["status"] for r in rows}
    assert status == {"一、": "carried_over", "二、": "carried_over", "三、": "carried_over", "四、": "new",
                      "五、": "carried_over"}
    md = tmp_path / "c.md"
    with contextlib.redirect_stderr(io.StringIO()):
        main(["tag", str(DATA / "chagan_banner_2027.txt"), str(DATA / "chagan_banner_2026.txt"), "--year", "2027",
              "--model", "default", "-o", str(md)])
    dropped = md.read_text(encoding="utf-8").split("## 删去内容")[1].split("##")[0]
    assert "Dropped: 1 clause" in dropped and "那达慕" in dropped


def _enterprise_report():
    """Two counties' annual notices and a state-owned group's 工作要点 (level 基层及其他), tagged as given."""
    from report_synth import _doc, _tagged

    from policytag.inference.report import build_report
    from policytag.taxonomy import load_taxonomy

    coal = ("深化所属煤矿重大灾害治理，年底前完成防冲能力评估。", ("coal_mine",), ("hazard_remediation",))
    fire = ("开展草原防火巡护，严控野外用火。", ("forest_grassland_fire",), ("responsibility",))
    road = ("排查牧区道路急弯陡坡，完善警示标志。", ("road_transport",), ("hazard_remediation",))
    a = _doc("a", "查干敖包旗人民政府", "查干敖包旗", "county", "annual_notice", 2027)
    b = _doc("b", "哈日努尔旗人民政府", "哈日努尔旗", "county", "annual_notice", 2027)
    firm = _doc("f", "岚江能源集团有限公司", None, "department", "work_points", 2027,
                title="岚江能源集团有限公司2027年安全生产工作要点")
    tagged = _tagged(a, [fire, road]) + _tagged(b, [road, fire]) + _tagged(firm, [coal, coal, fire])
    return build_report([a, b, firm], tagged, load_taxonomy(), "test")


def test_an_enterprise_is_not_called_a_government():
    """岚江能源集团有限公司's 工作要点 beside governments' annual notices: the note read "岚江能源集团有限公司 is the only
    基层及其他 government"; it is a company, tested against the governments' documents as if it were one, and the
    note now says so (Markdown and HTML)."""
    from policytag.inference.render_html import render_html
    from policytag.inference.render_md import render_md

    report = _enterprise_report()
    for text in (render_md(report), render_html(report)):
        assert "岚江能源集团有限公司 is the only" not in text
        assert "岚江能源集团有限公司 is an enterprise, not a government" in text


def test_another_government_s_baseline_is_named_not_its_year_alone(tmp_path):
    """查干敖包旗 2027 --compare-with the 盟's 2027 notice: headings and columns read "vs 2027", "Emphasis compared with
    2027", "Dropped: 8 clauses of 2027" beside a 2027 notice, as if its own year; they now name the 盟's notice. The
    旗's own 2026 notice chosen with --compare-with is still named by its year."""
    import html as htmllib

    def tag(baseline: str, fmt: str) -> str:
        out = tmp_path / f"{baseline}.{fmt}"
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(["tag", str(DATA / "chagan_banner_2027.txt"), "--compare-with", str(DATA / f"{baseline}.txt"),
                         "--model", "default", "-o", str(out)]) == 0
        return htmllib.unescape(out.read_text(encoding="utf-8")) if fmt == "html" else out.read_text(encoding="utf-8")

    md = tag("wulantala_league_2027", "md")
    assert "| vs 乌兰塔拉盟行政公署 2027 |" in md and "| vs 2027 |" not in md
    assert "Emphasis compared with 乌兰塔拉盟行政公署 2027" in md and "clauses of 乌兰塔拉盟行政公署 2027 that no clause" in md
    assert "Emphasis compared with 乌兰塔拉盟行政公署 2027" in tag("wulantala_league_2027", "html")
    own = tag("chagan_banner_2026", "md")
    assert "| vs 2026 |" in own and "Emphasis compared with 2026" in own
