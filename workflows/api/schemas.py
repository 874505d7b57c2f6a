"""Request and response bodies of the plugin's API (OpenAPI components), with examples."""

from datetime import datetime
from typing import Any, Literal

from django.utils.text import get_text_list
from ninja import Field, Schema
from pydantic import ConfigDict

from ..models import Application, ApplicationState
from ..services.inputs import MAX_TEXT_LENGTH
from ..specs import transition_specs

#: Texts the database can store: PostgreSQL refuses NUL (the service checks it too; the document says so).
NO_NUL = r"^[^\x00]*$"

# -- forms ------------------------------------------------------------------------------------------------


class WorkflowFormSummary(Schema):
    id: int = Field(examples=[12])
    kind: str = Field(description="The submission model the form creates.", examples=["myapp.application"])
    title: str = Field(examples=["Apply"])
    url_path: str = Field(description="The form's page URL (HTML).", examples=["/apply/"])
    intro: str = Field(description="Rich text (HTML).", examples=["<p>Tell us about your project.</p>"])


class Choice(Schema):
    value: str = Field(description="What to send as the answer.", examples=["3"])
    label: str = Field(examples=["Open Data Programme"])


class AcceptedFileType(Schema):
    label: str = Field(examples=["PDF"])
    mime_type: str = Field(examples=["application/pdf"])
    extensions: list[str] = Field(examples=[[".pdf"]])


class FormFieldSchema(Schema):
    name: str = Field(description="The key of this answer in a submission.", examples=["organisation"])
    label: str = Field(examples=["Organisation"])
    help_text: str = ""
    type: str = Field(
        description="text, textarea, email, url, number, date, datetime, checkbox, select, radio, "
        "checkboxes, multiselect or file (files need a multipart submission).",
        examples=["text"],
    )
    required: bool
    max_length: int | None = Field(None, examples=[255])
    multiple: bool = Field(description="Whether the answer is a list of choice values.")
    choices: list[Choice] | None = Field(None, description="The values a choice field accepts, in order.")
    accepted_file_types: list[AcceptedFileType] | None = None
    max_file_size: int | None = Field(None, description="In bytes.", examples=[10485760])
    extra_question: bool = Field(description="Added by the site's editors (rather than always asked).")


class WorkflowFormDetail(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 12,
                    "kind": "myapp.proposal",
                    "title": "Propose a project",
                    "intro": "<p>Which project should we work on together?</p>",
                    "thank_you_text": "<p>Thank you!</p>",
                    "honeypot_field": "fax_number",
                    "fields": [
                        {
                            "name": "applicant_email",
                            "label": "E-mail",
                            "help_text": "",
                            "type": "email",
                            "required": True,
                            "max_length": 254,
                            "multiple": False,
                            "choices": None,
                            "accepted_file_types": None,
                            "max_file_size": None,
                            "extra_question": False,
                        }
                    ],
                }
            ]
        }
    )

    id: int
    kind: str
    title: str
    intro: str
    thank_you_text: str
    honeypot_field: str = Field(
        description="Render it hidden from people (and screen readers) and send it empty; a filled one is refused."
    )
    fields: list[FormFieldSchema]


class SubmissionCreated(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "reference": "AP-2026-000042",
                    "state": "submitted",
                    "state_label": "Received",
                    "created": True,
                    "status_token": "q3Jc…",
                    "status_url": "https://www.example.org/applications/status/q3Jc…/",
                    "status_api_url": "https://www.example.org/api/v3/applications/status/q3Jc…/",
                    "detail": "",
                }
            ]
        }
    )

    reference: str
    state: str = Field(examples=["submitted"])
    state_label: str = Field(description="What the applicant is shown.", examples=["Received"])
    created: bool = Field(description="False when this repeated an identical submission (status 200).")
    status_token: str | None = Field(
        description="The private status token, shown once. Null for a repeated submission: only its hash is "
        "stored, so it cannot be shown again (it was in the first response and the confirmation mail)."
    )
    status_url: str | None = Field(description="The applicant's status page (HTML).")
    status_api_url: str | None = Field(description="The same status as JSON.")
    detail: str = ""


# -- the applicant's status -------------------------------------------------------------------------------


class StatusTimelineEntry(Schema):
    timestamp: datetime
    label: str = Field(examples=["Changes needed"])
    by_applicant: bool
    message: str = Field(description="The reviewers' message to the applicant, if any.")


class StatusFile(Schema):
    name: str = Field(examples=["brief.pdf"])
    size: int
    question: str = Field(examples=["Project brief"])


