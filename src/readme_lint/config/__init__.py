"""Configuration: ``[tool.readme-lint]`` in pyproject.toml or a ``.readme-lint.toml``.

A ``.readme-lint.toml`` holds the same keys at its top level. Discovery walks
up from the linted file's folder; the first folder with either file wins
(``.readme-lint.toml`` before ``pyproject.toml``), and a pyproject.toml without
a ``[tool.readme-lint]`` table is passed over.
"""

import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, NamedTuple

from readme_lint.core.diagnostics import Severity
from readme_lint.core.slug import strip_shortcodes
from readme_lint.declared import declared

FIELDS = ("title", "authors", "link", "summary")

DEFAULT_PLACEHOLDERS = (
    "???",
    "!!!! README !!!!",
    "TODO",
    "TBD",
    "TBA",
    "WIP",
    "FIXME",
    "...",
    "N/A",
    "Coming soon",
)
DEFAULT_TOC_EXCLUDE = (
    "Contributing",
    "Contributions",
    "Contribute",
    "How to Contribute",
    "License",
    "Licence",
    # Back matter: what a list says about itself, not a part of its papers.
    "Citation",
    "Citations",
    "Cite",
    "Cite Us",
    "Contact",
    "Contacts",
    "Contact Us",
    "Acknowledgement",
    "Acknowledgements",
    "Acknowledgment",
    "Acknowledgments",
    "Contributors",
    "Star History",
    "Feedback",
)


def section_key(heading: str) -> str:
    """How section names compare: case-insensitive, emoji shortcodes and padding ignored."""
    return strip_shortcodes(heading).strip().casefold()


