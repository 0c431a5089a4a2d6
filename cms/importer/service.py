"""Importing files into the archive as draft pages.

Files → sources (folders and zips opened safely) → text (readers) →
documents (parser) → draft pages with the original file attached. Every
file gets an outcome with a reason; one bad file never stops the others,
and a document that fails leaves nothing behind (no page, no attachment).
"""

import hashlib
from contextlib import contextmanager
from html import escape
import io
import logging
import os
import threading
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.content.bodytext import body_blocks
from cms.content.indexing import deferred_indexing
from cms.cases.models import ExemplaryCasePage
from cms.content.models import ContentPageAttachment, ContentPageRelated
from cms.directives.metadata import apply_metadata
from cms.directives.models import DocumentCitation, OfficialDocumentPage, PlanPage, waiting_citations_batch
from cms.materials.models import PropagandaMaterialPage
from cms.parallel import chunks_mapped
from cms.taxonomy.models import Region, Theme
from home.models import SectionPage
from vietnamese.numbers import normalize_doc_number
from vietnamese.text import normalize
from vietnamese.vocabulary import PAGE_TYPE_CONTENT

from .models import ImportedFile
from . import placement
from .parser import parse
from .parsing.title import title_of
from . import readers
from .readers import ReaderError, read_text

logger = logging.getLogger(__name__)

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
    files = [member for member in members if not member.is_dir()]
    if len(files) > settings.IMPORT_MAX_FILES_PER_ZIP:
        yield Outcome(display, FAILED, f"Tệp .zip có {len(files)} tệp, vượt giới hạn {settings.IMPORT_MAX_FILES_PER_ZIP} tệp "
                      "cho mỗi tệp .zip; hãy chia nhỏ rồi nhập lại. Chưa nhập tệp nào trong đó.")
        return
    expanded = sum(member.file_size for member in files)
    if expanded > settings.IMPORT_MAX_EXPANDED_BYTES:
        yield Outcome(display, FAILED, f"Tệp .zip khi giải nén chiếm {expanded / 1048576:.0f} MB, vượt giới hạn "
                      f"{settings.IMPORT_MAX_EXPANDED_BYTES / 1048576:.0f} MB. Chưa nhập tệp nào trong đó.")
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
    readers.MAX_EXPANDED_BYTES = settings.IMPORT_MAX_EXPANDED_BYTES
    try:
        result = read_text(source.data, os.path.basename(source.name))
    except ReaderError as error:
        raise ImportFailure(str(error)) from error
    if not result.text.strip():
        if extension == ".pdf":
            return [], True
        raise ImportFailure("Tệp không có nội dung chữ.")
    words = len(result.text.split())
    if words < settings.IMPORT_MIN_WORDS:
        raise ImportFailure(
            f"Tệp chỉ có {words} chữ, không phải nội dung một văn bản hay bài viết; không tạo bản nháp."
        )
    documents = parse(result.text, os.path.basename(source.name))
    if not documents:
        raise ImportFailure("Không tìm thấy nội dung văn bản trong tệp; không tạo bản nháp.")
    for document in documents:
        document.warnings = list(result.warnings) + document.warnings
    return documents, False


@lru_cache(maxsize=256)  # asked twice a document of a batch (read_archived, save_document)
def content_hash(text):
    """Identity of a document's content, insensitive to spacing, case and tone placement."""
    return hashlib.sha256(" ".join(normalize(text).split()).encode("utf-8")).hexdigest()


def describe(document, source_name):
    """The JSON summary printed by --dry-run --json."""
    data = document.to_dict()
    return {
        "source": source_name,
        "part": data["part"],
        "title": document.title or title_of(document),
        "page_type": data["page_type"],
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
        "references": data["references"],
        "byline": data["byline"],
        "themes": data["themes"],
        "regions": data["regions"],
        "provenance": data["provenance"],
        "warnings": data["warnings"],
    }


# --------------------------------------------------------------------------------------------
# Saving
# --------------------------------------------------------------------------------------------


BATCH_SIZE = 50  # files whose index work is done in one pass


