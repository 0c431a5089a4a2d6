"""Importing files into the archive as draft pages.

Files → sources (folders and zips opened safely) → text (readers) →
documents (parser) → draft pages with the original file attached. Every
file gets an outcome with a reason; one bad file never stops the others,
and a document that fails leaves nothing behind (no page, no attachment).
"""

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from cms.content.bodytext import body_blocks
from cms.content.models import ContentPageAttachment
from cms.directives.metadata import apply_metadata
from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.taxonomy.models import Region
from home.models import SectionPage
from vietnamese.numbers import normalize_doc_number
from vietnamese.text import normalize

from .parser import parse
from .readers import ReaderError, read_text

ACCEPTED_EXTENSIONS = {".txt", ".md", ".docx", ".pdf"}
CREATED, UPDATED, SKIPPED, FAILED = "created", "updated", "skipped", "failed"
STATUS_LABELS = {CREATED: "Tạo mới", UPDATED: "Cập nhật", SKIPPED: "Bỏ qua", FAILED: "Lỗi"}
SCANNED_WARNING = "cần nhập nội dung: tệp PDF không có lớp chữ (bản quét)"


def max_bytes():
    return settings.IMPORT_MAX_BYTES


@dataclass
class Source:
    """One file to import: its name (as shown to the user) and its bytes."""

    name: str
    data: bytes


@dataclass
class Outcome:
    source: str
    status: str
    reason: str = ""
    title: str = ""
    page_id: int | None = None
    warnings: list = field(default_factory=list)
    metadata: dict | None = None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


class ImportFailure(Exception):
    """A file that cannot be imported; the message is for the user, in Vietnamese."""


# --------------------------------------------------------------------------------------------
# Sources: files, folders, zips
# --------------------------------------------------------------------------------------------


def iter_sources(paths):
    """Yield a Source per importable file, or an Outcome for what cannot be opened."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from file_sources(str(child), child.stat().st_size, child.read_bytes)
        elif path.is_file():
            yield from file_sources(str(path), path.stat().st_size, path.read_bytes)
        else:
            yield Outcome(str(raw), FAILED, "Không tìm thấy tệp hoặc thư mục.")


def file_sources(name, size, read):
    """The Sources in one file: a zip's members, or the file itself.

    ``read`` is called only when ``size`` is within the limit, so an oversized
    file is refused without being read (the command and the admin upload share this).
    """
    if size > max_bytes():
        yield Outcome(name, FAILED, _too_large(size))
        return
    data = read()
    if name.lower().endswith(".zip"):
        yield from zip_sources(data, name)
    else:
        yield Source(name, data)


def zip_sources(data, display):
    """The files inside a zip, refusing unsafe names and oversized members."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except zipfile.BadZipFile:
        yield Outcome(display, FAILED, "Tệp .zip bị hỏng hoặc không phải tệp nén zip.")
        return
    for member in members:
        if member.is_dir():
            continue
        name = f"{display}/{member.filename}"
        parts = PurePosixPath(member.filename.replace("\\", "/")).parts
        if member.filename.startswith(("/", "\\")) or ".." in parts or ":" in member.filename:
            yield Outcome(name, FAILED, "Tên tệp trong zip không an toàn (đường dẫn ra ngoài thư mục); đã bỏ qua.")
            continue
        if member.file_size > max_bytes():
            yield Outcome(name, FAILED, _too_large(member.file_size))
            continue
        try:
            yield Source(name, archive.read(member))
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as error:
            yield Outcome(name, FAILED, f"Không đọc được tệp trong zip ({error}).")


def _too_large(size):
    return f"Tệp quá lớn ({size / 1048576:.1f} MB); giới hạn là {max_bytes() / 1048576:.0f} MB."


# --------------------------------------------------------------------------------------------
# Extraction (no database)
# --------------------------------------------------------------------------------------------


