"""Conversion applications (转换申请, F9.7, F10, F11, F15, B1, B2, B4) through the public API:
query documents, the scene two institutions and their learners need before anyone can apply
(a CSUST rule whose source is 湖南大学's X certificate), and the steps the application tests share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.support.api import Api, GraphQLResult
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, STAFF, code_for, login
from tests.support.learner_records import (
    learner_login,
    person,
    register,
    store_course,
    store_record,
)
from tests.support.rules import (
    REVOKE,
    TAKE_DOWN,
    act,
    create_rule,
    degree_rule,
    hnu_token,
    source,
    synced_x_certificate,
    upload_method,
)

ERRORS = "errors { field code message }"
CSUST_PHONE = "13800000001"
HNU_PHONE = "13800000003"

# --- documents --------------------------------------------------------------------------------

# What a rule version and a result recorded (typed snapshots, B1, F11.2): the values kept, and the
# live achievement where the reader may see it.
TARGET = "name originalHours originalCredits achievement { id name }"
CERTIFICATE = "name credits modules { name credits } achievement { id name }"
VERSION_TARGET = f"courses {{ {TARGET} }} majors {{ {TARGET} }} certificate {{ {CERTIFICATE} }}"
RESULT = f"""
  source {{ name personalNumber issuedOn ruleCode ruleVersion learnerAchievement {{ id }} }}
  granted {{
    courses {{ name originalHours originalCredits recognisedCredits achievement {{ id name }} }}
    majors {{ {TARGET} }} certificate {{ {CERTIFICATE} }}
  }}
  grantedCredits createdAt
"""
APPLICATION = f"""
  id kind ruleCode learnerName status failReason decidedAt reReviewReason reReviewRequestedAt
  appliedAt maskedIdNumber ruleVersion target {{ {VERSION_TARGET} }}
  source {{ id personalNumber issuedOn achievement {{ id name }} learner {{ name }} }}
  rule {{ id code version }}
  batch {{ id name learnerCount }}
  history {{ action reason createdAt }}
  result {{ {RESULT} }}
"""
BATCH_FIELDS = """
  id name learnerCount pendingCount createdAt
  initiator { id name } target { id name }
  rule { id code sources { achievement { id name } } targetCourses { id name } }
"""
APPLY = f"""
mutation Apply($input: ApplyConversionInput!) {{
  applyConversion(input: $input) {{
    batch {{ {BATCH_FIELDS} }} applications {{ {APPLICATION} }} {ERRORS}
  }}
}}
"""
APPLY_PERSONAL = f"""
mutation ApplyPersonal($input: ApplyForConversionInput!) {{
  applyForConversion(input: $input) {{ application {{ {APPLICATION} }} {ERRORS} }}
}}
"""
REVIEW = f"""
mutation Review($input: ReviewConversionInput!) {{
  reviewConversion(input: $input) {{
    results {{ id ok error {{ field code message }} }} succeeded failed {ERRORS}
  }}
}}
"""
RE_REVIEW = f"""
mutation ReReview($input: RequestReReviewInput!) {{
  requestReReview(input: $input) {{ application {{ {APPLICATION} }} {ERRORS} }}
}}
"""
EXPORT = f"""
mutation Export($input: ExportApplicationsInput!) {{
  exportApplications(input: $input) {{ rowCount file {{ url filename }} {ERRORS} }}
}}
"""
RECEIVED = f"""
query Received($filter: ApplicationFilter, $first: Int) {{
  receivedApplications(filter: $filter, first: $first) {{ totalCount nodes {{ {APPLICATION} }} }}
}}
"""
INITIATED = f"""
query Initiated($filter: ApplicationFilter, $first: Int) {{
  initiatedApplications(filter: $filter, first: $first) {{ totalCount nodes {{ {APPLICATION} }} }}
}}
"""
BATCHES = f"""
query Batches($received: Boolean! = true, $ruleCode: String, $first: Int) {{
  applicationBatches(received: $received, ruleCode: $ruleCode, first: $first) {{
    totalCount nodes {{ {BATCH_FIELDS} }}
  }}
}}
"""
ELIGIBLE = """
query Eligible($ruleId: ID!, $first: Int) {
  eligibleLearnerAchievements(ruleId: $ruleId, first: $first) {
    totalCount nodes { id personalNumber learner { name maskedIdNumber } achievement { id name } }
  }
}
"""
MINE = f"""
query Mine($first: Int) {{ myApplications(first: $first) {{ totalCount nodes {{ {APPLICATION} }} }} }}
"""
NODE = f"query Node($id: ID!) {{ node(id: $id) {{ __typename ... on ConversionApplication {{ {APPLICATION} }} }} }}"


# --- the scene ----------------------------------------------------------------------------------


@dataclass
class Holder:
    """A learner of 湖南大学 and the record HNU stored for them on the rule's source."""

    name: str
    id_number: str
    record: dict[str, Any]


