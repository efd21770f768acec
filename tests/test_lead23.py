"""Lead fixes of session 23."""

from __future__ import annotations

import errno

from policytag.cli import _os_error


def test_an_os_error_with_a_message_only_says_the_message():
    # (annot23's leftover: OSError("disk full (simulated)") from Dataset.save_to_disk during `pull --force` printed
    # "input/output error: OSError")
    assert _os_error(OSError("disk full (simulated)")) == "input/output error: disk full (simulated)"


def test_an_os_error_keeps_its_file_and_strerror():
    exc = OSError(errno.ENOSPC, "No space left on device", "runs/x/model.safetensors")
    assert _os_error(exc) == "runs/x/model.safetensors: No space left on device"
    assert _os_error(OSError()) == "input/output error: OSError"
