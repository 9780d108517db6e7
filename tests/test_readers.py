"""Readers: bytes -> Source (text, body_start, kind, metadata, notes), and the errors they raise."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from hkwrap.errors import InputError
from hkwrap.readers import Source, iter_inputs, read_bytes, read_path
from hkwrap.readers.encoding import guess_cjk, plausibility
from hkwrap.readers.frontmatter import has_front_matter
from hkwrap.readers.markup import html_to_text

# Small reports written for these tests.
ZH_HANT = (
    "【港股收市】恒指收市跌 312 點，報 25,418 點，國企指數跌 1.4%。"
    "大市全日成交 2,315 億元，北水淨買入 42.6 億元。騰訊（00700）跌 2.1%，報 498 元。"
)
ZH_HANS = (
    "港股收盘：恒生指数跌1.15%，报25418点，恒生科技指数跌2.3%。"
    "全天成交额2315亿港元，南向资金净买入42.6亿港元。腾讯控股跌2.1%。"
)
EN = (
    "Hong Kong stocks closed lower on Thursday. The Hang Seng Index fell 312 points, or 1.21%, "
    "to 25,418.30, and turnover reached HK$231.5 billion."
)


def one(sources: list[Source]) -> Source:
    assert len(sources) == 1
    return sources[0]


# --- plain text and encodings -------------------------------------------------------------


def test_plain_text_kept_as_decoded() -> None:
    raw = "Line one\r\nLine two\r\n" + EN
    src = one(read_bytes(raw.encode(), "report.txt"))
    assert src.kind == "text"
    assert src.text == raw  # \r\n kept: offsets refer to the decoded text
    assert src.body_start == 0
    assert src.metadata == {}
    assert src.notes == ()


def test_utf8_bom_removed() -> None:
    src = one(read_bytes(codecs.BOM_UTF8 + ZH_HANT.encode(), "a.txt"))
    assert src.text == ZH_HANT
    assert src.notes == ()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_BE if codec == "utf-16-be" else codecs.BOM_UTF16_LE
    data = ZH_HANT.encode(codec)
    if codec != "utf-16":
        data = bom + data
    elif not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        pytest.skip("platform utf-16 wrote no BOM")
    src = one(read_bytes(data, "a.txt"))
    assert src.text == ZH_HANT


def test_utf16_without_bom_mostly_ascii_is_guessed() -> None:
    src = one(read_bytes(EN.encode("utf-16-le"), "a.txt"))
    assert src.text == EN
    assert src.notes == ("encoding guessed: utf-16-le",)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (ZH_HANT, "big5hkscs"),
        (ZH_HANT, "gb18030"),
        (ZH_HANS, "gb18030"),
        (ZH_HANT[:14], "big5hkscs"),  # a headline alone
        (ZH_HANS[:12], "gb18030"),
    ],
)
def test_legacy_chinese_encodings_guessed(tmp_path: Path, text: str, codec: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(codec))
    src = one(read_path(path))
    assert src.text == text
    assert src.notes == (f"encoding guessed: {codec}",)


@pytest.mark.parametrize("codec", ["big5hkscs", "gb18030"])
@pytest.mark.parametrize("company", ["騰訊控股", "舜宇光學"])  # with / without frequent characters
def test_english_with_one_chinese_name(codec: str, company: str) -> None:
    text = f"{EN} Shares of {company} (02382) fell 2%."
    src = one(read_bytes(text.encode(codec), "a.txt"))
    assert src.text == text
    assert src.notes == (f"encoding guessed: {codec}",)


def test_big5_that_also_decodes_as_gb18030_is_still_big5() -> None:
    data = ZH_HANT.encode("big5hkscs")
    wrong = data.decode("gb18030")  # decodes without error, into the wrong characters
    assert wrong != ZH_HANT
    assert plausibility(ZH_HANT) > plausibility(wrong)
    assert guess_cjk(data) == "big5hkscs"


def test_hkscs_character_decodes() -> None:
    with pytest.raises(UnicodeEncodeError):
        "恒".encode("big5")  # HK's usual form of 恆 is in Big5-HKSCS only
    src = one(read_bytes(ZH_HANT.encode("big5hkscs"), "a.txt"))
    assert src.text == ZH_HANT


def test_encoding_override() -> None:
    data = ZH_HANS.encode("gb18030")
    src = one(read_bytes(data, "a.txt", encoding="GBK"))
    assert src.text == ZH_HANS
    assert src.notes == ()  # nothing was guessed
    data = ZH_HANT.encode("big5hkscs")
    # The override wins even when the guess would differ.
    forced = one(read_bytes(data, "a.txt", encoding="gb18030"))
    assert forced.text == data.decode("gb18030")


def test_big5_override_falls_back_to_hkscs() -> None:
    src = one(read_bytes(ZH_HANT.encode("big5hkscs"), "a.txt", encoding="big5"))
    assert src.text == ZH_HANT
    assert src.notes == ("big5 could not decode every byte; read as big5hkscs",)


def test_encoding_override_strips_bom() -> None:
    src = one(read_bytes(codecs.BOM_UTF8 + b"HSI +1%", "a.txt", encoding="utf-8"))
    assert src.text == "HSI +1%"


def test_unknown_encoding_names_file() -> None:
    with pytest.raises(InputError, match=r"^a\.txt: unknown encoding 'klingon'"):
        read_bytes(b"HSI", "a.txt", encoding="klingon")


def test_override_that_cannot_decode_names_file() -> None:
    # The encoding was forced: the message doubts it instead of asking for --encoding.
    with pytest.raises(InputError, match=r"^a\.txt: cannot decode as utf-8\b.*really utf-8\?") as err:
        read_bytes(ZH_HANT.encode("big5hkscs"), "a.txt", encoding="utf-8")
    assert "pass --encoding" not in str(err.value)


def test_undecodable_bytes() -> None:
    # Latin-1 prose: valid as neither Big5 nor GB18030 text worth reading.
    data = "Cafés à Hong Kong: l'indice a gagné 1%, été très fort. Ôté, où, çà ".encode("latin-1")
    with pytest.raises(InputError, match=r"cannot decode as UTF-8/Big5/GB18030 \(33 bytes not UTF-8, first at offset 3\); pass --encoding"):
        read_bytes(data * 3, "fr.txt")


def test_windows_english_guessed_as_cp1252() -> None:
    text = (
        "Hong Kong\u2019s benchmark index rose 0.8% on Monday as \u201cbargain hunters\u201d "
        "returned to the market after three sessions of losses. " + EN
    )
    src = one(read_bytes(text.encode("cp1252"), "wire.txt"))
    assert src.text == text
    assert src.notes == ("encoding guessed: cp1252",)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ZH_HANS.encode("gb18030")))
    monkeypatch.setattr(sys, "stdin", stdin)
    src = one(read_path("-"))
    assert (src.name, src.text, src.notes) == ("-", ZH_HANS, ("encoding guessed: gb18030",))


def test_truncated_utf8_tail_dropped() -> None:
    data = ZH_HANT.encode()[:-1]
    src = one(read_bytes(data, "cut.txt"))
    assert src.text == ZH_HANT[:-1]
    assert src.notes and "incomplete UTF-8" in src.notes[0]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 20 + b"HSI",
    ],
    ids=["png", "zip", "control-bytes"],
)
def test_binary_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "chart.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"chart\.txt: binary file, not a report"):
        read_path(path)


# --- file-level errors -----------------------------------------------------------------------


def test_missing_file_named(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_path(path)


def test_directory_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=rf"^{tmp_path}: is a directory"):
        read_path(tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"], ids=["empty", "white-space"])
def test_empty_file_named(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.md: empty input"):
        read_path(path)


def test_over_max_bytes_named(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(EN.encode())
    with pytest.raises(InputError, match=r"big\.txt: larger than --max-bytes"):
        read_path(path, max_bytes=10)
    assert one(read_path(path, max_bytes=len(EN))).text == EN  # exactly at the limit is fine


def test_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_bytes(b"", "odd\nname.txt")
    assert "\n" not in str(info.value)


def test_read_path_accepts_str_and_path(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(EN, encoding="utf-8")
    assert one(read_path(str(path))).name == str(path)
    assert one(read_path(path)).text == EN


# --- Markdown front matter ----------------------------------------------------------------

MD = """---
title: "港股收市：恒指跌 312 點"
date: 2024-04-21
published: yes
locale: zh-HK
tags: [hsi, close]
views: 1200
---
# 港股收市

