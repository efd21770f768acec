"""Undo PDF/web extraction damage: classify raw lines, drop boilerplate, re-join wrapped lines.

Text extracted from the published PDFs is wrapped at a fixed width and sprinkled with page-break
blank lines, so blank lines carry no information. A paragraph ends where a line stops short of the
full width after closing punctuation, where a sentence ends at the margin and the next line is
indented, or where the next line opens a numbered item.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from policytag.text import cn_digits, cn_number, remark_spans

from .metadata import _CORPS_REGIMENT_RX, FULL_DIGITS, NUMBER_FORM, PICTURE_PREFIX, issuer_from_title, split_region
from .lookalikes import ocr_item_number

CN_NUM = "一二三四五六七八九十百零〇"
#: the capital (financial) numerals some offices number their sections and items in (``壹、`` / ``（贰）``),
#: simplified and traditional; no 佰 (a hundred sections or items: never), no 零 (no item number holds one)
CAPITAL_NUM = "壹贰貳叁參肆伍陆陸柒捌玖拾"
_CAPITAL_AS_PLAIN = str.maketrans(CAPITAL_NUM, "一二二三三四五六六七八九十")
#: an item number in Chinese numerals: plain (``十二``) or capital (``拾贰``), never the two mixed
ITEM_NUMERAL = rf"[{CN_NUM}]+|[{CAPITAL_NUM}]+"


def item_number_value(numeral: str) -> int | None:
    """The value of an item number :data:`ITEM_NUMERAL` matched, plain or capital: ``十二`` and ``拾贰`` -> 12."""
    return cn_number(numeral.translate(_CAPITAL_AS_PLAIN))


# --- punctuation normalisation -------------------------------------------------------------------
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
#: item numbers typed as one enclosed character (``㈠`` … ``㈩``, ``⑴`` … ``⒇``, ``⒈`` … ``⒛``), as Word's
#: numbering and some input methods set them: written out as the ``（一）`` / ``（1）`` / ``1.`` they stand for, so
#: one pattern reads each numbering (unread, ``㈠企业自评。`` was a paragraph, not an item)
ENCLOSED_NUMBERS = str.maketrans(
    {**{chr(0x3220 + i): f"（{n}）" for i, n in enumerate("一二三四五六七八九十")},
     **{chr(0x2474 + i): f"（{i + 1}）" for i in range(20)},
     **{chr(0x2488 + i): f"{i + 1}." for i in range(20)},
     # (the dingbat and negative circled numbers a slide or a WeChat editor sets, ❶ ➀ ➊ ⓵ ⓫: numbers, read as the
     # ① … ⑳ they stand for; no bullet, RE_BULLET_LEAD, drops them)
     **{chr(first + i): chr(0x2460 + i) for first in (0x2776, 0x2780, 0x278A, 0x24F5) for i in range(10)},
     **{chr(0x24EB + i): chr(0x246A + i) for i in range(10)}})


#: an item number, a short lead of Chinese characters, a wide gap (ideographic or no-break space, tab, two
#: spaces), then the body: at the start of a line
RE_LEAD_GAP = re.compile(rf"(?m)^(\s*(?:[（(]\s*(?:[一二三四五六七八九十\d]{{1,3}}|[{CAPITAL_NUM}]{{1,3}})\s*[)）]|(?:[一二三四五六七八九十]{{1,3}}|[{CAPITAL_NUM}]{{1,3}})\s*、|\d{{1,2}}\s*[.．、])"
                         r"\s*(?:[\u4e00-\u9fff]{2,15}(?:[\u3000\u00a0\t]+| {2,})|[\u4e00-\u9fff]{4,15} ))(?=[\u4e00-\u9fff]{4})")
# (one plain space after a lead of four characters or more: a web page's reader collapses the gap to one)
#: an item number in Chinese numerals (``一`` of ``一.加强…``)
_ITEM_NUMBER = re.compile(rf"[{CN_NUM}]{{1,4}}|[{CAPITAL_NUM}]{{1,4}}")


#: Unicode's other spaces (en, em, thin, hair, figure, narrow no-break, medium mathematical)
_OTHER_SPACE = re.compile("[\u2000-\u200a\u202f\u205f]")


def normalize_punct(text: str) -> str:
    """One form of ``，；：（）``, no stray spaces, numbers and ``%`` untouched.

    Half-width ``,`` and ``:`` stay half-width between digits (``1,000``, ``8:30``) and inside
    URLs; brackets around document numbers become ``〔〕``.
    """
    # （一）压实属地责任　各乡镇要…: an item's bold lead set off from its body by a wide gap (Word,
    # web pages) instead of 。 — the gap is the lead's full stop, as §1's （一）强化责任落实。各级… has it;
    # removed like any other space, the lead ran into its body (压实属地责任各乡镇要…)
    text = RE_LEAD_GAP.sub(lambda m: m.group(1).rstrip(" \t\u3000\u00a0") + "。", text)
    text = text.replace("\u3000", " ").replace("\u00a0", " ").replace("\ufeff", "")
    if _OTHER_SPACE.search(text):
        # (an en, thin or narrow no-break space a web page or a PDF sets: a space like the others, dropped next to CJK)
        text = _OTHER_SPACE.sub(" ", text)
    text = text.replace("［", "[").replace("］", "]").replace("．", ".").replace("％", "%")
    # full-width digits (``１．`` items, ``２０２７年``): one form, so numbers read and match alike
    text = text.translate(FULL_DIGITS).translate(ENCLOSED_NUMBERS)
    # document numbers: 晋政发[2009]1号 / 晋政发(2009)1号 -> 晋政发〔2009〕1号
    text = re.sub(r"([\u4e00-\u9fff]{1,8})\s*[\[〔（(【]\s*((?:19|20)\d{2})\s*[\]〕）)】]\s*(\d+)\s*号", r"\1〔\2〕\3号", text)

    def repl(m: re.Match) -> str:
        ch, start = m.group(0), m.start()
        before = text[start - 1] if start else ""
        after = text[start + 1] if start + 1 < len(text) else ""
        if ch in ",:" and before.isdigit() and after.isdigit():
            return ch
        return _HALF_TO_FULL[ch]

    text = re.sub(r"[,;:()!?]", repl, text)
    # a half-width full stop ending a Chinese sentence (主体责任.规模以上…, …负责）.) is 。 like the
    # other half-width marks above; not after a digit (1. items, 0.9‰) nor in an item number of
    # Chinese numerals at a line's start (一. / 十二.), which stays for the heading patterns
    def stop(m: re.Match) -> str:
        before = text[max(0, m.start() - 6):m.start()]  # bounded: linear on a long line of periods
        head = before.rsplit("\n", 1)[-1] if "\n" in before or m.start() <= 6 else None
        return "." if head is not None and _ITEM_NUMBER.fullmatch(head.strip()) else "。"

    text = re.sub(r"(?m)(?<=[\u4e00-\u9fff）%”])\.(?=[\u4e00-\u9fff（“]|\s*$)", stop, text)
    # spaces: drop those next to CJK characters or full-width punctuation (extraction artefacts)
    cjk = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、]"
    text = re.sub(rf"(?<={cjk})[ \t]+", "", text)
    text = re.sub(rf"[ \t]+(?={cjk})", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return text.strip()


# --- line classification -------------------------------------------------------------------------
META_KEYS = ("索引号", "主题分类", "发文机关", "发布机构", "成文日期", "标题", "发文字号", "文号", "发布日期", "主题词", "公开方式",
             "有效性")
RE_META = re.compile(r"^\s*(%s)\s*[:：]?\s*(.*)$" % "|".join(META_KEYS))
#: where one key of a 信息公开 box ends and the next begins on the same line: the gap (a tab, spaces) before
#: a key and its colon (``成文日期：2025-03-12<tab>发文字号：中应急〔2025〕9号``, a box's row copied from its table)
RE_META_GAP = re.compile(r"[\t\u3000\u00a0 ]+(?=(?:%s)\s*[:：])" % "|".join(META_KEYS))


def meta_fields(text: str) -> list[tuple[str, str]]:
    """``(key, value)`` of each field on a box line: a row copied from the box's table holds two or three
    (the value of the first ran on to the end of the line, and the 发文字号 after it was lost)."""
    return [(m.group(1), m.group(2).strip()) for part in RE_META_GAP.split(text) if (m := RE_META.match(part))]
RE_URL = re.compile(r"(https?://|www\.)\S+", re.I)
# a web page's information line over the notice (``信息来源：…``, ``作者：…``, ``发布时间：… 来源：… 浏览次数：…``), as
# text reaches the cleaner without the .txt reader (``segment -``, a typed copy): it was the notice's text and
# a new notice's head; a sentence (。；) is never one
RE_PAGE_INFO = re.compile(r"^\s*[【\[]?\s*(?:发布时间|发布单位|信息来源|文章来源|来源|作者|责任编辑|浏览次数|浏览量|访问量|访问次数|"
                          r"点击数|点击量|点击|阅读量|阅读次数)\s*[:：][^。；;]*$"
                          # ``时间：2027-11-02 来源：县应急管理局 点击：212``: a bare 时间/日期 only with a page key after it (alone,
                          # ``时间：11月5日上午9时`` is when a meeting meets)
                          r"|^\s*(?:时间|日期)\s*[:：][^。；;]*?\s(?:来源|信息来源|点击|点击数|浏览次数|浏览量|阅读量|作者)\s*[:：][^。；;]*$")
# a web page's navigation copied with the notice (read as text, each made a clause or split the notice in
# two): the breadcrumb (``当前位置：首页 > 政务公开``, ``首页 > 信息公开 > 政策文件``), the share bar
# (``分享到：微信 微博 QQ空间``), the scan code and the links to the neighbouring notices (``上一篇：…``); read as
# links, like a URL line. Whole lines only: a sentence that names a 首页 or 上一篇 is no navigation.
RE_PAGE_NAV = re.compile(r"^\s*(?:(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|您当前所在位置|当前所在位置|您所在的位置|"
                         r"您当前的位置|您现在所在位置)\s*[:：]|首页\s*[>＞»›/]"
                         r"|(?:上一篇|下一篇|上一条|下一条)\s*[:：]|扫一扫[^。，,；;！？]{0,16}$|分享到\s*[:：]?\s*(?:(?:微信|朋友圈|微博|新浪微博|QQ空间|QQ|"
                         r"豆瓣|腾讯微博)\s*)*$"
                         # a line of bracketed page controls (【字号：大 中 小】【打印】【关闭】) and the site's footer
                         r"|(?:字号|字体)\s*[:：]?\s*[大中小](?:\s*[大中小]){0,2}\s*$"
                         r"|(?:[【\[]\s*(?:字号|字体|打印|关闭|收藏|返回顶部|纠错|分享)[^】\]]{0,12}[】\]]\s*)+$"
                         r"|.*(?:ICP备|网站标识码|公网安备|版权所有\s*[:：©]|网站地图\s*[|｜]))")
# the page controls a government site sets as a line of their own, bracketed or not, as a paste keeps them
# (``字体：【大】【中】【小】　打印本页　关闭窗口``, ``【我要纠错】 【收藏】``, ``打印本页 | 关闭窗口``; the sizes as two
# letters, ``字号：T | T``, ``字体大小：A+ A A-``): a line of nothing else
_CONTROL = (r"[【\[]?\s*(?:(?:字体|字号)(?:大小)?\s*[:：]?\s*(?:[【\[]?\s*(?:[大中小]|T|A[+\-－]?)\s*[】\]]?\s*[|｜/]?\s*){1,4}|打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|"
            r"收藏本页|加入收藏|收藏|返回顶部|返回|我要纠错|纠错|视力保护色|保护视力色|默认|分享)\s*[】\]]?")
RE_PAGE_CONTROLS = re.compile(rf"^\s*{_CONTROL}(?:[\s|｜/·]*{_CONTROL})*\s*$")
# a WeChat official account's article copied with the notice: the credits under it with a colon or a bar
# (``编辑：周某某``, ``审核 | 孙某某``, ``文章来源：县应急管理局``: a key, a short value, no sentence), the byline (``原创 泓川应急
# 2027-06-03 08:30 发表于东川``, ``关注 泓川应急 2027-07-12``), the follow line (``▲点击上方蓝字关注我们``), the buttons
# (``阅读原文``, ``分享 收藏 点赞 在看``, one a line: ``点在看``), a lone arrow pointing at them and the end mark (``- END -``).
# Read as text, the credits and buttons under the date were a second notice's lines, the byline under the title the
# notice's first clause (a clause ``关注泓川应急2027-07-12``, and the body lost). Whole lines only.
_CREDIT_KEY = (r"(?:文章来源|信息来源|内容来源|素材来源|来源|转自|作者|编辑|责任编辑|责编|值班编辑|本期编辑|审核|审校|校对|初审|复审|终审|"
               r"监制|排版|美编|供稿|撰稿|摄影|图片|文字|图文|文图)")
_BUTTON = r"点?(?:分享|收藏|点赞|在看|转发|留言|写留言|推荐|喜欢)"
#: the heading over an article's links to other articles (also a line of its furniture: RE_ARTICLE_CHROME, RE_RELATED)
_RELATED_HEADS = "往期推荐|往期回顾|往期精彩|推荐阅读|相关阅读|延伸阅读|精彩推荐|热门推荐|热门文章|更多精彩|猜你喜欢|喜欢此内容的人还喜欢"
RE_ARTICLE_CHROME = re.compile(
    rf"^\s*{_CREDIT_KEY}\s*(?:[:：]|\s[|｜丨]|[|｜丨])\s*[^。；;，,！？!?]{{1,40}}$"
    r"|^\s*(?:原创|关注)\s+\S{2,20}\s+(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2})?"
    r"(?:\s*发表于\s*\S{1,10})?\s*$"
    r"|^\s*\S{2,20}\s+(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2})?\s*发表于\s*\S{1,10}\s*$"
    # (the follow line names where to tap: 点击…/上方…; a notice's 请各单位组织职工关注公众号 names none and stays)
    r"|^\s*[▲△▼▽👆👇☝]*\s*(?:(?:点击|戳|长按|扫码|扫描二维码)\s*(?:上方|下方|上面|下面|标题下方?)?|上方|下方)\s*"
    r"(?:蓝字|蓝色字体?|二维码|“[^”]{1,12}”)?\s*(?:一键|快速)?(?:关注|订阅|星标)[^。；;，,！？]{0,8}$|^\s*(?:关注我们|欢迎关注)[！!~～]?\s*$"
    rf"|^\s*[▲△▼▽👆👇]*\s*{_BUTTON}(?:[\s|｜·、]*{_BUTTON}){{0,7}}\s*$"
    r"|^\s*(?:阅读原文|阅读全文)(?:\s*阅读\s*[\d.]+\s*[万wW]?\+?)?\s*$|^\s*[▲△▼▽👆👇]+\s*$"
    r"|^\s*[-—–－]*\s*(?:END|End|end)\s*[-—–－]*\s*$"
    rf"|^\s*(?:{_RELATED_HEADS})\s*[:：]?\s*$")
#: a news article's byline in brackets under its last paragraph, one credit or several run together (``（编辑：李青　审核：
#: 王岩）``, ``(责任编辑：张某)``, ``（来源：县应急管理局　作者：刘某）``): keys and short names, no sentence. Read as text it was
#: a clause, and wrapped with the paragraph above it, that paragraph's end
_CREDIT = rf"{_CREDIT_KEY}\s*[:：]\s*[^。；;，,！？!?：:（）()]{{1,20}}?"
RE_BYLINE = re.compile(rf"^\s*[（(]\s*{_CREDIT}(?:\s*[，,、|｜/]?\s*{_CREDIT})*\s*[)）]\s*$")
#: the first characters a line of page controls or an article's furniture can open with (the patterns' cheap gate:
#: two patterns of many alternatives tried on every short line cost a twelfth of classify_lines; a byline opening
#: with the account's name is told by its 发表于)
_FURNITURE_FIRST = frozenset("【[字打关收加返我纠视保默分文信内素来转作编责值本审校初复终监排美供撰摄图原▲△▼▽👆👇☝点戳长扫上下欢在留写推喜"
                             "阅-—–－Ee往相延精热更猜")
#: the heading over an article's links to other articles (``往期推荐``, ``推荐阅读``, ``喜欢此内容的人还喜欢``)
RE_RELATED = re.compile(rf"^\s*(?:{_RELATED_HEADS})\s*[:：]?\s*$")
RE_PAGE_NUM = re.compile(r"^\s*(?:[-—–－]\s*)?(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[-—–－])?\s*(?:/\s*\d{1,3})?\s*$")
#: a scan's page mark ``— 3 —`` whose dashes OCR read as 一 (``一 3 一``): a number between two 一 is no text
RE_OCR_PAGE_NUM = re.compile(r"^\s*一\s*\d{1,3}\s*一\s*$")
#: the page footers Word and WPS insert besides ``- 3 -``: ``第 3 页 共 5 页`` (also ``共5页 第3页``, with a comma or
#: slash between) and ``·3·``; a PDF exported from Word carries them on every page, and as text they cut
#: the paragraph running over the page break
RE_PAGE_OF = re.compile(r"^\s*(?:第\s*\d{1,3}\s*页\s*[,，/、]?\s*共\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页\s*[,，/、]?\s*第\s*\d{1,3}\s*页"
                        r"|[·•]\s*\d{1,3}\s*[·•])\s*$")
# (also a web page's heading over its files: ``相关附件：``, ``附件下载：``)
RE_ATTACHMENT = re.compile(r"^\s*附件\s*[:：]|^\s*附件\s*\d*\s*$|\.(?:docx?|pdf|wps|xlsx?)\s*$"
                           r"|^\s*(?:相关附件|附件下载|下载附件)\s*[:：]?\s*$", re.I)
RE_PUBLISH = re.compile(r"^\s*[（(]\s*此件.{0,16}[)）]\s*$")  # （此件公开发布）, （此件发至县级）
# the imprint under a notice (版记): ``某市人民政府办公室　　2027年3月2日印发`` and ``抄送：…``
# (a briefing's distribution lines, 报：县委、县政府领导 / 送：县安委会各成员单位, are its imprint too)
RE_PRINTED = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,30}\s+)?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发|^\s*抄\s*送\s*[:：]"
                        r"|^\s*(?:报|送|分送|抄报)\s*[:：]")
RE_NO_TEXT = re.compile(r"^\s*[（(]?\s*此页无正文\s*[)）]?\s*$"  # the signature page's note: a page mark
                        r"|^\s*[（(]\s*略\s*[)）]\s*$")  # …and （略）, an enclosure left out of the copy: says nothing
#: a page's watermark or handling mark that a PDF viewer's copy puts among the text where each page broke
#: (``内部资料 注意保存``, ``内部资料，请勿外传``, ``仅供内部参考``), once a page: a page mark; repeated, _repeated_headers
#: dropped it, but a one- or two-page copy shows it once, and read as text it cut the paragraph it fell into. The whole
#: line only (a sentence about 内部资料 goes on: ``内部资料要注意保存。``)
RE_WATERMARK = re.compile(r"^\s*(?:(?:内部(?:资料|文件|材料|刊物)|仅供内部(?:参考|使用|交流))[\s,，、；;·—\-]*"
                          r"(?:注意保存|注意保密|妥善保管|请勿外传|严禁外传|不得外传|请勿转发|不得翻印)?"
                          r"|注意保存|请勿外传)\s*$")
#: the signing date in digits: ``2027年3月5日``, January also as 元月 (``2027年元月5日``)
RE_DATE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2}|元)\s*月\s*(\d{1,2})\s*日\s*$")
#: …and with dots, as a form or a table prints it: ``2027.1.5`` (the whole line; a dotted number inside a
#: sentence is no date line); ``date_match`` reads slashes or hyphens as a web page or an OA system prints
#: the date (``2027/1/5``, ``2027-01-05``, one separator throughout) as dots
RE_DATE_DOTTED = re.compile(r"^\s*((?:19|20)\d{2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*$")
_SLASHED = re.compile(r"^\s*(?:19|20)\d{2}\s*([/-])\s*\d{1,2}\s*\1\s*\d{1,2}\s*$")
# the signing date as most notices print it: 二〇二七年三月五日 (〇 or the look-alike ○/零, or an Arabic 0
# typed among the Chinese digits: 二0二七年; January also as 元月: 二〇二七年元月五日)
_CN_DIGIT = "〇○零0一二三四五六七八九"
RE_DATE_CN = re.compile(rf"^\s*([{_CN_DIGIT}]{{4}})\s*年\s*(元|[十{_CN_DIGIT}]{{1,3}})\s*月\s*([十{_CN_DIGIT}]{{1,3}})\s*日\s*$")


def date_match(s: str) -> re.Match | None:
    """The match of ``s`` as a whole date line (groups: year, month, day) in any of its forms, full-width
    digits and dots (``２０２７年１月５日``, ``2027．1．5``) read as half-width ones; else None."""
    s = s.translate(FULL_DIGITS).replace("．", ".").replace("／", "/").replace("－", "-")
    if (slashed := _SLASHED.match(s)) is not None:  # (same length: the match's positions are the line's)
        s = s.replace(slashed.group(1), ".")
    return RE_DATE.match(s) or RE_DATE_DOTTED.match(s) or RE_DATE_CN.match(s)
# ``特此通知。`` / ``特此通告。``: the closing formula states nothing (not a clause, like the signature); so are a
# 请示's ``妥否，请批示。`` (also 当否/可否, 请审示/请批复), a 批复's or 复函's ``此复。`` / ``特此函复。``, and the courtesy closing
# of a reply to a deputy's suggestion or a letter (``感谢您对应急管理工作的关心和支持，欢迎继续提出宝贵意见。``)
RE_FORMULA = re.compile(r"^\s*(?:特此(?:通知|通告|公告|通报|函告|函复|批复|报告|说明|证明)|此复|"
                        r"(?:妥否|当否|可否|是否妥当)\s*[，,]?\s*请(?:批示|批复|审示|审批|示复|指示)|"
                        r"(?:衷心)?感谢(?:您|你|你们|您们|各位代表|各位委员)对[^。！]{1,40}的(?:关心|关注|支持|理解|帮助)[^。！]{0,40}|"
                        # a speech's last words (谢谢大家！): a closing formula as 特此通知
                        r"谢谢(?:大家|各位))"
                        r"\s*[。！.]?\s*$")
# who attended a meeting (会议纪要): ``出席：…`` / ``列席人员：…`` lines after the minutes' text. Not
# 参加人员：/参会人员：, which in a meeting notice say who is to come (an instruction: text)
RE_ATTENDANCE = re.compile(r"^\s*(?:出席|列席|请假|缺席)(?:会议)?(?:人员|单位|领导|同志)?\s*[:：]"
                           # (who took the minutes, by name only: ``记录：程某某``, ``记录人：程某某``)
                           r"|^\s*(?:记录|记录人|纪要整理)\s*[:：]\s*[\u4e00-\u9fff·]{2,5}\s*$")
# how a regulation records its making: ``（2027年1月15日某州第十四届人民代表大会第五次会议通过　…批准）``
# (a government's or ministry's rules, as gazettes and web copies print them, record the decree that published them
# and no meeting: ``（2027年3月1日某市人民政府令第12号公布　自2027年5月1日起施行）``, ``（…国务院令第493号公布）``)
RE_ADOPTED = re.compile(r"^\s*[（(][^（）()]{0,20}?(?:19|20)\d{2}\s*年(?:[^（）()]{4,200}?(?:会议|常务会议)[^（）()]{0,10}?"
                        r"(?:通过|审议通过|批准|修正|修订|公布)|[^（）()]{2,120}?令\s*第\s*[\d" + "一二三四五六七八九十百零〇" + r"]{1,6}\s*号\s*"
                        r"(?:公布|发布))[^（）()]*[)）]\s*$")
#: a document number, also with the signer a report or request sets on the same line, right of it
#: (``松政发〔2027〕8号<tab>签发人：王某某``: the 版头 of 上行文; as text the number was lost)
RE_SIGNED_BY = re.compile(r"^\s*签\s*发\s*人\s*[:：]\s*[\u4e00-\u9fff·、\s]{2,30}$")
# (web copies set the year in full-width ［］ or small ﹝﹞ brackets; some offices write 〔2027〕第3号 or 〔2027年〕7号)
# (an enforcement order's number names its place's short name in brackets first: （鹭）应急责改〔2027〕第18号)
# (a place's short name in brackets before the letters, （沐）应急责改〔2027〕12号, or inside them, 鹭（江）安委〔2026〕31号)
RE_DOCNUM = re.compile(NUMBER_FORM + r"(?:\s+签发人\s*[:：]\s*[\u4e00-\u9fff·、\s]{2,30})?\s*$")
# a title says 关于 and ends in the kind of document: 通知, 意见 … and the letters (函), public notices
# (通告, 公告), circulars (通报), safety warnings (提示, 提醒), minutes (纪要), appeals (倡议书), the
# explanations of a policy (关于《…》的解读), reports, requests and replies (报告, 请示, 批复) other organs send,
# and an organ's answer to a deputy's suggestion or a member's proposal (关于…第58号建议的答复)
RE_TITLE = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,20}?)?关于.{0,55}?(?:(?:19|20)\d{2}\s*年)?.{0,55}?"
                      r"(?:通知|意见|决定|决定书|方案|规定|办法|函|通告|公告|通报|提示|提醒|纪要|倡议书|解读|报告|汇报|说明|批复|请示|公示|答复)\s*$")
# the addressee line: 各市、县人民政府：, 各旗、市人民政府：(a league's banners) … and, below the county, 各村（社区）、各社区居委会、各有关单位：, 各成员单位：
# (a list of organs only: a line with an instruction in it, 各单位要…：, is body text; 各师、市应急管理局： is a list)
RE_ADDRESSEE = re.compile(r"^\s*各(?:市|省|区|县|州|地|盟|旗|自治|乡|镇|街道)[^。]{0,60}[:：]\s*$")
# (a 兵团 regiment writes to its 连队, a division to its 团场 and 师直 units: 各连队，团属各单位：)
RE_ADDRESSEE_LOCAL = re.compile(r"^\s*各(?:村|社区|居委会|嘎查|苏木|有关单位|有关部门|有关企业|单位|部门|企业|成员单位|处室|科室|直属单位|园区|"
                                r"连队|团场|师)"
                                r"(?:应急|[^。；要应须将对在把]){0,60}[:：]\s*$")  # (应 of 应急 is no instruction)
# 大队/支队/总队: fire and rescue or traffic police brigades sign their own notices (柘川县消防救援大队);
# 委: a commission by its short name (桐溪县卫生健康委, 县发展改革委); 协会: an association signing an appeal; the mass
# organisations and a customs office signing a notice of their own (澄河市总工会, 岩溪县红十字会, 澄河市妇女联合会, 岚江海关)
RE_ISSUER = re.compile(r"^\s*[\u4e00-\u9fff〇]{2,16}?(?:人民政府|办公厅|委员会|厅|局|办公室|安委会|安委办|部|街道办事处|办事处|管委会|村委会|居委会|指挥部|行政公署|"
                       r"大队|支队|总队|委|协会|总工会|红十字会|联合会|海关)"
                       # (an organ's party group or committee signs as such: 中共某市应急管理局党组)
                       r"(?:党组|党委|党工委)?(?:办公厅|办公室)?\s*(?:[（(]\s*(?:代章|盖章|印章|章)\s*[)）])?\s*$")
# a village's or community's committee signing with every tier of its place (峦山彝族自治县石门瑶族乡柳湾村村民委员会, 22
# characters: RE_ISSUER's 16 before 委员会 miss it): the line opens with a place's short name and its tier, and the
# village's own name follows the last tier; a sentence ending in 委员会 (…由柳湾村村民委员会, 各乡镇要督促各村健全村民委员会)
# names no tier first or says what to do. Each pattern has one bounded repeat (no nesting: a line of 市市市… stays linear).
_PLACE_TIER = r"(?:自治区|自治州|自治县|自治旗|省|市|州|盟|地区|县|区|旗|民族乡|乡|镇|街道|苏木)"
RE_COMMITTEE_TAIL = re.compile(r"(?:村|社区|嘎查)(?:(?:村民|居民)?委员会|村委会|居委会)$")
RE_PLACE_OPENS = re.compile(rf"^[\u4e00-\u9fff]{{1,7}}?{_PLACE_TIER}")
RE_VILLAGE_NAME = re.compile(rf"{_PLACE_TIER}[\u4e00-\u9fff]{{1,8}}$")
RE_SAYS_WHAT_TO_DO = re.compile(r"各|要|应当|必须|由|督促|指导|健全|建立|成立|组建|依托|会同|配合|通过")
_COMMITTEE_ENDS = ("委员会", "村委会", "居委会")
_LONGEST_SIGNATURE = 40


def _grassroots_committee(t: str) -> bool:
    """Is ``t`` (stripped) a village's or community's committee named with its place's tiers?"""
    if len(t) > _LONGEST_SIGNATURE or not t.endswith(_COMMITTEE_ENDS) or re.search(r"[^\u4e00-\u9fff〇]", t):
        return False
    tail = RE_COMMITTEE_TAIL.search(t)
    head = t[:tail.start()] if tail else ""
    return bool(RE_PLACE_OPENS.match(head) and RE_VILLAGE_NAME.search(head)) and not RE_SAYS_WHAT_TO_DO.search(t)


