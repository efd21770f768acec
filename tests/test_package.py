"""policytag as a real package: every source folder is packaged, the wheel carries its package data
and nothing else (no tests, no work files), and - installed into a fresh virtual environment (CPU
torch first, as the README does) - it works from a directory outside the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from policytag import PROJECT_ROOT
from conftest import CORPUS_FILE

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
PACKAGE_DATA = ["policytag/resources/taxonomy.yaml", "policytag/resources/default.yaml",
                "policytag/resources/ANNOTATION_CODEBOOK.md", "policytag/resources/data/gold-v1.jsonl",
                "policytag/resources/data/corpus/shanxi_annual_safety_notices_2009-2026.txt",
                # the shipped default model (policytag train configs/default.yaml --package)
                "policytag/resources/model/run.json", "policytag/resources/model/config.yaml",
                "policytag/resources/model/model/tagger.json", "policytag/resources/model/model/meta.json"]


def test_every_source_package_is_listed():
    """A folder with ``__init__.py`` under a mapped package that pyproject does not list would be
    silently left out of the wheel."""
    listed = set(SETUPTOOLS["packages"])
    missing = []
    for name, folder in SETUPTOOLS["package-dir"].items():
        root = PROJECT_ROOT / folder
        for init in root.rglob("__init__.py"):
            rel = init.parent.relative_to(root)
            dotted = ".".join([name, *rel.parts])
            if dotted not in listed:
                missing.append(dotted)
    assert missing == [], f"add to [tool.setuptools] packages: {missing}"


def test_checkout_paths_link_to_the_package_data():
    """One source of truth: the checkout paths are symlinks into policytag/resources."""
    for link, target in [("configs/taxonomy.yaml", "taxonomy.yaml"), ("configs/default.yaml", "default.yaml"),
                         ("docs/ANNOTATION_CODEBOOK.md", "ANNOTATION_CODEBOOK.md"),
                         ("data/annotations/gold-v1.jsonl", "data/gold-v1.jsonl"),
                         ("data/corpus/shanxi_annual_safety_notices_2009-2026.txt",
                          "data/corpus/shanxi_annual_safety_notices_2009-2026.txt")]:
        path = PROJECT_ROOT / link
        assert path.is_symlink(), link
        assert path.resolve() == (PROJECT_ROOT / "policytag" / "resources" / target).resolve(), link


def test_paths_outside_a_checkout(tmp_path, monkeypatch):
    from policytag import paths

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POLICYTAG_HOME", raising=False)
    monkeypatch.delenv("POLICYTAG_RUNS", raising=False)
    monkeypatch.delenv("POLICYTAG_TAXONOMY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.checkout_root() is None
    assert paths.home() == tmp_path / "xdg" / "policytag"
    assert paths.runs_dir() == tmp_path / "xdg" / "policytag" / "runs"
    assert paths.taxonomy_path() == paths.resource("taxonomy.yaml")
    assert paths.resolve_data_path("policytag:data/gold-v1.jsonl").is_file()
    monkeypatch.setenv("POLICYTAG_HOME", str(tmp_path / "home"))
    assert paths.runs_dir() == tmp_path / "home" / "runs"
    paths.set_runs_dir(tmp_path / "elsewhere")
    try:
        assert paths.runs_dir() == tmp_path / "elsewhere"
    finally:
        paths.set_runs_dir(None)
    monkeypatch.chdir(PROJECT_ROOT)
    monkeypatch.delenv("POLICYTAG_HOME")
    assert paths.checkout_root() == PROJECT_ROOT and paths.runs_dir() == PROJECT_ROOT / "runs"


def _build(outdir: Path, *what: str) -> list[Path]:
    # --no-isolation: build with this environment's setuptools (no index needed at build time)
    proc = subprocess.run([sys.executable, "-m", "build", "--no-isolation", *what, "--outdir", str(outdir),
                           str(PROJECT_ROOT)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return sorted(outdir.iterdir())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="the 'build' package (dev extra) builds the wheel")
    out = tmp_path_factory.mktemp("dist")
    built = _build(out)  # sdist and wheel, as `python -m build` does by default
    assert any(p.name.endswith(".tar.gz") for p in built)
    return next(p for p in built if p.suffix == ".whl")


def test_wheel_holds_package_data_and_no_work_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for data in PACKAGE_DATA:
        assert data in names, data
    tops = {n.split("/")[0] for n in names}
    assert tops == {"policytag", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}, tops
    bad = [n for n in names if "/tests/" in n or n.startswith("tests/") or "/work/" in n or "test_" in n.split("/")[-1]
           or n.endswith((".pyc", ".joblib", ".pkl")) or "/runs/" in n or "/artifacts/" in n]
    assert bad == []
    assert "policytag/models/pretrained/sources.py" in names and "policytag/app.py" in names


@pytest.mark.slow
def test_installed_wheel_works_outside_the_checkout(wheel, tmp_path):
    """A fresh venv: CPU torch first (pinned), then the wheel; from a temp dir outside the checkout
    ``policytag tag CORPUS_FILE --format md`` (the shipped default model, package data: nothing is
    trained) and ``policytag annotate config`` both succeed."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # --no-compile: byte-compiling every dependency was ~60 of the ~100 s the two installs took here
    pip = [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-compile"]
    for args in (["torch==2.13.0"], [str(wheel)]):
        proc = subprocess.run(pip + args, capture_output=True, text=True, timeout=1800)
        assert proc.returncode == 0, proc.stderr[-3000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    notice = work / "notice.txt"
    shutil.copyfile(CORPUS_FILE, notice)
    home = tmp_path / "user"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYTAG_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    exe = env_dir / "bin" / "policytag"

    def run(*args, timeout=1800):
        return subprocess.run([str(exe), *args], cwd=work, env=env, capture_output=True, text=True, timeout=timeout)

    tagged = run("tag", str(notice), "--year", "2026", "--format", "md")
    assert tagged.returncode == 0, tagged.stderr[-3000:]
    assert "# 关于做好2026年安全生产工作的通知（2026）" in tagged.stdout
    assert "training" not in tagged.stderr and "trained" not in tagged.stderr  # the shipped model, no training
    user_runs = home / ".local" / "share" / "policytag" / "runs" / "cache" / "default"
    assert not (user_runs / "run.json").exists()  # nothing cached: the package's own model was used
    site = subprocess.run([str(py), "-c", "import policytag, pathlib; print(pathlib.Path(policytag.__file__).parent)"],
                          capture_output=True, text=True, cwd=work, env=env).stdout.strip()
    assert site and str(PROJECT_ROOT) not in site  # ... the package from site-packages, not the checkout
    assert not (Path(site) / "runs").exists() and not (Path(site).parent / "runs").exists()
    config = run("annotate", "config", timeout=300)
    assert config.returncode == 0, config.stderr[-3000:]
    assert config.stdout.lstrip().startswith("<View") and "煤矿" in config.stdout
    assert not list(work.glob("runs")) and sorted(p.name for p in work.iterdir()) == ["notice.txt"]
