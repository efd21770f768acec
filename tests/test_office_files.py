"""Issue 17 item 2, second probe: notices as government offices produce the files, not as plain text.

Every file is built here from a notice written for this test (made-up places 松林县, 江州市, 清河区;
no real document copied or paraphrased): .docx with the red header in a table or spaced out, the
document number right-aligned with tabs (and the signer of a 上行文 beside it), headings from Word
heading styles (also without any number) linked to an automatic ``一、``/``（一）``/``1.`` list, page header and footer, a
footnote mark, hidden text, the signature right-aligned, 份号/特急 lines, a title broken by Shift+Enter, and the
抄送/印发 imprint as a table; a plan opening with Word's table of contents; rules whose 第X章/第X条 come from one Word list (articles
counted on across chapters); a 关于印发 transmittal and its enclosed 应急预案 numbered ``1``/``1.1``/
``1.1.1`` by a Word list; PDFs with a running header (the issuer's name) and a footer on every page
(``- 3 -`` or ``第 3 页 共 4 页``), items running over pages, a two-line centred title, full-width-space
indents and a landscape task-table page; a PDF set glyph by glyph (justified lines); CMS pages with the text in nested ``<div>/<font>/<span>``,
``<br>`` for paragraphs, ``&nbsp;`` indents, the title repeated in the body, a 附件 link list, and
a page pasted from a PDF (a ``<br>`` at each wrapped line).

Each expected reading below (document metadata and every clause with its heading path) was
written down from the notice before the file was segmented.

Decisions (consistent with docs/ANNOTATION_CODEBOOK.md §1 and tests/test_genres_probe.py):
- Running headers and footers, page numbers in any of Word's footer forms, 份号, 紧急程度, the red
  header, 签发人, the imprint (抄送/印发) and a 附件 list are no clauses and name nothing but the
  issuer: they are publication layout, not the notice's text.
- A task table enclosed after the signature sits under no heading (the enclosure's title is no
  heading, as for every enclosure after a signature in test_genres_probe.py).
- A county government's notice on one topic (汛期大检查) is ``other``; ``annual_notice`` is the
  notice on the year's safety work as a whole.
"""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from policytag.corpus.readers import read_file
from policytag.corpus.segment import segment_paths

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "\u3000\u3000"  # the two full-width spaces a paragraph is indented with


# --- .docx helpers ------------------------------------------------------------------------------
def _numbering(document, levels) -> str:
    """A Word list (abstractNum + num) of ``levels`` [(numFmt, lvlText)]; returns its numId."""
    from lxml import etree

    numbering = document.part.numbering_part.element
    aid = 1 + max([int(a.get(f"{{{W}}}abstractNumId")) for a in numbering.iterchildren(f"{{{W}}}abstractNum")] + [0])
    xml = f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
    for i, (fmt, text) in enumerate(levels):
        xml += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                '<w:suff w:val="nothing"/></w:lvl>')
    abstract = etree.fromstring(xml + "</w:abstractNum>")
    first_num = numbering.find(f"{{{W}}}num")
    first_num.addprevious(abstract) if first_num is not None else numbering.append(abstract)
    nid = 1 + max([int(n.get(f"{{{W}}}numId")) for n in numbering.iterchildren(f"{{{W}}}num")] + [0])
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return str(nid)


