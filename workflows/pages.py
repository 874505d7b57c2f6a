"""The form page base: a Wagtail form page whose valid POST creates a workflow submission.

A page serves itself (Wagtail's way), so this module sits above the services it calls; the models it builds on
(the submission kinds, ``AbstractWorkflowFormField``) are in ``workflows.models``.
"""

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.forms import modelform_factory
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FormMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .abuse import DUPLICATE_WINDOW, HONEYPOT_FIELD_NAME, rate_limit_exceeded, too_many_requests
from .adapters import kind_adapter
from .forms import UploadField, WorkflowFormBuilder, WorkflowFormPageAdminForm
from .models.forms import AbstractWorkflowFormField
from .services.submissions import SubmissionResult, submission_create
from .stepped_form import posted_in_one_page, serve_steps
from .steps import STEP_FIELD_TYPE, build_steps

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

_RECENT_LINK_COOKIE_SALT = "workflow_forms.recent-status-link"
#: The thank-you page's address after a valid POST (post-redirect-get): ``?submitted=<signed value>``.
LANDING_PARAMETER = "submitted"
_LANDING_SALT = "workflow_forms.landing"


def redirect_after_submission() -> bool:
    """Whether a valid POST answers 303 to the thank-you page (``WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION``)."""
    return bool(getattr(settings, "WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION", False))


#: Built form classes by (page model, page pk, latest revision, last publication): building one costs a
#: query and three model-form constructions, and it only changes when the page's questions do.
_FORM_CLASSES: dict[tuple, type] = {}
_FORM_CLASSES_MAX = 256


