"""Traditional Chinese in, simplified Chinese out: a conversion step before cleaning.

Every pattern of the cleaner, segmenter and extractors (titles, ``号``, ``负责``, ``不少于`` …) is
written in simplified characters. A notice in traditional characters is converted to simplified
with OpenCC's ``t2s`` tables (``opencc-python-reimplemented``, pure Python, from PyPI) *before*
parsing, so it is segmented exactly like its simplified copy: same clauses, document number and
agencies. The converted text is what ``Document.text``, clause ``text`` and ``span`` then refer
to (``t2s`` maps character for character, so offsets line up with the original wherever the
conversion kept the length, which it does for ordinary notice text).

Detection is cheap and runs on every file (and every clause the extractors see): a text counts as traditional when at least 5 of its
characters, and 2% of its CJK characters, occur only in traditional script (the keys of OpenCC's
``TSCharacters`` table that are not also simplified forms). The 18 simplified corpus notices hold
none of them; the 2026 notice converted with ``s2t`` holds 1,666 of 5,482 characters.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIN_TRADITIONAL = 5
MIN_SHARE = 0.02
_CJK = re.compile(r"[\u4e00-\u9fff]")


SAMPLE = 20_000  # characters per window; long texts are judged on their start, middle and end


@functools.lru_cache(maxsize=1)
def _traditional_only() -> frozenset[str]:
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and key not in values.split(" "):
            chars.add(key)
    return frozenset(chars)


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """Does ``text`` read as traditional Chinese (enough traditional-only characters)?

    Costs a set intersection and a few ``str.count`` calls on at most three 20,000-character
    windows (a regex over a 4,000-character class is 100x slower), so it is cheap on every clause.
    """
    if len(text) > 3 * SAMPLE:
        mid = len(text) // 2
        text = text[:SAMPLE] + text[mid:mid + SAMPLE] + text[-SAMPLE:]
    found = set(text) & _traditional_only()
    n = sum(text.count(c) for c in found)
    if n < MIN_TRADITIONAL:
        return False
    return n >= MIN_SHARE * max(1, len(_CJK.findall(text)))


def to_simplified(text: str) -> tuple[str, bool]:
    """``(text in simplified characters, whether it was converted)``; simplified text is returned
    unchanged (the check costs one regex pass)."""
    if not is_traditional(text):
        return text, False
    return _converter().convert(text), True
