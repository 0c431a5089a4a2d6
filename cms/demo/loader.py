"""Demo content: the page tree, the five seed documents, cases, materials, users.

Everything is looked up before it is created, so loading twice updates the
same pages instead of adding copies. Seed metadata is hand-checked in
fixtures/seed_metadata.json; the body text comes from the seed files.
"""

import io
import json
import os
from datetime import date
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from cms.accounts.permissions import grant_section
from cms.cases.models import CasePhoto, ExemplaryCasePage
from cms.content.bodytext import body_blocks, slice_body
from cms.content.models import CampaignImage, ContentPageAttachment, ContentPageRelated
from cms.directives.metadata import apply_metadata
from cms.directives.models import OfficialDocumentPage, PlanPage, PlanTask
from cms.importer.parser import ParsedDocument
from cms.materials.models import MaterialImage, PropagandaMaterialPage
from cms.taxonomy.models import Region, Theme
from home.models import HomePage, SectionPage
from vietnamese.numbers import normalize_doc_number
from vietnamese.text import slugify
from vietnamese.vocabulary import CONTENT_KINDS

from . import pictures

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"

HOME_TITLE = "Cổng thông tin Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"
HOME_INTRO = (
    "Văn bản chỉ đạo, kế hoạch, gương điển hình và tài liệu tuyên truyền của Ban Chỉ đạo "
    "Cuộc vận động các cấp, dành cho cán bộ, biên tập viên và phóng viên."
)
# The intro of each content kind's section (its title is the kind's label).
SECTION_INTROS = {
    "van_ban": "Chỉ thị, công văn, thông tri, nghị quyết của các cấp ủy, chính quyền.",
    "ke_hoach": "Kế hoạch, chương trình thực hiện Cuộc vận động.",
    "guong": "Tập thể, cá nhân, doanh nghiệp, địa phương tiêu biểu.",
    "tai_lieu": "Bài viết, khẩu hiệu, đề cương, hỏi - đáp sẵn sàng sử dụng.",
}
# Today's provinces with regional sections, and the content kinds that have one.
# Each department publishes all four kinds, so each has a regional section of each kind.
ALL_KINDS = ["van_ban", "ke_hoach", "guong", "tai_lieu"]
REGIONAL_SECTIONS = {
    "ha-noi": ALL_KINDS,
    "bac-ninh": ALL_KINDS,
    "lang-son": ALL_KINDS,
    "ha-tinh": ALL_KINDS,
    "ho-chi-minh": ALL_KINDS,
}
PAGE_KIND = {"official_document": "van_ban", "plan": "ke_hoach"}

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "hangviet2026")
# (username, full name, groups, superuser)
DEMO_USERS = [
    ("quantri", "Quản trị hệ thống", [], True),
    ("bientap", "Biên tập viên Hà Nội", ["Biên tập", "Biên tập – Hà Nội"], False),
    ("bientap_hatinh", "Biên tập viên Hà Tĩnh", ["Biên tập", "Biên tập – Hà Tĩnh"], False),
    ("duyet", "Cán bộ duyệt bài", ["Duyệt"], False),
    ("canbo", "Cán bộ đọc tin", ["Cán bộ"], False),
    ("baochi", "Phóng viên", ["Báo chí"], False),
]


def load_fixture():
    return json.loads((FIXTURES / "seed_metadata.json").read_text("utf-8"))


@transaction.atomic
def load_demo(stdout=None):
    """Build or refresh the whole demo; returns the demo users' credentials."""
    data = load_fixture()
    home = ensure_home()
    sections = ensure_sections(home)
    documents = {}
    for item in data["documents"]:
        page = load_document(item)
        documents[page.number_key or page.slug] = page
    for number, item in enumerate(data["exemplary_cases"]):
        add_pictures(load_case(item, sections["guong"], documents), number)
    for number, item in enumerate(data["materials"]):
        add_pictures(load_material(item, sections["tai_lieu"], documents), number)
    ensure_collection(home)
    return ensure_users()


def ensure_home():
    """The site's root page is our HomePage (replacing Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="trang-chu", intro=HOME_INTRO))
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
    site.root_page = home
    site.site_name = "Cổng thông tin Cuộc vận động"
    site.port = 80
    site.save()
    for welcome in root.get_children().exclude(pk=home.pk).filter(content_type__model="page"):
        welcome.delete()
    return home


def _child(parent, model, slug, **fields):
    """The child of ``parent`` with ``slug``, created or updated with ``fields``, published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


