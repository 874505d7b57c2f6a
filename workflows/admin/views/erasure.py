"""Admin screen: erase an applicant's personal data, from a submission's inspect page (confirm, then POST).

Only for users with ``workflow_forms.erase_applicant_data`` who may see the submission; anyone else gets
the same 404 as for an unknown id.
"""

from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ...registry import as_specific, submissions_for_email
from ...selectors import user_may_see_submission
from ...selectors.personal_data import is_erased_address
from ...services.personal_data import applicant_erase
from ...workspaces import workspace_viewsets

ERASE_PERMISSION = "workflow_forms.erase_applicant_data"
URL_NAME = "workflow_forms_erase_applicant"


def user_may_erase(*, user, submission) -> bool:
    return (
        getattr(user, "is_active", False)
        and user.has_perm(ERASE_PERMISSION)
        and user_may_see_submission(user=user, submission=submission)
    )


def inspect_url(submission) -> str:
    viewset = next((v for v in workspace_viewsets() if v.model is type(submission)), None)
    return reverse(viewset.get_url_name("inspect"), args=[submission.pk]) if viewset else reverse("wagtailadmin_home")


def erase_button(application, request) -> list[dict]:
    """The inspect page's "Erase personal data" button (see wagtail_hooks)."""
    specific = as_specific(application)
    if is_erased_address(specific.applicant_email) or not user_may_erase(user=request.user, submission=specific):
        return []
    content_type = ContentType.objects.get_for_model(specific)
    url = reverse(URL_NAME, args=[content_type.pk, specific.pk]) + "?next=" + quote(request.get_full_path())
    return [{"label": _("Erase personal data"), "url": url, "classname": "button-secondary no"}]


class ErasureView(WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Erase the applicant's personal data")
    header_icon = "bin"
    template_name = "workflows/admin/erase_applicant.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, content_type_id, pk):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        submission = model._default_manager.filter(pk=pk).first() if model is not None else None
        if submission is None or not hasattr(submission, "applicant_email"):
            raise Http404
        self.submission = as_specific(submission)
        if is_erased_address(self.submission.applicant_email):
            raise Http404
        if not user_may_erase(user=request.user, submission=self.submission):
            raise Http404
        return super().dispatch(request, content_type_id, pk)

    def get_page_subtitle(self):
        return self.submission.reference or ""

    def back_url(self) -> str:
        candidate = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return candidate
        return inspect_url(self.submission)

    def get(self, request, content_type_id, pk):
        context = self.get_context_data(
            submission=self.submission,
            others=[
                {
                    "reference": other.reference,
                    "kind": getattr(other, "kind_label", other._meta.verbose_name),
                    "state": other.get_state_display(),
                }
                for other in submissions_for_email(self.submission.applicant_email)
            ],
            back_url=self.back_url(),
        )
        return self.render_to_response(context)

    def post(self, request, content_type_id, pk):
        erasure = applicant_erase(email=self.submission.applicant_email, actor=request.user)
        messages.success(
            request,
            _("Personal data erased from %(count)s application(s): %(references)s.")
            % {"count": len(erasure.submissions), "references": ", ".join(erasure.submissions)},
        )
        return redirect(self.back_url())
