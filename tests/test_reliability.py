"""One test per row of issue 13's table: special output files, the same notice twice, decimal item
numbers, traditional characters, a very long clause, messages that say what is wrong, exit codes
and output shapes. (The traceback row is the bad-input suite, tests/test_bad_inputs.py.)"""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from policytag import PROJECT_ROOT, PolicytagError
from policytag.cli import main
from policytag.corpus.segment import segment_paths
from policytag.io import _umask, atomic_dir, atomic_write, check_output_path
from conftest import CORPUS_FILE

CORPUS = CORPUS_FILE  # (the name other code in this module uses)


def notice_2026() -> str:
    """The raw text of the 2026 notice (the last one in the corpus file), from its issuer line on."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    title = max(i for i, line in enumerate(lines) if "2026" in line and "通知" in line and "关于" in line)
    return "\n".join(lines[title - 1:]) + "\n"


def n_2026() -> int:
    """Clauses of the 2026 notice as the segmenter reads it today (counted, not hard-coded: the
    segmenter's rules for sub-items change the count, and these tests are about outputs)."""
    from policytag.corpus.segment import segment_text

    return sum(len(cs) for _, cs in segment_text(notice_2026(), "n.txt"))


@pytest.fixture(scope="module")
def kw_run(tmp_path_factory) -> Path:
    from policytag.models.keyword import KeywordTagger
    from policytag.models.runs import save_run
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    clauses = segment_paths([CORPUS]).clauses[:80]
    labels = [Labels((taxonomy.sector.ids[0],), (taxonomy.measure_type.ids[0],)) for _ in clauses]
    return save_run(KeywordTagger().fit(clauses, labels), tmp_path_factory.mktemp("runs") / "kw",
                    {"name": "kw", "model": {"type": "keyword"}}, {}, "test")


@pytest.fixture()
def notice(tmp_path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(notice_2026(), encoding="utf-8")
    return path


def _read_fifo(path: Path, sink: list) -> threading.Thread:
    def reader():
        with open(path, "rb") as fh:
            sink.append(fh.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


# --- row 1: -o to a special file ---------------------------------------------------------------------
def test_atomic_write_streams_through_a_fifo_and_a_link_to_it(tmp_path):
    fifo = tmp_path / "stdout-like"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    for target in (fifo, link):
        got: list[bytes] = []
        thread = _read_fifo(fifo, got)
        with atomic_write(target) as fh:
            fh.write("第一行\n第二行\n")
        thread.join(10)
        assert got == ["第一行\n第二行\n".encode("utf-8")]
        assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced by a regular file"
        assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "stdout-like"]  # no temporaries


def test_failed_write_to_a_fifo_writes_nothing(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(RuntimeError):
        with atomic_write(fifo) as fh:
            fh.write("half")
            raise RuntimeError("fail mid-way")
    # nothing was opened on the FIFO: opening it for reading without a writer must not see data
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert os.read(fd, 10) == b""
    finally:
        os.close(fd)


def test_tag_to_a_fifo_keeps_it_a_fifo(notice, kw_run, tmp_path, capsys):
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _read_fifo(fifo, got)
    assert main(["tag", str(notice), "--model", str(kw_run), "-o", str(fifo)]) == 0
    thread.join(20)
    rows = [json.loads(line) for line in got[0].decode("utf-8").splitlines()]
    assert len(rows) == n_2026() and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dev_stdout_into_a_pipe_and_an_appended_file(notice, tmp_path):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "policytag.cli", "segment", str(notice), "-o", "/dev/stdout"]
    piped = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0 and len(piped.stdout.splitlines()) == n_2026(), piped.stderr
    log = tmp_path / "log.jsonl"
    log.write_text("earlier line\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as fh:  # like `policytag … -o /dev/stdout >> log.jsonl`
        assert subprocess.run(cmd, stdout=fh, timeout=120).returncode == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier line" and len(lines) == 34  # appended through, not replaced


def test_sockets_are_refused_before_any_work(tmp_path):
    import socket

    path = tmp_path / "sock"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(path))
        with pytest.raises(PolicytagError, match="special file"):
            check_output_path(path)
    finally:
        s.close()


def test_a_symlink_to_a_regular_file_keeps_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as fh:
        fh.write("new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_umask_is_respected_and_never_changed(tmp_path):
    old = os.umask(0o027)
    try:
        assert _umask() == 0o027
        assert os.umask(0o027) == 0o027  # _umask() left it as it was
        with atomic_write(tmp_path / "f.txt") as fh:
            fh.write("x")
        with atomic_dir(tmp_path / "run") as d:
            (d / "a").write_text("x", encoding="utf-8")
        assert stat.S_IMODE(os.stat(tmp_path / "f.txt").st_mode) == 0o640
        assert stat.S_IMODE(os.stat(tmp_path / "run").st_mode) == 0o750  # not mkdtemp's 0700
    finally:
        os.umask(old)


# --- row 2: the same notice twice ----------------------------------------------------------------------
def _write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)


def _write_pdf(path: Path, text: str, width: int = 38) -> None:
    """A real PDF with a text layer, wrapped at a fixed width like the published notices."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    y = 800
    for line in text.splitlines():
        for k in range(0, max(len(line), 1), width):
            if y < 60:
                c.showPage()
                y = 800
            c.setFont("STSong-Light", 12)
            c.drawString(40, y, line[k:k + width])
            y -= 18
    c.save()


def test_txt_pdf_docx_of_one_notice_are_tagged_once(tmp_path, kw_run, capsys):
    text = notice_2026()
    folder = tmp_path / "notices"
    folder.mkdir()
    # read in name order (.docx, .pdf, .txt); the plain text is the copy kept, whatever the order
    (folder / "notice.txt").write_text(text, encoding="utf-8")
    _write_pdf(folder / "notice.pdf", text)
    _write_docx(folder / "notice.docx", text)
    out = tmp_path / "tagged.jsonl"
    assert main(["tag", str(folder), "--model", str(kw_run), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "skipped 2 duplicate notices" in err
    assert "notice.pdf (= " in err and "notice.docx (= " in err and "notice.txt (=" not in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n_2026() and len({r["clause_id"] for r in rows}) == n_2026()
    assert [r["text"] for r in rows] == [c.text for c in segment_paths([folder / "notice.txt"]).clauses]
    # the summary counts every clause once as well
    assert main(["tag", str(folder), "--model", str(kw_run), "--format", "md"]) == 0
    md = capsys.readouterr().out
    n = n_2026()
    assert str(n) in md and str(2 * n) not in md and str(3 * n) not in md


def test_same_file_twice(notice, kw_run, capsys):
    assert main(["tag", str(notice), str(notice), "--model", str(kw_run)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == n_2026() and "skipped 1 duplicate notice" in captured.err
    assert main(["segment", str(notice), str(notice)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == n_2026()


def test_colliding_doc_ids_of_different_notices_get_content_hash_suffixes(tmp_path):
    text = notice_2026()
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    # same title and number (so the same doc_id), a different (here: shorter, edited) body
    lines = text.splitlines()
    draft = lines[:len(lines) // 3] + ["八、其他", "各地要结合实际，认真贯彻落实本通知要求。"] + lines[-3:]
    (tmp_path / "b.txt").write_text("\n".join(draft), encoding="utf-8")
    first = segment_paths([tmp_path])
    second = segment_paths([tmp_path])
    ids = [d.doc_id for d in first.documents]
    assert len(ids) == 2 and len(set(ids)) == 2 and ids[1].startswith(ids[0] + ".")
    assert ids == [d.doc_id for d in second.documents]  # deterministic
    assert all(c.clause_id.startswith(c.doc_id + "-") for c in first.clauses)
    assert len({c.clause_id for c in first.clauses}) == len(first.clauses)
    assert not first.duplicates


# --- row 4: decimal item numbers ---------------------------------------------------------------------
DECIMAL_NOTICE = """山西省人民政府
关于做好2030年安全生产工作的通知
晋政发〔2030〕1号
各市、县人民政府：
一、强化重点行业领域安全
1.煤矿安全。
1.1加强煤矿智能化改造，年底前再建成60座智能化煤矿，推进瓦斯、水害等重大灾害超前治理，
严格落实区域治理措施。
1.2强化非煤矿山安全整治，推动停用时间超过3年的尾矿库闭库治理销号。
2.危险化学品安全。
2.1推进化工园区安全整治提升，确保90%的化工园区达到较低安全风险等级。
2.1.1开展危险化学品重大危险源专项检查。
2.2深化油气长输管道保护。（省应急厅、省能源局负责）
二、提升应急处置能力
各级政府每年至少组织开展一次综合性应急演练。
山西省人民政府
2030年1月20日
"""


def test_decimal_item_numbers_at_their_own_depth(tmp_path):
    path = tmp_path / "decimal.txt"
    path.write_text(DECIMAL_NOTICE, encoding="utf-8")
    clauses = segment_paths([path]).clauses
    by_start = {c.text.split("加强")[0][:5]: c for c in clauses}
    texts = [c.text for c in clauses]
    assert [t[:5] for t in texts[:5]] == ["1.1加强", "1.2强化", "2.1推进", "2.1.1", "2.2深化"]
    one_one = clauses[0]
    assert one_one.text.endswith("严格落实区域治理措施。")  # the wrapped line joined, 1.2 not merged in
    assert one_one.heading_path == ("一、强化重点行业领域安全", "1.煤矿安全")
    assert clauses[3].heading_path[-1].startswith("2.1 推进")  # 2.1.1 sits under 2.1 (decimal heads are written "2.1 title")
    assert clauses[4].agencies == ("省应急厅", "省能源局")
    assert len({c.clause_id for c in clauses}) == len(clauses)
    assert by_start  # every clause has text


def test_decimal_numbers_inside_text_are_not_items():
    from policytag.corpus.clean import heading_level

    assert heading_level("1.5亿元用于隐患治理") is None
    assert heading_level("2.5%的企业完成改造") is None
    assert heading_level("1.1加强") == 3.25 and heading_level("1.1.1开展") == 3.5


# --- row 5: traditional characters -------------------------------------------------------------------
def test_traditional_2026_notice_segments_like_the_simplified_one(tmp_path):
    import opencc

    simplified = tmp_path / "simplified.txt"
    simplified.write_text(notice_2026(), encoding="utf-8")
    traditional = tmp_path / "traditional.txt"
    traditional.write_text(opencc.OpenCC("s2t").convert(notice_2026()), encoding="utf-8")
    assert "號" in traditional.read_text(encoding="utf-8")
    a, b = segment_paths([simplified]).documents, segment_paths([traditional]).documents
    ca, cb = segment_paths([simplified]).clauses, segment_paths([traditional]).clauses
    assert len(cb) == len(ca) == n_2026()
    assert b[0].doc_number == a[0].doc_number == "晋政发〔2026〕1号"
    assert b[0].title == a[0].title and b[0].title != ""
    assert [c.agencies for c in cb] == [c.agencies for c in ca]
    assert [c.text for c in cb] == [c.text for c in ca]


def test_traditional_clause_text_extracts_targets_and_agencies():
    from policytag.inference.extract import extract_agencies, extract_targets

    targets = extract_targets("各級政府每年至少組織開展一次演練，培訓時間不少於2周，覆蓋率達到100%。")
    assert [(t.value, t.unit, t.comparator) for t in targets] == [(1, "次", ">="), (2, "周", ">="), (100, "%", ">=")]
    assert extract_agencies("加強監管。（省應急廳、省公安廳等部門按職責分工負責）") == ["省应急厅", "省公安厅"]


# --- row 6: one very long clause ----------------------------------------------------------------------
def _long_text(n: int) -> str:
    base = "".join(c.text for c in segment_paths([CORPUS]).clauses)
    return (base * (n // len(base) + 1))[:n]


def test_extraction_of_a_5_mb_clause_is_fast_and_linear():
    from policytag.inference.extract import extract_deadlines, extract_targets

    def cost(text: str) -> float:
        start = time.process_time()  # CPU time: other jobs on the machine do not count
        extract_deadlines(text, 2026)
        extract_targets(text)
        return time.process_time() - start

    big = _long_text(5_000_000)
    seconds = cost(big)
    assert seconds < 5.0, f"5 MB clause took {seconds:.1f} s of CPU"
    small = cost(big[:1_250_000])
    assert seconds < 8 * max(small, 0.05), f"not linear: 1.25 MB {small:.2f} s, 5 MB {seconds:.2f} s"


# --- row 7: messages that say what is wrong ------------------------------------------------------------
@pytest.mark.parametrize("row, message", [
    ({"text": 42}, "'text' must be a string, got a number"),
    ({"text": ["a"]}, "'text' must be a string, got a list"),
    ({"text": None}, "missing 'text'"),
    ({"text": "年底前完成。", "agencies": "省应急厅"}, "'agencies' must be a list of strings, got a string"),
])
def test_clause_file_messages(tmp_path, kw_run, capsys, row, message):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["tag", "--clauses", str(path), "--model", str(kw_run)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_empty_run_json_is_called_corrupt_not_an_old_taxonomy(kw_run, tmp_path, capsys):
    import shutil

    run = Path(shutil.copytree(kw_run, tmp_path / "broken"))
    (run / "run.json").write_text("{}", encoding="utf-8")
    assert main(["tag", str(CORPUS), "--model", str(run)]) == 1
    err = capsys.readouterr().err
    assert "corrupt" in err and "version None" not in err


# --- row 8: exit codes and shapes ---------------------------------------------------------------------
def test_skip_bad_exits_1_when_something_was_skipped(notice, kw_run, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(empty), str(notice), "--model", str(kw_run), "--skip-bad", "-o", str(out)]) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == n_2026()  # the readable input is still written
    assert "warning: skipped" in capsys.readouterr().err


def test_option_errors_are_one_line_exit_2(capsys):
    assert main(["tag", "--threshold", "7", "x.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("policytag: error: tag: argument --threshold")


def test_output_suffix_implies_format(notice, kw_run, tmp_path, capsys):
    html = tmp_path / "r.html"
    assert main(["tag", str(notice), "--model", str(kw_run), "-o", str(html)]) == 0
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert main(["tag", str(notice), "--model", str(kw_run), "-o", str(tmp_path / "x.html"), "--format", "md"]) == 2
    assert not (tmp_path / "x.html").exists()
    csv_path = tmp_path / "r.csv"
    assert main(["tag", str(notice), "--model", str(kw_run), "-o", str(csv_path)]) == 0
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdoc_id,")  # UTF-8 BOM: Excel shows the Chinese text
    import csv
    import io

    assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))) == n_2026()
    capsys.readouterr()
    assert main(["tag", str(notice), "--model", str(kw_run), "--format", "csv", "--excel"]) == 0
    assert capsys.readouterr().out.startswith("\ufeffdoc_id,")


# =====================================================================================================
# Issue 21: never destroy an input, never mix runs (one test or more per row; rows 3 and 16 are in
# tests/test_backend_security.py, rows 13, 14, 15, 18 and 19 in the bad-input table)
# =====================================================================================================
def _one_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("policytag: error:")]
    assert len(lines) == 1, err
    return lines[0]


def _clause_file(path: Path, n: int = 30, prefix: str = "c", start: int = 0) -> Path:
    clauses = segment_paths([CORPUS]).clauses
    rows = [{"id": f"{prefix}{i:04d}", "text": clauses[i % len(clauses)].text, "doc_id": "d", "year": 2026}
            for i in range(start, start + n)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# --- row 1: -o naming an input, however spelled, is refused before any work ---------------------------
def _spellings(target: Path, tmp_path: Path) -> dict[str, str]:
    (tmp_path / "x").mkdir(exist_ok=True)
    link = tmp_path / f"link-{target.name}"
    link.symlink_to(target)
    hard = tmp_path / f"hard-{target.name}"
    os.link(target, hard)
    return {"same": str(target), "dotdot": str(tmp_path / "x" / ".." / target.name), "symlink": str(link),
            "hardlink": str(hard)}


@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
@pytest.mark.parametrize("command", ["segment", "tag", "tag-stream", "tag-clauses", "tag-clauses-stream",
                                     "tag-dir", "annotate-export"])
def test_output_that_is_an_input_is_refused(command, how, notice, kw_run, tmp_path, capsys):
    clauses = _clause_file(tmp_path / "clauses.jsonl")
    target = clauses if command.startswith("tag-clauses") else notice
    before = target.read_bytes()
    out = _spellings(target, tmp_path)[how]
    model = ["--model", str(kw_run)]
    argv = {"segment": ["segment", str(notice), "-o", out],
            "tag": ["tag", str(notice), *model, "-o", out],
            "tag-stream": ["tag", str(notice), *model, "--stream", "--format", "jsonl", "-o", out],
            "tag-clauses": ["tag", "--clauses", str(clauses), *model, "--format", "jsonl", "-o", out],
            "tag-clauses-stream": ["tag", "--clauses", str(clauses), *model, "--stream", "--format", "jsonl",
                                   "-o", out],
            "tag-dir": ["tag", str(tmp_path), *model, "--format", "jsonl", "-o", out, "--skip-bad"],
            "annotate-export": ["annotate", "export", str(notice), "-o", out]}[command]
    capsys.readouterr()
    assert main(argv) == 1
    line = _one_error(capsys.readouterr().err)
    assert "is the input file" in line and "destroy the input" in line, line
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.partial*")) and not list(tmp_path.glob(".*.tmp"))


def test_output_that_is_the_compare_with_baseline_is_refused(notice, kw_run, tmp_path, capsys):
    base = tmp_path / "base.txt"
    base.write_text(notice_2026().replace("2026", "2025"), encoding="utf-8")
    before = base.read_bytes()
    (tmp_path / "x").mkdir()
    assert main(["tag", str(notice), "--compare-with", str(base), "--model", str(kw_run), "--format", "md",
                 "-o", str(tmp_path / "x" / ".." / "base.txt")]) == 1
    assert "is the input file" in _one_error(capsys.readouterr().err) and base.read_bytes() == before


def test_an_output_beside_the_input_is_still_fine(notice, kw_run, tmp_path):
    assert main(["segment", str(notice), "-o", str(tmp_path / "notice.jsonl")]) == 0
    assert main(["tag", str(tmp_path), "--model", str(kw_run), "-o", str(tmp_path / "report.jsonl")]) == 0


# --- row 2: --resume refuses a partial output of another input, model or threshold --------------------
def _interrupted(argv: list[str], monkeypatch, after_batches: int = 2) -> None:
    """Run the streaming command and stop it (Ctrl-C) after some batches, as a kill would."""
    import policytag.inference.stream as stream

    real, calls = stream.tag_rows, {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > after_batches:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "tag_rows", flaky)
    assert main(argv) == 130
    monkeypatch.setattr(stream, "tag_rows", real)


@pytest.fixture()
def interrupted_a(kw_run, tmp_path, monkeypatch, capsys):
    a = _clause_file(tmp_path / "a.jsonl", n=60, prefix="a")
    out = tmp_path / "out.jsonl"
    _interrupted(["tag", "--clauses", str(a), "--model", str(kw_run), "--stream", "--batch-size", "10",
                  "-o", str(out)], monkeypatch)
    partial = tmp_path / "out.jsonl.partial"
    assert partial.exists() and len(partial.read_text(encoding="utf-8").splitlines()) == 20
    assert (tmp_path / "out.jsonl.partial.meta.json").exists()
    capsys.readouterr()
    return a, out, partial


def test_resume_refuses_another_input(interrupted_a, kw_run, tmp_path, capsys):
    a, out, partial = interrupted_a
    b = _clause_file(tmp_path / "b.jsonl", n=10, prefix="b")
    before = partial.read_bytes()
    assert main(["tag", "--clauses", str(b), "--model", str(kw_run), "--resume", "-o", str(out)]) == 1
    line = _one_error(capsys.readouterr().err)
    assert "cannot resume a different run" in line and "input" in line and "b.jsonl" in line, line
    assert partial.read_bytes() == before and not out.exists()  # nothing appended, nothing finished


def test_resume_refuses_an_input_changed_in_place(interrupted_a, kw_run, tmp_path, capsys):
    a, out, _ = interrupted_a
    _clause_file(a, n=60, prefix="z")  # same path, other rows
    assert main(["tag", "--clauses", str(a), "--model", str(kw_run), "--resume", "-o", str(out)]) == 1
    assert "changed (its first rows differ)" in _one_error(capsys.readouterr().err)


def test_resume_refuses_another_model_and_threshold(interrupted_a, kw_run, tmp_path, capsys):
    import shutil

    a, out, _ = interrupted_a
    assert main(["tag", "--clauses", str(a), "--model", str(kw_run), "--resume", "--threshold", "0.3",
                 "-o", str(out)]) == 1
    assert "option threshold" in _one_error(capsys.readouterr().err)
    from policytag.models.keyword import KeywordTagger
    from policytag.models.runs import save_run
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    tax = load_taxonomy()
    clauses = segment_paths([CORPUS]).clauses[:40]
    other = save_run(KeywordTagger().fit(clauses, [Labels((tax.sector.ids[1],), (tax.measure_type.ids[1],))] * 40),
                     tmp_path / "other-run", {"name": "other", "model": {"type": "keyword"}}, {}, "test")
    assert main(["tag", "--clauses", str(a), "--model", str(other), "--resume", "-o", str(out)]) == 1
    assert "model" in _one_error(capsys.readouterr().err)
    shutil.rmtree(other)


def test_resume_of_the_same_run_and_of_a_grown_input(interrupted_a, kw_run, tmp_path, capsys):
    a, out, partial = interrupted_a
    with a.open("a", encoding="utf-8") as fh:  # rows appended since the interruption: tagged now
        fh.write(json.dumps({"id": "a9999", "text": "年底前完成隐患整改。", "doc_id": "d"}, ensure_ascii=False) + "\n")
    assert main(["tag", "--clauses", str(a), "--model", str(kw_run), "--resume", "-o", str(out)]) == 0
    ids = [json.loads(x)["clause_id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{i:04d}" for i in range(60)] + ["a9999"]
    assert not partial.exists() and not (tmp_path / "out.jsonl.partial.meta.json").exists()


def test_resume_refuses_a_partial_of_an_older_row_format(interrupted_a, kw_run, tmp_path, capsys):
    """Rows gained ``date`` (format 2): a partial written by the policytag before it is not continued
    with rows of another layout (a Parquet one would fail when its parts are joined)."""
    a, out, partial = interrupted_a
    meta = tmp_path / "out.jsonl.partial.meta.json"
    record = json.loads(meta.read_text(encoding="utf-8"))
    meta.write_text(json.dumps({**record, "format_version": 1}), encoding="utf-8")
    before = partial.read_bytes()
    assert main(["tag", "--clauses", str(a), "--model", str(kw_run), "--resume", "-o", str(out)]) == 1
    line = _one_error(capsys.readouterr().err)
    assert "row format" in line and "format 1" in line and "delete it" in line, line
    assert partial.read_bytes() == before and not out.exists()


def test_resume_refuses_a_partial_without_a_record(kw_run, tmp_path, capsys):
    a = _clause_file(tmp_path / "a.jsonl", n=5)
    out = tmp_path / "o.jsonl"
    (tmp_path / "o.jsonl.partial").write_text('{"clause_id": "zz", "model_version": "x"}\n', encoding="utf-8")
    assert main(["tag", "--clauses", str(a), "--model", str(kw_run), "--resume", "-o", str(out)]) == 1
    assert "no record of the run that wrote it" in _one_error(capsys.readouterr().err)


# --- row 4: outputs keep the mode of the file they replace; read-only needs --force -------------------
@pytest.mark.parametrize("command", ["segment", "tag", "tag-stream"])
def test_replaced_output_keeps_its_mode_and_read_only_needs_force(command, notice, kw_run, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    argv = {"segment": ["segment", str(notice)],
            "tag": ["tag", str(notice), "--model", str(kw_run)],
            "tag-stream": ["tag", str(notice), "--model", str(kw_run), "--stream"]}[command] + ["-o", str(out)]
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o600)
    assert main(argv) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text(encoding="utf-8") != "old\n"
    out.write_text("keep\n", encoding="utf-8")
    os.chmod(out, 0o444)
    capsys.readouterr()
    assert main(argv) == 1  # root could write it anyway: the mode bits decide
    line = _one_error(capsys.readouterr().err)
    assert "read-only" in line and "--force" in line and "0444" in line
    assert out.read_text(encoding="utf-8") == "keep\n"
    assert main(argv + ["--force"]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o444 and out.read_text(encoding="utf-8") != "keep\n"


def test_atomic_write_keeps_the_mode_and_new_files_get_the_umask(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text("x", encoding="utf-8")
    os.chmod(old, 0o640)
    with atomic_write(old) as fh:
        fh.write("y")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    with atomic_write(tmp_path / "new.txt") as fh:
        fh.write("z")
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o666 & ~_umask()
    check_output_path(tmp_path / "new.txt")  # writable: fine
    os.chmod(old, 0o444)
    with pytest.raises(PolicytagError, match="read-only"):
        check_output_path(old)
    check_output_path(old, force=True)


# --- row 5: JSONL is split on "\n" only ---------------------------------------------------------------
@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])  # C0 controls cannot be raw in JSON
def test_unicode_line_breaks_inside_json_strings(sep, stream, kw_run, tmp_path, capsys):
    text = f"各地要在年底前完成隐患整改。{sep}落实企业主体责任。"
    src = tmp_path / "c.jsonl"
    rows = [{"id": "a", "text": text}, {"id": "b", "text": "加强煤矿安全监管。"}]
    # ensure_ascii=False: the separators stay raw characters, valid inside a JSON string
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert sep in src.read_text(encoding="utf-8")
    out = tmp_path / "o.jsonl"
    argv = ["tag", "--clauses", str(src), "--model", str(kw_run), "-o", str(out), "--skip-bad"]
    assert main(argv + (["--stream"] if stream else [])) == 0, capsys.readouterr().err
    got = [json.loads(line) for line in out.read_bytes().decode("utf-8").split("\n") if line]
    assert [r["clause_id"] for r in got] == ["a", "b"]
    assert got[0]["text"] == text.strip()


# --- row 6: a stream that fails before its first row leaves no .partial -------------------------------
@pytest.mark.parametrize("bad", ["broken.parquet", "badfirst.jsonl"])
def test_failed_stream_leaves_no_empty_partial(bad, kw_run, tmp_path, capsys):
    src = tmp_path / bad
    if bad.endswith(".parquet"):
        src.write_bytes(b"PAR1 this is not parquet")
    else:
        src.write_text('{"id": "a", "text": 42}\n', encoding="utf-8")
    out = tmp_path / ("out.parquet" if bad.endswith(".parquet") else "out.jsonl")
    assert main(["tag", "--clauses", str(src), "--model", str(kw_run), "--stream", "-o", str(out)]) == 1
    _one_error(capsys.readouterr().err)
    assert not list(tmp_path.glob("out.*")), list(tmp_path.glob("out.*"))
    good = _clause_file(tmp_path / "good.jsonl", n=5)
    assert main(["tag", "--clauses", str(good), "--model", str(kw_run), "--stream", "-o", str(out)]) == 0
    assert out.exists() and not list(tmp_path.glob("out.*.partial*"))


def test_an_empty_partial_left_by_an_older_run_is_not_in_the_way(kw_run, tmp_path):
    good = _clause_file(tmp_path / "good.jsonl", n=5)
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_bytes(b"")
    assert main(["tag", "--clauses", str(good), "--model", str(kw_run), "--stream", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


# --- row 7: one broken run does not hide the others ---------------------------------------------------
def test_a_broken_run_in_runs_does_not_hide_a_good_one(notice, tmp_path, monkeypatch, capsys):
    import shutil

    from policytag.models.runs import save_run
    from policytag.models.tfidf import TfidfTagger
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    tax = load_taxonomy()
    clauses = segment_paths([CORPUS]).clauses[:120]
    labels = [Labels((tax.sector.ids[i % 3],), (tax.measure_type.ids[i % 2],)) for i in range(len(clauses))]
    runs = tmp_path / "runs"
    good = save_run(TfidfTagger(min_df=1).fit(clauses, labels), runs / "good", {"name": "good"},
                    {"dev": {"sector": {"macro_f1": 0.5}, "measure_type": {"macro_f1": 0.5}}}, "test")
    broken = Path(shutil.copytree(good, runs / "broken"))  # ranked first, its model unreadable
    (broken / "metrics.json").write_text(json.dumps({"dev": {"sector": {"macro_f1": 0.9},
                                                            "measure_type": {"macro_f1": 0.9}}}), encoding="utf-8")
    for f in (broken / "model").iterdir():
        f.write_bytes(b"\x00garbage")
    (runs / "truncated").mkdir()
    (runs / "truncated" / "run.json").write_text('{"name": "trunc', encoding="utf-8")
    monkeypatch.setenv("POLICYTAG_RUNS", str(runs))
    out = tmp_path / "t.jsonl"
    assert main(["tag", str(notice), "-o", str(out)]) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "skipping" in err and "broken" in err
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["model_version"].startswith("good@")


# --- row 8: a Parquet clause file without --stream ----------------------------------------------------
def test_parquet_clauses_without_stream(kw_run, tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = _clause_file(tmp_path / "c.jsonl", n=12)
    rows = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["tag", "--clauses", str(tmp_path / "c.parquet"), "--model", str(kw_run), "-o", str(a)]) == 0
    assert main(["tag", "--clauses", str(src), "--model", str(kw_run), "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert main(["tag", "--clauses", str(tmp_path / "c.parquet"), "--model", str(kw_run), "--format", "md"]) == 0
    assert "not UTF-8" not in capsys.readouterr().err


# --- row 9: errors keep "<what>:"; the streaming case says the .partial was kept ----------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("argv", [["segment", "{notice}"], ["tag", "{notice}", "--model", "{run}"],
                                  ["annotate", "config"], ["segment", "{notice}", "--documents"]])
def test_stdout_to_a_full_device_names_stdout(argv, notice, kw_run):
    import subprocess
    import sys

    args = [a.replace("{notice}", str(notice)).replace("{run}", str(kw_run)) for a in argv]
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "policytag.cli", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=300, cwd=PROJECT_ROOT)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert _one_error(proc.stderr) == "policytag: error: <stdout>: cannot write (No space left on device)"


def test_a_stream_that_runs_out_of_space_says_what_is_kept(kw_run, tmp_path):
    """RLIMIT_FSIZE makes writes past 64 KiB fail (EFBIG) for real, as a full disk would."""
    import resource
    import signal
    import subprocess
    import sys

    src = _clause_file(tmp_path / "c.jsonl", n=400)
    out = tmp_path / "o.jsonl"

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    proc = subprocess.run([sys.executable, "-m", "policytag.cli", "tag", "--clauses", str(src), "--model",
                           str(kw_run), "--stream", "--batch-size", "20", "-o", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT, preexec_fn=limit)
    assert proc.returncode == 1, proc.stderr
    line = _one_error(proc.stderr)
    assert line.startswith(f"policytag: error: {out}.partial: cannot write (File too large)"), line
    assert "kept in" in line and "--resume" in line
    assert (tmp_path / "o.jsonl.partial").exists() and not out.exists()


# --- row 10: unreadable files are reported as unreadable, not empty -----------------------------------
@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs /proc/self/mem")
def test_an_eio_file_is_cannot_read_not_empty(tmp_path, capsys):
    """Reading /proc/self/mem at offset 0 fails with EIO (nothing is mapped there); its size is 0."""
    eio = tmp_path / "n.txt"
    eio.symlink_to("/proc/self/mem")
    assert main(["segment", str(eio)]) == 1
    line = _one_error(capsys.readouterr().err)
    assert "cannot read (Input/output error)" in line and "empty" not in line, line


def test_a_file_without_read_permission_is_cannot_read(tmp_path, capsys):
    """EACCES for real. Root reads anything (CAP_DAC_OVERRIDE), so as root the command runs
    in-process with the effective uid of 'nobody' (after one run as root has imported every module
    it needs), and the uid is restored afterwards."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="policytag-eacces-"))  # under /tmp: traversable by everyone
    try:
        os.chmod(base, 0o755)
        readable = base / "ok.txt"
        readable.write_text(notice_2026(), encoding="utf-8")
        os.chmod(readable, 0o644)
        assert main(["segment", str(readable), "-o", str(base / "warm.jsonl")]) == 0  # imports done as root
        secret = base / "n.txt"
        secret.write_text(notice_2026(), encoding="utf-8")
        capsys.readouterr()
        if os.geteuid() == 0:
            os.chmod(secret, 0o600)  # root's, unreadable for nobody
            os.seteuid(65534)
            try:
                code = main(["segment", str(secret)])
            finally:
                os.seteuid(0)
        else:
            os.chmod(secret, 0o000)
            code = main(["segment", str(secret)])
        assert code == 1
        line = _one_error(capsys.readouterr().err)
        assert "cannot read (Permission denied)" in line and "empty" not in line, line
    finally:
        shutil.rmtree(base, ignore_errors=True)


# --- row 11: a file name with a newline stays on one line ---------------------------------------------
@pytest.mark.parametrize("command", ["segment", "tag", "tag-clauses"])
def test_names_with_newlines_are_escaped(command, kw_run, tmp_path, capsys):
    name = "bad\nname.txt" if command != "tag-clauses" else "bad\nname.jsonl"
    path = tmp_path / name
    path.write_bytes(b"" if command != "tag-clauses" else b'{"text": 1}\n')
    argv = {"segment": ["segment", str(path)], "tag": ["tag", str(path), "--model", str(kw_run)],
            "tag-clauses": ["tag", "--clauses", str(path), "--model", str(kw_run)]}[command]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # exactly one line
    assert "bad\\nname" in err


def test_one_line_escapes_control_characters_only():
    from policytag.errors import one_line

    assert one_line("a\nb\r\tc\u2028d\x85e 中文 é") == "a\\nb\\r\\tc\\u2028d\\x85e 中文 é"


# --- row 12: `segment -` and `annotate export -` read stdin -------------------------------------------
@pytest.mark.parametrize("command", ["segment", "annotate-export"])
def test_dash_reads_stdin(command, tmp_path):
    import subprocess
    import sys

    out = tmp_path / ("s.jsonl" if command == "segment" else "tasks.json")
    argv = ["segment", "-", "-o", str(out)] if command == "segment" else ["annotate", "export", "-", "-o", str(out)]
    proc = subprocess.run([sys.executable, "-m", "policytag.cli", *argv], input=notice_2026().encode("utf-8"),
                          capture_output=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    if command == "segment":
        rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert len(rows) == n_2026() and rows[0]["doc_id"].startswith("2026")
    else:
        assert len(json.loads(out.read_text(encoding="utf-8"))) == n_2026()


# --- row 15: compare still reports intact runs (the broken ones are in the bad-input table) ----------
def test_compare_reports_an_intact_tfidf_run(tmp_path, capsys):
    from policytag.models.runs import save_run, verify_model_files
    from policytag.models.tfidf import TfidfTagger
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    tax = load_taxonomy()
    clauses = segment_paths([CORPUS]).clauses[:120]
    labels = [Labels((tax.sector.ids[i % 3],), (tax.measure_type.ids[i % 2],)) for i in range(len(clauses))]
    run = save_run(TfidfTagger(min_df=1).fit(clauses, labels), tmp_path / "tf", {"name": "tf"}, {}, "test")
    verify_model_files(run)
    assert main(["compare", str(run), "-o", str(tmp_path / "cmp")]) == 0, capsys.readouterr().err


# --- row 17: parse_export survives malformed entries --------------------------------------------------
def test_parse_export_skips_malformed_entries_with_warnings():
    from policytag.annotation.pull import parse_export
    from policytag.taxonomy import load_taxonomy

    tax = load_taxonomy()
    good = {"id": 1, "data": {"clause_id": "c1", "doc_id": "d", "text": "年底前完成。"},
            "annotations": [{"id": 11, "result": [], "completed_by": 1}]}
    export = [
        "not a task", 42, None,
        {"id": 2, "data": "not an object"},
        {"id": 3, "data": {"clause_id": "c3", "text": "x"}, "annotations": "a string"},
        {"id": 4, "data": {"clause_id": "c4", "text": "x"}, "annotations": [1, "x", None]},
        {"id": 5, "data": {"clause_id": "c5", "text": "x"}, "annotations": [{"id": 51, "result": "nope"}]},
        {"id": "six", "data": {"clause_id": "c6", "text": "x"}, "annotations": [{"id": {"a": 1}, "result": []}]},
        good,
    ]
    records, stats = parse_export(export, tax)
    assert [r.clause_id for r in records] == ["c1"]
    assert stats.malformed and all("\n" not in w for w in stats.malformed)
    assert len(stats.malformed) >= 7, stats.malformed
