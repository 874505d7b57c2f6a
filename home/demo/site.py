"""The home page in place of Wagtail's welcome page, the default Site pointing at it, and SiteSettings."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import ModelLogEntry, Page, Site

from cluster_pages.models import ClusterStatus, SiteSettings, SocialLink, ThematicClusterPage
from home.models import HomeFeaturedCluster, HomePage

from .content.standard_pages import (
    HOME_BODY,
    HOME_CTA_LABEL,
    HOME_HERO_HEADING,
    HOME_HERO_INTRO,
    HOME_TITLE,
    SITE_NAME,
    SOCIAL_LINKS,
)
from .images import demo_illustration_ensure
from .pages import page_kind, page_publish
from .report import DemoContentError, LoadReport

HOME_SLUG = "home"
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def home_ensure(*, report: LoadReport) -> tuple[HomePage, bool]:
    """The site's HomePage, created (replacing Wagtail's untouched welcome page) if there is none yet."""
    existing = HomePage.objects.order_by("pk").first()
    if existing is not None:
        report.record(page_kind(HomePage), created=False)
        return existing, False
    root = Page.get_first_root_node()
    _welcome_page_remove(root=root, report=report)
    hero_image = demo_illustration_ensure(scene_name="city", report=report)
    home = HomePage(
        title=HOME_TITLE,
        slug=HOME_SLUG,
        hero_heading=HOME_HERO_HEADING,
        hero_intro=HOME_HERO_INTRO,
        hero_image=hero_image,
        body=HOME_BODY,
    )
    root.add_child(instance=home)
    page_publish(page=home)
    report.record(page_kind(HomePage), created=True, obj=home)
    return home, True


def _welcome_page_remove(*, root: Page, report: LoadReport) -> None:
    occupant = root.get_children().filter(slug=HOME_SLUG).first()
    if occupant is None:
        return
    if type(occupant.specific) is not Page or occupant.get_children_count():
        raise DemoContentError(
            f"The page “{occupant.title}” already holds the slug “{HOME_SLUG}” at the top of the page tree; "
            "move or rename it, then run load_initial_data again."
        )
    # The Site cascades with its root page: point sites at the tree root while the welcome page goes.
    Site.objects.filter(root_page=occupant).update(root_page=root)
    occupant.delete()
    report.note(f"Replaced Wagtail's “{WAGTAIL_WELCOME_TITLE}” page with the home page.")


def home_features_set(*, home: HomePage, clusters: dict[str, ThematicClusterPage], cta_page: Page) -> None:
    """On the run that creates the home page: feature the active clusters and link the hero to ``cta_page``."""
    active = [cluster for cluster in clusters.values() if cluster.status == ClusterStatus.ACTIVE]
    home.featured_clusters = [HomeFeaturedCluster(cluster=cluster) for cluster in active]
    home.hero_cta_page = cta_page
    home.hero_cta_label = HOME_CTA_LABEL
    page_publish(page=home)


#: The Site Wagtail's first migration creates; the loader moves it to the public address.
WAGTAIL_DEFAULT_ADDRESS = ("localhost", 80)


def public_address() -> tuple[str, int]:
    """Host name and port of ``WAGTAILADMIN_BASE_URL``: the one public address of mails, feeds and page links."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


LOCAL_HOSTNAMES = frozenset({"127.0.0.1", "localhost", "::1", "0.0.0.0"})  # noqa: S104 - compared, never bound


def parse_address(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8000`` for IPv6) as a (host name, port) pair; ValueError if it is not one."""
    host, separator, port = value.strip().rpartition(":")
    host = host.strip("[]")
    if not separator or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(value)
    return host.lower(), int(port)


def _is_demo_address(site: Site) -> bool:
    """Whether ``site`` still stands where a loader put it: Wagtail's localhost:80 or a local development address,
    and nobody has edited it in the admin since (Wagtail logs those edits)."""
    if (site.hostname, site.port) != WAGTAIL_DEFAULT_ADDRESS and site.hostname not in LOCAL_HOSTNAMES:
        return False
    return not ModelLogEntry.objects.for_instance(site).filter(action="wagtail.edit").exists()


def default_site_ensure(*, home: HomePage, report: LoadReport, address: tuple[str, int] | None = None) -> Site:
    """The default site rooted at ``home``, named after the product, at ``address`` (by default the address of
    WAGTAILADMIN_BASE_URL).

    Wagtail builds every absolute page link (mails, the iCal feed) from the Site record, Django's mails from
    WAGTAILADMIN_BASE_URL: they must agree. A Site still at a demo address (Wagtail's localhost:80, or a local
    address such as the 127.0.0.1:8000 of an earlier ``make run``) is moved; one an operator has set or edited
    in the admin is left alone.
    """
    hostname, port = address or public_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, is_default_site=True, root_page=home, site_name=SITE_NAME
        )
        report.record("sites", created=True)
        return site
    changed = []
    if site.root_page_id != home.pk:
        site.root_page = home
        changed.append("root_page")
    if not site.site_name:
        site.site_name = SITE_NAME
        changed.append("site_name")
    if (site.hostname, site.port) != (hostname, port) and _is_demo_address(site):
        site.hostname, site.port = hostname, port
        changed += ["hostname", "port"]
    if changed:
        site.save(update_fields=changed)
        report.note(f"Pointed the default site {site.hostname}:{site.port} at the home page ({', '.join(changed)}).")
    report.record("sites", created=False)
    return site


def site_settings_ensure(*, site: Site, join_page: Page, report: LoadReport) -> SiteSettings:
    """Join page and social links for ``site``, filled only where still empty (the footer: ``footer_ensure``)."""
    settings = SiteSettings.for_site(site)
    changed = False
    if settings.join_page_id is None:
        settings.join_page = join_page
        changed = True
    if not settings.social_links.exists():
        settings.social_links = [SocialLink(label=label, url=url) for label, url in SOCIAL_LINKS]
        changed = True
    if changed:
        settings.save()
    report.record("site settings", created=changed)
    return settings
