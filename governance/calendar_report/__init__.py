"""The calendar as a page: ``governance lint --format html`` (one self-contained HTML file).

A month grid per channel with every planned post coloured by its worst finding,
a heat map of posts per day and channel against the cadence limits, the promo
and link shares over the policy's rolling window, the content mix, and the
findings table, filterable by severity, rule and channel (``?rule=ID``,
``?severity=``, ``?channel=``, ``?post=`` preselect the filters).

Nothing is fetched when the page is viewed: styles, the small filter script and
the charts (SVG) are inline, and a Content-Security-Policy allows no other
script than that one, so even text that slipped past escaping could not run.
The same calendar and policy always give byte-identical pages.
"""

from __future__ import annotations

import base64
import hashlib

from governance.report import Report

TEMPLATE = "report/report.html.j2"


def render(report: Report, colour: bool = False) -> str:
    """The HTML page of a report; the calendar's grid and charts when the run kept its plan."""
    # Imported here: the formatter table is read by every command, the page by few.
    from markupsafe import Markup

    from governance.calendar_report.grid import STATES
    from governance.calendar_report.view import build_view
    from governance.calendar_report.wording import catalogue
    from governance.render.templating import environment, shipped_templates

    del colour  # a page has its own colours
    view = build_view(report, report.plan)
    words = catalogue(view.lang)
    script = (shipped_templates() / "report" / "filter.js").read_text(encoding="utf-8").strip()
    style = (shipped_templates() / "report" / "report.css").read_text(encoding="utf-8").strip()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return environment().get_template(TEMPLATE).render(
        view=view, words=words, legend=tuple(reversed(STATES)),
        shown_template=words("findings.shown", shown="{shown}", total="{total}"),
        script=Markup(script), style=Markup(style), script_hash=f"sha256-{digest}")
