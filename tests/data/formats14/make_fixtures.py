"""The formats14 probes (EXPECTED.md): tables that are no task table, as a notice's .docx or an .xlsx 附件 holds
them: a checklist with no 序号, a list of enterprises, and negatives (a first row of data, a one-row table, two rows
of short labels). Ours, written for the test (an invented county, 岚溪县). Nothing binary is committed:
tests/test_files_formats14.py calls :func:`write_all` once for the module.
"""

from __future__ import annotations

import io
from pathlib import Path

TITLE = "岚溪县安全生产委员会办公室关于开展冬季燃气安全检查的通知"
LEAD = "为加强冬季燃气安全管理，县安委办制定了本检查表，请各乡镇对照检查，于每月5日前报送检查情况。"

CHECK_HEADER = ["检查项目", "检查内容", "检查结果"]
CHECK_ROWS = [
    ["消防通道", "疏散通道、安全出口是否畅通，有无占用、堵塞、封闭。", ""],
    ["用气设施", "燃气管道、阀门、软管是否老化破损，是否安装燃气泄漏报警装置。", ""],
    ["人员培训", "操作人员是否经过安全培训，能否正确处置燃气泄漏。", "合格"],
]

SHEET_TITLE = "附件 岚溪县燃气安全检查表"
SHEET_HEADER = ["检查项目", "检查内容", "检查标准", "备注"]
SHEET_ROWS = [
    ["瓶装液化气", "检查钢瓶是否在检验有效期内，是否存放在通风良好的场所。", "钢瓶检验合格，不超期使用", ""],
    ["餐饮场所", "检查是否安装燃气泄漏报警装置和自动切断装置。", "装置齐全有效", "重点检查"],
    ["燃气管道", "检查管道有无私接乱改、穿越卧室等违规情况。", "无违规改装", ""],
]

LIST_HEADER = ["企业名称", "所在地点", "存在问题", "整改措施"]
LIST_ROWS = [
    ["岚溪县某某化工有限公司", "城关镇工业园", "液氨储罐区未设置泄漏报警装置。", "限期安装报警装置并联网。"],
    ["岚溪县某某建材有限公司", "溪口乡", "粉尘涉爆区域电气设备不防爆。", "立即停用，更换防爆设备。"],
]

DATA_FIRST_ROWS = [
    ["液氨储罐区", "储罐液位计失灵，未及时维修。", "立即停用，限期更换。"],
    ["配电房", "配电柜前未铺设绝缘胶垫。", "本周内整改到位。"],
    ["仓库", "物品堆放距离灯具过近。", "立即整改。"],
]

SHORT_ROWS = [["名称", "单位"], ["燃气", "立方米"]]

TASK_HEADER = ["序号", "工作任务", "责任单位", "完成时限"]
TASK_ROWS = [["1", "开展燃气安全隐患排查整治。", "县住建局", "6月底前"],
             ["2", "组织餐饮场所燃气安全培训。", "县市场监管局", "7月底前"]]


def _docx(rows: list[list[str]]) -> bytes:
    """A notice's title and lead paragraph, then the table of ``rows``."""
    from docx import Document

    document = Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(LEAD)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(rows: list[list[str]], title: str = "") -> bytes:
    """One sheet: ``title`` merged over the columns (where given), then ``rows``."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append([text or None for text in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_all(folder: Path) -> dict[str, Path]:
    files = {
        "checklist.docx": _docx([CHECK_HEADER, *CHECK_ROWS]),
        "checklist.xlsx": _xlsx([SHEET_HEADER, *SHEET_ROWS], SHEET_TITLE),
        "plain_list.xlsx": _xlsx([LIST_HEADER, *LIST_ROWS]),
        "data_first.docx": _docx(DATA_FIRST_ROWS),
        "one_row.docx": _docx([CHECK_HEADER]),
        "short_rows.docx": _docx(SHORT_ROWS),
        "tasks.docx": _docx([TASK_HEADER, *TASK_ROWS]),
    }
    out = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out
