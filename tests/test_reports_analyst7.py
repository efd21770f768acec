"""What analyst7 found (session 13) reviewing the clause-file readers and the report assembly, tagging a
large synthetic clause file as a researcher, and running ``policytag tag`` on a new batch of documents as an
analyst (tests/data/reports7/, what each report should say written down in its EXPECTED.md before the CLI
was run on them). Every sentence there was written for these tests; every place and organ is invented.

* A Parquet clause file's repeated id was refused naming no row (``c.parquet: duplicate id 'a'``) while a
  JSONL file's named its line: JSONL and Parquet each had a reading loop and a duplicate-id check of their
  own in inference/inputs.py. One loop now (``_row_clauses``), naming the row for both.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from policytag.cli import main

DATA = Path(__file__).parent / "data" / "reports7"


def _run(args: list[str]) -> tuple[int, str]:
    """``policytag ARGS`` through the real CLI in this process: its exit status and stderr."""
    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(args)
    return code, err.getvalue()


def test_a_repeated_id_names_its_row_in_parquet_as_in_jsonl(tmp_path):
    """The same three rows, the third repeating the first's id, as JSONL and as Parquet: both refusals
    name row 3, and with --skip-bad both warnings do."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = [{"id": "a", "text": "开展消防安全检查。"}, {"id": "b", "text": "开展燃气安全检查。"},
            {"id": "a", "text": "开展矿山安全检查。"}]
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    table = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows), table)
    for source in (jsonl, table):
        code, said = _run(["tag", "--clauses", str(source), "-o", str(tmp_path / "r.md")])
        lines = said.strip().splitlines()
        assert code == 1 and len(lines) == 1 and f"{source}:3: duplicate id 'a'" in lines[0], said
        code, said = _run(["tag", "--clauses", str(source), "--skip-bad", "-o", str(tmp_path / "r.md")])
        assert f"{source}:3: duplicate id 'a'" in said and "skipped" in said, said
        assert "\n- `b` " in (tmp_path / "r.md").read_text(encoding="utf-8")  # the good rows are reported
