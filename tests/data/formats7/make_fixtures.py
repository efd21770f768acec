"""Build the fixtures of tests/test_files_formats7.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats7/make_fixtures.py
    .venv/bin/python tests/data/formats7/make_fixtures.py --probes /tmp/probes   # the probes (EXPECTED.md)

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings
written down before any reader ran). formats6's winter notice (invented city 澄溪市) and its writers are reused.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def formats6():
    return _load("formats6_fixtures", HERE.parent / "formats6" / "make_fixtures.py")


# -- Word: a portal's menu kept as HYPERLINK fields -------------------------------------------------
def _field_runs(url: str, runs: list) -> list:
    """``runs`` (the shown word) as the result of a complex HYPERLINK field, as Word and WPS keep a link
    pasted from a web page: begin, the code, separate, the result, end (each mark a run of its own)."""
    from docx.oxml import parse_xml

    def mark(kind: str):
        return parse_xml(f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="{kind}"/></w:r>')

    code = parse_xml(f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> HYPERLINK "{url}" </w:instrText></w:r>')
    return [mark("begin"), code, mark("separate"), *runs, mark("end")]


def _simple_field(url: str, runs: list):
    """``runs`` inside a ``w:fldSimple`` HYPERLINK field (the one-element form some writers use)."""
    from docx.oxml import parse_xml

    field = parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" HYPERLINK &quot;{url}&quot; "/>')
    for run in runs:
        field.append(run)
    return field


def nav_fields_docx(path: Path, simple: bool = False) -> None:
    """formats6's winter_nav.docx with each menu entry's ``w:hyperlink`` replaced by a HYPERLINK field over
    the same run: a complex field, or a ``w:fldSimple`` when ``simple``."""
    import docx

    f6 = formats6()
    f6.nested_docx(path, side_nav=True)
    document = docx.Document(str(path))
    part = document.part
    for link in list(document.element.body.iter(W + "hyperlink")):
        url = part.rels[link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")].target_ref
        runs = list(link)
        parent, at = link.getparent(), link.getparent().index(link)
        parent.remove(link)
        for k, node in enumerate([_simple_field(url, runs)] if simple else _field_runs(url, runs)):
            parent.insert(at + k, node)
    document.save(str(path))


# -- probes: the winter notice in the formats another government sends (EXPECTED.md, "Probes") --------
def _parts() -> dict:
    return formats6()._notice()


def _flat_docx(path: Path, title_in_box: bool = False) -> None:
    """The notice as a plain .docx: its lines as paragraphs, the task table a grid. ``title_in_box``: the
    title set in a text box (VML ``v:textbox``) anchored in an empty first paragraph, as a 公文 template sets
    a 版头 or title to place it, and not as a paragraph of its own."""
    import docx
    from docx.oxml import parse_xml

    n = _parts()
    document = docx.Document()
    if title_in_box:
        anchor = document.add_paragraph()
        anchor._p.append(parse_xml(
            f'<w:r xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:400pt;'
            'height:40pt" stroked="f"><v:textbox><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>'
            f'<w:t>{n["title"]}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    else:
        document.add_paragraph(n["title"])
    for line in (n["number"], n["addressee"], n["preamble"], *n["body"]):
        document.add_paragraph(line)
    formats6()._grid(document.add_table(rows=len(n["table"]), cols=len(n["table"][0])), n["table"])
    for line in (n["signature"], n["date"]):
        document.add_paragraph(line)
    document.save(str(path))


def _soffice(source: Path, suffix: str, folder: Path) -> Path:
    """``source`` converted by LibreOffice (headless) into ``folder``, as a user's office suite saves it."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        suffix, "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=180)
    return folder / f"{source.stem}.{suffix}"


def _rtf_escape(text: str) -> str:
    """``text`` as a Chinese RTF writer escapes it: each GBK character as its two ``\\'xx`` bytes."""
    return "".join(ch if ord(ch) < 128 else "".join(f"\\'{b:02x}" for b in ch.encode("gbk")) for ch in text)


