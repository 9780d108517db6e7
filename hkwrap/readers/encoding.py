"""Bytes -> text: BOMs, UTF-8, and a scored guess between Big5-HKSCS and GB18030.

Order of decisions (``decode``):

1. ``encoding=`` given: that codec and nothing else (an unknown name is an InputError).
2. A byte-order mark: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE. The mark is not part of the text.
3. NUL bytes (outside UTF-16/32) or mostly control bytes: a binary file, refused.
4. Valid UTF-8 (pure ASCII included).
5. Otherwise both Big5-HKSCS and GB18030 are tried. Big5 bytes very often decode "successfully"
   as GB18030 (and GB2312 bytes as Big5) into the wrong characters, so each candidate is scored
   by how much of its non-ASCII text is made of very frequent market-report characters and CJK
   punctuation, against kana, bopomofo, private-use and other rare code points that wrong
   decodings produce. The winner is recorded in the notes ("encoding guessed: big5hkscs") so
   the CLI can say so on stderr.
6. Failing both, English text that is almost all ASCII and valid cp1252 (Windows curly quotes)
   is read as cp1252, also noted; anything else is an InputError asking for ``--encoding``.

Stray bytes (``errors=``): a UTF-8 report with a few bytes that are not UTF-8 (a byte flipped in
transit, a truncated paste) is read with each bad run replaced by U+FFFD and a note giving their
count and first offset, instead of being refused; so is a forced ``encoding``. ``errors="strict"``
refuses any bad byte; ``errors="replace"`` replaces however many there are, unless the file is
mostly undecodable. Text decoded with a forced encoding that reads like no Chinese or English
report (mojibake) gets a note too.
"""

from __future__ import annotations

import codecs
import re
import threading
from typing import NamedTuple

from hkwrap.readers._errors import input_error

GUESS_NOTE = "encoding guessed: "
DEFAULT_CANDIDATES = ("big5hkscs", "gb18030")

# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never appear in text (TAB, LF, VT, FF, CR and ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_CONTROL_CHARS: dict[int, None] = dict.fromkeys(_CONTROL_BYTES)
_SAMPLE = 64 * 1024
_MAX_CONTROL_RATIO = 0.10
_MAX_WESTERN_RATIO = 0.05  # share of bytes >= 0x80 allowed in a cp1252 guess
_HIGH_RUNS = re.compile(rb"[\x80-\xff]{2,}")
_CLEAR_MARGIN = 0.5
_SCORE_SAMPLE = 32 * 1024  # characters scored per candidate: plenty to tell, cheap on big files

# Very frequent characters of Hong Kong market reports, Traditional and Simplified forms both.
# Written for this module; the list only needs to be common, not complete.
FREQUENT_CJK = frozenset(
    "的一是不了人在有中國国港股市升跌點点指數数億亿元萬万"
    "大上下為为個个們们這这來来以到會会和要就出也對对年月日今"
    "收報报盤盘成交額额恒生科技企業业板塊块資资金南北向淨净買买賣卖"
    "沽空比率價价格漲涨幅新高低開开午早全天主公司集團团銀银行保險险"
    "地產产內内外美民幣币及與与或但而於于之其後后前將将已經经再由從从"
    "被並并等多少至約约近逾超過过較较同時时期間间表示分析預预計计顯显"
    "相關关重要投者能源汽車车電电訊讯醫医藥药消費费網网騰腾訊讯阿里巴"
    "小米美團团京東东物管理房商場场易所通滬沪深證证券基週周季度半均"
    "反彈弹回落挫瀉泻飆飙揚扬強强弱勢势好淡續续連连累計计減减增加"
)

_BIG5_NAMES = frozenset({"big5", "cp950"})

ERRORS = ("strict", "replace")  # None: replace a few stray bytes, refuse more
# "A few" stray bytes, replaced without being asked: at most 1% of the file, and never fewer
# than 8 allowed (a short report with one damaged character is still worth reading).
FEW_BAD_SHARE = 0.01
FEW_BAD_MIN = 8
# More than half of the bytes undecodable is not the encoding at all, even with "replace".
MOSTLY_BAD_SHARE = 0.5
# A forced encoding's text "looks garbled" when its non-ASCII characters score below this on
# plausibility() (rare code points outweigh frequent report characters) ...
GARBLED_SCORE = 0.0
# ... judged only on at least this many non-ASCII characters (a lone name or symbol says little).
GARBLED_MIN_CHARS = 20
_PUNCT_RANGES = ((0x3000, 0x303F), (0xFF01, 0xFF5E), (0x2010, 0x2027))
_CJK_RANGE = (0x4E00, 0x9FFF)


class Decoded(NamedTuple):
    text: str
    encoding: str  # codec name actually used
    notes: tuple[str, ...] = ()


