"""The thematic clusters: an index grouped by status, and one page per theme."""

from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import page_language
from ..blocks import BodyBlock
from ..choices import ClusterStatus
from ..join_forms import form_url, join_forms
from ..live_data import cluster_roster
from ..organisations import partners_by_type_text
from ..public_pages import public_q
from ..route_cache import CachedRoute
from ..translation_fields import PAGE_FIELDS
from ..translations_follow import FollowsItsSource
from .applications import CityApplicationFormPage, CompanyRegistrationFormPage, ThemeSuggestionFormPage
from .case_studies import CaseStudyPage
from .events import EventPage
from .listing_images import ListingImageMixin
from .settings import SiteSettings
from .snippets import Person, in_language

JOIN_FORM_KINDS = {
    "city": CityApplicationFormPage,
    "company": CompanyRegistrationFormPage,
    "theme": ThemeSuggestionFormPage,
}


def _public(pages, public: Q | None):
    """``pages`` outside every private section: by ``public`` (``public_q``) when the caller has read the view
    restrictions already."""
    return pages.public() if public is None else pages.filter(public)


class ClusterIndexPage(CachedRoute, FollowsItsSource, Page):
    """Lists the thematic clusters, grouped by status."""

    override_translatable_fields = PAGE_FIELDS

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
            ThematicClusterPage.objects.child_of(self)
            .live()
            .public()
            .select_related("leader", "listing_image")
            .prefetch_related("listing_image__renditions")  # the cards' pictures, in one query
            .order_by("title")
        )
        context["cluster_groups"] = [
            (status, label, [cluster for cluster in clusters if cluster.status == status])
            for status, label in ClusterStatus.choices
            if any(cluster.status == status for cluster in clusters)
        ]
        context["theme_form"] = join_forms(request=request, kinds=JOIN_FORM_KINDS).theme
        return context


