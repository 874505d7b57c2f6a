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


class Footer(TranslatableMixin, models.Model):
    """The text and the page links every page's footer shows; each language has its own translation.

    A site shows the footer chosen in its settings, in the visitor's language when translated (the links then lead
    to the pages in that language) and as first written until then."""

    text = models.TextField(_("footer text"), blank=True)
    links = StreamField(
        [("link", FooterLinkBlock())],
        verbose_name=_("footer links"),
        blank=True,
        help_text=_("E.g. the privacy notice, the accessibility statement and the contact page."),
    )

    panels = [FieldPanel("text"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return Truncator(self.text).chars(60) or str(_("Footer"))
