"""All settings in one place, driven by the environment.

Every value a deployment changes comes from an environment variable with a safe default for a
developer's machine; nothing secret is committed.
"""
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env_str("KARJERA_VAR_DIR", str(BASE_DIR / "var")))
DATA_DIR = Path(env_str("KARJERA_DATA_DIR", str(BASE_DIR / "data")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or env_bool("KARJERA_INSECURE_DEV_KEY", True):
        # A development-only key; production sets SECRET_KEY (docs/operations.md).
        SECRET_KEY = "dev-only-not-secret-karjera"
    else:
        raise RuntimeError("SECRET_KEY must be set in production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "karjera.core",
    "karjera.occupations",
    "karjera.education",
    "karjera.assessments",
    "karjera.guidance",
    "karjera.counselling",
    "karjera.competitions",
    "karjera.excursions",
    "karjera.game",
    "karjera.monitoring",
    "karjera.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "karjera.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "karjera.monitoring.middleware.PageViewMiddleware",
]

ROOT_URLCONF = "karjera.urls"
WSGI_APPLICATION = "karjera.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "karjera.core.context_processors.site",
            ],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'karjera.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        # A check query before each request costs a round trip on the hottest path; without it a broken
        # connection (a database restart) fails one request, is closed, and the next one reconnects.
        conn_health_checks=env_bool("DB_HEALTH_CHECKS", False),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Bind parameters on the server, so that psycopg prepares the statements a worker repeats (the answer
    # save above all) and PostgreSQL plans them once per connection instead of once per request.
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": env_bool("DB_SERVER_SIDE_BINDING", True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; IMMEDIATE avoids lock upgrades that
    # fail under concurrent answer saves.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Several test runs on one machine at once each name their own file.
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_SQLITE_NAME", str(VAR_DIR / "test.sqlite3"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = None
# Staff sign-in attempts per user name per window (three times as many per client address).
LOGIN_RATE_LIMIT = env_int("LOGIN_RATE_LIMIT", 10)
LOGIN_RATE_WINDOW = env_int("LOGIN_RATE_WINDOW", 900)

LANGUAGE_CODE = "lv"
LANGUAGES = [("lv", _("Latvian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Riga"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", False)

# Pupils are minors: only functional cookies, short-lived, never readable by scripts.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("HTTPS", False)
CSRF_COOKIE_SECURE = env_bool("HTTPS", False)
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)

DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)

# Resume-code look-ups: attempts per client address per window.
# How many reverse proxies in front of the application append to X-Forwarded-For (0: none; the client is
# REMOTE_ADDR). Rate limits and visitor counts use the address the outermost trusted proxy saw.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)
RESUME_RATE_LIMIT = env_int("RESUME_RATE_LIMIT", 20)
RESUME_RATE_WINDOW = env_int("RESUME_RATE_WINDOW", 600)
# Sessions created per client address per window (a school's NAT shares one address).
SESSION_CREATE_RATE_LIMIT = env_int("SESSION_CREATE_RATE_LIMIT", 600)
SESSION_CREATE_RATE_WINDOW = env_int("SESSION_CREATE_RATE_WINDOW", 600)
# Unfinished test sessions untouched this long are removed by `purge_sessions`.
SESSION_RETENTION_DAYS = env_int("SESSION_RETENTION_DAYS", 365)

# Rendered result pages of finished tests are kept this long in the cache.
RESULT_PAGE_CACHE_SECONDS = env_int("RESULT_PAGE_CACHE_SECONDS", 600)

# Who runs this deployment; shown in the accessibility statement.
OPERATOR_NAME = env_str("OPERATOR_NAME")
OPERATOR_EMAIL = env_str("OPERATOR_EMAIL")
# Booking notices of the excursions module; the console backend prints them in development.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", OPERATOR_EMAIL or "karjera@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "karjera.core.logs.RedactCapabilities"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
