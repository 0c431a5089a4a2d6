"""Downloads (.docx, .txt, press pack, attachments, images) and the personal keys page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cms.content.filters import bounded_int
from cms.content.visibility import visible_pages
from cms.taxonomy.models import Region, Theme
from home.models import SectionPage

from .access import MAX_ID, PressError, json_error, press_page, press_view
from .exports import docx_bytes, file_stem, txt_bytes
from .images import MIME_TYPES, SIZES, find_page_image, rendition_file
from .packs import has_press_pack, press_pack_bytes
from .tokens import (
    can_use_tokens,
    create_api_token,
    feed_token_for,
    revoke_api_token,
    rotate_feed_token,
    user_api_tokens,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Downloads are personal (page privacy): never keep them in a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


def _source_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


@require_GET
@press_view(anonymous="login")
def docx_view(request, page_id):
    page = press_page(request, page_id)
    return _download(docx_bytes(page, _source_url(request, page)), f"{file_stem(page)}.docx", DOCX_TYPE)


@require_GET
@press_view(anonymous="login")
def txt_view(request, page_id):
    page = press_page(request, page_id)
    return _download(txt_bytes(page, _source_url(request, page)), f"{file_stem(page)}.txt", "text/plain; charset=utf-8")


@require_GET
@press_view(anonymous="login")
def pack_view(request, page_id):
    page = press_page(request, page_id)
    if not has_press_pack(page):
        raise PressError(404, "Chỉ tài liệu tuyên truyền và gương điển hình có bộ tài liệu báo chí.", "not_found")
    content = press_pack_bytes(page, _source_url(request, page))
    return _download(content, f"{file_stem(page)}-bo-tai-lieu-bao-chi.zip", "application/zip")


@require_GET
@press_view(anonymous="login")
def attachment_view(request, page_id, attachment_id):
    page = press_page(request, page_id)
    attachment = page.attachments.filter(pk=min(attachment_id, MAX_ID)).select_related("document__collection").first()
    if attachment is None:
        raise PressError(404, f"Nội dung số {page_id} không có tệp đính kèm số {attachment_id}.", "not_found")
    document = attachment.document
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            raise PressError(404, f"Nội dung số {page_id} không có tệp đính kèm số {attachment_id}.", "not_found")
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@press_view(anonymous="login")
def image_view(request, page_id, image_id, size):
    if size not in SIZES:
        raise PressError(404, f"Không có cỡ ảnh “{size[:20]}”. Dùng một trong: {', '.join(SIZES)}.", "not_found")
    page = press_page(request, page_id)
    item = find_page_image(page, image_id)
    if item is None:
        raise PressError(404, f"Nội dung số {page_id} không có ảnh số {image_id}.", "not_found")
    file, _length, ext = rendition_file(item.image, size)
    response = FileResponse(file.open("rb"), content_type=MIME_TYPES.get(ext, "application/octet-stream"))
    response["Content-Disposition"] = f'inline; filename="{file_stem(page)}-{image_id}-{size}.{ext}"'
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_not_required
def api_not_found(request, rest=""):
    """Anything under /api/ that no endpoint matches: JSON, not the site's HTML 404 or a login redirect."""
    return json_error(
        404,
        "Không có địa chỉ API này. Dùng /api/v2/pages/ (danh sách) hoặc /api/v2/pages/<số>/ (một nội dung).",
        "not_found",
    )


def feed_links(request, token):
    """Feed URLs (RSS and Atom, with the user's feed key) for sections, curated themes and today's provinces."""
    suffix = f"?token={token}" if token else ""

    def pair(base):
        return {
            "rss": request.build_absolute_uri(f"{base}rss.xml{suffix}"),
            "atom": request.build_absolute_uri(f"{base}atom.xml{suffix}"),
        }

    sections = visible_pages(SectionPage.objects.filter(depth__gte=3), request).order_by("path")
    return {
        "all": pair("/tin/tim-kiem/"),
        "sections": [(section, pair(f"/tin/chuyen-muc/{section.pk}/")) for section in sections],
        "themes": [(theme, pair(f"/tin/chu-de/{theme.slug}/")) for theme in Theme.objects.filter(curated=True)],
        "regions": [
            (region, pair(f"/tin/dia-ban/{region.slug}/"))
            for region in Region.objects.filter(depth=2, historical=False).order_by("name")
        ],
    }


@never_cache
@require_http_methods(["GET", "POST"])
def tokens_view(request):
    """The user's own API keys and feed key: create (secret shown once), revoke, rotate."""
    user = request.user
    if not can_use_tokens(user):
        return TemplateResponse(request, "press/tokens.html", {"allowed": False}, status=403)
    context = {"allowed": True}
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            name = " ".join(request.POST.get("name", "").split())[:255]
            if not name:
                context["error"] = "Hãy đặt tên cho khoá (ví dụ: Máy tính toà soạn)."
            else:
                token, plaintext = create_api_token(user, name)
                context.update(new_token=plaintext, new_token_name=token.name)
        elif action == "revoke":
            raw = request.POST.get("token_id", "")
            token_id = bounded_int(raw, 0, MAX_ID)
            if token_id is not None and revoke_api_token(user, token_id):
                messages.success(request, "Đã thu hồi khoá. Các chương trình đang dùng khoá này sẽ bị từ chối.")
            else:
                messages.error(request, "Không tìm thấy khoá này trong các khoá còn hiệu lực của bạn.")
            return redirect("press:tokens")
        elif action == "rotate_feed":
            rotate_feed_token(user)
            messages.success(request, "Đã đổi mã nhận tin RSS. Các đường dẫn RSS cũ không còn dùng được.")
            return redirect("press:tokens")
        else:
            messages.error(request, "Thao tác không hợp lệ.")
            return redirect("press:tokens")
    feed_token = feed_token_for(user)
    context.update(tokens=user_api_tokens(user), feed_token=feed_token, feeds=feed_links(request, feed_token))
    return TemplateResponse(request, "press/tokens.html", context)
