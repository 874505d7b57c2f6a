"""Best-practice case studies. The cities and projects are fictional: generic stories, not real projects."""

from dataclasses import dataclass

from cluster_pages.models.case_studies import ProjectStatus

CASE_STUDY_INDEX_TITLE = "Case studies"
CASE_STUDY_INDEX_INTRO = (
    "<p>Projects that member cities have run or are running, told as a challenge, a solution and results, "
    "so that cities planning something similar can learn from them. Filter by cluster, country or status.</p>"
)


@dataclass(frozen=True)
class CaseStudySpec:
    slug: str
    title: str
    city: str
    country: str
    cluster_slug: str
    project_status: str
    year: int
    summary: str
    challenge: str
    solution: str
    results: str
    partners: tuple[str, ...]
    image_caption: str


CASE_STUDIES = [
    CaseStudySpec(
        slug="valdoria-energy-retrofit-living-lab",
        title="A neighbourhood living lab for home energy retrofits",
        city="Valdoria",
        country="ES",
        cluster_slug="living-labs-for-open-innovation",
        project_status=ProjectStatus.ONGOING,
        year=2022,
        summary=(
            "A mid-size city tests insulation, heat pumps and shared solar in one district of 1960s apartment "
            "blocks, with residents deciding which options go to the next phase."
        ),
        challenge=(
            "<p>Most homes in the district were built before energy standards existed. Owners' associations "
            "found retrofit offers hard to compare and feared disruption, so few projects went ahead.</p>"
        ),
        solution=(
            "<p>The city declared the district a living lab. A local university measures energy use before and "
            "after each intervention; companies install trial systems in volunteer buildings; a residents' "
            "panel reviews the results every six months.</p>"
            "<ul><li>Twelve buildings volunteered for the first phase.</li>"
            "<li>Monthly open days let neighbours see finished work.</li></ul>"
        ),
        results=(
            "<p>The first retrofitted buildings use noticeably less heating energy, and more owners' "
            "associations have asked to join the second phase than there are places.</p>"
        ),
        partners=("Valdoria City Council", "Valdoria Polytechnic University", "District residents' federation"),
        image_caption="Apartment blocks in the living-lab district (illustration).",
    ),
    CaseStudySpec(
        slug="marisol-participatory-budgeting",
        title="Participatory budgeting online and in neighbourhood halls",
        city="Marisol City",
        country="PH",
        cluster_slug="smart-governance",
        project_status=ProjectStatus.COMPLETED,
        year=2019,
        summary=(
            "Residents proposed and voted on small public works for their barangay, online or at kiosks in "
            "neighbourhood halls, with the city publishing every vote and every contract."
        ),
        challenge=(
            "<p>Residents had little say in how local works budgets were spent, and trust in the selection of "
            "projects was low. An online-only vote would have excluded many older residents.</p>"
        ),
        solution=(
            "<p>The city set aside part of its works budget for projects proposed by residents. Proposals and "
            "votes were collected on a web platform and on assisted kiosks in each barangay hall. Results, costs "
            "and contractors were published as open data.</p>"
        ),
        results=(
            "<p>Turnout grew in each of the three budget cycles, and the kiosks brought in voters who had never "
            "used an online service. The city has made the process permanent.</p>"
        ),
        partners=("Marisol City Government", "A civic-technology non-profit", "Local state university"),
        image_caption="Voting kiosk in a barangay hall (illustration).",
    ),
    CaseStudySpec(
        slug="nyamburi-business-permits-portal",
        title="One portal for business permits",
        city="Nyamburi",
        country="KE",
        cluster_slug="digital-government-platform",
        project_status=ProjectStatus.COMPLETED,
        year=2020,
        summary=(
            "A county town replaced four paper processes with one online application, one payment and one "
            "permit, built on a shared platform other services now reuse."
        ),
        challenge=(
            "<p>Opening a small business took visits to four offices, each asking for the same documents. "
            "Applications were lost and fees were paid in cash.</p>"
        ),
        solution=(
            "<p>The town built a permits service on a shared platform with a single sign-in, mobile-money "
            "payments and a case-management tool for officers. Documents are uploaded once and shared between "
            "departments.</p>"
        ),
        results=(
            "<p>Most permits are now issued within days instead of weeks, and the platform has since been "
            "reused for market-stall licences and building-plan approvals.</p>"
        ),
        partners=("Nyamburi Town Administration", "A regional software company", "Chamber of commerce"),
        image_caption="Applying for a permit from a phone (illustration).",
    ),
    CaseStudySpec(
        slug="serra-azul-demand-responsive-minibuses",
        title="Demand-responsive minibuses for the urban edge",
        city="Serra Azul do Norte",
        country="BR",
        cluster_slug="smart-mobility",
        project_status=ProjectStatus.ONGOING,
        year=2023,
        summary=(
            "Minibuses booked by app or phone connect hillside neighbourhoods to the main bus corridor, "
            "replacing fixed routes that ran almost empty."
        ),
        challenge=(
            "<p>Steep, low-density neighbourhoods on the city's edge were served by infrequent fixed routes. "
            "Buses ran empty off-peak while residents waited up to an hour.</p>"
        ),
        solution=(
            "<p>The transport authority replaced three fixed routes with a zone served by minibuses that riders "
            "book by app, by phone or at a stop. A routing engine groups trips and guarantees a connection to "
            "the corridor.</p>"
        ),
        results=(
            "<p>Average waiting times have fallen and ridership in the zone has grown. The authority is now "
            "testing the service in a second zone.</p>"
        ),
        partners=("Municipal transport authority", "A mobility start-up", "Federal university transport lab"),
        image_caption="A demand-responsive minibus at a corridor stop (illustration).",
    ),
    CaseStudySpec(
        slug="hanbyeol-smart-waste-collection",
        title="Waste collection planned from bin fill levels",
        city="Hanbyeol",
        country="KR",
        cluster_slug="smart-utility-waste-management",
        project_status=ProjectStatus.COMPLETED,
        year=2021,
        summary=(
            "Fill-level sensors on public bins let the city plan collection routes each morning, so lorries "
            "stop only where bins are nearly full."
        ),
        challenge=(
            "<p>Collection lorries followed fixed rounds, emptying half-full bins while others overflowed in "
            "busy streets at weekends.</p>"
        ),
        solution=(
            "<p>The city fitted sensors to public bins and recycling points. Each morning, route-planning "
            "software builds rounds from the measured fill levels and traffic, and crews receive them on "
            "tablets.</p>"
        ),
        results=(
            "<p>Lorries drive fewer kilometres and complaints about overflowing bins have dropped. The data now "
            "informs where the city places new recycling points.</p>"
        ),
        partners=("Hanbyeol City Environment Department", "A sensor manufacturer", "Waste collection contractor"),
        image_caption="A sensor-equipped recycling point (illustration).",
    ),
    CaseStudySpec(
        slug="tirtamaya-district-water-metering",
        title="District metering to cut water losses",
        city="Tirtamaya",
        country="ID",
        cluster_slug="smart-utility-waste-management",
        project_status=ProjectStatus.ONGOING,
        year=2024,
        summary=(
            "The water utility divides its network into metered districts and uses pressure and flow data to "
            "find leaks before they surface."
        ),
        challenge=(
            "<p>A large share of the water the utility treats never reaches a customer. Leaks were found only "
            "when they surfaced, often weeks after they began.</p>"
        ),
        solution=(
            "<p>The utility is dividing the network into district metered areas with flow and pressure sensors. "
            "Night-time flow analysis points crews to the districts where leaks are most likely.</p>"
        ),
        results=(
            "<p>The first districts show lower night-time flows after repairs. Roll-out to the rest of the "
            "network continues.</p>"
        ),
        partners=("Tirtamaya Municipal Water Utility", "A water-technology company", "Regional engineering school"),
        image_caption="A district flow meter being installed (illustration).",
    ),
]
