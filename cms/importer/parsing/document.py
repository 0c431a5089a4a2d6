"""The result of parsing: one document's metadata."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Any

from vietnamese.vocabulary import DOCUMENT_KINDS

# Every kind's label, the archive's own and those it only cites or files without a kind.
KIND_NAMES = {k.code: k.label for k in DOCUMENT_KINDS}


@dataclass
class ParsedDocument:
    source: str = ""
    part: int = 0
    page_type: str = "official_document"  # or plan, exemplary_case, propaganda_material
    title: str = ""
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
    byline: str | None = None  # an article's author or source line
    # short references an article makes ("Kết luận 107 của Ban Bí thư"): kind, serial, issuer
    references: list[dict[str, Any]] = field(default_factory=list)
    attachment: bool = False  # issued with the document before it in the file
    # field -> {"source": where it was read, "confidence": 0..1}
    provenance: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str | None:
        return KIND_NAMES.get(self.kind) if self.kind else None

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
