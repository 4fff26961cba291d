"""The HTTP edge of the credit-bank platform: app factory, settings, auth, IDE assets, CLI."""
