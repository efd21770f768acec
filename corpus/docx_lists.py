"""Word's automatic list numbers as text: ``一、`` ``（一）`` ``1.`` where a .docx shows them.

A notice typed in Word or WPS often numbers its items with a numbering list instead of typed
characters. The number is then not in the paragraph's text (python-docx reads none), so a notice's
``一、``/``（一）`` structure vanished and its clauses ran together. :class:`ListNumbers` follows the
``numbering.xml`` definitions (a paragraph's own ``w:numPr`` or its style's) and counts in document
order, as Word does: counters per abstract list (separate ``w:num`` instances of one list continue
it unless one restarts it with ``w:startOverride``), a level's count restarting the levels below it.
Bullets and formats of no structural meaning give no text.
"""

from __future__ import annotations

#: the WordprocessingML namespace, as lxml spells a ``w:`` tag (shared with corpus.readers)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
#: the capital (大写) numerals of chineseLegalSimplified / ideographLegalTraditional, from _chinese's
_LEGAL = str.maketrans("零一二三四五六七八九十百", "零壹贰叁肆伍陆柒捌玖拾佰")
_LEGAL_TRADITIONAL = str.maketrans("零一二三四五六七八九十百", "零壹貳參肆伍陸柒捌玖拾佰")


def _chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (as ``一、`` numbering writes them)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = _DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_DIGITS[ones] if ones else "")


def _capital(n: int) -> str:
    """_chinese's numeral as the capitals write it: a leading ten is 壹拾 (one ten), never a bare 拾."""
    text = _chinese(n)
    return "一" + text if text.startswith("十") else text


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    # 壹、贰、 as Word shows them (a financial or legal numbering); read as 一、 it was another text than the page's
    "chineseLegalSimplified": lambda n: _capital(n).translate(_LEGAL),
    "ideographLegalTraditional": lambda n: _capital(n).translate(_LEGAL_TRADITIONAL),
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "ideographDigital": lambda n: "".join(_DIGITS[int(c)] for c in str(n)),
    "ideographTraditional": lambda n: _HEAVENLY[(n - 1) % 10],
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= 20 else str(n),
    # ⑴ and ⒈: one character each, which Word shows from a bare %1 (read as decimal they were a bare ``1 ``)
    "decimalEnclosedParen": lambda n: chr(0x2473 + n) if 0 < n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: chr(0x2487 + n) if 0 < n <= 20 else f"{n}.",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
}


def w_val(element, *path: str) -> str | None:
    """The ``w:val`` of the ``w:`` child at ``path`` (``w_val(p, "pPr", "pStyle")``), None where absent."""
    child = element.find("/".join(W + name for name in path)) if element is not None else None
    return child.get(W + "val") if child is not None else None


def w_on(element) -> bool:
    """Is an on/off property (``<w:vanish/>``, ``<w:isLgl w:val="0"/>``) present and on: ``w:val`` absent or true."""
    return element is not None and element.get(W + "val", "true") not in ("0", "false", "off")


