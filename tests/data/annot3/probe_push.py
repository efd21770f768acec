"""annot3's probes of a large push against a real Label Studio (EXPECTED.md §3a, §3d).

Run: .venv/bin/python tests/data/annot3/probe_push.py WORKDIR [N [first]]  (first: the two first pushes only)
Pushes N (2,000) corpus clauses with the default model's predictions (timed; batches of
annotation.push.BATCH), labels two tasks, pushes again with another model's predictions (a
"retrain": tasks not labelled get the new suggestion, annotations stay), prints what it saw."""

import dataclasses
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/ (ls_server)
import ls_server  # noqa: E402
from label_studio_sdk.client import LabelStudio  # noqa: E402

from policytag.annotation.results import annotation_result  # noqa: E402
from policytag.annotation.tasks import load_clauses  # noqa: E402
from policytag.cli import main  # noqa: E402
from policytag.paths import corpus_path  # noqa: E402
from policytag.records import Labels  # noqa: E402

work = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
work.mkdir(parents=True, exist_ok=True)
clauses = load_clauses([corpus_path()]).clauses
base = list(clauses)
k = 1
while len(clauses) < n:  # the corpus has fewer: copies with their own id and a round number in the text
    clauses += [dataclasses.replace(c, clause_id=f"{c.clause_id}-r{k}", text=f"{c.text}（第{k}轮）") for c in base]
    k += 1
clauses = clauses[:n]
path = work / "clauses.jsonl"
path.write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in clauses), encoding="utf-8")
print(f"{len(clauses)} clauses")
server = ls_server.start_server(work / "ls", template_dir=Path(".pytest_cache/d/label-studio-template"))
admin = LabelStudio(base_url=server.url, api_key=server.api_key)


def cli(*args):
    t = time.monotonic()
    rc = main(["annotate", *args, "--url", server.url, "--api-key", server.api_key])
    return rc, round(time.monotonic() - t, 1)


try:
    print("push, no predictions:", cli("push", str(path), "--project", "p-plain"))
    print("push, default predictions:", cli("push", str(path), "--project", "p-pred", "--predictions", "default"))
    if sys.argv[3:] == ["first"]:
        raise SystemExit(0)
    project = next(p for p in admin.projects.list() if p.title == "p-pred")
    tasks = sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)
    print("tasks", len(tasks), "predictions on first", len(tasks[0].predictions or []))
    for t in tasks[:2]:
        admin.annotations.create(t.id, result=annotation_result(["coal_mine"], ["enforcement"]))
    from policytag.models.runs import save_run, tagger_class
    small = clauses[:200]
    tagger = tagger_class("keyword")().fit(small, [Labels(("coal_mine",), ("responsibility",)) for _ in small])
    run = work / "retrained"
    save_run(tagger, run, config={"model": {"type": "keyword"}}, metrics={}, data_hash="probe")
    print("re-push, retrained predictions:", cli("push", str(path), "--project", "p-pred", "--predictions", str(run),
                                                  "--quiet"))
    after = sorted(admin.tasks.list(project=project.id, fields="all"), key=lambda t: t.id)
    print("tasks", len(after), "annotations kept", [t.total_annotations for t in after[:3]],
          "versions on t0/t2", [p["model_version"] if isinstance(p, dict) else p.model_version
                                 for p in (after[0].predictions or [])],
          [p["model_version"] if isinstance(p, dict) else p.model_version for p in (after[2].predictions or [])],
          "suggestion_model t2", after[2].data.get("suggestion_model"))
    print("next:", cli("next", "--project", "p-pred", "--n", "5", "--strategy", "uncertainty", "--model", str(run),
                       "--dry-run"))
finally:
    server.stop()
