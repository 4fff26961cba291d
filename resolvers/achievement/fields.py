"""The fields each subtype asks for (F4.3), checked the same way for a form and for a spreadsheet
row, and the name derived from them as the manual shows (``经济统计学毕业证书(本科)``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from models.achievement import SUBTYPES, AchievementForm, AchievementSubtype, CertificateGrade
from models.reference import GraduationConclusion, Level, Major
from resolvers.checks import text
from resolvers.errors import Code, Problems

INTRODUCTION_MAX = 2000
_TENTH = Decimal("0.1")


@dataclass(slots=True)
class AchievementValues:
    """Checked values of one achievement, ready to store."""

    subtype: AchievementSubtype
    name: str = ""
    level: Level | None = None
    major: Major | None = None
    graduation_conclusion: GraduationConclusion | None = None
    years: Decimal | None = None
    original_hours: int | None = None
    original_credits: Decimal | None = None
    min_graduation_credits: Decimal | None = None
    valid_from: date | None = None
    introduction: str = ""
    course_name: str = ""
    course_code: str = ""
    certificate_name: str = ""
    grade: CertificateGrade | None = None

    @property
    def live_key(self) -> str:
        """What makes two achievements of one institution the same one."""
        form = SUBTYPES[self.subtype].form
        if form is AchievementForm.DIPLOMA:
            assert self.major and self.level and self.graduation_conclusion
            parts = (self.major.code, str(self.level.id), str(self.graduation_conclusion.id))
        elif form is AchievementForm.COURSE:
            parts = (self.course_code, self.course_name)
        else:
            parts = (self.certificate_name, self.grade._value_ if self.grade else "")
        return "|".join((self.subtype._value_, *parts))[:255]


def derive_name(values: AchievementValues) -> str:
    form = SUBTYPES[values.subtype].form
    if form is AchievementForm.DIPLOMA:
        assert values.major and values.level and values.graduation_conclusion
        return f"{values.major.name}{values.graduation_conclusion.name}({values.level.name})"
    if form is AchievementForm.COURSE:
        return values.course_name
    if values.grade is not None:
        return f"{values.certificate_name}({values.grade.label})"
    return values.certificate_name


def number(problems: Problems, name: str, value: Any, *, required: bool, low: Decimal,
           high: Decimal, whole: bool = False, positive: bool = False) -> Decimal | None:
    """A number typed as a number or as text (spreadsheets give both); one decimal at most."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(name, Code.REQUIRED)
        return None
    if type(value) is int or (type(value) is float and value.is_integer()):
        # Spreadsheet cells are mostly whole numbers: skip parsing text.
        whole_value = Decimal(int(value))
        if low <= whole_value <= high and not (positive and whole_value <= 0):
            return whole_value if whole else whole_value.quantize(_TENTH)
    try:
        parsed = Decimal(str(value).strip())
    except InvalidOperation:
        problems.add(name, Code.NOT_A_NUMBER)
        return None
    if not parsed.is_finite():
        problems.add(name, Code.NOT_A_NUMBER)
        return None
    if whole and parsed != parsed.to_integral_value():
        problems.add(name, Code.NOT_A_WHOLE_NUMBER)
        return None
    if parsed.as_tuple().exponent < -1 and parsed != parsed.quantize(Decimal("0.1")):  # type: ignore[operator]
        problems.add(name, Code.TOO_MANY_DECIMALS)
        return None
    if parsed < low or parsed > high or (positive and parsed <= 0):
        problems.add(name, Code.OUT_OF_RANGE, f"应在{low}到{high}之间" + ("且大于0" if positive else ""))
        return None
    return parsed.quantize(Decimal("0.1")) if not whole else parsed.to_integral_value()


def check_values(
    problems: Problems,
    subtype: AchievementSubtype,
    raw: dict[str, Any],
    *,
    level: Level | None,
    major: Major | None,
    graduation_conclusion: GraduationConclusion | None,
    valid_from: date | None,
    grade: CertificateGrade | None,
) -> AchievementValues:
    """Check the raw fields of ``subtype``; references are already looked up by the caller
    (by ID from a form, by name from a spreadsheet) and None when missing or unknown."""
    values = AchievementValues(subtype=subtype, valid_from=valid_from, grade=grade)
    form = SUBTYPES[subtype].form
    values.introduction = text(problems, "introduction", raw.get("introduction"),
                               INTRODUCTION_MAX, required=True, multiline=True)
    if form is AchievementForm.DIPLOMA:
        for name, found in (
            ("levelId", level),
            ("majorId", major),
            ("graduationConclusionId", graduation_conclusion),
        ):
            if found is None and not problems.has(name):
                problems.add(name, Code.REQUIRED)
        values.level, values.major, values.graduation_conclusion = level, major, graduation_conclusion
        values.years = number(problems, "years", raw.get("years"), required=True,
                              low=Decimal("0.5"), high=Decimal("10"))
        values.min_graduation_credits = number(
            problems, "minGraduationCredits", raw.get("min_graduation_credits"), required=True,
            low=Decimal("0"), high=Decimal("1000"), positive=True,
        )
    if form in (AchievementForm.DIPLOMA, AchievementForm.COURSE):
        hours = number(problems, "originalHours", raw.get("original_hours"), required=False,
                       low=Decimal("0"), high=Decimal("100000"), whole=True)
        values.original_hours = int(hours) if hours is not None else None
        values.original_credits = number(
            problems, "originalCredits", raw.get("original_credits"), required=False,
            low=Decimal("0"), high=Decimal("1000"),
        )
    if form is AchievementForm.COURSE:
        values.course_name = text(problems, "courseName", raw.get("course_name"), 100, required=True)
        values.course_code = text(problems, "courseCode", raw.get("course_code"), 32, required=False)
    if form is AchievementForm.CERTIFICATE:
        values.certificate_name = text(
            problems, "certificateName", raw.get("certificate_name"), 100, required=True
        )
    if not problems.items:
        values.name = derive_name(values)
    return values
