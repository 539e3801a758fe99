"""The reading engine behind :func:`~cnquant.parse_targets`, :func:`~cnquant.extract` and
:func:`~cnquant.explain`.

Text is normalized once (length-preserving), split into sentences, and every number in a sentence
is read as a quantity, given a role (target, qualifier, date, code, …) with the reason, and — when
it is a target — read into a :class:`~cnquant.Target` from the words around it. Targets without a
number of their own (清零, 全覆盖, 持续下降, 与经济增长基本同步, 全国前十) come from the pattern
tables of ``data/lexicon.toml``. The two reading modes differ only in leniency: ``"phrase"`` (a
short phrase known to hold a target: Chinese numerals and unitless numbers count, no review
detection) and ``"text"`` (running text, where such numbers are usually names and counts).

Every step is a single left-to-right pass over the sentence with regexes compiled at import, so
reading time is linear in the length of the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import LimitError, ParseError
from .numerals import MAX_DIGITS, _plain, parse_number
from .lexicon import LEX
from .normalize import normalize
from .quantity import PERCENT_WORDS, Quantity, QuantityMatch, match_quantity
from .units import UNIT_RE
from .tables import Header, header_of, read_row
from .wordregex import word_pattern
from .target import Comparator, Target
from .target import _COMPARATOR_OF, _DIRECTION_OF, _MEASURE_OF, _MODALITY_OF
from .tolerance import TolerancePolicy, get_default_tolerance

__all__ = ["Mention", "ROLES", "read", "MAX_SENTENCE"]

#: A sentence longer than this (no 。;!? inside) is read in pieces of at most this many characters,
#: cut after the last comma or 、 before the limit. This bounds the work per sentence, so reading
#: time stays linear in the length of any input.
MAX_SENTENCE = 600

#: Every role a number can have, with what it means.
ROLES: dict[str, str] = {
    "target": "a target (or a milestone) the text sets",
    "qualifier": "qualifies the population or object counted (60岁以上老年人, 50万元以上的行政村)",
    "date": "a date, year or deadline (2024年, 3月底前)",
    "duration": "a length of time or a plan length (三年行动计划, 2年内)",
    "code": "a code or name with digits (G228, 5G, 6号线, 〔2024〕4号, 1+8)",
    "ordinal": "an ordinal (第四次, 第二批)",
    "name": "part of a quoted name or slogan (“15分钟品质文化生活圈”, “两个确立”)",
    "count": "a count that names a set or a thing (五个村, 十方面民生实事, 全市13个区)",
    "idiom": "part of an idiom or class word (最后一公里, 千亩方, 百亿级); single numeral characters inside words (一般, 三大) are words, not numbers, and are not listed",
    "label": "a bracketed label restating another target ([新开工保障房100万平方米])",
    "index": "the number of an item in a list (1. （一） 一、)",
    "parenthetical": "an aside in brackets ((约35万))",
    "outcome": "a reported result in a review of past work, not a target",
    "number": "a number without a unit or cue (81890 平台)",
    "rank": "the position in a rank target (全国前十)",
    "base": "the period a share target is measured against (恢复到2019年的90%)",
}

_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d年")
_FIRST_LINE = re.compile(r"\s*([^\n]+?)\s*\n")
_SENT_RE = re.compile(r"[^。!?;\n\r]+")
_CELL_RE = re.compile(r"[|\t]")
_DATE_TAIL = re.compile(r"(?:于|在|到|至)?\s*(?:19|20)\d\d\s*年\s*(?:\d{1,2}\s*月)?(?:底|末)?(?:前|以前)?$")
_DATE_FRONT = re.compile(r"(?:到|至|在)?(?:19|20)\d\d年(?:底|末)?(?:前)?")
_FROM_TO = re.compile("(?:" + word_pattern(LEX.change_verbs) + ")?(?:到|至)")
_NAMES_SOMETHING = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_DELIMS = frozenset(",;:、。!?\n\r]|\t")  # | and tabs separate table cells
_CLAUSE_END = frozenset(",;:。!?\n\r)]|\t")
_SCOPE_END = frozenset(",;:。!?\n\r|\t")  # brackets inside a clause do not end a modality's scope
_DELIM_RE = re.compile("[" + re.escape("".join(sorted(_DELIMS))) + "]")
_SCOPE_END_RE = re.compile("[" + re.escape("".join(sorted(_SCOPE_END))) + "]")
_CN_SCALED_DIGIT = re.compile("[一二两三四五六七八九][百千万亿]+")
_RANGE_JOIN_CHARS = frozenset("".join(LEX.range_joiners))
_CN_NUMERAL_CHARS = frozenset("一二两三四五六七八九十")
_CONNECTORS = frozenset("和与及并或且、,;:。!?)]”\"' \t\n\r(|")
# An item number opening a sentence: 1. 12、 (一) 一、 第一条
_INDEX_RE = re.compile(r"\s*(?:\d{1,3}[.、)](?![\d%])|\((?:[一二三四五六七八九十]{1,3}|\d{1,3})\)|[一二三四五六七八九十]{1,3}、"
                       r"|第[一二三四五六七八九十]{1,3}[条项章节][、:]?)")
_QUOTE_RE = re.compile(r"“[^”]{0,80}”|‘[^’]{0,80}’|\"[^\"]{0,80}\"|「[^」]{0,80}」|《[^》]{0,80}》|〔[^〕]{0,12}〕|【[^】]{0,80}】")
_LABEL_RE = re.compile(r"\s*\[[^\]]{0,80}\]")
_CODE_RE = re.compile(r"[A-Za-z]+[A-Za-z0-9.&]*\d[A-Za-z0-9.]*|\d+[A-Za-z][A-Za-z0-9]*|\d+(?:[+·]\d+)+")
_DIGITS_THEN = re.compile(r"\d+(?:\.\d+)?")


def _unit_symbol(code: str) -> bool:
    """500m², 5000m2, 100kW: a number with a unit symbol in Latin letters, not a code such as 5G."""
    m = _DIGITS_THEN.match(code)
    if m is None or m.end() == len(code):
        return False
    rest = code[m.end():]
    um = UNIT_RE.match(rest)
    return um is not None and um.end() == len(rest)


# a number starts with a digit, a percent word (百分之, 万分之 …) or a Chinese numeral
_CAND_RE = re.compile(r"[+-]?\.?\d[\d,.]*|负?(?:" + "|".join(w for w in PERCENT_WORDS if not w[0].isdigit())
                      + r")|[零〇○一二两三四五六七八九十百千万亿点]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _all_cjk(t: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in t)
# 完成…100个建设任务: a short "… task" noun after the number when the indicator was written before it
_TASK_NOUN = re.compile(r"[\u4e00-\u9fff]{0,3}(?:任务|目标)(?:[,;:。、]|$)")
_PER_RE = re.compile(r"每(?:(?P<time>月|年|日|天|周|季度)|(?P<scale>十万|万|千|百)?(?P<rest>[^,;:、。]{0,12}))")


_ANY_TRIGGER = re.compile("|".join(p.pattern for p in (
    LEX.special_trigger, LEX.direction_trigger, LEX.relative_trigger, LEX.rank_trigger)) + "|设")


_FILLERS = ((LEX.annualized, "annualized", True, 0), (LEX.comparison_base, "based", True, 0),
            (LEX.respectively, "respectively", False, 0), (LEX.each, "each", False, 1),
            (LEX.fillers, None, False, 1))

# Roles whose number ends the metric region of the next number (a qualifier, a count or a quoted
# name is part of the indicator's name and stays in it).
_FLOOR_ROLES = frozenset({"target", "date", "duration", "code", "ordinal", "number", "label", "outcome"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One number (or numberless target) of a text and what cnquant made of it.

    ``role`` is a key of :data:`ROLES`; ``reason`` says why, in a line; ``target`` is set when
    the role is ``"target"``. ``text == source[span[0]:span[1]]``.
    """

    text: str
    span: tuple[int, int]
    role: str
    reason: str
    target: Target | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the target as :meth:`Target.to_dict`); :meth:`from_dict` reads it back.

        >>> m = Mention("3天", (0, 2), "duration", "a length of time")
        >>> m.to_dict()
        {'text': '3天', 'span': [0, 2], 'role': 'duration', 'reason': 'a length of time', 'target': None}
        >>> Mention.from_dict(m.to_dict()) == m
        True
        """
        return {"text": self.text, "span": list(self.span), "role": self.role, "reason": self.reason,
                "target": None if self.target is None else self.target.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mention":
        """Rebuild a Mention from :meth:`to_dict` output."""
        t = data.get("target")
        span = data["span"]
        return cls(data["text"], (int(span[0]), int(span[1])), data["role"], data["reason"],
                   None if t is None else Target.from_dict(t))


@dataclass(slots=True)
class _Q:
    """A quantity being read (mutable while the sentence is read)."""

    m: QuantityMatch
    start: int
    end: int                         # end of number + unit (+ range)
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    role: str | None = None
    reason: str = ""
    suffix: str | None = None
    suffix_end: int = 0
    comparator: str | None = None
    cues: list = field(default_factory=list)   # (start, end) spans of cue words
    measure: str = "level"
    sign: int = 1
    verb: str | None = None
    prefix_start: int = 0              # start of comparator/verb words before the number
    region: tuple[int, int] = (0, 0)   # metric region before the number
    metric: tuple[int, int] | None = None
    number_first: bool = False
    annualized: bool = False
    based: bool = False
    respectively: bool = False
    each: bool = False
    relative_ref: tuple[int, int] | None = None
    deadline: str | None = None
    modality: str | None = None
    modality_at: int | None = None
    inherit_from: "_Q | None" = None
    last_year: bool = False             # in a clause about last year (去年全市…): an outcome
    base_cues: list = field(default_factory=list)
    metric_end: int | None = None
    comparator_end: int | None = None   # the end of a comparator word found a way back (不低于…的80%)
    scope: bool = False                 # a count describing a scope (全市13个区): a 、 list after it does too
    from_start: bool = False            # the start value of 由46家增加到71家
    threshold: bool = False             # a bare scale word crossed as a threshold (迈上千亿台阶)


@dataclass(slots=True)
class _T:
    """A target being assembled (numeric or from a pattern)."""

    start: int
    end: int
    anchor: int                      # position used for modality scope
    measure: str
    comparator: str | None
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    direction: str | None
    metric: tuple[int, int] | None
    metric_text: str | None = None
    reference: str | None = None
    cues: list = field(default_factory=list)
    annualized: bool = False
    deadline: str | None = None
    modality: str | None = None
    modality_at: int | None = None
    absent: bool = False
    number_span: tuple[int, int] | None = None
    default_comp: bool = False   # the comparator came from the bare-quantity rule, not from a word


def check_year(year: int | None) -> int | None:
    """Validate the ``year`` argument of extract/explain (the year a document plans for)."""
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int such as 2025, not {type(year).__name__}")
    if not 1900 <= year <= 2100:
        raise ValueError(f"year {year} is outside 1900..2100")
    return year


def _heading_year(s: str, m: re.Match, after: int) -> int | None:
    """The plan year a section heading names (2025年工作安排: 2025; 2024年工作回顾: 2025)."""
    ym = LEX.heading_year.search(s, m.start(), m.end())
    return None if ym is None else int(ym.group("y")) + after


def _title_year(s: str) -> int | None:
    """The plan year a document's title names (江州市2025年十件民生实事项目: 2025; 2024年工作总结: 2025)."""
    m = _FIRST_LINE.match(s)
    if m is None or len(m.group(1)) > LEX.title_max_chars or any(c in m.group(1) for c in ",;:。"):
        return None
    title = m.group(1)
    ym = LEX.heading_year.search(title)
    if ym is None:
        return None
    return int(ym.group("y")) + (1 if any(w in title for w in LEX.title_review_words) else 0)