def extract(source):
    """(documents, scanned) for a source; raises ImportFailure with a Vietnamese message."""
    extension = os.path.splitext(source.name)[1].lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise ImportFailure(
            f"Định dạng “{extension or 'không có đuôi'}” không được hỗ trợ; chỉ nhận .txt, .md, .docx, .pdf và .zip."
        )
    if len(source.data) > max_bytes():
        raise ImportFailure(_too_large(len(source.data)))
    if not source.data.strip():
        raise ImportFailure("Tệp rỗng, không có nội dung.")
    try:
        result = read_text(source.data, os.path.basename(source.name))
    except ReaderError as error:
        raise ImportFailure(str(error)) from error
    if not result.text.strip():
        if extension == ".pdf":
            return [], True
        raise ImportFailure("Tệp không có nội dung chữ.")
    documents = parse(result.text, os.path.basename(source.name))
    for document in documents:
        document.warnings = list(result.warnings) + document.warnings
    return documents, False


def content_hash(text):
    """Identity of a document's content, insensitive to spacing, case and tone placement."""
    return hashlib.sha256(" ".join(normalize(text).split()).encode("utf-8")).hexdigest()


def describe(document, source_name):
    """The JSON summary printed by --dry-run --json."""
    data = document.to_dict()
    return {
        "source": source_name,
        "part": data["part"],
        "kind": data["kind"],
        "number": data["number"],
        "issuer": data["issuer"],
        "level": data["level"],
        "place": data["place"],
        "date": data["date"],
        "subject": data["subject"],
        "signer": data["signer"],
        "signing_capacity": data["signing_capacity"],
        "recipients": data["recipients"],
        "cited_numbers": [cited["number"] for cited in data["cited"]],
        "themes": data["themes"],
        "regions": data["regions"],
        "warnings": data["warnings"],
    }


# --------------------------------------------------------------------------------------------
# Saving
# --------------------------------------------------------------------------------------------


def import_source(source, section_slug=None, dry_run=False, user=None):
    """Outcomes (one per extracted document, or one for the file) for one source."""
    try:
        documents, scanned = extract(source)
    except ImportFailure as error:
        return [Outcome(source.name, FAILED, str(error))]
    if scanned:
        if dry_run:
            return [Outcome(source.name, CREATED, SCANNED_WARNING, warnings=[SCANNED_WARNING])]
        return [save_guarded(source, lambda files: save_scanned(source, files, section_slug, user))]
    if dry_run:
        return [
            Outcome(source.name, CREATED, "", default_title(doc), warnings=doc.warnings, metadata=describe(doc, source.name))
            for doc in documents
        ]
    return [
        save_guarded(source, lambda files, doc=doc: save_document(doc, source, files, section_slug, user))
        for doc in documents
    ]


def save_guarded(source, save):
    """Run one save in its own transaction; on any error nothing of it remains.

    The database rolls back by itself; stored files do not, so ``save`` lists
    the files it writes and they are deleted again on failure.
    """
    files = []
    try:
        with transaction.atomic():
            return save(files)
    except Exception as error:  # one bad document must not stop the others
        for stored in files:
            stored.storage.delete(stored.name)
        reason = str(error) if isinstance(error, ImportFailure) else f"Lỗi khi lưu văn bản: {error}"
        return Outcome(source.name, FAILED, reason)


def default_title(doc):
    """A page title from kind, number and subject ("Công văn 610-CV/TU về ...")."""
    label = doc.kind_label or "Văn bản"
    head = f"{label} {doc.number}" if doc.number else label
    subject = (doc.subject or "").strip()
    if subject:
        joiner = " về " if doc.kind in ("cong_van", None) else " "
        head = f"{head}{joiner}{subject[0].lower() + subject[1:] if doc.number else subject}"
    return head[:250]


