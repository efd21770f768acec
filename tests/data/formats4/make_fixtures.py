"""Build the fixtures of tests/test_files_formats4.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats4/make_fixtures.py

The notice (invented county 沣禾县; EXPECTED.md holds the readings written down before any reader
ran) is gas_notice.txt beside this script. reportlab, pypdf, PIL and python-docx; gas_notice.rtf and
gas_tasks.rtf are written byte by byte as Word writes RTF on a Chinese system; LibreOffice
(``soffice``, generation only) converts gas_tasks_lo.rtf and gas_notice.wpt.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTICE = [line for line in (HERE / "gas_notice.txt").read_text(encoding="utf-8").split("\n") if line.strip()]

#: the task table of gas_tasks.* (EXPECTED.md): header and two rows
TASKS = [["序号", "工作任务", "责任单位", "完成时限"],
         ["1", "排查餐饮场所燃气设施", "各乡镇", "12月20日前"],
         ["2", "开展燃气用户入户安检", "县住建局", "12月25日前"]]
#: the same tasks under a 类别 column whose cell 燃气安全 is merged down over both rows
TASKS_MERGED = [["类别", *TASKS[0]], ["燃气安全", *TASKS[1]], ["燃气安全", *TASKS[2]]]
TASKS_HEAD = NOTICE[:4]  # title, number, addressee, preamble
TASKS_TAIL = NOTICE[-2:]  # signature, date


# -- PDF ------------------------------------------------------------------------------------------
def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _text_page(c, lines: list[str], font: str) -> None:
    c.setFont(font, 12)
    for i, line in enumerate(lines):
        c.drawString(60, 780 - 22 * i, line)
    c.showPage()


def _scan_picture(seed: int):
    """A scanned page as a phone or copier gives it: grey paper, dark bars where lines of print are."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 226 + seed)
    draw = ImageDraw.Draw(image)
    for row in range(14):
        y = 80 + 48 * row
        draw.rectangle((70, y, 560 - 23 * ((row + seed) % 5), y + 14), fill=40)
    return image


def scanned_pages_pdf(path: Path) -> None:
    """Pages 1-2 the notice's text, pages 3-4 one picture each (a scanned 附件), no text on them."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = _cid_font()
    c = canvas.Canvas(str(path))
    cut = next(i for i, line in enumerate(NOTICE) if line.strip().startswith("二、"))
    _text_page(c, NOTICE[:cut], font)
    _text_page(c, NOTICE[cut:], font)
    for seed in (0, 3):
        c.drawImage(ImageReader(_scan_picture(seed)), 0, 0, width=595, height=842)
        c.showPage()
    c.save()


def _glyph_coded(path: Path, private_use: bool) -> None:
    """The notice drawn in a Chinese font whose text is glyph codes: each character of the page a
    two-byte code of its own (``/Identity-H``, numbered from 3 as a subset font numbers its
    glyphs), no /ToUnicode map back to the characters (``private_use``: one sending every code into
    the private use area, U+E000 + code). The glyphs drawn do not matter here; what extraction makes
    of the codes does."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ByteStringObject, ContentStream, NameObject, StreamObject
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    _text_page(c, NOTICE, _cid_font())
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    page = writer.pages[0]
    codes: dict[str, int] = {}
    content = ContentStream(page.get_contents(), writer)
    for operands, operator in content.operations:
        if operator == b"Tj":
            text = operands[0].original_bytes.decode("utf-16-be")
            coded = b"".join((3 + codes.setdefault(ch, len(codes))).to_bytes(2, "big") for ch in text)
            operands[0] = ByteStringObject(coded)
    page.replace_contents(content)
    font = page["/Resources"]["/Font"]["/F2"].get_object()
    font[NameObject("/Encoding")] = NameObject("/Identity-H")
    if private_use:
        sys.path.insert(0, str(HERE.parent.parent))  # tests/: the shared fixture helpers
        from fixture_writers import to_unicode_cmap

        stream = StreamObject()
        stream.set_data(to_unicode_cmap([(3 + n, 0xE000 + n) for n in range(len(codes))]))
        font[NameObject("/ToUnicode")] = writer._add_object(stream)
    writer.write(path)


