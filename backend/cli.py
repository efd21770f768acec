"""``policytag backend serve|connect``: run the Label Studio ML backend and register it with a project.

Heavy imports (the tagger, starlette, uvicorn, the SDK) happen inside the command functions.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from policytag import PolicytagError, UsageError

DEFAULT_PORT = 9090


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "backend", help="Label Studio ML backend: serve predictions, retrain from annotations",
        description="Serve a trained tagger to Label Studio (predictions on both dimensions, retraining from "
                    "the project's annotations) and connect it to a project. See docs/backend.md.")
    sub = p.add_subparsers(dest="backend_command", metavar="ACTION")
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    s = sub.add_parser("serve", help="run the ML backend (HTTP) for Label Studio",
                       description="Run Label Studio's ML backend protocol (/health, /setup, /predict, /webhook) "
                                   "over a trained tagger. Retraining (on START_TRAINING or every N annotations) "
                                   "runs in a background thread and switches models only when the held-out "
                                   "macro-F1 did not drop.")
    s.add_argument("--model", default="default", metavar="RUN_DIR|NAME|default",
                   help="the model to serve: a run directory, a run name under runs/, or 'default' (default)")
    s.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    s.add_argument("--train-every", type=int, default=25, metavar="N",
                   help="retrain after N new/updated annotations in a project (0: only on START_TRAINING; default 25)")
    s.add_argument("--no-retrain", action="store_true", help="serve predictions only, never retrain")
    s.add_argument("--label-studio-url", default=os.environ.get("LABEL_STUDIO_URL"), metavar="URL",
                   help="Label Studio to pull annotations from when retraining (default: $LABEL_STUDIO_URL, else "
                        "the host and token Label Studio sends in /setup)")
    s.add_argument("--api-key", default=os.environ.get("LABEL_STUDIO_API_KEY"),
                   help="Label Studio access token for the pull (default: $LABEL_STUDIO_API_KEY)")
    s.add_argument("--recipe", metavar="CONFIG.yaml",
                   help="training config retraining uses (default: the default model's recipe, the fast one)")
    s.add_argument("--runs-dir", metavar="DIR",
                   help="where retrained runs are written (default: RUNS/backend/, outside the default-model search)")
    s.add_argument("--max-body-mb", type=float, default=8.0, help="largest request body accepted (default 8 MiB)")
    s.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    s.set_defaults(func=run_serve)

    c = sub.add_parser("connect", help="register a running backend with a Label Studio project",
                       description="Add the backend at --url to a Label Studio project (label-studio-sdk ml.create), "
                                   "check Label Studio can reach it, and print its state and model version.")
    c.add_argument("--url", required=True, metavar="BACKEND_URL", help="the backend as Label Studio will reach it, "
                                                                       "e.g. http://localhost:9090")
    c.add_argument("--project", required=True, metavar="TITLE_OR_ID", help="Label Studio project title or id")
    c.add_argument("--label-studio-url", default=os.environ.get("LABEL_STUDIO_URL"), metavar="URL",
                   help="Label Studio URL (default: $LABEL_STUDIO_URL)")
    c.add_argument("--api-key", default=os.environ.get("LABEL_STUDIO_API_KEY"),
                   help="access token (default: $LABEL_STUDIO_API_KEY)")
    c.add_argument("--title", default="policytag", help="name of the backend in Label Studio (default: policytag)")
    c.add_argument("--no-prelabel", action="store_true",
                   help="do not switch the project to live pre-annotations from this backend (by default the "
                        "project's 'Use predictions to prelabel tasks' is turned on with this backend as the source)")
    c.add_argument("--interactive", action="store_true",
                   help="also use it for interactive pre-annotation (not needed for plain predictions)")
    c.set_defaults(func=run_connect)


def _err(msg: str) -> None:
    print(f"policytag: {msg}", file=sys.stderr, flush=True)


def default_recipe() -> dict[str, Any]:
    """The default model's recipe (``policytag/resources/default.yaml``, what the default-model
    provisioning trains), without cross-validation: the fast recipe retraining uses by default."""
    from policytag.paths import default_config_path
    from policytag.training.config import load_config

    config = load_config(default_config_path())
    config["split"]["cv"] = False
    return config


def _resolved_recipe(recipe: dict[str, Any]) -> dict[str, Any]:
    """Data paths made concrete (``policytag:`` package data, relative paths) once, at start-up."""
    from policytag.paths import resolve_data_path

    data = {k: (str(resolve_data_path(v)) if v else v) for k, v in recipe["data"].items()}  # augment may be None
    return {**recipe, "data": data}


def check_taxonomy(tagger, taxonomy) -> None:
    """A tagger trained under another taxonomy version (or label set) is refused, in one line."""
    version = getattr(tagger, "taxonomy_version_", None)
    if version is not None and version != taxonomy.version:
        raise PolicytagError(f"the model {tagger.model_version} was trained on taxonomy version {version}, the "
                             f"current taxonomy is {taxonomy.version}; retrain it (policytag train) before serving it")


def default_rule_check(taxonomy):
    """Codebook checks of the annotation in an ANNOTATION_* webhook (annotation/rules.py), as lines."""
    from policytag.annotation.rules import check_annotation

    def check(payload: dict) -> list[str]:
        return [v.text() for v in check_annotation(payload["annotation"], taxonomy)]

    return check


def task_flagger(args: argparse.Namespace, taxonomy):
    """Sets/clears the task's review flag in Label Studio (annotation/rules.py ``handle_webhook``)."""
    from policytag.annotation.client import connect
    from policytag.annotation.rules import handle_webhook

    sessions: dict[tuple[str, str], Any] = {}

    def flag(payload: dict, state) -> None:
        url, key = args.label_studio_url or state.hostname, args.api_key or state.access_token
        if not url or not key:
            return  # nowhere to write the flag; the webhook answer still lists the problems
        if (url, key) not in sessions:
            sessions[(url, key)] = connect(url, key)
        handle_webhook(sessions[(url, key)], payload, taxonomy)

    return flag


