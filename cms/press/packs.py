"""Press packs: one .zip with everything a newsroom needs to publish a page.

Only propaganda materials and exemplary cases have one: they are what the
press republishes; official documents are cited, not republished.

    <slug>.txt, <slug>.docx      the text (same as the single downloads)
    anh/ban-in/01-<name>.<ext>   each image as uploaded, for print
    anh/web/01-<name>.jpg        each image 1200px wide, for the web
    nguon-anh.txt                every image's credit line and usage rights
"""

import io
import zipfile

from cms.cases.models import ExemplaryCasePage
from cms.materials.models import PropagandaMaterialPage
from vietnamese.text import slugify

from .exports import docx_bytes, file_stem, txt_bytes
from .images import page_images, rendition_file

PACK_TYPES = (PropagandaMaterialPage, ExemplaryCasePage)
CREDITS_NAME = "nguon-anh.txt"


def has_press_pack(page):
    return isinstance(page, PACK_TYPES)


def image_names(page):
    """(item, base name) per image, numbered so names never collide."""
    return [
        (item, f"{number:02d}-{slugify(item.image.title)[:50].strip('-') or 'anh'}")
        for number, item in enumerate(page_images(page), start=1)
    ]


def credits_text(page, named, url=""):
    lines = [
        f"Nguồn ảnh và quyền sử dụng – {page.title}",
        "",
        "Khi đăng ảnh, ghi đúng nguồn dưới đây và tuân thủ quyền sử dụng của từng ảnh.",
        "",
    ]
    if not named:
        lines.append("Nội dung này không có ảnh.")
    for item, name in named:
        lines += [
            f"{name}",
            f"  Tên ảnh: {item.image.title}",
            f"  Chú thích: {item.caption or '—'}",
            f"  Nguồn ảnh / tác giả: {item.credit}",
            f"  Quyền sử dụng: {item.usage_rights_label}",
            "",
        ]
    if url:
        lines.append(f"Nguồn nội dung: {url}")
    return "\n".join(lines) + "\n"


def press_pack_bytes(page, url=""):
    stem = file_stem(page)
    named = image_names(page)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{stem}.txt", txt_bytes(page, url))
        archive.writestr(f"{stem}.docx", docx_bytes(page, url))
        for item, name in named:
            for size, folder in (("print", "ban-in"), ("web", "web")):
                file, _length, ext = rendition_file(item.image, size)
                with file.open("rb") as handle:
                    # Images are already compressed: store them as they are.
                    archive.writestr(f"anh/{folder}/{name}.{ext}", handle.read(), zipfile.ZIP_STORED)
        archive.writestr(CREDITS_NAME, credits_text(page, named, url).encode("utf-8"))
    return buffer.getvalue()
