"""The debrief PDF: hostile team text printed intact, every page marked and numbered, reproducible."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from wargame.content import builtin_library
from wargame.engine.session import Session
from wargame.report.debrief import write_debrief
from wargame.report.fonts import BOLD, ITALIC, REGULAR
from wargame.views.words import MARKING

from .conftest import flat, pdf_text
from .sessionkit import LONG, T0

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def report(session, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "debrief.pdf"
    seen: list[float] = []
    pages = write_debrief(session.state, out, progress=seen.append)
    return out, pages, pdf_text(out), seen


def test_hostile_text_prints_intact(report):
    _, _, pages, _ = report
    text = flat("\n".join(pages))
    for s in ("<b>&amp; <img src=x> </para>", "[/] [bold [@click=app.quit]x[/]", "Привет мир", "“dubbel” en ‘enkel’",
              "Zeeuwse coöperatie, ruïne, één café", "=cmd() because", "Oefening Noordzee <b>&amp;",
              "Anna “Spelleider” de Vries"):
        assert s in text, s
    # the emoji has no glyph in DejaVu: a visible stand-in, not a black box
    assert "[U+1F680]" in text
    assert "שלום" in text or "שלום"[::-1] in text
    # ten thousand characters without a space: wrapped, nothing lost
    assert "".join(pages).count("x") >= 2 * 10_000  # pypdf and pdftotext both hold it


def test_pages_a4_marked_and_numbered(report):
    out, n, pages, _ = report
    reader = PdfReader(str(out))
    assert len(reader.pages) == n
    assert 8 <= n <= 60
    for i, page in enumerate(reader.pages, 1):
        box = page.mediabox
        assert abs(float(box.width) - A4[0]) < 1 and abs(float(box.height) - A4[1]) < 1
        text = flat(pages[i - 1])
        assert text.count(MARKING) >= 2, f"page {i} lacks the marking top and bottom"
        assert f"page {i} / {n}" in text
        if i > 1:
            assert "Oefening Noordzee" in text  # running title


def test_sections_and_metadata(report):
    out, _, pages, seen = report
    text = flat("\n".join(pages))
    for heading in ("AFTER-ACTION REPORT AND IMPROVEMENT PLAN", "Executive summary", "The axis cross", "Timeline",
                    "Round by round", "Hot wash", "Improvement plan", "Appendix", "Strengths",
                    "Areas for improvement", "Strong coordination", "Attribution was slow", "BZ/DVB", "2026-06-01",
                    "Tough Love", "Europe in the Vice", "R1", "start", "end", "Observation in round 1"):
        assert heading in text, heading
    meta = PdfReader(str(out)).metadata
    assert meta.title == "Oefening Noordzee <b>&amp;"
    assert meta.author == "Anna “Spelleider” de Vries"
    assert "After-action report" in meta.subject
    assert meta.creator.startswith("wargame")
    data = out.read_bytes()
    assert b"DejaVuSans" in data and b"/FontFile2" in data  # the family is embedded
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_progress_comes_from_reportlab_and_no_global_setting_changes(session, tmp_path):
    """Progress is reported while ReportLab lays the story out, and the build runs on ReportLab's
    own settings: none of rl_config differs while it runs."""
    from reportlab import rl_config

    def settings() -> dict[str, object]:
        return {k: v for k, v in vars(rl_config).items() if isinstance(v, (int, float, str, tuple))}

    before = settings()
    seen: list[tuple[float, dict[str, object]]] = []
    write_debrief(session.state, tmp_path / "p.pdf", progress=lambda f: seen.append((f, settings())))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    during = [f for f in fractions if 0.05 < f < 1.0]
    assert len(during) >= 5 and max(during) <= 0.95, fractions
    assert all(s == before for _, s in seen)
    assert b"/ASCII85Decode" in (tmp_path / "p.pdf").read_bytes()  # ReportLab's default stream filters


def test_byte_identical(session, report, tmp_path):
    out, _, _, _ = report
    again = tmp_path / "again.pdf"
    write_debrief(session.state, again)
    assert again.read_bytes() == out.read_bytes()
    reopened = Session.open(session.store.path)  # the state folded afresh from the file
    try:
        write_debrief(reopened.state, tmp_path / "reopened.pdf")
    finally:
        reopened.close()
    assert (tmp_path / "reopened.pdf").read_bytes() == out.read_bytes()


def test_team_handout_leaves_out_other_private_moves(session, report, tmp_path):
    _, _, full, _ = report
    assert "SECRET-1" in flat("\n".join(full))
    eu = tmp_path / "eu.pdf"
    write_debrief(session.state, eu, team="eu", lang="nl")
    text = flat("\n".join(pdf_text(eu)))
    assert "SECRET-" not in text
    assert "R1 eu:" in text and "(revised)" in text
    assert "Vertrouwelijke zet: niet in deze handout." in text
    assert "Handout voor team: Europese Unie" in text
    assert "Samenvatting" in text and "Verbeterplan" in text
    moskou = tmp_path / "moskou.pdf"
    write_debrief(session.state, moskou, team="moskou")
    assert "SECRET-1 Moskou covert plan" in flat("\n".join(pdf_text(moskou)))


def test_unknown_team_is_a_clear_error(session, tmp_path):
    with pytest.raises(ValueError, match=r"no team 'atlantis' in this session; its teams are: kabinet-nl, eu"):
        write_debrief(session.state, tmp_path / "x.pdf", team="atlantis")
    assert not (tmp_path / "x.pdf").exists()


def test_session_not_started_and_stress_text(tmp_path):
    lib = builtin_library()
    clock = iter(range(int(T0), int(T0) + 10_000, 7))
    s, _ = Session.create(tmp_path / "empty.wargame", lib.decks["tough-love"], lib, lang="nl", seed=1,
                          title=LONG, facilitator=LONG[:5000], now=lambda: float(next(clock)))
    try:
        assert write_debrief(s.state, tmp_path / "empty.pdf") >= 8
        s.advance()
        nasty = "\x07\x1b[31m" + "🚀" * 500 + "\u202e" + "<" * 3000 + "&" * 3000 + "\t\r\n" * 50
        m = s.record_move("eu", nasty, LONG + LONG, "]" * 19_000)
        s.adjudicate(m.id, 3, nasty + LONG, 1, 1)
        s.add_note(LONG, tag="improvement", owner=LONG, due="2026-12-31")
        s.state.moves[m.id].action = nasty  # as typed, whatever the engine strips: the PDF must cope itself
        pages = write_debrief(s.state, tmp_path / "stress.pdf")
        text = "\n".join(pdf_text(tmp_path / "stress.pdf"))
        assert pages == len(PdfReader(str(tmp_path / "stress.pdf")).pages)
        assert "[U+0007 U+001B]" in text and "[U+1F680 U+1F680" in text
        assert "<" * 40 in text and "&" * 40 in text and text.count("<") >= 2 * 3000
    finally:
        s.close()


def test_text_helpers():
    from wargame.report.text import clean, para, visual_order

    s, spans = clean("a🚀b\u200dc")
    assert s.startswith("a[U+1F680]b") and spans == [(1, 10)]
    assert para("<b>&amp;\nx") == "&lt;b&gt;&amp;amp;<br/>x"
    assert "[U+D800]" in clean("\ud800")[0]
    # the Unicode bidirectional algorithm: a number after Hebrew joins its run, left to right inside it
    assert visual_order("abc שלום 123 xyz") == "abc 123 " + "שלום"[::-1] + " xyz"
    assert visual_order("(שלום)") == "(" + "שלום"[::-1] + ")"  # brackets in a right-to-left line mirror
    assert visual_order("שלום (עולם) סוף") == "ףוס (םלוע) םולש"
    # a letter's points come just before it, where DejaVu's marks, drawn left to right, sit on it:
    # final mem, holam + vav, lamed, shin dot + qamats + shin
    assert visual_order("שָׁלוֹם") == "ם" + "\u05b9ו" + "ל" + "\u05c1\u05b8ש"
    # Arabic letters joined (final, medial, initial forms), each haraka just before its letter
    assert visual_order("مَرْحَبًا") == "\ufe8e" + "\u064b\ufe92" + "\u064e\ufea3" + "\u0652\ufeae" + "\u064e\ufee3"
    assert visual_order("لا") == "\ufefb"
    assert visual_order("سلام 2024") == "2024 " + "\ufee1\ufefc\ufeb3"  # the number, last, goes left
    # a direction override typed by a team is dropped, so it cannot turn the rest around
    assert visual_order("\u202eabc <שלום>") == "abc <" + "שלום"[::-1] + ">"
    # a face without Arabic letters: stand-ins naming the letters in the order typed, in their place
    assert clean("سلام", ITALIC)[0] == "[U+0633 U+0644 U+0627 U+0645]"
    assert clean("שלום 🚀🚀 עולם")[0] == "םלוע [U+1F680 U+1F680] םולש"
    # in a paragraph, what the oblique face lacks prints in the upright face: Arabic joined, in order
    assert para("Ruling مرحبا 42 🚀", ITALIC) == ('Ruling 42 <font name="DejaVuSans">\ufe8e\ufe92\ufea3\ufeae\ufee3</font> '
                                               '<font color="#8a8a8a">[U+1F680]</font>')


def test_arabic_forms_and_hebrew_letters_are_in_the_regular_and_bold_faces():
    """What the reshaper gives for Arabic letters (except a few Persian and Urdu forms, printed
    unjoined) and the Hebrew letters are in DejaVu Sans and DejaVu Sans Bold."""
    from wargame.report.text import clean

    arabic = "".join(map(chr, [*range(0x0621, 0x063B), *range(0x0640, 0x064B)]))  # the letters of Arabic
    hebrew = "".join(map(chr, range(0x05D0, 0x05EB)))
    for face in (REGULAR, BOLD):
        for word in (arabic, hebrew, "پیام گزارش", "الله"):
            assert clean(word, face)[1] == [], (face, word)


def chart_texts(node) -> list[str]:
    """Every text drawn in a chart, nested groups included."""
    from reportlab.graphics.shapes import String

    if isinstance(node, String):
        return [node.text]
    return [t for child in getattr(node, "contents", []) for t in chart_texts(child)]


def test_chart_draws_the_futures_the_path_and_where_it_ends(session):
    from wargame.report.chart import axis_chart
    from wargame.views.words import position_text

    st = session.state
    full = " ".join(chart_texts(axis_chart(st.scenarios, st.path, 3, "en")))
    first_words = {sc.title.en.split()[0] for sc in st.scenarios.values()}
    assert all(word in full for word in first_words), full  # each future labels its quadrant
    end = st.path[-1]
    assert position_text(end.erosion, end.rapprochement, "en") in full  # where the world ended is written out
    assert "R1" in full  # the path is labelled by round
    dutch = " ".join(chart_texts(axis_chart(st.scenarios, st.path[:1], 0, "nl")))
    assert "R1" not in dutch and any(sc.title.nl.split()[0] in dutch for sc in st.scenarios.values())
    empty = chart_texts(axis_chart({}, [], 0, "nl"))
    assert empty and not any(text.startswith("R") and text[1:2].isdigit() for text in empty)
