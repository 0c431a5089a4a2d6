"""The text of a page as a .docx (python-docx) and a .txt, with Vietnamese file names."""

import io

from django.conf import settings
from django.utils import timezone
from docx import Document
from docx.shared import Pt

from cms.content.bodytext import clean_line
from vietnamese.text import slugify

from .text import body_units, credit_lines, full_text, metadata

FONT = "Times New Roman"  # the font of Vietnamese official documents; has every Vietnamese letter


def file_stem(page):
    """Vietnamese slug of the title, e.g. "hoi-dap-ve-chi-thi-so-03-ct-tw"."""
    slug = slugify(page.title)
    if len(slug) > 80:
        # Cut at a word boundary: "...hang-viet", not "...hang-viet-na".
        slug = slug[:81].rsplit("-", 1)[0]
    return slug or f"noi-dung-{page.pk}"


def txt_bytes(page, url=""):
    return full_text(page, url).encode("utf-8")


def describe(properties, page, url=""):
    """The file's own metadata: python-docx's template would say author "python-docx", made in 2013."""
    site = page.get_site()
    author = str(getattr(page, "issuer", None) or "").strip() or (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    properties.title = page.title
    properties.author = author
    properties.last_modified_by = author
    properties.subject = (getattr(page, "subject", "") or page.summary or "")[:255]
    properties.keywords = ", ".join(theme.name for theme in page.themes.all())
    properties.category = getattr(page, "kind_label", "") or page.specific_class._meta.verbose_name
    properties.comments = f"Nguồn: {url}" if url else ""
    properties.language = "vi-VN"
    when = page.last_published_at or page.first_published_at or timezone.now()
    properties.created = page.first_published_at or when
    properties.modified = when
    properties.revision = 1


def docx_bytes(page, url=""):
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)

    document.add_heading(page.title, level=1)
    for _key, label, value in metadata(page):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run("; ".join(value) if isinstance(value, list) else value)
    if page.summary:
        paragraph = document.add_paragraph()
        paragraph.add_run(clean_line(page.summary)).italic = True

    for unit in body_units(page):
        if unit.kind == "heading":
            document.add_heading(unit.text, level=2)
        elif unit.kind == "subheading":
            document.add_heading(unit.text, level=3)
        elif unit.kind == "bullet":
            document.add_paragraph(unit.text, style="List Bullet")
        elif unit.kind == "quote":
            document.add_paragraph(f"“{unit.text}”" + (f" ({unit.source})" if unit.source else ""), style="Quote")
        elif unit.kind == "table":
            width = max(len(row) for row in unit.rows)
            table = document.add_table(rows=len(unit.rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(unit.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif unit.kind == "image":
            document.add_paragraph(f"[Ảnh: {unit.text}]")
        else:
            document.add_paragraph(unit.text)

    credits = credit_lines(page)
    if credits:
        document.add_heading("Nguồn ảnh và quyền sử dụng", level=2)
        for line in credits:
            document.add_paragraph(line, style="List Bullet")
    if url:
        document.add_paragraph(f"Nguồn: {url}")

    describe(document.core_properties, page, url)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
