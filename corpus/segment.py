"""Notice text -> Documents -> Clauses.

``split_documents`` cuts a file that holds several notices into documents (a new notice starts at
a header line after body text, after the signature block, or where top-level numbering restarts at
``一、``); ``segment_document`` turns one document's paragraphs into clauses following
ANNOTATION_CODEBOOK §1.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from policytag.records import AgencyRole, Clause, Document
from policytag.text import (DEADLINE_KEY, LEAD, REMARK_KEY, RESPONSIBLE, ROLE, ROLE_OF, SUPPORT, cn_number, duty_agencies,
                            is_role_remark, may_have_remark, remark_spans)

from . import metadata as md
from .clean import (CN_NUM, SUPERSCRIPT_DIGITS, ITEM_NUMERAL, item_number_value, DECIMAL_LEVELS, NESTED_LIST_LEVEL, RE_BOX, RE_CIRCLED, RE_DECREE, RE_DECREE_NO, RE_DOCNUM, RE_ISSUER, RE_LEAD_IN, RE_SIGNER, RE_L1, RE_L2, RE_L3, RE_PLAN_SECTION, RE_PREFACE, ROMAN_LEVEL, Line, attachment_rest, classify_lines,
                    heading_level, heading_number, join_paragraphs, opens_item, wrap_margin, level_match, meta_fields, NUMBERED_QUESTION, normalize_punct, organ_and_date,
                    parse_date, same_place, title_like)
from .dedup import Duplicate, dedupe_documents, duplicates_message  # noqa: F401 (re-exported)
from .tables import table_caption
from .readers import INFO_DATE, INFO_ORGAN, SUPPORTED_SUFFIXES, ReadError, decode_bytes, expand_paths, info_fields, read_file

HEADER_KINDS = {"meta", "title", "docnum", "addressee", "adopted", "decree", "redhead"}
CLOSING_KINDS = {"issuer", "date", "publish", "printed", "attachment", "formula", "seal", "signer"}
RE_ANNEX = re.compile(r"^\s*附件\s*\d{0,2}\s*[:：]?\s*$")  # the bare 附件 / 附件2 line an enclosure opens with
#: …or its number and title on one line (``附件1：某区2026年“安全生产月”活动方案``, as a web page sets it)
RE_ANNEX_TITLED = re.compile(r"^\s*附件\s*\d{0,2}\s*[:：]\s*(\S.*?)\s*$")
#: …or a 附表 (a table set after the text, often of an unsigned plan: ``附表：2027年度重点检查企业名单``)
RE_TABLE_TITLED = re.compile(r"^\s*附表\s*\d{0,2}\s*[:：]\s*(\S.*?)\s*$")


# --- documents -----------------------------------------------------------------------------------
def split_documents(lines: list[Line]) -> list[list[Line]]:
    """Group classified lines into one list per notice."""
    docs: list[list[Line]] = []
    current: list[Line] = []
    has_body = closed = annex = False  # annex: a bare 附件 line after the signature, its title next
    in_enclosure = False  # inside an enclosure after the signature: its 附件2 opens the next one
    top = 0
    tops: dict[float, int] = {}  # the highest 第X章 / 第X部分 / 第X条 / 1 总则 number seen in this notice
    enclosed = None  # the title of the document a 关于印发《X》的通知 sends: X
    # …and the names its covering sentence quotes (现将《澄江县2027年安全生产工作要点》印发给你们): a title that leaves
    # the name unquoted (关于印发2027年全县安全生产工作要点的通知) names it in other words than the enclosure's own title
    sent: list[str] = []
    letter = ""  # the letter's first lines of text, joined (the covering sentence may be wrapped)
    # A line shaped like an organ's name inside the body (a PDF line wrapped after
    # 县级应急管理部) is not a signature: an issuer line closes the notice only when a date, another
    # closing line, a header line or the end of the input follows it.
    meaningful = [i for i, line in enumerate(lines) if line.kind not in ("blank", "page", "url")]
    next_kind = {i: (lines[j].kind if j is not None else None)
                 for i, j in zip(meaningful, meaningful[1:] + [None])}
    next_line = dict(zip(meaningful, meaningful[1:]))
    prev_kind = {i: lines[j].kind for i, j in zip(meaningful[1:], meaningful)}
    rests: set[int] = set()  # the lines that were the rest of an enclosure's title cut at the margin (read with it)
    for index, line in enumerate(lines):
        starts_new = False
        if index in rests:
            continue
        if (line.kind == "attachment" and (rest := next_line.get(index)) == index + 1 and lines[rest].kind == "text"
                and _attachment_cut(line.text.strip(), lines[rest].text.strip())):
            rests.add(rest)  # (附件：…管理办 / 法（征求意见稿）: the name's rest, no body text after the attachment line)
        if annex and line.kind not in ("blank", "page", "url"):
            annex = False
            if (line.kind in ("title", "text") and _title_shaped(line.text)
                    and not (line.kind == "title" and next_kind.get(index) in ("docnum", "addressee"))):
                # 附件 / 某县2027年重点任务清单 after the signature: the notice's enclosure, not a new
                # notice; its title is no clause and its items are clauses of the same document (a title
                # followed by its own number or addressee is the forwarded notice a 转发 letter encloses,
                # pasted whole: a document of its own, with that title, as in the 印发 branch below)
                title = line.text.strip()
                if (rest := next_line.get(index)) == index + 1 and _title_rest(title, lines[rest]):
                    title += lines[rest].text.strip()  # (…先进集体 / 和先进个人名单: cut at a phone's margin)
                    rests.add(rest)
                current.append(Line("subtitle", title, line.lineno, annex=True))
                # an enclosure numbers its own chapters, sections and items (一、 again: no new notice)
                closed, tops, top, in_enclosure = False, {}, 0, True
                continue
        if (line.kind == "text" and ((closed or in_enclosure) and (m := RE_ANNEX_TITLED.match(line.text))
                                     or has_body and (m := RE_TABLE_TITLED.match(line.text))
                                     and (closed or not _table_in_body(lines, index, next_line)))
                and _title_shaped(m.group(1))):
            # (a 附表 is set after the text whether the text is signed or not: it opens no paragraph of it)
            # 附件1：某区…活动方案 after the signature (or 附件2：… after the first enclosure's items): the
            # notice's enclosure with its title, as a bare 附件1 line over the title is
            title = m.group(1)
            if (rest := next_line.get(index)) == index + 1 and lines[rest].kind in ("text", "title") and \
                    attachment_rest(line.text.strip(), lines[rest].text.strip()):
                title += lines[rest].text.strip()  # (附件1：…活 / 动方案: the title cut at a phone's margin)
                rests.add(rest)
            current.append(Line("subtitle", title, line.lineno, annex=True))
            closed, tops, top, in_enclosure = False, {}, 0, True
            continue
        if (line.kind == "title" and has_body and enclosed
                and (_same_title(line.text, enclosed) or any(_same_title(line.text, n) for n in sent))
                and next_kind.get(index) not in ("docnum", "addressee")):
            # the enclosure of a 印发 notice (its title after the notice's signature) is part of it; a title
            # followed by its own number or addressee is the forwarded notice pasted whole after a 转发 letter,
            # a document of its own (it lost its title to the letter, read as the letter's enclosure)
            current.append(Line("subtitle", line.text, line.lineno))
            # (inside the enclosure: its own 附件1：… after its text opens the next one, as after a signature)
            enclosed, closed, in_enclosure = None, False, True
            continue
        if line.kind in HEADER_KINDS and has_body and not _imprint_number(line, prev_kind.get(index), next_kind.get(index)):
            starts_new = True
        elif (line.kind == "issuer" and has_body and next_kind.get(index) == "title"
              and same_place(line.text, lines[next_line[index]].text)):
            # 东陵区安全生产委员会 over 东陵区2027年…工作要点 after a notice with no signature: the next
            # notice's header (as mark_titles reads it), not the signature of the one before
            starts_new = True
        elif line.kind == "text":
            m = RE_L1.match(line.text)
            outline = _outline_number(line.text)
            if m and item_number_value(m.group(1)) == 1 and top >= 2:
                starts_new = True  # numbering restarts: a notice whose header was lost
            elif outline and outline[1] == 1 and tops.get(outline[0], 0) >= 2:
                starts_new = True  # so do 第一章, 第一部分, 第一条, 1 总则: a plan or a rule after another
            elif closed and has_body:
                starts_new = True  # body text after a signature block
        if starts_new:
            docs.append(current)
            current, has_body, closed, top, tops, in_enclosure = [], False, False, 0, {}, False
            enclosed, sent, letter = None, [], ""
        if line.kind == "title" and not has_body and enclosed is None and re.search(r"印发|转发", line.text):
            enclosed = md.inner_title(normalize_punct(line.text))
        if line.kind == "text" and enclosed is None and len(current) < 40 and any(l.kind == "decree" for l in current[:6]):
            # 《某市…办法》已经…审议通过，现予公布 (maybe wrapped over lines) under a decree's header:
            # the rules it publishes follow (only the first lines are read: a decree's text is short)
            said = [l.text.strip() for l in current if l.kind == "text"][:8] + [line.text.strip()]
            if len(said) <= 8 and (m := re.search(r"《([^《》]+)》", "".join(said))) and "公布" in "".join(said):
                enclosed = m.group(1)
        current.append(line)
        if line.kind == "text" and enclosed and not closed and len(letter) < COVERING_CHARS:
            # (bounded: the covering sentence opens the letter, so only its first characters are read)
            letter += line.text.strip()
            # (a name of a few characters, 《方案》, would match any title ending in it: only a full name counts)
            sent = [m.group(1)[1:-1] for m in md.RE_COVERING.finditer(letter) if m.group(1) and len(m.group(1)) >= 8]
        if line.kind == "text":
            has_body = True
            m = RE_L1.match(line.text)
            if m:
                top = max(top, item_number_value(m.group(1)))
            elif heading_level(line.text) in _GROUP_LEVELS:
                top = 0  # a plan numbers 一、 afresh in each 第X章 / 第X节 / 第X部分: no notice starts there
            if outline := _outline_number(line.text):
                tops[outline[0]] = max(tops.get(outline[0], 0), outline[1])
        elif line.kind in CLOSING_KINDS and has_body:
            follower = next_kind.get(index)
            if line.kind != "issuer" or follower is None or follower in CLOSING_KINDS | HEADER_KINDS:
                closed = True
        if line.kind == "attachment" and (closed or in_enclosure) and RE_ANNEX.match(line.text):
            annex = True  # (附件2 / its title after the items of 附件1: the second enclosure)
    docs.append(current)
    return [d for d in docs if any(line.kind == "text" for line in d)]


#: how much of a covering letter's opening is read for the names its covering sentence quotes
COVERING_CHARS = 400


def _table_in_body(lines: list[Line], index: int, next_line: dict[int, int]) -> bool:
    """Is the ``附表：…`` line ``index`` (in a body not yet signed, an enclosure's too) a table of the body: its rows (a header of
    columns, cells joined by ``；``, a task table's tasks) followed by more of the text, a paragraph of the section it
    is in (``请各单位于每月25日前报送…``, the next ``二、…``)? Such a caption heads its rows, and the paragraph after
    them returns to its section (``tables.table_caption`` reads ``附表：…`` as a caption); a 附表 whose rows run to the
    signature, the end or the next enclosure is set after the text: an enclosure, as before. The rows are walked
    once (the walk stops at the first line that is no row), so a body stays linear."""
    rows = 0
    i = next_line.get(index)
    while i is not None and (lines[i].kind == "columns" or lines[i].kind == "text" and (
            _table_row(lines[i].text.strip()) or _task_row(lines[i].text.strip()))):
        rows += lines[i].kind == "text"
        i = next_line.get(i)
    if not rows or i is None or lines[i].kind != "text":
        return False
    text = lines[i].text
    # (a table's note, 注：… / 备注：… / 填表说明：…, belongs to the table: no text of the body after it)
    return not (RE_ANNEX_TITLED.match(text) or RE_TABLE_TITLED.match(text) or RE_TABLE_NOTE.match(text))


#: a table's note under its rows (``注：…``, ``备注：…``, ``填表说明：…``)
RE_TABLE_NOTE = re.compile(r"\s*(?:注\s*\d{0,2}|备注|说明|填表说明|填报说明)\s*[：:]")


# a draft's or an edition's remark closing an enclosure's name (（征求意见稿）, （试行）, （2027年版）)
RE_NAME_REMARK = re.compile(r"[（(][^（）()]{1,12}[)）]\s*$")


def _attachment_cut(head: str, rest: str) -> bool:
    """Is ``rest`` the end of the attachment line ``head`` cut at a phone's margin, its name's remark included
    (``附件：澜屿市小型游乐设施安全管理办`` / ``法（征求意见稿）``)? ``clean.attachment_rest`` reads a rest with no bracket;
    this one lets a remark close it. Why: the rest was body text after the attachment line, which closes the body,
    and started a notice of its own, the enclosure after it going with it."""
    return bool(RE_NAME_REMARK.search(rest)) and attachment_rest(head, RE_NAME_REMARK.sub("", rest))


#: the lines a notice's own number is printed under at its end: the imprint (抄送：… / …印发), the date under the
#: signature, the 此件公开发布 remark under the date (an office prints the number there when its header has none)
_NUMBER_AFTER = ("printed", "date", "publish")


def _imprint_number(line: Line, before: str | None, after: str | None) -> bool:
    """A document number printed under a notice: in the imprint (版记) after ``抄送：…`` or the ``…印发`` line,
    or under the date (2027年7月2日 / 青应急〔2027〕31号), with nothing or only imprint lines after it. It is the
    notice's own number, not the header of a next notice (which a title or an addressee follows)."""
    return line.kind == "docnum" and before in _NUMBER_AFTER and after in (None, "printed")


_OUTLINE_LEVELS = (0.4, 0.5, 0.75)  # 第X部分, 第X章, 第X条
_GROUP_LEVELS = (0.4, 0.5, 0.6)  # 第X部分 / 第X篇, 第X章, 第X节: groups of 一、 items


def _outline_number(text: str) -> tuple[float, int] | None:
    """``(level, number)`` of a line opening a part, chapter, article or a plan's bare ``1 总则``
    section: numbers that run once through a document."""
    level = heading_level(text)
    if level in _OUTLINE_LEVELS or (level == 3 and RE_PLAN_SECTION.match(text) and not RE_L3.match(text)):
        return level, heading_number(text, level)
    return None


def _title_rest(head: str, line: Line) -> bool:
    """Is ``line`` the rest of the enclosure's title ``head`` cut at the margin (``…工作先进集体`` / ``和先进个人名单``)?
    The head alone names no genre, the two joined do (or name a list or a form), and the rest is short, one word run."""
    rest = line.text.strip()
    joined = head + rest
    return (line.kind in ("text", "title") and len(rest) <= 20 and not re.search(r"[\s。；，：！？（）()]", rest)
            and heading_level(rest) is None and not title_like(head) and _title_shaped(joined)
            and bool(title_like(joined) or _names_enclosure(joined) or RE_CONTACTS_TITLE.search(joined)))


def _title_shaped(text: str) -> bool:
    s = text.strip()
    return 2 <= len(s) <= 60 and not re.search(r"[。；！？，：]", s) and heading_level(s) is None


def _same_title(a: str, b: str) -> bool:
    """Titles equal but for spaces, punctuation and book-title marks."""
    def key(s: str) -> str:
        s = re.sub(r"[（(][^（）()]*[)）]$", "", normalize_punct(s))  # …办法（试行） is …办法
        return re.sub(r"[\s《》“”\"'、，,（）()〔〕\[\]—-]", "", s)

    return bool(key(a)) and (key(a) == key(b) or key(a).endswith(key(b)) or key(b).endswith(key(a)))


# (…2027年全市应急管理系统安全生产工作的总体要求是: the whole place and a system may stand between the year and the work)
RE_YEAR_PHRASE = re.compile(r"(?:做好|抓好|加强|开展|关于)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年(?:度)?"
                            r"(?:全(?:省|市|县|区|州|盟|旗))?(?:[\u4e00-\u9fff]{2,6}(?:系统|行业))?安全生产工作")


def _doc_metadata(lines: list[Line], paragraphs: list[str], source: str) -> dict:
    meta = {}
    for line in lines:
        for key, value in meta_fields(line.text) if line.kind == "meta" else ():
            meta[key] = normalize_punct(value)
    titles = [normalize_punct(l.text) for l in lines if l.kind == "title"]
    decrees = [m.group(1) for l in lines if l.kind == "decree" and (m := RE_DECREE.match(l.text))]
    if not titles and decrees:  # a decree is known by the rules it publishes
        titles = [normalize_punct(l.text) for l in lines if l.kind == "subtitle"]
    title = titles[0] if titles else meta.get("标题", "")
    shown = title  # what the notice itself shows: its id is keyed on that, never on a title found elsewhere
    # a notice whose text shows no title, saved under it (…关于开展2027年安全生产月活动的通知.txt, as a web page's
    # body copied into a file named by its headline is): the name is its title, read for issuer, year and genre
    attachment = "" if title else _attachment_title(lines)  # (an enclosure's own title: read below, after the id)
    named = "" if title or attachment else _file_name_title(source)
    title = title or named
    number = None
    for text in [l.text for l in lines if l.kind == "docnum"] + [meta.get("发文字号") or meta.get("文号", "")]:
        # (a number line in metadata's one written form: （沐）应急责改〔2027〕12号 keeps the place that says whose)
        if RE_DOCNUM.match(text or "") and (number := md.document_number(text)):
            break
    # (a web copy's title closing with its own number, …的通知（岱应急〔2027〕12号）, and no number line)
    number = number or md.title_number(title)
    # issuer: web metadata, the organ the title opens with, the signature, the document number;
    # the region a title opens with (青石县…方案) and the document number fill what the issuer
    # leaves open (市安委办 -> 临江市安全生产委员会办公室)
    issuer = meta.get("发文机关") or (title.split("关于")[0] if "关于" in title and not title.startswith("关于") else None)
    signed = [l.text.strip() for l in lines if l.kind == "issuer"]
    issuer = md.full_name(issuer, signed) if issuer else issuer
    if not issuer:
        issuer = md.issuer_from_title(title)
    if not issuer and decrees:
        issuer = decrees[0]  # 临江市人民政府令 -> 临江市人民政府
    if not issuer:
        # (minutes print their organ beside the date under the number: 某县安委会办公室　2027年4月10日)
        # (a place signing alone, 蓼湾区 over the date, is no organ: it gives the region, below)
        issuers = [(l.text.strip() if l.kind == "issuer" else l.text.split()[0], l.lineno) for l in lines
                   if (l.kind == "issuer" and not md.place_only(l.text)) or (l.kind == "date" and organ_and_date(l.text))]
        issuer = md.first_organs(issuers)
    # rules record the meeting that passed them or the decree that published them (under their title)
    adopted = [l.text for l in lines if l.kind == "adopted"]
    decreed = md.promulgation(adopted)
    if not issuer:  # a regulation names no issuer but the meeting that passed it
        issuer = md.issuer_from_adoption(adopted)
    if not issuer and decreed:  # …or the decree that published it (某市人民政府令第12号公布)
        issuer = decreed.organ
    if not issuer:  # a speech: the organ in the speaker's line (临江市人民政府副市长　周立新)
        issuer = next((m.group(1) for l in lines if l.kind == "signer" and (m := RE_SIGNER.match(l.text)) and m.group(1)), None)
    title_region = md.title_region(title)
    num_issuer, num_region, num_level = md.issuer_from_number(number, title_region)
    if title_region and num_region and not (num_region.startswith(title_region[:2]) or title_region.startswith(num_region[:2])):
        num_issuer = num_region = num_level = None  # a number's one-letter province guess loses to the title
    if not md.province_guess_fits(number, [l.text for l in lines if l.kind == "addressee"], paragraphs):
        num_issuer = num_region = num_level = None  # …and to a notice sent to townships, about 全县
    # …or, for an organ the title names bare (市安委办关于…), the place an issuer line (the header,
    # the signature 临江市安委办) names
    hint = title_region or num_region or next(
        (r for l in lines if l.kind == "issuer" and (r := md.split_region(l.text.strip())[0])), "")
    # a web page's 发布机构 (the organ that put it online) comes last: usually the issuer, but a
    # bureau's notice may be posted by the government office
    issuer = md.normalize_issuer(issuer or num_issuer or md.organ_opening_title(title) or meta.get("发布机构")
                                 or _imprint_issuer(lines) or None,
                                 region_hint=hint)
    region, level = md.issuer_region_level(issuer)
    # (a number's level is its organ's; a place the title or a signature names is on its own tier)
    hint_level = num_level if num_region and not title_region else md.region_level(hint) if hint else None
    if region is None and hint and md.hint_fits(level, hint_level):
        region, level = hint, hint_level
    genre = md.genre_of(title, paragraphs)
    # (a report goes up, to the city a county-level city belongs to: metadata reads the genre)
    level = md.county_level_city(region, level, [l.text for l in lines if l.kind == "addressee"], genre)
    level = md.county_remark(region, level, [title, meta.get("发文机关", "")] + [l.text for l in lines if l.kind == "issuer"])
    if level is None:
        level = md.level_from_body(paragraphs, title)  # (2027年全县…要点, unsigned: the title says whose)
    date = None
    for line in lines:
        if line.kind == "date":
            date = parse_date(line.text) or date
    if not date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("成文日期", "")):
        date = meta["成文日期"]
    if not date:
        date = parse_date(meta.get("成文日期", ""))
    if not number and decrees and issuer:
        number = _decree_number(issuer, lines)
    if not number and decreed:
        number = decreed.number
    date = date or (decreed.date if decreed else None)
    # (a web page showing only when it was put online: no signing date, but its year is the notice's when
    # nothing else names one)
    published = re.match(r"\s*((?:19|20)\d{2})", meta.get("发布日期", ""))
    year = (_year(md.year_text(title), number, paragraphs, date) or _printed_year(lines)
            or (int(published.group(1)) if published else None))
    if not number and not date and (fallback := md.title_fallback_year(title)):
        year = fallback  # “十五五”规划 -> 2026; a regulation's （2019年修订） (corpus/metadata.py)
    elif genre == "plan" and (period := md.title_fallback_year(md.year_text(title))):
        # a five-year plan's year is its period's first, whatever its date or number says: 澄河市“十五五”…规划 signed
        # 2025-12-22 is 2026's, a “十四五” plan signed in 2022 2021's (year_text drops an edition remark, so only the
        # period is read here; a notice about drafting the plan is no plan and keeps its own year)
        year = period
    # the id is keyed on what the notice itself shows (never on a title built below), so ids of
    # notices read before titles were built stay the same
    key = number or shown or f"{Path(source).name}#{year}"
    doc_id = f"{year or 'na'}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"
    built = False
    if not title:
        title = attachment
        if title:
            genre = md.genre_of(title, paragraphs)
        else:
            title, built = md.build_title(issuer, year, genre, paragraphs, Path(source).stem), True
    # _title_built/_paragraphs: for _inherit_issuer, removed before the Document is made
    # (_title_named: a title from the file name makes no text a notice: segment_text asks the text for structure)
    return dict(doc_id=doc_id, title=title, year=year, doc_number=number, issuer=issuer or None, date=date,
                region=region, level=level, genre=genre, _title_built=built, _title_named=bool(named),
                _paragraphs=paragraphs)