class _BatchCache(threading.local):
    """Look-ups that every document of a batch repeats (regions, themes, sections), asked once per
    batch. Only rows that existed before the batch are kept, so a document rolled back cannot
    leave a stale entry behind."""

    def __init__(self):
        self.active = False
        self.regions: dict[str, Region] = {}
        self.themes: dict[str, Theme] = {}
        self.sections: dict[tuple, SectionPage] = {}
        self.root_collection_id: int | None = None
        self.issuers: dict = {}  # issuing bodies by name (cms.directives.metadata.issuing_body)
        # Files already imported, for the batch's files (read at its start) and those it imports:
        # (digest, part) -> (page id, title); the rows it adds (ImportedFile, written at its end
        # in a deferred batch, placement.deferred()), dropped when a document rolls back.
        self.imported_digests: set = set()
        self.imported: dict = {}
        self.imported_new: list = []
        self.files: list = []  # the files the batch's documents stored
        # The archived documents the batch's documents may repeat (find_existing): (pk, number key,
        # issuer, content hash) of those with their numbers or contents, read at its start, and
        # of those it saves (dropped when a document rolls back).
        self.archived: list | None = None

    @contextmanager
    def batch(self):
        if self.active:  # nested: the outer batch owns the cache
            yield
            return
        self.active, self.files = True, []
        try:
            yield
        finally:
            self.active = False
            self.regions.clear()
            self.themes.clear()
            self.sections.clear()
            self.root_collection_id = None
            self.issuers.clear()
            self.imported_digests.clear()
            self.imported.clear()
            self.imported_new.clear()
            self.archived = None

    def read_imported(self, sources):
        """The earlier imports of these files, in one query."""
        digests = {hashlib.sha256(source.data).hexdigest() for source in sources if isinstance(source, Source)}
        rows = ImportedFile.objects.filter(digest__in=digests).values_list("digest", "part", "page_id", "page__title")
        for digest, part, page_id, title in rows:
            self.imported[(digest, part)] = (page_id, title)
        self.imported_digests |= digests

    def read_archived(self, sources, extractions):
        """The archived documents with the numbers or contents of these extractions' documents,
        in one query."""
        keys, digests = set(), set()
        for source, extraction in zip(sources, extractions):
            if isinstance(source, Source) and isinstance(extraction, tuple):
                for doc in extraction[0]:
                    if doc.page_type in ARTICLE_MODELS:  # an article repeats no archived document
                        continue
                    keys.add(normalize_doc_number(doc.number) if doc.number else None)
                    digests.add(document_digest(doc, source))
        keys.discard(None)
        self.archived = list(_archived_rows(Q(import_hash__in=digests) | Q(number_key__in=keys)))

    def note_archived(self, page, issuer, digest):
        if self.archived is not None:
            self.archived.append((page.pk, page.number_key, issuer, digest))

    def write_imported(self):
        """The batch's ImportedFile rows, in one INSERT (a deferred batch's)."""
        if not (placement.deferred() and self.imported_new):
            return
        try:
            with transaction.atomic():
                ImportedFile.objects.bulk_create(self.imported_new)
        except Exception as error:  # the batch is redone file by file, each row with its document
            raise placement.WriteFailed(f"{type(error).__name__}: {error}") from error


_cache = _BatchCache()


def _by_slug(model, store, slugs):
    """The ``model`` rows with these slugs, in the order of ``path`` for regions (as queried)."""
    slugs = list(slugs)
    if not _cache.active:
        rows = model.objects.filter(slug__in=slugs)
        return list(rows.order_by("path") if model is Region else rows)
    missing = [slug for slug in slugs if slug not in store]
    if missing:
        for row in model.objects.filter(slug__in=missing):
            store[row.slug] = row
    rows = [store[slug] for slug in dict.fromkeys(slugs) if slug in store]
    return sorted(rows, key=lambda r: r.path) if model is Region else rows


def regions_for(slugs):
    return _by_slug(Region, _cache.regions, slugs)


def themes_for(slugs):
    return _by_slug(Theme, _cache.themes, slugs)


