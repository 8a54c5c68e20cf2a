"""The fast standOff reader and the writer's copying of unchanged annotations.

Files this tool writes are read by tei_standoff's patterns instead of expat's handlers, and a
later save copies the annotations still unchanged from the file's own text.  Both are only
shortcuts: every file must read exactly as the expat handlers read it, every save must load
back as the document saved, and anything unusual must take the long way, not a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

from annotator.errors import FormatError
from annotator.model import Annotation, Document, Link
from annotator.tei import load_tei, save_tei, tei_bytes
from annotator.tei_read import read_tei_bytes
from annotator.tei_write import SOURCE_ATTRIBUTE


def both_ways(data: bytes) -> tuple[Document, Document, list[str], list[str]]:
    fast, slow = read_tei_bytes(data, "f.tei.xml"), read_tei_bytes(data, "f.tei.xml", fast=False)
    return fast.document, slow.document, fast.problems, slow.problems


def read_fast(data: bytes) -> bool:
    """True when the standOff of ``data`` was read by the patterns (the document keeps it)."""
    return SOURCE_ATTRIBUTE in vars(read_tei_bytes(data, "f.tei.xml").document)


def sample() -> Document:
    """Two annotators and a gold layer; a quote with a speaker, attributes and a note."""
    document = Document("d", "قال الوزير لـ«البيان» إن المشروع بدأ.\nوأضاف أن العمل مستمر.\n")
    first, later = "2026-12-01T10:00:00Z", "2026-12-02T11:30:00Z"
    document.annotations.extend([
        Annotation("a1", 4, 10, "PER", "alice", created=first, modified=first),
        Annotation("q1", 24, 37, "QUOTE", "alice", {"type": "direct"}, (Link("speaker", "a1"),),
                   first, later, "a <note> & more"),
        Annotation("a2", 15, 21, "ORG", "bilal", created=later, modified=later),
        Annotation("g1", 24, 37, "QUOTE", "lead", {"type": "direct"}, (Link("source", "q1"),),
                   layer="gold"),
    ])
    return document


def sample_changed(old: str, new: str) -> bytes:
    """The sample's file with the first ``old`` (which must be there) made ``new``."""
    text = tei_bytes(sample()).decode("utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents() | documents(created=("2026-12-01T10:00:00Z",)))
def test_files_of_the_writer_read_the_same_both_ways(document: Document) -> None:
    data = tei_bytes(document)
    fast, slow, fast_problems, slow_problems = both_ways(data)
    assert fast == slow == document
    assert fast_problems == slow_problems == []
    assert [a.id for a in fast.annotations] == [a.id for a in slow.annotations]


def test_the_writers_shape_is_read_by_the_patterns() -> None:
    data = tei_bytes(sample())
    assert read_fast(data)
    assert SOURCE_ATTRIBUTE not in vars(read_tei_bytes(data, "f", fast=False).document)


# Each change keeps the file well-formed and its meaning the same, but leaves the writer's
# exact shape: the long way must read it, and read it the same.
UNUSUAL = [
    ('xml:id="a2" target="#string-range(p1,15,6)"', 'target="#string-range(p1,15,6)" xml:id="a2"',
     "other attribute order"),
    ("</listAnnotation>", "<!-- done --></listAnnotation>", "a comment"),
    ('<note type="comment">', '<note type="comment"><!-- c -->', "a comment in a note"),
    ("a &lt;note&gt; &amp; more", "a <![CDATA[<note>]]> &#38; more", "CDATA and a reference"),
    ('ana="#tag.ORG"', "ana='#tag.ORG'", "single quotes"),
    ('xml:id="a1"', 'xml:id="a1" n="extra"', "an attribute the tool does not write"),
    ("<standOff>", '<standOff xml:id="so">', "an attribute on standOff"),
    ('<listAnnotation type="annotator"', '<listAnnotation  type="annotator"', "two spaces"),
    ('target="#string-range(p1,4,6)"', 'target="#string-range(p1, 4, 6)"', "spaces in pointer"),
    ('<ptr type="speaker" target="#a1"/>', '<ptr type="speaker" target="#a1"></ptr>',
     "an end tag"),
    ("</TEI>", "</TEI>\n<!-- after -->", "a comment after the root"),
    ("</standOff>", "</standOff><standOff/>", "a second, empty standOff"),
]


@pytest.mark.parametrize("old, new, why", UNUSUAL, ids=[case[2] for case in UNUSUAL])
def test_unusual_but_well_formed_standoffs_take_the_long_way(old: str, new: str,
                                                              why: str) -> None:
    data = sample_changed(old, new)
    fast, slow, fast_problems, slow_problems = both_ways(data)
    assert not read_fast(data)
    assert fast == slow == sample()
    assert fast_problems == slow_problems


# Each change makes the standOff not well-formed: the error must be expat's, as before.
BROKEN = [
    ("a &lt;note&gt; &amp; more", "a &lt;note&gt; & more", "a bare ampersand in a note"),
    ("a &lt;note&gt; &amp; more", "a &lt;note&gt; &nbsp; more", "an undeclared entity"),
    ("a &lt;note&gt; &amp; more", "a &lt;note&gt; &#1; more", "a reference to U+0001"),
    ("a &lt;note&gt; &amp; more", "a &lt;note&gt; \x01 more", "U+0001 itself"),
    ("a &lt;note&gt; &amp; more", "a &lt;note&gt; ]]> more", "]]> in text"),
    ('xml:id="q1"', 'xml:id="q<1"', "< in an attribute"),
    ('xml:id="q1"', 'xml:id="q&1"', "& in an attribute"),
    ('xml:id="q1"', 'xml:id="q\x021"', "U+0002 in an attribute"),
    ('ana="#tag.ORG"', 'ana="#tag.ORG<"', "< in a category pointer"),
    ("</TEI>", "</TEI><TEI/>", "a second root"),
    ("</TEI>", "</TEl>", "a mismatched end tag"),
    ("</listAnnotation>\n  </standOff>", "</listAnnotation>\n  </standOff></listAnnotation>",
     "an end tag too many"),
]


@pytest.mark.parametrize("old, new, why", BROKEN, ids=[case[2] for case in BROKEN])
def test_broken_standoffs_are_refused_as_before(old: str, new: str, why: str) -> None:
    data = sample_changed(old, new)
    with pytest.raises(FormatError, match="not well-formed") as fast:
        read_tei_bytes(data, "f.tei.xml")
    with pytest.raises(FormatError, match="not well-formed") as slow:
        read_tei_bytes(data, "f.tei.xml", fast=False)
    assert str(fast.value) == str(slow.value)


def test_problems_in_the_standoff_are_reported_the_same_both_ways() -> None:
    for old, new in [('ana="#tag.ORG"', 'ana="#tag.NOPE"'),
                     ("string-range(p1,4,6)", "string-range(p1,4,600)"),
                     ("string-range(p1,4,6)", "string-range(p7,4,6)"),
                     ('xml:id="q1"', 'xml:id="p1"'),
                     ('xml:id="a1"', 'xml:id="q1"'),
                     ('target="#a1"', 'target="#gone"'),
                     ('change="#when.2026-12-01T10_00_00Z', 'change="#when.missing')]:
        fast, slow, fast_problems, slow_problems = both_ways(sample_changed(old, new))
        assert fast_problems == slow_problems != [], new
        assert fast == slow


def edited(document: Document, choices: list[tuple[str, int]]) -> None:
    """Apply edits picked by hypothesis: relabel, note, move, delete, add."""
    for kind, number in choices:
        annotations = list(document.annotations)
        if not annotations:
            break
        target = annotations[number % len(annotations)]
        if kind == "label":
            document.annotations.replace(target.with_changes(label="MISC"))
        elif kind == "note":
            document.annotations.replace(target.with_changes(note="تعديل & <x>"))
        elif kind == "move" and target.end < len(document.text):
            document.annotations.replace(target.with_changes(end=target.end + 1))
        elif kind == "delete":  # as the app does: links to it go too
            document.annotations.remove(target.id)
            for other in list(document.annotations):
                if any(link.target == target.id for link in other.links):
                    document.annotations.replace(other.with_changes(links=tuple(
                        link for link in other.links if link.target != target.id)))
        elif kind == "add":
            document.annotate(target.start, target.end, "LOC", annotator="salma")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(created=("2026-12-01T10:00:00Z",)), st.lists(st.tuples(
    st.sampled_from(["label", "note", "move", "delete", "add"]), st.integers(0, 50)), max_size=6))
