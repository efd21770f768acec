"""What a ``policytag`` process imports before it has work to do, and that the processes the tests start keep
their compiled modules (session 22: the suite's time and the CLI's start-up; docs/testing.md).

Each check runs in a fresh interpreter: what this worker imported already says nothing about a new process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, PYCACHE_PREFIX

#: the numerical and model stack: about 1 s of a one-notice ``policytag tag`` is spent importing it
HEAVY = ("numpy", "scipy", "sklearn", "torch", "transformers", "pandas", "pyarrow")

#: runs main() with each argv in turn and prints, per argv, its exit code and the heavy modules loaded by then
PROBE = textwrap.dedent("""
    import contextlib, io, json, sys
    from policytag.cli import main
    heavy, argvs, out = json.loads(sys.argv[1]), json.loads(sys.argv[2]), []
    for argv in argvs:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
            try:
                code = main(argv)
            except SystemExit as exc:  # --help
                code = exc.code
        out.append({"argv": argv, "code": code, "stderr": err.getvalue(),
                     "heavy": [m for m in heavy if m in sys.modules]})
    print(json.dumps(out))
""")


def _probe(*argvs: list[str]) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), json.dumps(list(argvs))],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def notice(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "notice.txt"
    path.write_text("某县应急管理局关于做好冬季安全生产工作的通知\n\n各乡镇人民政府：\n"
                    "一、各地要加强对危险化学品企业的安全检查。\n", encoding="utf-8")
    return path


def test_help_and_one_line_errors_import_no_numerical_stack(tmp_path, notice):
    # in order: the help texts (the parser of every command is built), then the errors a user meets first;
    # the numerical stack once imported stays, so the first step that imports it is the one named
    steps = _probe(["--help"], ["tag", "--help"], ["segment", "--help"], ["train", "--help"],
                   ["tag", str(tmp_path / "missing.txt")],
                   ["tag", str(notice), "--model", str(tmp_path / "no_such_run")],
                   ["segment", str(tmp_path / "missing.txt")],
                   ["tag", "--clauses", str(tmp_path / "missing.jsonl")])
    for step in steps:
        assert step["heavy"] == [], f"policytag {' '.join(step['argv'])} imported {step['heavy']}"
    codes = [s["code"] for s in steps]
    assert codes == [0, 0, 0, 0, 1, 1, 1, 1], steps
    assert "missing.txt: no such file" in steps[4]["stderr"]
    assert "no_such_run: no such run directory" in steps[5]["stderr"]
    assert "missing.jsonl" in steps[7]["stderr"], steps[7]


def test_processes_the_tests_start_keep_their_bytecode(tmp_path):
    # a module a child process imports is compiled once: its bytecode is written (under PYCACHE_PREFIX when
    # the environment said PYTHONDONTWRITEBYTECODE, else beside it), so the next process loads it
    (tmp_path / "startup_probe_mod.py").write_text("VALUE = 1\n", encoding="utf-8")
    code = "import sys; sys.path.insert(0, sys.argv[1]); import startup_probe_mod; print(startup_probe_mod.__cached__)"
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                          env=dict(os.environ), timeout=60)
    assert done.returncode == 0, done.stderr
    cached = Path(done.stdout.strip())
    assert cached.is_file(), f"no bytecode written for a module a child imported ({cached})"
    if PYCACHE_PREFIX is not None:  # the environment asked for no __pycache__ beside the sources: none there
        assert not (tmp_path / "__pycache__").exists()
        assert cached.is_relative_to(PYCACHE_PREFIX)