# a 兵团 unit signing as itself: a division (新疆生产建设兵团第八师) or its regiment (…第三师四十四团), no organ word
RE_CORPS_LEAD = re.compile(rf"^(?:新疆生产建设)?兵团(?:第[{CN_NUM}]{{1,3}}师)?(?:[{CN_NUM}]{{1,5}}团)?")
RE_CORPS_UNIT = re.compile(rf"^\s*(?:新疆生产建设)?兵团(?:第[{CN_NUM}]{{1,3}}师)?(?:[{CN_NUM}]{{1,5}}团)?\s*$")


# an organ signing with every tier of its place, longer than RE_ISSUER's 16 characters before its organ word
# (棠州市青湖区云峰街道森林草原防灭火指挥部办公室, 24), or a 领导小组 and its office, which RE_ISSUER knows not (a
# sentence ends in 领导小组 too: 镇政府决定成立燃气安全专项整治工作领导小组). Either opens with a place's name and its
# tier, two tiers where it is long, and says nothing to do; a long line ending in 办公室 that names a task
# (…将排查情况报送县安全生产委员会办公室) stays text. One bounded repeat each: linear.
RE_ORGAN_END = re.compile(r"(?:人民政府|办公厅|委员会|厅|局|办公室|安委会|安委办|部|街道办事处|办事处|管委会|指挥部|行政公署|"
                          r"大队|支队|总队|委|协会|领导小组|工作专班|专班)(?:党组|党委|党工委)?(?:办公厅|办公室)?$")
# (a place's name opens with no tier character: a line of tiers alone, 市市市…委员会, names no place)
_NAME_OPENS = r"(?![省市县区州盟旗乡镇])"
RE_TWO_TIERS = re.compile(rf"^{_NAME_OPENS}[\u4e00-\u9fff]{{1,7}}?{_PLACE_TIER}{_NAME_OPENS}[\u4e00-\u9fff]{{1,7}}?{_PLACE_TIER}")
RE_PLACE_NAMED = re.compile(rf"^{_NAME_OPENS}[\u4e00-\u9fff]{{1,7}}?{_PLACE_TIER}")
RE_NAMES_A_TASK = re.compile(r"将|请|联合|报送|上报|报告|提交|负责|牵头|开展|落实|加强|做好|决定|印发|转发|设在")
_SHORT_ORGAN = 16  # RE_ISSUER's most characters before the organ word


def _placed_organ(t: str) -> bool:
    """Is ``t`` (stripped) a 领导小组 (or its office) or an organ too long for RE_ISSUER, named with its place's tiers?"""
    if len(t) > _LONGEST_SIGNATURE or re.search(r"[^\u4e00-\u9fff〇]", t) or not (end := RE_ORGAN_END.search(t)):
        return False
    if RE_SAYS_WHAT_TO_DO.search(t) or RE_NAMES_A_TASK.search(t):
        return False
    if re.search("领导小组|专班", t[end.start():]):  # (a 专班 set up for one campaign signs as a 领导小组 does)
        return RE_PLACE_NAMED.match(t) is not None
    return end.start() > _SHORT_ORGAN and RE_TWO_TIERS.match(t) is not None


#: a bare tier and an organ's short name signing alone (市安委会, 县政府办, 市防指办): the place is the title's or the
#: number's, and metadata.normalize_issuer writes the name out (市防指办 + 澄河市 → 澄河市防汛抗旱指挥部办公室); RE_ISSUER
#: wants two characters before its organ word and knows no 防指 (meta26's probe: these signed nothing)
RE_BARE_TIER_ORGAN = re.compile(r"^\s*[省市县区州盟旗乡镇](?:安委会办公室|安委会|安委办|政府办公室|政府办|政府|减灾委办|减灾委|减灾办"
                                r"|森防指办|森防指|防指办|防指|防汛办)\s*$")


def issuer_line(s: str) -> bool:
    """Is ``s`` an organ signing (RE_ISSUER), a village's committee named with its place's tiers, a 领导小组 or a
    long organ named with its place's tiers, or a 兵团 unit?"""
    if RE_ISSUER.match(s):
        return True
    t = s.strip()
    if _grassroots_committee(t) or _placed_organ(t) or RE_BARE_TIER_ORGAN.match(t):
        return True
    if "兵团" not in t or len(t) > 40:
        return False
    if RE_CORPS_UNIT.match(t) is not None:
        return len(t) <= 30 and t not in ("兵团", "新疆生产建设兵团")
    # an organ of a 师 or 团 signing with the 兵团 before it (新疆生产建设兵团第八师石河子市安全生产委员会办公室: 19
    # characters before 委员会, past RE_ISSUER's 16): the organ after the corps' units signs as RE_ISSUER would read it
    m = RE_CORPS_LEAD.match(t)
    if m is None or m.end() == len(t):
        return False
    # a 团场 named as a farm, not by a number (…第十三师红星一场, …第六师芳草湖农场), under its 师: the regiment's tier as
    # corpus/metadata.py reads it (_CORPS_REGIMENT_RX; a 师's 各农场 names no one farm, …师要加强农场 is a sentence)
    if "师" in m.group(0) and _CORPS_REGIMENT_RX.fullmatch(t, m.end()) and not RE_SAYS_WHAT_TO_DO.search(t, m.end()):
        return True
    return RE_ISSUER.match(t[m.end():]) is not None


# an appeal's or a letter's signature with its label (倡议单位：…, 发起单位：…, 落款单位：…)
RE_SIGNED_AS = re.compile(r"^\s*(?:倡议|发起|落款|发文)单位\s*[:：]\s*(\S.*)$")
# a government's or ministry's rules are published by decree: 临江市人民政府令 / 第15号 / 《…办法》已经…
# 审议通过，现予公布 / 市长　张某某 / date, then the rules themselves
RE_DECREE = re.compile(r"^\s*([\u4e00-\u9fff]{2,30}?(?:人民政府|部|委员会|总局|局|署))令\s*$")
RE_DECREE_NO = re.compile(r"^\s*[（(]?\s*第\s*[\d一二三四五六七八九十百零〇]+\s*号\s*[)）]?\s*$")
#: the signer of a decree or the speaker under a speech's title: a post and a name (``市长　张某某``), a deputy
#: (副市长), and the organ before the post (``临江市人民政府副市长　周立新``: group 1; a party secretary,
#: ``中共枫岭市委书记　周明远``)
RE_SIGNER = re.compile(r"^\s*(?:([\u4e00-\u9fff]{2,30}?(?:人民政府|行政公署|委员会|管委会|局|厅|部|[省市县区州盟旗]委))\s*)?(?:常务)?副?"
                       r"(?:省长|市长|县长|区长|州长|盟长|旗长|主席|部长|局长|署长|主任|书记)\s*[\u4e00-\u9fff]{2,4}\s*$")
# a remark under a title that belongs to it: （试行）, （2027—2029年）, （征求意见稿）
#: the remark words a title may close with, in brackets: （试行）, （2027—2029年）, （2027年修订） (RE_TITLE_REMARK under a
#: title, RE_TITLE_TAIL on its wrapped last line)
_TITLE_REMARK_WORDS = (r"试行|暂行|征求意见稿|草案|送审稿|修订稿|(?:19|20)\d{2}\s*[—–\-－~至]+\s*(?:(?:19|20)\d{2}|\d{2})\s*年|"
                       r"(?:19|20)\d{2}\s*年\s*(?:修订|修正|版)")
RE_TITLE_REMARK = re.compile(rf"^\s*[（(]\s*(?:{_TITLE_REMARK_WORDS}|"
                             # (a part published alone: ``（防范和整改措施部分）``, ``（摘要）``, ``（节选）``)
                             r"[^（）()。；，,：:]{1,16}部分|摘要|节选)\s*[)）]\s*$"
                             # a dash subtitle under a title (致全市人民的一封信 / ``——春节期间安全提示``)
                             r"|^\s*(?:——|--|－－)\s*[^。；，,！？!?：:—]{2,30}\s*$")
# the red-letter header over a notice: 某地区行政公署办公室文件, 中共某县委员会文件
RE_REDHEAD = re.compile(r"^\s*[\u4e00-\u9fff]{2,40}?(?:人民政府|行政公署|办公厅|办公室|委员会|局|厅|部)\s*文\s*件\s*$")
# the issue number in the header of minutes and bulletins (纪要, 简报, 通报): ``〔2027〕第2期``, ``第2期``,
# ``2027年第2期``: a header line like a document number
# an urgent notice's 版头 sets its urgency (特急, 加急, 平急; a telegram's 特提, ·明电) at the number line's left, the
# number at its right: the marker is no part of the number (霁政办明电〔2027〕5号)
RE_URGENCY_LEAD = re.compile(r"^\s*(?:特急|加急|平急|特提)(?:\s*[·・]?\s*明电)?\s*")
RE_ISSUE_NO = re.compile(rf"^\s*(?:[〔\[（(【]\s*(?:19|20)\d{{2}}\s*[〕\]）)】]|(?:19|20)\d{{2}}\s*年)?\s*第\s*[\d{CN_NUM}]{{1,4}}\s*期\s*$")
# the seal note under a signature: （代章）
# (also naming who seals for the signer, on a line of its own under it: （澜霁省应急管理厅代章） under a 安委办)
RE_SEAL = re.compile(r"^\s*[（(]\s*(?:[\u4e00-\u9fff]{0,30}?(?:代章|盖章|印章|签章)|章)\s*[)）]\s*$")
# the blanks a template leaves to sign and date (a 承诺书, a 责任书): ``承诺单位（盖章）：``, ``法定代表人（签字）：``,
# ``联系电话：`` with nothing after it, ``年　　月　　日``; none is a clause, a signature or a date (an organ over
# （盖章） without a colon, ``某县应急管理局（盖章）``, is a signature: RE_ISSUER)
RE_SIGN_BLANK = re.compile(r"^\s*(?:[\u4e00-\u9fff]{0,10}[（(]\s*(?:盖章|公章|签字|签名|签章|签字盖章)\s*[)）]\s*[:：]"
                           r"|(?:联系电话|联系人|承诺人|签订日期|签字|签名|日期)\s*[:：]"
                           r"|(?:\d{4})?[\s_＿]*年[\s_＿]+月[\s_＿]+日)[\s_＿]*$")


def unbracketed_date(s: str) -> str | None:
    """``（2027年2月15日）`` (a speech's or report's date, in brackets under its title and speaker): the date
    inside, else None."""
    m = re.fullmatch(r"\s*[（(]\s*(.+?)\s*[)）]\s*", s)
    return m.group(1) if m and date_match(m.group(1)) else None


def organ_and_date(s: str) -> str | None:
    """``青石县安全生产委员会办公室　　2027年4月10日`` (an organ and a date on one line, as minutes and
    bulletins print them under their number): the date, else None."""
    parts = s.split()
    if len(parts) == 2 and RE_ISSUER.match(parts[0]) and date_match(parts[1]):
        return parts[1]
    return None


def _joint_issuers(s: str) -> bool:
    """``临江市应急管理局　　临江市公安局``: the organs of a joint notice side by side on one line."""
    parts = s.split()
    return 2 <= len(parts) <= 6 and all(RE_ISSUER.match(p) for p in parts)

# numbered headings, outermost first
# (also 一. / 一． as web pages and some offices type it: never a decimal, a Chinese numeral has no fraction)
RE_L1 = re.compile(rf"^\s*({ITEM_NUMERAL})\s*(?:、|[.．](?![\d.．]))")
# （一） and, as some offices type it, 一） with the closing bracket only
RE_L2 = re.compile(rf"^\s*[（(]?\s*({ITEM_NUMERAL})\s*[)）]")
# 1. (not 1.5亿元), also an item whose text opens with a date: 2.9月底前完成… / 3.2027年底前…
RE_L3 = re.compile(r"^\s*(\d{1,2})\s*(?:[.、．](?!\d)|[.、．](?=(?:19|20)\d{2}\s*年|\d{1,2}\s*月))")
RE_L4 = re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[)）]")
# below (1): 1) (a closing bracket only), then circled numbers ①②③
RE_L5 = re.compile(r"^\s*(\d{1,2})\s*[)）](?![\d%])")
RE_CIRCLED = re.compile(r"^\s*([\u2460-\u2473])")
# Roman item numbers ``Ⅰ．检查范围`` / ``Ⅱ、`` (U+2160–216B, as Chinese input methods type them), above
# 一、 where a notice uses both; a number with no mark after it (``Ⅰ级响应``) is a response level, no item
RE_ROMAN = re.compile(r"^\s*([\u2160-\u216b])\s*[.、．]")
# Latin capital item numbers ``A.动火作业`` / ``B、受限空间作业`` (a checklist's or an inspection plan's groups), between
# （一） and 1.: the letter, a mark and the item's Chinese text (``A级``, ``B超``, ``PM2.5`` are no items)
RE_LATIN = re.compile(r"^\s*([A-Z])\s*[.、．](?=\s*[\u4e00-\u9fff“（(])")
LATIN_LEVEL = 2.5


def _decimal_item(depth: int) -> re.Pattern:
    """``1.1`` (depth 2), ``1.1.1`` (depth 3) … item numbers; group 1 is the last component.

    The number must be followed by the item text (a CJK character, quote or bracket), not by a unit
    or a further component: ``1.5亿元``, ``2.5%`` at the start of a wrapped line are not items.
    """
    sep = r"[.．]"
    return re.compile(
        rf"^\s*\d{{1,2}}(?:{sep}\d{{1,2}}){{{depth - 2}}}{sep}(\d{{1,2}})(?!\d)(?!{sep}\d)\s*(?:[、.．]\s*)?"
        r"(?=[\u4e00-\u9fff“（(\u2160-\u216b])(?![亿万千百元吨米个倍公年月日%％])")  # (Ⅰ: 2.2.1 Ⅰ级响应)


# Decimal items sit between 1. (level 3) and (1) (level 4), one step per extra component.
DECIMAL_LEVELS = {3.25: _decimal_item(2), 3.5: _decimal_item(3), 3.75: _decimal_item(4)}
# Regulations and rules: 第一章 › 第一节 › 第一条, all above 一、/（一）, so an article's （一） items
# nest under it. Emergency plans number their sections ``1 总则`` (a bare number, a space, a short
# title on a line of its own), the parent of ``1.1 编制目的``: it sits where ``1.`` does.
# 工作要点 and long plans group their chapters into parts: 第一部分 总体要求 › 一、…
RE_PART = re.compile(rf"^\s*第\s*([{CN_NUM}\d]+)\s*(?:部分|篇(?!章))")  # 第一篇: a 规划's parts, above 第一章
RE_CHAPTER = re.compile(rf"^\s*第\s*([{CN_NUM}\d]+)\s*章")
RE_SECTION = re.compile(rf"^\s*第\s*([{CN_NUM}\d]+)\s*节")
RE_ARTICLE = re.compile(rf"^\s*第\s*([{CN_NUM}\d]+)\s*条(?![例件款])")
RE_PLAN_SECTION = re.compile(r"^\s*(\d{1,2})\s*(?![年月日个项条次万亿元号时%])(?=[\u4e00-\u9fff]{2,14}\s*$)")
RE_BARE_ARTICLE = re.compile(rf"^\s*第\s*[{CN_NUM}\d]+\s*条\s*$")
RE_BARE_CHAPTER = re.compile(rf"^\s*第\s*[{CN_NUM}\d]+\s*(?:章|节|部分|篇)\s*$")
STRUCTURE_LEVELS = {0.4: RE_PART, 0.5: RE_CHAPTER, 0.6: RE_SECTION, 0.75: RE_ARTICLE}
# below (1) (level 4): 1) then ①
MINOR_LEVELS = {4.25: RE_L5, 4.5: RE_CIRCLED}
ROMAN_LEVEL = 0.9
# sector sub-paragraph lead: "煤矿：", "煤矿。", "消防及人员密集场所。" (short noun phrase, no comma)
RE_SECTOR_LEAD = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]\s*)?([\u4e00-\u9fff\u2160-\u216b、和及与]{2,12})\s*[。：:]")  # (Ⅲ级响应：)
# a task's own lines in a plan's task list: ``责任单位：市应急管理局`` / ``完成时限：2027年6月底前`` under
# ``1.开展…评估。``: part of the task's paragraph (its agencies and its deadline), never clauses; so are a
# checklist row's lines under its item (``1.检查项目：燃气管道`` / ``检查内容：…`` / ``检查依据：…``): one row, one clause;
# a rectification plan's problem over its measure and deadline (``（一）问题：…。`` / ``整改措施：…`` / ``整改时限：…``:
# one task), and a power list's power over its grounds and duties (``1.对…的处罚`` / ``实施依据：…`` / ``责任事项：…``)
# (and an assessment's scored item over its scoring rule: ``1.考核内容：…。`` / ``评分标准：…``)
_CHECK_KEY = r"(?:(?:检查|排查|检测|评估)(?:内容|依据|标准|方法|方式|要点)|考核(?:内容|标准)|评分(?:标准|办法|细则))"
_ENTRY_KEY = r"整改(?:措施|时限|期限|目标|责任人)|(?:设定|实施|法律|法定)依据|责任事项|(?:追责|问责)(?:情形|依据)"
RE_CHECK_KEY_LINE = re.compile(rf"^\s*{_CHECK_KEY}\s*[:：]")
RE_TASK_KEY_LINE = re.compile(r"^\s*(?:(?:牵头|主责|主办|责任|配合|协办|协助|参与)(?:责任)?(?:单位|部门|领导)|"
                              rf"完成(?:时限|时间|期限)|时间(?:节点|要求)|时限(?:要求)?|{_CHECK_KEY}|{_ENTRY_KEY})\s*[:：]")
# a flowchart's text (an emergency plan's 附件 处置流程图): short steps joined by arrows on one line
# (``事故报告→先期处置→启动响应``), or an arrow alone on its line; it states nothing, it was a clause
RE_CHART = re.compile(r"^\s*(?:[^。；，,：:！？\s→↓⇒]{1,16}\s*(?:→|⇒|↓|－>|->|—>)\s*){2,}[^。；，,：:！？\s→↓⇒]{1,16}\s*$"
                      r"|^\s*[→↓↑⇒⇓]\s*$")
# who to call about the notice: ``（联系人：王某某，电话：0999-1234567）`` on a line of its own
# (a request for comments closes with where to send them: 电子邮箱：…, 通信地址：…, 邮编：…, contact lines too)
RE_CONTACT = re.compile(r"^\s*[（(]?\s*(?:联系人|联系电话|联系方式|咨询电话|值班电话|传真|电子邮箱|电子信箱|电子邮件|通信地址|通讯地址|联系地址|邮政编码|邮编)\s*[:：][^（）()]{1,80}[)）]?\s*$")
RE_AGENCY_OPEN = re.compile(r"^\s*[（(]\s*(?:省|市|县|国家|各级|负有|有关)[^（()）]*$|^\s*[（(]\s*(?:省|市|县|国家|各级|负有|有关)[^（()）]*(?:负责|落实|配合)[)）]")


@dataclass(frozen=True)
class Line:
    # text | blank | url | meta | attachment | page | publish | printed | date | docnum | title | addressee
    # | issuer | adopted (a regulation's 会议通过 remark) | formula (特此通知) | attendance (出席：…)
    # | contact (联系人：…) | seal (（代章）) | toc (目录 and its entries) | decree (某市人民政府令, 第15号)
    # | signer (市长　张某某) | redhead (某某人民政府文件)
    kind: str
    text: str
    lineno: int  # 1-based line number in the source text
    # the raw line opened with blanks (a PDF's first-line indent, where the text copy kept it); lines
    # rebuilt by later passes drop it, which only loses a hint (join_paragraphs, _reliable_indents)
    indent: bool = False
    # a table's row typed with tabs between its cells (_tabbed_tables): a paragraph of its own, joined to no line
    row: bool = False
    # an enclosure's title under a 附件 / 附表 label (segment.split_documents), not the text a 印发 notice sends
    annex: bool = False


