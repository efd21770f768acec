"""Read a notice file of any supported format into plain text (one job: bytes -> str).

Supported: ``.txt`` (UTF-8, UTF-8 with BOM, GB18030/GBK detected; a Markdown pipe table read as a
table), ``.html``/``.htm``/``.shtml``/``.xhtml`` (body text only), ``.mht``/``.mhtml`` (a web archive,
Word's "single file web page"), ``.docx`` (and ``.docm``/``.dotx``/``.dotm``, the same package), ``.pdf`` (text layer; scanned pages named in a warning,
fonts without a Unicode map refused), ``.rtf`` (striprtf), ``.doc``/``.wps``/``.wpt`` (Word 97-2003
binary, ``corpus.oldword``), ``.ofd`` (``corpus.ofd``, then the PDF line logic), ``.xlsx`` (openpyxl:
each visible sheet's title rows, then its table), ``.xls``/``.et`` (xlrd, read so too), ``.odt`` (content.xml walked
with lxml, read as a .docx), ``.eml`` and ``.msg`` (a mail, Outlook's read by ``corpus.msg``: each attachment read as its own
file, named ``x.eml!name``, an attached zip's members ``x.eml!a.zip!member``, a mail attached to an Outlook mail
``x.msg!subject.msg!name``, else its text; Outlook's compressed RTF text decompressed by ``compressed_rtf``) and ``.zip`` (a zip of attachments: each member read as its own file, named ``x.zip!member``); tables in .docx, .doc, .rtf, .xlsx and HTML as rows
(``corpus.tables``). A file is read as what its bytes say it is (a ``.doc`` that is a
.docx, a Word web page or a web archive, a ``.pdf`` that is a .doc or an .ofd, is read); a file that
cannot be read (a scanned PDF or OFD, an encrypted .doc, a WPS 2000 file, an encrypted workbook) gets
a reason saying what to do. Every failure raises :class:`ReadError` with a one-line reason that names the file; a file
that reads but loses something (scanned pages) gets one warning line on stderr (:func:`warn`).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from policytag import PolicytagError

from .clean import (CLOSERS, RE_ATTACHMENT, RE_DATE, RE_META, RE_OCR_PAGE_NUM, RE_PAGE_NUM, RE_PAGE_OF, RE_TITLE, classify,
                    heading_level, title_like)
from .docx_lists import W, ListNumbers, w_on, w_val
from .lookalikes import fold as fold_lookalikes
from .oldword import SLIDES
from .tables import Cell, aligned_table, copied_tables, is_layout, table_lines, task_header
from .tables import header as tables_header

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml", ".docx", ".pdf", ".doc", ".wps",
                      ".wpt", ".ofd", ".rtf", ".odt", ".xlsx", ".xls", ".et", ".eml", ".msg", ".docm", ".dotx", ".dotm", ".zip")
#: what a refusal adds so that a user with a folder of downloads learns what to convert to
_FORMATS_READ = f"the formats read are {', '.join(SUPPORTED_SUFFIXES)}"


class ReadError(PolicytagError):
    """A file could not be turned into notice text."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


# everything that is not CJK, printable ASCII, common CJK/full-width punctuation or whitespace
_UNREADABLE = re.compile("[^\\s -~\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…·•、]")


# In a text that decoded as strict UTF-8 (random bytes seldom do), only what no writer types: control characters,
# Latin-1 letters (a GBK or UTF-8 text once read as Latin-1 and saved again: ``ä¸­æ–‡``), private-use codes and
# U+FFFD. An autonomous region's bilingual notice (Tibetan, Uyghur, Mongolian, Korean, Yi), a flowchart in box
# characters or a checklist full of ①/☐/℃ is text; the narrow ``_UNREADABLE`` stays for the GB18030 and Big5 tries,
# whose wrong decodings are exactly kana, Greek and box drawing (``_TEXT_ENCODINGS``).
_UNREADABLE_UTF8 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
                              "\ue000-\uf8ff\ufffd]")


def _readable_ratio(text: str, unreadable: re.Pattern = _UNREADABLE) -> float:
    """Share of characters ``unreadable`` does not match (by default: CJK, ASCII printable, common punctuation
    or whitespace)."""
    if not text:
        return 0.0
    return 1.0 - len(unreadable.findall(text)) / len(text)


#: what a text without a BOM is tried as, in order: UTF-8, GB18030 (a superset of GBK/GB2312), then Big5 as
#: Windows writes it in Taiwan, Hong Kong and Macao (cp950; HKSCS's extra characters in big5hkscs).
#: Big5 last: each Big5 byte pair is a valid GBK pair too, so GB18030 decodes any Big5 text, into kana,
#: Greek, box drawing and private-use codes (GBK's rows A4-AF, Big5's commonest characters) that fail
#: the readable-ratio check; a GBK text is read as GB18030 before Big5 is tried, as it was before.
_TEXT_ENCODINGS = ("utf-8", "gb18030", "cp950", "big5hkscs")


_GB18030_BOM = b"\x84\x31\x95\x33"


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode text bytes: BOM, then strict UTF-8, then GB18030, then Big5 (``_TEXT_ENCODINGS``); traditional
    characters are made simplified later, as any text's are (``corpus.script``)."""
    if not data.strip():
        raise ReadError(path, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(_GB18030_BOM):
        # GB18030's own byte-order mark (U+FEFF's four bytes in it), as some editors save it: decoded, it stayed a
        # U+FEFF before the title
        return data[len(_GB18030_BOM):].decode("gb18030", errors="replace")
    if (encoding := _utf16_without_bom(data)) is not None:
        return data.decode(encoding, errors="replace")
    data = _without_stray_nuls(data)
    if _looks_binary(data):
        raise ReadError(path, "binary file, not text")
    for encoding in _TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            if encoding == "utf-8":
                _check_not_mixed(data, path)
            continue
        if _readable_ratio(text, _UNREADABLE_UTF8 if encoding == "utf-8" else _UNREADABLE) > 0.9:
            return text
    raise ReadError(path, "unreadable text encoding (not UTF-8, GB18030/GBK or Big5)")


def _without_stray_nuls(data: bytes) -> bytes:
    """``data`` without NUL bytes that are no part of its text: the padding an export or a disk image leaves
    after the text (a file filled up to its block), and a stray NUL or two inside it (one in place of a line
    break's ``\n``, as a damaged copy has it). Only checked once UTF-16 (whose ASCII characters each hold a NUL)
    is ruled out; a binary file has NULs throughout, more than one in a thousand bytes, and stays binary."""
    if b"\x00" not in data[:8192] and not data.endswith(b"\x00"):
        return data
    text = data.rstrip(b"\x00")
    if text.count(b"\x00") <= len(text) // 1000 + 1:
        return text.replace(b"\x00", b"")
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for UTF-16 text saved without its byte-order mark (some converters and
    exports from Java or .NET tools write it so), else None. Such text has a NUL byte in each
    character's high byte wherever it is ASCII (line breaks, digits, the indent's spaces) and, being
    Chinese, decodes to mostly CJK characters; a binary file does neither.

    The ASCII may be a tenth of the characters, or fewer where half the text decodes to Chinese characters: a
    notice's paragraphs run 80-300 characters between line breaks, so its ASCII is 1-3 % (such a file was refused as
    ``binary file, not text``). Text the other byte order, GBK or UTF-8 decodes as UTF-16 is rare characters (Hangul,
    private-use codes, other scripts) that fail the readable-ratio check, and GBK and UTF-8 hold no NUL byte."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if not zeros.count(0):
            continue  # no ASCII character at all: no line break, nothing to tell UTF-16 by
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if (_readable_ratio(text) > 0.95 and "\x00" not in text
                and (zeros.count(0) * 10 >= len(zeros) or len(_CJK.findall(text)) * 2 >= len(text))):
            return encoding
    return None


_UTF8_CJK_LINE = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){3}")


def _check_not_mixed(data: bytes, path: str | Path) -> None:
    """A file that is not valid UTF-8 as a whole but has whole lines of UTF-8 Chinese is a mix of
    encodings (say a UTF-8 notice with a GBK paragraph pasted in); decoding it as GB18030 would
    turn the UTF-8 part into plausible-looking nonsense, so refuse it. GBK text almost never forms
    three valid UTF-8 CJK characters in a row, so one such line is evidence enough."""
    utf8_line = bad_line = None
    for lineno, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_line = bad_line or lineno
            continue
        if _UTF8_CJK_LINE.search(line):
            utf8_line = utf8_line or lineno
        if utf8_line and bad_line:
            break
    if utf8_line and bad_line:
        raise ReadError(path, f"mixed text encodings: line {utf8_line} is UTF-8 but line {bad_line} is not; "
                              "convert the file to one encoding (UTF-8)")


def read_txt(path: Path) -> str:
    return plain_text(decode_bytes(path.read_bytes(), path))


def plain_text(text: str) -> str:
    """Typed text read as a .txt is: a portal's info lines, a PDF copy's running lines, typed tables as rows.
    Shared by the readers of text that is no file of its own (a mail's plain-text body). Line ends are made
    ``\n`` first: a file saved on an old Mac or by some exports ends its lines with ``\r`` alone (or mixes the
    three), which every step after splits on ``\n`` and would read as one line (its tab-typed table one run)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _typed_tables(_text_copy_pages(_text_info_lines(text)))


def _typed_tables(text: str) -> str:
    """``text`` with each task table typed or pasted as lines read as rows (``corpus.tables``): cells
    apart by tabs (``_tab_tables``), one cell per line, or one row per line with its cells apart by
    spaces (``copied_tables``). The text readers' reading, shared by the word processors' readers:
    in a .docx or .doc such a table is one paragraph per row or per cell. A Markdown pipe table
    (``_pipe_tables``) is read first."""
    text = _pipe_tables(text) if "|" in text else text
    return copied_tables(_tab_tables(text) if "\t" in text else text)


def _text_copy_pages(text: str) -> str:
    """A text copy of a PDF (a .txt saved from it, a web page pasted from it) without its running
    header and footer: cut into pages after each page mark (``- 3 -``, ``第 3 页 共 8 页``, a scan's OCR'd
    ``一 3 一``: ``_PAGE_MARK``; a bare number could be a table's 序号), each page's edges peeled as a PDF's are
    (:func:`_drop_running_lines`). The cleaner takes an organ's name beside a page number for a page
    mark, but a header of two lines (the organ over the document number, a gazette's name over its
    issue) stayed: its document number read as a new notice's head, its lines cut paragraphs in two."""
    if "页" not in text and not re.search(r"[-—–－一]\s*\d", text):
        return text
    lines = text.split("\n")
    marks = [i for i, line in enumerate(lines) if line.strip() and not line.strip().isdigit() and _PAGE_MARK.match(line)]
    if len(marks) < 2:
        return text
    cuts = [0] + [i + 1 for i in marks] + [len(lines)]
    pages = ["\n".join(lines[a:b]) for a, b in zip(cuts, cuts[1:])]
    return "\n".join(_drop_running_lines(pages))


#: a page's number as a page prints it (``- 3 -``, ``第 3 页 共 8 页``, ``·3·``), or as OCR reads a scan's ``— 3 —``
#: (``一 3 一``: its dashes read as 一, which the cleaner takes for a page mark too); one pattern, one match per line
_PAGE_MARK = re.compile("|".join(f"(?:{p.pattern})" for p in (RE_PAGE_NUM, RE_PAGE_OF, RE_OCR_PAGE_NUM)))


def _page_mark(line: str) -> bool:
    """Is ``line`` a page mark (``_PAGE_MARK``)?"""
    return _PAGE_MARK.match(line) is not None


def _tab_tables(text: str) -> str:
    """A task table pasted into a text file (cells separated by tabs, one row per line, as Word and
    WPS copy a table) read as rows like a .docx table (``corpus.tables``). Only a run of tabbed lines
    that opens with a task-table header is touched: other tabs (``一、<tab>标题`` from a copied
    list) stay as they are. A merged 类别 cell pastes as its text on the first row and empty cells
    below it, so an empty category cell takes the category above."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j, tabs = i, lines[i].count("\t")
        while j < len(lines) and tabs and lines[j].count("\t") == tabs:  # a table's rows have its columns
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        grid = _pasted_grid([[(c.strip(),) for c in line.split("\t")] for line in lines[i:j]])
        found = tables_header(grid)
        if found is not None and found[0] == 0:
            _fill_categories(grid, found)
            out.extend(table_lines(grid))
        elif _numbered_table(grid):
            out.extend(table_lines(grid[1:]))  # its header's words (序号；检查领域；…) say nothing
        else:
            out.extend(lines[i:j])
        i = j
    return "\n".join(out)


def _numbered_table(grid: list[list[Cell]]) -> bool:
    """Is a tabbed run a table of numbered rows under a ``序号`` header (``序号⇥检查领域⇥…`` over
    ``1⇥危险化学品⇥…``, ``2⇥…``), though no task table (no task, agency or deadline column)? Read
    one line per row, cells joined by ``；`` as any other table's; before, its rows ran together into
    one paragraph (the header row, no clause, is left out).
    Only rows numbered 1, 2, 3 … in order count, so a copied list's ``一、⇥标题`` stays text."""
    if len(grid) < 3 or re.sub(r"\s+", "", grid[0][0].text) not in ("序号", "编号"):
        return False
    return all(row[0].text == str(n) for n, row in enumerate(grid[1:], start=1))


def _pasted_grid(rows: list[list[tuple[str, ...]]]) -> list[list[Cell]]:
    """Rows of cells (each its lines) typed or pasted as text, as a grid of :class:`Cell`, short rows
    padded with empty cells."""
    width = max(len(r) for r in rows)
    return [[Cell(object(), tuple(ln for ln in c if ln)) for c in r + [()] * (width - len(r))] for r in rows]


def _fill_categories(grid: list[list[Cell]], found) -> None:
    """An empty cell of a task table's 类别 column takes the category above it: a merged cell pasted
    or typed as text keeps its text on its first row only (``found``: tables.header's reading)."""
    if found[0] != 0:
        return
    for col, (role, _) in enumerate(found[1]):
        if role == "category":
            for r in range(2, len(grid)):
                if not grid[r][col].lines:
                    grid[r][col] = grid[r - 1][col]


def _pipe_tables(text: str) -> str:
    """Markdown pipe tables (``| 序号 | 任务 | 责任单位 |`` over a ``|---|---|---|`` row, as notices
    converted to Markdown or typed in a Markdown editor have them) read as a .docx's tables: a task
    table one clause per task, any other one line per row. Only a header line followed by a
    delimiter row of as many cells is a table; a line with a ``|`` elsewhere stays as it is."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = _pipe_cells(lines[i]) if "|" in lines[i] else []
        if not (header and i + 1 < len(lines) and _pipe_delimiter(lines[i + 1], len(header))):
            out.append(lines[i])
            i += 1
            continue
        j = i + 2
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            j += 1
        grid = _pasted_grid([header, *(_pipe_cells(line) for line in lines[i + 2:j])])
        found = tables_header(grid)
        if found:
            _fill_categories(grid, found)
        out.extend(_grid_lines(grid))
        i = j
    return "\n".join(out)


def _pipe_cells(line: str) -> list[tuple[str, ...]]:
    """A pipe table row's cells, each its lines (a ``<br>`` in a cell breaks it); the outer pipes
    are optional and ``\\|`` is a pipe in a cell, as in GitHub's Markdown."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    cells = re.split(r"(?<!\\)\|", row)
    return [tuple(part.strip() for part in re.split(r"<br\s*/?>", cell.replace("\\|", "|"), flags=re.I))
            for cell in cells]


def _pipe_delimiter(line: str, width: int) -> bool:
    """Is ``line`` a pipe table's delimiter row (``|---|:---:|``) of ``width`` cells?"""
    cells = _pipe_cells(line)
    return len(cells) == width and all(re.fullmatch(r":?-+:?", "".join(cell)) for cell in cells)


def read_html(path: Path) -> str:
    """Body text of a (government) web page: scripts, styles, navigation and forms removed; a frame's page saved
    beside it (a page saved "complete") read in place (:func:`_saved_frames`)."""
    return _html_text(path.read_bytes(), path, folder=path.parent)


def read_mht(path: Path) -> str:
    """A web archive (``.mht``/``.mhtml``, RFC 2557): the text of the page it packs, read as a web page.

    Why: office (OA) systems export a notice as Word's "single file web page" (often named ``.doc``),
    and browsers save a page with its pictures so; the page sits quoted-printable or base64 encoded
    in a MIME part, which no other reader here decodes."""
    found = _mht_page(path.read_bytes())
    if found is None:
        raise ReadError(path, "a web archive (MHT) holding no web page")
    return _html_text(found[0], path, charset=found[1])


def _mht_page(data: bytes) -> tuple[bytes, str | None] | None:
    """(the bytes, the charset its part declares) of the first text/html part of a MIME archive, or
    None. The standard library's email parser decodes the part (quoted-printable, base64). A page whose
    frames' pages or style sheets the archive holds too comes back with them in place (:func:`_mht_framed`)."""
    import email

    parts = [piece for piece in email.message_from_bytes(data).walk() if not piece.is_multipart()]
    pages = [piece for piece in parts if piece.get_content_type() == "text/html"]
    if not pages:
        return None
    raw, charset = pages[0].get_payload(decode=True) or b"", pages[0].get_content_charset()
    if ((len(pages) > 1 and re.search(rb"<i?frame\b", raw, re.I))
            or (any(piece.get_content_type() == "text/css" for piece in parts) and re.search(rb"<link\b", raw, re.I))):
        return _mht_framed(pages[0], parts).encode("utf-8"), "utf-8"
    return raw, charset


#: how deep frames inside frames are filled in from a web archive (a portal's frame holding the notice's frame)
_MHT_FRAME_DEPTH = 3


def _mht_framed(first, parts: list) -> str:
    """The archive's page ``first`` (``parts``: all its MIME parts) with each ``<iframe>``/``<frame>`` whose page the
    archive holds (its ``src`` resolved against the page's ``Content-Location``, or a ``cid:``) replaced by that page's
    body, as a browser shows it in place, and each ``<link rel="stylesheet">`` whose sheet it holds replaced by a
    ``<style>`` of that sheet (read with the page's own, :func:`_inline_sheet_styles`).

    Why: IE and Edge save a page with its frames as one .mht, each frame's page a part of its own; a portal that
    frames the notice's body (``<iframe src="content.htm">``) read as its menu alone (the first part). Chrome's
    .mhtml keeps the page's sheets as parts: a notice its sheet shows as typed read as one line."""
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    by_ref = {}
    for piece in parts:
        if piece.get("Content-Location"):
            by_ref.setdefault(piece["Content-Location"].strip(), piece)
        if piece.get("Content-ID"):
            by_ref.setdefault("cid:" + piece["Content-ID"].strip().strip("<>"), piece)

    def part(base: str, href: str, kind: str):
        piece = by_ref.get(href.strip() if href.strip().startswith("cid:") else urljoin(base, href.strip()))
        return piece if piece is not None and piece.get_content_type() == kind else None

    def soup_of(piece):
        raw = piece.get_payload(decode=True) or b""
        soup = BeautifulSoup(_html_source(raw, Path("<mht>"), piece.get_content_charset()), "lxml")
        for link in soup.find_all("link", href=True):
            sheet = part(piece.get("Content-Location", "").strip(), link["href"], "text/css")
            if sheet is None or not _style_sheet_link(link):
                continue
            try:
                text = decode_bytes(sheet.get_payload(decode=True) or b"", Path("<mht>"))
            except ReadError:
                continue  # an empty sheet shows nothing
            style = soup.new_tag("style", attrs={"media": link["media"]} if link.get("media") else {})
            style.string = text
            link.replace_with(style)
        return soup

    def fill(soup, base: str, depth: int, used: set[int]) -> None:
        for frame in soup.find_all(["iframe", "frame"], src=True):
            piece = part(base, frame["src"], "text/html")
            if piece is None or id(piece) in used or depth >= _MHT_FRAME_DEPTH:
                continue
            used.add(id(piece))
            inner = soup_of(piece)
            fill(inner, piece.get("Content-Location", "").strip(), depth + 1, used)
            _in_place(soup, frame, inner)

    outer = soup_of(first)
    fill(outer, first.get("Content-Location", "").strip(), 0, {id(first)})
    return str(outer)


def _html_text(data: bytes, path: Path, whole_page: bool = True, charset: str | None = None,
               folder: Path | None = None) -> str:
    """``whole_page``: a web page of its own, which must hold the notice's text (False: a piece of
    a .docx, see ``_docx_alt_chunk``). ``charset``: the one its container declares (a web archive's
    part), which like an HTTP header outranks the page's own ``<meta>``. ``folder``: where the page lies
    on disk (its saved frames' pages are read from there)."""
    from bs4 import BeautifulSoup

    if not data.strip():
        raise ReadError(path, "empty file")
    soup = BeautifulSoup(_html_source(data, path, charset), "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    article_title = (soup.find("meta", attrs={"name": re.compile(r"^ArticleTitle$", re.I)})
                     or soup.find("meta", attrs={"property": "og:title"}))
    # a notice shown in an embedded viewer (<iframe>/<embed>/<object> of its .pdf): named if the page
    # holds no text of its own
    _inline_frames(soup)
    if folder is not None:
        _saved_frames(soup, folder)
    embedded = [t.get("src") or t.get("data") or "" for t in soup.find_all(["iframe", "embed", "object"])]
    frames = [t["src"] for t in soup.find_all(["iframe", "frame"], src=True)]  # those whose page is not here
    redirect, scripted = _redirect_target(soup), _scripted_text(soup)  # (read before the scripts go)
    _inline_sheet_styles(soup, folder)
    _drop_hidden_inline(soup)
    _keep_form_text_boxes(soup)
    # (the <title>, read above, goes too: a frameset page has no <body>, and read whole it was the first line)
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "title"]):
        tag.decompose()
    page = soup.body or soup
    _drop_link_boxes(page)
    body = page
    # Government pages put the notice in one container; prefer the largest text block when marked.
    candidates = page.select(_CONTENT)
    if candidates:
        body = _content_container(candidates)
    else:
        _drop_layout_menus(page)
    _html_tables(soup, body)
    lines = _without_site_footer(_without_chrome(_block_lines(body)))
    if whole_page:
        _check_notice_on_page(path, body, lines, embedded, frames, redirect, scripted)
    if body is not page:
        lines = _outside_container(page, body, lines, page_title,
                                   article_title.get("content", "") if article_title else "") + lines
    elif whole_page:
        lines = _headline_from_head(page, lines, page_title,
                                    article_title.get("content", "") if article_title else "")
    # a page pasted from a PDF keeps its page marks and running lines; a task table pasted into it as
    # one paragraph per cell
    return copied_tables(_text_copy_pages("\n".join(lines)))


#: Western single-byte labels an old site template declares by default (``iso-8859-1``, which browsers read as
#: windows-1252, ``ascii``) while its server sends GBK or UTF-8 pages: decoded as labelled, a notice was Latin-1 letters
#: (``½­ÏØ…``) and refused as no notice. Such a page is read as its bytes read (:func:`decode_bytes`) where they do.
_WESTERN_LABELS = frozenset(("iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
                             "us-ascii", "ascii"))


