"""Print a database's schema as JSON after building it by migrations or from the models.

    python tests/support/schema_snapshot.py <db_url> migrate|generate

Runs in its own process: Tortoise keeps per-process state, and the two ways of building a
schema must not share it.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from tortoise import Tortoise

from server import database


async def introspect(url: str) -> dict[str, Any]:
    connection = Tortoise.get_connection("default")
    if database.dialect_of(url) == "sqlite":
        _, tables = await connection.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'aerich' ORDER BY name"
        )
        result: dict[str, Any] = {}
        for row in tables:
            table = row["name"]
            _, columns = await connection.execute_query(f'PRAGMA table_info("{table}")')
            _, indexes = await connection.execute_query(f'PRAGMA index_list("{table}")')
            index_shapes = []
            for index in indexes:
                _, parts = await connection.execute_query(f'PRAGMA index_info("{index["name"]}")')
                index_shapes.append([index["unique"], [p["name"] for p in parts]])
            _, keys = await connection.execute_query(f'PRAGMA foreign_key_list("{table}")')
            result[table] = {
                "columns": sorted(
                    [c["name"], c["type"].upper(), c["notnull"], c["pk"]] for c in columns
                ),
                "indexes": sorted(index_shapes),
                "foreign_keys": sorted(
                    [k["from"], k["table"], k["to"], k["on_delete"]] for k in keys
                ),
            }
        return result
    _, columns = await connection.execute_query(
        "SELECT table_name, column_name, data_type, is_nullable, character_maximum_length "
        "FROM information_schema.columns WHERE table_schema = 'public' AND table_name != 'aerich'"
    )
    _, indexes = await connection.execute_query(
        "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' "
        "AND tablename != 'aerich'"
    )
    _, constraints = await connection.execute_query(
        "SELECT conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS definition "
        "FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
        "AND conrelid::regclass::text != 'aerich'"
    )
    result = {}
    for c in columns:
        table = result.setdefault(c["table_name"], {"columns": [], "indexes": [], "constraints": []})
        table["columns"].append(
            [c["column_name"], c["data_type"], c["is_nullable"], c["character_maximum_length"]]
        )
    for i in indexes:
        result[i["tablename"]]["indexes"].append(i["indexdef"])
    for k in constraints:
        result[k["table_name"].strip('"')]["constraints"].append(k["definition"])
    for table in result.values():
        for key in table:
            table[key].sort(key=str)
    return dict(sorted(result.items()))


async def main(url: str, mode: str) -> None:
    if mode == "migrate":
        await database.init_orm(url, global_fallback=False)
        applied = await database.upgrade(url)
        pending = await database.pending_changes(url)
    else:
        await Tortoise.init(config=database.tortoise_config(url, with_aerich=False))
        await Tortoise.generate_schemas(safe=False)
        applied, pending = [], []
    schema = await introspect(url)
    await Tortoise.close_connections()
    print(json.dumps({"applied": applied, "pending": pending, "schema": schema}, ensure_ascii=False))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
