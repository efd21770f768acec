"""Who wrote a document, at which administrative level, and what kind of document it is.

The one place that defines the allowed ``level`` and ``genre`` values of a :class:`Document` and
how they are read from a notice's title, document number, signature and body:

- ``issuer`` is normalised (``某市安委会`` → ``某市安全生产委员会``, ``省政府`` → ``某省人民政府`` when
  the region is known, spaces and seal remarks dropped; the headquarters' short names too: ``市防指`` →
  ``某市防汛抗旱指挥部``, ``县森防指办`` → ``某县森林草原防灭火指挥部办公室``, ``州减灾办`` → ``某州减灾委员会办公室``, or the
  name the signature gives them);
- ``region`` is the territory the issuer governs, as written in its name (``某省``, ``某省某市``,
  ``某市某县``); central organs get ``"全国"``;
- ``level`` is the tier of government the issuer belongs to, whatever the organ (the government
  itself, its office, its safety committee or one of its bureaus): ``central`` (State Council,
  ministries, national administrations), ``province`` (provinces, autonomous regions, the four
  municipalities under the central government), ``city`` (prefecture-level cities, 州, 盟, 地区),
  ``county`` (counties, districts, county-level cities, 旗); ``department`` is for issuers that sit
  on no tier of that ladder: townships and street offices, development zones and parks (a 新区 run
  by a 管理委员会: the agency a city or a province sends to run it; a 新区's bureau when its notice names that committee,
  :func:`run_as_zone`), stations, enterprises, or a bureau whose territory the document does not name.
  The 新疆生产建设兵团 is ``province``, its 师 ``city``, their 团 ``county``. A county-level city
  named alone is told from a prefecture-level one only by its addressee (:func:`county_level_city`);
- ``genre``: ``annual_notice`` (a government's notice or opinions on the year's safety work),
  ``work_points`` (工作要点; a year's 工作计划 or 执法/监督检查计划), ``special_plan`` (专项整治/行动/实施/工作方案, 行动计划),
  ``emergency_plan`` (应急预案), ``regulation`` (条例, 规定, 办法, 细则, 规则, 技术规范: text in 第X条
  articles); what is published around them, by the kind its title ends with: ``announcement``
  (通告, 公告), ``bulletin`` (通报: of an inspection, an accident), ``speech`` (讲话, 讲话提纲/要点/稿, 主持词), ``minutes``
  (会议纪要), ``report`` (工作总结, 工作报告, 政府工作报告, …的报告, …的汇报), ``decision`` (决定, 决定书: a commendation,
  an accountability ruling), ``opinion`` (意见, 实施意见, 指导意见), ``duty_list`` (责任/权责/职责清单,
  任务分工, 工作职责), ``plan`` (规划, 规划纲要: a “十五五” plan), ``appeal`` (倡议书, 倡议; untitled:
  ``…倡议如下``, ``发出如下倡议``, ``我们倡议：``), ``reminder`` (安全提示, 风险提示, 提醒: the safety tips a government sends
  the public, which oblige no one; a binding public notice, 禁止…, is an ``announcement``, a call to act together an
  ``appeal``; a letter to the public, 致全市人民的一封信 or 公开信, is a form of address and no genre of its own: the line a
  dash sets beside it names the kind, before or after it (致全市人民的一封信——春节期间安全提示 and 春节期间安全提示——
  致全市人民的一封信 are reminders, …——文明祭扫倡议 an appeal, a letter alone ``other``), so that an analyst filtering
  reminders finds every seasonal tip sent to the public, whatever its form), ``checklist`` (检查表,
  自查表, 排查清单: a 隐患排查清单 is a checklist, a 责任清单 a duty list), ``covering_letter`` (转发/印发通知: a letter that
  only passes another document on, 现将《…》转发给你们 / 印发给你们 with no work of its own, read from its body before its
  title: the covering letter only the reports tell apart, inference/yoy.covering_sentence), ``rectification`` (警示函,
  整改通知(书), 责令限期整改指令书, 责令改正通知书, a 督办 order — 挂牌督办通知书, 督办函, 督办单: a letter or an order naming
  one addressee's failings and demanding it correct them by a date; a 提示函 or 提醒函 is a reminder); ``interpretation`` (解读, 政策解读,
  一图读懂/图解…, 答记者问, 《…》问答: read before the genres of form, as it names the rule or plan it explains); ``other`` (every
  other notice: 安委会 and ministry notices on one topic, 函, …). An annual notice titled 意见 or 决定 stays
  ``annual_notice``, as does a ministry's or a bureau's on its sector's year (…2027年交通运输安全生产工作的通知); a notice (``关于做好…规划编制工作的通知``) stays ``other``.

Everything here is pure string work on text the segmenter already has; nothing is looked up.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from policytag.text import cn_digits, cn_number

LEVELS = ("central", "province", "city", "county", "department")
#: The allowed ``genre`` values (the one list: reports, tasks and validators import it); ``other`` last.
GENRES = ("annual_notice", "work_points", "special_plan", "emergency_plan", "regulation", "announcement", "bulletin",
          "speech", "minutes", "report", "decision", "opinion", "duty_list", "plan", "interpretation", "appeal",
          "reminder", "checklist", "covering_letter", "rectification", "other")
#: How reports name a genre (``no previous 工作要点 of 某市安委会 in the input``).
GENRE_NAMES = {"annual_notice": "年度安全生产工作通知", "work_points": "工作要点", "special_plan": "专项整治/实施方案",
               "emergency_plan": "应急预案", "regulation": "法规规章", "announcement": "通告", "bulletin": "通报",
               "speech": "讲话", "minutes": "会议纪要", "report": "工作总结/报告", "decision": "决定", "opinion": "意见",
               "duty_list": "责任清单/任务分工", "plan": "规划", "interpretation": "政策解读", "appeal": "倡议书",
               "reminder": "安全提示/提醒", "checklist": "检查表/排查清单",
               "covering_letter": "转发/印发通知", "rectification": "警示函/整改通知",
               "other": "其他文件"}
LEVEL_NAMES = {"central": "中央", "province": "省级", "city": "市级", "county": "县级", "department": "基层及其他"}
CENTRAL_REGION = "全国"

# provinces and province-level municipalities with the one-character abbreviations their document
# numbers start with (晋政发 = 山西省人民政府)
PROVINCES = {
    "北京市": "京", "天津市": "津", "河北省": "冀", "山西省": "晋", "内蒙古自治区": "蒙", "辽宁省": "辽", "吉林省": "吉",
    "黑龙江省": "黑", "上海市": "沪", "江苏省": "苏", "浙江省": "浙", "安徽省": "皖", "福建省": "闽", "江西省": "赣",
    "山东省": "鲁", "河南省": "豫", "湖北省": "鄂", "湖南省": "湘", "广东省": "粤", "广西壮族自治区": "桂", "海南省": "琼",
    "重庆市": "渝", "四川省": "川", "贵州省": "黔", "云南省": "云", "西藏自治区": "藏", "陕西省": "陕", "甘肃省": "甘",
    "青海省": "青", "宁夏回族自治区": "宁", "新疆维吾尔自治区": "新",
}
_ABBREV = {abbr: name for name, abbr in PROVINCES.items()} | {"滇": "云南省", "蜀": "四川省", "秦": "陕西省", "陇": "甘肃省",
                                                           "贵": "贵州省"}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

# organ words: where a territorial name ends and the organ's name begins
_ORGAN_WORDS = ("人民政府", "政府", "人民代表", "委员会", "安委", "应急", "管理", "办公", "住房", "城乡建设", "交通运输",
                "公安", "财政", "卫生", "健康", "自然资源", "国土", "监督", "监管", "安监", "发展和改革", "发展改革", "工业和信息化",
                "生态环境", "环境保护", "水利", "水务", "林业", "消防", "教育", "商务", "文化", "农业", "能源", "矿山", "煤矿",
                "安全", "管委会", "气象", "地震", "民政", "人力资源", "市场", "经济", "工商", "质量", "科学技术", "司法",
                "党委", "区委", "县委", "市委", "省委", "税务", "分局",  # (分局: 某市公安局临河分局, a bureau's branch)
                # (中国民用航空岚东地区管理局: the civil aviation administration's regional branch, no 地区 of a province)
                "航空",
                # (国家铁路局广州铁路监督管理局: the railway administration's office, no 州 named 国家铁路局广州; 澜霁省农垦红旗
                # 农场: a state farm of the province's 农垦, no 旗 named 农垦红旗 — no place's name holds either word)
                "铁路", "农垦")
_TIER_RX = re.compile(r"[\u4e00-\u9fff]{1,9}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|苏木|省|市|州|盟|县|区|旗|镇|乡)")
_ORGAN_SUFFIX_RX = re.compile(
    r"(?:人民政府(?:办公厅|办公室)?|政府(?:办公厅|办公室)?|安全生产委员会(?:办公室)?|委员会(?:办公室)?|办公厅|办公室|"
    r"[厅局部委办院署司处站室]|管理委员会|管委会|指挥部|中心|(?:消防救援|交通警察)(?:总队|支队|大队)|"
    # a town's stations of the county's bureaus (石桥派出所, 司法所); no bare 所: 人员密集场所 is a subject
    r"(?:派出|司法|财政|市场监督管理|市场监管|卫生监督)所|"
    # an association (枫岭市危险化学品行业协会, 燃气协会): a social organisation that signs notices and appeals
    r"协会)$")
# central organs by how their names open: also the two supreme judicial organs and the 中央… organs
# named without 中共 (中央网信办, 共青团中央); a ministry by its ending, not a 指挥部 or a 武装部 (镇防汛抗旱指挥部,
# 乡武装部: a place's, named without it; the national headquarters open with 国家)
_CENTRAL_RX = re.compile(r"^(?:国务院|中共中央|中华人民共和国|国家|中国|全国|最高人民(?:法院|检察院)|中央|共青团中央)"
                         r"|^[\u4e00-\u9fff]{1,12}(?:(?<!指挥)(?<!武装)部|总局|总署)(?:办公厅|安全生产管理委员会(?:办公室)?)?$")
_SUB_COUNTY = ("街道", "镇", "乡", "苏木")  # 苏木: a township of Inner Mongolia
# a party organ's (中共某县委) or the youth league's (共青团某市委) name opens with its organisation, not a place
_PARTY = re.compile(r"^(?:中共|中国共产党|共青团|中国共产主义青年团)")
# national groups whose provincial companies go by the group's name or short name before the province (国网沅澜省电力有限公司,
# 国家电网…, 南网, 中石化沅澜石油分公司): a fixed list, knowledge no notice states; read as a place, 国网沅澜省 was a province's
# name
_NATIONAL_GROUP_SHORT = re.compile(r"^(?:国网|国家电网|南网|南方电网|中石油|中石化|中海油)")
# how the names of zones end (none ends a district's name): 开发区 and 高新区 with their short forms
# 经开区, 保税区/综保区, 自贸区 and 试验区, 示范区, 度假区, 产业区, 经济区 (临空经济区), 合作区, 集聚区, and a
# 管理区 (a lake's or a farm's area a city runs by a 管理委员会: 梧溪市柳湖管理区)
_ZONE_ENDINGS = r"经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|经开区|工业园区|产业园区|园区|保税区|综保区|自贸区|" \
                r"试验区|实验区|示范区|度假区|产业区|经济区|合作区|集聚区|管理区|" \
                r"风景名胜区"  # (a scenic area its 管理委员会 runs: 桐岚市云雾山风景名胜区管理委员会, a zone)
# (no bureau's name inside a zone's: 沐川市应急管理局沐川经济技术开发区分局 is the city bureau's branch, below)
_ZONE_RX = re.compile(rf"^((?:(?!局|厅)[\u4e00-\u9fff]){{2,24}}?(?:{_ZONE_ENDINGS}))"
                      r"(?:管理委员会|管委会|党工委|工作委员会|工委|[\u4e00-\u9fff]{0,12}(?:局|办公室|中心))")
# (schools and hospitals too: an institution a government runs is on no tier of its ladder, as an enterprise;
# and an association, 枫岭市燃气协会: a social organisation, compared with governments it would read as one)
# (and the institutions a government runs outside its ladder: a state forest farm or a farm, a prison; a station of a
# county's bureau in a town, 派出所 or 司法所, as a 站 is)
_NON_TIER = re.compile(rf"(?:{_ZONE_ENDINGS}|新区管委会|工业园|集团|公司|监督站|站$|学校|[中小]学|大学|学院|幼儿园|医院|卫生院|协会$"
                       r"|林场$|农场$|监狱$|戒毒所$|(?:派出|司法|财政|市场监督管理|市场监管)所$)")

# abbreviations governments use for their own organs
_ABBREVIATIONS = [
    (re.compile(r"安委会办公室|安委办(?!公)"), "安全生产委员会办公室"), (re.compile(r"安委会"), "安全生产委员会"),
    (re.compile(r"(?<!人民)政府办(?!公)"), "人民政府办公室"), (re.compile(r"(?<!人民)政府"), "人民政府"),
    (re.compile(r"应急局"), "应急管理局"), (re.compile(r"应急厅(?!函)"), "应急管理厅"),
    (re.compile(r"安监局"), "安全生产监督管理局"),
    (re.compile(r"行署"), "行政公署"),  # 阿兰地区行署: a 地区's or 盟's government
    # a government's disaster reduction committee and its office (霁川市减灾委, 减灾委办, 州减灾办)
    (re.compile(r"减灾委办(?!公)|减灾办$"), "减灾委员会办公室"), (re.compile(r"减灾委(?!员)"), "减灾委员会"),
    # the headquarters a government sets up for floods and droughts and for forest fires, by the short names titles give
    # them (市防指, 县防指办, 县防汛办; 县森防指, 县森防指办): only a whole name's end (消防指导站 is no 防指), spelt as they
    # sign today (a signature naming the older 森林防火指挥部 is matched by _signed_name: _FOREST_FIRE_NAMES)
    # (…防指办公室 too; 国家防总, the national headquarters, and its office)
    (re.compile(r"森防指办$"), "森林草原防灭火指挥部办公室"), (re.compile(r"森防指(?=(?:办公室)?$)"), "森林草原防灭火指挥部"),
    (re.compile(r"(?<![森消人])防指办$|(?<![消人])防汛办$"), "防汛抗旱指挥部办公室"),
    (re.compile(r"(?<![森消人])防指(?=(?:办公室)?$)"), "防汛抗旱指挥部"),
    (re.compile(r"^国家防总(?=(?:办公室)?$)"), "国家防汛抗旱总指挥部"),
    # a development zone's committee (霁川经济技术开发区管委会): one spelling, so its two names group as one issuer
    (re.compile(r"管委会"), "管理委员会"),
    # a village's and a community's committee (柳塘村村委会, 柳岸社区居委会): one spelling, as above
    # (柳塘村委会 is 柳塘村's 村委会, the two 村 written once: 柳塘村村民委员会, not 柳塘村民委员会)
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<!村)村委会"), "村村民委员会"),
    (re.compile(r"村委会"), "村民委员会"), (re.compile(r"居委会"), "居民委员会"),
    # the civil aviation administration and its regional branches by their short name (民航局, 民航华北地区管理局,
    # 民航某某安全监督管理局): one spelling, as they sign in full (中国民用航空…)
    (re.compile(r"^民航(?=局$|[\u4e00-\u9fff]{2,6}(?:地区管理局|安全监督管理局)$)"), "中国民用航空"),
    # the party's discipline commission and the state's supervision commission by their short names (中共岩溪县纪委, 岩溪县监委,
    # as a title names them): spelt out as they sign (中共岩溪县纪律检查委员会, 岩溪县监察委员会), so the two group as one
    # issuer; only as a name's end (or before its office): 纪委监委 run together name the one office both share
    (re.compile(r"(?<!监)纪委(?=(?:办公室|办公厅)?$)"), "纪律检查委员会"), (re.compile(r"(?<!纪委)监委(?=(?:办公室|办公厅)?$)"), "监察委员会"),
    # the party's work committee of a street, a zone or the offices (中共城东街道工委, 开发区工委, 直属机关工委, as a title
    # names it): spelt out as it signs (中共岩溪县城东街道工作委员会), so the two are one issuer; only a name's end, and only
    # after a street, a zone or 机关: 农工委, 教工委 are a 农村/教育工作委员会, a 党工委 a zone's committee's own name
    (re.compile(r"(?:(?<=街道)|(?<=机关)|(?<=[区园]))工委(?=(?:办公室)?$)"), "工作委员会"),
    # a township's or a town's party committee by the name titles give it (青石乡党委, 石门镇党委): spelt as it signs
    # (中共岩溪县青石乡委员会), so the two are one issuer; only a whole name (or its office) after a 乡, 镇 or 苏木 (a
    # county's or a city's is its 县委 / 市委, a bureau's 党委 no place's)
    (re.compile(r"^(?:中共)?([\u4e00-\u9fff]{1,12}?(?:乡|镇|苏木))党委(?=(?:办公室)?$)"), r"中共\1委员会"),
]


def _expand(name: str) -> str:
    for rx, full in _ABBREVIATIONS:
        name = rx.sub(full, name, count=1)
    return name


# words shaped like a place name that name none (河口县城市内涝…预案: the region is 河口县, not 河口县城市)
_GENERIC_PLACES = {"城市", "城区", "市区", "县城", "郊区", "社区", "景区", "园区", "矿区", "林区", "牧区", "山区", "灾区",
                   "辖区", "片区", "街区", "小区", "库区", "全市", "全县", "全区", "全省", "全州", "全盟", "全旗", "本市", "本县",
                   "本区", "本省", "各市", "各县", "各区", "各省", "县区", "市县", "省市", "城乡", "农村地区", "重点地区",
                   # 东陵区城镇燃气…预案: the subject after a place, not a town (a town named …城镇 has a
                   # name before it: 古城镇)
                   "城镇", "乡镇", "村镇", "集镇", "小城镇", "中心城区", "主城区", "老城区", "旧城区"}
# endings of subjects shaped like a 区 (临江市旅游景区…, 临江市住宅小区…) that end no administrative
# unit's name (山区, 林区, 城区 do: 黄山区, 神农架林区, 东城区)
_SUBJECT_ENDINGS = ("景区", "小区", "社区", "库区", "灾区", "辖区", "片区", "街区", "保护区", "名胜区", "功能区", "核心区",
                    # …and like a 市: a news headline's subject (澄河市白沙区开展商场超市消防安全检查 names 澄河市白沙区)
                    "超市")
# a tier's character opening a word (农贸市场, 重点区域, 美丽乡村, 创建省级): no unit ends there; 级
# only after a place (临江市级… may open a title)
# the whole of a tier (在全市安全生产工作会议上的讲话, 对全县…): no place, whatever comes before it
_WHOLE_TIERS = tuple(w for w in _GENERIC_PLACES if w[0] in "全本各")
# tiers named together (县乡两级, 区县, 市县) are the tiers, no place: no place's name is made of them
_TIER_CHARS = set("省市州盟地县区旗乡镇村")
_WORD_AFTER_TIER = {"市场", "区域", "县域", "乡村", "镇村"}
_LEVEL_AFTER_TIER = {"省级", "市级", "县级", "区级", "乡级", "镇级"}


def _ends_in_a_word(name: str, pos: int, end: int) -> bool:
    """Does the unit matched at ``name[pos:end]`` end inside a word or name a subject (城镇, 景区,
    市场) rather than a place?"""
    token, pair = name[pos:end], name[end - 1:end + 1]
    return (token in _GENERIC_PLACES or all(ch in _TIER_CHARS for ch in token) or token.endswith(_SUBJECT_ENDINGS + _WHOLE_TIERS) or pair in _WORD_AFTER_TIER
            or (pos > 0 and pair in _LEVEL_AFTER_TIER))


# 新疆生产建设兵团 governs its own ladder: the 兵团 (a province's tier), its 师 (divisions, a
# prefecture's) and their 团 (regiment farms, a county's); a 师 or 团 is named by its number
# (第七师, 一〇二团), which no _TIER_RX ending tells apart from text
CORPS = "新疆生产建设兵团"
_CORPS_DIVISION_RX = re.compile(r"第[一二三四五六七八九十]{1,3}师")
# (a regiment's number digit by digit, 一〇二团, or with 十 and 百, 二十三团, 一百二十团)
# (only after its 师, so also by one numeral: 第一师四团)
_CORPS_REGIMENT_RX = re.compile(r"[一二三四五六七八九十百〇零\d]{1,5}团(?!体|队|结|委)"
                                # a regiment farm named as a farm, not by a number (第十三师红星一场, 第六师芳草湖农场): a 团场
                                # as a 团 is, the county's tier of the 兵团's ladder (not the farms a 师 names as a whole, 各农场)
                                r"|(?![各全本])[\u4e00-\u9fff]{1,4}?(?:[一二三四五六七八九十]场|农场|牧场)")
_BARE_TIERS = {"自治区", "自治州", "自治县", "自治旗", "特别行政区"}  # 自治区应急管理厅: a tier word, no name


def _corps_tier(name: str, pos: int, before: str) -> str | None:
    """A unit of the 兵团's ladder at ``pos``: the 兵团 itself, a 师 at the start or after the
    兵团, a 团 after a 师 (a bare 一〇二团 is also a band or a team: not taken alone)."""
    if name.startswith(CORPS, pos):
        return CORPS
    m = _CORPS_DIVISION_RX.match(name, pos)
    if m and (pos == 0 or before.endswith(CORPS)):
        return m.group(0)
    m = _CORPS_REGIMENT_RX.match(name, pos)
    if m and _CORPS_DIVISION_RX.search(before[-6:]):
        return m.group(0)
    return None


# words that name places in running text (城区燃气, 矿区安全) but are also the names of some cities'
# districts: a district when the city comes right before and an organ (or nothing: a region
# already cut from its organ) right after
_DISTRICT_NAMES = {"城区", "郊区", "矿区"}
_RE_ORGAN_NEXT = re.compile(r"人民政府|政府|安全生产委员会|安委会|安委办|应急管理局|应急局|区委|人民代表大会")


def before_is_city(before: str) -> bool:
    return before.endswith("市") and before not in MUNICIPALITIES


def _next_tier(name: str, pos: int) -> str | None:
    """The territorial unit starting at ``pos`` (shortest match, so 某市某县 is two units; but a
    prefecture named …州 keeps its 市: 某州市)."""
    corps = _corps_tier(name, pos, name[:pos])
    if corps:
        return corps
    m = _TIER_RX.match(name, pos)
    if (m and m.group(0) in _DISTRICT_NAMES and before_is_city(name[:pos])
            and (_RE_ORGAN_NEXT.match(name, m.end()) or m.end() == len(name))):
        return m.group(0)  # 临江市城区人民政府: 城区, 郊区, 矿区 name districts of a city
    if (not m or any(w in m.group(0) for w in _ORGAN_WORDS) or _ends_in_a_word(name, pos, m.end())
            or m.group(0) in _BARE_TIERS):
        return None
    token, end = m.group(0), m.end()
    # a name holding a tier's character before its own ending (贵州省, 万州区, 宁乡市, 武乡县, 梅县区; a
    # prefecture 某州市): the shortest match stops inside it, and the tier's character right after ends it
    # (unless it opens a word: 某乡市场, 某州区域)
    after = _NAME_GOES_ON.get(token[-1], "") if not token.endswith("自治州") else ""
    if name[end:end + 1] and name[end] in after and name[end:end + 2] not in _WORD_AFTER_TIER:
        token += name[end]
    elif token[-1] in "市旗州" and end < len(name) and name[end] in "区镇乡街苏":  # (most tokens: a cheap no)
        token += _inner_name_goes_on(name, pos, end)
    return token


def _inner_name_goes_on(name: str, pos: int, end: int) -> str:
    """(Called for a token ending in 市, 旗 or 州 with 区, 镇, 乡, 街 or 苏 after it.) The ending a name holding 市 or 旗 before its own ending goes on with past the shortest match, else ``""``:
    a city's district (荆州市|沙市区, 新乡市|红旗区, 乌鲁木齐市|新市区; 中共荆州市沙市区委) — only under a city: a 区 right
    after a city named first, ``临江市区燃气…`` or ``东川省临江市区…``, is the city's urban area (市区), no district —;
    a town or a street under a county or a district, which no city or banner sits under (岩溪县|红旗镇, 澄河市白沙区|新市街道),
    or of a name of two characters, which is no city's or banner's (新市镇人民政府, 红旗街道办事处, 临江市|新市镇) — not before a
    word of several tiers or a tier's level (镇村, 镇街, 乡镇, 乡村, 镇级: ``东川省临江市镇级…`` names the city)."""
    if name[end:end + 1] == "区":
        return "区" if before_is_city(name[:pos]) else ""
    town = next((t for t in _SUB_COUNTY if name.startswith(t, end)), "")
    pair = name[end:end + 2]
    if not town or pair in _WORD_AFTER_TIER or pair in _LEVEL_AFTER_TIER or pair in ("镇街", "乡镇"):
        return ""
    # (a 州 under a county too, 岩溪县|云州镇; but 徐州街道… names the prefecture first: no two-character rule for 州)
    return town if (end - pos == 2 and name[end - 1] != "州") or name[:pos].endswith(("县", "区", "旗")) else ""