# a browser's or a mail client's suffix for a second download of one name: 通知(1).docx, 通知 - 副本.docx
_RE_DOWNLOAD_COPY = re.compile(r"\s*(?:[(（]\d{1,2}[)）]|-\s*副本(?:\s*[(（]\d{1,2}[)）])?)$")


def _file_name_title(source: str) -> str:
    """The file's name (of the last member: ``附件.zip!关于…的通知.docx``) where it reads as a notice's title
    (``clean.title_like``: …的通知, …实施方案, …工作要点), else ""."""
    name = source.replace("\\", "/").rsplit("!", 1)[-1].rsplit("/", 1)[-1]
    stem = _RE_DOWNLOAD_COPY.sub("", Path(name).stem if "." in name else name)
    stem = normalize_punct(stem.strip())
    return stem if len(re.findall(r"[\u4e00-\u9fff]", stem)) >= 6 and title_like(stem) else ""


def _decree_number(issuer: str, lines: list[Line]) -> str | None:
    """A decree's number: ``第20号`` under ``中华人民共和国应急管理部令`` -> ``应急管理部令第20号`` (the issuer's
    name as read, the number in Arabic figures as a document number is written)."""
    for line in lines:
        if line.kind == "decree" and RE_DECREE_NO.match(line.text):
            figure = re.search(rf"第\s*([\d{CN_NUM}]+)\s*号", line.text).group(1)
            return f"{issuer}令第{int(figure) if figure.isdigit() else cn_number(figure)}号"
    return None


RE_PRINTED_BY = re.compile(r"^\s*([\u4e00-\u9fff]{2,30}?)(办公室|办公厅)\s+((?:19|20)\d{2})\s*年.*印发\s*$")


def _imprint_issuer(lines: list[Line]) -> str | None:
    """The organ whose office prints the notice (版记 ``临江市应急管理局办公室　2027年6月3日印发``): an
    unsigned notice's last resort. A bureau's office prints the bureau's notices (it sends none of its
    own to the bureaus below); a government's office prints its own as well as the government's, so it
    names no issuer."""
    for line in lines:
        m = RE_PRINTED_BY.match(line.text) if line.kind == "printed" else None
        if m and RE_ISSUER.match(m.group(1)) and not m.group(1).endswith(("人民政府", "行政公署", "委员会")):
            return m.group(1)
    return None