# -- RTF ------------------------------------------------------------------------------------------
def _gbk(text: str) -> str:
    """``text`` as Word writes it into RTF under ``\\ansicpg936``: ASCII as itself (``\\``, ``{``,
    ``}`` escaped), every other character as its GBK bytes, ``\\'xx`` each."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append("\\" + ch if ch in "\\{}" else ch)
        else:
            out.extend(f"\\'{b:02x}" for b in ch.encode("gbk"))
    return "".join(out)


def _unicode(text: str) -> str:
    """``text`` as ``\\uN?`` escapes (N a signed 16-bit number, ``?`` the one-byte fallback \\uc1 skips)."""
    return "".join(f"\\u{ord(ch) - 65536 if ord(ch) > 32767 else ord(ch)}?" for ch in text)


def _run(text: str, size: int = 32, unicode: bool = False) -> str:
    """A run as Word writes one in a 仿宋 body: its font switches, then the text."""
    body = f"{{\\uc1 {_unicode(text)}}}" if unicode else _gbk(text)
    return f"{{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\fs{size}\\hich\\af40\\dbch\\af40\\loch\\f40 {body}}}"


def _paragraph(text: str, centred: bool = False, unicode: bool = False) -> str:
    indent = "" if centred or not text.startswith("\u3000") else "\\fi640"
    align = "\\qc" if centred else "\\qj"
    return f"\\pard\\plain \\ltrpar{align}{indent}\\sl560\\slmult1\\widctlpar {_run(text.strip(), unicode=unicode)}\\par\n"


def _table(rows: list[list[str]], merged_down: int | None = None) -> str:
    """Rows as Word writes a table: ``\\trowd`` and cell borders per row (written again before
    ``\\row``, as Word does), each cell's text ended by ``\\cell``, the row by ``\\row``.
    ``merged_down``: a column whose cells of equal text are one cell merged down (``\\clvmgf`` on
    the first, ``\\clvmrg`` on the others, which hold no text)."""
    widths = [1400, 900, 4200, 2100, 1800][-len(rows[0]):]
    out = []
    for r, row in enumerate(rows):
        merge = ["" for _ in row]
        if merged_down is not None and r:
            column = [other[merged_down] for other in rows]
            if r > 1 and column[r - 1] == column[r]:
                merge[merged_down] = "\\clvmrg"
            elif r + 1 < len(rows) and column[r + 1] == column[r]:
                merge[merged_down] = "\\clvmgf"
        texts = ["" if m == "\\clvmrg" else cell for m, cell in zip(merge, row)]
        props = "\\trowd \\irow0\\trgaph108\\trleft0" + "".join(
            f"{merge[i]}\\clbrdrt\\brdrs\\brdrw10 \\clbrdrl\\brdrs\\brdrw10 \\clbrdrb\\brdrs\\brdrw10 "
            f"\\clbrdrr\\brdrs\\brdrw10 \\cltxlrtb\\clftsWidth3\\clwWidth{w} \\cellx{sum(widths[:i + 1])}"
            for i, w in enumerate(widths))
        cells = "".join(f"\\pard\\plain \\qc\\intbl {_run(text, 24)}\\cell " for text in texts)
        out.append(f"{props}\n{cells}\\pard\\plain \\intbl {{{props}\\row }}\n")
    return "".join(out)


def _wrapped(source: str, width: int = 200) -> str:
    """RTF source broken into lines of about ``width`` characters as Word breaks its output: before
    a control word or escape, never inside one (a line break in RTF source means nothing there), so
    also between the two ``\\'xx`` bytes of one GBK character."""
    out = []
    for line in source.split("\n"):
        current = ""
        for token in re.split(r"(?=\\)", line):
            if current and len(current) + len(token) > width:
                out.append(current)
                current = ""
            current += token
        out.append(current)
    return "\r\n".join(out)


