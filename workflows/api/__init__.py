"""The plugin's headless API: django-ninja routers added to Wagtail's API v3 (see ``register``)."""

from .registration import register

__all__ = ["register"]
