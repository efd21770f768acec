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
and lines are built from them. Text set top to bottom (``ReadDirection`` 90 or 270, glyphs
placed by ``DeltaY`` alone, a ``CTM`` turning the object a quarter, or a column of lone glyphs each an
object of its own: a narrow column, a note in the margin) is one line of its own at its
first glyph, none of its glyphs joined to a line it stands beside. A table drawn with its cell
borders (PathObjects' straight strokes, ``AbbreviatedData`` ``M``/``L``/``C``) is found by its rules
(``ruled_tables``: rows, columns, merged cells where a border is missing). Not read: template pages (``Template``/``TemplatePage``: the running
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

from .lookalikes import fold

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


#: a straight stroke of a path on the page: (x0, y0, x1, y1), mm, y down
Segment = tuple[float, float, float, float]


@dataclass(frozen=True)
class Page:
    lines: list[Line]  # top to bottom
    baselines: list[float]  # each line's
    rules: list[tuple[float, float, float]]  # vertical ruling lines: (x, top, bottom)
    segments: tuple[Segment, ...] = ()  # every straight stroke of the page's paths (a table's cell borders)

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
    segments: list[Segment] = []
    objects = [element for content in _children(page, "Content") for element in content.iter()
               if _local(element.tag) in ("TextObject", "PathObject")]
    frame = _reading_frame([element for element in objects if _local(element.tag) == "TextObject"])
    for element in objects:
        if _local(element.tag) == "TextObject":
            glyphs.extend(_text_object(element, frame))
        else:
            box = _framed_box(_numbers(element.get("Boundary")), frame)
            if len(box) == 4 and box[2] < 1.0 and box[3] > 2.0:
                rules.append((box[0] + box[2] / 2, box[1], box[1] + box[3]))
            segments.extend(_path_segments(element, _numbers(element.get("Boundary")), frame))
    lines = _lines(glyphs)
    return Page([_words(line) for line in lines], [line[0].y for line in lines], rules, tuple(segments))


#: an affine map of the page's points (x, y) to the points they are read at: (p, q, r, s, t, u) sends
#: (x, y) to (p x + r y + t, q x + s y + u); ``UPRIGHT`` leaves them where they are
Frame = tuple[float, float, float, float, float, float]
UPRIGHT: Frame = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _ctm(element) -> tuple[float, float, float, float, float, float]:
    """An object's CTM (a b c d e f), the identity where it has none or a garbled one (its glyphs then
    placed unmoved, not the whole file refused)."""
    try:
        ctm = _numbers(element.get("CTM"))
    except ValueError:
        ctm = []
    return tuple(ctm) if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _reading_frame(texts: list) -> Frame:
    """How a page is read: upright, or turned back a quarter where most of its text (by glyphs) is set in
    TextObjects whose CTM turns them the same quarter (a landscape page, a table, printed onto portrait
    paper by a converter: every line running down the page, the next to its left, or up it).

    Why: each such object was read as a vertical note, a line of its own, so a turned page's table
    was a column of cell texts, its rules a table of the landscape columns. Read in the turned frame
    (the page's y across, its x down, mirrored as the turn needs), the page is the landscape page it
    shows; a few turned objects on an upright page (a note in the margin) leave it upright."""
    glyphs = {"upright": 0, "down": 0, "up": 0}
    for element in texts:
        a, b, *_ = _ctm(element)
        n = sum(len((code.text or "").strip()) for code in _children(element, "TextCode"))
        glyphs["upright" if abs(b) <= abs(a) else "down" if b > 0 else "up"] += n
    turn = max(("down", "up"), key=glyphs.get)
    if glyphs[turn] <= glyphs["upright"]:
        return UPRIGHT
    # down (x along the page's y, the next line to the left): read x = page y, y = -page x; up: the mirror
    return (0.0, -1.0, 1.0, 0.0, 0.0, 0.0) if turn == "down" else (0.0, 1.0, -1.0, 0.0, 0.0, 0.0)


def _placement(box: list[float], ctm: tuple, frame: Frame) -> tuple[float, float, float, float, float, float]:
    """(a, b, c, d, x0, y0): an object's point (x, y) is read at (x0 + a x + c y, y0 + b x + d y), its CTM
    (from its ``Boundary``'s corner) and the page's reading ``frame`` composed."""
    a, b, c, d, e, f = ctm
    p, q, r, s, t, u = frame
    x, y = box[0] + e, box[1] + f
    return (p * a + r * b, q * a + s * b, p * c + r * d, q * c + s * d, p * x + r * y + t, q * x + s * y + u)


def _framed_box(box: list[float], frame: Frame) -> list[float]:
    """A ``Boundary`` (x y w h) as read in ``frame``: the box round its turned corners."""
    if len(box) != 4 or frame == UPRIGHT:
        return box
    p, q, r, s, t, u = frame
    xs, ys = zip(*[(p * x + r * y + t, q * x + s * y + u) for x in (box[0], box[0] + box[2]) for y in (box[1], box[1] + box[3])])
    return [min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)]


#: the operands each path operator of ``AbbreviatedData`` takes (GB/T 33190 9.3.2): S/M start or move,
#: L a line, Q/B curves, A an arc, C closes the subpath
_PATH_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def _path_segments(element, box: list[float], frame: Frame = UPRIGHT) -> list[Segment]:
    """The straight strokes (``L``, and ``C`` back to the subpath's start) of a PathObject's
    ``AbbreviatedData``, on the page as read in ``frame``: its own space starts at its ``Boundary`` and
    ``CTM`` maps it. Curves and arcs are passed over (a seal's ring, a rounded corner: no table border)."""
    data = next((child.text for child in element if _local(child.tag) == "AbbreviatedData"), None)
    if not data or len(box) != 4:
        return []
    a, b, c, d, x0, y0 = _placement(box, _ctm(element), frame)

    def place(x: float, y: float) -> tuple[float, float]:
        return x0 + a * x + c * y, y0 + b * x + d * y

    tokens = data.split()
    out: list[Segment] = []
    here = start = (0.0, 0.0)
    i = 0
    while i < len(tokens):
        op = tokens[i]
        n = _PATH_ARGS.get(op)
        if n is None or (n and i + n >= len(tokens)):
            break  # an operator unknown or cut short: what came before stands
        try:
            args = [float(t) for t in tokens[i + 1:i + 1 + n]]
        except ValueError:
            break
        if op in ("S", "M"):
            here = start = (args[0], args[1])
        elif op in ("L", "C"):
            to = (args[0], args[1]) if op == "L" else start
            out.append((*place(*here), *place(*to)))
            here = to
        else:
            here = (args[-2], args[-1])
        i += 1 + n
    return out


def _ruling(segments: tuple[Segment, ...]) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """The page's horizontal strokes as (y, left, right) and vertical ones as (x, top, bottom), each
    longer than 2 mm (a tick, a dot or a slanted stroke is no border)."""
    across, down = [], []
    for x0, y0, x1, y1 in segments:
        if abs(y1 - y0) < 0.3 and abs(x1 - x0) > 2:
            across.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) < 0.3 and abs(y1 - y0) > 2:
            down.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return across, down


