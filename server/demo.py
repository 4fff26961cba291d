"""Demo data: the provinces, schools and accounts of the institution manual. Idempotent."""

from __future__ import annotations

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountKind
from models.directory import Province, School
from models.institution import Institution, RegistrationStep
from resolvers.account.password import SYNCED_INITIAL_PASSWORD
from server.security import Passwords

PROVINCES = [
    ("110000", "北京市教育委员会"), ("120000", "天津市教育委员会"), ("130000", "河北省教育厅"),
    ("140000", "山西省教育厅"), ("150000", "内蒙古自治区教育厅"), ("210000", "辽宁省教育厅"),
    ("220000", "吉林省教育厅"), ("230000", "黑龙江省教育厅"), ("310000", "上海市教育委员会"),
    ("320000", "江苏省教育厅"), ("330000", "浙江省教育厅"), ("340000", "安徽省教育厅"),
    ("350000", "福建省教育厅"), ("360000", "江西省教育厅"), ("370000", "山东省教育厅"),
    ("410000", "河南省教育厅"), ("420000", "湖北省教育厅"), ("430000", "湖南省教育厅"),
    ("440000", "广东省教育厅"), ("450000", "广西壮族自治区教育厅"), ("460000", "海南省教育厅"),
    ("500000", "重庆市教育委员会"), ("510000", "四川省教育厅"), ("520000", "贵州省教育厅"),
    ("530000", "云南省教育厅"), ("540000", "西藏自治区教育厅"), ("610000", "陕西省教育厅"),
    ("620000", "甘肃省教育厅"), ("630000", "青海省教育厅"), ("640000", "宁夏回族自治区教育厅"),
    ("650000", "新疆维吾尔自治区教育厅"),
]

# (province code, school code, name, type, supervising unit). Codes are demo values.
SCHOOLS = [
    ("430000", "4143010536", "长沙理工大学", "本科", "测试一级网点"),
    ("430000", "4143010532", "湖南大学", "本科", "教育部"),
    ("430000", "4143010537", "湖南农业大学", "本科", "湖南省教育厅"),
    ("430000", "4143012590", "湖南铁道职业技术学院", "高职", "湖南省教育厅"),
    ("110000", "4111010001", "北京大学", "本科", "教育部"),
    ("110000", "4111010003", "清华大学", "本科", "教育部"),
    ("650000", "4165012920", "新疆农业职业技术学院", "高职", "新疆维吾尔自治区教育厅"),
    ("630000", "4163010743", "青海大学", "本科", "青海省教育厅"),
]

# username, password, kind, school code, name, phone, must change, synced from
ACCOUNTS = [
    ("4143010536", "Csust2021", AccountKind.INSTITUTION_ADMIN, "4143010536", "张老师",
     "13800000001", False, ""),
    ("csust_teacher", "Teacher2021", AccountKind.INSTITUTION_USER, "4143010536", "李老师",
     "13800000002", False, ""),
    ("4143010532", SYNCED_INITIAL_PASSWORD, AccountKind.INSTITUTION_ADMIN, "4143010532", "王老师",
     "13800000003", True, "skill-certificate-platform"),
    ("bankstaff", "Staff2021", AccountKind.STAFF, None, "学分银行管理员", "13800000009", False, ""),
]

INSTITUTION_INFO = {
    "4143010536": dict(
        school_type="本科", legal_representative="法定代", contact_name="张老师",
        contact_phone="13800000001", contact_email="contact@csust.example.cn",
        postcode="100000", address="湖南省长沙市天心区万家丽南路二段960号",
        business_scope="高等学历教育", credit_code="91350100M000100Y43",
        registrant_name="张老师", registrant_id_number="632323190605260922",
    ),
    "4143010532": dict(
        school_type="本科", legal_representative="负责人", contact_name="王老师",
        contact_phone="13800000003", contact_email="contact@hnu.example.cn",
        postcode="410082", address="湖南省长沙市岳麓区麓山南路",
        business_scope="高等学历教育",
    ),
}


async def seed(passwords: Passwords) -> list[str]:
    """Create what is missing; returns the usernames created."""
    created: list[str] = []
    async with in_transaction():
        provinces = {}
        for code, name in PROVINCES:
            provinces[code], _ = await Province.get_or_create(code=code, defaults={"name": name})
        schools = {}
        for province_code, code, name, school_type, unit in SCHOOLS:
            schools[code], _ = await School.get_or_create(
                code=code,
                defaults={"province": provinces[province_code], "name": name,
                          "school_type": school_type, "supervising_unit": unit},
            )
        for school_code, info in INSTITUTION_INFO.items():
            await Institution.get_or_create(
                school=schools[school_code],
                defaults={**info, "registration_step": RegistrationStep.COMPLETE,
                          "registered_at": now()},
            )
        for username, password, kind, school_code, name, phone, must_change, synced in ACCOUNTS:
            if await Account.exists(username=username):
                continue
            institution = (
                await Institution.get(school=schools[school_code]) if school_code else None
            )
            await Account.create(
                username=username, password_hash=await passwords.hash(password), kind=kind,
                institution=institution, name=name, phone=phone,
                must_change_password=must_change, synced_from=synced,
                # The demo's sub-user may use every module (B9: an explicit choice).
                all_modules=kind == AccountKind.INSTITUTION_USER,
            )
            created.append(username)
    return created
