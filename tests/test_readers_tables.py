"""Tables in .docx and HTML notices: read where they stand, a task table one clause per task.

Every document here is built in the test from text written for it (a made-up county, 青川县).
"""

import json

import pytest
from conftest import PROJECT_ROOT, run_cli

from policytag.corpus.readers import read_file
from policytag.corpus.segment import segment_paths
from policytag.inference.extract import extract_deadlines

HEAD = ["青川县2027年安全生产工作要点", "青政办发〔2027〕9号", "一、强化责任落实", "（一）各乡镇3月底前调整安委会成员。"]
TAIL = ["二、提升应急能力", "（一）修订县级应急预案。"]
TASKS = [["序号", "工作任务", "责任单位", "完成时限"],
         ["1", "开展燃气安全专项整治", "县住建局", "6月底前"],
         ["2", "组织危险化学品企业隐患排查", "县应急局、县市场监管局", "9月底前"],
         ["3", "完善森林防火监测预警体系", "县林业局", "11月底前"]]
TASK_PATH = ("一、强化责任落实", "（一）各乡镇3月底前调整安委会成员")


def _docx(path, blocks):
    """A .docx of paragraphs (str) and tables (list of rows; a row cell None is merged with the
    cell above it, a cell equal to "<" with the cell to its left)."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for i, row in enumerate(block):
            for j, text in enumerate(row):
                if text is not None and text != "<":
                    table.cell(i, j).text = text
        for i, row in enumerate(block):
            for j, text in enumerate(row):
                if text is None:
                    table.cell(i - 1, j).merge(table.cell(i, j))
                elif text == "<":
                    table.cell(i, j - 1).merge(table.cell(i, j))
    document.save(path)
    return path


def _clauses(path):
    result = segment_paths([path])
    assert not result.errors, result.errors
    return result


def test_docx_table_read_where_it_stands_one_clause_per_task(tmp_path):
    result = _clauses(_docx(tmp_path / "wp.docx", HEAD + [TASKS] + TAIL))
    clauses = result.clauses
    assert [c.text for c in clauses] == [
        "（一）各乡镇3月底前调整安委会成员。",
        "1.开展燃气安全专项整治（完成时限：6月底前）",
        "2.组织危险化学品企业隐患排查（完成时限：9月底前）",
        "3.完善森林防火监测预警体系（完成时限：11月底前）",
        "（一）修订县级应急预案。",
    ]
    # the rows sit under the heading the table stands in, not under the last heading of the notice
    assert [c.heading_path for c in clauses[1:4]] == [TASK_PATH] * 3
    assert clauses[4].heading_path == ("二、提升应急能力",)
    assert [c.agencies for c in clauses[1:4]] == [("县住建局",), ("县应急局", "县市场监管局"), ("县林业局",)]
    deadlines = [extract_deadlines(c.text, 2027) for c in clauses[1:4]]
    assert [[d.due for d in ds] for ds in deadlines] == [["2027-06-30"], ["2027-09-30"], ["2027-11-30"]]
    assert result.documents[0].genre == "work_points"


def test_docx_lead_and_partner_columns_under_a_two_row_header(tmp_path):
    table = [["序号", "重点任务", "责任单位", "<", "完成时间"],
             [None, None, "牵头单位", "配合单位", None],
             ["1", "推进城镇燃气管道老化更新改造", "县住建局", "各乡镇、县城管执法局", "2027年12月底前"],
             ["2", "开展“两客一危”车辆动态监控抽查", "县交通运输局", "县公安局", "每季度"]]
    clauses = _clauses(_docx(tmp_path / "wp.docx", HEAD[:3] + ["（一）重点任务分工"] + [table] + TAIL)).clauses
    tasks = [c for c in clauses if c.text[:2] in ("1.", "2.")]
    assert [c.text for c in tasks] == ["1.推进城镇燃气管道老化更新改造（完成时间：2027年12月底前）",
                                       "2.开展“两客一危”车辆动态监控抽查（完成时间：每季度）"]
    assert tasks[0].agencies == ("县住建局", "各乡镇", "县城管执法局")
    assert tasks[1].agencies == ("县交通运输局", "县公安局")
    assert tasks[0].heading_path == ("一、强化责任落实", "（一）重点任务分工")


def test_merged_category_cells_reach_every_row(tmp_path):
    table = [["类别", "序号", "整治内容", "责任单位"],
             ["燃气安全", "1", "排查餐饮场所燃气报警装置安装情况", "县市场监管局"],
             [None, "2", "清理违规存放的液化石油气钢瓶", "县住建局"],
             ["道路运输", "3", "整治农村客运车辆超员行为", "县交通运输局"]]
    texts = [c.text for c in _clauses(_docx(tmp_path / "wp.docx", HEAD + [table])).clauses[1:]]
    assert texts == ["1.燃气安全：排查餐饮场所燃气报警装置安装情况",
                     "2.燃气安全：清理违规存放的液化石油气钢瓶",
                     "3.道路运输：整治农村客运车辆超员行为"]


def test_task_table_caption_sections_repeated_header_and_task_spanning_rows(tmp_path):
    table = [["2027年重点工作任务分工表", "<", "<", "<"],  # a caption: names the table, no clause
             ["序号", "工作任务", "责任单位", "完成时限"],
             ["一、燃气安全", "<", "<", "<"],  # a numbered row across the table: a heading
             ["1", "排查老旧燃气管网", "县住建局（牵头）\n县应急局", "6月底前"],
             ["2", "清理违规存放的液化石油气钢瓶", "", ""],
             ["序号", "工作任务", "责任单位", "完成时限"],  # the header repeated on the next page
             ["二、危险化学品", "<", "<", "<"],
             ["3", "加强危险货物运输车辆管理", "县交通运输局", "9月底前"],
             [None, None, "县公安局", None]]  # one task, a second responsible agency on its own row
    clauses = _clauses(_docx(tmp_path / "wp.docx", HEAD[:2] + [table])).clauses
    assert [(c.heading_path, c.text, c.agencies) for c in clauses] == [
        (("一、燃气安全",), "1.排查老旧燃气管网（完成时限：6月底前）", ("县住建局", "县应急局")),
        (("一、燃气安全",), "2.清理违规存放的液化石油气钢瓶。", ()),
        (("二、危险化学品",), "3.加强危险货物运输车辆管理（完成时限：9月底前）", ("县交通运输局", "县公安局")),
    ]
    text = read_file(tmp_path / "wp.docx")
    assert "（牵头单位：县住建局；责任单位：县应急局）" in text and "分工表" not in text


def test_a_table_that_is_not_a_task_table_reads_row_by_row(tmp_path):
    table = [["乡镇", "检查企业", "发现隐患"], ["城关镇", "42", "17"], ["河口乡", "18", "6"]]
    path = _docx(tmp_path / "stats.docx", HEAD + ["一季度各乡镇检查情况如下："] + [table] + TAIL)
    text = read_file(path)
    assert "乡镇；检查企业；发现隐患。\n城关镇；42；17。\n河口乡；18；6。\n二、提升应急能力" in text
    clauses = _clauses(path).clauses
    assert "城关镇；42；17。" in [c.text for c in clauses]


def test_a_layout_table_reads_as_the_paragraphs_it_holds(tmp_path):
    import docx

    inner = ["（二）各部门落实“三管三必须”要求。", "（三）企业主要负责人每季度带队检查一次。"]
    plain = _docx(tmp_path / "plain.docx", HEAD + inner + TAIL)
    # the middle of the notice in a one-cell box (converted files): read where it stands
    boxed = _docx(tmp_path / "boxed.docx", HEAD + [[["\n".join(inner)]]] + TAIL)
    # the whole notice in one cell
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = HEAD[0]
    for line in HEAD[1:] + inner + TAIL:
        cell.add_paragraph(line)
    wrapped = tmp_path / "wrapped.docx"
    document.save(wrapped)
    expected = [(c.heading_path, c.text) for c in _clauses(plain).clauses]
    assert len(expected) == 4 and expected[2] == (("一、强化责任落实",), inner[1])
    for path in (boxed, wrapped):
        assert [(c.heading_path, c.text) for c in _clauses(path).clauses] == expected


def test_docx_tracked_insertions_and_content_controls_are_text(tmp_path):
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    for line in HEAD[:3]:
        document.add_paragraph(line)
    p = document.add_paragraph("（一）各乡镇")
    # a tracked insertion (accepted or not, the published wording) and a tracked deletion
    p._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="A"><w:r><w:t>3月底前</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="A"><w:r><w:delText>尽快</w:delText></w:r></w:del>'))
    p.add_run("调整安委会成员。")
    # the rest of the body inside a content control, as templates have it
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in TAIL)
    document.element.body.insert(len(document.element.body) - 1,
                                 parse_xml(f"<w:sdt {w}><w:sdtContent>{body}</w:sdtContent></w:sdt>"))
    path = tmp_path / "tracked.docx"
    document.save(path)
    assert [c.text for c in _clauses(path).clauses] == ["（一）各乡镇3月底前调整安委会成员。", "（一）修订县级应急预案。"]


@pytest.mark.parametrize("kind", ["html", "mht"])
def test_docx_alt_chunk_body_is_read(tmp_path, kind):
    # office systems build a .docx whose body is an HTML page (or an MHT archive) kept inside it
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    rows = "".join(f"<tr><td>{r[0]}</td><td>{r[1]}</td><td>{r[2]}</td></tr>" for r in TASKS[:3])  # no 完成时限
    html = ("<html><body>" + "".join(f"<p>{line}</p>" for line in HEAD[1:]) + f"<table>{rows}</table>"
            + "".join(f"<p>{line}</p>" for line in TAIL) + "</body></html>").encode("utf-8")
    if kind == "mht":
        blob = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\n"
                b"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html
                + b"\r\n--b1--\r\n")
        content_type, name = "message/rfc822", "/word/afchunk.mht"
    else:
        blob, content_type, name = html, "text/html", "/word/afchunk.htm"
    document = docx.Document()
    document.add_paragraph(HEAD[0])
    rid = document.part.relate_to(Part(PackURI(name), content_type, blob, document.part.package), RT.A_F_CHUNK)
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    document.element.body.insert(len(document.element.body) - 1, parse_xml(f'<w:altChunk {ns} r:id="{rid}"/>'))
    path = tmp_path / "oa.docx"
    document.save(path)
    result = _clauses(path)
    assert result.documents[0].title == HEAD[0] and result.documents[0].doc_number == HEAD[1]
    assert [(c.text, c.agencies) for c in result.clauses] == [
        ("（一）各乡镇3月底前调整安委会成员。", ()),
        ("1.开展燃气安全专项整治", ("县住建局",)),
        ("2.组织危险化学品企业隐患排查", ("县应急局", "县市场监管局")),
        ("（一）修订县级应急预案。", ()),
    ]


def test_docx_automatic_list_numbers_are_read(tmp_path):
    # 一、/（一）/1. from a Word numbering list (not typed): python-docx gives the text without them
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    items = [(None, HEAD[0]), (None, HEAD[1]), (0, "强化责任落实"), (1, "健全责任体系"), (2, "各乡镇3月底前调整安委会成员。"),
             (2, "县级部门6月底前修订权责清单。"), (1, "落实企业主体责任。"), (0, "提升应急能力"), (1, "修订县级应急预案。")]
    for level, text in items:
        p = document.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    path = tmp_path / "numbered.docx"
    document.save(path)
    clauses = _clauses(path).clauses
    assert [(c.heading_path, c.text) for c in clauses] == [
        (("一、强化责任落实", "（一）健全责任体系"), "1.各乡镇3月底前调整安委会成员。"),
        (("一、强化责任落实", "（一）健全责任体系"), "2.县级部门6月底前修订权责清单。"),
        (("一、强化责任落实",), "（二）落实企业主体责任。"),
        (("二、提升应急能力",), "（一）修订县级应急预案。"),
    ]


def _pdf(path, paragraphs, rows, spans=(), before_table=None):
    """A PDF of paragraphs, a ruled table (reportlab splits it over pages, without repeating its
    header) and more paragraphs; ``spans``: reportlab SPAN commands (merged cells)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=16)
    cells = [[Paragraph(text, style) if len(text) > 12 else text for text in row] for row in rows]
    table = Table(cells, colWidths=[60, 30, 220, 80, 60][-len(rows[0]):])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]))
    SimpleDocTemplate(str(path)).build([Paragraph(p, style) for p in paragraphs[:before_table]] + [table]
                                       + [Paragraph(p, style) for p in paragraphs[before_table:]])
    return path


