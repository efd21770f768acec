"""Build the fixtures of tests/test_files_formats9.py (run by hand; CI reads the committed outputs):

    .venv/bin/python tests/data/formats9/make_fixtures.py
    .venv/bin/python tests/data/formats9/make_fixtures.py --probes /tmp/probes   # the probes (EXPECTED.md)

The notices are ours (invented places and organs; EXPECTED.md beside this script holds the readings written
down before any reader ran). formats6's winter notice (invented city 澄溪市) and formats8's writers are reused.
"""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "formats8"))
from compound import compound_file  # noqa: E402


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def formats8():
    return _load("formats8_fixtures", HERE.parent / "formats8" / "make_fixtures.py")


def formats6():
    return formats8().formats6()


def title() -> str:
    return formats6()._notice()["title"]


# -- Outlook .msg with attached mails and compressed RTF (MS-OXMSG, MS-OXRTFCP) ----------------------
def message_streams(subject: str, body: str | None = None, rtf: bytes | None = None,
                    attachments: list[tuple[str, bytes | dict]] = (), embedded: bool = False) -> dict[str, bytes]:
    """An Outlook mail's streams (Unicode properties), as formats8's ``outlook_msg`` writes them, with two more
    things Outlook writes: ``rtf`` as PR_RTF_COMPRESSED (0x1009, the compressed bytes) and an attachment whose
    value is a dict: a mail attached to the mail (PR_ATTACH_METHOD 5, its streams in the storage
    ``__substg1.0_3701000D``, its display name the name given). ``embedded``: the property stream's header is
    the 24 bytes of an attached mail's, not the 32 of the file's own."""
    f8 = formats8()
    streams: dict[str, bytes] = {}
    entries: list[tuple[str, bytes]] = []

    def put(storage: str, name: int, kind: int, data: bytes) -> None:
        streams[f"{storage}__substg1.0_{name:04X}{kind:04X}"] = data
        entries.append((storage, f8._sized(name, kind, data)))

    for name, text in ((0x001A, "IPM.Note"), (0x0037, subject), (0x0C1A, "澄溪市应急管理局办公室"),
                       *([(0x1000, body)] if body is not None else [])):
        put("", name, 0x001F, f8._utf16(text))
    if rtf is not None:
        put("", 0x1009, 0x0102, rtf)
    for k, (file_name, data) in enumerate(attachments):
        storage = f"__attach_version1.0_#{k:08X}/"
        put(storage, 0x3001, 0x001F, f8._utf16(file_name))
        if isinstance(data, dict):
            method = 5  # ATTACH_EMBEDDED_MSG
            for inner, value in data.items():
                streams[f"{storage}__substg1.0_3701000D/{inner}"] = value
            entries.append((storage, f8._prop(0x3701, 0x000D, bytes(8))))
        else:
            method = 1  # ATTACH_BY_VALUE
            put(storage, 0x3707, 0x001F, f8._utf16(file_name))
            put(storage, 0x3701, 0x0102, data)
        props = f8._prop(0x3705, 0x0003, struct.pack("<I", method))
        props += b"".join(entry for where, entry in entries if where == storage)
        streams[f"{storage}__properties_version1.0"] = bytes(8) + props
    top = f8._prop(0x3FDE, 0x0003, struct.pack("<I", 936))
    top += b"".join(entry for storage, entry in entries if not storage)
    header = struct.pack("<8xIIII", 0, len(attachments), 0, len(attachments)) + (b"" if embedded else bytes(8))
    streams["__properties_version1.0"] = header + top
    if not embedded:
        for guid in ("00020102", "00030102", "00040102"):
            streams[f"__nameid_version1.0/__substg1.0_{guid}"] = b""
    return streams


