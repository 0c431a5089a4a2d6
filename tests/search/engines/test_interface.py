"""Both engines are one ``Engine``, and the engines stay below the pages:
no module of ``search.engines`` imports a page model or index upkeep (upkeep
imports them), and neither engine imports the other (what they share is in
``search.engines.base``). Imports are read from the source, inner ones too."""

import ast
import inspect
from pathlib import Path

import pytest

import search.engines
from search.engines.base import Engine, WriteResult
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.engines.embedded.engine import EmbeddedEngine

ENGINES_DIR = Path(search.engines.__file__).parent
FORBIDDEN = ("cms", "home", "wagtail", "search.indexing", "search.signals", "search.outbox", "search.pending")
# Helpers that import nothing of the project (tests/test_layers.py checks it): not pages, not upkeep.
PURE = ("cms.parallel",)
METHODS = ("index", "delete", "search", "suggest", "rebuild", "indexed", "health")


def module_name(path: Path) -> str:
    parts = path.relative_to(ENGINES_DIR.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module an import in ``source`` names, wherever the import stands,
    relative ones resolved; ``from a import b`` names both ``a`` and ``a.b``."""
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


def forbidden(names: set[str]) -> set[str]:
    def under(name, prefixes):
        return any(name == p or name.startswith(p + ".") for p in prefixes)

    return {n for n in names if under(n, FORBIDDEN) and not under(n, PURE)}


def engine_modules() -> dict[str, set[str]]:
    paths = sorted(ENGINES_DIR.rglob("*.py"))
    assert len(paths) >= 9, paths  # the walk found the subpackages
    return {module_name(p): imported(p.read_text(encoding="utf-8"), module_name(p), p.name == "__init__.py") for p in paths}


@pytest.mark.parametrize("engine", [EmbeddedEngine(), ElasticsearchEngine("")], ids=["embedded", "elasticsearch"])
def test_each_engine_is_an_engine(engine):
    assert isinstance(engine, Engine)
    assert isinstance(engine.name, str) and isinstance(engine.label, str)


@pytest.mark.parametrize("cls", [EmbeddedEngine, ElasticsearchEngine], ids=["embedded", "elasticsearch"])
@pytest.mark.parametrize("method", METHODS)
def test_methods_take_what_the_interface_names(cls, method):
    """Same parameters, in the same order, with the same defaults: a caller
    written against ``Engine`` works with either."""
    wanted = list(inspect.signature(getattr(Engine, method)).parameters.values())
    actual = list(inspect.signature(getattr(cls, method)).parameters.values())
    assert [(p.name, p.default) for p in actual] == [(p.name, p.default) for p in wanted]


def test_a_write_says_what_it_missed():
    assert WriteResult(written=2).missed([1, 2]) == []
    assert WriteResult(written=1, refused=[2]).missed([1, 2]) == [2]
    assert WriteResult(unreachable=True).missed([1, 2]) == [1, 2]


def test_no_engine_module_imports_pages_or_upkeep():
    found = {module: sorted(forbidden(names)) for module, names in engine_modules().items()}
    assert {m: f for m, f in found.items() if f} == {}


def test_engines_do_not_import_each_other():
    for module, names in engine_modules().items():
        for own, other in (("embedded", "elasticsearch"), ("elasticsearch", "embedded")):
            if module.startswith(f"search.engines.{own}"):
                assert not {n for n in names if n.startswith(f"search.engines.{other}")}, module


@pytest.mark.parametrize(
    "source",
    [
        "from search import outbox",
        "import cms.content.models",
        "def later():\n    from search.indexing import documents",
        "class X:\n    def f(self):\n        import wagtail.models",
        "from ... import signals",
        "from ...indexing import current",
    ],
)
def test_the_check_sees_every_kind_of_import(source):
    assert forbidden(imported(source, "search.engines.elasticsearch.engine"))
