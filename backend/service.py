"""The backend's behaviour behind the HTTP routes: setup, predict, webhook events, retraining triggers.

Knows nothing about model internals: it calls the tagger interface (``predict_proba``, ``decode``,
``model_version``) and formats results with ``format_predictions`` (annotation/tasks.py),
so what Label Studio stores is exactly what ``annotate push --predictions`` would have imported.
The serving tagger is swapped under a lock; a request holds on to the tagger it started with.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from policytag.annotation.labeling_config import check_config, parse_config
from policytag.annotation.tasks import format_predictions, model_evidence
from policytag.taxonomy import Taxonomy

from .protocol import (ANNOTATION_EVENTS, DELETE_EVENTS, KNOWN_EVENTS, OTHER_LS_EVENTS, TRAIN_EVENT, BadRequest,
                       parse_predict, parse_setup, parse_webhook)

log = logging.getLogger("policytag.backend")


@dataclass
class BackendSettings:
    #: retrain after this many new/updated annotations per project (None: only on START_TRAINING)
    train_every: int | None = None
    #: most tasks in one /predict request
    max_tasks: int = 1000
    #: tasks predicted per tagger call (keeps memory flat on a large request)
    batch_size: int = 64
    #: the Label Studio this backend serves (``--label-studio-url``): /setup may not name another
    label_studio_url: str | None = None
    #: accept any hostname in /setup (``--allow-any-label-studio-host``)
    allow_any_host: bool = False


def origin(url: str) -> tuple[str, str, int | None]:
    """``(scheme, host, port)`` of a URL, the default port filled in: what "the same Label Studio"
    means (``http://LS:8080/`` and ``http://ls:8080`` agree; another host or port does not)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ("", url, None)
    scheme = parts.scheme.lower()
    return (scheme, (parts.hostname or "").lower(), port or {"http": 80, "https": 443}.get(scheme))


@dataclass
class ProjectState:
    """What the backend remembers per Label Studio project."""

    hostname: str | None = None
    access_token: str | None = None
    project_id: int | None = None  # Label Studio's id of the project (None: a request that named none)
    since_training: int = 0  # annotation events since the last retraining request
    events: dict[str, int] = field(default_factory=dict)
    flagged: dict[int, list[str]] = field(default_factory=dict)  # annotation id -> codebook problems


class Backend:
    """One served tagger, optionally a :class:`~policytag.backend.retrain.Retrainer`."""

    def __init__(self, tagger, taxonomy: Taxonomy, settings: BackendSettings | None = None,
                 retrainer_factory: Callable[["Backend"], Any] | None = None,
                 rule_check: Callable[[dict], list[str]] | None = None,
                 flagger: Callable[[dict, "ProjectState"], None] | None = None,
                 suggester: Callable[[list, "ProjectState"], None] | None = None):
        self.taxonomy = taxonomy
        self.settings = settings or BackendSettings()
        self._tagger = tagger
        self._lock = threading.Lock()
        self.project_states: dict[int | None, ProjectState] = {}
        self.rule_check = rule_check
        # flagging a task in Label Studio means calling Label Studio back: never inside its webhook
        # request (it waits at most WEBHOOK_TIMEOUT, 1 s by default), so one background thread does it
        self.flagger = flagger
        # the suggestion lines of predicted tasks (wiring.task_suggester) are written the same way,
        # on the same thread, so a flag and a suggestion never write one task's data at once
        self.suggester = suggester
        self._flag_pool = (ThreadPoolExecutor(max_workers=1, thread_name_prefix="policytag-flag")
                           if flagger or suggester else None)
        self.retrainer = retrainer_factory(self) if retrainer_factory else None
        # without --label-studio-url, the first /setup's hostname is the one Label Studio: a later
        # /setup may not point retraining (and its access token) at another host
        self._pinned_host: str | None = None

    # -- the serving model ----------------------------------------------------------------------
    @property
    def tagger(self):
        with self._lock:
            return self._tagger

    def switch(self, tagger) -> None:
        """Install a new tagger atomically (requests in flight finish with the old one)."""
        with self._lock:
            old, self._tagger = self._tagger, tagger
        log.info("model_version %s -> %s", old.model_version, tagger.model_version)

    @property
    def model_version(self) -> str:
        return str(self.tagger.model_version)

    def project(self, pid: int | None) -> ProjectState:
        return self.project_states.setdefault(pid, ProjectState(project_id=pid))

    # -- routes ---------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        tagger = self.tagger
        out = {"status": "UP", "model_class": f"policytag.{type(tagger).__name__}",
               "model_version": str(tagger.model_version), "taxonomy_version": self.taxonomy.version}
        if self.retrainer is not None:
            out["training"] = self.retrainer.status()
        out["projects"] = {str(pid): {"events": dict(st.events), "since_training": st.since_training,
                                      "flagged_annotations": len(st.flagged)}
                           for pid, st in list(self.project_states.items())}
        return out

    def setup(self, data: dict[str, Any]) -> dict[str, Any]:
        req = parse_setup(data)
        hostname = self._allowed_host(req.hostname)
        self._check_config(req.schema, "setup")
        state = self.project(req.project)
        state.hostname, state.access_token = hostname or state.hostname, req.access_token or state.access_token
        return {"model_version": self.model_version}

    def predict(self, data: dict[str, Any]) -> dict[str, Any]:
        req = parse_predict(data, self.settings.max_tasks)
        if req.label_config:
            self._check_config(req.label_config, "predict")
        tagger = self.tagger  # one model for the whole request, even if a retraining switches meanwhile
        version = str(tagger.model_version)
        clauses = [c for c in req.clauses if c is not None]
        predicted: list[dict[str, Any]] = []
        step = max(1, self.settings.batch_size)
        for i in range(0, len(clauses), step):
            batch = clauses[i: i + step]
            proba = tagger.predict_proba(batch)
            labels = tagger.decode(proba)
            predicted += format_predictions(batch, proba, labels, version, self.taxonomy,
                                            evidence=model_evidence(tagger, batch, labels))
        # one result per task, in order: a task with an empty text gets an empty prediction
        found = iter(predicted)
        results = [next(found) if c is not None else {"model_version": version, "score": 0.0, "result": []}
                   for c in req.clauses]
        if self.suggester is not None and self._flag_pool is not None:
            # tasks whose suggestion lines name another model (or none): the screen shows these
            # predictions pre-ticked, so the line above them must be theirs
            stale = [(int(task["id"]), pred) for task, pred, c in zip(data["tasks"], results, req.clauses)
                     if c is not None and isinstance(task.get("id"), int)
                     and (task.get("data") or {}).get("suggestion_model") != version]
            if stale:
                self._flag_pool.submit(self._suggest, stale, self.project(req.project))
        return {"results": results, "model_version": version}

    def webhook(self, data: dict[str, Any]) -> dict[str, Any]:
        event = parse_webhook(data)
        state = self.project(event.project)
        state.events[event.action] = state.events.get(event.action, 0) + 1
        if event.action in ANNOTATION_EVENTS:
            out: dict[str, Any] = {"status": "ok", "action": event.action}
            problems = self._rule_problems(data)
            if problems:
                for aid in event.annotation_ids:
                    state.flagged[aid] = problems
                out["problems"] = problems
                log.warning("annotation %s breaks codebook rule(s): %s", event.annotation_ids, "; ".join(problems))
            if self._flag_pool is not None:
                self._flag_pool.submit(self._flag, data, state)
            state.since_training += 1
            every = self.settings.train_every
            if every and state.since_training >= every and self.retrainer is not None:
                state.since_training = 0
                out["training"] = self.retrainer.request(event.project, f"{every} new annotation(s)")
            return out
        if event.action in DELETE_EVENTS:
            for aid in event.annotation_ids:
                state.flagged.pop(aid, None)
            if self._flag_pool is not None:  # the task's flag may have to be cleared
                self._flag_pool.submit(self._flag, data, state)
            # deletions change the training data too: they count towards the trigger
            state.since_training += 1
            return {"status": "ok", "action": event.action, "deleted": event.annotation_ids}
        if event.action == TRAIN_EVENT:
            if self.retrainer is None:
                return {"status": "ok", "action": event.action,
                        "message": "retraining is off for this backend (start it with --retrain-project or a base dataset)"}
            state.since_training = 0
            return {"status": "ok", "action": event.action,
                    "training": self.retrainer.request(event.project, "START_TRAINING")}
        if event.action in OTHER_LS_EVENTS:
            return {"status": "ignored", "action": event.action,
                    "message": f"event {event.action} is not used by the policytag backend"}
        raise BadRequest(422, f"webhook: unknown event {event.action[:60]!r} (not a Label Studio webhook action; "
                              f"this backend acts on {', '.join(KNOWN_EVENTS)})")

    # -- helpers --------------------------------------------------------------------------------
    def _allowed_host(self, hostname: Any) -> str | None:
        """The /setup ``hostname`` retraining may use, or None. Otherwise any client could make
        retraining call its own server with its own token (issue 21 row 3):

        * started with ``--label-studio-url``: retraining only ever talks to that URL, so the
          hostname is not kept (Label Studio sends ``http://localhost:8080`` unless its HOSTNAME is
          set, so a mismatch is normal and not refused);
        * without it: the first /setup's host is kept, and a later /setup naming another host
          (scheme, host, port) is refused with 403;
        * ``--allow-any-label-studio-host``: whatever the last /setup says."""
        if hostname is None:
            return None
        if not isinstance(hostname, str) or not hostname.strip():
            raise BadRequest(422, "setup: 'hostname' must be the Label Studio URL (a string)")
        if self.settings.label_studio_url:
            return None
        if self.settings.allow_any_host:
            return hostname
        with self._lock:
            pinned = self._pinned_host
            if pinned is None:
                self._pinned_host = hostname
                return hostname
        if origin(hostname) != origin(pinned):
            shown = " ".join(hostname.split())[:100]
            raise BadRequest(403, f"setup: hostname {shown!r} is not the Label Studio this backend serves "
                                  f"({pinned}, from the first /setup); start the backend with --label-studio-url, "
                                  "or --allow-any-label-studio-host")
        return hostname

    def _check_config(self, xml: str, where: str) -> None:
        from policytag import PolicytagError

        try:
            problems = check_config(xml, self.taxonomy)
        except PolicytagError as exc:
            raise BadRequest(422, f"{where}: {exc}") from None
        if problems and parse_config(xml).version is None:
            # another team's project (push leaves it alone): regenerating it is not the way out
            raise BadRequest(422, f"{where}: the project's labeling config was not generated by policytag (no "
                                  f"taxonomy version in it): connect this backend to a project made by "
                                  f"`policytag annotate push` (`policytag backend connect --project …`)")
        if problems:
            raise BadRequest(422, f"{where}: the project's labeling config does not match taxonomy "
                                  f"{self.taxonomy.version}: {'; '.join(problems)} — regenerate it with "
                                  f"`policytag annotate push` (or `policytag annotate config`)")

    def _flag(self, data: dict[str, Any], state: ProjectState) -> None:
        try:
            self.flagger(data, state)
        except Exception as exc:  # Label Studio unreachable, task deleted meanwhile …: log, keep serving
            log.warning("could not update the task's review flag: %s", " ".join(str(exc).split())[:300])

    def _suggest(self, items: list, state: ProjectState) -> None:
        try:
            self.suggester(items, state)
        except Exception as exc:  # Label Studio unreachable, task deleted meanwhile …: log, keep serving
            log.warning("could not write the suggestion lines: %s", " ".join(str(exc).split())[:300])

    def _rule_problems(self, data: dict[str, Any]) -> list[str]:
        if self.rule_check is None or not isinstance(data.get("annotation"), dict):
            return []
        try:
            return list(self.rule_check(data) or [])
        except Exception as exc:  # a rule checker bug must not fail the webhook
            log.warning("codebook rule check failed: %s", exc)
            return []
