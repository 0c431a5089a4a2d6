"""Themes, regions and issuing bodies: what the archive is filtered by."""

from django.db import models
from taggit.models import TagBase
from treebeard.mp_tree import MP_Node
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from django.db.models import Q

from vietnamese.text import slugify
from vietnamese.vocabulary import LEVEL_CHOICES, REGION_LEVELS, choices

from .regions import ancestor_paths


class Theme(TagBase):
    """A theme tag. Curated themes are the campaign's vocabulary; others are free tags."""

    curated = models.BooleanField("Chủ đề chuẩn", default=False)
    description = models.CharField("Mô tả", max_length=255, blank=True)

    class Meta:
        verbose_name = "Chủ đề"
        verbose_name_plural = "Chủ đề"
        ordering = ["-curated", "name"]

    def slugify(self, tag, i=None):
        # taggit's default slugify drops Vietnamese letters such as "đ".
        slug = slugify(tag)[:90] or "chu-de"
        return f"{slug}-{i}" if i is not None else slug


class Region(MP_Node):
    """An administrative unit, old or current; see regions.py for the tree's shape."""

    name = models.CharField("Tên", max_length=120)
    full_name = models.CharField("Tên đầy đủ", max_length=160)
    slug = models.SlugField("Mã định danh", max_length=160, unique=True)
    level = models.CharField("Cấp", max_length=10, choices=choices(REGION_LEVELS))
    code = models.CharField("Mã đơn vị hành chính", max_length=10, blank=True)
    historical = models.BooleanField(
        "Đơn vị cũ",
        default=False,
        help_text="Đơn vị hành chính trước sắp xếp ngày 01/7/2025.",
    )

    class Meta:
        verbose_name = "Địa bàn"
        verbose_name_plural = "Địa bàn"

    def __str__(self):
        return self.name

    def current_unit(self):
        """Today's unit this one belongs to (itself when it still exists)."""
        if not self.historical:
            return self
        return self.get_ancestors().filter(historical=False).last()

    def subtree(self):
        """This unit and everything beneath it, as a queryset."""
        return Region.objects.filter(self.beneath())

    def beneath(self, field="path"):
        """The filter "this unit or beneath it" on a path ``field``: the one
        place the rule "a unit includes everything beneath it" is written
        (``beneath("regions__path")`` filters pages by their regions)."""
        return Q(**{f"{field}__startswith": self.path})

    @staticmethod
    def with_ancestors(paths):
        """The units at ``paths`` and every unit above them (not the nation), in tree order."""
        found = {ancestor for path in paths for ancestor in ancestor_paths(path, from_depth=2)}
        return Region.objects.filter(path__in=found).order_by("path")


class IssuingBody(index.Indexed, models.Model):
    """An issuing body (cơ quan ban hành), kept as a Wagtail snippet."""

    name = models.CharField("Tên cơ quan", max_length=200, unique=True)
    abbreviation = models.CharField("Tên viết tắt", max_length=60, blank=True)
    level = models.CharField("Cấp", max_length=12, choices=LEVEL_CHOICES)
    region = models.ForeignKey(
        Region,
        verbose_name="Địa bàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issuing_bodies",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("level"),
        FieldPanel("region"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "Cơ quan ban hành"
        verbose_name_plural = "Cơ quan ban hành"
        ordering = ["name"]

    def __str__(self):
        return self.name
