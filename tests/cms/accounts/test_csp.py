"""Content-Security-Policy: nothing inline on the site; the admin gets only what Wagtail needs."""

import pytest

pytestmark = pytest.mark.django_db


def _policy(response):
    return {part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split("; ")}


def test_site_pages_allow_no_inline_script_or_style(client, login):
    login("canbo")
    for url in ("/", "/tim-kiem/?q=hàng+việt"):
        policy = _policy(client.get(url))
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]


def test_the_admin_gets_inline_scripts_and_styles(client, login):
    login("quantri")
    policy = _policy(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["script-src"] and "'unsafe-inline'" in policy["style-src"]


def test_documents_keep_wagtails_stricter_policy(client, login):
    from cms.directives.models import OfficialDocumentPage

    login("canbo")
    document = OfficialDocumentPage.objects.get(number="610-CV/TU").attachments.first().document
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
