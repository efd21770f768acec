"""Push clauses (and optionally predictions and existing labels) into a Label Studio project.

Idempotent by clause id: a clause whose task already exists is not imported again; one whose
text changed since (its ``text_sha1`` differs from the task's) is reported and left alone, so
annotations are never silently attached to a text the annotator did not see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from policytag import PolicytagError
from policytag.io import read_jsonl
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .client import (ExistingTask, Session, User, ensure_project, ensure_user, ensure_views, existing_tasks,
                     list_users)
from .results import annotation_result, parse_result
from .rules import ADJUDICATION_KEY
from .tasks import DOCUMENT_FIELDS, RULES_KEY, ClauseSet, build_tasks, suggestion_fields, text_sha1

__all__ = ["PushReport", "push", "load_label_rows", "annotation_result"]

#: task-data keys a check writes when it has something to say: a task pushed before one existed
#: lacks it and reads as unflagged, so it is no reason to rewrite the task (a request each)
FLAG_KEYS = (ADJUDICATION_KEY,)
BATCH = 250  # tasks per import request: small enough for a progress bar, large enough to be quick


@dataclass
class ChangedClause:
    clause_id: str
    task_id: int
    old_sha1: str
    new_sha1: str


@dataclass
class PushReport:
    project_id: int
    project_title: str
    created_project: bool
    config_updated: bool
    tasks_created: int = 0
    tasks_existing: int = 0
    changed: list[ChangedClause] = field(default_factory=list)
    predictions_added: int = 0
    #: existing tasks whose predictions (and suggestion lines) were replaced by another model version's
    predictions_refreshed: int = 0
    #: of those, the tasks that hold annotations (kept as they are: a push never changes one)
    refreshed_annotated: int = 0
    prefill: bool | None = None
    #: existing tasks (pushed by an older policytag) that got the display fields the config shows
    tasks_backfilled: int = 0
    annotations_created: int = 0
    annotations_existing: int = 0
    #: "clause_id: why" for imported labels that were not pushed
    annotations_skipped: list[str] = field(default_factory=list)
    overlap: int | None = None
    #: clause ids of existing tasks whose document metadata (title, issuer, …) was brought up to date
    metadata_updated: list[str] = field(default_factory=list)
    #: the model_version of ``--predictions`` (None without): new tasks carry its prediction
    predictions_model: str | None = None

    def lines(self) -> list[str]:
        out = [f"project {self.project_id} {self.project_title!r}"
               + (" (created)" if self.created_project else " (labeling config regenerated from the taxonomy)"
                  if self.config_updated else ""),
               f"tasks: {self.tasks_created} created, {self.tasks_existing} already there"]
        if self.tasks_created and self.predictions_model:
            # a push with --predictions said nothing of the new tasks' ones: did the suggestions go in?
            out.append(f"predictions: {self.predictions_model} on {self.tasks_created} new task(s)")
        if self.tasks_backfilled:
            out.append(f"display fields (suggestion lines, codebook rules, review flag) added to or refreshed in "
                       f"{self.tasks_backfilled} older task(s)")
        if self.metadata_updated:
            out.append(f"document metadata (title, issuer, region, level, genre) updated in {len(self.metadata_updated)} "
                       f"task(s) read differently now, e.g. {self.metadata_updated[0]}; their annotations are kept")
        if self.overlap:
            out.append(f"overlap: {self.overlap} annotation(s) per task")
        if self.predictions_added:
            out.append(f"predictions: {self.predictions_added} added to existing tasks"
                       + (f" ({self.predictions_refreshed} refreshed: another model version's predictions deleted, "
                          f"suggestion lines rewritten)" if self.predictions_refreshed else "")
                       + f"; annotations are never changed by a push: {self.refreshed_annotated} of these task(s) "
                         f"hold annotations, kept as they are")
        if self.prefill is not None:
            out.append("suggestions: " + ("pre-filled as the annotators' starting point" if self.prefill
                                          else "shown as a line only (not pre-filled)"))
        if self.annotations_created or self.annotations_existing or self.annotations_skipped:
            out.append(f"annotations: {self.annotations_created} imported, {self.annotations_existing} already there, "
                       f"{len(self.annotations_skipped)} skipped")
        return out


def _batches(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i: i + size] for i in range(0, len(items), size)]


def push(session: Session, clause_set: ClauseSet, project_spec: str, taxonomy: Taxonomy,
         predictions: Sequence[dict] | None = None, annotations: Sequence[dict] | None = None,
         default_annotator: str = "imported", overlap: int | None = None, progress: bool = True,
         prefill: bool = True) -> PushReport:
    """Create/reuse the project, import new tasks, add missing predictions, import labels.

    ``annotations`` are label rows checked by :func:`load_label_rows`. Labels of clauses whose task
    is new travel inside the task import (one request per batch); labels of clauses already in the
    project are created one by one, unless that user already annotated the task.
    ``overlap`` asks Label Studio for that many annotations per task (every task), so that
    several annotators label the same clauses and pull can measure their agreement.

    With ``predictions``, existing tasks whose stored predictions come from another model version
    get the new prediction instead (the old ones are deleted) and their suggestion lines
    rewritten; ``prefill`` decides whether Label Studio pre-fills the choices with them.
    """
    from tqdm import tqdm

    if overlap is not None and overlap < 1:
        raise PolicytagError(f"--overlap {overlap}: needs at least 1 annotation per task")
    state = ensure_project(session, project_spec, taxonomy)
    project = state.project
    report = PushReport(int(project.id), project.title, state.created, state.config_updated)
    if overlap is not None:
        with session.errors(f"setting the overlap of project {project.id}"):
            session.update_project(project.id, maximum_annotations=overlap, overlap_cohort_percentage=100)
        report.overlap = overlap
    ensure_views(session, project)
    existing = existing_tasks(session, project, progress)
    label_rows = _label_rows_by_clause(session, annotations or [], default_annotator)

    new_tasks, pred_for_existing, later = [], [], []
    refresh: list[tuple[ExistingTask, dict, str]] = []
    backfill: list[tuple[ExistingTask, dict]] = []
    for task in build_tasks(clause_set, predictions, taxonomy):
        data = task["data"]
        cid = data["clause_id"]
        old = existing.get(cid)
        if old is None:
            rows = label_rows.get(cid, [])
            if rows:
                task["annotations"] = [_inline_annotation(user, row) for user, row in rows]
                report.annotations_created += len(rows)
            new_tasks.append(task)
            continue
        report.tasks_existing += 1
        if old.text_sha1 != data["text_sha1"]:
            report.changed.append(ChangedClause(cid, old.task_id, old.text_sha1, data["text_sha1"]))
            report.annotations_skipped += [f"{cid}: its task shows an older text; re-check it in Label Studio"
                                           for _ in label_rows.get(cid, [])]
            continue
        # what a re-push brings up to date in an existing task (everything else stays as stored):
        # the rule line follows the current codebook; the document's title, issuer, region, level
        # and genre follow the current reading of the notice (what the models read and the small
        # print shows; not what the annotators decided), reported by count
        updates = {RULES_KEY: data[RULES_KEY]}
        if any(k in old.data and old.data[k] != data[k] for k in DOCUMENT_FIELDS):
            updates |= {k: data[k] for k in (*DOCUMENT_FIELDS, "doc_line")}
            report.metadata_updated.append(cid)
        if predictions is not None and task["predictions"][0]["model_version"] not in old.model_versions:
            pred_for_existing.append({**task["predictions"][0], "task": old.task_id})
            refresh.append((old, {**data, **old.data, **updates, **suggestion_fields(task["predictions"][0], taxonomy)},
                            task["predictions"][0]["model_version"]))
        elif (any(k not in old.data for k in data if k not in FLAG_KEYS)
              or any(old.data.get(k) != v for k, v in updates.items())):
            # a task pushed by an older policytag: add the fields the labeling config now shows
            backfill.append((old, {**data, **old.data, **updates}))
        later += [(old, user, row) for user, row in label_rows.get(cid, [])]

    with tqdm(total=len(new_tasks), desc="importing tasks", unit="task", disable=not progress, leave=False) as bar:
        for batch in _batches(new_tasks, BATCH):
            try:
                with session.errors(f"importing tasks into project {project.id}"):
                    session.import_tasks(project.id, list(batch))
            except PolicytagError as exc:
                raise PolicytagError(_import_failed(str(exc), report, len(new_tasks), project)) from None
            report.tasks_created += len(batch)
            bar.update(len(batch))
    if pred_for_existing:
        # the other model versions' predictions go first, in batches: a request per task (a DELETE
        # each) made a re-push after a retraining take over half an hour for 2,000 tasks on a busy
        # machine. Only tasks without the new version are here, so all their predictions are stale;
        # a push that fails after this leaves them without one, and the same push adds it.
        stale_tasks = [old.task_id for old, _, version in refresh if any(v != version for _, v in old.predictions)]
        with session.errors(f"deleting the other model versions' predictions in project {project.id}"):
            for batch in _batches(stale_tasks, BATCH):
                session.delete_task_predictions(project.id, list(batch))
        with session.errors(f"importing predictions into project {project.id}"):
            for batch in _batches(pred_for_existing, BATCH):
                session.import_predictions(project.id, list(batch))
                report.predictions_added += len(batch)
        _refresh(session, report, refresh, progress)
    write_task_data(session, [(old, data, f"adding display fields to task {old.task_id}") for old, data in backfill],
                    "adding display fields", progress)
    report.tasks_backfilled = len(backfill)
    if predictions:
        # the project shows the predictions of its model_version to annotators as pre-annotations,
        # when prefill is on (Label Studio: "use predictions to pre-label tasks")
        with session.errors(f"setting the model version of project {project.id}"):
            session.update_project(project.id, model_version=predictions[0]["model_version"],
                                   show_collab_predictions=bool(prefill))
        report.prefill = bool(prefill)
        report.predictions_model = str(predictions[0]["model_version"])
    for old, user, row in tqdm(later, desc="importing labels", unit="label", disable=not progress or not later,
                                leave=False):
        _annotate_existing(session, report, old, user, row, taxonomy)
    return report


def _import_failed(error: str, report: PushReport, total: int, project: Any) -> str:
    """The one line of a push whose task import failed part-way (Label Studio answered 500 to one
    batch, or went away): what failed, how many tasks are in, and that the same push resumes. A
    re-push skips every clause whose task exists (by clause id): whatever of the failed batch Label
    Studio kept is not imported twice, and nothing is lost."""
    done = report.tasks_created
    return (f"{error} — {done} of {total} new task(s) were imported before this (batches of {BATCH}); the "
            f"rest of this push (predictions and labels for tasks already there, the project's model version) was "
            f"not done: run the same push again to import the other {total - done} and finish (tasks already in "
            f"project {project.id} are not imported twice)")


# --- existing labels -----------------------------------------------------------------------------
def load_label_rows(path: str | Path, clause_set: ClauseSet, taxonomy: Taxonomy) -> list[dict]:
    """Rows ``clause_id, sector, measure_type[, annotator, note, text_sha1]`` checked before any upload.

    Unknown labels, unknown clause ids and labels made for another text (``text_sha1``) are errors;
    the whole file is refused so that a team never ends up with half an import.
    """
    rows = read_jsonl(path)
    clauses = clause_set.by_id()
    problems = []
    seen: set[tuple[str, str]] = set()
    for lineno, row in enumerate(rows, start=1):
        cid = row.get("clause_id")
        if not cid or not all(isinstance(row.get(d), list) for d in DIMENSIONS):
            problems.append(f"line {lineno}: needs clause_id, sector (list) and measure_type (list)")
            continue
        key = (cid, str(row.get("annotator") or ""))
        if key in seen:
            problems.append(f"{cid}: labelled twice by the same annotator (line {lineno})")
        seen.add(key)
        for dim in DIMENSIONS:
            bad = [x for x in row[dim] if x not in taxonomy[dim].ids]
            if bad:
                problems.append(f"{cid}: {dim} label(s) not in taxonomy {taxonomy.version}: {', '.join(map(str, bad))}")
        clause = clauses.get(cid)
        if clause is None:
            problems.append(f"{cid}: no such clause in the input")
        elif row.get("text_sha1") and row["text_sha1"] != text_sha1(clause.text):
            problems.append(f"{cid}: labelled text differs from the clause's current text (text_sha1)")
    if problems:
        raise PolicytagError(f"{path}: {len(problems)} problem(s), nothing imported: {problems[0]}"
                             + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
                             + _unknown_label_hint(rows, taxonomy))
    return rows


def _unknown_label_hint(rows: Sequence[dict], taxonomy: Taxonomy) -> str:
    """Every label of the file that is no taxonomy id, each once, with the id it probably means: a
    label's Chinese name (what a spreadsheet holds) or a near-miss id. The error shows one problem
    only; without this a file with three wrong ids took three failed pushes to learn them all."""
    import difflib

    hints: dict[str, str] = {}
    for row in rows:
        for dim in DIMENSIONS:
            labels = row.get(dim) if isinstance(row.get(dim), list) else []
            ids, names = taxonomy[dim].ids, taxonomy[dim].names
            for label in map(str, labels):
                if label in ids or label in hints:
                    continue
                if label in names:
                    hints[label] = f"{label} (the name of {ids[names.index(label)]}: write the id)"
                else:
                    # an id inside the label (emergency in emergency_preparedness), else the nearest spelling
                    close = ([i for i in ids if i in label or label in i][:1]
                             or difflib.get_close_matches(label, ids, n=1, cutoff=0.6))
                    hints[label] = f"{label} ({close[0]}?)" if close else label
    if not hints:
        return ""
    return (f"; labels not in taxonomy {taxonomy.version}: {', '.join(hints.values())} (the ids: "
            f"`policytag annotate config` or configs/taxonomy.yaml)")


def _labels_of(result: list[dict], taxonomy: Taxonomy) -> dict[str, list[str]]:
    parsed = parse_result(result, taxonomy)
    return {"sector": sorted(parsed.sector), "measure_type": parsed.measure_type}


def _refresh(session: Session, report: PushReport, items: list[tuple[ExistingTask, dict, str]],
             progress: bool) -> None:
    """Write the new data of these tasks (the suggestion lines of the new prediction; everything else
    as stored); their other model versions' predictions were deleted in bulk before (``push``)."""
    write_task_data(session, [(old, data, f"refreshing the suggestion lines of task {old.task_id}")
                              for old, data, _ in items], "refreshing suggestions", progress)
    for old, _, version in items:
        report.predictions_refreshed += any(v != version for _, v in old.predictions)
        report.refreshed_annotated += bool(old.annotations)


