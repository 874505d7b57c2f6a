"""`manage.py load_initial_data` builds the demo site once; running it again adds and changes nothing."""

import datetime
import io
import re
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import RequestFactory, override_settings
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site, WorkflowPage
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cluster_pages.models import (
    CaseStudyGalleryImage,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    CityApplicationFormPage,
    ClusterIndexPage,
    ClusterStatus,
    Contact,
    DirectoryPage,
    EventIndexPage,
    EventPage,
    Footer,
    Person,
    SiteSettings,
    SocialLink,
    StandardPage,
    ThematicClusterPage,
)
from home.models import HomeFeaturedCluster, HomePage

CLUSTER_SLUGS = [
    "living-labs-for-open-innovation",
    "smart-governance",
    "digital-government-platform",
    "smart-mobility",
    "smart-utility-waste-management",
]
PAGES_BY_PATH = {
    "/": HomePage,
    "/clusters/": ClusterIndexPage,
    **{f"/clusters/{slug}/": ThematicClusterPage for slug in CLUSTER_SLUGS},
    "/events/": EventIndexPage,
    "/case-studies/": CaseStudyIndexPage,
    "/gctc/": StandardPage,
    "/join/": StandardPage,
    "/about/": StandardPage,
    "/members/": DirectoryPage,
}
DEMO_GROUPS = {
    "editor": "Editors",
    "communications": "Communications",
    "reviewer": "Reviewers",
    "coordinator": "Coordinators",
    "leader": "Cluster leaders",
}
COUNTED_MODELS = [
    Page,
    Revision,
    PageLogEntry,
    Site,
    WorkflowPage,
    get_image_model(),
    Person,
    Contact,
    SiteSettings,
    SocialLink,
    HomeFeaturedCluster,
    CaseStudyPartner,
    CaseStudyGalleryImage,
    get_user_model(),
    get_user_model().groups.through,
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_initial_data", *args, stdout=out)
    return out.getvalue()


def routed_page(path: str) -> Page:
    """The page Wagtail's router serves at ``path`` on the default site (without rendering a template)."""
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    return site.root_page.specific.route(request, components).page


def database_snapshot() -> dict:
    counts = {model._meta.label: model.objects.count() for model in COUNTED_MODELS}
    passwords = dict(get_user_model().objects.values_list("username", "password"))
    latest_revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    return {"counts": counts, "passwords": passwords, "latest_revisions": latest_revisions}


def printed_passwords(output: str) -> dict[str, str]:
    """username → password, read from the account table the command prints."""
    rows = re.findall(r"^(\w+)\s{2,}.+?\s{2,}(\S+-demo-2026)\s", output, flags=re.MULTILINE)
    return dict(rows)


@dataclass(frozen=True)
class TwoRuns:
    first_output: str
    second_output: str
    before_second: dict
    after_second: dict


@pytest.fixture(scope="class")
def two_runs(django_db_setup, django_db_blocker, tmp_path_factory):
    """The command run twice on a fresh database, shared by a class of read-only tests, rolled back after it."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        transaction.atomic(),
    ):
        first_output = load("--with-demo-accounts")
        before_second = database_snapshot()
        second_output = load("--with-demo-accounts")
        yield TwoRuns(first_output, second_output, before_second, database_snapshot())
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.usefixtures("two_runs")
class TestTheDemoSiteAfterTwoRuns:
    def test_each_demo_page_exists_once_at_its_url(self):
        for path, page_class in PAGES_BY_PATH.items():
            url_path = "/home" + path
            assert Page.objects.filter(url_path=url_path).count() == 1, path
            page = Page.objects.get(url_path=url_path).specific
            assert isinstance(page, page_class), path
            assert page.url == "/en" + path
            assert routed_page(path).pk == page.pk
        assert (
            EventPage.objects.filter(locale__language_code="en")
            .child_of(Page.objects.get(url_path="/home/events/"))
            .count()
            == 6
        )
        assert CaseStudyPage.objects.filter(locale__language_code="en").count() >= 5

    def test_the_second_run_creates_and_changes_nothing(self, two_runs):
        assert two_runs.after_second == two_runs.before_second
        created_counts = re.findall(r"(\d+) created", two_runs.second_output)
        assert created_counts and set(created_counts) == {"0"}
        assert "password reset" not in two_runs.second_output

    def test_wagtail_welcome_page_is_replaced_by_the_home_page_on_the_default_site_at_the_public_address(
        self, two_runs
    ):
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
        site = Site.objects.get(is_default_site=True)
        assert site.root_url == settings.WAGTAILADMIN_BASE_URL, "page links and mails use one public address"
        assert site.site_name == "WeGO Thematic Clusters"
        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert home.hero_heading and home.hero_intro and home.hero_image is not None
        assert home.hero_cta_page.url == "/en/join/"
        assert "Replaced Wagtail's" in two_runs.first_output

    def test_every_demo_page_is_published(self):
        index_paths = ["/home/events/", "/home/case-studies/"]
        pages = [
            *Page.objects.filter(url_path__in=["/home" + path for path in PAGES_BY_PATH]),
            *(page for path in index_paths for page in Page.objects.get(url_path=path).get_children()),
        ]
        assert (
            len(pages)
            == len(PAGES_BY_PATH)
            + EventPage.objects.filter(locale__language_code="en").count()
            + CaseStudyPage.objects.filter(locale__language_code="en").count()
        )
        for page in pages:
            assert page.live and page.live_revision_id and not page.has_unpublished_changes, page.url_path

    def test_top_level_pages_are_shown_in_menus(self):
        menu = Page.objects.child_of(HomePage.objects.filter(locale__language_code="en").get()).filter(
            show_in_menus=True
        )
        assert list(menu.values_list("slug", flat=True)) == [
            "clusters",
            "events",
            "case-studies",
            "gctc",
            "join",
            "about",
            "members",
        ]

    def test_case_study_index_goes_through_the_case_study_review_workflow(self):
        index = CaseStudyIndexPage.objects.filter(locale__language_code="en").get()
        assert index.get_workflow().name == "Case study review"
        case_study = CaseStudyPage.objects.filter(locale__language_code="en").child_of(index).first()
        assert case_study.get_workflow().name == "Case study review"

    def test_clusters_have_leaders_discussion_groups_and_mixed_statuses(self):
        clusters = (
            ThematicClusterPage.objects.filter(locale__language_code="en")
            .filter(slug__in=CLUSTER_SLUGS)
            .select_related("leader", "leader__photo")
        )
        assert sorted(cluster.slug for cluster in clusters) == sorted(CLUSTER_SLUGS)
        for cluster in clusters:
            assert cluster.summary and cluster.body
            assert cluster.leader is not None and cluster.leader.photo is not None
            assert cluster.discussion_url == f"https://groups.google.com/g/wego-{cluster.slug}"
        assert {cluster.status for cluster in clusters} == {ClusterStatus.ACTIVE, ClusterStatus.FORMING}
        active = {cluster.pk for cluster in clusters if cluster.status == ClusterStatus.ACTIVE}
        assert set(HomePage.objects.filter(locale__language_code="en").get().featured_cluster_ids) == active

    def test_the_seed_events_have_their_dates_places_and_time_zones(self):
        expected = {
            "seoul-wego-global-digital-summit-2018": ("2018-09-18", "2018-09-19", "Asia/Seoul", "KR", "summit"),
            "wego-executive-committee-meeting-2018": (
                "2018-10-17",
                "2018-10-19",
                "Asia/Manila",
                "PH",
                "committee_meeting",
            ),
            "gctc-tech-jam-2018": ("2018-06-20", "2018-06-22", "America/Los_Angeles", "US", "tech_jam"),
        }
        for slug, (start, end, time_zone, country, kind) in expected.items():
            event = EventPage.objects.filter(locale__language_code="en").get(slug=slug)
            assert (event.start_date.isoformat(), event.end_date.isoformat()) == (start, end)
            assert (event.time_zone, event.country.code, event.kind) == (time_zone, country, kind)
            assert event.related_clusters.exists()
        expo = EventPage.objects.filter(locale__language_code="en").get(slug="gctc-expo-2018")
        assert (expo.start_date.year, expo.start_date.month) == (2018, 12)
        assert expo.time_zone == "America/New_York"
        assert "winter 2018" in expo.summary
        upcoming = EventPage.objects.filter(locale__language_code="en").filter(end_date__gte=timezone.localdate())
        assert upcoming.count() == 2
        assert all(event.start_date >= datetime.date(2027, 1, 1) for event in upcoming)

    def test_the_upcoming_demo_events_have_times_and_the_seed_ones_are_all_day(self):
        webinar = EventPage.objects.filter(locale__language_code="en").get(slug="smart-mobility-data-webinar-2027")
        assert (webinar.start_time, webinar.end_time) == (datetime.time(10, 0), datetime.time(11, 30))
        assert webinar.time_zone == "Asia/Seoul"
        assert EventPage.objects.filter(locale__language_code="en").get(slug="thematic-clusters-summit-2027").is_timed
        assert (
            not EventPage.objects.filter(locale__language_code="en")
            .filter(end_date__lt=timezone.localdate(), start_time__isnull=False)
            .exists()
        )

    def test_case_studies_cover_clusters_countries_and_both_statuses_with_partners_and_an_image(self):
        case_studies = CaseStudyPage.objects.filter(locale__language_code="en").all()
        assert len({case_study.cluster_id for case_study in case_studies}) >= 4
        assert len({case_study.country.code for case_study in case_studies}) >= 4
        assert {case_study.project_status for case_study in case_studies} == {"ongoing", "completed"}
        for case_study in case_studies:
            assert case_study.partners.exists()
            assert case_study.gallery_images.count() == 1

    def test_join_page_lists_the_seed_contacts_and_is_the_sites_join_page(self):
        join = StandardPage.objects.filter(locale__language_code="en").get(slug="join")
        assert join.show_contacts
        assert {(contact["name"], contact["topic"]) for contact in join.contacts} == {
            ("Anthony Levero", "WeGO Thematic Clusters"),
            ("Alexandra Sidorova", "GCTC Action Clusters"),
        }
        assert all(contact["email"].endswith("@example.org") for contact in join.contacts)
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        assert site_settings.join_page_id == join.pk
        assert site_settings.footer.text and site_settings.social_links.count() >= 2

    def test_gctc_page_has_headings_a_call_to_action_and_a_live_figure(self):
        block_types = {
            block.block_type for block in StandardPage.objects.filter(locale__language_code="en").get(slug="gctc").body
        }
        assert {"heading", "paragraph", "call_to_action", "live_figure"} <= block_types

    def test_demo_accounts_are_in_their_groups_and_log_in_with_the_printed_passwords(self, two_runs, client):
        passwords = printed_passwords(two_runs.second_output)
        assert set(passwords) == {"admin", *DEMO_GROUPS}
        User = get_user_model()
        admin = User.objects.get(username="admin")
        assert admin.is_superuser and admin.is_staff
        for username, group in DEMO_GROUPS.items():
            assert list(User.objects.get(username=username).groups.values_list("name", flat=True)) == [group]
        for username, password in passwords.items():
            assert client.login(username=username, password=password), username
            client.logout()


@pytest.mark.django_db
def test_demo_content_is_searchable_before_any_task_worker_runs(settings):
    # As in development: Wagtail's index updates wait in the database queue for `manage.py db_worker`.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    load()

    found = Page.objects.live().search("living labs")
    assert "living-labs-for-open-innovation" in {page.slug for page in found}
    assert [person.name for person in get_search_backend().search("Valcourt", Person)] == ["Dr. Ines Valcourt"]


@pytest.mark.django_db
def test_a_changed_demo_password_is_reset_to_the_documented_one_and_reported(client):
    load("--with-demo-accounts")
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("something-else-entirely")
    editor.save()

    output = load("--with-demo-accounts")

    assert re.search(r"^editor\s.*password reset to the documented one", output, flags=re.MULTILINE)
    assert client.login(username="editor", password=printed_passwords(output)["editor"])


@pytest.mark.django_db
def test_demo_accounts_are_skipped_when_debug_is_off_and_not_asked_for(settings):
    settings.DEBUG = False

    output = load()

    assert not get_user_model().objects.exists()
    assert "demo accounts skipped" in output
    assert HomePage.objects.filter(locale__language_code="en").exists()


@pytest.mark.django_db
def test_demo_accounts_are_created_in_debug_without_the_flag(settings):
    settings.DEBUG = True

    load()

    # The demo's active applications also made member accounts (unusable passwords, named by e-mail).
    staff = get_user_model().objects.exclude(username__contains="@")
    assert set(staff.values_list("username", flat=True)) == {"admin", *DEMO_GROUPS}


@pytest.mark.django_db
def test_a_page_of_another_type_at_a_demo_url_is_a_clear_error_and_nothing_is_loaded():
    load()
    home = HomePage.objects.filter(locale__language_code="en").get()
    StandardPage.objects.filter(locale__language_code="en").get(slug="about").delete()
    home.add_child(instance=Page(title="Somebody's about page", slug="about"))
    pages_before = Page.objects.count()

    with pytest.raises(CommandError, match=r"/home/about/ is a Page, not a StandardPage"):
        load()

    assert Page.objects.count() == pages_before


@pytest.mark.django_db
def test_an_edited_welcome_page_is_kept_and_reported_instead_of_deleted():
    welcome = Page.objects.get(title="Welcome to your new Wagtail site!")
    welcome.add_child(instance=Page(title="Work in progress", slug="work-in-progress"))

    with pytest.raises(CommandError, match="already holds the slug “home”"):
        load()

    assert Page.objects.filter(pk=welcome.pk).exists()
    assert not HomePage.objects.filter(locale__language_code="en").exists()


@pytest.mark.django_db
def test_every_demo_page_opens_in_the_page_editor(client):
    """Editors can open every page the loader made (rich text in Wagtail's own format, no editor error)."""
    load("--with-demo-accounts")
    client.login(username="admin", password="admin-demo-2026")

    failures = []
    for page in Page.objects.filter(depth__gt=1):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        if response.status_code != 200:
            failures.append((page.url_path, response.status_code))

    assert failures == []


@pytest.mark.django_db
@pytest.mark.usefixtures("two_runs")
class TestTheKoreanDemoSite:
    def test_every_english_page_exists_in_korean(self):
        english = set(
            Page.objects.filter(locale__language_code="en", depth__gt=1).values_list("translation_key", flat=True)
        )
        korean = set(Page.objects.filter(locale__language_code="ko").values_list("translation_key", flat=True))
        assert english and english == korean

    def test_the_main_pages_are_translated_into_korean_not_aliases(self, client):
        korean_home = HomePage.objects.get(locale__language_code="ko")
        assert korean_home.title == "WeGO 테마 클러스터" and korean_home.alias_of_id is None
        # (the home page's hero image is not rendered here: this class's media folder holds no originals)
        for path, title in (("/ko/join/", "참여 방법 및 문의"), ("/ko/join/city/", "도시로 신청하기")):
            response = client.get(path, HTTP_HOST="127.0.0.1:8000")
            html = response.content.decode()
            assert response.status_code == 200, path
            assert f"<title>{title} |" in html, path
            assert 'class="untranslated-notice"' not in html, path

    def test_the_city_forms_extra_question_is_asked_in_korean(self, client):
        korean = CityApplicationFormPage.objects.get(locale__language_code="ko")
        schema = client.get(f"/api/v3/workflow-forms/{korean.pk}/?locale=ko", HTTP_HOST="127.0.0.1:8000").json()
        labels = [field["label"] for field in schema["fields"]]
        assert "테마 클러스터를 어떻게 알게 되셨나요?" in labels and "시의 지원 서한" in labels

    def test_the_city_form_is_asked_in_three_steps_in_korean_too(self, client):
        html = client.get("/ko/join/city/", HTTP_HOST="127.0.0.1:8000").content.decode()
        assert "신청자 정보" in html and "도시 정보" in html and "프로젝트" in html
        korean = CityApplicationFormPage.objects.get(locale__language_code="ko")
        api = f"/api/v3/workflow-forms/{korean.pk}/?locale=ko"
        steps = client.get(api, HTTP_HOST="127.0.0.1:8000").json()["steps"]
        assert [step["title"] for step in steps] == ["신청자 정보", "도시 정보", "프로젝트"]
        assert steps[0]["fields"] == ["applicant_name", "role", "applicant_email", "phone"]
        assert "consent_privacy" in steps[2]["fields"]

    def test_every_korean_page_is_a_translation_not_an_alias(self):
        korean_pages = Page.objects.filter(locale__language_code="ko")
        assert korean_pages.exists()
        assert list(korean_pages.filter(alias_of__isnull=False).values_list("url_path", flat=True)) == []
        english_titles = set(Page.objects.filter(locale__language_code="en").values_list("title", flat=True))
        assert [page.url_path for page in korean_pages if page.title in english_titles] == []

    def test_every_segment_of_every_korean_page_and_snippet_has_korean_words(self):
        korean = Locale.objects.get(language_code="ko")
        untranslated = [
            (translation.source.object_repr, segment.context.path)
            for translation in Translation.objects.filter(target_locale=korean).select_related("source")
            for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context")
            if segment.context.path != "slug"
            and not StringTranslation.objects.filter(
                translation_of=segment.string, locale=korean, context=segment.context
            ).exists()
        ]
        korean_snippets = sum(model.objects.filter(locale=korean).count() for model in (Person, Contact, Footer))
        assert korean_snippets == 5 + 2 + 1  # the leaders, the contacts for questions and the footer
        assert Translation.objects.filter(target_locale=korean).count() == (
            Page.objects.filter(locale=korean).count() + korean_snippets
        )
        assert untranslated == []

    def test_the_second_run_translates_nothing_again(self, two_runs):
        assert re.search(r"Korean page translations\s+0 created,\s+37 already present", two_runs.second_output)

    def test_the_second_run_translates_no_snippet_again(self, two_runs):
        for snippets, count in (("people", 5), ("contacts", 2), ("footers", 1)):
            assert re.search(
                rf"Korean translations of {snippets}\s+0 created,\s+{count} already present", two_runs.second_output
            )

    def test_the_korean_pages_show_the_leader_contacts_and_footer_in_korean(self, client):
        cluster = client.get("/ko/clusters/smart-mobility/", HTTP_HOST="127.0.0.1:8000").content.decode()
        join = client.get("/ko/join/", HTTP_HOST="127.0.0.1:8000").content.decode()

        assert '<p class="person-card__name">라파엘 킨테로</p>' in cluster and "안데스 모빌리티 연구센터" in cluster
        assert "앤서니 레베로" in join and "WeGO 사무국" in join and "Anthony Levero" not in join
        footer = join[join.index('<footer class="site-footer">') :]
        assert "비영리단체, 학계를 한데 모읍니다" in footer
        assert 'href="/ko/privacy/">개인정보 처리방침</a>' in footer and 'href="/en/' not in footer

    @pytest.mark.parametrize(
        ("path", "title", "words"),
        [
            ("/ko/clusters/smart-mobility/", "스마트 모빌리티", "수요응답형 교통"),
            ("/ko/events/", "행사", "캘린더 피드를 구독하면"),
            ("/ko/events/gctc-tech-jam-2018/", "2018 GCTC 테크잼", "미국 오리건주 포틀랜드"),
            ("/ko/case-studies/", "사례 연구", "과제, 해법, 성과 순으로"),
            ("/ko/case-studies/hanbyeol-smart-waste-collection/", "쓰레기통 적재량에 맞춘 폐기물 수거 계획", "태블릿"),
            ("/ko/gctc/", "글로벌 시티팀 챌린지", "액션 클러스터"),
            ("/ko/about/", "이니셔티브 소개", "세계스마트지속가능도시기구"),
            ("/ko/privacy/", "개인정보 처리방침", "보관 기간"),
            ("/ko/accessibility/", "웹 접근성 안내", "화면 낭독기"),
            ("/ko/contact/", "연락처", "서울글로벌센터 5층"),
            ("/ko/join/partner/", "파트너로 등록하기", "파트너를 찾는 도시들이"),
            ("/ko/join/suggest-a-theme/", "주제 제안하기", "왜 중요한지"),
        ],
    )
    def test_the_pages_a_visitor_meets_read_in_korean(self, client, path, title, words):
        response = client.get(path, HTTP_HOST="127.0.0.1:8000")
        html = response.content.decode()
        assert response.status_code == 200, path
        assert f"<title>{title} |" in html
        assert words in html
        assert 'class="untranslated-notice"' not in html
        menu = re.search(r'<ul class="main-menu__list">.*?</ul>', html, re.S).group(0)
        assert 'href="/ko/events/"' in menu and ">행사<" in menu and 'href="/en/' not in menu


@pytest.mark.django_db
def test_a_rerun_fills_in_korean_words_a_translated_page_lacks_and_keeps_the_editors():
    """A site loaded before some Korean words existed gets them on the next run; words an editor changed stay."""
    load()
    korean = Locale.objects.get(language_code="ko")
    StringTranslation.objects.filter(
        locale=korean, context__path="intro", translation_of__data__startswith="Each cluster"
    ).delete()
    StringTranslation.objects.filter(locale=korean, translation_of__data="Thematic clusters").update(
        data="클러스터 목록"
    )

    output = load()

    korean_index = ClusterIndexPage.objects.get(locale=korean)
    assert korean_index.intro.startswith("<p>클러스터마다 하나의 주제를 중심으로")
    assert korean_index.title == "클러스터 목록"
    assert "Korean words added to the translation of “Thematic clusters”." in output
    assert "Korean words added" not in load()