@dataclass
class Scene:
    """长沙理工大学 (CSUST) publishes a 非学历转学历 rule: 湖南大学's X certificate (学习成果名录3(高级))
    converts to CSUST's course 餐厅创建课程 (32 hours, 4 credits). 湖南大学 (HNU) holds learners on
    that certificate."""

    staff: str
    csust: str
    hnu: str
    x_certificate: dict[str, Any]
    course: dict[str, Any]
    rule: dict[str, Any]
    holders: list[Holder] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def ids(self, *indexes: int) -> list[str]:
        return [self.holders[i].record["id"] for i in indexes]


LEARNERS = [("李毅", 1), ("李二", 2), ("王小明", 3)]


async def scene(api: Api, *, learners: list[tuple[str, int]] | None = None, credits: float = 4) -> Scene:
    """The whole set-up of the manual's 申请转换 screens, every step through the API."""
    staff = await login(api, *STAFF)
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    x_certificate = await synced_x_certificate(api, staff, hnu, school_code=HNU_SYNCED[0])
    await upload_method(api, csust, publish=True)
    course = await store_course(api, csust, "餐厅创建课程", credits=credits)
    rule = await create_rule(api, csust, degree_rule([source(x_certificate)], [course]), publish=True)
    assert (rule["status"], rule["version"], rule["inForce"]) == ("PUBLISHED", 1, True)
    made = Scene(staff=staff, csust=csust, hnu=hnu, x_certificate=x_certificate, course=course, rule=rule)
    for name, sequence in LEARNERS if learners is None else learners:
        await add_holder(api, made, name, sequence)
    return made


async def add_holder(api: Api, made: Scene, name: str, sequence: int,
                     achievement: dict[str, Any] | None = None) -> Holder:
    """HNU stores a learner achievement (on the X certificate unless told otherwise)."""
    id_number = person(sequence)
    achievement = achievement or made.x_certificate
    record = await store_record(api, made.hnu, achievement["id"], name, id_number, f"hn{sequence:04d}")
    holder = Holder(name=name, id_number=id_number, record=record)
    if achievement is made.x_certificate:
        made.holders.append(holder)
    return holder


async def teacher(api: Api) -> str:
    """长沙理工大学's sub-user 李老师: a second reviewer of the same institution."""
    return await login(api, *CSUST_TEACHER)


async def learner(api: Api, holder: Holder, phone: str) -> str:
    """The holder registers (F15), which activates HNU's record, and logs in."""
    await register(api, holder.name, holder.id_number, phone)
    return await learner_login(api, holder.id_number)


# --- steps ----------------------------------------------------------------------------------------


async def apply_result(api: Api, token: str, rule_id: str, ids: list[str] | None = None, *,
                       all_matching: bool = False) -> GraphQLResult:
    """applyConversion for the ticked records ``ids``, or with ``all_matching`` for every eligible
    learner (an empty selection alone is refused, issue 14)."""
    return await api(APPLY, {"input": {"ruleId": rule_id, "learnerAchievementIds": ids,
                                       "allMatching": all_matching}}, token=token)


async def apply(api: Api, token: str, rule_id: str, ids: list[str] | None = None, *,
                all_matching: bool = False) -> dict[str, Any]:
    """applyConversion that must be accepted; its payload (batch and applications)."""
    return (await apply_result(api, token, rule_id, ids, all_matching=all_matching)).ok("applyConversion")


async def apply_refused(api: Api, token: str, rule_id: str, ids: list[str] | None = None, *,
                        all_matching: bool = False) -> list[tuple[str | None, str]]:
    result = await apply_result(api, token, rule_id, ids, all_matching=all_matching)
    result.refused("applyConversion")
    payload = result.data["applyConversion"]
    assert payload["batch"] is None and payload["applications"] == []
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def apply_personal_result(api: Api, token: str, rule_id: str, record_id: str) -> GraphQLResult:
    return await api(APPLY_PERSONAL, {"input": {"ruleId": rule_id, "learnerAchievementId": record_id}},
                     token=token)


