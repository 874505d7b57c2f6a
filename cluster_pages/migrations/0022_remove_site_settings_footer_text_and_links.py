"""The footer becomes a translatable snippet (step 3 of 3): the site settings' own footer text and links go, now
that the previous migration copied them into each site's footer."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cluster_pages", "0021_footer_text_and_links_into_footer_snippet")]

    operations = [
        migrations.RemoveField(
            model_name="sitesettings",
            name="footer_text",
        ),
        migrations.DeleteModel(
            name="FooterLink",
        ),
    ]
