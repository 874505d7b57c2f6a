"""/clusters/ and the five thematic cluster pages."""

from cluster_pages.models import ClusterIndexPage, Person, ThematicClusterPage
from home.models import HomePage

from .content.clusters import CLUSTER_INDEX_INTRO, CLUSTER_INDEX_TITLE, CLUSTERS
from .illustrations import demo_scene_for
from .images import demo_illustration_ensure
from .pages import page_ensure
from .report import LoadReport


def clusters_ensure(
    *, home: HomePage, leaders: dict[str, Person], report: LoadReport
) -> tuple[ClusterIndexPage, dict[str, ThematicClusterPage]]:
    """The cluster index and its clusters, keyed by slug."""
    index = page_ensure(
        parent=home,
        page_class=ClusterIndexPage,
        slug="clusters",
        title=CLUSTER_INDEX_TITLE,
        intro=CLUSTER_INDEX_INTRO,
        show_in_menus=True,
        report=report,
    )
    clusters = {
        spec.slug: page_ensure(
            parent=index,
            page_class=ThematicClusterPage,
            slug=spec.slug,
            title=spec.title,
            summary=spec.summary,
            body=spec.body,
            status=spec.status,
            leader=leaders[spec.slug],
            discussion_url=spec.discussion_url,
            search_description=spec.summary,
            show_in_menus=True,
            listing_image=demo_illustration_ensure(scene_name=demo_scene_for(spec.slug), report=report),
            report=report,
        )
        for spec in CLUSTERS
    }
    return index, clusters
