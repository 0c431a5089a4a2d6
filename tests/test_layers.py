"""The layers import one way: text → metadata → pages → index → views.

Read from the code itself (every import statement, those inside functions
included), so a new import against the flow fails here, not in review.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("vietnamese", "cms", "home", "search")


def _modules():
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(name, path):
    """The project modules ``name`` imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in MODULES:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                targets.add(candidate)
    return targets


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _importers_of(prefix):
    return {name: sorted(t for t in targets if t == prefix or t.startswith(prefix + ".")) for name, targets in GRAPH.items()}


def test_the_graph_is_read():
    # A positive control: the reader finds imports that exist.
    assert "vietnamese.text" in GRAPH["vietnamese.numbers"]
    assert "cms.content.models" in GRAPH["cms.directives.models"]


def test_no_import_cycle():
    """Tarjan's strongly connected components: any with two modules or more is a cycle."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


def test_the_text_core_imports_nothing_of_the_project():
    offenders = {name: sorted(targets) for name, targets in GRAPH.items() if name.startswith("vietnamese") and any(not t.startswith("vietnamese") for t in targets)}
    assert offenders == {}


def test_the_parallel_helper_imports_nothing_of_the_project():
    # the importer and the search engines both use it: it must stay below both
    assert GRAPH["cms.parallel"] == set()


@pytest.mark.parametrize("lower", ["cms.importer", "cms.taxonomy", "cms.content", "cms.directives", "cms.cases", "cms.materials", "cms.demo", "home"])
def test_lower_layers_do_not_import_search(lower):
    offenders = {
        name: targets
        for name, targets in _importers_of("search").items()
        if (name == lower or name.startswith(lower + ".")) and targets
    }
    assert offenders == {}


def test_content_pages_know_nothing_of_sections():
    offenders = {name: t for name, t in _importers_of("home").items() if name.startswith("cms.content") and t}
    assert offenders == {}
