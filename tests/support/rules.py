"""Conversion rules (转换规则, F9) through the public API: query documents, the PDFs a rule is
saved with, and the catalogues two institutions need before they can make rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from adapters.pdf import simple_pdf
from tests.support.api import Api, GraphQLResult
from tests.support.catalogue import (
    certificate_input,
    grant,
    institution_id,
    recognize,
    reference,
    store,
    store_course,
    store_diploma,
)
from tests.support.flows import CSUST, HNU_SYNCED, STAFF, login
from tests.support.xlsx import XLSX, workbook_bytes

ERRORS = "errors { field code message }"
PDF_TYPE = "application/pdf"
RULE_PDF = simple_pdf("长沙理工大学转换规则", ["第一条 学习成果名录3(高级)可转换为餐厅创建课程。", "（加盖院校公章）"])
METHOD_PDF = simple_pdf("长沙理工大学转换办法", ["第一章 总则"])

RULE = """
  id code ruleType status description validFrom validTo version publishedAt takenDownReason
  createdAt inForce interpretationNotice
  institution { id name }
  sources { credits achievement { id name category institution { id name } } }
  targetMajors { id name }
  targetCourses { id name courseCode originalHours originalCredits }
  targetCertificate { credits achievement { id name category } modules { name credits } }
  file { url filename }
