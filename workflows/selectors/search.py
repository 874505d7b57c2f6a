"""Text search over submissions ("contains", any case), shaped so that PostgreSQL can use an index per column.

A search over fields of two tables (a kind's own and ``Application``'s, which it inherits) written as one
``OR`` across the join must read every row. Asked as ``pk IN (SELECT … UNION SELECT …)``, one SELECT per table,
each table answers from its trigram indexes (``workflows.migration_operations.TrigramIndexes``) and the few
matching rows are then fetched by primary key.
"""

from collections import defaultdict

from django.db.models import Q


def contains_any_pks(model, field_names, text: str):
    """The pks of rows of ``model`` one of whose ``field_names`` contains ``text`` (case-insensitive): one
    SELECT per table that holds some of those fields, joined by UNION."""
    by_table = defaultdict(list)
    for name in field_names:
        by_table[model._meta.get_field(name).model].append(name)
    selects = []
    for owner, names in by_table.items():
        matches = Q()
        for name in names:
            matches |= Q(**{f"{name}__icontains": text})
        selects.append(owner._base_manager.order_by().filter(matches).values_list("pk", flat=True))
    if not selects:
        return model._base_manager.none().values_list("pk", flat=True)
    return selects[0].union(*selects[1:]) if len(selects) > 1 else selects[0]


def contains_any_q(model, field_names, text: str) -> Q:
    """Rows of ``model`` one of whose ``field_names`` contains ``text`` (see ``contains_any_pks``)."""
    return Q(pk__in=contains_any_pks(model, field_names, text))
