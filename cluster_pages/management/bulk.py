"""Bulk loading for the ``generate_applications`` command: rows inserted as given, many at a time, and the
tables' statistics refreshed after."""

from contextlib import contextmanager

from django.db import connection, models


@contextmanager
def dates_as_given(*models_):
    """Insert the dates the generator sets, not "now" (the models' ``auto_now``/``auto_now_add``)."""
    changed = []
    for model in models_:
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
                changed.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def rows_insert(model, rows, *, fields, returning=False):
    """One multi-row INSERT of ``rows`` into ``model``'s own table (a multi-table child's too, which
    ``bulk_create`` refuses); the new primary keys when ``returning``."""
    returned = model._base_manager._insert(
        rows,
        fields=fields,
        returning_fields=[model._meta.pk] if returning else None,
        raw=True,
        using="default",
    )
    return [row[0] for row in returned] if returning else None


def analyze(*models_) -> None:
    """Vacuum and refresh PostgreSQL's statistics of the tables just filled, as after any bulk load (until
    autovacuum gets to them, the planner would still think them nearly empty and choose plans for a few rows,
    every search would read the trigram indexes' pending lists, ~10,000 unsorted entries each, and index-only
    scans would visit the rows). VACUUM cannot run in a transaction: there, statistics only."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    tables = {model._meta.db_table for model in models_}
    for model in models_:
        for field in model._meta.local_many_to_many:
            tables.add(field.remote_field.through._meta.db_table)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")
