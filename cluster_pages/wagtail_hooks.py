from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin_views import CaseStudyDraftView, inspect_buttons
from .directory import admin_views as directory_admin
from .directory.privacy import listing_consent_data, listing_consent_erase
from .directory.services import register_log_actions as register_directory_log_actions
from .event_listing import EventListingViewSet
from .leadership.viewsets import register_log_actions
from .membership.privacy import member_account_data, member_account_erase
from .models import CaseStudyIndexPage
from .moderation import case_study_workflow_assign
from .reports import ClusterPipelineReports
from .route_cache import remember_route
from .translation_review import SUBMIT_ACTION, TranslationNotSubmitted, translation_submit_for_review
from .translations_follow import refuse_publishing, translations_of, unpublished_source_of
from .viewsets import ApplicationsGroup, ContactViewSet, FooterViewSet, PersonViewSet

register_snippet(PersonViewSet)
register_snippet(ContactViewSet)
register_snippet(FooterViewSet)


@hooks.register("after_create_page")
def assign_case_study_workflow(request, page):
    if isinstance(page.specific, CaseStudyIndexPage):
        case_study_workflow_assign(index_page=page)


# -- who leads a cluster, and case-study drafts from active applications -----------------------------------


@hooks.register("register_log_actions")
def register_cluster_leadership_log_actions(actions):
    register_log_actions(actions)


@hooks.register("register_admin_urls")
def register_case_study_draft_url():
    return [
        path(
            "cluster-pages/city-applications/<int:pk>/draft-case-study/",
            CaseStudyDraftView.as_view(),
            name="cluster_pages_case_study_draft",
        )
    ]


@hooks.register("workflow_forms_inspect_buttons")
def draft_case_study_button(application, request):
    return inspect_buttons(application, request)


@hooks.register("register_admin_viewset")
def register_applications_workspace():
    return ApplicationsGroup()


@hooks.register("register_admin_viewset")
def register_pipeline_reports():
    return ClusterPipelineReports()


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()


# -- an applicant's personal data: their member account --------------------------------------------------


@hooks.register("workflow_forms_export_applicant_data")
def export_member_account(*, email, submissions):
    return member_account_data(email=email, submissions=submissions)


@hooks.register("workflow_forms_erase_applicant")
def erase_member_account(*, email, submissions):
    return member_account_erase(email=email, submissions=submissions)


# -- the member directory: consent and map place on the inspect page, and the consent in personal data --------


@hooks.register("register_log_actions")
def register_directory_log_action(actions):
    register_directory_log_actions(actions)


@hooks.register("register_admin_urls")
def register_directory_listing_url():
    return [
        path(
            "cluster-pages/applications/<int:pk>/directory-listing/",
            directory_admin.DirectoryListingView.as_view(),
            name="cluster_pages_directory_listing",
        )
    ]


@hooks.register("workflow_forms_inspect_buttons")
def directory_listing_button(application, request):
    return directory_admin.inspect_buttons(application, request)


@hooks.register("workflow_forms_export_applicant_data")
def export_listing_consent(*, email, submissions):
    return listing_consent_data(email=email, submissions=submissions)


@hooks.register("workflow_forms_erase_applicant")
def erase_listing_consent(*, email, submissions):
    return listing_consent_erase(email=email, submissions=submissions)


# -- translations follow their source (see translations_follow) -------------------------------------------


@hooks.register("before_edit_page", order=-1)  # before wagtail-localize's, which publishes its translation editor
def refuse_publishing_translation_editor_before_its_source(request, page):
    publishing = request.method == "POST" and request.POST.get("action") == "publish"
    if publishing and (source := unpublished_source_of(page)) is not None:
        return refuse_publishing(request, page, source)
    return None


@hooks.register("before_publish_page")
def refuse_publishing_translation_before_its_source(request, page):
    if (source := unpublished_source_of(page)) is not None:
        return refuse_publishing(request, page, source)
    return None


@hooks.register("construct_translated_pages_to_cascade_actions")
def translations_follow_their_source(pages, action):
    """Unpublishing an original unpublishes its translations (its aliases follow it anyway); deleting it deletes
    its translations and aliases. Wagtail's confirmation counts them."""
    if action == "unpublish":
        return {page: translations_of(page).live().filter(alias_of__isnull=True) for page in pages}
    if action == "delete":
        return {page: translations_of(page) for page in pages}
    return None


# -- translations through review (see translation_review) ------------------------------------------------------


def submit_translation_for_review(request, instance, edit_url):
    if request.method != "POST" or request.POST.get("action") != SUBMIT_ACTION:
        return None
    try:
        state = translation_submit_for_review(instance=instance, user=request.user)
    except TranslationNotSubmitted as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("“%(title)s” was submitted for review (%(workflow)s). It is published when an editor approves it.")
            % {"title": str(instance), "workflow": state.workflow.name},
        )
    return redirect(edit_url)


@hooks.register("before_edit_page", order=-2)  # before wagtail-localize's, which answers every POST itself
def submit_page_translation_for_review(request, page):
    return submit_translation_for_review(request, page.specific, reverse("wagtailadmin_pages:edit", args=(page.pk,)))


@hooks.register("before_edit_snippet", order=-2)
def submit_snippet_translation_for_review(request, instance):
    viewset = getattr(instance, "snippet_viewset", None)
    if viewset is None:
        return None
    return submit_translation_for_review(request, instance, reverse(viewset.get_url_name("edit"), args=(instance.pk,)))


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_translations_before_their_source(request, action_type, objects, action_class_instance):
    """Bulk Publish of a translation whose original is not live: say which and why, instead of Wagtail's "you do
    not have permission"; nothing is published."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if request.POST.get("include_descendants"):
        pages += [draft for page in objects for draft in page.get_descendants().not_live()]
    waiting = [(page, source) for page in pages if (source := unpublished_source_of(page)) is not None]
    if not waiting:
        return None
    named = "; ".join(
        _("“%(title)s” (its original, “%(source)s”, is not published)")
        % {"title": page.get_admin_display_title(), "source": source.get_admin_display_title()}
        for page, source in waiting
    )
    messages.error(
        request,
        _("Nothing was published. A translation is published only after its original: %(pages)s.") % {"pages": named},
    )
    return redirect(action_class_instance.next_url or reverse("wagtailadmin_home"))


# The route Wagtail found for a page address, kept until the page tree changes (route_cache.py).
hooks.register("before_serve_page", remember_route)
