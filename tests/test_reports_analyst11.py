"""What analyst11 found (session 17) running ``policytag tag`` as a researcher streaming many clauses and as an analyst
comparing governments (tests/data/reports11/, what each report should say written down in its EXPECTED.md before the
CLI was run on them). Every sentence there was written for these tests; every place and organ is invented.

* A resumed ``--stream`` run logged off a terminal said ``60,000 clauses tagged in 45 s``: no total, no share, and
  the interrupted run's rows not counted. It now says ``160,000 of 200,000 clauses tagged (80%) in 45 s (1,333
  clauses/s, about 30 s left, 100,000 of them by the interrupted run)``, as a fresh run does.
* A bare clause file (no issuer, level or genre in its rows) holding a province's 2026 notice and a city's 2027 one
  was compared year over year ("compared with the 2026 notice", "New this year") with nothing saying that only the
  years paired them: the header and the index now say "paired by year alone".
* Several unnamed documents of one year were added up into one column of the year trend (two governments' 2026
  notices as one 2026), although the year-over-year pairing refuses to pick one of them: no trend then, and a line
  says why; the index said "none in the input" where the input held two candidates.
* SIGTERM (a scheduler's time limit, ``timeout``, ``kill PID``) ended a streamed run without a word: it now ends it as
  Ctrl-C does (one line naming OUT.partial and --resume; exit 143).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import TEST_DATA

from report_cli import run as _run, tag as _tag

DATA = TEST_DATA / "reports11"


# -- --stream --resume: the progress log -------------------------------------------------------------------------
def _clause_rows(path: Path, n: int) -> Path:
    """``n`` clause rows of recombined invented items (no metadata: the streaming path alone is under test)."""
    subjects = ("尾矿库", "城镇燃气", "危险化学品仓库", "渡口渡船", "烟花爆竹零售网点", "建筑工地塔吊")
    actions = ("开展全覆盖安全检查，建立问题隐患清单。", "落实企业主体责任，主要负责人签订承诺书。",
               "组织一次应急演练，6月底前完成。")
    path.write_text("".join(json.dumps({"id": f"r{i:04d}", "doc_id": f"d{i // 20}",
                                        "text": f"对{subjects[i % 6]}{actions[i % 3]}"}, ensure_ascii=False) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def test_a_resumed_stream_logs_done_of_total_and_rate_and_ends_as_an_uninterrupted_run(tmp_path, monkeypatch):
    """Interrupted (Ctrl-C after the 4th batch of 10: exit 130, the rows kept in OUT.partial), then resumed off a
    terminal with a line per batch: each line counts the interrupted run's 40 rows in the done and names the total
    (``50 of 120 clauses tagged (42%)``), the rate and how many rows the interrupted run wrote; the output is the
    uninterrupted run's, byte for byte. On main a resumed run's lines named no total ("10 clauses tagged in 0 s")."""
    import policytag.inference.stream_cli as stream_cli

    source = _clause_rows(tmp_path / "c.jsonl", 120)
    out, whole = tmp_path / "t.jsonl", tmp_path / "whole.jsonl"
    real = stream_cli.log_progress

    class Interrupt(stream_cli.LogProgress):
        def __call__(self, written: int) -> None:  # Ctrl-C once 40 rows are durably written
            if written >= 40:
                raise KeyboardInterrupt

    monkeypatch.setattr(stream_cli, "log_progress", lambda total: Interrupt(total))
    code, said = _run(["tag", "--clauses", str(source), "--stream", "--batch-size", "10", "-o", str(out)])
    assert code == 130 and "--resume continues" in said and not out.exists(), said
    assert len(Path(f"{out}.partial").read_text(encoding="utf-8").splitlines()) == 40

    monkeypatch.setattr(stream_cli, "log_progress", real)
    monkeypatch.setattr(stream_cli, "LOG_EVERY_S", 0.0)  # a line for every batch
    code, said = _run(["tag", "--clauses", str(source), "--resume", "--batch-size", "10", "-o", str(out)])
    assert code == 0, said
    lines = [x for x in said.splitlines() if "clauses tagged" in x]
    counts = [int(m.group(1)) for x in lines if (m := re.search(r"policytag: (\d+) of 120 clauses tagged \(\d+%\)", x))]
    assert counts == list(range(50, 121, 10)), said  # the 40 earlier rows counted, of the whole input
    assert all("clauses/s" in x and "40 of them by the interrupted run" in x for x in lines), said
    assert "(40 already written, resumed)" in said, said

    code, said = _run(["tag", "--clauses", str(source), "--stream", "--batch-size", "10", "-o", str(whole)])
    assert code == 0, said
    assert out.read_bytes() == whole.read_bytes()  # nothing lost, nothing twice, in input order


def test_sigterm_ends_a_streamed_run_as_ctrl_c_does_and_resume_continues(tmp_path, monkeypatch):
    """SIGTERM (a scheduler's time limit, ``timeout``, ``kill PID``; a script's ``&`` job ignores ``kill -INT``) after
    the 4th batch of 10: one line naming OUT.partial and --resume, exit 143, the 40 rows kept and SIGTERM's handler
    put back; --resume then writes the rest. On main SIGTERM reached the process' handler (here the test's, standing
    for the default that ended the run without a word)."""
    import signal

    import policytag.inference.stream_cli as stream_cli

    def unhandled(signum, frame):
        raise RuntimeError("SIGTERM was not handled by the streaming run")

    class Terminate(stream_cli.LogProgress):
        def __call__(self, written: int) -> None:
            if written >= 40:
                signal.raise_signal(signal.SIGTERM)

    source = _clause_rows(tmp_path / "c.jsonl", 120)
    out = tmp_path / "t.jsonl"
    previous = signal.signal(signal.SIGTERM, unhandled)
    try:
        monkeypatch.setattr(stream_cli, "log_progress", lambda total: Terminate(total))
        code, said = _run(["tag", "--clauses", str(source), "--stream", "--batch-size", "10", "-o", str(out)])
        assert signal.getsignal(signal.SIGTERM) is unhandled  # put back when the run ended
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert code == 143 and f"policytag: terminated; the rows written so far are in {out}.partial" in said, said
    assert "--resume continues" in said and not out.exists(), said
    assert len(Path(f"{out}.partial").read_text(encoding="utf-8").splitlines()) == 40
    monkeypatch.undo()
    code, said = _run(["tag", "--clauses", str(source), "--resume", "--batch-size", "10", "-o", str(out)])
    assert code == 0, said
    ids = [json.loads(x)["clause_id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"r{i:04d}" for i in range(120)]


def test_a_stream_log_line_gives_the_rate_and_the_time_left():
    """A fresh run's line: done of total, the share, the rate and a rough time left; a resumed run's adds the rows of
    the interrupted run to the done and says how many they were."""
    from policytag.inference.stream_cli import LogProgress

    log = LogProgress(200_000)
    line = log.line(50_000, log.start + 40.0)
    assert line == "policytag: 50,000 of 200,000 clauses tagged (25%) in 40 s (1,250 clauses/s, about 2 min left)"
    log.resumed(100_000)
    line = log.line(50_000, log.start + 40.0)
    assert line == ("policytag: 150,000 of 200,000 clauses tagged (75%) in 40 s (1,250 clauses/s, about 40 s left, "
                    "100,000 of them by the interrupted run)")
    assert LogProgress(None).line(10, LogProgress(None).start + 5) .startswith("policytag: 10 clauses tagged in 5 s")
    # the rate is of the tagging since the first batch, not of the start-up before it: a resumed run read past its
    # 25,088 rows written for 28 s, and its first line said "34 clauses/s, about 12 min left" where it tagged 213
    log = LogProgress(50_000)
    log.resumed(25_088)
    log.first = (log.start + 28.0, 256)
    line = log.line(256 + 213 * 30, log.start + 58.0)
    assert "(213 clauses/s, about 86 s left, 25,088 of them by the interrupted run)" in line, line


# -- governments compared as if they were one ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def province_and_city(tmp_path_factory) -> str:
    """The Markdown report of 岚川省's 2026 notice and 青崖市's 2027 one, read as notices (metadata known)."""
    tmp = tmp_path_factory.mktemp("pc")
    return _tag(tmp, [str(DATA / "lanchuan_province_2026.txt"), str(DATA / "qingya_city_2027.txt")], "pc.md")


def test_a_province_2026_and_a_city_2027_make_no_year_over_year_claim(province_and_city):
    """Two governments' notices of successive years: neither is the other's past (each "none in the input", no
    "New this year"), no pooled trend, and the across rows show each level and year with a note that they span
    2026–2027 (what the brief feared: "compared different governments as if they were one")."""
    md = province_and_city
    index = md.split("## 年度趋势")[0]
    assert index.count("— none in the input") == 2, index
    assert "New this year" not in md and "compared with the 2026" not in md
    assert "no pooled trend" in md
    assert "| 岚川省人民政府 | 省级 | 2026 |" in md and "| 青崖市人民政府 | 市级 | 2027 |" in md
    assert "the rows span 2026–2027" in md


def test_a_bare_clause_file_of_two_governments_is_compared_by_year_alone_and_says_so(tmp_path):
    """The same two notices as clause rows naming no issuer: paired by their years (the documented reading of a bare
    clause file), and the header, the index and the trend table now say so; with the rows' issuer, region, level and genre (as
    ``policytag segment`` writes them) no comparison at all. Fails on main: nothing said "by year alone"."""
    md = _tag(tmp_path, ["--clauses", str(DATA / "two_governments_bare.jsonl")], "bare.md")
    assert "compared with the 2026 notice (5 clauses; paired by year alone: neither document names its issuer" in md, md
    assert "| the 2026 notice (by year alone: no issuer named) |" in md, md.split("## 年度趋势")[0]
    trend = md.split("## 年度趋势")[1].split("\n# ")[0]
    assert "| 2026 | 2027 |" in trend and "their years are read as one series by year alone" in trend, trend

    named = tmp_path / "named.jsonl"
    meta = {"lanchuan-2026": ("岚川省人民政府", "岚川省", "province"), "qingya-2027": ("青崖市人民政府", "青崖市", "city")}
    rows = [json.loads(x) for x in (DATA / "two_governments_bare.jsonl").read_text(encoding="utf-8").splitlines()]
    named.write_text("".join(json.dumps({**r, **dict(zip(("issuer", "region", "level"), meta[r["doc_id"]])),
                                         "genre": "annual_notice"}, ensure_ascii=False) + "\n" for r in rows),
                     encoding="utf-8")
    md = _tag(tmp_path, ["--clauses", str(named)], "named.md")
    assert "by year alone" not in md and "New this year" not in md
    assert md.split("## 年度趋势")[0].count("— none in the input") == 2


def test_several_unnamed_documents_of_a_year_draw_no_pooled_trend(tmp_path):
    """Each document of the bare clause file twice under another id (two unnamed documents of 2026, two of 2027):
    the year-over-year pairing picks none (said before), and now the trend does not add the two 2026 documents up
    into one column either, and the index says the predecessor is unknown rather than "none in the input". Fails
    on main: a 2026 | 2027 trend table of 10 clauses a year."""
    rows = [json.loads(x) for x in (DATA / "two_governments_bare.jsonl").read_text(encoding="utf-8").splitlines()]
    source = tmp_path / "four.jsonl"
    source.write_text("".join(json.dumps({**r, "id": f"{k}-{r['id']}", "doc_id": f"{k}-{r['doc_id']}"},
                                         ensure_ascii=False) + "\n" for k in ("a", "b") for r in rows), encoding="utf-8")
    md = _tag(tmp_path, ["--clauses", str(source)], "four.md")
    trend = md.split("## 年度趋势")[1].split("\n## ")[0].split("\n# ")[0]
    assert "| 2026 | 2027 |" not in trend, trend
    assert "no year trend: the input holds 2 documents of 2026 and names no issuer" in trend, trend
    index = md.split("## 年度趋势")[0]
    assert index.count("— unknown: several earlier documents name no issuer") == 2, index
