"""Official documents (directives, letters, resolutions...) and plans.

Citations between documents are stored by the cited number as printed plus
its normalised key, so a citation to a document that is not in the archive
yet is kept and resolves itself when that document arrives.
"""

import threading
from collections import defaultdict
from contextlib import contextmanager
from functools import partial

from django.db import models, transaction
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, ReferenceIndex
from wagtail.search import index

from cms.content.models import ContentPage, lines
from cms.content.visibility import published_filter, visible_pages
from cms.taxonomy.models import IssuingBody
from vietnamese.numbers import normalize_doc_number
from vietnamese.vocabulary import (
    GENERIC_KIND_LABEL,
    KIND_CHOICES,
    KIND_LABELS,
    LEVEL_CHOICES,
    RELATIONS,
    VALIDITY,
    choices,
)


class OfficialDocumentPage(ContentPage):
    """An official document with the metadata of Nghị định 30/2020 and HD 36-HD/VPTW."""

    content_kind = "van_ban"

    kind = models.CharField("Loại văn bản", max_length=20, choices=KIND_CHOICES, blank=True)
    number = models.CharField("Số hiệu", max_length=60, blank=True, help_text="Như in trên văn bản, ví dụ 03-CT/TW.")
    number_key = models.CharField(max_length=60, blank=True, db_index=True, editable=False)
    issuer = models.ForeignKey(
        IssuingBody,
        verbose_name="Cơ quan ban hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    level = models.CharField("Cấp ban hành", max_length=12, choices=LEVEL_CHOICES, blank=True)
    place = models.CharField("Địa danh", max_length=100, blank=True)
    subject = models.TextField("Trích yếu", blank=True, help_text="Nội dung dòng “V/v ...”, hoặc tên văn bản.")
    recipients = models.TextField("Kính gửi", blank=True, help_text="Mỗi nơi nhận một dòng.")
    signing_capacity = models.CharField("Thẩm quyền ký", max_length=120, blank=True, help_text="Ví dụ: T/M BAN THƯỜNG VỤ, KT. CHỦ TỊCH.")
    signer_title = models.CharField("Chức vụ người ký", max_length=120, blank=True)
    signer = models.CharField("Người ký", max_length=120, blank=True)
    distribution = models.TextField("Nơi nhận", blank=True, help_text="Mỗi nơi nhận một dòng.")
    validity = models.CharField("Tình trạng hiệu lực", max_length=20, choices=choices(VALIDITY), default="con_hieu_luc")
    needs_content = models.BooleanField(
        "Cần nhập nội dung",
        default=False,
        help_text="Văn bản nhập từ bản quét không có lớp chữ: cần gõ lại nội dung từ tệp gốc.",
    )
    import_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    search_fields = ContentPage.search_fields + [
        index.SearchField("number"),
        index.SearchField("subject"),
        index.FilterField("kind"),
        index.FilterField("number_key"),
    ]

    content_panels = (
        ContentPage.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
                    FieldRowPanel([FieldPanel("issuer"), FieldPanel("level")]),
                    FieldRowPanel([FieldPanel("place"), FieldPanel("validity")]),
                    FieldPanel("needs_content"),
                    FieldPanel("subject"),
                    FieldPanel("recipients"),
                ],
                heading="Thể thức văn bản",
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("signing_capacity"), FieldPanel("signer_title")]),
                    FieldPanel("signer"),
                    FieldPanel("distribution"),
                ],
                heading="Chữ ký và nơi nhận",
            ),
            InlinePanel("citations", label="Văn bản căn cứ", heading="Văn bản căn cứ / thực hiện"),
        ]
        + ContentPage.body_panels
    )

    parent_page_types = ["home.SectionPage"]

    class Meta:
        verbose_name = "Văn bản chỉ đạo"
        verbose_name_plural = "Văn bản chỉ đạo"

    def save(self, *args, **kwargs):
        self.number_key = normalize_doc_number(self.number) or ""
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if self.number_key and (update_fields is None or "number" in update_fields):
            # Citations that were waiting for this document now point to it (a save that
            # leaves the number alone, a revision's, changes nothing for them).
            pending = getattr(_waiting, "pages", None)
            if pending is not None:
                pending.append((self.pk, self.number_key))
            else:
                resolve_waiting([(self.pk, self.number_key)])

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, GENERIC_KIND_LABEL)

    def recipient_list(self):
        return lines(self.recipients)

    def distribution_list(self):
        return lines(self.distribution)

    def cited_by_for(self, request):
        """The documents citing this one (được thực hiện / hướng dẫn bởi) that ``request`` may see:
        a page hidden by privacy must not show its title here either."""
        citing = OfficialDocumentPage.objects.filter(citations__target=self).distinct().order_by("title")
        return list(visible_pages(citing, request))

    @cached_property
    def cited_by(self):
        """The citing documents anybody may see (no page privacy in the way)."""
        return self.cited_by_for(None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when it renders the list (not when the fragment comes from the cache).
        context["cited_by_visible"] = partial(self.cited_by_for, request)
        return context


_waiting = threading.local()


@contextmanager
def waiting_citations_batch():
    """Inside, new document numbers are only noted; at the end the citations waiting for them
    are looked up in one query (a batch of imports), in the order the documents were saved."""
    if getattr(_waiting, "pages", None) is not None:  # nested: the outer batch resolves
        yield
        return
    _waiting.pages = []
    try:
        yield
        pages = _waiting.pages
    finally:
        _waiting.pages = None
    # Rolled-back pages are gone (and SQLite may have given their id to a later page).
    alive = set(OfficialDocumentPage.objects.filter(pk__in=[pk for pk, _key in pages]).values_list("pk", "number_key"))
    resolve_waiting([pair for pair in pages if pair in alive])


def resolve_waiting(pages):
    """Point the citations still waiting for these (page id, number key) pairs at their page; the
    first page saved with a number takes them, a page never takes its own."""
    keys = {key for _pk, key in pages}
    if not keys:
        return
    waiting = DocumentCitation.objects.filter(target__isnull=True, cited_number_key__in=keys)
    targets = defaultdict(list)  # target page id -> citation ids
    citing = set()
    for citation_id, page_id, key in waiting.values_list("pk", "page_id", "cited_number_key"):
        target = next((pk for pk, page_key in pages if page_key == key and pk != page_id), None)
        if target is not None:
            targets[target].append(citation_id)
            citing.add(page_id)
    for target, ids in targets.items():
        DocumentCitation.objects.filter(pk__in=ids).update(target_id=target)
    # A bulk update sends no signal: index the citing pages' new references,
    # so Wagtail's usage view and the link-integrity warning (links.py) see them.
    for page in Page.objects.filter(pk__in=citing).specific():
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(page)


class DocumentCitation(Orderable):
    """A document this one cites, implements or replaces, by its number."""

    page = ParentalKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="citations")
    relation = models.CharField("Quan hệ", max_length=20, choices=choices(RELATIONS), default="thuc_hien")
    cited_number = models.CharField("Số hiệu văn bản được dẫn", max_length=60)
    cited_number_key = models.CharField(max_length=60, blank=True, db_index=True, editable=False)
    cited_kind = models.CharField("Loại", max_length=20, choices=KIND_CHOICES, blank=True)
    cited_date = models.DateField("Ngày ban hành", null=True, blank=True)
    cited_issuer = models.CharField("Cơ quan ban hành", max_length=200, blank=True)
    target = models.ForeignKey(
        OfficialDocumentPage,
        verbose_name="Văn bản trong kho",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống: hệ thống tự liên kết khi văn bản có số hiệu này có trong kho.",
    )

    panels = [
        FieldRowPanel([FieldPanel("relation"), FieldPanel("cited_number"), FieldPanel("cited_kind")]),
        FieldRowPanel([FieldPanel("cited_date"), FieldPanel("cited_issuer")]),
        FieldPanel("target"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Văn bản căn cứ"

    def save(self, *args, **kwargs):
        self.resolve_all([self])
        super().save(*args, **kwargs)

    @classmethod
    def resolve_all(cls, citations):
        """Set each citation's number key and, when the archive holds that number, its target
        (the first such document other than its own page), in one query for them all (the
        citations of one page, or of a batch of new pages)."""
        for citation in citations:
            citation.cited_number_key = normalize_doc_number(citation.cited_number) or ""
        keys = {c.cited_number_key for c in citations if c.target_id is None and c.cited_number_key}
        if not keys:
            return
        found = defaultdict(list)  # number key -> its first two documents (one may be the citing page)
        rows = OfficialDocumentPage.objects.filter(number_key__in=keys).order_by("pk")
        for pk, key in rows.values_list("pk", "number_key"):
            if len(found[key]) < 2:
                found[key].append(pk)
        for citation in citations:
            if citation.target_id is None:
                candidates = found.get(citation.cited_number_key, ())
                citation.target_id = next((pk for pk in candidates if pk != citation.page_id), None)

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.cited_kind, "")


class PlanPage(OfficialDocumentPage):
    """A plan (kế hoạch): an official document with a period, purposes and a task table."""

    content_kind = "ke_hoach"

    period = models.CharField("Giai đoạn", max_length=60, blank=True, help_text="Ví dụ: 2021-2025.")
    purposes = models.TextField("Mục đích, yêu cầu", blank=True, help_text="Mỗi ý một dòng.")

    content_panels = OfficialDocumentPage.content_panels[:-3] + [
        MultiFieldPanel([FieldPanel("period"), FieldPanel("purposes")], heading="Kế hoạch"),
        InlinePanel("tasks", label="Nhiệm vụ", heading="Bảng phân công nhiệm vụ"),
    ] + OfficialDocumentPage.content_panels[-3:]

    parent_page_types = ["home.SectionPage"]

    class Meta:
        verbose_name = "Kế hoạch"
        verbose_name_plural = "Kế hoạch"

    def purpose_list(self):
        return lines(self.purposes)


class PlanTask(Orderable):
    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="tasks")
    task = models.TextField("Nhiệm vụ")
    lead_unit = models.CharField("Đơn vị chủ trì", max_length=255, blank=True)
    coordinating_units = models.CharField("Đơn vị phối hợp", max_length=500, blank=True)
    deadline = models.CharField("Thời hạn", max_length=120, blank=True)
    reporting_cycle = models.CharField("Chế độ báo cáo", max_length=120, blank=True)

    panels = [
        FieldPanel("task"),
        FieldRowPanel([FieldPanel("lead_unit"), FieldPanel("coordinating_units")]),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("reporting_cycle")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Nhiệm vụ"
