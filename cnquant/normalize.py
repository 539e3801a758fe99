"""Text normalization: one length-preserving character map applied before any matching.

Traditional characters become simplified (table in ``data/trad_simp.tsv``), full-width ASCII
becomes ASCII, financial capital numerals become ordinary ones (``data/fold.tsv``). Every
character maps to exactly one character, so an offset found in the normalized text is the same
offset in the text the user gave: spans never need translating back.

>>> normalize("新增老年助餐服務點227個，３５００萬")
'新增老年助餐服务点227个,3500万'
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["normalize", "fold_table"]


def _read_pairs(name: str) -> list[tuple[str, str]]:
    pairs = []
    text = resources.files("cnquant").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 2 and len(cols[0]) == 1 and len(cols[1]) == 1:
            pairs.append((cols[0], cols[1]))
    return pairs


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """The character map (built once)."""
    table: dict[int, str] = {}
    for src, dst in _read_pairs("trad_simp.tsv"):
        table[ord(src)] = dst
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    for src, dst in _read_pairs("fold.tsv"):
        table[ord(src)] = dst
    return table


_TABLE = fold_table()


def normalize(text: str) -> str:
    """Return ``text`` with every character folded; ``len(normalize(t)) == len(t)``."""
    return text.translate(_TABLE)