{body}
""".replace("{body}", ZH_HANT)


def test_front_matter_strings_not_coerced() -> None:
    src = one(read_bytes(MD.encode(), "close.md"))
    assert src.kind == "markdown"
    assert src.metadata["date"] == "2024-04-21"  # not a datetime.date
    assert src.metadata["published"] == "yes"  # not True
    assert src.metadata["views"] == "1200"  # not an int
    assert src.metadata["title"] == "港股收市：恒指跌 312 點"
    assert src.metadata["tags"] == "hsi, close"
    assert all(isinstance(v, str) for v in src.metadata.values())


def test_front_matter_body_start_points_into_file() -> None:
    src = one(read_bytes(MD.encode(), "close.md"))
    assert src.text == MD  # the whole file: offsets refer to it
    assert src.text[src.body_start :].startswith("# 港股收市\n")
    assert src.text[: src.body_start].endswith("---\n")


def test_front_matter_date_from_other_keys() -> None:
    md = "---\ntitle: HSI close\npublishedAt: '2025-11-21T08:10:00Z'\n---\n" + EN
    src = one(read_bytes(md.encode(), "a.md"))
    assert src.metadata["date"] == "2025-11-21T08:10:00Z"


def test_front_matter_after_utf8_bom() -> None:
    src = one(read_bytes(codecs.BOM_UTF8 + MD.encode(), "close.md"))
    assert src.text == MD
    assert src.metadata["date"] == "2024-04-21"


def test_front_matter_crlf() -> None:
    md = "---\r\ntitle: HSI\r\ndate: 2025-01-02\r\n---\r\n" + EN
    src = one(read_bytes(md.encode(), "a.md"))
    assert src.metadata == {"title": "HSI", "date": "2025-01-02"}
    assert src.text[src.body_start :] == EN


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: [unclosed\ndate: 2025-01-02\n---\n",
        "---\n- just\n- a list\n---\n",
        "---\ntitle: no closing line\n",
        "---\n" + "[" * 5000 + "\n---\n",
    ],
    ids=["bad-yaml", "not-a-mapping", "unclosed", "deep"],
)
def test_malformed_front_matter_is_body_with_note(front: str) -> None:
    src = one(read_bytes((front + EN).encode(), "a.md"))
    assert src.kind == "markdown"
    assert src.body_start == 0
    assert src.text == front + EN
    assert any(n.startswith("front matter not read") for n in src.notes)
    assert "date" not in src.metadata


def test_markdown_without_front_matter_takes_title_from_heading() -> None:
    md = "# Hang Seng closes lower\n\n" + EN
    src = one(read_bytes(md.encode(), "a.md"))
    assert src.body_start == 0
    assert src.metadata == {"title": "Hang Seng closes lower"}


FLAT = (
    '--- title: "【HK Market Outlook】HSI may test 22,000 \\"support\\"" type: "News" '
    'locale: "en" url: "https://example.com/en/news/1.md" '
    'description: "The Hang Seng Index fell 335 points to 23,076 --- its lowest in a year." '
    'datetime: "2026-06-25T11:31:16.000Z" '
    "locales: - [zh-CN](https://example.com/zh-CN/news/1.md) - [en](https://example.com/en/news/1.md) "
    "- [zh-HK](https://example.com/zh-HK/news/1.md) --- # HK Market Outlook "
    "The Hang Seng Index closed down 335 points at 23,076."
)


def test_flattened_one_line_front_matter() -> None:
    src = one(read_bytes(FLAT.encode(), "page.txt"))  # .txt: sniffed as Markdown
    assert src.kind == "markdown"
    assert src.metadata["title"] == '【HK Market Outlook】HSI may test 22,000 "support"'
    assert src.metadata["type"] == "News"
    assert src.metadata["locale"] == "en"
    assert src.metadata["url"] == "https://example.com/en/news/1.md"
    assert src.metadata["description"].endswith("--- its lowest in a year.")
    assert src.metadata["datetime"] == "2026-06-25T11:31:16.000Z"
    assert src.metadata["date"] == "2026-06-25T11:31:16.000Z"
    assert "locales" not in src.metadata
    assert src.text == FLAT
    assert src.text[src.body_start :].startswith("# HK Market Outlook The Hang Seng")
    assert src.notes == ()


def test_flattened_front_matter_bare_values_and_newline_close() -> None:
    text = "--- title: HSI closes lower type: News date: 2025-11-21 ---\n" + EN
    src = one(read_bytes(text.encode(), "x.md"))
    assert src.metadata == {"title": "HSI closes lower", "type": "News", "date": "2025-11-21"}
    assert src.text[src.body_start :] == EN


def test_flattened_front_matter_unclosed_is_body() -> None:
    text = '--- title: "HSI" type: "News" and then prose without a closing marker'
    src = one(read_bytes(text.encode(), "x.md"))
    assert src.body_start == 0
    assert any(n.startswith("front matter not read") for n in src.notes)


def test_txt_starting_with_rule_is_not_front_matter() -> None:
    text = "---\n" + EN + "\n---\n" + EN
    assert not has_front_matter(text)
    assert one(read_bytes(text.encode(), "a.txt")).kind == "text"


# --- HTML ----------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="zh-HK"><head>
<meta charset="utf-8">
<title>港股收市 | 財經頻道</title>
<meta property="article:published_time" content="2026-03-05T16:35:00+08:00">
<meta property="og:title" content="港股收市：恒指跌 312 點">
<style>.up { color: #0a0 } p { margin: 0 }</style>
<script>var quote = {"HSI": 99999, "chg": -9.9}; if (a < b) { x = "</p>"; }</script>
</head>
<body>
<nav><a href="/">首頁</a> | <a href="/quote/00700">騰訊 00700 報價</a></nav>
<div class="wrap"><div><div><article>
<h1>港股收市：恒指跌 312 點</h1>
<p>恒指收市跌 312 點，報 25,418 點&nbsp;(&minus;1.21%)。</p>
<p>科技&amp;消費股    領跌，<b>騰訊</b>（00700）跌 2.1%。<br>成交 2,315 億元。</p>
<noscript>請啟用 JavaScript</noscript>
<table><tr><th>股份</th><th>變動</th></tr><tr><td>騰訊</td><td>-2.1%</td></tr></table>
<p>發佈時間：<time datetime="2026-03-05T16:40">16:40</time></p>
</article></div></div></div>
<aside><h3>相關新聞</h3><p>恒指跌 9.9%</p></aside>
<footer>&copy; 2026 財經頻道</footer>
</body></html>"""


