"""F16 (and the directory part of F1.1): provinces and schools, public to read, kept by bank
staff; staff accounts are created with the command line.

Every step goes through the GraphQL API (or the real CLI in a subprocess); every refusal is shown
to leave the database as it was.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from server.demo import PROVINCES, SCHOOLS
from tests.support.api import Api, GraphQLResult
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, LOGIN, STAFF, login

ROOT = Path(__file__).resolve().parents[2]

ERRORS = "errors { field code message }"
PROVINCE = "id code name"
SCHOOL = f"id code name schoolType supervisingUnit registered province {{ {PROVINCE} }}"

PROVINCES_QUERY = f"{{ provinces {{ {PROVINCE} }} }}"
SCHOOLS_QUERY = f"""
query($filter: SchoolFilter, $first: Int) {{
  schools(filter: $filter, first: $first) {{ totalCount nodes {{ {SCHOOL} }} }}
}}
"""
CREATE_PROVINCE = f"""
mutation($input: ProvinceInput!) {{
  createProvince(input: $input) {{ province {{ {PROVINCE} }} {ERRORS} }}
}}
"""
UPDATE_PROVINCE = f"""
mutation($id: ID!, $input: ProvinceInput!) {{
  updateProvince(id: $id, input: $input) {{ province {{ {PROVINCE} }} {ERRORS} }}
}}
"""
DELETE_PROVINCE = f"""
mutation($id: ID!) {{ deleteProvince(id: $id) {{ province {{ {PROVINCE} }} {ERRORS} }} }}
"""
CREATE_SCHOOL = f"""
mutation($input: SchoolInput!) {{
  createSchool(input: $input) {{ school {{ {SCHOOL} }} {ERRORS} }}
}}
"""
UPDATE_SCHOOL = f"""
mutation($id: ID!, $input: SchoolInput!) {{
  updateSchool(id: $id, input: $input) {{ school {{ {SCHOOL} }} {ERRORS} }}
}}
"""
DELETE_SCHOOL = f"""
mutation($id: ID!) {{ deleteSchool(id: $id) {{ school {{ {SCHOOL} }} {ERRORS} }} }}
"""
ME = "{ me { id username name kind phone mustChangePassword institution { id } } }"

NEW_PROVINCE = {"code": "820000", "name": "澳门特别行政区教育及青年发展局"}


# --- helpers ----------------------------------------------------------------------------------


def only_code(result: GraphQLResult) -> str:
    """The single GraphQL error code of a request refused as a whole."""
    assert result.data is None, result.body
    assert len(result.errors) == 1, result.errors
    return result.error_codes[0]


async def provinces(api: Api) -> list[dict[str, Any]]:
    result = await api(PROVINCES_QUERY)
    assert not result.errors, result.errors
    return result.data["provinces"]


async def province_ids(api: Api) -> dict[str, str]:
    return {p["code"]: p["id"] for p in await provinces(api)}


async def schools(api: Api, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await api(SCHOOLS_QUERY, {"filter": filter, "first": 100})
    assert not result.errors, result.errors
    return result.data["schools"]


async def school(api: Api, code: str) -> dict[str, Any]:
    [found] = [s for s in (await schools(api, {"code": code}))["nodes"] if s["code"] == code]
    return found


def school_input(province_id: str, **changes: Any) -> dict[str, Any]:
    values = {
        "provinceId": province_id,
        "name": "澳门理工大学",
        "code": "4182010001",
        "schoolType": "本科",
        "supervisingUnit": "澳门特别行政区政府",
    }
    values.update(changes)
    return values


async def create_province(api: Api, staff: str, **values: str) -> dict[str, Any]:
    result = await api(CREATE_PROVINCE, {"input": {**NEW_PROVINCE, **values}}, token=staff)
    return result.ok("createProvince")["province"]


async def create_school(api: Api, staff: str, province_id: str, **changes: Any) -> dict[str, Any]:
    result = await api(CREATE_SCHOOL, {"input": school_input(province_id, **changes)}, token=staff)
    return result.ok("createSchool")["school"]


def run_cli(
    *args: str, stdin: str | None = None, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """``python -m server <args>`` against the test database, in its own process."""
    env = {
        **os.environ,
        "DATABASE_URL": os.environ["CREDIT_BANK_TEST_DB_URL"],
        "AERICH_NO_TORTOISE_V1_WARNING": "1",
        # Keep the CLI from writing a generated secret key into the working tree.
        "SECRET_KEY": "cli-test-secret-key",
        "DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        cwd=ROOT,
        env=env,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=300,
        # No controlling terminal: a password prompt reads the piped stdin, never a real tty.
        start_new_session=True,
        check=False,
    )


async def cli(
    *args: str, stdin: str | None = None, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(run_cli, *args, stdin=stdin, tmp_path=tmp_path)


# --- public lists (F1.1's drop-downs) ---------------------------------------------------------


async def test_f16_f1_1_provinces_are_public_and_ordered_by_code(api: Api, demo: None) -> None:
    listed = await provinces(api)
    assert [(p["code"], p["name"]) for p in listed] == sorted(PROVINCES)
    assert len({p["id"] for p in listed}) == len(listed)


async def test_f16_f1_1_schools_are_public_and_filtered_by_province(api: Api, demo: None) -> None:
    ids = await province_ids(api)
    expected: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for province_code, code, name, school_type, unit in SCHOOLS:
        expected[province_code].append((code, name, school_type, unit))

    everything = await schools(api)
    assert everything["totalCount"] == len(SCHOOLS) == len(everything["nodes"])
    assert [s["code"] for s in everything["nodes"]] == sorted(s[1] for s in SCHOOLS)

    for province_code, province_id in ids.items():
        found = await schools(api, {"provinceId": province_id})
        assert found["totalCount"] == len(found["nodes"]) == len(expected[province_code])
        assert [(s["code"], s["name"], s["schoolType"], s["supervisingUnit"])
                for s in found["nodes"]] == sorted(expected[province_code]), province_code
        assert {s["province"]["id"] for s in found["nodes"]} <= {province_id}

    # An ID that is not a province's matches nothing rather than everything.
    school_id = everything["nodes"][0]["id"]
    assert await schools(api, {"provinceId": school_id}) == {"totalCount": 0, "nodes": []}
    assert await schools(api, {"provinceId": "garbage"}) == {"totalCount": 0, "nodes": []}


async def test_f16_f1_1_school_list_shows_which_schools_are_registered(
    api: Api, demo: None
) -> None:
    ids = await province_ids(api)
    registered = await schools(api, {"registered": True})
    assert sorted(s["code"] for s in registered["nodes"]) == sorted([CSUST[0], HNU_SYNCED[0]])
    assert all(s["registered"] for s in registered["nodes"])
    free_in_hunan = await schools(api, {"provinceId": ids["430000"], "registered": False})
    assert free_in_hunan["totalCount"] == len([s for s in SCHOOLS if s[0] == "430000"]) - 2
    assert not any(s["registered"] for s in free_in_hunan["nodes"])


# --- staff keep the directory -----------------------------------------------------------------


async def test_f16_staff_creates_province_and_school(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    province = await create_province(api, staff)
    assert {k: province[k] for k in ("code", "name")} == NEW_PROVINCE

    created = await create_school(api, staff, province["id"])
    assert {k: v for k, v in created.items() if k != "id"} == {
        "code": "4182010001", "name": "澳门理工大学", "schoolType": "本科",
        "supervisingUnit": "澳门特别行政区政府", "registered": False, "province": province,
    }

    # Anyone now sees both in the registration drop-downs.
    assert province in await provinces(api)
    in_province = await schools(api, {"provinceId": province["id"]})
    assert in_province == {"totalCount": 1, "nodes": [created]}


async def test_f16_staff_creates_school_with_only_required_fields(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    ids = await province_ids(api)
    created = await create_school(
        api, staff, ids["430000"], code=" 4143099999 ", name=" 湖南测试学院 ",
        schoolType=None, supervisingUnit=None,
    )
    assert (created["code"], created["name"], created["schoolType"],
            created["supervisingUnit"]) == ("4143099999", "湖南测试学院", "", "")
    assert created in (await schools(api, {"provinceId": ids["430000"]}))["nodes"]


async def test_f16_staff_updates_province_and_school(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    province = await create_province(api, staff)
    created = await create_school(api, staff, province["id"])

    renamed = await api(
        UPDATE_PROVINCE, {"id": province["id"], "input": {"code": "810000", "name": "香港教育局"}},
        token=staff,
    )
    province = renamed.ok("updateProvince")["province"]
    assert province["code"] == "810000" and province["name"] == "香港教育局"

    # An unregistered school may change everything, its code and its province included.
    ids = await province_ids(api)
    moved = await api(
        UPDATE_SCHOOL,
        {"id": created["id"], "input": school_input(
            ids["430000"], code="4143099998", name="湖南新学院", schoolType="高职",
            supervisingUnit="湖南省教育厅")},
        token=staff,
    )
    updated = moved.ok("updateSchool")["school"]
    assert {k: v for k, v in updated.items() if k != "province"} == {
        "id": created["id"], "code": "4143099998", "name": "湖南新学院", "schoolType": "高职",
        "supervisingUnit": "湖南省教育厅", "registered": False,
    }
    assert updated["province"]["code"] == "430000"
    assert await schools(api, {"provinceId": province["id"]}) == {"totalCount": 0, "nodes": []}
    assert updated in (await schools(api, {"provinceId": ids["430000"]}))["nodes"]


async def test_f16_staff_updates_a_registered_school_keeping_its_code(
    api: Api, demo: None
) -> None:
    staff = await login(api, *STAFF)
    csust = await school(api, CSUST[0])
    result = await api(
        UPDATE_SCHOOL,
        {"id": csust["id"], "input": school_input(
            csust["province"]["id"], code=csust["code"], name=csust["name"],
            schoolType=csust["schoolType"], supervisingUnit="湖南省教育厅")},
        token=staff,
    )
    assert result.ok("updateSchool")["school"] == {**csust, "supervisingUnit": "湖南省教育厅"}
    # The main account still logs in with the school code.
    assert await login(api, *CSUST)


async def test_f16_staff_deletes_school_then_province(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    province = await create_province(api, staff)
    created = await create_school(api, staff, province["id"])

    deleted = (await api(DELETE_SCHOOL, {"id": created["id"]}, token=staff)).ok("deleteSchool")
    assert deleted["school"]["code"] == created["code"]
    assert await schools(api, {"code": created["code"]}) == {"totalCount": 0, "nodes": []}

    gone = (await api(DELETE_PROVINCE, {"id": province["id"]}, token=staff)).ok("deleteProvince")
    assert gone["province"]["code"] == province["code"]
    assert province["id"] not in [p["id"] for p in await provinces(api)]

    # Deleted objects are NOT_FOUND afterwards.
    before = await snapshot()
    again = await api(DELETE_SCHOOL, {"id": created["id"]}, token=staff)
    assert only_code(again) == "NOT_FOUND"
    again = await api(DELETE_PROVINCE, {"id": province["id"]}, token=staff)
    assert only_code(again) == "NOT_FOUND"
    assert await snapshot() == before


# --- who may keep the directory ---------------------------------------------------------------


async def every_directory_mutation(api: Api) -> list[tuple[str, str, dict[str, Any]]]:
    ids = await province_ids(api)
    free = (await schools(api, {"registered": False}))["nodes"][0]
    empty_province = ids["120000"]
    return [
        (CREATE_PROVINCE, "createProvince", {"input": NEW_PROVINCE}),
        (UPDATE_PROVINCE, "updateProvince", {"id": empty_province, "input": NEW_PROVINCE}),
        (DELETE_PROVINCE, "deleteProvince", {"id": empty_province}),
        (CREATE_SCHOOL, "createSchool", {"input": school_input(ids["430000"])}),
        (UPDATE_SCHOOL, "updateSchool",
         {"id": free["id"], "input": school_input(free["province"]["id"], name="改名")}),
        (DELETE_SCHOOL, "deleteSchool", {"id": free["id"]}),
    ]


@pytest.mark.parametrize("who", ["institution", "sub_user"])
async def test_f16_non_staff_gets_forbidden(api: Api, demo: None, who: str) -> None:
    token = await login(api, *(CSUST if who == "institution" else CSUST_TEACHER))
    mutations = await every_directory_mutation(api)
    before = await snapshot()
    for mutation, field, variables in mutations:
        result = await api(mutation, variables, token=token)
        assert only_code(result) == "FORBIDDEN", field
        assert "工作人员" in result.errors[0]["message"]
    assert await snapshot() == before


async def test_f16_anonymous_gets_unauthenticated(api: Api, demo: None) -> None:
    mutations = await every_directory_mutation(api)
    before = await snapshot()
    for mutation, field, variables in mutations:
        result = await api(mutation, variables)
        assert only_code(result) == "UNAUTHENTICATED", field
    for mutation, field, variables in mutations:
        result = await api(mutation, variables, token="not-a-real-token")
        assert only_code(result) == "UNAUTHENTICATED", field
    assert await snapshot() == before


async def test_f16_account_that_must_change_password_cannot_keep_the_directory(
    api: Api, demo: None
) -> None:
    token = await login(api, *HNU_SYNCED)
    mutations = await every_directory_mutation(api)
    before = await snapshot()
    for mutation, field, variables in mutations:
        result = await api(mutation, variables, token=token)
        assert only_code(result) == "PASSWORD_CHANGE_REQUIRED", field
    assert await snapshot() == before


# --- refused changes --------------------------------------------------------------------------


async def test_f16_duplicate_school_code_is_refused(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    ids = await province_ids(api)
    free = await school(api, "4143010537")
    before = await snapshot()

    # A new school with a code already in the directory (another province's school, too).
    for code in ("4143010537", "4111010001", " 4143010536 "):
        created = await api(
            CREATE_SCHOOL, {"input": school_input(ids["430000"], code=code)}, token=staff
        )
        assert created.refused("createSchool") == ["SCHOOL_CODE_TAKEN"], code
        assert created.payload("createSchool")["errors"][0]["field"] == "code"
        assert created.payload("createSchool")["school"] is None

    # An unregistered school moved onto another school's code.
    updated = await api(
        UPDATE_SCHOOL,
        {"id": free["id"], "input": school_input(free["province"]["id"], code="4143012590",
                                                 name=free["name"])},
        token=staff,
    )
    assert updated.refused("updateSchool") == ["SCHOOL_CODE_TAKEN"]
    assert await snapshot() == before
    assert await school(api, "4143010537") == free


@pytest.mark.parametrize(
    "code",
    [
        "123", "41430105ab", "41430105361", "414301053", "", "4143 10599",
        pytest.param("４１４３０１０５９９", id="full-width-digits"),
        pytest.param("٤١٤٣٠١٠٥٩٩", id="arabic-indic-digits"),
    ],
)
async def test_f16_bad_school_code_is_refused(api: Api, demo: None, code: str) -> None:
    staff = await login(api, *STAFF)
    ids = await province_ids(api)
    free = await school(api, "4143010537")
    before = await snapshot()

    created = await api(CREATE_SCHOOL, {"input": school_input(ids["430000"], code=code)},
                        token=staff)
    assert created.refused("createSchool") == ["INVALID_SCHOOL_CODE"]
    assert created.payload("createSchool")["errors"][0]["field"] == "code"
    updated = await api(
        UPDATE_SCHOOL, {"id": free["id"], "input": school_input(ids["430000"], code=code)},
        token=staff,
    )
    assert updated.refused("updateSchool") == ["INVALID_SCHOOL_CODE"]
    assert await snapshot() == before


async def test_f16_full_width_twin_of_a_registered_school_code_is_refused(
    api: Api, demo: None
) -> None:
    """The full-width form of CSUST's code is not a second 长沙理工大学."""
    staff = await login(api, *STAFF)
    csust = await school(api, CSUST[0])
    twin = CSUST[0].translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    before = await snapshot()
    result = await api(
        CREATE_SCHOOL,
        {"input": school_input(csust["province"]["id"], code=twin, name=csust["name"])},
        token=staff,
    )
    assert result.payload("createSchool")["errors"], "a second school code for CSUST was stored"
    assert await snapshot() == before
    assert (await schools(api, {"name": csust["name"]}))["totalCount"] == 1


