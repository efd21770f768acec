"""The HTTP layer (Starlette, served by uvicorn): routes -> :class:`~policytag.backend.service.Backend`.

Answers are JSON. A request the backend refuses gets a 4xx ``{"error": message}``; an unexpected
failure inside a handler gets a 500 with a one-line message — the server itself never dies on a
request. Bodies larger than ``max_body_bytes`` are refused with 413 before they are read in full;
JSON nested deeper than ``MAX_JSON_DEPTH`` is refused with 400 (not a RecursionError's 500).
CPU work (the tagger) runs in Starlette's thread pool so ``/health`` stays responsive.

Security, as Label Studio's own ML backends do it: with ``basic_auth=(user, password)`` every
route answers 401 without those HTTP basic credentials (Label Studio sends them when the backend
is connected with ``auth_method: BASIC_AUTH``); ``policytag backend serve`` requires them when it
listens on anything but loopback. ``/openapi.json`` describes the routes (``backend/openapi.py``).
"""

from __future__ import annotations

import base64
import binascii
import logging
import secrets
from typing import Any, Callable

from .protocol import BadRequest, parse_json
from .service import Backend

log = logging.getLogger("policytag.backend")

DEFAULT_MAX_BODY = 8 * 1024 * 1024  # a /predict of 1,000 clause tasks is ~2 MiB
#: deepest JSON nesting accepted (Label Studio's payloads are < 10 deep; a result's value ~6)
MAX_JSON_DEPTH = 64


def json_depth(value: Any, limit: int) -> int:
    """Nesting depth of a parsed JSON value, counted without recursion, stopping past ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def parse_body(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> dict[str, Any]:
    """``protocol.parse_json`` with a nesting limit: 10,000 ``[`` would otherwise raise RecursionError
    inside the JSON decoder (a 500); anything deeper than ``max_depth`` is a 400."""
    try:
        data = parse_json(body)
    except RecursionError:
        raise BadRequest(400, f"request body is nested too deeply (more than {max_depth} levels of JSON)") from None
    if json_depth(data, max_depth) > max_depth:
        raise BadRequest(400, f"request body is nested too deeply (more than {max_depth} levels of JSON)")
    return data


class BasicAuth:
    """ASGI middleware: HTTP basic authentication on every route (constant-time comparison)."""

    def __init__(self, app, user: str, password: str):
        self.app = app
        self.expected = b"Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8"))
        self.user, self.password = user.encode("utf-8"), password.encode("utf-8")

    def _ok(self, header: bytes | None) -> bool:
        if not header or not header[:6].lower() == b"basic ":
            return False
        try:
            user, _, password = base64.b64decode(header[6:].strip(), validate=True).partition(b":")
        except (binascii.Error, ValueError):
            return False
        # both compared, always: no early exit that would tell a right user name from a wrong one
        return secrets.compare_digest(user, self.user) & secrets.compare_digest(password, self.password)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        header = dict(scope.get("headers") or []).get(b"authorization")
        if self._ok(header):
            return await self.app(scope, receive, send)
        from starlette.responses import JSONResponse

        response = JSONResponse({"error": "authentication required: this backend needs HTTP basic auth "
                                          "(connect it with auth_method BASIC_AUTH and its user and password)",
                                 "status": 401}, status_code=401,
                                headers={"WWW-Authenticate": 'Basic realm="policytag ML backend", charset="UTF-8"'})
        await response(scope, receive, send)


async def read_body(request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None:
        try:
            if int(length) > limit:
                raise BadRequest(413, f"request body of {int(length):,} bytes is larger than the limit of {limit:,} bytes")
        except ValueError:
            raise BadRequest(400, f"bad Content-Length header {length!r}") from None
    chunks, size = [], 0
    async for chunk in request.stream():  # chunked uploads have no Content-Length: count as we read
        size += len(chunk)
        if size > limit:
            raise BadRequest(413, f"request body is larger than the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(backend: Backend, max_body_bytes: int = DEFAULT_MAX_BODY,
               basic_auth: tuple[str, str] | None = None, max_depth: int = MAX_JSON_DEPTH):
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message, "status": status}, status_code=status)

    def json_route(handler: Callable[[dict[str, Any]], dict[str, Any]]):
        async def endpoint(request):
            try:
                data = parse_body(await read_body(request, max_body_bytes), max_depth)
                return JSONResponse(await run_in_threadpool(handler, data))
            except BadRequest as exc:
                return error(exc.status, exc.message)
            except Exception as exc:  # keep serving: one bad request must not take the backend down
                log.exception("%s failed", request.url.path)
                return error(500, f"{request.url.path} failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
        return endpoint

    async def health(request):
        return JSONResponse(backend.health())

    async def versions(request):
        return JSONResponse({"versions": [backend.model_version]})

    async def openapi(request):
        from .openapi import openapi_spec

        return JSONResponse(openapi_spec(max_body_bytes, max_depth, auth=basic_auth is not None))

    async def not_found(request, exc: HTTPException):
        message = {404: f"no route {request.url.path} (routes: /health, /setup, /predict, /webhook, /openapi.json)",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return error(exc.status_code, message)

    routes = [
        Route("/", health, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/versions", versions, methods=["GET"]),
        Route("/setup", json_route(backend.setup), methods=["POST"]),
        Route("/predict", json_route(backend.predict), methods=["POST"]),
        Route("/webhook", json_route(backend.webhook), methods=["POST"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    from starlette.middleware import Middleware

    middleware = [Middleware(BasicAuth, user=basic_auth[0], password=basic_auth[1])] if basic_auth else []
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found}, middleware=middleware)
    app.state.backend = backend
    return app


def serve(app, host: str, port: int, log_level: str = "info") -> None:
    import uvicorn

    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level == "debug")
    except SystemExit as exc:
        # uvicorn logs why it could not start (a port taken after `check_port_free` looked) and exits 3,
        # a status the docs promise nobody: end as every other policytag failure, one line, status 1
        if exc.code not in (None, 0):
            from policytag import PolicytagError

            raise PolicytagError(f"the backend could not start on {host}:{port} (uvicorn's reason above)") from None
        raise
