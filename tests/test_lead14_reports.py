"""Year-over-year pairing of a clause file that names no issuer, level or genre (session 14).

A researcher's clause file of many governments gives ``doc_id``, ``year`` and ``text`` only. Before,
every document of 2027 was compared with all the documents of 2026 pooled ("the 3 documents of 2026"):
with 10,000 clauses of 100 governments each notice listed ~4,950 "dropped" clauses and the Markdown
reached 98 MB. Which earlier document is a notice's predecessor is unknown there, so there is no
comparison, and the note says why; one document a year (one series) still pairs by year.
"""

from __future__ import annotations

import json

from policytag.cli import main

TEXTS = ["加强危险化学品企业重大危险源监测预警，年底前实现全覆盖。",
         "开展城镇燃气安全专项整治，排查整改老旧管网隐患。",
         "严格落实企业安全生产主体责任，健全全员岗位责任制。"]


def _rows(docs: dict[str, int]) -> list[dict]:
    return [{"doc_id": d, "year": y, "clause_id": f"{d}-{i}", "text": t}
            for d, y in docs.items() for i, t in enumerate(TEXTS)]


def _tag(tmp_path, rows: list[dict]) -> str:
    src = tmp_path / "clauses.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.md"
    assert main(["tag", "--clauses", str(src), "--format", "md", "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_several_earlier_documents_without_issuer_are_not_pooled_as_a_baseline(tmp_path):
    md = _tag(tmp_path, _rows({"a26": 2026, "b26": 2026, "c26": 2026, "d27": 2027}))
    assert "the 3 documents of 2026" not in md and "Dropped" not in md
    assert ("the input holds 3 documents of 2026 and names no issuer, level or genre of any: which one is this "
            "notice's predecessor is unknown") in md


def test_one_earlier_document_without_issuer_still_pairs_by_year(tmp_path):
    md = _tag(tmp_path, _rows({"a26": 2026, "d27": 2027}))
    assert "the input holds" not in md
    assert "the 2026 notice" in md
