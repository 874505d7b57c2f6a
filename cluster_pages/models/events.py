"""Events: summits, committee meetings, tech jams; each with an .ics, the index with a feed."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock
from ..choices import EventKind
from ..country_field import CountryCodeField
from ..filters import EventFilter
from ..ical import calendar_for_events
from ..meetings.admin_forms import EventPageForm
from ..time_zones import KNOWN_TIME_ZONES, default_event_time_zone, time_zone_choices, zone_abbreviation
from ..translation_fields import EVENT_FIELDS, PAGE_FIELDS
from ..translations_follow import FollowsItsSource
from .listing_images import ListingImageMixin

TIME_ZONE_CHOICES = time_zone_choices()


def validate_time_zone(value):
    # Validated rather than stored as choices, so a tzdata update never needs a migration.
    if value not in KNOWN_TIME_ZONES:
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def default_time_zone():
    return default_event_time_zone()


class EventIndexPage(FollowsItsSource, RoutablePageMixin, Page):
    """Upcoming and past events, filterable, with an iCalendar feed of upcoming ones."""

    override_translatable_fields = PAGE_FIELDS

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("feed_url")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cluster_pages.EventPage"]
    max_count_per_parent = 1
    template = "cluster_pages/event_index_page.html"

    class Meta:
        verbose_name = _("event index page")

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed") if self.url else None

    def events(self):
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .prefetch_related("related_clusters", "listing_image__renditions")  # the cards' pictures, in one query
            .order_by("start_date")
        )

    @path("")
    def index(self, request):
        today = timezone.localdate()
        event_filter = EventFilter(request.GET or None, queryset=self.events(), request=request)
        events = event_filter.qs if event_filter.is_bound and event_filter.is_valid() else self.events()
        return self.render(
            request,
            context_overrides={
                "filter": event_filter,
                "upcoming_events": [event for event in events if event.end_date >= today],
                "past_events": sorted(
                    (event for event in events if event.end_date < today), key=lambda e: e.start_date, reverse=True
                ),
            },
        )

    # Wagtail routes sub-paths with a trailing slash appended ("/feed.ics/"), so the slash is optional here.
    @re_path(r"^feed\.ics/?$", name="feed")
    def feed(self, request):
        upcoming = self.events().filter(end_date__gte=timezone.localdate())
        calendar = calendar_for_events(upcoming, request=request, name=self.title)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="events.ics"'
        return response


class EventPage(ListingImageMixin, FollowsItsSource, RoutablePageMixin, Page):
    """One event: when, where, who organises it and which clusters it concerns."""

    override_translatable_fields = EVENT_FIELDS
    base_form_class = EventPageForm

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), help_text=_("The same as the start date for a one-day event."))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave both times empty for an all-day event.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True, help_text=_("On the end date."))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("The time zone of the place where the event is held; the times are in it."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices, default=EventKind.OTHER)
    city = models.CharField(_("city"), max_length=255, blank=True)
    country = CountryCodeField(_("country"), blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    organisers = models.CharField(
        _("organisers"), max_length=500, blank=True, help_text=_("E.g. 'WeGO and the Seoul Metropolitan Government'.")
    )
    related_clusters = ParentalManyToManyField(
        "cluster_pages.ThematicClusterPage", verbose_name=_("related clusters"), blank=True, related_name="events"
    )
    summary = models.CharField(_("summary"), max_length=255, blank=True, help_text=_("Shown in listings."))
    description = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    registration_url = models.URLField(_("registration URL"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
                FieldPanel("kind"),
            ],
            _("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldRowPanel([FieldPanel("city"), FieldPanel("country")])],
            _("Where"),
        ),
        FieldPanel("organisers"),
        FieldPanel("related_clusters", widget=forms.CheckboxSelectMultiple),
        FieldPanel("registration_url"),
        FieldPanel("listing_image"),
        FieldPanel("description"),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.SearchField("organisers"),
        index.AutocompleteField("organisers"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("start_date"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("time_zone"),
        APIField("kind"),
        APIField("city"),
        APIField("country"),
        APIField("venue"),
        APIField("organisers"),
        APIField("related_clusters"),
        APIField("registration_url"),
        APIField("description"),
        APIField("ical_url"),
        APIField("listing_image"),
    ]

    parent_page_types = ["cluster_pages.EventIndexPage"]
    subpage_types = []
    template = "cluster_pages/event_page.html"

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if (self.start_time is None) != (self.end_time is None):
            missing = "end_time" if self.end_time is None else "start_time"
            raise ValidationError({missing: _("Give both a start and an end time, or neither for an all-day event.")})
        dated = self.start_date and self.end_date and self.time_zone in KNOWN_TIME_ZONES
        if self.is_timed and dated and self.ends_at <= self.starts_at:
            raise ValidationError({"end_time": _("The event must end after it starts.")})

    @property
    def is_timed(self):
        """True when the event has times; otherwise it lasts whole days."""
        return self.start_time is not None and self.end_time is not None

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_at(self):
        """The aware start, in the event's time zone (None for an all-day event)."""
        return datetime.datetime.combine(self.start_date, self.start_time, self.zone) if self.is_timed else None

    @property
    def ends_at(self):
        """The aware end, in the event's time zone (None for an all-day event)."""
        return datetime.datetime.combine(self.end_date, self.end_time, self.zone) if self.is_timed else None

    @property
    def zone_abbreviation(self):
        """The time zone as visitors read it ("KST"), at the event's start (its noon for an all-day event)."""
        moment = self.starts_at or datetime.datetime.combine(self.start_date, datetime.time(12), self.zone)
        return zone_abbreviation(self.time_zone, on=moment)

    @property
    def ical_url(self):
        return self.url + self.reverse_subpage("ical") if self.url else None

    @property
    def is_upcoming(self):
        return self.end_date >= timezone.localdate()

    @path("")
    def index_route(self, request, *args, **kwargs):
        response = super().index_route(request, *args, **kwargs)
        if self.sessions_with_places().exists():
            # The places left change with every registration: no shared cache may keep them.
            patch_cache_control(response, private=True)
        return response

    def sessions_with_places(self):
        """The sessions this page shows (its original's, on a translation), with the places left in each."""
        from ..meetings.selectors import sessions_of

        return sessions_of(self)

    @path("sessions/<int:session_id>/register/", name="session_register")
    def session_register(self, request, session_id):
        from ..meetings.views import session_register

        return session_register(request, self, session_id)

    @re_path(r"^event\.ics/?$", name="ical")
    def ical(self, request):
        calendar = calendar_for_events([self], request=request, name=self.title)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
