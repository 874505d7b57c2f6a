"""The public forms: what a form asks, and what a submission gets back."""

from ninja import Field, Schema
from pydantic import ConfigDict


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


class FormStepSchema(Schema):
    title: str
    intro: str
    fields: list[str] = Field(description="The names of the step's fields, in order.")


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
    steps: list[FormStepSchema] = Field(
        default_factory=list,
        description="The pages the form is asked in, in order (empty: one page). Every field is on one step; "
        "the answers are sent together as usual once the applicant has checked them.",
    )


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
