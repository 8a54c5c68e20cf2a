"""The inspector: everything about the current annotation, editable.

The inspector never edits the document itself: it emits a request signal and the main
window turns it into an undoable edit, then calls :meth:`Inspector.show_annotation` again.
"""

from __future__ import annotations

from annotator_ui.annotation_model import one_line
from annotator_ui.i18n import isolated, left_to_right
from annotator_ui.palette import swatch_icon
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Annotation, Document
from annotator.tagset import LabelSpec, TagSet

UNSET = "—"  # the combo entry for an attribute without a value


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:  # deleted later: it may be the button being clicked
            widget.hide()
            widget.setObjectName("")
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            _clear(inner)


class Inspector(QWidget):
    """Label, attributes, note, boundaries and links of one annotation."""

    relabel_requested = Signal(str)
    attribute_requested = Signal(str, object)  # name, value (None: remove)
    note_requested = Signal(str)
    resize_requested = Signal(int, int)
    pick_link_requested = Signal(str)  # role
    unlink_requested = Signal(str, str)  # role, target id
    jump_requested = Signal(str)  # annotation id
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self._document: Document | None = None
        self._tagset: TagSet | None = None
        self._annotation: Annotation | None = None
        self._filling = False
        self.link_captions: list[str] = []  # the link rows shown, for tests and screen readers

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.empty_label = QLabel(self.tr("Select a highlight or a row of the list."))
        self.empty_label.setWordWrap(True)
        outer.addWidget(self.empty_label)

        self.body = QWidget(self)
        outer.addWidget(self.body)
        outer.addStretch(1)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)

        self.title = QLabel(self.body)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.title)

        form = QFormLayout()
        body.addLayout(form)
        self.label_combo = QComboBox(self.body)
        self.label_combo.setObjectName("inspector-label")
        self.label_combo.activated.connect(self._label_activated)
        self._label_caption = QLabel(self.body)
        self._label_caption.setBuddy(self.label_combo)
        form.addRow(self._label_caption, self.label_combo)

        self.start_spin = QSpinBox(self.body)
        self.end_spin = QSpinBox(self.body)
        for spin in (self.start_spin, self.end_spin):
            spin.setKeyboardTracking(False)  # act on Enter, arrows and focus loss only
            spin.valueChanged.connect(self._span_edited)
        span_row = QHBoxLayout()
        span_row.addWidget(self.start_spin)
        span_row.addWidget(QLabel("–"))
        span_row.addWidget(self.end_spin)
        span_label = self._span_label = QLabel(self.body)
        span_label.setBuddy(self.start_spin)
        form.addRow(span_label, span_row)
        self.span_help = QLabel(self)
        self.span_help.setWordWrap(True)
        self.span_help.setStyleSheet("color: palette(mid);")
        form.addRow("", self.span_help)

        self.attributes_form = QFormLayout()
        body.addLayout(self.attributes_form)

        self.note_edit = QLineEdit(self.body)
        self.note_edit.setObjectName("inspector-note")
        self.note_edit.editingFinished.connect(self._note_edited)
        note_form = QFormLayout()
        self._note_caption = QLabel(self.body)
        self._note_caption.setBuddy(self.note_edit)
        note_form.addRow(self._note_caption, self.note_edit)
        body.addLayout(note_form)

        self.meta = QLabel(self.body)
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: palette(mid);")
        body.addWidget(self.meta)

        self.links_box = QGroupBox(self.body)
        self.links_layout = QVBoxLayout(self.links_box)
        body.addWidget(self.links_box)

        self.delete_button = QPushButton(self.body)
        self.delete_button.setObjectName("inspector-delete")
        self.delete_button.clicked.connect(self.delete_requested)
        body.addWidget(self.delete_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible string in the current interface language (and show the
        current annotation again: label, attribute and link names are in it too)."""
        self.empty_label.setText(self.tr("Select a highlight or a row of the list."))
        self._label_caption.setText(self.tr("&Label"))
        self._span_label.setText(self.tr("&Span"))
        self.span_help.setText(
            self.tr("%1 move the start, %2 the end by a character; with %3 by a word")
            .replace("%1", left_to_right("[ ]")).replace("%2", left_to_right("Alt+[ Alt+]"))
            .replace("%3", left_to_right("Ctrl")))
        self.note_edit.setPlaceholderText(self.tr("free note"))
        self._note_caption.setText(self.tr("&Note"))
        self.links_box.setTitle(self.tr("Links"))
        self.delete_button.setText(self.tr("Delete annotation"))
        self.show_annotation(self._document, self._tagset, self._annotation)

    # -- showing --------------------------------------------------------------------
    def annotation_id(self) -> str | None:
        return self._annotation.id if self._annotation else None

    def show_annotation(self, document: Document | None, tagset: TagSet | None,
                        annotation: Annotation | None) -> None:
        """Show ``annotation`` (None: an empty inspector)."""
        self._document, self._tagset, self._annotation = document, tagset, annotation
        has = annotation is not None and document is not None and tagset is not None
        self.body.setVisible(has)
        self.empty_label.setVisible(not has)
        if not has:
            return
        assert annotation is not None and document is not None and tagset is not None
        self._filling = True
        try:
            spec = tagset.get(annotation.label)
            self.title.setText(
                f"{isolated(annotation.id)} · {isolated(spec.display_name(self.language))}\n"
                + isolated(f"«{one_line(document.span_text(annotation), 200)}»"))
            self._fill_labels(tagset, annotation.label)
            for spin in (self.start_spin, self.end_spin):
                spin.setRange(0, len(document.text))
            self.start_spin.setValue(annotation.start)
            self.end_spin.setValue(annotation.end)
            self._fill_attributes(spec, annotation)
            if not self.note_edit.hasFocus() or self.note_edit.text() != annotation.note:
                self.note_edit.setText(annotation.note)
            meta = [self.tr("by %s") % isolated(annotation.annotator or "?")]
            if annotation.layer:
                meta.append(self.tr("layer %s") % isolated(annotation.layer))
            if annotation.modified:
                meta.append(left_to_right(annotation.modified))
            self.meta.setText(" · ".join(meta))
            self._fill_links(document, tagset, spec, annotation)
        finally:
            self._filling = False

    def _fill_labels(self, tagset: TagSet, current: str) -> None:
        combo = self.label_combo
        combo.clear()
        for spec in tagset.with_labels([current]):
            combo.addItem(swatch_icon(spec.color), spec.display_name(self.language), spec.name)
        combo.setCurrentIndex(combo.findData(current))

    def _fill_attributes(self, spec: LabelSpec, annotation: Annotation) -> None:
        _clear(self.attributes_form)
        names = [a.name for a in spec.attributes]
        names += [k for k in annotation.attributes if k not in names]
        for name in names:
            attr = spec.attribute(name)
            caption = (attr.ar if self.language == "ar" else attr.en) if attr else ""
            value = annotation.attributes.get(name)
            if attr is not None and attr.values:
                combo = QComboBox(self.body)
                combo.setObjectName(f"attribute-{name}")
                combo.addItem(UNSET, None)
                for allowed in attr.values:
                    combo.addItem(attr.display_value(allowed, self.language), allowed)
                if value is not None and combo.findData(value) < 0:
                    combo.addItem(value, value)  # a value the tag set does not allow: shown
                combo.setCurrentIndex(combo.findData(value) if value is not None else 0)
                combo.activated.connect(
                    lambda _i, n=name, c=combo: self._attribute_edited(n, c.currentData()))
                self.attributes_form.addRow(caption or name, combo)
            else:
                edit = QLineEdit(value or "", self.body)
                edit.setObjectName(f"attribute-{name}")
                edit.editingFinished.connect(
                    lambda n=name, e=edit: self._attribute_edited(n, e.text() or None))
                self.attributes_form.addRow(caption or name, edit)

    def _fill_links(self, document: Document, tagset: TagSet, spec: LabelSpec,
                    annotation: Annotation) -> None:
        _clear(self.links_layout)
        self.link_captions = []
        annotations = document.annotations
        roles = [link.role for link in spec.links]
        roles += list(dict.fromkeys(x.role for x in annotation.links if x.role not in roles))
        shown = False
        for role in roles:
            link_spec = spec.link(role)
            role_name = (link_spec.ar if self.language == "ar" else link_spec.en) \
                if link_spec else ""
            role_name = role_name or role
            for target_id in annotation.link_targets(role):
                target = annotations.get(target_id)
                text = one_line(document.span_text(target), 40) if target else "?"
                self._link_row(f"{role_name}: {isolated(f'«{text}»')} ({isolated(target_id)})",
                               target_id,
                               role=role)
                shown = True
            if link_spec is not None:
                button = QPushButton(self.tr("Set %s…") % role_name.lower(), self.links_box)
                button.setObjectName(f"pick-{role}")
                button.setToolTip(self.tr("Then click the highlight or list row of the %s "
                                          "(Esc cancels)") % role_name.lower())
                button.clicked.connect(lambda _=False, r=role: self.pick_link_requested.emit(r))
                self.links_layout.addWidget(button)
                shown = True
        for source in annotations.pointing_to(annotation.id):
            for link in source.links:
                if link.target != annotation.id:
                    continue
                source_spec = tagset.get(source.label).link(link.role)
                role_name = ((source_spec.ar if self.language == "ar" else source_spec.en)
                             if source_spec else "") or link.role
                text = one_line(document.span_text(source), 40)
                self._link_row(self.tr("%s of: «%s» (%s)") % (role_name.lower(),
                                                             isolated(text),
                                                             isolated(source.id)),
                               source.id)
                shown = True
        self.links_box.setVisible(shown)

    def _link_row(self, caption: str, other_id: str, role: str | None = None) -> None:
        row = QHBoxLayout()
        self.link_captions.append(caption)
        label = QLabel(caption, self.links_box)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(label, 1)
        jump = QPushButton(self.tr("Go"), self.links_box)
        jump.setObjectName(f"jump-{other_id}")
        jump.setToolTip(self.tr("Go to the other end of this link"))
        jump.clicked.connect(lambda _=False, i=other_id: self.jump_requested.emit(i))
        row.addWidget(jump)
        if role is not None:
            remove = QPushButton("✕", self.links_box)
            remove.setObjectName(f"unlink-{role}-{other_id}")
            remove.setToolTip(self.tr("Remove this link"))
            remove.setMaximumWidth(28)
            remove.clicked.connect(
                lambda _=False, r=role, i=other_id: self.unlink_requested.emit(r, i))
            row.addWidget(remove)
        self.links_layout.addLayout(row)

    # -- requests -------------------------------------------------------------------
    def _label_activated(self, index: int) -> None:
        label = self.label_combo.itemData(index)
        if not self._filling and self._annotation and label and label != self._annotation.label:
            self.relabel_requested.emit(label)

    def _attribute_edited(self, name: str, value: str | None) -> None:
        if not self._filling and self._annotation is not None \
                and self._annotation.attributes.get(name) != value:
            self.attribute_requested.emit(name, value)

    def _note_edited(self) -> None:
        if not self._filling and self._annotation is not None \
                and self.note_edit.text() != self._annotation.note:
            self.note_requested.emit(self.note_edit.text())

    def _span_edited(self) -> None:
        if self._filling or self._annotation is None:
            return
        start, end = self.start_spin.value(), self.end_spin.value()
        if (start, end) != (self._annotation.start, self._annotation.end):
            self.resize_requested.emit(start, end)
