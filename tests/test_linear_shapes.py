"""Work grows linearly with input in every shape a broken feed produces (issue 10 item 5).

Work is counted, not timed: the number of Python function calls and generator steps the
extraction makes (``sys.setprofile`` sees each one, deterministically). Doubling the input must
at most double the work, give or take a fixed start (the first call builds tables). A per-pair
loop over the names of a sentence, or a pattern retried from every position, shows up here as
a ratio far above 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from hkwrap import Options, extract_text

# One unit of each shape; the test repeats it to two sizes.
SHAPES: dict[str, Callable[[int], str]] = {
    # a report with no full stop at all, Chinese clauses joined by commas
    "no_full_stop_zh": lambda n: "恒指升1.2%報25,300點，騰訊(00700)升5%，美團跌2.1%，北水淨買入12億元，" * n,
    # one English clause repeated, no line break
    "repeated_clause_en": lambda n: "Tencent rose 5% to HK$400 and Alibaba fell 2% while the Hang Seng Index gained 1.1%, " * n,
    # digits and commas only
    "digits_and_commas": lambda n: "1,234,567,890,123, " * n,
    # ordinary sentences on one line, no line break anywhere
    "one_line": lambda n: "The Hang Seng Index rose 1.2% to 25,300. Xiaomi (1810.HK) gained 3%; 恒指收市跌286點。 " * n,
}
UNITS = 150  # about 6-12 KB per shape at the smaller size: seconds under the profiler
# Doubling the input may cost at most this much more than double the work: the fixed cost of a
# run (the first call's tables, the document's own records) is not proportional.
MAX_RATIO = 2.15


def _work(text: str) -> int:
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    options = Options(use_user_config=False)
    extract_text("warm-up: 恒指升1%。", options=options)  # tables built before counting
    sys.setprofile(count)
    try:
        extract_text(text, options=options)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_doubles_at_most_when_the_input_doubles(shape: str) -> None:
    make = SHAPES[shape]
    small, large = _work(make(UNITS)), _work(make(2 * UNITS))
    assert small > 0
    assert large <= MAX_RATIO * small, f"{shape}: {small} calls for {UNITS} units, {large} for {2 * UNITS}"


def test_the_sentence_bound_is_what_keeps_a_run_on_report_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lift the bound on one sentence and the count sees the work grow faster than the input:
    the measure above can fail."""
    import hkwrap.text.prepare as prepare

    monkeypatch.setattr(prepare, "MAX_SENTENCE_CHARS", 10**9)
    make = SHAPES["no_full_stop_zh"]
    small, large = _work(make(UNITS)), _work(make(2 * UNITS))
    assert large > MAX_RATIO * small
