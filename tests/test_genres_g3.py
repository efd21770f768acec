"""A second probe of issue 17 item 2: numbering styles and genres tests/test_genres.py and
tests/test_genres_probe.py do not cover, on notices written for these tests
(tests/data/genres/g3_*.txt; invented places, no real document copied or paraphrased): a 规划 of
第X章 › 第X节 › 一、 › （一） whose 一、 restarts in every section; 工作要点 of 第X部分 whose items carry
their lead sentence and body in one paragraph; a deep 一、 › （一） › 1. › （1） › ① plan; ``1、``,
``1)``, half-width ``(一)``, full-width ``１．``; a 三年行动方案 whose phases are titled with their
period; 考核办法; 安委会工作规则; 事故通报; a 通告 pasted from a web page (half-width ``,;:()``, spaces
inside ``（ 一 ）`` and ``一 、``); 倡议书; 指导意见; 政策解读 as ``一、问：`` / ``答：`` and as bare
``问：`` / ``答：``; 会议纪要 with a ``〔2027〕第2期`` header.

Each notice's reading (title, and every clause with its heading path) was written down from the
notice before running the segmenter. Decisions, following docs/ANNOTATION_CODEBOOK.md §1:
- ``一是……；二是……`` inside a paragraph stay one clause (§1: inline items).
- ``（一）强化责任落实。各县区要……``: a heading with a sentence after it is part of its clause.
- A numbered item whose text is only a title followed by its period (``（一）动员部署阶段（2027年3月底前）``)
  over the paragraph of that phase is a title: the period is no deadline of an instruction, and the
  paragraph under it is the clause (the period stays in its heading path).
- An item that introduces a list (``（2）检查是否…，重点检查以下部位：``) is a clause, as one saying
  ``下列`` or ``如下`` is.
- A policy explanation's question (``一、问：…？`` or ``问：…？``) is the context of its answer; the
  answer is the clause, with the whole question as its heading.
- An appeal's addressee (``全市广大企业和企业职工：``), a minutes' issue number (``〔2027〕第2期``) and
  its organ-and-date line are header lines, not clauses.
"""

from __future__ import annotations

import pytest

from policytag.corpus.clean import classify_lines, heading_level, normalize_punct, parse_date
from policytag.corpus.segment import segment_paths, segment_text
from test_genres import DATA, one, reading, wrap

P1, P2, P3 = "第一部分 总体要求", "第二部分 重点工作", "第三部分 保障措施"
DUST = ("一、整治重点", "（一）粉尘涉爆企业", "1.除尘系统")
CH3 = "第三章 主要任务"

