"""annot4's probe of a re-push after retraining (EXPECTED.md §2) against its own real Label Studio.

Run: .venv/bin/python tests/data/annot4/probe_refresh.py WORKDIR [N]
Pushes N (200) invented clauses with one keyword model's predictions, then again with another
model's (a "retraining"), and prints, for each push, the HTTP requests by method and path kind
and the seconds it took; then a third push with the same model (nothing to refresh). Twice, into
two projects: task-data writes one at a time (push.WRITERS = 1: main's refresh before annot4) and
push.WRITERS at a time."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/ (ls_server, refresh_probe)
import ls_server  # noqa: E402
from refresh_probe import TEMPLATE_DIR, RequestCounter, keyword_runs, probe_clauses  # noqa: E402

from policytag.annotation import push as push_module  # noqa: E402
from policytag.cli import main  # noqa: E402

work = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
clauses, path = probe_clauses(work, n)
first, second = keyword_runs(work, clauses)
calls = RequestCounter().install()
server = ls_server.start_server(work / "ls", template_dir=TEMPLATE_DIR)
try:
    def push(model: Path, project: str) -> tuple[int, float, dict]:
        calls.clear()
        t = time.monotonic()
        rc = main(["annotate", "push", str(path), "--project", project, "--predictions", str(model),
                   "--quiet", "--url", server.url, "--api-key", server.api_key])
        return rc, round(time.monotonic() - t, 1), RequestCounter(calls)

    for writers in (1, push_module.WRITERS):
        push_module.WRITERS = writers
        for what, model in (("push, first model", first), ("re-push, second model", second),
                            ("re-push, same model", second)):
            rc, seconds, seen = push(model, f"probe-refresh-w{writers}")
            print(f"writers {writers}: {what}: rc {rc}, {seconds} s, {seen.shown()}", flush=True)
finally:
    server.stop()
