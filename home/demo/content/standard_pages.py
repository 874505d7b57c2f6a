"""The home page's hero and the programme pages: GCTC, how to join, about."""

from dataclasses import dataclass

from wagtail.models import Page

from ..stream import call_to_action, heading, live_figure, paragraph, quote, year_figure

SITE_NAME = "WeGO Thematic Clusters"
GCTC_URL = "https://pages.nist.gov/GCTC/"
WEGO_URL = "https://we-gov.org/"
SEED_MISSION = (
    "The Thematic Clusters are aimed at helping cities to exchange information and build tangible "
    "multi-stakeholder partnerships in a specific thematic area."
)


@dataclass(frozen=True)
class StandardPageSpec:
    slug: str
    title: str
    intro: str
    body: list
    show_contacts: bool = False
    search_description: str = ""


HOME_TITLE = "WeGO Thematic Clusters"
HOME_HERO_HEADING = "Cities and partners working together, one theme at a time"
HOME_HERO_INTRO = (
    "<p>Pursuant to WeGO's mission to bring smart sustainable solutions to all, the Thematic Clusters help "
    "cities exchange information and build <b>tangible multi-stakeholder partnerships</b> around a theme, "
    "with private companies, non-profit organisations and academia.</p>"
)
HOME_CTA_LABEL = "How to join"
HOME_BODY = (
    "<h2>How the clusters work</h2>"
    "<p>Each cluster is centred on one theme and facilitated by a leader who is an expert in it. Members "
    "discuss specific projects, ongoing or completed; cities with similar projects explain their best "
    "practices, and companies with relevant solutions are introduced.</p>"
    "<p>Activity takes place throughout the year in each theme's private discussion group, and members meet "
    "in person at WeGO's events.</p>"
)


def gctc_page(*, clusters_index: Page) -> StandardPageSpec:
    return StandardPageSpec(
        slug="gctc",
        title="Global City Teams Challenge",
        intro=(
            "<p>To build momentum for the Thematic Clusters, WeGO helps its members take part in the "
            '<a href="' + GCTC_URL + '">Global City Teams Challenge</a> (GCTC).</p>'
        ),
        search_description="How WeGO members join GCTC action clusters, the Tech Jam and the Expo.",
        body=[
            heading("What the GCTC is"),
            paragraph(
                "<p>The Global City Teams Challenge is an initiative of the National Institute of Standards and "
                "Technology (NIST), co-hosted in 2018 with the Department of Homeland Security Science and "
                "Technology Directorate (DHS S&amp;T).</p>"
            ),
            heading("Action clusters"),
            paragraph(
                "<p>Participants work in <b>action clusters</b>: project-based teams that pair cities with "
                "technology providers. Every action cluster includes at least one city. A team's profile lists "
                "its organisations and leaders, the participating municipalities, the project's status (from "
                "concept to implemented), the challenges it addresses, its solutions, its major requirements "
                "and its performance targets.</p>"
            ),
            heading("The Tech Jam and the Expo"),
            paragraph(
                "<p>The Tech Jam, hosted by the City of Portland, Oregon from 20 to 22 June 2018, is where teams "
                "form and develop their projects. The concluding GCTC Expo takes place in winter 2018, where "
                "teams present what they have achieved.</p>"
            ),
            # The seed's GCTC 2017 figures lost their numbers, so the page shows figures of 2018 the seed does give,
            # as an editor would type them: with their year and source, beside the live ones.
            heading("In 2018", level="h3"),
            year_figure("5", "Themes at the clusters' launch", year=2018, source_url=WEGO_URL, source_name="WeGO"),
            year_figure("3", "Days of the Tech Jam in Portland", year=2018, source_url=GCTC_URL, source_name="NIST"),
            heading("The clusters today", level="h3"),
            live_figure("active_clusters"),
            live_figure("countries", caption="Countries represented in our events and case studies"),
            call_to_action(
                "WeGO's Thematic Clusters carry the same approach through the year.",
                button_label="See the clusters",
                page=clusters_index,
            ),
            call_to_action(
                "Information on the Tech Jam and registration is on the GCTC website.",
                button_label="Visit the GCTC website",
                url=GCTC_URL,
            ),
        ],
    )


