"""Build the Word 97-2003 fixtures of tests/test_files_formats.py (run by hand; CI reads the committed
outputs and needs neither this script nor LibreOffice).

Each notice is ours (tests/data/genres/, or written here for this test with invented places): it is
set into a .docx with python-docx the way an office saves one (a running page header, a footer with
Word's PAGE field, a link field in the body, a task table with merged cells), and that .docx is
converted by LibreOffice, a real Word 97-2003 writer, to the binary format:

    apt-get install -y --no-install-recommends libreoffice-writer-nogui
    .venv/bin/python tests/data/formats/make_doc_fixtures.py

``.wps``: WPS Office 2003 and later saves .wps in this same Word 97-2003 format (an OLE file with a
``WordDocument`` stream); LibreOffice cannot name its output so, and the file is renamed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
GENRES = HERE.parent / "genres"

#: a running header no notice line repeats (only the main text is the notice)
HEADER = "东川省人民政府公报（电子版）"

TASKS_HEAD = [
    "松林县安全生产委员会办公室关于印发2027年重点工作任务分工的通知",
    "松安办〔2027〕4号",
    "",
    "各乡镇人民政府，县安委会各成员单位：",
    "现将2027年全县安全生产重点工作任务分工印发给你们，请认真抓好落实。",
    "一、重点任务分工",
]
TASKS_TABLE = [
    ["序号", "类别", "工作任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "燃气安全", "排查老旧燃气管网和餐饮场所燃气设施", "县住建局", "县市场监管局、各乡镇", "6月底前"],
    ["2", None, "清理违规存放的液化石油气钢瓶", "县住建局", "各乡镇", "9月底前"],  # 类别 merged with the row above
    ["地质灾害防治", ...],  # a row spanning the table
    ["3", "汛期安全", "巡查尾矿库和淤地坝", "县应急管理局", "县水利局", "7月15日前"],
]
#: a notice whose headings and items Word numbers itself (a list: 一、 / （一） / 1.), written for this test
LIST_NOTICE = [
    (None, "松林县应急管理局关于加强2027年汛期安全生产工作的通知"), (None, "松应急〔2027〕8号"), (None, ""),
    (None, "各乡镇人民政府，县有关部门："), (None, "为做好汛期安全生产工作，现就有关事项通知如下："),
    (0, "压实安全责任"), (1, "落实企业主体责任。各企业要建立汛期隐患排查制度。"),
    (1, "落实部门监管责任。行业主管部门要开展汛前检查。"), (0, "强化应急准备"), (1, "完善应急预案"),
    (2, "修订防汛应急预案。"), (2, "开展应急演练。"), (None, ""), (None, "松林县应急管理局"), (None, "2027年6月1日"),
]
HIDDEN = "（模板提示：请在此处输入正文）"
LIST_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]

TASKS_TAIL = [
    "二、工作要求",
    "各牵头单位要于每季度末将任务进展情况报县安委办。",
    "",
    "松林县安全生产委员会办公室",
    "2027年3月2日",
]


def _page_field(paragraph) -> None:
    """``- PAGE -`` as Word's field, as a 公文 template's footer has it."""
    paragraph.add_run("- ")
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("t", "1"), ("end", None)):
        run = paragraph.add_run()._r
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.text = text
        elif kind == "t":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run.append(el)
    paragraph.add_run(" -")


def _link(paragraph, text: str, url: str) -> None:
    """``text`` as a hyperlink (a HYPERLINK field in the binary file: its code, then its result)."""
    part = paragraph.part
    rid = part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                         is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _document() -> docx.Document:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    _page_field(document.sections[0].footer.paragraphs[0])
    return document


def _paragraph(document, line: str, link: str | None) -> None:
    paragraph = document.add_paragraph()
    if link and link in line:
        before, after = line.split(link, 1)
        paragraph.add_run(before)
        _link(paragraph, link, "http://example.invalid/notice")
        paragraph.add_run(after)
    else:
        paragraph.add_run(line)


def notice_docx(lines: list[str], path: Path, link: str | None = None) -> None:
    document = _document()
    for line in lines:
        _paragraph(document, line, link)
    document.save(path)


def tasks_docx(path: Path) -> None:
    document = _document()
    for line in TASKS_HEAD:
        _paragraph(document, line, None)
    table = document.add_table(rows=len(TASKS_TABLE), cols=len(TASKS_TABLE[0]))
    table.style = "Table Grid"
    for r, row in enumerate(TASKS_TABLE):
        if row[1] is ...:
            table.cell(r, 0).merge(table.cell(r, len(TASKS_TABLE[0]) - 1)).text = row[0]
            continue
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1)).text = "燃气安全"
    for line in TASKS_TAIL:
        _paragraph(document, line, None)
    document.save(path)


def list_docx(path: Path) -> None:
    """LIST_NOTICE with its numbered lines in one Word list (abstractNum + num, ``w:numPr``)."""
    from lxml import etree

    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = _document()
    numbering = document.part.numbering_part.element
    # ids past the template's own lists
    aid = 1 + max([int(a.get(f"{{{W}}}abstractNumId")) for a in numbering.iterchildren(f"{{{W}}}abstractNum")] + [0])
    nid = 1 + max([int(n.get(f"{{{W}}}numId")) for n in numbering.iterchildren(f"{{{W}}}num")] + [0])
    xml = f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
    for i, (fmt, text) in enumerate(LIST_LEVELS):
        xml += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                '<w:suff w:val="nothing"/></w:lvl>')
    first = numbering.find(f"{{{W}}}num")
    abstract = etree.fromstring(xml + "</w:abstractNum>")
    first.addprevious(abstract) if first is not None else numbering.append(abstract)
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    for level, line in LIST_NOTICE:
        paragraph = document.add_paragraph(line)
        if line.endswith("如下："):  # an office template's hidden prompt, which no reader sees
            paragraph.add_run(HIDDEN).font.hidden = True
        if level is not None:
            paragraph._p.get_or_add_pPr().append(etree.fromstring(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{nid}"/></w:numPr>'))
    document.save(path)


def to_doc(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", out, str(source)],
                       check=True, capture_output=True, timeout=120)
        shutil.move(Path(out) / (source.stem + ".doc"), target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, suffix, link in (("safety_committee_notice", ".doc", "省安委办"),
                                   ("probe_county_bureau_notice", ".wps", "县应急管理局")):
            lines = (GENRES / f"{name}.txt").read_text(encoding="utf-8").split("\n")
            notice_docx(lines, tmp / f"{name}.docx", link)
            to_doc(tmp / f"{name}.docx", HERE / f"{name}{suffix}")
        list_docx(HERE / "numbered_list.docx")  # kept: the test compares the two readings
        to_doc(HERE / "numbered_list.docx", HERE / "numbered_list.doc")
        tasks_docx(HERE / "task_table.docx")  # kept: the test compares the two readings
        to_doc(HERE / "task_table.docx", HERE / "task_table.doc")


if __name__ == "__main__":
    main()
