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
