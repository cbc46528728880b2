"""Which rules a configuration turns on, at what severity — the link between ``Config``
(plain data, knows no rules) and the rule registry.

``Config`` stores selectors as written; whether they name real rules is checked here, so the
configuration module does not import the rules (which import it).
"""

from __future__ import annotations

from readme_lint.config import Config, ConfigError
from readme_lint.core.diagnostics import Severity
from readme_lint.rules import Rule, all_rules, resolve_selector


def check_selectors(config: Config) -> None:
    """Raise ``ConfigError`` naming the file and key of a selector that matches no rule."""
    for key, selectors in (
        # First: a file's own ignores are folded into `ignore` (Config.for_file), and a
        # typo must be blamed on the key that has it.
        *((f'per-file-ignores."{pattern}"', rules) for pattern, rules in config.per_file_ignores),
        ("select", config.select or ()),
        ("extend-select", config.extend_select),
        ("ignore", config.ignore),
        ("severity", tuple(config.severity)),
    ):
        for selector in selectors:
            if not resolve_selector(selector):
                where = config.source or "configuration"
                raise ConfigError(f"{where}: '{key}' names unknown rule {selector!r}")


def selected_rules(config: Config) -> list[Rule]:
    """The rules a configuration turns on, in code order (``ConfigError`` on a selector
    that names no rule: a typo must not silently switch a rule off)."""
    check_selectors(config)
    if config.select is None:
        chosen = {r.code for r in all_rules() if r.default}
    else:
        chosen = {r.code for s in config.select for r in resolve_selector(s)}
    chosen |= {r.code for s in config.extend_select for r in resolve_selector(s)}
    chosen -= {r.code for s in config.ignore for r in resolve_selector(s)}
    return [r for r in all_rules() if r.code in chosen]


def severity_of(rule: Rule, config: Config) -> Severity:
    """The rule's severity under ``config``: the most specific selector wins (a code or name
    over a prefix over ``ALL``)."""
    best: tuple[int, Severity] | None = None
    for selector, level in config.severity.items():
        if rule not in resolve_selector(selector):
            continue
        rank = 0 if selector.upper() == "ALL" else (2 if selector in (rule.code, rule.name) else 1)
        if best is None or rank >= best[0]:
            best = (rank, level)
    return best[1] if best else rule.severity
