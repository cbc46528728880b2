from __future__ import annotations

import functools
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import pytest

from readme_lint.config import Config
from readme_lint.core.diagnostics import Diagnostic, apply_fixes
from readme_lint.engine.run import lint_text
from readme_lint.rules import Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "reading-diffusion-README.md"

# bench/generate.py is the one list generator, shared by the benchmark and the tests.
sys.path.insert(0, str(ROOT / "bench"))


def use_only(monkeypatch: pytest.MonkeyPatch, *rules: Rule) -> None:
    """Make the engine (and the fixer's incremental re-lint) run exactly ``rules``."""
    for where in ("readme_lint.engine.run", "readme_lint.engine.incremental"):
        monkeypatch.setattr(f"{where}.selected_rules", lambda config: list(rules))


def run(text: str, *select: str, **settings: object) -> list[Diagnostic]:
    config = Config(select=select or None, **settings)  # type: ignore[arg-type]
    return lint_text(text, config)


def found(text: str, *select: str, **settings: object) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in run(text, *select, **settings)]


def fixed(text: str, code: str) -> str:
    """The text after applying every fix that rule ``code`` proposes (one round)."""
    fixes = [d.fix for d in run(text, code) if d.fix is not None]
    out, _ = apply_fixes(text, fixes)
    return out


_EXPECT = re.compile(r"<!--\s*expect\s*\n(?P<body>.*?)-->", re.DOTALL)


def expected_findings(text: str) -> set[tuple[int, int, str]]:
    """Findings a fixture marks in its leading ``<!-- expect ... -->`` comment.

    One per line: ``LINE:COL CODE`` (anything after the code is a note).
    """
    match = _EXPECT.search(text)
    assert match, "fixture has no <!-- expect --> block"
    out = set()
    for raw in match.group("body").splitlines():
        raw = raw.strip()
        if not raw:
            continue
        position, code, *_ = raw.split()
        line, col = position.split(":")
        out.add((int(line), int(col), code))
    return out


@pytest.fixture
def corpus_text() -> str:
    if not CORPUS.is_file():
        pytest.skip("the shared corpus is not beside this checkout")
    return CORPUS.read_text(encoding="utf-8")


def finishes(call: Callable[[], T], *, within: float = 60.0) -> T:
    """``call()``, in a thread: its value, or what it raised. Fails the test when the call
    is still running after ``within`` seconds.

    A safety net that turns a hang (a deadline that does not hold) into a failure, not a
    claim about speed: the tests that use it put whatever else could end the call (a
    server that gives up, a read timeout) much further away, or nowhere.
    """
    outcome: list[tuple[bool, object]] = []

    def target() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as exc:  # handed to the test's thread
            outcome.append((False, exc))

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(within)
    assert not thread.is_alive(), f"still running after {within:g} s: nothing ended it"
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]


# --------------------------------------------------------------------------- one entry
# The parts of a well-formed entry (the rule table in test_rules.py and the CLI tests).

TITLE = "**Denoising Diffusion Probabilistic Models** :zap: \\"
AUTHORS = "*Jonathan Ho, Ajay Jain, Pieter Abbeel* \\"
LINKS = "NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] [[Github](https://github.com/hojonathanho/diffusion)] \\"
SUMMARY = "The comeback. Proposed a method of sampling x_t directly from x_0."
ENTRY = "\n".join((TITLE, AUTHORS, LINKS, SUMMARY)) + "\n"

DDIM = (
    "**Denoising Diffusion Implicit Models** \\\n"
    "*Jiaming Song, Chenlin Meng, Stefano Ermon* \\\n"
    "ICLR 2021. [[Paper](https://arxiv.org/abs/2010.02502)] [[Code](https://github.com/ermongroup/ddim)] \\\n"
    "Makes the reverse process deterministic, so sampling can skip steps.\n"
)


