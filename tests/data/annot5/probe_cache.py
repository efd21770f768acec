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

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/ (ls_server, refresh_probe)
import ls_server  # noqa: E402
from refresh_probe import TEMPLATE_DIR, RequestCounter, keyword_runs, probe_clauses  # noqa: E402

from policytag.annotation.client import connect  # noqa: E402
from policytag.annotation.tasks import load_clauses, predict, suggestion_fields  # noqa: E402
from policytag.cli import main  # noqa: E402
from policytag.models.runs import load_run  # noqa: E402
from policytag.taxonomy import load_taxonomy  # noqa: E402

work = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
clauses, path = probe_clauses(work, n)
first, second = keyword_runs(work, clauses)
calls = RequestCounter().install()
server = ls_server.start_server(work / "ls", template_dir=TEMPLATE_DIR)
try:
    for what, model in (("push, first model", first), ("re-push, second model (main's refresh)", second)):
        calls.clear()
        t = time.monotonic()
        rc = main(["annotate", "push", str(path), "--project", "probe", "--predictions", str(model),
                   "--quiet", "--url", server.url, "--api-key", server.api_key])
        print(f"{what}: rc {rc}, load {os.getloadavg()[0]:.1f}, {time.monotonic() - t:.1f} s, {calls.shown()}", flush=True)

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
    print(f"the same refresh by cache_labels: load {os.getloadavg()[0]:.1f}, {time.monotonic() - t:.1f} s, {calls.shown()}", flush=True)
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
