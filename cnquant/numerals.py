"""Numbers as written in Chinese documents, read to exact :class:`~decimal.Decimal`.

Arabic digits (with thousands separators), Chinese numerals (十七, 两, 三千五百, 一万二千, 零点五,
二〇二四), mixed forms (1.1万, 1.4万亿) and 概数 (两三, 五六万) are all handled here. Text is
expected to be normalized first (see :mod:`cnquant.normalize`), so traditional 萬/億/兩/點 arrive
as 万/亿/两/点.

Our own reader is used rather than cn2an for parsing because cn2an returns floats
(百分之一点五七 -> 1.5699999999999998), drops digits (1.12345万) and reads 两三 as 23; cn2an is
used (from this module only) to *write* Chinese numerals in :func:`to_chinese`.

>>> parse_chinese("三千五百")
Decimal('3500')
>>> parse_chinese("零点五")
Decimal('0.5')
>>> parse_number("1.1万")
Decimal('11000')
>>> approximate_range("五六万")
(Decimal('50000'), Decimal('60000'))
"""
from __future__ import annotations

from decimal import Context, Decimal, InvalidOperation

from .errors import LimitError, ParseError

__all__ = [
    "DIGITS", "SCALES", "MAX_DIGITS", "parse_arabic", "parse_chinese", "parse_number",
    "scale_factor", "approximate_range", "to_chinese",
]

#: Longest digit run cnquant reads; longer numbers raise LimitError instead of being read.
MAX_DIGITS = 40

#: Arithmetic on read numbers uses this context: wide enough that no number cnquant accepts
#: (40 digits times a 10**12 scale word) is ever rounded.
EXACT = Context(prec=80)

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "幺": 1,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

#: Scale words as they multiply a number in text, longest first.
SCALES: dict[str, int] = {
    "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
    "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3, "百": 10**2, "十": 10,
}


def scale_factor(word: str) -> int:
    """The multiplier of a scale word (万 -> 10000, 万亿 -> 10**12).

    >>> scale_factor("千万")
    10000000
    """
    try:
        return SCALES[word]
    except KeyError:
        raise ParseError(f"not a scale word: {word!r}", word, 0) from None


def parse_arabic(text: str) -> Decimal:
    """Read ASCII digits with optional sign, thousands separators and decimals.

    >>> parse_arabic("38,871")
    Decimal('38871')
    >>> parse_arabic("-0.5")
    Decimal('-0.5')
    >>> parse_arabic("3 500")
    Decimal('3500')
    """
    digits = text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u2009", "").replace("\u202f", "")
    if len(digits) > MAX_DIGITS and sum(c.isdigit() for c in digits) > MAX_DIGITS:
        raise LimitError(f"number longer than {MAX_DIGITS} digits", text[:60], 0)
    try:
        value = Decimal(digits)
    except InvalidOperation:
        raise ParseError("not a number", text, 0) from None
    if not value.is_finite():
        raise ParseError("not a finite number", text, 0)
    return value