def read(raw: str, *, mode: str = "text", tolerance: TolerancePolicy | None = None,
         year: int | None = None) -> list[Mention]:
    """Read ``raw`` and return every number (and numberless target) as a :class:`Mention`, in order.
    ``year`` is the year the document plans for; without it, a whole document's headings tell."""
    if not isinstance(raw, str):
        raise TypeError(f"expected a str, not {type(raw).__name__}")
    plan_year = check_year(year)
    s = normalize(raw)
    policy = tolerance or get_default_tolerance()
    out: list[Mention] = []
    in_review = in_plan = False  # under a review heading / under a plan heading of a whole document
    header: Header | None = None  # the header of the indicator table being read, if any
    if mode == "text" and year is None:
        plan_year = _title_year(s)
    carry = False  # a review cue of the part before a semicolon carries over
    for sm in _SENT_RE.finditer(s):
        if sm.start() == 0 or s[sm.start() - 1] != ";":
            carry = False
        for a, b in _pieces(s, *sm.span()):
            while a < b and s[a].isspace():
                a += 1
            while b > a and s[b - 1].isspace():
                b -= 1
            if a >= b:
                continue
            if mode == "text":  # the review part of a work report: its numbers are outcomes
                hm = LEX.section_closer.search(s, a, b)
                if hm:
                    in_review, in_plan = False, True
                    if year is None:
                        plan_year = _heading_year(s, hm, 0) or plan_year
                else:
                    hm = LEX.section_opener.match(s, a, b)
                    if hm:
                        in_review, in_plan = True, False
                        if year is None:
                            plan_year = _heading_year(s, hm, 1) or plan_year
            if _CELL_RE.search(s, a, b) is not None:  # a table row: an indicator table's header or row?
                h = header_of(s, a, b)
                if h is not None:
                    header = h
                    continue
                # (under a review heading only a table with a target column still sets targets)
                row = None if in_review and (header is None or "target" not in header.roles) \
                    else read_row(raw, s, a, b, header, policy)
                if row is not None:
                    out.extend(Mention(*m) for m in row)
                    continue
            else:
                header = None
            sent = _Sentence(raw, s, a, b, mode, policy, in_review, in_plan, plan_year, carry)
            out.extend(sent.read())
            if sent.cue_review is not None:
                carry = sent.cue_review
            elif LEX.plan_re.search(s, a, b) is not None:
                carry = False
    return out


def _pieces(s: str, a: int, b: int):
    """Cut an over-long sentence into pieces of at most MAX_SENTENCE characters."""
    while b - a > MAX_SENTENCE:
        limit = a + MAX_SENTENCE
        cut = max(s.rfind(",", a + 1, limit), s.rfind("、", a + 1, limit), s.rfind(" ", a + 1, limit))
        cut = cut + 1 if cut > a else limit
        # never cut inside a digit run
        while a < cut < b and (s[cut - 1].isdigit() or s[cut - 1] in ".,") and s[cut].isdigit():
            cut -= 1
        if cut <= a:
            cut = limit
        yield a, cut
        a = cut
    yield a, b


def significant_digits(value: Decimal) -> int:
    """How many significant digits a value is written with (117.1亿 = 11710000000: 4; 1500亿: 2)."""
    digits = value.as_tuple().digits
    return len("".join(map(str, digits)).strip("0")) or 1


# a number written with a last decimal other than 0 or 5 (19.3亿元, 4.9万家, 0.6万人)
_ODD_DECIMAL = re.compile(r"\d\.\d*[1-46-9](?!\d)")


def _odd_tenths(value: Decimal) -> bool:
    """True for a rate written with a tenth other than .0 or .5 (4.4, 7.3; not 6, 6.5, 4.25)."""
    tenths = value * 10
    return tenths == tenths.to_integral_value() and tenths % 5 != 0


def strip_span(s: str, a: int, b: int) -> tuple[int, int] | None:
    """The indicator inside s[a:b]: leading task/modality words and trailing verb particles removed."""
    changed = True
    while changed and a < b:
        changed = False
        while a < b and s[a] in " \t“”\"'":
            if s[a] == "“" and "”" in s[a:b]:
                break
            a += 1
        if b - a > 3 and s[a] == "在" and s[b - 1] == "中":  # 在全省县域经济排名中(前移3位)
            a, b = a + 1, b - 1
            changed = True
        w = LEX.strip_front.starting_at(s, a, b)
        if w and b - a - len(w) != 1:  # 完成率100%: a word that leaves one character is part of the name
            a += len(w)
            changed = True
        if a < b and (s[a] in "到至在" or s[a].isdigit()):
            dm = _DATE_FRONT.match(s, a, b)
            if dm:  # 到2027年实现翻番: a date is not the indicator
                a = dm.end()
                changed = True
        if b - a > 6 and s[b - 1] in "前底末年":
            dm = _DATE_TAIL.search(s[a:b])
            if dm and dm.start() > 1 and s[a + dm.start() - 1] not in "比较同":
                # 鼠患黑点数目于2023年底前(至少减半): the deadline is not the indicator (比2020年 is a base)
                b = a + dm.start()
                changed = True
        w = LEX.strip_back.ending_at(s, a + 1, b) or LEX.comparison_base.ending_at(s, a + 1, b)
        if w:
            b -= len(w)
            changed = True
        elif b - a > 4 and s[b - 1] in "年末底期":
            bm = LEX.comparison_base_re.search(s, max(a + 1, b - 12), b)  # 地区生产总值力争比2020年(翻一番)
            if bm:
                b = bm.start()
                changed = True
        while b > a and s[b - 1] in " \t":
            b -= 1
            changed = True
    if b <= a or s[a:b] in LEX.not_metrics:
        return None
    return a, b