def ensure_sections(home):
    """The four sections (by content kind) and the regional sections beneath them."""
    sections = {}
    for kind in CONTENT_KINDS:
        sections[kind.code] = _child(
            home, SectionPage, kind.section, title=kind.label, content_kind=kind.code,
            intro=SECTION_INTROS[kind.code], show_in_menus=True,
        )
    for region_slug, kinds in REGIONAL_SECTIONS.items():
        region = Region.objects.get(slug=region_slug)
        for kind in kinds:
            section = _child(sections[kind], SectionPage, region_slug, title=region.full_name, content_kind=kind, region=region)
            sections[f"{kind}/{region_slug}"] = section
            grant_section(f"Biên tập – {region.name}", section)
    return sections


def _regions(slugs):
    return list(Region.objects.filter(slug__in=slugs))


def _themes(slugs):
    return [Theme.objects.get(slug=slug) for slug in slugs]


def _date(value):
    return date.fromisoformat(value) if value else None


def _attach_original(page, source):
    """Attach the seed file as the original document (one Document per file)."""
    Document = get_document_model()
    title = f"Bản gốc: {source}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(source, ContentFile((SEEDS / source).read_bytes()), save=False)
        document.save()
    page.attachments = [
        ContentPageAttachment(
            document=document, caption="Văn bản gốc (bản chuyển đổi văn bản)", is_original=True, sort_order=0
        )
    ]


def _slug(item):
    key = normalize_doc_number(item["number"]) if item.get("number") else None
    return key or slugify(item["title"])[:60].strip("-")


def seed_metadata(item):
    """A seed's hand-checked metadata as the parser's result, for ``apply_metadata``."""
    return ParsedDocument(
        source=item["source"],
        kind=item["kind"],
        number=item["number"],
        issuer=item["issuer"],
        level=item["level"],
        place=item["place"],
        date=_date(item["date"]),
        subject=item["subject"],
        recipients=list(item["recipients"]),
        distribution=list(item["distribution"]),
        signing_capacity=item["signing_capacity"],
        signer_title=item["signer_title"],
        signer=item["signer"],
        cited=[{**cited, "date": _date(cited["date"])} for cited in item["cited"]],
        themes=list(item["themes"]),
        regions=list(item["regions"]),
    )


def load_document(item):
    regions = _regions(item["regions"])
    section = SectionPage.for_content(PAGE_KIND[item["page_type"]], regions)
    model = PlanPage if item["page_type"] == "plan" else OfficialDocumentPage
    text = (SEEDS / item["source"]).read_text("utf-8")
    page = model.objects.filter(slug=_slug(item)).first()
    if page is None:
        page = model(slug=_slug(item))
    apply_metadata(page, seed_metadata(item), issuer_abbreviation=item.get("issuer_abbreviation") or "")
    page.title = item["title"]
    page.validity = item["validity"]
    page.body = body_blocks(slice_body(text, item["body_start"], item["body_end"]))
    if model is PlanPage:
        page.period = item.get("period") or ""
        page.purposes = "\n".join(item.get("purposes", []))
        page.tasks = [
            PlanTask(
                task=task["task"],
                lead_unit=task["lead"] or "",
                coordinating_units=task["coordinating"] or "",
                deadline=task["deadline"] or "",
                reporting_cycle=task["reporting"] or "",
                sort_order=order,
            )
            for order, task in enumerate(item.get("tasks", []))
        ]
    _attach_original(page, item["source"])
    if page.pk is None:
        section.add_child(instance=page)
    page.save_revision().publish()
    return page


def _paragraph_blocks(paragraphs):
    from html import escape

    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]


def _related(page, numbers, documents):
    targets = [documents[key] for key in map(normalize_doc_number, numbers) if key in documents]
    page.related_links = [ContentPageRelated(target=target, sort_order=order) for order, target in enumerate(targets)]


def _content_page(model, item, section, documents, fields):
    slug = slugify(item["title"])[:60].strip("-")
    page = model.objects.filter(slug=slug).first()
    fields.update(title=item["title"], summary=item["summary"])
    if page is None:
        page = model(slug=slug, **fields)
        section.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.regions.set(_regions(item["regions"]))
    page.themes.set(_themes(item["themes"]))
    _related(page, item.get("related_numbers", []), documents)
    page.save_revision().publish()
    return page