# the tier characters that may go on a name the shortest match cut at 州, 乡 or 县 (梅县区) (no 县 after 州:
# 某州县级… names the tiers; no 镇: a town's 镇区 is its built-up area)
_NAME_GOES_ON = {"州": "省市区", "乡": "市县区", "县": "区"}


def split_region(name: str) -> tuple[str, str]:
    """``某省某市应急管理局`` -> (``某省某市``, ``应急管理局``): the territorial prefix and the organ
    (a party organ's 中共 before the territory is passed over: 中共某县委办公室 -> 某县, 委办公室)."""
    name = _PARTY.sub("", name)
    if _NATIONAL_GROUP_SHORT.match(name):
        return "", name  # 国网沅澜省电力有限公司: a national group's company, the group's short name no place (国网沅澜省)
    tiers = _tiers(name)
    region = "".join(tiers)
    return region, name[len(region):]


def _tiers(region: str) -> list[str]:
    out, pos = [], 0
    while pos < len(region):
        token = _next_tier(region, pos)
        if not token:
            break
        out.append(token)
        pos += len(token)
    return out


def region_level(region: str) -> str | None:
    """The tier of the last territorial unit in ``region``: ``某省某市`` -> city, ``某市某区`` -> county."""
    tiers = _tiers(region)
    if not tiers:
        return None
    last, before = tiers[-1], tiers[:-1]
    if last == CORPS:
        return "province"
    if _CORPS_DIVISION_RX.fullmatch(last):
        return "city"
    if _CORPS_REGIMENT_RX.fullmatch(last):
        return "county"
    if last.endswith(_SUB_COUNTY):
        return "department"
    if last in PROVINCES or last.endswith(("省", "自治区", "特别行政区")):
        return "province"
    if last.endswith(("县", "旗", "自治县", "自治旗")):
        return "county"
    if last.endswith("区") and not last.endswith("地区"):  # 某地区 is a prefecture, below
        return "department" if _NON_TIER.search(last) else "county"
    if last.endswith(("盟", "地区")):
        return "city"  # a 盟 or a 地区 is a prefecture wherever it sits (伊犁哈萨克自治州塔城地区: a 地区 under a 州)
    if last.endswith(("市", "州")):
        if before and any(t.endswith(("市", "州", "盟", "地区")) and t not in MUNICIPALITIES for t in before):
            return "county"  # a county-level city under a prefecture (某市某市)
        return "city"
    return None


_ORGAN_END = "局厅委办院府会室部署"


# (安委会 too: 国务院安委会办公室 is the State Council's committee's office, no 国务院 beside another organ)
_LONG_SUFFIXES = ("办公室", "办公厅", "委员会", "人民政府", "办事处", "管委会", "安委会")


