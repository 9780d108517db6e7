"""Compile security entries (``securities.yaml`` or a user alias file) into the matcher's form.

Called by ``hkwrap.data.build`` at ``make data`` time, and by ``table.py`` for user alias files
at run time. The output is plain JSON types, sorted, so the compiled copy is deterministic and
can be checked for staleness.

Compiled layout::

    {"records":  [{code, name, short, zh, zh_hans, aliases, type, board, indices, a_share,
                   us, rmb_counter, ambiguous, listed, delisted, context}, ...],  # by code
     "index":    {folded_alias: [[code, priority(, from, to)], ...]},  # lower priority wins
     "lower_ok": [folded_alias, ...],   # Latin aliases that may start with a small letter
     "blockers": [folded_word, ...]}    # market words that must never map to a security

An index pair carries ``from``/``to`` (ISO dates, either may be null) when the name meant that
code only for a time: the entry's ``listed``/``delisted`` dates, or a ``history`` item (a former
name of the code, or a name that moved to another code). Undated pairs are always valid.

Priorities: 0 the entry's own names and declared aliases, 1 generated aliases (suffix and
corporate words stripped, name plus suffix). User files use -1, so they override.

Chinese forms are converted Traditional -> Simplified character by character with the given
``t2s`` map, never by phrase.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from hkwrap.text.fold import make_table, to_simplified

PRIO_USER = -1
PRIO_OWN = 0
PRIO_AUTO = 1

CODE_RE = re.compile(r"^\d{5}$")

# HKEX short-name markers: W weighted voting rights, S secondary listing, B biotech (Ch. 18A),
# P specialist technology (Ch. 18C), R RMB counter, U USD counter. Longest first.
SUFFIXES = ("SW", "SS", "WP", "SP", "W", "S", "B", "P", "R", "U")
_SUFFIX_RE = re.compile(r"\s*[-－]\s*(?:" + "|".join(SUFFIXES) + r")\s*$", re.IGNORECASE)

# Corporate words dropped from the end of an English name to make a shorter alias.
_EN_CORP_RE = re.compile(
    r"(?:[\s,]+(?:holdings?|group|limited|ltd\.?|inc\.?|corp\.?|corporation|company|co\.?|plc|"
    r"incorporated|\(group\)|\(holdings\)))+$",
    re.IGNORECASE,
)
# A shortened name that ends in a joining word ("Wheelock and" from "Wheelock and Company").
_DANGLING_RE = re.compile(r"(?:\s&|\sand)$", re.IGNORECASE)
# The same for Chinese names (Traditional and Simplified).
_ZH_CORP_RE = re.compile(
    r"(?:控股|集團|集团|股份|有限|責任|责任|公司|\(集團\)|\(集团\)|（集團）|（集团）)+$"
)

# Generated aliases that would be too generic to mean one company.
class NotNames(NamedTuple):
    """Words that are never a security's name (``data/not_names.yaml``)."""

    generic: frozenset[str]  # a shortened name that is only this word is not an alias (casefolded)
    market: tuple[str, ...]  # blockers in the automaton: never map to a code (as written)


def not_names(section: Mapping[str, Any] | None = None) -> NotNames:
    """The never-a-name words from ``section`` (the YAML's form, when the data is built) or
    from the compiled data (a user alias file compiled at run time)."""
    if section is None:
        from hkwrap import data

        section = data.load().get("not_names") or {}
    return NotNames(
        frozenset(str(w).casefold() for w in section.get("generic") or ()),
        tuple(str(w) for w in section.get("market") or ()),
    )


def make_fold_map(t2s: Mapping[str, str]) -> dict[int, str]:
    """The same translation as ``hkwrap.text.fold`` but with the given T->S map: the build
    must not read the (possibly stale) compiled map."""
    return make_table(dict(t2s))


def _clean(s: Any) -> str:
    if s is None:
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(s))).strip()


def _has_cjk(s: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in s)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, int)):
        value = [value]
    return [_clean(v) for v in value if _clean(v)]


def split_suffix(name: str) -> tuple[str, str]:
    """``ALIBABA-SW`` -> (``ALIBABA``, ``SW``); a name without a marker keeps an empty suffix."""
    m = _SUFFIX_RE.search(name)
    if not m or m.start() == 0:
        return name, ""
    return name[: m.start()].rstrip(), re.sub(r"[\s\-－]", "", m.group(0)).upper()