def _printed_year(lines: list[Line]) -> int | None:
    """The year of the imprint's ``…2027年7月2日印发`` line: the year when nothing else names one (the
    printing date is not the signing date, so it gives no date)."""
    for line in lines:
        m = re.search(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发", line.text) if line.kind == "printed" else None
        if m:
            return int(m.group(1))
    return None


def _attachment_title(lines: list[Line]) -> str | None:
    """``附件：某省人民政府关于做好2014年安全生产工作的通知.doc``: a web page's download link that
    names the notice it carries."""
    for line in lines:
        if line.kind == "attachment":
            m = re.match(r"^\s*附件\s*[:：]?\s*(.+?)\.(?:docx?|pdf|wps)\s*$", line.text, re.I)
            if m and re.search(r"关于|通知|意见|要点|方案|预案", m.group(1)):
                return normalize_punct(m.group(1))
    return None


#: a year a title names in words, counted from the year the notice was signed: 明年 / 下一年度 the next, 今年 / 本年度 that
#: year, 去年 / 上一年度 the last (not 近年, 往年, 年度 alone: no one year)
_RELATIVE_YEAR = re.compile(r"(明年|来年|下一?年度|下一年|今年|本年度|去年|上一?年度|上一年)")
_RELATIVE_SHIFT = {"明": 1, "来": 1, "下": 1, "今": 0, "本": 0, "去": -1, "上": -1}


def _relative_year(title: str) -> int | None:
    """How many years after the signing year a title's year in words is (``明年`` 1, ``今年`` 0, ``去年`` -1), or None."""
    m = _RELATIVE_YEAR.search(title or "")
    return _RELATIVE_SHIFT[m.group(1)[0]] if m else None


def _year(title: str, number: str | None, paragraphs: list[str], date: str | None = None) -> int | None:
    """The year a notice is for: its title's, its number's, the year its body plans (做好2027年…) unless
    it is before the year the notice was signed, else the year it was signed; the year the body names most only for a notice with no date (a
    通告 signed in December names the next year's dates in its body: 自2028年1月1日起)."""
    body = "\n".join(paragraphs)
    for i, text in enumerate((title, number or "")):
        m = re.search(r"((?:19|20)\d{2})", text)
        if i == 1 and date and (shift := _relative_year(title)) is not None:
            # a title naming its year in words (关于做好明年元旦春节期间…的通知 signed 2027-12-18 is 2028's): counted
            # from the signing year, before the number's year (〔2027〕: when it was numbered, not what it is for)
            return int(date[:4]) + shift
        if m:
            # a notice numbered in December for the next year's work (〔2026〕, 为做好2027年元旦、春节
            # 期间…) is for the year its body plans (corpus/metadata.py's probe; genre3's file)
            plan = RE_YEAR_PHRASE.search(body) if i == 1 else None
            if plan and int(plan.group(1) or plan.group(2)) == int(m.group(1)) + 1:
                return int(m.group(1)) + 1
            return int(m.group(1))
    m = RE_YEAR_PHRASE.search(body)
    if m and not (date and int(m.group(1) or m.group(2)) < int(date[:4])):
        # (a body year before the signing year names what the notice looks back on, not its own year:
        # minutes signed in 2027 that heard 关于2026年全市安全生产工作情况的汇报 are 2027's)
        return int(m.group(1) or m.group(2))
    if date:
        return int(date[:4])
    years = Counter(re.findall(r"((?:19|20)\d{2})年", body))
    return int(years.most_common(1)[0][0]) if years else None


# --- clauses -------------------------------------------------------------------------------------
#: a character of a remark, or one bracket inside it: an agency's name may hold one (各县（市、区）人民政府,
#: 区住建局（区燃气办）)
_REMARK_CHAR = r"(?:[^（）()]|[（(][^（）()]{0,30}[)）])"
#: a province, city or county remark: ``（省应急厅、省公安厅等部门按职责分工负责）``,
#: ``（省安委办和各市、县人民政府负责。以下均需…）`` (a few words may follow its role word)
RE_AGENCY = re.compile(rf"[（(]\s*((?:省|市|县|国家|各级|负有|有关){_REMARK_CHAR}{{0,150}}?(?:负责|落实|配合|实施)[^（）()]{{0,20}}?)\s*[)）]")
#: a role remark of any organ (区, 乡, 镇, 街道, 团, 各县…): ``（区应急局牵头，区住建局配合）``; read when its
#: content has the form ``policytag.text`` masks for the matcher (``is_role_remark``: agency names, each
#: part ending in a role word, no instruction), so the two agree on what a remark is
RE_ROLE_REMARK = re.compile(rf"[（(]\s*(?:由\s*)?((?:(?!。){_REMARK_CHAR}){{2,160}}?{ROLE})\s*[)）]")
ARTICLE_LEVEL = 0.75  # 第X条: the article is the clause, whatever follows the number
# What makes a numbered line a sentence (a clause), not just a title: a deadline or a figure, or
# the verbs of an instruction (``（一）压实责任，6月底前完成清单编制`` has sub-items and is a clause)
RE_SENTENCE_MARK = re.compile(r"\d|(?<![重主需必纲提首概只])要(?![求点素害件])|应当|必须|确保|务必|力争|不得|严禁|前完成|底前|以前|之前|下列|如下"
                              r"|以下[\u4e00-\u9fff]{0,6}[：:]?$")  # …重点检查以下部位： introduces its list
# A title's period remark: ``（一）动员部署阶段（2027年3月底前）`` over the paragraph of that phase is a
# title (the phase and when it runs), not a sentence; its figures are no deadline of an instruction
# (a task's keyed deadline, ``2.开展危化品企业检查（完成时限：2027年8月底前）`` as a .docx task table's row reads, is no period:
# the row was a title over the paragraph after the table)
RE_PERIOD_REMARK = re.compile(rf"[（(](?!\s*{DEADLINE_KEY})[^（）()]*(?:19|20)\d{{2}}\s*年[^（）()]*[)）]$")
# …and an assessment's score remark: ``一、组织领导（10分）`` over its scored items is a title (the item and the
# points it carries), its figure no sentence
RE_SCORE_REMARK = re.compile(r"[（(]\s*(?:满分|共|计)?\s*\d{1,3}(?:\.\d)?\s*分\s*[)）]$")
# the year a section title is about (``三、2028年工作打算``, ``一、2026年工作回顾``): a figure that makes no sentence,
# unlike a deadline (``2027年底前``, ``2027年6月底前``: 年 followed by 底, a month or 内)
RE_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?(?![底前内初中\d])")
# ...and the month or quarter it is about (``一、5月份安全生产形势``, ``二、1—5月份事故情况``, ``（一）第2季度工作``, a monthly
# report's sections): a period, no deadline (``5月底前``, ``6月30日前``: no 份, no 季度)
RE_TITLE_PERIOD = re.compile(r"(?:\d{1,2}\s*[-—～至到]\s*)?\d{1,2}\s*月份|第\s*\d\s*季度")
# a question of a 政策解读 or 问答 (``一、问：为什么要制定《办法》？`` / ``问：…？`` over ``答：…``): the
# question is the context of its answer, which is the clause
# 问：…, （问）…, and a 解读's numbered question 问题一：… / 问题1：… / 问1：… (it was read as a paragraph of its own)
RE_QUESTION = re.compile(rf"^\s*(?:问\s*[：:]|[（(]?\s*问\s*[)）]|{NUMBERED_QUESTION})")
# a short lead line of its own (会议要求： / 会议议定： / 主要任务：), not a sentence (no 如下: 现通知如下： is one)
RE_LEAD = re.compile(r"(?!.*如下)[\u4e00-\u9fff]{2,8}\s*[：:]")
# a paragraph opening with its own lead: 区教育局：负责…… / 会议强调：……
RE_OWN_LEAD = re.compile(r"\s*[\u4e00-\u9fff]{2,16}[：:]")


# a post's name on a line of its own over its duties (a 党政领导干部安全生产责任清单: 县委书记 / 县长 / 分管安全生产工作的
# 副县长 / 其他县级领导干部, each over its 1.… items): a lead as an organ's name is; the post closes the line (no name
# after it, as a signer's 县长　韩某某 has), a short qualifier before it (分管…的, 乡镇（街道）党（工）委), its other name in
# brackets (乡镇长（街道办事处主任）) and its duties' name after it (县长安全生产职责); no word of a sentence (由分管
# 副县长任组长: who leads, not whose duties follow); a bounded pattern, one repeat, so the line's length keeps it linear
RE_POST = re.compile(r"(?!.*(?:由|(?<![主责])任|(?<!主)要|应(?!急)|须|是|为|对|向|请|将))[\u4e00-\u9fff（）()、“”]{0,18}?(?:书记|(?<![村社])(?:省|市|州|县|区|旗|乡|镇)长|主任|局长|厅长|部长|总监|"
                     r"负责人|领导干部|班子成员|分管领导|(?<!检查)组长|站长|所长)"
                     r"(?:[（(][\u4e00-\u9fff、]{1,12}[)）])?(?:的?(?:安全生产)?(?:工作)?(?:职责|责任)(?:清单)?)?\s*[：:]?")


def _is_lead(para: str, post: bool = True) -> bool:
    """Is ``para`` a line heading what follows it: a short lead (会议要求：), an organ's name alone or (``post``) a
    post's?"""
    line = para.strip()
    # (a post's line is short: a paragraph is not scanned for one)
    return bool(RE_LEAD.fullmatch(line) or RE_ISSUER.match(para) or post and len(line) <= 50 and RE_POST.fullmatch(line))


# an organ or unit a duty list gives duties to: a government organ (RE_ISSUER), or a unit that is none (县融媒体中心,
# 国网某县供电公司, 县总工会, 县气象站); bounded: a title's short name, read once
RE_UNIT = re.compile(r"[\u4e00-\u9fff（）()]{1,20}(?:中心|公司|工会|妇联|团委|站|所|院|队|署|集团)")
# a paragraph on the other members of a list of organs (其他成员单位按照各自职责，… / 其余县直部门要… / 其他有关单位…): it
# speaks for the list, as its closing line, not for the last organ listed
RE_OTHER_MEMBERS = re.compile(r"\s*(?:其他|其它|其余)(?:各)?(?:有关)?[\u4e00-\u9fff]{0,6}?(?:成员单位|单位|部门|机构)")


def _organ_frame(frame: "_Frame") -> bool:
    """Is ``frame`` an organ's line of a duty list: a lead (``县应急管理局`` alone), a bare heading or an item whose
    title is an organ's name (``15.县消防救援大队：负责…`` is named ``县消防救援大队``)?"""
    name = frame.name or (frame.title if frame.lead else "")
    return bool(name) and bool(RE_ISSUER.match(name) or RE_UNIT.fullmatch(name))


# a table's total row typed as text (``合计⇥⇥⇥40``, read ``合计40``, or cut at a phone's margin ``合计；40``): a sum of the
# rows above, no measure; it was a clause (a task or scoring table read by the reader drops it already)
RE_TOTAL_ROW = re.compile(r"\s*(?:合计|总计|小计|总分)\s*[；;：:]?\s*\d{1,5}(?:\.\d{1,2})?\s*分?\s*(?:[；;]\s*)*")
QUESTION_LEVEL = 9  # below every numbering: a question heads only the answer under it
# a 督导组's / 检查组's name alone on its line over its lines (``第三组`` / ``组长：…`` / ``成员：…`` / ``督导范围：…``), as a
# 督导检查方案 lists its groups: a title of those lines, as a group set on one line (``第一组：组长：…``) is one clause
_GROUP_NAME = rf"\s*第[{CN_NUM}\d]{{1,3}}(?:督导|检查|暗访|巡查|考核|指导|工作|核查|调研)?组\s*"
RE_GROUP = re.compile(rf"{_GROUP_NAME}[：:]?\s*")
RE_GROUP_LINE = re.compile(rf"{_GROUP_NAME}[：:]")  # a group set on one line, 第三组：组长：…: the sibling of one alone
RE_ANSWER = re.compile(r"^\s*(?:答\s*[：:]|[（(]?\s*答\s*[)）])")


#: what separates two agencies of a remark: 、 ， or 和 before an organ, outside brackets (a bracket holds
#: part of one name: 各县（市、区）人民政府, 各村（社区）)
RE_AGENCY_SEP = re.compile(r"(?:[、，,]|和(?=省|市|县|区|乡|镇|街道|国家|各))(?![^（()）]*[)）])")
#: 会同 / 联合 / 协同 between two organs of a remark (（县交通运输局会同县公安局负责）): the organs before it lead, those
#: after it support (as ``policytag.text.duty_agencies`` reads 会同 in a sentence); a role word after it is no organ
#: (（各部门协同配合）), and 联合/协同 divide only before an organ's place or 有关 (联合执法 is a task's word)
RE_TOGETHER_SEP = re.compile(r"(?<=.)(?:会同(?!负责|配合|落实|实施|牵头|参与|协助|协办)"
                             r"|(?:联合|协同)(?=省|市|县|区|乡|镇|街道|国家|各|有关))(?![^（()）]*[)）])")


def parse_agencies(remark: str) -> list[str]:
    """``省应急厅、省公安厅等部门分工负责`` -> ``["省应急厅", "省公安厅"]``."""
    remark = re.split(r"[。；]", remark)[0]  # "…负责。以下均需市、县政府负责，不再一一列出"
    body = re.sub(r"(?:按职责)?(?:分工)?(?:负责落实|负责|督促企业落实|督促落实|指导督促落实|落实|配合|实施)$", "", remark)
    body = re.sub(r"等(?:有关)?(?:成员单位|部门|单位)?(?:按职责)?(?:分工)?$", "", body)
    body = re.sub(r"(牵头|按职责)$", "", body)
    body = body.replace("市、县", "市县")  # "各市、县人民政府" is one agency
    parts = [p for together in RE_TOGETHER_SEP.split(body) for p in RE_AGENCY_SEP.split(together)]
    # （县应急局牵头，县自然资源局配合）: each organ without its role words, all of them (县应急局牵头负责 ->
    # 县应急局, not 县应急局牵头; …按照职责分工负责; and one role a part ends with before the remark's last:
    # …牵头，各县（市、区）人民政府负责落实 -> …人民政府)
    parts = [RE_ROLE_TAIL.sub("", p.strip()) for p in parts]
    return [p for p in parts if p]


#: the role words that may close an agency's part of a remark, in any run (牵头负责, 按照职责分工负责, 分别负责)
RE_ROLE_TAIL = re.compile(r"(?:按照?职责|分工|分别|牵头|配合|参与|协助|协办|协同|负责|落实)+$")


def _lists_in_sections(levels: list, paragraphs: list[str]) -> list:
    """``levels`` with each ``1.`` list that restarts inside an emergency plan's section (after ``2.1 区应急
    指挥部`` or ``4 附则`` and their paragraphs: ``1.…`` / ``2.…``) at ``NESTED_LIST_LEVEL``, under that section.
    ``1.`` shares level 3 with the bare ``2 组织体系``, so such a list closed the section: its items lost
    their heading path and its last item headed the sections after it. A list starts at 1 right after
    the section heading (or its paragraphs) and goes on while its numbers do; ``2.`` after ``1.2`` is
    ``1.``'s sibling as before (``1.`` › ``1.1``)."""
    out = list(levels)
    prev = None  # the last paragraph numbered at or above the list's level
    for i, level in enumerate(levels):
        if not level or level > NESTED_LIST_LEVEL:
            continue
        if level == 3 and RE_L3.match(paragraphs[i]) and prev is not None:
            number = heading_number(paragraphs[i], 3)
            section = levels[prev] in DECIMAL_LEVELS or (levels[prev] == 3 and not RE_L3.match(paragraphs[prev]))
            if (number == 1 and section) or (out[prev] == NESTED_LIST_LEVEL
                                             and number == heading_number(paragraphs[prev], 3) + 1):
                out[i] = NESTED_LIST_LEVEL
        prev = i
    return out


def _is_bare_heading(text: str, level: float) -> bool:
    """A title only (context for the clauses under it), not a clause of its own."""
    marker = level_match(text, level)
    if marker is None:  # (16.2.1 （…负责）: with its remark gone, the number alone no longer reads as one)
        return False
    rest = text[marker.end():].strip()
    if level == ARTICLE_LEVEL:
        return not rest  # an article is a provision, never a mere title
    if rest.rstrip()[-1:] in "？?" and not re.search(r"[。；！]", rest):
        return True  # 问：…？ / 一、为什么要出台《标准》？ states nothing; the answer under it does
    rest = RE_SCORE_REMARK.sub("", RE_PERIOD_REMARK.sub("", rest.strip()))
    if RE_SENTENCE_MARK.search(RE_TITLE_PERIOD.sub("", RE_TITLE_YEAR.sub("", rest.rstrip("。：")))):
        return False
    if "，" in rest and rest.endswith("。"):  # a sentence of several parts, closed: not a title
        return False
    if level in (0.4, 0.5, 0.6):  # 第一部分 总体要求, 第一章 总则
        return bool(re.fullmatch(r"[^。；！？，]{1,30}", rest))
    if level != int(level) and level not in (ROMAN_LEVEL, NESTED_LIST_LEVEL):  # decimal items (1.1): a title is a short phrase, not a sentence with a comma
        return bool(re.fullmatch(r"[^。；！？，]{1,20}[。：]?", rest))
    return bool(re.fullmatch(r"[^。；！？]{1,40}[。：]?", rest))


def _heading_title(text: str, level: float) -> str:
    """``（一）强化责任落实。各级…`` -> ``（一）强化责任落实``; an article's first 30 characters."""
    m = level_match(text, level)
    head, rest = text[: m.end()], text[m.end():]
    if RE_QUESTION.match(rest) or (rest.rstrip()[-1:] in "？?" and not re.search(r"[。；！]", rest)):
        return (head.strip() + rest.strip())[:80]  # 一、问：为什么要制定《办法》？ : the whole question is the title
    title = re.split(r"[。：；]", rest, maxsplit=1)[0].strip()
    if level == ARTICLE_LEVEL and len(title) > 30:
        title = title[:30] + "…"
    head = head.strip()
    if level not in (1, 2, 4) and head[-1:].isdigit() or (head and head[-1] in "章节条篇") or head.endswith("部分"):
        head += " "  # 1 总则, 1.1 编制目的, 第一章 总则, 第一部分 总体要求 (cleaning dropped the space)
    return (head + title).rstrip()  # 第一条 with nothing after it: no trailing space


@dataclass
class _Frame:
    level: float
    number: int
    title: str
    paragraphs: int = 0  # unnumbered paragraphs seen directly under this heading
    lead: bool = False  # a lead line (会议要求：) heading the paragraphs or items after it
    agencies: tuple[str, ...] = ()  # named by a bare heading's closing remark, for the clauses under it
    agency_roles: tuple[AgencyRole, ...] = ()  # ...and their roles
    leaf: bool = False  # a list's last sentence item: the paragraph after it is its parent's, not its own
    item: bool = False  # a numbered sentence (a clause), not a title: a box after it is no part of it
    name: str = ""  # a numbered heading's title without its number (15.县消防救援大队 -> 县消防救援大队)


#: the keys of a keyed remark that name agencies (``责任领导：`` names a person, not an agency)
RE_AGENCY_KEY = re.compile(REMARK_KEY)


def keyed_agencies(remark: str) -> list[str]:
    """``（牵头单位：县应急局；配合单位：县公安局、各乡镇）`` -> ``["县应急局", "县公安局", "各乡镇"]``:
    the agencies of a remark written with keys (work plans and their task tables); ``[]`` when
    ``remark`` does not start with a key or names no agency."""
    body = remark.strip()
    body = body[1:] if body[:1] in "（(" else body
    body = body[:-1] if body[-1:] in "）)" else body
    keys = list(RE_AGENCY_KEY.finditer(body))
    if not keys or keys[0].start() != 0:
        return []
    out: list[str] = []
    for m, nxt in zip(keys, keys[1:] + [None]):
        if re.search(r"领导|人\s*[：:]$", m.group(0)):
            continue
        value = body[m.end():nxt.start() if nxt else len(body)].strip(" ；;，,。")
        out.extend(a for a in parse_agencies(value) if a not in out)
    return out


def _agency_remarks(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, agencies) of each responsible-agency remark: the ``（省应急厅等部门负责）`` form
    and the keyed form ``（牵头单位：…；责任单位：…）`` (recognised by ``policytag.text.remark_spans``,
    which also keeps both from the cue matcher)."""
    found = [(m.start(), m.end(), parse_agencies(m.group(1))) for m in RE_AGENCY.finditer(text)]
    if may_have_remark(text):
        found = _with_role_remarks(text, found)
    if "：" in text or ":" in text:
        # the RE_AGENCY matches are sorted and disjoint, so the one starting last before b is the only
        # one that can overlap [a, b): a bisection, not a scan of all of them per remark (a paragraph
        # with thousands of remarks took quadratic time: tests/test_segment_properties.py)
        starts, ends = [s for s, _, _ in found], [e for _, e, _ in found]
        for a, b in remark_spans(text):
            k = bisect.bisect_left(starts, b)
            if text[a] in "（(" and not (k and ends[k - 1] > a):
                agencies = keyed_agencies(text[a:b])
                if agencies:
                    found.append((a, b, agencies))
        found.sort(key=lambda f: f[0])
    return found


def _with_role_remarks(text: str, found: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """``found`` (sorted, disjoint ``RE_AGENCY`` remarks) with the role remarks of other organs
    (``RE_ROLE_REMARK``) that overlap none of them, sorted."""
    extra = [(m.start(), m.end(), parse_agencies(m.group(1))) for m in RE_ROLE_REMARK.finditer(text)
             if is_role_remark(m.group(1))]
    if not extra:
        return found
    starts, ends = [s for s, _, _ in found], [e for _, e, _ in found]
    for a, b, agencies in extra:
        k = bisect.bisect_left(starts, b)  # (the one starting last before b is the only one that can overlap)
        if not (k and ends[k - 1] > a):
            found.append((a, b, agencies))
    return sorted(found, key=lambda f: f[0])


#: a task's unbracketed key entry after its sentence: ``…整改。责任单位：市应急管理局；完成时限：…``
RE_TASK_KEYS = re.compile(rf"(?:^|(?<=[。；;]))\s*{RE_AGENCY_KEY.pattern}[^。]*")


def _task_key_agencies(text: str) -> list[str]:
    """The agencies of a task's ``责任单位：…`` entries (a plan's task list puts them on lines of their
    own, which cleaning joins to the task). They stay in the text, where ``policytag.text`` keeps them
    from the cue matcher: cutting them would cut the ``完成时限：`` deadline that may follow."""
    if "：" not in text and ":" not in text:
        return []
    out: list[str] = []
    for m in RE_TASK_KEYS.finditer(text):
        out.extend(a for a in keyed_agencies(m.group(0)) if a not in out)
    return out


def remark_agencies(text: str) -> list[str]:
    """Every agency the responsible-agency remarks and ``责任单位：…`` entries of ``text`` name, in
    order, each once: what a notice clause's ``agencies`` holds, for a clause given as text alone."""
    out: list[str] = []
    for _, _, agencies in _agency_remarks(text):
        out.extend(a for a in agencies if a not in out)
    out.extend(a for a in _task_key_agencies(text) if a not in out)
    return out


