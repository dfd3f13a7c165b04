"""Instruments as data: load, validate and index the versioned definition files.

A content owner adds or revises a test by adding a file `instruments/<slug>/<version>.yaml`;
no code changes. Errors name the file and the field so that the owner can fix them alone.
This module has no Django import: it is used by the engine, the tests and the tooling alike.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import jsonschema
import yaml

INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"
SCHEMA = json.loads((Path(__file__).resolve().parent / "instrument_schema.json").read_text("utf-8"))
LANGUAGES = ("lv", "en")


class InstrumentError(ValueError):
    """A definition file is malformed; the message names the file and the field."""


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _path(error_path) -> str:
    out = ""
    for part in error_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


@dataclass(frozen=True)
class Instrument:
    """One version of one test, exactly as its file defines it."""

    data: dict = field(repr=False)

    @property
    def slug(self) -> str:
        return self.data["slug"]

    @property
    def version(self) -> str:
        return self.data["version"]

    @property
    def scoring(self) -> str:
        return self.data["scoring"]

    @property
    def minutes(self) -> int:
        return self.data["minutes"]

    def text(self, key: str, language: str) -> str:
        return self.data[key][language]

    @property
    def is_best_worst(self) -> bool:
        return self.data["scoring"] == "best_worst"

    @cached_property
    def statements(self) -> list[dict]:
        """The statements a best-worst test weighs (its `items` in the file)."""
        return list(self.data["items"])

    @cached_property
    def statement_index(self) -> dict[str, dict]:
        return {s["id"]: s for s in self.data["items"]}

    @cached_property
    def items(self) -> list[dict]:
        """What a pupil answers, in order: the file's items, or for a best-worst test its screens."""
        if self.scoring == "irt":
            slots = [self.slot(st["code"], n) for st in self.data["subtests"] for n in range(st["items"])]
            return [*self.data["items"], *slots]  # the pupil's own estimates first, then the subtests
        if self.is_best_worst:
            from .scoring.design import projective_plane_order_4

            ids = [s["id"] for s in self.data["items"]]
            prompt = self.data.get("prompt") or self.data["instructions"]
            return [
                {"id": f"B{n:02d}", "statements": [ids[p] for p in block], "text": prompt}
                for n, block in enumerate(projective_plane_order_4(), start=1)
            ]
        items = list(self.data["items"])
        if self.data.get("presentation") == "interleave_scales":
            by_scale: dict[str, list[dict]] = {}
            for item in items:
                by_scale.setdefault(item["scale"], []).append(item)
            queues = [by_scale[s["code"]] for s in self.data["scales"] if s["code"] in by_scale]
            items = [q[i] for i in range(max(map(len, queues))) for q in queues if i < len(q)]
        return items

    @cached_property
    def item_index(self) -> dict[str, dict]:
        return {item["id"]: item for item in self.items}

    @cached_property
    def option_values(self) -> frozenset[int]:
        if self.is_best_worst:
            from .scoring.best_worst import VALID_CODES

            return VALID_CODES
        return frozenset(o["value"] for o in self.data["response"]["options"])

    def options(self, language: str) -> list[dict]:
        return [{"value": o["value"], "label": o["label"][language]} for o in self.data["response"]["options"]]

    def subtest(self, code: str) -> dict:
        return next(st for st in self.data["subtests"] if st["code"] == code)

    def slot(self, subtest: str, position: int) -> dict:
        """The item at one position of a subtest; its content is generated per session."""
        st = self.subtest(subtest)
        return {
            "id": f"{subtest}-{position + 1:02d}",
            "subtest": subtest,
            "position": position,
            "text": st.get("name", {"lv": "", "en": ""}),
        }

    @property
    def adaptive(self) -> dict | None:
        """The adaptive mode's settings (stop rule, exposure control), when the test offers one."""
        return self.data.get("adaptive") if self.scoring == "irt" else None

    @cached_property
    def pool_index(self) -> dict[str, dict]:
        """Every item an adaptive session may be given: each subtest's pool, or its fixed items."""
        index = {item["id"]: item for item in self.data["items"]}
        for st in self.data.get("subtests", []):
            size = st.get("adaptive", {}).get("pool", st["items"])
            for n in range(size):
                slot = self.slot(st["code"], n)
                index[slot["id"]] = slot
        return index

    def generated(self, item: dict, seed: str):
        """The session's own version of a subtest item (prompt, options, key, 2PL parameters)."""
        from .scoring.generators import GENERATORS, Generated, rng_for

        if item["subtest"] == "verbal":
            bank = list(self.data["verbal_items"])
            rng_for(seed, "verbal", 0).shuffle(bank)
            chosen = bank[item["position"] % len(bank)]
            return Generated(chosen["text"], [dict(zip(("lv", "en"), pair)) for pair in zip(chosen["options"]["lv"], chosen["options"]["en"])], chosen["key"], 1.2, float(chosen["b"]))
        return GENERATORS[item["subtest"]](seed, item["position"])

    def values_for(self, item: dict) -> frozenset[int]:
        """The answer values one item accepts."""
        if self.scoring == "irt" and "subtest" in item:
            count = 2 if item["subtest"] == "speed" else 4
            return frozenset(range(count))
        return self.option_values

    def options_for(self, item: dict, language: str, seed: str | None = None) -> list[dict]:
        """Answer options of one item; on a best-worst screen, every (most, least) pair as one value;
        for a generated ability item, the session's own options (never which one is right)."""
        if self.scoring == "irt" and "subtest" in item:
            generated = self.generated(item, seed or "")
            return [
                {"value": n, "label": o.get(language, "") if "svg" not in o else "", "svg": o.get("svg", "")}
                if isinstance(o, dict)
                else {"value": n, "label": str(o), "svg": ""}
                for n, o in enumerate(generated.options)
            ]
        if not self.is_best_worst:
            return self.options(language)
        from .scoring.best_worst import encode

        labels = {o["value"]: o["label"][language] for o in self.data["response"]["options"]}
        texts = [self.statement_index[s]["text"][language] for s in item["statements"]]
        return [
            {"value": encode(b, w), "label": f"{labels[1]}: {texts[b]} · {labels[-1]}: {texts[w]}"}
            for b in range(len(texts))
            for w in range(len(texts))
            if b != w
        ]

    def scale_name(self, code: str, language: str) -> str:
        return next(s["name"][language] for s in self.data["scales"] if s["code"] == code)

    def field_name(self, code: str, language: str) -> str:
        return next((f["name"][language] for f in self.data.get("fields", []) if f["code"] == code), code)


