"""``manage.py erase_applicant``: afterwards the address is found nowhere, and every figure is unchanged."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from modelsearch import index
from wagtail.models import ModelLogEntry
from wagtail.search.backends import get_search_backend

from cluster_pages.models import CityApplication, CompanyRegistration, ThemeSuggestion
from workflows.models import InternalNote, Notification, SubmittedFile, TransitionLog

from .conftest import EMAIL, NAME

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def tables_mentioning(text: str) -> list[str]:
    """Every text column of every table whose value holds ``text`` (case-insensitive): ["app.Model.field", ...]."""
    found = []
    for model in apps.get_models():
        columns = [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not columns or model._meta.proxy:
            continue
        for row in model._base_manager.values_list(*columns):
            holding = [name for name, value in zip(columns, row, strict=True) if text.lower() in str(value).lower()]
            found.extend(f"{model._meta.label}.{name}" for name in holding)
    return found


def search_hits(text: str) -> list:
    backend = get_search_backend()
    return [hit for model in index.get_indexed_models() for hit in backend.search(text, model)]


def figures(client) -> dict[str, str]:
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in soup.find_all("dt")}


def erase(email=EMAIL):
    call_command("erase_applicant", email, yes=True, verbosity=0)


def test_before_erasure_the_address_is_held_in_many_places(person, member):
    assert len(tables_mentioning(EMAIL)) >= 4
    assert get_user_model().objects.filter(email__iexact=EMAIL).exists()


def test_after_erasure_no_text_column_of_any_table_holds_the_address_or_the_name(person, member):
    erase(EMAIL.upper())

    assert tables_mentioning(EMAIL) == []
    assert tables_mentioning(NAME) == []


def test_after_erasure_the_files_are_gone_from_storage_and_the_records(person, private_media):
    assert [path for path in private_media.rglob("*") if path.is_file()]

    erase()

    assert [path for path in private_media.rglob("*") if path.is_file()] == []
    assert not SubmittedFile.objects.exists()


def test_after_erasure_a_search_for_the_address_finds_nothing(person, member):
    erase()

    assert search_hits(EMAIL) == []
    assert search_hits(NAME) == []


def test_erasure_keeps_the_rows_states_dates_and_the_home_page_figures(client, person, member):
    before = figures(client)
    rows = [(a.pk, a.state, a.submitted_at, a.reference) for a in (person.application, member, person.suggestion)]

    erase()

    assert figures(client) == before
    after = [
        CityApplication.objects.get(pk=person.application.pk),
        CompanyRegistration.objects.get(pk=member.pk),
        ThemeSuggestion.objects.get(pk=person.suggestion.pk),
    ]
    assert [(a.pk, a.state, a.submitted_at, a.reference) for a in after] == rows
    assert {a.applicant_name for a in after} == {"Erased applicant"}
    assert all(a.applicant_email.endswith("@erased.invalid") for a in after)
    assert after[1].assigned_to_id == member.assigned_to_id


def test_erasure_keeps_the_log_structure_without_its_words(person):
    changes = list(TransitionLog.objects.values_list("transition", "from_state", "to_state", "timestamp"))

    erase()

    assert list(TransitionLog.objects.values_list("transition", "from_state", "to_state", "timestamp")) == changes
    assert set(TransitionLog.objects.values_list("message", "note")) == {("", "")}
    assert set(InternalNote.objects.values_list("text", flat=True)) == {"[erased]"}


def test_erasure_is_recorded_without_the_address(person):
    erase()

    entries = ModelLogEntry.objects.filter(action="workflow_forms.erase")
    assert entries.count() == 2
    assert {entry.data["reason"] for entry in entries} == {"request"}


def test_the_mails_keep_their_staff_recipients_and_lose_the_applicants(person, reviewer):
    erase()

    recipients = set(Notification.objects.values_list("recipient_email", flat=True))
    assert reviewer.email in recipients
    assert all(r == reviewer.email or r.endswith("@erased.invalid") for r in recipients)


def test_the_member_account_is_deleted(person, member):
    erase()

    assert not get_user_model().objects.filter(username__iexact=EMAIL).exists()


def test_the_status_link_stops_working(client, person):
    erase()

    assert client.get(person.status_path).status_code == 404
