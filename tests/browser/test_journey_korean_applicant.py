"""Journey 6 (issue 14), journey 1 in Korean: from the English home page the language switcher leads to 한국어;
a cluster, its Korean "Join this cluster", the Korean city form (Korean labels) once with an answer missing (the
Korean error summary takes the focus), then complete; the Korean thank-you; the Korean confirmation mail in the
outbox; its status link opens the Korean status page; withdrawn after the Korean confirmation. Links only.

A reviewer working in English who requests changes writes to this applicant in Korean:
tests/i18n/test_applicant_language.py."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import CityApplication
from home.models import HomeFeaturedCluster
from workflows.models import ApplicationState

from ..site_forms.support import PDF_BYTES, build_forms, private_media  # noqa: F401 - fixture
from .conftest import BROWSER
from .journeys import LAPTOP, link_in_mail, mails_to, screenshot, site_at

pytestmark = BROWSER
APPLICANT = "minji@seoul.example"
BRIEF = {"name": "mobility-brief.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}


@pytest.fixture
def forms(site_tree, live_server):
    forms = build_forms(site_tree)
    site_tree.home.featured_clusters.add(HomeFeaturedCluster(cluster=forms.active_cluster))
    site_tree.home.save_revision().publish()
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    site_at(site_tree.site, live_server)
    return forms


def test_a_korean_city_joins_a_cluster_in_korean_and_later_withdraws(forms, private_media, live_server, page):  # noqa: F811
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="한국어").click()
    expect(page).to_have_url(f"{live_server.url}/ko/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    screenshot(page, "6-01-korean-home")
    page.get_by_role("link", name="Smart Mobility").first.click()
    expect(page).to_have_url(f"{live_server.url}/ko/clusters/smart-mobility/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart Mobility")
    screenshot(page, "6-02-korean-cluster")

    page.get_by_role("link", name="이 클러스터 참여하기").first.click()
    expect(page).to_have_url(re.compile(rf"^{live_server.url}/ko/join/city/\?cluster=\d+$"))
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("checkbox", name="Smart Mobility")).to_be_checked()

    page.get_by_role("textbox", name="도시").fill("Seoul")
    page.get_by_label("국가").select_option("KR")
    page.get_by_label("부서 또는 기관").fill("Smart City Bureau")
    page.get_by_label("담당자 성명").fill("김민지")
    page.get_by_role("textbox", name="직책").fill("스마트시티 정책 국장")
    page.get_by_role("textbox", name="이메일").fill(APPLICANT)
    # The project title (프로젝트 이름) is left out on purpose.
    page.get_by_label("프로젝트 설명").fill("도시 모빌리티 데이터 공유 플랫폼.")
    page.get_by_label("개발 중").check()
    page.get_by_label("찾는 협력 기관").fill("모빌리티 데이터를 공개한 도시.")
    page.get_by_label("프로젝트 소개서").set_input_files(BRIEF)
    page.get_by_label("개인정보 처리방침에 동의합니다").check()
    screenshot(page, "6-03-korean-form-filled")
    page.get_by_role("button", name="보내기").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("답변에 문제가 있습니다")
    links = summary.get_by_role("link")
    expect(links).to_have_count(1)
    expect(links.first).to_contain_text("프로젝트 이름")
    screenshot(page, "6-04-korean-form-with-errors")
    links.first.click()
    expect(page.get_by_label("프로젝트 이름")).to_be_focused()
    assert not CityApplication.objects.exists()

    page.get_by_label("프로젝트 이름").fill("모빌리티 데이터 플랫폼")
    # No browser keeps a chosen file across a page load: the form says so, in Korean, and the brief is chosen again.
    expect(page.get_by_text("“mobility-brief.pdf” 파일을 선택하셨습니다")).to_be_visible()
    page.get_by_label("프로젝트 소개서").set_input_files(BRIEF)
    page.get_by_role("button", name="보내기").click()

    application = CityApplication.objects.get()
    expect(page.get_by_text(application.reference).first).to_be_visible()
    expect(page.get_by_text("감사합니다").first).to_be_visible()
    screenshot(page, "6-05-korean-thank-you")
    assert application.language == "ko"
    assert [cluster.pk for cluster in application.clusters.all()] == [forms.active_cluster.pk]

    (confirmation,) = mails_to(APPLICANT)
    assert confirmation.subject == f"신청 {application.reference}을(를) 접수했습니다"
    assert "김민지 님께" in confirmation.body
    assert "/ko/applications/status/" in confirmation.body
    page.goto(link_in_mail(confirmation, live_server, r"^/ko/applications/status/[\w-]+/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_contain_text(application.reference)
    expect(page.get_by_text("접수됨").first).to_be_visible()
    screenshot(page, "6-06-korean-status")

    page.get_by_role("link", name="신청 철회").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("신청 철회")
    screenshot(page, "6-07-korean-withdraw-confirmation")
    page.get_by_role("button", name="신청 철회하기").click()
    expect(page.get_by_role("alert").first).to_contain_text("신청을 철회하려면 확인란을 선택하십시오.")
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="신청 철회하기").click()

    expect(page.get_by_text("철회됨").first).to_be_visible()
    expect(page.get_by_role("link", name="신청 철회")).to_have_count(0)
    screenshot(page, "6-08-korean-withdrawn")
    application.refresh_from_db()
    assert application.state == ApplicationState.WITHDRAWN
