"""Applicants' uploads, served only to staff who may see the submission."""

from pathlib import PurePath

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from ..models import SubmittedFile
from ..selectors import user_may_see_submission


# Staff sign in to the admin, so that is where an anonymous visitor is sent.
@login_required(login_url=reverse_lazy("wagtailadmin_login"))
@require_http_methods(["GET", "HEAD"])
def submitted_file_download(request, pk):
    record = get_object_or_404(SubmittedFile.objects.select_related("content_type"), pk=pk)
    submission = record.submission
    if submission is None:
        raise Http404("The submission of this file no longer exists.")
    submission = getattr(submission, "specific", submission)
    if not user_may_see_submission(user=request.user, submission=submission):
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
