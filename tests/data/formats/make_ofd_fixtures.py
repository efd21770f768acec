"""Write the OFD fixtures of tests/test_files_formats.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats/make_ofd_fixtures.py

No OFD converter installs here, so this writer follows GB/T 33190-2016 and the package layout real
writers produce (OFD.xml -> DocBody/DocRoot -> Doc_0/Document.xml -> Pages/Page@BaseLoc ->
Pages/Page_N/Content.xml; fonts in PublicRes.xml; a TemplatePage; Annots/ for a stamp). Each line
is set as real writers set text, in turns, so the reader meets every form: one TextObject a line
with ``DeltaX="g N d"`` (the compressed form invoice and WPS exports write), the same with every
advance listed, a TextObject scaled by its ``CTM`` (Size and advances doubled, CTM halving them),
one TextObject per glyph (as glyph-by-glyph exports write), and a line in two TextCodes. Pages
show a running header on their template page, a page number, and the last page a seal (a Stamp
annotation holding the organ's name as text). The notices are ours: a notice of tests/data/genres/
and a task-table notice written for this test (invented places); the table is drawn as text at
column positions with ruling lines (PathObjects), its task cells wrapped.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
GENRES = HERE.parent / "genres"
NS = "http://www.ofdspec.org/2016"

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, BODY = 28.0, 37.0, 5.6  # margins (mm) and the body's glyph size: 28 glyphs a line (公文)
PER_LINE = 28
PITCH = 10.0  # line pitch
BOTTOM = 160.0  # no body line below this: the next page (a short page: the notice runs over two)
TITLE = 7.7
STYLES = ("g", "list", "ctm", "glyphs", "split")


def width(ch: str) -> float:
    """A glyph's advance in ems: a CJK glyph a full em, a Latin letter or digit half of one."""
    return 0.5 if ord(ch) < 0x2E80 else 1.0


def deltas(steps: list[float], compress: bool) -> str:
    """A DeltaX attribute: each advance, runs of one advance as ``g N d`` when ``compress``."""
    if not steps:
        return ""
    out: list[str] = []
    i = 0
    while i < len(steps):
        j = i
        while j < len(steps) and steps[j] == steps[i]:
            j += 1
        if compress and j - i > 1:
            out.append(f"g {j - i} {steps[i]:g}")
        else:
            out.extend(f"{s:g}" for s in steps[i:j])
        i = j
    return f' DeltaX="{" ".join(out)}"'


def wrap(text: str, ems: float) -> tuple[str, str]:
    """The first line of ``text`` that fits ``ems`` ems, and the rest."""
    used = 0.0
    for i, ch in enumerate(text):
        used += width(ch)
        if used > ems:
            return text[:i], text[i:]
    return text, ""


class Writer:
    """The text objects of one document, page by page."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.y = TOP
        self.next_id = 100
        self.turn = 0

    def oid(self) -> int:
        self.next_id += 1
        return self.next_id

    def text(self, x: float, y: float, text: str, size: float, font: int = 3, style: str | None = None) -> None:
        """``text`` with its first glyph's left edge at ``x`` and its baseline at ``y`` (page mm)."""
        style = style or STYLES[self.turn % len(STYLES)]
        self.turn += 1
        steps = [size * width(ch) for ch in text]
        box = f"{x:.3f} {y - size:.3f} {sum(steps) + 1:.3f} {size * 1.3:.3f}"
        base = f"{size:.4f}"  # the baseline inside the box
        out = self.pages[-1]
        if style in ("g", "list"):
            out.append(f'<ofd:TextObject ID="{self.oid()}" Boundary="{box}" Font="{font}" Size="{size:g}">'
                       f'<ofd:TextCode X="0" Y="{base}"{deltas(steps[:-1], style == "g")}>{escape(text)}'
                       '</ofd:TextCode></ofd:TextObject>')
        elif style == "ctm":  # the object's own space twice as large, the CTM halving it onto the page
            out.append(f'<ofd:TextObject ID="{self.oid()}" Boundary="{box}" CTM="0.5 0 0 0.5 0 0" Font="{font}" '
                       f'Size="{2 * size:g}"><ofd:TextCode X="0" Y="{2 * size:.4f}"'
                       f'{deltas([2 * s for s in steps[:-1]], True)}>{escape(text)}</ofd:TextCode></ofd:TextObject>')
        elif style == "glyphs":
            left = x
            for ch, step in zip(text, steps):
                out.append(f'<ofd:TextObject ID="{self.oid()}" Boundary="{left:.3f} {y - size:.3f} '
                           f'{step + 0.5:.3f} {size * 1.3:.3f}" Font="{font}" Size="{size:g}">'
                           f'<ofd:TextCode X="0" Y="{base}">{escape(ch)}</ofd:TextCode></ofd:TextObject>')
                left += step
        else:  # split: two TextCodes, the second placed where the first stops
            half = len(text) // 2
            codes = ""
            for start, end in ((0, half), (half, len(text))):
                if end > start:
                    codes += (f'<ofd:TextCode X="{sum(steps[:start]):.3f}" Y="{base}"{deltas(steps[start:end - 1], True)}>'
                              f'{escape(text[start:end])}</ofd:TextCode>')
            out.append(f'<ofd:TextObject ID="{self.oid()}" Boundary="{box}" Font="{font}" Size="{size:g}">{codes}'
                       f'</ofd:TextObject>')

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pages[-1].append(f'<ofd:PathObject ID="{self.oid()}" Boundary="{min(x0, x1):.3f} {min(y0, y1):.3f} '
                              f'{abs(x1 - x0) + 0.3:.3f} {abs(y1 - y0) + 0.3:.3f}" LineWidth="0.25">'
                              f'<ofd:AbbreviatedData>M 0 0 L {x1 - x0:.3f} {y1 - y0:.3f}</ofd:AbbreviatedData>'
                              f'</ofd:PathObject>')

    def advance(self, step: float = PITCH) -> None:
        self.y += step
        if self.y > BOTTOM:
            self.pages.append([])
            self.y = TOP

    def line(self, text: str, align: str = "left", size: float = BODY, indent: int = 0) -> None:
        wide = size * sum(map(width, text))
        x = {"left": LEFT + indent * size, "center": (PAGE_W - wide) / 2,
             "right": LEFT + PER_LINE * BODY - wide}[align]
        self.text(x, self.y, text, size, 4 if size == TITLE else 3)
        self.advance()

    def paragraph(self, text: str) -> None:
        """A body paragraph: its first line indented two glyphs, wrapped at the margin."""
        first, rest = wrap(text, PER_LINE - 2)
        self.line(first, indent=2)
        while rest:
            line, rest = wrap(rest, PER_LINE)
            self.line(line)


