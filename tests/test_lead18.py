"""Lead's session-18 checks: the suite's xdist groups are kept, or the run stops."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest

import conftest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("xdist") is None, reason="pytest-xdist is not installed")


def _node(dist: str):
    return SimpleNamespace(config=SimpleNamespace(getoption=lambda name: dist if name == "dist" else None))


def test_lost_groups_stop_the_run_in_one_line():
    """pytest 9.2 + pytest-xdist 3.8: the ``@group`` suffix never reaches the scheduler (pytest-xdist#1386)."""
    ids = ["tests/test_a.py::test_one", "tests/test_a.py::test_two"]
    with pytest.raises(pytest.UsageError, match=r"lost every test's group .*pytest-xdist#1386") as err:
        conftest.pytest_xdist_node_collection_finished(_node("loadgroup"), ids)
    assert "\n" not in str(err.value)


def test_kept_groups_and_other_modes_pass():
    conftest.pytest_xdist_node_collection_finished(_node("loadgroup"), ["tests/test_a.py::test_one@test_a.py"])
    conftest.pytest_xdist_node_collection_finished(_node("load"), ["tests/test_a.py::test_one"])
    conftest.pytest_xdist_node_collection_finished(_node("loadgroup"), [])  # a worker that collected nothing


def test_this_run_keeps_its_group(request):
    """Under xdist this very test's id carries its module's group (the scheduler reads it)."""
    if not hasattr(request.config, "workerinput"):
        pytest.skip("not running under pytest-xdist")
    assert request.node.nodeid.endswith("@test_lead18.py"), request.node.nodeid
