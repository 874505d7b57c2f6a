"""Cluster leaders (fictional experts) and the seed's two contacts for questions."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LeaderSpec:
    cluster_slug: str
    name: str
    organisation: str
    bio: str


@dataclass(frozen=True)
class ContactSpec:
    name: str
    topic: str
    organisation: str
    email: str
    sort_order: int


# Invented names and organisations: none of them is, or stands for, a real person or institution.
LEADERS = [
    LeaderSpec(
        cluster_slug="living-labs-for-open-innovation",
        name="Dr. Ines Valcourt",
        organisation="Riverside Urban Living Lab Network",
        bio=(
            "Urban researcher who has set up neighbourhood living labs with city departments, residents and "
            "small companies, and who writes on how cities can test services with the people who will use them."
        ),
    ),
    LeaderSpec(
        cluster_slug="smart-governance",
        name="Prof. Daniel Okafor-Lind",
        organisation="Northbridge Institute for Civic Technology",
        bio=(
            "Professor of public management whose work covers open data, participatory budgeting and the "
            "governance of data shared between city departments."
        ),
    ),
    LeaderSpec(
        cluster_slug="digital-government-platform",
        name="Min-seo Kang",
        organisation="Civic Platforms Studio",
        bio=(
            "Service designer and former city chief digital officer who has led the move of municipal permits "
            "and payments onto shared, reusable platforms."
        ),
    ),
    LeaderSpec(
        cluster_slug="smart-mobility",
        name="Rafael Quintero",
        organisation="Andes Centre for Mobility Research",
        bio=(
            "Transport engineer who works with cities on demand-responsive transit, open mobility data and "
            "safer streets for walking and cycling."
        ),
    ),
    LeaderSpec(
        cluster_slug="smart-utility-waste-management",
        name="Amina Otieno",
        organisation="Lakeside Circular Economy Institute",
        bio=(
            "Environmental engineer who advises utilities on sensor-based water-loss reduction and on waste "
            "collection planned from measured fill levels."
        ),
    ),
]

# The seed names these two contacts but its capture cut their e-mail addresses: the example.org
# addresses below are placeholders, to be replaced in Snippets › Contacts before going live.
CONTACTS = [
    ContactSpec(
        name="Anthony Levero",
        topic="WeGO Thematic Clusters",
        organisation="WeGO Secretariat",
        email="anthony.levero@example.org",
        sort_order=1,
    ),
    ContactSpec(
        name="Alexandra Sidorova",
        topic="GCTC Action Clusters",
        organisation="WeGO Secretariat",
        email="alexandra.sidorova@example.org",
        sort_order=2,
    ),
]
