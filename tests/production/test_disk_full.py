"""Fault: the file storage is full (issue 9). Uploads and exports answer STORAGE_FULL with a
Chinese message, no row points at a missing file, and no partial file is left behind."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.db import snapshot
from tests.support.flows import CSUST, login
from tests.support.methods import pdf_of_size, upload


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB tmpfs as FILE_DIR (needs root, as on the CI machine)."""
    mount = tmp_path / "files"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


async def test_full_storage_refuses_an_upload_cleanly(make_api, demo, tiny_disk):
    api = await make_api(file_dir=tiny_disk)
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await upload(api, token, content=pdf_of_size(200_000))
    assert result.refused("uploadConversionMethod") == ["STORAGE_FULL"]
    assert "存储空间不足" in result.data["uploadConversionMethod"]["errors"][0]["message"]
    assert await snapshot() == before
    assert files_under(tiny_disk) == []

    # Room again: the same upload goes through, the service did not need a restart.
    small = await upload(api, token, content=pdf_of_size(20_000))
    assert small.ok("uploadConversionMethod")["method"]["name"]
    assert len(files_under(tiny_disk)) == 1