def _inside_suffix(name: str, p: int) -> bool:
    """Does ``p`` fall inside an organ suffix (县委办|公室 is no cut: 办公室 runs across it)?"""
    return any(name.startswith(suf, start) and start + len(suf) > p
               for suf in _LONG_SUFFIXES for start in range(max(0, p - len(suf) + 1), p))


def _split_joint(name: str) -> list[str]:
    """``临江市应急管理局临江市公安局`` -> both organs: a joint notice's organs printed with no
    separator once spaces are dropped (also 中共某县委办公室某县人民政府办公室). A cut falls after an
    organ's last character where a territorial name and an organ follow; a single organ's name
    (临江市公安局交通警察支队, 某省人民政府办公厅) stays whole."""
    cuts = []
    for p in range(4, len(name) - 3):
        if name[p - 1] not in _ORGAN_END or _inside_suffix(name, p):
            continue
        if _branch_of(name[cuts[-1] if cuts else 0:p], name[p:]):
            continue  # 国家税务总局某市税务局: the administration's branch, one organ
        if (branch := _branch_name(name[cuts[-1] if cuts else 0:])) and branch > p - (cuts[-1] if cuts else 0):
            continue  # 国家矿山安全监察局山西局 between two organs: the administration's branch, one organ
        if name[p - 1] == "局" and re.fullmatch(r"[\u4e00-\u9fff]{2,20}分局", name[p:]):
            continue  # 鹭江市市场监督管理局鹭江高新区分局: the bureau's branch, one organ
        if name[:p].endswith("人民政府") and re.match(r"[\u4e00-\u9fff]{1,9}?(?:街道办事处|镇人民政府|乡人民政府|苏木人民政府)$", name[p:]):
            continue  # 某区人民政府某某街道办事处: one office's full name, not two organs
        rest = _PARTY.sub("", name[p:])
        # (a place or a bare tier opens the next organ, an autonomous one too (自治区党委办公厅自治区人民政府办公厅);
        # so does a central organ, 国家税务总局 after 某市财政局)
        if (split_region(rest)[0] or re.match(r"(?:自治区|自治州|自治县|自治旗|[省市县区州旗])(?![长委场])|国家|国务院", rest)) \
                and looks_like_issuer(name[p:]):
            cuts.append(p)
    if not cuts:
        central = _split_central(name)
        return central or [name]
    parts = [name[a:b] for a, b in zip([0] + cuts, cuts + [len(name)])]
    if not all(len(p) >= 4 and looks_like_issuer(p) for p in parts):
        return [name]
    return [q for p in parts for q in (_split_central(p) or [p])]


# a central administration (国家税务总局) whose branches are named by their place and its own trade
_CENTRAL_ADMIN_RX = re.compile(r"^国家([\u4e00-\u9fff]{2,8}?)总局")


def _branch_of(central: str, rest: str) -> bool:
    """Is ``rest`` (柘川市税务局) the branch of ``central`` (国家税务总局) that its place names: the
    administration's own trade after a place? Then ``central + rest`` is one organ, run from the centre,
    not two organs signing together."""
    m = _CENTRAL_ADMIN_RX.fullmatch(central)
    region, organ = split_region(rest)
    return bool(m and region and organ.startswith(m.group(1)))


def _split_central(name: str) -> list[str] | None:
    """``应急管理部公安部交通运输部`` -> the three ministries: central organs name no territory, so
    a joint notice's ministries run together are cut where every piece is a central organ's whole
    name (部, 总局, 国家…局); ``应急管理部办公厅`` has no such cut."""
    for p in range(3, len(name) - 2):
        # (no cut before an organ's suffix: 应急管理部|办公厅住房和城乡建设部办公厅 would leave a piece opening
        # with 办公厅, which names no organ; the cut falls after it)
        if name[p - 1] in _ORGAN_END and not _inside_suffix(name, p) and not name.startswith(_LONG_SUFFIXES, p) \
                and _CENTRAL_RX.search(name[:p]) and looks_like_issuer(name[p:]):
            rest = _split_central(name[p:]) or ([name[p:]] if _CENTRAL_RX.search(name[p:]) else None)
            if rest:
                return [name[:p]] + rest
    return None


# the state's name before a central organ's (中华人民共和国应急管理部, as its decrees are signed;
# 中华人民共和国国家卫生健康委员会; a maritime branch, 中华人民共和国山东海事局): the organ its notices name
# without it, one organ under one name (中华人民共和国海事局, the administration itself, keeps it: 海事局 alone
# names no organ)
_RE_STATE_PREFIX = re.compile(r"^中华人民共和国(?=[\u4e00-\u9fff]{1,12}部$|国家[\u4e00-\u9fff]{2,16}$|(?!地方)[\u4e00-\u9fff]{2,3}海事局$"
                              r"|[\u4e00-\u9fff]{2,4}海关$)")  # (a customs office too: 中华人民共和国岚江海关 → 岚江海关)


#: full-width digits as half-width ones (``２０２７``, as an input method in full-width mode types them)
FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# a portal's tag before a headline (【重要通知】, 〔转载〕, [通知公告]): the site's column or a label, no part of an organ's name
# (no organ's name opens with a bracket; a number's 〔2027〕 closes a name, never opens one)
_RE_PORTAL_TAG = re.compile(r"^\s*[【〔\[［][\u4e00-\u9fff]{1,8}[】〕\]］]\s*")
# a title opening with its verb of sending (转发国务院安委会办公室关于…的通知, as a portal shortens 关于转发…的通知的通知):
# the organ after it is the one whose notice is passed on; the title names none of its own
_RE_FORWARDS = re.compile(r"^\s*(?:(?:关于)?(?:转发|批转|印发|下发)|《)")


def forwards_only(opening: str) -> bool:
    """Does a title's opening (its text before 关于) name only the organ whose notice it passes on (``转发国务院安委会办公室``),
    or only a document it is about (``《鹭汀市人民政府关于…的通知》政策解读``, signed by the bureau that explains it: the
    organ inside 《》 was the issuer, read as ``《鹭汀市人民政府``)?"""
    return bool(_RE_FORWARDS.match(_RE_PORTAL_TAG.sub("", opening)))


def normalize_issuer(raw: str | None, region_hint: str | None = None) -> str | None:
    """One written form per organ: spaces, seals and parenthesised remarks dropped, abbreviations
    spelt out, and a bare ``省政府``/``市安委办`` prefixed with ``region_hint`` when it is known."""
    if not raw:
        return None
    # (an investigation team named by its accident's date in full-width digits, …“３·２１”…调查组: the half-width name)
    name = re.sub(r"[（(][^（）()]*[)）]", "", _RE_PORTAL_TAG.sub("", raw.translate(FULL_DIGITS))).strip()
    if forwards_only(name):
        return None  # (转发国务院安委会办公室…: the forwarded organ, not the one the document is from)
    # a title's opening up to 关于 may hold a forwarding (青石县人民政府办公室转发临江市应急管理局
    # 关于…的通知): the document is the forwarding organ's, not the one it forwards
    sender = re.split(r"转发|批转|印发", name)[0]
    if sender != name and looks_like_issuer(sender):
        name = sender
    # organs side by side, set apart by spaces (应急管理部　公安部　交通运输部): a joint notice's
    # organs, when every one of them reads as an organ (a name wrapped with a space stays whole)
    spaced = [w for w in re.split(r"[\s\u3000]+", name) if w]
    if len(spaced) > 1 and all(looks_like_issuer(w) and len(w) >= 3 for w in spaced):
        name = "、".join(spaced)
    name = re.sub(r"[\s\u3000]+", "", name).strip("，。：:;；")
    if not name:
        return None
    parts = [q for p in re.split(r"[、，,]", name) if p for q in _split_joint(p)]
    out = []
    for part in parts:
        part = _expand(part)
        # 兵团应急管理局, 第七师应急管理局: there is one 兵团, and a 师 named first is one of its own (also by its
        # short name without 第, 十四师应急管理局, as a title may open)
        if looks_like_issuer(part):
            part = re.sub(r"^([一二三四五六七八九十]{1,3}师)(?=[\u4e00-\u9fff]{2})", r"第\1", part)
        part = re.sub(r"^(?:兵团(?=[\u4e00-\u9fff]{2})|(?=第[一二三四五六七八九十]{1,3}师))", CORPS, part)
        part = _RE_STATE_PREFIX.sub("", part)
        bare = _RE_BARE_TIER.match(part)
        if region_hint and bare and not split_region(part)[0]:
            tier = bare.group(0)
            hint_tiers = _tiers(region_hint)
            match = [t for t in hint_tiers if t.endswith(tier) and t != CORPS]  # (团: a regiment, not the 兵团)
            if match:
                part = "".join(hint_tiers[:hint_tiers.index(match[-1]) + 1]) + part[len(tier):]
        out.append(_prefecture_office(part, region_hint))
    return "、".join(out)


def _prefecture_office(name: str, region_hint: str | None) -> str:
    """``塔勒克行政公署`` with the place ``塔勒克地区`` known -> ``塔勒克地区行政公署``: a 地区's government is
    called by the prefecture's name without 地区 (塔勒克行署), and is one organ with its full name."""
    m = re.match(r"^([\u4e00-\u9fff]{2,8}?)行政公署", name)
    if not (m and region_hint) or split_region(name)[0]:
        return name
    last = (_tiers(region_hint) or [""])[-1]
    if last == m.group(1) + "地区":
        return region_hint[: region_hint.index(last)] + last + name[len(m.group(1)):]
    return name


def place_only(text: str) -> bool:
    """``蓼湾区`` / ``柘川市蓼湾区``: a place's name with no organ after it (docs/segmentation.md: a place is not an organ)."""
    region, organ = split_region(text.strip())
    return bool(region) and not organ


#: the names a forest fire headquarters goes by (森林防火指挥部 before 2019, 森林草原防灭火指挥部 since; 森林防灭火…,
#: 森林草原防火… between): one organ, the short name 森防指 spelt as the newest
_FOREST_FIRE = "森林草原防灭火指挥部"
_FOREST_FIRE_NAMES = re.compile(r"森林(?:草原)?防(?:灭)?火指挥部")


def _signed_name(short: str, fulls: list[str]) -> str:
    """``short`` (one organ, spelt out) by the full name a signature gives it: the same organ under the
    places above it (``望江街道办事处`` signing ``岱川市临河区望江街道办事处``; a party organ's 中共 stays first:
    ``中共望江街道工作委员会`` signing ``中共岱川市临河区望江街道工作委员会``); else ``short``."""
    party = _PARTY.match(short)
    bare = _FOREST_FIRE_NAMES.sub(_FOREST_FIRE, short[party.end():] if party else short)
    for full in fulls:
        if party and not full.startswith(party.group(0)):
            continue
        # (compared by the forest fire headquarters' name its short name is spelt to: 县森防指办 is the 森林防火指挥部办公室
        # a county signs with under the older name)
        full_bare = _FOREST_FIRE_NAMES.sub(_FOREST_FIRE, full[party.end():] if party else full)
        prefix = full_bare[: len(full_bare) - len(bare)]
        if len(full_bare) > len(bare) and full_bare.endswith(bare) and (place_only(prefix) or _central_parent(prefix)):
            return full
        if (_autonomous_short(bare, full_bare) or _bare_tier_of(bare, full_bare) or _zone_short(bare, full_bare)
                or _bare_zone_of(bare, full_bare)):
            return full
    return short


# the short names zones go by in titles and the full names they sign with (沐川经开区 / 沐川经济技术开发区)
_ZONE_SHORT_NAMES = {"经开区": ("经济技术开发区", "经济开发区"), "高新区": ("高新技术产业开发区",), "综保区": ("综合保税区",),
                     "自贸区": ("自由贸易试验区",)}


def _zone_short(short: str, full: str) -> bool:
    """Is ``short`` (沐川经开区安全生产委员会办公室) ``full`` (沐川经济技术开发区安全生产委员会办公室) by the short name its zone
    goes by, under the same places above it (or more: 沅澜省沐川经济技术开发区…)? Only word for word but for that ending."""
    for abbr, longs in _ZONE_SHORT_NAMES.items():
        if abbr not in short:
            continue
        for long_ in longs:
            spelt = short.replace(abbr, long_, 1)
            if full == spelt or (full.endswith(spelt) and place_only(full[: len(full) - len(spelt)])):
                return True
    return False


# (a township's, a town's, a street office's or a 苏木's too: 镇安委会 and 乡防指 titled, the signature naming which)
# a zone named bare by its kind, as its own notices name it (经开区安委办, 开发区管委会, 新区管委会): the short kinds first
_RE_BARE_ZONE = re.compile(rf"^(?:{'|'.join(_ZONE_SHORT_NAMES)}|{_ZONE_ENDINGS}|新区)")


def _bare_zone_of(short: str, full: str) -> bool:
    """Is ``short`` (经开区安全生产委员会办公室: a zone named by its kind alone) ``full`` (澄河经济技术开发区安全生产委员会办公室) by
    the zone the signature names? The same organ after a zone's name of that kind (经开区: 经济技术开发区 or 经济开发区)."""
    m = _RE_BARE_ZONE.match(short)
    rest = short[m.end():] if m else ""
    if not (rest and looks_like_issuer(rest) and full.endswith(rest)):
        return False
    zone = full[: len(full) - len(rest)]
    return any(zone.endswith(kind) and len(zone) > len(kind) for kind in (m.group(0), *_ZONE_SHORT_NAMES.get(m.group(0), ())))


# (a 地区's, 地区行署办公室; a 林区's, 林区应急管理局; and the 兵团's: a 师, a 团, and a 师 run with its city, 师市 for 第八师石河子市)
_RE_BARE_TIER = re.compile(r"^(?:自治区|自治州|自治县|自治旗|街道|苏木|地区|林区|师市|[省市县区州盟旗乡镇师团])(?![长委])")


