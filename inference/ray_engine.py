"""Tagging on Ray: ``policytag tag INPUTS|--clauses FILE -o OUT --engine ray [--workers N]
[--ray-address ADDR]`` or, from Python, :func:`tag_stream_ray`.

It reads what the local engine reads (notice files and folders, JSONL / Parquet clause files, saved
Hugging Face datasets: the driver uses the same readers, so bad rows, ``--skip-bad`` and row
numbering behave the same) and writes what it writes (JSONL or Parquet, through the same sinks:
``OUT.partial`` renamed to ``OUT`` at the end). Tagging runs on ``workers`` Ray actors, each
loading the run once in its constructor and returning its batches already encoded (JSONL text or
an Arrow table); the driver keeps at most ``2 × workers`` batches in flight and writes them in
input order, so the output equals ``--engine local``'s byte for byte. Per actor this is the local
engine's per-process work (one batch: tag + encode), so an actor tags as fast as a local worker.

Ray is started locally by the call (``num_cpus``, a small object store) unless ``address`` names
an existing cluster (``ray://head:10001``, ``auto``); a Ray it started is shut down again. Ray is
an optional extra: ``pip install 'policytag[ray]'``.
"""

from __future__ import annotations

import collections
import time
from pathlib import Path
from typing import Any, Callable, Iterable

from policytag import PolicytagError
from policytag.records import Clause

from .stream import StreamResult, batch_dates, batched, learn_total, make_sink, unique_clauses

DEFAULT_OBJECT_STORE = 256 * 1024 * 1024


class BatchTagger:
    """Ray actor: loads the run once; ``tag(batch of Clause) -> (encoded rows, seconds)``: a local
    worker's per-batch work, ``stream.tag_encode`` (JSONL text or an Arrow table)."""

    def __init__(self, run_dir: str, model_version: str, threshold: float | None = None, fmt: str = "parquet"):
        from .stream import load_worker

        self.tagger = load_worker(run_dir, fmt)
        self.model_version = model_version
        self.threshold = threshold
        self.fmt = fmt

    def tag(self, clauses: list[Clause], dates: dict[str, str | None] | None = None):
        from .stream import tag_encode

        return tag_encode(self.tagger, clauses, self.threshold, self.model_version, self.fmt, dates)


def _import_ray():
    try:
        import ray
    except ImportError:
        raise PolicytagError("--engine ray needs Ray: pip install 'policytag[ray]' (or 'ray[data]')") from None
    return ray


def tag_stream_ray(run_dir: str | Path, clauses: Iterable[Clause], output: str | Path, fmt: str = "parquet", *,
                   model_version: str, batch_size: int = 256, workers: int = 2, address: str | None = None,
                   threshold: float | None = None, num_cpus: int | None = None,
                   object_store_memory: int | None = DEFAULT_OBJECT_STORE, progress: bool = True,
                   total: int | None = None, on_batch: Callable[[int], None] | None = None) -> StreamResult:
    """Tag ``clauses`` (read lazily by the caller's reader) into ``output`` with ``workers`` Ray actors.
    ``on_batch(n_written_so_far)`` is called after each batch is written (the CLI's progress lines in a
    log, where tqdm draws no bar), as by the local engine's ``stream_tag``."""
    from tqdm import tqdm

    from policytag.taxonomy import load_taxonomy

    ray = _import_ray()
    start = time.perf_counter()
    output = Path(output)
    sink = make_sink(output, fmt, load_taxonomy())
    if sink.exists():
        raise PolicytagError(f"{sink.partial} exists (an interrupted run); delete it to start again "
                             "(--resume is for --engine local)")
    started_here = not ray.is_initialized()
    if started_here:
        init: dict[str, Any] = dict(address=address, include_dashboard=False, ignore_reinit_error=True,
                                    log_to_driver=False, configure_logging=False)
        if address is None:  # a local Ray sized for this job: one logical CPU per actor + one for the driver
            init.update(num_cpus=num_cpus or workers + 1, object_store_memory=object_store_memory)
        ray.init(**init)
    written, busy, cpu, first = 0, 0.0, 0.0, None
    try:
        actor = ray.remote(num_cpus=1)(BatchTagger)
        actors = [actor.remote(str(run_dir), model_version, threshold, fmt) for _ in range(workers)]
        sink.open(append=False)
        pending: collections.deque = collections.deque()
        with tqdm(total=total, unit="clause", desc="tagging (ray)", disable=None if progress else True) as bar:
            def drain(keep: int) -> None:
                nonlocal written, busy, cpu, first
                while len(pending) > keep:
                    n, ref = pending.popleft()
                    encoded, (seconds, cpu_seconds) = ray.get(ref)
                    sink.write_encoded(encoded)
                    written += n
                    busy += seconds
                    cpu += cpu_seconds
                    if first is None:
                        first = time.perf_counter() - start
                    learn_total(bar, clauses)
                    bar.update(n)
                    if on_batch:
                        on_batch(written)

            # the notices' signing dates by doc_id (notice_clauses fills them as it reads; a clause file
            # has none): a report's past periods are no deadlines, as in the local engine
            dates = getattr(clauses, "dates", None)
            for i, batch in enumerate(batched(unique_clauses(clauses), batch_size)):
                # round robin: batch i to actor i mod N; results are fetched in submission order
                pending.append((len(batch), actors[i % workers].tag.remote(batch, batch_dates(dates, batch))))
                drain(2 * workers - 1)
            drain(0)
        sink.close()
        sink.finish()
    except ray.exceptions.RayTaskError as exc:
        sink.close()
        cause = exc.cause if isinstance(getattr(exc, "cause", None), PolicytagError) else None
        raise PolicytagError(str(cause) if cause else f"Ray task failed: {str(exc).splitlines()[0]}") from None
    except BaseException:
        sink.close()
        raise
    finally:
        if started_here:
            ray.shutdown()
    return StreamResult(written, 0, output, time.perf_counter() - start, busy, cpu, workers, first)


def tag_parquet_ray(run_dir: str | Path, input_path: str | Path, output: str | Path, **kwargs) -> StreamResult:
    """A Parquet clause file into ``output`` (Parquet) on Ray: :func:`tag_stream_ray` over the
    local engine's reader (kept for callers of the Parquet-only engine)."""
    from .stream import clause_rows

    def warn(message: str) -> None:
        raise PolicytagError(message)

    return tag_stream_ray(run_dir, clause_rows(str(input_path), False, warn), output, "parquet", **kwargs)
