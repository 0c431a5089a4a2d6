"""What a backup must give back: the same pages, metadata, files and search answers.

``site_summary`` describes the site as it is; the backup stores it in its
manifest, the restore compares the restored site with it, and the round-trip
test compares both sites field by field.
"""

import datetime as dt
import hashlib
from pathlib import Path

from django.conf import settings
from wagtail.models import Page

from cms.content.models import ContentPage
from search import service
from search.params import parse_search

# Queries whose answers a restored site must repeat (page ids, in order).
PROBE_QUERIES = ("hàng Việt Nam", "công văn", "kế hoạch tuyên truyền", "610-CV/TU", "gương điển hình")
META_FIELDS = ("title", "slug", "url_path", "live", "issued_date", "summary", "number", "kind", "first_published_at")


def file_hashes(root=None):
    """{path relative to MEDIA_ROOT: sha256} of every file under it."""
    root = Path(root or settings.MEDIA_ROOT)
    hashes = {}
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            hashes[path.relative_to(root).as_posix()] = digest.hexdigest()
    return hashes


def page_metadata():
    rows = {}
    for page in ContentPage.objects.order_by("pk").specific():
        values = {}
        for name in META_FIELDS:
            value = getattr(page, name, None)
            if isinstance(value, dt.datetime):
                # Django's JSON dump keeps datetimes to the millisecond.
                value = value.replace(microsecond=value.microsecond // 1000 * 1000)
            values[name] = value.isoformat() if hasattr(value, "isoformat") else value
        values["themes"] = sorted(t.slug for t in page.themes.all())
        values["regions"] = sorted(r.slug for r in page.regions.all())
        values["attachments"] = [a.document.file.name for a in page.attachments.order_by("sort_order")]
        rows[str(page.pk)] = values
    return rows


def search_answers(queries=PROBE_QUERIES):
    answers = {}
    for text in queries:
        query, _messages = parse_search({"q": text}, per_page=20)
        answers[text] = [hit.page_id for hit in service.search(query).hits]
    return answers


def site_summary(queries=PROBE_QUERIES):
    return {
        "pages": Page.objects.count(),
        "metadata": page_metadata(),
        "files": file_hashes(),
        "search": search_answers(queries),
    }


def differences(expected, actual):
    """Human-readable (Vietnamese) differences between two summaries; empty when they match."""
    found = []
    if expected["pages"] != actual["pages"]:
        found.append(f"Số trang: {expected['pages']} trong bản sao lưu, {actual['pages']} sau khi khôi phục.")
    wrong = [pk for pk in expected["metadata"] if expected["metadata"][pk] != actual["metadata"].get(pk)]
    if wrong or set(actual["metadata"]) - set(expected["metadata"]):
        fields = sorted({
            name for pk in wrong for name, value in expected["metadata"][pk].items()
            if (actual["metadata"].get(pk) or {}).get(name) != value
        })
        found.append(
            f"Thông tin của {len(wrong)} trang khác bản sao lưu (ví dụ trang số {', '.join(wrong[:5])}; trường: {', '.join(fields)})."
        )
    files = [p for p, h in expected["files"].items() if actual["files"].get(p) != h]
    if files:
        found.append(f"{len(files)} tệp thiếu hoặc khác bản sao lưu (ví dụ {', '.join(files[:3])}).")
    queries = [q for q in expected["search"] if expected["search"][q] != actual["search"].get(q)]
    if queries:
        found.append(f"Kết quả tìm kiếm khác bản sao lưu cho: {', '.join(queries)}.")
    return found
