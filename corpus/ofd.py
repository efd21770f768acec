"""The text of an OFD document (GB/T 33190-2016, China's fixed-layout format) as positioned lines,
page by page, for the PDF line logic of ``corpus.readers`` (``read_ofd``).

Why hand-written: the OFD libraries on PyPI are either heavy (easyofd pulls PyMuPDF, reportlab,
fontTools and loguru to render pages) or young one-author packages; reading the text takes the zip
and lxml (both already used here). The package is a zip: ``OFD.xml`` names each document's
``DocBody/DocRoot`` (``Doc_0/Document.xml``), which lists its pages (``Pages/Page@BaseLoc``), each
a ``Content.xml`` of ``Layer``s holding ``TextObject``s (also inside ``PageBlock``s). A TextObject
sets its glyphs in its own space: ``Boundary`` (x y w h, mm, y down) is where that space starts on
the page, ``CTM`` (a b c d e f) maps it there, each ``TextCode`` starts at ``X``/``Y`` (the
baseline) and moves on by ``DeltaX``/``DeltaY`` per glyph (``g N d``: N glyphs apart by d). Real
writers put a line in one TextCode, a glyph in each TextObject, or several lines in one TextCode
(a negative DeltaX and a DeltaY): only positions are trusted, so every glyph is placed on the page
and lines are built from them. Text set top to bottom (``ReadDirection`` 90 or 270, or glyphs
placed by ``DeltaY`` alone: a narrow column, a note in the margin) is one line of its own at its
first glyph, none of its glyphs joined to a line it stands beside. Not read: template pages (``Template``/``TemplatePage``: the running
header and footer a PDF repeats, dropped there too), annotations and signatures (seals), fonts (a
TextCode in a font's private code points stays as it is).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

_MAX_PART = 64 * 1024 * 1024  # bytes of one XML part: a page larger than this is no notice page


class OfdError(Exception):
    """The file is no OFD document this module can read; ``str`` is a one-line reason."""


@dataclass(frozen=True)
class Glyph:
    x: float  # left edge on the page (mm)
    right: float
    y: float  # baseline (mm, down)
    size: float
    text: str
    vertical: bool = False  # a whole run of text set top to bottom (its first glyph's place)


#: a line of a page: its words, each (left, right, text), left to right
Line = list[tuple[float, float, str]]


@dataclass(frozen=True)
class Page:
    lines: list[Line]  # top to bottom
    baselines: list[float]  # each line's
    rules: list[tuple[float, float, float]]  # vertical ruling lines: (x, top, bottom)

    def table_end(self, first: int) -> int:
        """The index after the last line a ruled table whose header is line ``first`` may hold:
        the lines above the foot of the vertical rules that cross the header and those joined to
        them below (a table drawn a cell border at a time), else every line after it. Why: a table
        ends where its rules end, and a heading indented under its task column (``二、工作要求``)
        read as the last task's wrapped text."""
        y = self.baselines[first]
        bottom = max((b for _, t, b in self.rules if t <= y <= b), default=None)
        if bottom is None:
            return len(self.lines)
        grown = True
        while grown:
            grown = False
            for _, t, b in self.rules:
                if t <= bottom + 1 and b > bottom:
                    bottom, grown = b, True
        return next((i for i in range(first, len(self.lines)) if self.baselines[i] > bottom), len(self.lines))


def ofd_pages(path: Path) -> list[Page]:
    """Each page of every document in the OFD file at ``path``."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError) as exc:
        raise OfdError(_damaged(f"not a readable zip archive: {type(exc).__name__}")) from None
    with archive:
        try:
            return [_page(archive, part) for part in _page_parts(archive)]
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, KeyError, ValueError,
                OSError) as exc:  # a part cut short or garbled (a bad deflate stream, a bogus method)
            raise OfdError(_damaged(type(exc).__name__)) from None


def _damaged(what: str) -> str:
    return f"damaged OFD file ({what}): if an OFD reader opens it, export it to PDF and read that"


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _xml(archive: zipfile.ZipFile, name: str):
    """The parsed part ``name`` (entities never resolved, nothing fetched)."""
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        raise OfdError(_damaged(f"no {name}")) from None
    if info.file_size > _MAX_PART:
        raise OfdError(f"{name} inside the OFD file is {info.file_size >> 20} MB, too large for a notice page")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        data = archive.read(info)
    except RuntimeError:  # zipfile: "is encrypted, password required"
        raise OfdError("encrypted (password-protected) OFD package: open it with its password in an OFD "
                       "reader, export it to PDF and read that") from None
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OfdError(_damaged(f"{name}: {exc.msg}")) from None


def _resolve(base: str, location: str) -> str:
    """A ``BaseLoc``/``DocRoot`` location: absolute from the package root, else from ``base``'s folder."""
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), location)).lstrip("/")


