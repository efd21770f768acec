"""The one module that talks to Label Studio (``label-studio-sdk`` 2.x): connect, projects, tasks,
predictions, annotations, users, exports, Data Manager tabs and ML-backend connections.

Every other module reaches Label Studio through a :class:`Session` and the functions here; none
imports the SDK (``tests/test_annotation_client_only.py`` greps for SDK calls elsewhere).

Every SDK or network failure is turned into a one-line :class:`PolicytagError` (what we were doing,
and what the server said), so the CLI never shows a traceback for a wrong URL, key or project.

Authentication: ``LabelStudio(base_url=..., api_key=...)`` sends a legacy token as
``Authorization: Token <key>`` and a personal access token (a JWT refresh token) as a Bearer token
after refreshing it; both kinds of key from the Label Studio "Account & Settings" page work.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urlsplit, urlunsplit

from policytag import PolicytagError, UsageError
from policytag.taxonomy import Taxonomy

from .labeling_config import build_config, check_config, parse_config, project_description

#: title of the Data Manager tab push creates (document, year, heading, suggestion score, flag)
VIEW_TITLE = "标注 · policytag"

#: Label Studio's webhook actions (``webhooks/models.py`` WebhookAction, plus Enterprise reviews)
#: by what they mean here: the one table the ML backend (``backend/protocol.py``) and the codebook
#: check (``annotation/rules.py``) read. "annotation": the project's annotations changed (they
#: count towards retraining and the task is re-checked); "deletion": annotations were deleted
#: (Label Studio sends the plural; the singular is accepted too); "training": START_TRAINING;
#: "other": a real Label Studio event policytag does not use.
WEBHOOK_EVENTS: dict[str, str] = {
    "ANNOTATION_CREATED": "annotation", "ANNOTATION_UPDATED": "annotation", "ANNOTATIONS_CREATED": "annotation",
    "ANNOTATIONS_DELETED": "deletion", "ANNOTATION_DELETED": "deletion",
    "START_TRAINING": "training",
    **dict.fromkeys(("PROJECT_CREATED", "PROJECT_UPDATED", "PROJECT_DELETED", "TASKS_CREATED", "TASKS_DELETED",
                     "LABEL_LINK_CREATED", "LABEL_LINK_UPDATED", "LABEL_LINK_DELETED",
                     "REVIEW_CREATED", "REVIEW_UPDATED", "REVIEWS_DELETED"), "other"),
}


def webhook_events(*kinds: str) -> tuple[str, ...]:
    """The webhook actions of these kinds (see :data:`WEBHOOK_EVENTS`), in table order."""
    return tuple(action for action, kind in WEBHOOK_EVENTS.items() if kind in kinds)
#: the e-mail domain of users created for imported labels (see :func:`ensure_user`)
IMPORT_DOMAIN = "policytag.local"


def _server_says(body: Any) -> str:
    """The useful part of an error body, on one line (Label Studio puts field errors under validation_errors)."""
    if isinstance(body, dict):
        parts = []
        for key in ("detail", "message", "error"):
            if body.get(key):
                parts.append(str(body[key]))
                break
        errors = body.get("validation_errors")
        if isinstance(errors, dict):
            parts += [f"{name}: {' '.join(map(str, msgs)) if isinstance(msgs, list) else msgs}"
                      for name, msgs in errors.items()]
        elif errors:
            parts.append(json.dumps(errors, ensure_ascii=False))
        return "; ".join(parts) if parts else json.dumps(body, ensure_ascii=False)
    text = str(body or "").strip()
    if text.lstrip().startswith("<"):
        return "an HTML page instead of JSON"
    return text


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@contextlib.contextmanager
def api_errors(what: str, url: str) -> Iterator[None]:
    """Translate SDK/HTTP failures inside the block into ``PolicytagError("<what>: <reason>")``."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    try:
        yield
    except PolicytagError:
        raise
    except ApiError as exc:
        code, said = exc.status_code, _server_says(exc.body)
        if code == 401:
            reason = f"Label Studio at {url} rejected the API key ({said or 'unauthorised'})"
        elif code == 403:
            reason = f"the API key's user may not do this ({said or 'forbidden'})"
        elif code == 404:
            reason = f"not found on {url} ({said or 'HTTP 404'})"
        else:
            reason = f"HTTP {code}: {said}"
        raise PolicytagError(_one_line(f"{what}: {reason}")) from None
    except httpx.HTTPError as exc:
        raise PolicytagError(_one_line(f"{what}: cannot reach Label Studio at {url} "
                                       f"({type(exc).__name__}: {exc or 'no answer'})")) from None


