"""Screens around an assessment request: the reviewer declines it; a coordinator withdraws or re-assigns it, or
records someone's conflict of interest. Every write goes through ``services.assessment_requests``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ...exceptions import TransitionError, TransitionNotPermitted
from ...selectors.assessment_requests import REQUEST_STATES, request_state
from ...services.assessment_requests import assessment_decline, assessment_withdraw, conflict_record
from ...services.assessment_rules import (
    conflict_refusal_text,
    conflicts_of,
    default_due_date,
    site_today,
    user_has_conflict,
)
from ...services.assessments import assessments_of, current_round
from ...services.assessors import assessor_candidates, request_refusal_text, user_may_request_assessments
from ..assessment_request_forms import ConflictForm, DeclineForm, WithdrawForm
from .assessments import Refused, RefusingView, _may_view


class RequestActionView(RefusingView):
    """A form on one row's request: GET draws it, POST runs ``act`` and goes back to the row's assessments."""

    template_name = "workflows/admin/assessment_request_action.html"
    title = ""
    submit_label = ""

    def checked_dispatch(self, request, pk, **kwargs):
        if not _may_view(self.model, request.user):
            raise PermissionDenied
        self.object = self.get_visible_object(pk)
        self.check(request, **kwargs)
        return View.dispatch(self, request, pk, **kwargs)

    def render(self, form, status=200):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "object": self.object,
                "form": form,
                "title": self.title,
                "intro": self.intro(),
                "submit_label": self.submit_label,
                "action_url": self.request.get_full_path(),
                "back_url": self.inspect_url + "#assessments",
            },
            status=status,
        )

    def intro(self) -> str:
        return ""

    def get(self, request, pk, **kwargs):
        return self.render(self.form())

    def post(self, request, pk, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Nothing was changed: correct the errors below."))
            return self.render(form, status=400)
        try:
            done = self.act(form.cleaned_data)
        except TransitionNotPermitted as error:
            raise Refused(error.message) from error
        except TransitionError as error:
            for field, text in error.field_errors.items():
                form.add_error(field if field in form.fields else None, text)
            messages.error(request, str(error.message))
            return self.render(form, status=409 if not error.field_errors else 400)
        messages.success(request, done)
        return HttpResponseRedirect(self.inspect_url + "#assessments")


class AssessmentDeclineView(RequestActionView):
    """The asked reviewer declines: a conflict of interest (recorded) or not available."""

    title = gettext_lazy("Decline the assessment request")
    submit_label = gettext_lazy("Decline")

    def check(self, request):
        if user_has_conflict(submission=self.object, user=request.user):
            raise Refused(conflict_refusal_text())
        awaited = (
            assessments_of(self.object)
            .filter(reviewer=request.user, round=current_round(self.object))
            .awaited()
            .first()
        )
        if awaited is None:
            raise Refused(_("No open assessment request of this application is waiting for you."))
        self.assessment = awaited

    def intro(self) -> str:
        if self.assessment.due_date:
            return _("%(reference)s was requested from you by %(by)s, due on %(date)s.") % {
                "reference": self.object,
                "by": self.assessment.requested_by.get_full_name() if self.assessment.requested_by else "—",
                "date": formats.date_format(self.assessment.due_date, "DATE_FORMAT"),
            }
        return ""

    def form(self, data=None):
        return DeclineForm(data)

    def act(self, data) -> str:
        assessment_decline(submission=self.object, user=self.request.user, reason=data["reason"], note=data["note"])
        return _("%(reference)s: you declined the assessment request. The coordinator who asked was told.") % {
            "reference": self.object
        }


class CoordinatorActionView(RequestActionView):
    def check(self, request, **kwargs):
        if not user_may_request_assessments(submission=self.object, user=request.user):
            role = _("Your role does not allow managing assessment requests.")
            raise Refused(request_refusal_text(submission=self.object, user=request.user, otherwise=role))


class AssessmentWithdrawView(CoordinatorActionView):
    """Withdraw a request still awaited, and optionally ask someone else instead."""

    title = gettext_lazy("Withdraw or re-assign an assessment request")
    submit_label = gettext_lazy("Withdraw")

    def check(self, request, assessment_id):
        super().check(request)
        self.assessment = assessments_of(self.object).filter(pk=assessment_id).select_related("reviewer").first()
        if self.assessment is None:
            raise Http404
        if not self.assessment.is_awaited:
            raise Refused(_("This request is no longer awaited: it was given, declined or withdrawn."), status=409)

    def intro(self) -> str:
        reviewer = self.assessment.reviewer
        return _("The request to %(reviewer)s is withdrawn: they can no longer give it.") % {
            "reviewer": (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "—"
        }

    def form(self, data=None):
        asked = set(assessments_of(self.object).filter(round=self.assessment.round).values_list("reviewer", flat=True))
        candidates = [user for user in assessor_candidates(submission=self.object) if user.pk not in asked]
        return WithdrawForm(data, candidates=candidates, default_due=default_due_date(self.model))

    def act(self, data) -> str:
        replacement = data.get("replacement")
        assessment_withdraw(
            assessment=self.assessment, user=self.request.user, replacement=replacement, due_date=data.get("due_date")
        )
        if replacement is not None:
            return _("The request was re-assigned to %(name)s.") % {
                "name": replacement.get_full_name() or replacement.get_username()
            }
        return _("The request was withdrawn.")


class ConflictRecordView(CoordinatorActionView):
    """A coordinator records someone's conflict of interest with this row (their open requests are withdrawn)."""

    title = gettext_lazy("Record a conflict of interest")
    submit_label = gettext_lazy("Record the conflict")

    def intro(self) -> str:
        return _(
            "The person will not be offered as a reviewer of %(reference)s again, cannot see its assessments, and "
            "any request still awaited from them is withdrawn."
        ) % {"reference": self.object}

    def form(self, data=None):
        declared = set(conflicts_of(self.object).values_list("user_id", flat=True))
        asked = {a.reviewer_id: a.reviewer for a in assessments_of(self.object).select_related("reviewer")}
        people = {user.pk: user for user in assessor_candidates(submission=self.object)}
        people.update({pk: user for pk, user in asked.items() if user is not None and user.is_active})
        choices = [user for pk, user in people.items() if pk not in declared]
        choices.sort(key=lambda user: (user.get_full_name() or user.get_username()).lower())
        return ConflictForm(data, people=choices)

    def act(self, data) -> str:
        person = data["person"]
        conflict_record(submission=self.object, person=person, user=self.request.user, note=data["note"])
        return _("A conflict of interest was recorded for %(name)s.") % {
            "name": person.get_full_name() or person.get_username()
        }


