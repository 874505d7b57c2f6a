"""The footer's words and links, a snippet translated like the pages (bakerydemo's ``FooterText``)."""

from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin


class FooterLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"), max_length=64, required=False, help_text=_("The page's title when empty.")
    )

    class Meta:
        icon = "link"
        label = _("Footer link")


class FooterSocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=64, help_text=_("E.g. 'LinkedIn'."))
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link-external"
        label = _("Social link")


class Footer(TranslatableMixin, models.Model):
    """The text and the page links every page's footer shows; each language has its own translation.

    A site shows the footer chosen in its settings, in the visitor's language when translated (the links then lead
    to the pages in that language) and as first written until then."""

    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_("For the admin only, e.g. 'Main footer'.")
    )
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        blank=True,
        help_text=_("At the top of the footer, translated with it; the site settings' name when empty."),
    )
    text = models.TextField(_("footer text"), blank=True)
    links = StreamField(
        [("link", FooterLinkBlock())],
        verbose_name=_("footer links"),
        blank=True,
        help_text=_("E.g. the privacy notice, the accessibility statement and the contact page."),
    )

    social_links = StreamField(
        [("link", FooterSocialLinkBlock())],
        verbose_name=_("social links"),
        blank=True,
        help_text=_("Translated with the footer; the site settings' social links when empty."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation_name"),
        FieldPanel("text"),
        FieldPanel("links"),
        FieldPanel("social_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return self.name or Truncator(self.text).chars(60) or str(_("Footer"))