def validate(data: object, source: str) -> Instrument:
    """Check a parsed definition against the schema and its own cross-references."""
    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        raise InstrumentError(f"{source}: {_path(err.absolute_path)}: {err.message}")
    assert isinstance(data, dict)
    scale_codes = [s["code"] for s in data["scales"]]
    if len(set(scale_codes)) != len(scale_codes):
        raise InstrumentError(f"{source}: scales: duplicate scale code")
    field_codes = {f["code"] for f in data.get("fields", [])}
    seen: set[str] = set()
    for i, item in enumerate(data["items"]):
        if item["id"] in seen:
            raise InstrumentError(f"{source}: items[{i}].id: duplicate item id {item['id']!r}")
        seen.add(item["id"])
        if item["scale"] not in scale_codes:
            raise InstrumentError(f"{source}: items[{i}].scale: unknown scale {item['scale']!r}")
        if "field" in item and field_codes and item["field"] not in field_codes:
            raise InstrumentError(f"{source}: items[{i}].field: unknown field {item['field']!r}")
    values = [o["value"] for o in data["response"]["options"]]
    if len(set(values)) != len(values):
        raise InstrumentError(f"{source}: response.options: duplicate value")
    if data["scoring"] == "riasec":
        _check_riasec(data, source)
    if data["scoring"] == "best_worst":
        _check_best_worst(data, source)
    if data["scoring"] == "card_sort":
        _check_card_sort(data, source)
    if data["scoring"] == "irt":
        _check_irt(data, source)
    return Instrument(data)


def _check_irt(data: dict, source: str) -> None:
    from .scoring.generators import GENERATORS

    codes = [s["code"] for s in data["scales"]]
    for i, st in enumerate(data.get("subtests") or []):
        if st["code"] not in codes:
            raise InstrumentError(f"{source}: subtests[{i}].code: unknown scale {st['code']!r}")
        if st["code"] != "verbal" and st["code"] not in GENERATORS:
            raise InstrumentError(f"{source}: subtests[{i}].code: no generator for {st['code']!r}")
    if not data.get("subtests"):
        raise InstrumentError(f"{source}: subtests: an ability test needs subtests")
    if any(st["code"] == "verbal" for st in data["subtests"]) and not data.get("verbal_items"):
        raise InstrumentError(f"{source}: verbal_items: the verbal subtest needs written items")
    for i, st in enumerate(data["subtests"]):
        rule = st.get("adaptive")
        if rule is None:
            continue
        if not data.get("adaptive"):
            raise InstrumentError(f"{source}: subtests[{i}].adaptive: the file has no top-level adaptive settings")
        if not rule["min_items"] <= rule["max_items"] <= rule["pool"]:
            raise InstrumentError(f"{source}: subtests[{i}].adaptive: needs min_items <= max_items <= pool")
        if st["code"] == "verbal" and rule["pool"] > len(data["verbal_items"]):
            raise InstrumentError(
                f"{source}: subtests[{i}].adaptive.pool: only {len(data['verbal_items'])} written verbal items"
            )
    if data.get("adaptive") and not any("adaptive" in st for st in data["subtests"]):
        raise InstrumentError(f"{source}: adaptive: no subtest has an adaptive pool")
    interp = data["interpretation"]
    for key in ("about", "how_to_read", "provisional"):
        _require_text(interp.get(key), f"{source}: interpretation.{key}")
    for lvl in ("below_average", "average", "above_average"):
        _require_text(interp.get("levels", {}).get(lvl), f"{source}: interpretation.levels.{lvl}")
    for code in codes:
        _require_text(interp.get("abilities", {}).get(code), f"{source}: interpretation.abilities.{code}")


