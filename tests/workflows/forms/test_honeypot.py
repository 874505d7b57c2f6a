"""The honeypot: invisible to people and assistive technology; filled in, the submission is refused."""

import pytest

from workflows.abuse import HONEYPOT_FIELD_NAME
from workflows.models import Application, TransitionLog

from .conftest import FORM_URL

pytestmark = pytest.mark.django_db


def test_the_honeypot_is_hidden_from_people_screen_readers_and_the_tab_order(client, apply_form):
    html = client.get(FORM_URL).content.decode()

    assert '<div class="wf-honeypot" aria-hidden="true">' in html
    field = html[html.index(f'name="{HONEYPOT_FIELD_NAME}"') - 200 :]
    assert 'tabindex="-1"' in field[:400] and 'autocomplete="off"' in field[:400]


def test_a_filled_honeypot_gets_a_generic_rejection_and_nothing_is_saved(client, apply_form):
    response = client.post(FORM_URL, apply_form.data(**{HONEYPOT_FIELD_NAME: "+1 555 0100"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not accept this submission." in html
    assert not Application.objects.exists()
    assert not TransitionLog.objects.exists()
