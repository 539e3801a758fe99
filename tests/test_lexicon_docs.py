"""docs/semantics.md must list every word of the lexicon tables it documents."""
from __future__ import annotations

from pathlib import Path

from cnquant.lexicon import LEX

DOC = (Path(__file__).resolve().parent.parent / "docs" / "semantics.md").read_text(encoding="utf-8")


def _missing(words):
    return sorted(w for w in words if f"`{w}`" not in DOC)


def test_comparator_words_documented():
    written = [w for w, _ in LEX.raw["comparator"]["prefix"]]  # negated forms (不得超过) are documented as a rule
    assert not _missing(written) and not _missing(LEX.suffix_comparators)
    assert not _missing(LEX.raw["comparator"]["negators"])


def test_modality_words_documented():
    assert not _missing(LEX.modality_words)


def test_lower_is_better_lexicon_documented():
    assert not _missing(LEX.lower_is_better) and not _missing(LEX.lower_exempt)


def test_change_verbs_documented():
    assert not _missing(LEX.increase) and not _missing(LEX.decrease)