def _bare_tier_of(short: str, full: str) -> bool:
    """Is ``short`` (州应急管理局, 市安委会: a tier named bare, as a notice names its own place) ``full`` (雾岭彝族自治州
    应急管理局) by the place the signature names? The signature says which 州 it is: a number's guess at the place
    (雾州应急 → 雾州) does not. The 兵团's tiers by their numbers: 师 a 第X师, 团 a regiment, 师市 a 第X师 and the city
    it runs with (师市安委办 signing 新疆生产建设兵团第八师石河子市安全生产委员会办公室)."""
    tier = _RE_BARE_TIER.match(short)
    region, organ = split_region(full)
    if not (tier and region and organ and organ == short[tier.end():]):
        return False
    word, tiers = tier.group(0), _tiers(region)
    if word == "师市":
        return len(tiers) >= 2 and bool(_CORPS_DIVISION_RX.fullmatch(tiers[-2])) and tiers[-1].endswith("市")
    if word in ("师", "团"):
        return bool((_CORPS_DIVISION_RX if word == "师" else _CORPS_REGIMENT_RX).fullmatch(tiers[-1]))
    return region.endswith(word)


def _central_parent(prefix: str) -> bool:
    """Is ``prefix`` a central organ whose own office the rest names (国家铁路局 before 岚城铁路监督管理局, 应急管理部 before
    办公厅): the same office, a title naming it without its administration as a place's organ goes without its place."""
    return bool(_CENTRAL_RX.search(prefix) and looks_like_issuer(prefix) and not split_region(prefix)[0])


# the nationalities an autonomous unit's full name holds (彝族, 苗族侗族, 土家族苗族): its short name leaves them out
_RE_NATIONALITIES = r"(?:[\u4e00-\u9fff]{1,5}?族)+自治"


def _autonomous_short(short: str, full: str) -> bool:
    """Is ``short`` (雾岭州应急管理局) ``full`` (雾岭彝族自治州应急管理局) by the short name an autonomous 州, 县 or 旗
    goes by, its nationalities and 自治 left out, under the same places above it? Only a name the full one holds
    word for word around them."""
    region = split_region(short)[0]
    if not region or region[-1] not in "州县旗" or region.endswith("自治" + region[-1]):
        return False
    stem, rest = region[:-1], short[len(region):]
    m = re.search(re.escape(stem) + _RE_NATIONALITIES + re.escape(region[-1] + rest) + "$", full)
    return bool(m and (m.start() == 0 or place_only(full[:m.start()])))


def _signers_of_place(place: str, fulls: list[str]) -> str:
    """The signing organs that govern ``place`` (澜湾街道 in the title, 桐岚市鹭汀区澜湾街道办事处 signing; 芦口镇, its
    party committee and its government signing together: both), joined as a joint notice's issuers; ``""`` when no
    signer's territory ends with that place."""
    place = place.strip()
    return "、".join(f for f in fulls if (region := split_region(f)[0]) and region.endswith(place) and split_region(f)[1])


#: a village, a community or a 嘎查 named alone (柳湾村, 柳岸社区, 乌兰嘎查): a place, no organ
_VILLAGE_ALONE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:村|社区|嘎查)")


def _committees_of_village(village: str, fulls: list[str]) -> str:
    """The signing committees (村民委员会, 居民委员会, 嘎查委员会) of ``village``: those whose village, after the places above
    it, is that one (柳湾村 / 峦山彝族自治县石门瑶族乡柳湾村村民委员会), joined as a joint notice's issuers; ``""`` if none."""
    out = []
    for full in fulls:
        region, organ = split_region(full)
        m = _RE_VILLAGE.match(organ)
        if m and not _PARTY.match(full) and m.group(1).endswith(village) and (m.group(1) == village or place_only(
                m.group(1)[: len(m.group(1)) - len(village)])):
            out.append(full)
    return "、".join(out)


#: a title naming a joint notice by its lead organ and how many sign (应急管理部等五部门, 省应急管理厅等7部门, 市安委办等
#:有关单位): the organs the signature lists
_RE_LEAD_AND_OTHERS = re.compile(r"^(.{2,30}?)等(?:[\d一二三四五六七八九十]{1,3}个?|多个?|有关)?(?:部门|单位|部委|机关)$")


def _lead_signs_first(organ: str, fulls: list[str]) -> bool:
    """Is ``organ`` (``应急管理部等五部门``) a lead organ and others, the lead the first of several ``fulls`` signing?"""
    m = _RE_LEAD_AND_OTHERS.match(organ.strip())
    if not (m and len(fulls) >= 2 and looks_like_issuer(m.group(1))):
        return False
    lead = normalize_issuer(m.group(1)) or m.group(1)
    return fulls[0] == lead or _signed_name(lead, fulls[:1]) == fulls[0]


def full_name(organ: str, signed: list[str]) -> str:
    """The organ a title opens with, by the full name the signature gives it: ``桂塘街道办事处`` signing
    ``柘川市蓼湾区桂塘街道办事处`` is that office (its city and district say where it is); each organ of a
    joint title by its own line of a stacked signature (``中共望江街道工作委员会　望江街道办事处`` over
    ``中共岱川市临河区望江街道工作委员会`` / ``岱川市临河区望江街道办事处``). Only the same organ under the
    places above it; an organ the signature names no fuller keeps the title's name. Names are compared spelt
    out (``云岫镇安委会`` in the title, ``青石县云岫镇安全生产委员会`` signing: one committee); the title's
    ``organ`` is returned as it is when the signature names none of its organs fuller. A place alone (``澜湾街道``)
    is no organ: the organs signing for it, when any does; none (``""``) when nothing signs."""
    if forwards_only(organ):
        return ""  # (转发某局关于…: the forwarded organ; the document is the signing one's, read from the signature)
    if place_only(organ) and not signed:
        # a place titled alone and nothing signing (芦口镇关于…, only a date under it): no organ at all, the place only
        # the document's region (docs/segmentation.md: a place is not an organ); a place signing as itself stays, below
        return ""
    fulls = [f for name in signed for f in (normalize_issuer(name) or name).split("、")]
    if _VILLAGE_ALONE.fullmatch(organ.strip()) and (committees := _committees_of_village(organ.strip(), fulls)):
        # a village (or community, 嘎查) titled alone, 柳湾村关于…的倡议书: its committee signing is the issuer, as a
        # town's government is for 芦口镇 (split_region knows no village: 村 ends subjects too, so only here)
        return committees
    if place_only(organ) and (signers := _signers_of_place(organ, fulls)):
        # a place is no organ (docs/segmentation.md): the organs signing for it are the issuers (a place signing as itself, 蓼湾区
        # over the date, stays as it was read: tests/test_signatures.py)
        return signers
    if _lead_signs_first(organ, fulls):
        return "、".join(fulls)  # (应急管理部等五部门 over five signing: those five)
    shorts = (normalize_issuer(organ) or organ).split("、")
    named = [_signed_name(short, fulls) for short in shorts]
    return "、".join(named) if named != shorts else organ


def looks_like_issuer(name: str) -> bool:
    """Does ``name`` end like the name of an organ (人民政府, 安委会, 应急管理局, 某部…)?"""
    name = _expand(re.sub(r"\s+", "", name))
    return bool(2 <= len(name) <= 40 and _ORGAN_SUFFIX_RX.search(name) and not _NO_ORGAN_END.search(name)
                and not re.search(r"[，。；：]", name))


# words that end in an organ's character but name people, a part or a whole (干部: cadres; 内部: the inside of; 东部: a
# place's east; 大局, 格局): a title opening 岩溪县党政领导干部…清单 or 岩溪县机关内部…办法 names its subject, no organ
_NO_ORGAN_END = re.compile(r"(?:干部|[内外全局东西南北中]部|[大全格布]局)$")


# an enterprise (a state-owned 集团公司 too) sits on no tier of the government ladder, whoever owns it:
# 中国…集团有限公司 is no central organ for opening with 中国
_ENTERPRISE_RX = re.compile(r"集团|公司")
#: an association (行业协会, 中国…协会) signing under its own name: a social organisation, no organ of a government
_ASSOCIATION_RX = re.compile(r"协会(?:[\u4e00-\u9fff]{1,10}分会|秘书处|办公室|安全生产委员会(?:办公室)?)?$")
_GOVERNMENT_TEAM_RX = re.compile(r"事故(?:联合)?调查组$")


def is_enterprise(issuer: str | None) -> bool:
    """Is the (first) issuer an enterprise or one of its own organs (岚江能源集团有限公司, its 安全生产委员会, 公司各车队)?
    The one definition metadata's levels and the reports' notes share. A government's accident investigation team
    named after a company (汀阜县鑫源化工有限公司“3·21”中毒窒息事故调查组) is no enterprise."""
    first = (issuer or "").split("、")[0]
    return bool(_ENTERPRISE_RX.search(first)) and not _GOVERNMENT_TEAM_RX.search(first)


def enterprise_region(name: str) -> str | None:
    """The place an enterprise's name opens with (临江市城市建设投资集团有限公司 -> 临江市); none for
    a name opening with 中国/国家/中华 or a national group's short name (a national group's: 国家电网东川省电力有限公司,
    国网东川省电力有限公司 name a province only as its branch's) or with no place."""
    if re.match(r"^(?:中国|国家|中华)", name) or _NATIONAL_GROUP_SHORT.match(name):
        return None
    return split_region(name)[0] or None


# a village's or a community's own committee (村民委员会 / 居民委员会, their short names and their party
# branch): the place before it is its territory. Read only before such a committee's name: 村 and 社区 end
# subjects in titles (农村, 城中村, 社区消防…), so they are no tier of split_region
# (a 嘎查's committee is named 嘎查委员会 after its name, 巴音嘎查委员会: the 嘎查 is the place, as 柳塘村's 村委会 after 柳塘村)
_RE_VILLAGE = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:村|社区|嘎查))(?:村民委员会|居民委员会|村委会|居委会|嘎查委员会|党支部|党总支"
                         r"|(?<=嘎查)委员会|(?<=村)委会)")


def issuer_region_level(issuer: str | None) -> tuple[str | None, str | None]:
    """``(region, level)`` of a normalised issuer (the first one of a joint document)."""
    if not issuer:
        return None, None
    first = issuer.split("、")[0]
    # (应急管理部等五部门, unsigned: the lead organ's place and tier)
    first = lead.group(1) if (lead := _RE_LEAD_AND_OTHERS.match(first)) and looks_like_issuer(lead.group(1)) else first
    # (a team the government sets up is named after the accident it investigates, the enterprise's name in it:
    # 汀阜县鑫源化工有限公司“3·21”中毒窒息事故调查组 is the county's team, no enterprise)
    if _GOVERNMENT_TEAM_RX.search(first) and (companies := list(_ENTERPRISE_RX.finditer(first))):
        first = (split_region(first)[0] or "") + first[companies[-1].end():]  # 汀阜县“3·21”…调查组
    if is_enterprise(first):
        return enterprise_region(first), "department"
    if _ASSOCIATION_RX.search(first):
        # a social organisation on no tier, a national one too: 中国…协会 opens as central organs do (中国气象局) but is
        # none (its region: the place its name opens with, none for a national one, as an enterprise's)
        return enterprise_region(first), "department"
    admin = _CENTRAL_ADMIN_RX.match(first)
    if admin and _branch_of(admin.group(0), first[admin.end():]):
        # 国家税务总局柘川市税务局: a central administration's branch, as 国家矿山安全监察局山西局 (central,
        # its territory the place it names)
        return split_region(first[admin.end():])[0], "central"
    region, organ = split_region(first)
    if village := _RE_VILLAGE.match(organ):
        # 某镇柳塘村村民委员会, 某街道柳岸社区居民委员会: the village or community the committee governs itself
        # (below the township, on no tier of the ladder)
        return region + village.group(1), "department"
    # (a zone's party committee, 中共霁川经济技术开发区工作委员会, governs the zone its name holds after 中共)
    zone = _ZONE_RX.match(_PARTY.sub("", first))
    if zone and len(zone.group(1)) > len(region):
        # 临江经济技术开发区管理委员会, 云州经济开发区应急管理局: a zone's name holds organ words (经济)
        # or a tier's ending (云州), so split_region stops short of it; the zone is the territory its
        # organs govern, on no tier of the ladder (a 新区 may be a district: not taken here)
        return zone.group(1), "department"
    if region:
        if _BUREAU_BRANCH_RX.match(organ):
            # 沐川市应急管理局沐川经济技术开发区分局, 桐岚市应急管理局鹭汀分局: the bureau's own branch where it serves a
            # zone or a district, on the bureau's tier
            return region, region_level(region)
        # (a 兵团's regiment farm, 第六师芳草湖农场, is a tier of its ladder, no farm an enterprise runs)
        if _NON_TIER.search(organ) or (_NON_TIER.search(region) and not _CORPS_REGIMENT_RX.fullmatch(_tiers(region)[-1])):
            return region, "department"
        office = re.match(r"^人民政府([\u4e00-\u9fff]{1,9}?(?:街道|镇|乡|苏木))(?:办事处|人民政府)", organ)
        if office:
            # 临江市东陵区人民政府东湖街道办事处: a street office's full name, the district
            # government's agency: the street is the territory
            return region + office.group(1), "department"
        if re.search(r"(?<!地)区$", region) and _ZONE_ORGAN_RX.match(organ):
            # 临江新区管理委员会, 临江港区管委会: a 区 run by a committee is a zone, whatever its name
            # (a district has a 人民政府: 天津市滨海新区 is county); so is one led by the party's work committee
            # (中共临江市云湖新区工作委员会: a district's party organ is its 区委, a 委员会 with no 工作)
            return region, "department"
        branch = _central_branch(first)
        if branch:
            return branch, "central"
        if _VERTICAL_BRANCH_RX.match(organ):
            # 某省通信管理局, 某省消防救援总队: a central organ's branch named by its place alone
            return region, "central"
        if _PROVINCE_ONLY_BRANCH_RX.fullmatch(organ) and region_level(region) == "province":
            return region, "central"  # 澜霁省地震局: the 中国地震局's
        return region, region_level(region)
    # a bare tier before the central patterns: 市委宣传部 and 县应急管理局 end like a ministry's
    # or a central bureau's name, but their 市/县 (and its party committee 市委) is a tier
    if re.match(r"^省", first):
        return None, "province"
    if re.match(r"^市(?!场)", first):
        return None, "city"
    if re.match(r"^[县区](?!域)", first):
        return None, "county"
    if _BASIN_AGENCY_RX.fullmatch(first):
        return None, "central"  # 水利部岚江水利委员会: a basin, no province, not the whole country
    if _CENTRAL_RX.search(first) or _CENTRAL_UNIT_RX.match(first):
        return _central_region(first), "central"
    if customs := _CUSTOMS_RX.fullmatch(first):
        return _PROVINCE_SHORT.get(customs.group(1)), "central"  # 岚江海关: none; 北京海关: 北京市
    if _MARITIME_RX.fullmatch(first):
        # 山东海事局: the 交通运输部's branch named by a province's short name (no tier): its province, else
        # a territory the name does not tell (长江海事局)
        return _central_branch(first), "central"
    return None, "department"


