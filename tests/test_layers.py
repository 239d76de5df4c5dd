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
                and node.module.startswith("termbase")
            ):
                if node.module == "termbase":
                    edges |= {f"termbase.{a.name}" for a in node.names}
                else:
                    edges.add(node.module)
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
