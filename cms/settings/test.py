"""Test settings: the database comes from DATABASE_URL (SQLite by default)."""

import os
from pathlib import Path

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One folder per test session (inherited by the servers it starts), so two sessions in one
# checkout do not wipe each other's files.
_SESSION = os.environ.setdefault("TEST_SESSION_DIR", str(BASE_DIR / "var" / "test-sessions" / str(os.getpid())))  # noqa: F405
MEDIA_ROOT = Path(_SESSION) / "media"  # noqa: F405
STORAGES = {
    # Django's file system storage, leaving no half-written file when a write fails (cms/files/storage.py).
    "default": {"BACKEND": "cms.files.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
IMPORT_STAGING_ROOT = Path(_SESSION) / "import-staging"  # noqa: F405
