"""Build hook: compiles the gettext catalogues (`wargame/locale/*/LC_MESSAGES/*.po`) into `.mo` files
with Babel, so a wheel, an install and an editable install all carry them. `python hatch_build.py`
compiles them in place, after editing a `.po` in a checkout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogues(root: Path) -> list[Path]:
    """Compile every `.po` under `root/wargame/locale` beside itself; the `.mo` files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(root.glob("wargame/locale/*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog)
        written.append(mo)
    return written


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        for mo in compile_catalogues(root):
            build_data["artifacts"].append(str(mo.relative_to(root)))  # not in git, yet in the wheel


if __name__ == "__main__":
    for path in compile_catalogues(Path(__file__).resolve().parent):
        print(f"compiled {path}")
