"""Retraining from a project's annotations, in one background worker thread.

One job at a time: a request while a job runs is remembered (several collapse into one) and runs
right after, so the newest annotations are always trained on. The web server keeps answering from
the current model meanwhile; the new model replaces it only when its held-out macro-F1 (mean of
both dimensions) did not drop by more than a noise-level tolerance (:data:`DEFAULT_TOLERANCE`,
``backend serve --retrain-tolerance``), and both figures are logged either way.

Training is ``policytag.training.train.train_recipe`` (the same function ``policytag train`` and
the default model use): the recipe's gold dataset with the project's resolved annotations
(``annotation.client.fetch_dataset``, as ``annotate pull`` resolves them) added or, for clauses
already in the gold file, taking precedence; the recipe's test years are held out (annotations
of them are **not** trained on, so the held-out figure stays honest) and dev years tune the
thresholds in a temporal recipe. This module only queues jobs and decides the switch.
"""

from __future__ import annotations

import datetime as _dt
import logging
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from policytag import PolicytagError

log = logging.getLogger("policytag.backend")

#: how far (macro-F1, 0-1) a retrained model may score below the reference and still replace it.
#: The held-out part of the default recipe is small (99 clauses of 2024-2026; 19 sectors, 2 to 36
#: positives each): one clause that loses one label of 2 or 3 positives moves the mean macro-F1 of
#: both dimensions by 0.009 or 0.005. Without a tolerance, a retraining that had learnt from new
#: annotations was refused for a drop of 0.0095, one such clause (a newcomer's walk,
#: docs/backend.md). One point lets that noise through and still refuses every real loss the gate
#: was made for (a model fitted on 15 clauses: 0.12 against 0.62). The drops accepted in a row share
#: this one allowance (:class:`Retrainer`), so a run of small losses cannot add up to a large one.
DEFAULT_TOLERANCE = 0.01


def accepts(old_f1: float, new_f1: float, tolerance: float) -> bool:
    """The gate: ``new_f1`` is at most ``tolerance`` below ``old_f1`` (1e-12: rounding)."""
    return new_f1 + tolerance + 1e-12 >= old_f1


# --- one retraining ------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What one retraining did (logged, and shown by ``GET /health`` as ``training.last``)."""

    project: int | None
    reason: str
    accepted: bool = False
    old_version: str = ""
    new_version: str | None = None
    old_macro_f1: float | None = None  # held-out, mean of both dimensions: the reference the new model must reach
    #: what ``old_macro_f1`` scores: the current model, or the recipe trained without the project's
    #: annotations when the current model trained on the held-out clauses itself (``reference_f1``)
    reference: str = "current"
    new_macro_f1: float | None = None
    #: the drop below ``old_macro_f1`` this retraining was allowed (what is left of the allowance)
    tolerance: float = 0.0
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
        ref = (f"current {self.old_version}" if self.reference == "current" else
               f"the recipe without the annotations: the current {self.old_version} trained on the held-out clauses")
        figures = f"held-out macro-F1 {self.old_macro_f1:.4f} ({ref}) -> {self.new_macro_f1:.4f}"
        if self.accepted:
            within = (f" (a drop within the tolerance {self.tolerance:.4f})"
                      if self.new_macro_f1 < self.old_macro_f1 else "")
            return (f"retrained ({self.reason}) on {self.n_train}+{self.n_dev} clauses: {figures}{within}; "
                    f"switched to {self.new_version}")
        return (f"retrained ({self.reason}) on {self.n_train}+{self.n_dev} clauses: {figures}; refused the new model "
                f"(held-out macro-F1 dropped by more than the tolerance {self.tolerance:.4f}), keeping {self.old_version}")


def _macro(metrics: dict) -> tuple[float, dict[str, float]]:
    # imported here: ``backend serve``'s options read DEFAULT_TOLERANCE, and registering them (every
    # policytag call) must not load the taxonomy and yaml
    from policytag.taxonomy import DIMENSIONS

    per = {dim: round(float(metrics[dim]["macro_f1"]), 4) for dim in DIMENSIONS}
    return sum(per.values()) / len(per), per


def heldout_baseline(recipe: dict[str, Any], runs_dir: Path) -> float:
    """Held-out macro-F1 of ``recipe`` trained without any annotation, on the split retraining uses
    (test years held out); nothing is saved.

    The reference for a current model that trained on the held-out clauses itself: the shipped
    default fits on every gold clause (``split.mode: all``), so its "held-out" figure is a training
    figure (0.944, where the fast TF-IDF recipe that never saw those clauses scores 0.62), and no
    retrained model could ever reach it.
    """
    from policytag.training.train import train_recipe

    seen: dict[str, float] = {}

    def score_and_refuse(tagger, metrics: dict, heldout) -> bool:
        seen["f1"], _ = _macro(metrics["test"])
        return False  # nothing to save: only the figure is wanted

    train_recipe({**recipe, "name": "heldout-baseline"}, (), Path(runs_dir) / "heldout-baseline",
                 hold_out_test=True, accept=score_and_refuse)
    return seen["f1"]