@dataclass
class Session:
    """A connected client and who we are on that server.

    The methods are the SDK calls policytag makes, one each. They do not translate errors
    themselves: callers wrap them in ``with session.errors("what we were doing")`` so the one-line
    message says what failed in their terms.
    """

    client: Any  # label_studio_sdk.client.LabelStudio
    url: str
    user_id: int
    user_email: str

    def errors(self, what: str):
        return api_errors(what, self.url)

    # projects
    def project(self, project_id: int) -> Any:
        return self.client.projects.get(int(project_id))

    def projects(self, title: str | None = None) -> list[Any]:
        return list(self.client.projects.list(title=title) if title is not None else self.client.projects.list())

    def create_project(self, **fields: Any) -> Any:
        return self.client.projects.create(**fields)

    def update_project(self, project_id: int, **fields: Any) -> None:
        """Project settings (``sampling``, ``model_version``, ``maximum_annotations`` …)."""
        self.client.projects.update(int(project_id), **fields)

    def export_tasks(self, project_id: int) -> list[dict]:
        """Every task with its annotations, in Label Studio's full JSON export format; each task's
        drafts whole (whose, of which annotation), not their ids only (the export's default)."""
        return self.client.projects.exports.as_json(
            int(project_id), create_kwargs={"serialization_options": {"drafts": {"only_id": False}}})

    # tasks, predictions, annotations
    def tasks(self, project_id: int) -> Iterator[Any]:
        """Every task of a project with all fields (paged by the SDK)."""
        return iter(self.client.tasks.list(project=int(project_id), fields="all", page_size=500))

    def task_data(self, task_id: int) -> dict[str, Any]:
        return dict(self.client.tasks.get(int(task_id)).data or {})

    def tasks_data(self, project_id: int, task_ids: list[int]) -> dict[int, dict[str, Any]]:
        """``{task id: data}`` of these tasks of the project, read in one list request per 500 (the
        Data Manager's ``selectedItems``), not a GET each; a task deleted meanwhile is absent."""
        ids, out = sorted({int(t) for t in task_ids}), {}
        for i in range(0, len(ids), 500):
            query = json.dumps({"selectedItems": {"all": False, "included": ids[i: i + 500]}})
            # the first page only: it holds all 500, and the pager would ask for an empty second one
            page = self.client.tasks.list(project=int(project_id), query=query, fields="task_only", page=1,
                                          page_size=500)
            out |= {int(t.id): dict(t.data or {}) for t in page.items or []}
        return out

    def update_task_data(self, task_id: int, data: dict[str, Any]) -> None:
        """Replace a task's data (Label Studio replaces the whole dict: send all of it)."""
        self.client.tasks.update(int(task_id), data=data)

    def import_tasks(self, project_id: int, tasks: list[dict]) -> None:
        self.client.projects.import_tasks(int(project_id), request=tasks)

    def import_predictions(self, project_id: int, predictions: list[dict]) -> None:
        self.client.projects.import_predictions(int(project_id), request=predictions)

    def delete_prediction(self, prediction_id: int) -> None:
        self.client.predictions.delete(int(prediction_id))

    def delete_task_predictions(self, project_id: int, task_ids: list[int]) -> None:
        """Every prediction of these tasks in one request (the Data Manager's action), not one each."""
        self.client.actions.create(id="delete_tasks_predictions", project=int(project_id),
                                   selected_items={"all": False, "included": [int(t) for t in task_ids]})

    def annotations(self, task_id: int) -> list[dict]:
        """Every annotation of the task, skipped (cancelled) ones included: the task's own detail, not
        the annotation list (``/api/tasks/ID/annotations/`` leaves cancelled ones out, measured on
        1.23.2), so a re-check sees a skip as the pull's export does."""
        task = self.client.tasks.get(str(int(task_id)))
        return [a if isinstance(a, dict) else a.dict() for a in (task.annotations or [])]

    def create_annotation(self, task_id: int, **fields: Any) -> None:
        self.client.annotations.create(int(task_id), **fields)

    # users
    def users(self) -> list[Any]:
        return list(self.client.users.list())

    def user(self, user_id: int) -> Any:
        return self.client.users.get(int(user_id))

    def create_user(self, username: str, email: str) -> Any:
        return self.client.users.create(username=username, email=email)


