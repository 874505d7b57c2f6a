"""The staff digest's "Sessions of your clusters this week": what a leader (or a coordinator, for every cluster)
has coming in the next seven days, each linking to its check-in list."""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workflows.digest import SECTION_LIMIT, DigestItem, DigestSection, register_digest_section
from workflows.models import RegistrationState

from .selectors import sessions_managed_by

DAYS = 7


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@register_digest_section
def sessions_this_week(*, user, today) -> DigestSection | None:
    """The sessions ``user`` manages starting from ``today`` to six days after, soonest first, with their places
    taken; None for someone who manages none."""
    sessions = (
        sessions_managed_by(user)
        .filter(starts_at__gte=_start_of(today), starts_at__lt=_start_of(today + datetime.timedelta(days=DAYS)))
        .annotate(
            taken=Count(
                "registrations",
                filter=Q(registrations__state__in=[RegistrationState.CONFIRMED, RegistrationState.ATTENDED]),
            )
        )
        .order_by("starts_at", "pk")
    )
    rows = list(sessions[: SECTION_LIMIT + 1])
    if not rows:
        return None
    check_in = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("check_in:index")
    items = [
        DigestItem(
            text=_("%(session)s (%(event)s), %(when)s: %(taken)s of %(places)s places taken")
            % {
                "session": session.title,
                "event": session.page.title,
                "when": date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT"),
                "taken": session.taken,
                "places": session.places,
            },
            url=f"{check_in}?{urlencode({'session': session.pk})}",
        )
        for session in rows[:SECTION_LIMIT]
    ]
    more = sessions.count() - SECTION_LIMIT if len(rows) > SECTION_LIMIT else 0
    return DigestSection(title=_("Sessions of your clusters this week"), items=items, more=more)
