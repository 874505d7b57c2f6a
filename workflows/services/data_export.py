"""The applicant asks for their data from the status page: a download link, valid for a while, is mailed.

The export itself is never shown on the page, and the link goes only to the address on file, so a status
link that leaked does not leak the applicant's other applications. The link is signed, names the submission
*and the address it was mailed to*, and expires after ``WORKFLOW_FORMS_DATA_EXPORT_LINK_HOURS`` (default 48):
it exports only that address's data, and only while the submission still has that address, so a link cannot
be turned into someone else's export by changing the address it was asked from. One request per submission is
honoured every ``WORKFLOW_FORMS_DATA_EXPORT_INTERVAL_MINUTES`` (default 15).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ..models import Notification
from ..registry import as_specific
from ..selectors.personal_data import is_erased_address
from .notifications import applicant_mail_queue, public_root_url

EXPORT_MAIL = "applicant_data_export"
SIGNING_SALT = "workflow_forms.applicant_data_export"


class ExportRecentlyRequested(Exception):
    """A data export of this submission was mailed a moment ago; another is not sent yet."""


def link_hours() -> int:
    return getattr(settings, "WORKFLOW_FORMS_DATA_EXPORT_LINK_HOURS", 48)


def request_interval() -> datetime.timedelta:
    return datetime.timedelta(minutes=getattr(settings, "WORKFLOW_FORMS_DATA_EXPORT_INTERVAL_MINUTES", 15))


class ExportAddressChanged(Exception):
    """The link was mailed to an address the submission no longer has: it exports nothing."""


def _address_key(email: str) -> str:
    return (email or "").strip().casefold()


def export_link_token(submission) -> str:
    specific = as_specific(submission)
    content_type = ContentType.objects.get_for_model(specific)
    payload = [content_type.pk, specific.pk, _address_key(specific.applicant_email)]
    return signing.dumps(payload, salt=SIGNING_SALT, compress=True)


def submission_for_export_link(token: str):
    """The submission a download link was made for, while the link is valid and its data not erased; or None.

    Raises ``ExportAddressChanged`` when the submission's address is no longer the one the link was mailed to.
    """
    try:
        content_type_id, pk, email = signing.loads(
            token, salt=SIGNING_SALT, max_age=datetime.timedelta(hours=link_hours())
        )
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except (signing.BadSignature, ValueError, TypeError, ContentType.DoesNotExist):
        return None
    submission = model._default_manager.filter(pk=pk).first() if model is not None else None
    if submission is None or is_erased_address(submission.applicant_email) or not isinstance(email, str):
        return None
    if _address_key(submission.applicant_email) != email:
        raise ExportAddressChanged
    return as_specific(submission)


def applicant_data_export_request(*, submission) -> Notification:
    """Mail the download link of everything held about the submission's address to that address."""
    specific = as_specific(submission)
    content_type = ContentType.objects.get_for_model(specific)
    with transaction.atomic():
        recent = Notification.objects.filter(
            content_type=content_type,
            object_id=specific.pk,
            template=EXPORT_MAIL,
            created_at__gte=timezone.now() - request_interval(),
        )
        if recent.exists():
            raise ExportRecentlyRequested()
        return applicant_mail_queue(
            submission=specific,
            template=EXPORT_MAIL,
            language=specific.mail_language,
            extra=lambda: {
                "export_url": public_root_url(specific)
                + reverse("workflow_forms:data_export_download", args=[export_link_token(specific)]),
                "link_hours": link_hours(),
            },
        )