class ListNumbers:
    """The list-number text of each paragraph of one document, counted in the order asked."""

    def __init__(self, document):
        # abstract id -> ilvl -> (start, format, text, legal: w:isLgl, every level's number in Arabic digits)
        self.levels: dict[str, dict[int, tuple[int, str, str, bool]]] = {}
        # abstract id -> ilvl -> the 0-based level whose use restarts it (w:lvlRestart), -1: never
        self.restarts: dict[str, dict[int, int]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract id, ilvl -> start override)
        self.num_levels: dict[str, dict[int, tuple[int, str, str, bool]]] = {}  # numId -> ilvl -> its own level
        self.style_num: dict[str, tuple[str | None, str | None]] = {}  # style id -> (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()  # numIds whose start override has been applied
        # the ids of the table-of-contents styles (toc 1 … toc 9): their paragraphs repeat the
        # headings with page numbers (readers.py skips them)
        self.toc_styles: set[str] = set()
        try:
            for style in document.styles.element.iterchildren(W + "style"):
                if (w_val(style, "name") or "").lower().startswith("toc "):
                    self.toc_styles.add(style.get(W + "styleId"))
        except (KeyError, NotImplementedError, AttributeError):
            pass
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # a document without numbering definitions
        for abstract in numbering.iterchildren(W + "abstractNum"):
            self.levels[abstract.get(W + "abstractNumId")] = self._levels(abstract)
            self.restarts[abstract.get(W + "abstractNumId")] = {
                int(lvl.get(W + "ilvl", "0")): int(v) - 1 for lvl in abstract.iterchildren(W + "lvl")
                if (v := w_val(lvl, "lvlRestart")) is not None and v.isdigit()}
        for num in numbering.iterchildren(W + "num"):
            overrides = {}
            for override in num.iterchildren(W + "lvlOverride"):
                start = w_val(override, "startOverride")
                if start is not None and start.lstrip("-").isdigit():
                    overrides[int(override.get(W + "ilvl", "0"))] = int(start)
            self.nums[num.get(W + "numId")] = (w_val(num, "abstractNumId"), overrides)
            # a level the num defines anew (w:lvlOverride/w:lvl: its format and text for this list only, as Word
            # writes one list restyled in place): shown instead of the abstract list's; read before, a （一） the num
            # set read as the abstract's 1. (formats16)
            redefined = {int(override.get(W + "ilvl", "0")): level for override in num.iterchildren(W + "lvlOverride")
                         for level in self._levels(override).values()}  # (the override's ilvl names the level)
            if redefined:
                self.num_levels[num.get(W + "numId")] = redefined
        styles = {s.get(W + "styleId"): s for s in document.styles.element.iterchildren(W + "style")}
        for style_id in styles:
            self.style_num[style_id] = self._style_numpr(styles, style_id)
        self._follow_list_styles(numbering, styles)

    def _follow_list_styles(self, numbering, styles: dict) -> None:
        """Send each num whose abstract list only names a list style (``w:numStyleLink``) to the list that
        style defines: the abstractNum whose ``w:styleLink`` names it, else the one the style's own ``w:numPr``
        uses. Counted there, every num of one list style goes on (or restarts, ``w:startOverride``) one count.

        Why: a list defined by a list style (Word's 定义新的列表样式, WPS's 多级编号) keeps its levels only in the
        style's abstractNum; the paragraphs' abstractNum holds the link alone, so their 一、/（一） read as nothing
        and the headings became bare phrases (formats16)."""
        defined = {w_val(a, "styleLink"): a.get(W + "abstractNumId")
                   for a in numbering.iterchildren(W + "abstractNum") if w_val(a, "styleLink")}
        linked = {a.get(W + "abstractNumId"): w_val(a, "numStyleLink")
                  for a in numbering.iterchildren(W + "abstractNum") if w_val(a, "numStyleLink")}
        for num_id, (abstract, overrides) in list(self.nums.items()):
            style = linked.get(abstract)
            if style is None:
                continue
            target = defined.get(style)
            if target is None:  # no abstractNum names the style back: the style's own num says which list
                style_num = self.style_num.get(style, (None, None))[0] if style in styles else None
                target = self.nums.get(style_num, (None, {}))[0]
            if target is not None and target not in linked:
                self.nums[num_id] = (target, overrides)

    @staticmethod
    def _levels(abstract) -> dict[int, tuple[int, str, str, bool]]:
        levels = {}
        for lvl in abstract.iterchildren(W + "lvl"):
            start = w_val(lvl, "start") or "1"
            levels[int(lvl.get(W + "ilvl", "0"))] = (int(start) if start.isdigit() else 1,
                                                     w_val(lvl, "numFmt") or "decimal", w_val(lvl, "lvlText") or "",
                                                     w_on(lvl.find(W + "isLgl")))
        return levels

    @staticmethod
    def _style_numpr(styles: dict, style_id: str) -> tuple[str | None, str | None]:
        """A style's numbering, inherited along ``basedOn`` (a heading style linked to a list)."""
        seen = set()
        while style_id in styles and style_id not in seen:
            seen.add(style_id)
            numpr = styles[style_id].find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                return w_val(numpr, "numId"), w_val(numpr, "ilvl")
            style_id = w_val(styles[style_id], "basedOn")
        return None, None

    def label(self, paragraph) -> str:
        """The list number of ``paragraph`` (a ``<w:p>``) as Word shows it (``一、``), counting it;
        ``""`` when it has none."""
        if not self.nums:
            return ""
        numpr = paragraph.find(f"{W}pPr/{W}numPr")
        num_id = ilvl = None
        if numpr is not None:
            num_id, ilvl = w_val(numpr, "numId"), w_val(numpr, "ilvl")
        style = w_val(paragraph.find(W + "pPr"), "pStyle")
        if style in self.style_num:
            style_num, style_ilvl = self.style_num[style]
            num_id = num_id or style_num
            ilvl = ilvl or style_ilvl
        if num_id is None or num_id not in self.nums:
            return ""  # numId 0 (numbering switched off) is never defined
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract)
        if num_id in self.num_levels:
            levels = {**(levels or {}), **self.num_levels[num_id]}
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        if not levels or level not in levels:
            return ""
        counts = self.counters.setdefault(abstract, {})
        if num_id not in self.started and overrides:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counts[lv] = start - 1  # a restarted list
        start, fmt, text, legal = levels[level]
        counts[level] = counts.get(level, start - 1) + 1
        restarts = self.restarts.get(abstract, {})
        for deeper in [lv for lv in counts if lv > level and level <= restarts.get(lv, lv - 1)]:
            # a level's count restarts the levels below it, unless their w:lvlRestart says otherwise: a
            # regulation numbers its 第X条 on across its 第X章 (lvlRestart 0: never restart), which
            # restarted at 第一条 in every chapter and split the rules into several documents
            del counts[deeper]
        if fmt in ("bullet", "none") or not text:
            return ""
        out = text
        for lv in range(level, -1, -1):  # %10 would not exist: nine levels, %1..%9
            if f"%{lv + 1}" in out:
                lv_start, lv_fmt, _, _ = levels.get(lv, (1, "decimal", "", False))
                n = counts.get(lv, lv_start)
                # w:isLgl (Word's 正规形式编号): the level shows every number in Arabic digits, a plan's 第一章's
                # sections 1.1, 1.1.1 (read as 一.1 they were no section numbers, all one chapter's clauses)
                out = out.replace(f"%{lv + 1}", _FORMATS.get("decimal" if legal else lv_fmt, str)(n))
        # ``%1`` alone (a plan's ``1 总则``) or ``%1.%2``: Word puts a tab before the text; a space here
        return out if out[-1:] in "、.．)）:：" else out + " "
