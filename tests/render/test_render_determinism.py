"""Same policy, same bytes: for every format, even when the clock moves between runs."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from render_helpers import DATA, load

from governance.render import (
    POLICY_FORMATS,
    RACI_FORMATS,
    RenderOptions,
    render_policy,
    render_raci,
)

CASES = [("policy", fmt) for fmt in POLICY_FORMATS] + [("raci", fmt) for fmt in RACI_FORMATS]


def render(what: str, fmt: str) -> bytes:
    loaded = load(DATA / "full")
    function = render_policy if what == "policy" else render_raci
    return function(loaded, fmt, RenderOptions(lang="ru"))


@pytest.mark.parametrize(("what", "fmt"), CASES, ids=[f"{w}-{f}" for w, f in CASES])
def test_two_runs_give_identical_bytes(what: str, fmt: str, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    first = render(what, fmt)
    later = time.time() + 400 * 86400  # zip entries and Office properties would show this
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(later))
    assert render(what, fmt) == first


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_office_files_carry_the_effective_date_as_their_only_time(fmt: str) -> None:
    data = render("policy" if fmt == "docx" else "raci", fmt)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stamps = {info.date_time for info in archive.infolist()}
        core = archive.read("docProps/core.xml").decode()
    assert stamps == {(2027, 3, 1, 0, 0, 0)}
    assert core.count("2027-03-01T00:00:00Z") >= 2  # created and modified


def test_git_commit_is_the_only_optional_stamp() -> None:
    loaded = load(DATA / "full")
    plain = render_policy(loaded, "md", RenderOptions(lang="en")).decode()
    stamped = render_policy(loaded, "md", RenderOptions(lang="en", git_commit="abc123")).decode()
    assert "abc123" not in plain
    assert "- Policy source: commit abc123." in stamped
