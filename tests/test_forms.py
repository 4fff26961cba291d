"""Forms behave as the schema says (issue 14): every mutation input's date refuses a day that does
not exist as a field error of its payload, in Chinese, storing nothing; list filters refuse bad
dates and reversed ranges with a code; input enums hold only what may be sent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLInputType,
    get_named_type,
    is_input_object_type,
    is_list_type,
    is_non_null_type,
)

from schema import build_schema
from tests.support.api import Api
from tests.support.catalogue import certificate_input, diploma_input, reference
from tests.support.db import snapshot
from tests.support.flows import CSUST, login
from tests.support.learner_records import person, record_input
from tests.support.partners import create_partner
from tests.support.rules import create_rule, degree_rule, source, world

# What each date-like scalar is sent that it cannot read, and the code it answers.
UNREADABLE = {"Date": ("2022-02-30", "INVALID_DATE"), "DateTime": ("2022-02-30T08:00:00+08:00", "INVALID_DATETIME")}
CHINESE = ("\u4e00", "\u9fff")


def _dates_in(type_: GraphQLInputType, path: tuple[str, ...], seen: frozenset[str]
              ) -> Iterator[tuple[tuple[str, ...], str]]:
    while is_non_null_type(type_) or is_list_type(type_):
        type_ = type_.of_type  # type: ignore[union-attr]
    named = get_named_type(type_)
    if named.name in UNREADABLE:
        yield path, named.name
    elif is_input_object_type(named) and named.name not in seen:
        for name, input_field in named.fields.items():  # type: ignore[attr-defined]
            yield from _dates_in(input_field.type, (*path, name), seen | {named.name})


def date_fields() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Every mutation taking a Date or DateTime anywhere in its arguments: the paths to them."""
    mutation = build_schema()._schema.mutation_type
    assert mutation is not None
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, mutation_field in mutation.fields.items():
        for argument, definition in mutation_field.args.items():
            for path, scalar in _dates_in(definition.type, (argument,), frozenset()):
                found.setdefault(name, []).append((path, scalar))
    return found


def document(name: str) -> str:
    """``name`` with every argument a variable, answering only its errors."""
    mutation = build_schema()._schema.mutation_type
    assert mutation is not None
    args = mutation.fields[name].args
    declared = ", ".join(f"${arg}: {definition.type}" for arg, definition in args.items())
    passed = ", ".join(f"{arg}: ${arg}" for arg in args)
    return f"mutation Form({declared}) {{ {name}({passed}) {{ errors {{ field code message }} }} }}"


@dataclass
class Call:
    token: str
    variables: dict[str, Any]


@dataclass
class Scene:
    staff: str
    csust: str
    forms: dict[str, list[Call]]


async def scene(api: Api) -> Scene:
    """A valid call of every form with a date, for the accounts allowed to make it."""
    w = await world(api)
    csust = w.csust.token
    ref = await reference(api, csust)
    rule = await create_rule(api, csust, degree_rule([source(w.hnu.certificate)], [w.csust.course]), file=None)
    partner = await create_partner(api, w.staff, w.csust.institution_id)
    rule_input = degree_rule([source(w.hnu.certificate)], [w.csust.course],
                             validFrom="2024-01-01", validTo="2030-12-31")
    forms = {
        "storeAchievement": [
            Call(csust, {"input": diploma_input(ref, level="硕士", validFrom="2022-03-01")}),
            Call(csust, {"input": certificate_input("花艺师", validFrom="2022-03-01")}),
        ],
        "createConversionRule": [Call(csust, {"input": rule_input, "publish": False})],
        "updateConversionRule": [Call(csust, {"id": rule["id"], "input": rule_input})],
        "storeLearnerAchievement": [
            Call(csust, {"input": record_input(w.csust.course["id"], "张三", person(1), "P-001")}),
        ],
        "issuePartnerKey": [Call(w.staff, {"input": {"partnerId": partner["id"],
                                                      "expiresAt": "2030-01-01T00:00:00+08:00"}})],
    }
    return Scene(staff=w.staff, csust=csust, forms=forms)