def test_html_text_and_metadata() -> None:
    src = one(read_bytes(HTML.encode(), "page.html"))
    assert src.kind == "html"
    assert src.body_start == 0
    assert src.metadata["title"] == "港股收市 | 財經頻道"
    assert src.metadata["date"] == "2026-03-05T16:35:00+08:00"
    assert src.metadata["og:title"] == "港股收市：恒指跌 312 點"
    assert src.metadata["lang"] == "zh-HK"
    text = src.text
    assert text.startswith("港股收市：恒指跌 312 點\n\n恒指收市跌 312 點")
    assert "25,418 點\xa0(\u22121.21%)" in text  # entities decoded
    assert "科技&消費股 領跌，騰訊（00700）跌 2.1%。\n成交 2,315 億元。" in text
    assert "股份\t變動\n騰訊\t-2.1%" in text
    for dropped in ("99999", "color", "JavaScript", "首頁", "相關新聞", "9.9%", "©", "財經頻道"):
        assert dropped not in text
    assert "\n\n\n" not in text
    assert text == text.strip()


def test_html_time_element_gives_date_when_no_meta() -> None:
    text, meta, _ = html_to_text('<p>HSI fell 1%.</p><time datetime="2025-11-21">Fri</time>')
    assert meta["date"] == "2025-11-21"
    assert text == "HSI fell 1%.\n\nFri"


