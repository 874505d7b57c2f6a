"""Registering for a session, from its event page (``EventPage``'s ``sessions/<id>/register/`` route).

The form has a page of its own, so the event page stays the same for every reader; the form's page carries a
CSRF token and the answer the registrant's status link, so neither is ever stored by a cache.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from workflows.abuse import rate_limit_exceeded, too_many_requests
from workflows.exceptions import (
    MissingTransitionInput,
    RegistrationClosed,
    RegistrationRefused,
    SlotFull,
    SlotInThePast,
)
from workflows.ids import row_id
from workflows.services.places import registration_create

from ..models import EventRegistration
from .forms import EventRegistrationForm
from .selectors import may_register_as_member, member_details, sessions_of

TEMPLATE = "cluster_pages/session_register.html"


def refusal_for(session):
    """Why ``session`` takes no registration now (a message for the visitor), or None when it does."""
    if session.has_started():
        return SlotInThePast.default_message
    if not session.registration_is_open():
        return RegistrationClosed.default_message
    if session.places_left == 0 and not session.waiting_list_enabled:
        return SlotFull.default_message
    return None


def _render(request, page, context, *, status=200):
    context = {**page.get_context(request), **context}
    if "form" in context:
        form = context["form"]
        context["form_sections"] = [
            {"legend": legend, "fields": [form[name] for name in names]}
            for legend, names in EventRegistration.core_fieldsets
        ]
    response = TemplateResponse(request, TEMPLATE, context, status=status)
    # The form's CSRF token and the new registration's status link belong to one reader only.
    patch_cache_control(response, no_store=True, private=True)
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def session_register(request, page, session_id: int):
    """GET: the session and its form (or why it takes none). POST: register, then say where the person stands."""
    # A 30-digit id in the address overflows the database's integer: no such session, not a server error.
    session = sessions_of(page).filter(pk=session_id).first() if row_id(session_id) else None
    if session is None:
        raise Http404
    context = {"session": session, "sign_in_url": None, "refusal": refusal_for(session)}
    member = False
    if session.members_only:
        member = may_register_as_member(user=request.user, session=session)
        if not member:
            context["sign_in_url"] = f"{reverse('member_login')}?next={request.path}"
    if context["refusal"] or context["sign_in_url"]:
        return _render(request, page, context, status=409 if request.method == "POST" else 200)

    initial = member_details(request.user) if member else {}
    if request.method != "POST":
        form = EventRegistrationForm(page=page, user=request.user, member=member, initial=initial)
        return _render(request, page, {**context, "form": form})
    if rate_limit_exceeded(request, group=f"cluster_pages:session:{session.pk}"):
        return too_many_requests(request, page=page)
    form = EventRegistrationForm(request.POST, page=page, user=request.user, member=member, initial=initial)
    if form.is_valid():
        try:
            result = registration_create(slot=session, fields=form.registrant_fields(), language=get_language())
        except RegistrationRefused as refused:
            return _render(request, page, {**context, "refusal": refused.message}, status=409)
        except MissingTransitionInput as missing:
            for name, message in missing.field_errors.items():
                form.add_error(name if name in form.fields else None, message)
        else:
            return _render(request, page, {**context, "result": result, "status_url": _status_url(request, result)})
    return _render(request, page, {**context, "form": form}, status=422)


def _status_url(request, result):
    if result.token is None:
        return None
    return request.build_absolute_uri(reverse("workflow_forms:status", args=[result.token]))