def decode(
    data: bytes, name: str, encoding: str | None = None, errors: str | None = None
) -> Decoded:
    """Decode ``data`` (the bytes of the file called ``name``); raise InputError on failure.

    ``errors``: None replaces a few stray bytes (with a note) and refuses more; ``"strict"``
    refuses any; ``"replace"`` replaces any number unless the file is mostly undecodable."""
    if errors is not None and errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
    if encoding:
        return _decode_as(data, name, encoding, errors)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if errors == "strict":
                text, notes = _strict(data[len(bom) :], codec, name), ()
            else:
                text, notes = _tolerant(data[len(bom) :], codec, name, errors, forced=False)
            _refuse_binary_text(text, name)
            return Decoded(text, codec, notes)
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise input_error(name, "binary file, not a report (NUL bytes)")
        text = _strict(data, utf16, name)
        _refuse_binary_text(text, name)
        return Decoded(text, utf16, (GUESS_NOTE + utf16,))
    _refuse_binary_bytes(data, name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            # A file cut in the middle of a character (head -c, a truncated download).
            text = data[: exc.start].decode("utf-8")
            return Decoded(text, "utf-8", ("incomplete UTF-8 character at the end dropped",))
    stray: tuple[str, int, int] | None = None
    if errors != "strict":
        text, bad, first = decode_counting(data, "utf-8")
        if _acceptable(bad, len(data), errors):
            stray = (text, bad, first)
            valid_non_ascii = sum(1 for ch in text if ch >= "\x80") - text.count("\ufffd")
            if valid_non_ascii > bad:  # UTF-8 characters outnumber the bad bytes: a UTF-8 file
                return Decoded(text, "utf-8", (stray_note(bad, first, "utf-8"),))
    scores = score_cjk(data)
    codec = _confident(scores) or _western_guess(data) or _neutral_winner(scores)
    if codec is None:
        if stray is not None:
            text, bad, first = stray
            return Decoded(text, "utf-8", (stray_note(bad, first, "utf-8"),))
        _, bad, first = stray or decode_counting(data, "utf-8")
        hint = "pass --encoding" if errors == "strict" or bad > MOSTLY_BAD_SHARE * len(data) else (
            "pass --encoding, or --encoding-errors replace to read it anyway"
        )
        raise input_error(
            name,
            f"cannot decode as UTF-8/Big5/GB18030 ({bad:,} bytes not UTF-8, first at offset "
            f"{first}); {hint}",
        )
    return Decoded(data.decode(codec), codec, (GUESS_NOTE + codec,))


def stray_note(bad: int, first: int, codec: str) -> str:
    """The note for bytes replaced while decoding."""
    many = "byte" if bad == 1 else "bytes"
    return (
        f"{bad} {many} not valid {codec} replaced with U+FFFD (first at offset {first}); "
        "--encoding-errors strict refuses such files"
    )


def _acceptable(bad: int, size: int, errors: str | None) -> bool:
    """Whether ``bad`` undecodable bytes out of ``size`` may be replaced under ``errors``."""
    if errors == "replace":
        return bad <= MOSTLY_BAD_SHARE * size
    return bad <= max(FEW_BAD_MIN, FEW_BAD_SHARE * size)


_COUNTS = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: replace like ``errors="replace"``, recording what was replaced."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    record = _COUNTS.record
    if record[1] < 0:
        record[1] = exc.start
    record[0] += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error("hkwrap-count", _count_and_replace)


def decode_counting(data: bytes, codec: str) -> tuple[str, int, int]:
    """``data`` decoded with bad bytes replaced by U+FFFD: (text, bad byte count, offset of the
    first bad byte or -1)."""
    _COUNTS.record = [0, -1]
    text = data.decode(codec, errors="hkwrap-count")
    bad, first = _COUNTS.record
    return text, bad, first


def _tolerant(
    data: bytes, codec: str, name: str, errors: str | None, *, forced: bool
) -> tuple[str, tuple[str, ...]]:
    """Decode, replacing bad bytes when ``errors`` allows their number; else an InputError that
    says what to do (never "pass --encoding" to someone who did)."""
    try:
        return data.decode(codec), ()
    except UnicodeDecodeError:
        pass
    text, bad, first = decode_counting(data, codec)
    if _acceptable(bad, len(data), errors):
        return text, (stray_note(bad, first, codec),)
    what = f"cannot decode as {codec}: {bad:,} of {len(data):,} bytes invalid (first at offset {first})"
    if errors == "replace" or bad > MOSTLY_BAD_SHARE * len(data):
        hint = "is it really " + codec + "?" if forced else "pass --encoding"
    elif forced:
        hint = f"is it really {codec}? --encoding-errors replace reads it anyway"
    else:
        hint = "pass --encoding, or --encoding-errors replace to read it anyway"
    raise input_error(name, f"{what}; {hint}")


def looks_garbled(text: str) -> bool:
    """Whether decoded text reads like mojibake: enough non-ASCII characters, and rare code points
    (kana, Latin-1 letters, private use ...) outweighing the frequent characters of reports."""
    sample = text[:_SCORE_SAMPLE]
    non_ascii = sum(1 for ch in sample if ch >= "\x80")
    return non_ascii >= GARBLED_MIN_CHARS and plausibility(sample) < GARBLED_SCORE


def guess_cjk(data: bytes, candidates: tuple[str, ...] = DEFAULT_CANDIDATES) -> str | None:
    """The candidate codec whose strict decoding reads most like a Chinese report, or None."""
    scores = score_cjk(data, candidates)
    return _confident(scores) or _neutral_winner(scores)


def score_cjk(
    data: bytes, candidates: tuple[str, ...] = DEFAULT_CANDIDATES
) -> list[tuple[float, str]]:
    """(plausibility, codec) for each candidate that decodes ``data`` strictly, best first;
    equal scores keep candidate order (Big5-HKSCS first, for Hong Kong reports)."""
    scored: list[tuple[float, int, str]] = []
    for i, codec in enumerate(candidates):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text[:_SCORE_SAMPLE]), i, codec))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [(score, codec) for score, _, codec in scored]


