"""The delete and unpublish confirmations name the translations that go with the page."""

from django import template

from ..translations_follow import translations_of

register = template.Library()


@register.inclusion_tag("wagtailadmin/pages/includes/translations_following.html")
def translations_following(page, action, named=False):
    """The translations (and not-yet-translated copies) that ``action`` ("delete" or "unpublish") on ``page``
    takes with it, each with its language; ``named`` names ``page`` in the heading (a bulk confirmation lists
    several pages)."""
    translations = translations_of(page)
    if action == "unpublish":
        translations = translations.live()
    return {
        "page": page,
        "action": action,
        "named": named,
        "translations": list(translations.order_by("locale__language_code", "path")),
    }
