"""action.yml, the composite GitHub Action: its shape, then its steps run for real.

The steps run as a GitHub runner would run them: each step's ``if:`` and ``env:`` are
evaluated by a small evaluator that knows only the expressions this action uses (any
other expression fails the test, so nothing passes by being silently skipped), each
``run:`` script runs with ``bash --noprofile --norc -eo pipefail`` in a real git
repository, with the runner's variables (GITHUB_EVENT_NAME, GITHUB_OUTPUT, ...) set.
``uses:`` steps are recorded, not run; the install step is not run either (readme-lint
is already installed in this interpreter), except once against a stub Python.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import (
    CORPUS,
    NEW_FINDINGS,
    OLD,
    OLD_FINDINGS,
    OUTER_GIT_VARIABLES,
    ROOT,
    WITH_BROKEN,
    git,
    make_repo,
)
from tests.conftest import FIXED_LIST as CLEAN
from tests.conftest import pr_branch as branch_with_a_new_entry

pytestmark = pytest.mark.usefixtures("no_outer_git")

needs_tools = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash"
)

ACTION_FILE = ROOT / "action.yml"
ACTION: dict[str, Any] = yaml.safe_load(ACTION_FILE.read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
STEP_IDS = [step["id"] for step in STEPS if "id" in step]
INPUTS: dict[str, dict[str, Any]] = ACTION["inputs"]
DEFAULTS = {name: str(spec.get("default", "")) for name, spec in INPUTS.items()}

Finding = tuple[int, str]  # line, code
ALL_FINDINGS = sorted(OLD_FINDINGS + NEW_FINDINGS)


def step(step_id: str) -> dict[str, Any]:
    return next(s for s in STEPS if s.get("id") == step_id)


# --------------------------------------------------------------------------- expressions


class UnknownExpression(Exception):
    """An expression the evaluator does not know: the test fails rather than guess."""


EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)
TOKEN = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||[!()])"
    r"|(?P<call>[a-z]+\(\))|(?P<path>[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*))"
)
STATUS_FUNCTIONS = ("success()", "failure()", "always()", "cancelled()")
GITHUB_PATHS = {"github.event.pull_request.base.sha"}

Value = str | bool


@dataclass
class Context:
    """What the runner knows while the action runs."""

    inputs: Mapping[str, str]
    base_sha: str = ""  # github.event.pull_request.base.sha: empty on a push
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)  # step id -> outputs
    failed: bool = False  # a step before failed

    def lookup(self, path: str) -> Value:
        head, _, rest = path.partition(".")
        if head == "inputs":
            if rest not in self.inputs:
                raise UnknownExpression(f"input {rest!r} is not declared")
            return self.inputs[rest]
        if head == "steps":
            step_id, _, output = rest.partition(".outputs.")
            if step_id not in STEP_IDS or not output or "." in output:
                raise UnknownExpression(f"not a step output: {path}")
            return self.outputs.get(step_id, {}).get(output, "")
        if path in GITHUB_PATHS:
            return self.base_sha
        raise UnknownExpression(path)

    def status(self, call: str) -> bool:
        return {
            "success()": not self.failed,
            "failure()": self.failed,
            "always()": True,
            "cancelled()": False,
        }[call]


def tokens(text: str) -> list[tuple[str, str]]:
    out, at = [], 0
    while text[at:].strip():
        match = TOKEN.match(text, at)
        if match is None or match.lastgroup is None:
            raise UnknownExpression(f"cannot read {text[at:]!r}")
        out.append((match.lastgroup, match.group(match.lastgroup)))
        at = match.end()
    return out


def evaluate(text: str, context: Context) -> Value:
    """``||``, ``&&``, ``!``, ``==``, ``!=``, parentheses, 'strings', context paths and the
    status functions; strings compare case-insensitively, as GitHub compares them."""
    items = tokens(text)
    at = 0

    def peek() -> str | None:
        return items[at][1] if at < len(items) else None

    def take() -> tuple[str, str]:
        nonlocal at
        if at >= len(items):
            raise UnknownExpression(f"{text!r} ends too soon")
        at += 1
        return items[at - 1]

    def either() -> Value:
        value = both()
        while peek() == "||":
            take()
            right = both()
            value = value if truthy(value) else right
        return value

    def both() -> Value:
        value = negation()
        while peek() == "&&":
            take()
            right = negation()
            value = right if truthy(value) else value
        return value

    def negation() -> Value:
        if peek() == "!":
            take()
            return not truthy(negation())
        return comparison()

    def comparison() -> Value:
        left = primary()
        if peek() in ("==", "!="):
            op = take()[1]
            right = primary()
            if not (isinstance(left, str) and isinstance(right, str)):
                raise UnknownExpression(f"comparison of non-strings in {text!r}")
            same = left.casefold() == right.casefold()
            return same if op == "==" else not same
        return left

    def primary() -> Value:
        kind, token = take()
        if token == "(":
            value = either()
            if take()[1] != ")":
                raise UnknownExpression(f"unbalanced parentheses in {text!r}")
            return value
        if kind == "string":
            return token[1:-1].replace("''", "'")
        if kind == "call" and token in STATUS_FUNCTIONS:
            return context.status(token)
        if kind == "path" and token not in ("true", "false", "null"):
            return context.lookup(token)
        raise UnknownExpression(f"{token!r} in {text!r}")

    value = either()
    if at != len(items):
        raise UnknownExpression(f"trailing {items[at][1]!r} in {text!r}")
    return value


def truthy(value: Value) -> bool:
    return bool(value)


def as_text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def render(text: str, context: Context) -> str:
    """A value of ``env:``, ``with:`` or ``outputs:`` with its ``${{ }}`` substituted."""
    return EXPRESSION.sub(lambda m: as_text(evaluate(m.group(1), context)), text)


def condition(text: str | None, context: Context) -> bool:
    """A step's ``if:``: without a status function, ``success() &&`` is implied."""
    if text is None:
        return not context.failed
    whole = EXPRESSION.fullmatch(text.strip())
    expression = whole.group(1) if whole else text
    value = truthy(evaluate(expression, context))
    if not any(call in expression for call in STATUS_FUNCTIONS):
        value = value and not context.failed
    return value


