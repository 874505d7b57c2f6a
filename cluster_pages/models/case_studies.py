"""Best-practice case studies from cities, published through the editors' moderation workflow."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..choices import ProjectStatus
from ..clusters_once import local_title_of
from ..country_field import CountryCodeField
from ..filters import CaseStudyFilter
from ..route_cache import CachedRoute
from ..translation_fields import PAGE_FIELDS
from ..translations_follow import FollowsItsSource
from .listing_images import ListingImageMixin

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class CaseStudyIndexPage(CachedRoute, FollowsItsSource, Page):
    """Lists case studies, filterable by cluster, country and status."""

    override_translatable_fields = PAGE_FIELDS

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    per_page = 12

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cluster_pages.CaseStudyPage"]
    max_count_per_parent = 1
    template = "cluster_pages/case_study_index_page.html"

    class Meta:
        verbose_name = _("case study index page")

    def case_studies(self):
        return (
            CaseStudyPage.objects.child_of(self)
            .live()
            .public()
            .select_related("cluster", "listing_image")
            .prefetch_related("listing_image__renditions")  # the cards' pictures, without a query each
            .annotate(cluster_title=local_title_of("cluster__"))  # the card names the cluster in the visitor's language
            .order_by("-year", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        case_study_filter = CaseStudyFilter(request.GET or None, queryset=self.case_studies(), request=request)
        if case_study_filter.is_bound and case_study_filter.is_valid():
            case_studies = case_study_filter.qs
        else:
            case_studies = self.case_studies()
        page = Paginator(case_studies, self.per_page).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(filter=case_study_filter, page_obj=page, case_studies=page.object_list, query=query.urlencode())
        return context


class CaseStudyPage(CachedRoute, ListingImageMixin, FollowsItsSource, Page):
    """A city's project told as a best practice: challenge, solution, results."""

    override_translatable_fields = PAGE_FIELDS

    city = models.CharField(_("city"), max_length=255)
    country = CountryCodeField(_("country"))
    cluster = models.ForeignKey(
        "cluster_pages.ThematicClusterPage",
        verbose_name=_("cluster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    project_status = models.CharField(
        _("project status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.ONGOING
    )
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year the project started."))
    summary = models.TextField(_("summary"), max_length=1000, help_text=_("Two or three sentences for listings."))
    challenge = RichTextField(_("challenge"), features=RICH_TEXT_FEATURES)
    solution = RichTextField(_("solution"), features=RICH_TEXT_FEATURES)
    results = RichTextField(_("results"), blank=True, features=RICH_TEXT_FEATURES)
    # For staff only: never in api_fields nor in the templates.
    source_application = models.ForeignKey(
        "cluster_pages.CityApplication",
        verbose_name=_("drafted from application"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text=_("The city application this case study was drafted from."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("cluster"), FieldPanel("project_status"), FieldPanel("year")]),
            ],
            _("Project"),
        ),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("challenge"),
        FieldPanel("solution"),
        FieldPanel("results"),
        InlinePanel("partners", label=_("Partners")),
        InlinePanel("gallery_images", label=_("Images")),
        InlinePanel("documents", label=_("Documents")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("challenge"),
        index.SearchField("solution"),
        index.SearchField("results"),
        index.FilterField("project_status"),
        index.FilterField("country"),
    ]
    api_fields = [
        APIField("city"),
        APIField("country"),
        APIField("cluster"),
        APIField("project_status"),
        APIField("year"),
        APIField("summary"),
        APIField("challenge"),
        APIField("solution"),
        APIField("results"),
        APIField("partners"),
        APIField("gallery_images"),
        APIField("documents"),
        APIField("listing_image"),
    ]

    parent_page_types = ["cluster_pages.CaseStudyIndexPage"]
    subpage_types = []
    template = "cluster_pages/case_study_page.html"

    class Meta:
        verbose_name = _("case study page")


class CaseStudyPartner(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("organisation"), max_length=255)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]
    api_fields = [APIField("name"), APIField("url")]

    def __str__(self):
        return self.name


class CaseStudyGalleryImage(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows here, for people who cannot see it. Leave empty when the caption says it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]
    api_fields = [APIField("image"), APIField("alt_text"), APIField("caption")]


class CaseStudyDocument(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document")]
