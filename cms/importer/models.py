"""What the importer remembers: which file (by its bytes) became which page.

A row is written in the same transaction as its page, so after an import is stopped half way a
rerun skips what was saved and goes on with the rest; the same file uploaded again is skipped.
"""

from django.db import models


class ImportedFile(models.Model):
    digest = models.CharField("SHA-256 của tệp", max_length=64)
    part = models.PositiveSmallIntegerField("Văn bản thứ", default=0)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    name = models.CharField("Tên tệp", max_length=255, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Tệp đã nhập"
        verbose_name_plural = "Tệp đã nhập"
        constraints = [models.UniqueConstraint(fields=["digest", "part"], name="importer_file_part_unique")]

    def __str__(self):
        return f"{self.name} ({self.part})"
