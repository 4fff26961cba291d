"""Command line: ``python -m server <command>`` (see ``--help``)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import subprocess
import sys

from tortoise import Tortoise

from server import database
from server.settings import Settings


def _settings() -> Settings:
    return Settings.from_env()


async def _with_orm(settings: Settings, job):  # type: ignore[no-untyped-def]
    await database.init_orm(settings.database_url, global_fallback=False)
    try:
        return await job()
    finally:
        await Tortoise.close_connections()


def cmd_migrate(args: argparse.Namespace) -> None:
    applied = asyncio.run(database.migrate(_settings().database_url))
    print("migrations applied:", ", ".join(applied) if applied else "none (up to date)")


def cmd_seed_demo(args: argparse.Namespace) -> None:
    from server.demo import seed
    from server.security import Passwords

    settings = _settings()
    created = asyncio.run(
        _with_orm(settings, lambda: seed(Passwords(settings.argon2_time_cost, settings.argon2_memory_kib)))
    )
    print("demo accounts created:", ", ".join(created) if created else "none (already there)")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    os.environ.setdefault("DEMO", "1")
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )


def cmd_export_schema(args: argparse.Namespace) -> None:
    from schema import SDL_PATH, sdl

    SDL_PATH.write_text(sdl(), encoding="utf-8")
    print("wrote", SDL_PATH)


def cmd_make_migrations(args: argparse.Namespace) -> None:
    if args.dialect:
        written = asyncio.run(database.make_migrations(args.name, args.dialect, args.postgres))
        for path in written:
            print("wrote", path)
        return
    # Tortoise caches dialect-specific query builders per process: one process per dialect.
    for dialect in ("sqlite", "postgres"):
        subprocess.run(
            [sys.executable, "-m", "server", "make-migrations", args.name,
             "--dialect", dialect, "--postgres", args.postgres],
            check=True,
        )


def cmd_create_staff(args: argparse.Namespace) -> None:
    from resolvers.account.staff import create_staff
    from server.security import Passwords

    settings = _settings()
    password = args.password or getpass.getpass("密码: ")
    passwords = Passwords(settings.argon2_time_cost, settings.argon2_memory_kib)
    problems = asyncio.run(
        _with_orm(settings, lambda: create_staff(passwords, args.username, args.name, args.phone, password))
    )
    if problems:
        for problem in problems:
            print(f"{problem.field}: {problem.message} ({problem.code.value})", file=sys.stderr)
        sys.exit(1)
    print("staff account created:", args.username)


def cmd_sync_x_certificates(args: argparse.Namespace) -> None:
    from pathlib import Path

    from resolvers.achievement.sync import sync_x_certificates
    from resolvers.errors import Invalid

    from tqdm import tqdm

    settings = _settings()
    path = Path(args.file)
    with tqdm(desc="同步", unit="行", file=sys.stderr, disable=args.quiet) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            result = asyncio.run(_with_orm(
                settings, lambda: sync_x_certificates(path.read_bytes(), path.name, None,
                                                      on_progress=progress)
            ))
        except Invalid as refusal:
            bar.close()
            for problem in refusal.problems:
                print(f"{problem.message} ({problem.code.value})", file=sys.stderr)
            sys.exit(1)
    print(f"X证书同步：新增 {result.created}，更新 {result.updated}，无变化 {result.unchanged}，"
          f"未同步 {len(result.rejected)}")
    for number, reason in result.rejected:
        print(f"  第{number}行：{reason}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    os.environ.setdefault("AERICH_NO_TORTOISE_V1_WARNING", "1")
    parser = argparse.ArgumentParser(prog="python -m server", description="学分银行平台命令")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="apply pending migrations to DATABASE_URL").set_defaults(func=cmd_migrate)
    sub.add_parser("seed-demo", help="load the manual's demo data").set_defaults(func=cmd_seed_demo)

    serve = sub.add_parser("serve", help="serve the API with uvicorn")
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "1")))
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("export-schema", help="rewrite schema/schema.graphql").set_defaults(
        func=cmd_export_schema
    )

    make = sub.add_parser("make-migrations", help="generate a migration for both dialects")
    make.add_argument("name")
    make.add_argument("--dialect", choices=["sqlite", "postgres"])
    make.add_argument(
        "--postgres", default=os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    make.set_defaults(func=cmd_make_migrations)

    staff = sub.add_parser("create-staff", help="create a bank staff account")
    staff.add_argument("--username", required=True)
    staff.add_argument("--name", required=True)
    staff.add_argument("--phone", required=True)
    staff.add_argument("--password", help="asked interactively when omitted")
    staff.set_defaults(func=cmd_create_staff)

    sync = sub.add_parser("sync-x-certificates", help="upsert X certificates from a sync file")
    sync.add_argument("file", help="an .xlsx/.xls file or JSON lines")
    sync.add_argument("--quiet", action="store_true", help="no progress bar")
    sync.set_defaults(func=cmd_sync_x_certificates)

    args = parser.parse_args(argv)
    args.func(args)