#: a bureau's branch named after the bureau (应急管理局沐川经济技术开发区分局, 市场监督管理局鹭江高新区分局)
_BUREAU_BRANCH_RX = re.compile(r"^[\u4e00-\u9fff]{2,16}局[\u4e00-\u9fff]{2,20}分局$")


# the organs that run a zone, not a district: its committee and the party's work committee sent to lead it
_ZONE_ORGAN_RX = re.compile(r"管理委员会|管委会|党工委|工作委员会|工委")


# a ministry's own bureau or department (应急管理部消防救援局, 住房和城乡建设部工程质量安全监管司)
_CENTRAL_UNIT_RX = re.compile(r"^[\u4e00-\u9fff]{2,10}部[\u4e00-\u9fff]{2,14}(?:局|司|中心)$")


# the branches central organs run vertically under a place's name alone, with no 国家… before it (as
# 国家矿山安全监察局山西局 or 国家税务总局某市税务局 have): a province's 通信管理局 (工业和信息化部's), the
# 消防救援总队/支队/大队 of a province, city and county (国家消防救援局's), a 海事局 (交通运输部's; a city's
# 地方海事局 is its own bureau, and so is a 消防协会 or a 通信 office of the government), a 气象局 of a province, city
# or county (the 中国气象局's, which runs them all)
# (also a province's or a city's 邮政管理局, the 国家邮政局's, and a province's 森林消防总队 with its 支队 and 大队, the
# 国家消防救援局's forest fire corps, as its 消防救援总队 are; a county's own 森林消防大队, named by the county alone, is
# the local team its government keeps)
_VERTICAL_BRANCH_RX = re.compile(r"通信管理局|消防救援(?:总队|支队|大队)|森林消防总队|海事局|气象局|邮政管理局")
# a province's 地震局 is the 中国地震局's, which runs the provinces' bureaus; a city's or a county's is its government's own
_PROVINCE_ONLY_BRANCH_RX = re.compile(r"地震局")
# a customs office (海关总署's), named by a city or a port (岚江海关, 中华人民共和国岚江海关): its region is a province only
# where the name is one (北京海关, 天津海关), else none — a port's customs serves no tier's territory
_CUSTOMS_RX = re.compile(r"(?:中华人民共和国)?([\u4e00-\u9fff]{2,4}?)海关")
# a ministry's agency sent to a river basin or a waterway (水利部黄河水利委员会, 水利部太湖流域管理局, 交通运输部长江航务管理局):
# the ministry's, its territory the basin, neither a province nor the whole country
_BASIN_AGENCY_RX = re.compile(r"[\u4e00-\u9fff]{1,10}部[\u4e00-\u9fff]{1,6}(?:水利委员会|流域管理局|航务管理局)")
# (a 海事局's own 海事处, 桐岚海事局鹭汀海事处, is the administration's too)
_MARITIME_RX = re.compile(r"(?:中华人民共和国)?(?!地方)[\u4e00-\u9fff]{2,3}海事局(?:[\u4e00-\u9fff]{2,4}海事处)?")