def rtf(body: str) -> bytes:
    """A Word RTF document around ``body``: the header (code page 936), font table, colour table,
    stylesheet and an \\info group (none of which is text)."""
    head = ("{\\rtf1\\adeflang1025\\ansi\\ansicpg936\\uc2\\adeff0\\deff0\\stshfdbch13\\stshfloch0\\stshfhich0"
            "\\deflang1033\\deflangfe2052\n"
            "{\\fonttbl{\\f0\\fbidi \\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}\n"
            f"{{\\f13\\fbidi \\fnil\\fcharset134\\fprq2{{\\*\\panose 02010600030101010101}}{_gbk('宋体')}{{\\*\\falt SimSun}};}}\n"
            f"{{\\f40\\fbidi \\fmodern\\fcharset134\\fprq1 {_gbk('仿宋_GB2312')};}}}}\n"
            "{\\colortbl;\\red0\\green0\\blue0;\\red255\\green0\\blue0;}\n"
            "{\\stylesheet{\\ql \\li0\\ri0\\widctlpar\\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright\\rin0\\lin0\\itap0 "
            "\\fs21\\lang1033\\langfe2052\\kerning2\\loch\\f0\\hich\\af0\\dbch\\af13\\cgrid\\langnp1033\\langfenp2052 "
            f"\\snext0 \\sqformat \\spriority0 Normal;}}{{\\s1\\qc {_gbk('标题 1')};}}}}\n"
            f"{{\\info{{\\title {_gbk('沣禾县文件模板')}}}{{\\author {_gbk('办公室')}}}{{\\operator admin}}"
            "{\\creatim\\yr2027\\mo11\\dy28\\hr9\\min30}{\\version2}}\n"
            "\\paperw11906\\paperh16838\\margl1588\\margr1474\\margt2098\\margb1984\\gutter0\\ltrsect\n")
    return _wrapped(head + body + "}").encode("ascii")


def notice_rtf(path: Path) -> None:
    """The notice: title centred, item 二、 in ``\\uN?`` escapes, the rest as GBK bytes."""
    body = []
    for i, line in enumerate(NOTICE):
        body.append(_paragraph(line, centred=i == 0, unicode=line.strip().startswith("二、")))
    path.write_bytes(rtf("".join(body)))


def tasks_rtf(path: Path, table: list[list[str]] = TASKS, merged_down: int | None = None) -> None:
    body = [_paragraph(line, centred=i == 0) for i, line in enumerate(TASKS_HEAD)]
    body.append(_table(table, merged_down))
    body.extend(_paragraph(line) for line in TASKS_TAIL)
    path.write_bytes(rtf("".join(body)))


# -- Word -----------------------------------------------------------------------------------------
def notice_docx(lines: list[str], path: Path, table: list[list[str]] | None = None, tail: list[str] = (),
                merged_down: int | None = None) -> None:
    """``lines`` one paragraph each, then ``table`` (a Word table with a grid; ``merged_down``: a
    column whose cells of equal text below the header are merged into one) and ``tail``."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        grid.style = "Table Grid"
        for row, cells in zip(grid.rows, table):
            for cell, text in zip(row.cells, cells):
                cell.text = text
        if merged_down is not None:
            column = [grid.cell(r, merged_down) for r in range(1, len(table))]
            column[0].merge(column[-1]).text = table[1][merged_down]
    for line in tail:
        document.add_paragraph(line)
    document.save(str(path))


def converted(source: Path, target: Path, filter_name: str) -> None:
    """``source`` converted by LibreOffice (generation only) to ``target`` (``filter_name``: its format)."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", "--headless", "--convert-to", filter_name, "--outdir", out, str(source)],
                       check=True, capture_output=True, timeout=120)
        shutil.move(next(Path(out).iterdir()), target)


def main() -> None:
    scanned_pages_pdf(HERE / "scanned_pages.pdf")
    _glyph_coded(HERE / "garbled_nomap.pdf", private_use=False)
    _glyph_coded(HERE / "garbled_pua.pdf", private_use=True)
    notice_rtf(HERE / "gas_notice.rtf")
    tasks_rtf(HERE / "gas_tasks.rtf")
    notice_docx(TASKS_HEAD, HERE / "gas_tasks.docx", TASKS, TASKS_TAIL)
    notice_docx(NOTICE, HERE / "gas_notice_zip.wps")
    tasks_rtf(HERE / "gas_tasks_merged.rtf", TASKS_MERGED, merged_down=0)
    notice_docx(TASKS_HEAD, HERE / "gas_tasks_merged.docx", TASKS_MERGED, TASKS_TAIL, merged_down=0)
    # the two LibreOffice calls: an RTF as another writer sets one out (\uN escapes, its own font
    # table), and a Word 97-2003 file under a WPS template's name
    converted(HERE / "gas_tasks.docx", HERE / "gas_tasks_lo.rtf", "rtf")
    converted(HERE / "gas_notice_zip.wps", HERE / "gas_notice.wpt", "doc:MS Word 97")


if __name__ == "__main__":
    main()
