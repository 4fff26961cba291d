"""Apply the migrations of one folder to a database, in its own process (Tortoise keeps
per-process state), and print the versions applied as JSON.

    python tests/support/migrate_from.py <db_url> <location>

``location`` holds ``models/<n>_<date>_<name>.py`` like ``migrations/<dialect>``: a copy holding
only the earlier migrations brings a database to an earlier schema (to test a data migration).
"""

from __future__ import annotations

import asyncio
import json
import sys

from aerich import Command
from tortoise import Tortoise

from server import database


async def main(url: str, location: str) -> None:
    await database.init_orm(url, global_fallback=False)
    command = Command(database.tortoise_config(url), app=database.APP, location=location)
    await command.init()
    applied = await command.upgrade(run_in_transaction=True)
    await Tortoise.close_connections()
    print(json.dumps(applied))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
