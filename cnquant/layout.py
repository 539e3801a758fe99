"""Layout: undo the line wrapping of text extracted from PDFs.

``pdftotext`` and similar tools break every line of a page at the page width, so a sentence such as
地区生产总值增长6%左右 can arrive as ``地区生产总值增长\\n6%左右``. cnquant reads a line break as the end
of a sentence (it is one in clean text, and table rows and headings depend on it), so such a target
is cut in two. :func:`unwrap_lines` joins the lines that were wrapped and leaves every other line
break alone.

>>> text = "今年主要预期目标是:地区生产总值增长\\n6%左右,城镇新增就业1.2万人以上。\\n二、重点工作"
>>> print(unwrap_lines(text, width=34))
今年主要预期目标是:地区生产总值增长6%左右,城镇新增就业1.2万人以上。
二、重点工作
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["unwrap_lines", "close_letter_spacing", "undo_pdf_layout"]

# A line that ends a sentence or a list entry (normalized or full-width punctuation).
_ENDS = frozenset("。！？；：!?;:…")
# Punctuation that never opens a line: a line that starts with one continues the line before.
_CLOSERS = frozenset("，。、；：！？）」』”’%,.;:!?)")
# A line that starts a new entry: a heading or list index (一、 (一) 1. 1、 第一), a bullet.
_STARTS = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[、.．](?!\d)"
                     r"|第[一二三四五六七八九十\d]{1,3}[章节条部篇]|[•●○◆■□\-—*])")
# A page marker line: - 3 -, — 3 —, 第3页, 3/20.
_PAGE = re.compile(r"\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*/?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*")
# Below this many lines of prose the page width cannot be told and nothing is joined.
_MIN_LINES = 8
# Table rows keep their line breaks.
_CELL = re.compile(r"[\t|]")


def _width(line: str) -> int:
    """Display width: wide (CJK, full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _page_width(widths: list[int]) -> int:
    """The width of a full line: the 90th percentile of the line widths (robust to a few long lines)."""
    ranked = sorted(widths)
    return ranked[min(len(ranked) - 1, (len(ranked) * 9) // 10)] if ranked else 0


def unwrap_lines(text: str, *, width: int | None = None, slack: float = 0.15) -> str:
    """Join the lines of ``text`` that a PDF extractor wrapped at the page width.

    A line is joined to the next when it is nearly full (at least ``1 - slack`` of ``width``, in
    display columns where a Chinese character counts 2; by default the width of the document's
    full lines, told from at least 8 lines of prose), does not end a sentence (。；：！？), and neither it
    nor the next line is a table row (tab or ``|``) and the next line does not open a heading or
    list entry (一、 (一) 1. 第一章 •). Page markers between two joined lines (- 3 -, 第3页) are
    dropped. Clean text, with one paragraph per line, comes back unchanged.

    Spans of targets read from the result refer to the unwrapped text.

    >>> unwrap_lines("新建5G基站1200个,改造老旧小区\\n30个。", width=30)
    '新建5G基站1200个,改造老旧小区30个。'
    >>> unwrap_lines("一、2024年工作回顾\\n过去一年……")
    '一、2024年工作回顾\\n过去一年……'
    """
    if not isinstance(text, str):
        raise TypeError(f"unwrap_lines takes a str, not {type(text).__name__}")
    if not 0 <= slack < 1:
        raise ValueError("slack must be at least 0 and below 1")
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    if width is None:
        prose = [_width(x.rstrip()) for x in lines if x.strip() and not _CELL.search(x)]
        if len(prose) < _MIN_LINES:
            return text  # too few lines to tell the page width
        width = _page_width(prose)
    full = width
    if full <= 0:
        return text
    need = full * (1 - slack)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        while True:
            body = line.rstrip()
            j = i + 1
            while j < len(lines) and _PAGE.fullmatch(lines[j]) and j + 1 < len(lines):
                j += 1  # a page marker inside a wrapped paragraph
            if j >= len(lines) or not body or _CELL.search(body):
                break
            nxt = lines[j]
            if not nxt.strip() or _CELL.search(nxt):
                break
            # a line never opens with closing punctuation (。，、 …): that one was always wrapped
            if body[-1] in _ENDS or nxt.lstrip()[0] not in _CLOSERS and (
                    _width(lines[i].rstrip()) < need or _STARTS.match(nxt)):
                break
            line = body + nxt.lstrip()
            i = j
        out.append(line)
        i += 1
    return "\n".join(out)


# Three or more Chinese characters each set apart by one space (地 区 生 产 总 值): letter-spaced text.
_SPACED = re.compile(r"[\u4e00-\u9fff](?:[ \u00a0\u3000][\u4e00-\u9fff]){2,}")
_ONE_SPACE = re.compile(r"[ \u00a0\u3000]")


# One space between two Chinese characters, or between single digits spaced out before a word (3 0公里).
_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])[ \u00a0\u3000](?=[\u4e00-\u9fff])")
_SPACED_DIGITS = re.compile(r"(?<![\d.,\s])\d(?:[ \u00a0\u3000]\d)+(?=[\u4e00-\u9fff%‰])")


@lru_cache(maxsize=1)
def _cue_pairs() -> frozenset[str]:
    """Every two adjacent characters of a word that decides a target (增长, 以上, 控制在, 力争 …)."""
    from .lexicon import LEX

    words = [*LEX.level_verbs, *LEX.change_verbs, *LEX.prefix_words, *LEX.suffix_words, *LEX.modality_words]
    return frozenset(w[i:i + 2] for w in words for i in range(len(w) - 1))


def close_letter_spacing(text: str) -> str:
    """Remove the spaces of letter-spaced Chinese (地 区 生 产 总 值 增 长 → 地区生产总值增长), which PDF
    extractors produce from justified or spaced-out lines. Runs of three or more characters each set
    apart by a single space are closed, and so is the one space inside a word that decides a target
    (增 长, 以 上, 力 争) and between single digits spaced out before a word (3 0公里 → 30公里). Other
    words with one space between them are left (新建学校3所 改扩建5所), and so are numbers in columns.

    >>> close_letter_spacing("地 区 生 产 总 值 增 长 6%左右")
    '地区生产总值增长 6%左右'
    >>> close_letter_spacing("地区生产总值增 长 5.2%以 上,新建绿道3 0公里")
    '地区生产总值增长 5.2%以上,新建绿道30公里'
    >>> close_letter_spacing("新建学校3所 改扩建5所")
    '新建学校3所 改扩建5所'
    """
    if not isinstance(text, str):
        raise TypeError(f"close_letter_spacing takes a str, not {type(text).__name__}")
    text = _SPACED.sub(lambda m: _ONE_SPACE.sub("", m.group()), text)
    pairs = _cue_pairs()
    text = _PAIR.sub(lambda m: "" if text[m.start() - 1] + text[m.end()] in pairs else m.group(), text)
    return _SPACED_DIGITS.sub(lambda m: _ONE_SPACE.sub("", m.group()), text)


def undo_pdf_layout(text: str) -> str:
    """Text extracted from a PDF, as it was written: wrapped lines joined (:func:`unwrap_lines`) and
    letter-spacing closed (:func:`close_letter_spacing`). Spans read from the result refer to it.

    >>> undo_pdf_layout("地 区 生 产 总 值 增 长 6%左右。")
    '地区生产总值增长 6%左右。'
    """
    return close_letter_spacing(unwrap_lines(text))
