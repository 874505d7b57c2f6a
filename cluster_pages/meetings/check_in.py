"""The check-in screen: at the door, on a phone, find a person by name and mark them attended.

Coordinators check people in at every session, a cluster's leaders at their cluster's sessions. Marking
attended is the registration's ``mark_attended`` transition, through ``perform_transition`` like every change.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.exceptions import TransitionError
from workflows.services.transitions import perform_transition

from ..models import EventRegistration
from .selectors import check_in_list, sessions_managed_by


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.page.title})"


class CheckInSearchForm(forms.Form):
    session = SessionChoiceField(label=gettext_lazy("Session"), queryset=None, empty_label=None)
    q = forms.CharField(label=gettext_lazy("Name"), required=False, max_length=255)

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})


class CheckInView(WagtailAdminTemplateMixin, TemplateView):
    """GET: choose a session, search a name; each person with a place has a "Mark attended" button."""

    template_name = "cluster_pages/admin/check_in.html"
    page_title = gettext_lazy("Check-in")
    header_icon = "tick"
    index_url_name = None
    mark_url_name = None

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.sessions = sessions_managed_by(request.user)
        if not self.sessions.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.request.GET if "session" in self.request.GET else None
        form = CheckInSearchForm(data, sessions=self.sessions, initial={"session": self.sessions.first()})
        session = form.cleaned_data["session"] if form.is_bound and form.is_valid() else None
        if not form.is_bound:
            session = self.sessions.first()
        query = form.cleaned_data.get("q", "").strip() if form.is_bound and form.is_valid() else ""
        people = check_in_list(user=self.request.user, session=session, query=query) if session else []
        context.update(
            form=form,
            session=session,
            query=query,
            people=people,
            mark_url_name=self.mark_url_name,
            back_query=urlencode({"session": session.pk, "q": query}) if session else "",
        )
        return context


class MarkAttendedView(TemplateView):
    """POST: mark one registration attended; back to the check-in list with the same session and search."""

    http_method_names = ["post"]
    check_in_url_name = None

    def post(self, request, pk):
        registrations = EventRegistration.objects.filter(session__in=sessions_managed_by(request.user))
        registration = get_object_or_404(registrations.select_related("session"), pk=pk)
        back = (
            reverse(self.check_in_url_name)
            + "?"
            + urlencode({"session": registration.session_id, "q": request.POST.get("q", "")[:255]})
        )
        try:
            perform_transition(application=registration, name="mark_attended", user=request.user)
        except TransitionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.applicant_name})
        return redirect(back)
