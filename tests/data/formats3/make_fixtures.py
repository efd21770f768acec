"""Build the fixtures of tests/test_files_formats3.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats3/make_fixtures.py

The notice (invented county 柘川县; EXPECTED.md holds the readings written down before any reader
ran) is flood_notice.txt beside this script. Pure Python: no LibreOffice, no Word.

revised_notice.docx / .doc: the notice with revisions left in (EXPECTED.md), the .docx written
with python-docx and lxml, the .doc converted from it by LibreOffice (``soffice``, generation only;
tests/data/formats/make_doc_fixtures.to_doc), which writes tracked changes as sprmCFRMarkDel/Ins.

flood_notice.mht: a Word "single file web page" (MHTML, RFC 2557) laid out as Word writes one, which
office (OA) systems export as the notice's "Word" download, often named .doc: a MIME header, a
preamble for mail readers, the page as a quoted-printable text/html part in GB2312 (its Word HTML:
``WordSection1``, ``MsoNormal`` paragraphs of ``<span>`` runs, the seal as an ``<img>`` of the second
part), then the image as a base64 part. flood_notice_mht.doc is the same bytes.
"""

from __future__ import annotations

import base64
import html
import quopri
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOUNDARY = "----=_NextPart_01DB6A2C.5E3F7A10"

#: a 1x1 red PNG: the seal's picture (its pixels do not matter, its being an <img> part does)
SEAL_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")


def _paragraph(text: str, style: str = "") -> str:
    """One Word HTML paragraph: the text in a run of its own, as Word sets a 公文's 仿宋 body."""
    attrs = f" style='{style}'" if style else ""
    return (f"<p class=MsoNormal{attrs}><span style='font-size:16.0pt;font-family:仿宋_GB2312'>"
            f"{html.escape(text)}</span></p>\n")


def word_page(lines: list[str]) -> str:
    """The notice as the HTML page Word writes into a single file web page."""
    body = []
    for line in lines:
        if not line.strip():
            body.append("<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>\n")
        elif line.startswith("\u3000"):
            body.append(_paragraph(line.strip(), "text-indent:32.0pt"))
        else:
            body.append(_paragraph(line, "text-align:center" if "通知" in line else ""))
    body.insert(-2, "<p class=MsoNormal><img width=150 height=150 src=\"flood_notice.files/image001.png\" "
                    "alt=\"印章\"></p>\n")
    return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n"
            "<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n"
            "<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft Word 15\">\n"
            "<style>\n<!-- p.MsoNormal {margin:0cm; font-size:10.5pt;} -->\n</style>\n</head>\n"
            "<body lang=ZH-CN style='tab-interval:21.0pt'>\n<div class=WordSection1>\n"
            + "".join(body) + "</div>\n</body>\n</html>\n")


def mht(page: str) -> bytes:
    """``page`` packed as Word packs a single file web page (CRLF line ends, as MIME writes them)."""
    encoded = quopri.encodestring(page.encode("gb2312")).decode("ascii")
    image = base64.encodebytes(SEAL_PNG).decode("ascii")
    parts = [
        "MIME-Version: 1.0",
        f"Content-Type: multipart/related; boundary=\"{BOUNDARY}\"",
        "",
        "This document is a Single File Web Page, also known as a Web Archive file.  If you are seeing this "
        "message, your browser or editor doesn't support Web Archive files.",
        "",
        f"--{BOUNDARY}",
        "Content-Location: file:///C:/3F2A1B0C/flood_notice.htm",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Type: text/html; charset=\"gb2312\"",
        "",
        encoded,
        f"--{BOUNDARY}",
        "Content-Location: file:///C:/3F2A1B0C/flood_notice.files/image001.png",
        "Content-Transfer-Encoding: base64",
        "Content-Type: image/png",
        "",
        image,
        f"--{BOUNDARY}--",
        "",
    ]
    return "\r\n".join(line.replace("\n", "\r\n") for line in parts).encode("ascii")


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: item -> (kept before, deleted, inserted, kept after): the revisions EXPECTED.md names
REVISIONS = {"一、": ("一、各乡镇要在", "6月底前", "5月底前", "完成山塘水库和地质灾害隐患点的排查，建立问题清单。"),
             "三、": ("三、", "县水利局要", "县应急管理局要", "组织一次防汛抢险演练。")}

#: the first part of item 二、, whose paragraph mark is deleted (the item typed as two paragraphs)
JOINED = ("二、县水利局要加强汛期值班值守，",)


def revised_docx(lines: list[str], path: Path) -> None:
    """The notice with the ``REVISIONS`` left in as tracked changes (w:del / w:ins runs), and item 二、
    typed as two paragraphs at ``JOINED``, the first one's mark deleted (``w:pPr/w:rPr/w:del``)."""
    import docx
    from lxml import etree

    stamp = 'w:author="柘川县应急管理局" w:date="2027-04-01T09:00:00Z"'
    document = docx.Document()
    for n, line in enumerate(line for line in lines if line.strip()):
        revision = next((r for key, r in REVISIONS.items() if line.strip().startswith(key)), None)
        if line.strip().startswith(JOINED[0]):  # two paragraphs, the first's mark deleted: one once accepted
            first = document.add_paragraph(JOINED[0])
            first._p.get_or_add_pPr().append(etree.fromstring(f'<w:rPr xmlns:w="{W}"><w:del w:id="{2 * n}" {stamp}/>'
                                                              '</w:rPr>'))
            document.add_paragraph(line.strip()[len(JOINED[0]):])
            continue
        if revision is None:
            document.add_paragraph(line.strip())
            continue
        before, deleted, inserted, after = revision
        paragraph = document.add_paragraph(before)
        paragraph._p.append(etree.fromstring(f'<w:del xmlns:w="{W}" w:id="{2 * n}" {stamp}><w:r><w:delText>{deleted}'
                                             '</w:delText></w:r></w:del>'))
        paragraph._p.append(etree.fromstring(f'<w:ins xmlns:w="{W}" w:id="{2 * n + 1}" {stamp}><w:r><w:t>{inserted}'
                                             '</w:t></w:r></w:ins>'))
        paragraph.add_run(after)
    document.save(path)


def main() -> None:
    lines = (HERE / "flood_notice.txt").read_text(encoding="utf-8").split("\n")
    data = mht(word_page(lines))
    (HERE / "flood_notice.mht").write_bytes(data)
    (HERE / "flood_notice_mht.doc").write_bytes(data)
    revised_docx(lines, HERE / "revised_notice.docx")
    sys.path.insert(0, str(HERE.parent / "formats"))
    from make_doc_fixtures import to_doc  # the one LibreOffice call of the fixture scripts

    to_doc(HERE / "revised_notice.docx", HERE / "revised_notice.doc")


if __name__ == "__main__":
    main()