def classify(raw: str, lineno: int) -> Line:
    s = raw.strip()
    if not s:
        return Line("blank", "", lineno)
    s = ocr_item_number(ocr_years(unspaced(s)))  # (-、 read for 一、, （l） for （1）, 口 for □: a scan's numbers)
    if (m := RE_BULLET_LEAD.match(s)) and (RE_DECORATION.fullmatch(s) or RE_CAPTION.match(s)):
        # ◆ ◆ ◆ / ◆◆◆◆ between a WeChat article's parts, ▲ 图为… under its picture: furniture, no text. Read as text, a
        # rule was a clause of its own (and under the title, cut the notice in two) and a caption a clause
        return Line("url", s, lineno)
    if (m and m.end() < len(s) and not RE_BULLET_LEAD.match(s, m.end())
            and s.find(s[0], m.end()) < 0):
        # ▶ 一、活动时间 / ◆ （二）… / ◆加强… / ✅落实…: a WeChat article's or a slide's bullet opening a line decorates it;
        # read with it, a heading was no heading (a clause ▶一、活动时间, its items under no heading) and an item's
        # clause kept a sign that is no text (◆加强…: the model reads words). Not a run of bullets before words
        # (★★★级: a rating; bullets alone are furniture, above), nor one in mid-line (检查结果：■合格 □不合格), nor a form's
        # options, the same box again further on (□是　□否)
        s = s[m.end():]
    line = _classify(s, lineno)
    if line.kind == "text" and raw[:1].isspace():
        return Line("text", s, lineno, indent=True)
    return line


#: a bullet a WeChat article, a slide or a web editor sets before an item: geometric shapes, ticks (√ before a word:
#: not a root, √2), arrows of the dingbats (➔ … ➾, after its numbers ➀ … ➓), ※, pointing hands and other emoji (with
#: an emoji's variation selector); not ○ (a look-alike of 〇 in dates), · (a name's dot), nor ❶ ➀ ⓵ (numbers:
#: ENCLOSED_NUMBERS reads them as ① …)
RE_BULLET_LEAD = re.compile("(?:[\u25a0-\u25c9\u25cc-\u25ff\u2605\u2606\u2611\u2713\u2714\u2705\u2794-\u27be\u2756"
                            "\u2726\u2727\u2666\u2022\u2023\u25aa\u25ab\u203b\u26a0\u26aa\u26ab\u2b50\u2b1b\u2b1c"
                            "\U0001f300-\U0001faff]|\u221a(?=\\s*[\u4e00-\u9fff]))\ufe0f?\\s*")

#: a line of bullets alone, set apart by blanks or not (``◆ ◆ ◆``, ``◆◆◆◆◆◆``, ``★★★``): a rule between an article's parts
RE_DECORATION = re.compile(rf"(?:{RE_BULLET_LEAD.pattern})+")
#: a picture's caption under it, a triangle pointing up at it (``▲ 图为检查组在企业检查``, ``△图片来源：县应急管理局``)
RE_CAPTION = re.compile(r"[▲△]\s*(?:图为|图片|图源|图\s*[：:]|照片|摄影)")

#: the single spaces an OCR engine sets between the characters of a scanned line (``安 全 生 产``, ``一 、``, ``( 一 )``,
#: ``35 ℃``, ``“5 · 12”``): between any two printed characters
_OCR_CHAR = r"\S"
_OCR_GAP = re.compile(rf"(?<={_OCR_CHAR}) (?={_OCR_CHAR})")
_OCR_PAIR = re.compile(rf"{_OCR_CHAR}(?={_OCR_CHAR})")
#: most neighbours apart: at least this many single-space gaps (``附 件``, ``此 复 。``: a short line is a scan's too), and at
#: least twice as many gaps as neighbours not apart
_OCR_MIN_GAPS = 1


def unspaced(s: str) -> str:
    """``s`` without the single spaces an OCR engine set between its characters (``磐 溪 市 应 急 管 理 局``), where most
    neighbouring characters of the line are set apart so; else ``s`` as it is. Read spaced, no line pattern matched
    (a title, a number, a date, a signature: each a clause). A wide gap (two spaces, an ideographic space) stays; a
    line with a few single spaces (a web copy's gap after an item's lead, ``2027 年`` typed with spaces around a
    number) is no scan and stays."""
    spaces = s.count(" ")
    if not spaces or 3 * (spaces + 1) < len(s) - spaces:
        return s  # (too few spaces for most neighbours to be apart: no scan, and no regex pass over the line)
    gaps = len(_OCR_GAP.findall(s))
    if gaps < _OCR_MIN_GAPS or gaps < 2 * len(_OCR_PAIR.findall(s)):
        return s
    return _OCR_GAP.sub("", s)


#: a year an OCR engine read with the letter O for its 0 or 〇 (``〔2O27〕``, ``2O27年``, ``二O二七年``): the year before 年
#: or a number's closing bracket; so a month's or day's (``1O月``, ``3O日``) and a number's (``2O号``): a digit and an O
#: before 月, 日 or 号. Not elsewhere (H2O2, CO: a letter among letters or a formula's digits)
_OCR_YEAR = re.compile(r"(?<![A-Za-z\d])(?:[12][\dOo]{3}(?=\s*(?:年|[〕\]）)】]))|(?:\d[Oo]|[Oo]\d)(?=\s*[月日号]))"
                       r"|(?<![A-Za-z])[一二][〇○零Oo一二三四五六七八九]{3}(?=\s*年)")


def ocr_years(s: str) -> str:
    """``s`` with each year, month, day or number misread with an O (``2O27``, ``二O二七``, ``1O日``) written with the
    digit it stands for."""
    if "O" not in s and "o" not in s:
        return s

    def digit(m: re.Match) -> str:
        year = m.group()
        fixed = year.translate(_O_TO_ZERO if year[0].isascii() else _O_TO_LING)
        return fixed if not year[0].isascii() or len(year) == 2 or fixed[:2] in ("19", "20") else year

    return _OCR_YEAR.sub(digit, s)


_O_TO_ZERO = str.maketrans("Oo", "00")
_O_TO_LING = str.maketrans("Oo", "〇〇")

#: a full-width digit (``２０２７``: an input method in full-width mode)
_FULL_DIGIT_RX = re.compile("[\uff10-\uff19]")


def fold_digits(s: str) -> str:
    """``s`` with full-width digits half-width (same length: a match's positions are the line's)."""
    return s.translate(FULL_DIGITS) if _FULL_DIGIT_RX.search(s) else s


# a portal's column tag set before or after a headline it lists (【重要通知】…的通知, 〔转载〕…, [通知公告]…,
# …的通知【已发布】): the site's filing, not the document's words; read with it the title kept the tag, or a
# trailing one made the line no title at all. Ideographs only inside, so 〔2027〕 of a number is no tag.
RE_PORTAL_TAG_LEAD = re.compile(r"^[【〔\[［][\u4e00-\u9fff]{1,8}[】〕\]］]\s*")
RE_PORTAL_TAG_TAIL = re.compile(r"\s*[【〔\[［][\u4e00-\u9fff]{1,8}[】〕\]］]$")


def _untagged_title(s: str) -> str | None:
    """``s`` without a portal's tag before or after it, where what is left reads as a title; else None."""
    t = RE_PORTAL_TAG_TAIL.sub("", RE_PORTAL_TAG_LEAD.sub("", s, count=1), count=1)
    if t == s or not t:
        return None
    return t if len(t) <= 120 and RE_TITLE.match(t) and not re.search(r"[。；，,]", t) else None


def _classify(s: str, lineno: int) -> Line:
    """The kind of one non-blank line ``s`` (stripped)."""
    # a number, an issue number or an imprint typed with full-width digits (岫安办〔２０２７〕１５号, 〔２０２７〕第２期,
    # …办公室　２０２７年４月１２日印发; also mixed, 〔2027〕３号): matched, and its line's text kept, as half-width digits, as
    # segment and metadata read them. Only such a line's text is folded: a text line keeps its digits, whose width
    # (a full-width digit fills 2 cells) tells where a wrap cut it (date_match folds a date line's own digits)
    f = fold_digits(s)
    if RE_URL.fullmatch(s) or (RE_URL.search(s) and len(RE_URL.sub("", s).strip()) < 4):
        return Line("url", s, lineno)
    if (RE_PAGE_NAV.match(s) or RE_PAGE_INFO.match(s)) and len(s) < 80:
        return Line("url", s, lineno)
    if len(s) < 80 and (s[0] in _FURNITURE_FIRST or "发表于" in s) and (RE_PAGE_CONTROLS.match(s) or RE_ARTICLE_CHROME.match(s)):
        return Line("url", s, lineno)  # a site's page controls, an official account's article furniture: links, no text
    if s[0] in "（(" and len(s) < 80 and RE_BYLINE.match(s):
        return Line("url", s, lineno)  # a news article's byline: the page's, no text
    if RE_META.match(s) and (s.startswith(("索引号", "主题分类", "发文机关", "发布机构", "成文日期", "发文字号", "发布日期",
                                           "主题词")) or re.match(r"^\s*(?:文号|标题)\s*[:：]", s)):
        return Line("meta", s, lineno)
    if RE_SIGNED_BY.match(s):
        return Line("meta", s, lineno)  # the signer of a report or request, in the 版头 beside or under the number
    if RE_PUBLISH.match(s):
        return Line("publish", s, lineno)
    if RE_ADOPTED.match(f):
        return Line("adopted", f, lineno)
    if RE_FORMULA.match(s):
        return Line("formula", s, lineno)
    if RE_ATTENDANCE.match(s) and len(s) < 120:
        return Line("attendance", s, lineno)
    if RE_CONTACT.match(s):
        return Line("contact", s, lineno)
    if RE_PRINTED.match(f):
        return Line("printed", f, lineno)
    if RE_ATTACHMENT.search(s) and len(s) < 80:
        return Line("attachment", s, lineno)
    if date_match(s) or unbracketed_date(s):
        return Line("date", s, lineno)
    if (RE_PAGE_NUM.match(s) or RE_PAGE_OF.match(s) or RE_NO_TEXT.match(s) or RE_OCR_PAGE_NUM.match(s)
            or RE_WATERMARK.match(s)):
        return Line("page", s, lineno)
    if RE_CHART.match(s):
        # a flowchart's text: dropped like a page mark, but no transparent line (a title after it is no
        # second line of the chart's title)
        return Line("chart", s, lineno)
    # (before the plain number: a copy that lost the gap, 特急霁政办明电〔2027〕5号, reads as letters 特急霁政办明电)
    if (m := RE_URGENCY_LEAD.match(f)) and m.end() < len(f) and RE_DOCNUM.match(f[m.end():]):
        return Line("docnum", f[m.end():], lineno)  # 特急　霁政办明电〔2027〕5号: the number alone
    if RE_DOCNUM.match(f) or RE_ISSUE_NO.match(f):
        return Line("docnum", f, lineno)
    if organ_and_date(s):
        return Line("date", s, lineno)  # 某县安委会办公室　　2027年4月10日: the organ and date minutes are issued under
    if RE_ADDRESSEE.match(s) or RE_ADDRESSEE_LOCAL.match(s):
        return Line("addressee", s, lineno)
    # a 关于 title runs to ~120 characters when it lists the sectors it covers (关于进一步加强…城镇燃气、
    # 电动自行车、高层建筑…排查整治工作…的通知): a body line ending in 通知 with no 。；， is rarer still
    if len(s) <= 120 and RE_TITLE.match(s) and not re.search(r"[。；，,]", s):
        return Line("title", s, lineno)
    if (t := _untagged_title(s)) is not None:
        return Line("title", t, lineno)
    if RE_SEAL.match(s) or RE_SIGN_BLANK.match(s):
        return Line("seal", s, lineno)
    if RE_REDHEAD.match(s):
        return Line("redhead", s, lineno)
    if RE_DECREE.match(s) or RE_DECREE_NO.match(s):
        return Line("decree", s, lineno)
    if RE_SIGNER.match(s):
        return Line("signer", s, lineno)
    if (m := RE_SIGNED_AS.match(s)) and (issuer_line(m.group(1)) or _joint_issuers(m.group(1))):
        return Line("issuer", m.group(1), lineno)  # 倡议单位：蓼湾区城市管理局: the organ signing, without its label
    if heading_level(s) is None and (issuer_line(s) or _joint_issuers(s)):
        return Line("issuer", s, lineno)
    return Line("text", s, lineno)


#: characters that are no text (Unicode's format characters a web page or an editor carries): soft hyphen, zero-width
#: space and joiners, bidi marks, word joiner and invisible operators, BOM, Mongolian vowel separator. Left in, ``一​、``
#: was no item number and ``关于加强​…的通知`` no title
RE_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
#: letters that print as a blank (Hangul fillers, the Braille blank): a WeChat editor's or a phone user's indent, which
#: no editor trims as it trims spaces. Read as spaces (a filler as wide as a Chinese character as an ideographic space);
#: left in, ``ㅤㅤ一、检查范围`` was no heading and each clause opened with them
RE_BLANK_LETTER = re.compile("[\u3164\u2800\uffa0]")
_BLANK_LETTER = {"\u3164": "\u3000", "\u2800": " ", "\uffa0": " "}
#: line breaks other than \n: Unicode's line and paragraph separators (a web page's script), the vertical tab a
#: word processor's manual line break is copied as, NEL
RE_OTHER_BREAK = re.compile("[\u2028\u2029\u000b\u0085]")


#: an HTML character reference typed out in the text (``&nbsp;``, ``&ldquo;``, ``&#12288;``, ``&amp;nbsp;``): a web page's
#: source or an editor's HTML view pasted as text. Closed by its ; (a bare ``&`` in a name, R&D, stays)
RE_ENTITY = re.compile(r"&(?:amp;)?(?:[A-Za-z][A-Za-z0-9]{1,7}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")


def _entity(m: re.Match) -> str:
    ref = m.group()
    if ref.startswith("&amp;"):
        ref = "&" + ref[5:]  # (escaped twice: &amp;nbsp; is what a page shows as &nbsp;)
    return html.unescape(ref)  # (an unknown name is left as it is)


#: a mail's quoting marks opening a line (``> ``, ``>> `` nested: a reply or a forward quoting the notice), a blank or
#: the line's end after them (``>90分`` / ``>80分``, a scoring table's rows, are no quote)
RE_QUOTE_MARKS = re.compile(r"^[ \t]*>(?:[ \t]?>)*(?:[ \t]|$)")


def _unquoted(text: str) -> str:
    """``text`` with the quoting marks off each line of a run of two or more lines that open with them (a mail forwarded
    or replied to as text: ``> 一、加强高温作业安全管理``). Left on, no quoted line was a heading, a title or a signature:
    the whole notice was one run of clauses opening with ``>``. A line of its own opening with ``>`` (``>5人``) keeps it."""
    lines = text.split("\n")
    quoted = [bool(RE_QUOTE_MARKS.match(line)) for line in lines]
    if sum(quoted) < 2:
        return text
    run = [q and ((k > 0 and quoted[k - 1]) or (k + 1 < len(lines) and quoted[k + 1])) for k, q in enumerate(quoted)]
    return "\n".join(RE_QUOTE_MARKS.sub("", line, count=1) if r else line for line, r in zip(lines, run))


#: the marks an editor shows for a line's or a paragraph's break (Word's ↵ for a manual break ^l, ↓ in WPS, ¶, ⏎),
#: copied as text at each line's end
RE_BREAK_MARK = re.compile(r"[↵↓↲⏎¶][ \t\u3000]*$")
#: a paragraph a spreadsheet's cell holds, copied out with the quotes a cell's text gets round it (``"一、…"``)
RE_CELL_QUOTED = re.compile(r'^[ \t]*"(.*)"[ \t]*$')


def _marked_lines(text: str, rx: re.Pattern) -> list[str] | None:
    """The lines of ``text`` where ``rx`` matches at least 3 of them and half its lines that hold text or more (an editor's
    marks, a spreadsheet's quotes: the whole copy's, not one line's ``同比下降↓`` or ``"安全第一"``), else None."""
    lines = text.split("\n")
    full = [line for line in lines if line.strip()]
    marked = sum(1 for line in full if rx.search(line))
    return lines if marked >= 3 and 2 * marked >= len(full) else None


def _unmarked(text: str) -> str:
    """``text`` without an editor's break marks at its lines' ends (``…通知↵``: left on, no line was a title, a heading
    or a signature) and without the quotes round each line of a spreadsheet's cells copied out (``"一、加强…"``, ``""``
    inside one for a quote: left on, no line was anything but text and the notice no notice)."""
    if (lines := _marked_lines(text, RE_BREAK_MARK)) is not None:
        text = "\n".join(RE_BREAK_MARK.sub("", line) for line in lines)
    full = [line for line in text.split("\n") if line.strip()]
    if '"' in text and len(full) >= 3 and all(RE_CELL_QUOTED.match(line) for line in full):
        text = "\n".join(RE_CELL_QUOTED.sub(lambda m: m.group(1).replace('""', '"'), line) for line in text.split("\n"))
    return text


def visible(text: str) -> str:
    """``text`` without its format characters, its typed-out HTML references read (``&nbsp;`` a no-break space, which
    the line layer reads as a space; left in, ``一、检查范围&nbsp;`` was no heading and ``&nbsp；&nbsp；`` a clause), its
    blank letters as spaces (``RE_BLANK_LETTER``), a mail's quoting marks off its quoted lines (``_unquoted``), and
    with each other line break a \\n (each pass only where one is)."""
    if "&" in text and RE_ENTITY.search(text):
        text = RE_ENTITY.sub(_entity, text)
    if RE_INVISIBLE.search(text):
        text = RE_INVISIBLE.sub("", text)
    if RE_BLANK_LETTER.search(text):
        text = RE_BLANK_LETTER.sub(lambda m: _BLANK_LETTER[m.group()], text)
    if ">" in text:
        text = _unquoted(text)
    if '"' in text or re.search("[↵↓↲⏎¶]", text):
        text = _unmarked(text)
    return RE_OTHER_BREAK.sub("\n", text) if RE_OTHER_BREAK.search(text) else text


#: a text of one line this long or longer is a notice that lost its line breaks (``relined``)
ONE_LINE_NOTICE = 150
#: where a notice's structure shows without line breaks: a 关于 title ending right before the addressee (各…：), and the
#: addressee ending before the opening …
_TITLE_BEFORE_ADDRESSEE = re.compile(r"^(\s*[^。；：:，,]{0,60}?关于[^。；：:]{2,100}?(?:通知|意见|决定|方案|办法|通告|公告|通报|提示|函))"
                                     r"(各[^。；;：:]{1,60}?[:：])")
#: … an item number right after a sentence's end (一、 （一） 1. (1); not 1.5亿元) …
_ITEM_NUMBER_AHEAD = (rf"(?=\s*(?:(?:[{CN_NUM}]{{1,3}}|[{CAPITAL_NUM}]{{1,3}})、|[（(](?:[{CN_NUM}]{{1,3}}|[{CAPITAL_NUM}]{{1,3}})[)）]"
                      rf"|\d{{1,2}}[.、．](?!\d)|[（(]\d{{1,2}}[)）]))")
_ITEM_AFTER_STOP = re.compile(rf"(?<=[。：；:;]){_ITEM_NUMBER_AHEAD}")
#: … an item's title run into its first sub-item (``二、主要任务（一）加强…``: a numbered title of words alone, no mark of a
#: sentence, right before a bracketed number) …
_TITLE_BEFORE_SUBITEM = re.compile(rf"(?m)^(\s*(?:[{CN_NUM}]{{1,3}}|[{CAPITAL_NUM}]{{1,3}})、[^。；;：:，,！？!?（()）\n]{{2,20}}?)"
                                   rf"(?=[（(](?:[{CN_NUM}]{{1,3}}|[{CAPITAL_NUM}]{{1,3}})[)）])")
#: … and the organ and date closing the text after its last sentence
_SIGNATURE_AT_END = re.compile(r"(?<=[。！])\s*([^。！？；，,：:]{2,40}?)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
                               r"[〇○零一二三四五六七八九]{4}年[十一二三四五六七八九元]{1,3}月[十一二三四五六七八九]{1,3}日)\s*$")
#: an item number opening a sentence (after 。！？ or the lead-in's ：; not after ；, which goes on with a list of clauses
#: inside one paragraph: ``有下列情形之一的：（一）…；（二）…``)
_ITEM_AT_SENTENCE_START = re.compile(rf"(?<=[。！？：:]){_ITEM_NUMBER_AHEAD}")
#: how many item numbers opening sentences make a long line of a several-line text a body run together
_RUN_TOGETHER_ITEMS = 2
#: the lines of a text's head (版头, number, title) a document number beside its title is looked for in
_HEAD_LINES = 12


def _items_cut(line: str) -> str:
    """A body run together cut where its structure shows: before each item number after a sentence's end, and between an
    item's title and the sub-item run into it (``…通知如下：一、…。二、主要任务（一）加强…`` reads ``…通知如下：`` /
    ``一、…。`` / ``二、主要任务`` / ``（一）加强…``)."""
    return _TITLE_BEFORE_SUBITEM.sub("\\1\n", _ITEM_AFTER_STOP.sub("\n", line))


def _run_together(line: str) -> bool:
    """Is ``line``, one line of a several-line text, a body whose breaks a converter lost (the title, the addressee and the
    signature on lines of their own, ``…现就有关工作通知如下：一、总体要求…。二、主要任务（一）…。三、…`` on one)? So when
    it is ``ONE_LINE_NOTICE`` characters or longer and ``_RUN_TOGETHER_ITEMS`` item numbers or more open its sentences. A
    typed paragraph quoting ``一是…二是…`` holds no item number; one listing clauses after ``：`` and ``；`` holds one
    opening a sentence (its first): both stay one line, their inline enumerations the segmenter's to read."""
    if len(line) < ONE_LINE_NOTICE or "\t" in line:  # (a table's row: its cells are the table reader's)
        return False
    found = 0
    for _ in _ITEM_AT_SENTENCE_START.finditer(line):
        found += 1
        if found >= _RUN_TOGETHER_ITEMS:
            return True
    return False


#: a document number with the title after it on its line, set apart by blanks (``澄安委〔2027〕5号　澄江县…关于…的通知``: a
#: converter's copy of a 版头 that set the two side by side)
RE_NUMBER_BEFORE_TITLE = re.compile(NUMBER_FORM + r"[ \t\u3000]+(?=\S)")


def _number_before_title(line: str) -> int | None:
    """Where the title starts in ``line``, a document number and a title (RE_TITLE, no sentence mark) on one line, else
    None. Read as one line it was the title, the number in it, the document's number and issuer lost."""
    if "关于" not in line or not (m := RE_NUMBER_BEFORE_TITLE.match(line)):
        return None
    rest = line[m.end():]
    return m.end() if RE_TITLE.match(rest) and not re.search(r"[。；，,]", rest) else None


def relined(text: str) -> str:
    """A whole notice pasted as one line (no line break at all: a chat message, a form's text box, an export that
    dropped them), ``ONE_LINE_NOTICE`` characters or more, cut back into lines where its structure shows without
    them: a 关于 title before the addressee (``…的通知各乡镇人民政府，…：``), an item number after a sentence's end
    (``…通知如下：一、…。二、…``) and the signature and date closing it (``…报送县应急管理局。泓川县应急管理局2027年6月20日``).
    Read as one line it was one paragraph with no title, number or item: no notice at all (a ReadError). In a text of
    several lines, a line holding a body run together (``_run_together``) is cut by the same item rules; every other line
    stays as it is (its inline enumerations are the segmenter's to read)."""
    stripped = text.strip()
    if "\n" in stripped:
        lines = text.split("\n")
        cut = [k for k, line in enumerate(lines) if _run_together(line)]
        for k in cut:
            lines[k] = _items_cut(lines[k])
        # (a number beside its title: only in the first lines, where a 版头 sits)
        for k in range(min(len(lines), _HEAD_LINES)):
            if (at := _number_before_title(lines[k])) is not None:
                lines[k] = lines[k][:at].rstrip() + "\n" + lines[k][at:]
                cut.append(k)
        return "\n".join(lines) if cut else text
    if len(stripped) < ONE_LINE_NOTICE:
        return text
    out = _items_cut(_TITLE_BEFORE_ADDRESSEE.sub("\\1\n\\2\n", stripped, count=1))
    if (m := _SIGNATURE_AT_END.search(out)) and (issuer_line(m.group(1)) or _joint_issuers(m.group(1))):
        out = f"{out[:m.start()]}\n\n{m.group(1)}\n{m.group(2)}"
    return out + "\n"


def classify_lines(text: str) -> list[Line]:
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")).translate(ENCLOSED_NUMBERS)
    text = relined(text)
    typed = text.split("\n")
    if "    " in text or "\u3000\u3000" in text:
        typed = _two_columns(typed)
    raws = _spaced_tables(typed) if _SPACED_TABLE_KEY.search(text) else typed
    lines = _title_remarks(_titles_after_addressee(_joint_titles(mark_titles(_title_tails(_table_of_contents(_wrapped_organ_lines(
        _cut_dates(_cut_line_rests(_related_links(_footnotes(_tabbed_tables(
            [classify(raw, i + 1) for i, raw in enumerate(raws)], raws, typed), RE_CIRCLED_ANY.search(text) is not None)))))))))))
    if RE_BOX_DRAWING.search(text):
        lines = _drawn_charts(lines)  # (before the passes below: a box's side is no organ, title or list line)
    return _chart_boxes(_attendance_lists(_attachment_lists(_join_wrapped_headers(_organ_headings(_wrapped_signatures(
        _place_signatures(_numbers_at_line_end(_running_headers(_repeated_headers(lines))))))))))


