"""A form sent back with a problem elsewhere asks for each chosen file again: no browser keeps a chosen file across
a page load, and an applicant who is not told sends the form without the brief they chose (journey 1 found it)."""

import pytest

from cluster_pages.models import CityApplication

from .support import PDF_BYTES, city_data, upload

pytestmark = pytest.mark.django_db


def test_a_file_that_was_fine_is_asked_for_again_in_its_help(client, forms):
    response = client.post(
        "/en/join/city/", city_data(forms, project_title="", project_brief=upload("mobility-brief.pdf", PDF_BYTES))
    )

    assert response.status_code == 200
    help_text = response.context["form"]["project_brief"].help_text
    assert help_text.startswith("You chose “mobility-brief.pdf”: choose it again before you send the form.")
    assert 'id="id_project_brief_helptext"' in response.content.decode()
    assert not CityApplication.objects.exists()


def test_nothing_is_asked_when_no_file_was_chosen_or_the_file_itself_was_refused(client, forms):
    without_file = client.post("/en/join/city/", city_data(forms, project_title=""))
    refused = client.post(
        "/en/join/city/", city_data(forms, project_title="", project_brief=upload("brief.pdf", b"not a pdf"))
    )

    assert "choose it again" not in without_file.content.decode()
    assert "choose it again" not in refused.content.decode()
    assert refused.context["form"].errors["project_brief"]
