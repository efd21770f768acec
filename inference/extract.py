"""Rule-based extraction of deadlines and quantitative targets from one clause's text.

This is extraction, not labelling: the phrases are formulaic (``年底前``, ``6月底前完成``,
``再建成60座智能化煤矿``, ``覆盖率达到100%``), so regular expressions are precise and auditable
where a learned model would need annotations we do not have.

Input text is segmenter-normalised (ASCII digits, full-width ``，；：（）``, no stray spaces); raw text
works too because the patterns tolerate spaces between numbers and units.

Shapes (JSON via ``to_dict``)::

    Deadline  {"text": "2017年6月底前", "kind": "by_end_of_month", "year": 2017, "month": 6, "day": null,
               "period": null, "event": null, "due": "2017-06-30", "action": "完成…的整改", "span": [4, 13]}
    Target    {"text": "再建成60座智能化煤矿", "value": 60, "value_max": null, "unit": "座",
               "what": "智能化煤矿", "comparator": "=", "verb": "再建成", "per": null, "span": [3, 14]}
"""

from __future__ import annotations

import bisect
import dataclasses
import calendar
import functools
import gc
import re
from dataclasses import dataclass
from typing import Any, Iterator

from policytag.records import AgencyRole  # noqa: F401 (re-exported: extract_agency_roles' items)
from policytag.text import DEADLINE_KEY, cn_digits, cn_number  # numeral parsers and the deadline key, shared with segmentation
from policytag.text import LEAD, RESPONSIBLE, SUPPORT, duty_agencies  # noqa: F401 (the roles, re-exported)

# --- shared pieces -------------------------------------------------------------------------------
_RE_DECIMAL = re.compile(r"\d+\.\d+")


def _num(s: str) -> int | float:
    """``"60"`` -> 60, ``"5.49"`` -> 5.49, ``"两"`` -> 2 (ints stay ints so JSON shows ``60`` not ``60.0``)."""
    s = s.strip()
    if s.isascii() and s.isdigit():
        return int(s)
    if _RE_DECIMAL.fullmatch(s):
        value = float(s)
        return int(value) if value.is_integer() else value
    if len(s) > 1 and ("〇" in s or "零" in s) and not any(u in s for u in "十百千"):
        return cn_digits(s)  # 一〇〇 (written digit by digit, as a year is): 100, not 0
    n = cn_number(s)
    if n is None:
        raise ValueError(s)
    return n


# Clause-internal delimiters: a deadline's action and a target's object never cross them.
CHUNK_DELIMS = "，。；：！？\n"
SENTENCE_DELIMS = "。；！？\n"


# Extraction must stay linear in the clause length (a 5 MB clause in seconds): delimiter positions
# are indexed once per text and looked up by bisection, and every slice around a match is capped
# at WINDOW characters, since a clause without delimiters would otherwise make each slice O(n).
WINDOW = 200
_DELIM_INDEX: dict[tuple[int, str], tuple[str, list[int]]] = {}
#: one compiled class per delimiter set (building the pattern from the string on each new text, and
#: the re module's cache look-up, cost twice what the scan does on a clause)
_DELIM_CLASS = {delims: re.compile("[" + re.escape(delims) + "]") for delims in (CHUNK_DELIMS, SENTENCE_DELIMS)}


def _delim_positions(text: str, delims: str) -> list[int]:
    """Sorted positions of the delimiter characters in ``text`` (cached for the last few texts)."""
    key = (id(text), delims)
    hit = _DELIM_INDEX.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    chunks = _DELIM_INDEX.get((key[0], CHUNK_DELIMS)) if delims == SENTENCE_DELIMS else None
    if chunks is not None and chunks[0] is text:
        # (the sentence delimiters are some of the chunk delimiters: picked from their positions, not a second scan)
        positions = [p for p in chunks[1] if text[p] in SENTENCE_DELIMS]
    else:
        rx = _DELIM_CLASS.get(delims) or re.compile("[" + re.escape(delims) + "]")
        positions = [m.start() for m in rx.finditer(text)]
    if len(_DELIM_INDEX) >= 8:
        _DELIM_INDEX.clear()
    _DELIM_INDEX[key] = (text, positions)
    return positions


def _chunk_bounds(text: str, start: int, end: int, delims: str = CHUNK_DELIMS) -> tuple[int, int]:
    """Start and end of the delimiter-bounded chunk that contains text[start:end] (O(log n))."""
    positions = _delim_positions(text, delims)
    i = bisect.bisect_left(positions, start)  # last delimiter before start is positions[i - 1]
    left = positions[i - 1] + 1 if i else 0
    j = bisect.bisect_left(positions, end)
    right = positions[j] if j < len(positions) else len(text)
    return left, right


# Modal and linking words that carry no content at the edges of an action or object (要求 is a verb: 要求各单位…).
# (到达 is a verb: 县应急局负责人半小时内到达现场)
# (期间 after a range, 3月1日至5月31日期间，…, is part of no action)
_LEAD = re.compile(r"^(?:并且|并|且|同时|要(?!求)|须|需|必须|务必|确保|力争|争取|努力|全力|在|于|到(?![位达])|至(?!少)|之|前|期间)+")
_TRAIL_WORDS = ("并且", "并", "且", "要", "须", "需", "必须", "务必", "确保", "力争", "争取", "努力", "在", "于", "到", "至",
                "将", "应", "的")
#: (应 ending a word is no modal: 启动响应, 保障供应, 相适应; its action read 启动响)
_TRAIL = re.compile(f"(?:{'|'.join(w if w != '应' else '(?<![响供适对相反回呼效感答理])应' for w in _TRAIL_WORDS)})+$")


def _ends_in(s: str, last_chars: frozenset[str]) -> bool:
    """Can a pattern ``(?:words)+$`` match ``s``: does it end in the last character of one of the
    words (``last_chars``), or in a line break (``$`` also matches before one)? A search for such a
    pattern tries it at every position of ``s`` (~5 us on a 40-character action); most end in a noun."""
    return s[-1:] in last_chars or s[-1:] == "\n"


_TRAIL_LAST = frozenset(w[-1] for w in _TRAIL_WORDS)


def _tidy(s: str) -> str:
    s = s.strip(" 　，、")
    s = _LEAD.sub("", s)
    if _ends_in(s, _TRAIL_LAST):
        s = _TRAIL.sub("", s)
    return s.strip(" 　，、")


def _clip(s: str, limit: int = 40) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


# --- deadlines -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Deadline:
    """A time limit stated in a clause.

    ``kind``: ``by_date`` (…月…日前), ``by_end_of_month`` (6月底前), ``by_end_of_year`` (年底前,
    2016年年底之前; a plan's horizon, 到2027年，…), ``within_year`` (年内), ``within_years`` (三年内; ``period`` = 3),
    ``within_months`` (6个月内), ``within_days`` (15个工作日内), ``within_hours`` (接报后1小时内; ``period``
    in hours), ``within_minutes`` (30分钟内, 半小时内; ``period`` in minutes), ``recurring`` (每月5日前, 每周五下班前, 每日17时前; 每季度结束后10日内: ``period`` the days after each cycle's end), ``before_event`` (汛期之前; ``event`` = 汛期), ``effective_from``
    (2018年7月1日起; 2025年4月起: ``day`` None, due the month's first day; 自2027年起: ``month`` None, due
    01-01), ``by_end_of_period`` (a plan phase, 2026年4月至10月: ``year``, ``month``, ``day``
    are its end's, the due date). ``year`` is the year as written (None when the text leaves it to the notice);
    ``due`` is the ISO date it resolves to given the notice year (None when that cannot be fixed:
    no notice year, a relative period in months, an event). ``action`` is what must be done by then.
    """

    text: str
    kind: str
    year: int | None
    month: int | None
    day: int | None
    period: int | None
    event: str | None
    due: str | None
    action: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        # the fields are plain values: a flat dict (dataclasses.asdict recurses and deep-copies)
        d = {name: getattr(self, name) for name in self.__dataclass_fields__}
        d["span"] = list(self.span)
        return d


_new = object.__new__


def _frozen(cls, **fields):
    """``cls(**fields)`` for ``Deadline`` and ``Target`` (frozen dataclasses without defaults or
    checks; every field given) without their ``__init__``, which sets each field through
    ``object.__setattr__``: half the cost of a phrase's object (~1.5 us), made for every phrase
    read. The same object: equality, hash, repr, ``to_dict``, pickling
    (``tests/test_extract_probe5.py``)."""
    obj = _new(cls)
    obj.__dict__.update(fields)
    return obj


def _year(tag: str) -> str:
    # 2027年, and the year in Chinese digits that formal documents also use (二〇二七年, 二零二七年)
    return rf"(?P<y{tag}>(?:19|20)\d{{2}}|(?:一九|二[〇零])[〇零一二三四五六七八九]{{2}})\s*年"


def _month(tag: str) -> str:
    # 元月 is January (a month name other governments write: 2027年元月5日前)
    return rf"(?P<m{tag}>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元)\s*月"


def _day(tag: str) -> str:
    # a day in Arabic or Chinese digits (二〇二七年六月三十日): tens first, so 三十一 is not 三
    return rf"(?P<d{tag}>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"


def _year_or_next(tag: str) -> str:
    # a year as written, or the year after the notice's (次年1月10日前, 翌年, 明年): group nx<tag>
    return rf"(?:{_year(tag)}|(?P<nx{tag}>次年|翌年|明年))"


_CN_OR_DIGITS = r"\d+|[一二两三四五六七八九十]+"
#: the events of ``before_event`` (汛前 and 入汛前 are before the 汛期, not 防汛前…)
# (双节: 中秋 and 国庆; “十一”, quoted, is 国庆 as “五一” is 劳动节: unquoted, 十一 is a number, 十一月)
# (复工: the return to work after a holiday or a stop, 节后复工前, 春节后复工复产前, 雨后复工前; what it follows is part of
# the event's name)
_EVENTS = (r"(?:(?:春节|节|假|雨|汛)后)?(?:复工复产|复产复工|复工|复产)|主汛期|入汛|汛期|(?<!防)汛|春节|元旦|国庆节?|五一|(?<=“)十一(?=”)"
           r"|节假日|冬季|入冬|雨季|两会|双节")
#: the lunar festivals of ``before_event2`` (RE_DEADLINE_WORDS: 清明节前, 中秋节前夕)
_LUNAR_EVENTS = r"清明节?|端午节?|中秋节?|元宵节?|除夕"
#: what follows an event that shares the 前 of the last one it is enumerated with (元旦[、春节前], 中秋[、国庆前]); quoted
#: events are enumerated with 、 or with none between the marks (“五一”[“十一”前], “元旦”[、“春节”前])
_SHARED_EVENT_BEFORE = rf"(?:(?:、\s*“?|(?<=”)“)(?:{_EVENTS}|{_LUNAR_EVENTS})”?)+(?:到来)?(?:之|以)?前(?!后)"
_BEFORE = r"(?:\s*(?:之|以)?前)?"  # an optional 前 / 之前 / 以前 after a period's end
_RANGE_TO = r"\s*(?:至|到|—|－|-|~|～)\s*"
#: a time of the day before a 前 (每周五下班前, 每周一12时前, 每周五下午5点前, 17时30分前, 12月20日17:00前)
_TIME_OF_DAY = (r"下班|(?:上午|下午|中午|晚上)?\s*(?:\d{1,2}\s*[:：]\s*\d{2}|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:时|点)"
                r"(?:\s*\d{1,2}\s*分)?)")
#: what may stand between a date and its 前: the weekday in brackets, a time of the day (11月30日（星期五）前, 12月20日下班前)
#: that the day itself counts, before a 前: 12月31日（含）前, 1月15日（含当日）前, 6月底（含）前 (such a date read nothing)
_INCLUSIVE = r"(?:\s*[（(]\s*含\s*(?:当日|当天|本日|当日在内)?\s*[）)])?"
_DATE_TAIL = rf"(?:\s*[（(]\s*(?:星期|周)[一二三四五六日天]\s*[）)])?(?:\s*(?:{_TIME_OF_DAY}))?{_INCLUSIVE}"
#: a date or month end that shares the 前 of the last one it is enumerated with (分别于6月底、12月底前报送…,
#: 7月5日、次年1月5日前, 3月15日、6月15日、9月15日前): after 、 each next item, of at most 10 characters, ends in
#: a day or month end, and the last in 前
_SHARES_BEFORE = r"(?=(?:、\s*[^，。；：、]{1,10}?(?:底|末|日|号))+\s*(?:之|以)?前)"
#: months enumerated before the last one's 底前 (于6月、12月底前, 3月、6月、9月底前): each is that month's end (at most
#: twelve listed: the lookahead, tried at every month, reads no further, so a long list of months is read in linear time)
_SHARES_MONTH_END = r"(?=(?:、\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月){0,10}、\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*[底末]\s*(?:之|以)?前)"

# One alternation scanned left to right; at the same position the first alternative wins, so the
# more specific forms come first. Group-name suffixes keep each alternative's fields apart; the
# outer group's name says which alternative matched (``_KIND_FIELDS``: its kind and fields).
# The lookahead rejects, with one character-class test, the positions where no alternative can
# start (most of them), instead of trying all of them there: a third of the scan time on long text.
# Forms led by a common word (每, 即日, 上/下半年, 期限, 清明…) are in ``RE_DEADLINE_WORDS``, scanned
# only when the text holds that word: in this class they made every 上, 中, 时, 自 a try (the scan
# cost 2.5 times as much); a prefix word of a form found here (次年, 第, 每年, 自…之日起) is read
# by looking back from its match (``_lead_word``).
# A second lookahead, tried only where the first passes, looks at the character after it: the
# characters of the class are common in other words too (一, 年, 入, 主, 节, 两: 进一步, 年度, 深入,
# 主要, 环节), and each try of the alternation there cost as much as rejecting 25 positions; it
# keeps every start some alternative can match at (a numeral runs on into a numeral, 年, 个, 月 or,
# in a year, 〇/零; 两会, 五一; 年底/年末/年内/年之内; 今年…; the events' names), a third of the
# scan time on the benchmark's clauses (``tests/test_extract_probe5.py`` compares it with the
# first alone).
_DEADLINE_FIRST = r"(?=[\s\d一二两三四五六七八九十今当本年底末主汛春元国节冬入雨双复假])"
_DEADLINE_SECOND = (r"(?=\s|[\d一二两三四五六七八九十][\s\d一二两三四五六七八九十年个月〇零会]|[底末]|年(?:[底末之内]|度内)|[今当本]年"
                    r"|主汛|入[汛冬]|汛[期到之以前结]|春节|元[旦\s月]|国庆|节假|冬季|雨季|本月|双节|[节假雨汛]后复|复[工产])")
_DEADLINE_FORMS = [
    # a plan phase: 2026年4月至10月, （2027年3月—6月底）, 2026年11月至2027年2月, 2027年3月1日起至5月31日;
    # the year must be written (每年4月至10月 is a season, not a phase) and the end is the due date
    # (a range of days in one month: 2027年12月10日至20日, the end's month the start's)
    rf"(?P<by_end_of_period>{_year('7')}{_month('7')}(?:{_day('7')})?\s*起?{_RANGE_TO}"
    rf"(?:(?:{_year('8')})?{_month('8')}(?:{_day('8')}|底|末)?|(?(d7){_day('9')}|(?!))){_BEFORE}(?:\s*止)?)",
    # (not 起草, to draft: 本方案于2026年11月5日起草完成 read a start with the action 本方案草完成)
    rf"(?P<effective_from>(?:{_year('0')})?{_month('0')}{_day('0')}\s*起(?!草))",
    rf"(?P<by_date>(?:{_year('1')})?{_month('1')}{_day('1')}(?:{_DATE_TAIL}\s*(?:之|以)?前|{_SHARES_BEFORE}))",
    # (a bare month enumerated before month ends sharing their 底前: 于6月、12月底前 is the end of June too)
    rf"(?P<by_end_of_month>(?:{_year('2')})?{_month('2')}(?:(?:底|末|份){_INCLUSIVE}(?:\s*(?:之|以)?前|{_SHARES_BEFORE})"
    rf"|{_SHARES_MONTH_END}))",
    # 2016年年底前 / 2017年底前 / 年底之前 / 今年年底前 / bare 年底 (确保年底明显见效; vetted below)
    rf"(?P<by_end_of_year>(?:{_year('3')}|今年|当年|本年)?\s*年?(?:底|末)(?:\s*(?:之|以)?前)?)",
    rf"(?P<within_years>(?P<n4>{_CN_OR_DIGITS})\s*年(?:之)?内)",
    rf"(?P<within_months>(?P<n5>{_CN_OR_DIGITS})\s*个\s*月(?:之)?内)",
    # (年度内, 本年度内: the year in a plan's wording; not 年度内部审计, 年度内容)
    # (a year written before 年度内 is its year: 2027年度内, and before 年年内: 2027年年内; not before a bare 年内, a count of
    # years' reading)
    rf"(?P<within_year>(?:{_year('w')}[度年]|(?:今|当|本)?年度?)(?:之)?内(?![部容]))",
    # before an event; 汛前 and 入汛前 are before the 汛期 (not 防汛前…); 每年汛前: _lead_word; before its end (汛期结束前:
    # event 汛期结束, not the season's start)
    # (前夕, the eve: 国庆前夕 left 夕 to the action); an event enumerated before one 前 shares it, as a date
    # does (元旦、春节前: two limits; not 元旦、春节前后, around them)
    # (in quotation marks: “五一”前, “双节”前; the opening mark: _lead_word)
    # (召开 after a meeting: 两会召开前, “两会”召开前, as 到来 after a holiday)
    rf"(?P<before_event>(?P<ev6>{_EVENTS})(?:”?(?P<end6>结束)?(?:到来|召开)?(?:之|以)?前夕?|”?(?={_SHARED_EVENT_BEFORE})))",
    # the end of the notice's own month (its date gives the month: ``_deadlines``)
    # (a day of it: 本月25日前, ``by_date``)
    rf"(?P<this_month>本月\s*(?:底|末|{_day('m')})\s*(?:之|以)?前)",
]
RE_DEADLINE = re.compile(_DEADLINE_FIRST + _DEADLINE_SECOND + "(?:" + "|".join(_DEADLINE_FORMS) + ")")

# Forms led by a numeral that main's alternatives did not have, scanned only when the text holds
# what each of them does (``_may_have_more``): added to RE_DEADLINE they made its scan of every text
# half as dear again.
#: a month's number without its 月 (the first items of 7、8月份)
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
#: the verbs of finishing a bare month is due before (6月完成…; not 6月发生, 6月份以来)
_FINISH = r"(?:全面|基本)?(?:完成|建成|办结|报送|上报|提交)"
#: the second lookahead as in RE_DEADLINE: a numeral runs on into a numeral, 〇/零, 月, 季, 个, 工, 日, 天, 小 or 分
#: (两 starts a numeral too: 两小时内; 半 a half hour: 半小时内)
#: (a day range: 3至5个工作日内, 5—10日内; 半年内)
_MORE_SECOND = (r"(?=\s|[\d一二两三四五六七八九十元][\s\d一二两三四五六七八九十〇零月季个工日天小分至到—－\-~～、周星]"
                r"|半\s*(?:个?\s*小|年))")
RE_DEADLINE_MORE = re.compile(r"(?=[\s\d一二两三四五六七八九十元半])" + _MORE_SECOND + "(?:" + "|".join([
    # a month range without a year: 5月至9月，开展… (vetted: it must open its sentence)
    # (a range of days in one month: 12月10日至20日, the end's month the start's)
    rf"(?P<months>{_month('r')}(?:{_day('r')})?\s*起?{_RANGE_TO}(?:{_month('s')}(?:{_day('s')}|底|末)?|(?(dr){_day('u')}|(?!)))"
    rf"{_BEFORE}(?:\s*止)?)",
    # months listed with one 月 (7、8月份, 6、7、8月): a period, as 7月至8月 is (vetted as one; consecutive months only,
    # ``_more_matches``); not when the last month runs on into a date (2、3月底前, 三、5月15日前: an item number)
    rf"(?P<month_list>{_MONTH_NUMBER}(?:\s*、\s*{_MONTH_NUMBER})*\s*、\s*{_month('l')}"
    rf"(?!\s*[底末上中下\d一二三四五六七八九十])(?:\s*份)?{_BEFORE})",
    # a quarter: (第)一季度, 一季度末前, 2027年第二季度 (a 第 before the numeral: _lead_word)
    # (第一季度内: its 内 was left to the action; 每年第一季度内 is a point in each year: _lead_word)
    rf"(?P<quarter>(?:{_year('q')}第?)?(?P<qn>[一二三四1-4])\s*季度(?:(?:之|以)?内(?![部容])|(?:末|底)?{_BEFORE}))",
    # a part of a month: 6月上旬前, 6月中旬, 6月下旬前
    rf"(?P<ten_days>(?:{_year('t')})?{_month('t')}\s*(?P<xun>上|中|下)旬{_BEFORE})",
    # a limit in days: 30日内, 15个工作日内 (自本通知印发之日起 before it: _lead_word)
    # (a range before it is one limit, due at its outer end: 3至5个工作日内, 5—10日内 -> 5, 10)
    # (weeks: 两周内, 1至2周内, 两个星期内; ``period`` in days, 14: a week is seven days, as a day count's)
    rf"(?P<within_days>(?:(?:{_CN_OR_DIGITS}){_RANGE_TO})?(?P<n9>{_CN_OR_DIGITS})\s*个?\s*(?:(?:工作)?(?:日|天)|(?P<wk>周|星期))"
    r"(?:之|以)?内)",
    # a limit in hours (应急预案, reporting rules): 接报后1小时内, 24小时内 (自…之时起 before it: _lead_word)
    rf"(?P<within_hours>(?P<nh>{_CN_OR_DIGITS})\s*个?\s*小时(?:之|以)?内)",
    # a limit in minutes (应急预案 response times): 30分钟内, 半小时内 (30 minutes)
    rf"(?P<within_minutes>(?:(?P<nmin>{_CN_OR_DIGITS})\s*分钟|(?P<hh>半)\s*个?\s*小时)(?:之|以)?内)",
    # a half year: 半年内 (six months: it read as 年内, the year's end, with 半 left to the action)
    r"(?P<half_year>半\s*年(?:之|以)?内)",
    # a month a rule starts from: 2025年4月起, (自)10月份起 (not 6月起草…, nor a range: 4月起至10月)
    rf"(?P<month_from>(?:{_year('o')})?{_month('o')}(?:\s*份)?\s*起(?!\s*(?:草|[至到—－\-~～])))",
    # a bare month before a verb of finishing: 6月完成…, 2027年10月建成… (due at its end; vetted as a range is)
    # (份 is part of the phrase: 6月份完成… left 份 to the action)
    # (a month's end without 前 likewise: 要在6月底完成…, 6月末建成…)
    rf"(?P<bare_month>(?:{_year('n')})?{_month('n')}(?:\s*[份底末])?(?=\s*{_FINISH}))",
]) + ")")

