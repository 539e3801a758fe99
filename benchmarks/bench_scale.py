"""Throughput of the whole-document reader, the pandas accessor and the batch checker.

    python benchmarks/bench_scale.py            # uses ../shared/seeds when present, else the demo text

Prints: extract characters/second on whole documents, the pandas accessor over a 1,000,000-row
column built from seed phrases, check_many over 100,000 rows, and import time.
"""
from __future__ import annotations

import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"


def main() -> int:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import cnquant; "
                          "print(time.perf_counter()-t)"], capture_output=True, text=True, check=True)
    import_s = float(out.stdout.strip())
    import cnquant as cq
    import pandas as pd
    import cnquant.pandas  # noqa: F401

    if SEEDS.is_dir():
        docs = {f.name: f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))}
    else:
        docs = {"demo": resources.files("cnquant").joinpath("data", "demo", "report.txt").read_text(encoding="utf-8")}
    print(f"import cnquant: {import_s:.3f} s")
    total_chars = total_s = 0.0
    for name, text in docs.items():
        cq.extract(text)  # warm
        t = time.perf_counter()
        n = len(cq.extract(text))
        dt = time.perf_counter() - t
        total_chars += len(text)
        total_s += dt
        print(f"extract {name}: {len(text):,} chars, {n} targets, {len(text) / dt:,.0f} chars/s")
    print(f"extract, all documents: {total_chars / total_s:,.0f} chars/s")

    phrases = [x for x in (HERE / "phrases.txt").read_text(encoding="utf-8").splitlines() if x and not x[0] == "#"]
    col = pd.Series([phrases[i % len(phrases)] for i in range(1_000_000)])
    t = time.perf_counter()
    frame = col.cnq.parse(errors="coerce")
    dt = time.perf_counter() - t
    print(f"Series.cnq.parse over 1,000,000 rows ({len(phrases)} distinct phrases): {dt:.2f} s "
          f"({len(frame):,} rows)")
    rows = [("新增学位4700个", f"{4000 + i % 1500}个") for i in range(100_000)]
    t = time.perf_counter()
    cq.check_many(rows)
    print(f"check_many over 100,000 rows: {time.perf_counter() - t:.2f} s")
    unique = [f"新增停车位{i}个" for i in range(20_000)]
    t = time.perf_counter()
    for p in unique:
        cq.parse_target(p)
    print(f"parse_target on 20,000 distinct phrases: {20_000 / (time.perf_counter() - t):,.0f} phrases/s")
    print(f"total {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
