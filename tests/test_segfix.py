"""segfix: reading misses of tables typed as text and of text wrapped at a fixed width, in shapes the
genre tests (tests/test_genres_g3.py, tests/test_genres_g5.py) do not hold, on notices written for
these tests (tests/data/segfix/; invented places and organs, no real document copied or paraphrased).

Each notice's reading was written down from the notice before running the readers and segmenter:
- A task table typed with spaces (or tabs) in a .docx, one row a Word paragraph, reads as it does in
  the .txt: one clause per task, its agencies taken from the 责任单位 / 牵头单位 / 配合单位 columns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policytag.corpus.segment import segment_paths
from conftest import TEST_DATA
from test_genres import _as_docx

DATA = TEST_DATA / "segfix"


def _clauses(path: Path) -> tuple[list[str], list[tuple[tuple[str, ...], str, list[str]]]]:
    result = segment_paths([path])
    assert not result.errors, result.errors
    return [d.title for d in result.documents], [(c.heading_path, c.text, list(c.agencies)) for c in result.clauses]


# file: (title, [(heading path, clause text, agencies)])
TYPED_TABLES = {
    # four columns apart by runs of spaces
    "sf_spaced_table_docx.txt": ("岚溪县2028年防汛安全重点任务分工", [
        ((), "为落实全县2028年防汛安全工作部署，现将重点任务分工如下：", []),
        ((), "1.排查山洪灾害危险区（完成时限：2028年4月底前）", ["县水利局"]),
        ((), "2.检修城区排涝泵站（完成时限：2028年5月15日前）", ["县住建局"]),
        ((), "3.组织防汛应急演练（完成时限：2028年6月上旬）", ["县应急管理局"]),
    ]),
    # five columns apart by tabs (a Word table converted to text with tabs)
    "sf_tabbed_table_docx.txt": ("岚溪县2028年地质灾害防治任务分工", [
        ((), "为做好全县2028年地质灾害防治工作，现将任务分工如下：", []),
        ((), "1.更新地质灾害隐患点台账（完成时限：2028年3月底前）", ["县自然资源局", "各乡镇人民政府"]),
        ((), "2.开展汛前地质灾害巡查（完成时限：2028年5月底前）", ["县自然资源局", "县应急管理局"]),
    ]),
}


@pytest.mark.parametrize("name", sorted(TYPED_TABLES))
def test_a_table_typed_in_docx_paragraphs_reads_as_in_the_txt(tmp_path, name):
    title, expected = TYPED_TABLES[name]
    assert _clauses(DATA / name) == ([title], expected)
    path = tmp_path / f"{name[:-4]}.docx"
    _as_docx([line for line in (DATA / name).read_text(encoding="utf-8").split("\n") if line.strip()], path)
    assert _clauses(path) == ([title], expected)
