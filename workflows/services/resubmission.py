"""The applicant edits and resubmits through their status link: the same form as a new submission.

The HTML edit page and the API's resubmit endpoint both call ``resubmission_submit``; they differ only in
how they answer.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from ..exceptions import MissingTransitionInput
from .submissions import submission_resubmit


class FormPageOffline(Exception):
    """The form page of a submission is gone (deleted, or no longer a workflow form)."""


@dataclass(frozen=True)
class ResubmissionResult:
    """The bound form (with its errors when refused) and the updated submission when it went through."""

    form: object
    submission: object | None = None


def resubmission_form_page(submission):
    """The live form page ``submission`` was made with, as its specific type; ``FormPageOffline`` otherwise."""
    form_page = submission.form_page.specific if submission.form_page_id else None
    if form_page is None or not hasattr(form_page, "get_form"):
        raise FormPageOffline
    return form_page


def _previous_answers(submission) -> dict:
    return {
        name: answer.get("value") for name, answer in (submission.answers or {}).items() if isinstance(answer, dict)
    }


def resubmission_form(*, form_page, submission, data=None, files=None, user=None):
    """The form page's form for ``submission``, filled in with its answers (bound when ``data`` is given)."""
    # A fresh copy: the form writes its values onto its instance while validating.
    instance = type(submission)._default_manager.get(pk=submission.pk)
    return form_page.get_form(
        data,
        files,
        page=form_page,
        user=user or AnonymousUser(),
        instance=instance,
        initial=_previous_answers(submission),
    )


def resubmission_submit(*, form_page, submission, data, files, token: str, user=None) -> ResubmissionResult:
    """Validate the edited answers with the page's form and, when valid, resubmit them.

    A refused required input ends up on the form; any other ``TransitionError`` is raised to the caller.
    """
    form = resubmission_form(form_page=form_page, submission=submission, data=data, files=files, user=user)
    if not form.is_valid():
        return ResubmissionResult(form=form)
    try:
        updated = submission_resubmit(
            submission=submission, token=token, cleaned_data=form.cleaned_data, files=form.uploads()
        )
    except MissingTransitionInput as error:
        for field, message in error.field_errors.items():
            form.add_error(field if field in form.fields else None, message)
        return ResubmissionResult(form=form)
    return ResubmissionResult(form=form, submission=updated)
