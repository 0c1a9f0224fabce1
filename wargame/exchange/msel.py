"""MSEL exchange: a deck as a Master Scenario Events List (CSV or Excel), and an MSEL back to injects.

Export: one row per inject a deck can deliver, in play order, with the columns planners know
(event no., scheduled time, delivery method, from, to, inject, expected player action, controller
notes), then the columns an import needs to rebuild the inject exactly (id, scenario, in-world
date, time allowed, push, source, options). Dutch and English text sit in paired columns.
Draw slots list each candidate; drift slots draw from whichever quadrant the world is in, so every
scenario's injects follow once as a "drift" pool after the rounds; branch follow-ups come right
after the inject whose option leads to them. An inject with versions for some teams gets a row per
version right after its own row: "Version For" names the team, "To" is that team, the texts are the
team's reading (`views.visibility.team_inject`) and "Version Fields" names the fields the version
sets (the rest are the inject's own); the inject's own row is what the other targets receive.

Import: a row with "Version For" becomes a version of the inject with the same id (its "Version
Fields", or where that is empty the fields that differ from the inject's own row). "Private",
"After", "Track Pushes" and "White Cell" carry `Inject.private` (a version's own on a version row),
`after:`, the track pushes and the white cell that plays the inject.

Import: reads such a file, or a planner's own MSEL with at least an inject text, delivery method,
sender, in-world date and expected player action (one language fills both), and returns the text
of an inject file (top-level ``injects:``) for `wargame validate` and decks. A malformed row raises
ValueError naming the file, the row and the column.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import yaml

from ..content import Library
from ..model import DELIVERIES, DELIVERY_NAMES, Deck, Inject, dump
from ..model.plan import Candidate, plan
from ..model.validation import ValidationError, validate
from ..views.visibility import team_inject
from .csvio import guard, unguard

# (key, header) in export order
EXPORT_COLUMNS: list[tuple[str, str]] = [
    ("no", "Event No."),
    ("time", "Scheduled Time (min)"),
    ("round", "Round"),
    ("round_title", "Round Title"),
    ("selection", "Selection"),
    ("delivery", "Delivery Method"),
    ("from_nl", "From (nl)"),
    ("from_en", "From (en)"),
    ("to", "To"),
    ("inject_nl", "Inject (nl)"),
    ("inject_en", "Inject (en)"),
    ("questions_nl", "Expected Player Action (nl)"),
    ("questions_en", "Expected Player Action (en)"),
    ("notes_nl", "Controller Notes (nl)"),
    ("notes_en", "Controller Notes (en)"),
    ("remarks", "Remarks"),
    ("id", "Inject ID"),
    ("scenario", "Scenario"),
    ("date", "In-world Date"),
    ("date_label_nl", "Date Label (nl)"),
    ("date_label_en", "Date Label (en)"),
    ("minutes", "Time Allowed (min)"),
    ("push_erosion", "Push Erosion"),
    ("push_rapprochement", "Push Rapprochement"),
    ("source_section", "Source Section"),
    ("source_quote", "Source Quote"),
    ("extrapolated", "Extrapolated"),
    ("options", "Options"),
    ("version_for", "Version For"),
    ("version_fields", "Version Fields"),
    ("private", "Private"),
    ("after", "After"),
    ("tracks", "Track Pushes"),
    ("cell", "White Cell"),
]
HEADERS = dict(EXPORT_COLUMNS)
VERSION_FIELDS = ("title", "briefing", "sender", "delivery", "questions")
"""The fields a version may set, as "Version Fields" names them."""

# header spellings an import recognises, normalised (lowercase, letters and digits only)
_ALIASES: dict[str, list[str]] = {
    "no": ["eventno", "eventnumber", "no", "nr", "number", "msel", "mselno", "serial"],
    "time": ["scheduledtimemin", "scheduledtime", "time", "timemin", "t", "deliverytime"],
    "round": ["round", "ronde", "phase", "module"],
    "id": ["injectid", "id"],
    "scenario": ["scenario"],
    "delivery": ["deliverymethod", "delivery", "method", "mode", "kanaal"],
    "from": ["from", "sender", "afzender", "originator"],
    "to": ["to", "targets", "target", "recipient", "recipients", "aan", "voor", "players"],
    "inject": ["inject", "injecttext", "eventdescription", "description", "message"],
    "title": ["title", "injecttitle", "titel"],
    "questions": ["expectedplayeraction", "expectedaction", "expectedplayeractions", "expectedresponse",
                  "discussionquestions", "questions"],
    "notes": ["controllernotes", "notes", "controllernote", "facilitatornotes", "notesforcontroller"],
    "date": ["inworlddate", "date", "scenariodate"],
    "date_label": ["datelabel"],
    "minutes": ["timeallowedmin", "timeallowed", "minutes", "duration", "durationmin"],
    "push_erosion": ["pusherosion", "erosion"],
    "push_rapprochement": ["pushrapprochement", "rapprochement"],
    "source_section": ["sourcesection", "section"],
    "source_quote": ["sourcequote", "quote", "source"],
    "extrapolated": ["extrapolated"],
    "options": ["options", "branches"],
    "version_for": ["versionfor", "versievoor"],
    "version_fields": ["versionfields"],
    "private": ["private", "vertrouwelijk"],
    "after": ["after", "presupposes", "na"],
    "tracks": ["trackpushes", "tracks"],
    "cell": ["whitecell", "cell", "wittecel"],
}
_BILINGUAL = {"from", "inject", "title", "questions", "notes", "date_label"}


# --- export --------------------------------------------------------------------------------------

def msel_rows(deck: Deck, library: Library) -> list[dict[str, Any]]:
    """The deck's MSEL rows (keys of EXPORT_COLUMNS), in play order."""
    deck_plan = plan(deck, library)
    rows: list[dict[str, Any]] = []
    drift_minute: int | None = None  # of the first drift slot
    start = 0

    def add(cand: Candidate, minute: int, rnd: str, title: str, selection: str, remarks: str) -> None:
        rows.extend(_rows(cand.inject, minute, rnd, title, selection, remarks))
        for b in cand.branches:
            rows.extend(_rows(b.inject, minute, rnd, title, "branch",
                              f"follow-up of {b.parent.id}, option {b.option.id}"))

    for pr in deck_plan.rounds:
        offset = 0
        title = pr.round.title.en
        for ps in pr.slots:
            minute = start + min(offset, pr.round.minutes - 1)
            n = len(ps.candidates)
            for k, cand in enumerate(ps.candidates, 1):
                if ps.how == "fixed":
                    add(cand, minute, str(pr.index + 1), title, "fixed", f"slot {ps.index + 1}")
                else:
                    add(cand, minute, str(pr.index + 1), title, "draw",
                        f"slot {ps.index + 1}: draw {ps.count} of {n}; candidate {k}")
            if ps.how == "drift" and drift_minute is None:
                drift_minute = minute
            offset += max((c.inject.minutes for c in ps.candidates), default=0)
        for cand in pr.bench:
            add(cand, start, str(pr.index + 1), title, "bench", "optional: fired from the bench if time allows")
        start += pr.round.minutes
    if drift_minute is not None:
        rounds = ", ".join(str(r + 1) for r in deck_plan.drift_rounds)
        for pool in deck_plan.drift:
            sc = pool.scenario
            for k, cand in enumerate(pool.candidates, 1):
                add(cand, drift_minute, rounds, "", "drift",
                    f"drift pool, scenario {sc.number} {sc.title.en}: drawn when the world is in this quadrant; "
                    f"candidate {k} of {len(pool.candidates)}")
    for n, row in enumerate(rows, 1):
        row["no"] = n
    return rows


