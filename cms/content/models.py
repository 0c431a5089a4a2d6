"""What every piece of campaign content shares.

ContentPage is a concrete page type that the four kinds (official document,
plan, exemplary case, propaganda material) inherit from, so sections, feeds
and search list them through one table with one set of filters.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index

from cms.taxonomy.models import Region, Theme
from cms.taxonomy.widgets import RegionTreeWidget

from .blocks import BodyBlock
from .slugs import promote_panels

USAGE_RIGHTS = [
    ("tu_do", "Được sử dụng tự do, ghi nguồn"),
    ("noi_bo", "Chỉ dùng nội bộ"),
    ("xin_phep", "Phải xin phép tác giả"),
]


def lines(text):
    """Non-empty lines of a one-item-per-line text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class CampaignImage(AbstractImage):
    """An image that carries its credit line and usage rights everywhere it goes."""

    credit = models.CharField("Nguồn ảnh / tác giả", max_length=255, blank=True)
    usage_rights = models.CharField(
        "Quyền sử dụng", max_length=20, choices=USAGE_RIGHTS, default="noi_bo"
    )

    admin_form_fields = Image.admin_form_fields + ("credit", "usage_rights")

    class Meta(AbstractImage.Meta):
        verbose_name = "Ảnh"
        verbose_name_plural = "Ảnh"


class CampaignRendition(AbstractRendition):
    image = models.ForeignKey(CampaignImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PageImage(Orderable):
    """An image shown on a page, in order, with a caption (the credit is the image's own)."""

    image = models.ForeignKey(CampaignImage, verbose_name="Ảnh", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField("Chú thích", max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "Ảnh"


class ContentPageTheme(TaggedItemBase):
    content_object = ParentalKey("content.ContentPage", on_delete=models.CASCADE, related_name="theme_items")
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="theme_items")


class ContentPage(Page):
    """Fields every kind of content carries (DESIGN.md §3)."""

    summary = models.TextField("Tóm tắt (sapo)", blank=True, help_text="Một đến ba câu giới thiệu nội dung chính.")
    issued_date = models.DateField(
        "Ngày ban hành",
        null=True,
        blank=True,
        help_text="Ngày ban hành văn bản, hoặc ngày của sự kiện. Định dạng dd/mm/yyyy.",
    )
    themes = ClusterTaggableManager(
        "Chủ đề",
        through=ContentPageTheme,
        blank=True,
        help_text="Chọn chủ đề chuẩn của Cuộc vận động; có thể thêm thẻ tự do.",
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name="Địa bàn",
        blank=True,
        related_name="pages",
        help_text="Địa bàn của nội dung (tỉnh, huyện, xã; kể cả đơn vị trước 01/7/2025).",
    )
    body = StreamField(BodyBlock(), verbose_name="Nội dung", blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("issued_date"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("issued_date"), FieldPanel("themes"), FieldPanel("regions", widget=RegionTreeWidget)],
            heading="Thông tin chung",
        ),
    ]
    promote_panels = promote_panels()
    body_panels = [
        FieldPanel("body"),
        InlinePanel("attachments", label="Tệp đính kèm", heading="Tệp đính kèm (giữ bản gốc đã ký)"),
        InlinePanel("related_links", label="Nội dung liên quan", heading="Nội dung liên quan"),
    ]

    is_creatable = False
    subpage_types = []  # content pages hold no pages
    # Each kind's page type names its content kind (a code of vietnamese.vocabulary.CONTENT_KINDS).
    content_kind = ""

    class Meta:
        verbose_name = "Nội dung"
        verbose_name_plural = "Nội dung"

    @property
    def year(self):
        return self.issued_date.year if self.issued_date else None

    def region_list(self):
        return list(self.regions.all())

    def theme_list(self):
        return list(self.themes.all())

    @classmethod
    def can_create_at(cls, parent):
        """Only under a section of the page type's own kind: an exemplary case is not
        offered under "Văn bản chỉ đạo › Thành phố Hà Nội" (sections name their
        content_kind; read by attribute, the pages layer knows no section model)."""
        return super().can_create_at(parent) and getattr(parent.specific, "content_kind", None) == cls.content_kind

    @classmethod
    def models_of_kind(cls, kind):
        """The page types of one content kind ("van_ban": official documents, not plans)."""
        return [model for model in get_page_models() if issubclass(model, cls) and model.content_kind == kind]

    @classmethod
    def of_kind(cls, kind):
        """A filter on content pages: those of one content kind."""
        return models.Q(content_type__in=[ContentType.objects.get_for_model(m) for m in cls.models_of_kind(kind)])


class ContentPageAttachment(Orderable):
    page = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("Mô tả", max_length=255, blank=True)
    is_original = models.BooleanField("Bản gốc đã ký", default=False)

    panels = [FieldPanel("document"), FieldPanel("caption"), FieldPanel("is_original")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp đính kèm"


class ContentPageRelated(Orderable):
    page = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        Page, verbose_name="Trang liên quan", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = "Nội dung liên quan"
