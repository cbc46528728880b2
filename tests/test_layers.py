"""The package's import graph, built from the source: no cycles, rule families kept private.

Every ``import`` and ``from ... import`` counts, also those inside functions (a lazy import
is still a dependency) and under ``TYPE_CHECKING`` (a cycle there is a design cycle too).
``from package import module`` is an edge to the module, not to the package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "readme_lint"
RULE_FAMILIES = "readme_lint.rules."
RULE_REGISTRY = "readme_lint.rules.registry"


def module_files(package: Path = PACKAGE) -> dict[str, Path]:
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _base(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = here[: len(here) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``module`` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, path, node)
            submodules = {f"{base}.{alias.name}" for alias in node.names}
            found.update(submodules & known)
            if submodules - known:  # names defined in the module itself
                found.add(base)
    return {m for m in found if m in known and m != module}


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    files = module_files(package)
    return {m: imports(m, p, set(files)) for m, p in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_the_graph_is_read_from_the_source() -> None:
    graph = import_graph()
    assert "readme_lint.core.model" in graph["readme_lint.engine.run"]
    # A lazy import inside a function counts.
    assert "readme_lint.engine.fix" in graph["readme_lint.cli.run"]


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        pytest.param(
            {"a": "from pkg import b\n", "b": "import pkg.a\n"}, [["pkg.a", "pkg.b"]], id="pair"
        ),
        pytest.param(
            {
                "a": "from pkg.b import x\n",
                "b": "def f():\n    from pkg import c\n",
                "c": "from . import a\n",
            },
            [["pkg.a", "pkg.b", "pkg.c"]],
            id="lazy-and-relative",
        ),
        pytest.param({"a": "from pkg import b\n", "b": "import os\n"}, [], id="no-cycle"),
    ],
)
def test_cycles_are_found(
    tmp_path: Path, sources: dict[str, str], expected: list[list[str]]
) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in sources.items():
        (package / f"{name}.py").write_text(text)
    assert cycles(import_graph(package)) == expected


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_nothing_outside_rules_imports_a_rule_family() -> None:
    """Rule modules export nothing: what several places need lives in core/."""
    offenders = [
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        if module != "readme_lint.rules" and not module.startswith(RULE_FAMILIES)
        for target in targets
        if target.startswith(RULE_FAMILIES) and target != RULE_REGISTRY
    ]
    assert offenders == []


def test_rule_families_import_no_other_family() -> None:
    graph = import_graph()
    families = [m for m in graph if m.startswith(RULE_FAMILIES) and m != RULE_REGISTRY]
    offenders = [f"{m} -> {t}" for m in families for t in graph[m] if t in families]
    assert offenders == []


def test_every_format_module_registers_itself_and_nothing_lists_formats() -> None:
    """A new entry format is one module in formats/ (plus fixtures): discovery finds it,
    and names, fields and break styles are read from its registration."""
    from readme_lint.formats import all_formats, format_fields, format_names, hard_break_formats

    modules = {p.stem for p in (PACKAGE / "formats").glob("*.py")} - {
        "__init__",
        "base",
        "registry",
    }
    formats = all_formats()
    assert {f.read.__module__.rsplit(".", 1)[1] for f in formats} == modules
    assert format_names() == tuple(f.name for f in sorted(formats, key=lambda f: f.priority))
    assert hard_break_formats() == {"paragraph", "paragraph-quoted"}
    assert format_fields("paragraph") == {"title", "authors", "link", "summary"}
    assert format_fields("bullet") == {"title", "link"}