def _without_closing_remark(text: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """``（二）整治老旧燃气管网（牵头单位：市住建局；配合单位：…）`` -> the heading without its closing
    responsible-agency remark, the agencies it names and their roles (``remark_roles``); ``(text, [], [])``
    when none closes it."""
    remarks = _agency_remarks(text)
    if remarks:
        a, b, agencies = remarks[-1]
        if not text[b:].strip(" \t。；;") and text[:a].strip():
            return text[:a].rstrip(), agencies, bracket_roles(text[a:b])
    return text, [], []


# --- the role of each agency a remark, a 责任单位： entry or a duty sentence names ---------------------------
#: a role in brackets after a name in a list (责任单位：县应急局（牵头）、县公安局): the one marked has it (and
#: ``inference.extract`` strips it from the name)
ROLE_MARK = re.compile(r"[（(](牵头|配合|参与|协助|协办|协同)[)）]$")
#: the role word closing a remark's part (…牵头, …配合, …按职责分工负责, …负责落实)
_PART_ROLE = re.compile(r"(牵头|配合|参与|协助|协办|协同)(?:负责)?$|(?:负责|落实|实施)$")
#: a part of a role remark: what a ，/；/, outside brackets ends (各县（市、区）人民政府 is one name), or a 、 after a role
#: word (县应急局牵头、县公安局配合)
_ROLE_PART_SEP = re.compile(r"(?:[，,；;]|(?<=牵头|配合|参与|协助|协办|负责|落实)、)(?![^（(]*[)）])")


def remark_roles(text: str) -> list[tuple[str, str]]:
    """(agency, role) of each agency the remarks and ``责任单位：…`` entries of ``text`` name (the spans
    ``remark_agencies`` reads), in order."""
    out: list[tuple[str, str]] = []
    for a, b, _ in _agency_remarks(text):
        out.extend(bracket_roles(text[a:b]))
    return out + task_key_roles(text)


def task_key_roles(text: str) -> list[tuple[str, str]]:
    """(agency, role) of a task's ``牵头单位：…；配合单位：…`` entries (``_task_key_agencies``' names)."""
    if "：" not in text and ":" not in text:
        return []
    return [pair for m in RE_TASK_KEYS.finditer(text) for pair in keyed_roles(m.group(0).strip())]


def bracket_roles(remark: str) -> list[tuple[str, str]]:
    """The (agency, role) pairs of a remark, its brackets optional: keyed (``牵头单位：…；配合单位：…``) or parts
    each ending in its role word (``市应急局牵头，市公安局、市交通运输局配合``; ``…按职责分工负责``: responsible)."""
    body = remark.strip()
    body = body[1:] if body[:1] in "（(" else body
    body = (body[:-1] if body[-1:] in "）)" else body).strip()
    if RE_AGENCY_KEY.match(body):
        return keyed_roles(body)
    out: list[tuple[str, str]] = []
    for part in _ROLE_PART_SEP.split(body.removeprefix("由")):
        m = _PART_ROLE.search(part.strip())
        role = ROLE_OF.get(m.group(1), RESPONSIBLE) if m and m.group(1) else RESPONSIBLE
        part = part.replace("按照职责", "按职责")
        together = RE_TOGETHER_SEP.search(part)
        if together:  # (A会同B负责: A leads, B supports; A会同B配合: both support)
            leads = parse_agencies(part[:together.start()])
            out.extend((name, SUPPORT if role == SUPPORT else LEAD) for name in leads)
            out.extend((name, SUPPORT) for name in parse_agencies(part[together.end():]))
            continue
        out.extend((name, role) for name in parse_agencies(part))
    return out


def keyed_roles(body: str) -> list[tuple[str, str]]:
    """``牵头单位：县应急局；配合单位：县公安局、各乡镇`` -> lead 县应急局, support the others (a key naming a person,
    ``牵头领导：``, is skipped, as ``keyed_agencies`` skips it)."""
    found = list(RE_AGENCY_KEY.finditer(body))
    out: list[tuple[str, str]] = []
    for m, nxt in zip(found, found[1:] + [None]):
        key = m.group(0)
        if re.search(r"领导|人\s*[：:]$", key):
            continue
        value = body[m.end():nxt.start() if nxt else len(body)].strip(" ；;，,。")
        role = ROLE_OF.get(key[:2], RESPONSIBLE)
        out.extend((name, role) for name in parse_agencies(value))
    return out


def agency_roles(names: list[str] | tuple[str, ...], pairs: list[tuple[str, str]]) -> tuple[AgencyRole, ...]:
    """``names`` (a clause's agencies, in order) each with its role: the first that ``pairs`` (what the remarks,
    entries and duty sentence read) give it; a name marked in its list (``县应急局（牵头）``) has the mark's role,
    under its own name and without the mark; a name no pair reads is ``responsible``."""
    if not names:
        return ()
    roles: dict[str, str] = {}
    for name, role in pairs:
        marked = ROLE_MARK.search(name) if name[-1:] in "）)" else None
        if marked:
            role = ROLE_OF[marked.group(1)]
            roles.setdefault(name[:marked.start()], role)
        roles.setdefault(name, role)
    return tuple(AgencyRole(n, roles.get(n, RESPONSIBLE)) for n in names)


def _clause_agencies(text: str, remarked: list[str], pairs: list[tuple[str, str]],
                     stack: list[_Frame]) -> tuple[tuple[str, ...], tuple[AgencyRole, ...]]:
    """A notice clause's agencies and their roles: those its cut remarks name (``remarked``, their roles ``pairs``),
    else its ``责任单位：…`` entries'; then those of the duty sentence closing it without brackets
    (``…。县应急局牵头负责，各乡镇配合。``: ``policytag.text.duty_agencies``, which ``extract_agencies`` reads too;
    the sentence stays in the text); else the nearest bare heading's above it (its closing remark's)."""
    own = list(remarked) or _task_key_agencies(text)
    if own and not remarked:
        pairs = task_key_roles(text)
    duty = duty_agencies(text)
    if duty:
        own += [n for n, _ in duty if n not in own]
        pairs = [*pairs, *duty]
    if own:
        return tuple(own), agency_roles(own, pairs)
    frame = next((f for f in reversed(stack) if f.agencies), None)
    return (frame.agencies, frame.agency_roles) if frame else ((), ())


#: a remark's deadline key (``（牵头单位：区应急局；完成时限：6月底前）``): what the task must meet by when
RE_DEADLINE_KEY = re.compile(DEADLINE_KEY)


def _split_at_agency_remarks(text: str) -> list[tuple[str, list[str], int, list[tuple[str, str]]]]:
    """Cut a paragraph after each responsible-agency remark: [(text, agencies, start offset, (agency, role) pairs
    of its remarks: ``bracket_roles``)]. A remark
    that also names the task's deadline (``（牵头单位：…；完成时限：2028年6月底前）``), or a deadline remark of
    its own after it (``（牵头单位：…）（完成时限：…）``), stays at the end of its piece, as ``责任单位：…``
    entries do (``_task_key_agencies``): cut out, the deadline was lost to the clause, its extraction
    and its annotators (or made a clause of its own); ``policytag.text.remark_spans`` still keeps the
    remark from the cue matcher and the learners."""
    pieces: list[tuple[str, list[str], int, list[tuple[str, str]]]] = []
    start = 0

    def run_on(end: int) -> None:  # the last piece runs on to ``end`` (its cut remark comes back with it)
        first = pieces[-1][2]
        pieces[-1] = (text[first:end].rstrip(" \t。；;，,"), pieces[-1][1], first, pieces[-1][3])

    inside: tuple[list[str], list[tuple[str, str]]] = ([], [])  # what the remarks inside the running sentence name
    # (（二）整治老旧燃气管网（牵头单位：…）年底前完成…: a remark right after an item's title closes the title)
    titled = m.end() if (m := _ITEM_TITLE.match(text)) else -1

    def named_inside(agencies: list[str], pairs: list[tuple[str, str]]) -> tuple[list[str], list[tuple[str, str]]]:
        return inside[0] + [x for x in agencies if x not in inside[0]], inside[1] + pairs

    for a, b, agencies in _agency_remarks(text):
        if not (a == titled or _closes_clause(text, a, b)):
            # (…会同市气象局（市水文中心配合）及时发布预警…: mid-sentence a remark closes nothing; it stays in the text, and
            # its agencies are the clause's)
            inside[0].extend(x for x in agencies if x not in inside[0])
            inside[1].extend(bracket_roles(text[a:b]))
            continue
        keep = RE_DEADLINE_KEY.search(text, a, b) is not None
        gap = text[start:a]
        if pieces and (not gap.strip() or _deadline_remarks_only(gap)):
            if keep or gap.strip():  # a second remark right after the first one (or a deadline between)
                run_on(b if keep else a)
            pieces[-1][1].extend(agencies)
            pieces[-1][3].extend(bracket_roles(text[a:b]))
        elif gap.strip():
            start += len(gap) - len(gap.lstrip(_SEPARATORS))  # (…督办（…）；开展…: the ； ends the task before)
            named, pairs = named_inside(agencies, bracket_roles(text[a:b]))
            pieces.append((text[start:b if keep else a].rstrip(), named, start, pairs))
        inside = ([], [])
        start = b
    if pieces and text[start:].strip(_SEPARATORS):
        start += len(text[start:]) - len(text[start:].lstrip(_SEPARATORS))
    tail = text[start:]
    if pieces and _deadline_remarks_only(tail):
        run_on(len(text))
    # (…及时报告（市应急管理局负责）。: the full stop closing the sentence after its remark is no clause)
    elif tail.strip(" \t。；，！？.;,!?") or not pieces:
        pieces.append((tail, inside[0], start, inside[1]))
    return pieces


#: what may follow a remark that closes its clause: the sentence's end (。；！？ or the paragraph's), or another
#: bracket (a second remark, a deadline remark: ``_split_at_agency_remarks`` reads those)
_CLAUSE_END = re.compile(r"[ \t\u3000]*(?:[。；;！!？?.（(]|$)")
_SENTENCE_ENDS = "。；;！!？?."
#: an item's number and title opening a paragraph, up to its first bracket (``（二）整治老旧燃气管网``, ``3.加强巡查``)
_ITEM_TITLE = re.compile(rf"\s*(?:[（(](?:{ITEM_NUMERAL}|\d{{1,2}})[)）]|(?:{ITEM_NUMERAL})[、．.]|\d{{1,2}}[、．.](?!\d))"
                         r"[^，,。；;：:（()）]{1,40}(?=[（(])")


def _closes_clause(text: str, start: int, end: int) -> bool:
    """Does the remark at ``text[start:end]`` close its clause (``…及时报告（市应急管理局负责）。``, or set after the
    sentence's full stop: ``…权责清单。（省级…部门负责）集中审批部门…``), not stand in the middle of a sentence
    (``…会同市气象局（市水文中心配合）及时发布预警…``, ``…（县公安局配合），发现…``)? (Looks at the characters next to
    the remark only: no search back.)"""
    before = start
    while before and text[before - 1] in " \t\u3000":
        before -= 1
    return (before and text[before - 1] in _SENTENCE_ENDS) or _CLAUSE_END.match(text, end) is not None


_SEPARATORS = " \t。；;，,"
_DEADLINE_REMARKS = re.compile(rf"(?:\s*[（(]\s*(?:{DEADLINE_KEY})[^（）()]*[）)])+")


def _deadline_remarks_only(text: str) -> bool:
    """Is ``text`` nothing but bracketed deadline remarks (``（完成时限：2028年11月底前）。``)?"""
    core = text.strip(" \t。；;，,")
    return bool(core) and _DEADLINE_REMARKS.fullmatch(core) is not None


RE_INLINE_L2 = re.compile(rf"(?<=[。；])[（(]({ITEM_NUMERAL})[)）]")


def split_inline_items(paragraphs: list[str]) -> list[str]:
    """Split a paragraph where the next sibling item starts mid-line (``…检查。（十六）创新…``).

    Only the expected next number counts, so references such as ``（一）`` inside a sentence
    are left alone.
    """
    return [piece for pieces in _inline_pieces(paragraphs) for piece in pieces]


def _inline_pieces(paragraphs: list[str]) -> list[list[str]]:
    """``split_inline_items``, as the pieces of each paragraph."""
    out: list[list[str]] = []
    last = 0
    for para in paragraphs:
        m = RE_L2.match(para)
        if m:
            last = item_number_value(m.group(1))
        pieces, start = [], 0
        for inline in RE_INLINE_L2.finditer(para):
            if item_number_value(inline.group(1)) == last + 1:
                pieces.append(para[start:inline.start()])
                start, last = inline.start(), last + 1
        pieces.append(para[start:])
        out.append([p for p in pieces if p])
    return out


# the answer of a Q&A set on its question's line (``一、问：…出台的背景是什么？答：近年来，…``): it opens right after
# the question's mark
RE_INLINE_ANSWER = re.compile(r"(?<=[？?])\s*(?=答\s*[：:])")


def _answer_apart(para: str) -> list[str]:
    """``[question, answer]`` where a question (``问：…？``, numbered or not) carries its answer on its own line, as a
    解读 typed one question and answer a paragraph sets them; else ``[para]``. Why: the whole line was one clause
    under no heading, its question merged into the answer, where an answer on a line of its own is read under its
    question (``RE_QUESTION``, ``_heading_title``). Only the first answer mark after a question mark splits."""
    level = heading_level(para)
    mark = level_match(para, level) if level else None
    if not RE_QUESTION.match(para[mark.end():] if mark else para):
        return [para]
    m = RE_INLINE_ANSWER.search(para)
    return [para[:m.start()].rstrip(), para[m.end():]] if m else [para]


# a paragraph that is a quotation whole (``“第十二条　餐饮等经营场所…。”``), or the first of several (its quote closed in a
# later one): no closing mark before its end, whose ” may be followed by 。 or ；
RE_WHOLE_QUOTE = re.compile(r"\s*“[^”]*(?:”[。；;]?)?\s*$")


def _body_paragraphs(joined: list[str], opening: dict[int, str]) -> tuple[list[str], dict[int, str]]:
    """The paragraphs of a document's body from its joined paragraphs (``opening``: index -> the title of the
    enclosure it opens): items set mid-line split off (``_inline_pieces``), an answer on its question's line set apart
    (``_answer_apart``), and a quotation that a line ending in a colon introduces joined to that line (a 修改决定's
    ``二、增加一条，作为第十二条：`` over ``“第十二条　…”``: the quoted text is the item's, as when typed on its line; the
    line was read as a heading over the quote, and a quoted article's 第X条 could open an article of its own).
    Returns the paragraphs and the index each enclosure starts at."""
    paragraphs: list[str] = []
    enclosure_starts: dict[int, str] = {}
    quoting = False  # the last paragraph holds a quotation not closed yet (an article of several 款 quoted)
    for i, pieces in enumerate(_inline_pieces(joined)):
        if i in opening:
            enclosure_starts[len(paragraphs)] = opening[i]
        for k, part in enumerate(part for piece in pieces for part in _answer_apart(piece)):
            # (an enclosure's first paragraph goes on no paragraph before it)
            if (paragraphs and not (k == 0 and i in opening) and RE_WHOLE_QUOTE.match(part)
                    and (quoting or _introduces_quote(paragraphs[-1]))):
                paragraphs[-1] += part.strip()
                quoting = "”" not in part
            else:
                paragraphs.append(part)
                quoting = False
    return paragraphs, enclosure_starts


def _introduces_quote(para: str) -> bool:
    """A line ending in a colon that is no lead-in of a list (``…如下：`` opens the items after it, each its own)."""
    return para.rstrip()[-1:] in "：:" and not RE_LEAD_IN.search(para)


RE_UNNUMBERED_TITLE = re.compile(r"[\u4e00-\u9fff]{2,12}")
#: …or a briefing's headline over its story (``县应急管理局举办安全生产月启动仪式``, ``石坪镇开展“安全生产月”宣传``):
#: longer, with digits, quotes or 、 but still no sentence mark; it opens with Chinese and ends a word
RE_HEADLINE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff0-9“”《》、·]{11,29}[\u4e00-\u9fff”》]")


