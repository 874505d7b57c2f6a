"""While the database cannot be reached, the API answers a 503 problem document and the site a styled 503
page, both with Retry-After, instead of an HTML 500."""

import json

import psycopg
import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import DatabaseError, OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.template import Context, loader

from cms.database_unavailable import is_database_unavailable
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as it does while PostgreSQL restarts."""

    def refuse(*args, **kwargs):
        raise OperationalError("FATAL: the database system is shutting down")

    def go_down():
        monkeypatch.setattr(CursorWrapper, "execute", refuse)
        monkeypatch.setattr(CursorWrapper, "executemany", refuse)

    return go_down


def test_the_api_answers_503_problem_json_with_retry_after(client, site_tree, database_down):
    database_down()

    response = client.get("/api/v3/pages/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    problem = json.loads(response.content)
    assert problem["status"] == 503 and problem["title"] == "Service Unavailable"
    assert "try again" in problem["detail"]


def test_a_page_answers_the_styled_503_page_with_retry_after(client, site_tree, database_down):
    database_down()

    response = client.get("/en/")

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert int(response["Retry-After"]) > 0
    assert "<h1>This site is briefly unavailable</h1>" in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html


def test_a_connection_refused_inside_a_middleware_is_a_503_too(client, site_tree, monkeypatch):
    def refuse(self, request):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(SessionMiddleware, "process_request", refuse)
    client.raise_request_exception = False

    response = client.get("/api/v3/pages/")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert "Retry-After" in response


def test_a_database_error_raised_while_connecting_is_a_503(client, site_tree, monkeypatch):
    def ensure_connection():
        raise DatabaseError("could not connect to server")

    monkeypatch.setattr(connection, "ensure_connection", ensure_connection)

    response = client.get("/en/")

    assert response.status_code == 503


def test_any_other_error_is_still_the_500_page(client, site_tree, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError('relation "home_homepage" does not exist')

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "<h1>Something went wrong</h1>" in response.content.decode()


def test_the_503_page_renders_without_a_request_context_or_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = loader.get_template("503.html").template.render(Context())

    assert "<h1>This site is briefly unavailable</h1>" in html
    assert 'src="/static/img/logo-mark.svg"' in html


@pytest.mark.parametrize(
    "message",
    [
        'fts5: syntax error near """',
        'syntax error in tsquery: "a""b"',
        "no such column: b",
        "Python int too large to convert to SQLite INTEGER",
    ],
)
def test_a_query_the_database_refuses_is_a_500_not_briefly_unavailable(client, site_tree, monkeypatch, message):
    def refused(*args, **kwargs):
        raise OperationalError(message)

    monkeypatch.setattr(HomePage, "get_context", refused)
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_a_connection_the_server_dropped_mid_request_is_a_503(client, site_tree, monkeypatch):
    def dropped(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(HomePage, "get_context", dropped)

    assert client.get("/en/").status_code == 503


@pytest.mark.parametrize(
    "cause",
    [
        pytest.param(psycopg.errors.AdminShutdown("terminating connection due to administrator command"), id="57P01"),
        pytest.param(psycopg.errors.CannotConnectNow("the database system is starting up"), id="57P03"),
        pytest.param(psycopg.errors.ConnectionFailure("connection failure"), id="08006"),
        pytest.param(psycopg.OperationalError("consuming input failed: server closed the connection"), id="lost"),
    ],
)
def test_postgresql_going_away_mid_request_is_still_briefly_unavailable(cause):
    error = OperationalError(str(cause))
    error.__cause__ = cause

    assert is_database_unavailable(error)


def test_postgresql_refusing_a_query_is_not(db):
    error = OperationalError("canceling statement due to statement timeout")
    error.__cause__ = psycopg.errors.QueryCanceled("canceling statement due to statement timeout")

    assert not is_database_unavailable(error)
