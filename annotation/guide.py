"""The codebook inside Label Studio: Chinese hints per choice, the rule next to each control, the
project instructions shown before labelling, and the keyboard shortcuts.

Everything label-specific comes from the taxonomy (names, ``description_zh``, cue words, groups,
hotkeys, the ``rules`` block that says which codebook rule adds or excludes which label); the rule
sentences are the Chinese rendering of ``docs/ANNOTATION_CODEBOOK.md`` §4, numbered as there, and
the instructions also carry the codebook's own §4 text, read from the file at push time.
"""

from __future__ import annotations

import html
import re
from policytag import PolicytagError
from policytag.paths import codebook_path  # the shipped codebook (docs/ANNOTATION_CODEBOOK.md links to it)
from policytag.taxonomy import Dimension, Label, Taxonomy

#: codebook §4, rule by rule, as the annotators read it (keep in step with ANNOTATION_CODEBOOK.md)
RULES_ZH: dict[int, str] = {
    1: "结合标题路径阅读条款；标注条款实际规定的内容，顺带提到的词不算（目标类条款举例列出的行业仍标这些行业，措施为思想认识与目标要求）。",
    2: "负责部门备注是元数据，不是措施：括号里的“省应急厅等部门负责”“市交通运输局牵头，市公安局配合”，“（牵头单位：……；责任单位：……）”及条末的“牵头单位：……；配合单位：……”；其中的部门名称（交通运输局、应急管理局等）不据以选行业或措施。",
    3: "开头的导语段（“为了认真贯彻……现就……提出如下意见”）也是条款：综合(不分行业) + 思想认识与目标要求。",
    4: "两个措施类型拿不准时两个都选（合计最多三个）。",
    5: "有疑问写进备注，不要默默猜。",
    6: "“矿山”未区分煤与非煤时，同时选 煤矿 和 非煤矿山。",
    7: "“高危行业”“重点行业领域”未列举具体行业时选 综合(不分行业)；有列举时只选所列行业。一般性措施加上点名的行业，选点名的行业。",
    8: "一般性的防灾减灾（“防灾减灾救灾”“自然灾害防治”）未点名灾种时选 综合(不分行业)；点名灾种则选该灾种。",
    9: "“消防”出现在名称里（消防救援队伍、森林消防、消地协作）不算 消防·人员密集场所；条款须针对火灾防控本身。",
    10: "电动自行车：充电、停放、火灾风险 → 消防·人员密集场所；骑行和交通违法 → 道路交通运输。城市生命线、地铁、城市桥梁等城市基础设施 → 其他行业领域。",
    11: "安全生产标准化 → 基层基础与保障能力。隐患挂牌督办 → 风险管控与隐患治理；事故挂牌督办 → 考核督查与追责问责。专项检查、大检查 → 监管执法与打非治违 + 风险管控与隐患治理。",
    12: "措施里的数字（“年底前建成60座”）不构成 思想认识与目标要求；该类只用于以理念、目标、总体要求为主的条款。",
    13: "标题路径包含所有上级标题，包括行业小段所属编号条目的标题。",
    # codebook v2 (rules 14-24): genres of other governments
    14: "目的和依据条款（“第一条 为了……制定本办法”“1.1 编制目的”“编制依据”）：思想认识与目标要求；所引法规是依据，不算 法规制度与标准规划。行业：条款点名的行业，否则 综合(不分行业)；应急预案的编制目的另加 应急准备与救援处置。",
    15: "工作原则、基本原则：思想认识与目标要求；原则本身明确组织某种措施时加选（分级负责、属地管理、行政首长负责制 → 责任体系与落实）。",
    16: "适用范围和定义（“本办法适用于……”“本规定所称……是指”）：法规制度与标准规划，再加被定义对象所属的措施（专项资金 → 基层基础与保障能力）。适用于全部单位 → 综合(不分行业)。",
    17: "面向公众或所有单位的禁止性规定（“任何单位和个人不得……”、通告的禁放区域）：法规制度与标准规划；同条写明罚款、拘留等处罚时加 监管执法与打非治违。对部门、企业提出的“严禁……”仍按其所属措施标注。法规条文规定义务（“……应当……”）：所规定的措施 + 法规制度与标准规划。",
    18: "协调机制（联席会议、安委会及专业委员会成员单位、议事规则）：分工和职责（包括逐个写明“××局负责……”“乡镇人民政府负责……”的分工条款） → 责任体系与落实；为开展其他措施召开的联席会议（如联合执法）按该措施标注；设立机构、下设办公室 → 加 基层基础与保障能力；括号里的牵头单位仍是元数据（规则2）。",
    19: "列举灾害的预警和安全提示：行业为所列每个灾种及被要求行动的行业；停工停课、转移避险、启动预警响应 → 应急准备与救援处置；排查整改 → 风险管控与隐患治理；对公众的安全提示、温馨提示 → 宣传教育培训与社会监督。",
    20: "台风、冰雹、寒潮、强对流、大雾、沙尘暴、霜冻、道路结冰、雷暴、高温天气 → 气象灾害；洪水、干旱、汛情、堰塞湖 → 水旱灾害；“防汛防台”两者都选。措施所防范的灾害与行动行业同选（台风前工地停工 → 建筑施工 + 气象灾害）。灾害只作为时间出现（“汛前完成……”）时不选。",
    21: "单一行业的文件（标题点名一个行业或灾种的方案、通知、通告、预案）：正文未点名行业的条款选标题的行业；文件内部的各级标题仍按规则13。",
    22: "长输管道/管线、石油天然气管道、管道保护、管道占压、管道两侧和中心线 → 油气长输管道；城镇燃气、庭院和户内天然气管道 → 城镇燃气；供水、排水、热力管网 → 其他行业领域。",
    23: "其他文体的条款单位：法规规章每一条（第X条）及其带句子的（一）项，应急预案每个带正文的编号项（1.1 编制目的……），通告每个编号项；章节标题（第一章 总则、1 总则）只是上下文。",
    24: "作为独立措施制定、修订、出台法规办法标准规程（“制定……管理办法”“修订……操作规程”）→ 法规制度与标准规划；作为另一措施手段的“制度”按该措施标注（“建立健全事故隐患排查治理制度”→ 风险管控与隐患治理）；落实、执行已有制度不算。",
}

