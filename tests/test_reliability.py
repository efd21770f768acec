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
    assert len(rows) == 33 and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dev_stdout_into_a_pipe_and_an_appended_file(notice, tmp_path):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "policytag.cli", "segment", str(notice), "-o", "/dev/stdout"]
    piped = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0 and len(piped.stdout.splitlines()) == 33, piped.stderr
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
    assert len(rows) == 33 and len({r["clause_id"] for r in rows}) == 33
    assert [r["text"] for r in rows] == [c.text for c in segment_paths([folder / "notice.txt"]).clauses]
    # the summary counts every clause once as well
    assert main(["tag", str(folder), "--model", str(kw_run), "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "33" in md and "66" not in md and "99" not in md


def test_same_file_twice(notice, kw_run, capsys):
    assert main(["tag", str(notice), str(notice), "--model", str(kw_run)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 33 and "skipped 1 duplicate notice" in captured.err
    assert main(["segment", str(notice), str(notice)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 33


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
    assert len(cb) == len(ca) == 33
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
    assert len(out.read_text(encoding="utf-8").splitlines()) == 33  # the readable input is still written
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

    assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))) == 33
    capsys.readouterr()
    assert main(["tag", str(notice), "--model", str(kw_run), "--format", "csv", "--excel"]) == 0
    assert capsys.readouterr().out.startswith("\ufeffdoc_id,")
