"""genres20: layouts not read before (session 20).

Notices written for these tests (tests/data/genres20/; invented places, organs and people, no sentence copied or
paraphrased from a real document). Each expected reading was written down in tests/data/genres20/EXPECTED.md from the
notice before running the segmenter on it. The notices' tests use the shared harness (tests/genres_harness.py).

What was wrong and is now read right (corpus/segment.py):
- a 成员单位职责 list (``1. 县应急管理局：…`` … ``15. 县消防救援大队：…``) closed by a line on the other members
  (``其他成员单位按照各自职责，做好…``): that line was read as a paragraph of the last agency's duties (heading path
  ``15.县消防救援大队``). A paragraph naming the others of a list of organs (其他/其余 + 成员单位/部门/单位…) after its
  last item is the list's sibling, under the list's parent.
- a 预案's enclosures of contacts (``附件1`` › ``…成员通讯录``, ``附件2`` › ``…物资储备点联系表``: rows of posts, names and
  phone numbers typed with spaces): every row ran into one preamble paragraph of names and numbers. A contact list
  states no measure, as a list of names (名单) does: its rows are no clauses (``segment._names_enclosure``).

Read right as they were: ``1．`` and ``1)`` items in one notice, a 预案 of four decimal levels (``2.1.2.1``), a 目录
with dot leaders before the body, a 条例's cross-references (``第五条规定…``) at a line's start after a wrap, ``一、``
headings ending in a colon with their text on the same line, a ministry's 指导意见 (``（一）指导思想`` alone over its
paragraph, ``（三）强化…。`` lead sentences numbered on under ``二、``).

Read right since lines23 (corpus/clean.py, corpus/segment.py; strict xfails at the end until then): capital numerals
(``壹、`` / ``（壹）``) are headings; a table typed with spaces (``序号 隐患内容 整改措施 责任人 整改时限``) reads as typed
with tabs, one clause per row.
"""

from __future__ import annotations

import re

import pytest

from policytag.corpus.segment import segment_text
from conftest import TEST_DATA
from genres_harness import GenreSet, all_clauses, phone_wrap
from test_genres import wrap

DATA20 = TEST_DATA / "genres20"


