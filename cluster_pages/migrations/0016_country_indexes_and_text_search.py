from django.db import migrations, models

from workflows.migration_operations import TrigramIndexes


class Migration(migrations.Migration):
    """The country filter's indexes, and trigram indexes for "contains" searches on the kinds' text fields
    (PostgreSQL only)."""

    dependencies = [
        ("cluster_pages", "0015_translatable_form_fields"),
        ("workflow_forms", "0008_application_text_search"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="cityapplication",
            index=models.Index(fields=["country"], name="cluster_pag_country_27321f_idx"),
        ),
        migrations.AddIndex(
            model_name="companyregistration",
            index=models.Index(fields=["country"], name="cluster_pag_country_0ef6f6_idx"),
        ),
        TrigramIndexes(
            "cluster_pages",
            "cityapplication",
            ("city", "organisation", "role", "phone", "project_title", "project_description", "partners_sought"),
        ),
        TrigramIndexes(
            "cluster_pages",
            "companyregistration",
            ("company_name", "website", "role", "solution_name", "solution_description", "reference_projects"),
        ),
    ]
