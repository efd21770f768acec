"""policytag: tag the clauses of Chinese work-safety policy notices by sector and measure type."""

from pathlib import Path

__version__ = "0.1.0"

#: Repository root when running from a checkout / editable install (configs/, data/ live here).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class PolicytagError(Exception):
    """An error with a one-line, user-facing message (the CLI prints it without a traceback)."""
