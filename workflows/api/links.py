"""OpenAPI links between the plugin's operations: how a client (and schemathesis' stateful phase) goes from a
response to the next call: list → form schema → submit → status → withdraw or resubmit; list → application →
transition or note."""


def _link(operation_id: str, description: str, **parameters: str) -> dict:
    return {"operationId": operation_id, "parameters": parameters, "description": description}


def response_links(status: int, **links: dict) -> dict:
    """``openapi_extra`` adding ``links`` to one response."""
    return {"responses": {status: {"links": links}}}


def form_links(form_id: str) -> dict:
    return {
        "FormSchema": _link("workflow_forms_detail", "The form's fields.", form_id=form_id),
        "Submit": _link("workflow_forms_submit", "Submit answers to the form.", form_id=form_id),
    }


def status_links(token: str) -> dict:
    return {
        "Status": _link("applications_status", "The applicant's status.", token=token),
        "Withdraw": _link("applications_status_withdraw", "The applicant withdraws.", token=token),
        "Resubmit": _link("applications_status_resubmit", "The applicant sends changed answers.", token=token),
        "Cancel": _link("applications_status_cancel", "The registrant cancels their registration.", token=token),
    }


def application_links(application_id: str, transition: str) -> dict:
    return {
        "Application": _link("applications_detail", "The application in full.", application_id=application_id),
        "Transition": _link(
            "applications_transition",
            "Perform a transition this user may perform now.",
            application_id=application_id,
            name=transition,
        ),
        "AddNote": _link("applications_add_note", "Add an internal note.", application_id=application_id),
    }


FORMS_LIST = response_links(200, **form_links("$response.body#/0/id"))
FORM_DETAIL = response_links(200, Submit=form_links("$response.body#/id")["Submit"])
SUBMITTED = response_links(201, **status_links("$response.body#/status_token"))
STATUS = response_links(200, **status_links("$request.path.token"))
APPLICATIONS_LIST = response_links(
    200, **application_links("$response.body#/items/0/id", "$response.body#/items/0/available_transitions/0")
)
# The detail and a transition's answer both carry the application's id and what the user may do next.
APPLICATION = response_links(200, **application_links("$response.body#/id", "$response.body#/available_transitions/0"))
