"""The main window: the text, the label palette, the annotation list and the inspector.

Built in separate steps (``_build_view``, ``_build_palette``, ``_build_docks``,
``_build_actions``, ``_build_menus``, ``_build_status``) so other parts of the app add to it
without editing this file: menus are in ``self.menus`` (``file``, ``edit``, ``view``,
``annotate``, ``help``), actions in ``self.action_by_name``, and the window emits
``document_opened(Document)``, ``document_saved(str)``, ``document_modified(bool)`` and
``annotations_edited(Change)``.

Every edit of the document goes through the core :class:`~annotator.session.EditSession`
in ``self.session``: its operations change the document, keep the undo history and tell the
window what changed (:meth:`_after_change`), so the view, the list and the inspector follow.
The window composes the workflow parts (:class:`~annotator_ui.workflow.Workflow`) and
adjudication (:class:`~annotator_ui.adjudication.Adjudication`) explicitly.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from annotator_ui.adjudication import Adjudication
from annotator_ui.annotation_model import (
    ID_ROLE,
    AnnotationFilterModel,
    AnnotationTableModel,
)
from annotator_ui.concordance import Concordance
from annotator_ui.i18n import error_message, isolated
from annotator_ui.inspector import Inspector
from annotator_ui.link_banner import LinkBanner, link_instruction
from annotator_ui.palette import LabelPalette, swatch_icon
from annotator_ui.suggestions import Suggestions
from annotator_ui.teamqueue import tagset_folder
from annotator_ui.textview import AnnotatedTextView
from annotator_ui.view_options import ViewOptions
from annotator_ui.workflow import Workflow
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator import word_selection
from annotator.align import ProcliticMode
from annotator.edits import Change
from annotator.errors import AnnotatorError, ForeignLayerError
from annotator.formats import guess_format
from annotator.gcpause import CollectorPaused
from annotator.model import Annotation, Document
from annotator.opening import read_documents_from
from annotator.session import EditSession, Labelled, LayerChoice
from annotator.tagset import TagSet, default_tagset, tagset_for

APP_NAME = "Arabic News Annotator"
DOCK_WIDTHS = {"annotations-dock": 380, "inspector-dock": 300}  # pixels, at the start
TEI_SUFFIXES = (".tei.xml", ".xml")

# Boundary nudging: (edge, direction, unit) -> shortcuts.  "earlier" is towards the start of
# the text (to the right on screen in Arabic), whatever the direction of the script.
NUDGES: dict[tuple[str, int, str], tuple[str, str]] = {
    ("start", -1, "char"): ("[", "Move start one character earlier"),
    ("start", +1, "char"): ("]", "Move start one character later"),
    ("end", -1, "char"): ("Alt+[", "Move end one character earlier"),
    ("end", +1, "char"): ("Alt+]", "Move end one character later"),
    ("start", -1, "word"): ("Ctrl+[", "Move start one word earlier"),
    ("start", +1, "word"): ("Ctrl+]", "Move start one word later"),
    ("end", -1, "word"): ("Ctrl+Alt+[", "Move end one word earlier"),
    ("end", +1, "word"): ("Ctrl+Alt+]", "Move end one word later"),
}


# The packages the app is installed as (their folders may lie apart: see pyproject.toml).
INSTALLED_PACKAGES = ("annotator", "annotator.resources", "annotator.seeds", "annotator_ui")


def documents_folder() -> str:
    """The user's documents folder (their home when the system names none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


def inside_installed_package(path: str | Path) -> bool:
    """True when ``path`` lies inside the installed core or app package (the bundled
    sample's folder among them), where the app never writes."""
    target = Path(path).resolve()
    return any(target.is_relative_to(Path(str(resources.files(package))).resolve())
               for package in INSTALLED_PACKAGES)


class OpenCancelled(AnnotatorError):
    """The user cancelled the choice of a document inside a file."""


def is_tei_path(path: str | Path) -> bool:
    """True when ``path`` names a TEI file (saved in place)."""
    return str(path).lower().endswith(TEI_SUFFIXES) and guess_format(Path(path)) == "tei"


def default_annotator_name(parent: QWidget | None = None) -> str:
    """The annotator's name from the settings (asked once), else the login name."""
    try:
        from annotator_ui.settings import annotator_name
    except ImportError:  # pragma: no cover - settings module absent
        import os
        return os.environ.get("USER", "")
    return annotator_name(parent)


# Annotations above which the list fills after the first paint of the text.
BIG_DOCUMENT = 20_000


