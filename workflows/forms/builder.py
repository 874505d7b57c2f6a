"""Builds the editor-added questions: Wagtail's form builder plus a file-upload type."""

from django.db.models.fields import BLANK_CHOICE_DASH
from wagtail.contrib.forms.forms import FormBuilder

from ..steps import STEP_FIELD_TYPE
from .fields import UploadField

MULTILINE_MAX_LENGTH = 10_000


class WorkflowFormBuilder(FormBuilder):
    """Wagtail's ``FormBuilder`` with ``field_type == "file"`` made an ``UploadField``; "Step" dividers ask nothing."""

    def __init__(self, fields):
        super().__init__([field for field in fields if field.field_type != STEP_FIELD_TYPE])

    def create_file_field(self, field, options):
        options.pop("initial", None)
        return UploadField(**options)

    def create_dropdown_field(self, field, options):
        # Wagtail's select starts on its first choice, so an optional question skipped records that answer.
        select = super().create_dropdown_field(field, options)
        if not field.required:
            select.choices = BLANK_CHOICE_DASH + list(select.choices)
        return select

    def create_multiline_field(self, field, options):
        # Wagtail sets no limit on long answers; one keeps a single answer from filling the database.
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)
