"""Mentions, hashtags, links and domains in a post, and the lists they are checked against.

An :class:`Entity` keeps what the post says (``value``: a handle or hashtag
without its ``@``/``#``, a URL, a host) and what is compared (``key``):

``mention``, ``hashtag``
    the handle or tag, case-folded (``@Kubernetesio`` is ``@kubernetesio``);
``domain``
    the *registered* domain of the link's host, by the Public Suffix List, private
    suffixes included: ``docs.k8s.io`` is under ``k8s.io``, while
    ``kubernetes.github.io`` and ``attacker.github.io`` are two different sites;
``url``
    the link without its scheme and ``www.``, host case-folded, trailing ``/``
    dropped; a list entry matches that URL and every URL below it
    (``github.com/kubernetes`` covers ``github.com/kubernetes/website`` but not
    ``github.com/kubernetes-sigs``).

The Public Suffix List is the copy bundled with ``tldextract``: nothing is
fetched and nothing is cached on disk, so a lint run never touches the network
and gives the same answer wherever it runs. Hosts in punycode and in Unicode
compare equal.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol
from urllib.parse import urlsplit

from governance.text import twitter_text

if TYPE_CHECKING:
    from tldextract import TLDExtract

EntityKind = Literal["mention", "hashtag", "domain", "url"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("mention", "hashtag", "domain", "url")
_SIGILS = {"mention": "@＠", "hashtag": "#＃"}


class Extracted(Protocol):
    """What an extractor yields: the entity's text (without ``@``/``#``) and its offsets."""

    @property
    def value(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity of a text; ``start``/``end`` are code-point offsets into it."""

    kind: EntityKind
    value: str
    key: str
    start: int
    end: int


def extract(kind: Literal["mention", "hashtag", "url"], text: str) -> Sequence[Extracted]:
    """The mentions, hashtags or links of ``text``, exactly as X finds them.

    The one door to the extractor: every entity rule finds its entities here.
    """
    if kind == "url":
        return twitter_text.extract_urls(text)
    if kind == "mention":
        return twitter_text.extract_mentions(text)
    return twitter_text.extract_hashtags(text)


def find_entities(kind: EntityKind, text: str) -> list[Entity]:
    """The entities of ``kind`` in ``text``, in order; a domain is found in each link."""
    if kind in ("mention", "hashtag"):
        return [Entity(kind, e.value, e.value.casefold(), e.start, e.end)
                for e in extract(kind, text)]
    found = []
    for link in extract("url", text):
        entity = link_entity(kind, link.value, link.start, link.end)
        if entity is not None:
            found.append(entity)
    return found


def link_entity(kind: EntityKind, url: str, start: int = 0, end: int | None = None
                ) -> Entity | None:
    """The ``domain`` or ``url`` entity of one link (a link field holds one); None
    when it has no host."""
    host = host_of(url)
    if not host:
        return None
    stop = len(url) if end is None else end
    if kind == "domain":
        return Entity(kind, host, registered_domain(host), start, stop)
    return Entity(kind, url.strip(), url_key(url), start, stop)


def entry_key(kind: EntityKind, entry: str) -> str:
    """A list entry as compared: the same normalisation as the entities it stands for."""
    entry = entry.strip()
    if kind in _SIGILS:
        return entry.lstrip(_SIGILS[kind]).casefold()
    if kind == "domain":
        host = host_of(entry)
        return registered_domain(host) if host else ""
    return url_key(entry)


def host_of(url: str) -> str:
    """The host of a URL written with or without a scheme, case-folded, in Unicode."""
    text = url.strip()
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:  # a malformed port or IPv6 literal
        return ""
    return _unicode_host(host.rstrip("."))


def url_key(url: str) -> str:
    """``url`` without scheme, ``www.`` and trailing ``/``; host case-folded."""
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    if not sep or "/" in scheme:
        rest = text
    rest = rest.lstrip("/")
    cut = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    host = _unicode_host(rest[:cut].rstrip("."))
    host = host.removeprefix("www.")
    return (host + rest[cut:]).rstrip("/")


def registered_domain(host: str) -> str:
    """The domain registered under a public suffix (``docs.k8s.io`` -> ``k8s.io``);
    the host itself when it has none (an IP address, ``localhost``)."""
    return _registered(host.casefold())


@functools.lru_cache(maxsize=8192)
def _registered(host: str) -> str:
    return _suffixes()(host).top_domain_under_public_suffix or host


@functools.cache
def _suffixes() -> TLDExtract:
    # Imported on first use: only domain rules pay for loading the suffix list.
    from tldextract import TLDExtract

    return TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@functools.lru_cache(maxsize=8192)
def _unicode_host(host: str) -> str:
    host = host.casefold()
    if "xn--" not in host:
        return host
    try:
        return ".".join(label.encode("ascii").decode("idna") if label.startswith("xn--")
                        else label for label in host.split("."))
    except UnicodeError:
        return host


class EntityList:
    """Entries of an allow or deny list, matched as :func:`entry_key` says."""

    def __init__(self, kind: EntityKind, entries: Iterable[str]) -> None:
        self.kind = kind
        self._keys = frozenset(key for key in (entry_key(kind, e) for e in entries) if key)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, entity: Entity) -> bool:
        key = entity.key
        if key in self._keys:
            return True
        if self.kind != "url":
            return False
        # A URL is covered by an entry for any page above it, cut at a path boundary.
        return any(char in "/?#" and key[:index] in self._keys
                   for index, char in enumerate(key))
