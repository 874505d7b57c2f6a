"""A database cache that django-ratelimit can count on: its ``incr`` is atomic and keeps the entry's expiry.

Django's ``DatabaseCache.incr`` is a get followed by a set: two requests at once can both count 5 → 6, and
the set resets the expiry to the default timeout, so an hourly window could empty after five quiet minutes.
Here the row is locked (``SELECT … FOR UPDATE`` where the database has it; SQLite serialises writers) and only
the value is updated. django-ratelimit's system check lists the stock ``DatabaseCache`` as not atomic (E003)
and warns about any backend it does not know (W001), which the settings silence with this reason.

Its ``add`` (django-ratelimit's first step on every request) is one upsert where the database has one,
instead of Django's count, select and insert: a counter that exists costs one statement, and expired
counters are deleted when a new one is made (they are never read again: the window is part of the key).
"""

import base64
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class AtomicDatabaseCache(DatabaseCache):
    """``DatabaseCache`` with a row-locked, expiry-preserving ``incr`` and a one-statement ``add``."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in ("postgresql", "sqlite"):
            return super().add(key, value, timeout, version)
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        current = now().replace(microsecond=0)
        zone = UTC if settings.USE_TZ else None
        expires = datetime.max if timeout is None else datetime.fromtimestamp(timeout, tz=zone)
        adapt = connection.ops.adapt_datetimefield_value
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        key_column, value_column, expires_column = (quote_name(name) for name in ("cache_key", "value", "expires"))
        with connection.cursor() as cursor:
            # Inserted, or an expired entry replaced: one row changed; a live entry kept: none.
            cursor.execute(
                f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) VALUES (%s, %s, %s) "  # noqa: S608
                f"ON CONFLICT ({key_column}) DO UPDATE SET {value_column} = excluded.{value_column}, "
                f"{expires_column} = excluded.{expires_column} WHERE {table}.{expires_column} < %s",
                [key, encoded, adapt(expires.replace(microsecond=0)), adapt(current)],
            )
            added = cursor.rowcount == 1
            if added:
                cursor.execute(f"DELETE FROM {table} WHERE {expires_column} < %s", [adapt(current)])  # noqa: S608
        return added

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote_name('value')}, {quote_name('expires')} FROM {table} "  # noqa: S608 - quoted names only
                f"WHERE {quote_name('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or self._converted_expiry(connection, row[1]) < now():
                raise ValueError(f"Key '{key}' not found")
            stored = connection.ops.process_clob(row[0])
            # Same encoding as Django's DatabaseCache, which wrote this value.
            value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301 - our own cache rows
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {quote_name('value')} = %s WHERE {quote_name('cache_key')} = %s",  # noqa: S608
                [encoded, key],
            )
        return value

    @staticmethod
    def _converted_expiry(connection, expires):
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
            expires = converter(expires, expression, connection)
        return expires
