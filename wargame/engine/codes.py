"""Team join codes: random, shown once, stored only as salted hashes, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_code() -> str:
    """A code such as `K7QF-2M9D`: 40 bits, easy to read aloud."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str, salt: str | None = None) -> str:
    """`salt$hex` of a PBKDF2-SHA256 of the normalised code."""
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", normalise(code).encode(), salt.encode(), 50_000)
    return f"{salt}${digest.hex()}"


def check_code(code: str, stored: str) -> bool:
    """Whether `code` matches the stored hash, in constant time."""
    salt, _, _ = stored.partition("$")
    return hmac.compare_digest(hash_code(code, salt), stored)
