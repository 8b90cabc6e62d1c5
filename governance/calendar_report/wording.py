"""The report's wording: its own message catalogue per language, and the rules' explanations.

The catalogues (``messages/en.yaml``, ``messages/ru.yaml``) have the shape of
the policy document's (``governance.render.i18n``) and are read the same way,
so plural forms, dates and percentages follow the language.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from babel import Locale

from governance.models.policy import Policy
from governance.render.i18n import Catalogue, flatten

MESSAGES_DIR = Path(__file__).resolve().parent / "messages"


@functools.cache
def catalogue(lang: str) -> Catalogue:
    with (MESSAGES_DIR / f"{lang}.yaml").open(encoding="utf-8") as handle:
        tree = yaml.safe_load(handle)
    return Catalogue(lang, flatten(tree), Locale.parse(lang))


def rule_explanations(policy: Policy | None) -> dict[str, str]:
    """Rule id -> the one-line explanation of what the rule asks, for every known rule.

    The single place the report learns about rules; rules declared in the policy
    are included with their own messages.
    """
    from governance.rules.catalogue import Catalogue

    return {info.id: info.summary for info in Catalogue(policy, build=False).infos()}
