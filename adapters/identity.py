"""Real-name verification of a learner who registers (F15): is this person the holder of that ID
number?

Default (``RecordsVerifier``): the name must match, after normalising, the name on a learner record
some institution keeps for that ID number. It proves only that the caller knows the name an
institution recorded, and it cannot verify anyone no institution has recorded yet.

With ``IDENTITY_GATEWAY_URL`` (``HttpIdentityGateway``): a real-name service is asked for the
three-factor check Chinese carriers offer — name, ID number and the phone just verified by SMS
belong to one person. The request is a POST of JSON
``{"name": "毕志刚", "idNumber": "530127198503150011", "phone": "17000009087"}``; the answer is
a 2xx with JSON ``{"result": "MATCH"}`` (verified) or ``{"result": "MISMATCH"}`` /
``{"result": "NO_RECORD"}`` (not verified). Any other answer, status, a body that is not that JSON,
or no answer within the timeout raises ``IdentityUnavailable``: the registration is refused as
retryable and nothing is created.
"""

from __future__ import annotations

import logging
from typing import Protocol

import httpx

from models.learner import Learner
from validators.person_name import same_name, tidy

log = logging.getLogger(__name__)

VERIFIED, REFUSED = "MATCH", ("MISMATCH", "NO_RECORD")


class IdentityUnavailable(Exception):
    """The verification service could not answer; the check may be tried again."""


class IdentityVerifier(Protocol):
    # Written to the registration's audit row: which check verified the learner.
    source: str

    async def verify(self, name: str, id_number: str, phone: str) -> bool: ...


class RecordsVerifier:
    source = "records"

    async def verify(self, name: str, id_number: str, phone: str) -> bool:
        recorded = await Learner.filter(id_number=id_number).values_list("name", flat=True)
        return any(same_name(name, other) for other in recorded)  # type: ignore[arg-type]


class HttpIdentityGateway:
    source = "gateway"

    def __init__(self, url: str, timeout: float = 5.0) -> None:
        self.url = url
        self.timeout = timeout

    async def verify(self, name: str, id_number: str, phone: str) -> bool:
        request = {"name": tidy(name), "idNumber": id_number, "phone": phone}
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(self.url, json=request)
            response.raise_for_status()
            answer = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            # Never the ID number or the name in a log line.
            log.warning("identity gateway unavailable: %s", type(exc).__name__)
            raise IdentityUnavailable(type(exc).__name__) from exc
        result = answer.get("result") if isinstance(answer, dict) else None
        if result == VERIFIED:
            return True
        if result in REFUSED:
            return False
        log.warning("identity gateway gave an unexpected answer")
        raise IdentityUnavailable("unexpected answer")


def identity_verifier(gateway_url: str | None, timeout: float = 5.0) -> IdentityVerifier:
    return HttpIdentityGateway(gateway_url, timeout) if gateway_url else RecordsVerifier()
