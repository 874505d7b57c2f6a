"""The smallest site the plugin runs on: a home page, team pages that take members, and one form.

A ``TeamPage`` is what an application is assigned to (the plugin's default override points read its
``accepts_applications`` and ``discussion_url``; its leaders answer through ``adapters.TeamAdapter``);
``MembershipApplication`` is the kind; ``ApplyFormPage`` is its public form.
"""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from workflows.models import AbstractWorkflowFormField, AbstractWorkflowFormPage, Application


class StartPage(Page):
    """The site's root page."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["workflows_testapp.TeamPage", "workflows_testapp.ApplyFormPage", "workflows_testapp.PlainPage"]


class PlainPage(Page):
    """A page that is no assignment target."""

    parent_page_types = ["workflows_testapp.StartPage"]
    subpage_types = []


class TeamPage(Page):
    accepts_members = models.BooleanField(default=True)
    discussion_url = models.URLField(blank=True)
    leaders = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    parent_page_types = ["workflows_testapp.StartPage"]
    subpage_types = []

    @property
    def accepts_applications(self) -> bool:
        return self.live and self.accepts_members


class MembershipApplication(Application):
    """A request to join teams, with a motivation and an optional file."""

    reference_prefix = "MA"
    assignable_page_types = ("workflows_testapp.TeamPage",)
    core_fieldsets = (
        ("About you", ("applicant_name", "applicant_email", "organisation")),
        ("Your request", ("teams", "motivation")),
    )
    interest_field = "teams"

    organisation = models.CharField(max_length=255)
    teams = models.ManyToManyField(TeamPage, related_name="applications", limit_choices_to={"live": True})
    motivation = models.TextField(max_length=2000)


class ApplyFormPage(AbstractWorkflowFormPage):
    submission_model = MembershipApplication
    parent_page_types = ["workflows_testapp.StartPage"]
    subpage_types = []
    template = "workflows/form_page.html"


class ApplyFormField(AbstractWorkflowFormField):
    page = ParentalKey(ApplyFormPage, on_delete=models.CASCADE, related_name="form_fields")
