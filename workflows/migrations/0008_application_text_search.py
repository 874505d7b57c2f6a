from django.db import migrations

from workflows.migration_operations import TrigramIndexes


class Migration(migrations.Migration):
    """Trigram indexes for "contains" searches on the queue's reference, names and addresses (PostgreSQL only)."""

    dependencies = [
        ("workflow_forms", "0007_submission_language"),
    ]

    operations = [
        TrigramIndexes("workflow_forms", "application", ("reference", "applicant_name", "applicant_email")),
    ]
