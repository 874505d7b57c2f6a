"""Site-wide settings edited under Settings in the Wagtail admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """Organisation name, footer, social links, the join and privacy pages, per site."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=255, default="World Smart Sustainable Cities Organization (WeGO)"
    )
    footer = models.ForeignKey(
        "cluster_pages.Footer",
        verbose_name=_("footer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its text and links (Snippets › Footers), in the visitor's language once translated."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("join page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page that explains how to join. A cluster's 'Join this cluster' button opens the city "
            "application form when one is published, and this page otherwise."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent box of the application forms. Add it to the footer links too."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("footer"),
        FieldPanel("join_page"),
        FieldPanel("privacy_page"),
        InlinePanel("social_links", label=_("Social links")),
    ]

    class Meta:
        verbose_name = _("site settings")


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("label"), max_length=64, help_text=_("E.g. 'LinkedIn'."))
    url = models.URLField(_("URL"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label
