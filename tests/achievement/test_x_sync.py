"""The X-certificate sync (F4.4, F16): a CLI command and a staff mutation, idempotent."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

from models.achievement import Achievement
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, STAFF, login
from tests.support.xlsx import XLSX, workbook_bytes

SYNC = """mutation($file: Upload!) { syncXCertificates(file: $file) {
  created updated unchanged rejectedCount rows { row reason } job { kind status importedCount }
  errors { code message } } }"""
LIST = """{ achievements(filter: {subtype: X_CERTIFICATE}) { totalCount
  nodes { name subtype category recognitionStatus issuer grade } } }"""
HEADERS = ["院校标识码", "证书编号", "证书名称", "等级", "颁证机构", "成果简介", "有效期起始时间"]
ROOT = Path(__file__).resolve().parents[2]


def rows() -> list[list[Any]]:
    return [
        ["4143010536", "X-0001", "学习成果名录3", "高级", "新疆美食培训", "烹饪", "2022-03-01"],
        ["4143010536", "X-0001", "学习成果名录3", "中级", "新疆美食培训", "烹饪", ""],
        ["4143010536", "X-0002", "成果认定同步2", "初级", "新疆美食培训", "", None],
    ]


async def sync(api: Api, token: str, content: bytes, name: str = "x.xlsx") -> dict[str, Any]:
    result = await api(SYNC, {"file": None}, token=token, files={"file": (name, content, XLSX)})
    return result.payload("syncXCertificates")


async def test_f4_4_sync_adds_recognised_certificates_with_grades(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    result = await sync(api, staff, workbook_bytes(HEADERS, rows()))
    assert (result["created"], result["updated"], result["unchanged"], result["rejectedCount"]) == (3, 0, 0, 0)
    assert result["job"] == {"kind": "X_CERTIFICATE_SYNC", "status": "DONE", "importedCount": 3}
    token = await login(api, *CSUST)
    listed = (await api(LIST, token=token)).data["achievements"]
    assert listed["totalCount"] == 3
    assert {n["name"] for n in listed["nodes"]} == {"学习成果名录3(高级)", "学习成果名录3(中级)", "成果认定同步2(初级)"}
    assert {(n["category"], n["recognitionStatus"], n["issuer"]) for n in listed["nodes"]} == {
        ("NON_DEGREE", "RECOGNIZED", "新疆美食培训")
    }


async def test_f4_4_sync_is_idempotent_and_updates_changes(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    await sync(api, staff, workbook_bytes(HEADERS, rows()))
    before = await snapshot(ignore=("import_job", "audit_log"))
    again = await sync(api, staff, workbook_bytes(HEADERS, rows()))
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert await snapshot(ignore=("import_job", "audit_log")) == before
    changed = rows()
    changed[2][2] = "成果认定同步二"
    third = await sync(api, staff, workbook_bytes(HEADERS, changed))
    assert (third["created"], third["updated"], third["unchanged"]) == (0, 1, 2)
    assert await Achievement.filter(name="成果认定同步二(初级)").count() == 1
    assert await Achievement.all().count() == 3


async def test_f4_4_sync_takes_json_lines_and_explains_bad_lines(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    lines = [
        {"schoolCode": "4143010536", "certificateId": "X-9", "name": "测试证书同步(1)", "grade": "初级", "issuer": "某评价组织"},
        {"schoolCode": "9999999999", "certificateId": "X-9", "name": "测试证书同步(1)", "grade": "初级", "issuer": "某评价组织"},
        {"schoolCode": "4143010536", "certificateId": "X-9", "name": "测试证书同步(1)", "grade": "特级", "issuer": "某评价组织"},
    ]
    content = ("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\nnot json\n").encode()
    result = await sync(api, staff, content, "x.jsonl")
    assert result["created"] == 1 and result["rejectedCount"] == 3
    reasons = {r["row"]: r["reason"] for r in result["rows"]}
    assert "没有已注册的院校" in reasons[2] and "等级" in reasons[3] and "JSON" in reasons[4]


async def test_f4_4_only_staff_may_sync(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await api(SYNC, {"file": None}, token=token,
                       files={"file": ("x.xlsx", workbook_bytes(HEADERS, rows()), XLSX)})
    assert result.error_codes == ["FORBIDDEN"]
    assert await snapshot() == before


async def test_b8_cli_sync_draws_a_progress_bar(demo: None, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(workbook_bytes(HEADERS, rows()))
    env = {**os.environ, "DATABASE_URL": os.environ["CREDIT_BANK_TEST_DB_URL"], "SECRET_KEY": "cli",
           "DATA_DIR": str(tmp_path), "AERICH_NO_TORTOISE_V1_WARNING": "1"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "sync-x-certificates", str(path), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    _, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    bar = err.decode().replace("\r", "\n").splitlines()
    assert any("同步" in line and "3/3" in line and "100%" in line for line in bar), bar


async def test_f4_4_cli_syncs_a_file(api: Api, demo: None, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(workbook_bytes(HEADERS, rows()))
    env = {**os.environ, "DATABASE_URL": os.environ["CREDIT_BANK_TEST_DB_URL"], "SECRET_KEY": "cli",
           "DATA_DIR": str(tmp_path), "AERICH_NO_TORTOISE_V1_WARNING": "1"}
    for expected in ("新增 3", "无变化 3"):
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "server", "sync-x-certificates", str(path), cwd=ROOT, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
        assert process.returncode == 0, err.decode()
        assert expected in out.decode()
    assert await Achievement.filter(subtype="X_CERTIFICATE").count() == 3
