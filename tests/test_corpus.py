"""The real README this project was born from (../shared/corpus), read as its maintainer would."""

from __future__ import annotations

import shutil
import subprocess

from readme_lint.engine.run import check_text

REQUIRED = {
    (32, "toc-anchor"),
    (35, "toc-anchor"),
    (36, "toc-anchor"),
    (195, "authors-format"),
    (187, "entry-split"),
    (215, "placeholder-summary"),
    (226, "placeholder-summary"),
    (231, "placeholder-summary"),
    (249, "placeholder-summary"),
    (254, "placeholder-summary"),
    (238, "stray-asterisk"),
    (240, "link-label"),
    (251, "backslash-trailing-space"),
    (82, "backslash-spacing"),
    (119, "backslash-spacing"),
    (124, "backslash-spacing"),
    (131, "backslash-spacing"),
    (163, "backslash-spacing"),
    (170, "backslash-spacing"),
    (176, "backslash-spacing"),
    (185, "backslash-spacing"),
    (220, "venue-mismatch"),
    (74, "arxiv-year-mismatch"),  # arXiv 2022 for id 2101.03288 (issue 14)
}

# Everything else it reports, each checked by hand against the file.
ALSO_TRUE = {
    (1, "trailing-whitespace"),
    (3, "trailing-whitespace"),
    (77, "trailing-whitespace"),
    (117, "trailing-whitespace"),
    (243, "trailing-whitespace"),
    (54, "multiple-spaces"),
    (82, "multiple-spaces"),
    (187, "multiple-spaces"),
    # Introductory Posts entries end in a date: true under the default schema, with a hint.
    (42, "entry-summary"),
    (48, "entry-summary"),
    (54, "entry-summary"),
    (60, "entry-summary"),
}


def test_acceptance_findings(corpus_text: str) -> None:
    report = check_text(corpus_text)
    got = {(d.line, d.rule) for d in report.diagnostics}
    assert got >= REQUIRED
    assert got - REQUIRED == ALSO_TRUE


def test_duplicate_names_the_other_line(corpus_text: str) -> None:
    from readme_lint.config import from_mapping

    # RL305 is off by default (a hint counts the repeats); selected, it names both places.
    report = check_text(corpus_text)
    assert any("1 paper listed again in another section" in h for h in report.hints)
    config = from_mapping({"extend-select": ["RL305"]}, "test")
    (dup,) = [d for d in check_text(corpus_text, config).diagnostics if d.code == "RL305"]
    assert dup.line == 141 and "line 60" in dup.message


def test_section_schema_hint_and_config_silences_it(corpus_text: str) -> None:
    from readme_lint.config import from_mapping

    report = check_text(corpus_text)
    assert any("Introductory Posts" in h for h in report.hints)
    config = from_mapping(
        {"sections": {"Introductory Posts": {"require": ["title", "authors", "link"]}}}, "test"
    )
    quiet = check_text(corpus_text, config)
    assert not [d for d in quiet.diagnostics if d.rule == "entry-summary"]
    assert not [h for h in quiet.hints if "RL104" in h or "Introductory Posts" in h]


def test_fix_on_a_copy_of_the_real_readme(corpus_text: str, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import re

    from readme_lint.cli.main import main
    from readme_lint.rules import all_rules

    copy = tmp_path / "README.md"
    copy.write_bytes(corpus_text.encode("utf-8"))
    assert main(["--diff", str(copy)]) == 1
    diff = capsys.readouterr().out
    assert copy.read_text(encoding="utf-8") == corpus_text  # --diff wrote nothing

    assert main(["--fix", str(copy)]) == 1
    capsys.readouterr()
    fixed = copy.read_text(encoding="utf-8")
    fixable = {r.code for r in all_rules() if r.fixable}
    left = [(d.line, d.code) for d in check_text(fixed).diagnostics if d.code in fixable]
    # '[Papers](#papers)': no such heading, so nothing to guess; reported, never deleted.
    assert left == [(32, "RL401")]

    before = copy.stat().st_mtime_ns
    main(["--fix", str(copy)])
    assert copy.read_text(encoding="utf-8") == fixed and copy.stat().st_mtime_ns == before

    url = re.compile(r"https?://")
    assert len(url.findall(fixed)) == len(url.findall(corpus_text)) == 54

    # The diff touches exactly the lines that had a fix (the blank line 188 is the
    # gap the entry-split fix at 187 removes).
    with_fix = {d.line for d in check_text(corpus_text).diagnostics if d.fixable}
    assert _removed_lines(diff) == with_fix | {188}
    if shutil.which("patch"):  # --diff showed exactly what --fix then wrote
        original = tmp_path / "original.md"
        original.write_bytes(corpus_text.encode("utf-8"))
        subprocess.run(["patch", "-s", str(original)], input=diff, text=True, check=True)
        assert original.read_text(encoding="utf-8") == fixed


def _removed_lines(diff: str) -> set[int]:
    import re

    lines: set[int] = set()
    number = 0
    for row in diff.splitlines():
        hunk = re.match(r"@@ -(\d+)", row)
        if hunk:
            number = int(hunk.group(1))
        elif row.startswith("-") and not row.startswith("---"):
            lines.add(number)
            number += 1
        elif row.startswith(" "):
            number += 1
    return lines


def test_no_hint_to_state_the_fields_when_the_configuration_states_them() -> None:
    """A list whose entries mostly have no summary: the hint says the summary is not
    required; a configuration that requires it anyway gets the findings, not the hint."""
    from readme_lint.config import from_mapping

    entry = (
        "**{t}** \\\n*Jonathan Ho* \\\narXiv 2022. [[Paper](https://arxiv.org/abs/2006.1123{n})]\n"
    )
    text = "# List\n\n" + "\n".join(entry.format(t=f"Paper {n}", n=n) for n in range(6))
    assert any(
        "RL104: only 0 of the 6 paragraph entries have a summary line" in h
        for h in check_text(text).hints
    )
    unsigned = text.replace("*Jonathan Ho* \\\n", "")
    assert any("entries have an authors line" in h for h in check_text(unsigned).hints)
    stated = check_text(
        text, from_mapping({"require": ["title", "authors", "link", "summary"]}, "t")
    )
    assert len([d for d in stated.diagnostics if d.code == "RL104"]) == 6
    assert not any("RL104: only" in h for h in stated.hints)
