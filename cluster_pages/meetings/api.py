"""API v3: events' sessions with the places left, and registering for one (the same service as the event page).

The registrant's status and cancelling by token are the plugin's ``applications/status/{token}/`` operations.
"""

from datetime import datetime
from typing import Annotated

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import problem_response

from workflows.abuse import rate_limit, rate_limit_exceeded
from workflows.api.created import created_answer
from workflows.api.language import LOCALE_PARAMETER, UnknownLocale, requested_language
from workflows.api.params import MAX_ID, ObjectId
from workflows.api.problems import form_errors_problem, merge_openapi, problem_responses
from workflows.api.schemas import SubmissionCreated
from workflows.exceptions import MissingTransitionInput, RegistrationRefused
from workflows.selectors.places import with_places_left
from workflows.services.places import registration_create

from ..models import EventPage
from .forms import EventRegistrationForm
from .selectors import may_register_as_member, original_sessions
from .views import refusal_for

router = Router(tags=["event sessions"], auth=AllowAnonymous())


class EventSessionOut(Schema):
    id: int
    event_id: int
    event_title: str
    title: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str = Field(description="The event's time zone; the times are given with their offset in it.")
    room: str
    online: bool
    cluster_id: int | None
    members_only: bool = Field(description="Only the cluster's signed-in members may register (on the website).")
    places: int
    places_left: int
    waiting_list: bool = Field(description="Whether registrations join a waiting list once the places are taken.")
    waiting: int
    registration_open: bool
    registration_closes_at: datetime


class RegistrationIn(Schema):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "applicant_name": "Ana Lima",
                    "applicant_email": "ana@city.example",
                    "organisation": "Smart City Bureau",
                    "role": "Policy officer",
                    "city": "Seoul",
                    "country": "KR",
                    "accessibility_needs": "",
                    "consent_privacy": True,
                }
            ]
        }
    }

    applicant_name: str = Field(max_length=255)
    applicant_email: str = Field(max_length=254)
    organisation: str = Field(max_length=255)
    role: str = Field(max_length=255)
    city: str = Field(max_length=255)
    country: str = Field(description="ISO 3166-1 alpha-2 code.", max_length=2)
    accessibility_needs: str = Field(default="", max_length=2000)
    consent_privacy: bool = Field(description="Must be true: consent to the privacy notice.")


def _live_event_ids():
    return EventPage.objects.live().public().values("pk")


def _session_out(session) -> dict:
    event = session.page
    zone = event.zone
    return {
        "id": session.pk,
        "event_id": event.pk,
        "event_title": event.title,
        "title": session.title,
        "starts_at": session.starts_at.astimezone(zone),
        "ends_at": session.ends_at.astimezone(zone),
        "time_zone": event.time_zone,
        "room": session.room,
        "online": bool(session.online_url),
        "cluster_id": session.cluster_id,
        "members_only": session.members_only,
        "places": session.places,
        "places_left": session.places_left,
        "waiting_list": session.waiting_list_enabled,
        "waiting": session.waiting_count,
        "registration_open": refusal_for(session) is None,
        "registration_closes_at": session.registration_closes.astimezone(zone),
    }


def _sessions():
    """Sessions of live, public events (in the default language: translations show their original's)."""
    sessions = with_places_left(original_sessions().filter(page_id__in=_live_event_ids()))
    return sessions.select_related("page").order_by("starts_at", "sort_order", "pk")


@router.get(
    "/",
    response=list[EventSessionOut],
    url_name="event_sessions_list",
    operation_id="event_sessions_list",
    summary="Sessions of live events, with the places left",
    description="Every session of a live, public event, earliest first; `event` narrows them to one event.",
    openapi_extra=problem_responses(400, 422),
)
def list_sessions(
    request, event: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Id of an event page.")] = None
):
    sessions = _sessions()
    if event is not None:
        sessions = sessions.filter(page_id=event)
    return [_session_out(session) for session in sessions]


@router.post(
    "/{session_id}/registrations/",
    response={200: SubmissionCreated, 201: SubmissionCreated},
    url_name="event_sessions_register",
    operation_id="event_sessions_register",
    summary="Register for a session",
    description="201: a place (state `confirmed`) or a place on the waiting list (`waiting`), with the private "
    "status token shown this once (status and cancelling: applications/status/{token}/). 200: the address is "
    "registered already: its registration, no second place, no token (its link is mailed again). 409: the "
    "session has started, its registration has closed, or it is full and keeps no waiting list. 403: members "
    "only (register on the website, signed in). Rate limited per IP address and session like the form (429).",
    openapi_extra=merge_openapi({"parameters": [LOCALE_PARAMETER]}, problem_responses(400, 403, 404, 409, 422, 429)),
)
def register(request, session_id: ObjectId, data: RegistrationIn):
    try:
        language = requested_language(request)
    except UnknownLocale as error:
        return error.response
    with translation.override(language):
        return _register(request, session_id, data, language)


def _register(request, session_id: int, data: RegistrationIn, language: str):
    session = _sessions().filter(pk=session_id).first()
    if session is None:
        return problem_response(status=404, detail=_("No session of a live event has this id."))
    refusal = refusal_for(session)
    if refusal:
        return problem_response(status=409, detail=str(refusal))
    if session.members_only and not may_register_as_member(user=request.user, session=session):
        return problem_response(status=403, detail=_("This session is for the cluster's members."))
    if rate_limit_exceeded(request, group=f"cluster_pages:session:{session.pk}"):
        detail = _("Too many submissions from your address (limit %(rate)s). Nothing was saved; try again later.")
        return problem_response(status=429, detail=detail % {"rate": rate_limit()})
    body = data.dict()
    body["consent_privacy"] = "on" if body["consent_privacy"] else ""
    form = EventRegistrationForm(body, page=session.page.specific, user=request.user)
    if not form.is_valid():
        return form_errors_problem(form)
    try:
        result = registration_create(slot=session, fields=form.registrant_fields(), language=language)
    except RegistrationRefused as refused:
        return problem_response(status=409, detail=str(refused.message))
    except MissingTransitionInput:
        return form_errors_problem(form)
    return created_answer(
        request,
        submission=result.registration,
        created=result.created,
        token=result.token,
        sent_already=_(
            "This address has a registration for this session already, so no second place was taken. We have "
            "e-mailed the link to it again."
        ),
    )


_registered = []


def register_router() -> None:
    """Add the sessions to Wagtail's API v3 once (from ``ClusterPagesConfig.ready()``, before its URLs are built)."""
    if _registered:
        return
    # The plugin's routers first (idempotent): they bound the listings' offsets before Wagtail's routes load.
    from workflows.api import register

    register()
    from wagtail.api.v3.api import api

    api.add_router("/event-sessions/", router)
    _registered.append(api)
