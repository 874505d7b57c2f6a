"""The programme pages under home: /gctc/, /join/ and /about/."""

from cluster_pages.models import ClusterIndexPage, StandardPage
from home.models import HomePage

from .content.standard_pages import StandardPageSpec, about_page, gctc_page, join_page
from .pages import page_ensure
from .report import LoadReport


def _standard_page_ensure(*, home: HomePage, spec: StandardPageSpec, report: LoadReport) -> StandardPage:
    return page_ensure(
        parent=home,
        page_class=StandardPage,
        slug=spec.slug,
        title=spec.title,
        intro=spec.intro,
        body=spec.body,
        show_contacts=spec.show_contacts,
        search_description=spec.search_description,
        show_in_menus=True,
        report=report,
    )


def programme_pages_ensure(
    *, home: HomePage, clusters_index: ClusterIndexPage, report: LoadReport
) -> dict[str, StandardPage]:
    """GCTC, join (which later issues give form pages as children) and about, in menu order; keyed by slug."""
    gctc = _standard_page_ensure(home=home, spec=gctc_page(clusters_index=clusters_index), report=report)
    join = _standard_page_ensure(home=home, spec=join_page(clusters_index=clusters_index, gctc=gctc), report=report)
    about = _standard_page_ensure(home=home, spec=about_page(join=join), report=report)
    return {"gctc": gctc, "join": join, "about": about}
