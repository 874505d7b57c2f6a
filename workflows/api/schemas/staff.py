"""Staff listings and details of applications, transitions and internal notes."""

from datetime import datetime
from typing import Any

from django.utils.text import get_text_list
from ninja import Field, Schema
from pydantic import ConfigDict

from ...models import Application, ApplicationState
from ...services.inputs import MAX_TEXT_LENGTH
from ...specs import transition_specs
from .text import NO_NUL


class PageRef(Schema):
    id: int = Field(examples=[3])
    title: str = Field(examples=["Open Data Programme"])


class ApplicationListItem(Schema):
    id: int = Field(examples=[42])
    reference: str | None = Field(examples=["AP-2026-000042"])
    kind: str = Field(examples=["myapp.application"])
    kind_label: str = Field(examples=["application"])
    applicant_name: str = Field(examples=["Sam Lee"])
    applicant_email: str = Field(examples=["sam@university.example"])
    organisation: str = Field(description="The organisation (or person) applying.", examples=["City University"])
    country: str | None = Field(description="ISO 3166-1 alpha-2, when the kind asks it.", examples=["KR"])
    state: ApplicationState
    state_label: str = Field(description="The staff label.", examples=["Submitted"])
    interests: list[PageRef] = Field(description="The pages of interest (e.g. programmes) the applicant chose.")
    assigned_to: PageRef | None
    submitted_at: datetime
    updated_at: datetime
    state_changed_at: datetime | None
    available_transitions: list[str] = Field(
        description="What this token's user may do to it now.", examples=[["reject", "request_changes", "review"]]
    )


class ApplicationList(Schema):
    count: int
    items: list[ApplicationListItem]


class Answer(Schema):
    name: str = Field(examples=["project_title"])
    label: str = Field(examples=["project title"])
    value: Any = Field(description="Text, number, boolean, list, or for a choice its value.")
    display: str = Field(description="The value as shown to people (choice labels, Yes/No).")


class SubmittedFileOut(Schema):
    id: int
    question: str
    name: str
    content_type: str
    size: int
    download_url: str = Field(description="Permission-checked download (signed-in staff session).")
    replaced_at: datetime | None = Field(
        description="Set when a resubmission sent a new file for the same question; the earlier file is kept."
    )


class TimelineEntry(Schema):
    timestamp: datetime
    transition: str = Field(examples=["review"])
    from_state: str
    to_state: str
    actor: str = Field(description="'applicant' or the staff member's name at the time.")
    by_applicant: bool
    note: str = Field(description="Internal note (staff only).")
    message: str = Field(description="The message sent to the applicant.")


class InternalNoteOut(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"id": 7, "author": "Rita Reviewer", "text": "Called them.", "created_at": "2026-03-01T09:00:00Z"}
            ]
        }
    )

    id: int
    author: str
    text: str
    created_at: datetime


class ApplicationDetail(ApplicationListItem):
    fields: list[Answer] = Field(description="The answers to the questions the form always asks.")
    answers: list[Answer] = Field(description="The answers to the editors' extra questions, with their labels.")
    files: list[SubmittedFileOut]
    timeline: list[TimelineEntry]
    internal_notes: list[InternalNoteOut]


def _requiring(name: str) -> str:
    """The application transitions that require input ``name``, as their specs declare (for the schema)."""
    specs = transition_specs(Application)
    return get_text_list([transition for transition, spec in specs.items() if name in spec.required], "and")


def _taking(name: str) -> str:
    specs = transition_specs(Application)
    return get_text_list([transition for transition, spec in specs.items() if name in spec.inputs], "or")


class TransitionIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"note": "", "message": "Please describe the project's budget.", "expected_state": "submitted"},
                {"target": 3, "note": "Fits the programme."},
            ]
        }
    )

    note: str = Field(
        "",
        description=f"Internal note; required by {_requiring('note')}. No NUL character.",
        max_length=MAX_TEXT_LENGTH,
        pattern=NO_NUL,
    )
    message: str = Field(
        "",
        description=f"To the applicant; required by {_requiring('message')}. No NUL character.",
        max_length=MAX_TEXT_LENGTH,
        pattern=NO_NUL,
    )
    target: int | None = Field(
        None, description=f"{_taking('target')} only: the id of the page to assign the application to."
    )
    expected_state: ApplicationState | None = Field(
        None, description="If given, refuse with 409 unless the application is still in this state."
    )


class TransitionOut(Schema):
    id: int
    reference: str | None
    transition: str = Field(examples=["review"])
    from_state: ApplicationState
    state: ApplicationState
    state_label: str
    available_transitions: list[str]


class NoteIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"text": "Called the applicant; budget confirmed."}]})

    text: str = Field(
        description="Never shown to the applicant. Not blank; no NUL character.",
        min_length=1,
        max_length=10_000,
        pattern=r"^[^\x00]*[^\x00\s][^\x00]*$",
    )
