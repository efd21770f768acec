"""A throw-away Label Studio server for the integration tests (one per test session: the
``ls`` fixture of ``tests/ls_fixture.py`` starts it, and every module shares it).

Started with a temporary HOME and data directory, an admin with a known legacy API token, update
checks and analytics off; stopped by PID (SIGTERM, then SIGKILL). Label Studio moves to the next
port when the one asked for is busy, so the port actually used is read back from its log.

A fresh database needs all of Label Studio's migrations (one to two minutes on a small machine).
Given a ``template_dir`` (the pytest cache), the migrated but still empty database is kept there,
per Label Studio version, and copied into each new data directory: it holds no users, tokens or
projects, so nothing of one session leaks into the next, and later sessions start in seconds.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ADMIN_EMAIL = "admin@policytag.test"
ADMIN_PASSWORD = "policytag-admin-pw"
STARTUP_TIMEOUT = float(os.environ.get("POLICYTAG_LS_STARTUP_TIMEOUT", 300))
RE_STARTED = re.compile(r"Starting development server at (https?://[^/\s]+)/")
#: PID of every Label Studio this process started (ls_fixture.py reports it and fails a session
#: that started more than one)
STARTED: list[int] = []


def label_studio_executable() -> str | None:
    """``label-studio`` next to this interpreter (the venv), else on PATH."""
    here = Path(sys.executable).parent / "label-studio"
    return str(here) if here.exists() else shutil.which("label-studio")


def stop_process(process: subprocess.Popen, timeout: float) -> None:
    """Stop a server we started, by its PID: SIGTERM, then SIGKILL after ``timeout`` seconds."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


def wait_until_up(process: subprocess.Popen, ready, what: str, log, timeout: float, poll: float) -> None:
    """Poll ``ready()`` until it is true; a process that exits, or a timeout (the process is then
    stopped), is a RuntimeError with the tail of ``log()``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}:\n{log()}")
        try:
            if ready():
                return
        except httpx.HTTPError:
            pass
        time.sleep(poll)
    stop_process(process, 15)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s:\n{log()}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabelStudioServer:
    url: str
    api_key: str
    process: subprocess.Popen
    log_path: Path

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        stop_process(self.process, 15)

    def signup(self, email: str, password: str) -> str:
        """Sign a new user up through the web form (as an annotator would) and return their API token."""
        with httpx.Client(base_url=self.url, follow_redirects=True, timeout=60) as web:
            web.get("/user/signup/")
            csrf = web.cookies.get("csrftoken")
            r = web.post("/user/signup/", data={"email": email, "password": password, "csrfmiddlewaretoken": csrf},
                         headers={"Referer": f"{self.url}/user/signup/"})
            r.raise_for_status()
            r = web.get("/api/current-user/token")
            r.raise_for_status()
            return r.json()["token"]


def _env(home: Path, data: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "LATEST_VERSION_CHECK": "false", "COLLECT_ANALYTICS": "false",
           "LABEL_STUDIO_BASE_DATA_DIR": str(data), "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CACHE_HOME": str(home / ".cache"), "PYTHONUNBUFFERED": "1"}
    env.pop("LABEL_STUDIO_API_KEY", None)
    env.pop("DATABASE_NAME", None)
    return env


def migrated_database(exe: str, template_dir: Path) -> Path | None:
    """An empty, fully migrated Label Studio database for this Label Studio version (built once)."""
    from importlib.metadata import version

    target = template_dir / f"label_studio-{version('label-studio')}.sqlite3"
    if target.exists():
        return target
    work = Path(tempfile.mkdtemp(prefix="build-", dir=template_dir))
    try:
        # `label-studio version` applies the migrations and exits: no user, no token, no server
        done = subprocess.run([exe, "version", "--data-dir", str(work / "data")], env=_env(work / "home", work / "data"),
                              cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                              timeout=STARTUP_TIMEOUT)
        built = work / "data" / "label_studio.sqlite3"
        if done.returncode != 0 or not built.exists():
            return None
        os.replace(built, target)  # atomic: a concurrent session sees the whole file or none
        return target
    except (OSError, subprocess.TimeoutExpired):
        return None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def start_server(workdir: Path, template_dir: Path | None = None,
                 env: dict[str, str] | None = None) -> LabelStudioServer:
    """Start Label Studio in ``workdir`` and wait until ``/health`` answers (``env``: extra
    environment variables for the server)."""
    exe = label_studio_executable()
    if exe is None:
        raise RuntimeError("label-studio is not installed")
    home, data = workdir / "home", workdir / "data"
    home.mkdir(parents=True, exist_ok=True)
    data.mkdir(parents=True, exist_ok=True)
    template = migrated_database(exe, template_dir) if template_dir else None
    if template:
        shutil.copyfile(template, data / "label_studio.sqlite3")
    token = secrets.token_hex(20)  # a 40-character legacy token, like Label Studio's own
    port = free_port()
    env = {**_env(home, data), **(env or {})}
    log_path = workdir / "label-studio.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [exe, "start", "--no-browser", "--internal-host", "127.0.0.1", "--port", str(port), "--data-dir", str(data),
             "--username", ADMIN_EMAIL, "--password", ADMIN_PASSWORD, "--user-token", token,
             "--enable-legacy-api-token"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=workdir,
            start_new_session=True)  # our own session: a Ctrl-C in pytest does not half-kill it
    STARTED.append(process.pid)
    server = LabelStudioServer(f"http://127.0.0.1:{port}", token, process, log_path)

    def ready() -> bool:
        m = RE_STARTED.search(log_path.read_text(errors="replace"))
        if not m:
            return False
        server.url = m.group(1).replace("0.0.0.0", "127.0.0.1")  # the port it really took
        return httpx.get(f"{server.url}/health", timeout=5).status_code == 200

    wait_until_up(process, ready, "label-studio", server.log_tail, STARTUP_TIMEOUT, poll=1.0)
    return server
