"""A double submission is recognised by its files too (the city form's project brief)."""

import pytest

from cluster_pages.models import CityApplication

from .support import PDF_BYTES, city_data, upload

pytestmark = pytest.mark.django_db


def test_the_same_file_again_is_a_double_submission_too(client, forms):
    client.post("/en/join/city/", city_data(forms, project_brief=upload("a.pdf", PDF_BYTES)))
    client.post("/en/join/city/", city_data(forms, project_brief=upload("a.pdf", PDF_BYTES)))

    assert CityApplication.objects.count() == 1