#: the second lookahead: the first two characters of each word-led form
_WORDS_SECOND = r"(?=每[\s月季半年周星日天]|即日|[自从]即|[上下]半|[期时]限|清明|端午|中秋|元宵|除夕|[届期]满)"
RE_DEADLINE_WORDS = re.compile(r"(?=[每即自从上下期时清端中元除届])" + _WORDS_SECOND + "(?:" + "|".join([
    # a recurring limit: 每月5日前, 每季度末, 每年12月20日前, 每月底前 (a point in each cycle, not one date)
    # (每季度末月20日前: a day of the last month of each quarter, ``event`` 每季度末月; it read 每季度末, 月20日前 the action)
    # (每季度第一个月10日前, 每季度首月10日前: a day of the quarter's first month, ``event`` 每季度第一个月)
    rf"(?P<recurring>每\s*(?P<cyc>月|季度|季|半年|年)\s*(?:{_month('c')}|(?P<cend>(?:末|首|第[一二三]个?)\s*月)(?={_day('e')}))?"
    rf"(?:{_day('c')}\s*(?:之|以)?前|年?(?:底|末){_BEFORE}))",
    # a weekly limit: 每周五前, 每星期一之前 (a day of each week; ``event`` 每周, the weekday stays in the text: ``day``
    # is a day of the month); a time of that day stays in the text too: 每周五下班前, 每周一12时前, 每周五下午5点前
    rf"(?P<weekly>每\s*(?:周|星期)\s*[一二三四五六日天]\s*(?:{_TIME_OF_DAY})?\s*(?:之|以)?前)",
    # a daily limit: 每日17时前, 每天下班前, 每日上午10时前 (``event`` 每日; a time of day is needed: 每天巡查 is a frequency)
    rf"(?P<daily>每\s*(?:日|天)\s*(?:{_TIME_OF_DAY})\s*(?:之|以)?前)",
    # a phase from now: （自）即日起至2027年6月30日, 即日起至9月底, 即日起至年底
    rf"(?P<from_now>(?:自|从)?即日起{_RANGE_TO}(?:{_year('f')})?"
    rf"(?:{_month('f')}(?:{_day('f')}|底|末)?|(?P<fye>年?(?:底|末))){_BEFORE})",
    # (a year before it: _lead_word; 上半年内 is the half year: its 内 was left to the action)
    rf"(?P<half>(?P<hn>上|下)半年(?:末|底|(?:之|以)?内)?{_BEFORE})",
    # a term: 整改期限为3个月, 时限为30日
    # (整改时限不得超过15个工作日, 期限不超过3个月: the longest time allowed is the term)
    # (整顿期限一般不超过6个月, 原则上: the usual term)
    # (时限最长不超过30日: the longest term)
    rf"(?P<term>(?:期限|时限)(?:一般|原则上|最长)?(?:为|是|不超过|不得超过)?\s*(?P<n10>{_CN_OR_DIGITS})\s*(?:(?P<tmonth>个\s*月)|个?\s*(?:工作)?(?:日|天)))",
    # (lunar festivals too: 元宵节前, 除夕前)
    rf"(?P<before_event2>(?P<ev7>{_LUNAR_EVENTS})(?:”?(?:之|以)?前夕?|”?(?={_SHARED_EVENT_BEFORE})))",
    # before an expiry: (有效期)届满前, 届满前1个月, 届满前30日 (what expires: _lead_word; the offset is in the text);
    # also 期满前3个月, (有效)期满前 (a licence's rules write it so)
    rf"(?P<expiry>[届期]满(?:之|以)?前(?!后)(?:\s*(?:{_CN_OR_DIGITS})\s*(?:个\s*月|个?\s*(?:工作)?日|天))?)",
]) + ")")

# alternative -> (kind, year, month, day, period, event group names)
_KIND_FIELDS = {
    "recurring": ("recurring", None, "mc", "dc", None, None),
    "next_month": ("recurring", None, None, "dx", None, None),
    "weekly": ("recurring", None, None, None, None, None),  # (event 每周, _deadline_fields)
    "by_end_of_period": ("by_end_of_period", "y8", "m8", "d8", None, None),
    "from_now": ("by_end_of_period", "yf", "mf", "df", None, None),
    "months": ("by_end_of_period", None, "ms", "ds", None, None),
    "quarter": ("by_end_of_period", "yq", None, None, None, None),
    "half": ("by_end_of_period", None, None, None, None, None),
    "ten_days": ("by_end_of_period", "yt", "mt", None, None, None),
    "effective_from": ("effective_from", "y0", "m0", "d0", None, None),
    "by_date": ("by_date", "y1", "m1", "d1", None, None),
    "by_end_of_month": ("by_end_of_month", "y2", "m2", None, None, None),
    "by_end_of_year": ("by_end_of_year", "y3", None, None, None, None),
    "within_years": ("within_years", None, None, None, "n4", None),
    "within_months": ("within_months", None, None, None, "n5", None),
    "within_days": ("within_days", None, None, None, "n9", None),
    "within_hours": ("within_hours", None, None, None, "nh", None),
    "within_minutes": ("within_minutes", None, None, None, "nmin", None),  # (半小时: 30, _deadline_fields)
    "half_year": ("within_months", None, None, None, None, None),  # (period 6, _deadline_fields)
    "year_from": ("effective_from", "yz", None, None, None, None),
    "use_years": ("within_years", None, None, None, "nuy", None),
    "use_months": ("within_months", None, None, None, "num", None),  # (用半年时间: 6, _deadline_fields)
    "month_from": ("effective_from", "yo", "mo", None, None, None),
    "horizon": ("by_end_of_year", "yh", None, None, None, None),
    "bare_month": ("by_end_of_month", "yn", "mn", None, None, None),
    "term": ("within_days", None, None, None, "n10", None),  # within_months when in months
    "within_year": ("within_year", "yw", None, None, None, None),
    "before_event": ("before_event", None, None, None, None, "ev6"),
    "before_event2": ("before_event", None, None, None, None, "ev7"),
    "expiry": ("before_event", None, None, None, None, None),  # (event: what expires, _deadline_fields)
    "this_month": ("by_end_of_month", None, None, "dm", None, None),  # (month: the notice date's, _deadlines)
    "daily": ("recurring", None, None, None, None, None),  # (event 每日, _deadline_fields)
    "month_list": ("by_end_of_period", None, "ml", None, None, None),
    "not_exceeding": ("within_days", None, None, None, "nx", None),  # (in hours or minutes: _deadline_fields)
    "year_before": ("by_end_of_year", "ye", None, None, None, None),
    "year_range": ("by_end_of_period", "yg", None, None, None, None),  # (month 12, day 31: _deadline_fields)
    "bare_year": ("by_end_of_year", "yk", None, None, None, None),
    "plan_end": ("by_end_of_period", None, None, None, None, None),  # (year 1955 + 5N, 12-31: _deadline_fields)
}
#: a range's separator right after a month or day (5月至9月, 5月10日起至6月30日; what every month range holds),
#: a verb of finishing right after a month or its end (6月完成, 6月底完成: what every bare month holds), or a month's number and 、
#: right before a month (7、8月: what every month list holds)
#: (led by one character class, the 月 of the second form checked behind it: the regex engine then
#: skips to the characters of the class instead of trying the pattern at each position)
_RANGE_GATE = re.compile(rf"[月日号](?:\s*起?\s*[至到—－\-~～]|(?<=月)\s*(?:份?\s*起|[份底末]?\s*{_FINISH})"
                         r"|(?<=、\d月)|(?<=、\d\d月)|(?<=、[一二三四五六七八九十]月)|(?<=、十[一二]月))")
#: a plan's horizon: 到2027年，… (``_vetted``: 到/至 opens its chunk or follows a cue; not after a year); what
#: may follow the year: no month, year end, 度, 内, 前, 起, 以来… (the forms of their own), nor a second 到/至.
#: A pattern of its own, led by 到/至 (the regex engine skips to them), scanned on the texts with one
#: (``_deadline_matches``): in RE_DEADLINE_MORE, its gate made a text that holds 到2027年底 scan all of it
_HORIZON_NEXT = r"(?!\s*(?:[\d〇零一二三四五六七八九十]|月|底|末|度|内|前|起|以|之|后|的|到|至|—|－|-|~|～))"
#: (a year of this century: 到2027年, 到二〇二七年; what ``_may_have_horizon`` looks for by substring)
RE_HORIZON = re.compile(rf"[到至](?P<horizon>(?P<yh>20\d{{2}}|二[〇零][〇零一二三四五六七八九]{{2}})\s*年{_HORIZON_NEXT})")


#: a year a rule starts from: 自2027年起, 从2027年开始, 2027年起，… (``_vetted``: after 自/从, or opening its chunk
#: before a comma); not 起草, 起火, 起重…, nor a range (2026年起至2028年) or a thing named (2027年开始的试点)
RE_YEAR_FROM = re.compile(rf"(?P<year_from>{_year('z')}\s*度?\s*(?:起(?![草步诉火飞义重吊降爆见])|开始)(?!\s*(?:[至到—－\-~～]|的)))")


#: the month after each one reported on: 次月10日前, 次月底前 (a point in each cycle, as 每月5日前: ``recurring``,
#: ``event`` 次月). A pattern of its own, scanned on a text holding 次月 (a substring test): as a word-led form, the
#: character flag of 次 (一次, 两次: common) made many texts search for the word-led forms' words
RE_NEXT_MONTH = re.compile(rf"(?P<next_month>次月\s*(?:{_day('x')}|底|末)\s*(?:之|以)?前)")


#: a time a task is given (三年行动方案): 用三年时间…, 用2年左右时间, 用半年时间, 用3个月的时间 (a limit from now:
#: ``within_years``, or ``within_months`` in months; 用 is part of the phrase, not the action)
RE_USE_TIME = re.compile(rf"用\s*(?:(?P<nuy>{_CN_OR_DIGITS})\s*年|(?P<num>{_CN_OR_DIGITS})\s*个\s*月|(?P<nuh>半)\s*年)"
                         r"(?:左右)?\s*(?:的)?\s*时间")


#: the longest time allowed before the task it limits, without 内 (事故发生后不超过1小时报告, 接警后不超过5分钟出动,
#: 不得超过3日提交…): a limit in hours, minutes or days (with 内 it is that form's, led by 不超过: ``_lead_word``). Not
#: when the length closes its clause part (单次作业时间不超过2小时。: a target) or names a scope (不超过3天的),
#: nor before 以内/以上/左右. A pattern of its own, scanned on a text holding 超过 (a substring test)
RE_NOT_EXCEEDING = re.compile(rf"(?:最迟|最长|最多)?不\s*(?:得|应)?\s*超过\s*(?P<nx>{_CN_OR_DIGITS})\s*"
                              r"(?:(?P<xh>个?\s*小时)|(?P<xm>分钟)|个?\s*(?:工作)?(?:日|天))"
                              r"(?!\s*(?:[内的以之左（(，。；：！？,.;:!?\n]|$))")


#: a year before 前 closes a plan's horizon as 到2027年 does (2028年前完成…, 2027年前，…, 2030年以前…: ``by_end_of_year``);
#: not 前三季度 / 前10个月 (the first months of it), 前后 (around it), 前期 (the early stage), 前夕. A pattern of its own,
#: scanned on a text holding 年前, 年以前 or 年之前 (substring tests); a year before the notice's is a past reference
#: (2020年前建成的…: a scope), as every year is
RE_YEAR_BEFORE = re.compile(rf"{_year('e')}\s*(?:之|以)?前(?!\s*[后夕期\d一二两三四五六七八九十半个])")


#: the verbs of finishing a year is due by (2027年完成…, 2028年基本建成…: the year's end; 2027—2028年，全面完成…: the phase's
#: end): a year's work is finished or built, not reported or handed in (``_FINISH``'s 报送, 提交… name a month's)
_YEAR_FINISH = r"(?:全面|基本)?(?:完成|建成)"
#: a range of years (2027—2028年, 2027年至2028年: ``_vetted``: a plan phase when it opens its sentence and closes its chunk
#: before work that finishes, 2027—2028年，全面完成…, or names a phase, 2027—2028年为巩固提升阶段; not 2026年到2027年，分两批
#: 实施, nor 2026年到2027年分两批完成改造, probes 8 and 21), and a bare year right before a verb of finishing (城镇燃气管道
#: 老化更新改造2027年完成1200公里, 2028年基本建成…, 2027年度完成…: that year's end, as 2027年10月建成… is a month's; not 2027年完成了… nor
#: a figure's name, 2027年完成率/完成情况/完成的…, nor a year after 到/至, a horizon's, or after 比/较, a base). A pattern
#: of its own, scanned on a text holding 年 and 完成, 建成 or 阶段 (``_may_have_years``)
RE_YEARS = re.compile(
    r"(?<![\d到至比较])(?:(?P<year_range>(?:(?:19|20)\d{2}|二[〇零][〇零一二三四五六七八九]{2})\s*年?" + _RANGE_TO + _year("g")
    + r"(?![\d〇零一二三四五六七八九十月底末度内前起以之后的]))"
    + rf"|(?P<bare_year>{_year('k')}度?(?=\s*{_YEAR_FINISH}(?![了的率量数额值情]))))")


#: the end of a five-year plan's period: “十五五”末, 十五五期末, “十四五”时期末, “十五五”末期 (the Nth plan, N = 10 + the middle
#: numeral, ends in 1955 + 5N: 十四五 2025, 十五五 2030; ``by_end_of_period``, due 12-31 of that year, ``year`` that year as
#: a year range's; a past plan's end is a past reference). Not “十五五”期间 or 时期 (a window), nor “十四五”以来.
#: A pattern of its own, scanned on a text holding 五 and 末 (substring tests)
RE_PLAN_END = re.compile(r"(?P<plan_end>“?十(?P<fp>[一二三四五六七八九])五”?\s*(?:时期|期)?末(?:期)?(?:\s*(?:之|以)?前)?)"
                         r"(?!\s*(?:的|基础|水平))")


def _may_have_years(text: str) -> bool:
    """Can ``RE_YEARS`` match (and be vetted): does ``text`` hold 年 and 完成, 建成 or 阶段? (substring tests)"""
    return "年" in text and ("完成" in text or "建成" in text or "阶段" in text)


def _may_have_year_before(text: str) -> bool:
    """Can ``RE_YEAR_BEFORE`` match: does ``text`` hold 年前, 年以前 or 年之前? (substring tests)"""
    return "年前" in text or "年以前" in text or "年之前" in text


def _may_have_use_time(text: str) -> bool:
    """Can ``RE_USE_TIME`` match: does ``text`` hold 时间 and 用? (substring tests)"""
    return "时间" in text and "用" in text


def _may_have_year_from(text: str) -> bool:
    """Can ``RE_YEAR_FROM`` match: does ``text`` hold 年起 or 年开始? (substring tests)"""
    return "年起" in text or "年开始" in text or "年度起" in text or "年度开始" in text


def _may_have_more(text: str) -> bool:
    """Can ``RE_DEADLINE_MORE`` match? Each of its forms holds a range's separator after 月/日/号, 季度,
    旬, 日/天/小时/分钟 and 内 (a day, hour or minute count) or 起 after 月 (a month start); the substring
    tests come first (most texts have none), and a month range, bare month or month start has a 月 (the
    scan only runs on a text with one); 半年内 holds 内 and 半."""
    return ("季度" in text or "旬" in text
            or ("内" in text and ("日" in text or "天" in text or "小时" in text or "分钟" in text or "半" in text
                                  or "周" in text or "星期" in text))
            or ("月" in text and _RANGE_GATE.search(text) is not None))


def _may_have_horizon(text: str) -> bool:
    """Can ``RE_HORIZON`` match: does ``text`` hold 到 or 至 right before a 2 or 二 (a year of this century)?
    (substring tests: 到 and 至 alone are common, 达到, 至少, and a search led by the two of them, a
    character class, costs ten times as much on the texts that hold one)"""
    return ("到" in text or "至" in text) and ("到2" in text or "至2" in text or "到二" in text or "至二" in text)
#: the words a form of RE_DEADLINE_WORDS holds (one of them must be in the text for its scan)
_WORD_GATES = ("每月", "每季", "每年", "每半年", "每周", "每星期", "每日", "每天", "即日", "半年", "期限", "时限", "清明", "端午", "中秋", "元宵", "除夕",
               "届满", "期满")
_WORD_GATE = re.compile("|".join(_WORD_GATES))  # (one search, not a generator of substring tests)
#: words before a match that belong to it (``_lead_word``): the year after the notice's, a 第 before a
#: quarter, 每年 before an event, the start a day count runs from, a year before a half year
_NEXT_YEAR = ("次年", "翌年", "明年")
#: the characters before 明 in a word that ends in it (写明, 注明, 说明, 表明…): 写明年底前… is no 明年
_MING_BEFORE = frozenset("写注说表证声查阐透光文标载指讲申聪")
#: the notice's own year written before a month, a date or a part of the year (今年6月底前, 今年第三季度): part of the phrase
_THIS_YEAR = ("今年", "本年", "当年")
_THIS_YEAR_FORMS = ("effective_from", "by_date", "by_end_of_month", "ten_days", "bare_month", "month_from", "quarter",
                    "half", "months", "month_list")
#: (after 在 the phrase starts after it: 在事故发生之日起60日内 -> 事故发生之日起60日内; 在 is a cue, as in 在6月底前;
#: so is 于: 请于收到本函之日起5个工作日内)
#: (without 自/从 the anchor is the phrase's when it opens its chunk with the event's verb: 收到督办通知之日起15个工作日内，…
#: read the action 收到督办通知之日起督办单位…; a chunk opening with its subject keeps it: 企业收到…之日起)
_DAYS_FROM = re.compile(r"(?:自|从|(?<=[在于])|(?:^|(?<=[，。；：,;:\n]))(?=收到|接到|接获|取得|签收|送达|事故发生))"
                        r"[^，。；：\n]{1,15}?(?:之日|日|之时|时)起\s*$")
_YEAR_BEFORE = re.compile(rf"{_year('b')}\s*$")
#: the end of each cycle a limit in days counts from (每季度结束后10日内, 每月结束后5个工作日内, 每年度终了后30日内)
_CYCLE_END = re.compile(r"每\s*(?P<cyc>月|季度|季|半年|年度|年)\s*(?:结束|终了|期满)\s*后\s*$")
_CYCLE_EVENT = {"季": "每季度", "年度": "每年"}  # (named as ``recurring``'s other events are: 每季度末, 每年12月20日前)
#: the longest time allowed before a limit in days, hours or minutes (不超过1小时内, 最迟不超过2小时内)
_NOT_EXCEEDING = re.compile(r"(?:最迟|最长|最多)?不\s*(?:得|应)?\s*超过\s*$")
_KINDS = tuple(dict.fromkeys(kind for kind, *_ in _KIND_FIELDS.values()))
#: the day a part of a month ends on (下旬: the month's end, from the calendar)
_XUN_DAY = {"上": 10, "中": 20, "下": None}
#: an event written two ways, named once (汛前 and 入汛前 are before the 汛期)
_EVENT_NAME = {"汛": "汛期", "入汛": "汛期", "十一": "国庆"}
#: which holidays, written before 节假日 (重要节假日前, 法定节假日前): part of the phrase
_HOLIDAY_KINDS = ("重要", "重大", "法定", "传统")
#: a holiday on a fixed day of the notice year: the day before it is due (a lunar holiday, 元旦
#: of which year, 汛期 of which region: null)
_EVENT_DUE = {"国庆": (9, 30), "国庆节": (9, 30), "五一": (4, 30)}
#: what expires before a 届满 (有效期届满前, 任期届满前30日)
_EXPIRES = re.compile(r"(?:有效期|任期|聘期|合同期|服务期|期限|期|有效|合同|服务)$")  # (有效 and 合同 before 期满)
#: what reports a limit not kept (事故调查报告: 未在1小时内报告, 未于3月底前完成, 没有在…)
_FAILED = re.compile(r"(?:未|没有|未能|没能)(?:按期|按时)?(?:在|于)?\s*$")
_YEAR_END_CUE = re.compile(r"(?:确保|力争|争取|到|至|于|在)$")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十]")
_LAST_DEADLINE_SPANS: list = []  # [text, spans] of the last extract_deadlines call

# "年底" inside a longer word is not a deadline (e.g. 年底到期 is a past or status reference).
_YEAR_END_VETO = re.compile(r"到期|以来|以后|之后")
# N年内不得… is a ban period and N个月之内发生… a condition, not a time limit for a task.
# (and N日内未完成整改的: those that did not, a condition: 对30日内未完成整改的企业，依法予以处罚)
_PERIOD_VETO = re.compile(r"^\s*(?:不得|禁止|发生|连续|累计|曾|未)")


# what follows a period that reports figures (…共发生事故…, 累计检查…) rather than sets a phase
# (also after 期间: 2026年1月至9月期间，全省共发生…)
_PHASE_VETO = re.compile(r"(?:期间)?[，,]?\s*(?:全[省市县区国]?|各地|我[省市县区])?\s*(?:共|累计|发生|共计|完成了|已)")


#: a period counted from an event, not from the notice (事故结案后一年内, 自验收合格之日起两年内): it has no calendar
#: date (a period in months or days never has one; one in years took the notice's year as its first)
_COUNTS_FROM_EVENT = re.compile(r"(?:后|之日起|日起)\s*$")


def _due(kind: str, year: int | None, month: int | None, day: int | None, period: int | None) -> str | None:
    if year is None:
        return None
    if kind in ("by_end_of_year", "within_year"):
        return f"{year:04d}-12-31"
    if kind == "within_years" and period:
        # the notice's own year counts as the first year of the period (三年内 in 2017: 2017-2019)
        return f"{year + period - 1:04d}-12-31"
    if kind == "by_end_of_month" and month:
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if kind == "by_end_of_period" and month and not day:
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if kind == "effective_from" and month and not day:
        return f"{year:04d}-{month:02d}-01"  # 2025年4月起: from the month's first day
    if kind == "effective_from" and not month:
        return f"{year:04d}-01-01"  # 自2027年起: from the year's first day
    if kind in ("by_date", "effective_from", "by_end_of_period") and month and day:
        try:
            calendar.weekday(year, month, day)
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


# An item number at the start of a clause (一、 （三） 3. 2．): it opens the clause, it is not part of
# what must be done (二、年底前完成… -> 完成…, not 二完成…)
# (also 2） with a closing bracket only, which 应急预案 number their steps with: 2）重大情况要在30分钟内…)
#: an item number opening a clause: 第三条, 三、, （三）, (3), 3., 3、, 3）; an outline number as plans and 预案 number their
#: sections (3.1, 4.2.1, 3.1．: no unit, digit or % after it, so no figure: 1.5万元…, 3.5级; ``inference.align.item_number``
#: sets all of these aside when it compares two years' clauses), circled and bracketed digits (①, ⑴, ⒈) and 一是/二是…
#: (firstly: not 是否)
_ENUM_LEAD = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+条\s*|[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]"
                        r"|\d{1,2}(?:[.．]\d{1,2}){1,3}[.．、]?"
                        r"(?![\d.．%％‰万亿千百十元角米吨倍个年月日时分秒周天公平立亩顷斤克升瓦度台套家人名户处座辆艘架次项条所间级期批])"
                        r"|\d+\s*[.．、](?!\d)|\d{1,2}\s*[）)]|[\u2460-\u249b]|[一二三四五六七八九十]{1,2}是(?!否))\s*")
# brackets a deadline was cut out of: 动员部署阶段（2027年3月底前） -> 动员部署阶段
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[）)]")


# a deadline given as a task's key entry: （牵头单位：…；完成时限：2027年6月底前）, …。完成时限：…, 时间节点：…
_KEYED_DEADLINE = re.compile(rf"{DEADLINE_KEY}\s*$")
_REMARK_TAIL = re.compile(r"(?:[（(][^（）()]*[）)]\s*)+$")


def _keyed_action(text: str, key: int) -> str:
    """The task a keyed deadline belongs to: the sentence before the remark or entries that hold the
    key (``修订职责清单（牵头单位：…；完成时限：…）`` -> ``修订职责清单``). The phrase's own chunk is the
    rest of the remark (``）``, ``）（牵头单位``), which says nothing of what must be done."""
    opening = max(text.rfind("（", 0, key), text.rfind("(", 0, key))
    closing = max(text.rfind("）", 0, key), text.rfind(")", 0, key))
    if opening > closing:  # inside a bracketed remark: the task ends where it opens
        task_end = opening
    else:  # entries after the task's sentence: …整改。责任单位：…；完成时限：…
        task_end = text.rfind("。", 0, key)
        if task_end < 0:  # no sentence before them: the text up to the first entry's key
            task_end = min((m.start() for m in re.finditer(r"[^，,；;。：:]{1,8}[：:]", text[:key])), default=key)
    head = _REMARK_TAIL.sub("", text[:task_end]).rstrip(" 　。；;，,")
    begin = max(head.rfind("。"), head.rfind("；"), head.rfind(";")) + 1
    return _tidy(_ENUM_LEAD.sub("", head[max(begin, len(head) - WINDOW):]))


