"""Notices of other genres and odd clauses, written for the annotation-loop tests (invented places):
a county's emergency plan (``1 总则`` / ``1.1``), a city's regulation (``第一章`` / ``第X条`` with
``（一）`` items) and a district's 工作要点 whose items end in ``（牵头单位：…；完成时限：…）``.
Used by tests/test_annotation_genres.py and tests/test_active_strategies.py."""

PLAN_NOTICE = """青石县人民政府办公室
关于印发青石县森林火灾应急预案的通知
青政办发〔2027〕12号

各乡镇人民政府，县直各有关单位：
《青石县森林火灾应急预案》已经县人民政府同意，现印发给你们，请认真组织实施。

青石县森林火灾应急预案

1 总则
1.1 编制目的
为有效预防和科学处置森林火灾，最大程度减少人员伤亡和财产损失，保护森林资源和生态安全，制定本预案。
1.2 适用范围
本预案适用于本县行政区域内发生的森林火灾应对工作。
2 预警
2.1 预警发布
县气象局会同县林业局根据森林火险气象等级，及时发布森林火险预警信息，提醒群众严禁野外用火🔥。
3 保障措施
3.1 队伍保障
各乡镇组建半专业扑火队，每年开展不少于两次扑火演练，配齐风力灭火机等装备。

青石县人民政府办公室
2027年3月5日
"""

REGULATION = """临川市燃气安全管理办法

（2027年4月1日临川市人民政府第18次常务会议通过）

第一章 总则
第一条 为了加强城镇燃气安全管理，预防和减少燃气事故，根据有关法律法规，结合本市实际，制定本办法。
第二条 市城市管理局负责全市燃气安全监督管理工作；应急管理、市场监管等部门按照各自职责做好相关工作。
第二章 经营安全
第三条 任何单位和个人不得有下列行为：
（一）擅自改装、拆除户内燃气设施；
（二）在燃气管道上堆放物品或者搭建建筑物。
第四条 本办法自2027年6月1日起施行。
"""

WORK_POINTS = """东陵区安全生产委员会
东陵区2028年安全生产工作要点

2028年，全区安全生产工作以防范化解重大安全风险为主线，坚决遏制较大以上生产安全事故。

一、压实安全生产责任
（一）落实党政领导责任。严格执行党政领导干部安全生产责任制，区委常委会每半年至少听取一次安全生产工作汇报。（牵头单位：区应急管理局；完成时限：2028年6月底前）
二、深化重点行业领域专项整治
（一）城镇燃气。全面排查餐饮场所燃气使用隐患，推广安装可燃气体报警装置，年底前覆盖率达到100%。（牵头单位：区城市管理局；完成时限：2028年12月底前）
（二）电动自行车。整治电动自行车违规停放充电，新建小区同步建设集中充电设施🔌，杜绝“飞线充电”。（牵头单位：区消防救援大队；完成时限：2028年9月底前）
"""

#: clauses no segmenter makes but a clause file may hold: a line break, emoji, a CJK Extension B
#: character (outside the BMP), markup and a Label Studio variable lookalike, a very long text
ODD = [
    {"clause_id": "odd-1", "doc_id": "odd", "year": 2028, "title": "青石县关于做好汛期安全防范工作的紧急通知",
     "issuer": "青石县人民政府", "region": "青石县", "level": "county", "genre": "other",
     "heading_path": ["一、强化预警"], "kind": "clause", "agencies": ["县应急管理局"], "span": [10, 40],
     "text": "台风🌀来袭，\n各地立即转移危险区域群众，\r\n停止户外作业。"},
    {"clause_id": "odd-2", "doc_id": "odd", "year": 2028, "heading_path": ["二、𠮷祥村地质灾害隐患点"], "kind": "clause",
     "text": "𠮷祥村、䶮山乡等地质灾害隐患点落实巡查制度，群测群防员每日巡查😀。"},
    {"clause_id": "odd-3", "doc_id": "odd", "year": 2028, "heading_path": ["三、<b>加强</b> & 宣传"], "kind": "clause",
     "text": "通过<script>alert(1)</script>“安全生产月” & 宣传咨询日活动普及应急知识 $text ${x}"},
    {"clause_id": "odd-4", "doc_id": "odd", "year": 2028, "heading_path": [], "kind": "clause",
     "text": "各乡镇要全面排查辖区内燃气管道占压隐患，" * 1500},
]
