from django.urls import path
from wagtail import hooks

from . import log_actions
from .admin.digest_panel import DigestSettingsPanel
from .admin.panels import add_applications_panel
from .admin.views.erasure import URL_NAME, ErasureView


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
