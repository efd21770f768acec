"""Label Studio JSON export -> dataset files, without a server (the server round trip is in
test_annotation_labelstudio.py)."""

import json

import pytest

from policytag import PolicytagError
from policytag.annotation.pull import OutputPaths, build_dataset, parse_export, pull_metadata, write_dataset
from policytag.annotation.tasks import text_sha1
from policytag.taxonomy import load_taxonomy

TEXT = "严格落实煤矿安全生产主体责任，加强瓦斯防治。"


def choices(name, values):
    return {"from_name": name, "to_name": "text", "type": "choices", "value": {"choices": values}}


def measure_results(measure):
    """The dominant control holds the first measure type, the other control the rest (a bare string:
    the dominant one alone, as a JSON_MIN-style single choice)."""
    if isinstance(measure, str):
        return [choices("measure_dominant", measure)]
    out = [choices("measure_dominant", measure[:1])] if measure else []
    return out + ([choices("measure_other", measure[1:])] if measure[1:] else [])


def ann(aid, user, sector, measure, note=None, cancelled=False, lead=10.0, updated="2026-01-01T00:00:00Z"):
    result = [] if cancelled else [choices("sector", sector), *measure_results(measure)]
    if note:
        result.append({"from_name": "note", "to_name": "text", "type": "textarea", "value": {"text": [note]}})
    return {"id": aid, "completed_by": user, "result": result, "was_cancelled": cancelled, "lead_time": lead,
            "created_at": updated, "updated_at": updated}


def task(tid, clause_id, annotations, text=TEXT):
    return {"id": tid, "annotations": annotations,
            "data": {"clause_id": clause_id, "doc_id": "2026-64f8d5", "year": 2026, "text": text,
                     "text_sha1": text_sha1(text), "heading_path": ["一、总则", "（一）责任"]}}


USERS = {1: "alice", 2: "bob"}


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture()
def export():
    return [
        # both choice shapes: a list of aliases, and a bare Chinese name (a hand-made config stores names)
        task(1, "c1", [ann(1, 1, ["coal_mine"], ["responsibility", "hazard_remediation"], note="瓦斯 → 煤矿")]),
        task(2, "c2", [ann(2, 1, "危险化学品", "应急准备与救援处置", lead=3.5)]),
        task(3, "c3", [ann(3, 1, ["coal_mine"], ["enforcement"]), ann(4, 2, ["coal_mine"], ["enforcement"])]),
        task(4, "c4", [ann(5, 1, ["coal_mine"], ["enforcement"]),
                       ann(6, 2, ["coal_mine", "non_coal_mine"], ["enforcement"])]),  # disagreement -> conflict
        task(5, "c5", [ann(7, 2, [], [], cancelled=True)]),  # skipped: dropped
        task(6, "c6", []),  # not annotated yet
        {"id": 7, "data": {"text": "someone else's task"}, "annotations": [ann(8, 1, ["coal_mine"], ["emergency"])]},
    ]


def test_parse_maps_choices_to_ids_and_drops_cancelled(export, taxonomy):
    records, stats = parse_export(export, taxonomy, USERS)
    by_id = {r.annotation_id: r for r in records}
    assert by_id[1].sector == ["coal_mine"] and by_id[1].measure_type == ["responsibility", "hazard_remediation"]
    assert by_id[1].note == "瓦斯 → 煤矿" and by_id[1].annotator == "alice" and by_id[1].annotator_id == 1
    assert by_id[2].sector == ["hazardous_chemicals"] and by_id[2].measure_type == ["emergency"]
    assert by_id[2].lead_time == 3.5
    assert 7 not in by_id and 8 not in by_id
    assert (stats.cancelled, stats.foreign_tasks, stats.tasks, stats.tasks_annotated) == (1, 1, 7, 4)


def test_unknown_labels_are_one_error(export, taxonomy):
    export[0]["annotations"][0]["result"][0]["value"]["choices"] = ["coal_mine", "space_travel"]
    with pytest.raises(PolicytagError, match=r"1 label\(s\) not in taxonomy .*space_travel.*clause c1"):
        parse_export(export, taxonomy, USERS)


def test_dataset_rows_conflicts_and_agreement(export, taxonomy):
    records, stats = parse_export(export, taxonomy, USERS)
    ds = build_dataset(records, stats, taxonomy)
    rows = {r["clause_id"]: r for r in ds.rows}
    assert set(rows) == {"c1", "c2", "c3"}
    assert rows["c1"]["text"] == TEXT and rows["c1"]["text_sha1"] == text_sha1(TEXT)
    assert rows["c1"]["heading_path"] == ["一、总则", "（一）责任"]
    assert (rows["c1"]["annotator"], rows["c1"]["note"], rows["c1"]["resolution"]) == ("alice", "瓦斯 → 煤矿", "single")
    assert rows["c3"]["resolution"] == "unanimous" and rows["c3"]["annotator"] == "alice+bob"
    assert len(rows["c3"]["annotations"]) == 2
    assert [c["clause_id"] for c in ds.conflicts] == ["c4"]
    assert ds.conflicts[0]["ties"] == {"sector": ["non_coal_mine"]}
    assert ds.counts["conflicts"] == 1 and ds.counts["rows"] == 3 and ds.counts["multi_annotated"] == 2
    per_label = ds.agreement["sector"]["per_label"]
    assert per_label["non_coal_mine"]["disagreements"] == 1 and per_label["coal_mine"]["disagreements"] == 0


