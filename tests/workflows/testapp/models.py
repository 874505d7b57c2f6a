"""The smallest site the plugin runs on: a home page, team pages that take members, and one form.

A ``TeamPage`` is what an application is assigned to (the plugin's default override points read its
``accepts_applications`` and ``discussion_url``; its leaders answer through ``adapters.TeamAdapter``);
``MembershipApplication`` is the kind; ``ApplyFormPage`` is its public form, ``PartnerApplyFormPage`` a form
that overrides Wagtail's ``process_form_submission``.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from workflows.models import AbstractWorkflowFormField, Application
from workflows.pages import AbstractWorkflowFormPage


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


class PartnerApplyFormPage(AbstractWorkflowFormPage):
    """A form that also tells a partner desk of each new application, by overriding ``process_form_submission``
    as Wagtail documents for its form pages."""

    PARTNER_DESK = "partners@example.org"

    submission_model = MembershipApplication
    parent_page_types = ["workflows_testapp.StartPage"]
    subpage_types = []
    template = "workflows/form_page.html"

    def process_form_submission(self, form):
        result = super().process_form_submission(form)
        if result.created:
            reference = result.submission.reference
            send_mail(f"New application {reference}", f"{reference} came in.", None, [self.PARTNER_DESK])
        return result


class PartnerApplyFormField(AbstractWorkflowFormField):
    page = ParentalKey(PartnerApplyFormPage, on_delete=models.CASCADE, related_name="form_fields")
