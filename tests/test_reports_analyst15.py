"""analyst15: two leftovers of analyst14 in the reports (inputs: tests/data/reports14/, expectations written
before the code ran: tests/data/reports15/EXPECTED.md).

* The HTML report of reports14's 12 notices was 934 KB, two thirds of it the notices' sector × measure heatmaps:
  200 cells each (~46 KB), nearly all of them empty. A heatmap now draws the rows and columns holding a clause
  (taxonomy order), and its caption says how many empty ones were left out (their names in its tooltip).
* ``tag FOLDER`` named a folder's pictures, CAJ files and slides on stderr; ``tag FOLDER --stream`` passed
  over them without a word.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policytag import PROJECT_ROOT
from policytag.inference.charts import heatmap, nonempty_grid
from policytag.corpus.readers import unread_files_notes
from policytag.inference.render_html import render_html

from conftest import TEST_DATA
from report_cli import build, run

DATA = TEST_DATA / "reports14"
MODEL = str(PROJECT_ROOT / "policytag" / "resources" / "model")


@pytest.fixture(scope="module")
def probe():
    report = build([str(DATA)], MODEL)
    return report, render_html(report)


class _Heatmaps(HTMLParser):
    """Each notice section's heatmap as read from the page: its caption, and its cells as
    ``{(sector, measure): count}`` from each cell's ``data-*`` and the count its tooltip gives."""

    def __init__(self):
        super().__init__()
        self.section: str | None = None
        self.cells: dict[str, dict[tuple[str, str], int]] = {}
        self.captions: dict[str, str] = {}
        self._cell: tuple[str, str] | None = None
        self._in: str | None = None  # "title" (of a cell) or "caption" (of a heatmap figure)
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and (a.get("id") or "").startswith("notice-"):
            self.section = a["id"][len("notice-"):]
        elif tag == "figure" and a.get("data-chart") == "heatmap":
            self._in, self._text = "figure", ""
        elif tag == "figcaption" and self._in == "figure":
            self._in = "caption"
        elif tag == "g" and "cell" in (a.get("class") or "").split():
            self._cell = (a["data-sector"], a["data-measure"])
        elif tag == "title" and self._cell:
            self._in, self._text = "title", ""

    def handle_data(self, data):
        if self._in in ("title", "caption"):
            self._text += data

    def handle_endtag(self, tag):
        if tag == "figcaption" and self._in == "caption":
            self.captions[self.section] = self._text
            self._in = None
        elif tag == "title" and self._in == "title":
            count = int(re.search(r": (\d+)$", self._text).group(1))
            self.cells.setdefault(self.section, {})[self._cell] = count
            self._in, self._cell = None, None


@pytest.fixture(scope="module")
def drawn(probe):
    parser = _Heatmaps()
    parser.feed(probe[1])
    return parser


def test_the_html_report_is_less_than_half_its_former_size(probe):
    """934 KB on main for these 12 notices, 633 KB of it heatmaps; 388 KB with the empty rows and columns left out."""
    html = probe[1].encode("utf-8")
    heatmaps = sum(len(s.encode("utf-8")) for s in re.findall(r'<svg class="chart-svg heatmap".*?</svg>', probe[1]))
    assert len(html) < 934_046 / 2, len(html)
    assert heatmaps < len(html) / 4, (heatmaps, len(html))


def test_every_nonempty_cell_is_drawn_with_its_count_and_no_empty_row_or_column(probe, drawn):
    report, _ = probe
    tax = report.taxonomy
    assert len(drawn.cells) == len([n for n in report.notices if n.tagged])  # the premise: one heatmap a notice
    for n in report.notices:
        if not n.tagged:
            continue
        m = n.summary.cooccurrence
        expected = {(tax.sector.ids[i], tax.measure_type.ids[j]): m[i][j]
                    for i in range(len(m)) for j in range(len(m[i])) if m[i][j]}
        cells = drawn.cells[n.document.doc_id]
        assert {k: v for k, v in cells.items() if v} == expected
        rows = [r for r in tax.sector.ids if any(s == r for s, _ in cells)]
        cols = [c for c in tax.measure_type.ids if any(x == c for _, x in cells)]
        assert list(dict.fromkeys(s for s, _ in cells)) == rows  # taxonomy order, row after row
        assert len(cells) == len(rows) * len(cols)  # a full grid of what is kept
        assert all(any(cells[r, c] for c in cols) for r in rows)  # no empty row drawn
        assert all(any(cells[r, c] for r in rows) for c in cols)  # no empty column drawn
        left_rows, left_cols = len(tax.sector.ids) - len(rows), len(tax.measure_type.ids) - len(cols)
        said = [f"{k} {name} {kind}" for k, name, kind in ((left_rows, tax.sector.name, "rows"),
                                                           (left_cols, tax.measure_type.name, "columns")) if k]
        assert drawn.captions[n.document.doc_id].endswith(f"left out, no clause: {', '.join(said)})")


def test_a_heatmap_without_any_pair_says_every_row_and_column_was_left_out():
    grid = nonempty_grid(["a", "b"], ["甲", "乙"], ["x", "y", "z"], ["子", "丑", "寅"], [[0, 0, 0], [0, 0, 0]])
    assert grid.left_out("行业领域", "措施类型") == "; left out, no clause: 2 行业领域 rows, 3 措施类型 columns"
    assert (grid.empty_rows, grid.empty_cols) == (("甲", "乙"), ("子", "丑", "寅"))
    svg = heatmap(grid.row_ids, grid.row_names, grid.col_ids, grid.col_names, grid.matrix, "empty")
    assert 'class="cell"' not in svg and "no clause in any pair" in svg
    with pytest.raises(ValueError, match="not 2 × 3"):
        nonempty_grid(["a", "b"], ["甲", "乙"], ["x", "y", "z"], ["子", "丑", "寅"], [[0, 0, 0]])


def test_stream_names_the_files_a_folder_holds_no_text_of_as_plain_tag_does(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    for name in ("baizhou_annual_2025.txt", "yuanchuan_annual_2027.txt"):
        shutil.copy(DATA / name, folder / name)
    (folder / "县安委会通知扫描件.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (folder / "scan2.PNG").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "部署会汇报.pptx").write_bytes(b"PK\x03\x04" + bytes(64))
    notes = unread_files_notes([str(folder)])
    assert len(notes) == 2  # the premise: pictures, slides (what plain `tag` prints, inference.inputs)
    out = tmp_path / "rows.jsonl"
    code, said = run(["tag", str(folder), "--model", MODEL, "-o", str(out), "--stream"])
    assert code == 0, said
    assert [x for x in said.splitlines() if "left out" in x] == [f"policytag: {n}" for n in notes]
    assert out.read_text(encoding="utf-8").count("\n") > 2  # the text notices are still tagged