def test_pdf_ruled_task_table_over_two_pages_with_merged_category(tmp_path):
    tasks = [f"排查第{n}片区老旧燃气管网和餐饮场所燃气报警装置安装情况，建立隐患台账" for n in range(1, 31)]
    areas = ["城关片区", "河口片区", "东山片区", "西坝片区", "南岭片区", "北川片区"]  # a category over 5 rows each
    rows = [["类别", "序号", "工作任务", "责任单位", "完成时限"]]
    rows += [[areas[(n - 1) // 5] if n % 5 == 1 else "", str(n), task, "县住建局", f"{n % 12 + 1}月底前"]
             for n, task in enumerate(tasks, 1)]
    spans = [("SPAN", (0, first), (0, first + 4)) for first in range(1, 31, 5)]
    path = _pdf(tmp_path / "wp.pdf", HEAD + TAIL, rows, spans=spans, before_table=len(HEAD))
    result = _clauses(path)
    from pypdf import PdfReader

    assert len(PdfReader(path).pages) >= 2  # the table runs over a page break
    tasks_read = [c for c in result.clauses if c.text[:1].isdigit()]
    assert [c.text for c in tasks_read] == [f"{n}.{areas[(n - 1) // 5]}：{task}（完成时限：{n % 12 + 1}月底前）"
                                            for n, task in enumerate(tasks, 1)]
    assert all(c.agencies == ("县住建局",) and c.heading_path == TASK_PATH for c in tasks_read)
    assert [c.text for c in result.clauses][-1] == "（一）修订县级应急预案。"


def _page(table_html, charset="utf-8"):
    body = "".join(f"<p>{line}</p>" for line in HEAD[1:]) + table_html + "".join(f"<p>{line}</p>" for line in TAIL)
    return (f"<html><head><meta charset='{charset}'><title>{HEAD[0]}_通知公告_青川县人民政府</title></head>"
            f"<body><div class='nav'>首页 政务公开</div><div class='TRS_Editor'>{body}</div></body></html>")


def test_html_task_table_with_row_spans_and_line_breaks(tmp_path):
    table = ("<table><tr><th>类别</th><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>"
             "<tr><td rowspan='2'>燃气安全</td><td>1</td><td>排查老旧燃气管网<br/>更换不合格连接软管</td>"
             "<td>县住建局</td><td>6月底前</td></tr>"
             "<tr><td>2</td><td><p>推广安装燃气泄漏报警装置</p></td><td><span>县市场</span>监管局</td><td>年底前</td></tr>"
             "</table>")
    path = tmp_path / "wp.html"
    path.write_text(_page(table), encoding="utf-8")
    result = _clauses(path)
    assert result.documents[0].title == HEAD[0]  # the CMS headline (6a84111) still read
    tasks = result.clauses[1:3]
    assert [c.text for c in tasks] == ["1.燃气安全：排查老旧燃气管网；更换不合格连接软管（完成时限：6月底前）",
                                       "2.燃气安全：推广安装燃气泄漏报警装置（完成时限：年底前）"]
    assert [c.agencies for c in tasks] == [("县住建局",), ("县市场监管局",)]
    assert all(c.heading_path == TASK_PATH for c in tasks)


def test_html_metadata_table_inside_the_container_reads_as_metadata(tmp_path):
    meta = ("<table><tr><td>索引号：</td><td>11510000/2027-00009</td><td>主题分类</td><td>安全生产</td></tr>"
            "<tr><td>发文字号</td><td>青政办发〔2027〕9号</td><td>成文日期</td><td>2027年02月10日</td></tr></table>")
    path = tmp_path / "meta.html"
    page = _page("").replace(f"<p>{HEAD[1]}</p>", "").replace("<div class='TRS_Editor'>", "<div class='TRS_Editor'>" + meta)
    path.write_text(page, encoding="utf-8")  # the metadata table heads the container
    assert "索引号：11510000/2027-00009\n主题分类：安全生产\n发文字号：青政办发〔2027〕9号" in read_file(path)
    result = _clauses(path)
    assert result.documents[0].doc_number == "青政办发〔2027〕9号"
    assert [c.text for c in result.clauses] == ["（一）各乡镇3月底前调整安委会成员。", "（一）修订县级应急预案。"]


def test_html_layout_table_keeps_reading_as_before(tmp_path):
    # a guard, not a new feature: a page wrapped in a one-cell table reads as it did before tables
    body = "".join(f"<p>{line}</p>" for line in HEAD[1:] + TAIL)
    page = (f"<html><head><meta charset='utf-8'><title>{HEAD[0]}</title></head><body><div id='zoom'>"
            f"<table><tr><td>{body}</td></tr></table></div></body></html>")
    plain = tmp_path / "plain.html"
    plain.write_text(page.replace("<table><tr><td>", "").replace("</td></tr></table>", ""), encoding="utf-8")
    wrapped = tmp_path / "wrapped.html"
    wrapped.write_text(page, encoding="utf-8")
    assert read_file(wrapped) == read_file(plain)


def test_html_inline_formatting_does_not_cut_a_paragraph(tmp_path):
    # CMS editors set parts of a paragraph in <span style=…>/<font>/<b>; the source's line breaks are spaces
    styled = ("<p>（一）各乡镇<span style='font-family:仿宋_GB2312'>3月底前</span>调整<b>安委会</b>\n成员，"
              "<font color='red'>压实</font>属地责任。</p>")
    page = _page(styled).replace("<p>（一）各乡镇3月底前调整安委会成员。</p>", "")
    path = tmp_path / "styled.html"
    path.write_text(page, encoding="utf-8")
    clauses = _clauses(path).clauses
    assert [c.text for c in clauses] == ["（一）各乡镇3月底前调整安委会成员，压实属地责任。", "（一）修订县级应急预案。"]


def test_keyed_remark_in_running_text_gives_agencies(tmp_path):
    # the remark a task table row ends with is also how work plans write it in running text
    path = tmp_path / "wp.txt"
    path.write_text("\n".join(HEAD + ["（二）开展燃气安全专项整治。（牵头单位：县住建局；配合单位：县市场监管局、各乡镇（街道））",
                                      "（三）落实领导干部带班制度。（责任领导：分管副县长）"] + TAIL), encoding="utf-8")
    clauses = _clauses(path).clauses
    assert (clauses[1].text, clauses[1].agencies) == ("（二）开展燃气安全专项整治。", ("县住建局", "县市场监管局", "各乡镇（街道）"))
    # a remark that names a person only is no agency remark: it stays in the text
    assert (clauses[2].text, clauses[2].agencies) == ("（三）落实领导干部带班制度。（责任领导：分管副县长）", ())


def test_tag_docx_one_row_per_task_and_no_cue_hit_from_agency_names(tmp_path):
    # 县交通运输局 and 县住建局 hold sector cue words; as the responsible agencies of a task about
    # forest fires they must give no evidence
    table = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
             ["1", "完善森林防火监测预警体系", "县林业局", "县交通运输局、县住建局", "11月底前"],
             ["2", "开展燃气安全专项整治", "县住建局", "县交通运输局", "6月底前"]]
    path = _docx(tmp_path / "wp.docx", HEAD + [table] + TAIL)
    proc = run_cli("tag", path, "--model", PROJECT_ROOT / "policytag" / "resources" / "model", "--format", "jsonl",
                   "--year", "2027")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    tasks = [r for r in rows if r["text"][:2] in ("1.", "2.")]
    assert len(tasks) == 2 and len(rows) == 4
    assert tasks[0]["agencies"] == ["县林业局", "县交通运输局", "县住建局"]
    assert [d["due"] for d in tasks[0]["deadlines"]] == ["2027-11-30"]
    hits = [e for r in tasks for dim in r["evidence"].values() for items in dim.values() for e in items]
    assert hits and not [e for e in hits if any(w in e["text"] for w in ("交通", "住建", "运输"))]
    assert "road_transport" not in tasks[0]["sector"] and "construction" not in tasks[0]["sector"]


def test_txt_task_table_pasted_with_tabs(tmp_path):
    # Word/WPS copy a table as one line per row, cells separated by tabs; a merged 类别 cell pastes
    # its text on the first row only. A copied list's "二、<tab>title" is no table and stays as it is.
    lines = HEAD[:3] + ["（一）重点任务分工",
                        "类别\t序号\t工作任务\t牵头单位\t配合单位\t完成时限",
                        "燃气安全\t1\t排查老旧燃气管网\t县住建局\t各乡镇\t6月底前",
                        "\t2\t清理违规存放的液化石油气钢瓶\t县住建局\t县市场监管局、各乡镇\t9月底前",
                        "二、\t提升应急能力", "（一）修订县级应急预案。"]
    path = tmp_path / "pasted.txt"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    clauses = _clauses(path).clauses
    assert [(c.heading_path, c.text, c.agencies) for c in clauses] == [
        (("一、强化责任落实", "（一）重点任务分工"), "1.燃气安全：排查老旧燃气管网（完成时限：6月底前）", ("县住建局", "各乡镇")),
        (("一、强化责任落实", "（一）重点任务分工"), "2.燃气安全：清理违规存放的液化石油气钢瓶（完成时限：9月底前）",
         ("县住建局", "县市场监管局", "各乡镇")),
        (("二、提升应急能力",), "（一）修订县级应急预案。", ()),
    ]


# --- damaged or unsupported files say what to do --------------------------------------------------
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024  # the header of an Office 97-2003 file


@pytest.mark.parametrize("name, data, reason", [
    ("old.doc", OLE, "save it as .docx"),
    ("old.wps", OLE, "save it as .docx"),
    ("named-wrong.docx", OLE, "save it as .docx"),  # a .doc renamed .docx
    ("named-wrong.pdf", OLE, "save it as .docx"),
    ("sheet.xls", OLE, "a spreadsheet"),
    ("notice.ofd", None, "export it to PDF"),
    # RTF is read now (striprtf): one character of text is no notice, and says so
    ("notice.rtf", b"{\\rtf1\\ansi\\ansicpg936 \\'c7\\'e0}", "no recognisable notice structure"),
])
def test_damaged_or_unsupported_files_say_what_to_do(tmp_path, name, data, reason):
    import zipfile

    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
    else:
        path.write_bytes(data)
    # a notice format (.doc, .wps, .ofd) is reported when a directory of downloads holds it, too
    for given in ([path, tmp_path] if path.suffix in (".doc", ".wps", ".ofd") else [path]):
        result = segment_paths([given])
        assert not result.documents and len(result.errors) == 1
        message = str(result.errors[0])
        assert reason in message and str(path) in message and "\n" not in message


def test_misnamed_files_are_read_as_what_they_are(tmp_path):
    lines = HEAD + TAIL
    docx_as_doc = _docx(tmp_path / "a.docx", lines).rename(tmp_path / "a.doc")  # served as .doc
    page = "".join(f"<p>{line}</p>" for line in lines)
    web_as_doc = tmp_path / "b.doc"  # Word's "save as web page", served as .doc
    web_as_doc.write_bytes(f"<html xmlns:o='urn:schemas-microsoft-com:office:office'><head>"
                           f"<meta http-equiv=Content-Type content='text/html; charset=gb2312'></head>"
                           f"<body>{page}</body></html>".encode("gbk"))
    for path in (docx_as_doc, web_as_doc):
        result = _clauses(path)
        assert result.documents[0].title == HEAD[0] and len(result.clauses) == 2


@pytest.mark.parametrize("declared, encoding", [(None, "gbk"), ("gb2312", "utf-8"), ("utf-8", "gbk")])
def test_html_encoding_without_or_against_its_charset(tmp_path, declared, encoding):
    # a guard (these read right before the table work too): a GBK page without a charset meta,
    # and pages whose meta names the other encoding (a CMS template copied between sites)
    page = _page("")
    page = page.replace("<meta charset='utf-8'>", f"<meta charset='{declared}'>" if declared else "")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode(encoding))
    result = _clauses(path)
    assert result.documents[0].title == HEAD[0]
    assert [c.text for c in result.clauses] == ["（一）各乡镇3月底前调整安委会成员。", "（一）修订县级应急预案。"]