class _Sentence:
    def __init__(self, raw: str, s: str, a: int, b: int, mode: str, policy: TolerancePolicy,
                 in_review: bool = False, in_plan: bool = False, plan_year: int | None = None,
                 carried: bool = False) -> None:
        self.raw, self.s, self.a, self.b, self.mode, self.policy = raw, s, a, b, mode, policy
        self.in_review = in_review
        # the part before a semicolon reported results on a cue (初步核算,…; 预计,…; 均居全市第一): so does
        # this part, unless it holds a plan cue
        self.carried = carried
        self.cue_review: bool | None = None  # whether a cue (not a figure's shape) made this part a review
        self.in_plan = in_plan
        self.plan_year = plan_year
        self.phrase = mode == "phrase"
        self.quoted: list[tuple[int, int]] = []
        self.codes: list[tuple[int, int]] = []
        self.idioms: list[tuple[int, int]] = []
        self.label: tuple[int, int] | None = None
        self.qs: list[_Q] = []
        self.targets: list[_T] = []
        self.others: list[Mention] = []
        self.claimed: list[tuple[int, int]] = []
        self._delims: tuple[list[int], list[int]] | None = None

    # ---------------------------------------------------------------- helpers
    def text(self, a: int, b: int) -> str:
        return self.raw[a:b]

    @staticmethod
    def _inside(i: int, spans) -> tuple[int, int] | None:
        for x, y in spans:
            if x <= i < y:
                return x, y
        return None

    def _delimiters(self) -> tuple[list[int], list[int]]:
        """Positions of the clause delimiters in the sentence: every one, and every one but 、
        (found once per sentence)."""
        if self._delims is None:
            every = [m.start() for m in _DELIM_RE.finditer(self.s, self.a, self.b)]
            self._delims = (every, [k for k in every if self.s[k] != "、"])
        return self._delims

    def _after_last(self, positions: list[int], i: int, floor: int | None) -> int:
        """Just after the last delimiter before position i (i inside the sentence), or the floor."""
        lo = self.a if floor is None else max(self.a, floor)
        if i <= lo:
            return i
        j = bisect_left(positions, i) - 1
        return positions[j] + 1 if j >= 0 and positions[j] >= lo else lo

    def clause_start(self, i: int, floor: int | None = None) -> int:
        """Where the clause holding position i starts (after the nearest delimiter before it)."""
        return self._after_last(self._delimiters()[0], i, floor)

    def clause_start_hard(self, i: int, floor: int | None = None) -> int:
        """Like clause_start, but a 、 does not end the clause."""
        return self._after_last(self._delimiters()[1], i, floor)

    def clause_end(self, i: int) -> int:
        if i >= self.b:
            return i
        m = _SCOPE_END_RE.search(self.s, i, self.b)
        return m.start() if m else self.b

    def ends_clause(self, i: int) -> bool:
        """True when position i is the end of a clause (punctuation, a closing quote, the end)."""
        s = self.s
        while i < self.b and s[i] in "”’\"」》 ":
            i += 1
        return i >= self.b or s[i] in _CLAUSE_END or s[i] == "、"

    def strip_metric(self, a: int, b: int) -> tuple[int, int] | None:
        return strip_span(self.s, a, b)

    # ---------------------------------------------------------------- main
    def read(self) -> list[Mention]:
        s, a, b = self.s, self.a, self.b
        im = _INDEX_RE.match(s, a, b)
        if im and im.end() < b:
            j = a
            while j < im.end() and s[j].isspace():
                j += 1
            self.others.append(Mention(self.text(j, im.end()), (j, im.end()), "index", ROLES["index"]))
            a = self.a = im.end()
        if _CAND_RE.search(s, a, b) is None and _ANY_TRIGGER.search(s, a, b) is None:
            return []  # no number and no word that starts a numberless target
        self.quoted = [m.span() for m in _QUOTE_RE.finditer(s, a, b)]
        lm = _LABEL_RE.match(s, a, b)
        if lm and lm.end() < b:
            self.label = (a, lm.end())
        self.codes = [m.span() for m in _CODE_RE.finditer(s, a, b) if not _unit_symbol(m.group())]
        self.idioms = [m.span() for m in LEX.idiom_re.finditer(s, a, b)]
        self.cue_review = not self.phrase and (
            (LEX.review_re.search(s, a, b) is not None and LEX.plan_re.search(s, a, b) is None)
            or (self.carried and LEX.plan_re.search(s, a, b) is None)
            or self.opens_review()
            or LEX.outcome_re.search(s, a, b) is not None)
        self.review = self.in_review or self.cue_review
        self.scan_quantities()
        self.find_deadline()
        for q in self.qs:
            self.classify(q)
        if self.phrase and any(q.role == "target" and not q.m.chinese for q in self.qs):
            for q in self.qs:  # 开工建设…一期、…二期等12条道路: the Chinese numerals name phases
                if q.role == "target" and q.m.chinese and not self.has_explicit_comparator(q):
                    self.role(q, "count")
        if self.phrase and any(q.role == "target" and q.unit is not None for q in self.qs):
            for q in self.qs:  # 12345热线事项解决率提至90%以上: a number glued to a name is part of it
                if q.role == "target" and q.unit is None and not q.m.chinese and q.m.end < self.b \
                        and _CJK.match(s, q.m.end) and not self.has_explicit_comparator(q) \
                        and not self.level_verb_before(q):
                    self.role(q, "number", "a number that is part of a name (12345热线, 81890平台)")
        for q in self.qs:
            if q.role == "target":
                q.base_cues = list(q.cues)
                self.read_context(q)
        demoted = False
        for q in self.qs:
            if q.role == "target":
                self.qualify(q)
                demoted = demoted or q.role != "target"
        if demoted:  # a qualifier is part of the next indicator's name: read the targets after it again
            for q in self.qs:
                if q.role == "target":
                    self.reset_context(q)
                    self.read_context(q)
        for q in self.qs:
            if q.role == "target" and q.last_year:
                self.role(q, "outcome", "a clause about last year (去年全市…增长5.2%,今年力争增长6%)")
        self.detect_reported_results()
        self.link_lists()
        self.patterns()
        self.build_numeric_targets()
        self.assign_modality()
        return self.emit()

    # ---------------------------------------------------------------- scanning
    def scan_quantities(self) -> None:
        s, b = self.s, self.b
        pos = self.a
        while pos < b:
            cm = _CAND_RE.search(s, pos, b)
            if not cm:
                break
            i = cm.start()
            code = self._inside(i, self.codes)
            if code:
                self.others.append(Mention(self.text(*code), code, "code", ROLES["code"]))
                self.codes.remove(code)
                pos = max(code[1], cm.end())
                continue
            if s[i] in "+-" and i > self.a and ((s[i - 1].isascii() and s[i - 1].isalnum()) or s[i - 1] in ")%"):
                i += 1  # a hyphen after a digit or letter joins a range or a code, it is no sign
            if cm.end() - i == 1 and not s[i].isdigit() and (cm.end() >= b or (
                    s[cm.end()] not in "余多成" and UNIT_RE.match(s, cm.end(), b) is None)) \
                    and not (i == self.a and cm.end() == b) and not self.range_follows(cm.end()):
                pos = cm.end()  # 一般, 八大: a numeral character inside a word
                continue
            try:
                m = match_quantity(s, i, b)
            except LimitError:
                self.others.append(Mention(self.text(cm.start(), cm.end()), cm.span(), "number",
                                           f"a number longer than {MAX_DIGITS} digits: not read"))
                pos = cm.end()
                continue
            if m is None or m.end > b or m.end <= i:
                pos = cm.end()
                continue
            if (m.scale_only and i > self.a and s[i - 1] == "每") or (
                    m.chinese and m.unit is None and m.low is None and not m.percent_word
                    and m.end - m.start == 1 and not (i == self.a and m.end == b) and not self.range_follows(m.end)):
                pos = m.end  # 一般, 八大, 每万: a character of a word, not a number
                continue
            q = _Q(m, m.start, m.end, low=m.low, high=m.high, unit=m.unit)
            self.try_range(q)
            self.qs.append(q)
            pos = q.end
        for code in self.codes:  # codes with no quantity-looking start (PM2.5 …)
            self.others.append(Mention(self.text(*code), code, "code", ROLES["code"]))

    def range_follows(self, k: int) -> bool:
        """Whether a range joiner and a Chinese numeral follow position k (三至五家, 二到三个)."""
        s = self.s
        return k + 1 < self.b and s[k] in _RANGE_JOIN_CHARS and s[k + 1] in _CN_NUMERAL_CHARS

    def try_range(self, q: _Q) -> None:
        s = self.s
        k = q.end
        while k < self.b and s[k] == " " and k - q.end < 2:
            k += 1  # 增长 4.5% 至 5%: typeset text puts spaces around the range mark
        for j in LEX.range_joiners:
            if s.startswith(j, k, self.b):
                k2 = k + len(j)
                while k2 < self.b and s[k2] == " " and k2 - k - len(j) < 2:
                    k2 += 1
                m2 = match_quantity(s, k2, self.b)
                if m2 is None or m2.low is not None or m2.end > self.b:
                    return
                if q.m.unit is not None and m2.unit is not None and q.m.unit != m2.unit:
                    return
                if q.m.low is not None:
                    return
                lo, hi = q.m.value, m2.value
                if q.m.unit is None and q.m.scale == 1 and m2.scale > 1:
                    lo = _plain(lo * m2.scale)  # 1.2-1.5万人: the scale word is written once
                elif q.m.unit is None and q.m.chinese and m2.chinese and q.m.number_end - q.m.start == 1 \
                        and _CN_SCALED_DIGIT.fullmatch(s, m2.start, m2.number_end):
                    lo = _plain(lo * m2.value / parse_number(s[m2.start]))  # 三至五千个: 3000–5000
                if lo > hi:
                    return
                q.low, q.high, q.unit = lo, hi, m2.unit or q.m.unit
                q.end = m2.end
                q.m = QuantityMatch(q.m.start, m2.end, lo, q.unit, m2.group or q.m.group, m2.number_end,
                                    over=m2.over, chinese=q.m.chinese and m2.chinese)
                q.cues.append((k, k + len(j)))
                return

    def find_deadline(self) -> None:
        """A milestone sentence starts with its deadline (3月底前, 6月底, 9月份, 年底前, 上半年); 到/至 +
        a date may also stand inside it (…增长8%以上,到2027年实现翻番) and then dates what follows it,
        until the next such date (到2025年建成3000个,到2027年达到8000个)."""
        s = self.s
        found: list[tuple[int, str]] = []
        for q in self.qs:
            if q.m.group == "time" and q.unit in ("月", "季度", "年") and not (
                    q.unit == "年" and not 1900 <= q.m.value <= 2100) and (  # 过去一年 is no date
                    q.start - self.a <= 2 or s.startswith(("到", "至"), q.start - 1, q.start)):
                start = q.start - 1 if q.start > self.a and s[q.start - 1] == "第" else q.start
                start = self.year_before(start)  # 2025年10月底前: the year belongs to the deadline
                end = q.end
                w = LEX.deadline_tails.starting_at(s, end, self.b)
                if w:
                    end += len(w)
                if q.unit == "年" and q.end + 1 < self.b and s[q.end] in "0123456789" and "月" in s[q.end:q.end + 3]:
                    continue  # 2024年6月底前: the month quantity that follows carries the deadline
                if found and q.start - self.a <= 2 or self.share_base(q):
                    continue
                found.append((start, self.text(start, end)))
        if LEX.period_deadline_re.search(s, self.a, self.b):
            for pm in LEX.period_deadline_re.finditer(s, self.a, self.b):
                if pm.start() == self.a or s[pm.start() - 1] in _DELIMS or s[pm.start() - 1] in "到至在于":
                    found.append((pm.start(), self.text(*pm.span())))  # 年底前完成…, 上半年完成40%
            found.sort()
        self.deadlines = found

    def share_base(self, q: _Q) -> bool:
        """恢复到2019年的90%: the year is the period the share is of, not a deadline."""
        return self.s.startswith(LEX.share_base_after, q.end, self.b) and \
            LEX.share_of.ending_at(self.s, self.a, q.start) is not None

    def written_deadline(self, i: int) -> tuple[int, str] | None:
        """The deadline (start, text) written last before position i in the sentence, if any."""
        best = None
        for d in self.deadlines:
            if d[0] >= i:
                break
            best = d
        return best

    def deadline_for(self, q: _Q) -> str | None:
        """The deadline written nearest before a target (3月底前…,6月底前达到80%), else None."""
        best = None
        for p in self.qs:
            if p.start >= q.start:
                break
            if p.role == "date" and p.unit in ("月", "季度") and self.s.startswith(LEX.deadline_tails, p.end, self.b):
                best = p
        written = self.written_deadline(q.start)
        if best is None or (written is not None and written[0] > best.start):
            return written[1] if written else None
        start = best.start - 1 if best.start > self.a and self.s[best.start - 1] == "第" else best.start
        return self.text(self.year_before(start), best.suffix_end)

    def year_before(self, i: int) -> int:
        """Where a deadline starting at i starts when a year is written right before it (2025年|10月底前)."""
        m = _YEAR_BEFORE.search(self.s, max(self.a, i - 5), i)
        return m.start() if m is not None and m.end() == i else i

    # ---------------------------------------------------------------- roles
    def classify(self, q: _Q) -> None:
        s, m = self.s, q.m
        self.read_suffix(q)
        nxt = q.suffix_end
        quote = self._inside(q.start, self.quoted)
        if quote:
            if s[quote[0]] == "〔":
                return self.role(q, "code", "a document number (〔2024〕4号)")
            return self.role(q, "name")
        if q.unit is None and q.suffix_end < self.b and s[q.suffix_end] == "号":
            return self.role(q, "code", "a number in a name (6号线, 4号文)")
        if q.start > self.a and s[q.start - 1] == "/":
            return self.role(q, "number", "the denominator of a rate written with a slash (10/10万)")
        if self.label and self.label[0] <= q.start < self.label[1]:
            return self.role(q, "label")
        if self._inside(q.start, self.idioms):
            return self.role(q, "idiom")
        if q.start > self.a and s[q.start - 1] == "第" and m.group != "time":
            return self.role(q, "ordinal")
        if q.unit == "届" and 1900 <= m.value <= 2100 and not m.chinese:
            return self.role(q, "date", "the class of a year (2023届高校毕业生)")
        if m.group == "time":
            if s.startswith(LEX.date_after, q.end - len(q.unit or ""), self.b) or self.date_like(q):
                w = LEX.date_after.starting_at(s, q.end - len(q.unit or ""), self.b)
                if w:  # 9月底前: the deadline word belongs to the date
                    q.suffix_end = max(q.suffix_end, q.end - len(q.unit or "") + len(w))
                if self.share_base(q):
                    return self.role(q, "base", "the period a share is of (恢复到2019年的90%)")
                return self.role(q, "date")
            if s.startswith("内", q.suffix_end, self.b) and LEX.time_limit_verbs.starting_at(
                    s, q.suffix_end + 1, self.b):
                q.suffix = "以内"  # 1天内办结: a ceiling on the time taken
                q.cues.append((q.suffix_end, q.suffix_end + 1))
                q.suffix_end += 1
            elif not ((self.has_explicit_comparator(q)
                       and LEX.prefix_comparator(s, self.a, q.start) not in LEX.period_words)
                      or self.level_verb_before_comparator(q)):
                return self.role(q, "duration")  # (近3年, 约2年时间: the length of a period)
        if m.group == "age" and not ((self.level_verb_before(q) or self.has_explicit_comparator(q)
                                      or LEX.level_verbs.ending_at(s, self.a, q.start)
                                      or LEX.change_verbs.ending_at(s, self.a, q.start))
                                     and self.ends_clause(q.suffix_end)):  # (人均预期寿命达78.3岁, 提高1岁)
            return self.role(q, "qualifier", "an age that qualifies a population (60岁以上老年人, 50-74周岁)")
        threshold = q.threshold = bool(
            q.suffix is None and (self.level_verb_before(q) or LEX.prefix_comparator(s, self.a, q.start))
            and s.startswith(LEX.threshold_nouns, q.end, self.b))
        if threshold and q.unit is None and m.value >= LEX.threshold_money_from:
            q.unit = "元"  # 迈上千亿台阶: an amount of 亿 or more crossed as a threshold is money
        if m.scale_only and not (q.suffix is None and LEX.prefix_comparator(s, self.a, q.start)) and not threshold \
                and not (q.suffix and self.level_verb_before_comparator(q) and self.ends_clause(q.suffix_end)) \
                and not (m.over and m.unit is not None):  # (千余场, 百余名: more than a thousand)
            # (超百辆, 突破千家: a comparator word makes the bare scale word a number)
            if q.suffix in ("以上", "以下", "及以上"):  # (稳定在百亿元以上 ends its clause after a level verb: a target)
                return self.role(q, "qualifier", "a threshold that qualifies the object (千人以上高山村, 亿元以上项目)")
            return self.role(q, "idiom", "a bare scale word naming a class (千亩方, 百亿级)")
        if nxt < self.b and s.startswith(LEX.class_markers, nxt, self.b) and q.suffix is None:
            return self.role(q, "qualifier", "a grade or class of the thing counted (10亿级项目)")
        if nxt < self.b and s.startswith(LEX.class_markers, q.end, self.b):
            return self.role(q, "qualifier", "a grade or class of the thing counted (10亿级以上项目)")
        if self.parenthetical(q):
            return self.role(q, "parenthetical")
        if (nxt + 1 < self.b and s[nxt] == ":" and s[nxt + 1].isdigit()) or (
                q.start - 2 >= self.a and s[q.start - 1] == ":" and s[q.start - 2].isdigit()):
            return self.role(q, "number", "a term of a ratio (配额比例由40:60调至50:50)")
        if m.chinese and m.value == 1 and q.unit is not None and m.group == "classifier" and q.low is None:
            e = self.clause_end(q.m.end)
            d = s.find("的", q.m.end, min(e, q.m.end + 16))
            if d - q.m.end >= 3:  # 打造一支懂经济、善洽谈的招商队伍: 一支 is an article, not a count
                return self.role(q, "count", "an article before a described thing (一支…的队伍)")
        if m.chinese and m.group == "ratio" and nxt < self.b and _CJK.match(s, nxt) and s[nxt] not in _CONNECTORS \
                and not s.startswith(LEX.predicates, nxt, self.b) and not self.share_target(q):
            return self.role(q, "count", "a share of the things named next (近三成企业), not a target")
        if m.chinese and q.unit is None and not self.whole_cell(q) and not threshold:
            return self.role(q, "count", "a Chinese numeral without a unit (八大, 二十大, 清零)")
        if m.chinese and not self.phrase and not self.has_explicit_comparator(q) and not threshold \
                and m.group not in ("measure", "money") \
                and not (m.group == "ratio" and s.endswith(LEX.any_verbs, self.a, q.start)) \
                and not (m.group == "time" and self.level_verb_before_comparator(q)):  # 增长两成, 缩短至三年
            task = (m.group in ("classifier", "people") and q.unit not in LEX.naming_classifiers
                    and (self.ends_clause(q.suffix_end) or q.low is not None  # 培育三至五家龙头企业
                         or s.endswith(LEX.counting_verbs, self.clause_start(q.start), q.start))  # 增设六个社区客厅
                    and q.start - self.clause_start(q.start) >= 2
                    and (_CJK.match(s, q.start - 1) or s[q.start - 1] in "”\""))  # (…“智慧健康驿站”二十个)
            if not task and (m.group is not None or q.low is None):
                return self.role(q, "count")
        if q.unit is None and not self.phrase and self.whole_cell(q) and q.suffix is None and q.low is None \
                and s[q.start:q.end].isdigit() and q.end - q.start <= 3:
            return self.role(q, "index", "a line holding only a small whole number: the number of a table row")
        if q.unit is None and not self.phrase and not self.whole_cell(q) and not self.has_explicit_comparator(q) \
                and not self.level_verb_before(q):
            return self.role(q, "number")
        if q.start > self.a and s[q.start - 1] == LEX.from_word and _FROM_TO.match(s, q.suffix_end, self.b):
            q.from_start = True  # 由46家增加到71家: the start value, not a target
            return self.role(q, "number", "the start value of a change (由46家增加到71家)")
        if s.startswith(LEX.base_frames, q.suffix_end, self.b):
            return self.role(q, "number", "the base a target builds on (在去年增长8.1%的基础上)")
        if self.review and not LEX.plan_clause_re.match(s, self.clause_start_hard(q.start), q.start):
            return self.role(q, "outcome")  # (过去一年新增就业1.1万人,今年目标1.3万人: the clause plans)
        if not self.phrase and LEX.past_clause_re.search(s, self.clause_start_hard(q.start), q.start):
            return self.role(q, "outcome", "reported as done already (已拨付, 已累计投入)")
        if not self.phrase and self.states_now(q):
            return self.role(q, "outcome", "the state of things now (截至目前…为99.26%, 目前全市有…)")
        if not self.phrase:
            om = LEX.review_opener_re.match(s, self.clause_start_hard(q.start), q.start)
            # 去年全市…增长5.2%,今年力争增长6%: read as a target for its indicator, then an outcome
            q.last_year = om is not None and not om.group().startswith(LEX.dating_openers)
        if not self.phrase and s.startswith(LEX.consequence_verbs, self.clause_start_hard(q.start), q.start):
            prev = self.previous(q)
            if prev is not None and prev.role == "outcome":  # 已完成改造63个,惠及居民2.3万户
                return self.role(q, "outcome", "the reach of a result reported just before it (惠及, 带动)")
            if prev is not None and not self.has_explicit_comparator(q) and not self.level_verb_before(q):
                # 改造老旧小区63个,惠及居民2.3万户: how far the task reaches, not a target of its own
                # (惠及不少于10000个家庭 and 受益人群达6.1万人以上 are)
                return self.role(q, "count", "the reach of the target before it (惠及, 受益), with no comparator word")
        q.role = "target"

    def previous(self, q: _Q) -> _Q | None:
        """The quantity read just before q in this sentence."""
        prev = None
        for p in self.qs:
            if p is q:
                return prev
            prev = p
        return None

    def role(self, q: _Q, role: str, reason: str | None = None) -> None:
        q.role = role
        q.reason = reason or ROLES[role]

    def read_suffix(self, q: _Q) -> None:
        s = self.s
        k = q.end
        while k < self.b and s[k] == " ":
            k += 1
        w = LEX.suffix_comparator(s, k, self.b)
        if w:
            q.suffix = w
            q.cues.append((k, k + len(w)))
            q.suffix_end = k + len(w)
            return
        q.suffix_end = q.end

    def date_like(self, q: _Q) -> bool:
        v, u = q.m.value, q.unit
        if v < 0 and self.s[q.start] == "-":
            v = -v  # —2025年: a dash (an open range, a bullet) before a year is no minus sign
        if u == "年" and 1900 <= v <= 2100 and v == v.to_integral_value():
            return True
        written = self.s[q.m.number_end:q.m.end]
        if u == "月" and 1 <= v <= 12 and not q.m.chinese and not written.startswith("个"):
            return True
        if u == "日" and 1 <= v <= 31 and q.m.number_end - q.start <= 2 and q.start > self.a \
                and self.s[q.start - 1] == "月":
            return True
        return bool(u == "季度" and v <= 4)

    def has_explicit_comparator(self, q: _Q) -> bool:
        if q.suffix or q.m.over:
            return True
        s = self.s
        k = q.start
        return LEX.prefix_comparator(s, self.a, k) is not None

    def share_target(self, q: _Q) -> bool:
        """推动三成以上规上工业企业完成数字化改造: a share of the things named next, bound by a comparator
        word (not 近 or 约) with no other number after it in the clause, is the target itself."""
        pc = LEX.prefix_comparator(self.s, self.a, q.start)
        if not (q.suffix or q.m.over or (pc is not None and pc not in LEX.period_words)):
            return False
        end = self.clause_end(q.suffix_end)
        return not any(o.start >= q.suffix_end and o.start < end for o in self.qs)

    def level_verb_before(self, q: _Q) -> bool:
        s = self.s
        return s.endswith(LEX.long_level_verbs, self.a, q.start)

    def states_now(self, q: _Q) -> bool:
        """Whether q's clause, or a short clause right before it, opens with 目前 / 截至目前."""
        s = self.s
        cs = self.clause_start_hard(q.start)
        if LEX.status_clause_re.match(s, cs, q.start):
            return True
        if cs - 1 > self.a and s[cs - 1] == ",":
            pcs = self.clause_start_hard(cs - 1)
            return cs - 1 - pcs <= 6 and LEX.status_clause_re.fullmatch(s, pcs, cs - 1) is not None
        return False

    def level_verb_before_comparator(self, q: _Q) -> bool:
        """A level verb before the number or before its comparator word (降至约四年半)."""
        if self.level_verb_before(q):
            return True
        pc = LEX.prefix_comparator(self.s, self.a, q.start)
        return pc is not None and self.s.endswith(LEX.long_level_verbs, self.a, q.start - len(pc))

    def whole_cell(self, q: _Q) -> bool:
        return q.start == self.a and q.suffix_end >= self.b

    def parenthetical(self, q: _Q) -> bool:
        s = self.s
        stop = max(self.a, q.start - 40)
        k = s.rfind("(", stop, q.start)
        if k == -1 or s.rfind(")", k, q.start) != -1:
            return False
        e = s.find(")", q.end, min(self.b, q.end + 40))
        if e != -1 and q.unit is not None and s.startswith(LEX.part_openers, k + 1, q.start):
            return False  # 城区学校10所(含幼儿园4所): a part of the target before it, a target too
        return e != -1

    # ---------------------------------------------------------------- context of a numeric target
    def read_context(self, q: _Q) -> None:
        s = self.s
        # metric region starts at the clause start, or after the previous quantity
        floor = None
        from_at = None
        window = None  # 高新技术企业两年内增加到130家: a time window between the indicator and the verb
        for p in self.qs:
            if p is q:
                break
            if p.from_start:  # 数量由46家增加到71家: the indicator is before 由
                from_at = p.start - 1
            elif p.role in _FLOOR_ROLES and not (p.role == "date" and p.start > self.a and s[p.start - 1] in "比较") \
                    and p.role != "base":
                floor = p.suffix_end  # (比2020年 is the base of a comparison, inside the clause)
                from_at = None
                window = p if p.role in ("duration", "date") else None  # (…于2024年底前达到3500个)
        lo = self.clause_start(q.start, floor)
        if floor is not None and lo == floor:
            j = lo
            while j < q.start and s[j] == " ":
                j += 1
            w = LEX.list_separators.starting_at(s, j, q.start)
            if w and LEX.not_separators.starting_at(s, j, q.start) is None:
                lo = j + len(w)  # 新建学校3所和幼儿园5所: the joiner after the previous quantity is not the indicator
        k = q.start
        while k > lo and s[k - 1] == " ":
            k -= 1
        w = LEX.per_words.ending_at(s, lo, k)
        if w:  # 提高到每人每月300元: the per words of the rate (see per_unit) sit before the number
            k -= len(w)
        # comparator before the number
        w = LEX.prefix_comparator(s, lo, k)
        if w:
            if q.comparator is None:
                q.comparator = LEX.prefix_comparators[w]
            q.cues.append((k - len(w), k))
            k -= len(w)
        if q.comparator is None:  # 至多设置3个, 不少于总投资的75%: a comparator word a little way back
            found = None
            for cm in LEX.multi_prefix_re.finditer(s, max(lo, k - 14), k):
                gap = s[cm.end():k]
                if len(gap) <= 4 or gap.endswith("的"):
                    found = cm
            if found and not any(p.role == "target" and found.start() <= p.start < k for p in self.qs):
                word = LEX.prefix_words.ending_at(s, max(lo, found.start() - 2), found.end()) or found.group(0)
                q.comparator = LEX.prefix_comparators[word]
                q.cues.append((found.end() - len(word), found.end()))
                q.metric_end = found.end() - len(word)  # 累计完成投资|不少于总投资的75%
                q.comparator_end = found.end()
        w = LEX.per_words.ending_at(s, lo, k)
        if w and k < q.start:  # 生活补贴每人每月不低于300元: the per words before the comparator word
            k -= len(w)
        # verb before the number (or before the comparator)
        w = LEX.level_verbs.ending_at(s, lo, k)
        if w:
            q.verb = w
            if w not in LEX.quiet_level_verbs:
                q.cues.append((k - len(w), k))
            k -= len(w)
        else:
            w = LEX.change_verbs.ending_at(s, lo, k)
            if w and self.change_applies(q, lo, k - len(w)):
                q.verb = w
                q.sign = -1 if w in LEX.decrease else 1
                q.cues.append((k - len(w), k))
                k -= len(w)
                if q.comparator is None:  # 增长超过: the comparator may follow the verb
                    cw = LEX.prefix_comparator(s, lo, k)
                    if cw:
                        q.comparator = LEX.prefix_comparators[cw]
                        q.cues.append((k - len(cw), k))
                        k -= len(cw)
        # fillers before the verb: 年均 同比 比上年 分别 均 各 再 …, peeled until none is left;
        # (words, flag set on q, whether the word is a cue, whether a metric must remain before it)
        changed = True
        while changed:
            changed = False
            bm = LEX.comparison_base_re.search(s, lo, k)
            if bm:
                q.based = True
                q.cues.append(bm.span())
                k = bm.start()
                changed = True
            for words, flag, cue, keep in _FILLERS:
                w = words.ending_at(s, lo + keep, k)
                if w:
                    if flag:
                        setattr(q, flag, True)
                    if cue:
                        q.cues.append((k - len(w), k))
                    k -= len(w)
                    changed = True
        q.prefix_start = k
        if from_at is not None and (floor is None or from_at >= floor):
            q.metric_end = from_at if q.metric_end is None else min(q.metric_end, from_at)
        if q.respectively or q.each:
            # the metric list before 分别/均 runs across 、 and 和 back to the clause start
            lo = self.clause_start_hard(q.start, floor)
        # the measure
        unit = q.unit
        if q.verb in LEX.change_verbs:
            if unit in ("%", "倍", "‰"):
                q.measure = "change_rate"
            elif unit in ("百分点", "千分点") or q.based or q.verb in LEX.raise_verbs:
                q.measure = "change"
        elif unit in ("百分点",) and q.verb is None:
            q.measure = "change"
        # a rate: 每万名老人拥有20张床位 -> 张/万人; 每月完成250堂 -> 堂/月
        # (每千人口拥有…托位数2025年达到4.5个: the 每 of the rate may stand before a date in the clause)
        self.per_unit(q, self.clause_start(q.start) if window is not None and window.role == "date" else lo)
        # number-first (建成3个未来社区) or number-last (新增停车位3500个)
        after = q.suffix_end
        if after < self.b and s[after] == "(" and s.startswith(LEX.part_openers, after + 1, self.b):
            close = s.find(")", after + 1, min(self.b, after + 12))
            if close != -1:  # 新建5个(含改扩建)幼儿园: what is counted comes after the aside
                after = close + 1
        share = unit == "%" and q.m.chinese and q.m.group == "ratio" and self.share_target(q)  # 三成以上企业
        if after < self.b and (unit not in ("%", "‰") or share) and q.m.group != "time" \
                and (_CJK.match(s, after) or s[after] == "“") \
                and s[after] not in _CONNECTORS \
                and LEX.suffix_comparator(s, after, self.b) is None \
                and s[after] != "的" and unit is not None \
                and not s.startswith(LEX.distributors, after, self.b) \
                and not s.startswith(LEX.predicates, after, self.b) \
                and not s.startswith(LEX.generic_nouns, after, self.b) \
                and not (_TASK_NOUN.match(s, after, self.b) and self.strip_metric(lo, q.prefix_start)) \
                and not (LEX.counting_verbs_re.match(s, after, self.b) and self.strip_metric(lo, q.prefix_start)
                         and _CAND_RE.search(s, after, self.clause_end(after)) is not None) \
                and not (s.startswith(LEX.purpose_verbs, after, self.b) and self.strip_metric(lo, q.prefix_start)):
            # (安排资金2亿元建设公园10个: a task verb after the amount starts the next target)
            q.number_first = True
            e = after
            while e < self.b and s[e] not in _DELIMS and s[e] not in "和与及" and e - after < 30:
                if s.startswith("等", e):
                    break
                if s[e] == "(":  # 200个村(社区)卫生室: a bracketed alternative inside the name is part of it
                    close = s.find(")", e + 1, min(self.b, e + 8))
                    if close == -1 or close + 1 >= self.b or not _CJK.match(s, close + 1):
                        break
                    e = close
                if s[e] == "“":  # 5个“千亩方、万亩片”粮食生产示范基地: a quoted name is read whole
                    close = s.find("”", e + 1, min(self.b, e + 30))
                    if close != -1:
                        e = close
                e += 1
            q.metric = self.strip_metric(after, e) if e > after else None
            q.end = max(q.end, e)
        else:
            # 20条(城乡公交): the thing counted in brackets after the number
            if after < self.b and s[after] == "(" and self.strip_metric(lo, q.prefix_start) is None:
                e = s.find(")", after, self.b)
                if e != -1 and e + 1 >= self.b:
                    q.metric = (after + 1, e)
            # 达到“浙丽保”参保人数的60%: a share of another indicator
            region = (lo, q.prefix_start)
            if s.endswith("的", lo, q.prefix_start) and not s.endswith(LEX.share_of_own, lo, q.prefix_start - 1):
                # (完成总投资的75%, 完成年度任务的30%: a share of the target's own total is progress)
                for w in LEX.share_of:
                    j = s.rfind(w, lo, q.prefix_start - 1)
                    if j != -1:
                        q.relative_ref = (j + len(w), q.prefix_start - 1)
                        region = (lo, j)
                        q.cues.append((j, j + len(w)))
                        break
                else:
                    own = self.strip_metric(lo, q.metric_end or lo)
                    if q.comparator_end is not None and q.comparator_end < q.prefix_start - 1 and own is not None \
                            and not s.endswith(LEX.ratio_heads, *own):
                        # 农村低保标准不低于城镇低保标准的80%: the comparator word compares with another
                        # indicator (…的比例不超过专项债券规模的25%: a ratio's own base, still a level)
                        q.relative_ref = (q.comparator_end, q.prefix_start - 1)
            if q.metric_end is not None:
                region = (region[0], min(region[1], q.metric_end))
            if q.metric is None and s[region[0]:region[1]].strip() not in ("和", "与", "及", "、", "以及", "或"):
                j = s.find("分别", region[0], region[1])
                if j != -1 and not q.respectively:  # 国家、省、市级重点项目分别完成投资50亿元、80亿元
                    q.respectively = True
                    region = (self.clause_start_hard(j, floor), j)
                if window is not None and region[0] == window.suffix_end:  # 3年内新建学校5所
                    tail = LEX.window_tails.starting_at(s, region[0], region[1])
                    region = (region[0] + len(tail), region[1]) if tail else region
                q.metric = self.strip_metric(*region)
                if q.metric is None and window is not None and region[0] >= window.start:
                    q.metric = self.strip_metric(self.clause_start(window.start), window.start)
                if q.metric is None and s.endswith("的", *region):
                    w = LEX.share_of_own.ending_at(s, region[0], region[1] - 1)
                    if w:  # 完成全年目标任务的25%: the share is of the task itself
                        q.metric = (region[1] - 1 - len(w), region[1] - 1)
            if q.metric is None and lo > self.a and s[lo - 1] in "|\t":
                # 1 | 城镇新增就业 | 2.5万人: the indicator is the cell before the value
                pj = self.clause_start(lo - 1)
                cell = self.strip_metric(pj, lo - 1)
                if cell and _NAMES_SOMETHING.search(s, *cell) \
                        and not any(p.role == "target" and cell[0] <= p.start < cell[1] for p in self.qs):
                    q.metric = cell  # (a cell of -- or 7.2 names nothing)
        q.region = (lo, q.prefix_start)

    @staticmethod
    def reset_context(q: _Q) -> None:
        q.cues = list(q.base_cues)
        q.comparator = q.verb = q.metric = q.relative_ref = q.metric_end = q.comparator_end = None
        q.sign, q.measure, q.end = 1, "level", q.m.end
        q.number_first = q.annualized = q.based = q.respectively = q.each = False

    def change_applies(self, q: _Q, lo: int, verb_start: int) -> bool:
        """A change verb before an amount makes a change only with %, 倍, 百分点 or a base year."""
        if q.unit in ("%", "倍", "百分点", "千分点", "‰"):
            return True
        s = self.s
        if s.startswith(LEX.raise_verbs, verb_start, q.start) and q.unit is not None \
                and s.endswith(LEX.standard_heads, lo, verb_start - (1 if s[verb_start - 1] in "再又" else 0)):
            return True  # 基础养老金月最低标准再提高20元: a standard raised by an amount
        return (s.endswith(LEX.comparison_base, lo, verb_start)
                or s.endswith(LEX.comparison_base, lo, max(lo, verb_start - 1))
                or LEX.comparison_base_re.search(s, lo, verb_start) is not None
                or LEX.comparison_base_re.search(s, lo, max(lo, verb_start - 1)) is not None)

    def per_unit(self, q: _Q, lo: int) -> None:
        if q.unit is None or "/" in q.unit or q.unit in ("%", "‰", "百分点"):
            return
        s = self.s
        j = s.rfind("每", lo, q.start)
        if j == -1:
            return
        pm = _PER_RE.match(s, j)
        if not pm:
            return
        if pm.group("time"):
            den = {"天": "日"}.get(pm.group("time"), pm.group("time"))
        else:
            rest = pm.group("rest") or ""
            if not pm.group("scale"):
                return  # 每班学生人数: per class, not a rate over a population
            den = pm.group("scale") + ("户" if "户" in rest[:6] else "人")
        q.unit = f"{q.unit}/{den}"
        q.cues.append((j, j + 1))

    # ---------------------------------------------------------------- lists (分别 / 均 / 、)
    def link_lists(self) -> None:
        s = self.s
        # last year's figure names the indicator this year's target continues (去年…增长5.2%,今年力争增长6%)
        tq = [q for q in self.qs if q.role == "target" or q.last_year]
        for i, q in enumerate(tq):
            if i == 0 or q.role != "target":
                continue
            p = tq[i - 1]
            own_metric = q.metric
            if q.metric is not None and q.unit == p.unit and p.role == "target" \
                    and s[q.metric[0]:q.metric[1]] in LEX.task_verbs_set \
                    and p.metric is not None and s[p.metric[0]:p.metric[1]] not in LEX.task_verbs_set \
                    and self.deadline_for(q) is not None:
                q.metric = None  # 新建社区食堂200个,9月底前建成100个: a milestone of the task before
            gap = s[max(p.suffix_end, p.end):q.start]
            joined = gap.strip() in ("、", "和", "与", "及", ",", "、和") or (
                q.metric is None and not q.number_first and p.suffix_end <= q.start and (
                    len(gap) <= 12
                    # 新建公厕20座,3月底前完成选址,8月底前完成80%: a milestone share of the task before it
                    or (q.unit == "%" and p.unit != "%" and self.deadline_for(q) is not None
                        and _CELL_RE.search(gap) is None)))
            if not joined:
                q.metric = own_metric
                if gap.startswith(("、", "和")) and p.unit and "/" in p.unit and q.unit \
                        and p.unit.split("/", 1)[0] == q.unit and "每" not in gap and len(gap) <= 12:
                    q.unit = q.unit + "/" + p.unit.split("/", 1)[1]  # 每千人口拥有执业医师数3.7人、注册护士数5.1人
                continue
            tight = gap.strip() in ("、", "和", "与", "及")
            if q.metric is None and not q.number_first:
                # a value with no indicator of its own continues the previous one (zero anaphora):
                # 改造城中村14个、120万平方米; 增长7%以上,力争突破2000亿元
                q.inherit_from = p
                if (q.verb is None and (p.measure == "level" or q.unit == p.unit)) or (
                        q.verb in ("达到", "达") and p.measure == "change_rate" and q.unit == p.unit):
                    # 确保增长8%,力争10% / 增长8%,力争达到10%: the second number shares the verb
                    q.measure, q.sign, q.verb = p.measure, p.sign, p.verb
                if tight:
                    q.respectively = p.respectively
                    if p.respectively and q.verb is None and p.verb is not None:
                        # 分别比上年增加5个和15亿元: every value after 分别 shares its verb and base
                        q.measure, q.sign, q.verb, q.based = p.measure, p.sign, p.verb, p.based
                    if q.comparator is None and p.comparator is not None and p.suffix is None:
                        q.comparator = p.comparator
                    if p.relative_ref and q.relative_ref is None:
                        q.relative_ref = p.relative_ref
                if tight and p.suffix is None and q.suffix and p.comparator is None:
                    p.comparator = LEX.suffix_comparators[q.suffix]
            if gap.strip() in ("和", "与", "及", "、") and p.unit and "/" in p.unit and q.unit and "/" not in q.unit:
                q.unit = q.unit + "/" + p.unit.split("/", 1)[1]  # 每万名老人拥有20张床位和25名护理员

    def opens_review(self) -> bool:
        """去年,… and 上年全县… report last year unless a plan cue follows; 截至2025年底,… dates a plan
        when a comparator word follows (新增就业不少于1.8万人); a sentence that opens with work done
        already (已建成…) reports it unless more is planned (再, 今年)."""
        s, a, b = self.s, self.a, self.b
        # 已建成投用城市书房18家,新增停车位2600个; 十件民生实事已全部办结,累计投入资金15.2亿元
        pm = LEX.past_clause_lead_re.match(s, a, b)  # 目前,全县已建成…: a lead before the past clause
        if LEX.past_clause_re.match(s, pm.end() if pm else a, b) is not None or \
                LEX.past_summary_re.search(s, a, self.clause_end(a)) is not None:
            return LEX.plan_re.search(s, a, b) is None and LEX.again_re.search(s, a, b) is None
        m = LEX.review_opener_re.match(s, a, b)
        if m is None and self.plan_year is not None:
            ym = LEX.year_opener.match(s, a, b)  # 2024年,全区… in a document that plans 2025
            if ym is not None and int(ym.group("y")) < self.plan_year:
                return LEX.plan_re.search(s, a, b) is None
        if m is None or LEX.plan_re.search(s, a, b) is not None:
            return False
        return not (m.group().startswith(LEX.dating_openers) and LEX.multi_prefix_re.search(s, a, b) is not None)

    def narrated_clause(self) -> tuple[int, int] | None:
        """A clause that ends by judging how work went, its subject first (东西部协作扎实开展), or None."""
        s = self.s
        c0 = self.a
        for k in self._delimiters()[1] + [self.b]:
            if k - c0 > 3 and LEX.review_predicates.ending_at(s, c0 + 2, k) \
                    and not s.startswith(LEX.plan_or_task_openers, c0, k):
                return c0, k
            c0 = k + 1
        return None

    def detect_reported_results(self) -> None:
        """A clause that opens with a count and ends in a completed action (46个项目开工建设,
        8件民生实事全面完成), or a bare amount given exactly (完成一般公共预算收入117.1亿元), reports
        results: the sentence is a review, unless it holds a plan cue."""
        if self.phrase or self.review or LEX.plan_re.search(self.s, self.a, self.b):
            return
        s = self.s
        reason = None
        # figures that look reported: a sentence read on its own (a plan heading above it decides otherwise)
        if not self.in_plan and _CELL_RE.search(s, self.a, self.b) is None \
                and LEX.modality_re.search(s, self.a, self.b) is None \
                and not any(m.role == "index" for m in self.others):  # list items and table rows plan
            for q in self.qs:
                if q.role == "target" and q.low is None and not self.has_explicit_comparator(q) \
                        and significant_digits(q.m.value) >= LEX.exact_figure_digits \
                        and q.m.group in LEX.exact_figure_groups:
                    self.review = True
                    reason = (f"{self.text(q.start, q.end)} is an exact figure and the sentence has no plan cue: "
                              "a reported result, not a target")
                    break
            for q in ([] if self.review else self.qs):
                if not (q.role == "target" and q.measure == "change_rate" and q.unit == "%" and q.sign > 0
                        and q.low is None and not self.has_explicit_comparator(q)):
                    continue  # only a bare growth in % can look reported
                if q.m.value != q.m.value.to_integral_value() \
                        and s.endswith(LEX.same_period_growth, self.clause_start(q.start), q.start):
                    self.review = True  # 全市地区生产总值同比增长4.5%: growth on the same period is reported
                    reason = (f"a growth of {self.text(q.start, q.end)} on the same period is reported, not "
                              "planned, and the sentence has no plan cue")
                    break
                if _odd_tenths(q.m.value) \
                        and not (LEX.respectively_re.search(s, self.a, q.start)
                                 and any(p.role == "target" and p.suffix for p in self.qs)):
                    # (分别增长5.2%、8%左右: a 分别 list with a comparator word on one of its values plans)
                    self.review = True  # 城乡居民人均可支配收入分别增长4.4%、6.4%
                    reason = (f"a growth of {self.text(q.start, q.end)} is reported, not planned (planned rates are "
                              "whole or half percents) and the sentence has no plan cue")
                    break
            exact = [q for q in ([] if self.review else self.qs)
                     if q.role == "target" and q.measure == "level" and q.unit != "%" and q.low is None
                     and not self.has_explicit_comparator(q) and _ODD_DECIMAL.search(s, q.start, q.m.number_end)]
            if len(exact) >= LEX.odd_decimal_amounts:
                self.review = True  # 落实留抵退税19.3亿元,减税降费12.3亿元,办理缓缴税费18.9亿元
                reason = (f"{len(exact)} amounts given to an odd decimal ({self.text(exact[0].start, exact[0].end)}, …) "
                          "and no plan cue: reported results, not targets")
            narrated = None if self.review else self.narrated_clause()
            if narrated is not None:
                self.review = True  # 退役军人服务保障体系进一步健全,创成23家…
                reason = (f"{self.text(*narrated)} judges how work went and the sentence has no plan cue: "
                          "a review of results, not a plan")
            level = None
            for q in ([] if self.review else self.qs):
                if q.role != "target" or q.low is not None or self.has_explicit_comparator(q):
                    continue
                if q.measure == "level" and q.unit not in ("百分点", "千分点") \
                        and significant_digits(q.m.value) >= LEX.level_with_change_digits:
                    level = q
                elif level is not None and q.based and q.unit in ("%", "百分点", "千分点"):
                    # 一般公共预算收入42.6亿元,同比增长7.3%: a level stated with its change on last year
                    self.review = True
                    reason = (f"{self.text(level.start, level.end)} is given with its change on the year before "
                              f"({self.text(q.start, q.end)}) and no plan cue: a reported result, not a target")
                    break
        for q in ([] if self.review else self.qs):
            if q.start != self.clause_start(q.start):
                continue
            if q.role == "target" and q.number_first and q.metric:
                tail = s[q.metric[0]:self.clause_end(q.metric[1])]
            elif q.role == "count" and q.m.chinese and q.m.group == "classifier":  # 十件民生实事全面完成
                tail = s[q.suffix_end:self.clause_end(q.suffix_end)]
            else:
                continue
            if tail.endswith(LEX.completed_verbs):
                self.review = True
                break
        if self.review:
            for q in self.qs:
                if q.role == "target":
                    self.role(q, "outcome", reason)

    def classifies_counted(self, q: _Q) -> bool:
        """Whether the amount q stands right before a noun that a count later in the clause counts
        (十亿元企业30家; a bracketed equivalent, 以上 and an 或-alternative may come between)."""
        s, b = self.s, self.b
        j = q.m.end
        if j < b and s[j] == "(":
            close = s.find(")", j, min(b, j + 16))
            if close == -1:
                return False
            j = close + 1
        if s.startswith(("以上", "及以上"), j, b):
            j += 2 if s.startswith("以上", j, b) else 3
        if s.startswith("或", j, b):
            m2 = match_quantity(s, j + 1, b)
            if m2 is None or m2.unit is None:
                return False
            j = m2.end
        if j >= b or not _CJK.match(s, j) or s[j] in _CONNECTORS or s[j] == "的" \
                or s.startswith(LEX.predicates, j, b) or s.startswith(LEX.generic_nouns, j, b) \
                or LEX.counting_verbs_re.match(s, j, b) or s.startswith(LEX.any_verbs, j, b) \
                or s.startswith(LEX.purpose_verbs, j, b):
            return False  # (安排资金2亿元建设公园10个: the amount funds a task, a target of its own)
        e = self.clause_end(j)
        return any(p is not q and p.start > j and p.start < e and p.m.group in ("classifier", "people")
                   and p.role == "target" for p in self.qs)

    def verb_object_change(self, metric: tuple[int, int]) -> str | None:
        """The change verb that opens a metric whose object is an amount, not a ratio (压减…支出 | 10%), or None."""
        s = self.s
        v = LEX.change_verbs.starting_at(s, metric[0], metric[1])
        if v is None or len(v) < 2 or metric[1] - metric[0] - len(v) < 2 or s.endswith(LEX.ratio_heads, *metric):
            return None
        return v

    def benefactive(self, q: _Q) -> bool:
        """为200万名学生(开展…): 为 right before the count (or its comparator word) names who is served."""
        s = self.s
        pc = LEX.prefix_comparator(s, self.a, q.start)
        k = q.start - (len(pc) if pc else 0)
        return k > self.a and s[k - 1] == "为" and not s.endswith(LEX.not_benefactive, self.a, k)

    def task_count(self, q: _Q) -> bool:
        """建成10个以上省级特色小镇, 安装80万个以上智能电表, 资助超过1700名学生: a count with 以上 (or after
        超过/不少于) that a task verb governs is the task quantity, not a threshold on the noun after it;
        a people count before a place or body (实现千人以上高山村…) stays a threshold."""
        s = self.s
        if q.m.group not in ("classifier", "people") or not (
                (q.suffix in ("以上", "及以上") and q.comparator is None)
                or (q.suffix is None and q.comparator in (">", ">="))):
            return False
        k = q.prefix_start
        pc = LEX.prefix_comparator(s, self.a, q.start)
        if pc is not None:
            k = s.rfind(pc, self.a, q.start)
        verb = (q.verb in LEX.task_verbs_set) or s.endswith(LEX.counting_verbs, self.a, k) or self.benefactive(q)
        if not verb:
            return False
        if q.m.group == "people":
            m = LEX.sized_entities_re.match(s, q.suffix_end, self.b)
            if m is not None:
                return False
        return True

    def qualify(self, q: _Q) -> None:
        """A number with 以上/以下 (or 超) followed by the noun it qualifies is not a target."""
        s = self.s
        after = q.suffix_end
        pc = LEX.prefix_comparator(s, self.a, q.start)
        if not self.phrase and q.verb is None and (LEX.stock_re.search(s, self.clause_start(q.start), q.prefix_start)
                                                   or self.listed_after_scope(q)
                                                   or (q.metric is not None and q.suffix is None
                                                       and (pc is None or pc in LEX.period_words)
                                                       and s.endswith(LEX.stock_metrics, *q.metric))
                                                   or self.part_of_stock(q)):
            self.role(q, "count", "a stock as it is (全县现有青年人才约1.2万人), not a target")
            q.scope = True
            return
        cs = self.clause_start(q.start)
        if q.m.group == "money" and self.classifies_counted(q):
            # 培育十亿元企业30家, 引进超30亿元或3亿美元项目6个: the amount says which things are counted
            self.role(q, "qualifier", "an amount that classifies the things counted next (十亿元企业30家)")
            return
        if q.number_first and q.m.group in ("measure", "time") and q.verb is None and q.comparator is None \
                and q.suffix is None and not LEX.counting_verbs_re.search(s, cs, q.start) \
                and LEX.prefix_comparator(s, self.a, q.start) is None \
                and any(p.role == "target" and p.start > q.m.end and p.start < self.clause_end(q.m.end) for p in self.qs):
            # 三公里充分就业社区数量达到…的60%: a size in the name of the kind of thing counted
            self.role(q, "qualifier", "a size that names the kind of thing (三公里充分就业社区, 15分钟生活圈)")
            return
        if q.unit in LEX.frequency_units and any(
                p is not q and p.role == "target" and p.m.group == "people" and p.start < q.start
                and self.benefactive(p) for p in self.qs):
            self.role(q, "qualifier", "how often each one is served (为200万名学生开展1次测评)")
            return
        for p in self.qs:
            if p is not q and p.unit == "%" and cs <= p.start and p.suffix_end < q.start \
                    and s[p.suffix_end] == "的" and p.role == "target":
                # 20%的村集体年收入超30万元: the amount says which villages the share counts
                self.role(q, "qualifier", "a threshold on the things a share counts (20%的村年收入超30万元)")
                return
        if q.unit in LEX.list_total_units and LEX.list_total_re.search(s, cs, q.start) \
                and LEX.list_topic_re.search(s, self.a, self.b) and not LEX.counting_verbs_re.search(s, cs, q.start):
            # 为民办实事项目…共安排十方面32项; 确定以下八类11个项目为…民生实事项目: the size of the list itself
            self.role(q, "count", "the number of items the document lists (共安排32项, 以下11个项目)")
            q.scope = True
            return
        if q.start > cs and s[q.start - 1] == "在" and q.m.group == "classifier" \
                and LEX.sized_entities_re.match(s, q.m.end, self.b):
            self.role(q, "count", "the places the work is done in (在39个村改造线路), not a target")
            q.scope = True
            return
        if q.low is not None and s.startswith(LEX.band_nouns, after, self.b):
            self.role(q, "qualifier", "a band that qualifies a population (收入10-50万元群体, 50-74周岁)")
            return
        if after + 1 < self.b and s[after] == "的" and (s[after + 1].isdigit() or s[after + 1] in "一二两三四五六七八九十百千"):
            self.role(q, "qualifier", "describes the object counted next (总投资1000亿元的120个项目)")
            return
        if after + 1 < self.b and s[after] == "的" and q.m.group in ("money", "measure") and q.suffix is None \
                and self.counted_next(q):
            self.role(q, "qualifier", "describes the object counted next (总投资1200亿元的重大项目100个)")
            return
        task_count = self.task_count(q)
        share = q.m.chinese and q.unit == "%" and q.m.group == "ratio" and self.share_target(q)  # 三成以上企业
        if (q.suffix in ("以上", "以下", "及以上", "及以下") or q.comparator == ">") and not task_count and not share:
            if after < self.b and (s[after] == "的" or (_CJK.match(s, after) and s[after] not in _CONNECTORS
                                                       and not s.startswith(LEX.predicates, after, self.b)
                                                       and not s.startswith(LEX.generic_nouns, after, self.b))):
                self.role(q, "qualifier", "a threshold that qualifies the object (50万元以上的行政村, 千人以上高山村)")
                return
        if q.number_first:
            if q.unit in LEX.attribute_units:
                self.role(q, "qualifier", "a rating of the object that follows (10千伏线路)")
                return
            # 确定的10件民生实事, 全市13个区: a count inside a description
            k = q.prefix_start
            scope = LEX.scope_before.ending_at(s, self.a, k)
            if q.verb is None and q.comparator is None and (
                    (scope and not (scope != "的" and s.endswith(LEX.task_verbs, self.a, k - len(scope))))
                    or self.listed_after_scope(q)):  # (完成全市118个老旧小区改造: the task's own count)
                self.role(q, "count", "a count that describes a scope, not a target (全市13个区, 确定的10件)")
                q.scope = True

    def part_of_stock(self, q: _Q) -> bool:
        """户籍人口约380万人,其中60岁以上老年人占21.3%: a 其中 clause breaks down the stock before it."""
        cs = self.clause_start(q.start)
        if not self.s.startswith("其中", cs, self.b):
            return False
        before = [p for p in self.qs if p.start < cs]
        return bool(before) and before[-1].scope

    def counted_next(self, q: _Q) -> bool:
        """Whether a number-last target follows in q's clause (the 的 phrase after q names what it counts)."""
        for p in self.qs:
            if p.start > q.suffix_end and p.role == "target":
                return not p.number_first and self.clause_start(p.start) <= q.start
        return False

    def listed_after_scope(self, q: _Q) -> bool:
        """Whether q continues a 、 list that a scope count opened (全市共有13个区县、2100个行政村)."""
        prev = self.previous(q)
        return (prev is not None and prev.scope and self.clause_start_hard(q.start) <= prev.start
                and "、" in self.s[prev.suffix_end:q.start])

    # ---------------------------------------------------------------- pattern targets
    def patterns(self) -> None:
        s, a, b = self.s, self.a, self.b
        found: list[_T] = []
        has_rank = LEX.rank_trigger.search(s, a, b) is not None
        has_relative = LEX.relative_trigger.search(s, a, b) is not None
        has_special = LEX.special_trigger.search(s, a, b) is not None
        for p in (LEX.rank if has_rank else ()):
            for m in p.regex.finditer(s, a, b):
                if self.blocked(m.span(), allow_quote=False, numbers=False):
                    continue
                n = m.groupdict().get("n")
                value = None
                if n:
                    try:
                        value = parse_number(n)
                    except ParseError:
                        continue
                metric = self.strip_metric(self.clause_start(m.start()), m.start())
                comp = p.kind or None
                measure, unit, direction = ("rank", None, None) if p.fixed is None else (p.fixed[0], p.fixed[3], p.fixed[4])
                t = _T(m.start(), m.end(), m.start(), measure, comp, value, None, None, unit, direction, metric,
                       cues=[m.span()])
                t.start = metric[0] if metric else m.start()
                found.append(t)
                self.claimed.append(m.span())
                self.absorb(m.span(), "rank")
        for p in (LEX.relative if has_relative else ()):
            for m in p.regex.finditer(s, a, b):
                ra, rb = m.span("reference")  # a name inside the reference is part of it (完成“十四五”国家考核目标)
                if self.blocked((m.start(), max(ra, m.start() + 1))) or (rb < m.end() and self.blocked((rb, m.end()))) \
                        or any(q.role == "target" and ra < q.suffix_end and q.start < rb for q in self.qs) \
                        or (p.where_end and not self.ends_clause(m.end())):
                    continue
                gd = m.groupdict()
                # the subject before the pattern names the indicator (主要污染物排放总量完成市下达的减排任务);
                # without one, the pattern's own metric group does (完成上级下达的能源和环境指标计划目标)
                metric = self.strip_metric(self.clause_start(m.start()), m.start())
                if metric is None and gd.get("metric"):
                    metric = m.span("metric")
                if p.quantitative and (metric is None or not self.quantitative(metric)):
                    continue  # 产品质量高于国家标准: no quantity is compared
                ref = self.text(*m.span("reference"))
                parts = [metric]
                if metric is not None and metric[0] > a and s[metric[0] - 1] == "、":
                    whole = self.strip_metric(self.clause_start_hard(metric[0]), metric[1])
                    if whole is not None:
                        metric = whole  # (…、居民收入增长)和经济增长基本同步: the whole list
                if metric is not None and ("、" in s[metric[0]:metric[1]] or (
                        metric[1] < b and s.startswith(LEX.each, metric[1], b))):  # X和Y均完成省下达
                    split = self.split_metrics(metric)  # 地方一般公共预算收入、居民收入增长和经济增长基本同步
                    if len(split) > 1 and all(x is not None and self.quantitative(x) for x in split):
                        parts = split
                for part in parts:
                    t = _T(metric[0] if metric else m.start(), m.end(), m.start(), "relative", p.kind or None, None,
                           None, None, None, None, part, reference=ref, cues=[m.span()])
                    found.append(t)
        for p in (LEX.specials if has_special else ()):
            for m in p.regex.finditer(s, a, b):
                if self.blocked(m.span(), numbers=p.fixed is None) or (p.where_end and not self.ends_clause(m.end())):
                    continue
                if p.fixed:  # 两位数增长: the numeral belongs to the phrase
                    self.absorb(m.span(), "count")
                new = self.special(p, m)
                if p.quantitative:
                    new = [t for t in new if t.metric is not None and self.quantitative(t.metric)]
                found.extend(new)
                self.claimed.extend((t.start, t.end) for t in new)
        for m in (LEX.absent_re.finditer(s, a, b) if "设" in s[a:b] else ()):
            if not self.ends_clause(m.end()):
                continue
            metric = self.strip_metric(self.clause_start(m.start()), m.start())
            t = _T(metric[0] if metric else m.start(), m.end(), m.start(),
                   "change_rate" if metric and self.text(*metric).endswith(("增长", "增速")) else "level",
                   None, None, None, None, None, None, metric, cues=[m.span()], absent=True)
            found.append(t)
        if LEX.direction_trigger.search(s, a, b):
            found.extend(self.directions())
        # numbers in the subject of a 全覆盖 / 清零 clause are thresholds, but a plain count there is the
        # task and 清零 its verb (完成汾河谷地11.4万户散煤清零任务: 11.4万户 to clear, not == 0)
        for t in list(found):
            if t.measure == "special":
                cs = self.clause_start(t.anchor)
                inside = [q for q in self.qs if q.role == "target" and cs <= q.start < t.anchor]
                if t.value == 0 and inside and all(q.m.group in ("classifier", "people") and q.suffix is None
                                                    and not q.m.over for q in inside):
                    found.remove(t)
                    continue
                for q in inside:
                    self.role(q, "qualifier", "a threshold inside the subject of a 全覆盖/清零 target")
        if self.review:
            for t in found:
                self.others.append(Mention(self.text(t.start, t.end), (t.start, t.end), "outcome",
                                           ROLES["outcome"]))
            return
        self.targets.extend(found)
        for t in found:
            self.claimed.append((t.start, t.end))

    def blocked(self, span, allow_quote: bool = True, numbers: bool = True) -> bool:
        x, y = span
        for qa, qb in self.quoted:
            if qa <= x < qb:
                inner = self.s[qa + 1:qb - 1]
                if allow_quote and (self.s[x:y] == inner or y == qb - 1):
                    continue
                return True
        for ia, ib in self.idioms:
            if x < ib and ia < y:
                return True
        for q in (self.qs if numbers else ()):
            if q.role == "target" and x < q.suffix_end and q.start < y:
                return True
        for ca, cb in self.claimed:
            if x < cb and ca < y:
                return True
        return False

    def absorb(self, span, role: str) -> None:
        for q in self.qs:
            if span[0] <= q.start < span[1]:
                self.role(q, role)

    def special(self, p, m) -> list[_T]:
        s = self.s
        kind = p.kind
        if kind == "zero":
            comp, value, unit = "==", Decimal(0), None
        elif kind == "full":
            comp, value, unit = "==", Decimal(100), "%"
        elif kind == "over_half":
            comp, value, unit = ">", Decimal(50), "%"
        elif kind == "double":  # 翻一番 = +100%, 翻两番 = +300% (to four times)
            times = {"两": 2, "二": 2, "三": 3}.get(m.groupdict().get("n") or "一", 1)
            comp, value, unit = ">=", Decimal(2 ** times - 1) * 100, "%"
        elif kind == "value" and p.fixed:  # 两位数增长: a phrase that stands for a number
            comp, value, unit = p.fixed[1], Decimal(p.fixed[2]), p.fixed[3]
        else:
            comp, value, unit = ">=", Decimal(1), None
        measure = p.fixed[0] if p.fixed else {"over_half": "level", "double": "change_rate"}.get(kind, "special")
        if p.metric_after and m.groupdict().get("metric"):
            metrics = [m.span("metric")]
            start = m.start()
        else:
            cs = self.clause_start_hard(m.start()) if p.split else self.clause_start(m.start())
            # an opening quote right before the match belongs to the pattern (推动…“双清零”)
            end_subject = m.start()
            if end_subject > cs and s[end_subject - 1] in "“\"":
                end_subject -= 1
            subject = self.strip_metric(cs, end_subject)
            inherited = None
            if subject is None and kind in ("double", "value", "over_half"):
                # 收入年均增长8%以上,到2027年实现翻番: a rate with no subject continues the target before it
                inherited = self.metric_before(m.start())
            metrics = self.split_metrics(subject) if (p.split and subject) else [subject or inherited]
            start = subject[0] if subject else m.start()
        end = m.end()
        if end < self.b and s[end] in "”\"":
            end += 1
            if start == m.start() and start > self.a and s[start - 1] in "“\"":
                start -= 1  # keep the quotes of 实现“愿接尽接” together
        direction = p.fixed[4] if p.fixed else ("increase" if kind == "double" else None)
        written = self.written_deadline(m.start())
        deadline = written[1] if written else None
        return [_T(start, end, m.start(), measure, comp, value, None, None, unit, direction, met, cues=[m.span()],
                   deadline=deadline) for met in metrics]

    def metric_before(self, i: int) -> tuple[int, int] | None:
        """The indicator of the last numeric target before position i in the sentence, if any."""
        for q in reversed(self.qs):
            if q.role == "target" and q.suffix_end <= i:
                src = q
                while src.metric is None and src.inherit_from is not None:
                    src = src.inherit_from
                return src.metric
        return None

    def split_metrics(self, span) -> list[tuple[int, int] | None]:
        if span is None:
            return [None]
        a, b = span
        parts = []
        k = a
        for m in LEX.list_separators_re.finditer(self.s, a, b):
            if self.s.count("(", a, m.start()) > self.s.count(")", a, m.start()):
                continue  # 各县(市、区): a list inside brackets is one place, not several indicators
            if m.start() > k:
                parts.append((k, m.start()))
            k = m.end()
        if k < b:
            parts.append((k, b))
        return [self.strip_metric(x, y) for x, y in parts] or [span]

    def directions(self) -> list[_T]:
        s, a, b = self.s, self.a, self.b
        out: list[_T] = []
        for p in LEX.direction_sv:
            for m in p.regex.finditer(s, a, b):
                if self.blocked(m.span()) or not self.ends_clause(m.end()) or self.in_metric(m.span()):
                    continue
                cs = self.clause_start_hard(m.start())
                end_subject = m.start()
                if end_subject > cs and s[end_subject - 1] in "“\"":
                    end_subject -= 1
                subject = self.strip_metric(cs, end_subject)
                if subject is None:
                    continue
                if not p.split and not self.quantitative(subject):
                    continue
                sub = self.s[subject[0]:subject[1]]
                parts = self.split_metrics(subject) if (p.split or "、" in sub or (
                    ("和" in sub or "与" in sub) and all(self.quantitative(x) for x in self.split_metrics(subject) if x))) \
                    else [subject]
                end = m.end() + (1 if m.end() < b and s[m.end()] in "”\"" else 0)
                for i, met in enumerate(parts):
                    if p.kind == "up_down":
                        d = "increase" if i < len(parts) / 2 else "decrease"
                    else:
                        d = p.kind
                    out.append(_T(subject[0], end, m.start(), "direction", None, None, None, None, None, d, met,
                                  cues=[m.span()]))
                self.claimed.append((subject[0], end))
        for p in LEX.direction_vo:
            for m in p.regex.finditer(s, a, b):
                if self.blocked(m.span()):
                    continue
                cs = self.clause_start(m.start())
                head = self.strip_metric(cs, m.start())
                if head is not None:  # the verb must open its clause
                    continue
                e = self.clause_end(m.end())
                met = self.strip_metric(m.end(), e)
                if met is None or not self.quantitative(met) or not self.ends_clause(e):
                    continue
                out.append(_T(m.start(), e, m.start(), "direction", None, None, None, None, None, p.kind, met,
                              cues=[m.span()]))
        return out

    def in_metric(self, span) -> bool:
        """Whether span lies inside the indicator of a numeric target (单位GDP能耗下降 | 3%)."""
        x, y = span
        return any(q.role == "target" and q.metric is not None and q.metric[0] <= x and y <= q.metric[1]
                   for q in self.qs)

    def quantitative(self, span) -> bool:
        t = self.s[span[0]:span[1]].rstrip("”\"")
        if t.endswith(LEX.measured_qualities):  # 生态环境质量(持续改善)
            return True
        for w in LEX.measured_qualities:  # 空气质量优良天数比率: 质量 is measured here
            t = t.replace(w, "")
        if any(w in t for w in LEX.quantitative_exclude):
            return False
        return t.endswith(LEX.quantitative_heads)

    # ---------------------------------------------------------------- building
    def build_numeric_targets(self) -> None:
        s = self.s
        for q in self.qs:
            if q.role != "target":
                continue
            metric = q.metric
            src = q
            while metric is None and src.inherit_from is not None:
                src = src.inherit_from
                metric = src.metric
            metrics = [metric]
            if q.each and q.metric is not None and not q.number_first:
                metrics = self.list_metrics(q)
            elif q.respectively:
                pass  # paired below
            unit = q.unit
            value: Decimal | None = q.m.value
            low, high = q.low, q.high
            if unit == "倍" and q.measure == "change_rate":
                unit = "%"
                value, low, high = (None if x is None else _plain(x * 100) for x in (value, low, high))
            comp = q.comparator
            lower_word = None
            if q.suffix:
                comp = LEX.suffix_comparators[q.suffix]
            if q.m.over:
                comp = ">"
                if q.m.number_end < q.m.end:
                    q.cues.append((q.m.number_end, q.m.number_end + 1))
            if low is not None and high is not None:
                comp = "between"
            measure = q.measure
            direction = None
            sign = q.sign
            if measure == "level" and unit == "%" and metric and not q.relative_ref:
                w = LEX.rate_nouns.ending_at(s, metric[0] + 1, metric[1])
                down = w in LEX.rate_nouns_down
                if w is None and (q.verb is None or q.verb in LEX.level_verbs):
                    # 规上工业增加值增长 | 7%: the change verb ends the indicator's cell
                    w = LEX.change_verbs.ending_at(s, metric[0] + 1, metric[1])
                    if w is not None and len(w) < 2:
                        w = None
                    down = w in LEX.decrease
                if w:  # 社零总额增幅达到7%: the indicator is a growth rate (PM2.5浓度降幅达到4%: a fall)
                    measure, metric = "change_rate", (metric[0], metric[1] - len(w))
                    direction = "decrease" if down else "increase"
                    if down:
                        sign = -sign
                    metrics = [metric]
                elif q.verb is None and (v := self.verb_object_change(metric)) is not None:
                    # 压减非急需非刚性支出10%, 降低单位GDP能耗3%: the verb opens the clause, its object follows
                    q.cues.append((metric[0], metric[0] + len(v)))
                    measure, metric = "change_rate", self.strip_metric(metric[0] + len(v), metric[1])
                    q.measure = "change_rate"
                    if v in LEX.decrease:
                        sign = -sign
                    metrics = [metric]
                elif q.verb is None and s.endswith(LEX.amount_heads, *metric) \
                        and not s.endswith(LEX.ratio_heads, *metric):
                    # 地区生产总值6% (a list of targets with the verb left out): an amount is never in %,
                    # so the % is its growth
                    measure, direction = "change_rate", "increase"
                    q.measure = "change_rate"
            default_comp = comp is None
            if comp is None:
                metric_text = self.text(*metric) if metric else None
                lower_word = LEX.lower_is_better_word(metric_text) if measure == "level" and not q.number_first \
                    else None  # (为8000名老人安装火灾报警器: a count of what is done is never lower-is-better)
                if measure == "level" and q.verb in LEX.level_verbs_down:
                    lower_word = None
                    comp = "<="  # 降至5%, 压减至100万吨, 缩短至30分钟: bring it down to at most
                else:
                    comp = "<=" if lower_word else ">="
            if sign < 0:
                value = -value if value is not None else None
                low, high = (None if high is None else -high), (None if low is None else -low)
                comp = Comparator(comp).mirrored().value
            if q.measure in ("change_rate", "change"):
                direction = "decrease" if sign < 0 else "increase"
            reference = None
            if q.relative_ref:
                measure = "relative"
                reference = self.text(*q.relative_ref)
            elif unit in ("百分点", "千分点"):
                am = LEX.above_reference_re.search(s, self.clause_start(q.start), q.start)
                if am is not None:  # 一般公共预算收入高于全市7个百分点以上: ahead of another place by N points
                    measure, reference = "relative", self.text(*am.span("reference"))
                    if metric is not None and metric[1] > am.start():
                        metric = self.strip_metric(metric[0], am.start())
                        metrics = [metric]
            if comp == "between":
                value = None
            own = q.metric if q.metric is not None else None  # an inherited metric is not part of this text
            start = min(q.prefix_start, q.start, own[0] if own and own[0] < q.start else q.start)
            if q.number_first and q.metric is None:
                start = min(start, q.prefix_start)
            cues = list(q.cues)
            if lower_word and metric:
                j = s.find(lower_word, metric[0], metric[1])
                if j != -1:
                    cues.append((j, j + len(lower_word)))
            end = max(q.end, q.suffix_end)
            for met in metrics:
                self.targets.append(_T(start, end, q.m.start, measure, comp, value, low, high, unit, direction, met,
                                       reference=reference, cues=cues, annualized=q.annualized,
                                       deadline=self.deadline_for(q), number_span=(q.m.start, q.m.end),
                                       default_comp=default_comp and q.verb not in LEX.level_verbs_down))
        self.pair_respectively()
        # a numberless target with no subject of its own continues the indicator before it
        # (城乡居民人均可支配收入年均增长7%,与经济增长基本同步)
        last = None
        for t in sorted(self.targets, key=lambda t: t.anchor):
            if t.metric is None and t.number_span is None and last is not None and t.measure in (
                    "relative", "direction") and not t.absent:
                t.metric = last
            if t.metric is not None:
                last = t.metric

    def list_metrics(self, q: _Q) -> list:
        """The metrics before 均/各: a 、/和 list, or a top-level comma list of short items."""
        s = self.s
        if q.metric is None:
            return [None]
        a, b = q.metric
        lo = a
        # extend back over short comma-separated items (制造业投资,民间项目投资,交通投资,…均增长25%)
        k = lo
        while k - 1 > self.a and s[k - 1] == ",":
            j = self.clause_start(k - 1)
            piece = self.strip_metric(j, k - 1)
            if piece is None or piece[1] - piece[0] > 10 or any(
                    p.start < k and p.suffix_end > j for p in self.qs):
                break
            k = j
        if k < lo:
            parts = []
            x = k
            for i in range(k, b):
                if s[i] == ",":
                    parts.append((x, i))
                    x = i + 1
            parts.append((x, b))
            return [self.strip_metric(*p) for p in parts]
        return self.split_metrics((a, b))

    def shared_heads(self, parts: list) -> list[str | None]:
        """城镇、农村居民人均可支配收入: short modifiers listed before the last item share its head, so
        城镇 reads 城镇居民人均可支配收入. The completed metric text of each part, or None."""
        out: list[str | None] = [None] * len(parts)
        if len(parts) < 2 or any(p is None for p in parts):
            return out
        last = self.text(*parts[-1])
        for i, p in enumerate(parts[:-1]):
            head = self.text(*p)
            n = len(head)
            if n <= 3 and len(last) >= n + 3 and last[:n] != head and _all_cjk(last[:n]) and _all_cjk(head):
                out[i] = head + last[n:]
        return out

    def pair_respectively(self) -> None:
        """分别: the n metrics before it take the n values after it, in order."""
        groups: list[list[_T]] = []
        numeric = [t for t in self.targets if t.number_span is not None]
        qs = {q.m.start: q for q in self.qs}
        cur: list[_T] = []
        for t in numeric:
            q = qs.get(t.number_span[0]) if t.number_span else None
            if q is not None and q.respectively and q.inherit_from is None:
                cur = [t]
                groups.append(cur)
            elif q is not None and q.respectively and cur:
                cur.append(t)
            else:
                cur = []
        for g in groups:
            metric = g[0].metric
            if metric is None or len(g) < 2:
                continue
            parts = self.split_metrics(metric)
            if len(parts) == len(g):
                whole = self.shared_heads(parts)
                for t, m, w in zip(g, parts, whole):
                    t.metric = m
                    if w is not None:  # 城镇、农村居民人均可支配收入: 城镇 takes the head of the last item
                        t.metric, t.metric_text = None, w
                    t.start = g[0].start
                    if t.default_comp and t.measure == "level" and m is not None:
                        lower = LEX.lower_is_better_word(w or self.text(*m))
                        t.comparator = "<=" if lower else ">="
                        t.cues = [c for c in t.cues if not LEX.lower_is_better_word(self.text(*c))]

    # ---------------------------------------------------------------- modality
    def assign_modality(self) -> None:
        s = self.s
        words = []
        for m in LEX.modality_re.finditer(s, self.a, self.b):
            if self._inside(m.start(), self.quoted):
                continue
            words.append(m)
        if not words:
            return
        scopes = []
        for i, m in enumerate(words):
            end = words[i + 1].start() if i + 1 < len(words) else self.b
            if m.group(0) in LEX.clause_only_modality:
                end = min(end, self.clause_end(m.end()))
            scopes.append((m.start(), end, LEX.modality_words[m.group(0)], m.span()))
        for t in self.targets:
            for x, y, mod, span in scopes:
                if x <= t.anchor < y:
                    t.modality = mod
                    t.cues = [span] + list(t.cues)
                    if self.clause_start(t.anchor) <= x:
                        t.start = min(t.start, x)  # 确保城镇新增就业22万人: the word is in the target's clause
                    # (a modality word of an earlier clause scopes over this one, but its text stays its own)
                    break

    # ---------------------------------------------------------------- output
    def emit(self) -> list[Mention]:
        out = list(self.others)
        for q in self.qs:
            if q.role is not None and q.role != "target":
                out.append(Mention(self.text(q.start, q.suffix_end), (q.start, q.suffix_end), q.role,
                                   q.reason or ROLES[q.role]))
        for t in self.targets:
            target = self.make_target(t)
            out.append(Mention(target.text, target.span, "target", self.reason(t), target))
        out.sort(key=lambda m: (m.span[0], m.span[1]))
        return out

    def reason(self, t: _T) -> str:
        cue = ", ".join(self.text(a, b) for a, b in t.cues) if t.cues else "a task quantity"
        return f"{t.measure} target ({cue})"

    def make_target(self, t: _T) -> Target:
        unit = t.unit

        def q(v, written=None):
            return None if v is None else Quantity(v, unit, text=written)

        tol = None
        if t.comparator == "≈" and t.value is not None:
            tol = self.policy.for_unit(unit)
        metric = self.text(*t.metric) if t.metric else t.metric_text
        if metric:
            metric = metric.strip()
        cues = []
        for a, b in sorted(set(t.cues)):
            w = self.text(a, b)
            if w and w not in cues:
                cues.append(w)
        start, end = t.start, t.end
        while start < end and self.raw[start].isspace():
            start += 1
        return Target(
            measure=_MEASURE_OF[t.measure], comparator=_COMPARATOR_OF[t.comparator] if t.comparator else None,
            value=q(t.value, self.text(*t.number_span) if t.number_span else None), low=q(t.low), high=q(t.high),
            unit=unit, tolerance=tol,
            modality=_MODALITY_OF[t.modality] if t.modality else None,
            direction=_DIRECTION_OF[t.direction] if t.direction else None,
            reference=t.reference, metric=metric or None, cues=tuple(cues),
            text=self.raw[start:end], span=(start, end), deadline=t.deadline,
            annualized=t.annualized, absent=t.absent,
        )