async def apply_personal(api: Api, token: str, rule_id: str, record_id: str) -> dict[str, Any]:
    return (await apply_personal_result(api, token, rule_id, record_id)).ok("applyForConversion")["application"]


async def apply_personal_refused(api: Api, token: str, rule_id: str, record_id: str) -> list[tuple[str | None, str]]:
    result = await apply_personal_result(api, token, rule_id, record_id)
    result.refused("applyForConversion")
    assert result.data["applyForConversion"]["application"] is None
    return [(e["field"], e["code"]) for e in result.data["applyForConversion"]["errors"]]


async def review_result(api: Api, token: str, decision: str, *, ids: list[str] | None = None,
                        filter: dict[str, Any] | None = None, reason: str | None = None,
                        all_matching: bool = False) -> GraphQLResult:
    """reviewConversion of the ticked ``ids``, or with ``all_matching`` of every pending row of
    ``filter`` (issue 14: nothing ticked alone is refused)."""
    return await api(REVIEW, {"input": {"decision": decision, "ids": ids, "filter": filter, "reason": reason,
                                        "allMatching": all_matching}}, token=token)


async def review(api: Api, token: str, decision: str, *, ids: list[str] | None = None,
                 filter: dict[str, Any] | None = None, reason: str | None = None,
                 all_matching: bool = False) -> dict[str, Any]:
    """reviewConversion that is answered row by row (no refusal of the whole request)."""
    return (await review_result(api, token, decision, ids=ids, filter=filter, reason=reason,
                                all_matching=all_matching)).ok("reviewConversion")


def row_codes(answer: dict[str, Any]) -> dict[str, str | None]:
    """Each row's answer: None when it was decided, else its error code."""
    return {r["id"]: (None if r["ok"] else r["error"]["code"]) for r in answer["results"]}


async def re_review_result(api: Api, token: str, application_id: str, reason: str | None) -> GraphQLResult:
    return await api(RE_REVIEW, {"input": {"applicationId": application_id, "reason": reason}}, token=token)


async def re_review(api: Api, token: str, application_id: str, reason: str = "证书等级有误，请复核") -> dict[str, Any]:
    return (await re_review_result(api, token, application_id, reason)).ok("requestReReview")["application"]


async def connection(api: Api, token: str, document: str, field_name: str,
                     variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """A list holding every match on one page."""
    result = await api(document, {"first": 100, **(variables or {})}, token=token)
    assert not result.errors, result.errors
    found = result.data[field_name]
    assert found["totalCount"] == len(found["nodes"]), found
    return found


async def received(api: Api, token: str, filter: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return (await connection(api, token, RECEIVED, "receivedApplications", {"filter": filter}))["nodes"]


async def initiated(api: Api, token: str, filter: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return (await connection(api, token, INITIATED, "initiatedApplications", {"filter": filter}))["nodes"]


async def batches(api: Api, token: str, *, received: bool = True, rule_code: str | None = None) -> list[dict[str, Any]]:
    variables = {"received": received, "ruleCode": rule_code}
    return (await connection(api, token, BATCHES, "applicationBatches", variables))["nodes"]


async def eligible(api: Api, token: str, rule_id: str) -> list[dict[str, Any]]:
    return (await connection(api, token, ELIGIBLE, "eligibleLearnerAchievements", {"ruleId": rule_id}))["nodes"]


async def mine(api: Api, token: str) -> list[dict[str, Any]]:
    return (await connection(api, token, MINE, "myApplications"))["nodes"]


async def node(api: Api, token: str, application_id: str) -> dict[str, Any]:
    result = await api(NODE, {"id": application_id}, token=token)
    assert not result.errors, result.errors
    return result.data["node"]


async def export(api: Api, token: str, phone: str, **input: Any) -> dict[str, Any]:
    """exportApplications with a real EXPORT code sent to the account's bound phone."""
    code = await code_for(api, "EXPORT", token=token, bound_phone=phone)
    result = await api(EXPORT, {"input": {**input, "code": code}}, token=token)
    return result.payload("exportApplications")


async def revoke_rule(api: Api, token: str, rule_id: str) -> dict[str, Any]:
    return await act(api, token, REVOKE, "revokeConversionRule", rule_id)


async def take_down_rule(api: Api, staff: str, rule_id: str, reason: str = "信息有误") -> dict[str, Any]:
    return await act(api, staff, TAKE_DOWN, "takeDownConversionRule", rule_id, reason=reason)
