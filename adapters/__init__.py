"""Adapters to the outside world: SMS, mail and file storage, each with a no-set-up default."""
