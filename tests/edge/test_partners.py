"""Partner access through persisted queries (SPEC D3): staff register partners, their keys and
their manifests of operations; a partner key runs only registered documents, as its
institution's main account, every call logged and rate-limited."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from strawberry.relay import from_base64, to_base64
from tortoise.timezone import now

from models.achievement import Achievement
from models.learner import LearnerAchievement
from models.partner import CallOutcome, PartnerCall, PartnerDocument, PartnerKey, PersistedQuery
from server.documents import sha256_hex
from server.security import token_digest
from tests.support import partners as P
from tests.support.api import Api
from tests.support.catalogue import STORE, course_input, institution_id
from tests.support.db import snapshot
from tests.support.flows import CSUST, STAFF, login
from tests.support.learner_records import (
    STORE_RECORD,
    hnu_admin,
    person,
    record_ids,
    record_input,
    store_course,
)

# Documents a partner might register.
STORE_COURSE = STORE  # mutation Store($input: StoreAchievementInput!) { storeAchievement(…) }
STORE_LEARNER_RECORD = STORE_RECORD  # mutation StoreRecord($input: StoreLearnerAchievementInput!) { … }
MY_ACHIEVEMENTS = "query MyCatalogue { achievements(first: 50) { totalCount nodes { id name } } }"
STAFF_ONLY = "query AllPartners { partners { totalCount } }"
DELETE = "mutation DeleteThem($ids: [ID!]!) { deleteAchievements(ids: $ids) { succeeded failed } }"
MIXED = (
    "mutation StoreAndDelete($input: StoreAchievementInput!, $ids: [ID!]!) {"
    " storeAchievement(input: $input) { errors { code } } deleteAchievements(ids: $ids) { succeeded } }"
)
SUBSCRIPTION = "subscription Live { unreadMessageCount }"
UNKNOWN_FIELD = "query Broken { me { noSuchField } }"
UNPARSABLE = "query Half { me { id "
ZHANG = ("张三", person(1))


async def staff_and_csust(api: Api) -> tuple[str, str, str]:
    """(staff token, CSUST admin token, CSUST institution id)."""
    staff = await login(api, *STAFF)
    admin = await login(api, *CSUST)
    return staff, admin, await institution_id(api, admin)


def codes(response: Any) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in response.json().get("errors") or []]


async def stored_documents(partner_id: str) -> list[tuple[str, str]]:
    pk = int(from_base64(partner_id)[1])
    return [(d.document_id, d.body) for d in await PartnerDocument.filter(partner_id=pk).order_by("id")]


# --- management is staff-only --------------------------------------------------------------------


async def test_d3_management_is_staff_only(api: Api, demo: None) -> None:
    staff, admin, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    manifest = P.apollo_manifest(MY_ACHIEVEMENTS)
    attempts = [
        (P.CREATE, {"input": {"name": "自建系统", "institutionId": csust}}),
        (P.ISSUE, {"input": {"partnerId": partner.id}}),
        (P.REVOKE, {"id": partner.api_key["id"]}),
        (P.REGISTER, {"input": {"partnerId": partner.id, "manifest": manifest}}),
        (P.PARTNERS, None),
        (P.PARTNER, {"id": partner.id}),
        ("query($id: ID!) { node(id: $id) { ... on PartnerKey { prefix } } }", {"id": partner.api_key["id"]}),
    ]
    before = await snapshot()
    for document, variables in attempts:
        result = await api(document, variables, token=admin)
        assert result.error_codes == ["FORBIDDEN"], (document, result.body)
        assert "cbk_" not in json.dumps(result.body)
        anonymous = await api(document, variables)
        assert anonymous.error_codes == ["UNAUTHENTICATED"], (document, anonymous.body)
    assert await snapshot() == before
    # The partner itself, acting as its institution's main account, is no staff either.
    assert (await P.register(api, staff, partner.id, P.apollo_manifest(STAFF_ONLY)))["registered"] == 1
    answer = await P.call(api, partner.key, document=STAFF_ONLY)
    assert answer.status_code == 200 and codes(answer) == ["FORBIDDEN"], answer.text


# --- keys ------------------------------------------------------------------------------------------


async def test_d3_key_is_shown_once_and_stored_hashed(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    key, api_key = await P.issue_key(api, staff, partner["id"])
    scheme, prefix, secret = key.split("_", 2)
    assert scheme == "cbk" and prefix == api_key["prefix"] and len(secret) >= 32, key
    assert api_key["revokedAt"] is None and api_key["expiresAt"] is None and api_key["lastUsedAt"] is None

    # Nothing readable afterwards carries the key: a PartnerKey has no field for it.
    fields = (await api('{ __type(name: "PartnerKey") { fields { name } } }', token=staff)).data
    assert {f["name"] for f in fields["__type"]["fields"]} == {
        "id", "prefix", "createdAt", "expiresAt", "revokedAt", "lastUsedAt"}
    await P.issue_key(api, staff, partner["id"])  # a second key does not show the first again
    listing = (await api(P.PARTNERS, token=staff)).data
    text = json.dumps(listing)
    assert secret not in text and key not in text
    keys = listing["partners"]["nodes"][0]["keys"]
    assert api_key["prefix"] in [k["prefix"] for k in keys] and len(keys) == 2

    # Stored hashed: the row holds the SHA-256 of the secret, and no table holds the key.
    row = await PartnerKey.get(prefix=prefix)
    assert row.secret_digest == token_digest(secret) != secret
    everything = repr(await snapshot())
    assert secret not in everything and key not in everything

    answer = await P.call(api, key, document=P.ME, via="none", query=P.ME)  # the key authenticates
    assert codes(answer) == ["TRUSTED_DOCUMENT_REQUIRED"], answer.text


async def test_d3_revoked_key_is_refused_at_once(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    other_key, _ = await P.issue_key(api, staff, partner.id)
    assert (await P.call(api, partner.key, document=P.ME)).status_code == 200

    revoked = await P.revoke_key(api, staff, partner.api_key["id"])
    assert revoked["revokedAt"] is not None and revoked["prefix"] == partner.api_key["prefix"]
    for scheme in ("x-api-key", "authorization"):
        refused = await P.call(api, partner.key, document=P.ME, scheme=scheme)
        assert refused.status_code == 401 and codes(refused) == ["INVALID_API_KEY"], refused.text
        assert "data" not in refused.json()
    # Revoking again keeps the first revocation time; the partner's other key still works.
    again = await P.revoke_key(api, staff, partner.api_key["id"])
    assert again["revokedAt"] == revoked["revokedAt"]
    assert (await P.call(api, other_key, document=P.ME)).status_code == 200
    shown = {k["prefix"]: k for k in (await P.partner_detail(api, staff, partner.id))["keys"]}
    assert shown[partner.api_key["prefix"]]["revokedAt"] == revoked["revokedAt"]


async def test_d3_expired_key_is_refused(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)

    before = await snapshot()
    for past in ("2020-01-01T00:00:00+08:00", "2020-01-01T00:00:00",
                 (datetime.now().astimezone() - timedelta(minutes=1)).isoformat()):
        payload = (await P.issue_key_result(api, staff, partner.id, past)).payload("issuePartnerKey")
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [("expiresAt", "INVALID_PERIOD")]
        assert payload["key"] is None and payload["apiKey"] is None
    assert await snapshot() == before

    future = (datetime.now().astimezone() + timedelta(days=30)).replace(microsecond=0)
    key, api_key = await P.issue_key(api, staff, partner.id, future.isoformat())
    assert datetime.fromisoformat(api_key["expiresAt"]) == future
    assert (await P.call(api, key, document=P.ME)).status_code == 200

    await PartnerKey.filter(prefix=api_key["prefix"]).update(expires_at=now() - timedelta(seconds=1))
    for method in ("POST", "GET"):
        refused = await P.call(api, key, document=P.ME, method=method)
        assert refused.status_code == 401 and codes(refused) == ["INVALID_API_KEY"], refused.text
    assert (await P.call(api, partner.key, document=P.ME)).status_code == 200  # no expiry


async def test_d3_both_header_forms(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    for headers in ({"X-Api-Key": partner.key}, {"Authorization": f"ApiKey {partner.key}"},
                    {"authorization": f"apikey {partner.key}"}):
        answer = await api.client.post("/graphql", json={"documentId": P.document_id(P.ME)}, headers=headers)
        assert answer.status_code == 200, (headers, answer.text)
        assert answer.json()["data"]["me"]["institution"]["id"] == csust
        text = await api.client.post("/graphql", json={"query": P.ME}, headers=headers)
        assert codes(text) == ["TRUSTED_DOCUMENT_REQUIRED"], text.text  # a partner call, not anonymous

    prefix = partner.api_key["prefix"]
    for bad in (partner.key + "x", f"cbk_{prefix}_wrong", f"cbk_{prefix}", "cbk__x", "abc",
                partner.key.replace("cbk_", "xyz_", 1)):
        for headers in ({"X-Api-Key": bad}, {"Authorization": f"ApiKey {bad}"}):
            refused = await api.client.post("/graphql", json={"documentId": P.document_id(P.ME)}, headers=headers)
            assert refused.status_code == 401 and codes(refused) == ["INVALID_API_KEY"], (bad, refused.text)
    assert await PartnerCall.all().count() == 6  # three calls and three refusals; none for unknown keys


# --- manifests ------------------------------------------------------------------------------------


async def test_d3_apollo_manifest_ids_are_verified(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    wrong = P.apollo_manifest(P.ME, MY_ACHIEVEMENTS, ids={MY_ACHIEVEMENTS: sha256_hex(MY_ACHIEVEMENTS + " ")})
    before = await snapshot()
    errors = await P.register_refused(api, staff, partner["id"], wrong)
    assert {e["code"] for e in errors} == {"MANIFEST_INVALID"}
    assert any(sha256_hex(MY_ACHIEVEMENTS + " ") in e["message"] for e in errors), errors
    assert await snapshot() == before  # all or nothing: PartnerMe, whose id is right, is not stored

    answer = await P.register(api, staff, partner["id"], P.apollo_manifest(P.ME, MY_ACHIEVEMENTS))
    assert (answer["registered"], answer["unchanged"]) == (2, 0)
    assert answer["partner"]["documents"] == [
        {"documentId": sha256_hex(P.ME), "operationName": "PartnerMe"},
        {"documentId": sha256_hex(MY_ACHIEVEMENTS), "operationName": "MyCatalogue"},
    ]
    assert await stored_documents(partner["id"]) == [(sha256_hex(P.ME), P.ME),
                                                      (sha256_hex(MY_ACHIEVEMENTS), MY_ACHIEVEMENTS)]


async def test_d3_apollo_manifest_id_must_be_a_sha256(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    before = await snapshot()
    errors = await P.register_refused(api, staff, partner["id"], P.apollo_manifest(P.ME, ids={P.ME: "GetMe"}))
    assert [e["code"] for e in errors] == ["MANIFEST_INVALID"]
    assert await snapshot() == before


async def test_d3_relay_map_takes_arbitrary_ids(api: Api, demo: None) -> None:
    staff, admin, csust = await staff_and_csust(api)
    await store_course(api, admin, "茶艺课程")
    partner = await P.onboard(api, staff, csust)
    relay = {"a3f6c1d2e4b5a6978812ab34cd56ef78": P.ME, "MyCatalogueQuery_7": MY_ACHIEVEMENTS}
    answer = await P.register(api, staff, partner.id, P.relay_manifest(relay))
    assert (answer["registered"], answer["unchanged"]) == (2, 0)
    assert answer["partner"]["documents"] == [
        {"documentId": "a3f6c1d2e4b5a6978812ab34cd56ef78", "operationName": "PartnerMe"},
        {"documentId": "MyCatalogueQuery_7", "operationName": "MyCatalogue"},
    ]
    for via in ("doc_id", "documentId"):
        for method in ("POST", "GET"):
            me = await P.call(api, partner.key, document_id_value="a3f6c1d2e4b5a6978812ab34cd56ef78",
                              via=via, method=method)
            assert me.status_code == 200 and me.json()["data"]["me"]["institution"]["id"] == csust, me.text
    catalogue = await P.call(api, partner.key, document_id_value="MyCatalogueQuery_7", via="doc_id")
    assert [n["name"] for n in catalogue.json()["data"]["achievements"]["nodes"]] == ["茶艺课程"]
    # The body's hash is not an id of a Relay map's document.
    by_hash = await P.call(api, partner.key, document=P.ME)
    assert by_hash.status_code == 400 and codes(by_hash) == ["DOCUMENT_NOT_REGISTERED"]


async def test_d3_registering_the_same_manifest_again_changes_nothing(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    apollo = P.apollo_manifest(P.ME, MY_ACHIEVEMENTS)
    assert (await P.register(api, staff, partner["id"], apollo))["registered"] == 2
    stored = await PartnerDocument.all().order_by("id").values()

    again = await P.register(api, staff, partner["id"], apollo)
    assert (again["registered"], again["unchanged"]) == (0, 2)
    assert await PartnerDocument.all().order_by("id").values() == stored

    grown = await P.register(api, staff, partner["id"], P.apollo_manifest(P.ME, MY_ACHIEVEMENTS, STORE_COURSE))
    assert (grown["registered"], grown["unchanged"]) == (1, 2)
    relay_again = await P.register(api, staff, partner["id"], P.relay_manifest({sha256_hex(P.ME): P.ME}))
    assert (relay_again["registered"], relay_again["unchanged"]) == (0, 1)
    assert await PartnerDocument.all().count() == 3


async def test_d3_changing_the_body_of_a_registered_id_is_refused(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust)
    assert (await P.register(api, staff, partner.id, P.relay_manifest({"q1": P.ME})))["registered"] == 1

    before = await snapshot()
    errors = await P.register_refused(api, staff, partner.id,
                                      P.relay_manifest({"q1": MY_ACHIEVEMENTS, "q2": STAFF_ONLY}))
    assert [e["code"] for e in errors] == ["MANIFEST_INVALID"] and "q1" in errors[0]["message"]
    assert await snapshot() == before  # q2 is not registered either

    still = await P.call(api, partner.key, document_id_value="q1", via="doc_id")
    assert "me" in still.json()["data"], still.text
    # Another partner may use the same id for its own document.
    other = await P.create_partner(api, staff, csust, "另一个系统")
    assert (await P.register(api, staff, other["id"], P.relay_manifest({"q1": MY_ACHIEVEMENTS})))["registered"] == 1


@pytest.mark.parametrize(("document", "named"), [
    (DELETE, "deleteAchievements"),
    (MIXED, "deleteAchievements"),
    ("mutation Logout { logout { errors { code } } }", "logout"),
    (SUBSCRIPTION, "订阅"),
    (UNKNOWN_FIELD, "noSuchField"),
    (UNPARSABLE, "无法解析"),
], ids=["deleteAchievements", "store-and-delete", "logout", "subscription", "invalid", "unparsable"])
async def test_d3_manifest_with_a_refused_operation_is_refused_whole(api: Api, demo: None, document: str,
                                                                     named: str) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    before = await snapshot()
    for manifest, document_id in ((P.apollo_manifest(P.ME, document), sha256_hex(document)),
                                  (P.relay_manifest({"me": P.ME, "refused-op": document}), "refused-op")):
        errors = await P.register_refused(api, staff, partner["id"], manifest)
        assert [e["code"] for e in errors] == ["MANIFEST_INVALID"], errors
        assert document_id in errors[0]["message"] and named in errors[0]["message"], errors
    assert await snapshot() == before


async def test_d3_invalid_document_is_refused_in_chinese(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    result = await P.register_result(api, staff, partner["id"], P.apollo_manifest(UNKNOWN_FIELD))
    assert result.refused("registerPartnerManifest") == ["MANIFEST_INVALID"]  # asserts a Chinese message


async def test_d3_manifest_names_every_refused_operation(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    before = await snapshot()
    errors = await P.register_refused(api, staff, partner["id"], P.apollo_manifest(DELETE, P.ME, SUBSCRIPTION))
    assert [e["code"] for e in errors] == ["MANIFEST_INVALID"] * 2
    assert sha256_hex(DELETE) in errors[0]["message"] and sha256_hex(SUBSCRIPTION) in errors[1]["message"]
    for text in ("not json", "[1, 2]", json.dumps({"format": "apollo-persisted-query-manifest",
                                                      "operations": [{"id": "x"}]}), json.dumps({"q": 1})):
        assert [e["code"] for e in await P.register_refused(api, staff, partner["id"], text)] == ["MANIFEST_INVALID"]
    assert await snapshot() == before


async def test_d3_mutation_hidden_in_an_inline_fragment_is_refused(api: Api, demo: None) -> None:
    staff, admin, csust = await staff_and_csust(api)
    course = await store_course(api, admin, "会被删除的课程")
    partner = await P.onboard(api, staff, csust, P.ME)
    sneaky = "mutation Sneaky($ids: [ID!]!) { ... on Mutation { deleteAchievements(ids: $ids) { succeeded } } }"
    result = await P.register_result(api, staff, partner.id, P.apollo_manifest(sneaky))
    if not result.payload("registerPartnerManifest")["errors"]:
        # Accepted: show what the partner can then do before failing.
        ran = await P.call(api, partner.key, document=sneaky, variables={"ids": [course["id"]]})
        deleted = await Achievement.filter(id=int(from_base64(course["id"])[1]), deleted_at__isnull=False).exists()
        pytest.fail(f"manifest accepted; the partner ran deleteAchievements: {ran.text}; deleted={deleted}")
    assert result.error_codes == [] and result.refused("registerPartnerManifest") == ["MANIFEST_INVALID"]


async def test_d3_allowed_mutation_in_a_named_fragment_is_accepted(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    spread = ("mutation ViaFragment($input: StoreAchievementInput!) { ...Store } "
              "fragment Store on Mutation { storeAchievement(input: $input) { errors { code } } }")
    assert (await P.register(api, staff, partner["id"], P.apollo_manifest(spread)))["registered"] == 1


# --- calling ------------------------------------------------------------------------------------------


async def test_d3_partner_runs_a_registered_query_every_way(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    sha = sha256_hex(P.ME)
    ways: list[dict[str, Any]] = [
        {"via": "documentId"},
        {"via": "documentId", "method": "GET"},
        {"via": "documentId", "document_id_value": sha},  # GraphQL Codegen sends the bare hash
        {"via": "documentId", "document_id_value": "sha256:" + sha.upper()},
        {"via": "doc_id", "document_id_value": sha},
        {"via": "doc_id", "document_id_value": sha, "method": "GET"},
        {"via": "apq"},
        {"via": "apq", "method": "GET"},
        {"via": "documentId", "query": P.ME},  # the text too, identical to the registered body
        {"via": "apq", "query": P.ME},
        {"via": "documentId", "operation_name": "PartnerMe"},
    ]
    for way in ways:
        answer = await P.call(api, partner.key, document=P.ME, **way)
        assert answer.status_code == 200, (way, answer.text)
        me = answer.json()["data"]["me"]
        assert me == {"username": CSUST[0], "kind": "INSTITUTION_ADMIN",
                      "institution": {"id": csust, "name": "长沙理工大学"}}, way
    assert await PersistedQuery.all().count() == 0  # the partner's APQ form does not feed the shared store


async def test_d3_partner_may_run_nothing_but_its_registered_documents(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    other = await P.onboard(api, staff, csust, MY_ACHIEVEMENTS, name="另一个系统")
    # The query text alone, in every form, is refused.
    for way in ({"method": "POST"}, {"method": "GET"}):
        answer = await P.call(api, partner.key, via="none", query=P.ME, **way)
        assert answer.status_code == 400 and codes(answer) == ["TRUSTED_DOCUMENT_REQUIRED"], answer.text
        assert "data" not in answer.json()
    # Unregistered: an unknown hash, another partner's document, a query the partner hashed itself.
    for way in ({"document_id_value": "sha256:" + "0" * 64}, {"document": MY_ACHIEVEMENTS},
                {"document": MY_ACHIEVEMENTS, "via": "doc_id"}, {"document": MY_ACHIEVEMENTS, "via": "apq"},
                {"document": STAFF_ONLY, "via": "apq", "query": STAFF_ONLY}):
        answer = await P.call(api, partner.key, **way)
        assert answer.status_code == 400 and codes(answer) == ["DOCUMENT_NOT_REGISTERED"], (way, answer.text)
    assert await PersistedQuery.all().count() == 0
    assert (await P.call(api, other.key, document=MY_ACHIEVEMENTS)).status_code == 200
    # Without a key the same documentId reads the anonymous APQ store, which does not have it.
    anonymous = await api.client.post("/graphql", json={"documentId": P.document_id(P.ME)})
    assert codes(anonymous) == ["PERSISTED_QUERY_NOT_FOUND"], anonymous.text


async def test_d3_query_text_different_from_the_registered_body_is_refused(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    other = "query PartnerMe { me { username phone email institution { id } } }"
    for way in ({"via": "documentId"}, {"via": "doc_id"}, {"via": "apq"}, {"via": "documentId", "method": "GET"}):
        for text in (other, P.ME + " "):
            answer = await P.call(api, partner.key, document=P.ME, query=text, **way)
            assert answer.status_code == 400 and codes(answer) == ["DOCUMENT_MISMATCH"], (way, answer.text)
            assert "data" not in answer.json()


async def test_d3_partner_sees_nothing_of_another_institution(api: Api, demo: None) -> None:
    staff, admin, csust = await staff_and_csust(api)
    hnu = await hnu_admin(api)
    hnu_course = await store_course(api, hnu, "湖南大学课程")
    own_course = await store_course(api, admin, "长沙理工课程")
    partner = await P.onboard(api, staff, csust, P.ACHIEVEMENT_NODE, MY_ACHIEVEMENTS)

    own = await P.call(api, partner.key, document=P.ACHIEVEMENT_NODE, variables={"id": own_course["id"]})
    assert own.json()["data"]["node"]["name"] == "长沙理工课程", own.text
    for method in ("POST", "GET"):
        other = await P.call(api, partner.key, document=P.ACHIEVEMENT_NODE, variables={"id": hnu_course["id"]},
                             method=method)
        assert other.status_code == 200 and codes(other) == ["NOT_FOUND"], other.text
        assert other.json()["data"] is None and "湖南大学课程" not in other.text
    listing = await P.call(api, partner.key, document=MY_ACHIEVEMENTS)
    assert [n["name"] for n in listing.json()["data"]["achievements"]["nodes"]] == ["长沙理工课程"]

    # And the other way round: a partner of HNU (whose main account keeps working) sees HNU only.
    hnu_partner = await P.onboard(api, staff, await institution_id(api, hnu), P.ACHIEVEMENT_NODE)
    mirror = await P.call(api, hnu_partner.key, document=P.ACHIEVEMENT_NODE, variables={"id": own_course["id"]})
    assert codes(mirror) == ["NOT_FOUND"], mirror.text
    assert (await P.call(api, hnu_partner.key, document=P.ACHIEVEMENT_NODE,
                         variables={"id": hnu_course["id"]})).json()["data"]["node"]["name"] == "湖南大学课程"


async def test_d3_partner_stores_for_its_own_institution(api: Api, demo: None) -> None:
    staff, admin, csust = await staff_and_csust(api)
    hnu = await hnu_admin(api)
    hnu_course = await store_course(api, hnu, "湖南大学课程")
    partner = await P.onboard(api, staff, csust, STORE_COURSE, STORE_LEARNER_RECORD)

    stored = await P.call(api, partner.key, document=STORE_COURSE, variables={
        "input": course_input("合作方课程", subtype="VOCATIONAL_COURSE", originalCredits=4, originalHours=32)})
    payload = stored.json()["data"]["storeAchievement"]
    assert payload["errors"] == [], stored.text
    course = payload["achievement"]
    assert course["institution"] == {"id": csust, "name": "长沙理工大学"}
    row = await Achievement.get(id=int(from_base64(course["id"])[1]))
    assert to_base64("Institution", row.institution_id) == csust

    record = await P.call(api, partner.key, document=STORE_LEARNER_RECORD,
                          variables={"input": record_input(course["id"], *ZHANG, "kc001")})
    payload = record.json()["data"]["storeLearnerAchievement"]
    assert payload["errors"] == [], record.text
    saved = await LearnerAchievement.get(id=int(from_base64(payload["learnerAchievement"]["id"])[1]))
    assert to_base64("Institution", saved.institution_id) == csust
    assert payload["learnerAchievement"]["institution"] == {"name": "长沙理工大学"}
    assert await record_ids(api, admin) == {payload["learnerAchievement"]["id"]}
    assert await record_ids(api, hnu) == set()

    # Another institution's achievement is not the partner's to store records for.
    before = await snapshot(ignore=("partner_call", "partner_key"))
    refused = await P.call(api, partner.key, document=STORE_LEARNER_RECORD,
                           variables={"input": record_input(hnu_course["id"], "李四", person(2), "hd001")})
    body = refused.json()
    assert ((body.get("data") or {}).get("storeLearnerAchievement") or {}).get("learnerAchievement") is None, refused.text
    assert codes(refused) == ["NOT_FOUND"] or body["data"]["storeLearnerAchievement"]["errors"], refused.text
    # A mutation cannot go over GET.
    by_get = await P.call(api, partner.key, document=STORE_COURSE, method="GET",
                          variables={"input": course_input("GET课程")})
    assert by_get.status_code == 405 and by_get.headers["allow"] == "POST", by_get.text
    assert await snapshot(ignore=("partner_call", "partner_key")) == before


# --- the call log ------------------------------------------------------------------------------------


async def test_d3_every_call_is_logged(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    hnu = await hnu_admin(api)
    hnu_course = await store_course(api, hnu, "湖南大学课程")
    partner = await P.onboard(api, staff, csust, P.ME, P.ACHIEVEMENT_NODE, STORE_COURSE)
    me, node, store = (sha256_hex(d) for d in (P.ME, P.ACHIEVEMENT_NODE, STORE_COURSE))

    steps: list[tuple[dict[str, Any], int, tuple[str, str, str, str]]] = [
        ({"document": P.ME}, 200, ("PartnerMe", me, "OK", "")),
        ({"document": P.ME, "method": "GET", "via": "apq"}, 200, ("PartnerMe", me, "OK", "")),
        ({"document": P.ACHIEVEMENT_NODE, "variables": {"id": hnu_course["id"]}}, 200,
         ("AchievementById", node, "ERRORS", "")),
        ({"document": STORE_COURSE, "variables": {"input": course_input("课程")}}, 200, ("Store", store, "OK", "")),
        ({"via": "none", "query": P.ME, "operation_name": "PartnerMe"}, 400,
         ("PartnerMe", "", "REFUSED", "TRUSTED_DOCUMENT_REQUIRED")),
        ({"document_id_value": "sha256:" + "1" * 64, "operation_name": "Guess"}, 400,
         ("Guess", "1" * 64, "REFUSED", "DOCUMENT_NOT_REGISTERED")),
        ({"document": P.ME, "query": P.ME + " ", "operation_name": "PartnerMe"}, 400,
         ("PartnerMe", me, "REFUSED", "DOCUMENT_MISMATCH")),
        ({"document": STORE_COURSE, "method": "GET", "variables": {"input": course_input("课程")}}, 405,
         ("Store", store, "REFUSED", "METHOD_NOT_ALLOWED")),
    ]
    for way, status, _ in steps:
        answer = await P.call(api, partner.key, **way)
        assert answer.status_code == status, (way, answer.text)
    # Calls with an unknown key belong to no partner.
    await P.call(api, partner.key + "x", document=P.ME)

    logged = await P.calls(api, staff, partner.id)
    assert [(c["operationName"], c["documentId"], c["outcome"], c["detail"]) for c in logged] == [
        expected for _, _, expected in steps]
    assert all(c["ip"] == "127.0.0.1" and c["createdAt"] for c in logged)
    rows = await PartnerCall.all().order_by("id")
    key_id = int(from_base64(partner.api_key["id"])[1])
    assert [r.key_id for r in rows] == [key_id] * len(steps)
    assert [r.outcome for r in rows][:3] == [CallOutcome.OK, CallOutcome.OK, CallOutcome.ERRORS]
    shown = (await P.partner_detail(api, staff, partner.id))["keys"][0]
    assert shown["lastUsedAt"] is not None
    # Staff read the calls through the partners list too, newest first, paginated.
    nodes = (await api(P.PARTNERS, token=staff)).data["partners"]["nodes"]
    assert nodes[0]["calls"]["totalCount"] == len(steps)
    assert nodes[0]["calls"]["nodes"][0]["detail"] == "METHOD_NOT_ALLOWED"
    page = await api("query($id: ID!) { node(id: $id) { ... on Partner { calls(first: 2) { totalCount "
                     "pageInfo { hasNextPage } nodes { outcome } } } } }", {"id": partner.id}, token=staff)
    assert page.data["node"]["calls"] == {"totalCount": len(steps), "pageInfo": {"hasNextPage": True},
                                          "nodes": [{"outcome": "REFUSED"}, {"outcome": "REFUSED"}]}


async def test_d3_mismatch_refusal_logs_the_operation(api: Api, demo: None) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    answer = await P.call(api, partner.key, document=P.ME, query=P.ME + " ")
    assert codes(answer) == ["DOCUMENT_MISMATCH"]
    [call] = await P.calls(api, staff, partner.id)
    assert (call["documentId"], call["outcome"], call["detail"]) == (sha256_hex(P.ME), "REFUSED", "DOCUMENT_MISMATCH")
    assert call["operationName"] == "PartnerMe"


async def test_d3_every_operation_of_a_batch_is_logged(api: Api, demo: None) -> None:
    staff, admin, csust = await staff_and_csust(api)
    course = await store_course(api, admin, "课程")
    partner = await P.onboard(api, staff, csust, STORE_LEARNER_RECORD, P.ME)
    batch = [{"documentId": P.document_id(STORE_LEARNER_RECORD),
              "variables": {"input": record_input(course["id"], *ZHANG, "kc001")}},
             {"documentId": P.document_id(P.ME)}]
    answer = await api.client.post("/graphql", json=batch, headers=P.key_headers(partner.key))
    assert answer.status_code == 200, answer.text
    assert answer.json()[0]["data"]["storeLearnerAchievement"]["errors"] == []
    assert await LearnerAchievement.all().count() == 1
    logged = await P.calls(api, staff, partner.id)
    assert sorted(c["operationName"] for c in logged) == ["PartnerMe", "StoreRecord"], logged


# --- rate limits ---------------------------------------------------------------------------------------


async def test_d3_rate_limit_per_key(make_api: Any, demo: None) -> None:
    api = await make_api(partner_rate_per_key=2)
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    second_key, _ = await P.issue_key(api, staff, partner.id)
    for _ in range(2):
        assert (await P.call(api, partner.key, document=P.ME)).status_code == 200
    for method in ("POST", "GET"):
        limited = await P.call(api, partner.key, document=P.ME, method=method)
        assert limited.status_code == 429 and codes(limited) == ["RATE_LIMITED"], limited.text
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert "data" not in limited.json()
    # Per key: the partner's other key has its own allowance.
    assert (await P.call(api, second_key, document=P.ME)).status_code == 200
    logged = await P.calls(api, staff, partner.id)
    assert [(c["outcome"], c["detail"]) for c in logged] == [
        ("OK", ""), ("OK", ""), ("REFUSED", "RATE_LIMITED"), ("REFUSED", "RATE_LIMITED"), ("OK", "")]
    # Staff, and calls without a key, are not counted against partners.
    assert (await api(P.PARTNERS, token=staff)).errors == []


async def test_d3_rate_limited_call_logs_its_document(make_api: Any, demo: None) -> None:
    api = await make_api(partner_rate_per_key=1)
    staff, _, csust = await staff_and_csust(api)
    partner = await P.onboard(api, staff, csust, P.ME)
    assert (await P.call(api, partner.key, document=P.ME)).status_code == 200
    limited = await P.call(api, partner.key, document=P.ME, operation_name="PartnerMe")
    assert limited.status_code == 429
    call = (await P.calls(api, staff, partner.id))[-1]
    assert (call["outcome"], call["detail"]) == ("REFUSED", "RATE_LIMITED")
    assert (call["operationName"], call["documentId"]) == ("PartnerMe", sha256_hex(P.ME))


async def test_d3_rate_limit_per_address(make_api: Any, demo: None) -> None:
    api = await make_api(partner_rate_per_address=3)
    staff, _, csust = await staff_and_csust(api)
    first = await P.onboard(api, staff, csust, P.ME)
    second = await P.onboard(api, staff, csust, P.ME, name="另一个系统")
    for key in (first.key, second.key, first.key):
        assert (await P.call(api, key, document=P.ME)).status_code == 200
    limited = await P.call(api, second.key, document=P.ME)
    assert limited.status_code == 429 and codes(limited) == ["RATE_LIMITED"], limited.text
    assert int(limited.headers["retry-after"]) >= 1
    assert [c["outcome"] for c in await P.calls(api, staff, second.id)] == ["OK", "REFUSED"]
    # A client cannot choose another address with X-Forwarded-For.
    spoofed = await P.call(api, first.key, document=P.ME, headers={"X-Forwarded-For": "203.0.113.9"})
    assert spoofed.status_code == 429, spoofed.text


# --- the command line -----------------------------------------------------------------------------------


async def test_d3_cli_manages_partners(api: Api, demo: None, tmp_path: Path) -> None:
    staff, _, csust = await staff_and_csust(api)
    created = await P.partner_cli("create", "--name", "长理教务系统", "--school-code", CSUST[0])
    assert created.returncode == 0, created.err
    number = int(created.out.split()[1])
    assert created.out.strip() == f"partner {number} created for {CSUST[0]}: 长理教务系统"
    partner_id = to_base64("Partner", number)
    detail = await P.partner_detail(api, staff, partner_id)
    assert detail["name"] == "长理教务系统" and detail["institution"]["id"] == csust

    issued = await P.partner_cli("key", str(number))
    assert issued.returncode == 0, issued.err
    key = issued.out.strip()
    prefix = key.split("_")[1]
    row = await PartnerKey.get(prefix=prefix)
    assert row.expires_at is not None and abs((row.expires_at - now()) - timedelta(days=365)) < timedelta(minutes=5)
    assert key.split("_", 2)[2] not in repr(await snapshot())

    manifest = tmp_path / "persisted-documents.json"
    manifest.write_text(P.apollo_manifest(P.ME, MY_ACHIEVEMENTS), encoding="utf-8")
    registered = await P.partner_cli("manifest", str(number), str(manifest))
    assert registered.returncode == 0, registered.err
    assert registered.out.strip() == "registered 2 operations (0 already registered)"
    again = await P.partner_cli("manifest", str(number), str(manifest))
    assert again.out.strip() == "registered 0 operations (2 already registered)"

    answer = await P.call(api, key, document=P.ME)
    assert answer.status_code == 200 and answer.json()["data"]["me"]["institution"]["id"] == csust, answer.text

    listed = await P.partner_cli("list")
    assert listed.returncode == 0, listed.err
    line = next(li for li in listed.out.splitlines() if li.startswith(f"{number}\t"))
    assert "长理教务系统" in line and prefix in line and "revoked" not in line and key not in listed.out

    revoked = await P.partner_cli("revoke-key", prefix)
    assert revoked.returncode == 0 and revoked.out.strip() == f"key {prefix} revoked", revoked.err
    refused = await P.call(api, key, document=P.ME)
    assert refused.status_code == 401 and codes(refused) == ["INVALID_API_KEY"], refused.text
    assert f"{prefix} (revoked)" in (await P.partner_cli("list")).out

    no_expiry = await P.partner_cli("key", str(number), "--days", "0")
    assert no_expiry.returncode == 0 and (await PartnerKey.get(prefix=no_expiry.out.strip().split("_")[1])).expires_at is None


async def test_d3_cli_refusals_change_nothing(api: Api, demo: None, tmp_path: Path) -> None:
    staff, _, csust = await staff_and_csust(api)
    partner = await P.create_partner(api, staff, csust)
    number = str(from_base64(partner["id"])[1])
    bad = tmp_path / "bad.json"
    bad.write_text(P.apollo_manifest(P.ME, DELETE), encoding="utf-8")
    before = await snapshot()
    for args, message in ((("create", "--name", "X", "--school-code", "0000000000"), "0000000000"),
                          (("key", "999"), "999"),
                          (("manifest", number, str(bad)), "MANIFEST_INVALID"),
                          (("manifest", "999", str(bad)), "999"),
                          (("revoke-key", "nosuchprefix"), "nosuchprefix")):
        result = await P.partner_cli(*args)
        assert result.returncode == 1, (args, result.out, result.err)
        assert message in result.err, (args, result.err)
    assert await snapshot() == before
    assert "deleteAchievements" in (await P.partner_cli("manifest", number, str(bad))).err
