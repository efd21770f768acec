"""A task whose text was edited in Label Studio after the push (annot23, no server): the pulled row
carries the text shown with its own fingerprint, and the pull lists the task; a re-push reads the
task as showing another text. The real loop: tests/test_annot23_loop.py."""

import hashlib

from policytag.annotation.client import existing_tasks
from policytag.annotation.pull import build_dataset, parse_export
from policytag.annotation.results import annotation_result
from policytag.annotation.tasks import shown_text_sha1
from policytag.taxonomy import load_taxonomy

PUSHED = "二、开展危险化学品专项整治。对全县12家危险化学品经营企业逐家开展检查。"
EDITED = PUSHED.replace("12家", "15家")


def sha1(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def task(task_id, text, stored=None, annotations=()):
    data = {"clause_id": f"2026-cj-{task_id}", "doc_id": "2026-cj", "year": 2026, "text": text,
            "text_sha1": sha1(PUSHED) if stored is None else stored}
    return {"id": task_id, "data": data, "annotations": [
        {"id": 100 + task_id + i, "completed_by": 7, "result": r} for i, r in enumerate(annotations)]}


LABEL = annotation_result(["hazardous_chemicals"], ["rules_standards"])


def test_an_edited_text_is_pulled_with_its_own_fingerprint_and_listed():
    taxonomy = load_taxonomy()
    export = [task(1, EDITED, annotations=[LABEL]), task(2, PUSHED, annotations=[LABEL]),
              task(3, PUSHED, stored="", annotations=[LABEL])]  # pushed without a fingerprint: nothing to compare
    records, stats = parse_export(export, taxonomy, {7: "ya"})
    by_task = {r.task_id: r for r in records}
    assert by_task[1].text == EDITED and by_task[1].text_sha1 == sha1(EDITED)
    assert by_task[2].text_sha1 == by_task[3].text_sha1 == sha1(PUSHED)
    assert stats.edited_text == [{"task_id": 1, "clause_id": "2026-cj-1", "pushed_text_sha1": sha1(PUSHED),
                                  "text_sha1": sha1(EDITED)}]
    dataset = build_dataset(records, stats, taxonomy)
    assert dataset.counts["edited_text"] == 1 and dataset.edited_text == stats.edited_text
    row = next(r for r in dataset.rows if r["clause_id"] == "2026-cj-1")
    assert (row["text"], row["text_sha1"]) == (EDITED, sha1(EDITED))


def test_a_skipped_task_with_an_edited_text_goes_to_adjudication_with_the_shown_fingerprint():
    taxonomy = load_taxonomy()
    export = [task(1, EDITED)]
    export[0]["annotations"] = [{"id": 9, "completed_by": 7, "result": [], "was_cancelled": True}]
    records, stats = parse_export(export, taxonomy, {7: "ya"})
    (undecided,) = build_dataset(records, stats, taxonomy).undecided
    assert undecided["text_sha1"] == sha1(EDITED)


def test_a_re_push_reads_an_edited_task_as_showing_another_text():
    class FakeTask:
        def __init__(self, tid, data):
            self.id, self.data, self.predictions, self.annotations = tid, data, [], []

    class FakeSession:
        def errors(self, what):
            import contextlib
            return contextlib.nullcontext()

        def tasks(self, project_id):
            return [FakeTask(1, task(1, EDITED)["data"]), FakeTask(2, task(2, PUSHED)["data"])]

    class Project:
        id, task_number = 5, 2

    found = existing_tasks(FakeSession(), Project(), progress=False)
    assert found["2026-cj-1"].text_sha1 == sha1(EDITED) != sha1(PUSHED)
    assert found["2026-cj-2"].text_sha1 == sha1(PUSHED)
    assert shown_text_sha1({"text_sha1": "abc"}) == "abc"  # a task without a text keeps what it stored
