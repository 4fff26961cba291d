"""What a rule version and a conversion result recorded, as typed objects (B1, F11.2).

The stored snapshots (``RuleVersion.snapshot``, ``ConversionResult.source`` and ``granted``) stay
as they were written: names, hours, credits as decimal strings, internal keys. Here they become
objects: credits as Float (the API's one number type for credits), hours as Int, and object
references with global IDs in place of keys — an ``Achievement`` only where the reader may see it
(the read policy) and while it is live, the snapshot's own values always.

The types say what counts toward ``grantedCredits``, as resolvers/application/review.py computes
it: the recognised credits of the granted ``courses``, or the credits of a certificate's exempt
``modules``. ``majors`` name the programme the courses belong to and grant nothing; a
certificate's own ``credits`` are what the whole certificate is worth, not what was granted.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import strawberry
from strawberry.types import Info

from models.achievement import Achievement
from models.conversion import TargetKind
from schema.achievement import AchievementType
from schema.conversion import ExemptModuleType
from schema.learner import LearnerAchievementType
from schema.node import readable, related

_ACHIEVEMENT = ("该成果现在的对象（全局ID，可用 node(id:) 读取）：仅在读者可以查看且成果未删除时给出，否则为 null；"
                "上面记录的值不受影响")


def credits(value: Any) -> float | None:
    """A stored credit value (a decimal string such as "4.0", or a number) as the API's Float."""
    if value is None or value == "":
        return None
    try:
        return float(Decimal(str(value)))
    except InvalidOperation:
        return None


@strawberry.type(description="规则版本记录的目标专业或课程：发布时的名称、原始学时与原始学分（成果此后修改或删除也不变）")
class TargetSnapshot:
    name: str = strawberry.field(description="成果名称（发布时）")
    original_hours: int | None = strawberry.field(description="原始学时（发布时）")
    original_credits: float | None = strawberry.field(description="原始学分（发布时）")
    achievement_key: strawberry.Private[int | None]

    @strawberry.field(description=_ACHIEVEMENT)
    async def achievement(self, info: Info) -> AchievementType | None:
        return await readable(info, Achievement, self.achievement_key)


@strawberry.type(description="认定的课程：recognisedCredits 计入认定学分，各课程之和即 grantedCredits")
class GrantedCourse:
    name: str = strawberry.field(description="课程名称（规则版本发布时）")
    original_hours: int | None = strawberry.field(description="原始学时")
    original_credits: float | None = strawberry.field(description="原始学分")
    recognised_credits: float = strawberry.field(
        description="认定学分（计入 grantedCredits；等于原始学分，课程无原始学分时为 0）")
    achievement_key: strawberry.Private[int | None]

    @strawberry.field(description=_ACHIEVEMENT)
    async def achievement(self, info: Info) -> AchievementType | None:
        return await readable(info, Achievement, self.achievement_key)


@strawberry.type(description="规则版本记录的非学历目标证书：名称、证书学分及免考模块")
class CertificateSnapshot:
    name: str = strawberry.field(description="证书名称（规则版本发布时）")
    credits: float | None = strawberry.field(
        description="证书的学分银行学分（整本证书的学分，不计入认定学分；认定学分为免考模块学分之和）")
    modules: list[ExemptModuleType] = strawberry.field(
        description="免考模块及学分；转换成功时各模块学分之和即 grantedCredits")
    achievement_key: strawberry.Private[int | None]

    @strawberry.field(description=_ACHIEVEMENT)
    async def achievement(self, info: Info) -> AchievementType | None:
        return await readable(info, Achievement, self.achievement_key)


@strawberry.type(description="申请时在效的规则版本的目标（B1）：学历目标为课程及所属专业，非学历目标为证书及免考模块")
class VersionTarget:
    courses: list[TargetSnapshot] = strawberry.field(description="目标课程：转换成功时按原始学分认定，计入认定学分")
    majors: list[TargetSnapshot] = strawberry.field(description="目标专业（课程所属专业）：不授予学分，不计入认定学分")
    certificate: CertificateSnapshot | None = strawberry.field(description="非学历目标证书及免考模块（学历目标时为 null）")


@strawberry.type(description="转换结果授予的内容（F11.2）：grantedCredits 是 courses 的认定学分之和，"
                             "或 certificate 的免考模块学分之和；majors 不计入")
class ConversionGrant:
    courses: list[GrantedCourse] = strawberry.field(description="认定的课程（计入认定学分）")
    majors: list[TargetSnapshot] = strawberry.field(description="目标专业（课程所属专业，不授予学分，不计入认定学分）")
    certificate: CertificateSnapshot | None = strawberry.field(
        description="非学历目标：证书及免考模块（免考模块学分计入认定学分；学历目标时为 null）")


