"""Applications as the staff API shows them: list items and details (loaded by ``workflows.selectors.staff``,
in a constant number of queries per page)."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import ApplicationState, InternalNote, SubmittedFile, TransitionLog
from ..selectors.assessments import assessment_rounds
from ..selectors.related import related_of
from ..services.assessments import criteria_for
from ..services.transitions import available_transitions
from . import kinds


def _page_ref(page):
    return {"id": page.pk, "title": page.title} if page is not None else None


def _interests(application) -> list[dict]:
    field = application.interest_field
    if not field:
        return []
    return [_page_ref(page) for page in related_of(application, field)]


def _organisation(application) -> str:
    field = kinds.organisation_field(type(application))
    return str(getattr(application, field, "") or "") if field else ""


def _country(application) -> str | None:
    country = getattr(application, application.country_field) if application.country_field else None
    return str(country.code if hasattr(country, "code") else country) if country else None


def list_item(application, *, user, transitions: list[str] | None = None) -> dict:
    """The application as the list shows it; ``transitions`` are its available transitions when the caller
    has asked already (a list asks once per state: ``StaffTransitionsMemo``)."""
    return {
        "id": application.pk,
        "reference": application.reference,
        "kind": type(application)._meta.label_lower,
        "kind_label": str(type(application)._meta.verbose_name),
        "applicant_name": application.applicant_name,
        "applicant_email": application.applicant_email,
        "organisation": _organisation(application),
        "country": _country(application),
        "state": application.state,
        "state_label": str(ApplicationState(application.state).label),
        "interests": _interests(application),
        "assigned_to": _page_ref(application.assigned_to) if application.assigned_to_id else None,
        "submitted_at": application.submitted_at,
        "updated_at": application.updated_at,
        "state_changed_at": application.state_changed_at,
        "available_transitions": (
            transitions if transitions is not None else available_transitions(application=application, user=user)
        ),
    }


def _display(field, value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(_display(field, item) for item in value)
    return str(value)


def core_answers(application) -> list[dict]:
    """The kind's core fields with their labels, values and display values."""
    answers = []
    for name in application.core_fields:
        field = application._meta.get_field(name)
        if field.many_to_many:
            pages = related_of(application, name)
            value = [page.pk for page in pages]
            display = ", ".join(str(page) for page in pages)
        else:
            value = getattr(application, name)
            if hasattr(value, "code"):  # a django-countries Country
                value, display = value.code, str(value.name)
            elif field.choices:
                display = str(dict(field.flatchoices).get(value, value))
            else:
                display = _display(field, value)
        answers.append({"name": name, "label": str(field.verbose_name), "value": value, "display": display})
    return answers


def extra_answers(application) -> list[dict]:
    answers = []
    for name, answer in (application.answers or {}).items():
        if not isinstance(answer, dict):
            continue
        value = answer.get("value")
        answers.append(
            {"name": name, "label": str(answer.get("label", name)), "value": value, "display": _display(None, value)}
        )
    return answers


def _records(model, application):
    content_type = ContentType.objects.get_for_model(application)
    return model.objects.filter(content_type=content_type, object_id=application.pk)


def detail(application, *, user, request) -> dict:
    files = [
        {
            "id": record.pk,
            "question": record.field_label,
            "name": record.original_name,
            "content_type": record.content_type_detected,
            "size": record.size,
            "download_url": request.build_absolute_uri(reverse("workflow_forms:submitted_file", args=[record.pk])),
            "replaced_at": record.replaced_at,
        }
        for record in _records(SubmittedFile, application)
    ]
    timeline = [
        {
            "timestamp": entry.timestamp,
            "transition": entry.transition,
            "from_state": entry.from_state,
            "to_state": entry.to_state,
            "actor": entry.actor_label,
            "by_applicant": entry.by_applicant,
            "note": entry.note,
            "message": entry.message,
        }
        for entry in _records(TransitionLog, application).order_by("timestamp", "pk")
    ]
    notes = [note_out(note) for note in _records(InternalNote, application).select_related("author")]
    return {
        **list_item(application, user=user),
        "fields": core_answers(application),
        "answers": extra_answers(application),
        "files": files,
        "timeline": timeline,
        "internal_notes": notes,
    }


def note_out(note) -> dict:
    author = note.author
    return {
        "id": note.pk,
        "author": (author.get_full_name() or author.get_username()) if author else "",
        "text": note.text,
        "created_at": note.created_at,
    }


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def assessment_out(assessment) -> dict:
    return {
        "id": assessment.pk,
        "reviewer": _name(assessment.reviewer),
        "requested_by": _name(assessment.requested_by),
        "round": assessment.round,
        "state_when_requested": assessment.state,
        "open": assessment.is_open,
        "requested_at": assessment.requested_at,
        "given_at": assessment.given_at,
        "changed_at": assessment.changed_at,
        "recommendation": assessment.recommendation or None,
        "comment": assessment.comment,
        "scores": [
            {
                "criterion_id": score.criterion_id,
                "criterion": score.criterion.name,
                "score": score.score,
                "label": score.label,
            }
            for score in assessment.scores.all()
        ],
    }


def assessments(application) -> dict:
    """The application's assessments (every round, latest first), its kind's criteria and the latest aggregate."""
    criteria = list(criteria_for(type(application)))
    rounds = assessment_rounds(application, criteria)
    latest = rounds[0] if rounds else None
    summary = None
    if latest is not None:
        data = latest["summary"]
        summary = {
            "round": latest["round"],
            "requested": data["requested"],
            "given": data["given"],
            "mean": data["mean"],
            "criteria": [
                {"criterion_id": row["criterion"].pk, "criterion": row["criterion"].name, "mean": row["mean"]}
                for row in data["criteria"]
            ],
            "recommendations": {item["value"]: item["count"] for item in data["recommendations"]},
        }
    return {
        "criteria": [
            {
                "id": criterion.pk,
                "name": criterion.name,
                "help_text": criterion.help_text,
                "score_labels": [criterion.score_label(score) for score in range(1, 6)],
            }
            for criterion in criteria
        ],
        "latest_round": summary,
        "items": [assessment_out(assessment) for round_ in rounds for assessment in round_["assessments"]],
    }
