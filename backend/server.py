"""The HTTP layer (Starlette, served by uvicorn): routes -> :class:`~policytag.backend.service.Backend`.

Answers are JSON. A request the backend refuses gets a 4xx ``{"error": message}``; an unexpected
failure inside a handler gets a 500 with a one-line message — the server itself never dies on a
request. Bodies larger than ``max_body_bytes`` are refused with 413 before they are read in full.
CPU work (the tagger) runs in Starlette's thread pool so ``/health`` stays responsive.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from .protocol import BadRequest, parse_json
from .service import Backend

log = logging.getLogger("policytag.backend")

DEFAULT_MAX_BODY = 8 * 1024 * 1024  # a /predict of 1,000 clause tasks is ~2 MiB


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


def create_app(backend: Backend, max_body_bytes: int = DEFAULT_MAX_BODY):
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
                data = parse_json(await read_body(request, max_body_bytes))
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

    async def not_found(request, exc: HTTPException):
        message = {404: f"no route {request.url.path} (routes: /health, /setup, /predict, /webhook)",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return error(exc.status_code, message)

    routes = [
        Route("/", health, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/versions", versions, methods=["GET"]),
        Route("/setup", json_route(backend.setup), methods=["POST"]),
        Route("/predict", json_route(backend.predict), methods=["POST"]),
        Route("/webhook", json_route(backend.webhook), methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found})
    app.state.backend = backend
    return app


def serve(app, host: str, port: int, log_level: str = "info") -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level == "debug")
