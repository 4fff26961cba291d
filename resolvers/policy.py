"""The read policy: which rows, and which parts of a row, each caller may see — decided here and
nowhere else (DESIGN, "Security rules").

Every stored model a client can reach has a *rule*. For a caller (bank staff, a user of an
institution holding some modules, a learner, a partner acting as its institution's main account,
or nobody) the rule names two sets of rows:

- ``own``: the rows the caller holds and may act on — their institution's rows of a module they
  may use (B9), a learner's own rows, every row for bank staff;
- ``shared``: rows of others the caller may read but not act on — what is public (published
  methods and rules, the recognised catalogue, the directory), or what another party sent them.

Entry points, used by every list, ``node(id:)``, detail, filter, nested count and mutation lookup:

- ``visible(ctx, Model)``: a queryset of every row the caller may read (own and shared);
- ``owned(ctx, Model)``: a queryset of the caller's own rows (lists of "my institution's …");
- ``retired(ctx, Model)``: the caller's own rows no longer in use that their holders still read
  apart (withdrawn records: the school's withdrawn list, the learner's) — never in the lists of
  live rows, their counts or exports;
- ``await get(ctx, Model, global_id, owned=False)``: that row when the caller may read it (or,
  with ``owned=True``, act on it), else ``NOT_FOUND`` — the same answer as for an ID that matches
  nothing, so no answer tells another tenant's row from a missing one; ``lookup`` is the same for
  ``node(id:)``, where holders also reach the retired rows they keep reading;
- ``may(ctx, facet, row)``: the parts of a readable row only some readers see (an institution's
  registration details, an achievement's holder counts).

A row shows the rows it refers to (a published rule its source achievements, an application its
learner's record): those references are part of what the row's readers may see, which is why a
reference to a row its readers may not see is refused where it is made (a rule's source must be a
row the rule's publisher may see). What the referenced row would tell beyond itself — counts,
personal details — is a facet, checked here.

Operations (who may call a mutation or a list at all) are ``resolvers.access``; this module only
says which rows such a call may touch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from tortoise.expressions import Q, Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.account import Account, AccountKind, AccountStatus, Module
from models.achievement import Achievement, RecognitionStatus, SubtypeGrant
from models.application import ApplicationBatch, ConversionApplication
from models.audit import AuditLog
from models.conversion import (
    ConversionMethod,
    ConversionRule,
    PublishStatus,
    RuleSource,
    RuleTarget,
)
from models.directory import Province, School
from models.imports import ImportJob
from models.institution import Institution
from models.learner import Feedback, Learner, LearnerAchievement
from models.message import Message
from models.partner import Partner, PartnerCall, PartnerKey
from models.reference import Discipline, GraduationConclusion, Level, Major, MajorClass
from resolvers.errors import Forbidden, NotFound, Unauthenticated
from resolvers.ids import decode_id

if TYPE_CHECKING:
    from server.context import Context

M = TypeVar("M", bound=Model)


# --- the caller ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    """Who is asking, as far as reading is concerned. ``account`` is None for nobody (the
    portal's visitor); a partner key's call carries its institution's main account."""

    account: Account | None
    # The modules that cover the rows being asked about (B9): a sub-user holds them or not.
    modules: tuple[Module, ...] = ()
    # A partner key's call, made in the name of its institution's main account (D3).
    partner: bool = False

    @property
    def is_staff(self) -> bool:
        return self.account is not None and self.account.kind == AccountKind.STAFF

    @property
    def learner_account_id(self) -> int | None:
        account = self.account
        return account.id if account is not None and account.kind == AccountKind.LEARNER else None

    @property
    def account_id(self) -> int | None:
        return self.account.id if self.account is not None else None

    def holds(self, module: Module) -> bool:
        """May use ``module`` of their institution (B9, see ``uses_module``)."""
        account = self.account
        if account is None or not account.is_institution_member:
            return False
        return uses_module(account.kind, account.all_modules, account.modules, module)

    def institution(self, *modules: Module) -> int | None:
        """The caller's institution, when they are one of its users holding one of ``modules``
        (any module when none is named) and its registration is complete."""
        account = self.account
        if account is None or not account.is_institution_member:
            return None
        institution = account.institution
        if institution is None or not institution.is_registered:
            return None
        if modules and not any(self.holds(m) for m in modules):
            return None
        return institution.id

    @property
    def mine(self) -> int | None:
        """The caller's institution, when they may use a module that covers the rows asked about."""
        return self.institution(*self.modules)

    @property
    def lacks_modules(self) -> bool:
        """A user of an institution whose modules cover none of the rows asked about."""
        account = self.account
        return (account is not None and account.is_institution_member and bool(self.modules)
                and not any(self.holds(m) for m in self.modules))


def uses_module(kind: AccountKind, all_modules: bool, modules: list[str], module: Module) -> bool:
    """Whether a user of an institution may use ``module`` (B9) — the one place deciding it, from
    an account's stored values: a main account (and a partner, which acts as one) uses every
    module; a sub-user every module when given all (``all_modules``), else those listed — an empty
    list is none (issue 14: unticking every box must not grant everything)."""
    if kind == AccountKind.INSTITUTION_ADMIN:
        return True
    return kind == AccountKind.INSTITUTION_USER and (all_modules or module.value in modules)


def caller(ctx: Context, *, incomplete_ok: bool = False) -> Caller:
    """The caller of this request. A token that was sent but is no longer valid answers
    UNAUTHENTICATED (the front end must log in again, not be told "not found"); an account that
    must first change its initial password reads nothing until it has (F2.2); the main account
    of an institution whose registration is not complete reads only what ``incomplete_ok``
    rules allow (itself, its institution)."""
    if ctx.token_rejected:
        raise Unauthenticated("登录已失效，请重新登录")
    account = ctx.account
    if account is not None:
        if account.must_change_password and ctx.partner is None:
            raise Forbidden("请先修改初始密码", code="PASSWORD_CHANGE_REQUIRED")
        if (not incomplete_ok and account.is_institution_member
                and not (account.institution and account.institution.is_registered)):
            raise Forbidden("请先完成机构注册", code="REGISTRATION_INCOMPLETE")
    return Caller(account, partner=ctx.partner is not None)


def _for(c: Caller, spec: Rule) -> Caller:
    return Caller(c.account, spec.modules, c.partner)


# --- rules ----------------------------------------------------------------------------------------

ALL = Q()  # every row (of the rule's base set)


@dataclass(frozen=True)
class Scope:
    own: Q | None = None  # None: no row
    shared: Q | None = None


@dataclass(frozen=True)
class Rule:
    model: type[Model]
    scope: Callable[[Caller], Scope]
    type_name: str
    # The rows still in use (not deleted, withdrawn or revoked); the others are kept for the
    # record and read only by their holder's own lookups (``retired=True``).
    live: Q | None = None
    # The modules whose users hold their institution's rows of this model (B9).
    modules: tuple[Module, ...] = ()
    incomplete_ok: bool = False  # readable before the institution's registration is complete
    # The rows no longer in use that their holders still read, apart from the live ones: by ID
    # (``lookup``) and in lists of their own (``retired``). Others never see them.
    kept: Q | None = None


RULES: dict[type[Model], Rule] = {}


def rule(model: type[Model], type_name: str, *, live: Q | None = None, modules: tuple[Module, ...] = (),
         incomplete_ok: bool = False, kept: Q | None = None
         ) -> Callable[[Callable[[Caller], Scope]], Callable[[Caller], Scope]]:
    def register(scope: Callable[[Caller], Scope]) -> Callable[[Caller], Scope]:
        RULES[model] = Rule(model, scope, type_name, live, modules, incomplete_ok, kept)
        return scope
    return register


def _is(column: str, value: int | None) -> Q | None:
    filters: dict[str, Any] = {column: value}
    return None if value is None else Q(**filters)


def _either(*parts: Q | None) -> Q | None:
    found = [p for p in parts if p is not None]
    if not found:
        return None
    combined = found[0]
    for part in found[1:]:
        combined = combined | part
    return combined


def _public(model: type[Model]) -> Callable[[Caller], Scope]:
    def scope(c: Caller) -> Scope:
        return Scope(own=ALL if c.is_staff else None, shared=ALL)
    return rule(model, model.__name__)(scope)


# The directory and the reference lists are the same for everyone (F1.1, F4.3).
for _model in (Province, School, Level, GraduationConclusion, Discipline, MajorClass, Major):
    _public(_model)


@rule(Account, "Account", live=~Q(status=AccountStatus.DELETED), incomplete_ok=True)
def _accounts(c: Caller) -> Scope:
    """Staff read every account; a main account its institution's users (F14); anyone else only
    themself. Deleted accounts stay for the audit trail, read by nobody."""
    if c.is_staff:
        return Scope(own=ALL)
    account = c.account
    if account is None:
        return Scope()
    if account.kind == AccountKind.INSTITUTION_ADMIN and account.institution_id is not None:  # type: ignore[attr-defined]
        return Scope(own=Q(institution_id=account.institution_id))  # type: ignore[attr-defined]
    return Scope(own=Q(id=account.id))


@rule(Institution, "Institution", incomplete_ok=True)
def _institutions(c: Caller) -> Scope:
    """An institution's public identity (name, code, province) is everybody's — it signs its
    published rules; its registration details are the ``INSTITUTION_DETAILS`` facet."""
    if c.is_staff:
        return Scope(own=ALL)
    account = c.account
    own = None
    if account is not None and account.is_institution_member:
        own = _is("id", account.institution_id)  # type: ignore[attr-defined]
    return Scope(own=own, shared=Q(registered_at__isnull=False))


def _published_rule_achievements() -> Q:
    in_rules = ConversionRule.filter(status=PublishStatus.PUBLISHED, deleted_at__isnull=True).values("id")
    return (Q(id__in=Subquery(RuleSource.filter(rule_id__in=Subquery(in_rules)).values("achievement_id")))
            | Q(id__in=Subquery(RuleTarget.filter(rule_id__in=Subquery(in_rules)).values("achievement_id"))))


@rule(Achievement, "Achievement", live=Q(deleted_at__isnull=True),
      modules=(Module.ACHIEVEMENTS, Module.CONVERSION_RULES, Module.CONVERSION_REVIEW))
def _achievements(c: Caller) -> Scope:
    """The catalogue: an institution's own to the users who keep it, store records on it, make
    rules or review conversions with it; recognised achievements (the bank's public catalogue) and
    those a published rule names to everyone; a learner also the achievements of their records."""
    if c.is_staff:
        return Scope(own=ALL)
    learner = c.learner_account_id
    held = None
    if learner is not None:
        held = Q(id__in=Subquery(LearnerAchievement.filter(
            learner__account_id=learner, withdrawn_at__isnull=True).values("achievement_id")))
    shared = _either(Q(recognition_status=RecognitionStatus.RECOGNIZED), _published_rule_achievements(), held)
    return Scope(own=_is("institution_id", c.mine), shared=shared)


@rule(SubtypeGrant, "SubtypeGrant", live=Q(revoked_at__isnull=True), modules=(Module.ACHIEVEMENTS,))
def _grants(c: Caller) -> Scope:
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_is("institution_id", c.mine))