def expressions(node: object) -> Iterator[str]:
    """Every ``${{ }}`` in the action file, in keys and values."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from expressions(key)
            yield from expressions(value)
    elif isinstance(node, list):
        for item in node:
            yield from expressions(item)
    elif isinstance(node, str):
        yield from (m.group(1) for m in EXPRESSION.finditer(node))
    # if: may also be written without ${{ }}
    if isinstance(node, dict) and isinstance(node.get("if"), str) and "${{" not in node["if"]:
        yield node["if"]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("inputs.sarif == 'true'", False),
        ("inputs.sarif == 'TRUE' || inputs.files == 'readme.MD'", True),
        ("!cancelled() && (inputs.sarif != 'false')", False),
        ("inputs.args", ""),
        ("steps.lint.outputs.nothing", ""),
        ("github.event.pull_request.base.sha", "abc"),
    ],
)
def test_the_evaluator(expression: str, expected: Value) -> None:
    assert evaluate(expression, Context(DEFAULTS, base_sha="abc")) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "inputs.undeclared",
        "secrets.GITHUB_TOKEN",
        "github.event.pull_request.head.sha",
        "steps.nosuchstep.outputs.x",
        "toJSON(inputs)",
        "inputs.files == 1",
        "inputs.files ==",
    ],
)
def test_the_evaluator_refuses_what_it_does_not_know(expression: str) -> None:
    with pytest.raises(UnknownExpression):
        evaluate(expression, Context(DEFAULTS))


# --------------------------------------------------------------------------- shape


def test_a_composite_action_whose_inputs_are_described_and_optional() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["name"] and ACTION["description"]
    for name, spec in INPUTS.items():
        assert spec.get("description"), name
        assert spec.get("required") is False and "default" in spec, name
    assert DEFAULTS == {
        "files": "README.md",
        "args": "",
        "changed-only": "true",
        "python-version": "3.12",
        "sarif": "false",
        "sarif-file": "readme-lint.sarif",
        "sarif-category": "readme-lint",
    }
    assert ACTION["outputs"]["exit-code"]["value"] == "${{ steps.lint.outputs.exit-code }}"


def test_every_expression_is_known_and_every_input_used() -> None:
    found = list(expressions(ACTION))
    assert found
    context = Context(DEFAULTS)
    used = set()
    for expression in found:
        evaluate(expression, context)  # raises on an undeclared input or unknown context
        used |= set(re.findall(r"\binputs\.([A-Za-z0-9_-]+)", expression))
    assert used == set(INPUTS)


@pytest.mark.parametrize("index", range(len(STEPS)))
def test_run_steps_use_bash_and_take_expressions_only_through_env(index: int) -> None:
    item = STEPS[index]
    assert ("run" in item) != ("uses" in item)
    if "run" in item:
        assert item["shell"] == "bash"
        assert "${{" not in item["run"]  # script injection: expressions only via env:
        assert item["run"].startswith("set -euo pipefail\n")
        for value in item.get("env", {}).values():
            assert isinstance(value, str)


def test_the_actions_it_uses() -> None:
    setup = step("python")
    assert setup["uses"] == "actions/setup-python@v5"
    assert setup["with"] == {"python-version": "${{ inputs.python-version }}"}
    assert "inputs.python-version != ''" in setup["if"]
    (upload,) = (s for s in STEPS if s.get("uses", "").startswith("github/codeql-action/"))
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"] == {
        "sarif_file": "${{ inputs.sarif-file }}",
        "category": "${{ inputs.sarif-category }}",
    }
    # after a failed lint too; never when the run was cancelled
    assert "!cancelled()" in upload["if"] and "inputs.sarif == 'true'" in upload["if"]
    assert STEPS.index(upload) > STEPS.index(step("lint"))


def test_the_description_asks_for_the_history_and_fits_the_marketplace() -> None:
    description = ACTION["description"]
    assert len(description) < 125  # the Marketplace refuses longer ones
    assert "fetch-depth: 0" in description and "actions/checkout" in description
    assert "fetch-depth: 0" in " ".join(INPUTS["changed-only"]["description"].split())
    assert "security-events: write" in " ".join(INPUTS["sarif"]["description"].split())
    assert ACTION["branding"]["color"] in {
        "white",
        "black",
        "yellow",
        "blue",
        "green",
        "orange",
        "red",
        "purple",
        "gray-dark",
    }


STUB_PYTHON = """\
#!/usr/bin/env bash
echo "$0 $*" >> "$STUB_LOG"
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python"
fi
"""


@needs_tools
def test_install_step_installs_from_the_action_path(tmp_path: Path) -> None:
    """Run for real against a stub interpreter: a venv, then pip install GITHUB_ACTION_PATH."""
    install = step("install")
    assert '"$GITHUB_ACTION_PATH"' in install["run"]
    stub = tmp_path / "python"
    stub.write_text(STUB_PYTHON, encoding="utf-8")
    stub.chmod(0o755)
    context = Context(DEFAULTS, outputs={"python": {"python-path": str(stub)}})
    result = run_step(
        install, context, tmp_path, tmp_path, "push", {"STUB_LOG": str(tmp_path / "log")}
    )
    assert result.code == 0, result.stderr
    venv = tmp_path / "runner-temp" / "readme-lint-venv"
    log = (tmp_path / "log").read_text(encoding="utf-8").splitlines()
    assert log == [
        f"{stub} -m venv {venv}",
        f"{venv}/bin/python -m pip install --disable-pip-version-check --no-input --quiet {ROOT}",
        f"{venv}/bin/python -m readme_lint --version",
    ]
    assert result.outputs == {"python": f"{venv}/bin/python"}


# --------------------------------------------------------------------------- the runner


@dataclass
class StepResult:
    code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]


@dataclass
class ActionRun:
    failed: bool
    outputs: dict[str, str]  # the action's
    steps: dict[str, StepResult]  # the run steps that ran, by id
    uses: dict[str, dict[str, str]]  # the uses: steps that would run, with their inputs
    log: str

    def findings(self, path: str = "README.md") -> list[Finding]:
        """(line, code) of each ::error / ::warning annotation on ``path``."""
        found = []
        for match in ANNOTATION.finditer(self.log):
            fields = dict(part.split("=", 1) for part in match.group("fields").split(","))
            if fields["file"] == path:
                found.append((int(fields["line"]), fields["title"].split()[0]))
        return sorted(found)

    def files(self) -> set[str]:
        """The files the ::error / ::warning annotations name."""
        return {
            m.group("fields").split(",")[0][len("file=") :] for m in ANNOTATION.finditer(self.log)
        }


ANNOTATION = re.compile(r"^::(?:error|warning) (?P<fields>file=[^:]*)::", re.MULTILINE)


def read_outputs(path: Path) -> dict[str, str]:
    """The GITHUB_OUTPUT file (the action writes ``name=value`` lines only)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, equals, value = line.partition("=")
        assert equals and "<<" not in name, line
        out[name] = value
    return out


