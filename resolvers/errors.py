"""Error codes and the two ways a request is refused.

- ``Invalid``: a business-rule refusal, answered in the mutation payload's ``errors`` list.
- ``ClientError`` subclasses: missing login, missing permission, or an object the caller may not
  see; answered as a GraphQL error with ``extensions.code`` and never revealing existence.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import GraphQLError

from models.base import LabeledEnum


class Code(LabeledEnum):
    """Stable English codes; the label is the default Chinese message."""

    REQUIRED = "REQUIRED", "必填项不能为空"
    TOO_LONG = "TOO_LONG", "内容超过长度限制"
    CONTROL_CHARACTERS = "CONTROL_CHARACTERS", "不能包含控制字符或文字方向控制符"
    INVALID_PHONE = "INVALID_PHONE", "请输入正确的11位手机号"
    INVALID_EMAIL = "INVALID_EMAIL", "电子邮箱格式不正确"
    INVALID_POSTCODE = "INVALID_POSTCODE", "邮政编码应为6位数字"
    INVALID_CREDIT_CODE = "INVALID_CREDIT_CODE", "统一社会信用代码不正确"
    INVALID_SCHOOL_CODE = "INVALID_SCHOOL_CODE", "院校标识码应为10位数字"
    INVALID_PROVINCE_CODE = "INVALID_PROVINCE_CODE", "省份代码应为6位数字"
    INVALID_USERNAME = "INVALID_USERNAME", "登录账号应为4-32位字母、数字或下划线，且至少含一个字母"
    ID_NUMBER_SHAPE = "ID_NUMBER_SHAPE", "身份证号应为18位，最后一位可为X"
    ID_NUMBER_BIRTH_DATE = "ID_NUMBER_BIRTH_DATE", "身份证号中的出生日期无效"
    ID_NUMBER_CHECK_DIGIT = "ID_NUMBER_CHECK_DIGIT", "身份证号校验位错误"
    PASSWORD_LENGTH = "PASSWORD_LENGTH", "密码长度应为8-16位"
    PASSWORD_CHARACTERS = "PASSWORD_CHARACTERS", "密码只能包含字母、数字和英文符号"
    PASSWORD_WEAK = "PASSWORD_WEAK", "密码必须同时包含数字和字母"
    PASSWORD_MISMATCH = "PASSWORD_MISMATCH", "两次输入的密码不一致"
    PASSWORD_REUSED = "PASSWORD_REUSED", "新密码不能与原密码相同"
    WRONG_PASSWORD = "WRONG_PASSWORD", "密码错误"
    AGREEMENT_REQUIRED = "AGREEMENT_REQUIRED", "请阅读并同意《学分银行注册协议》"
    PROVINCE_NOT_FOUND = "PROVINCE_NOT_FOUND", "所选省级教育部门不存在"
    SCHOOL_NOT_FOUND = "SCHOOL_NOT_FOUND", "所选院校不存在"
    SCHOOL_NOT_IN_PROVINCE = "SCHOOL_NOT_IN_PROVINCE", "所选院校不属于该省级教育部门"
    SCHOOL_CODE_MISMATCH = "SCHOOL_CODE_MISMATCH", "学校代码与所选院校不一致"
    SCHOOL_ALREADY_REGISTERED = "SCHOOL_ALREADY_REGISTERED", "该院校已注册，请直接登录"
    SCHOOL_IN_USE = "SCHOOL_IN_USE", "该院校已注册，不能删除"
    SCHOOL_CODE_TAKEN = "SCHOOL_CODE_TAKEN", "院校标识码已存在"
    PROVINCE_TAKEN = "PROVINCE_TAKEN", "省级教育部门名称或代码已存在"
    PROVINCE_IN_USE = "PROVINCE_IN_USE", "该省级教育部门下仍有院校，不能删除"
    REGISTRATION_STEP = "REGISTRATION_STEP", "当前注册步骤不能进行此操作"
    CODE_INVALID = "CODE_INVALID", "验证码错误"
    CODE_EXPIRED = "CODE_EXPIRED", "验证码已失效，请重新获取"
    CODE_ATTEMPTS_EXCEEDED = "CODE_ATTEMPTS_EXCEEDED", "验证码错误次数过多，请重新获取"
    CODE_USED = "CODE_USED", "该验证码已使用过，每个验证码只能用一次，请重新获取"
    CODE_SENT_TOO_OFTEN = "CODE_SENT_TOO_OFTEN", "验证码发送过于频繁，请稍后再试"
    SMS_DELIVERY_FAILED = "SMS_DELIVERY_FAILED", "短信发送失败，请稍后再试"
    NO_BOUND_PHONE = "NO_BOUND_PHONE", "当前账户未绑定手机号"
    NO_CONTACT_EMAIL = "NO_CONTACT_EMAIL", "未填写联系人电子邮件，无法发送邮件"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS", "账号或密码错误"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED", "账户已停用，请联系院校管理员"
    PASSWORD_CHANGE_NOT_REQUIRED = "PASSWORD_CHANGE_NOT_REQUIRED", "当前账户无需修改初始密码"
    USERNAME_TAKEN = "USERNAME_TAKEN", "该登录账号已被使用"
    PHONE_UNCHANGED = "PHONE_UNCHANGED", "新手机号与当前绑定手机号相同"
    USER_STATE = "USER_STATE", "该用户当前状态不能进行此操作"
    INVALID_MODULE = "INVALID_MODULE", "模块不存在"
    INVALID_FILE_TYPE = "INVALID_FILE_TYPE", "文件类型不支持"
    FILE_TOO_LARGE = "FILE_TOO_LARGE", "文件超过大小限制"
    FILE_EMPTY = "FILE_EMPTY", "文件为空"
    NOT_A_NUMBER = "NOT_A_NUMBER", "请输入数字"
    NOT_A_WHOLE_NUMBER = "NOT_A_WHOLE_NUMBER", "请输入整数"
    TOO_MANY_DECIMALS = "TOO_MANY_DECIMALS", "最多保留一位小数"
    OUT_OF_RANGE = "OUT_OF_RANGE", "数值超出允许范围"
    INVALID_DATE = "INVALID_DATE", "日期格式应为YYYY-MM-DD，且须是实际存在的日期"
    INVALID_DATETIME = "INVALID_DATETIME", "时间格式应为ISO 8601，如 2024-03-01T08:00:00+08:00"
    INVALID_CHOICE = "INVALID_CHOICE", "不在可选范围内"
    INVALID_VALUE = "INVALID_VALUE", "取值类型不正确"
    UNKNOWN_LEVEL = "UNKNOWN_LEVEL", "层次不在可选范围内"
    UNKNOWN_MAJOR = "UNKNOWN_MAJOR", "专业不在专业目录中"
    UNKNOWN_CONCLUSION = "UNKNOWN_CONCLUSION", "毕业结论不在可选范围内"
    UNKNOWN_GRADE = "UNKNOWN_GRADE", "等级应为初级、中级或高级"
    WRONG_FORM = "WRONG_FORM", "请只填写与成果子类型对应的一组信息"
    SUBTYPE_SYNCED_ONLY = "SUBTYPE_SYNCED_ONLY", "职业技能等级证书(X证书)由平台定期同步，不能手工存储"
    SUBTYPE_NOT_GRANTED = "SUBTYPE_NOT_GRANTED", "该类成果需联系学分银行工作人员授权后才能存储"
    SUBTYPE_NEEDS_NO_GRANT = "SUBTYPE_NEEDS_NO_GRANT", "该类成果无需授权"
    ACHIEVEMENT_EXISTS = "ACHIEVEMENT_EXISTS", "该成果已存在，不能重复存储"
    NOT_DELETABLE = "NOT_DELETABLE", "只有未认定的成果可以删除"
    RECOGNITION_STATE = "RECOGNITION_STATE", "当前认定状态不能进行此操作"
    GRANT_EXISTS = "GRANT_EXISTS", "该机构已获得此类成果的授权"
    GRANT_NOT_FOUND = "GRANT_NOT_FOUND", "该机构没有此类成果的授权"
    NOT_A_SPREADSHEET = "NOT_A_SPREADSHEET", "文件不是有效的Excel表格（.xlsx或.xls）"
    SPREADSHEET_TOO_LARGE = "SPREADSHEET_TOO_LARGE", "表格解压后过大，请拆分后再导入"
    TEMPLATE_MISMATCH = "TEMPLATE_MISMATCH", "表格与所选成果类型的导入模板不符"
    MISSING_COLUMNS = "MISSING_COLUMNS", "表格缺少必填列"
    NO_ROWS = "NO_ROWS", "表格中没有数据"
    TOO_MANY_ROWS = "TOO_MANY_ROWS", "表格行数超过上限"
    DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE", "与表格中前面的行重复"
    NOTHING_SELECTED = "NOTHING_SELECTED", "没有符合条件的数据"
    CONFLICTING_SELECTION = "CONFLICTING_SELECTION", "不能同时勾选数据并选择全部，请只选其一"
    NOT_FOUND = "NOT_FOUND", "对象不存在或无权访问"
    IMPORT_FAILED = "IMPORT_FAILED", "导入过程中出错，已全部撤销，未导入任何数据"
    LEARNER_EXISTS = "LEARNER_EXISTS", "该身份证号的学员已存在"
    LEARNER_NAME_MISMATCH = "LEARNER_NAME_MISMATCH", "该身份证号已登记为其他姓名的学员"
    LEARNER_ACTIVATED = "LEARNER_ACTIVATED", "学员已激活，不能修改或删除"
    LEARNER_HAS_ACHIEVEMENTS = "LEARNER_HAS_ACHIEVEMENTS", "学员已关联成果，不能删除"
    LEARNER_ACHIEVEMENT_EXISTS = "LEARNER_ACHIEVEMENT_EXISTS", "该学员已持有此成果（个人成果编号相同）"
    LEARNER_ALREADY_REGISTERED = "LEARNER_ALREADY_REGISTERED", "该身份证号已注册学员账户，请直接登录"
    PHONE_TAKEN = "PHONE_TAKEN", "该手机号已被其他学员账户绑定"
    IDENTITY_NOT_VERIFIED = "IDENTITY_NOT_VERIFIED", "身份核验未通过，请核对姓名与身份证号后重新获取验证码再试"
    IDENTITY_SERVICE_UNAVAILABLE = "IDENTITY_SERVICE_UNAVAILABLE", "实名核验服务暂时不可用，请稍后再试；验证码在有效期内仍可使用"
    FUTURE_DATE = "FUTURE_DATE", "日期不能晚于今天"
    ALREADY_WITHDRAWN = "ALREADY_WITHDRAWN", "该学员成果已撤回"
    FEEDBACK_HANDLED = "FEEDBACK_HANDLED", "该问题反馈已处理"
    INVALID_OUTCOME = "INVALID_OUTCOME", "处理结果应为已解决或驳回"
    PLEDGE_REQUIRED = "PLEDGE_REQUIRED", "请勾选信息真实有效的郑重承诺"
    SECURITY_COMMITMENT_REQUIRED = "SECURITY_COMMITMENT_REQUIRED", "首次发布信息前请阅读并同意《信息发布安全承诺书》"
    NOT_A_PDF = "NOT_A_PDF", "文件须为PDF格式"
    METHOD_ALREADY_PUBLISHED = "METHOD_ALREADY_PUBLISHED", "已有一条已发布状态的转换办法"
    STATUS_FORBIDS = "STATUS_FORBIDS", "当前状态不能进行此操作"
    METHOD_REQUIRED = "METHOD_REQUIRED", "请先上传转换办法"
    SOURCE_NOT_FOUND = "SOURCE_NOT_FOUND", "源成果不存在或已删除"
    SOURCE_CATEGORY = "SOURCE_CATEGORY", "源成果的类型与转换规则类型不符"
    TARGET_NOT_FOUND = "TARGET_NOT_FOUND", "目标成果须为本机构的成果"
    TARGET_CATEGORY = "TARGET_CATEGORY", "目标成果的类型与转换规则类型不符"
    TARGET_COURSE_REQUIRED = "TARGET_COURSE_REQUIRED", "学历类目标须至少选择一门课程"
    TARGET_CERTIFICATE_REQUIRED = "TARGET_CERTIFICATE_REQUIRED", "非学历类目标须选择一个证书及其免考模块"
    MODULE_CREDITS_EXCEED = "MODULE_CREDITS_EXCEED", "免考模块学分之和超过了证书的学分"
    DUPLICATE_ITEM = "DUPLICATE_ITEM", "同一成果不能重复选择"
    RULE_INCOMPLETE = "RULE_INCOMPLETE", "转换规则信息不完整，不能发布"
    RULE_FILE_REQUIRED = "RULE_FILE_REQUIRED", "请上传盖章的转换规则PDF"
    INVALID_PERIOD = "INVALID_PERIOD", "有效期结束日期不能早于开始日期"
    RULE_NOT_IN_FORCE = "RULE_NOT_IN_FORCE", "转换规则未发布、已下架或不在有效期内"
    NOT_A_SOURCE = "NOT_A_SOURCE", "该学员成果不是此规则的源成果"
    SOURCES_NOT_ALL_HELD = "SOURCES_NOT_ALL_HELD", "未持有该规则的全部源成果（多个源成果的规则须全部持有）"
    OWN_RULE = "OWN_RULE", "不能对本机构发布的规则发起转换"
    ALREADY_APPLIED = "ALREADY_APPLIED", "该学员在此规则上已有审核中或已成功的转换申请"
    ALREADY_DECIDED = "ALREADY_DECIDED", "该申请已审核"
    REASON_REQUIRED = "REASON_REQUIRED", "审核不通过时须填写原因"
    RE_REVIEW_USED = "RE_REVIEW_USED", "每个申请只能申请一次复核"
    NOT_FAILED = "NOT_FAILED", "只有转换失败的申请可以申请复核"
    NOT_APPLICANT = "NOT_APPLICANT", "只有申请人可以申请复核；机构发起的申请请联系发起机构申请复核"
    MANIFEST_INVALID = "MANIFEST_INVALID", "操作清单无效"
    STORAGE_FULL = "STORAGE_FULL", "文件存储空间不足，文件未保存，请联系管理员"
    EMAIL_REQUIRED = "EMAIL_REQUIRED", "请填写接收消息提醒的电子邮箱"


@dataclass(frozen=True)
class Problem:
    field: str | None
    code: Code
    message: str


class Invalid(Exception):
    """The request breaks one or more business rules; nothing was changed."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems

    @classmethod
    def one(cls, field: str | None, code: Code, message: str | None = None) -> Invalid:
        return cls([Problem(field, code, message or code.label)])


