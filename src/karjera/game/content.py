"""The game's content, read from data/game/*.yaml and checked all at once (pure: no Django import).

Files: icons.yaml (hand-drawn SVG shapes), subjects.yaml, workplaces.yaml, professions.yaml and
activities.yaml (the teachers' follow-up activities, one per round kind). Every
problem is reported with its file and field, for example ``professions.yaml[3].tools: needs exactly 3
tools, found 2``; :func:`load` raises :class:`ContentError` listing all of them.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ("lv", "en")
TOOLS_PER_PROFESSION = 3
MIN_DOES, MIN_DOES_NOT = 1, 2
MIN_PROFESSIONS = 4
ICON_MAX_CHARS = 1200
KEY = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SVG_NS = "http://www.w3.org/2000/svg"
ICON_ELEMENTS = {"path", "rect", "circle", "ellipse", "line", "polygon", "polyline", "g"}
ICON_ATTRIBUTES = {
    "d", "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2", "points",
    "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "transform", "opacity",
}


class ContentError(ValueError):
    """The content files are not usable; ``problems`` lists every one found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("game content has problems:\n" + "\n".join(f"- {p}" for p in problems))


@dataclass(frozen=True)
class Text:
    lv: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.lv


@dataclass(frozen=True)
class Named:
    """A workplace or a school subject."""

    key: str
    name: Text
    icon: str


@dataclass(frozen=True)
class Tool:
    name: Text
    icon: str | None


@dataclass(frozen=True)
class Profession:
    id: str
    occupation: str
    name: Text
    workplace: str
    also_works_in: tuple[str, ...]
    tools: tuple[Tool, ...]
    does: tuple[Text, ...]
    does_not: tuple[Text, ...]
    subject: str
    also_helps: tuple[str, ...]
    why: Text

    @property
    def workplaces(self) -> frozenset[str]:
        return frozenset((self.workplace, *self.also_works_in))

    @property
    def helpful_subjects(self) -> frozenset[str]:
        return frozenset((self.subject, *self.also_helps))


@dataclass(frozen=True)
class Activity:
    kind: str
    title: Text
    goal: Text
    minutes: int
    materials: Text
    steps: tuple[Text, ...]
    talk: tuple[Text, ...]


@dataclass(frozen=True)
class Content:
    professions: tuple[Profession, ...]
    workplaces: dict[str, Named]
    subjects: dict[str, Named]
    icons: dict[str, str]
    activities: tuple[Activity, ...] = ()

    def profession(self, profession_id: str) -> Profession:
        for p in self.professions:
            if p.id == profession_id:
                return p
        raise KeyError(profession_id)


# ---- reading ---------------------------------------------------------------------------------------


def _read(path: Path, problems: list[str], kind: type):
    if not path.exists():
        problems.append(f"{path.name}: file missing")
        return kind()
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        problems.append(f"{path.name}: not valid YAML: {exc}")
        return kind()
    if data is None:
        data = kind()
    if not isinstance(data, kind):
        problems.append(f"{path.name}: must be a {'list of entries' if kind is list else 'mapping'}")
        return kind()
    return data


def _text(value, where: str, problems: list[str]) -> Text | None:
    if not isinstance(value, dict) or not all(isinstance(value.get(l), str) and value[l].strip() for l in LANGUAGES):
        problems.append(f"{where}: needs non-empty 'lv' and 'en' texts")
        return None
    return Text(value["lv"].strip(), value["en"].strip())


def check_icon(key: str, markup, problems: list[str]) -> str | None:
    """An icon is a few SVG shapes: parse them and allow only plain shapes and presentation attributes."""
    where = f"icons.yaml[{key}]"
    if not KEY.match(str(key)):
        problems.append(f"{where}: icon names are lower-case letters, digits and '_'")
        return None
    if not isinstance(markup, str) or not markup.strip():
        problems.append(f"{where}: needs SVG shapes")
        return None
    markup = " ".join(markup.split())
    if len(markup) > ICON_MAX_CHARS:
        problems.append(f"{where}: {len(markup)} characters; keep an icon under {ICON_MAX_CHARS}")
        return None
    try:
        root = ET.fromstring(f'<svg xmlns="{SVG_NS}">{markup}</svg>')
    except ET.ParseError as exc:
        problems.append(f"{where}: not well-formed SVG: {exc}")
        return None
    ok = True
    for element in root.iter():
        if element is root:
            continue
        tag = element.tag.removeprefix("{" + SVG_NS + "}")
        if tag not in ICON_ELEMENTS:
            problems.append(f"{where}: element <{tag}> is not allowed (use {', '.join(sorted(ICON_ELEMENTS))})")
            ok = False
        for attribute in element.attrib:
            if attribute not in ICON_ATTRIBUTES:
                problems.append(f"{where}: attribute {attribute!r} on <{tag}> is not allowed")
                ok = False
        if (element.text or "").strip():
            problems.append(f"{where}: no text inside icons (the page gives each icon its name)")
            ok = False
    if len(root) == 0:
        problems.append(f"{where}: needs at least one shape")
        ok = False
    return markup if ok else None


