"""The data cards' checks run in CI: the training clauses (data/train-v2) and the challenge set
(data/challenge) meet the minimums their cards promise, hold valid labels, and no training clause
is a near-duplicate of a challenge, augmentation or gold clause (which would leak evaluation text
into training)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT


@pytest.mark.parametrize("command", [
    ["data/train-v2/stats.py"],
    ["data/challenge/stats.py"],
    # batch b (written for the weak measure types, kept out of the recipes; see the train-v2 card):
    # valid rows, no near-duplicate; its size is below the set's minimums by design (--partial)
    ["data/train-v2/stats.py", "data/train-v2/batch-b.jsonl", "--partial"],
])
def test_data_card_checks_pass(command):
    script, *args = command
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / script), *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
