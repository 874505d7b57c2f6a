"""Drafts of workflow forms in the API: answers kept by a private token, sent when complete."""

from datetime import datetime

from ninja import Field, Schema


class DraftFile(Schema):
    field: str
    name: str
    size: int


class DraftOut(Schema):
    form_id: int
    token: str | None = Field(
        None, description="The draft's private token: in the answer that creates it only (only its hash is kept)."
    )
    answers: dict[str, list[str]] = Field(description="The answers kept so far, each field's values as sent.")
    files: list[DraftFile]
    step: int = Field(description="The step the applicant was on (0-based); the number of steps is the summary.")
    updated: datetime
    expires: datetime = Field(description="When the draft is deleted if nothing changes it before.")
