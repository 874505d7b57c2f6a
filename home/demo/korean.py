"""Korean translations of the demo's main pages, made the way an editor makes them: through wagtail-localize
(a translation source per page, one translated string per segment, then "publish the translation").

The words are written for Korean readers, not word by word; a segment without Korean here keeps its English
(wagtail-localize's fallback), and the translation editor shows it as still to translate.
"""

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .content.korean_pages import KOREAN_PAGES
from .directory import KOREAN_DIRECTORY

#: English segment → Korean for the home, clusters index, how-to-join and city form pages; the other pages' words
#: are in ``content.korean_pages`` and merged below.
KOREAN = {
    # Home
    "WeGO Thematic Clusters": "WeGO 테마 클러스터",
    "Cities and partners working together, one theme at a time": "도시와 파트너가 함께, 주제별로 한 걸음씩",
    "Pursuant to WeGO's mission to bring smart sustainable solutions to all, the Thematic Clusters help cities "
    "exchange information and build <b>tangible multi-stakeholder partnerships</b> around a theme, with private "
    "companies, non-profit organisations and academia.": "테마 클러스터는 스마트하고 지속 가능한 해법을 "
    "모두와 나누려는 WeGO의 사명에 따라, 도시들이 하나의 주제를 중심으로 정보를 나누고 기업·비영리단체·학계와 함께 "
    "<b>실질적인 다자간 파트너십</b>을 만들어 가도록 돕습니다.",
    "How to join": "참여 방법",
    "How the clusters work": "클러스터는 이렇게 운영됩니다",
    "Each cluster is centred on one theme and facilitated by a leader who is an expert in it. Members discuss "
    "specific projects, ongoing or completed; cities with similar projects explain their best practices, and "
    "companies with relevant solutions are introduced.": "클러스터마다 하나의 주제가 있고, 그 분야 전문가인 리더가 "
    "논의를 이끕니다. 회원들은 진행 중이거나 마친 프로젝트를 놓고 구체적으로 이야기하며, 비슷한 사업을 해 본 "
    "도시는 모범 사례를 소개하고 관련 해법을 가진 기업도 함께합니다.",
    "Activity takes place throughout the year in each theme's private discussion group, and members meet in "
    "person at WeGO's events.": "활동은 주제별 비공개 토론 그룹에서 일 년 내내 이어지고, 회원들은 WeGO 행사에서 "
    "직접 만납니다.",
    # Clusters index
    "Thematic clusters": "테마 클러스터",
    # How to join
    "How to join &amp; questions": "참여 방법 및 문의",
    "How cities and partner organisations join a thematic cluster, and whom to ask.": "도시와 파트너 기관이 테마 "
    "클러스터에 참여하는 방법과 문의처를 안내합니다.",
    "Cities, companies, non-profit organisations, universities and research institutes, and everyone with an idea "
    "for a new theme are welcome.": "도시와 기업, 비영리단체, 대학과 연구기관, 그리고 새로운 주제를 제안하고 싶은 "
    "누구나 환영합니다.",
    "Cities": "도시",
    "City members are encouraged to apply to the cluster of their choice, including a description of their "
    "project: what it sets out to do, where it stands and what the city hopes to learn from other members.": "회원 "
    "도시는 원하는 클러스터에 신청하실 수 있습니다. 신청서에는 프로젝트의 목표와 현재 진행 상황, 그리고 다른 "
    "회원에게서 배우고 싶은 점을 적어 주세요.",
    "Describe your city's project and choose the clusters it fits.": "도시의 프로젝트를 소개하고 알맞은 클러스터를 "
    "골라 주세요.",
    "Apply as a city": "도시로 신청하기",
    "Partners: companies, non-profits and academia": "파트너: 기업, 비영리단체, 학계",
    "Companies, non-profit organisations, universities and research institutes interested in lending their expert "
    "guidance on the clusters' topics may register as partners and describe what they offer, so that cities "
    "looking for partners can find them.": "클러스터 주제에 전문 지식을 보태고 싶은 기업, 비영리단체, 대학과 "
    "연구기관은 파트너로 등록하고 제공할 수 있는 내용을 소개해 주세요. 파트너를 찾는 도시들이 살펴볼 수 있습니다.",
    "Tell cities what your organisation offers and the themes it serves.": "여러분의 기관이 제공할 수 있는 것과 관련 "
    "주제를 도시들에 알려 주세요.",
    "Register as a partner": "파트너로 등록하기",
    "Suggest a theme": "주제 제안하기",
    "Additional theme suggestions are welcome. Tell us which theme you would like a cluster for and which cities "
    "or organisations would take part.": "새로운 주제 제안도 환영합니다. 어떤 주제로 클러스터를 만들고 싶은지, 어느 "
    "도시나 기관이 함께할지 알려 주세요.",
    "Have an idea for a new cluster?": "새 클러스터에 대한 아이디어가 있으신가요?",
    "Not sure which cluster fits your project?": "어느 클러스터가 맞을지 고민되시나요?",
    "Browse the clusters": "클러스터 둘러보기",
    "Questions": "문의",
    'For questions regarding either the WeGO Thematic Clusters or the <a id="a1">GCTC action clusters</a>, '
    "please contact the people below.": 'WeGO 테마 클러스터나 <a id="a1">GCTC 액션 클러스터</a>에 관해 궁금한 점은 '
    "아래 담당자에게 문의해 주세요.",
    # The city form
    "Cities apply to join one or more thematic clusters by describing a project, ongoing or completed. Reviewers "
    "read every application and the coordinators place it in the cluster where it fits best.": "도시는 진행 중이거나 "
    "마친 프로젝트를 소개해 하나 이상의 테마 클러스터에 신청합니다. 심사자가 모든 신청서를 읽고, 코디네이터가 가장 "
    "잘 맞는 클러스터에 배정합니다.",
    "Thank you! We have sent you a confirmation by e-mail. Reviewers usually answer within two weeks.": "신청해 "
    "주셔서 감사합니다! 확인 메일을 보내 드렸습니다. 심사 결과는 보통 2주 안에 안내해 드립니다.",
    "How did you hear about the Thematic Clusters?": "테마 클러스터를 어떻게 알게 되셨나요?",
    "A WeGO event<br/>A colleague in another city<br/>The WeGO website<br/>Other": "WeGO 행사<br/>다른 도시의 "
    "동료<br/>WeGO 웹사이트<br/>기타",
}

