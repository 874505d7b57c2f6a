"""The four 2018 events from the seed, and two invented upcoming ones so "upcoming" lists are not empty."""

import datetime
from dataclasses import dataclass

from cluster_pages.models import EventKind

from ..stream import paragraph

EVENT_INDEX_TITLE = "Events"
EVENT_INDEX_INTRO = (
    "<p>Cluster members meet in person at WeGO's events and at the Global City Teams Challenge, and online "
    "between them. Subscribe to the calendar feed to keep upcoming events in your own calendar.</p>"
)

ALL_CLUSTERS = (
    "living-labs-for-open-innovation",
    "smart-governance",
    "digital-government-platform",
    "smart-mobility",
    "smart-utility-waste-management",
)


@dataclass(frozen=True)
class EventSpec:
    slug: str
    title: str
    start_date: datetime.date
    end_date: datetime.date
    time_zone: str
    kind: str
    city: str
    country: str
    organisers: str
    summary: str
    description: list
    cluster_slugs: tuple[str, ...]
    venue: str = ""
    registration_url: str = ""
    # Local times in ``time_zone``; None for an all-day event.
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None


EVENTS = [
    EventSpec(
        slug="seoul-wego-global-digital-summit-2018",
        title="Seoul-WeGO Global Digital Summit 2018",
        start_date=datetime.date(2018, 9, 18),
        end_date=datetime.date(2018, 9, 19),
        time_zone="Asia/Seoul",
        kind=EventKind.SUMMIT,
        city="Seoul",
        country="KR",
        organisers="WeGO and the Seoul Metropolitan Government",
        summary="A global smart-cities summit where Thematic Cluster participants can meet in person.",
        description=[
            paragraph(
                "<p>The Seoul-WeGO Global Digital Summit is a global smart-cities event organised by WeGO together "
                "with the Seoul Metropolitan Government. It brings city leaders from around the world to one place "
                "for high-level meetings with their peers and industry leaders, and for panel discussions on the "
                "opportunities and challenges of smart sustainable cities.</p>"
            ),
            paragraph(
                "<p>Thematic Cluster participants can use the summit to meet in person and continue the "
                "discussions they hold in their cluster's online group during the year.</p>"
            ),
        ],
        cluster_slugs=ALL_CLUSTERS,
    ),
    EventSpec(
        slug="wego-executive-committee-meeting-2018",
        title="WeGO Executive Committee Meeting 2018",
        start_date=datetime.date(2018, 10, 17),
        end_date=datetime.date(2018, 10, 19),
        time_zone="Asia/Manila",
        kind=EventKind.COMMITTEE_MEETING,
        city="Quezon City",
        country="PH",
        organisers="WeGO",
        summary="WeGO's annual meeting on its key agenda, co-located with the Philippine Smart City Summit 2018.",
        description=[
            paragraph(
                "<p>The Executive Committee Meeting is WeGO's annual meeting, where the organisation's key agenda "
                "is discussed. In 2018 it takes place in Quezon City, Philippines, co-located with the "
                "<em>Philippine Smart City Summit 2018</em>.</p>"
            ),
            paragraph(
                "<p>As at the Seoul summit, Thematic Cluster participants can meet here for an in-person "
                "discussion.</p>"
            ),
        ],
        cluster_slugs=ALL_CLUSTERS,
    ),
    EventSpec(
        slug="gctc-tech-jam-2018",
        title="GCTC Tech Jam 2018",
        start_date=datetime.date(2018, 6, 20),
        end_date=datetime.date(2018, 6, 22),
        time_zone="America/Los_Angeles",
        kind=EventKind.TECH_JAM,
        city="Portland, Oregon",
        country="US",
        organisers="NIST and DHS S&T, hosted by the City of Portland",
        summary="The Global City Teams Challenge Tech Jam, where action clusters form and develop their projects.",
        description=[
            paragraph(
                "<p>The Tech Jam is the next event of the Global City Teams Challenge (GCTC) 2018, an initiative "
                "of the National Institute of Standards and Technology (NIST) co-hosted this year with the "
                "Department of Homeland Security Science and Technology Directorate (DHS S&amp;T). The City of "
                "Portland, Oregon hosts it.</p>"
            ),
            paragraph(
                "<p>WeGO is helping its members take part as members of action clusters: project teams that "
                "pair cities with technology providers.</p>"
            ),
        ],
        cluster_slugs=("living-labs-for-open-innovation", "smart-mobility", "smart-utility-waste-management"),
    ),
    EventSpec(
        slug="gctc-expo-2018",
        title="GCTC Expo 2018",
        # The seed gives only "winter 2018"; these December dates are indicative, as the summary says.
        start_date=datetime.date(2018, 12, 5),
        end_date=datetime.date(2018, 12, 6),
        time_zone="America/New_York",
        kind=EventKind.EXPO,
        city="Washington, D.C.",
        country="US",
        organisers="NIST and DHS S&T",
        summary="The concluding Global City Teams Challenge Expo, announced for winter 2018 (dates indicative).",
        description=[
            paragraph(
                "<p>The GCTC Expo concludes the 2018 Global City Teams Challenge: action clusters present the "
                "projects they have developed during the year. It was announced for winter 2018; the dates shown "
                "here are indicative.</p>"
            ),
        ],
        cluster_slugs=(
            "living-labs-for-open-innovation",
            "smart-governance",
            "smart-mobility",
            "smart-utility-waste-management",
        ),
    ),
    # Invented upcoming events; their registration addresses are placeholders at example.org.
    EventSpec(
        slug="smart-mobility-data-webinar-2027",
        title="Webinar: Sharing mobility data between cities and operators",
        start_date=datetime.date(2027, 3, 17),
        end_date=datetime.date(2027, 3, 17),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
        time_zone="Asia/Seoul",
        kind=EventKind.WEBINAR,
        city="",
        country="",
        organisers="WeGO Thematic Clusters, Smart Mobility cluster",
        summary="An online session on what mobility data cities should ask operators for, and how to use it.",
        description=[
            paragraph(
                "<p>Members of the Smart Mobility cluster present the data-sharing requirements they set for bike, "
                "scooter and on-demand transport operators, and discuss what they learnt from using the data.</p>"
            ),
            paragraph("<p>The webinar is online and open to member cities and registered companies.</p>"),
        ],
        cluster_slugs=("smart-mobility",),
        registration_url="https://example.org/events/smart-mobility-data-webinar-2027",
    ),
    EventSpec(
        slug="thematic-clusters-summit-2027",
        title="Thematic Clusters Summit 2027",
        start_date=datetime.date(2027, 9, 14),
        end_date=datetime.date(2027, 9, 15),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 30),
        time_zone="Asia/Seoul",
        kind=EventKind.SUMMIT,
        city="Seoul",
        country="KR",
        organisers="WeGO",
        summary="Two days for every cluster to meet in person, review the year's projects and plan the next.",
        description=[
            paragraph(
                "<p>Each cluster holds its own sessions on the first day, with member cities presenting their "
                "projects. The second day brings the clusters together for cross-cutting topics and introductions "
                "between cities and companies.</p>"
            ),
        ],
        cluster_slugs=ALL_CLUSTERS,
        registration_url="https://example.org/events/thematic-clusters-summit-2027",
    ),
]
