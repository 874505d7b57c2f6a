"""Text search over submissions ("contains", any case), shaped so that PostgreSQL can use an index per column.

A search over fields of two tables (a kind's own and ``Application``'s, which it inherits) written as one
``OR`` across the join must read every row. Asked as ``pk IN (SELECT … UNION SELECT …)``, one SELECT per column,
each answers from that column's trigram index (``workflows.migration_operations.TrigramIndexes``) and the few
matching rows are then fetched by primary key. One SELECT per table with an ``OR`` of its columns would do too
in principle (a ``BitmapOr`` of the indexes), but PostgreSQL compares the sum of all those index scans with one
read of the table, which it wrongly thinks cheap (it counts each row's ``UPPER()`` of a long text as nearly free):
it read every row of a 25,000-row table (90 ms) where the indexes answer in a few milliseconds.
"""

from django.db.models import Q


def contains_any_pks(model, field_names, text: str):
    """The pks of rows of ``model`` one of whose ``field_names`` contains ``text`` (case-insensitive): one
    SELECT per field, on the table that holds it, joined by UNION."""
    selects = []
    for name in dict.fromkeys(field_names):
        owner = model._meta.get_field(name).model
        selects.append(
            owner._base_manager.order_by().filter(Q(**{f"{name}__icontains": text})).values_list("pk", flat=True)
        )
    if not selects:
        return model._base_manager.none().values_list("pk", flat=True)
    return selects[0].union(*selects[1:]) if len(selects) > 1 else selects[0]


def contains_any_q(model, field_names, text: str) -> Q:
    """Rows of ``model`` one of whose ``field_names`` contains ``text`` (see ``contains_any_pks``)."""
    return Q(pk__in=contains_any_pks(model, field_names, text))
