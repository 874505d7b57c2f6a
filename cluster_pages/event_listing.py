"""Admin › Events: every event page in one listing with its dates, the latest first (the page explorer shows
no dates)."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import EventPage


class EventDatesColumn(Column):
    """The event's day, or its first and last day."""

    def get_value(self, instance):
        start = date_format(instance.start_date, "DATE_FORMAT")
        if instance.end_date == instance.start_date:
            return start
        return _("%(start)s to %(end)s") % {"start": start, "end": date_format(instance.end_date, "DATE_FORMAT")}


class EventListingView(IndexView):
    default_ordering = "-start_date"


class EventListingViewSet(PageListingViewSet):
    model = EventPage
    name = "event_listing"
    icon = "date"
    menu_label = _("Events")
    add_to_admin_menu = True
    menu_order = 150  # just below Pages
    index_view_class = EventListingView
    # The title shows each page's language already (Wagtail's locale badge).
    columns = [
        *IndexView.base_columns[:2],  # the bulk-actions box and the title
        EventDatesColumn("dates", label=_("Event dates"), sort_key="start_date", width="22%"),
        *[column for column in IndexView.base_columns[2:] if column.name in ("latest_revision_created_at", "status")],
    ]
