"""genres19: a post's name alone over its duties heads them, and genres not read before (session 19).

Notices written for these tests (tests/data/genres19/; invented places, organs and people, no sentence copied or
paraphrased from a real document). Each expected reading was written down in tests/data/genres19/EXPECTED.md from the
notice before running the segmenter on it. The notices' tests use the shared harness (tests/genres_harness.py).

What was wrong and is now read right:
- (corpus/segment.py) a 党政领导干部安全生产责任清单 whose posts stand alone on their lines, unnumbered (``县委书记`` /
  ``县长`` / ``分管安全生产工作的副县长`` / ``其他县级领导干部``), each over its ``1.`` ``2.`` duties: the first post was a
  preamble paragraph, the others clauses headed by the previous post's last duty, and every duty had an empty
  heading path (an analyst could not tell whose duty it was). A post's name alone is now a lead line, as an organ's
  name in a duty list is (``segment.RE_POST``): it heads its duties.

Read right as they were: a 三定 规定's articles and their ``（一）`` items, a 举报奖励办法's 款 after an article's items,
a development zone's holiday notice (``一、`` › ``（一）`` › ``1.``), a township's 预案 of three decimal levels with an
``附件：1.…`` / ``2.…`` list after it, a 督导检查反馈问题清单 (``问题1：`` over its keyed lines: one clause), a summary
whose plans are ``一是…。`` lines (a clause each) and whose problems are one paragraph of inline ``一是…；二是…``.

Read right since lines20 (corpus/clean.py): a 规划's 主要指标 table typed with tabs (``指标名称⇥2025年⇥2030年目标⇥指标属性``:
column labels with a year's figures are labels now).

Read right since lines21 (corpus/clean.py), strict xfails until then: a post's duties' name alone
(``镇党委书记安全生产职责``) was classed a title, each post a document of its own; wrapped, ``问题2：…`` after a problem's
``整改时限：…`` line went on that problem; from a phone, a contact line cut inside its number left its rest a clause,
and an organ's line over a title wrapped over two lines was lost from the title; a speaker's post alone under a
speech's title (``县委书记``, no name) was a clause and the text after the date a second document.
"""

from __future__ import annotations

import pytest

from policytag.corpus.segment import segment_text
from conftest import TEST_DATA
from genres_harness import GenreSet, all_clauses, phone_wrap
from test_genres import wrap

DATA19 = TEST_DATA / "genres19"


