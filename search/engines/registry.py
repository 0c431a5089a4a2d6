"""Which engine answers searches, and which indexes are kept up to date.

``SEARCH_ENGINE`` (settings, from the environment) names the engine that
answers: "embedded" (default, no server) or "elasticsearch". The embedded
index is always written too: it is the fallback when the cluster is away.
"""

from __future__ import annotations

from django.conf import settings

from .embedded import EmbeddedEngine

ENGINES = ("embedded", "elasticsearch")
_instances: dict[str, object] = {}


class EngineUnavailable(Exception):
    """The engine cannot answer now (down, slow, refusing): fall back."""


def get_engine(name: str | None = None):
    name = name or getattr(settings, "SEARCH_ENGINE", "embedded")
    if name not in ENGINES:
        raise ValueError(f"Không có công cụ tìm kiếm “{name}”; chọn một trong: {', '.join(ENGINES)}.")
    if name not in _instances:
        if name == "embedded":
            _instances[name] = EmbeddedEngine()
        else:
            from .elasticsearch import ElasticsearchEngine

            _instances[name] = ElasticsearchEngine.from_settings()
    return _instances[name]


def writable_engines() -> list:
    engines = [get_engine("embedded")]
    if getattr(settings, "SEARCH_ENGINE", "embedded") != "embedded":
        engines.append(get_engine())
    return engines


def reset() -> None:
    """Forget engine instances (tests that change settings)."""
    _instances.clear()
