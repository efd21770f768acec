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


def test_the_edited_text_warning_is_one_line_for_pull_and_the_backend():
    # (annot23's leftover: the backend's retraining used the edited rows without a word; annotate pull and the
    # backend's log now say it with one function)
    from policytag.annotation.pull import edited_text_line

    edited = [{"task_id": i, "clause_id": f"2027-ab12cd-1-{i}", "pushed_text_sha1": "a", "text_sha1": "b"}
              for i in range(7)]
    line = edited_text_line(edited, "project 3's retraining uses them")
    assert "\n" not in line and line.startswith("warning: 7 task(s) whose text was edited in Label Studio")
    assert "(project 3's retraining uses them): 2027-ab12cd-1-0 (task 0)" in line and line.endswith(" …")
    assert "(task 5)" not in line