def _numpr(ppr, nid: str, ilvl: int) -> None:
    from lxml import etree

    ppr.append(etree.fromstring(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>'))


def _page_field(paragraph) -> None:
    """``- PAGE -``: the page number as Word's field, as a 公文 template's footer has it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("- ")
    run = paragraph.add_run()._r
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("t", "1"), ("end", None)):
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


def _right(document, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _centre(document, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER


def annual_notice_docx(path):
    """A county government's 红头文件: red header in a table, heading styles on an automatic list."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "松林县人民政府"
    _page_field(section.footer.paragraphs[0])
    nid = _numbering(d, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    _numpr(d.styles["Heading 1"].element.get_or_add_pPr(), nid, 0)
    _numpr(d.styles["Heading 2"].element.get_or_add_pPr(), nid, 1)
    d.add_table(rows=1, cols=1).cell(0, 0).text = "松林县人民政府文件"
    _right(d, "\t\t松政发〔2027〕3号")
    d.add_paragraph("")
    _centre(d, "松林县人民政府")
    _centre(d, "关于做好2027年安全生产工作的通知")
    d.add_paragraph("各乡镇人民政府，县政府各部门：")
    d.add_paragraph(S + "为切实做好2027年全县安全生产工作，有效防范遏制各类生产安全事故，现就有关事项通知如下。")
    d.add_heading("压实安全生产责任", level=1)
    d.add_heading("落实党政领导责任。各乡镇党政主要负责人每季度至少研究一次安全生产工作，3月底前完成年度安全生产责任书签订。", level=2)
    d.add_heading("落实部门监管责任", level=2)
    for text in ("县应急管理局牵头修订部门安全生产权力和责任清单，5月底前印发。",
                 "行业主管部门按照“三个必须”要求，将安全监管延伸到新业态。"):
        p = d.add_paragraph(text)
        _numpr(p._p.get_or_add_pPr(), nid, 2)
    ref = OxmlElement("w:r")  # a footnote mark after the item (the note itself is not the notice's text)
    mark = OxmlElement("w:footnoteReference")
    mark.set(qn("w:id"), "1")
    ref.append(mark)
    p._p.append(ref)
    d.add_heading("深化重点领域整治", level=1)
    d.add_heading("道路交通安全。县公安局、县交通运输局要加强农村客运和校车安全管理，严查超速超载等违法行为。", level=2)
    d.add_heading("建筑施工安全。县住建局要开展高处坠落和起重机械专项检查，全年检查在建项目不少于两轮。", level=2)
    d.add_heading("强化应急准备", level=1)
    d.add_heading("各乡镇、各部门要修订完善应急预案，汛期前至少组织一次综合演练。", level=2)
    _right(d, "松林县人民政府")
    _right(d, "2027年2月10日")
    d.add_paragraph("（此件公开发布）")
    imprint = d.add_table(rows=2, cols=1)
    imprint.cell(0, 0).text = "抄送：县委各部门，县人大常委会办公室，县政协办公室。"
    imprint.cell(1, 0).text = "松林县人民政府办公室\t\t2027年2月10日印发"
    d.save(path)


def inspection_notice_docx(path):
    """份号 and 特急 over a spaced-out red header, the signer beside the number, a title broken by
    Shift+Enter, the template's prompt left as hidden text, bold typed headings, a 附件 line and a
    two-column imprint table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    d.sections[0].footer.paragraphs[0].text = "第 1 页 共 1 页"
    d.add_paragraph("000123")
    d.add_paragraph("特急")
    _centre(d, "松 林 县 人 民 政 府 文 件")
    d.add_paragraph("松政发〔2027〕8号\t\t\t签发人：王某某")
    title = d.add_paragraph("松林县人民政府")
    title.add_run().add_break()
    title.add_run("关于开展2027年汛期安全生产大检查的通知")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各乡镇人民政府，县直各单位：")
    preamble = d.add_paragraph(S)
    preamble.add_run("（请在此处输入正文）").font.hidden = True  # the template's prompt, hidden (w:vanish)
    preamble.add_run("为做好汛期安全防范工作，县政府决定在全县开展汛期安全生产大检查。现将有关事项通知如下：")
    d.add_paragraph().add_run(S + "一、检查重点").bold = True
    d.add_paragraph(S + "（一）尾矿库和淤地坝。重点检查排洪设施是否畅通，6月15日前完成全部尾矿库汛前检查。")
    d.add_paragraph(S + "（二）在建工程。重点检查深基坑和临时工棚选址，严禁在河道管理范围内设置工棚。")
    d.add_paragraph().add_run(S + "二、工作要求").bold = True
    d.add_paragraph(S + "各乡镇、各单位要于7月10日前将检查情况报县应急管理局。")
    d.add_paragraph(S + "附件：汛期安全生产检查情况统计表")
    _right(d, "松林县人民政府")
    _right(d, "2027年5月20日")
    imprint = d.add_table(rows=2, cols=2)
    imprint.cell(0, 0).text = "抄送："
    imprint.cell(0, 1).text = "县委办公室，县人大常委会办公室，县政协办公室。"
    imprint.cell(1, 0).text = "松林县人民政府办公室"
    imprint.cell(1, 1).text = "2027年5月20日印发"
    d.save(path)


def transmittal_plan_docx(path):
    """A bureau's 关于印发 notice and, after a page break, the 应急预案 it sends, its sections
    numbered ``1`` / ``1.1`` / ``1.1.1`` by a Word list (not typed)."""
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    nid = _numbering(d, [("decimal", "%1"), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")])
    _centre(d, "江州市应急管理局")
    _centre(d, "关于印发《江州市危险化学品生产安全事故应急预案》的通知")
    _centre(d, "江应急〔2027〕12号")
    d.add_paragraph("各县（市、区）应急管理局，市直有关单位：")
    d.add_paragraph(S + "现将《江州市危险化学品生产安全事故应急预案》印发给你们，请结合实际认真贯彻执行。")
    _right(d, "江州市应急管理局")
    _right(d, "2027年4月8日")
    d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    _centre(d, "江州市危险化学品生产安全事故应急预案")

    def section(text, level):
        _numpr(d.add_paragraph(text)._p.get_or_add_pPr(), nid, level)

    section("总则", 0)
    section("编制目的", 1)
    d.add_paragraph(S + "为规范全市危险化学品生产安全事故应急处置工作，最大限度减少人员伤亡和财产损失，制定本预案。")
    section("适用范围", 1)
    d.add_paragraph(S + "本预案适用于本市行政区域内危险化学品生产、储存、使用环节发生的较大以上事故的应对工作。")
    section("组织体系", 0)
    section("市应急指挥部", 1)
    d.add_paragraph(S + "市应急指挥部由分管副市长任总指挥，市应急管理局局长任副总指挥。")
    section("预警", 0)
    section("预警分级", 1)
    section("预警级别", 2)
    d.add_paragraph(S + "预警级别由低到高分为蓝色、黄色、橙色、红色四级。")
    section("预警措施", 2)
    d.add_paragraph(S + "发布预警后，有关单位应当采取以下措施：")
    d.add_paragraph(S + "（1）加强值班值守，及时收集事态信息；")
    d.add_paragraph(S + "（2）组织应急救援队伍进入待命状态。")
    d.save(path)


def regulation_docx(path):
    """Rules numbered by one Word list: ``第%1章`` at level 0, ``第%2条`` at level 1 with
    ``w:lvlRestart 0`` (articles count on across chapters, as a regulation template sets them), and
    tab-indented ``（一）`` items typed under an article."""
    import docx
    from lxml import etree

    d = docx.Document()
    nid = _numbering(d, [("chineseCounting", "第%1章"), ("chineseCounting", "第%2条")])
    for lvl in d.part.numbering_part.element.iter(f"{{{W}}}lvl"):
        if lvl.get(f"{{{W}}}ilvl") == "1" and lvl.getparent().find(f"{{{W}}}lvl/{{{W}}}lvlText").get(f"{{{W}}}val") == "第%1章":
            lvl.append(etree.fromstring(f'<w:lvlRestart xmlns:w="{W}" w:val="0"/>'))
    _centre(d, "江州市城镇燃气安全管理办法")
    d.add_paragraph("（2027年3月10日江州市人民政府第15次常务会议通过）")

    def numbered(text, level):
        _numpr(d.add_paragraph(text)._p.get_or_add_pPr(), nid, level)

    numbered("总则", 0)
    numbered("为了加强城镇燃气安全管理，保障人民群众生命财产安全，制定本办法。", 1)
    numbered("本办法适用于本市行政区域内城镇燃气的经营、使用及其安全管理。", 1)
    numbered("经营安全", 0)
    numbered("燃气经营者应当建立健全安全生产责任制，配备专职安全管理人员。", 1)
    numbered("燃气经营者应当对用户燃气设施每年至少进行一次入户安全检查，并作好记录：", 1)
    d.add_paragraph("\t（一）检查燃气管道和阀门是否漏气；")
    d.add_paragraph("\t（二）检查燃气具是否具有熄火保护装置。")
    numbered("附则", 0)
    numbered("本办法自2027年5月1日起施行。", 1)
    d.save(path)


_SHAPE_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
             'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
             'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
             'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
             'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
             'xmlns:v="urn:schemas-microsoft-com:vml"')


def _text_box(paragraph, lines) -> None:
    """A floating text box of ``lines`` anchored in ``paragraph``, kept as Word keeps it: a DrawingML
    shape and, for older readers, the same box again as VML (``mc:Fallback``)."""
    from lxml import etree

    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in lines)
    paragraph._p.append(etree.fromstring(
        f'<w:r {_SHAPE_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
        '<wp:posOffset>3000000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="600000"/><wp:wrapNone/><wp:docPr id="5" name="Text Box 5"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
        f'<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'))


def text_box_notice_docx(path):
    """A bureau's notice whose red header, document number, and signature with date (set to lie under
    the seal) are text boxes."""
    import docx

    d = docx.Document()
    _text_box(d.add_paragraph(), ["江州市应急管理局文件"])
    _text_box(d.add_paragraph(), ["江应急〔2027〕20号"])
    _centre(d, "江州市应急管理局关于开展2027年危险化学品企业安全检查的通知")
    d.add_paragraph("各县（市、区）应急管理局：")
    for text in ("为防范化解危险化学品安全风险，市局决定开展危险化学品企业安全检查，现将有关事项通知如下。", "一、检查范围",
                 "全市危险化学品生产、储存企业和化工园区。", "二、检查重点", "（一）重大危险源监测预警系统运行情况。",
                 "（二）特殊作业审批和现场管理情况。", "三、时间安排",
                 "检查工作于6月1日开始，8月31日前结束，各县（市、区）9月10日前报送检查报告。"):
        d.add_paragraph(S + text)
    _text_box(d.add_paragraph(), ["江州市应急管理局", "2027年5月12日"])
    d.add_paragraph("（此件主动公开）")
    d.save(path)


def joint_notice_tables_docx(path):
    """A joint notice whose 版头 and signature are tables: each organ in a row beside one merged 文件
    cell, the number beside its signer, the two organs side by side over their seals; the imprint a
    two-column table."""
    import docx

    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "临江市应急管理局"
    head.cell(1, 0).text = "临江市公安局"
    head.cell(0, 1).merge(head.cell(1, 1)).text = "文件"
    number = d.add_table(rows=1, cols=2)
    number.cell(0, 0).text = "临应急〔2027〕7号"
    number.cell(0, 1).text = "签发人：张某某"
    _centre(d, "临江市应急管理局　临江市公安局")
    _centre(d, "关于开展烟花爆竹安全专项整治的通知")
    d.add_paragraph("各县（区）应急管理局、公安局：")
    for text in ("为加强烟花爆竹安全管理，决定在全市开展烟花爆竹安全专项整治。", "一、整治重点",
                 "（一）非法生产、经营、储存烟花爆竹行为。", "（二）批发企业仓库超量储存行为。", "二、工作要求",
                 "各地要于12月20日前报送整治情况。"):
        d.add_paragraph(S + text)
    signature = d.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "临江市应急管理局"
    signature.cell(0, 1).text = "临江市公安局"
    _right(d, "2027年11月15日")
    imprint = d.add_table(rows=2, cols=2)
    imprint.cell(0, 0).text = "抄送："
    imprint.cell(0, 1).text = "市委办公室，市政府办公室。"
    imprint.cell(1, 0).text = "临江市应急管理局办公室"
    imprint.cell(1, 1).text = "2027年11月15日印发"
    d.save(path)


def unnumbered_headings_docx(path):
    """A bureau's notice whose sections are Word headings without any number (总体要求 / 重点任务 /
    保障措施 in the Heading 2 style), as some governments write them."""
    import docx

    d = docx.Document()
    _centre(d, "江州市应急管理局关于加强2027年危险化学品安全管理的通知")
    d.add_paragraph("各县（市、区）应急管理局：")
    d.add_paragraph(S + "为加强危险化学品安全管理，现就有关事项通知如下。")
    d.add_heading("总体要求", level=2)
    d.add_paragraph(S + "坚持安全第一、预防为主，全面排查整治危险化学品安全风险。")
    d.add_heading("重点任务", level=2)
    d.add_paragraph(S + "各地要对重大危险源企业开展全覆盖检查，9月底前完成。")
    d.add_paragraph(S + "各地要推进化工园区封闭化管理，年底前完成改造。")
    d.add_heading("保障措施", level=2)
    d.add_paragraph(S + "各地要加强组织领导，落实工作责任。")
    _right(d, "江州市应急管理局")
    _right(d, "2027年4月1日")
    d.save(path)


def plan_with_contents_docx(path):
    """A county 应急预案 opening with Word's table of contents (``toc 1``/``toc 2`` paragraphs, each a
    link to its heading, a tab and the page number) and no 目录 line over it."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    for name in ("TOC 1", "TOC 2"):
        if name not in [style.name for style in d.styles]:
            d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    _centre(d, "松林县危险化学品事故应急预案")
    for text, page, level in (("1 总则", 1, 1), ("1.1 编制目的", 1, 2), ("1.2 适用范围", 1, 2), ("2 组织体系", 2, 1),
                              ("2.1 县应急指挥部", 2, 2), ("3 应急响应", 3, 1)):
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), f"_Toc{page}{level}")
        for piece in (text, "\t", str(page)):
            run = OxmlElement("w:r")
            if piece == "\t":
                run.append(OxmlElement("w:tab"))
            else:
                t = OxmlElement("w:t")
                t.text = piece
                run.append(t)
            link.append(run)
        d.add_paragraph(style=f"TOC {level}")._p.append(link)
    d.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    for text in ("1 总则", "1.1 编制目的", S + "为规范危险化学品事故应急处置工作，制定本预案。", "1.2 适用范围",
                 S + "本预案适用于本县行政区域内危险化学品事故的应对工作。", "2 组织体系", "2.1 县应急指挥部",
                 S + "县应急指挥部由分管副县长任总指挥。", "3 应急响应", S + "事故发生后，事发单位应当立即启动本单位应急预案。"):
        d.add_paragraph(text)
    _right(d, "松林县人民政府办公室")
    _right(d, "2027年6月1日")
    d.save(path)