_PROVINCE_SHORT = {re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", name): name for name in PROVINCES}


def _branch_place(name: str) -> str | None:
    """The place a central organ's branch is named by (``国家矿山安全监察局山西局`` -> 山西, ``山东海事局`` ->
    山东, ``国家能源局华北监管局`` -> 华北), ``None`` for no branch's name."""
    m = _branch_match(name)
    return m.group(1) if m else None


def _branch_name(name: str) -> int:
    """The length of the central organ's branch ``name`` opens with (``国家矿山安全监察局山西局山西省能源局`` -> 12), 0 for
    none: a joint notice's organs are not cut inside it."""
    m = _branch_match(name)
    return m.end() if m else 0


def _branch_match(name: str) -> re.Match | None:
    m = re.match(r"^(?:国家|中国)[\u4e00-\u9fff]{2,12}?(?:局|总局|署)(内蒙古|黑龙江|[\u4e00-\u9fff]{2})(?:分局|监管局|监管办公室|局)", name)
    # (国家铁路局沈阳铁路监督管理局: the railway administration's regional office, named by the city it sits in;
    # 中国民用航空华东地区管理局 / 中国民用航空山西安全监督管理局: the civil aviation administration's, named by an
    # area or a province)
    m = m or re.match(r"^国家铁路局(内蒙古|黑龙江|[\u4e00-\u9fff]{2})铁路监督管理局", name)
    m = m or re.match(r"^中国民用航空(内蒙古|黑龙江|[\u4e00-\u9fff]{2})(?:地区管理局|安全监督管理局)", name)
    # (中华人民共和国)山东海事局: the maritime administration's branch names its province alone
    # (also named with its ministry, 交通运输部广东海事局, as its notices are headed)
    m = m or re.match(r"^(?:中华人民共和国|交通运输部)?(内蒙古|黑龙江|[\u4e00-\u9fff]{2})海事局(?:[\u4e00-\u9fff]{2,4}海事处)?$",
                      name)
    return m


def _central_branch(name: str) -> str | None:
    """The province a central organ's branch serves: ``国家矿山安全监察局山西局`` -> 山西省 (a
    vertically run branch is the central organ's, but its territory is the province it names)."""
    return _PROVINCE_SHORT.get(_branch_place(name) or "")


def _central_region(name: str) -> str | None:
    """The region of a central organ named by no tier's place: its branch's province, none for a branch of a
    place no province list knows (国家矿山安全监察局中岳局, 国家能源局华北监管局: not the whole country),
    else 全国."""
    return _central_branch(name) or (None if _branch_place(name) else CENTRAL_REGION)


_CENTRAL_NUMBERS = ("国发", "国办", "国函", "安委", "国能", "应急", "建质", "建办", "建安", "交安", "交运", "公消", "公交管",
                    "工信", "自然资", "国土资", "矿安", "煤安", "安监总", "中气", "中震")


_NUMBER_ORGANS = [(re.compile(r"^(?:政办|府办)"), "人民政府办公室"), (re.compile(r"^(?:政|府)"), "人民政府"),
                  (re.compile(r"^安委办|^安办"), "安全生产委员会办公室"), (re.compile(r"^安委"), "安全生产委员会"),
                  (re.compile(r"^应急"), "应急管理局")]


#: a document number as its line prints it: the organ's letters, a place's short name in brackets before them or inside them
#: (（沐）应急责改〔2027〕第12号, an enforcement order's; 鹭（江）安委〔2026〕31号), the year in any bracket, the serial
#: (the one pattern of a number: corpus.clean's RE_DOCNUM, the number line's kind, is this and an optional 签发人)
#: A number in 〔〕 (the bracket of the national format, GB/T 9704) may close its line without 号 (``澄应急〔2027〕23``) or
#: with its serial left blank (``岩应急发〔2027〕``, ``岩应急发〔2027〕　号``, a template's): still the number line, not a
#: line of body text (which opened a second document); a blank serial gives no number (:func:`document_number`). In any
#: other bracket 号 must follow (``年度报告（2027）``, a table's ``合计（2026） 15`` are no numbers).
NUMBER_FORM = (r"^\s*((?:[（(][\u4e00-\u9fff]{1,4}[)）]\s*)?[\u4e00-\u9fff]{1,8}(?:[（(][\u4e00-\u9fff]{1,4}[)）][\u4e00-\u9fff]{1,8})?)"
               r"\s*(?=〔|[\[（(【［﹝]\s*(?:19|20)\d{2}\s*年?\s*[\]〕）)】］﹞]\s*第?\s*\d*\s*号)"  # (号 checked where it must be)
               r"[\[〔（(【［﹝]\s*((?:19|20)\d{2})\s*年?\s*[\]〕）)】］﹞]\s*第?\s*(\d*)\s*(?:号|(?=\s*(?:签发人|$)))")
_RE_NUMBER_LINE = re.compile(NUMBER_FORM)


def document_number(text: str | None) -> str | None:
    """A number line's document number in one written form: ``（沐）应急责改〔2027〕第12号`` -> ``（沐）应急责改〔2027〕12号``,
    ``鹭（江）安委［2026］31号`` -> ``鹭（江）安委〔2026〕31号`` (the year in 〔〕, no 第 or leading zero; a place's bracketed
    short name kept where it is printed: it says whose number it is, and without it ``应急责改`` reads as the ministry's)."""
    m = _RE_NUMBER_LINE.match((text or "").translate(FULL_DIGITS))  # (岫安办〔２０２７〕１５号: as 〔2027〕15号)
    if not m or not m.group(3):
        return None  # (岩应急发〔2027〕　号: a serial left blank is no number)
    head = re.sub(r"\s+", "", m.group(1)).replace("(", "（").replace(")", "）")
    return f"{head}〔{m.group(2)}〕{int(m.group(3))}号"


def issuer_from_number(number: str | None, region_hint: str | None = None) -> tuple[str | None, str | None, str | None]:
    """``(issuer, region, level)`` read from a document number, as far as it tells them:
    ``晋政发〔2019〕1号`` -> 山西省人民政府, ``某市安委办〔2027〕1号`` -> 某市安全生产委员会办公室;
    with the region a title names (临江市…办法), ``临政规〔2027〕2号`` -> 临江市人民政府."""
    if not number:
        return None, None, None
    # (a place's short name in brackets is read as printed without them: （沐）应急 is 沐应急, 鹭（江）安委 鹭江安委)
    prefix = re.sub(r"[（()）]", "", number.split("〔")[0])
    if region_hint and not split_region(prefix)[0]:
        # the number opens with the first character of the hint's last unit whose first character
        # it is (东政发 under 临江市东陵区 is 东陵区's; 临政发 under 临江市 is 临江市's)
        hint_tiers = _tiers(region_hint)
        for k in range(len(hint_tiers), 0, -1):
            if prefix[:1] != hint_tiers[k - 1][:1]:
                continue
            # two characters of the place's name (石桥府发 under 重庆市石桥县), else one
            tier = hint_tiers[k - 1]
            widths = (2, 1) if len(tier) >= 3 and prefix[:2] == tier[:2] else (1,)
            for rx, organ in _NUMBER_ORGANS:
                if any(rx.match(prefix[width:]) for width in widths):
                    hint = "".join(hint_tiers[:k])
                    hint_level = region_level(hint)
                    if organ == "人民政府办公室" and hint_level == "province":
                        organ = "人民政府办公厅"
                    if organ == "应急管理局" and hint_level == "province" and hint not in MUNICIPALITIES:
                        organ = "应急管理厅"
                    return hint + organ, hint, hint_level
            break
    region, organ = split_region(prefix)
    if region:
        issuer = region + _expand(organ) if looks_like_issuer(region + organ) else None
        return issuer, region, region_level(region)
    if re.match(r"^新?兵", prefix):
        # 新兵发, 兵安委, 兵办发: the 兵团's own numbers (新 alone is the autonomous region's)
        head = re.sub(r"^新?兵", "", prefix)
        organ = {"发": "", "函": "", "办发": "办公厅", "办": "办公厅", "办函": "办公厅"}.get(head)
        organ = organ if organ is not None else _number_organ(head, "province")
        return (CORPS + organ if organ is not None else None), CORPS, "province"
    if prefix.startswith(_CENTRAL_NUMBERS):
        central = {"国发": "国务院", "国办发": "国务院办公厅", "国办函": "国务院办公厅", "国函": "国务院",
                   "安委": "国务院安全生产委员会", "安委办": "国务院安全生产委员会办公室", "应急": "应急管理部"}
        issuer = central.get(prefix)
        if not issuer:
            # a number's head names the organ, whatever follows it (安委办明电, 应急厅函, 矿安发)
            issuer = next((organ for head, organ in _CENTRAL_NUMBER_HEADS if prefix.startswith(head)), None)
        return issuer, CENTRAL_REGION, "central"
    province = _ABBREV.get(prefix[:1])
    if province and len(prefix) >= 2:
        organ = _number_organ(prefix[1:], "province", municipality=province in MUNICIPALITIES)
        return (province + organ if organ else None), province, "province"
    return None, None, None


# heads of central organs' numbers, longest first within a family (安委办 before 安委)
_CENTRAL_NUMBER_HEADS = [
    ("国办", "国务院办公厅"), ("国发", "国务院"), ("国函", "国务院"),
    ("安委办", "国务院安全生产委员会办公室"), ("安委", "国务院安全生产委员会"),
    ("应急厅", "应急管理部办公厅"), ("应急", "应急管理部"), ("矿安", "国家矿山安全监察局"),
    ("煤安监", "国家煤矿安全监察局"), ("安监总", "国家安全生产监督管理总局"),
    ("建办", "住房和城乡建设部办公厅"), ("建", "住房和城乡建设部"), ("交办", "交通运输部办公厅"), ("交", "交通运输部"),
    ("公消", "公安部消防局"), ("公交管", "公安部交通管理局"), ("工信", "工业和信息化部"), ("自然资", "自然资源部"),
    ("国能", "国家能源局"), ("中气", "中国气象局"), ("中震", "中国地震局"),
]


def _number_organ(head: str, level: str, municipality: bool = False) -> str | None:
    """The organ a number's head names after its territory's character: 政发 -> 人民政府, 政办发 ->
    人民政府办公厅 (a province's office; a city's or county's is an 办公室), 安委办/安办 ->
    安全生产委员会办公室, 安委 -> 安全生产委员会, 应急 -> 应急管理厅 (a province's; a 直辖市's
    and every lower one's is a 局)."""
    if head in ("政办发", "政办", "府办发", "府办", "政办函", "府办函"):
        return "人民政府办公厅" if level == "province" else "人民政府办公室"
    if head in ("政发", "政", "府发", "府", "政函", "府函"):
        return "人民政府"
    if head.startswith(("安委办", "安办")):
        return "安全生产委员会办公室"
    if head.startswith(("安委", "安发")):
        return "安全生产委员会"
    if head.startswith("应急"):
        return "应急管理厅" if level == "province" and not municipality else "应急管理局"
    return None


_CN_NUMERAL = "一二三四五六七八九十百零〇\\d"
_RE_ADOPTED_BY = re.compile(rf"日\s*([\u4e00-\u9fff]{{0,30}}?)(?:第[{_CN_NUMERAL}]+届)?((?:全国)?人民代表大会(?:常务委员会)?|人民政府)"
                            rf"(?:第[{_CN_NUMERAL}]+次)?(?:全体|常务)?会议")


def issuer_from_adoption(remarks: list[str]) -> str | None:
    """The organ that made a regulation, from the remark under its title:
    ``（2027年1月15日某某自治州第十四届人民代表大会第五次会议通过　2027年3月30日某省…批准）``
    -> ``某某自治州人民代表大会``; ``…某市人民政府第12次常务会议通过`` -> ``某市人民政府``. The first
    meeting named is the one that made it (a later one approves or amends it)."""
    for remark in remarks:
        m = _RE_ADOPTED_BY.search(remark.replace(" ", "").replace("\u3000", ""))
        # (``市人民政府第31次常务会议通过``: a bare tier names no organ; the decree beside it may)
        if m and (len(m.group(1)) >= 2 or m.group(2).startswith("全国")):
            return m.group(1) + m.group(2)
    return None


# the decree that published rules, in the remark under their title: ``…2027年3月1日某市人民政府令第12号公布``
_RE_PROMULGATED = re.compile(rf"((?:19|20)\d{{2}})年(\d{{1,2}})月(\d{{1,2}})日([\u4e00-\u9fff]{{2,30}}?)令第([{_CN_NUMERAL}]{{1,6}})号(?:公布|发布)")


@dataclass(frozen=True)
class Promulgation:
    """The decree a regulation's remark names: who published it, its number and the day."""

    organ: str
    number: str
    date: str


def promulgation(remarks: list[str]) -> Promulgation | None:
    """``（2027年3月1日松陵市人民政府令第12号公布　自2027年5月1日起施行）`` -> 松陵市人民政府,
    松陵市人民政府令第12号, 2027-03-01: the first decree named (a later one amends the rules)."""
    for remark in remarks:
        m = _RE_PROMULGATED.search(remark.translate(FULL_DIGITS).replace(" ", "").replace("\u3000", ""))
        if m:
            year, month, day, organ, figure = m.groups()
            return Promulgation(organ, f"{organ}令第{cn_number(figure)}号", f"{int(year):04d}-{int(month):02d}-{int(day):02d}")
    return None


# (also the first year of a period written so, 二〇二七—二〇二八年度: its 年 comes after the second year only)
_RE_CN_YEAR = re.compile(r"(?<![一二三四五六七八九十〇○零])([一二][〇○零一二三四五六七八九]{3})"
                         r"(?=\s*(?:[—–\-－~至]\s*[一二][〇○零一二三四五六七八九]{3}\s*)?年)")


def arabic_years(text: str) -> str:
    """``二〇二七年`` -> ``2027年`` (a year written digit by digit, as titles and signing dates
    may be), so the year and genre patterns, written for digits, read it too."""
    return _RE_CN_YEAR.sub(lambda m: str(cn_digits(m.group(1))), text)


# a national or trade standard's code ends with the year it was issued (GB 30871—2022, AQ 3013-2008,
# GB/T 29639-2020): not the year a notice citing it is for
_RE_STANDARD = re.compile(r"(?<![A-Za-z])[A-Z]{1,4}(?:/[TZ])?\s*\d{1,6}(?:\.\d+)*\s*[—–\-－]\s*(?:19|20)\d{2}(?!\d)")


# an edition remark: the year of the text a title cites (关于印发《某市安全生产责任制规定（2018年版）》的
# 通知, 某条例（2019年修订）, （2021年修正）), not the year of the notice that sends or re-issues it
_RE_EDITION = re.compile(r"[（(〔]\s*((?:19|20)\d{2})\s*年?\s*(?:版|修订|修正)(?:版|稿|本)?\s*[)）〕]")
# a five-year plan's period: the n-th plan (n ≥ 3) starts in 1981 + 5·(n − 6) (“十四五” 2021–2025,
# 十五五 2026, 十六五 2031)
_RE_FIVE_YEAR = re.compile(r"[“\"]?(十[一二三四五六七八九]|[三四五六七八九])五[”\"]?(?:规划|时期|期间|计划|发展|应急|安全|[\u4e00-\u9fff]{0,12}规划)")


# a figure shaped like a year that counts something (储存量2000吨以上, 2000家次, 1998.5万元) or is part of a
# longer number: a title names a year by 年 or a period, never by a quantity with its unit
_RE_QUANTITY = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?=\s*(?:[吨万千亿余多米元家人名辆台座户个件处起项次]|平方|立方|公里|千瓦|以上|以下|以内"
                          r"|[kKmMtT][wWgG]?\b|\.\d))|(?<=[\d.])(?:19|20)\d{2}|(?:19|20)\d{2}(?=\d)")


# a target the notice sets (关于到2027年全面消除…的实施意见, 至2026年底): the year its goal is due, not the
# year the notice is for (its number's or signing year); a plan's period (（2025年至2027年）) keeps its first
# year, and 截至2025年 looks back on the notice's own year
_RE_TARGET = re.compile(r"(?<!截)(?:到|至)\s*(?:19|20)\d{2}\s*年")


# a document number a title quotes: a 转发 letter's names the notice it forwards (关于转发霁政发〔2026〕30号文件的
# 通知, …的通知（霁安委〔2026〕12号）的通知), whose year is when that notice was numbered, not the year of the work
# the letter passes on (the letter's own number, signing date or body tell that); any bracket a number is printed with,
# its year also with 年 (梧政发〔2027年〕30号)
_RE_QUOTED_NUMBER = re.compile(r"[〔\[［(（【﹝]\s*(?:19|20)\d{2}\s*年?\s*[〕\]］)）】﹞]\s*第?\s*\d+\s*号")


# a title followed by its own number (a web copy's: …的通知（岱应急〔2027〕12号）): the bracket closes the title
_RE_OWN_NUMBER = re.compile(r"[（(]\s*([\u4e00-\u9fff]{1,8})\s*[〔\[［【﹝]\s*((?:19|20)\d{2})\s*年?\s*[〕\]］】﹞]\s*第?\s*(\d+)\s*号"
                            r"\s*[)）]\s*$")


def title_number(title: str | None) -> str | None:
    """The document number a title closes with, its own (``岱川市应急管理局关于开展…检查的通知（岱应急〔2027〕12号）``
    -> ``岱应急〔2027〕12号``, printed as a number line's is); none for a 转发/批转 letter, whose closing number
    may be the forwarded notice's, nor for a number the title quotes inside it (关于转发…〔2026〕30号文件的通知)."""
    m = _RE_OWN_NUMBER.search(title or "")
    if not m or re.search(r"转发|批转", title[: m.start()]):
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{int(m.group(3))}号"


def year_text(title: str) -> str:
    """A title as the year is read from it: years in Chinese digits as digits, standards' codes,
    document numbers it quotes (〔2026〕30号), edition remarks (（2018年版）, （2019年修订）), quantities (2000吨)
    and targets (到2027年) out."""
    text = _RE_EDITION.sub("", arabic_years(_RE_STANDARD.sub("", _RE_QUOTED_NUMBER.sub("", title or ""))))
    return _RE_TARGET.sub("", _RE_QUANTITY.sub("", text))


def title_fallback_year(title: str | None) -> int | None:
    """The year a title gives when it names no year of its own and the notice has no number and no
    date: a five-year plan's first year (``青石县“十五五”应急管理体系规划`` -> 2026), else the year of
    the edition it cites (a regulation re-issued as ``（2019年修订）``, nothing else dated)."""
    if not title or re.search(r"(?:19|20)\d{2}", year_text(title)):
        return None
    m = _RE_FIVE_YEAR.search(title)
    if m and (n := _cn_small(m.group(1))) >= 3:
        return 1981 + 5 * (n - 6)
    m = _RE_EDITION.search(arabic_years(title))
    return int(m.group(1)) if m else None


def _cn_small(s: str) -> int:
    """``十五`` -> 15, ``九`` -> 9 (a plan's ordinal)."""
    digits = "一二三四五六七八九"
    return 10 + digits.index(s[1]) + 1 if s.startswith("十") else digits.index(s) + 1


# an addressee that names a county or district under the issuer (各县（市、区）, 各区人民政府)
# (a 区 of a zone, park or community is none: 开发区管委会, 高新区、, 各村（社区）)
_RE_ADDRESSES_COUNTIES = re.compile(r"县|各区|[、（(]区|(?<![发新园景社矿城郊林])区(?:[、）)]|人民政府|政府|委|安委)")
_RE_ADDRESSES_TOWNS = re.compile(r"乡|镇|街道|苏木")


# the prefecture-level cities that govern towns and street offices directly, with no county or
# district under them (不设区的地级市): knowledge no notice states, so a fixed list; their notices are
# addressed as a county-level city's are (各镇人民政府、各街道办事处) and must still read ``city``
NO_COUNTY_PREFECTURES = {"东莞市", "中山市", "嘉峪关市", "儋州市"}


def county_level_city(region: str | None, level: str | None, addressees: list[str],
                      genre: str | None = None) -> str | None:
    """The level of a 市 named alone, read from whom its notice is sent to. A 县级市 has no marker
    of its own (临川市 may be a prefecture or a county-level city; its numbers read 临政发 either
    way), but a prefecture-level city sends its notices to its counties and districts
    (各县（市、区）人民政府), a county-level city to its townships and street offices (各镇人民政府、
    街道办事处，市政府各部门): such an addressee, naming no 县 or 区, makes the 市 ``county``. The
    few prefecture-level cities without counties (:data:`NO_COUNTY_PREFECTURES`, which write to
    their towns too) stay ``city``; so does a 市 with no addressee. A 新区 sent to its committee's departments
    is a zone (:func:`run_as_zone`). A report (``genre``) goes up to the organ above its writer: a 市's report to
    another 市's organ (榕川市人民政府 reporting to 霁阳市人民政府) is a county-level city's; a letter may go to a peer
    city, so only a report says so."""
    if run_as_zone(region, level, addressees):
        return "department"
    if level != "city" or not region or not addressees:
        return level
    tiers = _tiers(region)
    if not tiers or not tiers[-1].endswith("市") or tiers[-1] in NO_COUNTY_PREFECTURES:
        return level
    # what a parenthesis after the towns counts with them (各镇（区）, 各镇（区、街道）: zones run as
    # towns) is no district; a prefecture's districts come with its counties (各县（区）)
    sent_to = re.sub(r"(?<=[镇乡道])[（(][^（）()]*[)）]", "", "".join(addressees))
    if _RE_ADDRESSES_TOWNS.search(sent_to) and not _RE_ADDRESSES_COUNTIES.search(sent_to):
        return "county"
    if genre == "report" and _reports_to_another_city(tiers[-1], addressees):
        return "county"
    return level


def _reports_to_another_city(city: str, addressees: list[str]) -> bool:
    """Is every addressee an organ of one other 市 (霁阳市人民政府： under 榕川市), none of a province?"""
    places = {split_region(a.strip().rstrip("：:"))[0] for a in addressees}
    if len(places) != 1 or not (tiers := _tiers(places.pop())):
        return False
    return tiers[-1] != city and tiers[-1].endswith("市") and region_level("".join(tiers)) == "city"


# a committee or the party's work committee named bare (管委会各部门) or after its 新区 (新区管委会, 新区党工委)
_RE_RUN_BY_COMMITTEE = re.compile(r"(?:^|[，,、：:；;\s]|新区)(?:管理委员会|管委会|党工委|工作委员会)")


def run_as_zone(region: str | None, level: str | None, texts: list[str]) -> bool:
    """Is the 新区 a notice's organ serves run by a 管理委员会 (a zone: ``department``), not by a 人民政府 (a
    district: ``county``, as 上海市浦东新区 is)? A 新区's bureau (云湖新区应急管理局) does not say; the notice
    does when its addressees, header or signature name the committee it works under (新区各街道，管委会各部门;
    新区管委会; 新区党工委). A committee after another zone's name (开发区管委会, sent to by a district) is that
    zone's."""
    if level != "county" or not region or not region.endswith("新区"):
        return False
    return any(_RE_RUN_BY_COMMITTEE.search(t or "") for t in texts)


def county_remark(region: str | None, level: str | None, texts: list[str]) -> str | None:
    """``临川市（县级）人民政府``: a 市 that marks itself county-level (（县级）, （县级市）) in its title,
    its issuer line or its web metadata is ``county`` (the remark stays out of the issuer's name). A 新区
    whose committee is named there is a zone (:func:`run_as_zone`)."""
    if run_as_zone(region, level, texts):
        return "department"
    if level != "city" or not region:
        return level
    tiers = _tiers(region)
    if not tiers or not tiers[-1].endswith("市"):
        return level
    rx = re.compile(re.escape(tiers[-1]) + r"\s*[（(]\s*县级(?:市)?\s*[)）]")
    return "county" if any(rx.search(t or "") for t in texts) else level


def province_guess_fits(number: str | None, addressees: list[str], paragraphs: list[str]) -> bool:
    """May a number whose first character is a province's abbreviation (青安委: 青海省?) be read
    as that province's? Many cities and counties open their numbers with the same character
    (青石县's 青安委), so not when the notice says it is a county's or a city's: sent to townships
    or street offices (a province writes to its cities and counties), or speaking of 全县/全市 more
    than of 全省."""
    if not number:
        return True
    prefix = number.split("〔")[0]
    if split_region(prefix)[0] or re.match(r"^新?兵", prefix) or not _ABBREV.get(prefix[:1]):
        return True  # not a one-letter guess
    # 市直 (the city's own bureaus) and 中央、省、市驻县各单位 (units the higher tiers keep in the
    # county) are sent to by a county, not a province's letters to its cities
    sent_to = re.sub(r"市直|(?:中央|省|市|州|、)+驻", "", "".join(addressees))
    if _RE_ADDRESSES_TOWNS.search(sent_to) and not re.search(r"市|州|盟|地区", sent_to):
        return False
    if _ABBREV[prefix[:1]].endswith("自治区"):  # an autonomous region's 全区 is its whole territory
        paragraphs = [p.replace("全区", "全省") for p in paragraphs]
    return level_from_body(paragraphs) not in ("city", "county")


def level_from_body(paragraphs: list[str], title: str = "") -> str | None:
    """A weak last resort: which of 全国 / 全省 / 全市 / 全县·全区 the body speaks of most. A ``title`` naming one
    (``2027年全县安全生产工作要点``, unsigned, no place) counts as twice the body's word: the title says whose work it is."""
    body = "\n".join(paragraphs) + "\n" + title * 2
    counts = Counter({"central": body.count("全国"), "province": body.count("全省") + body.count("全区各族"),
                      "city": body.count("全市"), "county": body.count("全县") + body.count("全区")})
    level, n = counts.most_common(1)[0]
    return level if n >= 2 else None


# --- genre ---------------------------------------------------------------------------------------
_RE_WRAPPED = re.compile(r"(?:印发|转发|下发)[《“]?(.+?)[》”]?(?:的通知|的函|的意见)?$")
# (a notice on 明年 / 下一年度's safety work, sent in December, is the next year's annual notice)
_RE_ANNUAL = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:度)?|明年|下一?年度)(?:全省|全市|全县|全区|全国|全州|全盟)?(?:安全生产|安全)(?:工作|重点工作)?(?:的)?(?:通知|意见|决定|安排)")
# a department's or a ministry's notice on its sector's year of safety work (关于做好2027年交通运输安全生产工作的通知,
# …2027年能源行业安全生产工作的通知, …2027年全市住建系统安全生产工作的意见): the annual notice of that sector; a part of
# the year (2027年第一季度…, 2027年上半年…, 2027年汛期…) is no year's work
_RE_ANNUAL_SECTOR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?(?!第|上半|下半|[一二三四]季|\d|[一二三四五六七八九十]+月)"
                               r"[\u4e00-\u9fff]{2,10}?(?:行业|领域|系统)?安全生产(?:工作)?(?:的)?(?:通知|意见|安排)$")
