"""Fields that carry their own declaration: ``name: Annotated[type, meta] = default`` on a
NamedTuple. The configuration keys (config.Key) and the command-line options
(cli.options.Opt) are declared this way, once each, and read back here."""

from collections.abc import Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def declared(record: Any, kind: type[T]) -> Iterator[tuple[str, T, object]]:
    """(field, its ``kind`` declaration, its default) for each declared field, in order."""
    defaults = record._field_defaults
    for field, annotation in record.__annotations__.items():
        for meta in getattr(annotation, "__metadata__", ()):  # Annotated[type, meta]
            if isinstance(meta, kind):
                yield field, meta, defaults.get(field)
