"""An Outlook mail saved as ``.msg`` (MS-OXMSG): its subject, text and attachments (one job: the few
properties a notice needs, read from the OLE compound file).

Why hand-written over extract-msg: extract-msg, the PyPI package that reads .msg files, is GPL-3.0 and
policytag is Apache-2.0, so it cannot be a dependency. A .msg is an OLE compound file whose properties
are streams named ``__substg1.0_<tag><type>``; olefile (BSD, already a dependency for Word 97-2003
files) opens the container, and the handful of properties read here are plain streams:

- ``0x1000`` PR_BODY (the plain text), ``0x1013`` PR_HTML (the HTML text, bytes in the mail's code page);
- each attachment a storage ``__attach_version1.0_#XXXXXXXX`` holding ``0x3707`` its long file name
  (``0x3704`` the 8.3 one, ``0x3001`` its display name when neither is there) and ``0x3701`` its bytes;
- strings are ``001F`` (UTF-16LE) or, in a mail saved by an older non-Unicode Outlook, ``001E`` (bytes in the
  code page of PR_MESSAGE_CODEPAGE ``0x3FFD`` / PR_INTERNET_CPID ``0x3FDE``, kept in ``__properties_version1.0``).

- a mail attached to the mail (Outlook's "forward as attachment", 转发为附件) is no file: its attachment has
  PR_ATTACH_METHOD 5 and holds the message as a storage ``__substg1.0_3701000D`` laid out as a .msg's root
  (its own properties, attachments and code page; its property stream's header is 24 bytes, MS-OXMSG 2.4.1.2).
  It is listed as an attachment named ``<its display name>.msg`` with ``embedded`` set, and read by
  :func:`read_mail` with its storage;
- a mail whose text is kept only as compressed RTF (``0x1009`` PR_RTF_COMPRESSED, no PR_BODY: written by
  some Exchange servers and mail converters, and by Outlook for a rich-text mail) gives its RTF through
  :func:`rtf_body`, decompressed (MS-OXRTFCP) by ``compressed_rtf`` (MIT, pure Python), imported when needed.
"""

from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass
from pathlib import PurePosixPath

_ATTACH_PREFIX = "__attach_version1.0_#"
_PROPERTIES = "__properties_version1.0"
#: a property's stream: ``__substg1.0_`` then its tag and type, 8 hex digits
_SUBSTG = "__substg1.0_{:04X}{}"
_UNICODE, _STRING8, _BINARY = "001F", "001E", "0102"
_BODY, _HTML, _RTF, _SUBJECT = 0x1000, 0x1013, 0x1009, 0x0037
_LONG_NAME, _SHORT_NAME, _DISPLAY_NAME, _DATA = 0x3707, 0x3704, 0x3001, 0x3701
_CODEPAGE_TAGS = (0x3FFD, 0x3FDE)  # PR_MESSAGE_CODEPAGE, PR_INTERNET_CPID
#: the top-level message's property stream header: 32 bytes before its 16-byte entries (MS-OXMSG 2.4.1.1);
#: an embedded message's is 24 (2.4.1.2)
_TOP_HEADER, _EMBEDDED_HEADER = 32, 24
#: an attachment's embedded message (PT_OBJECT); how deep mails attached to mails are followed (a forward of a
#: forward is common; past this a crafted file could only make the reader recurse)
_EMBEDDED = "__substg1.0_3701000D"
_EMBEDDED_DEPTH = 4


class MsgError(ValueError):
    """A file that is no readable Outlook mail; the message is the one-line reason."""


@dataclass(frozen=True)
class Attachment:
    name: str  # the file's name, never a path; an embedded mail's display name with ``.msg``
    storage: str  # its storage in the compound file; an embedded mail's: its message storage
    size: int  # the bytes its data stream holds (0 for an embedded mail)
    embedded: bool = False  # a mail attached to the mail (read with read_mail(path, storage))


@dataclass(frozen=True)
class OutlookMail:
    subject: str
    body: str | None  # PR_BODY
    html: bytes | None  # PR_HTML
    charset: str | None  # the code page the HTML and 8-bit strings are in, as a Python codec name
    attachments: tuple[Attachment, ...]
    rtf_only: bool  # the text is kept only as compressed RTF
    storage: str = ""  # the message's storage: "" the file's own mail, else a mail attached to one