def _unnumbered_titles(paragraphs: list[str], levels: list) -> set[int]:
    """The section titles of a body numbered nowhere (``总体要求`` / ``重点任务`` / ``保障措施``, set as
    Word headings or bold lines without a number): a short line of Chinese characters alone, no
    punctuation, each followed by a sentence. Two at least: one such line alone is no structure.

    Why: such titles read as clauses saying nothing (``重点任务``), and the sentences under them as
    preamble without a heading path. A body with any numbered heading keeps its numbering's reading
    (a short unnumbered line there is a paragraph, as before)."""
    if any(levels):
        return set()
    found = {i for i in range(len(paragraphs) - 1)
             if _title_line(paragraphs[i].strip())
             and not _title_line(paragraphs[i + 1].strip())
             and paragraphs[i + 1].strip()[-1:] in "。！？；："}
    return found if len(found) >= 2 else set()


def _title_line(text: str) -> bool:
    """A section title (2–12 characters) or a headline (13–31) with no sentence mark, alone on its line."""
    return bool(RE_UNNUMBERED_TITLE.fullmatch(text) or RE_HEADLINE.fullmatch(text))


def _table_row(para: str, closed: bool = False) -> bool:
    """A table's row read from tabs is its cells joined by ``；`` (clean._tabbed_tables): three cells at least, none
    empty, and no sentence end in any (a list of ``一是…；二是…；`` in a sentence ends in ``。``). ``closed``: a row of
    a ``.docx`` table (``corpus.tables._plain_row``), closed by one ``。``, where no cell holds a comma (a sentence's
    parts do), is one too (``_table_caption`` asks for two such rows alike: one is a sentence's list as well)."""
    if closed and para.endswith("。") and "，" not in para and "," not in para:
        para = para[:-1]
    cells = para.split("；")
    return len(cells) >= 3 and all(c.strip() for c in cells) and not RE_ROW_SENTENCE_END.search(para)


def _table_caption(para: str, following: str, after: str = "") -> tuple[str | None, str] | None:
    """(number, name) of ``para`` when it is a table's caption (``corpus.tables.table_caption``) over the table whose
    first row is ``following`` (the row after it ``after``): a row of cells, or a task table's first task as
    ``corpus.tables`` writes it (``1.开展…（完成时限：…）（牵头单位：…）``), else None."""
    captioned = table_caption(para)
    return captioned if captioned and (_table_row(following) or _closed_rows(following, after)
                                       or _task_row(following)) else None


#: a task table's row as ``corpus.tables._render`` writes it: its number (``1.``), its task, a keyed remark closing it
#: (``（完成时限：…）``, ``（牵头单位：…）``)
RE_TASK_NUMBER = re.compile(r"\s*\d{1,3}\.(?![\d（(])")
RE_TASK_KEY = re.compile(rf"\s*(?:{DEADLINE_KEY}|{REMARK_KEY})")


def _task_row(para: str) -> bool:
    """Is ``para`` a task table's row as ``corpus.tables`` writes it (a .docx task table's)? (Its last bracket only: no
    search back over the row.)"""
    row = para.rstrip().removesuffix("。")
    if not row.endswith(("）", ")")) or not RE_TASK_NUMBER.match(row):
        return False
    k = max(row.rfind("（"), row.rfind("("))
    return k > 0 and RE_TASK_KEY.match(row, k + 1) is not None


def _closed_rows(first: str, second: str) -> bool:
    """Are ``first`` and ``second`` two rows of a ``.docx`` table, each closed by ``。``, of as many cells?"""
    return (first.endswith("。") and _table_row(first, closed=True) and _table_row(second, closed=True)
            and first.count("；") == second.count("；"))


def _article_group_titles(paragraphs: list[str], levels: list) -> set[int]:
    """Chapter titles without a number in a body of articles (``总则`` / ``第一条…`` … ``附则`` /
    ``第五条…``, as some 实施细则 set them): a short line of Chinese characters alone right over a
    第X条. They read as chapters (第X章 without its number); without this ``附则`` was a clause, and the
    item before it took it for its child."""
    if sum(1 for level in levels if level == ARTICLE_LEVEL) < 2 or any(level == 0.5 for level in levels):
        return set()
    return {i for i in range(len(paragraphs) - 1)
            if not levels[i] and levels[i + 1] == ARTICLE_LEVEL and RE_UNNUMBERED_TITLE.fullmatch(paragraphs[i].strip())}


# A closing paragraph's form: it addresses everyone (各地各部门要高度重视…, 各街道、各有关部门要…) or appeals
# (让我们携起手来…, 安全生产，人人有责。): after the last item of a body, such a paragraph closes the
# whole text, not that item
RE_CLOSING = re.compile(r"^\s*(?:各[^。；！，要]{1,8}[、和及]?各[^。；！，要]{1,10}要|希望(?:各|全|广大)|请各)"
                        r"|让我们|携起手来|人人有责")


# A closing that re-addresses the audience (a speech's 同志们，…, a work report's 各位代表，…)
RE_VOCATIVE_OPEN = re.compile(r"^\s*(?:同志们|朋友们|各位代表|各位委员|同志们、朋友们)\s*[，,！!]")
# …or speaks of the text as a whole: names it (本通知, 本方案), sums it up (上述任务, 以上要求) or asks for it to be
# carried out locally (结合本地实际，制定实施方案)
RE_WHOLE_TEXT = re.compile(r"本(?:通知|方案|意见|要点|通告|决定|办法|预案|细则|计划|规划)|(?:上述|以上)(?:各项)?(?:任务|工作|要求|措施)"
                           r"|结合[^。；]{0,12}实际[^。；]{0,10}制定")


# …or sums up the items above (以上共需资金335万元，恳请…; 上述项目…): after an item that carries a sentence it
# speaks of the list, not of that item
# (or holds whoever breaks them to account: 如违反上述承诺，… / 凡违反以上规定的，… after a 承诺书's or rules' last item)
RE_SUMMING_UP = re.compile(r"^\s*(?:(?:如|若|凡|对)?(?:违反|未履行|不履行|未落实))?(?:以上|上述)")


# …or adds to the list as a whole (此外，对条文顺序作相应调整。 after a 修改决定's last change) or puts the text in force
# (本决定自2027年9月1日起施行。): after an item that carries a sentence, neither is that item's
RE_RIDER = re.compile(r"^\s*(?:此外[，,]|本(?:通知|决定|办法|方案|意见|规定|细则|通告|公告|预案|要点|计划|规则|条例)"
                      r"(?:自|从)[^。；]{0,30}(?:施行|实施|执行|生效))")


# …or holds to account whoever misses the list's deadline (逾期未整改或整改不到位的，我局将依法予以处罚。 after a 警示函's or
# 整改通知书's last demand; 拒不整改的，… ): a sanction on the list as a whole, after its last item closed by its full stop
# (short, 三、加强从业人员安全教育培训。, read as a title) or carrying a sentence, no paragraph of that item
RE_SANCTION = re.compile(r"^\s*(?:对|凡|如|若)?(?:逾期|拒不|到期)[^。；！]{0,30}的[，,]")


def _closes_text(para: str) -> bool:
    """After a title-only last item: does ``para`` close the whole text rather than go on with the item?"""
    return bool(RE_VOCATIVE_OPEN.match(para) or (RE_CLOSING.search(para) and RE_WHOLE_TEXT.search(para)))


def _closing_paragraphs(paragraphs: list[str], levels: list, enclosure_starts, sentence_item
                        ) -> tuple[set[int], set[int]]:
    """The paragraphs after the last numbered item of the body (or of an enclosure) that close the
    whole text, not that item. After an item that carries a sentence of its own, the first paragraph
    after it closes when it has a closing's form (``RE_CLOSING``) or re-addresses the audience
    (``RE_VOCATIVE_OPEN``). An item that is only a title heads its paragraphs: its first paragraph is
    its own, and a later one closes the text only when it re-addresses the audience or, addressing
    everyone, speaks of the text as a whole (``_closes_text``); an exhortation alone
    (各地各部门要高度重视……) stays the item's last paragraph. Why: an 倡议书's closing appeal, a plan's
    closing exhortation or a speech's 同志们，… read as part of the last item.

    Returns the closing paragraphs and, among them, those after a title-only item."""
    out: set[int] = set()
    after_title: set[int] = set()
    bounds = sorted({0, len(paragraphs), *enclosure_starts})
    for a, b in zip(bounds, bounds[1:]):
        numbered = [i for i in range(a, b) if levels[i]]
        if not numbered or numbered[-1] + 1 >= b:
            continue
        last = numbered[-1]
        if sentence_item(last):
            if (RE_CLOSING.search(paragraphs[last + 1]) or RE_VOCATIVE_OPEN.match(paragraphs[last + 1])
                    or RE_SUMMING_UP.match(paragraphs[last + 1]) or RE_RIDER.match(paragraphs[last + 1])
                    or RE_SANCTION.match(paragraphs[last + 1])):
                out.update(range(last + 1, b))
            continue
        if paragraphs[last].rstrip().endswith("。") and (RE_RIDER.match(paragraphs[last + 1])
                                                          or RE_SANCTION.match(paragraphs[last + 1])):
            # 三、删去第二十条第二款。 (short, read as a title) over 本决定自…起施行: an item closed by its full stop, and
            # the rider no paragraph of it (a section title, 四、附则, has no full stop and keeps its paragraph)
            out.update(range(last + 1, b))
            continue
        closing = next((k for k in range(last + 2, b) if _closes_text(paragraphs[k])), None)
        if closing is not None:
            out.update(range(closing, b))
            after_title.update(range(closing, b))
    return out, after_title


