"""A team of annotators on one project (tests/data/annot2/EXPECTED.md §2, §3, §5, §6), against the
session's real Label Studio. Guards: each of these read right on main when annot2 probed it
(tests/data/annot2/probe_loop.py); they pin the behaviour a lead relies on.

* a second notice pushed into the project adds only its own clauses; the first notice's tasks keep
  their ids and annotations; pushing both again creates nothing;
* two annotators on one clause: both annotations kept in the row, agreement reported; a
  disagreement goes to NAME.conflicts.jsonl;
* a skipped task is never a label: listed in meta.json, and a clause one annotator skipped and
  another labelled keeps the label;
* a pull while Label Studio is down: one line, and the earlier pull's files stay as they were."""

import json
from pathlib import Path

import pytest

from policytag.annotation.results import annotation_result

from annot_fixture import annotate, push_notice
from ls_fixture import sign_up_annotators
from ls_server import free_port

pytestmark = pytest.mark.labelstudio
TABLE_NOTICE = Path(__file__).parent / "data" / "annot2" / "lanxi_task_table.txt"
TITLE = "annot2-team"


def test_a_team_on_one_project(ls, admin, tmp_path, capsys):
    project, first, _ = push_notice(capsys, ls, admin, tmp_path, TITLE)
    people = sign_up_annotators(ls, ("lan", "mo"), "annot2-team.test")
    lan, mo = people["lan"][0], people["mo"][0]
    hazchem = annotation_result(["hazardous_chemicals"], ["rules_standards"])
    lan.annotations.create(first[0].id, result=hazchem)
    mo.annotations.create(first[0].id, result=hazchem)  # agree
    lan.annotations.create(first[1].id, result=hazchem)
    mo.annotations.create(first[1].id, result=annotation_result(["fire_safety"], ["rules_standards"]))  # disagree
    lan.annotations.create(first[2].id, result=[], was_cancelled=True)  # skipped, nobody labelled it
    lan.annotations.create(first[3].id, result=[], was_cancelled=True)  # skipped by lan …
    mo.annotations.create(first[3].id, result=hazchem)  # … labelled by mo

    # a second notice into the same project
    rc, err = annotate(capsys, ls, "push", str(TABLE_NOTICE), "--project", TITLE, "--quiet")
    assert rc == 0 and "tasks: 7 created, 0 already there" in err, err
    now = {t.id: t for t in admin.tasks.list(project=project.id, fields="all")}
    assert len(now) == 12
    for task in first:  # same ids, same clauses, same annotations
        assert now[task.id].data["clause_id"] == task.data["clause_id"]
    assert (now[first[0].id].total_annotations, now[first[3].id].total_annotations) == (2, 1)
    rc, err = annotate(capsys, ls, "push", str(TABLE_NOTICE), str(tmp_path / "notice.txt"), "--project", TITLE,
                       "--quiet")
    assert rc == 0 and "tasks: 0 created, 12 already there" in err, err

    out = tmp_path / "team.jsonl"
    rc, err = annotate(capsys, ls, "pull", "--project", TITLE, "-o", str(out), "--no-flag")
    assert rc == 0, err
    rows = {r["clause_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    ids = [t.data["clause_id"] for t in first]
    assert set(rows) == {ids[0], ids[3]}
    both = rows[ids[0]]
    assert both["n_annotations"] == 2 and both["resolution"] == "unanimous"
    assert sorted(a["annotator"] for a in both["annotations"]) == sorted(name for _, name in people.values())
    assert rows[ids[3]]["n_annotations"] == 1 and rows[ids[3]]["sector"] == ["hazardous_chemicals"]
    (conflict,) = map(json.loads, (tmp_path / "team.conflicts.jsonl").read_text(encoding="utf-8").splitlines())
    assert conflict["clause_id"] == ids[1] and len(conflict["annotations"]) == 2
    meta = json.loads((tmp_path / "team.meta.json").read_text(encoding="utf-8"))
    assert meta["agreement"]["n_clauses"] == 2 and meta["agreement"]["sector"]["exact_set_agreement"] == 0.5
    assert {(s["clause_id"], s["unlabelled"]) for s in meta["skipped_annotations"]} == {(ids[2], True),
                                                                                         (ids[3], False)}

    # Label Studio down (nothing listens on the port): one line, the earlier pull untouched
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else None) for p in tmp_path.iterdir()}
    dead = f"http://127.0.0.1:{free_port()}"
    from policytag.cli import main

    rc = main(["annotate", "pull", "--project", TITLE, "-o", str(out), "--force", "--url", dead,
               "--api-key", ls.api_key])
    err = capsys.readouterr().err
    assert rc == 1 and len(err.strip().splitlines()) == 1 and "cannot reach Label Studio" in err, err
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else None)
            for p in tmp_path.iterdir()} == before
