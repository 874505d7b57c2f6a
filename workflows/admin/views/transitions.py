"""Row transitions. Every change goes through ``perform_transition``; refusals become messages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
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
        raise PermissionDenied

    def refuse(self, error: TransitionError):
        messages.error(self.request, f"{self.object}: {error.message}")
        return HttpResponseRedirect(self.next_url)

    def refusal(self, *, seen_state: str) -> TransitionError | None:
        """Why the user cannot perform this transition from the state they saw, or None."""
        if seen_state != self.object.state:
            return TransitionConflict()
        if self.name not in available_transitions(application=self.object, user=self.request.user):
            return transition_refusal(application=self.object, name=self.name, user=self.request.user)
        return None

    def invalid(self, form, message: str):
        messages.error(self.request, message)
        return self.render(form, status=400)

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
        refusal = self.refusal(seen_state=self.object.state)
        return self.refuse(refusal) if refusal is not None else self.render(self.form())

    def post(self, request, pk, name):
        # The listing's one-click items post the state the user saw in their URL, the forms in their body.
        data = request.POST.copy()
        data.setdefault("state", request.GET.get("state", ""))
        form = self.form(data)
        if not form.is_valid():
            # Nothing runs on this path; a changed state or an action not theirs is worth saying before the inputs.
            refusal = self.refusal(seen_state=data["state"])
            if refusal is not None:
                return self.refuse(refusal)
            return self.invalid(form, _("The action could not be performed: correct the errors below."))
        try:
            # The one check that guards the change: the state the user saw and their right to act, under the lock.
            perform_transition(
                application=self.object,
                name=name,
                user=request.user,
                seen_state=form.cleaned_data["state"],
                **form.transition_kwargs(),
            )
        except MissingTransitionInput as error:
            for field, text in error.field_errors.items():
                form.add_error(field if field in form.fields else None, text)
            return self.invalid(form, str(error.message))
        except TransitionError as error:
            return self.refuse(error)
        messages.success(
            request,
            _("%(reference)s: %(action)s done.")
            % {"reference": self.object, "action": spec_for(self.model, name).label},
        )
        return HttpResponseRedirect(self.next_url)