def _rows(inj: Inject, minute: int, rnd: str, round_title: str, selection: str, remarks: str) -> list[dict[str, Any]]:
    """The inject's own row, then a row per version."""
    own = _row(inj, minute, rnd, round_title, selection, remarks)
    out = [own]
    for v in inj.versions:
        seen = team_inject(inj, v.team)
        out.append({
            **own, "delivery": DELIVERY_NAMES[seen.delivery][1], "from_nl": seen.sender.nl, "from_en": seen.sender.en,
            "to": v.team, "inject_nl": f"{seen.title.nl}\n\n{seen.briefing.nl}",
            "inject_en": f"{seen.title.en}\n\n{seen.briefing.en}",
            "questions_nl": "\n".join(f"- {q.nl}" for q in seen.questions),
            "questions_en": "\n".join(f"- {q.en}" for q in seen.questions),
            "remarks": f"{remarks}; version for {v.team}" if remarks else f"version for {v.team}",
            "version_for": v.team,
            "version_fields": ", ".join(f for f in VERSION_FIELDS if getattr(v, f)),
            "private": "yes" if v.private else "no",
        })
    return out


def _row(inj: Inject, minute: int, rnd: str, round_title: str, selection: str, remarks: str) -> dict[str, Any]:
    return {
        "time": minute, "round": int(rnd) if rnd.isdigit() else rnd, "round_title": round_title,
        "selection": selection, "delivery": DELIVERY_NAMES[inj.delivery][1],
        "from_nl": inj.sender.nl, "from_en": inj.sender.en, "to": ", ".join(inj.targets),
        "inject_nl": f"{inj.title.nl}\n\n{inj.briefing.nl}", "inject_en": f"{inj.title.en}\n\n{inj.briefing.en}",
        "questions_nl": "\n".join(f"- {q.nl}" for q in inj.questions),
        "questions_en": "\n".join(f"- {q.en}" for q in inj.questions),
        "notes_nl": inj.facilitator_notes.nl, "notes_en": inj.facilitator_notes.en, "remarks": remarks,
        "id": inj.id, "scenario": inj.scenario or "", "date": inj.date,
        "date_label_nl": inj.date_label.nl if inj.date_label else "",
        "date_label_en": inj.date_label.en if inj.date_label else "",
        "minutes": inj.minutes, "push_erosion": inj.push.erosion, "push_rapprochement": inj.push.rapprochement,
        "source_section": inj.source.section, "source_quote": inj.source.quote,
        "extrapolated": "yes" if inj.source.extrapolated else "no",
        "options": json.dumps([dump(o) for o in inj.options], ensure_ascii=False)
        if inj.options else "",
        "version_for": "", "version_fields": "", "private": "yes" if inj.private else "no",
        "after": ", ".join(inj.after),
        "cell": inj.cell or "",
        "tracks": json.dumps([dump(p) for p in inj.tracks], ensure_ascii=False) if inj.tracks else "",
    }