def _named(rows: list, filename: str, icons: dict[str, str], problems: list[str]) -> dict[str, Named]:
    found: dict[str, Named] = {}
    for i, row in enumerate(rows):
        where = f"{filename}[{i}]"
        if not isinstance(row, dict):
            problems.append(f"{where}: must be a mapping with key, name and icon")
            continue
        key = row.get("key")
        if not isinstance(key, str) or not KEY.match(key):
            problems.append(f"{where}.key: missing or not a lower-case key")
            continue
        if key in found:
            problems.append(f"{where}.key: {key!r} appears twice")
            continue
        name = _text(row.get("name"), f"{where}.name", problems)
        icon = row.get("icon")
        if icon not in icons:
            problems.append(f"{where}.icon: no icon {icon!r} in icons.yaml")
        if name and icon in icons:
            found[key] = Named(key, name, icon)
    return found


def _keys(value, where: str, known: dict, what: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(f"{where}: must be a list of {what} keys")
        return ()
    for key in value:
        if key not in known:
            problems.append(f"{where}: no {what} {key!r}")
    return tuple(k for k in value if k in known)


def _profession(row, where: str, c: dict, problems: list[str]) -> Profession | None:
    before = len(problems)
    if not isinstance(row, dict):
        problems.append(f"{where}: must be a mapping")
        return None
    pid = row.get("id")
    if not isinstance(pid, str) or not KEY.match(pid):
        problems.append(f"{where}.id: missing or not a lower-case key")
    occupation = row.get("occupation")
    if not isinstance(occupation, str) or not UUID.match(occupation):
        problems.append(f"{where}.occupation: needs the id of a featured profession")
    elif c["featured"] is not None and occupation not in c["featured"]:
        problems.append(f"{where}.occupation: {occupation} is not a featured profession (data/featured)")
    name = _text(row.get("name"), f"{where}.name", problems)
    workplace = row.get("workplace")
    if workplace not in c["workplaces"]:
        problems.append(f"{where}.workplace: no workplace {workplace!r} in workplaces.yaml")
    also_works_in = _keys(row.get("also_works_in"), f"{where}.also_works_in", c["workplaces"], "workplace", problems)
    if workplace in also_works_in:
        problems.append(f"{where}.also_works_in: repeats the main workplace {workplace!r}")
    tools = []
    raw_tools = row.get("tools")
    if not isinstance(raw_tools, list) or len(raw_tools) != TOOLS_PER_PROFESSION:
        count = len(raw_tools) if isinstance(raw_tools, list) else 0
        problems.append(f"{where}.tools: needs exactly {TOOLS_PER_PROFESSION} tools, found {count}")
    else:
        for j, tool in enumerate(raw_tools):
            tw = f"{where}.tools[{j}]"
            if not isinstance(tool, dict):
                problems.append(f"{tw}: must be a mapping with name and icon")
                continue
            tname = _text(tool.get("name"), f"{tw}.name", problems)
            icon = tool.get("icon")
            if icon is not None and icon not in c["icons"]:
                problems.append(f"{tw}.icon: no icon {icon!r} in icons.yaml")
            if tname:
                tools.append(Tool(tname, icon))
        names = [t.name.lv for t in tools]
        if len(set(names)) != len(names):
            problems.append(f"{where}.tools: two tools have the same name")
    day = row.get("day") if isinstance(row.get("day"), dict) else {}
    lists = {}
    for part, least in (("does", MIN_DOES), ("does_not", MIN_DOES_NOT)):
        items = day.get(part)
        if not isinstance(items, list) or len(items) < least:
            problems.append(f"{where}.day.{part}: needs at least {least} statement(s) with lv and en")
            lists[part] = ()
            continue
        lists[part] = tuple(t for j, item in enumerate(items) if (t := _text(item, f"{where}.day.{part}[{j}]", problems)))
    every = [t.lv for t in lists["does"] + lists["does_not"]]
    if len(set(every)) != len(every):
        problems.append(f"{where}.day: the same statement appears twice")
    subject = row.get("subject")
    if subject not in c["subjects"]:
        problems.append(f"{where}.subject: no subject {subject!r} in subjects.yaml")
    also_helps = _keys(row.get("also_helps"), f"{where}.also_helps", c["subjects"], "subject", problems)
    if len(c["subjects"]) - len({subject, *also_helps}) < 2:
        problems.append(f"{where}.also_helps: leave at least 2 subjects that do not help, so a round has wrong answers")
    why = _text(row.get("why"), f"{where}.why", problems)
    if len(problems) > before:
        return None
    return Profession(pid, occupation, name, workplace, also_works_in, tuple(tools), lists["does"],
                      lists["does_not"], subject, also_helps, why)


ROUND_KINDS = ("workplace", "tools", "day", "subject")


def _activities(rows: list, problems: list[str]) -> tuple[Activity, ...]:
    found: dict[str, Activity] = {}
    for i, row in enumerate(rows):
        where = f"activities.yaml[{i}]"
        if not isinstance(row, dict) or row.get("kind") not in ROUND_KINDS:
            problems.append(f"{where}.kind: must be one of {', '.join(ROUND_KINDS)}")
            continue
        if row["kind"] in found:
            problems.append(f"{where}.kind: {row['kind']!r} already has an activity")
            continue
        before = len(problems)
        texts = {part: _text(row.get(part), f"{where}.{part}", problems) for part in ("title", "goal", "materials")}
        lists = {}
        for part in ("steps", "talk"):
            items = row.get(part)
            if not isinstance(items, list) or not items:
                problems.append(f"{where}.{part}: needs a list of lv and en texts")
                items = []
            lists[part] = tuple(t for j, item in enumerate(items) if (t := _text(item, f"{where}.{part}[{j}]", problems)))
        minutes = row.get("minutes")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 5 <= minutes <= 180:
            problems.append(f"{where}.minutes: a whole number of minutes from 5 to 180")
        if len(problems) == before:
            found[row["kind"]] = Activity(row["kind"], texts["title"], texts["goal"], minutes, texts["materials"],
                                          lists["steps"], lists["talk"])
    missing = [k for k in ROUND_KINDS if k not in found]
    if missing and not problems:
        problems.append(f"activities.yaml: no activity for {', '.join(missing)}")
    return tuple(found[k] for k in ROUND_KINDS if k in found)


def featured_ids(directory: Path) -> set[str]:
    """Occupation ids of the featured professions (data/featured/*.yaml)."""
    ids = set()
    for path in sorted(directory.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text("utf-8")) or []:
            if isinstance(entry, dict) and isinstance(entry.get("occupation"), str):
                ids.add(entry["occupation"])
    return ids


def load(directory: Path, featured_directory: Path | None = None) -> Content:
    """Read and check every file of ``directory``; with ``featured_directory`` also check that each
    profession is a featured one. Raises :class:`ContentError` with all problems found."""
    directory = Path(directory)
    problems: list[str] = []
    raw_icons = _read(directory / "icons.yaml", problems, dict)
    icons = {key: markup for key, value in raw_icons.items() if (markup := check_icon(key, value, problems))}
    # An icon with problems is reported once above; references to it must not repeat the error.
    known_icons = {**{k: "" for k in raw_icons}, **icons}
    subjects = _named(_read(directory / "subjects.yaml", problems, list), "subjects.yaml", known_icons, problems)
    workplaces = _named(_read(directory / "workplaces.yaml", problems, list), "workplaces.yaml", known_icons, problems)
    featured = featured_ids(Path(featured_directory)) if featured_directory else None
    context = {"icons": known_icons, "subjects": subjects, "workplaces": workplaces, "featured": featured}
    professions: list[Profession] = []
    seen_ids: dict[str, str] = {}
    seen_occupations: dict[str, str] = {}
    seen_tools: dict[frozenset, str] = {}
    for i, row in enumerate(_read(directory / "professions.yaml", problems, list)):
        where = f"professions.yaml[{i}]"
        profession = _profession(row, where, context, problems)
        if profession is None:
            continue
        if profession.id in seen_ids:
            problems.append(f"{where}.id: {profession.id!r} is already used by {seen_ids[profession.id]}")
            continue
        if profession.occupation in seen_occupations:
            problems.append(f"{where}.occupation: already in the game as {seen_occupations[profession.occupation]}")
            continue
        tool_set = frozenset(t.name.lv for t in profession.tools)
        if tool_set in seen_tools:
            problems.append(f"{where}.tools: the same three tools as {seen_tools[tool_set]}")
            continue
        seen_ids[profession.id] = seen_occupations[profession.occupation] = seen_tools[tool_set] = where
        professions.append(profession)
    if not problems and len(professions) < MIN_PROFESSIONS:
        problems.append(f"professions.yaml: needs at least {MIN_PROFESSIONS} professions, found {len(professions)}")
    for key, named in workplaces.items():
        if not problems and len([p for p in professions if key not in p.workplaces]) < 2:
            problems.append(f"workplaces.yaml[{key}]: at least 2 professions must work elsewhere, for wrong answers")
    activities = _activities(_read(directory / "activities.yaml", problems, list), problems)
    if problems:
        raise ContentError(problems)
    return Content(tuple(professions), workplaces, subjects, icons, activities)