"""

CREATE = f"""
mutation Create($input: ConversionRuleInput!, $publish: Boolean! = false) {{
  createConversionRule(input: $input, publish: $publish) {{ rule {{ {RULE} }} {ERRORS} }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: ConversionRuleInput!) {{
  updateConversionRule(id: $id, input: $input) {{ rule {{ {RULE} }} {ERRORS} }}
}}
"""
PUBLISH = f"mutation Publish($id: ID!) {{ publishRule(id: $id) {{ rule {{ {RULE} }} {ERRORS} }} }}"
REVOKE = f"mutation Revoke($id: ID!) {{ revokeConversionRule(id: $id) {{ rule {{ {RULE} }} {ERRORS} }} }}"
DELETE = f"mutation Delete($id: ID!) {{ deleteConversionRule(id: $id) {{ rule {{ id code }} {ERRORS} }} }}"
TAKE_DOWN = f"""
mutation TakeDown($id: ID!, $reason: String) {{
  takeDownConversionRule(id: $id, reason: $reason) {{ rule {{ {RULE} }} {ERRORS} }}
}}
"""

MINE = f"""
query Mine($filter: ConversionRuleFilter, $first: Int) {{
  myConversionRules(filter: $filter, first: $first) {{ totalCount nodes {{ {RULE} }} }}
}}
"""
RELATED = f"""
query Related($filter: ConversionRuleFilter, $first: Int) {{
  relatedConversionRules(filter: $filter, first: $first) {{ totalCount nodes {{ {RULE} }} }}
}}
"""
PORTAL = f"""
query Portal($filter: PortalRuleFilter, $first: Int) {{
  portalConversionRules(filter: $filter, first: $first) {{ totalCount nodes {{ {RULE} }} }}
}}
"""
NODE = f"query Detail($id: ID!) {{ node(id: $id) {{ __typename ... on ConversionRule {{ {RULE} }} }} }}"
RULE_COUNTS = "{ accountOverview { rules { total unpublished published takenDown } } }"

UPLOAD_METHOD = f"""
mutation Upload($input: UploadConversionMethodInput!) {{
  uploadConversionMethod(input: $input) {{ method {{ id status }} {ERRORS} }}
}}
"""
DELETE_METHOD = f"""
mutation DeleteMethod($id: ID!) {{ deleteConversionMethod(id: $id) {{ method {{ id }} {ERRORS} }} }}
"""
SYNC_X = """mutation($file: Upload!) { syncXCertificates(file: $file) { created errors { code message } } }"""
X_LIST = """query($name: String) { achievements(filter: {subtype: X_CERTIFICATE, name: $name}) {
  nodes { id name category recognitionStatus institution { id name } } } }"""
X_HEADERS = ["院校标识码", "证书编号", "证书名称", "等级", "颁证机构", "成果简介", "有效期起始时间"]
CHANGE_INITIAL = """
mutation($input: ChangeInitialPasswordInput!) {
  changeInitialPassword(input: $input) { account { mustChangePassword } errors { code } }
}
"""

# A file upload as Api(files=...) takes it: name, bytes, content type.
Upload = tuple[str, bytes, str]
RULE_FILE: Upload = ("转换规则.pdf", RULE_PDF, PDF_TYPE)


async def upload_method(api: Api, token: str, *, publish: bool = False) -> dict[str, Any]:
    """A conversion method (F8.2), needed before any rule; accepts the security commitment."""
    variables = {"input": {"name": "长沙理工大学转换办法", "file": None, "pledgeAccepted": True,
                           "securityCommitmentAccepted": True, "publish": publish}}
    result = await api(UPLOAD_METHOD, variables, token=token,
                       files={"input.file": ("转换办法.pdf", METHOD_PDF, PDF_TYPE)})
    return result.ok("uploadConversionMethod")["method"]


def source(achievement: dict[str, Any], credits: Any = 5) -> dict[str, Any]:
    return {"achievementId": achievement["id"], "credits": credits}


def degree_rule(sources: list[dict[str, Any]], courses: list[dict[str, Any]], *,
                majors: list[dict[str, Any]] | None = None, rule_type: str = "NON_DEGREE_TO_DEGREE",
                **fields: Any) -> dict[str, Any]:
    """A rule with a degree target: majors (optional) and courses of the publisher."""
    values: dict[str, Any] = {
        "ruleType": rule_type,
        "sources": sources,
        "targetMajorIds": [m["id"] for m in majors or []],
        "targetCourseIds": [c["id"] for c in courses],
        "description": "测试",
        "pledgeAccepted": True,
    }
    values.update(fields)
    return values


def certificate_rule(sources: list[dict[str, Any]], certificate: dict[str, Any], *,
                     credits: Any = 5, modules: list[tuple[str, Any]] | None = None,
                     rule_type: str = "DEGREE_TO_NON_DEGREE", **fields: Any) -> dict[str, Any]:
    """A rule with a non-degree target: the publisher's certificate, its credits and modules."""
    values: dict[str, Any] = {
        "ruleType": rule_type,
        "sources": sources,
        "targetCertificate": {
            "achievementId": certificate["id"], "credits": credits,
            "modules": [{"name": name, "credits": c} for name, c in (modules or [])],
        },
        "description": "测试",
        "pledgeAccepted": True,
    }
    values.update(fields)
    return values


async def create_result(api: Api, token: str, input: dict[str, Any], *, publish: bool = False,
                        file: Upload | None = RULE_FILE) -> GraphQLResult:
    variables = {"input": dict(input), "publish": publish}
    if file is None:
        return await api(CREATE, variables, token=token)
    variables["input"]["file"] = None
    return await api(CREATE, variables, token=token, files={"input.file": file})


async def create_rule(api: Api, token: str, input: dict[str, Any], *, publish: bool = False,
                      file: Upload | None = RULE_FILE) -> dict[str, Any]:
    """A rule that must be accepted (saved, or published when ``publish``)."""
    result = await create_result(api, token, input, publish=publish, file=file)
    return result.ok("createConversionRule")["rule"]


async def create_refused(api: Api, token: str, input: dict[str, Any], *, publish: bool = False,
                         file: Upload | None = RULE_FILE) -> list[tuple[str | None, str]]:
    """A rule that must be refused; its (field, code) pairs."""
    payload = (await create_result(api, token, input, publish=publish, file=file)).payload(
        "createConversionRule")
    return refusal(payload)


def refusal(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    assert payload["errors"], f"expected a refusal: {payload}"
    assert payload["rule"] is None
    for error in payload["errors"]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error
    return [(e["field"], e["code"]) for e in payload["errors"]]


async def update_result(api: Api, token: str, rule_id: str, input: dict[str, Any], *,
                        file: Upload | None = None) -> GraphQLResult:
    variables = {"id": rule_id, "input": dict(input)}
    if file is None:
        return await api(UPDATE, variables, token=token)
    variables["input"]["file"] = None
    return await api(UPDATE, variables, token=token, files={"input.file": file})


async def act(api: Api, token: str, document: str, field: str, rule_id: str,
              **variables: Any) -> dict[str, Any]:
    """A rule mutation (publishRule, revoke, delete, take-down) that must succeed; the rule."""
    result = await api(document, {"id": rule_id, **variables}, token=token)
    return result.ok(field)["rule"]


async def act_refused(api: Api, token: str, document: str, field: str, rule_id: str,
                      **variables: Any) -> list[tuple[str | None, str]]:
    result = await api(document, {"id": rule_id, **variables}, token=token)
    return refusal(result.payload(field))


async def my_rules(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await api(MINE, {"filter": filter, "first": 100}, token=token)
    assert not result.errors, result.errors
    return result.data["myConversionRules"]


async def related_rules(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await api(RELATED, {"filter": filter, "first": 100}, token=token)
    assert not result.errors, result.errors
    return result.data["relatedConversionRules"]


async def portal_rules(api: Api, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    """The public portal: no token."""
    result = await api(PORTAL, {"filter": filter, "first": 100})
    assert not result.errors, result.errors
    return result.data["portalConversionRules"]


def codes(connection: dict[str, Any]) -> set[str]:
    assert connection["totalCount"] == len(connection["nodes"])
    return {node["code"] for node in connection["nodes"]}


async def synced_x_certificate(api: Api, staff: str, token: str, school_code: str = CSUST[0]) -> dict[str, Any]:
    """An X certificate (学习成果名录3(高级), 新疆美食培训) brought in by the staff's sync (F4.4),
    as the institution of ``token`` lists it."""
    content = workbook_bytes(X_HEADERS, [[school_code, "X-0001", "学习成果名录3", "高级", "新疆美食培训",
                                          "烹饪", "2022-03-01"]])
    result = await api(SYNC_X, {"file": None}, token=staff, files={"file": ("x.xlsx", content, XLSX)})
    assert result.payload("syncXCertificates")["created"] == 1
    found = (await api(X_LIST, {"name": "学习成果名录3"}, token=token)).data["achievements"]["nodes"]
    assert len(found) == 1, found
    return found[0]


async def hnu_token(api: Api) -> str:
    """湖南大学, synced with the initial password: changed first, as F2.2 demands."""
    token = await login(api, *HNU_SYNCED)
    changed = await api(CHANGE_INITIAL, {"input": {"newPassword": "Hnu2024new",
                                                   "confirmation": "Hnu2024new"}}, token=token)
    assert changed.ok("changeInitialPassword")["account"]["mustChangePassword"] is False
    return token


@dataclass
class Catalogue:
    """One institution's token and achievements: a non-degree certificate (stored after the
    staff grant), a diploma (a major) and a course."""

    token: str
    institution_id: str
    certificate: dict[str, Any]
    diploma: dict[str, Any]
    course: dict[str, Any]
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)


async def catalogue(api: Api, token: str, staff: str, *, certificate: str, course: str,
                    major: str = "020102", course_hours: int = 45, course_credits: int = 56,
                    recognised: bool = True) -> Catalogue:
    """``recognised``: the bank recognises the three (已认定), so other institutions see them in
    the public catalogue and may make rules with them as sources (F9.3)."""
    mine = await institution_id(api, token)
    await grant(api, staff, mine, "OTHER_NON_DEGREE")
    ref = await reference(api, token)
    found = Catalogue(
        token=token,
        institution_id=mine,
        certificate=await store(api, token, certificate_input(certificate)),
        diploma=await store_diploma(api, token, ref, major=major),
        course=await store_course(api, token, course, courseCode="001",
                                  originalHours=course_hours, originalCredits=course_credits),
    )
    if recognised:
        await recognize(api, staff, [found.certificate["id"], found.diploma["id"], found.course["id"]])
    return found


@dataclass
class World:
    staff: str
    csust: Catalogue
    hnu: Catalogue


async def world(api: Api, *, csust_method: bool = True, hnu_method: bool = False,
                recognised: bool = True) -> World:
    """长沙理工大学 and 湖南大学 with a catalogue each (recognised by the bank unless not
    ``recognised``); CSUST has uploaded its method."""
    staff = await login(api, *STAFF)
    csust = await catalogue(api, await login(api, *CSUST), staff, certificate="茶艺师",
                            course="餐厅创建课程", recognised=recognised)
    hnu = await catalogue(api, await hnu_token(api), staff, certificate="学习成果名录3",
                          course="测试成果1", course_hours=12, course_credits=4, recognised=recognised)
    if csust_method:
        csust.extra["method"] = await upload_method(api, csust.token)
    if hnu_method:
        hnu.extra["method"] = await upload_method(api, hnu.token)
    return World(staff=staff, csust=csust, hnu=hnu)
