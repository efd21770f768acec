"""Small text conventions shared by every layer: the heading separators and the Chinese-numeral
parser. One name per meaning, so a change here reaches every reader and writer.

Two separators, two meanings (they differ on purpose):

* ``HEADING_JOIN`` (``" > "``) joins a clause's heading path into one string a person reads: output
  rows, reports, Label Studio task data, evidence spans on the heading. A heading string read
  back (``Clause.from_row``) is split on it.
* ``INPUT_SEP`` (``" ｜ "``) ends the heading context in the text a *model* reads
  (``models.features.clause_input``: ``heading path joined by HEADING_JOIN + INPUT_SEP + text``).
  Trained models depend on it: changing it changes every model's input.
"""

from __future__ import annotations

import re

HEADING_JOIN = " > "
INPUT_SEP = " ｜ "

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


#: numerals read digit by digit, as a year is written (二〇二七, 二零二七, and the look-alike ○)
_DIGIT_BY_DIGIT = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def cn_digits(s: str) -> int:
    """2027 from ``2027``, ``二〇二七``, ``二零二七`` or ``二○二七``: a number written digit by digit
    (a year), where :func:`cn_number` reads place values. ``s`` holds digits only (a pattern matched it)."""
    return int(s.translate(_DIGIT_BY_DIGIT))


def cn_number(s: str) -> int | None:
    """A Chinese numeral or a digit string -> int; ``None`` when ``s`` is not one.

    ``"6"`` -> 6, ``"十"`` -> 10, ``"十二"`` -> 12, ``"两"`` -> 2, ``"二十三"`` -> 23, ``"一百"`` -> 100,
    ``"一百零五"`` -> 105 (0-9999). Used by segmentation (``一、`` / ``（十二）`` headings) and by
    deadline/target extraction (``两年``, ``十二月``).
    """
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch.isdigit():  # a digit mixed in (``第1十条``, a typo a heading pattern still admits)
            current = current * 10 + int(ch)
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


# --- responsible-agency remarks (codebook rule 2: metadata, not a measure) ------------------------
# Real work plans end an item with who does it: ``（牵头单位：县应急管理局；责任单位：各乡镇）``,
# ``（责任单位：县交通运输局）``, ``（市应急局牵头，市公安局配合）``, ``（省应急厅等部门负责）``, or, after
# the last sentence, ``牵头单位：县应急管理局；配合单位：……``. The agency names in them hold cue
# words (``交通运输局``, ``应急管理局``) that say nothing about what the clause prescribes, so the
# matcher ignores hits inside them and the learners read the clause without them. Only the form is
# recognised (a key such as ``责任单位：`` or an agency list ending in ``牵头``/``负责``/``配合``), never
# particular agencies; the ASCII forms (``(`` ``:``) are accepted because copied pages often use them.
_OPEN, _CLOSE = "（(", "）)"
#: ``牵头单位`` ``责任单位`` ``牵头责任单位`` ``配合部门`` ``责任领导`` …, then a colon (also the segmenter's
#: key of the agencies a remark names, ``corpus.segment.RE_AGENCY_KEY``)
REMARK_KEY = (r"(?:牵头|主责|主办|责任|配合|协办|协助|协同|参与|实施|承办|督办|主管)(?:责任|负责)?"
               r"(?:单位|部门|领导|处室|科室|人)\s*[：:]")
