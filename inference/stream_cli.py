"""``policytag tag --stream`` / ``--resume`` / ``--engine ray``: the streaming path of the tag command.

Registered by ``inference/cli.py`` (``add_arguments``) and entered from its ``run`` when any of these
options is given or the output is Parquet. The work is in ``inference/stream.py`` (single process)
and ``inference/ray_engine.py`` (Ray actors); both read through the same readers here and write
through the same sinks. This module only checks arguments and reports.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from policytag import PolicytagError, UsageError

if TYPE_CHECKING:
    from policytag.records import Clause

ENGINES = ("local", "ray")


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(
        "streaming (many notices or clauses)",
        "Rows (jsonl or parquet) are tagged in batches and written incrementally to OUT.partial, renamed to OUT "
        "when done; memory stays bounded whatever the input size. Clause inputs: .jsonl, .parquet, or a saved "
        "Hugging Face dataset directory.")
    g.add_argument("--stream", action="store_true",
                   help="stream rows to -o OUT instead of building a summary (implied by --resume, --engine ray "
                        "and a .parquet output)")
    g.add_argument("--resume", action="store_true",
                   help="continue an interrupted streaming run: ids already in OUT.partial (or OUT) are skipped")
    g.add_argument("--engine", choices=ENGINES, default="local",
                   help="local: this process, or --workers N processes (default); ray: N Ray actors, the same "
                        "inputs and outputs (pip install 'policytag[ray]')")
    g.add_argument("--ray-address", metavar="ADDR", default=None,
                   help="an existing Ray cluster (e.g. ray://head:10001 or auto); default: start a local Ray")
    g.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes (--engine local, default 1) or Ray actors (--engine ray, default 2), each "
                        "loading the model once; the output is the same, in input order")


def wants_stream(args: argparse.Namespace, fmt: str) -> bool:
    return bool(args.stream or args.resume or args.engine != "local" or fmt == "parquet")


def _total(path: str) -> int | None:
    """Row count for the progress bar when it is cheap to know (Parquet metadata, HF dataset, JSONL lines)."""
    from .stream import input_kind

    try:
        kind = input_kind(path)
        if kind == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        if kind == "hf":
            return None
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except (OSError, PolicytagError):
        return None
    except Exception:  # an unreadable Parquet footer: the reader reports it properly
        return None


def _run_dir(tagger, spec: str | None) -> Path:
    """The run directory Ray actors load the model from (they load it themselves, once each)."""
    from policytag.paths import default_model_dir, runs_dir

    if getattr(tagger, "run_dir", None):
        return Path(tagger.run_dir)
    if spec in (None, "", "default"):
        name = getattr(tagger, "run_name", None)
        candidate = runs_dir() / name if name else None
        return candidate if candidate and (candidate / "run.json").exists() else default_model_dir()
    path = Path(spec)
    return path if path.is_dir() else runs_dir() / spec


#: seconds between two progress lines in a log (stderr not a terminal, where the bar is not drawn)
LOG_EVERY_S = 30.0


class LogProgress:
    """Progress lines for a log: ``policytag: 51,200 of 210,000 clauses tagged (24%) in 45 s (1,138 clauses/s,
    about 2 min left)``, at most one every ``LOG_EVERY_S`` seconds, when stderr is not a terminal. tqdm draws no
    bar there, so a run under nohup or a batch scheduler said nothing for minutes (210,000 clauses: 2 minutes
    of an empty log).

    A resumed run (:meth:`resumed`) counts the rows the interrupted run wrote into the done and the total, as
    the bar does, and its rate is of this run's rows alone: it printed ``60,000 clauses tagged in 45 s``, no
    total and no share, where a fresh run said how far it was."""

    def __init__(self, total: int | None, source: object = None):
        # ``source``: the clauses being tagged, when their count is learnt only as they are read (a notice folder's
        # ``NoticeClauses.total``, after its first pass): a folder's run said "51,200 clauses tagged in 45 s", with no
        # total, share or time left, where a clause file's said how far it was
        self._total, self.source, self.start = total, source, time.perf_counter()
        self.last = self.start
        self.before = 0  # rows the interrupted run wrote (``--resume``)
        #: (time, rows) at the first batch written: the rate is of the tagging since, not of the start-up before it
        #: (a resumed run first reads past the rows already written: 28 s of 25,088 rows made its first line
        #: "34 clauses/s, about 12 min left" where it tagged 213 a second)
        self.first: tuple[float, int] | None = None

    @property
    def total(self) -> int | None:
        return self._total or getattr(self.source, "total", None)

    def resumed(self, n: int) -> None:
        """Called once by ``stream_tag`` with the rows already in the partial output."""
        self.before = n

    def line(self, written: int, now: float) -> str:
        """The progress line after ``written`` rows of this run, ``now - start`` seconds in."""
        seconds = now - self.start
        done = self.before + written
        of = f" of {self.total:,}" if self.total else ""
        share = f" ({done / self.total:.0%})" if self.total else ""
        since, base = self.first or (self.start, 0)
        if now > since and written > base:
            rate = (written - base) / (now - since)
        else:  # one batch so far: over the whole run
            rate = written / seconds if seconds > 0 else 0.0
        how = [f"{rate:,.0f} clauses/s"] if rate else []
        if rate and self.total and self.total > done:
            how.append(f"about {_duration((self.total - done) / rate)} left")
        if self.before:
            how.append(f"{self.before:,} of them by the interrupted run")
        said = f" ({', '.join(how)})" if how else ""
        return f"policytag: {done:,}{of} clauses tagged{share} in {seconds:.0f} s{said}"

    def __call__(self, written: int) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first = (now, written)
        if now - self.last < LOG_EVERY_S:
            return
        self.last = now
        print(self.line(written, now), file=sys.stderr)


def _duration(seconds: float) -> str:
    """``40 s``, ``12 min``, ``3.5 h``: a time left, as rough as the rate it comes from."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def log_progress(total: int | None) -> LogProgress | None:
    """A :class:`LogProgress` when stderr is not a terminal (else the bar shows progress): None there."""
    isatty = getattr(sys.stderr, "isatty", None)
    return None if isatty is not None and isatty() else LogProgress(total)


