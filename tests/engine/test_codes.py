"""Join codes: 40 bits, hashed at the cost the README states, checked whatever rounds a hash records."""

from __future__ import annotations

import hashlib
import time

from wargame.engine import codes


def test_a_new_code_is_hashed_at_fifty_thousand_rounds_and_checks(monkeypatch):
    monkeypatch.setattr(codes, "ROUNDS", 50_000)  # the suite's own quick hashes undone: the real cost
    code = codes.new_code()
    t0 = time.perf_counter()
    stored = codes.hash_code(code)
    took = time.perf_counter() - t0
    scheme, rounds, salt, digest = stored.split("$")
    assert (scheme, rounds) == ("pbkdf2-sha256", "50000") and len(salt) == 16 and len(digest) == 64
    assert digest == hashlib.pbkdf2_hmac("sha256", codes.normalise(code).encode(), salt.encode(), 50_000).hex()
    assert took > 0.002, "a guess costs milliseconds, not microseconds"
    assert codes.check_code(code.lower().replace("-", " "), stored), "typed in lower case, with a space"
    assert not codes.check_code("AAAA-AAAA", stored)


def test_a_hash_is_checked_with_the_rounds_it_records_and_the_old_form_still_checks():
    stored = codes.hash_code("K7QF-2M9D", rounds=1_000)
    assert stored.split("$")[1] == "1000" and codes.check_code("K7QF-2M9D", stored)
    salt = "00112233aabbccdd"
    old = f"{salt}${hashlib.pbkdf2_hmac('sha256', b'K7QF2M9D', salt.encode(), 50_000).hex()}"
    assert codes.check_code("k7qf-2m9d", old) and not codes.check_code("K7QF-2M9E", old)
    assert not codes.check_code("K7QF-2M9D", "garbage") and not codes.check_code("K7QF-2M9D", "a$b$c$d")
