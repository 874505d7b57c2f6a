"""Logging: every event is one JSON line on stderr, with status tokens and passwords scrubbed (cms/log.py)."""


def json_lines_logging(*, level: str) -> dict:
    """Django's LOGGING for ``level``; request errors still go to ADMINS when it is set."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "scrub_secrets": {"()": "cms.log.ScrubSecretsFilter"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {"json_lines": {"()": "cms.log.JsonLinesFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "filters": ["scrub_secrets"],
                "formatter": "json_lines",
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "scrub_secrets"],
            },
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # Both reach the root's stderr handler (Django's defaults would stop them before it).
            "django": {"handlers": ["mail_admins"], "level": level, "propagate": True},
            "django.server": {"handlers": [], "level": level, "propagate": True},
            # django-axes announces its configuration at INFO on every start of every command.
            "axes": {"level": "WARNING"},
        },
    }
