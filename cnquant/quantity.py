"""Quantities: a number with its unit, read from text, converted and written back.

>>> q = parse_quantity("1.1万个")
>>> q.magnitude, q.unit
(Decimal('11000'), '个')
>>> format_quantity(q)
'1.1万个'
>>> parse_quantity("100公裏").to("米").magnitude
Decimal('100000')
>>> parse_quantity("4.5批次/千人").to("批次/万人")
Quantity(magnitude=Decimal('45'), unit='批次/万人')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import LimitError, ParseError, UnknownUnitError
from .lexicon import LEX
from .normalize import normalize
from .numerals import DIGITS, MAX_DIGITS, SCALES, approximate_range, parse_arabic, parse_number
from .numerals import EXACT, _plain, to_chinese
from .units import UNIT_RE, canonical_unit, convert, lookup, pint_units, registry

__all__ = ["Quantity", "QuantityMatch", "parse_quantity", "format_quantity", "match_quantity"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """An exact quantity: ``magnitude`` (Decimal) in canonical ``unit`` (or None when unitless).

    Equality compares magnitude and unit (11000 个 == 1.1万个); ``text`` and ``span`` record where
    it was read from and do not take part in equality.
    """

    magnitude: Decimal
    unit: str | None = None
    text: str | None = field(default=None, compare=False, repr=False)
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        m = self.magnitude
        if not isinstance(m, Decimal):
            if isinstance(m, float):
                raise TypeError("Quantity magnitudes are exact: pass a Decimal, int or str, not a float")
            object.__setattr__(self, "magnitude", Decimal(str(m)))
        if not self.magnitude.is_finite():
            raise ValueError("a Quantity magnitude must be finite")
        if self.unit is not None:
            object.__setattr__(self, "unit", canonical_unit(self.unit))

    def to(self, unit: str | None) -> "Quantity":
        """This quantity in another unit (Chinese names and aliases accepted).

        Raises :class:`~cnquant.IncompatibleUnitsError` when the units measure different things.

        >>> parse_quantity("9.5亿元").to("万元").magnitude
        Decimal('95000')
        """
        target = canonical_unit(unit) if unit is not None else None
        if target == self.unit:
            return self
        return Quantity(_plain(convert(self.magnitude, self.unit, target)), target)

    @property
    def pint(self):
        """The same quantity as a pint Quantity in cnquant's registry."""
        ureg = registry()
        return ureg.Quantity(self.magnitude, pint_units(self.unit) if self.unit else "dimensionless")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the magnitude as a string); :meth:`from_dict` reads it back.

        >>> parse_quantity("1.1万个").to_dict()
        {'magnitude': '11000', 'unit': '个', 'text': '1.1万个', 'span': [0, 5]}
        """
        return {"magnitude": format(self.magnitude, "f"), "unit": self.unit, "text": self.text,
                "span": None if self.span is None else list(self.span)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quantity":
        """Rebuild a Quantity from :meth:`to_dict` output (``text`` and ``span`` are optional).

        >>> Quantity.from_dict({"magnitude": "11000", "unit": "个"}) == parse_quantity("1.1万个")
        True
        """
        span = data.get("span")
        return cls(Decimal(str(data["magnitude"])), data.get("unit"), text=data.get("text"),
                   span=None if span is None else (int(span[0]), int(span[1])))

    def __str__(self) -> str:
        return format_quantity(self)


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found at a position of normalized text (internal to the readers).

    ``over`` is set by 余/多 between number and unit (1000余场: more than 1000); ``low``/``high``
    are set for a 概数 (五六万套); ``chinese`` when the number is written in Chinese numerals;
    ``scale_only`` when it is a bare scale word (千, 万, 百: 千亩方, 百亿级).
    """

    start: int
    end: int
    value: Decimal
    unit: str | None
    group: str | None
    number_end: int
    over: bool = False
    low: Decimal | None = None
    high: Decimal | None = None
    chinese: bool = False
    scale_only: bool = False
    percent_word: bool = False
    scale: int = 1