class ThematicClusterPage(CachedRoute, ListingImageMixin, FollowsItsSource, Page):
    """One theme around which cities and companies gather, led by an expert."""

    override_translatable_fields = PAGE_FIELDS

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
        help_text=_(
            "The expert's public profile shown on the page. It gives no access: coordinators grant who manages "
            "this cluster's applications under Applications › Cluster leaders."
        ),
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
        help_text=_("Where members talk between events, e.g. a private group or forum. Shown to members only."),
    )
    members_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("members group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group whose users may see the members' workspace; kept up to date by activations."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("leader"), FieldPanel("discussion_url")],
            _("Cluster"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.RelatedFields("leader", [index.SearchField("name"), index.AutocompleteField("name")]),
        index.FilterField("status"),
    ]
    # The discussion link is for members (shown in the workspace), so it is not in the public API.
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("leader"),
        APIField("body"),
        APIField("listing_image"),
        APIField("related_event_ids"),
        APIField("case_study_ids"),
        APIField("members"),
        APIField("partners"),
        APIField("figures"),
    ]

    parent_page_types = ["cluster_pages.ClusterIndexPage"]
    subpage_types = ["cluster_pages.ClusterWorkspacePage"]
    template = "cluster_pages/thematic_cluster_page.html"

    class Meta:
        verbose_name = _("thematic cluster page")

    @cached_property
    def leader_in_language(self):
        """The leader's profile in the page's language, or in the default language's while it has no translation (a
        page not yet translated, or translated before the person was, still names the source's person)."""
        if self.leader_id is None:
            return None
        same_person = Person.objects.filter(pk=self.leader_id).values("translation_key")
        profiles = in_language(
            Person.objects.filter(translation_key__in=same_person).select_related("photo"), locale_id=self.locale_id
        )
        return profiles[0] if profiles else self.leader

    @property
    def accepts_members(self):
        return self.status in (ClusterStatus.FORMING, ClusterStatus.ACTIVE)

    @property
    def accepts_applications(self):
        """Read by the workflow-forms plugin: applications may be assigned here only while it takes members."""
        return self.live and self.accepts_members

    # -- members and partners (derived from active applications; see cluster_pages.membership) -----------

    @cached_property
    def member_roster(self):
        return cluster_roster(self, "members")

    @cached_property
    def partner_roster(self):
        return cluster_roster(self, "partners")

    @property
    def members(self) -> list[dict]:
        """The member cities that consented to be listed: name, country code and country name."""
        return [member.as_dict() for member in self.member_roster.named]

    @property
    def partners(self) -> list[dict]:
        """The partner organisations that consented to be listed: name, website, country code and type."""
        return [partner.as_dict() for partner in self.partner_roster.named]

    @property
    def figures(self) -> dict:
        """How many cities and partner organisations take part, named or not, and the partners by type."""
        return {
            "member_cities": self.member_roster.total,
            "partner_companies": self.partner_roster.total,
            "partners_by_type": dict(self.partner_roster.by_type),
        }

    # -- events and case studies, each once in this page's language (see page_language) ----------------

    def events_in_own_language(self, *, public: Q | None = None):
        """The public events related to this cluster (through any of its versions), in this page's language;
        ``public`` is ``public_pages.public_q`` when the caller has read the view restrictions already."""
        related = EventPage.objects.filter(related_clusters__translation_key=self.translation_key)
        return _public(page_language.in_language(related, locale_id=self.locale_id), public)

    def case_studies_in_own_language(self, *, public: Q | None = None):
        """The public case studies of this cluster (through any of its versions), in this page's language."""
        told = CaseStudyPage.objects.filter(cluster__translation_key=self.translation_key)
        return _public(page_language.in_language(told, locale_id=self.locale_id), public)

    @property
    def related_event_ids(self):
        return list(self.events_in_own_language().values_list("pk", flat=True))

    @property
    def case_study_ids(self):
        return list(self.case_studies_in_own_language().values_list("pk", flat=True))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        public = public_q(request)  # the view restrictions read once for the events, case studies and join forms
        context["events"] = self.events_in_own_language(public=public).order_by("-start_date")
        context["case_studies"] = self.case_studies_in_own_language(public=public).order_by("-year", "title")
        context["member_roster"] = self.member_roster
        context["partner_roster"] = self.partner_roster
        context["partner_breakdown"] = partners_by_type_text(self.partner_roster.by_type)
        context["workspace"] = ClusterWorkspacePage.objects.child_of(self).live().first()
        context.update(self.join_links(request))
        return context

    def join_links(self, request) -> dict:
        """Where "Join this cluster" and "Offer your expertise" lead: the forms, with this cluster chosen.

        Without a published city form, "Join this cluster" leads to the join page of the site settings.
        """
        if not self.accepts_members:
            return {"join_url": None, "expertise_url": None}
        forms = join_forms(request=request, kinds=JOIN_FORM_KINDS)
        if forms.city is not None:
            join_url = form_url(forms.city, request=request, cluster=self)
        else:
            join_page = SiteSettings.for_request(request).join_page
            join_url = join_page.get_url(request=request) if join_page and join_page.live else None
        expertise_url = form_url(forms.company, request=request, cluster=self) if forms.company else None
        return {"join_url": join_url, "expertise_url": expertise_url}


class ClusterWorkspacePage(CachedRoute, FollowsItsSource, Page):
    """The members-only page of a cluster, restricted to the cluster's members group (see membership)."""

    override_translatable_fields = PAGE_FIELDS

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    # Members-only: the site search and the public API only show public pages, so it never appears there.
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cluster_pages.ThematicClusterPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "cluster_pages/cluster_workspace_page.html"

    class Meta:
        verbose_name = _("cluster workspace page")

    def get_context(self, request, *args, **kwargs):
        from ..directory.workspace import listing_context

        context = super().get_context(request, *args, **kwargs)
        context["cluster"] = ThematicClusterPage.objects.parent_of(self).first()
        context.update(listing_context(request))
        return context

    def serve(self, request, *args, **kwargs):
        from ..directory.workspace import listing_post

        if request.method == "POST" and (response := listing_post(request)) is not None:
            return response
        return super().serve(request, *args, **kwargs)
