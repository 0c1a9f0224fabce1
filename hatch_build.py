"""Build hook: compiles the gettext catalogues (`wargame/locale/*/LC_MESSAGES/*.po`) into `.mo` files
with Babel, so a wheel, an install and an editable install all carry them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted(root.glob("wargame/locale/*/LC_MESSAGES/*.po")):
            with po.open("rb") as f:
                catalog = read_po(f)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as f:
                write_mo(f, catalog)
            build_data["artifacts"].append(str(mo.relative_to(root)))  # not in git, yet in the wheel
