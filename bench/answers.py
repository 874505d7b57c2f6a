"""The answers every benchmark sends to our city application form (the cluster and the address are per run)."""

CITY_APPLICATION = {
    "city": "Seoul",
    "country": "KR",
    "applicant_name": "Kim Min-ji",
    "role": "Director",
    "phone": "",
    "organisation": "Smart City Bureau",
    "project_title": "Mobility data platform",
    "project_description": "A shared platform for the city's mobility data.",
    "project_status": "development",
    "partners_sought": "Cities with open mobility data.",
    "consent_public_listing": "on",
    "consent_privacy": "on",
}


def city_form_in_one_page(city):
    """The demo's city form without its steps (its "Step" dividers): the single-page form these figures have
    always measured, and the reference ``bench/steps.py`` compares a step's GET and POST with."""
    if city.form_fields.filter(field_type="step").exists():
        city.form_fields.filter(field_type="step").delete()
        city.save_revision().publish()
    return city
