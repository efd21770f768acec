"""Build the fixtures of tests/test_files_formats6.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats6/make_fixtures.py

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings
written down before any reader ran). formats5's notice (invented county 榆汀县) and its OFD writer
(tests/data/formats/make_ofd_fixtures.py, GB/T 33190 as real writers set it) are reused.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- OFD: a landscape table page turned a quarter onto a portrait page ----------------------------
#: the landscape page's height (mm): what its y runs over before it is turned
LANDSCAPE_H = 210.0


def _turned(obj: str) -> str:
    """An object of a landscape page (its ``Boundary`` x y w h, its ``CTM`` if any) set on a portrait page
    turned a quarter clockwise, as a converter prints a landscape section on portrait paper: the point
    (X, Y) of the landscape page lands at (210 - Y, X), so its lines run down the page, the next line
    to the left. The object's own space is kept; its CTM is composed with the turn."""
    x, y, w, h = map(float, re.search(r'Boundary="([^"]+)"', obj).group(1).split())
    found = re.search(r'CTM="([^"]+)"', obj)
    a, b, c, d, e, f = map(float, found.group(1).split()) if found else (1, 0, 0, 1, 0, 0)
    # (u, v) -> (a u + c v + e, b u + d v + f) in the box, then the turn (p, q) -> (h - q, p) from the new
    # box's corner (210 - y - h, x): the composed CTM
    turned = (-b, a, -d, c, h - f, e)
    obj = re.sub(r' CTM="[^"]+"', "", obj)
    return re.sub(r'Boundary="[^"]+"', f'Boundary="{LANDSCAPE_H - y - h:.3f} {x:.3f} {h:.3f} {w:.3f}" '
                  f'CTM="{" ".join(f"{v:g}" for v in turned)}"', obj, count=1)


def turned_table_ofd(path: Path) -> None:
    """formats5's fire_tasks_noseq notice with its ruled table (no 序号 column, a 配合单位 merged down) on a
    page of its own, turned a quarter clockwise; the head and preamble on page 1, the signature on page 3."""
    f5 = _load("formats5_fixtures", HERE.parent / "formats5" / "make_fixtures.py")
    ofd = f5._formats_ofd()
    writer = ofd.Writer()
    writer.line(f5.TITLE[:20], "center", ofd.TITLE)
    writer.line(f5.TITLE[20:], "center", ofd.TITLE)
    writer.line(f5.NUMBER, "center")
    writer.line(f5.ADDRESSEE)
    writer.paragraph(f5.PREAMBLE.strip())
    writer.pages.append([])
    writer.y = ofd.TOP
    f5._ruled_table(ofd, writer, f5.NOSEQ, f5.NOSEQ_COLUMNS)
    writer.pages[-1] = [_turned(obj) for obj in writer.pages[-1]]
    writer.pages.append([])
    writer.y = ofd.TOP
    writer.line(f5.SIGNATURE, "right")
    writer.line(f5.DATE, "right")
    ofd.package(writer, path, f5.TITLE, "榆汀县安全生产委员会办公室政务公开", f5.SIGNATURE)


def main() -> None:
    turned_table_ofd(HERE / "fire_tasks_turned.ofd")


if __name__ == "__main__":
    main()