#: a page of Label Studio's web app (what the browser's address bar shows), and the project it names
_PAGE = re.compile(r"/(?:projects/(?P<project>\d+)/|projects/|user/|organization/|api/)")


def server_url(url: str) -> str:
    """``url`` as the server's address (its trailing ``/`` dropped). A page of the web app pasted from
    the address bar (``…/projects/7/data?tab=3``) is refused with the address to pass instead: the API
    is under the server's root (which may itself be a path, ``https://host/label-studio``), and a
    page's path or query in front of ``/api/…`` reaches the web app's HTML, not the API."""
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise UsageError(f"--url {url}: expected an http:// or https:// URL")
    parts = urlsplit(url)
    page = _PAGE.search(parts.path + "/")
    if page or parts.query or parts.fragment:
        path = parts.path[: page.start()] if page else parts.path
        root = urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")
        project = page.group("project") if page else None
        raise UsageError(f"--url {url}: that is a page of Label Studio, not its address: pass --url {root}"
                         + (f" --project {project}" if project else ""))
    return url


def api_key_of(api_key: str) -> str:
    """The key as Label Studio issued it: one word. A key pasted with the ``Token``/``Bearer`` prefix of
    an Authorization header (Label Studio's API docs show it) or with the copy's line break reads the
    same; anything else with a space in it is no key."""
    words = api_key.split()
    if len(words) == 2 and words[0].lower() in ("token", "bearer"):
        words = words[1:]
    if len(words) != 1:
        raise UsageError("--api-key: a Label Studio API key is one word without spaces "
                         "(Label Studio → Account & Settings → Access Token)")
    return words[0]


def connect(url: str | None, api_key: str | None, timeout: float = 120.0) -> Session:
    """Connect and check the key with ``whoami`` (fails fast on a wrong URL or key)."""
    from label_studio_sdk.client import LabelStudio

    # a missing or malformed required option is a usage error (exit 2), like argparse's own
    if not url:
        raise UsageError("--url: no Label Studio URL: pass --url or set LABEL_STUDIO_URL")
    if not api_key:
        raise UsageError("--api-key: no Label Studio API key: pass --api-key or set LABEL_STUDIO_API_KEY "
                         "(Label Studio → Account & Settings → Access Token)")
    url = server_url(url)
    api_key = api_key_of(api_key)
    with api_errors("connecting to Label Studio", url):
        from label_studio_sdk.core.api_error import ApiError

        try:
            client = LabelStudio(base_url=url, api_key=api_key, timeout=timeout)
            me = client.users.whoami()
        except ApiError as exc:
            if exc.status_code == 404:  # a web server, but not Label Studio's API
                raise PolicytagError(f"connecting to Label Studio: {url} does not look like a Label Studio server "
                                     f"(no /api/current-user/whoami there); is --url right?") from None
            raise
        except (ValueError, TypeError, KeyError) as exc:  # foreign JSON where the SDK expected its schema
            raise PolicytagError(_one_line(f"connecting to Label Studio: {url} does not answer like a Label Studio "
                                           f"server ({type(exc).__name__}: {exc})")) from None
    return Session(client, url, int(me.id), me.email or "")


# --- projects ------------------------------------------------------------------------------------
def find_project(session: Session, spec: str) -> Any | None:
    """The project with id ``spec`` (all digits) or title ``spec``; None when no title matches."""
    spec = str(spec).strip()
    if spec.isdigit():
        from label_studio_sdk.core.api_error import ApiError

        with session.errors(f"reading project {spec}"):
            try:
                return session.project(int(spec))
            except ApiError as exc:
                if exc.status_code != 404:
                    raise
        raise PolicytagError(f"no project with id {spec} on {session.url} (projects: {_project_names(session)})")
    with session.errors("listing projects"):
        matches = [p for p in session.projects(title=spec) if p.title == spec]
    if len(matches) > 1:
        raise PolicytagError(f"{len(matches)} projects are titled {spec!r} on {session.url} "
                             f"(ids {', '.join(str(p.id) for p in matches)}); pass --project ID")
    if not matches:
        return None
    with session.errors(f"reading project {matches[0].id}"):
        return session.project(matches[0].id)


