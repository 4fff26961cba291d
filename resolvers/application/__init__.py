"""Conversion applications: applying (F9.7, F15), reviewing (F10, D1 reviewConversion),
re-review (B4), records and results (F11)."""
