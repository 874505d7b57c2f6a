"""Sign-in attempts from one address, for the login throttling tests."""

from django.test import Client

ADMIN_LOGIN = "/admin/login/"
MEMBER_LOGIN = "/en/account/login/"
ATTACKER = "198.51.100.7"


def attempt(url, username, password, address=ATTACKER):
    """One sign-in from ``address`` in a fresh client: (the response, whether it signed in)."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(url, {"username": username, "password": password})
    return response, "_auth_user_id" in client.session
