"""Link integrity: the pages that cite or link to a document.

Citations are inline rows of a document (ParentalKey), so Wagtail's reference
index records each citation's target under the citing page; rich-text links
are recorded the same way. The citation rows are asked directly as well, so
the warning holds even before the index is rebuilt.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from .models import DocumentCitation


def citing_pages(pages):
    """Pages outside ``pages`` that cite or link to one of them, by title."""
    ids = {page.pk for page in pages}
    source_ids = set(DocumentCitation.objects.filter(target_id__in=ids).values_list("page_id", flat=True))
    page_type = ContentType.objects.get_for_model(Page)
    source_ids |= {
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            to_content_type=page_type, to_object_id__in=[str(i) for i in ids], base_content_type=page_type
        ).values_list("object_id", flat=True)
    }
    return list(Page.objects.filter(pk__in=source_ids - ids).order_by("title"))