def test_saving_a_loaded_and_edited_document_gives_it_back(
        tmp_path_factory: pytest.TempPathFactory, document: Document,
        choices: list[tuple[str, int]]) -> None:
    path = tmp_path_factory.mktemp("edit") / "d.tei.xml"
    save_tei(document, path)
    loaded = load_tei(path)
    assert SOURCE_ATTRIBUTE in vars(loaded) or not len(loaded.annotations)
    edited(loaded, choices)
    save_tei(loaded, path)
    again = load_tei(path)
    assert again == loaded
    assert [a.id for a in again.annotations] == [a.id for a in loaded.annotations]
    rendered = read_tei_bytes(tei_bytes(loaded), "r", fast=False).document
    assert rendered == loaded
    assert path.read_bytes() == tei_bytes(afresh(loaded))  # copied text = what rendering gives


def afresh(document: Document) -> Document:
    """An equal document made of new objects: nothing to copy, everything rendered."""
    copy = Document(document.id, document.text, document.title, document.source,
                    document.language, document.direction, dict(document.status))
    copy.annotations.extend(replace(a, attributes=dict(a.attributes))
                            for a in document.annotations)
    return copy


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.lists(st.tuples(
    st.sampled_from(["label", "note", "move", "delete", "add"]), st.integers(0, 50)), max_size=6))