class AbstractWorkflowFormPage(FormMixin, Page):
    """A public form whose valid POST creates a ``submission_model`` in its first state.

    Override points (class attributes):
    - ``submission_model``: the concrete kind (an ``AbstractSubmission`` subclass). Its ``core_fields`` are
      always asked, built from the model's fields and grouped on the page by its ``core_fieldsets``;
      editors add extra questions after them; the kind's adapter names the form they build on
      (``workflows.adapters.KindAdapter.form_class``).
    - ``landing_page_template``: the thank-you page.
    - ``initial_data(request)``: initial values of the blank form (e.g. read from the query string).
    The extra questions are the ``form_fields`` child relation (an ``AbstractWorkflowFormField`` subclass).
    """

    submission_model = None
    landing_page_template = "workflows/form_page_landing.html"
    form_builder = WorkflowFormBuilder
    base_form_class = WorkflowFormPageAdminForm

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after a successful submission, above the reference number and the status link."),
    )
    from_address = models.EmailField(
        _("from address"),
        blank=True,
        help_text=_("Sender of the mails about submissions made with this form. The site's sender when empty."),
    )
    alert_address = models.EmailField(
        _("alert address"),
        blank=True,
        help_text=_(
            "An internal address told of every new submission, besides the Reviewers and Coordinators. "
            "Leave empty for none."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            label=_("Extra questions"),
            help_text=_("Asked after the questions this form always asks, which cannot be removed."),
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("from_address"), FieldPanel("alert_address")], _("E-mail")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    # -- the form ---------------------------------------------------------------------------------------

    def get_core_form_class(self):
        model = self.submission_model
        return modelform_factory(model, form=kind_adapter(model).form_class, fields=list(model.core_fields))

    def reserved_field_names(self) -> set[str]:
        """Names an extra question may not take: the core fields, the honeypot and Django's CSRF field."""
        return set(self.get_core_form_class().base_fields) | {HONEYPOT_FIELD_NAME, "csrfmiddlewaretoken"}

    def get_form_class(self):
        """The page's form class, built once per published version of its questions (see ``build_form_class``)."""
        if "form_fields" in getattr(self, "_cluster_related_objects", {}) or self.pk is None:
            return self.build_form_class()  # questions held in memory (a preview, a revision): not the stored ones
        key = (type(self)._meta.label, self.pk, self.latest_revision_id, self.last_published_at)
        form_class = _FORM_CLASSES.get(key)
        if form_class is None:
            if len(_FORM_CLASSES) >= _FORM_CLASSES_MAX:
                _FORM_CLASSES.clear()
            form_class = _FORM_CLASSES[key] = self.build_form_class()
        return form_class

    def build_form_class(self):
        """The kind's core fields (its adapter's ``form_class``) plus the editor's questions as declared fields."""
        core = self.get_core_form_class()
        reserved = set(core.base_fields) | {HONEYPOT_FIELD_NAME, "csrfmiddlewaretoken"}
        # The editor's form rejects clashing names; questions saved some other way never shadow a core field.
        extras = {
            name: field
            for name, field in self.form_builder(self.get_form_fields()).formfields.items()
            if name not in reserved
        }
        attrs = {**extras, "extra_field_names": tuple(extras)}
        form_class = type(f"{type(self).__name__}Form", (core,), attrs)
        form_class.form_steps = self.build_steps(form_class)
        return form_class

    def build_steps(self, form_class):
        """The form's steps (``workflows.steps``): none unless the editor put a "Step" divider among the questions."""
        rows = []
        for row in self.get_form_fields():
            is_divider = row.field_type == STEP_FIELD_TYPE
            name = None if is_divider else (row.clean_name or row.get_field_clean_name())
            rows.append((is_divider, row, name if name in form_class.extra_field_names else None))
        return build_steps(
            dividers_and_questions=rows,
            fixed_sections=self.fixed_sections(form_class.base_fields, form_class.extra_field_names),
            extra_legend=_("More questions"),
        )

    def extra_questions(self) -> dict[str, str]:
        """Label of each editor-added question that is not an upload, by its field name, in order."""
        form_class = self.get_form_class()
        return {
            name: form_class.base_fields[name].label
            for name in form_class.extra_field_names
            if not isinstance(form_class.base_fields[name], UploadField)
        }

    def form_sections(self, form) -> list[dict]:
        """The form's fields grouped for display: core fields by the kind's ``core_fieldsets``, then the extra
        questions."""
        sections = [
            *self.fixed_sections(form.fields, form.extra_field_names),
            (_("More questions"), list(form.extra_field_names)),
        ]
        return [{"legend": legend, "fields": [form[name] for name in names]} for legend, names in sections if names]

    def fixed_sections(self, fields, extra_field_names) -> list[tuple[str, list[str]]]:
        """(legend, field names) of the questions the form always asks: by the kind's ``core_fieldsets``, with
        any field they do not name first under "Your details"."""
        grouped = [
            (legend, [name for name in names if name in fields])
            for legend, names in self.submission_model.core_fieldsets
        ]
        in_groups = {name for _legend, names in grouped for name in names}
        ungrouped = [
            name
            for name in fields
            if name not in in_groups and name not in extra_field_names and name != HONEYPOT_FIELD_NAME
        ]
        return [(legend, names) for legend, names in [(_("Your details"), ungrouped), *grouped] if names]

    # -- serving ----------------------------------------------------------------------------------------

    def initial_data(self, request) -> dict:
        """Initial values for the blank form shown on GET; none by default. Validate anything read from the request."""
        return {}

    def rate_limit_group(self) -> str:
        return f"workflow_forms:form:{self.pk}"

    def render_form(self, request, form, *, status=200):
        context = self.get_context(request)
        context["form"] = form
        context["form_sections"] = self.form_sections(form)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve(self, request, *args, **kwargs):
        # The thank-you address a valid POST redirected to, whether the form is asked in steps or not (a form in
        # steps also takes a whole-form POST, from a script or an older page).
        landing = (
            self.serve_landing_page(request) if request.method != "POST" and LANDING_PARAMETER in request.GET else None
        )
        if landing is not None:
            return landing
        if self.get_form_class().form_steps and not posted_in_one_page(request):
            return serve_steps(self, request)  # a form in steps: its own module (the steps, the draft)
        if request.method != "POST":
            form = self.get_form(page=self, user=request.user, initial=self.initial_data(request))
            return self.render_form(request, form)
        if rate_limit_exceeded(request, group=self.rate_limit_group()):
            return too_many_requests(request, page=self)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self.render_form(request, form)
        result = self.process_form_submission(form)
        if not isinstance(result, SubmissionResult):  # an override that returns the submission, as Wagtail's does
            return self.render_landing_page(request, result)
        return self.answer_submitted(request, result)

    # -- post-redirect-get --------------------------------------------------------------------------------

    def answer_submitted(self, request, result: SubmissionResult):
        """The answer to a valid POST that sent the form (on one page, or Send on the summary of a form in steps):
        303 to the thank-you page (``WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION``), or the thank-you page itself."""
        if redirect_after_submission():
            return self.redirect_to_landing_page(request, result)
        return self.render_landing_page(request, result.submission, result=result)

    def redirect_to_landing_page(self, request, result: SubmissionResult):
        """303 to this page's thank-you address, so reloading it never posts again.

        The address carries the submission's id, signed and valid for ``DUPLICATE_WINDOW``: whoever opens it in
        that time sees the reference, as the person who posted did. The status link is never in it: it stays in
        the signed, HTTP-only cookie of the browser that submitted (``render_landing_page``), for that page only.
        """
        value = signing.dumps([result.submission.pk, not result.created], salt=_LANDING_SALT)
        response = HttpResponseRedirect(f"{request.path}?{LANDING_PARAMETER}={value}", status=303)
        patch_cache_control(response, no_store=True, private=True)
        if result.created and result.token:
            self._remember_token(response, request, result.submission, result.token)
        return response

    def serve_landing_page(self, request):
        """The thank-you page a valid POST redirected to, or None for an address that is altered or too old."""
        try:
            pk, duplicate = signing.loads(
                request.GET[LANDING_PARAMETER], salt=_LANDING_SALT, max_age=DUPLICATE_WINDOW.total_seconds()
            )
        except (signing.BadSignature, TypeError, ValueError):
            return None
        submission = self.submission_model._default_manager.filter(pk=pk, form_page=self).first()
        if submission is None:
            return None
        return self.render_landing_page(request, submission, duplicate=bool(duplicate))

    def process_form_submission(self, form) -> SubmissionResult:
        """Wagtail's override point for a valid POST: create the submission (``submission_create``).

        Returns the ``SubmissionResult`` (the submission, its status token, whether it is new), which the
        thank-you page shows. An override that wraps ``super()`` (to tell another system, say) returns its
        result; one that returns the submission itself gets the thank-you page without the new status link.
        """
        return submission_create(form_page=self, cleaned_data=form.cleaned_data, files=form.uploads())

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["form_sections"] = self.form_sections(context["form"])
        return context

    def render_landing_page(self, request, form_submission=None, *args, result=None, duplicate=False, **kwargs):
        """The thank-you page: the reference and, in the browser that submitted, the private status link."""
        context = self.get_context(request)
        context["form_submission"] = context["submission"] = form_submission
        token = None
        if result is not None and result.created:
            token = result.token
        elif form_submission is not None:
            token = self._recent_token(request, form_submission)
        context["duplicate"] = duplicate or (result is not None and not result.created)
        context["status_url"] = (
            request.build_absolute_uri(reverse("workflow_forms:status", args=[token])) if token else None
        )
        response = TemplateResponse(request, self.get_landing_page_template(request), context)
        # The page holds a secret link: never cache it, never leak it to another site as a referrer
        # ("same-origin" keeps the Origin header on same-site form posts; see workflows/views/status.py).
        patch_cache_control(response, no_store=True, private=True)
        response.headers["Referrer-Policy"] = "same-origin"
        if token and result is not None and result.created:
            self._remember_token(response, request, form_submission, token)
        return response

    def _remember_token(self, response, request, submission, token: str) -> None:
        """Remembered for the double-submission window so an accidental resubmit shows the same link."""
        response.set_signed_cookie(
            self._recent_cookie_name(submission),
            token,
            salt=_RECENT_LINK_COOKIE_SALT,
            max_age=int(DUPLICATE_WINDOW.total_seconds()),
            path=request.path,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )

    @staticmethod
    def _recent_cookie_name(submission) -> str:
        return f"workflow_forms_status_{submission.pk}"

    def _recent_token(self, request, submission) -> str | None:
        try:
            token = request.get_signed_cookie(
                self._recent_cookie_name(submission),
                salt=_RECENT_LINK_COOKIE_SALT,
                max_age=int(DUPLICATE_WINDOW.total_seconds()),
            )
        except (KeyError, signing.BadSignature):
            return None
        return token if submission.token_is_valid(token) else None


def _forget_form_classes(sender, instance, **kwargs):
    """A question saved or deleted outside publishing (a script, a test) must not leave a stale form."""
    if isinstance(instance, AbstractWorkflowFormField):
        for key in [key for key in _FORM_CLASSES if key[1] == instance.page_id]:
            _FORM_CLASSES.pop(key, None)


post_save.connect(_forget_form_classes, dispatch_uid="workflow_forms_forget_form_classes_on_save")
post_delete.connect(_forget_form_classes, dispatch_uid="workflow_forms_forget_form_classes_on_delete")
