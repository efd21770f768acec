"""``policytag train``, ``policytag evaluate`` and ``policytag compare``."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from typing import Any, Iterator


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("train", help="train a model from a YAML config",
                              description="Train on the temporal split (train <= 2021, dev 2022-2023, test 2024-2026), "
                                          "tune thresholds on dev, evaluate on test, write runs/NAME atomically.")
    p.add_argument("config", help="YAML config, e.g. configs/baseline.yaml")
    p.add_argument("-o", "--output", metavar="RUN_DIR", help="run directory (default: runs/<config name>)")
    p.add_argument("--cv", action="store_true", help="also cross-validate the recipe (5-fold iterative stratification)")
    p.add_argument("--force", action="store_true", help="replace an existing run directory")
    p.add_argument("--rows", metavar="FILE.jsonl",
                   help="labelled rows to train on besides the recipe's data, as `annotate pull` writes them (a "
                        "retrained run keeps its own in RUN/extra_rows.jsonl: `policytag train RUN/config.yaml "
                        "--rows RUN/extra_rows.jsonl` trains it again)")
    p.add_argument("--device", metavar="DEVICE",
                   help="where a transformer trains: auto, cpu, cuda, cuda:N or mps (overrides model.params.device; "
                        "auto = a CUDA GPU, else Apple MPS, else the CPU); checked before any work")
    p.add_argument("--package", action="store_true",
                   help="build the shipped default model from the default recipe (configs/default.yaml) into "
                        "policytag/resources/model/ (package data); run it after a change of recipe, gold data "
                        "or taxonomy (tests/test_shipped_model.py says when)")
    p.set_defaults(func=_train)

    p = subparsers.add_parser("evaluate", help="re-evaluate a saved run",
                              description="Score a saved run on its config's test/dev split, or cross-validate its recipe.")
    p.add_argument("run", help="run directory")
    p.add_argument("--split", choices=("test", "dev", "cv", "challenge", "realdev"), default="test",
                   help="realdev: the real-text dev set ($POLICYTAG_REALDEV or ../shared/realdev/realdev.jsonl; "
                        "evaluation only)")
    p.add_argument("--json", action="store_true", help="print the full metrics as JSON")
    p.set_defaults(func=_evaluate)

    p = subparsers.add_parser("compare", help="compare saved runs in one Markdown/JSON/PNG report",
                              description="Per-label P/R/F1/support, micro/macro/samples F1 and exact match per "
                                          "dimension for every run (temporal test and CV), plus training time, "
                                          "model size and throughput. Refuses runs scored on different data/splits.")
    p.add_argument("runs", nargs="+", metavar="RUN", help="run directories")
    p.add_argument("-o", "--output", default="reports/comparison", metavar="OUT",
                   help="output path without suffix: writes OUT.md, OUT.json, OUT.png, OUT-reliability.png (default: reports/comparison)")
    p.add_argument("--quantized", action="store_true",
                   help="also measure dynamic int8 quantisation (speed-up, F1 change) for runs that support it")
    p.add_argument("--realdev", metavar="FILE",
                   help="real-dev file for the real-dev column (default: $POLICYTAG_REALDEV, else "
                        "../shared/realdev/realdev.jsonl; absent: the report says so)")
    p.add_argument("--allow-mismatch", action="store_true",
                   help="compare runs from different data/splits anyway (the report carries a warning)")
    p.set_defaults(func=_compare)


def _check_run(run: str, need_metrics: bool = False) -> None:
    """One-line errors for a run directory that is missing or corrupt, before any scoring."""
    from pathlib import Path

    import yaml

    from policytag import PolicytagError
    from policytag.models.runs import read_run_info

    path = Path(run)
    if not path.is_dir():
        raise PolicytagError(f"{run}: " + ("not a run directory (it is a file)" if path.exists()
                                           else "no such run directory"))
    read_run_info(path)  # validates run.json
    files = [("config.yaml", dict)] + ([("metrics.json", dict)] if need_metrics else [])
    for name, kind in files:
        where = path / name
        try:
            text = where.read_text(encoding="utf-8")
            data = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
            raise PolicytagError(f"{where}: unreadable ({type(exc).__name__}); the run directory is corrupt") from None
        if not isinstance(data, kind):
            raise PolicytagError(f"{where}: expected a mapping; the run directory is corrupt")
        if name == "config.yaml" and not need_metrics and not (isinstance(data.get("data"), dict)
                                          and {"gold", "corpus"} <= set(data["data"])):
            raise PolicytagError(f"{where}: data.gold/data.corpus: missing; the run directory is corrupt")


def _set_device(config: dict[str, Any], device: str | None) -> None:
    """Apply ``--device`` to the config (it is stored with the run) and check the device the run
    will use exists, before any work: an unavailable GPU used to surface after the data was read."""
    from policytag import ConfigError, PolicytagError, UsageError
    from policytag.models.registry import params_schema

    params = config["model"]["params"]
    has_device = "device" in params_schema(config["model"]["type"]).model_fields
    if device is not None and not has_device:
        raise UsageError(f"train: --device: model type {config['model']['type']} has no device setting "
                         f"(it trains on the CPU); types that take one: {', '.join(_device_types())}")
    if not has_device:
        return
    if device is not None:
        params["device"] = device
    from policytag.models.bert_trainer import resolve_device

    try:
        resolved = resolve_device(params["device"])
    except PolicytagError as exc:
        where = "--device" if device is not None else f"{config.get('source')}: model.params.device"
        raise (UsageError if device is not None else ConfigError)(f"{where}: {exc}") from None
    # mixed precision is CUDA-only; the Trainer said so only after the encoder and the data were loaded
    for key in ("bf16", "fp16"):
        if params.get(key) and not resolved.startswith("cuda"):
            raise ConfigError(f"{config.get('source')}: model.params.{key}: mixed precision needs a CUDA GPU, "
                              f"the device is {resolved} (set {key}: false, or train on a GPU)")


def _device_types() -> list[str]:
    """Registered tagger types with a ``device`` parameter (named when ``--device`` does not apply)."""
    from policytag.models.registry import params_schema, tagger_names

    return [n for n in tagger_names() if n.endswith(".v1") and "device" in params_schema(n).model_fields]


def _raise_terminated(signum: int, _frame: Any) -> None:
    print(f"policytag: terminated ({signal.Signals(signum).name})", file=sys.stderr, flush=True)
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """Let SIGTERM (``kill``, a scheduler's time limit, ``timeout``) unwind the stack like Ctrl-C:
    Python's default SIGTERM ends the process at once, leaving the half-built run's temporary
    directory and the transformer's checkpoint scratch (~100 MB per launch) in the temp directory.
    A signal handler can only be set from the main thread; an ignored SIGTERM stays ignored."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is signal.SIG_IGN:
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _train(args: argparse.Namespace) -> int:
    from pathlib import Path

    from policytag.io import check_output_path, read_jsonl
    from policytag.paths import runs_dir

    from .config import check_data_files, load_config

    if args.package:
        from policytag import UsageError
        from policytag.app import package_default_model

        if args.output or args.cv:
            raise UsageError("train: --package writes policytag/resources/model/ itself (no -o/--cv)")
        print(f"wrote {package_default_model(args.config)}")
        return 0
    if args.output:
        check_output_path(args.output, kind="dir", overwrite=args.force)
    config = load_config(args.config)
    rows = read_jsonl(args.rows) if args.rows else []  # a bad file is one line now, not after the fit
    # the default runs/NAME is checked here too, not when the run is saved: that came after the whole
    # fit (half an hour of BERT), only to refuse the existing run
    out_dir = Path(args.output) if args.output else runs_dir() / config["name"]
    check_output_path(out_dir, kind="dir", overwrite=args.force)
    _set_device(config, args.device)
    check_data_files(config)  # before the encoder is built (minutes) or any data is read
    # training's imports (scikit-learn, torch: seconds, more on a loaded machine) come after every
    # check of the config, the output and the data, so that a typo is one line at once
    from .encoders import ensure_encoders
    from .train import train_recipe

    if args.cv:
        config["split"]["cv"] = True
    with _sigterm_unwinds():
        ensure_encoders(config)  # a transformer config's offline encoder is built when missing (progress bar)
        run_dir = train_recipe(config, rows, out_dir=out_dir, overwrite=args.force)
    if run_dir is None:
        # a secondary data-parallel worker: rank 0 writes the run (maybe later than this returns)
        # and reports it
        return 0
    metrics = json.loads((run_dir / "metrics.json").read_text(encoding="utf-8"))
    print(f"wrote {run_dir}")
    for split in ("test", "oof", "cv"):  # oof: a run fitted on all clauses (split.mode: all)
        if split in metrics:
            _print_summary(split, metrics[split])
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_run

    _check_run(args.run)
    metrics = evaluate_run(args.run, args.split)
    if args.json:
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
    else:
        _print_summary(args.split, metrics)
    return 0


def _compare(args: argparse.Namespace) -> int:
    from pathlib import Path

    from policytag.io import check_output_path

    from .compare import compare_runs

    out = Path(args.output)
    for suffix in (".md", ".json", ".png"):
        target = out.with_suffix(suffix)
        if target.parent.is_dir() or not target.parent.exists():
            check_output_path(target if target.parent.is_dir() else target.parent,
                              kind="file" if target.parent.is_dir() else "dir")
        else:
            check_output_path(target)  # parent is a file: one-line error
    for run in args.runs:
        _check_run(run, need_metrics=True)
    paths = compare_runs(args.runs, args.output, allow_mismatch=args.allow_mismatch, quantized=args.quantized,
                         realdev=args.realdev)
    report = json.loads(paths["json"].read_text(encoding="utf-8"))
    if (report.get("realdev") or {}).get("absent"):
        print(f"policytag: note: {report['realdev']['absent']}")
    print("wrote " + ", ".join(str(p) for p in paths.values()))
    return 0


def _print_summary(split: str, metrics: dict) -> None:
    for dim, m in metrics.items():
        print(f"{split:5s} {dim:13s} micro-F1 {m['micro_f1']:.3f}  macro-F1 {m['macro_f1']:.3f}  "
              f"samples-F1 {m['samples_f1']:.3f}  exact {m['exact_match']:.3f}  n={m['n']}", file=sys.stdout)
