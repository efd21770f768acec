"""The data cards' checks run in CI: the training clauses (data/train-v2) and the challenge set
(data/challenge) meet the minimums their cards promise, hold valid labels, and no training clause
is a near-duplicate of a challenge, augmentation or gold clause (which would leak evaluation text
into training)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT


@pytest.mark.parametrize("script", ["data/train-v2/stats.py", "data/challenge/stats.py"])
def test_data_card_checks_pass(script):
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / script)], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
