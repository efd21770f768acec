"""Line kinds the cleaner missed (session 13, found by the formats6 and meta12 engineers).

A task table's caption ending in 分解表 (``榆汀县夏季消防安全隐患排查整治任务分解表``, as typed in
tests/data/formats5/task_sheet.txt and as an .xlsx sheet's first row) was no title line: the caption
read as a preamble clause and the document's title was built (``2027年文件``, no region or level). It now
ends a title as 分工表 does. (The number with 年 in its bracket, a title ending in 公示 and a signature
ending in 村委会 are tests/test_metadata_g12.py's documents.)"""

from __future__ import annotations

from policytag import PROJECT_ROOT
from policytag.corpus.segment import segment_paths


def test_a_task_breakdown_table_caption_is_the_title():
    result = segment_paths([PROJECT_ROOT / "tests" / "data" / "formats5" / "task_sheet.txt"])
    (doc,) = result.documents
    assert (doc.title, doc.region, doc.level) == ("榆汀县夏季消防安全隐患排查整治任务分解表", "榆汀县", "county")
    assert [c.kind for c in result.clauses] == ["clause"] * 3
    assert result.clauses[0].text.startswith("1.排查人员密集场所消防设施")
