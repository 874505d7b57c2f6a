"""The applicant-facing forms of the site's kinds: widgets, wording and the core uploads.

The form pages build the final class from these with the kind's ``core_fields`` and the editors' extra
questions (see ``workflows.pages.AbstractWorkflowFormPage``).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workflows.forms import RenderedOnceSelect, UploadField, WorkflowSubmissionForm

from .choices import OrganisationType
from .chrome import cached_part
from .clusters_once import clusters_once, local_title
from .models import CityApplication, CompanyRegistration, ThematicClusterPage, ThemeSuggestion
from .models.applications import OPEN_CLUSTERS
from .public_urls import privacy_notice_url

PRIVACY_REQUIRED = _("You need to agree to the privacy notice so that we may process your application.")
CONTACT_LABELS = {
    "applicant_name": _("Contact person's full name"),
    "applicant_email": _("E-mail"),
}
EMAIL_MESSAGES = {
    "required": _("Enter the contact person's e-mail address."),
    "invalid": _("Enter a valid e-mail address, like name@example.org."),
}


def open_clusters():
    """The clusters one may apply to: each once, as its default-language page (the one leaders are granted and
    applications record), not once more per translation; named and ordered in the active language."""
    return clusters_once(ThematicClusterPage.objects.filter(**OPEN_CLUSTERS))


def cached_open_clusters() -> list:
    """``open_clusters()``, kept with the page chrome (any page saved, published or unpublished renews it) in each
    language: the blank form and a valid POST ask no query for them."""

    def build():
        return list(open_clusters().only("title", "status", "translation_key", "locale_id"))

    return cached_part("open_clusters", "", build)


class ClustersReadOnce(forms.models.ModelChoiceIterator):
    """The form's clusters from the chrome's cache (``cached_open_clusters``; Django would read them anew through
    a server-side cursor, three round trips on PostgreSQL, each time the choices are listed)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.open_clusters():
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.open_clusters()) + (1 if self.field.empty_label is not None else 0)


class OpenClustersField(forms.ModelMultipleChoiceField):
    """Live clusters that accept members (forming or active), as tick boxes, at least one; each labelled with
    its translation's title in the language the form is shown in, its value the default-language page."""

    widget = forms.CheckboxSelectMultiple
    iterator = ClustersReadOnce

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"required": _("Choose at least one cluster.")})
        kwargs["queryset"] = open_clusters()
        super().__init__(**kwargs)

    def __deepcopy__(self, memo):
        # A form class is built once and kept (see ``AbstractWorkflowFormPage.get_form_class``) in whatever
        # language was active then; each form made from it asks again, in the language active now.
        result = super().__deepcopy__(memo)
        result.queryset = open_clusters()
        result._open_clusters = None
        return result

    _open_clusters = None

    def open_clusters(self) -> list:
        """The open clusters, read from the cache once per form."""
        if self._open_clusters is None:
            self._open_clusters = cached_open_clusters()
        return self._open_clusters

    def _check_values(self, value):
        """Django's checks and messages, against the cached clusters instead of a query; a list, not a queryset."""
        try:
            value = frozenset(value)
        except TypeError:
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list") from None
        for pk in value:
            self.validate_no_null_characters(pk)
            try:
                self.queryset.filter(pk=pk)  # builds the filter only: a value that is not an id is refused here
            except (ValueError, TypeError):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                ) from None
        clusters = {str(cluster.pk): cluster for cluster in self.open_clusters()}
        for chosen in value:
            if str(chosen) not in clusters:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": chosen}
                )
        return [cluster for key, cluster in clusters.items() if key in {str(chosen) for chosen in value}]

    def label_from_instance(self, obj):
        if obj.status == "forming":
            return _("%(title)s (forming)") % {"title": local_title(obj)}
        return local_title(obj)


class LinkedText(str):
    """Plain text where text is wanted (the API's form schema, the error summary); with a link in HTML.

    The link is looked up when the form is rendered as HTML, so the API's schema costs no query.
    """

    def __new__(cls, text, *, html):
        value = super().__new__(cls, text)
        value.html = html
        return value

    def __html__(self):
        return self.html()


def privacy_notice_link(form, text: str, html_text: str) -> LinkedText:
    """``text``, or ``html_text`` with "%(url)s" for the privacy notice of the form page's site, if there is one."""

    def html():
        url = privacy_notice_url(page=form.page) if form.page is not None else None
        return format_html(html_text, url=url) if url else text

    return LinkedText(text, html=html)


class ConsentMixin:
    """The privacy consent is a required tick box, its label linked to the privacy notice; the listing one optional."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        privacy = self.fields["consent_privacy"]
        privacy.required = True
        privacy.label = privacy_notice_link(
            self,
            gettext("I agree to the privacy notice: WeGO keeps my answers to handle this application."),
            gettext(
                'I agree to the <a href="{url}">privacy notice</a>: WeGO keeps my answers to handle this application.'
            ),
        )
        privacy.error_messages["required"] = PRIVACY_REQUIRED


class CityApplicationForm(ConsentMixin, WorkflowSubmissionForm):
    project_brief = UploadField(
        label=_("Project brief"), required=False, help_text=_("Optional: a document describing the project.")
    )

    class Meta:
        model = CityApplication
        fields = CityApplication.core_fields
        field_classes = {"clusters": OpenClustersField}
        widgets = {"country": RenderedOnceSelect, "project_status": forms.RadioSelect}
        labels = {**CONTACT_LABELS, "clusters": _("Clusters of interest")}
        error_messages = {
            "applicant_email": EMAIL_MESSAGES,
            "project_description": {"required": _("Describe your project.")},
        }


class CompanyRegistrationForm(ConsentMixin, WorkflowSubmissionForm):
    """The partner registration: companies, non-profits, universities and research institutes, and others."""

    website = forms.URLField(
        label=_("Website"), max_length=500, assume_scheme="https", help_text=_("E.g. https://example.com")
    )
    brochure = UploadField(
        label=_("Brochure"),
        required=False,
        help_text=_("Optional: a brochure or presentation of what you offer."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One of the types, always: no empty "---------" choice among the radio buttons.
        self.fields["organisation_type"].choices = OrganisationType.choices

    class Meta:
        model = CompanyRegistration
        fields = CompanyRegistration.core_fields
        field_classes = {"themes": OpenClustersField}
        widgets = {"country": RenderedOnceSelect, "organisation_type": forms.RadioSelect}
        labels = {**CONTACT_LABELS, "organisation_type": _("Your organisation is")}
        error_messages = {
            "applicant_email": EMAIL_MESSAGES,
            "organisation_type": {"required": _("Choose what kind of organisation you register.")},
        }


class ThemeSuggestionForm(WorkflowSubmissionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_email"].help_text = privacy_notice_link(
            self,
            gettext("We use it only to write to you about your suggestion. See our privacy notice."),
            gettext(
                'We use it only to write to you about your suggestion. See our <a href="{url}">privacy notice</a>.'
            ),
        )

    class Meta:
        model = ThemeSuggestion
        fields = ThemeSuggestion.core_fields
        labels = {"applicant_name": _("Your name"), "applicant_email": _("Your e-mail")}
        error_messages = {"applicant_email": EMAIL_MESSAGES}
