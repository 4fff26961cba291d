"""The front-end operations of docs/operations, loaded and run the way a client runs them.

Every ``.graphql`` file of that folder is read; operations and fragments are one set across files
(as GraphQL Codegen and Apollo load them), so a fragment defined once is used by any file. An
operation is sent with exactly the fragments it uses. Adding an operation is adding it to a file:
the validation test checks it against the schema, and the scenario test fails until a flow runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSyntaxError,
    OperationDefinitionNode,
    Visitor,
    parse,
    print_ast,
    visit,
)
from tortoise.timezone import now

from models.verification import PhoneSendSlot
from tests.support.api import Api, GraphQLResult
from tests.support.flows import last_code

OPERATIONS_DIR = Path(__file__).resolve().parents[2] / "docs" / "operations"


@dataclass
class Operation:
    name: str
    kind: str  # query | mutation | subscription
    path: Path
    node: OperationDefinitionNode


@dataclass
class Catalog:
    operations: dict[str, Operation] = field(default_factory=dict)
    fragments: dict[str, FragmentDefinitionNode] = field(default_factory=dict)
    fragment_files: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def document(self, name: str) -> str:
        """The operation with every fragment it uses (transitively), as a client sends it."""
        operation = self.operations[name].node
        needed: list[str] = []
        pending = _spreads(operation)
        while pending:
            fragment = pending.pop(0)
            if fragment in needed or fragment not in self.fragments:
                continue
            needed.append(fragment)
            pending.extend(_spreads(self.fragments[fragment]))
        return print_ast(DocumentNode(definitions=(operation, *(self.fragments[f] for f in needed))))


def _spreads(node: Any) -> list[str]:
    found: list[str] = []

    class Spreads(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: Any) -> None:
            found.append(spread.name.value)

    visit(node, Spreads())
    return found


def load(directory: Path = OPERATIONS_DIR) -> Catalog:
    catalog = Catalog()
    for path in sorted(directory.glob("*.graphql")):
        try:
            document = parse(path.read_text(encoding="utf-8"))
        except GraphQLSyntaxError as error:  # named with its file; the other files still load
            catalog.problems.append(f"{path.name}: {error}")
            continue
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                if definition.name is None:
                    catalog.problems.append(f"{path.name}: an operation without a name")
                    continue
                name = definition.name.value
                if name in catalog.operations:
                    catalog.problems.append(
                        f"{path.name}: operation {name} is also in {catalog.operations[name].path.name}")
                catalog.operations[name] = Operation(name, definition.operation.value, path, definition)
            elif isinstance(definition, FragmentDefinitionNode):
                name = definition.name.value
                if name in catalog.fragments:
                    catalog.problems.append(
                        f"{path.name}: fragment {name} is also in {catalog.fragment_files[name].name}")
                catalog.fragments[name] = definition
                catalog.fragment_files[name] = path
            else:
                catalog.problems.append(f"{path.name}: only operations and fragments belong here")
    return catalog


CATALOG = load()

# Names of the operations the scenario tests ran in this session (see their last test).
RAN: set[str] = set()


class Operations:
    """``await ops("Login", {"input": {…}})``: runs a docs/operations operation against the app."""

    def __init__(self, api: Api, catalog: Catalog = CATALOG) -> None:
        self.api = api
        self.catalog = catalog

    async def __call__(self, name: str, variables: dict[str, Any] | None = None, *,
                       token: str | None = None,
                       files: dict[str, tuple[str, bytes, str]] | None = None) -> GraphQLResult:
        result = await self.api(self.catalog.document(name), variables, token=token, files=files)
        assert result.response.status_code == 200, (name, result.response.status_code, result.body)
        assert not result.errors, (name, result.errors)
        RAN.add(name)
        return result

    async def ok(self, name: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                 files: dict[str, tuple[str, bytes, str]] | None = None) -> dict[str, Any]:
        """A mutation that must succeed: its payload (the operation's only root field)."""
        result = await self(name, variables, token=token, files=files)
        (field_name,) = result.data.keys()
        return result.ok(field_name)

    async def subscribe(self, client: Any, name: str, variables: dict[str, Any] | None = None) -> str:
        """Start a subscription of docs/operations on a websocket client (tests.support.live)."""
        assert self.catalog.operations[name].kind == "subscription", name
        RAN.add(name)
        return await client.subscribe(self.catalog.document(name), variables)  # type: ignore[no-any-return]

    async def data(self, name: str, variables: dict[str, Any] | None = None, *,
                   token: str | None = None) -> dict[str, Any]:
        return (await self(name, variables, token=token)).data  # type: ignore[no-any-return]


async def sms_code(ops: Operations, purpose: str, phone: str | None = None, *, token: str | None = None,
                   bound_phone: str | None = None) -> str:
    """SendVerificationCode as a screen sends it; the code is read from the demo outbox (what the
    user reads on the phone). The phone's one-a-minute slot is then freed for the next step."""
    sent = await ops.ok("SendVerificationCode", {"input": {"purpose": purpose, "phone": phone,
                                                            "alsoEmail": False}}, token=token)
    assert sent["sentTo"], sent
    recipient = bound_phone or phone
    assert recipient is not None
    code = await last_code(ops.api, recipient)
    await PhoneSendSlot.filter(phone=recipient).update(last_sent_at=now() - timedelta(seconds=61))
    return code
