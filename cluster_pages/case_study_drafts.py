"""A coordinator turns an active city project into a draft case study, in the editors' moderation workflow.

Who may: users with ``workflow_forms.activate_application`` (the Coordinators), the same people who confirm
a city as a member, since the case study tells that member's project in public. Reviewers, editors and
cluster leaders may not: editors then finish and approve the draft through "Case study review".
"""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from workflows.models import ApplicationState
from workflows.selectors import user_may_see_submission

from .models import CaseStudyIndexPage, CaseStudyPage, CityApplication, ProjectStage, ThematicClusterPage
from .models.case_studies import ProjectStatus
from .services import _free_slug

DRAFT_PERMISSION = "workflow_forms.activate_application"
SUMMARY_MAX_CHARS = 600  # the field allows 1,000; listings want two or three sentences


class CaseStudyDraftRefused(Exception):
    """The draft cannot be made; ``message`` says why, ``existing`` is the earlier draft if that is the reason."""

    def __init__(self, message: str, *, existing: CaseStudyPage | None = None):
        super().__init__(message)
        self.message = message
        self.existing = existing


def user_may_draft_case_study(*, user, application) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.has_perm(DRAFT_PERMISSION)
        and user_may_see_submission(user=user, submission=application)
    )


def existing_case_study_draft(*, application) -> CaseStudyPage | None:
    return CaseStudyPage.objects.filter(source_application_id=application.pk).order_by("pk").first()


def summary_from(description: str) -> str:
    """The first sentences of ``description`` that fit in SUMMARY_MAX_CHARS, else its words cut with "…"."""
    text = " ".join(description.split())
    if len(text) <= SUMMARY_MAX_CHARS:
        return text
    summary = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > SUMMARY_MAX_CHARS:
            break
        summary = candidate
    return summary or Truncator(text).chars(SUMMARY_MAX_CHARS)


def paragraphs_from(text: str) -> str:
    """Plain text as rich-text paragraphs (blank lines separate them)."""
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


def challenge_from(application, cluster) -> str:
    """The project's setting as the application states it: who, what stage, which cluster, which partners."""
    facts = _("%(city)s (%(country)s) brought “%(title)s”, a project at the “%(stage)s” stage, to %(cluster)s.") % {
        "city": application.city,
        "country": application.country.name,
        "title": application.project_title,
        "stage": application.get_project_status_display(),
        "cluster": cluster.title if cluster is not None else _("the Thematic Clusters"),
    }
    partners = " ".join(application.partners_sought.split())
    paragraphs = [facts] + ([_("Partners sought: %(partners)s") % {"partners": partners}] if partners else [])
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def _case_study_index(cluster) -> CaseStudyIndexPage:
    indexes = CaseStudyIndexPage.objects.all()
    site = cluster.get_site() if cluster is not None else None
    if site is not None:
        indexes = indexes.descendant_of(site.root_page, inclusive=True)
    index = indexes.order_by("path").first() or CaseStudyIndexPage.objects.order_by("path").first()
    if index is None:
        raise CaseStudyDraftRefused(_("There is no case-study index page to add the case study to."))
    return index


@transaction.atomic
def case_study_draft_from_application(*, application, user) -> CaseStudyPage:
    """A draft case study pre-filled from an active city application, submitted to "Case study review".

    Title, city, country, cluster, summary (the description's first sentences), the challenge (the project's
    setting and the partners sought), the solution (the whole description) and the status (implemented →
    completed, otherwise ongoing) come from the project; the year is this year; the results are left for the
    editors. The page is not live: it is published when an editor approves it.
    Raises CaseStudyDraftRefused (with ``existing`` set when a draft already exists).
    """
    application = CityApplication.objects.select_for_update().get(pk=application.pk)
    if not user_may_draft_case_study(user=user, application=application):
        raise CaseStudyDraftRefused(_("You may not draft case studies from applications."))
    if application.state != ApplicationState.ACTIVE:
        raise CaseStudyDraftRefused(_("Only an active city's project can become a case study."))
    existing = existing_case_study_draft(application=application)
    if existing is not None:
        raise CaseStudyDraftRefused(
            _("A case study was already drafted from %(reference)s: “%(title)s”.")
            % {"reference": application.reference, "title": existing.title},
            existing=existing,
        )
    cluster = ThematicClusterPage.objects.filter(pk=application.assigned_to_id).first()
    index = _case_study_index(cluster)
    workflow = index.get_workflow() if hasattr(index, "get_workflow") else None
    if workflow is None:
        raise CaseStudyDraftRefused(
            _("Case studies here have no moderation workflow: assign “Case study review” to the index first.")
        )

    title = application.project_title.strip()
    page = CaseStudyPage(
        title=title,
        slug=_free_slug(index, title),
        city=application.city,
        country=application.country,
        cluster=cluster,
        project_status=(
            ProjectStatus.COMPLETED if application.project_status == ProjectStage.IMPLEMENTED else ProjectStatus.ONGOING
        ),
        year=timezone.localdate().year,
        summary=summary_from(application.project_description),
        challenge=challenge_from(application, cluster),
        solution=paragraphs_from(application.project_description),
        source_application=application,
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    log(page, "wagtail.create", user=user, data={"source_application": application.reference})
    page.save_revision(user=user, log_action=True)
    workflow.start(page, user)
    return page
