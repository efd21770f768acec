"""Label Studio export -> a labelled dataset (JSONL + Hugging Face dataset + metadata + conflicts).

The export is Label Studio's full JSON format (not JSON_MIN): every annotation with its
``completed_by``, ``lead_time`` and ``was_cancelled`` flag, and every ``choices`` result as
``value.choices``. Choices are mapped back to taxonomy ids whichever way they were stored (the
``alias`` id our config asks for, or the Chinese name a hand-made config would store; a list, or a
bare string). A label outside the taxonomy is an error, never silently dropped.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Sequence

from policytag import PolicytagError
from policytag.taxonomy import Taxonomy

from .agreement import POLICY, Vote, agreement_report, resolve
from .labeling_config import NOTE_NAME
from .results import parse_result
from .rules import (ADJUDICATION_KEY, Violation, adjudication, check_labels, conflict_violations,
                    undecided_violation)
from .tasks import CLAUSE_FIELDS, DOCUMENT_FIELDS, shown_text_sha1


@dataclass
class AnnotationRecord:
    """One submitted (not cancelled) annotation of one clause."""

    task_id: int
    annotation_id: int
    clause_id: str
    doc_id: str
    year: int | None
    text: str
    text_sha1: str
    heading_path: list[str]
    annotator: str
    annotator_id: int | None
    sector: list[str]
    #: dominant first
    measure_type: list[str]
    note: str
    lead_time: float | None
    created_at: str
    updated_at: str
    #: the dominant measure type as chosen (None: the annotation has none, and is refused)
    dominant: str | None = None
    #: the task's data as exported (its review flag is compared before the pull rewrites it)
    task_data: dict[str, Any] = field(default_factory=dict, repr=False)

    def detail(self) -> dict[str, Any]:
        """The per-annotation part kept in every dataset row."""
        return {k: getattr(self, k) for k in ("annotation_id", "annotator", "annotator_id", "sector", "measure_type",
                                              "dominant", "note", "lead_time", "created_at", "updated_at")}


@dataclass
class SkippedTask:
    """A task somebody skipped (a cancelled annotation): its data as exported, and per skip who, when
    and the note 备注 they wrote. Label Studio's Skip sends what was on the screen with
    ``was_cancelled`` set, so a note written before skipping ("拿不准：…") travels with it; the boxes
    ticked (or the pre-filled suggestion) travel too, and are never read as labels."""

    data: dict[str, Any]
    skips: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ExportStats:
    tasks: int = 0
    tasks_annotated: int = 0
    annotations: int = 0
    cancelled: int = 0  # skipped / cancelled annotations, dropped
    #: each of them: task, clause, annotation id, annotator, and whether the task has no submitted
    #: annotation (a skipped clause nobody labelled: the lead reassigns it; ``annotate next`` ranks it)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    superseded: int = 0  # older annotations of an annotator who annotated the same clause again
    foreign_tasks: int = 0  # tasks without a clause_id (not made by policytag), ignored
    missing_dominant: int = 0  # annotations without a dominant measure type: refused, reported
    #: one line per malformed task or annotation skipped (not a JSON object, a string where a list
    #: belongs, a non-numeric id …); an export is read as far as it is usable
    malformed: list[str] = field(default_factory=list)
    #: task id -> the task's data and its skips with their notes (what NAME.undecided.jsonl is made of)
    skipped_tasks: dict[int, SkippedTask] = field(default_factory=dict)
    #: task id -> data of every policytag task read (annotated or not): each one's flags are set or
    #: cleared (a task whose skip or annotation was deleted since loses a stale flag)
    task_data: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False)
    #: drafts Label Studio keeps for a task an annotator left without Submit/Update (``draft_entry``):
    #: never labels, but a pull says it left them (they read like a clause nobody opened otherwise)
    drafts: list[dict[str, Any]] = field(default_factory=list)
    #: tasks whose text is not the one pushed (edited in Label Studio since): task, clause, the pushed
    #: and the shown fingerprint. Their rows carry the shown text and its fingerprint (what was labelled)
    edited_text: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        """The counts meta.json keeps (what each skip and draft was, and the tasks' data, are kept elsewhere)."""
        return {**{f.name: getattr(self, f.name) for f in fields(self)
                   if f.name not in ("skipped", "skipped_tasks", "task_data", "drafts", "edited_text")},
                "drafts": len(self.drafts), "edited_text": len(self.edited_text)}


def _user_of(ann: dict, users: dict[int, str]) -> tuple[str, int | None]:
    who = ann.get("completed_by")
    if isinstance(who, dict):  # some exports inline the user
        uid = who.get("id")
        name = who.get("username") or who.get("email") or (str(uid) if uid is not None else "unknown")
        return users.get(uid, name) if uid is not None else name, uid
    if who is None:
        return "unknown", None
    return users.get(int(who), str(who)), int(who)


def _skipper(ann: dict, users: dict[int, str]) -> str:
    """Who skipped: the annotator's name, or "unknown" when the export's user field is unusable."""
    try:
        return _user_of(ann, users)[0]
    except (TypeError, ValueError):
        return "unknown"


def _skip_note(result: Any) -> str:
    """The note 备注 of a skipped annotation's result ("" without one). Only the note: the choices on a
    skipped screen are a pre-fill or half a decision, and a label outside the taxonomy there is no
    error (it is not a label)."""
    notes: list[str] = []
    for res in result if isinstance(result, list) else []:
        if isinstance(res, dict) and res.get("from_name") == NOTE_NAME and isinstance(res.get("value"), dict):
            text = res["value"].get("text")
            notes.extend([text] if isinstance(text, str) else [t for t in text or [] if isinstance(t, str)])
    return "\n".join(n.strip() for n in notes if n.strip())


def draft_entry(draft: Any, task_id: int, clause_id: str, users: dict[int, str]) -> dict[str, Any]:
    """One draft of an export: task, clause, draft id, whose, and the submitted annotation it changes
    (None: a draft never submitted). The export names the user as ``created_username``
    (``first last email, ID``), mapped to the pull's name for that id; an export with the drafts'
    ids only (Label Studio's default) says the task has a draft, not whose."""
    entry = {"task_id": task_id, "clause_id": clause_id, "draft_id": None, "annotator": "unknown",
             "of_annotation": None, "updated_at": ""}
    if not isinstance(draft, dict):
        entry["draft_id"] = _int_id(draft)
        return entry
    uid = _int_id(str(draft.get("created_username") or "").rpartition(", ")[2])
    named = str(draft.get("user") or "unknown")
    entry.update(draft_id=_int_id(draft.get("id")), of_annotation=_int_id(draft.get("annotation")) or None,
                 annotator=users.get(uid, named) if uid else named, updated_at=str(draft.get("updated_at") or ""))
    return entry


def _int_id(value: Any) -> int | None:
    """A Label Studio id as an int (None/"" -> 0, as before); None when it is not a number."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_export(export: Sequence[dict], taxonomy: Taxonomy, users: dict[int, str] | None = None,
                 where: str = "export") -> tuple[list[AnnotationRecord], ExportStats]:
    """Submitted annotations of an export (cancelled/skipped ones dropped, stats counted).

    ``users`` maps Label Studio user ids to the names written to the dataset.
    """
    users = users or {}
    stats = ExportStats()
    records: list[AnnotationRecord] = []
    unknown: list[str] = []
    if not isinstance(export, list):
        raise PolicytagError(f"{where}: expected a list of tasks (Label Studio JSON export)")
    def skip(what: str, why: str) -> None:
        stats.malformed.append(" ".join(f"{where}: {what}: {why}".split())[:300])

    for position, task in enumerate(export):
        stats.tasks += 1
        if not isinstance(task, dict):
            skip(f"entry {position}", f"expected a task object, got {type(task).__name__}")
            continue
        data = task.get("data") or {}
        if not isinstance(data, dict):
            skip(f"task {task.get('id')!r}", "'data' is not an object")
            continue
        clause_id = data.get("clause_id")
        if not clause_id:
            stats.foreign_tasks += 1
            continue
        task_id = _int_id(task.get("id"))
        if task_id is None:
            skip(f"task {task.get('id')!r}", "its id is not a number")
            continue
        stats.task_data[task_id] = data
        shown = shown_text_sha1(data)
        if data.get("text_sha1") and shown != data["text_sha1"]:
            stats.edited_text.append({"task_id": task_id, "clause_id": str(clause_id),
                                      "pushed_text_sha1": str(data["text_sha1"]), "text_sha1": shown})
        drafts = task.get("drafts") or []
        stats.drafts += [draft_entry(d, task_id, str(clause_id), users) for d in drafts if isinstance(drafts, list)]
        annotations = task.get("annotations") or []
        if not isinstance(annotations, list):
            skip(f"task {task_id}", f"'annotations' is a {type(annotations).__name__}, not a list")
            continue
        kept = 0
        skipped_here: list[dict[str, Any]] = []
        for ann in annotations:
            stats.annotations += 1
            if not isinstance(ann, dict):
                skip(f"task {task_id}", f"an annotation is a {type(ann).__name__}, not an object")
                continue
            result = ann.get("result")
            if result is not None and (not isinstance(result, list) or not all(isinstance(r, dict) for r in result)):
                skip(f"task {task_id} annotation {ann.get('id')!r}", "'result' is not a list of objects")
                continue
            if _int_id(ann.get("id")) is None:
                skip(f"task {task_id} annotation {ann.get('id')!r}", "its id is not a number")
                continue
            if ann.get("was_cancelled"):
                stats.cancelled += 1
                skip_entry = {"task_id": task_id, "clause_id": str(clause_id),
                              "annotation_id": _int_id(ann.get("id")) or 0, "annotator": _skipper(ann, users)}
                skipped_here.append(skip_entry)
                stats.skipped_tasks.setdefault(task_id, SkippedTask(data)).skips.append(
                    {"how": "skipped", "annotator": skip_entry["annotator"], "annotation_id": skip_entry["annotation_id"],
                     "note": _skip_note(result), "updated_at": str(ann.get("updated_at") or "")})
                continue
            try:
                parsed = parse_result(result, taxonomy)
                annotator, annotator_id = _user_of(ann, users)
                lead_time = float(ann["lead_time"]) if ann.get("lead_time") is not None else None
            except (AttributeError, TypeError, ValueError) as exc:  # a value of the wrong JSON type inside
                skip(f"task {task_id} annotation {ann.get('id')!r}", f"malformed ({type(exc).__name__}: {exc})")
                continue
            unknown.extend(f"{u} (task {task.get('id')}, clause {clause_id})" for u in parsed.unknown)
            text = str(data.get("text", ""))
            records.append(AnnotationRecord(
                task_id=task_id, annotation_id=_int_id(ann.get("id")) or 0, clause_id=str(clause_id),
                doc_id=str(data.get("doc_id", "")), year=data.get("year"), text=text, text_sha1=shown,
                heading_path=list(data.get("heading_path") or []), annotator=annotator, annotator_id=annotator_id,
                sector=parsed.sector, measure_type=parsed.measure_type, note=parsed.note,
                lead_time=lead_time,
                created_at=str(ann.get("created_at") or ""), updated_at=str(ann.get("updated_at") or ""),
                dominant=parsed.dominant, task_data=data))
            kept += 1
        stats.tasks_annotated += bool(kept)
        stats.skipped += [{**s, "unlabelled": not kept} for s in skipped_here]
    if unknown:
        raise PolicytagError(f"{where}: {len(unknown)} label(s) not in taxonomy {taxonomy.version}: "
                             f"{'; '.join(unknown[:3])}{' …' if len(unknown) > 3 else ''} — "
                             f"was the project labelled under another taxonomy?")
    return records, stats


@dataclass
class PulledDataset:
    """Resolved rows, conflicts, agreement and counts: everything a pull writes."""

    rows: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    agreement: dict[str, Any]
    counts: dict[str, int]
    problems: list[str] = field(default_factory=list)  # codebook rule violations, flagged in rows
    #: annotations refused because they name no dominant measure type (task, annotator, labels)
    refused: list[dict[str, Any]] = field(default_factory=list)
    #: task id -> (violations of its annotators' latest annotations, the task's data as exported)
    flags: dict[int, tuple[list[Violation], dict[str, Any]]] = field(default_factory=dict)
    #: the Label Studio project it was fetched from (``fetch_dataset``; None for a bare export)
    project: Any = None
    #: earlier annotations of an annotator who annotated the same clause again (the later one is
    #: used): the earlier annotation whole, the kept one's id, and whether the labels differ
    superseded: list[dict[str, Any]] = field(default_factory=list)
    #: skipped (cancelled) annotations, dropped from the rows (``ExportStats.skipped``)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    #: clauses nobody decided: no row and no conflict, but skipped by somebody or submitted without a
    #: dominant measure type (``undecided_rows``): NAME.undecided.jsonl, for adjudication
    undecided: list[dict[str, Any]] = field(default_factory=list)
    #: drafts left unsubmitted (``ExportStats.drafts``): not in the rows, listed in meta.json
    drafts: list[dict[str, Any]] = field(default_factory=list)
    #: tasks whose text was edited in Label Studio after the push (``ExportStats.edited_text``)
    edited_text: list[dict[str, Any]] = field(default_factory=list)


def edited_text_line(edited: list[dict[str, Any]], where: str, limit: int = 5) -> str:
    """``warning: 2 task(s) whose text was edited in Label Studio after the push: …`` for ``annotate pull`` and
    the backend's retraining alike: a label made for a text the notice does not hold is used, so say which."""
    return (f"warning: {len(edited)} task(s) whose text was edited in Label Studio after the push: their rows carry "
            f"the text shown and its text_sha1, not the pushed clause's ({where}): "
            + ", ".join(f"{e['clause_id']} (task {e['task_id']})" for e in edited[:limit])
            + (" …" if len(edited) > limit else ""))


def build_dataset(records: Sequence[AnnotationRecord], stats: ExportStats, taxonomy: Taxonomy) -> PulledDataset:
    """Group annotations by clause, resolve several annotators, flag codebook-rule violations."""
    by_clause: dict[str, dict[str, AnnotationRecord]] = defaultdict(dict)
    superseded: list[dict[str, Any]] = []
    for rec in sorted(records, key=lambda r: (r.updated_at, r.annotation_id)):
        earlier = by_clause[rec.clause_id].get(rec.annotator)
        if earlier is not None:
            # the same annotator again (Label Studio lets one user add a second annotation to a
            # task): the later one counts, the earlier is listed, never dropped without a word
            stats.superseded += 1
            superseded.append({"clause_id": rec.clause_id, "task_id": rec.task_id, "annotator": rec.annotator,
                               "kept_annotation_id": rec.annotation_id, "differs": (earlier.sector, earlier.measure_type)
                               != (rec.sector, rec.measure_type), **earlier.detail()})
        by_clause[rec.clause_id][rec.annotator] = rec
    rows, conflicts, problems, refused = [], [], [], []
    flags: dict[int, tuple[list[Violation], dict[str, Any]]] = {}
    votes_by_clause = {}
    for task_id, data in stats.task_data.items():  # every task the export holds: its flag set or cleared
        flags.setdefault(task_id, ([], data))
    for rec in records:  # (records made without parse_export's stats)
        flags.setdefault(rec.task_id, ([], rec.task_data))
    for clause_id in sorted(by_clause, key=lambda c: (min(r.task_id for r in by_clause[c].values()), c)):
        latest = sorted(by_clause[clause_id].values(), key=lambda r: (r.annotator, r.annotation_id))
        for r in latest:
            flags[r.task_id][0].extend(check_labels(r.sector, r.measure_type, taxonomy, dominant=r.dominant,
                                                    annotator=r.annotator))
        # the dataset's measure_type is dominant first: an annotation without a dominant one is refused
        anns = [r for r in latest if r.dominant is not None]
        for r in latest:
            if r.dominant is None:
                stats.missing_dominant += 1
                refused.append({"clause_id": clause_id, "task_id": r.task_id, "annotation_id": r.annotation_id,
                                "annotator": r.annotator, "sector": r.sector, "measure_type": r.measure_type})
        if not anns:
            continue
        votes = [Vote(r.annotator, tuple(r.sector), tuple(r.measure_type)) for r in anns]
        votes_by_clause[clause_id] = votes
        res = resolve(votes, taxonomy)
        first = anns[0]
        base = {"clause_id": clause_id, "doc_id": first.doc_id, "year": first.year, "text_sha1": first.text_sha1,
                "text": first.text, "heading_path": first.heading_path, **clause_metadata(first.task_data),
                "task_id": first.task_id}
        details = [r.detail() for r in anns]
        if res.is_conflict:
            conflicts.append({**base, "ties": res.ties, "unresolved": res.unresolved, "votes": res.votes,
                              "annotations": details})
            # the task says so too (its review flag), so the adjudicator finds it in Label Studio
            flags[first.task_id][0].extend(conflict_violations(sorted(votes, key=lambda v: v.annotator), taxonomy))
            continue
        single = len(anns) == 1
        rule_problems = taxonomy.problems(res.sector, res.measure_type)
        problems.extend(f"{clause_id}: {p}" for p in rule_problems)
        rows.append({
            **base,
            "sector": list(res.sector),
            "measure_type": list(res.measure_type),
            "annotator": first.annotator if single else "+".join(r.annotator for r in anns),
            "annotator_id": first.annotator_id if single else None,
            "note": first.note if single else "\n".join(f"{r.annotator}: {r.note}" for r in anns if r.note),
            "lead_time": first.lead_time if single else None,
            "n_annotations": len(anns),
            "resolution": res.kind,
            "problems": rule_problems,
            "annotations": details,
        })
    undecided = undecided_rows(stats.skipped_tasks, refused, {r["clause_id"] for r in rows}
                               | {c["clause_id"] for c in conflicts}, by_clause)
    for row in undecided:
        # the task says so too (``adjudication: undecided``, ``apply_flags``), and a skipped one in its
        # review line, as a conflict's does (a refused annotation's own violation already says why)
        if any(a["how"] == "skipped" for a in row["undecided"]):
            # (every task the export holds is in ``flags`` already, above)
            flags.setdefault(row["task_id"], ([], stats.task_data.get(row["task_id"], {})))[0].append(
                undecided_violation([(a["annotator"], "skipped" if a["how"] == "skipped" else "no dominant")
                                     for a in row["undecided"]]))
    # the skipped go to meta.json whole; the skipped tasks' data to NAME.undecided.jsonl
    counts = {**stats.counts(), "clauses": len(by_clause), "rows": len(rows), "conflicts": len(conflicts),
              "multi_annotated": sum(len(v) > 1 for v in votes_by_clause.values()),
              "rule_problems": len(problems), "undecided": len(undecided)}
    return PulledDataset(rows, conflicts, agreement_report(votes_by_clause, taxonomy), counts, problems,
                         refused, flags, superseded=superseded, skipped=list(stats.skipped), undecided=undecided,
                         drafts=list(stats.drafts), edited_text=list(stats.edited_text))


def undecided_rows(skipped_tasks: dict[int, SkippedTask], refused: Sequence[dict[str, Any]], decided: set[str],
                   by_clause: dict[str, dict[str, AnnotationRecord]]) -> list[dict[str, Any]]:
    """One row per clause that nobody decided, for adjudication: no dataset row and no conflict, but
    an annotator skipped it (Label Studio's Skip: "cannot decide") or submitted it without a dominant
    measure type. The clause as a gold row carries it (identity, text, heading path, document) and,
    in ``undecided``, each attempt: ``how`` (``skipped`` / ``no dominant measure type``), annotator,
    annotation id, the note written, and for a submitted attempt the labels ticked. No labels: an
    undecided clause is never a gold row, and never one with empty labels."""
    attempts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    data_of: dict[str, tuple[int, dict[str, Any]]] = {}
    for task_id, task in skipped_tasks.items():
        clause_id = str(task.data.get("clause_id"))
        if clause_id in decided:
            continue  # another annotator's label stands (or their disagreement went to conflicts)
        attempts[clause_id] += task.skips
        data_of.setdefault(clause_id, (task_id, task.data))
    for r in refused:
        if r["clause_id"] in decided:
            continue
        rec = by_clause[r["clause_id"]][r["annotator"]]
        attempts[r["clause_id"]].append({"how": "no dominant measure type", "annotator": rec.annotator,
                                         "annotation_id": rec.annotation_id, "note": rec.note,
                                         "updated_at": rec.updated_at, "sector": rec.sector,
                                         "measure_type": rec.measure_type})
        data_of.setdefault(r["clause_id"], (rec.task_id, rec.task_data))
    out = []
    for clause_id in sorted(attempts, key=lambda c: (data_of[c][0], c)):
        task_id, data = data_of[clause_id]
        text = str(data.get("text", ""))
        out.append({"clause_id": clause_id, "doc_id": str(data.get("doc_id", "")), "year": data.get("year"),
                    "text_sha1": shown_text_sha1(data), "text": text,
                    "heading_path": list(data.get("heading_path") or []), **clause_metadata(data), "task_id": task_id,
                    "undecided": sorted(attempts[clause_id], key=lambda a: (a["updated_at"], a["annotation_id"]))})
    return out


def clause_metadata(data: dict[str, Any]) -> dict[str, Any]:
    """The clause fields of a task's data beyond identity, text and heading path (``kind``,
    ``agencies``, ``span`` and the document's ``title``, ``issuer``, ``region``, ``level``,
    ``genre``): every ``Clause`` field push stored (``tasks.CLAUSE_FIELDS``), so a pulled row
    gives the clause back whole (``Clause.from_row(row)``) and retraining sees the title the
    models read. A task pushed by an older policytag lacks some: they are None (an empty title,
    as such tasks store a missing one, is None too)."""
    out: dict[str, Any] = {}
    for name in CLAUSE_FIELDS:
        if name in ("clause_id", "doc_id", "year", "text", "heading_path"):
            continue
        value = data.get(name)
        out[name] = None if value == "" else value
    return out


# --- output --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OutputPaths:
    jsonl: Path
    hf: Path
    meta: Path
    conflicts: Path
    #: clauses nobody decided (skipped, or submitted without a dominant measure type): for adjudication
    undecided: Path

    @classmethod
    def for_output(cls, output: str | os.PathLike) -> "OutputPaths":
        """``data/annotations/NAME.jsonl`` -> NAME.jsonl, NAME.hf/, NAME.meta.json, NAME.conflicts.jsonl."""
        path = Path(output)
        stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
        if not stem:
            raise PolicytagError(f"{output}: not a usable output name")
        jsonl = path if path.name.endswith(".jsonl") else path.with_name(stem + ".jsonl")
        return cls(jsonl, path.with_name(stem + ".hf"), path.with_name(stem + ".meta.json"),
                   path.with_name(stem + ".conflicts.jsonl"), path.with_name(stem + ".undecided.jsonl"))

    def all(self) -> list[Path]:
        return [self.jsonl, self.hf, self.meta, self.conflicts, self.undecided]


def hf_features():
    """An explicit schema, so an all-empty column (say, no notes yet) still gets the right type."""
    from datasets import Features, Value

    strings = [Value("string")]
    detail = {"annotation_id": Value("int64"), "annotator": Value("string"), "annotator_id": Value("int64"),
              "sector": strings, "measure_type": strings, "dominant": Value("string"), "note": Value("string"),
              "lead_time": Value("float64"),
              "created_at": Value("string"), "updated_at": Value("string")}
    return Features({
        "clause_id": Value("string"), "doc_id": Value("string"), "year": Value("int32"),
        "text_sha1": Value("string"), "text": Value("string"), "heading_path": strings,
        "kind": Value("string"), "agencies": strings, "span": [Value("int64")],
        **{name: Value("string") for name in DOCUMENT_FIELDS},  # the document's title, issuer, …
        "task_id": Value("int64"),
        "sector": strings, "measure_type": strings, "annotator": Value("string"), "annotator_id": Value("int64"),
        "note": Value("string"), "lead_time": Value("float64"), "n_annotations": Value("int32"),
        "resolution": Value("string"), "problems": strings, "annotations": [detail],
    })


def write_dataset(paths: OutputPaths, dataset: PulledDataset, meta: dict[str, Any], force: bool = False) -> None:
    """Write all four outputs, each atomically, renaming them into place only once all are complete.

    Without ``force`` an existing output is an error (checked before anything is written).
    """
    from datasets import Dataset

    from policytag.io import atomic_dir, atomic_write

    existing = [str(p) for p in paths.all() if p.exists()]
    if existing and not force:
        raise PolicytagError(f"{existing[0]} already exists; pull to another name or pass --force to replace "
                             f"{'it' if len(existing) == 1 else f'all {len(existing)} outputs'}")
    paths.jsonl.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        # ExitStack leaves in reverse order: on success the metadata is renamed into place first and
        # the JSONL (what readers open) last; on any failure every temporary is removed, nothing renamed.
        jsonl_fh = stack.enter_context(atomic_write(paths.jsonl))
        conflicts_fh = stack.enter_context(atomic_write(paths.conflicts))
        undecided_fh = stack.enter_context(atomic_write(paths.undecided))
        hf_tmp = stack.enter_context(atomic_dir(paths.hf, overwrite=True))
        meta_fh = stack.enter_context(atomic_write(paths.meta))
        for fh in (jsonl_fh, conflicts_fh, undecided_fh, meta_fh):
            _shareable(fh.fileno())
        _shareable(hf_tmp)
        for row in dataset.rows:
            jsonl_fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        for row in dataset.conflicts:
            conflicts_fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        for row in dataset.undecided:
            undecided_fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        features = hf_features()
        # column-wise, so that an empty pull still yields a dataset with the full schema
        columns = {name: [row.get(name) for row in dataset.rows] for name in features}
        with _quiet_datasets():
            # num_shards=1: datasets cannot shard an empty table by size
            Dataset.from_dict(columns, features=features).save_to_disk(str(hf_tmp), num_shards=1)
        meta_fh.write(json.dumps(meta, ensure_ascii=False, indent=2) + "\n")


def _shareable(target: int | Path) -> None:
    """Temporary files are created 0600/0700; a dataset is meant to be shared, so apply the umask instead."""
    from policytag.io import _umask

    umask = _umask()  # read, not flipped: os.umask(0) would race with other threads
    if isinstance(target, int):
        os.fchmod(target, 0o666 & ~umask)
    else:
        os.chmod(target, 0o777 & ~umask)


@contextlib.contextmanager
def _quiet_datasets():
    """No "Saving the dataset" bar in the middle of the pull's own report."""
    from datasets.utils import logging as ds_logging

    was = ds_logging.is_progress_bar_enabled()
    ds_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was:
            ds_logging.enable_progress_bar()


def pull_metadata(taxonomy: Taxonomy, project: Any, url: str, dataset: PulledDataset,
                  paths: OutputPaths) -> dict[str, Any]:
    return {
        "taxonomy_version": taxonomy.version,
        "project": {"id": int(project.id), "title": project.title},
        "url": url,
        "pulled_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "policy": POLICY,
        "counts": dataset.counts,
        "agreement": dataset.agreement,
        "rule_problems": dataset.problems,
        "refused_missing_dominant": dataset.refused,
        "superseded_annotations": dataset.superseded,
        "skipped_annotations": dataset.skipped,
        "unsubmitted_drafts": dataset.drafts,
        "edited_text": dataset.edited_text,
        "files": {"jsonl": paths.jsonl.name, "hf": paths.hf.name, "conflicts": paths.conflicts.name,
                  "undecided": paths.undecided.name},
    }


# --- what a --force pull replaces ---------------------------------------------------------------
def previous_labels(path: Path) -> tuple[dict[str, dict[str, Any]], int]:
    """The labels of the dataset a ``--force`` pull is about to replace: ``{clause_id: row}`` and how
    many lines could not be read as a labelled row (a hand-edited file may hold some)."""
    rows: dict[str, dict[str, Any]] = {}
    unreadable = 0
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                unreadable += 1
                continue
            if not isinstance(row, dict) or not isinstance(row.get("clause_id"), str):
                unreadable += 1
                continue
            rows[row["clause_id"]] = row
    return rows, unreadable


def _labels(row: dict[str, Any]) -> dict[str, Any]:
    return {"sector": list(row.get("sector") or []), "measure_type": list(row.get("measure_type") or [])}


def _same_labels(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Sectors as a set (their order is the annotators' click order); measure types dominant first,
    the others as a set."""
    ma, mb = a["measure_type"], b["measure_type"]
    return (set(a["sector"]) == set(b["sector"]) and ma[:1] == mb[:1] and set(ma[1:]) == set(mb[1:]))


def replaced_labels(previous: dict[str, dict[str, Any]], dataset: PulledDataset) -> list[dict[str, Any]]:
    """Each clause of the replaced dataset whose labels the new pull changes or drops: an annotation
    edited in Label Studio after the last pull, a label edited in the file by hand, an annotation
    deleted or skipped since, a second annotator who made the clause a conflict. ``now``:
    ``changed``, ``in conflict`` or ``not labelled``."""
    rows = {r["clause_id"]: r for r in dataset.rows}
    conflicts = {r["clause_id"] for r in dataset.conflicts}
    undecided = {r["clause_id"] for r in dataset.undecided}
    out = []
    for clause_id, old in previous.items():
        before, new = _labels(old), rows.get(clause_id)
        if new is not None and _same_labels(before, _labels(new)):
            continue
        now = ("changed" if new is not None else "in conflict" if clause_id in conflicts
               else "undecided" if clause_id in undecided else "not labelled")
        out.append({"clause_id": clause_id, "task_id": (new or old).get("task_id"), "now": now,
                    "before": before, "after": _labels(new) if new is not None else None})
    return out


def replaced_line(item: dict[str, Any], conflicts_name: str, undecided_name: str = "NAME.undecided.jsonl") -> str:
    """One line per replaced label: ``clause C (task T): sector a -> a, b; measure_type x -> y``."""
    where = f"clause {item['clause_id']} (task {item['task_id']})"
    before, after = item["before"], item["after"]
    if after is None:
        why = (f"now in conflict ({conflicts_name})" if item["now"] == "in conflict" else
               f"now undecided ({undecided_name})" if item["now"] == "undecided" else
               "now without an annotation (deleted or skipped in Label Studio)")
        return (f"{where}: was sector {', '.join(before['sector']) or '-'}; measure_type "
                f"{', '.join(before['measure_type']) or '-'}, {why}")
    parts = [f"{dim} {', '.join(before[dim]) or '-'} -> {', '.join(after[dim]) or '-'}"
             for dim in ("sector", "measure_type") if before[dim] != after[dim]]
    return f"{where}: " + "; ".join(parts)


def _warn_malformed(stats: ExportStats, limit: int = 10) -> None:
    """One warning line per malformed export entry skipped (at most ``limit``, then a count)."""
    import sys

    from policytag.errors import one_line

    for line in stats.malformed[:limit]:
        print(f"policytag: warning: skipped {one_line(line)}", file=sys.stderr)
    if len(stats.malformed) > limit:
        print(f"policytag: warning: … and {len(stats.malformed) - limit} more malformed entries skipped",
              file=sys.stderr)


@dataclass
class PullResult:
    paths: OutputPaths
    dataset: PulledDataset
    meta: dict[str, Any]
    flagged: int = 0  # tasks whose review flag this pull set
    cleared: int = 0  # tasks whose review flag this pull cleared
    #: labels of the replaced dataset (--force) that this pull changed or dropped (``replaced_labels``)
    replaced: list[dict[str, Any]] = field(default_factory=list)
    unreadable_previous: int = 0  # lines of the replaced JSONL that were not labelled rows


def pull(session, project_spec: str, output: str | os.PathLike, taxonomy: Taxonomy,
         force: bool = False, flag: bool = True) -> PullResult:
    """Export a project, check it against the taxonomy, resolve and write the dataset.

    With ``flag`` (the default) every exported task's review flag is then set or cleared from the
    codebook-rule check of its annotations (see :mod:`.rules`), so annotators see what to fix.
    """
    paths = OutputPaths.for_output(output)
    if not force:  # fail before talking to the server at length
        existing = [str(p) for p in paths.all() if p.exists()]
        if existing:
            raise PolicytagError(f"{existing[0]} already exists; pull to another name or pass --force to replace it")
    # with --force, what the replaced file said (read before anything is written): no label of it
    # goes without a line saying so
    previous, unreadable = previous_labels(paths.jsonl) if force and paths.jsonl.is_file() else ({}, 0)
    dataset = fetch_dataset(session, project_spec, taxonomy)
    replaced = replaced_labels(previous, dataset)
    meta = pull_metadata(taxonomy, dataset.project, session.url, dataset, paths)
    meta["replaced_labels"] = replaced
    write_dataset(paths, dataset, meta, force=force)
    result = PullResult(paths, dataset, meta, replaced=replaced, unreadable_previous=unreadable)
    if flag:
        result.flagged, result.cleared = apply_flags(session, dataset)
        if dataset.conflicts or dataset.undecided:
            # a project pushed before the tab existed gets it when something waits for adjudication
            from .client import adjudication_view_data, ensure_view

            keys = sorted({k for _, data in dataset.flags.values() for k in data} | {ADJUDICATION_KEY})
            ensure_view(session, dataset.project.id, adjudication_view_data(keys))
    return result


def fetch_dataset(session, project_spec: str, taxonomy: Taxonomy) -> PulledDataset:
    """A project's annotations, checked against the taxonomy and resolved (several annotators ->
    one row per clause, conflicts apart): what ``annotate pull`` writes and what the ML backend
    retrains on. ``project_spec``: project id or title."""
    from .client import get_project, list_users
    from .labeling_config import check_config

    project = get_project(session, project_spec)
    mismatch = check_config(project.label_config or "", taxonomy)
    if mismatch:
        raise PolicytagError(f"project {project.id} ({project.title!r}) does not match the taxonomy: "
                             f"{'; '.join(mismatch)} — {_mismatch_advice(session, project, taxonomy)}")
    try:
        users = {uid: u.name for uid, u in list_users(session).items()}
    except PolicytagError:  # a key that may not list users (Enterprise annotator): name annotators by id
        users = {}
    with session.errors(f"exporting project {project.id}"):
        export = session.export_tasks(project.id)
    records, stats = parse_export(export, taxonomy, users, where=f"project {project.id}")
    _warn_malformed(stats)
    dataset = build_dataset(records, stats, taxonomy)
    dataset.project = project
    return dataset


def _mismatch_advice(session, project: Any, taxonomy: Taxonomy) -> str:
    """What to do about a project labelled under another taxonomy. A push regenerates the config
    only when no annotation uses a label the current taxonomy lacks (it refuses otherwise: the
    label would vanish from the screen), so the advice names those labels instead of a push that
    would be refused."""
    from .client import orphaned_labels, orphans_summary
    from .labeling_config import parse_config

    if parse_config(project.label_config or "").version is not None:  # ours: see what its annotations use
        with session.errors(f"exporting project {project.id}"):
            lost = orphaned_labels(session.export_tasks(project.id), taxonomy)
        if lost:
            old = parse_config(project.label_config or "").version
            return (f"{orphans_summary(lost, taxonomy)}: pull with taxonomy {old}, the one the project was labelled "
                    f"under (POLICYTAG_TAXONOMY=path/to/taxonomy.yaml)")
    return "push with the current taxonomy to regenerate the config, or pull with the taxonomy the project was " \
           "labelled under"


def apply_flags(session, dataset: PulledDataset) -> tuple[int, int]:
    """Write the rule-check flags to the tasks; returns (tasks flagged now, flags cleared)."""
    from .rules import flag_task

    flagged = cleared = 0
    undecided = {row["task_id"] for row in dataset.undecided}
    for task_id, (violations, data) in dataset.flags.items():
        with session.errors(f"flagging task {task_id}"):
            changed = flag_task(session, task_id, violations, data,
                                "undecided" if task_id in undecided else adjudication(violations))
        flagged += bool(changed and violations)
        cleared += bool(changed and not violations)
    return flagged, cleared
