"""Clauses -> Label Studio tasks (one task per clause), optionally with a model's pre-annotations.

A task's ``data`` carries the clause identity (``clause_id``, ``doc_id``, ``text_sha1``) so that a
pull can join annotations back to clauses and a re-push can recognise tasks it already created,
plus the display fields the labeling config shows (``doc_line``, ``heading``, ``text``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Iterable, Sequence, get_type_hints

import numpy as np

from policytag import PolicytagError
from policytag.records import Clause, Labels
from policytag.text import HEADING_JOIN
from policytag.taxonomy import DIMENSIONS, Taxonomy

from .labeling_config import DOMINANT, OTHER, SECTOR, TEXT_NAME
from .rules import ADJUDICATION_KEY

#: how many labels a suggestion line names per dimension (the predicted ones always, then runners-up)
SUGGESTION_LABELS = 4
NO_SUGGESTION = "模型建议：无（推送时未附模型预测）"
#: at most this many pieces of evidence per suggested label, each quoted up to EVIDENCE_QUOTE characters
EVIDENCE_SHOWN, EVIDENCE_QUOTE = 3, 12
#: how the suggestion line marks evidence found outside the clause text (``Evidence.source``)
_EVIDENCE_WHERE = {"heading": "小标题", "title": "标题"}


def text_sha1(text: str) -> str:
    """Fingerprint of a clause text (same definition as the gold file's ``text_sha1``)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def shown_text_sha1(data: dict[str, Any]) -> str:
    """Fingerprint of the text a task shows: its ``text``'s, not the ``text_sha1`` push stored beside
    it. Label Studio lets anybody with the key rewrite a task's data (a typo corrected, a clause cut
    differently): the stored fingerprint then still names the pushed clause, and a label made for
    the new text passed for a label of that clause (pull's rows, a re-push's "already there").
    Only a task without a text falls back to the stored fingerprint."""
    text = data.get("text")
    return text_sha1(text) if isinstance(text, str) else str(data.get("text_sha1") or "")


@dataclass
class ClauseSet:
    """Clauses to annotate plus the titles of their notices (for the small print above each task)."""

    clauses: list[Clause]
    titles: dict[str, str] = field(default_factory=dict)  # doc_id -> notice title

    def by_id(self) -> dict[str, Clause]:
        return {c.clause_id: c for c in self.clauses}


def _is_clauses_jsonl(path: Path) -> bool:
    """A ``.jsonl`` file whose first record looks like a clause (``policytag segment --format jsonl``)."""
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    return True  # let read_jsonl report the bad line with its number
                return isinstance(row, dict) and "clause_id" in row and "text" in row
    return True  # an empty clauses file is still a clauses file


def load_clauses(paths: Sequence[str | Path], years: Iterable[int] | None = None) -> ClauseSet:
    """Clauses from clause JSONL files and/or notice files/directories (segmented on the fly).

    ``years`` keeps only clauses of notices from those years. Duplicate clause ids are an error:
    the clause id is what keeps re-pushes idempotent.
    """
    from policytag.corpus.segment import segment_paths
    from policytag.io import read_jsonl

    if not paths:
        raise PolicytagError("no input: give a clauses JSONL file or notice files/directories")
    clauses: list[Clause] = []
    titles: dict[str, str] = {}
    notices = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":  # a notice on standard input (segment_paths reads it)
            notices.append(raw)
            continue
        if not path.exists():
            raise PolicytagError(f"{path}: no such file or directory")
        if _is_clauses_jsonl(path):
            for lineno, row in enumerate(read_jsonl(path), start=1):
                missing = [k for k in ("clause_id", "doc_id", "text") if not row.get(k)]
                if missing:
                    raise PolicytagError(f"{path}: record {lineno} is not a clause (missing {', '.join(missing)})")
                clauses.append(Clause.from_dict({"kind": "clause", "heading_path": [], **row}))
                if row.get("title"):
                    titles.setdefault(row["doc_id"], row["title"])
        else:
            notices.append(path)
    if notices:
        result = segment_paths(notices)
        if result.errors:
            raise PolicytagError(f"cannot segment the notices: {result.errors[0]}"
                                 + (f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""))
        from policytag.corpus.dedup import duplicates_message

        note = duplicates_message(result.duplicates)  # a notice given twice is annotated once
        if note:
            import sys

            print(f"policytag: {note}", file=sys.stderr)
        clauses.extend(result.clauses)
        titles.update({d.doc_id: d.title for d in result.documents if d.title})
    if years is not None:
        keep = set(years)
        clauses = [c for c in clauses if c.year in keep]
    seen: set[str] = set()
    dupes = sorted({c.clause_id for c in clauses if c.clause_id in seen or seen.add(c.clause_id)})
    if dupes:
        raise PolicytagError(f"duplicate clause ids in the input: {', '.join(dupes[:5])}"
                             + (" …" if len(dupes) > 5 else ""))
    if not clauses:
        raise PolicytagError("no clauses in the input" + (" for the selected years" if years is not None else ""))
    return ClauseSet(clauses, titles)


#: the Clause fields every task carries as they are (``Clause.to_dict``), so that a pull gives the
#: clause back whole (its document's title, issuer, region, level and genre included) and the
#: backend predicts from what ``policytag tag`` reads
CLAUSE_FIELDS = tuple(f.name for f in fields(Clause))
#: the document's metadata among them (title, issuer, region, level, genre: the optional strings;
#: ``year``, optional too, is part of the clause id)
DOCUMENT_FIELDS = tuple(f.name for f in fields(Clause)
                        if f.default is None and get_type_hints(Clause)[f.name] == (str | None))


def doc_line(clause: Clause, title: str | None = None) -> str:
    """The small print above the clause: title · issuer · level · genre · year · doc id, each
    when known (level and genre in Chinese: an annotator reads 县级 · 应急预案, not county)."""
    from policytag.corpus.metadata import GENRE_NAMES, LEVEL_NAMES

    parts = (clause.title or title, clause.issuer, LEVEL_NAMES.get(clause.level or "", clause.level),
             GENRE_NAMES.get(clause.genre or "", clause.genre), clause.year, clause.doc_id)
    return " · ".join(dict.fromkeys(str(x) for x in parts if x))  # a title that is its issuer's name once


#: the task-data field of the agencies line (shown by the labeling config as ``$agencies_line``)
AGENCIES_KEY = "agencies_line"


def agencies_line(clause: Clause) -> str:
    """``责任单位：区住建局、区市场监管局``: the agencies a task-table row (牵头单位/责任单位 columns) or a
    ``（…负责）`` remark names for the clause, in the order named; '' when it names none.

    The segmenter takes them out of the clause text (``Clause.agencies``), so without this line
    the annotator of a table row saw the task and not who is charged with it; the agency often
    decides the sector (区住建局 → 城镇燃气) where the row's words alone do not."""
    return "责任单位：" + "、".join(clause.agencies) if clause.agencies else ""


#: the task-data field of the rule line (shown by the labeling config as ``$codebook_rules``)
RULES_KEY = "codebook_rules"
#: how much of a rule's matched words the rule line quotes (a purpose clause matches a whole sentence)
RULE_QUOTE = 14


def codebook_rule_lines(clauses: Sequence[Clause], taxonomy: Taxonomy) -> list[str]:
    """Per clause, the codebook rules that concern it, as the annotator reads them: ``适用规则：
    规则17（“任何单位和个人不得”）…rule text…｜规则21（标题点名：城镇燃气）…``; empty when none.

    A rule concerns a clause when the compiled knowledge (``policytag.knowledge``, the taxonomy's
    ``rules`` block, the same evidence the models read) fires on its text or heading path; rule 21
    when the document title names a sector and the clause text names none (the clause takes the
    title's sector). The per-choice hints say which rules touch a label; this line says which
    rules this very clause falls under, so a purpose clause (rule 14) or a public prohibition
    (rule 17) is labelled by the codebook v2 decision, not by the model's pre-ticked guess.
    """
    from policytag.knowledge import load_knowledge

    from .guide import RULES_ZH

    knowledge = load_knowledge(taxonomy)
    sector = taxonomy.sector
    exclusive = set(sector.exclusive)  # cross_sector: "no sector named", never a named one
    lines = []
    for clause, hits in zip(clauses, knowledge.match_clauses(list(clauses))):
        found: dict[int, list[str]] = {}
        for h in hits:
            if h.kind == "rule" and h.codebook_rule in RULES_ZH:
                quote = h.text if len(h.text) <= RULE_QUOTE else h.text[:RULE_QUOTE] + "…"
                quotes = found.setdefault(h.codebook_rule, [])
                if f"“{quote}”" not in quotes:
                    quotes.append(f"“{quote}”")
        text_sectors = {h.label for h in hits if h.dimension == "sector" and h.source == "text"} - exclusive
        if clause.title and not text_sectors and 21 in RULES_ZH:
            named = [lab for lab in dict.fromkeys(h.label for h in knowledge.match(clause.title, ("sector",)))
                     if lab not in exclusive]
            if named:
                found.setdefault(21, []).append("标题点名：" + "、".join(sector.name_of(lab) for lab in named))
        lines.append("适用规则：" + "｜".join(f"规则{n}（{'，'.join(found[n])}）{RULES_ZH[n]}" for n in sorted(found))
                     if found else "")
    return lines


def task_data(clause: Clause, title: str | None = None, prediction: dict | None = None,
              taxonomy: Taxonomy | None = None, rules: str = "") -> dict[str, Any]:
    """The ``data`` of one task.

    Every ``Clause`` field (``CLAUSE_FIELDS``: identity, heading path, text, kind, agencies, span,
    year and the document's title, issuer, region, level, genre), ``text_sha1``. Shown:
    ``doc_line``, ``heading``, ``text``, the suggestion lines (``suggestion_sector``/
    ``suggestion_measure``, from ``prediction``) and ``review`` (the rule-check flag, empty until a
    check flags the task), ``agencies_line`` (the clause's agencies, ``agencies_line``; shown under
    the clause). ``suggestion_score`` (the prediction's overall score) and
    ``needs_review`` are there for Data Manager columns and filters. ``codebook_rules`` (shown
    under the clause) is ``rules``, the clause's line of ``codebook_rule_lines``.
    """
    data = clause.to_dict()
    return {
        **data,
        # the clause's own title, as the models read it (push's predictions, the backend's, `tag`);
        # ``title`` (its document's, from another row of a clause file) only fills the small print
        "title": clause.title or "",
        "heading": HEADING_JOIN.join(clause.heading_path),
        "doc_line": doc_line(clause, title),
        AGENCIES_KEY: agencies_line(clause),
        "text_sha1": text_sha1(clause.text),
        RULES_KEY: rules,
        **suggestion_fields(prediction, taxonomy),
        "review": "",
        "needs_review": False,
        # set by a pull or the backend's re-check when the clause waits for adjudication (a Data
        # Manager filter and the tab 待裁决 find it): "conflict" / "undecided", never a label
        ADJUDICATION_KEY: "",
    }


def _ranked(scores: dict[str, float], chosen: Sequence[str], dim, limit: int) -> str:
    order = list(chosen) + [lab for lab, _ in sorted(scores.items(), key=lambda kv: -kv[1]) if lab not in chosen]
    shown = order[: max(limit, len(chosen))]
    return " · ".join(f"{dim.name_of(lab)} {scores.get(lab, 0.0):.2f}" + (" ✓" if lab in chosen else "")
                      for lab in shown if lab in dim.ids)


def _evidence_text(by_label: dict[str, list[str]], chosen: Sequence[str], dim) -> str:
    """``｜依据：煤矿←“瓦斯”“煤矿”；非煤矿山←“尾矿库”`` for the chosen labels that have evidence, or ''."""
    parts = [f"{dim.name_of(lab)}←{''.join(by_label[lab])}" for lab in chosen if by_label.get(lab) and lab in dim.ids]
    return "｜依据：" + "；".join(parts) if parts else ""


def suggestion_fields(prediction: dict | None, taxonomy: Taxonomy | None) -> dict[str, Any]:
    """Task data fields of the suggestion lines, from one formatted prediction (or none).

    ``suggestion_sector`` reads ``模型建议 (VERSION) 行业领域: 煤矿 0.93 ✓ · 非煤矿山 0.41 · …``: the
    labels the model predicts (✓, dominant measure type first) with their probability, then the
    most probable others, so the annotator sees what the model thinks and how sure it is even when
    predictions are not pre-filled; then, when the prediction carries it (``value.evidence``, see
    ``format_predictions``), why: ``｜依据：煤矿←“瓦斯”“煤矿”`` — the words of the clause (or
    ``小标题“…”``, its heading path) that made the model tick each label, so the annotator checks the
    suggestion against the text instead of taking it on trust.
    """
    if not prediction or taxonomy is None:
        return {"suggestion_sector": NO_SUGGESTION, "suggestion_measure": "", "suggestion_score": None,
                "suggestion_model": ""}
    version = prediction.get("model_version", "")
    by_name = {r["from_name"]: r for r in prediction.get("result") or []}
    out: dict[str, Any] = {}
    for key, dim, names in (("suggestion_sector", taxonomy.sector, (SECTOR,)),
                            ("suggestion_measure", taxonomy.measure_type, (DOMINANT, OTHER))):
        chosen = [c for n in names for c in (by_name.get(n, {}).get("value", {}).get("choices") or [])]
        scores = next((by_name[n]["value"].get("scores") or {} for n in names if n in by_name), {})
        line = _ranked(scores, chosen, dim, SUGGESTION_LABELS) if scores else "（无）"
        evidence = {lab: quotes for n in names for lab, quotes in
                    ((by_name.get(n, {}).get("value", {}).get("evidence")) or {}).items()}
        out[key] = f"模型建议 ({version}) {dim.name}: {line}" + _evidence_text(evidence, chosen, dim)
    out["suggestion_score"] = prediction.get("score")
    out["suggestion_model"] = version
    return out


def build_tasks(clause_set: ClauseSet, predictions: Sequence[dict] | None = None,
                taxonomy: Taxonomy | None = None) -> list[dict[str, Any]]:
    """Label Studio import records; ``predictions[i]`` (one dict per clause) is attached when given,
    and its suggestion lines are written into the task data, with each clause's codebook rule line
    (``taxonomy``: the current one when not given)."""
    if predictions is not None and len(predictions) != len(clause_set.clauses):
        raise PolicytagError(f"{len(predictions)} predictions for {len(clause_set.clauses)} clauses")
    if taxonomy is None:
        from policytag.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    rules = codebook_rule_lines(clause_set.clauses, taxonomy)
    tasks = []
    for i, clause in enumerate(clause_set.clauses):
        pred = predictions[i] if predictions is not None else None
        task: dict[str, Any] = {"data": task_data(clause, clause_set.titles.get(clause.doc_id), pred, taxonomy,
                                                  rules[i])}
        if predictions is not None:
            task["predictions"] = [predictions[i]]
        tasks.append(task)
    return tasks


# --- predictions ---------------------------------------------------------------------------------
def evidence_quotes(evidence: Sequence[Any], dim: str) -> dict[str, list[str]]:
    """One clause's evidence (``models.evidence``) for one dimension as the suggestion line quotes
    it: per label, its first ``EVIDENCE_SHOWN`` distinct phrases (cue and rule hits first, as
    ``evidence_for`` orders them), ``“瓦斯”`` or ``小标题“基层基础”``. A label a cue word or a codebook
    rule already explains is quoted by those alone: the TF-IDF learner's n-grams beside them are
    low-weight character runs cut across words (道路运输←“交通运输”“等行”, 非煤矿山←“非煤矿山”“业要”),
    which an annotator cannot read as a reason; a label only the learner ticks keeps its n-grams."""
    explained = {ev.label for ev in evidence if ev.dimension == dim and ev.kind in ("cue", "rule")}
    out: dict[str, list[str]] = {}
    for ev in evidence:
        if ev.dimension != dim or (ev.kind == "ngram" and ev.label in explained):
            continue
        text = ev.text if len(ev.text) <= EVIDENCE_QUOTE else ev.text[:EVIDENCE_QUOTE] + "…"
        quote = f"{_EVIDENCE_WHERE.get(ev.source, '')}“{text}”"
        quotes = out.setdefault(ev.label, [])
        if quote not in quotes and len(quotes) < EVIDENCE_SHOWN:
            quotes.append(quote)
    return out


def format_predictions(clauses: Sequence[Clause], proba: dict[str, np.ndarray], labels: Sequence[Labels],
                       model_version: str, taxonomy: Taxonomy,
                       evidence: Sequence[Sequence[Any]] | None = None) -> list[dict[str, Any]]:
    """Label Studio predictions, one per clause, from a tagger's probabilities and decoded labels.

    Sectors become one ``choices`` result of the ``sector`` control; measure types become the
    ``measure_dominant`` result (the model's best label) and, when it predicts more, a
    ``measure_other`` result. ``value.scores`` of the sector and dominant results hold the
    probability of *every* label of the dimension (Label Studio keeps extra keys; the suggestion
    lines are built from them). A result's ``score`` is the mean probability of its chosen labels
    (of the whole dimension for the dominant result); the prediction's overall ``score`` is
    the lower of the two, so sorting tasks by prediction score surfaces the least certain clauses.
    ``evidence`` (per clause, ``models.evidence.evidence_for``'s list) adds ``value.evidence``,
    ``{label: [quote, …]}`` for the chosen labels of each result (``evidence_quotes``): the
    suggestion lines show it.
    """
    n = len(clauses)
    if evidence is not None and len(evidence) != n:
        raise PolicytagError(f"evidence for {len(evidence)} clauses, {n} clauses")
    if len(labels) != n:
        raise PolicytagError(f"{len(labels)} label sets for {n} clauses")
    for dim in DIMENSIONS:
        arr = proba.get(dim)
        if arr is None:
            raise PolicytagError(f"the model gave no {dim} probabilities")
        if np.shape(arr) != (n, len(taxonomy[dim].ids)):
            raise PolicytagError(f"{dim} probabilities have shape {np.shape(arr)}, expected "
                                 f"({n}, {len(taxonomy[dim].ids)}) — was the model trained on another taxonomy?")
    out = []
    for i, clause in enumerate(clauses):
        results, dim_scores = [], []
        for dim in DIMENSIONS:
            ids = taxonomy[dim].ids
            row = np.asarray(proba[dim][i], dtype=float)
            chosen = list(dict.fromkeys(getattr(labels[i], dim)))
            unknown = [c for c in chosen if c not in ids]
            if unknown:
                raise PolicytagError(f"{clause.clause_id}: model predicted unknown {dim} label(s) {', '.join(unknown)}")
            score = float(np.mean([row[ids.index(c)] for c in chosen])) if chosen else 0.0
            dim_scores.append(score)
            scores = {lid: round(float(p), 4) for lid, p in zip(ids, row)}
            quotes = evidence_quotes(evidence[i], dim) if evidence is not None else {}
            # sector: one control; measure type: the first (best) label is the dominant control's,
            # the rest go to the "other measure types" control
            parts = [(SECTOR, chosen)] if dim == "sector" else [(DOMINANT, chosen[:1]), (OTHER, chosen[1:])]
            for name, picked in parts:
                if not picked and name != SECTOR:
                    continue
                item = {"id": f"{clause.clause_id}:{name}", "from_name": name, "to_name": TEXT_NAME,
                        "type": "choices", "value": {"choices": picked}}
                shown = {lab: quotes[lab] for lab in picked if quotes.get(lab)}
                if shown:
                    item["value"]["evidence"] = shown
                if name != OTHER:
                    item["value"]["scores"] = scores
                    item["score"] = round(score, 4)
                else:
                    item["score"] = round(float(np.mean([row[ids.index(c)] for c in picked])), 4)
                results.append(item)
        out.append({"model_version": model_version, "score": round(min(dim_scores), 4), "result": results})
    return out


def predict(clauses: Sequence[Clause], model, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """Run ``model`` (the tagger contract: predict_proba, decode/predict, model_version) on clauses."""
    clauses = list(clauses)
    proba = model.predict_proba(clauses)
    # decode the probabilities we already have when the tagger can; predict() would run the model twice
    labels = model.decode(proba) if hasattr(model, "decode") else model.predict(clauses)
    return format_predictions(clauses, proba, labels, str(model.model_version), taxonomy,
                              evidence=model_evidence(model, clauses, labels))


def model_evidence(model, clauses: Sequence[Clause], labels: Sequence[Labels]) -> list[list[Any]]:
    """Why the model chose each label, for the suggestion lines: ``models.evidence.evidence_for``
    when it is cheap (the tagger explains itself — hybrid, keyword, embedding — or is a TF-IDF
    model), else the codebook cues and rules that fired (``lexical_evidence``). Not occlusion: for
    a transformer it runs the model once per phrase of every clause, ~25 times a prediction's cost,
    and the backend answers Label Studio's /predict within its timeout."""
    from policytag.models.evidence import evidence_for, is_tfidf, lexical_evidence

    clauses, labels = list(clauses), list(labels)
    if any(callable(getattr(model, m, None)) for m in ("explain", "explain_parts")) or is_tfidf(model):
        return evidence_for(model, clauses, labels)
    return lexical_evidence(model, clauses, labels)