KOREAN |= KOREAN_PAGES
KOREAN |= KOREAN_DIRECTORY
# The city form's steps (``form_steps``)
KOREAN |= {
    "About you": "신청자 정보",
    "Your city": "도시 정보",
    "Your project": "프로젝트",
    # The sections each step shows, by their Korean headings (the interface's words: the form matches them)
    "Contact person": "담당자",
    "Your project<br/>Consent": "프로젝트<br/>동의",
    "Letter of support from your city": "시의 지원 서한",
    "Optional: a letter from the mayor's office or the department backing the application.": "선택 사항: 시장실이나 "
    "담당 부서가 이 신청을 지지하는 서한을 올려 주세요.",
}


def korean_translations_ensure(*, report) -> None:
    """Translate every page of the English demo tree into Korean once (parents before children); a page the
    Korean tree holds as an alias becomes a real translation. A page already translated keeps every Korean
    string it has (an editor may have changed them since); only segments with no Korean at all are filled in
    from ``KOREAN`` (a site loaded before these words existed), and the page is republished only then."""
    korean = Locale.objects.filter(language_code="ko").first()
    if korean is None:
        return
    for page in Page.objects.filter(locale__language_code="en", depth__gt=1).order_by("path").specific():
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.filter(source=source, target_locale=korean).first()
        if translation is not None:
            if korean_strings_add(source=source, locale=korean):
                korean_translation_save(translation=translation, page=page, locale=korean)
                report.note(_("Korean words added to the translation of “%(title)s”.") % {"title": page.title})
            korean_draft_keep_unpublished(page=page, locale=korean, report=report)
            report.record(_("Korean page translations"), created=False)
            continue
        translation = Translation.objects.create(source=source, target_locale=korean)
        korean_strings_add(source=source, locale=korean)
        # A translation follows its source: an English draft (a cluster drafted from a theme suggestion) gets a
        # Korean draft, published when the English page is.
        korean_translation_save(translation=translation, page=page, locale=korean)
        report.record(_("Korean page translations"), created=True)


def korean_translation_save(*, translation, page, locale) -> None:
    """Save the Korean translation of ``page`` as a new revision and publish it now if ``page`` is live.

    wagtail-localize's ``save_target(publish=True)`` defers the publication to ``transaction.on_commit``, which
    never runs while the load is inside an enclosing transaction (a test, or a caller's atomic block): the Korean
    page would keep the English page's "not yet translated" notice, which stays until a translation is published
    (``translation_review.shows_source_language``). Publishing the revision here logs it in the same transaction.
    """
    translation.save_target(publish=False)
    if page.live:
        page.get_translation(locale).get_latest_revision().publish()


def korean_draft_keep_unpublished(*, page, locale, report) -> None:
    """Unpublish the Korean translation of ``page`` if it is live while ``page`` is not (as loads before this rule
    left the drafted cluster)."""
    if page.live:
        return
    version = page.get_translation_or_none(locale)
    if version is not None and version.live:
        version.unpublish()
        report.note(_("Unpublished the Korean translation of the draft “%(title)s”.") % {"title": page.title})


def korean_strings_add(*, source, locale, words=KOREAN) -> int:
    """Give each segment of ``source`` without a Korean string its Korean from ``words``; how many were added."""
    added = 0
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        korean = words.get(segment.string.data)  # the slug is synchronised (translation_fields), never a segment
        if korean:
            _string, created = StringTranslation.objects.get_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": korean}
            )
            added += created
    return added