def _project_names(session: Session) -> str:
    with session.errors("listing projects"):
        names = [f"{p.id}={p.title!r}" for p in session.projects()]
    return ", ".join(names[:10]) + (" …" if len(names) > 10 else "") if names else "none"


def get_project(session: Session, spec: str) -> Any:
    """Like :func:`find_project`, but an unknown project is an error (pull never creates one)."""
    project = find_project(session, spec)
    if project is None:
        raise PolicytagError(f"no project titled {spec!r} on {session.url} (projects: {_project_names(session)})")
    return project


@dataclass
class EnsuredProject:
    """A project :func:`ensure_project` found or made, and what it changed."""

    project: Any
    created: bool = False
    config_updated: bool = False


def ensure_project(session: Session, spec: str, taxonomy: Taxonomy) -> EnsuredProject:
    """Reuse project ``spec`` (id or title) or create it (titles only); keep its config in step."""
    from .guide import instructions_html

    config = build_config(taxonomy)
    # the codebook, shown before labelling (Label Studio: "show instructions before labeling")
    instructions = {"expert_instruction": instructions_html(taxonomy), "show_instruction": True}
    project = find_project(session, spec)
    if project is None:
        if spec.isdigit():  # pragma: no cover - find_project raises for unknown ids
            raise PolicytagError(f"no project with id {spec}")
        with session.errors(f"creating project {spec!r}"):
            created = session.create_project(title=spec, label_config=config,
                                             description=project_description(taxonomy), **instructions)
            project = session.project(created.id)
        return EnsuredProject(project, created=True)
    if (project.label_config or "").strip() == config.strip() and not check_config(project.label_config, taxonomy):
        if (getattr(project, "expert_instruction", None) or "") != instructions["expert_instruction"]:
            with session.errors(f"updating the instructions of project {project.id}"):
                session.update_project(project.id, **instructions)
        return EnsuredProject(project)
    refuse_foreign_config(project)
    # The taxonomy changed (or someone edited the config): regenerate, unless annotations use a
    # label the new taxonomy lacks. Label Studio does not refuse such a config for Choices stored
    # by alias (measured: label-studio 1.x accepted a config without fire_safety over an annotation
    # of it), and the label would then be gone from the screen of anyone who opens the task.
    refuse_orphaning(session, project, taxonomy)
    with session.errors(f"updating the labeling config of project {project.id} to taxonomy {taxonomy.version}"):
        session.update_project(project.id, label_config=config, description=project_description(taxonomy),
                               **instructions)
        project = session.project(project.id)
    return EnsuredProject(project, config_updated=True)


def orphaned_labels(export: list[dict], taxonomy: Taxonomy) -> list[tuple[str, int, str]]:
    """``(label, task id, clause id)`` for every submitted annotation's label that ``taxonomy`` does
    not know (a label the taxonomy renamed or removed since the annotation was made)."""
    from .results import parse_result

    out = []
    for task in export:
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            continue
        for ann in task.get("annotations") or []:
            if not isinstance(ann, dict) or ann.get("was_cancelled") or not isinstance(ann.get("result"), list):
                continue
            try:
                unknown = parse_result(ann["result"], taxonomy).unknown
            except (AttributeError, TypeError, ValueError):  # malformed: pull reports it, not ours to judge
                continue
            out += [(u, task.get("id"), str(task["data"].get("clause_id", ""))) for u in unknown]
    return out


def refuse_orphaning(session: Session, project: Any, taxonomy: Taxonomy) -> None:
    """One line, nothing changed, when the project holds annotations with labels ``taxonomy`` lacks:
    a config regenerated from it would no longer show them (an annotator who opens such a task
    and submits drops the label without seeing it), and no pull under the new taxonomy could read
    them. The project stays as it is, readable by a pull under the taxonomy it was labelled under."""
    if not int(getattr(project, "task_number", 0) or 0):
        return
    with session.errors(f"reading the annotations of project {project.id}"):
        export = session.export_tasks(project.id)
    lost = orphaned_labels(export, taxonomy)
    if not lost:
        return
    old = parse_config(project.label_config or "").version or "?"
    raise PolicytagError(
        f"project {project.id} ({project.title!r}): {orphans_summary(lost, taxonomy)}: refusing to regenerate its "
        f"labeling config, which would hide them — pull the project with taxonomy {old} (POLICYTAG_TAXONOMY) and "
        f"push the relabelled rows into a new project")


