"""A real SMTP server (aiosmtpd) on a port of this helper's range, readers with
mail addresses, and a publish helper that runs the after-commit work."""

import email
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.materials.models import PropagandaMaterialPage
from cms.taxonomy.models import Region, Theme
from home.models import SectionPage

SMTP_PORTS = range(2571, 2580)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address):
        return [m for m in self.messages if address in m["To"]]

    @property
    def recipients(self):
        return sorted(m["To"] for m in self.messages)


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    for port in SMTP_PORTS:
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        try:
            controller.start()
            break
        except Exception:  # noqa: BLE001 - the port is taken by another session: try the next
            continue
    else:
        raise RuntimeError("no free SMTP port in 2571-2579")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    yield inbox
    controller.stop()


def body_of(message, subtype="plain"):
    return message.get_body(preferencelist=(subtype,)).get_content()


@pytest.fixture
def reader():
    def _make(username, groups=("Cán bộ",), email_address=None):
        user = get_user_model().objects.create_user(username, email=email_address or f"{username}@example.vn", password="x")
        user.groups.set([Group.objects.get_or_create(name=name)[0] for name in groups])
        return user

    return _make


@pytest.fixture
def materials_section():
    return SectionPage.objects.get(slug="tai-lieu-tuyen-truyen", depth=3)


@pytest.fixture
def new_material(materials_section):
    """An unpublished material under the materials section, with themes and regions."""

    def _make(title, themes=("tet",), regions=("ha-tinh-duc-tho",), parent=None):
        page = PropagandaMaterialPage(title=title, slug=title.lower().replace(" ", "-")[:50], form="bai_viet", summary=title)
        page.themes.set(list(Theme.objects.filter(slug__in=themes)))
        page.regions.set(list(Region.objects.filter(slug__in=regions)))
        (parent or materials_section).add_child(instance=page)
        page.save_revision()
        return page

    return _make


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.get_latest_revision().publish()
        return page

    return _publish
