"""The home page: hero, the figures editors choose, featured clusters, next events, latest case studies."""

from dataclasses import replace

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cluster_pages import figures as live_figures
from cluster_pages.blocks import FiguresBlock, year_figure
from cluster_pages.clusters_once import local_title_of
from cluster_pages.models import CaseStudyPage, EventPage, ThematicClusterPage
from cluster_pages.page_language import in_language
from cluster_pages.route_cache import CachedRoute
from cluster_pages.translation_fields import PAGE_FIELDS
from cluster_pages.translations_follow import FollowsItsSource

#: The figures a new home page shows, in this order (the seven the home page always showed before editors chose).
DEFAULT_FIGURES = [
    ("live_figure", {"figure": key, "caption": ""})
    for key in (
        "participating_cities",
        "active_clusters",
        "partner_companies",
        "countries",
        "forming_clusters",
        "upcoming_events",
        "case_studies",
    )
]


class HomePage(CachedRoute, FollowsItsSource, Page):
    """The site's root page."""

    override_translatable_fields = PAGE_FIELDS

    hero_heading = models.CharField(_("hero heading"), max_length=255)
    hero_intro = RichTextField(_("hero introduction"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call-to-action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("call-to-action label"), max_length=64, blank=True)
    figure_blocks = StreamField(
        FiguresBlock(),
        verbose_name=_("figures"),
        blank=True,
        default=DEFAULT_FIGURES,
        help_text=_(
            'Shown in this order under "The network in figures": live figures, counted when the page is shown, '
            "and figures with a year that you type with their source. None: the section is not shown."
        ),
    )
    body = RichTextField(_("body"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_page"),
                FieldPanel("hero_cta_label"),
            ],
            _("Hero"),
        ),
        FieldPanel("figure_blocks"),
        InlinePanel("featured_clusters", label=_("Featured clusters"), help_text=_("Shown in this order.")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_intro"), index.SearchField("body")]
    api_fields = [
        APIField("hero_heading"),
        APIField("hero_intro"),
        APIField("hero_image"),
        APIField("body"),
        APIField("figures"),
        APIField("featured_cluster_ids"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    @property
    def figures(self) -> list[dict]:
        """The figures the page shows, in the editors' order (the API's shape: see docs/api.md)."""
        return [figure.as_dict() for figure in self.figures_shown()]

    def figures_shown(self) -> list:
        """The editors' figures, live ones counted now (one count of every live figure, whatever their number)."""
        if not self.figure_blocks:
            return []
        live = {figure.key: figure for figure in live_figures.site_figures()}
        shown = []
        for block in self.figure_blocks:
            if block.block_type == "live_figure" and block.value["figure"] in live:
                figure = live[block.value["figure"]]
                shown.append(replace(figure, label=block.value["caption"] or figure.label))
            elif block.block_type == "year_figure":
                shown.append(year_figure(block.value))
        return shown

    @property
    def featured_cluster_ids(self):
        return [item.cluster_id for item in self.featured_clusters.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.figures_shown()
        context["featured_clusters"] = self.featured_clusters_in_own_language()
        # Each language's home lists its own pages, each once: the Korean home the Korean events (in English where
        # one has no live Korean version yet), not both copies of each.
        upcoming = EventPage.objects.filter(end_date__gte=timezone.localdate())
        context["next_events"] = in_language(upcoming, locale_id=self.locale_id).public().order_by("start_date")[:3]
        context["latest_case_studies"] = (
            in_language(CaseStudyPage.objects.all(), locale_id=self.locale_id)
            .public()
            .select_related("cluster")
            .annotate(cluster_title=local_title_of("cluster__"))  # the card names the cluster in the visitor's language
            .order_by("-first_published_at")[:3]
        )
        return context

    def featured_clusters_in_own_language(self) -> list:
        """The live featured clusters, each in this home page's language where translated (the Korean home, an
        alias or translation of the English one, still points at the English clusters), in the editors' order."""
        clusters = [item.cluster for item in self.featured_clusters.select_related("cluster", "cluster__leader")]
        keys = [cluster.translation_key for cluster in clusters if cluster.locale_id != self.locale_id]
        translated = (
            {
                page.translation_key: page
                for page in ThematicClusterPage.objects.filter(
                    translation_key__in=keys, locale_id=self.locale_id
                ).select_related("leader")
            }
            if keys
            else {}
        )
        shown = [translated.get(cluster.translation_key, cluster) for cluster in clusters]
        return [cluster for cluster in shown if cluster.live]


class HomeFeaturedCluster(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_clusters")
    cluster = models.ForeignKey(
        "cluster_pages.ThematicClusterPage", verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("cluster")]