@rule(Learner, "Learner", modules=(Module.ACHIEVEMENTS,))
def _learners(c: Caller) -> Scope:
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_either(_is("institution_id", c.mine), _is("account_id", c.learner_account_id)))


# Reviewers (成果转换管理) send the institution's records in batches (F9.7).
@rule(LearnerAchievement, "LearnerAchievement", live=Q(withdrawn_at__isnull=True),
      kept=Q(withdrawn_at__isnull=False), modules=(Module.ACHIEVEMENTS, Module.CONVERSION_REVIEW))
def _records(c: Caller) -> Scope:
    """Held (not withdrawn) records: the storing institution's, and the learner's own. Withdrawn
    ones stay explainable to the same holders — by ID and in the withdrawn lists — and leave every
    other list, count and export."""
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_either(_is("institution_id", c.mine), _is("learner__account_id", c.learner_account_id)))


@rule(Feedback, "Feedback", modules=(Module.ACHIEVEMENTS,))
def _feedbacks(c: Caller) -> Scope:
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_either(_is("institution_id", c.mine), _is("account_id", c.learner_account_id)))


@rule(ImportJob, "ImportJob", modules=(Module.ACHIEVEMENTS,))
def _imports(c: Caller) -> Scope:
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_is("institution_id", c.mine))


