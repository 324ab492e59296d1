"""CLI commands (placeholder: filled in by the work that owns them)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this module's commands to ``sub``."""
