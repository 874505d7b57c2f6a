"""The detail of one submission: answers, files, timeline, notifications, internal notes and actions."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton

from ...models import InternalNote, Notification, SubmittedFile, TransitionLog
from ...services import available_transitions
from ...services.records import user_may_add_note
from ..actions import transition_action
from ..forms import NoteForm
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
    if isinstance(value, bool):  # a tick-box question
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


class SubmissionInspectView(generic.InspectView):
    any_permission_required = ["view"]
    template_name = "workflows/admin/inspect.html"
    transition_url_name = None
    note_url_name = None
    history_url_name = None

    def get_object(self, queryset=None):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(visible_queryset(model=self.model, user=self.request.user), pk=self.pk)

    def get_fields(self):
        return list(getattr(self.model, "core_fields", ())) or super().get_fields()

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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        names = available_transitions(application=self.object, user=user)
        context.update(
            {
                "state_label": self.object.get_state_display(),
                "answers": [
                    {"label": answer.get("label") or key, "value": answer_text(answer.get("value"))}
                    for key, answer in (self.object.answers or {}).items()
                ],
                "files": [
                    {"file": record, "url": reverse("workflow_forms:submitted_file", args=(record.pk,))}
                    for record in self.records(SubmittedFile)
                ],
                "timeline": self.records(TransitionLog).select_related("actor_user"),
                "notifications": self.records(Notification),
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
                "extra_buttons": extra_inspect_buttons(self.object, self.request),
                "next_url": self.request.get_full_path(),
                "state_labels": dict(self.model._meta.get_field("state").choices),
            }
        )
        return context
