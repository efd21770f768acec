"""Scratch directories of a killed run are removed by the next one (train2's finding: after ``kill -9``
``.RUN.*.tmp`` beside the runs and ``/tmp/policytag-bert-*`` checkpoints stayed forever). Only this
host's, only those whose process is gone: one in progress, or of another shape, is left alone."""

from __future__ import annotations

import os
import subprocess
import sys

from policytag.io import atomic_dir, owner_tag


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_runs_scratch_is_swept_and_a_live_one_kept(tmp_path):
    host = owner_tag().split("-")[0]
    dead = tmp_path / f".run.{host}-{_dead_pid()}-abc123.tmp"
    live = tmp_path / f".run.{host}-{os.getppid()}-def456.tmp"  # the test runner's parent: running
    other_host = tmp_path / f".run.elsewhere-{_dead_pid()}-ghi789.tmp"
    old_shape = tmp_path / ".run.k2j3h4.tmp"
    for d in (dead, live, other_host, old_shape):
        d.mkdir()
        (d / "model.safetensors").write_bytes(b"x" * 10)
    with atomic_dir(tmp_path / "run") as tmp:
        (tmp / "run.json").write_text("{}", encoding="utf-8")
        assert tmp.name.startswith(f".run.{owner_tag()}")
    assert not dead.exists()
    assert live.exists() and other_host.exists() and old_shape.exists()
    assert (tmp_path / "run" / "run.json").exists()


def test_bert_checkpoint_scratch_of_a_killed_process_is_swept(tmp_path, monkeypatch):
    import tempfile

    from policytag.models.bert_trainer import checkpoint_dir

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("TORCHELASTIC_RUN_ID", raising=False)
    host = owner_tag().split("-")[0]
    dead = tmp_path / f"policytag-bert-{host}-{_dead_pid()}-0123abcd"
    dead.mkdir()
    mine = checkpoint_dir()
    assert mine.name.startswith(f"policytag-bert-{owner_tag()}") and not dead.exists()