#: the dominant/other measure-type controls share the taxonomy's digit hotkeys: plain for the
#: dominant one, shift+digit for the others
OTHER_MODIFIER = "shift"

#: at most this many cue words in one hint (the full list is in the instructions' codebook)
HINT_CUES = 8


def label_rules(taxonomy: Taxonomy) -> dict[str, list[int]]:
    """label id -> codebook rule numbers that add or exclude it, from the compiled knowledge
    (``policytag.knowledge``; the taxonomy's raw ``rules`` when that module is unavailable)."""
    try:
        from policytag.knowledge import load_knowledge

        rules = [(r.codebook_rule, r.add + r.exclude) for r in load_knowledge(taxonomy).rules]
    except (ImportError, PolicytagError):
        # no knowledge module, or rules that name labels this taxonomy lacks (an older taxonomy
        # being compared): the hints then just leave such labels out
        rules = [(r.get("codebook_rule"), tuple(r.get("add") or ()) + tuple(r.get("exclude") or ()))
                 for r in getattr(taxonomy, "rules", ()) or ()]
    out: dict[str, list[int]] = {}
    for number, labels in rules:
        if not isinstance(number, int) or number not in RULES_ZH:
            continue
        for lab in labels:
            nums = out.setdefault(str(lab), [])
            if number not in nums:
                nums.append(number)
    return {lab: sorted(nums) for lab, nums in out.items()}


def choice_hint(label: Label, rules: list[int] | None = None) -> str:
    """Hover hint of one choice: Chinese description, cue words, the codebook rules about it."""
    parts = [f"{label.name}：{label.description_zh or label.description}"]
    if label.cues:
        parts.append("线索词：" + "、".join(label.cues[:HINT_CUES]))
    if getattr(label, "exclude_contexts", ()):
        parts.append("出现在" + "".join(f"“{c}”" for c in label.exclude_contexts) + "里的不算")
    for number in rules or []:
        parts.append(f"规则{number}：{RULES_ZH[number]}")
    return "。".join(p.rstrip("。") for p in parts) + "。"


def control_rule(taxonomy: Taxonomy, control: str) -> str:
    """The rule line shown under a control's header (visible without hovering)."""
    sector, measure = taxonomy.sector, taxonomy.measure_type
    if control == "sector":
        exclusive = "、".join(sector.name_of(x) for x in sector.exclusive)
        return (f"规则：选条款点名或措施明确针对的每个行业（列举也算）；{exclusive} 只在不针对任何具体行业时选，"
                f"且不与其他行业同选。" + RULES_ZH[6] + "“消防”在名称里不算消防（规则9）。")
    if control == "dominant":
        return ("规则：条款最主要的一种措施，单选、必选。标题点明措施（如“深化专项整治”“严格责任追究”）"
                "且正文相符时，该措施必须在所选之中。")
    if control == "other":
        limit = f"与主要措施合计最多 {measure.max_labels} 个" if measure.max_labels else "可多选"
        return f"规则：条款还规定的其他措施，可不选，{limit}；" + RULES_ZH[4]
    raise ValueError(f"unknown control {control!r}")


