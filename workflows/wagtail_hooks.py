from django.contrib.contenttypes.models import ContentType
from django.urls import path
from wagtail import hooks
from wagtail.models import get_page_models

from . import log_actions
from .admin.digest_panel import DigestSettingsPanel
from .admin.panels import add_applications_panel
from .admin.views.erasure import URL_NAME, ErasureView
from .pages import AbstractWorkflowFormPage


@hooks.register("register_log_actions")
def register_workflow_forms_log_actions(actions):
    log_actions.register(actions)


@hooks.register("construct_homepage_panels")
def add_workflow_applications_panel(request, panels):
    add_applications_panel(request, panels)


@hooks.register("register_admin_urls")
def register_erasure_url():
    return [path("applications/erase/<int:content_type_id>/<int:pk>/", ErasureView.as_view(), name=URL_NAME)]


@hooks.register("register_account_settings_panel")
def register_digest_settings_panel(request, user, profile):
    return DigestSettingsPanel(request, user, profile)


@hooks.register("filter_form_submissions_for_user")
def leave_workflow_forms_out_of_the_forms_menu(user, form_pages):
    # A workflow form's submissions are applications, listed and acted on in the reviewer workspace
    # (Applications); Wagtail's Forms menu listed these pages with "no submissions" although applications exist.
    workflow_form_models = [model for model in get_page_models() if issubclass(model, AbstractWorkflowFormPage)]
    if not workflow_form_models:
        return form_pages
    content_types = ContentType.objects.get_for_models(*workflow_form_models).values()
    return form_pages.exclude(content_type__in=[content_type.pk for content_type in content_types])
