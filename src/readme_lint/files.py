"""The one thin I/O layer: read a file into text safely, or say exactly why not."""

import os
import stat
from pathlib import Path
from typing import NamedTuple

BOM = "\ufeff"


class FileError(Exception):
    """A file that cannot be linted; the message names the file."""


class SourceFile(NamedTuple):
    path: Path
    text: str  # decoded, without the BOM; newlines as in the file
    bom: bool
    stdin: bool = False  # piped in: a fix goes to stdout, never to a file
    data: bytes = b""  # the bytes read: a write first checks the file still holds them


def read_source(path: Path, *, for_writing: bool = False) -> SourceFile:
    """Read a UTF-8 Markdown file; raise FileError for anything that is not one.

    ``for_writing`` also refuses a symbolic link: replacing it would turn the link
    into a regular file and leave its target unfixed.
    """
    if for_writing and path.is_symlink():
        raise FileError(f"{path}: is a symbolic link; run --fix on the file it points to")
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise FileError(f"{path}: is a directory, not a Markdown file")
        if not stat.S_ISREG(mode):  # a device or a pipe may never end
            raise FileError(f"{path}: is not a regular file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except PermissionError:
        raise FileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise FileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode_source(path, data)


def read_stdin(name: Path) -> SourceFile:
    """Markdown piped in (the ``-`` argument); ``name`` is what messages call it."""
    import sys

    return decode_source(name, sys.stdin.buffer.read())._replace(stdin=True)


_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def decode_source(path: Path, data: bytes) -> SourceFile:
    """UTF-8 Markdown from bytes, or a FileError naming ``path`` and the problem."""
    if data.startswith(_UTF16):
        raise FileError(f"{path}: is UTF-16 (it starts with a UTF-16 BOM); re-save it as UTF-8")
    if b"\x00" in data:  # anywhere: a NUL past the first KiBs is binary all the same
        raise FileError(f"{path}: looks like a binary file (NUL bytes), not Markdown")
    if b"\r" in data and b"\n" not in data:
        # GitHub reads a lone CR as a line end; every line and column here is LF-based.
        raise FileError(
            f"{path}: has only CR line endings (classic Mac OS); convert them to LF or CRLF"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); "
            "re-save the file as UTF-8"
        ) from None
    bom = text.startswith(BOM)
    return SourceFile(path, text[1:] if bom else text, bom, data=data)


def write_source(source: SourceFile, text: str) -> bool:
    """Write ``text`` over ``source.path`` if it differs; return whether it wrote.

    The BOM and the file's permissions are kept (:func:`replace_file`); the newline
    style is whatever ``text`` holds (the fixer keeps the file's own).
    """
    if text == source.text:
        return False
    data = ((BOM if source.bom else "") + text).encode("utf-8")
    _still_as_read(source)
    try:
        replace_file(source.path, data)
    except OSError as exc:
        raise FileError(
            f"{source.path}: cannot write: {exc.strerror or exc}; the file is unchanged"
        ) from None
    return True


def _still_as_read(source: SourceFile) -> None:
    """Refuse to write over an edit made while we worked (another process, an editor's
    save), or to re-create a file deleted meanwhile."""
    try:
        now = source.path.read_bytes()
    except FileNotFoundError:
        raise FileError(
            f"{source.path}: was deleted while it was being fixed; nothing written"
        ) from None
    except OSError as exc:
        raise FileError(f"{source.path}: cannot read: {exc.strerror or exc}") from None
    if now != source.data:
        raise FileError(
            f"{source.path}: changed while it was being fixed; nothing written (run --fix again)"
        )


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: into a temporary file in the same folder,
    which then replaces ``path`` at once, so a failure at any point leaves the old file
    (or none) as it was. An existing file's permissions, owner and group are kept; a new
    file gets what the umask allows. A file with other hard links, or whose owner the
    temporary file cannot be given (another user's file, not running as root), is
    written in place instead: replacing it would split the links or hand the file to
    us. Raises ``OSError``."""
    import tempfile  # only writing needs it

    try:
        old: os.stat_result | None = path.stat()
    except FileNotFoundError:
        old = None
    if old is not None and old.st_nlink > 1:
        _write_in_place(path, data)
        return
    mode = stat.S_IMODE(old.st_mode) if old is not None else _new_mode()
    handle, temp_name = tempfile.mkstemp(
        dir=path.resolve().parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temp.chmod(mode)
        if old is not None and not _same_owner(temp, old):
            _write_in_place(path, data)
            return
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)  # gone already after a successful replace


def _same_owner(temp: Path, old: os.stat_result) -> bool:
    """Give the temporary file the old file's owner and group; False when that is not
    allowed (only root may give a file away)."""
    made = temp.stat()
    if (made.st_uid, made.st_gid) == (old.st_uid, old.st_gid):
        return True
    try:
        os.chown(temp, old.st_uid, old.st_gid)
    except (PermissionError, AttributeError):  # AttributeError: no chown on Windows
        return False
    return True


def _write_in_place(path: Path, data: bytes) -> None:
    """Overwrite the file itself (its inode, links, owner and permissions stay)."""
    with path.open("r+b") as out:
        out.write(data)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def _new_mode() -> int:
    """The permissions a new file gets: what the umask allows."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