# file: (title, [(heading path, start of the clause text)])
G3 = {
    "g3_work_points_parts.txt": ("东陵区2027年安全生产工作要点", [
        ((P1,), "2027年全区安全生产工作要坚持"),
        ((P2, "一、强化安全责任落实"), "（一）压实党政领导责任。各街道要落实"),
        ((P2, "一、强化安全责任落实"), "（二）压实部门监管责任。"),
        ((P2, "一、强化安全责任落实"), "（三）压实企业主体责任。一是推动企业主要负责人履行第一责任人职责；二是"),
        ((P2, "二、深化重点领域专项整治"), "（一）城镇燃气。全面排查"),
        ((P2, "二、深化重点领域专项整治"), "（二）自建房。开展"),
        ((P2, "二、深化重点领域专项整治", "（三）有限空间作业"), "1.建立有限空间作业场所台账"),
        ((P2, "二、深化重点领域专项整治", "（三）有限空间作业"), "2.督促企业严格落实"),
        ((P3,), "各街道、各部门要加强组织领导"),
    ]),
    "g3_deep_mix_plan.txt": ("关于印发临川市工贸行业安全生产专项整治实施方案的通知", [
        ((), "《临川市工贸行业安全生产专项整治实施方案》已经"),
        ((), "为深入排查整治工贸行业重大事故隐患"),
        (DUST, "（1）检查除尘系统是否按规定采用防爆型设备。"),
        (DUST, "（2）检查是否按规定设置泄爆、隔爆装置，重点检查以下部位："),
        (DUST + ("（2）检查是否按规定设置泄爆、隔爆装置，重点检查以下部位",), "①铝镁等金属粉尘"),
        (DUST + ("（2）检查是否按规定设置泄爆、隔爆装置，重点检查以下部位",), "②木粉尘除尘器"),
        (DUST + ("（2）检查是否按规定设置泄爆、隔爆装置，重点检查以下部位",), "③除尘管道"),
        (("一、整治重点", "（一）粉尘涉爆企业", "2.粉尘清扫"), "建立粉尘清扫制度"),
        (("一、整治重点", "（二）冶金企业"), "1.检查高温熔融金属"),
        (("一、整治重点", "（二）冶金企业"), "2.检查煤气区域"),
        (("二、工作步骤",), "（一）企业自查（2027年5月底前）。各企业"),
        (("二、工作步骤",), "（二）集中整治（2027年6月至10月）。"),
        (("二、工作步骤",), "（三）总结验收（2027年11月底前）。"),
    ]),
    "g3_numbering_variants.txt": ("青石县安全生产委员会办公室关于开展2027年“安全生产月”活动的通知", [
        ((), "根据上级安排"),
        (("（一）活动主题",), "人人讲安全、个个会应急。"),
        (("（二）活动内容",), "1、开展安全宣传咨询日活动。"),
        (("（二）活动内容",), "2、组织应急演练。"),
        (("（二）活动内容", "3、开展隐患排查"), "1）各乡镇组织"),
        (("（二）活动内容", "3、开展隐患排查"), "2）县应急局组织"),
        (("（三）工作要求",), "1.加强组织领导。"),
        (("（三）工作要求",), "2.及时报送信息。"),
    ]),
    "g3_three_year_plan.txt": ("临川市安全生产治本攻坚三年行动实施方案（2027—2029年）", [
        ((), "为从根本上消除事故隐患"),
        (("一、工作目标",), "到2029年底"),
        (("二、主要任务",), "（一）开展重大事故隐患排查整治行动。"),
        (("二、主要任务",), "（二）开展安全科技支撑行动。"),
        (("三、阶段安排", "（一）动员部署阶段（2027年3月底前）"), "各县（市、区）、各有关部门制定"),
        (("三、阶段安排", "（二）集中攻坚阶段（2027年4月至2028年12月）"), "聚焦重点行业领域"),
        (("三、阶段安排", "（三）巩固提升阶段（2029年1月至12月）"), "全面总结经验做法"),
        (("四、保障措施",), "各地各部门要将三年行动"),
    ]),
    "g3_assessment_measures.txt": ("青石县安全生产工作考核办法", [
        (("第一章 总则",), "第一条为进一步落实"),
        (("第一章 总则",), "第二条本办法适用于"),
        (("第二章 考核内容和方式",), "第三条考核实行百分制，主要包括以下内容："),
        (("第二章 考核内容和方式", "第三条 考核实行百分制，主要包括以下内容"), "（一）安全生产责任落实情况"),
        (("第二章 考核内容和方式", "第三条 考核实行百分制，主要包括以下内容"), "（二）重大事故隐患"),
        (("第二章 考核内容和方式", "第三条 考核实行百分制，主要包括以下内容"), "（三）生产安全事故控制"),
        (("第二章 考核内容和方式",), "第四条考核采取"),
        (("第三章 结果运用",), "第五条考核结果分为"),
        (("第三章 结果运用",), "第六条有下列情形之一的"),
        (("第三章 结果运用", "第六条 有下列情形之一的，考核结果为不合格"), "（一）发生较大及以上"),
        (("第三章 结果运用", "第六条 有下列情形之一的，考核结果为不合格"), "（二）瞒报、谎报"),
        (("第四章 附则",), "第七条本办法由县应急管理局负责解释。"),
        (("第四章 附则",), "第八条本办法自2027年3月1日起施行。"),
    ]),
    "g3_committee_rules.txt": ("临川市安全生产委员会工作规则", [
        (("一、总则",), "（一）为规范市安全生产委员会"),
        (("一、总则",), "（二）市安委会在市委、市政府领导下"),
        (("二、组织机构",), "市安委会主任由市长担任"),
        (("三、会议制度",), "（一）全体会议。原则上每半年召开一次"),
        (("三、会议制度", "（一）全体会议"), "1.传达学习"),
        (("三、会议制度", "（一）全体会议"), "2.研究部署"),
        (("三、会议制度", "（一）全体会议"), "3.审议市安委会"),
        (("三、会议制度",), "（二）专题会议。"),
        (("三、会议制度",), "（三）联络员会议。"),
        (("四、议事规则",), "会议议定事项以会议纪要形式印发"),
    ]),
    "g3_accident_bulletin.txt": ("临川市安全生产委员会办公室关于东陵区“5·12”较大火灾事故的通报", [
        ((), "2027年5月12日，东陵区一家服装加工作坊发生火灾"),
        (("一、事故基本情况",), "5月12日14时30分许"),
        (("二、事故原因",), "（一）直接原因。"),
        (("二、事故原因",), "（二）间接原因。"),
        (("三、事故教训",), "这起事故暴露出"),
        (("四、工作要求",), "（一）立即开展“三合一”场所排查整治。"),
        (("四、工作要求",), "（二）加强电动自行车安全管理。严禁"),
        (("四、工作要求",), "（三）严肃事故调查处理。"),
    ]),
    "g3_public_notice_web.txt": ("青石县人民政府关于禁止燃放烟花爆竹的通告", [
        ((), "为切实保障公共安全和人民群众生命财产安全，根据《烟花爆竹安全管理条例》等有关规定，"),
        ((), "一、自2028年1月1日起，本县城区范围内全年禁止燃放烟花爆竹。"),
        ((), "二、严禁在禁放区域内销售、储存烟花爆竹。"),
        ((), "三、严禁下列行为："),
        (("三、严禁下列行为",), "（一）在文物保护单位、车站、加油站等重点场所燃放烟花爆竹；"),
        (("三、严禁下列行为",), "（二）向人群、车辆、建筑物抛掷点燃的烟花爆竹。"),
        ((), "四、违反本通告规定的，由公安机关依法予以处罚；构成犯罪的，依法追究刑事责任。"),
        ((), "五、本通告自发布之日起施行。"),
    ]),
    "g3_initiative.txt": ("关于全面加强企业安全生产的倡议书", [
        ((), "安全是发展的前提"),
        ((), "一、做安全责任的践行者。"),
        ((), "二、做隐患排查的先行者。"),
        ((), "三、做应急处置的明白人。"),
        # the closing appeal after the last item (which carries a sentence) closes the whole text
        # (tests/test_genres_g4.py)
        ((), "安全生产，人人有责。"),
    ]),
    "g3_guiding_opinions.txt": ("临川市应急管理局关于推进小微企业安全生产标准化建设的指导意见", [
        ((), "为推动小微企业落实安全生产主体责任"),
        (("一、总体要求",), "（一）指导思想。坚持安全发展理念"),
        (("一、总体要求",), "（二）基本原则。"),
        (("一、总体要求",), "（三）主要目标。到2028年底"),
        (("二、重点任务",), "（一）简化建设标准。"),
        (("二、重点任务",), "（二）强化技术服务。"),
        (("三、保障措施",), "（一）加强组织领导。"),
        (("三、保障措施",), "（二）强化考核激励。"),
    ]),
    "g3_policy_qa.txt": ("《临川市安全生产举报奖励办法》政策解读", [
        (("一、问：为什么要制定《办法》？",), "答：为鼓励社会公众举报"),
        (("二、问：哪些行为可以举报？",), "答：任何单位和个人"),
        (("三、问：举报奖励标准是多少？",), "答：对查证属实的举报"),
        (("四、问：举报人的信息会被保密吗？",), "答：受理举报的部门应当"),
    ]),
    "g3_policy_qa_plain.txt": ("关于《青石县烟花爆竹燃放管理规定》的解读", [
        (("问：《规定》出台的背景是什么？",), "答：近年来"),
        (("问：城区哪些区域禁止燃放？",), "答：县城建成区全域禁止燃放"),
        (("问：城区哪些区域禁止燃放？",), "禁放区域以外的乡镇"),
        (("问：违反规定燃放的如何处理？",), "答：由公安机关责令停止燃放"),
    ]),
    "g3_minutes_header.txt": ("青石县安全生产委员会会议纪要", [
        ((), "4月8日下午，县长李某某主持召开"),
        (("一、关于汛期安全防范工作",), "会议要求，各乡镇、各有关部门要在5月底前完成汛前隐患排查，一是"),
        (("二、关于城镇燃气安全整治",), "会议决定，由县住建局牵头"),
    ]),
    "g3_two_enclosures.txt": ("青石县安全生产委员会办公室关于开展2027年汛前安全生产大检查的通知", [
        ((), "为切实做好汛前安全防范工作"),
        (("一、检查时间",), "2027年4月10日至5月20日。"),
        (("二、检查内容",), "按照附件1所列重点逐项检查"),
        (("三、有关要求",), "各乡镇、各有关部门要于5月25日前"),
        # 附件1: its own 一、 numbering; its title no clause and no heading of its items
        (("一、地质灾害隐患点",), "1.监测预警设施是否完好"),
        (("一、地质灾害隐患点",), "2.受威胁群众转移路线是否明确。"),  # the last item before 附件2 is a clause
        (("二、在建工程",), "1.深基坑、高边坡"),
        (("二、在建工程",), "2.施工现场临时用房是否避开山洪、泥石流危险区域。"),
        # 附件2 after 附件1's items: a second enclosure of the same notice, not a new notice
        ((), "一、各乡镇要明确一名分管负责同志和一名联络员。"),
        ((), "二、联络员名单于4月15日前报县安委办。"),
    ]),
    "g3_minutes_lines.txt": ("东陵区安全生产委员会2027年第一次全体会议纪要", [
        ((), "2027年2月18日，区长王某某主持召开"),
        ((), "会议指出，2026年全区安全生产形势总体平稳"),
        # 会议要求： / 会议议定： on lines of their own head what follows; 一是… on lines of their own
        # are paragraphs, each a clause
        (("会议要求",), "一是压紧压实责任。"),
        (("会议要求",), "二是深化隐患排查。"),
        (("会议要求",), "三是强化应急值守。"),
        (("会议议定",), "1.由区住建局牵头"),
        (("会议议定",), "2.由区应急局牵头"),
    ]),
    "g3_prohibition_notice_plain.txt": ("临川市人民政府关于加强汛期河道安全管理的通告", [
        ((), "为保障人民群众生命财产安全"),
        ((), "汛期内，严禁在河道、水库等水域游泳"),
        ((), "严禁在河道管理范围内倾倒垃圾"),
        ((), "各类船舶应当服从防汛指挥机构的统一调度"),
        ((), "对违反本通告的行为"),
        ((), "本通告自发布之日起施行"),
    ]),
    "g3_emergency_response_levels.txt": ("青石县危险化学品事故应急预案", [
        (("1 总则", "1.1 编制目的"), "规范全县危险化学品事故应急处置工作"),
        (("1 总则", "1.2 适用范围"), "本预案适用于"),
        (("2 应急响应", "2.1 响应分级"), "按照事故严重程度，县级应急响应由高到低分为Ⅰ级、Ⅱ级、Ⅲ级三个等级。"),
        (("2 应急响应", "2.2 响应程序", "2.2.1 Ⅰ级响应"), "发生较大及以上危险化学品事故"),
        (("2 应急响应", "2.2 响应程序", "2.2.2 Ⅱ级响应"), "发生一般危险化学品事故且有人员被困的"),
        # Ⅲ级响应： after 2.2.2 Ⅱ级响应: a sibling written without its number (tests/test_genres_g4.py)
        (("2 应急响应", "2.2 响应程序"), "Ⅲ级响应：发生险情"),
        (("3 附则",), "本预案自印发之日起施行。"),
    ]),
    "g3_roman_numbering.txt": ("临川市应急管理局关于开展2027年度安全培训机构检查的通知", [
        ((), "为规范安全培训机构办学行为"),
        (("Ⅰ.检查范围",), "全市取得安全培训资质的各类培训机构。"),
        (("Ⅱ.检查内容",), "1.培训场所、师资和设施设备是否符合要求。"),
        (("Ⅱ.检查内容",), "2.培训档案是否完整规范"),
        (("Ⅲ.工作要求",), "各县（市、区）应急管理局要于10月底前完成检查"),
    ]),
    # an organ's name on a line of its own heads its duties (not a signature: the notice's issuer is
    # the organ that signs it); 区教育局：负责… with its own lead is a sibling, not under 区公安分局
    "g3_responsibility_list.txt": ("东陵区安全生产委员会成员单位安全生产工作职责清单", [
        ((), "区应急管理局：负责全区安全生产综合监督管理"),
        ((), "区住房和城乡建设局：负责房屋建筑"),
        ((), "区交通运输局：负责道路运输"),
        (("区公安分局",), "负责道路交通安全管理"),
        ((), "区教育局：负责指导学校"),
    ]),
    "g3_duty_list_numbered.txt": ("青石县安全生产委员会成员单位安全生产工作任务分工", [
        (("县应急管理局",), "1.负责全县安全生产综合监督管理"),
        (("县应急管理局",), "2.负责组织编制县生产安全事故应急预案"),
        (("县住房和城乡建设局",), "1.负责房屋建筑和市政基础设施工程"),
        (("县住房和城乡建设局",), "2.负责城镇燃气经营、使用安全监督管理。"),
        (("县市场监督管理局",), "负责特种设备安全监督管理"),
    ]),
    # 第一篇 › 第一章 › 一. (a Chinese numeral and a dot, as web pages type it) › 1、2027年底前…
    "g3_plan_parts_web.txt": ("临川市应急体系建设“十五五”规划", [
        (("第一篇 发展基础", "第一章 建设成效"), "“十四五”期间，全市建成"),
        (("第二篇 主要任务", "第二章 提升应急救援能力", "一.加强综合性消防救援队伍建设"), "推进乡镇专职消防队建设"),
        (("第二篇 主要任务", "第二章 提升应急救援能力", "二.强化专业救援队伍建设"), "1、2027年底前完成"),
        (("第二篇 主要任务", "第二章 提升应急救援能力", "二.强化专业救援队伍建设"), "2、支持社会应急力量"),
        (("第二篇 主要任务", "第三章 提升应急保障能力", "一.完善应急物资储备"), "建立市县乡三级"),
    ]),
    # pasted from a web page: half-width ,:.() , spaces inside 一 . and ( 一 ), a tab and no-break
    # spaces opening lines, a trailing space, an indented signature
    "g3_web_paste_spacing.txt": ("临川市安全生产委员会办公室关于做好2027年国庆节期间安全防范工作的通知", [
        ((), "国庆节即将来临，为确保节日期间全市安全生产形势稳定，现就有关工作通知如下："),
        (("一.强化风险隐患排查",), "（一）人员密集场所。各地要对商场、景区等人员密集场所开展消防安全检查，确保疏散通道畅通。"),
        (("一.强化风险隐患排查",), "（二）道路交通。公安交警部门要加强重点路段巡查管控，严查超速、超员等违法行为。"),
        # the remark goes to agencies; the full stop after it is no clause of its own
        (("二.严格值班值守",), "各地各部门要严格执行24小时值班和领导带班制度，遇有重大情况及时报告"),
    ]),
    # 实施细则 whose chapters are titles without 第X章 (总则 / 举报奖励 / 附则 over 第X条)
    "g3_rules_unnumbered_chapters.txt": ("青石县安全生产举报奖励实施细则", [
        (("总则",), "第一条为鼓励举报"),
        (("总则",), "第二条本细则适用于"),
        (("举报奖励",), "第三条举报人举报的事项"),
        (("举报奖励",), "第四条奖励标准如下："),
        (("举报奖励", "第四条 奖励标准如下"), "（一）举报重大事故隐患的"),
        (("举报奖励", "第四条 奖励标准如下"), "（二）举报非法生产经营建设行为的，奖励5000元至3万元。"),
        (("附则",), "第五条本细则自2027年7月1日起施行。"),
    ]),
    # item numbers on lines of their own (一、 / its title on the next line), as PDFs and tables leave them
    "g3_numbers_on_own_lines.txt": ("临川市安全生产委员会关于加强夏季安全防范工作的通知", [
        ((), "为做好夏季安全防范工作，现通知如下："),
        (("一、加强高温作业安全管理",), "各地要督促企业合理调整高温作业时间"),
        (("一、加强高温作业安全管理", "（一）严格危险化学品储存管理"), "危险化学品储存场所要落实通风降温措施"),
        (("二、强化防汛安全",), "各地要加强汛期值班值守"),
    ]),
    # a 解读 whose numbered items are questions without 问： (一、为什么要出台《判定标准》？)
    "g3_explanation_questions.txt": ("《临川市重大事故隐患判定标准》解读", [
        (("一、为什么要出台《判定标准》？",), "近年来，我市一些企业"),
        (("一、为什么要出台《判定标准》？",), "出台《判定标准》，有利于"),
        (("二、《判定标准》适用于哪些行业？",), "适用于全市工贸"),
        (("三、判定为重大事故隐患后如何处理？",), "（一）企业应当立即停止相关作业"),
        (("三、判定为重大事故隐患后如何处理？",), "（二）负有安全生产监督管理职责的部门"),
    ]),
    # a title-only item closing with its responsible-agency remark: the title without it, the
    # agencies to the clauses under it
    "g3_heading_remarks.txt": ("临川市2027年城镇燃气安全专项整治工作要点", [
        (("一、全面排查整治燃气安全隐患", "（一）加强餐饮场所燃气安全管理"), "1.6月底前完成全市餐饮场所"),
        (("一、全面排查整治燃气安全隐患", "（一）加强餐饮场所燃气安全管理"), "2.推动使用燃气的餐饮场所"),
        (("一、全面排查整治燃气安全隐患", "（二）整治老旧燃气管网"), "年底前完成城市老旧燃气管道更新改造任务。"),
        (("二、加强燃气经营企业监管",), "对燃气经营企业开展“双随机”抽查"),
    ]),
    # a plan's 前言 / 结束语 (sections outside the numbering) and items whose lead is set off from the
    # body by a wide gap (（一）压实属地责任　各乡镇要…) instead of 。
    "g3_plan_preface_gaps.txt": ("青石县“十五五”应急管理体系规划", [
        (("前言",), "应急管理是国家治理体系"),
        (("第一章 发展形势",), "“十四五”以来"),
        (("第二章 主要任务", "一、健全应急指挥体系"), "建立县乡两级应急指挥平台"),
        (("第二章 主要任务", "二、加强应急队伍建设"), "（一）压实属地责任。各乡镇要组建"),
        (("第二章 主要任务", "二、加强应急队伍建设"), "（二）强化培训演练。县应急管理局每年"),
        (("结束语",), "全县上下要凝心聚力"),
    ]),
    "g3_plan_chapters_sections.txt": ("临川市“十五五”安全生产规划", [
        (("第一章 规划背景", "第一节 “十四五”时期取得的成效"), "“十四五”时期，全市生产安全事故"),
        (("第一章 规划背景", "第二节 面临的形势"), "一是部分行业领域风险交织叠加；二是"),
        (("第二章 总体要求", "第一节 指导思想"), "坚持人民至上"),
        (("第二章 总体要求", "第二节 规划目标"), "到2030年"),
        ((CH3, "第一节 健全安全生产责任体系", "一、完善党政领导责任制"), "建立党政领导干部"),
        ((CH3, "第一节 健全安全生产责任体系", "二、强化部门监管责任"), "（一）厘清监管职责。"),
        ((CH3, "第一节 健全安全生产责任体系", "二、强化部门监管责任"), "（二）加强执法能力。"),
        ((CH3, "第二节 强化重大风险防控", "一、危险化学品"), "推进化工园区安全整治提升"),
        (("第四章 保障措施",), "各级政府要将本规划纳入"),
    ]),
}


