"""Build the fixtures of tests/test_files_formats7.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats7/make_fixtures.py
    .venv/bin/python tests/data/formats7/make_fixtures.py --probes /tmp/probes   # the probes (EXPECTED.md)

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings
written down before any reader ran). formats6's winter notice (invented city 澄溪市) and its writers are reused.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def formats6():
    return _load("formats6_fixtures", HERE.parent / "formats6" / "make_fixtures.py")


# -- Word: a portal's menu kept as HYPERLINK fields -------------------------------------------------
def _field_runs(url: str, runs: list) -> list:
    """``runs`` (the shown word) as the result of a complex HYPERLINK field, as Word and WPS keep a link
    pasted from a web page: begin, the code, separate, the result, end (each mark a run of its own)."""
    from docx.oxml import parse_xml

    def mark(kind: str):
        return parse_xml(f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="{kind}"/></w:r>')

    code = parse_xml(f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> HYPERLINK "{url}" </w:instrText></w:r>')
    return [mark("begin"), code, mark("separate"), *runs, mark("end")]


def _simple_field(url: str, runs: list):
    """``runs`` inside a ``w:fldSimple`` HYPERLINK field (the one-element form some writers use)."""
    from docx.oxml import parse_xml

    field = parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" HYPERLINK &quot;{url}&quot; "/>')
    for run in runs:
        field.append(run)
    return field


def nav_fields_docx(path: Path, simple: bool = False) -> None:
    """formats6's winter_nav.docx with each menu entry's ``w:hyperlink`` replaced by a HYPERLINK field over
    the same run: a complex field, or a ``w:fldSimple`` when ``simple``."""
    import docx

    f6 = formats6()
    f6.nested_docx(path, side_nav=True)
    document = docx.Document(str(path))
    part = document.part
    for link in list(document.element.body.iter(W + "hyperlink")):
        url = part.rels[link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")].target_ref
        runs = list(link)
        parent, at = link.getparent(), link.getparent().index(link)
        parent.remove(link)
        for k, node in enumerate([_simple_field(url, runs)] if simple else _field_runs(url, runs)):
            parent.insert(at + k, node)
    document.save(str(path))


def main() -> None:
    nav_fields_docx(HERE / "winter_nav_fields.docx")
    nav_fields_docx(HERE / "winter_nav_fldsimple.docx", simple=True)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))  # noqa: F821 - defined below as the probes are written
    else:
        main()