def import_all(items, section_slug=None, dry_run=False, user=None, progress=None):
    """Outcomes for Sources (and Outcomes of files that could not be opened, passed through),
    the index work of each batch of files done once at the batch's end. A large import's files
    are read and parsed by other processes, some ahead of the saves (``cms.parallel``)."""
    items = list(items)
    outcomes = []
    options = dict(section_slug=section_slug, dry_run=dry_run, user=user, progress=progress, total=len(items))
    with chunks_mapped(extracted_all, items, EXTRACT_CHUNK, parallel_from=PARALLEL_FROM, processes=1) as chunks:
        extractions = chain.from_iterable(chunks)
        for start in range(0, len(items), BATCH_SIZE):
            chunk = items[start:start + BATCH_SIZE]
            extracted = list(islice(extractions, len(chunk)))
            try:
                outcomes.extend(_import_batch(chunk, extracted, start, deferred=True, **options))
            except placement.WriteFailed as error:
                # Writing the batch's pages together failed (the database refused a row): it is
                # rolled back whole, and done again page by page, each in its own savepoint, so
                # only the document at fault fails.
                logger.warning("import batch written together failed (%s); again page by page", error)
                outcomes.extend(_import_batch(chunk, extracted, start, deferred=False, **options))
    return outcomes


def _import_batch(chunk, extracted, start, deferred, section_slug, dry_run, user, progress, total):
    outcomes, files = [], []
    # One transaction per batch (each document in its own savepoint, see save_guarded): a
    # stopped import loses at most its current batch, whole, and a rerun redoes it.
    try:
        with deferred_indexing(), transaction.atomic(), _cache.batch(), placement.batch(deferred), \
                waiting_citations_batch():
            files = _cache.files
            _cache.read_imported(chunk)
            _cache.read_archived(chunk, extracted)
            for index, (item, extraction) in enumerate(zip(chunk, extracted), start=start + 1):
                if isinstance(item, Outcome):
                    outcomes.append(item)
                else:
                    outcomes.extend(import_source(item, section_slug, dry_run, user, extraction))
                if progress:
                    progress(index, total)
            _cache.write_imported()
    except placement.WriteFailed:
        _delete(files)  # the rolled-back batch's stored files
        raise
    return outcomes


EXTRACT_CHUNK = 10  # files read and parsed together, by one process
PARALLEL_FROM = 2 * BATCH_SIZE  # files from which reading and parsing is worth other processes


def extracted_all(items):
    """``extract`` of each Source: (documents, scanned), or the ImportFailure it raised; None
    for an Outcome. Module-level and pure, so other processes can run it (``cms.parallel``)."""
    results = []
    for item in items:
        if isinstance(item, Outcome):
            results.append(None)
            continue
        try:
            results.append(extract(item))
        except ImportFailure as error:
            results.append(error)
    return results


def import_source(source, section_slug=None, dry_run=False, user=None, extraction=None):
    """Outcomes (one per extracted document, or one for the file) for one source
    (``extraction``: ``extracted_all``'s result for it, if read already)."""
    if extraction is None:
        [extraction] = extracted_all([source])
    if isinstance(extraction, ImportFailure):
        return [Outcome(source.name, FAILED, str(extraction))]
    documents, scanned = extraction
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
    the files it writes and they are deleted again on failure. A save that reads a page
    of the batch whose rows are still in memory is begun again once they are written.
    """
    while True:
        files = []
        recorded, mark = len(_cache.imported_new), placement.pending()
        archived = len(_cache.archived) if _cache.archived is not None else 0
        try:
            with transaction.atomic():
                outcome = save(files)
            if _cache.active:
                _cache.files.extend(files)
            return outcome
        except placement.Unwritten:  # raised before it stored anything
            _delete(files)
            placement.write_pending()
        except placement.WriteFailed:
            _delete(files)
            raise  # the batch is done again page by page (import_all)
        except Exception as error:  # one bad document must not stop the others
            placement.forget(mark)
            _cache.issuers.clear()  # a body it filled in is rolled back too
            for row in _cache.imported_new[recorded:]:  # and so are its imported-file rows
                del _cache.imported[(row.digest, row.part)]
            del _cache.imported_new[recorded:]
            if _cache.archived is not None:
                del _cache.archived[archived:]
            _delete(files)
            reason = str(error) if isinstance(error, ImportFailure) else f"Lỗi khi lưu văn bản: {error}"
            return Outcome(source.name, FAILED, reason)


def _delete(files):
    for stored in files:
        stored.storage.delete(stored.name)


def default_title(doc):
    """The page title: "Kind number về subject" for an official document, the headline for an
    article (``cms.importer.parsing.title``), recomputed after the editor's corrections."""
    return title_of(doc)


