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

from .clean import CLOSERS, META_KEYS, RE_REDHEAD, RE_SIGNED_BY, classify, display_width, heading_level


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

_CHECK_VERB = "(?:检查|排查|检测|核查|巡查|自查|检验)"
# Column roles from the header text (spaces removed). First match wins, so the agency and deadline
# columns are taken before the broad task words (责任单位 is not a task, 工作类别 not a task either).
_ROLES = (
    ("seq", re.compile(r"^(?:序号|编号|序|No\.?)$", re.I)),
    ("lead", re.compile(r"牵头")),
    ("coop", re.compile(r"配合|协办|协助|协同|参与")),
    # a bare 单位 / 部门 heads the organ's column of a duty list (序号 / 单位 / 安全生产工作职责); anchored, so
    # 计量单位 or 单位名称 (an enterprise listed for inspection) stays no agency
    ("resp", re.compile(r"责任(?:单位|部门|领导|人|主体|处室|科室)|主责|负责(?:单位|部门)|实施(?:单位|部门|主体)|承办|主办|主管(?:单位|部门)"
                        r"|^(?:单位|部门)$")),
    ("deadline", re.compile(r"时限|时间|期限|时间节点|进度")),
    ("note", re.compile(r"^备注$")),
    # a checklist's columns (检查表, 隐患排查清单: 序号 / 检查项目 / 检查内容 / 检查依据); _checklist_roles
    # turns them into the roles above
    ("item", re.compile(rf"^{_CHECK_VERB}(?:项目|部位|对象|环节|场所|设施)$")),
    ("standard", re.compile(rf"^(?:{_CHECK_VERB}|评分|评定|验收|判定)?标准$")),
    ("check", re.compile(rf"^{_CHECK_VERB}(?:依据|方法|方式|手段|频次|结果|情况|记录)$|^(?:评分|判定)(?:依据|方法)$")),
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
    label = _simplified_label(label)
    for role, rx in _ROLES:
        if rx.search(label):
            return role
    return None


def _simplified_label(label: str) -> str:
    """A header label in traditional characters (序號, 責任單位, 完成時限: a notice from Taiwan, Hong Kong, Macao,
    or typed so) in simplified ones, as ``_ROLES`` is written; any other label as it is.

    Why here: a text is made simplified after it is read (``corpus.script``), but its tables are recognised
    while it is read, so a traditional task table was one paragraph (序號工作任務…). Only a label holding a
    character that is traditional only is converted: a simplified label never changes."""
    from .script import _converter, _traditional_only

    return _converter().convert(label) if not _traditional_only().isdisjoint(label) else label


def _checklist_roles(roles: list[str | None]) -> list[str | None]:
    """A checklist's column roles as a task table's: its item (检查项目) is the lead of the row's text
    (as a 类别 is), or the text itself where no column holds one; its standard (检查标准) the text where
    there is no content column (检查内容 is a task column), else a note; 检查依据 / 检查方法 notes, written
    with their header (``（检查方法：现场查看）``). Why not a role of their own: a checklist's row is
    written as a task table's, and every reader of task tables then reads checklists too."""
    if not {"item", "standard", "check"} & set(roles):
        return roles
    content = "task" if "task" in roles else "standard" if "standard" in roles else "item"  # the row's text
    out: list[str | None] = []
    for role in roles:
        if role == content:
            out.append("task")
        elif role == "item":
            out.append("category")
        elif role in ("standard", "check"):
            out.append("note")
        else:
            out.append(role)
    return out


def _roles(labels: list[str]) -> list[str | None]:
    """The column role of each header label (``_ROLES``), a checklist's as a task table's."""
    return _checklist_roles([_role(label) for label in labels])


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
        roles = _roles(labels)
        if "task" not in roles or not {"seq", "lead", "resp", "coop", "deadline"} & set(roles):
            continue
        if any(label and role is None and len(label) > _HEADER_MAX for label, role in zip(labels, roles)):
            continue
        roles = _agency_columns_checked(grid, index, labels, roles)
        if not {"seq", "lead", "resp", "coop", "deadline"} & set(roles):
            continue
        columns = list(zip(roles, labels))
        if index + 1 < len(grid) and len(grid[index + 1]) == len(row):
            below = grid[index + 1]
            sub = [_role(cell.text) if cell.key is not row[col].key else columns[col][0] for col, cell in enumerate(below)]
            if all(r is not None for r in sub) and any(cell.key is not row[col].key for col, cell in enumerate(below)):
                columns = [(r, re.sub(r"\s+", "", below[col].text)) if below[col].key is not row[col].key else columns[col]
                           for col, r in enumerate(sub)]
                index += 1
        return index, list(zip(_checklist_roles([r for r, _ in columns]), [label for _, label in columns]))
    return None


# an agency cell's item less the word saying its part (县住建局牵头, 各乡镇配合): what is left ends in an organ
_AGENCY_PART = re.compile(r"(?:牵头|配合|负责|参与|协助|协办|主办|落实|等)+$")


def _agency_columns_checked(grid: Grid, index: int, labels: list[str], roles: list[str | None]) -> list[str | None]:
    """``roles`` with each agency column in doubt whose cells under the header row ``index`` do not read as agencies
    (not most of its filled cells: :func:`_agency_cell_like`) taken for a column of no known role. In doubt: a bare
    单位 / 部门 (also a unit of measure: a 物资清单's 序号 | 物资名称 | 单位 | 数量), and, in a table with no 序号, any
    agency column but a person's (责任人, 责任领导: its cells are names).

    Why: a header's labels alone took ``名称 | 单位`` over ``燃气 | 立方米`` for a task whose 责任单位 was 立方米. A
    numbered table's other agency labels (责任单位, 牵头单位) stay trusted: its readings do not change."""
    out = list(roles)
    numbered = "seq" in roles
    for col, (role, label) in enumerate(zip(roles, labels)):
        if role not in _AGENCY_KEYS or re.search(r"(?:人|领导)$", label) \
                or numbered and not re.fullmatch(r"单位|部门", _simplified_label(label)):
            continue
        cells = [row[col].text for row in grid[index + 1:]
                 if col < len(row) and row[col].text and row[col].key is not grid[index][col].key
                 and len(_distinct(row)) > 1]  # (a row spanning the table is a category or a heading)
        fits = sum(_agency_cell_like(text) for text in cells)
        if cells and 2 * fits < len(cells):
            out[col] = None
    return out


def _agency_cell_like(text: str) -> bool:
    """Does a task table's agency cell read as agencies (``县住建局（牵头）、各乡镇``, ``县应急局牵头，各乡镇配合``)? A
    single character (人, 台: a unit) never does."""
    text = re.sub(r"[（(][^（）()]*[)）]", "", text)
    items = [_AGENCY_PART.sub("", i) for i in re.split(r"[、，,；;\s]+", text) if i]
    return bool(items) and all(len(i) >= 2 and _AGENCY_ITEM.match(i) for i in items)


def _key(role: str, label: str) -> str:
    """The remark key for an agency column: the table's own header when the remark matcher reads
    it as one (``牵头部门``, ``责任领导``), else the usual key of the role."""
    return label if remark_spans(f"任务（{label}：甲）") else _AGENCY_KEYS[role]


def _close(line: str) -> str:
    """End a line in closing punctuation: a line that stops without it looks, to the cleaner, like
    a line wrapped at the margin, and a run of equal-width rows would be joined into one paragraph."""
    return line if not line or line[-1] in CLOSERS else line + "。"


#: a table's caption: a plan's indicator table's (主要指标 / 表1 主要指标 / 表 1：“十五五”安全生产主要指标表), or any table's
#: named as one (重点行业领域专项整治任务分解表, 丰禾县物流园区隐患整改清单, 2027年度重点检查企业名单): a short title ending in a
#: table's word, no sentence mark; with its number (表1  …, 表2：…) any short title is one
RE_TABLE_CAPTION = re.compile(r"(?:(附表\s*\d{0,2}|表\s*\d{1,2})\s*[：:]?\s*)?([\u4e00-\u9fff“”]{0,20}指标(?:表|一览表)?"
                              r"|[\u4e00-\u9fff“”\d（）()、·—]{2,40}?(?:表|清单|名单|台账|明细|目录))")
RE_NUMBERED_CAPTION = re.compile(r"(附表\s*\d{0,2}|表\s*\d{1,2})\s*[：:]?\s*([^。；;，,：:！？!?\s]{2,40})")
#: a sentence's words in a line over a table (各单位要对照以下清单): it introduces the table, it names none
#: (要 as the segmenter's RE_SENTENCE_MARK reads it: 主要指标, 重点要素 are names)
RE_CAPTION_SENTENCE = re.compile(r"(?<![重主需必纲提首概只])要(?![求点素害件])|请|应当|须|对照|按照|如下|以下|下列")


def table_caption(text: str) -> tuple[str | None, str] | None:
    """(number or None, name) of a table's caption (``表1  重点企业名单`` -> ``("表1", "重点企业名单")``), else None.
    One reading: a task table's caption row here, and a caption line over a table's rows in the segmenter."""
    if RE_CAPTION_SENTENCE.search(text):
        return None
    m = RE_TABLE_CAPTION.fullmatch(text.strip()) or RE_NUMBERED_CAPTION.fullmatch(text.strip())
    return m.groups() if m else None


def table_lines(grid: Grid) -> list[str]:
    """The lines a (non-layout) table reads as: one per task of a task table, else one per row."""
    found = header(grid)
    if found is None:
        return [line for row in _plain_body(grid) if (line := _plain_row(row))]
    last, columns = found
    # rows above the header: a numbered caption (一、燃气安全专项整治任务) is a heading of the notice; a table's numbered
    # caption (表1  X县重点工作任务分工表) the segmenter makes the tasks' heading, written 表1：… (set alone over numbered
    # lines, …分工表 reads as an enclosure's title to the cleaner: a new notice); any other line (a note, a caption
    # with no number, for that reason) would be a clause saying nothing
    lines = []
    for row in grid[:last]:
        if len(_distinct(row)) == 1:
            text = row[0].text
            if heading_level(text):
                lines.append(text)
            elif (captioned := table_caption(text)) and captioned[0] and not captioned[0].startswith("附表"):
                # (a 附表1：… row is left out as before: written as a line, it would open an enclosure after the text)
                lines.append("".join(captioned[0].split()) + "：" + captioned[1])
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


# A column label of a plain table's header row (检查项目, 存在问题, 企业名称, 联系电话): a short text ending in one of
# the words a column is named by. Why the ending: a label is a noun phrase headed by such a word, a data cell
# (消防通道, 液氨储罐区, 城关镇) seldom is; and a row of data read as a header would be a row lost.
_LABEL_END = re.compile(r"(?:项目|内容|结果|标准|依据|方法|方式|备注|名称|类别|类型|分类|序号|编号|单位|部门|时间|时限|期限|日期"
                        r"|情况|说明|要求|部位|对象|措施|问题|隐患|地点|地址|电话|人|频次|等级|级别|领域|环节|场所|数量"
                        r"|意见|记录|分值|得分|职务|职责|姓名|规格|金额)$")
_LABEL_MAX = 8  # a column label is short: longer, it is a cell of data


def _label_cell(text: str) -> bool:
    text = re.sub(r"\s+", "", text)
    return 0 < len(text) <= _LABEL_MAX and not re.search(r"[\d。；;，,、：:！？!?（）()]", text) \
        and bool(_LABEL_END.search(text))


def _plain_body(grid: Grid) -> Grid:
    """A plain table's rows less its header row: a first row of two or more column labels (``_label_cell``)
    with a row of data under it (a cell that is no label: longer, or with a sentence mark or a digit), and
    that row again further down (a table running over pages). Why: ``检查项目；检查内容；检查结果。`` was a
    clause saying nothing, as a task table's header would be; and written before each row's cells instead
    (``检查项目：…``) the labels' words (检查, 整改, 标准) would read as every row's measure cues."""
    # (a caption merged across the table over its header, 表1  重点企业隐患整改清单: kept, its own line over the
    # rows, which the segmenter makes their heading; the header under it is looked for as on the first row)
    top = next((k for k, row in enumerate(grid) if len(_distinct(row)) > 1), len(grid))
    captions, grid = grid[:top], grid[top:]
    if len(grid) < 2:
        return captions + grid  # a one-row table: no row of data shows it is a header
    first = [cell.text for _, cell in _distinct(grid[0])]
    if len(first) < 2 or not all(_label_cell(t) for t in first):  # (an empty cell is no label: all filled)
        return captions + grid
    if not any(cell.text and not _label_cell(cell.text) for row in grid[1:] for _, cell in _distinct(row)):
        return captions + grid  # labels over labels (名称 | 单位, 燃气 | 立方米): no sign which row names the columns
    labels = [re.sub(r"\s+", "", cell.text) for cell in grid[0]]
    return captions + [row for row in grid[1:] if [re.sub(r"\s+", "", cell.text) for cell in row] != labels]


def _plain_row(row: list[Cell]) -> str:
    """A row of a table that is not a task table: its cells joined by ``；`` (``发文字号`` | ``X`` ->
    ``发文字号：X``, so a metadata table still reads as metadata)."""
    cells = [cell for _, cell in _distinct(row) if cell.text]
    if len(cells) == 1:
        return "\n".join(cells[0].lines)  # a row of one text (a heading, a note): its paragraphs as they are
    texts = [cell.text for cell in cells]
    if not texts:
        return ""
    whole = "".join(line for cell in cells for line in cell.lines)
    if texts[-1] == "文件" and RE_REDHEAD.match(whole):
        # a joint notice's red header: each organ in a row beside one 文件 cell, or the organs one
        # under another in one cell beside it (read as 甲；乙；文件, the header was a sentence)
        return whole
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


# --- a task table in a text copy: one cell per line ------------------------------------------------
# A PDF's text layer (pypdf), a PDF table drawn without ruling lines, or a web page's table copied as
# text gives a table one cell per line: 序号 / 工作任务 / 责任单位 / 完成时限, then 1 / a task / its
# agencies / its deadline, and so on. Read as lines, the header became four clauses and each row's
# number a page number. Such a run is read back into rows only where nothing is left to guess: the
# header lines are all column labels, the first 序号, with a task column and an agency or deadline
# column; each row opens with the next number (1, 2, 3 …); and its lines fall into the columns in
# one best way (an agency cell reads as agency names, a deadline cell as a time). A cell wrapped over
# lines is joined again. Anything else leaves the run as it was.

_SEQ_LINE = re.compile(r"^\s*(\d{1,3})\s*[.、．]?\s*$")
_SEQ_LABEL = re.compile(r"^\s*(?:序号|编号|序|No\.?)\s*$", re.I | re.M)
# an agency name ends in the word for an organ (局, 委员会, 乡镇 …); ``各乡镇``, ``县住建局（牵头）``
_AGENCY_ITEM = re.compile(r"^(?:各|全)?[\u4e00-\u9fffA-Za-z]{0,30}?(?:局|委|办|厅|院|部|队|会|所|站|中心|公司|集团|政府|乡|镇|街道|"
                          r"部门|单位|办事处|管委会|园区|处|科|室|组|区|县|市|省|团|社|行|馆|校|台|企业|人|长|书记|主任|联|协|署)[*＊]?$")
_DEADLINE_CELL = re.compile(r"\d{1,2}\s*月|(?:19|20)\d{2}\s*年|年[底内中]|季度|长期|持续|常态|全年|每[年月周季天日旬]|[上下]半年|"
                            r"底前|日前|前完成|以前|到位|完成|立即|及时|按期|按时|适时|长效")
_FREE = ("task",)


def _agency_like(text: str) -> bool:
    text = re.sub(r"[（(][^（）()]*[)）]", "", text)  # 各县（市、区）, 县住建局（牵头）
    items = [i for i in re.split(r"[、，,；;\s]+", text) if i]
    return bool(items) and all(_AGENCY_ITEM.match(i) for i in items)


def _deadline_like(text: str) -> bool:
    return len(text) <= 40 and bool(_DEADLINE_CELL.search(text)) and not _agency_like(text)


def _cell_fits(role: str | None, lines: list[str]) -> bool:
    text = "".join(lines)
    if not lines:
        return role not in _FREE  # an empty cell: any column but the task's
    if role in _AGENCY_KEYS:
        return len(lines) <= 4 and _agency_like(text)
    if role == "deadline":
        return len(lines) <= 2 and _deadline_like(text)
    if role in _FREE:
        return True
    return len(lines) <= 1  # a category, a note: one line


def _cost(role: str | None, lines: list[str]) -> int:
    """How unlikely a cell of these lines is. A task cell may wrap over any number of lines, but a
    wrapped line that names agencies (``县应急局、县市场``) is more likely the next cell's start. Any
    other cell is one line as a rule, an empty one less usual, a wrapped one the less usual the
    longer, unless a line ends inside a name (``县市场`` / ``监管局``): then it surely wrapped."""
    if role in _FREE:
        return sum(2 for line in lines[1:] if "、" in line and any(_AGENCY_ITEM.match(i) for i in line.split("、")))
    if role == "note":
        return 0 if len(lines) <= 1 else len(lines)
    if len(lines) > 1 and role in _AGENCY_KEYS and not all(_agency_like(line) for line in lines):
        return 0
    return 1 if not lines else len(lines) - 1


def _row_cells(roles: list[str | None], lines: list[str]) -> tuple[int, list[list[str]]] | None:
    """The cheapest split of a row's lines (its number taken off) into the columns ``roles``, in
    order, each cell fitting its column; ties go to the split that fills the earlier columns."""
    best: dict[tuple[int, int], tuple[int, list[list[str]]] | None] = {}

    def split(col: int, start: int):
        if col == len(roles):
            return (0, []) if start == len(lines) else None
        if (col, start) in best:
            return best[(col, start)]
        found = None
        for end in range(len(lines), start - 1, -1):  # the longest first: earlier columns filled first
            cell = lines[start:end]
            if not _cell_fits(roles[col], cell):
                continue
            rest = split(col + 1, end)
            if rest is not None and (found is None or _cost(roles[col], cell) + rest[0] < found[0]):
                found = (_cost(roles[col], cell) + rest[0], [cell] + rest[1])
        best[(col, start)] = found
        return found

    if roles.count("task") != 1:
        return (0, [[line] for line in lines]) if len(lines) == len(roles) else None
    found = split(0, 0)
    if found is None or not any(cell for cell, role in zip(found[1], roles) if role not in _FREE):
        return None  # nothing but a task: no sign the lines are a row of this table
    return found


def _page_marks(lines: list[str]) -> set[int]:
    """Lines of a text copy that mark a page break: ``- 3 -``, ``第3页 共8页`` (a bare number is a
    序号 here, never taken for a page), and a running header or footer line beside such a mark that
    the text repeats."""
    from .clean import RE_PAGE_NUM, RE_PAGE_OF

    marks = {i for i, line in enumerate(lines) if line.strip() and not line.strip().isdigit()
             and (RE_PAGE_NUM.match(line) or RE_PAGE_OF.match(line))}
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.strip()] = counts.get(line.strip(), 0) + 1
    for i in sorted(marks):
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and j not in marks and lines[j].strip() and counts[lines[j].strip()] >= 2 \
                    and len(lines[j].strip()) <= 40 and not _SEQ_LINE.match(lines[j]) and _role(lines[j]) is None:
                marks.add(j)
    return marks


