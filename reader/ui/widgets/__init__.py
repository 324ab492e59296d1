"""Widgets: one widget (or dialog) per module."""
