"""A page as clean text: metadata lines, then the body as a list of units.

The .txt and .docx downloads, the press pack, the "copy text" box, the
API's body_html/body_text and the feeds all read the same units, so a press
officer gets the same words whichever channel they use. Clean means: no
editor markup, classes, internal links or stray asterisks, only headings,
paragraphs, lists, quotes, tables and image credits.
"""

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

from wagtail.rich_text import RichText

from cms.cases.models import ExemplaryCasePage
from cms.content.bodytext import clean_line
from cms.directives.models import OfficialDocumentPage, PlanPage
from cms.materials.models import PropagandaMaterialPage
from vietnamese.vocabulary import CONTENT_KIND_LABELS

from .images import page_images

@dataclass
class Unit:
    """One block of text: kind is heading, subheading, paragraph, bullet, quote, table or image."""

    kind: str
    text: str = ""
    source: str = ""
    rows: list = field(default_factory=list)


class _RichTextUnits(HTMLParser):
    """Paragraphs and list items of Wagtail rich text, as plain strings."""

    BLOCKS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "div", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.parts, self.kind = [], [], "paragraph"

    def _flush(self):
        text = clean_line(" ".join("".join(self.parts).split()))
        if text:
            self.units.append(Unit(self.kind, text))
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
            self.kind = "bullet" if tag == "li" else "subheading" if tag.startswith("h") else "paragraph"
        elif tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
            self.kind = "paragraph"

    def handle_data(self, data):
        self.parts.append(data)

    def close(self):
        super().close()
        self._flush()


def rich_text_units(value):
    source = value.source if isinstance(value, RichText) else str(value or "")
    parser = _RichTextUnits()
    parser.feed(source)
    parser.close()
    return parser.units


def body_units(page):
    """The page body (and a plan's task table) as units."""
    units = []
    for block in page.body:
        kind, value = block.block_type, block.value
        if kind == "heading":
            units.append(Unit("heading", clean_line(str(value))))
        elif kind == "paragraph":
            units.extend(rich_text_units(value))
        elif kind == "section":
            title = clean_line(" ".join(part for part in (value.get("number"), value.get("heading")) if part))
            content = rich_text_units(value.get("content"))
            if title and value.get("heading"):
                units.append(Unit("subheading", title))
            elif title and content:
                # "1." followed by its first paragraph reads as one numbered paragraph.
                content[0].text = f"{title} {content[0].text}"
            elif title:
                units.append(Unit("paragraph", title))
            units.extend(content)
        elif kind == "quote":
            units.append(Unit("quote", clean_line(value.get("text") or ""), clean_line(value.get("source") or "")))
        elif kind == "table":
            rows = [[clean_line(str(cell or "")) for cell in row] for row in (value or {}).get("data") or []]
            if rows:
                units.append(Unit("table", rows=rows))
        elif kind == "image" and value.get("image") is not None:
            image = value["image"]
            caption = value.get("caption") or image.title
            credit = image.credit or "Chưa ghi nguồn"
            units.append(Unit("image", f"{caption} · Ảnh: {credit} · {image.get_usage_rights_display()}"))
        elif kind == "document" and value is not None:
            units.append(Unit("paragraph", f"Tệp đính kèm: {value.title}"))
    if isinstance(page, PlanPage):
        tasks = list(page.tasks.all())
        if tasks:
            units.append(Unit("heading", "Phân công nhiệm vụ"))
            units.append(
                Unit(
                    "table",
                    rows=[["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"]]
                    + [[t.task, t.lead_unit, t.coordinating_units, t.deadline] for t in tasks],
                )
            )
    return units


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def metadata(page):
    """(key, label, value) facts about a specific page; value is a string or a list of strings."""
    lines = [("content_kind", "Loại nội dung", CONTENT_KIND_LABELS.get(page.content_kind, ""))]
    if isinstance(page, OfficialDocumentPage):
        signer = ""
        if page.signer:
            signer = ": ".join(part for part in (page.signer_title or page.signing_capacity, page.signer) if part)
        lines += [
            ("doc_kind", "Loại văn bản", page.kind_label),
            ("number", "Số hiệu", page.number),
            ("issuer", "Cơ quan ban hành", str(page.issuer) if page.issuer else ""),
            ("issued", "Ngày ban hành", ", ".join(part for part in (page.place, _date(page.issued_date)) if part)),
            ("subject", "Trích yếu", page.subject),
            ("signer", "Người ký", signer),
            ("validity", "Tình trạng hiệu lực", page.get_validity_display()),
        ]
        if isinstance(page, PlanPage):
            lines.append(("period", "Giai đoạn", page.period))
    elif isinstance(page, ExemplaryCasePage):
        lines += [
            ("subject_name", page.get_subject_kind_display() or "Đối tượng", page.subject_name),
            ("year", "Năm", str(page.year or "")),
            ("achievements", "Thành tích", page.achievement_list()),
            ("products", "Sản phẩm tiêu biểu", page.product_list()),
            ("awards", "Khen thưởng", page.award_list()),
        ]
    elif isinstance(page, PropagandaMaterialPage):
        lines += [
            ("form", "Hình thức", page.form_label),
            ("occasion", "Dịp", page.occasion),
            ("audience", "Đối tượng", page.audience),
            ("date", "Ngày", _date(page.issued_date)),
        ]
    lines += [
        ("themes", "Chủ đề", ", ".join(theme.name for theme in page.themes.all())),
        ("regions", "Địa bàn", ", ".join(region.full_name for region in page.regions.all())),
    ]
    return [(key, label, value) for key, label, value in lines if value]


