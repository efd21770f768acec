"""Extraction on every repository text, main's inference/extract.py against this checkout's.

usage: .venv/bin/python tests/data/extract21/compare_texts.py [MAIN_EXTRACT_PY]

Texts: the clauses of the session-start dump (/work/baseline/main), the ``text`` of every data/**/*.jsonl row and
every string literal with a Chinese character in tests/*.py (this probe's own file, test_extract_probe21.py, left out). Each distinct text is
read with notice year 2026 by both modules' extract_fields; the texts whose deadlines or targets differ are printed.
"""
from __future__ import annotations

import ast
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HAN = re.compile(r"[\u4e00-\u9fff]")


def texts() -> list[str]:
    seen: dict[str, None] = {}
    for base in (Path("/work/baseline/main"), ROOT / "data"):
        for f in sorted(base.rglob("*")):
            if not f.is_file() or (base.name == "data" and f.suffix != ".jsonl"):
                continue
            for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith("{") and '"text"' in line:
                    try:
                        t = json.loads(line).get("text")
                    except ValueError:
                        continue
                    if isinstance(t, str) and t:
                        seen.setdefault(t, None)
    for f in sorted((ROOT / "tests").glob("*.py")):
        if f.name == "test_extract_probe21.py":
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value):
                seen.setdefault(node.value, None)
    return list(seen)


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # (dataclasses look their module up)
    spec.loader.exec_module(mod)
    return mod


def readings(mod, items: list[str]) -> list[str]:
    out = []
    for deadlines, targets in mod.extract_fields(items, [2026] * len(items)):
        out.append(json.dumps([[d.to_dict() for d in deadlines], [t.to_dict() for t in targets]], ensure_ascii=False))
    return out


def main() -> None:
    if len(sys.argv) > 1:
        main_py = Path(sys.argv[1])
    else:
        main_py = Path("/tmp/extract_main.py")
        main_py.write_text(subprocess.run(["git", "show", "main:inference/extract.py"], cwd=ROOT, check=True,
                                          capture_output=True, text=True).stdout, encoding="utf-8")
    items = texts()
    before = readings(load(main_py, "extract_main"), items)
    after = readings(load(ROOT / "inference" / "extract.py", "extract_branch"), items)
    changed = [(t, b, a) for t, b, a in zip(items, before, after) if b != a]
    for t, b, a in changed:
        print("TEXT ", t[:300].replace("\n", "⏎"))
        print("  main", b)
        print("  here", a)
    print(f"{len(items)} distinct texts, {len(changed)} read differently")


if __name__ == "__main__":
    main()
