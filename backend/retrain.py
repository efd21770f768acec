"""Retraining from a project's annotations, in one background worker thread.

One job at a time: a request while a job runs is remembered (several collapse into one) and runs
right after, so the newest annotations are always trained on. The web server keeps answering from
the current model meanwhile; the new model replaces it only when its held-out macro-F1 (mean of
both dimensions) did not drop, and both figures are logged either way.

Data: the base gold dataset (the recipe's ``data.gold``) minus its held-out years, with the
project's resolved annotations (pulled with the annotation layer's export parsing and
multi-annotator resolution) added or, for clauses already in the gold file, taking precedence.
Annotations of clauses from the held-out years are **not** trained on, so the held-out figure
stays honest. Dev years tune the thresholds, as in ``policytag train``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from policytag import PolicytagError
from policytag.records import Clause, Labels
from policytag.taxonomy import DIMENSIONS, Taxonomy

log = logging.getLogger("policytag.backend")


# --- pulling annotations -------------------------------------------------------------------------
def pull_rows(url: str, api_key: str, project: int, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The project's resolved annotation rows (as ``annotate pull`` writes them), without writing files."""
    from policytag.annotation.client import connect, get_project, list_users
    from policytag.annotation.labeling_config import check_config
    from policytag.annotation.pull import build_dataset, parse_export

    session = connect(url, api_key)
    proj = get_project(session, str(project))
    mismatch = check_config(proj.label_config or "", taxonomy)
    if mismatch:
        raise PolicytagError(f"project {project} does not match the taxonomy: {'; '.join(mismatch)}")
    try:
        users = {uid: u.name for uid, u in list_users(session).items()}
    except PolicytagError:
        users = {}
    with session.errors(f"exporting project {project}"):
        export = session.client.projects.exports.as_json(proj.id)
    records, stats = parse_export(export, taxonomy, users, where=f"project {project}")
    return build_dataset(records, stats, taxonomy).rows


# --- one retraining ------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What one retraining did (logged, and shown by ``GET /health`` as ``training.last``)."""

    project: int | None
    reason: str
    accepted: bool = False
    old_version: str = ""
    new_version: str | None = None
    old_macro_f1: float | None = None  # held-out, mean of both dimensions
    new_macro_f1: float | None = None
    per_dimension: dict[str, dict[str, float]] = field(default_factory=dict)
    n_train: int = 0
    n_dev: int = 0
    n_heldout: int = 0
    n_annotations: int = 0  # resolved annotated clauses pulled from the project
    n_annotations_heldout: int = 0  # of those, clauses of held-out years: not trained on
    run_dir: str | None = None
    seconds: float = 0.0
    error: str | None = None
    finished: str = ""

    def line(self) -> str:
        if self.error:
            return f"retraining ({self.reason}) failed: {self.error}"
        figures = f"held-out macro-F1 {self.old_macro_f1:.4f} (current {self.old_version}) -> {self.new_macro_f1:.4f}"
        if self.accepted:
            return f"retrained ({self.reason}) on {self.n_train}+{self.n_dev} clauses: {figures}; switched to {self.new_version}"
        return (f"retrained ({self.reason}) on {self.n_train}+{self.n_dev} clauses: {figures}; refused the new model "
                f"(held-out macro-F1 dropped), keeping {self.old_version}")


def annotation_clause(row: dict[str, Any]) -> Clause:
    return Clause.from_row(row)


def _macro(metrics: dict) -> tuple[float, dict[str, float]]:
    per = {dim: round(float(metrics[dim]["macro_f1"]), 4) for dim in DIMENSIONS}
    return sum(per.values()) / len(per), per