# Thousands separated by commas (38,871) or, as text from PDFs has it, by one space (3 500个; not
# before another number, which makes it a list of cells).
_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,]|\s\d)|\d+"
                     r"|(?=\.\d))(?:\.\d+)?")  # (.5%: a leading point is 0.5)
_CN_RUN = re.compile(r"[零〇○一二两三四五六七八九十百千万亿点]+")
_SCALE_RUN = re.compile(r"万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千|百")
_TO_ONE = re.compile(r":1(?![\d.:])")
_FROM_ONE = re.compile(r":(\d{1,6}(?:\.\d{1,6})?)(?![\d.:])")
# 百分之五 is 5 %, 千分之四 4 ‰, 万分之一 0.1 ‰ and 十万分之十 0.1 ‰ (finer rates are written as per mille):
# the unit and the power of ten that moves the number into it.
PERCENT_WORDS = {"百分之": ("%", 0), "千分之": ("‰", 0), "万分之": ("‰", -1), "十万分之": ("‰", -2), "10万分之": ("‰", -2)}
_PCT_WORD = re.compile("(负)?(" + "|".join(sorted(PERCENT_WORDS, key=len, reverse=True)) + ")")
# A rate written with a slash and no unit (孕产妇死亡率10/10万): per mille, shifted.
_PER_SHIFT = {"10万": -2, "十万": -2, "1万": -1, "万": -1, "1000": 0, "千": 0}
_PER_DENOM = re.compile("/(" + "|".join(sorted(_PER_SHIFT, key=len, reverse=True)) + r")(?![\d万亿.])")
_SPACE = re.compile(r"[ \t\u00a0]*")
_ANNOT = re.compile(r"\(([\u4e00-\u9fff]{1,2})\)")
_SCALE_CHARS = set("十百千万亿")


def _cut_before_unit(s: str, start: int, end: int) -> int:  # noqa: D401
    """Where a numeral run must stop because a unit whose name starts with a scale character
    (千米, 千瓦, 百分点) begins inside it."""
    for k in range(start + 1, end):
        if s[k] in _SCALE_CHARS:
            m = UNIT_RE.match(s, k, end + 4)
            if m and len(m.group(0)) > 1:
                return k
    return end


def _unit_at(s: str, i: int, stop: int) -> tuple[str | None, str | None, int]:
    """Read a unit (simple or ``a/[scale]b``) at i; returns (canonical, group, end)."""
    m = UNIT_RE.match(s, i, stop)
    if not m:
        return None, None, i
    info = lookup(m.group(0))
    if info is None:  # every name UNIT_RE matches is in the table
        return None, None, i
    unit: str = info.name
    group: str | None = info.group
    end = m.end()
    if end < stop and s[end] == "/":
        j = end + 1
        sm = _SCALE_RUN.match(s, j, stop)
        scale = ""
        if sm:
            um = UNIT_RE.match(s, sm.end(), stop)
            um_direct = UNIT_RE.match(s, j, stop)
            if um and not (um_direct and len(um_direct.group(0)) > 1):
                scale, j = sm.group(0), sm.end()
        dm = UNIT_RE.match(s, j, stop)
        den = lookup(dm.group(0)) if dm else None
        if dm and den is not None:
            unit = unit + "/" + scale + den.name
            end = dm.end()
    a = _ANNOT.match(s, end, stop)
    if a and lookup(a.group(1)) is not None:  # 500套(间): an alternative classifier in brackets
        end = a.end()
    return unit, group, end


# 成 after a number is a tenth (八成 = 80 %), read as %, unless one of these follows it and makes it
# the start of a word (三成为, 一成本, 一成不变).
_TENTH_NOT_BEFORE = frozenset("为效果本就员功绩片熟型立交都长品分年像语套色批规败全风事不")


