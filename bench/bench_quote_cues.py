"""Benchmark: the quote-cue recommender against hand-made gold on six SaudiNewsNet articles.

The gold (bench/data/quote_gold/*.tei.xml, made and documented by bench/make_quote_gold.py)
holds the quotes and their speakers; the recommender runs on the bare text of each article.
Printed: precision and recall of quotes, exact (same span) and overlap (one proposal per gold
quote, sharing a character), how often the direct/indirect type is right, and how often the
proposed speaker is right among matched quotes (its span overlaps the gold speaker's, or its
last word is the gold speaker's last word folded: العميد سرحان for سرحان).

    python bench/bench_quote_cues.py [--verbose]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator.model import Annotation, Document
from annotator.search import fold
from annotator.suggest.proposal import Proposal
from annotator.suggest.quote_cues import QuoteCues
from annotator.tei import read_tei

GOLD = Path(__file__).resolve().parent / "data" / "quote_gold"


def last_word(text: str) -> str:
    words = fold(text).split()
    return words[-1] if words else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print each miss")
    args = parser.parse_args()
    recommender = QuoteCues()
    gold_total = proposed_total = exact = overlap_gold = overlap_proposed = 0
    typed = speakers = speakers_known = 0
    elapsed = 0.0
    for path in sorted(GOLD.glob("*.tei.xml")):
        gold_doc = read_tei(path).document
        text = gold_doc.text
        started = time.perf_counter()
        proposals = recommender.propose(Document(gold_doc.id, text))
        elapsed += time.perf_counter() - started
        quotes = [p for p in proposals if p.label == "QUOTE"]
        gold = [a for a in gold_doc.annotations.sorted() if a.label == "QUOTE"]
        gold_total += len(gold)
        proposed_total += len(quotes)
        exact += len({(a.start, a.end) for a in gold} & {(p.start, p.end) for p in quotes})
        overlap_proposed += sum(any(p.start < a.end and a.start < p.end for a in gold)
                                for p in quotes)
        used: set[int] = set()
        for a in gold:
            match = next((i for i, p in enumerate(quotes) if i not in used
                          and p.start < a.end and a.start < p.end), None)
            if match is None:
                if args.verbose:
                    print(f"  missed in {gold_doc.id}: {text[a.start:a.start + 60]}")
                continue
            used.add(match)
            overlap_gold += 1
            proposal = quotes[match]
            typed += proposal.attributes.get("type") == a.attributes.get("type")
            speakers_known += 1
            speakers += speaker_right(gold_doc, a, proposal)
            if args.verbose and not speaker_right(gold_doc, a, proposal):
                said = (text[proposal.links[0].start:proposal.links[0].end]
                        if proposal.links else "none")
                target = gold_doc.annotations[a.links[0].target]
                print(f"  speaker in {gold_doc.id}: {said!r} for {gold_doc.span_text(target)!r}")
        if args.verbose:
            for p in quotes:
                if not any(p.start < a.end and a.start < p.end for a in gold):
                    print(f"  extra in {gold_doc.id}: {text[p.start:p.start + 60]}")
    print(f"quote cues on {len(list(GOLD.glob('*.tei.xml')))} articles: {gold_total} gold "
          f"quotes, {proposed_total} proposed, {elapsed * 1000:.0f} ms")
    print(f"exact:   precision {exact / proposed_total:.2f}  recall {exact / gold_total:.2f}")
    print(f"overlap: precision {overlap_proposed / proposed_total:.2f}  "
          f"recall {overlap_gold / gold_total:.2f}")
    print(f"type (direct/indirect) right on {typed}/{overlap_gold} matched quotes")
    print(f"speaker right on {speakers}/{speakers_known} matched quotes "
          f"({speakers / max(speakers_known, 1):.2f})")


def speaker_right(gold_doc: Document, gold: Annotation, proposal: Proposal) -> bool:
    """True when the proposal's speaker is the gold quote's (see the module docstring)."""
    if not proposal.links or not gold.links:
        return False
    link = proposal.links[0]
    target = gold_doc.annotations[gold.links[0].target]
    if link.start < target.end and target.start < link.end:
        return True
    return last_word(gold_doc.text[link.start:link.end]) == last_word(
        gold_doc.span_text(target))


if __name__ == "__main__":
    main()