@rule(ConversionMethod, "ConversionMethod", live=Q(deleted_at__isnull=True), modules=(Module.CONVERSION_RULES,))
def _methods(c: Caller) -> Scope:
    """An institution's methods to its rule makers; the published one to everyone (F8.5)."""
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_is("institution_id", c.mine), shared=Q(status=PublishStatus.PUBLISHED))


@rule(ConversionRule, "ConversionRule", live=Q(deleted_at__isnull=True), modules=(Module.CONVERSION_RULES,))
def _rules(c: Caller) -> Scope:
    """An institution's rules (drafts too) to its rule makers; published ones to everyone."""
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_is("institution_id", c.mine), shared=Q(status=PublishStatus.PUBLISHED))


@rule(ConversionApplication, "ConversionApplication", modules=(Module.CONVERSION_REVIEW,))
def _applications(c: Caller) -> Scope:
    """The reviewing institution's (received) and the initiating institution's (sent) to their
    reviewers (成果转换管理); to a learner, every application on their own records: those they
    made (F15) and those their school sent in a batch (F9.7), with status, history and result —
    records withdrawn since included. Which of them a learner may ask to re-review is the
    application's rule (B4: its applicant's, ``resolvers/application/review.py``)."""
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_either(_is("target_institution_id", c.mine), _is("initiator_institution_id", c.mine),
                             _on_records_of(c.learner_account_id)))


