"""Production: PostgreSQL and secrets from the environment, nothing defaulted.

HTTPS is the default: SSL redirect, HSTS and secure cookies are on unless
HTTPS=0, for an intranet served over plain HTTP (then the deploy checks
that only make sense over HTTPS are silenced here, on purpose, and the
README says what that costs). `manage.py check --deploy` is clean either way
(tests/cms/test_production.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403


def env_flag(name, default):
    return os.environ.get(name, "1" if default else "0").strip().lower() not in ("0", "false", "no", "off", "")


DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")

HTTPS = env_flag("HTTPS", True)
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# nginx (or another proxy) terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

SILENCED_SYSTEM_CHECKS = [
    # An intranet host name can never be on the browsers' HSTS preload list.
    "security.W021",
]
if not HTTPS:
    # Plain HTTP was chosen (HTTPS=0): these checks ask for HTTPS itself.
    SILENCED_SYSTEM_CHECKS += ["security.W004", "security.W008", "security.W012", "security.W016"]

# One cache for every gunicorn worker: files in CACHE_DIR (no server to run). Sessions are
# read from it too (written through to the database), which saves a query per request.
CACHES["default"] = {  # noqa: F405
    **CACHES["default"],  # noqa: F405
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),  # noqa: F405
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))},
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)

# Errors and warnings to stderr (gunicorn/systemd keep them), not only to e-mail.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
