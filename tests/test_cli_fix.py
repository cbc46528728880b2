"""--fix and --diff through the command line, and the file-safety guarantees."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from readme_lint.cli.main import main
from readme_lint.core.diagnostics import Edit, Fix, Violation
from readme_lint.rules import Rule, all_rules
from readme_lint.rules.registry import LintContext
from tests.conftest import AUTHORS, ENTRY, LINKS, SUMMARY, TITLE, entry, use_only

CLEAN = "# List\n\n" + ENTRY
FIXABLE = "# List\n\n" + entry("***" + TITLE[2:], AUTHORS, LINKS, SUMMARY + " ")
FIXED = "# List\n\n" + ENTRY
UNFIXABLE = "# List\n\n" + entry(TITLE, AUTHORS, LINKS, "???")


def _write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def _stamp(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


def test_fix_rewrites_and_fails_like_a_pre_commit_hook(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "README.md", FIXABLE)
    assert main(["--fix", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == FIXED
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0]
        == f"fixed {path}: 2 problems (RL201 stray-asterisk: 1, RL206 trailing-whitespace: 1)"
    )
    assert out[-1] == "Fixed 2 problems; 0 remaining in 1 file."
    assert main(["--fix", str(path)]) == 0  # clean now, and unchanged: the hook passes


def test_fix_leaves_a_clean_file_untouched(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", CLEAN)
    before = _stamp(path)
    assert main(["--fix", str(path)]) == 0
    assert _stamp(path) == before


def test_fix_with_only_unfixable_findings_writes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "README.md", UNFIXABLE)
    before = _stamp(path)
    assert main(["--fix", str(path)]) == 1
    assert _stamp(path) == before
    assert "RL105 placeholder-summary" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [pytest.param(["--diff"], id="diff"), pytest.param(["--fix", "--diff"], id="fix-and-diff")],
)
def test_diff_prints_and_writes_nothing(tmp_path: Path, capsys, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "README.md", FIXABLE)
    before = _stamp(path)
    assert main([*args, str(path)]) == 1
    assert _stamp(path) == before
    captured = capsys.readouterr()
    assert captured.out == (
        f"--- {path}\n+++ {path}\n@@ -1,6 +1,6 @@\n # List\n \n"
        f"-***{TITLE[2:]}\n+{TITLE}\n {AUTHORS}\n {LINKS}\n-{SUMMARY} \n+{SUMMARY}\n"
    )
    assert "Would fix 2 problems; 0 would remain in 1 file." in captured.err


def test_diff_without_changes_is_empty_and_exits_zero(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--diff", str(_write(tmp_path / "README.md", UNFIXABLE))]) == 0
    assert capsys.readouterr().out == ""


def test_crlf_and_bom_survive_fix(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", FIXABLE.replace("\n", "\r\n"), bom=True)
    main(["--fix", str(path)])
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_no_final_newline_state_is_the_rules_business(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", FIXABLE.rstrip("\n"))
    main(["--fix", str(path), "--ignore", "final-newline"])
    assert path.read_text(encoding="utf-8") == FIXED.rstrip("\n")


def test_permissions_are_kept(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", FIXABLE)
    path.chmod(0o640)
    main(["--fix", str(path)])
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_hard_linked_file_is_fixed_in_place_for_every_name(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", FIXABLE)
    other = tmp_path / "docs-README.md"
    other.hardlink_to(path)
    inode = path.stat().st_ino
    assert main(["--fix", str(path)]) == 1  # rewritten, as a pre-commit hook says
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2  # not split
    assert other.read_text(encoding="utf-8") == FIXED


needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away"
)


@needs_root
def test_owner_and_group_are_kept_when_root_fixes_another_user_s_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "README.md", FIXABLE)
    os.chown(path, 12345, 23456)
    assert main(["--fix", str(path)]) == 1
    owner = path.stat()
    assert (owner.st_uid, owner.st_gid) == (12345, 23456)
    assert path.read_text(encoding="utf-8") == FIXED


@needs_root
def test_a_file_whose_owner_cannot_be_kept_is_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a user who may not give files away: replacing the file would make it ours.
    path = _write(tmp_path / "README.md", FIXABLE)
    os.chown(path, 12345, 23456)
    inode = path.stat().st_ino

    def refuse(*args: object) -> None:
        raise PermissionError("not permitted")

    monkeypatch.setattr(os, "chown", refuse)
    assert main(["--fix", str(path)]) == 1
    owner = path.stat()
    assert (owner.st_ino, owner.st_uid, owner.st_gid) == (inode, 12345, 23456)
    assert path.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]  # no temporary left


def test_symlink_is_refused_and_unchanged(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = _write(tmp_path / "real.md", FIXABLE)
    link = tmp_path / "README.md"
    link.symlink_to(target)
    assert main(["--fix", str(link)]) == 2
    assert f"{link}: is a symbolic link" in capsys.readouterr().err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXABLE
    assert main([str(link)]) == 1  # linting through a link is fine


def test_failed_replace_leaves_original_and_no_temp_file(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "README.md", FIXABLE)
    other = _write(tmp_path / "OTHER.md", FIXABLE)

    real_replace = Path.replace

    def refuse(self: Path, target: Path) -> Path:
        if Path(target).name == "README.md":
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", refuse)
    assert main(["--fix", str(path), str(other)]) == 2
    assert path.read_text(encoding="utf-8") == FIXABLE
    assert "cannot write: No space left on device; the file is unchanged" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == FIXED  # the other file was still fixed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["OTHER.md", "README.md"]


@pytest.fixture
def rogue(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def check(ctx: LintContext) -> Iterator[Violation]:
        doc = ctx.doc
        at = doc.text.find("comeback")
        if at != -1:
            yield Violation(1, 1, "rogue", Fix("delete a word", (Edit(at, at + 8, ""),)))

    rule = Rule(
        "RL599", "rogue-rule", "Deletes a word.", all_rules()[0].severity, True, True, check
    )
    use_only(monkeypatch, rule)
    yield


@pytest.mark.usefixtures("rogue")
def test_a_withheld_fix_is_a_finding_not_an_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "README.md", CLEAN)
    before = _stamp(path)
    assert main(["--fix", str(path)]) == 1  # a finding is left: never exit 2 for the file
    assert _stamp(path) == before
    out = capsys.readouterr().out
    assert f"{path}:1:1: RL599 rogue-rule rogue (fix withheld: it would change" in out
    assert "(1 fix withheld: see their messages)." in out


def test_json_output_with_fix_stays_json(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "README.md", FIXABLE.replace(SUMMARY, "???"))
    assert main(["--fix", "--format", "json", str(path)]) == 1
    captured = capsys.readouterr()
    assert [r["code"] for r in json.loads(captured.out)] == ["RL105"]
    assert captured.err.startswith(f"fixed {path}: 2 problems")


@pytest.mark.skipif(not shutil.which("patch"), reason="needs the patch tool")
def test_diff_applies_with_patch(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import FIXTURES

    source = (FIXTURES / "fix" / "entries.in.md").read_text(encoding="utf-8")
    path = _write(tmp_path / "README.md", source)
    main(["--diff", "--unsafe-fixes", str(path)])
    diff = capsys.readouterr().out
    copy = _write(tmp_path / "copy.md", source)
    subprocess.run(["patch", "-s", str(copy)], input=diff, text=True, check=True)
    assert copy.read_text(encoding="utf-8") == (FIXTURES / "fix" / "entries.out.md").read_text(
        encoding="utf-8"
    )


def _readme_block(readme: str, name: str) -> str:
    start = readme.index(f"<!-- fix-example:{name} -->\n")
    body = readme[readme.index("\n", readme.index("```", start)) + 1 :]
    return body[: body.index("```\n")]


def test_readme_fix_example_is_what_the_tool_does(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "README.md", _readme_block(readme, "before"))
    assert main(["--diff", "--no-color", "README.md"]) == 1
    assert capsys.readouterr().out == _readme_block(readme, "diff")
    assert main(["--fix", "--no-color", "README.md"]) == 1
    assert capsys.readouterr().out == _readme_block(readme, "output")
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == _readme_block(readme, "after")
