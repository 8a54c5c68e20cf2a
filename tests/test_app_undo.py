"""Random sessions in the real window: undoing everything gives back the opened document,
redoing everything the edited one, and the list always shows exactly the annotations."""

from __future__ import annotations

from annotator_ui.annotation_model import ID_ROLE
from annotator_ui.mainwindow import MainWindow
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.model import Document, Link

TEXT = ("😀 قال وزير الخارجية لـ«البيان» إن «الاتفاق قريب».\n"
        "وأكد مصطفى بالي أن المعركة بدأت في دير الزور.")


def opened() -> Document:
    doc = Document("u1", TEXT)
    per = doc.annotate(TEXT.index("مصطفى"), TEXT.index("مصطفى") + 10, "PER", annotator="x")
    quote = doc.annotate(TEXT.index("المعركة"), TEXT.index("المعركة") + 12, "QUOTE",
                         annotator="x", attributes={"type": "direct"})
    doc.annotations.replace(quote.with_changes(links=(Link("speaker", per.id),)))
    return doc


def snapshot(doc: Document) -> Document:
    copy = Document(doc.id, doc.text)
    copy.annotations.extend(list(doc.annotations))
    return copy


positions = st.integers(0, len(TEXT))
actions = st.one_of(
    st.tuples(st.just("label"), positions, positions, st.sampled_from("POLGMQC"),
              st.booleans()),
    st.tuples(st.just("pick"), st.integers(0, 8)),
    st.tuples(st.just("delete")),
    st.tuples(st.just("relabel"), st.sampled_from(["PER", "ORG", "QUOTE", "CLAIM"])),
    st.tuples(st.just("nudge"), st.sampled_from(["start", "end"]), st.sampled_from([-1, 1]),
              st.sampled_from(["char", "word"])),
    st.tuples(st.just("note"), st.text(max_size=4)),
    st.tuples(st.just("link"), st.integers(0, 8)),
    st.tuples(st.just("undo")),
)


def list_ids(window: MainWindow) -> list[str]:
    model = window.list_model
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(actions, max_size=15))
def test_random_session_undoes_and_redoes_exactly(qapp, actions) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    window.annotator_name = lambda: "tester"
    window.ask_layer_choice = lambda owner: "correct"  # x's layer: edits land on copies
    window.ask_unsaved = lambda: "discard"
    try:
        document = opened()
        window.set_document(document, None)
        original = snapshot(document)
        labels = {spec.shortcut: spec.name for spec in window.tagset}
        for action in actions:
            kind = action[0]
            ids = [a.id for a in document.annotations.sorted()]
            if kind == "label":
                start, end = sorted(action[1:3])
                if start < end:
                    window.view.select_span(start, end)
                    window.annotate_selection(labels[action[3]], exact=action[4])
            elif kind == "pick" and ids:
                window.set_current(ids[action[1] % len(ids)], jump=True)
            elif kind == "delete":
                window.delete_current()
            elif kind == "relabel":
                window.relabel_current(action[1])
            elif kind == "nudge":
                window.nudge(*action[1:])
            elif kind == "note":
                window.set_current_note(action[1])
            elif kind == "link" and ids and window.current_annotation() is not None:
                spec = window.tagset.get(window.current_annotation().label)
                if spec.links:
                    window.start_link_pick(spec.links[0].role)
                    window.view.annotation_clicked.emit(ids[action[1] % len(ids)])
                    window.cancel_link_pick()
            elif kind == "undo":
                window.undo()
            assert list_ids(window) == [a.id for a in document.annotations.sorted()]
            assert not document.annotations.dangling_links()
        edited = snapshot(document)
        steps = window.session.history.steps
        while window.session.history.can_undo:
            window.undo()
        assert document == original
        assert not window.is_modified()
        assert list_ids(window) == [a.id for a in original.annotations.sorted()]
        for _ in range(steps):
            window.redo()
        assert document == edited
        assert list_ids(window) == [a.id for a in edited.annotations.sorted()]
    finally:
        window.close()
        window.deleteLater()
