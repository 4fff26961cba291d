"""Conversion methods and rules (F8, F9, F17, B1): what institutions publish so that learning
elsewhere counts with them."""
