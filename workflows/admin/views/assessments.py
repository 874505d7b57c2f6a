"""Requesting assessments (one row from its inspect page, or the rows selected in the listing) and giving one.

Every write goes through ``workflows.services.assessments``; these views only draw forms and report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from ...exceptions import MissingTransitionInput, TransitionError, TransitionNotPermitted
from ...ids import row_ids
from ...models import Application
from ...services.assessment_rules import (
    conflict_refusal_text,
    default_due_date,
    ended_request_text,
    user_has_conflict,
)
from ...services.assessments import (
    assessable_states,
    assessment_give,
    assessments_of,
    assessments_request,
    criteria_for,
    current_round,
)
from ...services.assessors import (
    AssessorPool,
    request_refusal_text,
    user_may_assess,
    user_may_request_any_assessments,
    user_may_request_assessments,
)
from ..assessment_forms import AssessmentForm, AssessmentRequestForm
from ..permission_policy import SubmissionPermissionPolicy
from .mixins import VisibleObjectMixin, visible_queryset
from .transitions import safe_next_url


def _may_view(model, user) -> bool:
    return SubmissionPermissionPolicy(model).user_has_permission(user, "view")


class Refused(Exception):
    """A refusal these views answer with a 403 page that says why (not Wagtail's redirect to the dashboard)."""

    def __init__(self, reason, *, status: int = 403):
        self.reason = reason
        self.status = status
        super().__init__(str(reason))


def refusal(request, reason, *, back_url: str, back_label, status: int = 403) -> TemplateResponse:
    return TemplateResponse(
        request,
        "workflows/admin/refused.html",
        {"reason": reason, "back_url": back_url, "back_label": back_label},
        status=status,
    )


class RefusingView(VisibleObjectMixin, View):
    """Turns ``Refused`` into the 403 page, with a way back (the row if visible, else the listing)."""

    index_url_name = None

    def back(self):
        if getattr(self, "object", None) is not None:
            return self.inspect_url, _("Back to the application")
        return reverse(self.index_url_name), _("Back to the list")

    def dispatch(self, request, *args, **kwargs):
        try:
            return self.checked_dispatch(request, *args, **kwargs)
        except Refused as refused:
            back_url, back_label = self.back()
            return refusal(request, refused.reason, back_url=back_url, back_label=back_label, status=refused.status)


class AssessmentRequestView(RefusingView):
    """GET: choose reviewers; POST: ask them. For one row (``pk``) or the selected rows (``?id=``)."""

    template_name = "workflows/admin/assessment_request.html"

    def checked_dispatch(self, request, pk=None):
        if not _may_view(self.model, request.user):
            raise PermissionDenied
        self.object = None
        if pk is not None:
            self.object = self.get_visible_object(pk)
        may_request = (
            user_may_request_assessments(submission=self.object, user=request.user)
            if self.object is not None
            else user_may_request_any_assessments(request.user)
        )
        if not may_request:
            role = _("Your role does not allow requesting assessments.")
            if self.object is not None:
                role = request_refusal_text(submission=self.object, user=request.user, otherwise=role)
            raise Refused(role)
        if pk is not None:
            if self.object.state not in assessable_states(self.model):
                raise Refused(
                    _("Assessments cannot be requested while the application is “%(state)s”.")
                    % {"state": self.object.get_state_display()},
                    status=409,
                )
            self.rows, self.left_out = [self.object], []
            fallback = self.inspect_url + "#assessments"
        else:
            ids = row_ids((request.POST or request.GET).getlist("id"))
            rows = visible_queryset(model=self.model, user=request.user).filter(pk__in=ids).order_by("pk")
            if issubclass(self.model, Application):
                rows = rows.select_related("assigned_to")
            self.rows, self.left_out = [], []
            for row in rows:
                if row.state not in assessable_states(self.model):
                    reason = _("Assessments cannot be requested while the application is “%(state)s”.") % {
                        "state": row.get_state_display()
                    }
                    self.left_out.append((str(row), reason))
                elif not user_may_request_assessments(submission=row, user=request.user, conflicts=self.pool.conflicts):
                    role = _("Your role does not allow requesting assessments of it.")
                    reason = request_refusal_text(submission=row, user=request.user, otherwise=role)
                    self.left_out.append((str(row), reason))
                else:
                    self.rows.append(row)
            fallback = reverse(self.index_url_name)
        self.next_url = safe_next_url(request, fallback)
        return View.dispatch(self, request, pk)

    @cached_property
    def pool(self) -> AssessorPool:
        """Who may assess these rows, asked once for all of them (not per row and reviewer)."""
        return AssessorPool(self.model)

    def candidates(self) -> list:
        found = {}
        for row in self.rows:
            for user in self.pool.candidates(row):
                found.setdefault(user.pk, user)
        return sorted(found.values(), key=lambda user: (user.get_full_name() or user.get_username()).lower())

    def already_asked(self) -> list:
        if self.object is None:
            return []
        round_number = current_round(self.object)
        return list(assessments_of(self.object).filter(round=round_number).select_related("reviewer"))

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "object": self.object,
                "rows": self.rows,
                "form": form,
                "already_asked": self.already_asked(),
                "left_out": self.left_out,
                "action_url": self.request.get_full_path(),
                "next_url": self.next_url,
            },
            status=status,
        )

    def get(self, request, pk=None):
        return self.render(
            AssessmentRequestForm(candidates=self.candidates(), default_due=default_due_date(self.model))
        )

    def post(self, request, pk=None):
        if not self.rows:
            messages.error(request, _("None of the selected rows is one you may request assessments of."))
            return HttpResponseRedirect(self.next_url)
        form = AssessmentRequestForm(
            request.POST, candidates=self.candidates(), default_due=default_due_date(self.model)
        )
        if not form.is_valid():
            messages.error(request, _("No assessment was requested: correct the errors below."))
            return self.render(form, status=400)
        reviewers = list(form.cleaned_data["reviewers"])
        asked, refused = [], list(self.left_out)
        for row in self.rows:
            eligible = [reviewer for reviewer in reviewers if self.pool.may_assess(submission=row, user=reviewer)]
            skipped = [reviewer for reviewer in reviewers if reviewer not in eligible]
            try:
                created = assessments_request(
                    submission=row,
                    reviewers=eligible,
                    user=request.user,
                    pool=self.pool,
                    due_date=form.cleaned_data["due_date"],
                )
            except TransitionError as error:
                refused.append((str(row), str(error.message)))
                continue
            asked.extend((str(row), assessment) for assessment in created)
            if skipped:
                names = ", ".join(reviewer.get_full_name() or reviewer.get_username() for reviewer in skipped)
                refused.append((str(row), _("%(names)s may not assess it.") % {"names": names}))
        self.report(asked, refused)
        return HttpResponseRedirect(self.next_url)

    def report(self, asked, refused):
        if asked:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s assessment requested (%(details)s).",
                    "%(count)s assessments requested (%(details)s).",
                    len(asked),
                )
                % {
                    "count": formats.number_format(len(asked), force_grouping=True),
                    "details": ", ".join(
                        f"{reference}: {assessment.reviewer.get_full_name() or assessment.reviewer.get_username()}"
                        for reference, assessment in asked
                    ),
                },
            )
        elif not refused:
            messages.info(self.request, _("Everyone chosen had already been asked in this round."))
        if refused:
            messages.error(
                self.request,
                _("Not requested: %(details)s") % {"details": "; ".join(f"{ref} — {why}" for ref, why in refused)},
            )


