"""Where each page type may live in the tree, and that editors can create the main ones through the admin."""

import datetime

from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cluster_pages.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    ClusterIndexPage,
    EventIndexPage,
    EventKind,
    EventPage,
    StandardPage,
    ThematicClusterPage,
)
from home.models import HomePage

from .factories import PersonFactory, ThematicClusterPageFactory, UserFactory, build_site_tree

INDEX_PAGES = {ClusterIndexPage, EventIndexPage, CaseStudyIndexPage}
LEAF_PAGES = {ThematicClusterPage, EventPage, CaseStudyPage}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_lives_only_at_the_root_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_offers_the_three_indexes_and_standard_pages(self):
        for child in INDEX_PAGES | {StandardPage}:
            self.assertCanCreateAt(HomePage, child)

    def test_clusters_events_and_case_studies_cannot_sit_directly_under_the_home_page(self):
        for child in LEAF_PAGES | {HomePage}:
            self.assertCanNotCreateAt(HomePage, child)

    def test_each_index_accepts_only_its_own_kind_of_page(self):
        self.assertAllowedSubpageTypes(ClusterIndexPage, {ThematicClusterPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})

    def test_indexes_live_only_under_the_home_page(self):
        for index in INDEX_PAGES:
            self.assertAllowedParentPageTypes(index, {HomePage})

    def test_clusters_events_and_case_studies_live_only_under_their_index(self):
        self.assertAllowedParentPageTypes(ThematicClusterPage, {ClusterIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})

    def test_events_and_case_studies_have_no_subpages(self):
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_a_cluster_page_holds_no_other_content_pages(self):
        for child in LEAF_PAGES | INDEX_PAGES | {StandardPage, HomePage}:
            self.assertCanNotCreateAt(ThematicClusterPage, child)

    def test_standard_pages_nest_under_the_home_page_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(ClusterIndexPage, StandardPage)
        self.assertCanNotCreateAt(EventIndexPage, StandardPage)
        self.assertCanNotCreateAt(CaseStudyIndexPage, StandardPage)

    def test_pages_are_not_offered_under_the_wrong_index(self):
        self.assertCanNotCreateAt(ClusterIndexPage, EventPage)
        self.assertCanNotCreateAt(EventIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(CaseStudyIndexPage, ThematicClusterPage)


class OneOfEachTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site_tree()

    def test_a_second_home_page_cannot_be_created(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_a_second_index_of_the_same_kind_cannot_be_created_under_the_home_page(self):
        for index in INDEX_PAGES:
            with self.subTest(index=index.__name__):
                self.assertFalse(index.can_create_at(self.tree.home))

    def test_clusters_events_and_case_studies_can_be_added_repeatedly(self):
        self.assertTrue(ThematicClusterPage.can_create_at(self.tree.clusters))
        self.assertTrue(EventPage.can_create_at(self.tree.events))
        self.assertTrue(CaseStudyPage.can_create_at(self.tree.case_studies))


class CreateThroughTheAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site_tree()
        cls.leader = PersonFactory(name="Dr. Kim")
        cls.user = UserFactory(username="admin", is_superuser=True, is_staff=True)

    def setUp(self):
        self.client.force_login(self.user)

    def test_an_editor_creates_and_publishes_a_thematic_cluster_with_a_rich_body(self):
        self.assertCanCreate(
            self.tree.clusters,
            ThematicClusterPage,
            nested_form_data(
                {
                    "title": "Smart mobility",
                    "slug": "smart-mobility",
                    "summary": "Cities sharing what works in urban transport.",
                    "status": "forming",
                    "leader": self.leader.pk,
                    "discussion_url": "https://forum.example.org/mobility",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Why mobility", "level": "h2"}),
                            ("paragraph", rich_text("<p>Traffic is a shared problem.</p>")),
                            ("quote", {"text": "Move people, not cars.", "attribution": "A mayor"}),
                        ]
                    ),
                }
            ),
        )
        cluster = ThematicClusterPage.objects.get(slug="smart-mobility")
        self.assertTrue(cluster.live)
        self.assertEqual(cluster.get_parent().specific, self.tree.clusters)
        self.assertEqual(cluster.leader, self.leader)
        self.assertEqual([block.block_type for block in cluster.body], ["heading", "paragraph", "quote"])
        self.assertIn("Traffic is a shared problem.", str(cluster.body[1].value))

    def test_an_editor_creates_and_publishes_a_multi_day_event_linked_to_clusters(self):
        cluster = ThematicClusterPageFactory(parent=self.tree.clusters, title="Smart health")
        start = timezone.localdate() + datetime.timedelta(days=30)
        data = nested_form_data(
            {
                "title": "WeGO General Assembly",
                "slug": "general-assembly",
                "summary": "Members meet every two years.",
                "start_date": start.isoformat(),
                "end_date": (start + datetime.timedelta(days=2)).isoformat(),
                "time_zone": "Asia/Seoul",
                "kind": EventKind.SUMMIT,
                "venue": "City Hall",
                "city": "Seoul",
                "country": "KR",
                "organisers": "WeGO",
                "registration_url": "https://example.org/register",
                "description": streamfield([("paragraph", rich_text("<p>Agenda to follow.</p>"))]),
                "sessions": inline_formset([]),
            }
        )
        # A multiple choice is posted as a repeated key; nested_form_data would number it instead.
        data["related_clusters"] = [cluster.pk]
        self.assertCanCreate(self.tree.events, EventPage, data)
        event = EventPage.objects.get(slug="general-assembly")
        self.assertTrue(event.live)
        self.assertEqual((event.start_date, event.end_date), (start, start + datetime.timedelta(days=2)))
        self.assertEqual(event.time_zone, "Asia/Seoul")
        self.assertEqual(list(event.related_clusters.all()), [cluster])

    def test_a_standard_page_is_created_under_the_home_page(self):
        self.assertCanCreate(
            self.tree.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "How to join",
                    "intro": rich_text("<p>Cities and companies may join.</p>"),
                    "body": streamfield([("paragraph", rich_text("<p>Write to us.</p>"))]),
                    "show_contacts": "on",
                }
            ),
        )
        page = StandardPage.objects.get(slug="how-to-join")
        self.assertTrue(page.show_contacts)
