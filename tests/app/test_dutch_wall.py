"""The wall in Dutch: with a Dutch session nothing on the projector is English, at 80x24 and 160x48,
and switching the session to English switches the wall, the exercise marking included."""

from __future__ import annotations

import pytest

from .conftest import FakeClock, new_console, screen_text
from .english import english_left


async def wall_text(tmp_path, lang: str, size: tuple[int, int], *, started: bool) -> tuple[str, object]:
    from wargame.engine.session import Session

    path = tmp_path / f"wall-{lang}-{size[0]}.wargame"
    app = new_console(path, FakeClock(), started=started)
    async with app.run_test(size=size) as pilot:
        if lang != app.session.state.lang:
            await pilot.press("l")
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(app)
        st = app.session.state
    Session.open(path).close()
    return text, st


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
@pytest.mark.parametrize("started", [False, True])
async def test_nothing_on_the_wall_is_english_in_a_dutch_session(tmp_path, size, started):
    dutch, st = await wall_text(tmp_path, "nl", size, started=started)
    english, _st = await wall_text(tmp_path, "en", size, started=started)
    assert "OEFENING · OEFENING · OEFENING" in dutch and "EXERCISE · EXERCISE · EXERCISE" in english
    assert "OEFENING" not in english
    if started:
        assert "Ronde 1" in dutch and "Round 1" in english
    assert not english_left(dutch, english, st), english_left(dutch, english, st)
