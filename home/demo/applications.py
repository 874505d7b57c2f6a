"""The join forms under /join/ and a dozen demo submissions in every state, made through the services.

Each submission is created with ``submission_create`` (as if posted through its form) and moved with
``perform_transition`` by the demo reviewer and coordinator, so its log, audit entries and outbox rows are
exactly what real use produces. A submission whose e-mail address already exists is left alone.
"""

from dataclasses import dataclass, field

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

DEMO_DOMAIN = "demo.example.org"

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


@dataclass(frozen=True)
class Step:
    name: str
    by: str = "reviewer"  # "reviewer", "coordinator" or "applicant"
    note: str = ""
    message: str = ""
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DemoSubmission:
    page: str  # "city", "company" or "theme"
    answers: dict
    steps: tuple[Step, ...] = ()

    @property
    def email(self) -> str:
        return self.answers["applicant_email"]


def _city(city, country, name, role, title, status, clusters, steps=(), description=""):
    slug = city.lower().replace(" ", "-").replace("á", "a")
    return DemoSubmission(
        "city",
        {
            "city": city,
            "country": country,
            "applicant_name": name,
            "role": role,
            "applicant_email": f"{slug}@{DEMO_DOMAIN}",
            "phone": "",
            "organisation": f"Smart City Office, City of {city}",
            "clusters": clusters,
            "project_title": title,
            "project_description": description
            or f"{title}: what {city} has built so far, what it plans next and what it hopes to learn from others.",
            "project_status": status,
            "partners_sought": "Cities that ran a similar project, and companies with open, interoperable tools.",
            "consent_public_listing": True,
            "consent_privacy": True,
        },
        tuple(steps),
    )


ASSIGN_TO = "assign-to"  # replaced by the cluster page in ``_params``

