"""Load the whole demo site in one transaction; every step skips what already exists."""

from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from .accounts import demo_accounts_ensure
from .applications import demo_submissions_ensure
from .assessments import assessment_criteria_ensure
from .case_studies import case_studies_ensure
from .clusters import clusters_ensure
from .directory import directory_ensure
from .events import events_ensure
from .form_steps import city_form_steps_ensure
from .indexing import search_and_reference_indexes_update
from .korean import korean_translations_ensure
from .korean_snippets import korean_snippet_translations_ensure
from .locales import locale_trees_sync
from .memberships import cluster_leader_accounts_ensure, workspaces_ensure
from .pipeline_history import demo_assessments_ensure, demo_history_spread
from .programme import programme_pages_ensure
from .public_pages import footer_ensure, public_pages_ensure
from .report import LoadReport
from .sessions import summit_sessions_ensure
from .site import default_site_ensure, home_ensure, home_features_set, site_settings_ensure
from .snippets import contacts_ensure, leaders_ensure


@transaction.atomic
# The load writes the reference index of what it made at its end (search_and_reference_indexes_update). Wagtail's
# own task, queued for every save, would run after the load had replaced some of those rows (a page's inline rows,
# rewritten by each revision it publishes) and fail in the worker on rows that no longer exist.
@disable_reference_index_auto_update()
def demo_content_load(*, with_accounts: bool, address: tuple[str, int] | None = None) -> LoadReport:
    """Create the demo pages, snippets, images and settings (and the demo accounts if asked); idempotent."""
    report = LoadReport()
    home, home_created = home_ensure(report=report)
    site = default_site_ensure(home=home, report=report, address=address)
    leaders = leaders_ensure(report=report)
    contacts_ensure(report=report)
    clusters_index, clusters = clusters_ensure(home=home, leaders=leaders, report=report)
    events = events_ensure(home=home, clusters=clusters, report=report)
    summit_sessions_ensure(events=events, clusters=clusters, report=report)
    case_studies_ensure(home=home, clusters=clusters, report=report)
    programme = programme_pages_ensure(home=home, clusters_index=clusters_index, report=report)
    if home_created:
        home_features_set(home=home, clusters=clusters, cta_page=programme["join"])
    site_settings_ensure(site=site, join_page=programme["join"], report=report)
    public_pages = public_pages_ensure(home=home, report=report)
    footer_ensure(site=site, pages=public_pages, report=report)
    workspaces_ensure(clusters=clusters, report=report)
    if with_accounts:
        demo_accounts_ensure(report=report)
        cluster_leader_accounts_ensure(clusters=clusters, report=report)
    form_pages = {kind: programme[kind] for kind in ("city", "company", "theme")}
    demo_submissions_ensure(form_pages=form_pages, clusters=clusters, report=report)
    directory_ensure(home=home, form_pages=form_pages, clusters=clusters, report=report)
    city_form_steps_ensure(page=form_pages["city"], report=report)
    assessment_criteria_ensure(report=report)
    demo_history_spread(report=report)
    demo_assessments_ensure(report=report)
    locale_trees_sync(report=report)
    korean_snippet_translations_ensure(report=report)
    korean_translations_ensure(report=report)
    search_and_reference_indexes_update(objects=report.created_objects)
    return report
