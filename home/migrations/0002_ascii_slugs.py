"""Pages made in the admin before WAGTAIL_ALLOW_UNICODE_SLUGS = False have accented
web addresses (/van-ban-chi-dao/ha-noi/công-văn-99-…/): give them the ASCII slug
vietnamese.text.slugify makes, unique among their siblings, and fix the stored
url_path of each page and everything beneath it."""

from django.db import migrations
from wagtail.contrib.redirects.models import Redirect as RedirectModel

from vietnamese.text import slugify


def ascii_slugs(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    for page in Page.objects.order_by("path"):
        if page.slug.isascii():
            continue
        page = Page.objects.get(pk=page.pk)  # url_path may have changed with an ancestor
        siblings = set(
            Page.objects.filter(path__startswith=page.path[: -Page.steplen], depth=page.depth)
            .exclude(pk=page.pk)
            .values_list("slug", flat=True)
        )
        base = slugify(page.slug) or slugify(page.title) or f"trang-{page.pk}"
        slug, n = base, 1
        while slug in siblings:
            n += 1
            slug = f"{base}-{n}"
        old_url_path = page.url_path
        new_url_path = old_url_path[: -len(page.slug) - 1] + slug + "/"
        for node in Page.objects.filter(path__startswith=page.path):
            node.url_path = new_url_path + node.url_path[len(old_url_path) :]
            if node.pk == page.pk:
                node.slug = slug
            node.save(update_fields=["url_path", "slug"])
        # Links already shared keep working: the old address redirects to the new one.
        site_root = old_url_path.split("/")[1]
        old_path = "/" + old_url_path[len(site_root) + 2 :]
        Redirect.objects.get_or_create(old_path=RedirectModel.normalise_path(old_path), site=None, defaults={"redirect_page_id": page.pk})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(ascii_slugs, migrations.RunPython.noop)]
