"""The bare-Django ceiling for ``make bench-http``: a view that validates a small form and does one INSERT.

Same middleware, settings and database as the site (CSRF included); no Wagtail routing, no page, no template.
"""

from django import forms
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.views.decorators.http import require_http_methods

from .models import BareSubmission


class BareForm(forms.ModelForm):
    class Meta:
        model = BareSubmission
        fields = ["name", "email", "message"]


@require_http_methods(["GET", "POST"])
def bare_submission(request):
    if request.method == "GET":
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')
    form = BareForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text())
    submission = form.save()
    return HttpResponse(f"<p>Thank you: {submission.pk}</p>")