def _open(path):
    """The compound file at ``path`` (olefile), or :class:`MsgError`."""
    import olefile

    try:
        ole = olefile.OleFileIO(str(path))
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise MsgError(f"not a readable Outlook mail (.msg): not an OLE compound file ({type(exc).__name__})") from None
    if not any(entry[0].startswith("__substg1.0_") for entry in ole.listdir(streams=True, storages=False)):
        ole.close()
        raise MsgError("not an Outlook mail (.msg): an OLE file holding no mail properties")
    return ole


def read_mail(path, storage: str = "") -> OutlookMail:
    """The subject, text and attachments (of any format: the caller picks those it reads) of a .msg; with
    ``storage``, of the mail attached in it there (an :class:`Attachment` with ``embedded``)."""
    ole = _open(path)
    with ole:
        try:
            if storage and not ole.exists(storage):
                raise MsgError(f"no attached mail {storage} in the Outlook mail (.msg)")
            charset = _charset(ole, storage)
            names = _attachment_storages(ole, storage)
            attachments = tuple(a for a in (_attachment(ole, name, charset) for name in names) if a is not None)
            return OutlookMail(subject=_string(ole, storage, _SUBJECT, charset) or "",
                               body=_string(ole, storage, _BODY, charset), html=_binary(ole, storage, _HTML),
                               charset=charset, attachments=attachments,
                               rtf_only=_exists(ole, storage, _RTF, _BINARY), storage=storage)
        except (OSError, ValueError, struct.error, IndexError, KeyError) as exc:
            if isinstance(exc, MsgError):
                raise
            raise MsgError(f"damaged Outlook mail (.msg) ({type(exc).__name__}): open it in Outlook, save it as "
                           ".eml or save its attachments, and read those") from None


def rtf_body(path, mail: OutlookMail) -> bytes | None:
    """The mail's compressed RTF text (PR_RTF_COMPRESSED) decompressed, else None; :class:`MsgError` when
    ``compressed_rtf`` is not installed or the stream does not decompress."""
    ole = _open(path)
    with ole:
        data = _binary(ole, mail.storage, _RTF)
    if not data:
        return None
    try:
        from compressed_rtf import decompress
    except ImportError:
        raise MsgError("an Outlook mail whose text is kept only as compressed RTF needs the compressed-rtf "
                       "package: pip install compressed-rtf") from None
    try:
        return decompress(data)
    except Exception as exc:  # noqa: BLE001 - the library raises bare Exception on a bad header or CRC
        raise MsgError(f"damaged compressed RTF text in the Outlook mail (.msg) ({type(exc).__name__}): open it "
                       "in Outlook, save it as .eml and read that") from None


def attachment_data(path, attachment: Attachment) -> bytes:
    """The bytes of ``attachment`` (read only when asked for: the caller checks its size first)."""
    ole = _open(path)
    with ole:
        return ole.openstream(f"{attachment.storage}/{_SUBSTG.format(_DATA, _BINARY)}").read()


def _stream(storage: str, tag: int, kind: str) -> str:
    return f"{storage}/{_SUBSTG.format(tag, kind)}" if storage else _SUBSTG.format(tag, kind)


def _exists(ole, storage: str, tag: int, kind: str) -> bool:
    return ole.exists(_stream(storage, tag, kind))


def _binary(ole, storage: str, tag: int) -> bytes | None:
    name = _stream(storage, tag, _BINARY)
    return ole.openstream(name).read() if ole.exists(name) else None


def _string(ole, storage: str, tag: int, charset: str | None) -> str | None:
    """A string property: UTF-16LE (``001F``), else 8-bit in the mail's code page (``001E``); the NUL a
    writer may end it with dropped."""
    name = _stream(storage, tag, _UNICODE)
    if ole.exists(name):
        return ole.openstream(name).read().decode("utf-16-le", errors="replace").rstrip("\x00")
    name = _stream(storage, tag, _STRING8)
    if ole.exists(name):
        return _decode8(ole.openstream(name).read().rstrip(b"\x00"), charset)
    return None


def _decode8(data: bytes, charset: str | None) -> str:
    """8-bit text in the mail's code page; without one, UTF-8 or else GB18030 (a Chinese Outlook's ANSI)."""
    for encoding in (charset, "utf-8", "gb18030"):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return data.decode("gb18030", errors="replace")


