"""On the demo site, a visitor reaches each of the three forms from the home page by following links only.

Every step reads the links a visitor sees (by their text) from the HTML and follows their href; no form URL
is typed. The demo content is loaded as `make run` loads it.
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings

from cluster_pages.models import (
    CityApplicationFormPage,
    CompanyRegistrationFormPage,
    ThematicClusterPage,
    ThemeSuggestionFormPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo_site(shared_data, tmp_path_factory):
    with shared_data(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        call_command("load_initial_data", stdout=io.StringIO())
        yield


class Visit:
    """One page a visitor has open: its response and the links on it."""

    def __init__(self, client, url):
        self.client = client
        self.response = client.get(url)
        assert self.response.status_code == 200, url
        self.soup = BeautifulSoup(self.response.content, "html.parser")

    @property
    def page(self):
        return self.response.context["page"]

    def links(self, text):
        return [a["href"] for a in self.soup.select("main a[href]") if " ".join(a.get_text().split()) == text]

    def follow(self, text):
        hrefs = self.links(text)
        assert hrefs, f"no link “{text}” on {self.response.request['PATH_INFO']}"
        assert hrefs[0].startswith("/"), hrefs[0]
        return Visit(self.client, hrefs[0])

    def ticked(self, field_name):
        return [box["value"] for box in self.soup.find_all("input", attrs={"name": field_name, "checked": True})]


def test_the_join_page_has_a_call_to_action_to_each_of_its_three_forms(client):
    join = Visit(client, "/en/").follow("How to join")

    for label, form_page_class in [
        ("Apply as a city", CityApplicationFormPage),
        ("Register as a partner", CompanyRegistrationFormPage),
        ("Suggest a theme", ThemeSuggestionFormPage),
    ]:
        form = join.follow(label)
        assert type(form.page) is form_page_class, label
        assert form.soup.find("form", attrs={"method": "post"}) is not None


CONTACT = {"applicant_name": "Kim Min-ji", "role": "Director", "applicant_email": "minji@seoul.example"}
CITY = {"city": "Seoul", "country": "KR", "organisation": "Smart City Bureau"}


def test_join_this_cluster_opens_the_city_form_with_that_cluster_ticked(client):
    cluster_page = Visit(client, "/en/").follow("All thematic clusters").follow("Smart Mobility")
    cluster = cluster_page.page
    assert type(cluster) is ThematicClusterPage

    form = cluster_page.follow("Join this cluster")

    assert type(form.page) is CityApplicationFormPage
    assert "This cluster is already chosen for you" in form.response.content.decode()
    # The form is in steps: the clusters are asked on the last one, ticked when it is reached.
    url = form.response.wsgi_request.get_full_path()
    client.post(url, {"wf_step": "0", "wf_action": "next", **CONTACT})
    client.post(url, {"wf_step": "1", "wf_action": "next", **CITY})
    assert Visit(client, "/en/join/city/").ticked("clusters") == [str(cluster.pk)]


def test_offer_your_expertise_opens_the_company_form_with_that_cluster_ticked(client):
    cluster_page = Visit(client, "/en/").follow("All thematic clusters").follow("Digital Government Platform")

    form = cluster_page.follow("Offer your expertise")

    assert type(form.page) is CompanyRegistrationFormPage
    assert form.ticked("themes") == [str(cluster_page.page.pk)]


def test_the_cluster_index_invites_visitors_to_suggest_a_theme(client):
    form = Visit(client, "/en/").follow("All thematic clusters").follow("Suggest a theme")

    assert type(form.page) is ThemeSuggestionFormPage


def test_every_call_to_action_on_the_join_page_is_a_block_editors_can_point_elsewhere(client):
    join = Visit(client, "/en/").follow("How to join").page
    targets = {
        type(block.value["page"].specific).__name__
        for block in join.body
        if block.block_type == "call_to_action" and block.value["page"] is not None
    }
    assert {"CityApplicationFormPage", "CompanyRegistrationFormPage", "ThemeSuggestionFormPage"} <= targets
