"""The short names the extraction probes (tests/test_extract_probe10.py onwards) write their expected readings
with: the notice year the cases are read in, and one alias per ``Deadline.kind`` (the names docs/tagging.md
gives under "Deadlines"). One module, so a probe names the kinds as the others do and a renamed kind is renamed
once."""

from __future__ import annotations

Y = 2026  # the notice year every probe's cases are read in

YE, P, M, D, F = "by_end_of_year", "by_end_of_period", "by_end_of_month", "by_date", "effective_from"
WD, WM, WY, R, BE = "within_days", "within_months", "within_years", "recurring", "before_event"
H, MIN, WYR = "within_hours", "within_minutes", "within_year"

__all__ = ["Y", "YE", "P", "M", "D", "F", "WD", "WM", "WY", "R", "BE", "H", "MIN", "WYR"]
