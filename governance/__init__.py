"""Policy as code for corporate social media."""

__version__ = "0.1.0"
