"""The house rule: modules import downwards only. Every `from termbase... import`, at the top of
a module or inside a function, is an edge; the graph has no cycle."""

from __future__ import annotations

import ast

from .conftest import ROOT

PACKAGE = ROOT / "src" / "termbase"


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("termbase", *parts)).removesuffix(".__init__")
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.split(".")[0] == "termbase"
            ):
                for a in node.names:  # `from termbase.base import store` is an edge to store
                    sub = PACKAGE.joinpath(*node.module.split(".")[1:], a.name)
                    is_module = sub.with_suffix(".py").is_file() or sub.is_dir()
                    edges.add(f"{node.module}.{a.name}" if is_module else node.module)
        graph[name] = edges - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt in graph and not state.get(nxt):
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if not state.get(node):
            found = visit(node)
            if found:
                return found
    return None


def test_no_module_imports_one_that_imports_it() -> None:
    graph = _graph()
    # A package's __init__ may name its submodules (the CLI registers its commands); the
    # submodules importing their package is the one edge allowed upwards.
    for name in list(graph):
        graph[name] = {d for d in graph[name] if not name.startswith(d + ".")}
    assert _cycle(graph) is None


# The packages from the bottom up: a module imports from its own layer or one below, never
# from one above (so no circle between packages either). `termbase` itself (the public API,
# loading on first use) and `__main__` stand above them all.
LAYERS: list[set[str]] = [
    {"errors", "finding", "model", "langtags", "card", "catalog", "english", "formats"},  # bottom
    {"base"},  # the term base on disk
    {"chinese"},  # conversion and pinyin
    {"checks"},  # validation
    {"lint"},  # checking translations
    {"search"},  # look-up and its index (which keeps lint's matchers)
    {"report"},  # findings as text, JSON, SARIF ...
    {"edit"},  # changing the term base
    {"exchange"},  # TBX and every tool's glossary
    {"evolution"},  # history, mining
    {"servers"},  # LSP, MCP
    {"cli"},
]


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[1] == "__main__":
        return None  # termbase's public API: above everything
    for rank, members in enumerate(LAYERS):
        if parts[1] in members:
            return rank
    raise AssertionError(f"{module}: in no layer of tests/test_layers.py; add its package")


def test_packages_import_downwards_only() -> None:
    upward = []
    for module, edges in _graph().items():
        rank = _layer(module)
        if rank is None:
            continue
        for target in edges:
            to = _layer(target)
            if to is not None and to > rank:
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_every_package_says_what_it_owns_and_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text("utf-8"))) or ""
        assert doc, f"{init.parent.name}: no docstring"
    for name in ("base", "chinese", "checks", "search", "evolution", "servers", "edit"):
        text = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text("utf-8")))
        assert text is not None
        assert "May import" in text, name


def test_the_tree_shows_the_architecture() -> None:
    """About ten packages and a handful of modules at the top of src/termbase."""
    packages = [p for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()]
    modules = [p for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert 8 <= len(packages) <= 12, packages
    assert len(modules) <= 9, modules


def test_a_module_over_500_lines_says_why_at_its_top() -> None:
    """The house: a module holds one concern and rarely passes ~500 lines; one that does says
    why in its docstring."""
    long = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        if text.count("\n") > 500:
            doc = ast.get_docstring(ast.parse(text)) or ""
            if "Over the house's ~500 lines" not in doc:
                long.append(str(path.relative_to(PACKAGE)))
    assert long == []
