"""`wargame serve`: the team console (and the evaluator's and observer's) in the browser, one `wargame join`
process per browser tab.

textual-serve runs `<python> -m wargame join SESSION` for every browser connection and relays the
terminal over a websocket. Each process asks for its team and join code like a terminal console,
so a browser is no more trusted than a terminal. The server binds to loopback unless told
otherwise; plain HTTP, so on a shared network put it behind a TLS proxy (see the README).
A console opens only from the served page (its Origin must be the public URL's or the bound
address's; see wargame.app.web) and at most `max_connections` at a time. The page speaks the
session's language; the messages printed here speak `lang` (by default the session's too).
"""

from __future__ import annotations

import os
import shlex
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from wargame.views.i18n import N_
from wargame.views.i18n import gettext as _

TITLE = N_("wargame · console")
"""The page's title, English: shown in the page's language."""
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


def session_lang(session_path: Path) -> str:
    """The session's language as it is now (the facilitator may switch it): its last language event,
    else the one it was created in; Dutch if the file cannot be read as a session. Read-only and cheap
    (no Session, no fold): the server asks again for every page it serves."""
    from wargame.engine import events as ev

    path = Path(session_path).resolve()
    if not path.is_file():
        return "nl"
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"  # as wargame.store.peek reads
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, timeout=1.0)
    except sqlite3.Error:
        return "nl"
    try:
        row = conn.execute("SELECT json_extract(data, '$.lang') FROM events WHERE kind IN (?, ?) "
                           "ORDER BY id DESC LIMIT 1", (ev.LANGUAGE, ev.CREATED)).fetchone()
    except sqlite3.Error:
        return "nl"
    finally:
        conn.close()
    return row[0] if row and row[0] in ("nl", "en") else "nl"


def _child_environment() -> None:
    """Let the per-connection processes import this same wargame, installed or run from a checkout."""
    here = str(Path(__file__).resolve().parents[2])
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if here not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([here, *paths])


def serve(session_path: Path, *, host: str = "127.0.0.1", port: int = 8000, public_url: str | None = None,
          max_connections: int = 64, lang: str | None = None) -> int:
    """Serve team consoles for `session_path` until Ctrl-C, at most `max_connections` open at a time;
    returns the exit code (0; 1 if it cannot serve, 2 for a bad `max_connections`). What it prints is
    in `lang` (None: the session's language); the page is always in the session's."""
    from .web import ConsoleServer

    said = lang or session_lang(session_path)
    if max_connections < 1:
        print(_("wargame: --max-connections must be at least 1", said), file=sys.stderr)
        return 2
    url = public_url_for(host, port, public_url)
    _child_environment()
    server = ConsoleServer(join_command(session_path), host=host, port=port, title=TITLE, public_url=url,
                           origins=allowed_origins(host, port, url), max_connections=max_connections,
                           lang=lambda: session_lang(session_path))
    print(_("team consoles for {session}: open {url} in a browser", said).format(
        session=Path(session_path).name, url=url), flush=True)
    if host in ("127.0.0.1", "localhost", "::1"):
        print(_("only this computer can connect; to let the room in: --host 0.0.0.0 --public-url "
                "http://<this-laptop's-ip>:{port}", said).format(port=port), flush=True)
    elif not url.startswith("https:"):
        print(_("the connection is not encrypted (plain HTTP); each team still needs its join code", said),
              flush=True)
    print(_("press Ctrl+C to stop", said), flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    except OSError as exc:  # e.g. the port is taken
        print(_("wargame: cannot serve on {host}:{port}: {error}", said).format(
            host=host, port=port, error=exc.strerror or exc), file=sys.stderr)
        return 1
    return 0