def test_each_save_is_the_source_of_the_next(document: Document,
                                             choices: list[tuple[str, int]]) -> None:
    """A document never read from a file: its first save renders everything, the next ones
    copy from the last and render only what changed since."""
    tei_bytes(document)
    edited(document, choices)
    second = tei_bytes(document)
    assert read_tei_bytes(second, "f", fast=False).document == document
    assert tei_bytes(document) == second  # nothing changed: the same bytes, copied
    assert second == tei_bytes(afresh(document))


def test_an_unchanged_document_is_saved_byte_for_byte_by_copying(tmp_path: Path) -> None:
    path = tmp_path / "d.tei.xml"
    save_tei(sample(), path)
    save_tei(load_tei(path), path)  # in file order from now on
    first = path.read_bytes()
    loaded = load_tei(path)
    source = vars(loaded)[SOURCE_ATTRIBUTE]
    save_tei(loaded, path)
    assert path.read_bytes() == first
    assert source.positions is None  # whole lists copied: no annotation looked up one by one


@pytest.mark.shared
def test_copied_and_rendered_annotations_together_validate(tei_schema, tmp_path: Path) -> None:
    path = tmp_path / "d.tei.xml"
    save_tei(sample(), path)
    loaded = load_tei(path)
    loaded.annotations.remove("a1")
    loaded.annotate(0, 3, "PER", annotator="alice")
    loaded.annotations.replace(loaded.annotations["q1"].with_changes(note="جديد"))
    save_tei(loaded, path)
    from lxml import etree
    tree = etree.parse(str(path))
    assert tei_schema.validate(tree), tei_schema.error_log
    assert load_tei(path) == loaded


def test_a_file_with_other_anchors_is_rendered_afresh(tmp_path: Path) -> None:
    """Paragraph ids the writer would not choose: copying the annotations would leave them
    pointing to ids the new file does not have."""
    text = tei_bytes(sample()).decode("utf-8")
    text = re.sub(r'xml:id="p(\d+)"', r'xml:id="para\1"', text)
    text = re.sub(r"string-range\(p(\d+),", r"string-range(para\1,", text)
    data = text.encode("utf-8")
    loaded = read_tei_bytes(data, "f").document
    assert SOURCE_ATTRIBUTE in vars(loaded)
    saved = tei_bytes(loaded)
    assert b"para1" not in saved
    assert read_tei_bytes(saved, "f").document == sample()


def test_a_file_with_other_time_and_category_ids_is_rendered_afresh() -> None:
    text = tei_bytes(sample()).decode("utf-8")
    text = text.replace("when.2026-12-01T10_00_00Z", "t1").replace("tag.QUOTE", "cat.q")
    loaded = read_tei_bytes(text.encode("utf-8"), "f").document
    assert SOURCE_ATTRIBUTE in vars(loaded)
    saved = tei_bytes(loaded)
    assert b'"#t1' not in saved and b"cat.q" not in saved
    assert read_tei_bytes(saved, "f").document == sample()


def test_category_ids_that_move_between_saves_stop_the_copying() -> None:
    """Ids come from the labels in order of first use: "A B" and "A_B" share "tag.A_B", so
    the second gets "tag.A_B_2" — until the first is gone and comes back later."""
    when = "2026-12-01T10:00:00Z"
    document = Document("d", "one two three")
    document.annotations.extend([Annotation("x", 0, 3, "A B", "alice", created=when,
                                            modified=when),
                                 Annotation("y", 4, 7, "A_B", "alice", created=when,
                                            modified=when)])
    assert b'xml:id="y" target="#string-range(p1,4,3)" ana="#tag.A_B_2"' in tei_bytes(document)
    document.annotations.remove("x")
    document.annotations.add(Annotation("z", 8, 13, "A B", "alice", created=when,
                                        modified=when))
    saved = tei_bytes(document)
    assert b'xml:id="y" target="#string-range(p1,4,3)" ana="#tag.A_B"' in saved
    assert read_tei_bytes(saved, "f", fast=False).document == document


