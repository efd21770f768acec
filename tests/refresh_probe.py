"""What the two Label Studio refresh probes share (tests/data/annot4/probe_refresh.py, annot4's overlapped
task-data writes; tests/data/annot5/probe_cache.py, annot5's bulk path): N invented clauses, two keyword runs that
predict different sectors (a "retraining"), and a counter of the HTTP requests a push sends, by method and path
kind. Measurement scripts' set-up, not a test module."""
from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import httpx

from policytag.models.runs import save_run, tagger_class
from policytag.records import Clause, Labels

#: the migrated Label Studio database the test fixture caches (a server starts in seconds from a copy)
TEMPLATE_DIR = Path(__file__).resolve().parents[1] / ".pytest_cache" / "d" / "label-studio-template"
# invented clauses: a county's yearly work points, one sentence each, the place and number varying
SUBJECTS = ("危险化学品企业", "城镇燃气经营单位", "建筑施工企业", "道路运输企业", "人员密集场所")
ACTIONS = ("开展安全隐患排查整治", "落实全员安全生产责任制", "组织应急演练", "加强执法检查", "开展安全培训")


def probe_clauses(work: Path, n: int) -> tuple[list[Clause], Path]:
    """``n`` invented clauses and the JSONL file (in ``work``) a push reads them from."""
    clauses = [Clause(doc_id=f"probe-{i // 10}", clause_id=f"probe-{i}", heading_path=["二、重点任务"], kind="clause",
                      text=f"{i % 7 + 1}．各乡镇督促{SUBJECTS[i % 5]}{ACTIONS[(i // 5) % 5]}，第{i + 1}项任务年内完成。",
                      year=2029)
               for i in range(n)]
    work.mkdir(parents=True, exist_ok=True)
    path = work / "clauses.jsonl"
    path.write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in clauses), encoding="utf-8")
    return clauses, path


def keyword_runs(work: Path, clauses: list[Clause]) -> tuple[Path, Path]:
    """Two saved keyword runs, ``first`` (every clause hazardous_chemicals) and ``second`` (urban_gas)."""
    def run(name: str, sector: str) -> Path:
        tagger = tagger_class("keyword")().fit(clauses, [Labels((sector,), ("responsibility",)) for _ in clauses])
        out = work / name
        save_run(tagger, out, config={"model": {"type": "keyword"}}, metrics={}, data_hash=name)
        return out

    return run("first", "hazardous_chemicals"), run("second", "urban_gas")


class RequestCounter(collections.Counter):
    """Counts every request an ``httpx.Client`` sends, as ``METHOD /api/path/ID`` (ids folded), once installed."""

    def install(self) -> "RequestCounter":
        real_send = httpx.Client.send

        def counting_send(client, request, *args, **kwargs):
            self[f"{request.method} {re.sub(r'/[0-9]+', '/ID', request.url.path)}"] += 1
            return real_send(client, request, *args, **kwargs)

        httpx.Client.send = counting_send
        return self

    def shown(self) -> str:
        return f"{sum(self.values())} requests: " + ", ".join(f"{k} x{v}" for k, v in self.most_common())
