"""textual-serve's server, hardened for `wargame serve`.

Each browser websocket starts a `wargame join` process, so a websocket is admitted only from this
server's own page (its Origin is one of ours: a browser always sends one, a missing Origin is refused
too; a non-browser client can forge it, so this guards against hostile web pages, not hostile
programs on the network) and only while fewer than `max_connections` are open; both are checked
before anything is spawned. The page is our own template (app_index.html, beside this file) and
loads nothing from outside this server; the security headers forbid framing it (a framed copy of the
page would carry our Origin) and loading anything from elsewhere. Its words (and the refusals') are in
the session's language, read again for every page served (`lang`), through the catalogues.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
from collections.abc import Awaitable, Callable, Iterable
from contextlib import suppress
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from wargame.views.i18n import N_
from wargame.views.i18n import gettext as _

log = logging.getLogger("wargame.serve")

TEMPLATES = Path(__file__).resolve().parent
MAX_COLUMNS, MAX_ROWS = 1000, 500  # bigger "terminals" from a browser are cut to this
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PAGE_WORDS = {
    "start": N_("Start"),
    "closed": N_("Console closed (or refused: too many open, or not opened from this page)."),
    "again": N_("Open again"),
}
"""The page's own words (app_index.html), English: served in the session's language."""


def cells(value: object, default: int, most: int) -> int:
    """A terminal size sent by the browser, as an int in 1..`most`; `default` if it is no number."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return default
    return min(max(number, 1), most)


class Keystrokes:
    """Turns the browser's "stdin" texts into UTF-8 for the console process.

    xterm.js may send a character beyond U+FFFF (an emoji) as its two UTF-16 halves in two messages;
    JSON keeps each as a lone surrogate, which UTF-8 cannot encode (textual-serve's relay raised
    UnicodeEncodeError there and ended the session). A high half at the end of a text waits for the
    next one; a half that finds no partner becomes U+FFFD.
    """

    def __init__(self) -> None:
        self._high = ""

    def feed(self, text: str) -> bytes:
        """The UTF-8 bytes to send now for `text`."""
        text, self._high = self._high + text, ""
        if text and "\ud800" <= text[-1] <= "\udbff":
            text, self._high = text[:-1], text[-1]
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


class Console(AppService):
    """textual-serve's AppService that also closes the browser's websocket when the process ends.

    Textual closes it on a clean exit (an "exit" packet); a console that crashes or never starts
    would otherwise leave a blank page open, holding one of the `max_connections` places.
    """

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            await self.remote_close()


class ConsoleServer(Server):
    """textual-serve's Server with an Origin check, a connection cap and a page served from here only.

    Overridden: `handle_websocket` (the public route handler), so that the checks come before
    anything is spawned and so that the input loop no longer ends a session on a lone UTF-16
    surrogate or a malformed message (it drives textual-serve's AppService, as Console, the way the
    original does); `serve`, to run our own aiohttp application (`make_app`: the same four routes
    without the /static/ directory index textual-serve lists, and with our security headers)
    instead of the one textual-serve builds privately; `on_startup`, a documented hook, to keep its
    banner quiet.
    """

    def __init__(self, command: str, *, host: str, port: int, title: str, public_url: str,
                 origins: Iterable[str], max_connections: int = 64, lang: Callable[[], str] = lambda: "nl") -> None:
        """`title` is English (a message id), shown in the page's language; `lang` reads that language
        (the session's, as it is now)."""
        if max_connections < 1:
            raise ValueError("max_connections must be at least 1")
        super().__init__(command, host=host, port=port, title=title, public_url=public_url,
                         templates_path=TEMPLATES)
        self.lang = lang
        self.page_lang = "nl"
        """The language of the page served last: the refusals speak it (without reading the session)."""
        self.origins = frozenset(o.lower() for o in origins)
        self.max_connections = max_connections
        self.connections = 0
        listed = sorted(o for o in self.origins if "[" not in o)  # CSP has no IPv6 literals; 'self' covers one
        ours = " ".join(listed)
        sockets = " ".join(o.replace("http", "ws", 1) for o in listed)
        self.headers = {
            "Content-Security-Policy": (
                f"default-src 'none'; script-src 'self' {ours} 'unsafe-inline'; "
                f"style-src 'self' {ours} 'unsafe-inline'; img-src 'self' {ours} data:; font-src 'self' {ours}; "
                f"connect-src 'self' {ours} {sockets}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
            "X-Frame-Options": "DENY",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        }

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM, as textual-serve's serve() does, but with our application."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with suppress(NotImplementedError, RuntimeError):  # Windows has no signal handlers
                loop.add_signal_handler(sig, self.request_exit)
        web.run_app(self.make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                    print=lambda *args: None)

    def make_app(self) -> web.Application:
        """The aiohttp application: textual-serve's routes, no /static/ index, our headers."""

        @web.middleware
        async def secure(request: web.Request, handler: Handler) -> web.StreamResponse:
            response = await handler(request)
            if not response.prepared:  # a websocket has sent its headers already
                response.headers.update(self.headers)
                origin = request.headers.get("Origin", "").lower()
                if origin in self.origins:  # fonts are fetched with CORS (the page via an alias of ours)
                    response.headers["Access-Control-Allow-Origin"] = origin
                    response.headers["Vary"] = "Origin"
            return response

        app = web.Application(middlewares=[secure])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: `wargame serve` tells the facilitator where to go itself."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's page, with its words in the session's language, read now (the facilitator
        may have switched it): handed to the template beside textual-serve's own data."""
        lang = self.page_lang = await asyncio.to_thread(self.lang)
        request[aiohttp_jinja2.REQUEST_CONTEXT_KEY] = {
            "lang": lang,
            "page_title": _(self.title, lang),
            "words": {key: _(text, lang) for key, text in PAGE_WORDS.items()},
        }
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Admit a console (our Origin, under the cap: else 403 / 503, nothing spawned), then relay it."""
        origin = request.headers.get("Origin")
        if origin is None or origin.lower() not in self.origins:
            log.warning("refused a console from origin %.100r", origin)
            raise web.HTTPForbidden(text=_("a team console opens only from its own page", self.page_lang) + "\n")
        if self.connections >= self.max_connections:
            log.warning("refused a console: %d are open already", self.connections)
            raise web.HTTPServiceUnavailable(
                text=_("too many team consoles are open; try again later", self.page_lang) + "\n",
                headers={"Retry-After": "10"})
        self.connections += 1
        try:
            return await self.run_console(request)
        finally:
            self.connections -= 1

    async def run_console(self, request: web.Request) -> web.WebSocketResponse:
        """One `wargame join` process for the websocket, until either side closes (textual-serve's relay)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = cells(request.query.get("width"), 80, MAX_COLUMNS)
        height = cells(request.query.get("height"), 24, MAX_ROWS)
        service: Console | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            service = Console(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                              close=close, download_manager=self.download_manager, debug=self.debug)
            await service.start(width, height)
            await self.relay(websocket, service)
        except asyncio.CancelledError:  # the server is stopping
            await websocket.close()
            raise
        except Exception:
            log.exception("a team console failed")
        finally:
            if service is not None:
                await service.stop()
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, service: Console) -> None:
        """Pass the browser's messages to the process; skip what is malformed instead of failing."""
        keys = Keystrokes()
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except (ValueError, RecursionError):
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                if payload := keys.feed(data):
                    await service.send_bytes(payload)
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(cells(data.get("width"), 80, MAX_COLUMNS),
                                                cells(data.get("height"), 24, MAX_ROWS))
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:64]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()
