"""The Label Studio labeling config, generated from the taxonomy (never written by hand).

Annotators see the Chinese label names; Label Studio stores the stable taxonomy ids because every
``<Choice>`` carries ``alias="<id>"``. The taxonomy version is written into the config as a hidden
element, so a project can always say which taxonomy its annotations were made under, and
:func:`check_config` can tell when a project's config no longer matches the current taxonomy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from policytag import PolicytagError
from policytag.taxonomy import Taxonomy

#: names of the controls/objects in the config; pull and push rely on them
TEXT_NAME = "text"
NOTE_NAME = "note"
#: sector: one multi-choice control, grouped (生产安全行业 / 自然灾害 / 综合)
SECTOR = "sector"
#: measure type: the dominant one (single choice, required) and the others (multi-choice, optional);
#: a pull rebuilds ``measure_type`` as [dominant, *others]
DOMINANT = "measure_dominant"
OTHER = "measure_other"
#: control name -> (taxonomy dimension, guide control kind)
CONTROLS = {SECTOR: ("sector", "sector"), DOMINANT: ("measure_type", "dominant"), OTHER: ("measure_type", "other")}
#: prefix of the hidden header that records the taxonomy version
VERSION_PREFIX = "policytag-taxonomy:"

# Why CSS: Label Studio has no config switch for its side column; our config makes no regions,
# so its "Regions / Relations" panel is always empty. The rest keeps long Chinese choices readable.
def _headings(cls: str) -> str:
    """Selector of the Header elements inside ``.cls`` (Label Studio renders Header as h1-h6)."""
    return ", ".join(f".{cls} h{i}" for i in range(1, 7))


# Plain descendant selectors only: Label Studio's sanitiser escapes ">" inside <Style>.
_STYLE = "\n".join([
    ".lsf-sidepanels__wrapper_align_right, .lsf-sidepanels__wrapper_align_left, .lsf-side-column "
    "{ display: none !important; }",
    *(f"{_headings(c)} {{ margin: 0 0 4px !important; font-weight: normal !important; }}"
      for c in ("pt-review", "pt-doc", "pt-heading", "pt-agencies", "pt-suggestion", "pt-rule", "pt-group", "pt-rules")),
    f"{_headings('pt-review')} {{ color: #cf1322 !important; font-size: 15px !important; font-weight: bold !important; }}",
    f"{_headings('pt-doc')} {{ font-size: 12px !important; color: #888 !important; }}",
    f"{_headings('pt-heading')} {{ font-size: 14px !important; font-weight: bold !important; color: #555 !important; }}",
    ".pt-text { font-size: 16px; line-height: 1.7; padding: 8px 12px; margin-bottom: 8px; background: #fafafa; "
    "border-left: 3px solid #1677ff; }",
    f"{_headings('pt-suggestion')} {{ font-size: 13px !important; color: #8c5e00 !important; background: #fffbe6; "
    "border: 1px dashed #ffd666; padding: 2px 8px; margin-top: 10px !important; }",
    f"{_headings('pt-agencies')} {{ font-size: 13px !important; color: #135200 !important; }}",
    f"{_headings('pt-rule')} {{ font-size: 12px !important; color: #666 !important; }}",
    f"{_headings('pt-rules')} {{ font-size: 12px !important; color: #0b5394 !important; background: #f0f7ff; "
    "padding: 2px 8px; }",
    ".pt-group { margin: 2px 0 4px; padding-left: 6px; border-left: 2px solid #d9e8ff; }",
    f"{_headings('pt-group')} {{ font-size: 12px !important; color: #1677ff !important; margin: 4px 0 0 !important; }}",
])


def _attr(value: str) -> str:
    return quoteattr(value)


def _choices(taxonomy: Taxonomy, name: str, header: str, required_message: str | None) -> list[str]:
    from .guide import choice_hint, control_rule, grouped, hotkey, label_rules

    dim_id, kind = CONTROLS[name]
    dim = taxonomy[dim_id]
    rules = label_rules(taxonomy)
    choice = "single-radio" if kind == "dominant" else "multiple"
    required = f'required="true" requiredMessage={_attr(required_message)}' if required_message else 'required="false"'
    lines = [f"  <Header value={_attr(header)} size=\"5\"/>",
             f'  <View className="pt-rule"><Header value={_attr(control_rule(taxonomy, kind))} size="6"/></View>',
             f'  <Choices name="{name}" toName="{TEXT_NAME}" choice="{choice}" showInline="true" {required}>']
    groups = grouped(dim) if kind == "sector" else [("", list(dim.labels))]
    for group, labels in groups:
        indent = "    "
        if group:
            lines.append(f'    <View className="pt-group"><Header value={_attr(group)} size="6"/>')
            indent = "      "
        for label in labels:
            key = hotkey(label, kind)
            lines.append(f"{indent}<Choice value={_attr(label.name)} alias={_attr(label.id)}"
                         + (f" hotkey={_attr(key)}" if key else "")
                         + f" hint={_attr(choice_hint(label, rules.get(label.id)))}/>")
        if group:
            lines.append("    </View>")
    lines.append("  </Choices>")
    return lines


def build_config(taxonomy: Taxonomy) -> str:
    """Labeling config XML for ``taxonomy``.

    Top to bottom: the review flag (empty unless a rule check flagged the task), the notice in
    small print, the heading path, the clause, the agencies it charges (empty when none), the
    codebook rules that concern it (empty when
    none); the model's suggestion line for sectors, the grouped
    sector choices with their rule; the suggestion line for measure types, the dominant measure type
    (single, required) and the other measure types (multi, optional), each with its rule; a note.
    """
    sector, measure = taxonomy.sector, taxonomy.measure_type
    others_max = f"，最多 {measure.max_labels - 1} 个" if measure.max_labels else ""
    lines = [
        "<View>",
        f"  <!-- generated by policytag from taxonomy {taxonomy.version}; regenerate, do not edit -->",
        f"  <Style>\n{_STYLE}\n  </Style>",
        # empty unless the rule check (webhook or pull) flagged this task; see annotation/rules.py
        '  <View className="pt-review"><Header value="$review" size="4"/></View>',
        '  <View className="pt-doc"><Header value="$doc_line" size="6"/></View>',
        # the heading path often decides the measure type (codebook §1), so it sits right above the text
        '  <View className="pt-heading"><Header value="$heading" size="5"/></View>',
        f'  <View className="pt-text"><Text name="{TEXT_NAME}" value="$text" granularity="word"/></View>',
        # who the clause charges (a task table's 牵头单位/责任单位 columns, a （…负责） remark): the
        # segmenter keeps them out of the text; empty when none (tasks.agencies_line)
        '  <View className="pt-agencies"><Header value="$agencies_line" size="6"/></View>',
        # the codebook rules this clause falls under (tasks.codebook_rule_lines); empty when none
        '  <View className="pt-rules"><Header value="$codebook_rules" size="6"/></View>',
        '  <View className="pt-suggestion"><Header value="$suggestion_sector" size="6"/></View>',
        *_choices(taxonomy, SECTOR, f"{sector.name}（多选，至少一个）", f"请至少选择一个{sector.name}"),
        '  <View className="pt-suggestion"><Header value="$suggestion_measure" size="6"/></View>',
        *_choices(taxonomy, DOMINANT, f"主要{measure.name}（单选，必选）", f"请选择主要{measure.name}"),
        *_choices(taxonomy, OTHER, f"其他{measure.name}（可选{others_max}）", None),
        '  <Header value="备注（可选）" size="5"/>',
        f'  <TextArea name="{NOTE_NAME}" toName="{TEXT_NAME}" rows="2" maxSubmissions="1" editable="true" '
        'required="false" placeholder="拿不准时写明理由（可选）"/>',
        # read back by check_config(); display:none keeps it out of the annotators' way
        '  <View style="display: none;">',
        f"    <Header value={_attr(VERSION_PREFIX + taxonomy.version)}/>",
        "  </View>",
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def project_description(taxonomy: Taxonomy) -> str:
    """Human-readable project description; it repeats the taxonomy version for people, not for code."""
    return (f"policytag clause annotation — {taxonomy.source.rsplit('/', 1)[-1]} version {taxonomy.version}. "
            f"Label every clause by sector and measure type following docs/ANNOTATION_CODEBOOK.md.")


@dataclass
class ConfigInfo:
    """What a labeling config says about itself."""

    version: str | None
    #: control name -> [(shown value, stored alias or value)] in config order
    choices: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def parse_config(xml: str) -> ConfigInfo:
    """Read the taxonomy version and the choices of a (possibly foreign) labeling config.

    The XML comes from the network (a project's config, the backend's /setup and /predict), so it
    is parsed with ``defusedxml``: entity expansion ("billion laughs"), external entities and DTD
    tricks are refused instead of expanded.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(xml or "")
    except ParseError as exc:
        raise PolicytagError(f"labeling config is not valid XML ({exc})") from None
    except DefusedXmlException as exc:
        raise PolicytagError(f"labeling config refused: it uses XML entities or a DTD ({type(exc).__name__})") from None
    version = None
    for header in root.iter("Header"):
        value = header.get("value", "")
        if value.startswith(VERSION_PREFIX):
            version = value[len(VERSION_PREFIX):].strip()
    choices = {}
    for node in root.iter("Choices"):
        name = node.get("name")
        if name:
            choices[name] = [(c.get("value", ""), c.get("alias") or c.get("value", "")) for c in node.iter("Choice")]
    return ConfigInfo(version, choices)