def load_case(item, section, documents):
    return _content_page(
        ExemplaryCasePage,
        item,
        section,
        documents,
        dict(
            subject_kind=item["subject_kind"],
            subject_name=item["subject_name"],
            year=item["year"],
            issued_date=date(item["year"], 1, 1) if item["year"] else None,
            achievements="\n".join(item["achievements"]),
            awards="\n".join(item["awards"]),
            products="\n".join(item["products"]),
            body=_paragraph_blocks(item["story"]),
        ),
    )


def load_material(item, section, documents):
    body = _paragraph_blocks(item["body"])
    if item.get("slogans"):
        body.append(("heading", "Khẩu hiệu"))
        body += [("quote", {"text": slogan, "source": ""}) for slogan in item["slogans"]]
    return _content_page(
        PropagandaMaterialPage,
        item,
        section,
        documents,
        dict(form=item["form"], occasion=item["occasion"] or "", audience=item["audience"] or "", body=body),
    )


# Demo pictures are drawn, not photographed: their credit says so.
DEMO_CREDIT = "Ban Biên tập Cổng thông tin (ảnh minh hoạ, dữ liệu mẫu)"


def _picture(title, draw, usage_rights, credit=DEMO_CREDIT):
    """The demo image titled ``title``, drawn once (the same on every load)."""
    image = CampaignImage.objects.filter(title=title).first()
    if image is None:
        image = CampaignImage(title=title, credit=credit, usage_rights=usage_rights)
        image.file = ImageFile(io.BytesIO(draw()), name=f"{slugify(title)[:60]}.jpg")
        image.save()
    return image


def add_pictures(page, number):
    """A poster and an infographic on a material; a market photo and a poster on an
    exemplary case: shown on the page, packed in its press pack, enclosed in feeds."""
    if isinstance(page, ExemplaryCasePage):
        if page.photos.exists():
            return
        photo = _picture(
            f"{page.subject_name or page.title}: phiên chợ hàng Việt",
            lambda: pictures.market_photo(f"{page.subject_name or page.title} · ảnh minh hoạ", seed=number),
            "tu_do",
        )
        poster = _picture(
            f"Áp phích: {page.title[:80]}", lambda: pictures.poster(page.title[:90], "Dùng hàng Việt, vì kinh tế Việt", seed=number), "noi_bo"
        )
        page.photos = [
            CasePhoto(image=photo, caption="Phiên chợ đưa hàng Việt về nông thôn", sort_order=0),
            CasePhoto(image=poster, caption="Áp phích tuyên truyền gương điển hình", sort_order=1),
        ]
    else:
        if page.images.exists():
            return
        poster = _picture(
            f"Áp phích: {page.title[:80]}", lambda: pictures.poster(page.title[:90], "Người Việt ưu tiên dùng hàng Việt", seed=10 + number), "tu_do"
        )
        chart = _picture(
            f"Đồ hoạ: {page.title[:80]}",
            lambda: pictures.infographic(
                "Hàng Việt trong mùa mua sắm",
                [("Điểm bán hàng Việt", 65), ("Phiên chợ về nông thôn", 24), ("Sản phẩm OCOP", 42)],
                "Số liệu minh hoạ (dữ liệu mẫu), không phải số liệu chính thức",
            ),
            "xin_phep",
        )
        page.images = [
            MaterialImage(image=poster, caption="Áp phích Cuộc vận động", sort_order=0),
            MaterialImage(image=chart, caption="Đồ hoạ: hàng Việt trong mùa mua sắm", sort_order=1),
        ]
    page.save_revision().publish()


def ensure_collection(home):
    """One collection (a saved search) under the home page. The model is looked up by its
    app label: the collections app sits above the search layer, which the demo may not import."""
    collection_page = apps.get_model("collections", "CollectionPage")
    return _child(
        home, collection_page, "bo-suu-tap-ocop",
        title="Sản phẩm OCOP và hàng Việt",
        intro="Văn bản, gương điển hình và tài liệu về Chương trình Mỗi xã một sản phẩm, luôn cập nhật theo kho.",
        theme="ocop",
    )


def ensure_users():
    """One demo user per group; returns [(username, password, groups)]."""
    User = get_user_model()
    credentials = []
    for username, full_name, groups, superuser in DEMO_USERS:
        user = User.objects.filter(username=username).first() or User(username=username)
        user.first_name = full_name
        user.is_superuser = user.is_staff = superuser
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([Group.objects.get_or_create(name=name)[0] for name in groups])
        credentials.append((username, DEMO_PASSWORD, ", ".join(groups) or "Quản trị toàn quyền"))
    return credentials
