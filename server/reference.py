"""Reference lists kept in the data (F4.3), loaded by `python -m server migrate`. Idempotent:
existing rows keep their IDs, new ones are added, names follow this file."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from models.reference import Discipline, GraduationConclusion, Level, Major, MajorClass

LEVELS = ["中职", "高职", "职业教育本科", "本科", "硕士", "博士"]
GRADUATION_CONCLUSIONS = ["毕业证书", "学位证书", "结业证书"]

# 学科门类 (two digits) and vocational 专业大类 (41–59); their 专业类 and 专业 with catalogue codes.
CATALOGUE: dict[tuple[str, str], dict[tuple[str, str], list[tuple[str, str]]]] = {
    ("01", "哲学"): {
        ("0101", "哲学类"): [("010101", "哲学"), ("010108", "科学技术哲学")],
    },
    ("02", "经济学"): {
        ("0201", "经济学类"): [("020101", "经济学"), ("020102", "经济统计学")],
        ("0202", "财政学类"): [("020201K", "财政学"), ("020202", "税收学")],
        ("0203", "金融学类"): [("020301K", "金融学"), ("020302", "金融工程")],
    },
    ("07", "理学"): {
        ("0701", "数学类"): [("070101", "数学与应用数学"), ("070102", "信息与计算科学")],
        ("0709", "地质学类"): [("070901", "地质学"), ("070903", "国土资源调查")],
    },
    ("08", "工学"): {
        ("0801", "力学类"): [("080101", "理论与应用力学")],
        ("0809", "计算机类"): [("080901", "计算机科学与技术"), ("080902", "软件工程"),
                            ("080903", "网络工程")],
        ("0818", "交通运输类"): [("081801", "交通运输"), ("081802", "交通工程")],
    },
    ("09", "农学"): {
        ("0901", "植物生产类"): [("090101", "农学"), ("090103", "植物保护")],
    },
    ("12", "管理学"): {
        ("1202", "工商管理类"): [("120201K", "工商管理"), ("120203K", "会计学")],
    },
    ("41", "农林牧渔大类"): {
        ("4101", "农业类"): [("410101", "作物生产技术"), ("410104", "园艺技术"),
                          ("410106", "植物保护与检疫技术")],
    },
    ("51", "电子与信息大类"): {
        ("5102", "计算机类"): [("510201", "计算机应用技术"), ("510203", "软件技术"),
                           ("510205", "大数据技术")],
    },
    ("53", "财经商贸大类"): {
        ("5303", "财务会计类"): [("530302", "大数据与会计"), ("530303", "大数据与审计")],
    },
    ("54", "旅游大类"): {
        ("5402", "餐饮类"): [("540202", "烹饪工艺与营养"), ("540203", "中西面点工艺")],
    },
}


async def load_reference_data() -> None:
    async with in_transaction():
        for sort, name in enumerate(LEVELS):
            await Level.update_or_create(name=name, defaults={"sort": sort})
        for sort, name in enumerate(GRADUATION_CONCLUSIONS):
            await GraduationConclusion.update_or_create(name=name, defaults={"sort": sort})
        for (code, name), classes in CATALOGUE.items():
            discipline, _ = await Discipline.update_or_create(code=code, defaults={"name": name})
            for (class_code, class_name), majors in classes.items():
                major_class, _ = await MajorClass.update_or_create(
                    code=class_code, defaults={"name": class_name, "discipline": discipline}
                )
                for major_code, major_name in majors:
                    await Major.update_or_create(
                        code=major_code, defaults={"name": major_name, "major_class": major_class}
                    )