def step_env(item: dict[str, Any], context: Context) -> dict[str, str]:
    """A step's ``env:``, its expressions evaluated."""
    return {name: render(str(value), context) for name, value in item.get("env", {}).items()}


def run_step(
    item: dict[str, Any],
    context: Context,
    cwd: Path,
    tmp: Path,
    event: str,
    extra_env: Mapping[str, str] | None = None,
) -> StepResult:
    (tmp / "runner-temp").mkdir(exist_ok=True)
    script = tmp / "step.sh"
    script.write_text(item["run"], encoding="utf-8")
    output = tmp / "github-output"
    output.write_text("", encoding="utf-8")
    env = {
        "PATH": os.pathsep.join((str(Path(sys.executable).parent), os.environ.get("PATH", ""))),
        "HOME": str(tmp),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CEILING_DIRECTORIES": str(tmp),
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": event,
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_WORKSPACE": str(cwd),
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(tmp / "runner-temp"),
        **{k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "SYSTEMROOT")},
        **step_env(item, context),
        **(extra_env or {}),
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return StepResult(done.returncode, done.stdout, done.stderr, read_outputs(output))


def run_action(
    cwd: Path,
    tmp: Path,
    *,
    event: str,
    base_sha: str = "",
    **inputs: str,
) -> ActionRun:
    """The action's steps, in order, as the runner would run them."""
    given = {name.replace("_", "-"): value for name, value in inputs.items()}
    assert set(given) <= set(INPUTS), given
    context = Context({**DEFAULTS, **given}, base_sha=base_sha)
    steps: dict[str, StepResult] = {}
    uses: dict[str, dict[str, str]] = {}
    log = []
    for item in STEPS:
        if not condition(item.get("if"), context):
            continue
        if "uses" in item:
            uses[item["uses"]] = {
                k: render(str(v), context) for k, v in item.get("with", {}).items()
            }
            if item.get("id") == "python":
                context.outputs["python"] = {"python-path": "/opt/python/bin/python"}
            continue
        if item.get("id") == "install":  # readme-lint is installed here already
            step_env(item, context)  # its expressions still have to be known
            context.outputs["install"] = {"python": sys.executable}
            continue
        result = run_step(item, context, cwd, tmp, event)
        steps[item["id"]] = result
        context.outputs[item["id"]] = result.outputs
        log += [result.stdout, result.stderr]
        if result.code != 0:
            context.failed = True
    outputs = {name: render(spec["value"], context) for name, spec in ACTION["outputs"].items()}
    return ActionRun(context.failed, outputs, steps, uses, "\n".join(log))