def orphans_summary(lost: list[tuple[str, int, str]], taxonomy: Taxonomy) -> str:
    """``2 annotated label(s) are not in taxonomy 2.4.0 (sector 'fire_safety' x2; e.g. … in task 7,
    clause C)`` for :func:`orphaned_labels`' list (not empty)."""
    counts: dict[str, int] = {}
    for label, _, _ in lost:
        counts[label] = counts.get(label, 0) + 1
    label, task_id, clause_id = lost[0]
    return (f"{len(lost)} annotated label(s) are not in taxonomy {taxonomy.version} "
            f"({', '.join(f'{k} x{n}' for k, n in counts.items())}; e.g. {label} in task {task_id}, clause {clause_id})")


def refuse_foreign_config(project: Any, refusing: str = "refusing to replace it; push to a project of its own "
                                                          "(--project NEW_TITLE creates one)") -> None:
    """A project whose labeling config policytag did not make (no ``policytag-taxonomy:`` header: a
    team's other project reached by a wrong id or a shared title) is never rewritten: replacing its
    config, description and instructions and importing clauses into it would break that project.
    Only an empty project (no task: made in the web UI for policytag to set up) is taken over.
    ``annotate next`` refuses the same projects (it would write ranks into their tasks)."""
    try:
        ours = parse_config(project.label_config or "").version is not None
    except PolicytagError:  # not even XML: certainly not ours
        ours = False
    tasks = int(getattr(project, "task_number", 0) or 0)
    if not ours and tasks:
        raise PolicytagError(f"project {project.id} ({project.title!r}) has a labeling config policytag did not make "
                             f"and {tasks} task(s): {refusing}")


# --- tasks ---------------------------------------------------------------------------------------
@dataclass
class ExistingTask:
    """What a re-push needs to know about a task already in the project."""

    task_id: int
    clause_id: str
    text_sha1: str
    model_versions: set[str] = field(default_factory=set)
    #: (prediction id, model_version) of every stored prediction
    predictions: list[tuple[int, str]] = field(default_factory=list)
    #: the task's data as stored (a data update must send all of it)
    data: dict[str, Any] = field(default_factory=dict)
    #: completed_by user id -> that user's (not cancelled) annotation results
    annotations: dict[int, list[dict]] = field(default_factory=dict)


def existing_tasks(session: Session, project: Any, progress: bool = True) -> dict[str, ExistingTask]:
    """clause_id -> task, for every policytag task of the project (tasks without a clause_id are ignored)."""
    from tqdm import tqdm

    from .tasks import shown_text_sha1

    out: dict[str, ExistingTask] = {}
    total = getattr(project, "task_number", None)
    with session.errors(f"listing the tasks of project {project.id}"):
        for task in tqdm(session.tasks(project.id), total=total, desc="reading tasks", unit="task", disable=not progress, leave=False):
            data = task.data or {}
            clause_id = data.get("clause_id")
            if not clause_id:
                continue
            # the shown text's fingerprint: a text edited in Label Studio reads as changed (push reports it)
            item = ExistingTask(int(task.id), str(clause_id), shown_text_sha1(data), data=dict(data))
            for pred in task.predictions or []:
                pred = pred if isinstance(pred, dict) else pred.dict()
                version = pred.get("model_version")
                if version:
                    item.model_versions.add(str(version))
                if pred.get("id") is not None:
                    item.predictions.append((int(pred["id"]), str(version or "")))
            for ann in task.annotations or []:
                ann = ann if isinstance(ann, dict) else ann.dict()
                if ann.get("was_cancelled"):
                    continue
                user = ann.get("completed_by")
                if isinstance(user, dict):
                    user = user.get("id")
                if user is not None:
                    item.annotations[int(user)] = ann.get("result") or []
            out[item.clause_id] = item
    return out


