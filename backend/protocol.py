"""Label Studio's ML backend protocol: request parsing and response shapes, no HTTP and no model.

Every malformed request becomes a :class:`BadRequest` (HTTP status + one-line message) that the
server answers with ``{"error": message}``; nothing here raises anything else on bad input.

Shapes (what Label Studio 1.23 sends, ``label_studio/ml/api_connector.py``):

* ``/setup``: ``{"project": "<id>.<created-timestamp>", "schema": LABEL_CONFIG_XML, "hostname": URL,
  "access_token": KEY, "extra_params": …}``
* ``/predict``: ``{"tasks": [{"id": int, "data": {"text": …, …}}, …], "project": "<id>.<ts>",
  "label_config": XML, "params": {…}}`` -> ``{"results": [{"model_version", "score", "result"}]}``,
  one result per task, in task order.
* ``/webhook``: ``{"action": EVENT, "project": {"id": …}, "annotation": {…}, "task": {…}}``;
  ``ANNOTATIONS_DELETED`` carries ``"annotations": [{"id": …}]`` and ``START_TRAINING`` may carry
  no annotation at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from policytag.annotation.client import webhook_events
from policytag.records import Clause

# The webhook actions, from the one table (annotation/client.py WEBHOOK_EVENTS). Anything not in
# it is not a Label Studio event and gets a 422; "other" events are answered 200 "not used".
#: events that change the project's annotations (they count towards the retraining trigger)
ANNOTATION_EVENTS = webhook_events("annotation")
DELETE_EVENTS = webhook_events("deletion")
TRAIN_EVENT = webhook_events("training")[0]
KNOWN_EVENTS = webhook_events("annotation", "deletion", "training")
OTHER_LS_EVENTS = webhook_events("other")


class BadRequest(Exception):
    """A request the backend refuses: ``status`` (4xx) and a one-line ``message``."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def parse_json(body: bytes) -> dict[str, Any]:
    """The JSON object of a request body (400 for empty, non-UTF-8, non-JSON or non-object bodies)."""
    if not body or not body.strip():
        raise BadRequest(400, "empty request body: expected a JSON object")
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest(400, "request body is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadRequest(400, f"request body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    if not isinstance(data, dict):
        raise BadRequest(400, f"expected a JSON object, got a JSON {type(data).__name__}")
    return data


def project_id(value: Any) -> int | None:
    """Label Studio names projects ``"<id>.<timestamp>"`` in /setup and /predict, ``{"id": …}`` in webhooks."""
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    head = str(value).split(".", 1)[0].strip()
    return int(head) if head.isdigit() else None


@dataclass(frozen=True)
class SetupRequest:
    project: int | None
    schema: str
    hostname: str | None = None
    access_token: str | None = None


def parse_setup(data: dict[str, Any]) -> SetupRequest:
    schema = data.get("schema", data.get("label_config"))
    if not isinstance(schema, str) or not schema.strip():
        raise BadRequest(400, "setup: no labeling config ('schema') in the request")
    token = data.get("access_token")
    return SetupRequest(project_id(data.get("project")), schema, data.get("hostname") or None,
                        str(token) if token else None)


def task_clause(task: Any, position: int) -> Clause | None:
    """A task of a /predict request -> the clause the tagger sees (text and heading path); None for a
    task whose text is an empty or blank string: a real task with nothing to label (an emptied
    clause, a hand-made import), answered with an empty prediction, not a malformed request: Label
    Studio asks for a batch at once, and one such task must not cost the others their predictions."""
    if not isinstance(task, dict):
        raise BadRequest(422, f"task {position}: expected a JSON object, got {type(task).__name__}")
    data = task.get("data")
    where = f"task {position}" + (f" (id {task['id']})" if task.get("id") is not None else "")
    if not isinstance(data, dict):
        raise BadRequest(422, f"{where}: no 'data' object")
    if isinstance(data.get("text"), str) and not data["text"].strip():
        return None
    try:
        return Clause.from_row(data, clause_id=str(task.get("id") if task.get("id") is not None else position))
    except ValueError as exc:
        raise BadRequest(422, f"{where}: data: {exc}") from None


@dataclass(frozen=True)
class PredictRequest:
    clauses: list[Clause | None]  # None: a task with an empty text
    project: int | None
    label_config: str | None


def parse_predict(data: dict[str, Any], max_tasks: int) -> PredictRequest:
    if "tasks" not in data:
        raise BadRequest(422, "predict: no 'tasks' in the request (expected {\"tasks\": [{\"data\": {\"text\": …}}]})")
    tasks = data["tasks"]
    if not isinstance(tasks, list):
        raise BadRequest(422, f"predict: 'tasks' must be a list, got {type(tasks).__name__}")
    if len(tasks) > max_tasks:
        raise BadRequest(413, f"predict: {len(tasks)} tasks in one request, at most {max_tasks}")
    config = data.get("label_config")
    return PredictRequest([task_clause(t, i) for i, t in enumerate(tasks)], project_id(data.get("project")),
                          config if isinstance(config, str) and config.strip() else None)


@dataclass(frozen=True)
class WebhookEvent:
    action: str
    project: int | None
    annotation_ids: list[int] = field(default_factory=list)
    task_id: int | None = None


def parse_webhook(data: dict[str, Any]) -> WebhookEvent:
    action = data.get("action")
    if not isinstance(action, str) or not action:
        raise BadRequest(422, "webhook: no 'action' in the payload")
    ann = data.get("annotation") if isinstance(data.get("annotation"), dict) else None
    anns = data.get("annotations") if isinstance(data.get("annotations"), list) else []
    ids = [a.get("id") for a in ([ann] if ann else []) + [a for a in anns if isinstance(a, dict)]]
    task = data.get("task") if isinstance(data.get("task"), dict) else {}
    project = project_id(data.get("project"))
    if project is None and ann:
        project = project_id(ann.get("project"))
    return WebhookEvent(action, project, [int(i) for i in ids if isinstance(i, int)],
                        task.get("id") if isinstance(task.get("id"), int) else None)
