"""Wagtail's history view for one submission, for whoever may see it (the log labels are the engine's)."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import HeaderButton

from ...selectors import submissions_visible_to


class SubmissionHistoryView(HistoryView):
    any_permission_required = ["view"]
    inspect_url_name = None

    def get_base_object_queryset(self):
        return submissions_visible_to(user=self.request.user, queryset=self.model._default_manager.all())

    def get_edit_url(self, instance):
        # Submissions are never edited in the admin; their page is the inspect view.
        return reverse(self.inspect_url_name, args=(instance.pk,))

    @cached_property
    def header_buttons(self):
        return [HeaderButton(label=_("Inspect"), url=self.get_edit_url(self.object), icon_name="info-circle")]
