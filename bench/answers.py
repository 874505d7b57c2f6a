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
