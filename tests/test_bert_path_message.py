"""A missing encoder directory names the key and where it looked, and offers the offline build only
for the encoders that command builds (train2's finding: ``artifacts/tiny-bert`` was told to run
``policytag pretrained build … -o artifacts/tiny-bert``, which builds e5, not the user's model)."""

from __future__ import annotations

import pytest

from policytag import PolicytagError
from policytag.models.bert import resolve_model_path


def test_a_users_own_missing_directory_gets_no_e5_build_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PolicytagError) as err:
        resolve_model_path("artifacts/tiny-bert-nowhere")
    msg = str(err.value)
    assert msg.startswith("model_name_or_path: ") and str(tmp_path / "artifacts/tiny-bert-nowhere") in msg
    assert "pretrained build" not in msg and "local Hugging Face model directory" in msg


def test_a_missing_e5_encoder_still_says_how_to_build_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PolicytagError, match="policytag pretrained build --prune-corpus"):
        resolve_model_path("artifacts/pretrained/multilingual-e5-small-pruned-nowhere")


def test_a_hub_id_passes_through():
    assert resolve_model_path("bert-base-chinese") == "bert-base-chinese"
