"""``policytag tag FOLDER`` on a downloaded folder of mixed formats (found tagging ~190 files built
from the genre notices: .txt/.docx/.html/.pdf in nested folders, bad files, a notice in two formats).

Each test failed on the code before it: ``--workers`` silently ignored without ``--stream``; a
streaming run ending without the count of skipped inputs; no bar while a streaming run reads the
folder; a traceback per worker process on Ctrl-C.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli, interruptible

from policytag import PROJECT_ROOT

GENRES = PROJECT_ROOT / "tests" / "data" / "genres"
NAMES = ["city_work_points.txt", "county_special_plan.txt", "emergency_plan.txt", "regulation.txt",
         "safety_committee_notice.txt", "province_implementation_plan.txt", "ministry_notice.txt"]


def _docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Seven notices in nested folders (.txt, .docx, .html), one also as .docx (a duplicate), an
    empty file and an old .doc."""
    root = tmp_path_factory.mktemp("download")
    for i, name in enumerate(NAMES):
        text = (GENRES / name).read_text(encoding="utf-8")
        sub = root / ("2027" if i % 2 else "2027/city")
        sub.mkdir(parents=True, exist_ok=True)
        stem = Path(name).stem
        if i % 3 == 1:
            _docx(text, sub / f"{stem}.docx")
        elif i % 3 == 2:
            body = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
            (sub / f"{stem}.html").write_text(f"<html><head><meta charset='utf-8'></head><body><div>{body}</div>"
                                              "</body></html>", encoding="utf-8")
        else:
            (sub / f"{stem}.txt").write_text(text, encoding="utf-8")
    _docx((GENRES / NAMES[0]).read_text(encoding="utf-8"), root / "2027" / "city" / "copy.docx")
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return root


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_workers_without_a_streaming_run_is_a_usage_error(folder, tmp_path, keyword_run):
    """A summary run tags in one process: ``--workers 2`` did nothing, silently."""
    result = run_cli("tag", folder, "--skip-bad", "--workers", "2", "--model", keyword_run,
                     "-o", tmp_path / "out.jsonl")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "--workers 2 needs a streaming run" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_streamed_folder_with_bad_files_closes_with_the_count_and_tags_each_notice_once(folder, tmp_path,
                                                                                        keyword_run):
    plain, streamed = tmp_path / "plain.jsonl", tmp_path / "streamed.jsonl"
    one = run_cli("tag", folder, "--skip-bad", "--model", keyword_run, "-o", plain)
    two = run_cli("tag", folder, "--skip-bad", "--stream", "--workers", "2", "--model", keyword_run,
                  "-o", streamed)
    for result in (one, two):
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().split("\n")
        assert lines[-1] == "policytag: 2 input(s) skipped (listed above); exit code 1"
        assert sum("warning: skipped" in line for line in lines) == 2  # one line per bad file
        assert "skipped 1 duplicate notice: " in result.stderr and "copy.docx" in result.stderr
    a, b = _rows(plain), _rows(streamed)
    assert [r["clause_id"] for r in a] == [r["clause_id"] for r in b]  # input order, each notice once
    assert len({r["doc_id"] for r in b}) == len(NAMES)
    assert all({k: x[k] for k in y} == y for x, y in zip(a, b))  # the rows plain `tag` writes, less novelty


def test_streaming_run_shows_a_bar_while_it_reads_the_folder(tmp_path, monkeypatch):
    """The first pass reads every file before the first row (minutes on a big download): a bar."""
    from policytag.inference.stream import notice_clauses

    for i in range(25):
        (tmp_path / f"n{i:02d}.txt").write_text(
            (GENRES / "regulation.txt").read_text(encoding="utf-8").replace("2027", str(2000 + i)), encoding="utf-8")

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    clauses = list(notice_clauses([str(tmp_path)], False, warn=lambda m: None))
    assert len({c.doc_id for c in clauses}) == 25
    assert "reading notices:" in err.getvalue() and "/25 [" in err.getvalue()


def test_ctrl_c_with_two_workers_keeps_whole_rows_and_resume_finishes_the_run(folder, tmp_path, keyword_run):
    """SIGINT to the process group (what Ctrl-C does): one message, no worker tracebacks, whole rows
    in OUT.partial, and --resume writes what an uninterrupted run writes."""
    out, full = tmp_path / "r.jsonl", tmp_path / "full.jsonl"
    args = [sys.executable, "-m", "policytag.cli", "tag", str(folder), "--skip-bad", "--stream", "--workers", "2",
            "--batch-size", "1", "--model", str(keyword_run)]
    proc = subprocess.Popen([*args, "-o", str(out)], stderr=subprocess.PIPE, text=True, cwd=PROJECT_ROOT, preexec_fn=interruptible,
                            start_new_session=True)
    partial = Path(f"{out}.partial")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.stat().st_size > 0:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "interrupted; the rows written so far are in" in stderr
    assert not out.exists()
    rows = _rows(partial)  # whole JSON lines only
    assert rows
    resumed = subprocess.run([*args, "-o", str(out), "--resume"], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert resumed.returncode == 1, resumed.stderr
    assert run_cli(*args[3:], "-o", full).returncode == 1
    assert out.read_bytes() == full.read_bytes()
    assert not partial.exists()


def test_a_text_pdf_is_read_without_laying_out_its_pages_again(tmp_path, monkeypatch):
    """pdfplumber (70 ms a page against pypdf's 5) ran its table finder on every page of every PDF:
    a page without a drawn line holds no ruled table, so a plain text PDF is read by pypdf alone."""
    import pdfplumber
    from test_genres import _as_pdf
    from test_office_files import plan_pdf

    from policytag.corpus.readers import read_file

    lines = [line for line in (GENRES / "province_implementation_plan.txt").read_text(encoding="utf-8").split("\n")
             if line.strip()]
    _as_pdf(lines * 6, tmp_path / "long.pdf")
    plan_pdf(tmp_path / "plan.pdf")  # a task table on a landscape page: still read by pdfplumber
    opened = []
    real_open = pdfplumber.open
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    text = "".join(read_file(tmp_path / "long.pdf").split())
    assert text.count(lines[2][:10]) == 6  # every copy's text, from pypdf
    assert opened == []
    assert "牵头单位" in read_file(tmp_path / "plan.pdf") and len(opened) == 1
