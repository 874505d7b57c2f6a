"""The site's submission kinds (built on the workflow-forms plugin) and their public form pages.

- ``CityApplication`` (/join/city/) and ``CompanyRegistration`` (/join/partner/) are applications: they share
  the plugin's queue and state machine (multi-table children of ``workflows.models.Application``). A
  "company registration" is a partner registration of any organisation type (company, non-profit, university or
  research institute, other); the model keeps its name so that the API's kind and stored references stay valid.
- ``ThemeSuggestion`` (/join/suggest-a-theme/) has its own small machine, submitted → accepted | declined,
  decided by Coordinators. Accepting one creates a draft "forming" cluster page (see ``accept``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from modelcluster.fields import ParentalKey

from workflows.actors import ApplicantActor
from workflows.models import AbstractSubmission, AbstractWorkflowFormField, Application
from workflows.pages import AbstractWorkflowFormPage
from workflows.specs import StateChoices, TransitionSpec, state

from ..choices import ClusterStatus, OrganisationType
from ..clusters_once import clusters_once
from ..country_field import CountryCodeField
from ..join_forms import preselected_cluster_ids
from ..route_cache import CachedRoute
from ..translation_fields import PAGE_FIELDS
from ..translations_follow import FollowsItsSource
from .listing import ListingConsentRecord, MapPlaceFields

LONG_TEXT_MAX_LENGTH = 5000
OPEN_CLUSTERS = {"live": True, "status__in": [ClusterStatus.FORMING, ClusterStatus.ACTIVE]}
ASSIGNABLE = ("cluster_pages.ThematicClusterPage",)


class ProjectStage(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    DEVELOPMENT = "development", _("In development")
    LAUNCHED = "launched", _("Launched")
    IMPLEMENTED = "implemented", _("Implemented")


class ClusterMembershipMixin:
    """Applications to clusters (what their transitions do to a cluster is in ``cluster_pages.kinds``)."""

    def target_leader_names(self, page) -> list[str]:
        """The public leader (a Person) where the cluster names one, else its leader accounts."""
        leader = getattr(page.specific, "leader", None)
        return [leader.name] if leader is not None else super().target_leader_names(page)


class CityApplication(ClusterMembershipMixin, ListingConsentRecord, MapPlaceFields, Application):
    """A city's application to join one or more clusters with a project."""

    reference_prefix = "CA"
    assignable_page_types = ASSIGNABLE
    core_fieldsets = (
        (_("Your city"), ("city", "country", "organisation")),
        (_("Contact person"), ("applicant_name", "role", "applicant_email", "phone")),
        (
            _("Your project"),
            (
                "clusters",
                "project_title",
                "project_description",
                "project_status",
                "partners_sought",
                "project_brief",
            ),
        ),
        (_("Consent"), ("consent_public_listing", "consent_project_title", "consent_privacy")),
    )
    interest_field = "clusters"
    country_field = "country"
    personal_fields = (*Application.personal_fields, "role", "phone")

    city = models.CharField(_("city"), max_length=255)
    country = CountryCodeField(_("country"))
    role = models.CharField(_("role"), max_length=255, help_text=_("The contact person's job title."))
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    organisation = models.CharField(
        _("department or organisation"), max_length=255, help_text=_("E.g. Smart City Bureau, City of Seoul.")
    )
    clusters = models.ManyToManyField(
        "cluster_pages.ThematicClusterPage",
        verbose_name=_("clusters of interest"),
        related_name="city_applications",
        limit_choices_to=OPEN_CLUSTERS,
        help_text=_("Choose every cluster your project fits."),
    )
    project_title = models.CharField(_("project title"), max_length=255)
    project_description = models.TextField(
        _("project description"),
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_("What the project does, for whom, and what you would like to learn. At most 5,000 characters."),
    )
    project_status = models.CharField(_("project status"), max_length=16, choices=ProjectStage.choices)
    partners_sought = models.TextField(
        _("partners sought"),
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_("The cities, companies, universities or organisations you would like to work with."),
    )
    consent_public_listing = models.BooleanField(
        _("list my city in the member directory and on its map"),
        default=False,
        help_text=_(
            "The member directory shows your city, its country and its clusters, with a marker on its map. "
            "Members can change this at any time in their members' workspace."
        ),
    )
    consent_project_title = models.BooleanField(
        _("also show my project's title in the member directory"), default=False
    )
    consent_privacy = models.BooleanField(_("consent to the privacy notice"), default=False)

    class Meta:
        verbose_name = _("city application")
        verbose_name_plural = _("city applications")
        indexes = [
            models.Index(fields=["country"]),  # the listings' and the API's country filter
            models.Index(fields=["city", "application_ptr"]),  # the listing sorted by city: 25 rows, not a sort
        ]


