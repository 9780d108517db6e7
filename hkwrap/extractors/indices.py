"""Index moves: Hang Seng Index, China Enterprises, Hang Seng TECH, Composite."""

from __future__ import annotations

from hkwrap import patterns
from hkwrap.extractors.consolidate import Draft, consolidate, round4
from hkwrap.extractors.moves import Move, expand
from hkwrap.model import IndexMove
from hkwrap.text.lexicon import Lexicon
from hkwrap.text.prepare import Prepared
from hkwrap.text.stamps import stamp_at

# No Hang Seng family index has moved more than this in a day (the record, October 1987, was
# -33.3%): a larger percent bound to an index belongs to something else.
_MAX_INDEX_PCT = 35.0
# A bare percent of the market named as a whole is the index's when it says which session it
# closed ("Hong Kong stocks closed down 2.58 percent").
_SESSIONS_STATED = frozenset({"close", "midday", "intraday"})
# Right before a bare level: the index stood still at it ("was little changed at 3,350.6", "was
# flat at", "held steady at"), a level the day told, not a mark passed (nor "target unchanged at").
_FLAT_BEFORE_LEVEL = patterns.compile(
    r"\b(?:was|were|is|remained|stayed|stood|held|ended|finished|closed)\s"
    r"(?:(?:little|barely|virtually|almost|largely|broadly|nearly)\s)?(?:changed|unchanged|flat|steady)\sat\s$"
)
# ... said of a target or a forecast, not of the index ("our year-end HSI target is unchanged
# at 27,000"): the lexicon's words of these roles between the name and the level.
_FORECAST_ROLES = frozenset({"target", "modal"})
_FLAT_REACH = 36  # "remained virtually unchanged at " and a space to spare
# A bare level that is one end of a span from another level: the day's move from the close
# before ("rose from Friday's 17,454.19 to 17,778.10", "rose to 17,778.10 from 17,454.19",
# 由17,454點升至17,778點). (Folded text.) A mark passed has no level it started from.
_FIGURE = r"\d[\d,]*(?:\.\d+)?"
_PREVIOUS_CLOSE = r"(?:[a-z]+['’]s\s)?(?:(?:close|closing\slevel|finish)\s(?:of\s)?)?"
_FROM_LEVEL_BEFORE = patterns.compile(
    r"(?:\bfrom\s" + _PREVIOUS_CLOSE + _FIGURE + r"(?:\spoints)?\sto\s(?:(?:finish|end|close|settle)\s(?:at\s)?)?"
    r"|(?:由|从)[^，。,;；]{0,10}?" + _FIGURE + r"点?(?:升|涨|跌|回落|攀升|上升|下跌|回升|下滑)?至)$"
)
_FROM_LEVEL_AFTER = patterns.compile(r"(?:\spoints)?,?\s(?:(?:up|down)\s)?from\s" + _PREVIOUS_CLOSE + _FIGURE + r"(?![\d%])")
_FROM_LEVEL_REACH = 48  # "from Friday's closing level of 17,454.19 points to finish at "


def _level_told(prep: Prepared, lexicon: Lexicon, name_end: int, level_start: int, level_end: int) -> bool:
    """Is a bare level, with no session word, one the report tells the index stood at: after
    a word of standing still ("was little changed at") or of a reading ("stood at", 恒指現報,
    截至發稿恒指報24,705點), or as the far end of a span from another level, and not said of a
    target or a forecast?"""
    words = prep.words(lexicon, name_end, level_start)
    if any(w.roles & _FORECAST_ROLES for w in words):
        return False
    if _FLAT_BEFORE_LEVEL.search(prep.folded, max(0, level_start - _FLAT_REACH), level_start):
        return True
    if _FROM_LEVEL_BEFORE.search(prep.folded, max(name_end, level_start - _FROM_LEVEL_REACH), level_start) or (
        _FROM_LEVEL_AFTER.match(prep.folded, level_end, level_end + _FROM_LEVEL_REACH)
    ):
        return True
    return bool(words) and "reading" in words[-1].roles and not prep.folded[words[-1].end:level_start].strip()


def extract_indices(prep: Prepared, moves: list[Move], lexicon: Lexicon) -> list[IndexMove]:
    """Every index move the report states, restatements merged."""
    return [fact for _, fact in index_facts(prep, moves, lexicon) if fact is not None]


def index_facts(prep: Prepared, moves: list[Move], lexicon: Lexicon) -> list[tuple[Draft, IndexMove | None]]:
    """The consolidated drafts, each with the fact it makes (None for a market percent that
    restated no move of the index). A long document's pieces are joined on the drafts."""
    drafts: list[Draft] = []
    for move in moves:
        if move.subjects[0].kind != "index":
            continue
        single = len(move.subjects) == 1
        paired = len(move.levels) == len(move.subjects) > 1  # "分別報19,998點及7,245點"
        for i, (subject, pct, pts) in enumerate(expand(move)):
            if subject.id.startswith("@"):
                continue  # another market's index
            level_num = move.levels[i] if paired else move.level if single else None
            level = level_num.value if level_num else None
            info = lexicon.indices.get(subject.id)
            if level is not None and info is not None and not info.scale.levels[0] <= level <= info.scale.levels[1]:
                # "It rose 4.58% to 4427.17 points" read as the HSI: a level the index has never
                # stood near (indices.yaml ``levels``) is another index's move
                continue
            if pct is None and pts is None and level is None:
                continue
            # "Hong Kong stocks fell 1%": the market's percent is the index's only when it
            # names the session, or restates a move of the index stated with points or a level
            # ("Hong Kong share prices dived 3.8 percent … the Hang Seng Index lost 565.40 points")
            tentative = subject.weak and pts is None and level is None and move.session not in _SESSIONS_STATED
            if pct is not None and abs(pct.value) > _MAX_INDEX_PCT:
                pct = None  # "…升能集團暴跌98.4%": a company the tables do not know, not the index
                if pts is None and level is None:
                    continue
            if pct is None and pts is None and move.session not in ("close", "intraday", "midday", "open") and not (
                level_num is not None and _level_told(prep, lexicon, subject.end, level_num.start, level_num.end)
            ):
                continue  # a bare level with no session is more often a mark than a move
            anchor = min(n.start for n in (pct, pts, level_num) if n is not None)
            drafts.append(
                Draft(
                    subject=subject.id,
                    position=anchor,
                    pct=round4(pct.value) if pct else None,
                    pct_q=pct.qualifier if pct else "exact",
                    points=round4(pts.value) if pts else None,
                    points_q=pts.qualifier if pts else "exact",
                    level=round4(level),
                    level_q="mark" if level_num is not None and level_num.qualifier == "mark" else "exact",
                    tentative=tentative,
                    session=move.session,
                    evidence=prep.evidence(*move.sentence),
                    stamp=stamp_at(prep, anchor),
                    heading=move.direction if pct is None and pts is None else 0,
                )
            )
    return [(d, index_move(d, lexicon)) for d in consolidate(drafts)]


def index_move(d: Draft, lexicon: Lexicon) -> IndexMove | None:
    """The fact a consolidated draft states; None for a market percent that restated no move
    of the index."""
    if d.tentative:
        return None
    info = lexicon.indices.get(d.subject)
    return IndexMove(
        index=d.subject,
        name=info.name if info else d.subject,
        level=d.level,
        change_pct=d.pct,
        change_points=d.points,
        qualifier=d.qualifier,
        session=d.session,
        evidence=d.evidence,
        restated=d.restated,
    )
