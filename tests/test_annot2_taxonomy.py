"""A label the taxonomy renamed or removed since the annotations were made (tests/data/annot2/EXPECTED.md §4).

Against the session's real Label Studio. Annotations use ``fire_safety``; the taxonomy then calls it
``fire_protection`` (a new version). ``annotate pull`` refused in one line and advised to push with
the current taxonomy to regenerate the config; ``annotate push`` then did so without a word (Label
Studio does not refuse a config without a Choice still used by an annotation stored by alias), so
the label vanished from the screen of anyone opening the task, and every later pull under the new
taxonomy failed. Now push refuses in one line naming the labels, and changes nothing; pull's line
names them too and says to pull with the old taxonomy (not to push); a taxonomy that only renames a
label's Chinese name (same ids) still regenerates the config."""

import json
from pathlib import Path

import pytest

from policytag.annotation.results import annotation_result

from annot_fixture import annotate as cli, push_notice

pytestmark = pytest.mark.labelstudio
TAXONOMY = Path(__file__).resolve().parents[1] / "configs" / "taxonomy.yaml"


def taxonomy_file(tmp_path, name, edit):
    text = TAXONOMY.read_text(encoding="utf-8")
    version = text.split('version: "', 1)[1].split('"', 1)[0]
    path = tmp_path / name
    path.write_text(edit(text.replace(f'version: "{version}"', f'version: "{version}-{name}"', 1)), encoding="utf-8")
    return path


def test_push_refuses_a_config_that_would_hide_annotated_labels(ls, admin, tmp_path, capsys, monkeypatch):
    title = "annot2-renamed-label"
    project, tasks, notice = push_notice(capsys, ls, admin, tmp_path, title)
    admin.annotations.create(tasks[0].id, result=annotation_result(["fire_safety"], ["rules_standards"]))
    admin.annotations.create(tasks[1].id, result=annotation_result(["hazardous_chemicals"], ["rules_standards"]))
    config_before = admin.projects.get(project.id).label_config
    annotations_before = {t.id: [(a.id, a.result) for a in admin.annotations.list(id=t.id)] for t in tasks}

    renamed = taxonomy_file(tmp_path, "renamed.yaml", lambda t: t.replace("fire_safety", "fire_protection"))
    monkeypatch.setenv("POLICYTAG_TAXONOMY", str(renamed))
    rc, err = cli(capsys, ls, "pull", "--project", title, "-o", str(tmp_path / "v.jsonl"), "--no-flag")
    assert rc == 1 and len(err.strip().splitlines()) == 1, err
    # it names the annotated labels the taxonomy lacks and the way to read them; not a push (refused below)
    assert "1 annotated label(s) are not in taxonomy" in err and "sector 'fire_safety' x1" in err, err
    assert "POLICYTAG_TAXONOMY" in err and "push with the current taxonomy" not in err, err
    rc, err = cli(capsys, ls, "push", str(notice), "--project", title, "--quiet")
    assert rc == 1, err
    assert len(err.strip().splitlines()) == 1, err
    assert "1 annotated label(s) are not in taxonomy" in err and "sector 'fire_safety' x1" in err, err
    assert f"task {tasks[0].id}" in err and "refusing to regenerate its labeling config" in err, err
    # nothing changed: the config, the annotations; the project still pulls under its own taxonomy
    assert admin.projects.get(project.id).label_config == config_before
    assert {t.id: [(a.id, a.result) for a in admin.annotations.list(id=t.id)] for t in tasks} == annotations_before
    monkeypatch.delenv("POLICYTAG_TAXONOMY")
    rc, err = cli(capsys, ls, "pull", "--project", title, "-o", str(tmp_path / "v.jsonl"), "--no-flag")
    assert rc == 0, err
    rows = [json.loads(x) for x in (tmp_path / "v.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["sector"][0] for r in rows) == ["fire_safety", "hazardous_chemicals"]

    # a new Chinese name for the same id loses nothing: the config is regenerated
    display = taxonomy_file(tmp_path, "display.yaml", lambda t: t.replace("name: 危险化学品\n", "name: 危险化学品（含化工）\n", 1))
    monkeypatch.setenv("POLICYTAG_TAXONOMY", str(display))
    rc, err = cli(capsys, ls, "push", str(notice), "--project", title, "--quiet")
    assert rc == 0 and "labeling config regenerated" in err, err
    assert "危险化学品（含化工）" in admin.projects.get(project.id).label_config
