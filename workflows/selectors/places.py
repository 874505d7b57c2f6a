"""Reads about places: which registration kind a slot takes, how many places are left, who waits, who is due a
reminder. The services count under the slot's lock with these; pages and the API list slots with them."""

import datetime

from django.apps import apps
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Greatest

from ..models.places import PLACE_HOLDING_STATES, AbstractRegistration, RegistrationState


def registration_kinds() -> list[type[AbstractRegistration]]:
    """Every concrete registration kind the site installs."""
    return [model for model in apps.get_models() if issubclass(model, AbstractRegistration)]


def registration_model_for(slot_model) -> type[AbstractRegistration]:
    """The registration kind whose ``slot_field`` points at ``slot_model`` (a model or an instance)."""
    slot_model = slot_model if isinstance(slot_model, type) else type(slot_model)
    kinds = [kind for kind in registration_kinds() if kind._meta.get_field(kind.slot_field).related_model is slot_model]
    if len(kinds) != 1:
        raise LookupError(f"{slot_model._meta.label} needs exactly one registration kind, found {len(kinds)}")
    return kinds[0]


def registrations_of(slot) -> QuerySet:
    kind = registration_model_for(slot)
    return kind._default_manager.filter(**{kind.slot_field: slot})


def places_taken(*, slot) -> int:
    """Confirmed and attended registrations: the places no one else can have."""
    return registrations_of(slot).filter(state__in=PLACE_HOLDING_STATES).count()


def waiting_list(*, slot) -> QuerySet:
    """The registrations waiting for a place, first come first served."""
    return registrations_of(slot).filter(state=RegistrationState.WAITING).order_by("submitted_at", "pk")


def registration_for_address(*, slot, email: str):
    """The address's registration for ``slot`` that is not cancelled, or None (one address, one place)."""
    return (
        registrations_of(slot)
        .filter(applicant_email__iexact=email.strip())
        .exclude(state=RegistrationState.CANCELLED)
        .order_by("submitted_at", "pk")
        .first()
    )


def with_places_left(queryset: QuerySet) -> QuerySet:
    """Slots annotated with ``places_taken``, ``waiting_count`` and ``places_left`` (never below 0), one query."""
    kind = registration_model_for(queryset.model)
    related = kind._meta.get_field(kind.slot_field).related_query_name()
    return queryset.annotate(
        places_taken=Count(related, filter=Q(**{f"{related}__state__in": PLACE_HOLDING_STATES})),
        waiting_count=Count(related, filter=Q(**{f"{related}__state": RegistrationState.WAITING})),
    ).annotate(places_left=Greatest(F("places") - F("places_taken"), Value(0), output_field=IntegerField()))


def registrations_due_a_reminder(*, kind, now: datetime.datetime, before: datetime.timedelta) -> QuerySet:
    """Confirmed registrations of ``kind`` not reminded yet whose slot starts between now and ``now + before``."""
    starts_at = f"{kind.slot_field}__starts_at"
    return (
        kind._default_manager.filter(state=RegistrationState.CONFIRMED, reminded_at__isnull=True)
        .filter(**{f"{starts_at}__gt": now, f"{starts_at}__lte": now + before})
        .select_related(kind.slot_field)
        .order_by(starts_at, "pk")
    )
