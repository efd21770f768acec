"""Small I/O helpers shared by every command: output-path checks, atomic writes and JSONL.

``check_output_path`` is what every command that writes calls *before any work*, so a bad ``-o``
fails in a second rather than after a long run. ``atomic_write`` never leaves a partial file and
never renames over anything but a regular file: a device, FIFO or a symlink to one (``-o
/dev/stdout``) is written through, after the whole output has been produced.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

from policytag import PolicytagError

# Output that goes to a special file is buffered (in memory up to this size, then on disk) and
# streamed through only on success, so a failure writes nothing there either.
_SPOOL_BYTES = 8 * 2**20


def _umask() -> int:
    """The process umask without changing it (``os.umask`` can only be read by setting it, which
    is racy with threads); falls back to the set-and-restore trick where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_STREAMS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/")


def _is_special(path: Path) -> bool:
    """Does ``path`` exist as something other than a regular file or directory (following links)?
    ``/dev/stdout`` and other open-descriptor paths always count: whatever the shell redirected
    them to (a file opened for appending, say) must be written through, not replaced."""
    if str(path) in _STREAMS[:2] or str(path).startswith(_STREAMS[2:]):
        return os.path.exists(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _probe_writable(directory: Path, shown: str) -> None:
    # os.access is not enough: root passes it on read-only mounts, and /proc accepts no new files
    try:
        fd, probe = tempfile.mkstemp(prefix=".policytag-", suffix=".probe", dir=directory)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise PolicytagError(f"{shown}: output directory {directory} is not writable "
                             f"({exc.strerror or type(exc).__name__})") from None


def _writable_by_mode(st: os.stat_result) -> bool:
    """Do the mode bits let this process write the file? Root (CAP_DAC_OVERRIDE) could write a
    0444 file anyway; the bits say the user meant it read-only, so they decide, not ``os.access``."""
    if st.st_uid == os.geteuid():
        return bool(st.st_mode & stat.S_IWUSR)
    if st.st_gid == os.getegid() or st.st_gid in os.getgroups():
        return bool(st.st_mode & stat.S_IWGRP)
    return bool(st.st_mode & stat.S_IWOTH)


def check_output_path(path: str | os.PathLike, kind: str = "file", overwrite: bool = True,
                      make_parents: bool = False, force: bool = False) -> None:
    """Fail (one-line ``PolicytagError``) before any work when ``path`` cannot be written.

    ``kind="file"``: not a directory, parent directory exists and accepts files; an existing
    character device or FIFO (``/dev/stdout``) is fine — ``atomic_write`` writes through it — but
    a block device or socket is refused. ``kind="dir"`` (a run or model directory built by
    ``atomic_dir``): not an existing file, not an existing directory unless ``overwrite``, and the
    nearest existing ancestor is a writable directory (missing parents are created). ``make_parents``
    lets a file's missing parent directories be created too (the command makes them). An existing
    regular file whose mode bits give this process no write permission (``chmod 444``) is refused
    unless ``force``: replacing it would silently override what its owner asked for (root passes
    every permission check, so the bits are read, not ``os.access``).
    """
    shown = str(path)
    p = Path(path)
    if kind == "file" and make_parents and not p.parent.exists():
        check_output_path(p.parent, kind="dir")
        return
    if kind == "dir":
        if p.exists() and not p.is_dir():
            raise PolicytagError(f"{shown}: exists and is not a directory")
        if p.is_dir() and not overwrite:
            raise PolicytagError(f"{shown}: already exists (use --force to replace it)")
        ancestor = p.parent if str(p.parent) else Path(".")
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise PolicytagError(f"{shown}: {ancestor} is not a directory")
        _probe_writable(ancestor, shown)
        return
    if p.is_dir():
        raise PolicytagError(f"{shown}: is a directory; give a file name for the output")
    if _is_special(p):
        mode = os.stat(p).st_mode
        if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode) or stat.S_ISDIR(mode):
            raise PolicytagError(f"{shown}: is a special file (block device or socket); cannot write a report there")
        if not os.access(p, os.W_OK):
            raise PolicytagError(f"{shown}: not writable")
        return
    if not overwrite and p.exists():
        raise PolicytagError(f"{shown}: already exists (use --force to replace it)")
    if not force and p.is_file() and not _writable_by_mode(os.stat(p)):
        raise PolicytagError(f"{shown}: read-only file (mode {stat.S_IMODE(os.stat(p).st_mode):04o}); "
                             "make it writable first, or replace it with --force (tag, segment, annotate pull)")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        what = "is not a directory" if parent.exists() else "does not exist"
        raise PolicytagError(f"{shown}: output directory {parent} {what}")
    _probe_writable(parent, shown)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[Any]:
    """Write to a temporary file beside ``path`` and rename it into place only on success.

    A failure (or Ctrl-C) leaves any previous file untouched and no partial file behind. A file
    that replaces another keeps that file's mode (a 0600 output stays 0600); a new file gets
    ``0666 & ~umask`` like any file the user creates. A symlink to a regular file is
    kept: its target is replaced. A character device or FIFO (``/dev/stdout``, a named pipe) is
    never renamed over: the output is buffered and written through it on success.
    """
    shown = path
    path = Path(path)
    if _is_special(path):  # before resolving links: /dev/stdout -> /proc/self/fd/1 -> "pipe:[…]"
        with _write_through(path, shown, mode, encoding) as fh:
            yield fh
        return
    if path.is_symlink() and path.exists():
        path = Path(os.path.realpath(path))  # replace the target, keep the link
    if path.is_dir():
        raise PolicytagError(f"{shown}: is a directory; give a file name for the output")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise PolicytagError(f"{shown}: output directory {parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise PolicytagError(f"{shown}: output directory {parent} is not writable "
                             f"({exc.strerror or type(exc).__name__})") from None
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, output_mode(path))  # mkstemp creates 0600; give the file the mode it should have
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def output_mode(path: str | os.PathLike) -> int:
    """The permission bits a file written to ``path`` gets: those of the regular file it replaces,
    else ``0666 & ~umask`` (what ``open`` would give a new file)."""
    try:
        st = os.stat(path)
    except OSError:
        return 0o666 & ~_umask()
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else 0o666 & ~_umask()


