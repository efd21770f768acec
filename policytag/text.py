"""Small text conventions shared by every layer: the heading separators and the Chinese-numeral
parser. One name per meaning, so a change here reaches every reader and writer.

Two separators, two meanings (they differ on purpose):

* ``HEADING_JOIN`` (``" > "``) joins a clause's heading path into one string a person reads: output
  rows, reports, Label Studio task data, evidence spans on the heading. A heading string read
  back (``Clause.from_row``) is split on it.
* ``INPUT_SEP`` (``" ｜ "``) ends the heading context in the text a *model* reads
  (``models.features.clause_input``: ``heading path joined by HEADING_JOIN + INPUT_SEP + text``).
  Trained models depend on it: changing it changes every model's input.
"""

from __future__ import annotations

HEADING_JOIN = " > "
INPUT_SEP = " ｜ "

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(s: str) -> int | None:
    """A Chinese numeral or a digit string -> int; ``None`` when ``s`` is not one.

    ``"6"`` -> 6, ``"十"`` -> 10, ``"十二"`` -> 12, ``"两"`` -> 2, ``"二十三"`` -> 23, ``"一百"`` -> 100,
    ``"一百零五"`` -> 105 (0-9999). Used by segmentation (``一、`` / ``（十二）`` headings) and by
    deadline/target extraction (``两年``, ``十二月``).
    """
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch.isdigit():  # a digit mixed in (``第1十条``, a typo a heading pattern still admits)
            current = current * 10 + int(ch)
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current
