"""Reproducible set-ups (session 17): run.json records the library releases a run was fitted with,
a run says which differ now, and constraints.txt (scripts/setup.sh installs under it) pins every
declared dependency at a release its pyproject.toml range admits."""

from __future__ import annotations

import json
import re

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from policytag import PROJECT_ROOT
from policytag.models.keyword import KeywordTagger
from policytag.models.runs import library_changes, library_versions, save_run


def test_a_run_records_its_library_releases_and_names_those_that_changed(gold_dataset, tmp_path):
    small = gold_dataset.subset(range(0, 40))
    run = save_run(KeywordTagger().fit(small.clauses, small.labels), tmp_path / "kw", {"name": "kw"}, {}, "h")
    info = json.loads((run / "run.json").read_text(encoding="utf-8"))
    assert info["libraries"] == library_versions()
    assert {"python", "numpy", "scikit-learn"} <= set(info["libraries"])
    assert library_changes(info) == []
    old = dict(info, libraries=dict(info["libraries"], **{"scikit-learn": "0.1.0"}))
    assert library_changes(old) == [f"scikit-learn 0.1.0 -> {library_versions()['scikit-learn']}"]
    assert library_changes({"name": "before the field"}) == []


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (PROJECT_ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version and re.fullmatch(r"[\w.+!-]+", version), f"constraints.txt: not a pin: {line!r}"
            pins[canonicalize_name(name)] = version
    return pins


def _declared() -> list[Requirement]:
    tomllib = pytest.importorskip("tomllib", reason="Python 3.11+ reads pyproject.toml (the project supports 3.10)")
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return [Requirement(r) for r in project["dependencies"] + [r for group in extras.values() for r in group]]


def test_constraints_pin_every_declared_dependency_within_its_range():
    if not (PROJECT_ROOT / "constraints.txt").is_file():
        pytest.skip("an installed package without the checkout's constraints.txt")
    pins = _constraints()
    for req in _declared():
        name = canonicalize_name(req.name)
        if name == "torch":  # scripts/setup.sh pins the CPU build on its own line
            assert "torch" not in pins
            continue
        assert name in pins, f"{req.name} is declared in pyproject.toml but not pinned: run scripts/lock.sh"
        assert req.specifier.contains(pins[name], prereleases=True), \
            f"constraints.txt pins {req.name}=={pins[name]}, outside pyproject.toml's {req.specifier}: run scripts/lock.sh"


@pytest.mark.parametrize("text, agencies", [
    ("开展检查（县应急局牵头负责，县公安局配合）", ["县应急局", "县公安局"]),
    ("开展检查（市应急局、市公安局按照职责分工负责）", ["市应急局", "市公安局"]),
    ("开展检查（市应急局牵头，各县（市、区）人民政府负责落实）", ["市应急局", "各县（市、区）人民政府"]),
    ("开展检查（市住建局、市城管局分别负责）", ["市住建局", "市城管局"]),
    ("开展检查（省应急厅、省公安厅等部门分工负责）", ["省应急厅", "省公安厅"]),
])
def test_a_remark_names_each_agency_without_its_role_words(text, agencies):
    # extract14's leftover: the segmenter stripped one role word, so 县应急局牵头负责 named 县应急局牵头
    from policytag.corpus.segment import remark_agencies

    assert remark_agencies(text) == agencies


@pytest.mark.parametrize("line, addressee", [
    ("各师、市应急管理局：", True),  # lines17's leftover: the 应 of 应急 read as an instruction (应…)
    ("各团场应急管理办公室，师直有关单位：", True),
    ("各单位应急管理部门：", True),
    ("各单位要高度重视：", False),
    ("各单位应立即组织排查：", False),
])
def test_an_addressee_list_may_name_emergency_bureaus(line, addressee):
    from policytag.corpus.clean import classify_lines

    kinds = {l.text: l.kind for l in classify_lines(f"关于做好棉花加工企业防火工作的通知\n\n{line}\n一、各团场要在10月10日前完成检查。\n")}
    assert (kinds[line] == "addressee") is addressee, kinds


@pytest.mark.parametrize("line, number", [
    ("（沐）应急责改〔2027〕第12号", "（沐）应急责改〔2027〕12号"),
    ("鹭（江）安委［2026］31号", "鹭（江）安委〔2026〕31号"),
    ("晋政发〔2019〕1号    签发人：张三", "晋政发〔2019〕1号"),
])
def test_a_number_line_and_its_written_form_are_one_pattern(line, number):
    # clean's RE_DOCNUM (the line kind) is metadata's NUMBER_FORM and a 签发人: a line of that kind always has a form
    from policytag.corpus import metadata as md
    from policytag.corpus.clean import RE_DOCNUM

    assert RE_DOCNUM.match(line) and md.document_number(line) == number
