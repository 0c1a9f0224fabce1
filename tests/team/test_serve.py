"""`wargame serve`: the team console in the browser, through textual-serve, on a loopback port."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

from wargame.app.serve import join_command, public_url_for

from .helpers import ENV, PY, ROOT, make_session


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 15.0) -> tuple[int, str, str]:
    """GET `url`, retrying until the server is up (bounded)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, OSError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_join_command_runs_this_python_on_the_session(tmp_path):
    path = tmp_path / "my session's file.wargame"
    cmd = join_command(path)
    assert cmd.split()[0] == PY and " -m wargame join " in cmd
    assert "'" in cmd or '"' in cmd  # a path with spaces and quotes stays one argument
    import shlex

    assert shlex.split(cmd)[-1] == str(path.resolve())


def test_public_url():
    assert public_url_for("127.0.0.1", 8000, None) == "http://127.0.0.1:8000"
    assert public_url_for("0.0.0.0", 8000, "https://wargame.example.org/") == "https://wargame.example.org"
    url = public_url_for("0.0.0.0", 8123, None)
    assert url.startswith("http://") and url.endswith(":8123") and "0.0.0.0" not in url
    assert public_url_for("::1", 80, None) == "http://[::1]:80"


def test_serve_gives_the_page_and_a_team_console_per_connection(tmp_path):
    *_, path = make_session(tmp_path)
    port = free_port()
    proc = subprocess.Popen([PY, "-m", "wargame", "serve", str(path), "--port", str(port)], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        status, ctype, html = get(f"http://127.0.0.1:{port}/")
        assert status == 200 and ctype.startswith("text/html")
        assert "<html" in html.lower() and f"ws://127.0.0.1:{port}/ws" in html
        assert "wargame · console" in html
        # a browser's websocket starts `wargame join SESSION`: the login screen arrives as terminal output
        assert "Join code" in asyncio.run(first_screen(f"ws://127.0.0.1:{port}/ws?width=100&height=30"))
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            out, err = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert f"http://127.0.0.1:{port}" in out


async def first_screen(url: str, timeout: float = 30.0, origin: str | None = None) -> str:
    """Connect like a browser on the served page (its Origin: the ws URL's own unless given) and
    collect the terminal output until the login screen shows."""
    import aiohttp

    seen = b""
    origin = origin or url.split("/ws")[0].replace("ws", "http", 1)
    async with aiohttp.ClientSession() as http, http.ws_connect(url, origin=origin) as ws:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and b"Join code" not in seen:
            try:
                msg = await ws.receive(timeout=max(deadline - time.monotonic(), 0.1))
            except TimeoutError:
                break
            if msg.type == aiohttp.WSMsgType.BINARY:
                seen += msg.data
            elif msg.type == aiohttp.WSMsgType.TEXT:
                seen += msg.data.encode()
            elif msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break
    return seen.decode("utf-8", "replace")
