"""Clusters as people choose them: each once, as its default-language page (the one applications record and
leaders are granted), named in the visitor's language where it has a live translation."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from workflows.ids import row_id


def default_content_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_content_language() -> str | None:
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:  # an interface-only language (es, fr): its pages are the default language's
        return None


def local_title_of(prefix: str = ""):
    """An expression for the title of the page at ``prefix`` (e.g. ``"cluster__"``, or "" for the row itself) in
    its live translation into the active language, else its own title."""
    active = active_content_language()
    if active is None or active == default_content_language():
        return F(f"{prefix}title")
    translated = Page.objects.filter(
        translation_key=OuterRef(f"{prefix}translation_key"), locale__language_code=active, live=True
    ).values("title")[:1]
    return Coalesce(Subquery(translated), f"{prefix}title")


def with_local_title(queryset):
    """``queryset`` annotated with ``local_title``: the title of its live translation in the active language,
    else its own; ordered by it."""
    return queryset.annotate(local_title=local_title_of()).order_by("local_title")


def clusters_once(queryset):
    """``queryset`` (cluster pages) with each cluster once, in the default language, named and ordered in the
    visitor's language."""
    return with_local_title(queryset.filter(locale__language_code=default_content_language()))


def local_title(page) -> str:
    return getattr(page, "local_title", None) or page.title


class LocalTitleChoiceField(forms.ModelChoiceField):
    """A choice of pages named by their ``local_title`` (see ``with_local_title``)."""

    def label_from_instance(self, obj):
        return local_title(obj)

    def to_python(self, value):
        # A number no page id can be ("²", 30 digits) is an invalid choice, not a database overflow.
        if isinstance(value, str | int) and value not in self.empty_values and row_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)
