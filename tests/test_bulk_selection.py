"""Bulk decisions that cannot happen by accident (issue 14).

A bulk mutation acts on the rows a user ticked (``ids``) or — only when the front end says so with
``allMatching: true`` — on every row of the list's current filter: the manual's "不勾选数据时，默认
审核全部 / 导出全部" is the front end's explicit choice, never what an empty list means. An empty or
missing selection without the flag (NOTHING_SELECTED) and a selection together with the flag
(CONFLICTING_SELECTION) are refused and change nothing; the flag's answer says how many rows it
decided. Mutations without an "all" form (deletions, withdrawals, recognition) refuse an empty
selection the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from tortoise.timezone import now

from models.verification import PhoneSendSlot
from schema import build_schema
from tests.support.api import Api, GraphQLResult
from tests.support.applications import CSUST_PHONE, HNU_PHONE, Scene, apply, received, scene
from tests.support.db import snapshot
from tests.support.flows import code_for
from tests.support.learner_records import withdraw_result

ERRORS = "errors { field code message }"
BATCH = f"results {{ id ok }} succeeded failed {ERRORS}"
EXPORTED = f"rowCount file {{ url }} {ERRORS}"

REVIEW = f"mutation($input: ReviewConversionInput!) {{ reviewConversion(input: $input) {{ {BATCH} }} }}"
APPLY = f"""mutation($input: ApplyConversionInput!) {{ applyConversion(input: $input) {{
  batch {{ id learnerCount }} applications {{ id learnerName }} {ERRORS} }} }}"""
EXPORT_ACHIEVEMENTS = f"""mutation($input: ExportAchievementsInput!) {{
  exportAchievements(input: $input) {{ {EXPORTED} }} }}"""
EXPORT_LEARNERS = f"mutation($input: ExportLearnersInput!) {{ exportLearners(input: $input) {{ {EXPORTED} }} }}"
EXPORT_RECORDS = f"""mutation($input: ExportLearnerAchievementsInput!) {{
  exportLearnerAchievements(input: $input) {{ {EXPORTED} }} }}"""
EXPORT_APPLICATIONS = f"""mutation($input: ExportApplicationsInput!) {{
  exportApplications(input: $input) {{ {EXPORTED} }} }}"""
MARK_READ = f"""mutation($input: MarkMessagesReadInput!) {{
  markMessagesRead(input: $input) {{ marked unreadCount {ERRORS} }} }}"""
DELETE_ACHIEVEMENTS = f"mutation($ids: [ID!]!) {{ deleteAchievements(ids: $ids) {{ {BATCH} }} }}"
DELETE_LEARNERS = f"mutation($ids: [ID!]!) {{ deleteLearners(ids: $ids) {{ {BATCH} }} }}"
START_RECOGNITION = f"mutation($ids: [ID!]!) {{ startRecognition(ids: $ids) {{ {BATCH} }} }}"
RECOGNIZE = f"mutation($ids: [ID!]!) {{ recognizeAchievements(ids: $ids) {{ {BATCH} }} }}"

COUNTS = """{ achievements { totalCount } learners { totalCount } learnerAchievements { totalCount }
  unreadMessageCount }"""
MESSAGE_IDS = "{ messages(first: 100) { nodes { id } } }"
EMPTY_MEANS_ALL = re.compile(r"空.{0,6}(表示|时|则).{0,12}全部")


@dataclass
class Bulk:
    """A mutation with an "all matching" form: its document, who calls it, the rest of its input,
    the field holding the selection and one row its caller may select."""

    mutation: str
    document: str
    token: str
    base: dict[str, Any]
    one_id: str
    ids_field: str = "ids"


@dataclass
class World:
    s: Scene
    first_batch: dict[str, Any]
    codes: dict[str, str]  # an unspent EXPORT code of CSUST and of HNU, by token
    bulk: list[Bulk] = field(default_factory=list)
    # Mutations that take only a selection (no "all" form): mutation, document, token.
    selection_only: list[tuple[str, str, str]] = field(default_factory=list)


async def _world(api: Api) -> World:
    """长沙理工大学 (CSUST) publishes a rule; 湖南大学 (HNU) holds three learners on its source and
    sends two of them as a batch, so each bulk mutation has rows to act on."""
    s = await scene(api)
    first = await apply(api, s.hnu, s.rule["id"], s.ids(0, 1))
    application = first["applications"][0]["id"]
    csust_code = await code_for(api, "EXPORT", token=s.csust, bound_phone=CSUST_PHONE)
    hnu_code = await code_for(api, "EXPORT", token=s.hnu, bound_phone=HNU_PHONE)
    messages = (await api(MESSAGE_IDS, token=s.csust)).data["messages"]["nodes"]
    assert messages, "the batch left CSUST a message"
    world = World(s=s, first_batch=first, codes={s.csust: csust_code, s.hnu: hnu_code})
    world.bulk = [
        Bulk("reviewConversion", REVIEW, s.csust, {"decision": "PASSED"}, application),
        Bulk("reviewConversion", REVIEW, s.csust,
             {"decision": "PASSED", "filter": {"batchId": first["batch"]["id"]}}, application),
        Bulk("applyConversion", APPLY, s.hnu, {"ruleId": s.rule["id"]}, s.holders[2].record["id"],
             ids_field="learnerAchievementIds"),
        Bulk("exportAchievements", EXPORT_ACHIEVEMENTS, s.csust, {"code": csust_code}, s.course["id"]),
        Bulk("exportAchievements", EXPORT_ACHIEVEMENTS, s.csust,
             {"code": csust_code, "filter": {"name": "课程"}}, s.course["id"]),
        Bulk("exportLearners", EXPORT_LEARNERS, s.hnu, {"code": hnu_code}, s.holders[0].record["learner"]["id"]),
        Bulk("exportLearnerAchievements", EXPORT_RECORDS, s.hnu, {"code": hnu_code}, s.holders[0].record["id"]),
        Bulk("exportApplications", EXPORT_APPLICATIONS, s.csust,
             {"received": True, "code": csust_code, "filter": {"status": "PENDING"}}, application),
        Bulk("markMessagesRead", MARK_READ, s.csust, {}, messages[0]["id"]),
    ]
    world.selection_only = [
        ("deleteAchievements", DELETE_ACHIEVEMENTS, s.csust),
        ("deleteLearners", DELETE_LEARNERS, s.hnu),
        ("startRecognition", START_RECOGNITION, s.staff),
        ("recognizeAchievements", RECOGNIZE, s.staff),
    ]
    return world


def _refusal(answer: GraphQLResult, mutation: str) -> list[tuple[str | None, str]]:
    answer.refused(mutation)  # Chinese messages, asserted there
    return [(e["field"], e["code"]) for e in answer.data[mutation]["errors"]]


async def _age_send_slot(phone: str) -> None:
    """Let the one-code-per-minute wait of ``phone`` pass (each export spends its code)."""
    await PhoneSendSlot.filter(phone=phone).update(last_sent_at=now() - timedelta(seconds=61))


async def test_an_empty_selection_without_all_matching_is_refused_by_every_bulk_mutation(
        api: Api, demo: None) -> None:
    """Nothing ticked is not "everything": ``ids`` missing, null or empty — with or without a
    filter, with ``allMatching: false`` — is refused with NOTHING_SELECTED on the selection's
    field, and nothing changes (no row decided or applied for, no code spent, no file, no audit)."""
    w = await _world(api)
    before = await snapshot()
    for bulk in w.bulk:
        for selection in ({}, {bulk.ids_field: None}, {bulk.ids_field: []},
                          {bulk.ids_field: [], "allMatching": False}):
            answer = await api(bulk.document, {"input": {**bulk.base, **selection}}, token=bulk.token)
            assert not answer.errors, (bulk.mutation, selection, answer.errors)
            assert _refusal(answer, bulk.mutation) == [(bulk.ids_field, "NOTHING_SELECTED")], (
                bulk.mutation, selection)
    for mutation, document, token in w.selection_only:
        answer = await api(document, {"ids": []}, token=token)
        assert _refusal(answer, mutation) == [("ids", "NOTHING_SELECTED")], mutation
    withdrawn = await withdraw_result(api, w.s.hnu, [])
    assert _refusal(withdrawn, "withdrawRecords") == [("ids", "NOTHING_SELECTED")]
    assert await snapshot() == before


async def test_a_selection_together_with_all_matching_is_refused(api: Api, demo: None) -> None:
    """``ids`` and ``allMatching: true`` together are ambiguous: CONFLICTING_SELECTION, nothing
    changes."""
    w = await _world(api)
    before = await snapshot()
    for bulk in w.bulk:
        input = {**bulk.base, bulk.ids_field: [bulk.one_id], "allMatching": True}
        answer = await api(bulk.document, {"input": input}, token=bulk.token)
        assert not answer.errors, (bulk.mutation, answer.errors)
        assert _refusal(answer, bulk.mutation) == [("allMatching", "CONFLICTING_SELECTION")], bulk.mutation
    assert await snapshot() == before


async def test_all_matching_decides_every_row_of_the_filter_and_answers_how_many(
        api: Api, demo: None) -> None:
    w = await _world(api)
    s = w.s
    # applyConversion: every eligible learner of the rule (the third holder is the only one left).
    applied = (await api(APPLY, {"input": {"ruleId": s.rule["id"], "allMatching": True}}, token=s.hnu)
               ).ok("applyConversion")
    assert applied["batch"]["learnerCount"] == 1
    assert [a["learnerName"] for a in applied["applications"]] == [s.holders[2].name]

    # reviewConversion: every pending row of the first batch, none of the second.
    first_batch = w.first_batch["batch"]["id"]
    decided = (await api(REVIEW, {"input": {"decision": "PASSED", "allMatching": True,
                                            "filter": {"batchId": first_batch}}}, token=s.csust)
               ).ok("reviewConversion")
    assert (decided["succeeded"], decided["failed"]) == (2, 0)
    assert sorted(r["id"] for r in decided["results"]) == sorted(a["id"] for a in w.first_batch["applications"])
    statuses = {row["learnerName"]: row["status"] for row in await received(api, s.csust)}
    assert statuses == {s.holders[0].name: "PASSED", s.holders[1].name: "PASSED", s.holders[2].name: "PENDING"}

    # Exports: every row of the filter; rowCount says how many.
    counts = {token: (await api(COUNTS, token=token)).data for token in (s.csust, s.hnu)}
    exported = (await api(EXPORT_APPLICATIONS, {"input": {
        "received": True, "allMatching": True, "filter": {"status": "PASSED"}, "code": w.codes[s.csust]}},
        token=s.csust)
    ).ok("exportApplications")
    assert exported["rowCount"] == 2
    await _age_send_slot(CSUST_PHONE)
    exported = (await api(EXPORT_ACHIEVEMENTS, {"input": {
        "allMatching": True, "code": await code_for(api, "EXPORT", token=s.csust, bound_phone=CSUST_PHONE)}},
        token=s.csust)).ok("exportAchievements")
    assert exported["rowCount"] == counts[s.csust]["achievements"]["totalCount"] > 0
    exported = (await api(EXPORT_LEARNERS, {"input": {"allMatching": True, "code": w.codes[s.hnu]}},
                          token=s.hnu)).ok("exportLearners")
    assert exported["rowCount"] == counts[s.hnu]["learners"]["totalCount"] == 3
    await _age_send_slot(HNU_PHONE)
    exported = (await api(EXPORT_RECORDS, {"input": {
        "allMatching": True, "filter": {"learnerName": s.holders[0].name},
        "code": await code_for(api, "EXPORT", token=s.hnu, bound_phone=HNU_PHONE)}},
        token=s.hnu)).ok("exportLearnerAchievements")
    assert exported["rowCount"] == 1

    # markMessagesRead: every message of the caller.
    unread = (await api(COUNTS, token=s.csust)).data["unreadMessageCount"]
    marked = (await api(MARK_READ, {"input": {"allMatching": True}}, token=s.csust)).ok("markMessagesRead")
    assert (marked["marked"], marked["unreadCount"]) == (unread, 0) and unread > 0


def test_every_input_that_selects_by_filter_asks_for_all_matching_explicitly() -> None:
    """The convention, held for inputs added later: an input with a filter and a list of IDs has
    ``allMatching: Boolean! = false`` beside them, described in Chinese; no description still says
    that an empty selection means all."""
    schema = build_schema()._schema
    selecting = {}
    for name, graphql_type in schema.type_map.items():
        fields = getattr(graphql_type, "fields", None)
        if name.startswith("__") or fields is None or not name.endswith("Input"):
            continue
        lists_of_ids = [f for f, value in fields.items() if "[ID!]" in str(value.type)]
        if lists_of_ids and ("filter" in fields or "allMatching" in fields):
            selecting[name] = fields
    assert {"ReviewConversionInput", "ExportAchievementsInput", "ExportLearnersInput",
            "ExportLearnerAchievementsInput", "ExportApplicationsInput", "MarkMessagesReadInput",
            } <= set(selecting), sorted(selecting)
    for name, fields in selecting.items():
        flag = fields.get("allMatching")
        assert flag is not None and str(flag.type) == "Boolean!" and flag.default_value is False, name
        assert flag.description and any("\u4e00" <= ch <= "\u9fff" for ch in flag.description), name
    assert "allMatching" in schema.type_map["ApplyConversionInput"].fields  # type: ignore[union-attr]
    for name, graphql_type in schema.type_map.items():
        for field_name, value in (getattr(graphql_type, "fields", None) or {}).items():
            text = value.description or ""
            assert not EMPTY_MEANS_ALL.search(text), f"{name}.{field_name}: {text}"
