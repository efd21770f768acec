"""The Label Studio labeling config is generated from the taxonomy and checked against it."""

import xml.etree.ElementTree as ET

import pytest
import yaml

from policytag import PROJECT_ROOT
from policytag.annotation.labeling_config import build_config, check_config, parse_config
from policytag.cli import main
from policytag.taxonomy import load_taxonomy


@pytest.fixture()
def taxonomy():
    return load_taxonomy()


def changed_taxonomy(tmp_path, version="9.9.9", rename=None, drop=None):
    raw = yaml.safe_load((PROJECT_ROOT / "configs" / "taxonomy.yaml").read_text(encoding="utf-8"))
    raw["version"] = version
    labels = raw["dimensions"]["sector"]["labels"]
    if rename:
        next(lab for lab in labels if lab["id"] == rename[0])["name"] = rename[1]
    if drop:
        raw["dimensions"]["sector"]["labels"] = [lab for lab in labels if lab["id"] != drop]
    path = tmp_path / "taxonomy.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_taxonomy(path)


def test_config_shows_names_stores_ids_grouped_with_hints_and_hotkeys(taxonomy):
    from policytag.annotation.guide import RULES_ZH, display_ids

    xml = build_config(taxonomy)
    root = ET.fromstring(xml)
    controls = {c.get("name"): c for c in root.iter("Choices")}
    assert set(controls) == {"sector", "measure_dominant", "measure_other"}
    expected = {"sector": ("multiple", "true"), "measure_dominant": ("single-radio", "true"),
                "measure_other": ("multiple", "false")}
    keys = []
    for name, node in controls.items():
        dim = taxonomy["sector" if name == "sector" else "measure_type"]
        assert (node.get("choice"), node.get("required")) == expected[name] and node.get("toName") == "text"
        choices = list(node.iter("Choice"))
        assert choices, name  # the checks below loop over them
        assert [c.get("alias") for c in choices] == display_ids(dim)
        assert sorted(c.get("alias") for c in choices) == sorted(dim.ids)
        for c in choices:
            label = dim.labels[dim.index(c.get("alias"))]
            assert c.get("value") == label.name
            hint = c.get("hint")  # Chinese: name, description_zh, cue words
            assert hint.startswith(f"{label.name}：{label.description_zh}") and "线索词：" in hint
            assert label.cues[0] in hint and not any(ch.isascii() and ch.isalpha() for ch in label.description_zh)
            assert c.get("hotkey") == (f"shift+{label.hotkey}" if name == "measure_other" else label.hotkey)
            keys.append(c.get("hotkey"))
    assert len(keys) == len(set(keys)) == 2 * len(taxonomy.measure_type.ids) + len(taxonomy.sector.ids)
    assert "u" not in keys  # Label Studio's own "unselect" key
    # sectors grouped under headers taken from the taxonomy's groups
    groups = [v for v in controls["sector"] if v.tag == "View"]
    assert [g.find("Header").get("value") for g in groups] == ["生产安全行业", "自然灾害", "综合"]
    cross = next(c for c in controls["sector"].iter("Choice") if c.get("alias") == "cross_sector")
    assert any(RULES_ZH[n] in cross.get("hint") for n in (3, 7, 8)) or not taxonomy.rules
    # the rule of each control is visible text, not only a hover hint
    headers = [h.get("value") for h in root.iter("Header")]
    assert sum(h.startswith("规则：") for h in headers) == 3
    assert any("不与其他行业同选" in h for h in headers) and any("最多 3 个" in h for h in headers)
    # the suggestion lines and the review flag come from task data; the note has a Chinese placeholder
    assert {"$suggestion_sector", "$suggestion_measure", "$review", "$heading", "$doc_line"} <= set(headers)
    values = {t.get("value") for t in root.iter("Text")}
    assert values == {"$text"}
    note = next(root.iter("TextArea"))
    assert note.get("required") == "false" and note.get("placeholder").startswith("拿不准")
    assert "lsf-sidepanels" in next(root.iter("Style")).text  # the empty regions panel is hidden


def test_instructions_render_the_codebook_rules_and_shortcuts(taxonomy):
    from policytag.annotation.guide import RULES_ZH, instructions_html

    page = instructions_html(taxonomy)
    assert "判定规则" in page and RULES_ZH and all(rule[:12] in page.replace("&quot;", '"') for rule in RULES_ZH.values())
    assert "<kbd>shift+5</kbd>" in page and "<kbd>x</kbd>" in page
    assert "Decision rules" in page and "<li>" in page and "矿山" in page  # codebook §4 itself
    ET.fromstring(f"<div>{page}</div>")  # well-formed


def test_taxonomy_hotkeys_must_be_unique(tmp_path):
    from policytag import PolicytagError

    raw = yaml.safe_load((PROJECT_ROOT / "configs" / "taxonomy.yaml").read_text(encoding="utf-8"))
    raw["dimensions"]["sector"]["labels"][1]["hotkey"] = raw["dimensions"]["sector"]["labels"][0]["hotkey"]
    path = tmp_path / "taxonomy.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PolicytagError, match="hotkey.*already the hotkey of sector.coal_mine"):
        load_taxonomy(path)


def test_config_records_taxonomy_version_and_matches(taxonomy):
    xml = build_config(taxonomy)
    assert parse_config(xml).version == taxonomy.version
    assert check_config(xml, taxonomy) == []


def test_changed_taxonomy_changes_config_and_is_detected(taxonomy, tmp_path):
    other = changed_taxonomy(tmp_path, rename=("coal_mine", "煤矿行业"), drop="earthquake")
    xml = build_config(other)
    assert xml != build_config(taxonomy)
    assert parse_config(xml).version == "9.9.9"
    problems = check_config(xml, taxonomy)
    text = " ".join(problems)
    assert "9.9.9" in text and "earthquake" in text and "coal_mine" in text


def test_config_of_a_taxonomy_whose_rules_name_a_missing_label(taxonomy, tmp_path):
    # an older taxonomy without coal_mine, whose rules still mention it: the hints leave it out
    other = changed_taxonomy(tmp_path, drop="coal_mine")
    problems = " ".join(check_config(build_config(other), taxonomy))
    assert "coal_mine" in problems and "9.9.9" in problems


def test_foreign_config_is_detected(taxonomy):
    xml = '<View><Text name="text" value="$text"/><Choices name="sector" toName="text"><Choice value="A"/></Choices></View>'
    problems = check_config(xml, taxonomy)
    assert any("not generated by policytag" in p for p in problems)
    assert any("measure_dominant" in p for p in problems) and any("measure_other" in p for p in problems)


def test_config_command_prints_and_writes(tmp_path, capsys, taxonomy):
    assert main(["annotate", "config"]) == 0
    assert capsys.readouterr().out == build_config(taxonomy)
    out = tmp_path / "config.xml"
    assert main(["annotate", "config", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == build_config(taxonomy)


def test_config_follows_POLICYTAG_TAXONOMY(tmp_path, monkeypatch, capsys):
    changed_taxonomy(tmp_path, version="2.0.0")
    monkeypatch.setenv("POLICYTAG_TAXONOMY", str(tmp_path / "taxonomy.yaml"))
    assert main(["annotate", "config"]) == 0
    assert "policytag-taxonomy:2.0.0" in capsys.readouterr().out