def _check_card_sort(data: dict, source: str) -> None:
    if sorted(o["value"] for o in data["response"]["options"]) != [0, 1, 2]:
        raise InstrumentError(f"{source}: response.options: a card sort needs 0 (dislike), 1 (not sure) and 2 (like)")
    for i, item in enumerate(data["items"]):
        if not item.get("occupation"):
            raise InstrumentError(f"{source}: items[{i}].occupation: every card names an occupation")
    interp = data["interpretation"]
    for key in ("about", "how_to_read"):
        _require_text(interp.get(key), f"{source}: interpretation.{key}")
    for flag in ("few_likes", "liked_everything", "disagrees", "agrees"):
        _require_text(interp.get("flags", {}).get(flag), f"{source}: interpretation.flags.{flag}")


def _check_best_worst(data: dict, source: str) -> None:
    if len(data["items"]) != 21:
        raise InstrumentError(f"{source}: items: a best-worst test needs 21 statements for its balanced design")
    if sorted(o["value"] for o in data["response"]["options"]) != [-1, 1]:
        raise InstrumentError(f"{source}: response.options: a best-worst test needs the values 1 (most) and -1 (least)")
    interp = data["interpretation"]
    for key in ("about", "how_to_read"):
        _require_text(interp.get(key), f"{source}: interpretation.{key}")
    for scale in data["scales"]:
        for part in ("title", "short", "description", "environments"):
            _require_text(interp.get("values", {}).get(scale["code"], {}).get(part), f"{source}: interpretation.values.{scale['code']}.{part}")
    for flag in ("inconsistent", "close_top"):
        _require_text(interp.get("flags", {}).get(flag), f"{source}: interpretation.flags.{flag}")


def _check_riasec(data: dict, source: str) -> None:
    codes = [s["code"] for s in data["scales"]]
    if codes != list("RIASEC"):
        raise InstrumentError(f"{source}: scales: riasec scoring needs the scales R, I, A, S, E, C in that order")
    interp = data["interpretation"]
    for key in ("about", "how_to_read", "types", "pairs", "consistency", "elevation", "differentiation", "flags"):
        if key not in interp:
            raise InstrumentError(f"{source}: interpretation.{key}: missing")
    for code in codes:
        for part in ("title", "short", "description", "environments"):
            text = interp["types"].get(code, {}).get(part)
            _require_text(text, f"{source}: interpretation.types.{code}.{part}")
    for a in range(6):
        for b in range(a + 1, 6):
            pair = codes[a] + codes[b]
            _require_text(interp["pairs"].get(pair), f"{source}: interpretation.pairs.{pair}")
    for group, keys in {
        "consistency": ("adjacent", "alternate", "opposite"),
        "elevation": ("low", "medium", "high"),
        "differentiation": ("low", "medium", "high"),
        "flags": ("identical_answers", "flat_profile", "tie"),
    }.items():
        for key in keys:
            _require_text(interp[group].get(key), f"{source}: interpretation.{group}.{key}")
    if not any("field" in item for item in data["items"]):
        return
    for i, item in enumerate(data["items"]):
        if "field" not in item:
            raise InstrumentError(f"{source}: items[{i}].field: missing (every item needs an education field)")


def _require_text(value: object, where: str) -> None:
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES):
        raise InstrumentError(f"{where}: needs non-empty 'lv' and 'en' texts")


def load_file(path: Path) -> Instrument:
    source = f"{path.parent.name}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise InstrumentError(f"{source}: not valid YAML: {exc}") from exc
    instrument = validate(data, source)
    if instrument.slug != path.parent.name:
        raise InstrumentError(f"{source}: slug: {instrument.slug!r} does not match its folder {path.parent.name!r}")
    if instrument.version != path.stem:
        raise InstrumentError(f"{source}: version: {instrument.version!r} does not match the file name")
    return instrument


def load_all(directory: Path = INSTRUMENTS_DIR) -> dict[str, list[Instrument]]:
    """Every version of every instrument, oldest first."""
    found: dict[str, list[Instrument]] = {}
    for path in sorted(directory.glob("*/*.yaml")):
        instrument = load_file(path)
        found.setdefault(instrument.slug, []).append(instrument)
    for versions in found.values():
        versions.sort(key=lambda i: _version_key(i.version))
    return found


def latest(directory: Path = INSTRUMENTS_DIR) -> dict[str, Instrument]:
    return {slug: versions[-1] for slug, versions in load_all(directory).items()}