#: task-data writes in flight at once. Label Studio 1.23.2 (Community) has one request that writes
#: each of many tasks its own text, the Data Manager's "Cache labels" over predictions, and it writes
#: only to ``cache_predictions_<control>``, not to the keys the labeling config shows
#: (``suggestion_sector``/``suggestion_measure``); the import creates tasks and never updates one,
#: "Add or modify data field" writes one value to every selected task (docs/annotation.md §3, *Why
#: the suggestion lines are one request per task*; tests/data/annot5/probe_cache.py). So a refresh
#: stays a request per task, and these go a few at a time: the client's wait for each answer
#: overlaps the server's work on the next (a few only: Label Studio's SQLite takes one writer at a time).
WRITERS = 4


def write_task_data(session: Session, items: Sequence[tuple[ExistingTask, dict, str]], desc: str,
                    progress: bool) -> None:
    """Replace the data of each ``(task, data, what)`` (``what``: the error's words), ``WRITERS`` at a
    time (:func:`write_data`), and remember it as the task's data."""
    write_data(session, [(old.task_id, data, what) for old, data, what in items], desc, progress)
    for old, data, _ in items:
        old.data = data


def write_data(session: Session, items: Sequence[tuple[int, dict, str]], desc: str, progress: bool) -> None:
    """Replace the data of each ``(task id, data, what)``, ``WRITERS`` at a time (push's refresh and
    backfill, the ML backend's suggestion lines); the first failure is raised (one line) once the
    writes in flight have ended."""
    from concurrent.futures import ThreadPoolExecutor

    from tqdm import tqdm

    def write(item: tuple[int, dict, str]) -> None:
        task_id, data, what = item
        with session.errors(what):
            session.update_task_data(task_id, data)

    if not items:
        return
    pool = ThreadPoolExecutor(max_workers=min(WRITERS, len(items)))
    try:
        with tqdm(total=len(items), desc=desc, unit="task", disable=not progress, leave=False) as bar:
            for _ in pool.map(write, items):
                bar.update(1)
    finally:
        # after a failure, the writes not started are dropped (a server gone away fails each of them)
        pool.shutdown(wait=True, cancel_futures=True)