#: a task's deadline key in a remark or after its sentence (``完成时限：`` ``时间节点：`` …): the segmenter keeps
#: a remark holding one in the clause, extraction reads the task before it as the deadline's action
DEADLINE_KEY = r"(?:(?:完成|办结|整改)?(?:时限|时间|期限)(?:要求)?|时间节点)\s*[：:]"
#: a bracket's content (one level of nested brackets allowed: ``县应急局（县安委办）``)
_BRACKET_BODY = rf"(?:[^{_OPEN}{_CLOSE}。]|[{_OPEN}][^{_OPEN}{_CLOSE}]{{0,30}}[{_CLOSE}]){{1,240}}?"
#: ``（…单位：…）``: a key first
_RE_KEYED = re.compile(rf"[{_OPEN}]\s*{REMARK_KEY}{_BRACKET_BODY}[{_CLOSE}]")
#: ``（市应急局牵头，市公安局、市交通运输局配合）`` / ``（省应急厅等部门按职责分工负责）``: agency
#: names and a role verb, nothing else (no ``要``/``应``: an instruction in brackets is text)
#: the role verbs a remark ends with (one list: the regex below and ``may_have_remark``'s scan)
_ROLE_WORDS = ("牵头", "负责", "配合", "参与", "协助", "协办", "落实", "实施")
ROLE = "(?:" + "|".join(_ROLE_WORDS) + ")"
_RE_ROLE = re.compile(rf"[{_OPEN}]\s*(?:由)?([^{_OPEN}{_CLOSE}。]{{2,160}}?{ROLE})[{_CLOSE}]")
#: every comma-separated part of the role form: agency names, then the role (``等部门按职责分工负责``)
_RE_ROLE_PART = re.compile(rf"[^，,；;]{{2,80}}?{ROLE}")
#: an instruction in brackets is text, not a remark
_RE_INSTRUCTION = re.compile(r"要(?!素)|应当|应该|必须|须|确保|不得|严禁")
#: an agency word the role form must contain (so ``（逐户负责）`` is not taken for a remark)
_RE_AGENCY_WORD = re.compile(r"局|厅|委|办|部|府|单位|中心|队|所|站|乡镇|街道|社区|公司|企业|集团")


def is_role_remark(body: str) -> bool:
    """Is a bracket's ``body`` a role remark (agency names and a role verb, no instruction)? The
    segmenter (corpus/segment.py) cuts such remarks from a notice's clauses with the same test."""
    return (not _RE_INSTRUCTION.search(body) and bool(_RE_AGENCY_WORD.search(body))
            and all(_RE_ROLE_PART.fullmatch(part.strip()) for part in re.split(r"[，,；;]", body)))


#: the key form after the clause's last sentence, unbracketed, to the end of the text
_RE_TRAILING = re.compile(rf"(?:(?<=[。；;])|^)\s*{REMARK_KEY}[^。]*。?\s*$")


def remark_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the responsible-agency remarks in ``text`` (codebook rule
    2), sorted and without overlaps; ``[]`` when there is none (the common case costs one scan for
    a bracket or a key)."""
    if not text or not may_have_remark(text):
        return []
    spans = [m.span() for m in _RE_KEYED.finditer(text)]
    spans += [m.span() for m in _RE_ROLE.finditer(text) if is_role_remark(m.group(1))]
    m = _RE_TRAILING.search(text)
    # (not from a ； inside a bracketed remark: （牵头单位：…；配合单位：…）年底前完成… would run on
    # over the sentence after the remark)
    if m and m.start() > 0 and not any(a < m.start() < b for a, b in spans):
        # a text that is only a remark stays as it is (nothing else to read)
        spans.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()))
    spans.sort()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def may_have_remark(text: str) -> bool:
    """What every remark has: a key's colon, or a role word right before a closing bracket (plain
    string scans: most clauses are ruled out at a fraction of one regex scan's cost)."""
    if "：" in text or ":" in text:
        return True
    for close in _CLOSE:
        i = text.find(close)
        while i != -1:
            if text[i - 2:i] in _ROLE_WORDS:
                return True
            i = text.find(close, i + 1)
    return False


#: what a remark's characters become in ``mask_remarks``: a full-width space (no cue contains it)
REMARK_FILL = "\u3000"


def _replace_remarks(text: str, fill: str) -> str | None:
    """``text`` with each remark replaced by ``fill`` repeated over its length (``""``: removed);
    None when it has no remark."""
    spans = remark_spans(text)
    if not spans:
        return None
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], fill * (b - a)]
        last = b
    parts.append(text[last:])
    return "".join(parts)


def mask_remarks(text: str) -> str:
    """``text`` with every remark character replaced by ``REMARK_FILL``: the same length, so spans
    found in the result are spans of ``text`` (what the cue/rule matcher reads)."""
    masked = _replace_remarks(text, REMARK_FILL)
    return text if masked is None else masked


def strip_remarks(text: str) -> str:
    """``text`` without its remarks (what the learned models read; trailing white space dropped)."""
    stripped = _replace_remarks(text, "")
    return text if stripped is None else stripped.rstrip()


