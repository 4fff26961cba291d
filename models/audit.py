"""The audit trail: who did what to which object, when and why (B3)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum


class AuditAction(LabeledEnum):
    """What an audit row records. The value is the name the row stores (``account.login``); the
    GraphQL enum shows the member's name (``ACCOUNT_LOGIN``), and the label is the Chinese name.
    ``audit.record`` is called with the stored names; a test holds every name used to this list."""

    ACCOUNT_LOGIN = "account.login", "登录"
    ACCOUNT_LOGOUT = "account.logout", "退出登录"
    ACCOUNT_INITIAL_PASSWORD_CHANGED = "account.initial_password_changed", "修改初始密码"
    ACCOUNT_PASSWORD_CHANGED = "account.password_changed", "修改密码"
    ACCOUNT_PHONE_CHANGED = "account.phone_changed", "更换绑定手机号"
    REGISTRATION_START = "registration.start", "开始机构注册"
    REGISTRATION_REGISTRANT = "registration.registrant", "填写注册人信息"
    REGISTRATION_DRAFT = "registration.draft", "保存机构注册信息"
    REGISTRATION_COMPLETE = "registration.complete", "完成机构注册"
    INSTITUTION_UPDATE = "institution.update", "修改机构信息"
    SUB_USER_ADD = "sub_user.add", "新增子用户"
    SUB_USER_UPDATE = "sub_user.update", "修改子用户"
    SUB_USER_DISABLE = "sub_user.disable", "停用子用户"
    SUB_USER_ENABLE = "sub_user.enable", "启用子用户"
    SUB_USER_DELETE = "sub_user.delete", "删除子用户"
    SUB_USER_RESET_PASSWORD = "sub_user.reset_password", "重置子用户密码"
    GRANT_CREATE = "grant.create", "授权存储成果子类型"
    GRANT_REVOKE = "grant.revoke", "取消成果子类型授权"
    ACHIEVEMENT_STORE = "achievement.store", "存储机构成果"
    ACHIEVEMENT_DELETE = "achievement.delete", "删除机构成果"
    ACHIEVEMENT_RECOGNITION = "achievement.recognition", "变更成果认定状态"
    ACHIEVEMENT_EXPORT = "achievement.export", "导出机构成果"
    IMPORT_ACHIEVEMENTS = "import.achievements", "导入机构成果"
    IMPORT_LEARNER_ACHIEVEMENTS = "import.learner_achievements", "导入学员成果"
    IMPORT_LEARNERS = "import.learners", "导入学员"
    IMPORT_X_CERTIFICATE_SYNC = "import.x_certificate_sync", "X证书同步"
    LEARNER_ADD = "learner.add", "新增学员"
    LEARNER_UPDATE = "learner.update", "修改学员"
    LEARNER_DELETE = "learner.delete", "删除学员"
    LEARNER_EXPORT = "learner.export", "导出学员"
    LEARNER_REGISTER = "learner.register", "学员注册"
    LEARNER_ID_NUMBER_READ = "learner.id_number_read", "查看学员完整身份证号"
    LEARNER_ACHIEVEMENT_STORE = "learner_achievement.store", "存储学员成果"
    LEARNER_ACHIEVEMENT_WITHDRAW = "learner_achievement.withdraw", "撤回学员成果"
    LEARNER_ACHIEVEMENT_EXPORT = "learner_achievement.export", "导出学员成果"
    FEEDBACK_REPORT = "feedback.report", "学员反馈问题"
    FEEDBACK_HANDLE = "feedback.handle", "处理问题反馈"
    METHOD_UPLOAD = "method.upload", "上传转换办法"
    METHOD_UPDATE = "method.update", "修改转换办法"
    METHOD_PUBLISH = "method.publish", "发布转换办法"
    METHOD_REVOKE = "method.revoke", "撤销发布转换办法"
    METHOD_TAKE_DOWN = "method.take_down", "下架转换办法"
    METHOD_DELETE = "method.delete", "删除转换办法"
    RULE_CREATE = "rule.create", "新建转换规则"
    RULE_UPDATE = "rule.update", "修改转换规则"
    RULE_PUBLISH = "rule.publish", "发布转换规则"
    RULE_REVOKE = "rule.revoke", "撤销发布转换规则"
    RULE_TAKE_DOWN = "rule.take_down", "下架转换规则"
    RULE_DELETE = "rule.delete", "删除转换规则"
    APPLICATION_BATCH = "application.batch", "批量发起转换申请"
    APPLICATION_PERSONAL = "application.personal", "学员发起个人转换申请"
    APPLICATION_REVIEW = "application.review", "审核转换申请"
    APPLICATION_RE_REVIEW = "application.re_review", "申请复核"
    APPLICATION_EXPORT = "application.export", "导出转换记录"
    PARTNER_CREATE = "partner.create", "登记合作方"
    PARTNER_KEY_ISSUE = "partner.key.issue", "签发合作方密钥"
    PARTNER_KEY_REVOKE = "partner.key.revoke", "吊销合作方密钥"
    PARTNER_MANIFEST = "partner.manifest", "登记合作方操作清单"
    DIRECTORY_PROVINCE_CREATE = "directory.province_create", "新增省级教育部门"
    DIRECTORY_PROVINCE_UPDATE = "directory.province_update", "修改省级教育部门"
    DIRECTORY_PROVINCE_DELETE = "directory.province_delete", "删除省级教育部门"
    DIRECTORY_SCHOOL_CREATE = "directory.school_create", "新增院校"
    DIRECTORY_SCHOOL_UPDATE = "directory.school_update", "修改院校"
    DIRECTORY_SCHOOL_DELETE = "directory.school_delete", "删除院校"
    # A stored name this list does not know (a row older or newer than this code).
    OTHER = "other", "其他操作"

    @classmethod
    def of(cls, stored: str) -> AuditAction:
        try:
            return cls(stored)  # type: ignore[call-arg]  # a lookup by value, not a new member
        except ValueError:
            return cls.OTHER


class AuditLog(Model):
    id = fields.BigIntField(primary_key=True)
    actor_id = fields.IntField(null=True, db_index=True)
    institution_id = fields.IntField(null=True, db_index=True)
    action = fields.CharField(max_length=64, db_index=True)
    object_type = fields.CharField(max_length=32, default="")
    object_id = fields.CharField(max_length=64, default="")
    detail = fields.JSONField(default=dict)
    ip = fields.CharField(max_length=45, default="")
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "audit_log"
        # An institution's trail newest first (its main account's list): a page in index order.
        indexes = (("institution_id", "id"),)
