"""Publishing announces a page: the admin's publish and ``publish_scheduled``
(which publishes an embargoed page on its go-live date) both send page_published."""

from django.db import transaction
from wagtail.signals import page_published


def on_published(sender, instance, **kwargs):
    from .notify import announce_safely

    page_id = instance.pk
    # After commit: readers are told of what is saved, and a refused mail never undoes a publish.
    transaction.on_commit(lambda: announce_safely(page_id))


def connect():
    page_published.connect(on_published, dispatch_uid="subscriptions_announce")
