"""``policytag push RUN --repo-id ORG/NAME``: upload a transformer run's Hub-format model directory.

The run's ``model/`` directory is already what the Hub expects (``config.json`` with
``id2label``/``label_dims``, ``model.safetensors``, tokenizer files, the model card ``README.md``) plus
policytag's ``tagger.json`` (thresholds) and ``bert_state.json``, so it is pushed as it is with
``huggingface_hub``'s ``create_repo`` + ``upload_folder`` (what ``PreTrainedModel.push_to_hub``
does). Only for users who can reach a hub; arguments are checked before anything is contacted.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from policytag import PolicytagError, UsageError

REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "push", help="upload a transformer run's model directory to a Hugging Face hub",
        description="Push RUN/model (a standard Hugging Face model directory with its model card) to the hub "
                    "repository ORG/NAME. Needs network access and a token (HF_TOKEN or `huggingface-cli login`).",
        epilog="example:\n  policytag push runs/bert --repo-id my-org/policytag-bert --private",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("run", metavar="RUN", help="run directory written by `policytag train` (a bert run)")
    p.add_argument("--repo-id", required=True, metavar="ORG/NAME", help="hub repository id")
    p.add_argument("--private", action="store_true", help="create the repository as private")
    p.add_argument("--revision", default=None, metavar="BRANCH", help="branch to push to (default: main)")
    p.add_argument("--commit-message", default=None, metavar="MSG",
                   help="commit message on the hub (default: 'policytag run RUN_NAME')")
    p.add_argument("--dry-run", action="store_true", help="check and list what would be uploaded; contact nothing")
    p.set_defaults(func=run)


def model_dir_of(run: str) -> Path:
    """``RUN/model`` after checking it is a Hub-format transformer run."""
    from .bert import BertTagger
    from .registry import tagger_class
    from .runs import read_run_info

    info = read_run_info(run)
    if not issubclass(tagger_class(info["tagger"]), BertTagger):
        raise UsageError(f"{run}: a {info.get('tagger')} run; only transformer (bert) runs have a Hub-format model")
    model = Path(run) / "model"
    missing = [f for f in ("config.json", "model.safetensors", "README.md") if not (model / f).exists()]
    if missing:
        raise PolicytagError(f"{model}: not a Hub-format model directory (missing {', '.join(missing)}); "
                             "retrain it with `policytag train`")
    return model


def run(args: argparse.Namespace) -> int:
    if not REPO_ID.match(args.repo_id):
        raise UsageError(f"--repo-id {args.repo_id!r}: expected ORG/NAME (letters, digits, . _ -)")
    model = model_dir_of(args.run)
    files = sorted(p.relative_to(model).as_posix() for p in model.rglob("*") if p.is_file())
    if args.dry_run:
        print(f"would upload {len(files)} file(s) from {model} to {args.repo_id}: {', '.join(files)}")
        return 0
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    api = HfApi()
    try:
        api.create_repo(args.repo_id, private=args.private, exist_ok=True, repo_type="model")
        commit = api.upload_folder(folder_path=str(model), repo_id=args.repo_id, repo_type="model",
                                   revision=args.revision,
                                   commit_message=args.commit_message or f"policytag run {Path(args.run).name}")
    except (HfHubHTTPError, OSError, ValueError) as exc:
        raise PolicytagError(f"push to {args.repo_id} failed: {' '.join(str(exc).split())[:200]}") from None
    print(f"pushed {len(files)} file(s) to {getattr(commit, 'repo_url', args.repo_id)}", file=sys.stderr)
    return 0