class AssessmentFormView(RefusingView):
    """The requested reviewer's assessment of one row: given, then editable until the row moves on."""

    template_name = "workflows/admin/assessment_form.html"
    decline_url_name = None

    def checked_dispatch(self, request, pk):
        if not _may_view(self.model, request.user):
            raise PermissionDenied
        self.object = self.get_visible_object(pk)
        if user_has_conflict(submission=self.object, user=request.user):
            raise Refused(conflict_refusal_text())
        self.assessment = (
            assessments_of(self.object)
            .filter(reviewer=request.user)
            .prefetch_related("scores")
            .order_by("-round", "-pk")
            .first()
        )
        if self.assessment is None or not user_may_assess(submission=self.object, user=request.user):
            raise Refused(_("No assessment of this application was requested from you."))
        self.criteria = list(criteria_for(self.model))
        return View.dispatch(self, request, pk)

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "object": self.object,
                "assessment": self.assessment,
                "form": form,
                "editable": self.assessment.is_open and not self.assessment.is_ended,
                "ended_text": ended_request_text(self.assessment) if self.assessment.is_ended else "",
                "decline_url": (
                    reverse(self.decline_url_name, args=[self.object.pk])
                    if self.decline_url_name and self.assessment.is_awaited
                    else ""
                ),
                "state_label": self.object.get_state_display(),
                "action_url": self.request.path,
                "inspect_url": self.inspect_url,
            },
            status=status,
        )

    def form(self, data=None):
        return AssessmentForm(data, criteria=self.criteria, initial=AssessmentForm.initial_for(self.assessment))

    def get(self, request, pk):
        return self.render(self.form())

    def post(self, request, pk):
        form = self.form(request.POST)
        if self.assessment.is_ended:
            messages.error(request, ended_request_text(self.assessment))
            return self.render(self.form(), status=409)
        if not self.assessment.is_open:
            messages.error(
                request,
                _("The application has moved on since your assessment was requested: it can no longer be changed."),
            )
            return self.render(self.form(), status=409)
        if not form.is_valid():
            messages.error(request, _("The assessment was not saved: correct the errors below."))
            return self.render(form, status=400)
        first_time = self.assessment.given_at is None
        try:
            assessment_give(
                submission=self.object,
                user=request.user,
                scores=form.scores(),
                recommendation=form.cleaned_data["recommendation"],
                comment=form.cleaned_data["comment"],
            )
        except MissingTransitionInput as error:
            for field, text in error.field_errors.items():
                form.add_error(field if field in form.fields else None, text)
            messages.error(request, str(error.message))
            return self.render(form, status=400)
        except TransitionNotPermitted as error:
            raise Refused(error.message) from error
        except TransitionError as error:
            messages.error(request, str(error.message))
            return self.render(self.form(), status=409)
        messages.success(
            request,
            (
                _("%(reference)s: your assessment was saved.")
                if first_time
                else _("%(reference)s: your assessment was changed.")
            )
            % {"reference": self.object},
        )
        return HttpResponseRedirect(self.inspect_url + "#assessments")
