"""Rule codes (F9.4): ``YYYYMMDD`` (Beijing date) + the day's 4-digit sequence.

One upsert increments the day's counter and returns the new number; inside the creating
transaction it holds the counter row's lock until commit, so concurrent creations get
consecutive numbers and never the same one.
"""

from __future__ import annotations

from models.conversion import RuleCodeCounter
from resolvers.dates import today

_UPSERT = (
    "INSERT INTO rule_code_counter (day, last_number) VALUES ({day}, 1) "
    "ON CONFLICT (day) DO UPDATE SET last_number = rule_code_counter.last_number + 1 "
    "RETURNING last_number"
)


async def next_rule_code() -> str:
    day = today().strftime("%Y%m%d")
    # The current transaction's connection (Tortoise routes by context).
    connection = RuleCodeCounter._choose_db(for_write=True)
    mark = "$1" if connection.capabilities.dialect == "postgres" else "?"
    # execute_query_dict fetches the RETURNING rows on both drivers (execute_query does not on
    # asyncpg for statements that start with INSERT).
    rows = await connection.execute_query_dict(_UPSERT.format(day=mark), [day])
    return f"{day}{int(rows[0]['last_number']):04d}"