def _section(section_slug, page_type, regions, user=None):
    """The section a new document goes to; an editor may only use their own sections."""
    if isinstance(section_slug, SectionPage):  # chosen in the admin: slugs repeat under different parents
        section = section_slug
    elif section_slug:
        section = SectionPage.objects.filter(slug=section_slug).order_by("depth").first()
        if section is None:
            raise ImportFailure(f"Không tìm thấy chuyên mục “{section_slug}”.")
    else:
        kind = PAGE_TYPE_CONTENT.get(page_type, "van_ban")
        key = (kind, tuple(region.pk for region in regions))
        section = _cache.sections.get(key) if _cache.active else None
        if section is None:
            section = SectionPage.for_content(kind, regions)
            if section is not None and _cache.active:
                _cache.sections[key] = section
        if section is None:
            raise ImportFailure("Chưa có chuyên mục để nhận văn bản (chạy load_demo hoặc tạo chuyên mục trước).")
    if user is not None and not section.permissions_for_user(user).can_add_subpage():
        raise ImportFailure(f"Bạn không có quyền thêm văn bản vào chuyên mục “{section.title}”.")
    return section


def find_existing(number, issuer, digest):
    """The archived document this one repeats: same number and issuer, or else same content
    (the first of each; inside a batch, from the rows it read for its documents)."""
    key = normalize_doc_number(number) if number else None
    if _cache.archived is not None:
        matches = [row for row in _cache.archived if row[3] == digest or (key and row[1] == key)]
    else:
        wanted = Q(import_hash=digest)
        if key:
            wanted |= Q(number_key=key, issuer__name=issuer) if issuer else Q(number_key=key)
        matches = _archived_rows(wanted)
    same_number = [pk for pk, number_key, name, _hash in matches if key and number_key == key and (not issuer or name == issuer)]
    found = same_number or [pk for pk, _key, _name, page_hash in matches if page_hash == digest]
    return OfficialDocumentPage.objects.get(pk=found[0]) if found else None


def _archived_rows(wanted):
    """(pk, number key, issuer, content hash) of the documents ``wanted``, oldest first."""
    rows = OfficialDocumentPage.objects.filter(wanted).order_by("pk")
    return list(rows.values_list("pk", "number_key", "issuer__name", "import_hash"))


def document_digest(doc, source):
    """The content hash a document of ``source`` is archived with."""
    return content_hash(doc.body_text or source.data.decode("utf-8", "ignore"))


def _attach(page, source, files):
    """Attach the original file (recorded in ``files`` so a failure can remove it)."""
    Document = get_document_model()
    document = Document(title=f"Bản gốc: {os.path.basename(source.name)}", collection_id=_root_collection_id())
    document.file.save(os.path.basename(source.name), ContentFile(source.data), save=False)
    files.append(document.file)
    if page.pk is not None or not placement.deferred():  # else written with its attachment row
        document.save()                                    # at the deferred batch's end
    page.attachments = [ContentPageAttachment(document=document, is_original=True, caption="Tệp gốc", sort_order=0)]


def _root_collection_id():
    """The collection a new document goes to (the field's default), asked once per batch."""
    if not _cache.active:
        return Collection.get_first_root_node().pk
    if _cache.root_collection_id is None:
        _cache.root_collection_id = Collection.get_first_root_node().pk
    return _cache.root_collection_id


UNCHANGED = "Đã có trong kho, nội dung không đổi."


