"""The ``annotator`` command: the desktop app with no sub-command, tools with one.

Each sub-command is a module ``annotator.cli.cmd_<name>`` with ``HELP`` (one line),
``add_arguments(parser)`` and ``run(args) -> int``.  Errors from the core
(:class:`annotator.errors.AnnotatorError`) become one line on stderr and exit status 2;
no bad input ever shows a traceback.  Such lines read ``FILE:LINE: error E012: message``
(``warning`` for warnings; :meth:`AnnotatorError.diagnostic`): the code is the error's
stable catalogue code (:mod:`annotator.error_catalogue`).

The choices that concern the whole process are made here, for the commands, and never by the
core: the cycle collector is paused around the commands in :data:`COLLECTOR_PAUSED`, and
worker processes start as :func:`worker_start_method` says.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn, Protocol, cast

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.gcpause import CollectorPaused

# name -> module; imported lazily so that ``annotator --help`` stays fast.
COMMANDS = {
    "import": "annotator.cli.cmd_import",
    "export": "annotator.cli.cmd_export",
    "validate": "annotator.cli.cmd_validate",
    "stats": "annotator.cli.cmd_stats",
    "show": "annotator.cli.cmd_show",
    "merge": "annotator.cli.cmd_merge",
    "agree": "annotator.cli.cmd_agree",
    "project": "annotator.cli.cmd_project",
    "sync": "annotator.cli.cmd_sync",
    "train": "annotator.cli.cmd_train",
    "concord": "annotator.cli.cmd_concord",
    "inconsistencies": "annotator.cli.cmd_inconsistencies",
    "suggest": "annotator.cli.cmd_suggest",
    "evaluate": "annotator.cli.cmd_evaluate",
}

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# Commands that read or write documents in bulk: they allocate objects by the hundred
# thousand and free few, so the cycle collector would walk them again and again for nothing.
# Measured 5-20% faster paused (bench/bench_merge_agree.py, bench_conll.py, and each command
# on a 100,000-annotation file); ``show`` gained nothing.  Reference counting still frees.
COLLECTOR_PAUSED = frozenset({"import", "export", "merge", "agree", "stats", "validate",
                              "suggest", "evaluate", "train"})


def worker_start_method() -> str:
    """How the commands start worker processes: ``fork`` (fast) where the platform has it and
    this process runs one thread, as a command-line run does; else ``spawn`` (a threaded
    host calling :func:`main` in-process)."""
    import multiprocessing  # here: ``annotator --help`` does without it

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


class Command(Protocol):
    """A sub-command's module, as the module docstring describes it."""

    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with status 2 and one line of message."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n"
                              f"Try '{self.prog} --help'.\n")


def _available_commands(only: str | None = None) -> dict[str, Command]:
    modules: dict[str, Command] = {}
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        try:
            modules[name] = cast(Command, importlib.import_module(module_name))
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
    return modules


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The full parser and the command modules behind it; with ``only``, the parser of that
    one command (the others' modules, some slow to import, are then not imported)."""
    parser = _Parser(
        prog="annotator",
        description="Annotate Arabic news text: entities, quotes and claims in TEI P5 files. "
                    "With no command, starts the desktop app on FILEs (or the bundled sample).",
        epilog="Desktop app: annotator [FILE ...] [--screenshot OUT.png [--size WxH] "
               "[--current ID]]; --screenshot renders the window with the first FILE to a "
               "PNG and exits (no display needed). 'annotator FILE --help' details them.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    modules = _available_commands(only)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module in modules.items():
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``annotator`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help",
                                                                             "--version")):
        return _start_app(args_list)
    chosen = args_list[0] if args_list[0] in COMMANDS else None
    parser, modules = build_parser(chosen)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    paused = CollectorPaused() if args.command in COLLECTOR_PAUSED else contextlib.nullcontext()
    try:
        with paused:
            return modules[args.command].run(args)
    except AnnotatorError as error:
        print(f"annotator {args.command}: {error.diagnostic()}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _start_app(argv: list[str]) -> int:
    """Hand over to the desktop app (``annotator_ui.app.main``)."""
    try:
        from annotator_ui.app import main as app_main
    except ImportError as error:
        print(f"annotator: the desktop app is not available ({error})", file=sys.stderr)
        return EXIT_USAGE
    return int(app_main(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
