"""``policytag annotate {config,export,push,pull,next}``: the Label Studio loop (``next``: rank the
unlabelled tasks to label next, active learning).

Heavy imports (label-studio-sdk, datasets, the tagger) happen inside the command functions, so
``policytag --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from policytag import PolicytagError
from policytag.paths import corpus_path

#: the shipped corpus copy (package data; data/corpus/ in a checkout links to it)
DEFAULT_CORPUS = corpus_path()


#: the Label Studio project the commands use unless --project names another. Kept here, not in client.py, so that
#: registering the subcommands (every ``policytag`` call does) imports neither the client nor the taxonomy: 0.12 s
#: of each command's start-up, measured with ``python -X importtime -m policytag.cli --version``
DEFAULT_PROJECT = "policytag"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "annotate", help="annotate clauses in Label Studio (config, export, push, pull, next)",
        description="Label clauses by sector and measure type in Label Studio and pull the result back as a "
                    "dataset. See docs/annotation.md.")
    sub = p.add_subparsers(dest="annotate_command", metavar="ACTION")
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    c = sub.add_parser("config", help="print the labeling config generated from the taxonomy",
                       description="Print (or write) the Label Studio labeling config generated from "
                                   "configs/taxonomy.yaml.")
    c.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    c.add_argument("--force", action="store_true", help="replace an existing FILE (it says whether it differed)")
    c.set_defaults(func=run_config)

    e = sub.add_parser("export", help="write Label Studio tasks (JSON) for manual import",
                       description="Write one Label Studio task per clause, optionally with a model's predictions, "
                                   "to import through the Label Studio web UI.")
    _inputs(e, required=True)
    e.add_argument("-o", "--output", required=True, metavar="TASKS.json", help="output file (JSON list of tasks)")
    e.add_argument("--force", action="store_true",
                   help="replace an existing TASKS.json (it says how many tasks were added, changed or dropped)")
    _predictions(e)
    e.set_defaults(func=run_export)

    u = sub.add_parser("push", help="create/reuse a project and import tasks (idempotent)",
                       description="Create or reuse a Label Studio project (its labeling config follows the taxonomy) "
                                   "and import one task per clause. Clauses already there are not imported again; "
                                   "clauses whose text changed are reported. With --annotations, labels made "
                                   "elsewhere are imported as annotations of named users.")
    _inputs(u, required=False)
    _server(u)
    _predictions(u)
    u.add_argument("--annotations", metavar="FILE.jsonl",
                   help="existing labels to import (rows: clause_id, sector, measure_type[, annotator, note]); "
                        "without CLAUSES_OR_NOTICES the clauses come from segmenting data/corpus")
    u.add_argument("--overlap", type=int, metavar="N",
                   help="ask for N annotations per task (several annotators per clause; default: leave as is)")
    u.add_argument("--prefill", action=argparse.BooleanOptionalAction, default=True,
                   help="with --predictions: pre-fill the choices with the model's labels (default) or, with "
                        "--no-prefill, show the model only in the suggestion line")
    u.add_argument("--annotator", default="imported", metavar="NAME",
                   help="user for imported rows without an 'annotator' (created if missing; default: imported)")
    u.set_defaults(func=run_push)

    q = sub.add_parser("pull", help="export annotations into a dataset (JSONL + Hugging Face dataset)",
                       description="Export a project's annotations, map them to taxonomy ids, resolve clauses with "
                                   "several annotators (majority per label, ties to NAME.conflicts.jsonl), report "
                                   "agreement and write NAME.jsonl, NAME.hf/, NAME.meta.json, NAME.conflicts.jsonl and "
                                   "NAME.undecided.jsonl (clauses nobody could decide: skipped) atomically.")
    _server(q)
    q.add_argument("-o", "--output", required=True, metavar="NAME.jsonl", help="dataset file, e.g. data/annotations/v2.jsonl")
    q.add_argument("--force", action="store_true", help="replace existing outputs")
    q.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True,
                   help="set/clear the review flag of tasks whose annotations break a codebook rule "
                        "(default; --no-flag leaves the project untouched)")
    q.set_defaults(func=run_pull)

    x = sub.add_parser("next", help="rank the unlabelled tasks to label next (active learning)",
                       description="Rank a project's unlabelled tasks by an active-learning strategy, write the rank "
                                   "and the reason into each chosen task (al_rank, al_reason), set the project to "
                                   "sequential sampling and keep a Data Manager tab ordered by the rank, so that "
                                   "'Label All Tasks' from that tab serves them first. See docs/annotation.md.")
    _server(x)
    x.add_argument("--n", type=int, default=50, help="how many tasks to put first (default 50)")
    x.add_argument("--strategy", default="mixed", choices=["uncertainty", "diversity", "mixed", "random"],
                   help="uncertainty (closest call to a per-label threshold, both dimensions), diversity (k-means "
                        "over clause vectors), mixed (the most uncertain of each cluster; default), random; mixed and "
                        "diversity spread the batch over documents and genres")
    x.add_argument("--model", default="default", metavar="MODEL",
                   help="model for uncertainty/mixed: a run directory, a run name under runs/, or 'default'")
    x.add_argument("--seed", type=int, default=0, help="seed for k-means and random (default 0)")
    x.add_argument("--dry-run", action="store_true", help="print the ranking, change nothing in Label Studio")
    x.set_defaults(func=run_next)


def _inputs(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("inputs", nargs="+" if required else "*", metavar="CLAUSES_OR_NOTICES",
                   help="clauses JSONL (policytag segment --format jsonl) and/or notice files or directories")
    p.add_argument("--year", type=int, action="append", metavar="YEAR",
                   help="keep only clauses of notices from this year (repeatable)")


def _server(p: argparse.ArgumentParser) -> None:
    p.add_argument("--url", default=os.environ.get("LABEL_STUDIO_URL"),
                   help="Label Studio URL, e.g. http://localhost:8080 (default: $LABEL_STUDIO_URL)")
    p.add_argument("--api-key", default=os.environ.get("LABEL_STUDIO_API_KEY"),
                   help="access token (default: $LABEL_STUDIO_API_KEY)")
    p.add_argument("--project", default=DEFAULT_PROJECT, metavar="TITLE_OR_ID",
                   help=f"project title or id (default: {DEFAULT_PROJECT!r})")


def _predictions(p: argparse.ArgumentParser) -> None:
    p.add_argument("--predictions", metavar="MODEL",
                   help="attach predictions of a trained model: a run directory, a run name under runs/, or 'default'")
    p.add_argument("--quiet", action="store_true", help="no progress bars")


def _err(msg: str) -> None:
    print(f"policytag: {msg}", file=sys.stderr)


def _load(args, inputs):
    from policytag.taxonomy import load_taxonomy

    from .tasks import load_clauses

    return load_taxonomy(), load_clauses(inputs, args.year)


def _predict(args, clause_set, taxonomy):
    """Predictions of ``--predictions MODEL`` for every clause (None without the option)."""
    if not args.predictions:
        return None
    from policytag.app import resolve_model

    from .tasks import predict

    return predict(clause_set.clauses, resolve_model(args.predictions), taxonomy)


def run_config(args: argparse.Namespace) -> int:
    from policytag.io import atomic_write, check_output_path
    from policytag.taxonomy import load_taxonomy

    from .labeling_config import build_config

    if args.output:
        check_output_path(args.output, overwrite=args.force, force=args.force)
    config = build_config(load_taxonomy())
    if args.output:
        before = previous_text(args.output)
        with atomic_write(args.output) as fh:
            fh.write(config)
        if before is not None:
            _err(f"replaced {args.output} (--force): "
                 + ("the same config as before" if before == config else "it held another config"))
    else:
        from policytag.io import write_stdout

        write_stdout(config)  # a full disk is one "<stdout>: cannot write" line
    return 0


def run_export(args: argparse.Namespace) -> int:
    from policytag.io import atomic_write, check_output_path

    from policytag.corpus.readers import SUPPORTED_SUFFIXES
    from policytag.io import refuse_input_as_output

    from .tasks import build_tasks

    refuse_input_as_output(args.output, args.inputs, (*SUPPORTED_SUFFIXES, ".jsonl", ".ndjson"))
    # an earlier export (a lead's file of the notices pushed by hand) is never replaced silently
    check_output_path(args.output, overwrite=args.force, force=args.force)
    taxonomy, clause_set = _load(args, args.inputs)
    predictions = _predict(args, clause_set, taxonomy)
    tasks = build_tasks(clause_set, predictions, taxonomy)
    before = previous_text(args.output)  # read before the rename: what --force replaced is then said
    with atomic_write(args.output) as fh:
        json.dump(tasks, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    _err(f"{len(tasks)} task(s) written to {args.output}"
         + (f" with predictions of {predictions[0]['model_version']}" if predictions else ""))
    if before is not None:
        _err(f"replaced {args.output} (--force): {replaced_tasks_note(before, tasks)}")
    return 0


def previous_text(path: str) -> str | None:
    """The regular file ``path`` holds now (None when there is none, or a FIFO/device that is written
    through, not replaced); undecodable bytes read as U+FFFD: it is only compared."""
    p = Path(path)
    if not p.is_file():
        return None
    try:
        return p.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def replaced_tasks_note(before: str, tasks: list[dict]) -> str:
    """What an export's ``--force`` replaced, by clause id: ``it held 30 task(s); now 2 added, 1
    changed (text, document fields or predictions), 3 no longer exported, 27 the same``. A file that
    is no task list (another program's JSON, a truncated file) is said to be one."""
    try:
        old = json.loads(before)
    except ValueError:
        old = None
    if not isinstance(old, list) or not all(isinstance(t, dict) and isinstance(t.get("data"), dict) for t in old):
        return f"it held no Label Studio task list ({len(before.encode('utf-8'))} bytes)"
    old_by_id = {str(t["data"].get("clause_id")): t for t in old}
    new_by_id = {str(t["data"].get("clause_id")): t for t in tasks}
    # compared as written: a task read back from JSON equals the dict that wrote it when nothing changed
    new_as_read = {cid: json.loads(json.dumps(t, ensure_ascii=False)) for cid, t in new_by_id.items()}
    added = sum(cid not in old_by_id for cid in new_by_id)
    gone = sum(cid not in new_by_id for cid in old_by_id)
    changed = sum(cid in old_by_id and old_by_id[cid] != t for cid, t in new_as_read.items())
    same = len(new_by_id) - added - changed
    return (f"it held {len(old)} task(s); now {added} added, {changed} changed (text, document fields or "
            f"predictions), {gone} no longer exported, {same} the same")


def run_push(args: argparse.Namespace) -> int:
    from .client import connect
    from .push import load_label_rows, push

    inputs = args.inputs or ([DEFAULT_CORPUS] if args.annotations else [])
    if not inputs:
        _err("error: give CLAUSES_OR_NOTICES to push (or --annotations FILE to import labels)")
        return 2
    if args.overlap is not None and args.overlap < 1:
        raise PolicytagError(f"--overlap {args.overlap}: needs at least 1 annotation per task")
    taxonomy, clause_set = _load(args, inputs)
    rows = load_label_rows(args.annotations, clause_set, taxonomy) if args.annotations else None
    session = connect(args.url, args.api_key)  # before the model runs: a wrong URL or key fails at once
    predictions = _predict(args, clause_set, taxonomy)
    report = push(session, clause_set, args.project, taxonomy, predictions, rows, args.annotator,
                  overlap=args.overlap, progress=not args.quiet, prefill=args.prefill)
    for line in report.lines():
        _err(line)
    if report.changed:
        # the clause's text changed in the notice, or the task's was edited in Label Studio
        # (client.existing_tasks compares the text a task shows): either way its labels are for that text
        _err(f"warning: {len(report.changed)} clause(s) changed text since they were pushed (in the notice, or "
             f"edited in Label Studio); their tasks keep the text they show and were not re-imported: "
             + ", ".join(f"{c.clause_id} (task {c.task_id})" for c in report.changed[:10])
             + (" …" if len(report.changed) > 10 else ""))
    for why in report.annotations_skipped[:10]:
        _err(f"warning: label not imported: {why}")
    return 0


def run_pull(args: argparse.Namespace) -> int:
    from policytag.taxonomy import load_taxonomy

    from .agreement import format_report
    from .client import connect
    from .pull import OutputPaths, edited_text_line, pull

    from policytag.io import check_output_path

    outputs = OutputPaths.for_output(args.output)
    for target in (outputs.jsonl, outputs.meta, outputs.conflicts, outputs.undecided):
        check_output_path(target, overwrite=args.force, make_parents=True, force=args.force)
    check_output_path(outputs.hf, kind="dir", overwrite=args.force)
    taxonomy = load_taxonomy()
    session = connect(args.url, args.api_key)
    result = pull(session, args.project, Path(args.output), taxonomy, force=args.force, flag=args.flag)
    counts = result.dataset.counts
    _err(f"{counts['rows']} clause(s) written to {result.paths.jsonl} (+ {result.paths.hf.name}/, "
         f"{result.paths.meta.name}); {counts['annotations'] - counts['cancelled']} annotation(s), "
         f"{counts['cancelled']} cancelled/skipped dropped"
         + skipped_note(result.dataset.skipped, result.paths.meta.name))
    _err(format_report(result.dataset.agreement))
    if result.dataset.drafts:
        _err(drafts_line(result.dataset.drafts, result.paths.meta.name))
    if result.dataset.edited_text:
        _err(edited_text_line(result.dataset.edited_text, f"listed in {result.paths.meta.name}, edited_text"))
    if counts["conflicts"]:
        _err(f"{counts['conflicts']} clause(s) without a majority went to {result.paths.conflicts} for adjudication "
             f"(excluded from the dataset)")
    if result.dataset.undecided:
        _err(undecided_line(result.dataset.undecided, result.paths.undecided))
    if result.dataset.refused:
        _err(f"warning: {len(result.dataset.refused)} annotation(s) name no dominant measure type and were refused "
             f"(listed in {result.paths.meta.name}): "
             + ", ".join(f"task {r['task_id']} by {r['annotator']}" for r in result.dataset.refused[:5]))
    changed = [r for r in result.dataset.superseded if r["differs"]]
    if changed:
        _err(f"warning: {len(changed)} annotator(s) annotated a clause twice with different labels; the later "
             f"annotation is used, the earlier listed in {result.paths.meta.name} (superseded_annotations): "
             + ", ".join(f"task {r['task_id']} by {r['annotator']} (annotation {r['annotation_id']} -> "
                         f"{r['kept_annotation_id']})" for r in changed[:5]) + (" …" if len(changed) > 5 else ""))
    _report_replaced(result)
    if result.flagged or result.cleared:
        _err(f"review flags: {result.flagged} task(s) flagged, {result.cleared} cleared in Label Studio")
    waiting = counts["conflicts"] + len(result.dataset.undecided)
    if args.flag and waiting:
        from .client import ADJUDICATION_VIEW_TITLE

        # where the adjudicator works: the files say which clauses, the tab opens them
        _err(f"{waiting} task(s) wait for adjudication: Label Studio tab {ADJUDICATION_VIEW_TITLE!r} of project "
             f"{result.dataset.project.id} ({session.url}/projects/{result.dataset.project.id}/data)")
    if result.dataset.problems:
        _err(f"warning: {len(result.dataset.problems)} row(s) break a codebook rule (flagged in 'problems'): "
             + "; ".join(result.dataset.problems[:3]))
    return 0


#: at most this many replaced labels are printed (all of them are in meta.json)
REPLACED_SHOWN = 20


def _report_replaced(result) -> None:
    """--force over an earlier pull: one line per label of the replaced file that changed or went."""
    from .pull import replaced_line

    jsonl, meta = result.paths.jsonl.name, result.paths.meta.name
    if result.unreadable_previous:
        _err(f"warning: {result.unreadable_previous} line(s) of the replaced {jsonl} were not labelled rows and "
             f"could not be compared")
    if not result.replaced:
        return
    _err(f"warning: {len(result.replaced)} label(s) of the replaced {jsonl} changed or went (replaced_labels in "
         f"{meta}):")
    for item in result.replaced[:REPLACED_SHOWN]:
        _err("  replaced: " + replaced_line(item, result.paths.conflicts.name, result.paths.undecided.name))
    if len(result.replaced) > REPLACED_SHOWN:
        _err(f"  … and {len(result.replaced) - REPLACED_SHOWN} more in {meta}")


def undecided_line(undecided: list[dict], path: Path, limit: int = 3) -> str:
    """``2 clause(s) nobody could decide went to NAME.undecided.jsonl for adjudication (excluded from the
    dataset): task 3 by mei, skipped: 拿不准：…; …`` — which clause, who, and why, when they said."""
    items = []
    for row in undecided[:limit]:
        said = [f"{a['annotator']}, {a['how']}" + (f": {' '.join(a['note'].split())[:40]}" if a["note"] else "")
                for a in row["undecided"]]
        items.append(f"task {row['task_id']} by {'; '.join(said)}")
    return (f"{len(undecided)} clause(s) nobody could decide went to {path} for adjudication (excluded from the "
            f"dataset): " + " | ".join(items) + (" …" if len(undecided) > limit else ""))


def drafts_line(drafts: list[dict], meta_name: str, limit: int = 5) -> str:
    """``warning: 1 draft(s) left without Submit are not in the pull: task 5 (clause) by lan, never
    submitted; …`` — a draft is no decision, but a clause somebody labelled and left must not read
    like one nobody opened."""
    items = [f"task {d['task_id']} ({d['clause_id']}) by {d['annotator']}, "
             + (f"a change to their annotation {d['of_annotation']} not saved" if d["of_annotation"]
                else "never submitted") for d in drafts[:limit]]
    return (f"warning: {len(drafts)} draft(s) left without Submit/Update are not in the pull (unsubmitted_drafts in "
            f"{meta_name}; the annotator opens the task and submits it): " + "; ".join(items)
            + (" …" if len(drafts) > limit else ""))


def skipped_note(skipped: list[dict], meta_name: str, limit: int = 5) -> str:
    """`` (task 27 by mei, nobody labelled it; …; skipped_annotations in NAME.meta.json)`` — or nothing.

    A count alone does not tell the lead which clause to hand to someone else."""
    if not skipped:
        return ""
    items = [f"task {s['task_id']} by {s['annotator']}" + (", nobody labelled it" if s["unlabelled"] else "")
             for s in skipped[:limit]]
    return f" ({'; '.join(items)}{' …' if len(skipped) > limit else ''}; skipped_annotations in {meta_name})"


def run_next(args: argparse.Namespace) -> int:
    """``annotate next``: active-learning ranking of the unlabelled tasks, written into the project."""
    from policytag import UsageError
    from policytag.taxonomy import load_taxonomy

    from .active import VIEW_TITLE, clear_ranks, model_inputs, project_tasks, rank_tasks, write_queue
    from .client import connect, get_project, refuse_foreign_config

    if args.n < 1:
        raise UsageError(f"--n {args.n}: rank at least one task")
    taxonomy = load_taxonomy()
    session = connect(args.url, args.api_key)
    project = get_project(session, args.project)
    refuse_foreign_config(project, "refusing to write a labelling queue into its tasks")
    pool, labelled_ranked, labelled = project_tasks(session, project)
    if not pool and not labelled:
        raise PolicytagError(f"project {project.id} ({project.title!r}) has no tasks with a clause text: push clauses "
                             f"first (policytag annotate push NOTICES --project {project.id})")
    if not pool:  # the work is done: not an error, and no labelled task keeps a rank of an earlier run
        cleared = 0
        if not args.dry_run:
            with session.errors(f"clearing the labelling queue of project {project.id}"):
                cleared = clear_ranks(session, labelled_ranked)
        _err(f"all {labelled} task(s) of project {project.id} ({project.title!r}) are labelled: nothing to rank"
             + (f"; {cleared} stale rank(s) cleared" if cleared else ""))
        return 0
    proba = thresholds = version = None
    if args.strategy in ("uncertainty", "mixed"):
        from policytag.app import resolve_model

        tagger = resolve_model(args.model)
        proba, thresholds = model_inputs(tagger, [t.clause for t in pool])
        version = str(tagger.model_version)
    # (tasks nobody annotated first, then those short of their overlap; drafts named in the reasons)
    picks = rank_tasks(args.strategy, pool, args.n, taxonomy, proba, thresholds, seed=args.seed)
    if not args.dry_run:
        report = write_queue(session, project, args.strategy, picks, pool, labelled_ranked, version)
    print("rank\ttask\tclause_id\tscore\treason")
    for p in picks:
        task = pool[p.index]
        print(f"{p.rank}\t{task.task_id}\t{task.clause.clause_id}\t{p.score:.4f}\t{p.reason}")
    if args.dry_run:
        _err(f"{len(picks)} of {len(pool)} task(s) wanting an annotation ranked by {args.strategy} (dry run: nothing written)")
        return 0
    _err(f"{len(picks)} of {len(pool)} task(s) wanting an annotation ranked by {args.strategy}"
         + (f" with {version}" if version else "") + f"; {report.cleared} stale rank(s) cleared; project "
         f"{project.id} samples sequentially. Annotators: open the tab {VIEW_TITLE!r} "
         f"({session.url}/projects/{project.id}/data?tab={report.view_id}) and click Label All Tasks.")
    stale = stale_suggestions([pool[p.index].data for p in picks], version, args.model)
    if stale:
        _err(stale)
    return 0


def stale_suggestions(ranked: list[dict], version: str | None, model: str = "MODEL") -> str:
    """A warning when the ranked tasks show another model's suggestions than the one that ranked them
    (``next --model NEW`` after a retraining): ranking writes no prediction, so the screen still shows
    (pre-filled, by default) what was pushed. "" when all agree, no model ranked, or the tasks show no
    suggestion at all (pushed without --predictions: the lead's choice, not a stale screen)."""
    if not version:
        return ""
    shown: dict[str, int] = {}
    for data in ranked:
        suggested = str(data.get("suggestion_model") or "")
        if suggested and suggested != version:
            shown[suggested] = shown.get(suggested, 0) + 1
    if not shown:
        return ""
    what = ", ".join(f"{n} of {name}" for name, n in sorted(shown.items(), key=lambda kv: -kv[1]))
    return (f"warning: {sum(shown.values())} of the {len(ranked)} ranked task(s) show another model's suggestions "
            f"({what}), not those of {version} that ranked them: `policytag annotate push CLAUSES --project … "
            f"--predictions {model}` refreshes them (annotations are kept), or an ML backend serving it does")
