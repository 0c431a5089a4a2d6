"""Where each field came from and how sure the parser is, and the warnings an editor reads.

Warnings are for the review form, so they are Vietnamese and name a field by its label:
"Số hiệu: không tìm thấy", never "number: not found".
"""

from __future__ import annotations

from dataclasses import dataclass, field

FIELD_LABELS: dict[str, str] = {
    "page_type": "Loại trang",
    "title": "Tiêu đề",
    "kind": "Loại văn bản",
    "number": "Số hiệu",
    "issuer": "Cơ quan ban hành",
    "level": "Cấp ban hành",
    "place": "Địa danh",
    "date": "Ngày ban hành",
    "subject": "Trích yếu",
    "recipients": "Nơi gửi",
    "distribution": "Nơi nhận",
    "signing_capacity": "Thẩm quyền ký",
    "signer_title": "Chức vụ người ký",
    "signer": "Người ký",
    "regions": "Địa bàn",
    "body": "Nội dung",
    "sections": "Các mục",
    "closing": "Phần cuối",
    "byline": "Tác giả, nguồn tin",
    "cited": "Văn bản dẫn chiếu",
}

# How sure: found where the layout puts it; found elsewhere or inferred; missing.
SURE, LIKELY, GUESS, MISSING = 0.95, 0.7, 0.4, 0.0
DOUBTFUL_BELOW = 0.75


@dataclass
class FieldNotes:
    warnings: list[str] = field(default_factory=list)
    fields: dict[str, dict] = field(default_factory=dict)

    def found(self, name: str, source: str, confidence: float = SURE) -> None:
        self.fields[name] = {"source": source, "confidence": confidence}

    def inferred(self, name: str, source: str, message: str, confidence: float = LIKELY) -> None:
        self.fields[name] = {"source": source, "confidence": confidence}
        self.warn(name, message)

    def missing(self, name: str, message: str = "không tìm thấy") -> None:
        self.fields[name] = {"source": "", "confidence": MISSING}
        self.warn(name, message)

    def warn(self, name: str, message: str) -> None:
        self.warnings.append(f"{FIELD_LABELS.get(name, name)}: {message}")

    def clear(self, name: str) -> None:
        """Forget the warnings about ``name`` (found later, elsewhere)."""
        prefix = FIELD_LABELS.get(name, name) + ":"
        self.warnings = [w for w in self.warnings if not w.startswith(prefix)]


def doubtful_fields(fields: dict[str, dict]) -> list[str]:
    """Field names the parser is not sure of, least sure first."""
    ranked = sorted((info.get("confidence", 0.0), name) for name, info in fields.items())
    return [name for confidence, name in ranked if confidence < DOUBTFUL_BELOW]