# --- who does a task: roles, and the duty sentence that closes a clause without brackets -------------
#: the roles an agency of a clause has: it leads the task, supports the lead, or is responsible (no lead named)
LEAD, SUPPORT, RESPONSIBLE = "lead", "support", "responsible"
AGENCY_ROLES = (LEAD, SUPPORT, RESPONSIBLE)
#: a role word's role (the word that ends a remark's part or a duty sentence's, or a key's first word: 牵头单位：,
#: 配合部门：); any other (负责, 责任单位：, 实施单位：…) is RESPONSIBLE
ROLE_OF = {"牵头": LEAD, "主责": LEAD, "主办": LEAD,
           "配合": SUPPORT, "参与": SUPPORT, "协助": SUPPORT, "协办": SUPPORT, "协同": SUPPORT}

#: an organ's name: a government's, its departments' and offices', a team's, a station's, the towns and streets
#: (各乡镇（街道）, 各村（社区）), the member units; a bracket inside is part of the name (各县（市、区）人民政府)
_ORGAN_NAME = (r"(?:(?!会同|要|应当|须|负责|牵头|配合|由)[^\s，。；：、“”《》（）()]|[（(][^（）()]{1,8}[)）]){1,24}?"
               r"(?:局|厅|委|委员会|办|办公室|办事处|政府|支队|大队|中队|队|站|所|中心|院|署|部门|单位|乡镇|街道|管委会"
               r"|[（(](?:街道|社区|乡镇)[)）])")
_RE_ORGAN_NAME = re.compile(_ORGAN_NAME)
#: what separates two organs of a part: 、, or 和/及 before a place (县住房和城乡建设局 is one name), outside brackets
_ORGAN_SEP = re.compile(r"(?:、|(?:和|及)(?=省|市|县|区|乡|镇|街道|国家|各))(?![^（(]*[)）])")
_ORGANS_END = re.compile(r"等(?:有关)?(?:成员单位|部门|单位)?$")
#: one part of the sentence: organs and their role (…按职责分工负责, …按照职责分工负责, …分别负责, …牵头, …牵头负责, …配合)
_DUTY_PART = re.compile(r"(?P<organs>.+?)(?:按照?职责)?(?:分工)?(?:分别)?"
                        r"(?P<role>(?:牵头|配合|参与|协助|协办)(?:负责)?|负责(?:落实)?|落实)")
#: a part that names the organs' role as a unit (县应急局为牵头单位，县公安局、县交通运输局为配合单位)
_UNIT_PART = re.compile(r"(?P<organs>.+?)为(?P<key>牵头|主责|责任|配合|协办|参与|协助)(?:单位|部门)")
#: 由 A 会同 B 负责: A leads, B supports
_TOGETHER_PART = re.compile(r"(?P<lead>.+?)会同(?P<support>.+?)(?:按照?职责)?(?:分工)?负责(?:落实)?")
#: roles enumerated with 、 in one part (县应急局牵头、县公安局配合)
_ROLE_PIECES = re.compile(r"(?<=牵头|配合|参与|协助|协办|负责|落实)、")
#: what a 负责 may be followed by and still name no object (由各乡镇人民政府负责组织实施): read as 负责
_DUTY_TAIL = re.compile(r"负责(?:组织实施|具体实施|组织落实|督促落实|实施)$")
_DUTY_WORDS = ("负责", "牵头", "配合", "参与", "协助", "协办", "落实", "实施", "单位", "部门")
#: the longest closing sentence read (a clause's last 120 characters: the look never runs back to its start)
_DUTY_REACH = 120


def duty_agencies(text: str) -> list[tuple[str, str]]:
    """(agency, role) of the duty sentence that closes ``text`` without brackets, after a full stop, a semicolon, a
    comma or nothing (``…。市应急局、市交通运输局按职责分工负责。``, ``…；市海洋与渔业局负责。``,
    ``…，由县应急管理局会同县住建局负责。``, ``县水利局牵头，县应急局配合。``); nothing after its role word (a sentence's
    subject, ``各乡镇（街道）负责本辖区…``, names who is addressed, as probe 13 pins), organ names only (``由企业
    主要负责人负责`` names a person). The one reading of it: segmentation fills a notice clause's ``agencies`` and
    ``agency_roles`` from it (``corpus.segment``), extraction a clause file's (``inference.extract``); the sentence
    stays in the text (``mask_remarks`` leaves it: the models read it as they did).

    Looks at the last ``_DUTY_REACH`` characters only, part by part from the end (the comma-parts of its last
    sentence that each read as organs and their role): no pattern nests another's repetition, so a sentence that
    is no duty sentence fails in linear time (one pattern over the whole sentence took ten times as long on a near
    miss, ``tests/test_extract_probe14.py``). ``text`` is simplified Chinese (the patterns are).

    Before it, in text order: the organs a sentence assigns the work to wherever it stands and whatever verb follows
    (``县应急局会同县水利局做好防汛抗旱工作``, ``由县应急局牵头，县消防救援大队配合做好应急演练``:
    ``_assigned_agencies``); each name once, with its first role."""
    if "会同" not in text and "联合" not in text and "牵头" not in text:  # (most clauses: plain scans, no call)
        return _closing_agencies(text)
    out = _assigned_agencies(text)
    if not out:
        return _closing_agencies(text)
    named = {n for n, _ in out}
    for name, role in _closing_agencies(text):
        if name not in named:
            named.add(name)
            out.append((name, role))
    return out