DEMO_SUBMISSIONS = (
    _city(
        "Seoul",
        "KR",
        "Kim Min-ji",
        "Director of Smart City Policy",
        "Mobility data hub",
        "launched",
        ["smart-mobility"],
    ),
    _city(
        "Athens",
        "GR",
        "Eleni Papadopoulou",
        "Head of Digital Services",
        "Open budget portal",
        "implemented",
        ["smart-governance"],
        [Step("review")],
    ),
    _city(
        "Bogota",
        "CO",
        "Camila Rojas",
        "Innovation Lab Coordinator",
        "Neighbourhood living lab",
        "development",
        ["living-labs-for-open-innovation"],
        [Step("request_changes", message="Please describe who runs the lab and how residents take part.")],
    ),
    _city(
        "Kigali",
        "RW",
        "Jean Uwimana",
        "ICT Officer",
        "Smart bus stops",
        "concept",
        ["smart-mobility"],
        [Step("review"), Step("assign", by="coordinator", params={"target": ASSIGN_TO + ":smart-mobility"})],
    ),
    _city(
        "Tallinn",
        "EE",
        "Mari Tamm",
        "Chief Digital Officer",
        "Once-only e-services",
        "implemented",
        ["digital-government-platform"],
        [
            Step("review"),
            Step("assign", by="coordinator", params={"target": ASSIGN_TO + ":digital-government-platform"}),
            Step("activate", by="coordinator"),
        ],
    ),
    _city(
        "Lima",
        "PE",
        "Luis Quispe",
        "Urban Planner",
        "Street lighting survey",
        "concept",
        ["smart-governance"],
        [
            Step(
                "reject",
                note="Outside the clusters' scope: a procurement question, not a shared project.",
                message="Thank you for applying. Your project is a procurement question the clusters do not cover.",
            )
        ],
    ),
    _city(
        "Ulaanbaatar",
        "MN",
        "Bat-Erdene Dorj",
        "Deputy Director",
        "District heating sensors",
        "development",
        ["smart-utility-waste-management"],
        [Step("withdraw", by="applicant", params={"confirm": True})],
    ),
    _city(
        "Makati",
        "PH",
        "Andrea Santos",
        "Smart City Lead",
        "Flood early warning",
        "implemented",
        ["smart-mobility"],
        [
            Step("review"),
            Step("assign", by="coordinator", params={"target": ASSIGN_TO + ":smart-mobility"}),
            Step("activate", by="coordinator"),
            Step("end", by="coordinator", note="The city left the programme at the end of its term."),
        ],
    ),
    _city(
        "Hanoi",
        "VN",
        "Nguyen Thi Lan",
        "Programme Manager",
        "Waste sorting app",
        "launched",
        ["smart-utility-waste-management"],
        [
            Step("request_changes", message="Please add how many households use the app today."),
            Step("resubmit", by="applicant"),
            Step("review"),
        ],
    ),
    DemoSubmission(
        "company",
        {
            "organisation_type": "company",
            "company_name": "Urban Sensors GmbH",
            "country": "DE",
            "website": "https://sensors.example.org",
            "applicant_name": "Anna Schmidt",
            "role": "Head of Partnerships",
            "applicant_email": f"anna@{DEMO_DOMAIN}",
            "solution_name": "AirGrid",
            "solution_description": "Low-cost air-quality sensors with an open API, installed on street furniture.",
            "themes": ["smart-utility-waste-management", "living-labs-for-open-innovation"],
            "reference_projects": "Hamburg air-quality pilot; Lisbon living lab",
            "consent_public_listing": True,
            "consent_privacy": True,
        },
        (
            Step("review"),
            Step("assign", by="coordinator", params={"target": ASSIGN_TO + ":living-labs-for-open-innovation"}),
            Step("activate", by="coordinator"),
        ),
    ),
    DemoSubmission(
        "company",
        {
            "organisation_type": "company",
            "company_name": "MoveWell Ltd",
            "country": "GB",
            "website": "https://movewell.example.org",
            "applicant_name": "Oliver Brown",
            "role": "Founder",
            "applicant_email": f"oliver@{DEMO_DOMAIN}",
            "solution_name": "TripPlanner",
            "solution_description": "Multimodal journey planning for cities' own apps.",
            "themes": ["smart-mobility"],
            "reference_projects": "Leeds, Bristol",
            "consent_public_listing": False,
            "consent_privacy": True,
        },
        (
            Step("reject", note="Registration looked like advertising.", message=""),
            Step("reopen", by="coordinator", note="The founder explained their open-data work; worth a second look."),
        ),
    ),
    DemoSubmission(
        "company",
        {
            "organisation_type": "academic",
            "company_name": "Institute for Urban Mobility Research",
            "country": "KR",
            "website": "https://mobility-research.example.org",
            "applicant_name": "Park Ji-won",
            "role": "Research Fellow",
            "applicant_email": f"jiwon@{DEMO_DOMAIN}",
            "solution_name": "Travel-behaviour studies",
            "solution_description": "Surveys and models of how residents travel, to plan bus routes and cycle lanes.",
            "themes": ["smart-mobility"],
            "reference_projects": "Seoul night-bus network study",
            "consent_public_listing": True,
            "consent_privacy": True,
        },
        (
            Step("review"),
            Step("assign", by="coordinator", params={"target": ASSIGN_TO + ":smart-mobility"}),
            Step("activate", by="coordinator"),
        ),
    ),
    DemoSubmission(
        "company",
        {
            "organisation_type": "nonprofit",
            "company_name": "Open Data Commons Foundation",
            "country": "KE",
            "website": "https://opendata-commons.example.org",
            "applicant_name": "Wanjiru Kamau",
            "role": "Programme Director",
            "applicant_email": f"wanjiru@{DEMO_DOMAIN}",
            "solution_name": "Open-data training for city staff",
            "solution_description": "Courses and toolkits that help city departments publish and use open data.",
            "themes": ["living-labs-for-open-innovation", "smart-governance"],
            "reference_projects": "Nairobi open budget portal",
            "consent_public_listing": True,
            "consent_privacy": True,
        },
        (
            Step("review"),
            Step("assign", by="coordinator", params={"target": ASSIGN_TO + ":living-labs-for-open-innovation"}),
            Step("activate", by="coordinator"),
        ),
    ),
    DemoSubmission(
        "theme",
        {
            "applicant_name": "Sam Lee",
            "applicant_email": f"sam@{DEMO_DOMAIN}",
            "organisation": "City University",
            "proposed_theme": "Urban Heat Resilience",
            "why_it_matters": "Heatwaves hit every member city, and few share what has worked to cool streets.",
            "interested_cities": "Seoul\nAthens\nMakati",
        },
    ),
    DemoSubmission(
        "theme",
        {
            "applicant_name": "Priya Nair",
            "applicant_email": f"priya@{DEMO_DOMAIN}",
            "organisation": "Water Utilities Forum",
            "proposed_theme": "Smart Water Networks",
            "why_it_matters": "Leaks lose a third of cities' drinking water; sensors and data can find them early.",
            "interested_cities": "Hanoi\nLima",
        },
        (Step("accept", by="coordinator", note="Strong interest at the last summit."),),
    ),
    DemoSubmission(
        "theme",
        {
            "applicant_name": "Tom Berg",
            "applicant_email": f"tom@{DEMO_DOMAIN}",
            "organisation": "",
            "proposed_theme": "Drone Deliveries",
            "why_it_matters": "Drones could deliver medicine to remote districts.",
            "interested_cities": "",
        },
        (
            Step(
                "decline",
                by="coordinator",
                note="Covered by the Smart Mobility cluster.",
                message="Drone deliveries are discussed in the Smart Mobility cluster: you are welcome to join it.",
            ),
        ),
    ),
)

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
