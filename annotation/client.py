"""A thin layer over ``label-studio-sdk`` 2.x: connect, find/create the project, list tasks and users.

Every SDK or network failure is turned into a one-line :class:`PolicytagError` (what we were doing,
and what the server said), so the CLI never shows a traceback for a wrong URL, key or project.

Authentication: ``LabelStudio(base_url=..., api_key=...)`` sends a legacy token as
``Authorization: Token <key>`` and a personal access token (a JWT refresh token) as a Bearer token
after refreshing it; both kinds of key from the Label Studio "Account & Settings" page work.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterator

from policytag import PolicytagError
from policytag.taxonomy import Taxonomy

from .labeling_config import build_config, check_config, project_description

#: title of the Data Manager tab push creates (document, year, heading, suggestion score, flag)
VIEW_TITLE = "标注 · policytag"

DEFAULT_PROJECT = "policytag"
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
    """A connected client and who we are on that server."""

    client: Any  # label_studio_sdk.client.LabelStudio
    url: str
    user_id: int
    user_email: str

    def errors(self, what: str):
        return api_errors(what, self.url)


def connect(url: str | None, api_key: str | None, timeout: float = 120.0) -> Session:
    """Connect and check the key with ``whoami`` (fails fast on a wrong URL or key)."""
    from label_studio_sdk.client import LabelStudio

    if not url:
        raise PolicytagError("no Label Studio URL: pass --url or set LABEL_STUDIO_URL")
    if not api_key:
        raise PolicytagError("no Label Studio API key: pass --api-key or set LABEL_STUDIO_API_KEY "
                             "(Label Studio → Account & Settings → Access Token)")
    url = url.rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise PolicytagError(f"--url {url}: expected an http:// or https:// URL")
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
                return session.client.projects.get(int(spec))
            except ApiError as exc:
                if exc.status_code != 404:
                    raise
        raise PolicytagError(f"no project with id {spec} on {session.url} (projects: {_project_names(session)})")
    with session.errors("listing projects"):
        matches = [p for p in session.client.projects.list(title=spec) if p.title == spec]
    if len(matches) > 1:
        raise PolicytagError(f"{len(matches)} projects are titled {spec!r} on {session.url} "
                             f"(ids {', '.join(str(p.id) for p in matches)}); pass --project ID")
    if not matches:
        return None
    with session.errors(f"reading project {matches[0].id}"):
        return session.client.projects.get(matches[0].id)


def _project_names(session: Session) -> str:
    with session.errors("listing projects"):
        names = [f"{p.id}={p.title!r}" for p in session.client.projects.list()]
    return ", ".join(names[:10]) + (" …" if len(names) > 10 else "") if names else "none"


def get_project(session: Session, spec: str) -> Any:
    """Like :func:`find_project`, but an unknown project is an error (pull never creates one)."""
    project = find_project(session, spec)
    if project is None:
        raise PolicytagError(f"no project titled {spec!r} on {session.url} (projects: {_project_names(session)})")
    return project


@dataclass
class ProjectState:
    project: Any
    created: bool = False
    config_updated: bool = False


def ensure_project(session: Session, spec: str, taxonomy: Taxonomy) -> ProjectState:
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
            created = session.client.projects.create(title=spec, label_config=config,
                                                     description=project_description(taxonomy), **instructions)
            project = session.client.projects.get(created.id)
        return ProjectState(project, created=True)
    if (project.label_config or "").strip() == config.strip() and not check_config(project.label_config, taxonomy):
        if (getattr(project, "expert_instruction", None) or "") != instructions["expert_instruction"]:
            with session.errors(f"updating the instructions of project {project.id}"):
                session.client.projects.update(project.id, **instructions)
        return ProjectState(project)
    # The taxonomy changed (or someone edited the config): regenerate. Label Studio itself refuses a
    # config that would orphan existing annotations (e.g. a removed label still in use); we pass
    # that refusal on rather than work around it.
    with session.errors(f"updating the labeling config of project {project.id} to taxonomy {taxonomy.version}"):
        session.client.projects.update(project.id, label_config=config, description=project_description(taxonomy),
                                       **instructions)
        project = session.client.projects.get(project.id)
    return ProjectState(project, config_updated=True)


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

    out: dict[str, ExistingTask] = {}
    total = getattr(project, "task_number", None)
    with session.errors(f"listing the tasks of project {project.id}"):
        pager = session.client.tasks.list(project=project.id, fields="all", page_size=500)
        for task in tqdm(pager, total=total, desc="reading tasks", unit="task", disable=not progress, leave=False):
            data = task.data or {}
            clause_id = data.get("clause_id")
            if not clause_id:
                continue
            item = ExistingTask(int(task.id), str(clause_id), str(data.get("text_sha1") or ""), data=dict(data))
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
SHOWN_DATA = ("title", "year", "heading", "text", "review")
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
                         "tasks:data.title", "tasks:data.year", "tasks:data.review"],
        },
        # narrow enough that the flag column is on screen next to heading and text
        "columnsWidth": {"tasks:data.title": 170, "tasks:data.year": 70, "tasks:data.heading": 230,
                         "tasks:data.text": 320, "tasks:data.review": 260, "tasks:completed_at": 110},
        "ordering": ["tasks:id"],
    }


def ensure_views(session: Session, project: Any) -> None:
    """Create the project's Data Manager tab once (an annotation lead may change it afterwards)."""
    from .tasks import task_data

    with session.errors(f"reading the Data Manager views of project {project.id}"):
        views = list(session.client.views.list(project=project.id))
    if any((getattr(v, "data", None) or {}).get("title") == VIEW_TITLE for v in views):
        return
    from policytag.records import Clause

    keys = list(task_data(Clause.from_dict({"doc_id": "d", "clause_id": "c", "text": "t", "kind": "clause",
                                            "heading_path": []})))
    with session.errors(f"creating the Data Manager view of project {project.id}"):
        session.client.views.create(project=project.id, data=view_data(keys))


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
        return {int(u.id): User(int(u.id), u.email or "", u.username or "") for u in session.client.users.list()}


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
        created = session.client.users.create(username=username, email=email)
    user = User(int(created.id), created.email or email, created.username or username)
    users[user.id] = user
    return user
