"""The images of a page, with their credit and usage rights, in the sizes news sites use.

A page's images are its gallery (case photos, material images) followed by
the images placed in its body. Every channel that hands out an image goes
through this module, so the credit line and the usage rights always travel
with it, and an image is served only as part of a page the request may see.
"""

from dataclasses import dataclass

from django.urls import reverse

# name -> (label, Wagtail filter spec). "print" is the original file, untouched.
SIZES = {
    "print": ("Bản in (ảnh gốc)", None),
    "web": ("Web (rộng 1200px)", "width-1200|format-jpeg|jpegquality-85"),
    "medium": ("Web (rộng 800px)", "width-800|format-jpeg|jpegquality-85"),
    "social": ("Mạng xã hội (1200×630)", "fill-1200x630|format-jpeg|jpegquality-85"),
    "thumbnail": ("Ảnh nhỏ (400×225)", "fill-400x225|format-jpeg|jpegquality-80"),
}
MIME_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"}


@dataclass
class PageImageItem:
    image: object
    caption: str

    @property
    def credit(self):
        return self.image.credit or "Chưa ghi nguồn"

    @property
    def usage_rights(self):
        return self.image.usage_rights

    @property
    def usage_rights_label(self):
        return self.image.get_usage_rights_display()

    def credit_line(self):
        """One line to print under the image wherever it is published."""
        caption = self.caption or self.image.title
        return f"{caption} · Ảnh: {self.credit} · {self.usage_rights_label}"


def page_images(page):
    """Gallery images then body images of a specific page, each image once."""
    items, seen = [], set()
    for relation in ("photos", "images"):
        manager = getattr(page, relation, None)
        if manager is None:
            continue
        for item in manager.all().select_related("image"):
            if item.image_id not in seen:
                seen.add(item.image_id)
                items.append(PageImageItem(item.image, item.caption))
    for block in page.body:
        if block.block_type == "image" and block.value["image"] is not None:
            image = block.value["image"]
            if image.pk not in seen:
                seen.add(image.pk)
                items.append(PageImageItem(image, block.value.get("caption") or ""))
    return items


def find_page_image(page, image_id):
    return next((item for item in page_images(page) if item.image.pk == image_id), None)


def extension(image):
    return (image.file.name.rsplit(".", 1)[-1] or "jpg").lower()


def rendition_file(image, size):
    """(file object, length, extension) of ``image`` in ``size``; the original for print."""
    spec = SIZES[size][1]
    if spec is None:
        return image.file, image.get_file_size() or image.file.size, extension(image)
    rendition = image.get_rendition(spec)
    return rendition.file, rendition.file.size, "jpg"


def rendition_size(image, size):
    spec = SIZES[size][1]
    if spec is None:
        return image.width, image.height
    rendition = image.get_rendition(spec)
    return rendition.width, rendition.height


def image_url(request, page, image, size, token=None):
    """Absolute URL of the press image route (checks the page's visibility on every fetch)."""
    url = request.build_absolute_uri(reverse("press:image", args=[page.pk, image.pk, size]))
    return f"{url}?token={token}" if token else url


def image_data(request, page, item, token=None):
    """The API and feed representation of one image."""
    renditions = {}
    for size, (label, _spec) in SIZES.items():
        width, height = rendition_size(item.image, size)
        renditions[size] = {
            "label": label,
            "width": width,
            "height": height,
            "url": image_url(request, page, item.image, size, token),
        }
    return {
        "id": item.image.pk,
        "title": item.image.title,
        "caption": item.caption,
        "credit": item.image.credit,
        "usage_rights": item.usage_rights,
        "usage_rights_label": item.usage_rights_label,
        "credit_line": item.credit_line(),
        "renditions": renditions,
    }