def _page_parts(archive: zipfile.ZipFile) -> list[str]:
    """The content part of every page, in document and page order."""
    root = _xml(archive, "OFD.xml")
    documents = [_resolve("OFD.xml", (loc.text or "")) for body in _children(root, "DocBody")
                 for loc in _children(body, "DocRoot") if (loc.text or "").strip()]
    if not documents:
        raise OfdError(_damaged("no DocBody/DocRoot in OFD.xml"))
    parts = []
    for document in documents:
        doc = _xml(archive, document)
        for pages in _children(doc, "Pages"):
            for page in _children(pages, "Page"):
                parts.append(_resolve(document, page.get("BaseLoc", "")))
    return parts


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in (text or "").split()]


def _deltas(text: str | None) -> list[float]:
    """A DeltaX/DeltaY list with its ``g N d`` runs (N glyph steps of d) written out."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out.extend([float(tokens[i + 2])] * int(float(tokens[i + 1])))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out


def _page(archive: zipfile.ZipFile, part: str) -> Page:
    """The page's own content (its layers, also inside page blocks): its glyphs as lines, and its
    vertical ruling lines (a path object a hair wide: a table's cell borders)."""
    page = _xml(archive, part)
    glyphs: list[Glyph] = []
    rules: list[tuple[float, float, float]] = []
    for content in _children(page, "Content"):
        for element in content.iter():
            if _local(element.tag) == "TextObject":
                glyphs.extend(_text_object(element))
            elif _local(element.tag) == "PathObject":
                box = _numbers(element.get("Boundary"))
                if len(box) == 4 and box[2] < 1.0 and box[3] > 2.0:
                    rules.append((box[0] + box[2] / 2, box[1], box[1] + box[3]))
    lines = _lines(glyphs)
    return Page([_words(line) for line in lines], [line[0].y for line in lines], rules)


def _text_object(element) -> list[Glyph]:
    box = _numbers(element.get("Boundary")) + [0.0, 0.0]
    ctm = _numbers(element.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    size = float(element.get("Size") or 0) * scale or 3.5

    def place(x: float, y: float) -> tuple[float, float]:
        return box[0] + a * x + c * y + e, box[1] + b * x + d * y + f

    glyphs: list[Glyph] = []
    x = y = 0.0
    direction = element.get("ReadDirection", "0").strip()
    for code in _children(element, "TextCode"):
        text = code.text or ""
        # a TextCode without X/Y goes on where the one before it stopped
        x = float(code.get("X")) if code.get("X") is not None else x
        y = float(code.get("Y")) if code.get("Y") is not None else y
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        if _vertical(text, dx, dy, direction):
            left, base = place(x, y)
            words = "".join(ch for ch in text if not ch.isspace())
            if words:
                glyphs.append(Glyph(left, left + size, base, size, words, vertical=True))
            step = -1.0 if direction == "270" else 1.0  # 270: set bottom to top
            y += sum(dy[i] if i < len(dy) else step * size / scale for i in range(len(text)))
            continue
        for i, ch in enumerate(text):
            step = dx[i] if i < len(dx) else None
            left, base = place(x, y)
            advance = step * scale if step and step > 0 else size * (1.0 if ord(ch) > 0x2E7F else 0.5)
            if not ch.isspace():
                glyphs.append(Glyph(left, left + advance, base, size, ch))
            x += step if step is not None else advance / scale
            y += dy[i] if i < len(dy) else 0.0
    return glyphs


def _vertical(text: str, dx: list[float], dy: list[float], direction: str) -> bool:
    """Is this TextCode set top to bottom: a vertical reading direction, or two glyphs or more each
    placed under the one before (DeltaY steps, no DeltaX step)?"""
    if direction in ("90", "270"):
        return True
    steps = len(text) - 1
    return steps >= 1 and not any(dx[:steps]) and len(dy) >= steps and all(d > 0 for d in dy[:steps])


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines by baseline (within a third of the glyph size), top to bottom,
    each line's glyphs left to right; a vertical run a line of its own, after the lines whose
    baseline is not below its first glyph's."""
    lines: list[list[Glyph]] = []
    for glyph in sorted((g for g in glyphs if not g.vertical), key=lambda g: (g.y, g.x)):
        if lines and abs(glyph.y - lines[-1][0].y) <= max(glyph.size, lines[-1][0].size) / 3:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    lines = [sorted(line, key=lambda g: g.x) for line in lines]
    for run in sorted((g for g in glyphs if g.vertical), key=lambda g: (g.y, g.x)):
        at = next((i for i, line in enumerate(lines) if line[0].y > run.y + run.size / 3), len(lines))
        lines.insert(at, [run])
    return lines


def _words(line: list[Glyph]) -> Line:
    """A line's glyphs joined into words where no gap wider than a third of a glyph parts them."""
    words: Line = []
    for glyph in line:
        if words and glyph.x - words[-1][1] <= glyph.size / 3:
            left, _, text = words[-1]
            words[-1] = (left, max(glyph.right, words[-1][1]), text + glyph.text)
        else:
            words.append((glyph.x, glyph.right, glyph.text))
    return words


def line_text(line: Line) -> str:
    """A line as text: its words apart by one space (as pdfplumber sets words apart)."""
    return " ".join(text for _, _, text in line)


_CJK = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}")


def has_text(pages: list[Page]) -> bool:
    """Does the document hold text at all (a scan saved as OFD holds only images)?"""
    return any(_CJK.search(line_text(line)) for page in pages for line in page.lines)