def portal_rtf() -> str:
    """The notice as a site's export script writes RTF: ``\\ansicpg1252`` declared (the script's default),
    the Chinese font declared ``\\fcharset134`` (GB2312) and the text as its GBK bytes; the task table a
    ruled RTF table (``\\trowd … \\cellx``, ``\\intbl … \\cell``, ``\\row``)."""
    n = _parts()
    par = lambda text: "\\pard\\plain\\f1\\fs28 " + _rtf_escape(text) + "\\par\n"  # noqa: E731
    rows = ""
    for row in n["table"]:
        edges = "".join(f"\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx{1500 * (k + 1)}"
                        for k in range(len(row)))
        cells = "".join(f"\\pard\\intbl\\f1\\fs24 {_rtf_escape(text)}\\cell " for text in row)
        rows += f"\\trowd\\trgaph108{edges}\n{cells}\\row\n"
    body = "".join(par(line) for line in (n["title"], n["number"], n["addressee"], n["preamble"], *n["body"]))
    tail = "".join(par(line) for line in (n["signature"], n["date"]))
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}{\\f1\\fnil\\fcharset134 "
            + _rtf_escape("宋体") + ";}}\n" + body + rows + "\\pard\\plain\n" + tail + "}")


def _pdf_lines() -> list[tuple[str, str]]:
    """The notice's printed lines: (text, how: title | centre | left | text | right), paragraphs wrapped."""
    f5 = _load("formats5_fixtures", HERE.parent / "formats5" / "make_fixtures.py")
    f5._font()
    n = _parts()
    lines = [(n["title"], "title"), (n["number"], "centre"), (n["addressee"], "left")]
    for para in (n["preamble"], *n["body"]):
        lines += [(piece, "text") for piece in f5._wrap(para, 480, 12)]  # none wraps: joining is the cleaner's
    lines += [("\t".join(row), "row") for row in n["table"]]
    return lines + [(n["signature"], "right"), (n["date"], "right")]


def _draw(c, text: str, how: str, y: float, spaced: bool) -> None:
    """One printed line; ``spaced``: a space typed after every character (the text layer of a PDF made by
    a converter that places each character as a word)."""
    show = (lambda t: " ".join(t)) if spaced else (lambda t: t)  # noqa: E731
    c.setFont("STSong-Light", 16 if how == "title" else 12)
    if how in ("title", "centre"):
        c.drawCentredString(297, y, show(text))
    elif how == "right":
        c.drawRightString(520, y, show(text))
    elif how == "row":
        for k, cell in enumerate(text.split("\t")):
            c.drawString((70, 110, 330, 450)[k], y, show(cell))
    else:
        c.drawString(70 if how == "left" else 98, y, show(text))


def running_pdf(path: Path, header: str = "澄溪市应急管理局", lines_per_page: int = 7, spaced: bool = False) -> None:
    """The notice over pages of ``lines_per_page`` lines, each page under a running header line (the 页眉: an
    organ's name over a rule) and over a footer ``— N —`` (em dashes, as 公文 number pages)."""
    from reportlab.pdfgen import canvas

    lines = _pdf_lines()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page, at in enumerate(range(0, len(lines), lines_per_page), start=1):
        if header:
            c.setFont("STSong-Light", 10)
            c.drawCentredString(297, 800, header)
            c.line(60, 794, 535, 794)
        y = 750
        for text, how in lines[at:at + lines_per_page]:
            _draw(c, text, how, y, spaced)
            y -= 30
        c.setFont("STSong-Light", 12)
        c.drawCentredString(297, 40, f"— {page} —")
        c.showPage()
    c.save()


def _page(body: str, title: str) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>'
            f'{body}<div class="footer">主办：澄溪市人民政府办公室 网站标识码：9999000007</div></body></html>')


