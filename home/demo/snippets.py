"""The people and contacts snippets in the default language, found by name (and topic) so that reruns reuse them
(their Korean translations: ``korean_snippets``)."""

from wagtail.models import Locale

from cluster_pages.models import Contact, Person

from .content.people import CONTACTS, LEADERS
from .images import demo_image_ensure, render_portrait_png
from .report import LoadReport


def leaders_ensure(*, report: LoadReport) -> dict[str, Person]:
    """One fictional leader per cluster, with a placeholder portrait; keyed by cluster slug."""
    leaders = {}
    locale = Locale.get_default()
    for spec in LEADERS:
        person = Person.objects.filter(name=spec.name, locale=locale).order_by("pk").first()
        created = person is None
        if created:
            photo = demo_image_ensure(
                title=f"Demo portrait: {spec.name}",
                description=f"Placeholder portrait of {spec.name}",
                render=lambda name=spec.name: render_portrait_png(name=name),
                report=report,
            )
            person = Person.objects.create(
                name=spec.name, role="Cluster leader", organisation=spec.organisation, bio=spec.bio, photo=photo
            )
        report.record("people", created=created, obj=person)
        leaders[spec.cluster_slug] = person
    return leaders


def contacts_ensure(*, report: LoadReport) -> list[Contact]:
    """The seed's two contacts for questions, with placeholder addresses (see content.people)."""
    contacts = []
    for spec in CONTACTS:
        contact, created = Contact.objects.get_or_create(
            name=spec.name,
            topic=spec.topic,
            locale=Locale.get_default(),
            defaults={"organisation": spec.organisation, "email": spec.email, "sort_order": spec.sort_order},
        )
        report.record("contacts", created=created, obj=contact)
        contacts.append(contact)
    return contacts