# --- PDF ----------------------------------------------------------------------------------------
PLAN = [("c", "松林县2027年城镇燃气安全"), ("c", "专项整治实施方案"), ("", ""),
        ("", S + "为深入排查整治城镇燃气安全隐患，有效防范燃气事故，结合我县实际，制定本方案。"),
        ("", S + "一、工作目标"),
        ("", S + "到2027年底，全县燃气经营企业安全管理水平明显提升，老旧管道和餐饮场所隐患全部整改到位。"),
        ("", S + "二、整治内容"),
        ("", S + "（一）燃气经营企业。全面检查企业安全管理制度、从业人员持证上岗和应急处置能力，对不具备安全条件的企业依法责令停业整顿。"),
        ("", S + "（二）餐饮等人员密集场所。督促餐饮场所安装可燃气体报警装置，6月底前完成全覆盖；严禁在地下室使用瓶装液化石油气；"
             "对违规使用的依法查处并向社会公布典型案例；相关乡镇要建立排查整改台账，逐一销号管理，确保整改到位。"),
        ("", S + "（三）燃气管道设施。排查占压、穿越管道的违章建筑，10月底前完成清理。"),
        ("", S + "三、时间安排"),
        ("", S + "1.动员部署阶段（3月底前）。各乡镇、各部门制定具体方案，明确责任人。"),
        ("", S + "2.排查整治阶段（4月至10月）。全面开展排查，建立问题隐患和整改措施清单。"),
        ("", S + "3.总结提升阶段（11月至12月）。总结经验做法，建立长效机制。"),
        ("", S + "四、保障措施"),
        ("", S + "各乡镇、各部门要加强组织领导，每月5日前将整治进展报县安委办。"),
        ("", ""), ("r", "松林县安全生产委员会办公室"), ("r", "2027年3月1日")]
