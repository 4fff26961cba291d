"""Tenant isolation, walked over the whole schema (issue 8; DESIGN "Data rules": a test walks every
field that takes an ID and proves another institution gets NOT_FOUND).

Institution A (长沙理工大学) is given one object of every node type a client can reach — its
catalogue, learners, records, feedback, imports, methods, rules, a batch of applications it
received from a third institution C (湖南农业大学, registered here), a learner's personal
application, messages, a partner and its key — every step through the API. The walker reads the
live schema (introspection of the running app) and finds every Query and Mutation field with an
ID slot: an ``ID``/``[ID]`` argument, or such a field of an input object at any depth. It writes one
document per field and fills one slot at a time with each of A's objects of the slot's type.

1. **Positive control**, on a first copy of that world: A's own users (A's main account, the bank
   staff, A's learner, C's main account) make each call, and for at least one object per slot the
   answer must differ from the answer for a *twin* — a well-formed ID of the same type matching no
   row. Otherwise the walker sends IDs the field does not read, and a NOT_FOUND would prove
   nothing. The control also finds *how* to reach the object (which other required IDs, optional
   inputs such as a reason file, enum values such as a rule's type).
2. The database is emptied and the same world seeded again. **The attack**: the very request that
   reached A's object for its own users is made, with the twin beside it, as
   - ``institution``: 湖南大学 (B)'s main account;
   - ``learner``: a learner registered at B;
   - ``partner``: a partner key of B — every walker document is offered to B's manifest; queries
     and the two mutations partners may run are registered and called by document id; for the
     others the manifest's refusal is the proof (a partner key runs registered documents only);
   - ``anonymous``: no token at all (the public portal's caller);
   - A's own sub-users, one per module of the institution space, each limited to that module
     (B9): for A's objects their module covers the call may answer (A's own data); for any other
     private object of A it must answer as for a nonexistent ID, a mutation may change rows only
     of its module, and no answer may hold another module's private values (the credit code and
     legal representative of 机构信息, the draft rule of 转换办法与规则, feedback and learners of
     成果及学员管理, the applicants of 成果转换管理); and one given no module at all, which reads
     nothing of A but its public identity (issue 14: an empty list is no module).
3. **Reads**: every Query field that takes no required argument (``me``, the lists, the account
   centre) is called once by every actor, and its answer scanned for what that actor may not see.

A call passes when it is refused (``extensions.code`` in REFUSALS, or its payload's errors / every
per-item result refused with one of them) and, for A's private objects, answers exactly what the
twin gets (it never reveals that the object exists); or it answers exactly as for the twin (a
filter on B's own rows, per-item NOT_FOUND); or its slot is on ALLOW_LIST. Always: the answer holds
none of A's private values (canaries: names, ID numbers, personal numbers, feedback text, the IDs of
A's private objects), and a mutation leaves every table as it was (snapshots right before and after
it; a query's calls are watched together).

The seed and both passes run once, in a module fixture; each (field, actor) is a test case that
reads the verdicts. Bugs are xfailed per case in KNOWN_BUGS (strict: fixing one fails its case).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from graphql import (
    GraphQLInterfaceType,
    GraphQLObjectType,
    build_client_schema,
    extend_schema,
    get_introspection_query,
    get_named_type,
    parse,
    validate,
)

from models.message import Message
from resolvers.ids import decode_id, encode_id
from schema import build_schema
from server.app import create_app
from server.demo import seed as seed_demo
from server.security import Passwords
from server.settings import Settings
from tests.support import catalogue, learner_records, learners, methods, partners, rules
from tests.support.api import Api
from tests.support.applications import apply, apply_personal
from tests.support.db import empty_all_tables
from tests.support.flows import CSUST, STAFF, code_for, directory_ids, login
from tests.support.learner_records import (
    hnu_admin,
    learner_login,
    masked,
    person,
    register,
    report,
    store_course,
    store_record,
)
from tests.support.walker import (
    FieldPlan,
    Probe,
    Slot,
    VariableBuilder,
    Watcher,
    enum_count,
    id_paths,
    leaked,
    node_types_of,
    normalized,
    payload_codes,
    plan_reads,
    plan_schema,
    top_level_codes,
)

REFUSALS = {"NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "PASSWORD_CHANGE_REQUIRED", "MODULE_FORBIDDEN"}
# Those whose mutations may change nothing first: the others really change A's world as they go.
# NONE: a sub-user whose administrator ticked no module (issue 14: none, not every module).
NO_MODULE = "NONE"
MODULES = (NO_MODULE, "MESSAGES", "INSTITUTION_INFO", "CONVERSION_REVIEW", "CONVERSION_RULES", "ACHIEVEMENTS")
SUB_USER_ACTORS = {f"A's {module} sub-user": module for module in MODULES}
ACTORS = ("institution", "learner", "partner", "anonymous", *SUB_USER_ACTORS)
# What each module of the institution space covers (B9): the node types of A that its sub-users
# read (every one its own institution; the catalogue serves the rules and the review; reviewers
# send A's records, with their learners, in batches, F9.7), and those whose rows its mutations
# change. Messages are per account: a sub-user never reads A's main account's; accounts,
# partners and keys belong to the main account and the staff.
MODULE_READS: dict[str, set[str]] = {
    "ACHIEVEMENTS": {"Institution", "Achievement", "SubtypeGrant", "Learner", "LearnerAchievement", "Feedback",
                     "ImportJob"},
    "CONVERSION_RULES": {"Institution", "Achievement", "ConversionMethod", "ConversionRule"},
    "CONVERSION_REVIEW": {"Institution", "Achievement", "Learner", "LearnerAchievement", "ConversionApplication",
                          "ApplicationBatch"},
    "MESSAGES": {"Institution"},
    "INSTITUTION_INFO": {"Institution"},
    NO_MODULE: {"Institution"},
}
MODULE_WRITES: dict[str, set[str]] = {
    "ACHIEVEMENTS": {"Achievement", "Learner", "LearnerAchievement", "Feedback", "ImportJob"},
    "CONVERSION_RULES": {"ConversionMethod", "ConversionRule"},
    "CONVERSION_REVIEW": {"ConversionApplication", "ApplicationBatch"},
    "MESSAGES": set(),
    "INSTITUTION_INFO": set(),
    NO_MODULE: set(),
}
CONTROL_USERS = ("A's main account", "bank staff", "A's learner", "C's main account")
SECRET = "甲机密"  # in every private text of A: learner names, feedback, the draft method and rule
# Fewer ID-taking fields or slots than this means the walker stopped seeing the schema.
MIN_FIELDS, MIN_SLOTS = 60, 80
# Bookkeeping a refused call may leave: the partner call log (D3 logs every call, refused ones
# too) and the last use of B's own partner key.
IGNORED_TABLES = ("partner_call",)
IGNORED_COLUMNS = {"partner_key": {"last_used_at"}}

# Slots whose name says less than their type (the positive control finds these: A's own call with
# the named type is answered as for a nonexistent ID).
SLOT_TYPES: dict[str, tuple[str, ...]] = {
    # 学历目标：本机构的专业（学历证书）— the institution's diploma achievements, not reference majors.
    "ConversionRuleInput.targetMajorIds": ("Achievement",),
}

# (field, slot) → (scope, reason): the slots whose answer may legitimately depend on a foreign ID.
# Scope "public": only for A's public objects (the institution, directory and reference rows, its
# published method and rule) — A's private objects in the same slot must still be answered as a
# nonexistent ID is. Scope "any": every object. The canary scan and the no-change check apply to
# every entry all the same.
PORTAL = "the public portal lists any institution's published method and rules (F8.5, F17)"
PUBLISHED_RULE = "a published rule is public: B lists and applies its own learners on it (F9.7, F15)"
REFERENCE = "the reference lists (levels, conclusions, majors) are the same for everyone"
DIRECTORY = "the directory of provinces and schools is public, registration picks from it (F1.1)"
VISIBLE = "node() shows what anyone may see: directory and reference rows, the published method and rule"
ALLOW_LIST: dict[tuple[str, str], tuple[str, str]] = {
    ("query.node", "id"): ("public", VISIBLE),
    ("query.portalConversionMethods", "institutionId"): ("public", PORTAL),
    ("query.portalConversionRules", "filter.institutionId"): ("public", PORTAL),
    # B10: the rules accepting an achievement — only those its published rules name are public.
    ("query.portalConversionRules", "filter.sourceAchievementId"): ("public", PORTAL),
    ("query.eligibleLearnerAchievements", "ruleId"): ("public", PUBLISHED_RULE),
    ("mutation.applyConversion", "input.ruleId"): ("public", PUBLISHED_RULE),
    ("query.majors", "filter.disciplineId"): ("public", REFERENCE),
    ("query.majors", "filter.majorClassId"): ("public", REFERENCE),
    ("mutation.storeAchievement", "input.diploma.levelId"): ("public", REFERENCE),
    ("mutation.storeAchievement", "input.diploma.majorId"): ("public", REFERENCE),
    ("mutation.storeAchievement", "input.diploma.graduationConclusionId"): ("public", REFERENCE),
    ("query.schools", "filter.provinceId"): ("public", DIRECTORY),
    ("mutation.startRegistration", "input.provinceId"): ("public", DIRECTORY),
    ("mutation.startRegistration", "input.schoolId"): ("public", DIRECTORY),
    # A rule's source is any achievement its publisher may see (F9.3): another institution's
    # recognised (public catalogue) or published-rule ones. A's private achievements (unrecognised,
    # in no published rule) must answer as a nonexistent ID does, without their name.
    ("mutation.createConversionRule", "input.sources.achievementId"): (
        "public", "a rule's source is any achievement its publisher may see (F9.3)"),
}

_DRAFT_RULE = ("another institution's unpublished (draft) rule answers RULE_NOT_IN_FORCE where a nonexistent "
               "rule answers NOT_FOUND, so its existence leaks: resolvers/application/apply.py usable_rule() "
               "loads the rule by ID across institutions and only then checks it is published and in force")
KNOWN_BUGS: dict[tuple[str, str], str] = {}

# (field, slot) with no positive control, and why (kept empty when possible).
CONTROL_GAPS: dict[tuple[str, str], str] = {}


# --- the world ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    label: str
    type: str
    id: str
    public: bool  # anyone may know it exists: the institution, directory, reference, published
    probe: bool = True  # False: not A's, only there to fill another required ID (C's rule)


@dataclass
class World:
    tokens: dict[str, str | None]
    b_partner: partners.Onboarded
    targets: list[Target]
    canaries: dict[str, str]  # value → what it is
    module_canaries: dict[str, dict[str, str]]  # module → its private values of A (value → what)

    def canaries_for(self, actor: str) -> dict[str, str]:
        """What ``actor`` must never read: for another tenant, every private value of A; for A's
        sub-user, the private values of the other modules and the IDs of A's objects its module
        does not cover."""
        module = SUB_USER_ACTORS.get(actor)
        if module is None:
            return self.canaries
        found = {v: label for m, values in self.module_canaries.items() if m != module for v, label in values.items()}
        for target in self.targets:
            if not target.public and target.type not in MODULE_READS[module]:
                found[json.dumps(target.id)] = f"the ID of {target.label}"
        return found

    def of_types(self, types: tuple[str, ...]) -> list[Target]:
        return [t for t in self.targets if t.type in types and t.probe]

    def candidates(self, slot: Slot) -> list[Target]:
        """What may fill a required ID slot that is not the one probed: public objects first (so
        the call gets past it to the probed slot), then private ones."""
        return sorted((t for t in self.targets if t.type == slot.types[0]), key=lambda t: not t.public)

    def filler(self, slot: Slot, rank: int = 0) -> str:
        found = self.candidates(slot)
        return found[rank % len(found)].id if found else twin_id(slot.types[0])

    def filler_ranks(self, plan: FieldPlan, slot: Slot) -> int:
        return max([len(self.candidates(s)) for s in plan.slots if s is not slot and s.required] or [1]) or 1


READ_SLOT = Slot(path=("(no ID)",), where="", types=(), inferred_by="", required=False)


def twin_id(type_name: str) -> str:
    """A well-formed global ID of ``type_name`` that matches no row."""
    return encode_id(type_name, 999_999)


START = "mutation($input: StartRegistrationInput!) { startRegistration(input: $input) { token errors { code message } } }"
REGISTRANT = "mutation($input: RegistrantInput!) { submitRegistrant(input: $input) { errors { code message } } }"
COMPLETE = "mutation($input: InstitutionInfoInput!) { completeRegistration(input: $input) { errors { code message } } }"
HUNAU = "4143010537"  # 湖南农业大学: in the demo directory, registered here as institution C
IDS = "{ me { id institution { id school { id } province { id } } } }"
SUB_USERS = "{ subUsers(first: 10) { nodes { id username } } }"
REFERENCE_OF = "query($id: ID!) { node(id: $id) { ... on Major { majorClass { id discipline { id } } } } }"
MESSAGES = "{ messages(first: 10) { nodes { id } } }"
GRANTS = "query($i: ID) { subtypeGrants(institutionId: $i) { id } }"
RECORD_IMPORTS = "query($id: ID) { learnerAchievementImports(achievementId: $id, first: 5) { nodes { id } } }"
FULL_ID_READ = "query($id: ID!) { learnerAchievementDetail(id: $id) { idNumber } }"
ID_READS = "{ auditEntries(filter: {actions: [LEARNER_ID_NUMBER_READ]}, first: 1) { nodes { id } } }"


async def register_institution_c(api: Api) -> str:
    """湖南农业大学 registers (F1.1–F1.5) through the API; its main account's token."""
    provinces, schools = await directory_ids(api)
    phone = "13900000041"
    code = await code_for(api, "REGISTER", phone)
    started = await api(START, {"input": {
        "provinceId": provinces["430000"], "schoolId": schools[HUNAU], "schoolCode": HUNAU,
        "password": "Hunau2024", "passwordConfirmation": "Hunau2024", "phone": phone, "code": code,
        "agreementAccepted": True}})
    token = started.ok("startRegistration")["token"]
    (await api(REGISTRANT, {"input": {"name": "陈老师", "idNumber": person(41)}}, token=token)).ok("submitRegistrant")
    (await api(COMPLETE, {"input": {
        "schoolType": "本科", "legalRepresentative": "刘校长", "contactName": "陈老师", "contactPhone": phone,
        "contactEmail": "chen@hunau.example.cn", "postcode": "410128", "address": "湖南省长沙市芙蓉区农大路1号",
        "businessScope": "高等学历教育"}}, token=token)).ok("completeRegistration")
    return await login(api, HUNAU, "Hunau2024")


