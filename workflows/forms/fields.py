"""Form fields the workflow forms add to Django's: a checked file upload."""

from dataclasses import dataclass

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..abuse import ACCEPTED_EXTENSIONS, ACCEPTED_LABELS, max_upload_size, validate_upload


@dataclass(frozen=True)
class Upload:
    """A validated upload, ready to be kept as a SubmittedFile."""

    field_name: str
    label: str
    file: UploadedFile
    content_type: str


class UploadField(forms.FileField):
    """A file upload accepted only if its extension and its content are an allowed type, within the size limit."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}))
        super().__init__(**kwargs)
        limits = _("%(types)s, at most %(max)s.") % {"types": ACCEPTED_LABELS, "max": filesizeformat(max_upload_size())}
        self.help_text = f"{self.help_text} {limits}".strip() if self.help_text else limits

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded and isinstance(uploaded, UploadedFile):
            uploaded.detected_type = validate_upload(uploaded)
        return uploaded