def check_config(xml: str, taxonomy: Taxonomy) -> list[str]:
    """Differences between a project's labeling config and the taxonomy (empty when they match)."""
    from .guide import display_ids

    info = parse_config(xml)
    problems = []
    if info.version is None:
        problems.append("the labeling config was not generated by policytag (no taxonomy version in it)")
    elif info.version != taxonomy.version:
        problems.append(f"the labeling config was generated for taxonomy {info.version}, "
                        f"the current taxonomy is {taxonomy.version}")
    for control, (dim_id, _) in CONTROLS.items():
        dim = taxonomy[dim_id]
        got = info.choices.get(control)
        if got is None:
            problems.append(f"no {control!r} choices in the labeling config")
            continue
        ids = [alias for _, alias in got]
        missing = [i for i in dim.ids if i not in ids]
        extra = [i for i in ids if i not in dim.ids]
        if missing:
            problems.append(f"{control} labels missing from the config: {', '.join(missing)}")
        if extra:
            problems.append(f"{control} labels in the config but not in the taxonomy: {', '.join(extra)}")
        renamed = [alias for value, alias in got if alias in dim.ids and value != dim.name_of(alias)]
        if renamed:
            problems.append(f"{control} labels shown under another name: {', '.join(renamed)}")
        if not missing and not extra and ids != display_ids(dim):
            problems.append(f"{control} labels are in a different order than the taxonomy")
    return problems
