"""Label Studio behind one module: every label-studio-sdk call and import is in
``annotation/client.py`` (a change to the SDK or to our use of it touches one file).

The same search the issue names (``grep -rn "LabelStudio(\\|\\.projects\\.\\|…"``), over every
module of the package, plus the SDK resources the pattern does not spell out (users, exports,
predictions, annotations) and the SDK import itself.
"""

from __future__ import annotations

import re

from test_layers import modules

CLIENT = "policytag.annotation.client"
#: the issue's grep, word for word, plus calls on the other SDK resources
SDK_CALL = re.compile(r"LabelStudio\(|\.projects\.|\.tasks\.|\.views\.|\.ml\."
                      r"|\.(users|exports|predictions|annotations)\.[a-z_]+\(")
SDK_IMPORT = re.compile(r"^\s*(from|import)\s+label_studio_sdk\b", re.M)


def test_grep_finds_sdk_calls_only_in_the_client_module():
    found = []
    for name, path in modules().items():
        if name == CLIENT:
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SDK_CALL.search(line) or SDK_IMPORT.search(line):
                found.append(f"{path.relative_to(path.parents[1])}:{lineno}: {line.strip()}")
    assert not found, "Label Studio calls outside annotation/client.py:\n" + "\n".join(found)


def test_the_client_module_does_make_the_calls():
    """Guard against a vacuous pass: the pattern matches the calls where they are."""
    text = modules()[CLIENT].read_text(encoding="utf-8")
    assert len(SDK_CALL.findall(text)) >= 20 and SDK_IMPORT.search(text)