def _action(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> str:
    """What must be done: the rest of the phrase's chunk (``…年底前[再建成60座智能化煤矿]``),
    with the chunk's own lead-in (``专项整治方案于…``) when it names the subject, and the previous
    chunk when what follows is only a bare verb (``…综合治理，2017年底前[全部完成]``); for a deadline
    written as a key entry (``完成时限：…``), the task before it (``_keyed_action``). ``spans``: every
    phrase of the text (when there are several): a limit enumerated after 、 with its own task has its own
    part of the chunk (``_own_part``)."""
    near = text[max(0, start - 8):start]
    if "：" in near or ":" in near:
        key = _KEYED_DEADLINE.search(text, max(0, start - 10), start)
        if key:
            return _keyed_action(text, key.start())
    left, right = _chunk_bounds(text, start, end)
    left, right = max(left, start - WINDOW), min(right, end + WINDOW)
    lead, rest = text[left:start], text[end:right]
    if spans is not None and ("、" in lead or "、" in rest):
        lead, rest = _own_part(text, start, end, left, right, spans)
    if left == 0 and lead:
        lead = _ENUM_LEAD.sub("", lead)
    # 本办法自2025年7月1日起施行: the 自 of a start is no part of what starts, and a start borrows no
    # action from the chunk before (…负责解释，自…起施行 starts 施行, not 负责解释)
    start_from = lead[-1:] in ("自", "从") and (text[end - 1] == "起" or text[end - 2:end] == "开始")
    if start_from:
        lead = lead[:-1]
    if rest[:1] == "、" or lead[-1:] == "、" or (rest[:1] == "“" and text[end - 1] == "”") or (
            lead[-1:] == "”" and text[start] == "“"):
        # (quoted events enumerated with no 、 between: “五一”“十一”前)
        lead, rest = _without_enumerated_dates(text, start - len(lead), start, right, rest)
    if ("在" in lead or "于" in lead) and lead[-1:] in _ANCHOR_LAST:
        # 书面报告应在[事故发生后]2小时内报送: the modal and 在 before the anchor a limit counts from are the limit's cue,
        # no part of the action (it read 书面报告应在事故发生后报送), as they are before the limit itself (_TRAIL)
        lead = _CUE_BEFORE_ANCHOR.sub("", lead)
    before, after = _tidy(lead), _tidy(rest)
    if before and before[0] == "为" and _PURPOSE.fullmatch(before):
        before = ""  # 为用两年时间全面消除…: the purpose 为 (为了, 为确保) is no part of what must be done
    if after[:1] == "为" and after.endswith("阶段"):
        after = after[1:]  # 2027年4月至9月为集中整治阶段: the 为 (is) names the phase, as 阶段（2027年4月至9月） does
    if not after and right < len(text) and text[right] == "，" and not _names_action(before):
        # "2016年3月底前，各市、县人民政府要…": the action is the next chunk (not after an action of its own:
        # 森林覆盖率达到65%到2030年，持续巩固 -> 森林覆盖率达到65%; the deadline closes that part; nor a condition,
        # …不超过3个月，确有困难的，可延长… read the action 整改确有困难)
        nleft, nright = _chunk_bounds(text, right + 1, right + 1)
        nright = min(nright, nleft + WINDOW)
        if not (before and text[nleft:nright].endswith("的")):
            after = _tidy(text[nleft:nright])
    action = f"{before}{after}" if before else after
    if len(after) < 6 and not before and not start_from and left > 0 and text[left - 1] == "，":
        pleft, _ = _chunk_bounds(text, left - 1, left - 1)
        pleft = max(pleft, left - 1 - WINDOW)
        # (an item number opening the clause is no part of it, as of the phrase's own chunk: （三）县应急局要…，汇总上报)
        prev = _tidy(_ENUM_LEAD.sub("", text[:left - 1]) if pleft == 0 else text[pleft:left - 1])
        # (not a chunk with a time limit of its own: 6月中旬组织评审，6月下旬前全面推开 -> 全面推开)
        if prev and not (_may_have_deadline(prev) and next(_deadline_matches(prev), None) is not None):
            action = f"{prev}，{after}" if after else prev
    if not action and left > 0 and text[left - 1] in ("：", ":"):
        # 集中整治阶段：2027年4月至9月。: the phase the time is keyed to (as 集中整治阶段（2027年4月至9月） gives it)
        pleft, _ = _chunk_bounds(text, left - 1, left - 1)
        name = _tidy(_ENUM_LEAD.sub("", text[pleft:left - 1]) if pleft == 0 else text[pleft:left - 1])
        if name.endswith("阶段"):
            action = name
    return _EMPTY_BRACKETS.sub("", action) if "）" in action or ")" in action else action


#: a modal and 在/于 (or 在/于 opening the lead) right before the anchor a limit counts from (应在事故发生后, 须于接报后):
#: the anchor, 2 to 14 characters, closes the lead. The modals ``_TRAIL`` drops before a limit itself (要在6月底前 -> 要在
#: dropped); not 应当, which the actions keep (事故调查报告应当在事故发生之日起60日内提交 -> 事故调查报告应当提交, probes 8-17)
_CUE_BEFORE_ANCHOR = re.compile(r"(?:(?<=[^，。；：\s])(?:应|须|要|必须|务必)|^)[在于](?=[^在于，。；：]{2,14}(?:后|之日起|日起|之时起|时起)$)")
_ANCHOR_LAST = frozenset("后起")


#: the end of an anchor a limit counts from (事故发生后, 自验收合格之日起, 接报时): an event, not the task
_ANCHOR_END = ("后", "起", "时", "以来")
#: the head of a thing or a body a verb only names (培训机构, 改造工程, 新建住宅小区, 建设单位2027年底前，…): a topic the
#: next chunk's verb acts on, not an action (关闭退出小型采石场工作, 建立隐患排查台账 are)
_TOPIC_HEAD = ("项目", "工程", "机构", "单位", "企业", "场所", "设施", "小区", "人员", "区域", "设备", "车辆", "房屋", "建筑", "工地")


def _names_action(before: str) -> bool:
    """Are the words before a deadline that closes its chunk an action of their own (``森林覆盖率达到65%``到2030年，…,
    ``关闭退出小型采石场工作``期限6个月，…), so the deadline closes that part and the next chunk is another task? Not
    a subject (各市、县人民政府, 省住房和城乡建设厅: ``_subject_lead``), an anchor (事故发生后, 自…之日起) or words
    with no verb that commits (重大事故隐患: a topic the next chunk's verb acts on)."""
    return (bool(before) and not before.endswith(_ANCHOR_END) and _ACTION_WORD.search(before) is not None
            and not (before.endswith(_TOPIC_HEAD) and "%" not in before and "‰" not in before) and not _subject_lead(before))


#: a purpose that leads a phrase's chunk, nothing else before the phrase (为用两年时间…, 为了在年底前…, 为确保到2027年…)
_PURPOSE = re.compile(r"为了?(?:确保|力争|争取|努力)?")


def _own_part(text: str, start: int, end: int, left: int, right: int,
              spans: list[tuple[int, int]]) -> tuple[str, str]:
    """The words before and after a limit at ``start:end`` in its chunk ``left:right`` when the chunk
    enumerates limits, each with its own task (``30分钟内电话报告、1小时内书面报告``, ``于6月底前完成自查、县应急局于
    7月底前完成抽查``): its task ends at the 、 before the next limit; after an earlier limit and its task, its
    lead is its own subject after the 、 (县应急局于) or, with none, the subject before the first (事发地乡镇要在).
    A 、 right after a limit (6月底、12月底前: dates sharing a 前) is left to ``_without_enumerated_dates``."""
    lead_from, rest_to = left, right
    shared = ""
    k = bisect.bisect_right(spans, (end, end))  # (spans are sorted and do not overlap)
    if k < len(spans) and spans[k][0] < right:
        cut = text.rfind("、", end, spans[k][0])
        if cut > end:
            rest_to = cut
            shared = _shared_object(text, end, cut, spans[k][1], right)
    k = bisect.bisect_left(spans, (start, start)) - 1
    if k >= 0 and spans[k][1] > left:
        prev_start, prev_end = spans[k]
        cut = text.rfind("、", prev_end, start)
        if cut > prev_end:
            own = text[cut + 1:start]
            # (its own subject after the 、, or the one before the limits it shares)
            return (own if _tidy(own) else text[left:prev_start]), text[end:rest_to] + shared
    return text[lead_from:start], text[end:rest_to] + shared


#: the verb a limit's task opens with, after an adverb (全面完成, 基本建成): two characters, then its object
_VERB_THEN_OBJECT = re.compile(r"(?:全面|基本|全部|初步|逐步|集中|力争)?[\u4e00-\u9fff]{2}(?P<object>[^、]{2,})")


def _shared_object(text: str, end: int, cut: int, next_end: int, right: int) -> str:
    """The object a bare verb before the 、 of two limits shares with the next limit's verb: ``6月底前启动、9月底前完成
    城镇燃气管道更新改造`` -> 城镇燃气管道更新改造 for 启动 (it read 启动 alone); ``""`` when the limit's own part is more
    than a two-character verb (``6月底前完成自查、7月底前完成抽查``: each its own task) or the next has no object."""
    own = _tidy(text[end:cut])
    if len(own) != 2 or not ("\u4e00" <= own[0] <= "\u9fff" and "\u4e00" <= own[1] <= "\u9fff"):
        return ""
    stop = text.find("、", next_end, right)
    m = _VERB_THEN_OBJECT.fullmatch(_tidy(text[next_end:stop if stop != -1 else right]))
    return m.group("object") if m else ""


def _without_enumerated_dates(text: str, left: int, start: int, right: int, rest: str) -> tuple[str, str]:
    """The words before (``text[left:start]``) and after (``rest``) a deadline at ``start`` (in the chunk
    ``left:right``) without
    the dates enumerated with it (分别于6月底、12月底前报送…: 6月底's action is 报送…, not 12月底前报送…,
    and 12月底前's lead is 各成员单位分别于, not …6月底、)."""
    while rest[:1] in ("、", "“"):
        skip = 1 if rest[:1] == "、" else 0  # (“五一”“十一”前: quoted events need no 、 between them)
        first = next(_deadline_matches(rest[skip:]), None)
        if first is None or first[2] != 0:
            break
        rest = rest[skip + first[3]:]
    cut = start
    if text[start - 1:start] in ("、", "”"):
        # (matched in the whole chunk: the dates before it share the 前 of the last one)
        for _, _, a, b, _ in reversed(list(_deadline_matches(text[left:right]))):
            if (text[cut - 1] == "、" and left + b == cut - 1) or (text[cut - 1] == "”" and left + b == cut):
                cut = left + a
    return text[left:cut], rest


def _simplified(text: str) -> str:
    """Traditional-script text in simplified characters (the patterns are simplified), when the
    conversion keeps every offset (it maps character for character on notice text)."""
    if _LAST_SIMPLIFIED and _LAST_SIMPLIFIED[0] is text:  # extract_targets right after extract_deadlines
        return _LAST_SIMPLIFIED[1]
    from policytag.corpus.script import to_simplified

    converted, changed = to_simplified(text)
    out = converted if changed and len(converted) == len(text) else text
    _LAST_SIMPLIFIED[:] = [text, out]
    return out


_LAST_SIMPLIFIED: list = []

# Half-width punctuation (clauses given with --clauses, pasted text): the chunk and sentence
# delimiters are full-width, so 整治,年底前完成… ran two tasks into one action and 改造200个.
# read "." as the object. They are read as their full-width forms, one character for one, so every
# span still points into the text; a "." "," ":" between two digits (0.9‰, 1,000, 8:30) stays.
_HALF_PUNCT = re.compile(r"[,;:!?.]")
_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}
_LAST_FULLWIDTH: list = []
# Full-width digits and per cent (２０２７年６月３０日前, １００％: pasted text; the segmenter
# makes notice text ASCII): the date and target patterns spell their digits in ASCII (19|20, 1[0-2]),
# so they are read as ASCII, one character for one, like the delimiters above.
_WIDE = re.compile("[０-９％]")
_READ_OTHERWISE = re.compile("[,.;:!?０-９％]")  # (one test for both kinds: most texts have neither)
_WIDE_TO_ASCII = str.maketrans("０１２３４５６７８９％", "0123456789%")


def _fullwidth(text: str) -> str:
    """``text`` with half-width delimiters read as full-width, and full-width digits and ``％`` as
    ASCII (the same object when it has none)."""
    if _READ_OTHERWISE.search(text) is None:
        return text
    if _LAST_FULLWIDTH and _LAST_FULLWIDTH[0] is text:
        return _LAST_FULLWIDTH[1]
    half = "," in text or "." in text or ";" in text or ":" in text or "!" in text or "?" in text
    wide = _WIDE.search(text) is not None
    last = len(text) - 1

    def full(m: re.Match) -> str:
        c, i = m.group(), m.start()
        if c in ".,:" and 0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit():
            return c
        return _FULL_PUNCT[c]

    out = _HALF_PUNCT.sub(full, text) if half else text
    if wide:
        out = out.translate(_WIDE_TO_ASCII)
    _LAST_FULLWIDTH[:] = [text, out]
    return out


def _as_written(items: list, text: str, read: str) -> list:
    """Phrases found in ``read`` (``text`` with full-width delimiters) given as ``text`` has them."""
    if read is text:
        return items
    return [x if read[x.span[0]:x.span[1]] == text[x.span[0]:x.span[1]]
            else dataclasses.replace(x, text=text[x.span[0]:x.span[1]]) for x in items]


