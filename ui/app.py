"""The desktop app's entry point: ``annotator [FILE...]`` and ``annotator --screenshot``.

Reached through the ``annotator`` command (:mod:`annotator.cli` hands over everything that
is not a sub-command).  With no FILE the bundled sample article opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from annotator_ui.mainwindow import MainWindow
    from PySide6.QtCore import QCoreApplication

SAMPLE_ID = "000_2ce8f3876ecb932f"
EXIT_OK, EXIT_USAGE = 0, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\nTry '{self.prog} --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="annotator",
        description="The desktop annotation app. Opens FILEs (TEI .tei.xml, plain .txt, "
                    ".jsonl; the first in the window, Ctrl+PgDown/Ctrl+PgUp for the others) "
                    "or, with none, the bundled sample article. Sub-commands (import, export, "
                    "validate, ...) are listed by 'annotator --help'.")
    parser.add_argument("files", nargs="*", metavar="FILE", help="files to open")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="render the window with the first FILE to a PNG and exit "
                             "(works without a display)")
    parser.add_argument("--size", default="1280x800", metavar="WxH",
                        help="window size for --screenshot (default 1280x800)")
    parser.add_argument("--current", metavar="ID",
                        help="with --screenshot: the annotation shown in the inspector")
    return parser


def sample_path() -> Path:
    """The bundled sample: the annotated TEI file when present, else the plain text."""
    seeds = resources.files("annotator.seeds")
    for name in (f"{SAMPLE_ID}.tei.xml", f"{SAMPLE_ID}.txt"):
        candidate = seeds.joinpath(name)
        if candidate.is_file():
            return Path(str(candidate))
    raise FileNotFoundError("the bundled sample article is missing")


def _need_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith(("win", "darwin")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app (or take a screenshot); returns the exit status."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    size = None
    if args.screenshot:
        from annotator_ui.screenshot import parse_size
        try:
            size = parse_size(args.size)
        except ValueError as error:
            print(f"annotator: {error}", file=sys.stderr)
            return EXIT_USAGE
        if _need_offscreen():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif _need_offscreen():  # Qt would abort with a core dump
        print("annotator: no display to show the window on (DISPLAY is not set); "
              "--screenshot OUT.png renders without one", file=sys.stderr)
        return EXIT_USAGE
    bundled = not args.files
    paths = [str(sample_path())] if bundled else list(args.files)
    for path in paths:
        if not Path(path).is_file():
            reason = "is a folder, not a file" if Path(path).is_dir() else "no such file"
            print(f"annotator: {path}: {reason}", file=sys.stderr)
            return EXIT_USAGE

    from PySide6.QtWidgets import QApplication

    from annotator.errors import AnnotatorError

    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else "annotator"])
    app.setApplicationName("annotator")
    app.setOrganizationName("arabic-news-annotator")
    app.setApplicationDisplayName("Arabic News Annotator")
    _install_language(app)

    from annotator_ui.mainwindow import MainWindow

    window = MainWindow()
    window.file_queue = paths if len(paths) > 1 else []
    # With no FILE the app takes up where it left off; the bundled sample is the example
    # shown on a first start (and in screenshots), never written where it lies.
    reopened = bundled and not args.screenshot and window.workflow.reopen_last_session()
    try:
        if bundled and (not reopened or window.document is None):
            window.open_example(paths[0])
        elif not bundled:
            window.open_path(paths[0])
    except AnnotatorError as error:
        print(f"annotator: {error.one_line()}", file=sys.stderr)
        window.deleteLater()
        return EXIT_USAGE

    if args.screenshot:
        return _screenshot(window, args.screenshot, size, args.current)
    window.show()
    window.workflow.startup()  # the name on the first start, then crash recovery
    return int(app.exec())


def _install_language(app: QCoreApplication) -> None:
    from annotator_ui.i18n import install_translator
    from annotator_ui.settings import app_settings

    install_translator(app, app_settings().language)


def _screenshot(window: MainWindow, out: str, size: tuple[int, int] | None,
                current: str | None) -> int:
    from annotator_ui.screenshot import render_to_png

    from annotator.errors import AnnotatorError

    document = window.document
    if current is None and document is not None:  # show a linked annotation if there is one
        linked = [a for a in document.annotations.sorted() if a.links]
        current = linked[0].id if linked else None
    from PySide6.QtWidgets import QApplication

    if size is not None:
        window.resize(*size)
    window.show()
    QApplication.processEvents()  # lay out first, so that scrolling lands right
    if current is not None:
        window.set_current(current, jump=True)
        view = window.view
        cursor = view.textCursor()
        cursor.clearSelection()  # keep the scroll position, show the highlight unselected
        view.setTextCursor(cursor)
    try:
        render_to_png(window, out, size)
    except AnnotatorError as error:
        print(f"annotator: {error.one_line()}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if window.session is not None:
            window.session.mark_clean()  # closing asks nothing
        window.close()
    return EXIT_OK
