"""The applicant's copy of their data: asked for on the status page, downloaded through the mailed link."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..selectors.applicant import private_status_response
from ..selectors.personal_data import applicant_data
from ..services.data_export import (
    ExportAddressChanged,
    ExportRecentlyRequested,
    applicant_data_export_request,
    link_hours,
    submission_for_export_link,
)
from .status_link import submission_for_token, wrong_tokens_limited


@require_http_methods(["GET", "HEAD", "POST"])
@wrong_tokens_limited
def status_data_export(request, token):
    """GET: what will happen (a link mailed to the address on file). POST: queue that mail."""
    submission = submission_for_token(request, token)
    if request.method == "POST":
        try:
            applicant_data_export_request(submission=submission)
        except ExportRecentlyRequested:
            messages.info(request, _("We sent you a link a few minutes ago: please check your e-mail."))
        else:
            messages.success(request, _("We are e-mailing you a link to download your data."))
        return redirect("workflow_forms:status", token=token)
    context = {"submission": submission, "token": token, "link_hours": link_hours()}
    return private_status_response(TemplateResponse(request, "workflows/status_data_export.html", context))


@require_http_methods(["GET", "HEAD"])
def data_export_download(request, signed):
    """The JSON file of everything held about the address, for a link that is valid and not expired."""
    try:
        submission = submission_for_export_link(signed)
    except ExportAddressChanged:
        response = TemplateResponse(request, "workflows/data_export_address_changed.html", status=410)
        return private_status_response(response, referrer_policy="no-referrer")
    if submission is None:
        raise Http404(_("This download link is not valid or has expired."))
    data = applicant_data(email=submission.applicant_email)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="my-application-data.json"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "sandbox"
    return private_status_response(response, referrer_policy="no-referrer")
