"""What the annotation-loop tests against the session's Label Studio (``ls``/``admin`` of
tests/ls_fixture.py) kept writing out each: the regulation they push, ``policytag annotate …``
against that server, a project by its title, and "push this notice and give me its tasks".

Plain helpers, not fixtures: a test passes its own ``capsys``/``tmp_path``, so each module keeps
its own projects (distinct titles) on the shared server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policytag.cli import main

#: a city's regulation, one clause per 第X条 (5 clauses; an invented city)
REGULATION = """柘原市危险化学品安全管理办法

第一条　为了加强危险化学品安全管理，预防和减少危险化学品事故，制定本办法。
第二条　本市行政区域内危险化学品的生产、储存、使用、经营和运输，适用本办法。
第三条　危险化学品单位应当建立健全全员安全生产责任制，主要负责人对本单位的危险化学品安全管理工作全面负责。
第四条　任何单位和个人不得非法生产、储存、经营危险化学品。
第五条　本办法自2029年3月1日起施行。
"""


def annotate(capsys, ls, *args: str, stdout: bool = False) -> tuple:
    """``policytag annotate ARGS --url … --api-key …`` in this process: ``(exit status, stderr)``,
    with ``stdout`` also ``(…, stdout)``."""
    rc = main(["annotate", *args, "--url", ls.url, "--api-key", ls.api_key])
    captured = capsys.readouterr()
    return (rc, captured.err, captured.out) if stdout else (rc, captured.err)


def project_titled(admin, title: str) -> Any:
    """The project titled ``title`` as the admin sees it (StopIteration: none)."""
    return next(p for p in admin.projects.list() if p.title == title)


def push_notice(capsys, ls, admin, directory: Path, title: str, text: str = REGULATION,
                *extra: str) -> tuple[Any, list[Any], Path]:
    """Write ``text`` to DIRECTORY/notice.txt and ``annotate push`` it into project ``title`` (``extra``:
    more push arguments): ``(project, its tasks by id with all fields, the notice file)``."""
    notice = Path(directory) / "notice.txt"
    notice.write_text(text, encoding="utf-8")
    rc, err = annotate(capsys, ls, "push", str(notice), "--project", title, "--quiet", *extra)
    assert rc == 0, err
    project = project_titled(admin, title)
    return project, sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id), notice