def _is_tenths(s: str, start: int, value: Decimal, k: int, stop: int) -> bool:
    """Whether the 成 at s[k] after the number at ``start`` is a tenth (八成, 近两成以上)."""
    if not 0 < value <= 10 or (k + 1 < stop and s[k + 1] in _TENTH_NOT_BEFORE):
        return False
    # 统一成, 唯一成: a lone 一 right after a Chinese character is part of a word
    return not (s[start] == "一" and k == start + 1 and start > 0 and "\u4e00" <= s[start - 1] <= "\u9fff"
                and s[start - 1] not in "近超约达到逾过了占为至的增长高低降")


# What may follow 半 after a length of time for it to be "and a half" (三年半以上, 四年半左右).
_AFTER_HALF = frozenset("以左内后前多的时")

_PART = re.compile(r"(\d+(?:\.\d+)?|[一二两三四五六七八九])(" + _SCALE_RUN.pattern + ")")


def _compound(s: str, j: int, stop: int, value: Decimal, last: int) -> tuple[Decimal, int]:
    """Continue a number after its scale word with parts of smaller scales: 2万3千 is 23000,
    1亿2000万 is 120000000, 3亿5千万 is 350000000 (a part whose scale word starts a unit, 5千米,
    is not one)."""
    while j < stop:
        m = _PART.match(s, j, stop)
        if m is None:
            break
        um = UNIT_RE.match(s, m.start(2), stop)
        if um and len(um.group(0)) > 1:
            break  # 3万5千米: 千米 is the unit
        factor = SCALES.get(m.group(2))
        if factor is None or factor >= last:
            break
        digit = m.group(1)
        part = parse_number(digit) if not digit[0].isdigit() else parse_arabic(digit)
        value = value + EXACT.multiply(part, factor)
        last, j = factor, m.end()
    return value, j


