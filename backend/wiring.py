"""What ``policytag backend serve`` plugs into the :class:`~.service.Backend`: the recipe retraining
uses, the retraining worker (pulling annotations through ``annotation.pull.fetch_dataset``, training
through ``training.train.train_recipe``), the codebook rule check of a webhook's annotation and
the task flag it sets in Label Studio, and the suggestion lines it writes for what it predicted. The CLI (``backend/cli.py``) only parses and prints.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

from policytag import PolicytagError
from policytag.taxonomy import Taxonomy

log = logging.getLogger("policytag.backend")


def retrain_recipe(path: str | Path | None = None) -> dict[str, Any]:
    """The training config retraining uses: ``path``, else the default model's recipe
    (``policytag/resources/default.yaml``, what the default-model provisioning trains); without
    cross-validation, and with its data paths (``policytag:`` package data, relative paths) made
    concrete once, at start-up."""
    from policytag.paths import default_config_path, resolve_data_path
    from policytag.training.config import load_config

    config = load_config(path or default_config_path())
    config["split"]["cv"] = False
    data = {k: (str(resolve_data_path(v)) if v else v) for k, v in config["data"].items()}  # augment may be None
    return {**config, "data": data}


def saw_heldout(spec: str | None) -> bool:
    """Did the model ``backend serve --model SPEC`` serves train on its recipe's held-out (test) years?

    The default model: when its recipe fits on every clause (``split.mode: all``, as shipped). A
    run directory or run name: when its metrics say it was fitted on every clause (``split: all``)
    and score no held-out part (``sizes.test``; a retraining always holds the test years out). A run
    whose metrics say nothing about its split is taken at its word, as before: its own figure is
    the reference.
    """
    from policytag.models.runs import run_metrics
    from policytag.paths import default_config_path, runs_dir
    from policytag.training.config import load_config

    if spec in (None, "", "default"):
        return load_config(default_config_path())["split"].get("mode") == "all"
    path = Path(spec)
    if not path.exists() and (runs_dir() / spec).exists():
        path = runs_dir() / spec  # a run name, as policytag.app.resolve_model reads it
    try:
        metrics = run_metrics(path)
    except (OSError, ValueError):
        return False
    return isinstance(metrics, dict) and metrics.get("split") == "all" and not (metrics.get("sizes") or {}).get("test")


def check_taxonomy(tagger, taxonomy: Taxonomy) -> None:
    """A tagger trained under another taxonomy version (or label set) is refused, in one line."""
    version = getattr(tagger, "taxonomy_version_", None)
    if version is not None and version != taxonomy.version:
        raise PolicytagError(f"the model {tagger.model_version} was trained on taxonomy version {version}, the "
                             f"current taxonomy is {taxonomy.version}; retrain it (policytag train) before serving it")


def rule_check(taxonomy: Taxonomy) -> Callable[[dict], list[str]]:
    """Codebook checks of the annotation in an ANNOTATION_* webhook (annotation/rules.py), as lines."""
    from policytag.annotation.rules import check_annotation

    def check(payload: dict) -> list[str]:
        return [v.text() for v in check_annotation(payload["annotation"], taxonomy)]

    return check


def _label_studio(url: str | None, key: str | None, state) -> tuple[str | None, str | None]:
    """Where to reach Label Studio: the configured URL/key, else what the project's /setup sent."""
    return url or state.hostname, key or state.access_token


def task_flagger(label_studio_url: str | None, api_key: str | None, taxonomy: Taxonomy):
    """Sets/clears the task's review flag in Label Studio (annotation/rules.py ``handle_webhook``)."""
    from policytag.annotation.client import connect
    from policytag.annotation.rules import handle_webhook

    sessions: dict[tuple[str, str], Any] = {}

    def flag(payload: dict, state) -> None:
        url, key = _label_studio(label_studio_url, api_key, state)
        if not url or not key:
            return  # nowhere to write the flag; the webhook answer still lists the problems
        if (url, key) not in sessions:
            sessions[(url, key)] = connect(url, key)
        handle_webhook(sessions[(url, key)], payload, taxonomy)

    return flag


