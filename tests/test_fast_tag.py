"""``policytag tag`` with the hybrid imports only what the hybrid needs: after tagging a notice
(Markdown report, through the CLI's own ``main``) none of the heavy libraries is loaded."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from policytag import PROJECT_ROOT
from conftest import CORPUS_FILE

NOTICE = CORPUS_FILE
HEAVY = ["torch", "transformers", "datasets", "ray", "matplotlib", "label_studio", "label_studio_sdk",
         "sklearn", "pandas"]  # scikit-learn (+ pandas, scipy.stats) only to fit, never to tag


@pytest.fixture(scope="module")
def hybrid_run(tmp_path_factory, gold_dataset):
    """A real hybrid run (knowledge + a small TF-IDF learner) fitted on the gold clauses."""
    from policytag.models.hybrid import HybridTagger
    from policytag.models.runs import save_run

    tagger = HybridTagger(learners=[{"type": "tfidf", "params": {"max_features": 3000}}], folds=3)
    tagger.fit(gold_dataset.clauses, gold_dataset.labels)
    return save_run(tagger, tmp_path_factory.mktemp("runs") / "hybrid", {"name": "hybrid", "model": {"type": "hybrid"}},
                    {}, gold_dataset.data_hash)


CHECK = """
import json, sys
from policytag.cli import main
rc = main(["tag", sys.argv[1], "--year", "2026", "--format", "md", "--model", sys.argv[2], "-o", sys.argv[3]])
heavy = json.loads(sys.argv[4])
print(json.dumps({"rc": rc, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in heavy)}))
"""


def test_tagging_with_the_hybrid_imports_no_heavy_library(hybrid_run, tmp_path):
    out = tmp_path / "report.md"
    proc = subprocess.run([sys.executable, "-c", CHECK, str(NOTICE), str(hybrid_run), str(out), json.dumps(HEAVY)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["rc"] == 0
    assert "2026" in out.read_text(encoding="utf-8")
    assert result["loaded"] == [], f"heavy modules imported by `policytag tag` with the hybrid: {result['loaded']}"


def test_the_check_sees_a_heavy_import(hybrid_run, tmp_path):
    """The same check reports a heavy module once something imports it (here: on purpose)."""
    proc = subprocess.run([sys.executable, "-c", "import matplotlib\n" + CHECK, str(NOTICE), str(hybrid_run),
                           str(tmp_path / "r.md"), json.dumps(HEAVY)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600)
    assert "matplotlib" in json.loads(proc.stdout.strip().splitlines()[-1])["loaded"]