async def data(api: Api, token: str, document: str, variables: dict[str, Any] | None = None) -> Any:
    result = await api(document, variables, token=token)
    assert not result.errors, result.errors
    return result.data


async def build_world(api: Api) -> World:
    """A's objects, each made the way its users make it (about 60 requests)."""
    await seed_demo(Passwords(1, 1024))
    staff = await login(api, *STAFF)
    a = await login(api, *CSUST)
    b = await hnu_admin(api)
    c = await register_institution_c(api)
    a_ids = (await data(api, a, IDS))["me"]
    a_inst, b_inst = a_ids["institution"]["id"], await catalogue.institution_id(api, b)

    # The catalogue: a course (target of A's published rule, so on the portal), a certificate
    # (after the staff's grant) and a diploma (which names reference rows).
    await catalogue.grant(api, staff, a_inst, "OTHER_NON_DEGREE")
    grant = (await data(api, staff, GRANTS, {"i": a_inst}))["subtypeGrants"][0]
    course = await store_course(api, a, "甲公开课程")
    certificate = await catalogue.store(api, a, catalogue.certificate_input("茶艺师"))
    diploma = await catalogue.store_diploma(api, a)
    major = diploma["major"]["id"]
    major_class = (await data(api, a, REFERENCE_OF, {"id": major}))["node"]["majorClass"]

    # Methods and rules: C's course converts to A's course (published, and a draft); C publishes
    # a rule whose source is A's course (not A's object: it lets A apply, in the control).
    published_method = await methods.uploaded(api, a, publish=True)
    draft_method = await methods.uploaded(api, a, name=f"{SECRET}转换办法草稿")
    c_course = await store_course(api, c, "丙课程")
    await catalogue.recognize(api, staff, [c_course["id"]])  # public: A's rule may take it as a source
    rule_input = rules.degree_rule([rules.source(c_course)], [course], rule_type="DEGREE_TO_DEGREE")
    published_rule = await rules.create_rule(api, a, rule_input, publish=True)
    draft_rule = await rules.create_rule(api, a, {**rule_input, "description": f"{SECRET}草稿规则"})
    await methods.uploaded(api, c, name="湖南农业大学转换办法", publish=True)
    c_rule = await rules.create_rule(api, c, rules.degree_rule(
        [rules.source(course)], [c_course], rule_type="DEGREE_TO_DEGREE"), publish=True)
    # B10: a rule of A that A's learner (holding C's course, not C's second one) meets in part.
    c_second = await store_course(api, c, "丙课程二")
    await catalogue.recognize(api, staff, [c_second["id"]])
    await rules.create_rule(api, a, rules.degree_rule(
        [rules.source(c_course), rules.source(c_second)], [course], rule_type="DEGREE_TO_DEGREE"), publish=True)

    # Learners and records: one A added (not activated) with a record on the certificate; one who
    # registers (A's learner) with records at A and at C.
    learner = await learners.add_learner(api, a, f"{SECRET}学员", person(11))
    record = await store_record(api, a, certificate["id"], f"{SECRET}学员", person(11), "JMA0011")
    holder_record = await store_record(api, a, course["id"], f"{SECRET}学员二", person(12), "JMA0012")
    holder_c_record = await store_record(api, c, c_course["id"], f"{SECRET}学员二", person(12), "C0012")
    c_records = [(await store_record(api, c, c_course["id"], name, person(n), f"C00{n}"))["id"]
                 for name, n in (("丙学员", 31), ("丙学员二", 32))]
    await register(api, f"{SECRET}学员二", person(12), "13900000012")
    a_learner = await learner_login(api, person(12))
    feedback = (await report(api, a_learner, holder_record["id"], f"{SECRET}反馈")).ok("reportProblem")["feedback"]
    # A withdrawn record of A's learner, explained to A alone (its reason is one of A's private texts).
    withdrawn = await store_record(api, a, course["id"], f"{SECRET}学员", person(11), "JMA0211")
    await learner_records.withdraw(api, a, [withdrawn["id"]], reason=f"{SECRET}撤回原因")

    # Applications: C's batch to A's published rule, and A's learner's personal application.
    batch = await apply(api, c, published_rule["id"], c_records)
    personal = await apply_personal(api, a_learner, published_rule["id"], holder_c_record["id"])

    # Imports: learners, and records on the certificate.
    template = await learners.learner_template(api, a)
    learner_import = await learners.import_learners(
        api, a, learners.fill_template(template, [[f"{SECRET}导入学员", person(13)]]))
    imported = await learners.import_records(api, a, certificate["id"], learners.fill_template(
        await learners.record_template(api, a, certificate["id"]),
        [[f"{SECRET}学员", person(11), "JMA0111", "2022-03-01"]]))
    assert imported.payload("importLearnerAchievements")["importedCount"] == 1, imported.body
    record_import = (await data(api, a, RECORD_IMPORTS, {"id": certificate["id"]}))[
        "learnerAchievementImports"]["nodes"][0]

    message = (await data(api, a, MESSAGES))["messages"]["nodes"][0]
    sub_user = next(u for u in (await data(api, a, SUB_USERS))["subUsers"]["nodes"]
                    if u["username"] == "csust_teacher")
    a_partner = await partners.onboard(api, staff, a_inst, name="甲教务系统")
    await partners.call(api, a_partner.key, query="{ me { id } }", via="none")  # in A's partner calls
    # A's audit trail: the full ID number A read.
    await data(api, a, FULL_ID_READ, {"id": record["id"]})
    id_read = (await data(api, a, ID_READS))["auditEntries"]["nodes"][0]
    b_partner = await partners.onboard(api, staff, b_inst, name="乙教务系统")

    # B's learner: a record at B, then their own registration.
    b_course = await store_course(api, b, "乙课程")
    await store_record(api, b, b_course["id"], "乙学员", person(21), "B0021")
    await register(api, "乙学员", person(21), "13900000021")
    b_learner = await learner_login(api, person(21))

    def private(label: str, type_name: str, gid: str) -> Target:
        return Target(label, type_name, gid, public=False)

    def public(label: str, type_name: str, gid: str) -> Target:
        return Target(label, type_name, gid, public=True)

    targets = [
        private("A's main account", "Account", a_ids["id"]),
        private("A's sub-user", "Account", sub_user["id"]),
        public("institution A", "Institution", a_inst),
        public("A's school", "School", a_ids["institution"]["school"]["id"]),
        public("A's province", "Province", a_ids["institution"]["province"]["id"]),
        public("the level of A's diploma", "Level", diploma["level"]["id"]),
        public("the conclusion of A's diploma", "GraduationConclusion", diploma["graduationConclusion"]["id"]),
        public("the major of A's diploma", "Major", major),
        public("its major class", "MajorClass", major_class["id"]),
        public("its discipline", "Discipline", major_class["discipline"]["id"]),
        public("A's course (in published rules)", "Achievement", course["id"]),
        private("A's certificate", "Achievement", certificate["id"]),
        private("A's diploma", "Achievement", diploma["id"]),
        private("A's subtype grant", "SubtypeGrant", grant["id"]),
        private("A's learner import", "ImportJob", learner_import["job"]["id"]),
        private("A's record import", "ImportJob", record_import["id"]),
        private("A's learner", "Learner", learner["id"]),
        private("A's record (not activated)", "LearnerAchievement", record["id"]),
        private("A's record of its registered learner", "LearnerAchievement", holder_record["id"]),
        private("A's withdrawn record", "LearnerAchievement", withdrawn["id"]),
        private("A's feedback", "Feedback", feedback["id"]),
        public("A's published method", "ConversionMethod", published_method["id"]),
        private("A's draft method", "ConversionMethod", draft_method["id"]),
        public("A's published rule", "ConversionRule", published_rule["id"]),
        private("A's draft rule", "ConversionRule", draft_rule["id"]),
        Target("C's published rule", "ConversionRule", c_rule["id"], public=True, probe=False),
        private("the batch C sent A", "ApplicationBatch", batch["batch"]["id"]),
        private("C's application in it", "ConversionApplication", batch["applications"][0]["id"]),
        private("A's learner's personal application", "ConversionApplication", personal["id"]),
        private("A's message", "Message", message["id"]),
        private("A's partner", "Partner", a_partner.id),
        private("A's partner key", "PartnerKey", a_partner.api_key["id"]),
        private("A's audit entry (a full ID number read)", "AuditEntry", id_read["id"]),
    ]
    sub_users = {}
    for n, (actor, module) in enumerate(SUB_USER_ACTORS.items()):
        sub_users[actor] = await learners.add_sub_user(api, a, f"a_{module.lower()}", f"139000005{n:02d}",
                                                       [] if module == NO_MODULE else [module])
    module_canaries = {
        "ACHIEVEMENTS": {f"{SECRET}反馈": "A's feedback (成果及学员管理)",
                         f"{SECRET}导入学员": "the name of A's imported learner (成果及学员管理)",
                         person(13): "the ID number of A's imported learner (成果及学员管理)",
                         masked(person(13)): "the masked ID number of A's imported learner (成果及学员管理)"},
        "CONVERSION_RULES": {"转换办法草稿": "A's draft method (转换办法与规则)",
                             "草稿规则": "A's draft rule (转换办法与规则)"},
        "CONVERSION_REVIEW": {"丙学员": "the applicants C sent A (成果转换管理)"},
        "INSTITUTION_INFO": {"91350100M000100Y43": "A's credit code (机构信息)", "法定代": "A's legal representative (机构信息)",
                             "contact@csust.example.cn": "A's contact email (机构信息)",
                             "万家丽南路": "A's address (机构信息)",
                             "632323190605260922": "A's registrant's ID number (机构信息)"},
    }
    canaries = {SECRET: "a private text of A (learner name, feedback, draft method or rule)",
                "JMA0": "a personal number of A's records", "csust_teacher": "A's sub-user's username",
                "13800000002": "A's sub-user's phone", "632323190605260922": "A's registrant's ID number"}
    for n in (11, 12, 13):
        canaries[person(n)] = f"the ID number of A's learner {n}"
        canaries[masked(person(n))] = f"the masked ID number of A's learner {n}"
    for target in targets:
        if not target.public:  # quoted: "QWNjb3VudDox" (Account:1) is a prefix of Account:10's ID
            canaries[json.dumps(target.id)] = f"the ID of {target.label}"
    tokens = {"institution": b, "learner": b_learner, "anonymous": None, "A's main account": a,
              "bank staff": staff, "A's learner": a_learner, "C's main account": c, **sub_users}
    return World(tokens=tokens, b_partner=b_partner, targets=targets, canaries=canaries,
                 module_canaries=module_canaries)