class _AfterPaint(QObject):
    """Calls ``callback`` once, just after ``widget``'s next paint (or after half a second,
    if no paint comes: a window hidden under another)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._callback, self._done = widget, callback, False
        widget.installEventFilter(self)
        QTimer.singleShot(500, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self._fire)  # once this paint is on screen
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._callback()
        self.deleteLater()

class MainWindow(QMainWindow):
    """One document at a time, annotated through labels, list and inspector."""

    document_opened = Signal(object)  # Document
    document_saved = Signal(str)  # path
    document_modified = Signal(bool)
    annotations_edited = Signal(object)  # the Change just applied (inverse on undo)

    def __init__(self, tagset: TagSet | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: EditSession | None = None
        self.tagset: TagSet = tagset or default_tagset()
        self._fixed_tagset = tagset is not None
        self.current_path: str | None = None
        self.saves_in_place = False  # False: Save asks where (the file was imported)
        self.save_folder: str | None = None  # where Save As proposes (None: the file's folder)
        self.example = False  # True: the bundled sample, never written where it lies
        self.current_id: str | None = None
        self.language = self._ui_language()
        self.snapping = True
        self.proclitics: ProcliticMode = "particles"
        self.file_queue: list[str] = []  # further files given on the command line
        self.menus: dict[str, QMenu] = {}
        self.action_by_name: dict[str, QAction] = {}
        self.label_actions: dict[str, QAction] = {}
        self._picking: tuple[str, str] | None = None  # (source id, role) while linking
        self._syncing_list = False
        # Replaceable for tests and by the settings/preferences code:
        self.annotator_name: Callable[[], str] = lambda: default_annotator_name(self)
        self.ask_save_path: Callable[[str], str | None] = self._ask_save_path_dialog
        self.ask_unsaved: Callable[[], str] = self._ask_unsaved_dialog
        self.ask_layer_choice: Callable[[str], LayerChoice | None] = self._ask_layer_dialog
        self.show_error: Callable[[str, str], object] = (
            lambda title, message: QMessageBox.warning(self, title, message))

        self._build_view()
        self._build_palette()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_status()
        self.resize(1280, 800)
        self._update_title()
        self._update_actions()
        self.workflow = Workflow(self)
        self.adjudication = Adjudication(self)
        self.view_options = ViewOptions(self, self.workflow.settings)
        self.concordance = Concordance(self)
        self.suggestions = Suggestions(self)
        self.suggestions.running_changed.connect(self.workflow.autosaver.set_held)
        self._exact_label_shortcuts()
        self._docks_right_to_left = False  # True once the docks sit mirrored
        if self.isRightToLeft():
            self.mirror_docks()
            self._docks_right_to_left = True

    # -- the interface language ---------------------------------------------------------
    def apply_language(self, setting: str | None) -> str:
        """Switch the interface to ``setting``'s language (""/None: the system's) while the
        window runs, as Preferences does; returns the language now in effect.  Nothing of
        the session changes: see :meth:`retranslate`."""
        from annotator_ui.i18n import install_translator

        language = install_translator(QApplication.instance(), setting)
        self.retranslate()
        return language

    def retranslate(self) -> None:
        """Name everything in the interface language now installed: menus, actions, docks,
        the palette, the list's and the inspector's label names, the title and status bar,
        and each part of the window (every child with a ``retranslate`` method); the docks
        move to the sides of the new direction.  The document, its undo history, the
        selection and the current annotation stay as they are."""
        from annotator_ui.i18n import current_language, is_right_to_left

        language = self.language = current_language()
        self.view.set_display_language(language)
        self.list_model.language = self.inspector.language = language
        self.list_model.retranslate()
        self._build_actions()  # the same actions, named anew
        self._update_undo_actions()
        for key, title in self._menu_titles().items():
            self.menus[key].setTitle(title)
        self.exact_menu.setTitle(self.tr("Label &Exact Selection"))
        self.nudge_menu.setTitle(self.tr("&Boundaries"))
        self._exact_label_shortcuts()  # the mnemonics are the new language's
        self.palette_bar.setWindowTitle(self.tr("Labels"))
        self.label_palette.set_tagset(self.tagset, language)
        self.list_dock.setWindowTitle(self.tr("Annotations"))
        self.inspector_dock.setWindowTitle(self.tr("Inspector"))
        self.text_filter.setPlaceholderText(self.tr("Filter…"))
        self._fill_label_filter()
        self.inspector.retranslate()
        span = self.view.selected_span()
        self._selection_changed(*(span or (-1, -1)))
        self._update_title()
        self.statusBar().clearMessage()  # said in the old language
        if self._picking is not None:
            source = self.current_annotation()
            if source is not None:
                self.link_banner.show_message(link_instruction(
                    self.tagset, source.label, self._picking[1], language))
        for part in self.findChildren(QObject, options=Qt.FindChildOption.FindDirectChildrenOnly):
            retranslate = getattr(part, "retranslate", None)
            if callable(retranslate):
                retranslate()
        if is_right_to_left(language) != self._docks_right_to_left:
            self.mirror_docks()
            self._docks_right_to_left = is_right_to_left(language)

    def changeEvent(self, event: QEvent) -> None:
        """A translator installed elsewhere (another window's Preferences) retranslates."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "workflow"):
            from annotator_ui.i18n import current_language

            if current_language() != self.language:
                self.retranslate()
        super().changeEvent(event)

    def mirror_docks(self) -> None:
        """Move the docks on the left to the right and back (tabbed groups stay together).

        Qt mirrors menus, toolbars and each dock's contents in a right-to-left interface, but
        dock areas are absolute: without this the Arabic window keeps the annotation list on
        the left and the inspector on the right, as in English.
        """
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        other = {left: right, right: left}
        moved: set[int] = set()
        fronts: list[QDockWidget] = []
        for dock in self.findChildren(QDockWidget):
            area = self.dockWidgetArea(dock)
            if id(dock) in moved or area not in other:
                continue
            group = [dock, *self.tabifiedDockWidgets(dock)]
            front = next((d for d in group if not d.isHidden()), None)
            for member in group:
                self.addDockWidget(other[area], member)
            for member in group[1:]:
                self.tabifyDockWidget(group[0], member)
            if front is not None:
                front.raise_()
                fronts.append(front)
            moved.update(id(member) for member in group)
        # each side keeps its width (the list's is set for its columns)
        self.resizeDocks(fronts, [DOCK_WIDTHS.get(d.objectName(), d.width()) for d in fronts],
                         Qt.Orientation.Horizontal)

    @staticmethod
    def _ui_language() -> str:
        try:
            from annotator_ui.i18n import current_language
        except ImportError:  # pragma: no cover
            return "en"
        return current_language()

    # -- building -------------------------------------------------------------------
    def _build_view(self) -> None:
        self.view = AnnotatedTextView(self)
        self.view.setObjectName("text-view")
        self.view.set_display_language(self.language)  # label names in tooltips
        self.view.word_proclitics = lambda: self.proclitics if self.snapping else "none"
        self.setCentralWidget(self.view)
        self.view.annotation_clicked.connect(self._highlight_clicked)
        self.view.span_selection_changed.connect(self._selection_changed)
        self.link_banner = LinkBanner(self.view)  # what link mode waits for, over the text
        self.link_banner.cancel_requested.connect(self.cancel_link_pick)

    def _build_palette(self) -> None:
        self.palette_bar = QToolBar(self.tr("Labels"), self)
        self.palette_bar.setObjectName("label-toolbar")
        self.palette_bar.setMovable(False)
        self.label_palette = LabelPalette(self.palette_bar)
        self.label_palette.set_tagset(self.tagset, self.language)
        self.label_palette.label_chosen.connect(self._palette_clicked)
        self.palette_bar.addWidget(self.label_palette)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.palette_bar)

    def _build_docks(self) -> None:
        # The annotation list, with its label and text filters.
        self.list_model = AnnotationTableModel(self)
        self.list_model.language = self.language
        self.list_proxy = AnnotationFilterModel(self)
        self.list_proxy.setSourceModel(self.list_model)

        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        self.label_filter = QComboBox(panel)
        self.label_filter.setObjectName("label-filter")
        self.label_filter.currentIndexChanged.connect(self._label_filter_changed)
        self.text_filter = QLineEdit(panel)
        self.text_filter.setObjectName("text-filter")
        self.text_filter.setPlaceholderText(self.tr("Filter…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self.list_proxy.set_text)
        filters.addWidget(self.label_filter)
        filters.addWidget(self.text_filter, 1)
        layout.addLayout(filters)

        table = self.list_table = QTableView(panel)
        table.setObjectName("annotation-list")
        table.setModel(self.list_model)  # the filter proxy only while a filter is on
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AnnotationTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(AnnotationTableModel.LABEL, 110)
        header.resizeSection(AnnotationTableModel.ANNOTATOR, 70)
        header.resizeSection(AnnotationTableModel.SPAN, 80)
        table.clicked.connect(self._list_row_clicked)
        table.activated.connect(self._list_row_clicked)
        layout.addWidget(table, 1)
        self._list_through_filter(False)
        self.text_filter.textChanged.connect(lambda *_: self._list_through_filter())
        self._fill_label_filter()

        self.list_dock = QDockWidget(self.tr("Annotations"), self)
        self.list_dock.setObjectName("annotations-dock")
        self.list_dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.list_dock)

        self.inspector = Inspector(self)
        self.inspector.language = self.language
        self.inspector.relabel_requested.connect(self.relabel_current)
        self.inspector.attribute_requested.connect(self.set_current_attribute)
        self.inspector.note_requested.connect(self.set_current_note)
        self.inspector.resize_requested.connect(self.resize_current)
        self.inspector.pick_link_requested.connect(self.start_link_pick)
        self.inspector.unlink_requested.connect(self.unlink_current)
        self.inspector.jump_requested.connect(lambda i: self.set_current(i, jump=True))
        self.inspector.delete_requested.connect(self.delete_current)
        self.inspector_dock = QDockWidget(self.tr("Inspector"), self)
        self.inspector_dock.setObjectName("inspector-dock")
        self.inspector_dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.resizeDocks([self.list_dock, self.inspector_dock],
                         [DOCK_WIDTHS["annotations-dock"], DOCK_WIDTHS["inspector-dock"]],
                         Qt.Orientation.Horizontal)

    def _action(self, name: str, text: str, slot: Callable[..., object],
                shortcuts: Sequence[str | QKeySequence.StandardKey] = (), *,
                checkable: bool = False,
                tip: str = "") -> QAction:
        action = self.action_by_name.get(name)
        if action is not None:  # retranslating: the same action, named anew
            action.setText(text)
            action.setStatusTip(tip)
            action.setToolTip(tip)  # none: the text, as Qt shows by default
            return action
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setCheckable(checkable)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.action_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        a = self._action
        a("open", tr("&Open…"), self.open_dialog, [QKeySequence.StandardKey.Open])
        a("save", tr("&Save"), self.save, [QKeySequence.StandardKey.Save])
        a("save_as", tr("Save &As…"), self.save_as, ["Ctrl+Shift+S"])
        a("next_file", tr("&Next File"), lambda: self.switch_file(+1), ["Ctrl+PgDown"])
        a("previous_file", tr("&Previous File"), lambda: self.switch_file(-1), ["Ctrl+PgUp"])
        a("quit", tr("&Quit"), self.close, ["Ctrl+Q"])

        a("undo", tr("&Undo"), self.undo, ["Ctrl+Z"])
        a("redo", tr("&Redo"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        a("delete", tr("&Delete Annotation"), self.delete_current, ["Delete"])
        a("next_annotation", tr("Ne&xt Annotation"), lambda: self.step_annotation(+1),
          ["Alt+Down"])
        a("previous_annotation", tr("Pre&vious Annotation"), lambda: self.step_annotation(-1),
          ["Alt+Up"])

        a("focus_text", tr("Go to &Text"), lambda: self.view.setFocus(), ["Ctrl+1"])
        a("focus_list", tr("Go to Annotation &List"), self._focus_list, ["Ctrl+2"])
        a("focus_inspector", tr("Go to &Inspector"), self._focus_inspector, ["Ctrl+3"])
        a("filter_list", tr("&Filter the List"), self._focus_filter, ["Ctrl+Shift+L"])
        a("zoom_in", tr("Zoom &In"), lambda: self.view.zoom_in(), ["Ctrl++", "Ctrl+="])
        a("zoom_out", tr("Zoom &Out"), lambda: self.view.zoom_out(), ["Ctrl+-"])
        a("colour_by_annotator", tr("Colour by &Annotator"), self._colour_mode_toggled,
          ["Ctrl+Shift+A"], checkable=True)

        for spec in self.tagset:
            self._add_label_actions(spec.name)
        a("snapping", tr("&Snap to Words"), self._snapping_toggled, ["Ctrl+Shift+W"],
          checkable=True, tip=tr("Widen or trim a selection to whole words before labelling"))
        self.action_by_name["snapping"].setChecked(self.snapping)
        a("link", tr("&Link Current Annotation…"), self._link_shortcut, ["Ctrl+K"],
          tip=tr("Pick the speaker or claimant of the current annotation"))
        a("cancel_link", tr("Cancel &Linking"), self.cancel_link_pick, ["Esc"])
        a("toggle_proclitics", tr("Leave Out or Put Back &Proclitics"), self.toggle_proclitics,
          ["Ctrl+Shift+P"],
          tip=tr("Leave out or put back the attached %1 at the start of the selection or of "
                 "the current annotation").replace("%1", isolated("و ف ب ل ك (ال)")))
        for (edge, direction, unit), (keys, text) in NUDGES.items():
            a(f"nudge_{edge}_{'earlier' if direction < 0 else 'later'}_{unit}", tr(text),
              lambda _=False, e=edge, d=direction, u=unit: self.nudge(e, d, u), [keys])

        a("shortcuts", tr("&Keyboard Shortcuts"), self.show_help, ["F1"])
        a("about", tr("&About"), self.show_about)

    def _add_label_actions(self, label: str) -> None:
        spec = self.tagset.get(label)
        name = spec.display_name(self.language)
        keys = [spec.shortcut] if spec.shortcut else []
        action = self._action(f"label_{label}", self.tr("Label as %s") % name,
                              lambda _=False, x=label: self.annotate_selection(x), keys)
        action.setIcon(swatch_icon(spec.color))
        self.label_actions[label] = action
        exact_keys = [f"Alt+{spec.shortcut}"] if spec.shortcut else []
        self._action(f"label_exact_{label}", self.tr("Label Exact Selection as %s") % name,
                     lambda _=False, x=label: self.annotate_selection(x, exact=True),
                     exact_keys)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in self._menu_titles().items():
            self.menus[key] = bar.addMenu(title)
            self.menus[key].setObjectName(f"menu-{key}")
        get = self.action_by_name
        self._fill_menu("file", ["open", None, "save", "save_as", None, "next_file",
                                 "previous_file", None, "quit"])
        self._fill_menu("edit", ["undo", "redo", None, "delete", None, "next_annotation",
                                 "previous_annotation"])
        self._fill_menu("view", ["focus_text", "focus_list", "focus_inspector", "filter_list",
                                 None, "zoom_in", "zoom_out", "colour_by_annotator", None])
        self.menus["view"].addAction(self.list_dock.toggleViewAction())
        self.menus["view"].addAction(self.inspector_dock.toggleViewAction())
        self.menus["view"].addAction(self.palette_bar.toggleViewAction())
        annotate = self.menus["annotate"]
        for label in self.label_actions:
            annotate.addAction(get[f"label_{label}"])
        exact = self.exact_menu = annotate.addMenu(self.tr("Label &Exact Selection"))
        for label in self.label_actions:
            exact.addAction(get[f"label_exact_{label}"])
        annotate.addSeparator()
        self._fill_menu("annotate", ["snapping", "toggle_proclitics", None, "link", "cancel_link",
                                   None])
        nudge = self.nudge_menu = annotate.addMenu(self.tr("&Boundaries"))
        for (edge, direction, unit) in NUDGES:
            nudge.addAction(get[f"nudge_{edge}_{'earlier' if direction < 0 else 'later'}_{unit}"])
        self._fill_menu("help", ["shortcuts", "about"])

    def _menu_titles(self) -> dict[str, str]:
        return {"file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
                "annotate": self.tr("&Annotate"), "help": self.tr("&Help")}

    def _fill_menu(self, key: str, names: list[str | None]) -> None:
        menu = self.menus[key]
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.action_by_name[name])

    def _build_status(self) -> None:
        self.selection_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.selection_label)

    # -- documents ------------------------------------------------------------------
    @property
    def document(self) -> Document | None:
        """The document being edited (the session's), or None."""
        return self.session.document if self.session is not None else None

    def open_path(self, path: str | Path, *, interactive: bool = False) -> Document:
        """Open a TEI, text or JSONL file; with several documents in it, ask which
        (``interactive``) or take the first and say so.  Raises a one-line
        :class:`AnnotatorError` (:class:`OpenCancelled` when the user cancels the choice)."""
        with CollectorPaused():  # reading allocates many objects and frees none
            documents, problems = read_documents_from(path,
                                                      annotator=self.workflow.settings.annotator)
        index = 0
        if len(documents) > 1 and interactive:
            chosen = self.workflow.pick_document(self, str(path), documents)
            if chosen is None:
                raise OpenCancelled("opening cancelled", path=str(path))
            index = chosen
        document = documents[index]
        self.set_document(document, str(path), saves_in_place=is_tei_path(path))
        if len(documents) > 1:
            self.statusBar().showMessage(
                self.tr("Opened document %1 of %2 in this file (%3)")
                .replace("%1", str(index + 1)).replace("%2", str(len(documents)))
                .replace("%3", isolated(document.id)), 10000)
        elif problems.warnings:
            self.statusBar().showMessage(error_message(problems.warnings[0]), 10000)
        return document

    def set_document(self, document: Document, path: str | None = None, *,
                     saves_in_place: bool = False) -> None:
        """Show ``document`` (from ``path``) in a new edit session (undo starts afresh)."""
        base = self.tagset if self._fixed_tagset else tagset_for(tagset_folder(path))
        labels = sorted({a.label for a in document.annotations})
        self._set_tagset(base.with_labels(labels))
        self.cancel_link_pick()
        session = EditSession(document, tagset=self.tagset,
                              path=path if saves_in_place else None)
        session.add_listener(self._after_change)
        session.add_clean_listener(self._clean_changed)
        session.add_step_listener(self._update_undo_actions)
        self.session = session
        self.current_path = path
        self.saves_in_place = saves_in_place
        self.save_folder = None
        self.example = False
        self.current_id = None
        self._update_undo_actions()
        self.view.set_document(document, self.tagset)
        if len(document.annotations) > BIG_DOCUMENT:
            # The text and its highlights paint first; the list (a sort and a reset of every
            # row) fills just after, so a big document shows at once.
            self.list_model.set_document(None, self.tagset)
            _AfterPaint(self.view.viewport(), lambda: self._fill_list(document))
        else:
            self.list_model.set_document(document, self.tagset)
        self.inspector.show_annotation(None, None, None)
        self._update_title()
        self._update_actions()
        self.view.setFocus()
        self.statusBar().showMessage(
            self.tr("%d characters, %d annotations") % (len(document.text),
                                                        len(document.annotations)), 5000)
        self.document_opened.emit(document)

    def _fill_list(self, document: Document) -> None:
        if self.document is document:
            self.list_model.set_document(document, self.tagset)
            if self.current_id is not None:
                self._select_row(self.current_id)
        # Everything the document holds lives as long as the document: keep the cyclic
        # garbage collector from walking its 100,000 annotations again and again (reference
        # counting still frees them when the document goes).
        gc.freeze()

    def _set_tagset(self, tagset: TagSet) -> None:
        old = set(self.label_actions)
        self.tagset = tagset
        if self.session is not None:
            self.session.tagset = tagset
        for label in old - set(tagset.labels):
            for name in (f"label_{label}", f"label_exact_{label}"):
                action = self.action_by_name.pop(name)
                self.removeAction(action)
                action.setParent(None)  # gone now (not later): the help lists children
            del self.label_actions[label]
        for spec in tagset:
            if spec.name not in self.label_actions:
                self._add_label_actions(spec.name)
            else:
                keys = [spec.shortcut] if spec.shortcut else []
                self.label_actions[spec.name].setShortcuts([QKeySequence(k) for k in keys])
                self.action_by_name[f"label_exact_{spec.name}"].setShortcuts(
                    [QKeySequence(f"Alt+{k}") for k in keys])
        if self.menus:
            self._refill_label_menu()
            self._exact_label_shortcuts()
        self.label_palette.set_tagset(tagset, self.language)
        self._fill_label_filter()

    def menu_mnemonics(self) -> set[str]:
        """The letters of the menu bar's Alt+letter mnemonics, upper case."""
        found = set()
        for action in self.menuBar().actions():
            text = action.text().replace("&&", "")
            at = text.find("&")
            if 0 <= at < len(text) - 1:
                found.add(text[at + 1].upper())
        return found

    def _exact_label_shortcuts(self) -> None:
        """Give each label's exact variant Alt+key, unless a menu's mnemonic owns it (two
        owners make Qt fire neither); the Annotate menu still offers those labels."""
        taken = self.menu_mnemonics()
        for label in self.label_actions:
            key = self.tagset.get(label).shortcut
            keys = [f"Alt+{key}"] if key and key.upper() not in taken else []
            self.action_by_name[f"label_exact_{label}"].setShortcuts(
                [QKeySequence(k) for k in keys])

    def _refill_label_menu(self) -> None:
        annotate = self.menus["annotate"]
        for action in annotate.actions():
            if action.objectName().startswith("label_"):
                annotate.removeAction(action)
        first = annotate.actions()[0]  # the Label Exact Selection submenu, at least
        exact_menu = next((m for m in (a.menu() for a in annotate.actions())
                           if isinstance(m, QMenu)), None)
        for label in self.label_actions:
            annotate.insertAction(first, self.action_by_name[f"label_{label}"])
        if exact_menu is not None:
            exact_menu.clear()
            for label in self.label_actions:
                exact_menu.addAction(self.action_by_name[f"label_exact_{label}"])

    def _fill_label_filter(self) -> None:
        combo = self.label_filter
        combo.blockSignals(True)
        current = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("All labels"), "")
        for spec in self.tagset:
            combo.addItem(swatch_icon(spec.color), spec.display_name(self.language), spec.name)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self._label_filter_changed()

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(f"{APP_NAME}[*]")
        else:
            name = isolated(Path(self.current_path).name if self.current_path
                            else self.document.id)
            if self.example:
                name = self.tr("%s (example, read-only)") % name
            self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.is_modified())

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)
        self.document_modified.emit(not clean)

    def is_modified(self) -> bool:
        """True when the document has edits not saved."""
        return self.session is not None and self.session.is_modified

    # -- opening and saving ---------------------------------------------------------
    def open_example(self, path: str | Path) -> Document:
        """Open the bundled sample as a read-only example: it can be annotated, but Save
        asks where, proposing the user's documents folder, and nothing is ever written
        inside the installed package."""
        document = self.open_path(path)
        self.saves_in_place = False
        self.example = True
        self.save_folder = documents_folder()
        self._update_title()
        return document

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = (documents_folder() if self.example else
                  str(Path(self.current_path).parent) if self.current_path else "")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open"), folder,
            self.tr("Annotation files (*.tei.xml *.xml *.txt *.jsonl);;All files (*)"))
        if path:
            self.open_or_report(path)

    def open_or_report(self, path: str) -> bool:
        """Open ``path`` as the user asked (a choice for several documents), showing any
        problem in a message box; True when opened."""
        try:
            self.open_path(path, interactive=True)
        except OpenCancelled:
            return False
        except AnnotatorError as error:
            self.workflow.open_failed(path)
            self.show_error(self.tr("Cannot open"), error_message(error))
            return False
        return True

    def switch_file(self, step: int) -> None:
        """Open the next (``+1``) or previous (``-1``) of the files given at start."""
        if self.workflow.switch_project_file(step):
            return  # a team project: its queue's next document not done
        if not self.file_queue or self.current_path not in self.file_queue:
            return
        index = (self.file_queue.index(self.current_path) + step) % len(self.file_queue)
        if self.file_queue[index] != self.current_path and self.maybe_save():
            self.open_or_report(self.file_queue[index])

    def proposed_save_path(self) -> str:
        """Where Save As proposes to write: ``<id>.tei.xml`` next to the opened file."""
        assert self.document is not None
        if self.save_folder:
            folder = Path(self.save_folder)
        elif self.current_path:
            folder = Path(self.current_path).parent
        else:
            folder = Path.cwd()
        return str(folder / f"{self.document.id}.tei.xml")

    def save(self) -> bool:
        """Write the TEI file (Save As for an imported file); True when written."""
        if self.document is None:
            return False
        if not self.saves_in_place or not self.current_path:
            return self.save_as()
        return self.write_to(self.current_path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        path = self.ask_save_path(self.proposed_save_path())
        if not path:
            return False
        return self.write_to(path)

    def write_to(self, path: str) -> bool:
        """Save the document as TEI at ``path`` once nobody else changed that file since it
        was read (else as the user decides); reports failure in a message box."""
        session = self.editing_session()
        if session is None:
            return False
        session.annotator = self.workflow.settings.annotator  # "in progress" for them
        chosen = self.workflow.confirm_save(path)
        if chosen is None:
            return False
        path = chosen
        if inside_installed_package(path):
            self.show_error(self.tr("Cannot save"), self.tr(
                "%s is inside the installed program; save your work elsewhere.") % isolated(path))
            return False
        try:
            session.save(path)
        except (AnnotatorError, OSError) as error:
            message = error_message(error) if isinstance(error, AnnotatorError) else str(error)
            self.show_error(self.tr("Cannot save"), message)
            return False
        self.current_path = str(path)
        self.saves_in_place = True
        self.save_folder = None
        self.example = False  # the user's own copy now
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved %s") % isolated(str(path)), 5000)
        self.document_saved.emit(str(path))
        return True

    def _ask_save_path_dialog(self, proposal: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as TEI"), proposal,
                                              self.tr("TEI files (*.tei.xml)"))
        return path or None

    def _ask_unsaved_dialog(self) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("The annotations have changes that are not saved."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(
                    QMessageBox.StandardButton(answer), "cancel")

    def maybe_save(self) -> bool:
        """Ask about unsaved edits; False when the user cancels (or the save fails).  Once
        settled, the recovery copy of the edits goes."""
        settled = True
        if self.is_modified():
            answer = self.ask_unsaved()
            settled = self.save() if answer == "save" else answer == "discard"
        if settled:
            self.workflow.edits_settled()
        return settled

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            self.suggestions.runner.cancel()  # a run going on ends with the window
            self.suggestions.training.cancel()  # and so does a training, leaving no trace
            event.accept()
        else:
            event.ignore()

    # -- editing --------------------------------------------------------------------
    def editing_session(self, *, authoring: bool = False) -> EditSession | None:
        """The session, with the snapping preferences as they are now; when ``authoring``
        (the edit creates annotations or decisions), with the annotator's name too (asked
        once, the first time)."""
        session = self.session
        if session is not None:
            session.snapping = self.snapping
            session.proclitics = self.proclitics
            if authoring:
                session.annotator = self.annotator_name()
        return session

    def undo(self) -> None:
        """Edit > Undo."""
        if self.session is not None:
            self.session.undo()

    def redo(self) -> None:
        """Edit > Redo."""
        if self.session is not None:
            self.session.redo()

    def _update_undo_actions(self) -> None:
        history = self.session.history if self.session is not None else None
        for name, can, text, title in (
                ("undo", history is not None and history.can_undo,
                 history.undo_text if history else "", self.tr("&Undo")),
                ("redo", history is not None and history.can_redo,
                 history.redo_text if history else "", self.tr("&Redo"))):
            action = self.action_by_name[name]
            action.setEnabled(can)
            action.setText(f"{title} {text}".strip() if can else title)

    def _try(self, edit: Callable[[EditSession], object]) -> bool:
        """Run one session operation as the annotator (whose layer is theirs); a refused
        edit becomes a status-bar message.  The first edit of another annotator's layer
        asks once how to treat it, then goes on."""
        session = self.editing_session(authoring=True)
        if session is None:
            return False
        try:
            try:
                edit(session)
            except ForeignLayerError as foreign:
                choice = self.ask_layer_choice(str(foreign.params["owner"]))
                if choice is None:
                    return False
                session.layer_choice = choice
                edit(session)
        except AnnotatorError as error:
            self.statusBar().showMessage(error_message(error), 6000)
            self._refresh_inspector()
            return False
        copy = session.copy_of(self.current_id) if self.current_id is not None else None
        if copy is not None:  # the edit landed on the user's copy: follow it
            self.set_current(copy)
        return True

    def _ask_layer_dialog(self, owner: str) -> LayerChoice | None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Another annotator's work"),
                          self.tr("These annotations are %s's. Correct their layer as your "
                                  "own (a copy that records where each annotation came "
                                  "from), or add a layer of your own and leave theirs as it "
                                  "is?") % isolated(owner), QMessageBox.StandardButton.Cancel,
                          self)
        correct = box.addButton(self.tr("&Correct as My Own"),
                                QMessageBox.ButtonRole.AcceptRole)
        own = box.addButton(self.tr("Add &My Own Layer"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(correct)
        box.exec()
        clicked = box.clickedButton()
        if clicked is correct:
            return "correct"
        return "own" if clicked is own else None

    def _after_change(self, change: Change) -> None:
        removed = change.removed
        changed = change.after
        self.view.annotations_changed(changed, removed)
        self._syncing_list = True  # rows moving under the table's cursor are not choices
        try:
            self.list_model.annotations_changed(changed, removed)
        finally:
            self._syncing_list = False
        if self._picking is not None and self.document is not None \
                and self._picking[0] not in self.document.annotations:
            self.cancel_link_pick()  # the annotation being linked is gone
        if self.current_id is not None and self.document is not None \
                and self.current_id not in self.document.annotations:
            self.set_current(None)
        else:
            self._refresh_inspector()
        self.annotations_edited.emit(change)

    def current_annotation(self) -> Annotation | None:
        if self.document is None or self.current_id is None:
            return None
        return self.document.annotations.get(self.current_id)

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """The span labelling uses for a selection (snapped to words when snapping is on)."""
        session = self.editing_session()
        return session.snap(start, end) if session is not None else (start, end)

    def annotate_selection(self, label: str, exact: bool = False) -> Annotation | None:
        """Label the current selection (snapped unless ``exact`` or snapping is off); while
        adjudicating, into gold.  See :meth:`EditSession.label_span` for the rules.  While a
        suggestion is current and selected, its label key accepts it with that label."""
        if self.suggestions.takes_label(label):
            return self.current_annotation()
        if self.adjudication.active:
            return self.adjudication.label_into_gold(label, exact)
        session = self.editing_session(authoring=True)
        if session is None:
            return None
        span = self.view.selected_span()
        if not span or span[0] >= span[1]:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return None
        start, end = span
        results: list[Labelled] = []
        if not self._try(lambda session: results.append(session.label_span(
                start, end, label, exact=exact, current=self.current_id))):
            return None
        found = results[0]
        if found.already:
            self.statusBar().showMessage(
                self.tr("Already labelled %s: %s") % (isolated(self._label_name(label)),
                                                      isolated(found.annotation_id)), 4000)
        self.set_current(found.annotation_id)
        labelled = session.document.annotations.get(found.annotation_id)
        if labelled is not None and (labelled.start, labelled.end) != span:
            self.view.select_span(labelled.start, labelled.end)  # the span as snapped
        return labelled

    def _label_name(self, label: str) -> str:
        """``label`` as named in the interface language."""
        return self.tagset.get(label).display_name(self.language)

    def _palette_clicked(self, label: str) -> None:
        exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        self.annotate_selection(label, exact=exact)
        self.view.setFocus()

    def delete_current(self) -> None:
        current = self.current_id
        if current is not None:
            self._try(lambda session: session.delete(current))

    def relabel_current(self, label: str) -> None:
        current = self.current_id
        if current is not None:
            self._try(lambda session: session.relabel(current, label))

    def set_current_attribute(self, name: str, value: str | None) -> None:
        current = self.current_id
        if current is not None:
            self._try(lambda session: session.set_attribute(current, name, value))

    def set_current_note(self, note: str) -> None:
        current = self.current_id
        if current is not None:
            self._try(lambda session: session.set_note(current, note))

    def resize_current(self, start: int, end: int) -> None:
        current = self.current_id
        if current is not None:
            self._try(lambda session: session.resize(current, start, end))

    def unlink_current(self, role: str, target_id: str) -> None:
        current = self.current_id
        if current is not None:
            self._try(lambda session: session.unlink(current, role, target_id))

    def toggle_proclitics(self) -> None:
        """Leave out or put back the attached proclitics at the start of the selection (when
        there is one) or of the current annotation (an undoable resize)."""
        if self.document is None:
            return
        text = self.document.text
        span = self.view.selected_span()
        current = self.current_annotation()
        if span is None and current is not None:
            span = (current.start, current.end)
        toggled = (word_selection.toggle_proclitics(text, *span, self.proclitics)
                   if span else None)
        if toggled is None:
            self.statusBar().showMessage(self.tr("No attached proclitic to leave out or put back."),
                                         4000)
            return
        if current is not None and span == (current.start, current.end):
            self.resize_current(*toggled)
        self.view.select_span(*toggled)

    def nudge(self, edge: str, direction: int, unit: str) -> None:
        """Move the current annotation's ``start`` or ``end`` by a grapheme or a word."""
        current = self.current_annotation()
        if current is None or not self._try(
                lambda session: session.nudge(current.id, edge, direction, unit)):
            return
        moved = self.current_annotation()
        if moved is not None:
            self.view.select_span(moved.start, moved.end)

    # -- links ----------------------------------------------------------------------
    def start_link_pick(self, role: str) -> None:
        """Wait for a click on the annotation to link the current one to with ``role``."""
        annotation = self.current_annotation()
        if annotation is None:
            return
        self._picking = (annotation.id, role)
        instruction = link_instruction(self.tagset, annotation.label, role, self.language)
        self.statusBar().showMessage(instruction)  # the banner's words, where the eye goes next
        self.view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.link_banner.show_message(instruction)
        self._update_actions()

    def cancel_link_pick(self) -> None:
        if self._picking is None:
            return
        self._picking = None
        self.statusBar().clearMessage()
        self.view.viewport().unsetCursor()
        self.link_banner.hide()
        self._update_actions()

    def is_picking_link(self) -> bool:
        return self._picking is not None

    def _finish_link_pick(self, target_id: str) -> None:
        assert self._picking is not None and self.session is not None
        source_id, role = self._picking
        if not self._try(lambda session: session.link(source_id, role, target_id)):
            # stay in picking mode: click another one
            self.statusBar().showMessage(self.statusBar().currentMessage() + " — "
                                         + self.tr("Esc cancels"))
            self.view.set_current_annotation(self.current_id)  # the click moved it
            return
        self.cancel_link_pick()
        self.set_current(self.session.copy_of(source_id) or source_id)

    def _link_shortcut(self) -> None:
        annotation = self.current_annotation()
        if annotation is None:
            return
        spec = self.tagset.get(annotation.label)
        if spec.links:
            self.start_link_pick(spec.links[0].role)

    # -- selection and the current annotation ---------------------------------------
    def set_current(self, annotation_id: str | None, *, jump: bool = False) -> None:
        """Make ``annotation_id`` current: emphasised, in the inspector, its row selected."""
        annotation = None
        if annotation_id is not None and self.document is not None:
            annotation = self.document.annotations.get(annotation_id)
        self.current_id = annotation.id if annotation else None
        self.view.set_current_annotation(self.current_id)
        self._refresh_inspector()
        if self.document is not None and len(self.document.annotations) > BIG_DOCUMENT:
            # Selecting and scrolling a 100,000-row table repaints it (~15 ms): let the text
            # show the edit first, then bring the list along.
            _AfterPaint(self.view.viewport(), lambda: self._select_row(self.current_id))
        else:
            self._select_row(self.current_id)
        if jump and annotation is not None:
            self.view.select_span(annotation.start, annotation.end)
            self._reveal_cursor()
        self._update_actions()

    def _reveal_cursor(self) -> None:
        """Centre the text cursor when it sits at (or beyond) the edge of the view."""
        rect = self.view.cursorRect()
        margin = 3 * rect.height()
        at_top = self.view.verticalScrollBar().value() == 0 and rect.top() >= 0
        if ((rect.top() < margin and not at_top)
                or rect.bottom() > self.view.viewport().height() - margin):
            self.view.centerCursor()

    def _refresh_inspector(self) -> None:
        self.inspector.show_annotation(self.document, self.tagset, self.current_annotation())

    def _select_row(self, annotation_id: str | None) -> None:
        table = self.list_table
        self._syncing_list = True
        try:
            if annotation_id is None:
                table.selectionModel().clear()  # also the current row: picking it again counts
                return
            row = self.list_model.row_of(annotation_id)
            index = self._list_index(row)
            if index.isValid():
                table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                table.scrollTo(index)
        finally:
            self._syncing_list = False

    def _list_through_filter(self, filtered: bool | None = None) -> None:
        """Show the list through the filter proxy only while a filter is on: with 100,000
        rows, the proxy makes every added or removed row cost the table ~10 ms more."""
        if filtered is None:
            filtered = bool(self.label_filter.currentData() or self.text_filter.text())
        wanted = self.list_proxy if filtered else self.list_model
        table = self.list_table
        if table.model() is wanted and table.property("connected"):
            return
        current = self.current_id
        # Detached, the proxy does no work on edits (it re-maps rows on every insertion).
        self.list_proxy.setSourceModel(self.list_model if filtered else None)
        table.setModel(wanted)
        table.setProperty("connected", True)
        table.selectionModel().currentRowChanged.connect(self._list_row_changed)
        if current is not None:
            self._select_row(current)

    def list_index_of(self, annotation_id: str) -> QModelIndex:
        """The annotation list table's index (first column) of ``annotation_id``'s row."""
        return self._list_index(self.list_model.row_of(annotation_id))

    def _list_index(self, source_row: int) -> QModelIndex:
        """The table's index of a row of the (unfiltered) annotation model."""
        index = self.list_model.index(source_row, 0)
        if self.list_table.model() is self.list_model:
            return index
        return self.list_proxy.mapFromSource(index)  # the filter is on

    def _highlight_clicked(self, annotation_id: str) -> None:
        if self._picking is not None:
            self._finish_link_pick(annotation_id)
        else:
            self.set_current(annotation_id)

    def _list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_list or self._picking is not None or not current.isValid():
            return
        self.set_current(current.data(ID_ROLE), jump=True)

    def _list_row_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if self._picking is not None:
            self._finish_link_pick(index.data(ID_ROLE))
        elif index.data(ID_ROLE) != self.current_id:
            self.set_current(index.data(ID_ROLE), jump=True)

    def step_annotation(self, step: int) -> None:
        """Make the next (``+1``) or previous (``-1``) row of the list current."""
        proxy = self.list_table.model()
        if proxy.rowCount() == 0:
            return
        row = -1
        if self.current_id is not None:
            row = self._list_index(self.list_model.row_of(self.current_id)).row()
        row = min(max(row + step, 0), proxy.rowCount() - 1) if row >= 0 else \
            (0 if step > 0 else proxy.rowCount() - 1)
        self.set_current(proxy.index(row, 0).data(ID_ROLE), jump=True)

    def _selection_changed(self, start: int, end: int) -> None:
        if start < 0 or end <= start or self.document is None:
            self.selection_label.setText("")
            return
        text = self.tr("Selection %d–%d (%d)") % (start, end, end - start)
        if self.snapping:
            s, e = self.snap(start, end)
            if (s, e) != (start, end):
                text += " → " + self.tr("%d–%d") % (s, e)
        self.selection_label.setText(text)

    def _label_filter_changed(self, *_args: object) -> None:
        label = self.label_filter.currentData() or ""
        self.list_proxy.set_label(label)
        if hasattr(self, "list_table"):
            self._list_through_filter()
        if hasattr(self, "view"):
            self.view.set_label_filter({label} if label else None)

    def _snapping_toggled(self, on: bool) -> None:
        self.snapping = bool(on)

    def _colour_mode_toggled(self, on: bool) -> None:
        self.view.set_colour_mode("annotator" if on else "label")

    def _focus_list(self) -> None:
        self.list_dock.show()
        self.list_table.setFocus()

    def _focus_filter(self) -> None:
        self.list_dock.show()
        self.text_filter.setFocus()
        self.text_filter.selectAll()

    def _focus_inspector(self) -> None:
        self.inspector_dock.show()
        self.inspector.label_combo.setFocus()

    def _update_actions(self) -> None:
        has_doc = self.document is not None
        has_current = self.current_annotation() is not None
        get = self.action_by_name
        for name in ("save", "save_as"):
            get[name].setEnabled(has_doc)
        for name in ("delete", "link"):
            get[name].setEnabled(has_current)
        for name, action in get.items():
            if name.startswith("nudge_"):
                action.setEnabled(has_current)
        get["cancel_link"].setEnabled(self._picking is not None)
        many = len(self.file_queue) > 1 or (hasattr(self, "workflow")
                                            and self.workflow.project_open())
        get["next_file"].setEnabled(many)
        get["previous_file"].setEnabled(many)

    # -- help -------------------------------------------------------------------------
    def show_help(self) -> None:
        from annotator_ui.help_dialog import HelpDialog

        HelpDialog(self).exec()

    def show_about(self) -> None:
        from annotator import __version__

        QMessageBox.about(self, self.tr("About"),
                          f"{APP_NAME} {__version__}\n"
                          + self.tr("Entities, quotes and claims in Arabic news, saved as "
                                    "TEI P5 standoff annotation."))