def test_any_grid_reads_without_error():
    # ragged rows, merged cells, header words in odd places, digits of every script: never a crash,
    # never a line glued from several rows
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from policytag.corpus.tables import Cell, is_layout, table_lines

    words = st.sampled_from(["序号", "工作任务", "责任单位", "牵头单位", "完成时限", "类别", "备注", "1", "²", "１", "一、燃气",
                             "开展排查", "县住建局（牵头）", "6月底前", "", "发文字号", "X"])

    headers = st.sampled_from([[], [("序号", False), ("工作任务", False), ("责任单位", False)],
                               [("类别", False), ("序号", False), ("重点任务", False), ("完成时限", False)]])

    @settings(max_examples=300, deadline=None)
    @given(headers, st.lists(st.lists(st.tuples(words, st.booleans()), min_size=1, max_size=6), max_size=8))
    def check(header, rows):
        rows = ([header] if header else []) + rows
        grid, above = [], []
        for r, row in enumerate(rows):
            cells = []
            for c, (text, merge) in enumerate(row):
                if merge and cells:
                    cells.append(cells[-1])  # merged with the cell to its left
                elif merge and r and c < len(above):
                    cells.append(above[c])  # merged with the cell above
                else:
                    cells.append(Cell(object(), (text,) if text else ()))
            grid.append(cells)
            above = cells
        is_layout(grid)
        lines = table_lines(grid)
        assert len(lines) <= len(grid)

    check()


