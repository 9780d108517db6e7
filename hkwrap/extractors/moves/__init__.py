"""Binding: turn a sentence's tokens into moves of indices and stocks.

A *move* is what one subject (or a list of subjects) did: a direction, percents, points, the
level or price it ended at, a turnover, a session. The rules read token types only:

- subjects joined by list words ("A, B and C", "A、B及C", "along with B") form one group;
- a direction word (rose / 跌) sets the sign of the numbers after it; a second direction word
  after a change starts a new move of the same group ("as much as 6% intraday before settling
  down nearly 3%");
- an approximate word right before a number is its qualifier (over 4%, 逾 400 點);
- a level word (to, at, 報, 收報) makes the next number the level (indices) or price (stocks);
- a threshold word (below, 跌穿) or a mark after the number (23000 關, the 5,500 level) makes
  it a mark crossed, not a move; "ranging from 1.8% to 2.9%" is a range, not a move;
- several numbers for several subjects pair up in order (respectively / 分別, or equal
  counts); one number for several subjects is shared;
- session words before a move carry forward in the sentence; right after a number they apply
  to it ("6% intraday", "3% at the close").

The binder is split by what it reads: ``binder.py`` walks the tokens (:func:`bind`), and its
handlers live beside it: ``subjects.py`` (names, lists, pronouns), ``words.py`` (directions,
sessions, level and threshold words), ``figures.py`` (which number is a percent, points, a
level, a price, a mark), ``context.py`` (clauses, asides, other days and periods). The
patterns and windows they test are in ``cues.py``; the records in ``records.py``; the dates a
sentence names before binding in ``dated.py``.
"""

from hkwrap.extractors.moves.binder import bind
from hkwrap.extractors.moves.dated import note_stamp, recap_of_yesterday
from hkwrap.extractors.moves.records import BindState, Move, Num, apply_corrections, expand

__all__ = ["BindState", "Move", "Num", "apply_corrections", "bind", "expand", "note_stamp", "recap_of_yesterday"]
