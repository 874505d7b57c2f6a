"""The page editor's form: Wagtail's form-page checks plus "an extra question may not take a core field's name"."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from ..steps import STEP_FIELD_TYPE, named_sections, section_keys


class WorkflowFormPageAdminForm(WagtailAdminFormPageForm):
    """Rejects extra questions whose stored name would clash with a core field (or the form's own fields)."""

    extra_questions_relation = "form_fields"

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get(self.extra_questions_relation)
        if formset is None:
            return cleaned_data
        reserved = self.instance.reserved_field_names()
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE", False) or not form.cleaned_data.get("label"):
                continue
            if form.cleaned_data.get("field_type") == STEP_FIELD_TYPE:
                self._check_step_sections(form)
                continue
            clean_name = form.instance.clean_name or form.instance.get_field_clean_name()
            if clean_name in reserved:
                form.add_error(
                    "label",
                    forms.ValidationError(
                        _(
                            "The question “%(label)s” would be stored as “%(name)s”, which is a core field this "
                            "form always asks. Reword the label (or remove the question: the core field is "
                            "already there)."
                        ),
                        code="reserved_name",
                        params={"label": form.cleaned_data["label"], "name": clean_name},
                    ),
                )
        return cleaned_data

    def _check_step_sections(self, form):
        """A step divider names only sections the form has (by heading, in any of the site's languages)."""
        sections = self.instance.fixed_sections(self.instance.get_core_form_class().base_fields, ())
        known = set().union(*(section_keys(legend) for legend, _names in sections)) if sections else set()
        unknown = [name for name in named_sections(form.cleaned_data.get("choices")) if name not in known]
        if unknown:
            form.add_error(
                "choices",
                forms.ValidationError(
                    _("This form has no section called “%(name)s”. Its sections are: %(sections)s."),
                    code="unknown_section",
                    params={"name": unknown[0], "sections": ", ".join(str(legend) for legend, _names in sections)},
                ),
            )
