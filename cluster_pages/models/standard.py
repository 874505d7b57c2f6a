"""General content pages: the GCTC programme, how to join, about."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from ..route_cache import CachedRoute
from ..translation_fields import PAGE_FIELDS
from ..translations_follow import FollowsItsSource
from .snippets import Contact, in_language


class StandardPage(CachedRoute, FollowsItsSource, Page):
    """A page of headings, text, images, quotes, calls to action and live figures."""

    override_translatable_fields = PAGE_FIELDS

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    show_contacts = models.BooleanField(
        _("list contacts"),
        default=False,
        help_text=_("Show the contacts for questions (Snippets › Contacts) below the body, as on the join page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("show_contacts")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        # The listed contacts' names, topics and organisations (empty unless the page lists them).
        index.SearchField("contacts"),
        index.AutocompleteField("contacts"),
    ]
    api_fields = [APIField("intro"), APIField("body"), APIField("show_contacts"), APIField("contacts")]

    parent_page_types = ["home.HomePage", "cluster_pages.StandardPage"]
    template = "cluster_pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    @property
    def contacts(self):
        if not self.show_contacts:
            return []
        return [
            {"name": c.name, "topic": c.topic, "organisation": c.organisation, "email": c.email, "phone": c.phone}
            for c in in_language(Contact.objects.all(), locale_id=self.locale_id)
        ]
