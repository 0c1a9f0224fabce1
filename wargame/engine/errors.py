"""The engine's refusals, worded for the user in any language the interface speaks.

An `EngineError` carries its sentence as a message id (the English, with `{name}` placeholders) and
its values; `str(exc)` is the English sentence. The engine sits below the views and cannot read a
catalogue: a console translates the id (`wargame.views.i18n.error_text`). `N_` marks an id for the
catalogue where it is written.
"""

from __future__ import annotations

from typing import Any


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it here."""
    return message


class EngineError(Exception):
    """A command that the rules do not allow now; the message says why, for the user.

    `message_id` is the English sentence with `{name}` placeholders and `params` their values, already
    written as the sentence shows them (a repr, a number with its thousands separators)."""

    def __init__(self, message_id: str, **params: Any):
        self.message_id = message_id
        self.params = params
        super().__init__(message_id.format(**params) if params else message_id)
