"""Admin screen: "Draft a case study" from an active city application (confirm with GET, act on POST).

Every outcome returns to the application's inspect page: the coordinator who drafts is usually no editor, so
a link to the page editor is offered only to someone who may edit that page (Wagtail's page permission)."""

from urllib.parse import quote

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .case_study_drafts import (
    CaseStudyDraftRefused,
    case_study_draft_from_application,
    existing_case_study_draft,
    user_may_draft_case_study,
)
from .models import CityApplication
from .viewsets import CityApplicationViewSet


def draft_edit_url(page, user) -> str:
    """The page editor's URL for ``page`` if ``user`` may edit it there, else ""."""
    if page.permissions_for_user(user).can_edit():
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return ""


def _open_draft_buttons(page, user) -> list:
    url = draft_edit_url(page, user)
    return [messages.button(url, _("Open the case study draft"))] if url else []


class CaseStudyDraftView(WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Draft a case study")
    header_icon = "doc-full"
    template_name = "cluster_pages/admin/case_study_draft_confirm.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, pk):
        self.application = get_object_or_404(CityApplication, pk=pk)
        # The same answer as for an unknown id: nobody learns which applications exist by guessing.
        if not user_may_draft_case_study(user=request.user, application=self.application):
            raise Http404
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.application.reference or ""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.back_url(), "label": self.application.reference or str(self.application)},
            {"url": "", "label": self.page_title},
        ]

    def back_url(self) -> str:
        candidate = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return candidate
        return reverse(f"{CityApplicationViewSet.name}:inspect", args=[self.application.pk])

    def get(self, request, pk):
        existing = existing_case_study_draft(application=self.application)
        context = self.get_context_data(
            application=self.application,
            existing=existing,
            existing_url=draft_edit_url(existing, request.user) if existing else "",
            back_url=self.back_url(),
        )
        return self.render_to_response(context)

    def post(self, request, pk):
        try:
            page = case_study_draft_from_application(application=self.application, user=request.user)
        except CaseStudyDraftRefused as refusal:
            buttons = _open_draft_buttons(refusal.existing, request.user) if refusal.existing is not None else []
            messages.error(request, refusal.message, buttons=buttons)
            return redirect(self.back_url())
        messages.success(
            request,
            _("Draft case study “%(title)s” created and sent to “Case study review”.") % {"title": page.title},
            buttons=_open_draft_buttons(page, request.user),
        )
        return redirect(self.back_url())


def inspect_buttons(application, request) -> list[dict]:
    """The inspect view's extra button for an active city application (see wagtail_hooks)."""
    specific = getattr(application, "specific", application)
    if not isinstance(specific, CityApplication) or specific.state != "active":
        return []
    if not user_may_draft_case_study(user=request.user, application=specific):
        return []
    existing = existing_case_study_draft(application=specific)
    url = reverse("cluster_pages_case_study_draft", args=[specific.pk]) + "?next=" + quote(request.get_full_path())
    if existing is None:
        return [{"label": _("Draft a case study"), "url": url, "classname": "button-secondary"}]
    edit_url = draft_edit_url(existing, request.user)
    if edit_url:
        return [{"label": _("Open the case study draft"), "url": edit_url, "classname": ""}]
    # Not an editor: the draft screen says the draft exists and where it stands, without a dead end.
    return [{"label": _("Case study drafted"), "url": url, "classname": "button-secondary"}]
