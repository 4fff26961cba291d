"""Calling the real ASGI app over HTTP, the way a front end does."""

from __future__ import annotations

import json
from typing import Any

import httpx


class GraphQLResult:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.body: dict[str, Any] = response.json()

    @property
    def data(self) -> Any:
        return self.body.get("data")

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.body.get("errors") or []

    @property
    def error_codes(self) -> list[str]:
        return [e.get("extensions", {}).get("code") for e in self.errors]

    def payload(self, field: str) -> dict[str, Any]:
        """A mutation payload, asserting the request itself did not fail."""
        assert not self.errors, self.errors
        return self.data[field]

    def ok(self, field: str) -> dict[str, Any]:
        """A mutation payload that must have succeeded."""
        payload = self.payload(field)
        assert payload["errors"] == [], payload["errors"]
        return payload

    def refused(self, field: str) -> list[str]:
        """The error codes of a refused mutation (asserting it was refused)."""
        payload = self.payload(field)
        assert payload["errors"], f"{field} was expected to be refused: {payload}"
        for error in payload["errors"]:
            assert error["message"] and any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error
        return [e["code"] for e in payload["errors"]]


class Api:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> GraphQLResult:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if files:
            # GraphQL multipart request spec: operations + map + the files.
            variables = dict(variables or {})
            file_map = {}
            upload_files = {}
            for index, (path, upload) in enumerate(files.items()):
                file_map[str(index)] = [f"variables.{path}"]
                upload_files[str(index)] = upload
                _set_path(variables, path, None)
            response = await self.client.post(
                "/graphql",
                data={
                    "operations": json.dumps({"query": query, "variables": variables}),
                    "map": json.dumps(file_map),
                },
                files=upload_files,
                # A form body runs only with a header a cross-site form cannot send (CSRF).
                headers={**headers, "Apollo-Require-Preflight": "true"},
            )
        else:
            response = await self.client.post(
                "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
            )
        return GraphQLResult(response)


def _set_path(variables: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target: Any = variables
    for part in parents:
        target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
    target[last] = value
