"""The command line. With no command, the desktop app opens.

Results go to stdout, progress and errors to stderr. Exit codes: 0 success, 1 a
``ReaderError`` (explained on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import sys
from typing import Literal

from reader import __version__
from reader.errors import ReaderError, UsageError
from reader.log import setup_logging

log = logging.getLogger(__name__)

#: Each module exposes ``register(subparsers)`` and sets ``func`` on its parsers.
COMMAND_MODULES = (
    "reader.cli.library_cmds",
    "reader.cli.code_cmds",
    "reader.cli.search_cmd",
    "reader.cli.annotation_cmds",
    "reader.cli.brief_cmd",
    "reader.cli.compare_cmds",
    "reader.cli.app_cmds",
)


#: The commands each module registers (a test checks this against the modules). A command
#: imports only its own module, and starting the app (no command) none of them: the others
#: bring export, annotations and search, ~0.3 s of imports a command need not wait for.
COMMANDS: dict[str, tuple[str, ...]] = {
    "reader.cli.library_cmds": ("add", "docs", "index", "show"),
    "reader.cli.code_cmds": ("codes",),
    "reader.cli.search_cmd": ("search",),
    "reader.cli.annotation_cmds": ("annotate", "annotations", "themes", "whoami"),
    "reader.cli.brief_cmd": ("brief",),
    "reader.cli.compare_cmds": ("agreement", "compare", "disagreements", "matrix", "resolve"),
    "reader.cli.app_cmds": ("open",),
}
LIGHT_COMMANDS: dict[str | None, tuple[str, ...]] = {
    None: (), **{word: (module,) for module, words in COMMANDS.items() for word in words}}
_GLOBAL_VALUE_OPTIONS = ("-w", "--workspace")
_GLOBAL_FLAGS = ("-v", "--verbose", "-q", "--quiet")


def command_word(argv: list[str]) -> str | Literal[False] | None:
    """The command ``argv`` names (None: no command, the app); False when something else
    comes first (help, version, an unknown option), which the full parser handles."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_VALUE_OPTIONS:
            i += 2
        elif arg in _GLOBAL_FLAGS or arg.startswith(("--workspace=", "-w")):
            i += 1  # "-wDIR" and "--workspace=DIR" carry their value
        elif arg.startswith("-"):
            return False
        else:
            return arg
    return None


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-reader",
        description="Read, search, annotate and brief policy documents. "
                    "Run with no command to open the app.")
    parser.add_argument("--version", action="version", version=f"policy-reader {__version__}")
    parser.add_argument("-w", "--workspace", metavar="DIR",
                        help="the workspace folder (default: $POLICY_READER_WORKSPACE, "
                             "else your default workspace)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def _never_fail_on_output() -> None:
    """Text that cannot be encoded (a file name that is not valid UTF-8) is printed with
    escapes instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _never_fail_on_output()
    word = command_word(argv)
    if word is not False and word in LIGHT_COMMANDS:
        parser = build_parser(LIGHT_COMMANDS[word])
    elif word is False and "--version" in argv and not {"-h", "--help"} & set(argv):
        parser = build_parser(())  # the version needs no command module
    else:
        parser = build_parser(COMMAND_MODULES)  # help, or a mistake: every command listed
    args = parser.parse_args(argv)
    setup_logging(logging.DEBUG if args.verbose else logging.INFO, to_stderr=args.verbose)
    if args.command is None:
        from reader.ui.launch import run_gui  # Qt only when the GUI is asked for
        return run_gui(workspace=args.workspace)
    try:
        return _run(args)
    finally:
        _warn_untold()


def _warn_untold() -> None:
    """Say what is wrong with the workspace's shared files, when no output said it yet."""
    from reader.cli.common import untold_problems

    with contextlib.suppress(ReaderError, OSError):
        for line in untold_problems():
            print(f"policy-reader: warning: {line}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"policy-reader: {exc}", file=sys.stderr)
        return 2
    except ReaderError as exc:
        log.info("command failed: %s", exc)
        print(f"policy-reader: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("policy-reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a disk failure no module turned into a ReaderError: still one line
        from reader.cli.common import os_error_line

        log.error("command failed on a file system error", exc_info=True)
        print(f"policy-reader: {os_error_line(exc)}", file=sys.stderr)
        return 1