#: the gap between a page's two columns in a text copy (4 cells of blanks or more, then the right column's text)
RE_COLUMN_GAP = re.compile(r"(?<=\S)[ \u3000]{2,}(?=\S)")
#: the fewest lines, and characters a column's line holds on average, of two columns of running text (a roster's
#: ``组　长：王明　　县长`` rows, a form's ``检查时间    6月`` fields are shorter, and hold no sentence)
_COLUMN_LINES = 3
_COLUMN_TEXT = 8


def _line_cells(s: str) -> int:
    """``display_width`` with the blanks counted (a space 1 cell, an ideographic space 2): a column's place on the line."""
    return display_width(s) + s.count(" ") + 2 * s.count("\u3000")


def _column_cut(line: str) -> tuple[int, int] | None:
    """Where ``line`` breaks into a left and a right column: the gap's span, for one gap of 4 cells or more between two
    runs of text, no tab (a table's row), else None."""
    if "\t" in line:
        return None
    gaps = [m for m in RE_COLUMN_GAP.finditer(line) if _line_cells(m.group()) >= 4]
    if len(gaps) != 1 or not line[:gaps[0].start()].strip():
        return None
    return gaps[0].span()


def _two_columns(typed: list[str]) -> list[str]:
    """Two columns of running text a PDF's copy wrote line by line across the page (``一、燃放时间      四、销售管理`` /
    ``春节期间，…的时间为      烟花爆竹零售点…``) read as the page is read: the left column's lines, then the right's. So for
    a run of ``_COLUMN_LINES`` lines or more, each cut by one wide gap, the right column starting at the same cell (within
    one), each column ``_COLUMN_TEXT`` characters a line on average and holding a sentence's mark. Read across, each
    line ran the two columns' sentences into one another. (One pass over the lines.)"""
    out: list[str] = []
    k = 0
    while k < len(typed):
        cut = _column_cut(typed[k])
        if cut is None:
            out.append(typed[k])
            k += 1
            continue
        column = _line_cells(typed[k][:cut[1]])
        end = k + 1
        while end < len(typed) and (c := _column_cut(typed[end])) and abs(_line_cells(typed[end][:c[1]]) - column) <= 1:
            end += 1
        block = typed[k:end]
        cuts = [_column_cut(line) for line in block]
        left = [line[:c[0]].rstrip() for line, c in zip(block, cuts)]
        right = [line[c[1]:] for line, c in zip(block, cuts)]
        if (len(block) >= _COLUMN_LINES
                and all(sum(len(p.strip()) for p in col) >= _COLUMN_TEXT * len(block)
                        and _SENTENCE_MARKS.search("".join(col)) for col in (left, right))):
            out.extend(left + right)
        else:
            out.extend(block)
        k = end
    return out


RE_CIRCLED_ANY = re.compile("[\u2460-\u2473]")
#: an item's number left at the end of a line after the sentence closing it (``…落实到山头地块。二、``), its title on the
#: next line of text (a PDF's copy that set the number before the page break, a converter's)
RE_NUMBER_AT_END = re.compile(rf"(?<=[。；：！？;:])\s*((?:[{CN_NUM}]{{1,3}}|[{CAPITAL_NUM}]{{1,3}})、|[（(](?:[{CN_NUM}]{{1,3}}"
                              rf"|\d{{1,2}})[)）]|\d{{1,2}}[.、．])\s*$")


def _numbers_at_line_end(lines: list[Line]) -> list[Line]:
    """An item's number at the end of a line of text, after a closed sentence, moved to the next line of text (past a
    page's number, a watermark, blank lines) that opens no item of its own: ``…山头地块。二、`` / ``— 2 —`` / ``严格火源管控``
    reads ``…山头地块。`` / ``二、严格火源管控``. Left where it was, the item was no heading and its title the last words
    of the paragraph above. (One pass over the lines: each line looks ahead to the next line of text only.)"""
    out = list(lines)
    for i, line in enumerate(out):
        if line.kind != "text" or not (m := RE_NUMBER_AT_END.search(line.text)):
            continue
        j = next((k for k in range(i + 1, min(i + 6, len(out))) if out[k].kind not in _TRANSPARENT), None)
        if j is None or out[j].kind != "text" or heading_level(out[j].text.strip()) is not None:
            continue
        if m.group(1)[-1] in ".．" and out[j].text.strip()[:1].isdigit():
            continue  # …资金。1. / 5亿元…: a decimal cut at the margin, no item
        out[i] = Line("text", line.text[:m.start()].rstrip(), line.lineno, indent=line.indent)
        out[j] = classify(m.group(1) + out[j].text.strip(), out[j].lineno)
    return out


#: a footnote's marker in the text: a circled number right after a word, a closing quote or bracket (多发①，, 台账②)
RE_NOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff》”）)])[\u2460-\u2473]")
#: a footnote at a page's foot: its marker opening the line, its text after it
RE_FOOTNOTE = re.compile(r"^\s*([\u2460-\u2473])\s*\S")


def _related_links(lines: list[Line]) -> list[Line]:
    """The links an article sets under its ``往期推荐`` / ``推荐阅读`` heading (other articles' titles, one a line, down to a
    blank line): links, no text. Read as text, a linked title (``关于开展…的通知``) opened a notice of its own."""
    out = list(lines)
    under = False  # inside the run of lines under a related-articles heading
    for k, line in enumerate(lines):
        if line.kind == "url" and RE_RELATED.match(line.text):
            under = True
        elif line.kind == "blank" or (under and (len(line.text) > 60 or re.search(r"[。；;：:]", line.text))):
            under = False
        elif under:
            out[k] = Line("url", line.text, line.lineno)
    return out


def _footnotes(lines: list[Line], circled: bool = True) -> list[Line]:
    """A PDF's footnotes copied with its text (``…事故多发①，…`` above, ``① 据统计，…`` / ``② 台账样式见附件。`` / ``- 1 -``):
    the lines at a page's foot, right above its page mark (or the text's end), each opening with a circled number that
    stood as a marker after a word in the text above, are page furniture (kind page), as the page mark is: they state a
    source or an aside, no measure. Read as text they were items ① ② (clauses), and the paragraph running over the page
    break was cut at them. A list of ① ② items (no marker in the text above them, or text under them on the page) stays.
    One pass down the lines (the markers seen so far) and one up (what follows each line's run of circled lines);
    none where the text holds no circled number (``circled``)."""
    if not circled:
        return lines
    seen: set[str] = set()
    marked = [False] * len(lines)
    for k, line in enumerate(lines):
        if line.kind != "text" or not RE_CIRCLED_ANY.search(line.text):
            continue  # (a plain scan for the character first: the marker's lookbehind is read on these lines only)
        m = RE_FOOTNOTE.match(line.text)
        marked[k] = m is not None and m.group(1) in seen
        seen.update(RE_NOTE_MARK.findall(line.text))
    if not any(marked):
        return lines
    out = list(lines)
    at_foot = True  # below line k (past blank lines and footnotes): a page mark or the text's end
    for k in range(len(lines) - 1, -1, -1):
        if marked[k] and at_foot:
            out[k] = Line("page", lines[k].text, lines[k].lineno)
        elif lines[k].kind != "blank":
            at_foot = lines[k].kind == "page"
    return out


#: a table's column label: a few words, no number, no sentence mark (事项名称, 实施依据, 分值, 评分标准)
RE_COLUMN_LABEL = re.compile(r"^[\u4e00-\u9fff（）()、/]{1,8}$")


#: a table typed with spaces for tabs (a web page's copy: single spaces, aligned runs of them, full-width spaces): its
#: header opens with 序号 / 编号, each row with its number (the gate: a text with no such header is not read for one)
_SPACED_TABLE_KEY = re.compile(r"(?m)^[ \u3000\u00a0]*(?:序 ?号|编 ?号)[ \u3000\u00a0]+\S")  # (序 号: a scan's, ``unspaced``)
_CELL_GAP = re.compile(r"[ \u3000\u00a0]+")
_ROW_NUMBER = re.compile(r"[ \u3000\u00a0]*(\d{1,3})[ \u3000\u00a0]+\S")


def _spaced_cells(raw: str) -> list[str]:
    return _CELL_GAP.split(raw.strip(" \u3000\u00a0"))


_LEAD_GAP = re.compile(r"[ \u3000\u00a0]*")


@dataclass
class _SpacedPiece:
    """One line of a table typed with spaces, its gaps written as tabs: ``text``; ``gaps`` the gaps it holds (a gap
    opening a piece that goes on with a row, or ending one, is a gap between two cells: the line was cut there)."""
    text: str
    gaps: int


def _spaced_piece(raw: str, opens_row: bool, wanted: int) -> _SpacedPiece:
    """``raw`` (a scan's read ``unspaced``) as a piece of a row still wanting ``wanted`` gaps: a row's first line keeps its
    indent (a phone's copy indents each row); a gap at its end counts only while the row wants one (a typed row's
    trailing spaces are none)."""
    s = unspaced(raw)
    lead = _LEAD_GAP.match(s).group()
    core = s[len(lead):].rstrip(" \u3000\u00a0")
    trail = len(s) - len(lead) > len(core)
    cells = _CELL_GAP.split(core) if core else []
    opening = "" if opens_row or not lead else "\t"
    gaps = max(len(cells) - 1, 0) + len(opening)
    closing = "\t" if trail and core and gaps < wanted else ""
    return _SpacedPiece((lead if opens_row else opening) + "\t".join(cells) + closing, gaps + len(closing))


def _spaced_tables(raws: list[str]) -> list[str]:
    """``raws`` with a table typed with spaces between its cells written with tabs, as ``_tabbed_tables`` reads one: a
    ``序号 …`` header of three or more column labels (``_labels``), and under it rows numbered 1, 2, 3 … Only where
    every row holds as many gaps as the header: a cell holding a space (a sentence) makes the counts disagree, and the
    table is left as it was. Read as text, its header and rows ran into one clause of cells without a break.

    Wrapped like a PDF or a phone's copy, a row is cut over lines: the lines under a row's first one go on with it
    while it wants gaps (each written with tabs, one lead or end gap for the cut), and a line of no gap under a whole
    row (its last cell's rest, or the text after the table) is left as it is: ``_CutTable`` reads the pieces back into
    their row as it reads a tabbed table's. The table ends at a blank line, a tab, or a line with gaps under a whole
    row that opens no next row. One pass: each line is read once for a header and once for a row."""
    out = list(raws)
    i = 0
    while i < len(raws):
        if "\t" in raws[i] or not _SPACED_TABLE_KEY.match(raws[i]):
            i += 1
            continue
        # (a scan's lines read without the single spaces OCR set between characters, as ``classify`` reads them: 序 号
        # 督 办 事 项 split into single characters; a typed table's cells apart by single spaces stay, ``unspaced``)
        labels = _spaced_cells(unspaced(raws[i]))
        pieces: dict[int, str] = {}
        k = i + 1
        # (the header's last label cut at a phone's margin, 完成时 / 限: its rest, a line or two of no tab above row 1)
        while (k < len(raws) and k - i <= 2 and "\t" not in raws[k] and raws[k].strip()
               and not _ROW_NUMBER.match(unspaced(raws[k]))):
            rest = _spaced_piece(raws[k], False, len(labels))
            more = rest.text.split("\t")
            labels = labels[:-1] + [labels[-1] + more[0]] + more[1:] if more[0] else labels + more[1:]
            labels = [label for label in labels if label]
            pieces[k] = rest.text
            k += 1
        wanted = len(labels) - 1
        rows: list[int] = []  # the gaps each row holds so far
        while k < len(raws) and "\t" not in raws[k] and raws[k].strip():
            m = _ROW_NUMBER.match(unspaced(raws[k]))
            if m and int(m.group(1)) == len(rows) + 1 and (not rows or rows[-1] >= wanted):
                piece = _spaced_piece(raws[k], True, wanted)
                rows.append(piece.gaps)
            elif rows and rows[-1] < wanted:
                piece = _spaced_piece(raws[k], False, wanted - rows[-1])
                rows[-1] += piece.gaps
            elif rows and not _CELL_GAP.search(raws[k].strip(" \u3000\u00a0")):
                k += 1  # (the rest of a whole row's last cell, or the text after the table: read as it is)
                continue
            else:
                break
            pieces[k] = piece.text
            k += 1
        if len(labels) >= 3 and rows and all(gaps == wanted for gaps in rows) and _labels("\t".join(labels)):
            # (the header's own line, its gaps as tabs: a rest under it stays a piece of its own, as _CutTable reads one)
            head = _spaced_piece(raws[i], True, len(labels) if i + 1 in pieces and i + 1 < k else 0)
            out[i] = head.text
            for j, text in pieces.items():
                out[j] = text
        i = max(k, i + 1)
    return out


def _tabbed_tables(lines: list[Line], raws: list[str], typed: list[str] | None = None) -> list[Line]:
    """A table typed or pasted with tabs between its cells that the reader did not read as a task table (no 序号
    column: a 权责清单's 事项名称⇥实施依据⇥责任事项, a 考核细则's 考核项目⇥分值⇥评分标准): its header row (three or more
    labels) is no text (``columns``) and each row under it, down to the first line with another count of tabs, is a
    paragraph of its own, its cells joined by ``；`` as the reader joins a plain table's. Its rows, wider than the
    text's lines, ran together with the header and the section title after them into one paragraph.

    Copied from a phone (``_CutTable``: the text wrapped at a narrow margin), a row wider than the screen is cut over
    lines, each piece holding some of its tabs, and a header's last label may be cut too (``…⇥检查时间⇥责`` / ``任科室``):
    the pieces are joined back into the row (``raws``: the lines as typed, a piece's tab at its end kept)."""
    table = _CutTable(lines, raws, typed)
    out: list[Line | None] = list(lines)
    i = 0
    while i < len(lines):
        header = table.header(i)
        if header is None:
            i += 1
            continue
        end, text = header
        tabs = text.count("\t")
        rows, at = [], end
        while (row := table.row(at, tabs)) is not None:
            rows.append(row)
            at = row[1]
        if not rows:  # a header needs at least one row
            i += 1
            continue
        out[i] = Line("columns", text, lines[i].lineno)
        out[i + 1:end] = [None] * (end - i - 1)  # (a cut header's rest: read into it)
        for a, b in rows:
            cells = (c.strip() for c in table.joined(a, b).split("\t"))
            out[a] = Line("text", "；".join(c for c in cells if c), lines[a].lineno, row=True)
            out[a + 1:b] = [None] * (b - a - 1)  # (a cut row's other pieces: read into its first)
        i = at
    return [line for line in out if line is not None]


class _CutTable:
    """The lines of a text read for tabbed tables (``_tabbed_tables``), typed (a row a line) or wrapped at a narrow
    margin (``margin``: a phone's copy, its rows cut over lines).

    Typed, a header is one line of labels and a row one line with the header's count of tabs. Wrapped, a line
    reaching the margin (``wide``) goes on with the next line unless that one is blank or indented (a phone's copy
    opens each row, as each paragraph, with a full-width indent): the pieces of a row are read up to the header's
    count of tabs, then the rest of its last cell (lines with no tab, each under a line cut at the margin)."""

    #: how many lines the first cell of a row cut at the margin may run over before its first tab (the lookahead
    #: telling a new row's first piece from the last cell's rest: bounded, no scan to the text's end per line)
    FIRST_CELL_LINES = 4

    def __init__(self, lines: list[Line], raws: list[str], typed: list[str] | None = None):
        self.lines, self.raws = lines, raws
        # (the lines as typed, for their widths: a table typed with spaces is read with tabs, ``_spaced_tables``, but was
        # cut at the margin by the width of its spaces, a full-width one two cells)
        self.typed = typed if typed is not None else raws
        self._margin: int | None | bool = False  # (read once, when a table shows: False until then)
        self._row_margin: int | None | bool = False

    @property
    def margin(self) -> int | None:
        """The margin the text's lines without tabs were wrapped at, else None (typed): the widest of them, where two
        or more stop there inside a sentence that the next line, unindented text, goes on with (no line runs past a
        wrap's margin; a typed text's widest lines are paragraphs closed by their full stop, or a title and a last
        sentence over an addressee and a signature)."""
        if self._margin is False:
            plain = [k for k, raw in enumerate(self.raws) if self.lines[k].kind != "blank" and "\t" not in raw]
            self._margin = self._widest_cut({k: display_width(self.lines[k].text) for k in plain})
            if self._margin is None:
                # no line without tabs shows the cut (a PDF's copy of a table whose cells' rests are short lines): the
                # rows themselves, two or more as wide as the widest, each with a rest under it (a line of no tab going
                # on unindented, no item). Typed, only the last row of a table has a line without tabs under it
                self._margin = self.row_margin
        return self._margin

    @property
    def row_margin(self) -> int | None:
        """The margin the rows themselves show: two or more as wide as the widest, each with a rest under it (a line of
        no tab going on unindented, no item), else None. Typed, only the last row of a table has a line without tabs
        under it. (Where the text's lines show a wider margin, the rows may be first lines a PDF set 4 cells short of
        it, each cut there: the harness's wrap at 60 cut 督办事项清单's rows at 56, ``…县住房和城乡建设局⇥2`` /
        ``027年11月30日前``; read against 60 only, the rest was a line of its own.)"""
        if self._row_margin is False:
            rows = [k for k, raw in enumerate(self.raws) if self.lines[k].kind != "blank" and "\t" in raw]
            self._row_margin = self._widest_cut({k: display_width(self.typed[k].strip()) for k in rows}, tabless_rest=True)
        return self._row_margin

    def _widest_cut(self, widths: dict[int, int], tabless_rest: bool = False) -> int | None:
        """The widest of the lines ``widths`` where two or more of them as wide stop inside a sentence that the next
        line, unindented text, goes on with; else None. Of the rows (``tabless_rest``) the rest under a cut holds no
        tab, or holds the tabs the cut row lacks (a cut inside a middle cell); and one such cut is enough where the
        line under its rest is a row again (``_rest_between_rows``: a PDF's table whose other rows fit their line)."""
        widest = max(widths.values(), default=0)
        cuts = [k for k, width in widths.items()
                if widest - width <= 2 and _last_mark(self.lines[k].text) not in CLOSERS
                and k + 1 < len(self.lines) and self.lines[k + 1].kind == "text"
                and (self._row_rest(k) if tabless_rest else not self.raws[k + 1][:1].isspace())
                and heading_level(self.lines[k + 1].text) is None]
        if len(cuts) >= 2 or (tabless_rest and len(cuts) == 1 and self._rest_between_rows(cuts[0])):
            return widest
        return None

    def _row_rest(self, k: int) -> bool:
        """Can line ``k + 1`` be the rest of row ``k`` cut at the margin: unindented with no tab (its last cell's rest),
        or holding the tabs row ``k`` lacks (a middle cell cut: a tab may open it)? Typed, the line under a row is a
        row of the table's full count of tabs or the text after the table."""
        rest = self.raws[k + 1]
        if "\t" not in rest:
            return not rest[:1].isspace()
        return self._completes(k)

    def _completes(self, k: int) -> bool:
        """Do row ``k``'s tabs and those of the line under it make the count of the row above or the row under both?"""
        both = self.raws[k].count("\t") + self.raws[k + 1].count("\t")
        return any(0 <= r < len(self.raws) and self.raws[r].count("\t") == both for r in (k - 1, k + 2))

    def _rest_between_rows(self, k: int) -> bool:
        """Does the rest under row ``k`` lie between it and another row: the line under the rest a row of as many tabs
        as ``k`` (its last cell cut), or the rest holding the tabs ``k`` lacks (a middle cell cut)? Typed, a row's line
        under it is a row or the text after the table, never a tabless line followed by the table's next row."""
        if "\t" in self.raws[k + 1]:
            return True  # (_row_rest: the tabs ``k`` lacks)
        return k + 2 < len(self.raws) and self.raws[k + 2].count("\t") == self.raws[k].count("\t")

    def piece(self, k: int) -> str:
        """Line ``k`` as typed, its indent dropped and its tabs kept (a piece cut just after a tab ends with it)."""
        return self.raws[k].strip(" \u3000\u00a0")

    def tabs(self, k: int) -> int:
        return (self.piece(k) if self.margin else self.lines[k].text).count("\t")

    def wide(self, k: int) -> bool:
        """Was line ``k`` cut at the margin (within a wide character of it)?"""
        if self.margin is None:
            return False
        width = display_width(self.typed[k].strip())
        return width >= self.margin - 2 or ("\t" in self.raws[k] and self.row_margin is not None
                                            and width >= self.row_margin - 2)

    def goes_on(self, k: int) -> bool:
        """Can line ``k`` be the rest of the line above, cut at the margin: no blank, no indent (a tab opening it is
        the row's: the cut fell just before it)?"""
        if k >= len(self.lines) or not self.wide(k - 1) or self.lines[k].kind == "blank":
            return False
        lead = self.raws[k][:1]
        return lead == "\t" or not lead.isspace()

    def joined(self, a: int, b: int) -> str:
        return "".join(self.piece(k) for k in range(a, b)) if self.margin else self.lines[a].text

    def header(self, i: int) -> tuple[int, str] | None:
        """(end, text) of a header row of three or more labels opening at line ``i``, else None."""
        if "\t" not in self.lines[i].text or not _labels(self.lines[i].text):
            return None
        end = i + 1
        # (its last label cut at the margin: …⇥检查时间⇥责 / 任科室)
        while self.margin and self.goes_on(end) and _labels(self.joined(i, end + 1)):
            end += 1
        text = self.joined(i, end)
        return (end, text) if text.strip().count("\t") >= 2 else None

    def row(self, j: int, tabs: int) -> tuple[int, int] | None:
        """(j, end) of a row of ``tabs`` tabs opening at line ``j``, else None."""
        end = self._cells(j, tabs, len(self.lines))
        if end is None:
            return None
        # the rest of its last cell: a line with no tab under a line cut at the margin, unless a row opens there
        while (self.goes_on(end) and self.tabs(end) == 0 and self.lines[end].kind == "text"
               and heading_level(self.lines[end].text) is None
               and self._cells(end, tabs, end + self.FIRST_CELL_LINES) is None):
            end += 1
        return j, end

    def _cells(self, j: int, tabs: int, limit: int) -> int | None:
        """The end of the pieces from line ``j`` (before ``limit``) holding ``tabs`` tabs, else None."""
        if j >= len(self.lines) or self.lines[j].kind == "blank":
            return None
        count, end = self.tabs(j), j + 1
        while count < tabs and end < limit and self.margin and self.goes_on(end):
            count += self.tabs(end)
            end += 1
        return end if count == tabs else None


#: a plan's indicator table names its columns by year (指标名称⇥2025年⇥2030年目标⇥指标属性): a year with what the column
#: holds (目标, 基数, 现状值 …) is a label; a bare year (2025年) is one only beside another year label, as a schedule's
#: row (开展排查⇥2027年⇥应急局) names one year and no table's header does
RE_YEAR_LABEL = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:目标值?|基数|基期值?|现状值?|预期值?|规划值?|实际值?|完成值?|指标值?)")
RE_BARE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")


def _labels(text: str) -> bool:
    """Is ``text`` (tabs between its cells) a row of column labels?"""
    cells = [fold_digits(c.strip()) for c in text.strip().split("\t")]  # (２０２５年 as 2025年)
    years = sum(1 for c in cells if RE_YEAR_LABEL.fullmatch(c) or RE_BARE_YEAR.fullmatch(c))
    return all(RE_COLUMN_LABEL.match(c) or RE_YEAR_LABEL.fullmatch(c) or (years >= 2 and RE_BARE_YEAR.fullmatch(c))
               for c in cells)


def _cut_line_rests(lines: list[Line]) -> list[Line]:
    """A line that is no text of the notice, cut by a wrap (a PDF's margin, a phone's screen): its rest on the next
    line is that line's too. A web page's breadcrumb or information line (``…> 政务公开 > 通知`` / ``公告``;
    ``发布时间：… 来源：…浏览次`` / ``数：128``), a contact line cut before its bracket closes (``（联系人：…电话：0000-765432``
    / ``1）``), an imprint's list of organs (``抄送：市人大常委会人事代表工作委员`` / ``会，市政府督查室。``) and a closing
    formula cut after its comma (``感谢您对…的关心和支持，`` / ``欢迎继续提出宝贵意见。``). Read alone the rest was a
    title's first words, a clause, or a document of its own after the date."""
    out = [Line("text", line.text, line.lineno) if line.kind == "formula" and k and lines[k - 1].kind == "text"
           and lines[k - 1].text.rstrip()[-1:] in "，、" else line for k, line in enumerate(lines)]
    # (a formula on the line under one cut after its comma, 主持人：今天的发布会到此结束， / 谢谢大家！, ends that sentence)
    head = ""  # the cut line so far, its rests joined (an imprint's list may run over three lines)
    for i in range(1, len(out)):
        head = head or out[i - 1].text.strip()
        rest = _CUT_RESTS.get(out[i - 1].kind)
        if out[i].kind == "text" and rest is not None and rest(head, out[i].text.strip()):
            out[i] = Line(out[i - 1].kind, out[i].text, out[i].lineno)
            head += out[i].text.strip()
        else:
            head = ""
    return out


