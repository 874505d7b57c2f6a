"""`manage.py load_initial_data`: the demo site, safe to run again (it only adds what is missing)."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, router
from django.utils.translation import gettext as _

from home.demo.loader import demo_content_load
from home.demo.report import DemoContentError
from home.demo.site import parse_address


class Command(BaseCommand):
    help = _(
        "Load the demo site: home page, clusters, events, case studies, programme pages, snippets, images and "
        "settings. With DEBUG on (or --with-demo-accounts) also one demo account per role, with known passwords. "
        "Running it again adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-accounts",
            action="store_true",
            help=_("Create the demo accounts even when DEBUG is off. Their passwords are public: never on a server."),
        )
        parser.add_argument(
            "--address",
            metavar="HOST:PORT",
            help=_(
                "The address the site is served at, for the links in mails and feeds (default: that of "
                "WAGTAILADMIN_BASE_URL). The default site moves there only while it is at a local demo address "
                "nobody has edited in the admin."
            ),
        )

    def handle(self, *args, with_demo_accounts: bool, address: str | None = None, **options):
        try:
            site_address = parse_address(address) if address else None
        except ValueError:
            raise CommandError(
                _("“%(address)s” is not an address: give it as HOST:PORT, like 127.0.0.1:8123.") % {"address": address}
            ) from None
        self._check_cache_tables()
        with_accounts = settings.DEBUG or with_demo_accounts
        try:
            report = demo_content_load(with_accounts=with_accounts, address=site_address)
        except DemoContentError as error:
            raise CommandError(str(error)) from error

        for line in report.summary_lines():
            self.stdout.write(line)
        if not with_accounts:
            self.stdout.write(
                self.style.WARNING(
                    _("DEBUG is off: demo accounts skipped. Pass --with-demo-accounts to create them anyway.")
                )
            )
            return
        self.stdout.write("")
        self.stdout.write(_("Demo accounts (local demo only; a rerun resets their passwords to these):"))
        for line in report.account_lines():
            self.stdout.write(line)

    def _check_cache_tables(self):
        # Wagtail clears its site cache when a Site is saved: a missing cache table would fail halfway through.
        for alias in settings.CACHES:
            cache = caches[alias]
            if not isinstance(cache, DatabaseCache):
                continue
            connection = connections[router.db_for_write(cache.cache_model_class)]
            if cache._table not in connection.introspection.table_names():
                raise CommandError(
                    _("The cache table “%(table)s” does not exist: run `manage.py createcachetable` first.")
                    % {"table": cache._table}
                )
