"""annot4's probe of a re-push after retraining (EXPECTED.md §2) against its own real Label Studio.

Run: .venv/bin/python tests/data/annot4/probe_refresh.py WORKDIR [N]
Pushes N (200) invented clauses with one keyword model's predictions, then again with another
model's (a "retraining"), and prints, for each push, the HTTP requests by method and path kind
and the seconds it took; then a third push with the same model (nothing to refresh). Twice, into
two projects: task-data writes one at a time (push.WRITERS = 1: main's refresh before annot4) and
push.WRITERS at a time."""

import collections
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/ (ls_server)
import httpx  # noqa: E402

import ls_server  # noqa: E402
from policytag.annotation import push as push_module  # noqa: E402
from policytag.cli import main  # noqa: E402
from policytag.models.runs import save_run, tagger_class  # noqa: E402
from policytag.records import Clause, Labels  # noqa: E402

work = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
work.mkdir(parents=True, exist_ok=True)
# invented clauses: a county's yearly work points, one sentence each, the place and number varying
SUBJECTS = ("危险化学品企业", "城镇燃气经营单位", "建筑施工企业", "道路运输企业", "人员密集场所")
ACTIONS = ("开展安全隐患排查整治", "落实全员安全生产责任制", "组织应急演练", "加强执法检查", "开展安全培训")
clauses = [Clause(doc_id=f"probe-{i // 10}", clause_id=f"probe-{i}", heading_path=["二、重点任务"], kind="clause",
                  text=f"{i % 7 + 1}．各乡镇督促{SUBJECTS[i % 5]}{ACTIONS[(i // 5) % 5]}，第{i + 1}项任务年内完成。",
                  year=2029)
           for i in range(n)]
path = work / "clauses.jsonl"
path.write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in clauses), encoding="utf-8")


def run(name: str, sector: str) -> Path:
    tagger = tagger_class("keyword")().fit(clauses, [Labels((sector,), ("responsibility",)) for _ in clauses])
    out = work / name
    save_run(tagger, out, config={"model": {"type": "keyword"}}, metrics={}, data_hash=name)
    return out


first, second = run("first", "hazardous_chemicals"), run("second", "urban_gas")
calls: collections.Counter = collections.Counter()
real_send = httpx.Client.send


def counting_send(self, request, *args, **kwargs):
    path_kind = re.sub(r"/\d+", "/ID", request.url.path)
    calls[f"{request.method} {path_kind}"] += 1
    return real_send(self, request, *args, **kwargs)


httpx.Client.send = counting_send
server = ls_server.start_server(work / "ls", template_dir=Path(".pytest_cache/d/label-studio-template"))
try:
    def push(model: Path, project: str) -> tuple[int, float, dict]:
        calls.clear()
        t = time.monotonic()
        rc = main(["annotate", "push", str(path), "--project", project, "--predictions", str(model),
                   "--quiet", "--url", server.url, "--api-key", server.api_key])
        return rc, round(time.monotonic() - t, 1), dict(calls)

    for writers in (1, push_module.WRITERS):
        push_module.WRITERS = writers
        for what, model in (("push, first model", first), ("re-push, second model", second),
                            ("re-push, same model", second)):
            rc, seconds, seen = push(model, f"probe-refresh-w{writers}")
            print(f"writers {writers}: {what}: rc {rc}, {seconds} s, {sum(seen.values())} requests: "
                  + ", ".join(f"{k} x{v}" for k, v in sorted(seen.items(), key=lambda kv: -kv[1])), flush=True)
finally:
    server.stop()
