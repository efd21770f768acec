"""Write a folder of 30 invented notices for probing the report on a mixed folder (several governments, levels,
years and genres): ``make_notices.py OUT_DIR``. Every sentence is recombined from phrases written for this probe
(an invented 岚川省, three of its cities and four counties); no sentence of a real document.

Governments and documents (30): 岚川省人民政府 annual notices 2026, 2027 (20 items each: long); cities 青崖市,
柘浦市, 澧阳市 annual notices 2026, 2027 (10 items) and 工作要点 2026, 2027 of 青崖市安全生产委员会; counties 石渠县,
苇塘县, 梓溪县, 兰陂县, 柏岭县, 漳湾县 annual notices 2026, 2027 (5 items: short); 城镇燃气 专项整治方案 2026 of
柘浦市 and 2027 of 柘浦市, 澧阳市, 石渠县, 苇塘县, 梓溪县; a 汛期 notice 2027 of 兰陂县 and of 青崖市. Deterministic (item i of a document draws
subject i + k of the list, k the document's number), so the same folder is written every time."""

from __future__ import annotations

import sys
from pathlib import Path

NUMS = "一二三四五六七八九十"


def num(i: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十."""
    if i <= 10:
        return NUMS[i - 1]
    tens, ones = divmod(i, 10)
    return (NUMS[tens - 1] if tens > 1 else "") + "十" + (NUMS[ones - 1] if ones else "")


#: (heading, sentence) items: {w} is the place's word for itself (全省/全市/全县)
ITEMS = (
    ("压紧压实安全生产责任", "{w}各级各部门主要负责人要履行第一责任人职责，年内逐级签订安全生产目标责任书。"),
    ("深化非煤矿山安全整治", "对{w}非煤矿山和尾矿库开展一次全覆盖执法检查，关闭不具备安全生产条件的小型采石场。"),
    ("加强危险化学品安全监管", "{w}重大危险源企业全部接入在线监测预警系统，对化工园区开展专家指导服务。"),
    ("强化道路运输安全", "严查“两客一危”车辆超速、超员和疲劳驾驶，年内完成临水临崖路段护栏安装。"),
    ("加强城镇燃气安全管理", "对{w}餐饮场所燃气管道和报警装置开展全覆盖排查，年底前完成老旧燃气管网改造。"),
    ("抓好建筑施工安全", "严厉打击违法分包、转包行为，{w}在建工地深基坑和起重机械每月至少检查一次。"),
    ("加强消防安全治理", "对商场、宾馆等人员密集场所开展消防安全检查，打通消防车通道和疏散通道。"),
    ("做好森林草原防灭火", "落实护林员巡护制度，春季防火期严控野外用火，重点林区实行封山管控。"),
    ("强化防汛抗旱准备", "汛前完成{w}水库、河道和山洪灾害危险区隐患排查，落实转移避险责任人。"),
    ("提升应急救援能力", "修订{w}生产安全事故应急预案，每年至少组织一次综合应急演练。"),
    ("加强烟花爆竹安全管理", "春节前对烟花爆竹批发仓库和零售网点开展全覆盖检查，严厉打击非法储存和运输。"),
    ("严格考核问责", "对发生较大及以上生产安全事故的地方和单位实行“一票否决”，严肃追究相关人员责任。"),
    ("强化安全宣传培训", "深入开展“安全生产月”活动，组织重点行业企业从业人员全员安全培训。"),
    ("推进安全生产信息化", "建设{w}安全生产风险监测预警平台，推动重点企业视频监控联网。"),
    ("加强特种设备安全", "对电梯、锅炉和压力容器开展定期检验，超期未检的一律停止使用。"),
    ("抓好工贸企业安全", "对粉尘涉爆和有限空间作业企业开展专项检查，督促企业完善安全操作规程。"),
    ("强化水上交通安全", "加强渡口渡船和水上旅游船舶安全检查，汛期恶劣天气一律停航。"),
    ("加强职业健康监管", "督促存在粉尘、噪声危害的企业开展职业病危害因素检测，建立劳动者健康档案。"),
    ("夯实基层安全基础", "{w}乡镇（街道）应急管理机构配齐专职人员，村（社区）明确安全生产网格员。"),
    ("健全隐患排查治理机制", "推行企业安全风险分级管控和隐患排查治理双重预防机制，重大隐患实行挂牌督办。"),
)
GAS = (
    ("开展燃气用户安全排查", "对{w}餐饮企业和居民用户燃气设施开展逐户排查，建立问题隐患清单。"),
    ("整治燃气管网隐患", "年底前完成老旧燃气管网更新改造，占压燃气管道的建筑物一律限期拆除。"),
    ("规范瓶装液化气经营", "严厉打击非法充装、违规倒灌液化气行为，瓶装液化气实行全程追溯。"),
    ("推广安装燃气报警装置", "餐饮场所全部安装可燃气体报警装置和自动切断阀，年内安装率达到100%。"),
)
FLOOD = (
    ("落实防汛责任", "汛期{w}防汛责任人一律到岗到位，严格执行24小时值班和领导带班制度。"),
    ("排查山洪地质灾害隐患", "对山洪灾害危险区和地质灾害隐患点逐一排查，落实监测预警和转移避险措施。"),
    ("做好抢险救援准备", "预置抢险救援队伍和防汛物资，遇强降雨及时组织危险区群众转移。"),
)

PROVINCE = ("岚川省", "省", "岚政发", 20)
CITIES = (("青崖市", "市", "青政发", 10), ("柘浦市", "市", "柘政发", 10), ("澧阳市", "市", "澧政发", 10))
COUNTIES = (("石渠县", "县", "石政发", 5), ("苇塘县", "县", "苇政发", 5), ("梓溪县", "县", "梓政发", 5),
            ("兰陂县", "县", "兰政发", 5), ("柏岭县", "县", "柏政发", 5), ("漳湾县", "县", "漳政发", 5))


def notice(place: str, tier: str, prefix: str, n: int, year: int, k: int, items=ITEMS,
           kind: str = "annual", issuer: str | None = None) -> str:
    """One notice's text: title, number, addressee, ``n`` items, signature and date."""
    issuer = issuer or f"{place}人民政府"
    word = "全" + tier
    title = {"annual": f"{issuer}关于做好{year}年{word}安全生产工作的通知",
             "points": f"{issuer}关于印发{year}年{word}安全生产工作要点的通知",
             "gas": f"{issuer}办公室关于印发{place}城镇燃气安全专项整治实施方案的通知",
             "flood": f"{issuer}关于切实做好{year}年汛期安全防范工作的通知"}[kind]
    lower = {"省": "各市人民政府，省政府各部门：", "市": "各县（区）人民政府，市政府各部门：",
             "县": "各乡镇人民政府，县直各单位："}[tier]
    lines = [title, f"{prefix}〔{year}〕{k + 1}号", lower]
    for i in range(n):
        head, body = items[(i + k) % len(items)]
        lines.append(f"{num(i + 1)}、{head}。{body.format(w=word)}")
    signer = issuer + ("办公室" if kind == "gas" else "")
    lines += [signer, f"{year}年{2 + k % 3}月{10 + k % 15}日"]
    return "\n".join(lines) + "\n"


def documents() -> list[tuple[str, str]]:
    """(file name, text) of the 30 notices."""
    out: list[tuple[str, str]] = []
    k = 0
    for place, tier, prefix, n in (PROVINCE, *CITIES, *COUNTIES):
        for year in (2026, 2027):
            out.append((f"{year}_{prefix[:1]}_{place}_annual.txt", notice(place, tier, prefix, n, year, k)))
            k += 1
    for year in (2026, 2027):
        out.append((f"{year}_青_青崖市安委会_points.txt",
                    notice("青崖市", "市", "青安委", 8, year, k, kind="points", issuer="青崖市安全生产委员会")))
        k += 1
    out.append(("2026_柘_柘浦市_gas_plan.txt", notice("柘浦市", "市", "柘政办发", 4, 2026, k, GAS, "gas")))
    k += 1
    for place, tier, prefix, _ in (CITIES[1], CITIES[2], COUNTIES[0], COUNTIES[1], COUNTIES[2]):
        out.append((f"2027_{prefix[:1]}_{place}_gas_plan.txt", notice(place, tier, prefix, 4, 2027, k, GAS, "gas")))
        k += 1
    for place, tier, prefix, _ in (COUNTIES[3], CITIES[0]):
        out.append((f"2027_{prefix[:1]}_{place}_flood.txt", notice(place, tier, prefix, 3, 2027, k, FLOOD, "flood")))
        k += 1
    return out


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    docs = documents()
    for name, text in docs:
        (folder / name).write_text(text, encoding="utf-8")
    print(f"{len(docs)} notices in {folder}")