_ORGAN_GAP = "\u3000\u3000"  # how a joint notice sets its organs apart on a line


_CUT_LINE_CELLS = 20  # a line cut at a narrow screen's margin is at least this wide (a phone shows 30-40 cells)
RE_OFFICE_REST = re.compile(r"(?:党组|党委|党工委)?(?:办公室|办公厅)|党组|党委|党工委")  # an organ's office or party group, alone


def _organ_pieces(pieces: list[str]) -> tuple[str, bool]:
    """Lines of organs' names as one line, and whether a line was cut inside a name: a line whose last word is a
    whole organ (``临江市公安局``) ends it, set apart from the next; one ending in a name's first part (``临江市`` /
    ``交通运输局``, ``国家市场监`` / ``督管理总局``) goes on with the same name — only a line as wide as the widest of
    them, and wide (a line cut at the margin): a short line of a name the organ words miss (``鹤汀县人民法院``) or
    of no name (``特急``) ends where it ends."""
    widest = max(display_width(p) for p in pieces)
    joined, cut = pieces[0], False
    for before, piece in zip(pieces, pieces[1:]):
        # (a whole organ goes on with its office when the next piece is the office alone, no organ of its own:
        # ``…鄂温克族自治旗人民政府`` / ``办公室``)
        cut_here = ((not RE_ISSUER.match(joined.split()[-1]) or RE_OFFICE_REST.fullmatch(piece))
                    and display_width(before) >= max(widest - 2, _CUT_LINE_CELLS))
        joined += ("" if cut_here else _ORGAN_GAP) + piece
        cut = cut or cut_here
    return joined, cut


def _organ_line(text: str) -> bool:
    """Is ``text`` organs' names alone, one or several apart by spaces (a joint notice's heading or signature)?"""
    parts = text.split()
    return bool(parts) and all(RE_ISSUER.match(p) for p in parts)


def _wrapped_organ_lines(lines: list[Line]) -> list[Line]:
    """A joint notice's organs (over its title or its date) wrapped at a narrow width, a line cut inside an organ's
    name (a phone's screen: ``临江市应急管理局　临江市公安局　临江市`` / ``交通运输局``; ``中共青石县委办公室　青石县人民政府办`` /
    ``公室``): the lines joined into one line of the organs. Read apart, the cut pieces were body text (a clause
    under the last item, a title's first words) and the issuer the last piece alone. Lines typed one organ or a
    few whole organs a line are left as they are."""
    out = list(lines)
    i = 0
    while i < len(out):
        best = None
        for k in range(i + 1, min(i + 6, len(out))):
            span = out[i:k + 1]
            if any(p.kind not in ("text", "issuer") or _SENTENCE_MARKS.search(p.text) or heading_level(p.text.strip())
                   or p.lineno != span[0].lineno + n for n, p in enumerate(span)):
                break
            joined, cut = _organ_pieces([p.text.strip() for p in span])
            if cut and _organ_line(joined):
                best = (k, joined)
        if best is None:
            i += 1
            continue
        k, joined = best
        # (the pieces absorbed are dropped, not left blank: a blank line between an organ and a title says the
        # organ is a red-letter header, mark_titles)
        out[i:k + 1] = [Line("issuer", joined, out[i].lineno)]
        i += 1
    return out


def _imprint_rest(head: str, rest: str) -> bool:
    """Is ``rest`` the end of a ``抄送：`` list cut at the margin: organs apart by ，/、, no sentence of its own?"""
    return (bool(re.match(r"抄\s*送", head)) and head[-1:] not in "。." and len(rest) <= 40
            and not re.search(r"[；;！？!?：:]|要|应当|必须", rest) and "。" not in rest[:-1])


def _formula_rest(head: str, rest: str) -> bool:
    """Is ``rest`` the end of a closing formula cut after its comma (``…关心和支持，`` / ``欢迎继续提出宝贵意见。``)?"""
    return head[-1:] in "，," and len(rest) <= 20 and rest[-1:] in "。！!" and not re.search(r"[。！；？]", rest[:-1])


# the rest of a phone number cut at the margin (0531-8765 / XXXX。: digits, an office's masked ones, a dash), its full
# stop and nothing else
RE_NUMBER_REST = re.compile(r"[\dXx×*＊\-－]{1,12}\s*[。.；;]?\s*")


def _contact_rest(head: str, rest: str) -> bool:
    """Is ``rest`` the end of the contact line ``head``, the two joined one: its bracket left open, or (no bracket)
    the line cut at the margin inside its phone number (``联系人：…，联系电话：0531-8765`` / ``XXXX。``)?"""
    if head[:1] in "（(":
        return (head[-1:] not in ")）" and len(rest) <= 20 and rest[-1:] in ")）"
                and bool(RE_CONTACT.match(head + rest)))
    return (head[-1:].isdigit() and display_width(head) >= _CUT_LINE_CELLS and RE_NUMBER_REST.fullmatch(rest) is not None
            and bool(RE_CONTACT.match(head + rest)))


def _page_line_rest(head: str, rest: str) -> bool:
    """Is ``rest`` the end of the page line ``head`` cut at the margin: the two joined still one page line, ``rest``
    no sentence and no title's first words (a breadcrumb's last part is a short word: 公告, 政策文件)?"""
    # (a rest going on with a number cut at the margin, 发布时间：202 / 7-05-09 16:02:11 【字体：大 中 小】, may be longer)
    if len(rest) > (40 if RE_CUT_NUMBER.search(head + "\n" + rest) else 20) or re.search(r"[。；;，,！？!?]|关于", rest) or title_like(rest):
        return False
    if RE_PAGE_INFO.match(head):
        return bool(RE_PAGE_INFO.match(head + rest))
    return bool(RE_PAGE_NAV.match(head) and len(rest) <= 8 and RE_PAGE_NAV.match(head + rest))


#: a number or date cut at a line's end: ``…发布时间：202`` / ``7-05-09``, ``…办公室　2027年4月`` / ``10日``; before its 年
#: (``…办公室　　２０２７`` / ``年４月１０日``: full-width digits fill the line sooner) or an imprint's 印发 (``…12日印`` / ``发``)
RE_CUT_NUMBER = re.compile(r"\d\n[\d\-/:：年]|(?:\d|\d年|\d月)\n\d{1,2}[月日]|日\n印发|日印\n发")


def _cut_dates(lines: list[Line]) -> list[Line]:
    """A date line cut at a narrow margin inside its date (minutes' ``青石县安全生产委员会办公室　　2027年4月`` / ``10日``,
    a signing date ``2027年`` / ``4月10日``): one date line; so is an imprint's (``…办公室　　2027年4月12日印`` / ``发``).
    Read apart, the organ was the issuer, the rest the first words of the opening paragraph and the date lost."""
    out = list(lines)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if (a.kind in ("text", "issuer") and b.kind == "text" and b.lineno == a.lineno + 1 and len(b.text.strip()) <= 8
                and RE_CUT_NUMBER.search(a.text.strip() + "\n" + b.text.strip())):
            joined = classify(a.text.strip() + b.text.strip(), a.lineno)
            if joined.kind in ("date", "printed"):
                out[i:i + 2] = [joined]
        i += 1
    return out


def _meta_rest(head: str, rest: str) -> bool:
    """Is ``rest`` the end of an information box's field cut at the margin (``标题：柘川县人民政府办公室关于做好`` /
    ``春季森林防火工作的通知``, ``索引号：…/2027-000`` / ``31``): no field of its own, no sentence, and the title field
    joined a title, or a number going on?"""
    if len(rest) > 40 or RE_META.match(rest) or re.search(r"[。；;，,！？!?]", rest):
        return False
    if RE_CUT_NUMBER.search(head + "\n" + rest):
        return True
    m = re.match(r"\s*标题\s*[:：]\s*(.*)$", head)
    return bool(m) and bool(RE_TITLE.match(m.group(1) + rest) or title_like(m.group(1) + rest))


def attachment_rest(head: str, rest: str) -> bool:
    """Is ``rest`` the end of an enclosure's name cut at the margin (``附件：1.蓼湾区2026年“安全生产月”`` / ``活动方案``,
    ``附件1：…活`` / ``动方案``): a wide line that names an enclosure, and a short rest with no number, mark or bracket of
    its own. (A bare ``附件`` over the enclosure's title is no cut: its title is the next line's own.)"""
    return (bool(RE_ATTACHMENT_NAMED.match(head)) and display_width(head) >= _CUT_LINE_CELLS and head[-1:] not in "。；）)"
            and len(rest) <= 20 and not re.search(r"[。；;，,：:！？!?（）()]", rest)
            and heading_level(rest) is None and not RE_ATTACHMENT_ENTRY.match(rest))


#: an attachment line that names its enclosure (``附件：…``, ``附件2：…``, a list's entry ``2.…`` after ``附件：1.…``)
RE_ATTACHMENT_NAMED = re.compile(r"^\s*(?:附件\s*\d{0,2}\s*[:：]\s*\S|\d{1,2}\s*[.、．]\s*\S)")

# what the rest of each kind of line cut at the margin looks like (_cut_line_rests)
_CUT_RESTS = {"url": _page_line_rest, "contact": _contact_rest, "printed": _imprint_rest, "formula": _formula_rest,
              "meta": _meta_rest}


#: a flowchart's box typed on a line of its own: a short phrase, no sentence mark, no item number
RE_ARROW_LINE = re.compile(r"^\s*[→↓↑⇒⇓]\s*$")
RE_CHART_BOX = re.compile(r"^\s*[^。；;，,：:！？!?]{1,20}\s*$")


def _chart_boxes(lines: list[Line]) -> list[Line]:
    """A flowchart typed one box a line with arrows between (``事故发生`` / ``↓`` / ``信息报告（区应急管理局）``):
    the boxes next to an arrow line are the chart's too. Read alone they were clauses, and a box that
    named an organ (``（区应急管理局）``) a new notice's title. Only text and title lines of a box's shape
    right above or below an arrow alone on its line (no blank between: the next notice's title after a
    chart of one line, ``事故报告→先期处置→…``, is no box), never the chart's own title (``…流程图``)."""
    out = list(lines)
    arrows = [i for i, line in enumerate(lines) if line.kind == "chart" and RE_ARROW_LINE.match(line.text)]
    for i in arrows:
        for j in (i - 1, i + 1):
            if not 0 <= j < len(lines):
                continue
            line = lines[j]
            if (line.kind in ("text", "title") and RE_CHART_BOX.match(line.text) and heading_level(line.text) is None
                    and not line.text.rstrip().endswith("图")):
                out[j] = Line("chart", line.text, line.lineno)
    for i, line in enumerate(lines[:-1]):
        # a chart's line of steps cut at the margin (a phone's copy: ``事故报告→先期处置→启动响应→现场`` / ``处置→响应终止``):
        # its rest, steps and arrows with no sentence mark right under it, is the chart's too (it read as a paragraph)
        rest = lines[i + 1]
        if (line.kind == "chart" and not RE_ARROW_LINE.match(line.text) and rest.kind in ("text", "title")
                and RE_CHART_REST.match(rest.text) and heading_level(rest.text.strip()) is None and (re.search(r"[→↓⇒]|->", rest.text)
                                                         or re.search(r"(?:[→↓⇒]|->)\s*$", line.text))):
            out[i + 1] = Line("chart", rest.text, rest.lineno)
    return out


#: the box-drawing characters a flowchart's or a table's frame is drawn with (``┌─┬─┐``, ``│``, ``└─┴─┘``)
RE_BOX_DRAWING = re.compile("[\u2500-\u257f]")
#: what a line of a frame drawn with them holds besides its borders and sides: at most the short phrases of its boxes
#: (no sentence mark; a border as wide as the page is no limit)
RE_DRAWN_LINE = re.compile("^[^。；;，,！？!?]{0,40}$")
#: an arrow between a chart's boxes, alone or with the short label of a decision's branch (``↓ 是``, ``↓ 否``)
RE_ARROW_LABEL = re.compile(r"^\s*[→↓↑⇒⇓]\s*[^。；;，,：:！？!?\s]{0,4}\s*$")
#: an arrow drawn between two boxes on their line (``│ 报告 │→│ 核实 │``, ``──→``): a frame's character or the line's end on
#: either side of it, not a cell's text (``│ 同比↑5% │``)
RE_BOX_ARROW = re.compile("(?:^|[\u2500-\u257f])\\s*[→↓↑⇒⇓←⇐]+\\s*(?:[\u2500-\u257f]|$)")


def _arrow_of_chart(line: Line) -> bool:
    """Is ``line`` a chart's arrow: a line of arrows and steps, an arrow alone on its line, or one between boxes?"""
    if RE_BOX_DRAWING.search(line.text):
        return RE_BOX_ARROW.search(line.text) is not None
    return line.kind == "chart" or RE_ARROW_LABEL.match(line.text) is not None


def _drawn_line(line: Line) -> bool:
    """Is ``line`` part of a figure drawn in text: a line of box-drawing characters (a frame's border, or its sides
    around a short phrase), an arrow (with a branch's label), or a line already read as a chart's?"""
    if line.kind == "chart":
        return True
    if line.kind == "blank":
        return False
    if RE_BOX_DRAWING.search(line.text):
        return RE_DRAWN_LINE.match(RE_BOX_DRAWING.sub("", line.text)) is not None
    return RE_ARROW_LABEL.match(line.text) is not None


def _drawn_charts(lines: list[Line]) -> list[Line]:
    """A flowchart drawn with box characters (``┌──┐`` / ``│ 事故发生 │`` / ``└─┬─┘`` / ``↓`` / …): each run of drawn
    lines (blank lines between them allowed) that holds an arrow is a chart, every line of it. Read line by line, a
    box's sides (``│ 启动应急响应 │``) and the borders no arrow stood next to were text: the whole chart one clause. A
    frame with no arrow in it (a table drawn with box characters) is no chart and is read as before."""
    out = list(lines)
    i, n = 0, len(lines)
    while i < n:
        if not _drawn_line(lines[i]):
            i += 1
            continue
        run, j = [], i
        while j < n and (lines[j].kind == "blank" or _drawn_line(lines[j])):
            if lines[j].kind != "blank":
                run.append(j)
            j += 1
        if any(RE_BOX_DRAWING.search(lines[k].text) for k in run) and any(_arrow_of_chart(lines[k]) for k in run):
            for k in run:
                out[k] = Line("chart", lines[k].text, lines[k].lineno)
        i = j
    return out


#: the rest of a chart's line of steps: steps and arrows, no sentence mark, no item number
RE_CHART_REST = re.compile(r"^\s*(?:[→↓⇒]|->)?\s*(?:[^。；;，,：:！？!?\s→↓⇒]{1,16}\s*(?:→|⇒|↓|－>|->|—>)\s*)*"
                           r"[^。；;，,：:！？!?\s→↓⇒]{1,16}\s*$")


#: a place's name alone (蓼湾区, 青石县, 东川省): how a government that prints no organ signs
RE_PLACE_ONLY = re.compile(r"^\s*[\u4e00-\u9fff]{1,10}(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗|镇|乡)\s*$")


#: a team set up for one task signing its report (``蓼湾区“4·12”一般火灾事故调查组``): no standing organ
RE_TEAM_ONLY = re.compile(r"^\s*[\u4e00-\u9fff“”\"·．.\d]{2,40}(?:调查组|督导组|检查组|工作组|调研组|巡查组|督查组|评估组|核查组)\s*$")
# an enterprise group or a ministry's department signing its own document (``岚溪能源集团有限公司``, ``…冶金安全监察司``):
# only over the date, as a place's name (a company named between lines of text is one of a list)
RE_BODY_ONLY = re.compile(r"^\s*[\u4e00-\u9fff（）()]{2,40}(?:集团|司)\s*$")


def _place_signatures(lines: list[Line]) -> list[Line]:
    """A place's name alone on the line right before the date line, after the body, is the signature
    (``蓼湾区`` / ``2027年2月26日``): it was a clause of the last item. Only there: a place's name between
    lines of text is a heading of a list by place. So is a task team's name there (an accident report's
    ``…事故调查组``), and right under the title, its byline (a 调研报告's ``某局调研组``): a team is no standing organ
    that a line of its own would name otherwise; and an enterprise group's or a ministry department's name
    (``…集团有限公司``, ``…司``)."""
    out = list(lines)
    meaningful = [i for i, line in enumerate(out) if line.kind not in _TRANSPARENT]
    for n, i in enumerate(meaningful[1:-1], start=1):
        before, after = out[meaningful[n - 1]].kind, out[meaningful[n + 1]].kind
        if out[i].kind == "text" and RE_TEAM_ONLY.match(out[i].text) and before == "title":
            out[i] = Line("issuer", out[i].text, out[i].lineno)
        elif (out[i].kind == "text" and (RE_PLACE_ONLY.match(out[i].text) or RE_TEAM_ONLY.match(out[i].text)
                                         or RE_BODY_ONLY.match(out[i].text))
                and after == "date" and before == "text"):
            out[i] = Line("issuer", out[i].text, out[i].lineno)
    return out


def _wrapped_signatures(lines: list[Line]) -> list[Line]:
    """A long signature wrapped over two lines right before the date (a phone's screen, a narrow column:
    ``汀阜县鑫源化工有限公司“3·21”中毒`` / ``窒息事故调查组`` / ``2027年5月10日``), after a closed sentence: one
    signature. Read apart, the first piece was a clause of the last item and the issuer the second piece alone."""
    out = list(lines)
    meaningful = [i for i, line in enumerate(out) if line.kind not in _TRANSPARENT]
    for n in range(2, len(meaningful)):
        a, b, date = (out[meaningful[n - 2]], out[meaningful[n - 1]], out[meaningful[n]])
        if not (date.kind == "date" and a.kind == "text" and b.kind in ("text", "issuer")
                and not _SENTENCE_MARKS.search(a.text + b.text)):
            continue
        joined = a.text.strip() + b.text.strip()
        before = out[meaningful[n - 3]] if n >= 3 else None
        if ((RE_ISSUER.match(joined) or RE_TEAM_ONLY.match(joined))
                and (before is None or before.kind != "text" or _last_mark(before.text.strip()) in PARAGRAPH_END)):
            out[meaningful[n - 2]] = Line("issuer", joined, a.lineno)
            out[meaningful[n - 1]] = Line("blank", "", b.lineno)
    return out


RE_PARTICIPANTS = re.compile(r"^\s*(?:参会|参加|与会)(?:会议)?(?:人员|单位|领导|同志)\s*[:：]")


def _wrapped_name_lists(lines: list[Line]) -> list[Line]:
    """A list of who attended cut at the margin after a name's 、 (``参会人员：吴某某、郑某某、钱某某、`` / ``冯某某``, a phone's
    copy): the rest, short and no sentence, is the list's. Read apart it was a clause of the minutes."""
    out = list(lines)
    i = 0
    last = None  # the source line the joined list ends on (the next piece must follow it)
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        head = a.text.strip()
        if (a.kind in ("text", "attendance") and (RE_PARTICIPANTS.match(head) or RE_ATTENDANCE.match(head))
                and _name_cut(head, b.text.strip()) and b.kind in ("text", "issuer")
                and b.lineno == (last or a.lineno) + 1
                and len(b.text.strip()) <= 40 and not re.search(r"[。；;：:！？]", b.text)):
            out[i:i + 2] = [Line(a.kind, head + b.text.strip(), a.lineno)]
            last = b.lineno
            continue
        i, last = i + 1, None
    return out


def _name_cut(head: str, rest: str) -> bool:
    """Was a list of names cut between ``head`` and ``rest``: after a name's 、 or ，, inside a name's remark (``李成刚（市应急管理``
    / ``局）``: a bracket left open), or before a mark no line opens with (``赵明`` / ``，市应急管理局…``, a phone that
    breaks lines anywhere)? A remark closed on its line (``赵明（市住建局）``) says nothing."""
    return (head.endswith(("、", "，", ",", "（", "("))
            or head.count("（") + head.count("(") > head.count("）") + head.count(")")
            or rest.startswith(("、", "，", ",", "）", ")")))


def _attendance_lists(lines: list[Line]) -> list[Line]:
    """``参会人员：吴某某、郑某某`` next to ``列席人员：…`` (the attendance lines after minutes): attendance too. Alone it
    stays text: in a meeting notice ``参会人员：各乡镇分管负责同志`` says who is to come (an instruction)."""
    out = _wrapped_name_lists(lines)
    meaningful = [i for i, line in enumerate(out) if line.kind not in _TRANSPARENT]
    minutes_from = next((i for i, line in enumerate(out) if line.kind == "title" and "纪要" in line.text), len(out))
    for n, i in enumerate(meaningful):
        if out[i].kind != "text" or not RE_PARTICIPANTS.match(out[i].text) or len(out[i].text) >= 120:
            continue
        around = [out[meaningful[m]].kind for m in (n - 1, n + 1) if 0 <= m < len(meaningful)]
        # (…or alone after the text of minutes, no text after it: who attended, as 出席：… there; a meeting notice's
        # 参会人员：… says who is to come, in its text)
        after = [out[j] for j in meaningful[n + 1:n + 3]]
        if after and after[0].kind == "text" and _list_rest(after[0].text) and (len(after) < 2 or after[1].kind != "text"):
            after = after[1:]  # (the list's rest wrapped at the margin, …及有关部 / 门负责同志: read with it below)
        if "attendance" in around or (i > minutes_from and n > 0 and out[meaningful[n - 1]].kind == "text"
                                      and (not after or after[0].kind != "text")):
            out[i] = Line("attendance", out[i].text, out[i].lineno)
    # the rest of an attendance line wrapped at the margin (…县住房和 / 城乡建设局主要负责同志), at the end of the
    # text or before its imprint: no sentence, nothing but the list going on
    for n, i in enumerate(meaningful):
        after = out[meaningful[n + 1]].kind if n + 1 < len(meaningful) else None
        if (n and out[meaningful[n - 1]].kind == "attendance" and out[i].kind == "text" and after != "text"
                and _list_rest(out[i].text)):
            out[i] = Line("attendance", out[i].text, out[i].lineno)
    return out


def _list_rest(text: str) -> bool:
    """Can ``text`` be the rest of an attendance line wrapped at the margin: short, no sentence?"""
    return len(text.strip()) <= 40 and not re.search(r"[。；！？：:]", text)


def _organ_headings(lines: list[Line]) -> list[Line]:
    """An organ's name on a line of its own between lines of body text (a duty list, 任务分工 or
    责任清单: ``县应急管理局`` over ``1.负责……`` / ``负责……``) is the heading of the duties under it, not a
    signature: text. A signature is followed by its date or the end, a running header stands by a
    page number (``_running_headers``). Right under the title or addressee only where a second such
    line follows (a list of organs; one organ's name under a title is a byline)."""
    out = list(lines)
    meaningful = [i for i, line in enumerate(out) if line.kind not in _TRANSPARENT]
    candidates = []
    for n, i in enumerate(meaningful):
        if out[i].kind != "issuer" or n == 0 or n + 1 >= len(meaningful):
            continue
        prev, nxt = out[meaningful[n - 1]], out[meaningful[n + 1]]
        if nxt.kind == "text" and prev.kind in ("text", "title", "addressee", "subtitle"):
            candidates.append((i, prev.kind == "text"))
    if any(in_body for _, in_body in candidates):
        for i, in_body in candidates:
            if in_body or len(candidates) >= 2:
                out[i] = Line("text", out[i].text, out[i].lineno)
    return out


def _running_headers(lines: list[Line]) -> list[Line]:
    """An organ's name (or its 版头's ``…文件``) next to a page number, between lines of running text, is the next page's
    running header (a PDF's text copied into a .txt or a web page keeps it), a page mark: read as
    an issuer line it cut the paragraph running over the page break. A signature there is followed
    by its date, a notice's first line by its title: both stay."""
    out = list(lines)
    for i, line in enumerate(out):
        # (a 版头's 鹭汀市人民政府办公室文件 printed again at each page's top too: on the first page a title or a number
        # follows it, on the next ones the running text, which read as a 版头 it cut into a document of its own)
        if line.kind not in ("issuer", "redhead"):
            continue
        near = [next((out[j].kind for j in span if out[j].kind != "blank"), None)
                for span in (range(i - 1, -1, -1), range(i + 1, len(out)))]
        text = [next((out[j].kind for j in span if out[j].kind not in ("blank", "page")), None)
                for span in (range(i - 1, -1, -1), range(i + 1, len(out)))]
        if "page" in near and text == ["text", "text"]:  # (the header comes before or after the number)
            out[i] = Line("page", line.text, line.lineno)
    return out


#: the longest running header read (a gazette's name and issue, 澄州市人民政府公报  2027年第3期; a plan's title)
_LONGEST_HEADER = 40


