"""Wagtail's history view for one submission, for whoever may see it (the log labels are the engine's)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import HeaderButton

from ...log_actions import CONFLICT_DECLARED_ACTION
from ...selectors import submissions_visible_to
from ...services.assessors import user_may_request_assessments


class SubmissionHistoryView(HistoryView):
    any_permission_required = ["view"]
    inspect_url_name = None

    def get_base_object_queryset(self):
        return submissions_visible_to(user=self.request.user, queryset=self.model._default_manager.all())

    def get_base_queryset(self):
        """Wagtail's entries; a declared conflict of interest only for those who may see declarations (and whoever
        declared it)."""
        queryset = super().get_base_queryset()
        if user_may_request_assessments(submission=self.object, user=self.request.user):
            return queryset
        return queryset.exclude(Q(action=CONFLICT_DECLARED_ACTION) & ~Q(user_id=self.request.user.pk))

    def get_edit_url(self, instance):
        # Submissions are never edited in the admin; their page is the inspect view.
        return reverse(self.inspect_url_name, args=(instance.pk,))

    @cached_property
    def header_buttons(self):
        return [HeaderButton(label=_("Inspect"), url=self.get_edit_url(self.object), icon_name="info-circle")]
