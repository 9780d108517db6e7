"""Synthetic report corpora for the benchmark.

Each generated report mixes two kinds of sentences: sentences taken from ``samples/`` with their
figures and stock codes changed, and sentences from the templates below filled with random
securities (from the package's own securities table) and random figures. Reports are English,
Traditional Chinese, Simplified Chinese or mixed, 3-20 KB each, mostly plain text with some
Markdown (front matter) and HTML. Generation is seeded, so a corpus is the same every run and is
reused from ``bench/out/`` when its manifest matches.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GENERATOR_VERSION = 2  # bump when the generator changes, so cached corpora are rebuilt
FILES_PER_DIR = 1000
MIN_FILE, MAX_FILE = 3_000, 20_000  # bytes of UTF-8 per generated report

_HAN = re.compile(r"[\u3400-\u9fff]")
_SPLIT = re.compile(r"(?<=[。！？；])|(?<=[.;!?])\s+|\n+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Security:
    code: str
    name: str
    zh: str
    zh_s: str


def _t2s() -> dict[int, str]:
    data = yaml.safe_load((ROOT / "hkwrap" / "data" / "t2s.yaml").read_text(encoding="utf-8"))
    return {ord(k): v for k, v in data.items() if isinstance(k, str) and len(k) == 1}


def _securities() -> list[Security]:
    rows = yaml.safe_load((ROOT / "hkwrap" / "data" / "securities.yaml").read_text(encoding="utf-8"))
    t2s = _t2s()
    out = []
    for row in rows:
        if row.get("type", "equity") != "equity" or not row.get("zh") or not row.get("name"):
            continue
        out.append(Security(row["code"], row["name"], row["zh"], row["zh"].translate(t2s)))
    return out


def _sample_sentences() -> tuple[list[str], list[str]]:
    """English and Chinese sentences of the sample reports, as the readers decode them."""
    from hkwrap.readers import read_path

    en: list[str] = []
    zh: list[str] = []
    for path in sorted(SAMPLES.iterdir()):
        for src in read_path(str(path)):
            for piece in _SPLIT.split(src.text[src.body_start :]):
                piece = piece.strip()
                if len(piece) < 12:
                    continue
                han = len(_HAN.findall(piece))
                (zh if han > len(piece) * 0.3 else en).append(piece)
    return en, zh


# -- templates written for the benchmark ------------------------------------------------------

EN_TEMPLATES = (
    "The Hang Seng Index {updown_en} {pts} points, or {pct}%, to close at {level}.",
    "The Hang Seng China Enterprises Index {updown_en} {pct}% to {level2}.",
    "The Hang Seng TECH Index {updown_en} {pct}% to finish at {level3}.",
    "{name} ({code4}.HK) {updown_en} {pct}% to HK${price}.",
    "{name} ({code4}.HK) {updown_en} {pct}% to HK${price}, on turnover of HK${bn} billion.",
    "Shares of {name} {updown_en} as much as {pct}% intraday before closing {updown_adv} {pct2}%.",
    "{name} and {name2} {updown_en} {pct}% and {pct2}% respectively.",
    "Main-board turnover came to HK${turn} billion, against HK${turn2} billion a day earlier.",
    "Mainland investors {buysell_en} a net HK${bn} billion of local shares through Stock Connect.",
    "Gainers outnumbered losers by {adv} to {dec}, with {unch} issues unchanged.",
    "Analysts see support for the Hang Seng Index at {sup} points and resistance at {res}.",
    "Strategists set a year-end target of {tgt} points for the Hang Seng Index.",
    "The short-selling ratio stood at {pct}% of main-board turnover.",
    "Elsewhere in Asia, Japan's Nikkei 225 {updown_en} {pct}% and the Kospi {updown_en2} {pct2}%.",
    "{name} (HK:{code4}) was little changed at HK${price} after its results on {month} {day}.",
)

ZH_HANT_TEMPLATES = (
    "恒指收市{updown_t} {pts} 點或 {pct}%，報 {level} 點。",
    "國企指數{updown_t2} {pct}%，報 {level2} 點；恒生科技指數{updown_t} {pct2}%，報 {level3} 點。",
    "{zh}（{code5}）{updown_t} {pct}%，收報 {price} 元。",
    "{zh}一度{updown_t} {pct}%，收市{updown_t2}幅收窄至 {pct2}%。",
    "{zh}及{zh2}分別{updown_t} {pct}% 及 {pct2}%。",
    "大市全日成交 {yi} 億元，較上日{more_less}。",
    "港股通錄得淨{buysell_t} {yi2} 億元，連續第 {days} 日淨流入。",
    "分析員指，恒指支持位在 {sup} 點，阻力位則為 {res} 點。",
    "{zh}半日{updown_t} {pct}%，報 {price} 元，成交 {yi2} 億元。",
    "恒指今早高開 {pts2} 點，午後一度低見 {level} 點。",
)

ZH_HANS_TEMPLATES = (
    "截至收盘，恒生指数{updown_s}{pts}点，{updown_s}幅{pct}%，报{level}点。",
    "国企指数{updown_s2}{pct}%，报{level2}点；恒生科技指数{updown_s}{pct2}%，报{level3}点。",
    "{zh_s}({code5})收报{price}元，{updown_s}{pct}%。",
    "{zh_s}、{zh_s2}分别{updown_s}{pct}%、{pct2}%。",
    "大市成交额{yi}亿港元，较上一交易日有所{more_less_s}。",
    "南向资金净{buysell_s}{yi2}亿港元。",
    "全市场上涨{adv}只、下跌{dec}只、平收{unch}只。",
    "恒指上方阻力位于{res}点，下方支撑看{sup}点。",
    "{zh_s}一度大涨{pct}%，收盘涨幅收窄至{pct2}%。",
    "{month_n}月{day}日，港股三大指数集体收{updown_s}。",
)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Generator:
    """Seeded source of report text."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.secs = _securities()
        self.en_pool, self.zh_pool = _sample_sentences()
        names = sorted({s.name for s in self.secs} | {s.zh for s in self.secs}, key=len, reverse=True)
        self._name_re = re.compile("|".join(re.escape(n) for n in names if len(n) >= 2))

    # figures
    def _pct(self) -> str:
        return f"{self.rng.uniform(0.05, 9.9):.2f}"

    def _level(self, lo: int, hi: int) -> str:
        return f"{self.rng.uniform(lo, hi):,.2f}"

    def _fields(self) -> dict[str, str]:
        r = self.rng
        a, b = r.sample(self.secs, 2)
        up = r.random() < 0.5
        sup = r.randint(22_000, 27_000)
        return {
            "updown_en": r.choice(("rose", "gained", "climbed") if up else ("fell", "lost", "slid")),
            "updown_en2": r.choice(("rose", "fell")),
            "updown_adv": "up" if up else "down",
            "updown_t": "升" if up else "跌",
            "updown_t2": r.choice("升跌"),
            "updown_s": "涨" if up else "跌",
            "updown_s2": r.choice("涨跌"),
            "buysell_en": r.choice(("bought", "sold")),
            "buysell_t": r.choice(("買入", "賣出")),
            "buysell_s": r.choice(("买入", "卖出")),
            "more_less": r.choice(("增加", "減少")),
            "more_less_s": r.choice(("放大", "萎缩")),
            "pct": self._pct(),
            "pct2": self._pct(),
            "pts": f"{r.uniform(5, 900):.2f}",
            "pts2": str(r.randint(10, 300)),
            "level": self._level(22_000, 28_500),
            "level2": self._level(7_500, 10_000),
            "level3": self._level(4_500, 6_500),
            "price": f"{r.uniform(1, 700):.2f}",
            "bn": f"{r.uniform(0.2, 15):.2f}",
            "turn": f"{r.uniform(90, 350):.1f}",
            "turn2": f"{r.uniform(90, 350):.1f}",
            "yi": f"{r.uniform(900, 3500):.1f}",
            "yi2": f"{r.uniform(5, 150):.1f}",
            "adv": f"{r.randint(300, 1600):,}",
            "dec": f"{r.randint(300, 1600):,}",
            "unch": str(r.randint(200, 1000)),
            "days": str(r.randint(2, 20)),
            "sup": f"{sup:,}",
            "res": f"{sup + r.randint(300, 2000):,}",
            "tgt": f"{sup + r.randint(1000, 4000):,}",
            "name": a.name,
            "name2": b.name,
            "zh": a.zh,
            "zh2": b.zh,
            "zh_s": a.zh_s,
            "zh_s2": b.zh_s,
            "code4": a.code[1:],
            "code5": a.code,
            "month": r.choice(MONTHS),
            "month_n": str(r.randint(1, 12)),
            "day": str(r.randint(1, 28)),
        }

    def _perturb(self, sentence: str, zh: bool) -> str:
        """A sample sentence with its figures changed and its securities swapped."""
        r = self.rng

        def digits(m: re.Match[str]) -> str:
            s = m.group(0)
            if len(s) <= 2 or (len(s) == 4 and s.startswith("20")):
                return s  # keep days, months, hours and years plausible
            return str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in s[1:])

        def name(m: re.Match[str]) -> str:
            sec = r.choice(self.secs)
            return sec.zh if zh else sec.name

        return self._name_re.sub(name, _DIGITS.sub(digits, sentence))

    def sentence(self, lang: str) -> str:
        r = self.rng
        if lang == "mixed":
            lang = r.choice(("en", "zh-Hant", "zh-Hans"))
        if r.random() < 0.5:  # recombined from the samples
            if lang == "en":
                return self._perturb(r.choice(self.en_pool), zh=False)
            return self._perturb(r.choice(self.zh_pool), zh=True)
        templates = {"en": EN_TEMPLATES, "zh-Hant": ZH_HANT_TEMPLATES}.get(lang, ZH_HANS_TEMPLATES)
        return r.choice(templates).format(**self._fields())

    def report(self, lang: str, size: int) -> str:
        """One report of about ``size`` bytes (UTF-8)."""
        r = self.rng
        day = f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        parts = [self.sentence(lang), "", day, ""]
        used = sum(len(p.encode()) + 1 for p in parts)
        while used < size:
            para_lang = lang
            sents = [self.sentence(para_lang) for _ in range(r.randint(2, 5))]
            sep = "" if lang.startswith("zh") else " "
            para = sep.join(sents)
            parts += [para, ""]
            used += len(para.encode()) + 2
        return "\n".join(parts)


