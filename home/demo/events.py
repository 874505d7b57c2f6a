"""/events/ and its events."""

from cluster_pages.models import EventIndexPage, EventPage, ThematicClusterPage
from home.models import HomePage

from .content.events import EVENT_INDEX_INTRO, EVENT_INDEX_TITLE, EVENTS
from .illustrations import demo_scene_for
from .images import demo_illustration_ensure
from .pages import page_ensure
from .report import LoadReport


def events_ensure(*, home: HomePage, clusters: dict[str, ThematicClusterPage], report: LoadReport) -> EventIndexPage:
    """The event index with the seed's 2018 events and two upcoming ones."""
    index = page_ensure(
        parent=home,
        page_class=EventIndexPage,
        slug="events",
        title=EVENT_INDEX_TITLE,
        intro=EVENT_INDEX_INTRO,
        show_in_menus=True,
        report=report,
    )
    for spec in EVENTS:
        page_ensure(
            parent=index,
            page_class=EventPage,
            slug=spec.slug,
            title=spec.title,
            start_date=spec.start_date,
            end_date=spec.end_date,
            start_time=spec.start_time,
            end_time=spec.end_time,
            time_zone=spec.time_zone,
            kind=spec.kind,
            city=spec.city,
            country=spec.country,
            venue=spec.venue,
            organisers=spec.organisers,
            summary=spec.summary,
            search_description=spec.summary,
            description=spec.description,
            registration_url=spec.registration_url,
            related_clusters=[clusters[slug] for slug in spec.cluster_slugs],
            listing_image=demo_illustration_ensure(scene_name=demo_scene_for(spec.slug), report=report),
            report=report,
        )
    return index
