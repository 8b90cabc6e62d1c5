"""Process rules on the policy itself (``governance check``)."""