def _confident(scores: list[tuple[float, str]]) -> str | None:
    """The best candidate when its text holds frequent report characters (score above 0)."""
    return scores[0][1] if scores and scores[0][0] > 0 else None


def _neutral_winner(scores: list[tuple[float, str]]) -> str | None:
    """A candidate with nothing frequent but nothing odd either (say a lone name like 舜宇光學),
    when every other reading is clearly worse (rare characters) or fails to decode."""
    if not scores or scores[0][0] < 0:
        return None
    if len(scores) > 1 and scores[1][0] > scores[0][0] - _CLEAR_MARGIN:
        return None
    return scores[0][1]


def _western_guess(data: bytes) -> str | None:
    """'cp1252' for English text saved by Windows (curly quotes, a stray é): almost all ASCII,
    and no Chinese reading scored. Anything else is left to ``--encoding``."""
    sample = data[:_SAMPLE]
    high = sum(1 for b in sample if b >= 0x80)
    if high > _MAX_WESTERN_RATIO * len(sample):
        return None
    # cp1252 puts single high bytes between ASCII ones (’ “ é); Big5 and GB18030 mostly pairs.
    paired = sum(len(run) for run in _HIGH_RUNS.findall(sample))
    if paired > 0.2 * high:
        return None
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "cp1252"


def plausibility(text: str) -> float:
    """Average score per non-ASCII character: frequent CJK +3, CJK punctuation +1, other CJK
    0, anything else (kana, bopomofo, private use, extension blocks, Latin-1 ...) -2.
    Returns 1.0 for text with no non-ASCII character at all."""
    total = 0
    count = 0
    lo, hi = _CJK_RANGE
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            continue
        count += 1
        if ch in FREQUENT_CJK:
            total += 3
        elif lo <= cp <= hi:
            pass
        elif any(a <= cp <= b for a, b in _PUNCT_RANGES):
            total += 1
        else:
            total -= 2
    return total / count if count else 1.0


def _decode_as(data: bytes, name: str, encoding: str, errors: str | None = None) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise input_error(name, f"unknown encoding {encoding!r}") from None
    notes: tuple[str, ...] = ()
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        if codec in _BIG5_NAMES:
            # Hong Kong text written as "Big5" is usually Big5-HKSCS (恒, 邨 ...): its superset.
            codec = "big5hkscs"
            notes = (f"{encoding} could not decode every byte; read as big5hkscs",)
        if errors == "strict":
            text = _strict(data, codec, name, forced=True)
        else:
            text, more = _tolerant(data, codec, name, errors, forced=True)
            notes += more
    if text.startswith("\ufeff"):
        text = text[1:]
    _refuse_binary_text(text, name)
    if looks_garbled(text):
        notes += (
            f"the text decoded as {codec} looks garbled (few characters usual in reports); "
            "is that the file's encoding? `hkwrap text` shows the decoded text",
        )
    return Decoded(text, codec, notes)


def _strict(data: bytes, codec: str, name: str, *, forced: bool = False) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        hint = f"is it really {codec}?" if forced else "pass --encoding"
        raise input_error(
            name, f"cannot decode as {codec} (byte 0x{bad} at offset {exc.start}); {hint}"
        ) from None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for BOM-less UTF-16 of mostly ASCII text, else None."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(odd) // 2
    if odd.count(0) > half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _refuse_binary_bytes(data: bytes, name: str) -> None:
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise input_error(name, "binary file, not a report (mostly control characters)")


def _refuse_binary_text(text: str, name: str) -> None:
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        raise input_error(name, "binary file, not a report (NUL characters)")
    controls = len(sample) - len(sample.translate(_CONTROL_CHARS))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise input_error(name, "binary file, not a report (mostly control characters)")