class Problems:
    """Collects every problem of an input before refusing it, so a form can mark all fields."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, field: str | None, code: Code, message: str | None = None) -> None:
        self.items.append(Problem(field, code, message or code.label))

    def has(self, field: str) -> bool:
        return any(p.field == field for p in self.items)

    def raise_any(self) -> None:
        if self.items:
            raise Invalid(self.items)


class ClientError(GraphQLError):
    code = "BAD_REQUEST"
    default_message = "请求无效"

    def __init__(self, message: str | None = None, code: str | None = None) -> None:
        self.code = code or self.code
        super().__init__(message or self.default_message, extensions={"code": self.code})


class Unauthenticated(ClientError):
    code = "UNAUTHENTICATED"
    default_message = "请先登录"


class Forbidden(ClientError):
    code = "FORBIDDEN"
    default_message = "没有权限进行此操作"


class NotFound(ClientError):
    code = "NOT_FOUND"
    default_message = "对象不存在或无权访问"


class RateLimited(ClientError):
    code = "RATE_LIMITED"

    def __init__(self, retry_after: int, message: str | None = None) -> None:
        super().__init__(message or f"操作过于频繁，请{retry_after}秒后再试")
        self.retry_after = retry_after
        self.extensions = {"code": self.code, "retryAfter": retry_after}
