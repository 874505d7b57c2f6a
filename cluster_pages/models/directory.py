"""/members/: the member directory page (its intro is edited in the page tree; its entries come from
``cluster_pages.directory``)."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..route_cache import CachedRoute
from ..translation_fields import PAGE_FIELDS
from ..translations_follow import FollowsItsSource


class DirectoryPage(CachedRoute, FollowsItsSource, Page):
    """The member cities and partner organisations that agreed to be listed, with a map above the list."""

    override_translatable_fields = PAGE_FIELDS

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "cluster_pages/directory_page.html"
    per_page = 48

    class Meta:
        verbose_name = _("member directory page")

    def get_context(self, request, *args, **kwargs):
        from ..directory.filters import DirectoryFilter
        from ..directory.selectors import directory
        from ..directory.worldmap import VIEW_BOX, land_path, map_markers

        context = super().get_context(request, *args, **kwargs)
        found = directory()
        entry_filter = DirectoryFilter(request.GET or None, entries=found.entries, request=request)
        shown = entry_filter.entries
        page_obj = Paginator(shown, self.per_page).get_page(request.GET.get("page"))
        context.update(
            directory=found,
            filter=entry_filter,
            page_obj=page_obj,
            markers=map_markers(shown, per_page=self.per_page, current=page_obj.number, query=request.GET),
            map_view_box=VIEW_BOX,
            land_path=land_path(),
        )
        return context
