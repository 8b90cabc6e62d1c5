"""What a rule is: a small module with an id, a summary, docs and a pure ``check``.

A rule module defines::

    ID = "raci.one-accountable"          # stable; never renumbered
    SUMMARY = "Every activity has exactly one Accountable role."
    SEVERITY = Severity.ERROR            # default; a policy may override it
    SOURCE = "38-FZ art. 18.1"           # where the rule comes from: an article, a law
    TARGET = "policy"                    # policy | post | calendar
    def check(...) -> Iterator[Problem]  # pure: no I/O, no printing, no formats
    def prepare(ctx) -> bool             # optional (post, calendar): anything to check?
    FIELDS = ("text", "kind")            # optional (calendar): the post fields it reads
    COST = 7.0                           # optional (post, calendar): µs a post, typically

and its module docstring is its user documentation, with a failing and a passing
example. ``Rule.from_module`` reads those names and keeps ``prepare``,
``FIELDS`` and ``COST`` on the rule; ``governance.rules.catalogue`` lists the modules
explicitly. Rules yield ``Problem`` (what and where in the data); the runner turns
problems into ``Finding`` (severity after overrides, file position, waivers).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Literal

from governance.findings import Severity
from governance.models.channels import Channel
from governance.models.policy import Policy
from governance.models.post import Post
from governance.source import DataPath

Target = Literal["policy", "post", "calendar"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a rule found, located in the data rather than in a file."""

    message: str
    path: DataPath = ()  # policy rules: where in the policy
    key: bool = False  # point at the key rather than the value
    post: Post | None = None  # post rules: the post
    field: str = ""  # post rules: the field of the post
    posts: Sequence[Post] = ()  # calendar rules: the posts involved
    channel: str = ""
    data: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class PolicyContext:
    """What a policy rule sees: the validated policy and the date it is judged on."""

    policy: Policy
    today: dt.date


@dataclass
class LintContext:
    """What post and calendar rules see. Built once per run by the lint engine.

    ``channels`` maps channel id -> channel; ``cache`` holds what rules compile
    once per run (term matchers, patterns), keyed by rule id.
    """

    policy: Policy
    today: dt.date
    timezone: dt.tzinfo
    channels: dict[str, Channel] = dataclasses.field(default_factory=dict)
    cache: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    severity: Severity
    source: str
    target: Target
    #: The user documentation, or what writes it when ``doc`` is first read: a
    #: declared rule's quotes its examples as YAML, which ``check`` and lint never show.
    documentation: str | Callable[[], str]
    check: Callable[..., Iterator[Problem]]
    declared: bool = False  # declared in a policy's YAML rather than shipped in Python
    #: Compiles what the rule needs into ``ctx.cache``; False: nothing to check here.
    prepare: Callable[[LintContext], bool] | None = None
    #: The post fields a calendar rule reads; None: it may read any of them.
    fields: frozenset[str] | None = None
    #: Post fields without which the rule cannot judge a post (``REQUIRES``): a
    #: calendar that lacks one altogether skips the rule, with one notice.
    requires: frozenset[str] = frozenset()
    #: Typical microseconds a post (``COST``; ``benchmarks/rule_costs.py`` measures
    #: it): lets two processes share a lint run's rules evenly. Nothing else reads it.
    cost: float = 1.0

    @functools.cached_property
    def doc(self) -> str:
        """The user documentation, with a failing and a passing example."""
        text = self.documentation
        return text if isinstance(text, str) else text()

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        missing = [n for n in ("ID", "SUMMARY", "SEVERITY", "SOURCE", "TARGET", "check")
                   if not hasattr(module, n)]
        if missing or not module.__doc__:
            raise TypeError(f"rule module {module.__name__} lacks {missing or ['a docstring']}")
        return cls(
            id=module.ID,
            summary=module.SUMMARY,
            severity=module.SEVERITY,
            source=module.SOURCE,
            target=module.TARGET,
            documentation=functools.partial(inspect.cleandoc, module.__doc__),
            check=module.check,
            prepare=getattr(module, "prepare", None),
            fields=frozenset(module.FIELDS) if hasattr(module, "FIELDS") else None,
            requires=frozenset(getattr(module, "REQUIRES", ())),
            cost=float(getattr(module, "COST", 1.0)),
        )