# a footnote's mark in the text, right after a word and before a mark or the paragraph's end: a circled number
# (行政处罚数①。, not an inline item's 做到①预警信息及时传达；②…), a superscript (许可证¹，) or a bracketed number
# (考核合格[1]。), as a Word or web page's footnote is copied
#: the mark, as groups (circled, superscript, bracketed): a reference and its footnote pair by them
_FOOTNOTE_MARK = rf"(?:([\u2460-\u2473])|([{SUPERSCRIPT_DIGITS}]{{1,2}})|\[(\d{{1,2}})\])"
RE_FOOTNOTE_REF = re.compile(rf"(?<=[\u4e00-\u9fff0-9A-Za-z”》）)]){_FOOTNOTE_MARK}(?=[。，；、：）)\s]|$)")
#: …and the footnote itself, opening with that mark (``① …`` / ``¹ 含瓶装燃气供应站点。`` / ``[1] 考核由…``)
RE_FOOTNOTE_OPEN = re.compile(rf"^\s*{_FOOTNOTE_MARK}")
#: a note under a list (``注：…`` / ``注1：…`` / ``注①：``)
RE_NOTE = re.compile(r"^\s*注\s*(?:\d{1,2}|[\u2460-\u2473])?\s*[：:]")


def _footnotes(paragraphs: list[str]) -> set[int]:
    """The paragraphs that open with a mark the text before them used as a footnote's mark
    (``…包括检查企业数、行政处罚数①。`` … ``①检查企业数按企业个数统计…``; ``许可证¹`` … ``¹ 含…``; ``合格[1]`` …
    ``[1] 考核由…``): the footnote, no item of a list and no paragraph of the item above it."""
    found: set[int] = set()
    referenced: set[tuple[str, str, str]] = set()
    for i, para in enumerate(paragraphs):
        m = RE_FOOTNOTE_OPEN.match(para)
        if m and m.groups("") in referenced:
            found.add(i)
        referenced.update(RE_FOOTNOTE_REF.findall(para))
    return found


def _notes_after_items(paragraphs: list[str], levels: list) -> set[int]:
    """The notes (``注1：燃气经营许可证由…核发。``) right after a list's item below the text's top level (a check
    item with no full stop, ``6.用户端燃气管道、阀门无锈蚀、无泄漏``): a note says nothing the item heads, so the item
    is a clause, no title over the note (the note stays the item's paragraph, as after a sentence item)."""
    top = min((lv for lv in levels if lv), default=None)
    return {i for i in range(1, len(paragraphs))
            if levels[i - 1] and levels[i - 1] > top and not levels[i] and RE_NOTE.match(paragraphs[i])}


def _ends_sentence_list(paragraphs: list[str], levels: list, i: int) -> bool:
    """``（一）某化工有限公司`` / ``1.罐区报警仪未定期检定。`` / ``2.动火作业票证未经审批。`` / ``责令整改：…`` /
    ``（二）…``: item ``i`` closes a sentence, the item before it is its sibling with no paragraph of its own
    (a list of one-sentence items), the one paragraph after it opens with its own lead, and the
    numbered line after that paragraph is no sibling of item ``i`` but its parent's (or there is none).
    That paragraph speaks for the whole list (the parent's paragraph), and item ``i`` is a clause like
    its siblings; read as a title (short, no sentence mark) it lost its text to the paragraph under it.
    Where a sibling follows (``10、深入开展专项整治。`` / ``煤矿：…`` / ``11、…``), or several keyed paragraphs
    (``13、做好重点灾种防范工作。`` / ``森林防火：…`` / ``水旱灾害：…`` / ``四、…``), they are the item's own."""
    level = levels[i]
    if not (0 < i < len(paragraphs) - 1 and levels[i - 1] == level and paragraphs[i].rstrip()[-1:] in "。；"
            and heading_number(paragraphs[i - 1], level) == heading_number(paragraphs[i], level) - 1
            and not levels[i + 1]):
        return False
    if _closes_semicolon_list(paragraphs, i):
        # 1.…； / 2.…； / 3.…。: the list is one sentence and item i its end; every paragraph after it up to
        # a heading above the list speaks for the whole list (an order's 依据…责令… / 如果不服本指令…)
        after = next((levels[k] for k in range(i + 1, len(levels)) if levels[k]), None)
        return after is None or after < level
    if not RE_OWN_LEAD.match(paragraphs[i + 1]):
        return False
    # one such paragraph: several keyed paragraphs under the item (煤矿：… / 危险化学品：…) are its sector list
    after = levels[i + 2] if i + 2 < len(levels) else None
    return i + 2 == len(levels) or (after is not None and after < level)


def _closes_semicolon_list(paragraphs: list[str], i: int) -> bool:
    """Item ``i`` ends in 。 and the sibling before it in ；: the close of a list written as one sentence."""
    return paragraphs[i].rstrip()[-1:] == "。" and paragraphs[i - 1].rstrip()[-1:] == "；"


# the ordinals that tell siblings apart (Ⅰ级响应 / Ⅱ级响应 / Ⅲ级响应, 一级 / 二级)
RE_ORDINAL = re.compile(r"[\u2160-\u216b一二三四五六七八九十0-9]+")
RE_PARA_LEAD = re.compile(r"\s*([^：:，。；（）()]{2,12})[：:]")


def _sibling_by_lead(para: str, frame: _Frame) -> bool:
    """``Ⅲ级响应：发生险情……`` after ``2.2.2 Ⅱ级响应`` (over its paragraph): a paragraph whose lead is
    the title of the item above with another ordinal is that item's sibling (a level written without
    its number), not a paragraph under it."""
    m = RE_PARA_LEAD.match(para)
    if not m or frame.lead or frame.level >= QUESTION_LEVEL:
        return False
    mark = level_match(frame.title, frame.level)
    name = frame.title[mark.end():].strip() if mark else ""
    lead = m.group(1).strip()
    return (lead != name and bool(RE_ORDINAL.search(lead))
            and RE_ORDINAL.sub("#", lead) == RE_ORDINAL.sub("#", name))


# how a notice's opening reads: its purpose or grounds (为…/根据…), the occasion (近日…/当前…), or what it
# sends (现将…印发给你们 / 现就…)
RE_PREAMBLE_OPEN = re.compile(r"^\s*(?:为|根据|按照|依据|依照|经|近[日期来年]|当前|目前|今年|入[夏冬春秋]|随着|鉴于|现将|现就)"
                              r"|制定本|现就|现将|特制定|(?:转发|印发)给"
                              # (…市安委办提醒您： over a letter's unnumbered tips: the lead-in to them, as …如下：)
                              r"|(?:提醒|提示|倡议|呼吁)(?:您|你们|大家|广大[^。；：:，,]{1,8})?(?:如下)?\s*[：:]\s*$")
# the covering sentence of a notice that sends a text (现将《…方案》印发给你们 / 转发给你们 / 下发给你们,
# 《…》已经县政府同意，现予印发), and a request to carry that text out standing as a paragraph of its own
# (请结合实际，认真贯彻落实。 / 请遵照执行。): the opening of the notice, its preamble (codebook §1 and rule 3)
RE_COVERING = re.compile(r"(?:印发|转发|下发)给?你们|现予以?(?:印发|转发|下发)|予以(?:印发|转发|下发)|现(?:印发|转发|下发)给")
# (a request may add what carrying it out should achieve: …认真抓好贯彻落实，确保各项任务落到实处。)
RE_CARRY_OUT = re.compile(r"\s*请[^。；！]{0,24}(?:贯彻落实|贯彻执行|遵照执行|认真执行|组织实施|抓好落实|执行)"
                          r"(?:[，,]\s*确保[^。；！，]{0,20}(?:落到实处|落地见效|取得实效))?\s*[。！]?\s*")
COVERING_WITHIN = 3  # a covering letter sends its text within its first paragraphs


def _covering_paragraph(paragraphs: list[str]) -> int:
    """The paragraph holding the covering sentence among the first few of a body with no structure, or -1.
    The paragraphs before it lead up to the text it sends (``汛期临近，…`` / ``方案已经县政府常务会议研究同意。``
    / ``现将《方案》印发给你们，``): the letter's opening, all of it preamble, though they do not open as an
    opening does. A paragraph with a lead of its own (``区应急管理局：负责…``) is a duty, no letter."""
    for i, para in enumerate(paragraphs[:COVERING_WITHIN]):
        if RE_OWN_LEAD.match(para):
            return -1
        if RE_COVERING.search(para):
            return i
    return -1


def _preamble_shaped(para: str, i: int, opening: bool) -> bool:
    """In a body with no structure, the first paragraph is the preamble when it reads as an opening
    (``RE_PREAMBLE_OPEN``; a 转发 notice's one paragraph too), not as a duty of its own
    (``区应急管理局：负责…``). While the paragraphs before it are the preamble (``opening``), a covering
    sentence or a request to carry the sent text out is too: a covering notice whose enclosure is not in
    the file (a web page linking it) read them as clauses, the same sentences before the enclosure as
    its preamble."""
    if RE_OWN_LEAD.match(para):
        return False
    if i == 0:
        return bool(RE_PREAMBLE_OPEN.search(para) or RE_COVERING.search(para))
    return opening and bool(RE_COVERING.search(para) or RE_CARRY_OUT.fullmatch(para))