def test_every_g3_notice_is_listed():
    assert sorted(p.name for p in DATA.glob("g3_*.txt")) == sorted(G3)


@pytest.mark.parametrize("name", sorted(G3))
def test_title_clauses_and_heading_paths(name):
    doc, clauses = one(name)
    title, expected = G3[name]
    assert doc.title == title
    assert reading(clauses, expected) == expected
    assert len({c.clause_id for c in clauses}) == len(clauses)
    for c in clauses:
        assert doc.text[c.span[0]:c.span[1]] == c.text


# The known limit of reading wrapped text (docs/segmentation.md): where no line of a body is cut at the full margin
# (every paragraph one or two lines long), the margin is read from the paragraphs' first lines, which a PDF
# indents (corpus/clean.py _indented_margin). The three misses genre3 found here are read right since
# genre4; the sweep over every notice and width is tests/test_genres_g4.py.
KNOWN_WRAP_MISS: set[tuple[str, int]] = set()


@pytest.mark.parametrize("name, width", [
    pytest.param(name, width, marks=pytest.mark.xfail(strict=True, reason="short-line body: margin unknown"))
    if (name, width) in KNOWN_WRAP_MISS else (name, width)
    for name in sorted(G3) for width in (70, 90)])
def test_same_reading_when_wrapped_like_a_pdf(name, width):
    text = (DATA / name).read_text(encoding="utf-8")

    def read(t):
        return [(d.title, [(c.heading_path, c.text) for c in cs]) for d, cs in segment_text(t, name)]

    assert read(wrap(text, width)) == read(text)


