"""``manage.py export_applicant_data``: one JSON file with everything held about an address."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.site_forms.support import PDF_BYTES

from .conftest import EMAIL, NAME

pytestmark = pytest.mark.django_db


def export(tmp_path, email=EMAIL) -> dict:
    path = tmp_path / "export.json"
    call_command("export_applicant_data", email, output=str(path), verbosity=0)
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_export_holds_every_kind_of_submission_made_with_the_address_whatever_its_case(tmp_path, person):
    data = export(tmp_path, email=EMAIL.title())

    assert [submission["reference"] for submission in data["submissions"]] == [
        person.application.reference,
        person.suggestion.reference,
    ]
    city = data["submissions"][0]
    assert city["fields"]["applicant_name"] == NAME
    assert city["fields"]["phone"] == "+82 2 120"
    assert city["fields"]["clusters"] == ["Smart Mobility"]
    assert data["submissions"][1]["fields"]["proposed_theme"] == "Urban Heat Resilience"


def test_the_export_lists_files_without_their_content(tmp_path, person):
    [brief] = export(tmp_path)["submissions"][0]["files"]

    assert (brief["name"], brief["size"], brief["question"]) == ("brief.pdf", len(PDF_BYTES), "Project brief")
    assert brief["uploaded"]
    assert "PDF" not in json.dumps(brief)


def test_the_export_has_the_log_with_messages_internal_reasons_and_notes_but_no_staff_names(tmp_path, person, reviewer):
    city = export(tmp_path)["submissions"][0]

    assert [entry["change"] for entry in city["log"]] == ["submit", "request_changes"]
    assert city["log"][1]["message_to_applicant"] == "Please describe the project's budget."
    assert city["log"][1]["internal_reason"] == "Budget unclear"
    assert [note["text"] for note in city["internal_notes"]] == [f"Called {NAME} about the budget"]
    text = json.dumps(city)
    assert reviewer.username not in text and (reviewer.get_full_name() or reviewer.username) not in text


def test_the_export_lists_the_mails_sent_to_the_address_and_none_sent_to_staff(tmp_path, person, reviewer):
    mails = export(tmp_path)["mails"]

    templates = [mail["template"] for mail in mails]
    assert "applicant_received" in templates and "applicant_changes_requested" in templates
    assert not any(template.startswith("staff_") for template in templates)
    assert all(mail["subject"] for mail in mails)


def test_an_unknown_address_is_an_error_and_writes_no_file(tmp_path, person):
    with pytest.raises(CommandError, match="Nothing is held"):
        call_command("export_applicant_data", "nobody@example.org", output=str(tmp_path / "x.json"))
    assert not (tmp_path / "x.json").exists()


def test_the_export_includes_the_member_account_made_on_activation(tmp_path, member):
    data = export(tmp_path)

    assert data["other"]["member_account"]["email"] == EMAIL
    assert len(data["submissions"]) == 3