def _pretty_short(short: str) -> str:
    """``ALIBABA`` -> ``Alibaba`` (for an alias display form only; matching ignores case)."""
    if not short or _has_cjk(short):
        return short
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in short.split())


def generated_aliases(entry: Mapping[str, Any], generic: frozenset[str]) -> list[str]:
    """Aliases derived from an entry's names: suffix or corporate words stripped, name+suffix.
    ``short_aliases: false`` in an entry keeps only the name+suffix forms (for small or former
    listings whose shortened names are everyday words: 超越 of 超越集團, 大中華 of 大中華控股).
    A form that is only one of the ``generic`` words (``NotNames.generic``) is never made."""
    if entry.get("short_aliases") is False:
        return _suffixed_only(entry)
    name = _clean(entry.get("name"))
    short = _clean(entry.get("short"))
    zh = _clean(entry.get("zh"))
    out: list[str] = []
    short_base, suffix = split_suffix(short) if short else ("", "")
    zh_base, zh_suffix = split_suffix(zh) if zh else ("", "")
    suffix = suffix or zh_suffix
    if short_base:
        out.append(_pretty_short(short_base))
    if zh_base and zh_base != zh:
        out.append(zh_base)
    for base in (name, zh_base):
        if not base:
            continue
        stripped = (_ZH_CORP_RE if _has_cjk(base) else _EN_CORP_RE).sub("", base).strip(" ,")
        if stripped and stripped != base and _acceptable(stripped, generic):
            out.append(stripped)
    if suffix:
        for base in (name, _pretty_short(short_base), zh_base):
            if base:
                out.append(f"{base}-{suffix}")
    return [a for a in dict.fromkeys(out) if _acceptable(a, generic)]


def _suffixed_only(entry: Mapping[str, Any]) -> list[str]:
    short = _clean(entry.get("short"))
    short_base, suffix = split_suffix(short) if short else ("", "")
    if not suffix:
        return []
    return [f"{base}-{suffix}" for base in (_clean(entry.get("name")), _pretty_short(short_base)) if base]


# A shortened former name is kept only when it is still a name: four Chinese characters or more,
# two Latin words or more (長江實業地產 -> 長江實業, not 超越集團 -> 超越).
HISTORY_BASE_MIN_CJK = 4


def _history_base(name: str, generic: frozenset[str]) -> str | None:
    if _has_cjk(name):
        base = _ZH_CORP_RE.sub("", name)
        return base if base != name and len(base) >= HISTORY_BASE_MIN_CJK and _acceptable(base, generic) else None
    base = _EN_CORP_RE.sub("", name).strip(" ,")
    ok = base != name and " " in base and _acceptable(base, generic) and not _DANGLING_RE.search(base)
    return base if ok else None


def _acceptable(alias: str, generic: frozenset[str]) -> bool:
    low = alias.casefold()
    if low in generic:
        return False
    if _has_cjk(alias):
        return len(alias) >= 2
    return len(re.sub(r"[^0-9a-z]", "", low)) >= 3