# --- the walk ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """How a call reached A's object in the control: which candidate fills the other required IDs,
    whether optional input fields were filled, which value every enum got."""

    rank: int = 0
    fill_optional: bool = False
    enum_rank: int = 0


@dataclass
class Call:
    actor: str
    field: str
    slot: str
    target: str
    outcome: str  # what it answered, in short
    problems: list[str]


@dataclass
class Walk:
    plans: list[FieldPlan]
    reads: list[FieldPlan] = field(default_factory=list)  # Query fields without IDs
    calls: list[Call] = field(default_factory=list)
    registrations: dict[str, str] = field(default_factory=dict)  # field → partner manifest outcome
    controls: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (field, slot) → passed
    variants: dict[tuple[str, str, str], Variant] = field(default_factory=dict)
    canaries_seen: set[str] = field(default_factory=set)  # in A's own users' answers (the scan works)
    target_types: set[str] = field(default_factory=set)  # the node types A has an object of
    watcher_check: list[str] = field(default_factory=list)  # what the watcher saw of a known change
    seconds: dict[str, float] = field(default_factory=dict)

    def findings(self, key: str, actor: str) -> list[str]:
        return [f"{c.slot} ← {c.target}: {p}" for c in self.calls
                if c.field == key and c.actor == actor for p in c.problems]

    def covered(self, key: str, actor: str) -> int:
        return sum(1 for c in self.calls if c.field == key and c.actor == actor)


class Runner:
    def __init__(self, api: Api, world: World, schema: Any) -> None:
        self.api, self.world, self.schema = api, world, schema
        self.builder = VariableBuilder(schema)
        self.watcher = Watcher(IGNORED_TABLES, IGNORED_COLUMNS)
        self.seen: set[str] = set()

    async def send(self, actor: str, probe: Probe) -> dict[str, Any]:
        """One call; it returns once the work the app left for after the commit (mail and the
        like) is done too, so what the call changed is all there when the watcher looks."""
        if actor == "partner":
            response = await partners.call(self.api, self.world.b_partner.key, document=probe.plan.document,
                                           variables=probe.variables)
            body = {"status": response.status_code, **response.json()}
        else:
            result = await self.api(probe.plan.document, probe.variables, token=self.world.tokens[actor],
                                    files=probe.files or None)
            body = {"status": result.response.status_code, **result.body}
        await self.api.app.state.services.background.drain()  # type: ignore[attr-defined]
        return body

    def probes(self, plan: FieldPlan, slot: Slot, target: Target, variant: Variant) -> tuple[Probe, Probe]:
        def filler(other: Slot) -> str:
            return self.world.filler(other, variant.rank)

        options = {"fill_optional": variant.fill_optional, "enum_rank": variant.enum_rank}
        return (self.builder.build(plan, slot, target.id, filler, **options),
                self.builder.build(plan, slot, twin_id(target.type), filler, **options))

    def variants(self, plan: FieldPlan, slot: Slot) -> list[Variant]:
        ranks = self.world.filler_ranks(plan, slot)
        enums = min(enum_count(self.schema, plan), 4)
        return [Variant(rank, optional, enum) for optional in (False, True) for enum in range(enums)
                for rank in range(ranks)]

    async def control(self, plan: FieldPlan, walk: Walk) -> None:
        """A's own users (and C's, and the staff): the first variant whose answer for A's object
        differs from the twin's is kept, for the attack to repeat. Once one object of a slot is
        reached, the others try only the variants that reached it (an object no control user can
        reach — a wrong type among several candidates — then costs few calls)."""
        for slot in plan.slots:
            passed = walk.controls.setdefault((plan.key, slot.name), [])
            worked: list[Variant] = []
            for target in self.world.of_types(slot.types):
                found = await self._reach(plan, slot, target, worked or self.variants(plan, slot))
                if found:
                    actor, variant = found
                    passed.append(f"{target.label} ({actor})")
                    walk.variants[(plan.key, slot.name, target.label)] = variant
                    if variant not in worked:
                        worked.append(variant)

    async def _reach(self, plan: FieldPlan, slot: Slot, target: Target,
                     variants: list[Variant]) -> tuple[str, Variant] | None:
        for variant in variants:
            probe, twin = self.probes(plan, slot, target, variant)
            for actor in CONTROL_USERS:
                body = await self.send(actor, probe)
                twin_body = await self.send(actor, twin)
                self.seen.update(leaked(body, self.world.canaries, ()))
                for values in self.world.module_canaries.values():
                    self.seen.update(leaked(body, values, ()))
                if normalized(body, probe.sent_ids) != normalized(twin_body, twin.sent_ids):
                    return actor, variant
        return None

    async def read(self, actor: str, plan: FieldPlan, walk: Walk) -> None:
        """A field without ID: one call, its answer scanned for what ``actor`` may not read."""
        probe = Probe(plan=plan, slot=READ_SLOT, value="", variables={})
        await self.watcher.settle()
        body = await self.send(actor, probe)
        problems = []
        found = leaked(body, self.world.canaries_for(actor), ())
        if found:
            problems.append(f"the answer holds what this caller may not read ({'; '.join(found)}): {excerpt(body)}")
        changes = await self.watcher.changes()
        if changes:
            problems.append("reading changed the database: " + "; ".join(changes[:6]))
        codes = top_level_codes(body)
        outcome = "refused " + "/".join(map(str, codes)) if codes else "answered"
        walk.calls.append(Call(actor, plan.key, READ_SLOT.name, "-", outcome, problems))

    async def attack(self, actor: str, plan: FieldPlan, walk: Walk) -> None:
        """Every slot with every A object of its type, and its twin. A mutation's call is watched
        on its own, right before and after it (its twin goes first, and what the twin does is not
        counted); a query's calls together."""
        mutation = plan.operation == "mutation"
        module = SUB_USER_ACTORS.get(actor)
        writes = payload_types(self.schema, plan) if mutation else set()
        calls = []
        await self.watcher.settle()
        for slot in plan.slots:
            for target in self.world.of_types(slot.types):
                # A's sub-user may read what its module covers, and change rows of its module.
                entitled = module is not None and target.type in MODULE_READS[module]
                may_change = module is not None and (target.type in MODULE_WRITES[module] or (
                    (target.public or entitled) and bool(writes & MODULE_WRITES[module])))
                variant = walk.variants.get((plan.key, slot.name, target.label), Variant())
                probe, twin = self.probes(plan, slot, target, variant)
                twin_body = await self.send(actor, twin)
                if mutation:
                    await self.watcher.settle()
                body = await self.send(actor, probe)
                changes = await self.watcher.changes() if mutation else []
                calls.append(judge(actor, plan, slot, target, probe, body, changes, twin, twin_body,
                                   self.world.canaries_for(actor), entitled=entitled, may_change=may_change))
        if not mutation:
            changes = await self.watcher.changes()
            if module is not None:
                # A sub-user reading full ID numbers its module covers leaves audit rows (F5.4).
                changes = [c for c in changes if not c.startswith("audit_log#")]
            if changes:
                for call in calls:
                    call.problems.append("a call of this query changed the database: " + "; ".join(changes[:6]))
        walk.calls.extend(calls)


