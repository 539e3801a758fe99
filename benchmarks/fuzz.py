"""A time-boxed fuzz run (not part of CI): random and mutated texts through every public reader.

    python benchmarks/fuzz.py --seconds 600

Inputs are random strings over several alphabets (numerals, units, comparator words, punctuation,
control characters, lone surrogates, any Unicode) and mutations of the phrases in
benchmarks/phrases.txt. Anything raised that is not a cnquant.ParseError is a bug: the input is
printed and saved to fuzz_failures.txt. Reports the number of inputs tried.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from datetime import date
from pathlib import Path

import cnquant as cq

HERE = Path(__file__).resolve().parent
MID_YEAR = date(2024, 6, 30)
ALPHABETS = [
    "0123456789.,%-+~万亿千百十一二三两四五六七八九零〇点以上下内超约余多个人元公里亩平方米吨/每第年月日底前",
    "确保力争增长下降提高降低清零全覆盖应通尽通零的突破与经济增长基本同步全国前十持续下降分别均各、,。;:“”()[]",
    "０１２３４５６７８９％，。萬億兩點餘個裏畝噸場",
    "\x00\x01\x07\t\n\r \u3000\u200b\ufeff",
    # table rows: cells, bracketed units, header words, attributes, symbols
    "|||\t\t\n()()〔〕[]——--<>≤≥指标名称单位2020年2025年目标属性预期性约束性年均增长降低亿元万人%3.5左右",
]


def random_text(rng: random.Random, phrases: list[str]) -> str:
    kind = rng.random()
    if kind < 0.4 and phrases:
        s = list(rng.choice(phrases))
        for _ in range(rng.randint(1, 6)):
            op = rng.random()
            pos = rng.randint(0, len(s))
            ch = rng.choice(rng.choice(ALPHABETS))
            if op < 0.4:
                s.insert(pos, ch)
            elif op < 0.7 and s:
                s.pop(min(pos, len(s) - 1))
            elif s:
                s[min(pos, len(s) - 1)] = ch
        return "".join(s)
    if kind < 0.8:
        alpha = "".join(rng.sample(ALPHABETS, rng.randint(1, len(ALPHABETS))))
        return "".join(rng.choice(alpha) for _ in range(rng.randint(0, 80)))
    chars = []
    for _ in range(rng.randint(0, 40)):
        cp = rng.randint(0, 0x10FFFF)
        chars.append(chr(cp))
    return "".join(chars)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    phrases = [x for x in (HERE / "phrases.txt").read_text(encoding="utf-8").splitlines()
               if x and not x.startswith("#")]
    deadline = time.monotonic() + a.seconds
    n = failures = 0
    while time.monotonic() < deadline:
        text = random_text(rng, phrases)
        n += 1
        for fn in (cq.extract, cq.explain, cq.parse_targets, cq.parse_target, cq.parse_quantity,
                   lambda t: cq.check("新增停车位3500个", t), lambda t: cq.check(t, "3500个"),
                   lambda t: cq.check(t, "3500个", as_of=MID_YEAR)):
            try:
                fn(text)
            except cq.ParseError:
                pass
            except Exception:  # noqa: BLE001 - that is what we are looking for
                failures += 1
                with open("fuzz_failures.txt", "a", encoding="utf-8") as f:
                    f.write(repr(text) + "\n" + traceback.format_exc() + "\n")
                print("FAILURE", repr(text), file=sys.stderr)
    print(f"{n} inputs in {a.seconds:.0f} s, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
