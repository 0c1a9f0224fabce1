"""`wargame serve` against hostile pages and browsers: Origin check, connection cap, nothing loaded from
elsewhere, no directory index, and an emoji typed key by key (two UTF-16 halves) ends no session.

The end-to-end tests run the real `serve()` in a process of its own on a free loopback port and count
its `wargame join` children from /proc (Linux)."""

from __future__ import annotations

import asyncio
import json
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest

from .helpers import ENV, PY, ROOT, make_session
from .test_serve import free_port, get

needs_proc = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="counts processes from /proc")


def consoles(path: Path) -> int:
    """How many `python -m wargame join PATH` processes are running."""
    target = str(path.resolve()).encode()
    count = 0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        count += b"join" in argv and target in argv
    return count


def wait_until(check: Callable[[], bool], timeout: float = 8.0) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


async def until(check: Callable[[], bool], timeout: float = 8.0) -> bool:
    """`wait_until` that lets the event loop run meanwhile."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


@contextmanager
def serving(path: Path, **options: object) -> Iterator[str]:
    """`serve(path, port=…, **options)` in a process of its own; yields its base URL, then Ctrl-C."""
    port = free_port()
    code = (f"import sys; from pathlib import Path; from wargame.app.serve import serve; "
            f"sys.exit(serve(Path({str(path)!r}), port={port}, **{options!r}))")
    proc = subprocess.Popen([PY, "-c", code], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        get(base + "/", timeout=8)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert proc.returncode == 0, err
    if Path("/proc/self").exists():
        assert wait_until(lambda: consoles(path) == 0), "a console outlived the server"


async def handshake(url: str, origin: str | None) -> int:
    """The status a websocket handshake to `url` with this Origin header gets (101: it opened)."""
    async with aiohttp.ClientSession() as http:
        try:
            async with http.ws_connect(url, origin=origin):
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


async def screen_until(ws: aiohttp.ClientWebSocketResponse, text: str, timeout: float = 8.0) -> str:
    """Terminal output until `text` shows (or the socket closes / time runs out)."""
    seen, deadline = b"", time.monotonic() + timeout
    while text.encode() not in seen and time.monotonic() < deadline:
        try:
            msg = await ws.receive(timeout=max(deadline - time.monotonic(), 0.05))
        except TimeoutError:
            break
        if msg.type == aiohttp.WSMsgType.BINARY:
            seen += msg.data
        elif msg.type != aiohttp.WSMsgType.TEXT:
            break
    return seen.decode("utf-8", "replace")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


# --- the pieces ---------------------------------------------------------------------------------


def test_origins_are_the_public_url_and_the_bound_address():
    from wargame.app.serve import allowed_origins, origin_of

    assert origin_of("https://WarGame.example.org:443/team/") == "https://wargame.example.org"
    assert origin_of("http://[::1]:8000") == "http://[::1]:8000"
    assert allowed_origins("127.0.0.1", 8000, "http://127.0.0.1:8000") == {
        "http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"}
    behind_tls = allowed_origins("0.0.0.0", 8000, "https://wargame.example.org/")
    assert "https://wargame.example.org" in behind_tls and "http://127.0.0.1:8000" in behind_tls
    assert not any("0.0.0.0" in o for o in behind_tls)
    assert allowed_origins("192.168.1.5", 80, "http://192.168.1.5") == {"http://192.168.1.5"}


def test_keystrokes_join_the_halves_of_an_emoji():
    from wargame.app.web import Keystrokes

    keys = Keystrokes()
    assert keys.feed("\ud83d") == b""  # waits for its other half
    assert keys.feed("\ude80") == "🚀".encode()
    assert keys.feed("a🎉b") == "a🎉b".encode()
    assert keys.feed("\ude80") == "\ufffd".encode()  # a low half alone
    assert keys.feed("x\ud83d") == b"x" and keys.feed("y") == "\ufffdy".encode()  # a high half alone


def test_browser_sizes_are_bounded():
    from wargame.app.web import MAX_COLUMNS, cells

    assert cells("120", 80, MAX_COLUMNS) == 120 and cells(None, 80, MAX_COLUMNS) == 80
    assert cells("x", 80, MAX_COLUMNS) == 80 and cells(float("inf"), 80, MAX_COLUMNS) == 80
    assert cells(10**9, 80, MAX_COLUMNS) == MAX_COLUMNS and cells(-3, 80, MAX_COLUMNS) == 1


def test_max_connections_must_be_positive(tmp_path, capsys):
    from wargame.app.serve import serve

    assert serve(tmp_path / "none.wargame", max_connections=0) == 2
    assert "--max-connections" in capsys.readouterr().err


# --- the real server ----------------------------------------------------------------------------


@needs_proc
def test_a_console_opens_only_from_its_own_page(tmp_path):
    *_, path = make_session(tmp_path)
    with serving(path) as base:
        port = base.rsplit(":", 1)[1]
        ws = base.replace("http", "ws", 1) + "/ws?width=100&height=30"
        for origin in ("http://evil.example", "null", f"https://127.0.0.1:{port}", "http://127.0.0.1:1",
                       f"http://127.0.0.1.evil.example:{port}", None):  # None: no Origin header
            assert asyncio.run(handshake(ws, origin)) == 403, origin
        time.sleep(0.3)
        assert consoles(path) == 0  # nothing was spawned for them

        async def opened(origin: str) -> str:
            async with aiohttp.ClientSession() as http, http.ws_connect(ws, origin=origin) as sock:
                assert await until(lambda: consoles(path) == 1)
                return await screen_until(sock, "Join code")

        assert "Join code" in asyncio.run(opened(base))
        assert "Join code" in asyncio.run(opened(f"http://localhost:{port}"))  # this computer's other name


@needs_proc
def test_connections_are_capped_without_spawning(tmp_path):
    *_, path = make_session(tmp_path)
    with serving(path, max_connections=2) as base:
        ws = base.replace("http", "ws", 1) + "/ws"

        async def run() -> None:
            async with aiohttp.ClientSession() as http:
                first = await http.ws_connect(ws, origin=base)
                second = await http.ws_connect(ws, origin=base)
                assert await until(lambda: consoles(path) == 2)
                assert await handshake(ws, base) == 503
                await asyncio.sleep(0.3)
                assert consoles(path) == 2
                await first.close()  # a place frees up once that console has ended
                deadline = time.monotonic() + 8
                while (status := await handshake(ws, base)) == 503 and time.monotonic() < deadline:
                    await asyncio.sleep(0.1)
                assert status == 101
                await second.close()

        asyncio.run(run())


def test_static_lists_no_directory_but_serves_its_files(tmp_path):
    *_, path = make_session(tmp_path)
    with serving(path) as base:
        for directory in ("/static/", "/static/js/", "/static/fonts/", "/static"):
            assert status_of(base + directory) in (403, 404), directory
        for asset in ("js/textual.js", "css/xterm.css", "fonts/RobotoMono-VariableFont_wght.ttf",
                      "images/background.png"):
            assert status_of(f"{base}/static/{asset}") == 200, asset


def test_the_page_loads_nothing_from_elsewhere_and_cannot_be_framed(tmp_path):
    *_, path = make_session(tmp_path)
    with serving(path) as base:
        with urllib.request.urlopen(base + "/", timeout=5) as r:
            html, headers = r.read().decode(), r.headers
        urls = re.findall(r"""(?:https?|wss?)://[^\s"'<>)]+""", html)
        assert urls and all(u.startswith((base + "/", base.replace("http", "ws", 1) + "/")) for u in urls), urls
        assert "googleapis" not in html and "gstatic" not in html and "@import" not in html
        for ref in re.findall(r"""(?:src|href)="([^"]+)"|url\("([^"]+)"\)""", html):
            assert status_of(ref[0] or ref[1]) == 200, ref
        with urllib.request.urlopen(base + "/static/css/xterm.css", timeout=5) as r:
            assert "url(" not in r.read().decode()
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert headers["X-Frame-Options"] == "DENY"