def export_msel(deck: Deck, library: Library, out: Path) -> None:
    """Write the deck's MSEL to `out`: .csv (UTF-8 with BOM, for Excel) or .xlsx."""
    out = Path(out)
    rows = msel_rows(deck, library)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow([h for _, h in EXPORT_COLUMNS])
        for row in rows:
            w.writerow([guard(v) if isinstance(v, str) else v for v in (row[k] for k, _ in EXPORT_COLUMNS)])
        out.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")
    elif suffix == ".xlsx":
        _write_xlsx(deck, rows, out)
    else:
        raise ValueError(f"{out}: an MSEL is written as .csv or .xlsx, not {out.suffix or 'a file without extension'}")


def _write_xlsx(deck: Deck, rows: list[dict[str, Any]], out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

    from .cells import put

    wb = Workbook()
    ws = wb.active
    if not isinstance(ws, Worksheet):  # a new workbook opens on its one empty worksheet
        raise TypeError(f"a new workbook should open on a worksheet, not {ws!r}")
    ws.title = "MSEL"
    ws.append([h for _, h in EXPORT_COLUMNS])
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F3A5F")
    for cell in ws[1]:
        cell.font, cell.fill = head_font, head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, 2):
        for c, (key, _) in enumerate(EXPORT_COLUMNS, 1):
            put(ws.cell(row=r, column=c), row[key]).alignment = wrap
    widths = {"no": 8, "time": 11, "round": 8, "round_title": 18, "selection": 10, "delivery": 16, "to": 18,
              "remarks": 30, "id": 24, "scenario": 18, "date": 12, "minutes": 10}
    from openpyxl.utils import get_column_letter
    for c, (key, _) in enumerate(EXPORT_COLUMNS, 1):
        ws.column_dimensions[get_column_letter(c)].width = widths.get(key, 42)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.title = f"MSEL: {deck.title.en}"
    wb.properties.creator = "wargame"
    buf = io.BytesIO()
    wb.save(buf)
    out.write_bytes(buf.getvalue())


# --- import --------------------------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the content reader rejects anchors and aliases
        return True


def _str_presenter(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_presenter)


