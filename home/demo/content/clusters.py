"""The five thematic clusters named in the seed, with what each one works on."""

from dataclasses import dataclass

from cluster_pages.models import ClusterStatus

from ..stream import heading, paragraph

CLUSTER_INDEX_TITLE = "Thematic clusters"
CLUSTER_INDEX_INTRO = (
    "<p>Each cluster gathers cities, companies, non-profit organisations and universities around one theme. "
    "Members discuss their projects, ongoing or completed, learn from cities that have done something similar "
    "and meet companies with relevant solutions. Some clusters are still forming and will launch shortly.</p>"
)


@dataclass(frozen=True)
class ClusterSpec:
    slug: str
    title: str
    status: str
    summary: str
    body: list

    @property
    def discussion_url(self) -> str:
        # The seed's clusters talk between events in a private Google Group, one per theme.
        return f"https://groups.google.com/g/wego-{self.slug}"


def _body(*, focus: str, members: str, activities: list[str]) -> list:
    return [
        heading("What the cluster works on"),
        paragraph(focus),
        heading("Who takes part"),
        paragraph(members),
        heading("How the cluster works"),
        paragraph("<ul>" + "".join(f"<li>{item}</li>" for item in activities) + "</ul>"),
    ]


CLUSTERS = [
    ClusterSpec(
        slug="living-labs-for-open-innovation",
        title="Living Labs for Open Innovation",
        status=ClusterStatus.ACTIVE,
        summary=(
            "Cities that test new services in real neighbourhoods with residents, companies and universities, "
            "and share what worked."
        ),
        body=_body(
            focus=(
                "<p>A living lab turns a street, a district or a public building into a place where a city tries "
                "out a new service together with the people who will use it. The cluster compares how cities "
                "choose a test area, recruit residents, share data with partners and decide whether a pilot "
                "should grow into a permanent service.</p>"
            ),
            members=(
                "<p>City innovation offices, universities that run urban labs, start-ups looking for a real "
                "setting to test in, and community organisations that make sure residents have a say.</p>"
            ),
            activities=[
                "Members present a living lab they run or plan, and others comment on its design.",
                "Cities with a completed pilot explain its results and what they would change.",
                "Companies describe solutions ready for testing, so cities can find partners.",
            ],
        ),
    ),
    ClusterSpec(
        slug="smart-governance",
        title="Smart Governance",
        status=ClusterStatus.ACTIVE,
        summary=(
            "Open data, citizen participation and data-informed decisions: how city governments work "
            "more openly and more effectively."
        ),
        body=_body(
            focus=(
                "<p>Smart governance is about how a city decides, not only which technology it buys. The "
                "cluster looks at open-data portals, participatory budgeting, dashboards for city managers and "
                "the rules that let departments share data while protecting residents' privacy.</p>"
            ),
            members=(
                "<p>Mayors' offices and policy units, open-data teams, civic-technology groups and researchers "
                "in public administration.</p>"
            ),
            activities=[
                "Exchanges on open-data policies and the licences cities publish under.",
                "Case reviews of participation platforms, including how many residents they really reach.",
                "Peer advice on data-governance frameworks before a city adopts one.",
            ],
        ),
    ),
    ClusterSpec(
        slug="digital-government-platform",
        title="Digital Government Platform",
        status=ClusterStatus.FORMING,
        summary=(
            "Shared digital platforms for municipal services: identity, payments, permits and records "
            "that every department can build on."
        ),
        body=_body(
            focus=(
                "<p>Many cities run dozens of separate systems for permits, taxes and appointments. This cluster "
                "is for cities moving to shared building blocks, such as one sign-in, one payment service and "
                "one case-management platform, so that residents give their information once.</p>"
            ),
            members=(
                "<p>Chief information officers and digital-service teams, platform providers and national "
                "agencies that offer components cities can reuse.</p>"
            ),
            activities=[
                "Comparisons of platform architectures and how cities procured them.",
                "Guidance on moving services one at a time without disrupting residents.",
                "The cluster is forming: cities interested in leading it are welcome to get in touch.",
            ],
        ),
    ),
    ClusterSpec(
        slug="smart-mobility",
        title="Smart Mobility",
        status=ClusterStatus.ACTIVE,
        summary=(
            "Public transport, shared and on-demand services, traffic data and safer streets: moving people "
            "with less congestion and fewer emissions."
        ),
        body=_body(
            focus=(
                "<p>The cluster covers how cities plan and run mobility with data: real-time public transport "
                "information, demand-responsive services for areas buses serve poorly, traffic-signal "
                "management, and the data that shared bikes and scooters should report to the city.</p>"
            ),
            members=(
                "<p>Transport departments and operators, mobility start-ups, mapping and data companies, and "
                "university transport research groups.</p>"
            ),
            activities=[
                "Project clinics where a city presents a mobility plan and members suggest improvements.",
                "Shared requirements for mobility data, so cities ask providers for the same formats.",
                "Introductions between cities and companies whose solutions have worked elsewhere.",
            ],
        ),
    ),
    ClusterSpec(
        slug="smart-utility-waste-management",
        title="Smart Utility & Waste Management",
        status=ClusterStatus.FORMING,
        summary=(
            "Water, energy and waste services run with sensors and data: fewer losses, better-planned "
            "collection and more recycling."
        ),
        body=_body(
            focus=(
                "<p>Utilities lose water through leaks, collect half-empty bins and struggle to plan for peaks. "
                "The cluster is for cities using metering, sensors and route planning to run water, energy and "
                "waste services more efficiently, and for those building a circular economy.</p>"
            ),
            members=(
                "<p>Municipal utilities and waste departments, sensor and software providers, recycling "
                "enterprises and environmental researchers.</p>"
            ),
            activities=[
                "Reviews of pilots such as smart water metering and fill-level sensors on bins.",
                "Discussions of business models, from utility-owned systems to service contracts.",
                "The cluster is forming and will launch once enough member cities have joined.",
            ],
        ),
    ),
]