# --- Data Manager --------------------------------------------------------------------------------
#: task fields the annotators need in the task list: document, year, heading, text, flag (the
#: suggestion score is Label Studio's own "Prediction score" column: the prediction's score)
#: the document's issuer, level and genre are columns too, so a lead can filter the queue by genre
#: and whether the clause waits for adjudication (``adjudication``: conflict / undecided)
SHOWN_DATA = ("title", "issuer", "level", "genre", "year", "heading", "text", "review", "adjudication")
#: always-hidden built-in columns (internal or empty for this project)
HIDDEN_BUILTIN = ("tasks:inner_id", "tasks:file_upload", "tasks:storage_filename", "tasks:updated_by",
                  "tasks:annotations_ids", "tasks:predictions_results", "tasks:annotations_results",
                  "tasks:predictions_model_versions", "tasks:draft_exists", "tasks:ground_truth",
                  "tasks:cancelled_annotations", "tasks:comment_count", "tasks:unresolved_comment_count",
                  "tasks:last_comment_updated_at", "tasks:created_at", "tasks:updated_at", "tasks:avg_lead_time")


def view_data(data_keys: list[str]) -> dict[str, Any]:
    """The Data Manager tab: shown task fields, every other task field and internal column hidden.

    ``explore`` is the task table; ``labeling`` the narrow task list beside the labelling screen,
    where only heading and text tell rows apart.
    """
    hidden_data = [f"tasks:data.{k}" for k in data_keys if k not in SHOWN_DATA]
    return {
        "title": VIEW_TITLE,
        "hiddenColumns": {
            "explore": [*HIDDEN_BUILTIN, *hidden_data],
            "labeling": [*HIDDEN_BUILTIN, *hidden_data, "tasks:id", "tasks:completed_at", "tasks:total_annotations",
                         "tasks:total_predictions", "tasks:annotators", "tasks:predictions_score", "tasks:agreement",
                         "tasks:data.title", "tasks:data.issuer", "tasks:data.level", "tasks:data.genre",
                         "tasks:data.year", "tasks:data.review", "tasks:data.adjudication"],
        },
        # narrow enough that the flag column is on screen next to heading and text
        "columnsWidth": {"tasks:data.title": 170, "tasks:data.year": 70, "tasks:data.heading": 230,
                         "tasks:data.text": 320, "tasks:data.review": 260, "tasks:data.adjudication": 100,
                         "tasks:completed_at": 110},
        "ordering": ["tasks:id"],
    }


def ensure_view(session: Session, project_id: int, data: dict[str, Any], reset: bool = False) -> int:
    """The project's Data Manager tab titled ``data["title"]``: created when missing; with
    ``reset`` an existing one is set back to ``data`` (else an annotation lead's changes stay).
    Returns the tab's id. The one place tabs are made (push's tab, active learning's queue tab)."""
    title = data["title"]
    with session.errors(f"reading the Data Manager tabs of project {project_id}"):
        views = [v for v in session.client.views.list(project=int(project_id))
                 if (getattr(v, "data", None) or {}).get("title") == title]
    if views and not reset:
        return int(views[0].id)
    with session.errors(f"{'resetting' if views else 'creating'} the Data Manager tab {title!r} of project {project_id}"):
        if views:
            session.client.views.update(views[0].id, data=data, project=int(project_id))
            return int(views[0].id)
        return int(session.client.views.create(project=int(project_id), data=data).id)


#: where push's tab records the task-data keys it has placed (shown or hidden)
KEYS_MARK = "policytag_keys"
#: the task-data keys push wrote before its tab recorded them (tabs made by a policytag before 2026-12)
KEYS_BEFORE_MARK = ("clause_id", "doc_id", "year", "title", "kind", "heading_path", "heading", "doc_line", "text",
                    "text_sha1", "suggestion_sector", "suggestion_measure", "suggestion_score", "suggestion_model",
                    "review", "needs_review")


#: title of the Data Manager tab that lists the clauses waiting for adjudication
ADJUDICATION_VIEW_TITLE = "待裁决 · policytag"


