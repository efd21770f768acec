"""A re-push's task-data writes (suggestion lines after a retraining, display fields of older tasks)
go a few at a time (tests/data/annot4/EXPECTED.md §2; measured with tests/data/annot4/probe_refresh.py).

Label Studio 1.23.2 has no request writing many tasks their own data under keys policytag names (its
experimental ``cache_labels`` action writes each task its own text, but only under ``cache_predictions_<control>``:
annot5, docs/annotation.md §3), so the writes stay one per task; here, without a server: they overlap (at most ``WRITERS`` in flight), every task is written
once with its own data, and a failure is one line that stops the writes not yet started."""

from __future__ import annotations

import threading
import time

import pytest

from policytag import PolicytagError
from policytag.annotation import push as push_module
from policytag.annotation.client import ExistingTask, Session


class FakeSession(Session):
    """A Session whose task-data write records what it wrote and how many writes were in flight."""

    def __init__(self, fail_on: int | None = None, pause: float = 0.02):
        super().__init__(client=None, url="http://label-studio.invalid", user_id=1, user_email="")
        self.written: dict[int, dict] = {}
        self.in_flight = self.most_in_flight = 0
        self.lock = threading.Lock()
        self.fail_on, self.pause = fail_on, pause

    def update_task_data(self, task_id: int, data: dict) -> None:
        import httpx

        with self.lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(self.pause)  # the server's answer takes a while
            if task_id == self.fail_on:
                raise httpx.ConnectError("connection refused")
            with self.lock:
                self.written[task_id] = data
        finally:
            with self.lock:
                self.in_flight -= 1


def _items(n: int):
    return [(ExistingTask(i, f"c{i}", "sha"), {"clause_id": f"c{i}", "suggestion_model": "new"}, f"writing task {i}")
            for i in range(n)]


def test_writes_overlap_and_each_task_gets_its_own_data():
    session, items = FakeSession(), _items(40)
    started = time.monotonic()
    push_module.write_task_data(session, items, "refreshing suggestions", progress=False)
    took = time.monotonic() - started
    assert session.written == {old.task_id: data for old, data, _ in items}
    assert all(old.data == data for old, data, _ in items)  # the push's own view follows
    assert 1 < session.most_in_flight <= push_module.WRITERS
    assert took < 40 * session.pause  # one at a time would take 40 pauses at least


def test_a_failed_write_is_one_line_and_the_rest_is_not_started():
    session = FakeSession(fail_on=3, pause=0.05)
    with pytest.raises(PolicytagError) as caught:
        push_module.write_task_data(session, _items(200), "refreshing suggestions", progress=False)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("writing task 3: cannot reach Label Studio")
    assert len(session.written) < 20  # not the other 190-odd after a server that went away
