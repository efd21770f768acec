"""Build the fixtures of tests/test_files_formats2.py (run by hand; CI reads the committed outputs and
needs neither this script nor LibreOffice).

Each notice is written for these tests (invented county 青柳县; EXPECTED.md holds the readings
written down before any reader ran). It is set into a .docx with python-docx and lxml the way an
office template sets it, and LibreOffice, a real Word 97-2003 writer, converts the .docx:

    apt-get install -y --no-install-recommends libreoffice-writer-nogui
    npm install --prefix /tmp/cfbtool cfb   # restart_list.doc only (see restart_as_word_writes_it)
    NODE_PATH=/tmp/cfbtool/node_modules .venv/bin/python tests/data/formats2/make_fixtures.py

Heading styles linked to an outline list (一、 / （一）): Word writes the list (sprmPIlfo, sprmPIlvl)
into the style's paragraph properties only. LibreOffice 7.4 writes it into the style and again into
every heading paragraph; :func:`style_lists_only` then turns the paragraphs' two list properties
into properties of no effect of the same size (line numbers not suppressed, right indent 0: the
defaults), leaving the list where Word leaves it, in the style. (A list restart, which Word writes as
an LFO start override, LibreOffice 7.4 writes as a list of its own for the first item only, losing
it: its own import of the .doc reads 1., 1. for two items. So style_numbered's two item groups are
two lists; restart_list.doc has the restart as Word writes it: :func:`restart_as_word_writes_it`.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "formats"))
from make_doc_fixtures import to_doc  # noqa: E402  (the one LibreOffice call of both scripts)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: (style or list, text): "H1"/"H2" a heading style numbered by the outline list (一、 / （一）),
#: ("item", n) an item of the n-th decimal list (each starts at 1), None plain
STYLE_NOTICE = [
    (None, "青柳县农业农村局关于做好2027年春季农业生产工作的通知"), (None, "青农〔2027〕3号"), (None, ""),
    (None, "各乡镇人民政府，县直有关单位："),
    (None, "为抓好春季农业生产，确保全年粮食稳产增产，现将有关事项通知如下："),
    ("H1", "稳定粮食播种面积"), ("H2", "落实播种任务"),
    (("item", 0), "各乡镇要将粮食播种面积分解到村组和经营主体。"), (("item", 0), "县农业农村局每半月通报一次播种进度。"),
    ("H2", "做好农资保障"),
    (("item", 1), "县供销社要提前储备化肥和良种。"), (("item", 1), "县市场监管局要开展农资质量抽检。"),
    ("H1", "加强技术服务"), (None, "县农技中心要组织技术人员分片包村指导春耕。"), (None, ""),
    (None, "青柳县农业农村局"), (None, "2027年2月20日"),
]
OUTLINE = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")]
ITEMS = [("decimal", "%1.")]



def _abstract(numbering, levels: list[tuple[str, str]]) -> str:
    """A new abstract list of ``levels`` (format, text) in ``numbering``; its id."""
    aid = str(1 + max([int(a.get(f"{{{W}}}abstractNumId")) for a in numbering.iterchildren(f"{{{W}}}abstractNum")]
                      + [0]))
    xml = f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
    for i, (fmt, text) in enumerate(levels):
        xml += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                '<w:suff w:val="nothing"/></w:lvl>')
    first = numbering.find(f"{{{W}}}num")
    abstract = etree.fromstring(xml + "</w:abstractNum>")
    first.addprevious(abstract) if first is not None else numbering.append(abstract)
    return aid


def _num(numbering, aid: str, restart: bool) -> str:
    """A list instance of abstract list ``aid``; ``restart``: its level 0 starts again at 1."""
    nid = str(1 + max([int(n.get(f"{{{W}}}numId")) for n in numbering.iterchildren(f"{{{W}}}num")] + [0]))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
                                      f'{override}</w:num>'))
    return nid


def _number_style(document, name: str, nid: str, level: int) -> None:
    """Style ``name`` numbered by list ``nid`` at ``level`` (``w:numPr`` in the style, as a 公文
    template links its heading styles to an outline list)."""
    ppr = document.styles[name].element.get_or_add_pPr()
    ppr.insert(0, etree.fromstring(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{nid}"/>'
                                   '</w:numPr>'))


def style_docx(path: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    outline = _num(numbering, _abstract(numbering, OUTLINE), restart=False)
    instances = [_num(numbering, _abstract(numbering, ITEMS), restart=False) for _ in range(2)]
    _number_style(document, "Heading 1", outline, 0)
    _number_style(document, "Heading 2", outline, 1)
    for kind, line in STYLE_NOTICE:
        if kind in ("H1", "H2"):
            document.add_paragraph(line, style="Heading 1" if kind == "H1" else "Heading 2")
            continue
        paragraph = document.add_paragraph(line)
        if kind is not None:
            paragraph._p.get_or_add_pPr().append(etree.fromstring(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{instances[kind[1]]}"/></w:numPr>'))
    document.save(path)


def style_lists_only(path: Path) -> None:
    """The list properties of every paragraph whose style carries the same list overwritten in
    place by properties of no effect (see the header): the file as Word writes style numbering."""
    import struct

    import olefile

    from policytag.corpus import oldword

    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        fib = oldword._fib(bytes(word))
        table = ole.openstream(fib.table_stream).read()
        styles = oldword._style_lists(table, fib.styles)
        fc, lcb = fib.papx
        count = (lcb - 4) // 8
        for k in range(count):
            page = (struct.unpack_from("<I", table, fc + 4 * (count + 1) + 4 * k)[0] & 0x3FFFFF) * 512
            crun = word[page + 511]
            for i in range(crun):
                offset = page + word[page + 4 * (crun + 1) + 13 * i] * 2
                if offset == page:
                    continue
                cb = word[offset]
                start, size = (offset + 2, 2 * word[offset + 1]) if cb == 0 else (offset + 1, 2 * cb - 1)
                istd = struct.unpack_from("<H", word, start)[0]
                if istd not in styles:
                    continue
                at = start + 2
                while at + 2 <= start + size:
                    sprm = struct.unpack_from("<H", word, at)[0]
                    if sprm == 0x260A:  # sprmPIlvl -> sprmPFNoLineNumb 0 (the default)
                        struct.pack_into("<HB", word, at, 0x240C, 0)
                    elif sprm == 0x460B:  # sprmPIlfo -> sprmPDxaRight80 0 (the default)
                        struct.pack_into("<Hh", word, at, 0x840E, 0)
                    size_of = next(len(o) for s, o in oldword._sprms(bytes(word[at:start + size])))
                    at += 2 + size_of + (1 if sprm >> 13 == 6 else 0)
        ole.write_stream("WordDocument", bytes(word))


SHAPE_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"')

#: (text box?, lines): a text box anchored in an empty paragraph, else one paragraph a line
TEXTBOX_NOTICE = [
    (True, ["青柳县林业局文件"]), (True, ["青林〔2027〕5号"]),
    (False, ["青柳县林业局关于做好2027年森林防火工作的通知", "各乡镇人民政府，县直有关单位：",
             "为做好今年森林防火工作，现将有关事项通知如下。", "一、落实防火责任", "各乡镇要将防火责任落实到山头地块和护林员。",
             "二、加强火源管控", "进山路口要设立检查站，严禁携带火种进山。"]),
    (True, ["青柳县林业局", "2027年3月1日"]), (False, ["（此件主动公开）"]),
]


def _text_box(paragraph, lines: list[str], number: int) -> None:
    """A floating text box of ``lines`` anchored in ``paragraph``, as Word keeps one: a DrawingML
    shape and the same box again as VML (``mc:Fallback``) for older readers."""
    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in lines)
    paragraph._p.append(etree.fromstring(
        f'<w:r {SHAPE_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
        '<wp:posOffset>1500000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="3000000" cy="700000"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{number}" name="Text Box {number}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
        f'<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'))


def textbox_docx(path: Path) -> None:
    document = docx.Document()
    for number, (box, lines) in enumerate(TEXTBOX_NOTICE, start=5):
        if box:
            _text_box(document.add_paragraph(), lines, number)
        else:
            for line in lines:
                document.add_paragraph(line)
    document.save(path)


#: an English version of a notice, as counties publish one beside the Chinese: every character in
#: Windows-1252 (curly quotes, an en dash: bytes 0x80-0x9F of the 8-bit pieces), and a table
ENGLISH_NOTICE = [
    "Qingliu County Forestry Bureau",
    "Notice on Forest Fire Prevention in Spring 2027",
    "To the township governments and county departments:",
    "The fire season runs from 1 March to 31 May 2027 \u2013 the \u201chigh-risk period\u201d named in the county plan.",
    "Every township shall post fire wardens at each road into the hills.",
]
ENGLISH_TABLE = [["Task", "Lead unit", "Due"], ["Patrol the hills daily", "Township governments", "31 May"],
                 ["Check fire tools", "County Forestry Bureau", "15 March"]]


def english_docx(path: Path) -> None:
    document = docx.Document()
    for line in ENGLISH_NOTICE:
        document.add_paragraph(line)
    table = document.add_table(rows=len(ENGLISH_TABLE), cols=len(ENGLISH_TABLE[0]))
    for r, row in enumerate(ENGLISH_TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("Qingliu County Forestry Bureau, 1 March 2027")
    document.save(path)


def compressed(source: Path, target: Path) -> None:
    """``source`` (one 16-bit piece, all of it Windows-1252 characters) with its text stored as
    Word stores such text, in an 8-bit ("compressed") piece: the piece's FcCompressed with bit 30
    set and twice the byte offset, one byte a character, and every byte offset that pointed into the
    text (FKP run bounds and BTE keys of paragraph and character properties, fcMin/fcMac) moved to
    the same character's new byte. LibreOffice writes no 8-bit piece (checked: UTF-16 even for
    ASCII-only text), so this is the one way here to have one; olefile rewrites the streams in
    place (the text shrinks; the freed bytes are zeroed)."""
    import shutil
    import struct

    import olefile

    from policytag.corpus import oldword

    shutil.copy(source, target)
    with olefile.OleFileIO(str(target), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        fib = oldword._fib(bytes(word))
        table = bytearray(ole.openstream(fib.table_stream).read())
        (piece,), cps = oldword._pieces(bytes(table), *fib.clx)
        n, start = cps[1], piece.fc
        assert piece.width == 2, "expected one 16-bit piece"
        text = word[start:start + 2 * n].decode("utf-16-le")
        word[start:start + 2 * n] = text.encode("cp1252") + bytes(n)

        def moved(fc: int) -> int:
            return start + (fc - start) // 2 if start <= fc <= start + 2 * n else fc

        for at in (0x18, 0x1C):  # fcMin, fcMac
            struct.pack_into("<I", word, at, moved(struct.unpack_from("<I", word, at)[0]))
        for fc, lcb in (fib.papx, fib.chpx):
            count = (lcb - 4) // 8
            for k in range(count + 1):  # the BTE keys (aFC)
                struct.pack_into("<I", table, fc + 4 * k, moved(struct.unpack_from("<I", table, fc + 4 * k)[0]))
            for k in range(count):
                page = (struct.unpack_from("<I", table, fc + 4 * (count + 1) + 4 * k)[0] & 0x3FFFFF) * 512
                crun = word[page + 511]
                for i in range(crun + 1):  # the FKP's rgfc
                    at = page + 4 * i
                    struct.pack_into("<I", word, at, moved(struct.unpack_from("<I", word, at)[0]))
        clx = bytes(table[fib.clx[0]:fib.clx[0] + fib.clx[1]])
        pcd = fib.clx[0] + clx.index(b"\x02") + 5 + 8 + 2  # Pcdt: clxt, lcb, 2 CPs, then the Pcd's fc
        assert struct.unpack_from("<I", table, pcd)[0] == start
        struct.pack_into("<I", table, pcd, (2 * start) | 0x40000000)
        ole.write_stream("WordDocument", bytes(word))
        ole.write_stream(fib.table_stream, bytes(table))


#: (list instance or None, text): instance 1 restarts instance 0's list at 1
RESTART_NOTICE = [
    (None, "青柳县水利局关于做好2027年汛前准备工作的通知"), (None, "青水〔2027〕7号"), (None, ""), (None, "各乡镇人民政府："),
    (None, "为确保安全度汛，现将有关事项通知如下："), (None, "一、隐患排查"),
    (0, "各乡镇要排查辖区内的山塘水库。"), (0, "县水利局要抽查重点堤防。"), (None, "二、物资储备"),
    (1, "各乡镇要储备编织袋和救生衣。"), (1, "县水利局要储备抢险砂石料。"), (None, ""),
    (None, "青柳县水利局"), (None, "2027年4月10日"),
]


def restart_docx(path: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    items = _abstract(numbering, ITEMS)
    instances = [_num(numbering, items, restart=False), _num(numbering, items, restart=True)]
    for instance, line in RESTART_NOTICE:
        paragraph = document.add_paragraph(line)
        if instance is not None:
            paragraph._p.get_or_add_pPr().append(etree.fromstring(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{instances[instance]}"/></w:numPr>'))
    document.save(path)


def restart_as_word_writes_it(path: Path) -> None:
    """The restarted item group as Word writes it: LibreOffice 7.4 writes a list of its own for the
    restarted first item and a copy of the list for the items after it (its own import reads 1., 1.);
    Word gives both items one LFO of the first group's list with an LFOLVL override (fStartAt, start
    1). So: the first item's ilfo set to the copy's, the copy's LFO pointed at the first group's list
    with one LFOLVL, and the PlfLfo, 8 bytes longer, written at the end of the table stream (its
    old bytes left unused, as Word leaves freed space). The stream grows: written with the npm
    package cfb (resize_stream.js: ``npm install cfb``; olefile rewrites a stream only at its size),
    which lays the container out anew and adds its 4-byte signature stream ``\\x01Sh33tJ5`` (a
    stream no Word reader looks for; LibreOffice reads the file as 1., 2. / 1., 2.)."""
    import struct
    import subprocess
    import tempfile

    import olefile

    from policytag.corpus import oldword

    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        fib = oldword._fib(bytes(word))
        table = bytearray(ole.openstream(fib.table_stream).read())
        marks = oldword._ParagraphProps(bytes(word), bytes(table), fib.papx, {})
        used = [oldword._props(grpprl).ilfo for _, _, _, grpprl in marks.runs]
        first, restart, rest = [ilfo for i, ilfo in enumerate(used) if ilfo and ilfo not in used[:i]]
        _set_ilfo(word, restart, rest)  # the restarted item joins the items after it
        fc, lcb = fib.overrides
        count = struct.unpack_from("<I", table, fc)[0]
        lfos = bytearray(table[fc + 4:fc + 4 + 16 * count])
        lsid = struct.unpack_from("<I", lfos, 16 * (first - 1))[0]
        struct.pack_into("<I", lfos, 16 * (rest - 1), lsid)  # the copy's LFO: the first group's list
        lfos[16 * (rest - 1) + 12] = 1  # clfolvl
        data = bytearray()
        for i in range(count):  # LFOData: each LFO's cp (0xFFFFFFFF), then its LFOLVLs
            data += struct.pack("<I", 0xFFFFFFFF)
            if i == rest - 1:
                data += struct.pack("<iI", 1, 0x10)  # iStartAt 1; ilvl 0, fStartAt
        plf = struct.pack("<I", count) + bytes(lfos) + bytes(data)
        assert table[fc + 4 + 16 * count:fc + lcb] == b"\xff" * 4 * count  # LibreOffice: no LFOLVLs
        pairs = _fc_lcb_pairs(bytes(word))
        struct.pack_into("<II", word, pairs + 8 * 74, len(table), len(plf))  # fcPlfLfo, lcbPlfLfo
        ole.write_stream("WordDocument", bytes(word))
        stream = fib.table_stream
    with tempfile.NamedTemporaryFile(suffix=".bin") as grown:
        Path(grown.name).write_bytes(bytes(table) + plf)
        subprocess.run(["node", str(HERE / "resize_stream.js"), str(path), stream, grown.name], check=True)


def _fc_lcb_pairs(word: bytes) -> int:
    """The byte offset of the FIB's FibRgFcLcb97 pairs."""
    import struct

    at = 0x20 + 2 + 2 * struct.unpack_from("<H", word, 0x20)[0]
    return at + 2 + 4 * struct.unpack_from("<H", word, at)[0] + 2


