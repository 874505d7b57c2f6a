"""Account › Daily digest: a staff member turns the daily digest on or off (on by default for coordinators)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from ..models import StaffDigestPreference
from ..services.digests import digest_wanted_by_default
from ..workspaces import user_may_see_any_submissions


class DigestPreferenceForm(forms.ModelForm):
    class Meta:
        model = StaffDigestPreference
        fields = ["wants_digest"]


class DigestSettingsPanel(BaseSettingsPanel):
    name = "workflow_digest"
    title = _("Daily digest")
    tab = notifications_tab
    order = 150
    form_class = DigestPreferenceForm

    def is_active(self):
        return user_may_see_any_submissions(self.user)

    def get_form(self):
        preference = StaffDigestPreference.objects.filter(user=self.user).first() or StaffDigestPreference(
            user=self.user, wants_digest=digest_wanted_by_default(self.user)
        )
        if self.request.method == "POST":
            return self.form_class(self.request.POST, instance=preference, prefix=self.name)
        return self.form_class(instance=preference, prefix=self.name)