def _html_source(data: bytes, path: Path, charset: str | None = None) -> str:
    """A page's bytes decoded: by ``charset`` (its container's), else its ``<meta>``'s, else as text is
    (:func:`decode_bytes`); GB2312/GBK read as GB18030, their superset; a Western label (``_WESTERN_LABELS``) only
    where the bytes read as no Chinese encoding."""
    head = data[:4096].decode("ascii", errors="ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    encoding = (charset or (m.group(1) if m else "")).lower() or None
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"
    if encoding in _WESTERN_LABELS and not data.isascii():
        try:
            return decode_bytes(data, path)  # UTF-8, GB18030 or Big5 where the bytes read as one
        except ReadError:
            pass  # a page in a Western language after all: as labelled
    try:
        return data.decode(encoding) if encoding else decode_bytes(data, path)
    except (LookupError, UnicodeDecodeError):
        return decode_bytes(data, path)


def _in_place(soup, frame, inner, folder: Path | None = None) -> None:
    """``frame`` (an ``<iframe>``/``<frame>`` of ``soup``) replaced by the body of the page ``inner`` it shows, as a
    browser shows it in place (a srcdoc's page, a web archive's part, a saved frame's file). The frame's page's own
    style sheets (its ``<head>``'s, left behind with it; ``folder``: where its linked sheets lie) are written into its
    elements first: a framed notice shown as typed by them read as one line."""
    _inline_sheet_styles(inner, folder)
    held = soup.new_tag("div")
    for child in list((inner.body or inner).contents):
        held.append(child.extract())
    frame.replace_with(held)


def _inline_frames(soup) -> None:
    """Each ``<iframe srcdoc="…">`` replaced by the page it holds, as a browser shows it in place.

    Why: a site that frames the notice's body keeps it, HTML escaped, in the frame's ``srcdoc``; frames
    are dropped with scripts and styles, so such a page read as its menu (title 首页 通知公告, no clause)."""
    from bs4 import BeautifulSoup

    for frame in soup.find_all("iframe", srcdoc=True):
        _in_place(soup, frame, BeautifulSoup(frame["srcdoc"], "lxml"))


#: the largest frame page read from beside a saved page (a notice's page is some 100 kB; more is no page of text)
_SAVED_FRAME_BYTES = 20 << 20
_WEB_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


def _saved_frames(soup, folder: Path, depth: int = 0) -> None:
    """Each ``<iframe>``/``<frame>`` whose ``src`` is a web page saved beside the page (a relative path inside the page's
    own folder, ``通知_files/content.html``) replaced by that page's body, as a browser shows it in place.

    Why: a browser saving a page "complete" (网页，全部) writes each frame's page into the page's ``_files`` folder; a
    portal that frames the notice's body read as its menu alone. Only a relative path to an .html/.htm file under the
    page's folder is followed (never ``..``, an absolute path or a URL), a frame's frames two levels deep at most."""
    from bs4 import BeautifulSoup

    for frame in soup.find_all(["iframe", "frame"], src=True):
        target = _beside_page(folder, frame["src"], _WEB_PAGE_SUFFIXES, _SAVED_FRAME_BYTES) if depth < 2 else None
        if target is None:
            continue
        inner = BeautifulSoup(_html_source(target.read_bytes(), target), "lxml")
        _saved_frames(inner, target.parent, depth + 1)
        _in_place(soup, frame, inner, target.parent)


def _saved_page_resource(path: Path, top: Path) -> bool:
    """Is ``path`` (a file found under the folder ``top``) inside a ``<name>_files`` folder a browser saved beside the
    page ``<name>.htm(l)`` (its frames' pages, read with the page: :func:`_saved_frames`)? Why: read again on their
    own, a folder of saved pages read each framed notice twice."""
    for inner in path.relative_to(top).parents:
        folder = top / inner
        if folder.name.endswith("_files") and any(
                folder.with_name(folder.name[:-len("_files")] + suffix).is_file() for suffix in _WEB_PAGE_SUFFIXES):
            return True
    return False


# A page's own controls that CMSs put inside the content container, above or below the notice:
# 【字体：大 中 小】【打印本页】【关闭窗口】, 分享到：, 扫一扫在手机打开当前页. Read as text they made a
# clause, or split the notice in two (a 发布时间 line full of them read as a new notice's head).
_CHROME_WORD = r"(?:字体\s*[:：]?\s*[大中小]\s*[大中小]?\s*[大中小]?|打印(?:本页|此页|本文|正文)?|关闭(?:窗口|本页|此页)?|收藏(?:本页)?|" \
               r"返回顶部|分享到\s*[:：]?|扫一扫在手机(?:上)?打开(?:当前页|本页)?|纠错|视力保护色|背景色)"
_CHROME_BRACKETED = re.compile(rf"[【\[]\s*{_CHROME_WORD}\s*[】\]]")
_CHROME_LINE = re.compile(rf"^(?:\s*[【\[]?\s*{_CHROME_WORD}\s*[】\]]?\s*)+$")


#: the heading of a box of links to other pages (相关文章, 相关链接, …) and the links to the notices
#: before and after this one (上一篇：…): the links' titles are other notices' titles
_RELATED_HEAD = re.compile(r"^(?:相关(?:文章|链接|新闻|阅读|信息|文件|稿件|资讯|政策)|推荐阅读|延伸阅读|热点推荐|热门文章|"
                           r"猜你喜欢)\s*[:：]?\s*(?:更多\s*[>》]*)?$")
_NEIGHBOUR = re.compile(r"^\s*[上下]一(?:篇|条|页)\s*[:：]?")


def _drop_link_boxes(page) -> None:
    """Remove the boxes of links a CMS sets beside or under the notice: a heading such as 相关文章
    with the lists of links after it, and the 上一篇：/下一篇： links.

    Why: on a page whose content container no CMS name in ``_CONTENT`` finds, the whole page is
    read, and these links' titles (柘川县人民政府办公室关于做好防汛工作的通知) read as a second notice's
    head, taking the footer with them as its clauses. Only blocks holding nothing but links (and
    the heading or 上一篇： words) go."""
    for text in page.find_all(string=lambda s: _RELATED_HEAD.match(s.strip()) is not None):
        head = _own_block(text)
        if head is None or head.parent is None or not _RELATED_HEAD.match(_text_outside_links(head)):
            continue
        for sibling in head.find_next_siblings():
            if not _links_only(sibling):
                break
            sibling.decompose()
        head.decompose()
    for text in page.find_all(string=_NEIGHBOUR):
        block = _own_block(text)
        if block is not None and block.parent is not None and _links_only(block, _NEIGHBOUR):
            block.decompose()


def _own_block(text):
    """The nearest block element (``_BLOCK_TAGS``) around a string, or None."""
    return next((tag for tag in text.parents if tag.name in _BLOCK_TAGS), None)


def _text_outside_links(tag) -> str:
    return "".join(s for s in tag.find_all(string=True) if s.find_parent("a") is None).strip()


def _links_only(tag, prefix: re.Pattern | None = None) -> bool:
    """Does ``tag`` hold links and, outside them, no words but punctuation (and ``prefix``)?"""
    if tag.find("a") is None:
        return False
    rest = _text_outside_links(tag)
    if prefix is not None:
        rest = prefix.sub("", rest)
    return not re.search(r"[\w\u4e00-\u9fff]", rest)


#: a government site's footer: its registration marks (网站标识码, ICP备案, 公网安备), which no notice
#: carries, and the lines a footer holds beside them (主办单位, 承办, 技术支持, 地址, 电话, …)
_REGISTRATION = re.compile(r"网站标识码|ICP\s*[备证]|公网安备|版权所有|copyright|©", re.I)
_FOOTER_LINE = re.compile(r"^(?:主办|承办|协办|技术支持|运行维护|运维|维护|联系我们|网站地图|地址|电话|邮编|传真|邮箱|e-?mail|"
                          r"建议使用|推荐使用|本站|您是本站第)", re.I)


def _without_site_footer(lines: list[str]) -> list[str]:
    """``lines`` without the site footer that closes them: the run of footer lines at the end
    (``_FOOTER_LINE`` or ``_REGISTRATION``), only where one of them holds a registration mark.

    Why: on a page whose content container is not found, the footer (主办单位：柘川县人民政府办公室,
    网站标识码…, 中岳ICP备…) read as the notice's last clauses."""
    start = len(lines)
    while start and (_REGISTRATION.search(lines[start - 1]) or _FOOTER_LINE.match(lines[start - 1])):
        start -= 1
    if any(_REGISTRATION.search(line) for line in lines[start:]):
        return lines[:start]
    return lines


# the page's information line a CMS sets over the notice (发布时间：… 来源：… 浏览次数：…)
_INFO_KEY = re.compile(r"(发布时间|发布日期|发布于|来源|信息来源|文章来源|浏览次数|浏览量|访问次数|访问量|点击数|点击量|点击率|"
                       r"阅读次数|阅读量|作者|编辑|责任编辑|字号)\s*[:：]")
#: a date in a page's info line (``2027-04-12``, ``2027年4月12日``), and a 来源 that names an organ (Chinese only: no site
#: address, no ``本站`` with a link); segment reads a pasted info line with them too
INFO_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")
INFO_ORGAN = re.compile(r"[\u4e00-\u9fff（）]{2,40}")


def info_fields(line: str, keys: re.Pattern) -> list[tuple[str, str]]:
    """(key, value) of each of ``keys`` (group 1: the key word) in a page's info line, in order, each value running to
    the next key (``发布时间：2027-04-12 10:35　来源：澜川县应急管理局`` -> 发布时间 ``2027-04-12 10:35``, 来源 ``澜川县应急管理局``)."""
    found = list(keys.finditer(line))
    return [(m.group(1), line[m.end():found[k + 1].start() if k + 1 < len(found) else len(line)].strip(" \t\u3000】]"))
            for k, m in enumerate(found)]


def _without_chrome(lines: list[str]) -> list[str]:
    """``lines`` without the page controls (``_CHROME_WORD``): a line of nothing else goes, a control in
    brackets goes from the line it shares (``发布时间：2027-06-01 【打印本页】``). The page's information
    line (``_INFO_KEY`` pairs alone) becomes its publication date as the cleaner reads metadata
    (``发布日期：2027-06-01``), or goes: inside the content container, its 发布时间 and 来源 were read as
    the notice's text, and as a new notice starting at the line after it."""
    out = []
    for line in lines:
        if _CHROME_LINE.match(line):
            continue
        line = _CHROME_BRACKETED.sub("", line).strip() if "【" in line or "[" in line else line
        if _INFO_KEY.match(line):
            line = _info_line(line)
        if line:
            out.append(line)
    return out


def _info_line(line: str) -> str:
    """A page's information line (``发布时间：2027-06-01 来源：县应急管理局``) as the metadata the cleaner reads: the
    publication date (``发布日期：2027-06-01``) and the organ that put the page online (``发布机构：县应急管理局``, the
    issuer where nothing else names one: a news article has no signature), a line each; "" where it gives neither."""
    values = dict(info_fields(line, _INFO_KEY))
    date = next((d.group(0) for key in ("发布日期", "发布时间", "发布于")
                 if (d := INFO_DATE.search(values.get(key, "")))), None)
    source = next((v for key in ("来源", "信息来源", "文章来源") if INFO_ORGAN.fullmatch(v := values.get(key, ""))), None)
    return "\n".join(([f"发布日期：{date.strip()}"] if date else []) + ([f"发布机构：{source}"] if source else []))


def _text_info_lines(text: str) -> str:
    """A web page saved or pasted as text keeps the page's controls and information lines on lines of
    their own (``发布时间：2027-06-01``, ``来源：县应急管理局``, ``【打印本页】【关闭窗口】``): read as the
    notice's text they split it in two (the cleaner took the line after them for a new notice's head).
    Only whole lines go or become the date (``_info_line``); a control inside a sentence stays."""
    if "：" not in text and ":" not in text and "【" not in text:
        return text
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if s and _CHROME_LINE.match(s):
            continue
        if s and _INFO_KEY.match(s):
            line = _info_line(s)
            if not line:
                continue
        out.append(line)
    return "\n".join(out)


#: a page that sends the browser on: ``<meta http-equiv="refresh" content="0;url=X">``, or a script setting
#: ``location`` (``window.location.href = 'X'``, ``location.replace("X")``)
_REFRESH_URL = re.compile(r"^\s*\d*\s*[;,]?\s*url\s*=\s*['\"]?([^'\"\s]+)", re.I)
_SCRIPT_REDIRECT = re.compile(r"location(?:\.href)?\s*=\s*['\"]([^'\"]+)['\"]|location\.(?:replace|assign)\(\s*['\"]([^'\"]+)['\"]")


def _redirect_target(soup) -> str:
    """Where the page sends the browser on to (its meta refresh's or a script's address), or ""."""
    for meta in soup.find_all("meta", attrs={"http-equiv": re.compile(r"^refresh$", re.I)}):
        if m := _REFRESH_URL.match(meta.get("content", "")):
            return m.group(1)
    for script in soup.find_all("script"):
        if m := _SCRIPT_REDIRECT.search(script.get_text()):
            return m.group(1) or m.group(2)
    return ""


def _scripted_text(soup) -> bool:
    """Do the page's scripts hold a notice's worth of Chinese (40 characters or more: a page whose text a script
    writes in when it is opened, a single-page site's saved state)?"""
    return sum(len(_CJK.findall(script.get_text())) for script in soup.find_all("script")) >= 40


def _check_notice_on_page(path: Path, body, lines: list[str], embedded: list[str] = (), frames: list[str] = (),
                          redirect: str = "", scripted: bool = False) -> None:
    """A page whose content holds almost no text but a link to the notice's file (附件: X.pdf), the
    file in an embedded viewer (``<iframe src=…/X.pdf>``, ``<embed>``, a PDF.js ``viewer.html?file=X.pdf``),
    the notice as images (a scan), or a frame whose page is not in the file (``frames``: the ``src`` of the
    frames left after those read in place; a page saved "HTML only") says so, instead of "no recognisable
    notice structure" or its menu read as a title. So does a page that only sends the browser on (``redirect``:
    what a download tool saves from a link the site answers with a redirect page, ``页面跳转中…``), and one whose
    text its scripts write in when it is opened (``scripted``; before: "no text found", naming no cause)."""
    if len(re.findall(r"[\u4e00-\u9fff]", "".join(lines))) >= 40:
        return
    if redirect:
        raise ReadError(path, f"the page only sends the browser on to {redirect[:120]} (a redirect page, not the "
                              "notice): open that address, save the page it shows, and read that")
    from urllib.parse import unquote

    for href in [*embedded, *(a["href"] for a in body.find_all("a", href=True))]:
        href = unquote(href)
        m = re.search(r"([^/\\?#=&]+\.(?:pdf|docx?|wps|ofd))(?:[?#&].*)?$", href.strip(), re.I)
        if m:
            raise ReadError(path, f"the page holds no notice text, only a link to its file {m.group(1)}: "
                                  "download that file and read it")
    shown = [src.strip() for src in frames if src.strip() and not re.match(r"(?:about|javascript|data):", src.strip(), re.I)]
    if shown:
        raise ReadError(path, f"the notice is in a frame whose page is not in this file ({shown[0][:120]}): open that "
                              "page and save it, or save this page complete or as a web archive (.mht), and read that")
    if body.find("img") is not None:
        raise ReadError(path, "the page shows the notice as images (a scan), not text: save the images "
                              "and run OCR first")
    if scripted:
        raise ReadError(path, "the page's text is written in by a script when it is opened (a site built by script): "
                              "open it in a browser and, once the notice shows, save it complete or as a web archive "
                              "(.mht), or copy its text into a .txt, and read that")


def _html_tables(soup, body) -> None:
    """Replace each data table in ``body`` by one ``<p>`` per line it reads as (``corpus.tables``):
    a task table one line per task, another table one line per row. A table holding tables, or a
    layout table (one column, a cell of numbered paragraphs), stays as it is and is read as the
    text it holds, as before."""
    for table in body.find_all("table"):
        if table.find("table") is not None:
            continue  # a layout table around others: its inner tables are handled on their own
        grid = _html_grid(table)
        if not grid or is_layout(grid):
            continue
        block = soup.new_tag("div")
        for line in (piece for lines in table_lines(grid) for piece in lines.split("\n")):
            p = soup.new_tag("p")  # one <p> per line: _block_lines reads a text's own line breaks as spaces
            p.string = line
            block.append(p)
        table.replace_with(block)


def _html_grid(table) -> list[list[Cell]]:
    """The table's rows with ``colspan``/``rowspan`` cells repeated at every position they cover
    (as python-docx gives a merged cell), so a 类别 cell spanning three rows reaches all three."""
    grid: list[list[Cell]] = []
    below: dict[int, tuple[Cell, int]] = {}  # column -> (cell spanning down into it, rows left)
    for tr in table.find_all("tr"):
        row: list[Cell] = []
        tds = tr.find_all(["td", "th"], recursive=False)
        col = 0
        while tds or any(c >= col for c in below):
            if col in below:
                cell, left = below.pop(col)
                if left > 1:
                    below[col] = (cell, left - 1)
                row.append(cell)
                col += 1
                continue
            if not tds:  # a short row, with a cell spanning down into a later column: a gap
                row.append(Cell(object(), ()))
                col += 1
                continue
            td = tds.pop(0)
            cell = Cell(td, _html_cell_lines(td))
            for _ in range(_span(td.get("colspan"))):
                rows = _span(td.get("rowspan"))
                if rows > 1:
                    below[col] = (cell, rows - 1)
                row.append(cell)
                col += 1
        if row:
            grid.append(row)
    return grid


def _span(value) -> int:
    m = re.match(r"\s*(\d+)", str(value or ""))
    return max(1, min(int(m.group(1)), 100)) if m else 1


#: elements that start a line of their own; every other element (``<span>``, ``<font>``, ``<b>``,
#: ``<a>``) is inline and joins the text around it
_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                         "table", "caption", "tr", "td", "th", "thead", "tbody", "tfoot", "section", "article",
                         "main", "blockquote", "center", "address", "figure", "figcaption", "hr", "pre", "form",
                         "fieldset", "header", "footer", "nav", "aside", "body", "html"})


def _block_lines(tag) -> list[str]:
    """The text of ``tag`` as a person sees it: one line per block element and ``<br>``, inline
    elements joined to the text around them, the HTML source's own line breaks only spaces.

    Why not ``get_text("\n")``: it breaks at every text node, so a CMS paragraph set in
    ``<span style=…>`` pieces (``（一）各乡镇<span>3月底前</span>调整…``) fell into one clause per span.
    """
    from bs4 import CData, NavigableString

    parts: list[str] = []
    # (children, is a block, shows its source's line breaks): an explicit stack, no recursion limit
    stack = [(iter(tag.children), True, _shows_line_breaks(tag, False))]
    while stack:
        node = next(stack[-1][0], None)
        if node is None:
            if stack.pop()[1]:
                parts.append("\n")  # a block's end ends its line; an inline element's end does not
            continue
        if isinstance(node, NavigableString):
            if type(node) in (NavigableString, CData):
                if stack[-1][2]:  # shown as typed: its line breaks are lines
                    parts.append(re.sub(r"\r\n?", "\n", str(node).replace(_SEGMENT_BREAK, "")))
                else:
                    parts.append(_collapse_source_space(str(node)))
        elif node.name == "br":
            parts.append("\n")
        elif node.name == "pre":
            parts.append("\n" + node.get_text() + "\n")  # preformatted: its line breaks are lines
        else:
            block = node.name in _BLOCK_TAGS or node.name == "textarea"
            if block:
                parts.append("\n")
            shown = stack[-1][2]
            if node.name == "textarea" or "space" in (node.attrs.get("style") or ""):  # (most elements: neither)
                shown = _shows_line_breaks(node, shown)
            stack.append((iter(node.children), block, shown))
    return [line.strip() for line in _segment_breaks("".join(parts)).split("\n") if line.strip()]


#: CSS white-space values under which the source's line breaks are lines (CSS Text 3 §3): ``pre`` as <pre>
_SHOWN_BREAKS = re.compile(r"white-space\s*:\s*(pre|pre-wrap|pre-line|break-spaces|normal|nowrap)\b", re.I)
#: the properties a sheet's rules are followed for (:func:`_inline_sheet_styles`): a declaration of each in a rule
#: (its value, its ``!important``) and in an element's own ``style``
_SHEET_PROPERTIES = {name: (re.compile(rf"(?:^|;)\s*{name}\s*:\s*({values})\s*(!\s*important)?\s*(?:;|$)", re.I),
                            re.compile(rf"(?:^|(?<=;))\s*{name}\s*:[^;]*;?", re.I))
                     for name, values in (("white-space", "pre|pre-wrap|pre-line|break-spaces|normal|nowrap"),
                                          ("display", r"[\w-]+"))}
#: an element's own ``display: none``: shown to no reader
_NOT_DISPLAYED = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.I)
#: a selector's parts, for its specificity (CSS Selectors 4 §17): ids; classes, attributes and pseudo-classes; types
_SPECIFIC_ID = re.compile(r"#[\w-]+")
_SPECIFIC_CLASS = re.compile(r"\.[\w-]+|\[[^\]]*\]|:(?!not\b|is\b|where\b)[\w-]+")
_SPECIFIC_TYPE = re.compile(r"(?:^|[\s>+~(,])([a-z][\w-]*)", re.I)
#: a selector for a pseudo-element (``p::first-line``, ``p:before``): its white-space is not the element's
_PSEUDO_ELEMENT = re.compile(r"::|:(?:before|after|first-line|first-letter)\b", re.I)
#: the media a screen shows (``@media print``, ``speech`` are not it)
_NOT_SCREEN = re.compile(r"^\s*(?:only\s+)?(?:print|speech|aural|braille|embossed)\b|^\s*not\s+(?:screen|all)\b", re.I)
#: a local sheet's ``@import "x.css"`` / ``@import url(x.css)``
_CSS_IMPORT = re.compile(r"@import\s+(?:url\(\s*)?[\"']?([^\"')\s;]+)", re.I)
#: the largest style sheet read from beside a page (a site's whole sheet is some 100 kB)
_SHEET_BYTES = 2 << 20


def _inline_sheet_styles(soup, folder: Path | None = None) -> None:
    """Write the white-space and display the page's style sheets give an element (its ``<style>`` rules, and those
    of a sheet saved beside the page that a ``<link rel="stylesheet">`` or ``@import`` names, :func:`_local_sheets`)
    into the element's ``style``, so that :func:`_shows_line_breaks` and :func:`_drop_hidden_inline` see them once
    the sheets are gone.

    The cascade as a browser runs it for these properties: ``!important`` first, then the selector's specificity,
    then the later rule; an element's own ``style`` wins over a sheet's rule unless the rule is ``!important``. Rules
    inside ``@media`` (a screen's) and ``@supports`` count, a print sheet's do not.

    Why soupsieve (BeautifulSoup's selector engine, read with the page) matches the selectors: a CMS keeps a notice's
    typed text under rules like ``div.article p``, ``#content``, ``.TRS_Editor p`` or ``p, div.x``, which a pattern
    of ``.name {…}`` alone missed (the whole notice read as one line) and misapplied (``.sidebar .zw`` set every
    ``.zw``). Cost (soupsieve takes 40-200 µs to match one element; ``select`` over a large portal page per rule of a
    site's sheet took 100 s): a selector is tried only on the elements its last part names whose ancestors carry the
    ids and classes it names (:func:`_selector_candidates`); ``display: none`` only on inline elements (the only ones
    :func:`_drop_hidden_inline` removes); the rules that can only undo (``white-space: normal``, ``display: block``)
    only where a rule that does something (``pre-wrap``, ``display: none``) reached; and within a budget of work a page
    (``_SHEET_MATCHES``), the rules that show typed text first."""
    import soupsieve

    rules = []  # (does something, property, value, (important, specificity, order), selector)
    for sheet in _page_sheets(soup, folder):
        for selectors, declarations in _css_rules(sheet):
            found = [(name, m) for name, (rule, _) in _SHEET_PROPERTIES.items() if (m := rule.search(declarations))]
            for selector in selectors.split(",") if found else ():
                selector = selector.strip()
                if selector and not _PSEUDO_ELEMENT.search(selector):
                    rank_of = (len(rules), _specificity(selector))
                    for name, m in found:
                        value = m.group(1).lower()
                        acts = value == "none" if name == "display" else value.startswith(("pre", "break"))
                        rules.append((acts, name, value, (bool(m.group(2)), rank_of[1], rank_of[0]), selector))
    if not any(acts for acts, *_ in rules):
        return  # nothing for the undoing rules to undo
    index, budget = _element_index(soup), _SHEET_MATCHES
    won: dict[tuple[str, int], tuple[tuple, str, object]] = {}  # (property, id(element)) -> (rank, value, element)
    touched: dict[str, dict[int, object]] = {"display": {}, "white-space": {}}  # what the acting rules matched
    shown: set[int] = set()  # the elements inside those shown as typed, or whose own style so shows them
    for acts in (True, False):
        if not acts:
            for top in [*touched["white-space"].values(), *soup.find_all(style=_SHOWN_BREAKS)]:
                if id(top) not in shown:  # (one inside another: walked with it)
                    shown.update(id(e) for e in (top, *top.find_all(True)))
        for rule_acts, name, value, rank, selector in rules if budget >= 0 else ():
            if rule_acts is not acts:
                continue
            try:
                compiled = soupsieve.compile(selector)
            except (soupsieve.SelectorSyntaxError, NotImplementedError):
                continue  # a selector soupsieve does not know matches nothing here
            candidates, holders = _selector_candidates(selector, index)
            budget -= len(candidates)  # (looked at once below, or by soupsieve)
            if budget < 0:
                break  # a page too large for its sheet: what is matched so far stands
            if holders is not None:
                candidates = _under_any(candidates, holders)
            if name == "display":
                # undoing a none where one reached; a none on an inline element (a hidden block is kept all the same)
                candidates = [e for e in candidates if (id(e) in touched["display"] if not acts
                                                        else e.name not in _BLOCK_TAGS)]
            elif not acts:
                candidates = [e for e in candidates if id(e) in shown]  # normal/nowrap inside typed text alone
            budget -= _MATCH_COST * len(candidates)
            if budget < 0:
                break
            for element in candidates:
                if compiled.match(element):
                    if acts:
                        touched[name][id(element)] = element
                    if won.get((name, id(element)), ((False, (-1,), -1),))[0] < rank:
                        won[name, id(element)] = (rank, value, element)
    for (name, _), ((important, _, _), value, element) in won.items():
        own = element.get("style") or ""
        declared = _SHEET_PROPERTIES[name][1]
        if declared.search(own) and not important:
            continue  # the element's own style outranks a sheet's rule
        element["style"] = f"{name}:{value};" + declared.sub("", own)


