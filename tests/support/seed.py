"""A production-sized data set, inserted fast (``server.bulk.bulk_insert``), for query-plan tests.

Three registered institutions (the demo's 长沙理工大学 and 湖南大学, plus 湖南农业大学) share the
rows evenly, so one institution's list covers a third of each table: the worst case for an
index on the institution alone. Times spread over three years and ids grow with them, as they do
in production. A registered learner holds records at two of the institutions and has messages
and applications of their own.

Call :func:`seed_volume` on a migrated database that has the demo data (``server.demo.seed``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountKind
from models.achievement import (
    SUBTYPES,
    Achievement,
    AchievementCategory,
    AchievementSubtype,
    RecognitionStatus,
)
from models.application import (
    ApplicationBatch,
    ApplicationKind,
    ApplicationStatus,
    ConversionApplication,
)
from models.audit import AuditLog
from models.conversion import (
    ConversionMethod,
    ConversionRule,
    PublishStatus,
    RuleSource,
    RuleTarget,
    RuleType,
    RuleVersion,
    TargetKind,
)
from models.directory import School
from models.imports import ImportJob, ImportKind, ImportStatus
from models.institution import Institution, RegistrationStep
from models.learner import Feedback, FeedbackStatus, Learner, LearnerAchievement, LearnerStatus
from models.message import Message, MessageKind
from server.bulk import bulk_insert
from server.security import Passwords

CSUST_CODE, HNU_CODE, HUNAU_CODE = "4143010536", "4143010532", "4143010537"
LEARNER_ID_NUMBER = "430100199001010011"
LEARNER_PASSWORD = "Learner2021"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
# What achievements are named after: majors, courses and certificates (the name filters search them).
SUBJECTS = ("经济统计学", "植物保护与检疫技术", "机械设计制造", "软件技术", "会计信息管理", "护理", "学前教育",
            "建筑工程技术", "电子商务", "物流管理", "汽车检测与维修", "数控技术", "市场营销", "旅游管理",
            "酒店管理", "应用英语", "计算机网络技术", "大数据技术", "人工智能技术应用", "工业机器人技术",
            "电气自动化技术", "药学", "园林技术", "畜牧兽医", "食品检验检测", "环境工程技术", "测绘工程技术",
            "城市轨道交通运营管理", "铁道机车运用与维护", "财务管理")
CHUNK = 10_000


@dataclass(frozen=True)
class Volume:
    learners_per_institution: int = 10_000
    records_per_learner: int = 2
    achievements_per_institution: int = 5_000
    rules_per_institution: int = 2_000
    applications: int = 20_000
    batches: int = 1_000
    feedbacks_per_institution: int = 1_000
    messages: int = 20_000
    audit_rows: int = 20_000
    import_jobs_per_institution: int = 1_000


@dataclass
class Seeded:
    """What the tests need to find again: ids, and the logins' usernames and passwords."""

    institutions: list[int]
    learner_account_id: int
    admin_account_id: int
    learner_password: str = LEARNER_PASSWORD
    achievement_ids: dict[int, list[int]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _times(rng: random.Random, count: int, moment: datetime, days: int = 3 * 365) -> list[datetime]:
    """``count`` times over the last ``days`` days, oldest first (ids grow with time)."""
    span = days * 86_400
    return sorted(moment - timedelta(seconds=rng.randrange(span)) for _ in range(count))


def _id_number(person: int) -> str:
    return f"43{person:016d}"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


async def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        await bulk_insert(model, rows[start:start + CHUNK])


async def _institutions(passwords: Passwords) -> tuple[list[int], int, int]:
    csust = await Institution.get(school__code=CSUST_CODE)
    hnu = await Institution.get(school__code=HNU_CODE)
    school = await School.get(code=HUNAU_CODE)
    hunau, _ = await Institution.get_or_create(
        school=school, defaults={"registration_step": RegistrationStep.COMPLETE, "registered_at": now()}
    )
    admin = await Account.get(username=CSUST_CODE)
    learner, _ = await Account.get_or_create(
        username=LEARNER_ID_NUMBER,
        defaults={"password_hash": await passwords.hash(LEARNER_PASSWORD), "kind": AccountKind.LEARNER,
                  "name": "王学员", "phone": "13900000001"},
    )
    return [csust.id, hnu.id, hunau.id], admin.id, learner.id


async def seed_volume(passwords: Passwords, volume: Volume = Volume(), seed: int = 9) -> Seeded:
    rng = random.Random(seed)
    moment = now()
    institutions, admin_id, learner_account_id = await _institutions(passwords)
    seeded = Seeded(institutions=institutions, learner_account_id=learner_account_id, admin_account_id=admin_id)
    subtypes = list(AchievementSubtype)

    async with in_transaction():
        # --- achievements ------------------------------------------------------------------
        rows = []
        for position, institution in enumerate(institutions):
            for i, created in enumerate(_times(rng, volume.achievements_per_institution, moment)):
                subtype = subtypes[i % len(subtypes)]
                deleted = rng.random() < 0.05
                rows.append({
                    "institution_id": institution, "category": SUBTYPES[subtype].category, "subtype": subtype,
                    "name": f"{rng.choice(SUBJECTS)}{subtype.label}({position}-{i})", "issuer": f"机构{position}",
                    "recognition_status": rng.choice(list(RecognitionStatus)),
                    "live_key": f"deleted:{position}-{i}" if deleted else f"{subtype.value}|{i}",
                    "deleted_at": created + timedelta(days=1) if deleted else None,
                    "created_at": created, "updated_at": created,
                })
        rows.sort(key=lambda row: row["created_at"])
        await _insert(Achievement, rows)
        achievements: dict[int, list[tuple[int, str, AchievementCategory, AchievementSubtype]]] = {}
        for row in await Achievement.filter(deleted_at__isnull=True).values_list(
                "id", "institution_id", "name", "category", "subtype"):
            achievements.setdefault(row[1], []).append((row[0], row[2], row[3], row[4]))
        seeded.achievement_ids = {k: [a[0] for a in v] for k, v in achievements.items()}

        # --- learners: overlapping people, so one person is a learner of several schools ----
        rows = []
        per = volume.learners_per_institution
        for position, institution in enumerate(institutions):
            people = range(position * (per * 4 // 5), position * (per * 4 // 5) + per)
            for person, created in zip(people, _times(rng, per, moment)):
                active = rng.random() < 0.3
                rows.append({
                    "institution_id": institution, "name": _name(rng), "id_number": _id_number(person),
                    "phone": f"139{person:08d}" if active else "",
                    "status": LearnerStatus.ACTIVE if active else LearnerStatus.INACTIVE,
                    "account_id": 1_000_000 + person if active else None,
                    "activated_at": created if active else None,
                    "created_at": created, "updated_at": created,
                })
        # The registered learner: a record at the first two institutions.
        for institution in institutions[:2]:
            created = moment - timedelta(days=rng.randrange(700))
            rows.append({
                "institution_id": institution, "name": "王学员", "id_number": LEARNER_ID_NUMBER,
                "phone": "13900000001", "status": LearnerStatus.ACTIVE, "account_id": learner_account_id,
                "activated_at": created, "created_at": created, "updated_at": created,
            })
        rows.sort(key=lambda row: row["created_at"])
        await _insert(Learner, rows)
        learners = await Learner.all().values_list("id", "institution_id", "name", "id_number", "created_at")

        # --- learner achievements ----------------------------------------------------------
        rows = []
        for learner_id, institution, name, id_number, entered in learners:
            count = 5 if id_number == LEARNER_ID_NUMBER else volume.records_per_learner
            for achievement_id, achievement_name, category, subtype in rng.sample(achievements[institution], count):
                created = entered + timedelta(seconds=rng.randrange(max(1, int((moment - entered).total_seconds()))))
                withdrawn = rng.random() < 0.05
                personal = f"P{rng.randrange(10**9):09d}"
                rows.append({
                    "institution_id": institution, "learner_id": learner_id, "achievement_id": achievement_id,
                    "achievement_name": achievement_name, "category": category, "subtype": subtype,
                    "personal_number": personal, "issued_on": (created - timedelta(days=rng.randrange(400))).date(),
                    "live_key": f"withdrawn:{learner_id}-{achievement_id}" if withdrawn else f"{achievement_id}|{personal}",
                    "withdrawn_at": created + timedelta(days=2) if withdrawn else None,
                    "created_at": created, "updated_at": created,
                })
        rows.sort(key=lambda row: row["created_at"])
        await _insert(LearnerAchievement, rows)
        records = await LearnerAchievement.filter(withdrawn_at__isnull=True).values_list(
            "id", "institution_id", "learner_id", "learner__name", "learner__id_number", "learner__account_id")
        by_institution: dict[int, list[tuple[Any, ...]]] = {}
        for record in records:
            by_institution.setdefault(record[1], []).append(record)

        # --- feedback ----------------------------------------------------------------------
        rows = []
        for institution in institutions:
            for created in _times(rng, volume.feedbacks_per_institution, moment):
                record = rng.choice(by_institution[institution])
                status = rng.choice(list(FeedbackStatus))
                rows.append({
                    "institution_id": institution, "learner_achievement_id": record[0],
                    "account_id": record[5] or 1, "content": "发证日期有误", "status": status,
                    "handled_at": None if status == FeedbackStatus.UNRESOLVED else created + timedelta(days=1),
                    "created_at": created,
                })
        rows.sort(key=lambda row: row["created_at"])
        await _insert(Feedback, rows)

        # --- conversion methods (a few a school, one published) -----------------------------
        rows = []
        for institution in institutions:
            for i, created in enumerate(_times(rng, 6, moment)):
                published = i == 5
                rows.append({
                    "institution_id": institution, "name": f"转换办法{i}",
                    "status": PublishStatus.PUBLISHED if published else PublishStatus.UNPUBLISHED,
                    "file_key": f"methods/{institution}-{i}.pdf", "file_name": f"办法{i}.pdf", "file_size": 1000,
                    "published_slot": institution if published else None,
                    "published_at": created if published else None,
                    "pledged_by_id": admin_id, "pledged_at": created, "created_at": created, "updated_at": created,
                })
        await _insert(ConversionMethod, rows)

        # --- conversion rules, their sources, targets and versions --------------------------
        rows = []
        statuses = ([PublishStatus.PUBLISHED] * 14 + [PublishStatus.UNSUBMITTED] * 2
                    + [PublishStatus.UNPUBLISHED] * 2 + [PublishStatus.TAKEN_DOWN])
        for institution in institutions:
            for created in _times(rng, volume.rules_per_institution, moment):
                status = rng.choice(statuses)
                rows.append({
                    "institution_id": institution, "rule_type": rng.choice(list(RuleType)), "status": status,
                    "valid_from": (created - timedelta(days=1)).date(),
                    "valid_to": (created + timedelta(days=365 * 5)).date() if rng.random() < 0.2 else None,
                    "version": 1 if status != PublishStatus.UNSUBMITTED else 0,
                    "published_at": created if status == PublishStatus.PUBLISHED else None,
                    "pledged_by_id": admin_id, "pledged_at": created, "created_by_id": admin_id,
                    "deleted_at": created + timedelta(days=3) if rng.random() < 0.03 else None,
                    "created_at": created, "updated_at": created,
                })
        rows.sort(key=lambda row: row["created_at"])
        for sequence, row in enumerate(rows):
            row["code"] = f"{row['created_at']:%Y%m%d}{sequence % 10_000:04d}"
        await _insert(ConversionRule, rows)
        rules = await ConversionRule.all().values_list("id", "institution_id", "code", "status", "valid_from",
                                                        "deleted_at", "created_at")
        sources, targets, versions = [], [], []
        for rule_id, institution, _, status, valid_from, _, created in rules:
            others = [i for i in institutions if i != institution]
            for achievement in rng.sample(achievements[rng.choice(others)], rng.randint(1, 2)):
                sources.append({"rule_id": rule_id, "achievement_id": achievement[0], "credits": Decimal("2.0")})
            for achievement in rng.sample(achievements[institution], rng.randint(1, 2)):
                targets.append({"rule_id": rule_id, "achievement_id": achievement[0],
                                "kind": TargetKind.COURSE if achievement[2] == AchievementCategory.DEGREE
                                else TargetKind.CERTIFICATE})
            if status != PublishStatus.UNSUBMITTED:
                versions.append({"rule_id": rule_id, "number": 1, "valid_from": valid_from, "snapshot": {},
                                 "published_at": created})
        await _insert(RuleSource, sources)
        await _insert(RuleTarget, targets)
        await _insert(RuleVersion, versions)
        version_of = dict(await RuleVersion.all().values_list("rule_id", "id"))
        published = [r for r in rules if r[3] == PublishStatus.PUBLISHED and r[5] is None]

        # --- batches and applications ------------------------------------------------------
        rows = []
        for created in _times(rng, volume.batches, moment):
            rule = rng.choice(published)
            initiator = rng.choice([i for i in institutions if i != rule[1]])
            rows.append({"name": f"机构{initiator}{created:%Y%m%d} 批量学员转换", "rule_id": rule[0],
                         "initiator_id": initiator, "target_id": rule[1], "learner_count": 10,
                         "created_by_id": admin_id, "created_at": created})
        await _insert(ApplicationBatch, rows)
        batches = await ApplicationBatch.all().values_list("id", "rule_id", "initiator_id", "target_id", "created_at")
        rule_by_id = {r[0]: r for r in rules}
        rows, keys = [], set()
        learner_records = [r for r in records if r[4] == LEARNER_ID_NUMBER]
        for n, created in enumerate(_times(rng, volume.applications, moment)):
            if rng.random() < 0.4:
                batch_id, rule_id, initiator, _, _ = rng.choice(batches)
                rule, kind = rule_by_id[rule_id], ApplicationKind.INSTITUTION
                record = rng.choice(by_institution[initiator])
                applicant = None
            else:
                rule, kind, batch_id, initiator = rng.choice(published), ApplicationKind.PERSONAL, None, None
                record = rng.choice(learner_records if n % 50 == 0 else records)
                applicant = record[5] or 2_000_000 + record[2]
            status = rng.choice([ApplicationStatus.PENDING] * 3 + [ApplicationStatus.PASSED] * 4
                                + [ApplicationStatus.FAILED] * 2)
            key = f"{rule[0]}|{record[4]}"
            if status == ApplicationStatus.FAILED or key in keys:
                key, status = f"closed:{n}", ApplicationStatus.FAILED
            keys.add(key)
            rows.append({
                "kind": kind, "batch_id": batch_id, "rule_id": rule[0], "rule_version_id": version_of[rule[0]],
                "rule_code": rule[2], "target_institution_id": rule[1], "initiator_institution_id": initiator,
                "applicant_account_id": applicant, "learner_achievement_id": record[0],
                "learner_name": record[3], "id_number": record[4], "status": status, "live_key": key,
                "decided_at": None if status == ApplicationStatus.PENDING else created + timedelta(days=1),
                "created_at": created,
            })
        await _insert(ConversionApplication, rows)

        # --- messages: the school's main account and the learner get their share ------------
        rows = []
        kinds = list(MessageKind)
        for created in _times(rng, volume.messages, moment, days=365):
            draw = rng.random()
            account = admin_id if draw < 0.3 else learner_account_id if draw < 0.4 else 3_000_000 + rng.randrange(3000)
            rows.append({
                "account_id": account, "institution_id": institutions[0] if account == admin_id else None,
                "kind": rng.choice(kinds), "title": "收到转换申请", "module": "CONVERSION_REVIEW",
                "object_id": "x", "read_at": created + timedelta(hours=1) if rng.random() < 0.7 else None,
                "created_at": created,
            })
        await _insert(Message, rows)

        # --- audit trail -------------------------------------------------------------------
        rows = [{"actor_id": admin_id if i % 3 == 0 else 4_000_000 + i % 500,
                 "institution_id": institutions[i % 3], "action": "learner.add", "object_type": "Learner",
                 "object_id": str(i), "detail": {}, "created_at": created}
                for i, created in enumerate(_times(rng, volume.audit_rows, moment))]
        await _insert(AuditLog, rows)

        # --- import records ----------------------------------------------------------------
        rows = []
        import_kinds = [ImportKind.ACHIEVEMENTS, ImportKind.LEARNERS, ImportKind.LEARNER_ACHIEVEMENTS,
                        ImportKind.LEARNER_ACHIEVEMENTS]
        for institution in institutions:
            for created in _times(rng, volume.import_jobs_per_institution, moment, days=2 * 365):
                kind = rng.choice(import_kinds)
                target = (str(rng.choice(achievements[institution])[0]) if kind == ImportKind.LEARNER_ACHIEVEMENTS
                          else "VOCATIONAL_COURSE" if kind == ImportKind.ACHIEVEMENTS else "")
                rows.append({
                    "institution_id": institution, "kind": kind, "target": target, "operator_id": admin_id,
                    "operator_name": "张老师", "status": ImportStatus.DONE, "source_name": "导入.xlsx",
                    "total_rows": 100, "imported_count": 98, "rejected_count": 2,
                    "created_at": created, "finished_at": created + timedelta(minutes=1),
                })
        rows.sort(key=lambda row: row["created_at"])
        await _insert(ImportJob, rows)

    seeded.counts = {"learner": len(learners), "rules": len(rules), "applications": volume.applications}
    return seeded


def entry_year_of_data() -> int:
    """A year in the middle of the seeded span (the 入库年份 filters' realistic value)."""
    return (date.today() - timedelta(days=400)).year
