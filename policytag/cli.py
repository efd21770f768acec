"""The ``policytag`` command: a thin layer that parses arguments and calls the modules.

Each area registers its own sub-commands through a ``register(subparsers)`` function in a small
``cli`` module, so heavy imports (torch, Label Studio) happen only when that command runs.

This module is also the one error path of the whole CLI: every failure ends here and is printed as
one line, ``policytag: error: <what>: <why>``. Exit codes: 2 for usage and config errors
(``UsageError``/``ConfigError``, argparse option errors), 1 for data errors (``PolicytagError``,
``OSError``) and for unexpected exceptions, which print one line plus a hint to rerun with
``--debug`` (or ``POLICYTAG_DEBUG=1``) for the traceback; 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from policytag import PolicytagError, UsageError, __version__

# modules whose register(subparsers) adds one or more sub-commands
COMMAND_MODULES = [
    "policytag.corpus.cli",
    "policytag.annotation.cli",
    "policytag.models.cli",
    "policytag.models.hub_cli",
    "policytag.training.cli",
    "policytag.inference.cli",
    "policytag.backend.cli",
]


class ArgumentParser(argparse.ArgumentParser):
    """argparse whose option errors are one-line ``UsageError``s (exit 2) instead of usage + message.

    Sub-parsers inherit the class (``add_subparsers`` uses ``type(self)``), so every sub-command's
    option errors take the same path.
    """

    def error(self, message: str):  # type: ignore[override]
        where = self.prog.split(" ", 1)[1] if " " in self.prog else ""  # "policytag tag" -> "tag"
        raise UsageError(f"{where + ': ' if where else ''}{message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="policytag",
        description="Tag the clauses of Chinese work-safety policy notices by sector and measure type.",
    )
    parser.add_argument("--version", action="version", version=f"policytag {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the Python traceback of an unexpected error (also: POLICYTAG_DEBUG=1)")
    parser.add_argument("--runs-dir", metavar="DIR",
                        help="where runs are written and searched, incl. the default-model cache "
                             "(default: $POLICYTAG_RUNS, else runs/ in a checkout, else the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        # every area ships with the package: a missing module is a packaging error and must say so
        importlib.import_module(name).register(sub)
    return parser


def _fail(message: str) -> None:
    # one line whatever the exception text (or a file name in it) holds: newlines are escaped
    from policytag.errors import one_line

    print("policytag: error: " + one_line(message), file=sys.stderr)


def _os_error(exc: OSError) -> str:
    # "<what>: <why>" even when the OS error names no file (ENOSPC on a flush, a socket …)
    name = exc.filename if exc.filename is not None else ""
    why = exc.strerror or type(exc).__name__
    return f"{name}: {why}" if name else f"input/output error: {why}"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv[: argv.index("--")] if "--" in argv else "--debug" in argv
    debug = debug or os.environ.get("POLICYTAG_DEBUG", "") not in ("", "0")
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if getattr(args, "runs_dir", None):
            from policytag.paths import set_runs_dir

            set_runs_dir(args.runs_dir)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        code = int(args.func(args) or 0)
        from policytag.io import write_stdout

        write_stdout("")  # flush here: a full disk or `> /dev/full` is then one "<stdout>:" line, not an exit-time error
        return code
    except PolicytagError as exc:
        if debug:
            raise
        _fail(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        print("policytag: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `policytag tag … | head`: the reader went away; not an error worth a message
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 1
    except OSError as exc:
        if debug:
            raise
        _fail(_os_error(exc))
        return 1
    except SystemExit:
        raise  # --help / --version, or a sub-command that exits itself
    except Exception as exc:  # noqa: BLE001 - the one place unexpected errors become one line
        if debug:
            raise
        detail = " ".join(str(exc).split())[:200]
        _fail(f"unexpected {type(exc).__name__}" + (f": {detail}" if detail else "")
              + " (a bug; run with --debug for the traceback)")
        return 1


if __name__ == "__main__":
    sys.exit(main())