def test_no_header_or_closing_line_is_a_clause():
    not_clauses = ["全市广大企业和企业职工", "〔2027〕第2期", "青石县安全生产委员会办公室", "特此通告", "出席", "列席",
                   "第二节", "问：", "临川市“十五五”安全生产规划", "关于全面加强企业安全生产的倡议书",
                   "《临川市安全生产举报奖励办法》政策解读"]
    texts = [c.text for name in G3 for c in one(name)[1]]
    for line in not_clauses:
        assert not any(t.startswith(line) for t in texts), line


@pytest.mark.parametrize("name, issuer", [("g3_responsibility_list.txt", "东陵区安全生产委员会办公室"),
                                          ("g3_duty_list_numbered.txt", "青石县安全生产委员会办公室")])
def test_a_duty_list_is_issued_by_its_signature_not_its_first_organ(name, issuer):
    assert one(name)[0].issuer == issuer


def test_an_organ_under_a_title_alone_is_a_byline_not_a_heading():
    lines = classify_lines("临川市安全生产委员会工作规则\n临川市安全生产委员会\n一、总则\n为规范工作，制定本规则。")
    assert [l.kind for l in lines if l.kind != "blank"][1] == "issuer"


def test_a_remark_closing_a_sentence_leaves_no_full_stop_clause():
    _, clauses = one("g3_web_paste_spacing.txt")
    assert clauses[-1].agencies == ("市应急管理局", "市公安局")
    pairs = segment_text("关于做好2027年安全生产工作的通知\n一、加强值守\n各地要及时报告（市应急管理局负责）。\n", "x.txt")
    assert [(c.text, c.agencies) for c in pairs[0][1]] == [("各地要及时报告", ("市应急管理局",))]


