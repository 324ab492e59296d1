"""The command line. With no command, the desktop app opens.

Results go to stdout, progress and errors to stderr. Exit codes: 0 success, 1 a
``ReaderError`` (explained on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from reader import __version__
from reader.errors import ReaderError, UsageError
from reader.log import setup_logging

log = logging.getLogger(__name__)

#: Each module exposes ``register(subparsers)`` and sets ``func`` on its parsers.
COMMAND_MODULES = (
    "reader.cli.library_cmds",
    "reader.cli.search_cmd",
    "reader.cli.annotation_cmds",
    "reader.cli.brief_cmd",
    "reader.cli.app_cmds",
)


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(logging.DEBUG if args.verbose else logging.INFO, to_stderr=args.verbose)
    if args.command is None:
        from reader.ui.launch import run_gui  # Qt only when the GUI is asked for
        return run_gui(workspace=args.workspace)
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
