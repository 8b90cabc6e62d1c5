"""Whatever the text, loading a policy yields findings, never an exception, and never writes.

Valid policy text is mutated (characters deleted, inserted or replaced, lines
duplicated or swapped, random Unicode spliced in) and also generated from
scratch; ``load_policy`` must return, and the file must be byte-identical after.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.loader import load_policy

VALID = (Path(__file__).parents[1] / "policy_rules" / "base.yaml").read_text(encoding="utf-8")
YAMLISH = st.sampled_from([*":-[]{},&*!|>'\"#%@`?\t\n ", "<<: ", "- ", "\n  ", "~",
                           "\ufeff", "\x00", "\u2028"])
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=8) | YAMLISH


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "duplicate", "swap"]))
        if action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif action == "insert":
            text = text[:at] + draw(TEXT) + text[at:]
        elif action == "replace":
            text = text[:at] + draw(TEXT) + text[at + 1:]
        else:
            lines = text.splitlines(keepends=True)
            i, j = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
            if action == "duplicate":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
    return text


def load_without_raising(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "policy.yaml"
        path.write_bytes(content)
        before = path.stat().st_mtime_ns
        result = load_policy(path)
        assert result.policy is not None or result.findings
        assert path.read_bytes() == content
        assert path.stat().st_mtime_ns == before
        assert sorted(p.name for p in Path(folder).iterdir()) == ["policy.yaml"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_policies_load_to_findings(text: str) -> None:
    load_without_raising(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(
    lambda t: t.encode("utf-8", errors="surrogatepass")))
def test_arbitrary_bytes_load_to_findings(content: bytes) -> None:
    load_without_raising(content)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=64))
def test_corrupted_bytes_in_a_valid_policy_load_to_findings(noise: bytes) -> None:
    raw = VALID.encode("utf-8")
    middle = len(raw) // 2
    load_without_raising(raw[:middle] + noise + raw[middle:])