def import_msel(path: Path) -> str:
    """The injects of an MSEL (.csv or .xlsx) as inject-file YAML text (top-level ``injects:``)."""
    path = Path(path)
    table = _read_table(path)
    csv_cells = path.suffix.lower() != ".xlsx"  # only CSV cells carry the formula guard's apostrophe
    header_row, columns = _find_header(path, table)
    injects: list[dict[str, Any]] = []
    seen: dict[str, tuple[int, dict[str, Any]]] = {}
    used_ids: set[str] = set()
    versions: dict[tuple[str, str], tuple[int, dict[str, Any], Any]] = {}
    for n, raw in enumerate(table[header_row + 1:], header_row + 2):
        cells = {key: (raw[i] if i < len(raw) else "") for key, i in columns.items()}
        if not any(v.strip() for v in raw):
            continue
        inj, where = _inject(path, n, cells, columns, table[header_row], csv_cells)
        team = (unguard(cells.get("version_for", "")) if csv_cells else cells.get("version_for", "")).strip().lower()
        if team:
            fields = cells.get("version_fields", "")
            fields = unguard(fields) if csv_cells else fields
            key = (inj["id"], team)
            if not inj["id"]:
                raise ValueError(f"{path}: row {n}, column {where('id')}: a version row needs the id of its inject")
            if key in versions and versions[key][1] != inj:
                raise ValueError(f"{path}: row {n}, column {where('version_for')}: a second, different version "
                                 f"of inject {inj['id']!r} for {team!r} (row {versions[key][0]})")
            versions.setdefault(key, (n, inj, (fields, where)))
            continue
        if not inj["id"]:
            inj["id"] = _new_id(inj, used_ids)
        iid = inj["id"]
        if iid in seen:
            first, data = seen[iid]
            if data != inj:
                raise ValueError(f"{path}: row {n}, column {where('id')}: inject {iid!r} is already in row {first} "
                                 "with different content; give it another id")
            continue
        seen[iid] = (n, inj)
        used_ids.add(iid)
        injects.append(inj)
    if not injects:
        raise ValueError(f"{path}: no inject rows under the header in row {header_row + 1}")
    for (iid, team), (n, row, (fields, where)) in versions.items():
        if iid not in seen:
            raise ValueError(f"{path}: row {n}, column {where('id')}: a version of inject {iid!r}, "
                             "which has no row of its own")
        seen[iid][1].setdefault("versions", []).append(_version(path, n, team, row, seen[iid][1], fields, where))
    head = f"# Injects imported from the MSEL {path.name}.\n# Check them with: wargame validate FILE\n"
    return head + yaml.dump({"injects": injects}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                            width=100, default_flow_style=False)


