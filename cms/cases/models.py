"""Exemplary cases (gương điển hình) of the campaign."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from cms.content.models import ContentPage, PageImage, lines

SUBJECT_KINDS = [
    ("ca_nhan", "Cá nhân"),
    ("tap_the", "Tập thể"),
    ("doanh_nghiep", "Doanh nghiệp"),
    ("hop_tac_xa", "Hợp tác xã"),
    ("dia_phuong", "Địa phương"),
]


class ExemplaryCasePage(ContentPage):
    """An exemplary case (gương điển hình): a person, collective, enterprise or locality held up as a model."""

    content_kind = "guong"
    subject_kind = models.CharField("Đối tượng", max_length=20, choices=SUBJECT_KINDS)
    subject_name = models.CharField("Tên cá nhân / tập thể / đơn vị", max_length=255)
    year = models.PositiveIntegerField("Năm", null=True, blank=True)
    achievements = models.TextField("Thành tích", blank=True, help_text="Mỗi thành tích một dòng.")
    awards = models.TextField("Khen thưởng", blank=True, help_text="Mỗi hình thức khen thưởng một dòng.")
    products = models.TextField("Sản phẩm tiêu biểu", blank=True, help_text="Mỗi sản phẩm một dòng, ví dụ: Miến dong (OCOP 4 sao).")

    search_fields = ContentPage.search_fields + [
        index.SearchField("subject_name"),
        index.SearchField("achievements"),
    ]

    content_panels = (
        ContentPage.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("subject_kind"), FieldPanel("year")]),
                    FieldPanel("subject_name"),
                    FieldPanel("achievements"),
                    FieldPanel("awards"),
                    FieldPanel("products"),
                ],
                heading="Gương điển hình",
            ),
            InlinePanel("photos", label="Ảnh", heading="Ảnh (ghi rõ nguồn)"),
        ]
        + ContentPage.body_panels
    )

    parent_page_types = ["home.SectionPage"]

    class Meta:
        verbose_name = "Gương điển hình"
        verbose_name_plural = "Gương điển hình"

    def achievement_list(self):
        return lines(self.achievements)

    def award_list(self):
        return lines(self.awards)

    def product_list(self):
        return lines(self.products)


class CasePhoto(PageImage):
    page = ParentalKey(ExemplaryCasePage, on_delete=models.CASCADE, related_name="photos")
