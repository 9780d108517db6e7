"""The security table: records by code, aliases by folded form, user alias files on top.

The built-in part comes from ``securities.json`` (no YAML at run time). User alias files
(``--aliases FILE.yaml`` and ``$XDG_CONFIG_HOME/hkwrap/aliases.yaml``) add to or override it;
only then is PyYAML imported. A user file is either a list of entries in the
``securities.yaml`` format (only ``code`` required) or a mapping ``"00700": [alias, ...]``.
"""

from __future__ import annotations

import gc
import marshal
import os
import sys
import zlib
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from hkwrap import data
from hkwrap.errors import DataFileError

if TYPE_CHECKING:
    from hkwrap.securities import build
    from hkwrap.securities.matcher import Matcher


class SecurityRecord(NamedTuple):
    """One HK-listed security. ``name_zh`` is Traditional, ``name_zh_hans`` Simplified. (A
    named tuple: a frozen dataclass of 16 fields costs ~1 ms of every start to define.)"""

    code: str
    name: str | None
    short: str | None
    name_zh: str | None
    name_zh_hans: str | None
    aliases: tuple[str, ...]
    type: str = "equity"
    board: str = "main"
    indices: tuple[str, ...] = ()
    a_share: str | None = None
    us: str | None = None
    rmb_counter: str | None = None
    ambiguous: tuple[str, ...] = ()
    listed: str | None = None  # ISO date, when the table knows it (set for dated entries)
    delisted: str | None = None
    context: tuple[str, ...] = ()  # words that pick this code for a name shared with another
    home: str | None = None  # the market of its primary listing, when that is not Hong Kong

    @classmethod
    def from_compiled(cls, rec: Mapping[str, Any]) -> SecurityRecord:
        return cls(
            code=rec["code"],
            name=rec.get("name"),
            short=rec.get("short"),
            name_zh=rec.get("zh"),
            name_zh_hans=rec.get("zh_hans"),
            aliases=tuple(rec.get("aliases") or ()),
            type=rec.get("type") or "equity",
            board=rec.get("board") or "main",
            indices=tuple(rec.get("indices") or ()),
            a_share=rec.get("a_share"),
            us=rec.get("us"),
            rmb_counter=rec.get("rmb_counter"),
            ambiguous=tuple(rec.get("ambiguous") or ()),
            listed=rec.get("listed"),
            delisted=rec.get("delisted"),
            context=tuple(rec.get("context") or ()),
            home=rec.get("home"),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types (what ``hkwrap lookup`` prints)."""
        return {
            "code": self.code,
            "name": self.name,
            "short": self.short,
            "name_zh": self.name_zh,
            "name_zh_hans": self.name_zh_hans,
            "aliases": list(self.aliases),
            "type": self.type,
            "board": self.board,
            "indices": list(self.indices),
            "a_share": self.a_share,
            "us": self.us,
            "rmb_counter": self.rmb_counter,
            "listed": self.listed,
            "delisted": self.delisted,
        }


class AliasPatterns(NamedTuple):
    """What the alias automaton is built from: its keys in order, each key's current codes
    (``()`` for a market-word blocker), whether it must start with a capital in the text (a
    key not in ``lower_ok``), and the indexes of keys dated for some code. Worked out once
    per table: the built-in table's are in ``securities.json`` (``make data``), and a user
    table keeps its own in its cache file, so a run need not resolve 7,000 keys again.

    The keys are longest first (then in code-point order): an automaton that reports, at the
    leftmost start, the first key in this order that matches there reports the longest one,
    and builds in about half the time of one that looks for the longest itself."""

    keys: tuple[str, ...]
    codes: tuple[tuple[str, ...], ...]
    cased: tuple[bool, ...]
    dated: frozenset[int]

    def to_json(self) -> dict[str, Any]:
        return {"keys": list(self.keys), "codes": [list(c) for c in self.codes],
                "cased": list(self.cased), "dated": sorted(self.dated)}

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> AliasPatterns:
        """The patterns back from ``to_json``."""
        return cls(tuple(value["keys"]), tuple(map(tuple, value["codes"])), tuple(value["cased"]),
                   frozenset(value["dated"]))


def _holds(span: build.Span | None, date: str) -> bool:
    """Whether ISO ``date`` falls in ``span`` (``to`` is the last day the name held)."""
    if span is None:
        return True
    lo, hi = span
    return (lo is None or lo <= date) and (hi is None or date <= hi)


def _six_digits(code: str | None) -> str | None:
    if not code:
        return None
    digits = "".join(c for c in code if c.isdigit())
    return digits if len(digits) == 6 else None


class SecurityTable:
    """Records by code plus the folded alias index the matcher is built from."""

    def __init__(
        self, compiled: Mapping[str, Any], user_entries: list[dict[str, Any]] | None = None
    ) -> None:
        """The compiled built-in table plus ``user_entries`` (a table read back from the
        user-table cache is made by ``unpacked`` instead)."""
        self._records: dict[str, SecurityRecord] = {}  # built from ``_raw`` on first use
        # The alias index and its spans are made on first use (``_load_index``): a run with
        # the automaton's keys resolved (securities.json, the user-table cache) reads them only
        # for a dated name or a name tied to a code, and the user table's took ~3 ms to read.
        self._index_map: dict[str, dict[str, int]] | None = None
        self._spans_map: dict[tuple[str, str], build.Span | None] | None = None
        self._index_source: Mapping[str, Any] = compiled.get("index") or {}
        self._dated_keys: tuple[int, frozenset[str]] = (-1, frozenset())  # (len(_spans), keys)
        self.lower_ok: set[str] = set(compiled.get("lower_ok") or ())
        self.blockers: frozenset[str] = frozenset(compiled.get("blockers") or ())
        raw_records: dict[str, Any] = {r["code"]: r for r in compiled.get("records") or ()}
        if user_entries:
            self._apply_user(raw_records, user_entries)
        # Records are built on first use: a run looks up the few codes a report names, and
        # building all 3,000 of an imported HKEX list cost ~10 ms a run.
        # A record from the table cache is still JSON text here, decoded by ``_raw_record``.
        self._raw: dict[str, Mapping[str, Any] | str] = {code: raw_records[code] for code in sorted(raw_records)}
        self._cross: tuple[dict[str, str], dict[str, str], dict[str, str]] | None = None
        self._patterns: AliasPatterns | None = None
        if compiled.get("patterns") and not user_entries:
            self._patterns = AliasPatterns.from_json(compiled["patterns"])  # made by `make data`
        self._matcher: Matcher | None = None

    @property
    def _index(self) -> dict[str, dict[str, int]]:
        """Folded alias -> {code: priority}."""
        if self._index_map is None:
            self._load_index()
            assert self._index_map is not None
        return self._index_map

    @property
    def _spans(self) -> dict[tuple[str, str], build.Span | None]:
        """(key, code) -> (from, to) for a name that meant the code only for a time."""
        if self._spans_map is None:
            self._load_index()
            assert self._spans_map is not None
        return self._spans_map

    def _pairs(self, key: str) -> list[Any] | tuple[Any, ...] | None:
        """``key``'s codes as securities.json writes them: ``[code, priority]``, or ``[code,
        priority, from, to]`` for a dated name (the user-table cache keeps each key's list
        marshalled, so that a run decodes only the keys it asks for)."""
        pairs = self._index_source.get(key)
        return marshal.loads(pairs) if isinstance(pairs, bytes) else pairs

    def _load_index(self) -> None:
        index: dict[str, dict[str, int]] = {}
        spans: dict[tuple[str, str], build.Span | None] = {}
        for key in self._index_source:
            pairs = self._pairs(key) or ()
            index[key] = {pair[0]: pair[1] for pair in pairs}
            for pair in pairs:
                if len(pair) == 4:
                    spans[(key, pair[0])] = (pair[2], pair[3])
        self._index_map, self._spans_map = index, spans

    def _apply_user(self, raw_records: dict[str, dict], entries: list[dict[str, Any]]) -> None:
        from hkwrap.securities import build  # compiling entries: only for user alias files
        from hkwrap.text.fold import fold_char_map

        fold_map = fold_char_map()
        t2s = data.load().get("t2s") or {}
        for entry in entries:
            code = entry["code"]
            base = raw_records.get(code)
            merged_entry = build.merge_entries(_entry_of(base), entry)
            raw_records[code] = build.compile_record(merged_entry, t2s)
            own = build.compile_record(entry, t2s)  # only the user's own forms get its priority
            forms = build.dated_forms(entry, own, own_priority=build.PRIO_USER)
            build.add_to_index(self._index, self.lower_ok, code, forms, fold_map, t2s, self._spans)

    def packed(self) -> dict[str, Any]:
        """This whole table as ``marshal`` types (dicts, tuples, strings; records as JSON
        text), for the user-table cache: ``unpacked`` gives the same table back without the
        built-in data or any compiling, and with the automaton's keys already resolved."""
        import json

        patterns = self.alias_patterns()
        return {
            "index": {  # each key's list marshalled: decoded when a run asks for that key
                key: marshal.dumps(tuple(
                    (code, prio) if self._spans.get((key, code)) is None
                    else (code, prio, *self._spans[(key, code)])  # type: ignore[misc]
                    for code, prio in codes.items()  # in the index's order
                ))
                for key, codes in self._index.items()
            },
            "lower_ok": tuple(sorted(self.lower_ok)),
            "blockers": tuple(sorted(self.blockers)),
            "records": {
                code: raw if isinstance(raw, str)
                else json.dumps(raw, ensure_ascii=False, separators=(",", ":"))
                for code, raw in self._raw.items()
            },
            "patterns": (patterns.keys, patterns.codes, patterns.cased, patterns.dated),
            "cross": self._cross_maps(),
        }

    @classmethod
    def unpacked(cls, packed: Mapping[str, Any]) -> SecurityTable:
        """The table ``packed`` described (raises KeyError or TypeError on another shape)."""
        table = cls.__new__(cls)
        table._records = {}
        table._index_map = table._spans_map = None
        table._index_source = dict(packed["index"])
        table._dated_keys = (-1, frozenset())
        table.lower_ok = set(packed["lower_ok"])
        table.blockers = frozenset(packed["blockers"])
        table._raw = dict(packed["records"])
        by_us, by_a, by_rmb = packed["cross"]
        table._cross = (dict(by_us), dict(by_a), dict(by_rmb))
        keys, codes, cased, dated = packed["patterns"]
        table._patterns = AliasPatterns(tuple(keys), tuple(codes), tuple(cased), frozenset(dated))
        table._matcher = None
        return table

    # -- access ---------------------------------------------------------------------------

    def get(self, code: str) -> SecurityRecord | None:
        """The record for a 5-digit code, or None."""
        rec = self._records.get(code)
        if rec is None:
            raw = self._raw_record(code)
            if raw is None:
                return None
            rec = self._records[code] = SecurityRecord.from_compiled(raw)
        return rec

    def _raw_record(self, code: str) -> Mapping[str, Any] | None:
        raw = self._raw.get(code)
        if isinstance(raw, str):
            import json

            raw = self._raw[code] = json.loads(raw)
        return raw

    def _record(self, code: str) -> SecurityRecord:
        rec = self.get(code)
        assert rec is not None, code
        return rec

    def __contains__(self, code: object) -> bool:
        return code in self._raw

    def __iter__(self) -> Iterator[SecurityRecord]:
        return (self._record(code) for code in self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def _cross_maps(self) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        """US ticker, 6-digit A-share code and RMB counter -> code, built on first use (from
        the raw records, in code order: the first code wins, as before)."""
        if self._cross is None:
            by_us: dict[str, str] = {}
            by_a: dict[str, str] = {}
            by_rmb: dict[str, str] = {}
            for code in self._raw:
                raw = self._raw_record(code)
                assert raw is not None
                us = raw.get("us")
                if us:
                    by_us.setdefault(us.upper(), code)
                a = _six_digits(raw.get("a_share"))
                if a:
                    by_a.setdefault(a, code)
                rmb = raw.get("rmb_counter")
                if rmb:
                    by_rmb.setdefault(rmb, code)
            self._cross = (by_us, by_a, by_rmb)
        return self._cross

    @property
    def index(self) -> Mapping[str, Mapping[str, int]]:
        """Folded alias -> {code: priority}."""
        return self._index

    def codes_for_key(self, key: str, date: str | None = None) -> tuple[str, ...]:
        """Codes of the best priority for a folded alias key (several = ambiguous).

        A name that meant a code only for a time counts at ``date`` (ISO) when its span holds
        that date; if no candidate's span does, none (the name was no listed security then). With no date, names
        valid today win, and former names count only when nothing current has the name."""
        if self._index_map is None:
            # one key, without making the whole index (which a report's first name tied to a
            # code would otherwise make: ~2 ms, ~3 ms for an imported table)
            pairs = self._pairs(key)
            if not pairs:
                return ()
            codes = {pair[0]: pair[1] for pair in pairs}
            if any(len(pair) == 4 for pair in pairs):
                spans = {pair[0]: (pair[2], pair[3]) if len(pair) == 4 else None for pair in pairs}
                codes = self._valid_at(codes, spans, date)
        else:
            codes = self._index.get(key)
            if codes and self._spans and key in self._keys_with_spans():
                codes = self._valid_at(codes, {c: self._spans.get((key, c)) for c in codes}, date)
        if not codes:
            return ()
        best = min(codes.values())
        return tuple(sorted(c for c, p in codes.items() if p == best))

    def is_dated(self, key: str) -> bool:
        """Whether any code of ``key`` holds it only for a time (a user entry's undated name
        is in ``_spans`` too, as None: that is no span)."""
        return key in self._keys_with_spans() and any(
            self._spans.get((key, c)) is not None for c in self._index.get(key, ())
        )

    def _keys_with_spans(self) -> frozenset[str]:
        """The alias keys that have a dated code: most keys have none, and need no date check
        (the set is rebuilt when user entries add spans)."""
        count, keys = self._dated_keys
        if count != len(self._spans):
            keys = frozenset(k for k, _ in self._spans)
            self._dated_keys = (len(self._spans), keys)
        return keys

    @staticmethod
    def _valid_at(
        codes: dict[str, int], spans: dict[str, build.Span | None], date: str | None
    ) -> dict[str, int]:
        """The codes whose span (by code) holds ``date``, as ``codes_for_key`` says."""
        if all(s is None for s in spans.values()):
            return codes
        if date is None:
            now = {c: p for c, p in codes.items() if spans[c] is None or spans[c][1] is None}
            return now or codes
        # none held: the name meant no HK-listed security that day (before a listing, after
        # a delisting), so it is no mention
        return {c: p for c, p in codes.items() if _holds(spans[c], date)}

    def span_of(self, key: str, code: str) -> build.Span | None:
        """(from, to) of a dated name of ``code``; None when the name is not dated."""
        return self._spans.get((key, code))

    def by_alias(self, alias: str) -> list[SecurityRecord]:
        """Records whose name or alias is ``alias`` (any script, any case)."""
        from hkwrap.text.fold import fold

        key = " ".join(fold(alias).split())
        return [self._record(c) for c in self.codes_for_key(key) if c in self._raw]

    def by_us(self, ticker: str) -> SecurityRecord | None:
        code = self._cross_maps()[0].get(ticker.upper())
        return self.get(code) if code else None

    def by_a_share(self, code: str) -> SecurityRecord | None:
        six = _six_digits(code)
        hk = self._cross_maps()[1].get(six) if six else None
        return self.get(hk) if hk else None

    def by_rmb_counter(self, code: str) -> SecurityRecord | None:
        hk = self._cross_maps()[2].get(code)
        return self.get(hk) if hk else None

    def alias_patterns(self) -> AliasPatterns:
        """The keys of the alias automaton and what each means (worked out on first use)."""
        if self._patterns is None:
            entries: list[tuple[str, tuple[str, ...], bool]] = []
            for key in self._index:
                key_codes = self.codes_for_key(key)
                if key_codes:
                    entries.append((key, key_codes, key not in self.lower_ok))
            entries.extend((key, (), False) for key in self.blockers - self._index.keys())
            entries.sort(key=lambda entry: (-len(entry[0]), entry[0]))  # longest first
            keys = tuple(entry[0] for entry in entries)
            dated = frozenset(i for i, k in enumerate(keys) if self.is_dated(k))
            self._patterns = AliasPatterns(
                keys, tuple(entry[1] for entry in entries), tuple(entry[2] for entry in entries), dated
            )
        return self._patterns

    def matcher(self) -> Matcher:
        """The alias automaton for this table, built on first use."""
        if self._matcher is None:
            from hkwrap.securities.matcher import Matcher

            self._matcher = Matcher(self)
        return self._matcher


def _entry_of(record: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A compiled record back in entry form, so a user entry can be merged over it."""
    if not record:
        return None
    entry = {
        "code": record["code"],
        "name": record.get("name"),
        "short": record.get("short"),
        "zh": record.get("zh"),
        "aliases": list(record.get("aliases") or []),
        "type": record.get("type"),
        "board": record.get("board"),
        "indices": list(record.get("indices") or []),
        "a_share": record.get("a_share"),
        "us": record.get("us"),
        "rmb_counter": record.get("rmb_counter"),
        "ambiguous": list(record.get("ambiguous") or []),
        "listed": record.get("listed"),
        "delisted": record.get("delisted"),
        "context": list(record.get("context") or []),
        "home": record.get("home"),
        "history": list(record.get("history") or []),  # already in normalised form
    }
    return {k: v for k, v in entry.items() if v not in (None, [], "")}


# -- user alias files ----------------------------------------------------------------------


def table_date() -> str | None:
    """The date (ISO) of the HKEX list the built-in table was last checked against."""
    value = data.load_securities().get("as_of")
    return str(value) if value else None


def user_config_path() -> str:
    """``$XDG_CONFIG_HOME/hkwrap/aliases.yaml``: the one rule, in ``hkwrap.paths``."""
    from hkwrap.paths import user_aliases_path

    return user_aliases_path()


_ENTRY_KEYS = frozenset(
    ["code", "name", "short", "zh", "aliases", "type", "board", "indices", "a_share", "us", "rmb_counter", "ambiguous",
     "listed", "delisted", "valid_from", "valid_to", "history", "context", "short_aliases", "home"]
)


def _node_line(path: str, text: str, locate: tuple[Any, ...]) -> int | None:
    """1-based line of the node at ``locate`` (list indexes / mapping keys) in the YAML text."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for step in locate:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                break
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if str(key_node.value) == str(step):
                    node = key_node if step == locate[-1] else value_node
                    break
            else:
                break
        else:
            break
        line = node.start_mark.line + 1
    return line


# Bumped whenever the table cache file's content changes shape, so files an older hkwrap
# wrote are built again rather than misread (2: the alias patterns were added; 3: their
# keys are longest first; 4: the whole merged table, not what the user files changed; 5: each
# alias key marshalled on its own, and only names with a span dated).
TABLE_CACHE_FORMAT = 5

# Bounds on a user alias file, checked on the YAML event stream before anything is built.
# HKEX's whole list imported is about 300 KB; 64 MB is 200x that.
MAX_ALIAS_FILE_BYTES = 64 * 1024 * 1024
# An entry nests three deep (list > entry > aliases); past 16 is not an alias table (and deep
# nesting exhausts the Python stack of the YAML composer).
MAX_YAML_DEPTH = 16
# References to an anchor (*name): each may expand a large node many times over.
MAX_YAML_ALIASES = 100


def _check_yaml_shape(path: str, text: str) -> None:
    """Refuse nesting deeper than ``MAX_YAML_DEPTH`` and more than ``MAX_YAML_ALIASES`` anchor
    references, from the parser's events (no recursion, nothing constructed)."""
    import yaml

    depth = aliases = 0
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    line = event.start_mark.line + 1
                    raise DataFileError(f"{path}:{line}: nested more than {MAX_YAML_DEPTH} levels deep")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    line = event.start_mark.line + 1
                    raise DataFileError(
                        f"{path}:{line}: more than {MAX_YAML_ALIASES} anchor references (*name)"
                    )
    except yaml.YAMLError:
        return  # malformed: the loader below reports it with its line


def load_user_file(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read and validate one user alias file; errors name the file and the line."""
    import yaml

    from hkwrap.securities import build

    path = str(path)
    try:
        with open(path, "rb") as raw:
            data = raw.read(MAX_ALIAS_FILE_BYTES + 1)
        if len(data) > MAX_ALIAS_FILE_BYTES:
            raise DataFileError(f"{path}: alias file over {MAX_ALIAS_FILE_BYTES:,} bytes")
        text = data.decode("utf-8-sig")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read alias file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: alias file is not UTF-8 text") from exc
    _check_yaml_shape(path, text)
    try:
        # libyaml's loader when present: the same safe constructors, several times faster
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise DataFileError(f"{where}: {problem}") from exc

    def fail(locate: tuple[Any, ...], message: str) -> DataFileError:
        line = _node_line(path, text, locate)
        return DataFileError(f"{path}:{line}: {message}" if line else f"{path}: {message}")

    if doc is None:
        return []
    items: list[tuple[tuple[Any, ...], Any]] = []
    if isinstance(doc, dict):
        for code, aliases in doc.items():
            loc = (code,)
            if isinstance(aliases, dict):
                items.append((loc, {"code": code, **aliases}))
            elif isinstance(aliases, (list, str)) or aliases is None:
                items.append((loc, {"code": code, "aliases": aliases or []}))
            else:
                raise fail(loc, f"aliases of {code!r} must be a list of names")
    elif isinstance(doc, list):
        items = [((i,), item) for i, item in enumerate(doc)]
    else:
        raise fail((), "expected a list of entries or a mapping of code to aliases")

    entries: list[dict[str, Any]] = []
    for loc, item in items:
        if not isinstance(item, dict):
            raise fail(loc, "each entry must be a mapping with at least a 'code'")
        unknown = sorted(set(map(str, item)) - _ENTRY_KEYS)
        if unknown:
            raise fail((*loc, unknown[0]), f"unknown field {unknown[0]!r}")
        code = item.get("code")
        if isinstance(code, int) or not isinstance(code, str):
            raise fail((*loc, "code") if isinstance(loc[0], int) else loc,
                       f"bad code {code!r}: write codes as quoted 5-digit strings like \"00700\"")
        for key in ("aliases", "indices", "ambiguous"):
            value = item.get(key)
            if value is not None and not isinstance(value, (list, str)):
                raise fail((*loc, key), f"{key!r} must be a list")
            if isinstance(value, list) and not all(isinstance(v, (str, int)) for v in value):
                raise fail((*loc, key), f"{key!r} must be a list of strings")
        try:
            entries.append(build.normalize_entry(item))
        except ValueError as exc:
            key = "rmb_counter" if "rmb_counter" in str(exc) else "code"
            raise fail((*loc, key) if isinstance(loc[0], int) else loc, str(exc)) from exc
    return entries


@lru_cache(maxsize=8)
def _cached_table(alias_files: tuple[str, ...], use_user_config: bool, cache: bool) -> SecurityTable:
    files: list[str] = []
    if use_user_config:
        cfg = user_config_path()
        if os.path.isfile(cfg):
            files.append(cfg)
    files.extend(alias_files)
    if not files and not cache:
        return SecurityTable(data.load_securities())
    if not cache:
        entries = [e for path in files for e in load_user_file(path)]
        return SecurityTable(data.load_securities(), entries)
    return _table_with_user_files(files)


def _table_with_user_files(files: list[str]) -> SecurityTable:
    """The built-in table with user alias files, remembered in one cache file keyed by every
    file's size and modification time (and hkwrap's version, its data and the Python that
    wrote it). Compiling a whole HKEX import (3,000 entries) took 100 ms a run; the cache
    holds the whole merged table (``SecurityTable.packed``): the alias index, the automaton's
    keys already resolved, and each record as JSON text decoded only when a report names it.
    A run reads it in place of the built-in table, so nothing is merged at start-up.

    With no user file at all (``--no-user-aliases``) the built-in table alone is cached the
    same way, in a file of its own: reading securities.json as JSON took ~8 ms of every run,
    its marshalled copy ~2 ms."""
    import json

    from hkwrap import __version__
    from hkwrap.paths import cache_dir

    try:
        stamps = [[os.path.abspath(p), os.stat(p).st_size, os.stat(p).st_mtime_ns] for p in files]
        # the built-in table, and the vocabulary whose folding compiled the user's names
        data_files = [os.stat(data.SECURITIES), os.stat(data.COMPILED)]
    except OSError:
        stamps = None
    if stamps is None:
        entries = [e for path in files for e in _load_user_file_cached(path)]
        return SecurityTable(data.load_securities(), entries)
    stamp = {
        "files": stamps,
        "version": __version__,
        "data": [[f.st_size, f.st_mtime_ns] for f in data_files],
        "format": TABLE_CACHE_FORMAT,
        "python": list(sys.version_info[:2]),
        "marshal": marshal.version,
    }
    # The name only keeps tables of different files apart (the stamp inside decides whether
    # one is current), so two checksums do: hashlib's import alone costs ~3 ms a run.
    # (the built-in table alone: named by where it is installed, so that two installs do not
    # take turns rewriting one file)
    names = json.dumps([s[0] for s in stamps] or [str(data.SECURITIES)]).encode("utf-8")
    kind = "table" if stamps else "builtin"
    cache = os.path.join(cache_dir(), f"{kind}-{zlib.crc32(names):08x}{zlib.adler32(names):08x}.bin")
    # Reading the cache makes some 30,000 containers in one go, none of them garbage; with the
    # collector on, they set off a full collection of everything loaded so far (~10 ms).
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        cached = _read_table_cache(cache, stamp)
        if cached is not None:
            return cached
    finally:
        if gc_was_on:
            gc.enable()
    entries = [e for path in files for e in _load_user_file_cached(path)]
    table = SecurityTable(data.load_securities(), entries)
    _write_table_cache(cache, marshal.dumps({"stamp": stamp, "table": table.packed()}))
    _prune_table_caches(cache)
    return table


# Table cache files kept of each kind (builtin-, table-). Each install of hkwrap (the built-in
# table) and each set of alias files has a file of its own, which nothing else removes: a
# machine where hkwrap was installed in many places (checkouts, virtualenvs, CI clones) kept
# one ~0.5 MB file for every one of them. Past this many, the least recently written go when a
# new one is written; a run whose file went only builds it again (a few ms, once).
KEPT_TABLE_CACHES = 8


def _prune_table_caches(cache: str) -> None:
    """Remove all but the KEPT_TABLE_CACHES newest table cache files of ``cache``'s kind
    (never ``cache`` itself); a file that cannot be listed or removed is left."""
    import contextlib

    folder, name = os.path.split(cache)
    prefix = name.split("-", 1)[0] + "-"
    try:
        with os.scandir(folder or ".") as entries:
            found = sorted(
                ((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path) for entry in entries
                 if entry.name.startswith(prefix) and entry.name.endswith(".bin")
                 and entry.is_file(follow_symlinks=False)),
                reverse=True,
            )
    except OSError:
        return
    for _, path in found[KEPT_TABLE_CACHES:]:
        if os.path.basename(path) != name:
            with contextlib.suppress(OSError):
                os.unlink(path)


# The table cache file (hkwrap/cachefile.py: this magic, a checksum, then a marshal dump, a
# fifth of the time JSON takes to read back). Records are decoded only when a report names
# them, so a damaged file would otherwise surface mid-run.
TABLE_CACHE_MAGIC = b"HKWT"


def _read_table_cache(cache: str, stamp: Mapping[str, Any]) -> SecurityTable | None:
    """The cached table when ``cache`` is intact and written for ``stamp``; None when it is
    missing, stale or damaged in any way (the caller builds it again)."""
    from hkwrap import cachefile

    body = cachefile.read(cache, TABLE_CACHE_MAGIC)
    if body is None:
        return None
    try:
        cached = marshal.loads(body)
        if not isinstance(cached, dict) or cached.get("stamp") != stamp:
            return None
        return SecurityTable.unpacked(cached["table"])
    except (ValueError, EOFError, TypeError, KeyError):
        return None


def _write_table_cache(cache: str, body: bytes) -> None:
    """Write the cache file atomically; a read-only or full cache folder is no error."""
    from hkwrap import cachefile

    cachefile.write(cache, TABLE_CACHE_MAGIC, body)


def _cache_path(path: str) -> str:
    """Where the parsed copy of a user alias file is kept (``$XDG_CACHE_HOME/hkwrap``)."""
    import hashlib

    from hkwrap.paths import cache_dir

    digest = hashlib.sha1(os.path.abspath(path).encode("utf-8")).hexdigest()[:16]
    return os.path.join(cache_dir(), f"aliases-{digest}.json")


def _load_user_file_cached(path: str) -> list[dict[str, Any]]:
    """``load_user_file``, remembered as JSON keyed by the file's size and modification time:
    a full HKEX import is 3,000 entries, and cron runs should not parse its YAML every time."""
    import json

    from hkwrap import __version__

    try:
        st = os.stat(path)
    except OSError:
        return load_user_file(path)  # it names the file in its error
    stamp = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "version": __version__}
    cache = _cache_path(path)
    try:
        with open(cache, "rb") as fh:
            cached = json.loads(fh.read().decode("utf-8"))
        if cached.get("stamp") == stamp:
            return cached["entries"]
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    entries = load_user_file(path)
    try:
        from hkwrap.output.atomic import write_text_atomic

        os.makedirs(os.path.dirname(cache), exist_ok=True)
        write_text_atomic(cache, json.dumps({"stamp": stamp, "entries": entries}, ensure_ascii=False))
    except OSError:
        pass  # a read-only home still works, only slower
    return entries


def get_table(
    alias_files: tuple[str, ...] = (), use_user_config: bool = False, cache: bool = False
) -> SecurityTable:
    """The built-in table plus user alias files, built once per set of arguments.

    Touches no user file unless asked: ``use_user_config`` also reads
    ``$XDG_CONFIG_HOME/hkwrap/aliases.yaml``; ``cache`` keeps a parsed copy of each alias file
    under ``$XDG_CACHE_HOME/hkwrap`` (the command line asks for both)."""
    return _cached_table(tuple(str(p) for p in alias_files), bool(use_user_config), bool(cache))


def table_from_entries(
    entries: list[dict[str, Any]], t2s: Mapping[str, str] | None = None
) -> SecurityTable:
    """A table from entries in memory (tests, importers): compiled as ``make data`` would."""
    from hkwrap.securities import build

    return SecurityTable(build.compile_table(entries, dict(t2s or {})))