def task_suggester(label_studio_url: str | None, api_key: str | None, taxonomy: Taxonomy):
    """Writes the suggestion lines of the tasks the backend just predicted into Label Studio.

    The labelling screen shows the model's suggestion with every label's probability in the task
    data (``suggestion_sector``/``suggestion_measure``, annotation/tasks.py), which push writes
    only for its own predictions: with the backend connected, a task pushed without predictions
    read "模型建议：无" above choices the backend had pre-ticked, and after a retraining the line
    named the old model. ``suggest(items, state)`` takes ``[(task_id, prediction)]``; the tasks'
    data is read fresh (a review flag set meanwhile stays) and each task written only when its lines
    change. The data of all of them comes in one list request (a GET each, then a PATCH each, one
    after the other, made a "Retrieve predictions" over 200 tasks after a retraining take 245 s at
    load ~13, 129 s so), and the writes go ``push.WRITERS`` at a time: Label Studio has no request
    that writes many tasks their own data (docs/annotation.md §3).
    """
    from policytag.annotation.client import connect
    from policytag.annotation.push import write_data
    from policytag.annotation.tasks import suggestion_fields

    sessions: dict[tuple[str, str], Any] = {}

    def suggest(items: list[tuple[int, dict]], state) -> None:
        url, key = _label_studio(label_studio_url, api_key, state)
        if not url or not key:
            return  # nowhere to write: the predictions themselves are stored by Label Studio
        if (url, key) not in sessions:
            sessions[(url, key)] = connect(url, key)
        session = sessions[(url, key)]
        ids = [task_id for task_id, _ in items]
        with session.errors(f"reading the data of {len(ids)} task(s) to write their suggestion lines"):
            current = (session.tasks_data(state.project_id, ids) if state.project_id is not None
                       else {task_id: session.task_data(task_id) for task_id in ids})
        writes = []
        for task_id, prediction in items:
            data = current.get(task_id)
            if data is None or "clause_id" not in data:
                continue  # deleted meanwhile, or not a policytag task: its data is not ours to extend
            new = {**data, **suggestion_fields(prediction, taxonomy)}
            if new != data:
                writes.append((task_id, new, f"writing the suggestion lines of task {task_id}"))
        write_data(session, writes, "writing suggestion lines", progress=False)

    return suggest


def pull_rows(url: str, api_key: str, project: Any, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """Project ``project``'s resolved annotations as the rows retraining adds (``annotate pull``'s resolution);
    tasks whose text was edited in Label Studio are logged, as ``annotate pull`` prints them: the worker's log is
    where a backend's user looks."""
    from policytag.annotation.client import connect
    from policytag.annotation.pull import edited_text_line, fetch_dataset

    dataset = fetch_dataset(connect(url, api_key), str(project), taxonomy)
    if dataset.edited_text:
        log.warning("%s", edited_text_line(dataset.edited_text, f"project {project}'s retraining uses them"))
    return dataset.rows


def retrainer_factory(recipe: dict[str, Any], runs_dir: Path | None, label_studio_url: str | None,
                      api_key: str | None, taxonomy: Taxonomy, current_saw_heldout: bool = False,
                      tolerance: float | None = None):
    """``factory(backend) -> Retrainer`` training ``recipe`` on a project's pulled annotations;
    runs go to ``runs_dir`` (default ``RUNS/backend/``, outside the default-model search).
    ``current_saw_heldout``: the served model trained on the held-out years (:func:`saw_heldout`);
    ``tolerance``: the gate's (``retrain.DEFAULT_TOLERANCE`` when None)."""
    from policytag.models.runs import load_run
    from policytag.paths import runs_dir as runs_root

    from .retrain import DEFAULT_TOLERANCE, Retrainer

    runs_dir = Path(runs_dir) if runs_dir else runs_root() / "backend"

    def factory(backend):
        def fetch(project):
            if project is None:
                raise PolicytagError("the training request names no project")
            url, key = _label_studio(label_studio_url, api_key, backend.project(project))
            if not url or not key:
                raise PolicytagError("no Label Studio URL/API key to pull annotations from: start the backend with "
                                     "--label-studio-url and --api-key (or LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY)")
            return pull_rows(url, key, project, taxonomy)

        return Retrainer(recipe, runs_dir, recipe.get("name") or "default", fetch,
                         current=lambda: backend.tagger, switch=backend.switch, load_run=load_run,
                         current_saw_heldout=current_saw_heldout,
                         tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance)

    return factory
