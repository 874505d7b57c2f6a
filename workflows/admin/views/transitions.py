"""Row transitions. Every change goes through ``perform_transition``; refusals become messages."""

from copy import copy

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from ...exceptions import MissingTransitionInput, TransitionConflict, TransitionError
from ...services import available_transitions, perform_transition
from ...services.transitions import transition_refusal
from ...specs import spec_for
from ..actions import confirmation_text
from ..forms import TransitionForm
from ..permission_policy import SubmissionPermissionPolicy
from .mixins import VisibleObjectMixin


def safe_next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return fallback


def as_seen(submission, state: str):
    """A copy of ``submission`` showing the state the user saw, so the service reports a change since as a
    conflict (its locked re-read compares the two). The field is protected from assignment, so the
    value goes straight into the instance's ``__dict__``, where the field reads it."""
    seen = copy(submission)
    seen.__dict__["state"] = state
    return seen


def run_transition(*, submission, name: str, user, seen_state: str, inputs: dict):
    """Refuse a transition the user was not offered, report a state changed since the page was shown as a
    conflict, else perform it. Raises TransitionError; nothing changes when it does."""
    if seen_state != submission.state:
        raise TransitionConflict()
    if name not in available_transitions(application=submission, user=user):
        raise transition_refusal(application=submission, name=name, user=user)
    return perform_transition(application=as_seen(submission, seen_state), name=name, user=user, **inputs)


class TransitionView(VisibleObjectMixin, View):
    """GET: the small form a transition needs (or a confirmation). POST: perform it."""

    template_name = "workflows/admin/transition.html"

    def dispatch(self, request, pk, name):
        policy = SubmissionPermissionPolicy(self.model)
        if not policy.user_has_permission(request.user, "view"):
            return self.permission_denied()
        self.object = self.get_visible_object(pk)
        self.name = name
        self.next_url = safe_next_url(request, self.inspect_url)
        return super().dispatch(request, pk, name)

    def permission_denied(self):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied

    def refuse(self, error: TransitionError):
        messages.error(self.request, f"{self.object}: {error.message}")
        return HttpResponseRedirect(self.next_url)

    def form(self, data=None):
        initial = {"state": self.request.GET.get("state") or self.object.state}
        return TransitionForm(data, initial=initial, name=self.name, model=self.model)

    def render(self, form, status=200):
        spec = spec_for(self.model, self.name)
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "object": self.object,
                "form": form,
                "transition_label": spec.label,
                "confirmation": confirmation_text(self.object, self.name),
                "destructive": spec.destructive,
                "action_url": self.request.path,
                "next_url": self.next_url,
                "inspect_url": self.inspect_url,
                "state_label": self.object.get_state_display(),
            },
            status=status,
        )

    def get(self, request, pk, name):
        if name not in available_transitions(application=self.object, user=request.user):
            return self.refuse(transition_refusal(application=self.object, name=name, user=request.user))
        return self.render(self.form())

    def post(self, request, pk, name):
        # The listing's one-click items post the state the user saw in their URL, the forms in their body.
        data = request.POST.copy()
        data.setdefault("state", request.GET.get("state", ""))
        # Refuse before reading any input: a changed state or an action not offered to this user.
        if data.get("state") != self.object.state:
            return self.refuse(TransitionConflict())
        if name not in available_transitions(application=self.object, user=request.user):
            return self.refuse(transition_refusal(application=self.object, name=name, user=request.user))
        form = self.form(data)
        if not form.is_valid():
            messages.error(request, _("The action could not be performed: correct the errors below."))
            return self.render(form, status=400)
        try:
            run_transition(
                submission=self.object,
                name=name,
                user=request.user,
                seen_state=form.cleaned_data["state"],
                inputs=form.transition_kwargs(),
            )
        except MissingTransitionInput as error:
            for field, text in error.field_errors.items():
                form.add_error(field if field in form.fields else None, text)
            messages.error(request, str(error.message))
            return self.render(form, status=400)
        except TransitionError as error:
            return self.refuse(error)
        messages.success(
            request,
            _("%(reference)s: %(action)s done.")
            % {"reference": self.object, "action": spec_for(self.model, name).label},
        )
        return HttpResponseRedirect(self.next_url)
