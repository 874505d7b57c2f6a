"""The site's search backend: Wagtail's database backend (SQLite FTS5 or PostgreSQL), asked for plain words only.

Visitors type text, not the database's query language. Passed on as typed, a quote, a NUL or a lone surrogate
is a syntax or encoding error inside SQLite FTS5 or PostgreSQL's tsquery: a 500 in development and, once
``cms.database_unavailable`` saw a database error, a false "briefly unavailable" 503 in production. Here each
query string is reduced to its words (letters and digits, in any script) before the backend sees it.
"""

import functools
import re

from modelsearch.backends import database

WORD = re.compile(r"[^\W_]+")


def plain_words(query: str) -> str:
    """``query``'s words joined by spaces: ``'traffic"lights\\x00'`` → ``"traffic lights"``."""
    return " ".join(WORD.findall(query))


class PlainWordsSearch:
    """Mixed into the database backend's own class: every string query reaches it as plain words."""

    def _search(self, query_compiler_class, query, *args, **kwargs):
        if isinstance(query, str):
            query = plain_words(query)
        return super()._search(query_compiler_class, query, *args, **kwargs)


@functools.cache
def _plain_words_class(backend_class):
    return type(backend_class.__name__, (PlainWordsSearch, backend_class), {})


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The database backend Wagtail would choose for this database, taking plain words."""
    backend = database.SearchBackend(params)
    backend.__class__ = _plain_words_class(type(backend))
    return backend
