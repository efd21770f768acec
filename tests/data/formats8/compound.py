"""A minimal writer of OLE compound files (MS-CFB, version 3: 512-byte sectors), for the test mails.

Why hand-written: olefile, the project's reader, cannot create a file, and no well-kept PyPI package writes
one (the Outlook writers are GPL or write their own formats); a .msg for the tests is a few streams in
storages, which MS-CFB lays out as below. Streams under 4,096 bytes go in the mini stream (64-byte mini
sectors), as every writer puts them and every reader (olefile included) looks for them.
"""

from __future__ import annotations

import struct

SECTOR, MINI_SECTOR, MINI_CUTOFF = 512, 64, 4096
FREE, END, FAT_SECT, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b""):
        self.name, self.kind, self.data = name, kind, data
        self.children: dict[str, _Entry] = {}
        self.start, self.size = END, 0
        self.left = self.right = self.child = NO_STREAM


def _tree(streams: dict[str, bytes]) -> _Entry:
    """The storages and streams named by ``a/b/c`` paths, under the root entry."""
    root = _Entry("Root Entry", ROOT)
    for path, data in streams.items():
        node = root
        *storages, leaf = path.split("/")
        for name in storages:
            node = node.children.setdefault(name, _Entry(name, STORAGE))
        node.children[leaf] = _Entry(leaf, STREAM, data)
    return root


def _order(entry: _Entry) -> tuple[int, str]:
    """MS-CFB's sibling order: shorter names first, then by upper-cased name."""
    return len(entry.name), entry.name.upper()


def _number(root: _Entry) -> list[_Entry]:
    """Every entry in directory order (the root first), each storage's children linked as a balanced tree."""
    entries = [root]

    def link(storage: _Entry) -> None:
        kids = sorted(storage.children.values(), key=_order)
        for kid in kids:
            entries.append(kid)
        ids = {id(kid): len(entries) - len(kids) + k for k, kid in enumerate(kids)}

        def balance(items: list[_Entry]) -> int:
            if not items:
                return NO_STREAM
            mid = len(items) // 2
            node = items[mid]
            node.left, node.right = balance(items[:mid]), balance(items[mid + 1:])
            return ids[id(node)]

        storage.child = balance(kids)
        for kid in kids:
            if kid.kind == STORAGE:
                link(kid)

    link(root)
    return entries


def _chain_sectors(size: int, unit: int) -> int:
    return -(-size // unit)


def compound_file(streams: dict[str, bytes]) -> bytes:
    """The bytes of a compound file holding ``streams`` (``storage/…/stream`` -> data)."""
    root = _tree(streams)
    entries = _number(root)
    small = [e for e in entries if e.kind == STREAM and 0 < len(e.data) < MINI_CUTOFF]
    big = [e for e in entries if e.kind == STREAM and len(e.data) >= MINI_CUTOFF]
    mini, minifat = bytearray(), []
    for e in small:  # each small stream a chain of mini sectors in the mini stream
        e.start, e.size = len(mini) // MINI_SECTOR, len(e.data)
        count = _chain_sectors(len(e.data), MINI_SECTOR)
        minifat += [e.start + k + 1 for k in range(count - 1)] + [END]
        mini += e.data + bytes(count * MINI_SECTOR - len(e.data))
    for e in entries:
        if e.kind == STREAM and not e.data:
            e.start, e.size = END, 0
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat) if minifat else b""
    directory = len(entries) * 128
    blobs: list[tuple[str, int]] = [("directory", directory), ("mini", len(mini)), ("minifat", len(minifat_bytes))]
    blobs += [(str(k), len(e.data)) for k, e in enumerate(big)]
    data_sectors = sum(_chain_sectors(size, SECTOR) for _, size in blobs)
    fat_count = 1
    while fat_count * (SECTOR // 4) < fat_count + data_sectors:
        fat_count += 1
    assert fat_count <= 109, "too big for a header-only DIFAT"
    fat = [FAT_SECT] * fat_count
    start: dict[str, int] = {}
    for name, size in blobs:
        count = _chain_sectors(size, SECTOR)
        start[name] = len(fat) if count else END
        fat += [len(fat) + k + 1 for k in range(count - 1)] + ([END] if count else [])
    fat += [FREE] * (fat_count * (SECTOR // 4) - len(fat))
    root.start, root.size = (start["mini"], len(mini)) if mini else (END, 0)
    for k, e in enumerate(big):
        e.start, e.size = start[str(k)], len(e.data)
    body = {"directory": b"".join(_entry_bytes(e) for e in entries), "mini": bytes(mini), "minifat": minifat_bytes}
    body.update({str(k): e.data for k, e in enumerate(big)})
    out = bytearray(_header(fat_count, start["directory"], start["minifat"], _chain_sectors(len(minifat_bytes), SECTOR)))
    out += struct.pack(f"<{len(fat)}I", *fat)
    for name, size in blobs:
        if size:
            out += body[name] + bytes(_chain_sectors(size, SECTOR) * SECTOR - size)
    return bytes(out)


def _header(fat_count: int, directory: int, minifat: int, minifat_count: int) -> bytes:
    difat = list(range(fat_count)) + [FREE] * (109 - fat_count)
    return (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
            + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, fat_count, directory, 0, MINI_CUTOFF,
                          minifat, minifat_count, END, 0)
            + struct.pack("<109I", *difat))


def _entry_bytes(e: _Entry) -> bytes:
    name = e.name.encode("utf-16-le") + b"\x00\x00"
    assert len(name) <= 64, e.name
    return (name + bytes(64 - len(name))
            + struct.pack("<HBBIII", len(name), e.kind, 1, e.left, e.right, e.child)
            + bytes(16) + bytes(4) + bytes(16) + struct.pack("<IQ", 0 if e.kind == STORAGE else e.start, e.size))
