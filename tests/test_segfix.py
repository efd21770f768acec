"""segfix: reading misses of tables typed as text and of text wrapped at a fixed width, in shapes the
genre tests (tests/test_genres_g3.py, tests/test_genres_g5.py) do not hold, on notices written for
these tests (tests/data/segfix/; invented places and organs, no real document copied or paraphrased).

Each notice's reading was written down from the notice before running the readers and segmenter:
- A task table typed with spaces (or tabs) in a .docx, one row a Word paragraph, reads as it does in
  the .txt: one clause per task, its agencies taken from the 责任单位 / 牵头单位 / 配合单位 columns; so
  does a Word 97-2003 .doc of it (sf_spaced_table.doc: the .docx _as_docx makes of sf_spaced_table_docx.txt,
  saved by LibreOffice 7 as ``soffice --headless --convert-to doc:"MS Word 97"``).
- A checklist typed as a text table (序号 | 检查项目 | 检查内容 | 检查方法, or 序号 | 检查部位 | 检查标准 | 备注:
  no agency or deadline column) reads one clause per row, as a task table does: the item column is the
  row's lead (``1.燃气设施：``), the content its text (检查标准 where there is no 检查内容), and 检查方法 /
  检查依据 / 备注 a bracketed note with its header (``（检查方法：现场查看）``). Spaced lines under 序号 whose
  columns are no checklist's (检查人员, 姓名) stay as they are.
- Printed to a PDF, a table typed with spaces whose rows are wider than the page goes on at the page's
  left edge (its header, which fits, indented as a paragraph): it reads as the .txt does, the cut row's
  next line completing the row's last cell (``县交通运输局`` + ``、县公路管理段``; ``县交`` + ``通运输局``).
- Wrapped like a PDF at 100 cells, a notice whose every body line is a short paragraph but the preamble's
  first line, which the margin cut exactly where its sentence ended, reads as unwrapped: the preamble's
  lead-in (``现就有关事项通知如下：``) stays the end of the preamble's paragraph. Typed one paragraph a line, a
  lead-in after a sentence that is not the body's widest line (no margin could have cut it) stays a
  paragraph of its own.
- Wrapped, a Q&A's ``问：`` opens a paragraph after a closed sentence, also where the answer's last line
  ends at the margin (it was joined to that answer, and its answer lost its question as heading).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policytag.corpus.segment import segment_paths, segment_text
from policytag.corpus.tables import copied_tables
from conftest import TEST_DATA
from test_genres import _as_docx, _as_pdf, wrap

DATA = TEST_DATA / "segfix"


def _clauses(path: Path) -> tuple[list[str], list[tuple[tuple[str, ...], str, list[str]]]]:
    result = segment_paths([path])
    assert not result.errors, result.errors
    return [d.title for d in result.documents], [(c.heading_path, c.text, list(c.agencies)) for c in result.clauses]


# file: (title, [(heading path, clause text, agencies)])
TYPED_TABLES = {
    # four columns apart by runs of spaces
    "sf_spaced_table_docx.txt": ("岚溪县2028年防汛安全重点任务分工", [
        ((), "为落实全县2028年防汛安全工作部署，现将重点任务分工如下：", []),
        ((), "1.排查山洪灾害危险区（完成时限：2028年4月底前）", ["县水利局"]),
        ((), "2.检修城区排涝泵站（完成时限：2028年5月15日前）", ["县住建局"]),
        ((), "3.组织防汛应急演练（完成时限：2028年6月上旬）", ["县应急管理局"]),
    ]),
    # five columns apart by tabs (a Word table converted to text with tabs)
    "sf_tabbed_table_docx.txt": ("岚溪县2028年地质灾害防治任务分工", [
        ((), "为做好全县2028年地质灾害防治工作，现将任务分工如下：", []),
        ((), "1.更新地质灾害隐患点台账（完成时限：2028年3月底前）", ["县自然资源局", "各乡镇人民政府"]),
        ((), "2.开展汛前地质灾害巡查（完成时限：2028年5月底前）", ["县自然资源局", "县应急管理局"]),
    ]),
}


@pytest.mark.parametrize("name", sorted(TYPED_TABLES))
def test_a_table_typed_in_docx_paragraphs_reads_as_in_the_txt(tmp_path, name):
    title, expected = TYPED_TABLES[name]
    assert _clauses(DATA / name) == ([title], expected)
    path = tmp_path / f"{name[:-4]}.docx"
    _as_docx([line for line in (DATA / name).read_text(encoding="utf-8").split("\n") if line.strip()], path)
    assert _clauses(path) == ([title], expected)


def test_a_table_typed_in_doc_paragraphs_reads_as_in_the_txt():
    assert _clauses(DATA / "sf_spaced_table.doc") == _clauses(DATA / "sf_spaced_table_docx.txt")
    assert _clauses(DATA / "sf_spaced_table.doc")[1] == TYPED_TABLES["sf_spaced_table_docx.txt"][1]


CHECKLISTS = {
    "sf_checklist_method.txt": ("柘川县校园食堂安全检查表", [
        ((), "为加强校园食堂安全管理，统一检查方法，制定本检查表。", []),
        ((), "1.燃气设施：燃气管道是否完好，是否安装报警装置（检查方法：现场查看）", []),
        ((), "2.食品留样：是否按规定留样并保存48小时以上（检查方法：查阅记录）", []),
        ((), "3.从业人员：是否持有效健康证明上岗（检查方法：查验证件）", []),
    ]),
    "sf_checklist_standard.txt": ("柘川县商场消防安全检查表", [
        ((), "为规范商场消防安全检查，制定本检查表。", []),
        ((), "1.疏散通道：保持畅通，无占用、堵塞、封闭。", []),
        ((), "2.消防控制室：实行24小时双人值班（备注：持证上岗）", []),
        ((), "3.灭火器材：配置齐全，在有效期内。", []),
    ]),
}


@pytest.mark.parametrize("name", sorted(CHECKLISTS))
def test_a_checklist_typed_as_a_text_table_reads_one_clause_per_row(tmp_path, name):
    title, expected = CHECKLISTS[name]
    assert _clauses(DATA / name) == ([title], expected)
    path = tmp_path / f"{name[:-4]}.docx"
    _as_docx([line for line in (DATA / name).read_text(encoding="utf-8").split("\n") if line.strip()], path)
    assert _clauses(path) == ([title], expected)
    # spaced lines under 序号 with columns no checklist has (a sign-off, a roster) are no table
    for other in ("序号  检查人员      检查日期\n1     王某某        2028年5月6日",
                  "序号  姓名      单位              职务\n1     李某某    县应急管理局      局长"):
        assert copied_tables(other) == other


def test_a_spaced_table_wider_than_the_page_reads_as_in_the_txt(tmp_path):
    title = "柘川县2028年道路交通安全重点任务分工"
    expected = [
        ((), "为抓好全县2028年道路交通安全工作，现将重点任务分工如下：", []),
        ((), "1.排查整治国省道沿线急弯陡坡等危险路段并完善防护设施（完成时限：2028年6月底前）", ["县交通运输局", "县公路管理段"]),
        ((), "2.开展农村客运车辆和校车安全隐患专项检查（完成时限：2028年9月底前）", ["县公安局", "县教育局", "县交通运输局"]),
    ]
    source = DATA / "sf_wide_table_pdf.txt"
    assert _clauses(source) == ([title], expected)
    path = tmp_path / "sf_wide_table.pdf"
    _as_pdf([line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()], path)
    assert _clauses(path) == ([title], expected)


def _read(text: str) -> list[tuple[str, list[tuple[tuple[str, ...], str]]]]:
    return [(d.title, [(c.heading_path, c.text) for c in cs]) for d, cs in segment_text(text, "t.txt")]


def test_a_preamble_cut_at_a_sentence_end_reads_as_unwrapped():
    text = (DATA / "sf_wrap_short_sentences.txt").read_text(encoding="utf-8")
    expected = [("柘川县人民政府办公室关于做好今冬明春森林防火工作的通知", [
        ((), "为切实做好今冬明春森林防火工作，有效预防和扑救森林火灾，全力保护森林资源和人民群众生命财产安全。"
             "现就有关事项通知如下："),
        (("一、加强组织领导",), "各乡镇要成立森林防火领导小组，主要负责同志亲自抓。"),
        (("二、严格火源管理",), "进山路口要设立检查站，严禁携带火种进山。"),
        (("三、强化值班值守",), "防火期内实行二十四小时值班制度。"),
    ])]
    assert _read(text) == expected
    assert _read(wrap(text, 100)) == expected
    # typed one paragraph a line, the lead-in after a short opening sentence is a paragraph of its own
    typed = text.replace("有效预防和扑救森林火灾，全力保护森林资源和人民群众生命财产安全。", "制定本通知。\n")
    assert [c for _, c in _read(typed)[0][1][:2]] == ["为切实做好今冬明春森林防火工作，制定本通知。", "现就有关事项通知如下："]


def test_a_question_after_an_answer_ending_at_the_margin_opens_a_paragraph():
    text = (DATA / "sf_qa_wrapped.txt").read_text(encoding="utf-8")
    expected = [("关于《柘川县电动自行车停放充电管理办法》的解读", [
        (("问：为什么要制定《办法》？",),
         "答：近年来，全县电动自行车保有量快速增长，楼道停放、入户充电引发的火灾时有发生，群众反映强烈，亟需通过制度加以规范。"),
        (("问：电动自行车可以停放在哪里？",), "答：应当停放在小区划定的集中停放场所，不得在楼道、楼梯间和安全出口停放。"),
        (("问：违反规定如何处理？",), "答：由消防救援机构责令改正，拒不改正的依法给予处罚。"),
    ])]
    assert _read(text) == expected
    for width in (60, 70, 80):
        assert _read(wrap(text, width)) == expected, width