def _page_sheets(soup, folder: Path | None) -> list[str]:
    """The text of the page's style sheets for a screen in document order, as the cascade takes them: its ``<style>``
    elements and, where the page lies in ``folder``, the sheets saved beside it that its ``<link rel="stylesheet">``
    and ``@import`` name (an imported sheet before its importer, :func:`_local_sheets`)."""
    sheets: list[str] = []
    seen: set[Path] = set()
    for node in soup.find_all(["style", "link"]):
        if node.name == "style" and _screen_media(node.get("media") or ""):
            text = node.get_text()
            if folder is not None:
                for m in _CSS_IMPORT.finditer(text):
                    sheets += _local_sheets(folder, m.group(1), seen)
            sheets.append(text)
        elif (node.name == "link" and folder is not None and node.get("href") and _screen_media(node.get("media") or "")
              and _style_sheet_link(node)):
            sheets += _local_sheets(folder, node["href"], seen)
    return sheets


#: the work a page's sheet rules may cost, in elements looked at (an ancestor walk, some 5-25 µs), a soupsieve match
#: counting ``_MATCH_COST`` (40-200 µs): some 2 s at the most
_SHEET_MATCHES, _MATCH_COST = 100_000, 10
#: a selector's last compound (after its last combinator), and the type, id or classes it starts with
_LAST_COMPOUND = re.compile(r"[^\s>+~]+$")
_COMPOUND_KEYS = re.compile(r"(\*|[a-z][\w-]*)?((?:[#.][\w-]+)*)", re.I)


def _element_index(soup) -> dict[str, list]:
    """The page's elements by ``#id``, ``.class`` and tag name (and ``*``: all), in one pass."""
    index: dict[str, list] = {"*": []}
    for element in soup.find_all(True):
        index["*"].append(element)
        index.setdefault(element.name.lower(), []).append(element)
        if element.get("id"):
            index.setdefault("#" + element["id"], []).append(element)
        for name in element.get("class") or ():
            index.setdefault("." + name, []).append(element)
    return index


def _selector_candidates(selector: str, index: dict[str, list]) -> tuple[list, object]:
    """The elements ``selector`` may match: those its last compound's id, else a class, else its type names
    (``div.article p`` → every ``p``, ``.TRS_Editor p.x`` → every ``.x``); all elements where the selector holds a
    bracket or a parenthesis (``[type=x]``, ``:not(.a .b)``), which are not read so. With them, the elements that
    carry the rarest id or class the compounds before it name (one of them must be an ancestor of a match), or None.
    """
    last = _LAST_COMPOUND.search(selector)
    if not last or "(" in selector or "[" in selector:
        return index["*"], None
    tag, keys = _COMPOUND_KEYS.match(last.group()).groups()
    key = next((k for k in re.findall(r"[#.][\w-]+", keys) if k[0] == "#"), None) or \
        next(iter(re.findall(r"\.[\w-]+", keys)), None) or (tag.lower() if tag and tag != "*" else "*")
    above = re.findall(r"[#.][\w-]+", selector[:last.start()])
    if not above:
        return index.get(key, []), None
    rarest = min((index.get(k, ()) for k in above), key=len)
    return (index.get(key, []), rarest) if rarest else ([], None)  # no element of the page carries it


def _under_any(elements: list, holders) -> list:
    """Those of ``elements`` with an ancestor among ``holders``."""
    held = {id(h) for h in holders}
    return [e for e in elements if any(id(ancestor) in held for ancestor in e.parents)]


def _drop_hidden_inline(soup) -> None:
    """Remove the inline elements (``<span>``, ``<font>``, ``<em>`` …, not a block) whose style (their own, or a
    sheet's written into it by :func:`_inline_sheet_styles`) says ``display: none``, holding less than a notice's worth
    of text (``_NOTICE_CHARS``): no browser shows them.

    Why: sites put junk into a notice's sentences that only a copy shows (``排查<span style="display:none">Xk9z</span>
    重点``, a hidden ``<font>`` of the site's name), against copying; read, it cut headings and names (二、压实工作澄江网
    责任, 县应急管Xk9z理局). A hidden block is kept: a page's script often shows the notice's body, or its 全文 after
    阅读全文, by revealing a hidden ``<div>``, and a WeChat article's body is ``visibility: hidden`` until its script
    runs (visibility is not followed at all)."""
    for element in soup.find_all(style=_NOT_DISPLAYED):
        if (element.name not in _BLOCK_TAGS and element.parent is not None
                and len(re.findall(r"[\u4e00-\u9fff]", element.get_text())) < _NOTICE_CHARS):
            element.decompose()


def _style_sheet_link(link) -> bool:
    """Is a ``<link>`` a style sheet a browser applies: ``rel="stylesheet"``, not an alternate one (``rel="alternate
    stylesheet"``, off until a reader picks it from the browser's menu)."""
    rel = [r.lower() for r in (link.get("rel") or [])]
    return "stylesheet" in rel and "alternate" not in rel


def _specificity(selector: str) -> tuple[int, int, int]:
    """(ids, classes/attributes/pseudo-classes, types) of a selector: counted from its text, as CSS ranks rules."""
    bare = re.sub(r"\[[^\]]*\]", "[]", selector)
    return (len(_SPECIFIC_ID.findall(bare)), len(_SPECIFIC_CLASS.findall(bare)),
            len([t for t in _SPECIFIC_TYPE.findall(bare) if t.lower() not in ("not", "is", "where")]))


def _screen_media(media: str) -> bool:
    """Does a media query list (``<style media>``, ``@media …``) hold for a screen: any of its queries but a print,
    speech … one (an empty list is all media)."""
    return not media.strip() or any(not _NOT_SCREEN.match(query) for query in media.split(","))


def _css_rules(sheet: str) -> list[tuple[str, str]]:
    """(selector list, declarations) of each style rule of a sheet, those inside ``@media`` for a screen and
    ``@supports``/``@layer`` blocks too; other at-rules (``@font-face``, ``@keyframes``, ``@page``) and nested
    rules are passed over. One pass over the braces (a brace inside a string is not told apart: rare in a sheet).

    Hand-written because no CSS parser is among the dependencies (tinycss2 and cssutils are not installed) and only the
    rules' boundaries are wanted here: the selectors are matched by soupsieve, which BeautifulSoup brings."""
    sheet = _without_css_comments(sheet)
    rules: list[tuple[str, str]] = []
    stack: list[object] = []  # per open block: "group" (its rules count), "skip", or (selectors, where it opens)
    start = 0
    for brace in re.finditer(r"[{}]", sheet):
        if brace.group() == "{":
            prelude = sheet[start:brace.start()].rsplit(";", 1)[-1].strip()  # after @charset …; / @import …;
            if stack and stack[-1] != "group":
                stack.append("skip")
            elif prelude.startswith("@"):
                name, _, query = prelude.partition(" ")
                group = (name.lower() == "@media" and _screen_media(query)) or name.lower() in ("@supports", "@layer")
                stack.append("group" if group else "skip")
            else:
                stack.append((prelude, brace.end()))
        elif stack:
            block = stack.pop()
            if isinstance(block, tuple):
                rules.append((block[0], sheet[block[1]:brace.start()]))
        start = brace.end()
    return rules


def _without_css_comments(sheet: str) -> str:
    """A sheet without its ``/* … */`` comments (an unclosed one runs to the end), in one pass."""
    pieces, at = [], 0
    while (open_at := sheet.find("/*", at)) >= 0:
        pieces.append(sheet[at:open_at])
        close = sheet.find("*/", open_at + 2)
        at = len(sheet) if close < 0 else close + 2
    return "".join(pieces) + sheet[at:]


def _local_sheets(folder: Path, href: str, seen: set[Path], depth: int = 0) -> list[str]:
    """The text of the style sheet ``href`` (a ``<link rel="stylesheet">``'s or an ``@import``'s) where it lies saved
    beside the page (:func:`_beside_page`: a relative path inside the page's folder, as a browser's "save complete"
    writes ``通知_files/main.css``), after the sheets it imports in turn (three levels at most, each sheet once);
    nothing where it is a URL: no sheet is fetched."""
    target = _beside_page(folder, href, (".css",), _SHEET_BYTES) if depth < 3 else None
    if target is None or target in seen:
        return []
    seen.add(target)
    try:
        text = decode_bytes(target.read_bytes(), target)
    except ReadError:
        return []  # an empty or unreadable sheet shows nothing
    imported = [_local_sheets(target.parent, m.group(1), seen, depth + 1) for m in _CSS_IMPORT.finditer(text)]
    return [sheet for sheets in imported for sheet in sheets] + [text]


def _beside_page(folder: Path, href: str, suffixes: tuple[str, ...], most: int) -> Path | None:
    """The file a page's relative link ``href`` names inside the page's ``folder`` (or a folder under it), if it is
    there, ends in one of ``suffixes`` and holds at most ``most`` bytes; else None. Never ``..`` out of the folder, an
    absolute path or a URL: a page is read from its folder alone, nothing is fetched."""
    from urllib.parse import unquote, urlsplit

    link = urlsplit(href.strip())
    if link.scheme or link.netloc or not link.path or link.path.startswith("/"):
        return None
    target = (folder / unquote(link.path)).resolve()
    if (not target.is_relative_to(folder.resolve()) or target.suffix.lower() not in suffixes
            or not target.is_file() or target.stat().st_size > most):
        return None
    return target


#: a notice's worth of Chinese characters (as _check_not_a_failed_download counts them): a form's text box holding
#: fewer is a field to fill in (a 留言 box's default words), not a text shown
_NOTICE_CHARS = 40


def _keep_form_text_boxes(soup) -> None:
    """Put each ``<form>`` holding a ``<textarea>`` with a notice's worth of text (``_NOTICE_CHARS``) in the place of
    those text boxes alone: forms are dropped with their controls (a search box, a 留言 form), and an OA system's
    view page shows its notice in a read-only textarea inside one, which went with it (the page read as its menu,
    formats16)."""
    for form in soup.find_all("form"):
        boxes = [box for box in form.find_all("textarea")
                 if len(re.findall(r"[\u4e00-\u9fff]", box.get_text())) >= _NOTICE_CHARS]
        if boxes:
            for box in boxes:
                box.extract()
            form.replace_with(*boxes)


def _shows_line_breaks(node, inherited: bool) -> bool:
    """Does ``node`` show its source's line breaks as lines: a ``<textarea>``, an element whose ``style`` sets
    ``white-space: pre``, ``pre-wrap``, ``pre-line`` or ``break-spaces`` (the page's style sheets' rules written into it,
    :func:`_inline_sheet_styles`); else as its parent (``inherited``) unless its own style says ``normal`` or
    ``nowrap``.

    Why: a CMS that keeps a notice's body as typed text shows it in such an element (or a read-only textarea);
    its lines were collapsed as HTML source is, and the whole notice read as one line, one clause (formats16)."""
    if node.name == "textarea":
        return True
    value = _SHOWN_BREAKS.search(node.get("style") or "")
    if value:
        return value.group(1).lower().startswith(("pre", "break"))
    return inherited


#: a line break of the HTML source, kept through collapsing until the characters on both sides are known
_SEGMENT_BREAK = "\x00"
_SEGMENT_BREAK_RUN = re.compile(f" *{_SEGMENT_BREAK}[ {_SEGMENT_BREAK}]*")


def _collapse_source_space(text: str) -> str:
    """A text node's white space collapsed as a browser does: a run holding a line break of the source kept as
    one ``_SEGMENT_BREAK`` (``_segment_breaks`` decides it), any other run one space."""
    text = text.replace(_SEGMENT_BREAK, "")
    return re.sub(r"\s+", lambda m: _SEGMENT_BREAK if "\n" in m.group() or "\r" in m.group() else " ", text)


def _segment_breaks(text: str) -> str:
    """Each collapsed line break of the source dropped between two East Asian wide characters, else a space:
    CSS Text 3's segment break transformation (§4.1.2), which browsers apply to Chinese text.

    Why: Word saves a page (网页 .htm, a .mht) with its source wrapped at ~76 characters, breaking a line between
    two Chinese characters; read as a space, 火灾 became 火 灾 and a table cell's 各县（区）应急管理局 was cut apart."""
    import unicodedata

    def wide(ch: str) -> bool:
        return unicodedata.east_asian_width(ch) in "FWH" and not 0xAC00 <= ord(ch) <= 0xD7A3  # Hangul keeps it

    def decide(m: re.Match) -> str:
        before, after = m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
        return "" if before and after and wide(before) and wide(after) else " "

    return _SEGMENT_BREAK_RUN.sub(decide, text) if _SEGMENT_BREAK in text else text


def _html_cell_lines(td) -> tuple[str, ...]:
    """A cell's paragraphs (``<br>``, ``<p>``, ``<div>``); inline elements join the text around them."""
    return tuple(_block_lines(td))


# Content containers of the CMSs government sites run on (TRS, UCAP, and generic names).
# A WeChat official-account article (many county offices publish there first, and pages copy it)
# keeps its text in #js_content, its headline in h1.rich_media_title and og:title.
_CONTENT = (".TRS_Editor, .TRS_UEDITOR, #zoom, #UCAP-CONTENT, .pages_content, .article-content, .content, article, "
            "#js_content, .rich_media_content")


def _content_container(candidates: list) -> object:
    """The element holding the notice among the page's ``_CONTENT`` matches: the largest, or the largest match inside it
    where that holds at least half the words outside links (again, inwards).

    Why: a generic name (``.content``, ``article``) is often the page's layout wrapper, around the sidebar (a column's
    list of links to other notices) and the CMS's own container (``#zoom``, ``.TRS_Editor``) with the notice; read
    whole, each sidebar title opened a notice of its own. Words in links are a page's furniture (menus, lists), a
    notice's are not: a small box inside the wrapper (a widget also named ``.content``) holds few of them, and the
    wrapper is kept. The headline and metadata rows outside the chosen one are read as ever (``_outside_container``)."""
    body = max(candidates, key=lambda t: len(t.get_text()))
    while True:
        inner = [t for t in candidates if t is not body and body in t.parents]
        if not inner:
            return body
        best = max(inner, key=lambda t: len(t.get_text()))
        if 2 * len(_text_outside_links(best)) < len(_text_outside_links(body)):
            return body
        body = best


#: the share of a page's words outside links (``_CJK``) a layout table's cell must hold to be taken for its notice's
#: (half: the headline, the 发布日期 line and the footer may stand in rows of their own)
_LAYOUT_CELL_SHARE = 0.5


#: a cell of links to the notice's files (附件：附件1.… / 检查表.docx): the notice's, never a menu
_FILE_LINKS = re.compile(r"附\s*件|\.(?:docx?|pdf|wps|xlsx?|et|ofd|zip|rar)\b", re.I)


def _drop_layout_menus(page) -> None:
    """Remove the navigation cells of the layout tables around the notice, on a page with no CMS container
    (``_CONTENT``): in each table around the notice's cell (:func:`_layout_cell`), a cell of links (``_link_cell``)
    beside it (in its row, or spanning rows: a menu, a 最新信息 list of other articles under its heading), and a row
    above or below it of three cells of links or more and nothing else (a menu bar).

    Why: an old site lays its page out in one ``<table>``: the navigation in the left cell or the top row, the article
    in the right cell or the row under it. Read whole, a menu's entry (``工作动态``, title-shaped) opened a made-up
    notice whose clause was the list's headlines run together. Only cells of links go: a row holding the headline, the
    发布日期 line, the 附件 links or the footer stays, and the page is read whole as before (its headline in a row of
    its own above the article's cell is kept)."""
    cell = _layout_cell(page)
    if cell is None:
        return
    drop = []
    for table in cell.find_parents("table"):
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue  # (an inner table's row goes with its own cell)
            cells = [td for td in tr.find_all(("td", "th")) if td.find_parent("table") is table]
            links = [td for td in cells if td is not cell and td not in cell.parents and _link_cell(td)]
            if tr in cell.parents:
                drop += links
            elif len(links) >= 3 and all(td in links or not td.get_text(strip=True) for td in cells):
                drop += links
            else:
                drop += [td for td in links if _span(td.get("rowspan")) > 1]
    for td in drop:
        td.decompose()


def _link_cell(td) -> bool:
    """Does a table cell hold links and, outside them, fewer words (a menu's entries, a list of articles under its
    heading), but no links to the notice's files (``_FILE_LINKS``)?"""
    links = len(_CJK.findall("".join(a.get_text() for a in td.find_all("a"))))
    return bool(links) and links >= len(_CJK.findall(_text_outside_links(td))) and not _FILE_LINKS.search(td.get_text())


def _layout_cell(page) -> object | None:
    """The cell of a layout table that holds the notice: the innermost ``<td>`` holding half of the page's words
    outside links (words in links are a page's furniture, a notice's are not), where the page holds more than that
    cell; else None. (A notice whose items are a data table's cells has no such cell; where one cell holds half of a
    notice, only cells of links beside it go: :func:`_drop_layout_menus`.)"""
    if page.find("td") is None:
        return None

    def words(tag) -> int:
        return len(_CJK.findall(_text_outside_links(tag)))

    total = words(page)
    if total == 0:
        return None
    found = None
    for cell in page.find_all("td"):
        if words(cell) >= _LAYOUT_CELL_SHARE * total:
            found = cell  # in document order an inner cell comes after the cell around it: the innermost is last
    if found is None or len(found.get_text(strip=True)) == len(page.get_text(strip=True)):
        return None  # (a cell holding the whole page, a wrapper: nothing beside it)
    return found


def _outside_container(page, body, lines: list[str], page_title: str, article_title: str) -> list[str]:
    """The notice's headline and metadata rows that a CMS page keeps outside its content container.

    Why: most government pages show the headline in an ``<h1>`` above the text and the document
    number, issuing organ and date in a table (``发文字号：``, ``发文机关：``, ``成文日期：``) beside
    it; read from the container alone, a notice loses its title (so its genre) and number. Only the
    headline and rows of those known keys are taken, never navigation, related links or footers.
    """
    head = []
    shown = "".join(lines[:6])
    headings = [t.get_text("", strip=True) for t in page.find_all(["h1", "h2", "h3"]) if body not in t.parents]
    columns = _Columns(page)
    # the page <title> is usually "headline_section_site name"; where the site's name comes first, the
    # piece shaped as a headline
    first = _TITLE_SEPARATOR.split(page_title)[0]
    pieces = [article_title] + headings + [_title_headline(page_title, columns) or ("" if _unnamed(first) else first)]
    for text in pieces:
        text = re.sub(r"\s+", "", text or "")
        # a column's heading (<h3>通知公告</h3> over a sidebar) or name is the page's, not the notice's
        if 4 <= len(text) <= 100 and _title_shaped(text) and not columns.named(text):
            if text not in shown:
                head.append(text)
            break
    strings = [s.strip() for s in page.find_all(string=True) if body not in s.parents and s.strip()]
    for i, text in enumerate(strings):
        m = RE_META.match(text)
        if not m:
            continue
        if m.group(2).strip(" :："):
            head.append(text)
        elif i + 1 < len(strings) and not RE_META.match(strings[i + 1]):
            # <td>发文字号：</td><td>国办发〔2027〕1号</td>: key and value in two cells
            head.append(f"{m.group(1)}：{strings[i + 1]}")
    return head


#: what a CMS puts between a page <title>'s pieces (headline, column, site): ``_``, ``|``, ``｜``, a dash between
#: spaces, ``——``; a dash inside a headline (``（2027—2029年）``) has no spaces around it
_TITLE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-－—–]+\s+|\s*——\s*")


def _title_headline(page_title: str, columns: _Columns | None = None) -> str:
    """The piece of a page's ``<title>`` that is the notice's headline (``…关于…的通知 - 某市人民政府``, ``某市人民政府门户网站
    - 通知公告 - …的通知``), white space removed, or "". A column's name (``通知公告``, ``政策解读``: a genre word, a few
    characters) is no headline: a piece that does not say 关于…通知 must be no column's name (``columns``:
    :class:`_Columns`; ``安全生产工作动态``, ``安全生产通知公告``), and under 8 characters it must name its subject
    (``停气通知``, ``燃气安全提示``; not ``紧急通知``: :func:`_unnamed`)."""
    columns = columns or _Columns(None)
    for piece in _TITLE_SEPARATOR.split(page_title):
        text = re.sub(r"\s+", "", piece)
        if len(text) <= 100 and (RE_TITLE.match(text) or (title_like(text) and (len(text) >= 8 or not _unnamed(text))
                                                          and not columns.named(text))):
            return text
    return ""


#: a genre word with no subject before it, or only a word of urgency, importance or kind (紧急通知, 重要公告, 温馨提示,
#: 补充通知, 安全提示: also a column's name): a page's ``<title>`` saying so names no notice
_UNNAMED_HEADLINE = re.compile(r"(?:紧急|重要|最新|有关|相关|一则|特别|温馨|补充|工作|安全|通知|公告|信息)?的?"
                               r"(?:通知|通告|公告|提示|提醒|通报|公示|意见|决定|函|说明|答复)")


def _unnamed(text: str) -> bool:
    """Is a short ``<title>`` piece only a genre word (``通知``, ``紧急通知``): no headline, though title-shaped?

    Why: a ``<title>`` piece under 8 characters was never a headline (a column's name is short), so a short headline
    that names its subject (``停气通知``, ``燃气安全提示``) left the page untitled; where a CMS container held the
    text, the piece before the first separator was taken however short, so ``紧急通知_某县人民政府`` titled the page
    ``紧急通知``. One rule for both now: short, it must name what it is about."""
    return bool(_UNNAMED_HEADLINE.fullmatch(re.sub(r"\s+", "", text)))


#: a CMS column's name (栏目): a topic, then a column word (安全生产工作动态, 安全生产通知公告, 应急管理要闻, 政策解读). No
#: headline ends so but a briefing's issue (安全生产工作动态（第12期）: its number, which no column name has). Bare 公告
#: is left out: 某市人民政府公告 is a notice's own title.
_COLUMN_NAME = re.compile(r"[\u4e00-\u9fff]{0,10}(?:动态|通知公告|公示公告|公告公示|通知通告|通告公告|公告通知|要闻|新闻|"
                          r"政策解读|解读回应|信息公开)")
#: the longest column name the page's own links are taken to name (a menu's or breadcrumb's entry); a longer link text
#: is another page's headline (a sidebar's list of notices)
_COLUMN_LINK_CHARS = 12


class _Columns:
    """The column names of a page: a text is one where it is shaped as one (``_COLUMN_NAME``), or where the page's
    own links (its menu, its breadcrumb: :func:`_column_links`) name it and it is short, with no number.

    Why: a ``<title>`` piece of 8 characters or more ending in a genre word was taken as the headline, and a column's
    name often is one (``安全生产工作动态_某市应急管理局``): on a page with no title of its own it became the notice's
    title (genre 动态). A ``关于…的通知`` is a headline wherever it stands (a breadcrumb may end in it). ``page``: None
    where there is none (the names' shape alone decides)."""

    def __init__(self, page) -> None:
        self._page, self._links = page, (None if page is not None else set())

    def named(self, text: str) -> bool:
        if RE_TITLE.match(text) or re.search(r"\d|[〔（(《]", text):
            return False
        if _COLUMN_NAME.fullmatch(text):
            return True
        if len(text) > _COLUMN_LINK_CHARS:
            return False
        if self._links is None:  # the page's links, read once and only where a short piece must be told
            self._links = _column_links(self._page)
        return text in self._links


