"""The phrase lexicon (``data/lexicon.toml``), loaded and compiled once at import.

Every word list that decides how a target is read lives in the data file; this module only turns
it into fast lookups: sets, longest-first tuples and compiled regular expressions.

>>> LEX.prefix_comparators["不少于"]
'>='
>>> LEX.is_lower_is_better("城镇登记失业率")
True
>>> LEX.is_lower_is_better("道路交通事故多发点治理")
False
"""
from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import resources

from .normalize import normalize as _normalize
from .wordregex import word_pattern

__all__ = ["LEX", "Lexicon", "SpecialPattern"]


@dataclass(frozen=True, slots=True)
class SpecialPattern:
    """A compiled pattern of the [special], [relative] or [rank] tables."""

    regex: re.Pattern
    kind: str
    where_end: bool = False
    split: bool = False
    metric_after: bool = False
    #: for kind "value": the reading it stands for (measure, comparator, value, unit, direction)
    fixed: tuple[str, str, str, str | None, str | None] | None = None
    #: the indicator before the match must end with a quantitative head (面积不减少, not 标准不降低)
    quantitative: bool = False


class WordSet(tuple[str, ...]):
    """A longest-first tuple of words that can also say which word ends or starts at a position
    with a few set lookups (one per distinct word length) instead of one comparison per word.
    Being a tuple, it also works with ``str.startswith``/``str.endswith`` directly."""

    _set: frozenset[str]
    _lengths: tuple[int, ...]
    _firsts: frozenset[str]
    _lasts: frozenset[str]

    def __new__(cls, words):
        obj = super().__new__(cls, sorted(set(words), key=len, reverse=True))
        obj._set = frozenset(obj)
        obj._lengths = tuple(sorted({len(w) for w in obj}, reverse=True))
        obj._firsts = frozenset(w[0] for w in obj if w)
        obj._lasts = frozenset(w[-1] for w in obj if w)
        return obj

    def ending_at(self, s: str, lo: int, k: int) -> str | None:
        """The longest word w with s[k-len(w):k] == w and k-len(w) >= lo."""
        if k <= lo or k > len(s) or s[k - 1] not in self._lasts:
            return None
        for n in self._lengths:
            j = k - n
            if j >= lo and s[j:k] in self._set:
                return s[j:k]
        return None

    def starting_at(self, s: str, i: int, hi: int) -> str | None:
        """The longest word w with s[i:i+len(w)] == w and i+len(w) <= hi."""
        if i >= hi or not 0 <= i < len(s) or s[i] not in self._firsts:
            return None
        for n in self._lengths:
            if i + n <= hi and s[i:i + n] in self._set:
                return s[i:i + n]
        return None


def _longest_first(words) -> WordSet:
    return WordSet(words)


def _alternation(words) -> str:
    return word_pattern(words)


_CJK_WORD = re.compile("[\u4e00-\u9fff]+")


