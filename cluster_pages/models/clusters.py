"""The thematic clusters: an index grouped by status, and one page per theme."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock


class ClusterStatus(models.TextChoices):
    FORMING = "forming", _("Forming")
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class ClusterIndexPage(Page):
    """Lists the thematic clusters, grouped by status."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cluster_pages.ThematicClusterPage"]
    max_count_per_parent = 1
    template = "cluster_pages/cluster_index_page.html"

    class Meta:
        verbose_name = _("cluster index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        clusters = list(
            ThematicClusterPage.objects.child_of(self).live().public().select_related("leader").order_by("title")
        )
        context["cluster_groups"] = [
            (status, label, [cluster for cluster in clusters if cluster.status == status])
            for status, label in ClusterStatus.choices
            if any(cluster.status == status for cluster in clusters)
        ]
        return context


class ThematicClusterPage(Page):
    """One theme around which cities and companies gather, led by an expert."""

    summary = models.CharField(
        _("one-line summary"), max_length=255, help_text=_("Shown in listings and search results.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    leader = models.ForeignKey(
        "cluster_pages.Person",
        verbose_name=_("cluster leader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_clusters",
        help_text=_("The expert who facilitates this cluster."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ClusterStatus.choices,
        default=ClusterStatus.FORMING,
        db_index=True,
        help_text=_("'Forming' clusters are shown as tentatively forming; archived ones accept no new members."),
    )
    discussion_url = models.URLField(
        _("discussion space link"),
        blank=True,
        help_text=_("Where members talk between events, e.g. a private group or forum."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("leader"), FieldPanel("discussion_url")], _("Cluster")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("leader"),
        APIField("discussion_url"),
        APIField("body"),
        APIField("related_event_ids"),
        APIField("case_study_ids"),
    ]

    parent_page_types = ["cluster_pages.ClusterIndexPage"]
    subpage_types = []
    template = "cluster_pages/thematic_cluster_page.html"

    class Meta:
        verbose_name = _("thematic cluster page")

    @property
    def accepts_members(self):
        return self.status in (ClusterStatus.FORMING, ClusterStatus.ACTIVE)

    @property
    def accepts_applications(self):
        """Read by the workflow-forms plugin: applications may be assigned here only while it takes members."""
        return self.live and self.accepts_members

    def application_managers(self):
        """Users who may activate or end the applications assigned to this cluster (its leaders' accounts).

        None yet: cluster leaders are people without user accounts until a later issue links them.
        """
        return []

    @property
    def related_event_ids(self):
        return list(self.events.live().public().values_list("pk", flat=True))

    @property
    def case_study_ids(self):
        return list(self.case_studies.live().public().values_list("pk", flat=True))

    def get_context(self, request, *args, **kwargs):
        from .case_studies import CaseStudyPage
        from .events import EventPage

        context = super().get_context(request, *args, **kwargs)
        context["events"] = EventPage.objects.live().public().filter(related_clusters=self).order_by("-start_date")
        context["case_studies"] = CaseStudyPage.objects.live().public().filter(cluster=self).order_by("-year", "title")
        return context
