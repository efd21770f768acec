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

import re

HEADING_JOIN = " > "
INPUT_SEP = " ｜ "

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


#: numerals read digit by digit, as a year is written (二〇二七, 二零二七, and the look-alike ○)
_DIGIT_BY_DIGIT = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def cn_digits(s: str) -> int:
    """2027 from ``2027``, ``二〇二七``, ``二零二七`` or ``二○二七``: a number written digit by digit
    (a year), where :func:`cn_number` reads place values. ``s`` holds digits only (a pattern matched it)."""
    return int(s.translate(_DIGIT_BY_DIGIT))


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


# --- responsible-agency remarks (codebook rule 2: metadata, not a measure) ------------------------
# Real work plans end an item with who does it: ``（牵头单位：县应急管理局；责任单位：各乡镇）``,
# ``（责任单位：县交通运输局）``, ``（市应急局牵头，市公安局配合）``, ``（省应急厅等部门负责）``, or, after
# the last sentence, ``牵头单位：县应急管理局；配合单位：……``. The agency names in them hold cue
# words (``交通运输局``, ``应急管理局``) that say nothing about what the clause prescribes, so the
# matcher ignores hits inside them and the learners read the clause without them. Only the form is
# recognised (a key such as ``责任单位：`` or an agency list ending in ``牵头``/``负责``/``配合``), never
# particular agencies; the ASCII forms (``(`` ``:``) are accepted because copied pages often use them.
_OPEN, _CLOSE = "（(", "）)"
#: ``牵头单位`` ``责任单位`` ``牵头责任单位`` ``配合部门`` ``责任领导`` …, then a colon (also the segmenter's
#: key of the agencies a remark names, ``corpus.segment.RE_AGENCY_KEY``)
REMARK_KEY = (r"(?:牵头|主责|主办|责任|配合|协办|协助|协同|参与|实施|承办|督办|主管)(?:责任|负责)?"
               r"(?:单位|部门|领导|处室|科室|人)\s*[：:]")
#: a task's deadline key in a remark or after its sentence (``完成时限：`` ``时间节点：`` …): the segmenter keeps
#: a remark holding one in the clause, extraction reads the task before it as the deadline's action
DEADLINE_KEY = r"(?:(?:完成|办结|整改)?(?:时限|时间|期限)(?:要求)?|时间节点)\s*[：:]"
#: a bracket's content (one level of nested brackets allowed: ``县应急局（县安委办）``)
_BRACKET_BODY = rf"(?:[^{_OPEN}{_CLOSE}。]|[{_OPEN}][^{_OPEN}{_CLOSE}]{{0,30}}[{_CLOSE}]){{1,240}}?"
#: ``（…单位：…）``: a key first
_RE_KEYED = re.compile(rf"[{_OPEN}]\s*{REMARK_KEY}{_BRACKET_BODY}[{_CLOSE}]")
#: ``（市应急局牵头，市公安局、市交通运输局配合）`` / ``（省应急厅等部门按职责分工负责）``: agency
#: names and a role verb, nothing else (no ``要``/``应``: an instruction in brackets is text)
#: the role verbs a remark ends with (one list: the regex below and ``may_have_remark``'s scan)
_ROLE_WORDS = ("牵头", "负责", "配合", "参与", "协助", "协办", "落实", "实施")
ROLE = "(?:" + "|".join(_ROLE_WORDS) + ")"
_RE_ROLE = re.compile(rf"[{_OPEN}]\s*(?:由)?([^{_OPEN}{_CLOSE}。]{{2,160}}?{ROLE})[{_CLOSE}]")
#: every comma-separated part of the role form: agency names, then the role (``等部门按职责分工负责``)
_RE_ROLE_PART = re.compile(rf"[^，,；;]{{2,80}}?{ROLE}")
#: an instruction in brackets is text, not a remark
_RE_INSTRUCTION = re.compile(r"要(?!素)|应当|应该|必须|须|确保|不得|严禁")
#: an agency word the role form must contain (so ``（逐户负责）`` is not taken for a remark)
_RE_AGENCY_WORD = re.compile(r"局|厅|委|办|部|府|单位|中心|队|所|站|乡镇|街道|社区|公司|企业|集团")


def is_role_remark(body: str) -> bool:
    """Is a bracket's ``body`` a role remark (agency names and a role verb, no instruction)? The
    segmenter (corpus/segment.py) cuts such remarks from a notice's clauses with the same test."""
    return (not _RE_INSTRUCTION.search(body) and bool(_RE_AGENCY_WORD.search(body))
            and all(_RE_ROLE_PART.fullmatch(part.strip()) for part in re.split(r"[，,；;]", body)))


#: the key form after the clause's last sentence, unbracketed, to the end of the text
_RE_TRAILING = re.compile(rf"(?:(?<=[。；;])|^)\s*{REMARK_KEY}[^。]*。?\s*$")


def remark_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the responsible-agency remarks in ``text`` (codebook rule
    2), sorted and without overlaps; ``[]`` when there is none (the common case costs one scan for
    a bracket or a key)."""
    if not text or not may_have_remark(text):
        return []
    spans = [m.span() for m in _RE_KEYED.finditer(text)]
    spans += [m.span() for m in _RE_ROLE.finditer(text) if is_role_remark(m.group(1))]
    m = _RE_TRAILING.search(text)
    # (not from a ； inside a bracketed remark: （牵头单位：…；配合单位：…）年底前完成… would run on
    # over the sentence after the remark)
    if m and m.start() > 0 and not any(a < m.start() < b for a, b in spans):
        # a text that is only a remark stays as it is (nothing else to read)
        spans.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()))
    spans.sort()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def may_have_remark(text: str) -> bool:
    """What every remark has: a key's colon, or a role word right before a closing bracket (plain
    string scans: most clauses are ruled out at a fraction of one regex scan's cost)."""
    if "：" in text or ":" in text:
        return True
    for close in _CLOSE:
        i = text.find(close)
        while i != -1:
            if text[i - 2:i] in _ROLE_WORDS:
                return True
            i = text.find(close, i + 1)
    return False


#: what a remark's characters become in ``mask_remarks``: a full-width space (no cue contains it)
REMARK_FILL = "\u3000"


def _replace_remarks(text: str, fill: str) -> str | None:
    """``text`` with each remark replaced by ``fill`` repeated over its length (``""``: removed);
    None when it has no remark."""
    spans = remark_spans(text)
    if not spans:
        return None
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], fill * (b - a)]
        last = b
    parts.append(text[last:])
    return "".join(parts)


def mask_remarks(text: str) -> str:
    """``text`` with every remark character replaced by ``REMARK_FILL``: the same length, so spans
    found in the result are spans of ``text`` (what the cue/rule matcher reads)."""
    masked = _replace_remarks(text, REMARK_FILL)
    return text if masked is None else masked


def strip_remarks(text: str) -> str:
    """``text`` without its remarks (what the learned models read; trailing white space dropped)."""
    stripped = _replace_remarks(text, "")
    return text if stripped is None else stripped.rstrip()
