"""Finding English interface words on a screen that should be Dutch.

A screen is rendered twice, from the same session, once in English and once in Dutch. A word on
both renders is either language-neutral (a name, a number, an id) or English left untranslated.
Content is told apart by its own text: the words its Dutch and English texts share (names such as
Washington, titles such as Tough Love) are neutral; team text is the same in both renders and is
left out by the caller. `SAME_IN_BOTH` lists the interface words Dutch spells as English does."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from wargame.engine.state import SessionState
from wargame.model import dump

WORD = re.compile(r"[^\W\d_]{3,}")

SAME_IN_BOTH = frozenset({
    "inject", "injects", "team", "teams", "code", "codes", "drift", "min", "hot", "wash", "status", "console", "open",
    "projector",
    "wargame", "exercise",  # "wargame" is the tool's name; "exercise" is only in the tool's title bar
    "esc", "enter", "tab", "ctrl", "space", "pgup", "pgdn", "nl", "en",
})
"""Interface words spelled the same in Dutch and English (keys, the tool's name, loan words)."""


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _texts(obj: Any, lang: str) -> Iterable[str]:
    if isinstance(obj, dict):
        if set(obj) == {"nl", "en"}:
            yield str(obj[lang])
            return
        for v in obj.values():
            yield from _texts(v, lang)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _texts(v, lang)


def neutral_words(st: SessionState) -> set[str]:
    """The words the session's content writes the same in Dutch and English."""
    content = [dump(st.deck), *(dump(i) for i in st.injects.values()), *(dump(t) for t in st.teams.values()),
               *(dump(s) for s in st.scenarios.values())]
    nl = set().union(*(words(t) for c in content for t in _texts(c, "nl")))
    en = set().union(*(words(t) for c in content for t in _texts(c, "en")))
    return (nl & en) | words(st.title)


def english_left(dutch_screen: str, english_screen: str, st: SessionState, *, also: Iterable[str] = ()) -> set[str]:
    """The words of the English render that the Dutch render still shows, less the neutral ones."""
    return (words(dutch_screen) & words(english_screen)) - neutral_words(st) - SAME_IN_BOTH - set(also)
