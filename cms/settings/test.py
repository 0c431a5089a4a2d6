"""Test settings: the database comes from DATABASE_URL (SQLite by default)."""

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES = {
    # Django's file system storage, leaving no half-written file when a write fails (cms/files/storage.py).
    "default": {"BACKEND": "cms.files.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
IMPORT_STAGING_ROOT = BASE_DIR / "var" / "test-import-staging"  # noqa: F405
