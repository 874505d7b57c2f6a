"""Reusable people and contacts that editors pick from pages, each translatable with wagtail-localize."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..clusters_once import active_content_language, default_content_language


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone shown on the site, such as a cluster's expert leader."""

    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True, help_text=_("E.g. 'Cluster leader'."))
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), blank=True)
    email = models.EmailField(
        _("public contact e-mail"),
        blank=True,
        help_text=_("Optional. Shown publicly on the site; leave empty to keep it private."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("email"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
    ]
    api_fields = [APIField("name"), APIField("role"), APIField("organisation"), APIField("bio"), APIField("email")]
    # The words are translated; the photo and the address are the same person's in every language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        TranslatableField("bio"),
        SynchronizedField("photo"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Contact(TranslatableMixin, index.Indexed, models.Model):
    """A contact for questions, listed on the join page (the seed's "How to join & questions")."""

    name = models.CharField(_("name"), max_length=255)
    topic = models.CharField(
        _("contact for"),
        max_length=255,
        help_text=_("What to ask this person about, e.g. 'WeGO Thematic Clusters'."),
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    panels = [
        FieldPanel("name"),
        FieldPanel("topic"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("topic"), index.AutocompleteField("name")]
    api_fields = [APIField("name"), APIField("topic"), APIField("organisation"), APIField("email"), APIField("phone")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("topic"),
        TranslatableField("organisation"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name} ({self.topic})"


def in_language(queryset, *, locale_id: int | None = None):
    """``queryset``'s rows in the locale ``locale_id`` (by default the active language's), and each row with no
    translation there in the default language's words (a snippet not yet translated still shows); one query, in
    the queryset's order. A page passes its own locale, so the API shows a Korean page's snippets in Korean too."""
    default = default_content_language()
    if locale_id is None:
        active = active_content_language() or default
        wanted = Q(locale__language_code=active)

        def is_wanted(row):
            return row.locale.language_code == active
    else:
        wanted = Q(locale_id=locale_id)

        def is_wanted(row):
            return row.locale_id == locale_id

    rows = list(queryset.filter(wanted | Q(locale__language_code=default)).select_related("locale"))
    translated = {row.translation_key for row in rows if is_wanted(row)}
    return [row for row in rows if is_wanted(row) or row.translation_key not in translated]