def _container(variables: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any] | None:
    """The object holding the last field of ``path`` (lists: their first item), if the call has it."""
    value: Any = variables
    for key in path[:-1]:
        if isinstance(value, list):
            value = value[0] if value else None
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, dict) else None


def _with(variables: dict[str, Any], path: tuple[str, ...], bad: str) -> dict[str, Any]:
    copy: Any = _deep_copy(variables)
    holder = _container(copy, path)
    assert holder is not None
    holder[path[-1]] = bad
    return copy  # type: ignore[no-any-return]


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def _field(path: tuple[str, ...], variables: dict[str, Any]) -> str:
    """The payload's name for ``path``: its place in ``input``, list items by position."""
    parts: list[str] = []
    value: Any = variables
    for index, key in enumerate(path):
        if index == 0 and key == "input":
            value = value[key]
            continue
        parts.append(key)
        value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, list):
            parts.append("0")
            value = value[0] if value else None
    return ".".join(parts)


async def test_every_form_refuses_a_day_that_does_not_exist_as_a_field_error(api: Api, demo: None) -> None:
    """Walks the schema: every Date (and DateTime) anywhere in a mutation's arguments, sent a day
    that does not exist, answers a payload field error with a code and a Chinese message, and
    nothing is stored. A new form with a date fails here until it has a valid call in scene()."""
    s = await scene(api)
    found = date_fields()
    assert set(found) <= set(s.forms), f"forms with a date and no valid call in scene(): {set(found) - set(s.forms)}"
    checked = 0
    for mutation, paths in found.items():
        query = document(mutation)
        for path, scalar in paths:
            bad, code = UNREADABLE[scalar]
            calls = [call for call in s.forms[mutation] if _container(call.variables, path) is not None]
            assert calls, f"{mutation}: no valid call holds {'.'.join(path)}"
            for call in calls:
                variables = _with(call.variables, path, bad)
                before = await snapshot()
                result = await api(query, variables, token=call.token)
                errors = result.payload(mutation)["errors"]
                assert [(e["field"], e["code"]) for e in errors] == [(_field(path, variables), code)], (mutation, errors)
                assert any(CHINESE[0] <= ch <= CHINESE[1] for ch in errors[0]["message"]), errors
                assert bad in errors[0]["message"]
                assert await snapshot() == before, mutation
                checked += 1
        # The same calls with their dates as given are accepted: the day alone was refused.
        for call in s.forms[mutation]:
            (await api(query, call.variables, token=call.token)).ok(mutation)
    assert checked >= 7


