"""``governance diff``: what changed between two versions of a policy, as data and in words.

``compare`` finds the changes, ``words`` says them to staff in the policy's
language (text, Markdown, JSON), ``sources`` reads a policy from a path or a
git revision, ``document`` turns them into a section of the staff policy.
"""

from governance.diff.compare import Change, compare
from governance.diff.words import PolicyChanges, render

__all__ = ["Change", "PolicyChanges", "compare", "render"]