TASKS = [["序号", "整治任务", "牵头单位", "配合单位", "完成时限"],
         ["1", "燃气经营企业安全检查", "县住建局", "县市场监管局", "6月底前"],
         ["2", "餐饮场所报警装置安装", "县市场监管局", "各乡镇", "6月底前"],
         ["3", "管道占压清理", "县自然资源局", "县城管局", "10月底前"]]


def plan_pdf(path, footer: str = "- {page} -"):
    """An A4 plan of 22 lines a page, wrapped at the text width as a word processor does (ASCII
    digits narrow), the issuer's name as running header over a rule and ``footer`` on every page;
    its task table on a landscape page of its own."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    lines = []
    for align, text in PLAN:
        if align or not text:
            lines.append((align, text))
        while not align and text:
            cut = 1
            while cut < len(text) and pdfmetrics.stringWidth(text[:cut + 1], font, 15) <= 420:
                cut += 1
            lines.append(("", text[:cut]))
            text = text[cut:]
    pages = [lines[i:i + 22] for i in range(0, len(lines), 22)]
    total = len(pages) + 1
    c = canvas.Canvas(str(path), pagesize=A4)

    def frame(width, height, page):
        c.setFont(font, 10)
        c.drawCentredString(width / 2, height - 40, "松林县安全生产委员会办公室")
        c.line(60, height - 46, width - 60, height - 46)
        c.setFont(font, 12)
        c.drawCentredString(width / 2, 36, footer.format(page=page, total=total))

    width, height = A4
    for number, page in enumerate(pages, 1):
        frame(width, height, number)
        c.setFont(font, 15)
        for i, (align, text) in enumerate(page):
            y = height - 100 - 30 * i
            {"c": lambda: c.drawCentredString(width / 2, y, text), "r": lambda: c.drawRightString(width - 80, y, text),
             "": lambda: c.drawString(80, y, text)}[align]()
        c.showPage()
    c.setPageSize(landscape(A4))
    width, height = landscape(A4)
    frame(width, height, total)
    c.setFont(font, 14)
    c.drawString(60, height - 80, "附件")
    c.drawCentredString(width / 2, height - 110, "松林县城镇燃气安全专项整治任务分工表")
    xs, top, rh = [60, 110, 400, 520, 660, 780], height - 140, 28
    c.setFont(font, 11)
    for i, row in enumerate(TASKS):
        for j, cell in enumerate(row):
            c.drawString(xs[j] + 4, top - rh * i - 18, cell)
    for i in range(len(TASKS) + 1):
        c.line(xs[0], top - rh * i, xs[-1], top - rh * i)
    for x in xs:
        c.line(x, top, x, top - rh * len(TASKS))
    c.showPage()
    c.save()


FIRE = [("c", "松林县人民政府文件", 26), ("c", "松政发〔2027〕11号", 15), ("rule",), ("c", "松林县人民政府", 20),
        ("c", "关于加强2027年冬春季森林防火工作的通知", 20), ("l", "各乡镇人民政府，县直各单位：", 15),
        ("p", S + "冬春季是森林火灾易发高发期，为切实做好今冬明春森林防火工作，现就有关事项通知如下。"),
        ("p", S + "一、严格火源管控"),
        ("p", S + "（一）各乡镇要在进山路口设立检查站，对进山人员逐一登记，严禁携带火种进山；对林区内坟头、庙宇等重点部位实行专人看守。"),
        ("p", S + "（二）林业部门要加强野外用火审批，大风天气一律停止审批。"),
        ("p", S + "二、加强扑救准备"),
        ("p", S + "（一）县森林消防队要实行24小时备勤，接到火情报告后30分钟内出动。"),
        ("p", S + "（二）各乡镇储备风力灭火机、二号工具等扑火物资，11月底前完成物资检查补充，确保火情发生时拉得出、用得上、打得赢。"),
        ("p", S + "三、落实值班报告"),
        ("p", S + "防火期内，各乡镇、各单位要严格执行领导带班和24小时值班制度，发生火情及时报告县森林防火指挥部办公室。"),
        ("r", "松林县人民政府", 15), ("r", "2027年10月25日", 15), ("l", "（此件公开发布）", 15)]


def glyph_by_glyph_pdf(path, per_page: int = 11):
    """A red-header notice whose justified lines are set one glyph at a time (each character at its
    own position, as some WPS and OFD-to-PDF exports write them), its red header, number and title
    letter-spaced, the issuer's name as running header
    from the second page on (Word's different first page), ``— 3 —`` footers alternating sides, and
    items running over page breaks (``per_page`` 11: three pages; 18: two, the header shown once)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    lines = []
    for item in FIRE:
        text = item[1] if item[0] == "p" else ""
        if not text:
            lines.append(item)
        while text:
            cut = 1
            while cut < len(text) and pdfmetrics.stringWidth(text[:cut + 1], font, 15) <= 420:
                cut += 1
            lines.append(("j" if cut < len(text) else "l", text[:cut], 15))
            text = text[cut:]
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, start in enumerate(range(0, len(lines), per_page), 1):
        if number > 1:
            c.setFont(font, 10)
            c.drawCentredString(width / 2, height - 40, "松林县人民政府")
        y = height - 90
        for item in lines[start:start + per_page]:
            if item[0] == "rule":
                c.line(70, y + 10, width - 70, y + 10)
                y -= 20
                continue
            kind, text, size = item
            c.setFont(font, size)
            if kind == "c":  # the red header, number and title letter-spaced, as red-header documents set them
                spacing = 4 if size < 26 else 8
                line = c.beginText()
                line.setFont(font, size)
                line.setCharSpace(spacing)
                line.setTextOrigin((width - pdfmetrics.stringWidth(text, font, size) - spacing * (len(text) - 1)) / 2, y)
                line.textLine(text)
                c.drawText(line)
            elif kind == "r":
                c.drawRightString(width - 80, y, text)
            elif kind == "j":  # justified: the gap spread between the glyphs, each drawn on its own
                x = 80
                gap = (420 - pdfmetrics.stringWidth(text, font, size)) / (len(text) - 1)
                for ch in text:
                    c.drawString(x, y, ch)
                    x += pdfmetrics.stringWidth(ch, font, size) + gap
            else:
                c.drawString(80, y, text)
            y -= max(30, size + 14)
        c.setFont(font, 12)
        if number % 2:
            c.drawRightString(width - 70, 36, f"— {number} —")
        else:
            c.drawString(70, 36, f"— {number} —")
        c.showPage()
    c.save()


# --- CMS pages ----------------------------------------------------------------------------------
def _font_line(face: str, *spans: str) -> str:
    return f'<font face="{face}">&nbsp;&nbsp;&nbsp;&nbsp;' + "".join(f"<span>{s}</span>" for s in spans) + "</font><br>"


WORK_POINTS_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>江州市2027年安全生产工作要点_通知公告_江州市应急管理局</title>'
    '</head><body><div class="header"><a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>'
    '<div class="main"><div class="article"><h1 class="title">江州市2027年安全生产工作要点</h1>'
    '<div class="info"><span>发布时间：2027-02-20 09:30</span><span>来源：江州市安全生产委员会办公室</span>'
    '<span>浏览次数：<script>document.write(123)</script></span><span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>'
    '<div id="zoom"><div class="TRS_Editor"><div style="text-align:center"><font face="方正小标宋简体" size="5">'
    '<span style="font-size:22pt">江州市2027年安全生产工作要点</span></font></div><br>\n<div>'
    + _font_line("仿宋_GB2312", "2027年全市安全生产工作的总体要求是：坚持人民至上、生命至上，统筹发展和安全，", "有效防范化解重大安全风险。")
    + _font_line("黑体", "一、健全责任体系")
    + _font_line("仿宋_GB2312", "1.", "修订市安委会成员单位安全生产工作职责，", "4月底前印发。")
    + _font_line("仿宋_GB2312", "2.", "开展安全生产巡查，全年对6个县（市、区）实现全覆盖。")
    + _font_line("黑体", "二、深化专项整治")
    + _font_line("楷体_GB2312", "（一）燃气安全")
    + _font_line("仿宋_GB2312", "3.", "推进老旧燃气管道更新改造，年底前完成改造120公里。")
    + _font_line("楷体_GB2312", "（二）危险化学品")
    + _font_line("仿宋_GB2312", "4.", "开展化工园区安全风险评估，9月底前完成复核。")
    + '</div><br><div style="text-align:right"><span>江州市安全生产委员会</span><br><span>2027年2月18日</span></div>'
    '<p>附件：<br><a href="/u/1.docx">1.江州市2027年安全生产重点任务清单.docx</a><br>'
    '<a href="/u/2.xlsx">2.江州市安全生产巡查安排表.xlsx</a></p></div></div>'
    '<div class="share">分享到：<a>微信</a><a>微博</a></div><div class="print"><a>【打印本页】</a><a>【关闭窗口】</a></div>'
    '</div></div><div class="footer">主办：江州市应急管理局　版权所有</div></body></html>')