def _join_wrapped(lines: list[str]) -> str:
    """A cell's lines as one text: a PDF wraps a cell where the column ends, not where a sentence does."""
    out = ""
    for line in (x.strip() for x in lines):
        if out and re.search(r"[A-Za-z0-9]$", out) and re.match(r"[A-Za-z0-9]", line):
            out += " "
        out += line
    return out


def _copied_table(lines: list[str], start: int, marks: set[int]) -> tuple[int, list[str]] | None:
    """(index after the table, its lines) for a one-cell-per-line task table whose header opens at
    ``start``, or None."""
    header: list[str] = []
    i = start
    while i < len(lines) and lines[i].strip() and len(header) < 8:
        label = re.sub(r"\s+", "", lines[i])
        if _role(label) is not None:
            header.append(label)
            i += 1
        elif i + 1 < len(lines) and _role(label + re.sub(r"\s+", "", lines[i + 1])) is not None \
                and len(label) <= 3 and not _SEQ_LINE.match(lines[i + 1]):
            header.append(label + re.sub(r"\s+", "", lines[i + 1]))  # a label wrapped in a narrow column: 完成 / 时限
            i += 2
        else:
            break
    span = "".join(header)
    roles = _roles(header)
    if len(header) < 3 or roles[0] != "seq" or "task" not in roles \
            or not {"lead", "resp", "coop", "deadline"} & set(roles):
        return None
    body = []  # (index, line) of the table's lines after the header, page marks and repeated headers left out
    j = i
    while j < len(lines):
        if j in marks or (not body and not lines[j].strip()):
            # a blank line before the first row: the page break after a header row left at a page's foot
            # (Word breaks a table so where 标题行重复 is not set; a PDF's pages are joined by a blank line)
            j += 1
            continue
        if (rep := next((n for n in range(len(header), i - start + 1)
                         if "".join(re.sub(r"\s+", "", x) for x in lines[j:j + n]) == span), None)):
            j += rep  # the header repeated on the next page
            continue
        body.append((j, lines[j].strip()))
        j += 1
    rows: list[list[str]] = []
    end = i
    k = 0
    while k < len(body) and (m := _SEQ_LINE.match(body[k][1])) and int(m.group(1)) == len(rows) + 1:
        nxt = next((x for x in range(k + 1, len(body)) if (n := _SEQ_LINE.match(body[x][1])) and int(n.group(1)) == len(rows) + 2), None)
        if nxt is not None:
            cells = _row_cells(roles[1:], [line for _, line in body[k + 1:nxt] if line])
            if cells is None:
                return None  # a row that fits no split: not surely a table
            rows.append([m.group(1)] + [_join_wrapped(c) for c in cells[1]])
            end, k = body[nxt][0], nxt
            continue
        # the last row: its end is where its lines fit the columns best (the fewest lines on a tie)
        longest = max((len(r) for r in rows), default=len(header)) + 3
        choice = None
        for stop in range(k + 2, min(len(body), k + 1 + longest) + 1):
            if not body[stop - 1][1]:
                break  # a blank line ends the table
            cells = _row_cells(roles[1:], [line for _, line in body[k + 1:stop]])
            if cells is not None and (choice is None or cells[0] < choice[0]):
                choice = (cells[0], stop, cells[1])
        if choice is None:
            return None
        rows.append([m.group(1)] + [_join_wrapped(c) for c in choice[2]])
        end = body[choice[1] - 1][0] + 1
        break
    if len(rows) < 1:
        return None
    grid = [[Cell(object(), (text,) if text else ()) for text in row] for row in [header] + rows]
    return end, table_lines(grid)