def _closing_agencies(text: str) -> list[tuple[str, str]]:
    """(organ, role) of the duty sentence that closes ``text`` (``duty_agencies``' first paragraph)."""
    tail = text[-_DUTY_REACH:].rstrip(" \t\n。；;.")
    if not tail.endswith(_DUTY_WORDS):
        return []  # (most clauses: one test)
    tail = _DUTY_TAIL.sub("负责", tail)
    sentence = tail[max(tail.rfind(d) for d in "。；;！？\n") + 1:]
    out: list[tuple[str, str]] = []
    for part in reversed(re.split(r"[，,]", sentence)):
        read = _duty_part(part.strip())
        if read is None:
            break
        out[:0] = read
    return out


def _duty_part(part: str) -> list[tuple[str, str]] | None:
    """(organ, role) of one comma-part of a duty sentence, or None when it is no such part."""
    part = part.removeprefix("由").lstrip()
    if "会同" in part:
        m = _TOGETHER_PART.fullmatch(part)
        lead, support = (_organs(m.group("lead")), _organs(m.group("support"))) if m else (None, None)
        if lead is None or support is None:
            return None
        return [(n, LEAD) for n in lead] + [(n, SUPPORT) for n in support]
    m = _UNIT_PART.fullmatch(part) if part.endswith(("单位", "部门")) else None
    if m:
        organs = _organs(m.group("organs"))
        return None if organs is None else [(n, ROLE_OF.get(m.group("key"), RESPONSIBLE)) for n in organs]
    out: list[tuple[str, str]] = []
    for piece in _ROLE_PIECES.split(part):
        m = _DUTY_PART.fullmatch(piece)
        organs = _organs(m.group("organs")) if m else None
        if organs is None:
            return None
        out.extend((n, ROLE_OF.get(m.group("role")[:2], RESPONSIBLE)) for n in organs)
    return out


def _organs(names: str) -> list[str] | None:
    """The organs a part names (``县应急局、县公安局等部门`` -> both), or None when one of them is no organ's name."""
    parts = _ORGAN_SEP.split(_ORGANS_END.sub("", names.strip()))
    return parts if all(_RE_ORGAN_NAME.fullmatch(p) for p in parts) else None


# --- a sentence that assigns the work: A会同B + its task, 由A牵头，B配合 + its task -------------------------------
# 会同 (and 联合 between two organs) divides the work however the sentence goes on: the organs before it lead, those
# after it support (县应急局会同县水利局做好防汛抗旱工作; 县民政局要联合县应急局加强…); so does a part opening with
# ``[由]A牵头`` followed by parts opening with ``B配合/协助/参与/协办`` (由县应急局牵头，县消防救援大队配合做好应急演练),
# or by a part opening with 会同 (由县应急局牵头，会同县公安局开展…). An organ opening a sentence with any other verb
# (县应急局负责…, 县公安局协助做好…, 县应急局牵头开展… with no supporter) stays the unread addressee, as before.
_RE_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_RE_TOGETHER = re.compile(r"会同|联合")
#: what may stand between the leading organs and 会同 (县应急局要会同…, 企业应当会同… is no organ's)
_RE_LEAD_TAIL = re.compile(r"(?:要|应当|应|须|负责|牵头)$")
#: a part opening with the organs that lead (由县应急局牵头, 县应急局牵头负责全县…)
_RE_LEAD_OPEN = re.compile(r"(?P<organs>[^，,]{2,40}?)牵头")
#: a part opening with the organs that support (县公安局、县交通局配合开展…, 各乡镇按职责分工参与)
_RE_SUPPORT_OPEN = re.compile(r"(?P<organs>[^，,]{2,60}?)(?:按照?职责)?(?:分工)?(?P<role>配合|协助|参与|协办)")
#: the words a predicate opens with after the supporting organs of 会同 (where a longer organ's name could run on:
#: 会同县人民政府办公室组织… is not 县人民政府 + 办公室组织…); a part whose predicate opens otherwise
#: (会同县住建局每季度…) reads the shortest organs' list
_RE_PREDICATE = re.compile(
    r"做|开展|组织|制定|制订|加强|负责|督促|指导|推进|推动|落实|抓好|建立|健全|完善|研究|实施|编制|共同|联合|依法"
    r"|按照|依据|根据|对|在|及时|定期|适时|统筹|切实|认真|全面|深入|集中|严格|严厉|加快|加大|强化|规范|提升|进行"
    r"|部署|召开|查处|整治|排查|检查|核查|督查|监督|出台|印发|起草|提出|确定|划定|公布|发布|评估|组建|成立|派出"
    r"|协调|保障|完成|处置|调查|审查|审核|管理|核实|会商|分析|指挥|转移|配合|协助|参与|牵头|把|将|向|就|从|按|通过"
    r"|结合|围绕|针对|进一步|摸排|修订|拟定|每|于")