def _integer(text: str, origin: str, offset: int) -> int:
    """Read a Chinese integer (no 点). Digit strings without unit words (二〇二四) are positional."""
    if not text:
        return 0
    if all(c in DIGITS for c in text):
        if len(text) > MAX_DIGITS:
            raise LimitError(f"number longer than {MAX_DIGITS} digits", origin[:60], offset)
        if len(text) == 1:
            return DIGITS[text]
        return int("".join(str(DIGITS[c]) for c in text))
    total = 0          # finished 亿 groups
    section = 0        # below 亿: the finished 万 group
    group = 0          # current 千百十 group
    digit: int | None = None
    last_small = 10**9
    wan_seen = False
    last_unit = 0
    for i, c in enumerate(text):
        if c in DIGITS:
            if digit is not None and digit != 0 and DIGITS[c] != 0:
                raise ParseError("two digits in a row in a Chinese numeral", origin, offset + i)
            digit = DIGITS[c]
            continue
        if c in _SMALL_UNITS:
            unit = _SMALL_UNITS[c]
            if unit >= last_small:
                raise ParseError(f"{c} out of order in a Chinese numeral", origin, offset + i)
            group += (1 if digit is None or (digit == 0 and c == "十") else digit) * unit
            last_small = unit
        elif c == "万":
            if wan_seen:
                raise ParseError("万 twice in a Chinese numeral", origin, offset + i)
            base = group + (digit or 0)
            section = (base or (1 if i == 0 else 0)) * 10_000
            wan_seen = True
            group = 0
            last_small = 10**9
            unit = 10_000
        elif c == "亿":
            base = total + section + group + (digit or 0)
            total = (base or (1 if i == 0 else 0)) * 100_000_000
            section = group = 0
            wan_seen = False
            last_small = 10**9
            unit = 100_000_000
        else:
            raise ParseError(f"{c!r} is not a Chinese numeral", origin, offset + i)
        digit = None
        last_unit = unit
    if digit and len(text) >= 2 and text[-2] not in DIGITS and last_unit >= 100:
        # 三万五 = 35000, 一千五 = 1500, 两百五 = 250: the trailing digit counts the next lower unit
        return total + section + group + digit * (last_unit // 10)
    return total + section + group + (digit or 0)


def parse_chinese(text: str) -> Decimal:
    """Read a Chinese numeral exactly (十七, 两, 三千五百, 一万二千, 零点五, 二〇二四).

    >>> parse_chinese("一万二千")
    Decimal('12000')
    >>> parse_chinese("十七")
    Decimal('17')
    """
    if not text:
        raise ParseError("empty numeral", text, 0)
    negative = text.startswith(("负", "-"))
    body = text[1:] if negative else text
    if "点" in body:
        whole, _, frac = body.partition("点")
        if not frac or any(c not in DIGITS for c in frac):
            raise ParseError("digits expected after 点", text, len(text) - len(frac))
        # a scale word may follow the fraction: 一点五万 = 15000
        value = Decimal(_integer(whole, text, int(negative)) if whole else 0)
        value = EXACT.add(value, Decimal("0." + "".join(str(DIGITS[c]) for c in frac)))
    else:
        # trailing scale words on a plain integer are handled by _integer (三万, 两亿)
        value = Decimal(_integer(body, text, int(negative)))
    return -value if negative else value


def parse_number(text: str) -> Decimal:
    """Read any single number: Arabic, Chinese, or Arabic followed by scale words (1.1万, 3千, 1.4万亿).

    >>> parse_number("1.4万亿")
    Decimal('1400000000000')
    >>> parse_number("一点五万")
    Decimal('15000')
    """
    text = text.strip()
    if not text:
        raise ParseError("empty number", text, 0)
    i = 0
    if text[0] in "+-":
        i = 1
    while i < len(text) and (text[i].isdigit() and text[i].isascii() or text[i] in ",."):
        i += 1
    if i > 0 and any(c.isdigit() for c in text[:i]):
        value = parse_arabic(text[:i])
        rest = text[i:]
        if rest:
            if rest not in SCALES:
                raise ParseError(f"{rest!r} is not a scale word", text, i)
            value = EXACT.multiply(value, SCALES[rest])
        return _plain(value)
    # Chinese, possibly with a fraction followed by scale words (一点五万)
    for word in sorted(SCALES, key=len, reverse=True):
        if "点" in text and text.endswith(word) and len(text) > len(word):
            head = text[: -len(word)]
            if head and head[-1] in DIGITS:
                return _plain(EXACT.multiply(parse_chinese(head), SCALES[word]))
    return _plain(parse_chinese(text))


def _plain(value: Decimal) -> Decimal:
    """Drop exponent noise so 11000 prints as 11000, not 1.1E+4, keeping the value exact."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=EXACT)
    return value.normalize(context=EXACT)


# Non-adjacent digit pairs that are 概数 too (三五个: three to five; 三五十 would be 30-50).
_LOOSE_PAIRS = frozenset({"三五"})


def approximate_range(text: str) -> tuple[Decimal, Decimal] | None:
    """Read a 概数 (GB/T 15835 approximate number) as a (low, high) pair, else None.

    Two adjacent digits, the second one more than the first (两三, 五六, 七八), or 三五, optionally
    followed or preceded by unit words: 两三 -> (2, 3), 五六万 -> (50000, 60000),
    三四十 -> (30, 40), 十五六 -> (15, 16).

    >>> approximate_range("两三")
    (Decimal('2'), Decimal('3'))
    >>> approximate_range("三四十")
    (Decimal('30'), Decimal('40'))
    >>> approximate_range("二十") is None
    True
    """
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in DIGITS and b in DIGITS and a not in "零〇○0" and (
                (DIGITS[b] == DIGITS[a] + 1 and (a != "二" or b == "三")) or a + b in _LOOSE_PAIRS):
            if i > 0 and text[i - 1] in DIGITS:
                return None
            if i + 2 < len(text) and text[i + 2] in DIGITS:
                return None  # 二三四 or 一二〇: a digit string, not an approximation
            lo_txt = text[:i] + a + text[i + 2:]
            hi_txt = text[:i] + b + text[i + 2:]
            try:
                return parse_number(lo_txt), parse_number(hi_txt)
            except ParseError:
                return None
    return None


def to_chinese(value: Decimal | int) -> str:
    """Write an integer in Chinese numerals (the style of some tables), via cn2an.

    >>> to_chinese(680)
    '六百八十'
    """
    import cn2an  # imported lazily: only the writer needs it

    value = Decimal(value)
    if value != value.to_integral_value():
        whole, _, frac = format(value.normalize(), "f").partition(".")
        return cn2an.an2cn(whole) + "点" + "".join("零一二三四五六七八九"[int(d)] for d in frac)
    return cn2an.an2cn(str(int(value)))