# --------------------------------------------------------------------------- runs
#
# Each readme-lint run costs most of a second (imports), so the scenarios that lint run
# side by side, once per module; the tests below check their results.

Checkout = tuple[Path, str]  # the working directory, the pull request's base sha


def pr_branch(folder: Path) -> Checkout:
    """A list with old problems on main; a branch that adds a broken entry; main moved on."""
    repo = make_repo(folder / "repo", OLD)
    return repo, branch_with_a_new_entry(repo)


def shallow_clone(folder: Path) -> Checkout:
    """actions/checkout's default, one commit deep; the base is on origin (file://)."""
    repo, base = pr_branch(folder)
    origin = folder / "origin.git"
    git(folder, "clone", "-q", "--bare", str(repo), str(origin))
    work = folder / "work"
    git(folder, "clone", "-q", "--depth=1", "--branch=add-paper", origin.as_uri(), str(work))
    assert git(work, "rev-parse", "--is-shallow-repository").strip() == "true"
    assert subprocess.run(["git", "cat-file", "-e", base], cwd=work, check=False).returncode
    return work, base


def clean_list(folder: Path) -> Checkout:
    return make_repo(folder / "repo", CLEAN), ""


def with_folders(folder: Path) -> Checkout:
    repo = make_repo(folder / "repo", CLEAN)
    for sub in ("lists/a", "my list"):
        (repo / sub).mkdir(parents=True)
        (repo / sub / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    (repo / "lists" / "notes.md").write_text(WITH_BROKEN, encoding="utf-8")  # not a README
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "more lists")
    return repo, ""


