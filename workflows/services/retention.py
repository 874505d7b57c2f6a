"""Retention: submissions left rejected or withdrawn for long are anonymised like an erasure.

``WORKFLOW_FORMS_RETENTION_MONTHS`` (default 24) is how long; a kind's ``retention_states`` say which states
count. The clock starts when the submission entered that state (``state_changed_at``, or its last change
for kinds without that field). A registration (``AbstractRegistration``) is anonymised, whatever its state, once
as long has passed since its slot started: the event is over, and so is the need to know who came.
Run ``manage.py anonymise_expired_applications`` daily (see workflows/README.md,
"Personal data").
"""

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ..models.places import AbstractRegistration
from ..registry import as_specific, submission_models
from ..selectors.personal_data import ERASED_DOMAIN
from .personal_data import submission_anonymise


def retention_months() -> int:
    return getattr(settings, "WORKFLOW_FORMS_RETENTION_MONTHS", 24)


def retention_cutoff(*, now=None):
    return (now or timezone.now()) - relativedelta(months=retention_months())


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def expired_submissions(*, now=None) -> list:
    """Submissions, of every kind, in one of their ``retention_states`` since before the cutoff, not yet anonymised."""
    cutoff = retention_cutoff(now=now)
    found = []
    for model in submission_models():
        # A multi-table parent's rows are its kinds': each kind may declare its own states.
        kinds = [kind for kind in apps.get_models() if issubclass(kind, model)]
        states = {state for kind in kinds for state in kind.retention_states}
        if not states:
            continue
        rows = model._default_manager.filter(state__in=states).exclude(applicant_email__iendswith="@" + ERASED_DOMAIN)
        if _has_field(model, "state_changed_at"):
            rows = rows.filter(Q(state_changed_at__lt=cutoff) | Q(state_changed_at__isnull=True, updated_at__lt=cutoff))
        else:
            rows = rows.filter(updated_at__lt=cutoff)
        specifics = (as_specific(row) for row in rows.order_by("pk"))
        found.extend(row for row in specifics if row.state in type(row).retention_states)
        if issubclass(model, AbstractRegistration):
            seen = {row.pk for row in found if type(row) is model}
            past = model._default_manager.filter(**{f"{model.slot_field}__starts_at__lt": cutoff})
            past = past.exclude(applicant_email__iendswith="@" + ERASED_DOMAIN).exclude(pk__in=seen)
            found.extend(past.order_by("pk"))
    return found


def expired_submissions_anonymise(*, now=None) -> list[str]:
    """Anonymise every expired submission (each in its own transaction). Returns their references."""
    references = []
    for submission in expired_submissions(now=now):
        submission_anonymise(submission=submission, reason="retention")
        references.append(submission.reference or str(submission.pk))
    return references
