"""Index what a load created straight away, so the demo is searchable before any task worker runs."""

from wagtail.models import ReferenceIndex
from wagtail.search.index import insert_or_update_object


def search_and_reference_indexes_update(*, objects) -> None:
    """Update the search and reference indexes for ``objects`` now.

    Wagtail queues these updates as background tasks, which wait for `manage.py db_worker` in development;
    the queued tasks still run later and rewrite the same entries, which is harmless.
    """
    for obj in objects:
        insert_or_update_object(obj)
        if ReferenceIndex.is_indexed(type(obj)):
            ReferenceIndex.create_or_update_for_object(obj)
