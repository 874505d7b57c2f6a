"""Reusable admin viewsets for submission kinds, grouped under an "Applications" menu.

A site registers one viewset per kind, e.g. in its ``wagtail_hooks.py``::

    class CityApplicationViewSet(ApplicationViewSet):
        model = CityApplication
        name = "city_applications"
        list_display = [...]

    class ApplicationsGroup(ApplicationsViewSetGroup):
        items = (CityApplicationViewSet, ...)

    @hooks.register("register_admin_viewset")
    def register_applications():
        return ApplicationsGroup()

URLs live under ``/admin/applications/`` (never ``/admin/workflows/``, which Wagtail core owns). Each kind
gets the ``SubmissionPermissionPolicy`` (registered with ``register_permission_policy``), so the listing,
inspect, history, export, bulk and transition views all answer with the plugin's one visibility rule.
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from ..workspaces import register_workspace_viewset, user_may_see_any_submissions
from .criteria import AssessmentCriterionViewSet
from .filters import filterset_for
from .permission_policy import SubmissionPermissionPolicy
from .views.assessment_requests import request_urlpatterns
from .views.assessments import AssessmentFormView, AssessmentRequestView
from .views.bulk import TransitionBulkAction
from .views.help import StateDiagramView
from .views.history import SubmissionHistoryView
from .views.inspect import SubmissionInspectView
from .views.listing import SubmissionIndexView
from .views.notes import NoteAddView
from .views.transitions import TransitionView

URL_ROOT = "applications"


class SubmissionViewSet(ModelViewSet):
    """Listing, inspect, history, transitions, bulk actions, notes and export for one submission kind.

    The filters and the export's columns come from the kind's declarations (``interest_field``,
    ``country_field``, ``core_fieldsets``, ``export_extra_fields``: see ``AbstractSubmission``).

    Override points (class attributes):
    - ``list_select_related`` / ``list_prefetch_related``: what the listing's columns read, so it runs a
      constant number of queries whatever the number of rows.
    - ``assessments_enabled``: False for a kind nobody assesses (registrations): the listing shows no assessment
      columns and offers no "Request assessments".
    """

    icon = "form"
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False
    add_to_reference_index = False
    list_per_page = 25
    ordering = "-submitted_at"
    list_select_related = ()
    list_prefetch_related = ()
    assessments_enabled = True
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    history_view_class = SubmissionHistoryView
    search_backend_name = None
    # Never edited in the admin (the policy refuses add/change/delete); the generic views still need a form.
    form_fields = []

    @cached_property
    def url_prefix(self):
        return f"{URL_ROOT}/{self.name.replace('_', '-')}"

    @cached_property
    def filterset_class(self):
        return filterset_for(self.model)

    @cached_property
    def list_export(self):
        return list(self.model.export_fields)

    @cached_property
    def export_filename(self):
        return self.name.replace("_", "-")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            list_select_related=self.list_select_related,
            list_prefetch_related=self.list_prefetch_related,
            transition_url_name=self.get_url_name("transition"),
            bulk_url_name=self.get_url_name("bulk"),
            assessment_url_name=self.get_url_name("assessment"),
            assessment_request_bulk_url_name=self.get_url_name("assessment_request_bulk"),
            assessments_enabled=self.assessments_enabled,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            transition_url_name=self.get_url_name("transition"),
            note_url_name=self.get_url_name("note"),
            assessment_url_name=self.get_url_name("assessment"),
            assessment_request_url_name=self.get_url_name("assessment_request"),
            url_namespace=self.url_namespace,
            **kwargs,
        )

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(inspect_url_name=self.get_url_name("inspect"), **kwargs)

    @property
    def transition_view(self):
        return TransitionView.as_view(model=self.model, inspect_url_name=self.get_url_name("inspect"))

    @property
    def bulk_view(self):
        return TransitionBulkAction.as_admin_view(
            model=self.model, index_url_name=self.get_url_name("index"), listing_view=self.index_view
        )

    @property
    def note_view(self):
        return NoteAddView.as_view(model=self.model, inspect_url_name=self.get_url_name("inspect"))

    @property
    def assessment_view(self):
        return AssessmentFormView.as_view(
            model=self.model,
            inspect_url_name=self.get_url_name("inspect"),
            decline_url_name=self.get_url_name("assessment_decline"),
        )

    @property
    def assessment_request_view(self):
        return AssessmentRequestView.as_view(
            model=self.model, inspect_url_name=self.get_url_name("inspect"), index_url_name=self.get_url_name("index")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("transition/<int:pk>/<slug:name>/", self.transition_view, name="transition"),
            path("bulk/<slug:name>/", self.bulk_view, name="bulk"),
            path("note/<int:pk>/", self.note_view, name="note"),
            path("assessment/<int:pk>/", self.assessment_view, name="assessment"),
            path("assessments/request/<int:pk>/", self.assessment_request_view, name="assessment_request"),
            path("assessments/request/", self.assessment_request_view, name="assessment_request_bulk"),
            *request_urlpatterns(self),
        ]

    def register_permissions(self):
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, SubmissionPermissionPolicy(self.model), exact_class=True)
        super().register_permissions()

    def on_register(self):
        register_workspace_viewset(self)
        super().on_register()


class ApplicationViewSet(SubmissionViewSet):
    """A kind of the plugin's ``Application`` (reviewed, assigned, activated ...)."""

    list_select_related = ("kind", "assigned_to")


class DiagramMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_see_any_submissions(request.user)


class StateDiagramViewSet(ViewSet):
    """The "How applications move" help page, in the Applications menu."""

    name = "how_applications_move"
    menu_label = _("How applications move")
    menu_icon = "help"
    menu_item_class = DiagramMenuItem
    add_to_admin_menu = False

    @cached_property
    def url_prefix(self):
        return f"{URL_ROOT}/how-applications-move"

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [path("", StateDiagramView.as_view(), name="index")]


class ApplicationsViewSetGroup(ViewSetGroup):
    """The "Applications" menu: the kinds in ``items``, the assessment criteria, then the help page. Shown only
    when one of them is."""

    menu_label = _("Applications")
    menu_icon = "form"
    menu_order = 250
    items = ()

    def __init__(self):
        self.items = (*self.items, AssessmentCriterionViewSet, StateDiagramViewSet)
        super().__init__()
