"""``annotate next`` when there is nothing to rank (tests/data/annot1/EXPECTED.md §4), against the
session's real Label Studio.

* every task labelled: the work is done, not an error (it used to exit 1 with `has no unlabelled
  tasks`, and the ranks an earlier run wrote stayed on the labelled tasks of the queue tab);
* an empty project: one line that says to push clauses first."""

import pytest

from policytag.annotation.results import annotation_result
from annot_fixture import annotate, project_titled, push_notice

pytestmark = pytest.mark.labelstudio

REGULATION = """柘原市燃气安全管理规定

第一条　为了加强燃气安全管理，保障人民群众生命财产安全，制定本规定。
第二条　燃气经营企业应当定期对用户燃气设施进行安全检查。
第三条　任何单位和个人不得擅自改装、迁移燃气设施。
"""


def test_every_task_labelled_is_not_an_error_and_clears_the_ranks(ls, admin, tmp_path, capsys):
    project, _, _ = push_notice(capsys, ls, admin, tmp_path, "annot1-next-done", REGULATION)
    rc, err = annotate(capsys, ls, "next", "--project", "annot1-next-done", "--n", "2", "--strategy", "diversity")
    assert rc == 0, err
    tasks = list(admin.tasks.list(project=project.id, fields="all"))
    assert len(tasks) == 3 and sum("al_rank" in t.data for t in tasks) == 2
    for t in tasks:
        admin.annotations.create(t.id, result=annotation_result(["urban_gas"], ["rules_standards"]))

    rc, err, out = annotate(capsys, ls, "next", "--project", "annot1-next-done", "--strategy", "diversity",
                            stdout=True)
    assert rc == 0, err
    assert f"all 3 task(s) of project {project.id} ('annot1-next-done') are labelled: nothing to rank; " \
           f"2 stale rank(s) cleared" in err
    assert len(err.strip().splitlines()) == 1 and out == ""
    assert not any("al_rank" in t.data for t in admin.tasks.list(project=project.id, fields="all"))


def test_an_empty_project_says_to_push_first(ls, admin, capsys):
    from policytag.annotation.labeling_config import build_config
    from policytag.taxonomy import load_taxonomy

    project = admin.projects.create(title="annot1-next-empty", label_config=build_config(load_taxonomy()))
    rc, err = annotate(capsys, ls, "next", "--project", "annot1-next-empty", "--strategy", "diversity")
    assert rc == 1
    (line,) = err.strip().splitlines()
    assert line == (f"policytag: error: project {project.id} ('annot1-next-empty') has no tasks with a clause text: "
                    f"push clauses first (policytag annotate push NOTICES --project {project.id})")
