"""Compare ``policytag.text.duty_agencies`` of this checkout with a git ref's (default ``main``) on the repository's
clause texts (a segmentation dump's clauses, ``data/**/*.jsonl`` texts, the CJK strings of tests/*.py: the texts
``scripts/compare_extraction.py`` reads, which compares ``inference/extract.py`` only, both sides on this text.py).
Prints each text read differently with both readings, then a count; exit status 0 (a report, not a check)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_extraction import _data_texts, _dump_texts, _module_at, _test_strings  # noqa: E402

from policytag.text import duty_agencies  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", type=Path, required=True, help="a segmentation dump (/work/baseline/main)")
    ap.add_argument("--ref", default="main", help="the git ref whose policytag/text.py is compared (default main)")
    args = ap.parse_args(argv)
    ref = _module_at(args.ref, "policytag/text.py")
    texts = list(dict.fromkeys(t for t, _ in [*_dump_texts(args.dump), *_data_texts(), *_test_strings(set())]))
    changed = 0
    for text in texts:
        before, after = ref.duty_agencies(text), duty_agencies(text)
        if before != after:
            changed += 1
            print(f"## {text[:200]}\n   {args.ref}: {before}\n   this: {after}")
    print(f"{len(texts)} distinct texts; {changed} read differently", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
