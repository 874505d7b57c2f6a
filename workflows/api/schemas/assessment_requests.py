"""Assessment requests (staff): who was asked, by when, and what became of each request; asking and declining."""

import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from ...services.inputs import MAX_TEXT_LENGTH
from .text import NO_NUL

RequestState = Literal["awaited", "overdue", "given", "declined", "withdrawn", "closed"]


class AssessmentRequestOut(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 9,
                    "reviewer_id": 12,
                    "reviewer": "Rita Reviewer",
                    "requested_by": "Carl Coordinator",
                    "round": 1,
                    "requested_at": "2026-03-01T09:00:00Z",
                    "due_date": "2026-03-15",
                    "state": "overdue",
                    "overdue": True,
                    "declined_at": None,
                    "decline_reason": None,
                    "decline_note": None,
                    "withdrawn_at": None,
                }
            ]
        }
    )

    id: int
    reviewer_id: int | None = Field(description="None when the reviewer's account was deleted.")
    reviewer: str
    requested_by: str
    round: int = Field(ge=1)
    requested_at: datetime.datetime
    due_date: datetime.date | None = Field(description="A date in the site's time zone; None for older requests.")
    state: RequestState = Field(
        description="awaited; overdue (awaited past its due date); given; declined; withdrawn; closed (not given "
        "before the application moved on)."
    )
    overdue: bool
    declined_at: datetime.datetime | None
    decline_reason: Literal["conflict_of_interest", "unavailable"] | None = Field(
        description="Shown to those who may request assessments and to the person who declined only, else None."
    )
    decline_note: str | None = Field(description="Shown to those who may request assessments only, else None.")
    withdrawn_at: datetime.datetime | None


class AssessmentRequestsOut(Schema):
    items: list[AssessmentRequestOut] = Field(description="Every request, latest round first.")


class AssessmentRequestIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reviewers": [12, 15], "due_date": "2026-03-15"}]})

    reviewers: list[int] = Field(
        min_length=1, max_length=50, description="User ids of the reviewers to ask (each once per round)."
    )
    due_date: datetime.date | None = Field(
        None, description="A date in the site's time zone, today or later; default: the kind's (e.g. 14 days)."
    )


class DeclineIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reason": "conflict_of_interest", "note": "I advise a competitor."}]}
    )

    reason: Literal["conflict_of_interest", "unavailable"]
    note: str = Field("", max_length=MAX_TEXT_LENGTH, pattern=NO_NUL, description="Read by coordinators only.")
