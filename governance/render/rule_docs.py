"""``governance rules`` and ``governance explain``: the rule catalogue as text, JSON or Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from governance.rules.catalogue import RuleInfo

RULES_FORMATS = ("text", "json", "markdown")
#: Bump on any incompatible change of the JSON rule list.
RULES_JSON_VERSION = 1


def _severity(info: RuleInfo) -> str:
    return info.severity.label if info.severity else "off"


def _state(info: RuleInfo) -> str:
    if info.enabled is None:
        return ""
    return info.effective.label if info.effective else "off"


def _origin(info: RuleInfo) -> str:
    if info.target == "review":
        return "shipped, run by governance review"
    return f"declared ({info.declared_in}.rules)" if info.declared else "shipped"


def rules_text(infos: Sequence[RuleInfo], with_policy: bool,
               input_ids: dict[str, str] | None = None) -> str:
    header = ["RULE", "TARGET", "DEFAULT"] + (["POLICY"] if with_policy else []) + ["SUMMARY"]
    rows = [[i.id, i.target, _severity(i)] + ([_state(i)] if with_policy else []) + [i.summary]
            for i in infos]
    widths = [max(len(row[c]) for row in [header, *rows]) for c in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
             + "  " + row[-1] for row in [header, *rows]]
    if input_ids:
        lines += input_ids_lines(input_ids)
    declared = sum(1 for i in infos if i.declared)
    lines.append(f"{len(infos)} rules ({len(infos) - declared} shipped, {declared} declared)")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def rule_dict(info: RuleInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "summary": info.summary,
        "default_severity": _severity(info),
        "target": info.target,
        "origin": "declared" if info.declared else "shipped",
        "declared_in": info.declared_in or None,
        "source": info.source or None,
        "enabled": info.enabled,
        "severity": _state(info) or None,
    }


def rules_json(infos: Sequence[RuleInfo], policy: str | None,
               input_ids: dict[str, str] | None = None) -> str:
    data: dict[str, Any] = {"version": RULES_JSON_VERSION, "policy": policy,
                            "rules": [rule_dict(info) for info in infos]}
    if input_ids is not None:
        data["input_ids"] = input_ids_json(input_ids)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def rules_markdown(infos: Sequence[RuleInfo], with_policy: bool) -> str:
    header = ["Rule", "Target", "Default"] + (["In this policy"] if with_policy else [])
    header += ["Summary"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for i in infos:
        cells = [f"`{i.id}`", i.target, _severity(i)] + ([_state(i)] if with_policy else [])
        cells += [_cell(i.summary)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _examples(title: str, examples: list[Any]) -> list[str]:
    if not examples:
        return []
    lines = ["", f"{title}::", ""]
    for example in examples:
        text = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
        lines.append(f"    {text}")
    return lines


def _declaration(info: RuleInfo) -> list[str]:
    """What the policy declares, for a declared rule the lint engine could not document."""
    rule = info.declaration
    if rule is None:
        return []
    lines = []
    if rule.description.strip():
        lines += [" ".join(rule.description.split()), ""]
    lines += [f"Message: {rule.message}"]
    lines += _examples("Fails", list(rule.examples.fail))
    lines += _examples("Passes", list(rule.examples.pass_))
    return lines


def explain_text(info: RuleInfo, wording: str = "") -> str:
    """A rule's documentation: id, summary, severities, source, its docs, its staff wording."""
    lines = [f"{info.id}: {info.summary}", "",
             f"Default severity: {_severity(info)}"]
    if info.enabled is not None:
        lines.append(f"In this policy: {_state(info)}")
    lines.append(f"Target: {info.target} ({_origin(info)})")
    if info.source:
        lines.append(f"Source: {' '.join(info.source.split())}")
    if info.declaration is not None:
        lines.append(f"Declared in the policy ({info.declared_in}.rules), "
                     f"type: {info.declaration.type}.")
    lines += ["", info.doc] if info.doc else ["", *_declaration(info)]
    if wording:
        lines += ["", f"In the staff policy: {wording}"]
    return "\n".join(lines).rstrip() + "\n"


INPUT_NOTE = ("A finding about the input itself (reading the policy, a calendar or another "
              "file it names), not a rule: it is not switched off or waived; fix the input.")


def input_ids_lines(input_ids: dict[str, str]) -> list[str]:
    """The ids of findings about the input, after the rules: id and summary."""
    width = max(len(rule_id) for rule_id in input_ids)
    lines = ["", "FINDINGS ABOUT THE INPUT".ljust(width) + "  SUMMARY"]
    lines += [f"{rule_id.ljust(width)}  {summary}" for rule_id, summary in
              sorted(input_ids.items())]
    return [*lines, ""]


def input_ids_markdown(input_ids: dict[str, str]) -> str:
    lines = ["", "| Finding about the input | Summary |", "| --- | --- |"]
    lines += [f"| `{rule_id}` | {_cell(summary)} |" for rule_id, summary in
              sorted(input_ids.items())]
    return "\n".join(lines) + "\n"


def input_ids_json(input_ids: dict[str, str]) -> list[dict[str, str]]:
    return [{"id": rule_id, "summary": summary} for rule_id, summary in sorted(input_ids.items())]


def explain_input(rule_id: str, summary: str) -> str:
    return f"{rule_id}: {summary}\n\nTarget: input\n\n{INPUT_NOTE}\n"
