"""Propaganda materials (tài liệu tuyên truyền), ready to publish."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from cms.content.models import ContentPage, PageImage

FORMS = [
    ("bai_viet", "Bài viết"),
    ("khau_hieu", "Khẩu hiệu"),
    ("infographic", "Infographic, áp phích"),
    ("video", "Video"),
    ("kich_ban_phat_thanh", "Kịch bản phát thanh"),
    ("de_cuong", "Đề cương tuyên truyền"),
    ("hoi_dap", "Hỏi - đáp"),
]
FORM_LABELS = dict(FORMS)


class PropagandaMaterialPage(ContentPage):
    """A propaganda material, ready to publish: an article, slogans, a poster, a script..."""

    content_kind = "tai_lieu"
    form = models.CharField("Hình thức", max_length=30, choices=FORMS)
    occasion = models.CharField("Dịp", max_length=120, blank=True, help_text="Ví dụ: Tết Nguyên đán.")
    audience = models.CharField("Đối tượng", max_length=255, blank=True)

    search_fields = ContentPage.search_fields + [index.FilterField("form")]

    content_panels = (
        ContentPage.content_panels
        + [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("form"), FieldPanel("occasion")]), FieldPanel("audience")],
                heading="Tài liệu tuyên truyền",
                help_text="Đặt lịch xuất bản (thẻ Lịch xuất bản) để giữ tài liệu đến ngày phát hành.",
            ),
            InlinePanel("images", label="Ảnh", heading="Ảnh (ghi nguồn và quyền sử dụng trong thư viện ảnh)"),
        ]
        + ContentPage.body_panels
    )

    parent_page_types = ["home.SectionPage"]

    class Meta:
        verbose_name = "Tài liệu tuyên truyền"
        verbose_name_plural = "Tài liệu tuyên truyền"

    @property
    def form_label(self):
        return FORM_LABELS.get(self.form, self.form)


class MaterialImage(PageImage):
    page = ParentalKey(PropagandaMaterialPage, on_delete=models.CASCADE, related_name="images")