def payload_types(schema: Any, plan: FieldPlan) -> set[str]:
    """The node types a mutation's payload holds (what it changes, by what it answers)."""
    field_def = schema.mutation_type.fields[plan.name]
    returned = get_named_type(field_def.type)
    if not isinstance(returned, GraphQLObjectType):
        return set()
    held = {get_named_type(f.type).name for f in returned.fields.values()}
    return held & node_types_of(schema)


def judge(actor: str, plan: FieldPlan, slot: Slot, target: Target, probe: Probe, body: dict[str, Any],
          changes: list[str], twin: Probe, twin_body: dict[str, Any], canaries: dict[str, str], *,
          entitled: bool = False, may_change: bool = False) -> Call:
    """``entitled``: the actor may read the target (A's sub-user, for what its module covers);
    ``may_change``: the call may change rows (that sub-user, in its module)."""
    problems = []
    found = leaked(body, canaries, probe.sent_ids)
    if found:
        problems.append(f"the answer holds A's private data ({'; '.join(found)}): "
                        + excerpt(body))
    if changes and not may_change:
        problems.append("it changed the database: " + "; ".join(changes[:6]))
    codes = top_level_codes(body)
    answer = body.get("data", {}).get(plan.name) if isinstance(body.get("data"), dict) else None
    if codes:
        refused = codes if answer is None and all(c in REFUSALS for c in codes) else None
    else:
        items = payload_codes(body, plan.name)
        refused = items if items and all(c in REFUSALS for c in items) else None
    same = normalized(body, probe.sent_ids) == normalized(twin_body, twin.sent_ids)
    allowed = ALLOW_LIST.get((plan.key, slot.name))
    if refused:
        outcome = "refused " + "/".join(sorted(set(map(str, refused))))
        if not target.public and not same:
            problems.append(f"the refusal tells A's object from a nonexistent one: {excerpt(body)} "
                            f"where a nonexistent ID gets {excerpt(twin_body)}")
    elif same:
        outcome = "answered as for a nonexistent ID" + (f" ({'/'.join(map(str, codes))})" if codes else "")
    elif entitled:
        outcome = "answered (the sub-user's module)"
    elif allowed and (target.public or allowed[0] == "any"):
        outcome = "answered (allow-listed)"
    else:
        outcome = "answered"
        problems.append(f"answered {excerpt(body)} where a nonexistent ID gets {excerpt(twin_body)}")
    return Call(actor, plan.key, slot.name, target.label, outcome, problems)


