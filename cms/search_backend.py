"""The site's search backend: Wagtail's database backend (SQLite FTS5 or PostgreSQL), asked for plain words only.

Visitors type text, not the database's query language. Passed on as typed, a quote, a NUL or a lone surrogate
is a syntax or encoding error inside SQLite FTS5 or PostgreSQL's tsquery: a 500 in development and, once
``cms.database_unavailable`` saw a database error, a false "briefly unavailable" 503 in production. Here each
query string is reduced to its words (letters and digits, in any script) before the backend sees it, and so is
the text inside query objects (the admin's searches and choosers parse ``q`` into ``PlainText``, ``Phrase``,
``And``... with ``parse_query_string``).
"""

import copy
import functools
import re

from modelsearch.backends import database
from modelsearch.query import And, Boost, Not, Or, SearchQuery

WORD = re.compile(r"[^\W_]+")


def plain_words(query: str) -> str:
    """``query``'s words joined by spaces: ``'traffic"lights\\x00'`` → ``"traffic lights"``."""
    return " ".join(WORD.findall(query))


def plain_query(query: str | SearchQuery) -> str | SearchQuery:
    """``query`` with every text in it reduced to plain words, leaving out parts with none ("" if nothing is
    left, which the backend answers with no results); the caller's query object is left as it was."""
    if isinstance(query, str):
        return plain_words(query)
    query = copy.copy(query)
    if isinstance(getattr(query, "query_string", None), str):  # PlainText, Phrase, Fuzzy
        query.query_string = plain_words(query.query_string)
        return query if query.query_string else ""
    if isinstance(query, (Boost, Not)):
        query.subquery = plain_query(query.subquery)
        return "" if query.subquery == "" else query
    if isinstance(query, (And, Or)):
        query.subqueries = [subquery for subquery in map(plain_query, query.subqueries) if subquery != ""]
        return query if query.subqueries else ""
    return query  # MatchAll


class PlainWordsSearch:
    """Mixed into the database backend's own class: every query reaches it as plain words."""

    def _search(self, query_compiler_class, query, *args, **kwargs):
        return super()._search(query_compiler_class, plain_query(query), *args, **kwargs)


@functools.cache
def _plain_words_class(backend_class):
    return type(backend_class.__name__, (PlainWordsSearch, backend_class), {})


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The database backend Wagtail would choose for this database, taking plain words."""
    backend = database.SearchBackend(params)
    backend.__class__ = _plain_words_class(type(backend))
    return backend