def test_html_deeply_nested_and_broken() -> None:
    deep = "<div>" * 50_000 + "<p>恒指升 1%" + "</span>" * 10 + "</div>" * 3
    src = one(read_bytes(deep.encode(), "deep.html"))
    assert src.text == "恒指升 1%"


def test_html_unclosed_furniture_does_not_swallow_page() -> None:
    text, _, notes = html_to_text("<body><nav>menu<p>HSI fell 1%.</body>")
    assert text == "menu\n\nHSI fell 1%."  # better the menu too than nothing
    assert notes == ("HTML: no text outside nav/footer/aside; kept them",)
    text, _, _ = html_to_text("<body><nav>menu</nav><p>HSI fell 1%.<footer>(c) 2026</body>")
    assert text == "HSI fell 1%."
    text, meta, _ = html_to_text("<head><title>T</title><p>HSI fell 1%.</p>")
    assert text == "HSI fell 1%."  # an unclosed <head> ends where the body starts
    assert meta["title"] == "T"


def test_html_pre_keeps_spacing() -> None:
    text, _, _ = html_to_text("<pre>HSI   25,418\nHSCEI  9,015</pre>")
    assert text == "HSI   25,418\nHSCEI  9,015"


def test_txt_holding_html_is_read_as_html() -> None:
    src = one(read_bytes(HTML.encode(), "saved-page.txt"))
    assert src.kind == "html"
    assert "99999" not in src.text


