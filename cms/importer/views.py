"""The admin import "Nhập văn bản": upload (step 1), review and import (step 2).

Step 1 stages the uploaded files (zip members expanded) in
``IMPORT_STAGING_ROOT/<token>/`` (outside MEDIA_ROOT) under generated names, with a manifest
holding the original names, then redirects to the review. The review extracts
every staged file again (extraction is deterministic and needs no database),
shows one form per document, and on a valid POST saves the included documents
through the import service and removes the staging folder.
"""

import json
import os
import re
import shutil
import time
import uuid
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.auth import user_passes_test
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.content.indexing import deferred_indexing
from home.models import SectionPage

from . import service
from .forms import DocumentFormSet, ScannedForm, UploadForm, initial_for, theme_choices
from .parsing.notes import doubtful_fields

MANIFEST = "manifest.json"
TOKEN = re.compile(r"[0-9a-f]{32}")
STATUS_ORDER = [service.CREATED, service.UPDATED, service.SKIPPED, service.FAILED]


def can_import(user):
    """Anyone who may add pages somewhere (superusers included)."""
    return PagePermissionPolicy().user_has_permission(user, "add")


# --------------------------------------------------------------------------------------------
# Staging
# --------------------------------------------------------------------------------------------


def staging_root():
    # Outside MEDIA_ROOT: staged uploads must never be served as media files.
    return Path(settings.IMPORT_STAGING_ROOT)


def stage(uploads, section_id, user):
    """Store the uploaded files (zips expanded) under generated names; return the token."""
    sweep()
    token = uuid.uuid4().hex
    folder = staging_root() / token
    folder.mkdir(parents=True)
    files, failures, total = {}, [], 0
    for upload in uploads:
        name = os.path.basename(upload.name or "") or "tep-khong-ten"  # shown to the user, never a path
        for item in service.file_sources(name, upload.size, upload.read):
            if isinstance(item, service.Outcome):
                failures.append([item.source, item.reason])
                continue
            total += len(item.data)
            if total > settings.IMPORT_MAX_TOTAL_BYTES:
                reason = "Vượt quá tổng dung lượng cho một lần nhập; hãy nhập tệp này ở lần sau."
                failures.append([item.name, reason])
                continue
            key = f"f{len(files):04d}"
            (folder / key).write_bytes(item.data)
            files[key] = item.name
    manifest = {"user": user.pk, "created": time.time(), "section": section_id, "files": files, "failures": failures}
    save_manifest(token, manifest)
    return token


