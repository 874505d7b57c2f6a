"""The language an API call answers in and records: ``?locale=`` first, else what LocaleMiddleware chose from
``Accept-Language`` (the site's default language without either)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response

LOCALE_PARAMETER = {
    "in": "query",
    "name": "locale",
    "required": False,
    # The site's codes, or empty (no choice): anything else is a 400 problem.
    "schema": {"type": "string", "enum": ["", *(code for code, _name in settings.LANGUAGES)]},
    "description": "A language code of the site (e.g. `ko`): labels, help texts and errors in that language, and "
    "the submission records it. Without it (or empty), `Accept-Language` decides.",
}


class UnknownLocale(ValueError):
    """``?locale=`` names no language of the site."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)

    @property
    def response(self):
        return problem_response(
            status=400,
            detail=_("“%(code)s” is not one of this site's languages (%(codes)s).")
            % {"code": self.code, "codes": ", ".join(code for code, _name in settings.LANGUAGES)},
        )


def requested_language(request) -> str:
    """The request's language as one of ``LANGUAGES``' codes; raises ``UnknownLocale`` for a bad ``?locale=``."""
    code = request.GET.get("locale")
    if not code:  # absent, or empty as a form's blank field sends it: the same as no choice
        return translation.get_language() or settings.LANGUAGE_CODE
    if code not in dict(settings.LANGUAGES):
        raise UnknownLocale(code)
    return code