def _rtf_escape(text: str) -> str:
    """Chinese text as Outlook writes it in RTF of code page 936: each GBK byte ``\\'xx``, a tab ``\\tab``."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append("\\tab ")
        elif ord(ch) < 128:
            out.append("\\" + ch if ch in "\\{}" else ch)
        else:
            out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
    return "".join(out)


def notice_rtf(html: bool = False) -> bytes:
    """The winter notice as the RTF Outlook keeps for a mail: ``\\fromtext`` (a plain-text mail), or
    ``\\fromhtml1`` (an HTML mail: each tag in a ``{\\*\\htmltag …}`` group, the RTF-only paragraph marks
    between ``\\htmlrtf`` and ``\\htmlrtf0``), code page 936."""
    lines = formats6().WINTER_NOTICE.rstrip("\n").split("\n")
    head = ("{\\rtf1\\ansi\\ansicpg936\\" + ("fromhtml1" if html else "fromtext")
            + " \\fbidis \\deff0{\\fonttbl{\\f0\\fswiss\\fcharset134 SimSun;}}\r\n")
    if not html:
        body = "".join("\\pard\\plain\\f0\\fs20 " + _rtf_escape(line) + "\\par\r\n" for line in lines)
        return (head + body + "}").encode("ascii")
    body = "{\\*\\htmltag19 <html>}{\\*\\htmltag34 <head>}{\\*\\htmltag41 </head>}{\\*\\htmltag50 <body>}\r\n"
    for line in lines:
        body += ("{\\*\\htmltag64 <p class=MsoNormal>}\\htmlrtf {\\htmlrtf0 " + _rtf_escape(line)
                 + "{\\*\\htmltag244 <o:p>}{\\*\\htmltag252 </o:p>}\r\n\\htmlrtf \\par\r\n}\\htmlrtf0\r\n"
                 "{\\*\\htmltag72 </p>}\r\n")
    body += "{\\*\\htmltag58 </body>}{\\*\\htmltag27 </html>}"
    return (head + body + "}").encode("ascii")


def compressed(rtf: bytes) -> bytes:
    """``rtf`` as PR_RTF_COMPRESSED holds it (LZFu), by compressed_rtf (the library the reader uses to undo it)."""
    from compressed_rtf import compress

    return compress(rtf, compressed=True)


def _cover() -> str:
    return "各单位：\n转发" + title() + "，请查收并抓好落实。\n\n澄溪市应急管理局办公室\n"


def forward_msg(path: Path, docx: Path | None) -> None:
    """winter_forward.msg (the attached mail carries the notice's .docx and a seal) or, without ``docx``,
    winter_forward_body.msg (the notice pasted into the attached mail)."""
    f8 = formats8()
    if docx is not None:
        inner = message_streams(title(), f8._cover(title())[0],
                                attachments=[(title() + ".docx", docx.read_bytes()), ("印章.png", f8.SEAL_PNG)],
                                embedded=True)
    else:
        inner = message_streams(title(), formats6().WINTER_NOTICE, embedded=True)
    path.write_bytes(compound_file(message_streams("转发：" + title(), _cover(), attachments=[(title(), inner)])))


def rtf_msg(path: Path, html: bool = False) -> None:
    """winter_mail_rtf.msg / winter_mail_rtf_html.msg: the notice kept only as compressed RTF (no PR_BODY)."""
    path.write_bytes(compound_file(message_streams(title(), rtf=compressed(notice_rtf(html)))))


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        docx = formats8().notice_docx(Path(scratch) / "flat.docx")
        forward_msg(HERE / "winter_forward.msg", docx)
    forward_msg(HERE / "winter_forward_body.msg", None)
    rtf_msg(HERE / "winter_mail_rtf.msg")
    rtf_msg(HERE / "winter_mail_rtf_html.msg", html=True)
    formats8().two_columns_pdf(HERE / "winter_two_columns_ruled.pdf", ruled=True)


# -- probes (EXPECTED.md, "Probes") ------------------------------------------------------------------
def probes(folder: Path) -> None:
    """The probes (EXPECTED.md): written to ``folder``; those that needed a reader fix are committed."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "winter_notice.txt").write_text(formats6().WINTER_NOTICE, encoding="utf-8")
    formats8().two_columns_pdf(folder / "two_columns_ruled.pdf", ruled=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probes"]:
        probes(Path(sys.argv[2]))
    else:
        main()