def notice(writer: Writer, lines: list[str]) -> None:
    """A notice's lines as a 公文 sets them: the title block (up to the first blank line) centred,
    the body's paragraphs indented and wrapped, the closing block (after the last blank line)
    flush right, the salutation flush left."""
    blanks = [i for i, line in enumerate(lines) if not line.strip()]
    head_end, tail_start = blanks[0], blanks[-1]
    for i, line in enumerate(lines):
        if not line.strip():
            writer.advance(PITCH / 2)
        elif i < head_end:
            writer.line(line, "center", TITLE if i < head_end - 1 else BODY)
        elif i > tail_start:
            writer.line(line, "right")
        elif i == head_end + 1:  # the salutation
            writer.line(line)
        else:
            writer.paragraph(line)


#: the task-table notice, written for this test (invented places)
TASKS_TITLE = ["松林县应急管理局关于开展", "2027年汛前安全隐患排查的通知"]
TASKS_BEFORE = ["松应急〔2027〕6号", "", "各乡镇人民政府，县有关部门：", "为做好汛前安全防范工作，现将排查任务安排如下。", "一、排查任务"]
TASKS_TABLE = [("序号", "工作任务", "牵头单位", "完成时限"),
               ("1", "排查尾矿库排洪设施和坝体稳定情况", "县应急管理局", "5月20日前"),
               ("2", "检查在建工程深基坑和高边坡支护措施落实情况", "县住建局", "5月31日前"),
               ("3", "清理河道行洪障碍", "县水利局", "5月31日前")]
TASKS_AFTER = ["二、工作要求", "各牵头单位要于6月5日前将排查情况报县应急管理局。", "", "松林县应急管理局", "2027年5月6日"]
COLUMNS = (14.0, 80.0, 36.0, 26.8)  # mm: 156.8 in all, the body's width
CELL = 4.2  # the table's glyph size (12 pt)


def task_table(writer: Writer) -> None:
    edges = [LEFT]
    for width in COLUMNS:
        edges.append(edges[-1] + width)
    top = writer.y - BODY - 1.5
    writer.rule(edges[0], top, edges[-1], top)
    for row in TASKS_TABLE:
        cells = []
        for text, width in zip(row, COLUMNS):
            lines, rest = [], text
            while rest:
                line, rest = wrap(rest, (width - 2) / CELL)
                lines.append(line)
            cells.append(lines)
        height = max(len(c) for c in cells) * 7.0 + 3
        for k, (lines, x0) in enumerate(zip(cells, edges)):  # each cell's lines in a form of its own
            for j, text in enumerate(lines):
                writer.text(x0 + 1, top + 6 + 7.0 * j, text, CELL, style=STYLES[(k + j) % len(STYLES)])
        top += height
        writer.rule(edges[0], top, edges[-1], top)
    for x in edges:
        writer.rule(x, writer.y - BODY - 1.5, x, top)
    writer.y = top + BODY + 6