def _headline_from_head(page, lines: list[str], page_title: str, article_title: str) -> list[str]:
    """``lines`` (a page read whole: no CMS content container) with the notice's headline from the page's head
    (``<meta name=ArticleTitle>``/``og:title``, else the ``<title>`` less its site, :func:`_title_headline`) set
    where a notice prints it: over the body's first line (the addressee, the text; under a 版头 and number), when
    no line before that is a title; the page's menu of links opening the page (首页 通知公告) left out.

    Why: a site that shows the headline only in the browser's tab (no ``<h1>``; the body opens with the addressee
    or the text) gave the notice no title, so no genre: the menu's words, or a made-up ``某局2027年文件``, read as
    its title. Never where the body has its own title (a title-shaped line, or the headline's words, before its
    first line of text): that title is the notice's, the ``<title>`` often a shortened one."""
    headline = re.sub(r"\s+", "", article_title or "")
    columns = _Columns(page)
    headline = headline if _title_headline(headline, columns) else _title_headline(page_title, columns)
    start, menu = 0, None
    for at in range(min(len(lines), _HEAD_LINES)):
        line = lines[at]
        if at == start < 3 and not re.search("[。；，：:]", line):
            # a menu opening the page (首页 通知公告 ends in a genre word: no title); its links read once, here only
            menu = sorted(_column_links(page), key=len, reverse=True) if menu is None else menu
            if _menu_line(line, menu) and not _headline_shaped(line, columns):
                start += 1
                continue
        if _title_shaped(line) or (headline and headline in re.sub(r"\s+", "", line)):
            # the body's own title: the notice's; the menu over it left out too (a web archive's page whose
            # frame held the notice: 首页 政务公开 通知公告 over the frame's title read as the title)
            return lines[start:]
        if _opens_body(line):
            return lines[start:at] + ([headline] if headline else []) + lines[at:]
    return lines  # no line of a notice's text near the top: no notice's page to title


def _headline_shaped(line: str, columns: _Columns) -> bool:
    """Is ``line`` shaped as a headline as a ``<title>`` piece must be (:func:`_title_headline`): a 关于…通知, or
    title-like in 8 characters or more and no column's name? Such a line is the body's title even where it is a link
    (a CMS links the headline to its own page), not a menu's words (``首页 政务公开 通知公告`` is a column's path)."""
    return bool(_title_headline(line, columns)) and not _TITLE_SEPARATOR.search(line.strip())


#: how many lines from a page's top the body's first line of text is looked for (a site's top bar, menu,
#: breadcrumb and a 信息公开 table's rows come before it)
_HEAD_LINES = 30


def _opens_body(line: str) -> bool:
    """A notice's first line of body text: the addressee, a numbered item, or a sentence (a page's menu and top
    bar have no sentence marks; its breadcrumb and metadata rows are classified as such)."""
    if re.search("[。；，]", line) or heading_level(line) is not None:
        return classify(line, 0).kind in ("text", "addressee")
    # (classify only where it may say yes: it is the costly part, and a page's top has many short lines)
    return line.rstrip().endswith(("：", ":")) and classify(line, 0).kind == "addressee"


#: the lists a link is an entry of (a menu's, a breadcrumb's, a list of articles): its nearest such ancestor
_LINK_LISTS = ("ul", "ol", "dl", "table")


def _column_links(page) -> set[str]:
    """The words of the page's first links that may name a column: those of its menus and breadcrumb, not of a list of
    articles (a sidebar's 最新信息, a 相关链接 table, a 相关文章 box whose entries carry their dates).

    Why: a short headline (``做好当前防汛工作的通知``, 11 characters, no number) that the page also lists as a link (its
    own entry in a sidebar or under 相关链接) was taken for a column's name, so the page's ``<h1>`` and ``<title>`` gave the
    notice no title. A list is one of articles where an entry carries a date or one link's words are a headline's
    (longer than a column's name, or numbered); a menu holds short names only."""
    lists: dict[int, list] = {}
    for link in page.find_all("a", limit=200):
        holder = link.find_parent(_LINK_LISTS)
        lists.setdefault(id(holder) if holder is not None else id(link), []).append(link)
    words: set[str] = set()
    for links in lists.values():
        texts = [a.get_text("", strip=True) for a in links]
        entries = [a.find_parent(("li", "dd", "tr")) or a.parent for a in links]
        if any(len(t) > _COLUMN_LINK_CHARS or re.search(r"\d", t) for t in texts) \
                or any(e is not None and INFO_DATE.search(e.get_text(" ", strip=True)) for e in entries):
            continue
        words.update(t for t in texts if t)
    return words


def _menu_line(line: str, menu: list[str]) -> bool:
    """Is ``line`` nothing but link words (``menu``) and separators: a page's menu, read as a line of text?"""
    rest = re.sub(r"\s+", "", line)
    for word in menu:
        if word in rest:
            rest = rest.replace(word, "")
    return bool(line.strip()) and not re.search(r"[\w\u4e00-\u9fff]", rest)


def read_docx(path: Path) -> str:
    from docx.opc.exceptions import PackageNotFoundError

    try:
        try:
            document = _word_document(str(path))
        except (KeyError, ValueError):
            strict = _transitional_copy(path)  # a Strict Open XML document: python-docx finds no main part
            if strict is None:
                raise
            document = _word_document(strict)
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ReadError(path, f"not a readable .docx file ({type(exc).__name__})") from None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
        # a part of the archive damaged (a bad CRC, a broken deflate stream, a bogus method) or
        # encrypted: python-docx reads every part on opening and lets zipfile's errors through
        raise ReadError(path, f"damaged .docx file ({type(exc).__name__}): if Word or WPS opens it, "
                              "save it again and read that") from None
    # a table typed with spaces or tabs, one row a paragraph, is read as the .txt reader reads it: read
    # as paragraphs, its rows ran together into one clause
    return _typed_tables("\n".join(_docx_blocks(document, document.element.body, ListNumbers(document))))


#: Strict Open XML's namespace names (ISO/IEC 29500-1 Strict: Word's "Strict Open XML Document") and the Transitional
#: ones python-docx knows: ``http://purl.oclc.org/ooxml/<area>/<name>`` is
#: ``http://schemas.openxmlformats.org/<area>/2006/<name>``, two names spelt otherwise
_STRICT_NAME = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/(\w+)(?:/(\w+))?")
_STRICT_RENAMED = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}


def _transitional_name(m: re.Match) -> bytes:
    area, name, kind = m.group(1), m.group(2), m.group(3)
    out = b"http://schemas.openxmlformats.org/" + area + b"/2006/" + _STRICT_RENAMED.get(name, name)
    return out + b"/" + _STRICT_RENAMED.get(kind, kind) if kind else out


def _transitional_copy(path: Path) -> io.BytesIO | None:
    """A Strict Open XML .docx as a Transitional one in memory (its parts' namespace names rewritten), or None
    where the package is no Strict one.

    Why: Word saves "Strict Open XML Document" under .docx; its parts are a .docx's under other namespace names,
    which python-docx does not know (it found no main document: "not a readable .docx file (KeyError)")."""
    try:
        with zipfile.ZipFile(path) as archive:
            if b"purl.oclc.org/ooxml" not in archive.read("_rels/.rels"):
                return None
        _check_sheet_size(path)  # (the parts are unpacked into memory: a zip bomb is refused first)
        with zipfile.ZipFile(path) as archive:
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as copy:
                for info in archive.infolist():
                    data = archive.read(info)
                    if info.filename.endswith((".xml", ".rels")):
                        data = _STRICT_NAME.sub(_transitional_name, data)
                    copy.writestr(info, data)
    except (zipfile.BadZipFile, KeyError, zlib.error, RuntimeError, NotImplementedError):
        return None
    out.seek(0)
    return out


#: the main part's content type of Word's other packages, each a .docx but for it: a macro-enabled document
#: (.docm), a template (.dotx) and a macro-enabled template (.dotm), as an office sends a 公文 template filled in
_WORD_MAIN_TYPES = ("application/vnd.ms-word.document.macroEnabled.main+xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")


