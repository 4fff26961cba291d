"""docs/ERRORS.md, generated from the error codes and the guidance beside them.

``python -m server errors-doc`` (``make errors-doc``) rewrites it; tests/docs/test_errors_doc.py
fails when the committed file differs, when a business code has no guidance in ``business.py``, or
when a request code the code base raises has none in ``requests.py``.
"""

from __future__ import annotations

from pathlib import Path

# The one import of the business error codes (issue 15 moves the module: change only this line).
from resolvers.errors import Code
from server.errors_doc.business import GUIDE
from server.errors_doc.requests import REQUEST_GUIDE

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "ERRORS.md"

HEADER = """\
# Error codes

Generated from the code by `make errors-doc` (`python -m server errors-doc`): the business codes
of the enum `ErrorCode` with their default Chinese messages, and the codes of GraphQL errors. The
guidance lives beside them in `server/errors_doc/`; a test fails when this file is stale or a code
has no guidance.

## How errors arrive

- **Payload errors** — a mutation refused for a business rule answers its payload with
  `errors { field code message }` and changes nothing. `code` is stable English (below), `message`
  Chinese: show it. `field` is the input's path (`diploma.validFrom`, `sources.0.credits`) or null
  for the whole form; a form gets every problem at once, so mark every field named. Bulk actions
  answer per row in `results { id ok error { field code message } }`.
- **Request errors** — a GraphQL error in the response's `errors` with `extensions.code`: missing
  login, missing permission, another institution's or a deleted object, a filter it cannot use, a
  limit, a malformed request. `data` holds what could still be answered (null where refused). The
  HTTP status column is the answer with `Accept: application/graphql-response+json`; with
  `application/json`, GraphQL's own refusals (parse, validation, variables, limits) answer 200.
  Codes may carry more in `extensions` (`retryAfter`, `field`, `reason`, `errorId`, `cost`).
- Never match on `message`: it may be reworded. Match on `code`.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def business_codes() -> list[tuple[str, str]]:
    """Every business code with its default Chinese message, in the enum's order."""
    return [(code.value, code.label) for code in Code]


def guidance_problems() -> list[str]:
    codes = {value for value, _ in business_codes()}
    return ([f"{code}: no guidance in server/errors_doc/business.py" for code in sorted(codes - set(GUIDE))]
            + [f"{code}: guidance for a code the enum does not have" for code in sorted(set(GUIDE) - codes)])


def render() -> str:
    lines = [HEADER, "## Payload errors (`errors { field code message }`)", "",
             "| code | message | when it happens | what the screen does |", "| --- | --- | --- | --- |"]
    for value, label in business_codes():
        when, do = GUIDE.get(value, ("", ""))
        lines.append(f"| `{value}` | {_cell(label)} | {_cell(when)} | {_cell(do)} |")
    lines += ["", "## Request errors (`errors[].extensions.code`)", "",
              "| code | HTTP status | message | when it happens | what the screen does |",
              "| --- | --- | --- | --- | --- |"]
    for value, entry in REQUEST_GUIDE.items():
        lines.append(f"| `{value}` | {_cell(entry.status)} | {_cell(entry.message)} | {_cell(entry.when)} "
                     f"| {_cell(entry.do)} |")
    return "\n".join(lines) + "\n"