@strawberry.type(description="转换结果记录的源成果：审核通过时学员成果的名称、编号、颁证日期及所依据的规则版本")
class ConversionResultSource:
    name: str = strawberry.field(description="源成果名称")
    personal_number: str = strawberry.field(description="个人成果编号（证书类为证书编号）")
    issued_on: date | None = strawberry.field(description="颁证日期")
    rule_code: str = strawberry.field(description="规则编码（YYYYMMDD 为规则创建当日的北京时间日期）")
    rule_version: int = strawberry.field(description="规则版本号（B1）")
    application: strawberry.Private[Any]

    @strawberry.field(description="学员成果记录（即申请的 source）")
    async def learner_achievement(self) -> LearnerAchievementType:
        return await related(self.application, "learner_achievement")


def _target(row: dict[str, Any]) -> TargetSnapshot:
    return TargetSnapshot(name=row.get("name", ""), original_hours=row.get("originalHours"),
                          original_credits=credits(row.get("originalCredits")),
                          achievement_key=row.get("achievementId"))


def _modules(rows: list[dict[str, Any]]) -> list[ExemptModuleType]:
    return [ExemptModuleType(name=m.get("name", ""), credits=credits(m.get("credits")) or 0.0) for m in rows]


def _of_kind(snapshot: dict[str, Any], *kinds: TargetKind) -> list[dict[str, Any]]:
    values = {kind.value for kind in kinds}
    return [t for t in snapshot.get("targets", []) if t.get("kind") in values]


def version_target(snapshot: dict[str, Any]) -> VersionTarget:
    """The targets a rule version recorded when it was published."""
    certificate = _of_kind(snapshot, TargetKind.CERTIFICATE)
    return VersionTarget(
        courses=[_target(t) for t in _of_kind(snapshot, TargetKind.COURSE)],
        majors=[_target(t) for t in _of_kind(snapshot, TargetKind.MAJOR)],
        certificate=CertificateSnapshot(
            name=certificate[0].get("name", ""), credits=credits(snapshot.get("targetCredits")),
            modules=_modules(snapshot.get("modules", [])), achievement_key=certificate[0].get("achievementId"),
        ) if certificate else None,
    )


def grant(granted: dict[str, Any], snapshot: dict[str, Any]) -> ConversionGrant:
    """What a result granted, with the achievement keys of the version it was computed from: the
    result lists the version's majors and courses in the version's order (review.py ``_result``)."""
    if "certificate" in granted:
        found = _of_kind(snapshot, TargetKind.CERTIFICATE)
        key = found[0].get("achievementId") if found and found[0].get("name") == granted["certificate"] else None
        return ConversionGrant(courses=[], majors=[], certificate=CertificateSnapshot(
            name=granted["certificate"], credits=credits(granted.get("certificateCredits")),
            modules=_modules(granted.get("exemptModules", [])), achievement_key=key))
    listed = granted.get("courses", [])
    targets = _of_kind(snapshot, TargetKind.COURSE, TargetKind.MAJOR)
    targets += [{}] * (len(listed) - len(targets))
    courses, majors = [], []
    for row, target in zip(listed, targets):
        same = target.get("kind") == row.get("kind") and target.get("name") == row.get("name")
        key = target.get("achievementId") if same else None
        if row.get("kind") == TargetKind.COURSE.value:
            courses.append(GrantedCourse(
                name=row.get("name", ""), original_hours=row.get("originalHours"),
                original_credits=credits(row.get("originalCredits")),
                recognised_credits=credits(row.get("recognisedCredits")) or 0.0, achievement_key=key))
        else:
            majors.append(TargetSnapshot(name=row.get("name", ""), original_hours=row.get("originalHours"),
                                         original_credits=credits(row.get("originalCredits")),
                                         achievement_key=key))
    return ConversionGrant(courses=courses, majors=majors, certificate=None)


def result_source(source: dict[str, Any], application: Any) -> ConversionResultSource:
    issued = source.get("issuedOn")
    try:
        issued_on = date.fromisoformat(issued) if issued else None
    except ValueError:
        issued_on = None
    return ConversionResultSource(
        name=source.get("name", ""), personal_number=source.get("personalNumber", ""), issued_on=issued_on,
        rule_code=source.get("rule", ""), rule_version=int(source.get("ruleVersion") or 0),
        application=application,
    )