def _repeated_headers(lines: list[Line]) -> list[Line]:
    """A line of text at a page's top or foot (beside a page mark past blank lines, or the text's first line: the first
    page's top) that the text holds twice or more there, word for word, is a PDF's running header
    (``澄州市人民政府公报  2027年第3期``; a plan's title over its pages), a page mark: read as text it ran into the heading
    under it (``…公报2027年第3期二、主要任务``) or was a clause. Not a sentence (no closing mark at its end), a numbered
    heading or a long line; only the lines at a page's edge (a table's header row repeated over a page keeps its first
    line); an organ's name is ``_running_headers``'s (a signature repeats it)."""
    edges: dict[int, str] = {}  # line index -> its text, for the candidates at a page's edge
    first = next((k for k, line in enumerate(lines) if line.kind != "blank"), None)
    for k, line in enumerate(lines):
        if line.kind != "page":
            continue
        for step in (-1, 1):  # (the nearest non-blank line each way: each blank run is crossed from its two ends only)
            j = k + step
            while 0 <= j < len(lines) and lines[j].kind == "blank":
                j += step
            if 0 <= j < len(lines) and (t := _header_key(lines[j])) is not None:
                edges[j] = t
    if not edges:
        return lines
    if first is not None and (t := _header_key(lines[first])) is not None:
        edges[first] = t
    counts = Counter(edges.values())
    return [Line("page", line.text, line.lineno) if counts[edges.get(k, "")] >= 2 else line
            for k, line in enumerate(lines)]


def _header_key(line: Line) -> str | None:
    """A text line's words without blanks, where it may be a running header, else None."""
    t = re.sub(r"\s+", "", line.text)
    if line.kind != "text" or len(t) > _LONGEST_HEADER or _last_mark(t) in CLOSERS or heading_level(t) is not None:
        return None
    return t


_HEADER_BEFORE = (None, "title", "docnum", "meta", "adopted", "subtitle")
# whom an appeal, a 通告 or a speech addresses, right under its title (a speech's: under its speaker and date):
# ``全市广大企业和企业职工：``, ``广大市民朋友们：``, ``同志们：``, ``各位代表：`` (no 各…, so RE_ADDRESSEE misses it);
# a list of people, no sentence
RE_VOCATIVE = re.compile(r"^\s*[^。；，！？：:]{0,40}(?:职工|朋友|群众|市民|居民|村民|同志|家长|师生|同学|企业|单位|经营户|从业人员|驾驶人|代表|委员)们?"
                         r"\s*[:：]\s*$")


# the organs or enterprises a notice is sent to, right under its title (a 约谈 notice to a company or to several,
# a 批复 to the bureau that asked): ``霁山县顺达运输有限公司：``, ``县应急管理局：``, ``甲有限公司、乙有限公司：``
# (names apart by 、, a colon, nothing else)
_ADDRESSED_NAME = (r"[\u4e00-\u9fff（）()]{2,40}?(?:有限公司|有限责任公司|公司|集团|厂|矿|站|中心|医院|学校|协会|"
                   r"人民政府|委员会|办公室|办公厅|管委会|办事处|局|厅|委|办|支队|大队)")
RE_ONE_ADDRESSEE = re.compile(rf"^\s*{_ADDRESSED_NAME}(?:\s*[、，,]\s*{_ADDRESSED_NAME}){{0,9}}\s*[:：]\s*$")
# the sections of a zone or an organ, each kind of them named with 各 but not at the line's start (so RE_ADDRESSEE
# misses it): ``新区各部门，各园区管理办公室，区内各危险化学品企业：``, ``各街道办事处，管委会各部门：``; every piece ends in a
# kind of organ or of an enterprise's units (公司各车队：); a line telling them what to do, 新区各部门要做好以下工作：, does not
# (a county bureau's own sections are 股室: 局机关各股室, 局机关各股室，县应急管理综合行政执法大队：, a piece named
# whole, RE_ONE_ADDRESSEE's, among them)
_EACH_ORGANS = r"[\u4e00-\u9fff（）()]{0,12}各[\u4e00-\u9fff（）()]{0,16}?(?:部门|单位|企业|办公室|办事处|机构|人民政府|园区|乡镇|街道|处室|科室|股室|站所|车队|分公司|子公司|项目部|班组)"
_ANY_ADDRESSED = rf"(?:{_EACH_ORGANS}|{_ADDRESSED_NAME})"
RE_EACH_ADDRESSEE = re.compile(rf"^\s*{_EACH_ORGANS}(?:\s*[、，,]\s*{_ANY_ADDRESSED}){{0,9}}\s*[:：]\s*$")


# the speaker under a speech's title, over its date (在全县安全生产工作会议上的讲话 / 县委书记 / （2027年2月15日）): a post
# with no name after it, or a party secretary's (县委书记　韩某某), which RE_SIGNER (an organ's post and a name) misses;
# only there: a post alone elsewhere heads a duty list's items (segment.RE_POST)
RE_SPEECH_TITLE = re.compile(r".*(?:讲话|讲话稿|讲话提纲|主持词|致辞|发言|工作报告)\s*(?:[（(][^（）()]{1,20}[)）])?\s*$")
RE_SPEAKER = re.compile(r"\s*[\u4e00-\u9fff]{0,20}?(?:常务)?副?(?:书记|省长|市长|县长|区长|州长|盟长|旗长|乡长|镇长|主席|部长|局长|"
                        r"厅长|署长|主任|总监)(?:[\s\u3000]+[\u4e00-\u9fff]{2,4})?\s*")


def _speaker(lines: list[Line], meaningful: list[int], n: int) -> bool:
    """Is ``lines[meaningful[n]]`` a speaker's post right under a speech's title and over its date or audience?"""
    i = meaningful[n]
    s = lines[i].text.strip()
    if n == 0 or len(s) > 40 or not RE_SPEAKER.fullmatch(s):
        return False
    title = lines[meaningful[n - 1]]
    nxt = lines[meaningful[n + 1]] if n + 1 < len(meaningful) else None
    return (title.kind == "title" and RE_SPEECH_TITLE.match(title.text) is not None and nxt is not None
            and (nxt.kind == "date" or RE_VOCATIVE.match(nxt.text) is not None))


def _join_wrapped_headers(lines: list[Line]) -> list[Line]:
    """A long addressee line (各省、自治区…，新疆生产建设兵团… / …住房和城乡建设局：) or a regulation's
    adoption remark (（2027年…第十四届人民代表大 / 会常务委员会第十二次会议批准）) wrapped over up to four
    lines, right under the title or number: joined into the one header line it is, so its pieces are
    no preamble clauses (and a piece that reads like an addressee, 各成员单位：, starts no notice)."""
    out = list(lines)
    meaningful = [i for i, line in enumerate(out) if line.kind not in _TRANSPARENT]
    prev = None
    for n, i in enumerate(meaningful):
        line = out[i]
        if line.kind == "blank":  # absorbed into the header line before it
            continue
        if line.kind == "text" and prev == "title" and _speaker(out, meaningful, n):
            out[i] = Line("signer", line.text, line.lineno)  # 县委书记 under a speech's title (RE_SPEAKER)
        elif line.kind == "text" and prev in ("title", "docnum", "signer", "date") and RE_VOCATIVE.match(line.text):
            out[i] = Line("addressee", line.text, line.lineno)
        elif line.kind == "text" and prev in ("title", "docnum") and (RE_ONE_ADDRESSEE.match(line.text)
                                                                   or RE_EACH_ADDRESSEE.match(line.text)):
            out[i] = Line("addressee", line.text, line.lineno)
        elif line.kind == "text" and prev in _HEADER_BEFORE and (line.text.lstrip()[:1] in "各（("
                                                                  or not re.search(r"[。；;：:！？]", line.text)):
            # (各… / （…: an addressee or adoption remark; a line of names without a sentence mark: the
            # enterprises a notice is sent to, wrapped — only a join that classifies as one is taken)
            joined = line.text.strip()
            for k, j in enumerate(meaningful[n + 1:n + 4], start=1):
                if out[j].kind not in ("text", "addressee"):
                    break
                joined += out[j].text.strip()
                kind = classify(joined, line.lineno).kind
                if prev in ("title", "docnum") and (RE_ONE_ADDRESSEE.match(joined) or RE_EACH_ADDRESSEE.match(joined)):
                    kind = "addressee"  # (wrapped: 局机关各股室，县应急管理综合行政执 / 法大队：)
                if kind in ("addressee", "adopted"):
                    out[i] = Line(kind, joined, line.lineno)
                    for absorbed in meaningful[n + 1:n + 1 + k]:
                        out[absorbed] = Line("blank", "", out[absorbed].lineno)
                    break
        prev = out[i].kind
    return out


def _title_remarks(lines: list[Line]) -> list[Line]:
    """``某县…三年行动实施方案`` / ``（2027—2029年）``, ``某市…办法`` / ``（试行）``: the remark on the line
    under a title is part of it (not a preamble clause)."""
    out = list(lines)
    for i, line in enumerate(out):
        if line.kind != "title":
            continue
        j = i + 1
        while j < len(out) and out[j].kind in _TRANSPARENT:
            j += 1
        # (a period typed in full-width digits, （２０２７—２０２９年）, is the title's remark as the half-width one is)
        if j < len(out) and out[j].kind in ("text", "title") and RE_TITLE_REMARK.match(fold_digits(out[j].text)):
            out[i] = Line("title", line.text.strip() + out[j].text.strip(), line.lineno)
            out[j] = Line("blank", "", out[j].lineno)
    return out


# the last words of a title wrapped at the margin, opening with what closes the title's quoted name or
# with its 的: ``》的起草说明``, ``的通知`` (no title and no sentence starts so)
# The tail may open with the title's remark before the 》 (``（试行）》的通知``, ``（2027—2029年）》的通知``: the quoted
# name cut before its remark), the remarks RE_TITLE_REMARK reads under a title; it was read as a second title and lost.
RE_TITLE_TAIL = re.compile(rf"^\s*(?:[（(]\s*(?:{_TITLE_REMARK_WORDS})\s*[)）]\s*(?=》))?"
                           r"(?:[》〉）)”]+\s*的?|的)[^。；，,！？!?：:]{1,20}$")
_SENTENCE_MARKS = re.compile(r"[。；，,！？!?：:]")
# a line opening with the mark that ends or cuts the sentence of the line above (a copy wrapped with no rule
# keeping marks off a line's start)
RE_SENTENCE_GOES_ON = re.compile(r"^\s*[。，,；;：:！？!?、]")


def _title_tails(lines: list[Line]) -> list[Line]:
    """A title wrapped where no line patterns can tell it (``国务院办公厅转发…工作意见`` / ``的通知``; after an
    unsigned draft, ``关于《…办法（征求意见稿）`` / ``》的起草说明``): a tail line opening with ``》``/``的``
    right under the title's first part is the title's end, joined to it. It read as a body line, or as a
    title of its own (``》的起草说明``) that opened a document."""
    out = list(lines)
    for i in range(1, len(out)):
        head, tail = out[i - 1], out[i]
        if head.kind == "title" and tail.kind == "text" and RE_SENTENCE_GOES_ON.match(tail.text):
            # 会议听取了…关于…情况的汇报 / 。会议指出…: a body line cut at the margin before its full stop, no title
            out[i - 1] = Line("text", head.text, head.lineno)
            continue
        if not (tail.kind in ("text", "title") and RE_TITLE_TAIL.match(fold_digits(tail.text))):
            continue
        if not _title_part(head):
            continue
        top = i - 1
        # (a title over three lines, 某县…转发市安 / 委办关于…工作 / 的通知: its first line too, where the three read as one)
        if top > 0 and _title_part(out[top - 1]) and out[top - 1].lineno == head.lineno - 1 and RE_TITLE.match(
                out[top - 1].text.strip() + head.text.strip() + tail.text.strip()):
            top -= 1
        joined = "".join(out[k].text.strip() for k in range(top, i + 1))
        if RE_TITLE.match(joined) or title_like(joined):
            out[top] = Line("title", joined, out[top].lineno)
            for k in range(top + 1, i + 1):
                out[k] = Line("blank", "", out[k].lineno)
    return out


def _title_part(line: Line) -> bool:
    """Can ``line`` be a line of a title wrapped over lines (short, no sentence mark, no item number)?"""
    s = line.text.strip()
    return (line.kind in ("text", "title", "issuer") and 0 < len(s) <= 60 and not _SENTENCE_MARKS.search(s)
            and heading_level(s) is None)


def _titles_after_addressee(lines: list[Line]) -> list[Line]:
    """A title-shaped line right under the addressee, the next line going on with its sentence (``各乡镇人民政府：``
    / ``《泊川县2027年度安全生产工作要点》`` / ``已经县政府…同意，现``): the body's first line, cut where the quoted
    name ends (a copy wrapped narrow, as a phone shows it), no title: a title never follows the addressee. It
    was read as a title line and dropped from the body. So too a decree's announcement under its number cut where
    the rules' quoted name ends (``第15号`` / ``《…办法》`` / ``已经…常务会议审议通过，现予公布``): a title of the rules
    is never quoted, and a decree's number is followed by its announcement."""
    out = list(lines)
    for i in range(1, len(out) - 1):
        if out[i].kind != "title" or not (out[i - 1].kind == "addressee" or _announced_name(out, i)):
            continue
        # (the next line past those a joined title absorbed, blank now; scanned by index, not over a slice)
        nxt = next((out[j] for j in range(i + 1, len(out)) if out[j].kind != "blank"), None)
        if nxt is not None and nxt.kind == "text" and heading_level(nxt.text.strip()) is None:
            out[i] = Line("text", out[i].text, out[i].lineno)
    return out


def _announced_name(lines: list[Line], i: int) -> bool:
    """Is line ``i`` a quoted name alone (``《…办法》``) under a decree's lines (blank lines between), the next line
    going on with the announcement (``已经…`` / ``经…``)?"""
    prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].kind != "blank"), None)
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].kind != "blank"), None)
    return (prev is not None and prev.kind == "decree" and nxt is not None
            and bool(RE_QUOTED_NAME_LINE.match(lines[i].text)) and bool(RE_ANNOUNCED.match(nxt.text)))


RE_QUOTED_NAME_LINE = re.compile(r"^\s*《[^《》]+》\s*$")
#: the announcement a decree's quoted rules go on with (``已经…审议通过``, ``经…同意``, ``已于…通过``)
RE_ANNOUNCED = re.compile(r"^\s*(?:已经|已于|经)")


RE_TOC = re.compile(r"^\s*目\s*录\s*$")


def _toc_key(text: str) -> str:
    """An entry without spaces, dot leaders and page number: ``1 总则……3`` -> ``1总则``."""
    return re.sub(r"[.…·．]*\d*$", "", re.sub(r"\s+", "", text))


def _table_of_contents(lines: list[Line]) -> list[Line]:
    """``目录`` and the headings listed under it (a long plan's table of contents, often with dot
    leaders and page numbers) are no body text: they end where the body repeats the first entry.
    Without such a repeat nothing is taken (a line reading 目录 that heads no contents)."""
    out = list(lines)
    for i, line in enumerate(out):
        if line.kind != "text" or not RE_TOC.match(line.text):
            continue
        entries: list[int] = []
        for j in range(i + 1, min(len(out), i + 400)):
            entry = out[j]
            if entry.kind in _TRANSPARENT:
                continue
            if entries and _toc_key(entry.text) == _toc_key(out[entries[0]].text):
                for k in [i, *entries]:
                    out[k] = Line("toc", out[k].text, out[k].lineno)
                break
            if entry.kind not in ("text", "title") or len(entry.text.strip()) > 60 or re.search(r"[。；，]", entry.text):
                break
            entries.append(j)
    return out


RE_ATTACHMENT_FIRST = re.compile(r"^\s*附件\s*[:：]?\s*(\d{1,2})\s*[.、．]")
RE_ATTACHMENT_ENTRY = re.compile(r"^\s*(\d{1,2})\s*[.、．]\s*[^。；，,：:！？!?]{2,60}$")


def _attachment_lists(lines: list[Line]) -> list[Line]:
    """``附件：1.某某职责`` / ``2.某某分布表``: the list of attachments goes on over the next lines, each
    entry named by the next number and no sentence; those lines are attachment lines too, not a
    numbered item of the body."""
    out = list(lines)
    last = None  # the number of the last attachment entry, while a list is open
    head = ""  # the last entry so far, its rests joined, while the next line may be its rest (attachment_rest)
    for i, line in enumerate(out):
        if line.kind == "attachment":
            m = RE_ATTACHMENT_FIRST.match(line.text)
            last, head = int(m.group(1)) if m else 0, line.text.strip()
            continue
        if line.kind in _TRANSPARENT:
            head = ""
            continue
        if head and line.kind in ("text", "title") and attachment_rest(head, line.text.strip()):
            # (an entry cut at a phone's margin, ``附件：1.…“安全生产月”`` / ``活动方案``: its rest, not a title)
            out[i] = Line("attachment", line.text, line.lineno)
            head += line.text.strip()
            continue
        m = RE_ATTACHMENT_ENTRY.match(line.text) if last is not None and line.kind == "text" else None
        if m and int(m.group(1)) == last + 1:
            out[i] = Line("attachment", line.text, line.lineno)
            last, head = last + 1, line.text.strip()
        else:
            last, head = None, ""
    return out


# A title that does not say 关于 (``某市2027年安全生产工作要点``, ``某县森林火灾应急预案``,
# ``某市安全生产条例（2027—2029年）``, ``某市“十五五”安全生产规划``, ``安全生产倡议书``, ``《某办法》政策解读``,
# ``某县安全生产约谈制度``, ``…标准化建设指南``, ``…目标责任书``, ``…工作情况简报``, ``…成员单位工作职责``,
# an open letter to the public ``致全县中小学生家长的一封信``, ``…公开信``, an answer ``对…第12号提案的答复``):
# only where a document can start (see mark_titles).
RE_TITLE_GENRE = re.compile(
    # (an interpretation as a picture names itself first: 图解：…, 一图读懂｜…)
    rf"^\s*(?:{PICTURE_PREFIX})?(《)?[^。；，,：:！？!?]{{2,60}}?(?:工作要点|要点|方案|预案|条例|规定|办法|细则|规则|通知|通告|公告|通报|意见|决定|决定书|计划|函|提示|纪要|清单|任务分工|分工表|分解表"
    r"|规划|规划纲要|倡议书|解读|问答|一问一答|答记者问|工作安排|制度|指南|指引|导则|责任书|简报|报告|汇报|批复|职责|提醒|讲话|讲话提纲|讲话稿|主持词|起草说明|工作总结|工作打算|检查表|排查表|自查表|一封信|公开信|答复"
    # a local 技术规范, an enforcement order (责令限期整改指令书, 责令改正通知书, 整改复查意见书), a press conference's
    # transcript (…新闻发布会实录), a briefing under another name (…工作动态, …工作快报, 值班专报), a template's 承诺书,
    # a 安委办's 督办单 / 交办单 and an enterprise's 告知书; a book for inspectors or cadres (…执法手册) and a collection
    # of rules (…法规规章汇编)
    r"|规范|指令书|通知书|意见书|实录|动态|快报|专报|承诺书|督办单|交办单|告知书|手册|汇编)\s*"
    r"(?(1)》)\s*(?:[（(][^（）()]{1,20}[)）])?\s*$")
_TRANSPARENT = {"blank", "page", "url"}


def title_like(text: str) -> bool:
    s = text.strip()
    return (len(s) <= 60 and bool(RE_TITLE_GENRE.match(s)) and heading_level(s) is None
            and not RE_DATE.match(s) and not re.search(r"[。；！？]", s)
            and not RE_PAGE_NAV.match(s))  # 首页 > 政务公开 > 政策解读 ends in a genre word but is the page's path


# a post's duties named alone (镇党委书记安全生产职责 / 县长安全生产职责 / 分管领导的安全生产工作职责) over its 1.… items in a
# 责任清单: shaped as a 职责 title, but it names no place and no organ, only a post (a short qualifier before it): the
# heading of one post's duties inside the list, not a notice of its own (a document's title names its place: 岩溪县…职责)
RE_POST_DUTIES = re.compile(r"\s*[\u4e00-\u9fff（）()、]{0,12}?(?:书记|(?<![村社])(?:省|市|州|县|区|旗|乡|镇)长|主任|局长|厅长|"
                            r"部长|总监|负责人|领导干部|班子成员|分管领导|领导|组长|站长|所长)"
                            r"(?:[（(][\u4e00-\u9fff、]{1,12}[)）])?的?(?:安全生产)?(?:工作)?(?:职责|责任)\s*")


def _post_duties(text: str) -> bool:
    """``镇长安全生产职责``: a post's duties named alone, no place before the post (see RE_POST_DUTIES)."""
    s = text.strip()
    return len(s) <= 30 and not split_region(s)[0] and RE_POST_DUTIES.fullmatch(s) is not None


def _opens_notice(lines: list[Line], i: int) -> bool:
    """Does the line after ``lines[i]`` show that a notice starts at ``i``?"""
    # (scanned by index, not over slices: copying the list per title-shaped line would be quadratic)
    if _post_duties(lines[i].text):
        return False  # a post's duties inside a 责任清单 open none (RE_POST_DUTIES)
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].kind not in _TRANSPARENT), None)
    if nxt is None:
        return False
    if nxt.kind in ("docnum", "addressee", "toc", "redhead", "adopted") or RE_TITLE_REMARK.match(fold_digits(nxt.text)):
        return True
    prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].kind not in _TRANSPARENT), None)
    if (prev is not None and prev.text.rstrip()[-1:] in "。！？；" and nxt.kind in ("text", "issuer")
            and (issuer_from_title(lines[i].text) or split_region(lines[i].text)[0])):
        # 长岭市2027年…工作方案 / 某县安全生产委员会…会议纪要 on a line of its own between a finished
        # paragraph and the next one: a title that names its place or organ (also over a duty
        # list's first organ: 某县…任务分工 / 县应急管理局)
        return True
    if nxt.kind != "text":
        return False
    level = heading_level(nxt.text)
    return level in (0.4, 0.5, 0.75, 1, 3) and heading_number(nxt.text, level) == 1


def same_place(organ: str, title: str) -> bool:
    """``云岭市安全生产委员会`` over ``云岭市2027年安全生产工作要点``: the title names the organ's place
    itself, so the organ's line is the header above a complete title, not the title's first part."""
    organ, title = organ.strip(), title.strip()
    return len(organ) >= 2 and title.startswith(organ[:2]) and not title.startswith(organ)


# the words a body's first sentence opens with and no title does (``现将《岚溪市…关`` / ``于做好…的通知》转发给你们``: a
# phone's narrow lines, the first two reading as a title)
RE_BODY_OPENING = re.compile(r"^\s*(?:现将|现就|现把|根据|按照|依据|依照)")
_TITLE_LINES = 5  # the most lines a title is wrapped over (a long 关于印发《…》的通知 on a phone's screen)


def _long_title(lines: list[Line], i: int) -> tuple[str, list[int]] | None:
    """The 关于 title wrapped over three to ``_TITLE_LINES`` lines from ``lines[i]`` (each short, no sentence mark, no item
    number, text or an organ's name; page marks between them skipped): the joined title and the indices of its lines,
    the fewest lines that make one; else None."""
    parts: list[int] = []
    j = i
    while j < len(lines) and len(parts) < _TITLE_LINES:
        line = lines[j]
        if line.kind in _TRANSPARENT:
            j += 1
            continue
        s = line.text.strip()
        if (line.kind not in ("text", "issuer") or len(s) > 40 or re.search(r"[。；，！？：]", s)
                or heading_level(s) is not None):
            return None
        parts.append(j)
        joined = "".join(lines[k].text.strip() for k in parts)
        if len(parts) >= 3 and RE_TITLE.match(joined) and len(joined) <= 140:
            return joined, parts
        j += 1
    return None


def _title_ahead(lines: list[Line], j: int) -> tuple[str, int] | None:
    """The 关于 title that starts at ``lines[j]`` and the index of its last line: the line itself when it reads as a
    title, or the title it makes with the lines right under it (``关于加强2027年危险货物道路运输安全`` / ``管理的通知``, a
    phone's narrow lines without a sentence mark); else None."""
    if j >= len(lines) or not lines[j].text.lstrip().startswith("关于"):
        return None
    if lines[j].kind == "title":
        return lines[j].text.strip(), j
    joined = lines[j].text.strip()
    if lines[j].kind != "text" or re.search(r"[。；，！？：]", joined):
        return None
    for k in range(j + 1, min(j + _TITLE_LINES, len(lines))):
        s = lines[k].text.strip()
        if lines[k].kind not in ("text", "title") or re.search(r"[。；，！？：]", s) or heading_level(s) is not None:
            return None
        joined += s
        if RE_TITLE.match(joined) and len(joined) <= 140:
            return joined, k
    return None


