"""The analyst probes' way to call the CLI in-process (tests/test_reports_analyst9–11.py): ``run`` gives the
exit code and what was said on stderr, ``tag`` tags inputs into one file and returns its text."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from policytag.cli import main


def run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def tag(tmp_path: Path, inputs: list[str], name: str) -> str:
    out = tmp_path / name
    code, said = run(["tag", *inputs, "-o", str(out)])
    assert code == 0, said
    return out.read_text(encoding="utf-8-sig")