def _article(table_attrs: str = 'border="1"') -> str:
    n = _parts()
    rows = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in n["table"])
    paras = "".join(f"<p>{line}</p>" for line in (n["addressee"], n["preamble"], *n["body"]))
    return (f'<p style="text-align:center">{n["number"]}</p>{paras}<table {table_attrs}>{rows}</table>'
            f'<p style="text-align:right">{n["signature"]}</p><p style="text-align:right">{n["date"]}</p>')


def trs_html() -> str:
    """A TRS-built page: the title in an h1 outside the body, the body in ``div.TRS_Editor`` whose first child
    is the editor's <style> (its CSS text inside the body's container), the paragraphs in a Custom_UnionStyle div."""
    n = _parts()
    style = "<style>.TRS_Editor P{margin-top:0px;margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}</style>"
    body = (f'<h1 class="title">{n["title"]}</h1><div class="info">发布时间：2027-11-16 来源：澄溪市应急管理局</div>'
            f'<div class="TRS_Editor">{style}<div class="Custom_UnionStyle">{_article()}</div></div>')
    return _page(body, n["title"])


def iframe_html() -> str:
    """The notice's body in an ``<iframe srcdoc="…">`` (the page's own frame, its HTML inline and escaped),
    the title above it on the page."""
    import html

    n = _parts()
    inner = f'<html><body><div class="content">{_article()}</div></body></html>'
    body = (f'<h1>{n["title"]}</h1><iframe width="100%" height="1200" frameborder="0" '
            f'srcdoc="{html.escape(inner, quote=True)}"></iframe>')
    return _page(body, n["title"])


def mail_eml(path: Path, attachment: Path | None) -> None:
    """A mail as Outlook or Foxmail saves it (.eml). With ``attachment``: a cover note in text and HTML, the
    notice's .docx attached under its Chinese name (RFC 2231), as an office mails a notice to the units it
    goes to. Without: the notice pasted into the mail (its text and HTML parts), a picture attached."""
    from email.message import EmailMessage

    n = _parts()
    mail = EmailMessage()
    mail["From"] = "澄溪市应急管理局办公室 <office@example.gov.cn>"
    mail["To"] = "units@example.gov.cn"
    mail["Subject"] = ("转发：" if attachment else "") + n["title"]
    mail["Date"] = "Tue, 16 Nov 2027 09:30:00 +0800"
    if attachment is not None:
        mail.set_content("各单位：\n附件是" + n["title"] + "，请查收并抓好落实。\n\n澄溪市应急管理局办公室\n")
        mail.add_alternative("<p>各单位：</p><p>附件是" + n["title"] + "，请查收并抓好落实。</p>", subtype="html")
        mail.add_attachment(attachment.read_bytes(), maintype="application",
                            subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                            filename=n["title"] + ".docx")
    else:
        notice = formats6().WINTER_NOTICE
        mail.set_content(notice)
        rows = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in n["table"])
        lines = [line for line in notice.split("\n") if line.strip() and "\t" not in line]
        paras = "".join(f"<p>{line}</p>" for line in lines[:-2])
        mail.add_alternative(f'<html><body>{paras}<table border="1">{rows}</table><p>{lines[-2]}</p>'
                             f"<p>{lines[-1]}</p></body></html>", subtype="html")
        mail.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png", filename="印章.png")
    path.write_bytes(bytes(mail))