def outcome(data: bytes, fast: bool) -> object:
    """What reading ``data`` gives: the document and problems, or the error's message."""
    try:
        read = read_tei_bytes(data, "f.tei.xml", fast=fast)
    except FormatError as error:
        return str(error)
    return read.document, read.problems


PIECES = ["<", ">", "&", '"', "'", ";", "#", " ", "\n", "\t", "\r", "/", "=", "a", "1", "-",
          ",", ")", "\x01", "]]>", "&amp;", "&lt;", "&#1;", "&#x41;", "&#10;", "&#xD;",
          "<!-- c -->", "<?pi x?>", "<![CDATA[<]]>", "<x/>", "</note>", "<annotation",
          "</annotation>", "<standOff>", "</standOff>", "</listAnnotation>",
          '<listAnnotation type="a" resp="#b">', 'xml:id="z"', ' xmlns:t="t"', "t:",
          "\u00a0", "\ufffe", "ق"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_change_to_the_standoff_reads_the_same_both_ways(data: st.DataObject) -> None:
    """Differential test: cut, insert or replace anywhere in the standOff; the fast reader
    must give exactly what the expat handlers give (the document and its problems, or the
    same error)."""
    document = data.draw(st.just(sample()) | documents(created=("2026-12-01T10:00:00Z",)),
                         label="document")
    text = tei_bytes(document).decode("utf-8")
    start = text.index("</body>")
    at = data.draw(st.integers(start, len(text)), label="at")
    cut = data.draw(st.integers(0, 12), label="cut")
    insert = "".join(data.draw(st.lists(st.sampled_from(PIECES), max_size=3), label="insert"))
    changed = (text[:at] + insert + text[at + cut:]).encode("utf-8")
    assert outcome(changed, fast=True) == outcome(changed, fast=False)


@pytest.mark.parametrize("old, new", [
    ('<div xml:id="text">', '<div xml:id="text"><!-- read me -->'),
    ('<text xml:lang="ar"', '<text  xml:lang="ar"'),
    ('<p xml:id="p2">', '<p xml:id="p2"><hi>'),
])
def test_a_text_element_unlike_the_writers_is_written_afresh(old: str, new: str) -> None:
    """The body of a file is copied into the next save only when it is what the writer would
    write: same opening and closing, nothing but its paragraphs inside."""
    data = sample_changed(old, new)
    if "<hi>" in new:
        data = data.replace(b"</p>\n    </div>", b"</hi></p>\n    </div>").replace(
            "مستمر.</p>".encode(), "مستمر.</hi></p>".encode())
    loaded = read_tei_bytes(data, "f").document
    assert SOURCE_ATTRIBUTE in vars(loaded)
    saved = tei_bytes(loaded)
    assert saved == tei_bytes(afresh(loaded))
    assert read_tei_bytes(saved, "f").document == loaded == sample()


def test_the_text_element_read_is_written_again_only_as_it_stands() -> None:
    """A direction changed after reading changes the <text> element: it is rendered again."""
    loaded = read_tei_bytes(tei_bytes(sample()), "f").document
    loaded.direction = "ltr"
    saved = tei_bytes(loaded)
    assert b'rendition="#rend.ltr"' in saved
    assert saved == tei_bytes(afresh(loaded))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_whatever_text_element_was_read_the_save_reads_back_the_same(data: st.DataObject) -> None:
    """Cut, insert or replace anywhere in the <text> element; whenever the file still reads,
    its next save (which may copy that element) must read back as the same document."""
    document = data.draw(st.just(sample()) | documents(created=("2026-12-01T10:00:00Z",)),
                         label="document")
    text = tei_bytes(document).decode("utf-8")
    start, end = text.index("<text "), text.index("</text>") + len("</text>")
    at = data.draw(st.integers(start, end), label="at")
    cut = data.draw(st.integers(0, 12), label="cut")
    insert = "".join(data.draw(st.lists(st.sampled_from(PIECES), max_size=3), label="insert"))
    read = outcome((text[:at] + insert + text[at + cut:]).encode("utf-8"), fast=True)
    if isinstance(read, tuple) and not read[1]:
        loaded = read[0]
        assert read_tei_bytes(tei_bytes(loaded), "f", fast=False).document == loaded