def _on_records_of(learner_account_id: int | None) -> Q | None:
    """Applications on a record of the learner with this account. Those the learner made are
    among them: one applies only with a record attached to one's account, and an attached record
    stays attached (only 未激活 learners change). One condition, not "applicant OR record": under
    an OR PostgreSQL reads every application (measured: 280 ms on 2M rows, 0.1 ms without)."""
    if learner_account_id is None:
        return None
    return Q(learner_achievement_id__in=Subquery(
        LearnerAchievement.filter(learner__account_id=learner_account_id).values("id")))


@rule(ApplicationBatch, "ApplicationBatch", modules=(Module.CONVERSION_REVIEW,))
def _batches(c: Caller) -> Scope:
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_either(_is("target_id", c.mine), _is("initiator_id", c.mine)))


@rule(Message, "Message", modules=(Module.MESSAGES,))
def _messages(c: Caller) -> Scope:
    """Everyone reads their own messages; a limited sub-user only with 我的消息, and of those only
    the ones about no module or a module it holds now (B9): taking a module away also hides what
    was delivered of it before (batch names, rule codes), giving it back shows it again."""
    account = c.account
    if account is None or (account.is_institution_member and c.mine is None):
        return Scope()
    own = Q(account_id=account.id)
    lost = [m.value for m in Module if account.is_institution_member and not c.holds(m)]
    return Scope(own=own & ~Q(module__in=lost) if lost else own)


@rule(Partner, "Partner")
def _partners(c: Caller) -> Scope:
    return Scope(own=ALL if c.is_staff else None)


def _main_account_institution(c: Caller) -> int | None:
    """The institution of a main account signed in itself (not a partner key acting as it)."""
    account = c.account
    if account is None or c.partner or account.kind != AccountKind.INSTITUTION_ADMIN:
        return None
    return c.institution()


@rule(AuditLog, "AuditEntry")
def _audit_trail(c: Caller) -> Scope:
    """The audit trail (B3): bank staff read all of it; an institution's main account its own
    institution's — who read its learners' full ID numbers, exported, changed what, from where
    (personal-data law asks the holder of ID numbers to show who read them). Sub-users read none:
    the trail shows what every colleague did and from where, and no module of theirs covers it.
    Nor do partner keys: the trail watches what they do in the institution's name."""
    if c.is_staff:
        return Scope(own=ALL)
    return Scope(own=_is("institution_id", _main_account_institution(c)))


