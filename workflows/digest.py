"""What the daily staff digest lists for one person, and the registry other parts of a site add sections with.

A section is a title and items (a line of text and the link that opens the right screen). The plugin gives two:
the applications the person can move on now ("Awaiting your action": the transitions their role allows, and
requests they made that are overdue) and the assessments asked of them (overdue ones first). A site adds its own
with ``register_digest_section``, e.g. the sessions of the clusters a person leads this week::

    from workflows.digest import DigestItem, DigestSection, register_digest_section

    @register_digest_section
    def sessions_this_week(*, user, today):
        sessions = ...  # the user's clusters' sessions from today to today + 6 days
        return DigestSection(title=_("Sessions of your clusters this week"), items=[
            DigestItem(text=f"{s.title}, {date_format(s.start)}", url=s.full_url) for s in sessions
        ])

Each section function is called in the recipient's admin language and returns a section or None; sections
without items are left out, and nothing is sent when every section is empty.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

#: How many items a section lists; the rest are counted ("and 12 more").
SECTION_LIMIT = 20


@dataclass
class DigestItem:
    text: str
    url: str = ""


@dataclass
class DigestSection:
    title: str
    items: list[DigestItem] = field(default_factory=list)
    more: int = 0  # items left out beyond SECTION_LIMIT


_sections: list[Callable] = []


def register_digest_section(function: Callable) -> Callable:
    """Add a section to every digest: ``function(*, user, today)`` returns a ``DigestSection`` or None."""
    if function not in _sections:
        _sections.append(function)
    return function


def digest_sections(*, user, today) -> list[DigestSection]:
    """The sections with something in them, the plugin's first."""
    found = []
    for function in (awaiting_action_section, assessments_section, *_sections):
        section = function(user=user, today=today)
        if section is not None and (section.items or section.more):
            found.append(section)
    return found


def awaiting_action_section(*, user, today) -> DigestSection | None:
    from .admin.actions import awaiting_action_q
    from .models import Application
    from .selectors.staff import applications_visible_to, specifics_of
    from .workspaces import submission_admin_url

    rows = applications_visible_to(user=user).filter(awaiting_action_q(model=Application, user=user))
    rows = rows.order_by("submitted_at", "pk")
    total = rows.count()
    if not total:
        return None
    items = [
        DigestItem(
            text=_("%(reference)s from %(applicant)s: %(state)s")
            % {"reference": row.reference, "applicant": row.applicant_name, "state": row.get_state_display()},
            url=submission_admin_url(row, "inspect"),
        )
        for row in specifics_of(list(rows[:SECTION_LIMIT]))
    ]
    return DigestSection(title=_("Awaiting your action"), items=items, more=max(total - SECTION_LIMIT, 0))


def assessments_section(*, user, today) -> DigestSection | None:
    from .models import Assessment
    from .registry import as_specific
    from .workspaces import submission_admin_url

    requests = list(Assessment.objects.awaited().filter(reviewer=user).order_by("due_date", "requested_at", "pk")[:200])
    if not requests:
        return None
    requests.sort(key=lambda request: (not request.is_overdue(today), request.due_date or today, request.pk))
    items = []
    for request in requests[:SECTION_LIMIT]:
        submission = request.submission
        if submission is None:
            continue
        specific = as_specific(submission)
        if request.due_date is None:
            text = specific.reference
        else:
            wording = (
                _("%(reference)s: overdue, it was due on %(date)s")
                if request.is_overdue(today)
                else _("%(reference)s: due on %(date)s")
            )
            text = wording % {"reference": specific.reference, "date": date_format(request.due_date, "DATE_FORMAT")}
        items.append(DigestItem(text=text, url=submission_admin_url(specific, "assessment")))
    return DigestSection(title=_("Assessments asked of you"), items=items, more=max(len(requests) - SECTION_LIMIT, 0))
