"""Compare clause-fact extraction (deadlines, targets, agency roles) of this checkout's ``inference/extract.py`` with a
git ref's (default ``main``) on the repository's texts, and list every text read differently.

The texts: every clause of a segmentation dump (``--dump``: the JSONL clause lines that ``/work/baseline/dump.sh``
writes for data/corpus and tests/data, each with its notice year), the ``text`` of every ``data/**/*.jsonl`` record,
and every string literal of ``tests/*.py`` that holds a Chinese character (read in notice year 2026, as the probes
are; ``--skip`` leaves out a test file, e.g. a probe whose new cases would only show what it fixes). Distinct
(text, year) pairs are read once by each version, through ``extract_fields`` (the batch path ``policytag tag`` uses)
and ``extract_agency_roles``.

Usage::

    .venv/bin/python scripts/compare_extraction.py --dump /work/baseline/main [--ref main] [--skip tests/test_x.py]

Prints each changed text with the two readings and a count; exit status 0 (a report, not a check).
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CJK = re.compile(r"[\u4e00-\u9fff]")
TEST_YEAR = 2026


def _dump_texts(dump: Path) -> list[tuple[str, int | None]]:
    """(clause text, notice year) of every clause line of a segmentation dump."""
    out = []
    for f in sorted(p for p in dump.rglob("*") if p.is_file()):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.startswith('{"doc_id"') and '"clause_id"' in line:
                rec = json.loads(line)
                out.append((rec["text"], rec.get("year")))
    return out


def _data_texts() -> list[tuple[str, int | None]]:
    out = []
    for f in sorted((ROOT / "data").rglob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                out.append((rec["text"], rec.get("year") if isinstance(rec.get("year"), int) else None))
    return out


def _test_strings(skip: set[Path]) -> list[tuple[str, int | None]]:
    out = []
    for f in sorted((ROOT / "tests").glob("*.py")):
        if f.resolve() in skip:
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CJK.search(node.value):
                out.append((node.value, TEST_YEAR))
    return out


def _module_at(ref: str, file: str = "inference/extract.py"):
    """``file`` (a module of the checkout) as it is at ``ref``, imported under another name (its imports are this
    checkout's)."""
    source = subprocess.run(["git", "show", f"{ref}:{file}"], cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout
    name = Path(file).stem + "_at_ref"
    path = Path(tempfile.mkdtemp()) / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up there)
    spec.loader.exec_module(module)
    return module


def _readings(module, pairs: list[tuple[str, int | None]]) -> list[tuple]:
    texts, years = [t for t, _ in pairs], [y for _, y in pairs]
    fields = module.extract_fields(texts, years)
    return [([d.to_dict() for d in ds], [t.to_dict() for t in ts], [r.to_dict() for r in module.extract_agency_roles(text)])
            for (ds, ts), text in zip(fields, texts)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dump", type=Path, required=True, help="a segmentation dump (/work/baseline/main)")
    ap.add_argument("--ref", default="main", help="the git ref whose inference/extract.py is compared (default main)")
    ap.add_argument("--skip", type=Path, action="append", default=[], help="a tests/*.py file to leave out (repeatable)")
    args = ap.parse_args(argv)
    if not args.dump.is_dir():
        ap.error(f"no such dump folder: {args.dump}")
    pairs = list(dict.fromkeys([*_dump_texts(args.dump), *_data_texts(),
                                *_test_strings({p.resolve() for p in args.skip})]))
    from policytag.inference import extract as mine

    before, after = _readings(_module_at(args.ref), pairs), _readings(mine, pairs)
    changed = 0
    for (text, year), a, b in zip(pairs, before, after):
        if a != b:
            changed += 1
            print(f"## {text[:160]} (year {year})")
            for name, x, y in zip(("deadlines", "targets", "agency roles"), a, b):
                if x != y:
                    print(f"  {args.ref} {name}: {json.dumps(x, ensure_ascii=False)}")
                    print(f"  this {name}: {json.dumps(y, ensure_ascii=False)}")
    print(f"{len(pairs)} distinct (text, year) pairs; {changed} read differently", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
