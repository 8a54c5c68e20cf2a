"""The interface language: Arabic or English, chosen in preferences or from the system locale.

Translations live in ``resources/translations/annotator_<lang>.qm`` (compiled from the
``.ts`` next to it with ``pyside6-lrelease``).  UI code marks strings with
``QCoreApplication.translate(context, text)`` or ``self.tr(text)``; in Arabic the whole
application is mirrored (right-to-left layout).  Errors from the core are shown with
:func:`error_message`: their catalogue templates are translated in the context ``"Errors"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from string import Formatter

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.errors import AnnotatorError

SUPPORTED = ("ar", "en")
RTL_LANGUAGES = frozenset({"ar"})

_installed: list[QTranslator] = []
_current = "en"


def translations_folder() -> Path:
    """The folder holding the ``.ts`` sources and compiled ``.qm`` files."""
    return Path(str(resources.files("annotator.resources.translations")))


def system_language(locale: QLocale | None = None) -> str:
    """``"ar"`` when the (system) locale's language is Arabic, else ``"en"``."""
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.Arabic:
        return "ar"
    for name in locale.uiLanguages():
        if name.lower().startswith("ar"):
            return "ar"
    return "en"


def resolve_language(setting: str | None) -> str:
    """The language to show for a preference value (``""``/None: the system's)."""
    return setting if setting in SUPPORTED else system_language()


def current_language() -> str:
    """The language installed by the last :func:`install_translator` call."""
    return _current


def is_right_to_left(language: str) -> bool:
    """True for languages written right to left."""
    return language in RTL_LANGUAGES


def _load_app_translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    path = translations_folder() / f"annotator_{language}.qm"
    if path.is_file() and translator.load(str(path)):
        return translator
    return None


def _load_qt_translator(language: str) -> QTranslator | None:
    """Qt's own strings (standard buttons, file dialogs) in ``language``, when shipped."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    for name in (f"qtbase_{language}", f"qt_{language}"):
        if translator.load(name, folder):
            return translator
    return None


def install_translator(app: QCoreApplication | None = None, language: str | None = None) -> str:
    """Install the interface translation for ``language`` (None/"": the system's).

    Removes translators installed by an earlier call, sets the layout direction (mirrored
    for Arabic) and returns the language now in effect.  The default QLocale is left alone,
    so numbers keep the digits of the user's system locale.  Widgets
    alive at the time receive a ``LanguageChange`` event; widgets built afterwards pick
    the new language up directly.
    """
    global _current
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translator needs a QApplication")
    language = resolve_language(language)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != "en":
        for translator in (_load_qt_translator(language), _load_app_translator(language)):
            if translator is not None and app.installTranslator(translator):
                _installed.append(translator)
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_right_to_left(language)
                               else Qt.LayoutDirection.LeftToRight)
        if is_right_to_left(language):  # menus would mirror "[" and reorder "Ctrl+-"
            from annotator_ui.menu_bidi import isolate_menu_shortcuts

            isolate_menu_shortcuts(app)
    _current = language
    return language



# Qt context of the core's error templates (annotator.error_catalogue).
ERRORS_CONTEXT = "Errors"
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate and its closing pop
LRI = "\u2066"  # left-to-right isolate (closed by PDI too)


def isolated(text: str) -> str:
    """``text`` wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, for display only:
    a name, a path or Arabic quoted inside a caption of the other direction keeps its own
    direction and its brackets in place (``000_x.tei.xml`` stays that way round in Arabic).

    Every string the app inserts into a caption of either direction (a file name, a title,
    a label, an annotator's name) goes through this one helper; key names go through
    :func:`left_to_right`."""
    return FSI + text + PDI


def joined(items: Iterable[str]) -> str:
    """``items`` as a list in a caption: separated by ", " in English and by the Arabic
    comma "، " in Arabic (the separator is translated in the context ``"Lists"``)."""
    return QCoreApplication.translate("Lists", ", ").join(items)


def left_to_right(text: str) -> str:
    """``text`` as a LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE: key names such as
    ``Alt+[`` or ``Ctrl+-`` shown as typed inside Arabic (a bare ``[`` would be drawn
    mirrored and ``Ctrl+-`` as ``-Ctrl+``).  Empty text stays empty."""
    return LRI + text + PDI if text else text


class _Filler(Formatter):
    """Fills a translated template in: an error given as a value in the interface language,
    and, in a right-to-left interface, each value isolated so that a path, id or number
    keeps its own direction and leaves the sentence around it in order."""

    def __init__(self, isolate: bool) -> None:
        self.isolate = isolate

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, AnnotatorError):
            value = error_message(value)
        text: str = super().format_field(value, format_spec)  # typeshed says Any
        return isolated(text) if self.isolate else text


def error_message(error: AnnotatorError) -> str:
    """``error`` as one line in the interface language: ``file:line:`` (where known) and
    its catalogue template translated, with the parameters filled in.  In English this is
    ``error.one_line()``."""
    template = QCoreApplication.translate(ERRORS_CONTEXT, error.entry.template)
    isolate = is_right_to_left(_current)
    try:
        body = _Filler(isolate).vformat(template, (), error.params)
    except (KeyError, IndexError, ValueError):  # a translation naming a parameter it lacks
        body = error.message
    where = error.where()
    if where and isolate:
        where = isolated(where[:-2]) + ": "
    return where + " ".join(body.split("\n"))
