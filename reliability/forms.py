"""The demo site's city and company forms, read from the API as a front end would, and one applicant's answers."""

from dataclasses import dataclass

from .client import Client

KINDS = {"cluster_pages.cityapplication": "city", "cluster_pages.companyregistration": "company"}
EXAMPLES = {"url": "https://example.org/", "number": 1, "date": "2027-01-01", "datetime": "2027-01-01T10:00"}


@dataclass
class Form:
    kind: str
    id: int
    url_path: str
    fields: list

    @property
    def api_path(self) -> str:
        return f"/api/v3/workflow-forms/{self.id}/submissions/"

    def answers(self, n: int, *, via: str) -> dict:
        """Answers unique to applicant ``n`` (so the duplicate guard never merges two), as JSON or form fields."""
        answers = {}
        for field in self.fields:
            if not field["required"] and field["name"] != "consent_public_listing":
                continue
            name, kind, choices = field["name"], field["type"], field["choices"] or []
            if choices:
                values = [choice["value"] for choice in choices]
                value = "KR" if "KR" in values else values[n % len(values)]
                answers[name] = [value] if field["multiple"] else value
            elif kind == "checkbox":
                answers[name] = True if via == "api" else "on"
            elif kind == "email":
                answers[name] = f"applicant-{n}@{self.kind}-{n}.example"
            elif kind in EXAMPLES:
                answers[name] = EXAMPLES[kind]
            else:
                answers[name] = f"{field['label']} of applicant {n}"[: field["max_length"] or 200]
        return answers


def discover(base_url: str) -> dict[str, Form]:
    client = Client(base_url)
    forms = {}
    for item in client.request("GET", "/api/v3/workflow-forms/").json():
        kind = KINDS.get(item["kind"])
        if kind:
            schema = client.request("GET", f"/api/v3/workflow-forms/{item['id']}/").json()
            forms[kind] = Form(kind=kind, id=item["id"], url_path=item["url_path"], fields=schema["fields"])
    if set(forms) != set(KINDS.values()):
        raise RuntimeError(f"the demo content has no city and company forms: {sorted(forms)}")
    return forms
