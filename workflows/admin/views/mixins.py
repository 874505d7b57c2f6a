"""What every workspace view shares: the visibility rule, applied before anything is shown or changed."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property

from ...selectors import submissions_visible_to


def visible_queryset(*, model, user):
    return submissions_visible_to(user=user, queryset=model._default_manager.all())


class VisibleObjectMixin:
    """Loads ``self.object`` only from what the user may see: anything else is a 404, whatever the URL."""

    model = None
    inspect_url_name = None
    index_url_name = None

    def get_visible_object(self, pk):
        return get_object_or_404(visible_queryset(model=self.model, user=self.request.user), pk=pk)

    @cached_property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=(self.object.pk,))