def save_document(doc, source, files, section_slug=None, user=None, title=None):
    file_digest = hashlib.sha256(source.data).hexdigest()
    done = _imported_before(file_digest, doc.part)
    if done is not None:  # this very file was imported before (or by a run that was stopped)
        return Outcome(source.name, SKIPPED, UNCHANGED, done[1], done[0])
    if doc.page_type in ARTICLE_MODELS:
        return _save_article(doc, source, files, file_digest, section_slug, user, title)
    digest = document_digest(doc, source)
    existing = find_existing(doc.number, doc.issuer, digest)
    if existing is not None:
        placement.require_written(existing)  # its rows and revision are read below
    # Compare with the latest revision: an earlier import may be a draft awaiting review.
    page = existing.get_latest_revision_as_object() if existing else None
    if page is not None and (page.import_hash == digest or _same_original(existing, file_digest)):
        _record_import(file_digest, doc.part, existing, source.name)
        return Outcome(source.name, SKIPPED, UNCHANGED, existing.title, existing.pk)
    if existing is not None and user is not None and not existing.permissions_for_user(user).can_edit():
        raise ImportFailure(f"Văn bản đã có trong kho (“{existing.title}”) nhưng bạn không có quyền cập nhật.")
    regions = regions_for(doc.regions)
    if page is None:
        model = PlanPage if doc.page_type == "plan" else OfficialDocumentPage
        page = model(title=title or default_title(doc), live=False)
    section = _section(section_slug, doc.page_type, regions, user) if existing is None else None
    apply_metadata(page, doc, regions=regions, themes=themes_for(doc.themes), issuers=_cache.issuers if _cache.active else None)
    resolved = _resolved_references(doc, page.citations.count())
    if resolved:
        page.citations = list(page.citations.all()) + resolved
    page.import_hash = digest
    page.body = _blocks(doc)
    _attach(page, source, files)
    if section is not None:
        # A new draft's own rows (citations, attachments) exist at once; an update
        # of a live document only goes into a revision awaiting review.
        placement.add_child(section, page)
        _cache.note_archived(page, doc.issuer, digest)
    # A new page was validated by the save just made; an update is validated here.
    placement.save_revision(page, user=user, clean=section is None)
    _record_import(file_digest, doc.part, page, source.name)
    submitted = _submit_for_review(page, user)
    if existing:
        status, reason = UPDATED, "Đã có trong kho; lưu bản cập nhật" + (", đã gửi duyệt." if submitted else " chờ duyệt.")
    else:
        status, reason = CREATED, "Tạo bản nháp" + (", đã gửi duyệt." if submitted else ".")
    return Outcome(source.name, status, reason, page.title, page.pk, doc.warnings, describe(doc, source.name))


def _imported_before(file_digest, part):
    """(page id, title) of the page this part of this very file became in an earlier import (or
    in a run that was stopped, or earlier in this batch), or None."""
    if _cache.active and file_digest in _cache.imported_digests:
        return _cache.imported.get((file_digest, part))
    return ImportedFile.objects.filter(digest=file_digest, part=part).values_list("page_id", "page__title").first()


def _record_import(file_digest, part, page, name):
    """The row that makes a rerun or a second upload of this file skip it (a deferred batch's
    written at its end)."""
    row = ImportedFile(digest=file_digest, part=part, page=page, name=name[:255])
    if not placement.deferred():
        row.save()
    if _cache.active:
        _cache.imported[(file_digest, part)] = (page.pk, page.title)
        _cache.imported_new.append(row)