def segment_document(doc: Document, paragraphs: list[str],
                     enclosure_starts: dict[int, str] | set[int] | frozenset = frozenset()) -> list[Clause]:
    """Paragraphs of one document -> clauses with heading paths, agencies and spans into doc.text.

    At an index in ``enclosure_starts`` an enclosure begins (``附件`` and its title after the body):
    the headings of the body above are no context of its clauses, and its opening paragraphs are
    its preamble. Where ``enclosure_starts`` maps each start to the enclosure's title, a task table's
    title (``重点任务分工表``, ``督办事项清单``: _task_table_title) heads every clause of it: it is the
    first step of their heading paths (clause ids stay as they were: the title is no numbered frame)."""
    titles_at = enclosure_starts if isinstance(enclosure_starts, dict) else {}
    table_path: tuple[str, ...] = ()  # the task table the paragraphs are rows of, if any
    clauses: list[Clause] = []
    stack: list[_Frame] = []
    root = _Frame(0, 0, "")
    offset = 0
    seen_heading = False
    levels = _lists_in_sections([heading_level(p) for p in paragraphs], paragraphs)
    footnotes = _footnotes(paragraphs)
    notes = _notes_after_items(paragraphs, levels)
    for i in footnotes:
        levels[i] = None  # a footnote is no item: ① under 2.… was read as that item's sub-item
    titles = _unnumbered_titles(paragraphs, levels)
    chapters = _article_group_titles(paragraphs, levels)
    # 前言 / 结束语: a plan's preface and closing words, each a section of its own outside the numbering
    prefaces = {i for i, p in enumerate(paragraphs[:-1]) if not levels[i] and RE_PREFACE.fullmatch(p.strip())}
    used_ids: set[str] = set()
    questions = leads = groups = 0
    opening = True  # every paragraph so far is the preamble
    caption: str | None = None  # the table caption heading the rows read now (_table_caption)
    closed_rows = task_rows = False  # ...and whether its rows are closed by 。 (a .docx table's), or tasks

    def sentence_item(i: int) -> bool:
        titled = _without_closing_remark(paragraphs[i])[0]
        return (levels[i] not in _GROUP_LEVELS and i not in prefaces
                and not _is_bare_heading(titled, levels[i]))

    closings, titled_closings = _closing_paragraphs(paragraphs, levels, enclosure_starts, sentence_item)
    closings -= prefaces
    # a body with no structure at all (no numbering, no section title, no …如下： lead-in: a 责任清单 of
    # 区应急管理局：负责…, a short 通告): only an opening that reads as one is its preamble (§1: where
    # there is no numbering each paragraph is a clause); it was every paragraph
    unstructured = (set() if any(levels) or titles or chapters or prefaces
                    or any(RE_LEAD_IN.search(p) for p in paragraphs) else set(range(len(paragraphs))))
    covering = _covering_paragraph(paragraphs) if unstructured else -1
    for i, para in enumerate(paragraphs):
        start = offset
        offset += len(para) + 1  # paragraphs are joined by "\n" in doc.text
        level = levels[i]
        if not level and RE_TOTAL_ROW.fullmatch(para):
            continue  # (no clause: its offset is kept, the spans of the clauses after it stay right)
        if i in enclosure_starts:
            stack, seen_heading = [], False
            table_path = tuple(filter(None, [_task_table_title(titles_at.get(i))]))
        if (not level and i + 1 < len(paragraphs) and RE_QUESTION.match(para)
                and RE_ANSWER.match(paragraphs[i + 1])):
            # 问：…？ over 答：… (a 政策解读 without numbers): the question heads its answer, below any
            # numbered heading, until the next question or heading
            seen_heading = True
            while stack and stack[-1].level >= QUESTION_LEVEL:
                stack.pop()
            questions += 1
            stack.append(_Frame(QUESTION_LEVEL, questions, para.strip()[:80]))
            continue
        if not level and i + 1 < len(paragraphs) and not levels[i + 1] and RE_GROUP.fullmatch(para):
            # 第三组 over 组长：… / 成员：…: the group heads its lines until the next group or heading (its 组长： is
            # no sibling lead of it, as 区教育局：… is of 区公安分局 below)
            seen_heading = True
            while stack and stack[-1].level >= QUESTION_LEVEL:
                stack.pop()
            groups += 1
            stack.append(_Frame(QUESTION_LEVEL, groups, para.strip().rstrip("：:")))
            continue
        if not level and stack and RE_GROUP_LINE.match(para) and RE_GROUP.fullmatch(stack[-1].title):
            stack.pop()  # 第三组：组长：… after 第二组's lines: no line of that group
        if not level and stack and RE_OWN_LEAD.match(para) and any(f.lead for f in stack):
            # 区教育局：负责…… after 区公安分局 / 负责……: a paragraph with its own lead is a sibling of the
            # lead line before it, not under it
            while stack and not stack[-1].lead:
                stack.pop()
            stack.pop()
        # (a post's name read as a section title without a number already, 总指挥 / 办公室主任 over sentences in a body
        # of such titles, stays one: its sibling titles are no leads)
        if (not level and i + 1 < len(paragraphs) and _is_lead(para, post=i not in titles)
                and not _is_lead(paragraphs[i + 1])):
            # 会议要求： / 会议议定： or an organ's name (县应急管理局, a duty list) on a line of its own over
            # the paragraphs or items it introduces: a title of what follows (a clause saying nothing),
            # until the next such line or a heading above the items it heads
            seen_heading = True
            nxt = levels[i + 1]
            lead_level = nxt - 0.01 if nxt else QUESTION_LEVEL
            if any(f.lead for f in stack):  # the next lead of a list of them: a sibling of the last
                while not stack.pop().lead:
                    pass
            while stack and stack[-1].level >= lead_level:
                stack.pop()
            leads += 1
            stack.append(_Frame(lead_level, leads, para.strip().rstrip("：:"), lead=True))
            continue
        if caption and not (_task_row(para) if task_rows else not level and _table_row(para, closed_rows)):
            # the caption heads its table's rows only: a paragraph after the table is no row of it (nor of the last
            # task's, a .docx task table's rows being numbered items)
            if any(f.title == caption for f in stack):
                while stack.pop().title != caption:
                    pass
            caption = None
        if not level and i + 1 < len(paragraphs) and (captioned := _table_caption(
                para, paragraphs[i + 1], paragraphs[i + 2] if i + 2 < len(paragraphs) else "")):
            task_rows = _task_row(paragraphs[i + 1])  # (a .docx task table's tasks, numbered items)
            closed_rows = not task_rows and not _table_row(paragraphs[i + 1])  # (a .docx table's rows, closed by 。)
            # 主要指标 / 表1 安全生产主要指标 alone over a table's rows (a plan's indicator table set without a 专栏), or any
            # table's caption (表1  重点行业领域专项整治任务分解表, …隐患整改清单): the caption heads the rows as a box's
            # name does, until the table ends (it was a clause saying nothing, and its rows lost their table's name)
            seen_heading = True
            nxt = levels[i + 1]
            while stack and stack[-1].item:
                stack.pop()
            number, name = captioned
            caption = f"{number.replace(' ', '')} {name}" if number else name  # 表1 …, as 专栏1 …
            stack.append(_Frame(nxt - 0.01 if nxt else QUESTION_LEVEL, i + 1, caption))
            continue
        if not level and i + 1 < len(paragraphs) and (box := RE_BOX.match(para)):
            # a box set in a plan's section lists projects beside the items: it closes the item before it
            # (its projects are no sub-items of that item; the section titles above stay) and holds the
            # lines under it until a heading numbered above them (the section's next item, the next 第X节)
            seen_heading = True
            nxt = levels[i + 1]
            while stack and stack[-1].item:
                stack.pop()
            stack.append(_Frame(nxt - 0.01 if nxt else QUESTION_LEVEL, i + 1,
                                f"专栏{box.group(1)} {box.group(2)}".replace("专栏 ", "专栏")))
            continue
        if i in prefaces:  # the section closes every heading before it; any numbered heading closes it
            seen_heading = True
            stack = [_Frame(QUESTION_LEVEL, i + 1, para.strip(), lead=True)]
            continue
        if i in chapters:  # 总则 / 附则 over 第X条: a chapter without its number
            seen_heading = True
            while stack and stack[-1].level >= 0.5:
                stack.pop()
            stack.append(_Frame(0.5, sum(1 for t in chapters if t <= i), para.strip()))
            continue
        if i in titles:  # 总体要求 / 重点任务: a section title without a number, context of what follows
            seen_heading = True
            stack = [_Frame(1, sum(1 for t in titles if t <= i), para.strip())]
            continue
        if level:
            seen_heading = True
            number = heading_number(para, level)
            while stack and stack[-1].level >= level:
                stack.pop()
            frame = _Frame(level, number, _heading_title(para, level))
            if mark := level_match(frame.title, level):
                frame.name = frame.title[mark.end():].strip()
            stack.append(frame)
            # a short heading is only a title when something sits under it; a short item followed
            # by a sibling (1.1 … 1.2 …) or by the end is a clause of its own
            nxt = levels[i + 1] if i + 1 < len(paragraphs) else 0
            # (the paragraph opening the next enclosure is no child of the last item before it)
            has_children = (i + 1 < len(paragraphs) and (nxt is None or nxt > level) and i + 1 not in enclosure_starts
                            and i + 1 not in chapters and i + 1 not in prefaces and i + 1 not in footnotes
                            and i + 1 not in notes)
            if has_children and nxt is None and any(f.lead for f in stack) and _is_lead(paragraphs[i + 1]):
                has_children = False  # the next organ's line of a duty list closes this one's items
            if has_children and nxt is None and level > ARTICLE_LEVEL and any(f.level == ARTICLE_LEVEL for f in stack[:-1]):
                has_children = False  # an article's sub-item (项) holds no paragraph: the one after it is a 款
            if has_children and nxt is None and RE_OTHER_MEMBERS.match(paragraphs[i + 1]) and any(map(_organ_frame, stack)):
                # 2.县交通运输局：负责…。 (or 县公安局 / 1.负责…。) over 其他成员单位…: the list's closing line, not a
                # paragraph under the item (the item, read as its title, was no clause)
                has_children = False
            if has_children and i + 1 in closings and i + 1 not in titled_closings:
                has_children = False  # the paragraph after it closes the whole text (a rider): none of the item's
            if has_children and nxt is None and _ends_sentence_list(paragraphs, levels, i):
                has_children, frame.leaf = False, True  # 2.未持证上岗。 / 责令整改：… (its parent's paragraph)
            titled, remark_agencies, remark_pairs = _without_closing_remark(para)
            if _is_bare_heading(titled, level) and has_children:
                # （一）加强餐饮场所燃气安全管理（市住建局牵头，…配合） over its tasks: a title whose
                # remark names the agencies of every clause under it that names none of its own
                frame.title, frame.agencies = _heading_title(titled, level), tuple(remark_agencies)
                frame.agency_roles = agency_roles(remark_agencies, remark_pairs)
                continue
            frame.item = True
            base = "-".join(str(f.number) for f in stack)
            path = tuple(f.title for f in stack[:-1])
        else:
            if i in closings and i not in titled_closings:
                stack = []  # the closing of the whole text: no heading above it
            elif i in footnotes:
                while stack and stack[-1].item:
                    stack.pop()  # a footnote belongs to the section it stands in, not to the item above it
            elif stack and stack[-1].leaf:
                stack.pop()  # after a list's last sentence item: its parent's paragraph
            elif i and stack and stack[-1].item and levels[i - 1] and _task_row(paragraphs[i - 1]):
                # after a task table's last task (a .docx table's, 1.…（完成时限：…）（牵头单位：…）): the paragraph
                # after the table is its section's, no paragraph of that task (its keyed remark closed it)
                while stack and stack[-1].item:
                    stack.pop()
            elif stack and _sibling_by_lead(para, stack[-1]):
                stack.pop()
            elif RE_OTHER_MEMBERS.match(para) and any(_organ_frame(f) for f in stack):
                # 其他成员单位按照各自职责，… after ``15.县消防救援大队：负责…``: the list's closing line, under the
                # list's parent (it was read as a paragraph of the last organ's duties)
                while not _organ_frame(stack.pop()):
                    pass
            elif stack and stack[-1].level > ARTICLE_LEVEL and any(f.level == ARTICLE_LEVEL for f in stack):
                # 有前款规定情形之一的，…… after 第X条's last （二）…。: the article's next paragraph (款), not
                # a paragraph of that sub-item (项 hold no paragraphs)
                while stack[-1].level > ARTICLE_LEVEL:
                    stack.pop()
            parent = stack[-1] if stack else root
            parent.paragraphs += 1
            base = "-".join([str(f.number) for f in stack] or ["0"]) + f"-p{parent.paragraphs}"
            # a closing after a title-only item has no heading; it keeps the id it had as the item's last
            # paragraph (ids key the gold labels of the corpus: the 2016 notice has one)
            path = () if i in titled_closings else tuple(f.title for f in stack)
        kind = ("preamble" if not seen_heading and (i not in unstructured or i <= covering or _preamble_shaped(para, i, opening))
                else "clause")
        opening = opening and kind == "preamble"
        if not level and RE_LEAD_IN.search(para):
            # …现就有关事项通告如下： closes the preamble: the paragraphs after it are the provisions
            # (a 通告 or minutes numbered nowhere has no heading to say so)
            seen_heading = True
        pieces = _split_at_agency_remarks(para)
        for k, (text, agencies, rel, pairs) in enumerate(pieces, start=1):
            agencies, roles = _clause_agencies(text, agencies, pairs, stack)
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            if not text:
                continue
            suffix = f".{k}" if len(pieces) > 1 else ""
            clause_id = f"{doc.doc_id}-{base}{suffix}"
            if clause_id in used_ids:  # a numbering mistake in the notice (一、 twice): keep ids unique
                clause_id += f"~{sum(1 for u in used_ids if u.startswith(clause_id)) + 1}"
            used_ids.add(clause_id)
            # later pieces of a numbered item keep the item's title as context (codebook rule 13)
            piece_path = path + (stack[-1].title,) if level and k > 1 else path
            clauses.append(Clause(
                doc_id=doc.doc_id, clause_id=clause_id, heading_path=table_path + piece_path, text=text,
                kind=kind, agencies=agencies, span=(start + rel + lead, start + rel + lead + len(text)),
                year=doc.year, issuer=doc.issuer, region=doc.region, level=doc.level, genre=doc.genre,
                title=doc.title or None, agency_roles=roles,
            ))
    return clauses


# --- whole files ---------------------------------------------------------------------------------
# the scripts an autonomous region's bilingual notice sets each paragraph in before (or after) its Chinese: Tibetan,
# Arabic (Uyghur, Kazakh), Mongolian, Hangul (Korean), Yi. (Latin is left alone: Zhuang, pinyin, English names.)
_OTHER_SCRIPT = "\u0f00-\u0fff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc\u1800-\u18af\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\ua000-\ua4cf"
RE_OTHER_SCRIPT = re.compile(f"[{_OTHER_SCRIPT}]")
RE_HAN = re.compile(r"[\u4e00-\u9fff]")


def _translated_line(line: str) -> bool:
    """A line in another script than Chinese (more of its letters Tibetan, Uyghur, Mongolian, Korean or Yi than
    Chinese): a bilingual notice's rendering of the Chinese beside it, no text of its own."""
    return len(RE_OTHER_SCRIPT.findall(line)) > len(RE_HAN.findall(line))


def _without_translations(text: str) -> str:
    """The text without a bilingual notice's lines in another script (``_translated_line``); a text with none (one
    search over it, no line split) comes back as it was."""
    if not RE_OTHER_SCRIPT.search(text):
        return text
    return "\n".join(s for s in text.split("\n") if not (RE_OTHER_SCRIPT.search(s) and _translated_line(s)))


#: a portal page's info line under its headline: when it was put online, by whom (发布时间：… 来源：… 浏览次数：…)
RE_PAGE_INFO = re.compile(r"\s*[【\[]?(?:发布时间|发布日期|日期|时间|来源|信息来源|文章来源|发布机构|作者)\s*[：:]")
RE_NEWS_HEADLINE = re.compile(r"[\u4e00-\u9fff“”《》（）0-9０-９·—、\s]{8,40}")
#: one key of a page's info line and its value (up to the next key): 来源 is the organ that put the page online,
#: 发布时间 when (``发布时间：2027-04-12 10:35　来源：澜川县应急管理局　浏览次数：126``)
_INFO_FIELD = re.compile(r"(发布时间|发布日期|日期|时间|来源|信息来源|文章来源|发布机构|作者|浏览次数|点击数|阅读量)\s*[：:]")
_INFO_AS_META = {"来源": "发布机构", "信息来源": "发布机构", "文章来源": "发布机构", "发布机构": "发布机构",
                 "发布时间": "发布日期", "发布日期": "发布日期", "日期": "发布日期", "时间": "发布日期"}


def _page_info_meta(line: Line) -> list[Line]:
    """A news page's info line (kind ``url``) as the web metadata the notice reader reads: its 来源 / 信息来源 as the
    ``发布机构`` (the organ that put the page online: the issuer where nothing else names one) and its 发布时间 as the
    ``发布日期`` (the year where nothing else gives one; no signing date). Before, both were dropped with the line, and
    the article had no issuer and no year (tests/data/metadata24 n01–n03)."""
    out = []
    for word, value in info_fields(line.text, _INFO_FIELD):
        key = _INFO_AS_META.get(word)
        if key == "发布机构" and INFO_ORGAN.fullmatch(value):
            out.append(replace(line, kind="meta", text=f"发布机构：{value}"))
        elif key == "发布日期" and (date := INFO_DATE.search(value)):
            out.append(replace(line, kind="meta", text=f"发布日期：{date.group(0)}"))
    return out


def _portal_headline(lines: list[Line]) -> list[Line]:
    """A news article copied from a portal (``澜川县召开2027年第二季度安全生产工作会议`` over ``发布时间：… 来源：…``): its
    headline names no genre (no 通知, no 方案), so it was read as text and the article as a text with no title (no
    notice at all). The first line, a headline (no sentence in it; a phone's copy sets it over two lines) right over
    the page's info line, is the title; the info lines under it are its web metadata (``_page_info_meta``). The
    .txt reader already made the info line a ``发布日期：…`` meta line (corpus/readers.py): that is one too."""
    filled = [k for k, line in enumerate(lines[:4]) if line.kind != "blank"]
    for size in (1, 2):
        if len(filled) <= size or filled[0] != 0 or filled[size - 1] != size - 1:
            return lines
        head, at = lines[:size], filled[size]
        text = "".join(line.text.strip() for line in head)
        if (_page_info(lines[at]) and all(line.kind == "text" for line in head)
                and RE_NEWS_HEADLINE.fullmatch(text) and heading_level(text) is None):
            end = at
            while end < len(lines) and (_page_info(lines[end]) or lines[end].kind in ("url", "blank")):
                end += 1
            info = [m for line in _info_lines_joined(lines[at:end]) for m in _page_info_meta(line)]
            kept = [line for line in lines[at:end] if line.kind != "url"]
            return [replace(head[0], kind="title", text=text)] + lines[size:at] + info + kept + lines[end:]
    return lines


