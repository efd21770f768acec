"""Shared fixtures: the repository's own corpus copy and gold dataset, a real keyword run, and a
runner for the ``policytag`` CLI in a fresh process.

Tests use the checkout's ``data/corpus`` (never ``../shared``); helper modules that start servers
(``ls_server``, ``backend_server``, ``tiny_bert``) are imported by the tests that need them.
"""

from __future__ import annotations

import importlib.util

import os

# One BLAS thread per test process (and the CLI processes tests start, which inherit it): the
# models here are small, and on a shared 2-core machine OpenBLAS's own threads fight every other
# process — a knowledge-only hybrid fit took 5-10 s instead of 0.8 s under load. Set before numpy
# is imported; an explicit setting in the environment wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# Each pytest-xdist worker gets its share of the cores for torch's intra-op threads (torch reads
# OMP_NUM_THREADS at import; the BERT recipe's default, models.bert.default_threads, reads it too).
# Without it the BERT smoke test's torch threads fought the other worker for the same 2 cores:
# its fine-tuning steps ran 2-3x slower than with one thread, 1,059 s of a 22-minute suite.
if os.environ.get("PYTEST_XDIST_WORKER") and "OMP_NUM_THREADS" not in os.environ:
    _workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    _cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    os.environ["OMP_NUM_THREADS"] = str(max(1, _cores // max(1, _workers)))
import subprocess
import sys
from pathlib import Path


def _keep_bytecode() -> str | None:
    """With ``PYTHONDONTWRITEBYTECODE`` set (many container images set it), no process of the run kept
    its compiled modules: every ``policytag`` the tests start, every xdist worker and every Label Studio
    server compiled numpy, scipy, torch, Django … from source again, about 1.6 s of a 3 s one-notice
    ``policytag tag`` and 5 s of importing torch + transformers (docs/testing.md). The setting's point,
    no ``__pycache__`` beside the sources, is kept: the bytecode goes under ``.cache/pycache`` of the
    checkout (ignored by git, outside every package), for this process and the ones it starts. An
    explicit ``PYTHONPYCACHEPREFIX`` wins. Returns the folder used, or None when bytecode was kept anyway."""
    if not (os.environ.get("PYTHONDONTWRITEBYTECODE") or sys.dont_write_bytecode):
        return None
    prefix = os.environ.get("PYTHONPYCACHEPREFIX") or str(Path(__file__).resolve().parents[1] / ".cache" / "pycache")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = prefix  # the processes tests start, xdist's workers among them
    sys.pycache_prefix = prefix  # importlib reads both at every import: the rest of this process's imports
    sys.dont_write_bytecode = False
    return prefix


PYCACHE_PREFIX = _keep_bytecode()

import pytest  # noqa: E402 - after the bytecode setting, like everything imported below
from hypothesis import settings as hypothesis_settings

from policytag import PROJECT_ROOT

# No per-example deadline for any property test: on a busy 2-core CI machine an example that runs
# over hypothesis' default 200 ms once and under it on the re-run is reported as Flaky, a failure
# that says nothing about the code. Tests that bound time do it explicitly (best_cpu_time below).
hypothesis_settings.register_profile("policytag", deadline=None)
hypothesis_settings.load_profile("policytag")

# the one session-wide Label Studio server and admin client (fixtures ``ls``, ``admin``)
pytest_plugins = ["ls_fixture"]

# The checkout's data, named once: test modules import these (``from conftest import GOLD_FILE``)
# or use the fixtures below. All of them are tracked files, so no test skips when one is missing.
CORPUS_DIR = PROJECT_ROOT / "data" / "corpus"
CORPUS_FILE = CORPUS_DIR / "shanxi_annual_safety_notices_2009-2026.txt"
GOLD_FILE = PROJECT_ROOT / "data" / "annotations" / "gold-v1.jsonl"
GOLD_CARD = GOLD_FILE.parent / "README.md"
CHALLENGE_FILE = PROJECT_ROOT / "data" / "challenge" / "challenge-v1.jsonl"
TEST_DATA = Path(__file__).resolve().parent / "data"
#: built (not tracked) encoders: tests that need one build it or skip with the build command
PRETRAINED_DIR = PROJECT_ROOT / "artifacts" / "pretrained"


# Modules that write the same build output under the checkout (artifacts/pretrained): one worker.
_SHARED_BUILD_MODULES = {"test_pretrained.py", "test_bert_smoke.py"}


@pytest.hookimpl(tryfirst=True)  # the marks must be there before xdist's worker hook reads them
def pytest_collection_modifyitems(config, items) -> None:
    """Groups for pytest-xdist (the suite runs ``-n auto --dist loadgroup``, pyproject.toml): every
    test that uses the Label Studio server (fixture ``ls``/``admin`` or the ``labelstudio`` mark) on
    one worker, so the session starts one server as ``ls_fixture`` expects; the modules that build
    the offline encoders under artifacts/ on one worker (they would write the same files at once);
    every other module whole on one worker, so its module fixtures (a trained model, a segmented
    corpus) are built once, not once per worker. Without xdist the marks do nothing."""
    for item in items:
        if item.get_closest_marker("labelstudio") or {"ls", "admin"} & set(getattr(item, "fixturenames", ())):
            group = "labelstudio"
        elif item.path.name in _SHARED_BUILD_MODULES:
            group = "shared-build"
        else:
            group = item.path.name
        item.add_marker(pytest.mark.xdist_group(group))


if importlib.util.find_spec("xdist") is not None:  # the hook exists only with pytest-xdist installed
    def pytest_xdist_node_collection_finished(node, ids) -> None:
        """Stop at once when the groups above are lost. xdist carries a test's group to the scheduler
        as a ``@group`` suffix it writes into the node id; pytest 9.2 keeps node ids elsewhere, so the
        suffix silently never appears (pytest-xdist#1386) and every module is spread over all workers:
        module fixtures built once per worker and a Label Studio server per worker (suite +4 min)."""
        if node.config.getoption("dist") == "loadgroup" and ids and not any("@" in i for i in ids):
            raise pytest.UsageError(
                f"pytest-xdist --dist loadgroup lost every test's group with pytest {pytest.__version__} "
                "(pytest-xdist#1386): install the pinned releases, pip install -c constraints.txt -e '.[dev]'")


@pytest.fixture(scope="session")
def corpus_file() -> Path:
    """The 18-notice corpus file of this checkout."""
    return CORPUS_FILE


@pytest.fixture(scope="session")
def gold_file() -> Path:
    return GOLD_FILE


@pytest.fixture(scope="session")
def taxonomy():
    from policytag.taxonomy import load_taxonomy

    return load_taxonomy()


@pytest.fixture(scope="session")
def gold_dataset():
    """The gold dataset joined with the segmented corpus (478 labelled clauses)."""
    from policytag.training.data import load_dataset

    return load_dataset(GOLD_FILE, CORPUS_DIR)


def refused_line(path) -> str:
    """The one error line ``policytag segment`` gives for a file it does not read (exit 1, nothing on
    stdout), after checking it names the file: what the file-format tests compare."""
    out = run_cli("segment", path)
    assert out.returncode == 1 and out.stdout == "", out.stdout
    (line,) = out.stderr.strip().splitlines()
    assert str(path) in line
    return line


def read_document_metadata(path) -> tuple:
    """``(title, issuer, region, level, genre, year, date, doc_number)`` of the one document in ``path``
    (segment_paths), after checking that every clause row carries its document's metadata: what the
    metadata tests compare with the reading written down before the code ran."""
    from policytag.corpus.segment import segment_paths

    result = segment_paths([path])
    assert not result.errors
    (doc,) = result.documents
    for c in result.clauses:
        assert (c.issuer, c.region, c.level, c.genre, c.year) == (doc.issuer, doc.region, doc.level, doc.genre, doc.year)
    return doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.date, doc.doc_number


def make_keyword_run(run_dir: Path) -> Path:
    """A real run directory without the gold data: the keyword tagger (taxonomy cue words), its label
    priors fitted on corpus clauses labelled by the same cues. Enough to exercise the tag pipeline."""
    from policytag.corpus.segment import segment_paths
    from policytag.models.keyword import KeywordTagger
    from policytag.models.runs import save_run
    from policytag.records import Labels
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    clauses = segment_paths([CORPUS_FILE]).clauses
    labels = []
    for c in clauses:
        sector = [lab.id for lab in taxonomy.sector.labels if any(cue in c.text for cue in lab.cues)]
        measure = [lab.id for lab in taxonomy.measure_type.labels if any(cue in c.text for cue in lab.cues)]
        sector = [s for s in sector if s != "cross_sector"] or ["cross_sector"]
        labels.append(Labels(tuple(sector), tuple(measure[:3] or ["awareness_goals"])))
    tagger = KeywordTagger().fit(clauses, labels)
    return save_run(tagger, run_dir, {"name": run_dir.name, "model": {"type": "keyword"}}, {}, "test-cues")


@pytest.fixture(scope="session")
def keyword_run(tmp_path_factory) -> Path:
    """A saved keyword run (see ``make_keyword_run``), shared by the whole session."""
    return make_keyword_run(tmp_path_factory.mktemp("runs") / "kw")


def tagged_inputs(folder: Path) -> tuple:
    """The documents, tagged clauses, taxonomy and model version ``policytag tag FOLDER`` builds its report from, with
    the shipped default model (the report tests' input: a test may build a report of a changed input without tagging
    again)."""
    from policytag.app import resolve_model
    from policytag.inference.inputs import read_notices
    from policytag.inference.tagging import DEFAULT_BATCH_SIZE, tag_clauses

    inp = read_notices([str(folder)], False)
    tagger = resolve_model(str(PROJECT_ROOT / "policytag" / "resources" / "model"))
    tagged = tag_clauses(tagger, inp.clauses, None, DEFAULT_BATCH_SIZE, progress=False,
                         dates={d.doc_id: d.date for d in inp.documents})
    return list(inp.documents), tagged, tagger.taxonomy, tagger.model_version


def best_cpu_time(fn, *args, repeat: int = 3) -> float:
    """Best CPU seconds of ``repeat`` calls, with the garbage collector off while timing.

    For the linear-time tests. Why: late in a full suite the heap holds every earlier test's objects,
    and a generation-2 collection that falls inside one timed call costs time proportional to that
    heap, not to the input (CI once saw 61x for a 16x input that takes 15x alone). The minimum of a
    few calls is the usual remedy for scheduler noise on a shared 2-core machine.
    """
    import gc
    import time

    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        times = []
        for _ in range(repeat):
            start = time.process_time()
            fn(*args)
            times.append(time.process_time() - start)
        return min(times)
    finally:
        if was_enabled:
            gc.enable()


def interruptible() -> None:
    """``preexec_fn`` for a child a test sends Ctrl-C (SIGINT): SIGINT unblocked and at its default, as in a
    terminal. A child inherits its parent's signal mask and ignored signals, and a pytest-xdist worker
    that has run other tests (in-process libraries block or ignore SIGINT in the main thread while they
    work) could hand that on: the child then never saw the signal and ran to the end (twice in a
    fresh-clone run, in tests that pass alone)."""
    import signal

    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(*args, stdin=None, env=None, timeout=300, cwd=PROJECT_ROOT) -> subprocess.CompletedProcess:
    """``policytag ARGS`` in a fresh process (text mode); returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "policytag.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=cwd,
                          timeout=timeout)


def cli_in_process(*args, cwd=PROJECT_ROOT) -> subprocess.CompletedProcess:
    """``policytag ARGS`` run by ``policytag.cli.main`` in this process, as :func:`run_cli` returns it (exit
    code, stdout, stderr): for tests that read only the records and the exit code, which the same function
    returns here without a process's start-up (0.4 s of CPU each even with kept bytecode). Not for what only
    a fresh process shows (library warnings and log lines on stderr, signals, stdin, the environment):
    those keep :func:`run_cli`."""
    import contextlib
    import io

    from policytag.cli import main

    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # --help, --version
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["policytag", *argv], code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def policytag_cli():
    """The ``run_cli`` runner: ``policytag_cli("tag", FILE, "--format", "md")``."""
    return run_cli