_EVENT_WORDS = ("春节", "国庆", "中秋", "元旦", "节日", "节假日", "期间", "汛期", "暑期", "冬春", "岁末年初", "两会", "紧急",
                "专项", "整治", "大检查", "督查", "排查",
                # a season's or a farm season's work (2027年秋收安全生产工作的通知, 2027年冬季…): part of the year, as 汛期
                "春季", "夏季", "秋季", "冬季", "秋冬", "春耕", "春播", "夏收", "麦收", "三夏", "秋收", "三秋")
_GENRE_RX = [
    ("emergency_plan", re.compile(r"预案")),
    # a year's 安全生产工作计划 is what other governments call 工作要点 (a 行动计划 is a campaign's plan)
    # (a speech's 讲话要点 / 发言要点 are the points of a speech: speech, below)
    # (…工作总结和2026年工作计划 is a summary with the next year's plans: a report, below)
    # (a year's 执法检查计划 / 监督检查计划, the enforcement plan a bureau draws up each year, too)
    ("work_points", re.compile(r"工作要点|工作重点安排|(?<!讲话)(?<!发言)要点$|^(?!.*总结(?:和|及|暨)).*(?:19|20)\d{2}\s*年(?:度)?[^行]{0,12}"
                               r"(?:工作|执法|检查|督查)计划$")),
    # (a 技术规范 / 管理规范 a government issues is a rule to comply with: …燃气安全技术规范)
    ("regulation", re.compile(r"(?:条例|规定|办法|细则|规则|规程|守则|制度|规范)(?:（试行）|（暂行）)?$|暂行办法|实施办法|管理办法")),
    ("special_plan", re.compile(r"方案|行动计划|三年行动|攻坚行动")),
]


# the kind of document a title's last words name, read after the genres of form and the annual notice
# (an annual notice titled 意见 or 决定 stays one): anchored at the end, so that a notice (…的通知)
# mentioning 总结, 通报 or 讲话 stays a notice; a wrapper's kind is its enclosure's (inner_title)
_KIND_RX = [
    ("minutes", re.compile(r"纪要$")),
    # what a speaker reads (讲话稿, 讲话提纲, 讲话要点) and a meeting chair's 主持词 are speeches too
    ("speech", re.compile(r"(?:讲话|发言|致辞)(?:稿|提纲|要点)?$|主持词$")),
    # 工作总结和2028年工作打算: a summary with the next year's plans is still a summary; a 情况的汇报
    # is the report an organ gives its superiors
    ("report", re.compile(r"(?:总结|报告|汇报)(?:(?:和|及|暨)(?:(?:19|20)\d{2}年)?(?:工作)?(?:打算|思路|计划|安排))?$")),
    ("bulletin", re.compile(r"通报$")),
    # (a 公示: a public notice of cases or a list put out for objections, as a 公告)
    ("announcement", re.compile(r"(?:通告|公告|公示)$")),
    ("decision", re.compile(r"决定书?$")),  # (行政处罚决定书: a ruling)
    ("opinion", re.compile(r"意见$")),
    # whose duties: 责任清单, 权责清单, 任务分工, 工作职责 (a 隐患排查清单 is a checklist: none)
    ("duty_list", re.compile(r"(?:责任|权责|职责|权力|任务)清单$|(?:任务|职责)分工$|职责$")),
    # after the genres of form: a …规划实施方案 is a special plan, a …规划工作要点 work points
    ("plan", re.compile(r"规划(?:纲要)?$")),
    ("appeal", re.compile(r"倡议书?$")),
    ("reminder", re.compile(r"(?:提示|提醒)(?:函|单)?$")),
    # a list of things to check (隐患排查清单, 安全检查表), no one's duties
    ("checklist", re.compile(r"(?:检查|排查|自查|核查|评分)(?:表|清单)$|隐患清单$")),
    # a letter or an order to one addressee naming its failings and demanding it correct them by a date (警示函, 整改通知,
    # 隐患整改通知书, 责令限期整改指令书): no reminder (提示函 and 提醒函 oblige no one), no ruling (行政处罚决定书), no
    # bulletin (…整改情况的通报 is published to many); a notice on rectification work (…问题整改工作的通知) names none
    # (and a 督办 order to one addressee, a hazard's 挂牌督办通知书, a 督办函, a 督办单: it names the hazard or the lag and the
    # date by which to end it; a notice listing hazards for 挂牌督办 to many, …实行挂牌督办的通知, is a notice, and
    # …挂牌督办隐患整改情况的通报 a bulletin)
    ("rectification", re.compile(r"警示函$|整改(?:通知书?|通知单|指令书)$|责令[\u4e00-\u9fff]{0,10}(?:指令书|通知书)$"
                                 r"|督办(?:通知书|通知单|函|单)$")),
]
#: an interpretation drawn as a picture names itself before its subject (图解：…, 一图读懂｜…): the pattern
#: the genre, the place a title names and the cleaner's title shapes (clean.RE_TITLE_GENRE) all read
PICTURE_PREFIX = r"(?:图解|一图读懂|一图看懂|图说)\s*[:：|｜丨]?\s*"
# an interpretation explains a rule or a plan (《…管理办法》政策解读, 一图读懂《…实施方案》): read before the
# genres of form, which its title names too
# (also an official's answers to the press on a named rule, 就《…办法》答记者问, a 《…》问答, and the
# drafters' explanation of a rule, 关于《…条例（草案）》的说明, …起草说明)
# (and a rule's or plan's questions answered one by one, …办法一问一答, …工作要点政策问答)
_RE_INTERPRETATION = re.compile(rf"解读$|^{PICTURE_PREFIX}|答记者问$|》(?:政策)?问答$|一问一答$|政策问答$"
                                r"|》的(?:起草|修订|编制)?说明$|(?:起草|修订|编制)说明$")
# letters about a rule or a plan, which they name but are not: a 批复 approving it (关于《某区…整治方案》的批复,
# also forwarded), a 复函, and a request for comments on its draft (关于征求《…管理办法（征求意见稿）》意见的函 /
# 通知 / 公告): the genres of form would read the plan or rule they name
_RE_REPLY = re.compile(r"(?:批复|复函)$")
# a decision that amends, repeals or voids a rule it names (关于修改《…管理办法》的决定, 关于废止《…》的决定)
_RE_AMENDING = re.compile(r"(?:修改|修订|废止|宣布失效|停止执行)[^，。]{0,80}的决定$")
_RE_SEEKS_COMMENT = re.compile(r"征求[^，。]{0,80}意见的(?:函|通知|公告|通告)$")
# an untitled document's telltale forms, in its first paragraphs (the first paragraph naming one
# decides): a speech addresses 同志们, a work report 各位代表, minutes set down 会议议定事项, …;
# a body that only mentions 讲话精神 or 通报批评 names none
_BODY_KIND_RX = [
    ("speech", re.compile(r"^同志们[：:]")),
    ("report", re.compile(r"^各位代表[：:]|向大会报告(?:政府)?工作|总结如下")),
    ("minutes", re.compile(r"纪要如下|^会议议定(?:事项)?|^会议纪要")),
    ("bulletin", re.compile(r"通报如下")),
    ("announcement", re.compile(r"(?:通告|公告)如下|^特此(?:通告|公告)")),
    ("decision", re.compile(r"(?:作出|做出)(?:如下|以下)决定")),
    ("opinion", re.compile(r"提出(?:如下|以下)(?:实施|指导)?意见")),
    ("appeal", re.compile(r"倡议如下|(?:发出|提出)(?:如下|以下)倡议|^我们(?:郑重)?倡议|我们(?:郑重)?倡议[：:]")),
]


# a letter to the public (致全市人民的一封信, …公开信): a form of address, no genre of its own; the line set beside it
# with a dash names the kind (安全提示, 倡议), before or after it
_RE_LETTER = re.compile(r"(?:一封信|公开信)$")
_RE_DASH = re.compile(r"\s*(?:——|--|－－)\s*")


def _letter_kind(title: str) -> str | None:
    """The genre a letter to the public takes from the line its title sets beside it with a dash: ``春节期间安全提示——
    致全市人民的一封信`` -> ``reminder``, as ``致全市人民的一封信——春节期间安全提示`` is (title_kind reads that one), ``…倡议
    ——致…的一封信`` -> ``appeal``; ``None`` for a letter alone (a form of address names no genre: ``other``)."""
    parts = [p for p in _RE_DASH.split(title) if p]
    if len(parts) != 2 or not any(_RE_LETTER.search(p) for p in parts):
        return None
    return next((title_kind(p) for p in parts if not _RE_LETTER.search(p)), None)


def title_kind(core: str) -> str | None:
    """The genre a title's last words name (``…情况的通报`` -> ``bulletin``), else ``None``."""
    return next((genre for genre, rx in _KIND_RX if rx.search(core)), None)


def body_telltale(paragraphs: list[str]) -> str | None:
    """The genre an untitled document's opening shows (``同志们：`` -> ``speech``), else ``None``."""
    for para in paragraphs[:6]:
        text = para.strip()
        for genre, rx in _BODY_KIND_RX:
            if rx.search(text):
                return genre
    return None


def inner_title(title: str) -> str:
    """The title of the document a wrapper notice sends: ``关于印发《X》的通知`` -> ``X``."""
    m = re.search(r"《([^《》]+)》", title)
    if m and re.search(r"印发|转发|下发", title):
        return m.group(1)
    m = _RE_WRAPPED.search(title)
    return m.group(1) if m else title


_RE_BODY_KIND = re.compile(r"(?:制定|制订|印发|形成)(?:了)?本(实施方案|工作方案|行动方案|专项整治方案|方案|行动计划|预案|办法|规定|细则|条例|规则)"
                           r"|本(办法|规定|细则|条例|规则|实施方案|方案|预案)(?:自|适用于|所称|由)")
_KIND_GENRE = {"预案": "emergency_plan", "办法": "regulation", "规定": "regulation", "细则": "regulation",
               "条例": "regulation", "规则": "regulation"}


def body_kind(paragraphs: list[str]) -> tuple[str, str] | None:
    """``(genre, word)`` of a document whose body names itself (为……，特制定本实施方案 ->
    ``("special_plan", "实施方案")``; 第四条　本办法自…施行 -> ``("regulation", "办法")``), read in its
    first paragraphs; ``None`` when it does not."""
    for para in paragraphs[:8]:
        m = _RE_BODY_KIND.search(para)
        if m:
            word = m.group(1) or m.group(2)
            return _KIND_GENRE.get(word, "special_plan"), ("应急预案" if word == "预案" else word)
    return None


# a document a title quotes without sending it (关于认真贯彻落实《…管理办法》的通知, 关于开展《…条例》宣贯活动的通知):
# what the notice is about, not what it is; a title sending one (印发, 转发, 下发: inner_title; 发布, 公布, 颁布) is
# read by it
_RE_QUOTED_DOCUMENT = re.compile(r"(?<!印发)(?<!转发)(?<!下发)(?<!发布)(?<!公布)(?<!颁布)《[^《》]*》")