def match_quantity(s: str, i: int, stop: int | None = None) -> QuantityMatch | None:
    """Read one quantity starting exactly at ``i`` of normalized text ``s`` (not reading past
    ``stop``), or None."""
    stop = len(s) if stop is None else stop
    percent_word = None
    negative = False
    start = i
    pm = _PCT_WORD.match(s, i, stop)
    if pm:
        negative = bool(pm.group(1))
        percent_word = pm.group(2)
        i = pm.end()
    chinese = scale_only = False
    low = high = None
    scale = 1
    m = _ARABIC.match(s, i, stop)
    if m:
        if m.end() - m.start() > MAX_DIGITS * 2:
            raise LimitError(f"number longer than {MAX_DIGITS} digits", s[i:i + 60], 0)
        value = parse_arabic(m.group(0))
        j = m.end()
        if j + 1 < stop and s[j] == "." and s[j + 1] in "%‰":
            j += 1  # 6.%: a stray point before the percent sign
        if j < stop and s[j] == "." and j + 1 < stop and s[j + 1].isdigit():
            return None  # 1.2.3 — a version or section number
        sp_ = _SPACE.match(s, j, stop)
        sj = sp_.end() if sp_ else j  # 117.1 亿元: text from PDFs puts spaces before the scale
        sm = _SCALE_RUN.match(s, sj, stop)
        um = UNIT_RE.match(s, sj, stop)
        if sm and not (um and len(um.group(0)) > 1 and um.group(0)[0] in _SCALE_CHARS):
            cut = _cut_before_unit(s, sj, sm.end())  # 50万千瓦 -> 万 | 千瓦
            if s[sj:cut] in SCALES:
                scale = SCALES[s[sj:cut]]
                value = EXACT.multiply(value, scale)
                j = cut
                value, j = _compound(s, j, stop, value, scale)  # 2万3千人, 1亿2000万元, 3亿5千万元
        rm = _TO_ONE.match(s, j, stop) if scale == 1 else None
        if rm:
            j = rm.end()  # 城乡居民收入比缩小到2.1:1: a ratio to one is its first term
        elif scale == 1 and m.group(0) == "1":
            om = _FROM_ONE.match(s, j, stop)
            if om:  # 医护比达到1:1.25: a ratio of one to X is X
                value, j = parse_arabic(om.group(1)), om.end()
        pm_ = _PER_DENOM.match(s, j, stop) if scale == 1 else None
        if pm_:  # 10/10万: ten per hundred thousand = 0.1 ‰
            value = value.scaleb(_PER_SHIFT[pm_.group(1)])
            return QuantityMatch(start, pm_.end(), _plain(value), "‰", "ratio", pm_.end())
        number_end = j
    else:
        m = _CN_RUN.match(s, i, stop)
        if not m:
            return None
        if m.end() - i > MAX_DIGITS * 2:
            return None  # a run of numeral characters this long is not a number
        end = _cut_before_unit(s, i, m.end())
        if s[i] in _SCALE_CHARS and end > i and i + 1 <= end:
            um = UNIT_RE.match(s, i, stop)
            if um and len(um.group(0)) > 1 and um.end() > end:
                return None  # 百分点 / 千米 with no number in front
        run = s[i:end].rstrip("点")
        if not run or all(c in "点" for c in run):
            return None
        end = i + len(run)
        chinese = True
        scale_only = all(c in "百千万亿" for c in run)  # 千亩方, 百亿级; 十 alone is just ten
        rng = approximate_range(run)
        try:
            if rng:
                low, high = rng
                value = low
            else:
                value = parse_number(run)
        except ParseError:
            return None
        number_end = j = end
    if percent_word:
        value = -value if negative else value
        unit, shift = PERCENT_WORDS[percent_word]
        group = "ratio"
        if shift:
            value = value.scaleb(shift)
            low = None if low is None else low.scaleb(shift)
            high = None if high is None else high.scaleb(shift)
        return QuantityMatch(start, number_end, _plain(value), unit, group, number_end,
                             chinese=chinese, percent_word=True, low=low, high=high)
    over = False
    sp = _SPACE.match(s, j, stop)
    k = sp.end() if sp else j
    if k < stop and s[k] in "余多" and not (k + 1 < stop and s[k + 1] in "万亿"):
        um = UNIT_RE.match(s, k + 1, stop)
        if um or k + 1 >= stop or not ("\u4e00" <= s[k + 1] <= "\u9fff"):
            over = True
            k += 1
    found_unit, found_group, uend = _unit_at(s, k, stop)
    if found_unit is not None and s.startswith(LEX.not_units, k, stop):
        found_unit, found_group, uend = None, None, k  # 千亿台阶: 台 starts another word
    if found_group == "time" and uend < stop and s[uend] == "半" and (
            uend + 1 >= stop or not "\u4e00" <= s[uend + 1] <= "\u9fff" or s[uend + 1] in _AFTER_HALF) \
            and low is None:
        value, uend = value + Decimal("0.5"), uend + 1  # 三年半, 2个月半: and a half
    if found_unit is None and k < stop and s[k] == "成" and _is_tenths(s, start, value, k, stop):
        value = EXACT.multiply(value, 10)  # 两成 = 20 %
        low = None if low is None else EXACT.multiply(low, 10)
        high = None if high is None else EXACT.multiply(high, 10)
        found_unit, found_group, uend = "%", "ratio", k + 1
    if found_unit is None:
        if over:
            end = k
        else:
            end = number_end
        return QuantityMatch(start, end, _plain(value), None, None, number_end, over=over,
                             chinese=chinese, scale_only=scale_only, low=low, high=high, scale=scale)
    return QuantityMatch(start, uend, _plain(value), found_unit, found_group, number_end, over=over,
                         chinese=chinese, scale_only=scale_only, low=low, high=high, scale=scale)


