"""`wargame serve`: the team console in the browser, one `wargame join` process per browser tab.

textual-serve runs `<python> -m wargame join SESSION` for every browser connection and relays the
terminal over a websocket. Each process asks for its team and join code like a terminal console,
so a browser is no more trusted than a terminal. The server binds to loopback unless told
otherwise; plain HTTP, so on a shared network put it behind a TLS proxy (see the README).
A console opens only from the served page (its Origin must be the public URL's or the bound
address's; see wargame.app.web) and at most `max_connections` at a time.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

TITLE = "wargame · team console"
ANY_HOST = ("0.0.0.0", "::", "")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
DEFAULT_PORTS = {"http": 80, "https": 443}


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


def origin_of(url: str) -> str:
    """`url`'s origin as a browser sends it in an Origin header: scheme://host[:port], default port left out."""
    parts = urlsplit(url)
    scheme, host, port = parts.scheme.lower(), parts.hostname or "", parts.port
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}" if port in (None, DEFAULT_PORTS.get(scheme)) else f"{scheme}://{host}:{port}"


def allowed_origins(host: str, port: int, url: str) -> frozenset[str]:
    """The Origins a team console may be opened from: the public URL's and the bound address's.

    Bound to loopback or to every interface, this computer's own names for itself (127.0.0.1,
    localhost, [::1]) count as the bound address too. Other names (a DNS name for the laptop, a
    second network) need --public-url.
    """
    hosts = [] if host in ANY_HOST else [host]
    if host in ANY_HOST or host in LOOPBACK:
        hosts += LOOPBACK
    bound = (origin_of(f"http://{f'[{h}]' if ':' in h else h}:{port}") for h in hosts)
    return frozenset({origin_of(url), *bound})


def _child_environment() -> None:
    """Let the per-connection processes import this same wargame, installed or run from a checkout."""
    here = str(Path(__file__).resolve().parents[2])
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if here not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([here, *paths])


def serve(session_path: Path, *, host: str = "127.0.0.1", port: int = 8000, public_url: str | None = None,
          max_connections: int = 64) -> int:
    """Serve team consoles for `session_path` until Ctrl-C, at most `max_connections` open at a time;
    returns the exit code (0; 1 if it cannot serve, 2 for a bad `max_connections`)."""
    from .web import ConsoleServer

    if max_connections < 1:
        print("wargame: --max-connections must be at least 1", file=sys.stderr)
        return 2
    url = public_url_for(host, port, public_url)
    _child_environment()
    server = ConsoleServer(join_command(session_path), host=host, port=port, title=TITLE, public_url=url,
                           origins=allowed_origins(host, port, url), max_connections=max_connections)
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
