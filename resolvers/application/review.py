"""``reviewConversion`` (D1, F10.3, F10.4): pass or fail rows, answered per row: the ticked rows,
or with ``allMatching`` every pending row of the current filter (never an empty selection). A row is decided by one conditional UPDATE
(status still 审核中), so of two reviewers at the same moment exactly one decides it. A passed
row records the learner's conversion result (F11.2). Re-review (B4) sends a failed row back once."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Module
from models.application import (
    DECIDABLE,
    DECISIONS,
    RE_REVIEWABLE,
    ApplicationKind,
    ConversionApplication,
    ConversionResult,
    Decision,
    ReviewAction,
    ReviewEvent,
    live_key,
)
from models.conversion import RuleVersion
from models.institution import Institution
from models.message import MessageKind
from resolvers import audit, checks, policy
from resolvers.access import require_account
from resolvers.application.scope import filtered, received, reviewer, sent
from resolvers.batch import ItemResult, failed, not_found
from resolvers.errors import Code, Invalid, Problems
from resolvers.ids import encode_id
from resolvers.messages import message_row, notify_institution, write_messages
from resolvers.selection import selected
from server.bulk import bulk_insert, fetch_rows

if TYPE_CHECKING:
    from server.context import Context

CHUNK = 2000


async def review(ctx: Context, data: Any) -> list[ItemResult]:
    account = reviewer(ctx)
    decision = Decision(data.decision)
    problems = Problems()
    reason = checks.text(problems, "reason", data.reason, 500, required=False, multiline=True)
    if decision == Decision.FAILED and not reason and not problems.items:
        problems.add("reason", Code.REASON_REQUIRED)
    chosen = selected(problems, data.ids, data.all_matching, what="申请", verb="审核")
    problems.raise_any()
    scope = received(ctx)
    if not chosen.all_matching:
        # A row named twice is decided and answered once.
        wanted = [(item, policy.pk_of(ConversionApplication, item)) for item in dict.fromkeys(chosen.ids)]
        rows = dict(await scope.filter(id__in=[pk for _, pk in wanted]).values_list("id", "status"))
    else:
        pending = filtered(scope, data.filter).filter(status=DECIDABLE)
        ids = await pending.values_list("id", flat=True)
        if not ids:
            raise Invalid.one("filter", Code.NOTHING_SELECTED, "当前筛选条件下没有待审核的申请")
        wanted = [(encode_id("ConversionApplication", pk), pk) for pk in ids]
        rows = {pk: DECIDABLE for pk in ids}
    candidates = [pk for _, pk in wanted if rows.get(pk) == DECIDABLE]
    decided: set[int] = set()
    async with in_transaction():
        for start in range(0, len(candidates), CHUNK):
            decided |= await _decide(candidates[start:start + CHUNK], decision, reason, account.id)
        if decided:
            await _record(ctx, sorted(decided), decision, reason, account.id)
    results = []
    for item, pk in wanted:
        if pk in decided:
            results.append(ItemResult(item))
        elif pk not in rows:
            results.append(not_found(item))
        else:
            results.append(failed(item, Code.ALREADY_DECIDED))
    return results


async def _decide(ids: list[int], decision: Decision, reason: str, actor: int) -> set[int]:
    """Claim the still-pending rows among ``ids`` in one statement; returns those it decided."""
    if not ids:
        return set()
    connection = ConversionApplication._choose_db(for_write=True)
    postgres = connection.capabilities.dialect == "postgres"
    values: list[Any] = []

    def mark(value: Any) -> str:
        values.append(value)
        return f"${len(values)}" if postgres else "?"

    decided_at = ConversionApplication._meta.fields_map["decided_at"].to_db_value(now(), None)
    # A failed row leaves the live key (B2): the learner may apply again later.
    key = "live_key" if decision == Decision.PASSED else f"{mark('closed:')} || CAST(id AS TEXT)"
    sql = (f"UPDATE conversion_application SET live_key = {key}, "
           f"status = {mark(DECISIONS[decision].value)}, decided_at = {mark(decided_at)}, "
           f"decided_by_id = {mark(actor)}, fail_reason = {mark(reason)} "
           f"WHERE status = {mark(DECIDABLE.value)} "
           f"AND id IN ({', '.join(mark(pk) for pk in ids)}) RETURNING id")
    rows = await connection.execute_query_dict(sql, values)
    return {row["id"] for row in rows}


async def _record(ctx: Context, ids: list[int], decision: Decision, reason: str, actor: int) -> None:
    """Events, results (on pass), the audit row and the messages."""
    await bulk_insert(ReviewEvent, [
        {"application_id": pk, "action": ReviewAction.PASSED if decision == Decision.PASSED
         else ReviewAction.FAILED, "actor_id": actor, "reason": reason} for pk in ids
    ])
    applications: list[dict[str, Any]] = []
    for start in range(0, len(ids), CHUNK):
        applications += await fetch_rows(ConversionApplication.filter(id__in=ids[start:start + CHUNK]).values(
            "id", "kind", "applicant_account_id", "initiator_institution_id", "rule_code", "batch_id",
            "rule_version_id", "id_number", "learner_achievement_id", "re_review_requested_at",
            "learner_achievement__learner__account_id",
            "learner_achievement__achievement_name", "learner_achievement__personal_number",
            "learner_achievement__issued_on",
        ))
    if decision == Decision.PASSED:
        versions = {v.id: v for v in await RuleVersion.filter(
            id__in={a["rule_version_id"] for a in applications})}
        await bulk_insert(ConversionResult, [
            _result(a, versions[a["rule_version_id"]]) for a in applications
        ])
    await audit.record(ctx, "application.review", None, decision=decision.value, rows=len(ids),
                       reason=reason)
    await _tell(ctx, applications, decision, reason)


async def _tell(ctx: Context, applications: list[dict[str, Any]], decision: Decision, reason: str) -> None:
    """Each decision reaches the learner whose record it is about — a personal applicant, or a
    learner their school applied for (once they have an account) — pointing at their application;
    the initiating institution gets one message per batch and rule, pointing at its batch."""
    outcome = "通过" if decision == Decision.PASSED else "不通过"
    body = reason or "审核通过，转换结果已记录。"
    schools = dict(await Institution.filter(
        id__in={a["initiator_institution_id"] for a in applications if a["initiator_institution_id"]}
    ).values_list("id", "school__name"))
    by_batch: dict[tuple[int, int | None, str], int] = defaultdict(int)
    to_learners = []
    for application in applications:
        step = "复核" if application["re_review_requested_at"] else "审核"
        code = application["rule_code"]
        initiator = application["initiator_institution_id"]
        title = (f"{schools.get(initiator, '')}为您发起的转换申请（规则{code}）{step}{outcome}"
                 if application["kind"] == ApplicationKind.INSTITUTION.value
                 else f"您在规则{code}上的转换申请{step}{outcome}")
        learners = {application["applicant_account_id"], application["learner_achievement__learner__account_id"]}
        to_learners += [
            message_row(account_id, MessageKind.APPLICATION_DECIDED, title, body,
                        object_id=encode_id("ConversionApplication", application["id"]))
            for account_id in sorted(learners - {None})
        ]
        if initiator:
            by_batch[(initiator, application["batch_id"], code)] += 1
    await write_messages(ctx, to_learners)
    for (institution_id, batch_id, rule_code), count in by_batch.items():
        await notify_institution(
            ctx, institution_id, Module.CONVERSION_REVIEW, MessageKind.APPLICATION_DECIDED,
            f"规则{rule_code}上{count}名学员的转换申请审核{outcome}", body,
            object_id=encode_id("ApplicationBatch", batch_id) if batch_id else "",
        )


def _result(application: dict[str, Any], version: RuleVersion) -> dict[str, Any]:
    """What the rule version grants, original and recognised values both kept (F11.2); never more
    than the target offers (B2): a course's recognised credits are its original credits."""
    snapshot = version.snapshot
    source = {"learnerAchievementId": application["learner_achievement_id"],
              "name": application["learner_achievement__achievement_name"],
              "personalNumber": application["learner_achievement__personal_number"],
              "issuedOn": str(application["learner_achievement__issued_on"])[:10],
              "rule": application["rule_code"], "ruleVersion": version.number}
    courses = [t for t in snapshot["targets"] if t["kind"] in ("COURSE", "MAJOR")]
    certificate = [t for t in snapshot["targets"] if t["kind"] == "CERTIFICATE"]
    if certificate:
        modules = [{"name": m["name"], "credits": m["credits"]} for m in snapshot["modules"]]
        total = sum((Decimal(m["credits"]) for m in modules), Decimal("0"))
        granted = {"certificate": certificate[0]["name"], "certificateCredits": snapshot["targetCredits"],
                   "exemptModules": modules}
    else:
        granted_courses = [
            {"name": t["name"], "kind": t["kind"], "originalHours": t["originalHours"],
             "originalCredits": t["originalCredits"], "recognisedCredits": t["originalCredits"]}
            for t in courses
        ]
        total = sum((Decimal(c["recognisedCredits"]) for c in granted_courses
                     if c["kind"] == "COURSE" and c["recognisedCredits"]), Decimal("0"))
        granted = {"courses": granted_courses}
    return {"application_id": application["id"], "id_number": application["id_number"],
            "source": source, "granted": granted, "granted_credits": total}


