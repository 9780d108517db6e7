"""read -> prepare -> extract -> consolidate. Pure functions; never prints.

``extract_text`` is a pure function of its arguments (text and an ``Options`` value), with no
global state to set up: the vocabulary and the securities table are built once per process on
first use, from data shipped in the package. With default ``Options`` it reads and writes no
file of the user's (no alias file from the config folder, no cache): the command line opts in.
So it maps over a cluster (docs/scale-out.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from hkwrap.errors import HkwrapError
from hkwrap.model import Document
from hkwrap.plain import dataclass_record, record, replace
from hkwrap.readers import Source

if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass_record(frozen=True)  # a frozen dataclass (its __init__ written out: hkwrap/plain.py says why)
class Options:
    """What a run may vary. Hashable and picklable."""

    reference_date: str | None = None  # YYYY-MM-DD for reports that state no year
    alias_files: tuple[str, ...] = ()  # user alias tables (YAML), added to the built-in one
    # The library touches no user file unless asked; the command line asks for both of these.
    use_user_config: bool = False  # also read $XDG_CONFIG_HOME/hkwrap/aliases.yaml if present
    cache: bool = False  # keep parsed alias files as JSON under $XDG_CACHE_HOME/hkwrap

    def __init__(
        self, reference_date: str | None = None, alias_files: tuple[str, ...] = (),
        use_user_config: bool = False, cache: bool = False,
    ) -> None:
        object.__setattr__(self, "reference_date", reference_date)
        object.__setattr__(self, "alias_files", alias_files)
        object.__setattr__(self, "use_user_config", use_user_config)
        object.__setattr__(self, "cache", cache)


@record()
class Context:
    """What every extractor may read: the prepared text and what earlier steps found. (A plain
    record, made once a report: hkwrap/plain.py says why.)"""

    __match_args__ = (
        "prep", "lexicon", "table", "options", "metadata", "entities", "moves",
        "yesterday_is_report_day", "report_weekday", "language_counts", "drafts",
    )
    __slots__ = __match_args__

    def __init__(self, prep: Any, lexicon: Any, table: Any, options: Options, metadata: dict[str, str]) -> None:
        self.prep = prep
        self.lexicon = lexicon
        self.table = table
        self.options = options
        self.metadata = metadata
        self.entities: list[Any] = []
        self.moves: list[Any] = []
        self.yesterday_is_report_day = False  # a morning report: its "yesterday" is the day
        self.report_weekday: int | None = None  # the weekday told (Monday 0), when known
        self.language_counts = (0, 0, 0, 0)  # what the language is judged on
        # per kind ("indices", "stocks"): each consolidated draft with the fact it made, so that a
        # long document's pieces can be joined where a move is restated across a cut
        self.drafts: dict[str, list[tuple[Any, Any]]] = {}


def _step_securities(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.mentions import find_entities

    # the report's day (found by the date step, or --date) picks old names' codes
    ctx.entities = find_entities(ctx.prep, ctx.table, doc.date or ctx.options.reference_date)


def _step_mentions(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.mentions import mentions_from_entities

    doc.mentions, warnings = mentions_from_entities(ctx.entities)
    doc.warnings.extend(w for w in warnings if w not in doc.warnings)


# Monday to Friday: the session before a Monday morning's note is Friday's.
_TRADING_WEEK = 5


def _step_moves(ctx: Context, doc: Document) -> None:
    import datetime as dt

    from hkwrap.extractors.dates import (
        half_day_session,
        lead_weekday,
        midday_report,
        morning_recap_lead,
        same_day_lead,
        timed_log,
        weekday_in_masthead,
    )
    from hkwrap.extractors.moves import (
        BindState,
        apply_corrections,
        bind,
        note_stamp,
        recap_of_yesterday,
    )
    from hkwrap.extractors.tokens import tokenize
    from hkwrap.text.prepare import MAX_SENTENCE_CHARS
    from hkwrap.text.spans import SpanIndex

    day = dt.date.fromisoformat(doc.date) if doc.date else None
    state = BindState(
        scales={index_id: info.scale for index_id, info in ctx.lexicon.indices.items()},
        yesterday_is_report_day=ctx.yesterday_is_report_day,
        report_year=day.year if day else None,
        # no date (a dateline with no year): the weekday the lead names is still the day's
        report_weekday=day.weekday() if day else lead_weekday(ctx.prep),
        report_day=(day.month, day.day) if day else None,
        half_day=half_day_session(ctx.prep),
        midday_report=midday_report(ctx.prep),
    )
    index = SpanIndex(ctx.entities)
    sentences: Iterable[tuple[tuple[int, int], list[Any]]] = (
        (span, tokenize(ctx.prep, span[0], span[1], ctx.lexicon, index.within(*span)))
        for span in ctx.prep.sentences
    )  # one sentence's tokens at a time: a long text's tokens are tens of MB together
    if doc.date is None and not state.yesterday_is_report_day:
        # an undated report: whether it is a morning recap is read from its lead ("MORNING
        # WRAP", "Wednesday, 08:20 HKT": Tuesday's session), else from every sentence
        if morning_recap_lead(ctx.prep):
            state.yesterday_is_report_day = True
            if state.report_weekday is not None:
                state.report_weekday = (state.report_weekday - 1) % _TRADING_WEEK
        elif same_day_lead(ctx.prep) or state.midday_report or timed_log(ctx.prep):
            # "6月14日（星期五）16:20", "港股午评": a report of its own day, whose 昨日 is the day before
            pass
        else:
            sentences = list(sentences)
            state.yesterday_is_report_day = recap_of_yesterday(tokens for _, tokens in sentences)
            if state.yesterday_is_report_day and state.report_weekday is not None and weekday_in_masthead(ctx.prep):
                # a 星期三 column about 港股昨日（周二）: the day told is the one before the lead's
                state.report_weekday = (state.report_weekday - 1) % _TRADING_WEEK
        ctx.yesterday_is_report_day = state.yesterday_is_report_day
    ctx.report_weekday = state.report_weekday
    for span, tokens in sentences:
        if tokens:
            ctx.moves.extend(bind(ctx.prep, span, tokens, state))
        else:
            note_stamp(ctx.prep, span, state)  # "15:31" on a line of its own heads the next
    ctx.moves = apply_corrections(ctx.moves, state.corrections)
    if ctx.prep.long_sentences:
        note = f"a sentence runs past {MAX_SENTENCE_CHARS:,} characters; it was read in pieces cut at clause breaks"
        if note not in doc.warnings:
            doc.warnings.append(note)


def _step_tables(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.cards import index_cards
    from hkwrap.extractors.tables import (
        breadth_rows,
        code_cell_mentions,
        index_rows,
        other_period_spans,
        table_moves,
    )
    from hkwrap.text.spans import SpanIndex

    period_rows, other_cells = other_period_spans(ctx.prep)
    if period_rows:  # a month's table read as sentences: none of its figures is the day's
        ctx.moves = [m for m in ctx.moves if not any(s <= m.sentence[0] < e for s, e in period_rows)]
    if other_cells:  # nor is a figure under a "1H" or "YTD" header beside the day's columns
        ctx.moves = [m for m in ctx.moves if _drop_figures_in(m, other_cells)]

    moves = table_moves(ctx.prep, ctx.lexicon, SpanIndex(ctx.entities), ctx.table, recap=ctx.yesterday_is_report_day)
    if moves:
        # a row read by its header is read: the binder's reading of the same row as a sentence
        # (which may take a weight column, "佔淨值 9.6%", for the change) gives way
        rows = {(m.sentence, m.subjects[0].id): m.pcts[0].value for m in moves if m.pcts}
        ctx.moves = [m for m in ctx.moves if not _misread_row(m, rows)]
        # (and an index row whose open, high and low columns the header names: "恒生指数
        # 26,310.55 26,502.87 26,188.03 26,241.83 -243.07 -0.92%" read as a sentence takes the
        # open for its level)
        ohlc = [m.sentence for m in moves if m.subjects[0].kind == "index" and m.session in ("open", "intraday")]
        if ohlc:
            ctx.moves = [m for m in ctx.moves if not _index_figures_in(m, ohlc)]
    ctx.moves.extend(moves)
    added = code_cell_mentions(ctx.prep, moves, {m.code for m in doc.mentions})
    if added:
        doc.mentions = sorted([*doc.mentions, *added], key=lambda m: m.start)
    breadth = breadth_rows(ctx.prep, ctx.lexicon)
    if breadth:  # "上升 1075 25.50% +3.46%": a statistics table's figures, no one's move
        ctx.moves = [m for m in ctx.moves if not _figures_all_in(m, breadth)]
    # (and an index card's lines: "恒生指数：16,961.54（-0.71%）" / "  涨跌点数：-120.57")
    rows = index_rows(ctx.prep, ctx.lexicon) + index_cards(ctx.prep, ctx.lexicon)
    if rows:
        # a row read as a table row is read: the binder's reading of its figures (which may
        # take a previous-close column for the level) gives way
        spans = [row.sentence for row in rows]
        ctx.moves = [m for m in ctx.moves if not _index_figures_in(m, spans)]
    ctx.moves.extend(rows)


def _misread_row(move: Any, rows: dict[tuple[tuple[int, int], str], float]) -> bool:
    """Is ``move`` a stock's or an index's move read from a table row, as a sentence, whose
    change is not the one the row's header names (``rows``: row span and subject -> the
    percent read by header)?"""
    if not move.subjects:
        return False
    kind = move.subjects[0].kind
    stock = kind == "stock" and bool(move.pcts)
    # "騰訊　662.50　+2.48" under "升跌(%)": the price alone, the unsigned-percent cell unread
    price_only = kind == "stock" and not move.pcts and not move.points and move.price is not None
    # "Hang Seng  23,681.48  +1.49" under "Chg %": the header's percent read as points
    index = kind == "index" and bool(move.points) and not move.pcts
    if not (stock or price_only or index):
        return False
    figures = [n.start for n in (*move.pcts, *move.points, move.level, move.price) if n is not None]
    return any(
        sid == move.subjects[0].id and all(s <= f < e for f in figures)
        and (price_only or (move.pcts[0].value != pct if stock else move.points[0].value == pct))
        for ((s, e), sid), pct in rows.items()
    )


def _index_figures_in(move: Any, spans: list[tuple[int, int]]) -> bool:
    """Is ``move`` an index move whose figures stand in one of ``spans``?"""
    if not move.subjects or move.subjects[0].kind != "index":
        return False
    figures = [n.start for n in (*move.pcts, *move.points, move.level) if n is not None]
    return bool(figures) and any(all(s <= f < e for f in figures) for s, e in spans)


def _drop_figures_in(move: Any, spans: list[tuple[int, int]]) -> bool:
    """Take the figures that stand in ``spans`` (another period's cells: a change under "YTD
    %", a level under "前收") out of ``move``; is anything left of it?"""
    inside = [n for n in (*move.pcts, *move.points, move.level, move.price) if n is not None and any(s <= n.start < e for s, e in spans)]
    if not inside:
        return True
    move.pcts = [n for n in move.pcts if n not in inside]
    move.points = [n for n in move.points if n not in inside]
    if move.level in inside:
        move.level = None
    if move.price in inside:
        move.price = None
    return bool(move.pcts or move.points or move.level is not None or move.price is not None)


def _figures_all_in(move: Any, spans: list[tuple[int, int]]) -> bool:
    """Does every figure of ``move`` stand in one of ``spans`` (one move may run over several)?"""
    figures = [n.start for n in (*move.pcts, *move.points, move.level, move.price) if n is not None]
    return bool(figures) and all(any(s <= f < e for s, e in spans) for f in figures)


def _step_indices(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.indices import index_facts

    ctx.drafts["indices"] = index_facts(ctx.prep, ctx.moves, ctx.lexicon)
    doc.indices = [fact for _, fact in ctx.drafts["indices"] if fact is not None]


def _step_stocks(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.stocks import stock_facts

    ctx.drafts["stocks"] = stock_facts(ctx.prep, ctx.moves)
    doc.stocks = [fact for _, fact in ctx.drafts["stocks"]]


def _step_market(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.market import extract_market
    from hkwrap.extractors.tables import table_breadth, table_market_figures

    doc.market = extract_market(ctx.prep, ctx.lexicon, ctx.entities, ctx.yesterday_is_report_day, ctx.report_weekday)
    for name, amount in table_market_figures(ctx.prep, ctx.lexicon).items():
        if getattr(doc.market, name) is None:  # a figure stated in prose comes first
            setattr(doc.market, name, amount)
            doc.market.evidence[name] = amount.evidence
    breadth = table_breadth(ctx.prep, ctx.lexicon)
    if breadth and all(getattr(doc.market, name) is None for name in breadth):
        for name, (count, evidence) in breadth.items():
            setattr(doc.market, name, count)
            doc.market.evidence[name] = evidence
    _drop_implausible_market(doc)


def _step_levels(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.levels import extract_levels

    doc.levels = extract_levels(ctx.prep, ctx.lexicon)


def _step_date(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.dates import find_trading_day

    try:
        doc.date, ctx.yesterday_is_report_day = find_trading_day(
            ctx.prep, ctx.metadata, ctx.options.reference_date
        )
    except OverflowError:  # a day computed from a date at the calendar's edge
        doc.date = None
        _warn(doc, "the trading date falls outside the calendar; dropped")
        return
    if doc.date is not None and not _plausible_date(doc.date):
        _warn(doc, f"trading date {doc.date} is out of range ({_DATE_RANGE}); dropped")
        doc.date = None


def _step_language(ctx: Context, doc: Document) -> None:
    from hkwrap.extractors.language import language_counts, language_of

    ctx.language_counts = language_counts(ctx.prep)  # a long text adds up its pieces' counts
    doc.language = language_of(ctx.language_counts)


# The extractors, in the order they run. Each reads the context and fills part of the document.
STEPS: tuple[tuple[str, Callable[[Context, Document], None]], ...] = (
    ("date", _step_date),  # first: whether "yesterday" is the report's day or another
    ("securities", _step_securities),
    ("mentions", _step_mentions),
    ("moves", _step_moves),
    ("tables", _step_tables),
    ("indices", _step_indices),
    ("stocks", _step_stocks),
    ("market", _step_market),
    ("levels", _step_levels),
    ("language", _step_language),
)


class ExtractionError(HkwrapError):
    """An extractor failed on one input; the batch goes on. (``extract_text`` no longer raises
    it: a failed step leaves a warning and an entry in ``Document.failed_steps`` instead.)"""


# -- plausibility: what no market report states, whatever its text says -------------------------

# Hong Kong's first stock exchange opened in 1891; a year past 2199 is a typo or an attack (and
# near 9999 or 0001 date arithmetic overflows).
EARLIEST_YEAR = 1891
LATEST_YEAR = 2199
_DATE_RANGE = f"{EARLIEST_YEAR}-{LATEST_YEAR}"
# Advancers / decliners / unchanged count listed securities: HKEX has never had 100,000.
MAX_BREADTH_COUNT = 100_000
# Turnover and flows in currency units: a record day is under HKD 1 trillion; 10^14 is 100x that.
MAX_MARKET_AMOUNT = 1e14


def _warn(doc: Document, message: str) -> None:
    if message not in doc.warnings:
        doc.warnings.append(message)


def _year(value: str) -> int | None:
    head = value.strip()[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


def _plausible_date(value: str) -> bool:
    year = _year(value)
    return year is None or EARLIEST_YEAR <= year <= LATEST_YEAR


def _drop_implausible_market(doc: Document) -> None:
    """Counts and amounts beyond any real market's are not facts: dropped with a warning."""
    market = doc.market
    for name in ("advancers", "decliners", "unchanged"):
        value = getattr(market, name)
        if value is not None and not 0 <= value <= MAX_BREADTH_COUNT:
            setattr(market, name, None)
            market.evidence.pop(name, None)
            _warn(doc, f"{name} count beyond {MAX_BREADTH_COUNT:,}; not taken as a fact")
    for name in ("turnover", "southbound", "northbound"):
        amount = getattr(market, name)
        if amount is not None and not abs(amount.value) <= MAX_MARKET_AMOUNT:
            setattr(market, name, None)
            market.evidence.pop(name, None)
            _warn(doc, f"{name} beyond {MAX_MARKET_AMOUNT:,.0f}; not taken as a fact")
    ratio = market.short_selling_ratio
    if ratio is not None and not 0 <= ratio <= 100:
        market.short_selling_ratio = None
        market.evidence.pop("short_selling_ratio", None)


def _plausible_inputs(options: Options, metadata: dict[str, str], doc: Document) -> Options:
    """Drop a reference date or a metadata date outside the plausible years, with a warning."""
    ref = options.reference_date
    if ref is not None and not _plausible_date(ref):
        _warn(doc, f"reference date {ref} is out of range ({_DATE_RANGE}); ignored")
        options = replace(options, reference_date=None)
    for key, value in list(metadata.items()):
        if key.lower() in _DATE_METADATA and not _plausible_date(value):
            _warn(doc, f"{key} {value.strip()[:40]} is out of range ({_DATE_RANGE}); ignored")
            del metadata[key]
    return options


# Metadata keys that may carry the report's date (front matter, page meta, news-API fields).
_DATE_METADATA = frozenset(
    {"date", "published", "published_time", "datetime", "pubdate", "published_at", "time"}
)


def extract_text(
    text: str,
    *,
    source: str = "-",
    options: Options | None = None,
    metadata: dict[str, str] | None = None,
    body_start: int = 0,
) -> Document:
    """Extract every fact from one report given as decoded text.

    Evidence offsets index ``text``. ``body_start`` skips a header (front matter) that is
    metadata rather than report. Raises ``DataFileError`` for a malformed user alias file. An
    extractor that fails costs only its own facts: the document carries a warning and the step
    in ``failed_steps``, and the other facts are kept.
    """

    options = options or Options()
    metadata = dict(metadata or {})
    if len(text) > CHUNK_CHARS:
        doc = Document(source=source, metadata=metadata, title=metadata.get("title"))
        for part in iter_pieces(text, doc, options, body_start):
            doc.indices.extend(part.indices)
            doc.stocks.extend(part.stocks)
            doc.mentions.extend(part.mentions)
            doc.levels.extend(part.levels)
        return doc
    return _extract_one(text, source, options, metadata, body_start)[0]


def _extract_one(
    text: str, source: str, options: Options, metadata: dict[str, str], body_start: int
) -> tuple[Document, Context]:
    """One text read whole: its document, and the context its steps filled (the counts its
    language was judged on, the drafts of its moves)."""
    from hkwrap.securities.table import get_table
    from hkwrap.text.lexicon import get_lexicon
    from hkwrap.text.prepare import prepare

    doc = Document(source=source, metadata=metadata, title=metadata.get("title"))
    seen = dict(metadata)  # what the extractors read; the document keeps the metadata as given
    ctx = Context(
        prep=prepare(text, body_start),
        lexicon=get_lexicon(),
        table=get_table(options.alias_files, options.use_user_config, options.cache),
        options=_plausible_inputs(options, seen, doc),
        metadata=seen,
    )
    for name, step in STEPS:
        try:
            step(ctx, doc)
        except HkwrapError:
            raise
        except Exception as exc:  # one extractor's bug costs its facts, not the report
            problem = f"{name} extractor failed ({type(exc).__name__}: {_short(exc)}); its facts are missing"
            doc.failed_steps.append(problem)
            _warn(doc, problem)
    return doc, ctx


def _short(exc: Exception) -> str:
    """An exception's message cut to one short line (some carry thousands of characters)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= _MESSAGE_CHARS else text[: _MESSAGE_CHARS - 3] + "..."


_MESSAGE_CHARS = 200  # an error line stays readable in cron mail


# A document longer than this is read in pieces (cut at paragraph breaks), so memory stays
# bounded on an archive pasted into one file. What is and is not merged across pieces: see
# ``iter_pieces``.
CHUNK_CHARS = 1_000_000


def _piece_end(text: str, start: int) -> int:
    """Where the piece of ``text`` that begins at ``start`` ends: at the last paragraph break
    (else line break, else end of sentence) in the second half of a CHUNK_CHARS window."""
    end = min(len(text), start + CHUNK_CHARS)
    if end < len(text):
        cut = text.rfind("\n\n", start + CHUNK_CHARS // 2, end)
        cut = cut if cut > 0 else text.rfind("\n", start + CHUNK_CHARS // 2, end)
        cut = cut if cut > 0 else text.rfind("\r", start + CHUNK_CHARS // 2, end)
        for stop in (". ", "。"):  # no line break: at least end a sentence
            cut = cut if cut > 0 else text.rfind(stop, start + CHUNK_CHARS // 2, end)
        end = cut + 1 if cut > 0 else end
    return end


def iter_pieces(
    text: str, head: Document, options: Options | None = None, body_start: int = 0
) -> Iterator[Document]:
    """Read a long ``text`` piece by piece, handing out each piece's facts as soon as they are
    final, so that no more than one or two pieces' facts need be held (the command line writes
    them to temporary files; ``extract_text`` gathers them into one Document).

    Each yielded Document holds facts of one piece, with offsets and lines into ``text``: its
    mentions and levels as soon as it is read, its index and stock moves once they are final
    (below). Each kind comes in reading order. ``head`` (an empty Document naming the
    source and metadata) gathers the rest as the pieces are read: the date (the first piece's),
    each market figure (the first piece's that states it), warnings and failed steps; its
    language is set after the last piece, judged on the counts of every piece together.

    Facts are merged across pieces as within one text: a move restated on both sides of a cut
    is one fact, in the piece of its first statement, and a level is given once, by the first
    piece that states it. So a move is handed out only when reading has gone a restatement's
    reach (``consolidate.RESTATEMENT_REACH``) past it: the moves of the last 30,000 characters read are
    held.
    """

    from hkwrap.extractors import consolidate
    from hkwrap.extractors.language import add_counts, language_of

    options = options or Options()
    metadata = head.metadata
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)
    held: dict[str, list[Any]] = {kind: [] for kind in _JOINED_KINDS}  # moves not yet final
    names: dict[str, tuple[str | None, str | None]] = {}  # each stock's names, for its moves
    levels_given: set[tuple[str, str, float]] = set()
    start = 0
    lines_before = 0
    first = True
    while start < len(text):
        end = _piece_end(text, start)
        part, ctx = _extract_one(
            text[start:end], head.source, options, dict(metadata), max(0, body_start - start)
        )
        counts = add_counts(counts, ctx.language_counts)

        def shift(ev: Any, base: int = start, lines: int = lines_before) -> Any:
            if ev is None:
                return None
            return replace(ev, start=ev.start + base, end=ev.end + base, line=ev.line + lines)

        names.update((fact.code, (fact.name, fact.name_zh)) for _, fact in ctx.drafts.get("stocks", ()))
        for kind in _JOINED_KINDS:
            _join(held[kind], [draft for draft, _ in ctx.drafts.get(kind, ())], start, shift)
        del ctx  # its prepared text and moves are a piece's worth of memory
        part.indices, part.stocks = [], []  # handed out later, from the drafts
        part.levels = [level for level in part.levels if _level_key(level) not in levels_given]
        levels_given.update(_level_key(level) for level in part.levels)
        for level in part.levels:
            level.evidence = shift(level.evidence)
        part.mentions = [
            replace(m, start=m.start + start, end=m.end + start) for m in part.mentions
        ]
        market = head.market
        for name in ("turnover", "southbound", "northbound"):
            amount = getattr(part.market, name)
            if getattr(market, name) is None and amount is not None:
                amount.evidence = shift(amount.evidence)
                setattr(market, name, amount)
        for name in ("advancers", "decliners", "unchanged", "short_selling_ratio"):
            if getattr(market, name) is None:
                setattr(market, name, getattr(part.market, name))
        for key, ev in part.market.evidence.items():
            market.evidence.setdefault(key, shift(ev))
        head.warnings.extend(w for w in part.warnings if w not in head.warnings)
        head.failed_steps.extend(f for f in part.failed_steps if f not in head.failed_steps)
        if first:
            head.date = part.date
            first = False
        lines_before += _line_ends(text, start, end)
        start = end
        yield part  # its mentions and levels
        # a move stated further back than a restatement's reach from the text still to read is
        # final: nothing later can join it
        final = _hand_out(held, names, head.source, before=start - consolidate.RESTATEMENT_REACH)
        if final.indices or final.stocks:
            yield final
    yield _hand_out(held, names, head.source, before=None)
    head.language = language_of(counts)  # counted over every piece, not the first


# The fact kinds whose restatements are merged across a long document's pieces.
_JOINED_KINDS = ("indices", "stocks")


def _level_key(level: Any) -> tuple[str, str, float]:
    return (level.index, level.kind, level.value)


def _join(held: list[Any], new: list[Any], start: int, shift: Callable[[Any], Any]) -> None:
    """Add a piece's consolidated drafts (offsets into the piece, from ``start`` in the text)
    to ``held``, each merged into a held draft it restates instead where it does. (A function
    of its own: no reference to the piece's drafts outlives it while the next piece is read.)"""
    from hkwrap.extractors import consolidate

    for draft in new:
        draft.position += start
        draft.evidence = shift(draft.evidence)
        draft.restated = [shift(e) for e in draft.restated]
    merged = consolidate.join(held, new)  # merges into ``held`` in place
    held.extend(draft for draft, gone in zip(new, merged, strict=True) if not gone)


def _hand_out(
    held: dict[str, list[Any]], names: dict[str, tuple[str | None, str | None]], source: str,
    before: int | None,
) -> Document:
    """A document holding the moves made from the drafts in ``held`` (in reading order) stated
    before offset ``before`` (every one if None), which leave ``held``."""
    from hkwrap.extractors.indices import index_move
    from hkwrap.extractors.stocks import stock_move
    from hkwrap.text.lexicon import get_lexicon

    out: dict[str, list[Any]] = {}
    for kind, drafts in held.items():
        n = len(drafts) if before is None else next(
            (i for i, d in enumerate(drafts) if d.position >= before), len(drafts)
        )
        out[kind], held[kind] = drafts[:n], drafts[n:]
    lexicon = get_lexicon()
    indices = (index_move(draft, lexicon) for draft in out["indices"])
    return Document(
        source=source,
        indices=[fact for fact in indices if fact is not None],
        stocks=[stock_move(d, *names.get(d.subject, (None, None))) for d in out["stocks"]],
    )


def _line_ends(text: str, start: int, end: int) -> int:
    """Line ends in ``text[start:end]``: LF, CRLF and a lone CR each count once."""
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


# The modules the steps import when they first run.
_STEP_MODULES = (
    "hkwrap.extractors.dates", "hkwrap.extractors.mentions", "hkwrap.extractors.moves",
    "hkwrap.extractors.tokens", "hkwrap.extractors.tables", "hkwrap.extractors.indices",
    "hkwrap.extractors.stocks", "hkwrap.extractors.market", "hkwrap.extractors.levels",
    "hkwrap.extractors.language", "hkwrap.text.prepare", "hkwrap.text.spans",
)


def warm_up(options: Options | None = None) -> None:
    """Build now what every extraction reads and otherwise builds on first use: the
    extractors' modules, the vocabulary, and the securities table of ``options`` with its
    automaton. Optional: the command line calls it once before the first report, with the
    garbage collector paused (nothing built here is garbage)."""
    import importlib

    from hkwrap.securities.table import get_table
    from hkwrap.text.lexicon import get_lexicon

    options = options or Options()
    for name in _STEP_MODULES:
        importlib.import_module(name)
    get_lexicon()
    get_table(options.alias_files, options.use_user_config, options.cache).matcher()


def extract_source(src: Source, options: Options | None = None) -> Document:
    """Extract one report produced by a reader."""
    return extract_text(
        src.text,
        source=src.name,
        options=options,
        metadata=src.metadata,
        body_start=src.body_start,
    )


def extract_file(
    path: str | Path,
    *,
    options: Options | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document]:
    """Read a file and extract each report in it (a news-API JSON list holds many)."""
    from hkwrap.readers import read_path

    return [
        extract_source(s, options)
        for s in read_path(str(path), encoding=encoding, max_bytes=max_bytes)
    ]
