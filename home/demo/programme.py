"""The programme pages under home: /gctc/, /join/ with its three forms, and /about/."""

from wagtail.models import Page

from cluster_pages.models import ClusterIndexPage, StandardPage
from home.models import HomePage

from .applications import form_pages_ensure
from .content.standard_pages import StandardPageSpec, about_page, gctc_page, join_page
from .pages import page_ensure, page_publish
from .report import LoadReport


def standard_page_ensure(
    *, home: HomePage, spec: StandardPageSpec, report: LoadReport, show_in_menus: bool = True
) -> StandardPage:
    """A StandardPage under home from its spec (created once, never rewritten)."""
    return page_ensure(
        parent=home,
        page_class=StandardPage,
        slug=spec.slug,
        title=spec.title,
        intro=spec.intro,
        body=spec.body,
        show_contacts=spec.show_contacts,
        search_description=spec.search_description,
        show_in_menus=show_in_menus,
        report=report,
    )


def programme_pages_ensure(*, home: HomePage, clusters_index: ClusterIndexPage, report: LoadReport) -> dict[str, Page]:
    """GCTC, join and about in menu order, keyed by slug, and the join forms keyed "city", "company", "theme"."""
    gctc = standard_page_ensure(home=home, spec=gctc_page(clusters_index=clusters_index), report=report)
    join = standard_page_ensure(home=home, spec=join_page(clusters_index=clusters_index, gctc=gctc), report=report)
    forms = form_pages_ensure(join=join, report=report)
    if join in report.created_objects:
        # The forms are the join page's children, so its calls to action to them can only follow them.
        join.body = join_page(clusters_index=clusters_index, gctc=gctc, forms=forms).body
        page_publish(page=join)
    about = standard_page_ensure(home=home, spec=about_page(join=join), report=report)
    return {"gctc": gctc, "join": join, "about": about, **forms}