def toml_string(value: str) -> str:
    """A TOML basic string (what the hints and --init write)."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(toml_string(item) for item in items) + "]"


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


class SectionSchema(NamedTuple):
    require: frozenset[str]


class HostSettings(NamedTuple):
    """Per-host link-check settings (``[tool.readme-lint.link-hosts."arxiv.org"]``)."""

    max_in_flight: int | None = None  # None: the built-in default for the host
    min_interval: float | None = None  # seconds between request starts
    # Extra request headers; "${NAME}" in a value is read from the environment at
    # check time, so tokens live in CI secrets, never in the file or the output.
    headers: Mapping[str, str] = MappingProxyType({})


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _string(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: '{key}' must be a non-empty string")
    return value


def _patterns(value: Any, key: str, where: str) -> tuple[str, ...]:
    from readme_lint.config.globs import problem

    patterns = _strings(value, key, where)
    for pattern in patterns:
        why = problem(pattern)
        if why:
            raise ConfigError(f"{where}: '{key}' has {why}: {pattern!r}")
    return patterns


def _per_file_ignores(value: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of \"pattern\" = [rules]")
    out = []
    for pattern, rules in value.items():
        key = f'per-file-ignores."{pattern}"'
        _patterns(pattern, key, where)
        out.append((pattern, _strings(rules, key, where)))
    return tuple(out)


def _require(value: Any, key: str, where: str) -> frozenset[str]:
    items = _strings(value, key, where)
    unknown = sorted(set(items) - set(FIELDS))
    if unknown:
        raise ConfigError(
            f"{where}: '{key}' has unknown field {unknown[0]!r} (known: {', '.join(FIELDS)})"
        )
    return frozenset(items)


def _severities(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: \'severity\' must be a table of rule = "error" | "warning"')
    out = {}
    for selector, level in value.items():
        try:
            out[selector] = Severity(level)
        except ValueError:
            raise ConfigError(
                f'{where}: \'severity.{selector}\' must be "error" or "warning", not {level!r}'
            ) from None
    return out


def _sections(value: Any, where: str) -> dict[str, SectionSchema]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'sections' must be a table of section names")
    out = {}
    for name, body in value.items():
        key = f'sections."{name}"'
        if not isinstance(body, dict):
            raise ConfigError(f"{where}: '{key}' must be a table with 'require'")
        extra = sorted(set(body) - {"require"})
        if extra:
            raise ConfigError(f"{where}: unknown key '{key}.{extra[0]}' (known: require)")
        if "require" not in body:
            raise ConfigError(f"{where}: '{key}' needs 'require', the list of required fields")
        out[section_key(name)] = SectionSchema(_require(body["require"], f"{key}.require", where))
    return out


def _bool(value: Any, key: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: '{key}' must be true or false")
    return value


def _choice(value: Any, key: str, where: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        known = " or ".join(f'"{c}"' for c in choices)
        raise ConfigError(f"{where}: '{key}' must be {known}, not {value!r}")
    return str(value)


def _number(value: Any, key: str, where: str, minimum: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise ConfigError(f"{where}: '{key}' must be a number >= {minimum:g}")
    return float(value)


def _count(value: Any, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: '{key}' must be a whole number >= 1")
    return value


def _url(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: '{key}' must be an http(s) URL")
    return value


def parse_remap(rule: str, where: str) -> tuple[str, str]:
    """``"REGEX REPLACEMENT"`` (as lychee's --remap) -> (regex, replacement), validated."""
    import re

    parts = rule.split()
    if len(parts) != 2:
        raise ConfigError(f"{where}: remap {rule!r} must be 'REGEX REPLACEMENT'")
    try:
        re.compile(parts[0])
    except re.error as exc:
        raise ConfigError(f"{where}: remap {rule!r}: bad regular expression: {exc}") from None
    return parts[0], parts[1]


_HOST_KEYS = {"max-in-flight", "min-interval", "headers"}


def _hosts(value: Any, where: str) -> dict[str, HostSettings]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'link-hosts' must be a table of host tables")
    out = {}
    for host, body in value.items():
        key = f'link-hosts."{host}"'
        if not isinstance(body, Mapping):
            raise ConfigError(f"{where}: '{key}' must be a table")
        extra = sorted(set(body) - _HOST_KEYS)
        if extra:
            known = ", ".join(sorted(_HOST_KEYS))
            raise ConfigError(f"{where}: unknown key '{key}.{extra[0]}' (known: {known})")
        headers = body.get("headers", {})
        if not isinstance(headers, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
        ):
            raise ConfigError(f"{where}: '{key}.headers' must be a table of strings")
        out[str(host).lower()] = HostSettings(
            _count(body["max-in-flight"], f"{key}.max-in-flight", where)
            if "max-in-flight" in body
            else None,
            _number(body["min-interval"], f"{key}.min-interval", where, 0)
            if "min-interval" in body
            else None,
            dict(headers),
        )
    return out


class Key(NamedTuple):
    """One configuration key: how it is written, read (validated) and documented. It is
    declared on the field it sets (``Annotated[type, Key(...)]``): the field's type and
    default are the key's."""

    name: str  # as written in the TOML table
    parse: Callable[[Any, str, str], Any]  # (value, key, where) -> the field's value
    doc: str
    implies: tuple[tuple[str, Any], ...] = ()  # other fields set when the key is written


class LinkSettings(NamedTuple):
    """``--check-links`` and its knobs."""

    check: Annotated[
        bool,
        Key(
            "check-links",
            _bool,
            "Check that links are alive (as --check-links).",
        ),
    ] = False
    strict: Annotated[
        bool,
        Key(
            "strict-links",
            _bool,
            "Links that could not be verified fail the run too (as --strict-links).",
        ),
    ] = False  # unverifiable links fail the run too
    timeout: Annotated[
        float,
        Key(
            "links-timeout",
            lambda v, k, w: _number(v, k, w, 1),
            "Deadline for the whole link check, in seconds.",
        ),
    ] = 120.0  # the whole check's deadline, seconds
    workers: Annotated[
        int,
        Key(
            "link-workers",
            _count,
            "How many link checks run at once.",
        ),
    ] = 32
    hosts: Annotated[
        Mapping[str, HostSettings],
        Key(
            "link-hosts",
            lambda v, k, w: _hosts(v, w),
            "Per-host budgets and request headers.",
        ),
    ] = MappingProxyType({})
    cache: Annotated[
        str | None,
        Key(
            "link-cache",
            _string,
            "Where the link cache is kept.",
        ),
    ] = None  # path; None: .readme-lint-cache/links.sqlite beside the config
    no_cache: bool = False
    remap: Annotated[
        tuple[tuple[str, str], ...],
        Key(
            "remap",
            lambda v, k, w: tuple(parse_remap(r, w) for r in _strings(v, k, w)),
            "Check matching URLs at another address: 'REGEX REPLACEMENT'.",
        ),
    ] = ()  # (regex, replacement): check elsewhere
    arxiv_api: Annotated[
        str,
        Key(
            "arxiv-api",
            _url,
            "The arXiv API's address.",
        ),
    ] = "https://export.arxiv.org/api/query"
    github_api: Annotated[
        str,
        Key(
            "github-api",
            _url,
            "GitHub's GraphQL API's address.",
        ),
    ] = "https://api.github.com/graphql"
    allow_private: Annotated[
        bool,
        Key(
            "allow-private",
            _bool,
            "Let the link check reach loopback and private addresses.",
        ),
    ] = False


class Config(NamedTuple):
    select: Annotated[
        tuple[str, ...] | None,
        Key(
            "select",
            _strings,
            "Rule selection: codes, prefixes, names or ALL.",
        ),
    ] = None  # None: every rule on by default
    extend_select: Annotated[
        tuple[str, ...],
        Key(
            "extend-select",
            _strings,
            "Rules added to the selection.",
        ),
    ] = ()
    ignore: Annotated[
        tuple[str, ...],
        Key(
            "ignore",
            _strings,
            "Rules turned off.",
        ),
    ] = ()
    severity: Annotated[
        Mapping[str, Severity],
        Key(
            "severity",
            lambda v, k, w: _severities(v, w),
            'Per-rule severity, "error" or "warning".',
        ),
    ] = MappingProxyType({})  # selector -> severity
    read_marker: Annotated[
        str,
        Key(
            "read-marker",
            _string,
            "The read marker after a title.",
        ),
    ] = ":zap:"
    placeholders: Annotated[
        tuple[str, ...],
        Key(
            "placeholders",
            _strings,
            "Summaries that are placeholders.",
        ),
    ] = DEFAULT_PLACEHOLDERS
    labels: Annotated[
        tuple[str, ...],
        Key(
            "labels",
            _strings,
            "Canonical link labels.",
        ),
    ] = ()  # canonical link labels; empty: most common spelling
    toc_exclude: Annotated[
        tuple[str, ...],
        Key(
            "toc-exclude",
            _strings,
            "Headings not expected in the TOC.",
        ),
    ] = DEFAULT_TOC_EXCLUDE
    sections: Annotated[
        Mapping[str, SectionSchema],
        Key(
            "sections",
            lambda v, k, w: _sections(v, w),
            "Sections with their own entry schema.",
        ),
    ] = MappingProxyType({})  # by section_key()
    require: Annotated[
        frozenset[str],
        Key(
            "require",
            _require,
            "Fields every entry needs.",
            implies=(("require_is_set", True),),
        ),
    ] = frozenset(FIELDS)
    require_is_set: bool = False  # `require` written in the configuration, not the default
    unsafe_fixes: Annotated[
        bool,
        Key(
            "unsafe-fixes",
            _bool,
            "Also apply fixes that guess (as --unsafe-fixes).",
        ),
    ] = False  # apply fixes that guess (TOC insertions, retargeting)
    duplicates: Annotated[
        str,
        Key(
            "duplicates",
            lambda v, k, w: _choice(v, k, w, ("auto", "file", "section")),
            'Where a repeated paper counts: "auto", "file" or "section".',
        ),
    ] = "auto"  # anywhere, unless cross-listing is the habit; anywhere; or in one section
    links: LinkSettings = LinkSettings()
    strict: Annotated[
        bool,
        Key(
            "strict",
            _bool,
            "Warnings fail the run too (as --strict).",
        ),
    ] = False  # warnings fail the run too
    # Findings recorded there are not reported (readme_lint.adopt.baseline); a path relative
    # to the configuration file's folder (``root``).
    baseline: Annotated[
        str | None,
        Key(
            "baseline",
            _string,
            "A baseline file of findings not to report.",
        ),
    ] = None
    # Patterns (readme_lint.config.globs) of files not to lint, and of files where some rules are
    # off; relative to ``root``.
    exclude: Annotated[
        tuple[str, ...],
        Key(
            "exclude",
            _patterns,
            "Files not to lint (.gitignore patterns).",
        ),
    ] = ()
    per_file_ignores: Annotated[
        tuple[tuple[str, tuple[str, ...]], ...],
        Key(
            "per-file-ignores",
            lambda v, k, w: _per_file_ignores(v, w),
            "Rules off for the files a pattern matches.",
        ),
    ] = ()
    source: str | None = None
    root: str | None = None  # the directory of the configuration file, if any

    def is_placeholder(self, text: str) -> bool:
        """``text`` is one of the placeholders (``???``, ``TBD``...), letter case aside."""
        wanted = text.strip().casefold()
        return any(wanted == p.casefold() for p in self.placeholders)

    def schema_for(self, path: list[str]) -> frozenset[str]:
        """Required fields for an entry under these headings (innermost first)."""
        return self.declared_schema(path) or self.require

    def declared_schema(self, path: list[str]) -> frozenset[str] | None:
        """The fields a configuration states for these headings, if it states any."""
        for name in path:
            schema = self.sections.get(section_key(name))
            if schema is not None:
                return schema.require
        return self.require if self.require_is_set else None

    def baseline_path(self) -> Path | None:
        """The configured baseline file, resolved against the configuration's folder."""
        if self.baseline is None:
            return None
        return Path(self.root or ".") / self.baseline

    def overridden(self, **changes: Any) -> "Config":
        return self._replace(**changes)

    def relative(self, path: Path) -> str | None:
        """``path`` relative to the configuration's folder, with ``/``; None outside it."""
        if self.root is None:
            return None
        try:
            return path.resolve().relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            return None

    def excludes(self, path: Path) -> bool:
        """Whether ``exclude`` leaves this file out."""
        if not self.exclude:
            return False
        from readme_lint.config.globs import matches

        relative = self.relative(path)
        return relative is not None and any(matches(p, relative) for p in self.exclude)

    def for_file(self, path: Path) -> "Config":
        """This configuration with the ``per-file-ignores`` that match ``path`` applied."""
        if not self.per_file_ignores:
            return self
        from readme_lint.config.globs import matches

        relative = self.relative(path)
        if relative is None:
            return self
        extra = tuple(
            rule
            for pattern, rules in self.per_file_ignores
            if matches(pattern, relative)
            for rule in rules
        )
        return self._replace(ignore=self.ignore + extra) if extra else self


def config_keys() -> dict[str, tuple[bool, str, Key]]:
    """Every configuration key -> (a link-check key, the field it sets, its declaration)."""
    return {
        how.name: (links, field, how)
        for links, record in ((True, LinkSettings), (False, Config))
        for field, how, _ in declared(record, Key)
    }


def from_mapping(data: Mapping[str, Any], where: str) -> Config:
    """Validate a configuration table; every error names ``where`` and the key."""
    keys = config_keys()
    link_fields: dict[str, Any] = {}
    for key, value in data.items():  # the link keys first: they make one record
        found = keys.get(key)
        if found is not None and found[0]:
            link_fields[found[1]] = found[2].parse(value, key, where)
    changes: dict[str, Any] = {"source": where, "links": LinkSettings(**link_fields)}
    for key, value in data.items():
        found = keys.get(key)
        if found is None:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(keys))})")
        links, field, how = found
        if not links:
            changes[field] = how.parse(value, key, where)
            changes.update(how.implies)
    return Config(**changes)