def tasks_notice(writer: Writer) -> None:
    for line in TASKS_TITLE:
        writer.line(line, "center", TITLE)
    for line in TASKS_BEFORE:
        if not line:
            writer.advance(PITCH / 2)
        elif line.startswith("松应急"):
            writer.line(line, "center")
        elif line.endswith("：") or line.startswith("一、"):
            writer.line(line, indent=2 if line.startswith("一、") else 0)
        else:
            writer.paragraph(line)
    task_table(writer)
    for i, line in enumerate(TASKS_AFTER):
        if not line:
            writer.advance(PITCH / 2)
        elif i >= 3:
            writer.line(line, "right")
        elif line.startswith("二、"):
            writer.line(line, indent=2)
        else:
            writer.paragraph(line)


def page_number(writer: Writer, number: int) -> None:
    text = f"- {number} -"
    writer.pages[number - 1].append(
        f'<ofd:TextObject ID="{writer.oid()}" Boundary="{(PAGE_W - 20) / 2:.1f} 275 20 6" Font="3" Size="4.9">'
        f'<ofd:TextCode X="0" Y="4.9" DeltaX="2.45 2.45 2.45 2.45">{escape(text)}</ofd:TextCode></ofd:TextObject>')


def package(writer: Writer, path: Path, title: str, header: str, seal: str) -> None:
    for number in range(1, len(writer.pages) + 1):
        page_number(writer, number)
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n'
    files = {
        "OFD.xml": f'{head}<ofd:OFD xmlns:ofd="{NS}" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                   f'<ofd:DocID>{hashlib.md5(title.encode()).hexdigest()}</ofd:DocID><ofd:Title>{escape(title)}</ofd:Title>'
                   '<ofd:Creator>make_ofd_fixtures.py</ofd:Creator></ofd:DocInfo>'
                   '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/PublicRes.xml": f'{head}<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
                               '<ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/>'
                               '<ofd:Font ID="4" FontName="方正小标宋简体" FamilyName="方正小标宋简体"/></ofd:Fonts></ofd:Res>',
        # the running header: on the template page every page draws under its own content
        "Doc_0/Tpls/Tpl_0/Content.xml": f'{head}<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="5">'
                                        f'<ofd:TextObject ID="6" Boundary="{LEFT} 14 120 6" Font="3" Size="4.2">'
                                        f'<ofd:TextCode X="0" Y="4.2" DeltaX="g {len(header) - 1} 4.2">{escape(header)}'
                                        '</ofd:TextCode></ofd:TextObject><ofd:PathObject ID="7" Boundary="28 22 156.8 0.5">'
                                        '<ofd:AbbreviatedData>M 0 0 L 156.8 0</ofd:AbbreviatedData></ofd:PathObject>'
                                        '</ofd:Layer></ofd:Content></ofd:Page>',
    }
    pages = ""
    for n, objects in enumerate(writer.pages):
        pages += f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
        files[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'{head}<ofd:Page xmlns:ofd="{NS}"><ofd:Template TemplateID="2" ZOrder="Background"/>'
            f'<ofd:Content><ofd:Layer ID="{20 + n}" Type="Body">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
    last = len(writer.pages) - 1
    files["Doc_0/Annots/Annotations.xml"] = (f'{head}<ofd:Annotations xmlns:ofd="{NS}"><ofd:Page PageID="{10 + last}">'
                                             '<ofd:FileLoc>Page_last/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>')
    # the seal: a stamp annotation, the organ's name set round its rim (as text), over the signature
    files["Doc_0/Annots/Page_last/Annotation.xml"] = (
        f'{head}<ofd:PageAnnot xmlns:ofd="{NS}"><ofd:Annot ID="90" Type="Stamp" Creator="make_ofd_fixtures.py">'
        '<ofd:Appearance Boundary="130 200 42 42"><ofd:PathObject ID="91" Boundary="0 0 42 42" Stroke="true">'
        '<ofd:AbbreviatedData>M 0 21 A 21 21 0 1 1 42 21 A 21 21 0 1 1 0 21</ofd:AbbreviatedData></ofd:PathObject>'
        f'<ofd:TextObject ID="92" Boundary="4 10 36 6" Font="3" Size="3.5"><ofd:TextCode X="0" Y="3.5" '
        f'DeltaX="g {len(seal) - 1} 3">{escape(seal)}</ofd:TextCode></ofd:TextObject></ofd:Appearance></ofd:Annot>'
        '</ofd:PageAnnot>')
    files["Doc_0/Document.xml"] = (
        f'{head}<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>{writer.next_id}</ofd:MaxUnitID>'
        f'<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>'
        '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        f'</ofd:CommonData><ofd:Pages>{pages}</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>'
        '</ofd:Document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():  # a fixed time: the same notice gives the same bytes
            archive.writestr(zipfile.ZipInfo(name, (2027, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)


def main() -> None:
    lines = (GENRES / "probe_county_annual_notice.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    writer = Writer()
    notice(writer, lines)
    package(writer, HERE / "probe_county_annual_notice.ofd", lines[1], "青石县人民政府公报", "青石县人民政府")
    writer = Writer()
    tasks_notice(writer)
    package(writer, HERE / "task_table.ofd", "".join(TASKS_TITLE), "松林县应急管理局政务公开", "松林县应急管理局")


if __name__ == "__main__":
    main()