def save_manifest(token, manifest):
    (staging_root() / token / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")


def load_manifest(token, user):
    """The staging manifest for ``token`` if it exists, is fresh and belongs to ``user``."""
    if not TOKEN.fullmatch(token or ""):
        return None
    try:
        manifest = json.loads((staging_root() / token / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if time.time() - manifest.get("created", 0) > settings.IMPORT_STAGING_MAX_AGE:
        discard(token)
        return None
    return manifest if manifest.get("user") == user.pk else None


def staged_source(token, manifest, key):
    """The Source for a staged file key (only keys the manifest lists are ever opened)."""
    name = manifest["files"].get(key)
    if name is None:
        return None
    try:
        return service.Source(name, (staging_root() / token / key).read_bytes())
    except OSError:
        return None


def discard(token):
    shutil.rmtree(staging_root() / token, ignore_errors=True)


def sweep():
    """Remove staging folders older than the maximum age (abandoned reviews)."""
    root = staging_root()
    if not root.is_dir():
        return
    limit = time.time() - settings.IMPORT_STAGING_MAX_AGE
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Extraction of the staged files
# --------------------------------------------------------------------------------------------


class Staged:
    """What the staged files hold: failures, scanned PDFs and documents by (key, part)."""

    def __init__(self, token, manifest):
        self.token = token
        self.manifest = manifest
        self.sources = {}
        self.failures = [service.Outcome(name, service.FAILED, reason) for name, reason in manifest["failures"]]
        self.scanned = []  # [(key, name)]
        self.documents = {}  # {(key, part): ParsedDocument}
        for key, name in manifest["files"].items():
            source = staged_source(token, manifest, key)
            if source is None:
                self.failures.append(service.Outcome(name, service.FAILED, "Tệp tạm đã bị xoá; hãy tải lên lại."))
                continue
            self.sources[key] = source
            try:
                documents, scanned = service.extract(source)
            except service.ImportFailure as error:
                self.failures.append(service.Outcome(name, service.FAILED, str(error)))
                continue
            except Exception as error:  # a reader's bug must not hide the other files
                self.failures.append(service.Outcome(name, service.FAILED, f"Không đọc được tệp ({error})."))
                continue
            if scanned:
                self.scanned.append((key, name))
            for part, document in enumerate(documents):
                self.documents[(key, part)] = document

    @cached_property
    def section(self):
        section_id = self.manifest.get("section")
        return SectionPage.objects.filter(pk=section_id).first() if section_id else None


def _review_context(staged, formset, scanned_form, page=None):
    entries = []
    for form in formset:
        key, part = form["file"].value(), form["part"].value()
        try:
            document = staged.documents.get((key, int(part)))
        except (TypeError, ValueError):
            document = None
        doubtful = doubtful_form_fields(document)
        visible = form.visible_fields()
        # the fields the parser is least sure of first, so the editor checks them before the rest
        first = [field for name in doubtful for field in visible if field.name == name]
        entries.append(
            {
                "form": form,
                "source": staged.manifest["files"].get(key, ""),
                "warnings": document.warnings if document else [],
                "doubtful": doubtful,
                "fields": first + [field for field in visible if field not in first],
            }
        )
    return {
        "page": page,
        "token": staged.token,
        "entries": entries,
        "formset": formset,
        "scanned_form": scanned_form,
        "failures": staged.failures,
        "section": staged.section,
        "section_missing": bool(staged.manifest.get("section")) and staged.section is None,
    }


# --------------------------------------------------------------------------------------------
# Views
# --------------------------------------------------------------------------------------------


@user_passes_test(can_import)
def import_view(request):
    """Step 1: the upload form; a valid POST stages the files and goes to the review."""
    if request.method != "POST":
        return render(request, "importer/upload.html", {"form": UploadForm(user=request.user)})
    form = UploadForm(request.POST, request.FILES, user=request.user)
    if form.is_valid():
        token = stage(form.cleaned_data["files"], form.cleaned_data["section"], request.user)
        return redirect("importer_review", token=token)
    return render(request, "importer/upload.html", {"form": form})


@user_passes_test(can_import)
def review_view(request, token):
    """Step 2: review the extracted documents; a valid POST imports them."""
    manifest = load_manifest(token, request.user)
    if manifest is None:
        return render(request, "importer/expired.html", status=404)
    staged = Staged(token, manifest)
    form_kwargs = {"theme_choices": theme_choices()}
    # The review is paged: each page of documents is checked and imported in turn, so a large
    # upload never makes one huge page.
    done = set(manifest.get("done", []))
    pending = [(key, part) for (key, part) in staged.documents if f"{key}:{part}" not in done]
    page = Paginator(pending, settings.IMPORT_REVIEW_PAGE_SIZE, allow_empty_first_page=True).page(1)
    first_page = not done
    scanned_choices = staged.scanned if first_page else []
    if not first_page:
        staged.failures = []  # reported with the first page already
    if request.method != "POST":
        initial = [
            initial_for(staged.documents[item], item[0], item[1], service.default_title(staged.documents[item]))
            for item in page.object_list
        ]
        formset = DocumentFormSet(initial=initial, form_kwargs=form_kwargs)
        scanned_form = ScannedForm(choices=scanned_choices, initial={"files": [key for key, _ in scanned_choices]})
        return render(request, "importer/review.html", _review_context(staged, formset, scanned_form, page))
    formset = DocumentFormSet(request.POST, form_kwargs=form_kwargs)
    scanned_form = ScannedForm(request.POST, choices=scanned_choices)
    if not (formset.import_ready() and scanned_form.is_valid()):
        return render(request, "importer/review.html", _review_context(staged, formset, scanned_form, page))
    outcomes = import_staged(staged, formset, scanned_form.cleaned_data["files"], request.user)
    reviewed = {f"{form['file'].value()}:{form['part'].value()}" for form in formset}
    remaining = len(pending) - len(reviewed & {f"{k}:{p}" for k, p in pending})
    if remaining > 0:
        manifest["done"] = sorted(done | reviewed)
        save_manifest(token, manifest)
    else:
        discard(token)
    context = _result_context(outcomes)
    context.update(token=token, remaining=max(remaining, 0))
    return render(request, "importer/result.html", context)


def import_staged(staged, formset, scanned_keys, user):
    """Save every included document with the editor's corrections; one outcome each. The index
    work of the whole page of documents is done once, at the end."""
    with deferred_indexing():
        return _import_staged(staged, formset, scanned_keys, user)


def _import_staged(staged, formset, scanned_keys, user):
    outcomes = list(staged.failures)
    section = staged.section
    if staged.manifest.get("section") and section is None:
        reason = "Chuyên mục đã chọn không còn; hãy tải lên lại."
        return outcomes + [service.Outcome(name, service.FAILED, reason) for name in staged.manifest["files"].values()]
    for form in formset:
        name = staged.manifest["files"].get(form["file"].value(), "")
        if not form.included:
            outcomes.append(service.Outcome(name, service.SKIPPED, "Không chọn nhập.", form["title"].value()))
            continue
        data = form.cleaned_data
        source = staged.sources.get(data["file"])
        doc = staged.documents.get((data["file"], data["part"]))
        if source is None or doc is None:
            reason = "Không tìm thấy văn bản đã tải lên; hãy tải lên lại."
            outcomes.append(service.Outcome(name, service.FAILED, reason))
            continue
        correct(doc, data)
        title = data["title"].strip() or None  # None: save_document's default title
        outcomes.append(
            service.save_guarded(
                source,
                lambda files, doc=doc, source=source, title=title: service.save_document(
                    doc, source, files, section, user=user, title=title
                ),
            )
        )
    for key, name in staged.scanned:
        source = staged.sources[key]
        if key in scanned_keys:
            outcomes.append(
                service.save_guarded(source, lambda files, source=source: service.save_scanned(source, files, section, user))
            )
        else:
            outcomes.append(service.Outcome(name, service.SKIPPED, "Không chọn nhập."))
    return outcomes


def doubtful_form_fields(document):
    """The review form's fields whose value the parser is not sure of, least sure first."""
    if document is None:
        return []
    names = set(DocumentFormSet.form.base_fields)
    return [name for name in doubtful_fields(document.provenance) if name in names]


def correct(doc, data):
    """Overwrite the parsed fields with the values the editor confirmed."""
    if data.get("page_type"):
        doc.page_type = data["page_type"]
    doc.kind = data["kind"] or None
    doc.number = data["number"].strip() or None
    doc.issuer = data["issuer"].strip() or None
    doc.level = data["level"] or None
    doc.place = data["place"].strip() or None
    doc.date = data["date"]
    doc.subject = data["subject"].strip() or None
    doc.signer = data["signer"].strip() or None
    doc.themes = list(data["themes"])
    doc.regions = list(data["regions"])


def _result_context(outcomes):
    rows = [
        {
            "outcome": outcome,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[outcome.page_id]) if outcome.page_id else "",
        }
        for outcome in outcomes
    ]
    counts = Counter(outcome.status for outcome in outcomes)
    return {
        "rows": rows,
        "counts": [(service.STATUS_LABELS[status], counts[status]) for status in STATUS_ORDER],
    }