def excerpt(body: dict[str, Any], size: int = 360) -> str:
    text = json.dumps({k: v for k, v in body.items() if k != "status"}, ensure_ascii=False)
    return text if len(text) <= size else text[:size] + "…"


def control_order(plan: FieldPlan) -> tuple[int, int]:
    """Queries first, then mutations; those that take an object away last, deletions very last
    (the controls run as A's own users and really change A's objects)."""
    if plan.operation == "query":
        return (0, 0)
    if plan.name.startswith("delete"):
        return (1, 2)
    return (1, 1 if plan.name.startswith(("withdraw", "revoke", "disable", "takeDown")) else 0)


async def register_for_partner(api: Api, world: World, plans: list[FieldPlan], walk: Walk) -> set[str]:
    """Offer every walker document to B's partner manifest, one at a time; the fields registered."""
    registered = set()
    for plan in plans:
        result = await partners.register_result(api, world.tokens["bank staff"], world.b_partner.id,
                                                partners.apollo_manifest(plan.document))
        payload = result.payload("registerPartnerManifest")
        if payload["errors"]:
            assert payload["registered"] == 0 and payload["partner"] is None, payload
            walk.registrations[plan.key] = "refused: " + "; ".join(
                f"{e['code']} {e['message']}" for e in payload["errors"])
        else:
            walk.registrations[plan.key] = "registered"
            registered.add(plan.key)
    return registered