def _same_original(page, file_digest):
    """Whether ``page``'s original file is this very file (the demo's seeds, an earlier import)."""
    for attachment in page.attachments.all():
        if not attachment.is_original:
            continue
        try:
            with attachment.document.file.open("rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() == file_digest:
                    return True
        except (OSError, ValueError):
            continue
    return False


def _submit_for_review(page, user):
    """An editor's import ends in the review queue: the section's workflow is started on the
    new revision (once it is stored), as the editor's "Gửi duyệt" would. Without a user (the
    command) or a workflow, the draft stays a draft."""
    if user is None or not settings.WAGTAIL_WORKFLOW_ENABLED:
        return False
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress:
        return False
    placement.after_saved(page, lambda: workflow.start(page, user))
    return True


def _resolved_references(doc, start):
    """Short references ("Kết luận 107 của Ban Bí thư") that name exactly one archived document
    of that kind and serial (and issuer, if named): citations of that document."""
    cited = []
    known = {normalize_doc_number(c["number"]) for c in doc.cited if c.get("number")}
    for ref in doc.references:
        matches = OfficialDocumentPage.objects.filter(kind=ref["kind"], number_key__startswith=f"{ref['serial']}-")
        if ref.get("issuer"):
            matches = matches.filter(issuer__name__icontains=ref["issuer"])
        found = list(matches.values_list("number", "number_key", "issued_date", "issuer__name")[:2])
        if len(found) != 1 or found[0][1] in known:
            continue
        number, key, issued, issuer = found[0]
        known.add(key)
        cited.append(DocumentCitation(cited_number=number, cited_kind=ref["kind"], cited_date=issued,
                                      cited_issuer=issuer or "", sort_order=start + len(cited)))
    return cited


# Article pages: their model and the fields only an article has.
ARTICLE_MODELS = {"exemplary_case": ExemplaryCasePage, "propaganda_material": PropagandaMaterialPage}
_CASE_SUBJECTS = (
    ("hop_tac_xa", ("hợp tác xã", "htx")),
    ("doanh_nghiep", ("doanh nghiệp", "công ty")),
    ("ca_nhan", ("ông ", "bà ", "anh ", "chị ", "đồng chí")),
    ("dia_phuong", ("tỉnh", "huyện", "xã", "phường", "thành phố", "quận")),
)


def _save_article(doc, source, files, file_digest, section_slug, user, title):
    regions = regions_for(doc.regions)
    model = ARTICLE_MODELS[doc.page_type]
    page = model(title=title or default_title(doc), live=False)
    headline = (doc.subject or page.title)[:255]
    if model is ExemplaryCasePage:
        low = headline.lower()
        page.subject_kind = next((kind for kind, words in _CASE_SUBJECTS if any(w in low for w in words)), "tap_the")
        page.subject_name = headline
        page.year = doc.date.year if doc.date else None
    else:
        page.form = "bai_viet"
    page.summary = (doc.body_text.split("\n\n", 1)[0] if doc.body_text else "")[:600]
    page.issued_date = doc.date
    page.body = _blocks(doc) + ([("paragraph", f"<p>{escape(doc.byline)}</p>")] if doc.byline else [])
    page.related_links = _related_pages(doc)
    page.regions.set(regions)
    page.themes.set(themes_for(doc.themes))
    section = _section(section_slug, doc.page_type, regions, user)
    _attach(page, source, files)
    placement.add_child(section, page)
    placement.save_revision(page, user=user, clean=False)  # validated by add_child
    _record_import(file_digest, doc.part, page, source.name)
    submitted = _submit_for_review(page, user)
    reason = "Tạo bản nháp" + (", đã gửi duyệt." if submitted else ".")
    return Outcome(source.name, CREATED, reason, page.title, page.pk, doc.warnings, describe(doc, source.name))


def _related_pages(doc):
    """The archived documents an article names: by full number, or by a short reference."""
    keys = [normalize_doc_number(c["number"]) for c in doc.cited if c.get("number")]
    targets = list(OfficialDocumentPage.objects.filter(number_key__in=[k for k in keys if k]))
    for citation in _resolved_references(doc, 0):
        targets += list(OfficialDocumentPage.objects.filter(number=citation.cited_number)[:1])
    seen, links = set(), []
    for target in targets:
        if target.pk not in seen:
            seen.add(target.pk)
            links.append(ContentPageRelated(target=target, sort_order=len(links)))
    return links


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
    section = _section(section_slug, "official_document", [], user)
    _attach(page, source, files)
    placement.add_child(section, page)
    placement.save_revision(page, user=user)
    _submit_for_review(page, user)
    return Outcome(source.name, CREATED, SCANNED_WARNING, page.title, page.pk, [SCANNED_WARNING])