async def test_f16_province_code_in_full_width_digits_is_refused(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    before = await snapshot()
    result = await api(CREATE_PROVINCE, {"input": {"code": "８２００００", "name": "新省"}},
                       token=staff)
    assert result.payload("createProvince")["errors"], "a full-width province code was stored"
    assert await snapshot() == before


async def test_f16_school_problems_are_reported_together(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    before = await snapshot()
    # A school's ID where a province's is expected, and garbage: both name no province.
    school_id = (await school(api, "4143010537"))["id"]
    for province_id in (school_id, "garbage"):
        result = await api(
            CREATE_SCHOOL,
            {"input": school_input(province_id, name=" ", code="12", supervisingUnit="单" * 129)},
            token=staff,
        )
        result.refused("createSchool")
        assert {(e["field"], e["code"]) for e in result.payload("createSchool")["errors"]} == {
            ("name", "REQUIRED"), ("code", "INVALID_SCHOOL_CODE"),
            ("supervisingUnit", "TOO_LONG"), ("provinceId", "PROVINCE_NOT_FOUND"),
        }
    assert await snapshot() == before


async def test_f16_deleting_a_registered_school_is_refused(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    before = await snapshot()
    for code in (CSUST[0], HNU_SYNCED[0]):
        registered = await school(api, code)
        assert registered["registered"] is True
        result = await api(DELETE_SCHOOL, {"id": registered["id"]}, token=staff)
        assert result.refused("deleteSchool") == ["SCHOOL_IN_USE"]
        assert result.payload("deleteSchool")["school"] is None
    assert await snapshot() == before
    assert await login(api, *CSUST)


async def test_f16_deleting_a_province_with_schools_is_refused(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    province = await create_province(api, staff)
    await create_school(api, staff, province["id"])
    ids = await province_ids(api)

    before = await snapshot()
    # A province with only unregistered schools, and one with registered ones.
    for province_id in (province["id"], ids["430000"]):
        result = await api(DELETE_PROVINCE, {"id": province_id}, token=staff)
        assert result.refused("deleteProvince") == ["PROVINCE_IN_USE"]
    assert await snapshot() == before


async def test_f16_changing_the_code_of_a_registered_school_is_refused(
    api: Api, demo: None
) -> None:
    staff = await login(api, *STAFF)
    csust = await school(api, CSUST[0])
    before = await snapshot()
    result = await api(
        UPDATE_SCHOOL,
        {"id": csust["id"], "input": school_input(
            csust["province"]["id"], code="4143019999", name="长沙理工大学（新）")},
        token=staff,
    )
    assert result.refused("updateSchool") == ["SCHOOL_IN_USE"]
    error = result.payload("updateSchool")["errors"][0]
    assert error["field"] == "code" and "不能修改" in error["message"]
    assert await snapshot() == before
    # The main account still logs in with the unchanged school code.
    assert await school(api, CSUST[0]) == csust
    assert await login(api, *CSUST)


async def test_f16_province_code_and_name_rules(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    ids = await province_ids(api)
    before = await snapshot()
    cases = [
        ({"code": "43000", "name": "新省"}, [("code", "INVALID_PROVINCE_CODE")]),
        ({"code": "43000a", "name": "新省"}, [("code", "INVALID_PROVINCE_CODE")]),
        ({"code": "820000", "name": " "}, [("name", "REQUIRED")]),
        ({"code": "820000", "name": "省" * 65}, [("name", "TOO_LONG")]),
        ({"code": "430000", "name": "新省"}, [("code", "PROVINCE_TAKEN")]),
        ({"code": "820000", "name": "湖南省教育厅"}, [("code", "PROVINCE_TAKEN")]),
    ]
    for values, expected in cases:
        created = await api(CREATE_PROVINCE, {"input": values}, token=staff)
        created.refused("createProvince")
        errors = created.payload("createProvince")["errors"]
        assert [(e["field"], e["code"]) for e in errors] == expected, values
        # The same rules hold when an existing (empty) province is changed.
        updated = await api(UPDATE_PROVINCE, {"id": ids["120000"], "input": values}, token=staff)
        updated.refused("updateProvince")
        errors = updated.payload("updateProvince")["errors"]
        assert [(e["field"], e["code"]) for e in errors] == expected, values
    assert await snapshot() == before


async def test_f16_unknown_ids_are_not_found(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    ids = await province_ids(api)
    a_school = await school(api, "4143010537")
    before = await snapshot()
    # A school's ID where a province's is expected, and the other way round, and garbage.
    for mutation, field, variables in [
        (UPDATE_PROVINCE, "updateProvince", {"id": a_school["id"], "input": NEW_PROVINCE}),
        (DELETE_PROVINCE, "deleteProvince", {"id": a_school["id"]}),
        (UPDATE_SCHOOL, "updateSchool",
         {"id": ids["430000"], "input": school_input(ids["430000"])}),
        (DELETE_SCHOOL, "deleteSchool", {"id": ids["430000"]}),
        (DELETE_SCHOOL, "deleteSchool", {"id": "not-an-id"}),
    ]:
        assert only_code(await api(mutation, variables, token=staff)) == "NOT_FOUND", field
    assert await snapshot() == before


# --- staff accounts from the command line -----------------------------------------------------


async def test_f16_cli_creates_staff_who_logs_in_and_keeps_the_directory(
    api: Api, demo: None, tmp_path: Path
) -> None:
    done = await cli(
        "create-staff", "--username", "cli_staff", "--name", "命令行员工",
        "--phone", "13800000088", "--password", "Cli2024staff", tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "cli_staff" in done.stdout

    result = await api(LOGIN, {"account": "cli_staff", "password": "Cli2024staff"})
    payload = result.ok("login")
    assert payload["account"]["mustChangePassword"] is False
    me = (await api(ME, token=payload["token"])).data["me"]
    assert {k: me[k] for k in ("username", "name", "kind", "phone", "institution")} == {
        "username": "cli_staff", "name": "命令行员工", "kind": "STAFF",
        "phone": "13800000088", "institution": None,
    }
    # The new staff member can keep the directory at once.
    province = await create_province(api, payload["token"])
    assert province in await provinces(api)


async def test_f16_cli_asks_for_the_password_when_omitted(
    api: Api, demo: None, tmp_path: Path
) -> None:
    done = await cli(
        "create-staff", "--username", "cli_prompted", "--name", "提示员工",
        "--phone", "13800000089", stdin="Prompt2024ok\n", tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert await login(api, "cli_prompted", "Prompt2024ok")


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--username", STAFF[0], "--name", "重名", "--phone", "13800000090",
          "--password", "Dup2024staff"], ["USERNAME_TAKEN"]),
        (["--username", "csust_teacher", "--name", "重名", "--phone", "13800000090",
          "--password", "Dup2024staff"], ["USERNAME_TAKEN"]),
        (["--username", "20240001", "--name", "数字", "--phone", "12345",
          "--password", "abcdefgh"], ["INVALID_USERNAME", "INVALID_PHONE", "PASSWORD_WEAK"]),
        (["--username", "cli_blank", "--name", " ", "--phone", "13800000090",
          "--password", "Short1"], ["REQUIRED", "PASSWORD_LENGTH"]),
    ],
    ids=["staff-username-taken", "sub-user-username-taken", "bad-fields",
         "blank-name-short-password"],
)
async def test_f16_cli_refuses_bad_staff_and_changes_nothing(
    api: Api, demo: None, tmp_path: Path, args: list[str], codes: list[str]
) -> None:
    before = await snapshot()
    done = await cli("create-staff", *args, tmp_path=tmp_path)
    assert done.returncode == 1
    reported = [line for line in done.stderr.splitlines() if line.rstrip().endswith(")")
                and line.rsplit("(", 1)[-1].rstrip(")") in codes]
    assert sorted(line.rsplit("(", 1)[-1].rstrip(")") for line in reported) == sorted(codes), (
        done.stderr
    )
    assert "staff account created" not in done.stdout
    assert await snapshot() == before
    username = args[args.index("--username") + 1]
    if username != STAFF[0]:
        refused = await api(LOGIN, {"account": username, "password": args[-1]})
        assert refused.refused("login") == ["INVALID_CREDENTIALS"]
