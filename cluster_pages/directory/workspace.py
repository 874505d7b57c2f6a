"""The member's own directory choice, shown and changed in their cluster's members' workspace."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import CityApplication
from .services import listed_applications_of, member_listing_set

ACTION = "directory-listing"


class MemberListingForm(forms.Form):
    listed = forms.BooleanField(
        label=gettext_lazy("List us in the member directory and on its map"),
        required=False,
        help_text=gettext_lazy("The directory shows your name, city, country and clusters to everyone."),
    )
    project_title = forms.BooleanField(label=gettext_lazy("Also show our project's title"), required=False)

    def __init__(self, *args, city: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not city:
            del self.fields["project_title"]
            self.fields["listed"].label = gettext_lazy("List us in the member directory")


def listing_context(request) -> dict:
    """The signed-in member's directory form (empty for anyone with no active application)."""
    user = request.user
    if not getattr(user, "is_authenticated", False) or not user.email:
        return {}
    applications = listed_applications_of(email=user.email)
    if not applications:
        return {}
    city = any(isinstance(application, CityApplication) for application in applications)
    initial = {
        "listed": any(application.consent_public_listing for application in applications),
        "project_title": any(getattr(application, "consent_project_title", False) for application in applications),
    }
    return {"listing_form": MemberListingForm(initial=initial, city=city), "listing_action": ACTION}


def listing_post(request):
    """Save the member's choice (POST from the workspace) and come back to the workspace; None if not ours."""
    if request.POST.get("action") != ACTION or not listing_context(request):
        return None
    applications = listed_applications_of(email=request.user.email)
    city = any(isinstance(application, CityApplication) for application in applications)
    form = MemberListingForm(request.POST, city=city)
    if form.is_valid():
        listed = form.cleaned_data["listed"]
        member_listing_set(user=request.user, listed=listed, project_title=bool(form.cleaned_data.get("project_title")))
        messages.success(
            request,
            _("You are listed in the member directory.")
            if listed
            else _("You are no longer listed in the member directory."),
        )
    return redirect(request.path)