PASTED_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    '<title>关于做好2027年防汛期间安全生产工作的通知</title></head><body>'
    '<table width="100%"><tr><td class="nav">当前位置：首页 &gt; 信息公开 &gt; 通知公告</td></tr></table>'
    '<div class="content"><div class="TRS_UEDITOR">'
    '<p style="text-align:center"><strong><span>清河区安全生产委员会办公室</span></strong></p>'
    '<p style="text-align:center"><strong><span>关于做好2027年防汛期间安全生产工作的通知</span></strong></p>'
    '<p style="text-align:center"><span>清安办〔2027〕6号</span></p>'
    '<p><span>各街道办事处，区安委会各成员单位：</span></p>'
    '<p><span>&nbsp; &nbsp; &nbsp; &nbsp;当前我区已进入主汛期，为有效防范汛期各类生产安全事故，现就有关</span><br/>'
    '<span>工作通知如下。</span></p>'
    '<p><span>&nbsp; &nbsp; &nbsp; &nbsp;<strong>一、加强隐患排查</strong></span></p>'
    '<p><span>&nbsp; &nbsp; &nbsp; &nbsp;各街道要组织对辖区内地下空间、低洼地带和在建工地开展拉网式排查，</span><br/>'
    '<span>对发现的隐患逐项整改，7月15日前完成第一轮排查。</span></p>'
    '<p><span>&nbsp; &nbsp; &nbsp; &nbsp;<strong>二、落实值班制度</strong></span></p>'
    '<p><span>&nbsp; &nbsp; &nbsp; &nbsp;汛期实行24小时值班和领导带班制度，遇有险情立即报告区应急管理局。</span></p>'
    '<p style="text-align:right"><span>清河区安全生产委员会办公室</span></p>'
    '<p style="text-align:right"><span>2027年6月20日</span></p>'
    '<p><span>（联系人：李某；电话：0000-0000000）</span></p><p>&nbsp;</p></div></div>'
    '<div class="bottom"><p>【打印此页】 【关闭窗口】</p><p>扫一扫在手机打开当前页</p></div></body></html>')


