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
import contextlib
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


def _subparser(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser | None:
    """The sub-command's parser (``policytag tag``), or None."""
    for action in parser._actions:  # argparse keeps sub-parsers only in this (private) list
        if isinstance(action, argparse._SubParsersAction):
            return action.choices.get(command) if command else None
    return None


def _unrecognized(parser: argparse.ArgumentParser, command: str | None, extras: list[str]) -> str:
    """``tag: unrecognized arguments: --yeer 2027 (did you mean --year?) (see policytag tag --help)``:
    argparse reports a sub-command's unknown option from the top-level parser, naming neither the
    sub-command nor the option meant."""
    import difflib

    target = _subparser(parser, command) or parser
    known = [o for action in target._actions for o in action.option_strings if o.startswith("--")]
    guesses = []
    for extra in extras:
        if extra.startswith("-"):
            guesses += difflib.get_close_matches(extra.split("=", 1)[0], known, n=1, cutoff=0.6)
    hint = f" (did you mean {', '.join(dict.fromkeys(guesses))}?)" if guesses else ""
    where = f"{command}: " if target is not parser else ""
    return f"{where}unrecognized arguments: {' '.join(extras)}{hint} (see {target.prog} --help)"


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
    # (an OSError raised with a message only, OSError("disk full"), has no strerror: say its message)
    why = exc.strerror or str(exc) or type(exc).__name__
    return f"{name}: {why}" if name else f"input/output error: {why}"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv[: argv.index("--")] if "--" in argv else "--debug" in argv
    debug = debug or os.environ.get("POLICYTAG_DEBUG", "") not in ("", "0")
    try:
        parser = build_parser()
        args, extras = parser.parse_known_args(argv)
        if extras:
            raise UsageError(_unrecognized(parser, getattr(args, "command", None), extras))
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        from policytag.paths import runs_dir_set

        with runs_dir_set(args.runs_dir) if getattr(args, "runs_dir", None) else contextlib.nullcontext():
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
