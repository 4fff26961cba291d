"""A learner's view of the conversions of their own records (F15, F11.2, issue 14): every
application on any of their records — personal, or one their school sent in a batch (F9.7) — with
its status, history and result, and each decision as a message. Re-review (B4) stays with the
applicant: a school's batch row is re-reviewed at the school's request, not the learner's.

Everything goes through the GraphQL API; the database is only read to prove a refusal changed
nothing."""

from __future__ import annotations

from typing import Any

from tests.application.test_applications import batch_of
from tests.support.api import Api
from tests.support.applications import (
    NODE,
    Scene,
    apply_personal,
    learner,
    mine,
    node,
    re_review,
    re_review_result,
    review,
    scene,
)
from tests.support.db import snapshot
from tests.support.learner_records import withdraw
from tests.support.messages import all_messages, open_object, the_message

BATCH_NODE = "query($id: ID!) { node(id: $id) { id } }"


async def registered(api: Api, s: Scene) -> list[str]:
    """Every holder of the scene registers (F15) and logs in; their tokens, in holder order."""
    return [await learner(api, holder, f"137000000{n:02d}") for n, holder in enumerate(s.holders, start=1)]


async def not_found(api: Api, token: str, object_id: str) -> list[str]:
    return (await api(NODE, {"id": object_id}, token=token)).error_codes


# --- F15 the learner's view ---------------------------------------------------------------------


async def test_f15_a_learner_sees_the_applications_their_school_sent_for_them_and_their_own(
        api: Api, demo: None) -> None:
    s = await scene(api)
    li_yi, li_er, wang = await registered(api, s)
    applied = await batch_of(api, s, 0, 1)
    rows = {a["learnerName"]: a["id"] for a in applied["applications"]}

    [seen] = await mine(api, li_yi)
    assert (seen["id"], seen["kind"], seen["status"], seen["learnerName"]) == (
        rows["李毅"], "INSTITUTION", "PENDING", "李毅")
    assert seen["source"]["id"] == s.holders[0].record["id"]
    assert [e["action"] for e in seen["history"]] == ["SUBMITTED"]
    assert (await node(api, li_yi, rows["李毅"]))["id"] == rows["李毅"]
    # The batch itself (how many others, who else) stays with the institutions.
    assert seen["batch"] is None
    assert (await api(BATCH_NODE, {"id": applied["batch"]["id"]}, token=li_yi)).error_codes == ["FORBIDDEN"]

    # Each learner of the batch sees their own row only; a learner outside it sees none of it.
    assert [r["id"] for r in await mine(api, li_er)] == [rows["李二"]]
    assert await mine(api, wang) == []
    for token, other in ((li_er, rows["李毅"]), (wang, rows["李毅"]), (wang, rows["李二"])):
        assert await not_found(api, token, other) == ["NOT_FOUND"]

    # A personal application sits beside the batch row, newest first.
    await review(api, s.csust, "FAILED", ids=[rows["李毅"]], reason="证书等级不符")
    own = await apply_personal(api, li_yi, s.rule["id"], s.holders[0].record["id"])
    assert [(r["id"], r["kind"], r["status"]) for r in await mine(api, li_yi)] == [
        (own["id"], "PERSONAL", "PENDING"), (rows["李毅"], "INSTITUTION", "FAILED")]
    assert await mine(api, wang) == []