def test_an_annotators_later_annotation_replaces_the_earlier(taxonomy):
    export = [task(1, "c1", [ann(1, 1, ["coal_mine"], ["enforcement"], updated="2026-01-01T00:00:00Z"),
                             ann(2, 1, ["urban_gas"], ["enforcement"], updated="2026-02-01T00:00:00Z")])]
    records, stats = parse_export(export, taxonomy, USERS)
    ds = build_dataset(records, stats, taxonomy)
    assert ds.rows[0]["sector"] == ["urban_gas"] and ds.counts["superseded"] == 1 and not ds.conflicts


def test_rule_violations_are_flagged(taxonomy):
    export = [task(1, "c1", [ann(1, 1, ["cross_sector", "coal_mine"], ["enforcement"])])]
    ds = build_dataset(*parse_export(export, taxonomy, USERS), taxonomy)
    assert ds.rows[0]["problems"] and ds.problems


def test_dominant_measure_type_comes_first_whatever_the_form_order(taxonomy):
    # Label Studio stores ticked choices in form order; the dominant control says which one leads
    result = [choices("sector", ["coal_mine"]), choices("measure_other", ["responsibility", "enforcement"]),
              choices("measure_dominant", ["hazard_remediation"])]
    export = [task(1, "c1", [{**ann(1, 1, [], []), "result": result}])]
    (rec,), _ = parse_export(export, taxonomy, USERS)
    assert rec.measure_type == ["hazard_remediation", "responsibility", "enforcement"]
    assert rec.dominant == "hazard_remediation"
    ds = build_dataset([rec], parse_export(export, taxonomy, USERS)[1], taxonomy)
    assert ds.rows[0]["measure_type"][0] == "hazard_remediation"
    assert ds.rows[0]["annotations"][0]["dominant"] == "hazard_remediation"


def test_annotation_without_dominant_is_refused_and_reported(taxonomy):
    result = [choices("sector", ["coal_mine"]), choices("measure_other", ["responsibility"])]
    export = [task(1, "c1", [{**ann(1, 1, [], []), "result": result}]),
              task(2, "c2", [ann(2, 2, ["coal_mine"], ["enforcement"])])]
    ds = build_dataset(*parse_export(export, taxonomy, USERS), taxonomy)
    assert [r["clause_id"] for r in ds.rows] == ["c2"]
    assert ds.counts["missing_dominant"] == 1
    assert ds.refused == [{"clause_id": "c1", "task_id": 1, "annotation_id": 1, "annotator": "alice",
                           "sector": ["coal_mine"], "measure_type": ["responsibility"]}]
    violations, _ = ds.flags[1]
    assert [v.rule for v in violations] == ["missing_dominant"] and not ds.flags[2][0]


def test_two_annotators_with_different_dominants_are_a_conflict_keeping_both(taxonomy):
    export = [task(1, "c1", [ann(1, 1, ["coal_mine"], ["hazard_remediation", "responsibility"]),
                             ann(2, 2, ["coal_mine"], ["responsibility", "hazard_remediation"])]),
              task(2, "c2", [ann(3, 1, ["coal_mine"], ["enforcement", "emergency"]),
                             ann(4, 2, ["coal_mine"], ["enforcement", "emergency"])])]
    ds = build_dataset(*parse_export(export, taxonomy, USERS), taxonomy)
    (conflict,) = ds.conflicts
    assert conflict["ties"] == {"measure_dominant": ["responsibility", "hazard_remediation"]}
    assert {a["annotator"]: a["measure_type"][0] for a in conflict["annotations"]} == {
        "alice": "hazard_remediation", "bob": "responsibility"}
    assert [r["measure_type"] for r in ds.rows] == [["enforcement", "emergency"]]
    assert ds.agreement["measure_dominant"]["clauses_with_disagreement"] == 1


def test_rule_check_messages_are_chinese_and_name_the_annotator(taxonomy):
    from policytag.annotation.rules import check_annotation, flag_text
    from policytag.annotation.results import annotation_result
    from policytag.records import Labels

    bad = annotation_result(["cross_sector", "hazardous_chemicals"],
                            ["enforcement", "responsibility", "emergency", "publicity_training"])
    violations = check_annotation({"result": bad}, taxonomy, annotator="alice")
    assert {v.rule for v in violations} == {"exclusive", "max_labels"}
    text = flag_text(violations)
    assert text.startswith("⚠ 需复核") and "alice" in text and "综合(不分行业)" in text and "最多 3 个" in text
    assert check_annotation(annotation_result(["coal_mine"], ["enforcement"]), taxonomy) == []
    assert check_annotation(Labels(("coal_mine",), ("enforcement",)), taxonomy) == []
    assert [v.rule for v in check_annotation([choices("sector", ["coal_mine"])], taxonomy)] == [
        "min_labels", "missing_dominant"]


