"""pytest plugin (``pytest_plugins`` in conftest.py): ONE Label Studio server per test session,
shared by every test module that needs it, and one admin client.

* ``ls``: the server (``tests/ls_server.py``; skipped when label-studio is not installed). It runs
  with ``ML_BLOCK_LOCAL_IP=false`` and ``SSRF_PROTECTION_ENABLED=false`` so that it may call an ML
  backend on 127.0.0.1 (test_backend_labelstudio.py); nothing else depends on those settings.
* ``admin``: an SDK client with the admin's token (tests inspect the server directly with it;
  the code under test reaches Label Studio only through ``annotation/client.py``).

Modules share the server, so each works in its own projects (distinct titles) and signs up its
own users (distinct e-mails). The terminal summary says how many servers the session started,
and a session that started more than one fails (``pytest_sessionfinish``). Under pytest-xdist each
server leaves a file in the session's shared base temp, so the controller counts the workers' too
(tests/conftest.py puts every test that uses the server on one worker).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import ls_server

#: environment of the shared server
LS_ENV = {"ML_BLOCK_LOCAL_IP": "false", "SSRF_PROTECTION_ENABLED": "false"}


@pytest.fixture(scope="session")
def ls(tmp_path_factory, pytestconfig) -> ls_server.LabelStudioServer:
    if ls_server.label_studio_executable() is None:
        pytest.skip("label-studio is not installed (pip install label-studio)")
    cache = getattr(pytestconfig, "cache", None)  # absent with -p no:cacheprovider: migrate from scratch
    server = ls_server.start_server(tmp_path_factory.mktemp("label-studio"),
                                    template_dir=cache.mkdir("label-studio-template") if cache else None,
                                    env=LS_ENV)
    (_shared_root(tmp_path_factory) / f"{_MARK}{server.process.pid}").touch()
    yield server
    server.stop()


#: the file name (plus the pid) each started server leaves in the session's shared base temp
_MARK = "label-studio-server-pid"


def _shared_root(tmp_path_factory) -> Path:
    """The folder every process of the test session sees: pytest's base temp, or on an xdist worker
    the controller's (a worker's own base temp is ``popen-gwN`` inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _servers_started(config) -> list[str]:
    """Pids of the servers this session started, in every process (read by the controller)."""
    factory = getattr(config, "_tmp_path_factory", None)  # pytest's own; xdist reads it the same way
    if hasattr(config, "workerinput"):
        return []
    marked = {p.name.removeprefix(_MARK) for p in factory.getbasetemp().glob(f"{_MARK}*")} if factory else set()
    return sorted(marked | {str(pid) for pid in ls_server.STARTED})  # + servers started without the fixture


@pytest.fixture(scope="session")
def admin(ls):
    from label_studio_sdk.client import LabelStudio

    return LabelStudio(base_url=ls.url, api_key=ls.api_key)


def push_clauses(ls, admin, clauses, title: str, workdir) -> object:
    """Push ``clauses`` (``Clause`` records) into a new project ``title`` with ``policytag annotate
    push`` (the real CLI path) and return the project as the admin sees it."""
    import json

    from policytag.cli import main

    path = workdir / "clauses.jsonl"
    path.write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in clauses), encoding="utf-8")
    assert main(["annotate", "push", str(path), "--project", title, "--url", ls.url, "--api-key", ls.api_key,
                 "--quiet"]) == 0
    return next(p for p in admin.projects.list() if p.title == title)


def sign_up_annotators(ls, names, domain: str) -> dict:
    """``{name: (SDK client, the name Label Studio shows)}`` for annotators signed up as
    ``NAME@DOMAIN`` (each module its own domain: the server is shared)."""
    from label_studio_sdk.client import LabelStudio

    out = {}
    for who in names:
        client = LabelStudio(base_url=ls.url, api_key=ls.signup(f"{who}@{domain}", f"{who}-password-1"))
        me = client.users.whoami()
        out[who] = (client, me.username or me.email)
    return out


def pytest_terminal_summary(terminalreporter) -> None:
    pids = _servers_started(terminalreporter.config)
    if pids:
        terminalreporter.write_line(f"Label Studio: {len(pids)} server(s) started this session "
                                    f"(pid {', '.join(pids)}); at most 1 expected"
                                    + ("" if len(pids) == 1 else ": FAILED (a module or a worker started its own server)"),
                                    red=len(pids) > 1)


def pytest_sessionfinish(session, exitstatus) -> None:
    # more than one: a module started its own server instead of using the ``ls`` fixture, or the
    # server's tests were spread over several xdist workers
    if len(_servers_started(session.config)) > 1:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
