"""Side-by-side speed of cnquant and the libraries a user could pick instead, in one run.

    pip install -e ".[bench]"            # the peers (optional; a peer that will not install is reported)
    python benchmarks/bench_peers.py      # prints phrases/s for each, and the ratios

Each library runs in its own fresh process on the same phrase set (benchmarks/phrases.txt, 161
phrases quoted from the seed documents): one warm-up pass, then timed passes until at least
one second has elapsed. What each peer does differs (see docs/performance.md): cn2an and
chinese2digits only convert numerals, JioNLP's extract_money only reads money, Recognizers-Text
finds numbers with units; cnquant reads the whole target. The floor is one precompiled regex that
only finds the digits in each phrase.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

SETUP = {
    "cnquant.parse_target": ("import cnquant\n"
                             "def run(p):\n"
                             "    try: return cnquant.parse_target(p)\n"
                             "    except ValueError: return None"),
    "regex floor": "import re\nR = re.compile(r'\\d+(?:\\.\\d+)?')\ndef run(p): return R.findall(p)",
    "cn2an.transform": ("import cn2an, warnings\nwarnings.simplefilter('ignore')\n"
                        "def run(p):\n    try: return cn2an.transform(p, 'cn2an')\n    except Exception: return None"),
    "chinese2digits": ("import chinese2digits as c2d\n"
                       "def run(p):\n    try: return c2d.takeNumberFromString(p)\n    except Exception: return None"),
    "jionlp.ner.extract_money": ("import jionlp\nE = jionlp.ner.extract_money\n"
                                 "def run(p):\n    try: return E(p)\n    except Exception: return None"),
    "Recognizers-Text (number with unit)": (
        "from recognizers_text import Culture\n"
        "from recognizers_number_with_unit import NumberWithUnitRecognizer\n"
        "M = NumberWithUnitRecognizer(Culture.Chinese).get_dimension_model()\n"
        "def run(p):\n    try: return M.parse(p)\n    except Exception: return None"),
}

CHILD = r"""
import json, sys, time
phrases = json.loads(sys.argv[1])
t0 = time.perf_counter()
exec(sys.argv[2])
t_import = time.perf_counter() - t0
results = [run(p) for p in phrases]
if all(r is None for r in results):
    raise SystemExit("returned nothing for every phrase: the call is broken")
n = 0
t0 = time.perf_counter()
while True:
    for p in phrases:
        run(p)
    n += len(phrases)
    if time.perf_counter() - t0 > 1.0:
        break
print(json.dumps({"per_s": n / (time.perf_counter() - t0), "import_s": t_import}))
"""


def phrases() -> list[str]:
    lines = (HERE / "phrases.txt").read_text(encoding="utf-8").splitlines()
    return [x for x in lines if x and not x.startswith("#")]


def measure(name: str, ps: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(ps, ensure_ascii=False), SETUP[name]],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": last}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", help="write the results here")
    a = ap.parse_args(argv)
    ps = phrases()
    results = {name: measure(name, ps) for name in SETUP}
    ours = results["cnquant.parse_target"].get("per_s")
    print(f"{len(ps)} phrases, each library in its own process, Python {sys.version.split()[0]}\n")
    print(f"{'library':40s} {'phrases/s':>12s} {'cnquant ÷ it':>14s} {'import s':>9s}")
    for name, r in results.items():
        if "error" in r:
            print(f"{name:40s} {'not available: ' + r['error'][:60]}")
            continue
        ratio = f"{ours / r['per_s']:.2f}x" if ours else "-"
        print(f"{name:40s} {r['per_s']:12,.0f} {ratio:>14s} {r['import_s']:9.2f}")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