def request_urlpatterns(viewset) -> list:
    """The URLs of these screens, for ``SubmissionViewSet.get_urlpatterns``."""
    common = {"model": viewset.model, "inspect_url_name": viewset.get_url_name("inspect")}
    common["index_url_name"] = viewset.get_url_name("index")
    return [
        path("assessment/<int:pk>/decline/", AssessmentDeclineView.as_view(**common), name="assessment_decline"),
        path(
            "assessment/<int:pk>/withdraw/<int:assessment_id>/",
            AssessmentWithdrawView.as_view(**common),
            name="assessment_withdraw",
        ),
        path("assessment/<int:pk>/conflict/", ConflictRecordView.as_view(**common), name="assessment_conflict"),
    ]


def request_context(*, submission, user, namespace: str, rounds: list[dict]) -> dict:
    """The inspect page's part: each request's state and links (set on the rounds' assessments as
    ``request_info``), the declarations (coordinators only), and whether this user is kept away from the
    assessments by their own declared conflict."""
    if user_has_conflict(submission=submission, user=user):
        return {"assessments_refused": conflict_refusal_text(), "assessment_rounds": []}
    coordinator = user_may_request_assessments(submission=submission, user=user)
    today = site_today()
    for assessment in (assessment for round_ in rounds for assessment in round_["assessments"]):
        state = request_state(assessment, today=today)
        withdraw_url = ""
        if coordinator and state in ("awaited", "overdue"):
            withdraw_url = reverse(f"{namespace}:assessment_withdraw", args=[submission.pk, assessment.pk])
        assessment.request_info = {
            "state": state,
            "label": REQUEST_STATES[state],
            "withdraw_url": withdraw_url,
            # Why it was declined (a conflict, or not available) only for those who may see declarations.
            "show_reason": coordinator or assessment.reviewer_id == user.pk,
        }
    return {
        "conflicts": list(conflicts_of(submission).select_related("user", "declared_by")) if coordinator else [],
        "conflict_url": reverse(f"{namespace}:assessment_conflict", args=[submission.pk]) if coordinator else "",
        "decline_url": reverse(f"{namespace}:assessment_decline", args=[submission.pk]),
    }
