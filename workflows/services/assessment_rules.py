"""The rules around assessment requests that ``services.assessments`` asks too: due dates and declared conflicts.

Due dates are dates in the site's time zone (``TIME_ZONE``): a request made at 23:30 in Seoul on the 3rd with 14
days is due on the 17th, whatever the server's clock says in UTC. The default is per kind:
``WORKFLOW_FORMS_ASSESSMENT_DUE_DAYS`` is a number of days for every kind, or a dict from a model's label
(``"cluster_pages.CityApplication"``) to days, with ``"*"`` for the others; a kind may also set the class
attribute ``assessment_due_days``. Without either: 14 days.
"""

import datetime

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from ..models import AssessmentConflict
from ..registry import as_specific
from ..selectors.records import records_filter
from .notifications import staff_language

DEFAULT_DUE_DAYS = 14
#: The longest a due date may lie ahead: a typo like 2062 would silence the reminders for decades.
LATEST_DUE_DAYS = 366


def due_days_for(model) -> int:
    """How many days a reviewer of ``model`` has by default (see the module docstring)."""
    configured = getattr(settings, "WORKFLOW_FORMS_ASSESSMENT_DUE_DAYS", None)
    if isinstance(configured, int):
        return configured
    if isinstance(configured, dict):
        if model._meta.label in configured:
            return int(configured[model._meta.label])
        if "*" in configured:
            return int(configured["*"])
    return int(getattr(model, "assessment_due_days", None) or DEFAULT_DUE_DAYS)


def site_today() -> datetime.date:
    """Today in the site's time zone."""
    return timezone.localdate()


def default_due_date(model) -> datetime.date:
    return site_today() + datetime.timedelta(days=due_days_for(model))


def due_date_error(value: datetime.date) -> str | None:
    """Why ``value`` cannot be a due date (in the past, or more than a year ahead), or None."""
    today = site_today()
    if value < today:
        return _("Choose today or a later date: %(date)s has passed.") % {"date": formats.date_format(value)}
    if value > today + datetime.timedelta(days=LATEST_DUE_DAYS):
        return _("Choose a date within a year from today.")
    return None


def due_date_text(value: datetime.date | None, user) -> str:
    """``value`` written as ``user`` reads dates (their admin language), for their mails."""
    if value is None:
        return ""
    with translation.override(staff_language(user)):
        return formats.date_format(value, "DATE_FORMAT")


# -- conflicts of interest ------------------------------------------------------------------------


def conflicts_of(submission):
    return AssessmentConflict.objects.filter(**records_filter(submission))


def user_has_conflict(*, submission, user) -> bool:
    """Whether ``user`` declared (or was recorded with) a conflict of interest with ``submission``."""
    if not getattr(user, "is_authenticated", False):
        return False
    return conflicts_of(as_specific(submission)).filter(user=user).exists()


def conflict_refusal_text() -> str:
    return _(
        "You declared a conflict of interest with this application, so its assessments are not shown to you "
        "and you cannot assess it. A coordinator can tell you more."
    )


def conflicted_pairs(content_type_ids) -> set[tuple[int, int]]:
    """(object id, user id) of every declared conflict with rows of these content types: asked once for many rows."""
    return set(
        AssessmentConflict.objects.filter(content_type_id__in=content_type_ids).values_list("object_id", "user_id")
    )


def ended_request_text(assessment) -> str:
    """Why a declined or withdrawn request can no longer be answered."""
    if assessment.declined_at is not None:
        return _("You declined this assessment request: it can no longer be given.")
    return _("A coordinator withdrew this assessment request: it can no longer be given.")
