"""annot5's probe of a bulk path for the suggestion lines of a re-push after retraining
(tests/data/annot5/EXPECTED.md §1), against its own real Label Studio (1.23.2).

Run: .venv/bin/python tests/data/annot5/probe_cache.py WORKDIR [N]
1. ``policytag annotate push`` N (500) invented clauses with one keyword model's predictions, then
   again with another's: the refresh as main does it (HTTP requests by kind, seconds).
2. The one bulk path that writes each task its own text: the Data Manager action ``cache_labels``
   over predictions. The same tasks get the second model's predictions again with each suggestion
   line riding in the result's value (``value.line``); one action per control copies them into
   ``cache_predictions_<control>``; then every task is read back and compared.
3. What the import does with a prediction whose result names a control the config lacks."""

import collections
import os
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/ (ls_server)
import httpx  # noqa: E402

import ls_server  # noqa: E402
from policytag.annotation.client import connect  # noqa: E402
from policytag.annotation.tasks import load_clauses, predict, suggestion_fields  # noqa: E402
from policytag.cli import main  # noqa: E402
from policytag.models.runs import load_run, save_run, tagger_class  # noqa: E402
from policytag.records import Clause, Labels  # noqa: E402
from policytag.taxonomy import load_taxonomy  # noqa: E402

work = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
work.mkdir(parents=True, exist_ok=True)
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


def shown(seen: dict) -> str:
    return f"{sum(seen.values())} requests: " + ", ".join(f"{k} x{v}" for k, v in sorted(seen.items(), key=lambda kv: -kv[1]))


httpx.Client.send = counting_send
server = ls_server.start_server(work / "ls", template_dir=Path("/work/main/.pytest_cache/d/label-studio-template"))
try:
    for what, model in (("push, first model", first), ("re-push, second model (main's refresh)", second)):
        calls.clear()
        t = time.monotonic()
        rc = main(["annotate", "push", str(path), "--project", "probe", "--predictions", str(model),
                   "--quiet", "--url", server.url, "--api-key", server.api_key])
        print(f"{what}: rc {rc}, load {os.getloadavg()[0]:.1f}, {time.monotonic() - t:.1f} s, {shown(calls)}", flush=True)

    session = connect(server.url, server.api_key)
    taxonomy = load_taxonomy()
    project = next(p for p in session.projects() if p.title == "probe")
    tasks = {t.data["clause_id"]: t.id for t in session.tasks(project.id)}
    preds = predict(load_clauses([path]).clauses, load_run(second), taxonomy)
    expected = {}
    for clause, pred in zip(clauses, preds):
        lines = suggestion_fields(pred, taxonomy)
        for result in pred["result"]:
            key = {"sector": "suggestion_sector", "measure_dominant": "suggestion_measure"}.get(result["from_name"])
            if key:  # the line first: the action takes the first list-valued key of the value
                result["value"] = {"line": [lines[key].replace("second", "cached")], **result["value"]}
                expected[(tasks[clause.clause_id], result["from_name"])] = lines[key].replace("second", "cached")
        pred["task"] = tasks[clause.clause_id]
    ids = sorted(tasks.values())
    calls.clear()
    t = time.monotonic()
    session.delete_task_predictions(project.id, ids)
    for i in range(0, len(preds), 250):
        session.import_predictions(project.id, preds[i: i + 250])
    print(f"  predictions deleted and imported: {time.monotonic() - t:.1f} s", flush=True)
    for control in ("sector", "measure_dominant"):
        step = time.monotonic()
        session.client.actions.create(id="cache_labels", project=project.id, selected_items={"all": False, "included": ids},
                                      request_options={"additional_body_parameters": {
                                          "source": "Predictions", "custom_control_tag": control, "with_counters": "No"}})
        print(f"  cache_labels {control}: {time.monotonic() - step:.1f} s", flush=True)
    print(f"the same refresh by cache_labels: load {os.getloadavg()[0]:.1f}, {time.monotonic() - t:.1f} s, {shown(calls)}", flush=True)
    stored = {t.id: t for t in session.tasks(project.id)}
    wrong = [(tid, c) for (tid, c), line in expected.items() if stored[tid].data.get(f"cache_predictions_{c}") != line]
    print(f"read back: {len(expected) - len(wrong)} of {len(expected)} lines as written"
          + (f"; wrong e.g. {wrong[0]}: {stored[wrong[0][0]].data}" if wrong else ""), flush=True)
    print("task ids unchanged:", sorted(stored) == ids, flush=True)

    # 3. a prediction naming a control the labeling config lacks
    bad = {"task": ids[0], "model_version": "x", "score": 0.5,
           "result": [{"from_name": "suggestion_line", "to_name": "text", "type": "textarea", "value": {"text": ["l"]}}]}
    before = len(session.client.tasks.get(ids[0]).predictions or [])
    session.import_predictions(project.id, [bad])
    after = len(session.client.tasks.get(ids[0]).predictions or [])
    print(f"a prediction naming an unknown control: {after - before} stored (import answered 201)", flush=True)
finally:
    server.stop()
