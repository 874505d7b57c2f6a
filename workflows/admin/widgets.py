"""Form widgets of the workspace that render many times per page."""

from ..forms.widgets import RenderedOnceSelect


class Select(RenderedOnceSelect):
    """The forms' ``RenderedOnceSelect`` (options rendered once per language and list, the chosen one marked per
    render: Django renders each option through two templates, which for a country filter's 250 options was a
    fifth of the listing's time), named as Django's ``Select`` so Wagtail styles its field as a select
    (``w-field--select``)."""