def _set_ilfo(word: bytearray, old: int, new: int) -> None:
    """The one paragraph property sprmPIlfo ``old`` in the WordDocument stream (its PAPX in an
    FKP) set to ``new`` in place; found anywhere else or twice, the script stops."""
    import struct

    target = struct.pack("<HH", 0x460B, old)
    raw = bytes(word)
    at = raw.find(target)
    assert at >= 0 and raw.find(target, at + 1) < 0, f"sprmPIlfo {old}: not found once"
    struct.pack_into("<HH", word, at, 0x460B, new)


def main() -> None:
    style_docx(HERE / "style_numbered.docx")  # kept: the test compares the two readings
    to_doc(HERE / "style_numbered.docx", HERE / "style_numbered.doc")
    style_lists_only(HERE / "style_numbered.doc")
    textbox_docx(HERE / "textbox_notice.docx")
    to_doc(HERE / "textbox_notice.docx", HERE / "textbox_notice.doc")
    restart_docx(HERE / "restart_list.docx")
    to_doc(HERE / "restart_list.docx", HERE / "restart_list.doc")
    restart_as_word_writes_it(HERE / "restart_list.doc")
    english_docx(HERE / "english_notice.docx")
    to_doc(HERE / "english_notice.docx", HERE / "english_notice.doc")  # kept: the 16-bit twin
    compressed(HERE / "english_notice.doc", HERE / "english_notice_8bit.doc")


if __name__ == "__main__":
    main()
