"""Translations follow their source: a translated page is not published before its default-language original, and
is unpublished and deleted with it.

wagtail-localize's aliases (the Korean pages not yet translated) follow their source already; a translation is
a page of its own, and nothing stopped "Publish in Korean" on a page whose English original was a draft, nor left
the Korean page behind when the English one was unpublished or deleted.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.signals import page_unpublished

from .clusters_once import default_content_language


def source_of(page: Page) -> Page | None:
    """The default-language original of ``page``, or None when ``page`` is in the default language or has none."""
    default = default_content_language()
    if page.locale.language_code == default:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale__language_code=default).first()


def unpublished_source_of(page: Page) -> Page | None:
    """The default-language original of ``page`` when it is not live (so ``page`` may not be published)."""
    source = source_of(page)
    return source if source is not None and not source.live else None


class SourceNotLive(ValidationError, PermissionDenied):
    """Publishing a translation whose original is not live: a ValidationError, which wagtail-localize's "Sync
    translated pages" skips, and a PermissionDenied, which the admin refuses as any forbidden action (back to the
    dashboard, saying so) rather than with a server error."""


class FollowsItsSource:
    """A page mixin: a translation is not published while its default-language original is not live.

    Every publishing route (the editor, the page explorer's bulk Publish, workflow approval, wagtail-localize's
    sync, ``publish_scheduled``) ends in ``Page.publish``. A scheduled go-live is not refused (that would stop the
    command for every page after it) but waits: it stays scheduled and goes live on a run after the original."""

    def publish(self, revision, *args, log_action=True, **kwargs):
        source = unpublished_source_of(self)
        go_live_at = revision.as_object().go_live_at
        if source is not None and not (go_live_at and go_live_at > timezone.now()):
            if log_action == "wagtail.publish.scheduled":
                return None
            raise SourceNotLive(
                _("“%(title)s” was not published: its original, “%(source)s”, is not published.")
                % {"title": self.get_admin_display_title(), "source": source.get_admin_display_title()}
            )
        return super().publish(revision, *args, log_action=log_action, **kwargs)


def translations_of(page: Page):
    """The pages in other languages that follow ``page`` (its translations and aliases), when ``page`` is in the
    default language; none otherwise (a translation leads nothing)."""
    if page.locale.language_code != default_content_language():
        return Page.objects.none()
    return Page.objects.translation_of(page, inclusive=False).select_related("locale")


def translations_unpublish(*, page: Page) -> None:
    """Unpublish the live translations of ``page`` (Wagtail unpublishes its aliases itself)."""
    for translation in translations_of(page).live().filter(alias_of__isnull=True).specific():
        translation.unpublish()


def _source_unpublished(sender, instance, **kwargs):
    translations_unpublish(page=instance)


def connect() -> None:
    """Unpublishing an original unpublishes its translations on every route: the unpublish view, the page
    explorer's bulk Unpublish and the expiry of its ``expire_at`` (``publish_scheduled``)."""
    page_unpublished.connect(_source_unpublished, dispatch_uid="translations_follow_source_unpublished")


def refuse_publishing(request, page: Page, source: Page):
    """The answer to publishing ``page`` while its original ``source`` is not live: back to the editor, saying
    why; what was saved (the translation editor saves each text as it is typed, Wagtail's editor a draft
    revision before publishing) is kept."""
    messages.error(
        request,
        _(
            "“%(title)s” was not published: its original in %(language)s, “%(source)s”, is not published. Publish "
            "the original first, then this translation. Your changes are kept."
        )
        % {
            "title": page.get_admin_display_title(),
            "language": source.locale.get_display_name(),
            "source": source.get_admin_display_title(),
        },
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def approval_publishes(page: Page, user) -> bool:
    """Whether ``user`` may approve ``page``'s current task and that ends its workflow, so publishes it."""
    state = page.current_workflow_state
    if state is None or state.current_task_state is None or not user.is_authenticated:
        return False
    task = state.current_task_state.task.specific
    if "approve" not in {name for name, _label, _modal in task.get_actions(page, user)}:
        return False
    tasks = list(state.workflow.tasks.filter(active=True).values_list("pk", flat=True))
    return bool(tasks) and tasks[-1] == state.current_task_state.task_id


class RefuseApprovalBeforeTheSource:
    """Middleware: approving the last task of a translation's workflow publishes it, which its original not being
    live refuses; Wagtail would answer "you do not have permission". This stops it before: the translation stays
    in moderation and the editor reads why (in the dashboard's modal too)."""

    APPROVING_VIEWS = ("wagtailadmin_pages:workflow_action", "wagtailadmin_pages:edit")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in self.APPROVING_VIEWS:
            return None
        if match.view_name.endswith(":edit"):
            approving = request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name")
        else:
            approving = view_kwargs.get("action_name")
        if approving != "approve":
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).select_related("locale").first()
        source = unpublished_source_of(page) if page is not None else None
        if source is None or not approval_publishes(page, request.user):
            return None
        messages.error(
            request,
            _(
                "“%(title)s” was not approved: approving it would publish it, and its original in %(language)s, "
                "“%(source)s”, is not published. It stays in moderation; approve it once the original is published."
            )
            % {
                "title": page.get_admin_display_title(),
                "language": source.locale.get_display_name(),
                "source": source.get_admin_display_title(),
            },
        )
        destination = get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=(page.pk,))
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return render_modal_workflow(request, "", None, {}, json_data={"step": "success", "redirect": destination})
        return redirect(destination)