def retrain_once(current, rows: Sequence[dict[str, Any]], recipe: dict[str, Any], runs_dir: Path, name: str,
                 project: int | None, reason: str, load_run: Callable[[Path], Any],
                 reference_f1: Callable[[], float] | None = None,
                 tolerance: float = DEFAULT_TOLERANCE) -> tuple[Any | None, Outcome]:
    """Train ``recipe`` on its data + ``rows`` (``training.train.train_recipe``, test years held
    out); returns (new tagger or None, outcome).

    The only decision made here is the gate: the new model is saved and switched to when its
    held-out macro-F1 is not more than ``tolerance`` below the current model's on the same clauses
    (:func:`accepts`); otherwise nothing is written. ``load_run`` reloads the saved run (so the new model's ``model_version`` is the one
    its run.json records, exactly as any later ``policytag tag --model RUN_DIR`` would see it).
    ``reference_f1`` (given when the current model trained on the held-out clauses, see
    :func:`heldout_baseline`) replaces the current model's figure as the one to reach.
    """
    from policytag.training.train import evaluate_on, train_recipe

    start = time.perf_counter()
    outcome = Outcome(project, reason, old_version=str(current.model_version), n_annotations=len(rows),
                      tolerance=round(tolerance, 4))
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    run_dir = Path(runs_dir) / f"{name}-{stamp}"
    info: dict[str, Any] = {}

    def gate(tagger, metrics: dict, heldout) -> bool:
        sizes, used = metrics["sizes"], metrics.get("extra_rows") or {}
        outcome.n_train, outcome.n_dev, outcome.n_heldout = sizes["train"], sizes.get("dev", 0), sizes["test"]
        outcome.n_annotations_heldout = used.get("heldout", 0)
        if reference_f1 is None:
            old_f1, _ = _macro(evaluate_on(current, heldout, range(len(heldout.examples)))[0])
        else:
            old_f1, outcome.reference = reference_f1(), "recipe without annotations"
        new_f1, per = _macro(metrics["test"])
        outcome.old_macro_f1, outcome.new_macro_f1, outcome.per_dimension = round(old_f1, 4), round(new_f1, 4), per
        info["retrained_from"] = {"project": project, "annotations": len(rows), "base_model": outcome.old_version,
                                  "heldout_macro_f1": {"before": outcome.old_macro_f1, "after": outcome.new_macro_f1,
                                                       "before_is": outcome.reference}}
        return accepts(old_f1, new_f1, tolerance)

    saved = train_recipe({**recipe, "name": run_dir.name}, rows, run_dir, info=info, hold_out_test=True, accept=gate)
    new = None
    if saved is not None:
        new = load_run(saved)
        outcome.accepted, outcome.new_version, outcome.run_dir = True, str(new.model_version), str(saved)
    outcome.seconds = round(time.perf_counter() - start, 2)
    return new, outcome


# --- the worker ----------------------------------------------------------------------------------
class Retrainer:
    """Runs retraining jobs one at a time in a daemon thread.

    ``fetch(project)`` returns the project's annotation rows; ``current()`` the serving tagger;
    ``switch(tagger)`` installs an accepted model. ``request`` never blocks on training.
    ``current_saw_heldout``: the serving model trained on the recipe's held-out clauses (the shipped
    default does); until a retrained model replaces it, the gate's reference is then the recipe's
    own held-out figure without annotations (:func:`heldout_baseline`, computed once).
    ``tolerance`` (:data:`DEFAULT_TOLERANCE`) is one allowance for the drops accepted in a row: each
    accepted drop uses part of it, a retraining that did not drop gives it back whole, so five
    retrainings each 0.004 below the last cannot take the model 0.02 down.
    """

    def __init__(self, recipe: dict[str, Any], runs_dir: Path, name: str, fetch: Callable[[int | None], list[dict]],
                 current: Callable[[], Any], switch: Callable[[Any], None], load_run: Callable[[Path], Any],
                 current_saw_heldout: bool = False, tolerance: float = DEFAULT_TOLERANCE):
        if not 0 <= tolerance < 1:
            raise PolicytagError(f"retrain tolerance {tolerance}: must be at least 0 and below 1 (macro-F1)")
        self.recipe, self.runs_dir, self.name = recipe, Path(runs_dir), name
        self.fetch, self.current, self.switch, self.load_run = fetch, current, switch, load_run
        self.current_saw_heldout = current_saw_heldout
        self._baseline: float | None = None
        self.tolerance = self._allowance = tolerance
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

    def _baseline_f1(self) -> float:
        if self._baseline is None:  # the recipe and its data do not change while the backend runs
            self._baseline = heldout_baseline(self.recipe, self.runs_dir)
        return self._baseline

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
                                            project, reason, self.load_run,
                                            self._baseline_f1 if self.current_saw_heldout else None,
                                            tolerance=self._allowance)
                if new is not None:
                    self.switch(new)
                    self.current_saw_heldout = False  # a retrained model held the test years out
                    drop = outcome.old_macro_f1 - outcome.new_macro_f1
                    self._allowance = self.tolerance if drop <= 0 else max(0.0, self._allowance - drop)
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