def counting(progress: LogProgress | None, clauses: object) -> LogProgress | None:
    """``progress`` reading its total from ``clauses`` once they know it (:attr:`LogProgress.source`)."""
    if progress is not None:
        progress.source = clauses
    return progress


class IssuerYears:
    """The clauses being streamed, passed through as they are read, noting who wrote each and when (issuer, region,
    level, year): the rows go to a file a batch at a time, so a streamed run has no comparison across governments,
    and :func:`across_hint` says how to get one. ``dates`` and ``total`` (``NoticeClauses``) are the clauses'."""

    def __init__(self, clauses: Iterable[Clause]):
        self.clauses = clauses
        self.seen: set[tuple] = set()

    def __iter__(self) -> Iterator[Clause]:
        seen = self.seen
        for c in self.clauses:
            seen.add((c.issuer or c.region, c.region, c.level, c.year))
            yield c

    def __getattr__(self, name: str):
        if name == "clauses":  # not set yet (copying): no recursion through __getattr__
            raise AttributeError(name)
        return getattr(self.clauses, name)


def across_hint(seen: set[tuple], output: str) -> str | None:
    """The line closing a streamed run whose rows name several governments (as :func:`inference.cli.across_note`
    closes a JSONL report): the researcher of 300 notices who streamed them, stopped and resumed, wanted a table per
    government and year and was told nothing of how to get one. The rows carry the issuer, year and genre, so
    ``tag --clauses OUT`` reads them back as a clause file; it tags them again, holding them all in memory."""
    import shlex

    from .across import government

    issuers = {key[:3] for key in seen if key[0] is not None}
    governments = {government(i) for i in issuers}
    if len(governments) < 2:
        return None
    years = {(government(key[:3]), key[3]) for key in seen if key[0] is not None}
    n = f"{len(issuers)} issuers" + (f" of {len(governments)} governments" if len(governments) != len(issuers) else "")
    table = str(Path(output).with_suffix(".csv"))
    return (f"the rows name several governments ({n}, {len(years)} government-years): streamed rows hold no comparison "
            f"across them; for a table per issuer and year, `policytag tag --clauses {shlex.quote(output)} -o "
            f"{shlex.quote(table)}` writes it to {Path(table).with_suffix('.across.csv')} (it tags the rows again, all of them in memory)")