def test_text_mentioning_a_tag_stays_text() -> None:
    src = one(read_bytes(b"Use <b> for bold. " + EN.encode(), "a.txt"))
    assert src.kind == "text"


# --- news JSON -----------------------------------------------------------------------------

ARTICLE_EN = {
    "id": "wire-1",
    "source": {"id": "mw", "name": "Market Wire"},
    "title": "Hang Seng ends lower",
    "publishedAt": "2025-11-21T08:45:00Z",
    "body": EN,
    "tags": ["hk", "close"],
}
ARTICLE_ZH = {
    "headline": "港股收市：恒指跌 312 點",
    "date": "2025-11-21",
    "content": "<p>恒指收市跌 312 點，報 25,418 點。</p><p>北水淨買入 42.6 億元&hellip;</p>",
}


def test_json_single_object() -> None:
    src = one(read_bytes(json.dumps(ARTICLE_EN).encode(), "wire.json"))
    assert src.name == "wire.json"
    assert src.kind == "json"
    assert src.text == "Hang Seng ends lower\n\n" + EN
    assert src.metadata["title"] == "Hang Seng ends lower"
    assert src.metadata["date"] == "2025-11-21T08:45:00Z"
    assert src.metadata["source"] == "Market Wire"
    assert src.metadata["id"] == "wire-1"
    assert "body" not in src.metadata
    assert all(isinstance(v, str) for v in src.metadata.values())


def test_json_list_names_each_article() -> None:
    data = json.dumps([ARTICLE_EN, ARTICLE_ZH], ensure_ascii=False).encode()
    sources = read_bytes(data, "feed.json")
    assert [s.name for s in sources] == ["feed.json#1", "feed.json#2"]
    zh = sources[1]
    assert (
        zh.text
        == "港股收市：恒指跌 312 點\n\n恒指收市跌 312 點，報 25,418 點。\n\n北水淨買入 42.6 億元…"
    )
    assert zh.metadata["date"] == "2025-11-21"


@pytest.mark.parametrize("key", ["articles", "data", "items", "results"])
def test_json_wrapped_list(key: str) -> None:
    data = json.dumps({"status": "ok", "totalResults": 2, key: [ARTICLE_EN, ARTICLE_ZH]})
    sources = read_bytes(data.encode(), "api.json")
    assert [s.metadata["title"] for s in sources] == [
        "Hang Seng ends lower",
        "港股收市：恒指跌 312 點",
    ]


def test_json_wrapped_one_level_down_and_wordpress_fields() -> None:
    post = {
        "title": {"rendered": "HSI &#8211; close"},
        "content": {"rendered": "<p>" + EN + "</p>"},
    }
    data = json.dumps({"data": {"items": [post]}})
    src = one(read_bytes(data.encode(), "wp.json"))
    assert src.name == "wp.json"
    assert src.text == "HSI \u2013 close\n\n" + EN