def _read_table(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix not in (".csv", ".txt", ".tsv"):
        raise ValueError(f"{path}: an MSEL is read from .csv or .xlsx, not {path.suffix or 'a file without extension'}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's plain "CSV" on Windows
    sample = "\n".join(text.split("\n", 10)[:10])  # a title row above the header may have no delimiter
    delimiter = max((",", ";", "\t"), key=sample.count) if sample else ","
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ValueError(f"{path}: not a readable CSV file: {exc}") from None


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise ValueError(f"{path}: not a readable .xlsx workbook: {exc}") from None
    try:
        ws = wb["MSEL"] if "MSEL" in wb.sheetnames else wb.worksheets[0]
        out = []
        for row in ws.iter_rows(values_only=True):
            out.append([_cell_text(v) for v in row])
        return out
    finally:
        wb.close()


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "date") and hasattr(v, "isoformat"):  # a date Excel made of an in-world date
        return v.date().isoformat() if hasattr(v, "hour") else v.isoformat()
    return str(v)


def _norm(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def _find_header(path: Path, table: list[list[str]]) -> tuple[int, dict[str, int]]:
    """The header row (the first, within the first ten rows, that names an inject column) and the
    column index of each field; a bilingual field keys as field_nl / field_en, or plain for both."""
    for r, row in enumerate(table[:10]):
        columns: dict[str, int] = {}
        for i, cell in enumerate(row):
            name = _norm(unguard(cell))
            lang = ""
            for suffix in ("nl", "en"):
                if name.endswith(suffix) and name[:-2] and _field(name[:-2]):
                    name, lang = name[:-2], suffix
                    break
            field = _field(name)
            if field is None:
                continue
            key = f"{field}_{lang}" if lang and field in _BILINGUAL else field
            columns.setdefault(key, i)
        if any(k.startswith("inject") for k in columns):
            return r, columns
    raise ValueError(f"{path}: row 1: no header row found: expected columns such as "
                     "Event No., Delivery Method, From, To, Inject, Expected Player Action, Controller Notes")


def _field(name: str) -> str | None:
    for field, names in _ALIASES.items():
        if name in names:
            return field
    return None


def _inject(path: Path, n: int, cells: dict[str, str], columns: dict[str, int],
            header: list[str], guarded: bool) -> tuple[dict[str, Any], Any]:
    def where(key: str) -> str:
        for k in (key, f"{key}_nl", f"{key}_en"):
            if k in columns:
                i = columns[k]
                return repr(header[i]) if i < len(header) else k
        return repr(HEADERS.get(key, key))

    def fail(key: str, message: str) -> ValueError:
        return ValueError(f"{path}: row {n}, column {where(key)}: {message}")

    def get(key: str) -> str:
        v = cells.get(key, "")
        return unguard(v) if guarded else v

    def both(key: str, required: bool = True) -> dict[str, str] | None:
        nl, en, one = get(f"{key}_nl").strip(), get(f"{key}_en").strip(), get(key).strip()
        nl, en = nl or one or en, en or one or nl
        if not nl:
            if required:
                raise fail(key, "empty; this field is required")
            return None
        return {"nl": nl, "en": en}

    def integer(key: str, default: int | None) -> int | None:
        v = get(key).strip().replace("−", "-")
        if not v:
            if default is None:
                raise fail(key, "empty; a whole number is required")
            return default
        try:
            return int(float(v)) if re.fullmatch(r"[-+]?\d+(\.0+)?", v) else int(v)
        except ValueError:
            raise fail(key, f"{v!r} is not a whole number") from None

    # title and briefing: separate title columns, or the inject text's first paragraph
    texts = both("inject")
    assert texts is not None
    titles = both("title", required=False)
    title: dict[str, str] = {}
    briefing: dict[str, str] = {}
    for lang in ("nl", "en"):
        text = texts[lang].replace("\r\n", "\n").strip()
        if titles:
            title[lang], briefing[lang] = titles[lang], text
        else:
            head, sep, rest = text.partition("\n\n")
            if not sep:
                head, sep, rest = text.partition("\n")
            if not rest.strip():
                raise fail("inject", "write the title on the first line, then a blank line, then the inject text")
            title[lang], briefing[lang] = head.strip(), rest.strip()

    delivery_raw = get("delivery").strip()
    delivery = _delivery(delivery_raw)
    if delivery is None:
        known = ", ".join(DELIVERY_NAMES[d][1] for d in DELIVERIES)
        raise fail("delivery", f"{delivery_raw!r} is not a delivery method; use one of: {known}")

    questions: list[dict[str, str]] = []
    qs = both("questions")
    assert qs is not None
    nl_q, en_q = _lines(qs["nl"]), _lines(qs["en"])
    if len(nl_q) != len(en_q):
        raise fail("questions", f"{len(nl_q)} Dutch and {len(en_q)} English questions; give them in pairs, one a line")
    questions = [{"nl": a, "en": b} for a, b in zip(nl_q, en_q, strict=True)]

    targets = [x for x in re.split(r"[,;\n]+", get("to")) if x.strip()]
    targets = [x.strip().lower() for x in targets] or ["all"]

    inj: dict[str, Any] = {"id": get("id").strip()}
    scenario = get("scenario").strip()
    if scenario:
        inj["scenario"] = scenario
    inj["title"] = title
    inj["briefing"] = briefing
    date = get("date").strip()
    if not date:
        raise fail("date", "empty; give the in-world date as YYYY, YYYY-MM or YYYY-MM-DD")
    inj["date"] = date
    label = both("date_label", required=False)
    if label:
        inj["date_label"] = label
    inj["delivery"] = delivery
    inj["sender"] = both("from")
    inj["targets"] = targets
    inj["minutes"] = integer("minutes", 15)
    inj["facilitator_notes"] = both("notes", required=False) or {"nl": "—", "en": "—"}
    inj["questions"] = questions
    push = {"erosion": integer("push_erosion", 0), "rapprochement": integer("push_rapprochement", 0)}
    if push["erosion"] or push["rapprochement"]:
        inj["push"] = push
    def json_list(column: str, what: str) -> list[Any] | None:
        """A column holding a JSON list, as an export writes it (None when empty)."""
        cell = get(column).strip()
        if not cell:
            return None
        try:
            parsed = json.loads(cell)
        except json.JSONDecodeError as exc:
            raise fail(column, f"not the JSON list an export writes: {exc.msg}") from None
        if not isinstance(parsed, list):
            raise fail(column, f"expected a JSON list of {what}")
        return parsed

    options = json_list("options", "options")
    if options is not None:
        inj["options"] = options
    private = get("private").strip().lower()
    if private not in _YES_NO:
        raise fail("private", f"{private!r}: write yes or no")
    if private in _YES:
        inj["private"] = True
    after = [x.strip() for x in re.split(r"[,;\s]+", get("after")) if x.strip()]
    if after:
        inj["after"] = after
    tracks = json_list("tracks", "track pushes")
    if tracks is not None:
        inj["tracks"] = tracks
    cell = get("cell").strip()
    if cell:
        inj["cell"] = cell
    section, quote = get("source_section").strip(), get("source_quote").strip()
    extrapolated = get("extrapolated").strip().lower()
    if extrapolated not in _YES_NO:
        raise fail("extrapolated", f"{extrapolated!r}: write yes or no")
    if section and quote:
        inj["source"] = {"section": section, "quote": quote, "extrapolated": extrapolated in _YES}
    elif section or quote:
        raise fail("source_section" if not section else "source_quote", "give both the source section and quote")
    else:  # a planner's own event: say so, rather than pretend it comes from the seed
        inj["source"] = {"section": "MSEL", "quote": f"{path.name}, row {n}", "extrapolated": True}

    check = dict(inj)
    if not check["id"]:
        check["id"] = "msel-check"
    try:
        validate(Inject, check)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = [p for p in err["loc"] if isinstance(p, str)]
        field = {"title": "inject", "briefing": "inject", "sender": "from", "facilitator_notes": "notes",
                 "questions": "questions", "targets": "to", "push": "push_erosion",
                 "source": "source_section", "date_label": "date_label"}.get(loc[0] if loc else "",
                                                                              loc[0] if loc else "id")
        if loc and loc[0] == "push" and "rapprochement" in loc:
            field = "push_rapprochement"
        raise fail(field, f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}") from None
    return inj, where


_YES = ("yes", "true", "ja", "1", "y")
_YES_NO = ("", "no", "false", "nee", "0", "n", *_YES)


def _version(path: Path, n: int, team: str, row: dict[str, Any], own: dict[str, Any], fields: str,
             where: Any) -> dict[str, Any]:
    """The version a version row describes: the fields its "Version Fields" names, or (none named) the
    fields in which it differs from the inject's own row."""
    names = [f.strip().lower() for f in re.split(r"[,;\s]+", fields) if f.strip()]
    for name in names:
        if name not in VERSION_FIELDS:
            raise ValueError(f"{path}: row {n}, column {where('version_fields')}: {name!r} is not a field a version "
                             f"sets; use {', '.join(VERSION_FIELDS)}")
    if not names:
        names = [f for f in VERSION_FIELDS if row.get(f) != own.get(f)]
    version: dict[str, Any] = {"team": team}
    for f in VERSION_FIELDS:
        if f in names:
            version[f] = row[f]
    if row.get("private"):
        version["private"] = True
    return version


def _lines(text: str) -> list[str]:
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        line = re.sub(r"^(?:[-•*–]\s+|\d+[.)]\s+)", "", line, count=1)
        out.append(line)
    return out


def _delivery(value: str) -> str | None:
    key = _norm(value)
    for d in DELIVERIES:
        if key in (_norm(d), _norm(DELIVERY_NAMES[d][0]), _norm(DELIVERY_NAMES[d][1])):
            return d
    aliases = {"news": "news_flash", "flash": "news_flash", "intel": "intel_brief", "intelligence": "intel_brief",
               "email": "cable", "memo": "cable", "phone": "call", "phonecall": "call", "telephone": "call",
               "press": "press_conference", "social": "social_post", "socialmedia": "social_post",
               "tweet": "social_post"}
    return aliases.get(key)


def _new_id(inj: dict[str, Any], used: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", inj["title"]["en"].lower()).strip("-")[:50].strip("-") or "inject"
    base = f"msel-{slug}"
    iid, k = base, 2
    while iid in used:
        iid = f"{base}-{k}"
        k += 1
    return iid
