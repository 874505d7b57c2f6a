"""Text search over submissions ("contains", any case), shaped so that PostgreSQL can use an index per column.

A search over fields of two tables (a kind's own and ``Application``'s, which it inherits) written as one
``OR`` across the join must read every row. Asked as one ``pk IN (...)`` per table instead, each table answers
from its trigram indexes (``workflows.migration_operations.TrigramIndexes``), and the row set is the union.
"""

from collections import defaultdict

from django.db.models import Q


def contains_any_q(model, field_names, text: str) -> Q:
    """Rows of ``model`` one of whose ``field_names`` contains ``text`` (case-insensitive), one subquery per
    table that holds some of those fields."""
    by_table = defaultdict(list)
    for name in field_names:
        by_table[model._meta.get_field(name).model].append(name)
    query = Q(pk__in=[])
    for owner, names in by_table.items():
        matches = Q()
        for name in names:
            matches |= Q(**{f"{name}__icontains": text})
        query |= Q(pk__in=owner._base_manager.order_by().filter(matches).values("pk"))
    return query
