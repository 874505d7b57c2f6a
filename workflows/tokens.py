"""Applicant status tokens: random, shown once, stored only as a hash, compared in constant time."""

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32  # 256 bits


def token_generate() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str, stored_hash: str) -> bool:
    return bool(stored_hash) and hmac.compare_digest(token_hash(token), stored_hash)
