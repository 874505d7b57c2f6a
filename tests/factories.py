"""factory_boy factories for the site's pages, snippets and users.

Pages are created with ``parent=...`` (wagtail-factories adds them to the tree with ``add_child``);
they are live unless ``live=False`` is passed.
"""

import datetime
from dataclasses import dataclass

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from cluster_pages.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    ClusterIndexPage,
    ClusterStatus,
    Contact,
    EventIndexPage,
    EventKind,
    EventPage,
    Footer,
    Person,
    StandardPage,
    ThematicClusterPage,
)
from cluster_pages.models.case_studies import ProjectStatus
from home.models import HomePage

TEST_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A user; ``groups=["Editors"]`` puts them in the groups the migration created."""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))
        if create:
            self.save()


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Expert {n}")
    role = "Cluster leader"
    organisation = "WeGO"

    class Meta:
        model = Person


class FooterFactory(factory.django.DjangoModelFactory):
    text = "WeGO Secretariat, Seoul."

    class Meta:
        model = Footer


class ContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Contact {n}")
    topic = "WeGO Thematic Clusters"
    email = factory.LazyAttribute(lambda contact: f"{contact.name.lower().replace(' ', '.')}@example.org")

    class Meta:
        model = Contact


class HomePageFactory(wagtail_factories.PageFactory):
    title = "WeGO Thematic Clusters"
    slug = "home"
    hero_heading = "Cities solving shared problems together"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"About us {n}")
    intro = "<p>What the programme is.</p>"

    class Meta:
        model = StandardPage


class ClusterIndexPageFactory(wagtail_factories.PageFactory):
    title = "Thematic clusters"
    slug = "clusters"

    class Meta:
        model = ClusterIndexPage


class ThematicClusterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Cluster {n}")
    summary = factory.LazyAttribute(lambda page: f"Cities working together on {page.title.lower()}.")
    status = ClusterStatus.ACTIVE
    leader = factory.SubFactory(PersonFactory)

    class Meta:
        model = ThematicClusterPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming one-day event (a week from today) unless dates are given."""

    title = factory.Sequence(lambda n: f"Event {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    end_date = factory.LazyAttribute(lambda event: event.start_date)
    kind = EventKind.SUMMIT
    city = "Seoul"
    country = "KR"
    summary = factory.LazyAttribute(lambda event: f"{event.title} in {event.city}.")

    # A ClusterableModel takes its many-to-many values in the constructor and commits them on save.
    related_clusters = factory.LazyFunction(list)

    class Meta:
        model = EventPage


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case studies"
    slug = "case-studies"

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Case study {n}")
    city = "Seoul"
    country = "KR"
    project_status = ProjectStatus.ONGOING
    year = 2024
    summary = factory.LazyAttribute(lambda page: f"How {page.city} did {page.title.lower()}.")
    challenge = "<p>The challenge.</p>"
    solution = "<p>The solution.</p>"

    class Meta:
        model = CaseStudyPage


@dataclass
class SiteTree:
    site: Site
    home: HomePage
    clusters: ClusterIndexPage
    events: EventIndexPage
    case_studies: CaseStudyIndexPage


def build_site_tree() -> SiteTree:
    """The default site rooted at a HomePage with /clusters/, /events/ and /case-studies/ below it."""
    root = Page.get_first_root_node()
    # Wagtail's initial "Welcome" page holds the slug "home" and the default site; replace both.
    for page in root.get_children():
        page.delete()
    Site.objects.all().delete()
    home = HomePageFactory(parent=root)
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return SiteTree(
        site=site,
        home=home,
        clusters=ClusterIndexPageFactory(parent=home),
        events=EventIndexPageFactory(parent=home),
        case_studies=CaseStudyIndexPageFactory(parent=home),
    )