def entry(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- git repositories
# A list committed with old problems, and what a change adds to it (test_changes.py,
# test_baseline.py, test_action.py).

# A list with old problems: RL401 at 5 (TOC link without '#'), RL105 at 12 ('???'),
# RL202 at 15 (a space after the backslash).
OLD = """\
# List

## Contents
- [Papers](#papers)
- [More](More)

## Papers

**Denoising Diffusion Probabilistic Models** :zap: \\
*Jonathan Ho, Ajay Jain, Pieter Abbeel* \\
NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)] \\
???

**Denoising Diffusion Implicit Models** \\
*Jiaming Song, Chenlin Meng, Stefano Ermon* \\
ICLR 2021. [[Paper](https://arxiv.org/abs/2010.02502)] \\
Deterministic sampling.

## More

**Score-Based Generative Modeling through Stochastic Differential Equations** \\
*Yang Song, Jascha Sohl-Dickstein* \\
ICLR 2021. [[Paper](https://arxiv.org/abs/2011.13456)] \\
Stochastic differential equations.
""".replace("Stefano Ermon* \\\n", "Stefano Ermon* \\ \n")  # the space after "\\" is RL202
OLD_FINDINGS = [(5, "RL401"), (12, "RL105"), (15, "RL202")]

# A broken entry: RL201 on its title, RL105 on its summary.
BROKEN = """\
***Progressive Distillation for Fast Sampling of Diffusion Models** \\
*Tim Salimans, Jonathan Ho* \\
ICLR 2022. [[Paper](https://arxiv.org/abs/2202.00512)] \\
TBD
"""
# Appended after a blank line: lines 26 to 29.
WITH_BROKEN = OLD + "\n" + BROKEN
NEW_FINDINGS = [(26, "RL201"), (29, "RL105")]

# Another copy of an old entry (same title, a shared author).
DDIM_AGAIN = """\
**Denoising Diffusion Implicit Models** \\
*Jiaming Song* \\
ICLR 2021. [[Code](https://github.com/ermongroup/ddim)] \\
The code.
"""

OUTER_GIT_VARIABLES = ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY")


@pytest.fixture
def no_outer_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test run inside a git hook must not reach the outer repository.

    Modules that make git repositories use it for every test:
    ``pytestmark = pytest.mark.usefixtures("no_outer_git")``.
    """
    for name in OUTER_GIT_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


def make_repo(path: Path, text: str | None = OLD) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "t@example.org")
    git(path, "config", "user.name", "t")
    git(path, "config", "commit.gpgsign", "false")
    if text is not None:
        (path / "README.md").write_text(text, encoding="utf-8")
        git(path, "add", "README.md")
        git(path, "commit", "-q", "-m", "the list")
    return path


def pr_branch(repo: Path) -> str:
    """On ``repo``'s main: a branch that adds a broken entry, checked out; main moved on
    meanwhile (so the merge-base counts, not main's tip). Returns main's tip."""
    git(repo, "checkout", "-q", "-b", "add-paper")
    (repo / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "add a paper")
    git(repo, "checkout", "-q", "main")
    (repo / "NOTES.md").write_text("notes\n", encoding="utf-8")
    git(repo, "add", "NOTES.md")
    git(repo, "commit", "-q", "-m", "notes")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "add-paper")
    return base


# --------------------------------------------------------------------------- the README


def readme_section() -> str:
    """The README's section on adopting readme-lint on an existing list."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Adopting on an existing list\n", 1)[1].split("\n## ", 1)[0]


def repository() -> str:
    """The repository URL the package metadata names."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        urls = tomllib.load(handle)["project"]["urls"]
    return str(urls["Repository"])


# --------------------------------------------------------------------------- pre-commit
# pre-commit run for real on this checkout's hooks (test_precommit.py,
# test_hook_defaults.py, and one test of test_changes.py).

# A list whose problems the fix hook fixes all (RL201 on the title, RL206 on the summary).
UNFIXED_LIST = "# List\n\n" + entry("***" + TITLE[2:], AUTHORS, LINKS, SUMMARY + " ")
FIXED_LIST = "# List\n\n" + ENTRY

needs_git_checkout = pytest.mark.skipif(
    not (ROOT / ".git").exists() or shutil.which("git") is None,
    reason="needs git and a git checkout",
)

# pre-commit builds each hook's environment with pip, which installs this project and
# its dependencies from a package index. A test that runs pre-commit carries this mark;
# it is skipped, with the reason, when no index is reachable (the probe runs once, and
# only when such a test is selected to run).
needs_package_index = pytest.mark.needs_index


@pytest.fixture
def hook_repo(tmp_path: Path) -> Path:
    """A git repository (``tmp_path / "repo"``) with ``UNFIXED_LIST`` staged as README.md."""
    work = tmp_path / "repo"
    work.mkdir()
    for args in (
        ["init", "-q"],
        ["config", "user.email", "t@example.org"],
        ["config", "user.name", "t"],
    ):
        subprocess.run(["git", *args], cwd=work, check=True)
    (work / "README.md").write_text(UNFIXED_LIST, encoding="utf-8")
    subprocess.run(["git", "add", "README.md"], cwd=work, check=True)
    return work


DEFAULT_INDEX = "https://pypi.org/simple"


def _pip_setting(env: str, *keys: str) -> str | None:
    """A pip setting: its environment variable, else the first of ``keys`` that pip's
    configuration files set (``pip config get``), else None."""
    value = os.environ.get(env, "").strip()
    if value:
        return value
    for key in keys:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "pip", "config", "get", key],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    return None


def package_index_url() -> str:
    """The index pip installs from: PIP_INDEX_URL, else pip's configuration, else PyPI."""
    # pip's [install] section overrides its [global] one for ``pip install``
    url = _pip_setting("PIP_INDEX_URL", "install.index-url", "global.index-url")
    return url.split()[0] if url else DEFAULT_INDEX


def _index_answers(url: str) -> bool:
    """Whether the index at ``url`` answers for setuptools, which building the hook's
    environment needs: a file: index is a folder that exists; any other must answer a
    HEAD of its setuptools page within 3 s (through pip's proxy, if one is set). An open
    TCP port is not enough: an intercepting proxy accepts every connection."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(urllib.request.url2pathname(parts.path)).is_dir()
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.username or parts.password:  # never sent anywhere: only the port is tried
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            with socket.create_connection((parts.hostname, port), timeout=3):
                return True
        except (OSError, ValueError):
            return False
    handlers: list[urllib.request.BaseHandler] = []
    proxy = _pip_setting("PIP_PROXY", "install.proxy", "global.proxy")
    if proxy:
        handlers.append(urllib.request.ProxyHandler({"http": proxy, "https": proxy}))
    cert = _pip_setting("PIP_CERT", "install.cert", "global.cert")
    if parts.scheme == "https":
        try:
            context = ssl.create_default_context(cafile=cert)
        except (OSError, ssl.SSLError):
            context = ssl.create_default_context()
        handlers.append(urllib.request.HTTPSHandler(context=context))
    opener = urllib.request.build_opener(*handlers)
    page = url.rstrip("/") + "/setuptools/"
    try:
        with opener.open(urllib.request.Request(page, method="HEAD"), timeout=3):
            return True
    except urllib.error.HTTPError as error:
        return error.code in (401, 403)  # there, and wants credentials pip may have
    except (OSError, ValueError):  # URLError, timeouts, TLS failures
        return False


@functools.cache
def package_index_reachable() -> tuple[bool, str]:
    """Whether pip's index is reachable, and its URL: probed once per session."""
    url = package_index_url()
    return _index_answers(url), url


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what will not run
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the ``needs_index`` tests when no index is reachable; probe only if one of
    them is about to run."""
    marked = [item for item in items if item.get_closest_marker("needs_index") is not None]
    if not marked:
        return
    reachable, url = package_index_reachable()
    if reachable:
        return
    skip = pytest.mark.skip(
        reason="pre-commit installs the hook's dependencies from a package index; "
        f"none is reachable at {url}"
    )
    for item in marked:
        item.add_marker(skip)