def test_a_heading_remark_names_the_agencies_of_the_clauses_under_it():
    _, clauses = one("g3_heading_remarks.txt")
    assert [c.agencies for c in clauses] == [("市住建局", "市市场监管局", "市消防救援支队")] * 2 + [
        ("市住建局", "市发展改革委"), ("市住建局",)]


def test_a_keyed_remark_followed_by_the_sentence_ends_at_its_bracket():
    """（牵头单位：…；配合单位：…）年底前完成…: the ；inside the bracket started an unbracketed trailing
    remark that ran on over the sentence after it (its text lost, an agency named …）年底前完成…任务)."""
    from policytag.text import remark_spans

    text = "（二）整治老旧燃气管网（牵头单位：市住建局；配合单位：市发展改革委）年底前完成城市老旧燃气管道更新改造任务。"
    assert [text[a:b] for a, b in remark_spans(text)] == ["（牵头单位：市住建局；配合单位：市发展改革委）"]
    pairs = segment_text(f"关于做好2027年安全生产工作的通知\n一、全面排查\n{text}\n二、加强监管\n对企业开展抽查。", "x.txt")
    assert [(c.text, c.agencies) for c in pairs[0][1]][:2] == [
        ("（二）整治老旧燃气管网", ("市住建局", "市发展改革委")), ("年底前完成城市老旧燃气管道更新改造任务。", ())]