def _stops(values: list[float], tolerance: float = 0.8) -> list[float]:
    """Distinct positions among ``values`` (those within ``tolerance`` of one another are one)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


@dataclass(frozen=True)
class RuledTable:
    """A table drawn with its cell borders: ``ys`` the row borders, ``xs`` the column borders (mm),
    ``cells[i][j]`` the id of the cell at row i, column j (one id over a merged cell's positions)."""
    ys: list[float]
    xs: list[float]
    cells: list[list[int]]

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if not (self.ys[0] < y < self.ys[-1] and self.xs[0] < x < self.xs[-1]):
            return None
        i = next(k for k in range(len(self.ys) - 1) if y < self.ys[k + 1])
        j = next(k for k in range(len(self.xs) - 1) if x < self.xs[k + 1])
        return i, j


def ruled_tables(page: Page) -> list[RuledTable]:
    """The tables a page draws with ruling lines: groups of horizontal and vertical strokes that
    meet, with two rows and two columns at least, top to bottom. A border missing between two
    positions (no stroke across the middle of that side) makes them one merged cell.

    Why: a table read by its words' positions alone needs a 序号 column to tell a row from a cell's
    wrapped line (``aligned_table``); its rules say that for any table, as pdfplumber finds a PDF's."""
    across, down = _ruling(page.segments)
    if len(across) < 3 or len(down) < 3:
        return []
    strokes = [("h", *s) for s in across] + [("v", *s) for s in down]
    tables = []
    for members in _touching_groups(strokes):
        hs = [strokes[k][1:] for k in members if strokes[k][0] == "h"]
        vs = [strokes[k][1:] for k in members if strokes[k][0] == "v"]
        table = _table_of(hs, vs)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda t: t.ys[0])


