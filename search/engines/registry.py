"""Which engine answers searches, and which indexes are kept up to date.

``SEARCH_ENGINE`` (settings, from the environment) names the engine that
answers: "embedded" (default, no server) or "elasticsearch". The embedded
index is always written too: it is the fallback when the cluster is away.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from search.engines.base import Engine
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.engines.embedded.engine import EmbeddedEngine

_MAKERS: dict[str, Callable[[], Engine]] = {
    EmbeddedEngine.name: EmbeddedEngine,
    ElasticsearchEngine.name: ElasticsearchEngine.from_settings,
}
ENGINES = tuple(_MAKERS)
_instances: dict[str, Engine] = {}


def get_engine(name: str | None = None) -> Engine:
    name = name or settings.SEARCH_ENGINE
    if name not in _MAKERS:
        raise ValueError(f"Không có công cụ tìm kiếm “{name}”; chọn một trong: {', '.join(ENGINES)}.")
    if name not in _instances:
        _instances[name] = _MAKERS[name]()
    return _instances[name]


def writable_engines() -> list[Engine]:
    engines = [get_engine(EmbeddedEngine.name)]
    if settings.SEARCH_ENGINE != EmbeddedEngine.name:
        engines.append(get_engine())
    return engines


def reset() -> None:
    """Forget engine instances (tests that change settings)."""
    _instances.clear()
