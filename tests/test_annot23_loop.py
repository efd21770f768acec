"""Lossless round trips of the Label Studio loop, as an annotator team works (annot23's probe,
tests/data/annot23/EXPECTED.md): a clause's text edited in Label Studio after the push, a task
deleted, a pull run twice, a pull interrupted, a label the taxonomy does not have.

Against the session's real Label Studio (tests/ls_fixture.py); the notice is invented
(tests/data/annot23/notice.txt, 澄江县, 6 clauses)."""

import errno
import hashlib
import json
from pathlib import Path

import pytest

from policytag.annotation.results import annotation_result

from annot_fixture import annotate as cli, push_notice
from ls_fixture import sign_up_annotators

pytestmark = pytest.mark.labelstudio

NOTICE = (Path(__file__).parent / "data" / "annot23" / "notice.txt").read_text(encoding="utf-8")
HAZCHEM = annotation_result(["hazardous_chemicals"], ["rules_standards"])


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def rows_of(path: Path) -> dict:
    return {r["clause_id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def outputs(directory: Path) -> dict:
    """Every file a pull to ``v.jsonl`` wrote in ``directory`` (the HF dataset's included), with its bytes."""
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*"))
            if p.is_file() and p.relative_to(directory).parts[0].startswith("v.")}


@pytest.fixture(scope="module")
def team(ls):
    return sign_up_annotators(ls, ("ya", "bo"), "annot23-loop.test")


def test_a_text_edited_in_label_studio_is_never_passed_off_as_the_pushed_clause(ls, admin, tmp_path, capsys, team,
                                                                              caplog):
    """The lead corrects a clause's text in Label Studio (a typo, a clause cut wrong) after the push,
    and ya labels what she sees. The label belongs to that text: the pulled row must carry the
    text ya saw with its own fingerprint (with the pushed one, the row passed every text_sha1 check
    as a label of the original clause) and the pull must say so; a re-push of the notice must name
    the task as showing another text, not count it as 'already there'."""
    project, tasks, notice = push_notice(capsys, ls, admin, tmp_path, "annot23-edited", NOTICE)
    ya, _ = team["ya"]
    edited = next(t for t in tasks if "危险化学品" in t.data["text"])
    pushed_sha1 = edited.data["text_sha1"]
    new_text = edited.data["text"].replace("12家", "15家")
    admin.tasks.update(edited.id, data={**edited.data, "text": new_text})
    ya.annotations.create(edited.id, result=HAZCHEM)
    ya.annotations.create(tasks[-1].id, result=annotation_result(["cross_sector"], ["emergency"]))

    out = tmp_path / "v.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "annot23-edited", "-o", str(out), "--no-flag")
    assert rc == 0, err
    row = rows_of(out)[edited.data["clause_id"]]
    assert row["text"] == new_text
    assert row["text_sha1"] == sha1(new_text) != pushed_sha1
    assert "text was edited in Label Studio" in err and edited.data["clause_id"] in err, err
    meta = json.loads((tmp_path / "v.meta.json").read_text(encoding="utf-8"))
    assert [(e["clause_id"], e["pushed_text_sha1"], e["text_sha1"]) for e in meta["edited_text"]] == [
        (edited.data["clause_id"], pushed_sha1, sha1(new_text))]
    untouched = rows_of(out)[tasks[-1].data["clause_id"]]
    assert untouched["text_sha1"] == tasks[-1].data["text_sha1"]  # the others as pushed

    # the backend's retraining pulls the same rows and logs the same warning (lead, session 23)
    import logging

    from policytag.backend.wiring import pull_rows
    from policytag.taxonomy import load_taxonomy

    with caplog.at_level(logging.WARNING, logger="policytag.backend"):
        rows = pull_rows(ls.url, ls.api_key, "annot23-edited", load_taxonomy())
    assert [r["text"] for r in rows if r["clause_id"] == edited.data["clause_id"]] == [new_text]
    assert [m for m in caplog.messages if "text was edited in Label Studio" in m
            and f"{edited.data['clause_id']} (task {edited.id})" in m], caplog.messages

    # the same notice pushed again: the edited task is reported as changed, and left alone
    rc, err = cli(capsys, ls, "push", str(notice), "--project", "annot23-edited", "--quiet")
    assert rc == 0, err
    assert "1 clause(s) changed text since they were pushed (in the notice, or edited in Label Studio)" in err, err
    assert f"{edited.data['clause_id']} (task {edited.id})" in err, err
    assert admin.tasks.get(edited.id).data["text"] == new_text


def test_pull_twice_interrupted_deleted_task_and_an_unknown_label(ls, admin, tmp_path, capsys, team, monkeypatch):
    project, tasks, _ = push_notice(capsys, ls, admin, tmp_path, "annot23-repull", NOTICE)
    ya, _ = team["ya"]
    for task in tasks[:3]:
        ya.annotations.create(task.id, result=HAZCHEM)
    out = tmp_path / "v.jsonl"
    rc, err = cli(capsys, ls, "pull", "--project", "annot23-repull", "-o", str(out), "--no-flag")
    assert rc == 0, err
    before = outputs(tmp_path)
    assert len(rows_of(out)) == 3

    # a second pull without --force: refused, nothing on disk changed
    rc, err = cli(capsys, ls, "pull", "--project", "annot23-repull", "-o", str(out), "--no-flag")
    assert rc == 1 and "already exists" in err
    assert outputs(tmp_path) == before

    # a --force pull that fails while writing the HF copy: the earlier outputs stay as they were
    import datasets

    def broken(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(datasets.Dataset, "save_to_disk", broken)
    rc, err = cli(capsys, ls, "pull", "--project", "annot23-repull", "-o", str(out), "--no-flag", "--force")
    assert rc != 0 and "No space left on device" in err and "Traceback" not in err, err
    monkeypatch.undo()
    assert outputs(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.txt", "v.conflicts.jsonl", "v.hf", "v.jsonl",
                                                         "v.meta.json", "v.undecided.jsonl"]  # no temporary left

    # the lead deletes a labelled task in Label Studio: the forced pull names the label that went
    gone = tasks[0]
    admin.tasks.delete(gone.id)
    rc, err = cli(capsys, ls, "pull", "--project", "annot23-repull", "-o", str(out), "--no-flag", "--force")
    assert rc == 0, err
    assert gone.data["clause_id"] not in rows_of(out) and len(rows_of(out)) == 2
    assert f"clause {gone.data['clause_id']} " in err and "replaced: " in err, err

    # a label the taxonomy does not have: the pull refuses in one line, names it, writes nothing
    before = outputs(tmp_path)
    ya.annotations.create(tasks[4].id, result=annotation_result(["no_such_sector"], ["rules_standards"]))
    rc, err = cli(capsys, ls, "pull", "--project", "annot23-repull", "-o", str(out), "--no-flag", "--force")
    assert rc == 1 and "no_such_sector" in err and len(err.strip().splitlines()) == 1, err
    assert outputs(tmp_path) == before