def merged_rows_xlsx(path: Path) -> None:
    """A task sheet whose 工作任务 category and 责任单位 cells are merged down over several rows (a title row
    merged across over them)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["澄溪市冬春火灾防控工作任务清单"])
    sheet.merge_cells("A1:E1")
    sheet.append(["序号", "类别", "工作任务", "责任单位", "完成时限"])
    sheet.append([1, "隐患排查", "开展人员密集场所消防安全检查", "各县（区）应急管理局", "12月31日前"])
    sheet.append([2, None, "组织电动自行车充电场所专项巡查", None, "2028年1月31日前"])
    sheet.append([3, None, "排查老旧小区消防通道", None, "2028年1月31日前"])
    sheet.append([4, "宣传培训", "开展冬春消防安全宣传进社区活动", "市消防救援支队", "2028年2月28日前"])
    sheet.merge_cells("B3:B5")
    sheet.merge_cells("D3:D5")
    book.save(str(path))


def probes(folder: Path) -> None:
    """The probes (EXPECTED.md): written to ``folder``; those that needed a reader fix are committed."""
    import shutil
    import zipfile

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "winter_notice.txt").write_text(formats6().WINTER_NOTICE, encoding="utf-8")
    _flat_docx(folder / "flat.docx")
    _flat_docx(folder / "title_box.docx", title_in_box=True)
    _soffice(folder / "flat.docx", "odt", folder)  # flat.odt
    f5 = HERE.parent / "formats5"
    shutil.copy(f5 / "task_sheet.xls", folder / "task_sheet_ole.et")
    shutil.copy(f5 / "task_sheet.xlsx", folder / "task_sheet_zip.et")
    (folder / "portal.rtf").write_text(portal_rtf(), encoding="ascii")
    running_pdf(folder / "running.pdf")
    running_pdf(folder / "spaced.pdf", header="", lines_per_page=40, spaced=True)
    (folder / "trs.html").write_text(trs_html(), encoding="utf-8")
    (folder / "iframe.html").write_text(iframe_html(), encoding="utf-8")
    mail_eml(folder / "mail.eml", folder / "flat.docx")
    mail_eml(folder / "mail_body.eml", None)
    merged_rows_xlsx(folder / "merged_rows.xlsx")
    with zipfile.ZipFile(folder / "folder.zip", "w") as archive:  # a folder zipped: the .docx and its PDF copy
        archive.write(folder / "flat.docx", "冬春火灾防控/澄溪市应急管理局关于开展冬春火灾防控工作的通知.docx")
        archive.write(folder / "running.pdf", "冬春火灾防控/澄溪市应急管理局关于开展冬春火灾防控工作的通知.pdf")


def odt_twins(folder: Path = HERE) -> None:
    """.odt files LibreOffice saves from .docx notices of earlier tests (each reads as its twin): formats5's
    reviewed notice (tracked changes, comments, foot- and endnotes, header and PAGE footer), its ruled task
    table without 序号 (配合单位 merged down), formats6's notice nested in a layout cell, and its list-numbered
    copy (restart.docx: 一、 and （一） as Word list numbers, the （一） list restarting under 二)."""
    import shutil
    import tempfile

    f5 = _load("formats5_fixtures", HERE.parent / "formats5" / "make_fixtures.py")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        f5.review_docx(work / "fire_review.docx")
        formats6().restart_docx(work / "winter_restart.docx")
        shutil.copy(HERE.parent / "formats5" / "fire_tasks_noseq.docx", work)
        shutil.copy(HERE.parent / "formats6" / "winter_nested.docx", work)
        for docx in sorted(work.glob("*.docx")):
            shutil.copy(_soffice(docx, "odt", work), folder / f"{docx.stem}.odt")


def main() -> None:
    import tempfile

    nav_fields_docx(HERE / "winter_nav_fields.docx")
    nav_fields_docx(HERE / "winter_nav_fldsimple.docx", simple=True)
    running_pdf(HERE / "winter_spaced.pdf", header="", lines_per_page=40, spaced=True)
    (HERE / "winter_iframe.html").write_text(iframe_html(), encoding="utf-8")
    odt_twins()
    with tempfile.TemporaryDirectory() as scratch:
        _flat_docx(Path(scratch) / "flat.docx")
        mail_eml(HERE / "winter_mail.eml", Path(scratch) / "flat.docx")
    mail_eml(HERE / "winter_mail_body.eml", None)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))
    else:
        main()
