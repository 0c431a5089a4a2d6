"""Settings shared by every environment.

Everything that differs between machines is read from the environment
(DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, ELASTICSEARCH_URL, ...), so the
same code runs on a laptop with SQLite and in production on PostgreSQL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "search",
    "cms.taxonomy",
    "cms.content",
    "cms.directives",
    "cms.cases",
    "cms.materials",
    "cms.accounts",
    "cms.demo",
    "cms.importer",
    "cms.press",
    "cms.files",
    "cms.backup",
    "cms.collections",
    "cms.subscriptions",
    "cms.tracking",
    "axes",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.accounts.csp.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.SharedSiteMiddleware",  # the Wagtail site from the shared cache
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.accounts.middleware.IntranetLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# The embedded default is a SQLite file beside the project; production sets
# DATABASE_URL to PostgreSQL (postgres://user:password@host:port/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared fragments, routes and search results (home/caching.py) are cached per content
# version and visibility class. In one process (runserver, tests) the process's memory;
# production shares a file-based cache between its gunicorn workers (production.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": int(os.environ.get("CACHE_TIMEOUT", "600")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Intranet: every URL needs a login except these paths (see accounts.middleware).
LOGIN_URL = "/dang-nhap/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/dang-nhap/"
LOGIN_EXEMPT_PATHS = ["/dang-nhap/"]
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
PASSWORD_REQUIRED_TEMPLATE = "accounts/password_required.html"

# Login throttling (django-axes, cms/accounts/throttling.py): after AXES_FAILURE_LIMIT
# wrong passwords for one username from one address, that pair is refused for
# AXES_COOLOFF_TIME or until an administrator runs `manage.py unlock_login`.
# Behind a reverse proxy, REMOTE_ADDR must be the client's (e.g. nginx's real_ip
# module), or every client shares the proxy's address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "cms.accounts.backends.PermissionsInOneQueryBackend",  # ModelBackend, permissions in one query
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.accounts.throttling.lockout_response"

# Content-Security-Policy (django-csp) in every environment, so tests and the
# browser checks see what production sends; the admin's additions are in
# cms/accounts/csp.py. Nothing is loaded from outside the intranet (no avatars
# from gravatar.com either).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Vietnamese interface, Vietnamese time, dd/mm/yyyy dates.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's date pickers take Python strftime formats (a Django "d/m/Y" would
# be shown literally in the field).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# The project's own Vietnamese for what Wagtail leaves in English (cms/locale/vi,
# compiled by scripts/run.sh and scripts/test.sh).
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# New pages get ASCII web addresses (“cong-van-99-cv-tu-…”), like the demo's.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    # Django's file system storage, leaving no half-written file when a write fails (cms/files/storage.py).
    "default": {"BACKEND": "cms.files.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Cổng thông tin nội bộ Cuộc vận động"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Wagtail's own admin search stays on the database backend: it needs no
# server, and the archive search for cadres is our own service (search/).
# On PostgreSQL its text is indexed and queried with the "simple" configuration:
# the default (English) one stems Vietnamese syllables ("ngày" became "ngài")
# and drops some as stop words ("an", "do", "to"), and costs an import more.
# A database indexed before this setting needs `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}}

# Attachments keep the original signed file. Documents are served through
# Django so the intranet's login and page privacy apply to downloads too.
WAGTAILIMAGES_IMAGE_MODEL = "content.CampaignImage"
WAGTAILDOCS_EXTENSIONS = ["doc", "docx", "odt", "pdf", "rtf", "txt", "md", "xls", "xlsx", "ppt", "pptx", "zip", "jpg", "png"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every uploaded file (documents, images, renditions) is handed out only after
# a check of the pages it belongs to (cms.files); behind nginx, set
# MEDIA_ACCEL_REDIRECT to the internal location that maps to MEDIA_ROOT.
MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")
SENDFILE_BACKEND = "cms.files.sendfile"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024

# Themes use our own curated tag model; free tags are still allowed.
TAGGIT_CASE_INSENSITIVE = True
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Moderation and comments are on: review goes through Wagtail workflows.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

# Archive search (search/). "embedded" needs no server: the database's own
# full-text index. "elasticsearch" uses the cluster at ELASTICSEARCH_URL and
# falls back to the embedded index, which is always kept, when it is away.
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE") or ("elasticsearch" if os.environ.get("ELASTICSEARCH_URL") else "embedded")
# One node's URL, or a cluster's nodes comma-separated ("http://es1:9200,http://es2:9200"):
# a request goes to another node when one is down (search/engines/elasticsearch/client.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Credentials (basic auth, or an API key), TLS and the prefix of the index names
# ("<prefix>-archive" is the alias; each rebuild makes "<prefix>-archive-v<time>").
# The timeout is short on purpose: search falls back to the embedded index
# rather than keep a cadre waiting on a slow cluster.
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_VERIFY_CERTS = os.environ.get("ELASTICSEARCH_VERIFY_CERTS", "true").lower() not in ("0", "false", "no", "off")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "campaign")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
SEARCH_PAGE_SIZE = 10

LISTING_PAGE_SIZE = 10

# Importing documents: the per-file size limit, the limit of one upload (all its files), where
# uploads wait for review and for how long (seconds) an abandoned upload is kept.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 20 * 1024 * 1024))
IMPORT_MAX_TOTAL_BYTES = int(os.environ.get("IMPORT_MAX_TOTAL_BYTES", 10 * IMPORT_MAX_BYTES))
IMPORT_STAGING_ROOT = Path(os.environ.get("IMPORT_STAGING_ROOT", BASE_DIR / "var" / "import-staging"))
IMPORT_STAGING_MAX_AGE = int(os.environ.get("IMPORT_STAGING_MAX_AGE", 24 * 3600))
# Files one .zip may hold, and what a .zip or .docx may expand to: measured before reading.
IMPORT_MAX_FILES_PER_ZIP = int(os.environ.get("IMPORT_MAX_FILES_PER_ZIP", 500))
IMPORT_MAX_EXPANDED_BYTES = int(os.environ.get("IMPORT_MAX_EXPANDED_BYTES", 100 * 1024 * 1024))
# A file with fewer words than this holds no document: refused, not made a draft.
IMPORT_MIN_WORDS = int(os.environ.get("IMPORT_MIN_WORDS", 8))
# Documents shown per page of the import review.
IMPORT_REVIEW_PAGE_SIZE = int(os.environ.get("IMPORT_REVIEW_PAGE_SIZE", 50))

# Press channels (cms/press): the JSON API's largest page, items per feed.
WAGTAILAPI_LIMIT_MAX = 50
PRESS_FEED_ITEMS = 30
