"""The Jinja2 environment: user templates first, shipped ones after; nothing blank, all escaped.

Templates render in Jinja2's ``SandboxedEnvironment``: a ``--templates``
directory may come from anyone who can open a pull request, and a template must
not reach Python internals (``''.__class__.__mro__``, a function's globals) to run
code; an attempt is a template error.

``StrictUndefined`` makes a template that names a missing value fail instead of
printing a blank into a document HR will print. HTML templates (``*.html.j2``)
autoescape; in every other template each ``{{ value }}`` is escaped for
Markdown by ``finalize``, so policy text can neither inject HTML into a
Markdown viewer nor break a table or a list.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_eval_context,
    select_autoescape,
)
from jinja2.nodes import EvalContext
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from governance.errors import UsageError
from governance.render.html_text import breakable
from governance.resources import data_dir

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!&~{}])")
#: A value that starts a line could start a list: "- x", "+ x", "1. x", "1) x".
_BULLET = re.compile(r"^([-+])")
_ORDINAL = re.compile(r"^(\d+)([.)])")


def markdown_escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup or raw HTML; one line only."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _ORDINAL.sub(r"\1\\\2", _BULLET.sub(r"\\\1", escaped))


@pass_eval_context
def _finalize(eval_ctx: EvalContext, value: Any) -> Any:
    if eval_ctx.autoescape or isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return markdown_escape(value)
    return value


def shipped_templates() -> Path:
    return data_dir("templates")


def environment(user_dir: Path | None = None) -> Environment:
    """The environment for ``--templates DIR`` (or the shipped templates alone)."""
    return _environment(str(user_dir.resolve()) if user_dir is not None else "")


@functools.lru_cache(maxsize=8)
def _environment(user_dir: str) -> Environment:
    loaders = []
    if user_dir:
        if not Path(user_dir).is_dir():
            raise UsageError(f"{user_dir}: templates directory not found")
        loaders.append(FileSystemLoader(user_dir))
    loaders.append(FileSystemLoader(str(shipped_templates())))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "htm.j2"),
                                     default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
        auto_reload=False,
    )
    env.filters["md"] = markdown_escape
    env.filters["breakable"] = breakable
    return env


def render_template(name: str, user_dir: Path | None = None, **context: Any) -> str:
    return environment(user_dir).get_template(name).render(**context)
