"""Admin screen: an active application's entry in the member directory, reached from its inspect page.

Coordinators give or withdraw the listing consent on the member's behalf (logged, with the wording version) and
place a city on the map by hand where the gazetteer could not (or placed it wrongly)."""

from urllib.parse import quote

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.models import Application, ApplicationState
from workflows.selectors import user_may_see_submission

from ..models import CityApplication, CompanyRegistration
from ..models.listing import MapPlace
from ..viewsets import CityApplicationViewSet, CompanyRegistrationViewSet
from .services import city_place_look_up, city_place_set, listing_consent_set

MANAGE_PERMISSION = "workflow_forms.activate_application"  # Coordinators: those who start and end memberships


def user_may_manage_listing(*, user, application) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.has_perm(MANAGE_PERMISSION)
        and user_may_see_submission(user=user, submission=application)
    )


class ListingForm(forms.Form):
    listed = forms.BooleanField(label=gettext_lazy("Listed in the member directory"), required=False)
    project_title = forms.BooleanField(label=gettext_lazy("Project title shown in the directory"), required=False)
    latitude = forms.FloatField(
        label=gettext_lazy("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=gettext_lazy("E.g. 37.566"),
    )
    longitude = forms.FloatField(
        label=gettext_lazy("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=gettext_lazy("E.g. 126.978. Leave both empty to show the city without a marker."),
    )

    def __init__(self, *args, city: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not city:
            for name in ("project_title", "latitude", "longitude"):
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if "latitude" in self.fields and (data.get("latitude") is None) != (data.get("longitude") is None):
            raise forms.ValidationError(_("Give both the latitude and the longitude, or neither."))
        return data


class DirectoryListingView(WagtailAdminTemplateMixin, View):
    page_title = gettext_lazy("Directory listing")
    header_icon = "globe"
    template_name = "cluster_pages/admin/directory_listing.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, pk):
        application = get_object_or_404(Application, pk=pk)
        self.application = application.specific
        if not isinstance(self.application, CityApplication | CompanyRegistration):
            raise Http404
        # The same answer as for an unknown id: nobody learns which applications exist by guessing.
        if not user_may_manage_listing(user=request.user, application=self.application):
            raise Http404
        return super().dispatch(request, pk)

    @property
    def is_city(self) -> bool:
        return isinstance(self.application, CityApplication)

    def get_page_subtitle(self):
        return self.application.reference or ""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.inspect_url(), "label": self.application.reference or str(self.application)},
            {"url": "", "label": self.page_title},
        ]

    def inspect_url(self) -> str:
        viewset = CityApplicationViewSet if self.is_city else CompanyRegistrationViewSet
        return reverse(f"{viewset.name}:inspect", args=[self.application.pk])

    def initial(self) -> dict:
        application = self.application
        initial = {"listed": application.consent_public_listing}
        if self.is_city:
            initial.update(
                project_title=application.consent_project_title,
                latitude=application.latitude,
                longitude=application.longitude,
            )
        return initial

    def render_form(self, form):
        return self.render_to_response(
            self.get_context_data(
                application=self.application,
                form=form,
                is_city=self.is_city,
                active=self.application.state == ApplicationState.ACTIVE,
                unplaced=self.is_city and self.application.map_place == MapPlace.UNPLACED,
                map_place=MapPlace(self.application.map_place).label if self.is_city else "",
                back_url=self.inspect_url(),
            )
        )

    def get(self, request, pk):
        return self.render_form(ListingForm(initial=self.initial(), city=self.is_city))

    def post(self, request, pk):
        if self.is_city and "look_up" in request.POST:
            placed = city_place_look_up(application=self.application, user=request.user, again=True)
            if placed:
                messages.success(request, _("The gazetteer placed the city on the map."))
            else:
                messages.warning(request, _("The gazetteer does not know this city: place it by hand."))
            return redirect(request.path)
        form = ListingForm(request.POST, initial=self.initial(), city=self.is_city)
        if not form.is_valid():
            return self.render_form(form)
        data = form.cleaned_data
        listing_consent_set(
            application=self.application,
            listed=data["listed"],
            project_title=data.get("project_title", False),
            user=request.user,
            source="staff",
        )
        if self.is_city and ("latitude" in form.changed_data or "longitude" in form.changed_data):
            city_place_set(
                application=self.application, latitude=data["latitude"], longitude=data["longitude"], user=request.user
            )
        messages.success(request, _("The directory listing is saved."))
        return redirect(self.inspect_url())


def inspect_buttons(application, request) -> list[dict]:
    """The inspect view's "Directory listing" button, flagged while a member city is not on the map."""
    specific = getattr(application, "specific", application)
    if not isinstance(specific, CityApplication | CompanyRegistration) or specific.state != ApplicationState.ACTIVE:
        return []
    if not user_may_manage_listing(user=request.user, application=specific):
        return []
    url = reverse("cluster_pages_directory_listing", args=[specific.pk]) + "?next=" + quote(request.get_full_path())
    if isinstance(specific, CityApplication) and specific.map_place == MapPlace.UNPLACED:
        return [{"label": _("Directory: city not on the map"), "url": url, "classname": "button-secondary"}]
    return [{"label": _("Directory listing"), "url": url, "classname": "button-secondary"}]