def _organ_over_cut_title(lines: list[Line], i: int) -> tuple[str, int] | None:
    """An organ's line (``lines[i]``) right over a title without 关于 cut at the margin over two lines, the first wide
    (a phone's screen: ``　　2026年安全生产工作总结和2027年工作`` / ``打算``): the organ and the title joined (as typed, the
    organ and the title on two lines read one title) and the index of the title's last line; else None. Neither
    part is a title alone (the first) or a sentence, an item or more than a word's rest (the second)."""
    if i + 2 >= len(lines):
        return None
    a, b = lines[i + 1], lines[i + 2]
    head, rest = a.text.strip(), b.text.strip()
    if (a.kind != "text" or b.kind != "text" or display_width(head) < _CUT_LINE_CELLS or len(rest) > 10
            or re.search(r"[。；，！？：]", head + rest) or heading_level(head) is not None or heading_level(rest) is not None
            or title_like(head) or not title_like(head + rest)):
        return None
    organ = lines[i].text.strip()
    joined = organ + head + rest
    if not title_like(joined) or same_place(organ, head + rest):
        return None
    return joined, i + 2


def _joint_title_below(lines: list[Line], i: int) -> str | None:
    """Organs' lines (``lines[top..i]``: one organ or several a line, no 文件) right over a title line (no blank between)
    that opens with another organ (``澄河市应急管理局澄河市公安局`` / ``澄河市交通运输局关于开展…的通知``): the joint title
    they make; else None. A header names the title's own organ (``澄河市应急管理局`` / ``澄河市应急管理局关于…``) and stays
    one; an organ after body text is a signature (the next notice's title may follow it)."""
    nxt, organs = lines[i + 1], re.sub(r"\s+", "", lines[i].text)
    if nxt.kind != "title" or nxt.lineno != lines[i].lineno + 1 or "文件" in organs:
        return None
    title = nxt.text.strip()
    first = issuer_from_title(title)
    if not first or not title.startswith(first) or first in organs or organs in first or len(organs + title) > 140:
        return None
    return organs + title


def _joint_titles(lines: list[Line]) -> list[Line]:
    """Each joint notice's title whose first organs stand on the line(s) over it (``_joint_title_below``) joined into one
    title line; read apart, the organs' line was a header, and the title and issuer kept the last organ only."""
    out = list(lines)
    prev = None  # the last meaningful line's kind
    for i in range(len(out) - 1):
        line = out[i]
        if line.kind in _TRANSPARENT:
            continue
        if line.kind == "issuer" and prev != "text" and (joint := _joint_title_below(out, i)) is not None:
            # (organs stacked one a line over it: 澄河市应急管理局 / 澄河市公安局 / 澄河市交通运输局关于…)
            top = i
            while top > 0 and i - top < 4 and out[top - 1].kind == "issuer" and out[top - 1].lineno == out[top].lineno - 1:
                top -= 1
            joint = "".join(re.sub(r"\s+", "", out[k].text) for k in range(top, i)) + joint
            out[top] = Line("title", joint, out[top].lineno)
            for k in range(top + 1, i + 2):
                out[k] = Line("blank", "", out[k].lineno)
        prev = out[i].kind
    return out


#: the most characters of a title's first line: a title's lines are short, 40 characters at the most (a wrapped
#: body line is no title) ...
_TITLE_LINE = 40
#: ... but a 关于 title wrapped at a wide page's margin (100 cells: 50 characters) fills its first line: a forwarding's
#: 52 characters, ``…关于转发市安委办关于转发省安委办关于做好…的通知的`` / ``通知``, lost its first line (a built title)
_WIDE_TITLE_LINE = 60


def _title_first_line(text: str, joined: str) -> bool:
    """Can ``text`` be the first line of the title ``joined`` (it and the line under it) makes?"""
    n = len(text.strip())
    return n <= _TITLE_LINE or (n <= _WIDE_TITLE_LINE and RE_TITLE.match(joined) is not None)


def mark_titles(lines: list[Line]) -> list[Line]:
    """Find titles the line patterns alone cannot: a title without 关于, a title wrapped over two
    lines, an issuer line followed by the rest of the title (``某市安全生产委员会`` /
    ``2027年安全生产工作要点``). Only at a place where a document can start (the first lines of
    the file, or after a header or signature line), never after body text, so a body line that
    happens to end in 方案 stays body text. A joined title is kept in the first line; the lines it
    absorbed become blank."""
    out = list(lines)
    prev_kind = None  # kind of the last meaningful line
    i = 0
    while i < len(out):
        line = out[i]
        if line.kind in _TRANSPARENT:
            i += 1
            continue
        at_start = prev_kind is None or prev_kind not in ("text",)
        nxt = out[i + 1] if i + 1 < len(out) else None
        ahead = _title_ahead(out, i + 1) if line.kind == "issuer" else None
        if ahead is not None and len(line.text.strip() + ahead[0]) <= 140:
            # 重庆市某县应急管理局 / 关于开展…的通知 on the very next line: one title wrapped after the
            # organ's name (also right after another notice's body: a 关于 title starts a notice
            # anywhere). An organ's name set apart by a blank line (the red-letter header
            # 山西省人民政府 above the title 关于做好…的通知) is the header, and the title the line below.
            # a joint notice's organs stacked over the title, one or a few a line with no blank
            # between (应急管理部 / 工业和信息化部 / 国家市场监督管理总局 / 关于…): all of them open it
            top = i
            while top > 0 and i - top < 4 and out[top - 1].kind == "issuer" and out[top - 1].lineno == out[top].lineno - 1:
                top -= 1
            organs = "".join(out[k].text.strip() for k in range(top, i + 1))
            title, last = ahead
            out[top] = Line("title", organs + title, out[top].lineno)
            for k in range(top + 1, last + 1):
                out[k] = Line("blank", "", out[k].lineno)
            prev_kind = "title"
            i = last + 1
            continue
        split = _title_around_number(out, i) if line.kind == "text" and at_start else None
        if split is not None:
            # 某市应急管理局关于做好 / 某应急〔2027〕22号 / 汛期…工作的通知: a title cut by its number set between
            # its lines (a layout copied from a red-letter header): one title over the number
            out[i] = Line("title", split[0], line.lineno)
            out[split[1]] = Line("blank", "", out[split[1]].lineno)
            prev_kind = "docnum"
            i = split[1] + 1
            continue
        cut_title = _organ_over_cut_title(out, i) if line.kind == "issuer" and at_start else None
        if cut_title is not None:
            # 某开发区安全生产委员会办公室 / 　　2026年…总结和2027年工作 / 打算: the organ over its title cut at a phone's
            # margin, one title as typed (the organ's line and the title's two)
            title, last = cut_title
            out[i] = Line("title", title, line.lineno)
            for k in range(i + 1, last + 1):
                out[k] = Line("blank", "", out[k].lineno)
            prev_kind = "title"
            i = last + 1
            continue
        if line.kind in ("text", "issuer"):
            j = i + 1
            while j < len(out) and out[j].kind in _TRANSPARENT:
                j += 1
            nxt = out[j] if j < len(out) else None
            joined = line.text.strip() + (nxt.text.strip() if nxt else "")
            # after body text (another notice's, one with no signature) only what is surely a title:
            # a 关于 title over lines of no punctuation, or an organ's name with the rest of a title
            sure = nxt is not None and not re.search(r"[。；，！？：]", nxt.text) and (
                bool(RE_TITLE.match(joined)) or (line.kind == "issuer" and title_like(joined)))
            if (nxt is not None and nxt.kind == "text" and _title_first_line(line.text, joined) and (at_start or sure)
                    and not re.search(r"[。；，！？：]", line.text) and heading_level(line.text.strip()) is None
                    and (title_like(joined) or (RE_TITLE.match(joined) and len(joined) <= 140))
                    and not (line.kind == "text" and title_like(line.text)) and not RE_BODY_OPENING.match(line.text)
                    and not (line.kind == "issuer" and title_like(nxt.text) and same_place(line.text, nxt.text))):
                out[i] = Line("title", joined, line.lineno)
                out[j] = Line("blank", "", nxt.lineno)
                prev_kind = "title"
                i = j + 1
                continue
            long_title = _long_title(out, i) if nxt is not None and nxt.kind == "text" else None
            if long_title is not None:
                # a long title over three to five lines: 某区人民政府办公室关于印发《某市 / 某区…专项治理 / 工作方案》的通知,
                # or a phone's narrow lines (…关于印发 / 《临江市 / 白沙区…专项治理 / 工作方案》的通知)
                title, parts = long_title
                out[i] = Line("title", title, line.lineno)
                for k in parts[1:]:
                    out[k] = Line("blank", "", out[k].lineno)
                prev_kind = "title"
                i = parts[-1] + 1
                continue
            if (line.kind == "text" and title_like(line.text) and line.text.strip().endswith("》") and at_start
                    and nxt is not None and nxt.kind == "text" and len(nxt.text.strip()) <= 6 and title_like(joined)
                    and title_like(nxt.text)):
                # 《柘川县…奖励办法》 / 政策解读: a quoted name and the genre of the text about it, wrapped (a phone)
                out[i] = Line("title", joined, line.lineno)
                out[j] = Line("blank", "", nxt.lineno)
                prev_kind = "title"
                i = j + 1
                continue
            if line.kind == "text" and title_like(line.text) and (at_start or _opens_notice(out, i)):
                # after another notice's body (one with no signature), a title without 关于 is known
                # by what is under it: a number, an addressee, a （试行）-like remark, a table of
                # contents, or the first item of a numbering (一、 / 1 总则 / 第一章 / 第一条)
                out[i] = Line("title", line.text.strip(), line.lineno)
        prev_kind = out[i].kind
        i += 1
    return out


def _next_meaningful(lines: list[Line], i: int) -> int | None:
    return next((j for j in range(i, min(len(lines), i + 4)) if lines[j].kind not in _TRANSPARENT), None)


def _title_around_number(lines: list[Line], i: int) -> tuple[str, int] | None:
    """``lines[i]`` the start of a 关于 title (no sentence mark, no title alone), the next line a document
    number and the one after it the title's rest (``…的通知``): the whole title and the index of its rest."""
    first = lines[i].text.strip()
    if len(first) > 40 or re.search(r"[。；，！？：]", first) or RE_TITLE.match(first) or title_like(first):
        return None
    k = _next_meaningful(lines, i + 1)
    if k is None or lines[k].kind != "docnum":
        return None
    m = _next_meaningful(lines, k + 1)
    if m is None or lines[m].kind not in ("title", "text") or re.search(r"[。；，！？：]", lines[m].text):
        return None
    joined = first + lines[m].text.strip()
    return (joined, m) if RE_TITLE.match(joined) and "关于" in first and len(joined) <= 140 else None


# --- paragraph joining ---------------------------------------------------------------------------
_WIDE_RX: re.Pattern | None = None


def _wide_rx() -> re.Pattern:
    """One character class of every wide (W/F/A, non-space) BMP character, built once (~20 ms), so
    width is two regex passes instead of a Python call per character; astral characters are
    checked one by one (they are rare)."""
    global _WIDE_RX
    if _WIDE_RX is None:
        ranges, start, prev = [], None, None
        for cp in range(0x80, 0x10000):
            c = chr(cp)
            wide = not (0xD800 <= cp <= 0xDFFF) and not c.isspace() and unicodedata.east_asian_width(c) in "WFA"
            if wide and start is None:
                start = cp
            if not wide and start is not None:
                ranges.append((start, prev))
                start = None
            prev = cp
        if start is not None:
            ranges.append((start, prev))
        cls = "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
        _WIDE_RX = re.compile(f"[{cls}]")
    return _WIDE_RX


_SPACE_RX = re.compile(r"\s")
_ASTRAL_RX = re.compile("[\U00010000-\U0010ffff]")


def display_width(s: str) -> int:
    """Width in half-width cells: CJK, full-width and ambiguous (“”) characters count 2, spaces 0."""
    if s.isascii():
        return len(s) - len(_SPACE_RX.findall(s)) if not s.isprintable() or " " in s else len(s)
    narrow_and_wide = len(s) - len(_SPACE_RX.findall(s))
    wide = len(_wide_rx().findall(s))
    for c in _ASTRAL_RX.findall(s):
        wide += unicodedata.east_asian_width(c) in "WFA"
    return narrow_and_wide + wide


def heading_level(s: str) -> float | None:
    """1-4 for a numbered-item marker at the start of ``s`` (一、 /（一）/ 1. / (1)); 2.5 for ``A.``; 3.25, 3.5,
    3.75 for decimal items (1.1 / 1.1.1 / 1.1.1.1, nested under 1.); 4.25 and 4.5 for ``1）`` and
    ``①`` (under (1)); 0.4, 0.5, 0.6, 0.75 for 第X部分, 第X章, 第X节, 第X条; 3 for a plan's bare
    section number (``1 总则``); else None."""
    for level, rx in enumerate((RE_L1, RE_L2, RE_L3, RE_L4), start=1):
        if rx.match(s):
            return level
    for level, rx in MINOR_LEVELS.items():
        if rx.match(s):
            return level
    if RE_ROMAN.match(s):
        return ROMAN_LEVEL
    if RE_LATIN.match(s):
        return LATIN_LEVEL
    for level, rx in DECIMAL_LEVELS.items():
        if rx.match(s):
            return level
    if s.lstrip().startswith("第"):
        for level, rx in STRUCTURE_LEVELS.items():
            if rx.match(s):
                return level
    if RE_PLAN_SECTION.match(s):
        return 3
    return None


#: a ``1.`` list inside a plan's decimal section (``2.1 指挥部`` / ``1.…`` / ``2.…``): below the section's
#: decimal levels (3.25-3.75), above its ``（1）`` items (4); corpus/segment.py assigns it
NESTED_LIST_LEVEL = 3.9


def level_pattern(level: float) -> re.Pattern:
    """The marker pattern of a heading level (group 1: its number)."""
    if level in (3, NESTED_LIST_LEVEL):
        return RE_L3
    return {1: RE_L1, 2: RE_L2, 4: RE_L4, ROMAN_LEVEL: RE_ROMAN, LATIN_LEVEL: RE_LATIN, **MINOR_LEVELS, **DECIMAL_LEVELS, **STRUCTURE_LEVELS}[level]


def level_match(text: str, level: float) -> re.Match:
    """The marker of ``text`` at ``level`` (``1.`` and the bare ``1 总则`` share level 3)."""
    m = level_pattern(level).match(text)
    return m if m else RE_PLAN_SECTION.match(text)


