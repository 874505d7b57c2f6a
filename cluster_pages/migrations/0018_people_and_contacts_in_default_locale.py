"""People and contacts become translatable (step 2 of 3): every existing row is in the default language, with a
translation key of its own."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("cluster_pages", "0017_people_and_contacts_translation_fields")]

    operations = [
        BootstrapTranslatableModel("cluster_pages.Person"),
        BootstrapTranslatableModel("cluster_pages.Contact"),
    ]
