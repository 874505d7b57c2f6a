"""What staff are told about who reads assessments matches what happens: never on the applicant's status page,
mails or API, but in the copy of their data an applicant may ask for (GDPR art. 15, *Nowak*), without names."""

from html import unescape

from workflows.models import ApplicationState

from .conftest import assessment_url

S = ApplicationState


def text_of(response) -> str:
    return " ".join(unescape(response.content.decode()).split())


def test_the_inspect_page_says_a_data_copy_includes_the_assessments(
    client, make_city_application, reviewer, coordinator, assess, city_criteria, city_urls
):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(coordinator)

    html = text_of(client.get(city_urls.inspect(row)))

    assert "the applicant never does" not in html
    assert "An applicant who asks for a copy of their data receives the assessments given" in html
    assert "without reviewers’ names" in html


def test_the_assessment_form_asks_for_comments_the_applicant_may_read(
    client, make_city_application, reviewer, coordinator, assess, city_criteria, city_urls
):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)

    html = text_of(client.get(assessment_url(city_urls, row)))

    assert "the applicant never does" not in html
    assert "one who asks for a copy of their data receives them" in html
    assert "Write your comment as you would be comfortable for the applicant to read it." in html


def test_the_staff_api_describes_the_assessments_truthfully():
    from workflows.api.routers import staff
    from workflows.api.routers.staff import list_assessments  # noqa: F401 - the router is built on import

    (operation,) = [
        op
        for path in staff.router.path_operations.values()
        for op in path.operations
        if op.operation_id == "applications_assessments"
    ]
    assert "Internal: never shown" not in operation.description
    assert "copy of their data includes the assessments given" in operation.description


def test_the_comment_fields_help_says_what_the_data_copy_does(
    client, make_city_application, reviewer, coordinator, assess, city_criteria, city_urls
):
    """The field's own help text once said "never shown or sent to the applicant" beside a paragraph saying
    the opposite; the data copy does include the comment (``test_assessments_stay_internal``)."""
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)

    html = text_of(client.get(assessment_url(city_urls, row)))

    assert "never shown or sent to the applicant" not in html
    assert "an applicant who asks for a copy of their data receives it, without your name" in html


def test_the_internal_notes_help_says_what_the_data_copy_does(client, make_city_application, reviewer, city_urls):
    """Internal notes and a transition's internal reason are in the data copy too (``selectors.personal_data``)."""
    row = make_city_application(S.SUBMITTED)
    client.force_login(reviewer)

    inspect = text_of(client.get(city_urls.inspect(row)))
    reason = text_of(client.get(city_urls.transition(row, "reject")))

    assert "applicants never see these notes." not in inspect
    assert "an applicant who asks for a copy of their data receives them, without the authors’ names" in inspect
    assert "never shown or sent to the applicant" not in reason
    assert "an applicant who asks for a copy of their data receives it, without your name" in reason
