"""Reusable people and contacts that editors pick from pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index


class Person(index.Indexed, models.Model):
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

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Contact(index.Indexed, models.Model):
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

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name} ({self.topic})"
