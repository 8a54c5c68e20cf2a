"""Everything around annotating one document: a part of the main window.

:class:`Workflow` adds File > Open Recent and Open Folder (the project dock), drag and drop,
Edit > Find (the find bar) and Preferences, Annotate > Annotate All Occurrences and Mark as
Done, autosave with crash recovery, and the check for files changed on disk.  The window
creates it and calls it at three points: before a save (:meth:`Workflow.confirm_save`), once
unsaved edits are settled (:meth:`Workflow.edits_settled`) and when a file fails to open
(:meth:`Workflow.open_failed`); everything else follows the window's signals
``document_opened``, ``document_saved``, ``document_modified`` and ``annotations_edited``.
Edits go through the window's core session (``window.session``).

Every question asked of the user is an attribute holding a callable, so tests replace them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator_ui.autosave import (
    Autosaver,
    RecoveryStore,
    choose_with_dialog,
    local_time,
    offer_recovery,
)
from annotator_ui.filewatch import CANCEL, RELOAD, SAVE_AS, DiskGuard
from annotator_ui.i18n import error_message, left_to_right
from annotator_ui.occurrences import OccurrencesDialog
from annotator_ui.preferences import PreferencesDialog
from annotator_ui.project import DONE, ProjectDock, set_status_in_file
from annotator_ui.recent import (
    FileDropFilter,
    RecentFilesMenu,
    pick_document_dialog,
)
from annotator_ui.search_bar import SearchBar
from annotator_ui.settings import Settings, annotator_name, app_settings
from annotator_ui.teamqueue import SyncRunner, TeamDock, doc_id_of, project_root_of
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QToolBar, QWidget

from annotator.atomic import remove_stale_temporary_files
from annotator.errors import AnnotatorError
from annotator.formats import guess_format
from annotator.model import Document
from annotator.occurrences import find_occurrences
from annotator.opening import read_documents_from
from annotator.tagset import TagSet
from annotator.teamproject import check_name, is_project

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class Workflow(QObject):
    """The workflow parts of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow, *, settings: Settings | None = None,
                 recovery: RecoveryStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings or app_settings()
        # Questions, replaceable in tests.
        self.pick_document: Callable[[QWidget, str, list[Document]], int | None] = \
            pick_document_dialog
        self.choose_recovery = choose_with_dialog
        self.ask_folder: Callable[[], str | None] = self._ask_folder_dialog
        # None: the settings dialog asks
        self.ask_name: Callable[[QWidget | None], str | None] | None = None
        self.run_dialog: Callable[[QDialog], bool] = \
            lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted

        self.skip_running = True  # leave recovery copies of live processes alone
        self.store = recovery or RecoveryStore()
        self.autosaver = Autosaver(self.store, self._autosave_source,
                                   interval_ms=self.settings.autosave_seconds * 1000,
                                   parent=self)
        self.autosaver.failed.connect(self._autosave_failed)
        self.guard = DiskGuard(self)
        self.guard.changed_on_disk.connect(self._changed_on_disk)

        self._build_search_bar()
        self._build_project_dock()
        self._build_actions()
        self._build_menus()
        self._apply_settings()
        self.settings.changed.connect(self._setting_changed)

        self.drops = FileDropFilter(self)
        self.drops.watch(window)
        self.drops.watch(window.view.viewport())
        self.drops.files_dropped.connect(self.open_files)
        self.drops.folder_dropped.connect(self.open_folder)

        window.document_opened.connect(self._document_opened)
        window.document_saved.connect(self._document_saved)
        window.document_modified.connect(self._document_modified)
        window.annotations_edited.connect(lambda _change: self._edited())

    # -- called by the window -------------------------------------------------------------
    def confirm_save(self, path: str) -> str | None:
        """Where to save: ``path`` when nobody else changed that file since it was read,
        else as the user decides (another path, or None to cancel)."""
        window = self.window
        answer = self.guard.confirm_save(window, path)
        if answer == CANCEL:
            return None
        if answer == SAVE_AS:
            return window.ask_save_path(window.proposed_save_path()) or None
        if project_root_of(path) is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)  # the annotator's first file
        return path

    def edits_settled(self) -> None:
        """The unsaved edits were saved or discarded: their recovery copy goes."""
        self.autosaver.clear()

    def open_failed(self, path: str) -> None:
        """A file did not open: a recent file that is gone leaves the list."""
        if not Path(path).exists():
            self.recent.remove(path)

    def _autosave_failed(self, message: str) -> None:
        text = translate("Workflow", "Recovery copy not written: %1")
        self.window.statusBar().showMessage(text.replace("%1", message), 8000)

    # -- signals from the window -----------------------------------------------------------
    def _autosave_source(self) -> tuple[Document | None, str | None, TagSet]:
        window = self.window
        return window.document, window.current_path, window.tagset

    def _edited(self) -> None:
        # The undo stack reports the edit before its clean state moves; an undo back to the
        # saved state is followed by document_modified(False), which drops the copy again.
        self.autosaver.document_changed()

    def _document_modified(self, modified: bool) -> None:
        if not modified:
            self.autosaver.clear()

    def _document_opened(self, document: Document) -> None:
        self.autosaver.forget_previous()
        self.search_bar.set_text(document.text)
        path = self.window.current_path
        if path is not None and Path(path).exists():
            self.guard.remember(path)
            self.recent.add(path)
        self.project_dock.set_current_path(path)
        self.team_dock.set_current(doc_id_of(path) if project_root_of(path) else None)

    def _document_saved(self, path: str) -> None:
        self.autosaver.clear()
        remove_stale_temporary_files(Path(path).parent)  # left there by killed saves
        self.guard.remember(path)
        self.recent.add(path)
        self.project_dock.model.refresh_file(path)
        self.project_dock.set_current_path(path)
        if self.team_dock.project is not None and project_root_of(path) is not None:
            self.team_dock.refresh()

    def _changed_on_disk(self, path: str) -> None:
        window = self.window
        if window.current_path is None or Path(window.current_path).absolute() != Path(path):
            return
        if self.guard.ask_reload(window, path, window.is_modified()) == RELOAD:
            self.edits_settled()  # the edits made here are given up for the file on disk
            window.open_or_report(path)

    # -- building ---------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[..., object],
                shortcuts: tuple[str, ...] = (), tip: str = "") -> QAction:
        window = self.window
        action = window.action_by_name.get(name)
        if action is not None:  # retranslating: the same action, named anew
            action.setText(text)
            action.setStatusTip(tip)
            action.setToolTip(tip)  # none: the text, as Qt shows by default
            return action
        action = QAction(text, window)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _=False: slot())
        window.addAction(action)
        window.action_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        a = self._action
        a("open_folder", translate("Workflow", "Open &Folder…"), self.open_folder_dialog,
          ("Ctrl+Shift+O",),
          translate("Workflow", "Open a folder of documents as a project"))
        a("sync_project", translate("Workflow", "S&ync Project"), self.sync_project,
          ("Ctrl+Shift+Y",),
          translate("Workflow", "Send your work to the team and bring in theirs"))
        a("find", translate("Workflow", "&Find…"), self.find, ("Ctrl+F",))
        a("find_next", translate("Workflow", "Find &Next"), self.find_next, ("F3",))
        a("find_previous", translate("Workflow", "Find Pre&vious"), self.find_previous,
          ("Shift+F3",))
        a("preferences", translate("Workflow", "&Preferences…"), self.show_preferences,
          ("Ctrl+,",))
        a("annotate_all", translate("Workflow", "Annotate All &Occurrences…"),
          self.annotate_all, ("Ctrl+Shift+E",),
          translate("Workflow", "Give every occurrence of the selected text the same label"))
        a("mark_done", translate("Workflow", "Mark Document as &Done"),
          self.mark_current_done, ("Ctrl+Shift+D",),
          translate("Workflow", "Record that you finished annotating this document"))

    def retranslate(self) -> None:
        """Name the workflow's actions, menu, find bar and docks in the interface language
        now installed (what they hold stays)."""
        self._build_actions()  # the same actions, named anew
        self.recent_menu.setTitle(translate("Workflow", "Open &Recent"))
        self.search_toolbar.setWindowTitle(translate("Workflow", "Find"))
        self.search_bar.retranslate()  # the docks are the window's: it retranslates them

    def _build_menus(self) -> None:
        window = self.window
        get = window.action_by_name
        file_menu: QMenu = window.menus["file"]
        self.recent_menu = QMenu(translate("Workflow", "Open &Recent"), window)
        self.recent_menu.setObjectName("menu-recent")
        self.recent = RecentFilesMenu(self.recent_menu, self.settings, self)
        self.recent.open_requested.connect(self.open_files)
        after_open = _action_after(file_menu, get.get("open"))
        if after_open is None:
            file_menu.addMenu(self.recent_menu)
            file_menu.addAction(get["open_folder"])
            file_menu.addAction(get["sync_project"])
        else:
            file_menu.insertMenu(after_open, self.recent_menu)
            file_menu.insertAction(after_open, get["open_folder"])
            file_menu.insertAction(after_open, get["sync_project"])
        get["sync_project"].setEnabled(False)

        edit: QMenu = window.menus["edit"]
        edit.addSeparator()
        for name in ("find", "find_next", "find_previous"):
            edit.addAction(get[name])
        edit.addSeparator()
        edit.addAction(get["preferences"])

        annotate: QMenu = window.menus["annotate"]
        annotate.addSeparator()
        annotate.addAction(get["annotate_all"])
        annotate.addAction(get["mark_done"])

        view: QMenu = window.menus["view"]
        view.addAction(self.project_dock.toggleViewAction())
        view.addAction(self.team_dock.toggleViewAction())

    def _build_search_bar(self) -> None:
        window = self.window
        self.search_bar = SearchBar(window)
        self.search_bar.set_view(window.view)
        self.search_toolbar = QToolBar(translate("Workflow", "Find"), window)
        self.search_toolbar.setObjectName("find-toolbar")
        self.search_toolbar.setMovable(False)
        self.search_toolbar.addWidget(self.search_bar)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.search_toolbar)
        self.search_toolbar.hide()
        self.search_bar.closed.connect(self._search_closed)
        if window.document is not None:
            self.search_bar.set_text(window.document.text)

    def _build_project_dock(self) -> None:
        window = self.window
        self.project_dock = ProjectDock(window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.project_dock)
        if hasattr(window, "list_dock"):
            window.tabifyDockWidget(window.list_dock, self.project_dock)
            window.list_dock.raise_()
        self.project_dock.hide()
        self.project_dock.open_requested.connect(self.open_project_file)
        self.project_dock.mark_done_requested.connect(self.mark_done)
        self.team_dock = TeamDock(window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.team_dock)
        window.tabifyDockWidget(getattr(window, "list_dock", self.project_dock), self.team_dock)
        self.team_dock.hide()
        self.team_dock.open_requested.connect(self.open_team_document)
        self.team_dock.merged_requested.connect(self.open_merged)
        self.syncer = SyncRunner(self)
        self.syncer.finished.connect(self._sync_finished)

    # -- settings ---------------------------------------------------------------------------
    def _apply_settings(self) -> None:
        window = self.window
        settings = self.settings
        window.snapping = settings.snapping
        window.proclitics = settings.proclitic_mode
        snapping = window.action_by_name.get("snapping")
        if snapping is not None:
            snapping.setChecked(settings.snapping)
            snapping.toggled.connect(self._snapping_toggled)
        if settings.font_family or settings.font_size:
            window.view.set_text_font(settings.text_font())
        self.autosaver.set_interval(settings.autosave_seconds * 1000)

    def _snapping_toggled(self, on: bool) -> None:
        if self.settings.snapping != on:
            self.settings.snapping = on

    def _setting_changed(self, key: str) -> None:
        window = self.window
        settings = self.settings
        if key == "annotate/snapping":
            window.snapping = settings.snapping
            action = window.action_by_name.get("snapping")
            if action is not None and action.isChecked() != settings.snapping:
                action.setChecked(settings.snapping)
        elif key == "annotate/proclitic_mode":
            window.proclitics = settings.proclitic_mode
        elif key in ("text/font_family", "text/font_size"):
            window.view.set_text_font(settings.text_font())
        elif key == "files/autosave_seconds":
            self.autosaver.set_interval(settings.autosave_seconds * 1000)
        elif key == "ui/language":
            window.apply_language(settings.language)  # at once, nothing of the session lost

    def show_preferences(self) -> None:
        """Edit > Preferences."""
        self.run_dialog(PreferencesDialog(self.settings, self.window))

    # -- files and folders --------------------------------------------------------------------
    def open_files(self, paths: list[str] | str) -> bool:
        """Open dropped or recent files: the first now, the others with Next File."""
        if isinstance(paths, str):
            paths = [paths]
        if not paths or not self.window.maybe_save():
            return False
        if len(paths) > 1:
            self.window.file_queue = list(paths)
        return self.window.open_or_report(paths[0])

    def _ask_folder_dialog(self) -> str | None:
        start = self.settings.last_folder or (str(Path(self.window.current_path).parent)
                                              if self.window.current_path else "")
        title = translate("Workflow", "Open Folder")
        folder = QFileDialog.getExistingDirectory(self.window, title, start)
        return folder or None

    def open_folder_dialog(self) -> None:
        """File > Open Folder."""
        folder = self.ask_folder()
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder: str) -> None:
        """Show ``folder`` as the project in the project dock (a team project, one with
        ``project.toml``, as the annotator's queue in the team dock)."""
        name = self.annotator()
        self.settings.last_folder = str(folder)
        self.settings.last_project = str(folder)
        if is_project(folder):
            self.open_team_project(folder, name)
            return
        self.team_dock.close_project()
        self.window.action_by_name["sync_project"].setEnabled(False)
        self.project_dock.open_folder(folder, name)
        self.project_dock.set_current_path(self.window.current_path)
        self.project_dock.show()
        self.project_dock.raise_()

    # -- team projects ------------------------------------------------------------------------
    def open_team_project(self, folder: str, name: str) -> None:
        """Show the team project in ``folder`` as ``name``'s queue (the lead: every document)."""
        try:
            check_name(name)  # it names the annotator's folder
            self.team_dock.open_project(folder, name)
        except AnnotatorError as error:
            QMessageBox.warning(self.window, translate("Workflow", "Cannot open the project"),
                                error_message(error))
            return
        current = self.window.current_path
        self.team_dock.set_current(doc_id_of(current) if project_root_of(current) else None)
        self.project_dock.hide()
        self.team_dock.show()
        window = self.window
        if hasattr(window, "list_dock") and self.team_dock not in \
                window.tabifiedDockWidgets(window.list_dock):
            window.tabifyDockWidget(window.list_dock, self.team_dock)  # mirrored while hidden
        self.team_dock.raise_()
        self.window.action_by_name["sync_project"].setEnabled(True)
        self.window._update_actions()

    def project_open(self) -> bool:
        """True while a team project is open (Next/Previous File walk its queue)."""
        return self.team_dock.project is not None

    def open_team_document(self, doc_id: str) -> bool:
        """Open the annotator's own file of ``doc_id``: their layer when it exists, else the
        document's text, which Save then writes as their layer (never the shared text)."""
        project = self.team_dock.project
        window = self.window
        if project is None:
            return False
        layer = project.layer_path(self.team_dock.model.name, doc_id)
        if window.current_path and Path(window.current_path) == layer:
            return True
        if not window.maybe_save():
            return False
        if layer.is_file():
            return window.open_or_report(str(layer))
        text = project.text_path(doc_id)
        try:
            documents, _ = read_documents_from(text, annotator=self.settings.annotator)
        except AnnotatorError as error:
            window.show_error(translate("Workflow", "Cannot open"), error_message(error))
            return False
        window.set_document(documents[0], str(layer), saves_in_place=True)
        return True

    def open_merged(self, doc_id: str) -> bool:
        """Open the merged (gold) file of ``doc_id`` for adjudication; the mode does not change
        by itself: the status bar says how to enter it."""
        project = self.team_dock.project
        if project is None or not self.window.maybe_save():
            return False
        if not self.window.open_or_report(str(project.gold_dir / f"{doc_id}.tei.xml")):
            return False
        self.window.statusBar().showMessage(
            translate("Workflow", "Merged document opened: press Ctrl+Shift+J to adjudicate."),
            10000)
        return True

    def switch_project_file(self, step: int) -> bool:
        """Next/Previous File in a team project: the next (``+1``) or previous (``-1``)
        document of the queue that is not done.  False when no project is open."""
        if self.team_dock.project is None:
            return False
        doc_id = self.team_dock.next_undone(step)
        if doc_id is None:
            self.window.statusBar().showMessage(
                translate("Workflow", "Every other document of your queue is done."), 5000)
        else:
            self.open_team_document(doc_id)
        return True

    def sync_project(self) -> bool:
        """File > Sync Project: save the open document if asked, then sync on a worker
        thread (typing goes on); the status bar shows how it went.  False when not started."""
        project = self.team_dock.project
        window = self.window
        if project is None or self.syncer.running or not window.maybe_save():
            return False
        self.syncer.start(project, self.team_dock.model.name)
        window.action_by_name["sync_project"].setEnabled(False)
        window.statusBar().showMessage(translate("Workflow", "Syncing…"))
        return True

    def _sync_finished(self, ok: bool, message: str) -> None:
        self.window.action_by_name["sync_project"].setEnabled(True)
        self.window.statusBar().showMessage(message, 0 if not ok else 10000)
        if ok:
            self.team_dock.refresh()

    def open_project_file(self, path: str) -> None:
        """Open a document of the project (asking to save the current one first)."""
        if self.window.current_path and Path(self.window.current_path) == Path(path):
            return
        if self.window.maybe_save():
            self.window.open_or_report(path)

    def mark_current_done(self) -> None:
        """Annotate > Mark Document as Done."""
        if self.window.current_path:
            self.mark_done(self.window.current_path)
        elif self.window.document is not None:
            self._mark_open_document_done()

    def mark_done(self, path: str) -> None:
        """Record "done" for this annotator in ``path`` (saving the open document if it is)."""
        window = self.window
        current = window.current_path
        if current and Path(current) == Path(path) and window.document is not None:
            self._mark_open_document_done()
            return
        name = self.annotator()
        if not name:
            return
        try:
            set_status_in_file(path, name, DONE, tagset=self.project_dock.tagset)
        except AnnotatorError as error:
            QMessageBox.warning(window, translate("Workflow", "Cannot mark as done"),
                                error_message(error))
            return
        self.project_dock.model.refresh_file(path)

    def _mark_open_document_done(self) -> None:
        window = self.window
        name = self.annotator()
        if not name:
            return
        session = window.session
        if session is None:
            return
        marked = not session.set_status(DONE, name).is_empty
        if not window.save():
            if marked:
                session.undo()  # not saved: the document stays as it was
            return
        window.statusBar().showMessage(translate("Workflow", "Marked as done."), 5000)

    def annotator(self) -> str:
        """The annotator's name, asked once and then remembered in the settings."""
        return annotator_name(self.window, settings=self.settings, ask=self.ask_name)

    # -- recovery ---------------------------------------------------------------------------
    def startup(self) -> None:
        """Run once the window is shown at app start: ask the annotator's name on the first
        start, then offer the recovery copies a crash left behind."""
        self.annotator()
        self.offer_recovery()

    def last_session(self) -> tuple[str | None, str | None]:
        """What the app had open when it last ran, where still there: the project folder
        and the file (each None when gone or never set)."""
        project = self.settings.last_project
        recent = self.settings.recent_files
        return (project if project and Path(project).is_dir() else None,
                recent[0] if recent and Path(recent[0]).is_file() else None)

    def reopen_last_session(self) -> bool:
        """Open the last project folder and file again; False when there was none."""
        project, path = self.last_session()
        if project is not None:
            self.open_folder(project)
        opened = path is not None and self.window.open_or_report(path)
        return opened or project is not None

    def offer_recovery(self) -> bool:
        """Offer copies left by a crash; restore the chosen one (marked modified)."""
        window = self.window
        try:
            found = offer_recovery(window, self.store, choose=self.choose_recovery,
                                   skip_running=self.skip_running)
        except AnnotatorError as error:
            QMessageBox.warning(window, translate("Workflow", "Cannot restore"),
                                error_message(error))
            return False
        if found is None:
            return False
        entry, document = found
        original = entry.original_path or None
        window.set_document(document, original,
                            saves_in_place=bool(original)
                            and guess_format(Path(original or "")) == "tei")
        if original:
            self.guard.remember(original)
        assert window.session is not None
        window.session.mark_unsaved()  # modified: the restored work is not saved yet
        self.autosaver.take_over(entry)  # the copy, now this window's, stays until saved
        window.statusBar().showMessage(translate("Workflow", "Restored unsaved work from %1")
                                       .replace("%1", left_to_right(local_time(entry.saved_at))),
                                       10000)
        return True

    # -- find and annotate all -----------------------------------------------------------------
    def _selected_text(self) -> str:
        window = self.window
        span = window.view.selected_span()
        if window.document is None or span is None:
            return ""
        return window.document.text[span[0]:span[1]]

    def find(self) -> None:
        """Edit > Find: show the bar, prefilled with a short selection."""
        selected = self._selected_text()
        self.search_toolbar.show()
        self.search_bar.open_bar(selected if selected and "\n" not in selected
                                 and len(selected) <= 100 else None)

    def find_next(self) -> None:
        if not self.search_bar.query.text():
            self.find()
            return
        self.search_toolbar.show()
        self.search_bar.find_next()

    def find_previous(self) -> None:
        if not self.search_bar.query.text():
            self.find()
            return
        self.search_toolbar.show()
        self.search_bar.find_previous()

    def _search_closed(self) -> None:
        self.search_toolbar.hide()
        self.window.view.setFocus()

    def annotate_all(self) -> int:
        """Annotate > Annotate All Occurrences: preview, then one undo step; returns the count."""
        window = self.window
        document = window.document
        if document is None:
            return 0
        needle = self._selected_text()
        current = window.current_annotation()
        label = current.label if current is not None else None
        if not needle and current is not None:
            needle = document.text[current.start:current.end]
        if not needle.strip():
            window.statusBar().showMessage(
                translate("Workflow", "Select some text or an annotation first."), 5000)
            return 0
        dialog = OccurrencesDialog(document, window.tagset, needle,
                                   spans=find_occurrences(document.text, needle), label=label,
                                   language=getattr(window, "language", "en"), parent=window)
        if not self.run_dialog(dialog):
            return 0
        spans, label = dialog.checked_spans(), dialog.label()
        if not spans or not label:
            return 0
        session = window.editing_session(authoring=True)
        assert session is not None
        try:
            change = session.annotate_spans(spans, label)
        except AnnotatorError as error:
            window.statusBar().showMessage(error_message(error), 6000)
            return 0
        count = len(change.added) if change is not None else 0
        window.statusBar().showMessage(translate("Workflow", "%1 annotations added.")
                                       .replace("%1", str(count)), 5000)
        return count


def _action_after(menu: QMenu, action: QAction | None) -> QAction | None:
    actions = menu.actions()
    if action is None or action not in actions:
        return actions[0] if actions else None
    index = actions.index(action)
    return actions[index + 1] if index + 1 < len(actions) else None
