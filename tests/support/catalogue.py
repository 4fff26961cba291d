"""The institution catalogue (机构成果, F4) through the public API: query documents and the steps
that store, list, delete, recognise and authorise achievements, for any test that needs them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.api import Api, GraphQLResult

ERRORS = "errors { field code message }"

# Every field of the manual's detail (成果基本信息 / 成果附属信息 / 入库时间) and of the list row.
ACHIEVEMENT = """
  id name category subtype recognitionStatus issuer
  level { id name } graduationConclusion { id name }
  major { id code name } majorClass { code name } discipline { code name }
  years originalHours originalCredits minGraduationCredits validFrom
  courseName courseCode certificateName grade
  introduction enteredAt recognizedAt
  learnerCount relatedRuleCount
  institution { id name }
"""

STORE = f"""
mutation Store($input: StoreAchievementInput!) {{
  storeAchievement(input: $input) {{ achievement {{ {ACHIEVEMENT} }} {ERRORS} }}
}}
"""

LIST = f"""
query List($filter: AchievementFilter, $first: Int, $after: String, $offset: Int) {{
  achievements(filter: $filter, first: $first, after: $after, offset: $offset) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    nodes {{ {ACHIEVEMENT} }}
  }}
}}
"""

NODE = f"""
query Detail($id: ID!) {{ node(id: $id) {{ __typename ... on Achievement {{ {ACHIEVEMENT} }} }} }}
"""

BATCH = f"results {{ id ok error {{ field code message }} }} succeeded failed {ERRORS}"

DELETE = f"mutation Delete($ids: [ID!]!) {{ deleteAchievements(ids: $ids) {{ {BATCH} }} }}"
START_RECOGNITION = f"mutation Start($ids: [ID!]!) {{ startRecognition(ids: $ids) {{ {BATCH} }} }}"
RECOGNIZE = f"mutation Recognize($ids: [ID!]!) {{ recognizeAchievements(ids: $ids) {{ {BATCH} }} }}"

GRANT_FIELDS = "id subtype grantedAt revokedAt institution { id name }"
GRANT = f"""
mutation Grant($institutionId: ID!, $subtype: GrantableSubtype!) {{
  grantSubtype(institutionId: $institutionId, subtype: $subtype) {{ grant {{ {GRANT_FIELDS} }} {ERRORS} }}
}}
"""
REVOKE = f"""
mutation Revoke($institutionId: ID!, $subtype: GrantableSubtype!) {{
  revokeSubtype(institutionId: $institutionId, subtype: $subtype) {{ grant {{ {GRANT_FIELDS} }} {ERRORS} }}
}}
"""
GRANTS = f"query Grants($institutionId: ID) {{ subtypeGrants(institutionId: $institutionId) {{ {GRANT_FIELDS} }} }}"

OVERVIEW = """
{ accountOverview { achievements { total degree nonDegree } learnerAchievements { total degree nonDegree } } }
"""

REFERENCE = """
{ levels { id name } graduationConclusions { id name }
  majors(first: 100) { totalCount nodes { id code name majorClass { code name discipline { code name } } } } }
