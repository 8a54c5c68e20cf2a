"""Suggestions: spans that recommenders propose and annotators accept or reject.

A recommender reads a document (text and the annotations it already has) and returns
:class:`Proposal` values.  Proposals are plain data; the edit session turns them into the
document's ``suggestion`` layer, and accepting one makes it the annotator's own annotation.
"""
