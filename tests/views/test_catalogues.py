"""The gettext catalogues: every message the code marks has a Dutch translation with the same
placeholders, and the compiled catalogue the tool reads is the one the `.po` file says."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from wargame.views.i18n import LOCALE_DIR, gettext, ngettext, translations

ROOT = Path(__file__).resolve().parents[2]
PO_FILES = sorted((LOCALE_DIR / "nl" / "LC_MESSAGES").glob("*.po"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def catalog():
    """Every Dutch message of every area's `.po`, in one catalogue; a message in two areas is an error."""
    merged = read_po(PO_FILES[0].open("rb"))
    for po in PO_FILES[1:]:
        with po.open("rb") as f:
            for m in read_po(f):
                if m.id:
                    assert m.id not in merged, f"{po.name}: {m.id!r} is in two catalogues"
                    merged[m.id] = m
    return merged


def extracted() -> dict[str, tuple[str, bool]]:
    """Every message id the code marks (`_`, `gettext`, `ngettext`, `N_`): where it is, and whether it
    has a plural (keyed by its singular, as a catalogue keys it)."""
    found: dict[str, tuple[str, bool]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / "wargame", method_map=[("**.py", "python")], keywords={"_": None, "gettext": (1,),
                                                                          "ngettext": (1, 2), "N_": None}):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault(msgid, (f"wargame/{filename}:{lineno}", isinstance(message, tuple)))
    return found


def test_every_marked_message_has_a_dutch_translation():
    po = catalog()
    missing = []
    for msgid, (where, plural) in extracted().items():
        m = po.get(msgid)
        strings = () if m is None else m.string if isinstance(m.string, tuple) else (m.string,)
        if m is None or m.fuzzy or not all(strings) or plural != isinstance(m.id, tuple):
            missing.append(f"{where}: {msgid!r}")
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
