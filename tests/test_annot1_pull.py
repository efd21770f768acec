"""A pull over an earlier pull (``--force``) never replaces a label silently (tests/data/annot1/EXPECTED.md §3).

Against the session's real Label Studio (tests/ls_fixture.py). After a first pull, the team goes on
working: an annotator changes an annotation, another one is deleted, a second annotator disagrees
on a clause, and the lead has corrected a label in the pulled file by hand. ``pull --force`` used to
replace the file and say nothing of the labels it replaced; now each one gets a line (and
``replaced_labels`` in meta.json), and an unchanged clause none."""

import json

import pytest

from policytag.annotation.results import annotation_result

from annot_fixture import annotate as cli, push_notice
from ls_fixture import sign_up_annotators

pytestmark = pytest.mark.labelstudio

TITLE = "annot1-repull"


def rows_of(path):
    return {r["clause_id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_a_forced_pull_names_every_label_it_replaces(ls, admin, tmp_path, capsys):
    project, tasks, _ = push_notice(capsys, ls, admin, tmp_path, TITLE)
    assert len(tasks) == 5  # one task per 第X条
    people = sign_up_annotators(ls, ("lan", "mo"), "annot1-pull.test")
    lan, _ = people["lan"]
    mo, _ = people["mo"]
    made = [lan.annotations.create(t.id, result=annotation_result(["hazardous_chemicals"], ["rules_standards"]),
                                   lead_time=5.0) for t in tasks]

    out = tmp_path / "v.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", TITLE, "-o", str(out), "--no-flag")
    assert rc == 0, err
    first = rows_of(out)
    ids = [t.data["clause_id"] for t in tasks]
    assert set(first) == set(ids)

    # the team goes on: an edit in Label Studio, a deletion, a second annotator who disagrees …
    lan.annotations.update(made[0].id, result=annotation_result(["hazardous_chemicals", "fire_safety"],
                                                                ["rules_standards", "responsibility"]))
    lan.annotations.delete(made[1].id)
    mo.annotations.create(tasks[2].id, result=annotation_result(["non_coal_mine"], ["rules_standards"]))
    # … and the lead corrected a label in the pulled file by hand
    edited = dict(first[ids[3]], sector=["other_sectors"])
    out.write_text("".join(json.dumps(edited if r["clause_id"] == ids[3] else r, ensure_ascii=False) + "\n"
                           for r in first.values()), encoding="utf-8")

    rc, err = cli(capsys, ls, "pull", "--project", TITLE, "-o", str(out), "--no-flag")
    assert rc != 0 and "already exists" in err  # without --force: refused, as before

    rc, err = cli(capsys, ls, "pull", "--project", TITLE, "-o", str(out), "--no-flag", "--force")
    assert rc == 0, err
    lines = [x for x in err.splitlines() if "replaced: " in x]
    assert len(lines) == 4, err
    by_clause = {cid: next((x for x in lines if f"clause {cid} " in x), None) for cid in ids}
    assert "sector hazardous_chemicals -> hazardous_chemicals, fire_safety" in by_clause[ids[0]]
    assert "measure_type rules_standards -> rules_standards, responsibility" in by_clause[ids[0]]
    assert "without an annotation" in by_clause[ids[1]]
    assert "in conflict (v.conflicts.jsonl)" in by_clause[ids[2]]
    assert "sector other_sectors -> hazardous_chemicals" in by_clause[ids[3]]
    assert by_clause[ids[4]] is None  # unchanged: not mentioned
    assert "4 label(s) of the replaced v.jsonl changed or went" in err
    meta = json.loads((tmp_path / "v.meta.json").read_text(encoding="utf-8"))
    assert {(r["clause_id"], r["now"]) for r in meta["replaced_labels"]} == {
        (ids[0], "changed"), (ids[1], "not labelled"), (ids[2], "in conflict"), (ids[3], "changed")}
    assert meta["taxonomy_version"]
    now = rows_of(out)
    assert set(now) == {ids[0], ids[3], ids[4]}
