"""The permission backend: ModelBackend's answer (the user's own and their groups'
permissions), in one query."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.accounts.backends import PermissionsInOneQueryBackend

pytestmark = pytest.mark.django_db


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_the_users_own_and_group_permissions_in_one_query():
    user = get_user_model().objects.create_user("xbackend", password="x-Mat-khau-2026")
    group = Group.objects.create(name="Nhóm xbackend")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="use_api"))
    with CaptureQueriesContext(connection) as queries:
        found = PermissionsInOneQueryBackend().get_all_permissions(_fresh(user))
    assert found == ModelBackend().get_all_permissions(_fresh(user)) == {"wagtailadmin.access_admin", "press.use_api"}
    assert len(queries) == 2  # the user, then the permissions


@pytest.mark.parametrize("username", ["quantri", "bientap", "duyet", "baochi", "canbo"])
def test_the_demo_users_have_the_same_permissions_as_with_model_backend(username):
    user = get_user_model().objects.get(username=username)
    assert PermissionsInOneQueryBackend().get_all_permissions(_fresh(user)) == ModelBackend().get_all_permissions(_fresh(user))
    user.is_active = False
    assert PermissionsInOneQueryBackend().get_all_permissions(user) == set()
