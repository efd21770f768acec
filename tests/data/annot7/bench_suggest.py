"""Time the ML backend's suggestion-line writer on N tasks (docs: the report of branch annot7).

    python tests/data/annot7/bench_suggest.py CLAUSES.jsonl TITLE MODEL_DIR

against a running Label Studio (LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY): pushes the clauses without
predictions into a new project TITLE (every task reads 模型建议：无), predicts them with MODEL_DIR and
times ``backend.wiring.task_suggester`` writing every task's lines (what follows a "Retrieve
predictions" after a retraining), then checks that each task holds its own prediction's lines. Runs
with whichever policytag the interpreter imports, so the same script times main and the branch."""

from __future__ import annotations

import dataclasses
import os
import sys
import time

from policytag.annotation.client import connect, find_project
from policytag.annotation.push import push
from policytag.annotation.tasks import load_clauses, predict, suggestion_fields
from policytag.app import resolve_model
from policytag.backend.service import ProjectState
from policytag.backend.wiring import task_suggester
from policytag.taxonomy import load_taxonomy


def main(clauses: str, title: str, model: str) -> None:
    url, key = os.environ["LABEL_STUDIO_URL"], os.environ["LABEL_STUDIO_API_KEY"]
    taxonomy, clause_set = load_taxonomy(), load_clauses([clauses])
    session = connect(url, key)
    push(session, clause_set, title, taxonomy, progress=False)
    project = find_project(session, title)
    preds = predict(clause_set.clauses, resolve_model(model), taxonomy)
    by_clause = {t.data["clause_id"]: int(t.id) for t in session.tasks(project.id)}
    items = [(by_clause[c.clause_id], p) for c, p in zip(clause_set.clauses, preds)]
    fields = {f.name for f in dataclasses.fields(ProjectState)}
    state = ProjectState(**({"project_id": int(project.id)} if "project_id" in fields else {}))
    start = time.perf_counter()
    task_suggester(url, key, taxonomy)(items, state)
    took = time.perf_counter() - start
    wrong = sum(session.task_data(tid)["suggestion_sector"] != suggestion_fields(p, taxonomy)["suggestion_sector"]
                for tid, p in items)
    print(f"{len(items)} task(s): suggestion lines written in {took:.1f} s; {wrong} task(s) without their lines")


if __name__ == "__main__":
    main(*sys.argv[1:4])
