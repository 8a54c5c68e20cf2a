"""Spreading documents over annotators: K different annotators each, loads balanced."""

from __future__ import annotations

import random
from collections.abc import Sequence

from annotator.error_catalogue import Errors
from annotator.teamproject import ProjectError


def assign(documents: Sequence[str], annotators: Sequence[str], per_document: int,
           seed: int) -> dict[str, list[str]]:
    """Document id -> ``per_document`` different annotators, for every document.

    Documents are taken in the order given; each takes the annotators with the fewest
    documents so far, ties broken by a random order drawn from ``seed``.  So any two
    annotators' loads differ by at most one (the loads are always two neighbouring numbers:
    taking the least loaded keeps them so), pairs vary, and the same arguments always give
    the same result.  :class:`ProjectError` when ``per_document`` is below 1 or above the
    number of annotators.
    """
    if per_document < 1:
        raise ProjectError(Errors.E712, k=per_document)
    if per_document > len(annotators):
        raise ProjectError(Errors.E711, k=per_document, count=len(annotators))
    rng = random.Random(seed)
    load = dict.fromkeys(annotators, 0)
    result: dict[str, list[str]] = {}
    for doc_id in documents:
        order = list(annotators)
        rng.shuffle(order)
        order.sort(key=load.__getitem__)  # stable: equal loads stay in the random order
        chosen = order[:per_document]
        for name in chosen:
            load[name] += 1
        result[doc_id] = chosen
    return result
