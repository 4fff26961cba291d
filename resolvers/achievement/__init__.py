"""Institution achievements: store, list, delete, recognise, grant, import, export, sync (F4)."""
