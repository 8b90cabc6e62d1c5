"""The acknowledgement form staff sign, last in the document (``--acknowledgement-form``).

One row per person of the staff register, with the version they last
acknowledged, and empty date and signature cells; a policy without a register
gets blank rows to fill in by hand.
"""

from __future__ import annotations

from governance.models.policy import Policy
from governance.render.document import Paragraph, Section, Table
from governance.render.i18n import Catalogue

ANCHOR = "acknowledgement"
#: Rows to fill in by hand when the policy has no staff register.
BLANK_ROWS = 8


def acknowledgement_section(policy: Policy, t: Catalogue) -> Section:
    organisation = policy.organisation
    statement = t("acknowledgement.statement",
                  organisation=organisation.name if organisation else "",
                  version=organisation.policy_version if organisation else "",
                  date=t.date(organisation.effective_date) if organisation else "")
    titles = {role.id: role.title for role in policy.roles}
    header = (t("acknowledgement.name"), t("acknowledgement.roles"),
              t("acknowledgement.acknowledged"), t("acknowledgement.date"),
              t("acknowledgement.signature"))
    rows = tuple((person.name, ", ".join(titles.get(r, r) for r in person.roles),
                  person.acknowledged_version or "", "", "") for person in policy.people)
    # A blank "signature" column would be dropped by ``table()``: build the Table directly.
    table = Table(header, rows or tuple(("", "", "", "", "") for _ in range(BLANK_ROWS)))
    return Section(ANCHOR, t("acknowledgement.title"), (Paragraph(" ".join(statement.split())),
                                                        table))