def retrain_once(current, rows: Sequence[dict[str, Any]], recipe: dict[str, Any], runs_dir: Path, name: str,
                 project: int | None, reason: str, load_run: Callable[[Path], Any]) -> tuple[Any | None, Outcome]:
    """Train ``recipe`` on gold (minus held-out years) + ``rows``; returns (new tagger or None, outcome).

    ``load_run`` reloads the saved run (so the new model's ``model_version`` is the one its run.json
    records, exactly as any later ``policytag tag --model RUN_DIR`` would see it).
    """
    from policytag.models.runs import save_run
    from policytag.taxonomy import load_taxonomy
    from policytag.training.challenge import with_augment
    from policytag.training.data import Dataset, Example
    from policytag.training.metrics import evaluate_labels
    from policytag.training.train import build_tagger, config_dataset, fit_all, set_seed

    start = time.perf_counter()
    taxonomy = load_taxonomy()
    split = recipe["split"]
    test_years, dev_years = set(split["test_years"]), set(split["dev_years"])
    data = config_dataset(recipe)
    heldout = [e for e in data.examples if e.clause.year in test_years]
    heldout_ids = {e.clause.clause_id for e in heldout}
    labelled: dict[str, tuple[Clause, Labels]] = {
        e.clause.clause_id: (e.clause, e.labels) for e in data.examples if e.clause.clause_id not in heldout_ids}
    outcome = Outcome(project, reason, old_version=str(current.model_version), n_heldout=len(heldout),
                      n_annotations=len(rows))
    for row in rows:
        clause = annotation_clause(row)
        if clause.clause_id in heldout_ids or clause.year in test_years:
            outcome.n_annotations_heldout += 1
            continue
        labels = Labels(tuple(row.get("sector") or ()), tuple(row.get("measure_type") or ()))
        if not labels.sector or not labels.measure_type:
            continue  # a dimension left empty is not a usable training label
        labelled[clause.clause_id] = (clause, labels)
    if not heldout:
        raise PolicytagError(f"no held-out clauses (years {sorted(test_years)}) in {recipe['data']['gold']}")
    everything = Dataset([Example(c, y) for c, y in labelled.values()], data.data_hash)

    held_clauses = [e.clause for e in heldout]
    held_labels = [e.labels for e in heldout]
    old_f1, _ = _macro(evaluate_labels(held_labels, current.predict(held_clauses), taxonomy))
    if split.get("mode") == "all":
        # the recipe's own way (e.g. the shipped default: every labelled clause, out-of-fold
        # thresholds); "every" excludes the held-out years here, which only the gate sees
        outcome.n_train = len(everything.examples)
        tagger, _, _ = fit_all(recipe, everything)
    else:  # temporal: dev years tune the thresholds, as `policytag train` does
        train = Dataset([e for e in everything.examples if e.clause.year not in dev_years], data.data_hash)
        dev = [e for e in everything.examples if e.clause.year in dev_years]
        outcome.n_train, outcome.n_dev = len(train.examples), len(dev)
        train = with_augment(recipe, train)
        set_seed(recipe["seed"])
        tagger = build_tagger(recipe)
        tagger.fit(train.clauses, train.labels, [e.clause for e in dev] or None, [e.labels for e in dev] or None)
    new_metrics = evaluate_labels(held_labels, tagger.predict(held_clauses), taxonomy)
    new_f1, per = _macro(new_metrics)
    outcome.old_macro_f1, outcome.new_macro_f1, outcome.per_dimension = round(old_f1, 4), round(new_f1, 4), per
    if new_f1 + 1e-12 < old_f1:
        outcome.seconds = round(time.perf_counter() - start, 2)
        return None, outcome
    canonical = json.dumps(sorted((c.clause_id, y.sector, y.measure_type) for c, y in labelled.values()),
                           ensure_ascii=False)
    data_hash = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    run_dir = Path(runs_dir) / f"{name}-{stamp}"
    config = {**recipe, "name": run_dir.name}
    metrics = {"split": "backend-heldout",
               "sizes": {"train": outcome.n_train, "dev": outcome.n_dev, "test": len(heldout)}, "test": new_metrics}
    save_run(tagger, run_dir, config, metrics, data_hash,
             {"train_seconds": round(time.perf_counter() - start, 2), "seed": recipe["seed"],
              "retrained_from": {"project": project, "annotations": len(rows), "base_model": outcome.old_version,
                                 "heldout_macro_f1": {"before": outcome.old_macro_f1, "after": outcome.new_macro_f1}}})
    new = load_run(run_dir)
    outcome.accepted, outcome.new_version, outcome.run_dir = True, str(new.model_version), str(run_dir)
    outcome.seconds = round(time.perf_counter() - start, 2)
    return new, outcome


# --- the worker ----------------------------------------------------------------------------------
class Retrainer:
    """Runs retraining jobs one at a time in a daemon thread.

    ``fetch(project)`` returns the project's annotation rows; ``current()`` the serving tagger;
    ``switch(tagger)`` installs an accepted model. ``request`` never blocks on training.
    """

    def __init__(self, recipe: dict[str, Any], runs_dir: Path, name: str, fetch: Callable[[int | None], list[dict]],
                 current: Callable[[], Any], switch: Callable[[Any], None], load_run: Callable[[Path], Any]):
        self.recipe, self.runs_dir, self.name = recipe, Path(runs_dir), name
        self.fetch, self.current, self.switch, self.load_run = fetch, current, switch, load_run
        self._cond = threading.Condition()
        self._pending: tuple[int | None, str] | None = None
        self._running: tuple[int | None, str] | None = None
        self._stop = False
        self.history: list[Outcome] = []
        self._thread = threading.Thread(target=self._loop, name="policytag-retrain", daemon=True)
        self._thread.start()

    def request(self, project: int | None, reason: str) -> str:
        """Queue a retraining; returns what happened to the request (for the webhook's answer)."""
        with self._cond:
            if self._pending is not None:
                self._pending = (project, reason)
                return "a retraining is already queued; it will use the newest annotations"
            self._pending = (project, reason)
            self._cond.notify()
            return "queued behind the running retraining" if self._running else "retraining started"

    def status(self) -> dict[str, Any]:
        with self._cond:
            return {"running": self._running is not None, "queued": self._pending is not None,
                    "done": len(self.history), "last": asdict(self.history[-1]) if self.history else None}

    def wait_idle(self, timeout: float) -> bool:
        """True once nothing is running or queued (tests and shutdown)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending is not None or self._running is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                self._running, self._pending = self._pending, None
            project, reason = self._running
            outcome = Outcome(project, reason)
            try:
                rows = self.fetch(project)
                new, outcome = retrain_once(self.current(), rows, self.recipe, self.runs_dir, self.name,
                                            project, reason, self.load_run)
                if new is not None:
                    self.switch(new)
            except PolicytagError as exc:
                outcome.error = str(exc)
            except Exception as exc:  # the worker must survive anything one job does
                log.exception("retraining crashed")
                outcome.error = f"{type(exc).__name__}: {exc}"
            outcome.finished = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
            (log.warning if outcome.error or not outcome.accepted else log.info)("%s", outcome.line())
            with self._cond:
                self.history.append(outcome)
                self._running = None
                self._cond.notify_all()
