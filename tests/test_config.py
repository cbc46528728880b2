"""Configuration files, validation and their effect on linting."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from readme_lint.config import Config, ConfigError, discover, from_mapping, load
from readme_lint.core.diagnostics import Severity
from readme_lint.engine.run import lint_text
from readme_lint.engine.selection import check_selectors, selected_rules
from tests.conftest import AUTHORS, ENTRY, LINKS, ROOT, TITLE, entry


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param({"selct": ["RL1"]}, "unknown key 'selct'", id="unknown-key"),
        pytest.param({"select": "RL8"}, "'select' names unknown rule 'RL8'", id="unknown-rule"),
        pytest.param({"ignore": [1]}, "'ignore' must be a list of strings", id="bad-type"),
        pytest.param(
            {"severity": {"RL101": "fatal"}}, "'severity.RL101' must be", id="bad-severity"
        ),
        pytest.param(
            {"read-marker": ""}, "'read-marker' must be a non-empty string", id="empty-marker"
        ),
        pytest.param(
            {"sections": {"Posts": {"require": ["date"]}}}, "unknown field 'date'", id="bad-field"
        ),
        pytest.param(
            {"sections": {"Posts": {"requires": []}}},
            "unknown key 'sections.\"Posts\".requires'",
            id="bad-section-key",
        ),
        pytest.param({"sections": {"Posts": {}}}, "needs 'require'", id="section-without-require"),
        pytest.param({"exclude": "/"}, "'exclude' has an empty pattern: '/'", id="empty-exclude"),
        pytest.param(
            {"exclude": ["lists", "!lists/keep"]},
            "'exclude' has a negation (a '!' pattern), which is not supported: '!lists/keep'",
            id="negation",
        ),
        pytest.param({"exclude": [3]}, "'exclude' must be a list of strings", id="bad-exclude"),
        pytest.param(
            {"per-file-ignores": ["RL104"]},
            "'per-file-ignores' must be a table",
            id="per-file-ignores-not-a-table",
        ),
        pytest.param(
            {"per-file-ignores": {"lists/**": ["RL8"]}},
            "'per-file-ignores.\"lists/**\"' names unknown rule 'RL8'",
            id="per-file-ignores-unknown-rule",
        ),
        pytest.param(
            {"per-file-ignores": {"lists/**": [1]}},
            "'per-file-ignores.\"lists/**\"' must be a list of strings",
            id="per-file-ignores-bad-rules",
        ),
    ],
)
def test_bad_configuration_names_the_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        check_selectors(from_mapping(data, "pyproject.toml [tool.readme-lint]"))
    text = str(info.value)
    assert message in text
    assert text.startswith("pyproject.toml [tool.readme-lint]")


def test_a_selector_typo_is_an_error_not_a_rule_silently_off() -> None:
    with pytest.raises(ConfigError, match="'ignore' names unknown rule 'RL2O1'"):
        lint_text("# x\n", Config(ignore=("RL2O1",)))


def test_configuration_module_does_not_import_the_rules() -> None:
    # Config is plain data; the rules import it, never the other way round.
    code = "import sys, readme_lint.config; print('readme_lint.rules' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_selection_semantics() -> None:
    def codes(**kw: object) -> set[str]:
        return {r.code for r in selected_rules(from_mapping(kw, "t"))}

    assert "RL503" not in codes()
    assert "RL503" in codes(**{"extend-select": ["consecutive-blank-lines"]})
    assert codes(select=["RL2"]) == {f"RL2{i:02}" for i in range(1, 11)}
    assert "RL207" not in codes(ignore=["multiple-spaces"])
    assert codes(select=["ALL"], ignore=["RL"]) == set()


def test_severity_most_specific_selector_wins() -> None:
    config = from_mapping(
        {"severity": {"ALL": "warning", "RL2": "error", "stray-asterisk": "warning"}}, "t"
    )
    text = entry("***Title** \\", AUTHORS, LINKS.replace(")] \\", ")]\\"), "Summary.")
    levels = {d.code: d.severity for d in lint_text(text, config)}
    assert levels["RL201"] is Severity.WARNING
    assert levels["RL205"] is Severity.ERROR


def test_custom_marker_and_placeholders_and_labels() -> None:
    config = from_mapping(
        {"read-marker": ":star:", "placeholders": ["coming soon"], "labels": ["PDF"]}, "t"
    )
    text = entry(
        TITLE.replace(":zap:", ""),
        "*A B* :star: \\",
        "[[pdf](https://x.org/a)] \\",
        "Coming soon",
    )
    assert {d.code for d in lint_text(text, config)} >= {"RL108", "RL105", "RL301"}


def test_section_schema_applies_to_subsections() -> None:
    text = "# Posts\n## Blogs\n\n" + entry(TITLE, AUTHORS, LINKS, "Jul 2021")
    assert [d.code for d in lint_text(text)] == ["RL104"]
    config = from_mapping({"sections": {"posts": {"require": ["title", "authors", "link"]}}}, "t")
    assert lint_text(text, config) == []


def test_discovery_walks_up_and_prefers_dotfile(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.readme-lint]\nignore = ["RL104"]\n')
    nested = tmp_path / "docs" / "lists"
    nested.mkdir(parents=True)
    assert discover(nested).ignore == ("RL104",)
    (tmp_path / "docs" / ".readme-lint.toml").write_text('ignore = ["RL105"]\n')
    assert discover(nested).ignore == ("RL105",)


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.readme-lint]\nselect = ["RL1"]\n')
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert discover(inner).select == ("RL1",)


def test_no_configuration_means_defaults(tmp_path: Path) -> None:
    assert discover(tmp_path).select is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(".readme-lint.toml", "select = [", "invalid TOML", id="broken-toml"),
        pytest.param("pyproject.toml", "[project]\n", "no [tool.readme-lint] table", id="no-table"),
    ],
)
def test_explicit_config_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load(path)


def test_default_config_is_immutable() -> None:
    config = Config()
    with pytest.raises(AttributeError):
        config.read_marker = "x"  # type: ignore[misc]


def test_default_config_finds_nothing_in_a_clean_entry() -> None:
    assert lint_text("# List\n\n" + ENTRY, Config()) == []


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        pytest.param("## Introductory Posts :books:", "Introductory Posts", id="emoji-in-heading"),
        pytest.param("## Introductory Posts", "introductory posts :books:", id="emoji-in-key"),
        pytest.param("## INTRODUCTORY POSTS", "Introductory Posts", id="case"),
    ],
)
def test_section_names_match_loosely(heading: str, key: str) -> None:
    text = f"{heading}\n\n" + entry(TITLE, AUTHORS, LINKS, "Jul 2021")
    config = from_mapping({"sections": {key: {"require": ["title", "authors", "link"]}}}, "t")
    assert lint_text(text, config) == []


def test_link_check_keys() -> None:
    config = from_mapping(
        {
            "check-links": True,
            "strict-links": True,
            "links-timeout": 30,
            "link-workers": 8,
            "link-cache": "cache/links.sqlite",
            "remap": ["^https://a\\.org/(.*) http://127.0.0.1:8000/$1"],
            "arxiv-api": "http://127.0.0.1:9/api/query",
            "link-hosts": {
                "ArXiv.org": {"max-in-flight": 1, "min-interval": 3, "headers": {"x": "${T}"}}
            },
        },
        "t",
    )
    links = config.links
    assert (links.check, links.strict, links.timeout, links.workers) == (True, True, 30.0, 8)
    assert links.remap == (("^https://a\\.org/(.*)", "http://127.0.0.1:8000/$1"),)
    assert links.hosts["arxiv.org"].max_in_flight == 1
    assert links.hosts["arxiv.org"].min_interval == 3.0
    assert links.hosts["arxiv.org"].headers == {"x": "${T}"}
    assert Config().links.check is False


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param({"check-links": "yes"}, "'check-links' must be true or false", id="bool"),
        pytest.param({"links-timeout": 0}, "'links-timeout' must be a number >= 1", id="timeout"),
        pytest.param({"link-workers": 0}, "'link-workers' must be a whole number", id="workers"),
        pytest.param({"remap": ["onlyone"]}, "must be 'REGEX REPLACEMENT'", id="remap-shape"),
        pytest.param({"remap": ["( x"]}, "bad regular expression", id="remap-regex"),
        pytest.param({"arxiv-api": "ftp://x"}, "'arxiv-api' must be an http(s) URL", id="api"),
        pytest.param(
            {"link-hosts": {"a.org": {"max-inflight": 1}}},
            "unknown key 'link-hosts.\"a.org\".max-inflight'",
            id="host-key",
        ),
        pytest.param(
            {"link-hosts": {"a.org": {"headers": {"x": 1}}}}, "must be a table of strings", id="hdr"
        ),
    ],
)
def test_bad_link_keys_name_the_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        from_mapping(data, "t")


def test_every_key_is_declared_once_documented_and_in_the_readme() -> None:
    """One declaration per key (config.Key on its field): the parser's keys are those, each
    with a doc, and the README's configuration shows every one."""
    from readme_lint.config import LinkSettings, config_keys

    keys = config_keys()
    assert len(keys) == 26
    assert all(how.doc for _, _, how in keys.values())
    fields = {(links, field) for links, field, _ in keys.values()}
    assert len(fields) == len(keys)  # no field set by two keys
    assert {f for links, f in fields if links} <= set(LinkSettings._fields)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [k for k in keys if k not in readme] == []
    with pytest.raises(
        ConfigError, match=r"unknown key 'colour' \(known: allow-private, arxiv-api"
    ):
        from_mapping({"colour": True}, "t")
