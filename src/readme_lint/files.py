"""The one thin I/O layer: read a file into text safely, or say exactly why not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"
_SNIFF = 8192


class FileError(Exception):
    """A file that cannot be linted; the message names the file."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    text: str  # decoded, without the BOM; newlines as in the file
    bom: bool


def read_source(path: Path) -> SourceFile:
    """Read a UTF-8 Markdown file; raise FileError for anything that is not one."""
    try:
        if path.is_dir():
            raise FileError(f"{path}: is a directory, not a Markdown file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except PermissionError:
        raise FileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise FileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data[:_SNIFF]:
        raise FileError(f"{path}: looks like a binary file (NUL bytes), not Markdown")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); "
            "re-save the file as UTF-8"
        ) from None
    bom = text.startswith(BOM)
    return SourceFile(path, text[1:] if bom else text, bom)