async def live_schema(api: Api) -> Any:
    """The schema as the running app introspects it."""
    result = await api(get_introspection_query())
    assert not result.errors, result.errors
    return build_client_schema(result.data)


def timed(walk: Walk, name: str, began: float) -> None:
    walk.seconds[name] = round(time.perf_counter() - began, 1)


async def run_walk(api: Api) -> Walk:
    began = time.perf_counter()
    world = await build_world(api)
    schema = await live_schema(api)
    walk = Walk(plans=plan_schema(schema, SLOT_TYPES))
    timed(walk, "seed", began)

    began = time.perf_counter()
    controls = Runner(api, world, schema)
    for plan in sorted(walk.plans, key=control_order):
        await controls.control(plan, walk)
    walk.canaries_seen = set(controls.seen)
    walk.target_types = {t.type for t in world.targets if t.probe}
    timed(walk, "controls", began)

    await api.app.state.services.background.drain()  # type: ignore[attr-defined]
    await empty_all_tables()
    began = time.perf_counter()
    attacks = Runner(api, await build_world(api), schema)
    walk.reads = plan_reads(schema)
    registered = await register_for_partner(api, attacks.world, walk.plans + walk.reads, walk)
    await attacks.watcher.start()
    timed(walk, "seed again", began)
    for actor in ACTORS:
        began = time.perf_counter()
        # Reads first, while A's world is whole; a sub-user's mutations, deletions last.
        for plan in walk.reads:
            if actor != "partner" or plan.key in registered:
                await attacks.read(actor, plan, walk)
        for plan in sorted(walk.plans, key=control_order) if actor in SUB_USER_ACTORS else walk.plans:
            if actor != "partner" or plan.key in registered:
                await attacks.attack(actor, plan, walk)
        timed(walk, actor, began)

    # The watcher sees a change when there is one: a row changed behind the API's back.
    await attacks.watcher.settle()
    message = next(t for t in attacks.world.targets if t.type == "Message")
    await Message.filter(id=decode_id(message.id, "Message")).update(title="walker check")
    walk.watcher_check = await attacks.watcher.changes()

    if os.environ.get("TENANT_WALK_LOG"):  # the whole walk, for a person to read
        Path(os.environ["TENANT_WALK_LOG"]).write_text(json.dumps({
            "seconds": walk.seconds,
            "plans": {p.key: {s.name: [s.types, s.inferred_by, s.required] for s in p.slots} for p in walk.plans},
            "calls": [c.__dict__ for c in walk.calls],
            "registrations": walk.registrations,
            "controls": {f"{k[0]} {k[1]}": v for k, v in walk.controls.items()},
            "variants": {" ".join(k): v.__dict__ for k, v in walk.variants.items()},
        }, ensure_ascii=False, indent=1))
    return walk


