"""Local development on the embedded default (SQLite, no other server)."""

from .base import *  # noqa: F401,F403
from .base import env_list

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],0.0.0.0")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