def the_corpus(folder: Path) -> Checkout:
    return make_repo(folder / "repo", CORPUS.read_text(encoding="utf-8")), ""


UNKNOWN = "0123456789abcdef0123456789abcdef01234567"


@dataclass(frozen=True)
class Scenario:
    setup: Callable[[Path], Checkout]
    event: str
    inputs: Mapping[str, str] = field(default_factory=dict)
    base: str | None = None  # instead of the checkout's


SCENARIOS = {
    "pr": Scenario(pr_branch, "pull_request"),
    "pr-target": Scenario(pr_branch, "pull_request_target"),
    "push": Scenario(pr_branch, "push"),
    "pr-all": Scenario(pr_branch, "pull_request", {"changed-only": "False", "python-version": ""}),
    "pr-args": Scenario(pr_branch, "pull_request", {"args": "--select 'RL201'"}),
    "pr-sarif": Scenario(pr_branch, "pull_request", {"sarif": "true", "sarif-file": "o/r.sarif"}),
    "shallow": Scenario(shallow_clone, "pull_request"),
    "unknown-base": Scenario(pr_branch, "pull_request", {"sarif": "true"}, base=UNKNOWN),
    "clean": Scenario(clean_list, "push", {"sarif": "True"}),
    "files": Scenario(with_folders, "push", {"files": '"my list/README.md"\n lists'}),
    "missing": Scenario(pr_branch, "push", {"files": "README.md missing.md"}),
    "corpus": Scenario(the_corpus, "push"),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[ActionRun, Path]]:
    """Every scenario's run and checkout, run concurrently."""

    def one(name: str) -> tuple[ActionRun, Path]:
        scenario = SCENARIOS[name]
        folder = tmp_path_factory.mktemp(name)
        checkout, base = scenario.setup(folder)
        run = run_action(
            checkout,
            folder,
            event=scenario.event,
            base_sha=base if scenario.base is None else scenario.base,
            **scenario.inputs,
        )
        return run, checkout

    names = [n for n in SCENARIOS if n != "corpus" or CORPUS.is_file()]
    with pytest.MonkeyPatch.context() as patch:
        for name in OUTER_GIT_VARIABLES:
            patch.delenv(name, raising=False)  # as no_outer_git, for this module-wide fixture
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
            return dict(zip(names, pool.map(one, names), strict=True))


EXPECTED = [  # scenario, exit code, the findings annotated on README.md
    ("pr", 1, NEW_FINDINGS),  # only the pull request's new entry
    ("pr-target", 1, NEW_FINDINGS),
    ("shallow", 1, NEW_FINDINGS),  # deepened from origin until the merge-base is there
    ("pr-sarif", 1, NEW_FINDINGS),  # the SARIF does not change the annotations
    ("push", 1, ALL_FINDINGS),
    ("pr-all", 1, ALL_FINDINGS),  # changed-only: False (and the Python on PATH)
    ("pr-args", 1, [(26, "RL201")]),  # --select 'RL201'
    ("clean", 0, []),
]


