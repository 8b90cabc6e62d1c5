"""Entities and their lists: registered domains, URL prefixes, handles, list files."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from governance.findings import Location
from governance.lint.entity_lists import entity_list_path, read_entity_list
from governance.text import entities
from governance.text.entities import (
    ENTITY_KINDS,
    EntityList,
    find_entities,
    host_of,
    link_entity,
    registered_domain,
)


@pytest.mark.parametrize(("host", "domain"), [
    ("docs.k8s.io", "k8s.io"),
    ("K8S.IO", "k8s.io"),
    ("k8s.io.evil.com", "evil.com"),
    ("kubernetes.github.io", "kubernetes.github.io"),  # a private suffix: one site per user
    ("a.b.co.uk", "b.co.uk"),
    ("xn--e1afmkfd.xn--p1ai", "пример.рф"),
    ("127.0.0.1", "127.0.0.1"),
    ("localhost", "localhost"),
])
def test_registered_domains(host: str, domain: str) -> None:
    assert registered_domain(host_of(host)) == domain


def test_a_domain_list_matches_every_host_under_its_domains() -> None:
    allowed = EntityList("domain", ["k8s.io", "https://kubernetes.github.io/blog"])
    inside = ["https://docs.k8s.io/setup", "http://K8S.io/", "kubernetes.github.io/x"]
    outside = ["https://k8s.io.evil.example/", "https://attacker.github.io/", "evil-k8s.io/x"]
    assert all(link_entity("domain", url) in allowed for url in inside)
    assert not any(link_entity("domain", url) in allowed for url in outside)


def test_a_url_list_covers_pages_below_an_entry_at_a_path_boundary() -> None:
    denied = EntityList("url", ["https://www.github.com/kubernetes", "bit.ly/"])
    assert link_entity("url", "https://github.com/kubernetes/website/pulls") in denied
    assert link_entity("url", "github.com/kubernetes?tab=repos") in denied
    assert link_entity("url", "https://bit.ly/3xYz") in denied
    assert link_entity("url", "https://github.com/kubernetes-sigs") not in denied


def test_handles_and_hashtags_compare_without_sigil_or_case() -> None:
    text = "Thanks @KubernetesIO and ＠sig_docs! #KubeCon #k8s mail me@example.com"
    mentions = find_entities("mention", text)
    assert [(e.value, e.key) for e in mentions] == [("KubernetesIO", "kubernetesio"),
                                                    ("sig_docs", "sig_docs")]
    assert all(text[e.start:e.end].lstrip("@＠") == e.value for e in mentions)
    roster = EntityList("mention", ["@kubernetesio"])
    assert [e in roster for e in mentions] == [True, False]
    tags = EntityList("hashtag", ["#kubecon"])
    assert [e.value for e in find_entities("hashtag", text) if e not in tags] == ["k8s"]


def test_domains_in_a_text_come_from_its_links() -> None:
    text = "Docs: https://docs.k8s.io/setup, slides at kubernetes.github.io/x."
    assert [(e.value, e.key) for e in find_entities("domain", text)] == [
        ("docs.k8s.io", "k8s.io"), ("kubernetes.github.io", "kubernetes.github.io")]


def test_the_suffix_list_is_the_bundled_one_nothing_fetched_nothing_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the suffix list must not be fetched")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    for variable in ("HOME", "XDG_CACHE_HOME", "TLDEXTRACT_CACHE"):
        monkeypatch.setenv(variable, str(tmp_path))
    entities._suffixes.cache_clear()
    entities._registered.cache_clear()
    try:
        assert registered_domain("docs.k8s.io") == "k8s.io"
        assert registered_domain("blog.example.co.jp") == "example.co.jp"
    finally:
        entities._suffixes.cache_clear()
        entities._registered.cache_clear()
    assert list(tmp_path.iterdir()) == []


@given(st.text(max_size=80), st.sampled_from(ENTITY_KINDS))
def test_entities_of_any_text_lie_inside_it(text: str, kind: entities.EntityKind) -> None:
    for entity in find_entities(kind, text):
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.key


@given(st.text(max_size=60))
def test_any_list_entry_or_link_field_is_read_without_error(value: str) -> None:
    for kind in ENTITY_KINDS:
        EntityList(kind, [value])
        if kind in ("domain", "url"):
            link_entity(kind, value)


def test_list_file_entries_comments_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "handles.txt"
    path.write_text("# accounts we mention\n\nkubernetesio  # the project\n@K8sContributors\n"
                    "sig docs\n#\n", encoding="utf-8")
    where = Location("content.yaml", 3, 5)
    entries, findings = read_entity_list(path, "mention", where)
    assert entries == ["kubernetesio", "@K8sContributors"]
    assert [(f.location, f.message) for f in findings] == [
        (Location(str(path), 5, 1), "'sig docs' holds a space; one mention a line")]
    tags = tmp_path / "tags.txt"
    tags.write_text("#kubecon\n#k8s # the short one\n", encoding="utf-8")
    assert read_entity_list(tags, "hashtag", where)[0] == ["#kubecon", "#k8s"]


def test_list_files_missing_or_empty_are_findings_at_the_rule(tmp_path: Path) -> None:
    where = Location("content.yaml", 3, 5)
    (tmp_path / "empty.txt").write_text("# nothing yet\n", encoding="utf-8")
    for name, message in (("none.txt", "not found"), ("empty.txt", "holds no entries")):
        entries, findings = read_entity_list(tmp_path / name, "domain", where)
        assert entries == [] and [f.location for f in findings] == [where]
        assert message in findings[0].message


def test_list_files_stay_inside_the_policy(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    (policy / "rules").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("x\n", encoding="utf-8")
    (policy / "link.txt").symlink_to(tmp_path / "secret.txt")
    declaring = str(policy / "rules" / "content.yaml")
    assert entity_list_path(declaring, "../handles.txt", policy) == (
        policy / "rules" / ".." / "handles.txt", "")
    for name, why in (("../../secret.txt", "outside"), ("/etc/hosts", "not absolute"),
                      ("../link.txt", "outside")):
        path, message = entity_list_path(declaring, name, policy)
        assert path is None and why in message