class CompanyRegistration(ClusterMembershipMixin, ListingConsentRecord, Application):
    """A partner organisation's registration (a company, non-profit, university...) to lend expertise to clusters."""

    reference_prefix = "CR"
    assignable_page_types = ASSIGNABLE
    core_fieldsets = (
        (_("Your organisation"), ("organisation_type", "company_name", "country", "website")),
        (_("Contact person"), ("applicant_name", "role", "applicant_email")),
        (_("What you offer"), ("solution_name", "solution_description", "themes", "reference_projects", "brochure")),
        (_("Consent"), ("consent_public_listing", "consent_privacy")),
    )
    interest_field = "themes"
    country_field = "country"
    filter_fields = ("organisation_type",)
    personal_fields = (*Application.personal_fields, "role")

    organisation_type = models.CharField(
        _("type of organisation"), max_length=16, choices=OrganisationType.choices, db_index=True
    )
    company_name = models.CharField(_("organisation name"), max_length=255)
    country = CountryCodeField(_("country"))
    website = models.URLField(_("website"), max_length=500)
    role = models.CharField(_("role"), max_length=255, help_text=_("The contact person's job title."))
    solution_name = models.CharField(_("solution or expertise"), max_length=255)
    solution_description = models.TextField(
        _("solution description"),
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_(
            "What your solution, research or programme does and which problems of cities it helps with. "
            "At most 5,000 characters."
        ),
    )
    themes = models.ManyToManyField(
        "cluster_pages.ThematicClusterPage",
        verbose_name=_("themes of expertise"),
        related_name="company_registrations",
        limit_choices_to=OPEN_CLUSTERS,
        help_text=_("Choose every cluster your expertise fits."),
    )
    reference_projects = models.TextField(
        _("reference cities or projects"),
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_("Cities or projects where your solution or expertise has been put to use."),
    )
    consent_public_listing = models.BooleanField(
        _("list my organisation in the member directory"),
        default=False,
        help_text=_(
            "The member directory shows your organisation's name, its country and its clusters. "
            "Members can change this at any time in their members' workspace."
        ),
    )
    consent_privacy = models.BooleanField(_("consent to the privacy notice"), default=False)

    class Meta:
        verbose_name = _("partner registration")
        verbose_name_plural = _("partner registrations")
        indexes = [models.Index(fields=["country"])]  # the listings' and the API's country filter


# -- theme suggestions ------------------------------------------------------------------------------------


class ThemeSuggestionState(StateChoices):
    SUBMITTED = state(
        "submitted",
        _("Submitted"),
        tone="new",
        applicant_label=_("Received"),
        applicant_explanation=_("We have received your suggestion; the coordinators will consider it soon."),
    )
    ACCEPTED = state(
        "accepted",
        _("Accepted"),
        tone="positive",
        applicant_label=_("Accepted"),
        applicant_explanation=_(
            "The coordinators accepted your theme: a new cluster is being prepared and will be announced when it forms."
        ),
    )
    DECLINED = state(
        "declined",
        _("Declined"),
        tone="negative",
        applicant_label=_("Not taken up"),
        applicant_explanation=_("The coordinators decided not to start a cluster on this theme for now."),
    )


DECIDE_PERMISSION = "cluster_pages.decide_themesuggestion"


def can_decide_theme_suggestion(instance, user) -> bool:
    return not isinstance(user, ApplicantActor) and user.is_active and user.has_perm(DECIDE_PERMISSION)