def _clauses(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    (_, clauses), = segment_text(text, "inline.txt")
    return [(c.heading_path, c.kind, c.text) for c in clauses]


# --- the other members of a list of organs: the list's closing line, not the last organ's duty -----------------
OTHERS = "其他成员单位按照各自职责，做好本行业领域安全生产工作。"
ORGAN_LISTS = {
    # organ and duties on one line, numbered 1. (a space after the dot) / （一） / 1、
    "items": ("1. 县应急管理局：承担县安委会办公室日常工作。\n2. 县公安局：负责道路交通安全管理。\n"
              "3. 县融媒体中心：负责安全生产宣传报道。\n", ()),
    "bracket-items": ("（一）区应急管理局：负责综合监督管理。\n（二）区住房和城乡建设局：负责燃气安全监管。\n"
                      "（三）国网岩溪区供电公司：负责电力设施安全。\n", ()),
    # an organ's name alone over its 1.… duties (a lead), and a numbered organ alone over its paragraph
    "leads": ("县应急管理局\n1.承担县安委会办公室日常工作。\n2.组织安全生产大检查。\n县公安局\n1.负责道路交通安全管理。\n"
              "2.查处非法运输危险化学品行为。\n", ()),
    # (the last organ's one short duty, 1.负责道路交通安全管理。, read as the title of the line after it, was lost)
    "leads-one-duty": ("县应急管理局\n1.负责综合监督管理。\n2.组织安全生产检查。\n县公安局\n1.负责道路交通安全管理。\n", ()),
    "bare-headings": ("1.县应急管理局\n承担县安委会办公室日常工作，组织安全生产大检查。\n2.县总工会\n"
                      "组织职工参与安全生产监督。\n", ()),
}


@pytest.mark.parametrize("others", [OTHERS, "其余县直部门要结合职能，抓好本部门安全生产工作。", "其他有关单位按照职责做好配合工作。",
                                    "其他成员单位：按照各自职责做好本行业领域安全生产工作。"],
                         ids=["成员单位", "其余部门", "其他有关单位", "lead"])
@pytest.mark.parametrize("layout", sorted(ORGAN_LISTS))
def test_the_other_members_line_closes_a_list_of_organs(layout, others):
    # written first (failed on main: the line was a paragraph of the last organ's, headed by it): the line on the
    # other members speaks for the list, under the list's parent (the body here)
    body, parent = ORGAN_LISTS[layout]
    text = f"岩溪县安全生产委员会成员单位职责\n\n为明确成员单位职责，制定本清单。\n{body}{others}\n"
    clauses = _clauses(text)
    assert clauses[-1] == (parent, "clause", others)
    # every duty is a clause of its own, as the list without the line reads it
    assert clauses[:-1] == _clauses(text.replace(others, ""))


def test_the_other_members_line_stays_under_the_section_of_the_list():
    # written first (failed on main): inside 一、 the list's parent is that section, and the next section goes on
    text = (f"岩溪县2027年安全生产工作方案\n\n为做好全年安全生产工作，制定本方案。\n一、成员单位职责\n"
            f"1.县应急管理局：负责综合监督管理。\n2.县交通运输局：负责道路运输安全监管。\n{OTHERS}\n二、工作要求\n"
            "各单位要于每月5日前报送上月工作情况。\n")
    assert [(p, t[:6]) for p, _, t in _clauses(text)[1:]] == [
        (("一、成员单位职责",), "1.县应急管"), (("一、成员单位职责",), "2.县交通运"), (("一、成员单位职责",), "其他成员单位"),
        (("二、工作要求",), "各单位要于每")]


@pytest.mark.parametrize("items, after, head", [
    # guard: after items that are measures (no organ's name), a line on other fields is the last item's own
    ("1.开展燃气安全检查，建立隐患台账。\n2.开展消防安全检查，督促整改到位。\n", "其他行业领域参照执行。",
     "2.开展消防安全检查，督促整改到位"),
    # guard: after an organ's duties, a line that is no other members' (其他事项) stays the organ's
    ("1.县应急管理局：负责综合监督管理。\n2.县公安局：负责道路交通安全管理，查处非法运输行为。\n", "其他事项按照县安委会部署执行。",
     "2.县公安局"),
], ids=["measures", "其他事项"])
def test_a_line_after_the_last_item_that_names_no_other_members_stays_the_items(items, after, head):
    text = f"岩溪县安全生产工作方案\n\n为做好安全生产工作，制定本方案。\n{items}{after}\n"
    assert _clauses(text)[-1] == ((head,), "clause", after)


# --- an enclosure of contacts states no measure ------------------------------------------------------------------
CONTACTS = (("职务", "姓名", "联系电话"), ("组长", "王某某", "13800001111"), ("副组长", "李某某", "13800002222"))
TITLES = ["岩溪县森林防火指挥部成员通讯录", "岩溪县应急物资储备点联系表", "县安委会成员单位联络员联系方式", "2027年春节期间领导带班值班表",
          "各乡镇联络员信息表（2027年）"]


@pytest.mark.parametrize("title, annex, sep", [(t, "附件\n{}", " ") for t in TITLES] + [
    (TITLES[0], "附件1：{}", "\t"), (TITLES[1], "附件2：{}", "    ")], ids=[*TITLES, "tabs", "spaces"])
def test_an_enclosure_of_contacts_is_no_clause(title, annex, sep):
    # written first (failed on main: the rows were read as one preamble paragraph of names and phone numbers, or,
    # typed with tabs, as a clause each)
    rows = "\n".join(sep.join(row) for row in CONTACTS)
    text = (f"岩溪县森林防火工作方案\n\n一、工作任务\n各乡镇要落实森林防火巡查责任。\n\n岩溪县人民政府\n2027年1月5日\n\n"
            f"{annex.format(title)}\n{rows}\n")
    assert [(p, t) for p, _, t in _clauses(text)] == [(("一、工作任务",), "各乡镇要落实森林防火巡查责任。")]


@pytest.mark.parametrize("title", ["岩溪县森林防火重点任务分工表", "加强部门联系工作方案", "森林防火工作联络表"])
def test_an_enclosure_that_lists_no_contacts_keeps_its_clauses(title):
    # guard: a task table, a plan whose title only mentions 联系, or a 联络表 that says what to do (its lines
    # sentences, tests/data/genres/g3_two_enclosures.txt) is read as before: its lines are clauses
    text = (f"岩溪县森林防火工作方案\n\n一、工作任务\n各乡镇要落实森林防火巡查责任。\n\n岩溪县人民政府\n2027年1月5日\n\n"
            f"附件\n{title}\n1.各乡镇要建立护林员巡查制度。\n2.县林业局要开展防火检查。\n")
    assert [t[:4] for _, _, t in _clauses(text)[1:]] == ["1.各乡", "2.县林"]


# --- a 条例's cross-references at a line's start after a wrap ----------------------------------------------------
RE_REFERENCE_AT_START = re.compile(r"^\s*第[一二三四五六七八九十]+条(?! )", re.M)  # (第五条规定…: no article's 第五条 ␣)


def test_a_cross_reference_at_a_lines_start_is_no_article_at_any_width():
    # guard (read right before too): the 条例 wrapped like a PDF at every width from 40 to 120 cells and copied from a
    # phone reads as typed; some widths put a reference (…并按照本条例 / 第五条规定从…) at a line's start
    typed = SET20.text("g20_regulation_cross_refs.txt")
    copies = [wrap(typed, width) for width in range(40, 121, 2)] + [phone_wrap(typed)]
    assert sum(bool(RE_REFERENCE_AT_START.search(c)) for c in copies) >= 2  # (the test reaches the case)
    expected = all_clauses(segment_text(typed, "inline.txt"))
    assert [all_clauses(segment_text(c, "inline.txt")) for c in copies] == [expected] * len(copies)


# --- the new genres' readings (tests/data/genres20/, EXPECTED.md) -------------------------------------------------
# file: ((title, issuer, region, level, genre, year, date), [(heading path, kind, start of the clause)])
ORG, EXE = ("2 组织指挥体系", "2.1 省级应急指挥机构"), ("3 应急响应", "3.2 响应措施", "3.2.1 现场处置")
GROUPS = ORG + ("2.1.2 指挥部工作组",)
AGENCIES = ("县应急管理局", "县发展和改革局", "县教育局", "县公安局", "县民政局", "县自然资源局", "县住房和城乡建设局", "县交通运输局",
            "县水利局", "县农业农村局", "县商务局", "县文化广电和旅游局", "县卫生健康局", "县市场监督管理局", "县消防救援大队")
G20 = {
    "g20_mixed_dot_bracket.txt": (
        # (the organ's line over the title is read into the title, as earlier sessions read it: EXPECTED.md)
        ("黔岭州安全生产委员会办公室关于开展2027年汛期安全生产大检查的通知", "黔岭州安全生产委员会办公室", "黔岭州", "city",
         "other", 2027, "2027-05-12"), [
            ((), "preamble", "为切实做好主汛期安全防范工作"),
            (("一、检查范围",), "clause", "1.尾矿库、排土场及露天矿山边坡；"),
            (("一、检查范围",), "clause", "2.在建工程项目的深基坑"),
            (("一、检查范围",), "clause", "3.地质灾害隐患点周边的学校"),
            (("二、检查重点", "（一）矿山领域"), "clause", "1）尾矿库排洪设施是否畅通"),
            (("二、检查重点", "（一）矿山领域"), "clause", "2）露天矿山边坡是否出现裂缝"),
            (("二、检查重点", "（二）建筑施工领域"), "clause", "1）深基坑支护结构"),
            (("二、检查重点", "（二）建筑施工领域"), "clause", "2）施工现场临时用电线路"),
            (("三、工作要求",), "clause", "1.各县（市）要在6月30日前完成辖区内自查"),
            (("三、工作要求",), "clause", "2.州安委会各成员单位要按照职责分工"),
        ]),
    "g20_plan_four_levels.txt": (
        ("澜沧省危险化学品生产安全事故应急预案", None, "澜沧省", "province", "emergency_plan", None, None), [
            (("1 总则", "1.1 编制目的"), "clause", "为规范全省危险化学品"),
            (("1 总则", "1.2 适用范围"), "clause", "本预案适用于本省行政区域内"),
            (ORG + ("2.1.1 省危险化学品事故应急指挥部",), "clause", "省政府分管副省长任总指挥"),
            (GROUPS + ("2.1.2.1 综合协调组",), "clause", "由省应急管理厅牵头"),
            (GROUPS + ("2.1.2.2 抢险救援组",), "clause", "由省消防救援总队牵头"),
            (GROUPS + ("2.1.2.3 医疗救治组",), "clause", "由省卫生健康委牵头"),
            (("2 组织指挥体系", "2.2 市县应急指挥机构"), "clause", "各市（州）、县（市、区）人民政府参照"),
            (("3 应急响应", "3.1 响应分级"), "clause", "省级应急响应由高到低分为"),
            (EXE + ("3.2.1.1 工艺处置",), "clause", "在专家指导下采取关阀断料"),
            (EXE + ("3.2.1.2 环境监测",), "clause", "省生态环境厅组织对事故现场"),
            (("4 附则",), "clause", "本预案由省应急管理厅负责解释，自印发之日起施行。"),
        ]),
    "g20_toc_dot_leaders.txt": (
        ("峪阳市人民政府办公室关于印发峪阳市城镇燃气事故应急预案的通知", "峪阳市人民政府办公室", "峪阳市", "city",
         "emergency_plan", 2026, "2026-09-18"), [
            ((), "preamble", "《峪阳市城镇燃气事故应急预案》已经市政府同意，现印发给你们，请认真贯彻执行。"),
            (("一、总则", "（一）编制目的"), "clause", "为高效有序处置城镇燃气事故"),
            (("一、总则", "（二）适用范围"), "clause", "本预案适用于本市行政区域内"),
            (("二、组织指挥体系",), "clause", "市政府设立市城镇燃气事故应急指挥部"),
            (("三、预警与响应", "（一）预警"), "clause", "市住房和城乡建设局会同燃气经营企业"),
            (("三、预警与响应", "（二）响应"), "clause", "事故发生后，燃气经营企业应当立即关闭相关阀门"),
            (("四、保障措施",), "clause", "各区县要组建燃气抢险队伍"),
        ]),
    "g20_regulation_cross_refs.txt": (
        ("滇岳省燃气安全管理条例", None, "滇岳省", "province", "regulation", 2027, None), [
            (("第一章 总则",), "clause", "第一条为加强燃气安全管理，预防和减少燃气安全事故，保障人民群众生命财产安全，根据"),
            (("第一章 总则",), "clause", "第二条本省行政区域内燃气经营"),
            (("第二章 经营安全",), "clause", "第三条燃气经营者应当建立健全安全生产责任制，配备专职安全管理人员，每年至少组织"),
            (("第二章 经营安全",), "clause", "第四条燃气经营者应当对用户燃气设施每年至少安全检查一次，发现隐患的，应当书面告知用户"
                                          "并督促整改。用户拒不整改的，燃气经营者可以依照本条例第十二条规定采取限制供气措施。"),
            (("第二章 经营安全",), "clause", "第五条瓶装燃气经营者不得"),
            (("第三章 使用安全",), "clause", "第六条餐饮等经营场所使用燃气的，应当安装可燃气体报警装置，并按照本条例第五条规定从取得"
                                          "经营许可的燃气经营者处购买瓶装燃气。"),
            (("第三章 使用安全",), "clause", "第七条任何单位和个人不得擅自安装"),
            (("第四章 法律责任",), "clause", "第八条燃气经营者违反本条例第三条规定"),
            (("第四章 法律责任",), "clause", "第九条违反本条例第七条规定，擅自改装户内燃气设施的，由县级以上人民政府燃气管理部门责令"
                                          "改正，对个人处五百元以上二千元以下罚款；对单位未按照本条例第六条规定安装可燃气体报警装置"
                                          "的，处二千元以上一万元以下罚款。"),
            (("第五章 附则",), "clause", "第十条本条例自2027年3月1日起施行。"),
        ]),
    "g20_colon_headings_inline.txt": (
        ("青湖镇2027年燃气安全专项整治工作方案", "青湖镇人民政府", "青湖镇", "department", "special_plan", 2027, "2027-02-26"), [
            ((), "preamble", "为深入排查整治燃气安全风险隐患"),
            ((), "clause", "一、工作目标：到2027年底，全镇餐饮场所可燃气体报警装置安装率达到100%"),
            ((), "clause", "二、整治范围：辖区内所有使用燃气的餐饮场所"),
            (("三、整治内容",), "clause", "（一）检查燃气用户是否使用不合格的软管"),
            (("三、整治内容",), "clause", "（二）检查瓶装燃气是否来源于"),
            (("三、整治内容",), "clause", "（三）检查餐饮场所是否在地下室违规使用瓶装燃气。"),
            ((), "clause", "四、时间安排：3月至4月为自查自改阶段"),
            ((), "clause", "五、工作要求：各村（社区）要落实属地管理责任"),
        ]),
    "g20_ministry_guiding_opinions.txt": (
        ("应急管理部关于加强小微企业安全生产服务工作的指导意见", "应急管理部", "全国", "central", "opinion", 2027, "2027-04-20"), [
            ((), "preamble", "为帮助小微企业提升安全生产管理水平"),
            (("一、总体要求", "（一）指导思想"), "clause", "坚持人民至上、生命至上"),
            (("一、总体要求", "（二）工作目标"), "clause", "到2028年底，基本建立覆盖各类小微企业的安全生产服务体系"),
            (("二、重点任务",), "clause", "（三）强化安全服务供给。各地要组织安全生产专家、注册安全工程师深入小微企业开展指导服务。"
                                     "鼓励有条件的地区建立安全生产服务中心，为小微企业提供免费咨询。"),
            (("二、重点任务",), "clause", "（四）创新帮扶方式。推行“专家+执法”联合检查模式"),
            (("二、重点任务",), "clause", "（五）加强从业人员培训。"),
            (("三、保障措施",), "clause", "（六）加强组织领导。"),
            (("三、保障措施",), "clause", "（七）强化督促指导。"),
        ]),
    "g20_member_duties.txt": (
        ("石泉县安全生产委员会关于印发《石泉县安全生产委员会成员单位安全生产工作职责》的通知", "石泉县安全生产委员会", "石泉县",
         "county", "duty_list", 2025, "2025-03-10"), [
            ((), "preamble", "现将《石泉县安全生产委员会成员单位安全生产工作职责》印发给你们，请认真遵照执行。"),
            ((), "preamble", "为进一步明确县安委会成员单位安全生产工作职责"),
            *[((), "clause", f"{n}.{agency}：") for n, agency in enumerate(AGENCIES, start=1)],
            ((), "clause", "其他成员单位按照各自职责，做好本行业领域安全生产工作。"),
        ]),
    "g20_plan_contacts_annex.txt": (
        ("柳湾镇防汛应急预案", "柳湾镇人民政府", "柳湾镇", "department", "emergency_plan", 2028, "2028-05-06"), [
            (("一、总则", "（一）编制目的"), "clause", "为做好我镇防汛抢险工作"),
            (("一、总则", "（二）适用范围"), "clause", "本预案适用于本镇行政区域内"),
            (("二、组织机构",), "clause", "镇防汛抗旱指挥部由镇长任指挥长"),
            (("三、应急响应", "（一）预警响应"), "clause", "接到暴雨橙色以上预警后"),
            (("三、应急响应", "（二）人员转移"), "clause", "对居住在山洪灾害危险区"),
        ]),
}
# readings still wrong (strict: a fix shows as an XPASS to turn into a plain test): (test, file) -> why
KNOWN_GAPS: dict[tuple[str, str], str] = {}
WRAP_MISS: set[tuple[str, int]] = set()
PHONE_MISS: dict[str, str] = {}
SET20 = GenreSet(DATA20, G20, KNOWN_GAPS, WRAP_MISS, PHONE_MISS)


def test_every_new_notice_is_listed_and_has_its_reading_written_down():
    SET20.check_listed()


@pytest.mark.parametrize("name", SET20.known("reading"))
def test_new_genre_document_reading(name):
    SET20.check_reading(name)


@pytest.mark.parametrize("name", SET20.known("clauses"))
def test_new_genre_clauses_heading_paths_and_kinds(name):
    SET20.check_clauses(name)


@pytest.mark.parametrize("name, width", SET20.wrap_params())
def test_new_genre_same_clauses_when_wrapped_like_a_pdf(name, width):
    SET20.check_wrapped(name, width)


@pytest.mark.parametrize("name", SET20.phone_params())
def test_new_genre_same_clauses_when_copied_from_a_phone(name):
    SET20.check_phone(name)


# --- gaps left to corpus/clean.py (lines22's file): strict xfails, a fix shows as an XPASS -----------------------
CAPITALS = ("岩溪县2027年安全生产工作方案\n\n为做好全年安全生产工作，制定本方案。\n壹、工作目标\n全年生产安全事故起数下降10%。\n"
            "贰、主要任务\n（壹）开展燃气安全检查。\n（贰）开展消防安全检查。\n叁、工作要求\n各乡镇要于12月底前报送工作总结。\n")


def test_capital_numerals_number_sections_and_items():
    # written first: 壹、 numbers a section as 一、 does, （壹） an item as （一） does
    assert [(p, t[:6]) for p, _, t in _clauses(CAPITALS)[1:]] == [
        (("壹、工作目标",), "全年生产安全"), (("贰、主要任务",), "（壹）开展燃"), (("贰、主要任务",), "（贰）开展消"),
        (("叁、工作要求",), "各乡镇要于1")]


HAZARD_ROWS = (("序号", "隐患内容", "整改措施", "责任人", "整改时限"),
               ("1", "罐区可燃气体报警仪未定期检定", "立即委托有资质机构检定", "张某某", "2027年6月30日"),
               ("2", "消防通道被堆放物料占用", "清理物料并设置禁停标志", "李某某", "2027年5月31日"))


@pytest.mark.parametrize("sep", [" ", "  ", "\u3000"], ids=["space", "two-spaces", "ideographic-space"])
def test_a_hazard_list_typed_with_spaces_reads_as_typed_with_tabs(sep):
    def table(cell_sep: str) -> str:
        return "岩溪经济开发区2027年第二季度重大事故隐患整改清单\n\n" + "\n".join(cell_sep.join(r) for r in HAZARD_ROWS) + "\n"
    # written first: a row a clause, its cells apart, the header none (as the tabbed table reads: 1；罐区…；立即…)
    assert _clauses(table(sep)) == _clauses(table("\t"))
