"""The HTML report of all 18 notices: self-contained, one section per year, trend charts; and it
renders in headless Chromium (charts laid out and painted, the script ran, no console errors)."""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS_FILE

# the repository's own corpus copy (tests never read ../shared)
CHROMIUM = Path("/usr/bin/chromium")
YEARS = list(range(2009, 2027))


@pytest.fixture(scope="module")
def report(tmp_path_factory, keyword_run, policytag_cli) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    proc = policytag_cli("tag", CORPUS_FILE, "--format", "html", "-o", out, "--model", keyword_run)
    assert proc.returncode == 0, proc.stderr
    return out


def test_self_contained(report):
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "://" not in html  # no http(s)://, file:// or any other URL
    assert not re.search(r"<link\b|<img\b|<iframe\b|\bsrc\s*=|@import|url\(", html)
    assert html.count("<script>") == 1 and html.count("<style>") == 1


def test_covers_all_years_with_trend_charts(report):
    html = report.read_text(encoding="utf-8")
    years = [int(y) for y in re.findall(r'<section class="notice" id="[^"]+" data-year="(\d{4})"', html)]
    assert sorted(years) == YEARS and years == sorted(years, reverse=True)  # newest first
    assert 'id="trends"' in html and "Trends 2009–2026" in html
    trends = re.findall(r'<svg class="chart-svg trend".*?</svg>', html, flags=re.S)
    assert len(trends) == 2  # sector and measure type
    for svg in trends:
        panels = re.findall(r'<g class="panel".*?</g>', svg, flags=re.S)
        assert len(panels) >= 5
        for panel in panels:
            assert panel.count('<circle class="point"') == len(YEARS)  # one point per year
            assert ">2009<" in panel and ">2026<" in panel
    assert html.count('class="chart-svg heatmap"') == len(YEARS) + 1  # per notice + pooled
    assert html.count('class="chart-svg bars"') == 2 * len(YEARS)
    assert html.count("Emphasis compared with") == len(YEARS) - 1


def _chromium(tmp: Path, url: str, *mode: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp / 'profile'}", "--enable-logging=stderr", "--v=0", "--window-size=1280,4000",
         "--hide-scrollbars", *mode, url],
        capture_output=True, text=True, timeout=180)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_renders_in_headless_chromium(report, tmp_path):
    import numpy as np
    from PIL import Image

    url = report.resolve().as_uri()
    dom = _chromium(tmp_path, url, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    # the page's script ran to the end, and no console message (errors included) was logged
    assert re.search(r'<html[^>]*data-ready="1"', dom.stdout)
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    assert console == []
    boxes = {}
    for svg in re.findall(r"<svg[^>]*>", dom.stdout):
        kind = re.search(r'data-kind="(\w+)"', svg).group(1)
        box = tuple(int(v) for v in re.search(r'data-box="([\d,-]+)"', svg).group(1).split(","))
        assert box[2] > 100 and box[3] > 50, svg  # laid out with a real size
        boxes.setdefault(kind, []).append(box)
    assert len(boxes["trend"]) == 2 and len(boxes["heatmap"]) == len(YEARS) + 1

    shot_path = tmp_path / "report.png"
    shot = _chromium(tmp_path, url, f"--screenshot={shot_path}")
    assert shot.returncode == 0 and shot_path.exists(), shot.stderr[-2000:]
    assert not [line for line in shot.stderr.splitlines() if ":CONSOLE" in line]
    image = np.asarray(Image.open(shot_path).convert("RGB")).astype(int)  # [height, width, 3]
    assert image.shape == (4000, 1280, 3)
    # the first trend chart and the pooled heatmap are inside the captured 4000 px: they must be painted
    for x, y, w, h in [boxes["trend"][0], boxes["heatmap"][0]]:
        assert y + h <= image.shape[0]
        crop = image[y:y + h, x:x + w].reshape(-1, 3)
        ink = (crop.sum(axis=1) < 720).mean()
        assert ink > 0.02, f"chart area at {(x, y, w, h)} is blank"
        assert len({tuple(p) for p in crop}) > 50  # lines, points, labels, shades: not a flat fill
    # the sector trend lines are drawn in the sector colour (#3b6fb6)
    x, y, w, h = boxes["trend"][0]
    r, g, b = image[y:y + h, x:x + w].reshape(-1, 3).T
    assert ((b > 150) & (r < 110) & (g > 80) & (g < 140)).sum() > 200


def test_evidence_is_highlighted_in_the_clause_text(report):
    """Every <mark class="ev"> names output labels of its row and wraps a cue/rule of one of them."""
    import html as html_lib

    from policytag.knowledge import load_knowledge
    from policytag.taxonomy import load_taxonomy

    html = report.read_text(encoding="utf-8")
    tax = load_taxonomy()
    names = {lab.name: (dim, lab.id) for dim in ("sector", "measure_type") for lab in tax[dim].labels}
    rows = re.findall(r'<tr class="clause" data-sector="([^"]*)" data-measure="([^"]*)">(.*?)</tr>', html, flags=re.S)
    assert len(rows) > 400
    knowledge = load_knowledge(tax)
    marked = 0
    for sector, measure, body in rows:
        output = set(sector.split()) | set(measure.split())
        cell = re.findall(r"<td>(.*?)</td>", body, flags=re.S)[1]  # the clause text cell
        cell = re.sub(r'<div class="path">.*?</div>', "", cell, flags=re.S)
        clause_text = html_lib.unescape(re.sub(r"<[^>]+>", "", cell))
        hits = {(h.text, h.label) for h in knowledge.match(clause_text)}
        for labels, text in re.findall(r'<mark class="ev" data-labels="([^"]*)" title="[^"]*">([^<]+)</mark>', body):
            ids = {names[n][1] for n in labels.split()}
            assert ids <= output, (labels, output)
            assert any((html_lib.unescape(text), i) in hits for i in ids), (text, labels)
            marked += 1
    assert marked > 400


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_evidence_highlight_styled_in_headless_chromium(report, tmp_path):
    dom = _chromium(tmp_path, report.resolve().as_uri(), "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    bgs = re.findall(r'<mark class="ev"[^>]*data-bg="([^"]+)"', dom.stdout)
    assert len(bgs) > 400
    assert set(bgs) == {"rgb(255, 243, 176)"}  # the evidence colour of the stylesheet, applied
