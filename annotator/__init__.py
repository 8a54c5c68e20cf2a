"""Qt-free core of the Arabic news annotator: documents, spans, tag sets and TEI files.

Everything here is usable from scripts; the desktop front end lives in ``annotator_ui``.
"""

from annotator.errors import AnnotatorError
from annotator.model import Annotation, Document

__all__ = ["Annotation", "AnnotatorError", "Document"]
__version__ = "0.1.0"