def adjudication_view_data(data_keys: list[str]) -> dict[str, Any]:
    """The tab of the tasks a pull (or the backend's re-check) flagged for adjudication: push's task
    table, filtered on ``adjudication`` (conflict or undecided) and ordered by it, then by task."""
    from .rules import ADJUDICATION_KEY, ADJUDICATION_RULES

    column = f"tasks:data.{ADJUDICATION_KEY}"
    return {**view_data(data_keys), "title": ADJUDICATION_VIEW_TITLE, "ordering": [column, "tasks:id"],
            "filters": {"conjunction": "or",
                        "items": [{"filter": f"filter:{column}", "operator": "equal", "type": "String", "value": v}
                                  for v in ADJUDICATION_RULES]}}


def ensure_views(session: Session, project: Any) -> None:
    """Create push's Data Manager tabs once (an annotation lead may change them afterwards): the
    task table and the adjudication tab (``adjudication_view_data``, made when missing).

    Label Studio shows every task-data key a tab does not hide as a column. When push starts
    writing a new internal key (``span``, ``codebook_rules`` …), an existing tab gets it hidden
    and nothing else changed: the keys the tab has placed are recorded in it (``KEYS_MARK``), so
    a column the lead chose to show stays shown.
    """
    from policytag.records import Clause

    from .tasks import task_data

    keys = list(task_data(Clause.from_dict({"doc_id": "d", "clause_id": "c", "text": "t", "kind": "clause",
                                            "heading_path": []})))
    with session.errors(f"reading the Data Manager tabs of project {project.id}"):
        views = [v for v in session.client.views.list(project=int(project.id))
                 if (getattr(v, "data", None) or {}).get("title") == VIEW_TITLE]
    if not views:
        ensure_view(session, project.id, {**view_data(keys), KEYS_MARK: keys})
    else:
        _hide_new_keys(session, project, views[0], keys)
    # after the task table: a new project opens on the first tab, the table
    ensure_view(session, project.id, adjudication_view_data(keys))


def _hide_new_keys(session: Session, project: Any, view: Any, keys: list[str]) -> None:
    """Hide in push's existing tab the task-data keys it has not placed yet (``ensure_views``)."""
    current = dict(view.data or {})
    known = current.get(KEYS_MARK) or KEYS_BEFORE_MARK
    new = [f"tasks:data.{k}" for k in keys if k not in known and k not in SHOWN_DATA]
    if not new and current.get(KEYS_MARK) == keys:
        return
    hidden = current.get("hiddenColumns") or {}
    current["hiddenColumns"] = {**hidden, **{part: list(dict.fromkeys([*(hidden.get(part) or []), *new]))
                                             for part in ("explore", "labeling")}}
    with session.errors(f"updating the Data Manager tab {VIEW_TITLE!r} of project {project.id}"):
        session.client.views.update(view.id, data={**current, KEYS_MARK: keys}, project=int(project.id))


# --- users ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class User:
    id: int
    email: str
    username: str

    @property
    def name(self) -> str:
        """How the dataset names an annotator: username when set, else e-mail."""
        return self.username or self.email or str(self.id)


def list_users(session: Session) -> dict[int, User]:
    with session.errors("listing users"):
        return {int(u.id): User(int(u.id), u.email or "", u.username or "") for u in session.users()}


def ensure_user(session: Session, name: str, users: dict[int, User]) -> User:
    """The user called ``name`` (username or e-mail), created when missing.

    Imported labels are stored as annotations ``completed_by`` this user, so the team sees who made
    them. A bare name gets the e-mail ``<name>@policytag.local``; pull reports the username.
    """
    name = name.strip()
    for user in users.values():
        if name in (user.username, user.email):
            return user
    email = name if "@" in name else f"{name}@{IMPORT_DOMAIN}"
    username = name.split("@")[0] if "@" in name else name
    with session.errors(f"creating user {name!r}"):
        created = session.create_user(username, email)
    user = User(int(created.id), created.email or email, created.username or username)
    users[user.id] = user
    return user


# --- ML backends ---------------------------------------------------------------------------------
#: why Label Studio may refuse a backend on this machine (its SSRF protection)
LOCAL_HINT = ("Label Studio must run with ML_BLOCK_LOCAL_IP=false and SSRF_PROTECTION_ENABLED=false to use a "
              "backend on a local or private address")


#: Label Studio's ML backend states (``MLBackendState``), for a server that sends no ``readable_state``
STATE_WORDS = {"CO": "Connected", "DI": "Disconnected", "ER": "Error", "TR": "Training", "PR": "Predicting"}


