"""Policy files -> one validated ``Policy`` plus the map back to file positions.

A policy is one YAML file or a directory of them (each file holds some top-level
sections: ``roles:``, ``channels:``...). ``extends:`` pulls in base policies or
shipped packs, merged as ``governance.merge`` describes. Every problem found on
the way is a finding; nothing here prints or raises for bad content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from governance.boundary import BoundaryError, PolicyBoundary
from governance.errors import UsageError
from governance.findings import Finding, Location, Severity
from governance.limits import POLICY_FILE
from governance.merge import merge, strip_operators
from governance.models.policy import Policy
from governance.people import attach_people
from governance.references import reference_findings
from governance.resources import pack_path
from governance.schema_errors import validation_findings
from governance.source import DataPath, Node, SourceMap, parse_yaml

YAML_SUFFIXES = (".yaml", ".yml")
#: Sections a composed policy does not inherit from its bases.
_NOT_INHERITED = ("extends", "pack")


@dataclass
class LoadedPolicy:
    policy: Policy
    source: SourceMap
    files: list[str]
    root: Path
    display: str
    #: What the policy may read (term files too), and every file it has read.
    boundary: PolicyBoundary = field(default_factory=lambda: PolicyBoundary(Path("."), False, ()))

    def locate(self, path: DataPath, key: bool = False) -> Location:
        return self.source.locate(path, key=key) or Location(self.files[0] if self.files else "")

    @property
    def base_dir(self) -> Path:
        return self.root if self.root.is_dir() else self.root.parent


@dataclass
class LoadResult:
    policy: LoadedPolicy | None
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    boundary: PolicyBoundary | None = None

    @property
    def read(self) -> list[Path]:
        """Every file the load read: policy files, bases, term files."""
        return list(self.boundary.read) if self.boundary else []


PostLoadHook = Callable[[LoadedPolicy], list[Finding]]


def load_policy(path: str | Path, hooks: tuple[PostLoadHook, ...] = (),
                allow: tuple[str | Path, ...] = ()) -> LoadResult:
    """Load, compose and validate a policy; ``UsageError`` only if it cannot be read at all.

    The policy reads only inside its boundary (``governance.boundary``), widened
    by the directories in ``allow``.
    """
    root = Path(path)
    display = str(path)
    findings: list[Finding] = []
    boundary = PolicyBoundary.around(root, allow)
    tree, files = _compose(root, display, findings, seen=(), boundary=boundary)
    if tree is None or _has_errors(findings):
        return LoadResult(None, findings, files, boundary)
    data = tree.plain()
    smap = SourceMap.of(tree)
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        findings.extend(validation_findings(exc, data, smap, Policy, files[0]))
        return LoadResult(None, findings, files, boundary)
    loaded = LoadedPolicy(policy, smap, files, root, display, boundary)
    findings.extend(attach_people(loaded))
    findings.extend(reference_findings(policy, loaded.locate))
    for hook in hooks:
        findings.extend(hook(loaded))
    return LoadResult(loaded, findings, files, boundary)


def _has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def policy_files(root: Path) -> list[Path]:
    if root.is_dir():
        files = sorted(p for p in root.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
        if not files:
            raise UsageError(f"{root}: no policy files (*.yaml) in this directory")
        return files
    if root.is_file():
        return [root]
    raise UsageError(f"{root}: no such file or directory")


def _compose(
    root: Path, display: str, findings: list[Finding], seen: tuple[Path, ...],
    boundary: PolicyBoundary,
) -> tuple[Node | None, list[str]]:
    files = policy_files(root)
    names = [_display_name(display, root, f) for f in files]
    sections = _read_sections(files, names, findings, boundary)
    if sections is None:
        return None, names
    bases = _load_bases(sections, root, findings, (*seen, root.resolve()), boundary)
    if not bases:
        return strip_operators(sections, findings), names
    combined = bases[0]
    for base in bases[1:]:
        combined = merge(combined, base, findings)
    inherited = Node({k: v for k, v in combined.value.items() if k not in _NOT_INHERITED},
                     combined.location)
    return merge(inherited, sections, findings), names


def _display_name(display: str, root: Path, file: Path) -> str:
    if root.is_file():
        return display
    return f"{display.rstrip('/')}/{file.name}"


def _read_sections(files: list[Path], names: list[str], findings: list[Finding],
                   boundary: PolicyBoundary) -> Node | None:
    sections: dict[str, Node] = {}
    first = None
    for file, name in zip(files, names, strict=True):
        tree = _parse_file(file, name, findings, boundary)
        if tree is None:
            continue
        first = first or tree.location
        for key, node in tree.value.items():
            if key in sections:
                other = sections[key].key_location
                findings.append(Finding(
                    "policy.duplicate-section", Severity.ERROR,
                    f"section {key!r} is also defined at {other}", node.key_location))
                continue
            sections[key] = node
    if first is None:
        return None
    return Node(sections, first)


def _parse_file(file: Path, name: str, findings: list[Finding],
                boundary: PolicyBoundary) -> Node | None:
    try:
        text = boundary.read_bytes(file, POLICY_FILE, name).decode("utf-8-sig")
    except BoundaryError as exc:
        findings.append(Finding("policy.file", Severity.ERROR, exc.message, Location(name)))
        return None
    except UnicodeDecodeError as exc:
        findings.append(Finding("yaml.encoding", Severity.ERROR,
                                f"not UTF-8 text (byte {exc.start})", Location(name)))
        return None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror}") from None
    tree, problems = parse_yaml(text, name)
    findings.extend(problems)
    if tree is None:
        return None
    if not isinstance(tree.value, dict):
        findings.append(Finding("policy.not-mapping", Severity.ERROR,
                                "a policy file holds a mapping of sections (roles:, channels:...)",
                                tree.location))
        return None
    return tree


def _load_bases(
    sections: Node, root: Path, findings: list[Finding], seen: tuple[Path, ...],
    boundary: PolicyBoundary,
) -> list[Node]:
    spec = sections.value.get("extends")
    if spec is None:
        return []
    items = spec.value if isinstance(spec.value, list) else [spec]
    bases = []
    for item in items:
        base = _resolve_base(item, root, findings, boundary)
        if base is None:
            continue
        if base.resolve() in seen:
            findings.append(Finding("policy.extends", Severity.ERROR,
                                    f"'extends' loops back to {item.value}", item.location))
            continue
        display = _base_display(item.value, base)
        try:
            tree, _ = _compose(base, display, findings, seen, boundary)
        except UsageError as exc:  # a base that cannot be read is a problem of this file
            findings.append(Finding("policy.extends", Severity.ERROR, str(exc), item.location))
            continue
        if tree is not None:
            bases.append(tree)
    return bases


def _resolve_base(item: Node, root: Path, findings: list[Finding],
                  boundary: PolicyBoundary) -> Path | None:
    name = item.value
    if not isinstance(name, str) or not name.strip():
        findings.append(Finding("policy.extends", Severity.ERROR,
                                "'extends' takes a pack name or a path", item.location))
        return None
    here = root if root.is_dir() else root.parent
    if "/" in name or name.startswith(".") or name.endswith(YAML_SUFFIXES):
        candidate = here / name
        # Outside the boundary, not even whether the file exists is told.
        outside = boundary.problem(candidate)
        if outside is not None:
            problem = f"base policy {name!r}: {outside}"
        elif candidate.exists():
            return candidate
        else:
            problem = f"base policy {name!r} not found (looked in {candidate})"
    else:
        found = pack_path(name)
        if found is not None:
            return found if found.is_dir() else found.with_suffix(".yaml")
        from governance.resources import shipped_packs

        problem = f"unknown pack {name!r} (shipped packs: {', '.join(shipped_packs()) or 'none'})"
    findings.append(Finding("policy.extends", Severity.ERROR, problem, item.location))
    return None


def _base_display(name: str, path: Path) -> str:
    if "/" in name or name.startswith(".") or name.endswith(YAML_SUFFIXES):
        return str(path)
    return f"pack:{name}"