def _word_document(source):
    """A python-docx Document of a .docx, .docm, .dotx or .dotm (a path or a file object).

    Why not ``docx.Document``: it refuses any main part but a .docx's ("is not a Word file", a ValueError), so
    a .docm or .dotx was "not a readable .docx file"; their parts are a .docx's, so the main part of these types
    is opened as python-docx opens a .docx's (its DocumentPart; macros, in their own part, are never run or read)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _WORD_MAIN_TYPES:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    part = Package.open(source).main_document_part
    if part.content_type not in (CT.WML_DOCUMENT_MAIN, *_WORD_MAIN_TYPES):
        raise ValueError(f"not a Word file, content type is {part.content_type!r}")
    return part.document


#: elements whose content is part of the text: tracked insertions and moves, content controls,
#: custom XML, fields, smart tags, links. python-docx's ``Paragraph.text`` reads only the runs and
#: links directly in a paragraph, and ``iter_inner_content`` skips content controls, so a notice
#: saved with tracked changes lost its inserted words (``3月底前``) and a template's body in a
#: content control was dropped whole. Deleted text (``w:del``, ``w:moveFrom``) stays out.
_DOCX_WRAPPERS = frozenset(W + t for t in ("ins", "moveTo", "sdt", "sdtContent", "customXml", "smartTag",
                                            "fldSimple", "hyperlink", "dir", "bdo"))


def _docx_blocks(parent, element, numbers: ListNumbers) -> list[str]:
    """The paragraphs and tables of a body or a table cell in document order, so a table lands
    where it stands (python-docx's ``paragraphs`` and ``tables`` are two separate lists). A table of
    contents (its ``toc N`` paragraphs, Word's TOC block) is skipped: without a 目录 line over it,
    its entries (``1 总则<tab>1``) read as headings and clauses before the plan."""
    from docx.table import Table

    lines: list[str] = []
    carried = ""  # the text of paragraphs whose mark a tracked change deleted: it runs on into the next
    for child in element.iterchildren():
        if carried and (child.tag in (W + "tbl", W + "altChunk") or child.tag in _DOCX_WRAPPERS):
            lines.append(carried)  # a block, not a paragraph, follows: nothing to run on into
            carried = ""
        if child.tag == W + "p":
            if w_val(child, "pPr", "pStyle") in numbers.toc_styles:
                continue  # a table of contents entry (1 总则<tab>1): the heading again, with its page
            for box in _docx_text_boxes(child):
                lines.extend(_docx_blocks(parent, box, numbers))
            if _mark_deleted(child):
                carried += _docx_paragraph_text(child)
                continue
            # as in Word, the joined paragraph takes the properties (its list number) of the last mark
            lines.append(numbers.label(child) + carried + _docx_paragraph_text(child))
            carried = ""
        elif child.tag == W + "tbl":
            lines.extend(_docx_table(Table(child, parent), numbers))
        elif child.tag in _DOCX_WRAPPERS:
            if child.tag == W + "sdt" and w_val(child, "sdtPr", "docPartObj", "docPartGallery") == "Table of Contents":
                continue  # Word's table of contents block
            if _placeholder(child):
                continue
            lines.extend(_docx_blocks(parent, child, numbers))
        elif child.tag == W + "altChunk":
            lines.extend(_docx_alt_chunk(parent, child))
    if carried:
        lines.append(carried)
    return lines


def _mark_deleted(paragraph) -> bool:
    """Is the paragraph's mark deleted (or moved away) under tracked changes (``w:pPr/w:rPr/w:del``)?

    Why: a notice published with its revisions left in shows, prints and accepts such a paragraph
    joined to the next one. Read as a paragraph of its own, an item joined in review
    (``一、…完成山塘水库和`` ¶ ``地质灾害隐患点的排查…``) fell into two clauses, the first read as the
    second's heading, and a paragraph deleted whole left an empty line."""
    marks = paragraph.find(f"{W}pPr/{W}rPr")
    return marks is not None and (marks.find(W + "del") is not None or marks.find(W + "moveFrom") is not None)


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_text_boxes(paragraph) -> list:
    """The text boxes anchored in a paragraph (``<w:txbxContent>``), read as lines before it.

    Why: a 公文 template often sets the document number, or the signature and date (to lie under
    the seal), in a text box; python-docx reads none, so such a notice lost its number and date.
    Word keeps each box twice, as a DrawingML shape and as its VML fallback (``mc:Fallback``): only
    the first is read. A box inside a box is read with the outer box's paragraphs."""
    boxes = []
    for box in paragraph.iter(W + "txbxContent"):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not paragraph and ancestor.tag not in (_MC_FALLBACK, W + "txbxContent"):
            ancestor = ancestor.getparent()
        if ancestor is paragraph:
            boxes.append(box)
    return boxes


def _docx_alt_chunk(parent, chunk) -> list[str]:
    """The text of an ``<w:altChunk>``: content kept as another file inside the .docx (an HTML page,
    a whole .docx, plain text) that Word renders in place. Office systems (OA) that generate notices
    often build the body this way; python-docx reads none of it, so such a notice read as empty."""
    rid = chunk.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    part = parent.part.related_parts.get(rid) if rid else None
    if part is None:
        return []
    where = Path(f"{parent.part.partname}#{part.partname}")
    try:
        if "html" in part.content_type:
            return _html_text(part.blob, where, whole_page=False).split("\n")
        if part.content_type in ("message/rfc822", "multipart/related"):  # MHT: the page inside the archive
            found = _mht_page(part.blob)
            return _html_text(found[0], where, whole_page=False, charset=found[1]).split("\n") if found else []
        if "wordprocessingml" in part.content_type:
            inner = _word_document(io.BytesIO(part.blob))
            return _docx_blocks(inner, inner.element.body, ListNumbers(inner))
        if part.content_type.startswith("text/"):
            return decode_bytes(part.blob, where).split("\n")
    except ReadError:
        return []  # an empty or unreadable chunk adds nothing; the rest of the document still reads
    return []


def _docx_paragraph_text(paragraph) -> str:
    """A ``<w:p>``'s text: its runs (python-docx's ``CT_R.text``: text, tabs, breaks), also those
    inside the ``_DOCX_WRAPPERS``; a text box's paragraphs (inside a run's drawing) are not its text
    (``_docx_text_boxes`` reads them as lines of their own)."""
    parts: list[str] = []
    stack = [paragraph.iterchildren()]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == W + "r":
            if not _hidden(child):
                parts.append(child.text)
                # a phonetic guide (拼音指南, w:ruby): its base is the text, the guide (w:rt) above it is not; python-docx
                # reads neither, so a name's rare character set so was dropped (化解汛期 read 化解期)
                parts.extend(run.text for base in child.iterfind(f"{W}ruby/{W}rubyBase") for run in base.iter(W + "r"))
        elif child.tag in _DOCX_WRAPPERS and not _placeholder(child):
            stack.append(child.iterchildren())
    return _soft_breaks("".join(parts))


def _placeholder(element) -> bool:
    """Is ``element`` a content control left empty, showing its prompt (``w:sdtPr/w:showingPlcHdr``)?

    Why: a 公文 template's controls a writer did not fill show a greyed prompt (单击或点击此处输入文字。,
    （请输入附件名称）) that is no word of the notice; read, each was a clause, and the item before it
    read as their heading."""
    if element.tag != W + "sdt":
        return False
    return w_on(element.find(f"{W}sdtPr/{W}showingPlcHdr"))


def _soft_breaks(text: str) -> str:
    """A paragraph's manual line breaks (Shift+Enter, ``<w:br/>``) joined where they cut a sentence:
    the text before stops with no closing punctuation and both sides read as running text (no
    numbered item after it, no organ, date or number line on either side).

    Why: a .docx converted from a PDF, or typed to look like one, breaks each paragraph at the end of
    every printed line; the lines are of no fixed width, so the cleaner cannot tell them from short
    paragraphs, and an item fell apart into a heading and a clause. A break between an organ and a
    date (a signature), two organs (a joint red header) or two items stays."""
    if "\n" not in text:
        return text
    pieces = text.split("\n")
    out = [pieces[0]]
    for piece in pieces[1:]:
        before, after = out[-1].strip(), piece.strip()
        if (before and after and before[-1] not in CLOSERS and heading_level(after) is None
                and classify(before, 0).kind == "text" and classify(after, 0).kind == "text"):
            out[-1] = out[-1].rstrip() + after
        else:
            out.append(piece)
    return "\n".join(out)


def _hidden(run) -> bool:
    """Is a run hidden text (``w:vanish``)? Word shows it to no reader and prints none of it: an
    office template's hidden prompts (``请在此处输入正文``) and an OA system's hidden field codes are
    no part of the notice."""
    return w_on(run.find(f"{W}rPr/{W}vanish"))


def _docx_table(table, numbers: ListNumbers) -> list[str]:
    cells = [row.cells for row in table.rows]  # a merged cell repeats (python-docx resolves spans)
    read: dict[int, tuple[object, list[str]]] = {}  # id(<w:tc>) -> (the element, kept alive; its lines)
    if any(cell._tc.find(f".//{W}tbl") is not None for row in cells for cell in row):
        grid = None  # a table holding tables lays out a page; its inner tables are read on their own
    else:
        grid = [[Cell(cell._tc, tuple(line for text in _cell_blocks(cell, numbers, read) for line in text.splitlines()
                                      if line.strip())) for cell in row] for row in cells]
        if not is_layout(grid):
            return table_lines(grid)
    # a layout table: the paragraphs and tables of each cell once, in order, but a web page's menu
    lines: list[str] = []
    done: set[int] = set()
    menus = _menu_cells(cells)
    for row in cells:
        for cell in row:
            if id(cell._tc) not in done and id(cell._tc) not in menus:
                lines.extend(_cell_blocks(cell, numbers, read))
                done.add(id(cell._tc))
    return lines


def _menu_cells(cells) -> set[int]:
    """The ids of a layout table's cells whose every word is a hyperlink (a portal's menu, 首页 / 通知公告,
    as a page pasted into Word keeps it beside the notice's cell), when another cell holds text of its
    own. Why: the menu's entries were read first, and 首页通知公告 became the notice's title; the HTML
    reader drops a page's menus, and a .docx of the page should read as the page does."""
    linked = {}
    for row in cells:
        for cell in row:
            text = re.sub(r"\s+", "", "".join(t.text or "" for t in cell._tc.iter(f"{W}t")))
            linked[id(cell._tc)] = bool(text) and text == re.sub(r"\s+", "", _linked_words(cell._tc))
    if all(linked.values()):
        return set()  # nothing but links: no menu beside a notice, read what there is
    return {key for key, is_menu in linked.items() if is_menu}


_HYPERLINK_CODE = re.compile(r"^\s*HYPERLINK\b", re.I)


def _linked_words(element) -> str:
    """The words of ``element`` shown as links: those inside a ``w:hyperlink``, a ``w:fldSimple`` whose code
    is HYPERLINK, or the result of a complex HYPERLINK field (``w:fldChar`` begin, ``w:instrText`` code,
    separate, the shown runs, end).

    Why: Word and WPS keep a link pasted from a web page as a field, not as a ``w:hyperlink``; a portal's
    menu of such links was text, read first, and its words (首页通知公告) became the title."""
    words: list[str] = []
    fields: list[list] = []  # the complex fields open at this point: [code so far, showing its result]
    for node in element.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        if node.tag == W + "fldChar":
            kind = node.get(W + "fldCharType")
            if kind == "begin":
                fields.append(["", False])
            elif kind == "separate" and fields:
                fields[-1][1] = True
            elif kind == "end" and fields:
                fields.pop()
        elif node.tag == W + "instrText":
            if fields and not fields[-1][1]:
                fields[-1][0] += node.text or ""
        elif any(shown and _HYPERLINK_CODE.match(code) for code, shown in fields) or _in_link(node, element):
            words.append(node.text or "")
    return "".join(words)


def _in_link(node, top) -> bool:
    """Does ``node`` lie inside a ``w:hyperlink`` or a HYPERLINK ``w:fldSimple`` below ``top``?"""
    for ancestor in node.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag == W + "hyperlink" or (
                ancestor.tag == W + "fldSimple" and _HYPERLINK_CODE.match(ancestor.get(W + "instr") or "")):
            return True
    return False


def _cell_blocks(cell, numbers: ListNumbers, read: dict) -> list[str]:
    """A cell's blocks, read once: a merged cell repeats in the grid, and reading it twice would
    count its list numbers twice (``read`` holds each element, so its ``id`` stays its own)."""
    if id(cell._tc) not in read:
        read[id(cell._tc)] = (cell._tc, _docx_blocks(cell, cell._tc, numbers))
    return read[id(cell._tc)][1]


#: OpenDocument's namespaces (ODF 1.2, as LibreOffice and WPS write .odt)
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODF_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
#: elements of a paragraph that are no words of it: notes, comments, tracked changes' markers, a frame
#: (its text box is read as lines before the paragraph), hidden text, a field's hidden value
_ODF_NOT_TEXT = frozenset((_ODF_TEXT + "note", _ODF_OFFICE + "annotation", _ODF_OFFICE + "annotation-end",
                           _ODF_TEXT + "change", _ODF_TEXT + "change-start", _ODF_TEXT + "change-end",
                           _ODF_DRAW + "frame", _ODF_DRAW + "a", _ODF_TEXT + "hidden-text", _ODF_TEXT + "hidden-paragraph"))
#: body-level elements that hold no text of the notice: declarations, a generated table of contents,
#: the tracked changes' record (deleted text lives there: the text reads as its changes accepted)
_ODF_SKIPPED = frozenset(_ODF_TEXT + t for t in ("tracked-changes", "table-of-content", "sequence-decls",
                                                "variable-decls", "user-field-decls", "alphabetical-index",
                                                "illustration-index", "table-index", "soft-page-break"))


def read_odt(path: Path) -> str:
    """An OpenDocument text (``.odt``, as LibreOffice, WPS and government OA systems on domestic office
    suites save a notice): paragraphs, lists, text boxes and tables read as read_docx reads a .docx's
    (a task table one line per task, a layout table as its cells' paragraphs), notes and comments left out,
    tracked changes read accepted.

    Why: such a notice was refused ("unsupported file type .odt"). Hand-walked with lxml (a dependency
    already) rather than odfpy/odfdo: they give an element's text, not the tables as grids of merged
    cells that ``corpus.tables`` reads; content.xml's elements are few and stable (ODF 1.2)."""
    root = _odt_content(path)
    body = root.find(f"{_ODF_OFFICE}body/{_ODF_OFFICE}text")
    if body is None:
        raise ReadError(path, "not an OpenDocument text (no office:text): an .ods or .odp? save it as .docx")
    return _typed_tables("\n".join(_odt_blocks(body, _OdfLists(root, _odt_part(path, "styles.xml")))))


def _odt_part(path: Path, name: str):
    """The parsed styles.xml (``name``) of an .odt, or None where it is missing or unreadable (its list
    styles are then unknown: the text still reads, without the numbers they set)."""
    try:
        return _odt_content(path, name)
    except ReadError:
        return None


def _odt_content(path: Path, name: str = "content.xml"):
    """The parsed content.xml of an .odt, or the one-line error a damaged or encrypted one gets."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(name)
            if _unpacked_size(archive, info, _ZIP_MEMBER_LIMIT) > _ZIP_MEMBER_LIMIT:
                raise ReadError(path, _too_big(_ZIP_MEMBER_LIMIT))
            data = archive.read(info)
    except (zipfile.BadZipFile, KeyError, zlib.error, EOFError, OSError) as exc:
        raise ReadError(path, f"not a readable .odt file ({type(exc).__name__})") from None
    except RuntimeError:  # a zip-encrypted part
        data = b""
    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        # an .odt saved with a password keeps content.xml encrypted (META-INF/manifest.xml's encryption-data)
        raise ReadError(path, "encrypted or damaged .odt: open it in LibreOffice or WPS, save it as .docx "
                              "without a password and read that") from None


def _odt_blocks(element, lists: "_OdfLists", label: str = "", in_list: bool = False) -> list[str]:
    """The lines of a body, section, list or table cell in document order: a paragraph or heading a line
    (after the text boxes anchored in it), a table where it stands, a list item's first paragraph after
    its number (``label``, :class:`_OdfLists`), a heading outside a list after its outline number."""
    lines: list[str] = []
    for child in element:
        if child.tag in (_ODF_TEXT + "p", _ODF_TEXT + "h"):
            for box in child.iter(_ODF_DRAW + "text-box"):
                lines.extend(_odt_blocks(box, lists))
            if child.tag == _ODF_TEXT + "h" and not in_list:
                label = lists.outline(child)
            lines.append(label + _soft_breaks(_odt_text(child)))
            label = ""
        elif child.tag == _ODF_TABLE + "table":
            lines.extend(_odt_table(child, lists))
        elif child.tag == _ODF_DRAW + "frame":  # a frame anchored to the page: its text box's lines
            for box in child.iter(_ODF_DRAW + "text-box"):
                lines.extend(_odt_blocks(box, lists))
        elif child.tag == _ODF_TEXT + "list":
            lines.extend(_odt_list(child, lists))
        elif child.tag not in _ODF_SKIPPED and child.tag not in _ODF_NOT_TEXT:
            lines.extend(_odt_blocks(child, lists))  # a section, …: its paragraphs
    return lines


def _odt_list(listing, lists: "_OdfLists", style: str | None = None, level: int = 1,
              counts: dict[int, int] | None = None) -> list[str]:
    """A ``text:list``'s lines: each item's first paragraph after its number, a list nested in an item
    counted at the next level."""
    style, counts = lists.open(listing, style, counts)
    lines: list[str] = []
    for item in listing:
        if item.tag not in (_ODF_TEXT + "list-item", _ODF_TEXT + "list-header"):
            continue
        label = lists.count(item, style, level, counts) if item.tag == _ODF_TEXT + "list-item" else ""
        for child in item:
            if child.tag == _ODF_TEXT + "list":
                lines.extend(_odt_list(child, lists, style, level + 1, counts))
                continue
            lines.extend(_odt_blocks([child], lists, label, in_list=True))
            if child.tag in (_ODF_TEXT + "p", _ODF_TEXT + "h"):
                label = ""
    return lines


#: ODF's ``style:num-format`` values, as docx_lists' formats of Word's (``一, 二, 三, ...`` is chineseCounting)
_ODF_NUM_FORMATS = {"1": "decimal", "一, 二, 三, ...": "chineseCounting", "①, ②, ③, ...": "decimalEnclosedCircle",
                    "壹, 贰, 叁, ...": "chineseLegalSimplified", "壹, 貳, 參, ...": "ideographLegalTraditional",
                    "甲, 乙, 丙, ...": "ideographTraditional", "a": "lowerLetter", "A": "upperLetter",
                    "i": "lowerRoman", "I": "upperRoman", "１, ２, ３, ...": "decimalFullWidth"}
_ODF_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
#: the key of the outline style (chapter numbering) among _OdfLists' styles: no list style's name is empty-prefixed
_ODF_OUTLINE = "\x00outline"


def _odf_levels(style, tag: str) -> dict[int, tuple[str, str, str, int, int]]:
    """A list style's (or the outline style's) numbered levels: format, prefix, suffix, start, levels shown."""
    return {int(level.get(_ODF_TEXT + "level", "1")): (
                _ODF_NUM_FORMATS.get(level.get(_ODF_STYLE + "num-format", ""), ""),
                level.get(_ODF_STYLE + "num-prefix", ""), level.get(_ODF_STYLE + "num-suffix", ""),
                int(level.get(_ODF_TEXT + "start-value") or 1),
                int(level.get(_ODF_TEXT + "display-levels") or 1))
            for level in style.iter(_ODF_TEXT + tag)}


class _OdfLists:
    """The numbers an .odt's lists show, counted as ODF 1.2 says (§ 5.3): a list's number format from its
    list style (``text:list-style``: ``style:num-format``, prefix, suffix, start value, levels shown) in
    content.xml or styles.xml; a list goes on counting the list its ``text:continue-list`` names, or the last
    list of its style when ``text:continue-numbering`` is true, else counts from its start; an item's
    ``text:start-value`` restarts the count.

    Why: a notice whose 一、 and （一） are list numbers (Word's, saved as .odt) keeps them in the styles, not in
    the text; read without them 强化隐患排查 was a clause, not the heading 一、强化隐患排查."""

    def __init__(self, *roots) -> None:
        self.styles: dict[str, dict[int, tuple[str, str, str, int, int]]] = {}
        for root in (r for r in roots if r is not None):
            for style in root.iter(_ODF_TEXT + "list-style"):
                self.styles[style.get(_ODF_STYLE + "name", "")] = _odf_levels(style, "list-level-style-number")
            for style in root.iter(_ODF_TEXT + "outline-style"):
                self.styles[_ODF_OUTLINE] = _odf_levels(style, "outline-level-style")
        self.outline_counts: dict[int, int] = {}
        self.chains: dict[str, dict[int, int]] = {}  # xml:id -> the counts of the chain of lists it is in
        self.last: dict[str, dict[int, int]] = {}  # list style -> the counts of its last list

    def open(self, listing, style: str | None, counts: dict[int, int] | None) -> tuple[str, dict[int, int]]:
        """(the list's style, the counts it goes on with): a nested list keeps its parent's counts."""
        style = listing.get(_ODF_TEXT + "style-name") or style or ""
        if counts is None:
            goes_on = listing.get(_ODF_TEXT + "continue-list")
            if goes_on in self.chains:
                counts = self.chains[goes_on]
            elif listing.get(_ODF_TEXT + "continue-numbering") == "true" and style in self.last:
                counts = self.last[style]
            else:
                counts = {}
            self.last[style] = counts
        own_id = listing.get("{http://www.w3.org/XML/1998/namespace}id")
        if own_id:
            self.chains[own_id] = counts
        return style, counts

    def outline(self, heading) -> str:
        """The number the document's outline style (``text:outline-style``) gives a ``text:h`` outside any list
        (``一、``), counted over the whole text; "" where the style numbers its level with nothing (as every
        LibreOffice document's outline style does unless chapter numbering is set), where the heading is marked
        ``text:is-list-header``, or where it holds its number already (``text:number``).

        Why: an .odt whose headings are numbered by chapter numbering (LibreOffice's 章节编号, a domestic suite's
        标题编号) keeps 一、 and （一） in styles.xml only; read without them the headings were bare phrases and their
        clauses lost their heading path (formats16)."""
        level = heading.get(_ODF_TEXT + "outline-level")
        if (not level or not level.isdigit() or heading.get(_ODF_TEXT + "is-list-header") == "true"
                or heading.find(_ODF_TEXT + "number") is not None):
            return ""
        return self.count(heading, _ODF_OUTLINE, int(level), self.outline_counts)

    def count(self, item, style: str, level: int, counts: dict[int, int]) -> str:
        """Count ``item`` at ``level`` and give its number as shown (``一、``, ``（二）``); "" for a bullet."""
        from .docx_lists import _FORMATS

        fmt, prefix, suffix, start, shown = self.styles.get(style, {}).get(level, ("", "", "", 1, 1))
        restart = item.get(_ODF_TEXT + "start-value")
        counts[level] = int(restart) if restart else counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        if not fmt:
            return ""
        numbers = [counts.get(k, 1) for k in range(max(1, level - shown + 1), level + 1)]
        return prefix + ".".join(_FORMATS[fmt](n) for n in numbers) + suffix


def _odt_text(paragraph) -> str:
    """A paragraph's words: spans and links opened, ``text:s`` as its spaces, tabs, line breaks (joined
    by read_odt's caller where they cut a sentence), the elements of ``_ODF_NOT_TEXT`` left out."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        if child.tag == _ODF_TEXT + "s":
            parts.append(" " * int(child.get(_ODF_TEXT + "c", "1")))
        elif child.tag == _ODF_TEXT + "tab":
            parts.append("\t")
        elif child.tag == _ODF_TEXT + "line-break":
            parts.append("\n")
        elif child.tag not in _ODF_NOT_TEXT and isinstance(child.tag, str):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_table(table, lists: "_OdfLists") -> list[str]:
    """An ODF table as read_docx reads a table: a grid of :class:`Cell` (a cell spanning rows or columns
    at every position it covers, as ``table:covered-table-cell`` marks them), then a layout table's cells'
    lines, or ``corpus.tables``' reading; a table holding tables lays out a page and is read cell by cell."""
    rows = [row for row in table.iter(_ODF_TABLE + "table-row") if _odf_table_of(row) is table]
    spans: dict[tuple[int, int], Cell] = {}
    grid: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for cell in row:
            if cell.tag not in (_ODF_TABLE + "table-cell", _ODF_TABLE + "covered-table-cell"):
                continue
            for _ in range(min(int(cell.get(_ODF_TABLE + "number-columns-repeated", "1")), 64)):
                c = len(cells)
                if cell.tag == _ODF_TABLE + "covered-table-cell":
                    cells.append(spans.get((r, c)) or Cell(object(), ()))
                    continue
                made = Cell(cell, tuple(line for block in _odt_blocks(cell, lists) for line in block.splitlines() if line.strip()))
                for dr in range(int(cell.get(_ODF_TABLE + "number-rows-spanned", "1"))):
                    for dc in range(int(cell.get(_ODF_TABLE + "number-columns-spanned", "1"))):
                        spans[(r + dr, c + dc)] = made
                cells.append(made)
        grid.append(cells)
    width = max((len(row) for row in grid), default=0)
    grid = [row + [Cell(object(), ()) for _ in range(width - len(row))] for row in grid if row]
    if not grid:
        return []
    if any(cell.find(f".//{_ODF_TABLE}table") is not None for row in rows for cell in row):
        return _layout_lines(grid)
    return _grid_lines(grid)


def _odf_table_of(row):
    """The table a row belongs to (through header-rows and row groups), not a table nested in a cell."""
    ancestor = row.getparent()
    while ancestor is not None and ancestor.tag != _ODF_TABLE + "table":
        ancestor = ancestor.getparent()
    return ancestor


def read_doc(path: Path) -> str:
    """A Word 97-2003 binary document (.doc, and .wps of WPS 2003 and later): its main text read by
    ``corpus.oldword``, paragraphs as read_docx makes them (manual line breaks joined where they cut a
    sentence) and tables as read_docx reads them (a task table one line per task)."""
    from .oldword import OldWordError, word_blocks

    try:
        blocks = word_blocks(path, _soft_breaks)
    except OldWordError as exc:
        raise ReadError(path, str(exc)) from None
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        elif is_layout(block):
            lines.extend(_layout_lines(block))
        else:
            lines.extend(table_lines(block))
    return _typed_tables("\n".join(lines))  # a table typed in its paragraphs, as read_docx reads one


def read_rtf(path: Path) -> str:
    r"""An RTF file (Word's, WPS's "RTF 文件"): its text read by ``striprtf``, each table as a .doc's.

    Why a library: RTF is a grammar of groups, destinations and escapes whose text parts (font
    tables, style sheets, the \info group, pictures) must be skipped and whose escapes (``\'xx``
    bytes in the document's code page, ``\uN`` characters with their fallbacks) decoded; striprtf
    (pure Python) does that, taking ``\ansicpg936`` and a font's ``\fcharset134`` to GBK. Around
    it: raw bytes above 127 (some writers put GBK bytes in as they are) and a GBK character's two
    escapes broken over two lines are made what the library reads, and table rows marked so that
    each reads as a table (``_rtf_blocks``)."""
    return rtf_text(path.read_bytes(), path)


def rtf_text(data: bytes, path: str | Path) -> str:
    """RTF bytes read as :func:`read_rtf` reads a file (``path`` names it in errors): an .rtf file, or the
    decompressed RTF text of an Outlook mail."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadError(path, "not an RTF file (it does not begin with {\\rtf)")
    try:
        text = rtf_to_text(_rtf_source(data), errors="strict")
    except (UnicodeDecodeError, LookupError, ValueError, IndexError, OverflowError) as exc:
        raise ReadError(path, f"not a readable RTF file ({type(exc).__name__}): open it in Word or WPS, "
                              "save it as .docx and read that") from None
    return _typed_tables("\n".join(_rtf_blocks(text)))


#: what read_rtf's source marks, as characters striprtf passes through: a cell's end, a row's end,
#: a paragraph's end inside a cell, the row's merged cells (control characters no notice holds; the
#: last is followed by one letter a cell: ``m`` merged with the cell above, ``h`` with the cell to
#: its left, ``-`` not merged)
_RTF_CELL, _RTF_ROW, _RTF_CELL_PAR, _RTF_MERGED = "\x1f", "\x1e", "\x1d", "\x1c"
_RTF_WORD = re.compile(r"\\(?:(pard|par|intbl|cell|nestcell|row|nestrow|trowd|clvmrg|clmrg|cellx)(?![a-zA-Z])(?:-?\d+)? ?|\\)")


def _rtf_source(data: bytes) -> str:
    """The RTF bytes as the text striprtf reads, its table marks in (``_RTF_CELL`` …)."""
    # a byte above 127 in the source is the code page's byte as \'xx would give it
    data = re.sub(rb"[\x80-\xff]", lambda m: b"\\'%02x" % m.group()[0], data)
    source = data.decode("ascii")
    # a line break between the two escapes of one GBK character would end the byte run there
    source = re.sub(r"(\\'[0-9a-fA-F]{2})[\r\n]+(?=\\')", r"\1", source)
    return _RTF_WORD.sub(_rtf_mark(), _rtf_text_boxes(source))


_RTF_SHAPE = re.compile(r"\{\\shp(?![a-zA-Z])")
_RTF_SHAPE_TEXT = re.compile(r"\{\\shptxt(?![a-zA-Z])")
_RTF_PAR = re.compile(r"\\par(?![a-zA-Z])[ ]?")


def _rtf_text_boxes(source: str) -> str:
    r"""The source with each shape's text (a text box: ``{\shp{\*\shpinst … {\shptxt …}}{\shprslt …}}``)
    moved out of the shape, as a group of its own paragraphs, to where the paragraph it is anchored
    in begins (after the ``\par`` before it), and the shape itself dropped (its fallback copy in
    ``\shprslt`` too).

    Why: striprtf skips a shape as a destination, so a notice whose number, or signature and date
    (set to lie under the seal), Word keeps in text boxes read without them; read_docx and read_doc
    read a box's paragraphs before the paragraph it is anchored in, and so does this."""
    if "\\shptxt" not in source:
        return source
    edits: list[tuple[int, int, str]] = []  # (from, to, text put there), in the source's order
    done = 0
    for m in _RTF_SHAPE.finditer(source):
        if m.start() < done:
            continue  # a shape inside a shape (a group's member): its text is the outer one's
        end = _rtf_group_end(source, m.start())
        box = _RTF_SHAPE_TEXT.search(source, m.start(), end)
        text = source[box.end():_rtf_group_end(source, box.start()) - 1] if box else ""
        anchor = max((p.end() for p in _RTF_PAR.finditer(source, done, m.start())), default=m.start())
        edits += [(anchor, anchor, "{" + text + "}")] if text.strip() else []
        edits.append((m.start(), end, ""))
        done = end
    out, at = [], 0
    for start, stop, text in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(source[at:start] + text)
        at = stop
    return "".join(out) + source[at:]


def _rtf_group_end(source: str, start: int) -> int:
    r"""The index after the ``}`` closing the group that opens at ``source[start]`` (escaped braces
    ``\{``, ``\}`` and backslashes ``\\`` are text); the source's end for a group never closed."""
    depth = 0
    i = start
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(source)


def _rtf_mark():
    r"""The substitution of ``_RTF_WORD``: ``\cell`` and ``\row`` as marks, ``\par`` inside a table
    paragraph (``\intbl`` since the last ``\pard``: a cell of two paragraphs) as a cell's line break;
    the rest as it was; before ``\row``, which cells of the row continue the cell above (``\clvmrg``
    in the row's definition, ``\trowd`` … ``\cellx``, which Word writes again before ``\row``) or the
    cell to their left (``\clmrg``: a row of one category or title merged across the table, as
    Word 2003 and WPS write one). Only these words matter, so a scan of them is enough (no parser)."""
    in_table = False
    merged: list[str] = []  # per cell of the row defined last: "m" above, "h" left, "-" not merged
    pending = "-"  # a \clvmrg or \clmrg read, its \cellx not yet

    def mark(m: re.Match) -> str:
        nonlocal in_table, pending
        word = m.group(1)
        if word == "trowd":
            merged.clear()
        elif word == "clvmrg":
            pending = "m" if pending == "-" else pending
        elif word == "clmrg":
            pending = "h"  # merged both ways: the cell to its left is already the merged cell
        elif word == "cellx":
            merged.append(pending)
            pending = "-"
        elif word == "pard":
            in_table = False
        elif word == "intbl":
            in_table = True
        elif word in ("cell", "nestcell"):
            return _RTF_CELL
        elif word in ("row", "nestrow"):
            return _RTF_MERGED + "".join(merged) + _RTF_ROW
        elif word == "par" and in_table:
            return _RTF_CELL_PAR
        return m.group(0)

    return mark


def _rtf_blocks(text: str) -> list[str]:
    r"""striprtf's text with its marked rows read as tables: a row is the text after the last line
    break before its end mark, its cells apart by cell marks; rows in a row make a table, read as
    read_doc reads one (a task table one line per task, a layout table as its paragraphs); merged
    cells as :func:`_rtf_row` makes them."""
    lines: list[str] = []
    rows: list[list[Cell]] = []
    *pieces, rest = text.split(_RTF_ROW)
    for piece in pieces:
        before, _, row = piece.rpartition("\n")
        if before.strip():
            lines.extend(_rtf_table(rows))
            rows = []
            lines.extend(before.split("\n"))
        row, _, merged = row.partition(_RTF_MERGED)
        cells = row.split(_RTF_CELL)[:-1]  # after the last cell mark: the row's own paragraph, empty
        rows.append(_rtf_row(cells, merged, rows[-1] if rows else []))
    lines.extend(_rtf_table(rows))
    lines.extend(rest.replace(_RTF_CELL, "").replace(_RTF_CELL_PAR, "\n").split("\n"))
    return lines


def _rtf_row(cells: list[str], merged: str, above: list[Cell]) -> list[Cell]:
    r"""A table row's cells (their text, paragraphs apart by ``_RTF_CELL_PAR``): a cell merged down
    (``\clvmrg``, ``m``) is the cell above it, one merged across (``\clmrg``, ``h``) the cell to its
    left, as python-docx repeats a merged .docx cell at every grid position it covers."""
    row: list[Cell] = []
    for col, text in enumerate(cells):
        flag = merged[col:col + 1]
        if flag == "h" and row:
            row.append(row[-1])
        elif flag == "m" and col < len(above):
            row.append(above[col])
        else:
            row.append(Cell(object(), tuple(ln.strip() for ln in text.split(_RTF_CELL_PAR) if ln.strip())))
    return row


def _rtf_table(rows: list[list[Cell]]) -> list[str]:
    if not rows:
        return []
    width = max(len(row) for row in rows)
    return _grid_lines([row + [Cell(object(), ()) for _ in range(width - len(row))] for row in rows])


def _grid_lines(grid: list[list[Cell]]) -> list[str]:
    """A table read from text (a pipe table, an RTF table) as read_doc reads one: a layout table as its
    cells' paragraphs, any other one line per row (a task table one clause per task)."""
    return _layout_lines(grid) if is_layout(grid) else table_lines(grid)


def _layout_lines(grid: list[list[Cell]]) -> list[str]:
    """A layout table's cells' lines, each cell once (a merged cell's ``key`` repeats), row by row
    (as read_docx reads one)."""
    seen: set[int] = set()
    lines: list[str] = []
    for row in grid:
        for cell in row:
            if id(cell.key) not in seen:
                seen.add(id(cell.key))
                lines.extend(cell.lines)
    return lines


def _quiet_pdf_loggers() -> None:
    """pypdf and pdfminer log what they repair or cannot read (``EOF marker not found``) through
    Python's last-resort handler, i.e. onto stderr above our own one-line error for the file; what a
    user needs is that one line (``not a readable PDF``), or nothing for a file that reads."""
    import logging

    for name in ("pypdf", "pdfminer"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    _quiet_pdf_loggers()

    try:
        reader = PdfReader(io.BytesIO(path.read_bytes()))  # an empty user password is tried by itself
        overprinted: set[int] = set()  # the pages drawing text over itself (_overprinted)
        pages = [fold_lookalikes(_page_text(page, n, overprinted))  # ⼀ U+2F00 read as 一
                 for n, page in enumerate(reader.pages)]
    except FileNotDecryptedError:
        # a user password is set: without it nothing can be read, and "not a readable PDF" hid why
        raise ReadError(path, "PDF is protected by a password: open it with the password, save a copy "
                              "without one and read that") from None
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ReadError(path, f"not a readable PDF ({type(exc).__name__})") from None
    text = "\n\n".join(pages)
    _check_fonts_mapped(path, text)  # before the text-layer check: codes read as text are no scan
    # a page drawn glyph by glyph (each character a text object of its own) reads in pypdf as one character a
    # line, no two together: it has a text layer, which pdfplumber reads by position below (formats16)
    if not _has_words(text) and not any(map(_scattered, pages)):
        raise ReadError(path, _NO_TEXT_LAYER)
    _warn_scanned_pages(path, reader.pages, pages)
    # pdfplumber only for the pages that may hold a ruled table or were scattered into glyphs: it
    # lays out every character (70 ms a page against pypdf's 5), and most notice pages hold neither
    redo = [n for n, (page, text) in enumerate(zip(reader.pages, pages))
            if n in overprinted or _may_hold_table(page) or _scattered(text) or _spaced_header(text)]
    read = _pdf_table_pages(path, pages, redo, overprinted) if redo else pages
    if redo:
        _check_fonts_mapped(path, "\n".join(read[n] for n in redo))  # pdfminer writes unmapped codes as (cid:N)
        if not _has_words("\n".join(read)):
            raise ReadError(path, _NO_TEXT_LAYER)
    return _fixed_layout_text(read)


_NO_TEXT_LAYER = ("PDF has no text layer (scanned image?); run OCR first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and "
                  "read the result")


def _page_text(page, number: int = 0, overprinted: set[int] | None = None) -> str:
    """pypdf's text of a page, two text columns written line by line across it put back in reading order
    (``_columns_in_order``); the shown strings' positions are taken in the same pass (pypdf's visitor).
    ``number`` is added to ``overprinted`` where the page draws text over itself (:func:`_overprinted`)."""
    pieces: list[tuple[float, float, float, str]] = []

    def seen(text: str, cm, tm, font, size) -> None:  # pypdf's visitor: a string shown, its matrices
        if text.strip():
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((y, x, abs(size * (tm[0] or 1) * (cm[0] or 1)), text.strip()))

    text = page.extract_text(visitor_text=seen) or ""
    if overprinted is not None and _overprinted(pieces):
        overprinted.add(number)
    try:
        width = float(page.mediabox.width)
    except (TypeError, ValueError, KeyError):
        return text
    return _columns_in_order(text, pieces, width)


#: how far apart (points) two draws of one string may lie and be one string overprinted: a fake bold's offsets
#: are a fraction of a point; pdfplumber's dedupe_chars, which reads such a page, takes the same tolerance
_OVERPRINT_TOLERANCE = 1.0


def _overprinted(pieces: list[tuple[float, float, float, str]]) -> bool:
    """Does a page draw some string again over itself, within ``_OVERPRINT_TOLERANCE`` (``pieces``: y, x, size,
    text as :func:`_page_text` takes them)? A fake bold does so (a font with no bold face, 方正小标宋 or 仿宋_GB2312, made
    bold by drawing each line or glyph two or three times a fraction of a point apart, as some print drivers and
    typesetting systems export it); no page shows one string twice at one place. One pass, a dict by text and line.

    Why: pypdf reads each draw, so the title and every bold line of such a PDF were read two or three times
    (``松川县…的通知`` twice over: two titles, a heading twice), glyph by glyph ``关关于于`` (formats16)."""
    seen: dict[tuple[str, int], list[tuple[float, float]]] = {}  # (text, its band of y) -> where it was drawn
    for y, x, _size, text in pieces:
        band = int(y // _OVERPRINT_TOLERANCE)
        for near in (band - 1, band, band + 1):
            if any(abs(y - y0) <= _OVERPRINT_TOLERANCE and abs(x - x0) <= _OVERPRINT_TOLERANCE
                   for y0, x0 in seen.get((text, near), ())):
                return True
        seen.setdefault((text, band), []).append((y, x))
    return False


def _columns_in_order(text: str, pieces: list[tuple[float, float, float, str]], width: float) -> str:
    """``text`` with a run of two text columns read left column first, then right, where the PDF writes each
    printed line across the page (the left column's line, then the right's at the same height): pypdf follows
    the content stream, so the columns interleaved line by line (一、… / 二、… / （一）left / （一）right …). A PDF
    writing column by column (a gazette set by a typesetting program) already reads in order and is left as is,
    as is any text whose lines do not match the shown strings (the span is looked for, never guessed)."""
    band = _column_band(_piece_rows(pieces), width)
    if band is None:
        return text
    left, right, stream = band
    lines = text.split("\n")
    squeeze = lambda line: re.sub(r"\s+", "", line)  # noqa: E731
    target = "".join(squeeze(t) for t in stream)
    for start in range(len(lines)):
        joined = ""
        for end in range(start, len(lines)):
            joined += squeeze(lines[end])
            if not target.startswith(joined):
                break
            if joined == target:
                return "\n".join(lines[:start] + left + right + lines[end + 1:])
    return text


def _piece_rows(pieces: list[tuple[float, float, float, str]]) -> list[list[tuple[float, float, float, str]]]:
    """The shown strings as printed lines, top down: strings at one height (within 1 pt), left to right, a string
    run on from the one before it (a font change within a line) joined to it; each (x, est. right edge, size, text)."""
    rows: list[list[tuple[float, float, float, str]]] = []
    for piece in sorted(pieces, key=lambda p: (-p[0], p[1])):
        if rows and abs(rows[-1][0][0] - piece[0]) <= 1:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    out = []
    for row in rows:
        merged: list[tuple[float, float, float, str]] = []
        for _, x, size, words in sorted(row, key=lambda p: p[1]):
            end = x + _text_width(words, size)
            if merged and x <= merged[-1][1] + 1.5 * size:
                merged[-1] = (merged[-1][0], end, merged[-1][2], merged[-1][3] + words)
            else:
                merged.append((x, end, size, words))
        out.append(merged)
    return out


def _text_width(text: str, size: float) -> float:
    """A string's printed width estimated from its font size: a Chinese character a full em, others half."""
    return sum(size if _CJK.match(ch) or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f" else size / 2
               for ch in text)


def _column_band(rows: list[list[tuple[float, float, float, str]]], width: float):
    """(left column's lines, right column's lines, the band's strings in stream order) of the first run of
    printed lines set in two text columns, else None.

    A run opens at a line of two strings, the second starting in the page's middle fifth (the gutter) after the
    first ends, and goes on over lines of two strings at the same margin and gutter, of one string at the gutter
    (the right column the longer) or of one string at the margin ending before the gutter in the columns' type
    size (the left the longer). It is two columns when the left column's line all but fills its width on two of
    its lines and the right column's on one (text wrapped at the column's width): a two-column table's short cells do not
    (a unit's name, a label), nor does a row of four cells."""
    def pair(row, margin: float | None = None, gutter: float | None = None) -> bool:
        if len(row) != 2 or row[0][1] > row[1][0] or not 0.4 * width <= row[1][0] <= 0.6 * width:
            return False
        return gutter is None or abs(row[1][0] - gutter) <= 3 and abs(row[0][0] - margin) <= 3

    def filled(row) -> tuple[bool, bool]:  # does each string all but fill its column (the right one's: to the margin's mirror)
        column = row[1][0] - row[0][0]
        return (row[0][1] - row[0][0] >= 0.8 * column,
                row[1][1] - row[1][0] >= 0.8 * min(column, width - row[1][0] - row[0][0]))

    for first, row in enumerate(rows):
        if not pair(row):
            continue
        margin, gutter, size = row[0][0], row[1][0], row[0][2]
        left, right, stream, full = [], [], [], [0, 0]
        for other in rows[first:]:
            if pair(other, margin, gutter):
                full = [n + f for n, f in zip(full, filled(other))]
                left.append(other[0])
                right.append(other[1])
                stream += [other[0][3], other[1][3]]
            elif len(other) == 1 and abs(other[0][0] - gutter) <= 3:
                full[1] += filled([(margin, gutter, size, ""), other[0]])[1]
                right.append(other[0])
                stream.append(other[0][3])
            elif len(other) == 1 and abs(other[0][0] - margin) <= 3 and other[0][1] < gutter and other[0][2] == size:
                full[0] += filled([other[0], (gutter, gutter, size, "")])[0]
                left.append(other[0])
                stream.append(other[0][3])
            else:
                break
        if full[0] >= 2 and full[1] >= 1:
            return _unwrapped(left), _unwrapped(right), stream
    return None


def _unwrapped(column: list[tuple[float, float, float, str]]) -> list[str]:
    """A column's printed lines as its paragraphs: a line reaching the column's edge (within one character of
    its longest line) runs on into the next unless that one opens a paragraph (a numbered item, an indent).

    Why here: the cleaner joins lines wrapped at the width the page's lines share; a column's width is no
    other line's, so its wrapped items were read as an item and a clause of its tail (…开展消防 / 安全检查。)."""
    edge = max(end for _, end, _, _ in column)
    lines: list[str] = []
    runs_on = False
    for _, end, size, text in column:
        if runs_on and not _opens_paragraph(text):
            lines[-1] += text
        else:
            lines.append(text)
        runs_on = end >= edge - size
    return lines


def _has_words(text: str) -> bool:
    """Two Chinese characters or three Latin letters in a row: a page (or file) with a text layer. Two
    Chinese characters a space apart count: a converter that places each character as a word gives a text
    layer of ``澄 溪 市 应 急`` (closed up by :func:`_unspaced`), and such a PDF was refused as a scan."""
    return re.search(r"[\u4e00-\u9fff][ \u3000]?[\u4e00-\u9fff]|[A-Za-z]{3,}", text) is not None


def warn(path: str | Path, message: str) -> None:
    """One warning line on stderr about a file that still reads (``policytag: warning: FILE: …``),
    said once per process: ``tag --stream`` reads each file twice."""
    import sys

    line = f"policytag: warning: {_SHOWN_AS.get(str(path), path)}: {message}"
    if line not in _WARNED:
        _WARNED.add(line)
        print(line, file=sys.stderr)


_WARNED: set[str] = set()
#: the name a file read on behalf of another is shown by (a zip member unpacked to a scratch file)
_SHOWN_AS: dict[str, str] = {}


def _warn_scanned_pages(path: Path, pdf_pages, texts: list[str]) -> None:
    """Say which pages of a PDF that has text are pictures without any (scanned pages: a signed
    page, an enclosure scanned in): their words are not read, and nothing else would show it.

    Why: a notice's 附件 is often scanned and appended to the text PDF; the notice read from its
    text pages, the scanned ones vanished silently. A page with words under its picture (a caption,
    an OCR layer) has text and is not named; a blank page holds nothing to lose."""
    scanned = [n + 1 for n, (page, text) in enumerate(zip(pdf_pages, texts))
               if not _has_words(text) and not _scattered(text) and _draws_image(page)]
    if scanned:
        which = f"page {scanned[0]}" if len(scanned) == 1 else f"pages {', '.join(map(str, scanned))}"
        verb = "is a picture" if len(scanned) == 1 else "are pictures"
        warn(path, f"{which} of {len(pdf_pages)} {verb} without text (scanned?) and not read; "
                   "run OCR (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) to read them")


def _draws_image(page) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # an image pypdf cannot list: no warning rather than no reading
        return False


_CID_CODE = re.compile(r"\(cid:\d+\)")
#: characters no text layer of a Chinese notice holds: controls (whitespace aside), the private use
#: area, the replacement character
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _check_fonts_mapped(path: Path, text: str) -> None:
    """Refuse a PDF whose text is its fonts' glyph codes rather than characters (:func:`_garbled`)."""
    if _garbled(text):
        raise ReadError(path, "the PDF's fonts have no Unicode map (its text extracts as codes, not characters); "
                              "convert it with OCR (e.g. ocrmypdf -l chi_sim --force-ocr in.pdf out.pdf) or get the "
                              ".docx/.ofd of the notice")


def _garbled(text: str) -> bool:
    """Is this extracted text glyph codes? A font embedded without a /ToUnicode map (or with one into
    the private use area) extracts as control characters, private-use characters, pdfminer's
    ``(cid:N)`` or a run of Latin letters and ASCII punctuation without one Chinese character.

    Why: such a PDF shows and prints right, so it is published; read, it gave "no notice structure"
    or "no text layer (scanned?)" (the wrong cure), or a document of mojibake that was tagged.
    Judged on the whole text (at least 30 visible characters), so a stray symbol does not count."""
    visible = re.sub(r"\s", "", _CID_CODE.sub("\ufffd", text))
    if len(visible) < 30:
        return False
    if len(_NOT_TEXT.findall(visible)) > 0.1 * len(visible):
        return True
    if len(_CJK.findall(visible)) > 0.05 * len(visible):
        return False
    # no Chinese: a Chinese notice's codes read as Latin-1 letters (Ã¥Ã©) or ASCII punctuation
    # and digits ("#$%&'()*+); English prose is mostly ASCII letters
    foreign = sum(1 for ch in visible if ch.isalpha() and not ch.isascii())
    symbols = sum(1 for ch in visible if ch.isascii() and not ch.isalnum())
    return foreign > 0.3 * len(visible) or symbols > 0.25 * len(visible)


def _fixed_layout_text(pages: list[str]) -> str:
    """The text of a fixed-layout document (PDF, OFD) from its pages' lines: running headers and
    footers dropped, letter-spaced lines closed up, and a table drawn without ruling lines, or with
    rules no table was found in, read back from one cell per line."""
    return copied_tables("\n\n".join(_unspaced(page) for page in _drop_running_lines(pages)))


def read_ofd(path: Path) -> str:
    """An OFD document (GB/T 33190): its pages' lines built from the glyphs' positions
    (``corpus.ofd``), a task table set out in columns read by position, then the rest as a PDF's
    text is read (:func:`_fixed_layout_text`)."""
    from .ofd import OfdError, has_text, line_text, ofd_pages

    try:
        pages = ofd_pages(path)
    except OfdError as exc:
        raise ReadError(path, str(exc)) from None
    if not has_text(pages):
        raise ReadError(path, "OFD has no text (scanned images?); export it to PDF, run OCR "
                              "(e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and read the result")
    texts = []
    header: list[Cell] | None = None  # the header row of the last ruled task table, for its next page
    for page in pages:
        lines, header = _ofd_ruled_lines(page, header)
        if lines is not None:
            texts.append("\n".join(lines))
            continue
        lines = page.lines
        found = _aligned_table_at(lines, page.table_end)
        if found is None:
            texts.append("\n".join(map(line_text, lines)))
            continue
        first, taken, table = found
        texts.append("\n".join([*map(line_text, lines[:first]), *table, *map(line_text, lines[first + taken:])]))
    return _fixed_layout_text(texts)


def _ofd_ruled_lines(page, header: list[Cell] | None) -> tuple[list[str] | None, list[Cell] | None]:
    """(the page's lines with each table ruled round its cells read as rows, the header row of its
    last task table), or (None, ``header``) for a page holding no such table (read as before).

    Why: a ruled table was read only by its words' positions, and only under a 序号 header; one
    without (工作任务 | 牵头单位 | 配合单位 | 完成时限) stayed lines of words apart by spaces, its
    wrapped cells lines of their own, and the cleaner made the whole table one clause. Its rules say
    which words share a cell (``corpus.ofd.ruled_tables``), merged cells included, as pdfplumber's
    do for a PDF; a task table going on from the page before keeps that page's header."""
    from .ofd import line_text, ruled_tables

    tables = ruled_tables(page)
    if not tables:
        return None, header
    out: list[str | None] = [line_text(line) for line in page.lines]
    read_any = False
    for table in tables:
        spots: dict[int, list[tuple[int, float, str]]] = {}  # cell id -> (line, left, text) of its words
        first = None
        kept: dict[int, list] = {}
        for k, (line, baseline) in enumerate(zip(page.lines, page.baselines)):
            for left, right, text in line:
                at = table.cell_at((left + right) / 2, baseline - 0.5)
                if at is None:
                    kept.setdefault(k, []).append((left, right, text))
                    continue
                spots.setdefault(table.cells[at[0]][at[1]], []).append((k, left, text))
                first = k if first is None else min(first, k)
        grid = _ruled_grid(table, spots)
        if first is None or is_layout(grid):
            continue
        if tables_header(grid) is None and header is not None and len(grid[0]) == len(header):
            grid = [header] + grid  # the task table goes on from the page before
        found = tables_header(grid)
        header = grid[found[0]] if found else None
        touched = {k for words in spots.values() for k, _, _ in words}
        for k in touched:
            out[k] = " ".join(text for _, _, text in kept[k]) if k in kept else None
        out[first] = "\n".join([*table_lines(grid), *([out[first]] if first in kept else [])])
        read_any = True
    if not read_any:
        return None, header
    return [line for line in out if line], header


def _ruled_grid(table, spots: dict[int, list[tuple[int, float, str]]]) -> list[list[Cell]]:
    """A ruled table's rows of :class:`Cell`: one per cell id (a merged cell repeats), its words line
    by line, the lines joined as a wrapped cell's are (``corpus.tables``: a cell wraps where the
    column ends, not where a sentence does)."""
    from .tables import _join_wrapped

    made: dict[int, Cell] = {}
    for cell_id, words in spots.items():
        rows: dict[int, list[tuple[float, str]]] = {}
        for k, left, text in words:
            rows.setdefault(k, []).append((left, text))
        text = _join_wrapped([" ".join(t for _, t in sorted(rows[k])) for k in sorted(rows)])
        made[cell_id] = Cell(object(), (text,) if text else ())
    empty: dict[int, Cell] = {}
    return [[made.get(c) or empty.setdefault(c, Cell(object(), ())) for c in row] for row in table.cells]


def read_xlsx(path: Path) -> str:
    """A spreadsheet (``.xlsx``, as Excel and WPS 表格 save one): each visible sheet's rows above its
    table (a title merged across, ``附件2``) as lines, then its table as a .docx table reads
    (``corpus.tables``: a task table one clause per task, another table one line per row).

    Why: a notice's task list (任务分解表, 责任清单) is often published as a spreadsheet of its own;
    it was refused. openpyxl reads it (merged ranges, shared strings, dates by their number format),
    and a merged range is one :class:`Cell` at every position it covers, as python-docx gives one."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    _check_sheet_size(path)
    try:
        # opened as a file, not by name: openpyxl refuses a name not ending in .xlsx/.xlsm, and WPS 表格 saves
        # a workbook in this format under .et too (read_file sends it here by its bytes); it was refused
        with open(path, "rb") as fh:
            book = openpyxl.load_workbook(fh, data_only=True)  # data_only: a formula's last value, not its source
    except (InvalidFileException, zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, OSError,
            EOFError) as exc:
        raise ReadError(path, _unreadable_sheet(exc, xlsx=True)) from None
    lines: list[str] = []
    shown_by_filter = 0
    for sheet in book.worksheets:
        if sheet.sheet_state == "visible":  # a hidden sheet (lists a form draws on) is no part of what is shown
            grid, shown = _sheet_grid(sheet)
            lines.extend(_sheet_lines(grid))
            shown_by_filter += shown
    _warn_filtered_rows(path, shown_by_filter)
    if count := _formulas_without_values(path):
        warn(path, f"{count} formula cell(s) hold no saved value (the file was written by a program, not saved by "
                   "Excel or WPS) and are read empty: open it in Excel or WPS, save it and read that")
    return "\n".join(lines)


_CACHED_VALUE = re.compile(rb"<v>[^<]")


def _formulas_without_values(path: Path) -> int:
    """How many formula cells of a workbook's sheets hold no cached value. Why: a formula is read by the value
    Excel or WPS saved with it (openpyxl's data_only); a workbook written by a program (a site's export, a
    script) often saves none, and its 序号 or 责任单位 read empty with no word said. Counted on the sheets' XML,
    cell by cell (``</c>`` closes each), in one pass."""
    count = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            for piece in archive.read(name).split(b"</c>"):
                cell = piece[piece.rfind(b"<c "):]
                if (b"<f>" in cell or b"<f " in cell) and not _CACHED_VALUE.search(cell):
                    count += 1
    return count


def _check_sheet_size(path: Path) -> None:
    """Refuse a workbook whose parts unpack past ``_ZIP_MEMBER_LIMIT``: openpyxl unpacks and parses
    every sheet whole, and a task list is a few kB; past that it is a zip bomb. The bytes each part
    actually unpacks to are counted, up to the limit (:func:`_unpacked_size`), not the sizes its
    headers state: a good workbook whose header stated 3 GB was refused as a bomb; a header stating
    less than its part holds gets no further, here or in openpyxl (zipfile stops at the stated size
    and finds the CRC wrong). A file that is no zip is left to openpyxl to refuse."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += _unpacked_size(archive, info, _ZIP_MEMBER_LIMIT - total)
                if total > _ZIP_MEMBER_LIMIT:
                    raise ReadError(path, _too_big(total))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return


def _unpacked_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> int:
    """The bytes a member unpacks to, counted by unpacking it a MB at a time and stopping once past
    ``room``; a member that cannot be unpacked (damaged, encrypted) counts what came out before (its
    reader says what is wrong, if the part is read at all)."""
    size = 0
    try:
        with archive.open(info) as part:
            while size <= room and (chunk := part.read(1 << 20)):
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError):
        pass  # RuntimeError: an encrypted member
    return size


def _sheet_grid(sheet) -> tuple[list[list[Cell]], int]:
    """A sheet's rows and columns that hold text, as a grid (:func:`_spread_grid`), and how many of its rows
    holding text an active filter hides (read all the same: :func:`_hidden_rows_cols`).

    Why from the cells stored (``_cells``, openpyxl's map of them) and not ``iter_rows``: that makes a
    cell at every position of the used rectangle, and one formatted cell at XFD1048576 (a column
    formatted to the sheet's end, as Excel leaves them) stretches it to 17 billion positions."""
    filled = {at: lines for at, cell in sheet._cells.items() if (lines := _sheet_value_lines(cell.value))}
    spans = [(r.min_row, r.max_row, r.min_col, r.max_col) for r in sheet.merged_cells.ranges]
    rows = {r for r, dim in sheet.row_dimensions.items() if dim.hidden}
    cols = {c for dim in sheet.column_dimensions.values() if dim.hidden and dim.min
            for c in range(dim.min, (dim.max or dim.min) + 1)}
    # active: a column's criterion (<filterColumn>); a filter whose arrows only are shown (set, then cleared) has none
    filtered = bool(sheet.auto_filter.ref and sheet.auto_filter.filterColumn)
    shown = len(rows & {r for r, _ in filled}) if filtered else 0
    return _spread_grid(filled, spans, _hidden_rows_cols(rows, cols, filtered)), shown


def _spread_grid(filled: dict[tuple[int, int], tuple[str, ...]], spans: list[tuple[int, int, int, int]],
                 hidden: tuple[set[int], set[int]] = (set(), set())) -> list[list[Cell]]:
    """The grid of a spreadsheet's cells that hold text (``filled``: (row, column) -> its lines), rows
    and columns empty throughout left out; a merged range (``spans``: first and last row, first and
    last column) one :class:`Cell` at each used position it covers, as python-docx repeats one.
    ``hidden``: the rows and columns hidden by hand (:func:`_hidden_rows_cols`), left out after the merged
    ranges are spread, so a range whose first row is hidden still fills the rows shown."""
    rows = sorted({r for r, _ in filled})
    cols = sorted({c for _, c in filled})
    merged: dict[tuple[int, int], Cell] = {}
    for top, bottom, left, right in spans:  # only its used positions: a range may span the whole sheet
        cell = Cell(object(), filled.get((top, left), ()))
        for row in rows[bisect_left(rows, top):bisect_right(rows, bottom)]:
            for col in cols[bisect_left(cols, left):bisect_right(cols, right)]:
                merged[row, col] = cell
    hidden_rows, hidden_cols = hidden
    return [[merged.get((r, c)) or Cell(object(), filled.get((r, c), ())) for c in cols if c not in hidden_cols]
            for r in rows if r not in hidden_rows]


def _hidden_rows_cols(rows: set[int], cols: set[int], filtered: bool) -> tuple[set[int], set[int]]:
    """The rows and columns of a sheet not read: those hidden by hand. Why: a sheet is read as Excel and WPS
    show and print it, as Word's hidden text is not read: a task list's row hidden by hand is a task dropped
    or a helper row, a hidden column a helper column (a lookup, a formula's input). But where the sheet has
    an active filter (``filtered``), rows are hidden by it, not by hand: a filter is a reader's view of the
    list (only one unit's tasks), not an edit of it, and every row is read (:func:`_warn_filtered_rows` says so:
    the file cannot tell a row the filter hides from one hidden by hand, Excel sets the same mark on both)."""
    return (set() if filtered else rows), cols


def _warn_filtered_rows(path: Path, count: int) -> None:
    """One warning for a workbook whose active filters hid ``count`` rows, all read (:func:`_hidden_rows_cols`):
    the reading then holds rows the sender did not see on screen."""
    if count:
        warn(path, f"{count} row(s) hidden by a filter are read, as every row of the list (a filter is a view of "
                   "it, not an edit): delete them in Excel or WPS and save, if they are no part of it")


#: BIFF8 records of a sheet's filter: FILTERMODE (rows are hidden by a filter), AUTOFILTER (a column's criterion);
#: an AutoFilter with no criterion (its arrows only: AUTOFILTERINFO, the _FilterDatabase name) hides nothing
_XLS_FILTER_RECORDS = (0x9B, 0x9E)
_XLS_BOF, _XLS_EOF = 0x809, 0x0A


def _xls_filter_active(book, index: int) -> bool:
    """Does the ``index``-th sheet of an xlrd book (opened ``on_demand``: its stream kept) have an active filter?

    Why the records: xlrd reads none of a filter's; the _FilterDatabase name it does read is there for any
    AutoFilter, one whose criteria were cleared too, and with it a row hidden by hand was read as a filter's
    (the sheet read otherwise than the same sheet without the filter). One pass over the sheet's records, to its
    EOF (a chart embedded in the sheet has a BOF and EOF of its own)."""
    mem = book.mem
    pos, depth = book._sh_abs_posn[index], 0
    while pos + 4 <= len(mem):
        code, size = struct.unpack_from("<HH", mem, pos)
        if code in _XLS_FILTER_RECORDS:
            return True
        if code == _XLS_BOF:
            depth += 1
        elif code == _XLS_EOF:
            depth -= 1
            if depth <= 0:
                return False
        pos += 4 + size
    return False


def read_xls(path: Path) -> str:
    """An Excel 97-2003 workbook (``.xls``; a WPS 表格 ``.et`` is tried as one): read as an .xlsx is
    (:func:`_sheet_lines`), by xlrd, which reads the BIFF records, merged ranges and dates by format.

    Why: older office systems and sites still publish a task list (任务分解表) as .xls; it was refused."""
    import xlrd

    try:
        # formatting: merged ranges, hidden rows; logfile: xlrd writes its warnings (a file cut short: "file size
        # (300) not 512 + multiple of sector size") to stdout, where they went into `segment`'s JSON lines
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=io.StringIO())
        lines: list[str] = []
        shown_by_filter = 0
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility:  # hidden (1) or very hidden (2): the lists a form draws on
                continue
            filled: dict[tuple[int, int], tuple[str, ...]] = {}
            for r in range(sheet.nrows):
                for c, cell in enumerate(sheet.row(r)):
                    value = cell.value
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        value = xlrd.xldate_as_datetime(value, book.datemode)
                    elif cell.ctype not in (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER):
                        continue  # empty, blank, an error code, a boolean: no words of the notice
                    if text := _sheet_value_lines(value):
                        filled[r, c] = text
            spans = [(r0, r1 - 1, c0, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
            hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
            filtered = bool(hidden_rows) and _xls_filter_active(book, index)
            shown_by_filter += len(hidden_rows & {r for r, _ in filled}) if filtered else 0
            hidden = _hidden_rows_cols(hidden_rows, {c for c, info in sheet.colinfo_map.items() if info.hidden},
                                       filtered)
            lines.extend(_sheet_lines(_spread_grid(filled, spans, hidden)))
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, struct.error, ValueError, IndexError, KeyError, OverflowError,
            AssertionError, EOFError, UnicodeDecodeError) as exc:  # what xlrd raises on damaged records
        raise ReadError(path, _unreadable_sheet(exc)) from None
    _warn_filtered_rows(path, shown_by_filter)
    return "\n".join(lines)


def _unreadable_sheet(exc: Exception | None, xlsx: bool = False) -> str:
    """The one refusal of a workbook that is not read (an .xlsx, .xls or .et damaged, cut short or with a
    password; ``exc`` what its reader raised, None for an OLE file under an .xlsx name): what it is, then
    what to do. Why one: the .xlsx and .xls readers worded it two ways. "again" where it already is an
    .xlsx (``xlsx``: its bytes are one); "without a password" where a password may be why."""
    if exc is None:
        what = "an encrypted workbook or an Excel 97-2003 one under an .xlsx name"
    elif "encrypt" in str(exc).lower():
        what = "an encrypted workbook"
    else:
        what = f"a spreadsheet that cannot be read ({type(exc).__name__})"
    again = "again " if xlsx else ""
    password = " without a password" if "encrypted" in what else ""
    return f"{what}: open it in WPS or Excel, save it {again}as .xlsx{password} and read that ({_FORMATS_READ})"


def _sheet_value_lines(value) -> tuple[str, ...]:
    """A cell's value (openpyxl's or xlrd's) as it is shown: a whole number without ``.0`` (a 序号
    typed as a number), a date as a notice writes one (``2027年8月15日``), a cell's own line breaks
    (Alt+Enter) kept."""
    import datetime

    if value is None:
        return ()
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        value = value.date()
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        text = f"{value.year}年{value.month}月{value.day}日"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _sheet_lines(grid: list[list[Cell]]) -> list[str]:
    """A sheet's lines: each leading row of one text (a title merged across the table, ``附件2``) as a
    line, the rows from the first of several cells on as one table (:func:`_grid_lines`).

    Why not the table reader alone: a table in a notice drops an unnumbered caption row (the notice
    names its table); a spreadsheet has no notice around it, and its caption is its title."""
    start = 0
    while start < len(grid) and len({id(cell.key) for cell in grid[start] if cell.lines}) <= 1:
        start += 1
    lines = [line for row in grid[:start] for line in next(cell for cell in row if cell.lines).lines]
    return lines + (_grid_lines(grid[start:]) if grid[start:] else [])


# a path (re: rectangle, l: line, c/v/y: curve) or a form XObject (Do), as an operator token of a
# page's content stream: what pdfplumber's table finder draws its edges from. A page with none holds
# no ruled table; a match inside some string only costs the pdfplumber pass it saves otherwise.
_PATH_OPERATOR = re.compile(rb"(?:^|\s)(?:re|l|c|v|y|Do)(?=\s|$)")


def _may_hold_table(page) -> bool:
    try:
        contents = page.get_contents()
        return contents is not None and _PATH_OPERATOR.search(contents.get_data()) is not None
    except Exception:  # a content stream pypdf cannot decode: let pdfplumber look, as before
        return True


_LETTER_SPACED = re.compile(r"^\s*\S(?: \S){3,}\s*$")


def _unspaced(page: str) -> str:
    """A page's letter-spaced lines (``松 政 发 〔 2 0 2 7 〕 1 1 号``) closed up. pdfplumber, which reads
    the pages with tables and the glyph-by-glyph ones, puts a space wherever two characters stand
    more than 3 pt apart: a title or number set with wide letter spacing, as red-header documents
    set them, came out one character per word and was read as no title and no number. Only a line
    spaced after every character is touched (two organs set apart on one line keep their gap)."""
    if " " not in page:
        return page
    lines = page.split("\n")
    spaced = _LETTER_SPACED_SHORT if _spaced_throughout(lines) else _LETTER_SPACED
    return "\n".join(line.replace(" ", "") if spaced.match(line) else line for line in lines)


#: a line of two characters or more, a space after every one (``序 号``)
_LETTER_SPACED_SHORT = re.compile(r"^\s*\S(?: \S)+\s*$")


def _spaced_throughout(lines: list[str]) -> bool:
    """Is a page's whole text layer letter-spaced (two thirds of its lines of two characters or more
    spaced after every character, four at least)? Then its short lines are too: a converter that places
    each character as a word spaces every line, and a table's two-character cells (``序 号``, ``1 2``) kept
    their spaces where the 4-character rule of a red header's title left them, so no table header was
    found and the task table read as one run of cells."""
    long = [line for line in lines if len(line.replace(" ", "")) >= 2]
    spaced = sum(bool(_LETTER_SPACED_SHORT.match(line)) for line in long)
    return spaced >= 4 and 3 * spaced >= 2 * len(long)


def _drop_running_lines(pages: list[str]) -> list[str]:
    """``pages`` without their running header and footer: a short line that opens (or, page numbers
    aside, closes) at least two pages and half of them, digits compared as one (``第3期``); and an
    organ's name opening a later page that the notice also sets elsewhere on a line of its own.

    Why: a PDF exported from Word or WPS repeats its header (the issuer's name, a gazette's title)
    and footer on every page. As text the cleaner reads such a line as an issuer or a sentence, and
    it cuts the paragraph that runs over the page break in two. A line followed on a page by a
    title or a date is no running line but a notice's issuer line or signature (a file of one-page
    notices each opening with its issuer), and stays.
    """
    if len(pages) < 2:
        return pages
    split = [page.split("\n") for page in pages]

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))

    def following(lines: list[str], i: int) -> str:
        """The next line of text after line ``i`` (a page number drawn in between is passed over)."""
        return next((x.strip() for x in lines[i + 1:] if x.strip() and not _page_mark(x)), "")

    # each edge peeled a line at a time, up to three deep: a header of two lines (the organ over the
    # document number, a gazette's name over its issue) repeats its second line only where its first
    # was a running line too
    order = []
    for lines in split:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        body = [i for i in filled if not _page_mark(lines[i])]
        order.append((filled, body[::-1]))
    drop: list[set[int]] = [set() for _ in split]
    for side in (0, 1):
        for depth in range(3):
            counts: dict[str, list[tuple[int, int]]] = {}
            for number, lines in enumerate(split):
                edge = order[number][side]
                if len(edge) <= depth or any(i not in drop[number] for i in edge[:depth]):
                    continue  # the page's lines nearer the edge were no running lines: this one is text
                i = edge[depth]
                if len(lines[i].strip()) <= 40 and "。" not in lines[i] and not _opens_paragraph(lines[i]):
                    counts.setdefault(key(lines[i]), []).append((number, i))
            peeled = False
            for found in counts.values():
                if len(found) < 2 or 2 * len(found) < len(pages):
                    continue
                # the line after it: a title or a date there makes it the notice's own issuer line or
                # signature (one-page notices of one file, each opening with its issuer), kept where so.
                # A running line that is itself a title (the notice's title as every page's header) is no
                # issuer: the page-1 title under it, the date under it on the last page made it kept
                # everywhere, and read as a second notice opening on each page
                n0, i0 = found[0]
                if _title_shaped(split[n0][i0]):
                    opens = [False] * len(found)
                else:
                    opens = [RE_TITLE.match(a) or title_like(a) or RE_DATE.match(a)
                             for a in (following(split[n], i) for n, i in found)]
                if 2 * sum(map(bool, opens)) >= len(found):
                    continue
                for (n, i), own in zip(found, opens):
                    if not own:
                        drop[n].add(i)
                        peeled = True
            if not peeled:
                break
    _keep_one_title(split, drop, key)
    # Word's "different first page": the header runs from page 2 on, so a two-page notice shows it
    # once. An organ's name opening a later page, that the notice names in a line of its own
    # elsewhere too (its title's first line, its signature), is that header
    everywhere = Counter(key(line) for lines in split for line in lines if line.strip())
    for n in range(1, len(split)):
        i = order[n][0][0] if order[n][0] else None
        if i is None or i in drop[n] or len(split[n][i].strip()) > 40 or everywhere[key(split[n][i])] < 2:
            continue
        after = following(split[n], i)
        if classify(split[n][i], 0).kind == "issuer" and not (RE_TITLE.match(after) or title_like(after) or RE_DATE.match(after)):
            drop[n].add(i)
            # its second line, the document number the notice carries under its red header too
            nxt = next((k for k in order[n][0] if k > i), None)
            if nxt is not None and classify(split[n][nxt], 0).kind == "docnum" and everywhere[key(split[n][nxt])] >= 2:
                drop[n].add(nxt)
    return ["\n".join(line for i, line in enumerate(lines) if i not in gone) for lines, gone in zip(split, drop)]


def _title_shaped(line: str) -> bool:
    """Does ``line`` read as a notice's title (``关于…的通知``, or title-like: ``clean.title_like``)?"""
    s = line.strip()
    return bool(RE_TITLE.match(s) or title_like(s))


def _keep_one_title(split: list[list[str]], drop: list[set[int]], key: Callable[[str], str]) -> None:
    """The notice's title kept where the running header is the title too and the first page's title line was
    taken with it (Word's header from page 2 on, the title opening page 1 in the same words): a title-shaped
    line of the first page dropped as a running line whose words are left nowhere (across lines: a title printed
    over two lines holds them) is kept, so the notice is not read without its title."""
    left = "".join(key(line) for lines, gone in zip(split, drop) for i, line in enumerate(lines) if i not in gone)
    for i in sorted(drop[0]):
        words = key(split[0][i])
        if _title_shaped(split[0][i]) and words not in left:
            drop[0].discard(i)
            left += words


def _opens_paragraph(line: str) -> bool:
    """An indented line (two full-width spaces), a numbered item's first line or an enclosure's label
    (``附件1``, ``附件2`` opening their pages: the same words but for the number, as a running
    header's issue number) is the notice's text, however often pages open or end on such words."""
    return line.startswith("\u3000") or heading_level(line) is not None or bool(RE_ATTACHMENT.match(line))


def _pdf_table_pages(path: Path, pages: list[str], numbers: list[int], overprinted: set[int] = frozenset()) -> list[str]:
    """``pages`` (pypdf's text) with each page that holds a ruled table read again by pdfplumber:
    the text above, between and below its tables, and each table as rows (``corpus.tables``); a
    page pypdf scattered into single characters (:func:`_scattered`) is read again by pdfplumber.

    Why: pypdf gives a table one cell per line, in an order the cleaner joins into one run (a task
    table's 序号 column even reads as page numbers). pdfplumber finds a table by its ruling lines,
    so a page without one, as most notice pages are, keeps pypdf's text unchanged. A task table
    running over pages keeps the header of its first page. Only the pages ``numbers`` are looked at
    (the others hold no path to rule a table with, nor scattered glyphs). A page of ``overprinted`` (a fake
    bold's text drawn over itself) is read with its repeated glyphs dropped (pdfplumber's dedupe_chars).
    """
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    out = list(pages)
    header: list[Cell] | None = None  # the header row of the last task table, for its next page
    try:
        with pdfplumber.open(path) as pdf:
            for number in numbers:
                page = pdf.pages[number]
                if number in overprinted:  # a fake bold's draws: one glyph each
                    page = page.dedupe_chars(tolerance=_OVERPRINT_TOLERANCE)
                for char in page.chars:  # as pypdf's text was (read_pdf): every word below is made of them
                    char["text"] = fold_lookalikes(char["text"])
                tables = sorted((t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2),
                                key=lambda t: t.bbox[1])
                if not tables:
                    if _spaced_header(out[number]):
                        out[number] = _pdf_aligned_table(page) or out[number]
                    elif _scattered(out[number]):
                        out[number] = page.extract_text() or ""
                    elif number in overprinted:
                        out[number] = _pdf_text(page, 0, float(page.height))
                    continue
                lines: list[str] = []
                top = 0.0
                for table in tables:
                    lines.append(_pdf_text(page, top, table.bbox[1]))
                    grid = _pdf_grid(page, table)
                    if is_layout(grid):
                        lines.append(_pdf_text(page, table.bbox[1], table.bbox[3]))
                    else:
                        if tables_header(grid) is None and header is not None and len(grid[0]) == len(header):
                            grid = [header] + grid  # the task table goes on from the page before
                        found = tables_header(grid)
                        header = grid[found[0]] if found else None
                        lines.extend(table_lines(grid))
                    top = table.bbox[3]
                lines.append(_pdf_text(page, top, page.height))
                out[number] = "\n".join(line for line in lines if line)
    except (PDFSyntaxError, ValueError, KeyError, TypeError, OSError):
        return pages  # pypdf read it; a table pdfplumber cannot parse is read as pypdf's text
    return out


def _spaced_header(text: str) -> bool:
    """Does a line of pypdf's text read as a task table's header set out on one line (``序号 工作任务
    责任单位 完成时限``)? A table drawn without ruling lines, each row one line of text, reads so."""
    return "序" in text and any(task_header(line.split()) for line in text.split("\n") if line.count(" ") >= 2)


def _pdf_aligned_table(page) -> str | None:
    """A page holding a task table set out in columns without ruling lines, read by position
    (``corpus.tables.aligned_table``): the text above and below it, the table one line per task.

    Why: pypdf reads such a table one row per line, its cells apart by spaces, and a cell wrapped
    over lines as a line of its own (``开展…全面排查 县住建局 6月底前`` / ``老旧管网和餐饮场所隐患``):
    the cleaner made one clause of the whole table. Only the words' positions say which column a
    wrapped line belongs to."""
    words = sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for word in words:
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    found = _aligned_table_at([[(w["x0"], w["x1"], w["text"]) for w in ln] for ln in lines])
    if found is None:
        return None
    i, taken, table = found
    top = min(w["top"] for w in lines[i])
    bottom = max(w["bottom"] for ln in lines[i:i + taken] for w in ln)
    parts = [_pdf_text(page, 0, top - 1), *table, _pdf_text(page, bottom + 1, page.height)]
    return "\n".join(part for part in parts if part)


def _aligned_table_at(lines: list[list[tuple[float, float, str]]],
                      end: Callable[[int], int] | None = None) -> tuple[int, int, list[str]] | None:
    """(its first line, the lines it takes, the lines it reads as) of the first task table set out
    in columns among a page's ``lines`` (each its words as (left, right, text)), or None. ``end``:
    the index after the last line a table with its header at a given line may take (default: all)."""
    for i in range(len(lines)):
        found = aligned_table(lines[i:end(i) if end else len(lines)])
        if found is not None:
            return i, found[0], found[1]
    return None


def _scattered(text: str) -> bool:
    """Did pypdf give this page one glyph per line? A PDF whose producer sets each character at its
    own position (justified lines exported glyph by glyph, as some WPS and OFD-to-PDF converters
    write them) reads in pypdf as a column of single characters, a number's digits apart from
    their line (``24小时`` as ``小时`` and a stray ``2``, ``4``): every character became a clause.
    pdfplumber groups characters into lines by their position, so such a page is read by it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    short = sum(len(line) <= 2 for line in lines)
    return short >= 8 and 3 * short >= len(lines)


def _pdf_text(page, top: float, bottom: float) -> str:
    """pdfplumber's text of the page between ``top`` and ``bottom`` (the text round its ruled tables), two text
    columns in it read left column, then right, as :func:`_page_text` reads a page without a table.

    Why: pdfplumber, as pypdf, reads each printed line across the page, so a two-column page with a ruled
    table below read its columns interleaved line by line (formats9's two_columns_ruled.pdf)."""
    if bottom - top < 1:
        return ""
    crop = page.crop((0, max(top, 0), page.width, min(bottom, page.height)))
    text = crop.extract_text() or ""
    words = crop.extract_words(extra_attrs=["size"])
    pieces = [(float(page.height) - w["top"], w["x0"], w["size"], w["text"]) for w in words]
    return _columns_in_order(text, pieces, float(page.width))


def _pdf_grid(page, table) -> list[list[Cell]]:
    """A pdfplumber table as a grid of :class:`Cell`: a spanning cell (``None`` where pdfplumber
    starts no cell) repeated at every position its box covers. A cell's lines are joined: a PDF
    breaks a cell's text where the column ends, not where a paragraph does."""
    from pdfplumber.utils import extract_text

    made: dict[tuple, Cell] = {}

    def cell_at(bbox) -> Cell:
        if bbox not in made:
            x0, top, x1, bottom = bbox
            chars = [c for c in page.chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom]
            text = extract_text(chars) if chars else ""
            text = re.sub(r"\n(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\n", "", text).replace("\n", " ").strip()
            made[bbox] = Cell(object(), (text,) if text else ())
        return made[bbox]

    boxes = list(table.cells)
    columns = [c.bbox for c in table.columns]
    grid: list[list[Cell]] = []
    for row in table.rows:
        cy = (row.bbox[1] + row.bbox[3]) / 2
        cells = []
        for j, bbox in enumerate(row.cells):
            if bbox is None and j < len(columns):
                cx = (columns[j][0] + columns[j][2]) / 2
                bbox = next((b for b in boxes if b[0] <= cx < b[2] and b[1] <= cy < b[3]), None)
            cells.append(cell_at(bbox) if bbox is not None else Cell(object(), ()))
        grid.append(cells)
    return grid


# -- a zip of attachments ---------------------------------------------------------------------------
#: a zip member's name in a run: ``附件.zip!附件1.docx`` (as Java's jar: URLs name an entry)
ZIP_MEMBER_MARK = "!"
#: the most a member may unpack to: a notice with its pictures is a few MB; past this it is a zip bomb
_ZIP_MEMBER_LIMIT = 100 * 1024 * 1024
#: the most members of one zip that are read (a zip of thousands is no notice's attachments)
_ZIP_MEMBERS_LIMIT = 500


def _is_attachments_zip(path: Path) -> bool:
    """Is ``path`` a ``.zip`` of files (not a .docx or .ofd archive under that name, which is read as
    what it is)? A ``.zip`` that is no zip at all is read here too, to be refused in one line."""
    if path.suffix.lower() != ".zip" or not path.is_file():
        return False
    try:
        with open(path, "rb") as fh:
            return _sniff(path, fh.read(2048)) not in (".docx", ".ofd")
    except OSError:
        return True  # read_file says why it cannot be read


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its maker wrote it: a zip made on a Chinese Windows (7-Zip, WinRAR, the
    Explorer) stores GBK bytes without the UTF-8 flag, which zipfile decodes as CP437 (``¢╜╝■``)."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def zip_members(path: Path) -> list[Path]:
    """The members of a zip of attachments to read, as ``ZIP.zip!member`` paths, in name order:
    those of a format read here and nested zips (refused when read, in one line each). A zip that
    cannot be opened, or holds no such member, is itself the one path (read_file says why)."""
    return [Path(f"{path}{ZIP_MEMBER_MARK}{name}") for name in _zip_member_names(path)] or [path]


def _zip_member_names(path: Path) -> list[str]:
    """The names of the members of the zip at ``path`` to read (see ``zip_members``); none when it cannot be opened."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [_member_name(info) for info in archive.infolist()
                     if not info.is_dir() and not _byproduct_member(archive, info)]
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return []
    return sorted(n for n in names if Path(n).suffix.lower() in (*SUPPORTED_SUFFIXES, ".zip"))[:_ZIP_MEMBERS_LIMIT]


def _byproduct_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Is a zip's member a byproduct (``_byproduct``), or under the ``__MACOSX/`` folder a Mac's zip puts its
    metadata in? Only a ``~$`` or ``._`` name is opened (its first bytes)."""
    name = _member_name(info)
    if "__MACOSX" in name.replace("\\", "/").split("/"):
        return True
    if not name.replace("\\", "/").rsplit("/", 1)[-1].startswith(("~$", "._")):
        return False
    try:
        with archive.open(info) as member:
            head = member.read(8)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, RuntimeError, OSError):
        return False  # an encrypted or damaged member: _read_member says why
    return _byproduct(name, head, info.file_size) is not None


def _split_member(path: Path) -> tuple[Path, str] | None:
    """(the zip or mail, the member's name) of a ``ZIP.zip!member`` / ``MAIL.eml!attachment`` path, else None."""
    text = str(path)
    start = 0
    while (i := text.find(ZIP_MEMBER_MARK, start)) >= 0:
        outer = Path(text[:i])
        if outer.suffix.lower() in (".zip", *_MAIL_SUFFIXES) and outer.is_file():
            return outer, text[i + 1:]
        start = i + 1
    return None


def _read_zip(path: Path) -> str:
    """A zip named as a file to read whole: its members are read one by one (``expand_paths``), so
    reaching here it could not be opened or held nothing to read."""
    try:
        with zipfile.ZipFile(path) as archive:
            archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        with open(path, "rb") as fh:
            head = fh.read(8)
        why = next((why for magic, why in _ARCHIVE_MAGIC if head.startswith(magic)), None)
        raise ReadError(path, f"{why} (named .zip)" if why else f"not a readable zip file ({type(exc).__name__})") from None
    raise ReadError(path, f"a zip holding no notice file ({_FORMATS_READ})")


def _read_member(archive_path: Path, name: str, shown_archive: str | None = None) -> str:
    """One member of a zip of attachments, read as the file it is; errors and warnings name it as
    ``ZIP.zip!member``. Refused, each in one line: a name that climbs out of the zip (``..``, an
    absolute path: no extractor should write it, so its maker meant harm or erred), a zip inside the
    zip, an encrypted member, one unpacking past ``_ZIP_MEMBER_LIMIT`` (a zip bomb; the size its
    header states is not trusted, the unpacking stops there).

    Why unpacked to a scratch file: every reader here reads a path (pdfplumber, python-docx,
    olefile) and chooses by its suffix and bytes; the member's own name never reaches the disk.
    ``shown_archive``: the zip's name in messages when ``archive_path`` is a scratch copy (a mail's zip)."""
    shown = f"{shown_archive or archive_path}{ZIP_MEMBER_MARK}{name}"
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
        raise ReadError(shown, "a member named outside the zip (an absolute path or ..) is not read: unpack the zip "
                               "with a tool you trust and read its files")
    suffix = Path(parts[-1]).suffix.lower()
    if suffix == ".zip":
        raise ReadError(shown, "a zip inside a zip is not read: unpack it and read its files")
    try:
        with zipfile.ZipFile(archive_path) as archive:
            info = next((i for i in archive.infolist() if _member_name(i) == name), None)
            if info is None:
                raise ReadError(shown, "no such member in the zip")
            if info.flag_bits & 0x1:
                raise ReadError(shown, "an encrypted zip member: unpack it with its password and read the file")
            if info.file_size > _ZIP_MEMBER_LIMIT:
                raise ReadError(shown, _too_big(info.file_size))
            with archive.open(info) as source:
                return _read_scratch(shown, suffix, lambda target: _copy_capped(source, target, shown))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise ReadError(shown, f"damaged zip member ({type(exc).__name__}): unpack the zip and read its files") from None
    except OSError as exc:
        raise ReadError(shown, f"cannot unpack ({exc.strerror or type(exc).__name__})") from None


def _read_scratch(shown: str, suffix: str, write: Callable) -> str:
    """A file unpacked from a zip or a mail (``write`` fills the scratch file) read as what it is, its errors
    and warnings naming it ``shown``; the scratch folder goes with the read."""
    with _scratch_file(shown, suffix, write) as local:
        _SHOWN_AS[str(local)] = shown
        try:
            return read_file(local)
        except ReadError as exc:
            raise ReadError(shown, exc.reason) from None
        finally:
            _SHOWN_AS.pop(str(local), None)


#: how many zips and mails deep a file may be unpacked from: a mail's zip's file (MAIL.eml!a.zip!x.docx), a zip's
#: mail's attachment (x.zip!m.eml!x.docx); one level more (a zip in a mail in a zip) is refused, as a zip in a zip
#: is, so that no file multiplies its size through a chain of containers
_NESTING_LIMIT = 2
_nesting = 0


@contextmanager
def _scratch_file(shown: str, suffix: str, write: Callable):
    """A scratch file filled by ``write``, one level deeper in zips and mails (refused past ``_NESTING_LIMIT``);
    the scratch folder is removed after."""
    import tempfile

    global _nesting
    if _nesting >= _NESTING_LIMIT:
        raise ReadError(shown, f"nested too deep (more than {_NESTING_LIMIT} zips and mails, one in another): "
                               "unpack it and read its files")
    _nesting += 1
    try:
        with tempfile.TemporaryDirectory(prefix="policytag-zip-") as scratch:
            local = Path(scratch) / f"member{suffix}"
            with open(local, "wb") as target:
                write(target)
            yield local
    finally:
        _nesting -= 1


# -- a mail (.eml, .msg) ----------------------------------------------------------------------------
#: the saved mails read: RFC 5322 text (.eml: Outlook's "save as", Foxmail, webmail) and Outlook's own .msg
_MAIL_SUFFIXES = (".eml", ".msg")


def _mail(path: Path):
    """A saved mail (``.eml``, RFC 5322, as Outlook, Foxmail and webmail save one) parsed by the standard
    library's ``email`` (names in RFC 2047/2231 decoded), or the one-line error."""
    import email
    from email import policy

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot read ({exc.strerror or type(exc).__name__})") from None
    mail = email.message_from_bytes(data, policy=policy.default)
    if not mail.keys() or mail.defects and not mail.get_payload():
        raise ReadError(path, "not a readable mail (.eml): no mail headers")
    return mail


def _outlook(path: Path, storage: str = ""):
    """An Outlook ``.msg`` read by ``corpus.msg`` (with ``storage``: a mail attached in it), or the one-line error."""
    from .msg import MsgError, read_mail

    try:
        return read_mail(path, storage)
    except MsgError as exc:
        raise ReadError(path, str(exc)) from None


class _AttachedMail(str):
    """What ``_attached_files`` gives for a mail attached to an Outlook mail that holds no file read here:
    its storage (its own text is read, ``_outlook_text``), in place of the bytes of a file."""


def _attached_files(path: Path) -> dict[str, Callable[[], bytes] | _AttachedMail]:
    """A mail's attachments of a format read here (a zip among them), in their order, each name with
    what gives its bytes (decoded when asked for); a name given twice is read once. In an Outlook mail, a
    mail attached to it (转发为附件) is followed: its files named ``转发.msg!name``, or, with none, the
    attached mail itself (``转发.msg``, an :class:`_AttachedMail`: its text is read). In an .eml, a mail
    attached to it (``message/rfc822``: a webmail's or Foxmail's forward as attachment) holding no file read
    here is itself an attachment, ``<its subject>.eml``: its text is read (its files are read as the mail's)."""
    if path.suffix.lower() == ".msg":
        found: dict[str, Callable[[], bytes] | _AttachedMail] = {}
        _outlook_files(path, "", "", found)
        return found
    from .msg import mail_file_name

    found = {}
    for part in _mail(path).walk():
        if part.get_content_type() == "message/rfc822" and part.is_multipart():
            inner = part.get_payload(0)
            if not _holds_files(inner):
                name = mail_file_name(str(inner.get("subject") or ""), f"附件{len(found) + 1}", ".eml")
                found.setdefault(name, lambda inner=inner: bytes(inner))
            continue
        name = part.get_filename()
        if name and not part.is_multipart():
            name = name.replace("\\", "/").split("/")[-1]  # a name is a name, never a path
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                found.setdefault(name, lambda part=part: part.get_payload(decode=True) or b"")
    return found


def _holds_files(mail) -> bool:
    """Does this mail (an .eml's attached mail) hold a file read here, or a mail of its own?"""
    return any(part.get_content_type() == "message/rfc822"
               or Path((part.get_filename() or "").replace("\\", "/").split("/")[-1]).suffix.lower() in SUPPORTED_SUFFIXES
               for part in list(mail.walk())[1:])


def _outlook_files(path: Path, storage: str, prefix: str, found: dict) -> bool:
    """Add the files of the Outlook mail at ``storage`` (and of the mails attached to it) to ``found``, named
    under ``prefix``; whether it held any."""
    from .msg import attachment_data

    before = len(found)
    for item in _outlook(path, storage).attachments:
        name = prefix + item.name
        if item.embedded:
            if not _outlook_files(path, item.storage, name + ZIP_MEMBER_MARK, found):
                found.setdefault(name, _AttachedMail(item.storage))
        elif Path(item.name).suffix.lower() in SUPPORTED_SUFFIXES:
            found.setdefault(name, lambda item=item: attachment_data(path, item))
    return len(found) > before


def mail_members(path: Path) -> list[Path]:
    """The attachments of a mail to read, as ``MAIL.eml!name`` paths (an office mails a notice as its
    attachment, the mail's own text a cover note: 请查收); an attached zip's members as
    ``MAIL.eml!name.zip!member``, as a zip's are. A mail without such an attachment, or one that cannot be
    parsed, is itself the one path: its text is read (the notice pasted into the mail)."""
    try:
        files = _attached_files(path)
    except ReadError:
        return [path]
    names: list[str] = []
    for name, data in files.items():
        names.extend(_zip_attachment_members(path, name, data) if Path(name).suffix.lower() == ".zip" else [name])
    return [Path(f"{path}{ZIP_MEMBER_MARK}{name}") for name in names[:_ZIP_MEMBERS_LIMIT]] or [path]


def _zip_attachment_members(mail_path: Path, name: str, data: Callable[[], bytes]) -> list[str]:
    """``name!member`` for each member of an attached zip to read; ``[name]`` alone when none (read_file
    then says why: too big, not a zip, nothing in it to read)."""
    try:
        with _attached_zip(mail_path, name, data) as local:
            members = _zip_member_names(local)
    except ReadError:
        members = []
    return [f"{name}{ZIP_MEMBER_MARK}{member}" for member in members] or [name]


@contextmanager
def _attached_zip(mail_path: Path, name: str, data: Callable[[], bytes]):
    """An attached zip in a scratch file (one level of nesting), refused past ``_ZIP_MEMBER_LIMIT`` as a
    zip member is."""
    shown = f"{mail_path}{ZIP_MEMBER_MARK}{name}"
    payload = _capped_attachment(shown, data)
    with _scratch_file(shown, ".zip", lambda target: target.write(payload)) as local:
        yield local


def _capped_attachment(shown: str, data: Callable[[], bytes]) -> bytes:
    payload = data()
    if len(payload) > _ZIP_MEMBER_LIMIT:
        raise ReadError(shown, _too_big(len(payload)))
    return payload


def _read_attachment(mail_path: Path, name: str) -> str:
    """One attachment of a mail, read as the file it is (``MAIL.eml!name`` in errors and warnings); one
    decoding past ``_ZIP_MEMBER_LIMIT`` is refused, as a zip member is. ``name.zip!member``: a member of an
    attached zip, read as a zip's member is; an attached zip named alone is read as its members, one after another."""
    shown = f"{mail_path}{ZIP_MEMBER_MARK}{name}"
    files = _attached_files(mail_path)
    if name not in files and (inside := _zipped_attachment(name, files)) is not None:
        zip_name, member = inside
        with _attached_zip(mail_path, zip_name, files[zip_name]) as local:
            return _read_member(local, member, shown_archive=f"{mail_path}{ZIP_MEMBER_MARK}{zip_name}")
    if name not in files:
        raise ReadError(shown, "no such attachment in the mail")
    if isinstance(files[name], _AttachedMail):
        return _outlook_text(mail_path, files[name], shown)
    if Path(name).suffix.lower() == ".zip":
        members = [m.split(ZIP_MEMBER_MARK, 1)[1] for m in _zip_attachment_members(mail_path, name, files[name])
                   if ZIP_MEMBER_MARK in m]
        if not members:
            raise ReadError(shown, f"an attached zip holding no notice file ({_FORMATS_READ}), or none that opens")
        return "\n\n".join(_read_attachment(mail_path, f"{name}{ZIP_MEMBER_MARK}{m}") for m in members)
    payload = _capped_attachment(shown, files[name])
    return _read_scratch(shown, Path(name).suffix.lower(), lambda target: target.write(payload))


def _zipped_attachment(name: str, files: dict) -> tuple[str, str] | None:
    """(the attached zip, the member) of ``a.zip!member``, else None."""
    start = 0
    while (i := name.find(ZIP_MEMBER_MARK, start)) >= 0:
        if name[:i] in files and Path(name[:i]).suffix.lower() == ".zip":
            return name[:i], name[i + 1:]
        start = i + 1
    return None


def read_mail(path: Path) -> str:
    """A mail (.eml or .msg) read whole: its attachments of a format read here, one after another, or, with
    none, its text (the HTML part read as a web page is, else the plain text): the notice pasted into the mail.

    Why: a notice sent by mail was refused ("unsupported file type .eml"). A folder's mails are expanded to
    their attachments (``mail_members``); this reads one named alone, as ``policytag segment mail.eml``."""
    attached = _attached_files(path)
    if attached:
        return "\n\n".join(_read_attachment(path, name) for name in attached)
    return _outlook_text(path) if path.suffix.lower() == ".msg" else _eml_text(path)


def _eml_text(path: Path) -> str:
    body = _mail(path).get_body(preferencelist=("html", "plain"))
    if body is None:
        raise ReadError(path, f"a mail with no text and no attachment read here ({_FORMATS_READ})")
    if body.get_content_type() == "text/html":
        return _html_text(body.get_payload(decode=True) or b"", path, charset=body.get_content_charset())
    return plain_text(body.get_content())


def _outlook_text(path: Path, storage: str = "", shown: str | None = None) -> str:
    """An Outlook mail's own text (``storage``: of a mail attached to it, ``shown`` in errors): its HTML read as a
    web page is, else its plain text, as an .eml's; else its compressed RTF, read as an .rtf file is."""
    mail = _outlook(path, storage)
    shown = shown or path
    if mail.html and mail.html.strip(b"\x00 \r\n\t"):
        return _html_text(mail.html, Path(shown), charset=mail.charset)
    if mail.body and mail.body.strip():
        return plain_text(mail.body)
    if mail.rtf_only:
        return _outlook_rtf(path, mail, shown)
    raise ReadError(shown, f"a mail with no text and no attachment read here ({_FORMATS_READ})")


def _outlook_rtf(path: Path, mail, shown) -> str:
    """The text of a mail kept only as compressed RTF: decompressed (``corpus.msg.rtf_body``), then read as an
    .rtf file. Outlook's RTF of an HTML mail (``\\fromhtml1``) keeps the HTML's tags in ``{\\*\\htmltag …}``
    groups, which an RTF reader skips as it skips any ``\\*`` destination, and its own rendering of them
    (``\\htmlrtf`` … paragraph marks) as RTF: the text read is what Outlook shows."""
    from .msg import MsgError, rtf_body

    try:
        data = rtf_body(path, mail)
    except MsgError as exc:
        raise ReadError(shown, str(exc)) from None
    if not data:
        raise ReadError(shown, f"a mail with no text and no attachment read here ({_FORMATS_READ})")
    return rtf_text(data, shown)


def _too_big(size: int) -> str:
    return (f"unpacks to over {_ZIP_MEMBER_LIMIT // 2**20} MB ({size // 2**20} MB or more), more than a notice "
            "holds (a zip bomb?): not read")


def _copy_capped(source, target, shown: str) -> None:
    """Unpack a member, stopping past ``_ZIP_MEMBER_LIMIT`` bytes whatever its header said."""
    total = 0
    while chunk := source.read(1 << 20):
        total += len(chunk)
        if total > _ZIP_MEMBER_LIMIT:
            raise ReadError(shown, _too_big(total))
        target.write(chunk)


READERS = {".txt": read_txt, ".html": read_html, ".htm": read_html, ".shtml": read_html, ".xhtml": read_html,
           ".mht": read_mht, ".mhtml": read_mht, ".docx": read_docx, ".pdf": read_pdf,
           ".doc": read_doc, ".wps": read_doc, ".wpt": read_doc, ".dot": read_doc, ".ofd": read_ofd, ".rtf": read_rtf,
           ".xlsx": read_xlsx, ".xls": read_xls, ".et": read_xls, ".zip": _read_zip, ".odt": read_odt,
           ".eml": read_mail, ".msg": read_mail, ".docm": read_docx, ".dotx": read_docx, ".dotm": read_docx}


#: what to do with the formats government sites also publish, which no reader here reads
_CONVERT = {
    # a .doc/.wps whose bytes are no Office 97-2003 (OLE) file: a WPS 2000 or older file, another
    # program's format under a Word name
    "ole": "not a Word 97-2003 file (a WPS 2000 or older file, or another program's): open it in WPS or Word, "
           "save it as .docx and read that",
}
_SUFFIX_KIND = {".doc": "ole", ".wps": "ole", ".wpt": "ole", ".dot": "ole"}


def _sniff(path: Path, head: bytes) -> str | None:
    """What the file is by its first bytes: a supported suffix (``.pdf``, ``.docx``, ``.html``) or
    a ``_CONVERT`` kind; None when its bytes say nothing (text). Downloaded notices are often
    misnamed: a ``.doc`` that is a .docx or a Word "web page", a ``.pdf`` that is a .doc."""
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return ".doc"  # an OLE file: corpus.oldword says what else it is where it holds no Word document
    if head.lstrip().startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError):
            return None  # a truncated .docx, a garbled one (zip version 22.3): its reader says so
        if "word/document.xml" in names:
            return ".docx"
        if "OFD.xml" in names:
            return ".ofd"
        if "content.xml" in names and "mimetype" in names and _odt_mimetype(path):
            return ".odt"
        if any(n.startswith("xl/") for n in names):
            return ".xlsx"
        return None
    if re.match(rb"\s*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<html)", head[:1024], re.I):
        return ".html"
    if _MIME_ARCHIVE.match(head):
        return ".mht"
    return None


def _odt_mimetype(path: Path) -> bool:
    """Does an OpenDocument package say it is a text document (its ``mimetype`` member)?"""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype")[:64].strip() == _ODT_MIMETYPE
    except (zipfile.BadZipFile, KeyError, zlib.error, RuntimeError, OSError):
        return False


#: a web archive's head: MIME header lines (``Key: value``, folded lines indented) up to its
#: ``Content-Type: multipart/related`` (IE puts From/Subject/Date first, Word MIME-Version)
_MIME_ARCHIVE = re.compile(rb"(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
                           rb"content-type:\s*multipart/related\b", re.I)


def _reader_by_bytes(path: Path) -> Callable[[Path], str]:
    """The reader of a file whose name says no format read here, by what its first bytes say it is,
    else the one-line "unsupported file type" error.

    Why: a site's download link (``download.do?id=…``, ``getfile.jsp``) saves the notice's PDF, Word
    file or page under the script's name, or under none; the bytes of these formats say plainly
    what they are. A file whose bytes say nothing (text, an image) keeps the error."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        head = b""
    kind = _sniff(path, head) if head else None
    if kind in READERS:
        return READERS[kind]
    if (why := _no_text_format(path.suffix.lower(), head)) is not None:
        raise ReadError(path, why)
    raise ReadError(path, f"unsupported file type {path.suffix or '(none)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}")


_PICTURE = ("a picture (a scanned or photographed page?), which holds no text to read: OCR it into a .txt or .docx "
            "(or get the notice as .docx, .pdf or a web page) and read that")
_CNKI = "a CNKI CAJ file: open it in CAJViewer, save or print it as PDF and read that"
#: formats a user is sent that no reader here reads, by suffix, and what to do with each: pictures of a page,
#: CNKI's CAJ family (an academic or gazette download), Apabi's CEB (a digital library's e-document), slides
_NO_TEXT_SUFFIXES = {**dict.fromkeys((".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp"), _PICTURE),
                     **dict.fromkeys((".caj", ".kdh", ".nh"), _CNKI),
                     ".ceb": "an Apabi CEB e-document: open it in Apabi Reader, print it to PDF (or copy its text into "
                             "a .txt) and read that",
                     # slides (.pptx and its macro, show and template kinds; .ppt/.pps/.pot; WPS's .dps/.dpt): a
                     # .ppt is an OLE file, refused by corpus.oldword with the same line
                     **dict.fromkeys((".pptx", ".pptm", ".ppsx", ".potx", ".ppt", ".pps", ".pot", ".dps", ".dpt"),
                                     SLIDES)}
#: the same by their first bytes, for one saved under a script's name (download.do): JPEG, PNG, TIFF, GIF, WebP
#: and CAJ's own headers (a .caj that is a PDF inside is read as the PDF)
_NO_TEXT_MAGIC = ((b"\xff\xd8\xff", _PICTURE), (b"\x89PNG\r\n\x1a\n", _PICTURE), (b"II*\x00", _PICTURE),
                  (b"MM\x00*", _PICTURE), (b"GIF8", _PICTURE), (b"CAJ", _CNKI), (b"KDH ", _CNKI))


#: formats that hold text but are read by no reader here, and what to do with each, named alone (a folder passes them
#: over without a note, as it does any file of another format: a folder of downloads holds the CSVs a run wrote)
_UNREAD_SUFFIXES = {".csv": "a CSV table, not read here: open it in Excel or WPS, save it as .xlsx (a task list "
                            "is then read one clause per task) and read that",
                    # a site's attachments come packed as .rar or .7z as often as .zip: say what to do, not only
                    # "unsupported file type" (formats16)
                    ".rar": (_ARCHIVE := "a {} archive, not read here (a .zip is): unpack it (7-Zip, WinRAR or "
                                         "Bandizip) and read the folder, or pack its files as .zip").format("RAR"),
                    ".7z": _ARCHIVE.format("7z"),
                    # the national standard office format (UOF, 标文通) of 永中 Office and 红旗 RedOffice
                    **dict.fromkeys((".uot", ".uof"), "a UOF (标文通) text of 永中 Office or RedOffice, not read here: "
                                                      "open it there (or in WPS), save it as .docx and read that"),
                    **dict.fromkeys((".sep", ".gd", ".gw"), "a 书生 (Shusheng) SEP/GD e-document, not read here: open "
                                                            "it in the Shusheng reader, print it to PDF and read that")}
#: archives a folder passes over that may hold its notices (the attachments of one downloaded as .rar): named in a
#: note as pictures are, not dropped unseen (formats16)
_FOLDER_ARCHIVES = {suffix: _UNREAD_SUFFIXES[suffix] for suffix in (".rar", ".7z")}
#: the same archives by their first bytes (a site renames its .rar to .zip)
_ARCHIVE_MAGIC = ((b"Rar!\x1a\x07", _ARCHIVE.format("RAR")), (b"7z\xbc\xaf\x27\x1c", _ARCHIVE.format("7z")))


#: a macOS AppleDouble file's magic (``._通知.docx``: the Finder's metadata of 通知.docx, on a USB disk or in a zip)
_APPLE_DOUBLE = b"\x00\x05\x16\x07"
#: a Word/WPS owner file (``~$通知.docx``) holds the name of who has the document open: 162 bytes in Word
_OWNER_FILE_BYTES = 4096
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _byproduct(name: str, head: bytes, size: int) -> str | None:
    """What a file named ``name`` (its first bytes ``head``, ``size`` bytes long) is where it is a byproduct that
    stands beside a document and is never one, else None: the owner (lock) file Word and WPS write while a document
    is open (``~$…``, a few bytes, no zip or OLE inside), a Mac's AppleDouble metadata (``._…``, its magic).

    Why: zipped or copied along with the notice, each was listed and refused as a damaged document (``not a
    readable .docx file (PackageNotFoundError)``), an error line for a file the user never meant (formats16). A
    real document under such a name has a zip or OLE inside and is read."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if base.startswith("._") and head.startswith(_APPLE_DOUBLE):
        return (f"macOS metadata of {base[2:]} (an AppleDouble file a Mac leaves beside it), not a document: read "
                f"{base[2:]} itself")
    if base.startswith("~$") and size < _OWNER_FILE_BYTES and not head.startswith((b"PK\x03\x04", _OLE_MAGIC)):
        return ("the lock file Word or WPS writes beside a document while it is open (~$…), not a document: read "
                "the document itself")
    return None


def _byproduct_file(path: Path) -> bool:
    """Is the file at ``path`` a byproduct (``_byproduct``)? Only a ``~$`` or ``._`` name is opened."""
    if not path.name.startswith(("~$", "._")):
        return False
    try:
        with open(path, "rb") as fh:
            return _byproduct(path.name, fh.read(8), path.stat().st_size) is not None
    except OSError:
        return False  # read_file says why it cannot be read


def _no_text_format(suffix: str, head: bytes) -> str | None:
    """What to do with a file of a format that holds no text read here (a picture, a CAJ, a CEB), or whose text no
    reader here reads (a CSV), else None."""
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _PICTURE
    return next((why for magic, why in (*_NO_TEXT_MAGIC, *_ARCHIVE_MAGIC) if head.startswith(magic)),
                _NO_TEXT_SUFFIXES.get(suffix) or _UNREAD_SUFFIXES.get(suffix))


def read_file(path: str | Path) -> str:
    """Read one notice file into text; raises :class:`ReadError` with the reason."""
    path = Path(path)
    if ZIP_MEMBER_MARK in str(path) and not path.exists() and (member := _split_member(path)) is not None:
        # 附件.zip!附件1.docx, as expand_paths names a zip's members; 通知.eml!通知.docx a mail's attachments
        return _read_attachment(*member) if member[0].suffix.lower() in _MAIL_SUFFIXES else _read_member(*member)
    if not path.exists():
        raise ReadError(path, "no such file")
    if path.is_dir():
        raise ReadError(path, "is a directory")
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None and suffix not in _SUFFIX_KIND:
        reader = _reader_by_bytes(path)
    # read before judging the size: a file without read permission, or one whose read fails (EIO),
    # may report st_size 0 and is not "empty"; a /proc-style file reporting 0 may hold text
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        raise ReadError(path, f"cannot read ({exc.strerror or type(exc).__name__})") from None
    if not head:
        raise ReadError(path, "empty file")
    if (why := _byproduct(path.name, head, len(head) if len(head) < 2048 else path.stat().st_size)) is not None:
        raise ReadError(path, why)
    kind = _sniff(path, head)
    if kind == ".doc" and suffix in (".xls", ".et", ".msg"):
        kind = suffix if suffix == ".msg" else ".xls"  # .xls, .et and Outlook's .msg are OLE files too
    elif kind == ".doc" and suffix == ".xlsx":
        # an OLE file named .xlsx: a password-protected workbook (Excel encrypts it into an OLE
        # package) or an .xls renamed
        raise ReadError(path, _unreadable_sheet(None))
    if kind in _CONVERT:
        raise ReadError(path, _CONVERT[kind])
    if kind and READERS[kind] is not reader and not (kind == ".html" and suffix == ".txt"):
        reader = READERS[kind]  # misnamed: read what it is (an HTML file named .txt stays text)
    elif kind is None and suffix in _SUFFIX_KIND:
        reader = None  # a .doc or .wps whose bytes are no Office 97-2003 file
    if reader is None:
        raise ReadError(path, _CONVERT[_SUFFIX_KIND[suffix]])
    try:
        text = reader(path)
    except OSError as exc:
        raise ReadError(path, f"cannot read ({exc.strerror or type(exc).__name__})") from None
    if not text.strip():
        raise ReadError(path, "no text found")
    if reader is read_html and (suffix in READERS or suffix in _SUFFIX_KIND) and suffix not in _WEB_SUFFIXES:
        _check_not_a_failed_download(path, suffix, text)
    return text


_WEB_SUFFIXES = frozenset((".html", ".htm", ".shtml", ".xhtml", ".txt", ".mht", ".mhtml"))


def _check_not_a_failed_download(path: Path, suffix: str, text: str) -> None:
    """A web page saved under a file's name (``通知.pdf`` holding HTML) with almost no text (fewer than 40 Chinese
    characters: no notice is that short) is a site's error or login page a download link answered with: say so,
    and what to do, not "no recognisable notice structure", which named no cause. A notice's own page saved so
    reads as the page (formats3's download scripts)."""
    if len(re.findall(r"[\u4e00-\u9fff]", text)) < 40:
        raise ReadError(path, f"a web page (HTML), not a {suffix} file, and no notice: a site's error or login page "
                              "saved under the file's name? Download the file again (or open the link in a browser)")


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files named, with directories expanded to every notice file of a supported format in them
    (sorted; one that cannot be read, an encrypted .doc, a WPS 2000 file, is then reported with what
    to do rather than dropped unseen)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                           and not (f.suffix.lower() in _WEB_PAGE_SUFFIXES and _saved_page_resource(f, p))
                           and not _byproduct_file(f))
        else:
            files = [p]
        for f in files:
            if _is_attachments_zip(f):
                out.extend(zip_members(f))
            else:
                out.extend(mail_members(f) if f.suffix.lower() in _MAIL_SUFFIXES and f.is_file() else [f])
    return out


def unread_files_notes(paths: list[str]) -> list[str]:
    """What a folder holds that no reader here reads and the folder's reading passed over without a word: a
    scanned page (``.jpg``, ``.png``, ``.tif``), a CNKI ``.caj``, slides. Named alone, such a file is refused with
    what to do (``corpus.readers``); inside a folder it was dropped unseen, so a notice downloaded as a picture
    was missing from the report with nothing said (`segment` and `tag`, also streamed, print these notes). One note per kind, by suffix (no file is opened), the pictures
    a browser saved beside a page (``page_files/``) aside."""
    notes = []
    for folder in (Path(p) for p in paths):
        if not folder.is_dir():
            continue
        by_why: dict[str, list[str]] = {}
        for f in sorted(folder.rglob("*")):
            why = _NO_TEXT_SUFFIXES.get(f.suffix.lower()) or _FOLDER_ARCHIVES.get(f.suffix.lower())
            if why and f.is_file() and not _saved_page_resource(f, folder):
                by_why.setdefault(why, []).append(str(f.relative_to(folder)))
        for why, names in by_why.items():
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            what = "archive(s) not unpacked here" if why in _FOLDER_ARCHIVES.values() else \
                "file(s) holding no text to read here"
            notes.append(f"{folder}: left out {len(names)} {what}: {shown} ({why})")
    return notes
