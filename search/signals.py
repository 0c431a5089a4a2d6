"""Index upkeep: the archive index follows publish, unpublish, move, delete,
privacy and taxonomy changes.

Updates run after the transaction commits (a rolled-back save changes
nothing) and never make a save fail: an error is logged, and
``rebuild_search_index --reconcile`` repairs whatever was missed.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.content.indexing import pages_changed
from cms.content.models import ContentPage
from cms.taxonomy.models import IssuingBody, Theme
from search.indexing import remove_pages, update_pages

logger = logging.getLogger(__name__)


def _later(action, *args):
    def run():
        try:
            action(*args)
        except Exception:  # noqa: BLE001 - the index must never break a save
            logger.exception("search index update failed; run rebuild_search_index --reconcile")

    transaction.on_commit(run)


def _update(page_ids):
    update_pages(Page.objects.filter(pk__in=list(page_ids)).specific())


def _remove(page_ids):
    remove_pages(page_ids)


def _subtree_ids(page):
    return list(ContentPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_publish_change(sender, instance, **kwargs):
    if isinstance(instance, ContentPage):
        _later(_update, [instance.pk])


def on_move(sender, instance, **kwargs):
    _later(_update, _subtree_ids(instance))


def on_delete(sender, instance, **kwargs):
    # Connected for ContentPage only: once per content page, whatever its
    # type (a receiver for every sender would stop Django's fast deletes
    # everywhere, SearchEntry's included).
    _later(_remove, [instance.pk])


def on_restriction_change(sender, instance, **kwargs):
    _later(_update, _subtree_ids(instance.page))


def on_theme_change(sender, instance, **kwargs):
    ids = list(ContentPage.objects.filter(theme_items__tag=instance).values_list("pk", flat=True))
    if ids:
        _later(_update, ids)


def on_issuer_change(sender, instance, **kwargs):
    ids = list(instance.documents.values_list("pk", flat=True))
    if ids:
        _later(_update, ids)


# Deleting a theme or an issuer: the pages are found before the delete
# (their links go with it) and re-indexed after the commit.
on_theme_delete = on_theme_change
on_issuer_delete = on_issuer_change


def on_pages_changed(sender, page_ids, **kwargs):
    # A batch of saves (an import, cms.content.indexing.deferred_indexing) names its pages once.
    if page_ids:
        _later(_update, page_ids)


def connect():
    pages_changed.connect(on_pages_changed, dispatch_uid="archive_search_batch")
    page_published.connect(on_publish_change, dispatch_uid="archive_search_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="archive_search_unpublished")
    post_page_move.connect(on_move, dispatch_uid="archive_search_moved")
    post_delete.connect(on_delete, sender=ContentPage, dispatch_uid="archive_search_deleted")
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="archive_search_privacy_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="archive_search_privacy_deleted")
    post_save.connect(on_theme_change, sender=Theme, dispatch_uid="archive_search_theme")
    post_save.connect(on_issuer_change, sender=IssuingBody, dispatch_uid="archive_search_issuer")
    pre_delete.connect(on_theme_delete, sender=Theme, dispatch_uid="archive_search_theme_deleted")
    pre_delete.connect(on_issuer_delete, sender=IssuingBody, dispatch_uid="archive_search_issuer_deleted")
