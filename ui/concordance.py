"""The corpus dock: a concordance (key word in context) and, for leads, the inconsistencies.

Searching, listing, sorting and the inconsistency check are the core's
(:mod:`annotator.concordance`, :mod:`annotator.inconsistency`); this module shows them.  The
corpus is the open team project, else the open project folder, else the folder of the open
document (Choose Folder… picks another); the open document counts as it is in the window,
unsaved edits included.

The KWIC table is right to left whatever the interface language, since the text is: the
words before the match sit on its right, hugging it, the match in the middle, the words after
it on its left.  Double-click opens the hit's document (asking to save the current one) and
selects the span.  A finding's Fix button makes the name consistent: in the open document
through its session (one undo step, nothing written), in every other file by an atomic save
(a file that cannot be read is named and left as it was).

Reading the corpus, searching it and checking it run in a child process
(:mod:`annotator_ui.corpus_runner`): the window goes on while a progress bar under the tabs
counts the files, Cancel stops the run, and a new search replaces the one under way.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from annotator_ui.corpus_runner import (
    ANNOTATIONS,
    CHECK,
    TEXT,
    CorpusQuery,
    CorpusResult,
    CorpusRunner,
    OpenDocument,
)
from annotator_ui.i18n import error_message, isolated, joined
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.concordance import Hit, filter_hits, label_counts, sort_hits
from annotator.errors import AnnotatorError
from annotator.inconsistency import Finding, fix_changes, fix_file

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
_ROOT = QModelIndex()
ANY = ""
PROGRESS_STEPS = 1000


def counts_text(counts: dict[str, int]) -> str:
    """``LABEL N, LABEL N`` with each pair isolated, so that it reads right in either
    interface direction."""
    return joined(isolated(f"{label} {count}") for label, count in counts.items())


class HitModel(QAbstractTableModel):
    """The hits as rows: document, words before, match, words after, label."""

    DOCUMENT, BEFORE, MATCH, AFTER, LABEL = range(5)
    SORT_BY: ClassVar[dict[int, str]] = {DOCUMENT: "document", BEFORE: "left", MATCH: "match",
                                         AFTER: "right", LABEL: "label"}
    HitRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (translate("Concordance", "Document"), translate("Concordance", "Before"),
                translate("Concordance", "Match"), translate("Concordance", "After"),
                translate("Concordance", "Label"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.document_id, hit.before.strip(), hit.match, hit.after.strip(),
                    hit.label)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Right-to-left rows: the words before hug the match from the right, those after
            # from the left (absolute sides, whatever the layout).
            side = {self.BEFORE: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
                    self.MATCH: Qt.AlignmentFlag.AlignHCenter,
                    self.AFTER: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute}
            return side.get(column, Qt.AlignmentFlag.AlignLeading) | \
                Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            who = f" — {hit.annotator}" if hit.annotator else ""
            return f"{hit.path}\n[{hit.start}, {hit.end}){who}"
        if role == self.HitRole:
            return hit
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        by = self.SORT_BY.get(column)
        if by is None:
            return
        self.layoutAboutToBeChanged.emit()
        self.hits = sort_hits(self.hits, by,
                              descending=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class _ContextDelegate(QStyledItemDelegate):
    """Cuts long contexts where they are far from the match (the words before lose their
    start, the words after their end)."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == HitModel.BEFORE:
            option.textElideMode = Qt.TextElideMode.ElideLeft
        elif index.column() == HitModel.AFTER:
            option.textElideMode = Qt.TextElideMode.ElideRight
        if index.column() == HitModel.MATCH:
            option.font.setBold(True)


