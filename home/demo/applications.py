"""The join forms under /join/ and a dozen demo submissions in every state, made through the services.

Each submission is created with ``submission_create`` (as if posted through its form) and moved with
``perform_transition`` by the demo reviewer and coordinator, so its log, audit entries and outbox rows are
exactly what real use produces. A submission whose e-mail address already exists is left alone.
"""

from django.contrib.auth import get_user_model

from cluster_pages.models import (
    CityApplication,
    CityApplicationFormField,
    CityApplicationFormPage,
    CompanyRegistration,
    CompanyRegistrationFormPage,
    StandardPage,
    ThematicClusterPage,
    ThemeSuggestion,
    ThemeSuggestionFormPage,
)
from workflows.services import perform_transition
from workflows.services.submissions import submission_create

from .pages import page_ensure
from .report import LoadReport
from .submissions_data import ASSIGN_TO, DEMO_SUBMISSIONS, DemoSubmission, Step

CITY_INTRO = (
    "<p>Cities apply to join one or more thematic clusters by describing a project, ongoing or completed. "
    "Reviewers read every application and the coordinators place it in the cluster where it fits best.</p>"
)
COMPANY_INTRO = (
    "<p>Companies, non-profit organisations, universities and research institutes interested in lending their "
    "expert guidance on the clusters' topics register here as partners and describe what they offer, so that "
    "cities looking for partners can find them.</p>"
)
THEME_INTRO = (
    "<p>Additional theme suggestions are welcome. Tell us which theme you would like a cluster for, why it "
    "matters and which cities would likely take part.</p>"
)
THANK_YOU = "<p>Thank you! We have sent you a confirmation by e-mail. Reviewers usually answer within two weeks.</p>"


def form_pages_ensure(*, join: StandardPage, report: LoadReport) -> dict:
    """The three form pages below /join/: city/, partner/ and suggest-a-theme/."""
    city = page_ensure(
        parent=join,
        page_class=CityApplicationFormPage,
        slug="city",
        title="Apply as a city",
        intro=CITY_INTRO,
        thank_you_text=THANK_YOU,
        form_fields=[
            CityApplicationFormField(
                label="How did you hear about the Thematic Clusters?",
                field_type="dropdown",
                required=False,
                choices="A WeGO event\nA colleague in another city\nThe WeGO website\nOther",
            )
        ],
        report=report,
    )
    company = page_ensure(
        parent=join,
        page_class=CompanyRegistrationFormPage,
        slug="partner",
        title="Register as a partner",
        intro=COMPANY_INTRO,
        thank_you_text=THANK_YOU,
        report=report,
    )
    theme = page_ensure(
        parent=join,
        page_class=ThemeSuggestionFormPage,
        slug="suggest-a-theme",
        title="Suggest a theme",
        intro=THEME_INTRO,
        thank_you_text="<p>Thank you for your idea! The coordinators will consider it at their next meeting.</p>",
        report=report,
    )
    return {"city": city, "company": company, "theme": theme}


MODELS = {"city": CityApplication, "company": CompanyRegistration, "theme": ThemeSuggestion}
CLUSTER_FIELDS = {"city": "clusters", "company": "themes"}


def _cleaned_data(spec: DemoSubmission, clusters: dict[str, ThematicClusterPage]) -> dict:
    data = dict(spec.answers)
    cluster_field = CLUSTER_FIELDS.get(spec.page)
    if cluster_field:
        data[cluster_field] = [clusters[slug] for slug in data[cluster_field]]
    return data


def _params(step: Step, clusters: dict[str, ThematicClusterPage]) -> dict:
    params = dict(step.params)
    target = params.get("target")
    if isinstance(target, str) and target.startswith(ASSIGN_TO + ":"):
        params["target"] = clusters[target.split(":", 1)[1]]
    return params


def _staff(username: str):
    return get_user_model().objects.filter(username=username, is_active=True).first()


def applications_ensure(*, join: StandardPage, clusters: dict[str, ThematicClusterPage], report: LoadReport) -> dict:
    """The three form pages below /join/, then the demo submissions (these need the demo staff accounts)."""
    form_pages = form_pages_ensure(join=join, report=report)
    demo_submissions_ensure(form_pages=form_pages, clusters=clusters, report=report)
    return form_pages


def demo_submissions_ensure(
    *, form_pages: dict, clusters: dict[str, ThematicClusterPage], report: LoadReport, specs=DEMO_SUBMISSIONS
) -> None:
    """The demo submissions (``specs``), each moved to its state by the demo reviewer, coordinator or applicant."""
    actors = {"reviewer": _staff("reviewer"), "coordinator": _staff("coordinator")}
    if not all(actors.values()):
        report.note("Demo applications skipped: they are moved by the demo reviewer and coordinator accounts.")
        return
    kind = "demo applications and suggestions"
    for spec in specs:
        model = MODELS[spec.page]
        if model._default_manager.filter(applicant_email=spec.email).exists():
            report.record(kind, created=False)
            continue
        result = submission_create(
            form_page=form_pages[spec.page], cleaned_data=_cleaned_data(spec, clusters), files=[]
        )
        submission = result.submission
        for step in spec.steps:
            params = _params(step, clusters)
            if step.name == "resubmit":
                params = {"answers": dict(submission.answers), "fields": {}}
            by_applicant = step.by == "applicant"
            submission = perform_transition(
                application=submission,
                name=step.name,
                user=None if by_applicant else actors[step.by],
                applicant_token=result.token if by_applicant else None,
                note=step.note,
                message=step.message,
                **params,
            )
        report.record(kind, created=True)