@needs_proc
def test_an_emoji_typed_key_by_key_ends_no_session(tmp_path):
    """xterm.js hands a keystroke beyond U+FFFF over in two "stdin" messages, one UTF-16 half each,
    which JSON.stringify writes as \\ud83d and \\ude80."""
    *_, path = make_session(tmp_path)
    with serving(path) as base:
        ws = base.replace("http", "ws", 1) + "/ws?width=100&height=30"

        async def run() -> None:
            async with aiohttp.ClientSession() as http, http.ws_connect(ws, origin=base) as sock:
                assert "Join code" in await screen_until(sock, "Join code")
                await sock.send_str(json.dumps(["stdin", "\t"]))  # from the team list to the code
                await asyncio.sleep(0.3)
                await sock.send_str('["stdin","\\ud83d"]')
                await sock.send_str('["stdin","\\ude80"]')
                assert "🚀" in await screen_until(sock, "🚀")
                await sock.send_str('["stdin","A"]')
                assert "🚀A" in await screen_until(sock, "🚀A")
                assert not sock.closed and consoles(path) == 1

        asyncio.run(run())


@needs_proc
def test_malformed_messages_end_no_session(tmp_path):
    *_, path = make_session(tmp_path)
    with serving(path) as base:
        ws = base.replace("http", "ws", 1) + "/ws?width=100&height=30"

        async def run() -> None:
            async with aiohttp.ClientSession() as http, http.ws_connect(ws, origin=base) as sock:
                assert "Join code" in await screen_until(sock, "Join code")
                for junk in ("not json", "[]", "{}", "[" * 100_000, '["stdin", 5]', '["resize", 3]',
                             '["resize", {"width": "x", "height": null}]', '["ping", {}]', "[1, 2]"):
                    await sock.send_str(junk)
                await sock.send_bytes(b"\xff\x00")
                await sock.send_str(json.dumps(["stdin", "\t"]))
                await asyncio.sleep(0.3)
                await sock.send_str(json.dumps(["stdin", "Z9"]))
                assert "Z9" in await screen_until(sock, "Z9")
                assert not sock.closed and consoles(path) == 1

        asyncio.run(run())


@needs_proc
def test_a_console_that_cannot_start_closes_its_page(tmp_path):
    """Its websocket closes (the page offers "Open again") instead of staying open on a blank page."""
    with serving(tmp_path / "no such session.wargame") as base:
        ws = base.replace("http", "ws", 1) + "/ws"

        async def run() -> aiohttp.WSMsgType:
            async with aiohttp.ClientSession() as http, http.ws_connect(ws, origin=base) as sock:
                while (msg := await sock.receive(timeout=8)).type == aiohttp.WSMsgType.BINARY:
                    pass
                return msg.type

        assert asyncio.run(run()) in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
