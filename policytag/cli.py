"""The ``policytag`` command: a thin layer that parses arguments and calls the modules.

Each area registers its own sub-commands through a ``register(subparsers)`` function in a small
``cli`` module, so heavy imports (torch, Label Studio) happen only when that command runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from policytag import PolicytagError, __version__

# (module, attribute) pairs; each register() adds one or more sub-commands.
COMMAND_MODULES = [
    "policytag.corpus.cli",
    "policytag.annotation.cli",
    "policytag.models.cli",
    "policytag.training.cli",
    "policytag.inference.cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policytag",
        description="Tag the clauses of Chinese work-safety policy notices by sector and measure type.",
    )
    parser.add_argument("--version", action="version", version=f"policytag {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # area not built yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except PolicytagError as exc:
        print(f"policytag: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("policytag: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
