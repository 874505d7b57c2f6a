"""Serving a workflow form in steps (``workflows.steps``), without JavaScript.

Each step is a page of its own: Next checks that step's answers and keeps them (uploads too) in the browser's
draft (``FormDraft``, found by a random key in a cookie), Back keeps them unchecked, the last page is a summary
to check before sending. Sending validates the whole form and follows the usual path (``submission_create``
through ``draft_send``: rate limit, honeypot, duplicate guard, reference, mails). "Save and continue later" asks
for an e-mail address and mails a private link to the draft (``views.drafts.draft_resume`` opens it).
"""

from django import forms
from django.conf import settings
from django.forms.utils import ErrorDict
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.datastructures import MultiValueDict
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .abuse import HONEYPOT_FIELD_NAME, honeypot_filled, rate_limit_exceeded, too_many_requests
from .forms.drafts import SaveForLaterForm
from .forms.fields import UploadField
from .services.drafts import (
    SAVE_RATE_LIMIT_GROUP,
    draft_days,
    draft_files,
    draft_for_browser,
    draft_save_for_later,
    draft_send,
    draft_update,
)
from .services.submissions import submission_create
from .validators import unstorable_text_error

ACTION = "wf_action"
STEP = "wf_step"
KEPT_FILE = _("You uploaded “%(name)s”; it is kept. Choose a file only to replace it.")


def draft_cookie_name(page) -> str:
    return f"workflow_forms_draft_{page.pk}"


