"""The criteria reviewers score each kind on (Applications › Assessment criteria); coordinators edit them."""

from django.contrib.contenttypes.models import ContentType

from cluster_pages.models import CityApplication, CompanyRegistration, ThemeSuggestion
from workflows.models import AssessmentCriterion

from .report import LoadReport

CRITERIA = {
    CityApplication: [
        ("Relevance to the cluster", "How closely the project matches the themes of the clusters it applies to."),
        ("Maturity", "How far the project has come: from an idea (1) to a service in daily use with results (5)."),
        ("Transferability", "How readily other member cities could adopt the approach, data or tools."),
    ],
    CompanyRegistration: [
        ("Relevance to the clusters", "How closely the solution matches the needs of the clusters chosen."),
        ("Maturity of the solution", "From a prototype (1) to a product proven in several cities (5)."),
        ("Value to member cities", "How much cities could learn from or use the company's expertise."),
    ],
    ThemeSuggestion: [
        ("Relevance to member cities", "How many member cities face the issue the theme addresses."),
        ("Distinct from existing clusters", "How little the theme overlaps with the clusters we already have."),
        ("Likely participation", "How likely cities and experts are to take part, judging by the suggestion."),
    ],
}


def assessment_criteria_ensure(*, report: LoadReport) -> None:
    """Three criteria per kind, in order; an existing criterion (by kind and name) is left as it is."""
    for model, criteria in CRITERIA.items():
        kind = ContentType.objects.get_for_model(model)
        for order, (name, help_text) in enumerate(criteria, start=1):
            _criterion, created = AssessmentCriterion.objects.get_or_create(
                kind=kind, name=name, defaults={"help_text": help_text, "sort_order": order * 10}
            )
            report.record("assessment criteria", created=created)
