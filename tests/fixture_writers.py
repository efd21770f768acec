"""What the file-format tests and their fixture scripts share (tests/test_files_formats8.py and …9.py,
tests/data/formats8/ and formats9/make_fixtures.py): loading a fixture script as a module, the winter
notice's reference reading, a run's error lines.

Why a module: each test file and script had its own copy of the loader and of the reference fixture.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def load_module(name: str, path: Path):
    """The Python file at ``path`` as a module named ``name`` (a fixture script is no package's module)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_fixtures(folder: str):
    """tests/data/<folder>/make_fixtures.py as a module (its writers make the files of a test)."""
    return load_module(f"{folder}_fixtures", TESTS / "data" / folder / "make_fixtures.py")


def winter_reading(folder: Path) -> tuple[list[dict], list[dict]]:
    """formats6's winter notice written to ``folder`` as winter_notice.txt, and its reading through ``policytag
    segment`` (documents, clauses; the file's name left out): the reference of formats7-9's files."""
    from test_files_formats2 import _segment

    path = folder / "winter_notice.txt"
    path.write_text(make_fixtures("formats6").WINTER_NOTICE, encoding="utf-8")
    return _segment(path, documents=True), _segment(path)


def segment_reading(text: str) -> list:
    """A text's documents and clauses as ``policytag segment`` writes them, but for the source: (title, number,
    issuer, date) per document, then (heading path, text, agencies) per clause (formats10's and formats11's files
    compare their readings with it)."""
    from policytag.corpus.segment import segment_text

    out = []
    for document, clauses in segment_text(text, "notice"):
        out.append((document.title, document.doc_number, document.issuer, document.date))
        out.extend((clause.heading_path, clause.text, clause.agencies) for clause in clauses)
    return out


def error_lines(out) -> list[str]:
    """The ``policytag: error:`` lines of a run's stderr."""
    return [line for line in out.stderr.splitlines() if line.startswith("policytag: error:")]


def to_unicode_cmap(pairs: list[tuple[int, int]]) -> bytes:
    """A PDF font's /ToUnicode CMap (Adobe-Identity-UCS, two-byte codes) mapping each ``(code, unicode)`` of
    ``pairs``: the PDF fixtures that draw text with codes of their own (formats4's private-use glyphs,
    formats10's radical look-alikes) say through it which character each code is."""
    chars = "\n".join(f"<{code:04X}> <{uni:04X}>" for code, uni in pairs)
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
            f"endcodespacerange\n{len(pairs)} beginbfchar\n{chars}\nendbfchar\nendcmap\n"
            "CMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")