_SEQ_FIRST = re.compile(r"^[ \t\u3000]*(?:序号|编号|序|No\.?)[ \t\u3000]+\S", re.I | re.M)


def _words(line: str) -> list[tuple[float, float, str]]:
    """A text line's cells set apart by two or more spaces, each at its display columns (a CJK
    character two columns wide, as a text copy laid out by position draws it)."""
    import unicodedata

    def columns(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    line = line.expandtabs(8)
    return [(columns(line[:m.start()]), columns(line[:m.end()]), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _row_table(lines: list[str], start: int, marks: set[int], margin: int) -> tuple[int, list[str]] | None:
    """(index after the table, its lines) for a task table copied one row per line, its header on the
    line at ``start`` (``序号 工作任务 责任单位 完成时限``), or None.

    Laid out by position (cells apart by runs of spaces, as ``pdftotext -layout`` and a table typed
    with spaces give it), the columns are read by position (:func:`aligned_table`). Apart by single
    spaces (a PDF viewer's copy), a row line's cells are its words, and a line that opens with no
    number goes on with a cell of the row above it (a cell wrapped over lines): the cell where it
    makes every cell of the row read as its column (``县应急局、县市场`` + ``监管局``), else the task.
    ``margin``: the text's widest line (:func:`_spaced_rows`)."""
    head = lines[start].strip()
    labels = head.split()
    if not task_header(labels):
        return None
    if re.search(r"\S {2,}\S", head):
        used, blank = [], 0
        for j in range(start, len(lines)):
            blank = blank + 1 if not lines[j].strip() else 0
            if blank == 2:
                break
            if j not in marks:
                used.append(j)
        found = aligned_table([_words(lines[j]) for j in used])
        return _spaced_rows(lines, start, marks, margin) if found is None else (used[found[0] - 1] + 1, found[1])
    roles = _roles(labels)
    rows: list[tuple[str, list[str], list[str]]] = []  # (number, the row line's cells, continuation lines)
    end, longest = start + 1, 0
    for j in range(start + 1, len(lines)):
        line = lines[j].strip()
        if j in marks or not line:
            continue
        tokens = line.split()
        m = _SEQ_LINE.match(tokens[0])
        if m and int(m.group(1)) == len(rows) + 1 and len(tokens) >= 2:
            rows.append((m.group(1), tokens[1:], []))
            longest = max([longest] + [len(t) for t in tokens])
        elif rows and len(tokens) == 1 and len(line) <= longest and heading_level(line) is None \
                and (classify(line, 0).kind == "text" or _completes(roles[1:], rows[-1][1], line)):
            rows[-1][2].append(line)  # (a line that reads as an organ only where it ends a cut agency name:
            # the signature under the table is no part of its last row)
        else:
            break
        end = j + 1
    if not rows:
        return None
    grid = [[Cell(object(), (label,)) for label in labels]]
    for number, cells, more in rows:
        row = _spaced_row(roles[1:], cells, more)
        if row is None:
            return None
        grid.append([Cell(object(), (number,))] + [Cell(object(), (text,) if text else ()) for text in row])
    return end, table_lines(grid)


def _spaced_rows(lines: list[str], start: int, marks: set[int], margin: int) -> tuple[int, list[str]] | None:
    """(index after the table, its lines) for a table typed with spaces whose columns do not line up
    (so :func:`aligned_table` cannot read it): a row typed wider than the page goes on at the page's
    left edge, and the header, which fits, is indented as a paragraph's first line. Read by cells
    instead of positions, where nothing is left to guess: every row line is its number and one cell
    per column, apart by runs of spaces; a line with no number goes on with the row's last cell only
    where the line above was cut at the margin (as wide as the text's widest line, no closing
    punctuation) and it reads as running text (not an organ or a date: the signature under the table),
    or it ends an agency name the margin cut (``县交`` + ``通运输局``)."""
    labels = lines[start].split()
    last = _roles(labels)[-1]
    rows: list[list[str]] = []
    end, above = start + 1, ""
    for j in range(start + 1, len(lines)):
        line = lines[j].strip()
        if j in marks:
            continue
        cells = re.split(r"[ \t\u3000]{2,}", line)
        m = _SEQ_LINE.match(cells[0])
        if m and int(m.group(1)) == len(rows) + 1 and len(cells) == len(labels):
            rows.append(cells)
        elif rows and len(cells) == 1 and line and display_width(above) >= margin and above[-1] not in CLOSERS \
                and heading_level(line) is None and (classify(line, 0).kind == "text" or last in _AGENCY_KEYS
                                                     and not _agency_like(rows[-1][-1]) and _agency_like(rows[-1][-1] + line)):
            rows[-1][-1] = _join_wrapped([rows[-1][-1], line])
        else:
            break
        end, above = j + 1, line
    if not rows:
        return None
    grid = [[Cell(object(), (text,)) for text in row] for row in [labels] + rows]
    return end, table_lines(grid)


def _completes(roles: list[str | None], cells: list[str], line: str) -> bool:
    """Does ``line`` end an agency cell of this row that does not read as agencies without it?"""
    return len(cells) == len(roles) and any(
        role in _AGENCY_KEYS and not _agency_like(cell) and _agency_like(cell + line) for role, cell in zip(roles, cells))


def _spaced_row(roles: list[str | None], cells: list[str], more: list[str]) -> list[str] | None:
    """A row's cells (the row line's words, then each wrapped line added to one cell): the way that
    makes every cell read as its column, the fewest wrapped lines put in the task on a tie."""
    from itertools import product

    if len(cells) == len(roles):
        base = list(cells)
    else:
        split = _row_cells(roles, cells)
        if split is None:
            return None
        base = ["".join(c) for c in split[1]]
    best = None
    for places in product(range(len(roles)), repeat=len(more)):
        row = list(base)
        for col, line in zip(places, more):
            row[col] = _join_wrapped([row[col], line]) if row[col] else line
        if all(_cell_fits(role, [text] if text else []) for role, text in zip(roles, row)):
            # a wrapped line completes a cell that did not read as its column alone (县市场 + 监管局),
            # else it goes on with the task; an agency or time cell that read whole is seldom wrapped
            score = sum(1 if roles[col] in _FREE else 0 if not _cell_fits(roles[col], [base[col]] if base[col] else [])
                        else 2 for col in places)
            if best is None or score < best[0]:
                best = (score, row)
    return None if best is None else best[1]


def copied_tables(text: str) -> str:
    """``text`` with each task table copied one cell per line read back into one line per task,
    written as :func:`table_lines` writes a task table (see the comment above)."""
    if not (_SEQ_LABEL.search(text) or _SEQ_FIRST.search(text)):
        return text
    lines = text.split("\n")
    marks = _page_marks(lines)
    margin = 0  # the widest line, measured once the text holds a table typed with spaces
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = None
        if _SEQ_LABEL.match(lines[i]):
            found = _copied_table(lines, i, marks)
        elif _SEQ_FIRST.match(lines[i]):
            margin = margin or max(display_width(line) for line in lines)
            found = _row_table(lines, i, marks, margin)
        if found is None:
            out.append(lines[i])
            i += 1
        else:
            i, table = found
            out.extend(table)
    return "\n".join(out)


def task_header(labels: list[str]) -> bool:
    """Are these the column labels of a task table that can be read row by row: 序号 first, a task
    column and an agency or deadline column, or a checklist's columns (检查项目, 检查内容, 检查标准 …:
    a checklist has neither), every label one the table reader knows."""
    roles = _roles(labels)
    checklist = any(re.match(_CHECK_VERB, label) for label in labels)
    return (len(labels) >= 3 and None not in roles and roles[0] == "seq" and "task" in roles
            and (bool({"lead", "resp", "coop", "deadline"} & set(roles)) or checklist))


def aligned_table(lines: list[list[tuple[float, float, str]]]) -> tuple[int, list[str]] | None:
    """A task table set out in columns by position alone (no ruling lines): ``lines`` are the page's
    lines, each its words as (left, right, text), the first line its header. Returns (how many
    lines the table takes, the lines it reads as) or None.

    A column boundary is the gap between two header labels, narrowed by every line below that has a
    word in it; the table ends at the first line with a word across a boundary (a paragraph running
    the page's width) or with text but no number in the 序号 column. A line with no number there
    goes on with the row above it (a cell wrapped over lines)."""
    header = sorted(lines[0])
    labels = [re.sub(r"\s+", "", w[2]) for w in header]
    if not task_header(labels):
        return None
    gaps = [[a[1], b[0]] for a, b in zip(header, header[1:])]
    rows: list[list[list[str]]] = []
    taken = 1
    for words in lines[1:]:
        narrowed = [list(g) for g in gaps]
        for left, right, _ in words:
            for g in narrowed:
                if left < g[1] and right > g[0]:  # the word reaches into the gap: keep the free side
                    if left - g[0] >= g[1] - right:
                        g[1] = min(g[1], left)
                    else:
                        g[0] = max(g[0], right)
        if any(g[1] - g[0] < 1 or any(l < g[0] and r > g[1] for l, r, _ in words) for g in narrowed):
            break  # a word across a column boundary: no line of the table
        cells: list[list[str]] = [[] for _ in header]
        for left, right, text in sorted(words):
            centre = (left + right) / 2
            cells[sum(centre > (g[0] + g[1]) / 2 for g in narrowed)].append(text)
        seq = "".join(cells[0])
        if seq and not _SEQ_LINE.match(seq):
            break
        if seq:
            if int(_SEQ_LINE.match(seq).group(1)) != len(rows) + 1:
                break
            rows.append([[] for _ in header])
        elif not rows:
            break
        for col, texts in enumerate(cells):
            rows[-1][col].extend(texts)
        gaps = narrowed
        taken += 1
    if not rows:
        return None
    grid = [[Cell(object(), (label,)) for label in labels]]
    for row in rows:
        grid.append([Cell(object(), (text,) if (text := _join_wrapped(parts)) else ()) for parts in row])
    return taken, table_lines(grid)
