"""The demo submissions: a dozen applications, registrations and suggestions, each with the steps that move it
to the state the demo shows (made by ``applications.demo_submissions_ensure`` through the services)."""

from dataclasses import dataclass, field

DEMO_DOMAIN = "demo.example.org"


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


def city_submission(city, country, name, role, title, status, clusters, steps=(), description=""):
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
    city_submission(
        "Seoul",
        "KR",
        "Kim Min-ji",
        "Director of Smart City Policy",
        "Mobility data hub",
        "launched",
        ["smart-mobility"],
    ),
    city_submission(
        "Athens",
        "GR",
        "Eleni Papadopoulou",
        "Head of Digital Services",
        "Open budget portal",
        "implemented",
        ["smart-governance"],
        [Step("review")],
    ),
    city_submission(
        "Bogota",
        "CO",
        "Camila Rojas",
        "Innovation Lab Coordinator",
        "Neighbourhood living lab",
        "development",
        ["living-labs-for-open-innovation"],
        [Step("request_changes", message="Please describe who runs the lab and how residents take part.")],
    ),
    city_submission(
        "Kigali",
        "RW",
        "Jean Uwimana",
        "ICT Officer",
        "Smart bus stops",
        "concept",
        ["smart-mobility"],
        [Step("review"), Step("assign", by="coordinator", params={"target": ASSIGN_TO + ":smart-mobility"})],
    ),
    city_submission(
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
    city_submission(
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
    city_submission(
        "Ulaanbaatar",
        "MN",
        "Bat-Erdene Dorj",
        "Deputy Director",
        "District heating sensors",
        "development",
        ["smart-utility-waste-management"],
        [Step("withdraw", by="applicant", params={"confirm": True})],
    ),
    city_submission(
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
    city_submission(
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
