"""The gettext catalogues: every message the code marks has a Dutch translation with the same
placeholders, and the compiled catalogue the tool reads is the one the `.po` file says."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from wargame.views.i18n import LOCALE_DIR, gettext, ngettext, translations

ROOT = Path(__file__).resolve().parents[2]
PO = LOCALE_DIR / "nl" / "LC_MESSAGES" / "wargame.po"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def catalog():
    with PO.open("rb") as f:
        return read_po(f)


def extracted() -> dict[str, str]:
    """Every message id the code marks (`_`, `gettext`, `ngettext`, `N_`), with where it is."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / "wargame", method_map=[("**.py", "python")], keywords={"_": None, "gettext": (1,),
                                                                          "ngettext": (1, 2), "N_": None}):
        for msgid in (message if isinstance(message, tuple) else (message,)):
            if msgid:
                found.setdefault(msgid, f"wargame/{filename}:{lineno}")
    return found


def test_every_marked_message_has_a_dutch_translation():
    po = catalog()
    missing = [f"{where}: {msgid!r}" for msgid, where in extracted().items()
               if msgid not in po or not po[msgid].string or po[msgid].fuzzy]
    assert not missing, "messages without a Dutch translation:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders():
    for message in catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        want = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == want, (message.id, s)


def test_the_compiled_catalogue_is_the_po_file():
    """The `.mo` the tool reads was compiled from today's `.po` (the build hook does it)."""
    nl = translations("nl")
    stale = [m.id for m in catalog() if m.id and not isinstance(m.id, tuple) and nl.gettext(m.id) != m.string]
    assert not stale, f"reinstall (pip install -e .) to compile the catalogue; stale: {stale[:5]}"


def test_dutch_and_english_and_plurals():
    assert gettext("After-action report", "nl") == "Evaluatieverslag"
    assert gettext("After-action report", "en") == "After-action report"
    assert gettext("After-action report", "fr") == "After-action report"  # no catalogue: the ids
    assert translations("nl") is translations("nl")
    assert ngettext("{n} note", "{n} notes", 1, "en") == "{n} note"
    assert ngettext("{n} note", "{n} notes", 4, "en") == "{n} notes"
