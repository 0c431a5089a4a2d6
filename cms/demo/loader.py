"""Demo content: the page tree, the five seed documents, cases, materials, users.

Everything is looked up before it is created, so loading twice updates the
same pages instead of adding copies. Seed metadata is hand-checked in
fixtures/seed_metadata.json; the body text comes from the seed files.
"""

import json
import os
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from cms.accounts.permissions import grant_section
from cms.cases.models import ExemplaryCasePage
from cms.content.models import ContentPageAttachment, ContentPageRelated
from cms.directives.models import DocumentCitation, OfficialDocumentPage, PlanPage, PlanTask
from cms.materials.models import PropagandaMaterialPage
from cms.taxonomy.models import IssuingBody, Region, Theme
from cms.taxonomy.regions import slugify_vi
from home.models import HomePage, SectionPage
from search.analysis import normalize_doc_number

from cms.content.bodytext import body_blocks, slice_body

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"

HOME_TITLE = "Cổng thông tin Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"
HOME_INTRO = (
    "Văn bản chỉ đạo, kế hoạch, gương điển hình và tài liệu tuyên truyền của Ban Chỉ đạo "
    "Cuộc vận động các cấp, dành cho cán bộ, biên tập viên và phóng viên."
)
# (slug, title, content kind, intro)
SECTIONS = [
    ("van-ban-chi-dao", "Văn bản chỉ đạo", "van_ban", "Chỉ thị, công văn, thông tri, nghị quyết của các cấp ủy, chính quyền."),
    ("ke-hoach", "Kế hoạch", "ke_hoach", "Kế hoạch, chương trình thực hiện Cuộc vận động."),
    ("guong-dien-hinh", "Gương điển hình", "guong", "Tập thể, cá nhân, doanh nghiệp, địa phương tiêu biểu."),
    ("tai-lieu-tuyen-truyen", "Tài liệu tuyên truyền", "tai_lieu", "Bài viết, khẩu hiệu, đề cương, hỏi - đáp sẵn sàng sử dụng."),
]
# Regional sections: (today's province slug, the sections that have one).
REGIONAL_SECTIONS = {
    "ha-noi": ["van-ban-chi-dao", "ke-hoach"],
    "bac-ninh": ["van-ban-chi-dao", "ke-hoach"],
    "lang-son": ["van-ban-chi-dao", "ke-hoach"],
    "ha-tinh": ["van-ban-chi-dao", "ke-hoach"],
    "ho-chi-minh": ["van-ban-chi-dao", "ke-hoach"],
}
PAGE_SECTION = {"official_document": "van-ban-chi-dao", "plan": "ke-hoach"}

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
    for item in data["exemplary_cases"]:
        load_case(item, sections["guong-dien-hinh"], documents)
    for item in data["materials"]:
        load_material(item, sections["tai-lieu-tuyen-truyen"], documents)
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
    sections = {}
    for slug, title, kind, intro in SECTIONS:
        sections[slug] = _child(home, SectionPage, slug, title=title, content_kind=kind, intro=intro, show_in_menus=True)
    for region_slug, parents in REGIONAL_SECTIONS.items():
        region = Region.objects.get(slug=region_slug)
        for parent_slug in parents:
            parent = sections[parent_slug]
            section = _child(
                parent, SectionPage, region_slug, title=region.full_name, content_kind=parent.content_kind, region=region
            )
            sections[f"{parent_slug}/{region_slug}"] = section
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


def _issuer(item, regions):
    body, _ = IssuingBody.objects.update_or_create(
        name=item["issuer"],
        defaults={
            "abbreviation": item.get("issuer_abbreviation") or "",
            "level": item["level"],
            "region": regions[0] if regions else None,
        },
    )
    return body


def _slug(item):
    key = normalize_doc_number(item["number"]) if item.get("number") else None
    return key or slugify_vi(item["title"])[:60].strip("-")


def load_document(item):
    regions = _regions(item["regions"])
    section = SectionPage.for_content(PAGE_SECTION[item["page_type"]], regions)
    model = PlanPage if item["page_type"] == "plan" else OfficialDocumentPage
    text = (SEEDS / item["source"]).read_text("utf-8")
    fields = dict(
        title=item["title"],
        summary=item["subject"],
        issued_date=_date(item["date"]),
        kind=item["kind"],
        number=item["number"] or "",
        issuer=_issuer(item, regions),
        level=item["level"],
        place=item["place"] or "",
        subject=item["subject"],
        recipients="\n".join(item["recipients"]),
        signing_capacity=item["signing_capacity"] or "",
        signer_title=item["signer_title"] or "",
        signer=item["signer"] or "",
        distribution="\n".join(item["distribution"]),
        validity=item["validity"],
        body=body_blocks(slice_body(text, item["body_start"], item["body_end"])),
    )
    if model is PlanPage:
        fields.update(period=item.get("period") or "", purposes="\n".join(item.get("purposes", [])))
    page = model.objects.filter(slug=_slug(item)).first()
    if page is None:
        page = model(slug=_slug(item), **fields)
        section.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.regions.set(regions)
    page.themes.set(_themes(item["themes"]))
    page.citations = [
        DocumentCitation(
            cited_number=cited["number"],
            cited_kind=cited["kind"] or "",
            cited_date=_date(cited["date"]),
            cited_issuer=cited["issuer"] or "",
            sort_order=order,
        )
        for order, cited in enumerate(item["cited"])
    ]
    if model is PlanPage:
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
    page.save_revision().publish()
    return page


def _paragraph_blocks(paragraphs):
    from html import escape

    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]


def _related(page, numbers, documents):
    targets = [documents[key] for key in map(normalize_doc_number, numbers) if key in documents]
    page.related_links = [ContentPageRelated(target=target, sort_order=order) for order, target in enumerate(targets)]


def _content_page(model, item, section, documents, fields):
    slug = slugify_vi(item["title"])[:60].strip("-")
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
