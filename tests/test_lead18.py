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


NOTICE = ("关于做好汛期安全防范工作的通知\n各乡镇人民政府：\n一、加强汛期巡查\n"
          "（一）各乡镇要对地质灾害隐患点开展拉网式排查。县应急局牵头负责，各乡镇配合。\n"
          "（二）做好物资储备。（县发改局负责）\n")


def _clauses(tmp_path):
    from policytag.corpus.segment import segment_paths

    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return segment_paths([path]).clauses


def test_segment_csv_carries_the_agency_roles_and_reads_them_back(tmp_path):
    """``policytag segment --format csv``: the roles the JSONL carries, as the tag CSV writes them (last column)."""
    import csv
    import io

    from policytag.corpus.render import render_clauses
    from policytag.records import agency_roles_from_cell

    clauses = _clauses(tmp_path)
    rows = list(csv.DictReader(io.StringIO(render_clauses([], clauses, "csv"))))
    assert list(rows[0])[-1] == "agency_roles"
    cells = {r["agency_roles"] for r in rows}
    assert "县应急局:lead; 各乡镇:support" in cells and "县发改局:responsible" in cells
    for row, clause in zip(rows, clauses, strict=True):
        assert agency_roles_from_cell(row["agency_roles"]) == [r.to_dict() for r in clause.agency_roles]


def test_parquet_rows_carry_the_agency_roles(tmp_path):
    pa = pytest.importorskip("pyarrow")
    from policytag.inference.stream import rows_to_table
    from policytag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    scores = {dim: {lid: 0.0 for lid in taxonomy[dim].ids} for dim in ("sector", "measure_type")}
    rows = [{"doc_id": c.doc_id, "clause_id": c.clause_id, "year": c.year, "heading_path": list(c.heading_path),
             "text": c.text, "sector": [], "measure_type": [], "scores": scores, "agencies": list(c.agencies),
             "agency_roles": [r.to_dict() for r in c.agency_roles], "deadlines": [], "targets": []}
            for c in _clauses(tmp_path)]
    table = rows_to_table(rows, taxonomy)
    assert table.column_names.index("agency_roles") == table.column_names.index("agencies") + 1
    assert table.column("agency_roles").to_pylist() == [r["agency_roles"] for r in rows]
    assert any(table.column("agency_roles").to_pylist())
    assert isinstance(table.schema.field("agency_roles").type, pa.ListType)
