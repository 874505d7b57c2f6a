"""Admin screens: the people and contacts that pages pick from (Snippets › People, Snippets › Contacts), the
footers the site settings choose (Snippets › Footers), and
the reviewer workspace's listing of each submission kind (Applications › ...), built on the plugin's viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.admin.columns import (
    ApplicantColumn,
    ClusterColumn,
    CompactColumn,
    LanguageColumn,
    StateColumn,
    SubmittedColumn,
    WithCountryColumn,
)
from workflows.admin.viewsets import ApplicationsViewSetGroup, ApplicationViewSet, SubmissionViewSet

from .leadership.viewsets import ClusterLeaderViewSet
from .meetings.viewsets import CheckInViewSet, EventRegistrationViewSet
from .models import CityApplication, CompanyRegistration, Contact, Footer, Person, ThemeSuggestion


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    # Each language's version is a row of its own: the locale column (and the listing's locale filter) tell them apart.
    list_display = ["name", LocaleColumn(), "role", "organisation"]
    search_fields = ["name", "organisation"]
    menu_label = _("People")


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mail"
    list_display = ["name", LocaleColumn(), "topic", "email"]
    search_fields = ["name", "topic"]
    menu_label = _("Contacts")


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    list_display = ["__str__", LocaleColumn()]
    menu_label = _("Footers")


# -- the reviewer workspace: one listing per submission kind, under Applications ----------------------------

# Each listing fits a 1280 px window with the sidebar open (see workflows.admin.columns): what a reviewer triages
# by, two facts to a cell where they belong together. The clusters of interest show until a cluster is assigned
# (the "Cluster of interest" filter finds them all); the last change shows under the submission date.


class CityApplicationViewSet(ApplicationViewSet):
    model = CityApplication
    name = "city_applications"
    menu_label = _("City applications")
    icon = "site"
    list_display = [
        "reference",
        ApplicantColumn(),
        WithCountryColumn("city", label=_("City, country")),
        ClusterColumn(interest_field="clusters"),
        StateColumn(),
        LanguageColumn(),
        SubmittedColumn(),
    ]
    search_fields = [
        "reference",
        "applicant_name",
        "applicant_email",
        "organisation",
        "city",
        "project_title",
        "project_description",
    ]


class CompanyRegistrationViewSet(ApplicationViewSet):
    model = CompanyRegistration
    name = "company_registrations"  # its address before partners of every type registered: kept for bookmarks
    menu_label = _("Partner registrations")
    icon = "group"
    list_display = [
        "reference",
        WithCountryColumn("company_name", label=_("Organisation, country")),
        CompactColumn(
            "organisation_type",
            label=_("Type"),
            full_label=_("Type of organisation"),
            accessor="get_organisation_type_display",
            sort_key="organisation_type",
        ),
        ApplicantColumn(organisation_field=""),  # the organisation has its own column
        ClusterColumn(interest_field="themes"),
        StateColumn(),
        LanguageColumn(),
        SubmittedColumn(),
    ]
    search_fields = [
        "reference",
        "applicant_name",
        "applicant_email",
        "company_name",
        "solution_name",
        "solution_description",
    ]


class ThemeSuggestionViewSet(SubmissionViewSet):
    model = ThemeSuggestion
    name = "theme_suggestions"
    menu_label = _("Theme suggestions")
    icon = "pick"
    list_select_related = ("cluster_page",)
    list_display = [
        "reference",
        ApplicantColumn(),
        "proposed_theme",
        StateColumn(),
        LanguageColumn(),
        SubmittedColumn(),
    ]
    search_fields = [
        "reference",
        "applicant_name",
        "applicant_email",
        "organisation",
        "proposed_theme",
        "why_it_matters",
    ]


class ApplicationsGroup(ApplicationsViewSetGroup):
    items = (
        CityApplicationViewSet,
        CompanyRegistrationViewSet,
        ThemeSuggestionViewSet,
        EventRegistrationViewSet,
        CheckInViewSet,
        ClusterLeaderViewSet,
    )