async def request_re_review(ctx: Context, data: Any) -> ConversionApplication:
    """B4: the applicant of a failed row asks once, with a reason; it returns to the reviewer.
    The applicant of a batch row is the institution that sent it (F9.7): the learner reads the
    row but asks their school, and the publisher does not re-review at its own request — both
    are told so (NOT_APPLICANT); a row the caller may not read is NOT_FOUND."""
    account = require_account(ctx)
    application = await sent(ctx).filter(id=policy.pk_of(ConversionApplication, data.application_id)).first()
    if application is None:
        await policy.get(ctx, ConversionApplication, data.application_id)
        raise Invalid.one("applicationId", Code.NOT_APPLICANT)
    problems = Problems()
    reason = checks.text(problems, "reason", data.reason, 500, multiline=True)
    problems.raise_any()
    if application.status != RE_REVIEWABLE:
        raise Invalid.one("applicationId", Code.NOT_FAILED)
    if application.re_review_requested_at is not None:
        raise Invalid.one("applicationId", Code.RE_REVIEW_USED)
    from tortoise.exceptions import IntegrityError

    try:
        async with in_transaction():
            moved = await ConversionApplication.filter(
                id=application.id, status=RE_REVIEWABLE, re_review_requested_at__isnull=True
            ).update(status=DECIDABLE, re_review_reason=reason, re_review_requested_at=now(),
                     live_key=live_key(application.rule_id, application.id_number))  # type: ignore[attr-defined]
            if not moved:
                raise Invalid.one("applicationId", Code.RE_REVIEW_USED)
            await ReviewEvent.create(application=application, action=ReviewAction.RE_REVIEW_REQUESTED,
                                     actor_id=account.id, reason=reason)
            await audit.record(ctx, "application.re_review", application,
                               institution_id=application.target_institution_id, reason=reason)
            await notify_institution(
                ctx, application.target_institution_id, Module.CONVERSION_REVIEW, MessageKind.REVIEW_REQUESTED,
                f"学员{application.learner_name}申请复核（规则{application.rule_code}）", reason,
                object_id=encode_id("ConversionApplication", application.id),
            )
    except IntegrityError as exc:
        raise Invalid.one("applicationId", Code.ALREADY_APPLIED) from exc
    await application.refresh_from_db()
    return application