def _form_call_to_action(forms: dict[str, Page] | None, key: str, text: str, button_label: str) -> list[dict]:
    """A call to action to the join form ``key``, once the forms (the join page's children) exist."""
    if not forms or forms.get(key) is None:
        return []
    return [call_to_action(text, button_label=button_label, page=forms[key])]


def join_page(*, clusters_index: Page, gctc: Page, forms: dict[str, Page] | None = None) -> StandardPageSpec:
    """The join page; each section ends with a call to action to its form when ``forms`` are given."""
    return StandardPageSpec(
        slug="join",
        title="How to join & questions",
        intro=(
            "<p>Cities, companies, non-profit organisations, universities and research institutes, and everyone "
            "with an idea for a new theme are welcome.</p>"
        ),
        search_description="How cities and partner organisations join a thematic cluster, and whom to ask.",
        show_contacts=True,
        body=[
            heading("Cities"),
            paragraph(
                "<p>City members are encouraged to apply to the cluster of their choice, including a description "
                "of their project: what it sets out to do, where it stands and what the city hopes to learn "
                "from other members.</p>"
            ),
            *_form_call_to_action(
                forms, "city", "Describe your city's project and choose the clusters it fits.", "Apply as a city"
            ),
            heading("Partners: companies, non-profits and academia"),
            paragraph(
                "<p>Companies, non-profit organisations, universities and research institutes interested in "
                "lending their expert guidance on the clusters' topics may register as partners and describe what "
                "they offer, so that cities looking for partners can find them.</p>"
            ),
            *_form_call_to_action(
                forms,
                "company",
                "Tell cities what your organisation offers and the themes it serves.",
                "Register as a partner",
            ),
            heading("Suggest a theme"),
            paragraph(
                "<p>Additional theme suggestions are welcome. Tell us which theme you would like a cluster for "
                "and which cities or organisations would take part.</p>"
            ),
            *_form_call_to_action(forms, "theme", "Have an idea for a new cluster?", "Suggest a theme"),
            call_to_action(
                "Not sure which cluster fits your project?",
                button_label="Browse the clusters",
                page=clusters_index,
            ),
            heading("Questions"),
            paragraph(
                "<p>For questions regarding either the WeGO Thematic Clusters or the "
                f'<a id="{gctc.pk}" linktype="page">GCTC action clusters</a>, please contact the people '
                "below.</p>"
            ),
        ],
    )


def about_page(*, join: Page) -> StandardPageSpec:
    return StandardPageSpec(
        slug="about",
        title="About the initiative",
        intro=(
            "<p>The Thematic Clusters are an initiative of WeGO, the World Smart Sustainable Cities Organization.</p>"
        ),
        search_description="About WeGO and its Thematic Clusters initiative.",
        body=[
            heading("WeGO"),
            paragraph(
                "<p>WeGO is an international association of cities, city governments and smart-technology "
                "solution providers committed to transforming cities into smart sustainable cities. Its "
                "mission is to bring smart sustainable solutions to all.</p>"
            ),
            heading("The Thematic Clusters initiative"),
            quote(SEED_MISSION, attribution="WeGO, announcing the Thematic Clusters (2018)"),
            paragraph(
                "<p>Each cluster, centred on its theme, brings together cities, private-sector entities, "
                "non-profit organisations and academia to discuss specific projects. Best-practice cases from "
                "cities with similar projects are explained for guidance, and introductions are made to "
                "companies with relevant and beneficial solutions.</p>"
            ),
            paragraph(
                "<p>A leader who is an expert on the theme facilitates each cluster's activity and "
                "communication, which take place throughout the year in the theme's private discussion "
                "group.</p>"
            ),
            live_figure("active_clusters"),
            live_figure("case_studies"),
            call_to_action("Would your city or organisation like to take part?", button_label="Join", page=join),
        ],
    )


FOOTER_TEXT = (
    "WeGO Thematic Clusters bring cities, companies, non-profit organisations and academia together around "
    "smart sustainable city themes."
)
FOOTER_NAME = "Main footer"
ORGANISATION_NAME = "World Smart Sustainable Cities Organization (WeGO)"
SOCIAL_LINKS = [
    ("WeGO", "https://we-gov.org/"),
    ("Global City Teams Challenge", GCTC_URL),
]
