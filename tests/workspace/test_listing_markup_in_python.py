"""The listing's cells, filter selects and row dropdowns are written out in Python for speed: each gives the
markup of the template it stands for (the template stays the reference)."""

import re

import pytest
from django import forms
from wagtail.admin.widgets.button import ButtonWithDropdown

from workflows.admin.buttons import QuickButtonWithDropdown
from workflows.admin.columns import CellInPythonMixin
from workflows.admin.widgets import Select
from workflows.models import ApplicationState

S = ApplicationState


def normalised(html) -> str:
    html = re.sub(r"\s+", " ", str(html)).strip()
    return re.sub(r"\s*(<|>)\s*", r"\1", html.replace("<td >", "<td>"))


@pytest.fixture
def rows(make_city_application, clusters):
    return [
        make_city_application(
            S.SUBMITTED,
            city="Seoul & <Busan>",
            organisation='City <of> "Seoul"',
            interests=[clusters.mobility, clusters.water],
        ),
        make_city_application(S.ASSIGNED, city="Lisbon", country="PT", assigned_to=clusters.water),
        make_city_application(S.REVIEWED, city="Busan", assigned_to=None, organisation=""),
    ]


def test_each_cell_written_in_python_is_the_cell_its_template_draws(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    response = client.get(city_urls.index())
    table = response.context["table"]
    columns = [column for column in table.columns.values() if isinstance(column, CellInPythonMixin)]
    assert len(columns) >= 7
    for instance in table.data:
        parent = {"table": table, "row": None, "request": response.wsgi_request}
        for column in columns:
            expected = column.cell_template.render(column.get_cell_context_data(instance, parent))
            assert normalised(column.render_cell_html(instance, parent)) == normalised(expected), column.name


def test_each_row_dropdown_drawn_in_python_is_the_one_wagtails_template_draws(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    response = client.get(city_urls.index())
    view = response.context["view"]
    parent = {"request": response.wsgi_request}
    dropdowns = [button for row in rows for button in view.get_list_buttons(row)]
    assert dropdowns and all(isinstance(button, QuickButtonWithDropdown) for button in dropdowns)
    for button in dropdowns:
        assert normalised(button.render_html(parent)) == normalised(ButtonWithDropdown.render_html(button, parent))


@pytest.mark.parametrize("value", ["ES", "", None, "XX"])
def test_the_select_writes_the_options_djangos_templates_write(value):
    choices = [("", "---------"), ("KR", "Korea & <more>"), ("ES", "Spain"), ("Group", [("A", "a"), ("B", "b")])]
    attrs = {"id": "id_country", "data-flag": True, "hidden-no": False}
    ours = Select(choices=choices).render("country", value, attrs=attrs)
    django = forms.Select(choices=choices).render("country", value, attrs=attrs)
    assert normalised(ours) == normalised(django)


def test_the_country_filter_keeps_wagtails_select_styling_and_the_chosen_country(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    html = client.get(city_urls.index(), {"country": "PT"}).content.decode()

    field = re.search(r'<div class="(w-field [^"]*)"[^>]*>(?:(?!<div class="w-field ).)*?name="country"', html, re.S)
    assert field is not None and "w-field--select" in field.group(1).split()
    assert re.search(r'<option value="PT" selected>', html)
    assert len(re.findall(r'<option value="KR"', html)) == 1
