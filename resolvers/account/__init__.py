"""Accounts: registration, login, passwords, phones and sub-users (F1, F2, F13.2–3, F14)."""