def test_json_epoch_date_becomes_iso_hong_kong_time() -> None:
    data = json.dumps({"title": "HSI", "body": EN, "published": 1763712000})
    src = one(read_bytes(data.encode(), "a.json"))
    assert src.metadata["date"] == "2025-11-21T16:00:00+08:00"


def test_json_entries_without_text_are_skipped_but_numbered_by_position() -> None:
    data = json.dumps([ARTICLE_EN, {"id": 2}, ARTICLE_ZH])
    sources = read_bytes(data.encode(), "feed.json")
    assert [s.name for s in sources] == ["feed.json#1", "feed.json#3"]
    assert "1 JSON entries without title or body skipped" in sources[0].notes


def test_json_lines() -> None:
    data = json.dumps(ARTICLE_EN) + "\n" + json.dumps(ARTICLE_ZH) + "\n"
    sources = read_bytes(data.encode(), "feed.json")
    assert len(sources) == 2


def test_invalid_json_names_file() -> None:
    with pytest.raises(InputError, match=r"^bad\.json: invalid JSON: Expecting"):
        read_bytes(b'{"title": "HSI", }', "bad.json")


def test_json_without_articles_names_file() -> None:
    with pytest.raises(InputError, match=r"^cfg\.json: no news article"):
        read_bytes(b'{"threshold": 3, "enabled": true}', "cfg.json")


def test_txt_holding_json_is_read_as_json_and_bad_json_stays_text() -> None:
    src = one(read_bytes(json.dumps(ARTICLE_EN).encode(), "dump.txt"))
    assert src.kind == "json"
    text = '{"title": broken'
    assert one(read_bytes(text.encode(), "note.txt")).text == text


def test_kind_override() -> None:
    src = one(read_bytes(HTML.encode(), "page.html", kind="text"))
    assert src.kind == "text"
    assert src.text == HTML
    with pytest.raises(ValueError, match="unknown kind"):
        read_bytes(b"x", "a", kind="pdf")


# --- iter_inputs ---------------------------------------------------------------------------


def test_iter_inputs_walks_sorted_with_known_extensions(tmp_path: Path) -> None:
    for rel in [
        "b.txt", "a.md", "c.markdown", "d.HTML", "e.htm", "f.json", "g.csv", "h.pdf",
        "sub/z.txt", "sub/a.json", "sub/deeper/m.html", "a_dir/x.txt", ".hidden/q.txt", ".q.txt",
    ]:  # fmt: skip
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("HSI", encoding="utf-8")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in iter_inputs([str(tmp_path)])]
    assert got == [
        "a.md", "a_dir/x.txt", "b.txt", "c.markdown", "d.HTML", "e.htm", "f.json",
        "sub/a.json", "sub/deeper/m.html", "sub/z.txt",
    ]  # fmt: skip


def test_iter_inputs_passes_files_and_stdin_through(tmp_path: Path) -> None:
    odd = tmp_path / "report.csv"
    odd.write_text("HSI", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    assert list(iter_inputs(["-", str(odd), missing])) == ["-", str(odd), missing]


# --- robustness ------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    ["---", "\n", " ", "title:", '"', "- [a](b)", "<p>", "</div>", "<nav>", "&amp;", "{", "}",
     "[", "]", '"title": ', '"body": "恒指', "恒指跌 1%", "\\", ":", "...", "\r\n", "\x00"]
)  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(
    parts=st.lists(_FRAGMENTS | st.text(max_size=8), max_size=40),
    name=st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "-"]),
)
def test_any_input_gives_sources_or_input_error(parts: list[str], name: str) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        sources = read_bytes(data, name)
    except InputError as exc:
        assert str(exc).startswith(f"{name}: ")
        return
    for src in sources:
        assert 0 <= src.body_start <= len(src.text)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in src.metadata.items())


@settings(max_examples=examples(200), deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_give_sources_or_input_error(data: bytes) -> None:
    try:
        read_bytes(data, "blob.txt")
    except InputError as exc:
        assert str(exc).startswith("blob.txt: ")
