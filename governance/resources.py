"""Where the shipped policies, templates and schemas live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``policies``, ``templates`` or ``schemas``: inside the wheel, else beside the package."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def pack_path(name: str) -> Path | None:
    """A shipped base pack by name (``network-limits``), or None."""
    candidate = data_dir("policies") / "packs" / name
    return candidate if candidate.is_dir() or candidate.with_suffix(".yaml").is_file() else None


def shipped_packs() -> list[str]:
    root = data_dir("policies") / "packs"
    if not root.is_dir():
        return []
    return sorted(p.stem for p in root.iterdir() if p.is_dir() or p.suffix == ".yaml")
