"""/case-studies/, under the "Case study review" workflow, and its case studies."""

from cluster_pages.models import (
    CaseStudyGalleryImage,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    ThematicClusterPage,
)
from cluster_pages.moderation import CASE_STUDY_WORKFLOW_NAME, case_study_workflow_assign
from home.models import HomePage

from .content.case_studies import CASE_STUDIES, CASE_STUDY_INDEX_INTRO, CASE_STUDY_INDEX_TITLE
from .illustrations import demo_scene_for
from .images import demo_illustration_ensure
from .pages import page_ensure
from .report import DemoContentError, LoadReport


def case_studies_ensure(
    *, home: HomePage, clusters: dict[str, ThematicClusterPage], report: LoadReport
) -> CaseStudyIndexPage:
    """The case-study index (with its moderation workflow) and the fictional case studies."""
    index = page_ensure(
        parent=home,
        page_class=CaseStudyIndexPage,
        slug="case-studies",
        title=CASE_STUDY_INDEX_TITLE,
        intro=CASE_STUDY_INDEX_INTRO,
        show_in_menus=True,
        report=report,
    )
    if case_study_workflow_assign(index_page=index) is None:
        raise DemoContentError(
            f'The "{CASE_STUDY_WORKFLOW_NAME}" workflow is missing or disabled; run `manage.py migrate` '
            "(migration cluster_pages 0002 creates it) or re-enable it under Settings › Workflows."
        )
    for spec in CASE_STUDIES:
        if index.get_children().filter(slug=spec.slug).exists():
            # Already there: checked and counted without drawing an image nobody would use.
            page_ensure(parent=index, page_class=CaseStudyPage, slug=spec.slug, title=spec.title, report=report)
            continue
        image = demo_illustration_ensure(scene_name=demo_scene_for(spec.slug), report=report)
        page_ensure(
            parent=index,
            page_class=CaseStudyPage,
            slug=spec.slug,
            title=spec.title,
            city=spec.city,
            country=spec.country,
            cluster=clusters[spec.cluster_slug],
            project_status=spec.project_status,
            year=spec.year,
            summary=spec.summary,
            search_description=spec.summary,
            challenge=spec.challenge,
            solution=spec.solution,
            results=spec.results,
            partners=[CaseStudyPartner(name=name) for name in spec.partners],
            listing_image=image,
            gallery_images=[CaseStudyGalleryImage(image=image, caption=spec.image_caption)],
            report=report,
        )
    return index