#: Windows code pages whose Python codec is not ``cp<N>``
_CODEPAGES = {65001: "utf-8", 54936: "gb18030", 20936: "gb2312", 936: "gbk", 950: "big5", 1200: "utf-16-le"}


def _charset(ole, storage: str = "") -> str | None:
    """The mail's code page (PR_MESSAGE_CODEPAGE, else PR_INTERNET_CPID) as a codec Python knows, else None."""
    name = f"{storage}/{_PROPERTIES}" if storage else _PROPERTIES
    if not ole.exists(name):
        return None
    data = ole.openstream(name).read()
    found: dict[int, int] = {}
    for at in range(_EMBEDDED_HEADER if storage else _TOP_HEADER, len(data) - 15, 16):
        tag, kind = struct.unpack_from("<HH", data, at)[::-1]
        if kind == 0x0003 and tag in _CODEPAGE_TAGS:  # PT_LONG: the value in the entry's first 4 bytes
            found[tag] = struct.unpack_from("<I", data, at + 8)[0]
    for tag in _CODEPAGE_TAGS:
        if tag in found:
            name = _CODEPAGES.get(found[tag], f"cp{found[tag]}")
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


def _attachment_storages(ole, storage: str = "") -> list[str]:
    """The attachment storages of the message at ``storage`` (full paths), in their number's order (the order
    Outlook shows them)."""
    depth = storage.count("/") + 1 if storage else 0
    if depth > 2 * _EMBEDDED_DEPTH:
        return []  # each level of mails attached to mails is two storages deep
    prefix = storage.split("/") if storage else []
    names = {entry[depth] for entry in ole.listdir(streams=False, storages=True)
             if len(entry) == depth + 1 and entry[:depth] == prefix and entry[depth].startswith(_ATTACH_PREFIX)}
    ordered = sorted(names, key=lambda n: int(n[len(_ATTACH_PREFIX):], 16) if _is_hex(n[len(_ATTACH_PREFIX):]) else 0)
    return [f"{storage}/{name}" if storage else name for name in ordered]


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return True


def _attachment(ole, storage: str, charset: str | None) -> Attachment | None:
    """An attached file (its name and size) or mail (``embedded``); None for one holding neither (a link)."""
    data = f"{storage}/{_SUBSTG.format(_DATA, _BINARY)}"
    if not ole.exists(data):
        return _embedded(ole, storage, charset)
    name = next((n for n in (_string(ole, storage, tag, charset) for tag in (_LONG_NAME, _SHORT_NAME, _DISPLAY_NAME))
                 if n and n.strip()), None)
    if name is None:
        return None
    return Attachment(name=PurePosixPath(name.replace("\\", "/")).name, storage=storage, size=ole.get_size(data))


#: what cannot stand in an attached mail's name: a path's separators, and the ``!`` that names a member
_NOT_IN_NAME = str.maketrans({"/": "_", "\\": "_", "!": "_", "\x00": ""})


def mail_file_name(subject: str, fallback: str, suffix: str) -> str:
    """An attached mail's name as a file: its subject (a path's separators and the ``!`` that names a member made
    ``_``), else ``fallback``, with ``suffix`` (``.msg``, ``.eml``) as a mail program saves it."""
    name = subject.translate(_NOT_IN_NAME).strip() or fallback
    return name if name.lower().endswith(suffix) else name + suffix


def _embedded(ole, storage: str, charset: str | None) -> Attachment | None:
    """A mail attached to the mail: named by its display name (Outlook writes the attached mail's subject
    there), else its own subject, else its storage's number; ``.msg`` added, as Outlook names it when saved."""
    message = f"{storage}/{_EMBEDDED}"
    if not ole.exists(message) or ole.get_type(message) != 1:  # olefile's STGTY_STORAGE
        return None
    name = (_string(ole, storage, _DISPLAY_NAME, charset) or _string(ole, message, _SUBJECT, _charset(ole, message))
            or "")
    name = mail_file_name(name, f"附件{storage.rsplit('#', 1)[-1].lstrip('0') or '0'}", ".msg")
    return Attachment(name=name, storage=message, size=0, embedded=True)