def _identity(path: str | os.PathLike) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def refuse_input_as_output(output: str | os.PathLike | None, inputs: Iterable[str | os.PathLike],
                           suffixes: Iterable[str] | None = None) -> None:
    """One-line error, before any work, when ``output`` is one of the ``inputs`` however it is
    spelled: the same file by device and inode (``os.path.samefile``), so ``./x/../n.txt``, a
    symlink or a hard link to an input count too. Directories among the inputs are walked for the
    files a run would read (``suffixes``, lower case; every file when None). ``-`` (stdin) and an
    output that does not exist yet are never an input."""
    if not output or str(output) == "-" or _is_special(Path(output)):
        return
    out_id = _identity(output)
    if out_id is None:
        return
    wanted = tuple(s.lower() for s in suffixes) if suffixes is not None else None
    for raw in inputs:
        if raw is None or str(raw) == "-":
            continue
        if _identity(raw) == out_id:
            raise PolicytagError(f"{output}: is the input file {raw}; writing there would destroy the input "
                                 "(give another -o)")
        if os.path.isdir(raw):
            for root, _dirs, files in os.walk(raw):
                for name in files:
                    if wanted is not None and not name.lower().endswith(wanted):
                        continue
                    f = os.path.join(root, name)
                    if _identity(f) == out_id:
                        raise PolicytagError(f"{output}: is the input file {f} (in {raw}); writing there would "
                                             "destroy the input (give another -o)")


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output and flush it, so a full disk or ``> /dev/full`` is a
    one-line error naming ``<stdout>`` rather than a bare "No space left on device" (or an error
    at interpreter exit)."""
    import sys

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        # what is still buffered would fail again at interpreter exit ("Exception ignored …"):
        # point descriptor 1 at /dev/null so that last flush succeeds quietly
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise PolicytagError(f"<stdout>: cannot write ({exc.strerror or type(exc).__name__})") from None


@contextlib.contextmanager
def _write_through(path: Path, shown, mode: str, encoding: str | None) -> Iterator[Any]:
    st_mode = os.stat(path).st_mode
    if stat.S_ISBLK(st_mode) or stat.S_ISSOCK(st_mode) or stat.S_ISDIR(st_mode):
        raise PolicytagError(f"{shown}: is a special file (block device or socket); cannot write there")
    binary = "b" in mode
    spool_mode = "w+b" if binary else "w+"
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode=spool_mode,
                                       encoding=None if binary else encoding) as buf:
        yield buf
        buf.seek(0)
        try:
            # "a" rather than "w": no O_TRUNC, which devices ignore and some refuse
            with open(path, "ab" if binary else "a", encoding=None if binary else encoding) as out:
                shutil.copyfileobj(buf, out)
        except OSError as exc:
            raise PolicytagError(f"{shown}: cannot write ({exc.strerror or type(exc).__name__})") from None


def _host() -> str:
    """This machine's name as a scratch directory carries it (letters and digits only: no ``-``)."""
    import socket

    return "".join(ch for ch in socket.gethostname() if ch.isalnum())[:32] or "host"


def owner_tag() -> str:
    """``HOST-PID-``: what a scratch directory's name starts with (after its prefix), so a later run can
    tell one whose process died without cleaning up (``kill -9``, a power cut) from one in progress."""
    return f"{_host()}-{os.getpid()}-"


def sweep_stale(parent: Path, prefix: str, suffix: str = ".tmp") -> None:
    """Remove ``parent/PREFIX HOST-PID-*SUFFIX`` scratch directories of this host whose process is gone.

    Only this host's (another machine's process on a shared disk cannot be asked) and only names with
    ``owner_tag``'s shape (a directory of an older version, or someone else's, is left alone)."""
    host = _host()
    try:
        entries = list(parent.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(suffix) and entry.is_dir()):
            continue
        parts = name[len(prefix):].split("-", 2)
        if len(parts) < 3 or parts[0] != host or not parts[1].isdigit():
            continue
        if not _alive(int(parts[1])):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Is process ``pid`` running (signal 0 checks, sends nothing)? One we may not signal is alive."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike, overwrite: bool = False) -> Iterator[Path]:
    """Build a directory in a temporary sibling and move it to ``path`` only when complete.

    The directory gets ``0777 & ~umask`` (``mkdtemp`` makes it private, 0700).
    """
    path = Path(path)
    check_output_path(path, kind="dir", overwrite=overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(path.parent, f".{path.name}.")
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.{owner_tag()}", suffix=".tmp", dir=path.parent))
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        yield tmp
        if path.exists():
            old = path.with_name(f".{path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_jsonl(path: str | os.PathLike, rows: Iterable[dict]) -> int:
    """Atomically write rows as UTF-8 JSON lines; returns the number of rows."""
    n = 0
    with atomic_write(path) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: str | os.PathLike) -> list[dict]:
    """Read JSON lines; a malformed line raises PolicytagError naming the file and line."""
    rows = []
    path = Path(path)
    if not path.exists():
        raise PolicytagError(f"{path}: no such file")
    with path.open(encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PolicytagError(f"{path}:{lineno}: malformed JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise PolicytagError(f"{path}:{lineno}: expected a JSON object")
            rows.append(row)
    return rows