@pytest_asyncio.fixture(scope="module")
async def walk(migrated_database: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Walk]:
    settings = Settings(database_url=migrated_database, secret_key="walker-secret", demo=True, graphiql=True,
                        introspection=True, file_dir=tmp_path_factory.mktemp("walk-files"),
                        argon2_time_cost=1, argon2_memory_kib=1024)
    app = create_app(settings, manage_database=False)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
    api = Api(client)
    api.app = app  # type: ignore[attr-defined]
    try:
        result = await run_walk(api)
    finally:
        await app.state.services.background.drain()
        await app.state.services.broker.close()
        await app.state.services.limiter.close()
        await client.aclose()
        await empty_all_tables()
    yield result


@pytest_asyncio.fixture(autouse=True)
async def clean_database() -> AsyncIterator[None]:
    """Replaces conftest's emptying after every test: the cases here only read the walk's
    verdicts, and the walk's fixture empties every table itself once it is done."""
    yield


# --- the cases --------------------------------------------------------------------------------------


def planned() -> list[FieldPlan]:
    """The walk's fields, from the schema the code builds (the walk itself introspects the app)."""
    return plan_schema(build_schema()._schema, SLOT_TYPES)


def _cases() -> list[Any]:
    cases = []
    for plan in planned():
        for actor in ACTORS:
            reason = KNOWN_BUGS.get((plan.key, actor))
            marks = [pytest.mark.xfail(strict=True, reason=f"BUG: {reason}")] if reason else []
            cases.append(pytest.param(plan.key, actor, id=f"{plan.key}-as-{actor}", marks=marks))
    return cases


