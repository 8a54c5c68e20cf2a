"""Speed of folded search and span snapping on a 5 MB text.

Run: ``/work/venv/bin/python bench/bench_search.py``.  Figures are printed in milliseconds and
as ratios to a baseline measured in the same run (``text.encode("utf-8")`` of the same text,
one pass in C over the 5 MB), so they compare across machines.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from benchlib import SHARED, best_of

from annotator.align import align_span, grapheme_boundaries
from annotator.search import FoldedText, SearchOptions

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_2ce8f3876ecb932f.txt"
VOCALISED = SHARED / "corpora" / "tashkeela_fadel" / "test.txt"
SIZE = 5_000_000


def bench(name: str, text: str, query: str) -> None:
    text = (text * (SIZE // len(text) + 1))[:SIZE]
    base = best_of(3, lambda: text.encode("utf-8"))
    fold = best_of(3, lambda: FoldedText(text, SearchOptions()))
    folded = FoldedText(text, SearchOptions())
    t0 = time.perf_counter()
    first = folded.find_all(query)
    cold = time.perf_counter() - t0
    warm = best_of(3, lambda: folded.find_all(query))
    rng = random.Random(1)
    starts = [rng.randrange(len(text) - 60) for _ in range(2000)]
    align = best_of(1, lambda: [align_span(text, s, s + rng.randrange(1, 50)) for s in starts])
    local = best_of(1, lambda: [grapheme_boundaries(text, s, s + 40) for s in starts])
    print(f"{name}: {len(text):,} code points, query {query!r} -> {len(first)} matches")
    print(f"  baseline encode      {base * 1e3:9.1f} ms  1.00")
    print(f"  fold (FoldedText)    {fold * 1e3:9.1f} ms  {fold / base:6.2f} x baseline")
    print(f"  first search (maps)  {cold * 1e3:9.1f} ms  {cold / base:6.2f} x baseline")
    print(f"  repeated search      {warm * 1e3:9.1f} ms  {warm / base:6.2f} x baseline")
    print(f"  align_span per call  {align / len(starts) * 1e6:9.1f} us  "
          f"{align / len(starts) / base:8.5f} x baseline")
    print(f"  40-char grapheme seg {local / len(starts) * 1e6:9.1f} us")


def main() -> int:
    bench("news (sample article repeated)", SAMPLE.read_text(encoding="utf-8"), "البوكمال")
    if VOCALISED.exists():
        bench("fully vocalised (Tashkeela)", VOCALISED.read_text(encoding="utf-8"), "قال")
    else:
        print(f"skipped vocalised text: {VOCALISED} absent", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
