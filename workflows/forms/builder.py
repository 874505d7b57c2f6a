"""Builds the editor-added questions: Wagtail's form builder plus a file-upload type."""

from wagtail.contrib.forms.forms import FormBuilder

from .fields import UploadField

MULTILINE_MAX_LENGTH = 10_000


class WorkflowFormBuilder(FormBuilder):
    """Wagtail's ``FormBuilder`` with ``field_type == "file"`` made an ``UploadField``."""

    def create_file_field(self, field, options):
        options.pop("initial", None)
        return UploadField(**options)

    def create_multiline_field(self, field, options):
        # Wagtail sets no limit on long answers; one keeps a single answer from filling the database.
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)
