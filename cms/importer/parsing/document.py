"""The result of parsing: one document's metadata."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Any

from vietnamese.vocabulary import KINDS


@dataclass
class ParsedDocument:
    source: str = ""
    part: int = 0
    kind: str | None = None
    number: str | None = None
    issuer: str | None = None
    level: str | None = None
    place: str | None = None
    date: datetime.date | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    body_text: str = ""
    distribution: list[str] = field(default_factory=list)
    signing_capacity: str | None = None
    signer_title: str | None = None
    signer: str | None = None
    cited: list[dict[str, Any]] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str | None:
        return KINDS.get(self.kind) if self.kind else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values: dates as ISO strings, lists copied."""

        def convert(value: Any) -> Any:
            if isinstance(value, datetime.date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: convert(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return [convert(v) for v in value]
            return value

        return {f.name: convert(getattr(self, f.name)) for f in dataclasses.fields(self)}
