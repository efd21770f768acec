"""Tagging at scale on Ray Data: ``policytag tag --clauses IN.parquet -o OUT.parquet --engine ray``
or, from Python, :func:`tag_parquet_ray`.

The Parquet clause file is read with ``ray.data.read_parquet``; ``map_batches`` runs
:class:`BatchTagger` on an actor pool (``concurrency=workers``), each actor loading the run's model
once in its constructor; batches come back in input order (``preserve_order``) and the driver
writes them through the same Parquet sink as the single-process stream (``OUT.partial/`` part
files, merged and renamed to ``OUT`` at the end), so the output equals ``--engine local``'s row for
row. Ray is started locally by the call (``num_cpus``, a small object store) unless ``address``
names an existing cluster (``ray://head:10001``, ``auto``); a Ray it started is shut down again.

Ray is an optional extra: ``pip install 'policytag[ray]'``.

Every input row needs an ``id``: without one the single-process reader numbers rows, which
workers cannot reproduce.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from policytag import PolicytagError

from .stream import ParquetSink, StreamResult, rows_to_table, tag_rows

DEFAULT_OBJECT_STORE = 256 * 1024 * 1024


class BatchTagger:
    """Ray actor: loads the run once; ``__call__(pyarrow.Table of clause rows) -> Table of tagged rows``."""

    def __init__(self, run_dir: str, model_version: str, threshold: float | None = None):
        from policytag.models.runs import load_run

        self.tagger = load_run(run_dir)
        self.model_version = model_version
        self.threshold = threshold

    def __call__(self, table):
        from .inputs import _clause_from_row

        clauses = []
        for row in table.to_pylist():
            try:
                clauses.append(_clause_from_row(row, 0, "ray"))
            except ValueError as exc:
                raise PolicytagError(f"clause {row.get('id')!r}: {exc}") from None
        rows = tag_rows(self.tagger, clauses, self.threshold, self.model_version)
        return rows_to_table(rows, self.tagger.taxonomy)


def _import_ray():
    try:
        import ray
    except ImportError:
        raise PolicytagError("--engine ray needs Ray: pip install 'policytag[ray]' (or 'ray[data]')") from None
    return ray


def tag_parquet_ray(run_dir: str | Path, input_path: str | Path, output: str | Path, *, model_version: str,
                    batch_size: int = 256, workers: int = 2, address: str | None = None,
                    threshold: float | None = None, num_cpus: int | None = None,
                    object_store_memory: int | None = DEFAULT_OBJECT_STORE, progress: bool = True) -> StreamResult:
    """Tag every clause of a Parquet file into ``output`` (Parquet) with ``workers`` Ray actors."""
    import pyarrow.parquet as pq

    from policytag.taxonomy import load_taxonomy

    ray = _import_ray()
    start = time.perf_counter()
    input_path, output = Path(input_path), Path(output)
    try:
        names = pq.ParquetFile(input_path).schema_arrow.names
    except FileNotFoundError:
        raise PolicytagError(f"{input_path}: no such file") from None
    except Exception as exc:
        raise PolicytagError(f"{input_path}: not a readable Parquet file ({exc})") from None
    for column in ("id", "text"):
        if column not in names:
            raise PolicytagError(f"{input_path}: --engine ray needs an {column!r} column (has {', '.join(names)})")
    sink = ParquetSink(output, load_taxonomy())
    if sink.exists():
        raise PolicytagError(f"{sink.partial} exists (an interrupted run); delete it to start again")
    started_here = not ray.is_initialized()
    if started_here:
        init: dict[str, Any] = dict(address=address, include_dashboard=False, ignore_reinit_error=True,
                                    log_to_driver=False, configure_logging=False)
        if address is None:  # a local Ray sized for this job: one logical CPU per actor + one for reading
            init.update(num_cpus=num_cpus or workers + 1, object_store_memory=object_store_memory)
        ray.init(**init)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # rows come back in input order
        ctx.enable_progress_bars = progress
        ds = ray.data.read_parquet(str(input_path))
        tagged = ds.map_batches(BatchTagger, fn_constructor_kwargs={
            "run_dir": str(run_dir), "model_version": model_version, "threshold": threshold},
            batch_size=batch_size, batch_format="pyarrow", concurrency=workers, num_cpus=1)
        sink.open(append=False)
        written = 0
        for batch in tagged.iter_batches(batch_format="pyarrow", batch_size=None):
            sink.write_table(batch)
            written += batch.num_rows
        sink.finish()
    except ray.exceptions.RayTaskError as exc:
        cause = exc.cause if isinstance(getattr(exc, "cause", None), PolicytagError) else None
        raise PolicytagError(str(cause) if cause else f"Ray task failed: {str(exc).splitlines()[0]}") from None
    finally:
        if started_here:
            ray.shutdown()
    return StreamResult(written, 0, output, time.perf_counter() - start)
