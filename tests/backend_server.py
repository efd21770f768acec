"""A real ``policytag backend serve`` process for the tests (free port, log file, stopped by PID)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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


def write_fast_recipe(directory: Path) -> Path:
    """The default recipe's data and split with a fast TF-IDF model (retraining takes seconds), as a
    YAML file in ``directory`` for ``backend serve --recipe``."""
    import yaml

    from policytag.backend.wiring import retrain_recipe

    r = retrain_recipe()
    r = {**r, "data": {k: r["data"][k] for k in ("gold", "corpus")}, "split": {**r["split"], "mode": "temporal"},
         "model": {"type": "tfidf", "params": {"ngram_range": [1, 2], "max_features": 20000, "min_df": 2, "C": 4.0,
                                                "use_heading": True}}}
    path = directory / "fast.yaml"
    path.write_text(yaml.safe_dump({k: r[k] for k in ("name", "seed", "data", "split", "model")}, allow_unicode=True),
                    encoding="utf-8")
    return path


def wait_for(predicate, timeout, what):
    """``predicate()``'s first true value, polled every second for ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