def set_draft_cookie(response, page, key: str) -> None:
    response.set_cookie(
        draft_cookie_name(page),
        key,
        max_age=draft_days() * 24 * 3600,
        path="/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def posted_in_one_page(request) -> bool:
    """A POST of the whole form at once, with no step (a page opened before the editor added steps, a script):
    the one-page path takes it, with every check of a one-page form."""
    return request.method == "POST" and STEP not in request.POST and ACTION not in request.POST


def serve_steps(page, request):
    """The form page's answer to a GET or POST when the form has steps."""
    steps = page.get_form_class().form_steps
    draft = draft_for_browser(page=page, key=request.COOKIES.get(draft_cookie_name(page)))
    if request.method == "POST":
        return _post(page, request, steps, draft)
    index = draft.step if draft else 0
    if request.GET.get("step", "").isdigit():
        index = int(request.GET["step"]) - 1
    index = min(max(index, 0), draft.furthest_step if draft else 0)
    if draft is not None and request.GET.get("save"):
        return _render_save(page, request, draft, SaveForLaterForm(initial={"email": _draft_email(draft)}))
    form = _form(page, request, draft)
    if form.is_bound:
        form._errors = ErrorDict()  # shown again, not checked: a problem is shown when its step is sent
    return _render_step(page, request, steps, form, draft, index)


def _draft_email(draft) -> str:
    return draft.email or next(iter(draft.data.get("applicant_email") or []), "")


def _form(page, request, draft, *, data=None, files=None):
    """The whole form, bound to the draft's answers (or blank); an upload the draft holds is no longer required."""
    if draft is None and data is None:
        return page.get_form(page=page, user=request.user, initial=page.initial_data(request))
    form = page.get_form(MultiValueDict(data if data is not None else draft.data), files, page=page, user=request.user)
    for name in draft_files(draft=draft):
        if name in form.fields:
            form.fields[name].required = False
    return form


def _post(page, request, steps, draft):
    action = request.POST.get(ACTION, "next")
    if action == "save-email":
        return _post_save(page, request, draft)
    try:
        index = int(request.POST.get(STEP, 0))
    except ValueError:
        index = 0
    index = min(max(index, 0), draft.furthest_step if draft else 0)
    if index == len(steps) or action == "send":
        return _send(page, request, steps, draft)

    step_names = steps[index].field_names
    form_class = page.get_form_class()
    data = dict(draft.data) if draft else _initial_as_data(page.initial_data(request))
    for name in step_names:
        if not isinstance(form_class.base_fields[name], UploadField):
            # Text no database can store (NUL, lone surrogates) is not kept; the step refuses it anyway.
            data[name] = [value for value in request.POST.getlist(name) if not unstorable_text_error(value)]
    if honeypot_filled(request.POST):
        data[HONEYPOT_FIELD_NAME] = request.POST.getlist(HONEYPOT_FIELD_NAME)
    files = MultiValueDict({name: request.FILES.getlist(name) for name in step_names if name in request.FILES})
    form = _form(page, request, draft, data=data, files=files)
    form.is_valid()
    uploads = [upload for upload in form.uploads() if upload.field_name in step_names]
    step_errors = [name for name in step_names if name in form.errors]
    target = {"next": index + 1, "back": index - 1}.get(action, index)
    if action == "next" and step_errors:
        target = index
    draft, key = draft_update(draft=draft, page=page, data=data, step=max(target, 0), uploads=uploads)
    if action == "next" and step_errors:
        form = _form(page, request, draft, data=data, files=files)
        form.is_valid()
        _keep_errors(form, step_names)
        response = _render_step(page, request, steps, form, draft, index)
    else:
        response = HttpResponseRedirect(page.url + ("?save=1" if action == "save" else ""), status=303)
    if key:
        set_draft_cookie(response, page, key)
    return response


def _initial_as_data(initial: dict) -> dict:
    """A new draft starts with the blank form's initial values (e.g. a cluster chosen by a link, ``?cluster=``,
    which the form's action keeps) as answers, so a later step shows them chosen."""
    return {
        name: [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]
        for name, value in initial.items()
        if value not in (None, "")
    }


def _keep_errors(form, names) -> None:
    """Show only the problems of these fields (another step's are shown on it)."""
    form._errors = ErrorDict({name: errors for name, errors in form.errors.items() if name in names})


def _send(page, request, steps, draft):
    if draft is None:
        return HttpResponseRedirect(page.url, status=303)
    if rate_limit_exceeded(request, group=page.rate_limit_group()):
        return too_many_requests(request, page=page)
    form = _form(page, request, draft)
    if not form.is_valid():
        wrong = [index for index, step in enumerate(steps) if any(name in form.errors for name in step.field_names)]
        if not wrong:  # a problem of the whole form (the honeypot): on the summary
            return _render_step(page, request, steps, form, draft, len(steps), status=400)
        draft_update(draft=draft, page=page, data=draft.data, step=wrong[0], uploads=[])
        _keep_errors(form, steps[wrong[0]].field_names)
        return _render_step(page, request, steps, form, draft, wrong[0])
    new_uploads = form.uploads()
    result = draft_send(
        draft=draft,
        create=lambda kept: submission_create(
            form_page=page, cleaned_data=form.cleaned_data, files=[*new_uploads, *kept]
        ),
    )
    if result is None:  # sent meanwhile (another tab): a draft is sent once
        return HttpResponseRedirect(page.url, status=303)
    response = page.answer_submitted(request, result)
    response.delete_cookie(draft_cookie_name(page), path="/")
    return response


def _post_save(page, request, draft):
    if draft is None:
        return HttpResponseRedirect(page.url, status=303)
    if rate_limit_exceeded(request, group=f"{SAVE_RATE_LIMIT_GROUP}:{page.pk}"):
        return too_many_requests(request, page=page)
    form = SaveForLaterForm(request.POST)
    if not form.is_valid():
        return _render_save(page, request, draft, form)
    email = form.cleaned_data["email"]
    if not honeypot_filled(request.POST):
        draft_save_for_later(
            draft=draft,
            email=email,
            resume_url=lambda token: request.build_absolute_uri(reverse("workflow_forms:draft_resume", args=[token])),
        )
    # The same answer for a robot: nothing tells it the honeypot gave it away.
    context = page.get_context(request)
    context.update({"email": email, "days": draft_days()})
    response = TemplateResponse(request, "workflows/form_draft_saved.html", context)
    patch_cache_control(response, no_store=True, private=True)
    return response


def _render_save(page, request, draft, form):
    context = page.get_context(request)
    context.update({"save_form": form, "back_url": f"{page.url}?step={draft.step + 1}", "days": draft_days()})
    response = TemplateResponse(request, "workflows/form_save_for_later.html", context)
    patch_cache_control(response, no_store=True, private=True)
    return response


# -- rendering --------------------------------------------------------------------------------------------


def _choice_labels(field) -> dict[str, str]:
    labels = {}
    for value, label in field.choices:
        if isinstance(label, list | tuple):
            labels.update({str(sub_value): sub_label for sub_value, sub_label in label})
        else:
            labels[str(value)] = label
    return labels


def _answer(bound, stored_files) -> str:
    """An answer as the summary shows it: choices by their labels, yes or no, a file by its name."""
    field = bound.field
    if isinstance(field, UploadField):
        record = stored_files.get(bound.name)
        return record.original_name if record else ""
    if isinstance(field, forms.BooleanField):
        return _("Yes") if bound.value() else _("No")
    values = bound.form.data.getlist(bound.name)
    if hasattr(field, "choices"):
        labels = _choice_labels(field)
        return ", ".join(str(labels.get(value, value)) for value in values if value != "")
    return ", ".join(value for value in values if isinstance(value, str))


def _render_step(page, request, steps, form, draft, index, *, status=200):
    stored_files = draft_files(draft=draft)
    context = page.get_context(request)
    summary = index >= len(steps)
    context.update(
        {
            "form": form,
            "form_steps": steps,
            "step_index": index,
            "step_number": index + 1,
            "steps_count": len(steps),
            "is_summary": summary,
            "step": None if summary else steps[index],
            "stored_files": stored_files,
            "furthest_step": draft.furthest_step if draft else 0,
        }
    )
    if summary:
        context["form_sections"] = []
        context["summary"] = [
            {
                "title": step.title,
                "number": number,
                "answers": [
                    (form[name].label, _answer(form[name], stored_files))
                    for name in step.field_names
                    if name in form.fields
                ],
            }
            for number, step in enumerate(steps, start=1)
        ]
    else:
        for name, record in stored_files.items():
            if name in steps[index].field_names and name in form.fields:
                notice = KEPT_FILE % {"name": record.original_name}
                form.fields[name].help_text = format_html("{} {}", notice, form.fields[name].help_text)
        context["form_sections"] = [
            {"legend": legend, "fields": [form[name] for name in names if name in form.fields]}
            for legend, names in steps[index].sections
        ]
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    patch_cache_control(response, no_store=True, private=True)
    return response