def _touching_groups(strokes: list[tuple]) -> list[list[int]]:
    """The indices of ``strokes`` grouped by touch: two strokes that meet (:func:`_meet`), directly or
    through others, are in one group (one drawn table), each group in stroke order.

    Hand-written (a walk over the strokes each group reaches), not scipy's connected components: importing
    scipy.sparse took 0.2-0.6 s of a ruled page's ~10 ms read. Each stroke is compared only with those
    sharing a square of the page with it (:func:`_near`), not with every other: a 40-row table drawn cell
    by cell (960 strokes) took 0.6-1 s compared pair by pair."""
    buckets = _buckets(strokes)
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for start in range(len(strokes)):
        if start in group_of:
            continue
        group_of[start] = len(groups)
        members, todo = [start], [start]
        while todo:
            m = todo.pop()
            for n in _near(strokes[m], buckets):
                if n not in group_of and _meet(strokes[m], strokes[n]):
                    group_of[n] = len(groups)
                    members.append(n)
                    todo.append(n)
        groups.append(sorted(members))
    return groups


#: the side (mm) of the squares strokes are filed under, to find the strokes near one
_SQUARE_MM = 10.0


def _squares(stroke: tuple, slack: float = 1.0) -> list[tuple[int, int]]:
    """The squares a stroke's box, widened by :func:`_meet`'s slack, lies over: two strokes that meet share
    one (the point where they touch lies in both boxes)."""
    kind, at, low, high = stroke
    x0, y0, x1, y1 = (low, at, high, at) if kind == "h" else (at, low, at, high)
    return [(i, j) for i in range(int((x0 - slack) // _SQUARE_MM), int((x1 + slack) // _SQUARE_MM) + 1)
            for j in range(int((y0 - slack) // _SQUARE_MM), int((y1 + slack) // _SQUARE_MM) + 1)]


def _buckets(strokes: list[tuple]) -> dict[tuple[int, int], list[int]]:
    """Each square of the page -> the indices of the strokes lying over it."""
    buckets: dict[tuple[int, int], list[int]] = {}
    for k, stroke in enumerate(strokes):
        for square in _squares(stroke):
            buckets.setdefault(square, []).append(k)
    return buckets


def _near(stroke: tuple, buckets: dict[tuple[int, int], list[int]]) -> set[int]:
    """The strokes sharing a square with ``stroke``: the only ones it may meet."""
    return {n for square in _squares(stroke) for n in buckets.get(square, ())}


def _meet(one: tuple, other: tuple, slack: float = 1.0) -> bool:
    """Do two strokes (``("h", y, left, right)`` / ``("v", x, top, bottom)``) touch or cross?"""
    if one[0] != other[0]:
        (_, y, left, right), (_, x, top, bottom) = (one, other) if one[0] == "h" else (other, one)
        return left - slack <= x <= right + slack and top - slack <= y <= bottom + slack
    return abs(one[1] - other[1]) <= slack and one[2] <= other[3] + slack and other[2] <= one[3] + slack


def _table_of(hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]) -> RuledTable | None:
    """The grid of a group of strokes that meet, or None when it draws no table of two rows and two
    columns (a box round a paragraph, a red rule under the 版头, a signature line)."""
    ys, xs = _stops([h[0] for h in hs]), _stops([v[0] for v in vs])
    if len(ys) < 3 or len(xs) < 3:
        return None

    def ruled_across(y: float, x: float) -> bool:  # a horizontal stroke at y through x
        return any(abs(h[0] - y) <= 0.8 and h[1] - 0.5 <= x <= h[2] + 0.5 for h in hs)

    def ruled_down(x: float, y: float) -> bool:
        return any(abs(v[0] - x) <= 0.8 and v[1] - 0.5 <= y <= v[2] + 0.5 for v in vs)

    cells: list[list[int]] = []
    made = 0
    for i in range(len(ys) - 1):
        row: list[int] = []
        mid_y = (ys[i] + ys[i + 1]) / 2
        for j in range(len(xs) - 1):
            mid_x = (xs[j] + xs[j + 1]) / 2
            if j and not ruled_down(xs[j], mid_y):
                row.append(row[-1])  # no border on its left: the cell to the left goes on
            elif i and not ruled_across(ys[i], mid_x):
                row.append(cells[-1][j])  # no border above it: the cell above goes on
            else:
                row.append(made)
                made += 1
        cells.append(row)
    return RuledTable(ys, xs, cells)


def _text_object(element, frame: Frame = UPRIGHT) -> list[Glyph]:
    """A TextObject's glyphs on the page as read in ``frame`` (:func:`_reading_frame`)."""
    box = _numbers(element.get("Boundary")) + [0.0, 0.0]
    if element.get("CTM") is not None:
        _numbers(element.get("CTM"))  # a garbled CTM on text: the file is damaged, as before
    a, b, c, d, x0, y0 = _placement(box, _ctm(element), frame)
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    size = float(element.get("Size") or 0) * scale or 3.5

    def place(x: float, y: float) -> tuple[float, float]:
        return x0 + a * x + c * y, y0 + b * x + d * y

    glyphs: list[Glyph] = []
    x = y = 0.0
    direction = element.get("ReadDirection", "0").strip()
    # a CTM turning the object a quarter (its x axis along the page's y: ``0 1 -1 0``, a note set in
    # the margin by rotating it) sets each of its lines down or up the page, glyph under glyph
    turned = abs(b) > abs(a)
    for code in _children(element, "TextCode"):
        text = fold(code.text or "")  # a Kangxi radical (⼀ U+2F00) written for its ideograph (一): read as that
        # a TextCode without X/Y goes on where the one before it stopped
        x = float(code.get("X")) if code.get("X") is not None else x
        y = float(code.get("Y")) if code.get("Y") is not None else y
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        # the object's lines run down (or up) the page when it is turned a quarter, or the TextCode itself
        # runs down it: one run, a line of its own (its lines advance along the object's x, or y)
        if turned or _vertical(text, dx, dy, direction):
            left, base = place(x, y)
            words = "".join(ch for ch in text if not ch.isspace())
            if words:
                glyphs.append(Glyph(left, left + size, base, size, words, vertical=True))
            if turned:
                x += sum(dx[i] if i < len(dx) else size / scale for i in range(len(text)))
            else:
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


def _stacked(glyphs: list[Glyph]) -> list[Glyph]:
    """``glyphs`` with each column of three or more lone glyphs set one under another (each its own
    TextObject, a glyph-by-glyph writer's note in the margin) made one vertical run.

    Why: placed one by one, each glyph of 此件公开发布 stood on a baseline of its own: 此 joined the
    body line beside it and the others became lines of one glyph. A lone glyph has no other within
    a glyph's width on its baseline; a column's glyphs stand at one left edge, each at most 1.3
    glyph heights under the one before (a table's rows of one-glyph cells stand further apart)."""
    alone = []
    for row in _baseline_rows(glyphs):
        for k, g in enumerate(row):
            if (k == 0 or g.x - row[k - 1].right > g.size) and (k + 1 == len(row) or row[k + 1].x - g.right > g.size):
                alone.append(g)
    columns: list[list[Glyph]] = []  # lone glyphs by left edge (within a third of a glyph)
    for g in sorted(alone, key=lambda g: g.x):
        if columns and g.x - columns[-1][-1].x <= g.size / 3:
            columns[-1].append(g)
        else:
            columns.append([g])
    runs: list[list[Glyph]] = []
    for column in columns:
        for g in sorted(column, key=lambda g: g.y):
            last = runs[-1][-1] if runs and runs[-1][-1] in column else None
            if last and 0 < g.y - last.y <= 1.3 * g.size:
                runs[-1].append(g)
            else:
                runs.append([g])
    stacked = {id(g) for run in runs if len(run) >= 3 for g in run}
    if not stacked:
        return glyphs
    out = [g for g in glyphs if id(g) not in stacked]
    for run in (r for r in runs if len(r) >= 3):
        first = run[0]
        out.append(Glyph(first.x, first.right, first.y, first.size, "".join(g.text for g in run), vertical=True))
    return out


def _baseline_rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The glyphs set across (not vertical runs) grouped by baseline (within a third of the glyph
    size), top to bottom, each row left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted((g for g in glyphs if not g.vertical), key=lambda g: (g.y, g.x)):
        if rows and abs(glyph.y - rows[-1][0].y) <= max(glyph.size, rows[-1][0].size) / 3:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [sorted(row, key=lambda g: g.x) for row in rows]


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines by baseline (within a third of the glyph size), top to bottom,
    each line's glyphs left to right; a vertical run a line of its own, after the lines whose
    baseline is not below its first glyph's."""
    glyphs = _stacked(glyphs)
    lines = _baseline_rows(glyphs)
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