"""

MY_INSTITUTION = "{ me { id institution { id name } } }"

RESTRICTED_SUBTYPES = ["SKILL_LEVEL_CERTIFICATE", "NATIONAL_QUALIFICATION", "OTHER_NON_DEGREE"]


@dataclass
class Reference:
    """The reference lists as the form's drop-downs get them: IDs by name (levels and
    conclusions) and majors by catalogue code."""

    levels: dict[str, str]
    conclusions: dict[str, str]
    majors: dict[str, dict[str, Any]]


async def reference(api: Api, token: str | None = None) -> Reference:
    data = (await api(REFERENCE, token=token)).data
    majors = data["majors"]
    assert majors["totalCount"] == len(majors["nodes"]), "more majors than one page"
    return Reference(
        levels={row["name"]: row["id"] for row in data["levels"]},
        conclusions={row["name"]: row["id"] for row in data["graduationConclusions"]},
        majors={row["code"]: row for row in majors["nodes"]},
    )


def diploma_input(ref: Reference, *, major: str = "020102", level: str = "本科",
                  conclusion: str = "毕业证书", subtype: str = "HIGHER_EDUCATION_DIPLOMA",
                  **fields: Any) -> dict[str, Any]:
    """A complete diploma form; ``fields`` (camelCase) change or add to it, None removes one."""
    values: dict[str, Any] = {
        "levelId": ref.levels[level],
        "majorId": ref.majors[major]["id"],
        "graduationConclusionId": ref.conclusions[conclusion],
        "years": 4,
        "originalHours": 12,
        "originalCredits": 4,
        "minGraduationCredits": 4,
        "validFrom": "2022-03-01",
        "introduction": "测试",
    }
    values.update(fields)
    return {"subtype": subtype, "diploma": {k: v for k, v in values.items() if v is not None}}


def course_input(name: str = "餐厅创建课程", *, subtype: str = "HIGHER_EDUCATION_COURSE",
                 **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"courseName": name, "introduction": "课程简介"}
    values.update(fields)
    return {"subtype": subtype, "course": {k: v for k, v in values.items() if v is not None}}


def certificate_input(name: str = "茶艺师", *, subtype: str = "OTHER_NON_DEGREE",
                      **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"certificateName": name, "introduction": "证书简介"}
    values.update(fields)
    return {"subtype": subtype, "certificate": {k: v for k, v in values.items() if v is not None}}


async def store_result(api: Api, token: str, input: dict[str, Any]) -> GraphQLResult:
    return await api(STORE, {"input": input}, token=token)


async def store(api: Api, token: str, input: dict[str, Any]) -> dict[str, Any]:
    """Store an achievement that must be accepted; returns it."""
    return (await store_result(api, token, input)).ok("storeAchievement")["achievement"]


async def store_refused(api: Api, token: str, input: dict[str, Any]) -> list[tuple[str | None, str]]:
    """Store an achievement that must be refused; returns its (field, code) pairs."""
    payload = (await store_result(api, token, input)).payload("storeAchievement")
    assert payload["errors"], f"expected a refusal: {payload}"
    assert payload["achievement"] is None
    for error in payload["errors"]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def store_diploma(api: Api, token: str, ref: Reference | None = None, **changes: Any) -> dict[str, Any]:
    return await store(api, token, diploma_input(ref or await reference(api, token), **changes))


async def store_course(api: Api, token: str, name: str = "餐厅创建课程", **changes: Any) -> dict[str, Any]:
    return await store(api, token, course_input(name, **changes))


async def listing(api: Api, token: str, filter: dict[str, Any] | None = None,
                  **page: Any) -> dict[str, Any]:
    result = await api(LIST, {"filter": filter, **page}, token=token)
    assert not result.errors, result.errors
    return result.data["achievements"]


async def listed_names(api: Api, token: str, filter: dict[str, Any] | None = None) -> list[str]:
    found = await listing(api, token, filter, first=100)
    assert found["totalCount"] == len(found["nodes"])
    return [node["name"] for node in found["nodes"]]


async def institution_id(api: Api, token: str) -> str:
    return (await api(MY_INSTITUTION, token=token)).data["me"]["institution"]["id"]


async def grant(api: Api, staff_token: str, institution: str, subtype: str) -> dict[str, Any]:
    result = await api(GRANT, {"institutionId": institution, "subtype": subtype}, token=staff_token)
    return result.ok("grantSubtype")["grant"]


async def run_batch(api: Api, document: str, field: str, token: str, ids: list[str]) -> dict[str, Any]:
    """A per-item mutation (delete, recognition) that must be answered item by item."""
    return (await api(document, {"ids": ids}, token=token)).ok(field)


async def recognize(api: Api, staff_token: str, ids: list[str]) -> None:
    """未认定 → 认定中 → 已认定 for every ID."""
    for document, field in ((START_RECOGNITION, "startRecognition"), (RECOGNIZE, "recognizeAchievements")):
        answer = await run_batch(api, document, field, staff_token, ids)
        assert answer["failed"] == 0, answer
