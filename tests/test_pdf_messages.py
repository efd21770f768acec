"""A damaged PDF in a folder is one line on stderr: pypdf logged ``EOF marker not found`` through
Python's last-resort handler above policytag's own error for the file."""

from __future__ import annotations

from conftest import TEST_DATA, run_cli
from test_genres import _as_pdf


def test_a_truncated_pdf_is_one_line(tmp_path):
    lines = [line for line in (TEST_DATA / "genres" / "county_special_plan.txt").read_text(encoding="utf-8").split("\n")
             if line.strip()]
    whole = tmp_path / "whole.pdf"
    _as_pdf(lines, whole)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cut.pdf").write_bytes(whole.read_bytes()[:3000])
    (folder / "plan.txt").write_text("\n".join(lines), encoding="utf-8")
    proc = run_cli("segment", folder, "--format", "jsonl")
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    assert [line for line in errors if "cut.pdf" not in line and not line.startswith("policytag:")] == [], errors
    assert sum("cut.pdf" in line for line in errors) == 1 and proc.stdout.strip(), proc.stderr
