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


def build(inputs: list[str], model: str):
    """The ``Report`` that ``policytag tag INPUT… --model MODEL`` renders, tagged once in-process, so a probe reads
    its Markdown, HTML and rows (``policytag.inference.cli.render``) without tagging the notices once a format.
    The steps are the CLI's own for notice inputs (``inference.cli.run`` without --year or --compare-with)."""
    from policytag.app import resolve_model
    from policytag.inference.inputs import read_notices
    from policytag.inference.report import build_report
    from policytag.inference.tagging import DEFAULT_BATCH_SIZE, tag_clauses

    inp = read_notices(inputs, False)
    tagger = resolve_model(model)
    tagged = tag_clauses(tagger, inp.clauses, None, DEFAULT_BATCH_SIZE, progress=False, dates={d.doc_id: d.date for d in inp.documents})
    return build_report(inp.documents, tagged, tagger.taxonomy, tagger.model_version)
