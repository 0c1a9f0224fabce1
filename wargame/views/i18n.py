"""The tool's words in other languages than English: gettext catalogues, compiled from the `.po`
files in `wargame/locale` when the package is built or installed (`hatch_build.py`, with Babel).

Message ids are the English text, the ecosystem's convention; English needs no catalogue. A Dutch
word comes from `locale/nl/LC_MESSAGES/wargame.mo`. Plurals go through `ngettext` ("1 notitie",
"4 notities"), never "note(s)". `N_` marks a text for extraction where it is translated later.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

DOMAIN = "wargame"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TRANSLATED = ("nl",)
"""The languages with a catalogue; English is the message ids themselves."""


class CatalogueMissing(RuntimeError):
    """The compiled catalogue is not there: the package was not built or installed."""


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of `lang`; English (and any language without one) reads the ids as they are.

    A language's catalogue may be split by area (`wargame.mo` for the shared words, `console.mo`...):
    each `.mo` in its folder is read, in name order, the first that knows a message wins."""
    if lang not in TRANSLATED:
        return _gettext.NullTranslations()
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    files = sorted(folder.glob("*.mo"))
    if not files:
        raise CatalogueMissing(
            f"no compiled {lang} catalogue in {folder}: install wargame (pip install .) to build it")
    first: _gettext.NullTranslations | None = None
    for mo in files:
        with mo.open("rb") as f:
            part = _gettext.GNUTranslations(f)
        if first is None:
            first = part
        else:
            first.add_fallback(part)
    assert first is not None
    return first


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Where the locale is read, the first one set winning, as gettext reads them."""


def locale_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale: Dutch for `nl...`, English for anything else or none."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name)
        if value:
            return "nl" if value.startswith("nl") else "en"
    return "en"


def gettext(message: str, lang: str) -> str:
    """`message` (English) in `lang`."""
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str) -> str:
    """The form of `singular`/`plural` for `n` in `lang`, not yet formatted with `n`."""
    return translations(lang).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it here."""
    return message


def error_text(exc: BaseException, lang: str) -> str:
    """What an error says, in `lang`: an engine refusal (`EngineError`, its `message_id` and `params`)
    from the catalogue; any other error (StoreError, an OSError...) as it words itself."""
    message_id = getattr(exc, "message_id", None)
    if not isinstance(message_id, str):
        return str(exc)
    params = getattr(exc, "params", None) or {}
    return gettext(message_id, lang).format(**params) if params else gettext(message_id, lang)
