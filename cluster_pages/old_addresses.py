"""Addresses that moved: the old one answers with a permanent redirect to where its page lives now."""

from django.http import Http404, HttpResponsePermanentRedirect
from wagtail import views as wagtail_views

from .join_forms import join_forms
from .models import CompanyRegistrationFormPage


def partner_registration_moved(request):
    """/<lang>/join/company/ (the company registration, before every kind of partner registered) → the partner
    registration form in the request's language, wherever editors keep it, with the query kept (``?cluster=``)."""
    form_page = join_forms(request=request, kinds={"company": CompanyRegistrationFormPage}).company
    if form_page is None:
        raise Http404
    url = form_page.get_url(request=request)
    if url == request.path:
        # A site whose form still lives at the old address (not migrated, or named so again): serve it there.
        return wagtail_views.serve(request, request.path_info.split("/", 2)[2])
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