def run_serve(args: argparse.Namespace) -> int:
    from policytag.app import resolve_model
    from policytag.taxonomy import load_taxonomy

    from .service import Backend, BackendSettings

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: not a port number")
    if args.train_every < 0:
        raise UsageError(f"--train-every {args.train_every}: must be 0 or more")
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise PolicytagError(f"policytag backend needs starlette and uvicorn ({exc.name} is missing): "
                             f"pip install 'policytag[backend]'") from None
    logging.basicConfig(level=getattr(logging, args.log_level.upper()), format="%(asctime)s %(name)s: %(message)s")
    taxonomy = load_taxonomy()
    tagger = resolve_model(args.model, notify=_err)
    check_taxonomy(tagger, taxonomy)
    settings = BackendSettings(train_every=args.train_every or None)
    factory = None if args.no_retrain else _retrainer_factory(args, taxonomy)
    backend = Backend(tagger, taxonomy, settings, retrainer_factory=factory, rule_check=default_rule_check(taxonomy),
                      flagger=task_flagger(args, taxonomy))
    from .server import create_app, serve

    app = create_app(backend, max_body_bytes=int(args.max_body_mb * 1024 * 1024))
    _err(f"serving {tagger.model_version} on http://{args.host}:{args.port} "
         f"(retraining {'off' if factory is None else f'on START_TRAINING and every {args.train_every} annotations' if args.train_every else 'on START_TRAINING'})")
    serve(app, args.host, args.port, log_level=args.log_level)
    return 0


def _retrainer_factory(args: argparse.Namespace, taxonomy):
    from policytag.models.runs import load_run

    from policytag.annotation.client import connect
    from policytag.annotation.pull import fetch_dataset
    from policytag.paths import runs_dir as runs_root

    from .retrain import Retrainer

    if args.recipe:
        from policytag.training.config import load_config

        recipe = load_config(args.recipe)
        recipe["split"]["cv"] = False
    else:
        recipe = default_recipe()
    recipe = _resolved_recipe(recipe)
    runs_dir = Path(args.runs_dir) if args.runs_dir else runs_root() / "backend"

    def factory(backend):
        def fetch(project):
            state = backend.project(project)
            url = args.label_studio_url or state.hostname
            key = args.api_key or state.access_token
            if project is None:
                raise PolicytagError("the training request names no project")
            if not url or not key:
                raise PolicytagError("no Label Studio URL/API key to pull annotations from: start the backend with "
                                     "--label-studio-url and --api-key (or LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY)")
            return fetch_dataset(connect(url, key), str(project), taxonomy).rows

        return Retrainer(recipe, runs_dir, recipe.get("name") or "default", fetch,
                         current=lambda: backend.tagger, switch=backend.switch, load_run=load_run)

    return factory


def run_connect(args: argparse.Namespace) -> int:
    from policytag.annotation.client import connect, connect_ml_backend, get_project

    if not args.url.startswith(("http://", "https://")):
        raise UsageError(f"--url {args.url}: expected an http:// or https:// URL")
    session = connect(args.label_studio_url, args.api_key)
    project = get_project(session, args.project)
    ml = connect_ml_backend(session, project, args.url, title=args.title, interactive=args.interactive,
                            prelabel=not args.no_prelabel)
    _err(f"backend {ml.id} {ml.title!r} connected to project {project.id} ({project.title!r}): state {ml.state}, "
         f"model_version {ml.model_version}")
    return 0
