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
from server.settings import ConfigurationError, Settings


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

    from server.demo_story import tell

    settings = _settings()
    passwords = Passwords(settings.argon2_time_cost, settings.argon2_memory_kib)

    async def both() -> tuple[list[str], list[str]]:
        return await seed(passwords), await tell(settings, passwords)

    created, told = asyncio.run(_with_orm(settings, both))
    print("demo accounts created:", ", ".join(created) if created else "none (already there)")
    print("demo story:", "; ".join(told) if told else "already there")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    os.environ.setdefault("DEMO", "1")
    try:
        # Checked once here, with a clear message, rather than by every worker as it fails.
        Settings.from_env().check()
    except ConfigurationError as refused:
        print(refused, file=sys.stderr)
        sys.exit(2)
    if args.workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # /metrics then sums every worker's counters (prometheus-client's multiprocess mode).
        import tempfile

        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="credit-bank-metrics-")
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        log_config=None if os.environ.get("LOG_FORMAT", "").lower() == "json" else uvicorn.config.LOGGING_CONFIG,
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    )


def cmd_export_schema(args: argparse.Namespace) -> None:
    from schema import SDL_PATH, sdl

    SDL_PATH.write_text(sdl(), encoding="utf-8")
    print("wrote", SDL_PATH)


def _stale_sdl() -> list[str]:
    from schema import SDL_PATH, sdl

    return [] if SDL_PATH.read_text(encoding="utf-8") == sdl() else [
        "schema/schema.graphql differs from the code: run `make schema` first"]


def cmd_check_schema(args: argparse.Namespace) -> None:
    from server import schema_evolution

    problems = _stale_sdl() + schema_evolution.check()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("schema check passed: no unannounced breaking change; docs/SCHEMA_CHANGELOG.md lists every change")


def cmd_release_schema(args: argparse.Namespace) -> None:
    from server import schema_evolution

    stale = _stale_sdl()
    try:
        if stale:
            raise ValueError("\n".join(stale))
        print(schema_evolution.release())
    except ValueError as refused:
        print(refused, file=sys.stderr)
        sys.exit(1)


def cmd_errors_doc(args: argparse.Namespace) -> None:
    from server.errors_doc import DOC_PATH, render

    DOC_PATH.write_text(render(), encoding="utf-8")
    print("wrote", DOC_PATH)


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


def cmd_partner(args: argparse.Namespace) -> None:
    """Partner onboarding from the command line (the same operations as the staff mutations)."""
    from datetime import timedelta
    from pathlib import Path

    from tortoise.timezone import now

    from models.institution import Institution
    from models.partner import Partner, PartnerKey
    from resolvers import partners
    from resolvers.errors import Invalid, NotFound

    async def run() -> str:
        if args.action == "create":
            institution = await Institution.get_or_none(school__code=args.school_code)
            if institution is None:
                raise NotFound(f"院校标识码 {args.school_code} 没有已注册的院校")
            partner = await partners.create_partner(args.name, institution.id, None)
            return f"partner {partner.id} created for {args.school_code}: {partner.name}"
        if args.action == "revoke-key":
            row = await PartnerKey.get_or_none(prefix=args.prefix)
            if row is None:
                raise NotFound(f"没有前缀为 {args.prefix} 的密钥")
            await partners.revoke_key(row)
            return f"key {args.prefix} revoked"
        if args.action == "list":
            lines = []
            for partner in await Partner.all().order_by("id"):
                keys = await PartnerKey.filter(partner_id=partner.id).order_by("id")
                lines.append(f"{partner.id}\t{partner.name}\tinstitution {partner.institution_id}\t" + ", ".join(
                    f"{k.prefix}{' (revoked)' if k.revoked_at else ''}" for k in keys))
            return "\n".join(lines) or "no partners"
        partner = await Partner.get_or_none(id=args.partner_id)
        if partner is None:
            raise NotFound(f"没有编号为 {args.partner_id} 的合作方")
        if args.action == "key":
            expires = now() + timedelta(days=args.days) if args.days else None
            issued = await partners.issue_key(partner, expires)
            return issued.key
        from schema import build_schema

        manifest = await partners.register_manifest(build_schema(), partner, Path(args.file).read_text("utf-8"))
        return f"registered {manifest.registered} operations ({manifest.unchanged} already registered)"

    try:
        print(asyncio.run(_with_orm(_settings(), run)))
    except Invalid as refusal:
        for problem in refusal.problems:
            print(f"{problem.message} ({problem.code.value})", file=sys.stderr)
        sys.exit(1)
    except NotFound as missing:
        print(missing.message, file=sys.stderr)
        sys.exit(1)


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

    sub.add_parser("check-schema", help="breaking changes, deprecations and changelog against "
                   "schema/released.graphql").set_defaults(func=cmd_check_schema)
    sub.add_parser("release-schema", help="release the current schema (schema/released.graphql, "
                   "docs/SCHEMA_CHANGELOG.md)").set_defaults(func=cmd_release_schema)
    sub.add_parser("errors-doc", help="rewrite docs/ERRORS.md from the error codes").set_defaults(
        func=cmd_errors_doc
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
    partner = sub.add_parser("partner", help="partner systems: create, key, revoke-key, manifest, list")
    actions = partner.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="register a partner for an institution")
    create.add_argument("--name", required=True)
    create.add_argument("--school-code", required=True, help="the institution's 院校标识码")
    key = actions.add_parser("key", help="issue an API key (printed once)")
    key.add_argument("partner_id", type=int)
    key.add_argument("--days", type=int, default=365, help="valid for this many days (0: no expiry)")
    revoke = actions.add_parser("revoke-key", help="revoke a key by its prefix")
    revoke.add_argument("prefix")
    manifest = actions.add_parser("manifest", help="register an operations manifest (Apollo or Relay JSON)")
    manifest.add_argument("partner_id", type=int)
    manifest.add_argument("file")
    actions.add_parser("list", help="partners and their keys")
    partner.set_defaults(func=cmd_partner)

    args = parser.parse_args(argv)
    args.func(args)
