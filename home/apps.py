from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

        # wagtail-localize synchronises the page trees whenever a LocaleSynchronization is saved, raw saves too:
        # loading a fixture or restoring a test database (serialized rollback, as the browser tests do) then ran
        # a synchronisation halfway through the load, before the locales it names exist, and failed.
        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
        post_save.connect(_sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="home_sync_trees")


def _sync_trees_unless_raw(instance, raw=False, **kwargs):
    if not raw:
        instance.sync_trees()
