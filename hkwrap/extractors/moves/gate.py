"""Which cue patterns a text can match at all, from the words each cue cannot match without.

Most of the binder's cues are searched in a small window around every figure, and most of them
are made of words a given report never holds (an English report holds none of the Chinese cues'
words, and the other way round). A call of ``regex`` costs about as much as a short match even
when it fails at the first character, so each cue is asked first whether the text holds one of
its *required words*: strings one of which every match of the pattern holds. They are read off
the pattern itself (:func:`required_words`), never written by hand, so a cue and its gate cannot
drift apart. A cue whose required words are not in the text cannot match anywhere in it, and the
answer of any search of it is None, as the search would give.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

# Ranges of a character class spelled out as required characters up to this size; a larger
# class ("[a-z]", a Han block) requires nothing useful.
_CLASS_CHARS = 64
# regex's flags that change what a literal matches (IGNORECASE) or how the pattern is read
# (VERBOSE); the parser is given the latter, a pattern with the former is never gated.
_IGNORECASE = 0x2
_VERBOSE = 0x40


@cache
def required_words(source: str, flags: int) -> tuple[str, ...] | None:
    """Strings one of which every match of the pattern ``source`` holds (as text it consumes),
    or None when none can be told (a pattern the standard library's parser cannot read, one
    that ignores case, or one whose every part is optional or a class of characters).

    Read from the parse tree of Python's ``re`` parser, which reads the syntax these patterns
    share with ``regex`` (version 0) alike; what ``re`` cannot parse (``regex``'s own syntax)
    is left ungated. A sequence requires what any one of its mandatory parts requires (a run of
    literal characters, a group, a repeat of at least once, a small class); alternatives require
    the union of what each requires. Look-arounds and anchors require nothing."""
    if flags & _IGNORECASE:
        return None
    try:
        from re import _constants, _parser  # the standard library's own reader of patterns
    except ImportError:  # (a Python whose re is laid out otherwise: nothing is gated)
        return None
    try:
        tree = _parser.parse(source, flags & _VERBOSE)
    except Exception:  # (regex's own syntax: \p{Han}, variable look-behind forms re rejects)
        return None
    if tree.state.flags & _IGNORECASE:
        return None
    found = _required(tree, _constants)
    return tuple(sorted(found)) if found else None


def _required(items: Any, k: Any) -> set[str] | None:
    """What the sequence ``items`` (a parse tree's list of (op, argument)) requires, or None."""
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is k.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        need: set[str] | None = None
        if op is k.SUBPATTERN:
            need = None if av[1] & _IGNORECASE else _required(av[3], k)
        elif op is k.BRANCH:
            each = [_required(branch, k) for branch in av[1]]
            need = set().union(*each) if all(e for e in each) else None  # type: ignore[misc]
        elif op in (k.MAX_REPEAT, k.MIN_REPEAT, k.POSSESSIVE_REPEAT):
            need = _required(av[2], k) if av[0] >= 1 else None
        elif op is k.ATOMIC_GROUP:
            need = _required(av, k)
        elif op is k.IN:
            need = _class_chars(av, k)
        if need:
            options.append(need)
    if run:
        options.append({run})
    if not options:
        return None
    # any one mandatory part will do: the one of fewest words, then of the longest shortest word
    return min(options, key=lambda o: (len(o), -min(map(len, o))))


def _class_chars(members: Any, k: Any) -> set[str] | None:
    """The characters a small class of literal characters and ranges matches, or None."""
    chars: set[str] = set()
    for op, av in members:
        if op is k.LITERAL:
            chars.add(chr(av))
        elif op is k.RANGE and av[1] - av[0] < _CLASS_CHARS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # (a negated class, a category such as \d or \s, a large range)
            return None
    return chars or None


class _NoMatch:
    """Stands for a cue the text cannot match: every search of it finds nothing, as the
    pattern's own would, without a call into ``regex``."""

    __slots__ = ()

    def match(self, *_: object) -> None:
        return None

    search = fullmatch = match


_NO_MATCH = _NoMatch()


class CueGate(dict):  # type: ignore[type-arg]
    """For one text: each cue pattern asked of it (the key), as itself where the text can match
    it, else as a pattern that never matches. Built as asked; a text's gate is kept with it
    (``Prepared.once``), and a cue is asked through it: ``cues[_CUE].search(folded, a, b)``."""

    def __init__(self, folded: str) -> None:
        super().__init__()
        self.folded = folded

    def __missing__(self, pattern: regex.Pattern[str]) -> regex.Pattern[str] | _NoMatch:
        words = required_words(pattern.pattern, pattern.flags)
        can = words is None or any(w in self.folded for w in words)
        gated = self[pattern] = pattern if can else _NO_MATCH
        return gated
