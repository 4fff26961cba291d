"""The spreadsheet columns of each achievement form: the import template, the import's row
reader, and the export all use these."""

from __future__ import annotations

from adapters.spreadsheets import Column
from models.achievement import AchievementForm, AchievementSubtype, CertificateGrade

# Input field names (camelCase) of a row's problems → the column they come from.
DIPLOMA_COLUMNS = (
    Column("level", "层次", required=True, width=12),
    Column("discipline", "学科门类", required=True, width=14),
    Column("major_class", "专业类", required=True, width=16),
    Column("major", "专业", required=True, width=22),
    Column("major_code", "专业代码", width=12),
    Column("graduation_conclusion", "毕业结论", required=True, width=12),
    Column("years", "学制(年)", required=True, width=10),
    Column("original_hours", "原始学时", width=10),
    Column("original_credits", "原始学分", width=10),
    Column("min_graduation_credits", "最低毕业学分", required=True, width=14),
    Column("valid_from", "有效期起始时间", width=16),
    Column("introduction", "成果简介", required=True, width=40),
)
COURSE_COLUMNS = (
    Column("course_name", "课程名称", required=True, width=24),
    Column("course_code", "课程代码", width=14),
    Column("original_hours", "原始学时", width=10),
    Column("original_credits", "原始学分", width=10),
    Column("introduction", "成果简介", required=True, width=40),
)
CERTIFICATE_COLUMNS = (
    Column("certificate_name", "证书名称", required=True, width=28),
    Column("grade", "等级", choices=tuple(g.label for g in CertificateGrade), width=10),
    Column("valid_from", "有效期起始时间", width=16),
    Column("introduction", "成果简介", required=True, width=40),
)
COLUMNS = {
    AchievementForm.DIPLOMA: DIPLOMA_COLUMNS,
    AchievementForm.COURSE: COURSE_COLUMNS,
    AchievementForm.CERTIFICATE: CERTIFICATE_COLUMNS,
}

SAMPLES = {
    AchievementForm.DIPLOMA: ["本科", "经济学", "经济学类", "经济统计学", "020102", "毕业证书", 4, 2600,
                              160, 160, "2022-03-01", "经济统计学专业本科毕业证书"],
    AchievementForm.COURSE: ["餐厅创建课程", "C001", 45, 3, "课程简介"],
    AchievementForm.CERTIFICATE: ["电工职业资格证书", "中级", "2022-03-01", "证书简介"],
}

# A problem's field (as the form reports it) → the column title it belongs to.
FIELD_TITLES = {
    "levelId": "层次", "majorId": "专业", "graduationConclusionId": "毕业结论", "years": "学制(年)",
    "originalHours": "原始学时", "originalCredits": "原始学分",
    "minGraduationCredits": "最低毕业学分", "validFrom": "有效期起始时间", "introduction": "成果简介",
    "courseName": "课程名称", "courseCode": "课程代码", "certificateName": "证书名称", "grade": "等级",
    "discipline": "学科门类", "majorClass": "专业类", "row": "整行",
}


def columns_for(subtype: AchievementSubtype) -> tuple[Column, ...]:
    return COLUMNS[subtype.form]


def notes_for(subtype: AchievementSubtype) -> list[str]:
    required = "、".join(f"“{c.title}”" for c in columns_for(subtype) if c.required)
    return [
        f"批量导入机构成果：{subtype.category.label} - {subtype.label}",
        "1) 所有允许导入的成果字段请参考模板，若成果字段不符合要求，则整条成果不予以导入；",
        "2) 日期型字段格式为：YYYY-MM-DD，如 2022-03-01；",
        f"3) {required}等字段为必填项（表头带 * 的列）；",
        "4) 层次、毕业结论、等级请从下拉列表中选择；专业须为专业目录中的专业，填写专业代码可避免同名专业混淆；",
        "5) 数据从第2行开始填写，示例行请删除后再导入；一次最多导入100000行，文件不超过20MB；",
        "6) 与已存储成果或表格中其他行重复的成果不予导入，并在导入结果中说明原因。",
    ]
