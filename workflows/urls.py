"""The plugin's public URLs; the site mounts them, e.g. at ``applications/``."""

from django.urls import path

from . import views

app_name = "workflow_forms"

urlpatterns = [
    path("status/<slug:token>/", views.status_page, name="status"),
    path("status/<slug:token>/withdraw/", views.status_withdraw, name="status_withdraw"),
    path("status/<slug:token>/edit/", views.status_edit, name="status_edit"),
    path("status/<slug:token>/cancel/", views.status_cancel, name="status_cancel"),
    path("status/<slug:token>/my-data/", views.status_data_export, name="status_data_export"),
    path("my-data/<str:signed>/", views.data_export_download, name="data_export_download"),
    path("draft/<slug:token>/", views.draft_resume, name="draft_resume"),
    path("lost-link/", views.lost_link, name="lost_link"),
    path("files/<int:pk>/", views.submitted_file_download, name="submitted_file"),
]