def _page(text):
    return lambda path: path.write_text(text, encoding="utf-8")


# --- expected readings --------------------------------------------------------------------------
ZHENGZHI = "二、整治内容"
SHIJIAN = "三、时间安排"
PLAN_META = ("松林县2027年城镇燃气安全专项整治实施方案", "松林县安全生产委员会办公室", "松林县", "county", "special_plan",
             2027, None, "2027-03-01")
PLAN_CLAUSES = [
    ((), "为深入排查整治城镇燃气安全隐患，有效防范燃气事故，结合我县实际，制定本方案。"),
    (("一、工作目标",), "到2027年底，全县燃气经营企业安全管理水平明显提升，老旧管道和餐饮场所隐患全部整改到位。"),
    ((ZHENGZHI,), PLAN[7][1].strip()),
    ((ZHENGZHI,), PLAN[8][1].strip()),  # runs over the first page break
    ((ZHENGZHI,), PLAN[9][1].strip()),
    ((SHIJIAN,), PLAN[11][1].strip()),
    ((SHIJIAN,), PLAN[12][1].strip()),  # runs over the second page break, under the running header
    ((SHIJIAN,), PLAN[13][1].strip()),
    (("四、保障措施",), PLAN[15][1].strip()),
    # (the enclosed task table's title heads its rows: the lead's decision, session 17; they had no heading)
    (("松林县城镇燃气安全专项整治任务分工表",), "1.燃气经营企业安全检查（完成时限：6月底前）"),
    (("松林县城镇燃气安全专项整治任务分工表",), "2.餐饮场所报警装置安装（完成时限：6月底前）"),
    (("松林县城镇燃气安全专项整治任务分工表",), "3.管道占压清理（完成时限：10月底前）"),
]

