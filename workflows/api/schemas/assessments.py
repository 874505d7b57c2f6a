"""Assessments (staff): the criteria, the assessments given and the summary of a round."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from ...services.inputs import MAX_TEXT_LENGTH
from .text import NO_NUL


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