def extract_fields(texts: list[str], years: list[int | None],
                   dates: list[str | None] | None = None) -> list[tuple[list[Deadline], list[Target]]]:
    """``(extract_deadlines(text, year, notice_date=date), extract_targets(text))`` for each text, the
    same lists (``dates``: each notice's ISO date, or None; none given: no date is known).

    Checks that every extraction starts with are made for the whole batch at once, on an array
    of its code points (``_batch_code_points``):

    * the traditional-script check (``corpus.script.is_traditional``, a set of the text's
      characters: a third of the extraction time on short clauses): a text with fewer than
      ``MIN_TRADITIONAL`` traditional-only characters is not traditional, whatever its length,
      so it is matched as it is; the few others (and texts ``is_traditional`` samples) take the
      usual path;
    * which of the characters the gates look for a text holds (``_text_flags``, one flag set per
      text): every target has a digit, a Chinese numeral followed by a unit (a count; white space
      may come between them) or a zero word (零, 不发生), so a text without any (about two thirds
      of the clauses) has no target, and one without a digit no rate, share or object-first
      target (``_candidates(digits=False)``), without running their patterns; and whether it
      holds a character that ``_fullwidth`` rewrites, that every deadline form holds
      (``_may_have_deadline``), that the word-led forms hold (``_WORD_GATES``), or that a
      reporting word starts with (``_REPORT_CUE``): a text without one skips that test or scan.
      A flag may say "maybe" wrongly, never "no".

    The cyclic garbage collector is paused while the batch is read: extraction makes no reference cycles, but
    each phrase it keeps (and each match, list and tuple on the way) counts towards the collector's next pass,
    and those passes, over every object the process holds, took 5 % of the time on the throughput benchmark
    (more in a process holding a model). Its state is restored after, as the caller had it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract_batch(texts, years, dates)
    finally:
        if enabled:
            gc.enable()


def _extract_batch(texts: list[str], years: list[int | None],
                   dates: list[str | None] | None) -> list[tuple[list[Deadline], list[Target]]]:
    """``extract_fields`` with the collector paused."""
    code_points = _batch_code_points(texts)
    plain = _surely_simplified(texts, code_points)
    text_flags = _text_flags(texts, code_points)
    out = []
    dates = dates if dates is not None else [None] * len(texts)
    for text, year, date, keep, flags in zip(texts, years, dates, plain, text_flags):
        if not keep:
            out.append((extract_deadlines(text, year, notice_date=date), extract_targets(text)))
            continue
        # a text that is surely simplified is matched as it is (what _simplified gives for it)
        read = _fullwidth(text) if flags & _FLAG_WIDTH else text
        # (a text without a deadline word has no deadline phrase: its targets need no spans; tested here, not in
        # _deadlines, which a text without one then is not called for)
        timed = flags & _FLAG_TIME and _may_have_deadline(read)
        deadlines = _deadlines(read, year, notice_date=date, flags=flags, checked=True) if timed else []
        # (a target has a digit, a numeral and unit (a count: _FLAG_COUNT), or a zero word)
        targets = (_targets(read, bool(flags & _FLAG_DIGIT), flags, None if timed else [])
                   if flags & (_FLAG_DIGIT | _FLAG_COUNT) or (flags & _FLAG_ZERO and _zero_word(text)) else [])
        if read is not text:
            deadlines, targets = _as_written(deadlines, text, read), _as_written(targets, text, read)
        out.append((deadlines, targets))
    return out


def _zero_word(text: str) -> bool:
    """Does ``text`` hold what a target without a numeral or a unit after one holds: 零 (零死亡), 不发生 (确保不发生较大
    事故) or 百分之 (下降百分之十)? (substring tests: cheaper than a regex search on the half of the texts without a
    numeral)"""
    return "零" in text or "不发生" in text or "百分之" in text or "〇" in text or "千分之" in text


@functools.lru_cache(maxsize=1)
def _traditional_table():
    """A bool array over all code points: is the character traditional-only? (1.1 MB, made once)"""
    import numpy as np

    from policytag.corpus.script import _traditional_only

    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in _traditional_only()]] = True
    return table


_NOT_READ = object()  # _surely_simplified called without the code points: it reads them


def _batch_code_points(texts: list[str]):
    """``(code points, where each text starts in them, length of each text)`` of a batch as numpy arrays, or
    None when a text cannot be encoded (a lone surrogate: the usual path for all)."""
    import numpy as np

    try:
        cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:
        return None
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    return cps, starts, lens


def _surely_simplified(texts: list[str], code_points=_NOT_READ) -> list[bool]:
    """Per text: has it fewer than ``MIN_TRADITIONAL`` traditional-only characters (so
    ``is_traditional`` says no)? Counted with numpy over the batch's code points
    (``_batch_code_points``; a look-up table of all code points, 1.1 MB, made once)."""
    import numpy as np

    from policytag.corpus.script import MIN_TRADITIONAL, SAMPLE

    if code_points is _NOT_READ:
        code_points = _batch_code_points(texts)
    if code_points is None:
        return [False] * len(texts)
    cps, starts, lens = code_points
    if not len(texts):
        return []
    # (a sum per text over the looked-up characters, as _text_flags ors them: no text number per character;
    # a 0 after the last, for a trailing empty text)
    traditional = np.zeros(len(cps) + 1, dtype=bool)
    np.take(_traditional_table(), cps, out=traditional[:-1])
    count = np.add.reduceat(traditional.view(np.uint8), starts, dtype=np.int64)
    count[lens == 0] = 0
    # is_traditional judges a text longer than 3 * SAMPLE on samples: those take the usual path
    return ((count < MIN_TRADITIONAL) & (lens <= 3 * SAMPLE)).tolist()


#: the code points ``_numeral_table`` covers; a character above it has every flag (a gate may
#: say "maybe" wrongly, never "no")
_TABLE_END = 0x20000
_FLAG_DIGIT, _FLAG_NUMERAL = 1, 2
_CN_NUMERALS = "一二两三四五六七八九十"  # the Chinese numerals of RE_COUNT and _COUNT_GATE
#: what ``_fullwidth`` reads otherwise (``_READ_OTHERWISE``)
_FLAG_WIDTH = 4
#: a character of each word ``_may_have_deadline`` looks for (季度, 半年, 期限/时限: 季, 半, 限; the 到/至
#: before a horizon's year; the 起/始 of a year start, 自2027年起, 从2027年开始, and the 间 of 用三年时间: a text
#: with 起草, 一起 or 时间 then pays ``_may_have_deadline``'s substring tests, not a scan; the 超 of 不超过1小时报告)
_FLAG_TIME = 8
#: a character of each word ``_zero_word`` looks for (零, 不发生), and 百 and 千 of a rate in words (百分之, 千分之)
_FLAG_ZERO = 16
#: a character of each of ``_WORD_GATES`` (每月…每半年, 即日, 半年, 期限/时限, 清明, 端午, 中秋, 元宵, 除夕, 届满, 期满)
_FLAG_WORDS = 32
#: the first character of each reporting word (``_REPORT_CUE``: 共…, 累计…, 截至, 截止, 已…, 同比分别)
_FLAG_CUE = 64
#: a numeral followed by the first character of a unit or by white space (what ``_COUNT_GATE``
#: looks for; set per character pair in ``_text_flags``, not in the table)
_FLAG_COUNT = 128
_ALL_FLAGS = 255
_FLAG_CHARS = ((_FLAG_WIDTH, ",.;:!?０１２３４５６７８９％"), (_FLAG_TIME, "月底末内前季半限到至起始间超成段"), (_FLAG_ZERO, "零发百千〇"),
               (_FLAG_WORDS, "每即半限清午秋宵夕届满"), (_FLAG_CUE, "共累截已同"))


@functools.lru_cache(maxsize=1)
def _numeral_table():
    """Flags per code point below ``_TABLE_END``: ``_FLAG_DIGIT | _FLAG_NUMERAL`` for what ``\\d``
    matches (Unicode decimal digits: ``str.isdecimal``), ``_FLAG_NUMERAL`` for the Chinese
    numerals (``tests/test_speed_extract.py`` compares them with ``\\d``), and the gate flags of
    ``_FLAG_CHARS`` (128 KiB, made once in ~10 ms)."""
    import numpy as np

    table = np.zeros(_TABLE_END, dtype=np.uint8)
    table[[c for c in range(_TABLE_END) if chr(c).isdecimal()]] = _FLAG_DIGIT | _FLAG_NUMERAL
    table[[ord(c) for c in _CN_NUMERALS]] = _FLAG_NUMERAL
    for flag, chars in _FLAG_CHARS:
        table[[ord(c) for c in chars]] |= flag
    return table


@functools.lru_cache(maxsize=1)
def _unit_or_space_table():
    """A bool per code point below ``_TABLE_END``: does a unit start with it (``_UNIT_FIRST``), or is
    it white space (``\\s``, which ``_COUNT_GATE`` allows between a number and its unit)? (made once)"""
    import numpy as np

    table = np.zeros(_TABLE_END, dtype=bool)
    every = "".join(map(chr, range(_TABLE_END)))
    table[[ord(c) for c in re.findall(r"\s", every)]] = True
    table[[ord(c) for c in _UNIT_FIRST]] = True
    return table


@functools.lru_cache(maxsize=2)
def _every_code_point(table, above):
    """``table()`` (``_numeral_table`` or ``_unit_or_space_table``, below ``_TABLE_END``) over every code point,
    ``above`` for those above it (a character above the table has every flag, may start anything)."""
    import numpy as np

    low = table()
    full = np.full(0x110000, above, dtype=low.dtype)
    full[:_TABLE_END] = low
    return full


def _text_flags(texts: list[str], code_points) -> list[int]:
    """Per text: the flags of ``_numeral_table`` that any of its characters has (a bitwise or over
    the batch's code points, ``_batch_code_points``; every flag when there are none)."""
    import numpy as np

    if code_points is None or not texts:
        return [_ALL_FLAGS] * len(texts)
    cps, starts, lens = code_points
    # one flag byte per character, and a 0 after the last: the start reduceat is given for a
    # trailing empty text (its own start is the end of the array)
    # (each look-up a take from a table of every code point: masking the ones above _TABLE_END
    # out and back in cost twice the rest of this function)
    flags = np.empty(len(cps) + 1, dtype=np.uint8)
    chars = flags[:-1]
    np.take(_every_code_point(_numeral_table, _ALL_FLAGS), cps, out=chars)
    flags[-1] = 0
    # a numeral with a unit's first character or white space after it (the last character of one
    # text is followed by the first of the next: a "maybe" at worst; the batch's last by nothing)
    follows = np.empty(len(cps), dtype=bool)
    np.take(_every_code_point(_unit_or_space_table, True), cps[1:], out=follows[:-1])
    follows[-1:] = False
    follows &= (chars & _FLAG_NUMERAL).astype(bool)
    chars |= follows.view(np.uint8) * np.uint8(_FLAG_COUNT)
    per_text = np.bitwise_or.reduceat(flags, starts)
    per_text[lens == 0] = 0  # (reduceat gives an empty slice the element at its start)
    return per_text.tolist()


def extract_deadlines(text: str, notice_year: int | None = None, actions: bool = True,
                      notice_date: str | None = None) -> list[Deadline]:
    """Deadlines in order of appearance. ``notice_year`` resolves ``due`` for phrases without a year
    (``6月底前`` in the 2022 notice -> 2022-06-30); explicit years before the notice year are past
    references (``对2015年年底前到期…``) and are skipped, and so, when the notice's ISO date
    ``notice_date`` is given, is a deadline due before it (a 通报 of 2027-04-08 on 2027年1月至3月);
    a time in a sentence that reports (``…开展了…``, ``共检查…``) is none. ``actions=False`` leaves ``action`` empty
    (when only the spans are needed). Linear in ``len(text)``. Traditional-script text is matched
    in simplified form (spans still point into ``text``; phrases come out simplified)."""
    simple = _simplified(text)
    read = _fullwidth(simple)
    return _as_written(_deadlines(read, notice_year, actions, notice_date), simple, read)


def _deadlines(text: str, notice_year: int | None = None, actions: bool = True,
               notice_date: str | None = None, flags: int = _ALL_FLAGS, checked: bool = False) -> list[Deadline]:
    """``extract_deadlines`` of a text in simplified script (``flags``: ``_text_flags``' for it; ``checked``: the
    caller found that it may hold one, ``_may_have_deadline``)."""
    out: list[Deadline] = []
    spans: list[tuple[int, int]] = []  # every vetted phrase, past references included (for targets)
    if not (checked or flags & _FLAG_TIME and _may_have_deadline(text)):  # (most clauses: no scan)
        _LAST_DEADLINE_SPANS[:] = [text, spans]
        return out
    carry: tuple[int, int, int] | None = None  # (year, month, end) of the last dated phrase with its year written
    shared: tuple[int, int] | None = None  # (year, end) of an event with its year that shares the next one's 前
    for alt, m, start, end, lead in _deadline_matches(text, flags):
        if not _vetted(alt, m, text, start, end):
            continue
        kind, year, wrap, month, day, period, event = _deadline_fields(alt, m, notice_year, lead)
        if alt == "this_month" and notice_date:
            month = int(notice_date[5:7])  # 本月底前: the month the notice is dated in
        spans.append((start, end))
        if year is not None and notice_year is not None and year < notice_year:
            continue  # a past reference, not a time limit
        if _reports_past(text, end):
            continue  # 2027年1月至3月，…开展了检查，共检查…: a time looked back on
        resolved_year = year if year is not None else (notice_year + wrap if notice_year is not None else None)
        if year is None and carry is not None and kind in _CARRIED_KINDS and _carries(text, carry, start, month):
            resolved_year = carry[0] + wrap  # 2027年上半年启动试点，下半年全面推开: 2027's second half
        if year is not None and month is not None and kind in _CARRYING_KINDS:
            carry = (year, month, end)
        # 2027年元旦、春节前, 2027年“五一”“十一”前: the events listed before one 前 share the first one's year, as dates do
        # (the next event right after it, 、 or nothing between)
        passed = year is None and shared is not None and kind == "before_event" and text[shared[1]:start] in ("", "、")
        if passed:
            resolved_year = shared[0]
        shared = (resolved_year, end) if (kind == "before_event" and (year is not None or passed)
                                          and text[end - 1] not in ("前", "夕")) else None
        # (the few characters before the phrase only: a search back to the text's start made a text of many
        # 三年内 quadratic, tests/test_segment_properties.py's linear-time test)
        from_event = kind == "within_years" and _COUNTS_FROM_EVENT.search(text, max(0, start - 8), start)
        due = None if kind == "recurring" or from_event else _due(kind, resolved_year, month, day, period)
        if kind == "before_event" and event in _EVENT_DUE and resolved_year is not None:
            due = _due("by_date", resolved_year, *_EVENT_DUE[event], None)
        if due is not None and notice_date is not None and due < notice_date:
            continue  # due before the notice was dated: past (ISO dates compare as strings)
        out.append(_frozen(Deadline,
            text=text[start:end].strip(), kind=kind, year=year, month=month, day=day,
            period=period if kind in _PERIOD_KINDS or alt == "within_days" else None,
            event=event, due=due, action="", span=(start, end),
        ))
    if actions:
        # (read once every phrase is known, _own_part; set as _frozen sets every field, before the
        # object leaves this function)
        every = spans if len(spans) > 1 else None
        for d in out:
            d.__dict__["action"] = _action(text, *d.span, every)
    _LAST_DEADLINE_SPANS[:] = [text, spans]
    return out


_PERIOD_KINDS = ("within_years", "within_months", "within_days", "within_hours", "within_minutes")
#: a dated phrase with its year written (2027年6月底前, 2027年上半年, 2027年3月1日至4月30日) gives that year to a phrase without
#: one later in its sentence (…，9月底前…, …，下半年…, …，年底前…) that falls in a later month or on the year's end
_CARRYING_KINDS = ("by_date", "by_end_of_month", "by_end_of_period")
_CARRIED_KINDS = ("by_date", "by_end_of_month", "by_end_of_period", "by_end_of_year", "before_event")


def _carries(text: str, carry: tuple[int, int, int], start: int, month: int | None) -> bool:
    """Does the year of the phrase ``carry`` (year, month, end) hold for one without a year at ``start`` of ``month``:
    in the same sentence (no 。；！？ between: a look-up in the text's delimiter index), not in an earlier month (2027年
    11月…，3月底前 may be the next year: read as before)?"""
    if month is not None and month < carry[1]:
        return False
    positions = _delim_positions(text, SENTENCE_DELIMS)
    i = bisect.bisect_left(positions, carry[2])
    return i == len(positions) or positions[i] >= start


def _reports_past(text: str, end: int) -> bool:
    """Does the sentence after a time phrase ending at ``end`` report what was done (a perfective 了, or
    a reporting word such as 共检查, 累计, 已完成: ``_REPORT_CUE``, which keeps reported figures from
    being targets)? Only after the phrase: ``…开展了检查，各单位要在6月底前完成整改`` sets a limit."""
    # (one scan from the phrase's end to its sentence's end, not a delimiter index and two scans)
    m = _PAST_OR_END.search(text, end, end + WINDOW)
    return m is not None and text[m.start()] not in SENTENCE_DELIMS


def _deadline_matches(text: str, flags: int = _ALL_FLAGS) -> Iterator[tuple[str, re.Match, int, int, Any]]:
    """(alternative, match, start, end, lead word) of each phrase of ``RE_DEADLINE`` and, when their
    gates pass, ``RE_DEADLINE_MORE``, ``RE_DEADLINE_WORDS``, ``RE_HORIZON``, ``RE_YEAR_FROM`` and ``RE_USE_TIME``,
    left to right; of two that overlap the
    earlier (at one start the longer) is kept, as one alternation would keep it. ``flags``:
    ``_text_flags``' for the text (without ``_FLAG_WORDS`` it holds none of ``_WORD_GATES``); and ``RE_NEXT_MONTH``
    on a text holding 次月."""
    more = _may_have_more(text)
    words = bool(flags & _FLAG_WORDS) and _WORD_GATE.search(text) is not None
    # (RE_DEADLINE's forms without a numeral: year ends and 年内 (底/末/内), 本月底, 元月底, an event: a text with
    # no numeral and none of them is not scanned)
    main = bool(flags & _FLAG_NUMERAL) or _may_match_wordless(text)
    horizons = list(RE_HORIZON.finditer(text)) if _may_have_horizon(text) else None
    starts = list(RE_YEAR_FROM.finditer(text)) if _may_have_year_from(text) else None
    uses = list(RE_USE_TIME.finditer(text)) if _may_have_use_time(text) else None
    nexts = list(RE_NEXT_MONTH.finditer(text)) if "次月" in text else None
    exceeding = list(RE_NOT_EXCEEDING.finditer(text)) if "超过" in text else None
    befores = list(RE_YEAR_BEFORE.finditer(text)) if _may_have_year_before(text) else None
    years = list(RE_YEARS.finditer(text)) if _may_have_years(text) else None
    if "五" in text and "末" in text:
        years = (years or []) + list(RE_PLAN_END.finditer(text))
    if not (more or words or horizons or starts or uses or nexts or exceeding or befores or years):  # (most texts: one scan, nothing to merge)
        if not main:
            return
        for m in RE_DEADLINE.finditer(text):
            alt = m.lastgroup
            start, lead = _lead_word(text, alt, m, m.start(alt))
            yield alt, m, start, m.end(alt), lead
        return
    found = [(m.start(m.lastgroup), m.end(m.lastgroup), m.lastgroup, m) for m in RE_DEADLINE.finditer(text)] if main else []
    if more:
        found += [(m.start(m.lastgroup), m.end(m.lastgroup), m.lastgroup, m) for m in _more_matches(text)]
    if words:
        found += [(m.start(m.lastgroup), m.end(m.lastgroup), m.lastgroup, m) for m in RE_DEADLINE_WORDS.finditer(text)]
    if horizons:
        found += [(m.start("horizon"), m.end("horizon"), "horizon", m) for m in horizons]
    if starts:
        found += [(m.start(), m.end(), "year_from", m) for m in starts]
    if uses:
        found += [(m.start(), m.end(), "use_years" if m.group("nuy") else "use_months", m) for m in uses]
    if nexts:
        found += [(m.start(), m.end(), "next_month", m) for m in nexts]
    if exceeding:
        found += [(m.start(), m.end(), "not_exceeding", m) for m in exceeding]
    if befores:
        found += [(m.start(), m.end(), "year_before", m) for m in befores]
    if years:
        found += [(m.start(), m.end(), m.lastgroup, m) for m in years]
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    last_end = -1
    for start, end, alt, m in found:
        if start < last_end:
            continue
        last_end = end
        start, lead = _lead_word(text, alt, m, start)
        yield alt, m, start, end, lead


def _more_matches(text: str) -> Iterator[re.Match]:
    """``RE_DEADLINE_MORE``'s matches, but a list of months that are not consecutive (3、6、9月: named one by one; 三、5月:
    an item number before a month) is none, nor one of two months opening the text without 份 (2、3月开展…: item 2),
    and the forms it covered are tried after its first character (三、[5月至9月])."""
    m = RE_DEADLINE_MORE.search(text)
    while m:
        if m.lastgroup == "month_list" and not _month_list(text, m):
            m = RE_DEADLINE_MORE.search(text, m.start() + 1)
            continue
        yield m
        m = RE_DEADLINE_MORE.search(text, m.end())


def _may_match_wordless(text: str) -> bool:
    """Can ``RE_DEADLINE`` match in a text without a numeral (digits, 一…十)? Its forms without one hold 底 or 末
    (年底前, 本月底前, 元月底前), 内 (年内), 元 (元旦, 元月份前) or an event's name (汛, 春节, 国庆, 节假日, 冬, 雨季, 双节, 复工, 复产); the
    others hold a year, a day or a count (``tests/test_extract_probe11.py`` compares it with the scan)."""
    return ("底" in text or "末" in text or "内" in text or "汛" in text or "春节" in text or "元" in text
            or "国庆" in text or "节假日" in text or "冬" in text or "雨季" in text or "双节" in text
            or "复工" in text or "复产" in text)


def _lead_word(text: str, alt: str, m: re.Match, start: int) -> tuple[int, Any]:
    """The start of a phrase with the words before its match that belong to it, and what they say:
    ``"next_year"`` (次年1月10日前), ``"each_year"`` (每年汛前), a year (2027年上半年), else None
    (第一季度, 自本通知印发之日起30日内: part of the phrase, no field)."""
    y = _KIND_FIELDS[alt][1]
    if alt in ("effective_from", "by_date", "by_end_of_month", "ten_days", "bare_month", "month_from") and not m.group(y) \
            and text[max(0, start - 2):start] in _NEXT_YEAR:
        return start - 2, "next_year"
    if alt in ("by_end_of_period", "months") and text[start - 1:start] in ("自", "从") and "起" in m.group(alt):
        return start - 1, None  # 自2027年1月1日起至12月31日止: the phase's start (the action read 自止)
    if alt == "quarter" and not m.group("yq") and text[start - 1:start] == "第":
        start -= 1
    if alt in ("quarter", "half") and not (y and m.group(y)) and text[max(0, start - 2):start] in _NEXT_YEAR:
        return start - 2, "next_year"  # 次年一季度, 次年上半年: the year after the notice's (its quarter read the notice year)
    if alt == "by_end_of_year" and not m.group("y3"):
        # 次年年底前, 明年底前 (its 年 is the match's): the next year's end (it read the notice year's, 明 in the action)
        if text[max(0, start - 2):start] in _NEXT_YEAR:
            return start - 2, "next_year"
        if text[start:start + 1] == "年" and text[max(0, start - 1):start + 1] in _NEXT_YEAR and not (
                text[start - 1] == "明" and text[start - 2:start - 1] in _MING_BEFORE):
            return start - 1, "next_year"
    if alt in _THIS_YEAR_FORMS and not (y and m.group(y)) and text[max(0, start - 2):start] in _THIS_YEAR:
        return start - 2, None  # 今年6月底前: the notice's year, written (no field: the year is implied as without it)
    if alt == "quarter":
        # 每年第一季度内: a point in each year, not the notice year's quarter
        return (start - 2, "each_year") if text[max(0, start - 2):start] == "每年" else (start, None)
    if alt == "expiry":
        # what expires: 有效期届满前, 任期届满前 (its name is the event)
        lead = _EXPIRES.search(text, max(0, start - 4), start)
        return (lead.start(), lead.group()) if lead else (start, "")
    if alt == "before_event" and text[max(0, start - 2):start] == "每年":
        return start - 2, "each_year"
    if alt == "before_event" and text[max(0, start - 2):start] in _HOLIDAY_KINDS and m.group("ev6") == "节假日":
        start -= 2  # 重要节假日前: the holidays named (the action read 重开展…: 要 was cut from 重要 as a modal)
    if alt in ("before_event", "before_event2") and text[start - 1:start] == "“" and "”" in m.group(alt):
        start -= 1  # “五一”前: the event as quoted
    if alt in ("before_event", "before_event2"):
        # 2027年春节前: the year of the event (without it the action began with 2027年)
        lead = _YEAR_BEFORE.search(text, max(0, start - 8), start)
        return (lead.start(), cn_digits(lead.group("yb"))) if lead else (start, None)
    if alt == "within_days" and text[start - 1:start] == "后":
        # 每季度结束后10日内: days after each cycle's end (its cycle, as ``event``)
        cycle = _CYCLE_END.search(text, max(0, start - 9), start)
        if cycle:
            return cycle.start(), _CYCLE_EVENT.get(cycle.group("cyc"), "每" + cycle.group("cyc"))
    if alt in ("within_days", "within_hours", "within_minutes"):
        if text[start - 2:start] == "超过":
            # 事故发生后不超过1小时内报告: the longest time allowed is the limit (its action read 事故发生后不超过报告)
            lead = _NOT_EXCEEDING.search(text, max(0, start - 6), start)
            if lead:
                return lead.start(), None
        lead = _DAYS_FROM.search(text, max(0, start - 20), start)
        return (lead.start(), None) if lead else (start, None)
    if alt == "half":
        lead = _YEAR_BEFORE.search(text, max(0, start - 8), start)
        return (lead.start(), cn_digits(lead.group("yb"))) if lead else (start, None)
    return start, None


#: a forecast around a period: 预报/预计/预测 shortly before it, or 将出现/将有/将迎来 shortly after it
_FORECAST_BEFORE = re.compile(r"预报|预计|预测|预警")
_FORECAST_AFTER = re.compile(r"[^，。；]{0,8}?将(?:出现|有|迎来|发生)")


def _forecast(text: str, start: int, end: int) -> bool:
    """Is the period at ``start:end`` a forecast's window (据预报，8月3日至5日我县将出现强降雨)? (the few characters around
    it only)"""
    return bool(_FORECAST_BEFORE.search(text, max(0, start - 8), start) or _FORECAST_AFTER.match(text, end))


def _vetted(alt: str, m: re.Match, text: str, start: int, end: int) -> bool:
    """Is the phrase an alternative matched a time limit here? (the look-alikes each form has)"""
    phrase, following = text[start:end], text[end:end + 6]
    before = text[max(0, start - 4):start]
    if ("未" in before or "没" in before) and _FAILED.search(before):
        return False  # 企业未在1小时内报告, 未于3月底前完成: a finding that a limit was not kept, not a limit
    if alt in ("by_end_of_period", "months", "month_list") and _forecast(text, start, end):
        return False  # 据预报，7月19日至21日我省将出现大范围强降雨: a forecast's window, not a phase of work
    if following[:1] == "已" and phrase.endswith("前"):
        return False  # 2027年1月1日前已取得许可证的企业: a state reached before the date (a scope), not a limit
    if alt in ("by_end_of_period", "from_now", "months", "quarter", "half", "month_list") and _PHASE_VETO.match(text, end):
        return False  # 2026年1月至9月，全省共发生… / 第一季度全区共发生…: a reporting period, not a phase
    if alt in ("months", "month_list") and following.startswith("期间"):
        following = text[end + 2:end + 8]  # 在3月1日至5月31日期间，…: a phase, as its year-led form is
    if alt in ("quarter", "half", "ten_days", "months", "bare_month", "month_list") and _SINCE.match(following):
        return False  # 上半年以来…: a time looked back on; 第三季度起…: a start, not a limit
    if alt in ("months", "ten_days", "quarter", "half", "bare_month", "month_list") and (
            text[max(0, start - 2):start] in _EACH_CYCLE):
        return False  # 每年5月至9月, 每年6月下旬: a season, not one phase
    if alt == "quarter" and phrase[:1] == "每" and phrase[-1:] not in ("内", "前", "末", "底"):
        return False  # 每年第三季度是…: a season; 每年第一季度内 a point in each year
    if alt in ("months", "quarter", "half", "ten_days", "bare_month", "month_list") and _names_a_report(text, start, end):
        return False  # 各乡镇将上半年隐患排查情况报县安委办: the period of what is reported (将 takes it), no limit
    if alt in ("months", "quarter", "half", "ten_days", "bare_month", "month_list") and not (
            phrase.endswith(("前", "内")) or _opens_sentence(text, start) or _TIME_CUE.search(text, max(0, start - 2), start)
            or _dates_a_phase(text, start) or (alt == "bare_month" and _after_subject(text, start))):
        return False  # 汛期（6月至9月）, 听取一季度…汇报, 部署下半年工作: a period named in passing
    if alt in ("before_event", "before_event2") and following[:1] in ("、", "“") and phrase[-1:] not in ("前", "夕"):
        # 元旦、春节前, “五一”“十一”前: it shares the last one's 前 (RE_DEADLINE); the work-name test looks after that 前
        shared = _RE_SHARED_EVENT_BEFORE.match(text, end)
        following = text[shared.end():shared.end() + 6] if shared else following
    elif alt in ("before_event", "before_event2") and following[:1] in ("后", "、"):
        return False  # 清明节前后: around, not before; 汛前、汛中: phases of work
    if alt in ("before_event", "before_event2") and (
            _MODIFIED.search(text, max(0, start - 2), start) and _WORK_NAME.match(following)):
        return False  # 开展汛前排查, 做好春节前安全检查: a kind of work
    if alt in ("before_event", "before_event2") and text[start - 1:start] in ("、", "”") and _WORK_NAME.match(following):
        # 做好元旦、春节前安全检查: the verb or 的 stands before the first event of the enumeration
        first = _RE_EVENTS_BEFORE.search(text, max(0, start - 20), start)
        if first and _MODIFIED.search(text, max(0, first.start() - 2), first.start()):
            return False
    if alt in ("months", "month_list") and _DEFINES.match(following):
        return False  # 6月至9月为主汛期: a definition
    if alt in ("by_end_of_period", "months") and _defines_a_window(text, start):
        return False  # 春运期间（2027年1月14日至2月22日）: the dates of a window, as 两会期间 is one, no phase
    if alt == "by_end_of_year":
        # bare "年底"/"年末" only counts right after a deadline cue (确保年底明显见效) or with 前
        core = phrase.replace(" ", "")
        if not core.endswith("前"):
            lead = text[max(0, start - 3):start]
            if not _YEAR_END_CUE.search(lead) or _YEAR_END_VETO.match(following):
                return False
        if core in ("底前", "末前", "底", "末") or "年" not in core:
            return False  # "月底前" handled above; "底" alone is not a year end
    if alt in ("within_years", "within_months", "within_days", "within_hours", "within_minutes", "term", "half_year",
               "use_years", "use_months", "not_exceeding"):
        n = m.group(_KIND_FIELDS[alt][4]) if _KIND_FIELDS[alt][4] else None
        if _PERIOD_VETO.match(following) or not (n is None or cn_number(n)):  # (None: 半小时)
            return False
    if alt == "month_from" and text[max(0, start - 2):start] in _EACH_CYCLE:
        return False  # 每年4月起进入主汛期: a season
    if alt == "year_from" and not (text[start - 1:start] in ("自", "从") or (
            _opens_sentence(text, start) and text[end:end + 1] in ("，", ","))):
        return False  # 2026年开始实施…: a year that opens no rule; 自2027年起 and 2027年起，… do
    if alt == "horizon" and not (_horizon_opens(text, start) or _horizon_after_figure(text, start, end)):
        return False  # 2026年到2027年: a range of years; 推迟到2027年: a postponement
    if alt == "year_range" and not _phase_of_years(text, start, end):
        return False  # 2026年到2027年，分两批实施: a span of years named, no phase with its work finished
    if alt == "bare_year" and (_BASE_OR_SCOPE_BEFORE.search(text, max(0, start - 2), start)
                               or _FORECAST_BEFORE.search(text, max(0, start - 4), start)):
        return False  # 与2027年完成…相比: a base, not a limit; 预计2027年完成…: a forecast
    if alt == "within_days" and text[start - 1:start] == "月":
        return False  # 6月30日内: a date, not thirty days
    if alt == "within_year" and (_NUMERAL.match(text[start - 1:start] or " ") or _PERIOD_VETO.match(following)):
        return False  # the tail of "三年内" already handled, or "2016年内"-style year scope
    return True


def _deadline_fields(alt: str, m: re.Match, notice_year: int | None, lead: Any):
    """(kind, year as written, years the due date lies after the notice's when none is written,
    month, day, period, event) of a vetted phrase; ``lead`` from ``_lead_word``."""
    kind, y, mo, d, n, ev = _KIND_FIELDS[alt]
    raw_year = m.group(y) if y else None
    year = cn_digits(raw_year) if raw_year else None
    if lead == "next_year":  # 次年1月10日前: the year after the notice's
        year = notice_year + 1 if notice_year is not None else None
    elif isinstance(lead, int):  # 2027年上半年
        year = lead
    month = _month_number(m.group(mo)) if mo and m.group(mo) else None
    day = cn_number(m.group(d)) if d and m.group(d) else None
    period = cn_number(m.group(n)) if n and m.group(n) else None
    if alt == "within_days" and period and m.group("wk"):
        period *= 7  # 两周内: 14 days
    event = m.group(ev) if ev else None
    wrap = 0
    if alt == "by_end_of_period" and month is None:  # 2027年12月10日至20日: the start's month
        month, day = _month_number(m.group("m7")), cn_number(m.group("d9"))
    elif alt == "months" and month is None:  # 12月10日至20日
        month, day = _month_number(m.group("mr")), cn_number(m.group("du"))
    if alt == "by_end_of_period" and year is None:  # 2026年11月至2月: the end is in the start's year, or the next one
        year = cn_digits(m.group("y7")) + (month < _month_number(m.group("m7")))
    elif alt == "months":  # 11月至2月 in the notice year: the end is in the next one
        wrap = int(month < _month_number(m.group("mr")))
    elif alt == "from_now" and m.group("fye"):
        month = 12  # 即日起至年底
    elif alt == "quarter":
        month = 3 * int(cn_digits(m.group("qn")))
        if lead == "each_year":  # 每年第一季度内: in each year's first quarter
            kind, event = "recurring", "每年"
    elif alt == "expiry":
        event = lead + m.group("expiry")[:2]  # (有效期 + 届满, 有效 + 期满, or 期满 alone)
    elif alt == "half":
        month = 6 if m.group("hn") == "上" else 12
    elif alt == "ten_days":
        day = _XUN_DAY[m.group("xun")]
    elif alt == "recurring":
        event = "每" + m.group("cyc") + ("".join(m.group("cend").split()) if m.group("cend") else "")
    elif alt == "next_month":
        event = "次月"
    elif alt == "weekly":
        event = "每周"
    elif alt == "daily":
        event = "每日"
    elif alt == "this_month" and day:
        kind = "by_date"  # 本月25日前
    elif alt == "within_days" and isinstance(lead, str):  # 每季度结束后10日内: in each cycle, ``period`` days after it
        kind, event = "recurring", lead
    elif alt == "not_exceeding":  # 不超过1小时报告: the unit names the kind
        kind = "within_hours" if m.group("xh") else "within_minutes" if m.group("xm") else "within_days"
    elif alt == "year_range":
        month, day = 12, 31  # 2027—2028年: the phase ends with its last year
    elif alt == "plan_end":
        year, month, day = 1955 + 5 * (10 + cn_number(m.group("fp"))), 12, 31  # “十五五”末: 2030
    elif alt == "within_minutes" and m.group("hh"):
        period = 30  # 半小时内
    elif alt == "half_year" or (alt == "use_months" and m.group("nuh")):
        period = 6  # 半年内, 用半年时间
    elif alt == "term" and m.group("tmonth"):
        kind = "within_months"
    elif alt in ("before_event", "before_event2"):
        event = _EVENT_NAME.get(event, event)
        if alt == "before_event" and m.group("end6"):
            event += "结束"  # 汛期结束前: before the season's end
        if lead == "each_year":  # 每年汛前: before each year's 汛期
            kind, event = "recurring", "每年" + event
    return kind, year, wrap, month, day, period, event


_RE_MONTH_NUMBER = re.compile(_MONTH_NUMBER)


def _month_list(text: str, m: re.Match) -> bool:
    """Is the ``month_list`` match ``m`` a period: consecutive months, and not two opening the text without 份 (an item
    number before a month: 2、3月开展…; 7、8月份 is a period)?"""
    phrase = m.group("month_list")
    if not _consecutive_months(phrase):
        return False
    return not (phrase.count("、") == 1 and "份" not in phrase and not text[:m.start()].strip())


def _consecutive_months(phrase: str) -> bool:
    """Are the months of a list (7、8月份, 6、7、8月) consecutive, each one written as the others are (digits or
    numerals)? A period is listed so; 3、6、9月 names months one by one, and 一、6月 is an item number before a month."""
    numbers = _RE_MONTH_NUMBER.findall(phrase)
    if len({n.isascii() for n in numbers}) != 1:
        return False
    months = [_month_number(n) for n in numbers]
    return all(b == a + 1 for a, b in zip(months, months[1:]))


def _month_number(s: str) -> int:
    """``6``, ``六``, ``十二`` or ``元`` (January) -> the month."""
    return 1 if s == "元" else cn_number(s)


_RE_YEAR_FINISH = re.compile(_YEAR_FINISH)
#: what before a bare year makes it no limit: 与 (与2027年完成…相比) or 同 (a base)
_BASE_OR_SCOPE_BEFORE = re.compile(r"(?:与|同|和)$")


def _phase_of_years(text: str, start: int, end: int) -> bool:
    """Is the range of years at ``start:end`` a plan phase: opening its sentence, closing its chunk before a chunk of
    work that finishes (2027—2028年，全面完成…, 2027—2028年，各地基本建成…; not 2026年到2027年，分两批实施), or naming a
    phase (2027—2028年为巩固提升阶段, as 2027年4月—10月为集中攻坚阶段 does)? The next chunk only: a linear look."""
    if not _opens_sentence(text, start):
        return False
    if text[end:end + 1] == "为":
        _, right = _chunk_bounds(text, end, end)
        return text[end:right].rstrip().endswith("阶段")
    if text[end:end + 1] not in ("，", ","):
        return False
    nleft, nright = _chunk_bounds(text, end + 1, end + 1)
    finish = _RE_YEAR_FINISH.search(text, nleft, min(nright, nleft + WINDOW))
    return finish is not None and text[finish.end():finish.end() + 1] != "了"


def _dates_a_phase(text: str, start: int) -> bool:
    """Does a period at ``start`` open the bracket after a phase's name (集中整治阶段（4月1日—9月30日）,
    动员部署阶段（第一季度））? A plan's phase is dated so, as its year-led form (阶段（2026年4月至10月）) is;
    汛期（6月至9月） defines a season."""
    return text[start - 1:start] in ("（", "(") and text[max(0, start - 3):start - 1] == "阶段"


def _defines_a_window(text: str, start: int) -> bool:
    """Does a period at ``start`` open the bracket after a window's name (春运期间（2027年1月14日至2月22日）, 汛期（2027年6月
    1日至9月30日））? Work is done during it, as during 两会期间: it defines the window and sets no time limit (a phase's
    name ends in 阶段: ``_dates_a_phase``)."""
    return text[start - 1:start] in ("（", "(") and (text[start - 2:start - 1] == "期" or text[start - 3:start - 1] == "期间")


def _horizon_opens(text: str, start: int) -> bool:
    """Does the 到/至 before a horizon's year at ``start`` open its chunk (after an item number, a cue:
    力争到2030年, or its subject: 全市到2027年) and follow no year (2026年到2027年)?"""
    return (not _NUMERAL.match(text[start - 2:start - 1] or " ") and text[start - 2:start - 1] != "年"
            and (_opens_sentence(text, start - 1) or _TIME_CUE.search(text, max(0, start - 3), start - 1) is not None
                 or _after_subject(text, start - 1)))


#: a rate's or count's figure right before 到/至 (覆盖率达到90%到2027年, 下降10%以上到2027年)
_FIGURE_BEFORE = re.compile(r"(?:[%‰]|[%‰\d](?:以上|以下|以内))$")


#: verbs a year after 到/至 is the new end of, not a deadline (延长到2027年, 推迟至…, 持续到…, 有效期到…: _YEAR_END_VETO's kin)
_MOVES_TO = ("延长", "推迟", "延期", "延续", "持续", "顺延", "展期", "推后", "延", "截止", "截至", "有效期", "有效", "期限")


def _horizon_after_figure(text: str, start: int, end: int) -> bool:
    """Does the horizon's 到/至 (before ``start``) follow a figure or an action of its own, its year closing the chunk
    (覆盖率达到90%到2027年。, 全面完成老旧管网改造到2027年，…)? The year says by when the figure is reached or the work
    done, as 到2027年 before the subject does; not after a verb the year is the new end of (延长到2027年)."""
    if not (end == len(text) or text[end] in CHUNK_DELIMS):
        return False
    if _FIGURE_BEFORE.search(text, max(0, start - 4), start - 1) is not None:
        return True
    left, _ = _chunk_bounds(text, start - 1, start - 1)
    lead = text[max(left, start - 1 - 40):start - 1]
    if left == 0:
        lead = _ENUM_LEAD.sub("", lead)
    lead = _tidy(lead)
    return not lead.endswith(_MOVES_TO) and not _NUMERAL.match(lead[-1:] or " ") and _names_action(lead)


#: a place, or the whole of one, as the subject a plan's horizon follows (全市到2027年, 我区到…, 各乡镇到…,
#: 栖梧县到…, 各县（市、区）到…): nothing before 到 but a place's name (not 延长到2027年, 持续到…: a verb)
#: (and 各地, every place: 各地到2027年…)
_PLACE = re.compile(r"各地|(?:全|我|本|各)?[^\d，。；：、（）()\s“”]{0,10}?(?:省|市|县|区|州|盟|旗|镇|乡|街道|村|社区|园区|新区)"
                    r"(?:[（(][^（）()]{1,8}[）)])?")
#: an organ as that subject (市应急局到2027年, 县住建局到…, 区消防救援大队到…, 各级应急管理部门到…, 各生产经营单位到…):
#: a name ending in the word for an organ (局, 厅, 委, 办, 部门, 队, 中心, 站, 所, 院, 署, 政府, 单位, 企业, 公司;
#: organ names run longer than places': 省住房和城乡建设厅), with no verb or word that only ends so (``_NOT_ORGAN``)
_ORGAN = re.compile(r"(?:全|我|本|各)?[^\d，。；：、（）()\s“”]{0,14}?"
                    r"(?:局|厅|委员会|委|办公室|办|部门|部|队|中心|站|所|院|署|政府|单位|企业|公司)(?:[（(][^（）()]{1,8}[）)])?")
#: words ending as an organ does that name none: verbs (督办到2027年, 举办到…) and 全部/内部 (全部到2027年完成)
_NOT_ORGAN = ("督办", "承办", "主办", "举办", "交办", "协办", "代办", "转办", "全部", "内部", "外部")


#: what joins the organs or places of a list before a horizon (市应急局、市住建局和市交通运输局到2027年); not 和 inside a
#: name (省住房和城乡建设厅): a joining 和/及/与 is tried only where the words before it end a name
_LISTED = re.compile(r"、|(?<=[局厅委办部队心站所院署府位业司省市县区州盟旗镇乡道村区）)])(?:和|及|以及|与)")


def _after_subject(text: str, start: int) -> bool:
    """Does the chunk before ``start`` (without an item number) hold only a place's or an organ's name, or a list
    of them (``_subject_name``)? (a list may run longer than one name: 60 characters, not 20)"""
    left, _ = _chunk_bounds(text, start, start)
    lead = text[max(left, start - 20):start]
    if "、" in lead or "和" in lead or "及" in lead or "与" in lead:
        lead = text[max(left, start - 60):start]
    if left == 0:
        lead = _ENUM_LEAD.sub("", lead)
    return _subject_lead(lead)


def _subject_lead(lead: str) -> bool:
    """Is ``lead`` a place's or an organ's name (``_subject_name``) or a list of them (市应急局、市住建局、市交通运输局:
    every item of the list names one)?"""
    if _subject_name(lead):
        return True
    items = _LISTED.split(lead)
    return len(items) > 1 and all(_subject_name(item) for item in items)


#: a verb that commits opening words that end as an organ's name does: the work of making one (建成区域应急救援中心到2028年,
#: 组建…救援队), not its name
_MAKES = re.compile(r"(?:全面|基本)?(?:建成|完成|新建|组建|创建|打造|推动|推进|实现)")


def _subject_name(lead: str) -> bool:
    """Is ``lead`` a place's name (``_PLACE``) or an organ's (``_ORGAN``, not a verb or word that ends as one does, nor
    the work of making one: ``_MAKES``)?"""
    if _PLACE.fullmatch(lead) is not None:
        return True
    return _ORGAN.fullmatch(lead) is not None and not lead.endswith(_NOT_ORGAN) and _MAKES.match(lead) is None


def _opens_sentence(text: str, start: int) -> bool:
    """Does a phrase at ``start`` open its chunk (after an item number, or 在/于/从/自)?"""
    left, _ = _chunk_bounds(text, start, start)
    lead = _ENUM_LEAD.sub("", text[max(left, start - 12):start]) if left == 0 else text[max(left, start - 12):start]
    return lead.strip(" 　（(") in ("", "在", "于", "从", "自")


#: a report's name after a period that 将/把 takes as its object, then the verb that sends it (将[上半年]隐患排查情况报…,
#: 把一季度工作总结报送…): the period says what the report covers
_REPORT_AFTER = re.compile(r"[^，。；：\d]{0,12}?(?:情况|总结|计划|数据|台账|报告|材料|报表|统计表|清单)\s*(?:报|送|上报|提交|汇总|交)")


def _names_a_report(text: str, start: int, end: int) -> bool:
    """Is the period at ``start:end`` the time of a report that 将/把 before it takes as its object (not 将于/将在)?"""
    return text[start - 1:start] in ("将", "把") and _REPORT_AFTER.match(text, end) is not None


#: what a span named in passing is followed by (6月至9月为主汛期) and a time looked back on (上半年以来)
_DEFINES = re.compile(r"\s*(?:为|是|期间)")
_SINCE = re.compile(r"\s*(?:以来|以后|之后|期间|起(?!草))")  # (第三季度起: from then on; 一季度起草… is a limit)
_EACH_CYCLE = ("每年", "每月", "每季")
_RE_SHARED_EVENT_BEFORE = re.compile(_SHARED_EVENT_BEFORE)
#: the events enumerated before one (元旦、[春节前]), which ``_vetted`` looks behind to find the verb of their work
_RE_EVENTS_BEFORE = re.compile(rf"(?:“?(?:{_EVENTS}|{_LUNAR_EVENTS})”?(?:、\s*)?)+$")
#: a time cue right before a period (要在第一季度…, 于上半年…) and a verb or 的 that makes an event
#: the kind of a task (开展汛前排查, 做好春节前安全检查, 汛前的准备)
_TIME_CUE = re.compile(r"(?:要|须|应|在|于|将|力争|确保|争取|务必|必须)$")
_MODIFIED = re.compile(r"(?:开展|做好|进行|完成|组织|抓好|加强|落实|搞好|启动|部署|强化|实施|推进|的)$")
_WORK_NAME = re.compile(r"(?:大?检查|排查|巡查|隐患|安全|准备|防范|检修|演练|工作)")


def _may_have_deadline(text: str) -> bool:
    """Can ``RE_DEADLINE`` match in ``text``? Every alternative contains 月 (dates, months),
    底 or 末 (year ends), 内 (periods), 前 (before an event), 季度 (quarters), 半年 (half years),
    期限 or 时限 (terms: 期限为30日), and every form of ``RE_DEADLINE_MORE`` one of them too, or 到/至 before
    a year (a horizon: ``_may_have_horizon``), or 年起/年开始 (a year start: ``_may_have_year_from``), or 用 and
    时间 (``_may_have_use_time``), or 超过 (``RE_NOT_EXCEEDING``); a few
    substring tests rule out most
    clauses at a fraction of the scan's cost (``tests/test_speed.py`` checks it never rules
    out a match)."""
    return ("月" in text or "底" in text or "末" in text or "内" in text or "前" in text or "季度" in text
            or "半年" in text or "期限" in text or "时限" in text or _may_have_horizon(text)
            or _may_have_year_from(text) or _may_have_use_time(text) or "超过" in text or _may_have_years(text))


def _deadline_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every deadline phrase in ``text`` (past references too), reusing the scan of the
    ``extract_deadlines`` call just made on the same text (``tag_clauses`` calls both)."""
    if _LAST_DEADLINE_SPANS and _LAST_DEADLINE_SPANS[0] is text:
        return _LAST_DEADLINE_SPANS[1]
    extract_deadlines(text, actions=False)
    return _LAST_DEADLINE_SPANS[1]


# --- quantitative targets ------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """A number the clause commits to.

    ``value`` (and ``value_max`` for a range such as ``2-3个``) with its ``unit`` (``%`` for shares,
    ``""`` for a bare rate such as 百万吨死亡率 ``0.1``); ``what`` is counted or measured;
    ``comparator`` is ``=``, ``>=`` (达到/不少于/至少/以上), ``<=`` (控制在/不超过/以下) or
    ``between`` (a range); ``verb`` is the commitment as written (再建成, 完成, 达到, 控制在);
    ``per`` is the period of a frequency (``每月至少召开一次`` -> ``月``), else None.
    """

    text: str
    value: int | float
    value_max: int | float | None
    unit: str
    what: str
    comparator: str
    verb: str | None
    per: str | None
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        # the fields are plain values: a flat dict (dataclasses.asdict recurses and deep-copies)
        d = {name: getattr(self, name) for name in self.__dataclass_fields__}
        d["span"] = list(self.span)
        return d


_NUM = r"\d+(?:\.\d+)?"
_RANGE_SEP = r"\s*[-—–~～至到]\s*"
_QTY = rf"(?P<num>{_NUM})(?:{_RANGE_SEP}(?P<num2>{_NUM}))?"
#: a number in Chinese numerals: 二十, 三十五, and with 千/百 inside (两千万元 is 2000 万元, 五百万元 500 万元: it read
#: 5 百万元 or nothing)
_CN_NUMBER = r"[一二两三四五六七八九][千百][零〇一二两三四五六七八九十百]{0,4}|[一二两三四五六七八九十]{1,3}"
_CN_QTY = rf"(?<![一二两三四五六七八九十百千〇零])(?P<cnum>{_CN_NUMBER})(?:[至到—-](?P<cnum2>[一二两三四五六七八九十]{{1,3}}))?"
# Measure words and units; multi-character ones first so 万立方米 is not read as 万 + 立方米. 起 counts
# accidents (控制在3起以内), but not in 一起 (together: a common word that would open every count scan).
_MAGNITUDES = "千万亿百"
#: (m: a 标准's metres, 净宽度不应小于1.5m; not of mm, m², m³ or a word in Latin letters)
#: (分贝: a 标准's noise limit, 厂界噪声昼间不超过60分贝)
_MEASURES = ("立方米", "平方米", "公里", "千米", "米", "吨", "元", "分贝", "m(?![A-Za-z²³])")  # (after an optional magnitude)
#: 日 as a length (最长不超过60日, 停产整顿不少于三十日) only after a bare count: not the day of a month (6月30日,
#: 六月三十日), nor the end of a range or list of days after one (12月10日至20日, 3月1日、15日); fixed-width lookbehinds
#: at the unit, so no backtracking over the number (a regex, not a check after the match: a date must not match at all)
_DAY_DIGIT, _DAY_CN, _DAY_SEP = r"\d", "[一二两三四五六七八九十]", "[至到—－~～、-]"
_DAY_COUNTER = ("".join(f"(?<!月{d * n})" for d in (_DAY_DIGIT, _DAY_CN) for n in (1, 2, 3))
                + "".join(f"(?<!日{_DAY_SEP}{d * n})" for d in (_DAY_DIGIT, _DAY_CN) for n in (1, 2)) + "日")
_COUNTERS = ("个月", "个工作日", "人次", "家次", "车次", "台次", "户次", "批次", "架次", "场次", "人", "名", "座", "家", "个", "处",
             "所", "条", "项", "台", "(?<!一)起", "套", "辆", "艘", "次", "批", "户", "支", "场", "栋", "间", "周(?!岁)", "天", "小时",
             "类", "部", "张", "块", "份", "件", "学时", "架", "分钟", "工作日", _DAY_COUNTER)
# (周岁 is an age, 年龄≥60周岁: no count of weeks)
# a measure word after 万 or 千 (2万份, 5千台, 10万人次): 万/千 multiply, as before 元 or 米; not 百/亿,
# which read as a number's words (百家, 亿人) more often than as a magnitude before a measure word
_COUNTER_MAGNITUDES = "千万"
_UNIT = (rf"(?P<unit>(?:[{_MAGNITUDES}]+)?(?:{'|'.join(_MEASURES)})"
         rf"|[{_COUNTER_MAGNITUDES}]?(?:{'|'.join(_COUNTERS)}))")
#: the characters a unit starts with (``_text_flags``' ``_FLAG_COUNT``)
_UNIT_FIRST = "".join(dict.fromkeys(_MAGNITUDES + "".join(re.sub(r"^(?:\(\?<![^()]*\))+", "", w)[0]
                                                           for w in (*_MEASURES, *_COUNTERS))))
#: (学时: class hours of training, 培训时间不得少于24学时; 个月: 至少保存六个月, which read 6 个 of 月; 分钟: 应急演练时长
#: 不少于30分钟, not 每30分钟报告一次 nor 15分钟应急救援圈)
_TIME_UNITS = ("周", "天", "日", "工作日", "个工作日", "小时", "学时", "个月", "分钟")
#: the comparators a table or a 标准 writes as signs (达标率≥95%, 较大事故起数≤2起): no strict sign, as 低于/高于 have none
_SIGN_OF = {"≥": ">=", "≤": "<=", "＞": ">=", "＜": "<=", "⩾": ">=", "⩽": "<="}
_SIGNS = tuple(_SIGN_OF)
_CMP_WORDS = ("不得少于", "不得低于", "不少于", "不低于", "至少", "不超过", "不多于", "最多", *(_STANDARD_CMPS := (
    # a 标准's minimum and maximum (疏散楼梯不应少于2部, 防火间距不得小于50米, 面积不应大于2500平方米)
    "不应少于", "不应低于", "不应小于", "不得小于", "不宜小于", "不小于", "不应大于", "不得大于", "不宜大于", "不大于",
    "不应超过", "不得超过")), *_SIGNS)  # (不得超过: a maximum as 不超过 is, 噪声强度不得超过85分贝)
_CMP = "|".join(_CMP_WORDS)
# Verbs too general to mark a count on their own (深入开展20个重点县 is a scope); they need 至少/每月….
_WEAK_VERBS = ("深入", "进行", "检查", "开展", "组织", "组织开展", "召开", "举办")
# Verbs that commit to producing a count (not 超过/发生/涉及, which describe scope or conditions).
_VERBS = ("再建成|再建设|建成|新建改造|新建|改建|改造|建设|建立|创建|打造|组建|完成|推动|关闭|淘汰|解决|培养|培育|培训|配备|"
          "配齐|增设|安装|接入|召开|组织开展|组织|开展|举办|检查|进行|深入|投资|投入|新增|增加|增储")
# a level a count reaches (储备能力达到10万人): its subject comes before the verb, and the number right
# after it (a level verb followed by other words must not swallow a later verb's count: 推动达到标准的
# 企业建成20座 is 建成20座)
_LEVEL_VERBS = ("达到", "提高到", "提升到", "控制在", "保持在")
_LEVEL_NEXT = (r"\s*[\d一二两三四五六七八九十][\d.一二两三四五六七八九十]*"
               rf"(?:{_RANGE_SEP}[\d.一二两三四五六七八九十]+)?\s*" + _UNIT.replace("(?P<unit>", "(?:", 1))
_COUNT_VERBS = rf"{_VERBS}|(?:{'|'.join(_LEVEL_VERBS)})(?={_LEVEL_NEXT})"
# a level's subject that states a condition (凡死亡人数达到3人…, 造成…达到10人): not a target
_CONDITION = re.compile(r"凡|如|若|发生|造成|导致|涉及")

# A count: [comparator] [verb] [filler] number unit [以上] — the lookahead makes every match start at
# a comparator or verb, so a match that starts earlier never swallows one that would qualify.
# first characters of every comparator and verb: a one-class test rejects most positions quickly
_COUNT_FIRST = "".join(sorted({w[0] for w in (*_CMP_WORDS, *_VERBS.split("|"), *_LEVEL_VERBS)}))
_FILL_MAX = 8  # characters between a count's verb and its number
#: what precedes a count's number: a comparator, a modal (要), a verb and the filler, none of them a
#: digit or delimiter, with white space after the comparator and modal (``\s*``)
_COUNT_REACH = max(map(len, _CMP_WORDS)) + 1 + max(map(len, (*_VERBS.split("|"), *_LEVEL_VERBS))) + _FILL_MAX
#: tried where a comparator or verb starts: a numeral (or white space, where the reach may run on)
#: within ``_COUNT_REACH`` characters that are no delimiter. Its verbs are common words and each try
#: of the pattern there cost as much as rejecting ~10 positions; most have no number that close.
#: (The first numeral, space or delimiter ends the run: no backtracking, and a try never reads more
#: than ``_COUNT_REACH`` characters, so the scan stays linear.)
_COUNT_NEAR = rf"(?=[^，。；：\d\s一二两三四五六七八九十]{{0,{_COUNT_REACH}}}[\d\s一二两三四五六七八九十])"
RE_COUNT = re.compile(
    rf"(?=[{_COUNT_FIRST}])(?=(?:{_CMP}|{_COUNT_VERBS})){_COUNT_NEAR}"
    rf"(?:(?P<cmp>{_CMP})\s*(?:要|须|应|需)?\s*)?(?P<verb>{_COUNT_VERBS})?"
    # (及以上 is 以上: 配备2名及以上专职安全员)
    rf"(?P<fill>[^，。；：\d]{{0,{_FILL_MAX}}}?)(?:{_QTY}|{_CN_QTY})\s*{_UNIT}(?P<qual>及?以上|及?以下|以内|左右)?")
#: RE_COUNT with a count in digits only, tried where a Chinese numeral before it was no count (its
#: lazy filler stops at the first numeral and unit: 建成一类应急避难场所4处 read 一类 and gave up;
#: ``_counts`` retries the verb with this, so 一类 becomes part of the object)
#: (the numeral's groups stay, never matched: ``(?!)`` fails at once)
RE_COUNT_DIGITS = re.compile(RE_COUNT.pattern.replace(f"(?:{_QTY}|{_CN_QTY})", f"(?:{_QTY}|(?!)(?P<cnum>)(?P<cnum2>))"))
# An object longer than RE_COUNT's 8 characters between verb and count (关闭不具备安全生产条件的小矿山20座):
# read only after a verb that commits on its own, when the object holds no verb (推动…建设达标100家
# starts at 建设; checked on the match, ``_long_counts``) and the count closes its chunk (not 开展…20家企业的检查)
# The same form reads the verbs below, which commit to a count only when it closes the clause part
# (取缔非法加油点12个。 / 印发宣传资料2万份。), and a verb coordinated with a second that acts on the
# same object (关闭退出, 整治提升, 升级改造: the second is one of _PAIR_SECONDS; another verb after a
# verb starts the object, 配备培训教材). Its object may be short too: RE_COUNT reads most of those
# alike (``_count_targets``), but gives up where a numeral inside the object is taken for the count
# (建成一类应急避难场所4处: 一类 is rejected, 4处 never tried).
# (Not 整改/治理: 发现整改隐患3260项 reports; nor 签订: 签订…责任书126份 reports work done as often.)
_END_VERBS = ("取缔", "关停", "退出", "整治", "提升", "升级", "更新", "拆除", "清理", "搬迁", "印发", "发放", "设置", "设立",
              "购置", "储备", "修建", "改扩建")
#: verbs of funding, read only with an amount of money (安排…资金500万元; 安排专项检查3次 is no commitment to a count):
#: ``RE_COUNT_MONEY``
_MONEY_VERBS = ("安排", "下达", "拨付", "筹措", "落实")
#: a verb right before these names a kind of money or class (建设资金, 改造经费, 培训班), not the work: its count is
#: no count of that verb's (拨付应急救援能力建设资金500万元 is 拨付's), but for a verb of funding (投入资金…)
_NOUN_HEADS = ("资金", "经费", "班")
_FUNDS_VERBS = ("投资", "投入", "新增", "增加", *_MONEY_VERBS)
_PAIR_SECONDS = ("退出", "提升", "改造", "整治", "取缔", "关停", "关闭", "淘汰", "拆除", "升级", "清理")
_LONG_VERBS = "|".join((*(v for v in _VERBS.split("|") if v not in _WEAK_VERBS), *_END_VERBS))
# an object of 1 to 24 characters (不符合安全条件的小型砖瓦窑厂和石灰窑: 18); none: the object comes before
# the verb (县城老旧燃气管网更新改造200公里), RE_COUNT's reading (its verb 改造, as before)
_LONG_FILL_MAX = 24
#: after the verb, a digit or numeral within the object's reach, before a delimiter or quote: what
#: every match has (a count's number, or a numeral inside its object: 一类). Most verbs have none
#: there, and this one scan rejects them at once; trying the number after each character of the
#: object costs as much as the rest of the pattern's scan. (The pattern starts with its verbs, no
#: lookahead: the regex engine then skips to their first characters by itself.)
_LONG_NEAR = rf"(?=[^，。；：“”\d{_CN_NUMERALS}]{{0,{_LONG_FILL_MAX}}}[\d{_CN_NUMERALS}])"
RE_COUNT_LONG = re.compile(
    rf"(?P<verb>(?:{_LONG_VERBS})(?:{'|'.join(_PAIR_SECONDS)})?){_LONG_NEAR}"
    rf"(?P<fill>[^，。；：\d“”]{{1,{_LONG_FILL_MAX}}}?)"
    rf"(?:{_QTY}|{_CN_QTY})\s*{_UNIT}(?P<qual>以上|以下|以内|左右)?(?=[，。；：！？\n（(、]|$)")
#: a number inside a count's object that counts nothing: a voltage, a tonnage, a generation (新建[110]千伏变电站2座,
#: 改造[35]kV线路12公里, 建设[5]G基站30个, 更新[2]吨以上叉车15台, 新建[1000]吨级泊位3个). Not a count (a number before a
#: counter: 建成消防站3座和…, 覆盖100个村的…), a share (30%以上的…), a date or duration (2027年度…, 6月…, 24小时…), or
#: a range's first end (配备专职安全员3—5人)
_SPEC_NUM = rf"(?<![\d.]){_NUM}(?![\d.]|\s*(?:[%‰年月日号]|[-—–~～至到]|[{_COUNTER_MAGNITUDES}]?(?:{'|'.join(_COUNTERS)})))"
#: what joins two objects or verb phrases (建成消防站3座和微型消防站10个, 改造3公里燃气管道和5公里供水管道, …2吨以上叉车并…):
#: after a number inside an object, such a word starts a second object, which the number is not part of
_JOINERS = "和及与、并"
#: what may follow a number inside an object up to the count: no delimiter, bracket, quote, digit or joining word, but
#: 及 of 及以上/及以下 (新建110千伏及以上变电站2座: part of the object's grade)
_SPEC_TAIL = rf"(?:[^，。；：\d（(“”{_JOINERS}]|及(?=以[上下]))"
#: RE_COUNT_LONG with one such number in its object: the count is the number with a counter that closes the clause
#: part after it (the object's other characters are RE_COUNT_LONG's, and one number only: a second is a count's or a
#: list's). A pattern of its own, scanned on a text where a digit stands within the object's reach after a verb
#: (``_SPEC_GATE``); its Chinese numeral's groups never match (its count is in digits, as RE_COUNT_DIGITS')
RE_COUNT_SPEC = re.compile(
    rf"(?P<verb>(?:{_LONG_VERBS})(?:{'|'.join(_PAIR_SECONDS)})?)"
    rf"(?P<fill>[^，。；：\d“”]{{0,12}}?{_SPEC_NUM}{_SPEC_TAIL}{{1,16}}?)"
    rf"(?:{_QTY}|(?!)(?P<cnum>)(?P<cnum2>))\s*{_UNIT}(?P<qual>以上|以下|以内|左右)?(?=[，。；：！？\n（(、]|$)")
#: the same form after a verb of funding, with an amount of money (县财政安排…建设资金500万元): a pattern of its own,
#: scanned on a text holding 元 (安排 and 落实 are common words: among the other verbs their tries cost ~0.15 us a clause)
RE_COUNT_MONEY = re.compile(
    rf"(?P<verb>{'|'.join(_MONEY_VERBS)}){_LONG_NEAR}(?P<fill>[^，。；：\d“”]{{1,{_LONG_FILL_MAX}}}?)"
    # (or before what it is for: 筹措资金2.5亿元用于…, as 投入资金2000万元用于… reads)
    rf"(?:{_QTY}|{_CN_QTY})\s*(?P<unit>[{_MAGNITUDES}]*元)(?P<qual>以上|以下|以内|左右)?(?=[，。；：！？\n（(、]|$|用于|用来)")
#: an amount right after a verb of funding, the money named after it (省级财政安排3000万元专项资金); a comparator may
#: stand between (每年安排不少于500万元的安全生产专项经费: its verb was lost, the count read from 不少于)
RE_MONEY_FIRST = re.compile(
    rf"(?P<verb>{'|'.join(_MONEY_VERBS)})(?P<fill>(?:{_CMP})?)(?:{_QTY}|{_CN_QTY})\s*(?P<unit>[{_MAGNITUDES}]*元)(?P<qual>以上|左右)?"
    # (the money's name closes the clause part: not a title's 关于拨付1998.5万元安全生产专项资金的通知)
    rf"(?=[^，。；：\d]{{0,12}}?(?:{'|'.join(_NOUN_HEADS[:2])})(?:[，。；：！？\n（(、]|$))")
# A count of occurrences after a weak verb and its object, closing the clause part (组织开展执法检查3次,
# 开展应急演练2次以上, 开展…演练不少于1次): the weak verbs commit to a count only so (深入开展20个重点县 is a
# scope): how many times (次) the work is done; a count of its scale (场次, 人次, 家次, 批次: 组织开展宣传活动
# 12场次, probe 6) only with a comparator or 以上. In digits (开展一次安全评价 without 每 stays unread); the object
# holds no verb that commits on its own (组织…培训不少于3000人次 is 培训's count: ``_weak_counts``) and the
# sentence does not report (``_WEAK_REPORTS``)
_OCCURRENCES = ("人次", "场次", "家次", "批次", "次")


def _weak_count_pattern(number: str) -> re.Pattern:
    """``RE_COUNT_WEAK`` with the count written as ``number`` (a pattern of the digits or of the numerals)."""
    return re.compile(
        rf"(?P<verb>组织开展|开展|组织|举办|召开|进行)(?P<fill>[^，。；：\d“”]{{1,{_LONG_FILL_MAX}}}?)"
        rf"(?:(?P<cmp>{_CMP})\s*)?(?P<num>{number})\s*(?P<unit>{'|'.join(_OCCURRENCES)})(?P<qual>以上|左右)?"
        r"(?=[，。；：！？\n（(]|$)")


RE_COUNT_WEAK = _weak_count_pattern(r"\d+")
#: the same count in Chinese numerals (组织开展执法检查三次以上, 开展应急演练两次): read as in digits. A pattern of its
#: own behind its own gate (``_WEAK_CN_GATE``): most texts with 次 hold 一次 or 两次 before a noun (开展一次检查),
#: not closing the clause part
RE_COUNT_WEAK_CN = _weak_count_pattern(f"[{_CN_NUMERALS}]{{1,3}}")
#: a verb in a weak count's object that commits on its own (its count is that verb's), or a comparator;
#: not one that names a class with 班 (举办…培训班10次: the classes held are the count)
_STRONG_IN_FILL = re.compile("(?:" + "|".join((*(v for v in _VERBS.split("|") if v not in _WEAK_VERBS), *_END_VERBS,
                                               *_LEVEL_VERBS, *_CMP_WORDS)) + ")(?!班)")
#: what every ``RE_COUNT_WEAK`` match holds: a digit before its unit (most texts with 次 have 一次, 两次: no scan)
_WEAK_GATE = re.compile(rf"\d\s*(?:{'|'.join(_OCCURRENCES)})")
#: what every ``RE_COUNT_WEAK_CN`` match holds: 次 after a numeral, white space or the first character of its unit
#: (人次, 场次…), then what closes the clause part (led by the literal 次: the regex engine skips to it)
_WEAK_CN_GATE = re.compile(rf"次(?<=[{_CN_NUMERALS}\s人场家批]次)(?:以上|左右)?(?:[，。；：！？\n（(]|$)")
#: what follows a count that was done, not set (…检查4次，发现并督促整改…; 开展了…)
_WEAK_REPORTS = re.compile(r"\s*[，,]\s*(?:发现|查处|查出|排查出|督促整改|其中|共|累计)")
# A rate or share: 覆盖率达到100% / 死亡率控制在0.1以下 / 配比达到在职人员的75%以上 / 完成30%的轮训任务
# (保持: a rate kept, 覆盖率保持100%; after 保持在, which the alternation tries first)
_RATE_VERBS = ("达到|提高到|提升到|提高至|提升至|降低到|降低至|下降到|下降至|控制在|保持在|稳定在|不低于|不少于|不超过|不高于|"
               # a 标准's bounds (道路纵坡不应大于8%, 不应高于爆炸下限的25%): before 低于/高于, which they hold
               # (不得超过, 不宜超过: a ceiling, as 不超过 is; 载客不得超过核定人数的110% read 超过, a floor, with subject 载客不得)
               "不应低于|不应高于|不应大于|不应小于|不应超过|不宜低于|不宜高于|不宜大于|不宜小于|不得低于|不得高于|不得大于|不得小于|"
               "不得超过|不宜超过|"
               "不大于|不小于|"
               "下降|降低|减少|提高|完成|保持|达|低于|高于|超过|接近|将近|近|约|" + "|".join(_SIGNS))
#: comparators that set a ratio's ceiling or floor (亿元GDP生产安全事故死亡率低于0.2, 不高于0.8%) but bound a scope as
#: often (气温低于5时, 负债率高于70%的企业): read only under a ratio, and not before 的 (``_rate_targets``)
_BOUND_VERBS = ("低于", "高于", "不高于", "不应低于", "不应高于", "不应大于", "不应小于", "不应超过", "不宜低于", "不宜高于",
                "不宜大于", "不宜小于", "不得低于", "不得高于", "不得大于", "不得小于", "不大于", "不小于", "不得超过", "不宜超过",
                *_SIGNS,
                "超过", "接近", "将近", "近", "约")  # (森林覆盖率超过65%: a floor, 近100% about; 负债率超过70%的企业: a scope)
#: what a ratio's subject ends in (万车死亡率, 抽查比例, 占比)
_RATIO_NOUN = ("率", "比例", "比重", "占比")
# the baseline a change is measured against (同比下降10%, 较上年下降5%, a plan's 比2025年下降20%): part of the verb
# as written
#: a year (到2027年 after a rate's figure: when, not the end of a range)
_YEAR_AHEAD = r"(?:19|20)\d{2}\s*年"
_BASELINE = r"(?:同比|较上年|比上年|较去年|比去年|[比较](?:19|20)\d{2}\s*年(?:底|末)?)"
#: first characters of every rate verb and baseline: a one-class test rejects most positions quickly
#: what an action has and a deadline's subject or anchor has not (``_names_action``): a share (65%) or a verb that
#: commits to a count or a rate (建成, 完成, 关闭, 达到, 下降…; not the one-character 达, nor a sign)
_ACTION_WORD = re.compile("[%‰]|" + "|".join(sorted({*_VERBS.split("|"), *_END_VERBS, *(
    v for v in _RATE_VERBS.split("|") if len(v) > 1)}, key=len, reverse=True)))
_RATE_FIRST = "".join(sorted({w[0] for w in _RATE_VERBS.split("|")} | set("同较比")))
RE_RATE = re.compile(
    rf"(?=[{_RATE_FIRST}])(?P<rverb>{_BASELINE}?(?:{_RATE_VERBS}))(?P<base>[^，。；：\d%]{{1,10}}的)?(?:(?<=[{''.join(_SIGNS)}])\s*)?"
    # (a word of approximation before the figure: 达到约65%, 下降近10%; the figure is read as written)
    rf"(?:约|近|接近|将近)?(?P<num>{_NUM})\s*(?P<unit>%|‰|个?\s*百分点)?"
    # (a range: 下降10%—15%, 达到90—95%, the unit written once after it; one target, as a count's range is)
    rf"(?:{_RANGE_SEP}(?P<num2>{_NUM})\s*(?P<unit2>%|‰|个?\s*百分点)?)?"
    rf"(?P<qual>以上|以下|以内|左右)?(?P<of>的[^，。；：]{{1,20}})?"
    # (a change in percentage points, 达标率提高5个百分点: unit 百分点, ``_rate_targets``)
    # not a count or a date: 完成2000公里 / 达到3年 are handled (or rejected) elsewhere; nor a number cut short
    # (a bare figure, 死亡率控制在0.2, ends the match: ``_rate_targets`` keeps it under a ratio only)
    # (a year after the figure is no range's end: 覆盖率达到90%到2027年)
    rf"(?!\s*(?:{_RANGE_SEP}(?!{_YEAR_AHEAD})\d|[\d.]|[千万亿百]|年|月|日|个|座|家|处|名|人|米|吨|元|项|次|条|辆|台|套|起|公里|周|天|小时))")
# N%的X: 90%的化工园区达到较低安全风险等级 / 30%以上的乡村建成安全乡村
RE_SHARE_OF = re.compile(rf"(?P<num>{_NUM})\s*(?P<unit>%|‰)(?P<qual>以上|以下)?的(?P<what>[^，。；：]{{1,30}})")
# Object before the number: 新建改造排水管网500公里 / 改建燃气管网200公里
RE_OBJECT_FIRST = re.compile(
    # (one number that counts nothing may stand in the object: 改造35kV线路12公里, _SPEC_NUM)
    # (after it, no joining word: 改造3公里燃气管道和5公里供水管道 lists two lengths)
    rf"(?P<verb>新建改造|新建|改建|改造|修建)"
    rf"(?P<what>[^，。；：\d]{{1,12}}?|[^，。；：\d]{{0,12}}?{_SPEC_NUM}{_SPEC_TAIL}{{1,12}}?)(?P<num>{_NUM})\s*"
    rf"(?P<unit>(?:[千万亿百]+)?(?:公里|千米|米|平方米|立方米))")

#: the period of a frequency as written after 每: 月, 季度, 半年…, and a number of them (每三年, 每2年, 每两个月;
#: 每个月 and 每个季度 are 月 and 季度)
_CYCLE = r"(?:[\d一二两三四五六七八九十]+\s*个?\s*)?(?:半年|季度|学期|年|月|周|天|日)"
_PER = re.compile(rf"每个?(?P<per>{_CYCLE})(?P<cmp>{_CMP})?[^，。；\d]{{0,16}}$")
_CMP_SIGN = {"至少": ">=", "不少于": ">=", "不低于": ">=", "不得少于": ">=", "不得低于": ">=",
             "不超过": "<=", "不多于": "<=", "最多": "<=",
             **{w: "<=" if "大" in w or "超" in w else ">=" for w in _STANDARD_CMPS}, **_SIGN_OF}
_QUAL_SIGN = {"以上": ">=", "以下": "<=", "以内": "<=", "及以上": ">=", "及以下": "<="}
_RATE_SIGN = {"达到": ">=", "提高到": ">=", "提升到": ">=", "提高至": ">=", "提升至": ">=", "不低于": ">=",
              "不少于": ">=", "控制在": "<=", "降低到": "<=", "降低至": "<=", "下降到": "<=", "下降至": "<=",
              "不超过": "<=", "保持在": "=", "稳定在": "=", "达": ">=",
              # (the comparator set has no strict sign: 低于 0.2 is read as a ceiling, as 控制在…以下 is)
              "低于": "<=", "不高于": "<=", "高于": ">=", "超过": ">=", "接近": "=", "将近": "=", "近": "=", "约": "=",
              # (a 标准's: 大于/高于/超过 bound from above, 小于/低于 from below)
              **{w: "<=" if w[-2] in "大高超" else ">=" for w in _BOUND_VERBS if len(w) == 4 or w in ("不大于", "不小于")},
              **_SIGN_OF}
# Leading words of a measured subject that are not part of it: 实现专业监管人员配比 -> 专业监管人员配比,
# 完成县城老旧燃气管网更新改造(200公里) -> 县城老旧燃气管网更新改造 (完成 names no work; 完成率 is a subject)
# (对 introduces what a rate is of: 对辖区内危化品企业的抽查比例不低于10%; not 对口, 对外; 其中, among them, links a
# figure to the one before: …不低于30%，其中重点企业抽查比例不低于50%)
_SUBJECT_LEAD = re.compile(r"^(?:实现|推动|推进|确保|力争|全面|完成(?![率比])|要|并|且|对(?![口外象接话])|其中)+")


_OBJ_TRAIL_CHARS = "要须需应将的"
# (and 均, both/all, before the verb of an enumeration: 持证上岗率、培训覆盖率均达到100%; not 人均, per head)
_OBJ_TRAIL = re.compile(f"(?:[{_OBJ_TRAIL_CHARS}]|(?<!人)均)+$")
_OBJ_TRAIL_LAST = frozenset(_OBJ_TRAIL_CHARS + "均")


def _obj(s: str) -> str:
    """Tidy an object or subject phrase: edge punctuation, 的, modal 要/须, a trailing 均 (not 在 or 至,
    which can belong to the object: 在用, 至少; nor 人均)."""
    s = s.strip(" 　，、")
    if s.startswith("的"):
        s = s[1:]
    if _ends_in(s, _OBJ_TRAIL_LAST):
        s = _OBJ_TRAIL.sub("", s)
    return s.strip(" 　，、")


def _cmp_sign(cmp: str | None, qual: str | None, verb: str | None = None, ranged: bool = False) -> str:
    if ranged:
        return "between"
    if qual in _QUAL_SIGN:
        return _QUAL_SIGN[qual]
    if cmp in _CMP_SIGN:
        return _CMP_SIGN[cmp]
    return _RATE_SIGN.get(verb or "", "=")


def _prev_chunk(text: str, left: int) -> str | None:
    """The chunk before the one starting at ``left``, within the same sentence ('' when none);
    a sector lead such as ``特种设备：`` is dropped. None when that chunk states a condition (``_CONDITION_CHUNK``:
    未经批准，不得超过…; 确有困难的，…): it names nothing counted, and a bound under it with nothing else named is a rule's
    (未经批准，不得超过核定人数的110%载客 read ``what`` 未经批准), no target."""
    if left <= 0 or text[left - 1] != "，":
        return ""
    pleft, _ = _chunk_bounds(text, left - 1, left - 1)
    chunk = text[max(pleft, left - 1 - WINDOW):left - 1]
    if _CONDITION_CHUNK.search(chunk):
        return None
    return _tidy(chunk)


#: a chunk that states a condition: 未经批准 / 未经许可, 经…批准 / 同意 (a permission), 如… / 若… / 凡… (if), …的 (those that:
#: 确有困难的); not 经济…, 经营…
_CONDITION_CHUNK = re.compile(r"^\s*(?:未经|如(?![期实])|若|凡|经(?![济营费验常过历理办])[^，。；]{0,20}(?:批准|同意|许可|审批|核准|认定)$)"
                              r"|(?<![目])的\s*$")


def _per(text: str, left: int, start: int) -> str | None:
    # (每年 before a verb and its object: 每年培训企业主要负责人不少于5000人次; within the chunk)
    m = _per_match(text, left, start)
    return m.group("per") if m else None


def _per_match(text: str, left: int, start: int) -> re.Match | None:
    """The frequency before a count at ``start`` (``_PER``: 每年, 每两年至少, in its chunk from ``left``)."""
    window = text[max(left, start - 20):start]
    return _PER.search(window) if "每" in window else None


#: a rate in words: 下降百分之十, 达到百分之九十五以上, 达到百分之百 (regulations and some plans write them so): read as
#: ``RE_RATE``'s, ``unit`` %; no object between verb and number (处…年收入百分之四十的罚款 has no rate verb). Scanned
#: on a text holding 百分之 (a substring test); its ``base`` and ``of`` never match
RE_RATE_CN = re.compile(
    rf"(?=[{_RATE_FIRST}])(?P<rverb>{_BASELINE}?(?:{_RATE_VERBS}))(?P<base>(?!))?(?P<unit>[百千]分之)"
    r"(?P<num>[一二两三四五六七八九十百零〇]{1,4}(?:点[零〇一二三四五六七八九]{1,3})?)(?P<qual>以上|以下|以内|左右)?(?P<of>(?!))?(?P<num2>(?!))?(?P<unit2>(?!))?")


#: a rate in Chinese digits written one by one: 达到一〇〇% (read as 100%; at least one 〇/零, as a number so written
#: has: 九五% is no such number). Scanned on a text holding % or ‰ and 〇 or 零; its ``base`` and ``of`` never match
RE_RATE_CN_DIGITS = re.compile(
    rf"(?=[{_RATE_FIRST}])(?P<rverb>{_BASELINE}?(?:{_RATE_VERBS}))(?P<base>(?!))?"
    r"(?P<num>(?=[一二三四五六七八九〇零]*[〇零])[一二三四五六七八九〇零]{2,4})(?P<unit>%|‰)(?P<qual>以上|以下|以内|左右)?(?P<of>(?!))?(?P<num2>(?!))?(?P<unit2>(?!))?")


def _rate_targets(text: str, rx: re.Pattern = RE_RATE) -> Iterator[Target]:
    last: tuple[str, int] | None = None  # (what, end) of the last rate read with a subject of its own
    for m in rx.finditer(text):
        written, unit, base, of = m.group("rverb"), m.group("unit") or m.group("unit2") or "", m.group("base"), m.group("of")
        high = m.group("num2")
        # (提高5个百分点: one unit; 千分之三 is 3 ‰ as 百分之五 is 5 %)
        unit = "%" if unit == "百分之" else "‰" if unit == "千分之" else "百分点" if unit.endswith("百分点") else unit
        verb = _RE_BASELINE.sub("", written)  # (同比下降: read as 下降)
        if verb == "完成" and not unit and not base:
            continue  # 完成2000公里… is a count (RE_COUNT); a bare 完成80 is not a share
        if not unit and verb in ("下降", "降低", "减少", "提高"):
            continue  # 下降10 without % states no target
        left, right = _chunk_bounds(text, m.start(), m.end())
        left = max(left, m.start() - WINDOW)
        head = _subject_head(text, left, m.start())
        verb_start = m.start()
        if head.endswith(_ANNUAL):
            # 死亡人数年均下降3%: the annual average is the verb's (as 同比 is), not the subject's
            head, written, verb_start = head[:-len(_ANNUAL)], _ANNUAL + written, m.start() - len(_ANNUAL)
        cycle = _CYCLE_BEFORE_VERB.search(head) if "每" in head[-6:] else None
        subject_end = verb_start
        if cycle:
            # 事故起数每年下降5%, 覆盖率每年提高5个百分点: the period of the change (``per``), not part of its subject
            head, per, subject_end = head[:cycle.start()], cycle.group("per"), verb_start - len(cycle.group())
        else:
            per = None
        subject = _SUBJECT_LEAD.sub("", _strip_deadlines(_obj(head)))
        as_written, own = subject, True
        dated = _DATED_SUBJECT.search(subject) if "年" in subject else None
        if dated and dated.start():
            subject = subject[:dated.start()]  # 隐患整改率2026年达到90%: the year says when; the subject is before it
        elif dated:
            # …，2027年达到95% / …，到2027年下降20%: a year alone says when; the subject is the last rate's in the sentence
            # (none: read as before, the year for its subject)
            earlier = _earlier_subject(text, last, m.start())
            subject, own = (earlier or subject), False
        if verb in ("低于", "高于") and text[m.start() - 1:m.start()] in ("不", "应", "宜", "得"):
            continue  # 不应该低于…: a bound this scan has no word for, not its opposite
        if (verb in _BOUND_VERBS or not (unit or m.group("qual"))) and (
                of or not (unit or subject.endswith(_RATIO_NOUN)) or text.startswith("的", m.end())):
            # 负债率高于70%的企业, 气温低于5时: a scope, not a ratio's bound; a bare figure (万车死亡率控制在0.2) is a
            # ratio's only (达到3级 is no target)
            continue
        end = m.end()
        if verb == "完成" and of:
            what = _obj(of[1:])  # 完成35%的安装任务
        elif verb == "完成" and base:
            what = _obj(base[:-1])  # 完成改革任务总量的80(%)
        elif of and not subject and unit:
            what = _obj(of[1:])  # 确保不少于90%的企业完成…: a share of what follows, no subject before it (what read empty)
        else:
            what = subject
            end = m.end() - (len(of) if of else 0)  # 达到100%的… : the tail is not part of the target
        start = subject_end - len(as_written) if what == subject and subject and head.endswith(as_written) else verb_start
        if not what:
            what = _prev_chunk(text, left)  # …报废综合治理，2016年年底前完成80%
            if what is None:
                continue  # 未经批准，不得超过核定人数的110%载客: a rule under a condition, nothing named
        elif what == subject and own:
            last = (what, end)
        yield _frozen(Target, text=text[start:end], value=_rate_num(m.group("num")),
                      value_max=_rate_num(high) if high else None, unit=unit, what=_clip(what),
                      comparator=_cmp_sign(None, m.group("qual"), verb, ranged=high is not None), verb=written, per=per,
                      span=(start, end))


#: a cycle right before a rate's verb (事故起数每年下降5%): its ``per``
_CYCLE_BEFORE_VERB = re.compile(rf"每个?(?P<per>{_CYCLE})$")


def _earlier_subject(text: str, last: tuple[str, int] | None, start: int) -> str:
    """The subject of the rate ``last`` (what, end) when it ends in the sentence of a rate at ``start`` (no 。；！？ between:
    a look-up in the text's delimiter index), else ``""``."""
    if last is None:
        return ""
    positions = _delim_positions(text, SENTENCE_DELIMS)
    i = bisect.bisect_left(positions, last[1])
    return last[0] if i == len(positions) or positions[i] >= start else ""


def _rate_num(s: str) -> int | float:
    """``_num``, and a decimal in words (千分之零点九: 0.9; 百分之二点五: 2.5)."""
    if "点" not in s:
        return _num(s)
    whole, _, fraction = s.partition("点")
    return _num(f"{_num(whole)}.{cn_digits(fraction)}")


_RE_BASELINE = re.compile(f"^{_BASELINE}")
#: a year closing a rate's subject (隐患整改率2026年达到90%, …到2027年): when, not what (its text keeps it, as written)
#: (and a year end's 前: 整改完成率在2027年底前达到100% read what 整改完成率在2027年底前)
_DATED_SUBJECT = re.compile(r"(?:到|至|在|于)?(?:19|20)\d{2}\s*年(?:底|末)?(?:\s*(?:之|以)?前)?$")
_ANNUAL = "年均"
#: the end of an enumerated figure before a subject: 事故起数下降5%、[死亡人数]下降8%
_FIGURE_END = re.compile(r"(?:[\d%‰][^\d、，。；：]{0,2}|以上|以下|以内|左右)、")


def _subject_head(text: str, left: int, start: int) -> str:
    """The words before a level or rate that may name its subject: from its chunk's start (without an
    item number), or from after the last enumerated figure (``下降5%、死亡人数下降8%`` -> ``死亡人数``)."""
    head = text[left:start]
    if left == 0 and head:
        head = _ENUM_LEAD.sub("", head)  # 一、达标率达到85%: the item number is not the subject
    if "、" in head:
        last = None
        for last in _FIGURE_END.finditer(head):
            pass
        if last:
            head = head[last.end():]
    return head


#: a rate written right after its noun, with no verb: 视频监控覆盖率100%, 占比30%以上
RE_RATE_BARE = re.compile(rf"(?:率|比例|比重|占比)\s*(?P<num>{_NUM})\s*(?P<unit>%|‰)(?P<qual>以上|以下)?")


def _bare_rate_targets(text: str) -> Iterator[Target]:
    for m in RE_RATE_BARE.finditer(text):
        if text.startswith("的", m.end()) and _SHARE_PREDICATE.match(text, m.end() + 1):
            continue  # 占比30%以上的须逐一核查: a class (``_SHARE_PREDICATE``), as N%的 before a predicate is
        noun_end = m.start("num")
        left, _ = _chunk_bounds(text, m.start(), m.end())
        head = _subject_head(text, max(left, noun_end - WINDOW), noun_end)
        subject = _SUBJECT_LEAD.sub("", _strip_deadlines(_obj(head)))
        if not subject:
            continue
        start = noun_end - len(subject) if head.endswith(subject) else m.start()
        yield _frozen(Target, text=text[start:m.end()], value=_num(m.group("num")), value_max=None, unit=m.group("unit"),
                     what=_clip(subject), comparator=_cmp_sign(None, m.group("qual")), verb=None, per=None,
                     span=(start, m.end()))


#: figures given respectively (事故起数和死亡人数分别控制在35起、20人以内; 持证率和覆盖率分别达到95%、90%以上): 分别, a rate
#: or level verb, then two or more figures (a number with its unit, %, ‰ or none) listed with 、
_FIGURE = (rf"{_NUM}\s*(?:%|‰|{_UNIT.replace('(?P<unit>', '(?:', 1)})?(?:以上|以下|以内|左右)?")
RE_RESPECTIVE = re.compile(rf"分别(?P<rverb>{_BASELINE}?(?:{_RATE_VERBS}|提高到|提升到))"
                           rf"(?P<figures>{_FIGURE}(?:、{_FIGURE})+)(?![\d.、])")
RE_ONE_FIGURE = re.compile(rf"(?P<num>{_NUM})\s*(?P<unit>%|‰|{_UNIT.replace('(?P<unit>', '(?:', 1)})?"
                           r"(?P<qual>以上|以下|以内|左右)?")
#: what joins the subjects before 分别 (事故起数和死亡人数, 起数、死亡人数)
_SUBJECTS_JOINED = re.compile(r"、|和|及|与")


def _respective_targets(text: str) -> list[Target]:
    """One target per figure given respectively, paired in order with the subjects listed before 分别 (as many
    of them as figures, else none); each target's text is its figure, the verb and a qualifier written once (以内
    after the last) are shared."""
    out: list[Target] = []
    for m in RE_RESPECTIVE.finditer(text):
        left, _ = _chunk_bounds(text, m.start(), m.end())
        head = _subject_head(text, max(left, m.start() - WINDOW), m.start())
        subjects = [_SUBJECT_LEAD.sub("", _obj(s)) for s in _SUBJECTS_JOINED.split(_strip_deadlines(_obj(head)))]
        figures = list(RE_ONE_FIGURE.finditer(text, m.start("figures"), m.end("figures")))
        if len(subjects) != len(figures) or not all(subjects):
            continue
        written = m.group("rverb")
        verb, shared = _RE_BASELINE.sub("", written), figures[-1].group("qual")
        for subject, f in zip(subjects, figures):
            unit = f.group("unit") or ""
            out.append(_frozen(Target, text=f.group(), value=_num(f.group("num")), value_max=None, unit=unit,
                               what=_clip(subject), comparator=_cmp_sign(None, f.group("qual") or shared, verb),
                               verb=written, per=None, span=f.span()))
    return out


#: zero as a target: 生产安全事故零死亡, 重特大事故“零发生”, 实现零事故, also with only 零 quoted: 实现“零”死亡, “零”事故
#: (not 零容忍, nor a name: 零事故班组创建, “零事故”单位, “零”事故单位, “零违章、零隐患、零事故”活动)
RE_ZERO = re.compile(r"“?零(?P<close0>”)?(?P<noun>死亡|伤亡|事故|发生|火灾|亡人|伤害)(?P<close>(?(close0)(?!)|”))?"
                     r"(?!”?(?:企业|班组|单位|工地|示范|车间|矿井|岗位|创建|村|社区|家庭|活动|行动))")
_ZERO_VERB = re.compile(r"(?:实现|确保|保持|做到|力争)")
#: a time before a zero's verb (全年实现零死亡, 今年力争零事故): no subject of it
_ZERO_TIME_LEAD = re.compile(r"^(?:全年|年内|今年|当年|本年度?|每年)")


def _zero_targets(text: str) -> Iterator[Target]:
    for m in RE_ZERO.finditer(text):
        if text[m.start():m.start() + 1] == "“" and not (m.group("close") or m.group("close0")):
            continue  # “零违章、零事故”: one of a quoted list, named by what follows it
        left, _ = _chunk_bounds(text, m.start(), m.end())
        head = _subject_head(text, max(left, m.start() - WINDOW), m.start())
        head_end = m.start()
        verb = None
        for verb in _ZERO_VERB.finditer(head):
            pass
        if verb:
            # (the subject after the verb, 实现生产安全事故零死亡, or, with none there, before it: 建筑施工领域生产安全事故
            # 实现“零”死亡 read what 死亡)
            after = head[verb.end():]
            if _obj(after) or not _ZERO_TIME_LEAD.sub("", _obj(head[:verb.start()])):
                head = after
            else:
                head, head_end = head[:verb.start()], head_end - len(head) + verb.start()
            verb = verb.group()
        subject = _SUBJECT_LEAD.sub("", _strip_deadlines(_obj(head)))
        if verb and head_end < m.start():
            subject = _ZERO_TIME_LEAD.sub("", subject)  # 全年实现零死亡: when, not whose
        noun = m.group("noun")
        what = (subject or "事故") if noun == "发生" else subject + noun
        start = head_end - len(subject) if subject and head.endswith(subject) else m.start()
        yield _frozen(Target, text=text[start:m.end()], value=0, value_max=None, unit="", what=_clip(what), comparator="=",
                     verb=verb, per=None, span=(start, m.end()))


#: zero as a commitment not to have one: 确保不发生较大事故, 力争全年不发生亡人火灾事故 (a verb of commitment
#: before it: 全年未发生… reports, 如不发生… is a condition)
#: (a year and a place may stand between the verb and 不发生: 确保2027年全县不发生… read nothing; up to 10 characters)
RE_NO_ACCIDENT = re.compile(r"(?P<verb>确保|力争|实现|做到|保证)[^，。；：不]{0,10}?"
                            r"(?P<text>不发生(?P<what>[^，。；：、]{0,16}?(?:事故|火灾|伤亡|死亡)(?:事故)?))")


def _no_accident_targets(text: str) -> Iterator[Target]:
    for m in RE_NO_ACCIDENT.finditer(text):
        yield _frozen(Target, text=m.group("text"), value=0, value_max=None, unit="", what=_clip(m.group("what")), comparator="=",
                     verb=m.group("verb"), per=None, span=m.span("text"))


#: what after N%的 names no share of things: a fine (处上一年年收入40%的罚款) or the ratio itself (按照不低于…2%的比例配备…)
_SHARE_NOT = re.compile(r"罚款|罚金|比例|比重")
#: a modal or an adverb after N%的: 的 closes a class with no head noun and the predicate follows (负债率约70%的要重点监管,
#: 占比30%以上的须逐一核查, 60%以下的一律停产整顿): a scope, no share of a thing (not 要求, 应急, 需求, 可燃: nouns)
_SHARE_PREDICATE = re.compile(r"要(?![求素害点件])|应(?![急用对届])|须(?!知)|需(?![求要])|必须|将(?!军)|一律|均(?![衡匀])"
                              r"|都(?!市)|可(?![燃能靠])|予以|不得|不予|依法|由(?!于)")
#: a threshold right before N%的X: the share names a class of X (负债率高于70%的企业), not a share of X to reach
_THRESHOLD_BEFORE = re.compile(r"(?:高于|低于|超过|大于|小于|不足)\s*$")
#: a base named between a comparator (or 按/按照) and N%的X: N% is of that base, a ratio a rule sets, not a share of X
#: (按照不低于营业收入1.5%的标准提取…, 投入不低于年度营业收入1.5%的安全生产费用; not 按期, 按时)
_BASE_BEFORE = re.compile(r"(?:按(?![期时])照?[^，。；：\d%‰]{0,12}|(?:低于|高于|少于|超过|大于|小于)[^，。；：\d%‰]{1,12})$")


def _share_targets(text: str) -> Iterator[Target]:
    for m in RE_SHARE_OF.finditer(text):
        if _SHARE_NOT.match(m.group("what")) or _SHARE_PREDICATE.match(m.group("what")) or _THRESHOLD_BEFORE.search(text, max(0, m.start() - 3), m.start()) \
                or _BASE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        yield _frozen(Target, text=m.group(0), value=_num(m.group("num")), value_max=None, unit=m.group("unit"),
                     what=_clip(_obj(m.group("what"))), comparator=_cmp_sign(None, m.group("qual")), verb=None,
                     per=None, span=(m.start(), m.end()))


#: the ratio a rule sets: 按不低于从业人员1%的比例配备专职安全管理人员, 按营业收入1.5%的比例提取安全生产费用 (a share of a
#: base, by which something is staffed or set aside; not 处以罚款, whose verb is none of these)
RE_RATIO = re.compile(rf"按(?:照)?(?P<cmp>{_CMP}|不高于)?(?P<base>[^，。；：\d%‰]{{1,12}}?)的?(?P<num>{_NUM})\s*(?P<unit>%|‰)"
                      r"(?P<qual>以上|以下)?的?(?:比例|比重)(?P<verb>配备|配置|配足|设置|选配|提取|计提|足额提取)")


def _ratio_targets(text: str) -> Iterator[Target]:
    """The ratio a rule sets (``RE_RATIO``): what is set (the verb's object) as a share of its base, ``what``
    ``专职安全管理人员占从业人员比例``, the text from 按 to the object's end."""
    for m in RE_RATIO.finditer(text):
        obj = _OBJECT_AFTER.match(text, m.end())
        what = _obj(obj.group(1)) if obj else ""
        if not what:
            continue
        cmp = m.group("cmp")
        yield _frozen(Target, text=text[m.start():obj.end()], value=_num(m.group("num")), value_max=None,
                      unit=m.group("unit"), what=_clip(f"{what}占{_obj(m.group('base'))}比例"),
                      comparator=_cmp_sign(cmp if cmp != "不高于" else "不超过", m.group("qual")), verb=m.group("verb"),
                      per=None, span=(m.start(), obj.end()))


def _object_first_targets(text: str) -> Iterator[Target]:
    for m in RE_OBJECT_FIRST.finditer(text):
        yield _frozen(Target, text=m.group(0), value=_num(m.group("num")), value_max=None, unit=m.group("unit"),
                     what=_clip(_obj(m.group("what"))), comparator="=", verb=m.group("verb"), per=None,
                     span=(m.start(), m.end()))


_PER_IN_FILL = re.compile(rf"每个?({_CYCLE})")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d{2}")
#: a word joining two listed items (建成消防站3座[和]微型消防站10个; not 及以上/及以下, a qualifier: 配备2名及以上专职安全员):
#: where a count's object ends and the next item starts
_JOIN_WORD = r"和|与|以及|及(?!以[上下])"
#: a count's period written after its unit (不少于2次/年, 12学时/年, 1次/季度)
_PER_SLASH = re.compile(r"\s*[/／]\s*(?P<per>半年|年度|季度|季|学期|年|月|周|天|日)(?!(?!的)[\u4e00-\u9fff\w])")
#: a count's object after its unit, up to 并, which opens the next verb phrase (…4处并配齐应急物资,
#: 完成三项重点工作并于年底前总结; not in 合并, 兼并)
#: (nor past a joining word before a figure, which starts the next item: 新建2座消防站[和3座微型消防站])
_OBJECT_AFTER = re.compile(rf"的?((?:(?!(?:{_JOIN_WORD})\d)(?:[^，。；：、（(并]|(?<=[合兼])并)){{1,30}})")
#: a joining word right after a count (建成消防站3座[和]微型消防站10个): the next item starts, no object of this count's
_JOINED = re.compile(rf"(?:{_JOIN_WORD})")
#: (and a weak verb that only organises the counted work: 组织企业负责人…培训不少于3000人次 counts 企业负责人…培训;
#: and a comparator the count took from before its object: 至少对居民用户…检查一次)
_OBJECT_LEAD = re.compile(rf"^(?:(?:{_CMP})?(?:对|向|为)|{_CMP}|组织开展|组织|开展)")


def _count_targets(text: str) -> Iterator[Target]:
    # (RE_COUNT_LONG's first: where both read a count with one span, the first reading found wins.
    # The two read it alike (a match that starts at a verb has no comparator before it), but for a
    # verb pair, which RE_COUNT reads as its first verb with the second in the object)
    yield from _counts(text, _long_counts(text), False)
    if "元" in text:
        yield from _counts(text, _long_counts(text, RE_COUNT_MONEY), False)
        yield from _counts(text, RE_MONEY_FIRST.finditer(text), False)
    shorts = RE_COUNT.finditer(text)
    spec = list(_long_counts(text, RE_COUNT_SPEC)) if _SPEC_GATE.search(text) else None
    if spec:
        yield from _counts(text, iter(spec), False)
        # (配备[2吨]以上叉车15台: the number inside the object is no count of its own, as RE_COUNT read it)
        fills = [m.span("fill") for m in spec]
        shorts = (m for m in shorts if not any(a <= _count_number_start(m) < b for a, b in fills))
    yield from _counts(text, shorts, True)


#: what every ``RE_COUNT_SPEC`` match holds: a digit, then within the object's reach (no delimiter, 16 characters at
#: most) a second one after a character that is no digit (a search led by a digit: the engine skips to them)
_SPEC_GATE = re.compile(r"\d[^，。；：\d“”]{1,16}\d")


def _count_number_start(m: re.Match) -> int:
    """Where the number of a ``RE_COUNT`` match starts (in digits or in Chinese numerals)."""
    return m.start("num") if m.group("num") is not None else m.start("cnum")


_VERB_OR_CMP = re.compile(f"(?:{_VERBS})(?!{'|'.join(_NOUN_HEADS)})|{'|'.join(_LEVEL_VERBS)}|{_CMP}")


#: the money a verb of funding moves, named 投资 right before its amount (中央预算内投资, 省级预算内投资)
_INVESTMENT = "投资"


def _long_counts(text: str, rx: re.Pattern = RE_COUNT_LONG) -> Iterator[re.Match]:
    """``RE_COUNT_LONG`` (or ``RE_COUNT_MONEY``) matches whose object holds no verb or comparator (a count that one of
    them starts is RE_COUNT's); tested on each match, far cheaper than a per-character lookahead."""
    m = rx.search(text)
    while m:
        fill = m.group("fill")
        if rx is RE_COUNT_MONEY and fill.endswith(_INVESTMENT):
            fill = fill[:-2]  # 下达中央预算内投资1.2亿元: the amount is the investment the funding verb moves, 投资 a noun
        if _VERB_OR_CMP.search(fill):
            m = rx.search(text, m.start() + 1)
        else:
            yield m
            m = rx.search(text, m.end())


def _weak_counts(text: str, rx: re.Pattern = RE_COUNT_WEAK) -> Iterator[Target]:
    """Counts of occurrences after a weak verb and its object (``RE_COUNT_WEAK``, or ``RE_COUNT_WEAK_CN``)."""
    for m in rx.finditer(text):
        verb, fill = m.group("verb"), m.group("fill")
        if _STRONG_IN_FILL.search(fill) or "了" in fill or (m.start() and _done_before(text, m.start())):
            continue  # another verb's count; 开展了检查3次, 共组织…15次: done
        if _WEAK_REPORTS.match(text, m.end()):
            continue  # …检查4次，发现…隐患52处: a bulletin's figures
        if m.group("unit") != "次" and not (m.group("cmp") or m.group("qual") == "以上"):
            continue  # 组织开展宣传活动12场次: the scale of the work (probe 6), not a commitment
        left, _ = _chunk_bounds(text, m.start(), m.end())
        yield _frozen(Target, text=m.group(), value=_num(m.group("num")), value_max=None, unit=m.group("unit"),
                      what=_clip(verb + _obj(fill)), comparator=_cmp_sign(m.group("cmp"), m.group("qual")),
                      verb=verb, per=_per(text, max(left, m.start() - WINDOW), m.start()), span=m.span())


_MONEY_PURPOSE = ("用于", "用来", "由")


def _planned(text: str, start: int) -> bool:
    """Does 计划 stand right before the verb at ``start`` (全年计划检查企业1200家次, 年度执法计划检查企业860家)? A weak verb
    that a plan commits to is a count, as one with 每月 or 至少 is."""
    return text.startswith("计划", start - 2) if start >= 2 else False


def _done_before(text: str, start: int) -> bool:
    """Does a reporting word stand right before the count's verb (已关闭…9座, 共发放…3万张, 累计取缔…)?
    A figure done, not a target, whatever else its sentence says (``_reported`` reads the
    sentence's other reporting words: 共检查, 截至…)."""
    return text[start - 1:start] in _DONE_ONE or text[max(0, start - 2):start] in _DONE_TWO


#: a weak verb of a count of times (``_weak_count_pattern``'s) in a count's object: the count is its own
_WEAK_IN_FILL = re.compile("组织|开展|举办|召开|进行")
def _may_compare(fill: str) -> bool:
    """Can a comparator (``_CMP_WORDS``) stand in ``fill``? (each word holds 于, 少, 过 or 多; or a sign, ≥)"""
    return "于" in fill or "少" in fill or "过" in fill or "多" in fill or any(sign in fill for sign in _SIGNS)


#: a word of approximation right before a count's number (新建应急避难场所近20处, 培训…超过5000人次, 建成消防站逾10座): no
#: part of the object; 超过 and 逾 (more than) make the count a floor, as 以上 after it does; 约/近 (about) keep it =
_ABOUT = re.compile(r"(?:将近|接近|大约|约|近|逾|超过)$")
_ABOUT_LAST = frozenset("近约逾过")
_ABOUT_FLOOR = ("逾", "超过")


def _about(fill: str, cmp: str | None) -> tuple[str, str | None]:
    """A count's filler without its closing word of approximation, and its comparator (超过/逾: ``>=``)."""
    about = _ABOUT.search(fill)
    if about is None:
        return fill, cmp
    return fill[:about.start()], cmp or ("不少于" if about.group() in _ABOUT_FLOOR else None)  # (a floor, as 不少于 is)


_DONE_ONE = ("已", "共")
_DONE_TWO = ("已经", "共计", "累计")


def _counts(text: str, matches: Iterator[re.Match], short: bool) -> Iterator[Target]:
    for m in matches:
        if m.start() and _done_before(text, m.start()) and not (short and m.group("cmp") or _may_compare(m.group("fill") or "")
                                                                 and any(w in m.group("fill") for w in _CMP_WORDS)):
            continue  # (累计培训时间不少于20学时: a comparator sets a cumulative target; 累计关闭…23处 is done)
        cmp, verb, unit = m.group("cmp") if short else None, m.group("verb"), m.group("unit")
        fill = m.group("fill") or ""
        if verb and fill.startswith(_NOUN_HEADS) and verb not in _FUNDS_VERBS:
            continue  # 建设资金500万元: 建设 names the money, it builds nothing
        weak = _WEAK_IN_FILL.search(fill) if short and verb and unit in _OCCURRENCES and verb not in _WEAK_VERBS else None
        if weak:
            # 建设项目开展安全检查3次, 建设管理局每月组织一次…: the times are the weak verb's, 建设 names the projects
            # (the count is read again from that verb)
            yield from _counts(text, iter(filter(None, (RE_COUNT.match(text, m.start("fill") + weak.start()),))), True)
            continue
        # 检查每年不得少于两次 / 深入生产现场不少于一次: the comparator sits inside the filler
        # (each comparator holds 于, 少, 过 or 多: four substring tests rule out most fillers, not eight)
        inner = next((w for w in _CMP_WORDS if w in fill), None) if fill and _may_compare(fill) else None
        if inner:
            cmp = cmp or inner
            fill = fill[:fill.index(inner)]
        elif fill and fill[-1] in _ABOUT_LAST:
            fill, cmp = _about(fill, cmp)
        per_left, right = _chunk_bounds(text, m.start(), m.end())
        per_left, right = max(per_left, m.start() - WINDOW), min(right, m.end() + WINDOW)
        cycle = _per_match(text, per_left, m.start())
        per = cycle.group("per") if cycle else None
        # 不少于2次/年, 12学时/年: the period written after the unit is the count's (what read /年); the count ends there
        slash = _PER_SLASH.match(text, m.end()) if text[m.end():m.end() + 2].lstrip()[:1] in ("/", "／") else None
        if slash:
            per = per or slash.group("per")
        count_end = slash.end() if slash else m.end()
        if cycle and not cmp and cycle.group("cmp"):
            cmp = cycle.group("cmp")  # 每两年至少对居民用户…检查一次: the comparator after the cycle is the count's
        in_fill = _PER_IN_FILL.search(fill) if "每" in fill else None
        if in_fill:
            per = per or in_fill.group(1)
            fill = fill[:in_fill.start()] + fill[in_fill.end():]
        if not cmp and not (verb and (per or verb not in _WEAK_VERBS or _planned(text, m.start()))):
            continue  # 深入开展20个重点县 names a scope; 至少/每月 make it a requirement, as 计划 does (计划检查企业1200家次)
        if cmp in _STANDARD_CMPS and text.startswith("的", m.end()):
            continue  # 面积不小于500平方米的公共娱乐场所: a 标准's scope
        if m.group("qual") and text.startswith("的", m.end()) and _CLASS_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            continue  # 对单笔投资500万元以上的项目实行…, 对新建50户以上的小区…: a class of things, no count to reach
        raw, raw2 = m.group("num") or m.group("cnum"), m.group("num2") or m.group("cnum2")
        if m.group("num") and unit in ("年", "个") and _YEAR_NUMBER.fullmatch(raw):
            continue
        if unit in _TIME_UNITS and not cmp:
            continue  # 落实24小时值班制度 is a duty schedule, 不少于2周的轮训 a target
        if unit[-1] == "元" and (_is_fine(text, m.start(), m.end()) or "罚" in fill):
            continue  # 处不超过5万元的罚款, …处以罚款150万元: a penalty's amount, not a target
        if m.group("cnum") and not (cmp or per or (not fill and _num(raw) >= 2)
                                    or (not short and _num(raw) >= 2) or (_planned(text, m.start()) and _num(raw) >= 2)):
            # Chinese numerals are names as often as counts (三项建设, 一件事): need 至少/每月…, or to close the clause
            # part after a verb and its object (新建消防站二十座, RE_COUNT_LONG; not 一, which is a/each as often as
            # one: 一批, 完成一项销号一项), or 计划 before the verb (全年计划检查企业三百家次, as 1200家次); a count in
            # digits may follow with the numeral in its object (建成一类应急避难场所4处并…; not past a
            # comparator, which starts a count of its own: 建成一支不少于6人的…)
            later = RE_COUNT_DIGITS.match(text, m.start()) if short else None
            if later is not None and not any(w in later.group("fill") for w in _CMP_WORDS):
                yield from _counts(text, iter((later,)), True)
            continue
        if fill and not cmp and ("“" in fill or "”" in fill):
            continue  # a quoted name sits between verb and number
        closes = count_end == right or text[count_end] in "（("
        subject = ""
        if verb in _LEVEL_VERBS and cmp:
            verb, fill = None, verb + fill  # 至少达到10万人: read as before, the comparator commits
        elif verb in _LEVEL_VERBS:
            if fill or not closes:
                continue  # 达到3人以上的事故 delimits a scope; 储备能力达到10万人 closes its chunk
            head = _subject_head(text, per_left, m.start())
            subject = _SUBJECT_LEAD.sub("", _strip_deadlines(_obj(head)))
            if not subject or _CONDITION.search(subject):
                continue
        try:
            value = _num(raw)
            value_max = _num(raw2) if raw2 else None
        except ValueError:
            continue
        if subject:
            start = m.start() - len(subject) if head.endswith(subject) else m.start()
            yield _frozen(Target, text=text[start:count_end], value=value, value_max=value_max, unit=unit,
                         what=_clip(subject), comparator=_cmp_sign(None, m.group("qual"), verb),
                         verb=verb, per=per, span=(start, count_end))
            continue
        start = m.start()
        if verb and not cmp and verb not in _WEAK_VERBS:
            start, verb, fill = _listed_verbs(text, per_left, start, verb, fill)
        after = text[count_end:right]
        # (投入资金2000万元用于隐患治理: what money is for, or who pays it, is no object of the amount)
        joined = _JOINED.match(after) is not None
        # (2名/万人: a rate per head, whose divisor is no object)
        obj = (None if joined or after[:1] in ("/", "／") or unit[-1] == "元" and after.startswith(_MONEY_PURPOSE)
               else _OBJECT_AFTER.match(after))
        what = _obj(obj.group(1)) if obj else ""
        end = count_end + obj.end() if what else count_end
        if not what and after.startswith("、"):
            # 市级培养3—5名、县级培养2—3名专业指挥人员: the enumeration shares its last object
            shared = re.search(rf"\d\s*{re.escape(unit)}的?([^，。；：、（(]{{1,30}})", after)
            what = _obj(shared.group(1)) if shared else ""
        if not what:
            # 市级领导每月深入生产现场不少于一次 -> 深入生产现场; 全年投资4亿元 -> 全年投资
            if _obj(fill):
                what = (verb or "") + _obj(fill)
            else:
                obj = _object_before(text, per_left, m.start())
                dated = _DATED_SUBJECT.search(obj) if "年" in obj else None
                if dated and dated.start():
                    obj = obj[:dated.start()]  # …更新改造2027年完成1200公里: the year says when, as a rate's subject's does
                # (a bare 完成 names no work: …安全生命防护工程，年内完成120公里 reads the chunk before, as a rate does;
                # after the work it finishes it adds nothing to it: …更新改造2027年完成1200公里 -> …更新改造)
                what = (obj + (verb or "" if verb != "完成" else "") if obj else "" if verb == "完成" else verb or "") \
                    or _prev_chunk(text, per_left)
                if what is None:
                    continue  # 确有困难的，不得超过6个月: a bound under a condition, nothing named (``_prev_chunk``)
        yield _frozen(Target, text=text[start:end], value=value, value_max=value_max, unit=unit, what=_clip(what),
                     comparator=_cmp_sign(cmp, m.group("qual"), None, ranged=value_max is not None),
                     verb=verb, per=per, span=(start, end))
        if verb and (text.startswith("、", end) or _JOINED.match(text, end)) and (obj or _obj(fill)):
            # 建成省级储备库3个、市级储备库16个: the items after it share its verb (its object before the number: each
            # item's what is the verb and its object, as the first's; after it: the object alone)
            yield from _listed_counts(text, end, verb, cmp, per, None if obj else verb)


#: what marks a count that ends in 以上/以下的 as the bound of a class (对[单笔]投资500万元以上的项目, 凡新建…以上的): 对 or 凡
#: right before its verb, or 单笔/单项/单个/单体/单次 (one at a time)
_CLASS_BEFORE = re.compile(r"(?:单[笔项个体次宗]|对|凡)$")


#: verbs listed before the one a count follows (新建、改建[应急避难场所12处]): one count of both
_LISTED_VERBS_BEFORE = re.compile(rf"(?:(?:{_LONG_VERBS})、)+$")
#: verbs listed right after it, taken for its object by a short count's filler (新建[、改造消防站]8座)
_LISTED_VERBS_AFTER = re.compile(rf"(?:、(?:{_LONG_VERBS}))+")


def _listed_verbs(text: str, left: int, start: int, verb: str, fill: str) -> tuple[int, str, str]:
    """A count's start, verb and filler with the verbs listed with its own (新建、改建应急避难场所12处: ``verb``
    新建、改建, the start at 新建); only verbs that commit on their own (``_LONG_VERBS``)."""
    before = _LISTED_VERBS_BEFORE.search(text, max(left, start - 12), start)
    if before:
        start, verb = before.start(), before.group() + verb
    after = _LISTED_VERBS_AFTER.match(fill) if fill.startswith("、") else None
    if after:
        verb, fill = verb + after.group(), fill[after.end():]
    return start, verb, fill


#: an item of counts listed after one verb: its object, then its figure (、市级储备库16个), ending its item
#: (one number that counts nothing may stand in it: 、35千伏变电站5座, _SPEC_NUM)
#: (or a joining word before the last item: 、微型消防站5个[和]应急站2个, 建成消防站3座[和]微型消防站10个)
_ITEM_SEP = rf"(?P<sep>、|{_JOIN_WORD})"
_ITEM_OBJECT_FIRST = re.compile(rf"{_ITEM_SEP}(?P<what>[^，。；：、\d（(“”]{{1,12}}?"
                                rf"|[^，。；：、\d（(“”]{{0,12}}?{_SPEC_NUM}{_SPEC_TAIL}{{1,12}}?)"
                                rf"(?P<num>{_NUM})\s*{_UNIT}"
                                rf"(?P<qual>以上|以下|以内|左右)?(?=[，。；：！？、\n（(]|$|{_JOIN_WORD})")
#: or its figure, then its object (、20个智能化工作面)
_ITEM_NUMBER_FIRST = re.compile(rf"{_ITEM_SEP}(?P<num>{_NUM})\s*{_UNIT}(?P<qual>以上|以下|以内|左右)?的?"
                                rf"(?P<what>(?:(?!(?:{_JOIN_WORD})\d)[^，。；：、（(并\d“”]){{1,30}})")


def _listed_counts(text: str, end: int, verb: str, cmp: str | None, per: str | None,
                   prefix: str | None) -> Iterator[Target]:
    """The counts listed after the one ending at ``end`` that share its verb (建成省级储备库3个、[市级储备库16个]):
    ``prefix`` (the verb) before each object, written before its figure as the first's was; None: each object comes
    after its figure (建成60座智能化煤矿、[20个智能化工作面]). The list ends at an item that does not fit, or that has
    a verb or comparator of its own (市级培养3—5名、县级培养…: read as its own count)."""
    rx = _ITEM_NUMBER_FIRST if prefix is None else _ITEM_OBJECT_FIRST
    m = rx.match(text, end)
    while m is not None:
        what = _obj(m.group("what"))
        if not what or _VERB_OR_CMP.search(m.group("what")):
            return
        start = m.end("sep")
        yield _frozen(Target, text=text[start:m.end()], value=_num(m.group("num")), value_max=None,
                      unit=m.group("unit"), what=_clip((prefix or "") + what), comparator=_cmp_sign(cmp, m.group("qual")),
                      verb=verb, per=per, span=(start, m.end()))
        m = rx.match(text, m.end())


#: a fine after an amount (…5万元的罚款, 2万元以下罚金) and before one (罚款不超过…, or 处/处以 right before it:
#: 处不超过…; not a 处 further back, 每处补助不少于5万元 is a subsidy)
_FINE_AFTER = re.compile(r"\s*(?:以上|以下)?\s*的?\s*(?:罚款|罚金)")
_FINE_BEFORE = re.compile(r"(?:罚款|罚金)[^，。；：]{0,6}$|处以?$")


def _is_fine(text: str, start: int, end: int) -> bool:
    """Is the amount of money at ``text[start:end]`` a fine (``处不超过5万元的罚款``, ``罚款不超过10万元``)?"""
    return _FINE_AFTER.match(text, end) is not None or _FINE_BEFORE.search(text, max(0, start - 8), start) is not None


def _object_before(text: str, left: int, start: int) -> str:
    """What a count's verb acts on when it comes before the verb (``全年投资``, ``县城…更新改造200公里``), cut as
    the other subjects are: no item number, no deadline before it, no leading 完成 (``（一）年底前完成县城…``
    -> ``县城…``)."""
    head = _PER_IN_FILL.sub("", _subject_head(text, left, start))
    if head[-2:] in _LIMIT_WORDS or head[:1] == "但":
        head = _LIMIT_LEAD.sub("", _LIMIT_TAIL.sub("", head))  # …，但最长不得超过6个月: no object (it read 但最长)
    return _SUBJECT_LEAD.sub("", _strip_deadlines(_OBJECT_LEAD.sub("", _obj(head))))


#: the words before a count's comparator that qualify a length's bound, not name what is counted (最长不得超过6个月), and
#: a 但 (but) opening the part (not 最高/最低, kept as what was read: 最高不超过30万元 has no other subject in its part)
_LIMIT_WORDS = ("最长", "最短", "最迟")
_LIMIT_TAIL = re.compile(f"(?:{'|'.join(_LIMIT_WORDS)})$")
_LIMIT_LEAD = re.compile(r"^但(?:是|应|须)?")


def extract_targets(text: str) -> list[Target]:
    """Quantitative targets in order of appearance.

    Numbers that only delimit scope (``15年以上老旧电梯``, ``停用时间超过3年``, ``3层及以上``) are not
    targets: a count needs a commitment verb or a comparator before it, a rate needs 达到/控制在….
    When two patterns read the same number, the earliest-starting, longest match wins.
    Traditional-script text is matched in simplified form, as in ``extract_deadlines``.
    """
    simple = _simplified(text)
    read = _fullwidth(simple)
    return _as_written(_targets(read), simple, read)


def _targets(text: str, digits: bool = True, flags: int = _ALL_FLAGS,
             date_spans: list[tuple[int, int]] | None = None) -> list[Target]:
    """``extract_targets`` of a text in simplified script; ``digits=False``: the text has no
    digit (``_candidates``); ``flags``: ``_text_flags``' for it (without ``_FLAG_CUE`` no sentence
    of it reports figures); ``date_spans``: its deadline phrases' spans when the caller knows them
    (else ``_deadline_spans``)."""
    found = _candidates(text, digits=digits, count=bool(flags & _FLAG_COUNT))
    if not found:
        return []  # (most clauses: no number a target could be read from)
    found.sort(key=lambda t: (t.span[0], -(t.span[1] - t.span[0])))
    # deadline spans do not overlap (one left-to-right scan), so their starts and ends are sorted
    if date_spans is None:
        date_spans = _deadline_spans(text)
    date_starts = [s for s, _ in date_spans]
    # (a substring test per text, not the cue flag: 发 is in a quarter of the clauses, 发现, 印发, 发展)
    happened = "发生" in text
    # taken number spans never overlap either: keep them sorted and look at the neighbours only
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    out: list[Target] = []
    for target in found:
        nstart, nend = _number_span(text, target)
        k = bisect.bisect_right(date_starts, nstart) - 1
        if k >= 0 and nstart < date_spans[k][1]:
            continue  # the number belongs to a date (2017年6月底前)
        i = bisect.bisect_left(taken_starts, nstart)
        if (i > 0 and taken_ends[i - 1] > nstart) or (i < len(taken_starts) and taken_starts[i] < nend):
            continue  # the number is already read
        if text[nstart - 1:nstart] == "第":
            continue  # an ordinal: 第12条, 第二批
        if flags & _FLAG_CUE and _reported(text, target.span[0]):
            continue  # 全市共发生…，同比分别下降20%: a figure reported, not a target
        if happened and _happened_before(text, target.span[0]):
            continue  # 全县发生生产安全事故12起，同比下降20%: accidents counted, not a target
        taken_starts.insert(i, nstart)
        taken_ends.insert(i, nend)
        out.append(target)
    return sorted(out, key=lambda t: t.span[0])


#: words of a sentence that reports figures (a bulletin, a review) rather than sets targets
_REPORT_CUE = re.compile(r"共(?:发生|检查|排查|查处|完成|有)|累计(?:发生|完成|检查|排查|查处)|截至|截止|已(?:经)?(?:完成|建成|达到)|同比分别")
#: ``_reports_past``'s scan: the first sentence delimiter, perfective 了 or reporting word after a time
#: phrase (a perfective 了 after a verb: 开展了, 发现了; not 为了, 除了, 不了了之, 了解, 了结). Every
#: alternative starts with a literal (了 before its look-behind), so the regex engine skips to the
#: characters they start with instead of trying the pattern at each position.
_PAST_OR_END = re.compile("|".join([*map(re.escape, SENTENCE_DELIMS), r"了(?<![为除不]了)(?![解结之])",
                                    _REPORT_CUE.pattern]))


def _reported(text: str, start: int) -> bool:
    """Does the sentence before ``start`` report figures (共发生…, 截至…, 已完成…)?"""
    left, _ = _chunk_bounds(text, start, start, SENTENCE_DELIMS)
    return _REPORT_CUE.search(text, max(left, start - WINDOW), start) is not None


def _happened_before(text: str, start: int) -> bool:
    """Does the sentence before ``start`` count accidents that happened (全县发生生产安全事故12起，同比下降20%:
    ``_HAPPENED``), with no commitment in the target's own part (…发生事故5起，各地要确保事故起数下降10%
    sets a target)?"""
    left, _ = _chunk_bounds(text, start, start, SENTENCE_DELIMS)
    lo = max(left, start - WINDOW)
    happened = _HAPPENED.search(text, lo, start) if text.find("发生", lo, start) != -1 else None
    if happened is None:
        return False
    part, part_end = _chunk_bounds(text, start, start)
    return _COMMITS.search(text, max(part, happened.end()), min(part_end, start + WINDOW)) is None


#: accidents counted as having happened (发生生产安全事故12起, 发生较大火灾事故2起; not 不发生/防止发生…, nor
#: 事故发生起数控制在2起, where no 事故 stands right before the count)
_HAPPENED = re.compile(r"(?<![不未免止绝少])发生[^，。；：\d]{0,16}?事故\s*\d+\s*起")
#: a commitment in a target's part that a reported count before it does not take back
_COMMITS = re.compile(r"要|确保|力争|争取|实现|必须|务必")


def _candidates(text: str, gated: bool = True, digits: bool = True, count: bool = True) -> list[Target]:
    """Every reading of every pattern family, before overlaps are resolved.

    ``gated``: a family's scan is skipped when the text lacks what each of its matches contains
    (checked far more cheaply than the scan, which tries the pattern at every position): a share
    (``RE_SHARE_OF``) or a bare rate (``RE_RATE_BARE``) has ``%`` or ``‰``; a rate in words (``RE_RATE_CN``) 百分之; a zero (``RE_ZERO``) 零; an object-first count (``RE_OBJECT_FIRST``) one of its
    verbs (新建, 改建, 改造, 修建; 新建改造 contains 新建); a count (``RE_COUNT``) a numeral followed by a unit (``_COUNT_GATE``). Most clauses have
    none of them. ``tests/test_speed.py`` checks that the gates never drop a reading
    (``gated=False`` is the ungated definition).

    ``digits=False`` (the caller knows that the text has no digit, ``_text_flags``):
    the families whose every match has one (rates, shares, object-first counts: their number is
    ``_NUM``) are not scanned either; ``count=False`` (no numeral in it is followed by a unit's
    first character or white space, ``_FLAG_COUNT``): nor is the count gate."""
    found = []
    respective = _respective_targets(text) if not gated or (digits and "分别" in text) else []
    if not gated or digits:
        found += _rate_targets(text)
        if not gated or "%" in text or "‰" in text:
            found += _share_targets(text)
            found += _bare_rate_targets(text)
            if not gated or ("比" in text and "按" in text):
                found += _ratio_targets(text)
        if not gated or "新建" in text or "改建" in text or "改造" in text or "修建" in text:
            found += _object_first_targets(text)
    if not gated or (count and _COUNT_GATE.search(text)):
        found += _count_targets(text)
        if not gated or ("次" in text and _WEAK_GATE.search(text)):
            found += _weak_counts(text)
        if not gated or ("次" in text and _WEAK_CN_GATE.search(text)):
            found += _weak_counts(text, RE_COUNT_WEAK_CN)
    if not gated or "百分之" in text or "千分之" in text:
        found += _rate_targets(text, RE_RATE_CN)
    if not gated or (("%" in text or "‰" in text) and ("〇" in text or "零" in text)):
        found += _rate_targets(text, RE_RATE_CN_DIGITS)
    if not gated or "零" in text:
        found += _zero_targets(text)
    if not gated or "不发生" in text:
        found += _no_accident_targets(text)
    if respective:
        # (a figure given respectively is its subject's: the readings of its number that run the subjects into
        # one, 事故起数和死亡人数分别下降10%, or skip the later figures, are not kept)
        spans = [_number_span(text, t) for t in respective]
        found = respective + [t for t in found if not any(a < e and s < b for a, b in [_number_span(text, t)]
                                                           for s, e in spans)]
    return found


#: what every RE_COUNT match contains: the last character of its number (a digit or a Chinese
#: numeral), optional white space, then its unit
_COUNT_GATE = re.compile(rf"[\d一二两三四五六七八九十百千]\s*{_UNIT}")


def _number_span(text: str, target: Target) -> tuple[int, int]:
    """Where the target's number sits in the text (what two readings of one number share)."""
    start, end = target.span
    segment = text[start:end]
    value = target.value
    if isinstance(value, int):
        digits = str(value)
        i = segment.find(digits)
        if i != -1:
            if segment.find(digits, i + 1) != -1 and target.unit:
                # (written twice: 建设5G基站5个, 新建1000吨级泊位1个, 比2025年下降20%: the one before its unit)
                j = _value_before_unit(segment, digits + target.unit)
                if j != -1:
                    i = j
            return start + i, start + i + len(digits)
    for rx in (_RE_NUM, _RE_CN_COUNT):
        m = rx.search(segment)
        if m:
            return start + m.start(), start + m.end()
    return start, end


def _value_before_unit(segment: str, written: str) -> int:
    """Where ``written`` (a number and its unit, ``5个``) stands in ``segment`` as a whole number (no digit or decimal
    point before it: not the 5 of 15个), or -1."""
    i = segment.find(written)
    while i > 0 and segment[i - 1] in "0123456789.":
        i = segment.find(written, i + 1)
    return i


_RE_NUM = re.compile(_NUM)
_RE_CN_COUNT = re.compile(rf"(?:{_CN_NUMBER})(?=[至到—-]?[一二两三四五六七八九十]{{0,3}}\s*" + _UNIT + ")")


_DEADLINE_PREFIX = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年)?(?:年|今年|当年)?(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?)?(?:底|末)?(?:之|以)?前|^(?:今|当|本)?年内")


def _strip_deadlines(s: str) -> str:
    """``2016年年底前隐患整改率`` -> ``隐患整改率``; ``三年内实现…`` -> ``实现…``."""
    s = _DEADLINE_PREFIX.sub("", s.strip())
    s = _YEARS_PREFIX.sub("", s).strip()
    lead = _PLACE_TIME_LEAD.match(s) or _YEAR_BEFORE_PLACE.match(s)
    # (全市到2027年生产安全事故死亡人数: where and when, then what; nothing after it: kept, as before)
    return s[lead.end():].strip() if lead and lead.end() < len(s) else s


#: a bare year before a place (2027年全县生产安全事故死亡人数…, 2028年各地…): a time, as 全县到2027年 is; the place and
#: what follows are the subject (a place right before it stays: 全市生产安全事故死亡人数…). A bare year right before the
#: subject's noun may name the year's figure and stays (2027年较大事故起数, probe 7)
_YEAR_BEFORE_PLACE = re.compile(r"(?:19|20)\d{2}\s*年(?=\s*(?:[全各我本][省市县区州国]|各地|各级))")
#: a place and a time opening a subject (全市到2027年…, 全省2027年底前…, 各地到2027年…): the subject is what follows. A
#: place or 到/至/在/于 before the year: a bare year stays (2027年较大事故起数控制在1起以内, probe 7); not 年度 (全县2027年度…
#: 合格率 names the annual figure), nor a place alone (全县中小学校…覆盖率 is the subject)
_PLACE_TIME_LEAD = re.compile(r"(?:(?:[全各我本][省市县区州国]|各地|各级)\s*(?:到|至|在|于)?|到|至|在|于)\s*(?:19|20)\d{2}\s*年(?!度)"
                              r"(?:底|末)?(?:(?:之|以)?前)?")


_YEARS_PREFIX = re.compile(r"^[\d一二两三四五六七八九十]+\s*年内")


# --- agencies ------------------------------------------------------------------------------------
def extract_agencies(text: str) -> list[str]:
    """Responsible agencies named in ``（省应急厅、省公安厅等按职责分工负责）`` and keyed
    ``（牵头单位：…；配合单位：…）`` remarks or ``责任单位：…`` entries inside a text, read as the
    segmenter reads a notice's (it already moves remarks out of notice clauses; this serves
    ``--clauses`` input), then those of a duty sentence without brackets that closes the text
    (``…。市应急局、市交通运输局按职责分工负责。``, ``…，由县应急管理局会同县住建局负责。``:
    ``policytag.text.duty_agencies``, the one reading of it, which the segmenter reads too)."""
    from policytag.corpus.segment import remark_agencies

    simple = _simplified(text)
    remarked, duty = remark_agencies(simple), duty_agencies(simple)
    if not (remarked or duty):
        return []  # (most clauses)
    out: list[str] = []
    for name in map(_agency_name, (*remarked, *(name for name, _ in duty))):
        if name and name not in out:
            out.append(name)
    return out


def _agency_name(name: str) -> str:
    """An agency's name without its role in brackets (``责任单位：县应急局（牵头）、县公安局`` -> 县应急局: the mark
    ``corpus.segment.ROLE_MARK`` reads a role from). Role words without brackets (…牵头负责, …按照职责分工负责) are
    stripped where every remark's names come from, ``corpus.segment.parse_agencies``; a duty sentence's names are
    organs' names whole (``policytag.text.duty_agencies``)."""
    if not _ends_in(name, _NAME_TAIL_LAST):
        return name  # (most names: no bracket at the end)
    from policytag.corpus.segment import ROLE_MARK

    return ROLE_MARK.sub("", name)


_NAME_TAIL_LAST = frozenset("）)")

def extract_agency_roles(text: str) -> list[AgencyRole]:
    """``extract_agencies(text)`` (the same names, the same order), each with its role (``AgencyRole``: lead,
    support or responsible), as the segmenter gives a notice clause's ``agency_roles``
    (``corpus.segment.agency_roles`` over what the remarks, entries and the closing duty sentence read)."""
    names = extract_agencies(text)
    if not names:
        return []
    from policytag.corpus.segment import agency_roles, remark_roles

    simple = _simplified(text)
    return list(agency_roles(names, [*remark_roles(simple), *duty_agencies(simple)]))
