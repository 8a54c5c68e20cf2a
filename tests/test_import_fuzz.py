"""Every importer, fuzzed (issue 10): files its exporter writes, mutated anywhere, import to
one-line problems or to TEI files that lxml accepts and that read back as what the reader gave.

The cases and the checks are in tests/import_fuzz.py; tools/fuzz_imports.py runs thousands
of them.  Here each importer gets a few hundred, derandomized, so that the suite always tries
the same ones.  Regression tests for what it found are with their modules' tests.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from import_fuzz import FORMATS, Case, check, import_cases

CASES = 300


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_whatever_is_changed_the_import_reports_it_or_saves_what_it_read(fmt: str) -> None:
    """For each importer: no traceback, one line per problem naming the file, exit 0 or 2 as
    the reader's and writer's errors say, and every document the reader gives saves to a TEI
    file lxml accepts, which reads back as that document and saves again the same; nothing
    else is written, and an existing output file that differs is kept."""
    counts = {"accepted": 0, "refused": 0}

    @settings(max_examples=CASES, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(import_cases(fmt))
    def one(case: Case) -> None:
        counts[check(case)] += 1

    one()
    assert counts["accepted"] and counts["refused"], counts  # both sides are exercised