class Terminated(KeyboardInterrupt):
    """SIGTERM during a streaming run, handled as Ctrl-C is (:func:`sigterm_as_interrupt`)."""


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` in the main thread while a streaming run lasts. A batch scheduler's time
    limit, ``timeout``, ``docker stop`` and ``kill PID`` send SIGTERM (and a job started with ``&`` by a script
    ignores SIGINT, so ``kill -INT`` does nothing there): the run died without a word, where Ctrl-C says where the
    rows are and that ``--resume`` continues. The rows are whole either way (a batch is flushed at once)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_stream(args: argparse.Namespace, fmt: str) -> int:
    with sigterm_as_interrupt():
        return _run_stream(args, fmt)


def _run_stream(args: argparse.Namespace, fmt: str) -> int:
    from policytag.app import resolve_model

    from .stream import notice_clauses, clause_rows, stream_tag

    if not args.output:
        raise UsageError("streaming writes to a file: give -o OUT (.jsonl or .parquet)")
    if args.year is not None:
        raise UsageError("--year selects notices for a summary; it does not combine with streaming")
    if fmt not in ("jsonl", "parquet"):
        raise UsageError(f"streaming writes jsonl or parquet rows, not {fmt} "
                         + ("(name the output .jsonl: rows are appended one per line)" if fmt == "json"
                            else "(summaries need every clause)"))
    if args.workers is None:
        args.workers = 2 if args.engine == "ray" else 1
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    skipped: list[str] = []

    def warn(message: str) -> None:
        skipped.append(message)
        print(f"policytag: warning: {message}", file=sys.stderr)

    tagger = resolve_model(args.model)
    batch_size = args.batch_size or 256
    partial = f"{args.output}.partial"
    try:
        from policytag.corpus.readers import SUPPORTED_SUFFIXES

        from .resume import input_identity

        if args.clauses:
            clauses = clause_rows(args.clauses, args.skip_bad, warn)
            total = _total(args.clauses)
            inputs = input_identity([args.clauses])
        else:
            clauses = notice_clauses(args.inputs, args.skip_bad, warn,
                                     note=lambda message: print(f"policytag: {message}", file=sys.stderr))
            total = None
            inputs = input_identity(args.inputs, SUPPORTED_SUFFIXES)
        clauses = IssuerYears(clauses)
        if args.engine == "ray":
            from .ray_engine import tag_stream_ray

            if args.resume:
                raise UsageError("--resume is for --engine local (a Ray run is restarted as a whole)")
            # the same readers and sinks as the local engine: JSONL/Parquet/HF/notices in, JSONL/Parquet out
            result = tag_stream_ray(_run_dir(tagger, args.model), clauses, args.output, fmt,
                                    model_version=tagger.model_version, batch_size=batch_size,
                                    workers=args.workers, address=args.ray_address, threshold=args.threshold,
                                    total=total, on_batch=counting(log_progress(total), clauses))
        else:
            # what --resume checks: this input, model and threshold wrote OUT.partial (inference/resume.py)
            progress = counting(log_progress(total), clauses)
            result = stream_tag(tagger, clauses, args.output, fmt, threshold=args.threshold, batch_size=batch_size,
                                resume=args.resume, total=total, workers=args.workers, on_batch=progress,
                                on_resume=progress.resumed if progress else None,  # counted in done and total
                                run_dir=_run_dir(tagger, args.model) if args.workers > 1 else None,
                                inputs=inputs)
    except KeyboardInterrupt as exc:
        # the shell's exit status of a process ended by the signal: 128 + SIGINT (2) or SIGTERM (15)
        how, code = ("terminated", 143) if isinstance(exc, Terminated) else ("interrupted", 130)
        if Path(partial).exists():
            # one line, and the exit status of any Ctrl-C: re-raised, the CLI said "interrupted" again
            print(f"policytag: {how}; the rows written so far are in {partial} (--resume continues)",
                  file=sys.stderr)
            return code
        # before the first rows (the first pass over a folder, the model's loading): nothing kept, nothing to resume;
        # Ctrl-C there said "policytag: interrupted" alone, and the researcher did not know whether --resume applied
        print(f"policytag: {how} before the first rows were written (nothing kept: run it again)", file=sys.stderr)
        return code
    except PolicytagError as exc:
        if Path(partial).exists() and "--resume" not in str(exc):
            raise PolicytagError(f"{exc} (rows written so far are kept in {partial}; --resume continues)") from None
        raise
    except OSError as exc:  # a full disk, a file size limit …: say where, and what is kept
        why = exc.strerror or type(exc).__name__
        kept = (f"; rows written so far are kept in {partial} (--resume continues)"
                if Path(partial).exists() else "")
        if exc.filename and not str(exc.filename).startswith(str(args.output)):
            raise PolicytagError(f"{exc.filename}: {why}{kept}") from None  # an input that failed to read
        # a write without a file name is the sink's (OUT.partial) write or flush
        raise PolicytagError(f"{exc.filename or partial}: cannot write ({why}){kept}") from None
    resumed = f" ({result.resumed} already written, resumed)" if result.resumed else ""
    summary = result.summary()
    print(f"policytag: tagged {result.written} clause(s){resumed} with {tagger.model_version} "
          f"in {result.seconds:.1f} s{f' ({summary})' if summary else ''}; wrote {args.output}", file=sys.stderr)
    hint = across_hint(clauses.seen, args.output)
    if hint:
        print(f"policytag: {hint}", file=sys.stderr)
    if skipped:  # the warnings scrolled past with the progress bar: the count closes the run, as without --stream
        print(f"policytag: {len(skipped)} input(s) skipped (listed above); exit code 1", file=sys.stderr)
    return 1 if skipped else 0