def parse_date(text: str) -> str | None:
    """``2027年3月5日``, ``2027.3.5`` or ``二〇二七年三月五日`` -> ``2027-03-05``; None when ``text`` is no date."""
    text = organ_and_date(text) or unbracketed_date(text) or text
    m = date_match(text)
    if m is None:
        return None
    year = cn_digits(m.group(1))  # (2027 or 二〇二七 alike; 二0二七's Arabic 0 stays 0)
    month = 1 if m.group(2) == "元" else cn_number(m.group(2))
    day = cn_number(m.group(3))
    if not (1900 <= year <= 2099 and month and 1 <= month <= 12 and day and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def heading_number(text: str, level: float) -> int | None:
    """The number of the heading ``text`` opens at ``level``: ``（十二）`` -> 12, ``③`` -> 3."""
    number = level_match(text, level).group(1)
    if RE_CIRCLED.match(number):
        return ord(number) - 0x245F
    if "\u2160" <= number <= "\u216b":
        return ord(number) - 0x215F  # Ⅰ -> 1
    if "A" <= number <= "Z":
        return ord(number) - ord("A") + 1  # A -> 1
    return item_number_value(number)


def opens_item(s: str) -> bool:
    """Does this line start a new structural unit (numbered item, sector lead, agency remark)?"""
    if heading_level(s):
        return True
    m = RE_SECTOR_LEAD.match(s)
    return bool(m) and s[m.end() - 1] in "：:"


CLOSERS = "。！？；：）”"
PARAGRAPH_END = CLOSERS.replace("；", "")  # the marks a paragraph may end with (；closes a clause inside one)
# openings that start a paragraph of their own after a closed sentence, where a wrapped body gives no other
# sign (a short paragraph cut at the margin): a speech's ordinals (第一，/ 第二，), a principle's dash
# (——坚持预防为主。), the minutes' 会议指出，/ 会议强调，/ 会议要求，, a closing addressing everyone
# (各乡镇、各有关部门要…) or re-addressing a speech's audience (同志们，…), and a Q&A's 问：/ 答： / numbered
# question (NUMBERED_QUESTION)
#: a 政策解读's numbered question: ``问题一：`` / ``问题1：`` / ``问1：`` (this file's paragraph openers and
#: segment.RE_QUESTION, the question heading its answer, read the one pattern)
NUMBERED_QUESTION = rf"问题\s*[{CN_NUM}\d]{{1,3}}\s*[：:]|问\s*\d{{1,2}}\s*[：:]"
RE_PARAGRAPH_OPENER = re.compile(rf"^\s*(?:第[{CN_NUM}]{{1,3}}\s*[，,]|——|会议(?:指出|强调|要求|认为|决定|原则同意|同意|明确|议定|研究|听取)"
                                 r"|各[^。；！，要]{1,8}[、和及]各[^。；！，要]{1,10}要|[问答]\s*[：:]"
                                 # an appeal closing an 倡议书 (让我们…, 燃气安全，人人有责。): a paragraph of its own
                                 r"|让我们|[^。；，,]{2,12}[，,]\s*人人有责"
                                 # a speech re-addressing its audience (同志们，安全生产责任重于泰山。): its closing
                                 r"|(?:同志们|朋友们|各位代表|各位委员)\s*[，,！!]"
                                 rf"|{NUMBERED_QUESTION})")
# a team's roster (工作专班, 领导小组, 指挥部): ``组　长：郑某某　市政府副市长`` / ``副组长：…`` / ``成　员：…``
RE_ROSTER_LINE = re.compile(r"^\s*(?:副?\s*组\s*长|成\s*员|副?总指挥|副?指挥长|副?\s*主\s*任|办公室主任|联络员)\s*[:：]")
#: a plan's box (``专栏1 安全风险监测预警工程``, ``专栏2：重点工程``) over the projects it lists: a title of its own
#: line (a wrapped box title ends its line; corpus/segment.py heads the box's lines with it)
RE_BOX = re.compile(r"^\s*专栏\s*([\d一二三四五六七八九十]{0,3})\s*[：:]?\s*([^。；！？，,：:]{2,30})\s*$")
#: a plan's preface and closing words (前言 / 结束语): a section title outside the numbering
RE_PREFACE = re.compile(r"前言|序言|引言|结束语|结语")
# the closing provisions of a rule, plan or 通告 (本通告自发布之日起施行 / 本预案由…负责解释 / 本办法所称…):
# each is a paragraph of its own, never the last line of the paragraph before it
RE_FINAL_PROVISION = re.compile(r"^\s*本(?:通告|公告|办法|规定|预案|细则|方案|意见|条例|规则|通知|决定|要点|制度)"
                                r"(?:自|由|所称|适用|未尽|有效期|中|施行)")
CONTINUATIONS = ("但", "而且", "并且", "其中", "从而")
#: a lead-in (``现就有关事项通知如下：``): the sentence a notice's opening paragraph ends with, before its items
RE_LEAD_IN = re.compile(r"(?:如下|下列事项)\s*[：:]\s*$")


def full_width(lines: list[str]) -> int:
    """The fixed wrap width of a block of lines: the common width of its longest lines."""
    widths = sorted(display_width(s) for s in lines if len(s) > 8)
    if not widths:
        return 0
    top = widths[int(len(widths) * 0.75):] or widths
    return Counter(top).most_common(1)[0][0]


def is_wrapped(lines: list[str], width: int) -> bool:
    """Was this body wrapped at a fixed width (PDF extraction)? Then some lines run to the full
    width and stop mid-sentence, the next line going on with the same sentence. A web page, a .docx
    or a hand-typed file has one paragraph per line and no such line: there every line is a
    paragraph, however short (a notice of headings only, one 第X条 per line)."""
    if width <= 0:
        return False
    cut = 0
    for s, n in zip(lines, lines[1:]):
        s = s.strip()
        # (a record's labelled line over another, 约谈对象：… / 约谈人：…, is no cut: each field is a line of its own)
        if (width - display_width(s) <= 2 and _last_mark(s) not in CLOSERS and heading_level(n) is None
                and not (RE_FIELD_LINE.match(s) and RE_FIELD_LINE.match(n))):
            cut += 1
    return cut >= 1


def _indented_margin(lines: list[str], width: int) -> int:
    """The margin of a wrapped body whose paragraphs are mostly one or two lines long (a 通告, minutes,
    a Q&A): ``full_width`` finds the common width of the longest lines, there the first lines of
    paragraphs, which a PDF indents by two characters (the indent lost in extraction). When every line
    cut mid-sentence near the widest cut is a paragraph's first line (the line before it closed a
    sentence), the margin is that widest cut plus the indent (4 cells); the paragraph-ending test
    measured short lines against a margin 4 cells short and joined paragraphs."""
    # (a numbered line is a title unless it stops inside a sentence: 第一条　为了…，危害， is an article's cut first line)
    cut = [i for i, (s, n) in enumerate(zip(lines, lines[1:]))
           if _last_mark(s.strip()) not in CLOSERS and heading_level(n) is None
           and (heading_level(s) is None or _last_mark(s.strip()) in "，、")]
    if not cut:
        # every line cut mid-sentence a numbered item's first line at the common width (a 通告 of numbered paragraphs one
        # or two lines long, no unnumbered paragraph long enough to cut): those are first lines, which a PDF indents (the
        # indent lost, or a phone's kept), and the margin is theirs plus the indent. Read at their width, a numbered
        # paragraph's last line closing 4 to 8 cells short of the page's margin read as filled to it and the short
        # paragraph under it was joined to it
        numbered = [i for i, n in enumerate(lines[1:]) if heading_level(n) is None and _numbered_first_line_cut(lines[i], width)]
        if len(numbered) >= 2 and all(i == 0 or _last_mark(lines[i - 1].strip()) in PARAGRAPH_END for i in numbered):
            return width + 4
        return width
    widest = max(display_width(lines[i].strip()) for i in cut)
    if widest < width:
        return width
    near = [i for i in cut if widest - display_width(lines[i].strip()) <= 2]
    # (a line after one ending in ；goes on with its paragraph's list of clauses: 一是……；/ 二是……, no first line)
    if all(i == 0 or _last_mark(lines[i - 1].strip()) in PARAGRAPH_END for i in near):
        return widest if _first_lines_full_below(lines, cut, near, widest) else widest + 4
    cut_set = set(cut)  # (membership per line: a set, not the list)
    at_width = [i for i in cut if abs(display_width(lines[i].strip()) - width) <= 1]
    # (over a widest cut an indent's cells past the common width, a numbered line at that width is a first line whether or
    # not a comma shows its sentence opened: a title's text opens a paragraph of its own, a first line as wide as it,
    # not a line running past it. 一、尾矿库企业…对本单位 / 尾矿库安全全面负责，…自查 at 32 and 36 cells)
    opened = widest - width < 3
    if (widest - width <= 4 and all(i - 1 in cut_set or _numbered_first_line_cut(lines[i - 1], width, opened) for i in near)
            and at_width
            and all(_opens_paragraph(lines, i, cut_set) for i in at_width)):
        # the widest cuts go on with a sentence cut on the line above (full lines) and every line cut at the
        # common width opens a paragraph: that width is the first lines' a PDF indents (minutes of short
        # paragraphs), and the widest cuts are the margin
        return widest
    if widest - width <= 2 and not at_width:
        # a line cut mid-sentence a wide character past the common width, and no line cut at that width: the lines
        # at the common width close their sentences (paragraphs' last lines a character short of the margin, …燃放。
        # at 58 of 60, over an unindented first line 4 cells short: read at 58, nothing showed the paragraph's end).
        # No line runs past a wrap's margin (where lines are cut at the common width, a line past it is one whose
        # digits were typed full-width after the wrap, or a margin of its own: the common width stays)
        return widest
    return width


def _numbered_first_line_cut(line: str, width: int, opened: bool = True) -> bool:
    """Is ``line`` a numbered paragraph's first line cut mid-sentence at the common width ``width`` (``第一条　为了加强…
    预防和减少危险化学品事`` over ``故，保障…``)? ``_indented_margin``'s cut lines leave out a numbered line that ends in no
    comma (a numbered title over its text); one as wide as the first lines, its sentence opened and not closed, is a
    first line all the same. (Read as none, a 条例 whose articles open their paragraphs, each two lines long, had its
    margin read at its first lines' 56 cells, not its 60: a short paragraph after a closed one was joined to it.)
    ``opened=False``: the caller has other evidence that the line goes on (the line under it runs past it), no comma
    asked for."""
    s = line.strip()
    level = heading_level(s)
    # (a comma or semicolon after the number: a sentence opened, as a title has none; 一、's own 、 is the number's)
    return (level is not None and abs(display_width(s) - width) <= 1 and _last_mark(s) not in CLOSERS
            and (not opened or bool(re.search(r"[，；]", s[level_match(s, level).end():]))))


def _opens_paragraph(lines: list[str], i: int, cut: set[int]) -> bool:
    """Does ``lines[i]`` open a paragraph: the first line, or one after a closed sentence or a title line?"""
    if i == 0:
        return True
    prev = lines[i - 1].strip()
    return _last_mark(prev) in PARAGRAPH_END or (heading_level(prev) is not None and i - 1 not in cut)


def _first_lines_full_below(lines: list[str], cut: list[int], near: list[int], widest: int) -> bool:
    """Are the widest cut lines second lines after all, the first lines a PDF indents running 4 cells short
    of them? So when a paragraph's first line is cut mid-sentence there (``有关要求：请各企业…，不``) and a
    widest cut follows a line that ended its sentence there too (``…等问题。`` / ``根据…现将有``: that
    paragraph's first line filled to the margin where its first sentence ended). Read as first lines,
    the margin came out 4 cells too wide and the opening split at its first sentence's end."""
    def first_line_full(i: int) -> bool:
        return abs(display_width(lines[i].strip()) - (widest - 4)) <= 1

    near_set = set(near)
    first = [i for i in cut if i not in near_set and (i == 0 or _last_mark(lines[i - 1].strip()) in PARAGRAPH_END)]
    return any(first_line_full(i) for i in first) and any(i > 0 and first_line_full(i - 1) for i in near)


def _cut_before_lead_in(line: str, nxt: str, widest: int) -> bool:
    """In a body with no line cut mid-sentence (read as unwrapped, one paragraph a line): was ``line``
    cut at the margin exactly where its sentence ended, ``nxt`` its paragraph's last line? Told only
    for a lead-in (``现将…通知如下：``), which closes the opening paragraph it follows, after a line as
    wide as the body's widest (within a first line's indent: the margin may have cut there) and
    longer than the lead-in. A notice wrapped where its opening's first sentence ends otherwise read
    its lead-in as a paragraph of its own; typed one paragraph a line, a lead-in after a shorter
    line stays one."""
    s, n = line.strip(), nxt.strip()
    # (a lead-in as wide as the body's widest line is the paragraph's full second line: the first one cut
    # at the margin, both near it)
    return (_last_mark(s) in "。！？" and display_width(s) >= widest - 4
            and (display_width(n) < display_width(s) or display_width(n) >= widest - 4)
            and heading_level(n) is None and bool(RE_LEAD_IN.search(n)))


def wrap_margin(lines: list[str]) -> int | None:
    """The margin of a block of lines wrapped at a fixed width (``is_wrapped``), else None."""
    width = full_width(lines)
    return _indented_margin(lines, width) if is_wrapped(lines, width) else None


def _reliable_indents(lines: list[str], indents: list[bool], width: int) -> bool:
    """Does a leading indent mark a paragraph's first line in this wrapped body? Where the text copy kept
    the PDF's first-line indent: some line is indented and no line going on with a sentence cut at the
    margin is (a copy that indents at random, or its continuation lines, says nothing)."""
    if not any(indents):
        return False
    # (an indented headline of words alone that fills the line, 　　县应急管理局举办安全生产月启动仪式, over its indented
    # story, is no cut line: a briefing's headline is a paragraph of its own)
    return not any(indents[i + 1] for i, (s, n) in enumerate(zip(lines, lines[1:]))
                   if _last_mark(s.strip()) not in CLOSERS and heading_level(n) is None
                   and width - display_width(s.strip()) <= 2
                   and not (indents[i] and RE_HEADLINE_LINE.fullmatch(s.strip())))


def join_paragraphs(lines: list[str], margin: int | None, page_margin: int | None = None,
                    indents: list[bool] | None = None) -> list[str]:
    """Re-join wrapped lines of one document body into paragraphs (blank lines already removed).

    ``margin`` is the lines' own ``wrap_margin`` (None: not wrapped at a fixed width), which the caller
    has read already to find the page margin. ``page_margin`` is the margin the other parts of the same document were wrapped at
    (``wrap_margin``): a covering letter of two lines, none cut mid-sentence, is printed on the pages of
    its enclosure and wrapped as they are. ``indents`` says which lines were indented in the source (the
    PDF's first-line indent, where the copy kept it: ``_reliable_indents``)."""
    wrapped = margin is not None
    width = margin if margin is not None else full_width(lines)
    if not wrapped and page_margin and all(display_width(s.strip()) <= page_margin + 2 for s in lines):
        # no line of its own shows the cut, but none runs past the document's margin either: the same pages
        wrapped, width = True, page_margin
    indented = indents if wrapped and indents and _reliable_indents(lines, indents, width) else None
    widest = max((display_width(s.strip()) for s in lines), default=0)
    first_lines = wrapped and indented is None and _margin_of_first_lines(lines, width)
    # (only where no line runs past the first lines' margin: a body whose later lines fill the page, or a phone's whose
    # indent takes no cells, shows a paragraph of two sentences whose first one closed at a line's end by chance)
    one_sentence = (wrapped and widest <= (width if first_lines else width - 4)
                    and _one_sentence_paragraphs(lines))
    # a copy that lost the first-line indent (_first_lines_indented: the lines cut mid-sentence 3 to 5 cells short of the
    # margin all open paragraphs, later lines cut at the margin): a paragraph whose first line filled the first
    # lines' margin and whose later line closes a sentence 4 to 7 cells short of the page's ended there (_ends_short;
    # 8 and more, _breaks_after), also 2 short where the next line's first character would have fitted (_next_would_fit).
    # 三、排洪设施…发现堵塞 / 、塌陷要…组织抢修。 at 32 of 36 / 抢修期间停止排放。 (at 0 short nothing tells)
    indent_lost = wrapped and indented is None and not first_lines and _first_lines_indented(lines, width)
    paragraphs: list[str] = []
    current: list[str] = []
    chapter_title = False
    for i, line in enumerate(lines):
        current.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and RE_BARE_ARTICLE.match(line) and heading_level(nxt) is None:
            continue  # 第一条 on a line of its own, its text on the next: one article
        if nxt is not None and _bare_number(line) and heading_level(nxt) is None:
            continue  # 一、 / （一） on a line of its own (a PDF or a table cell), its title on the next: one item
        if len(current) == 2 and _bare_number(current[0]):
            line = _concat(current)  # (decide where the item's line ends as for 一、加强… on one line)
        if nxt is not None and _held_open(line, nxt):
            continue  # …监测责任人（ / 包括…）, …市气象局（市水文中心配合 / ）及时…, 自2027- / 01-05起: one sentence
        if (nxt is not None and RE_BARE_CHAPTER.match(line) and heading_level(nxt) is None
                and re.fullmatch(r"[\u4e00-\u9fff、和与及]{2,20}", nxt.strip())):
            chapter_title = True  # 第一章 / 总则: one chapter heading, ending with its title's line
            continue
        if not wrapped and not chapter_title and nxt is not None and _cut_before_lead_in(line, nxt, widest):
            continue  # the opening's first line, cut at the margin where its sentence ended: its lead-in goes on
        # (one paragraph cut inside a sentence in a text not wrapped as a whole goes on, whatever its line's width says)
        cut = nxt is not None and not wrapped and _cut_mid_sentence(line, nxt)
        if (chapter_title or nxt is None or (not wrapped and not _continues(nxt) and not cut)
                or (not cut and _breaks_after(line, nxt, width))
                # an indented line after a closed sentence, or under a numbered title (一、乡镇（街道）党（工）委书记 /
                # 　　1.把安全生产…), also one wrapped over lines (　　一、关于全县…情况的 / 汇报 / 　　会议听取了…, a
                # phone's copy), opens a paragraph
                or (indented and indented[i + 1] and not _continues(nxt)
                    and (_last_mark(line.strip()) in CLOSERS or _numbered_title(current, nxt, width)
                         # (an indented line of words alone over an indented line: a briefing's headline, one line)
                         or (len(current) == 1 and indented[i] and RE_HEADLINE_LINE.fullmatch(line.strip()))))
                or (indented and len(current) > 1 and not indented[i] and _ends_short(line, nxt, width))
                or (indented and len(current) == 1 and indented[i] and _first_line_ends_short(line, nxt, width))
                or (first_lines and _ends_short(line, nxt, width))
                or (indent_lost and len(current) > 1 and abs(display_width(current[0].strip()) - (width - 4)) <= 1
                    and (_ends_short(line, nxt, width) or _next_would_fit(line, nxt, width)))
                or (one_sentence and _last_mark(line.strip()) in "。！？" and not _continues(nxt))
                or ((opens_item(nxt) or RE_PARAGRAPH_OPENER.match(nxt)) and not _continues(nxt)
                    and any(RE_TASK_KEY_LINE.match(c) for c in current))):
            # (a task's 完成时限：6月底前 line ends in no punctuation, yet the next task starts below it; so does a
            # feedback list's next problem, 整改时限：10月底前 / 问题2：…, which opens a paragraph, not an item)
            paragraphs.append(_concat(current))
            current, chapter_title = [], False
    return [p for p in paragraphs if p]


#: how far short of the margin a later line of a paragraph stops at the most: less than the next character's cells (a
#: wide one, 2), and a wide character more that a line breaker moves down with a mark that may not open a line (，)
_LAST_LINE_SHORT = 4


def _ends_short(line: str, nxt: str, width: int) -> bool:
    """In a copy whose indents mark each paragraph's first line (a phone's): does ``line``, a later line of its paragraph
    (the caller's test: not the first, not indented), close a sentence ``_LAST_LINE_SHORT`` cells or more short of the
    margin over a line opening with a wide character? A line going on with its paragraph is filled to the margin, the
    next line's first character would have fitted on it: the paragraph ended (``…请认真遵照执行。`` / ``同时，结合…，提出
    以下要求，`` / ``请一并抓好落实：``, a phone leaving a paragraph that ends in ： unindented). Not over a Latin word or a
    number (``2027年``: a breaker moves it down whole)."""
    s, n = line.strip(), nxt.strip()
    return (_last_mark(s) in PARAGRAPH_END and width - display_width(s) >= _LAST_LINE_SHORT and not n[:1].isascii()
            and not _continues(nxt) and not n.startswith(CONTINUATIONS))


#: marks a line breaker keeps off a line's start (moving the character before them down too) and off its end: the closing
#: and opening marks no paragraph opens or ends with either (``RE_CLOSED_LATE`` and ``RE_HELD_OPEN`` are built from them)
_NO_LINE_START = "，。、；：？！）》”’」』】〕,.;:?!)"
_NO_LINE_END = "（《“‘「『【〔(["


def _first_line_ends_short(line: str, nxt: str, width: int) -> bool:
    """In a copy whose indents mark each paragraph's first line: does ``line``, an indented first line, close a sentence
    with room left for ``nxt``'s first character within the first lines' margin (``width`` less the indent's 4 cells)?
    Then the paragraph ended there: a wrap fills a first line as it does any other (``答：…适用于…充电管理。`` at 94 of 96
    cells over ``农村自建房参照执行。``). ``width`` may read a first line's margin for the page's (a phone's copy, whose
    indent takes no cells): the room is then read short, never too wide. Not where a line breaker may have moved the
    character down (an opening mark, one before a mark that may not open a line), nor over a Latin word or a number."""
    return _next_would_fit(line, nxt, width - 4)


def _next_would_fit(line: str, nxt: str, room: int) -> bool:
    """Does ``line`` close a sentence with room left within ``room`` cells for ``nxt``'s first character, which no line
    breaker would have moved down (an opening mark, one before a mark that may not open a line, a Latin word or a
    number)? Then a wrap at ``room`` would have set it on the line: the paragraph ended."""
    s, n = line.strip(), nxt.strip()
    if not n or _last_mark(s) not in PARAGRAPH_END or n[:1].isascii() or n[0] in _NO_LINE_END:
        return False
    if n[1:2] and n[1] in _NO_LINE_START:
        return False
    return room - display_width(s) >= display_width(n[0]) and not _continues(nxt) and not n.startswith(CONTINUATIONS)


#: a sentence closed inside a line, text after it (not a quote or bracket closing round it)
RE_INNER_STOP = re.compile(r"[。！？](?![”’）」』)\s]*$)")
#: how many lines of a wrapped body close a sentence, none closing one inside, before it reads as one sentence a paragraph
_ONE_SENTENCE_ENDS = 4


def _one_sentence_paragraphs(lines: list[str]) -> bool:
    """Is a wrapped body written one sentence a paragraph (a WeChat article's, a short 通知's)? So when no line closes a
    sentence inside it and at least ``_ONE_SENTENCE_ENDS`` lines close one at their end: paragraphs of two sentences
    close the first inside a line but by chance. There (the caller's test: no line wider than the first lines) a line
    closing its sentence ends its paragraph, also where it fills the first lines' margin exactly (``交通运输部门要提前预置
    融雪物资。`` at 32 cells over ``对重点路段…``), which in a body of longer paragraphs is a first line cut where a
    sentence ended."""
    ends = 0
    for s in lines:
        s = s.strip()
        if RE_INNER_STOP.search(s):
            return False
        ends += _last_mark(s) in "。！？"
    return ends >= _ONE_SENTENCE_ENDS


def _margin_of_first_lines(lines: list[str], width: int) -> bool:
    """Is ``width``, the margin read from a wrapped body that kept no indents, its paragraphs' first lines' width, no
    later line of a paragraph reaching the page's margin 4 cells further (one- and two-line paragraphs: a WeChat
    article's sentence a paragraph)? So when every line cut inside a sentence stops within 2 cells of it and at least
    two do, none 3 to 5 cells short: a body whose later lines fill the page cuts each paragraph's first line 4 cells
    short of them (the indent, kept or lost). There a line closing its sentence 4 cells short (``_ends_short``) is no
    first line filled to the margin: it ended its paragraph (``交通运输部门要提前预置融雪物资。`` / ``对重点路段…``)."""
    near = 0
    for s, n in zip(lines, lines[1:]):
        s = s.strip()
        deficit = width - display_width(s)
        if deficit > 5 or _last_mark(s) in CLOSERS or _continues(n):
            continue
        if deficit >= 3:
            return False
        near += 1
    return near >= 2


def _first_lines_indented(lines: list[str], width: int) -> bool:
    """Did a wrap at ``width`` indent the paragraphs' first lines by two characters, the indent lost in the copy? So when
    at least two lines cut mid-sentence stop 3 to 5 cells short of the margin, each opening its paragraph (the first line,
    or one after a closed sentence), and every other line cut mid-sentence reaches the margin (within 2 cells). A later
    line of a paragraph cut 4 cells short says the margin is no wrap's; a first line 4 short is the indent."""
    first = 0
    for i, (s, n) in enumerate(zip(lines, lines[1:])):
        s = s.strip()
        deficit = width - display_width(s)
        if _last_mark(s) in CLOSERS or heading_level(n) is not None or _continues(n) or _held_open(s, n):
            continue
        if deficit <= 2:
            continue
        if deficit > 5 or not _opens_paragraph(lines, i, set()):
            return False
        first += 1
    return first >= 2


# a headline or a section title on its line: words, digits and quotes, no mark of a sentence (县住建局组织建筑工地应急演练)
RE_HEADLINE_LINE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff0-9“”《》、·]{1,30}")


# a line that stops inside a sentence: sentence marks in it, and its last character a word's or a comma's, none
# closing anything (a title, a heading, a signature and an organ's name carry no comma; an addressee ends in ：)
RE_CUT_MID_SENTENCE = re.compile(r"[，,；;。].*[\u4e00-\u9fff，、]$")


#: a line no paragraph ends with: an opening bracket or quote, a number's hyphen (``2027-`` / ``01-05``, ``0775-`` /
#: ``6123456``); and one no paragraph opens with: a closing bracket or quote, a comma, a stop. The marks are a line
#: breaker's (``_NO_LINE_END``, ``_NO_LINE_START``): a mark no line may end or open with ends or opens no paragraph,
#: one source for both (the two lists written apart had drifted: 『 [ held no line open, 』 . opened a paragraph)
RE_HELD_OPEN = re.compile(rf"[{re.escape(_NO_LINE_END)}]$|\d[-－–—]$")
RE_CLOSED_LATE = re.compile(rf"^[{re.escape(_NO_LINE_START)}]")


def _held_open(line: str, nxt: str) -> bool:
    """Does ``line`` break inside a bracket, a quote or a number, the rest on ``nxt`` (a PDF's copy, a converter's, a
    line breaker that set a bracket apart: ``…逐一明确监测责任人（`` / ``包括村组干部…）``, ``…会同市气象局（市水文中心配合``
    / ``）及时发布…``, ``自2027-`` / ``01-05起``)? Whatever the widths say, the sentence goes on: read apart, a bracket's
    remark was cut off its clause and a date or a phone number cut in two. Not a table's row (tabs)."""
    s, n = line.strip(), nxt.strip()
    if not s or not n or "\t" in line or "\t" in nxt:
        return False
    return bool(RE_HELD_OPEN.search(s) or RE_CLOSED_LATE.match(n))


def _cut_mid_sentence(line: str, nxt: str) -> bool:
    """In a text typed one paragraph a line (not wrapped as a whole): is ``line`` one paragraph cut inside a sentence,
    its rest on ``nxt`` (``……近期连续发生两起较大事故，现`` / ``将有关事项通知如下：``; a paragraph copied from a PDF into
    a typed notice)? ``nxt`` opens no item, roster entry or paragraph of its own; neither line is a table row."""
    s, n = line.strip(), nxt.strip()
    # (a numbered line goes on only past a closed sentence, 三、从严执法。对拒不整改、逾期未 / 完成整改的…: a numbered
    # title carries commas, 一、压实责任，强化担当, and stands over its text)
    if ("\t" in line or "\t" in nxt or not RE_CUT_MID_SENTENCE.search(s)
            or (heading_level(s) is not None and not re.search(r"[。；;]", s))):
        return False
    # (a lead-in, 将有关事项通知如下：, reads like a sector's lead, 危险化学品：, but ends the sentence cut above it)
    opens = opens_item(n) and not (heading_level(n) is None and RE_LEAD_IN.search(n))
    return not (opens or RE_PARAGRAPH_OPENER.match(n) or RE_ROSTER_LINE.match(n) or RE_CHECK_KEY_LINE.match(n))


def _numbered_title(current: list[str], nxt: str, width: int) -> bool:
    """Do the lines of ``current`` make a numbered title (no sentence closed in it) that an indented ``nxt`` goes on
    under? On one line, over an item (``一、乡镇（街道）党（工）委书记`` / ``1.把安全生产…``) or, a line stopping short of
    the margin (3 cells or more: no cut), over any indented line (a phone's copy: ``（一）全力守护群众生命财产安全`` /
    ``　　坚决落实…``, the title too long for the bare-heading rule's 6 cells); over several lines (``一、关于全县汛期安全
    生产工作情况的`` / ``汇报``), over any indented line: a text copy may indent a line going on with a cut sentence now
    and then (the Shanxi corpus does), never in a numbered title's run of lines."""
    if heading_level(current[0].strip()) is None or re.search(r"[。；！？：:;!?]", _concat(current)):
        return False
    return len(current) > 1 or opens_item(nxt) or width - display_width(current[0].strip()) >= 3


def _bare_number(line: str) -> bool:
    """An item number with nothing after it: ``一、``, ``（一）``, ``1.``, ``（1）``."""
    s = line.strip()
    level = heading_level(s)
    return bool(level) and level not in (0.4, 0.5, 0.6, 0.75) and level_match(s, level).end() == len(s)


def _last_mark(s: str) -> str:
    """The last character of a line, a half-width mark as its full-width form: a web page's text
    ends its sentences with ``,;:`` and ``.`` too (``…依法追究刑事责任.``), which cleaning turns into
    ``。`` only after the lines are joined."""
    last = s[-1:]
    if last == "." and re.search(r"[\u4e00-\u9fff）%”]\.$", s):
        return "。"
    if last in "）)" and RE_NAME_BRACKET.search(s):
        return s[-2]  # 各县（市、区）: a bracket inside a name closes no sentence
    return _HALF_TO_FULL.get(last, last)


# a bracket inside a name (县（市、区）, 乡镇（街道）, 村（社区）, 党（工）委): short names, no remark
RE_NAME_BRACKET = re.compile(r"[（(](?:[\u4e00-\u9fff]{1,3}、)+[\u4e00-\u9fff]{1,3}[)）]$|[乡镇村党][（(](?:街道|社区|工)[)）]$")


def _continues(line: str) -> bool:
    return bool(RE_AGENCY_OPEN.match(line) or RE_TASK_KEY_LINE.match(line))


def _concat(parts: list[str]) -> str:
    out = ""
    for part in parts:
        part = part.strip()
        if out and RE_TASK_KEY_LINE.match(part) and out[-1] not in "。；;，,：:（(":
            # 责任单位：市应急管理局 / 完成时限：…: two entries, not one run of words (a key after an opening bracket
            # cut at the margin, …行为。（ / 牵头单位：…, is the remark's first: nothing between them)
            out += "；"
        # keep a space only between two Latin words split at the margin
        if out and re.match(r"[A-Za-z0-9]", part[:1]) and re.search(r"[A-Za-z]$", out):
            out += " "
        out += part
    return out


# a record's labelled line with its value (约谈时间：2027年8月12日上午9时, 检查地点：…): a short label, a colon, words
RE_FIELD_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*[：:]\s*\S")


#: a footnote opening its line with its mark, a superscript number or a bracketed one (``¹ 含瓶装燃气供应站点。``, ``[2] 钢瓶
#: 检验周期…``): a paragraph of its own after a closed sentence, as an item is (the mark in a sentence follows a word,
#: ``许可证¹，``, and a line cut before it opens with the mark and no text: ``¹，且…``)
SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"  # ¹²³⁰⁴…⁹ (a character class's body)
RE_FOOTNOTE_LINE = re.compile(rf"^\s*(?:[{SUPERSCRIPT_DIGITS}]{{1,2}}|\[\d{{1,2}}\])\s*[\u4e00-\u9fff]")


def _breaks_after(line: str, nxt: str, width: int) -> bool:
    s, n = line.strip(), nxt.strip()
    deficit = width - display_width(s)
    last = _last_mark(s)
    level = heading_level(s)
    if RE_CHECK_KEY_LINE.match(n):
        return False  # 1.检查项目：燃气管道 / 检查内容：…: the row goes on (its item is no bare heading)
    if level and last not in CLOSERS and deficit >= 6 and len(s) <= 40:
        return True  # bare heading line (一、加强应急管理)
    if level and last == "）" and remark_spans(s) and remark_spans(s)[-1][1] == len(s):
        return True  # （二）整治老旧燃气管网（牵头单位：…）: a heading closed by its remark, its text below
    if RE_PREFACE.fullmatch(re.sub(r"\s+", "", s)) or (RE_BOX.match(s) and deficit >= 6):
        return True  # 前言 / 结束语 / 专栏1 重点工程 on a line of its own: a section's or box's title
    if _continues(n):
        # a responsible-agency remark or a task's 责任单位：/完成时限： line belongs to the clause before it (also after
        # the rest of an organ's name cut at a phone's margin, 责任单位：市工业和信息化局、市应急 / 管理局 / 完成时限：…)
        return False
    if deficit >= 8 and heading_level(n) is not None:
        # 督导范围：柳坪镇、双溪镇 / 二、督导内容: a line stopping far short of the margin with no closing mark, over a
        # numbered heading: a wrap would have set the heading's first characters (wide ones, no word moved down whole)
        # on it. A labelled line, a roster's or a table's cell ends with no mark
        return True
    if deficit >= 6 and RE_ISSUER.match(s):
        return True  # an organ's name alone: the heading of a duty list's entry (_organ_headings)
    if deficit >= 2 and RE_FIELD_LINE.match(s) and RE_FIELD_LINE.match(n):
        return True  # 约谈地点：… / 约谈对象：…: a record's labelled lines, one a line (none cut at the margin)
    if last in "。！？" and deficit <= 2 and heading_level(n) is None and RE_LEAD_IN.search(n):
        return False  # ……发生火灾。/ 现将有关情况通报如下：: the opening cut at the margin where a sentence ended
    if (opens_item(n) or RE_PARAGRAPH_OPENER.match(n) or RE_FOOTNOTE_LINE.match(n)) and last in CLOSERS:
        return True
    if RE_ROSTER_LINE.match(n):
        return True  # 组长：… / 副组长：…: a team's roster, one line a member (no closing mark to end them)
    if last in CLOSERS and deficit >= 8:
        return True  # stopped short of the margin after closing punctuation
    if deficit >= width // 3 and RE_HEADLINE_LINE.fullmatch(s) and _SENTENCE_MARKS.search(n):
        return True  # a headline of words alone, far short of the margin, over the sentences of its story
    if last in "。！？；" and RE_FINAL_PROVISION.match(n):
        return True  # 本通告自发布之日起施行: a provision of its own, however short
    if (last in "。！？" or s.endswith(("如下：", "如下:"))) and not n.startswith(CONTINUATIONS):
        # A sentence ended exactly at the margin: a new paragraph if the next line is indented
        # (its first line is two characters short) or is a complete short paragraph itself.
        # A short next line that closes a sentence is far more often the paragraph's last line.
        n_deficit = width - display_width(n)
        return 3 <= n_deficit < 8 or (n_deficit >= 8 and n[-1:] not in CLOSERS)
    return False