async def test_a_day_that_does_not_exist_in_a_literal_is_a_chinese_request_error(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await api('mutation { storeLearnerAchievement(input: {achievementId: "x", issuedOn: "2020-13-45"}) '
                       "{ errors { code } } }", token=token)
    assert result.data is None
    error = result.errors[0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.issuedOn", "reason": "INVALID_DATE"}
    assert "2020-13-45" in error["message"] and "日期" in error["message"]
    assert await snapshot() == before


FEEDBACKS = "query($filter: FeedbackFilter) { feedbacks(filter: $filter) { totalCount } }"
METHODS = "query($filter: ConversionMethodFilter) { conversionMethods(filter: $filter) { totalCount } }"


async def test_list_filters_refuse_days_that_do_not_exist_with_a_code_and_a_chinese_message(
    api: Api, demo: None
) -> None:
    token = await login(api, *CSUST)
    for query, name in ((FEEDBACKS, "startDate"), (FEEDBACKS, "endDate"), (METHODS, "publishedFrom"),
                        (METHODS, "publishedTo")):
        for bad in ("2022-02-30", "2020-13-45", "2022/03/01"):
            result = await api(query, {"filter": {name: bad}}, token=token)
            assert result.data is None and len(result.errors) == 1, result.body
            error = result.errors[0]
            assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": f"filter.{name}", "reason": "INVALID_DATE"}
            assert bad in error["message"] and "日期应为YYYY-MM-DD" in error["message"]
    literal = await api('{ feedbacks(filter: {endDate: "2022-02-30"}) { totalCount } }', token=token)
    assert literal.errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "filter.endDate",
                                               "reason": "INVALID_DATE"}


async def test_list_filters_refuse_reversed_date_ranges(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    for query, start, end in ((FEEDBACKS, "startDate", "endDate"), (METHODS, "publishedFrom", "publishedTo")):
        reversed_range = await api(query, {"filter": {start: "2024-03-05", end: "2024-03-01"}}, token=token)
        assert reversed_range.error_codes == ["INVALID_RANGE"], reversed_range.body
        message = reversed_range.errors[0]["message"]
        assert "不能早于" in message and start in message and end in message
        # One day, and open ends, are ranges.
        for filter in ({start: "2024-03-01", end: "2024-03-01"}, {start: "2024-03-05"}, {end: "2024-03-01"}):
            assert not (await api(query, {"filter": filter}, token=token)).errors


INPUT_ENUMS = """query($type: String!) { __type(name: $type) { inputFields { name type { name ofType { name
  enumValues { name } } } } } }"""
ARG_ENUMS = "{ __schema { mutationType { fields { name args { name type { ofType { name enumValues { name } } } } } } } }"
QUERY_ARGS = "{ __schema { queryType { fields { name args { name type { ofType { name enumValues { name } } } } } } } }"


async def _input_enum(api: Api, input_type: str, field: str) -> tuple[str, set[str]]:
    fields = (await api(INPUT_ENUMS, {"type": input_type})).data["__type"]["inputFields"]
    type_ = next(f["type"] for f in fields if f["name"] == field)
    named = type_["ofType"] or type_
    return named["name"], {v["name"] for v in named["enumValues"]}


async def _argument_enum(api: Api, document_: str, root: str, field: str, argument: str) -> set[str]:
    fields = (await api(document_)).data["__schema"][root]["fields"]
    args = next(f["args"] for f in fields if f["name"] == field)
    return {v["name"] for v in next(a for a in args if a["name"] == argument)["type"]["ofType"]["enumValues"]}


async def test_input_enums_offer_only_what_may_be_sent(api: Api) -> None:
    assert await _input_enum(api, "HandleFeedbackInput", "outcome") == ("FeedbackOutcome", {"RESOLVED", "REJECTED"})
    # A decision is named as the status it leads to.
    assert await _input_enum(api, "ReviewConversionInput", "decision") == ("Decision", {"PASSED", "FAILED"})
    decisions = {"PASSED", "FAILED"}
    statuses = {v["name"] for v in (await api('{ __type(name: "ApplicationStatus") { enumValues { name } } }')
                                    ).data["__type"]["enumValues"]}
    assert decisions < statuses
    # X certificates only come from the sync; grants only for the subtypes that need one.
    all_subtypes = {v["name"] for v in (await api('{ __type(name: "AchievementSubtype") { enumValues { name } } }')
                                        ).data["__type"]["enumValues"]}
    storable = all_subtypes - {"X_CERTIFICATE"}
    assert (await _input_enum(api, "StoreAchievementInput", "subtype"))[1] == storable
    assert (await _input_enum(api, "ImportAchievementsInput", "subtype"))[1] == storable
    assert await _argument_enum(api, QUERY_ARGS, "queryType", "achievementImportTemplate", "subtype") == storable
    grantable = {"SKILL_LEVEL_CERTIFICATE", "NATIONAL_QUALIFICATION", "OTHER_NON_DEGREE"}
    for mutation in ("grantSubtype", "revokeSubtype"):
        assert await _argument_enum(api, ARG_ENUMS, "mutationType", mutation, "subtype") == grantable
    # Each keeps its Chinese labels.
    labels = (await api('{ labels(names: ["FeedbackOutcome", "Decision", "StorableSubtype", "GrantableSubtype"]) '
                        "{ name values { value label } } }")).data["labels"]
    by_name = {item["name"]: {v["value"]: v["label"] for v in item["values"]} for item in labels}
    assert by_name["FeedbackOutcome"] == {"RESOLVED": "已解决", "REJECTED": "驳回"}
    assert by_name["Decision"] == {"PASSED": "通过", "FAILED": "不通过"}
    assert by_name["StorableSubtype"]["OTHER_NON_DEGREE"] == "其他非学历证书"
    assert set(by_name["GrantableSubtype"]) == grantable