def _wrap(text: str, fmt: str) -> str:
    if fmt == "md":
        head, _, body = text.partition("\n")
        return f"---\ntitle: \"{head[:60].replace(chr(34), '')}\"\nlocale: zh-HK\n---\n\n# {head}\n{body}"
    if fmt == "html":
        head, _, body = text.partition("\n")
        paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
        return (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{head}</title></head>"
            f"<body><article><h1>{head}</h1>\n{paras}</article></body></html>\n"
        )
    return text


LANG_MIXES: dict[str, tuple[tuple[str, float], ...]] = {
    "mixed": (("en", 0.45), ("zh-Hant", 0.25), ("zh-Hans", 0.2), ("mixed", 0.1)),
    "zh": (("zh-Hant", 0.5), ("zh-Hans", 0.5)),
}
FORMAT_MIXES: dict[str, tuple[tuple[str, float], ...]] = {
    "mixed": (("txt", 0.9), ("md", 0.05), ("html", 0.05)),
    "zh": (("txt", 1.0),),
}


def _pick(rng: random.Random, weights: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _ in weights], [w for _, w in weights])[0]


def _manifest_ok(path: Path, want: dict[str, object]) -> bool:
    try:
        return json.loads(path.read_text()) == want
    except (OSError, ValueError):
        return False