class ThemeSuggestion(ConcurrentTransitionMixin, AbstractSubmission):
    """A visitor's idea for a new cluster theme."""

    reference_prefix = "TS"
    core_fieldsets = (
        (_("About you"), ("applicant_name", "applicant_email", "organisation")),
        (_("Your theme"), ("proposed_theme", "why_it_matters", "interested_cities")),
    )
    #: Exported after the core fields: the draft cluster page an accepted suggestion started.
    export_extra_fields = ("cluster_page",)
    #: New suggestions are announced to the people who decide them.
    alert_permission = DECIDE_PERMISSION
    personal_fields = (*AbstractSubmission.personal_fields, "organisation")
    #: A declined suggestion is kept as long as a rejected application, then anonymised.
    retention_states = ("declined",)

    organisation = models.CharField(_("organisation"), max_length=255)
    proposed_theme = models.CharField(_("proposed theme"), max_length=255)
    why_it_matters = models.TextField(
        _("why it matters"),
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_("Which problem cities share that a cluster on this theme would help with."),
    )
    interested_cities = models.TextField(
        _("cities likely to be interested"),
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_("Cities you know work on this theme, one per line."),
    )
    state = FSMField(
        _("state"),
        max_length=16,
        choices=ThemeSuggestionState.choices,
        default=ThemeSuggestionState.SUBMITTED,
        protected=True,
        db_index=True,
    )
    state_changed_at = models.DateTimeField(_("state changed"), null=True, blank=True)
    cluster_page = models.ForeignKey(
        "cluster_pages.ThematicClusterPage",
        verbose_name=_("cluster page"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The draft cluster page created when the suggestion was accepted."),
    )

    class Meta(AbstractSubmission.Meta):
        verbose_name = _("theme suggestion")
        verbose_name_plural = _("theme suggestions")
        permissions = [("decide_themesuggestion", _("Can accept or decline theme suggestions"))]

    # The machine: run through ``workflows.services.perform_transition`` (lock, permission, log, Wagtail log).

    @transition(
        field=state,
        source=ThemeSuggestionState.SUBMITTED,
        target=ThemeSuggestionState.ACCEPTED,
        permission=can_decide_theme_suggestion,
        custom={
            "spec": TransitionSpec(
                label=_("Accept"),
                log_label=_("Theme suggestion accepted"),
                applicant_mail="theme_suggestion_accepted",
            )
        },
    )
    def accept(self):
        """Start a cluster on this theme: ``cluster_pages.kinds`` makes the draft, "forming" cluster page for
        editors to finish, inside ``perform_transition``'s row lock and transaction (every way in goes
        through it, so no caller can accept without the page)."""

    @transition(
        field=state,
        source=ThemeSuggestionState.SUBMITTED,
        target=ThemeSuggestionState.DECLINED,
        permission=can_decide_theme_suggestion,
        custom={
            "spec": TransitionSpec(
                label=_("Decline"),
                log_label=_("Theme suggestion declined"),
                inputs=("note", "message"),
                destructive=True,
                applicant_mail="theme_suggestion_declined",
            )
        },
    )
    def decline(self):
        """Not now; the note says why (internal), the message (optional) tells the visitor."""


# -- the form pages ---------------------------------------------------------------------------------------


class JoinFormPage(CachedRoute, FollowsItsSource, AbstractWorkflowFormPage):
    """What the three forms under /join/ share: one of each, below a standard page, with the same landing page."""

    override_translatable_fields = PAGE_FIELDS

    landing_page_template = "cluster_pages/forms/form_page_landing.html"
    parent_page_types = ["cluster_pages.StandardPage"]
    subpage_types = []
    max_count = 1
    #: The clusters field that ``?cluster=<id>`` ticks in advance (see ``cluster_pages.join_forms``), if any.
    cluster_field_name: str | None = None

    class Meta:
        abstract = True

    def initial_data(self, request) -> dict:
        initial = super().initial_data(request)
        if self.cluster_field_name and (
            clusters := preselected_cluster_ids(request, open_clusters=self.open_clusters())
        ):
            initial[self.cluster_field_name] = clusters
        return initial

    def open_clusters(self):
        """The clusters the form's cluster field offers (those that take members), each once."""
        field = self.submission_model._meta.get_field(self.cluster_field_name)
        return clusters_once(field.related_model.objects.filter(**field.get_limit_choices_to()))


class CityApplicationFormPage(JoinFormPage):
    """/join/city/: cities apply to join clusters with a project."""

    submission_model = CityApplication
    cluster_field_name = "clusters"
    template = "cluster_pages/forms/city_application_form_page.html"

    class Meta:
        verbose_name = _("city application form")


class CompanyRegistrationFormPage(JoinFormPage):
    """/join/partner/: companies, non-profits, universities and other organisations register as partners
    (/join/company/, its address before, redirects here: ``cluster_pages.old_addresses``)."""

    submission_model = CompanyRegistration
    cluster_field_name = "themes"
    template = "cluster_pages/forms/company_registration_form_page.html"

    class Meta:
        verbose_name = _("partner registration form")


class ThemeSuggestionFormPage(JoinFormPage):
    """/join/suggest-a-theme/: anyone may suggest a theme for a new cluster."""

    submission_model = ThemeSuggestion
    template = "cluster_pages/forms/theme_suggestion_form_page.html"

    class Meta:
        verbose_name = _("theme suggestion form")


class CityApplicationFormField(AbstractWorkflowFormField):
    page = ParentalKey(CityApplicationFormPage, on_delete=models.CASCADE, related_name="form_fields")


class CompanyRegistrationFormField(AbstractWorkflowFormField):
    page = ParentalKey(CompanyRegistrationFormPage, on_delete=models.CASCADE, related_name="form_fields")


class ThemeSuggestionFormField(AbstractWorkflowFormField):
    page = ParentalKey(ThemeSuggestionFormPage, on_delete=models.CASCADE, related_name="form_fields")