@pytest.mark.parametrize(("key", "actor"), _cases())
async def test_another_tenant_gets_nothing(walk: Walk, key: str, actor: str) -> None:
    if actor == "partner" and walk.registrations[key] != "registered":
        # The manifest refused the document: a partner key can never run it (D3).
        assert "合作方不能调用变更" in walk.registrations[key], walk.registrations[key]
        return
    assert walk.covered(key, actor), f"the walk made no call of {key} as {actor}"
    findings = walk.findings(key, actor)
    assert not findings, f"{key} as {actor}:\n" + "\n".join(findings)


def _read_cases() -> list[Any]:
    return [pytest.param(plan.key, actor, id=f"read.{plan.name}-as-{actor}")
            for plan in plan_reads(build_schema()._schema) for actor in ACTORS]


@pytest.mark.parametrize(("key", "actor"), _read_cases())
async def test_no_caller_reads_what_is_not_theirs(walk: Walk, key: str, actor: str) -> None:
    """Every Query field without an ID (``me``, lists, counts), as another tenant, a learner, a
    partner, nobody, and A's sub-user of each module: nothing of A's that caller may not see."""
    if actor == "partner" and walk.registrations[key] != "registered":
        assert "合作方" in walk.registrations[key], walk.registrations[key]
        return
    assert walk.covered(key, actor), f"the walk did not read {key} as {actor}"
    findings = walk.findings(key, actor)
    assert not findings, f"{key} as {actor}:\n" + "\n".join(findings)


async def test_the_walk_covers_the_live_schema(walk: Walk) -> None:
    """The walker walked the running app's schema, all of it: at least MIN_FIELDS fields and
    MIN_SLOTS slots, the same the code's schema has, an object of A of every node type, every slot
    called by every actor, every allow-list entry needed, and every slot reached by A's own users
    (positive control) — so a NOT_FOUND means what it says."""
    keys = [p.key for p in walk.plans]
    slots = [(p.key, s.name) for p in walk.plans for s in p.slots]
    assert len(keys) >= MIN_FIELDS and len(slots) >= MIN_SLOTS, (len(keys), len(slots))
    assert walk.plans == planned(), "the running app's schema and the code's schema plan differently"
    missing = node_types_of(build_schema()._schema) - walk.target_types
    assert not missing, f"node types A has no object of (extend build_world): {sorted(missing)}"
    for actor in ACTORS:
        for key, slot in slots:
            if actor == "partner" and walk.registrations[key] != "registered":
                continue
            assert any(c.field == key and c.slot == slot and c.actor == actor for c in walk.calls), (key, slot, actor)
    used = {(c.field, c.slot) for c in walk.calls if c.outcome == "answered (allow-listed)"}
    assert not set(ALLOW_LIST) - used, f"allow-list entries nothing needed (remove them): {set(ALLOW_LIST) - used}"
    unreached = [s for s in slots if not walk.controls.get(s) and s not in CONTROL_GAPS]
    assert not unreached, f"A's own users could not reach A's objects through: {unreached}"
    assert not [s for s in CONTROL_GAPS if walk.controls.get(s)], "a control gap was closed: remove it"
    # The checks can fail: A's own answers hold the canaries the scan looks for, and the watcher
    # reported a change made on purpose.
    for label in ("a private text of A (learner name, feedback, draft method or rule)",
                  "the ID number of A's learner 11", "the masked ID number of A's learner 12",
                  "a personal number of A's records", "the ID of A's draft rule"):
        assert label in walk.canaries_seen, (label, sorted(walk.canaries_seen))
    assert any(line.startswith("message#") and "'walker check'" in line for line in walk.watcher_check), \
        walk.watcher_check


def test_every_id_argument_is_on_a_walked_field() -> None:
    """The walker calls root Query and Mutation fields. An ID argument anywhere else (a field of
    an object type, a subscription) would escape it: none may appear without extending the walk."""
    schema = build_schema()._schema
    elsewhere = []
    for name, type_ in schema.type_map.items():
        if (name.startswith("__") or type_ in (schema.query_type, schema.mutation_type)
                or not isinstance(type_, (GraphQLObjectType, GraphQLInterfaceType))):
            continue
        for field_name, field_def in type_.fields.items():
            for arg_name, arg in field_def.args.items():
                if id_paths(arg.type, (arg_name,), True, frozenset()):
                    elsewhere.append(f"{name}.{field_name}({arg_name})")
    assert not elsewhere, f"ID arguments the walker does not call: {elsewhere}"


def test_a_field_added_later_is_walked() -> None:
    """The plan comes from whatever schema it is given: fields added to it are walked with no
    change to this module (the ID type read from the argument's name, the payload, or the field's
    name), their document valid against that schema."""
    schema = extend_schema(build_schema()._schema, parse("""
        input ArchiveLearnersInput { learnerIds: [ID!]! note: String filter: ArchiveFilter }
        input ArchiveFilter { batchId: ID }
        extend type Mutation { archiveLearners(input: ArchiveLearnersInput!): BatchPayload! }
        extend type Query { feedbackThread(id: ID!): FeedbackPayload! }
    """))
    plans = {p.key: p for p in plan_schema(schema, SLOT_TYPES)}
    archive, thread = plans["mutation.archiveLearners"], plans["query.feedbackThread"]
    assert [(s.name, s.types, s.required) for s in archive.slots] == [
        ("input.learnerIds", ("Learner",), True), ("input.filter.batchId", ("ApplicationBatch",), False)]
    assert [(s.name, s.types) for s in thread.slots] == [("id", ("Feedback",))]
    for plan in (archive, thread):
        assert not validate(schema, parse(plan.document)), plan.document
    probe = VariableBuilder(schema).build(archive, archive.slots[1], "QXBwbGljYXRpb25CYXRjaDox", lambda s: "FILL")
    assert probe.variables == {"input": {"learnerIds": ["FILL"], "filter": {"batchId": "QXBwbGljYXRpb25CYXRjaDox"}}}
