"""``policytag backend serve|connect``: run the Label Studio ML backend and register it with a project.

Argument parsing and printing only: the backend's parts are wired in ``backend/wiring.py``, the
registration with a project is ``annotation.client.connect_ml_backend``. Heavy imports (the
tagger, starlette, uvicorn, the SDK) happen inside the command functions.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from policytag import PolicytagError, UsageError

DEFAULT_PORT = 9090


def register(subparsers: argparse._SubParsersAction) -> None:
    from .retrain import DEFAULT_TOLERANCE  # light: no taxonomy, no model code

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
                                   "macro-F1 did not drop by more than --retrain-tolerance.")
    s.add_argument("--model", default="default", metavar="RUN_DIR|NAME|default",
                   help="the model to serve: a run directory, a run name under runs/, or 'default' (default)")
    s.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    s.add_argument("--train-every", type=int, default=25, metavar="N",
                   help="retrain after N new/updated annotations in a project (0: only on START_TRAINING; default 25)")
    s.add_argument("--no-retrain", action="store_true", help="serve predictions only, never retrain")
    s.add_argument("--retrain-tolerance", type=float, default=DEFAULT_TOLERANCE, metavar="F",
                   help="switch to a retrained model whose held-out macro-F1 is at most F below the current one's "
                        f"(noise; drops in a row share it; 0: never lower; default {DEFAULT_TOLERANCE})")
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
    s.add_argument("--basic-auth", metavar="USER:PASS", default=None,
                   help="require HTTP basic auth on every route (default: $BASIC_AUTH_USER and $BASIC_AUTH_PASS, "
                        "as Label Studio's ML backends read them); required with a --host other than loopback. "
                        "Connect with `backend connect --basic-auth USER:PASS`")
    s.add_argument("--allow-any-label-studio-host", action="store_true",
                   help="accept a /setup naming any Label Studio host (default: only --label-studio-url, else "
                        "the host of the first /setup: retraining never follows a client to another server)")
    s.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"],
                   help="how much the server logs (default: info)")
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
    c.add_argument("--basic-auth", metavar="USER:PASS", default=None,
                   help="the backend's HTTP basic credentials (`backend serve --basic-auth`; default: "
                        "$BASIC_AUTH_USER/$BASIC_AUTH_PASS): Label Studio sends them on every call (auth_method BASIC_AUTH)")
    c.add_argument("--interactive", action="store_true",
                   help="also use it for interactive pre-annotation (not needed for plain predictions)")
    c.set_defaults(func=run_connect)


def _err(msg: str) -> None:
    print(f"policytag: {msg}", file=sys.stderr, flush=True)


def run_serve(args: argparse.Namespace) -> int:
    from policytag.app import resolve_model
    from policytag.taxonomy import load_taxonomy

    from .service import Backend, BackendSettings
    from .wiring import (check_taxonomy, retrain_recipe, retrainer_factory, rule_check, saw_heldout, task_flagger,
                         task_suggester)

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: not a port number")
    if args.train_every < 0:
        raise UsageError(f"--train-every {args.train_every}: must be 0 or more")
    if not 0 <= args.retrain_tolerance < 1:
        raise UsageError(f"--retrain-tolerance {args.retrain_tolerance}: a macro-F1 drop, at least 0 and below 1")
    auth = basic_auth_credentials(args.basic_auth)
    if auth is None and not is_loopback(args.host):
        raise UsageError(f"--host {args.host}: listening beyond this machine needs authentication: pass "
                         "--basic-auth USER:PASS (or set BASIC_AUTH_USER and BASIC_AUTH_PASS)")
    check_port_free(args.host, args.port)  # before the model loads: a busy port is known in a second, not after it
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
    settings = BackendSettings(train_every=args.train_every or None, label_studio_url=args.label_studio_url,
                               allow_any_host=args.allow_any_label_studio_host)
    seen = saw_heldout(args.model)
    factory = None if args.no_retrain else retrainer_factory(retrain_recipe(args.recipe), args.runs_dir,
                                                             args.label_studio_url, args.api_key, taxonomy,
                                                             current_saw_heldout=seen,
                                                             tolerance=args.retrain_tolerance)
    if factory is not None and seen:
        _err(f"{tagger.model_version} trained on the held-out years: a retrained model must reach the recipe's own "
             "held-out macro-F1 without annotations (computed at the first retraining), not this model's")
    backend = Backend(tagger, taxonomy, settings, retrainer_factory=factory, rule_check=rule_check(taxonomy),
                      flagger=task_flagger(args.label_studio_url, args.api_key, taxonomy),
                      suggester=task_suggester(args.label_studio_url, args.api_key, taxonomy))
    from .server import create_app, serve

    app = create_app(backend, max_body_bytes=int(args.max_body_mb * 1024 * 1024), basic_auth=auth)
    _err(f"serving {tagger.model_version} on http://{args.host}:{args.port} "
         f"(retraining {'off' if factory is None else f'on START_TRAINING and every {args.train_every} annotations' if args.train_every else 'on START_TRAINING'})")
    serve(app, args.host, args.port, log_level=args.log_level)
    return 0


def check_port_free(host: str, port: int) -> None:
    """A one-line error when ``host:port`` cannot be listened on (another ``backend serve`` or any server
    holds it). uvicorn would find out only after the model loaded, print "serving … on" and a log line, and
    exit 3; this binds the way uvicorn does (``SO_REUSEADDR``) and lets go at once."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host}: cannot be resolved ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise PolicytagError(f"--port {port}: cannot listen on {host}:{port} ({exc.strerror or exc}); is another "
                                 "`policytag backend serve` (or another server) using it? pass another --port") from None


def basic_auth_credentials(spec: str | None) -> tuple[str, str] | None:
    """``USER:PASS`` from --basic-auth, else ``$BASIC_AUTH_USER``/``$BASIC_AUTH_PASS``; None for none."""
    if spec is None:
        user, password = os.environ.get("BASIC_AUTH_USER"), os.environ.get("BASIC_AUTH_PASS")
        if not user and not password:
            return None
        if not user or not password:
            raise UsageError("BASIC_AUTH_USER and BASIC_AUTH_PASS: set both (or neither)")
        return user, password
    user, sep, password = spec.partition(":")
    if not sep or not user or not password:
        raise UsageError("--basic-auth: expected USER:PASS with a non-empty user and password")
    return user, password


def is_loopback(host: str) -> bool:
    """Does ``--host`` only accept connections from this machine?"""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def run_connect(args: argparse.Namespace) -> int:
    from policytag.annotation.client import connect, connect_ml_backend, get_project, refuse_foreign_config

    if not args.url.startswith(("http://", "https://")):
        raise UsageError(f"--url {args.url}: expected an http:// or https:// URL")
    auth = basic_auth_credentials(args.basic_auth)
    session = connect(args.label_studio_url, args.api_key)
    project = get_project(session, args.project)
    refuse_foreign_config(project, "refusing to connect the policytag backend to it")
    ml = connect_ml_backend(session, project, args.url, title=args.title, interactive=args.interactive,
                            prelabel=not args.no_prelabel, basic_auth=auth)
    _err(f"backend {ml.id} {ml.title!r} connected to project {project.id} ({project.title!r}): state {ml.state_text}, "
         f"model_version {ml.model_version}")
    return 0