@dataclass(frozen=True)
class BackendConnection:
    """An ML backend registered with a project, as Label Studio sees it after checking it."""

    id: int
    title: str
    state: str  # Label Studio's connection state ("CO" connected, "ER" error, "DI" disconnected …)
    model_version: str
    created: bool  # registered now (False: an existing registration of the same URL was updated)
    #: the state in words, as Settings → Model shows it ("Connected"): what `backend connect` prints
    readable_state: str = ""

    @property
    def state_text(self) -> str:
        """``Connected (CO)``: the words a newcomer finds in the web UI and docs, and the code the API uses."""
        words = self.readable_state or STATE_WORDS.get(self.state, "")
        return f"{words} ({self.state})" if words and words != self.state else self.state


def connect_ml_backend(session: Session, project: Any, url: str, title: str = "policytag",
                       interactive: bool = False, prelabel: bool = True,
                       basic_auth: tuple[str, str] | None = None) -> BackendConnection:
    """Register the ML backend at ``url`` with ``project`` (or update its registration), check
    that Label Studio can use it, and (``prelabel``) make it the source of the project's live
    pre-annotations. ``basic_auth`` (user, password): Label Studio sends them on every call to the
    backend. A backend Label Studio cannot use is an error, and a registration made by this call
    is removed again."""
    import re
    import time

    url = url.rstrip("/")
    auth = ({"auth_method": "BASIC_AUTH", "basic_auth_user": basic_auth[0], "basic_auth_pass": basic_auth[1]}
            if basic_auth else {})
    with session.errors(f"listing the ML backends of project {project.id}"):
        existing = [m for m in session.client.ml.list(project=project.id) if (m.url or "").rstrip("/") == url]
    created = False
    try:
        with session.errors(f"connecting the backend {url} to project {project.id}"):
            if existing:
                ml = existing[0]
                # `project` too: Label Studio 1.23 re-validates a PATCH that names `url` by calling its
                # setup with the PATCH's fields only, and without `project` that is a TypeError, an HTTP 500
                # ("setup_() missing 1 required positional argument: 'project'") on every second connect
                session.client.ml.update(ml.id, url=url, project=int(project.id), title=title,
                                         is_interactive=interactive, **auth)
            else:
                ml = session.client.ml.create(project=project.id, url=url, title=title,
                                              is_interactive=interactive, auto_update=True, **auth)
                created = True
            ml = session.client.ml.get(ml.id)  # Label Studio re-checks /health and /setup on every read
            for _ in range(3):  # its health timeout is 1 s: give a busy backend a few more chances
                if str(getattr(ml, "state", "") or "") not in ("ER", "DI"):
                    break
                time.sleep(2)
                ml = session.client.ml.get(ml.id)
    except PolicytagError as exc:
        if "HTTP 400" in str(exc):  # Label Studio refused the address, or could not reach the backend there
            said = re.sub(r"<[^>]+>", "", str(exc).split("HTTP 400:", 1)[1]).strip()[:200]
            raise PolicytagError(f"Label Studio refused the backend at {url} for project {project.id} ({said}); is "
                                 f"`policytag backend serve` running there? {LOCAL_HINT}") from None
        raise
    state = str(getattr(ml, "state", "") or "")
    if state in ("ER", "DI"):
        if created:  # do not leave a broken backend registered in the project
            with session.errors(f"removing the unusable backend from project {project.id}"):
                session.client.ml.delete(ml.id)
        said = " ".join(str(ml.error_message or "no answer").split())[:300]
        raise PolicytagError(f"Label Studio cannot use the backend at {url} "
                             f"({'error' if state == 'ER' else 'not reachable'}: {said}); is "
                             f"`policytag backend serve` running there? {LOCAL_HINT}")
    if prelabel:
        # "Use predictions to prelabel tasks" with this backend as the source: opening a task without a
        # prediction of the current model_version asks the backend for one (Label Studio's live predictions)
        with session.errors(f"turning on pre-annotations for project {project.id}"):
            session.update_project(project.id, show_collab_predictions=True, model_version=title)
    return BackendConnection(int(ml.id), title, state, str(ml.model_version or "?"), created,
                             str(getattr(ml, "readable_state", "") or ""))