class ApplicationStatus(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "reference": "AP-2026-000042",
                    "kind": "myapp.application",
                    "kind_label": "application",
                    "state": "changes_requested",
                    "state_label": "Changes needed",
                    "state_explanation": "The reviewers need more information: read their message, then edit and "
                    "resubmit your application.",
                    "submitted_at": "2026-03-01T09:00:00Z",
                    "updated_at": "2026-03-02T10:00:00Z",
                    "timeline": [
                        {"timestamp": "2026-03-01T09:00:00Z", "label": "Received", "by_applicant": True, "message": ""}
                    ],
                    "actions": ["resubmit", "withdraw"],
                    "files": [],
                }
            ]
        }
    )

    reference: str
    kind: str
    kind_label: str
    state: str
    state_label: str
    state_explanation: str
    submitted_at: datetime
    updated_at: datetime
    timeline: list[StatusTimelineEntry]
    actions: list[str] = Field(description="What the applicant may do now: withdraw, resubmit.")
    files: list[StatusFile]


class WithdrawIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"confirm": True}]})

    # Documented as the constant true; a false still reaches the service, which answers why in words.
    confirm: bool = Field(
        description="Must be true: the applicant confirms; they cannot undo it.", json_schema_extra={"const": True}
    )


# -- staff ------------------------------------------------------------------------------------------------


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


# -- assessments (staff) ----------------------------------------------------------------------------------


class CriterionOut(Schema):
    id: int = Field(examples=[4])
    name: str = Field(examples=["Relevance to the cluster"])
    help_text: str
    score_labels: list[str] = Field(description="The labels of scores 1 to 5, in order.", min_length=5, max_length=5)


class ScoreOut(Schema):
    criterion_id: int
    criterion: str = Field(examples=["Maturity"])
    score: int = Field(ge=1, le=5, examples=[4])
    label: str = Field(examples=["Good"])


class AssessmentOut(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 9,
                    "reviewer": "Rita Reviewer",
                    "requested_by": "Carl Coordinator",
                    "round": 1,
                    "state_when_requested": "submitted",
                    "open": True,
                    "requested_at": "2026-03-01T09:00:00Z",
                    "given_at": "2026-03-02T10:00:00Z",
                    "changed_at": "2026-03-02T10:00:00Z",
                    "recommendation": "accept",
                    "comment": "Strong fit with the cluster.",
                    "scores": [{"criterion_id": 4, "criterion": "Maturity", "score": 4, "label": "Good"}],
                }
            ]
        }
    )

    id: int
    reviewer: str = Field(description="The reviewer's name.")
    requested_by: str
    round: int = Field(
        ge=1, description="1 + the transitions before it was requested; one assessment per reviewer per round."
    )
    state_when_requested: str
    open: bool = Field(description="Still editable: the application has not moved on since it was requested.")
    requested_at: datetime
    given_at: datetime | None = Field(description="None while requested and not given.")
    changed_at: datetime | None
    recommendation: Literal["accept", "changes", "decline"] | None
    comment: str
    scores: list[ScoreOut]


class CriterionMeanOut(Schema):
    criterion_id: int
    criterion: str
    mean: float | None = Field(ge=1, le=5, description="None when no given assessment scored it.")


class AssessmentSummaryOut(Schema):
    round: int = Field(ge=1)
    requested: int = Field(ge=0)
    given: int = Field(ge=0)
    mean: float | None = Field(ge=1, le=5, description="The mean of every score given in the round.")
    criteria: list[CriterionMeanOut]
    recommendations: dict[str, int] = Field(
        description="How many given assessments recommend each: accept, changes, decline.",
        examples=[{"accept": 2, "changes": 1, "decline": 0}],
    )


class AssessmentsOut(Schema):
    criteria: list[CriterionOut] = Field(description="What the application's kind is scored on, in order.")
    latest_round: AssessmentSummaryOut | None = Field(description="The aggregate of the latest round, if any.")
    items: list[AssessmentOut] = Field(description="Every assessment, latest round first.")


class ScoreIn(Schema):
    criterion: int = Field(ge=1, le=2**31 - 1, description="A criterion id of the application's kind.")
    score: int = Field(ge=1, le=5)


class AssessmentIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "scores": [{"criterion": 4, "score": 4}, {"criterion": 5, "score": 3}],
                    "recommendation": "changes",
                    "comment": "Good project; the budget needs detail.",
                }
            ]
        }
    )

    scores: list[ScoreIn] = Field(description="One score per criterion of the kind (all are required).")
    recommendation: Literal["accept", "changes", "decline"]
    comment: str = Field("", description="Staff only. No NUL character.", max_length=MAX_TEXT_LENGTH, pattern=NO_NUL)
