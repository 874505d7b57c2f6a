"""Applicants' uploads, served only to staff who may see the submission."""

from pathlib import PurePath

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from ..actors import submission_identity
from ..models import SubmittedFile


def user_may_see_submission(user, submission) -> bool:
    """Staff with the view permission of the submission's (root) model, or a leader of its assigned target."""
    if not user.is_active:
        return False
    root_label, _pk = submission_identity(submission)
    app_label, model_name = root_label.split(".")
    if user.has_perm(f"{app_label}.view_{model_name.lower()}"):
        return True
    manages = getattr(submission, "user_manages_target", None)
    return bool(manages and manages(user))


# Staff sign in to the admin, so that is where an anonymous visitor is sent.
@login_required(login_url=reverse_lazy("wagtailadmin_login"))
@require_http_methods(["GET", "HEAD"])
def submitted_file_download(request, pk):
    record = get_object_or_404(SubmittedFile.objects.select_related("content_type"), pk=pk)
    submission = record.submission
    if submission is None:
        raise Http404("The submission of this file no longer exists.")
    submission = getattr(submission, "specific", submission)
    if not user_may_see_submission(request.user, submission):
        raise PermissionDenied
    try:
        handle = record.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing from storage.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=PurePath(record.original_name).name or "upload",
        content_type=record.content_type_detected or "application/octet-stream",
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response
