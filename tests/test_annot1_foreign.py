"""A project whose labeling config is not policytag's (tests/data/annot1/EXPECTED.md §7), against the
session's real Label Studio.

A team's other project (a sentiment task over ``$text``) reached by a wrong ``--project`` id or a
shared title: ``annotate push`` used to replace its labeling config, description and instructions
and import clauses into it; ``annotate next`` wrote ranks into its tasks and switched its sampling;
``backend connect`` registered the backend with it. Now each refuses in one line and leaves it as
it was. An empty project made in the web UI (no task)
is still set up by push."""

import pytest

from policytag.cli import main

from annot_fixture import REGULATION, annotate as cli

pytestmark = pytest.mark.labelstudio

SENTIMENT = """<View>
  <Text name="review" value="$text"/>
  <Choices name="sentiment" toName="review" choice="single">
    <Choice value="好评"/><Choice value="差评"/>
  </Choices>
</View>"""


def test_push_and_next_leave_another_teams_project_alone(ls, admin, tmp_path, capsys):
    notice = tmp_path / "regulation.txt"
    notice.write_text(REGULATION, encoding="utf-8")
    other = admin.projects.create(title="annot1-sentiment", label_config=SENTIMENT, description="店铺评论情感")
    admin.projects.import_tasks(other.id, request=[{"data": {"text": "这家店的服务很好。"}},
                                                   {"data": {"text": "等了一个小时还没上菜。"}}])
    before = admin.projects.get(other.id)
    data_before = {t.id: t.data for t in admin.tasks.list(project=other.id, fields="all")}

    for spec in (str(other.id), "annot1-sentiment"):
        rc, err = cli(capsys, ls, "push", str(notice), "--project", spec, "--quiet")
        assert rc == 1
        (line,) = err.strip().splitlines()
        assert line == (f"policytag: error: project {other.id} ('annot1-sentiment') has a labeling config policytag "
                        f"did not make and 2 task(s): refusing to replace it; push to a project of its own "
                        f"(--project NEW_TITLE creates one)")
    rc, err = cli(capsys, ls, "next", "--project", str(other.id), "--strategy", "diversity", "--n", "1")
    assert rc == 1 and err.strip().endswith("refusing to write a labelling queue into its tasks"), err
    assert len(err.strip().splitlines()) == 1
    # nor is the backend connected to it (it would answer every /setup with a 422)
    rc = main(["backend", "connect", "--project", str(other.id), "--url", "http://127.0.0.1:9",
               "--label-studio-url", ls.url, "--api-key", ls.api_key])
    err = capsys.readouterr().err
    assert rc == 1 and err.strip().endswith("refusing to connect the policytag backend to it"), err
    assert len(err.strip().splitlines()) == 1 and not list(admin.ml.list(project=other.id))

    after = admin.projects.get(other.id)
    assert (after.label_config, after.description, after.sampling) == \
        (before.label_config, before.description, before.sampling)
    assert {t.id: t.data for t in admin.tasks.list(project=other.id, fields="all")} == data_before

    # an empty project someone made in the web UI for policytag is still set up by push
    empty = admin.projects.create(title="annot1-made-in-the-ui", label_config=SENTIMENT)
    rc, err = cli(capsys, ls, "push", str(notice), "--project", str(empty.id), "--quiet")
    assert rc == 0, err
    assert "policytag-taxonomy:" in admin.projects.get(empty.id).label_config
    assert len(list(admin.tasks.list(project=empty.id))) == 5
