"""Form fields the workflow forms add to Django's: a checked file upload."""

from dataclasses import dataclass

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from ..abuse import ACCEPTED_EXTENSIONS, ACCEPTED_LABELS, max_upload_size, validate_upload


@dataclass(frozen=True)
class Upload:
    """A validated upload, ready to be kept as a SubmittedFile."""

    field_name: str
    label: str
    file: UploadedFile
    content_type: str


def _upload_limits_text() -> str:
    return gettext("%(types)s, at most %(max)s.") % {"types": ACCEPTED_LABELS, "max": filesizeformat(max_upload_size())}


_upload_limits = lazy(_upload_limits_text, str)


def _help_with_limits(help_text) -> SafeString:
    # The help may be HTML already escaped (Wagtail's form builder escapes an editor's help): escaped once only.
    return format_html("{} {}", help_text, _upload_limits_text())


_help_with_upload_limits = lazy(_help_with_limits, SafeString)


class UploadField(forms.FileField):
    """A file upload accepted only if its extension and its content are an allowed type, within the size limit."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}))
        super().__init__(**kwargs)
        # Lazy: a form class declares its fields once, at import; the words are chosen per request's language.
        limits = _upload_limits()
        self.help_text = _help_with_upload_limits(self.help_text) if self.help_text else limits

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded and isinstance(uploaded, UploadedFile):
            uploaded.detected_type = validate_upload(uploaded)
        return uploaded
