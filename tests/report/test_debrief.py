"""The debrief PDF: hostile team text printed intact, every page marked and numbered, reproducible."""

from __future__ import annotations


import pytest
from pypdf import PdfReader

from wargame.content import builtin_library
from wargame.engine.session import Session
from wargame.report.debrief import write_debrief
from wargame.report.labels import MARKING

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
    assert visual_order("abc שלום 123 xyz") == "abc " + "שלום"[::-1] + " 123 xyz"
    assert visual_order("(שלום)") == "(" + "שלום"[::-1] + ")"  # brackets inside an RTL run mirror


def chart_texts(node) -> list[str]:  # noqa: ANN001 - a reportlab shape
    """Every text drawn in a chart, nested groups included."""
    from reportlab.graphics.shapes import String

    if isinstance(node, String):
        return [node.text]
    return [t for child in getattr(node, "contents", []) for t in chart_texts(child)]


def test_chart_draws_the_futures_the_path_and_where_it_ends(session):
    from wargame.report.chart import axis_chart
    from wargame.report.labels import position_text

    st = session.state
    full = " ".join(chart_texts(axis_chart(st.scenarios, st.path, 3, "en")))
    first_words = {sc.title.en.split()[0] for sc in st.scenarios.values()}
    assert all(word in full for word in first_words), full  # each future labels its quadrant
    end = st.path[-1]
    assert position_text(end.erosion, end.rapprochement) in full  # where the world ended is written out
    assert "R1" in full  # the path is labelled by round
    dutch = " ".join(chart_texts(axis_chart(st.scenarios, st.path[:1], 0, "nl")))
    assert "R1" not in dutch and any(sc.title.nl.split()[0] in dutch for sc in st.scenarios.values())
    empty = chart_texts(axis_chart({}, [], 0, "nl"))
    assert empty and not any(text.startswith("R") and text[1:2].isdigit() for text in empty)


def test_fast_font_writes_what_reportlab_writes():
    """FastTTFont's shortcuts give the very bytes and widths ReportLab's TTFont gives."""
    from reportlab.pdfbase.ttfonts import TTFont

    from wargame.report.fonts import FONT_DIR, FastTTFont

    path = str(FONT_DIR / "DejaVuSans.ttf")
    fast, plain_font = FastTTFont("t-fast", path), TTFont("t-plain", path)

    class Doc:  # splitString keys its per-document state on the document object
        pass

    d1, d2 = Doc(), Doc()
    texts = ["Hello, world", "Привет мир", "coöperatie\xa0één", "Hello again", "".join(map(chr, range(0x400, 0x600))),
             "Hello, world", "שלום", "x" * 50, "\u25a1 done"]
    for text in texts:
        assert fast.splitString(text, d1) == plain_font.splitString(text, d2), text
        assert abs(fast.stringWidth(text, 9.5) - plain_font.stringWidth(text, 9.5)) < 1e-9
