"""Finding a submission's records: the logs, notes, notifications, files and assessments that point at it."""

from django.contrib.contenttypes.models import ContentType

from ..registry import as_specific


def records_filter(submission) -> dict:
    """Lookup kwargs for the records (logs, notes, notifications, files) of ``submission``."""
    specific = as_specific(submission)
    return {"content_type": ContentType.objects.get_for_model(specific), "object_id": specific.pk}
