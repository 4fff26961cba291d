from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ref_discipline" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(4) NOT NULL UNIQUE,
    "name" VARCHAR(32) NOT NULL
) /* 学科门类 (degree catalogue) or 专业大类 (vocational catalogue), e.g. 02 经济学. */;
        CREATE TABLE IF NOT EXISTS "ref_graduation_conclusion" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(16) NOT NULL UNIQUE,
    "sort" INT NOT NULL
) /* 毕业结论, e.g. 毕业证书, 学位证书. */;
        CREATE TABLE IF NOT EXISTS "ref_level" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(16) NOT NULL UNIQUE,
    "sort" INT NOT NULL
) /* 层次, e.g. 高职, 本科, 硕士. */;
        CREATE TABLE IF NOT EXISTS "message" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "account_id" INT NOT NULL,
    "institution_id" INT,
    "kind" VARCHAR(24) NOT NULL /* APPLICATION_RECEIVED: APPLICATION_RECEIVED\nAPPLICATION_DECIDED: APPLICATION_DECIDED\nREVIEW_REQUESTED: REVIEW_REQUESTED\nFEEDBACK_RECEIVED: FEEDBACK_RECEIVED\nFEEDBACK_ANSWERED: FEEDBACK_ANSWERED\nIMPORT_FINISHED: IMPORT_FINISHED\nEXPORT_FINISHED: EXPORT_FINISHED\nRULE_TAKEN_DOWN: RULE_TAKEN_DOWN\nMETHOD_TAKEN_DOWN: METHOD_TAKEN_DOWN\nGRANT_CHANGED: GRANT_CHANGED\nPASSWORD_RESET: PASSWORD_RESET */,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "module" VARCHAR(32) NOT NULL,
    "object_id" VARCHAR(64) NOT NULL,
    "read_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_message_account_1d560b" ON "message" ("account_id", "read_at", "id");
