"""Merging annotators' sets: layers, gold strategies, links, conflicts, files and corpora."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.corpus import AnnotatorSet, MergeError
from annotator.errors import AnnotatorError, IntegrityError
from annotator.gold import annotator_slug
from annotator.layers import layer_names, select_layer
from annotator.merge import MergeOptions, merge_corpus, merge_files, merge_sets
from annotator.model import Annotation, Document, Link, is_valid_id
from annotator.tagset import TagSet, default_tagset
from annotator.tei import load_tei, read_tei, save_tei

TEXT = "قال الوزير محمد إن شركة أرامكو في الرياض ستعلن النتائج غداً في مؤتمر صحفي."


def _ann(id: str, start: int, end: int, label: str, who: str,
         links: tuple[Link, ...] = (), **attributes: str) -> Annotation:
    return Annotation(id, start, end, label, who, attributes, links)


def _word(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _three_sets() -> list[AnnotatorSet]:
    per, org, loc, quote = _word("محمد"), _word("أرامكو"), _word("الرياض"), _word("ستعلن النتائج")
    alice = (_ann("a1", *per, "PER", "alice"), _ann("a2", *org, "ORG", "alice"),
             _ann("a3", *quote, "QUOTE", "alice", (Link("speaker", "a1"),), type="direct"))
    bob = (_ann("a1", *per, "PER", "bob"), _ann("a2", *org, "ORG", "bob"),
           _ann("a3", *quote, "QUOTE", "bob", (Link("speaker", "a1"),), type="indirect"))
    carol = (_ann("a1", *per, "PER", "carol"), _ann("a2", *org, "LOC", "carol"),
             _ann("a3", *loc, "LOC", "carol"), _ann("a4", *quote, "QUOTE", "carol"))
    return [AnnotatorSet("alice", alice, "alice.tei.xml"), AnnotatorSet("bob", bob, "bob"),
            AnnotatorSet("carol", carol, "carol")]


def _base() -> Document:
    return Document("doc1", TEXT, title="t")


def _gold(document: Document) -> list[Annotation]:
    return sorted((a for a in document.annotations if a.layer == "gold"), key=lambda a: a.id)


def test_majority_merge_keeps_layers_and_builds_gold_with_sources_and_links() -> None:
    result = merge_sets(_base(), _three_sets(), MergeOptions(lead="lena"))
    doc = result.document
    assert result.threshold == 2
    assert layer_names(doc) == ["gold", "alice", "bob", "carol"]
    assert {a.id for a in doc.annotations if a.annotator == "alice"} == {
        "alice.a1", "alice.a2", "alice.a3"}
    assert doc.annotations["bob.a3"].links == (Link("speaker", "bob.a1"),)
    gold = {a.label: a for a in _gold(doc)}
    assert sorted(gold) == ["ORG", "PER", "QUOTE"]  # carol's LOCs stay out: 1/3 each
    assert all(a.annotator == "lena" and a.layer == "gold" for a in gold.values())
    assert gold["PER"].attributes["agreement"] == "3/3"
    assert gold["PER"].attributes["annotators"] == "alice bob carol"
    assert gold["ORG"].attributes["agreement"] == "2/3"
    assert gold["ORG"].link_targets("source") == ["alice.a2", "bob.a2"]
    # The speaker link reached gold (2 of 3 drew it) and points at the gold PER.
    assert gold["QUOTE"].link_targets("speaker") == [gold["PER"].id]
    assert gold["QUOTE"].attributes["type"] == "direct"  # tie 1-1: the first annotator's
    assert doc.annotations.dangling_links() == []
    assert all(is_valid_id(a.id) for a in doc.annotations)


def test_conflicts_name_label_missing_attribute_and_link_disagreements() -> None:
    result = merge_sets(_base(), _three_sets(), MergeOptions())
    by_start = {c.start: c for c in result.conflicts}
    org = by_start[_word("أرامكو")[0]]
    assert "label" in org.kinds
    assert {(m.annotator, m.label) for m in org.members} == {
        ("alice", "ORG"), ("bob", "ORG"), ("carol", "LOC")}
    assert by_start[_word("الرياض")[0]].kinds == ["missing"]
    assert by_start[_word("الرياض")[0]].gold == []
    quote = by_start[_word("ستعلن")[0]]
    assert set(quote.kinds) == {"attribute", "link"}
    # one message per link reading, naming its target: carol's QUOTE has no speaker
    assert quote.detail == ("gold.3 type: direct 1/3, indirect 1/3, - 1/3; "
                            "gold.3 speaker → gold.1 PER [11,15) drawn by 2/3 (kept)")
    assert _word("محمد")[0] not in by_start  # everybody agreed


@pytest.mark.parametrize(("strategy", "min_agree", "labels"), [
    ("union", None, ["LOC", "LOC", "ORG", "PER", "QUOTE"]),
    ("unanimity", None, ["PER", "QUOTE"]),
    ("majority", 3, ["PER", "QUOTE"]),
    ("majority", 1, ["LOC", "LOC", "ORG", "PER", "QUOTE"]),
])
def test_strategies(strategy: str, min_agree: int | None, labels: list[str]) -> None:
    result = merge_sets(_base(), _three_sets(), MergeOptions(strategy, min_agree))
    assert sorted(a.label for a in _gold(result.document)) == labels


def test_union_speaker_link_kept_once_even_when_one_annotator_drew_it() -> None:
    result = merge_sets(_base(), _three_sets(), MergeOptions("union"))
    quote = next(a for a in _gold(result.document) if a.label == "QUOTE")
    assert len(quote.link_targets("speaker")) == 1


def test_impossible_min_agree_and_unknown_strategy() -> None:
    with pytest.raises(MergeError) as caught:
        merge_sets(_base(), _three_sets(), MergeOptions(min_agree=4))
    assert caught.value.code == "E501" and caught.value.params["annotators"] == 3
    with pytest.raises(MergeError) as caught:
        merge_sets(_base(), _three_sets(), MergeOptions("vote"))
    assert caught.value.code == "E500"


def test_overlap_matching_groups_near_spans_and_takes_the_common_span() -> None:
    start, end = _word("أرامكو")
    sets = [AnnotatorSet("a", (_ann("x", start, end, "ORG", "a"),), "a"),
            AnnotatorSet("b", (_ann("x", start - 5, end, "ORG", "b"),), "b"),
            AnnotatorSet("c", (_ann("x", start, end, "ORG", "c"),
                               _ann("y", start + 1, end, "ORG", "c")), "c")]
    exact = merge_sets(_base(), sets, MergeOptions())
    assert [(a.start, a.end) for a in _gold(exact.document)] == [(start, end)]
    loose = merge_sets(_base(), sets, MergeOptions(overlap=True, strategy="unanimity"))
    gold = _gold(loose.document)
    assert [(a.start, a.end, a.attributes["agreement"]) for a in gold] == [(start, end, "3/3")]
    # c's second, nested ORG cannot join (one annotation per annotator per group).
    assert gold[0].link_targets("source") == ["a.x", "b.x", "c.x"]
    assert any("span" in c.kinds for c in loose.conflicts)


def test_annotator_slugs_are_valid_unique_prefixes() -> None:
    taken: set[str] = set()
    slugs = [annotator_slug(name, taken)
             for name in ["tag", "gold", "3rd", "Ali B.", "Ali_B_", "", "علي"]]
    assert slugs[:3] == ["tag_", "gold_", "_3rd"]
    assert len(set(slugs)) == len(slugs)
    assert all(is_valid_id(slug + ".a1") for slug in slugs)


def test_ids_already_prefixed_are_kept() -> None:
    sets = [AnnotatorSet("a", (_ann("a.a1", 0, 3, "PER", "a"),), "a"),
            AnnotatorSet("b", (_ann("a1", 0, 3, "PER", "b"),), "b")]
    doc = merge_sets(_base(), sets, MergeOptions()).document
    assert {"a.a1", "b.a1", "gold.1"} == set(doc.annotations.ids())


# -- files ---------------------------------------------------------------------------------

def _write_sets(folder: Path, sets: list[AnnotatorSet], doc_id: str = "doc1",
                text: str = TEXT) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for found in sets:
        doc = Document(doc_id, text, title="t")
        doc.annotations.extend(found.annotations)
        path = folder / f"{doc_id}.{found.annotator}.tei.xml"
        save_tei(doc, path)
        paths.append(path)
    return paths


def test_merge_files_round_trips_through_tei(tmp_path: Path) -> None:
    paths = _write_sets(tmp_path, _three_sets())
    result = merge_files(paths, MergeOptions(lead="lena"))
    out = tmp_path / "merged.tei.xml"
    save_tei(result.document, out, tagset=result.tagset)
    again = load_tei(out)

    def content(doc: Document) -> set[tuple[object, ...]]:
        return {(a.id, a.start, a.end, a.label, a.annotator, tuple(a.attributes.items()),
                 a.links, a.layer) for a in doc.annotations}

    assert content(again) == content(result.document)
    gold_only = select_layer(again)
    assert len(gold_only.annotations) == 3
    assert len(select_layer(again, "carol").annotations) == 4


def test_merged_file_is_valid_tei(tmp_path: Path, tei_schema) -> None:
    from lxml import etree

    result = merge_files(_write_sets(tmp_path, _three_sets()), MergeOptions())
    out = tmp_path / "merged.tei.xml"
    save_tei(result.document, out, tagset=result.tagset)
    assert tei_schema.validate(etree.parse(str(out))), tei_schema.error_log


def test_text_mismatch_names_both_files(tmp_path: Path) -> None:
    sets = _three_sets()
    first = _write_sets(tmp_path / "a", sets[:1])
    second = _write_sets(tmp_path / "b", sets[1:2], text=TEXT + " ")
    with pytest.raises(MergeError) as caught:
        merge_files(first + second, MergeOptions())
    assert caught.value.code == "E522"  # different texts
    assert (caught.value.params["first"], caught.value.params["other"]) == (str(first[0]),
                                                                             str(second[0]))


def test_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    paths = _write_sets(tmp_path, _three_sets())
    paths[1].write_bytes(paths[1].read_bytes()[:300])
    with pytest.raises(AnnotatorError) as caught:
        merge_files(paths, MergeOptions())
    assert str(paths[1]) in caught.value.one_line()


def test_checksum_mismatch_is_refused(tmp_path: Path) -> None:
    paths = _write_sets(tmp_path, _three_sets())
    data = paths[2].read_bytes().replace("الرياض".encode(), "الدمام".encode(), 1)
    paths[2].write_bytes(data)
    with pytest.raises(IntegrityError) as caught:
        merge_files(paths, MergeOptions())
    assert caught.value.code == "E221" and caught.value.path == str(paths[2])


def test_different_tag_sets_are_refused(tmp_path: Path) -> None:
    sets = _three_sets()
    paths = _write_sets(tmp_path, sets[:2])
    other = TagSet("project-x", dict(default_tagset().labels))
    doc = Document("doc1", TEXT)
    doc.annotations.extend(sets[2].annotations)
    save_tei(doc, tmp_path / "carol.tei.xml", tagset=other)
    assert read_tei(tmp_path / "carol.tei.xml").taxonomy.name == "project-x"
    with pytest.raises(MergeError) as caught:
        merge_files([*paths, tmp_path / "carol.tei.xml"], MergeOptions())
    assert caught.value.code == "E521" and caught.value.params["other_name"] == "project-x"


def test_same_annotator_twice_is_refused(tmp_path: Path) -> None:
    sets = _three_sets()
    paths = _write_sets(tmp_path / "x", sets[:1]) + _write_sets(tmp_path / "y", sets[:1])
    with pytest.raises(MergeError) as caught:
        merge_files(paths, MergeOptions())
    assert caught.value.code == "E523" and caught.value.params["annotator"] == "alice"


def test_empty_file_counts_as_an_annotator_who_found_nothing(tmp_path: Path) -> None:
    paths = _write_sets(tmp_path, _three_sets()[:2])
    empty = Document("doc1", TEXT)
    empty.status["dora"] = "done"
    save_tei(empty, tmp_path / "dora.tei.xml")
    result = merge_files([*paths, tmp_path / "dora.tei.xml"], MergeOptions())
    assert result.annotators == ["alice", "bob", "dora"]
    assert all(a.attributes["agreement"] == "2/3" for a in _gold(result.document))


# -- corpora -------------------------------------------------------------------------------

def test_corpus_merge_pairs_by_id_and_reports_missing(tmp_path: Path) -> None:
    sets = _three_sets()
    for found in sets:
        for doc_id in ("d1", "d2", "d3"):
            if found.annotator == "carol" and doc_id == "d3":
                continue
            _write_sets(tmp_path / found.annotator, [found], doc_id=doc_id)
    seen: list[tuple[str, int, int]] = []
    merged = merge_corpus([tmp_path / n for n in ("alice", "bob", "carol")], tmp_path / "out",
                          MergeOptions(), lambda *a: seen.append(a))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "d1.tei.xml", "d2.tei.xml", "d3.tei.xml"]
    assert merged.missing == {"d3": [str(tmp_path / "carol")]}
    d3 = load_tei(tmp_path / "out" / "d3.tei.xml")
    assert layer_names(d3) == ["gold", "alice", "bob"]
    assert ("write", 3, 3) in seen


def test_corpus_merge_with_a_damaged_file_writes_nothing(tmp_path: Path) -> None:
    sets = _three_sets()
    for found in sets:
        for doc_id in ("d1", "d2"):
            _write_sets(tmp_path / found.annotator, [found], doc_id=doc_id)
    bad = tmp_path / "bob" / "d2.bob.tei.xml"
    bad.write_text("<TEI", encoding="utf-8")
    with pytest.raises(MergeError) as caught:
        merge_corpus([tmp_path / n for n in ("alice", "bob", "carol")], tmp_path / "out",
                     MergeOptions())
    assert caught.value.code == "E510" and str(bad) in str(caught.value.params["shown"])
    assert not (tmp_path / "out").exists()


def test_corpus_merge_refuses_an_input_folder_as_output(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(MergeError) as caught:
        merge_corpus([tmp_path / "a", tmp_path / "b"], tmp_path / "a", MergeOptions())
    assert caught.value.code == "E506"


# -- properties ----------------------------------------------------------------------------

LABELS = ["PER", "ORG", "QUOTE"]


@st.composite
def annotator_sets(draw: st.DrawFn) -> list[AnnotatorSet]:
    count = draw(st.integers(2, 4))
    sets = []
    for number in range(count):
        name = f"ann{number}"
        spans = draw(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8),
                                        st.sampled_from(LABELS)), max_size=8))
        annotations = []
        for index, (start, length, label) in enumerate(spans, 1):
            links: tuple[Link, ...] = ()
            if label == "QUOTE" and annotations and draw(st.booleans()):
                links = (Link("speaker", annotations[0].id),)
            annotations.append(_ann(f"a{index}", start, start + length, label, name, links))
        sets.append(AnnotatorSet(name, tuple(annotations), name))
    return sets


@settings(max_examples=60, deadline=None)
@given(annotator_sets(), st.booleans())
def test_merge_properties(sets: list[AnnotatorSet], overlap: bool) -> None:
    base = Document("d", "x" * 40)
    gold_ids = {}
    for strategy in ("unanimity", "majority", "union"):
        result = merge_sets(base, sets, MergeOptions(strategy, overlap=overlap))
        doc = result.document
        assert doc.annotations.dangling_links() == []
        assert all(is_valid_id(a.id) for a in doc.annotations)
        own = [a for a in doc.annotations if a.layer != "gold"]
        assert len(own) == sum(len(s.annotations) for s in sets)
        gold = _gold(doc)
        sources = [t for a in gold for t in a.link_targets("source")]
        assert len(sources) == len(set(sources))  # no annotation feeds two gold ones
        for a in gold:
            members = [doc.annotations[t] for t in a.link_targets("source")]
            assert len({m.annotator for m in members}) == len(members) >= result.threshold
            assert all(m.label == a.label for m in members)
            assert a.attributes["agreement"] == f"{len(members)}/{len(sets)}"
        gold_ids[strategy] = {frozenset(a.link_targets("source")) for a in gold}
    # What all agree on is in the majority gold, and the majority's is in the union's.
    assert gold_ids["unanimity"] <= gold_ids["majority"] <= gold_ids["union"]
    if not overlap:
        distinct = set()
        for s in sets:
            seen: dict[tuple[int, int, str], int] = {}
            for a in s.annotations:
                key = (a.start, a.end, a.label)
                seen[key] = seen.get(key, 0) + 1
                distinct.add((*key, seen[key]))
        assert len(gold_ids["union"]) == len(distinct)


def _corpus(folder: Path, count: int) -> list[Path]:
    sets = _three_sets()
    for found in sets:
        for number in range(count):
            _write_sets(folder / found.annotator, [found], doc_id=f"d{number:02d}")
    return [folder / s.annotator for s in sets]


def test_corpus_merge_in_two_processes_matches_one(tmp_path: Path) -> None:
    folders = _corpus(tmp_path, 10)
    one = merge_corpus(folders, tmp_path / "one", MergeOptions(), workers=1)
    two = merge_corpus(folders, tmp_path / "two", MergeOptions(), workers=2)
    assert [r.doc_id for r in one.results] == [r.doc_id for r in two.results]
    assert [c.to_json() for c in one.conflicts] == [c.to_json() for c in two.conflicts]
    for path in one.written:
        assert load_tei(path).annotations.ids() == load_tei(tmp_path / "two" / path.name) \
            .annotations.ids()
    assert not [p for p in (tmp_path / "two").iterdir() if p.name.startswith(".")]


def test_corpus_merge_failure_in_workers_leaves_output_folder_as_it_was(tmp_path: Path) -> None:
    folders = _corpus(tmp_path, 10)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    bad = folders[2] / "d07.carol.tei.xml"
    bad.write_bytes(bad.read_bytes().replace("الرياض".encode(), "الدمام".encode(), 1))
    with pytest.raises(MergeError) as caught:
        merge_corpus(folders, out, MergeOptions(), workers=2)
    assert caught.value.code == "E510" and f"{bad}: the text does not match its checksum" \
        in caught.value.params["shown"]
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_corpus_merge_refuses_one_document_twice_in_a_folder(tmp_path: Path) -> None:
    folders = _corpus(tmp_path, 2)
    _write_sets(folders[0] / "copy", [_three_sets()[0]], doc_id="d01")
    (folders[0] / "copy" / "d01.alice.tei.xml").rename(folders[0] / "again.tei.xml")
    with pytest.raises(MergeError) as caught:
        merge_corpus(folders, tmp_path / "out", MergeOptions())
    assert caught.value.code == "E510" and "d01 is also in" in caught.value.params["shown"]
    assert not (tmp_path / "out").exists()


def test_corpus_merge_from_a_threaded_process_uses_spawned_workers(tmp_path: Path) -> None:
    import threading

    folders = _corpus(tmp_path, 9)
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        merged = merge_corpus(folders, tmp_path / "out", MergeOptions(), workers=2)
    finally:
        stop.set()
        helper.join()
    assert len(merged.written) == 9
