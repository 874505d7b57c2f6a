"""The form page's extra questions: Wagtail's field types plus a file upload (the page: ``workflows.pages``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField
from wagtail.models import TranslatableMixin

try:  # optional: a site that translates its forms with wagtail-localize
    from wagtail_localize.fields import SynchronizedField
except ImportError:
    SynchronizedField = None

WORKFLOW_FORM_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES,
    ("file", _("File upload")),
    # A divider, not a question: see ``workflows.steps``.
    ("step", _("Step (starts a new page of the form)")),
)


class AbstractWorkflowFormField(TranslatableMixin, AbstractFormField):
    """An extra question an editor adds to a workflow form: Wagtail's field types plus a file upload.

    Translatable (a locale and a translation key), so its label, help text, choices and default are translated
    with the page (wagtail-localize) and each language's form asks its own words. Concrete subclasses add
    ``page = ParentalKey(<the form page>, related_name="form_fields", ...)``.
    """

    field_type = models.CharField(_("field type"), max_length=16, choices=WORKFLOW_FORM_FIELD_CHOICES)
    field_type.required_on_save = True

    #: wagtail-localize would offer every text field to translators; the clean name is the answer's key in the
    #: submission and the API, the same in every language.
    override_translatable_fields = [SynchronizedField("clean_name")] if SynchronizedField else []

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        abstract = True