@needs_tools
@pytest.mark.parametrize(("name", "code", "findings"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_annotations_and_exit_code(
    runs: dict[str, tuple[ActionRun, Path]], name: str, code: int, findings: list[Finding]
) -> None:
    run, _ = runs[name]
    assert run.findings() == findings, run.log
    assert run.files() <= {"README.md"}
    assert "::notice::readme-lint: " in run.log
    assert run.failed is bool(code) and run.steps["lint"].code == code
    assert run.outputs == {"exit-code": str(code)}
    inputs = {**DEFAULTS, **SCENARIOS[name].inputs}
    assert ("github/codeql-action/upload-sarif@v3" in run.uses) is (inputs["sarif"] != "false")
    assert ("actions/setup-python@v5" in run.uses) is (inputs["python-version"] != "")


def sarif_findings(path: Path) -> list[Finding]:
    sarif = json.loads(path.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    return sorted(
        (r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"])
        for r in run["results"]
    )


@needs_tools
def test_sarif_is_written_and_uploaded_but_the_lint_decides(
    runs: dict[str, tuple[ActionRun, Path]],
) -> None:
    run, checkout = runs["pr-sarif"]
    assert run.failed and run.outputs == {"exit-code": "1"}
    # the whole file: code scanning compares a pull request with its base itself
    assert sarif_findings(checkout / "o" / "r.sarif") == ALL_FINDINGS
    assert run.uses["github/codeql-action/upload-sarif@v3"] == {
        "sarif_file": "o/r.sarif",
        "category": "readme-lint",
    }
    run, checkout = runs["clean"]
    assert not run.failed and sarif_findings(checkout / "readme-lint.sarif") == []
    assert "github/codeql-action/upload-sarif@v3" in run.uses


@needs_tools
def test_an_unknown_base_commit_fails_clearly(runs: dict[str, tuple[ActionRun, Path]]) -> None:
    """Not here, and no origin to fetch it from: exit 2 with a message, not a silent pass."""
    run, checkout = runs["unknown-base"]
    assert run.failed and run.outputs == {"exit-code": "2"}
    errors = [line for line in run.log.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and UNKNOWN in errors[0] and "fetch-depth: 0" in errors[0]
    assert run.findings() == []
    # the SARIF covers the whole file and needs no base: still written and uploaded
    assert sarif_findings(checkout / "readme-lint.sarif") == ALL_FINDINGS
    assert "github/codeql-action/upload-sarif@v3" in run.uses


@needs_tools
def test_files_are_split_as_a_shell_splits_them(runs: dict[str, tuple[ActionRun, Path]]) -> None:
    run, _ = runs["files"]
    assert run.files() == {"my list/README.md", "lists/a/README.md"}  # not lists/notes.md
    assert run.findings("my list/README.md") == ALL_FINDINGS
    assert run.outputs == {"exit-code": "1"}


@needs_tools
def test_a_missing_file_is_exit_2_and_the_others_are_still_linted(
    runs: dict[str, tuple[ActionRun, Path]],
) -> None:
    run, _ = runs["missing"]
    assert run.failed and run.outputs == {"exit-code": "2"}
    assert run.findings() == ALL_FINDINGS
    assert "missing.md" in run.log and "(exit 2)" in run.log


@needs_tools
def test_the_shared_corpus_on_a_push(runs: dict[str, tuple[ActionRun, Path]]) -> None:
    """Every annotation of a real list names a line of it, and the summary counts them."""
    if "corpus" not in runs:
        pytest.skip("the shared corpus is not beside this checkout")
    run, checkout = runs["corpus"]
    lines = len((checkout / "README.md").read_text(encoding="utf-8").splitlines())
    found = run.findings()
    assert found and all(1 <= line <= lines for line, _ in found)
    summary = re.search(r"^::notice::readme-lint: (\d+) problems?", run.log, re.MULTILINE)
    assert summary and int(summary.group(1)) == len(found)
    assert run.outputs["exit-code"] in ("0", "1")
    assert run.failed is (run.outputs["exit-code"] == "1")


# Failing before readme-lint runs: quick, so one repository each.


@needs_tools
@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"changed_only": "yes"}, "changed-only must be true or false, not 'yes'"),
        ({"sarif": "1"}, "sarif must be true or false, not '1'"),
        ({"files": '"README.md'}, "cannot split the inputs"),
        ({"args": "--select 'RL1"}, "cannot split the inputs"),
    ],
)
def test_bad_inputs_are_errors(tmp_path: Path, inputs: dict[str, str], message: str) -> None:
    repo, base = pr_branch(tmp_path)
    run = run_action(repo, tmp_path, event="pull_request", base_sha=base, **inputs)
    assert run.failed and run.outputs == {"exit-code": "2"}
    assert "::error title=readme-lint::" in run.log and message in run.log


@needs_tools
def test_outside_a_git_checkout_a_pull_request_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "README.md").write_text(WITH_BROKEN, encoding="utf-8")
    run = run_action(folder, tmp_path, event="pull_request", base_sha="ab" * 20)
    assert run.failed and run.outputs == {"exit-code": "2"}
    assert "is not a git checkout" in run.log and run.findings() == []
