from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterPagesConfig(AppConfig):
    name = "cluster_pages"
    verbose_name = _("Thematic clusters")

    def ready(self):
        from . import api_schemas, chrome, figures, kinds, live_data, roster_cache, translations_follow
        from .directory import api as directory_api

        api_schemas.register()
        chrome.connect()
        roster_cache.connect()
        translations_follow.connect()
        kinds.register()
        from .meetings import digest  # noqa: F401 - registers the digest's "Sessions of your clusters this week"
        from .meetings.api import register_router

        register_router()
        directory_api.register()
        live_data.plug(live_data.Readers(figures=figures.site_figures, roster=roster_cache.cluster_roster))
