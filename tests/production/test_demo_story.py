"""The demo's cross-school story (`make run` → `seed-demo`): told through the API, complete enough
to try every conversion flow at once, and told once however often the seed runs."""

from __future__ import annotations

from server.demo import seed
from server.demo_story import CSUST, LEARNER_PASSWORD, LEARNERS, RAILWAY, STAFF, tell
from server.security import Passwords
from server.settings import Settings
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import login

RULES = "{ myConversionRules(first: 10) { nodes { code ruleType status } } }"
RECEIVED = "{ receivedApplications(first: 20) { totalCount nodes { learnerName status kind } } }"
MINE = "{ myApplications(first: 5) { nodes { status result { grantedCredits } } } }"
MATCHES = "{ myMatchingRules(first: 10) { totalCount } }"
MESSAGES = "{ unreadMessageCount }"
PORTAL = "{ portalConversionRules(first: 10) { totalCount } portalConversionMethods(first: 10) { totalCount } }"


async def test_the_demo_story_shows_every_conversion_flow_and_is_told_once(api: Api, settings: Settings) -> None:
    passwords = Passwords(settings.argon2_time_cost, settings.argon2_memory_kib)
    await seed(passwords)
    told = await tell(settings, passwords)
    assert len(told) == 5, told

    csust = await login(api, *CSUST)
    rules = (await api(RULES, token=csust)).data["myConversionRules"]["nodes"]
    assert sorted((r["ruleType"], r["status"]) for r in rules) == [
        ("DEGREE_TO_DEGREE", "PUBLISHED"), ("DEGREE_TO_NON_DEGREE", "PUBLISHED"),
        ("NON_DEGREE_TO_DEGREE", "PUBLISHED"), ("NON_DEGREE_TO_NON_DEGREE", "UNSUBMITTED")]
    received = (await api(RECEIVED, token=csust)).data["receivedApplications"]
    assert sorted((a["kind"], a["status"]) for a in received["nodes"]) == [
        ("INSTITUTION", "FAILED"), ("INSTITUTION", "PENDING"), ("INSTITUTION", "PENDING"), ("PERSONAL", "PASSED")]
    assert (await api(MESSAGES, token=csust)).data["unreadMessageCount"] >= 2
    assert (await api(MESSAGES, token=await login(api, *RAILWAY[:2]))).data["unreadMessageCount"] >= 1
    assert (await api(PORTAL)).data == {"portalConversionRules": {"totalCount": 3},
                                        "portalConversionMethods": {"totalCount": 2}}

    learner = await login(api, LEARNERS[0][1], LEARNER_PASSWORD)
    mine = (await api(MINE, token=learner)).data["myApplications"]["nodes"]
    assert {(a["status"], (a["result"] or {}).get("grantedCredits")) for a in mine} == {
        ("PASSED", 3.0), ("PENDING", None)}  # personal (passed), and the school's batch row
    assert (await api(MATCHES, token=learner)).data["myMatchingRules"]["totalCount"] >= 2
    assert await login(api, *STAFF)

    before = await snapshot(ignore=("session", "login_throttle", "audit_log"))
    assert await tell(settings, passwords) == []
    assert await seed(passwords) == []
    assert await snapshot(ignore=("session", "login_throttle", "audit_log")) == before
