"""Team join codes: random, shown once, stored only as salted hashes, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I

ROUNDS = 50_000
"""PBKDF2-SHA256 rounds of a new code's hash (about 16 ms a guess); each hash records its own."""
_LEGACY_ROUNDS = 50_000  # a hash written as `salt$hex`, before hashes recorded their rounds


def new_code() -> str:
    """A code such as `K7QF-2M9D`: 40 bits, easy to read aloud."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str, salt: str | None = None, rounds: int | None = None) -> str:
    """`pbkdf2-sha256$rounds$salt$hex` of a PBKDF2-SHA256 of the normalised code."""
    salt = salt or secrets.token_hex(8)
    rounds = ROUNDS if rounds is None else rounds
    return f"pbkdf2-sha256${rounds}${salt}${_digest(code, salt, rounds)}"


def check_code(code: str, stored: str) -> bool:
    """Whether `code` matches the stored hash (with the rounds it records), in constant time."""
    parts = stored.split("$")
    if len(parts) == 4 and parts[0] == "pbkdf2-sha256" and parts[1].isdigit():
        _, rounds, salt, digest = parts
        return hmac.compare_digest(_digest(code, salt, int(rounds)), digest)
    if len(parts) == 2:  # `salt$hex`
        salt, digest = parts
        return hmac.compare_digest(_digest(code, salt, _LEGACY_ROUNDS), digest)
    return False


def _digest(code: str, salt: str, rounds: int) -> str:
    return hashlib.pbkdf2_hmac("sha256", normalise(code).encode(), salt.encode(), rounds).hex()
