"""The plan of the national-scale data set and its row generators (bench/seed_national.py).

The main process builds a compact plan — institutions, when each learner arrived and where,
each institution's catalogue, how many learners hold each achievement, the rules and how many
applications each receives — and forks workers that turn slices of it into rows and COPY them.
Every row is a pure function of the plan and its position, so the workers need no
coordination and no table is read back: a learner achievement's learner is found by formula,
an application finds its learner achievement by formula, and so on. Only the big tables are
streamed (learners, learner achievements, applications and what hangs off them); the plan is
O(institutions + achievements + rules) plus four small arrays per learner (≈ 12 bytes each).

Invariants the app relies on, kept by construction:
- learner (institution, id_number) unique; ID numbers valid per GB 11643, all distinct.
- learner_achievement: learner and achievement of the row's institution; live_key
  "<achievement>|<personal number>" while held, "withdrawn:<id>" after; (learner, live_key) unique.
- achievement: live_key per subtype form (as resolvers/achievement/fields.py builds it), unique per
  institution; deleted ones (only 未认定) "deleted:<id>".
- rules: code YYYYMMDD+4-digit day sequence (Beijing date of creation); sources of the rule type's
  source category from other institutions, each from a distinct one; targets the publisher's own;
  one version per publication, applications point at the version in force when made.
- applications: on a published rule inside a published period and its validity, the source held
  (never a withdrawn record) and stored before the application; one live application per learner
  and rule (B2: live_key "<rule>|<ID number>", "closed:<id>" once failed).
"""

from __future__ import annotations

import bisect
import json
import math
import random
from array import array
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import national_vocab as V

DAY = 86400
M64 = (1 << 64) - 1
START = datetime(2019, 1, 1, tzinfo=UTC).timestamp()

# Full-scale sizes (--scale multiplies every one of them).
FULL = {
    "institutions": 3000,
    "learners": 5_000_000,
    "learner_achievements": 10_000_000,
    "achievements": 750_000,
    "rules": 200_000,
    "applications": 2_000_000,
}
MIN_ACHIEVEMENTS = 30
# Institution weights 1/(rank + SKEW): the largest holds ~2.6 % of everything at full scale.
SKEW = 5.0


def mix(x: int) -> int:
    """splitmix64: a well-spread 64-bit hash of an integer."""
    x = (x + 0x9E3779B97F4A7C15) & M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & M64
    return x ^ (x >> 31)


def unit(x: int) -> float:
    return mix(x) * 5.421010862427522e-20  # / 2**64


def ts_dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def beijing_date(ts: float) -> date:
    return datetime.fromtimestamp(ts + 8 * 3600, UTC).date()


def encode_id(type_name: str, pk: int) -> str:
    import base64

    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


_DEC: dict[Any, Decimal] = {}


def dec(value: float) -> Decimal:
    key = round(value, 1)
    found = _DEC.get(key)
    if found is None:
        found = _DEC[key] = Decimal(f"{key:.1f}")
    return found


# --- people ------------------------------------------------------------------------------------

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
BIRTH_FIRST = date(1966, 1, 1)
BIRTH_DAYS = (date(2005, 12, 31) - BIRTH_FIRST).days
_BIRTHS = [(BIRTH_FIRST + timedelta(days=d)).strftime("%Y%m%d") for d in range(BIRTH_DAYS)]
_BIRTH_SUMS = [sum(int(c) * w for c, w in zip(b, _WEIGHTS[6:14], strict=True)) for b in _BIRTHS]
_SEQ = [f"{s:03d}" for s in range(1000)]
_SEQ_SUMS = [sum(int(c) * w for c, w in zip(s, _WEIGHTS[14:], strict=True)) for s in _SEQ]
_AREA_CACHE: dict[str, tuple[str, int]] = {}


def _area(prov2: str, h: int) -> tuple[str, int]:
    code = f"{prov2}{h % 15 + 1:02d}{(h >> 8) % 20 + 1:02d}"
    found = _AREA_CACHE.get(code)
    if found is None:
        found = _AREA_CACHE[code] = (code, sum(int(c) * w for c, w in zip(code, _WEIGHTS[:6], strict=True)))
    return found