#: an item's or article's number opening a clause's first part (（三）县应急局要会同…, 第十条 县应急局会同…): not a name
_RE_ITEM_HEAD = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.、．]"
                           r"|第[一二三四五六七八九十百零〇\d]{1,6}条)\s*")
#: the longest run of supporting organs read after 会同 (a part's first characters only: linear in the text)
_SUPPORT_REACH = 60


def _assigned_agencies(text: str) -> list[tuple[str, str]]:
    """(organ, role) of every sentence of ``text`` that assigns the work (the section above), in text order, each name
    once with its first role. Each part costs a bounded look (leading organs within 40 characters, supporting ones
    within ``_SUPPORT_REACH``), so the reading stays linear in the text."""
    out: list[tuple[str, str]] = []
    for sentence in _RE_SENTENCE_END.split(text):
        if "会同" in sentence or "联合" in sentence or "牵头" in sentence:
            _read_sentence(sentence, out)
    seen: set[str] = set()
    return [(n, r) for n, r in out if not (n in seen or seen.add(n))]


def _read_sentence(sentence: str, out: list[tuple[str, str]]) -> None:
    """Append the (organ, role) pairs one sentence assigns to ``out`` (its comma-parts in order)."""
    lead: list[str] | None = None  # the organs of a 牵头 part just before (read once a supporter follows)
    lead_read = False
    for part in re.split(r"[，,]", sentence):
        part = part.strip()
        head = _RE_ITEM_HEAD.match(part)
        # (由A牵头/由A会同B: A does it; 请A会同B…: a request's addressee does it too)
        part = (part[head.end():] if head else part).removeprefix("请").removeprefix("由").lstrip()
        together = _RE_TOGETHER.search(part)
        if together:
            head = _RE_LEAD_TAIL.sub("", part[:together.start()].strip())
            leads = lead if not head else _organs(head) if len(head) <= 40 else None
            support = _support_organs(part[together.end():together.end() + _SUPPORT_REACH]) if leads else None
            if support:
                out.extend([*((n, LEAD) for n in leads if not (lead_read and leads is lead)),
                            *((n, SUPPORT) for n in support)])
                lead, lead_read = leads, True
                continue
        m = _RE_SUPPORT_OPEN.match(part) if lead else None
        support = _organs(m.group("organs")) if m else None
        if lead and support:
            out.extend([*((n, LEAD) for n in lead if not lead_read), *((n, SUPPORT) for n in support)])
            lead_read = True
            continue
        m = _RE_LEAD_OPEN.match(part) if "牵头" in part else None
        lead = _organs(m.group("organs")) if m else None
        lead_read = False


def _support_organs(rest: str) -> list[str] | None:
    """The organs a 会同 names at the start of ``rest`` (its part after 会同): those before the first predicate that
    follows a whole list of organs' names, the whole rest when it is one, else the shortest list of them."""
    for m in _RE_PREDICATE.finditer(rest):
        organs = _organs(rest[:m.start()]) if m.start() >= 2 else None
        if organs:
            return organs
    organs = _organs(rest)
    if organs:
        return organs
    for end in range(2, len(rest)):
        organs = _organs(rest[:end])
        if organs:
            return organs
    return None
