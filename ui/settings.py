"""Typed access to the user's settings, kept with QSettings in an INI file.

Organisation ``arabic-news-annotator``, application ``annotator``.  Every value has a type and
a default here, so the rest of the app never handles raw QSettings variants.  Tests point the
INI location somewhere temporary with :func:`use_settings_folder`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from annotator.align import ProcliticMode

ORGANISATION = "arabic-news-annotator"
APPLICATION = "annotator"

LANGUAGES = ("", "ar", "en")  # "" follows the system locale
PROCLITIC_MODES: tuple[ProcliticMode, ...] = ("particles", "all", "none")
DEFAULT_FONT_SIZE = 16
DEFAULT_AUTOSAVE_SECONDS = 5
MAX_RECENT = 10


def use_settings_folder(folder: str | Path) -> None:
    """Keep settings as INI files under ``folder`` (for tests and portable installs)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _to_bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(value, int):
        return bool(value)
    return default


def _to_int(value: object, default: int, low: int, high: int) -> int:
    if not isinstance(value, (int, float, str, bytes)):
        return default
    try:
        number = int(value)
    except (ValueError, OverflowError):
        return default
    return min(max(number, low), high)


def _to_str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v]
    return []


class Settings(QObject):
    """The app's settings.  ``changed(key)`` is emitted after each write.

    Use :func:`app_settings` for the shared instance the windows listen to; a fresh
    ``Settings()`` reads and writes the same file.
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                ORGANISATION, APPLICATION)

    # -- plumbing -----------------------------------------------------------------
    def _set(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()
        self.changed.emit(key)

    def file_name(self) -> str:
        """Where the settings live on disk."""
        return self._store.fileName()

    def sync(self) -> None:
        """Write pending changes and re-read changes made by other instances."""
        self._store.sync()

    # -- annotator ----------------------------------------------------------------
    @property
    def annotator(self) -> str:
        """The annotator's name recorded in every annotation ("" until asked)."""
        return str(self._store.value("annotator/name", "") or "").strip()

    @annotator.setter
    def annotator(self, name: str) -> None:
        self._set("annotator/name", name.strip())

    # -- interface ----------------------------------------------------------------
    @property
    def language(self) -> str:
        """``"ar"``, ``"en"`` or ``""`` (follow the system locale)."""
        value = str(self._store.value("ui/language", "") or "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {value!r}")
        self._set("ui/language", value)

    @property
    def font_family(self) -> str:
        """The text view's font family ("" = the app's choice)."""
        return str(self._store.value("text/font_family", "") or "")

    @font_family.setter
    def font_family(self, family: str) -> None:
        self._set("text/font_family", family)

    @property
    def font_size(self) -> int:
        """The text view's font size in points (6-72)."""
        return _to_int(self._store.value("text/font_size", DEFAULT_FONT_SIZE),
                       DEFAULT_FONT_SIZE, 6, 72)

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._set("text/font_size", _to_int(size, DEFAULT_FONT_SIZE, 6, 72))

    def text_font(self) -> QFont:
        """The text view's font built from family and size."""
        font = QFont()
        if self.font_family:
            font.setFamily(self.font_family)
        font.setPointSize(self.font_size)
        return font

    # -- annotating ---------------------------------------------------------------
    @property
    def snapping(self) -> bool:
        """Snap new selections to word boundaries."""
        return _to_bool(self._store.value("annotate/snapping", True), True)

    @snapping.setter
    def snapping(self, on: bool) -> None:
        self._set("annotate/snapping", bool(on))

    @property
    def proclitic_mode(self) -> ProcliticMode:
        """Which proclitics snapping may strip (``annotator.align.align_span(proclitics=...)``):
        ``"particles"`` (و ف ب ل ك, the default), ``"all"`` (also ال, لل) or ``"none"``."""
        value = str(self._store.value("annotate/proclitic_mode", "particles") or "")
        return next((mode for mode in PROCLITIC_MODES if mode == value), "particles")

    @proclitic_mode.setter
    def proclitic_mode(self, mode: str) -> None:
        if mode not in PROCLITIC_MODES:
            raise ValueError(f"proclitic mode must be one of {PROCLITIC_MODES}, not {mode!r}")
        self._set("annotate/proclitic_mode", mode)

    # -- view ---------------------------------------------------------------------
    @property
    def show_labels(self) -> bool:
        """Label names shown above the spans in the text (View > Show Label Names)."""
        return _to_bool(self._store.value("view/show_labels", False), False)

    @show_labels.setter
    def show_labels(self, on: bool) -> None:
        self._set("view/show_labels", bool(on))

    @property
    def show_all_links(self) -> bool:
        """Every link on screen drawn, not only the current annotation's (View > Show All
        Links)."""
        return _to_bool(self._store.value("view/show_all_links", False), False)

    @show_all_links.setter
    def show_all_links(self, on: bool) -> None:
        self._set("view/show_all_links", bool(on))

    # -- files --------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return _to_str_list(self._store.value("files/recent", []))[:MAX_RECENT]

    @recent_files.setter
    def recent_files(self, paths: list[str]) -> None:
        self._set("files/recent", list(dict.fromkeys(paths))[:MAX_RECENT])

    def add_recent_file(self, path: str | Path) -> None:
        """Put ``path`` (made absolute) first in the recent list."""
        absolute = str(Path(path).absolute())
        self.recent_files = [absolute, *(p for p in self.recent_files if p != absolute)]

    def remove_recent_file(self, path: str | Path) -> None:
        """Drop ``path`` from the recent list."""
        absolute = str(Path(path).absolute())
        self.recent_files = [p for p in self.recent_files if p != absolute]

    @property
    def autosave_seconds(self) -> int:
        """Seconds of quiet after a change before the recovery copy is written (1-600)."""
        return _to_int(self._store.value("files/autosave_seconds", DEFAULT_AUTOSAVE_SECONDS),
                       DEFAULT_AUTOSAVE_SECONDS, 1, 600)

    @autosave_seconds.setter
    def autosave_seconds(self, seconds: int) -> None:
        self._set("files/autosave_seconds", _to_int(seconds, DEFAULT_AUTOSAVE_SECONDS, 1, 600))

    @property
    def last_folder(self) -> str:
        """The folder of the last Open or Open Folder dialog."""
        return str(self._store.value("files/last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._set("files/last_folder", folder)

    @property
    def last_project(self) -> str:
        """The project folder open last (reopened at the next start), or ""."""
        return str(self._store.value("files/last_project", "") or "")

    @last_project.setter
    def last_project(self, folder: str) -> None:
        self._set("files/last_project", folder)


_shared: Settings | None = None


def app_settings() -> Settings:
    """The settings instance shared by the app's windows (created on first use)."""
    global _shared
    if _shared is None:
        _shared = Settings(QCoreApplication.instance())
    return _shared


def reset_app_settings() -> None:
    """Forget the shared instance (tests switch the INI location between runs)."""
    global _shared
    _shared = None


def _ask_name_dialog(parent: QWidget | None) -> str | None:
    name, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Settings", "Annotator name"),
        QCoreApplication.translate(
            "Settings", "Your name or initials. It is recorded in every annotation you make:"),
        QLineEdit.EchoMode.Normal, "")
    return name if ok else None


AskName = Callable[[QWidget | None], str | None]


def annotator_name(parent: QWidget | None = None, *, settings: Settings | None = None,
                   ask: AskName | None = None) -> str:
    """The annotator's name; asks once (and remembers it) when none is stored yet.

    ``ask`` shows the question and returns the typed name or None when cancelled (tests pass
    their own).  A cancelled or blank answer yields ``""`` and the question comes back next time.
    """
    settings = settings or app_settings()
    name = settings.annotator
    if name:
        return name
    answer = (ask or _ask_name_dialog)(parent)
    name = " ".join((answer or "").split())
    if name:
        settings.annotator = name
    return name