def id_number(n: int, prov2: str) -> str:
    """A valid resident ID number, distinct for every n < BIRTH_DAYS * 1000 (~14.6 million):
    n picks the birth day (a permutation of n mod BIRTH_DAYS) and the sequence (n div BIRTH_DAYS)."""
    day = (n * 7919) % BIRTH_DAYS
    seq = (n // BIRTH_DAYS * 7 + 1) % 1000  # injective below 1000, and the sex digit varies
    area, area_sum = _area(prov2, mix(n * 64 + 7))
    return (area + _BIRTHS[day] + _SEQ[seq]
            + _CHECK[(area_sum + _BIRTH_SUMS[day] + _SEQ_SUMS[seq]) % 11])


def person_name(h: int) -> str:
    pool, given = V.SURNAME_POOL, V.GIVEN
    surname = pool[h % len(pool)]
    first = given[(h >> 12) % len(given)]
    if (h >> 24) % 3 == 0:
        return surname + first
    return surname + first + given[(h >> 32) % len(given)]


def phone(h: int) -> str:
    return V.PHONE_PREFIXES[h % len(V.PHONE_PREFIXES)] + f"{(h >> 8) % 100_000_000:08d}"


def credit_code(h: int, area6: str) -> str:
    from validators.credit_code import _ALPHABET, check_character

    body = "".join(_ALPHABET[(h >> (5 * i)) % 31] for i in range(9))
    first17 = "12" + area6 + body
    return first17 + check_character(first17)


# --- plan ------------------------------------------------------------------------------------

@dataclass
class Inst:
    rank: int
    id: int
    school_id: int
    code: str
    name: str
    province_code: str
    province_name: str
    school_type: str
    city: str
    main_account: int
    recipients: list[int]
    registered_ts: float
    existing: bool
    has_method: bool = False
    publishes: bool = False


# Achievement spec tuple fields.
(A_ID, A_FORM, A_SUBTYPE, A_CATEGORY, A_NAME, A_HOURS, A_CREDITS, A_CREATED, A_DELETED,
 A_COURSE_NAME, A_COURSE_CODE, A_CERT_NAME, A_GRADE, A_LEVEL, A_MAJOR, A_CONCLUSION, A_YEARS,
 A_MIN_GRAD, A_VALID_FROM, A_EXTERNAL, A_ISSUER, A_RECOG, A_RECOG_TS, A_LIVE_KEY, A_INTRO) = range(25)
DIPLOMA, COURSE, CERTIFICATE = 0, 1, 2
CATEGORY_OF = {
    "VOCATIONAL_DIPLOMA": "DEGREE", "HIGHER_EDUCATION_DIPLOMA": "DEGREE",
    "CONTINUING_EDUCATION_DIPLOMA": "DEGREE", "VOCATIONAL_COURSE": "DEGREE",
    "HIGHER_EDUCATION_COURSE": "DEGREE", "CONTINUING_EDUCATION_COURSE": "DEGREE",
    "X_CERTIFICATE": "NON_DEGREE", "SKILL_LEVEL_CERTIFICATE": "NON_DEGREE",
    "NATIONAL_QUALIFICATION": "NON_DEGREE", "OTHER_NON_DEGREE": "NON_DEGREE",
}
CERT_SUBTYPES = ["X_CERTIFICATE", "SKILL_LEVEL_CERTIFICATE", "NATIONAL_QUALIFICATION", "OTHER_NON_DEGREE"]
GRANTED_SUBTYPES = CERT_SUBTYPES[1:]
GRADES = [("PRIMARY", "初级"), ("INTERMEDIATE", "中级"), ("ADVANCED", "高级")]


def _subtype_for(kind: str, school_type: str) -> str:
    if school_type in ("本科", "职业教育本科"):
        prefix = "HIGHER_EDUCATION"
    elif school_type == "开放大学":
        prefix = "CONTINUING_EDUCATION"
    else:
        prefix = "VOCATIONAL"
    return f"{prefix}_{kind}"


@dataclass
class Rule:
    id: int
    rank: int                 # publisher
    code: str
    rule_type: str
    status: str
    created_ts: float
    updated_ts: float
    version_ts: list[float]   # publication times, one per version
    period_end: float         # end of the last version's period (revoke, take-down, or now)
    valid_from: date
    valid_to: date | None
    target_credits: Decimal | None
    sources: list[tuple[int, int, Decimal]]     # (rank, achievement index, credits)
    targets: list[tuple[str, int]]              # (kind, achievement index of the publisher)
    modules: list[tuple[str, Decimal]]
    deleted_ts: float | None
    taken_down_ts: float | None
    version_id_base: int
    description: str
    groups: list[tuple[int, int]] = field(default_factory=list)  # (source position, applications)


@dataclass
class Plan:
    scale: float
    seed: int
    now_ts: float
    counts: dict[str, int]
    password_hash: str
    staff_account: int
    provinces: list[tuple[int, str, str]]
    levels: list[tuple[int, str]]
    conclusions: list[tuple[int, str]]
    majors: list[tuple[int, str, str]]
    insts: list[Inst] = field(default_factory=list)
    cum_weights: list[float] = field(default_factory=list)
    # learners (index j, id j + 1)
    l_rank: array = field(default_factory=lambda: array("H"))
    l_created: array = field(default_factory=lambda: array("i"))
    l_account: array = field(default_factory=lambda: array("i"))   # learner account id, 0 if inactive
    by_rank: list[array] = field(default_factory=list)             # learner ids per institution
    learner_account_base: int = 0
    # catalogue
    ach: list[list[tuple]] = field(default_factory=list)           # per rank, in id order
    live_by_cat: list[dict[str, list[int]]] = field(default_factory=list)
    holders: list[array] = field(default_factory=list)             # per rank, per index
    withdrawn: list[array] = field(default_factory=list)           # tail of each window withdrawn
    cum: list[array] = field(default_factory=list)                 # LA id offset per index
    la_base: list[int] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    # small tables, written by the main process
    new_schools: list[tuple] = field(default_factory=list)

    # -- helpers shared by the generators --

    def pick_rank(self, u: float) -> int:
        return min(bisect.bisect_left(self.cum_weights, u * self.cum_weights[-1]), len(self.insts) - 1)

    def learner_of(self, rank: int, index: int, k: int) -> int:
        """The learner id holding the k-th record of achievement ``index`` of institution ``rank``."""
        learners = self.by_rank[rank]
        offset = mix(self.ach[rank][index][A_ID] * 64 + 11) % len(learners)
        return learners[(offset + k) % len(learners)]

    def la_id(self, rank: int, index: int, k: int) -> int:
        return self.la_base[rank] + self.cum[rank][index] + k

    def la_created(self, la_id: int, learner: int, ach_created: float) -> float:
        base = max(self.l_created[learner - 1], ach_created) + DAY
        end = self.now_ts - 3600
        base = min(base, end - DAY)
        u = unit(la_id * 64 + 5)
        return base + (end - base) * u * u

    def activated(self, learner: int) -> float:
        created = self.l_created[learner - 1]
        u = unit(learner * 64 + 3)
        return created + (self.now_ts - DAY - created) * u ** 1.5

    def learner_identity(self, learner: int) -> tuple[str, str]:
        """(name, ID number) of learner id ``learner``."""
        prov2 = self.insts[self.l_rank[learner - 1]].province_code[:2]
        return person_name(mix(learner * 64 + 1)), id_number(learner - 1, prov2)

    def la_details(self, la_id: int, spec: tuple, inst: Inst, created: float) -> tuple[str, date]:
        """(personal number, issue date) of a learner achievement."""
        issued_ts = created - DAY * (mix(la_id * 64 + 9) % 180)
        issued = beijing_date(max(issued_ts, spec[A_CREATED]))
        year = issued.year
        form = spec[A_FORM]
        if form == DIPLOMA:
            number = f"1{inst.code[-5:]}{year}{spec[A_LEVEL] % 10}{la_id % 10**7:07d}"
        elif form == COURSE:
            number = f"{spec[A_COURSE_CODE]}-{year}{la_id % 10**6:06d}"
        else:
            letter = "X" if spec[A_SUBTYPE] == "X_CERTIFICATE" else "S"
            number = f"{letter}{year}{inst.province_code[:2]}{la_id % 10**9:09d}"
        return number, issued


# --- building the plan (main process) ------------------------------------------------------------

def scaled_counts(scale: float) -> dict[str, int]:
    counts = {name: max(1, round(value * scale)) for name, value in FULL.items()}
    counts["institutions"] = max(10, counts["institutions"])
    return counts


def build_institutions(plan: Plan, existing: list[dict[str, Any]], school_base: int,
                       institution_base: int, account_base: int, taken_codes: set[str]) -> int:
    """Ranks 0.. are the existing (demo) institutions, then new schools; returns the next account id."""
    rng = random.Random(plan.seed * 1000 + 1)
    provinces = {code: (pid, name) for pid, code, name in plan.provinces}
    n = plan.counts["institutions"]
    weights = [1.0 / (rank + SKEW) for rank in range(n)]
    total = 0.0
    for w in weights:
        total += w
        plan.cum_weights.append(total)
    for rank, row in enumerate(existing[:n]):
        plan.insts.append(Inst(
            rank=rank, id=row["id"], school_id=row["school_id"], code=row["code"], name=row["name"],
            province_code=row["province_code"], province_name=row["province_name"],
            school_type=row["school_type"] or "本科", city=V.CITIES[row["province_code"]][0],
            main_account=row["main_account"], recipients=row["recipients"],
            registered_ts=START - 200 * DAY, existing=True,
        ))
    combos = [(city, prov, suffix, kind)
              for prov, cities in V.CITIES.items() for city in cities
              for suffix, kind, _ in V.SCHOOL_KINDS]
    rng.shuffle(combos)
    kind_weight = {suffix: weight for suffix, _, weight in V.SCHOOL_KINDS}
    combos.sort(key=lambda c: -kind_weight[c[2]] * rng.random())
    used_names = {inst.name for inst in plan.insts}
    per_province: dict[str, int] = {}
    account_id = account_base
    school_id, institution_id = school_base, institution_base
    for city, prov, suffix, kind in combos:
        if len(plan.insts) >= n:
            break
        name = city + suffix
        if name in used_names:
            continue
        used_names.add(name)
        number = per_province.get(prov, 200000) + 1 + rng.randrange(3)
        per_province[prov] = number
        code = f"41{prov[:2]}{number:06d}"
        assert code not in taken_codes
        rank = len(plan.insts)
        plan.insts.append(Inst(
            rank=rank, id=institution_id, school_id=school_id, code=code, name=name,
            province_code=prov, province_name=provinces[prov][1], school_type=kind, city=city,
            main_account=account_id, recipients=[account_id],
            registered_ts=START - DAY * rng.uniform(30, 400), existing=False,
        ))
        school_id += 1
        institution_id += 1
        account_id += 1
    assert len(plan.insts) == n, "not enough school names for this many institutions"
    return account_id


def build_learners(plan: Plan, account_base: int) -> None:
    """Learners arrive in import batches (20–3,000 rows) of one institution each, more of them in
    recent years; ids follow arrival. About a third are active (registered as learners)."""
    rng = random.Random(plan.seed * 1000 + 2)
    total = plan.counts["learners"]
    # Every institution imports at least one small batch; the rest go by weight.
    batches: list[tuple[int, int]] = [(rank, rng.randrange(20, 120)) for rank in range(len(plan.insts))]
    count = sum(size for _, size in batches)
    while count < total:
        size = min(total - count, int(math.exp(rng.uniform(math.log(20), math.log(3000)))))
        batches.append((plan.pick_rank(rng.random()), size))
        count += size
    rng.shuffle(batches)
    span = plan.now_ts - START - 2 * DAY
    # Growing over the years (the density rises ~linearly), arrivals in time order.
    times = sorted(START + span * rng.random() ** 0.7 for _ in batches)
    plan.by_rank = [array("i") for _ in plan.insts]
    l_rank, l_created, l_account = plan.l_rank, plan.l_created, plan.l_account
    account = account_base
    plan.learner_account_base = account_base
    j = 0
    now = plan.now_ts
    for (rank, size), moment in zip(batches, times, strict=True):
        ids = plan.by_rank[rank]
        for k in range(size):
            j += 1
            created = int(moment + k * 0.05)
            l_rank.append(rank)
            l_created.append(created)
            ids.append(j)
            # Older learners are more often registered (active).
            if unit(j * 64 + 2) < 0.15 + 0.35 * (now - created) / span:
                l_account.append(account)
                account += 1
            else:
                l_account.append(0)


def build_catalogue(plan: Plan) -> None:
    """Each institution's achievements (ids by entry time), and how many learners hold each."""
    levels, conclusions, majors = plan.levels, plan.conclusions, plan.majors
    combos = len(majors) * len(levels) * len(conclusions)
    cert_space = len(CERT_SUBTYPES) * len(V.CERT_DOMAINS) * len(V.CERT_ROLES) * len(GRADES)
    weights = [1.0 / (rank + SKEW) for rank in range(len(plan.insts))]
    wsum = sum(weights)
    total = plan.counts["achievements"]
    next_id = 1
    for inst in plan.insts:
        rng = random.Random(plan.seed * 100_000 + inst.rank)
        n = max(MIN_ACHIEVEMENTS, round(total * weights[inst.rank] / wsum))
        diplomas = min(max(1, round(n * 0.04)), combos)
        certificates = min(max(3, round(n * 0.18)), cert_space)
        courses = n - diplomas - certificates
        forms = [DIPLOMA] * diplomas + [COURSE] * courses + [CERTIFICATE] * certificates
        rng.shuffle(forms)
        diploma_keys = iter(rng.sample(range(combos), diplomas))
        cert_keys = iter(rng.sample(range(cert_space), certificates))
        specs: list[list[Any]] = []
        course_seq = 0
        letters = "".join(chr(65 + (mix(inst.rank * 7 + i) % 26)) for i in range(2))
        for form in forms:
            if rng.random() < 0.7:
                created = inst.registered_ts + rng.uniform(DAY, 400 * DAY)
            else:
                created = START + rng.uniform(0, plan.now_ts - START - 30 * DAY)
            spec: list[Any] = [0, form, "", "", "", None, None, created, None, "", "", "", None, None,
                               None, None, None, None, None, "", inst.name, "", None, "", ""]
            spec[A_INTRO] = V.INTRODUCTIONS[rng.randrange(len(V.INTRODUCTIONS))]
            if form == DIPLOMA:
                key = next(diploma_keys)
                major = majors[key % len(majors)]
                level = levels[(key // len(majors)) % len(levels)]
                conclusion = conclusions[key // (len(majors) * len(levels))]
                subtype = _subtype_for("DIPLOMA", inst.school_type)
                spec[A_NAME] = f"{major[2]}{conclusion[1]}({level[1]})"
                spec[A_LEVEL], spec[A_MAJOR], spec[A_CONCLUSION] = level[0], major[0], conclusion[0]
                years = rng.choice((2.0, 3.0, 4.0, 5.0))
                spec[A_YEARS] = dec(years)
                spec[A_MIN_GRAD] = dec(rng.choice((110, 120, 135, 150, 160)))
                spec[A_HOURS] = int(years * 600)
                spec[A_CREDITS] = dec(years * 40)
                spec[A_VALID_FROM] = beijing_date(created)
                spec[A_LIVE_KEY] = f"{subtype}|{major[1]}|{level[0]}|{conclusion[0]}"
            elif form == COURSE:
                course_seq += 1
                subtype = (_subtype_for("COURSE", inst.school_type) if rng.random() < 0.9
                           else rng.choice(("VOCATIONAL_COURSE", "HIGHER_EDUCATION_COURSE",
                                            "CONTINUING_EDUCATION_COURSE")))
                name = V.COURSES[rng.randrange(len(V.COURSES))] + V.COURSE_PARTS[rng.randrange(len(V.COURSE_PARTS))]
                code = f"{letters}{course_seq:05d}"
                hours = rng.choice((16, 24, 32, 48, 64, 72, 96, 128))
                spec[A_NAME] = spec[A_COURSE_NAME] = name
                spec[A_COURSE_CODE] = code
                spec[A_HOURS] = hours
                spec[A_CREDITS] = dec(hours / 16)
                spec[A_LIVE_KEY] = f"{subtype}|{code}|{name}"
            else:
                key = next(cert_keys)
                subtype = CERT_SUBTYPES[key % 4]
                domain = V.CERT_DOMAINS[(key // 4) % len(V.CERT_DOMAINS)]
                role = V.CERT_ROLES[(key // (4 * len(V.CERT_DOMAINS))) % len(V.CERT_ROLES)]
                grade, grade_label = GRADES[key // (4 * len(V.CERT_DOMAINS) * len(V.CERT_ROLES))]
                cert_name = domain + role
                spec[A_CERT_NAME] = cert_name
                spec[A_GRADE] = grade
                spec[A_NAME] = f"{cert_name}({grade_label})"
                spec[A_VALID_FROM] = beijing_date(created)
                if subtype == "X_CERTIFICATE":
                    external = f"X{mix(inst.rank * 100_003 + key) % 10**10:010d}"
                    spec[A_EXTERNAL] = external
                    spec[A_ISSUER] = V.TRAINING_ORGS[key % len(V.TRAINING_ORGS)]
                    spec[A_LIVE_KEY] = f"X_CERTIFICATE|{external}|{grade}"
                else:
                    spec[A_LIVE_KEY] = f"{subtype}|{cert_name}|{grade}"
            spec[A_SUBTYPE] = subtype
            spec[A_CATEGORY] = CATEGORY_OF[subtype]
            if subtype == "X_CERTIFICATE":
                spec[A_RECOG] = "RECOGNIZED"
            else:
                u = rng.random()
                spec[A_RECOG] = "RECOGNIZED" if u < 0.5 else "RECOGNIZING" if u < 0.65 else "UNRECOGNIZED"
            if spec[A_RECOG] == "RECOGNIZED":
                spec[A_RECOG_TS] = min(created + rng.uniform(DAY, 90 * DAY), plan.now_ts - DAY)
            specs.append(spec)
        specs.sort(key=lambda s: s[A_CREATED])
        live_by_cat: dict[str, list[int]] = {"DEGREE": [], "NON_DEGREE": [], "COURSE": [],
                                             "DIPLOMA": [], "CERTIFICATE": []}
        for index, spec in enumerate(specs):
            spec[A_ID] = next_id
            next_id += 1
            # 未认定 ones are sometimes deleted (F4.7), only those.
            if spec[A_RECOG] == "UNRECOGNIZED" and rng.random() < 0.06:
                spec[A_DELETED] = min(spec[A_CREATED] + rng.uniform(DAY, 300 * DAY), plan.now_ts - DAY)
                spec[A_LIVE_KEY] = f"deleted:{spec[A_ID]}"
            else:
                live_by_cat[spec[A_CATEGORY]].append(index)
                live_by_cat[("DIPLOMA", "COURSE", "CERTIFICATE")[spec[A_FORM]]].append(index)
        plan.ach.append([tuple(s) for s in specs])
        plan.live_by_cat.append(live_by_cat)
    plan.counts["achievements"] = next_id - 1


def build_holders(plan: Plan) -> None:
    """Learner achievements per institution in proportion to its learners, spread over its live
    achievements by popularity (older ones more held); the tail ~1.5 % of each window withdrawn."""
    total_learners = len(plan.l_rank)
    target = plan.counts["learner_achievements"]
    shares = [len(ids) * target / total_learners for ids in plan.by_rank]
    per_rank = [int(s) for s in shares]
    remainder = target - sum(per_rank)
    for rank in sorted(range(len(shares)), key=lambda r: per_rank[r] - shares[r])[:remainder]:
        per_rank[rank] += 1
    base = 1
    for rank, specs in enumerate(plan.ach):
        cap = len(plan.by_rank[rank])
        live = [i for i, s in enumerate(specs) if s[A_DELETED] is None]
        weights = [1.0 / (p + 3) ** 0.9 for p in range(len(live))]
        wsum = sum(weights)
        want = per_rank[rank]
        counts = [min(cap, int(want * w / wsum)) for w in weights]
        left = want - sum(counts)
        position = 0
        while left > 0:  # fill the rest from the most popular down, never past the learner count
            room = cap - counts[position]
            if room > 0:
                step = min(room, left)
                counts[position] += step
                left -= step
            position += 1
            if position == len(counts):
                if all(c >= cap for c in counts):
                    break
                position = 0
        holders = array("i", [0] * len(specs))
        withdrawn = array("i", [0] * len(specs))
        for i, c in zip(live, counts, strict=True):
            holders[i] = c
            withdrawn[i] = int(c * 0.015 + unit(specs[i][A_ID] * 64 + 13))
        cum = array("q", [0] * len(specs))
        running = 0
        for i in range(len(specs)):
            cum[i] = running
            running += holders[i]
        plan.holders.append(holders)
        plan.withdrawn.append(withdrawn)
        plan.cum.append(cum)
        plan.la_base.append(base)
        base += running
    plan.counts["learner_achievements"] = base - 1


RULE_TYPES = [("NON_DEGREE_TO_DEGREE", 45), ("DEGREE_TO_DEGREE", 30), ("NON_DEGREE_TO_NON_DEGREE", 15),
              ("DEGREE_TO_NON_DEGREE", 10)]


def build_rules(plan: Plan) -> None:
    rng = random.Random(plan.seed * 1000 + 4)
    n = plan.counts["rules"]
    now = plan.now_ts
    first = START + 90 * DAY
    created = sorted(first + (now - first - DAY) * rng.random() ** 0.7 for _ in range(n))
    type_pool = [t for t, w in RULE_TYPES for _ in range(w)]
    day_seq: dict[str, int] = {}
    version_id = 1
    for index, created_ts in enumerate(created):
        rank = plan.pick_rank(rng.random())
        rule_type = rng.choice(type_pool)
        source_cat = "NON_DEGREE" if rule_type.startswith("NON_DEGREE_TO") else "DEGREE"
        target_degree = not rule_type.endswith("TO_NON_DEGREE")
        # Sources: popular achievements of other institutions, one per institution.
        m = 1 if rng.random() < 0.55 else 2 if rng.random() < 0.67 else 3
        sources: list[tuple[int, int, Decimal]] = []
        used = {rank}
        for _ in range(m * 4):
            if len(sources) == m:
                break
            other = plan.pick_rank(rng.random())
            if other in used:
                continue
            candidates = plan.live_by_cat[other][source_cat]
            if not candidates:
                continue
            pick = candidates[int(len(candidates) * rng.random() ** 3)]
            if plan.ach[other][pick][A_CREATED] >= created_ts:
                continue
            used.add(other)
            sources.append((other, pick, dec(rng.choice((1, 2, 3, 4, 5, 6, 8)))))
        if not sources:
            continue
        own = plan.live_by_cat[rank]
        targets: list[tuple[str, int]] = []
        modules: list[tuple[str, Decimal]] = []
        target_credits = None
        if target_degree:
            for pick in rng.sample(own["COURSE"], min(len(own["COURSE"]), rng.choice((1, 1, 2, 3)))):
                targets.append(("COURSE", pick))
            if own["DIPLOMA"] and rng.random() < 0.3:
                targets.append(("MAJOR", rng.choice(own["DIPLOMA"])))
        else:
            targets.append(("CERTIFICATE", rng.choice(own["CERTIFICATE"])))
            target_credits = dec(rng.choice((4, 6, 8, 10, 12, 16, 20)))
            left = float(target_credits)
            for name in rng.sample(V.MODULES, rng.choice((1, 2, 3))):
                credits = min(left, float(rng.choice((1, 2, 3, 4))))
                if credits <= 0:
                    break
                modules.append((name, dec(credits)))
                left -= credits
        # Status and publications.
        u = rng.random()
        deleted_ts = taken_down_ts = None
        if u < 0.10:
            status, versions = "UNSUBMITTED", 0
        elif u < 0.80:
            status, versions = "PUBLISHED", 1 if rng.random() < 0.7 else 2 if rng.random() < 0.73 else 3
        elif u < 0.90:
            status, versions = "UNPUBLISHED", rng.choice((1, 1, 2))
        elif u < 0.95:
            status, versions = "TAKEN_DOWN", rng.choice((1, 1, 2))
        else:
            status = rng.choice(("UNSUBMITTED", "UNPUBLISHED", "TAKEN_DOWN"))
            versions = 0 if status == "UNSUBMITTED" else 1
        moment = created_ts
        version_ts = []
        for _ in range(versions):
            moment = moment + (now - moment) * rng.uniform(0.001, 0.3 if version_ts else 0.05)
            version_ts.append(moment)
        period_end = now
        if status in ("UNPUBLISHED", "TAKEN_DOWN") and versions:
            period_end = moment + (now - moment) * rng.uniform(0.05, 0.9)
            if status == "TAKEN_DOWN":
                taken_down_ts = period_end
        last_change = period_end if status != "PUBLISHED" and versions else (version_ts[-1] if version_ts else created_ts)
        if u >= 0.95:
            deleted_ts = last_change + (now - last_change) * rng.uniform(0.05, 0.9)
            last_change = deleted_ts
        valid_from = beijing_date(version_ts[0] if version_ts else created_ts)
        valid_to = None
        if rng.random() < 0.4:
            anchor = beijing_date(version_ts[-1] if version_ts else created_ts)
            valid_to = anchor + timedelta(days=int(365 * rng.uniform(0.5, 3)))
        day = beijing_date(created_ts).strftime("%Y%m%d")
        seq = day_seq.get(day, 0) + 1
        day_seq[day] = seq
        rule = Rule(
            id=len(plan.rules) + 1, rank=rank, code=f"{day}{seq:04d}", rule_type=rule_type,
            status=status, created_ts=created_ts, updated_ts=last_change, version_ts=version_ts,
            period_end=period_end, valid_from=valid_from, valid_to=valid_to,
            target_credits=target_credits, sources=sources, targets=targets, modules=modules,
            deleted_ts=deleted_ts, taken_down_ts=taken_down_ts, version_id_base=version_id,
            description=rng.choice(V.RULE_DESCRIPTIONS),
        )
        version_id += versions
        plan.rules.append(rule)
        plan.insts[rank].publishes = True
    plan.counts["rules"] = len(plan.rules)
    plan.counts["rule_versions"] = version_id - 1
    plan.day_seq = day_seq  # type: ignore[attr-defined]


def periods(plan: Plan, rule: Rule) -> list[tuple[float, float, int]]:
    """(start, end, version number) of the times the rule was published and valid."""
    if rule.deleted_ts is not None or not rule.version_ts:
        return []
    ends = rule.version_ts[1:] + [rule.period_end]
    valid_end = (datetime.combine(rule.valid_to + timedelta(days=1), datetime.min.time(), UTC).timestamp()
                 - 8 * 3600) if rule.valid_to else plan.now_ts
    found = []
    for number, (start, end) in enumerate(zip(rule.version_ts, ends, strict=True), 1):
        end = min(end, valid_end, plan.now_ts - 3600)
        if end - start > DAY:
            found.append((start, end, number))
    return found


def _assign_quotas(plan: Plan, eligible: list[Rule], weights: list[float], target: int, seed: int) -> None:
    rng = random.Random(seed)
    deficit = 0
    spare: list[tuple[Rule, int, int]] = []
    wsum = sum(weights)
    for rule, w in zip(eligible, weights, strict=True):
        rule.groups = []
        quota = int(target * w / wsum + rng.random())
        share, extra = divmod(quota, len(rule.sources))
        for position, (rank, index, _) in enumerate(rule.sources):
            want = share + (1 if position < extra else 0)
            # Only records stored before the application count, so leave room in the window.
            avail = int((plan.holders[rank][index] - plan.withdrawn[rank][index]) * 0.6)
            got = min(want, avail)
            deficit += want - got
            rule.groups.append((position, got))
            if avail > got:
                spare.append((rule, position, avail - got))
    rng.shuffle(spare)
    for rule, position, room in spare:
        if deficit <= 0:
            break
        add = min(room, deficit, 200)
        deficit -= add
        groups = dict(rule.groups)
        groups[position] += add
        rule.groups = sorted(groups.items())
    for rule in eligible:
        rule.groups = [(p, n) for p, n in rule.groups if n > 0]


def build_application_quotas(plan: Plan) -> None:
    """How many applications each (rule, source) asks for: a heavy-tailed popularity per rule,
    capped by the learners holding the source. Not every holder's record is stored before a
    given application, so the quotas are scaled by the fill rate measured on a sample of rules
    until the applications made come within 2 % of the target."""
    rng = random.Random(plan.seed * 1000 + 5)
    eligible = [rule for rule in plan.rules if periods(plan, rule)]
    weights = [min(300.0, (1.0 - rng.random()) ** (-1 / 1.3)) for _ in eligible]
    target = plan.counts["applications"]
    sample = eligible[::7]
    asked = target
    for _ in range(4):
        _assign_quotas(plan, eligible, weights, asked, plan.seed * 1000 + 6)
        wanted = made = 0
        for rule in sample:
            spans = periods(plan, rule)
            for position, n in rule.groups:
                members, _, _, personal = select_group(plan, rule, spans, position, n)
                wanted += n
                made += len(members) + len(personal)
        total = sum(n for rule in eligible for _, n in rule.groups)
        estimate = total * made / max(wanted, 1)
        if abs(estimate - target) <= 0.02 * target:
            break
        asked = int(asked * target / max(estimate, 1))


def build_plan(plan: Plan, existing: list[dict[str, Any]], school_base: int, institution_base: int,
               account_base: int, taken_codes: set[str]) -> None:
    next_account = build_institutions(plan, existing, school_base, institution_base, account_base,
                                      taken_codes)
    build_learners(plan, next_account)
    build_catalogue(plan)
    build_holders(plan)
    build_rules(plan)
    build_application_quotas(plan)
    plan.counts["learner_accounts"] = sum(1 for a in plan.l_account if a)


# --- small tables (main process) -----------------------------------------------------------------

def school_rows(plan: Plan) -> list[tuple]:
    provinces = {code: pid for pid, code, _ in plan.provinces}
    rows = []
    for inst in plan.insts:
        if inst.existing:
            continue
        moment = ts_dt(inst.registered_ts - 30 * DAY)
        rows.append((moment, moment, inst.school_id, inst.name, inst.code, inst.school_type,
                     inst.province_name, provinces[inst.province_code]))
    return rows


def institution_rows(plan: Plan) -> list[tuple]:
    rows = []
    for inst in plan.insts:
        if inst.existing:
            continue
        h = mix(inst.rank * 64 + 21)
        registered = ts_dt(inst.registered_ts)
        area = _area(inst.province_code[:2], h)[0]
        commitment = ts_dt(inst.registered_ts + 20 * DAY) if inst.has_method else None
        rows.append((
            registered, registered, inst.id, "COMPLETE", registered, "RESIDENT_ID",
            person_name(h), id_number(BIRTH_DAYS * 900 + inst.rank, inst.province_code[:2]),
            credit_code(h >> 3, area), inst.school_type, person_name(h >> 7), person_name(h >> 13),
            phone(h >> 5), f"office@{inst.code}.edu.cn", f"{inst.province_code[:2]}{h % 10000:04d}",
            f"{province_place(inst)}{V.STREETS[h % len(V.STREETS)]}{h % 900 + 1}号",
            "高等职业教育" if "职业" in inst.school_type or inst.school_type == "高职" else "学历教育",
            f"{inst.name}是一所{inst.school_type}院校，坐落于{inst.city}。", "", inst.school_id,
            inst.main_account if inst.has_method else None, commitment,
        ))
    return rows


def province_place(inst: Inst) -> str:
    province = inst.province_name.removesuffix("教育厅").removesuffix("教育委员会")
    return province if province.endswith("市") else f"{province}{inst.city}市"


def main_account_rows(plan: Plan) -> list[tuple]:
    rows = []
    for inst in plan.insts:
        if inst.existing:
            continue
        h = mix(inst.rank * 64 + 22)
        moment = ts_dt(inst.registered_ts)
        rows.append((moment, moment, inst.main_account, inst.code, plan.password_hash,
                     "INSTITUTION_ADMIN", "ACTIVE", person_name(h), phone(h >> 9),
                     f"admin@{inst.code}.edu.cn", "[]", False, "", None, None,
                     inst.id, False))
    return rows


def method_rows(plan: Plan) -> list[tuple]:
    """Publishers have one published method (F8.3); some keep an older revoked or deleted one;
    others upload one now and then."""
    rows = []
    next_id = 1
    for inst in plan.insts:
        rng = random.Random(plan.seed * 7 + inst.rank)
        if not inst.publishes and rng.random() > 0.4:
            continue
        inst.has_method = True
        first = inst.registered_ts + 25 * DAY
        if rng.random() < 0.25:
            moment = ts_dt(first)
            deleted = ts_dt(first + 60 * DAY) if rng.random() < 0.5 else None
            rows.append((moment, moment, next_id, f"{inst.name}学分认定办法（试行）", "UNPUBLISHED",
                         f"methods/{next_id:06d}.pdf", "学分认定办法（试行）.pdf", 180_000 + next_id,
                         None, None, inst.main_account, moment, "", deleted, inst.id))
            next_id += 1
        published = inst.publishes or rng.random() < 0.7
        moment = ts_dt(first + 30 * DAY)
        rows.append((moment, moment, next_id, f"{inst.name}学习成果认定与转换办法",
                     "PUBLISHED" if published else "UNPUBLISHED", f"methods/{next_id:06d}.pdf",
                     "学习成果认定与转换办法.pdf", 250_000 + next_id, inst.id if published else None,
                     moment if published else None, inst.main_account, moment, "", None, inst.id))
        next_id += 1
    return rows


def grant_rows(plan: Plan) -> list[tuple]:
    rows = []
    next_id = 1
    for inst in plan.insts:
        firsts: dict[str, float] = {}
        for spec in plan.ach[inst.rank]:
            if spec[A_SUBTYPE] in GRANTED_SUBTYPES:
                firsts[spec[A_SUBTYPE]] = min(firsts.get(spec[A_SUBTYPE], spec[A_CREATED]), spec[A_CREATED])
        for subtype, first in sorted(firsts.items()):
            if mix(inst.rank * 31 + len(subtype)) % 20 == 0:  # an earlier grant, revoked and granted again
                start = ts_dt(first - 40 * DAY)
                rows.append((next_id, subtype, plan.staff_account, start, plan.staff_account,
                             ts_dt(first - 20 * DAY), f"revoked:{next_id}", inst.id))
                next_id += 1
            rows.append((next_id, subtype, plan.staff_account, ts_dt(first - DAY), None, None, subtype,
                         inst.id))
            next_id += 1
    return rows


def counter_rows(plan: Plan) -> list[tuple]:
    return sorted(plan.day_seq.items())  # type: ignore[attr-defined]


# --- big tables (workers) --------------------------------------------------------------------------

ACHIEVEMENT_COLUMNS = (
    "id", "created_at", "updated_at", "institution_id", "category", "subtype", "name",
    "recognition_status", "issuer", "level_id", "major_id", "graduation_conclusion_id", "years",
    "min_graduation_credits", "valid_from", "course_name", "course_code", "original_hours",
    "original_credits", "certificate_name", "grade", "external_id", "introduction", "live_key",
    "stored_by_id", "import_job_id", "recognized_at", "deleted_at", "deleted_by_id")


def achievement_rows(plan: Plan, ranks: range):
    for rank in ranks:
        inst = plan.insts[rank]
        for s in plan.ach[rank]:
            created = ts_dt(s[A_CREATED])
            deleted = ts_dt(s[A_DELETED]) if s[A_DELETED] else None
            recognized = ts_dt(s[A_RECOG_TS]) if s[A_RECOG_TS] else None
            updated = deleted or recognized or created
            synced = s[A_SUBTYPE] == "X_CERTIFICATE"
            yield (s[A_ID], created, updated, inst.id, s[A_CATEGORY], s[A_SUBTYPE], s[A_NAME], s[A_RECOG],
                   s[A_ISSUER], s[A_LEVEL], s[A_MAJOR], s[A_CONCLUSION], s[A_YEARS], s[A_MIN_GRAD],
                   s[A_VALID_FROM], s[A_COURSE_NAME], s[A_COURSE_CODE], s[A_HOURS], s[A_CREDITS],
                   s[A_CERT_NAME], s[A_GRADE], s[A_EXTERNAL], s[A_INTRO], s[A_LIVE_KEY],
                   None if synced else inst.main_account, None, recognized, deleted,
                   inst.main_account if deleted else None)


LEARNER_COLUMNS = ("id", "created_at", "updated_at", "institution_id", "name", "id_number", "phone",
                   "status", "account_id", "activated_at", "created_by_id", "import_job_id")
ACCOUNT_COLUMNS = ("id", "created_at", "updated_at", "username", "password_hash", "kind", "status",
                   "name", "phone", "email", "modules", "must_change_password", "synced_from",
                   "institution_id", "notify_by_email")


def learner_rows(plan: Plan, first: int, last: int, accounts: list[tuple]):
    """Learners first..last-1 (ids); appends the accounts of the active ones to ``accounts``."""
    insts = plan.insts
    l_rank, l_created, l_account = plan.l_rank, plan.l_created, plan.l_account
    for learner in range(first, last):
        j = learner - 1
        inst = insts[l_rank[j]]
        name = person_name(mix(learner * 64 + 1))
        number = id_number(j, inst.province_code[:2])
        created = ts_dt(l_created[j])
        account = l_account[j]
        if account:
            activated = ts_dt(plan.activated(learner))
            mobile = phone(mix(learner * 64 + 4))
            accounts.append((account, activated, activated, number, plan.password_hash, "LEARNER",
                             "ACTIVE", name, mobile, "", "[]", False, "", None, False))
            yield (learner, created, activated, inst.id, name, number, mobile, "ACTIVE", account,
                   activated, inst.main_account, None)
        else:
            yield (learner, created, created, inst.id, name, number, "", "INACTIVE", None, None,
                   inst.main_account, None)


LA_COLUMNS = ("id", "created_at", "updated_at", "institution_id", "learner_id", "achievement_id",
              "achievement_name", "category", "subtype", "personal_number", "issued_on", "score",
              "earned_credits", "source", "stored_by_id", "import_job_id", "live_key", "withdrawn_at",
              "withdrawn_by_id", "withdraw_reason", "withdraw_file_key", "withdraw_file_name")
SOURCES = ["INSTITUTION"] * 85 + ["CREDIT_BANK"] * 8 + ["OPEN_UNIVERSITY_BANK"] * 4 + ["EDUCATION_COMMISSION"] * 3


def learner_achievement_rows(plan: Plan, ranks: range):
    now = plan.now_ts
    scores = V.COURSE_SCORES
    reasons = V.WITHDRAW_REASONS
    for rank in ranks:
        inst = plan.insts[rank]
        specs = plan.ach[rank]
        holders, withdrawn = plan.holders[rank], plan.withdrawn[rank]
        learners = plan.by_rank[rank]
        n_learners = len(learners)
        for index, spec in enumerate(specs):
            count = holders[index]
            if not count:
                continue
            ach_id = spec[A_ID]
            offset = mix(ach_id * 64 + 11) % n_learners
            first_id = plan.la_id(rank, index, 0)
            held = count - withdrawn[index]
            course = spec[A_FORM] == COURSE
            credits = spec[A_CREDITS] if course else None
            for k in range(count):
                la = first_id + k
                learner = learners[(offset + k) % n_learners]
                created_ts = plan.la_created(la, learner, spec[A_CREATED])
                number, issued = plan.la_details(la, spec, inst, created_ts)
                h = mix(la * 64 + 6)
                source = SOURCES[h % 100]
                score = ""
                if course:
                    score = str(60 + (h >> 8) % 41) if (h >> 16) % 10 < 7 else scores[(h >> 20) % len(scores)]
                created = ts_dt(created_ts)
                if k < held:
                    yield (la, created, created, inst.id, learner, ach_id, spec[A_NAME], spec[A_CATEGORY],
                           spec[A_SUBTYPE], number, issued, score, credits, source,
                           inst.main_account if source == "INSTITUTION" else None, None,
                           f"{ach_id}|{number}", None, None, "", "", "")
                else:
                    gone = ts_dt(created_ts + (now - created_ts) * unit(la * 64 + 8))
                    with_file = (h >> 24) % 3 == 0
                    yield (la, created, gone, inst.id, learner, ach_id, spec[A_NAME], spec[A_CATEGORY],
                           spec[A_SUBTYPE], number, issued, score, credits, source,
                           inst.main_account if source == "INSTITUTION" else None, None,
                           f"withdrawn:{la}", gone, inst.main_account, reasons[(h >> 28) % len(reasons)],
                           f"withdrawals/{la}.pdf" if with_file else "",
                           "撤回说明.pdf" if with_file else "")


RULE_COLUMNS = ("id", "created_at", "updated_at", "institution_id", "code", "rule_type", "status",
                "description", "file_key", "file_name", "valid_from", "valid_to", "target_credits",
                "version", "published_at", "pledged_by_id", "pledged_at", "taken_down_reason",
                "taken_down_at", "taken_down_by_id", "created_by_id", "deleted_at")
SOURCE_COLUMNS = ("rule_id", "achievement_id", "credits")
TARGET_COLUMNS = ("rule_id", "kind", "achievement_id")
MODULE_COLUMNS = ("rule_id", "name", "credits")
VERSION_COLUMNS = ("id", "rule_id", "number", "valid_from", "valid_to", "snapshot", "published_at")


def snapshot(plan: Plan, rule: Rule) -> str:
    """As resolvers/conversion/publishing.snapshot records a publication."""
    def credits(value: Decimal | None) -> str | None:
        return str(value) if value is not None else None

    return json.dumps({
        "ruleType": rule.rule_type,
        "sources": [{"achievementId": plan.ach[r][i][A_ID], "name": plan.ach[r][i][A_NAME],
                     "institution": plan.insts[r].name, "credits": str(c)} for r, i, c in rule.sources],
        "targets": [{"kind": kind, "achievementId": plan.ach[rule.rank][i][A_ID],
                     "name": plan.ach[rule.rank][i][A_NAME],
                     "originalHours": plan.ach[rule.rank][i][A_HOURS],
                     "originalCredits": credits(plan.ach[rule.rank][i][A_CREDITS])}
                    for kind, i in rule.targets],
        "targetCredits": credits(rule.target_credits),
        "modules": [{"name": name, "credits": str(c)} for name, c in rule.modules],
        "description": rule.description,
        "file": f"rules/{rule.id:08d}.pdf",
    }, ensure_ascii=False)


def rule_rows(plan: Plan, rules: list[Rule], out: dict[str, list]) -> int:
    """Rules with their sources, targets, modules and versions into ``out`` (by table)."""
    for rule in rules:
        inst = plan.insts[rule.rank]
        created = ts_dt(rule.created_ts)
        published = ts_dt(rule.version_ts[-1]) if rule.version_ts else None
        taken = ts_dt(rule.taken_down_ts) if rule.taken_down_ts else None
        out["conversion_rule"].append((
            rule.id, created, ts_dt(rule.updated_ts), inst.id, rule.code, rule.rule_type, rule.status,
            rule.description, f"rules/{rule.id:08d}.pdf", "转换规则.pdf", rule.valid_from, rule.valid_to,
            rule.target_credits, len(rule.version_ts), published, inst.main_account, created,
            V.TAKE_DOWN_REASONS[rule.id % len(V.TAKE_DOWN_REASONS)] if taken else "", taken,
            plan.staff_account if taken else None, inst.main_account,
            ts_dt(rule.deleted_ts) if rule.deleted_ts else None))
        for r, i, c in rule.sources:
            out["rule_source"].append((rule.id, plan.ach[r][i][A_ID], c))
        for kind, i in rule.targets:
            out["rule_target"].append((rule.id, kind, plan.ach[rule.rank][i][A_ID]))
        for name, c in rule.modules:
            out["exempt_module"].append((rule.id, name, c))
        if rule.version_ts:
            shot = snapshot(plan, rule)
            for number, moment in enumerate(rule.version_ts, 1):
                out["rule_version"].append((rule.version_id_base + number - 1, rule.id, number,
                                            rule.valid_from, rule.valid_to, shot, ts_dt(moment)))
    return len(rules)


APPLICATION_COLUMNS = (
    "id", "kind", "batch_id", "rule_id", "rule_version_id", "rule_code", "target_institution_id",
    "initiator_institution_id", "applicant_account_id", "learner_achievement_id", "learner_name",
    "id_number", "status", "fail_reason", "decided_at", "decided_by_id", "re_review_reason",
    "re_review_requested_at", "live_key", "created_at")
BATCH_COLUMNS = ("id", "name", "rule_id", "initiator_id", "target_id", "learner_count", "created_by_id",
                 "created_at")
EVENT_COLUMNS = ("application_id", "action", "actor_id", "reason", "created_at")
RESULT_COLUMNS = ("application_id", "id_number", "source", "granted", "granted_credits", "created_at")
MESSAGE_COLUMNS = ("account_id", "institution_id", "kind", "title", "body", "module", "object_id",
                   "read_at", "created_at")


class Ids:
    """Ids reserved from a table's sequence in blocks (the caller fetches a block when empty)."""

    def __init__(self) -> None:
        self.free: list[int] = []

    def take(self) -> int:
        return self.free.pop()


def _pick_time(spans: list[tuple[float, float, int]], u: float) -> tuple[float, int]:
    """A moment in the published periods, later ones likelier (records pile up over time)."""
    total = sum(end - start for start, end, _ in spans)
    point = u ** 0.8 * total
    for start, end, number in spans:
        if point <= end - start:
            return start + point, number
        point -= end - start
    start, end, number = spans[-1]
    return end, number


def _pick_time_after(spans: list[tuple[float, float, int]], floor: float, u: float) -> tuple[float, int]:
    """A moment of the published periods after ``floor`` (the caller checked one ends after it)."""
    later = [(max(start, floor), end, number) for start, end, number in spans if end > floor + 60]
    return _pick_time(later or spans[-1:], u)


def _message(out: dict[str, list], plan: Plan, account: int, institution: int | None, kind: str,
             title: str, body: str, module: str, object_id: str, moment: float, h: int) -> None:
    now = plan.now_ts
    age = now - moment
    read = None
    if (h % 100) < (88 if age > 14 * DAY else 25):
        read = ts_dt(moment + min(age, 7 * DAY) * unit(h))
    out["message"].append((account, institution, kind, title[:200], body, module, object_id, read,
                           ts_dt(moment)))


def select_group(plan: Plan, rule: Rule, spans: list[tuple[float, float, int]], position: int,
                 n: int) -> tuple[list[tuple[int, int, float]], float, int, list[tuple[int, int, float, int]]]:
    """Who applies on ``rule`` through its source ``position``: the members of the source
    institution's batch (with the batch's time and version) and the personal applicants."""
    s_rank, s_index, _ = rule.sources[position]
    spec = plan.ach[s_rank][s_index]
    avail = plan.holders[s_rank][s_index] - plan.withdrawn[s_rank][s_index]
    learners = plan.by_rank[s_rank]
    offset = mix(spec[A_ID] * 64 + 11) % len(learners)
    first_la = plan.la_id(s_rank, s_index, 0)
    salt = rule.id * 8 + position
    personal_want = int(n * 0.3 + unit(salt * 64 + 1))
    batch_want = n - personal_want
    # A prefix of the source's holders (from a random start), each with its record's entry time.
    limit = min(avail, 3 * n + 100)
    start = mix(salt * 64 + 3) % avail
    window: list[tuple[int, int, float]] = []
    for t in range(limit):
        k = (start + t) % avail
        la = first_la + k
        learner = learners[(offset + k) % len(learners)]
        window.append((la, learner, plan.la_created(la, learner, spec[A_CREATED])))
    # The batch is sent once enough of its members' records are stored.
    members: list[tuple[int, int, float]] = []        # (la id, learner, la created)
    batch_time, batch_version = 0.0, 0
    last_end = spans[-1][1]
    ready = sorted(c for _, _, c in window if c < last_end - 7200)
    batch_want = min(batch_want, len(ready))
    if batch_want:
        batch_time, batch_version = _pick_time_after(spans, ready[batch_want - 1] + 3600,
                                                     unit(salt * 64 + 2))
        for item in window:
            if item[2] <= batch_time - 3600:
                members.append(item)
                if len(members) == batch_want:
                    break
    taken = {la for la, _, _ in members}
    personal: list[tuple[int, int, float, int]] = []  # (la id, learner, time, version)
    for la, learner, created in window:
        if len(personal) >= personal_want:
            break
        if la in taken or not plan.l_account[learner - 1]:
            continue
        floor = max(created, plan.activated(learner)) + 3600
        if floor < last_end - 3600:
            moment, number = _pick_time_after(spans, floor, unit(la * 131 + rule.id))
            personal.append((la, learner, moment, number))
    return members, batch_time, batch_version, personal


def application_rows(plan: Plan, rule: Rule, app_ids: Ids, batch_ids: Ids, out: dict[str, list]) -> int:
    """The applications of one rule — a batch per source institution plus personal ones — with
    their review events, results, and the messages each step writes."""
    spans = periods(plan, rule)
    target = plan.insts[rule.rank]
    now = plan.now_ts
    made = 0
    result_granted = None
    for position, n in rule.groups:
        s_rank, s_index, _ = rule.sources[position]
        source_inst = plan.insts[s_rank]
        spec = plan.ach[s_rank][s_index]
        members, batch_time, batch_version, personal = select_group(plan, rule, spans, position, n)
        batch_id = None
        if members:
            batch_id = batch_ids.take()
            batch_name = f"{source_inst.name}{beijing_date(batch_time).isoformat()} 批量学员转换"
            out["application_batch"].append((batch_id, batch_name, rule.id, source_inst.id, target.id,
                                             len(members), source_inst.main_account, ts_dt(batch_time)))
            for account in target.recipients:
                _message(out, plan, account, target.id, "APPLICATION_RECEIVED",
                         f"收到{source_inst.name}的批量转换申请（{len(members)}名学员）",
                         f"{batch_name}，转换规则{rule.code}", "CONVERSION_REVIEW",
                         encode_id("ApplicationBatch", batch_id), batch_time, mix(batch_id * 64 + 1))
        decided_groups: dict[str, tuple[float, int]] = {}
        rows = [(la, learner, batch_time, batch_version, True) for la, learner, _ in members]
        rows += [(la, learner, moment, number, False) for la, learner, moment, number in personal]
        for la, learner, moment, number, in_batch in rows:
            app_id = app_ids.take()
            made += 1
            name, id_no = plan.learner_identity(learner)
            applicant = None if in_batch else plan.l_account[learner - 1]
            submitter = source_inst.main_account if in_batch else applicant
            version_id = rule.version_id_base + number - 1
            h = mix(app_id * 64 + 1)
            age = now - moment
            status, decided, reason = "PENDING", None, ""
            re_reason, re_at = "", None
            if (age > 20 * DAY and h % 100 < 93) or (age <= 20 * DAY and h % 100 < 20):
                decided = moment + max(3600.0, age * 0.3 * unit(h))
                if (h >> 8) % 100 < 65:
                    status = "PASSED"
                else:
                    status = "FAILED"
                    reason = V.FAIL_REASONS[(h >> 16) % len(V.FAIL_REASONS)]
                    if (h >> 24) % 100 < 12:
                        status = "PENDING"  # the applicant asked for a re-review (B4), once
                        re_reason = V.RE_REVIEW_REASONS[(h >> 32) % len(V.RE_REVIEW_REASONS)]
                        re_at = decided + (now - decided) * unit(h >> 3)
            live = f"closed:{app_id}" if status == "FAILED" else f"{rule.id}|{id_no}"
            out["conversion_application"].append((
                app_id, "INSTITUTION" if in_batch else "PERSONAL", batch_id if in_batch else None,
                rule.id, version_id, rule.code, target.id, source_inst.id if in_batch else None,
                applicant, la, name, id_no, status, reason if decided else "",
                ts_dt(decided) if decided else None, target.main_account if decided else None,
                re_reason, ts_dt(re_at) if re_at else None, live, ts_dt(moment)))
            events = out["review_event"]
            events.append((app_id, "SUBMITTED", submitter, "", ts_dt(moment)))
            gid = encode_id("ConversionApplication", app_id)
            if not in_batch:
                for account in target.recipients:
                    _message(out, plan, account, target.id, "APPLICATION_RECEIVED",
                             f"收到学员{name}的个人转换申请", f"转换规则{rule.code}", "CONVERSION_REVIEW",
                             gid, moment, h >> 5)
            if decided:
                passed = status == "PASSED"
                outcome = "通过" if passed else "不通过"
                events.append((app_id, "PASSED" if passed else "FAILED", target.main_account, reason,
                               ts_dt(decided)))
                if re_at:
                    events.append((app_id, "RE_REVIEW_REQUESTED", submitter, re_reason, ts_dt(re_at)))
                    for account in target.recipients:
                        _message(out, plan, account, target.id, "REVIEW_REQUESTED",
                                 f"学员{name}申请复核（规则{rule.code}）", re_reason, "CONVERSION_REVIEW",
                                 gid, re_at, h >> 7)
                body = reason or "审核通过，转换结果已记录。"
                if in_batch:
                    key = "PASSED" if passed else "FAILED"
                    seen = decided_groups.get(key)
                    decided_groups[key] = (min(seen[0], decided) if seen else decided,
                                           (seen[1] if seen else 0) + 1)
                else:
                    _message(out, plan, applicant, None, "APPLICATION_DECIDED",
                             f"您在规则{rule.code}上的转换申请审核{outcome}", body, "", gid, decided, h >> 9)
                if passed:
                    if result_granted is None:
                        result_granted = _granted(plan, rule)
                    la_spec_number, issued = plan.la_details(la, spec, source_inst,
                                                             plan.la_created(la, learner, spec[A_CREATED]))
                    source = json.dumps({
                        "learnerAchievementId": la, "name": spec[A_NAME], "personalNumber": la_spec_number,
                        "issuedOn": issued.isoformat(), "rule": rule.code, "ruleVersion": number,
                    }, ensure_ascii=False)
                    out["conversion_result"].append((app_id, id_no, source, result_granted[0],
                                                     result_granted[1], ts_dt(decided)))
        for key, (moment, count) in decided_groups.items():
            outcome = "通过" if key == "PASSED" else "不通过"
            _message(out, plan, source_inst.main_account, source_inst.id, "APPLICATION_DECIDED",
                     f"规则{rule.code}上{count}名学员的转换申请审核{outcome}",
                     "审核通过，转换结果已记录。" if key == "PASSED" else V.FAIL_REASONS[0],
                     "CONVERSION_REVIEW", encode_id("ApplicationBatch", batch_id or 0), moment,
                     mix(rule.id * 977 + position))
    return made


def _granted(plan: Plan, rule: Rule) -> tuple[str, Decimal]:
    """What a pass on this rule grants (resolvers/application/review._result)."""
    spec_of = plan.ach[rule.rank]
    certificate = [i for kind, i in rule.targets if kind == "CERTIFICATE"]
    if certificate:
        modules = [{"name": name, "credits": str(c)} for name, c in rule.modules]
        total = sum((c for _, c in rule.modules), Decimal(0))
        granted = {"certificate": spec_of[certificate[0]][A_NAME],
                   "certificateCredits": str(rule.target_credits), "exemptModules": modules}
    else:
        courses = []
        total = Decimal(0)
        for kind, i in rule.targets:
            s = spec_of[i]
            credits = str(s[A_CREDITS]) if s[A_CREDITS] is not None else None
            courses.append({"name": s[A_NAME], "kind": kind, "originalHours": s[A_HOURS],
                            "originalCredits": credits, "recognisedCredits": credits})
            if kind == "COURSE" and s[A_CREDITS]:
                total += s[A_CREDITS]
        granted = {"courses": courses}
    return json.dumps(granted, ensure_ascii=False), total