def _section(section_slug, kind, regions, user=None):
    """The section a new document goes to; an editor may only use their own sections."""
    if isinstance(section_slug, SectionPage):  # chosen in the admin: slugs repeat under different parents
        section = section_slug
    elif section_slug:
        section = SectionPage.objects.filter(slug=section_slug).order_by("depth").first()
        if section is None:
            raise ImportFailure(f"Không tìm thấy chuyên mục “{section_slug}”.")
    else:
        section = SectionPage.for_content("ke_hoach" if kind == "ke_hoach" else "van_ban", regions)
        if section is None:
            raise ImportFailure("Chưa có chuyên mục để nhận văn bản (chạy load_demo hoặc tạo chuyên mục trước).")
    if user is not None and not section.permissions_for_user(user).can_add_subpage():
        raise ImportFailure(f"Bạn không có quyền thêm văn bản vào chuyên mục “{section.title}”.")
    return section


def find_existing(number, issuer, digest):
    """The archived document this one repeats: same number and issuer, or same content."""
    key = normalize_doc_number(number) if number else None
    if key:
        match = OfficialDocumentPage.objects.filter(number_key=key)
        if issuer:
            match = match.filter(issuer__name=issuer)
        page = match.first()
        if page:
            return page
    return OfficialDocumentPage.objects.filter(import_hash=digest).first()


def _attach(page, source, files):
    """Attach the original file (recorded in ``files`` so a failure can remove it)."""
    Document = get_document_model()
    document = Document(title=f"Bản gốc: {os.path.basename(source.name)}")
    document.file.save(os.path.basename(source.name), ContentFile(source.data), save=False)
    files.append(document.file)
    document.save()
    page.attachments = [ContentPageAttachment(document=document, is_original=True, caption="Tệp gốc", sort_order=0)]


def save_document(doc, source, files, section_slug=None, user=None, title=None):
    digest = content_hash(doc.body_text or source.data.decode("utf-8", "ignore"))
    existing = find_existing(doc.number, doc.issuer, digest)
    # Compare with the latest revision: an earlier import may be a draft awaiting review.
    page = existing.get_latest_revision_as_object() if existing else None
    if page is not None and page.import_hash == digest:
        return Outcome(source.name, SKIPPED, "Đã có trong kho, nội dung không đổi.", existing.title, existing.pk)
    if existing is not None and user is not None and not existing.permissions_for_user(user).can_edit():
        raise ImportFailure(f"Văn bản đã có trong kho (“{existing.title}”) nhưng bạn không có quyền cập nhật.")
    regions = list(Region.objects.filter(slug__in=doc.regions))
    if page is None:
        model = PlanPage if doc.kind == "ke_hoach" else OfficialDocumentPage
        page = model(title=title or default_title(doc), live=False)
    section = _section(section_slug, doc.kind, regions, user) if existing is None else None
    apply_metadata(page, doc)
    page.import_hash = digest
    page.body = _blocks(doc)
    _attach(page, source, files)
    if section is not None:
        # A new draft's own rows (citations, attachments) exist at once; an update
        # of a live document only goes into a revision awaiting review.
        section.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    status, reason = (UPDATED, "Đã có trong kho; lưu bản cập nhật chờ duyệt.") if existing else (CREATED, "Tạo bản nháp.")
    return Outcome(source.name, status, reason, page.title, page.pk, doc.warnings, describe(doc, source.name))


def _blocks(doc):
    blocks = []
    for section in doc.sections:
        if section.get("heading"):
            blocks.append(("heading", section["heading"]))
        blocks.extend(body_blocks("\n\n".join(section.get("paragraphs", []))))
    return blocks


def save_scanned(source, files, section_slug=None, user=None):
    """A PDF without text: a draft flagged "cần nhập nội dung" holding the file."""
    name = os.path.basename(source.name)
    digest = hashlib.sha256(source.data).hexdigest()
    existing = OfficialDocumentPage.objects.filter(import_hash=digest).first()
    if existing:
        return Outcome(source.name, SKIPPED, "Đã có trong kho, nội dung không đổi.", existing.title, existing.pk)
    page = OfficialDocumentPage(
        title=f"Văn bản chưa nhập nội dung: {name}", live=False, needs_content=True, import_hash=digest
    )
    section = _section(section_slug, None, [], user)
    _attach(page, source, files)
    section.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return Outcome(source.name, CREATED, SCANNED_WARNING, page.title, page.pk, [SCANNED_WARNING])
