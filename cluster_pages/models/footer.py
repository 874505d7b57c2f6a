"""The footer's words and links, a snippet translated like the pages (bakerydemo's ``FooterText``), with drafts,
preview and review like a page: what communications staff change is published when an editor approves it."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin, WorkflowMixin


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


class Footer(WorkflowMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, models.Model):
    """The text and the page links every page's footer shows; each language has its own translation.

    A site shows the footer chosen in its settings, in the visitor's language when translated (the links then lead
    to the pages in that language) and as first written until then. Its row is the live version; drafts are
    revisions, published by someone with the publish permission or by the "Footer review" workflow's approval."""

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

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="footer")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="footer",
        for_concrete_model=False,
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

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "cluster_pages/footer_preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "footer_preview": self}

    def serve_preview(self, request, mode_name):
        """The preview in the footer's own language, as visitors of that language would see it."""
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, mode_name)
            response.render()
        return response
