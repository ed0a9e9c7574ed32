"""The review policy: how long a record may go without an expert check, in one place.

Used at build time (record pages show a note when a record is overdue, and carry the due date
for the small script that compares it with the reader's date on sites built long ago) and by the
curator command (``python -m scripts.wijkengids verouderd``).
"""
from __future__ import annotations

import calendar
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime

#: A record whose last review (field ``reviewed``) is older than this is overdue for a new check.
REVIEW_MONTHS = 24


def build_date(environ: Mapping[str, str] | None = None) -> date:
    """The day a build stands for: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    environ = os.environ if environ is None else environ
    epoch = (environ.get("SOURCE_DATE_EPOCH") or "").strip()
    if epoch.lstrip("-").isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


def parse_date(value: str | date) -> date:
    """'2026-11-01' (as the schema requires) -> date; a date stays a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def add_months(day: date, months: int) -> date:
    """Calendar months later; the 31st becomes the last day of a shorter month."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(reviewed: str | date, months: int = REVIEW_MONTHS) -> date:
    """The last day on which the review still counts as recent."""
    return add_months(parse_date(reviewed), months)


def is_overdue(reviewed: str | date, today: date, months: int = REVIEW_MONTHS) -> bool:
    """True when the review is *more* than ``months`` calendar months before ``today``.

    Reviewed on 2024-11-22: still fine on 2026-11-22, overdue from 2026-11-23.
    """
    return today > review_due(reviewed, months)