def credit_lines(page):
    return [item.credit_line() for item in page_images(page)]


def _unit_text(unit):
    if unit.kind == "bullet":
        return f"- {unit.text}"
    if unit.kind == "quote":
        return f"“{unit.text}”" + (f" ({unit.source})" if unit.source else "")
    if unit.kind == "table":
        return "\n".join(" | ".join(row) for row in unit.rows)
    if unit.kind == "image":
        return f"[Ảnh: {unit.text}]"
    return unit.text


def body_text(page):
    """The body alone as plain text, paragraphs separated by blank lines."""
    return "\n\n".join(_unit_text(unit) for unit in body_units(page))


def copy_text(page):
    """What the "copy text" button puts on the clipboard: title, summary, body, credits."""
    return "\n\n".join([page.title, *_summary_body_credits(page, "Ảnh:")])


def _summary_body_credits(page, credits_heading):
    """The summary, the body and the image credits under ``credits_heading``, those that exist."""
    parts = []
    if page.summary:
        parts.append(clean_line(page.summary))
    body = body_text(page)
    if body:
        parts.append(body)
    credits = credit_lines(page)
    if credits:
        parts.append("\n".join([credits_heading] + [f"- {line}" for line in credits]))
    return parts


def full_text(page, url=""):
    """The .txt download: title, metadata, summary, body, image credits, source."""
    parts = [page.title + "\n" + "=" * min(len(page.title), 72)]
    meta = []
    for _key, label, value in metadata(page):
        meta.append(f"{label}: {'; '.join(value) if isinstance(value, list) else value}")
    parts.append("\n".join(meta))
    parts += _summary_body_credits(page, "Nguồn ảnh và quyền sử dụng:")
    if url:
        parts.append(f"Nguồn: {url}")
    return "\n\n".join(parts) + "\n"


def _body_images(page):
    return [block.value["image"] for block in page.body if block.block_type == "image" and block.value.get("image")]


def body_html(page, image_src=None):
    """The body as clean HTML; ``image_src(image)`` gives each body image's URL (omitted when None)."""
    out = []
    list_open = False
    images = {item.image.pk: item for item in page_images(page)} if image_src else {}
    body_images = iter(_body_images(page))
    for unit in body_units(page):
        if unit.kind == "bullet":
            if not list_open:
                out.append("<ul>")
                list_open = True
            out.append(f"<li>{html.escape(unit.text)}</li>")
            continue
        if list_open:
            out.append("</ul>")
            list_open = False
        text = html.escape(unit.text)
        if unit.kind == "heading":
            out.append(f"<h2>{text}</h2>")
        elif unit.kind == "subheading":
            out.append(f"<h3>{text}</h3>")
        elif unit.kind == "quote":
            source = f"<footer>{html.escape(unit.source)}</footer>" if unit.source else ""
            out.append(f"<blockquote><p>{text}</p>{source}</blockquote>")
        elif unit.kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in unit.rows)
            out.append(f"<table>{rows}</table>")
        elif unit.kind == "image":
            image = next(body_images, None)
            img = ""
            if image is not None and image.pk in images:
                img = f'<img src="{html.escape(image_src(image))}" alt="{html.escape(image.title)}">'
            out.append(f"<figure>{img}<figcaption>{text}</figcaption></figure>")
        else:
            out.append(f"<p>{text}</p>")
    if list_open:
        out.append("</ul>")
    return "".join(out)


def feed_html(page, image_src):
    """Full content for feeds: summary, gallery with credits, body."""
    parts = []
    if page.summary:
        parts.append(f"<p><strong>{html.escape(clean_line(page.summary))}</strong></p>")
    body_image_ids = {image.pk for image in _body_images(page)}
    for item in page_images(page):
        if item.image.pk in body_image_ids:
            continue
        parts.append(
            f'<figure><img src="{html.escape(image_src(item.image))}" alt="{html.escape(item.image.title)}">'
            f"<figcaption>{html.escape(item.credit_line())}</figcaption></figure>"
        )
    parts.append(body_html(page, image_src))
    return "".join(parts)
