"""Settings for Tremplin, read from environment variables.

The embedded default (no environment at all) is a local demo: SQLite,
DEBUG on, tasks inline. Production sets DATABASE_URL, SECRET_KEY,
ALLOWED_HOSTS and TREMPLIN_DEBUG=0 (see docs/deploy.md).
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# `make demo` sets TREMPLIN_DEMO: the product as its users see it (DEBUG off, the app's own error pages, static
# files served by the app) on plain http at 127.0.0.1. Developers opt back into DEBUG with TREMPLIN_DEBUG=1.
DEMO = env_bool("TREMPLIN_DEMO", False)
DEBUG = env_bool("TREMPLIN_DEBUG", not DEMO)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or DEMO):
        raise RuntimeError("SECRET_KEY must be set when TREMPLIN_DEBUG=0")
    SECRET_KEY = "insecure-local-demo-key-do-not-use-in-production"

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    # Strong sign-in: second factor (time-based codes, recovery codes) and throttling of failed sign-ins.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "simple_history",
    "tremplin.core",
    "tremplin.structures",
    "tremplin.accounts",
    "tremplin.programmes",
    "tremplin.people",
    "tremplin.pathways",
    "tremplin.eligibility",
    "tremplin.contracts",
    "tremplin.dashboards",
    "tremplin.demo",
    "tremplin.audit",
    "tremplin.consent",
    "tremplin.retention",
    "tremplin.rights",
    "tremplin.backups",
    "tremplin.documents",
    "tremplin.welcome",
    "tremplin.professional_project",
    "tremplin.barriers",
    "tremplin.toolbox",
    "tremplin.action_plan",
    "tremplin.interviews",
    "tremplin.observations",
    "tremplin.timeline",
    "tremplin.programme_documents",
    "tremplin.competences",
    "tremplin.portfolio",
    "tremplin.badges",
    "tremplin.partners",
    "tremplin.orientations",
    "tremplin.partner_portal",
    "tremplin.review_meetings",
    "tremplin.workshops",
    "tremplin.handover",
    "tremplin.employers",
    "tremplin.job_offers",
    "tremplin.matching",
    "tremplin.applications",
    "tremplin.immersions",
    "tremplin.cv",
    "tremplin.exits",
    "tremplin.messaging",
    "tremplin.indicators",
    "tremplin.search",
    "tremplin.les_emplois",
    "tremplin.onboarding",
    # Issue 17: the REST API (tokens per structure, scopes) and the list exports.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "tremplin.api",
    "tremplin.exports",
    "tremplin.notifications",
    "tremplin.calendars",
    # Top layer: builds data through the domain apps and times their pages (`make bench`).
    "tremplin.benchmark",
]

MIDDLEWARE = [
    # First: an oversized body is refused before anything reads it.
    "tremplin.core.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the query string or the form: control characters (NUL…) removed once for all.
    "tremplin.core.middleware.ControlCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tremplin.audit.middleware.AuditMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "tremplin.accounts.middleware.PermissionsPolicyMiddleware",
    "tremplin.accounts.middleware.IdleTimeoutMiddleware",
    "tremplin.accounts.middleware.CurrentMembershipMiddleware",
    "tremplin.accounts.middleware.SecondFactorMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

# Request bodies, capped in the application and not only at the proxy (docs/deploy.md, 20m).
# The whole body: RequestBodyLimitMiddleware answers 413 from Content-Length, before reading it.
# A document weighs at most DOCUMENT_MAX_BYTES (10 MB, tremplin/documents), a badge image 256 KB,
# an import 2 MB: 20 MB leaves room for the form around them.
MAX_REQUEST_BODY_BYTES = int(os.environ.get("MAX_REQUEST_BODY_BYTES", 20 * 1024 * 1024))
# Form fields without files (Django's defaults, written down): 2.5 MB and 1,000 fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Every upload form sends one file; an uploaded file over 2.5 MB goes to a temporary file, not memory.
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tremplin.accounts.context_processors.membership",
            ],
            # `{% load i18n %}` is Django's library with a blocktranslate that writes "d'Awa", not "de Awa".
            "libraries": {"i18n": "tremplin.core.templatetags.i18n_elision"},
        },
    },
]

# Django warns that two modules are named `i18n`: replacing its own is the point of the line above.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# Drop-downs say "Choisir…" rather than "---------" and preselect a required field's only choice.
FORM_RENDERER = "tremplin.core.forms.FormRenderer"

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboards:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# django-axes checks (and counts) every sign-in attempt before the model backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
# English written the European way (day/month/year, 24-hour clock): config/formats/en.
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Third-party front-end assets are installed from the npm registry into
# node_modules by `make assets`; only the files we serve are exposed.
NODE_ASSETS = {
    "vendor/htmx": BASE_DIR / "node_modules" / "htmx.org" / "dist",
    # The design system's base (docs/design-system.md): Pico CSS, themed in static/css/tremplin.css.
    "vendor/pico": BASE_DIR / "node_modules" / "@picocss" / "pico" / "css",
    # A self-hosted font designed for legibility (Braille Institute); its @font-face rules are in tremplin.css.
    "vendor/atkinson-hyperlegible": BASE_DIR / "node_modules" / "@fontsource" / "atkinson-hyperlegible" / "files",
}
for prefix, path in NODE_ASSETS.items():
    if path.exists():
        STATICFILES_DIRS.append((prefix, path))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or DEMO)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# The demo serves static files straight from their folders (no collectstatic step), through WhiteNoise as in production.
WHITENOISE_USE_FINDERS = DEMO

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tremplin@localhost")
# django-anymail: EMAIL_BACKEND="anymail.backends.brevo.EmailBackend" (or another provider) with ANYMAIL set from
# the environment (docs/deploy.md); SMTP works with Django's own backend and EMAIL_HOST/EMAIL_PORT.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
ANYMAIL = {key.removeprefix("ANYMAIL_"): value for key, value in os.environ.items() if key.startswith("ANYMAIL_")}

# Messages to the people (tremplin.messaging, docs/decisions/0014-messages.md).
# The address the links in messages start with ("I can't come"), when sent by the reminders' job.
TREMPLIN_SITE_URL = os.environ.get("TREMPLIN_SITE_URL", "http://127.0.0.1:8000")
# SMS: "console" (development), "file" (demo: one JSON line per SMS in TREMPLIN_SMS_FILE), "brevo".
TREMPLIN_SMS_BACKEND = os.environ.get("TREMPLIN_SMS_BACKEND", "file" if DEMO else "console")
TREMPLIN_SMS_FILE = os.environ.get("TREMPLIN_SMS_FILE", str(BASE_DIR / "var" / "sms.jsonl"))
TREMPLIN_SMS_SENDER = os.environ.get("TREMPLIN_SMS_SENDER", "Tremplin")
TREMPLIN_BREVO_API_KEY = os.environ.get("TREMPLIN_BREVO_API_KEY", "")
TREMPLIN_BREVO_API_URL = os.environ.get("TREMPLIN_BREVO_API_URL", "")
# The secret of the delivery reports' URL (Brevo's webhook): /messages/fournisseur/brevo/?token=…
TREMPLIN_WEBHOOK_TOKEN = os.environ.get("TREMPLIN_WEBHOOK_TOKEN", "")

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(60 * 60 * 8)))
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "tremplin.core.errors.csrf_failure"
# Headers sent in every mode (SecurityMiddleware, XFrameOptionsMiddleware, our PermissionsPolicyMiddleware).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
TREMPLIN_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The load balancer checks the backend over plain HTTP: the health check answers it instead of redirecting
# (SecurityMiddleware matches these against the path without its leading slash; see core/urls.py).
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
if not (DEBUG or DEMO):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# Content Security Policy (django-csp 4): no inline script or style anywhere, same-origin everything.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The REST API (docs/api.md, decision 0018): token authentication only, scopes checked per view, cursor pages,
# throttled per token, errors in one format.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["tremplin.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["tremplin.api.permissions.HasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["tremplin.api.throttling.TokenRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "tremplin.api.pagination.Cursor",
    "PAGE_SIZE": 25,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "tremplin.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "tremplin.api.errors.exception_handler",
}
# Requests per token (DRF throttle syntax: "600/minute"); one count per token, whatever the address.
TREMPLIN_API_RATE = os.environ.get("TREMPLIN_API_RATE", "600/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "Tremplin API",
    "DESCRIPTION": "Read people, pathways, plans, appointments and indicators; create and update job offers and "
    "appointments. Tokens, scopes, pagination, errors and throttling: docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "PathwayStatusEnum": "tremplin.pathways.models.Status",
        "ObjectiveStatusEnum": "tremplin.action_plan.models.ObjectiveStatus",
        "ActionStatusEnum": "tremplin.action_plan.models.ActionStatus",
        "OfferStatusEnum": "tremplin.job_offers.models.OfferStatus",
        "FrenchLevelEnum": "tremplin.people.models.FrenchLevel",
    },
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# Strong sign-in (docs/deploy.md, "Strong sign-in").
OTP_TOTP_ISSUER = "Tremplin"
# Sessions end after this many minutes without a request.
TREMPLIN_IDLE_TIMEOUT_MINUTES = int(os.environ.get("TREMPLIN_IDLE_TIMEOUT_MINUTES", "30"))
# Failed sign-ins within 15 minutes: 5 for one address from one IP address lock that pair out, 10 for one address
# from any IP addresses lock the account everywhere and e-mail its owner (tremplin.accounts.lockout).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
TREMPLIN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("TREMPLIN_ACCOUNT_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_HANDLER = "tremplin.accounts.lockout.AccountLockoutHandler"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "tremplin.accounts.lockout.attempted_username"
AXES_LOCKOUT_CALLABLE = "tremplin.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# The client address: REMOTE_ADDR, unless TREMPLIN_PROXY_COUNT reverse proxies add X-Forwarded-For (docs/deploy.md);
# a header a client can forge must never decide whom the lockout counts.
TREMPLIN_PROXY_COUNT = int(os.environ.get("TREMPLIN_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "tremplin.accounts.throttle.client_ip"
# Password reset e-mails: at most 3 per address and 10 per client address per hour, whether or not the address
# has an account (the page that follows is the same).
TREMPLIN_RESET_EMAILS_PER_ADDRESS = int(os.environ.get("TREMPLIN_RESET_EMAILS_PER_ADDRESS", "3"))
TREMPLIN_RESET_EMAILS_PER_IP = int(os.environ.get("TREMPLIN_RESET_EMAILS_PER_IP", "10"))
TREMPLIN_RESET_WINDOW_MINUTES = int(os.environ.get("TREMPLIN_RESET_WINDOW_MINUTES", "60"))

# Django's cache holds short-lived counters (password-reset throttle, lockout notices). Set CACHE_URL to a Redis
# database of its own (not the Celery broker's) in production, so that every process shares them; without it,
# each process keeps its own in memory (demo, tests).
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Business settings.
TREMPLIN_CASELOAD_LIMIT = int(os.environ.get("TREMPLIN_CASELOAD_LIMIT", "40"))
TREMPLIN_CONTRACT_ENDING_DAYS = int(os.environ.get("TREMPLIN_CONTRACT_ENDING_DAYS", "60"))
TREMPLIN_NO_CONTACT_DAYS = int(os.environ.get("TREMPLIN_NO_CONTACT_DAYS", "21"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Background tasks (Celery), added for the retention purge ---
# With REDIS_URL, tasks go to Redis and a worker + beat run them; without it
# (the embedded default) they run inline, in the process that sends them.
from celery.schedules import crontab  # noqa: E402

CELERY_BROKER_URL = os.environ.get("REDIS_URL") or None
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "retention-purge-daily": {"task": "tremplin.retention.apply_purge", "schedule": crontab(hour=3, minute=0)},
    # Signed checkpoints of the access log: a removed tail is detected back to the last one.
    "access-log-checkpoint-hourly": {"task": "tremplin.audit.checkpoint", "schedule": crontab(minute=7)},
    # A contract signed ahead of its first day puts the person in contract on that day, at its start.
    "contracts-start-daily": {"task": "tremplin.contracts.start_due_contracts", "schedule": crontab(hour=0, minute=5)},
    # Hires from les emplois de l'inclusion, for every structure with a stored connection (issue 17).
    "les-emplois-sync-nightly": {
        "task": "tremplin.les_emplois.sync_les_emplois",
        "schedule": crontab(hour=2, minute=20),
    },
    # Spreadsheet onboarding: files waiting more than a day deleted, old reports' values erased (decision 0017).
    "onboarding-purge-daily": {
        "task": "tremplin.onboarding.purge_import_files",
        "schedule": crontab(hour=3, minute=20),
    },
    # Follow-ups after exit whose day has come tell the référent·e, once; then the digest of what is unread.
    "notifications-follow-ups-daily": {
        "task": "tremplin.notifications.notify_due_follow_ups",
        "schedule": crontab(hour=6, minute=0),
    },
    "notifications-digest-daily": {
        "task": "tremplin.notifications.send_daily_digest",
        "schedule": crontab(hour=6, minute=30),
    },
    # Reminders of meetings by SMS and e-mail, and the messages that waited (quiet hours, daily cap).
    "messaging-reminders": {"task": "tremplin.messaging.send_due_reminders", "schedule": crontab(minute="*/15")},
}

# Access log (tremplin.audit) in a database of its own, optional: set AUDIT_DATABASE_URL, ideally
# with a database role that may only SELECT and INSERT (see docs/decisions/0004-access-log.md).
# Default: the access log lives in the main database.
# The access log's entries and checkpoints are HMACs under AUDIT_LOG_KEY, which must not be stored in any
# database (32+ random characters, e.g. `python -c "import secrets; print(secrets.token_urlsafe(48))"`).
# Without it (development, tests) a key is derived from SECRET_KEY with a salt of its own.
AUDIT_LOG_KEY = os.environ.get("AUDIT_LOG_KEY", "")
if not AUDIT_LOG_KEY and not (DEBUG or DEMO):
    raise RuntimeError(
        "AUDIT_LOG_KEY must be set when TREMPLIN_DEBUG=0 (the access log's HMAC key, not in the database)"
    )
if AUDIT_LOG_KEY and len(AUDIT_LOG_KEY) < 32:
    raise RuntimeError("AUDIT_LOG_KEY must be at least 32 characters long")
# Where the signed checkpoints of the access log are appended (one JSON line each): outside the databases,
# ideally on storage the database administrators cannot rewrite. AUDIT_CHECKPOINT_STORE may name another store.
AUDIT_CHECKPOINT_DIR = Path(os.environ.get("AUDIT_CHECKPOINT_DIR") or BASE_DIR / "var" / "audit")
AUDIT_CHECKPOINT_STORE = os.environ.get("AUDIT_CHECKPOINT_STORE", "")
if os.environ.get("AUDIT_DATABASE_URL"):
    DATABASES["audit"] = dj_database_url.parse(
        os.environ["AUDIT_DATABASE_URL"], conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60"))
    )
    DATABASE_ROUTERS = ["tremplin.audit.routers.AuditRouter"]