def test_html_spans_land_in_their_columns():
    from bs4 import BeautifulSoup

    from policytag.corpus.readers import _html_grid

    table = BeautifulSoup("<table><tr><td colspan='2'>甲</td><td rowspan='3'>丙</td></tr><tr><td>丁</td></tr>"
                          "<tr><td>戊</td><td>己</td></tr></table>", "lxml").table
    assert [[c.text for c in row] for row in _html_grid(table)] == [["甲", "甲", "丙"], ["丁", "", "丙"], ["戊", "己", "丙"]]


@pytest.mark.parametrize("content, reason", [
    ("<p>附件：<a href='/files/P020270210.pdf'>青川县2027年安全生产工作要点.pdf</a></p>", "only a link to its file P020270210.pdf"),
    ("<p><img src='/files/page1.jpg'></p><p><img src='/files/page2.jpg'></p>", "as images (a scan)"),
    # the file shown in an embedded viewer: an <iframe> of the PDF, PDF.js with the file URL-encoded, <embed>
    ("<iframe src='/files/P020270211.pdf' width='100%'></iframe>", "only a link to its file P020270211.pdf"),
    ("<iframe src='/pdfjs/web/viewer.html?file=%2Ffiles%2FP020270212.pdf'></iframe>", "its file P020270212.pdf"),
    ("<embed src='/files/P020270213.pdf' type='application/pdf'>", "its file P020270213.pdf"),
])
def test_html_page_without_the_notice_text_says_where_it_is(tmp_path, content, reason):
    page = (f"<html><head><meta charset='utf-8'><title>{HEAD[0]}_青川县人民政府</title></head>"
            f"<body><div class='TRS_Editor'>{content}</div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = segment_paths([path])
    assert not result.documents and len(result.errors) == 1
    assert reason in str(result.errors[0]) and "\n" not in str(result.errors[0])