def normalize_entry(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Clean one entry (strings NFKC-normalised, lists deduplicated); ``code`` must be valid."""
    code = str(raw.get("code", "")).strip()
    if not CODE_RE.match(code):
        raise ValueError(f"bad code {raw.get('code')!r}: expected a 5-digit string like \"00700\"")
    out: dict[str, Any] = {"code": code}
    for key in ("name", "short", "zh", "type", "board", "a_share", "us", "rmb_counter", "home"):
        if raw.get(key) not in (None, ""):
            out[key] = _clean(raw[key])
    if raw.get("short_aliases") is False:
        out["short_aliases"] = False
    for key in ("aliases", "indices", "ambiguous", "context"):
        if raw.get(key):
            out[key] = list(dict.fromkeys(_as_list(raw[key])))
    rmb = out.get("rmb_counter")
    if rmb is not None and not CODE_RE.match(rmb):
        raise ValueError(f"bad rmb_counter {rmb!r} for {code}")
    for key, synonym in (("listed", "valid_from"), ("delisted", "valid_to")):
        value = raw.get(key) if raw.get(key) not in (None, "") else raw.get(synonym)
        if value not in (None, ""):
            out[key] = _iso(value, f"{key} of {code}")
    history = []
    for item in raw.get("history") or ():
        if not isinstance(item, Mapping):
            raise ValueError(f"bad history item of {code}: expected a mapping with name, zh, aliases, from, to")
        names = _as_list(item.get("aliases"))
        for key in ("name", "zh"):
            if item.get(key):
                names.insert(0, _clean(item[key]))
        span = tuple(
            _iso(item[k], f"history {k} of {code}") if item.get(k) not in (None, "") else None
            for k in ("from", "to")
        )
        if names:
            history.append({"names": list(dict.fromkeys(names)), "from": span[0], "to": span[1]})
    if history:
        out["history"] = history
    return out


_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso(value: Any, what: str) -> str:
    """A date written in YAML (a date object or ``YYYY-MM-DD``) as an ISO string."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    if not _ISO_RE.match(text):
        raise ValueError(f"bad date {value!r} for {what}: expected YYYY-MM-DD")
    return text


def merge_entries(base: Mapping[str, Any] | None, extra: Mapping[str, Any]) -> dict[str, Any]:
    """A user entry over a built-in one: scalars replace, alias lists are added to."""
    merged: dict[str, Any] = dict(base or {})
    for key, value in extra.items():
        if key in ("aliases", "indices", "ambiguous", "context"):
            merged[key] = list(dict.fromkeys([*merged.get(key, []), *value]))
        elif key == "history":
            merged[key] = [*merged.get(key, []), *value]
        else:
            merged[key] = value
    return merged


def compile_record(entry: Mapping[str, Any], t2s: Mapping[str, str]) -> dict[str, Any]:
    """One table record (display fields; Simplified forms derived)."""
    zh = entry.get("zh")
    if zh:
        zh_base, _ = split_suffix(zh)
    aliases: list[str] = []
    for alias in entry.get("aliases", []):
        aliases.append(alias)
        if _has_cjk(alias):
            aliases.append(to_simplified(alias, t2s))
        elif " & " in alias or " and " in alias:
            # "Hong Kong and China Gas" is written "Hong Kong & China Gas" as often, and back
            aliases.append(alias.replace(" & ", " and ") if " & " in alias else alias.replace(" and ", " & "))
    short = entry.get("short")
    name = entry.get("name") or (_pretty_short(split_suffix(short)[0]) if short else None)
    return {
        "code": entry["code"],
        "name": name,
        "short": short,
        "zh": zh_base if zh else None,
        "zh_hans": to_simplified(zh_base, t2s) if zh else None,
        "aliases": sorted(set(aliases)),
        "type": entry.get("type", "equity"),
        "board": entry.get("board", "main"),
        "indices": sorted(set(entry.get("indices", []))),
        "a_share": entry.get("a_share"),
        "us": entry.get("us"),
        "rmb_counter": entry.get("rmb_counter"),
        "ambiguous": sorted(set(entry.get("ambiguous", []))),
        # only when set, so the compiled copy of a plain entry stays as it was
        **{k: entry[k] for k in ("listed", "delisted", "home") if entry.get(k)},
        **({"context": list(entry["context"])} if entry.get("context") else {}),
        **({"history": list(entry["history"])} if entry.get("history") else {}),
    }


Span = tuple[str | None, str | None]  # (from, to) ISO dates; (None, None) = always


def _within(outer: Span, inner: Span) -> Span:
    """``inner`` cut to ``outer`` (a history name cannot outlive the listing)."""
    lo = max((d for d in (outer[0], inner[0]) if d), default=None)
    hi = min((d for d in (outer[1], inner[1]) if d), default=None)
    return lo, hi


def dated_forms(
    entry: Mapping[str, Any],
    record: Mapping[str, Any],
    own_priority: int = PRIO_OWN,
    words: NotNames | None = None,
) -> list[tuple[str, int, Span]]:
    """Every written form to index for an entry (before folding), with its priority and the
    span it meant this code: the listing's dates for the entry's own names, a history item's
    dates (within the listing) for a former name. ``words``: the never-a-name words (read
    from the compiled data when not given)."""
    generic = (words or not_names()).generic
    listing: Span = (entry.get("listed"), entry.get("delisted"))
    forms: list[tuple[str, int, Span]] = []
    for value in (entry.get("name"), entry.get("short"), entry.get("zh"), record.get("zh"),
                  record.get("zh_hans"), *record.get("aliases", [])):
        if value:
            forms.append((value, own_priority, listing))
    for alias in generated_aliases(entry, generic):  # generated forms never override anything
        forms.append((alias, PRIO_AUTO, listing))
    for item in entry.get("history") or ():
        span = _within(listing, (item.get("from"), item.get("to")))
        for name in item["names"]:
            forms.append((name, own_priority, span))
            base = _history_base(name, generic) if entry.get("short_aliases") is not False else None
            if base:
                forms.append((base, PRIO_AUTO, span))
    return forms


def _latin_lower_start(form: str) -> bool:
    return bool(form) and "a" <= form[0] <= "z"


def add_to_index(
    index: dict[str, dict[str, int]],
    lower_ok: set[str],
    code: str,
    forms: Iterable[tuple[str, int] | tuple[str, int, Span]],
    fold_map: Mapping[int, str],
    t2s: Mapping[str, str],
    spans: dict[tuple[str, str], Span | None] | None = None,
) -> None:
    """Put folded forms (and their character-by-character Simplified twins) into ``index``;
    dated forms record their span in ``spans`` (None there: the form is also undated)."""
    for form, prio, *rest in forms:
        span: Span = rest[0] if rest else (None, None)
        for variant in {form, to_simplified(form, t2s)}:
            key = variant.translate(fold_map).strip()
            if not key or key.isdigit():
                continue
            codes = index.setdefault(key, {})
            codes[code] = min(prio, codes.get(code, prio))
            if spans is not None:
                _add_span(spans, (key, code), span)
            if _latin_lower_start(variant):
                lower_ok.add(key)


def _add_span(spans: dict[tuple[str, str], Span | None], at: tuple[str, str], span: Span) -> None:
    if at in spans and spans[at] is None:
        return  # already valid at every date
    if span == (None, None):
        spans[at] = None
        return
    old = spans.get(at)
    if old is None:
        spans[at] = span
        return
    # two spans for one name and code: their hull (a gap between them is rare and harmless)
    lo = None if old[0] is None or span[0] is None else min(old[0], span[0])
    hi = None if old[1] is None or span[1] is None else max(old[1], span[1])
    spans[at] = (lo, hi)


def index_pair(code: str, prio: int, span: Span | None) -> list[Any]:
    """``[code, priority]``, or ``[code, priority, from, to]`` for a dated name."""
    return [code, prio] if span is None else [code, prio, span[0], span[1]]


def compile_table(
    entries: list[dict], t2s: dict[str, str], words: NotNames | None = None
) -> dict:
    """Compile ``securities.yaml`` entries into the JSON form the runtime table loads.
    ``words``: the never-a-name words (``not_names``; the compiled data's when not given)."""
    words = words or not_names()
    fold_map = make_fold_map(t2s)
    by_code: dict[str, dict[str, Any]] = {}
    for raw in entries or []:
        entry = normalize_entry(raw)
        by_code[entry["code"]] = merge_entries(by_code.get(entry["code"]), entry)
    records: list[dict[str, Any]] = []
    index: dict[str, dict[str, int]] = {}
    spans: dict[tuple[str, str], Span | None] = {}
    lower_ok: set[str] = set()
    for code in sorted(by_code):
        entry = by_code[code]
        record = compile_record(entry, t2s)
        records.append(record)
        add_to_index(index, lower_ok, code, dated_forms(entry, record, words=words), fold_map, t2s, spans)
    blockers = sorted({w.translate(fold_map) for w in words.market if w})
    for word in blockers:  # a market word never maps, even when a data file lists it
        index.pop(word, None)
    return {
        "records": records,
        "index": {
            key: sorted((index_pair(c, p, spans.get((key, c))) for c, p in codes.items()),
                        key=lambda cp: (cp[1], cp[0]))
            for key, codes in sorted(index.items())
        },
        "lower_ok": sorted(lower_ok),
        "blockers": blockers,
    }
