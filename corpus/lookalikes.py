"""Characters of a fixed-layout text layer (PDF, OFD) that look like a CJK ideograph but are another code
point, folded to that ideograph: ``⼀、强化隐患排查`` read as ``一、强化隐患排查``.

Why: a PDF's text comes from its fonts' /ToUnicode maps, and some converters (and fonts whose one glyph serves
both) map a glyph to a Kangxi radical (⼀ U+2F00 for 一, ⼯ U+2F2F for 工, ⽉ U+2F49 for 月), to a simplified
radical of the CJK Radicals Supplement (⻋ U+2ECB for 车, ⻓ U+2ED3 for 长, ⺠ U+2EA0 for 民), or to a CJK
compatibility ideograph (年 U+F98E for 年). The page looks right; the text did not: ``⼀、`` is no heading, ``⽉``
no month, the title no title. None of them stands for itself in a notice. Folded: the Kangxi radicals by their
compatibility mapping (NFKC), the compatibility ideographs by their canonical one (NFC), and the supplement's
radicals that are the shape of a whole character by :data:`SUPPLEMENT` (Unicode gives most of them no mapping).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: CJK Radicals Supplement (U+2E80-U+2EFF) forms that print as a whole simplified (or plain) character, and
#: that character; the bound forms (氵, 亻, …) are left as they are
SUPPLEMENT = {"\u2e9f": "母", "\u2ea0": "民", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠",
              "\u2ec9": "贝", "\u2ecb": "车", "\u2ed0": "钅", "\u2ed3": "长", "\u2ed4": "门", "\u2ed8": "青",
              "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2ee2": "马",
              "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦",
              "\u2ee9": "黄", "\u2eec": "齐", "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟"}

_RANGES = ((0x2F00, 0x2FD5, "NFKC"), (0xF900, 0xFAFF, "NFC"), (0x2F800, 0x2FA1F, "NFC"))


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table = {ord(k): v for k, v in SUPPLEMENT.items()}
    for first, last, form in _RANGES:
        for cp in range(first, last + 1):
            folded = unicodedata.normalize(form, chr(cp))
            if folded != chr(cp) and len(folded) == 1:
                table[cp] = folded
    return table


_LOOKALIKE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def fold(text: str) -> str:
    """``text`` with each look-alike folded to its ideograph; a text without one is returned as it is (a scan,
    not a copy: most pages hold none)."""
    if not _LOOKALIKE.search(text):
        return text
    table = _table()
    # only the matches looked up: str.translate would look up every character of the page in the table
    return _LOOKALIKE.sub(lambda m: table.get(ord(m.group()), m.group()), text)


# --- an OCR engine's look-alikes in the number that opens a line ---------------------------------------------------
# Why: a scan's item numbers are the notice's structure; one misread digit made a section or an item plain text (its
# items under no heading, a clause ``-、压实安全责任``). Read only where a line opens with one: in mid-line the same
# characters are words, a minus, a letter.
#: a dash or a hyphen read for 一 before 、 (``-、压实安全责任``; ``ー`` the katakana mark, ``_`` an underline): nothing
#: else opens a line with a dash and 、
_DASH_ONE = re.compile("^[-\uff0d\u2010\u2011\u2012\u2013\u2014\u2015\u30fc\u2500_](?=、)")
#: an item's Arabic number with the letter l or a bar for its 1 (``（l）``, ``(1l)``, ``l.``, ``l、``), before a
#: character of the item's text; not ``I`` (a Roman numeral's item, ``（I）`` ``（II）``, reads as written) and never a
#: number of letters alone longer than one (``（ll）``: no number)
_L_NUMBER = re.compile(r"^([（(]?)((?:[\dl|]){1,2})(?=[）)]|[.．、](?![\dl|]))")
#: the check box ``□`` an OCR engine read as the ideograph 口 (``口 隐患排查台账``; a form's ``口是　口否``): a 口 at the
#: line's start or after a space and before a space and a word; a 口 inside a word (出入口, 口岸) is left
_BOX_MOUTH = re.compile(r"(?:^|(?<=\s))口(?=[ \u3000]+[\u4e00-\u9fff])")
_OPENS = frozenset("-\uff0d\u2010\u2011\u2012\u2013\u2014\u2015\u30fc\u2500_（(l|口")


_L_TO_ONE = str.maketrans("l|", "11")


def _misread_number(n: str) -> bool:
    """``n`` holds a look-alike and reads as a number: one character (``l``) or a digit beside it (``1l``)."""
    return not n.isdigit() and (len(n) == 1 or any(c.isdigit() for c in n))


def _ideograph(s: str, i: int) -> bool:
    return "\u4e00" <= s[i:i + 1] <= "\u9fff"


def ocr_item_number(line: str) -> str:
    """``line`` (stripped) with an OCR look-alike in its opening number read as the character it stands for:
    ``-、`` → ``一、``, ``（l）`` → ``（1）``, ``口 …`` → ``□ …``; any other line is returned as it is."""
    if not line or line[0] not in _OPENS:
        return line  # (most lines: no regex pass)
    line = _DASH_ONE.sub("一", line)
    if (m := _L_NUMBER.match(line)) and _misread_number(m.group(2)) and (m.group(1) or _ideograph(line, m.end() + 1)):
        line = f"{m.group(1)}{m.group(2).translate(_L_TO_ONE)}{line[m.end():]}"
    return _BOX_MOUTH.sub("\u25a1", line) if line[0] == "口" else line
