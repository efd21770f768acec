"""A mistyped option names the sub-command, the option meant and the sub-command's help.

argparse reports a sub-command's unknown option from the top-level parser: ``policytag tag notice.txt
--yeer 2027`` said ``unrecognized arguments: --yeer 2027 (see policytag --help)``, which names
neither the sub-command nor ``--year``, and points at a help page that lists no option of ``tag``.
"""

from __future__ import annotations

import re

from conftest import CORPUS_FILE, run_cli


def test_a_mistyped_option_of_a_sub_command_suggests_the_option_and_its_help():
    proc = run_cli("tag", CORPUS_FILE, "--yeer", "2026")
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("policytag: error: tag: unrecognized arguments: --yeer")
    assert "did you mean --year?" in lines[0] and "(see policytag tag --help)" in lines[0]


def test_an_unknown_argument_without_a_near_option_gets_no_guess():
    proc = run_cli("segment", CORPUS_FILE, "--zzzzzz")
    assert proc.returncode == 2
    assert "did you mean" not in proc.stderr and "(see policytag segment --help)" in proc.stderr


def test_a_top_level_mistype_points_at_the_top_level_help():
    proc = run_cli("--verison")
    assert proc.returncode == 2
    assert "did you mean --version?" in proc.stderr and "(see policytag --help)" in proc.stderr


def test_segment_help_names_every_format_read():
    """The help spells the formats (importing the readers would slow every command's start); formats5
    added .xlsx/.xls/.et to the readers and the help still listed ten formats."""
    from policytag.cli import _subparser, build_parser
    from policytag.corpus.readers import SUPPORTED_SUFFIXES

    description = _subparser(build_parser(), "segment").description
    listed = set(re.findall(r"\.[a-z]+\b", description[:description.index("or directories")]))
    assert listed == set(SUPPORTED_SUFFIXES), sorted(set(SUPPORTED_SUFFIXES) ^ listed)
    assert run_cli("segment", "--help").returncode == 0