def parse_quantity(text: str) -> Quantity:
    """Read a string that is exactly one quantity: a number, optional scale word, optional unit.

    Raises :class:`~cnquant.ParseError` (with the position) when the text is anything else, and
    :class:`~cnquant.UnknownUnitError` when the number is followed by a word that is not a unit.

    >>> parse_quantity("２０.５万吨/日")
    Quantity(magnitude=Decimal('205000'), unit='吨/日')
    >>> parse_quantity("百分之三点五")
    Quantity(magnitude=Decimal('3.5'), unit='%')
    >>> parse_quantity("3个项目")
    Traceback (most recent call last):
    cnquant.errors.ParseError: unexpected text after the quantity in '3个项目' at position 2
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_quantity expects a str, not {type(text).__name__}")
    s = normalize(text)
    lead = len(s) - len(s.lstrip())
    body_end = len(s.rstrip())
    if lead >= body_end:
        raise ParseError("no quantity in an empty text", text, 0)
    try:
        m = match_quantity(s, lead)
    except ParseError as e:
        raise type(e)(e.reason, text, e.position) from e
    if m is None:
        raise ParseError("no number at the start", text, lead,
                         ("parse_quantity reads one quantity such as '1.1万个'; use extract() for running text",))
    if m.low is not None:
        raise ParseError("an approximate range (概数) is not a single quantity", text, lead,
                         ("use parse_target, which reads it as a between target",))
    if m.over:
        raise ParseError("余/多 makes this a comparison, not a quantity", text, m.number_end,
                         ("use parse_target, which reads it as a '>' target",))
    if m.end < body_end:
        rest = s[m.end:body_end]
        if m.unit is None and re.match(r"[\u4e00-\u9fffA-Za-z]", rest) and len(rest) <= 6 and not _has_number(rest):
            raise UnknownUnitError(text[m.end:body_end], text, m.end)
        raise ParseError("unexpected text after the quantity", text, m.end)
    return Quantity(m.value, m.unit, text=text, span=(lead, m.end))


def _has_number(s: str) -> bool:
    return any(c.isdigit() or c in DIGITS for c in s)


def format_quantity(q: Quantity, *, scale: str | None = "auto", numerals: str = "arabic") -> str:
    """Write a quantity the way the documents do.

    ``scale="auto"`` uses 万 from 10,000 and 亿 from 100,000,000 (万亿 from 10**12) when the
    scaled number needs at most two decimals (1.1万, 85.8万; 38871 stays 38871); ``scale=None`` writes all digits; a scale word (``"万"``) forces it.
    ``numerals="chinese"`` writes integers in Chinese numerals. ``parse_quantity(format_quantity(q))
    == q`` for every quantity.

    >>> format_quantity(Quantity(Decimal("950000000"), "元"))
    '9.5亿元'
    >>> format_quantity(Quantity(Decimal("2"), "百分点"))
    '2个百分点'
    >>> format_quantity(Quantity(Decimal("680"), "人"), numerals="chinese")
    '六百八十人'
    """
    m = q.magnitude
    unit = q.unit or ""
    word = ""
    if numerals not in ("arabic", "chinese"):
        raise ValueError("numerals must be 'arabic' or 'chinese'")
    if scale == "auto":
        if unit not in ("%", "‰", "百分点", "千分点", "倍") and numerals == "arabic":
            for w in ("万亿", "亿", "万"):
                if abs(m) >= SCALES[w]:
                    mantissa = _plain(m.scaleb(-len(str(SCALES[w])) + 1, context=EXACT))
                    exponent = mantissa.as_tuple().exponent
                    if isinstance(exponent, int) and -exponent <= 2:  # 1.1万, 85.8万, 2.35万; not 3.8871万
                        word = w
                    break
    elif scale is not None:
        if scale not in SCALES:
            raise ValueError(f"unknown scale word {scale!r}")
        word = scale
    if word:
        m = m.scaleb(-len(str(SCALES[word])) + 1, context=EXACT)
    m = _plain(m)
    if numerals == "chinese":
        if m < 0:
            number = "负" + to_chinese(-m)
        else:
            number = to_chinese(m)
        if unit == "%":
            return "百分之" + number
        if unit == "‰":
            return "千分之" + number
    else:
        number = format(m, "f")
    if unit in ("百分点", "千分点"):
        return f"{number}{word}个{unit}"
    return f"{number}{word}{unit}"