def _clauses(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    (_, clauses), = segment_text(text, "inline.txt")
    return [(c.heading_path, c.kind, c.text) for c in clauses]


# --- a post's name alone over its duties heads them ---------------------------------------------------------------
POSTS = ("榆溪镇安全生产责任清单\n\n为落实“党政同责、一岗双责”，制定本清单。\n{a}\n1.每季度主持召开一次党委会研究安全生产工作。\n"
         "2.督促班子成员落实安全生产责任。\n{b}\n1.组织开展全镇安全生产大检查。\n2.落实安全生产监管经费。\n{c}\n"
         "对分管领域的安全生产工作负直接领导责任。\n")


@pytest.mark.parametrize("a, b, c", [
    ("镇党委书记", "镇长", "其他班子成员"),
    ("镇党委书记：", "镇长：", "分管安全生产工作的副镇长："),
    ("镇党委书记安全生产职责", "镇长安全生产职责", "分管领导安全生产职责"),  # (read right since lines21)
    ("乡镇（街道）党（工）委书记", "乡镇长（街道办事处主任）", "安全总监"),
    ("主要负责人", "分管负责人", "村（社区）党组织书记"),
], ids=["bare", "colon", "duties-named", "brackets", "负责人"])
def test_a_posts_name_alone_heads_its_duties(a, b, c):
    # written first: each duty's heading path is its post; the post is no clause, the opening the preamble
    clauses = _clauses(POSTS.format(a=a, b=b, c=c))
    a, b, c = (p.rstrip("：") for p in (a, b, c))
    assert [(p, k, t[:4]) for p, k, t in clauses] == [
        ((), "preamble", "为落实“"), ((a,), "clause", "1.每季"), ((a,), "clause", "2.督促"),
        ((b,), "clause", "1.组织"), ((b,), "clause", "2.落实"), ((c,), "clause", "对分管领")]


def test_posts_inside_numbered_sections_head_their_items_under_the_section():
    # written first: a post between a section title and its items is the step between them; the next section closes it
    clauses = _clauses("岩溪县安全生产责任清单\n\n一、党委领导\n县委书记\n1.主持研究安全生产工作。\n2.督促落实责任。\n县委副书记\n"
                       "1.协助书记抓好安全生产。\n二、政府领导\n县长\n（一）组织实施安全生产法规。\n（二）组织安全生产大检查。\n"
                       "常务副县长\n（一）协助县长工作。\n")
    assert [(p, t[:4]) for p, _, t in clauses] == [
        (("一、党委领导", "县委书记"), "1.主持"), (("一、党委领导", "县委书记"), "2.督促"), (("一、党委领导", "县委副书记"), "1.协助"),
        (("二、政府领导", "县长"), "（一）组"), (("二、政府领导", "县长"), "（二）组"), (("二、政府领导", "常务副县长"), "（一）协")]


def test_a_posts_name_alone_heads_its_paragraph():
    # guard (read right before too: short titles alone over sentences, segment._unnumbered_titles): a post over one
    # unnumbered paragraph of duties (no 1. items) heads it, up to the next post
    clauses = _clauses("岩溪县党政领导干部安全生产职责清单\n\n为落实安全生产责任，制定本清单。\n县委书记\n"
                       "对全县安全生产工作负全面领导责任，每季度至少主持召开一次县委常委会研究安全生产工作。\n县长\n"
                       "对全县安全生产工作负全面领导责任，组织落实安全生产法律法规。\n常务副县长\n协助县长抓好安全生产工作。\n")
    assert [(p, k, t[:4]) for p, k, t in clauses] == [
        ((), "preamble", "为落实安"), (("县委书记",), "clause", "对全县安"), (("县长",), "clause", "对全县安"),
        (("常务副县长",), "clause", "协助县长")]


def test_posts_read_as_section_titles_stay_siblings():
    # guard: in a body of short titles alone over sentences (segment._unnumbered_titles) a post's name among them
    # (办公室主任 after 副总指挥) is their sibling, not a lead under the title before it (so read before the change)
    clauses = _clauses("岩溪县森林防火指挥部成员及职责\n\n为做好森林防火工作，明确指挥部成员职责如下：\n总指挥\n"
                       "由县长担任，负责全县森林防火工作的统一指挥。\n副总指挥\n由分管副县长担任，协助总指挥工作。\n办公室主任\n"
                       "由县林业局局长兼任，负责指挥部日常工作。\n")
    assert [p for p, _, _ in clauses] == [(), ("总指挥",), ("副总指挥",), ("办公室主任",)]


def test_a_speakers_post_alone_under_a_speech_title_is_its_header():
    text = ("在全县安全生产工作会议上的讲话\n县委书记\n（2027年2月15日）\n\n同志们：\n今天召开全县安全生产工作会议，部署今年安全生产工作。\n"
            "一、提高政治站位\n各级各部门要深刻认识安全生产的极端重要性。\n")
    (doc, clauses), = segment_text(text, "inline.txt")
    assert [c.text[:4] for c in clauses] == ["今天召开", "各级各部"]


def test_posts_over_duties_read_the_same_wrapped_and_from_a_phone():
    text = POSTS.format(a="县委书记", b="县长", c="其他县级领导干部")
    for width in (60, 80):
        assert all_clauses(segment_text(wrap(text, width), "inline.txt")) == all_clauses(segment_text(text, "inline.txt"))
    assert all_clauses(segment_text(phone_wrap(text), "inline.txt")) == all_clauses(segment_text(text, "inline.txt"))


@pytest.mark.parametrize("line", ["县长要亲自部署安全生产工作：", "由分管副县长任组长", "县长、分管副县长分别带队检查"])
def test_a_sentence_naming_a_post_heads_nothing(line):
    # guard: a sentence naming a post (a lead-in, a line cut short) is no post's name: it heads no items
    text = f"岩溪县安全生产工作方案\n\n为落实安全生产责任，制定本方案。\n一、工作任务\n{line}\n1.开展燃气安全检查。\n2.开展消防安全检查。\n"
    assert all(p[:1] == ("一、工作任务",) and line not in p for p, _, _ in _clauses(text)[1:])


# --- the new genres' readings (tests/data/genres19/, EXPECTED.md) -------------------------------------------------
# file: ((title, issuer, region, level, genre, year, date), [(heading path, kind, start of the clause)])
POST = ("县委书记", "县长", "分管安全生产工作的副县长", "其他县级领导干部")
ART3 = ("第三条 市应急管理局贯彻落实党中央关于应急管理工作的方针政策和决策部…",)
ART4 = ("第四条 市应急管理局设下列内设机构",)
CH1, CH2 = ("第一章 规划基础", "第一节 发展成效"), ("第一章 规划基础", "第二节 主要目标")
BOX1 = CH2 + ("专栏1 “十五五”时期安全生产主要指标",)
SRC = ("第二章 主要任务", "第一节 深化源头治理")
R3 = ("第二章 举报事项", "第三条 下列情形属于本办法所称安全生产违法行为")
R4 = ("第三章 奖励标准", "第四条 对举报重大事故隐患的，按照下列标准给予奖励")
H1, H2 = ("一、开展节前安全大检查", "（一）突出重点行业领域"), ("一、开展节前安全大检查", "（二）严格落实检查责任")
PLAN42 = ("4 应急响应", "4.2 先期处置")
G19 = {
    "g19_leader_posts_list.txt": (
        # (the organs' line over the title is read into the title, as earlier sessions read it: EXPECTED.md)
        ("中共桐岗县委办公室桐岗县人民政府办公室关于印发《桐岗县党政领导干部安全生产责任清单》的通知",
         "中共桐岗县委办公室、桐岗县人民政府办公室", "桐岗县", "county", "duty_list", 2027, "2027-03-08"), [
            ((), "preamble", "《桐岗县党政领导干部安全生产责任清单》已经县委、县政府同意，现印发给你们，请认真贯彻执行。"),
            ((), "preamble", "为压实党政领导干部安全生产责任"),
            ((POST[0],), "clause", "1.把安全生产纳入县委常委会"),
            ((POST[0],), "clause", "2.把安全生产纳入干部教育培训内容"),
            ((POST[1],), "clause", "1.组织实施安全生产法律法规"),
            ((POST[1],), "clause", "2.组织制定县级安全生产规划"),
            ((POST[2],), "clause", "1.协助县长组织开展"),
            ((POST[2],), "clause", "2.组织县安委会办公室"),
            ((POST[3],), "clause", "按照“管行业必须管安全、管业务必须管安全”的要求"),
        ]),
    "g19_staffing_rules.txt": (
        # (year: the 施行 date's, 2027, read by metadata; EXPECTED.md wrote none)
        ("漳岭市应急管理局职能配置、内设机构和人员编制规定", "漳岭市应急管理局", "漳岭市", "city", "regulation", 2027, None), [
            ((), "clause", "第一条根据《漳岭市机构改革方案》"),
            ((), "clause", "第二条市应急管理局是市政府工作部门"),
            ((), "clause", "第三条市应急管理局贯彻落实"),
            (ART3, "clause", "（一）负责全市应急管理工作"),
            (ART3, "clause", "（二）组织编制全市总体应急预案"),
            (ART3, "clause", "（三）依法行使安全生产综合监督管理职权"),
            (ART3, "clause", "（四）完成市委、市政府交办的其他任务。"),
            ((), "clause", "第四条市应急管理局设下列内设机构："),
            (ART4, "clause", "（一）办公室。负责机关日常运转"),
            (ART4, "clause", "（二）应急指挥中心。"),
            (ART4, "clause", "（三）安全生产综合协调科。"),
            ((), "clause", "第五条市应急管理局机关行政编制42名。"),
            ((), "clause", "第六条本规定由市委机构编制委员会办公室负责解释"),
            ((), "clause", "第七条本规定自2027年5月1日起施行。"),
        ]),
    "g19_fyp_indicators.txt": (
        # (year: 2026, the plan's first year, read by metadata from “十五五”; EXPECTED.md wrote none)
        ("澄阳市“十五五”安全生产规划", None, "澄阳市", "city", "plan", 2026, None), [
            (CH1, "clause", "“十四五”期间，全市生产安全事故起数"),
            (CH2, "clause", "到2030年，全市安全生产治理体系"),
            (BOX1, "clause", "生产安全事故死亡人数下降率；—；15%；约束性"),
            (BOX1, "clause", "亿元地区生产总值生产安全事故死亡率；0.012；0.009；预期性"),
            (BOX1, "clause", "工矿商贸就业人员十万人生产安全事故死亡率；1.1；0.9；预期性"),
            (SRC, "clause", "一、严格安全准入。"),
            (SRC, "clause", "二、推进老旧设施改造。"),
            (SRC + ("专栏2 源头治理重点工程",), "clause", "1.化工园区安全风险智能化管控平台建设工程。"),
            (SRC + ("专栏2 源头治理重点工程",), "clause", "2.城市燃气管网更新改造工程。"),
            (("第二章 主要任务", "第二节 提升应急救援能力"), "clause", "一、加强专业救援队伍建设。"),
            (("第三章 保障措施",), "clause", "一、加强组织领导。"),
            (("第三章 保障措施",), "clause", "二、强化评估考核。"),
        ]),
    "g19_reward_measures.txt": (
        # (year: the 施行 date's, 2027, read by metadata; EXPECTED.md wrote none)
        ("沂川省安全生产举报奖励办法", None, "沂川省", "province", "regulation", 2027, None), [
            (("第一章 总则",), "clause", "第一条为鼓励社会公众举报"),
            (("第一章 总则",), "clause", "第二条本办法适用于"),
            (("第二章 举报事项",), "clause", "第三条下列情形属于本办法所称安全生产违法行为："),
            (R3, "clause", "（一）未依法取得安全生产许可证"),
            (R3, "clause", "（二）关闭、破坏直接关系生产安全的"),
            (R3, "clause", "（三）已经停产整顿仍然从事生产经营活动的。"),
            (R3, "clause", "举报人举报的事项应当客观真实"),
            (("第三章 奖励标准",), "clause", "第四条对举报重大事故隐患的"),
            (R4, "clause", "（一）经查证属实的一般举报"),
            (R4, "clause", "（二）举报事项对防范较大事故发挥重要作用的"),
            (R4, "clause", "同一事项由多人分别举报的，奖励最先举报人。"),
            (R4, "clause", "多人联名举报同一事项的"),
            (("第三章 奖励标准",), "clause", "第五条举报奖励资金"),
            (("第四章 附则",), "clause", "第六条本办法由省应急管理厅、省财政厅负责解释。"),
            (("第四章 附则",), "clause", "第七条本办法自2027年10月1日起施行"),
        ]),
    "g19_holiday_notice.txt": (
        ("岚山经济技术开发区管理委员会关于做好2028年元旦春节期间安全防范工作的通知", "岚山经济技术开发区管理委员会",
         "岚山经济技术开发区", "department", "other", 2028, "2027-12-20"), [
            ((), "preamble", "元旦春节将至，人员流动和生产经营活动增多"),
            (H1, "clause", "1.危险化学品企业要严格执行"),
            (H1, "clause", "2.建筑施工企业要在停工前"),
            (H1, "clause", "3.商场超市要保持疏散通道畅通"),
            (H2, "clause", "1.各街道要组织对辖区“九小场所”"),
            (H2, "clause", "2.安全生产监督管理局要组成检查组"),
            (("二、严格应急值守",), "clause", "节日期间实行24小时值班"),
            (("三、及时报送信息",), "clause", "各街道、各部门要于2028年1月5日前将节前安全检查情况报送安全生产监督管理局。"),
        ]),
    "g19_emergency_plan_annex.txt": (
        ("梧溪镇地质灾害应急预案", None, "梧溪镇", "department", "emergency_plan", None, None), [
            (("1 总则", "1.1 编制目的"), "clause", "为高效有序做好"),
            (("1 总则", "1.2 适用范围"), "clause", "本预案适用于本镇"),
            (("2 组织机构及职责", "2.1 镇地质灾害应急指挥部"), "clause", "镇长任总指挥"),
            (("2 组织机构及职责", "2.2 村级应急组织"), "clause", "各村成立地质灾害应急小组"),
            (("3 预警", "3.1 预警分级"), "clause", "地质灾害气象风险预警分为"),
            (("3 预警", "3.2 预警响应"), "clause", "收到橙色以上预警后"),
            (("4 应急响应", "4.1 信息报告"), "clause", "发生地质灾害后"),
            (PLAN42 + ("4.2.1 人员转移",), "clause", "村应急小组立即组织"),
            (PLAN42 + ("4.2.2 现场警戒",), "clause", "在灾害现场周边设置警戒线"),
            (PLAN42 + ("4.2.3 险情监测",), "clause", "安排专人对灾害体进行持续监测"),
            (("5 附则", "5.1 预案管理"), "clause", "本预案由镇应急管理办公室负责解释"),
            (("5 附则", "5.2 实施时间"), "clause", "本预案自印发之日起施行。"),
        ]),
    "g19_supervision_feedback.txt": (
        # (year: 2027, the inspection's month in the opening, read by metadata; EXPECTED.md wrote none)
        ("汶江县安全生产督导检查反馈问题清单", None, "汶江县", "county", "other", 2027, None), [
            ((), "preamble", "2027年8月，市安委会第三督导组"),
            (("一、危险化学品领域",), "clause", "问题1：部分企业重大危险源包保责任人未按要求开展履职检查。整改措施：督促企业建立"),
            (("一、危险化学品领域",), "clause", "问题2：化工园区封闭化管理未落实"),
            (("二、城镇燃气领域",), "clause", "问题3：部分餐饮场所未安装可燃气体报警装置。整改措施："),
        ]),
    "g19_zone_summary_plan.txt": (
        ("榆林湾开发区安全生产委员会办公室2026年安全生产工作总结和2027年工作打算", "榆林湾开发区安全生产委员会办公室",
         "榆林湾开发区", "department", "report", 2026, "2026-12-28"), [
            ((), "preamble", "2026年，在区党工委、管委会的坚强领导下"),
            (("一、2026年工作情况",), "clause", "（一）责任体系持续完善。"),
            (("一、2026年工作情况",), "clause", "（二）隐患治理扎实推进。"),
            (("二、存在的问题",), "clause", "一是部分企业主体责任落实不到位，安全管理人员配备不足；二是基层监管力量薄弱，专业执法人员只有4名；"
                                      "三是应急救援装备不足，难以应对复杂险情。"),
            (("三、2027年工作打算",), "clause", "一是深化专项整治。"),
            (("三、2027年工作打算",), "clause", "二是强化执法检查。"),
            (("三、2027年工作打算",), "clause", "三是提升应急能力。"),
        ]),
}
# readings still wrong (strict: a fix shows as an XPASS to turn into a plain test): (test, file) -> why
KNOWN_GAPS: dict[tuple[str, str], str] = {}
# (read right wrapped and from a phone since lines21: g19_supervision_feedback's 问题2：… after a problem's
# 整改时限：… line opens the next problem's paragraph, clean.join_paragraphs)
WRAP_MISS: set[tuple[str, int]] = set()
# (g19_zone_summary_plan's organ over a title cut over two lines reads as typed since lines21: clean.mark_titles)
PHONE_MISS: dict[str, str] = {}
# (read as a user's file: the reader reads a table typed with tabs; a tabbed table has no PDF or phone copy of its
# own, its rows cut at a margin lose their tabs: the plan with one is left out of the wrap and phone tests)
SET19 = GenreSet(DATA19, G19, KNOWN_GAPS, WRAP_MISS, PHONE_MISS, as_file=True, unwrapped={"g19_fyp_indicators.txt"})


def test_every_new_notice_is_listed_and_has_its_reading_written_down():
    SET19.check_listed()


@pytest.mark.parametrize("name", SET19.known("reading"))
def test_new_genre_document_reading(name):
    SET19.check_reading(name)


@pytest.mark.parametrize("name", SET19.known("clauses"))
def test_new_genre_clauses_heading_paths_and_kinds(name):
    SET19.check_clauses(name)


@pytest.mark.parametrize("name, width", SET19.wrap_params())
def test_new_genre_same_clauses_when_wrapped_like_a_pdf(name, width):
    SET19.check_wrapped(name, width)


@pytest.mark.parametrize("name", SET19.phone_params())
def test_new_genre_same_clauses_when_copied_from_a_phone(name):
    SET19.check_phone(name)