@pytest.mark.parametrize("line, normal", [
    ("（一）压实属地责任　各乡镇要组建队伍。", "（一）压实属地责任。各乡镇要组建队伍。"),
    ("1.强化培训演练  县应急管理局每年组织演练。", "1.强化培训演练。县应急管理局每年组织演练。"),
    ("一、加强领导\t各地要成立专班。", "一、加强领导。各地要成立专班。"),
    ("1.1　编制目的", "1.1编制目的"), ("第一条　为了加强安全生产工作", "第一条为了加强安全生产工作"),
    ("（一）强化责任　（2027年）", "（一）强化责任（2027年）"), ("各地要加强领导　确保安全。", "各地要加强领导确保安全。"),
    ("（一）压实属地责任 各乡镇要组建队伍。", "（一）压实属地责任。各乡镇要组建队伍。"), ("（一）压实 属地责任要落实。", "（一）压实属地责任要落实。"),
])
def test_a_wide_gap_after_an_items_lead_is_its_full_stop(line, normal):
    assert normalize_punct(line) == normal


def test_minutes_take_date_and_organ_from_their_header():
    doc, _ = one("g3_minutes_header.txt")
    assert (doc.date, doc.issuer) == ("2027-04-10", "青石县安全生产委员会办公室")


def test_a_plan_numbering_items_afresh_in_each_section_is_one_document():
    """一、 after 一、二、 is a new notice whose header was lost, unless a 第X章 / 第X节 / 第X部分 stood
    between them: a plan numbers its items afresh in each section."""
    result = segment_paths([DATA / "g3_plan_chapters_sections.txt"])
    assert len(result.documents) == 1
    text = "\n".join(["临川市2027年安全生产工作要点", "第一部分 重点任务", "一、压实责任", "各地要压实责任。", "二、强化执法",
                      "各地要强化执法。", "第二部分 保障措施", "一、加强领导", "各地要加强领导。", "二、强化督导", "各地要强化督导。"])
    pairs = segment_text(text, "parts.txt")
    assert len(pairs) == 1
    assert [c.heading_path for c in pairs[0][1]][-1] == ("第二部分 保障措施", "二、强化督导")


