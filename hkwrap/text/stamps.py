"""Clock stamps of a timed feed: which update of a live page a place in the text belongs to.

A live page, an app's push stack or a radio script's bulletins put a time at the head of each
update ("14:12 【异动】…", "【9:42】", "（14:30　午後快訊）", "05月08日 10:30" on a line of its
own). A figure told under one time and a figure told under another are two moments of the
day, even when one rounds the other: "14:36 恒生科技指数跌逾2%" is not the close's -2.05%.

A time stamps the text from its line to the next stamped line. A report with fewer than
``MIN_FEED_STAMPS`` different times is no feed (a dateline's "16:30" is the report's own time),
and has no stamps.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from hkwrap import patterns

if TYPE_CHECKING:
    from hkwrap.text.prepare import Prepared

# A line that opens with a time of day: after white space, a bullet or an emoji ("📱 10:20"), an optional date
# ("05月08日", "2024-05-08"), an opening bracket and a chat's day ("[20/6 09:31]"), then hours
# and minutes, all on the line. (dates.timed_log counts these too.)
STAMP_LINE = patterns.compile(
    r"(?m)^[^\w\n]{0,6}?(?:\d{1,2}月\d{1,2}日[^\S\n]*|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[^\S\n]+)?"
    r"[【（(\[]?[^\S\n]*(?:\d{1,2}/\d{1,2}[^\S\n]+)?([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:：])"
)
# Two different times make a feed; one is a dateline or a byline's time.
MIN_FEED_STAMPS = 2
# The last trade of the day: updates both stamped from here on report the close, and may
# restate one another ("16:10 港股收盘" and "16:12 港股收评"); Hong Kong's continuous session
# ends at 16:00 (the closing auction after it sets the close).
CLOSE_MINUTES = 16 * 60
# The separators of hours and minutes STAMP_LINE takes.
_COLONS = (":", "：")


def stamped_lines(prep: Prepared) -> tuple[list[int], list[int]]:
    """Each line that opens on a time: its start and its time (minutes after midnight), in
    order; read once per text (the feed's stamps here, ``dates.timed_log``'s entries)."""
    return prep.once("stamped_lines", lambda: _stamped_lines(prep.folded))


def stamp_at(prep: Prepared, offset: int) -> int | None:
    """The time (minutes after midnight) of the update ``offset`` of ``prep``'s text belongs
    to; None outside a feed or before its first stamp."""
    # (whether the text is a feed is judged once a text, not on every call: the stocks and
    # indices steps ask for every draft)
    starts, times = prep.once("feed_stamps", lambda: _feed_stamps(prep))
    i = bisect.bisect_right(starts, offset) - 1
    return times[i] if i >= 0 else None


def _feed_stamps(prep: Prepared) -> tuple[list[int], list[int]]:
    """The stamped lines of a feed; none when the text is no feed (too few different times)."""
    starts, times = stamped_lines(prep)
    return (starts, times) if len(set(times)) >= MIN_FEED_STAMPS else ([], [])


def _stamped_lines(folded: str) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    times: list[int] = []
    if ":" not in folded and "：" not in folded:
        return starts, times
    # A stamp opens its line and holds a colon before the line ends, so the pattern is tried
    # only at the start of each line with a colon (found by str.find): the same matches as
    # STAMP_LINE.finditer, which tries "^" at every character (~20x slower).
    lines: set[int] = set()
    for colon in _COLONS:
        pos = folded.find(colon)
        while pos >= 0:
            lines.add(folded.rfind("\n", 0, pos) + 1)
            line_end = folded.find("\n", pos)
            pos = folded.find(colon, line_end) if line_end >= 0 else -1
    for line_start in sorted(lines):
        m = STAMP_LINE.match(folded, line_start)
        if m is not None:
            starts.append(m.start())
            times.append(int(m.group(1)) * 60 + int(m.group(2)))
    return starts, times


def apart(a: int | None, b: int | None) -> bool:
    """Are two stamped updates two moments of the day: different times, one of them before
    the close?"""
    return a is not None and b is not None and a != b and min(a, b) < CLOSE_MINUTES
