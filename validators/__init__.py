"""Checks of Chinese identifiers and of what users type: pure functions, no I/O."""
