"""Tables in notices (.docx and HTML) -> the lines the cleaner and segmenter understand.

Work plans (工作要点, 实施方案) publish their tasks as a division-of-work table (重点工作任务分工表:
序号 / 工作任务 / 责任单位 / 完成时限). Read cell by cell, such a table is one run of text that no
clause boundary survives; read here, a *task table* (recognised by its header row) gives one line per
task, written the way a notice writes a task in running text::

    1.开展燃气安全专项整治（完成时限：6月底前）（牵头单位：县住建局；配合单位：各乡镇）

so the segmenter makes it one clause (``1.`` nests under the heading the table stands in), takes
the agencies from the trailing keyed remark (and removes it, as it does ``（省应急厅负责）``), the
cue matcher never reads agency names as measures (``policytag.text.remark_spans``), and deadline
extraction finds ``6月底前`` in the text. Any other table is read one row per line, its cells joined
by ``；``; a *layout table* (one column, or a cell holding numbered paragraphs: converted files and
old web pages wrap the whole notice in one) is not a table of data, and the caller reads it as the
paragraphs it holds.

Format-neutral: the readers turn a table into a grid of :class:`Cell` (a merged cell repeated at
every position it covers, as python-docx does) and call :func:`is_layout` / :func:`table_lines`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policytag.text import remark_spans

from .clean import CLOSERS, META_KEYS, RE_REDHEAD, RE_SIGNED_BY, classify, heading_level


@dataclass(frozen=True, eq=False)
class Cell:
    """One cell of a table grid: ``key`` is the same object at every grid position a merged cell
    covers (the python-docx ``<w:tc>`` element, the BeautifulSoup ``<td>`` tag); ``lines`` are its
    paragraphs (``<w:p>``, ``<p>``, ``<br>``)."""

    key: object
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return _join(self.lines)


Grid = list[list[Cell]]

# Column roles from the header text (spaces removed). First match wins, so the agency and deadline
# columns are taken before the broad task words (责任单位 is not a task, 工作类别 not a task either).
_ROLES = (
    ("seq", re.compile(r"^(?:序号|编号|序|No\.?)$", re.I)),
    ("lead", re.compile(r"牵头")),
    ("coop", re.compile(r"配合|协办|协助|协同|参与")),
    ("resp", re.compile(r"责任(?:单位|部门|领导|人|主体|处室|科室)|主责|负责(?:单位|部门)|实施(?:单位|部门|主体)|承办|主办|主管(?:单位|部门)")),
    ("deadline", re.compile(r"时限|时间|期限|时间节点|进度")),
    ("note", re.compile(r"^备注$")),
    ("category", re.compile(r"类别|领域|类型|分类|板块|行业")),
    ("task", re.compile(r"任务|措施|内容|举措|事项|要求|要点|重点|目标|工作|名称")),
)
#: the agency roles, in the order their keys are written in the remark, and the key used when the
#: table's own header is not one the remark matcher knows (``负责单位`` -> ``责任单位``)
_AGENCY_KEYS = {"lead": "牵头单位", "resp": "责任单位", "coop": "配合单位"}
_DEADLINE_KEY = "完成时限"
_HEADER_MAX = 16  # a header cell is a short label


def _role(label: str) -> str | None:
    label = re.sub(r"\s+", "", label)
    if not label or len(label) > _HEADER_MAX or re.search(r"\d", label) and not label.lower().startswith("no"):
        return None
    for role, rx in _ROLES:
        if rx.search(label):
            return role
    return None


def _join(parts) -> str:
    """Cell paragraphs -> one text: a ``；`` between two parts unless the first already ends in
    punctuation (a cell's lines are items of one list, never one sentence cut in two)."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and out[-1] not in "。；：，、！？）)":
            out += "；"
        out += part
    return out


def _distinct(row: list[Cell]) -> list[tuple[int, Cell]]:
    """(first column, cell) for each cell of a row once (a horizontally merged cell repeats)."""
    out: list[tuple[int, Cell]] = []
    for col, cell in enumerate(row):
        if not out or out[-1][1].key is not cell.key:
            out.append((col, cell))
    return out


def is_layout(grid: Grid) -> bool:
    """A table used for layout, not data: its text lies in one column (one cell, or the whole notice
    in a one-column table, as converted files and old web pages have it), or a cell holds numbered
    paragraphs of a notice (``一、`` …), which no cell of a data table does."""
    columns = {col for row in grid for col, cell in _distinct(row) if cell.text}
    if len(columns) <= 1:
        return True
    if header(grid) is not None:
        return False
    return any(len(cell.lines) >= 3 and any(heading_level(line) for line in cell.lines)
               for row in grid for _, cell in _distinct(row))


def header(grid: Grid) -> tuple[int, list[tuple[str | None, str]]] | None:
    """(index of the last header row, [(role, label)] per column) when the table is a task table: a
    header row (among the first three) with a task column and at least one of 序号 / an agency / a
    deadline column. A second header row under it (责任单位 split into 牵头单位 / 配合单位) refines
    the columns it names."""
    for index, row in enumerate(grid[:3]):
        labels = [re.sub(r"\s+", "", cell.text) for cell in row]
        roles = [_role(label) for label in labels]
        if "task" not in roles or not {"seq", "lead", "resp", "coop", "deadline"} & set(roles):
            continue
        if any(label and role is None and len(label) > _HEADER_MAX for label, role in zip(labels, roles)):
            continue
        columns = list(zip(roles, labels))
        if index + 1 < len(grid) and len(grid[index + 1]) == len(row):
            below = grid[index + 1]
            sub = [_role(cell.text) if cell.key is not row[col].key else columns[col][0] for col, cell in enumerate(below)]
            if all(r is not None for r in sub) and any(cell.key is not row[col].key for col, cell in enumerate(below)):
                columns = [(r, re.sub(r"\s+", "", below[col].text)) if below[col].key is not row[col].key else columns[col]
                           for col, r in enumerate(sub)]
                index += 1
        return index, columns
    return None


def _key(role: str, label: str) -> str:
    """The remark key for an agency column: the table's own header when the remark matcher reads
    it as one (``牵头部门``, ``责任领导``), else the usual key of the role."""
    return label if remark_spans(f"任务（{label}：甲）") else _AGENCY_KEYS[role]


def _close(line: str) -> str:
    """End a line in closing punctuation: a line that stops without it looks, to the cleaner, like
    a line wrapped at the margin, and a run of equal-width rows would be joined into one paragraph."""
    return line if not line or line[-1] in CLOSERS else line + "。"


def table_lines(grid: Grid) -> list[str]:
    """The lines a (non-layout) table reads as: one per task of a task table, else one per row."""
    found = header(grid)
    if found is None:
        return [line for row in grid if (line := _plain_row(row))]
    last, columns = found
    # rows above the header: a numbered caption (一、燃气安全专项整治任务) is a heading of the notice;
    # an unnumbered one only names the table (X县重点工作任务分工表) and would be a clause saying nothing
    lines = [row[0].text for row in grid[:last] if len(_distinct(row)) == 1 and heading_level(row[0].text)]
    labels = [label for _, label in columns]
    records: list[dict] = []
    section = ""  # a row of one text that is not numbered: the category of the rows under it
    for row in grid[last + 1:]:
        cells = [(col, cell) for col, cell in _distinct(row) if cell.text]
        if not cells or [re.sub(r"\s+", "", cell.text) for cell in row] == labels:
            continue  # an empty row, or the header repeated (a table running over pages)
        only = columns[cells[0][0]][0] if len(cells) == 1 and cells[0][0] < len(columns) else None
        if len(_distinct(row)) == 1 or only == "category":  # a row spanning the table, or a category alone
            text = cells[0][1].text
            if heading_level(text):
                lines.extend(_render(r) for r in records)
                records, section = [], ""
                lines.append(text)  # 一、燃气安全 inside the table: a heading of the notice
            else:
                section = text
            continue
        record = {"seq": "", "category": [section] if section else [], "task": [], "task_keys": [],
                  "agencies": {}, "deadline": [], "note": []}
        for col, cell in cells:
            role, label = columns[col] if col < len(columns) else (None, "")
            text = cell.text
            if role is None and not label:
                continue
            if role == "seq":
                record["seq"] = text
            elif role == "category":
                record["category"].append(text)
            elif role == "task":
                record["task"].append(text)
                record["task_keys"].append(cell.key)
            elif role in _AGENCY_KEYS:
                for lead, names in _agency_cell(role, cell.lines):
                    key = _key(lead, label if lead == role else _AGENCY_KEYS[lead])
                    record["agencies"].setdefault(key, []).extend(names)
            elif role == "deadline":
                record["deadline"] = [label if _role(label) == "deadline" else _DEADLINE_KEY, text]
            else:  # 备注 and columns of no known role: kept, with their header, in the text
                record["note"].append(f"{label}：{text}" if label else text)
        previous = records[-1] if records else None
        if previous and record["task_keys"] and len(record["task_keys"]) == len(previous["task_keys"]) \
                and all(a is b for a, b in zip(record["task_keys"], previous["task_keys"])):
            # the task cell spans several rows (one per agency or deadline): one task, one line
            for key, names in record["agencies"].items():
                previous["agencies"].setdefault(key, []).extend(n for n in names if n not in previous["agencies"][key])
            previous["deadline"] = previous["deadline"] or record["deadline"]
            continue
        if record["task"]:
            records.append(record)
    lines.extend(_render(r) for r in records)
    return lines


def _agency_cell(role: str, lines: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """The agencies of an agency cell by role: its lines and ``、``/``，`` items, each once; an item
    marked ``（牵头）`` or ``*`` in a 责任单位 column is the lead (``县住建局（牵头）、县应急局``)."""
    items: list[str] = []
    for line in lines:
        items += [i.strip() for i in re.split(r"[、，,；;\s]+", line) if i.strip()]
    leads, rest = [], []
    for item in dict.fromkeys(items):
        m = re.fullmatch(r"(.+?)\s*(?:[（(]牵头[)）]|[*＊])", item)
        (leads if m and role == "resp" else rest).append(m.group(1) if m and role == "resp" else item)
    return [(r, names) for r, names in (("lead", leads), (role, rest)) if names]


def _render(record: dict) -> str:
    """``1.燃气安全：开展专项整治（完成时限：6月底前）（牵头单位：县住建局；配合单位：各乡镇）``.

    A category (a merged 类别/领域 cell, or a row spanning the table) is written as a lead in
    front of the task, the way notices write sector leads (``煤矿：深化瓦斯治理``), rather than as a
    heading line: the segmenter makes only numbered lines headings, and an invented ``（一）`` would
    collide with the notice's own numbering and shift its clause ids; in the text, the category is
    in every output row and its words (燃气, 危险化学品) are the sector evidence they are for the task.
    """
    seq = record["seq"].rstrip(".、．")
    prefix = f"{int(seq)}." if seq.isdecimal() else ""  # 一 / （一） in a 序号 column would become a heading
    parts = [p for p in dict.fromkeys(record["category"] + record["task"]) if p]
    text = ""
    for part in parts:
        text += (("：" if text[-1] not in "。；：，" else "") if text else "") + part
    text = text.rstrip("；，")
    for note in record["note"]:
        text += f"（{note}）"
    if record["deadline"]:
        text += f"（{record['deadline'][0]}：{record['deadline'][1]}）"
    if record["agencies"]:
        text += "（" + "；".join(f"{k}：{'、'.join(names)}" for k, names in record["agencies"].items()) + "）"
    return _close(prefix + text)


_LAYOUT_KINDS = frozenset({"issuer", "docnum", "date", "printed", "signer", "seal", "redhead", "publish", "page"})


def _layout_cell(text: str) -> bool:
    """A cell holding one line of a notice's layout: an organ's name, a document number, its
    signer, a date, an imprint line, a seal note."""
    return "\n" not in text and (classify(text, 0).kind in _LAYOUT_KINDS or bool(RE_SIGNED_BY.match(text)))


def _plain_row(row: list[Cell]) -> str:
    """A row of a table that is not a task table: its cells joined by ``；`` (``发文字号`` | ``X`` ->
    ``发文字号：X``, so a metadata table still reads as metadata)."""
    cells = [cell for _, cell in _distinct(row) if cell.text]
    if len(cells) == 1:
        return "\n".join(cells[0].lines)  # a row of one text (a heading, a note): its paragraphs as they are
    texts = [cell.text for cell in cells]
    if not texts:
        return ""
    if texts[-1] == "文件" and RE_REDHEAD.match("".join(texts)):
        return "".join(texts)  # a joint notice's red header: each organ in a row beside one 文件 cell
    if all(_layout_cell(text) for text in texts):
        # the 版头 or signature set out in a table (临应急〔2027〕7号 | 签发人：张某某; two organs side by
        # side over their seals): each cell a line of its own, read as the cleaner reads such lines.
        # Joined by ；, the number was lost and the joint signature became a clause
        return "\n".join(texts)
    keys = texts[::2]
    if len(texts) % 2 == 0 and all(re.sub(r"\s+", "", k).rstrip("：:") in META_KEYS for k in keys):
        # 索引号 | X | 主题分类 | Y: a page's metadata table, one "key：value" line per pair
        return "\n".join(re.sub(r"[\s：:]+", "", k) + "：" + v for k, v in zip(keys, texts[1::2]))
    if len(texts) == 2 and re.fullmatch(r"[^\s\d，。；：、,.;:！？（）()]{1,10}", texts[0]):
        return _close(f"{texts[0]}：{texts[1]}")  # a label and its value (联系人 | 张三, 工作目标 | …)
    line = ""
    for text in texts:
        line += ("" if not line or line[-1] in "：:" else "；") + text
    return _close(line)
