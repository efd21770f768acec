"""A real ``policytag backend serve`` process for the tests (free port, log file, stopped by PID)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

from ls_server import free_port, stop_process, wait_until_up

STARTUP_TIMEOUT = float(os.environ.get("POLICYTAG_BACKEND_STARTUP_TIMEOUT", 180))


@dataclass
class BackendProcess:
    url: str
    process: subprocess.Popen
    log_path: Path
    auth: tuple[str, str] | None = None  # HTTP basic credentials (backend serve --basic-auth)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def health(self) -> dict:
        r = httpx.get(f"{self.url}/health", timeout=10, auth=self.auth)
        r.raise_for_status()
        return r.json()

    def stop(self) -> None:
        stop_process(self.process, 20)


def start_backend(workdir: Path, *args: str, env: dict[str, str] | None = None,
                  auth: tuple[str, str] | None = None) -> BackendProcess:
    """Run ``policytag backend serve ARGS --port FREE`` and wait until ``/health`` answers
    (with ``auth``: the HTTP basic credentials the backend was started with)."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = workdir / "backend.log"
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "policytag.cli", "backend", "serve", *args, "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=full_env, cwd=workdir,
            start_new_session=True)
    backend = BackendProcess(f"http://127.0.0.1:{port}", process, log_path, auth)
    wait_until_up(process, lambda: httpx.get(f"{backend.url}/health", timeout=2, auth=auth).status_code == 200, "the backend",
                  lambda: backend.log()[-3000:], STARTUP_TIMEOUT, poll=0.5)
    return backend
