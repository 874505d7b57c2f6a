"""The applicant's status through their private link, and withdrawing."""

from datetime import datetime

from ninja import Field, Schema
from pydantic import ConfigDict


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
    actions: list[str] = Field(description="What the applicant may do now: withdraw, resubmit, cancel.")
    files: list[StatusFile]


class WithdrawIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"confirm": True}]})

    # Documented as the constant true; a false still reaches the service, which answers why in words.
    confirm: bool = Field(
        description="Must be true: the applicant confirms; they cannot undo it.", json_schema_extra={"const": True}
    )


class CancelIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"confirm": True}]})

    confirm: bool = Field(
        description="Must be true: the registrant gives up their place (or turn); they cannot undo it.",
        json_schema_extra={"const": True},
    )