CREATE INDEX IF NOT EXISTS "idx_message_account_c908d1" ON "message" ("account_id", "id");
        CREATE TABLE IF NOT EXISTS "rule_code_counter" (
    "day" VARCHAR(8) NOT NULL PRIMARY KEY,
    "last_number" INT NOT NULL
) /* The last rule code of a day: one row per day, incremented under a row lock (F9.4). */;
        CREATE TABLE IF NOT EXISTS "conversion_method" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "status" VARCHAR(12) NOT NULL /* UNSUBMITTED: UNSUBMITTED\nPUBLISHED: PUBLISHED\nUNPUBLISHED: UNPUBLISHED\nTAKEN_DOWN: TAKEN_DOWN */,
    "file_key" VARCHAR(200) NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "file_size" INT NOT NULL,
    "published_slot" INT UNIQUE,
    "published_at" TIMESTAMP,
    "pledged_by_id" INT NOT NULL,
    "pledged_at" TIMESTAMP NOT NULL,
    "taken_down_reason" VARCHAR(500) NOT NULL,
    "deleted_at" TIMESTAMP,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_conversion__institu_5506e9" ON "conversion_method" ("institution_id", "deleted_at", "status");
        CREATE TABLE IF NOT EXISTS "conversion_rule" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "rule_type" VARCHAR(28) NOT NULL /* NON_DEGREE_TO_DEGREE: NON_DEGREE_TO_DEGREE\nDEGREE_TO_NON_DEGREE: DEGREE_TO_NON_DEGREE\nDEGREE_TO_DEGREE: DEGREE_TO_DEGREE\nNON_DEGREE_TO_NON_DEGREE: NON_DEGREE_TO_NON_DEGREE */,
    "status" VARCHAR(12) NOT NULL /* UNSUBMITTED: UNSUBMITTED\nPUBLISHED: PUBLISHED\nUNPUBLISHED: UNPUBLISHED\nTAKEN_DOWN: TAKEN_DOWN */,
    "description" TEXT NOT NULL,
    "file_key" VARCHAR(200) NOT NULL,
    "file_name" VARCHAR(200) NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "target_credits" VARCHAR(40),
    "version" INT NOT NULL,
    "published_at" TIMESTAMP,
    "pledged_by_id" INT NOT NULL,
    "pledged_at" TIMESTAMP NOT NULL,
    "taken_down_reason" VARCHAR(500) NOT NULL,
    "taken_down_at" TIMESTAMP,
    "taken_down_by_id" INT,
    "created_by_id" INT NOT NULL,
    "deleted_at" TIMESTAMP,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_conversion__institu_5d7e2d" ON "conversion_rule" ("institution_id", "deleted_at", "status");
        CREATE TABLE IF NOT EXISTS "exempt_module" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "credits" VARCHAR(40) NOT NULL,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE CASCADE
) /* 免考模块 of a non-degree target certificate, with its credits. */;
        CREATE TABLE IF NOT EXISTS "import_job" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(24) NOT NULL /* ACHIEVEMENTS: ACHIEVEMENTS\nLEARNER_ACHIEVEMENTS: LEARNER_ACHIEVEMENTS\nLEARNERS: LEARNERS\nX_CERTIFICATE_SYNC: X_CERTIFICATE_SYNC */,
    "target" VARCHAR(64) NOT NULL,
    "operator_id" INT NOT NULL,
    "operator_name" VARCHAR(64) NOT NULL,
    "status" VARCHAR(8) NOT NULL /* RUNNING: RUNNING\nDONE: DONE\nFAILED: FAILED */,
    "source_name" VARCHAR(200) NOT NULL,
    "source_key" VARCHAR(200) NOT NULL,
    "rejected_key" VARCHAR(200) NOT NULL,
    "total_rows" INT NOT NULL,
    "imported_count" INT NOT NULL,
    "rejected_count" INT NOT NULL,
    "error" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "finished_at" TIMESTAMP,
    "institution_id" INT REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_import_job_institu_24e928" ON "import_job" ("institution_id", "kind", "created_at");
        CREATE TABLE IF NOT EXISTS "learner" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(32) NOT NULL,
    "id_number" VARCHAR(18) NOT NULL,
    "phone" VARCHAR(11) NOT NULL,
    "status" VARCHAR(8) NOT NULL /* INACTIVE: INACTIVE\nACTIVE: ACTIVE */,
    "account_id" INT,
    "activated_at" TIMESTAMP,
    "created_by_id" INT,
    "import_job_id" INT,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_learner_institu_a9c975" UNIQUE ("institution_id", "id_number")
);
CREATE INDEX IF NOT EXISTS "idx_learner_id_numb_699224" ON "learner" ("id_number");
CREATE INDEX IF NOT EXISTS "idx_learner_account_094432" ON "learner" ("account_id");
CREATE INDEX IF NOT EXISTS "idx_learner_institu_35d2ea" ON "learner" ("institution_id", "created_at", "id");
        CREATE TABLE IF NOT EXISTS "ref_major_class" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(6) NOT NULL UNIQUE,
    "name" VARCHAR(32) NOT NULL,
    "discipline_id" INT NOT NULL REFERENCES "ref_discipline" ("id") ON DELETE RESTRICT
) /* 专业类, e.g. 0201 经济学类. */;
        CREATE TABLE IF NOT EXISTS "ref_major" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(8) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "major_class_id" INT NOT NULL REFERENCES "ref_major_class" ("id") ON DELETE RESTRICT
) /* 专业 with its catalogue code, e.g. 020102 经济统计学, 410106 植物保护与检疫技术. */;
CREATE INDEX IF NOT EXISTS "idx_ref_major_name_6d5f7f" ON "ref_major" ("name");
        CREATE TABLE IF NOT EXISTS "achievement" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "category" VARCHAR(10) NOT NULL /* DEGREE: DEGREE\nNON_DEGREE: NON_DEGREE */,
    "subtype" VARCHAR(32) NOT NULL /* VOCATIONAL_DIPLOMA: VOCATIONAL_DIPLOMA\nHIGHER_EDUCATION_DIPLOMA: HIGHER_EDUCATION_DIPLOMA\nCONTINUING_EDUCATION_DIPLOMA: CONTINUING_EDUCATION_DIPLOMA\nVOCATIONAL_COURSE: VOCATIONAL_COURSE\nHIGHER_EDUCATION_COURSE: HIGHER_EDUCATION_COURSE\nCONTINUING_EDUCATION_COURSE: CONTINUING_EDUCATION_COURSE\nX_CERTIFICATE: X_CERTIFICATE\nSKILL_LEVEL_CERTIFICATE: SKILL_LEVEL_CERTIFICATE\nNATIONAL_QUALIFICATION: NATIONAL_QUALIFICATION\nOTHER_NON_DEGREE: OTHER_NON_DEGREE */,
    "name" VARCHAR(200) NOT NULL,
    "recognition_status" VARCHAR(12) NOT NULL /* UNRECOGNIZED: UNRECOGNIZED\nRECOGNIZING: RECOGNIZING\nRECOGNIZED: RECOGNIZED */,
    "issuer" VARCHAR(128) NOT NULL,
    "years" VARCHAR(40),
    "min_graduation_credits" VARCHAR(40),
    "valid_from" DATE,
    "course_name" VARCHAR(100) NOT NULL,
    "course_code" VARCHAR(32) NOT NULL,
    "original_hours" INT,
    "original_credits" VARCHAR(40),
    "certificate_name" VARCHAR(100) NOT NULL,
    "grade" VARCHAR(12) /* PRIMARY: PRIMARY\nINTERMEDIATE: INTERMEDIATE\nADVANCED: ADVANCED */,
    "external_id" VARCHAR(64) NOT NULL,
    "introduction" TEXT NOT NULL,
    "live_key" VARCHAR(255) NOT NULL,
    "stored_by_id" INT,
    "import_job_id" INT,
    "recognized_at" TIMESTAMP,
    "deleted_at" TIMESTAMP,
    "deleted_by_id" INT,
    "graduation_conclusion_id" INT REFERENCES "ref_graduation_conclusion" ("id") ON DELETE RESTRICT,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    "level_id" INT REFERENCES "ref_level" ("id") ON DELETE RESTRICT,
    "major_id" INT REFERENCES "ref_major" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_achievement_institu_0abbe8" UNIQUE ("institution_id", "live_key")
);
CREATE INDEX IF NOT EXISTS "idx_achievement_import__eeb3e4" ON "achievement" ("import_job_id");
CREATE INDEX IF NOT EXISTS "achievement_live_by_id" ON "achievement" ("institution_id", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX IF NOT EXISTS "achievement_live_by_subtype" ON "achievement" ("institution_id", "subtype", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX IF NOT EXISTS "achievement_live_by_category" ON "achievement" ("institution_id", "category", "id") WHERE "deleted_at" IS NULL;
        CREATE TABLE IF NOT EXISTS "learner_achievement" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "achievement_name" VARCHAR(200) NOT NULL,
    "category" VARCHAR(10) NOT NULL /* DEGREE: DEGREE\nNON_DEGREE: NON_DEGREE */,
    "subtype" VARCHAR(32) NOT NULL /* VOCATIONAL_DIPLOMA: VOCATIONAL_DIPLOMA\nHIGHER_EDUCATION_DIPLOMA: HIGHER_EDUCATION_DIPLOMA\nCONTINUING_EDUCATION_DIPLOMA: CONTINUING_EDUCATION_DIPLOMA\nVOCATIONAL_COURSE: VOCATIONAL_COURSE\nHIGHER_EDUCATION_COURSE: HIGHER_EDUCATION_COURSE\nCONTINUING_EDUCATION_COURSE: CONTINUING_EDUCATION_COURSE\nX_CERTIFICATE: X_CERTIFICATE\nSKILL_LEVEL_CERTIFICATE: SKILL_LEVEL_CERTIFICATE\nNATIONAL_QUALIFICATION: NATIONAL_QUALIFICATION\nOTHER_NON_DEGREE: OTHER_NON_DEGREE */,
    "personal_number" VARCHAR(64) NOT NULL,
    "issued_on" DATE NOT NULL,
    "score" VARCHAR(16) NOT NULL,
    "earned_credits" VARCHAR(40),
    "source" VARCHAR(24) NOT NULL /* INSTITUTION: INSTITUTION\nCREDIT_BANK: CREDIT_BANK\nOPEN_UNIVERSITY_BANK: OPEN_UNIVERSITY_BANK\nEDUCATION_COMMISSION: EDUCATION_COMMISSION */,
    "stored_by_id" INT,
    "import_job_id" INT,
    "live_key" VARCHAR(100) NOT NULL,
    "withdrawn_at" TIMESTAMP,
    "withdrawn_by_id" INT,
    "withdraw_reason" VARCHAR(500) NOT NULL,
    "withdraw_file_key" VARCHAR(200) NOT NULL,
    "withdraw_file_name" VARCHAR(200) NOT NULL,
    "achievement_id" INT NOT NULL REFERENCES "achievement" ("id") ON DELETE RESTRICT,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    "learner_id" INT NOT NULL REFERENCES "learner" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_learner_ach_learner_cb95a5" UNIQUE ("learner_id", "live_key")
) /* One achievement held by one learner. The achievement's name, category and subtype are */;
CREATE INDEX IF NOT EXISTS "idx_learner_ach_import__6ef9ff" ON "learner_achievement" ("import_job_id");
CREATE INDEX IF NOT EXISTS "learner_achievement_held_by_entry" ON "learner_achievement" ("institution_id", "created_at", "id") WHERE "withdrawn_at" IS NULL;
CREATE INDEX IF NOT EXISTS "learner_achievement_held_by_category" ON "learner_achievement" ("institution_id", "category", "created_at", "id") WHERE "withdrawn_at" IS NULL;
CREATE INDEX IF NOT EXISTS "idx_learner_ach_achieve_03d184" ON "learner_achievement" ("achievement_id", "withdrawn_at");
CREATE INDEX IF NOT EXISTS "idx_learner_ach_learner_578644" ON "learner_achievement" ("learner_id", "withdrawn_at");
        CREATE TABLE IF NOT EXISTS "feedback" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "account_id" INT NOT NULL,
    "content" VARCHAR(500) NOT NULL,
    "status" VARCHAR(10) NOT NULL /* UNRESOLVED: UNRESOLVED\nRESOLVED: RESOLVED\nREJECTED: REJECTED */,
    "reply" VARCHAR(500) NOT NULL,
    "handled_by_id" INT,
    "handled_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    "learner_achievement_id" INT NOT NULL REFERENCES "learner_achievement" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_feedback_account_2097cf" ON "feedback" ("account_id");
CREATE INDEX IF NOT EXISTS "idx_feedback_institu_6e0add" ON "feedback" ("institution_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_feedback_institu_2e67ec" ON "feedback" ("institution_id", "status", "created_at", "id");
        CREATE TABLE IF NOT EXISTS "rule_source" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "credits" VARCHAR(40) NOT NULL,
    "achievement_id" INT NOT NULL REFERENCES "achievement" ("id") ON DELETE RESTRICT,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_rule_source_rule_id_5dd887" UNIQUE ("rule_id", "achievement_id")
) /* A source achievement of a rule, of any institution, with its credit-bank credits. */;
        CREATE TABLE IF NOT EXISTS "rule_target" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(12) NOT NULL /* MAJOR: MAJOR\nCOURSE: COURSE\nCERTIFICATE: CERTIFICATE */,
    "achievement_id" INT NOT NULL REFERENCES "achievement" ("id") ON DELETE RESTRICT,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_rule_target_rule_id_529448" UNIQUE ("rule_id", "achievement_id")
) /* A target achievement of the publisher: majors (diplomas, optional) and courses (required) */;
        CREATE TABLE IF NOT EXISTS "rule_version" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" INT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "snapshot" JSON NOT NULL,
    "published_at" TIMESTAMP NOT NULL,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_rule_versio_rule_id_4ff2d4" UNIQUE ("rule_id", "number")
) /* A published version of a rule (B1): what was in force, kept for the applications made on */;
        CREATE TABLE IF NOT EXISTS "subtype_grant" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "subtype" VARCHAR(32) NOT NULL /* VOCATIONAL_DIPLOMA: VOCATIONAL_DIPLOMA\nHIGHER_EDUCATION_DIPLOMA: HIGHER_EDUCATION_DIPLOMA\nCONTINUING_EDUCATION_DIPLOMA: CONTINUING_EDUCATION_DIPLOMA\nVOCATIONAL_COURSE: VOCATIONAL_COURSE\nHIGHER_EDUCATION_COURSE: HIGHER_EDUCATION_COURSE\nCONTINUING_EDUCATION_COURSE: CONTINUING_EDUCATION_COURSE\nX_CERTIFICATE: X_CERTIFICATE\nSKILL_LEVEL_CERTIFICATE: SKILL_LEVEL_CERTIFICATE\nNATIONAL_QUALIFICATION: NATIONAL_QUALIFICATION\nOTHER_NON_DEGREE: OTHER_NON_DEGREE */,
    "granted_by_id" INT NOT NULL,
    "granted_at" TIMESTAMP NOT NULL,
    "revoked_by_id" INT,
    "revoked_at" TIMESTAMP,
    "live_key" VARCHAR(64) NOT NULL,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_subtype_gra_institu_492bd2" UNIQUE ("institution_id", "live_key")
) /* Bank staff's authorisation of an institution for a restricted subtype (F4.5). */;
        ALTER TABLE "institution" ADD "security_commitment_by_id" INT;
        ALTER TABLE "institution" ADD "security_commitment_at" TIMESTAMP;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "institution" DROP COLUMN "security_commitment_by_id";
        ALTER TABLE "institution" DROP COLUMN "security_commitment_at";
        DROP TABLE IF EXISTS "exempt_module";
        DROP TABLE IF EXISTS "conversion_method";
        DROP TABLE IF EXISTS "ref_graduation_conclusion";
        DROP TABLE IF EXISTS "ref_major";
        DROP TABLE IF EXISTS "ref_level";
        DROP TABLE IF EXISTS "rule_version";
        DROP TABLE IF EXISTS "subtype_grant";
        DROP TABLE IF EXISTS "import_job";
        DROP TABLE IF EXISTS "learner";
        DROP TABLE IF EXISTS "rule_source";
        DROP TABLE IF EXISTS "ref_major_class";
        DROP TABLE IF EXISTS "ref_discipline";
        DROP TABLE IF EXISTS "rule_target";
        DROP TABLE IF EXISTS "achievement";
        DROP TABLE IF EXISTS "rule_code_counter";
        DROP TABLE IF EXISTS "conversion_rule";
        DROP TABLE IF EXISTS "message";
        DROP TABLE IF EXISTS "feedback";
        DROP TABLE IF EXISTS "learner_achievement";"""


MODELS_STATE = (
    "eJztXWtzozi6/iuUv5zuqkwqdufWrlOnyrFJmmnHzthOuneHKQpjxaGDhZdLurO789+PxM"
    "UIEBgI2JjoS4IlvQIeIem96z+tlb4AmnncUxTdhlary/2nBeUVQBfRqiOuJa/XQQUusOS5"
    "5rSViUZz0zJkBff1KGsmQEULYCqGurZUHaJSaGsaLtQV1FCFy6DIhuq/bCBZ+hJYT8BAFX"
    "/+hYpVuAC/gOn/XD9LjyrQFqGHVRf43k65ZL2unTIBWtdOQ3y3uaTomr2CQeP1q/Wkw01r"
    "1X38JYDAkC2Au7cMGz8+fjrvRf03cp80aOI+IkGzAI+yrVnE686loKwlSaPxTJryM0lq5Q"
    "BI0SEGFz2q6bz9Ej/Cb5326cXp5afz00vUxHnMTcnF3+6tA2BcQgee0az1t1MvW7LbwsE4"
    "AFUxAEZCkq04uANUY6krQEc4TBlBeuGRHvsXUdx9lNOA9wsC5IOvbRfQoxdcjKH26g15Cs"
    "4z4Zafznq3d/h2K9P8l+bg15vxuKbjlL5GSj+cf8TlOppI7gTbdMJ9E2ZfOPyT++d4xDvw"
    "6qa1NJw7Bu1m/2zhZ5JtS5eg/lOSF8TX6Zf6qKGWwajb60XBUQ9TslGvy6j7GBHD7j09Me"
    "omMJzr2Jj3n2QjYbwJmshoI9SKjO9+l9OV/EvSAFxaT+jn+WnK6D70Jv0vvcmH89PIiI28"
    "mo5T9XcI4rVsmj91YyE9yeZTHpxjhOWAve/JFIK7c3aWAW/UKhFwpy6M+DN6NTrQPLRXDt"
    "gCeiYZKiAGuk9bZ6zRHj6dCbP7mTAeSb3BrTDqcrEiEZJF91N+Em6ES0SIlo/r6y7n/BPh"
    "kO9NRrihd9EqMqInWQb0JHk8T6LDiUbKss2iAxpQ725IW73+THjgWzmH1aXqcu5/EQ6Eae"
    "9qyA+6nH+FyvghP3OK3IsiQ9TOMkTt5CFqx4Yo7xZS7vaRaUhyDkbB9exTJwO0nzqJ0OKq"
    "yPaBAMqF7YagKnBjm/OOsG23s3y27eTPth3FFqxkVcuD7YagcR9uu3OZBd3OZTK8uC6M70"
    "pf2BqgLN2/T8cjOsIESVSSUBWL+y+nqWZMYi8N6/99tKGCgeTmtqpZKjSP8f3+r6oxSIEc"
    "QxQSInykP9z2vkcHoT8cX0WlA9zBVXRAbNOSlCcZLoHks5fx0bnSdQ3IMGGAErqIjNYc9V"
    "HVMG1KdjsiV+PxMDQiV8IsMg73t1c8miXO8KBGquVqpDyVC8HSvCJWZSE9Gvoqz/ITIWvc"
    "IlT+7vmI1muEmKYv0VzOoSuM0W1XG5aF9UlVUJeiNoxB+xO9i/5TQmy2kVtzlNBFCSokj0"
    "epi9B7uBqjuKJQ05VnNGg2tGi8U/qAR2nZSNd5pDcKKHe7L6IbTuiCjXudx30BNFDMFBCm"
    "ZKNc51FGjI2lWjaGQMpnR40RFmKOaja0ZbBH2E79+Ew1qhKgxaG+1g2gLuFX8BrTZUag9a"
    "zzQri3w0L6b/+D8kuDRzTknxsrP+U7QxfuCoOrJ2gGTIQ+wh3DPpeV558y2mgS8DeBaaKO"
    "KDLAlUd5/XUCNNmHlI771O2lPqaAN4PugKd3dAK0EJzxqlVnFS2Robx0XgnfG99p40TypI"
    "IXsAJJPiZB9VG6n0m4Yam+Jn9G56amvgDpGby2/oq4ofynFbw35etEfzEB+LU2/I/NA8h/"
    "b+I9JOcu81eP1v/OWk4H6O3wD+7bF37CcyKxrYotTphyo/vhsOUs5qkPZNpzp9/Cz0Z0UM"
    "kDKmj+LHXjtfgTkj0UeUTmWcQ8i2qxPh+ojwnzLHqPo57Fs4hcmYvY7Un6WjtjDPibCc9j"
    "gzz+L8LReCT5ZcF1K9v3ULGdntjQC/lSBOS1HpKHcb+HnVx6Q2kg3A3Ht70uFy8T4RfhBn"
    "EHEj+4d+uC1kk1IuyPRzNhdC+Mbmh0abUiJJ6hP76fTPnQY7lFlKfy2yZUJDyTT5VSKcLv"
    "Up+fzIRrAZWjtqGfIpx+FYZDacg/8MNwu4QK9PH7L/PHfW/olqLfaCJQy0U4nuE3IqdMtK"
    "TIxCnfjlR/B5fdueydZPPwSnPxii1MBlD0JVQd2eBt/l70nnZoKr0fTfj++GYk/NPzzsqx"
    "cJG0XY78JUL/Gk3kLkf8CGowTeTeub1AMjmBpPiARAdWNU0bGHmmTkDRwMlTiZvNK5ANyn"
    "wZAEVdyRod5Q1NlKt2iY494oPVLtLgHfB94bY3/PDpKOqh4QN/GluYViqUloa8sB3NoITk"
    "0IVq5QU7uZN3iP55DvRfZE1NcpPBoiMd7jBVmtjYLIARBxbBT9FtwwRSXu4lQtY4P6N2Jh"
    "amncLCtOMsjAeaoi+KYO2TNQ7r8nlx3VCXKpQ16QlDl0NNGydkhsu4X9cGpWJ7HY2c7XKp"
    "u5wCDEt9VLHGK/9STaFt3BpSyXqNGbLCmrANcSGsd/M5t+4m6FOc/KPLeRc4JGzGT275ge"
    "BocchfIuwNHnqjPpYh/at6SJDgl4XjTTWqk0pKqEaYrHFzovxAVXQfQ1/YCt1HZYYATfIH"
    "CtM1AOo0Owz/fRYywcTiMjZmmOF4dOM3jwZrhKHfuBzk+MBJmgZqSiqJDDYtHXElgdtFRs"
    "YxSsbYxjjbqK7WumFJP/R5Tm/CKF1F4B6eH0VMO/7vQkb0GDFzy62P2Zw5X7/vUc67E8Xo"
    "2FYUXy5JVbsOFc02c/u4p3XBIKfs/nsOJqgdL1syvhp4AXQJOBFZkoR9snFIV/IP3cgHKU"
    "nCIK11zEvdFoTSg15iq0MJEA/9fg7rM86KLbkiZkDVme0loHrr99NMVMlFMQOqVM6qBJRv"
    "Nv32Q902E/Q0/vQNUXIakA0El0SE2rwxYm7o9hgJ9WrI4h1W0tgakEzdNhRaxqM8mE1QT1"
    "Ono0ZjZcnGErz1+8JYzZyOmoRVpUGZ9kK1hvqyRYvI9OuOUsMxcSucG8dpVpvE31fq8r1E"
    "6H3udD59uuicfDq/PDu9uDi7PNmw7vGqNB7+SrjBbPwRqQfbHseHhjuv6ESSMA1/7fQnzU"
    "ZXTrBpJxtX5cqt2U1Kca3PfwDFkpJDyxJcxcJkDfAbqNz10UUsnydMiKhxIJf/NS+ARU0L"
    "m5y0NKCoR85SfNvG5CxV13k+drd1477y0yzOMKfJvjCnMVeYw8rFsNPd8jCD8pNSMcQU9M"
    "mKoCrFzr4OX4CB1VS3SNrTw+JcUpujNDFU2bSWVkHzKsXRWKqgsMuFF276F0sqw5LK1EK/"
    "1LCVjCWVafKoU/ymYnpjloah2piYAzxq5350d381FKZfimRbmN5f3QqzmZtsYfNDhJsuu9"
    "zmUoTErXB7ombW+8qPpMH426jLBdetIsNaevzMo6rlji0gaRo4dypJYeJglneBChExpHMg"
    "bar/piCdfKADScNcDClK8rU911TzCXFGpqZTuKpEaOOEpZggGiC00MAtkEM/Qss8++vDoc"
    "YFk7UGFssCnv0xOrZI0eaRh1KBWRSibKDY16RJZMnPAEoL/SeUkDBr5rPdUokbZxE4y8RZ"
    "naVwVmdxzooFn72H2bVvZ5O6rZwsDGLvHo9H5Z/9sRtjFvY/baWaspwWRxkNWYbfmJmxmB"
    "mLmbEO2qDBzFjvcdSzmLHy54gsMznkfpfRiq0dbmRJoiNqhvzhZAd11si3ghz50mxMOXIi"
    "KBVhUELm2qeVkm3j7eKHXET7TKopYgzLlCw7JVd2PFX2QRo4N4ZJZuCkTXnypWMDm5y2Lk"
    "LWAAVR2g5ZRda6w7Es70gn9+7tyoeMcw1yzdeNBU8BmZJs3oXC0vPD59K850T9bix0wZTb"
    "cWKWcLubeqyEq23LocUiKHan8j6pajFlzg31+HZrrrdgzg3MuaEmUDdpEjHnhv04NxDQ5Z"
    "9hMWK2UR3IHMu7V9FIWbLH+G7lmx3z4hujY7wABV3mifUelinmicU8sZrviRVyjrK1t6ZH"
    "5H+B1dq6dbpqEPBhOyXLI5kFJpZCMhNMnvayBJweAj1oU4Cq0k90oJqKutZUCFoUH1Gi9i"
    "jNP9QAj9Ii3Habe2hLtM/m5+eiffF50Rbtz2fgEl0rF3PuwwIgDgZwimzJmr60wUdONzjR"
    "PgXtT85fGZF+7lz4zV90xfkuZI0gOeLA8fKYO+kgwgugPIr2+eIUuPc8bkXGY9/PUnKaUe"
    "bp+lZPV+b95iX1ypLTKzmlV1S/xZJjlJx5MUfmrOixIoomm+Zb+Tfn4IA+7ukAB2Qv+21I"
    "NKDsuFHRIXnPBU5LaRU0zbLltk8Xon15coJ2r3O5gza7s4uzC05/5GQO6vA3b7tzuVaOOL"
    "r5iPupWk+capmcZ8Wn7qIld882xnptjGwBJwxAmew/KeYfSr7LAq41ZfrU1A3xkp1qHMf5"
    "XOsCQcG0l9u1l35s4BvVlvHIxAODOavmkvi8QirLfm/a7w34fcWOXgOwwD3R+JNNXSpv8k"
    "i22mmgaDjUEGGLCGKNgiiJeHPGUOySoZAVRbchPV98ykkdJFFVC/PhwUwqMKDlHWSVXYex"
    "IWkkt1aBu85BhmpN+Ol4+FAkUsunxIFX/rUIg1Ky7He+P3PL3KuorJhlzNrZ0oemZA+NMY"
    "BgreWKBdoQMP+1LBPiSYYLrYDDTYyOeTPF13QfpPz+NmFK5m9TZ38blmQjeUIdZrqFLEk2"
    "mJdV1YfTx06NzXtUfVIHDG/m1VZgs6rqmPXYZ1oC4I0+ITmKe/JMr1V+N+ph4hR9XdKh4+"
    "m+PIlHoGexMZ7PF2e+b8wFWHwS7cv5XPacYMLVl3Olja/Pz4843wfn9NGxIW5qaHbGKm7B"
    "bI31Ug3u19ZYIyec9nkWPUiUeyX0IOcxxZVu5Emf7zdnceVUPieLzw2xm7zR5SbfLlxPSX"
    "23LjfCao0+4N/1OW1/DCpTN0XVaSb98Nrt1KT1jCojtipmpdrpVuSPQBE1v09bZ6NKq9f/"
    "IvAP/C0/mk27HPlLhEO+NxnxEynchla6aRvUo7LvUp+fzIRrod+b8dL0H6N+l4uXFTEQdL"
    "K4p3aS/VM7MQdVaxNkkZXrCCgaZyKo4BT2NcZCN/LpXiJUTOFCUXBtMMrLNccI2We89TM+"
    "QLvv5H40EkY3eY2+HlmX8y5EOBiPcLpV9FeE1z1hiI287v8iK3iW7KnJyVPjuVOdUMLccy"
    "BC1rgZUEkyQg+0nMk1w1QM6SxIG+AHUDDjnxPrKB1DOwvalm7JmmToPykLfHJGlhAR05NE"
    "2RNXfEafouO4l0dCjREycKPgbuZ5XnDjhAzcKLjAMHQjz6q7IWjccluJyxjzd0lGv7n+Lo"
    "8qLJqONULKvNnq7M22b7+mmg1tg91saoZ06V42+/HyIMeAZrwKD1GK+SrSsEr7FTNN7TRV"
    "CeOf3iH/xA7la9qoU9ipWJI0AyxV/KrObmVaYF3UBEHtaJfWCP5GQBtrbzTLbZDYUOLYMv"
    "9ahMJoOhNm9zNhPJKE0fW4y0VLRNgf394N+Rnf5fyrIiaL8r2x3NEARqH5HCNmAlF9ZnB8"
    "4fZnHrQkIvuNO1pvnMwJXe50Wk+FAT+aSULu6FKC1AkkDfVTkxnqQJzXtkghbZxisJxcZg"
    "mAqwsJTYE5yKWETaJvHPTtLBb0drIJvR2zobv5hKTcKRDDZAzorUCbypOuaylLf4IFPUzW"
    "OKDLX0w0sMTGWbBG+ziAFuJ6X3IhnkTPoN8KPU4qIiv5d80oHYM6M9RrBFQhrDeEjQO73c"
    "6ydreT1+52EthgJataEbA3hM0DO9OR6O2UM9Hb8UPRsRiWlyMhaRqHchYRJ1nCiQk4SIJF"
    "m1uCSysdXoKkcehW4lg2t00VIsQkU9HzsXxxysYhXolvCbqVoS9shW4QnYFficbnMF0D0E"
    "7TofHfZyH1mY/ph9ve948hFdpwPLrxmxNj0B+Or6ILyotsyUZej9UwVQNg34UfNlBsQ7Ve"
    "EYyrlWo5+Qry5t9K7YM5XsS9AmmA5dfdJ/fClPh1VuJ7Kph8U4ykKcfN9uD9GgpG0jveym"
    "+Oot/4PB/kPEo/TWtf2Qbq5guQCSxlk21cWgGEweKNkAXZy2+d7t4Bbsbbj0xsbM73sN+z"
    "lxf9jWCRSdibCFOQbeONQIWyezRwofeSlb0RJS+/W1O/JkpGt3IAewebo2nP8bvjhHBvRm"
    "3q9nWDu2oSXnEH8KioEMdtDMFMR38y+uJPN90clJCQ1Qs/JBxlccB/k1O9v9xRHOqJlTDZ"
    "mV4jGpXqSB/L/BT4rvy1LUkUO8iE+eHXdOE8UI9s5of/Hkc9ix8+OwWxQj+WQv6eO3Hy3G"
    "MG2NKdD3N7CTHvoERwY95BB5gfTBj1+jPhgc8J+YYOx9u4VyL0S4ge95sWbF+HzG3XKB0e"
    "B0yiaqkvBbmfKC2zd9aH3Ylzub6EktetIEbHXAmSUmNhXXfODBlROgYuBVx2rtJ7SUBSN6"
    "h3mIGkCsN/s00cVeZsoSCXrGmO4LtV6Rw92Wn7eTxjCDiCiHtCL8HNXzkkznFep8fc7CnU"
    "6H9MDj/uEYcjiZe68crJcMF5tiBONkCUqa/mLiJU9LUKFpwKuQ/kp81BdGVwypMMl4j++v"
    "T4/CNn6pymmqjyUdUsVPtTRd+1bXEy90NXYdIRP3+S6nxNfXFz00bV7f9pBYNPmbG0Q8db"
    "4BcOGMMeDZtvJu04OowY5pTQteG4v/oTsuX0hUYZ/+C+feEnPCe28Nst0EIC0U3FFidMud"
    "H9cOieBpb+rB7YZT832W/RR/+zFfm8yabuSe7EaIUrmbmDmTtqsekcqOKbmTve46hnMXeQ"
    "q31e0weNtoFmkEoiO8gdtYgimaSvM+atAX8z4fGpEs5/EY7GI8kvC66LKJLbWYalnTwq7X"
    "i4jcueFlbuB+S1HpKHcb+HU2f1htJAuBuOb3tdLl4mwi/CDeLqJH5w79YFrZNqcB6u0UwY"
    "3QujGxpdWq0IiWfoj+8nUz70WG4R5an8tgkVCc/kU6VURo63ipxsJcLpV2E4lIb8Az8Mt0"
    "uoQB+//zJ/3PeGbin6jSYCtVyE4xl+I3LKREuKTJzy7bprYJg6lLUC1l0KaZ0nT8E9pPxz"
    "ilTTtBHPRVPGYW4tQQIiidIYtQMEPAVgzGjFEvToRs7UPB5B82zkpadUc8T4heSmjaLoKg"
    "dAUVeyRgc6Thz9UF3qY6+XwzOEpH2pfF+47Q0/nB+5PglIUlBdXbE/EKcJhzUVZlo21Dv1"
    "SNjk78z5jZOkoTygaJuf8ANhJl31Rl/Rth78QNvoHT+S7kfCAz+ZCrN/eE1opSIkmYDbW2"
    "E6dW5EKy2y9ZZ/qqVp6UYB822UjBkYD896e3g6RyJux9fG59iCSZoG8ojtTHqGdoqeoR3X"
    "M4T06FROMVmvF6Vljjz1UeTF9bfBaOXdCyiUbDuIL1k+TJIBZJMmdyWvXBTSxokRlWR52g"
    "D3qGq59wsqceNwr0Q9HYYur2GATs2Qz4I8aVTJ6dMcJWRebcxrcPeMvedGkgvbMBHDlXlj"
    "5oG6dG9MyvdcAsjNy8QRBTg8jTOAG/EIeyPAzfRnjYIc3+ff4FPMchbtyY34BWgtqucwrj"
    "hKcxY2wCNiQf1mW12ERftMOe2I9vm80z7iwPHymBPtz/LiUrQvT06VI/Tr/KKjiPbF50Ub"
    "/7q4PDtDRJdgfhzVcL+5M3bAZL08Pfcb7L5faCu2gZq6QdnTku0xXvPd8b4nNf5mY4zvbu"
    "Nj8jESNVN77mVDu5V/6NSkS27F1g1ttWmWYUM7Be1Pzl/ZiQPhVMvEYSaypi9twOFjIby9"
    "6aRz0j7p4G0IKI9oa1qcAny9QNeXc7mNNqb5+fkRd9pGzc7x3vX5ZIEadM4/o+4fF+j6vC"
    "Of4ludIMLzS+UE1Z7Jc1x+eeLsdY+0TbJ+D8g23nptvLlPYCv1rJMabbwlZ4OoW/ae/QFb"
    "vsehs0ZLiiabZj7tXpyQafi2a/gI1ErQjTj7cN/v7MCQzqoaiX9otQi3ZuxkIXbS/VqTeM"
    "rNt5yBsQxmUT72EjFTysWc4NUinBrmztw26Vxgzn4Ys8aYtbpAW+XBdHVj1vbo+1d+SM5C"
    "NRV1rakQ5GPWYnSMV9vOqwWglcCqDUKdHRjQWVm12Gf2Bk7N2ePfyKNt9FQNwbta9gyYpu"
    "zMqDhv5lWlMmYrolGpSdYjbNKfkUSPOIw/lA8l2iB3avUrdfle2KvPnc6nTxedk0/nl2en"
    "FxdnlyebRTRelbaaXgk3eEEN7WTbmbB95fms24Rvmj9czcTdsuF9Ru9B53G3h+b5tHXmd1"
    "u9u7uhF68uTfg+Lzzwgy5HKxUhWYojHQfRpl6hCCf8g8B/Q6R/3CNWADeLlojwmucHV73+"
    "V+K2sSKiVW80/cZPQq38IhEKt3fjyUy6FkbC9AtuEykQIf890iJSgJ75fshLs95XHr3H+N"
    "sIPXK4QIS3/OzLeBBqEysS4c2kN5pJiK8f3eD7hH6K8K43nX4bTwboFdGQdLnw76gaIpMb"
    "c+kxiWhd0HJJdhuCOn/qdfISn+sLSihE8qnXfvsG+OCnxWxVcdo14l/tfF9zQNEAuKvWU+"
    "jzH0Chs3XJCIeIGgdy+aY7QvDJEwBKkLHYzzrHfrKMjclT6zBz9yVlbMzhGVelBmhsW3Mk"
    "WS9SNEHRJkdpGiHdayztSjXELGg7taA9yRACylGZGZMdBuR1FhBa09tpl0N/kKTXE4ZIuE"
    "N/i0hkWfb/5O2fsvsr6lqlxtgks1ghoua5R7U7mY7d6qScu9WJeZ+ZtsOX5oGZIGkcH/tO"
    "Jd898axVyL6Hd9hZgVX7K38363L4rwjv+NFAGN10Oe9ChFN+hGrxXxFeo/XcUSA6/4us7G"
    "UffmZZYLWm+aclm0QIEhZsEotel01LAoah58phGqZq3DpeSWYXJrImo98skTW0oeCo5fxD"
    "TpAxRVTdFFE1UUnc4UNspwAuppputSgKiXCDozR1hHMgroS+uoVk+o0zHcZk6D+5NTA4pw"
    "P0pT0BDn+UnP7oBIHhjcKL/zJ1zvqpc6hL9G1w+FY4RgxC3eLmuvXErWXTjHsVV3SPN+hL"
    "9n3YcI3cY8s6bDhZj+IwGgXX0ChtAzdOtpKWs5Ia+ouKBTraIurXpa+fZKsMIRcXFydtHB"
    "IhX4j2+dnZZ5xOYt4R7c8n4BL9PQOXtACLjFRMGVwzZTDj/N8h58+OF2vaqFO2sdjxYizB"
    "TGU+HSwqrbyotByMF3mEzJOua2+MO5k6nRzgorWXwJOJrYE+uuxjr35ATTgTbZLKpxqosY"
    "QnhqQQzbcyrPisY0fMxvSOrI2Fb5lbyK9d51RkX0RHBUccYoQNJ/gbLDgbDZaBWuIGmq48"
    "cx+uPx+ffoxzt9Xc4g2sMLpPntXGa964xaYUA84WAT/pELXk9LlhKmbWyZlDrOola+qesZ"
    "SwWk03JzBtWaiCo5q2L1E9zm0dOrjdWUFwV0fOJXzliCCeIyJXlXP21m9zGT571xRVZCV3"
    "oB7ibnje1GS22Ogh7kyE37EIX+BktzKPdKspO0SDs8iZbuwUgGrt/M56mgtYgoIhuj0jgk"
    "GNmcmdC6GvwxdgmOjdJl6HBwZz1nwIxOcVyoTQ7037vQHP0qa/FeAS0qZXzSbOZAOxPUls"
    "ole7nU20goYZ2ES3dZSJw0bltT3XVBNxYV3OzbDBfVioa01fySbi7pwuZO0jYvIWSD61DR"
    "OgBgb4l62ibf4jhV2s6E4ifNSRGAyWBgDePTCV4fSMJWUFGJb6qCrom3b5U6jD30LtGetZ"
    "r30ljfVsfED9be/38QTHDqB/+Ox6/5h67yx78px54kd0vmXzgc/kAp/iAc/YVsa2Hh6ijG"
    "1lbOuhAHwAbOuD+6Un8a1+9XbG9YVomYFz9bnGBecRBtpH7sNV+2OX+/kkW9xP2eRUyCEm"
    "UUHdPIO1ha8d7hA9j4b5QkRrIs4T21gghXGt5kYiVC0ODS3k5EcLuO2cLlWTM8CL/gwWRx"
    "xWmKH7Ys43eAp5iT6Y7TyrZxBg7OpeT9jJa8vZhxmn9vgGeL7ImorWN0NfUZTPCBY6qGGq"
    "NBeiA4Q4TfWMJQMagJaeHz6X5o3gHU7sBQU7E8pr80mncC+/T8ejhNAVgiaKnapY3H85tK"
    "of4sxOgQ6jgXtOjkWNhp0ehT3PcAfRWNTN/lfAhTBKy5wI6+JEmMV1lEm9TOqtlVCWJPXu"
    "WxrznAkpgljgZpgsg5lBmwwhG5/Pz/FBoJf4IFB1gcRTFT3kgpu/Ov4d7ZPfFuoSCThkQ/"
    "z35AIfbabg4y4uT9q0qI7yOmaBH/WShVjgx3vcvVngR9NGvf6BH/se1+pTTbHoDx/dLLlJ"
    "2smpSdox3zuXD3IhyoFwhKxxWWDKT/1r2mtgvKgmegYJvXHOvGlx2sZBXsnK4cdm55OoI1"
    "RMqt4uVZNB8G+UrMmo+wMDOatMHfnAqpWrqcefxMfJD+QbQzDT0Z/t4XxCuLuDVIbTQ/ry"
    "qCGAmWQQ9quOUhURRKMMdmBNX6rQy4OjPwOI9QRAe8R2VAhegMGZFppviyNOR5y2o0SYfu"
    "n91jk75xbqEpgWLbSllD6Z/qFe+gdnJCV3gPLwGlG6xvHQFQSnM1VPw4T+LKoe8Gutot4K"
    "jHqYsoGjfiCjTFHtUOxxrndSoQNFSEqWyrHOo6yu8+yRbuvGSeCnZxl2xtOz5Fz8Z9Gd0T"
    "aBISG+OV82/jBV42CuJFM8OzF0J2oOD7EStBy9oKcDgzi7Nzf5ddE95vfkOmDP8WjcGDKk"
    "RiCG6o9SpXe3pbTcNN0qw1/hNBDo63h8/B+TQ5vSk26opqNpcbNIkEkkHJ9qmUMbHRoSBT"
    "tHezfkPlyfHp9RUumU3jvV6zqiSNLUFyA9g1fmfr1Xkd8bPfpWm+EEi4C8zobJ1sPYPUC3"
    "N5QGwt1wfNvrcvEyEX4Rbr7wE4kf3PsH7vqtk2pwBOJoJozuhdENjS6tVoTEM/iBjLEiyl"
    "P5bRMqEp4pCJVMrBThdykUQRn6KcLpV2E4lIb8Az8Mt0uoEOHIf5k/7ntDtxT97nL0chGO"
    "Z/iNRs5ZxzcTHnUdLYmuX/uxzTmrN5LU5q/5+KcYHWOhKFEMPkr5JegwZQMVJQ1Wj/naj7"
    "xzKkZXaE7VTFVSemg0U0q9A6XUhq2mMnT08SVp6szF1cZ4Q4gy+RaqOCHb/bcrUFJdEHIr"
    "UfJ5INQN6qyKlPiXVqtAjAdguBmH0PPhZMQtikYl1uYoTavyQrSWfGfOSk9I/pM4qcc20E"
    "LuXBLm2b+YKmOXqox9H7S070W4kqOWyPDSzTdeRFNEkNcZbrQy3gjTGT/pcv6VCBEkoxte"
    "uutNp9/Gk0GXixQELb4gti6oxr9EyH+/G09mXc79L8Ih35uM+IkU3ClaUkTD0clmIEqxD9"
    "E86As4A0XI6jzYtWEomV/INoanEcLZo6xqDmuQ+1BiCiVLYh/VcODu7VUxp7owKdNx1Hka"
    "Md/J5CnVLOVwTCmwH2m1h2RL5alFkVG9mqM0yVQO2lQpjjJhc5fCJpGKLytjTJA0kCnunG"
    "XxBEStkiWQs5gvIJ5UORD2mjcQ3XYm/792iv9fO+7/h+5oUd0sk5N1ESQsV1fOXF173cz+"
    "/n8oMAlR"
)
