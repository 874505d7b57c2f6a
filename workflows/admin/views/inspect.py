"""The detail of one submission: answers, files, timeline, notifications, internal notes and actions."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from ...diagram import state_machine_svg, svg_width
from ...mail import mail_subject
from ...models import InternalNote, Notification, SubmittedFile, TransitionLog
from ...selectors.assessments import assessment_rounds
from ...services import available_transitions
from ...services.assessments import assessable_states, assessments_of, criteria_for
from ...services.assessors import user_may_assess, user_may_request_assessments
from ...services.records import user_may_add_note
from ...specs import spec_for, state_member
from ..actions import transition_action
from ..forms import NoteForm
from ..target_titles import target_titles, title_of
from .assessment_requests import request_context
from .erasure import erase_button
from .mixins import visible_queryset

INSPECT_BUTTONS_HOOK = "workflow_forms_inspect_buttons"


def extra_inspect_buttons(application, request) -> list[dict]:
    """Buttons other apps add through ``@hooks.register("workflow_forms_inspect_buttons")``.

    Each hook is ``fn(application, request) -> list[dict(label=..., url=..., classname=...)]`` and is
    called only for a user who may see the application; it decides itself whether its button applies.
    """
    buttons = []
    for hook in hooks.get_hooks(INSPECT_BUTTONS_HOOK):
        for button in hook(application, request) or []:
            buttons.append({"label": button["label"], "url": button["url"], "classname": button.get("classname", "")})
    return buttons


def answer_text(value) -> str:
    if isinstance(value, bool):  # a ticked or unticked checkbox question
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def state_badge(model, value: str) -> dict:
    """The badge of state ``value`` as the listing draws it: its label and its tone."""
    member = state_member(model, value) if value else None
    if member is None:
        return {"state": value, "label": value, "tone": "neutral"}
    return {"state": value, "label": member.label, "tone": member.tone}


def timeline_entry(model, entry) -> dict:
    """A log row in words: the transition's log label (or its label) and the states' badges."""
    spec = spec_for(model, entry.transition)
    # The first row records the submission itself, which is no transition of the machine.
    change = (spec.log_label or spec.label) if entry.from_state else _("Application received")
    return {
        "entry": entry,
        "change": change,
        "from_state": state_badge(model, entry.from_state),
        "to_state": state_badge(model, entry.to_state),
    }


class SubmissionInspectView(generic.InspectView):
    any_permission_required = ["view"]
    template_name = "workflows/admin/inspect.html"
    transition_url_name = None
    note_url_name = None
    history_url_name = None
    assessment_url_name = None
    assessment_request_url_name = None
    url_namespace = None

    def get_object(self, queryset=None):
        return get_object_or_404(visible_queryset(model=self.model, user=self.request.user), pk=self.pk)

    def get_fields(self):
        return list(getattr(self.model, "core_fields", ())) or super().get_fields()

    @cached_property
    def target_titles(self) -> dict:
        """The pages this kind points to, named in the admin language (see ``target_titles``)."""
        return target_titles(self.model, self.request)

    def get_field_display_value(self, field_name, field):
        if isinstance(field, models.BooleanField):
            return _("Yes") if getattr(self.object, field_name) else _("No")
        if isinstance(field, models.ManyToManyField) and self.target_titles:
            # The pages of interest (e.g. clusters) in the reviewer's language, as the listing names them.
            return (
                ", ".join(title_of(page, self.target_titles) for page in getattr(self.object, field_name).all()) or "-"
            )
        return super().get_field_display_value(field_name, field)

    def get_country_display_value(self):
        return self.object.country.name if self.object.country else ""

    @cached_property
    def header_buttons(self):
        if not self.history_url_name:
            return []
        return [
            HeaderButton(_("History"), url=reverse(self.history_url_name, args=(self.object.pk,)), icon_name="history")
        ]

    def records(self, model):
        return model.objects.filter(
            content_type=ContentType.objects.get_for_model(self.object), object_id=self.object.pk
        )

    def diagram(self) -> dict:
        """The machine, this application's state highlighted, at the help page's scale."""
        svg = state_machine_svg(
            self.model, title=_("Where this one is"), current=self.object.state, id_prefix="fsm-inspect"
        )
        # Safe: state_machine_svg escapes every label and title it writes.
        return {"svg": mark_safe(svg), "width": svg_width(svg)}  # noqa: S308

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        names = available_transitions(application=self.object, user=user)
        context.update(
            {
                "state_label": self.object.get_state_display(),
                "assigned_title": title_of(getattr(self.object, "assigned_to", None), self.target_titles),
                "answers": [
                    {"label": answer.get("label") or key, "value": answer_text(answer.get("value"))}
                    for key, answer in (self.object.answers or {}).items()
                ],
                "files": [
                    {"file": record, "url": reverse("workflow_forms:submitted_file", args=(record.pk,))}
                    for record in self.records(SubmittedFile)
                ],
                "state_badge": state_badge(self.model, self.object.state),
                "timeline": [
                    timeline_entry(self.model, entry)
                    for entry in self.records(TransitionLog).select_related("actor_user")
                ],
                "notifications": [
                    {"notification": notification, "subject": mail_subject(notification)}
                    for notification in self.records(Notification)
                ],
                "notes": self.records(InternalNote).select_related("author"),
                "may_add_note": user_may_add_note(application=self.object, user=user),
                "note_form": NoteForm(),
                "note_url": reverse(self.note_url_name, args=(self.object.pk,)),
                "actions": [
                    transition_action(
                        self.object, name, url=reverse(self.transition_url_name, args=(self.object.pk, name))
                    )
                    for name in names
                ],
                "extra_buttons": [
                    *extra_inspect_buttons(self.object, self.request),
                    *erase_button(self.object, self.request),
                ],
                "next_url": self.request.get_full_path(),
                "diagram": self.diagram(),
                **self.assessment_context(),
            }
        )
        return context

    def assessment_context(self) -> dict:
        """The assessments section: every round with its aggregate, and the user's own assessment and requests."""
        user = self.request.user
        mine = (
            assessments_of(self.object).filter(reviewer=user).order_by("-round", "-pk").first()
            if user_may_assess(submission=self.object, user=user)
            else None
        )
        may_request = (
            self.assessment_request_url_name
            and self.object.state in assessable_states(self.model)
            and user_may_request_assessments(submission=self.object, user=user)
        )
        rounds = assessment_rounds(self.object, list(criteria_for(self.model)))
        return {
            "assessment_rounds": rounds,
            "my_assessment": mine,
            "assessment_url": reverse(self.assessment_url_name, args=(self.object.pk,)) if mine else "",
            "request_assessments_url": (
                reverse(self.assessment_request_url_name, args=(self.object.pk,)) if may_request else ""
            ),
            **request_context(submission=self.object, user=user, namespace=self.url_namespace, rounds=rounds),
        }