def build_corpus(
    out: Path, kind: str, megabytes: float, log: Callable[[str], None] = print
) -> tuple[Path, int, int]:
    """A folder of reports totalling ``megabytes`` MB (10**6 bytes): the samples (for the mixed
    kind) plus generated reports. Returns (folder, bytes, files); reused when already built."""
    folder = out / f"corpus-{kind}-{megabytes:g}MB"
    manifest = folder / ".manifest.json"
    target = int(megabytes * 1_000_000)
    want: dict[str, object] = {"version": GENERATOR_VERSION, "kind": kind, "bytes": target}
    counts = _read_counts(manifest)
    if counts["files"] > 0 and _manifest_ok(manifest, {**want, **counts}):
        return folder, counts["total_bytes"], counts["files"]
    log(f"bench: building {folder.name} ...")
    if folder.exists():
        for p in sorted(folder.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
    folder.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed=_seed(kind, target))
    total = files = 0
    if kind == "mixed":
        for sample in sorted(SAMPLES.iterdir()):
            data = sample.read_bytes()
            (folder / sample.name).write_bytes(data)
            total += len(data)
            files += 1
    while total < target:
        sub = folder / f"d{files // FILES_PER_DIR:04d}"
        sub.mkdir(exist_ok=True)
        lang = _pick(gen.rng, LANG_MIXES[kind])
        fmt = _pick(gen.rng, FORMAT_MIXES[kind])
        size = min(gen.rng.randint(MIN_FILE, MAX_FILE), max(MIN_FILE, target - total))
        data = _wrap(gen.report(lang, size), fmt).encode()
        (sub / f"r{files:06d}.{fmt}").write_bytes(data)
        total += len(data)
        files += 1
        if files % 2000 == 0:
            log(f"bench:   {total / 1e6:.0f} / {megabytes:g} MB")
    manifest.write_text(json.dumps({**want, "total_bytes": total, "files": files}))
    return folder, total, files


