"""Admin screens for the people and contacts that pages pick from (Snippets › People, Snippets › Contacts)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Contact, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "organisation"]
    menu_label = _("People")


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mail"
    list_display = ["name", "topic", "email"]
    search_fields = ["name", "topic"]
    menu_label = _("Contacts")