class ConcordanceDock(QDockWidget):
    """Two tabs: the concordance, and the inconsistencies (see the module docstring).

    ``search_requested`` / ``check_requested`` ask the owner to read the corpus, and
    ``cancel_requested`` to stop reading it; ``open_requested(hit)`` on double-click or
    Enter; ``fix_requested(finding)`` from a finding's Fix button; ``folder_requested`` from
    Choose Folder….
    """

    search_requested = Signal()
    check_requested = Signal()
    cancel_requested = Signal()
    open_requested = Signal(object)  # Hit
    fix_requested = Signal(object)  # Finding
    folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concordance-dock")
        self.all_hits: list[Hit] = []
        self.findings: list[Finding] = []
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("concordance-tabs")

        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.query_edit = QLineEdit(page)
        self.query_edit.setObjectName("concordance-query")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.returnPressed.connect(self.search_requested)
        self.mode_combo = QComboBox(page)
        self.mode_combo.setObjectName("concordance-mode")
        self.label_combo = QComboBox(page)
        self.label_combo.setObjectName("concordance-label")
        self.label_combo.currentIndexChanged.connect(self._apply_filter)
        self.search_button = QPushButton(page)
        self.search_button.setObjectName("concordance-search")
        self.search_button.clicked.connect(self.search_requested)
        row.addWidget(self.query_edit, 1)
        row.addWidget(self.mode_combo)
        row.addWidget(self.label_combo)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        place = QHBoxLayout()
        self.corpus_label = QLabel(page)
        self.corpus_label.setObjectName("concordance-corpus")
        self.folder_button = QPushButton(page)
        self.folder_button.clicked.connect(self.folder_requested)
        self.summary_label = QLabel(page)
        place.addWidget(self.corpus_label, 1)
        place.addWidget(self.summary_label)
        place.addWidget(self.folder_button)
        layout.addLayout(place)

        self.model = HitModel(self)
        table = self.table = QTableView(page)
        table.setObjectName("concordance-table")
        table.setModel(self.model)
        table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the text's direction
        table.setItemDelegate(_ContextDelegate(table))
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HitModel.BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HitModel.AFTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HitModel.MATCH, QHeaderView.ResizeMode.ResizeToContents)
        # ... measured on the rows in view: Qt measures up to 1,000 rows at each layout of
        # the dock (a progress bar shown, a resize), 100 ms with a thousand hits.
        header.setResizeContentsPrecision(0)
        header.resizeSection(HitModel.DOCUMENT, 110)
        header.resizeSection(HitModel.LABEL, 70)
        header.setSortIndicator(HitModel.DOCUMENT, Qt.SortOrder.AscendingOrder)
        table.doubleClicked.connect(self._activated)
        table.activated.connect(self._activated)
        layout.addWidget(table, 1)
        self.tabs.addTab(page, "")

        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.check_label = QLabel(page)
        self.check_label.setWordWrap(True)
        self.check_button = QPushButton(page)
        self.check_button.setObjectName("inconsistencies-check")
        self.check_button.clicked.connect(self.check_requested)
        row.addWidget(self.check_label, 1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        tree = self.tree = QTreeWidget(page)
        tree.setObjectName("inconsistencies")
        tree.setColumnCount(5)
        tree.setRootIsDecorated(True)
        tree.itemDoubleClicked.connect(self._place_activated)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(tree, 1)
        self.tabs.addTab(page, "")

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 4)
        self.progress_label = QLabel(body)
        self.progress_bar = QProgressBar(body)
        self.progress_bar.setObjectName("concordance-progress")
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.cancel_button = QPushButton(body)
        self.cancel_button.setObjectName("concordance-cancel")
        self.cancel_button.clicked.connect(self.cancel_requested)
        for widget, stretch in ((self.progress_label, 1), (self.progress_bar, 1),
                                (self.cancel_button, 0)):
            # Hidden, they keep their room: showing them does not resize the table, which
            # would measure every row again (its match column fits its contents).
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            row.addWidget(widget, stretch)
        layout.addLayout(row)
        self.setWidget(body)
        self.show_progress(None)
        self.retranslate()

    # -- words -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(translate("Concordance", "Concordance"))
        self.tabs.setTabText(0, translate("Concordance", "Concordance"))
        self.tabs.setTabText(1, translate("Concordance", "Inconsistencies"))
        self.query_edit.setPlaceholderText(
            translate("Concordance", "Word to look for in every document…"))
        mode = self.mode_combo.currentIndex()
        self.mode_combo.clear()
        self.mode_combo.addItem(translate("Concordance", "In the text"), "text")
        self.mode_combo.addItem(translate("Concordance", "In annotations"), "annotations")
        self.mode_combo.setCurrentIndex(max(0, mode))
        if self.label_combo.count() == 0:
            self.label_combo.addItem(translate("Concordance", "All labels"), ANY)
        else:
            self.label_combo.setItemText(0, translate("Concordance", "All labels"))
        self.search_button.setText(translate("Concordance", "Search"))
        self.folder_button.setText(translate("Concordance", "Choose Folder…"))
        self.check_button.setText(translate("Concordance", "Check"))
        self.cancel_button.setText(translate("Concordance", "Cancel"))
        self.check_label.setText(translate(
            "Concordance", "Names labelled differently in different places, or labelled in "
                           "some places and not in others."))
        self.tree.setHeaderLabels([
            translate("Concordance", "Name"), translate("Concordance", "Problem"),
            translate("Concordance", "Labels"), translate("Concordance", "Unlabelled"),
            translate("Concordance", "Fix")])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self._update_summary()
        self._fill_tree()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_progress(self, step: tuple[int, int, str] | None) -> None:
        """Show a run's progress: ``(done, total, file name)``; None hides it."""
        running = step is not None
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(running)
        if step is None:
            return
        done, total, name = step
        # A fixed range: a new one would lay the dock out again (and measure every row).
        self.progress_bar.setValue(PROGRESS_STEPS * done // max(1, total))
        text = translate("Concordance", "Searching the corpus…")
        self.progress_label.setText(f"{text} {isolated(name)}" if name else text)

    # -- the concordance ---------------------------------------------------------------
    @property
    def query(self) -> str:
        return self.query_edit.text().strip()

    @property
    def annotations_mode(self) -> bool:
        return self.mode_combo.currentData() == "annotations" or bool(self.label())

    def label(self) -> str:
        """The label filter (empty: any)."""
        return str(self.label_combo.currentData() or "")

    def set_corpus_name(self, text: str) -> None:
        self.corpus_label.setText(text)
        self.corpus_label.setToolTip(text)

    def set_labels(self, labels: Sequence[tuple[str, str]]) -> None:
        """The label filter's choices: ``(name, shown)``, after All labels."""
        current = self.label()
        self.label_combo.blockSignals(True)
        while self.label_combo.count() > 1:
            self.label_combo.removeItem(1)
        for name, shown in labels:
            self.label_combo.addItem(shown, name)
        index = self.label_combo.findData(current)
        self.label_combo.setCurrentIndex(max(0, index))
        self.label_combo.blockSignals(False)

    def show_hits(self, hits: Sequence[Hit]) -> None:
        """Show ``hits`` (those of the label filter), in the table's sort order."""
        self.all_hits = list(hits)
        self._apply_filter()

    def _apply_filter(self, *_args: object) -> None:
        label = self.label()
        shown = filter_hits(self.all_hits, labels={label}) if label else self.all_hits
        header = self.table.horizontalHeader()
        by = HitModel.SORT_BY.get(header.sortIndicatorSection(), "document")
        self.model.set_hits(sort_hits(shown, by, descending=header.sortIndicatorOrder()
                                      == Qt.SortOrder.DescendingOrder))
        self._update_summary()

    def _update_summary(self) -> None:
        shown = self.model.rowCount()
        text = translate("Concordance", "%1 hit(s)").replace("%1", str(shown))
        counts = label_counts(self.model.hits)
        if any(counts):
            text += " — " + counts_text({k: v for k, v in counts.items() if k})
        self.summary_label.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.data(index, HitModel.HitRole)
        if isinstance(hit, Hit):
            self.open_requested.emit(hit)

    # -- the inconsistencies -------------------------------------------------------------
    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        self._fill_tree()

    def _fill_tree(self) -> None:
        tree = self.tree
        tree.clear()
        problems = {"mixed": translate("Concordance", "labelled differently"),
                    "missing": translate("Concordance", "not labelled everywhere")}
        for finding in self.findings:
            counts = counts_text(finding.labels)
            item = QTreeWidgetItem([finding.name, "; ".join(problems[k] for k in finding.kinds),
                                    counts, str(finding.missing), ""])
            item.setData(0, Qt.ItemDataRole.UserRole, finding.key)
            for place in finding.places:
                labels = counts_text(place.labels)
                child = QTreeWidgetItem([place.document_id, Path(place.path).name, labels,
                                         str(len(place.missing)), ""])
                child.setData(0, Qt.ItemDataRole.UserRole, place.path)
                child.setToolTip(1, place.path)
                item.addChild(child)
            tree.addTopLevelItem(item)
            button = QPushButton(self._fix_text(finding), tree)
            button.setObjectName(f"fix-{finding.key}")
            button.clicked.connect(lambda _=False, f=finding: self.fix_requested.emit(f))
            tree.setItemWidget(item, 4, button)
        if self.findings:
            self.check_label.setText(translate("Concordance", "%1 name(s) to check.").replace(
                "%1", str(len(self.findings))))

    @staticmethod
    def _fix_text(finding: Finding) -> str:
        words = []
        for fix in finding.recommended:
            if fix.action == "relabel":
                words.append(translate("Concordance", "Relabel all as %1")
                             .replace("%1", isolated(fix.label)))
            elif fix.action == "annotate":
                words.append(translate("Concordance", "Label the rest as %1")
                             .replace("%1", isolated(fix.label)))
        return "; ".join(words)

    def _place_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        parent = item.parent()
        if parent is None:
            return
        finding = self.findings[self.tree.indexOfTopLevelItem(parent)]
        place = finding.places[parent.indexOfChild(item)]
        if place.missing:
            start, end = place.missing[0]
            self.open_requested.emit(Hit(place.path, place.document_id, start, end, "", "",
                                         ""))
        else:
            self.open_requested.emit(Hit(place.path, place.document_id, 0, 0, "", "", ""))


class Concordance(QObject):
    """The corpus dock as a part of the main window: its actions, and what it does.

    ``done`` is emitted once the hits or findings of a run are shown (or it failed or was
    cancelled).
    """

    done = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.chosen_folder: Path | None = None
        self.layer: str | None = None
        self.runner = CorpusRunner(self)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        runner = self.runner
        window.destroyed.connect(lambda *_: runner.end())
        # A question, replaceable in tests.
        self.ask_folder = self._ask_folder_dialog
        self.dock = ConcordanceDock(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.search_requested.connect(self.search)
        self.dock.check_requested.connect(self.check)
        self.dock.cancel_requested.connect(self.cancel)
        self.dock.open_requested.connect(self.open_hit)
        self.dock.fix_requested.connect(self.fix)
        self.dock.folder_requested.connect(self.choose_folder)
        window.document_opened.connect(lambda _document: self._update_corpus())
        self._build_actions()
        self._update_corpus()

    def _build_actions(self) -> None:
        window = self.window
        show = self.show_action = QAction(window)
        show.setObjectName("concordance")
        show.setShortcut(QKeySequence("Ctrl+Shift+F"))
        show.triggered.connect(lambda _=False: self.show_concordance())
        check = self.check_action = QAction(window)
        check.setObjectName("inconsistencies")
        check.setShortcut(QKeySequence("Ctrl+Shift+I"))
        check.triggered.connect(lambda _=False: self.show_inconsistencies())
        self.retranslate()
        for action in (show, check):
            window.addAction(action)
            window.action_by_name[action.objectName()] = action
        edit = window.menus.get("edit")
        if edit is not None:
            edit.addAction(show)
        annotate = window.menus.get("annotate")
        if annotate is not None:
            annotate.addAction(check)

    def retranslate(self) -> None:
        """The actions and the dock's corpus line and labels in the interface language now
        installed (the dock retranslates its own words)."""
        self.show_action.setText(translate("Concordance", "&Concordance…"))
        self.show_action.setStatusTip(translate("Concordance", "Find a word in every document "
                                                               "of the project, with its context"))
        self.check_action.setText(translate("Concordance", "Find &Inconsistencies…"))
        self.check_action.setStatusTip(translate("Concordance", "Names labelled differently "
                                                                "across the project, with a fix "
                                                                "for each"))
        if hasattr(self, "dock") and hasattr(self.window, "tagset"):
            self._update_corpus()

    # -- the corpus ----------------------------------------------------------------------
    def corpus_folder(self) -> Path | None:
        """The open team project, else the open project folder, else the open document's."""
        if self.chosen_folder is not None:
            return self.chosen_folder
        workflow = getattr(self.window, "workflow", None)
        if workflow is not None:
            project = workflow.team_dock.project
            if project is not None:
                return Path(project.root)
            folder = workflow.project_dock.folder
            if folder is not None:
                return Path(folder)
        current = self.window.current_path
        return Path(current).parent if current else None

    def _update_corpus(self) -> None:
        folder = self.corpus_folder()
        self.dock.set_corpus_name(isolated(str(folder)) if folder is not None
                                  else translate("Concordance", "No folder: open a document "
                                                                "or a project first."))
        self.dock.set_labels([(spec.name, f"{spec.display_name(self.window.language)}")
                              for spec in self.window.tagset])

    def _ask_folder_dialog(self) -> str | None:
        start = str(self.corpus_folder() or "")
        folder = QFileDialog.getExistingDirectory(
            self.window, translate("Concordance", "Choose the Folder to Search"), start)
        return folder or None

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.chosen_folder = Path(folder)
            self._update_corpus()

    def start(self, kind: str, query: str = "", labels: frozenset[str] | None = None
              ) -> bool:
        """Read the corpus in the child process and do ``kind`` (see
        :class:`~annotator_ui.corpus_runner.CorpusQuery`), the open document as it is now
        in the window; False when there is no corpus."""
        folder = self.corpus_folder()
        if folder is None:
            return False
        window = self.window
        document = window.document
        self.runner.start(CorpusQuery(
            kind, folder, query, labels, self.layer, window.current_path or None,
            OpenDocument.of(document) if document is not None and window.current_path
            else None))
        self.dock.show_progress((0, 1, ""))
        return True

    def cancel(self) -> None:
        """Stop the run under way (what it found so far is not shown)."""
        self.runner.cancel()
        self.dock.show_progress(None)

    def _progress(self, run: int, done: int, total: int, name: str) -> None:
        if run == self.runner.run and self.runner.running:
            self.dock.show_progress((done, total, name))

    def _finished(self, run: int, result: CorpusResult) -> None:
        if run != self.runner.run:
            return  # a run replaced by a newer one
        self.dock.show_progress(None)
        if result.errors:
            first = error_message(result.errors[0])
            self.window.statusBar().showMessage(
                translate("Concordance", "%1 file(s) could not be read, for example: %2")
                .replace("%1", str(len(result.errors))).replace("%2", first), 10000)
        if result.query.kind == CHECK:
            self.dock.show_findings(result.findings)
            if not result.findings:
                self.dock.check_label.setText(translate(
                    "Concordance", "Every name is labelled consistently."))
        else:
            self.dock.show_hits(result.hits)
        self.done.emit()

    def _failed(self, run: int, error: AnnotatorError | str) -> None:
        if run != self.runner.run:
            return
        self.dock.show_progress(None)
        message = error_message(error) if isinstance(error, AnnotatorError) else error
        self.window.statusBar().showMessage(message, 10000)
        self.done.emit()

    def _cancelled(self, run: int) -> None:
        if run == self.runner.run:
            self.dock.show_progress(None)
            self.window.statusBar().showMessage(translate(
                "Concordance", "Reading the corpus was cancelled."), 5000)
            self.done.emit()

    # -- actions -------------------------------------------------------------------------
    def show_concordance(self) -> None:
        """Show the concordance tab, with the selected text as the query."""
        self._update_corpus()
        self.dock.show()
        self.dock.raise_()
        self.dock.tabs.setCurrentIndex(0)
        span = self.window.view.selected_span()
        document = self.window.document
        if span is not None and document is not None:
            self.dock.query_edit.setText(document.text[span[0]:span[1]].strip())
        self.dock.query_edit.setFocus()
        self.dock.query_edit.selectAll()

    def show_inconsistencies(self) -> None:
        self._update_corpus()
        self.dock.show()
        self.dock.raise_()
        self.dock.tabs.setCurrentIndex(1)

    def search(self) -> bool:
        """Start the dock's query over the corpus; the hits are shown when it ends
        (``done``).  False when nothing was started."""
        dock = self.dock
        if not dock.query and not dock.annotations_mode:
            self.cancel()
            dock.show_hits([])
            return False
        if dock.annotations_mode:
            label = dock.label()
            return self.start(ANNOTATIONS, dock.query, frozenset({label}) if label else None)
        return self.start(TEXT, dock.query)

    def check(self) -> bool:
        """Start looking for inconsistencies in the corpus; they are listed when it ends
        (``done``).  False when there is no corpus."""
        return self.start(CHECK)

    def _is_open(self, path: str | Path) -> bool:
        current = self.window.current_path
        if not current:
            return False
        return Path(current).resolve() == Path(path).resolve()

    def open_hit(self, hit: Hit) -> bool:
        """Open the hit's document (unless it is the open one) and select its span."""
        window = self.window
        if not self._is_open(hit.path):
            workflow = window.workflow
            project = workflow.team_dock.project
            if project is not None and Path(hit.path).parent.resolve() == \
                    project.texts_dir.resolve():
                if not workflow.open_team_document(hit.document_id):
                    return False
            elif not window.maybe_save() or not window.open_or_report(hit.path):
                return False
        document = window.document
        if document is None:
            return False
        if hit.annotation_id and hit.annotation_id in document.annotations:
            window.set_current(hit.annotation_id, jump=True)
        if hit.end > hit.start:
            window.view.select_span(hit.start, hit.end)
        window.view.setFocus()
        return True

    def fix(self, finding: Finding) -> tuple[int, list[AnnotatorError]]:
        """Apply the finding's fixes: the open document through its session (one undo
        step), every other file saved atomically.  Returns the changes made and the files
        that failed (shown to the user)."""
        window = self.window
        changes = 0
        errors: list[AnnotatorError] = []
        written: list[str] = []
        for place in finding.places:
            if self._is_open(place.path) and window.session is not None:
                session = window.session
                with session.group(translate("Concordance", "Fix %1").replace("%1",
                                                                            finding.name)):
                    for fix in finding.recommended:
                        changes += len(fix_changes(session.document, finding, fix,
                                                   tagset=session.tagset, layer=self.layer,
                                                   apply=session.apply))
                continue
            for fix in finding.recommended:
                try:
                    done = fix_file(place.path, finding, fix, layer=self.layer)
                except AnnotatorError as error:
                    errors.append(error if error.path else error.at(place.path))
                    break
                changes += done
                if done:
                    written.append(place.path)
        self._refresh_lists(written)
        window.statusBar().showMessage(
            translate("Concordance", "%1 change(s) made.").replace("%1", str(changes)), 8000)
        if errors:
            window.show_error(translate("Concordance", "Some files were not changed"),
                              "\n".join(error_message(e) for e in errors))
        self.check()
        return changes, errors

    def _refresh_lists(self, paths: list[str]) -> None:
        workflow = getattr(self.window, "workflow", None)
        if workflow is None or not paths:
            return
        for path in paths:
            workflow.project_dock.model.refresh_file(path)
        if workflow.team_dock.project is not None:
            workflow.team_dock.refresh()