class _FirstOf:
    """Two regexes searched as one (``search`` gives the first match of either); a match of the second
    is skipped when the guard of its word matches the text just before it."""

    __slots__ = ("a", "b", "guards")

    def __init__(self, a: re.Pattern, b: re.Pattern | None, guards: dict[str, re.Pattern]) -> None:
        self.a, self.b, self.guards = a, b, guards

    def search(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        m = self.a.search(s, pos, endpos)
        if self.b is None:
            return m
        for n in self.b.finditer(s, pos, m.start() if m else endpos):
            k = n.start()
            guard = self.guards.get(n.group())
            if guard is not None and guard.search(s, max(0, k - 4), k):
                continue
            return n
        return m


class Lexicon:
    """All tables of ``lexicon.toml``, compiled."""

    def __init__(self, data: dict) -> None:
        self.raw = data
        c = data["comparator"]
        self.prefix_comparators: dict[str, str] = dict(c["prefix"])
        # 不得超过 = 不超过: a prohibition before a strict comparator word includes the number
        negated = {">": "<=", "<": ">="}
        for neg in c.get("negators", ()):
            for w, comp in list(self.prefix_comparators.items()):
                if comp in negated and _CJK_WORD.fullmatch(w) and not w.startswith("不"):
                    self.prefix_comparators.setdefault(neg + w, negated[comp])
        self.suffix_comparators: dict[str, str] = dict(c["suffix"])
        self.prefix_words = _longest_first(self.prefix_comparators)
        self.multi_prefix_re = re.compile(_alternation(w for w in self.prefix_comparators if len(w) > 1))
        self.suffix_words = _longest_first(self.suffix_comparators)
        self.range_joiners = tuple(c["range_joiners"])
        self.not_comparator = _longest_first(c.get("not_comparator", ()))
        self.period_words = frozenset(c.get("period_words", ()))
        m = data["measure"]
        self.increase = _longest_first(m["increase"])
        self.decrease = _longest_first(m["decrease"])
        self.change_verbs = _longest_first(m["increase"] + m["decrease"])
        self.level_verbs = _longest_first(m["level_verbs"])
        self.any_verbs = _longest_first(list(self.change_verbs) + list(self.level_verbs))
        self.long_level_verbs = _longest_first(w for w in m["level_verbs"] if len(w) > 1)
        self.level_verbs_down = frozenset(m["level_verbs_down"])
        self.quiet_level_verbs = frozenset(m["quiet_level_verbs"])
        self.comparison_base = _longest_first(m["comparison_base"])
        self.comparison_base_re = re.compile("(?:" + m["comparison_base_pattern"] + ")$")
        self.rate_nouns = _longest_first(m["rate_nouns"])
        self.amount_heads = _longest_first(m["amount_heads"])
        self.above_reference_re = re.compile(m["above_reference"])
        self.raise_verbs = _longest_first(m["raise_verbs"])
        self.standard_heads = _longest_first(m["standard_heads"])
        self.rate_nouns_down = frozenset(m.get("rate_nouns_down", ()))
        self.annualized = _longest_first(m["annualized"])
        self.fillers = _longest_first(m["fillers"])
        self.per_words = _longest_first(m.get("per_words", ()))
        mod = data["modality"]
        self.modality_words: dict[str, str] = {w: "binding" for w in mod["binding"]}
        self.modality_words.update({w: "aspirational" for w in mod["aspirational"]})
        self.modality_re = re.compile(_alternation(self.modality_words))
        self.modality_set = _longest_first(self.modality_words)
        self.clause_only_modality = frozenset(mod.get("clause_only", ()))
        self.absent_re = re.compile(data["absent"]["pattern"])
        lib = data["lower_is_better"]
        self.lower_is_better = _longest_first(lib["metrics"])
        self.lower_exempt = _longest_first(lib["exempt"])
        self._lower_re = re.compile(_alternation(self.lower_is_better) or "(?!)")
        self._exempt_re = re.compile(_alternation(self.lower_exempt) or "(?!)")
        rv = data["review"]
        self.review_re = re.compile("|".join([_alternation(rv["markers"])] + list(rv.get("marker_patterns", ()))))
        # a cue inside one of not_plan_cues (今年 in 今年以来) is no cue
        cues: list[str] = []
        guarded: list[str] = []
        not_after = {w: re.compile(g) for w, g in rv.get("plan_cues_not_after", {}).items()}
        for w in sorted(rv["plan_cues"], key=len, reverse=True):
            tails = [e[len(w):] for e in rv.get("not_plan_cues", ()) if e.startswith(w) and len(e) > len(w)]
            cue = re.escape(w) + ("(?!" + "|".join(map(re.escape, tails)) + ")" if tails else "")
            # a cue with a guard on what precedes it is searched apart and checked in code: a lookbehind
            # in the regex would slow every search
            (guarded if w in not_after else cues).append(cue)
        self.plan_re = _FirstOf(re.compile("|".join(cues)),
                                re.compile("|".join(guarded)) if guarded else None, not_after)
        self.completed_verbs = _longest_first(rv["completed_verbs"])
        self.consequence_verbs = _longest_first(rv["consequence_verbs"])
        self.base_frames = _longest_first(rv["base_frames"])
        self.plan_clause_re = re.compile(rv["plan_clause_openers"])
        self.again_re = re.compile(_alternation(rv["again_words"]))
        self.review_predicates = _longest_first(rv["review_predicates"])
        self.plan_openers = _longest_first(rv["plan_openers"])
        self.exact_figure_digits = int(rv["exact_figure_digits"])
        self.exact_figure_groups = frozenset(rv["exact_figure_groups"])
        self.level_with_change_digits = int(rv["level_with_change_digits"])
        self.odd_decimal_amounts = int(rv["odd_decimal_amounts"])
        self.review_opener_re = re.compile(rv["sentence_openers"])
        self.dating_openers = tuple(rv["dating_openers"])
        self.outcome_re = re.compile(rv["outcome_patterns"])
        self.past_clause_re = re.compile(rv["past_clause"])
        self.status_clause_re = re.compile(rv["status_clause"])
        self.past_clause_lead_re = re.compile(rv["past_clause_lead"])
        self.same_period_growth = _longest_first(rv["same_period_growth"])
        self.past_summary_re = re.compile(rv["past_summary"])
        self.title_max_chars = int(rv["title_max_chars"])
        self.title_review_words = tuple(rv["title_review_words"])
        self.section_opener = re.compile(rv["section_openers"], re.M)
        self.section_closer = re.compile(rv["section_closers"], re.M)
        self.year_opener = re.compile(rv["year_opener"])
        self.heading_year = re.compile(rv["heading_year"])
        mt = data["metric"]
        self.strip_front = _longest_first(mt["strip_front"] + mod["binding"] + mod["aspirational"])
        self.strip_back = _longest_first(mt["strip_back"])
        self.not_metrics = frozenset(data["metric"]["not_metrics"])
        self.window_tails = _longest_first(data["metric"]["window_tails"])
        d = data["distribution"]
        self.respectively = _longest_first(d["respectively"])
        self.respectively_re = re.compile(_alternation(self.respectively))
        self.each = _longest_first(d["each"])
        self.distributors = _longest_first(list(self.respectively) + list(self.each))
        self.list_separators_re = re.compile(_alternation(d["separators"]))
        self.list_separators = _longest_first(w for w in d["separators"] if w != "、")
        self.not_separators = _longest_first(d.get("not_separators", ()))
        sp = data["special"]
        self.specials = tuple(
            SpecialPattern(re.compile(p["pattern"]), p["kind"], p.get("where") == "end", p.get("split", False),
                           p.get("metric_after", False),
                           (p["measure"], p["comparator"], p["value"], p.get("unit"), p.get("direction"))
                           if p["kind"] == "value" else None, p.get("quantitative", False))
            for p in sp["zero"])
        self.direction_sv = tuple(
            SpecialPattern(re.compile(p["pattern"]), p["direction"], True, p.get("split", False))
            for p in sp["direction_subject_verb"])
        self.direction_vo = tuple(
            SpecialPattern(re.compile(p["pattern"]), p["direction"], True) for p in sp["direction_verb_object"])
        self.quantitative_heads = _longest_first(sp["quantitative_heads"])
        self.measured_qualities = _longest_first(sp["measured_qualities"])
        self.quantitative_exclude = _longest_first(sp["quantitative_exclude"])
        self.special_trigger = re.compile(sp["trigger"])
        self.direction_trigger = re.compile(sp["direction_trigger"])
        rel = data["relative"]
        self.relative = tuple(SpecialPattern(re.compile(p["pattern"]), p["comparator"], p.get("where") == "end",
                                             quantitative=p.get("quantitative", False))
                              for p in rel["patterns"])
        self.share_of_own = _longest_first(rel.get("share_of_own", ()))
        self.share_base_after = _longest_first(rel["share_base_after"])
        self.ratio_heads = _longest_first(rel.get("ratio_heads", ()))
        self.share_of = _longest_first(rel["share_of"])
        self.relative_trigger = re.compile(rel["trigger"])
        self.rank = tuple(SpecialPattern(re.compile(p["pattern"]), p["comparator"],
                                         fixed=(p["measure"], p["comparator"], "", p.get("unit"), p.get("direction"))
                                         if "measure" in p else None)
                          for p in data["rank"]["patterns"])
        self.rank_trigger = re.compile(data["rank"]["trigger"])
        ck = data["check"]
        self.real_price_metrics = _longest_first(ck["real_price_metrics"])
        self.cumulative_metrics = _longest_first(ck["cumulative_metrics"])
        self.rate_level_metrics = _longest_first(ck["rate_level_metrics"])
        self.share_word_re = re.compile(ck["share_words"])
        rewrites = sorted(ck["reported_rewrites"], key=lambda p: len(p[0]), reverse=True)
        self.reported_rewrites = dict((w, r) for w, r in rewrites)
        self.reported_rewrite_re = re.compile("|".join(re.escape(w) for w, _ in rewrites))
        tb = data["tables"]
        self.table_header = tuple((role, tuple(tb[key]), whole) for role, key, whole in (
            ("attr", "header_attr", False), ("unit", "header_unit", True), ("rate", "header_rate", False),
            ("base", "header_base", False), ("target", "header_target", False), ("name", "header_name", False),
            ("index", "header_index", True)))
        self.table_header_name_re = re.compile(_alternation(tb["header_name"]))
        self.table_totals = tuple(tb["header_totals"])
        self.table_annual = tuple(tb["header_annual"])
        self.table_target_words = tuple(tb["header_target"])
        self.table_periods: dict[str, int] = {w: int(y) for w, y in tb["plan_periods"]}
        self.table_binding = tuple(tb["binding"])
        self.table_aspirational = tuple(tb["aspirational"])
        self.table_flow_words = tuple(tb["flow_words"])
        self.table_empty = frozenset(tb["empty"])
        growth = [w for w in list(self.change_verbs) + list(self.rate_nouns) if len(w) >= 2]
        self.table_growth_re = re.compile(
            "(?P<annual>" + _alternation(self.annualized) + ")?(?P<verb>" + _alternation(growth) + ")$")
        self.table_falls = frozenset(self.decrease) | self.rate_nouns_down
        nt = data["non_target"]
        self.idiom_re = re.compile(_alternation(nt["idioms"]))
        self.date_after = _longest_first(nt["date_after"])
        self.class_markers = _longest_first(nt["class_markers"])
        self.scope_before = _longest_first(nt["scope_before"])
        self.stock_re = re.compile(_alternation(nt.get("stock_words", ())) or "(?!)")
        self.stock_metrics = _longest_first(nt["stock_metrics"])
        self.from_word = nt.get("from_word", "由")
        self.attribute_units = frozenset(nt["attribute_units"])
        self.predicates = _longest_first(nt["predicates"])
        self.generic_nouns = _longest_first(nt["generic_nouns"])
        self.threshold_nouns = _longest_first(nt["threshold_nouns"])
        self.threshold_money_from = int(nt["threshold_money_from"])
        self.not_units = _longest_first(nt["not_units"])
        self.task_verbs = _longest_first(nt["task_verbs"])
        self.task_verbs_set = frozenset(nt["task_verbs"])
        self.counting_verbs = _longest_first(nt["task_verbs"] + nt["counting_verbs"])
        self.counting_verbs_re = re.compile(_alternation(self.counting_verbs))
        self.band_nouns = _longest_first(nt["band_nouns"])
        self.frequency_units = frozenset(nt["frequency_units"])
        self.purpose_verbs = _longest_first(nt["purpose_verbs"])
        self.not_benefactive = tuple(nt["not_benefactive"])
        self.part_openers = _longest_first(nt["part_openers"])
        self.list_total_re = re.compile(nt["list_total"])
        self.list_topic_re = re.compile(nt["list_topic"])
        self.list_total_units = frozenset(nt["list_total_units"])
        self.sized_entities_re = re.compile("[\u4e00-\u9fff]{0,4}?(?:" + _alternation(nt["sized_entities"]) + ")")
        self.plan_or_task_openers = _longest_first(self.plan_openers + self.task_verbs)
        self.deadline_tails = _longest_first(nt["deadline_tails"])
        self.period_deadline_re = re.compile(_alternation(nt["period_deadlines"]))
        self.naming_classifiers = frozenset(nt["naming_classifiers"])
        self.time_limit_verbs = _longest_first(nt["time_limit_verbs"])

    def is_lower_is_better(self, metric: str | None) -> bool:
        """Whether a bare number on this metric is a ceiling (失业率, 能耗 …)."""
        return self.lower_is_better_word(metric) is not None

    def prefix_comparator(self, s: str, lo: int, k: int) -> str | None:
        """The comparator word ending at k (not before lo), unless it is the end of a longer word
        that only holds it (签约100个).

        >>> LEX.prefix_comparator("新增停车位不少于3500个", 0, 8), LEX.prefix_comparator("项目签约100个", 0, 4)
        ('不少于', None)
        """
        w = self.prefix_words.ending_at(s, lo, k)
        if w is not None:
            b = self.not_comparator.ending_at(s, 0, k)
            if b is not None and len(b) > len(w):
                return None
        return w

    def suffix_comparator(self, s: str, k: int, hi: int) -> str | None:
        """The comparator word starting at k (ending by hi), unless it starts a longer word that
        only holds it (100家上下游企业).

        >>> LEX.suffix_comparator("6%左右", 2, 4), LEX.suffix_comparator("100家上下游企业", 4, 10)
        ('左右', None)
        """
        w = self.suffix_words.starting_at(s, k, hi)
        if w is not None:
            b = self.not_comparator.starting_at(s, k, len(s))
            if b is not None and len(b) > len(w):
                return None
        return w

    def lower_is_better_word(self, metric: str | None) -> str | None:
        """The lexicon word that makes ``metric`` lower-is-better, or None."""
        if not metric:
            return None
        metric = _normalize(metric)
        if self._lower_re.search(metric) is None or self._exempt_re.search(metric) is not None:
            return None
        task = metric.startswith(self.counting_verbs) or metric.startswith(("为", "对"))
        for w in self.lower_is_better:  # the longest word, as the list is ordered
            if w in metric:
                # 安装火灾探测报警器, 开展事故应急演练: a task done about the thing, not its count; but
                # 新建商品住宅价格涨幅 still ends with the lower-is-better indicator
                return None if task and not metric.endswith(w) else w
        return None


def _load() -> Lexicon:
    with resources.files("cnquant").joinpath("data", "lexicon.toml").open("rb") as f:
        return Lexicon(tomllib.load(f))


LEX = _load()
