"""Data flows one way: a module never imports a higher layer (imports inside functions included).

Layers, low to high (``docs`` in README "What is where" and /DESIGN.md):

1. core: ``policytag/*.py`` (records, taxonomy, knowledge, labels, paths, io, errors, resources)
2. corpus
3. models
4. training, annotation, inference, backend (siblings may import each other)
5. app: ``policytag/app.py`` and the Python API beside it, ``policytag/api.py``
6. cli: ``policytag/cli.py`` and every area's ``cli.py`` / ``*_cli.py`` (argument parsing)
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from policytag import PROJECT_ROOT

LAYER = {"core": 1, "corpus": 2, "models": 3, "training": 4, "annotation": 4, "inference": 4, "backend": 4,
         "app": 5, "cli": 6}


def package_dirs() -> dict[str, Path]:
    """Import name -> source folder, from pyproject's setuptools package-dir mapping."""
    conf = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {name: PROJECT_ROOT / folder for name, folder in conf["tool"]["setuptools"]["package-dir"].items()}


def modules() -> dict[str, Path]:
    """Every module of the package: dotted name -> file."""
    out = {}
    for name, folder in package_dirs().items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            out[".".join([name, *parts])] = path
    return out


def layer_of(module: str) -> str:
    parts = module.split(".")
    last = parts[-1]
    if last == "cli" or last.endswith("_cli"):
        return "cli"
    if len(parts) == 1:
        return "core"
    if parts[1] in ("app", "api"):  # policytag.api: the Python API beside the app layer
        return "app"
    if parts[1] in LAYER:
        return parts[1]
    return "core"  # policytag.records, policytag.taxonomy, policytag.paths, policytag.resources …


def imports_of(module: str, path: Path) -> list[tuple[str, int]]:
    """Absolute names of the policytag modules ``module`` imports, with line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names if a.name.split(".")[0] == "policytag"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_pkg else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "policytag":
                continue
            # `from policytag import app` imports a module; `from policytag import PolicytagError` does not
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.append((sub if sub in ALL or f"{sub}.__init__" in ALL else target, node.lineno))
    return out


ALL = modules()


def test_the_walk_sees_the_package():
    assert {"policytag.app", "policytag.cli", "policytag.models.tfidf", "policytag.training.train",
            "policytag.models.pretrained.convert", "policytag.paths"} <= set(ALL)
    assert layer_of("policytag.models.pretrained.convert") == "models"
    assert layer_of("policytag.inference.stream_cli") == "cli" and layer_of("policytag.labels") == "core"


def test_no_module_imports_a_higher_layer():
    problems = []
    for module, path in sorted(ALL.items()):
        mine = layer_of(module)
        for target, line in imports_of(module, path):
            theirs = layer_of(target)
            if LAYER[theirs] > LAYER[mine]:
                problems.append(f"{path.relative_to(PROJECT_ROOT)}:{line}: {module} ({mine}) imports "
                                f"{target} ({theirs})")
    assert problems == [], "upward imports:\n" + "\n".join(problems)


def test_models_never_import_training():
    bad = [f"{path.relative_to(PROJECT_ROOT)}:{line}: {target}"
           for module, path in ALL.items() if layer_of(module) == "models"
           for target, line in imports_of(module, path) if target.startswith("policytag.training")]
    assert bad == []


def test_the_checker_catches_an_upward_import(tmp_path):
    """The walk itself can fail: a models module importing training is reported."""
    fake = tmp_path / "fake.py"
    fake.write_text("def f():\n    from policytag.training.train import train\n", encoding="utf-8")
    (target, _), = imports_of("policytag.models.fake", fake)
    assert LAYER[layer_of(target)] > LAYER[layer_of("policytag.models.fake")]
    rel = tmp_path / "rel.py"
    rel.write_text("from ..training import train\n", encoding="utf-8")
    assert imports_of("policytag.models.rel", rel) == [("policytag.training.train", 1)]