class FakeProject:
    id = 7
    title = "demo"


def write(tmp_path, export, taxonomy, force=False, name="pulled.jsonl"):
    ds = build_dataset(*parse_export(export, taxonomy, USERS), taxonomy)
    paths = OutputPaths.for_output(tmp_path / name)
    write_dataset(paths, ds, pull_metadata(taxonomy, FakeProject(), "http://ls", ds, paths), force=force)
    return paths, ds


def test_write_outputs_and_read_them_back(tmp_path, export, taxonomy):
    from datasets import load_from_disk

    paths, ds = write(tmp_path, export, taxonomy)
    assert paths.jsonl.name == "pulled.jsonl" and paths.hf.name == "pulled.hf"
    lines = paths.jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == ds.rows
    assert "煤矿" in paths.jsonl.read_text(encoding="utf-8") or TEXT in lines[0]  # UTF-8, not \u escapes
    hf = load_from_disk(str(paths.hf))
    assert hf.num_rows == 3 and hf[0]["clause_id"] == "c1" and hf[0]["text"] == TEXT
    assert hf[0]["sector"] == ["coal_mine"] and hf[2]["annotations"][1]["annotator"] == "bob"
    meta = json.loads(paths.meta.read_text(encoding="utf-8"))
    assert meta["taxonomy_version"] == taxonomy.version and meta["project"] == {"id": 7, "title": "demo"}
    assert meta["counts"]["rows"] == 3 and meta["pulled_at"]
    assert [json.loads(x)["clause_id"] for x in paths.conflicts.read_text(encoding="utf-8").splitlines()] == ["c4"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporaries left


def test_empty_pull_writes_an_empty_dataset_with_schema(tmp_path, taxonomy):
    from datasets import load_from_disk

    paths, _ = write(tmp_path, [task(1, "c1", [])], taxonomy)
    assert paths.jsonl.read_text() == ""
    assert "sector" in load_from_disk(str(paths.hf)).features


def test_existing_output_is_never_silently_overwritten(tmp_path, export, taxonomy):
    paths, _ = write(tmp_path, export, taxonomy)
    before = paths.jsonl.read_bytes()
    export[0]["annotations"][0]["result"][0]["value"]["choices"] = ["urban_gas"]
    with pytest.raises(PolicytagError, match="already exists.*--force"):
        write(tmp_path, export, taxonomy)
    assert paths.jsonl.read_bytes() == before
    write(tmp_path, export, taxonomy, force=True)
    assert json.loads(paths.jsonl.read_text(encoding="utf-8").splitlines()[0])["sector"] == ["urban_gas"]


def test_failure_half_way_writes_nothing(tmp_path, export, taxonomy, monkeypatch):
    import datasets

    def boom(self, *a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(datasets.Dataset, "save_to_disk", boom)
    with pytest.raises(OSError):
        write(tmp_path, export, taxonomy)
    assert list(tmp_path.iterdir()) == []


def test_skipped_annotations_are_named_with_their_task_and_annotator(taxonomy):
    """A pull used to count skipped annotations only (``1 cancelled/skipped dropped``): the lead could
    not tell which clause nobody labelled. Now each is listed with task, clause, annotator and
    whether anyone else labelled the task, in the dataset (meta.json) and the pull's line."""
    from types import SimpleNamespace

    from policytag.annotation.cli import skipped_note

    export = [task(5, "c5", [ann(7, 2, [], [], cancelled=True)]),  # skipped, nobody else: still to label
              task(6, "c6", [ann(8, 1, [], [], cancelled=True), ann(9, 2, ["coal_mine"], ["enforcement"])])]
    records, stats = parse_export(export, taxonomy, USERS)
    ds = build_dataset(records, stats, taxonomy)
    assert ds.skipped == [{"task_id": 5, "clause_id": "c5", "annotation_id": 7, "annotator": "bob", "unlabelled": True},
                          {"task_id": 6, "clause_id": "c6", "annotation_id": 8, "annotator": "alice",
                           "unlabelled": False}]
    assert ds.counts["cancelled"] == 2 and "skipped" not in ds.counts
    meta = pull_metadata(taxonomy, SimpleNamespace(id=7, title="demo"), "http://ls", ds, OutputPaths.for_output("x.jsonl"))
    assert meta["skipped_annotations"] == ds.skipped
    assert skipped_note(ds.skipped, "x.meta.json") == \
        " (task 5 by bob, nobody labelled it; task 6 by alice; skipped_annotations in x.meta.json)"
