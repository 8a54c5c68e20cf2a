"""The tool's TEI P5 files: one document per file, standoff annotations (see docs/FORMAT.md).

``save_tei``/``load_tei`` are the two calls most code needs; ``read_tei`` gives the header's
taxonomy and the list of problems (checksum, unresolved pointers) without raising.
"""

from annotator.tei_read import TeiFile, load_tei, read_tei, read_tei_checked, read_tei_documents
from annotator.tei_write import paragraphs, save_tei, tei_bytes, tei_chunks

__all__ = ["TeiFile", "load_tei", "paragraphs", "read_tei", "read_tei_checked",
           "read_tei_documents", "save_tei", "tei_bytes", "tei_chunks"]
