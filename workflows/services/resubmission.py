"""The applicant edits and resubmits through their status link: the same form as a new submission.

The HTML edit page and the API's resubmit endpoint both call ``resubmission_submit``; they differ only in
how they answer.
"""

from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..exceptions import MissingTransitionInput
from .submissions import ADDRESS_FIELD, submission_resubmit

ADDRESS_FIXED_HELP = _(
    "The e-mail address cannot be changed here: your status link and the copy of your data belong to it. "
    "To use another address, write to us at %(contact)s."
)
ADDRESS_CHANGE_REFUSED = _(
    "The e-mail address cannot be changed when you edit your application. To use another address, write to us "
    "at %(contact)s."
)


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


def contact_address() -> str:
    """Where applicants write to the staff (``WORKFLOW_FORMS_CONTACT_EMAIL``, else ``DEFAULT_FROM_EMAIL``)."""
    return getattr(settings, "WORKFLOW_FORMS_CONTACT_EMAIL", "") or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def _address_kept(form) -> None:
    """Show the address, but not as an answer to change (see ``_refuse_another_address``)."""
    field = form.fields.get(ADDRESS_FIELD)
    if field is not None:
        field.disabled = True
        field.help_text = ADDRESS_FIXED_HELP % {"contact": contact_address()}


def _refuse_another_address(form, submission, data) -> None:
    """An address sent that is not the submission's own is refused in words, not silently ignored."""
    sent = data.get(ADDRESS_FIELD) if data is not None else None
    if isinstance(sent, str) and sent.strip().casefold() != submission.applicant_email.strip().casefold():
        message = ADDRESS_CHANGE_REFUSED % {"contact": contact_address()}
        form.add_error(ADDRESS_FIELD, ValidationError(message, code="address_fixed"))


def resubmission_form(*, form_page, submission, data=None, files=None, user=None):
    """The form page's form for ``submission``, filled in with its answers (bound when ``data`` is given)."""
    # A fresh copy: the form writes its values onto its instance while validating.
    instance = type(submission)._default_manager.get(pk=submission.pk)
    form = form_page.get_form(
        data,
        files,
        page=form_page,
        user=user or AnonymousUser(),
        instance=instance,
        initial=_previous_answers(submission),
    )
    _address_kept(form)
    return form


def resubmission_submit(*, form_page, submission, data, files, token: str, user=None) -> ResubmissionResult:
    """Validate the edited answers with the page's form and, when valid, resubmit them.

    The e-mail address is not one of the answers that can change: the status link, mails and the data export
    belong to it. Sending another one is refused on the form (the same address, in any letter case, is fine).

    A refused required input ends up on the form; any other ``TransitionError`` is raised to the caller.
    """
    form = resubmission_form(form_page=form_page, submission=submission, data=data, files=files, user=user)
    form.full_clean()
    _refuse_another_address(form, submission, data)
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
