"""What the plugin asks of the site, registered per submission kind and per target page model.

The plugin never imports the site, so it cannot call the site's services; the site answers through an
adapter it registers in its ``AppConfig.ready()``:

- a ``KindAdapter`` per submission kind: the form its pages build on, the pages it may be assigned to, and
  what a transition does beyond the row (e.g. make a member);
- a ``TargetAdapter`` per page model applications are assigned to: who manages a page, and which pages a
  user manages.

A kind or page model without an adapter gets the defaults, which ask nothing of the site. A model inherits
its nearest registered ancestor's adapter.
"""

from django.apps import apps
from django.db.models import QuerySet
from wagtail.models import Page

from .forms.submission import WorkflowSubmissionForm


class KindAdapter:
    """What the plugin asks of the site about one submission kind; the defaults ask nothing."""

    #: The form the kind's form pages build on: widgets, messages and declared core uploads.
    form_class: type[WorkflowSubmissionForm] = WorkflowSubmissionForm

    def assignable_pages(self, model) -> QuerySet:
        """The pages applications of ``model`` may be assigned to, in any status (the listing's filter finds
        past ones too); each may carry a ``local_title`` to show. Default: every page of the kind's
        ``assignable_page_types``, by title."""
        page_models = [apps.get_model(label) for label in getattr(model, "assignable_page_types", ())]
        if not page_models:
            return Page.objects.none()
        return Page.objects.type(*page_models).order_by("title")

    def after_transition(self, submission, *, name: str, actor, log_entry) -> None:
        """Side effects of the transition ``name`` (e.g. a membership), run by ``perform_transition`` inside its
        transaction, after the row is saved and logged; raising rolls the whole transition back."""

    def mail_attachments(self, submission, *, template: str) -> list[tuple[str, bytes, str]]:
        """Files attached to the applicant's mail ``template`` about ``submission``, as ``(filename, content,
        mimetype)``: built when the mail is sent (in the recipient's language), so the outbox stores none of
        them. Default: none. E.g. a registration's confirmation carries its session's ``.ics``."""
        return []


class TargetAdapter:
    """What the plugin asks of the site about one page model applications are assigned to; the defaults say
    that nobody manages its pages."""

    def managers(self, page) -> list:
        """Users who lead ``page`` (its specific instance): they may see, activate and end its applications."""
        return []

    def managers_of(self, pages) -> dict[int, list]:
        """``managers`` of many pages at once, by page pk (listings ask once for all their rows)."""
        return {page.pk: list(self.managers(page)) for page in pages}

    def pages_managed_by(self, user) -> QuerySet:
        """The pages ``user`` leads, as a queryset."""
        return Page.objects.none()


_kinds: dict[type, KindAdapter] = {}
_targets: dict[type, TargetAdapter] = {}
_DEFAULT_KIND = KindAdapter()
_DEFAULT_TARGET = TargetAdapter()


def register_kind(model: type, adapter: KindAdapter) -> None:
    """Answer the plugin's questions about submissions of ``model`` (and its subclasses) with ``adapter``."""
    _kinds[model] = adapter


def register_target(page_model: type, adapter: TargetAdapter) -> None:
    """Answer the plugin's questions about pages of ``page_model`` (and its subclasses) with ``adapter``."""
    _targets[page_model] = adapter


def kind_adapter(model: type) -> KindAdapter:
    """The adapter registered for ``model`` or its nearest ancestor, else the default."""
    return next((_kinds[cls] for cls in model.__mro__ if cls in _kinds), _DEFAULT_KIND)


def target_adapter(page_model: type) -> TargetAdapter:
    """The adapter registered for ``page_model`` or its nearest ancestor, else the default."""
    return next((_targets[cls] for cls in page_model.__mro__ if cls in _targets), _DEFAULT_TARGET)