def own_words(title: str) -> str:
    """A title without the documents it quotes but does not send (``关于贯彻落实《某市…管理办法》的通知`` ->
    ``关于贯彻落实的通知``): the words that say what kind of document it is itself."""
    return _RE_QUOTED_DOCUMENT.sub("", title)


#: a covering letter's sentence, the one the reports tell a covering letter only by too (inference/yoy.covering_sentence):
#: 现将《…》转发给你们 / 印发给你们, the document it passes on named or not (it follows, or is an attachment not in the input)
RE_COVERING = re.compile(r"现将(《[^》]{1,120}》)?.{0,40}?(转发|印发|下发|发)给你们")
# what may close a covering letter after its sentence (特此通知。) and what opens a paragraph of work of its own (一、, （一）, 1.)
_RE_CLOSING_FORMULA = re.compile(r"^特此(?:通知|函告|转发|印发)[。！!]?$")
_RE_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d))")


def covering_letter_only(paragraphs: list[str]) -> bool:
    """Is a body a covering letter only (现将《…》转发给你们，请…落实。, an opening line or two before it, at most a 特此通知 after
    it): a letter that passes on another document — forwarded (转发) or issued (印发) without it in the file — and sets out
    no work of its own. A letter that adds its own requirements (并提出以下要求：一、…) or an issuing notice followed by its
    enclosure is none. Linear: one pass over the paragraphs."""
    body = [p.strip() for p in paragraphs if p.strip()]
    while body and _RE_CLOSING_FORMULA.match(body[-1]):
        body.pop()
    if not body or len(body) > 4 or not RE_COVERING.search(body[-1]):
        return False
    return not any(_RE_NUMBERED.match(p) for p in body)


def genre_of(title: str | None, paragraphs: list[str]) -> str:
    """The genre from the title (the enclosed document's title for ``关于印发…的通知``): a genre of
    form anywhere in it (预案, 工作要点, 办法, 方案), else the year's safety work (annual notice), else
    the kind its last words name (``…的通报``: ``title_kind``); else from the body's structure (第X条
    articles: regulation; 总则 + 应急响应: emergency plan) and, with no title, its opening (特制定本方案;
    an annual notice's goals; ``同志们：``: ``body_telltale``)."""
    if covering_letter_only(paragraphs):
        # a covering letter only is the letter, not the document it passes on (关于转发《…2027年安全生产工作的通知》的通知 with
        # the one sentence 现将《…》转发给你们 was an annual notice): the genre the reports tell it apart by
        return "covering_letter"
    text = arabic_years(re.sub(r"\s+", "", unwrap_title(title)))
    if text:
        inner = inner_title(text)
        if _RE_INTERPRETATION.search(re.sub(r"[（(][^（）()]*[)）]$", "", inner)):
            return "interpretation"
        if _RE_AMENDING.search(inner):
            return "decision"  # 关于修改《…办法》的决定: the decision, not the rule it amends
        if _RE_REPLY.search(text) or _RE_REPLY.search(inner) or _RE_SEEKS_COMMENT.search(text):
            return title_kind(text) or "other"  # a letter about a rule or plan (…意见的公告: an announcement)
        for name in (own_words(inner), own_words(text)):
            core = re.sub(r"[（(][^（）()]*[)）]$", "", name)  # （2027—2029年）, （试行）
            for genre, rx in _GENRE_RX:
                if rx.search(core):
                    return genre
        if (_RE_ANNUAL.search(text) or _RE_ANNUAL_SECTOR.search(text)) and not any(w in text for w in _EVENT_WORDS):
            return "annual_notice"
        kind = title_kind(re.sub(r"[（(][^（）()]*[)）]$", "", inner)) or _letter_kind(inner)
        if kind:
            return kind
    starts = [p[:12] for p in paragraphs]
    if sum(1 for s in starts if re.match(r"^第[一二三四五六七八九十百零〇\d]+条", s)) >= 3:
        return "regulation"
    body_heads = "".join(p[:16] for p in paragraphs)
    if "总则" in body_heads and re.search(r"应急响应|预警|应急处置", body_heads):
        return "emergency_plan"
    if not text:
        # no title at all: a plan or rules say what they are (特制定本实施方案, 制定本办法)
        kind = body_kind(paragraphs)
        if kind:
            return kind[0]
    if not text or not any(rx.search(own_words(text)) for _, rx in _GENRE_RX):
        # no title (or one that names no genre): how annual notices open and set the year's goals
        body = arabic_years("\n".join(paragraphs[:4]))
        if re.search(r"(?:19|20)\d{2}\s*年(?:度)?(?:全省|全市|全县|全区|全国)?安全生产(?:工作)?(?:提出|安排|的指导思想|的总体要求|的工作目标|的奋斗目标|重点工作安排|要(?:坚持|以|围绕|着力))", body):
            return "annual_notice"
    if not text:
        # no title: how a speech, minutes, a bulletin, … open (after the annual notice's opinions:
        # 就做好2027年安全生产工作提出如下意见 is an annual notice's)
        return body_telltale(paragraphs) or "other"
    return "other"


#: how far apart (in lines) two rows of one joint signature may be: the next line, or the one after a blank line
_SIGNATURE_ROW_GAP = 2


def first_organs(lines: list[tuple[str, int]]) -> str | None:
    """The first organ's line of a notice (``(text, line number)`` of its organ lines), with the
    organs on the lines right under it: a joint notice signed by organs stacked one a line
    (应急管理部 / 自然资源部 over the date) is signed by all of them, also with one line left blank between
    two rows of a joint signature (room for the seals: 霁阳市住房和城乡建设局　霁阳市应急管理局 / blank / 霁阳市市场监督管理局)."""
    if not lines:
        return None
    block = [lines[0][0]]
    for (text, lineno), (_, prev) in zip(lines[1:], lines):
        if lineno - prev > _SIGNATURE_ROW_GAP or len(block) == 5:
            break
        block.append(text)
    return "、".join(block)


_RE_BOOK_TITLE = re.compile(r"^\s*《([^《》]+)》\s*((?:[（(][^（）()]*[)）])?)\s*$")


def unwrap_title(title: str | None) -> str:
    """A title printed whole inside 《》 (``《临江市安全生产约谈办法》``, a web copy's) as it reads
    without them; any other title as it is."""
    m = _RE_BOOK_TITLE.match(title or "")
    return m.group(1) + m.group(2) if m else (title or "")


_RE_PICTURE = re.compile(rf"^\s*{PICTURE_PREFIX}")


#: a year a title opens with, before the place (2027年岱川市…工作要点, 二〇二七年梧溪市…方案, 2027—2028年度…)
_RE_YEAR_FIRST = re.compile(r"^\s*(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})\s*(?:[—–\-－~至]\s*(?:(?:19|20)?\d{2})\s*)?年度?")


def title_region(title: str) -> str:
    """The place a title names for its issuer: the enclosure's (``关于印发《临江市…方案》的通知``:
    a document sends its own enclosure), else the title's own opening. A forwarded document
    (``关于转发《临江市应急管理局关于…》的通知``) is another organ's: its place is not the sender's."""
    title = _RE_PICTURE.sub("", unwrap_title(title) or "")  # 图解：柘川市… names 柘川市
    title = _RE_YEAR_FIRST.sub("", title)  # 2027年岱川市临河区安全生产工作要点 names 岱川市临河区
    if re.search(r"转发", title or ""):
        head = re.split(r"转发", title)[0]
        return split_region(head)[0]
    about = _RE_ABOUT_WORK.match(title)
    if about and not re.search(r"印发|下发", title):
        # 关于开展澄河市城镇燃气…检查的通知 / 关于做好岩溪县2027年防汛工作的通知, signed 市应急局 / 县政府办: no organ opens
        # the title, the place after its verb is the work's, the sender's own (a bare organ's only hint); never the
        # 关于 and the verb as a place's name (关于开展澄河市), nor a subject (关于加强城区…)
        return split_region(_RE_YEAR_FIRST.sub("", title[about.end():]))[0]
    # a place is never named 关于…: the place right after 关于 with no work before it (关于对岩溪县…的通报 signed by the
    # city) is the subject's, another government's, not the sender's
    return next((r for r in (split_region(inner_title(title))[0], split_region(title)[0]) if not r.startswith("关于")),
                "") or _commented_region(title)


#: a title opening with 关于 and the work it orders (关于开展…, 关于进一步做好…): the place after it is the work's territory
_RE_ABOUT_WORK = re.compile(r"^关于(?:进一步|切实|认真|全面|深入|扎实)?(?:组织开展|开展|做好|抓好|加强|推进|落实|深化|实施|规范)")


#: a title naming no organ, about the document in its 《》 (关于《X》的起草说明 / 的解读, 《X》修订解读)
_RE_ABOUT_DOCUMENT = re.compile(r"^(?:关于)?《([^《》]+)》")


def _commented_region(title: str) -> str:
    """The place of the document a title with no organ of its own explains or asks comments on
    (``关于《梧溪市…办法（征求意见稿）》的起草说明`` -> 梧溪市): its drafters and interpreters are that
    place's organs. Not a reply (``关于《某区…方案》的批复``): the organ above the place writes it."""
    m = _RE_ABOUT_DOCUMENT.match(title)
    return split_region(m.group(1))[0] if m and not _RE_REPLY.search(title) else ""


def hint_fits(level: str | None, hint_level: str | None) -> bool:
    """May a bare organ (县应急管理局, level ``county``) take the place a hint names? Only a place
    on its own tier: a number's one-letter province guess (青应急 -> 青海省) never places a county's
    bureau. An issuer of no known tier (none, or ``department``) takes any hint."""
    return level in (None, "department") or hint_level is None or level == hint_level


def issuer_from_title(title: str | None) -> str | None:
    """``某省人民政府关于…`` / ``某市安全生产委员会2027年安全生产工作要点`` / ``某市人民政府通告（2027年
    第2号）`` (an organ's announcement is titled by the organ alone) -> the organ that opens the title."""
    if not title:
        return None
    text = re.sub(r"\s+", "", _RE_PORTAL_TAG.sub("", unwrap_title(title)))
    if forwards_only(text):
        return None  # (转发某局关于…的通知: no organ of its own)
    for rx in (_RE_TITLE_ORGAN, _RE_ANNOUNCING_ORGAN):
        m = rx.match(text)
        if m and looks_like_issuer(m.group(1)):
            return m.group(1)
    return None


#: how an organ opening a title ends (no 办/室/处 alone: 临江市内部审计工作办法 opens with no 工作办)
_TITLE_ORGAN_END = re.compile(r"(?:人民政府|办公厅|办公室|委员会|管委会|指挥部|行政公署|办事处|局|厅|部)$")


def organ_opening_title(title: str | None) -> str | None:
    """The organ a title opens with when no 关于 follows it (``青石县应急管理局安全生产权责清单（2027年版）``
    -> 青石县应急管理局: the longest opening that is a place and an organ of three characters or more, so
    that 临江市内部… or 临江市东部… is none); a 政府工作报告 is its place's government (``霁山县2027年政府工作
    报告`` -> 霁山县人民政府). An unsigned document's last resort."""
    if not title:
        return None
    text = re.sub(r"\s+", "", _RE_PORTAL_TAG.sub("", unwrap_title(title)))
    if forwards_only(text):
        return None
    if m := re.match(r"^(.{2,20}?)(?:(?:19|20)\d{2}年)?政府工作报告", text):
        place = split_region(m.group(1))[0]
        return f"{place}人民政府" if place and place == m.group(1) else None
    for end in range(min(len(text) - 1, 40), 2, -1):  # (the title goes on after the organ)
        head = text[:end]
        place = split_region(head)[0]
        if place and len(head) - len(place) >= 3 and _TITLE_ORGAN_END.search(head) and looks_like_issuer(head):
            return head
    return None


# (…第15次常务会议纪要: minutes open with the organ whose meeting they record, its number after it)
_RE_TITLE_ORGAN = re.compile(r"^(.{2,40}?)(?:关于|印发|转发|(?:19|20)\d{2}\s*年|第[\d一二三四五六七八九十百〇零]+次)")
_RE_ANNOUNCING_ORGAN = re.compile(r"^(.{2,40}?)(?:通告|公告)(?:[（(][^（）()]*[)）])?$")


# the plain word a built title ends with (a genre's report name may list two: 工作总结/报告)
_BUILT_WORDS = {"announcement": "通告", "bulletin": "通报", "speech": "讲话", "minutes": "会议纪要", "decision": "决定",
                "opinion": "意见", "duty_list": "责任清单", "plan": "规划", "interpretation": "政策解读",
                "appeal": "倡议书", "reminder": "安全提示", "checklist": "检查表"}


def build_title(issuer: str | None, year: int | None, genre: str, paragraphs: list[str], fallback: str) -> str:
    """A title for a document that shows none, from who wrote it, the year and the genre
    (``某市安全生产委员会2027年安全生产工作要点``); the file name only when nothing else is known."""
    who = issuer or ""
    when = f"{year}年" if year else ""
    lead = "\n".join(paragraphs[:3])
    if genre == "annual_notice":
        kind = "意见" if re.search(r"(?:以下|如下)意见", lead) else "通知"
        return f"{who}关于{when}安全生产工作的{kind}"
    if genre == "work_points":
        return f"{who}{when}安全生产工作要点"
    if genre in ("special_plan", "emergency_plan", "regulation"):
        # the word the body names itself by (本实施方案, 本办法), else a plain one: a genre's report
        # name (专项整治/实施方案, 法规规章) is no title
        kind = body_kind(paragraphs)
        word = kind[1] if kind and kind[0] == genre else {"special_plan": "工作方案", "emergency_plan": "应急预案",
                                                            "regulation": "规定"}[genre]
        return f"{who}{when}{word}"
    if genre == "report" and (who or when):
        return f"{who}{when}" + ("工作总结" if "总结" in lead else "工作报告")
    if genre in _BUILT_WORDS and (who or when):
        return f"{who}{when}{_BUILT_WORDS[genre]}"
    if who or when:
        return f"{who}{when}文件"
    return fallback