async def test_f11_2_the_learner_reads_status_history_and_result_of_a_batch_conversion(
        api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    [token] = await registered(api, s)
    [row] = (await batch_of(api, s))["applications"]
    await review(api, s.csust, "FAILED", ids=[row["id"]], reason="证书等级不符")
    [failed] = await mine(api, token)
    assert (failed["status"], failed["failReason"], failed["result"]) == ("FAILED", "证书等级不符", None)

    await re_review(api, s.hnu, row["id"], "已补充高级证书")
    await review(api, s.csust, "PASSED", ids=[row["id"]])
    [passed] = await mine(api, token)
    assert passed["status"] == "PASSED" and passed["reReviewReason"] == "已补充高级证书"
    assert [(e["action"], e["reason"]) for e in passed["history"]] == [
        ("SUBMITTED", ""), ("FAILED", "证书等级不符"), ("RE_REVIEW_REQUESTED", "已补充高级证书"), ("PASSED", "")]
    result = passed["result"]
    assert result["grantedCredits"] == 4
    assert (result["source"]["name"], result["source"]["ruleCode"]) == ("学习成果名录3(高级)", s.rule["code"])
    assert (await node(api, token, row["id"]))["result"] == result


async def test_f15_a_withdrawn_record_keeps_its_applications_in_the_learners_view(api: Api, demo: None) -> None:
    """The school withdraws a record after a conversion on it: the application, its history and
    result stay the learner's to read (and a later decision still reaches them)."""
    s = await scene(api, learners=[("李毅", 1), ("李二", 2)])
    li_yi, li_er = await registered(api, s)
    rows = {a["learnerName"]: a["id"] for a in (await batch_of(api, s))["applications"]}
    await review(api, s.csust, "PASSED", ids=[rows["李毅"]])
    await withdraw(api, s.hnu, s.ids(0, 1))

    [kept] = await mine(api, li_yi)
    assert (kept["id"], kept["status"], kept["result"]["grantedCredits"]) == (rows["李毅"], "PASSED", 4)
    assert (await node(api, li_yi, rows["李毅"]))["status"] == "PASSED"
    # 李二's row was still pending when the record was withdrawn: decided later, they are told.
    await review(api, s.csust, "FAILED", ids=[rows["李二"]], reason="成果已撤回")
    [pending_then] = await mine(api, li_er)
    assert pending_then["status"] == "FAILED"
    assert (await the_message(api, li_er, "APPLICATION_DECIDED"))["objectId"] == rows["李二"]


# --- F12.3 the decision reaches the learner -----------------------------------------------------------


async def test_f15_f12_3_the_learner_is_told_each_decision_on_a_batch_application(api: Api, demo: None) -> None:
    s = await scene(api)
    li_yi, li_er, wang = await registered(api, s)
    applied = await batch_of(api, s, 0, 1)
    rows = {a["learnerName"]: a["id"] for a in applied["applications"]}
    await review(api, s.csust, "FAILED", ids=[rows["李毅"]], reason="证书等级不符")
    await review(api, s.csust, "PASSED", ids=[rows["李二"]])

    failed = await the_message(api, li_yi, "APPLICATION_DECIDED")
    assert s.rule["code"] in failed["title"] and "不通过" in failed["title"]
    assert "湖南大学" in failed["title"]  # who applied for them
    assert (failed["body"], failed["objectId"], failed["module"]) == ("证书等级不符", rows["李毅"], None)
    assert await open_object(api, li_yi, failed) == "ConversionApplication"
    passed = await the_message(api, li_er, "APPLICATION_DECIDED")
    assert "通过" in passed["title"] and "不通过" not in passed["title"]
    assert passed["objectId"] == rows["李二"]
    # A learner outside the batch learns nothing of it.
    assert await all_messages(api, wang) == []

    # The institution's batch messages stay with the institution, pointing at its batch.
    to_school = await all_messages(api, s.hnu, kind="APPLICATION_DECIDED")
    assert len(to_school) == 2
    assert {(m["objectId"], m["module"]) for m in to_school} == {(applied["batch"]["id"], "CONVERSION_REVIEW")}
    assert not any(m["objectId"] == applied["batch"]["id"] for m in await all_messages(api, li_yi))

    # The outcome of the re-review the school asked for reaches the learner too.
    await re_review(api, s.hnu, rows["李毅"], "已补充材料")
    await review(api, s.csust, "PASSED", ids=[rows["李毅"]])
    newest, first = await all_messages(api, li_yi)
    assert newest["objectId"] == rows["李毅"] and newest["id"] != first["id"]
    assert "复核" in newest["title"] and "通过" in newest["title"] and "不通过" not in newest["title"]
    assert [m["objectId"] for m in await all_messages(api, li_er)] == [rows["李二"]]
    assert await all_messages(api, wang) == []


# --- B4 re-review stays with the applicant ---------------------------------------------------------------


async def test_b4_f15_a_learner_does_not_ask_re_review_of_their_schools_batch_row(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    [token] = await registered(api, s)
    [row] = (await batch_of(api, s))["applications"]
    await review(api, s.csust, "FAILED", ids=[row["id"]], reason="证书等级不符")

    before = await snapshot()
    answer = await re_review_result(api, token, row["id"], "请复核")
    assert answer.refused("requestReReview") == ["NOT_APPLICANT"]
    error: dict[str, Any] = answer.data["requestReReview"]["errors"][0]
    assert error["field"] == "applicationId" and "发起" in error["message"]
    assert answer.data["requestReReview"]["application"] is None
    assert await snapshot() == before

    # The school that applied asks, once; the learner then reads the row back under review.
    assert (await re_review(api, s.hnu, row["id"], "已补充材料"))["status"] == "PENDING"
    [seen] = await mine(api, token)
    assert (seen["status"], seen["reReviewReason"]) == ("PENDING", "已补充材料")
