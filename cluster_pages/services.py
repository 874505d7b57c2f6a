"""Writes of the site's application kinds that go beyond the plugin: theme suggestions start clusters."""

from django.db import transaction
from django.utils.text import Truncator, slugify
from wagtail.log_actions import log

from workflows.services import perform_transition

from .models import ClusterIndexPage, ClusterStatus, ThematicClusterPage


def _free_slug(parent, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:240] or "theme"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def cluster_index_for(suggestion) -> ClusterIndexPage:
    """The cluster index of the site the suggestion came from (the first one when that is unknown)."""
    indexes = ClusterIndexPage.objects.all()
    if suggestion.form_page_id:
        site = suggestion.form_page.get_site()
        if site is not None:
            indexes = indexes.descendant_of(site.root_page, inclusive=True)
    index = indexes.order_by("path").first() or ClusterIndexPage.objects.order_by("path").first()
    if index is None:
        raise ClusterIndexPage.DoesNotExist("There is no cluster index page to add the new cluster to.")
    return index


def cluster_draft_from_suggestion(*, suggestion) -> ThematicClusterPage:
    """A draft (not live) "forming" cluster page named after the suggested theme, for editors to finish.

    Called when a suggestion is accepted (``cluster_pages.kinds``), inside ``perform_transition``'s transaction
    and lock.
    """
    index = cluster_index_for(suggestion)
    title = suggestion.proposed_theme.strip()
    page = ThematicClusterPage(
        title=title,
        slug=_free_slug(index, title),
        summary=Truncator(" ".join(suggestion.why_it_matters.split())).chars(255),
        status=ClusterStatus.FORMING,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(log_action=False)
    log(page, "wagtail.create", title=page.title, data={"theme_suggestion": suggestion.reference})
    return page


def theme_suggestion_decide(*, suggestion, user, accept: bool, note: str = "", message: str = ""):
    """Accept (creating the draft cluster page) or decline a theme suggestion, as a Coordinator.

    A thin name for the admin and tests: it is ``perform_transition`` with "accept" or "decline", so the
    row lock, permission check, log rows and notifications are the plugin's. Raises its TransitionErrors.
    """
    with transaction.atomic():
        return perform_transition(
            application=suggestion, name="accept" if accept else "decline", user=user, note=note, message=message
        )
