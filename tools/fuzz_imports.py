"""Fuzz every importer at length: ``python tools/fuzz_imports.py --cases 3000 [--seed N]``.

The cases and checks are those of the test suite's small run (tests/import_fuzz.py: exported
files, mutated, imported through the reader and through ``annotator import``); here each
importer runs ``--cases`` of them from a seed, failures are counted instead of stopping the
run, and each is kept with its files under ``--keep`` to be reproduced.  Prints, per
importer: cases, accepted (exit 0), refused (exit 2, each problem one line), failures.
Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the suite's harness and its strategies

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from import_fuzz import FORMATS, Case, check, import_cases  # noqa: E402


def keep(case: Case, folder: Path, problem: str) -> None:
    """The case's files, options and failure in ``folder``, to reproduce it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        (folder / name).write_bytes(data)
    arguments = case.arguments(Path("."), Path("out"))
    (folder / "case.json").write_text(json.dumps(
        {"format": case.fmt, "command": ["annotator", *arguments], "precious": case.precious,
         "failure": problem}, ensure_ascii=False, indent=1), encoding="utf-8")


def fuzz(fmt: str, cases: int, start: int, kept: Path) -> Counter[str]:
    """Run ``cases`` cases of the importer ``fmt`` from the seed ``start``."""
    counts: Counter[str] = Counter()

    @seed(start)
    @settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data: st.DataObject) -> None:
        case = data.draw(import_cases(fmt))
        counts["cases"] += 1
        try:
            counts[check(case)] += 1
        except Exception as error:  # an assertion of the checks, or an escaping exception
            counts["failures"] += 1
            problem = "".join(traceback.format_exception_only(type(error), error)).strip()
            if isinstance(error, AssertionError):
                problem = f"{problem}\n{traceback.format_exc(limit=-1)}"
            else:
                problem = traceback.format_exc()
            try:
                keep(case, kept / f"{fmt}-{counts['cases']}", problem)
            except OSError as failed:
                print(f"  cannot keep the case: {failed}", file=sys.stderr)
            first_line = problem.splitlines()[0] if problem else type(error).__name__
            print(f"  {fmt} case {counts['cases']}: {first_line[:160]}", file=sys.stderr)

    one()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000, help="cases per importer")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", action="append", choices=FORMATS,
                        help="only this importer (repeatable; default: all)")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"),
                        help="folder for the failing cases' files (default: ./fuzz-failures)")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    print(f"{'importer':8} {'cases':>7} {'accepted':>9} {'refused':>8} {'failures':>9} "
          f"{'seconds':>8}")
    for fmt in args.format or FORMATS:
        began = time.perf_counter()
        counts = fuzz(fmt, args.cases, args.seed, args.keep)
        total.update(counts)
        print(f"{fmt:8} {counts['cases']:7} {counts['accepted']:9} {counts['refused']:8} "
              f"{counts['failures']:9} {time.perf_counter() - began:8.1f}", flush=True)
    print(f"{'all':8} {total['cases']:7} {total['accepted']:9} {total['refused']:8} "
          f"{total['failures']:9}")
    return 1 if total["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
