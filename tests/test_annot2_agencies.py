"""A task-table row shows the agencies it charges on the labelling screen (tests/data/annot2/EXPECTED.md §1).

The segmenter takes a 任务分工表 row's 牵头单位/配合单位 columns (and a ``（牵头单位：…）`` remark) out
of the clause text into ``Clause.agencies``; push stored them in the task data, but the labelling
screen showed none of them, so the annotator of ``3.推进危险化学品运输车辆动态监控全覆盖`` did not see
that 县交通运输局 leads it. Now the task carries ``agencies_line`` (``责任单位：县交通运输局、县公安局``,
empty when the clause names none), shown under the clause; an older project's tasks get it on the
next push. The notice is invented (岚溪县)."""

from pathlib import Path

import pytest

from annot_fixture import annotate, project_titled

NOTICE = Path(__file__).parent / "data" / "annot2" / "lanxi_task_table.txt"


@pytest.fixture(scope="module")
def clause_set():
    from policytag.annotation.tasks import load_clauses

    return load_clauses([NOTICE])


def test_a_table_row_task_names_its_agencies_and_the_screen_shows_them(clause_set):
    from policytag.annotation.labeling_config import build_config
    from policytag.annotation.tasks import build_tasks
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    tasks = build_tasks(clause_set, None, taxonomy)
    rows = [(c, t["data"]) for c, t in zip(clause_set.clauses, tasks)]
    charged = [(c, d) for c, d in rows if c.agencies]
    assert len(charged) == 3  # the three rows of the 任务分工表
    for clause, data in charged:
        assert data["agencies_line"] == "责任单位：" + "、".join(clause.agencies)
        assert data["agencies"] == list(clause.agencies)  # the clause's own field, as before
    lead_row = next(d for c, d in charged if "运输车辆" in c.text)
    assert lead_row["agencies_line"] == "责任单位：县交通运输局、县公安局"  # in the order the row names them
    assert all(d["agencies_line"] == "" for c, d in rows if not c.agencies)
    config = build_config(taxonomy)
    # shown right under the clause text, before the codebook rule line
    assert config.index('value="$text"') < config.index('value="$agencies_line"') < config.index('"$codebook_rules"')




@pytest.mark.labelstudio
def test_pushed_rows_show_their_agencies_and_an_older_task_gets_the_line(ls, admin, clause_set, tmp_path, capsys):
    title = "annot2-agencies"
    rc, err = annotate(capsys, ls, "push", str(NOTICE), "--project", title, "--quiet")
    assert rc == 0, err
    project = project_titled(admin, title)
    assert "$agencies_line" in project.label_config  # Label Studio accepted the config that shows it
    tasks = {t.data["clause_id"]: t for t in admin.tasks.list(project=project.id, fields="all")}
    by_id = clause_set.by_id()
    assert set(tasks) == set(by_id)
    for cid, task in tasks.items():
        want = "责任单位：" + "、".join(by_id[cid].agencies) if by_id[cid].agencies else ""
        assert task.data["agencies_line"] == want

    # a task pushed by an older policytag (no agencies_line): the next push adds the line, nothing else
    row = next(t for cid, t in tasks.items() if by_id[cid].agencies)
    old = {k: v for k, v in row.data.items() if k != "agencies_line"}
    admin.tasks.update(row.id, data=old)
    rc, err = annotate(capsys, ls, "push", str(NOTICE), "--project", title, "--quiet")
    assert rc == 0 and "tasks: 0 created, 7 already there" in err, err
    assert "added to or refreshed in 1 older task(s)" in err, err
    again = admin.tasks.get(row.id).data
    assert again == {**old, "agencies_line": "责任单位：" + "、".join(row.data["agencies"])}
