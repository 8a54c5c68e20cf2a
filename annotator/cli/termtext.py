"""Text for terminals: how wide a string is, and Arabic put in a left-to-right line.

Two ways to print right-to-left text in a left-to-right line, as ``annotator show`` does:
*visual* (shaped with arabic-reshaper and put in visual order with python-bidi, for terminals
that do no bidi; nothing stored is ever changed) and *logical* (as stored, for terminals and
files that do bidi, isolated in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so it cannot
take the neighbouring columns along).
"""

from __future__ import annotations

import unicodedata

FSI, PDI = "\u2068", "\u2069"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: marks and format characters none, wide ones two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def cut(text: str, width: int) -> str:
    """``text`` on one line, cut with … to at most ``width`` columns."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    used, kept = 0, []
    for ch in text:
        size = display_width(ch)
        if used + size > width - 1:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + "…"


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def inline(text: str, visual: bool) -> str:
    """``text`` ready to sit inside a left-to-right line: shaped in visual order
    (``visual``), else isolated with FSI…PDI when it holds right-to-left letters."""
    if not has_rtl(text):
        return text
    if visual:
        import arabic_reshaper
        from bidi.algorithm import get_display  # mirrors brackets, as annotator show does

        shaped = get_display(arabic_reshaper.reshape(text), base_dir="R")
        return "".join(ch for ch in shaped if unicodedata.category(ch) != "Cf")
    return FSI + text + PDI


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns."""
    return text + " " * max(0, width - display_width(text))


def table(rows: list[list[str]], gap: str = "  ") -> list[str]:
    """Rows of cells as aligned lines (every column but the last padded to its widest)."""
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    widths = [max((display_width(row[c]) for row in rows if c < len(row)), default=0)
              for c in range(columns)]
    return [gap.join(pad(cell, widths[c]) if c < len(row) - 1 else cell
                     for c, cell in enumerate(row)).rstrip() for row in rows]
