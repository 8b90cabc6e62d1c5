"""A post's ``channel`` cell -> a channel id of the policy.

Calendars name a channel by its id (``brand-vk``) or, when the company has one
account on a network, by the network (``vk``, ``twitter``). Each distinct cell
value is resolved once per run, so 100,000 posts cost a dictionary lookup each.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from governance.models.channels import Channel
from governance.models.common import Network


class ChannelResolver:
    """Resolves channel names; remembers every answer, including the failures."""

    def __init__(self, channels: Iterable[Channel]) -> None:
        channels = list(channels)
        self._ids = {c.id: c.id for c in channels}
        self._by_network: dict[Network, list[str]] = {}
        for channel in channels:
            self._by_network.setdefault(channel.network, []).append(channel.id)
        self._answers: dict[str, tuple[str, str]] = {}
        #: Cell value -> channel id, for every value resolved so far.
        self.known: dict[str, str] = {}

    def resolve(self, name: str) -> tuple[str, str]:
        """``(channel id, "")`` when ``name`` is known, else ``("", why not)``."""
        answer = self._answers.get(name)
        if answer is None:
            answer = self._answers[name] = self._lookup(name)
            if answer[0]:
                self.known[name] = answer[0]
        return answer

    def _lookup(self, name: str) -> tuple[str, str]:
        cleaned = name.strip()
        if not cleaned:
            return "", "no channel (set one, or calendar.default_channel in the policy)"
        found = self._ids.get(cleaned) or self._ids.get(cleaned.lower())
        if found:
            return found, ""
        network = _network(cleaned)
        candidates = self._by_network.get(network, []) if network else []
        if len(candidates) == 1:
            return candidates[0], ""
        if candidates:
            return "", (f"network {cleaned!r} has {len(candidates)} channels "
                        f"({', '.join(sorted(candidates))}); name the channel id")
        return "", f"unknown channel {cleaned!r}{self._suggestion(cleaned)}"

    def _suggestion(self, name: str) -> str:
        known = sorted(self._ids) + sorted(n.value for n in self._by_network)
        if not known:
            return " (the policy declares no channels)"
        hint = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
        if hint:
            return f" (did you mean {hint[0]!r}?)"
        return f" (channels: {', '.join(sorted(self._ids))})"


def _network(name: str) -> Network | None:
    try:
        return Network(name)
    except ValueError:
        return None
