"""The CLI's own help agrees with what the docs promise a newcomer.

Every option of every sub-command says in `--help` what it does (a newcomer who reads
`policytag backend serve --help` must not meet a bare `--log-level`), and every `policytag ...`
command line the README and docs show parses with today's parser: a renamed or removed flag
in the docs fails here instead of in a reader's terminal.
"""
from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from policytag.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _walk(sub, path + (name,))
        else:
            yield path, action


def test_every_option_has_help_text():
    missing = [f"policytag {' '.join(path)} {'/'.join(a.option_strings)}"
               for path, a in _walk(build_parser())
               if a.option_strings and a.help is None]
    assert not missing, f"options without --help text: {missing}"


def _doc_commands():
    """(file:line, argv) of each `policytag …` line inside a ```bash block of the docs."""
    for doc in DOCS:
        in_bash = False
        lines = doc.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.startswith("```"):
                in_bash = line.strip() in ("```bash", "```sh")
                i += 1
                continue
            start = i
            while in_bash and line.rstrip().endswith("\\") and i + 1 < len(lines):
                i += 1
                line = line.rstrip()[:-1] + " " + lines[i].strip()
            i += 1
            if not in_bash:
                continue
            code = line.split(" #", 1)[0].strip()
            m = re.match(r"^(?:\S*/)?policytag\s+(.*)$", code)
            if not m or "…" in code or "<" in code:
                continue
            yield f"{doc.relative_to(ROOT)}:{start + 1}", shlex.split(m.group(1))


DOC_COMMANDS = list(_doc_commands())


def test_docs_show_commands():
    assert len(DOC_COMMANDS) > 30  # the parser below must keep finding the docs' examples


@pytest.mark.parametrize("where,argv", DOC_COMMANDS, ids=[w for w, _ in DOC_COMMANDS])
def test_documented_command_parses(where, argv, capsys):
    try:
        build_parser().parse_args(argv)
    except SystemExit as exc:
        err = capsys.readouterr().err.strip().splitlines()
        pytest.fail(f"{where}: `policytag {shlex.join(argv)}` is refused by the parser: "
                    f"{err[-1] if err else exc}")