@pytest.mark.parametrize("line, kind", [
    ("〔2027〕第2期", "docnum"), ("第12期", "docnum"), ("2027年第3期", "docnum"), ("（第二期）", "text"),
    ("青石县安全生产委员会办公室　　2027年4月10日", "date"), ("第2期培训班要在6月底前举办。", "text"),
])
def test_header_lines_of_minutes(line, kind):
    assert [l.kind for l in classify_lines(line) if l.kind != "blank"] == [kind]


def test_the_organ_and_date_line_gives_the_date():
    assert parse_date("青石县安全生产委员会办公室　　2027年4月10日") == "2027-04-10"
    assert parse_date("青石县安全生产委员会办公室2027年4月10日") is None  # run together: no line of an organ and a date


@pytest.mark.parametrize("title", ["关于全面加强企业安全生产的倡议书", "临川市“十五五”安全生产规划",
                                   "《临川市安全生产举报奖励办法》政策解读", "关于《青石县烟花爆竹燃放管理规定》的解读",
                                   "临川市2027年安全生产工作安排", "青石县安全生产约谈制度", "临川市企业安全生产标准化建设指南",
                                   "青石县2027年度安全生产目标责任书", "青石县人民政府关于2027年安全生产工作情况的报告",
                                   "临川市人民政府关于同意设立化工园区的批复", "临川市有限空间作业安全指引",
                                   "临川市安全生产工作情况简报", "临川市危险化学品企业安全生产工作导则",
                                   "《临川市重大事故隐患判定标准》解读"])
def test_titles_of_appeals_plans_and_explanations(title):
    lines = classify_lines(f"{title}\n\n一、总体要求\n各地要加强领导。")
    assert [l.kind for l in lines if l.kind != "blank"][0] == "title"


