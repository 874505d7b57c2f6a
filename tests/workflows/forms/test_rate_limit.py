"""Per IP address and form, at most WORKFLOW_FORMS_RATE_LIMIT posts; then a 429 page and nothing saved."""

import pytest
from django.core.cache import caches

from workflows.abuse import rate_limit

from ..testapp.models import ApplyFormPage, MembershipApplication
from .conftest import FORM_URL

pytestmark = pytest.mark.django_db


def test_the_default_limit_is_ten_per_hour(settings):
    del settings.WORKFLOW_FORMS_RATE_LIMIT
    assert rate_limit() == "10/h"


def test_posts_over_the_limit_get_a_429_page_and_create_nothing(client, apply_form, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "2/h"
    client.post(FORM_URL, apply_form.data())
    client.post(FORM_URL, apply_form.data(applicant_email="other@university.example"))

    response = client.post(FORM_URL, apply_form.data(applicant_email="third@university.example"))

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "nothing was saved" in response.content.decode()
    assert MembershipApplication.objects.count() == 2


def test_the_limit_counts_per_form_and_per_address(client, apply_form, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1/h"
    again = apply_form.page.get_parent().add_child(instance=ApplyFormPage(title="Apply again", slug="again"))
    client.post(FORM_URL, apply_form.data())

    assert client.post(again.url, apply_form.data()).status_code == 200, "another form"
    other_address = client.post(FORM_URL, apply_form.data(applicant_email="b@x.example"), REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 200
    assert client.post(FORM_URL, apply_form.data(applicant_email="c@x.example")).status_code == 429


def test_reading_the_form_is_not_limited(client, apply_form, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert client.get(FORM_URL).status_code == 200


def test_the_rate_limit_cache_increments_without_resetting_the_expiry():
    cache = caches["ratelimit"]
    cache.add("counter", 1, 3600)
    expiry_before = _expiry(cache, "counter")

    assert cache.incr("counter") == 2
    assert cache.incr("counter", 3) == 5
    assert cache.get("counter") == 5
    assert _expiry(cache, "counter") == expiry_before
    with pytest.raises(ValueError):
        cache.incr("missing")


def _expiry(cache, key):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM ratelimit_cache WHERE cache_key = %s", [cache.make_key(key)])
        return cursor.fetchone()[0]
