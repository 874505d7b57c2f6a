"""Migration operations the plugin (and a site's kinds) use for indexes only PostgreSQL has.

``TrigramIndexes`` makes "contains" searches (Django's ``icontains``: ``UPPER(col::text) LIKE UPPER('%…%')``)
answerable from an index: a ``pg_trgm`` GIN index on exactly that expression, one per column. On another
database (SQLite) it does nothing, so the same migrations run everywhere; the model state is unchanged, so
``makemigrations`` never sees these indexes (they are not in any ``Meta.indexes``, which SQLite would refuse).
"""

from django.db import migrations


def _index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"[-63:]


class TrigramIndexes(migrations.RunPython):
    """``CREATE EXTENSION pg_trgm`` and one trigram GIN index on ``UPPER(column::text)`` per column of the
    table of ``app_label.model_name``; dropped again when the migration is reversed. PostgreSQL only."""

    def __init__(self, app_label: str, model_name: str, columns: tuple[str, ...]):
        self.target = (app_label, model_name)
        self.columns = tuple(columns)
        super().__init__(self._create, self._drop, elidable=False)

    def describe(self):
        return f"Trigram indexes on {'.'.join(self.target)} ({', '.join(self.columns)}), PostgreSQL only"

    def deconstruct(self):
        return (
            f"{type(self).__module__}.{type(self).__name__}",
            [*self.target, self.columns],
            {},
        )

    def _table(self, apps):
        return apps.get_model(*self.target)._meta.db_table

    def _create(self, apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        table = self._table(apps)
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in self.columns:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(_index_name(table, column))} ON {quote(table)} "
                f"USING gin (UPPER({quote(column)}::text) gin_trgm_ops)"
            )

    def _drop(self, apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = self._table(apps)
        for column in self.columns:
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(_index_name(table, column))}")
