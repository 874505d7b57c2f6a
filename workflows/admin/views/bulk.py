"""One transition on the rows selected in the listing, through Wagtail's bulk-action framework.

The listing's footer (Wagtail's ``bulk-actions.js``) sends the selected ids to ``bulk/<transition>/``. A GET is
the confirmation step Wagtail's bulk actions always show: the rows that will move, each with what will happen
(the spec's ``confirmation``), the rows that will not and why, and the transition's inputs. The POST runs each
confirmed row through ``perform_transition``, in its own transaction, and reports every row.

"Select all in the listing" sends ``id=all`` with the listing's own query string (filters, search): the rows
are then those the kind's listing view finds for that query, over all its pages, and go through the same
confirmation step. The POST carries the confirmed rows themselves, so it acts on what the user confirmed.

It is mounted by each kind's viewset rather than registered with ``register_bulk_action``: Wagtail's registry
wants one class per action, and these actions are the machine's transitions, read from their specs.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.bulk_action import BulkAction

from ...exceptions import TransitionError
from ...ids import row_ids
from ...models import Application
from ...selectors import target_ids_managed_by
from ...services.transitions import perform_transition, transition_refusal
from ...specs import spec_for, transition_specs
from ...workspaces import workspace_models
from ..actions import confirmation_text, staff_transitions
from ..forms import BulkTransitionForm
from ..permission_policy import SubmissionPermissionPolicy
from .mixins import visible_queryset


class TransitionBulkAction(BulkAction):
    """Transition ``name`` on the selected rows of one kind: confirm, then run row by row."""

    display_name = gettext_lazy("Act on the selected rows")
    action_type = "transition"
    aria_label = gettext_lazy("Act on the selected rows")
    template_name = "workflows/admin/bulk_transition.html"
    form_class = BulkTransitionForm

    def __init__(self, request, model, *, name: str, index_url: str, listing_view=None):
        specs = transition_specs(model)
        if name not in specs or specs[name].by_applicant:
            raise Http404
        self.name = name
        self.spec = specs[name]
        self.listing_view = listing_view
        super().__init__(request, model)
        if self.next_url == request.path:  # no (safe) ``next``: back to the listing
            self.next_url = index_url

    @classproperty
    def models(cls):
        return workspace_models()

    @classmethod
    def as_admin_view(cls, *, model, index_url_name: str, listing_view=None):
        """``listing_view``: the kind's listing (a view function from ``as_view``), whose filters and search
        choose the rows of "Select all in the listing"."""

        def view(request, name):
            if not SubmissionPermissionPolicy(model).user_has_permission(request.user, "view"):
                raise PermissionDenied
            return cls(
                request, model, name=name, index_url=reverse(index_url_name), listing_view=listing_view
            ).dispatch(request)

        return view

    # -- the selection -------------------------------------------------------------------------

    @cached_property
    def managed_target_ids(self):
        if issubclass(self.model, Application):
            return target_ids_managed_by(user=self.request.user, model=self.model)
        return None

    def visible_rows(self, ids):
        queryset = visible_queryset(model=self.model, user=self.request.user).filter(pk__in=ids)
        if issubclass(self.model, Application):
            queryset = queryset.select_related("assigned_to")
        return queryset.order_by("pk")

    @cached_property
    def whole_listing(self) -> bool:
        """Whether "Select all in the listing" was chosen (``id=all``)."""
        return self.listing_view is not None and "all" in self.request.GET.getlist("id")

    @cached_property
    def listing(self):
        """The kind's listing view, set up on this request's query string (the listing's filters and search)."""
        view = self.listing_view.view_class(**self.listing_view.view_initkwargs)
        view.setup(self.request)
        return view

    def listing_rows(self):
        """Every row of the filtered listing, in its order: the listing's own queryset (visible rows only)."""
        queryset = self.listing.get_queryset()
        if issubclass(self.model, Application):
            queryset = queryset.select_related("assigned_to")
        return queryset

    def selected_rows(self):
        if self.whole_listing:
            return self.listing_rows()
        return self.visible_rows(row_ids(self.request.GET.getlist("id")))

    def get_actionable_objects(self):
        """The selected rows (``?id=``, or the whole filtered listing for ``id=all``) the user may see, split
        into those the transition is offered on and the others, each of those with the service's reason."""
        offered, refused = [], []
        for row in self.selected_rows():
            names = staff_transitions(
                submission=row, user=self.request.user, managed_target_ids=self.managed_target_ids
            )
            if self.name in names:
                offered.append(row)
            else:
                reason = transition_refusal(application=row, name=self.name, user=self.request.user).message
                refused.append({"item": row, "reason": reason})
        return offered, {"items_with_no_access": refused}

    def object_context(self, obj):
        return {"item": obj, "state_label": obj.get_state_display(), "confirmation": confirmation_text(obj, self.name)}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "name": self.name, "model": self.model}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            whole_listing=self.whole_listing,
            selected_count=len(context["items"]) + len(context["items_with_no_access"]),
            active_filters=self.listing.active_filters if self.whole_listing else [],
            search_query=self.listing.search_query if self.whole_listing else "",
            transition_label=self.spec.label,
            destructive=self.spec.destructive,
            confirms=bool(self.spec.confirmation),
            header_icon="form",
        )
        return context

    # -- running it ----------------------------------------------------------------------------

    def form_invalid(self, form):
        messages.error(self.request, _("Nothing was changed: correct the errors below."))
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        seen = form.cleaned_data["seen"]
        rows = self.visible_rows(list(seen)).in_bulk()
        inputs = form.transition_kwargs()
        moved, refused = [], []
        for pk, state in seen.items():
            row = rows.get(pk)
            if row is None:
                refused.append((f"#{pk}", _("Not found.")))
                continue
            try:
                perform_transition(application=row, name=self.name, user=self.request.user, seen_state=state, **inputs)
            except TransitionError as error:
                refused.append((str(row), str(error.message)))
            else:
                moved.append(str(row))
        self.report(moved, refused)
        return redirect(self.next_url)

    def report(self, moved: list[str], refused: list[tuple[str, str]]):
        label = spec_for(self.model, self.name).label
        if moved:
            messages.success(
                self.request,
                ngettext(
                    "%(action)s: %(count)s row done (%(references)s).",
                    "%(action)s: %(count)s rows done (%(references)s).",
                    len(moved),
                )
                % {
                    "action": label,
                    "count": formats.number_format(len(moved), force_grouping=True),
                    "references": ", ".join(moved),
                },
            )
        if refused:
            messages.error(
                self.request,
                ngettext(
                    "%(count)s row left unchanged: %(details)s",
                    "%(count)s rows left unchanged: %(details)s",
                    len(refused),
                )
                % {
                    "count": formats.number_format(len(refused), force_grouping=True),
                    "details": "; ".join(f"{ref} — {why}" for ref, why in refused),
                },
            )