def _read_toml(path: Path) -> dict[str, Any]:
    # Imported only when a configuration file exists: many lists have none.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load(path: Path) -> Config:
    """Load an explicit configuration file (``--config``)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("readme-lint")
        if table is None:
            raise ConfigError(f"{path}: no [tool.readme-lint] table")
        return from_mapping(table, f"{path} [tool.readme-lint]")._replace(root=str(path.parent))
    return from_mapping(data, str(path))._replace(root=str(path.parent))


def for_path(path: Path, explicit: Config | None, cache: dict[Path, Config]) -> Config:
    """The configuration a file is linted with: ``explicit`` (``--config``) or the one
    discovered from its folder, with its ``per-file-ignores`` applied."""
    base = explicit if explicit is not None else discover(path.resolve().parent, cache)
    return base.for_file(path)


def discover(folder: Path, cache: dict[Path, Config] | None = None) -> Config:
    """The configuration that applies to files in ``folder``."""
    cache = {} if cache is None else cache
    visited: list[Path] = []
    config = Config()
    for candidate in (folder, *folder.parents):
        if candidate in cache:
            config = cache[candidate]
            break
        visited.append(candidate)
        dotfile = candidate / ".readme-lint.toml"
        if dotfile.is_file():
            config = load(dotfile)
            break
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("readme-lint")
            if table is not None:
                config = from_mapping(table, f"{pyproject} [tool.readme-lint]")._replace(
                    root=str(candidate)
                )
                break
    for seen in visited:
        cache[seen] = config
    return config
