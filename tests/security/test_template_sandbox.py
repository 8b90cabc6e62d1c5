"""User templates (``--templates``) render in Jinja2's sandbox: they lay out, they run nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from security_helpers import example_policy, run

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "{{ doc.__class__.__init__.__globals__ }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ t.__class__.__mro__ }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_a_template_cannot_reach_python_internals(tmp_path: Path, source: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    policy = example_policy(tmp_path)
    templates = tmp_path / "templates" / "policy"
    templates.mkdir(parents=True)
    (templates / "policy.md.j2").write_text(source + "\n", encoding="utf-8")
    code, out, err = run("render", "policy", "--policy", policy, "--format", "md",
                         "--templates", templates.parent)
    assert code == 2, out
    assert err.startswith("governance: error: ") and "template error" in err
    assert err.count("\n") == 1
    assert "<class" not in out + err
    assert not (tmp_path / "PWNED").exists()


def test_an_ordinary_override_still_renders(tmp_path: Path) -> None:
    policy = example_policy(tmp_path)
    templates = tmp_path / "templates" / "policy"
    templates.mkdir(parents=True)
    (templates / "policy.md.j2").write_text(
        "# {{ doc.title }}\n{% for s in doc.sections %}- {{ s.title }}\n{% endfor %}",
        encoding="utf-8")
    code, out, err = run("render", "policy", "--policy", policy, "--format", "md",
                         "--templates", templates.parent)
    assert code == 0, err
    assert out.startswith("# ") and "\n- " in out
