"""Write segmented clauses as JSONL, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json

from policytag.records import Clause, Document, agency_roles_cell

FORMATS = ("jsonl", "csv", "md")


def render_clauses(documents: list[Document], clauses: list[Clause], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in clauses)
    if fmt == "csv":
        buf = io.StringIO()
        fields = ["doc_id", "clause_id", "year", "kind", "heading_path", "text", "agencies", "span_start", "span_end",
                  "title", "issuer", "region", "level", "genre", "agency_roles"]
        writer = csv.DictWriter(buf, fieldnames=fields)
        writer.writeheader()
        for c in clauses:
            writer.writerow({"doc_id": c.doc_id, "clause_id": c.clause_id, "year": c.year, "kind": c.kind,
                             "heading_path": " > ".join(c.heading_path), "text": c.text,
                             "agencies": "、".join(c.agencies), "span_start": c.span[0], "span_end": c.span[1],
                             "title": c.title, "issuer": c.issuer, "region": c.region, "level": c.level,
                             "genre": c.genre, "agency_roles": agency_roles_cell(r.to_dict() for r in c.agency_roles)})
        return buf.getvalue()
    if fmt == "md":
        out = []
        for doc in documents:
            out.append(f"# {doc.title or '(untitled notice)'} ({doc.year})\n")
            out.append(f"- doc_id: `{doc.doc_id}`  number: {doc.doc_number or '—'}  issuer: {doc.issuer or '—'}"
                       f"  date: {doc.date or '—'}  source: `{doc.source}`\n")
            out.append(f"- region: {doc.region or '—'}  level: {doc.level or '—'}  genre: {doc.genre or '—'}\n")
            last_path = None
            for c in (c for c in clauses if c.doc_id == doc.doc_id):
                if c.heading_path != last_path:
                    out.append("\n" + "\n".join(f"{'#' * (i + 2)} {h}" for i, h in enumerate(c.heading_path)) + "\n"
                               if c.heading_path else "")
                    last_path = c.heading_path
                agencies = f" *（{'、'.join(c.agencies)}）*" if c.agencies else ""
                out.append(f"- `{c.clause_id}` {c.text}{agencies}\n")
            out.append("\n")
        return "".join(out)
    raise ValueError(f"unknown format {fmt!r}")
