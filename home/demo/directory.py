"""The member directory page (/members/, in the main menu) and a few more active members to fill its map: one city
listed with its project title, one city that did not agree to be listed (counted, never named)."""

from cluster_pages.models import DirectoryPage, ThematicClusterPage
from home.models import HomePage

from .applications import demo_submissions_ensure
from .pages import page_ensure
from .report import LoadReport
from .submissions_data import Step, city_submission

INTRO = (
    "<p>The cities and partner organisations taking part in the clusters that agreed to be listed. Filter by "
    "cluster, country or type, or search by name; the map shows each listed city.</p>"
)


def _active(city, country, name, title, cluster, *, listed: bool, project_title: bool = False):
    spec = city_submission(
        city,
        country,
        name,
        "Smart City Officer",
        title,
        "launched",
        [cluster],
        [
            Step("review"),
            Step("assign", by="coordinator", params={"target": "assign-to:" + cluster}),
            Step("activate", by="coordinator"),
        ],
    )
    spec.answers.update(consent_public_listing=listed, consent_project_title=project_title)
    return spec


DIRECTORY_MEMBERS = (
    _active(
        "Barcelona", "ES", "Marta Puig", "Superblocks sensor network", "smart-mobility", listed=True, project_title=True
    ),
    _active("Nairobi", "KE", "Wanjiru Kamau", "Open data for matatu routes", "smart-mobility", listed=False),
)


def directory_ensure(
    *, home: HomePage, form_pages: dict, clusters: dict[str, ThematicClusterPage], report: LoadReport
) -> DirectoryPage:
    """The directory page under home (in the menu), then its extra demo members (skipped without demo staff)."""
    page = page_ensure(
        parent=home,
        page_class=DirectoryPage,
        slug="members",
        title="Member directory",
        intro=INTRO,
        show_in_menus=True,
        search_description="The member cities and partner organisations of the WeGO Thematic Clusters, on a map.",
        report=report,
    )
    demo_submissions_ensure(form_pages=form_pages, clusters=clusters, report=report, specs=DIRECTORY_MEMBERS)
    return page


KOREAN_DIRECTORY = {
    "Member directory": "회원 명부",
    INTRO.removeprefix("<p>").removesuffix("</p>"): "클러스터에 참여하는 도시와 파트너 기관 가운데 공개에 동의한 "
    "곳입니다. 클러스터, 국가, 유형으로 거르거나 이름으로 찾아보세요. 지도에는 공개된 도시가 하나씩 표시됩니다.",
    "The member cities and partner organisations of the WeGO Thematic Clusters, on a map.": "WeGO 테마 클러스터의 "
    "회원 도시와 파트너 기관을 지도와 함께 보여 줍니다.",
}