def test_a_body_line_ending_in_a_genre_word_stays_text():
    lines = classify_lines("临川市2027年安全生产工作安排\n一、总体要求\n各地要加强领导，发现问题\n及时向市安委办报告\n二、工作要求\n"
                           "各地要严格执行值班制度。")
    assert [l.kind for l in lines if l.kind != "blank"] == ["title"] + ["text"] * 5


@pytest.mark.parametrize("addressee, kind", [
    ("全市广大企业和企业职工：", "addressee"), ("广大市民朋友们：", "addressee"), ("现将有关事项通知如下：", "text"),
    ("主要任务是：", "text"),
])
def test_an_appeal_addresses_people_under_its_title(addressee, kind):
    lines = classify_lines(f"关于全面加强企业安全生产的倡议书\n{addressee}\n一、做安全责任的践行者。企业要履职。")
    assert [l.kind for l in lines if l.kind != "blank"][1] == kind


@pytest.mark.parametrize("line, level", [
    ("( 一 )在文物保护单位燃放烟花爆竹;", 2), ("（ 二 ） 向人群抛掷", 2), ("一 、自2028年1月1日起", 1), ("1、开展宣传", 3),
    ("1)各乡镇组织排查;", 4.25), ("１．加强组织领导。", 3), ("一.加强组织领导", 1), ("一．加强组织领导", 1), ("十二.强化", 1),
    ("一.5亿元", None), ("1、2027年底前完成", 3), ("1、2号机组", None), ("第一篇 发展基础", 0.4), ("第二篇主要任务", 0.4),
])
def test_numbering_typed_with_spaces_and_half_width_marks(line, level):
    assert heading_level(normalize_punct(line)) == level


@pytest.mark.parametrize("line, level", [
    ("Ⅰ．检查范围", 0.9), ("Ⅱ、检查内容", 0.9), ("Ⅻ.其他", 0.9), ("Ⅰ级响应：发生险情", None), ("Ⅱ级", None),
    ("2.2.1　Ⅰ级响应", 3.5), ("4.1 Ⅱ级应急响应", 3.25),
])
def test_roman_item_numbers_and_response_levels(line, level):
    assert heading_level(normalize_punct(line)) == level


def test_a_paragraph_ending_the_lead_in_closes_the_preamble():
    """A 通告 numbered nowhere: the paragraph saying …通告如下： is the preamble, the provisions after it
    are clauses (kind), as the items after it would be."""
    _, clauses = one("g3_prohibition_notice_plain.txt")
    assert [c.kind for c in clauses] == ["preamble"] + ["clause"] * 5


def test_an_organ_over_a_title_of_its_own_place_after_an_unsigned_notice_heads_the_next_one():
    """A plan with no signature, then ``东陵区安全生产委员会`` / ``东陵区2027年安全生产工作要点``: the organ's
    line is the next notice's header (as a notice's first lines read it), not the plan's signature."""
    plan = (DATA / "g3_three_year_plan.txt").read_text(encoding="utf-8")
    points = (DATA / "g3_work_points_parts.txt").read_text(encoding="utf-8")
    docs = [d for d, _ in segment_text(plan + "\n\n" + points, "two.txt")]
    assert [d.title for d in docs] == [G3["g3_three_year_plan.txt"][0], G3["g3_work_points_parts.txt"][0]]
    assert docs[0].issuer != "东陵区安全生产委员会" and docs[0].region == "临川市"
    assert docs[1].issuer == "东陵区安全生产委员会"


# (the PDF is wrapped at 80 cells and the answer line `答：…为准。` stops 2 cells short of the margin, the next
# line a short closed one: read as one paragraph until genres12, now two, that line keeping its first-line
# indent in the PDF's text; widths alone cannot tell, the Shanxi corpus' cut lines range 88-96 of ~96 cells)
KNOWN_PDF_MISS: set[str] = set()


@pytest.mark.parametrize("name, fmt", [
    pytest.param(name, fmt, marks=pytest.mark.xfail(strict=True, reason="short-line body: margin unknown"))
    if fmt == "pdf" and name in KNOWN_PDF_MISS else (name, fmt)
    for name in sorted(G3) for fmt in ("docx", "html", "pdf")])
def test_every_reader_gives_the_same_reading(tmp_path, name, fmt):
    from test_genres import _as_docx, _as_html, _as_pdf

    lines = [line for line in (DATA / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    path = tmp_path / f"{name[:-4]}.{fmt}"
    {"docx": _as_docx, "html": _as_html, "pdf": _as_pdf}[fmt](lines, path)
    doc, clauses = one(name)
    result = segment_paths([path])
    assert not result.errors and [d.title for d in result.documents] == [doc.title]
    assert [(c.heading_path, c.text) for c in result.clauses] == [(c.heading_path, c.text) for c in clauses]