def _label_rows_by_clause(session: Session, rows: Sequence[dict], default_annotator: str) -> dict[str, list]:
    """clause_id -> [(user, row)], creating missing users first (before anything else is written)."""
    if not rows:
        return {}
    users = list_users(session)
    out: dict[str, list] = {}
    for row in rows:
        user = ensure_user(session, str(row.get("annotator") or default_annotator), users)
        out.setdefault(row["clause_id"], []).append((user, row))
    return out


def _inline_annotation(user: User, row: dict) -> dict:
    """An annotation inside a task import. ground_truth must be explicit: the import defaults it to true."""
    ann = {"result": annotation_result(row["sector"], row["measure_type"], str(row.get("note") or "")),
           "completed_by": user.id, "ground_truth": False}
    if row.get("lead_time") is not None:
        ann["lead_time"] = float(row["lead_time"])
    return ann


def _annotate_existing(session: Session, report: PushReport, task: ExistingTask, user: User, row: dict,
                       taxonomy: Taxonomy) -> None:
    """Add ``row`` to an existing task as ``user``'s annotation, unless they already annotated it."""
    cid = row["clause_id"]
    if user.id in task.annotations:
        if _labels_of(task.annotations[user.id], taxonomy) == {"sector": sorted(row["sector"]),
                                                                "measure_type": list(row["measure_type"])}:
            report.annotations_existing += 1
        else:
            report.annotations_skipped.append(f"{cid}: {user.name} already annotated it differently; kept theirs")
        return
    extra = {"lead_time": float(row["lead_time"])} if row.get("lead_time") is not None else {}
    with session.errors(f"importing the label of {cid} as {user.name}"):
        session.create_annotation(
            task.task_id, result=annotation_result(row["sector"], row["measure_type"], str(row.get("note") or "")),
            completed_by=user.id, **extra)
    task.annotations[user.id] = annotation_result(row["sector"], row["measure_type"])
    report.annotations_created += 1
