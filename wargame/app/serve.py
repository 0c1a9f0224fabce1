"""`wargame serve`: the team console in the browser, one `wargame join` process per browser tab.

textual-serve runs `<python> -m wargame join SESSION` for every browser connection and relays the
terminal over a websocket. Each process asks for its team and join code like a terminal console,
so a browser is no more trusted than a terminal. The server binds to loopback unless told
otherwise; plain HTTP, so on a shared network put it behind a TLS proxy (see the README).
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path

TITLE = "wargame · team console"
ANY_HOST = ("0.0.0.0", "::", "")


def join_command(session_path: Path) -> str:
    """The shell command textual-serve runs per browser connection."""
    argv = [sys.executable, "-m", "wargame", "join", str(Path(session_path).resolve())]
    if os.name == "nt":  # pragma: no cover - cmd.exe quoting
        return subprocess.list2cmdline(argv)
    return shlex.join(argv)


def lan_address() -> str | None:
    """This machine's address on the network the default route uses (no packet is sent), or None."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, only selects an interface
            addr = s.getsockname()[0]
    except OSError:
        return None
    return None if addr.startswith("0.") else addr


def public_url_for(host: str, port: int, public_url: str | None) -> str:
    """The address browsers use: `public_url` if given, else built from host and port.

    Bound to every interface (0.0.0.0) without --public-url, the page would tell browsers to
    connect to 0.0.0.0, which works nowhere but here; use this machine's LAN address instead.
    """
    if public_url:
        return public_url.rstrip("/")
    if host in ANY_HOST:
        host = lan_address() or "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _child_environment() -> None:
    """Let the per-connection processes import this same wargame, installed or run from a checkout."""
    here = str(Path(__file__).resolve().parents[2])
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if here not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([here, *paths])


def serve(session_path: Path, *, host: str = "127.0.0.1", port: int = 8000, public_url: str | None = None) -> int:
    """Serve team consoles for `session_path` until Ctrl-C; returns the exit code (0)."""
    from textual_serve.server import Server

    url = public_url_for(host, port, public_url)
    _child_environment()
    server = Server(join_command(session_path), host=host, port=port, title=TITLE, public_url=url)
    print(f"team consoles for {Path(session_path).name}: open {url} in a browser", flush=True)
    if host in ("127.0.0.1", "localhost", "::1"):
        print("only this computer can connect; to let the room in: --host 0.0.0.0 --public-url http://<this-laptop's-ip>:"
              f"{port}", flush=True)
    elif not url.startswith("https:"):
        print("the connection is not encrypted (plain HTTP); each team still needs its join code", flush=True)
    print("press Ctrl+C to stop", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    except OSError as exc:  # e.g. the port is taken
        print(f"wargame: cannot serve on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
