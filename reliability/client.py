"""HTTP clients of the run: an applicant (API or HTML form with its CSRF cookie) and a staff member (API token
or admin session). Plain urllib, one client per thread, no redirect followed."""

# ruff: noqa: S310 - every request goes to the run's own server on 127.0.0.1

import http.client
import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

REFERENCE = re.compile(r"\b(?:CA|CR|TS)-\d{4}-\d{6}\b")
# What a client sees while the database or the server restarts: no answer, or a dropped connection.
CONNECTION_ERRORS = (urllib.error.URLError, ConnectionError, http.client.HTTPException, TimeoutError, OSError)


class _SecureCookiesOverPlainHttp(http.cookiejar.DefaultCookiePolicy):
    """Production marks its cookies Secure (it sits behind HTTPS); the run talks plain HTTP to 127.0.0.1."""

    def return_ok_secure(self, cookie, request):
        return True


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body or b"null")


class Client:
    """One visitor: keeps its cookies, answers each request's status, headers and body."""

    def __init__(self, base_url: str, *, token: str | None = None, timeout: float = 60):
        self.base_url = base_url
        self.token = token
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar(policy=_SecureCookiesOverPlainHttp())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def request(self, method: str, path: str, *, json_body=None, form=None) -> Answer:
        headers, data = {}, None
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if json_body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(json_body).encode()
        elif form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            data = urllib.parse.urlencode(form, doseq=True).encode()
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers, method=method)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return Answer(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, dict(error.headers), error.read())

    def csrf_token(self) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == "csrftoken"), None)

    def post_form(self, path: str, data: dict) -> Answer:
        if self.csrf_token() is None:
            self.request("GET", path)
        return self.request("POST", path, form={**data, "csrfmiddlewaretoken": self.csrf_token() or ""})

    def admin_login(self, username: str, password: str) -> None:
        self.request("GET", "/admin/login/")
        answer = self.post_form("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
        if answer.status != 302:
            raise RuntimeError(f"admin login of {username} answered {answer.status}")


@dataclass
class Submission:
    """One applicant's submission and what the server answered on the way (several answers when retried)."""

    n: int
    kind: str
    via: str
    statuses: list = field(default_factory=list)
    reference: str | None = None
    duplicate: bool = False
    problem_json_503s: int = 0


def submit(client: Client, submission: Submission, *, path: str, answers: dict, retry_for: float = 0) -> Submission:
    """Send one submission; with ``retry_for``, keep trying (503 or no answer) as a patient client would.

    A retry of answers the server did store answers 200 with the first reference (the duplicate guard), so
    retrying never stores a submission twice.
    """
    deadline = time.monotonic() + retry_for
    while True:
        try:
            if submission.via == "api":
                answer = client.request("POST", path, json_body=answers)
            elif client.csrf_token() is None and (form_page := client.request("GET", path)).status != 200:
                answer = form_page  # no form to fill (e.g. 503): tried again below
            else:
                answer = client.post_form(path, answers)
                if answer.status == 303:  # post-redirect-get: the reference is on the thank-you page
                    answer = client.request("GET", answer.headers["Location"])
        except CONNECTION_ERRORS as error:
            submission.statuses.append(type(error).__name__)
            answer = None
        if answer is not None:
            submission.statuses.append(answer.status)
            if answer.status == 503:
                if answer.headers.get("Content-Type", "").startswith("application/problem+json") and answer.headers.get(
                    "Retry-After"
                ):
                    submission.problem_json_503s += 1
                if submission.via == "html":
                    client.cookies.clear()  # the next try reads the form (and its CSRF cookie) again
            elif submission.via == "api" and answer.status in (200, 201):
                body = answer.json()
                submission.reference, submission.duplicate = body.get("reference"), answer.status == 200
                return submission
            elif submission.via == "html" and answer.status == 200:
                found = REFERENCE.search(answer.body.decode("utf-8", "replace"))
                submission.reference = found.group(0) if found else None
                return submission
            else:
                return submission
        if time.monotonic() >= deadline:
            return submission
        time.sleep(0.5)
