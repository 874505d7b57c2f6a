"""The clusters' member and partner rosters, cached until an application enters or leaves "active" or a page changes.

A roster is derived from the active applications (``membership.selectors``); reading it for a cluster with a
thousand members is a query and a thousand objects per page view. It is cached per cluster under two generation
numbers (read from the shared ``default`` cache; the rosters themselves are kept in the ``chrome`` cache):
the page chrome's (any page saved, published, unpublished, moved or deleted: ``chrome``) and the
rosters' own, moved on by every transition into or out of "active", by any save or deletion of an active
application (an erasure, a changed consent or city) and by a reassignment. A bulk ``QuerySet.update`` sends no
signal: ``TIMEOUT`` bounds how long such a change may go unseen.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django_fsm.signals import post_transition

from workflows.models import ApplicationState

from .chrome import GENERATION_KEY as CHROME_GENERATION_KEY
from .chrome import _parts
from .chrome import generation as chrome_generation
from .membership.selectors import Roster, members_of, partners_of
from .models import CityApplication, CompanyRegistration

GENERATION_KEY = "roster:generation"
TIMEOUT = 10 * 60


BUILDERS = {"members": members_of, "partners": partners_of}


def _generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def _generations() -> tuple[int, int]:
    """(the chrome's generation, the rosters'), in one cache read when both exist."""
    found = cache.get_many([CHROME_GENERATION_KEY, GENERATION_KEY])
    if len(found) == 2:
        return found[CHROME_GENERATION_KEY], found[GENERATION_KEY]
    return chrome_generation(), _generation()


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _generation() + 1, timeout=None)


def rosters_invalidate() -> None:
    """Now, and again when the transaction commits: a page view between the two may have cached the old roster."""
    _next_generation()
    transaction.on_commit(_next_generation)


def cluster_roster(cluster, kind: str) -> Roster:
    """``cluster``'s roster of ``kind`` ("members" or "partners"), from the cache when it is current."""
    chrome, rosters = _generations()
    key = f"roster:{chrome}:{rosters}:{cluster.pk}:{kind}:{translation.get_language()}"
    parts = _parts()
    roster = parts.get(key)
    if roster is None:
        roster = BUILDERS[kind](cluster)
        parts.set(key, roster, timeout=TIMEOUT)
    return roster


def cached_with_rosters(name: str, build):
    """``build()``, cached per language under the same generations as the rosters (the member directory)."""
    chrome, rosters = _generations()
    key = f"roster:{chrome}:{rosters}:{name}:{translation.get_language()}"
    parts = _parts()
    value = parts.get(key)
    if value is None:
        value = build()
        parts.set(key, value, timeout=TIMEOUT)
    return value


def _transitioned(sender, instance, name, source, target, **kwargs) -> None:
    if ApplicationState.ACTIVE in (source, target):
        rosters_invalidate()


def _saved_or_deleted(sender, instance, **kwargs) -> None:
    if getattr(instance, "state", None) == ApplicationState.ACTIVE:
        rosters_invalidate()


def connect() -> None:
    """Listen for the changes that move a roster (called by the app's ``ready()``)."""
    for model in (CityApplication, CompanyRegistration):
        post_transition.connect(_transitioned, sender=model, dispatch_uid=f"roster_{model.__name__}_transition")
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"roster_{model.__name__}_saved")
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"roster_{model.__name__}_deleted")
