"""B9: sub-users can be limited to modules of the institution space."""

from __future__ import annotations

from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, login

ADD = """mutation($input: AddSubUserInput!) { addSubUser(input: $input) { account { id modules } errors { code } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateSubUserInput!) { updateSubUser(id: $id, input: $input) {
  account { modules } errors { code } } }"""
CHANGE = """mutation($input: ChangeInitialPasswordInput!) { changeInitialPassword(input: $input) { errors { code } } }"""
LIST = "{ achievements { totalCount } }"
STORE = """mutation { storeAchievement(input: {subtype: VOCATIONAL_COURSE,
  course: {courseName: "课程", introduction: "简介"}}) { errors { code } } }"""


async def _limited_user(api: Api, modules: list[str]) -> tuple[str, str]:
    admin = await login(api, *CSUST)
    added = await api(ADD, {"input": {"username": "limited_user", "name": "受限用户", "phone": "13900000077",
                                      "password": "Limit2024", "passwordConfirmation": "Limit2024",
                                      "modules": modules}}, token=admin)
    user = added.ok("addSubUser")["account"]
    token = await login(api, "limited_user", "Limit2024")
    await api(CHANGE, {"input": {"newPassword": "Limit2025", "confirmation": "Limit2025"}}, token=token)
    return user["id"], token


async def test_b9_sub_user_limited_to_other_modules_cannot_reach_achievements(api: Api, demo: None) -> None:
    user_id, token = await _limited_user(api, ["CONVERSION_RULES"])
    before = await snapshot()
    assert (await api(LIST, token=token)).error_codes == ["MODULE_FORBIDDEN"]
    assert (await api(STORE, token=token)).error_codes == ["MODULE_FORBIDDEN"]
    assert await snapshot() == before

    admin = await login(api, *CSUST)
    widened = await api(UPDATE, {"id": user_id, "input": {"modules": ["CONVERSION_RULES", "ACHIEVEMENTS"]}}, token=admin)
    assert widened.ok("updateSubUser")["account"]["modules"] == ["ACHIEVEMENTS", "CONVERSION_RULES"]
    assert (await api(LIST, token=token)).data == {"achievements": {"totalCount": 0}}
    assert (await api(STORE, token=token)).data["storeAchievement"]["errors"] == []


async def test_b9_no_modules_means_every_module(api: Api, demo: None) -> None:
    _, token = await _limited_user(api, [])
    assert (await api(LIST, token=token)).data == {"achievements": {"totalCount": 0}}