# file: (builder, (title, issuer, region, level, genre, year, doc number, date), [(heading path, clause text or its start)])
CASES = {
    "annual_notice.docx": (annual_notice_docx, (
        "松林县人民政府关于做好2027年安全生产工作的通知", "松林县人民政府", "松林县", "county", "annual_notice", 2027,
        "松政发〔2027〕3号", "2027-02-10"), [
        ((), "为切实做好2027年全县安全生产工作"),
        (("一、压实安全生产责任",), "（一）落实党政领导责任。各乡镇党政主要负责人"),
        (("一、压实安全生产责任", "（二）落实部门监管责任"), "1.县应急管理局牵头修订"),
        (("一、压实安全生产责任", "（二）落实部门监管责任"), "2.行业主管部门按照“三个必须”要求，将安全监管延伸到新业态。"),
        (("二、深化重点领域整治",), "（一）道路交通安全。"),
        (("二、深化重点领域整治",), "（二）建筑施工安全。"),
        (("三、强化应急准备",), "（一）各乡镇、各部门要修订完善应急预案"),
    ]),
    "inspection_notice.docx": (inspection_notice_docx, (
        "松林县人民政府关于开展2027年汛期安全生产大检查的通知", "松林县人民政府", "松林县", "county", "other", 2027,
        "松政发〔2027〕8号", "2027-05-20"), [
        ((), "为做好汛期安全防范工作"),
        (("一、检查重点",), "（一）尾矿库和淤地坝。"),
        (("一、检查重点",), "（二）在建工程。"),
        (("二、工作要求",), "各乡镇、各单位要于7月10日前将检查情况报县应急管理局。"),
    ]),
    "transmittal_plan.docx": (transmittal_plan_docx, (
        "江州市应急管理局关于印发《江州市危险化学品生产安全事故应急预案》的通知", "江州市应急管理局", "江州市", "city",
        "emergency_plan", 2027, "江应急〔2027〕12号", "2027-04-08"), [
        ((), "现将《江州市危险化学品生产安全事故应急预案》印发给你们"),
        (("1 总则", "1.1 编制目的"), "为规范全市危险化学品"),
        (("1 总则", "1.2 适用范围"), "本预案适用于"),
        (("2 组织体系", "2.1 市应急指挥部"), "市应急指挥部由分管副市长任总指挥"),
        (("3 预警", "3.1 预警分级", "3.1.1 预警级别"), "预警级别由低到高"),
        (("3 预警", "3.1 预警分级", "3.1.2 预警措施"), "发布预警后"),
        (("3 预警", "3.1 预警分级", "3.1.2 预警措施"), "（1）加强值班值守"),
        (("3 预警", "3.1 预警分级", "3.1.2 预警措施"), "（2）组织应急救援队伍"),
    ]),
    "regulation.docx": (regulation_docx, (
        "江州市城镇燃气安全管理办法", "江州市人民政府", "江州市", "city", "regulation", 2027, None, None), [
        (("第一章 总则",), "第一条为了加强城镇燃气安全管理"),
        (("第一章 总则",), "第二条本办法适用于"),
        (("第二章 经营安全",), "第三条燃气经营者应当建立健全"),
        (("第二章 经营安全",), "第四条燃气经营者应当对用户燃气设施"),
        (("第二章 经营安全", "第四条 燃气经营者应当对用户燃气设施每年至少进行一次入户安全检查，并…"), "（一）检查燃气管道"),
        (("第二章 经营安全", "第四条 燃气经营者应当对用户燃气设施每年至少进行一次入户安全检查，并…"), "（二）检查燃气具"),
        (("第三章 附则",), "第五条本办法自2027年5月1日起施行。"),
    ]),
    "text_box_notice.docx": (text_box_notice_docx, (
        "江州市应急管理局关于开展2027年危险化学品企业安全检查的通知", "江州市应急管理局", "江州市", "city", "other", 2027,
        "江应急〔2027〕20号", "2027-05-12"), [
        ((), "为防范化解危险化学品安全风险"),
        (("一、检查范围",), "全市危险化学品生产、储存企业和化工园区。"),
        (("二、检查重点",), "（一）重大危险源监测预警系统运行情况。"),
        (("二、检查重点",), "（二）特殊作业审批和现场管理情况。"),
        (("三、时间安排",), "检查工作于6月1日开始"),
    ]),
    # the title keeps the two organs as the notice sets them (as probe_joint_notice_seal.txt reads)
    "joint_notice_tables.docx": (joint_notice_tables_docx, (
        "临江市应急管理局临江市公安局关于开展烟花爆竹安全专项整治的通知", "临江市应急管理局、临江市公安局", "临江市", "city",
        "other", 2027, "临应急〔2027〕7号", "2027-11-15"), [
        ((), "为加强烟花爆竹安全管理"),
        (("一、整治重点",), "（一）非法生产、经营、储存烟花爆竹行为。"),
        (("一、整治重点",), "（二）批发企业仓库超量储存行为。"),
        (("二、工作要求",), "各地要于12月20日前报送整治情况。"),
    ]),
    # a title without a number is context, as a numbered bare title is (codebook §1): no clause of its own
    "unnumbered_headings.docx": (unnumbered_headings_docx, (
        "江州市应急管理局关于加强2027年危险化学品安全管理的通知", "江州市应急管理局", "江州市", "city", "other", 2027, None,
        "2027-04-01"), [
        ((), "为加强危险化学品安全管理，现就有关事项通知如下。"),
        (("总体要求",), "坚持安全第一、预防为主"),
        (("重点任务",), "各地要对重大危险源企业开展全覆盖检查"),
        (("重点任务",), "各地要推进化工园区封闭化管理"),
        (("保障措施",), "各地要加强组织领导，落实工作责任。"),
    ]),
    "plan_with_contents.docx": (plan_with_contents_docx, (
        "松林县危险化学品事故应急预案", "松林县人民政府办公室", "松林县", "county", "emergency_plan", 2027, None, "2027-06-01"), [
        (("1 总则", "1.1 编制目的"), "为规范危险化学品事故应急处置工作"),
        (("1 总则", "1.2 适用范围"), "本预案适用于本县"),
        (("2 组织体系", "2.1 县应急指挥部"), "县应急指挥部由分管副县长任总指挥。"),
        (("3 应急响应",), "事故发生后"),
    ]),
    "plan_dash_footer.pdf": (plan_pdf, PLAN_META, PLAN_CLAUSES),
    "plan_page_of_footer.pdf": (lambda path: plan_pdf(path, "第 {page} 页 共 {total} 页"), PLAN_META, PLAN_CLAUSES),
    "forest_fire_glyphs.pdf": (glyph_by_glyph_pdf, (
        "松林县人民政府关于加强2027年冬春季森林防火工作的通知", "松林县人民政府", "松林县", "county", "other", 2027,
        "松政发〔2027〕11号", "2027-10-25"), [
        ((), FIRE[6][1].strip()),
        (("一、严格火源管控",), FIRE[8][1].strip()),  # over the first page break
        (("一、严格火源管控",), FIRE[9][1].strip()),
        (("二、加强扑救准备",), FIRE[11][1].strip()),  # 24 and 30 where they stand
        (("二、加强扑救准备",), FIRE[12][1].strip()),
        (("三、落实值班报告",), FIRE[14][1].strip()),  # over the second page break, under the running header
    ]),
    "forest_fire_glyphs_two_pages.pdf": (lambda path: glyph_by_glyph_pdf(path, 18), (
        "松林县人民政府关于加强2027年冬春季森林防火工作的通知", "松林县人民政府", "松林县", "county", "other", 2027,
        "松政发〔2027〕11号", "2027-10-25"), [
        ((), FIRE[6][1].strip()),
        (("一、严格火源管控",), FIRE[8][1].strip()),
        (("一、严格火源管控",), FIRE[9][1].strip()),
        (("二、加强扑救准备",), FIRE[11][1].strip()),
        (("二、加强扑救准备",), FIRE[12][1].strip()),  # over the page break, under the header page 2 alone shows
        (("三、落实值班报告",), FIRE[14][1].strip()),
    ]),
    "work_points_cms.html": (_page(WORK_POINTS_PAGE), (
        "江州市2027年安全生产工作要点", "江州市安全生产委员会", "江州市", "city", "work_points", 2027, None, "2027-02-18"), [
        ((), "2027年全市安全生产工作的总体要求是：坚持人民至上、生命至上，统筹发展和安全，有效防范化解重大安全风险。"),
        (("一、健全责任体系",), "1.修订市安委会成员单位安全生产工作职责，4月底前印发。"),
        (("一、健全责任体系",), "2.开展安全生产巡查"),
        (("二、深化专项整治", "（一）燃气安全"), "3.推进老旧燃气管道更新改造"),
        (("二、深化专项整治", "（二）危险化学品"), "4.开展化工园区安全风险评估"),
    ]),
    "pasted_from_pdf.html": (_page(PASTED_PAGE), (
        "清河区安全生产委员会办公室关于做好2027年防汛期间安全生产工作的通知", "清河区安全生产委员会办公室", "清河区", "county",
        "other", 2027, "清安办〔2027〕6号", "2027-06-20"), [
        ((), "当前我区已进入主汛期，为有效防范汛期各类生产安全事故，现就有关工作通知如下。"),
        (("一、加强隐患排查",), "各街道要组织对辖区内地下空间、低洼地带和在建工地开展拉网式排查，对发现的隐患逐项整改，7月15日前完成第一轮排查。"),
        (("二、落实值班制度",), "汛期实行24小时值班"),
    ]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_office_file_reads_as_written(tmp_path, name):
    build, meta, expected = CASES[name]
    path = tmp_path / name
    build(path)
    result = segment_paths([path])
    assert not result.errors, result.errors
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert (doc.title, doc.issuer, doc.region, doc.level, doc.genre, doc.year, doc.doc_number, doc.date) == meta
    got = [(c.heading_path, c.text) for c in result.clauses]
    assert len(got) == len(expected), "\n".join(f"{p} {t}" for p, t in got)
    for (path_got, text), (path_want, start) in zip(got, expected):
        assert path_got == path_want and text.startswith(start), (path_got, text)
    assert [c.kind for c in result.clauses].count("preamble") == (1 if expected[0][0] == () else 0)


def test_text_box_read_once_where_it_is_anchored(tmp_path):
    text_box_notice_docx(tmp_path / "n.docx")
    lines = [line for line in read_file(tmp_path / "n.docx").split("\n") if line.strip()]
    assert lines[:3] == ["江州市应急管理局文件", "江应急〔2027〕20号", "江州市应急管理局关于开展2027年危险化学品企业安全检查的通知"]
    assert lines[-3:] == ["江州市应急管理局", "2027年5月12日", "（此件主动公开）"]  # the VML copy not read again


def test_plan_task_table_agencies_on_the_landscape_page(tmp_path):
    plan_pdf(tmp_path / "plan.pdf")
    tasks = segment_paths([tmp_path / "plan.pdf"]).clauses[-3:]
    assert [c.agencies for c in tasks] == [("县住建局", "县市场监管局"), ("县市场监管局", "各乡镇"), ("县自然资源局", "县城管局")]


def test_running_header_and_footer_leave_every_page(tmp_path):
    plan_pdf(tmp_path / "plan.pdf", "第 {page} 页 共 {total} 页")
    text = read_file(tmp_path / "plan.pdf")
    # the header stays once: as the signature, not on top of each of the three pages
    assert text.count("松林县安全生产委员会办公室") == 1


def test_running_lines_are_only_lines_repeated_at_the_page_edges():
    from policytag.corpus.readers import _drop_running_lines

    header = ["松林县人民政府公报　2027年第3期", "正文一段，接着写。", "- 1 -"]
    pages = ["\n".join(header), "\n".join(["松林县人民政府公报　2027年第4期", "正文二段。", "- 2 -"])]
    assert _drop_running_lines(pages) == ["正文一段，接着写。\n- 1 -", "正文二段。\n- 2 -"]
    # one-page notices of one file, each opening with its issuer over its title: nothing dropped
    notices = ["松林县人民政府\n关于做好汛期安全工作的通知\n正文。", "松林县人民政府\n关于做好冬季安全工作的通知\n正文。"]
    assert _drop_running_lines(notices) == notices
    # a signature on top of the last page (此页无正文) and the date under it: kept
    signed = ["松林县应急管理局\n正文。", "松林县应急管理局\n2027年3月1日"]
    assert _drop_running_lines(signed) == signed
    # the header of a two-page notice shown on page 2 alone: an organ named on a line elsewhere too
    two = ["松林县人民政府\n关于做好汛期安全工作的通知\n一、加强巡查，发现", "松林县人民政府\n险情立即报告。\n松林县人民政府\n2027年6月1日"]
    assert _drop_running_lines(two) == [two[0], "险情立即报告。\n松林县人民政府\n2027年6月1日"]
    # a line at the top of one page of three is no running header
    once = ["某某\n甲。", "乙。", "丙。"]
    assert _drop_running_lines(once) == once


def test_segment_cli_documents_on_a_built_pdf(tmp_path):
    plan_pdf(tmp_path / "plan.pdf", "第 {page} 页 共 {total} 页")
    out = run_cli("segment", str(tmp_path / "plan.pdf"), "--documents", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout.splitlines()[0])
    assert (doc["title"], doc["issuer"], doc["level"], doc["genre"]) == PLAN_META[:2] + PLAN_META[3:5]


def test_a_docx_of_several_notices_reads_as_the_notices_apart(tmp_path):
    """Three of the notices above in one .docx (a collection: each after a page break, with its own
    red header, imprint table, and the joint one's tables) read as each reads alone."""
    import copy

    import docx
    from docx.enum.text import WD_BREAK

    names = ["annual_notice.docx", "inspection_notice.docx", "joint_notice_tables.docx"]
    for name in names:
        CASES[name][0](tmp_path / name)
    collection = docx.Document(tmp_path / names[0])
    for name in names[1:]:
        collection.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        section = collection.element.body[-1]  # the body's closing sectPr: the notice goes before it
        for element in docx.Document(tmp_path / name).element.body:
            if not element.tag.endswith("sectPr"):
                section.addprevious(copy.deepcopy(element))
    collection.save(tmp_path / "collection.docx")
    result = segment_paths([tmp_path / "collection.docx"])
    assert [(d.title, d.doc_number, d.date) for d in result.documents] == [
        (CASES[n][1][0], CASES[n][1][6], CASES[n][1][7]) for n in names]
    alone = [(c.heading_path, c.text) for n in names for c in segment_paths([tmp_path / n]).clauses]
    assert [(c.heading_path, c.text) for c in result.clauses] == alone


@pytest.mark.parametrize("footer", ["- {page} -", "第 {page} 页 共 {total} 页"])
def test_a_text_copy_of_the_pdf_keeps_items_over_page_breaks(tmp_path, footer):
    """The plan's text as a copy out of the PDF gives it (a .txt; a web page pasted from it reads the
    same): page by page, each page's running header next to its page number. The header is a page
    mark there too. The task table's cells come one per line in such a copy (序号 / 整治任务 / … then
    1 / a task / …): read back into one clause per task, as the PDF's ruled table reads."""
    from pypdf import PdfReader

    plan_pdf(tmp_path / "plan.pdf", footer)
    copy = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "plan.pdf").pages)
    assert copy.count("松林县安全生产委员会办公室") == 4  # three running headers and the signature
    assert "\n序号\n整治任务\n牵头单位\n" in copy  # the table, one cell per line
    (tmp_path / "plan.txt").write_text(copy, encoding="utf-8")
    result = segment_paths([tmp_path / "plan.txt"])
    assert result.documents[0].issuer == PLAN_META[1]
    assert [(c.heading_path, c.text) for c in result.clauses] == [(path, text) for path, text in PLAN_CLAUSES]
    pdf = segment_paths([tmp_path / "plan.pdf"]).clauses
    assert [c.agencies for c in result.clauses[-3:]] == [c.agencies for c in pdf[-3:]]


def test_a_table_of_contents_block_is_skipped(tmp_path):
    """Word's 目录 inserted as a content control (w:sdt of the Table of Contents gallery): its entries,
    in any style, are no text of the plan."""
    import docx
    from lxml import etree

    d = docx.Document()
    d.add_paragraph("松林县危险化学品事故应急预案")
    entries = "".join(f'<w:p><w:r><w:t>{t}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{n}</w:t></w:r></w:p>'
                      for t, n in (("目录", ""), ("1 总则", 1), ("2 应急响应", 2)))
    d.paragraphs[-1]._p.addnext(etree.fromstring(
        f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        f'<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>{entries}</w:sdtContent></w:sdt>'))
    d.add_paragraph("1 总则")
    d.save(tmp_path / "p.docx")
    assert read_file(tmp_path / "p.docx").split("\n") == ["松林县危险化学品事故应急预案", "1 总则"]
