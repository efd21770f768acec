"""Codebook rules checked when an annotation is saved, and the flag that tells the annotator.

Label Studio enforces what its config can (``required`` sector and dominant measure type, a
single dominant measure type). The rest — ``cross_sector`` never with another sector, at most
three measure types, the dominant one present — is checked here:

* by the ML backend on Label Studio's ``ANNOTATION_CREATED`` / ``ANNOTATION_UPDATED`` webhook,
  when it is connected: it calls :func:`handle_webhook` (or :func:`recheck_task`);
* otherwise by ``policytag annotate pull``, for every task it exports.

Annotators of one task who leave a label without a majority (a conflict: the pull keeps the clause
out of the dataset) get the same flag, naming them and the split (:func:`conflict_violations`); so
does a task nobody decided (skipped, or submitted without a dominant measure type:
:func:`undecided_violation`). Both also set the task's ``adjudication`` field (``conflict`` /
``undecided``), which the Data Manager tab 待裁决 · policytag filters on: what waits for
adjudication, apart from a codebook-rule problem.

A violation is never fixed silently: the task gets a red ``review`` line at the top of the
labelling screen ("⚠ 需复核 …", shown by the labeling config) and ``needs_review: true`` (a
Data Manager column and filter); a later check that finds nothing clears both.

Functions that talk to Label Studio take a :class:`~.client.Session` (``annotation/client.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from policytag.records import Labels
from policytag.taxonomy import Taxonomy

from .client import webhook_events
from .results import parse_result

if TYPE_CHECKING:
    from .client import Session

#: webhook actions after which a task's annotations are checked again (from client.WEBHOOK_EVENTS)
WEBHOOK_ACTIONS = webhook_events("annotation", "deletion")
FLAG_PREFIX = "⚠ 需复核"
#: the task-data field a Data Manager filter finds the clauses waiting for adjudication by:
#: "conflict" (annotators left a label without a majority: NAME.conflicts.jsonl), "undecided"
#: (skipped, or submitted without a dominant measure type, and nobody decided it:
#: NAME.undecided.jsonl), "" otherwise. Not a label: a pull never reads it into a row.
ADJUDICATION_KEY = "adjudication"
#: violation rules that put a task up for adjudication, by precedence (a conflict says more)
ADJUDICATION_RULES = ("conflict", "undecided")


@dataclass(frozen=True)
class Violation:
    """One broken codebook rule in one annotation."""

    #: "exclusive" | "max_labels" | "min_labels" | "missing_dominant" | "unknown_label" (a rule broken),
    #: "conflict" | "undecided" (the clause waits for adjudication: ``ADJUDICATION``)
    rule: str
    dimension: str  # "sector" | "measure_type"
    labels: tuple[str, ...]  # the label ids involved
    message: str  # Chinese, as the annotator reads it on the task
    annotator: str = ""  # who made the annotation, when known

    def text(self) -> str:
        return f"{self.annotator}：{self.message}" if self.annotator else self.message


def check_labels(sector: Sequence[str], measure_type: Sequence[str], taxonomy: Taxonomy,
                 dominant: str | None = "", annotator: str = "") -> list[Violation]:
    """Rule violations of one label set. ``dominant=None`` means the annotation named no dominant
    measure type (``""``, the default, means "not known separately": ``measure_type[0]`` is it)."""
    out: list[Violation] = []
    for dim_id, ids in (("sector", list(sector)), ("measure_type", list(measure_type))):
        dim = taxonomy[dim_id]
        unknown = tuple(i for i in ids if i not in dim.ids)
        if unknown:
            out.append(Violation("unknown_label", dim_id, unknown, f"{dim.name}含未知标签 {'、'.join(unknown)}",
                                 annotator))
        known = [i for i in ids if i in dim.ids]
        if len(set(known)) < dim.min_labels:
            out.append(Violation("min_labels", dim_id, (), f"{dim.name}至少选 {dim.min_labels} 个", annotator))
        if dim.max_labels is not None and len(set(known)) > dim.max_labels:
            out.append(Violation("max_labels", dim_id, tuple(known),
                                 f"{dim.name}选了 {len(set(known))} 个，最多 {dim.max_labels} 个", annotator))
        for ex in dim.exclusive:
            if ex in known and len(set(known)) > 1:
                others = tuple(i for i in known if i != ex)
                out.append(Violation("exclusive", dim_id, (ex, *others),
                                     f"{dim.name_of(ex)} 不与其他{dim.name}同选（同时选了 "
                                     f"{'、'.join(dim.name_of(i) for i in others)}）", annotator))
    if dominant is None and measure_type:
        out.append(Violation("missing_dominant", "measure_type", tuple(measure_type),
                             f"未选主要{taxonomy.measure_type.name}", annotator))
    elif dominant is None:
        # no measure type at all: min_labels already says so; name the missing dominant control too
        out.append(Violation("missing_dominant", "measure_type", (), f"未选主要{taxonomy.measure_type.name}",
                             annotator))
    return out


def conflict_violations(votes: Sequence, taxonomy: Taxonomy) -> list[Violation]:
    """The disagreement that keeps a clause out of a pulled dataset, as flag items: one per
    dimension with a tie or without a majority (``agreement.resolve``, the pull's own policy),
    naming the annotators and the split, e.g. ``gina、hao：意见不一，待裁决：行业领域 各半：消防·人员密集场所``.
    ``votes``: ``agreement.Vote`` of each annotator's latest annotation (two or more)."""
    from .agreement import DOMINANT_KEY, resolve

    if len(votes) < 2:
        return []
    res = resolve(votes, taxonomy)
    if not res.is_conflict:
        return []
    who = "、".join(v.annotator for v in votes)
    out = []
    for key in (*res.ties, *res.unresolved):
        dim = taxonomy["measure_type" if key == DOMINANT_KEY else key]
        what = f"主要{dim.name}" if key == DOMINANT_KEY else dim.name
        tied = res.ties.get(key)
        split = ("各半：" + "、".join(dim.name_of(lab) for lab in tied)) if tied else "无多数"
        out.append(Violation("conflict", dim.id, tuple(tied or ()),
                             f"意见不一，待裁决：{what} {split}", who))
    return out


def undecided_violation(attempts: Sequence[tuple[str, str]]) -> Violation:
    """The flag item of a clause nobody decided (the pull's NAME.undecided.jsonl): ``attempts`` are
    (annotator, how) with how ``skipped`` or ``no dominant``, e.g. ``mei、lan：无人定夺（跳过），待裁决``."""
    # sorted, so the pull and the webhook's re-check write the same line whatever order they read
    who = "、".join(sorted({a for a, _ in attempts if a}))
    hows = {h for _, h in attempts}
    how = "、".join(word for h, word in (("skipped", "跳过"), ("no dominant", "未选主要措施类型")) if h in hows)
    return Violation("undecided", "", (), f"无人定夺（{how}），待裁决", who)


def adjudication(violations: Iterable[Violation]) -> str:
    """The task's ``ADJUDICATION_KEY`` value for these violations ("" when none is about adjudication)."""
    rules = {v.rule for v in violations}
    return next((r for r in ADJUDICATION_RULES if r in rules), "")


def check_annotation(annotation: Labels | dict | Sequence[dict], taxonomy: Taxonomy,
                     annotator: str = "") -> list[Violation]:
    """Rule violations of one annotation: a :class:`Labels` record (dominant measure type first),
    a Label Studio annotation (``{"result": [...], ...}``) or its bare ``result`` list."""
    if isinstance(annotation, Labels):
        return check_labels(annotation.sector, annotation.measure_type, taxonomy, annotator=annotator)
    result = annotation.get("result") if isinstance(annotation, dict) else annotation
    parsed = parse_result(result, taxonomy)
    out = check_labels(parsed.sector, parsed.measure_type, taxonomy, dominant=parsed.dominant, annotator=annotator)
    if parsed.unknown:
        out.append(Violation("unknown_label", "", tuple(parsed.unknown), f"未知标签 {'、'.join(parsed.unknown)}",
                             annotator))
    return out


def flag_text(violations: Iterable[Violation]) -> str:
    """The one line the task shows (empty when there is nothing to review)."""
    texts = list(dict.fromkeys(v.text() for v in violations))
    return f"{FLAG_PREFIX}：" + "；".join(texts) if texts else ""


def flag_task(session: Session, task_id: int, violations: Sequence[Violation], data: dict | None = None,
              adjudicate: str | None = None) -> bool:
    """Set (or, with no violations, clear) the task's review flag; True when the task changed.

    ``data`` is the task's data as the caller read it (an export, a listing): when it already
    carries this flag nothing is asked or written. The whole data dict is written back because
    Label Studio replaces ``data`` on update, so it is read again just before writing: a pull's
    export may be minutes old, and the backend's suggestion lines, ``annotate next``'s rank or a
    re-push written meanwhile would otherwise be reverted silently.
    """
    violations = list(violations)
    review = flag_text(violations)
    # ``adjudicate``: the task's ADJUDICATION_KEY value when the caller knows more than the
    # violations say (a clause nobody decided: ``task_state``, the pull's undecided rows)
    adjudicate = adjudication(violations) if adjudicate is None else adjudicate

    def carries(d: dict) -> bool:
        # a task without the adjudication key (pushed before it existed) carries "" already
        return (str(d.get("review") or "") == review and bool(d.get("needs_review")) == bool(review)
                and str(d.get(ADJUDICATION_KEY) or "") == adjudicate)

    if data is not None and carries(data):
        return False
    data = session.task_data(task_id)
    if carries(data):
        return False
    session.update_task_data(task_id, {**data, "review": review, "needs_review": bool(review),
                                       ADJUDICATION_KEY: adjudicate})
    return True


def _annotator_names(session: Session, annotations: Sequence[dict]) -> dict[int, str]:
    names: dict[int, str] = {}
    for ann in annotations:
        who = ann.get("completed_by")
        if isinstance(who, dict):
            # the task detail inlines the user under another name than the user list gives (measured:
            # "mei" for a user the pull names "mei@annot4-adjudicate.test"): looked up by id as the
            # pull names them, so a re-check and a pull write the same flag line
            who = who.get("id")
        if who is not None and int(who) not in names:
            try:
                user = session.user(int(who))
                names[int(who)] = user.username or user.email or str(who)
            except Exception:  # an annotator's key may not read users: name them by id
                names[int(who)] = f"#{who}"
    return names


def task_violations(annotations: Sequence[dict], taxonomy: Taxonomy,
                    names: dict[int, str] | None = None) -> list[Violation]:
    """Violations of every submitted annotation of a task (cancelled ones are skipped), and the
    conflict between its annotators' latest annotations when they leave no majority (the same
    flag a pull sets, so a webhook's re-check does not clear it while the conflict stands)."""
    return task_state(annotations, taxonomy, names)[0]


def task_state(annotations: Sequence[dict], taxonomy: Taxonomy,
               names: dict[int, str] | None = None) -> tuple[list[Violation], str]:
    """``task_violations`` and the task's ``ADJUDICATION_KEY`` value, as a pull finds them: a task
    nobody decided (skipped, or submitted without a dominant measure type, by everyone who opened
    it) is "undecided", and when somebody skipped it the flag line says so (a refused annotation's
    own violation, 未选主要措施类型, already does); a conflict is "conflict"."""
    from .agreement import Vote

    out: list[Violation] = []
    latest: dict[str, tuple[str, dict]] = {}
    skipped: list[str] = []
    for ann in annotations:
        who = ann.get("completed_by")
        uid = who.get("id") if isinstance(who, dict) else who
        name = (names or {}).get(int(uid), f"#{uid}") if uid is not None else ""
        if ann.get("was_cancelled"):
            skipped.append(name)
            continue
        out.extend(check_annotation(ann, taxonomy, annotator=name))
        stamp = str(ann.get("updated_at") or ann.get("created_at") or "")
        if name not in latest or stamp >= latest[name][0]:
            latest[name] = (stamp, ann)
    votes, refused = [], []
    for name, (_, ann) in sorted(latest.items()):
        parsed = parse_result(ann.get("result"), taxonomy)
        if parsed.dominant is not None:  # as the pull: an annotation without one is refused, not a vote
            votes.append(Vote(name, tuple(parsed.sector), tuple(parsed.measure_type)))
        else:
            refused.append(name)
    if not votes and (skipped or refused):
        # nobody decided it: the pull puts it in NAME.undecided.jsonl, and flags it the same way
        if skipped:
            out.append(undecided_violation([(n, "skipped") for n in skipped] + [(n, "no dominant") for n in refused]))
        return out, "undecided"
    out += conflict_violations(votes, taxonomy)
    return out, adjudication(out)


def recheck_task(session: Session, task_id: int, taxonomy: Taxonomy) -> list[Violation]:
    """Check every annotation of a task and set or clear its flag; returns the violations."""
    with session.errors(f"re-checking task {task_id}"):
        data = session.task_data(task_id)
        annotations = session.annotations(task_id)
        violations, adjudicate = task_state(annotations, taxonomy, _annotator_names(session, annotations))
        flag_task(session, task_id, violations, data, adjudicate)
    return violations


def handle_webhook(session: Session, payload: dict, taxonomy: Taxonomy) -> list[Violation] | None:
    """The ML backend's webhook hook: re-check the task an ``ANNOTATION_*`` event is about.

    Returns the violations, or None when the event is not about an annotation.
    """
    if payload.get("action") not in WEBHOOK_ACTIONS:
        return None
    task = payload.get("task") or {}
    task_id = task.get("id") if isinstance(task, dict) else task
    if task_id is None:
        task_id = (payload.get("annotation") or {}).get("task")
    if task_id is None:
        return None
    return recheck_task(session, int(task_id), taxonomy)