def grouped(dim: Dimension) -> list[tuple[str, list[Label]]]:
    """Labels by ``group`` in order of first appearance (labels without a group: one unnamed group)."""
    groups: dict[str, list[Label]] = {}
    for label in dim.labels:
        groups.setdefault(label.group, []).append(label)
    return list(groups.items())


def display_ids(dim: Dimension) -> list[str]:
    """Label ids in the order the labeling config shows them (grouped, taxonomy order inside a group)."""
    return [label.id for _, labels in grouped(dim) for label in labels]


def hotkey(label: Label, control: str) -> str | None:
    """Label Studio hotkey of a label in a control (``sector``, ``dominant`` or ``other``)."""
    if not label.hotkey:
        return None
    return f"{OTHER_MODIFIER}+{label.hotkey}" if control == "other" else label.hotkey


def shortcuts(taxonomy: Taxonomy) -> list[tuple[str, str, str]]:
    """(control, key, label name) for every label: the documented keyboard map."""
    out = []
    for label in taxonomy.sector.labels:
        if label.hotkey:
            out.append(("行业领域", label.hotkey, label.name))
    for label in taxonomy.measure_type.labels:
        if label.hotkey:
            out.append(("主要措施类型", label.hotkey, label.name))
            out.append(("其他措施类型", f"{OTHER_MODIFIER}+{label.hotkey}", label.name))
    return out


# --- project instructions ------------------------------------------------------------------------
def _codebook_section(text: str, number: int) -> str:
    """The Markdown body of ``## <number>. …`` (without its heading)."""
    m = re.search(rf"^## {number}\..*?$(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    return m.group(1).strip() if m else ""


def instructions_html(taxonomy: Taxonomy, codebook: str | None = None) -> str:
    """The project's instructions (Label Studio shows them before labelling): how to label, the
    decision rules in Chinese, the shortcut keys, and the codebook's own rules (§4)."""
    from markdown_it import MarkdownIt

    if codebook is None:
        try:
            codebook = codebook_path().read_text(encoding="utf-8")
        except OSError:
            codebook = ""
    esc = html.escape
    sector, measure = taxonomy.sector, taxonomy.measure_type
    parts = [
        f"<h2>标注说明 · codebook (taxonomy {esc(taxonomy.version)})</h2>",
        "<p>每个条款：勾选<b>行业领域</b>（至少一个）；选一个<b>主要措施类型</b>（必选）；需要时再勾<b>其他措施类型</b>"
        f"（合计最多 {measure.max_labels or '多'} 个）。拿不准写备注，无法判断点 <b>Skip</b>。"
        "<b>模型建议</b>一行是模型的判断和概率，仅供参考：预先勾上的选项来自模型，请逐一核对。"
        "提交后若条款违反规则（如综合与其他行业同选），任务顶部会显示红色的“需复核”提示。</p>",
        "<h3>判定规则</h3><ol>" + "".join(f"<li>{esc(RULES_ZH[n])}</li>" for n in sorted(RULES_ZH)) + "</ol>",
        "<h3>快捷键</h3><table><tr><th>控件</th><th>键</th><th>标签</th></tr>"
        + "".join(f"<tr><td>{esc(c)}</td><td><kbd>{esc(k)}</kbd></td><td>{esc(n)}</td></tr>"
                  for c, k, n in shortcuts(taxonomy))
        + "</table><p><kbd>ctrl+enter</kbd> 提交，<kbd>ctrl+space</kbd> 跳过。</p>",
        "<h3>行业领域分组</h3><ul>"
        + "".join(f"<li><b>{esc(g or sector.name)}</b>：{esc('、'.join(lab.name for lab in labels))}</li>"
                  for g, labels in grouped(sector)) + "</ul>",
    ]
    rules_md = _codebook_section(codebook, 4)
    if rules_md:
        parts.append("<h3>Codebook §4 Decision rules (ANNOTATION_CODEBOOK.md)</h3>"
                     + MarkdownIt("commonmark", {"html": False}).render(rules_md))
    return "\n".join(parts)