@rule(PartnerCall, "PartnerCall")
def _partner_calls(c: Caller) -> Scope:
    """The calls made with partner keys (D3): bank staff read all; an institution's main account
    those of the partners acting in its name; nobody else (as for the audit trail)."""
    if c.is_staff:
        return Scope(own=ALL)
    mine = _main_account_institution(c)
    if mine is None:
        return Scope()
    return Scope(own=Q(partner_id__in=Subquery(Partner.filter(institution_id=mine).values("id"))))


@rule(PartnerKey, "PartnerKey")
def _partner_keys(c: Caller) -> Scope:
    return Scope(own=ALL if c.is_staff else None)


# --- entry points -------------------------------------------------------------------------------


def _query(ctx: Context, model: type[M], *, shared: bool, retired: bool = False) -> QuerySet[M]:
    """The caller's own rows (and with ``shared`` the others' they may read); with ``retired``
    their own rows no longer in use too — others' rows only ever while in use."""
    spec = RULES[model]
    scope = spec.scope(_for(caller(ctx, incomplete_ok=spec.incomplete_ok), spec))
    own, other = scope.own, scope.shared if shared else None
    base: QuerySet[M] = _unbound(model)
    if spec.live is not None and not retired:
        base = base.filter(spec.live)
    elif spec.live is not None and other is not None:
        other = spec.live if other is ALL else other & spec.live
    allowed = _either(own, other)
    if allowed is None:
        return base.filter(id__in=[])
    if own is ALL or other is ALL:
        return base
    return base.filter(allowed)


def _unbound(model: type[M]) -> QuerySet[M]:
    """Every row of ``model``, the connection chosen when the query runs: ``Model.all()`` binds the
    connection of the moment it is built, so a scope built before a transaction would be read
    outside it (and on SQLite wait for that transaction for ever)."""
    return model.filter()  # type: ignore[return-value]


def public(model: type[M]) -> QuerySet[M]:
    """The rows of ``model`` anyone may read, logged in or not (the portal, F17)."""
    spec = RULES[model]
    shared = spec.scope(Caller(None)).shared
    base: QuerySet[M] = _unbound(model)
    if spec.live is not None:
        base = base.filter(spec.live)
    if shared is None:
        return base.filter(id__in=[])
    return base if shared is ALL else base.filter(shared)


def visible(ctx: Context, model: type[M]) -> QuerySet[M]:
    """Every row of ``model`` the caller may read."""
    return _query(ctx, model, shared=True)


def readable(ctx: Context, model: type[M]) -> QuerySet[M]:
    """What ``lookup`` reads, as a queryset: references of a page resolved at once (the objects
    of audit entries)."""
    return _query(ctx, model, shared=True, retired=RULES[model].kept is not None)


def owned(ctx: Context, model: type[M], *, retired: bool = False) -> QuerySet[M]:
    """The rows of ``model`` the caller holds: their institution's (under a module they may use),
    a learner's own, every row for bank staff; ``retired`` also those no longer in use (deleted,
    withdrawn), for the holder's own per-item answers ("already withdrawn")."""
    return _query(ctx, model, shared=False, retired=retired)


def retired(ctx: Context, model: type[M]) -> QuerySet[M]:
    """The caller's own rows of ``model`` no longer in use that holders still read (withdrawn
    records), for the lists of them made apart: the lists of live rows, their counts and exports
    never hold them."""
    kept = RULES[model].kept
    assert kept is not None, f"{model.__name__} keeps no retired rows for their holders"
    return _query(ctx, model, shared=False, retired=True).filter(kept)


def type_name(model: type[Model]) -> str:
    return RULES[model].type_name


def pk_of(model: type[Model], global_id: Any) -> int:
    """The primary key behind a global ID of ``model``'s type; 0 (no row) when it is not one."""
    return decode_id(global_id, type_name(model), strict=False)