def _read_counts(manifest: Path) -> dict[str, int]:
    try:
        data = json.loads(manifest.read_text())
        return {"total_bytes": int(data["total_bytes"]), "files": int(data["files"])}
    except (OSError, ValueError, KeyError, TypeError):
        return {"total_bytes": -1, "files": -1}


def _seed(kind: str, target: int) -> int:
    return sum(map(ord, kind)) * 1_000_003 + target


def _build_once(
    out: Path, name: str, suffix: str, megabytes: float, log: Callable[[str], None],
    write: Callable[[IO[str], Generator, int], None],
) -> tuple[Path, int]:
    """``out/name-<MB>MB.suffix`` of about ``megabytes`` MB, written by ``write(file,
    generator, target bytes)``; kept, beside a manifest, until the generator changes."""
    path = out / f"{name}-{megabytes:g}MB.{suffix}"
    manifest = out / f".{name}-{megabytes:g}MB.json"
    target = int(megabytes * 1_000_000)
    want = {"version": GENERATOR_VERSION, "bytes": target}
    if path.exists() and _manifest_ok(manifest, want):
        return path, path.stat().st_size
    log(f"bench: building {path.name} ...")
    with path.open("w", encoding="utf-8") as f:
        write(f, Generator(seed=_seed(name, target)), target)
    manifest.write_text(json.dumps(want))
    return path, path.stat().st_size


def build_single(
    out: Path, megabytes: float, log: Callable[[str], None] = print
) -> tuple[Path, int]:
    """One plain-text file of ``megabytes`` MB: many mixed-language reports back to back."""

    def write(f: IO[str], gen: Generator, target: int) -> None:
        total = 0
        while total < target:
            lang = _pick(gen.rng, LANG_MIXES["mixed"])
            text = gen.report(lang, gen.rng.randint(MIN_FILE, MAX_FILE)) + "\n\n"
            f.write(text)
            total += len(text.encode())

    return _build_once(out, "single", "txt", megabytes, log, write)


def iter_reports(seed: int, count: int, lang: str = "mixed") -> Iterator[str]:
    """``count`` generated reports (for tests and ad-hoc profiling)."""
    gen = Generator(seed)
    for _ in range(count):
        yield gen.report(lang, gen.rng.randint(MIN_FILE, MAX_FILE))


def build_news_json(
    out: Path, megabytes: float, log: Callable[[str], None] = print
) -> tuple[Path, int]:
    """One news-API JSON file of ``megabytes`` MB: ``{"status": "ok", "articles": [...]}`` with
    one object per generated mixed-language report (title, body, publishedAt, source, url)."""

    def write(f: IO[str], gen: Generator, target: int) -> None:
        head = '{"status": "ok", "articles": [\n'
        f.write(head)
        total, number = len(head), 0
        while total < target:
            lang = _pick(gen.rng, LANG_MIXES["mixed"])
            title, _, body = gen.report(lang, gen.rng.randint(MIN_FILE, MAX_FILE)).partition("\n")
            number += 1
            article = {
                "source": {"id": None, "name": "Bench Wire"},
                "title": title,
                "url": f"https://news.example/{number}",
                "publishedAt": f"2026-{gen.rng.randint(1, 12):02d}-{gen.rng.randint(1, 28):02d}T08:00:00Z",
                "content": body.strip(),
            }
            text = ("" if number == 1 else ",\n") + json.dumps(article, ensure_ascii=False)
            f.write(text)
            total += len(text.encode())
        f.write("\n]}\n")

    return _build_once(out, "news", "json", megabytes, log, write)