def _info_lines_joined(lines: list[Line]) -> list[Line]:
    """The info lines (kind ``url``) of a page's info block, each with the lines that go on with it (a phone's copy cuts
    ``发布时间：… 来源：澜川`` / ``县应急管理局　浏览次数：126``: a line opening with no key goes on with the one above)."""
    out: list[Line] = []
    for line in lines:
        if line.kind != "url":
            continue
        if out and not RE_PAGE_INFO.match(line.text):
            out[-1] = replace(out[-1], text=out[-1].text + line.text.strip())
        else:
            out.append(line)
    return out


def _page_info(line: Line) -> bool:
    """Is ``line`` a portal page's info line: as pasted (kind ``url``), or as the .txt reader rewrote it
    (``发布日期：2027-04-12`` / ``发布机构：澄河市应急管理局``, kind ``meta``)?"""
    return ((line.kind == "url" and RE_PAGE_INFO.match(line.text) is not None)
            or (line.kind == "meta" and line.text.lstrip().startswith(("发布日期", "发布机构"))))


def segment_text(text: str, source: str) -> list[tuple[Document, list[Clause]]]:
    """All notices in one file's text; raises ReadError when no notice structure is found.

    Traditional Chinese is converted to simplified first (``corpus.script``), so documents and
    clauses of a traditional notice carry simplified text.
    """
    from .script import to_simplified

    text, _ = to_simplified(text)
    text = _without_translations(text)
    parsed = []
    classified = _portal_headline(classify_lines(text))
    for doc_lines in split_documents(classified):
        joined, opening = [], {}  # opening: the paragraphs an enclosure starts with -> the enclosure's title
        runs = _body_runs(doc_lines)
        texts = [[line.text for line in run] for run, _ in runs]
        margins = [wrap_margin(run) for run in texts]  # each run's own, read once
        page = _page_margin(texts, margins)
        for (run, enclosure_title), run_texts, margin in zip(runs, texts, margins):
            run_paragraphs = [q for q in (normalize_punct(p) for p in
                                          join_paragraphs(run_texts, margin, page, [line.indent for line in run])) if q]
            if enclosure_title is not None and run_paragraphs:
                opening[len(joined)] = enclosure_title
            joined.extend(run_paragraphs)
        paragraphs, enclosure_starts = _body_paragraphs(joined, opening)
        meta = _doc_metadata(doc_lines, paragraphs, source)
        structured = ((meta["title"] and not meta["_title_built"] and not meta["_title_named"]) or meta["doc_number"]
                      or any(heading_level(p) for p in paragraphs))
        if structured:
            parsed.append((meta, paragraphs, enclosure_starts))
    _inherit_issuer([m for m, _, _ in parsed], source)
    results = []
    for meta, paragraphs, enclosure_starts in parsed:
        doc = Document(source=source, text="\n".join(paragraphs), **meta)
        clauses = segment_document(doc, paragraphs, enclosure_starts)
        if clauses:
            results.append((doc, clauses))
    titles = [line.text for line in classified if line.kind == "title"]
    if not results and titles:
        # a title with nothing under it but a signature (a notice whose body was lost, or a cover page)
        raise ReadError(source, f"no clause text under the title {titles[0]}: nothing to segment or tag")
    if not results:
        raise ReadError(source, "no recognisable notice structure (no title, document number or numbered items)")
    _dedupe_doc_ids(results)
    return results


# (attendance and contact lines are dropped but close nothing: a body may go on after them)
SEPARATOR_KINDS = {"subtitle", "title", "issuer", "date", "docnum", "addressee", "publish", "printed", "contact", "seal",
                   "attendance", "signer", "decree"}


def _page_margin(runs: list[list[str]], margins: list[int | None]) -> int | None:
    """The margin a document's text was wrapped at: that of its longest run of lines wrapped at a fixed
    width (``margins``: each run's ``clean.wrap_margin``); None when no run shows a cut (a web page, a
    .docx: one paragraph a line)."""
    wrapped = [(len(run), margin) for run, margin in zip(runs, margins) if margin]
    return max(wrapped)[1] if wrapped else None


def _body_runs(lines: list[Line]) -> list[tuple[list[Line], str | None]]:
    """The body text lines, cut where a signature or title line stood between them (a 印发 notice's
    signature and its enclosure's title): no paragraph runs across those. Page numbers, URLs and
    blank lines do not cut (page breaks fall mid-paragraph). Each run says whether it opens an
    enclosure: the title of the enclosure (``subtitle``) that stood before it, "" where that is the text a 印发
    notice sends (no annex), else None."""
    runs: list[tuple[list[Line], str | None]] = [([], None)]
    names_only = False  # inside an enclosure that lists names (_names_enclosure): no body text
    tables = _contact_tables(lines)
    page_break = False  # a page number (or the blank lines round it) since the last text line
    for index, line in enumerate(lines):
        after_page, page_break = page_break, line.kind == "page" or (page_break and line.kind == "blank")
        if line.kind == "text" and line.row:  # a table's row (clean._tabbed_tables): a run, a paragraph, of its own
            if not names_only:
                if runs[-1][0]:
                    runs.append(([], None))
                runs[-1][0].append(line)
                runs.append(([], None))
        elif line.kind == "text":
            if names_only:
                continue
            run = runs[-1][0]
            if run and after_page and _cut_at_page(run[-1].text, line.text):
                run[-1] = replace(run[-1], text=run[-1].text.rstrip() + line.text.strip())
            else:
                run.append(line)
        elif line.kind == "subtitle":
            names_only = _names_enclosure(line.text) or index in tables
            # (the text a 印发 notice sends is no annex: its title is the notice's own subject, heading nothing)
            runs.append(([], normalize_punct(line.text).strip() if line.annex else ""))
        elif line.kind in SEPARATOR_KINDS and runs[-1][0]:
            runs.append(([], runs[-1][1] if not runs[-1][0] else None))
    return [r for r in runs if r[0]]


def _cut_at_page(before: str, after: str) -> bool:
    """Did a page break cut a numbered item mid-sentence (``二、严禁在林区…焚烧秸秆`` / ``— 2 —`` / ``和祭祀用火。``)? The
    item reads as a sentence (no bare title), stops on a word, a comma or a 、, and the line after the page number
    opens no item or heading. Why: a text typed one paragraph a line keeps an item's line whole (it opens an item,
    ``clean.join_paragraphs``), so the rest of the sentence on the next page was read as a paragraph under the item;
    the page number is the only sign the line was cut. A paragraph that opens no item is joined there already."""
    level = heading_level(before)
    tail = before.rstrip()[-1:]
    return bool(level and tail and (tail in "，,、" or "\u4e00" <= tail <= "\u9fff")
                and not _is_bare_heading(before, level) and not heading_level(after) and not opens_item(after))


#: an enclosed table of tasks (``2027年安全生产重点任务分工表``, ``…任务清单``, ``督办事项清单``, ``责任分解表``,
#: ``问题整改清单``), its title maybe followed by a bracketed remark (``（2027—2028年）``)
RE_TASK_TABLE_TITLE = re.compile(r"(?:分工|分解|任务|责任|事项|督办|整改)[^（）()]{0,6}(?:表|清单)\s*"
                                 r"(?:[（(][^（）()]{0,12}[)）])?\s*$")


def _task_table_title(title: str | None) -> str | None:
    """The title an enclosure's clauses are headed by: a task table's (the lead's decision, session 17: a row,
    ``1.开展燃气经营企业安全检查（完成时限：…）``, read alone does not say it is the annex's task), else None (an
    enclosed plan or rules head their clauses by their own sections, as the body does)."""
    return title if title and RE_TASK_TABLE_TITLE.search(title) else None


#: an enclosure that lists names (``…先进集体和先进个人名单``, ``问题隐患较多企业名单``, ``…成员名单``, ``…名录``)
RE_NAMES_TITLE = re.compile(r"(?:名单|名录)\s*[（(]?[^（）()]{0,12}[)）]?\s*$")
#: …or a form to fill in and send back (``参会回执``, ``报名回执单``, ``培训报名表``, ``联络员信息登记表``)
RE_FORM_TITLE = re.compile(r"(?:回执单?|(?:报名|登记|申请|推荐)表)\s*[（(]?[^（）()]{0,12}[)）]?\s*$")

#: …or a list of contacts (``…指挥部成员通讯录``, ``…物资储备点联系表``, ``联络员联系方式``, ``值班表``: posts, names, phone numbers)
RE_CONTACTS_TITLE = re.compile(r"(?:通讯录|通信录|(?:联系|联络)(?:人员?|员|方式|电话|信息)+(?:一览)?表?|(?:联系|联络)(?:一览)?表|值班(?:安排)?表)"
                               r"\s*[（(]?[^（）()]{0,12}[)）]?\s*$")


def _names_enclosure(title: str) -> bool:
    """Is this enclosure a list of names or units (a commendation's 表彰名单, a bulletin's list of
    enterprises, a team's roster) or a blank form (a meeting's 回执, a 报名表)? It states no measure: its
    lines, read as clauses, were one clause per enterprise, a run of names and posts, or a form's empty
    fields (``单位名称：`` heading ``联系电话：``) (codebook §1: clauses are measures)."""
    title = normalize_punct(title)
    return bool(RE_NAMES_TITLE.search(title) or RE_FORM_TITLE.search(title))


RE_SENTENCE_END = re.compile(r"[。；！？;!?]")
RE_ROW_SENTENCE_END = re.compile(r"[。！？!?]")  # (a tabbed table's row is its cells joined by ；: _tabbed_tables)


def _contact_tables(lines: list[Line]) -> set[int]:
    """The enclosures' title lines (``subtitle``) of the contact lists among them: titled so (``…成员通讯录``,
    ``…物资储备点联系表``: RE_CONTACTS_TITLE) and holding no sentence, only rows (``指挥长 王某某 镇长 138…``). Such
    rows (typed with spaces or tabs) state no measure, as a 名单's do (they ran into one preamble paragraph of posts,
    names and phone numbers, or were a clause each); a 联络表 that says what to do (``一、各乡镇要明确一名联络员。``)
    keeps its clauses. One pass over the lines."""
    found: set[int] = set()
    title, sentences = None, False
    for index, line in enumerate(lines + [Line("subtitle", "", 0)]):  # (a sentinel closes the last enclosure)
        if line.kind == "subtitle":
            if title is not None and not sentences:
                found.add(title)
            title = index if RE_CONTACTS_TITLE.search(normalize_punct(line.text)) else None
            sentences = False
        elif line.kind == "text" and (RE_ROW_SENTENCE_END if line.row else RE_SENTENCE_END).search(line.text):
            sentences = True
    return found


def _inherit_issuer(metas: list[dict], source: str) -> None:
    """A notice that names no issuer (its header lost, as when a collection file runs one notice into
    the next) takes the issuer of the other notices in the same file when they all share one and
    its level does not contradict it; a title built for it is rebuilt with that issuer."""
    known = {(m["issuer"], m["region"], m["level"]) for m in metas if m["issuer"]}
    issuer, region, level = known.pop() if len(known) == 1 else (None, None, None)
    for m in metas:
        if not issuer or m["issuer"] or m["level"] not in (None, level) or m["region"] not in (None, region):
            continue  # (a notice of 长岭市 never takes the issuer of 临江市's notices)
        m.update(issuer=issuer, region=region, level=level)
        if m.pop("_title_built", False):
            m["title"] = md.build_title(issuer, m["year"], m["genre"], m.pop("_paragraphs"), Path(source).stem)
    for m in metas:
        m.pop("_title_built", None)
        m.pop("_title_named", None)
        m.pop("_paragraphs", None)


def _dedupe_doc_ids(results: list[tuple[Document, list[Clause]]]) -> None:
    # copies with the same text keep one id: segment_paths drops all but the first of them
    from .dedup import content_key

    if len({doc.doc_id for doc, _ in results}) == len(results):
        return  # the usual case: no collision, no need to hash the texts
    seen = Counter(doc_id for doc_id, _ in {(doc.doc_id, content_key(doc.text)) for doc, _ in results})
    if all(n == 1 for n in seen.values()):
        return
    counts: Counter = Counter()
    for i, (doc, clauses) in enumerate(results):
        if seen[doc.doc_id] > 1:
            counts[doc.doc_id] += 1
            new_id = f"{doc.doc_id}.{counts[doc.doc_id]}"
            doc2 = Document(**{**doc.to_dict(), "doc_id": new_id})
            clauses = [Clause.from_dict({**c.to_dict(), "doc_id": new_id,
                                         "clause_id": new_id + c.clause_id[len(doc.doc_id):]}) for c in clauses]
            results[i] = (doc2, clauses)


@dataclass
class SegmentResult:
    """Documents (each once, distinct ``doc_id``s), their clauses in document order, the files that
    could not be read, and the repeated documents that were dropped (``corpus.dedup``)."""

    documents: list[Document]
    clauses: list[Clause]
    errors: list[ReadError]
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def pairs(self) -> list[tuple[Document, list[Clause]]]:
        """``[(document, its clauses)]`` in document order."""
        by_doc: dict[str, list[Clause]] = {d.doc_id: [] for d in self.documents}
        for c in self.clauses:
            by_doc[c.doc_id].append(c)
        return [(d, by_doc[d.doc_id]) for d in self.documents]


#: a path of ``-`` means standard input (``segment -``, ``annotate export -``)
STDIN = "-"


def segment_paths(paths: list[str | Path], progress: bool = False) -> SegmentResult:
    """Read and segment every file (directories expanded); bad files are collected, not fatal.

    A notice given more than once (the .txt, .pdf and .docx of one notice) is kept once; the
    copies are listed in ``duplicates`` (say so with ``duplicates_message``).
    """
    results: list[tuple[Document, list[Clause]]] = []
    errors: list[ReadError] = [ReadError(p, f"no notice files ({'/'.join(SUPPORTED_SUFFIXES)}) in this directory")
                               for p in map(Path, paths) if p.is_dir() and not expand_paths([p])]
    if any(str(p) == STDIN for p in paths):  # `segment -`: one notice (file) on standard input
        import sys

        try:
            results.extend(segment_text(decode_bytes(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"))
        except ReadError as exc:
            errors.append(exc)
        paths = [p for p in paths if str(p) != STDIN]
    files = expand_paths(paths)
    for path in (file_progress(files) if progress else files):
        try:
            results.extend(segment_text(read_file(path), str(path)))
        except ReadError as exc:
            errors.append(exc)
    kept, duplicates = dedupe_documents(results)
    return SegmentResult([d for d, _ in kept], [c for _, cs in kept for c in cs], errors, duplicates)


def file_progress(files: list[Path]):
    """``files`` with a "reading notices" bar on a terminal when there are many (segment, tag, tag --stream)."""
    if len(files) < 20:
        return files
    from tqdm import tqdm

    return tqdm(files, unit="file", desc="reading notices", leave=False, disable=None)