async def get(ctx: Context, model: type[M], global_id: Any, *, owned: bool = False, retired: bool = False,
              for_update: bool = False, with_: tuple[str, ...] = (), **narrower: Any) -> M:
    """The row of ``global_id`` when the caller may read it (``owned``: act on it as its holder;
    ``retired``: also when no longer in use, if it is their own), else NOT_FOUND. ``narrower`` filters further (a
    state); ``with_`` names relations to load along; ``for_update`` locks the row (inside the
    caller's transaction)."""
    pk = pk_of(model, global_id)
    if not pk:
        raise _absent(ctx, model)
    query = _query(ctx, model, shared=not owned, retired=retired).filter(id=pk, **narrower)
    if with_:
        query = query.select_related(*with_)
    row = await (query.select_for_update() if for_update else query).first()
    if row is None:
        raise _absent(ctx, model)
    return row


async def lookup(ctx: Context, model: type[M], global_id: Any) -> M:
    """``node(id:)``: the row when the caller may read it — for a model whose holders keep reading
    its retired rows (a withdrawn record), those too, for their holders only."""
    return await get(ctx, model, global_id, retired=RULES[model].kept is not None)


def _absent(ctx: Context, model: type[Model]) -> Exception:
    """Why a row is not there for this caller, decided by who asks and the row's type, never by
    the row — every ID, existing or not, gets the same answer: nobody logged in is asked to log
    in (UNAUTHENTICATED); a sub-user none of whose modules covers the type gets MODULE_FORBIDDEN;
    a caller who may read no row of the type at all (a learner asking for a partner) FORBIDDEN;
    anyone else NOT_FOUND."""
    spec = RULES[model]
    c = _for(caller(ctx, incomplete_ok=spec.incomplete_ok), spec)
    if c.account is None:
        return Unauthenticated()
    if c.lacks_modules:
        return Forbidden("没有该模块的权限", code="MODULE_FORBIDDEN")
    scope = spec.scope(c)
    if scope.own is None and scope.shared is None:
        return Forbidden()
    return NotFound()


# --- facets ---------------------------------------------------------------------------------------


class Facet(Enum):
    INSTITUTION_DETAILS = "the registration details of an institution (F13.1)"
    ACHIEVEMENT_HOLDERS = "how many learners hold an achievement, and the rules related to it (F4.1)"
    WITHDRAWAL_TRAIL = "who withdrew a learner achievement, and the reason file (F5.5)"
    APPLICATION_BATCH = "the batch an application was sent in (F9.7): its institutions' (other learners, counts)"


def may(ctx: Context, facet: Facet, row: Any) -> bool:
    """Whether the caller may read ``facet`` of ``row`` (a row they may already read)."""
    if ctx.token_rejected:
        return False
    c = Caller(ctx.account)
    if c.is_staff:
        return True
    account = c.account
    if account is None or not account.is_institution_member:
        return False
    if facet is Facet.INSTITUTION_DETAILS:
        # The registering main account fills them in before its registration is complete.
        if account.institution_id != row.id:  # type: ignore[attr-defined]
            return False
        return account.kind == AccountKind.INSTITUTION_ADMIN or c.holds(Module.INSTITUTION_INFO)
    if facet is Facet.ACHIEVEMENT_HOLDERS:
        return c.institution(Module.ACHIEVEMENTS) == row.institution_id
    if facet is Facet.WITHDRAWAL_TRAIL:
        # The learner reads when and why; who did it and the file (one file may serve a batch of
        # several learners' records) stay with the institution's record keepers and the staff.
        return c.institution(Module.ACHIEVEMENTS) == row.institution_id
    if facet is Facet.APPLICATION_BATCH:
        # The batch's own rule (ApplicationBatch below), read off the application's two ends.
        mine = c.institution(Module.CONVERSION_REVIEW)
        return mine is not None and mine in (row.target_institution_id, row.initiator_institution_id)
    raise AssertionError(facet)


def holds(ctx: Context, module: Module) -> bool:
    """Whether the caller may see what ``module`` covers of their institution (the account
    centre's counts, F3.1): bank staff and institution users holding it."""
    if ctx.token_rejected:
        return False
    c = Caller(ctx.account)
    return c.is_staff or c.institution(module) is not None
