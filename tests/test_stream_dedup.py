"""`tag --stream` reads notices through corpus/dedup.py like plain `tag`: a folder holding the same
notices as a web page, as text and again as text with other line breaks gives the same rows, in
the same order, from both paths (the .txt copy replaces the earlier .html one, as dedup says)."""

from __future__ import annotations

import html
import json

from conftest import CORPUS_FILE

from policytag.cli import main


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_stream_and_plain_tag_give_the_same_rows_for_duplicated_notices(keyword_run, tmp_path, capsys):
    text = CORPUS_FILE.read_text(encoding="utf-8")
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "0-notices.html").write_text(
        "<html><head><meta charset='utf-8'><title>notices</title></head><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()) + "</body></html>", encoding="utf-8")
    (folder / "1-notices.txt").write_text(text, encoding="utf-8")
    (folder / "2-again.txt").write_text(text.replace("\n\n", "\n"), encoding="utf-8")

    assert main(["tag", str(folder), "--model", str(keyword_run), "-o", str(tmp_path / "plain.jsonl")]) == 0
    plain_err = capsys.readouterr().err
    assert main(["tag", str(folder), "--model", str(keyword_run), "--stream", "-o", str(tmp_path / "s.jsonl")]) == 0
    stream_err = capsys.readouterr().err

    plain, streamed = _rows(tmp_path / "plain.jsonl"), _rows(tmp_path / "s.jsonl")
    for row in plain:
        for key in ("novelty", "changed", "previous_text", "diff", "moved", "regrouped"):
            row.pop(key, None)  # notice-level context (against last year) the streaming path does not compute
    assert len(streamed) == len(plain) > 400  # each of the 18 notices once, not three times
    assert streamed == plain
    assert len({r["doc_id"] for r in streamed}) == 18
    note = "skipped 36 duplicate notices"
    assert note in plain_err and note in stream_err
    assert "warning" not in stream_err  # duplicates are a note, not a problem (exit 0)
