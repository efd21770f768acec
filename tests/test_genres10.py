"""genres10: what a new user brings from other governments that tests/test_genres*.py did not cover, on
notices written for these tests (tests/data/genres10/; invented places and organs, no real document
copied or paraphrased): a web page copied with its 信息公开 box (索引号 … 主题分类), breadcrumb, 发布时间/浏览次数
line, 字号 and print/close controls, 相关附件 list, 扫一扫 and 上一篇/下一篇 links; a flat web page with
分享到 and 附件下载; an 应急预案 with plain ``1.`` lists and ``（1）`` groups inside decimal sections and a
flowchart enclosure of boxes on lines of their own; a 条例 whose articles have several 款; rules numbered
``第1条``; 工作要点 whose items end in 。 and carry a sentence over sub-items; inline 一是/①/其一 and half-width
(1) / 1) / ⑴ / ``1、`` items; 会议纪要 of 议定事项; a 政策解读 of ``问题一：`` questions; a 通报 and a 表彰决定 whose
enclosure is a list of names (名单); a 倡议书 of ``我们倡议：`` items; a 实施方案 whose 任务分工表 is typed as text
with full-width spaces between its cells.

Each notice's reading (title, and each clause's heading path and text start) was written down from the
notice before running the segmenter. Decisions (docs/ANNOTATION_CODEBOOK.md §1):
- Page furniture (breadcrumb, 信息公开 box, controls, 相关附件 file list, 扫一扫, 上一篇/下一篇) is no clause.
- A list of names or units in an enclosure titled …名单 states no measure: no clause.
- A flowchart's boxes and arrows in an enclosure state nothing: no clause (tests/test_genres_g4.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policytag.corpus.clean import classify_lines
from policytag.corpus.segment import segment_paths, segment_text
from conftest import TEST_DATA
from test_genres import reading, wrap

DATA10 = TEST_DATA / "genres10"
ROOT = Path(__file__).resolve().parents[1]

CMD_GROUP = ("2 组织体系", "2.2 现场指挥部", "2.2.1 现场指挥部组成")
# an article heading is its first 30 characters (corpus/segment.py _heading_title)
ART4 = ("第二章 生产和储存安全", "第一节 一般规定", "第四条 危险化学品生产、储存单位应当对重大危险源进行登记建档，定期检…")
ART3 = ("第二章 生产和储存安全", "第一节 一般规定", "第三条 危险化学品生产、储存单位应当具备下列条件")

# an article titled in 【】: its heading is the article's first 30 characters, as any article's
ART_TITLED = ("第二章 责任内容", "第三条 【主要负责人职责】生产经营单位的主要负责人对本单位安全生产工…")

# file: (title, [(heading path, start of the clause text)]) — the whole list: no clause more, none less
G10 = {
    "gr10_web_info_box.txt": ("柘川县人民政府办公室关于做好春季森林防火工作的通知", [
        ((), "当前已进入春季森林防火关键期"),
        (("一、压实防火责任",), "各乡镇要落实森林防火行政首长负责制"),
        (("二、严格野外火源管理",), "（一）清明节期间"),
        (("二、严格野外火源管理",), "（二）严禁在林区烧荒"),
        (("三、做好应急准备",), "县应急管理局要会同县林业局修订完善扑火预案，组织开展实战演练。"),
    ]),
    "gr10_web_plan_flat.txt": ("青岚市应急管理局关于开展有限空间作业安全专项治理的通知", [
        ((), "近期，外省接连发生有限空间作业中毒窒息事故"),
        (("一、治理重点",), "重点治理污水处理"),
        (("二、工作措施",), "（1）全面辨识有限空间。"),
        (("二、工作措施",), "（2）严格作业审批。"),
        (("二、工作措施",), "（3）配齐防护装备。"),
        (("三、时间安排",), "1、自查自改阶段（2027年5月至6月）。"),
        (("三、时间安排",), "2、督导检查阶段（2027年7月至8月）。"),
    ]),
    "gr10_emergency_plan_lists.txt": ("蓼湾区危险化学品事故应急预案", [
        (("1 总则", "1.1 编制目的"), "为规范全区危险化学品事故应急处置工作"),
        (("1 总则", "1.2 适用范围"), "本预案适用于蓼湾区行政区域内"),
        (("2 组织体系", "2.1 区应急指挥部"), "区应急指挥部由区长任总指挥"),
        (("2 组织体系", "2.1 区应急指挥部"), "1.贯彻落实区委、区政府"),
        (("2 组织体系", "2.1 区应急指挥部"), "2.统一指挥全区"),
        (("2 组织体系", "2.1 区应急指挥部"), "3.决定启动和终止应急响应。"),
        (CMD_GROUP, "事故发生后，区应急指挥部设立现场指挥部"),
        (CMD_GROUP, "（1）综合协调组"),
        (CMD_GROUP, "（2）医疗救治组"),
        (CMD_GROUP, "（3）警戒疏散组"),
        (("2 组织体系", "2.2 现场指挥部", "2.2.2 现场指挥部职责"), "负责制定现场处置方案"),
        (("3 应急响应", "3.1 响应分级"), "按照事故严重程度"),
        (("3 应急响应", "3.2 响应程序"), "1.信息报告。事故单位应在1小时内"),
        (("3 应急响应", "3.2 响应程序"), "2.先期处置。"),
        (("3 应急响应", "3.2 响应程序"), "3.响应启动。"),
        (("4 附则",), "本预案自印发之日起实施。"),
    ]),
    "gr10_regulation_paragraphs.txt": ("中岳省危险化学品安全管理条例", [
        (("第一章 总则",), "第一条为了加强危险化学品安全管理"),
        (("第一章 总则",), "第二条本省行政区域内"),
        (("第一章 总则", "第二条 本省行政区域内危险化学品的生产、储存、使用、经营和运输的安全…"),
         "法律、行政法规对危险化学品安全管理另有规定的"),
        (("第二章 生产和储存安全", "第一节 一般规定"), "第三条危险化学品生产、储存单位应当具备下列条件："),
        (ART3, "（一）有符合国家标准"),
        (ART3, "（二）有与生产规模相适应"),
        (ART3, "（三）有健全的安全管理制度"),
        (("第二章 生产和储存安全", "第一节 一般规定"), "第四条危险化学品生产、储存单位应当对重大危险源"),
        (ART4, "重大危险源的监测数据应当实时接入"),
        (ART4, "县级以上应急管理部门应当对接入数据进行分析"),
        (("第二章 生产和储存安全", "第二节 储存管理"), "第五条危险化学品应当储存在专用仓库内"),
        (("第三章 附则",), "第六条本条例自2028年1月1日起施行。"),
    ]),
    "gr10_rules_arabic_articles.txt": ("柘川县安全生产约谈办法", [
        ((), "第1条为督促落实安全生产责任"),
        ((), "第2条本办法所称约谈"),
        ((), "第3条有下列情形之一的，应当进行约谈："),
        (("第3条 有下列情形之一的，应当进行约谈",), "（一）发生较大生产安全事故的；"),
        (("第3条 有下列情形之一的，应当进行约谈",), "（二）重大事故隐患未按期整改的；"),
        (("第3条 有下列情形之一的，应当进行约谈",), "（三）安全生产考核不合格的。"),
        ((), "第4条约谈结束后"),
        ((), "第5条本办法自2027年5月1日起施行。"),
    ]),
    "gr10_work_points_sentences.txt": ("蓼湾区应急管理局2027年工作要点", [
        ((), "2027年，全区应急管理工作的总体要求是"),
        ((), "一、着力压实安全生产责任。严格落实党政领导干部"),
        (("一、着力压实安全生产责任",), "（一）开展安全生产巡查。3月底前"),
        (("一、着力压实安全生产责任",), "（二）强化考核结果运用。"),
        (("二、着力防范化解重大风险",), "（一）深化危险化学品安全治理。"),
        (("二、着力防范化解重大风险",), "（二）加强城镇燃气安全监管。"),
        ((), "三、着力提升应急救援能力。完善区级应急预案体系"),
    ]),
    "gr10_inline_enumerations.txt": ("柘川县安全生产委员会关于加强汛期安全防范工作的通知", [
        ((), "入汛以来"),
        ((), "一、加强隐患排查。一是排查尾矿库、淤地坝等设施的防洪能力；二是"),
        ((), "二、落实转移避险。各乡镇要做到①预警信息"),
        (("三、强化重点行业监管",), "（1）矿山企业要落实"),
        (("三、强化重点行业监管",), "（2）交通运输部门要加强"),
        (("四、做好应急值守",), "1）各单位严格执行24小时值班制度。"),
        (("四、做好应急值守",), "2）重大情况要在30分钟内"),
        ((), "五、加强宣传引导。其一，利用广播、微信群发布预警信息；其二，"),
    ]),
    "gr10_minutes_agreed.txt": ("蓼湾区安全生产委员会第三次全体会议纪要", [
        ((), "2027年7月8日，区长、区安委会主任许明远主持召开"),
        ((), "一、会议原则同意区应急管理局提出的"),
        ((), "二、会议要求，各街道要在8月底前"),
        ((), "三、会议决定，成立区城镇燃气安全专项整治工作专班，由分管副区长任组长。"),
    ]),
    "gr10_qa_numbered_questions.txt": ("《柘川县重大事故隐患举报奖励办法》政策解读", [
        (("问题一：《办法》出台的背景是什么？",), "答：为鼓励群众举报重大事故隐患"),
        (("问题二：哪些情形可以获得奖励？",), "答：举报的重大事故隐患经查证属实的"),
        (("问题三：奖励标准是多少？",), "答：一般给予3000元奖励"),
    ]),
    "gr10_bulletin_name_list.txt": ("中岳省应急管理厅关于2027年第二季度安全生产执法检查情况的通报", [
        ((), "2027年第二季度，省厅组织4个执法检查组"),
        (("一、基本情况",), "共检查企业60家"),
        (("二、存在问题",), "部分企业安全管理人员配备不足"),
        (("三、工作要求",), "各市要督促企业在9月30日前完成全部问题整改，逾期未整改的依法予以处罚。"),
    ]),
    "gr10_decision_commendation.txt": ("柘川县人民政府关于表彰2026年度安全生产工作先进集体和先进个人的决定", [
        ((), "2026年，全县各级各部门认真贯彻落实"),
        ((), "希望受表彰的集体和个人珍惜荣誉，再接再厉。全县各级各部门要以先进为榜样，推动安全生产形势持续稳定向好。"),
    ]),
    "gr10_initiative.txt": ("安全生产月倡议书", [
        ((), "今年6月是第二十六个全国“安全生产月”"),
        ((), "1.树牢安全发展理念。"),
        ((), "2.落实岗位安全责任。"),
        ((), "3.积极参与隐患排查。"),
        ((), "让我们携起手来，共同守护平安柘川！"),
    ]),
    # (an enclosed task table's title heads its rows: the lead's decision, session 17; they had no heading)
    "gr10_task_division_annex.txt": ("蓼湾区人民政府办公室关于印发蓼湾区城镇燃气安全专项整治实施方案的通知", [
        ((), "《蓼湾区城镇燃气安全专项整治实施方案》已经区政府同意"),
        ((), "为全面排查整治城镇燃气安全隐患，制定本方案。"),
        (("一、整治范围",), "全区燃气经营企业"),
        (("二、工作要求",), "各街道、各部门要按照任务分工抓好落实，每月25日前报送工作进展。"),
        (("重点任务分工表",), "1.开展燃气经营企业安全检查（完成时限：2027年6月底前）"),
        (("重点任务分工表",), "2.推进餐饮场所安装燃气泄漏报警装置（完成时限：2027年9月底前）"),
        (("重点任务分工表",), "3.完成老旧燃气管网更新改造（完成时限：2027年12月底前）"),
    ]),
    # written after the first landing: footer lines of a copied page, 问1：, an 倡议书 of 一、 items signed
    # 倡议单位：…, inline ⑴⑵ and 第一，第二，
    "gr10_web_footer.txt": ("柘川县应急管理局关于做好高温天气安全防范工作的通知", [
        ((), "近期我县持续高温"),
        ((), "一、加强户外作业管理。建筑施工"),
        ((), "二、强化用电用火安全。各乡镇要组织排查人员密集场所电气线路，发现隐患立即整改。"),
    ]),
    "gr10_qa_arabic.txt": ("蓼湾区电动自行车安全管理规定一问一答", [
        (("问1：为什么要制定《规定》？",), "答：近年来"),
        (("问2：电动自行车可以停放在楼道吗？",), "答：不可以。"),
        (("问3：违反规定如何处理？",), "答：由消防救援机构"),
    ]),
    "gr10_initiative_items.txt": ("关于做好燃气安全使用的倡议书", [
        ((), "燃气安全关系千家万户"),
        ((), "一、规范使用燃气。"),
        ((), "二、安装报警装置。"),
        ((), "三、发现隐患及时报告。"),
        ((), "燃气安全，人人有责。"),
    ]),
    "gr10_inline_marks.txt": ("青岚市应急管理局关于开展危险化学品企业夜间巡查的通知", [
        ((), "为防范夜间生产安全事故"),
        ((), "一、巡查内容。重点检查（1）值班人员在岗情况；（2）重大危险源"),
        ((), "二、巡查方式。第一，各县（市、区）每月组织夜间巡查不少于2次；第二，"),
        (("三、工作要求",), "各县（市、区）要于每月5日前报送上月巡查情况。"),
    ]),
    # written after the second landing: ●/◆ bullets, an accident bulletin titled with “3·15”, a plan's 附则 of 1. items
    # (the ● / ◆ opening each item was kept in its clause until lines22; a bullet is no text: dropped, clean.classify)
    "gr10_bullets.txt": ("柘川县2027年安全生产宣传教育工作要点", [
        (("一、开展主题宣传",), "组织“安全生产月”集中宣传咨询日活动"),
        (("一、开展主题宣传",), "开展“安全宣传进企业"),
        (("二、强化警示教育",), "组织重点行业企业负责人"),
        (("二、强化警示教育",), "编印典型事故案例汇编"),
    ]),
    "gr10_accident_bulletin.txt": ("蓼湾区安全生产委员会关于“3·15”较大中毒事故的通报", [
        ((), "2027年3月15日，蓼湾区恒远建材有限公司"),
        (("一、事故基本情况",), "3月15日上午9时许"),
        (("二、事故暴露的问题",), "（一）企业未执行有限空间作业审批制度。"),
        (("二、事故暴露的问题",), "（二）作业前未进行通风和气体检测。"),
        (("二、事故暴露的问题",), "（三）现场未配备防护用品"),
        (("三、有关工作要求",), "各街道、各有关部门要深刻吸取事故教训"),
    ]),
    "gr10_plan_annex_list.txt": ("柘川县城镇燃气事故应急预案", [
        (("1 总则", "1.1 编制目的"), "为高效处置城镇燃气事故"),
        (("2 应急响应", "2.1 先期处置"), "燃气经营企业接报后"),
        (("3 附则",), "1.本预案由县住建局负责解释。"),
        (("3 附则",), "2.本预案自印发之日起施行。"),
    ]),
    "gr10_rules_article_titles.txt": ("青岚市生产经营单位安全生产主体责任规定", [
        (("第一章 总则",), "第一条【立法目的】为了落实"),
        (("第一章 总则",), "第二条【适用范围】"),
        (("第二章 责任内容",), "第三条【主要负责人职责】"),
        (ART_TITLED, "（一）建立健全全员安全生产责任制；"),
        (ART_TITLED, "（二）组织制定安全生产规章制度和操作规程。"),
        (("第二章 责任内容",), "第四条【全员责任】"),
        (("第三章 附则",), "第五条【施行日期】本规定自2028年3月1日起施行。"),
    ]),
    # a page's 日期：… 来源：… 点击： line and 【发布单位：…】【发布时间：…】, over a meeting notice whose own 时间： line stays
    "gr10_web_time_source.txt": ("蓼湾区应急管理局关于召开2027年冬季安全生产工作会议的通知", [
        ((), "经区政府同意，定于近期召开"),
        (("一、会议时间",), "时间：2027年12月5日上午9时。"),
        (("二、参会人员",), "各街道分管负责人"),
        (("三、有关要求",), "请参会人员提前10分钟入场，不得缺席。"),
    ]),
}
# the agencies of the task table's rows (牵头单位 then 配合单位)
TASK_AGENCIES = [["区住建局", "区市场监管局"], ["区市场监管局", "各街道办事处"], ["区住建局", "区财政局"]]


def one10(name: str):
    result = segment_paths([DATA10 / name])
    assert not result.errors, result.errors
    assert len(result.documents) == 1, [d.title for d in result.documents]
    return result.documents[0], result.clauses


def test_every_notice_is_listed():
    assert sorted(p.name for p in DATA10.glob("*.txt")) == sorted(G10)


# notices the segmenter still misreads (strict xfails; each fix removes its notice from here)
KNOWN_MISS: set[str] = set()


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="misread"))
                                  if n in KNOWN_MISS else n for n in sorted(G10)])
def test_clauses_and_heading_paths(name):
    title, expected = G10[name]
    doc, clauses = one10(name)
    assert doc.title == title
    assert reading(clauses, expected) == expected


def test_task_table_rows_carry_their_agencies():
    _, clauses = one10("gr10_task_division_annex.txt")
    rows = [c for c in clauses if c.text[:2] in ("1.", "2.", "3.")]
    assert [list(c.agencies) for c in rows] == TASK_AGENCIES


def test_web_info_box_number_is_read():
    # the box's ``文号：`` line was read as a clause and split the notice in two
    doc, _ = one10("gr10_web_info_box.txt")
    assert doc.doc_number == "柘政办〔2027〕9号"


def _cli_clauses(path: Path) -> list[dict]:
    out = subprocess.run([str(Path(sys.executable).parent / "policytag"), "segment", str(path), "--format", "jsonl"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["gr10_web_info_box.txt", "gr10_web_plan_flat.txt"])
def test_cli_reads_no_page_furniture(name):
    rows = _cli_clauses(DATA10 / name)
    furniture = ("索引号", "主题分类", "字号", "字体", "打印本页", "扫一扫", "上一篇", "下一篇", "分享到", "附件下载",
                 "相关附件", ".xlsx", ".docx", "当前位置", "首页")
    assert [r["text"] for r in rows if any(f in r["text"] for f in furniture)] == []
    assert [tuple(r["heading_path"]) for r in rows] == [p for p, _ in G10[name][1]]


# (wrapped at 90 cells, 第二条's line ends its sentence one character short of the margin and the short 款
# after it read as its last line; read right since genres12: the 款's line keeps the PDF's first-line indent)
WRAP_MISS: set[tuple[str, int]] = set()


@pytest.mark.parametrize("name, width", [
    pytest.param(n, w, marks=pytest.mark.xfail(strict=True, reason="margin cut at a sentence end"))
    if (n, w) in WRAP_MISS else (n, w) for n in sorted(G10) for w in (70, 90)])
def test_same_clauses_when_wrapped_like_a_pdf(name, width):
    text = (DATA10 / name).read_text(encoding="utf-8")
    plain = [(c.heading_path, c.text) for _, cs in segment_text(text, name) for c in cs]
    wrapped = [(c.heading_path, c.text) for _, cs in segment_text(wrap(text, width), name) for c in cs]
    assert wrapped == plain


@pytest.mark.parametrize("line", ["当前位置：首页 > 政务公开 > 通知公告", "首页 > 信息公开 > 政策文件", "分享到：微信 微博 QQ空间",
                                  "扫一扫在手机打开当前页", "上一篇：柘川县应急管理局关于开展安全生产月活动的通知",
                                  "字号：大 中 小", "【字号：大 中 小】【打印】【关闭】", "信息来源：柘川县应急管理局",
                                  "发布时间：2027-03-14 09:30　来源：柘川县人民政府办公室　浏览次数：1024",
                                  "网站标识码：4108230001　备案号：中岳ICP备12345678号-1"])
def test_page_navigation_is_no_text(line):
    assert [l.kind for l in classify_lines(line)] == ["url"]


@pytest.mark.parametrize("line", ["扫一扫下方二维码，即可在线举报重大事故隐患。", "首页显示的预警信息要及时更新。",
                                  "分享到朋友圈的安全知识要经过审核。", "来源：各乡镇每月上报的隐患台账。", "资金来源：县财政预算安排"])
def test_sentences_naming_page_words_stay_text(line):
    # over-reading guard: only whole navigation lines go
    assert [l.kind for l in classify_lines(line)] == ["text"]


def test_an_appeals_signature_with_its_label_is_the_signature():
    lines = classify_lines("倡议单位：蓼湾区城市管理局\n2027年9月1日")
    assert [(l.kind, l.text) for l in lines] == [("issuer", "蓼湾区城市管理局"), ("date", "2027年9月1日")]


def test_a_short_line_beside_no_arrow_stays_text():
    # over-reading guard: the boxes are read as a chart only beside an arrow line
    kinds = [l.kind for l in classify_lines("三、应急处置\n事故发生\n各单位要立即报告。")]
    assert kinds == ["text", "text", "text"]
    # nor is the next notice's title after a chart of one line (an arrow chain, no arrow alone)
    kinds = [l.kind for l in classify_lines("事故报告→先期处置→启动响应\n\n青石县森林防灭火指挥部成员单位工作职责")]
    assert kinds[-1] != "chart"


def test_decimal_items_under_a_numbered_item_keep_their_parent():
    # over-reading guard: ``2.`` after ``1.2`` is ``1.``'s sibling (``1.`` › ``1.1``), no list inside 1.2
    text = ("临江市某某工作方案\n\n一、主要任务\n1.加强风险监测\n1.1 完善监测网络，6月底前接入平台。\n"
            "1.2 强化数据分析，每月形成分析报告。\n2.强化隐患治理，年底前完成整改。\n")
    (_, clauses), = segment_text(text, "x.txt")
    assert [(c.heading_path, c.text[:3]) for c in clauses] == [
        (("一、主要任务", "1.加强风险监测"), "1.1"), (("一、主要任务", "1.加强风险监测"), "1.2"), (("一、主要任务",), "2.强")]


@pytest.mark.parametrize("name", ["gr10_web_info_box.txt", "gr10_web_plan_flat.txt", "gr10_web_footer.txt",
                                  "gr10_web_time_source.txt"])
def test_a_web_copy_on_stdin_reads_as_the_file(name):
    # `segment -` reads the text without the .txt reader's pass over page lines: 字号：大 中 小, 信息来源：…,
    # 发布时间：… 来源：… were clauses there and split the notice in two
    tool = str(Path(sys.executable).parent / "policytag")
    path = DATA10 / name
    piped = subprocess.run([tool, "segment", "-", "--format", "jsonl"], input=path.read_bytes(), capture_output=True,
                           check=True, cwd=ROOT).stdout.decode()
    rows = [json.loads(line) for line in piped.splitlines() if line.strip()]
    assert [(tuple(r["heading_path"]), r["text"]) for r in rows] == [
        (tuple(r["heading_path"]), r["text"]) for r in _cli_clauses(path)]
    assert len({r["doc_id"] for r in rows}) == 1
