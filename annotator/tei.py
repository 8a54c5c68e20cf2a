"""The tool's TEI P5 files: one document per file, standoff annotations (see docs/FORMAT.md).

``save_tei``/``load_tei`` are the two calls most code needs; ``read_tei`` gives the header's
taxonomy, the list of problems (checksum, unresolved pointers) without raising, and the
:class:`TeiSnapshot` that the next ``save_tei`` of the document may reuse.
"""

from annotator.tei_read import TeiFile, load_tei, read_tei, read_tei_checked, read_tei_documents
from annotator.tei_write import TeiSnapshot, paragraphs, save_tei, tei_bytes

__all__ = ["TeiFile", "TeiSnapshot", "load_tei", "paragraphs", "read_tei", "read_tei_checked",
           "read_tei_documents", "save_tei", "tei_bytes"]
