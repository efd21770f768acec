"""policytag: tag the clauses of Chinese work-safety policy notices by sector and measure type."""

from pathlib import Path

__version__ = "0.1.0"

#: The parent of the package directory: the repository root in a checkout / editable install,
#: site-packages once installed. For tests and scripts run from a checkout only; runtime code
#: finds package data and user state through ``policytag.paths``.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class PolicytagError(Exception):
    """An error with a one-line, user-facing message (the CLI prints it without a traceback).

    ``exit_code`` is what the CLI exits with: 1 for data errors (bad input file, corrupt run),
    2 for usage/config errors (see ``UsageError``).
    """

    exit_code = 1


class UsageError(PolicytagError):
    """Bad command-line usage or option combination (exit code 2)."""

    exit_code = 2


class ConfigError(UsageError):
    """An invalid config file: unknown key, wrong type, out-of-range value (exit code 2).

    The message names the file and the dotted key, e.g. ``configs/x.yaml: model.params.ngram_rang:
    unknown key``.
    """
