from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ref_discipline" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(4) NOT NULL UNIQUE,
    "name" VARCHAR(32) NOT NULL
);
COMMENT ON TABLE "ref_discipline" IS '学科门类 (degree catalogue) or 专业大类 (vocational catalogue), e.g. 02 经济学.';
        CREATE TABLE IF NOT EXISTS "ref_graduation_conclusion" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(16) NOT NULL UNIQUE,
    "sort" INT NOT NULL
);
COMMENT ON TABLE "ref_graduation_conclusion" IS '毕业结论, e.g. 毕业证书, 学位证书.';
        CREATE TABLE IF NOT EXISTS "ref_level" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(16) NOT NULL UNIQUE,
    "sort" INT NOT NULL
);
COMMENT ON TABLE "ref_level" IS '层次, e.g. 高职, 本科, 硕士.';
        CREATE TABLE IF NOT EXISTS "conversion_rule" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "rule_type" VARCHAR(28) NOT NULL,
    "status" VARCHAR(12) NOT NULL,
    "deleted_at" TIMESTAMPTZ,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_conversion__institu_5d7e2d" ON "conversion_rule" ("institution_id", "deleted_at", "status");
COMMENT ON COLUMN "conversion_rule"."rule_type" IS 'NON_DEGREE_TO_DEGREE: NON_DEGREE_TO_DEGREE\nDEGREE_TO_NON_DEGREE: DEGREE_TO_NON_DEGREE\nDEGREE_TO_DEGREE: DEGREE_TO_DEGREE\nNON_DEGREE_TO_NON_DEGREE: NON_DEGREE_TO_NON_DEGREE';
COMMENT ON COLUMN "conversion_rule"."status" IS 'UNSUBMITTED: UNSUBMITTED\nPUBLISHED: PUBLISHED\nUNPUBLISHED: UNPUBLISHED\nTAKEN_DOWN: TAKEN_DOWN';
        CREATE TABLE IF NOT EXISTS "import_job" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(24) NOT NULL,
    "target" VARCHAR(64) NOT NULL,
    "operator_id" INT NOT NULL,
    "operator_name" VARCHAR(64) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "source_name" VARCHAR(200) NOT NULL,
    "source_key" VARCHAR(200) NOT NULL,
    "rejected_key" VARCHAR(200) NOT NULL,
    "total_rows" INT NOT NULL,
    "imported_count" INT NOT NULL,
    "rejected_count" INT NOT NULL,
    "error" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "institution_id" INT REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_import_job_institu_24e928" ON "import_job" ("institution_id", "kind", "created_at");
COMMENT ON COLUMN "import_job"."kind" IS 'ACHIEVEMENTS: ACHIEVEMENTS\nLEARNER_ACHIEVEMENTS: LEARNER_ACHIEVEMENTS\nLEARNERS: LEARNERS\nX_CERTIFICATE_SYNC: X_CERTIFICATE_SYNC';
COMMENT ON COLUMN "import_job"."status" IS 'RUNNING: RUNNING\nDONE: DONE\nFAILED: FAILED';
        CREATE TABLE IF NOT EXISTS "learner" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(32) NOT NULL,
    "id_number" VARCHAR(18) NOT NULL,
    "phone" VARCHAR(11) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "account_id" INT,
    "activated_at" TIMESTAMPTZ,
    "created_by_id" INT,
    "import_job_id" INT,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_learner_institu_a9c975" UNIQUE ("institution_id", "id_number")
);
CREATE INDEX IF NOT EXISTS "idx_learner_id_numb_699224" ON "learner" ("id_number");
CREATE INDEX IF NOT EXISTS "idx_learner_account_094432" ON "learner" ("account_id");
CREATE INDEX IF NOT EXISTS "idx_learner_institu_35d2ea" ON "learner" ("institution_id", "created_at", "id");
COMMENT ON COLUMN "learner"."status" IS 'INACTIVE: INACTIVE\nACTIVE: ACTIVE';
        CREATE TABLE IF NOT EXISTS "ref_major_class" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(6) NOT NULL UNIQUE,
    "name" VARCHAR(32) NOT NULL,
    "discipline_id" INT NOT NULL REFERENCES "ref_discipline" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "ref_major_class" IS '专业类, e.g. 0201 经济学类.';
        CREATE TABLE IF NOT EXISTS "ref_major" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(8) NOT NULL UNIQUE,
    "name" VARCHAR(64) NOT NULL,
    "major_class_id" INT NOT NULL REFERENCES "ref_major_class" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_ref_major_name_6d5f7f" ON "ref_major" ("name");
COMMENT ON TABLE "ref_major" IS '专业 with its catalogue code, e.g. 020102 经济统计学, 410106 植物保护与检疫技术.';
        CREATE TABLE IF NOT EXISTS "achievement" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "category" VARCHAR(10) NOT NULL,
    "subtype" VARCHAR(32) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "recognition_status" VARCHAR(12) NOT NULL,
    "issuer" VARCHAR(128) NOT NULL,
    "years" DECIMAL(3,1),
    "min_graduation_credits" DECIMAL(6,1),
    "valid_from" DATE,
    "course_name" VARCHAR(100) NOT NULL,
    "course_code" VARCHAR(32) NOT NULL,
    "original_hours" INT,
    "original_credits" DECIMAL(6,1),
    "certificate_name" VARCHAR(100) NOT NULL,
    "grade" VARCHAR(12),
    "external_id" VARCHAR(64) NOT NULL,
    "introduction" TEXT NOT NULL,
    "live_key" VARCHAR(255) NOT NULL,
    "stored_by_id" INT,
    "import_job_id" INT,
    "recognized_at" TIMESTAMPTZ,
    "deleted_at" TIMESTAMPTZ,
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
COMMENT ON COLUMN "achievement"."category" IS 'DEGREE: DEGREE\nNON_DEGREE: NON_DEGREE';
COMMENT ON COLUMN "achievement"."subtype" IS 'VOCATIONAL_DIPLOMA: VOCATIONAL_DIPLOMA\nHIGHER_EDUCATION_DIPLOMA: HIGHER_EDUCATION_DIPLOMA\nCONTINUING_EDUCATION_DIPLOMA: CONTINUING_EDUCATION_DIPLOMA\nVOCATIONAL_COURSE: VOCATIONAL_COURSE\nHIGHER_EDUCATION_COURSE: HIGHER_EDUCATION_COURSE\nCONTINUING_EDUCATION_COURSE: CONTINUING_EDUCATION_COURSE\nX_CERTIFICATE: X_CERTIFICATE\nSKILL_LEVEL_CERTIFICATE: SKILL_LEVEL_CERTIFICATE\nNATIONAL_QUALIFICATION: NATIONAL_QUALIFICATION\nOTHER_NON_DEGREE: OTHER_NON_DEGREE';
COMMENT ON COLUMN "achievement"."recognition_status" IS 'UNRECOGNIZED: UNRECOGNIZED\nRECOGNIZING: RECOGNIZING\nRECOGNIZED: RECOGNIZED';
COMMENT ON COLUMN "achievement"."grade" IS 'PRIMARY: PRIMARY\nINTERMEDIATE: INTERMEDIATE\nADVANCED: ADVANCED';
        CREATE TABLE IF NOT EXISTS "learner_achievement" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "achievement_name" VARCHAR(200) NOT NULL,
    "category" VARCHAR(10) NOT NULL,
    "subtype" VARCHAR(32) NOT NULL,
    "personal_number" VARCHAR(64) NOT NULL,
    "issued_on" DATE NOT NULL,
    "score" VARCHAR(16) NOT NULL,
    "earned_credits" DECIMAL(6,1),
    "source" VARCHAR(24) NOT NULL,
    "stored_by_id" INT,
    "import_job_id" INT,
    "live_key" VARCHAR(100) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ,
    "withdrawn_by_id" INT,
    "withdraw_reason" VARCHAR(500) NOT NULL,
    "withdraw_file_key" VARCHAR(200) NOT NULL,
    "withdraw_file_name" VARCHAR(200) NOT NULL,
    "achievement_id" INT NOT NULL REFERENCES "achievement" ("id") ON DELETE RESTRICT,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    "learner_id" INT NOT NULL REFERENCES "learner" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_learner_ach_learner_cb95a5" UNIQUE ("learner_id", "live_key")
);
CREATE INDEX IF NOT EXISTS "idx_learner_ach_import__6ef9ff" ON "learner_achievement" ("import_job_id");
CREATE INDEX IF NOT EXISTS "learner_achievement_held_by_entry" ON "learner_achievement" ("institution_id", "created_at", "id") WHERE "withdrawn_at" IS NULL;
CREATE INDEX IF NOT EXISTS "learner_achievement_held_by_category" ON "learner_achievement" ("institution_id", "category", "created_at", "id") WHERE "withdrawn_at" IS NULL;
CREATE INDEX IF NOT EXISTS "idx_learner_ach_achieve_03d184" ON "learner_achievement" ("achievement_id", "withdrawn_at");
CREATE INDEX IF NOT EXISTS "idx_learner_ach_learner_578644" ON "learner_achievement" ("learner_id", "withdrawn_at");
COMMENT ON COLUMN "learner_achievement"."category" IS 'DEGREE: DEGREE\nNON_DEGREE: NON_DEGREE';
COMMENT ON COLUMN "learner_achievement"."subtype" IS 'VOCATIONAL_DIPLOMA: VOCATIONAL_DIPLOMA\nHIGHER_EDUCATION_DIPLOMA: HIGHER_EDUCATION_DIPLOMA\nCONTINUING_EDUCATION_DIPLOMA: CONTINUING_EDUCATION_DIPLOMA\nVOCATIONAL_COURSE: VOCATIONAL_COURSE\nHIGHER_EDUCATION_COURSE: HIGHER_EDUCATION_COURSE\nCONTINUING_EDUCATION_COURSE: CONTINUING_EDUCATION_COURSE\nX_CERTIFICATE: X_CERTIFICATE\nSKILL_LEVEL_CERTIFICATE: SKILL_LEVEL_CERTIFICATE\nNATIONAL_QUALIFICATION: NATIONAL_QUALIFICATION\nOTHER_NON_DEGREE: OTHER_NON_DEGREE';
COMMENT ON COLUMN "learner_achievement"."source" IS 'INSTITUTION: INSTITUTION\nCREDIT_BANK: CREDIT_BANK\nOPEN_UNIVERSITY_BANK: OPEN_UNIVERSITY_BANK\nEDUCATION_COMMISSION: EDUCATION_COMMISSION';
COMMENT ON TABLE "learner_achievement" IS 'One achievement held by one learner. The achievement''s name, category and subtype are';
        CREATE TABLE IF NOT EXISTS "feedback" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "account_id" INT NOT NULL,
    "content" VARCHAR(500) NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "reply" VARCHAR(500) NOT NULL,
    "handled_by_id" INT,
    "handled_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    "learner_achievement_id" INT NOT NULL REFERENCES "learner_achievement" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_feedback_account_2097cf" ON "feedback" ("account_id");
CREATE INDEX IF NOT EXISTS "idx_feedback_institu_6e0add" ON "feedback" ("institution_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_feedback_institu_2e67ec" ON "feedback" ("institution_id", "status", "created_at", "id");
COMMENT ON COLUMN "feedback"."status" IS 'UNRESOLVED: UNRESOLVED\nRESOLVED: RESOLVED\nREJECTED: REJECTED';
        CREATE TABLE IF NOT EXISTS "rule_source" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "credits" DECIMAL(6,1) NOT NULL,
    "achievement_id" INT NOT NULL REFERENCES "achievement" ("id") ON DELETE RESTRICT,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_rule_source_rule_id_5dd887" UNIQUE ("rule_id", "achievement_id")
);
COMMENT ON TABLE "rule_source" IS 'A source achievement of a rule, with its credit-bank credits (学分银行学分).';
        CREATE TABLE IF NOT EXISTS "subtype_grant" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "subtype" VARCHAR(32) NOT NULL,
    "granted_by_id" INT NOT NULL,
    "granted_at" TIMESTAMPTZ NOT NULL,
    "revoked_by_id" INT,
    "revoked_at" TIMESTAMPTZ,
    "live_key" VARCHAR(64) NOT NULL,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_subtype_gra_institu_492bd2" UNIQUE ("institution_id", "live_key")
);
COMMENT ON COLUMN "subtype_grant"."subtype" IS 'VOCATIONAL_DIPLOMA: VOCATIONAL_DIPLOMA\nHIGHER_EDUCATION_DIPLOMA: HIGHER_EDUCATION_DIPLOMA\nCONTINUING_EDUCATION_DIPLOMA: CONTINUING_EDUCATION_DIPLOMA\nVOCATIONAL_COURSE: VOCATIONAL_COURSE\nHIGHER_EDUCATION_COURSE: HIGHER_EDUCATION_COURSE\nCONTINUING_EDUCATION_COURSE: CONTINUING_EDUCATION_COURSE\nX_CERTIFICATE: X_CERTIFICATE\nSKILL_LEVEL_CERTIFICATE: SKILL_LEVEL_CERTIFICATE\nNATIONAL_QUALIFICATION: NATIONAL_QUALIFICATION\nOTHER_NON_DEGREE: OTHER_NON_DEGREE';
COMMENT ON TABLE "subtype_grant" IS 'Bank staff''s authorisation of an institution for a restricted subtype (F4.5).';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "ref_major";
        DROP TABLE IF EXISTS "ref_major_class";
        DROP TABLE IF EXISTS "import_job";
        DROP TABLE IF EXISTS "learner";
        DROP TABLE IF EXISTS "ref_level";
        DROP TABLE IF EXISTS "learner_achievement";
        DROP TABLE IF EXISTS "conversion_rule";
        DROP TABLE IF EXISTS "rule_source";
        DROP TABLE IF EXISTS "feedback";
        DROP TABLE IF EXISTS "ref_discipline";
        DROP TABLE IF EXISTS "subtype_grant";
        DROP TABLE IF EXISTS "ref_graduation_conclusion";
        DROP TABLE IF EXISTS "achievement";"""


MODELS_STATE = (
    "eJztXW1zo7iy/iuUv5zZqmwq9thOJnXrVjk2ybDj4KxfsrNn2aIwlh12iMjhJTO5e/a/Xw"
    "mMESAIELAx0RcbJLWAp/XS6m61/m49GiugW6cDVTUcaLcuub9bUHkE6CKadcK1lKenIAMn"
    "2MpSd8sqRKGlZZuKiutaK7oFUNIKWKqpPdmaAVEqdHQdJxoqKqjBTZDkQO0/DpBtYwPsB2"
    "CijD/+RMkaXIEfwPJvn77Jaw3oq9DLaiv8bDddtl+e3DQB2tduQfy0pawauvMIg8JPL/aD"
    "AXelNe/1NwACU7EBrt42Hfz6+O22H+p/kfemQRHvFQmaFVgrjm4Tn7uUg7SWLIuTuTzj57"
    "LcygGQakAMLnpVy/36DX6Fnzvt7nn34mO/e4GKuK+5Szn/x3t0AIxH6MIjzlv/uPmKrXgl"
    "XIwDUFUTYCRkxY6DO0I5tvYI6AiHKSNIr7akp/5FFHcf5TTg/YQA+aC17QN69IGrCdRfti"
    "xPwXku3PKz+eD2Dj/u0bL+o7v4DeY8zum4qS+R1A/9n3C6gTqS18F2lXC/CfPPHL7l/j0R"
    "eRdew7I3pvvEoNz83y38TopjGzI0vsvKimidfqqPGioZcN15WhXkepiScb0uXPcxIti+fX"
    "uC6xYw3esYz4cPipnAb4Imwm2EWhH+HnY4fVR+yDqAG/sB3fa7Kdy9H0yHnwfTD/1uhGPi"
    "NqfjZv0TgvhJsazvhrmSHxTrIQ/OMcJywD50ZwrB3en1MuCNSiUC7uaFEf+GPo0ONA+dRx"
    "dsAb2TAlUQA92nrTPWaA6fzYX5Yi5MRHkwuhXESy6WJEEyaTHjp+FCOEWCaPi4vr7k3D8J"
    "jvnBVMQFtxetIhw9y8LQs2R+nkXZiThlO1ZRhgbU+2NpazCcC/d8KydbPapLzvuX4EiYDa"
    "7G/OiS869QGj/m526Sd1GERe0sLGons6gdY1HeKaTc6SMTS3Iyo+B49rGTAdqPnURocVZk"
    "+kAA5cJ2R1AVuLHJeU/YtttZmm07udm2o9iCR0XT82C7I2hcw213LrKg27lIhhfnhfF9NF"
    "aODihD9y+ziUhHmCCJriQ01eb+y+maFVuxl4b1/6wdqGIguaWj6bYGrVP8vP+tigcpkGOI"
    "QosIH+kPt4OvUSYMx5Or6OoAV3AVZYhj2bL6oMANkH3xMs6dK8PQgQITGJRQRYRbS1RHVW"
    "zapeyXI1eTyTjEkSthHuHD4vaKR73EZQ8qpNmeRmqrciFEmhckqqzktWk85hl+ImSNG4TK"
    "nz3XaLxGiOnGBvXlHLrCGN3rasOysD6rCupS1IYxaL+jbzG+y0jMNnNrjhKqKEGFtJVR6r"
    "LoPV6NUVxRqBvqN8Q0B9o02Smd4VFaxuk6c3qngPKm+yK64YQqGN/rzPcV0EExU0CYknG5"
    "zlxGgo2t2Q6GQM5nR40RFhKOasbaMsQjbKdef6MaVQnQ4lBfGybQNvALeInpMiPQbq3zQr"
    "i240L6H79B+anBK5rK952Vn9LO0IU3wuDsKeoBU2GIcMewLxX123cFTTQJ+FvAslBFlDXA"
    "1Zby+ssU6IoPKR33mVdLfUwBbwbdBc/oGARoITjjWY+dx2iKApWN+0n42fhJOyeSBw08g0"
    "eQ5GMSZJ+k+5mEC5bqa/JHtG/q2jOQv4GX1p8RN5S/W8F3U1on+sUE4MeT6Te2LUD+dxPf"
    "IbtPWb5saf121nIrQF+Hb7jfPvNTnpOIaVVqccKMExfjccsdzFNfyHKWbr2F342ooJIXVF"
    "H/2RjmS/E3JGso8orMs4h5FtVifD5SHxPmWfQeuZ7Fs4gcmYvY7Un6WjtjjPibKc9jgzz+"
    "l6A4EWU/LbhuZWsPFdvpiQm9kC9FQF5rltxPhgPs5DIYyyPhbjy5HVxy8TQJfhZukHQg86"
    "OFlxeUTsqR4HAizgVxIYg3NLq0XAkS7zCcLKYzPvRaXhLlrfyyCRkJ7+RTpWRK8Ks85Kdz"
    "4VpA6ahs6FaCsy/CeCyP+Xt+HC6XkIEav/8xvy4GYy8V3aOOQE2X4GSOv4jsMtGUIh2nfD"
    "tS/R1c9ueyd5bNwyvNxSs2MJlANTZQc9cGb/P3ote0R1PpQpzyw8mNKPx7652VY+AiaS85"
    "8k6C/jXqyJcccRPkYJrIs3N7gWRyAknxAYkyVrMsB5h5uk5A0cDOU4mbzQtQTEp/GQFVe1"
    "R0Oso7mqhU7RGdbomPVrtIg3fED4XbwfjDx5Ooh4YPfDc2MD1qUN6YyspxNYMyWoeuNDsv"
    "2MmVvEP0+znQf1Z0LclNBi8d6XCHqdKWjc0CGElgEfxUwzEtIOeVXiJkjfMzamcSYdopIk"
    "w7LsJsQVONVRGsfbLGYV2+LG6Y2kaDii4/YOhyqGnjhMxwGffr2qFUbK6jkbNZLnWWU4Fp"
    "a2sNa7zyD9UU2saNIZWM11ggK6wJ2xEXwno/zbl1N0VNcfr7Jbe9wFvC5vz0lh8JrhaHvJ"
    "PgYHQ/EId4Delf1WMFCX7YeL+pTnVSSdmqESZrXJ8of6Mqeo5prByV7qMyR4Am+QOF6RoA"
    "dZodhv86D5lgYvsydmaY8US88YtHN2uEod+5HORo4CRNAzUllewMtmwDSSWB20VGwTFKxs"
    "TGuNioPT4Zpi3/ZSxzehNG6SoC9/j8KGLa8f8rZESPETO33PqYzZnz9fvmct6ZKEbHpqL4"
    "cEmq2g2o6o6V28c9rQoGOWX2P/BmgtrJsiXjq4NnQF8BJyJLkrAmG4f0UfnLMPNBSpIwSG"
    "u956VuA0Lpm15io0MJEI/9eo6rGWfFlhwRM6Dq9vYSUL3162kmquSgmAFVqmRVAso3u3qH"
    "oWqbCXqafPqGXXI6UEwEl0xstXnjjrmxV2Nkq1dDBu+wksbRgWwZjqnSIh7lwWyKapq5FT"
    "UJq0o3GjorzR4bmxZtl6Gfd5K6xRCXwvFe3GK1CWZ9pW3ey66zT53Ox4/nnbOP/Yte9/y8"
    "d3G2E0fjWWly6ZVwg0XTE1K38/reNMTuvMsBkoRprWunE2g2ukqCnTbZYKhUbqFtUthmY/"
    "kXUG05ebtUgvtTmKwBtvDK3fk8xPJ5d4SIGgdy+a15BWxqqNPkQJwBRT3icOLHNiYOp/aU"
    "p7F7pRvXyrtZHDy6yf4d3Zh7x3HFF9jrbHmcG82TwgvElM7Jyo0ql51DAz4DE6te8JK9RV"
    "l8RkqcpC1B1V1Z2fQLV7kQjQW+CTsQbDdP/slCpLAQKbXQLDVsDGMhUprMdYoXUDxESu6t"
    "YmXuEavRoUvlbxpwlfHJa/cMYQTICursXt0KQmXI8wkl8kyQik+P8VPIkBu0VLJsvFw81k"
    "20zqScVoHmkWnPfMqW+fiO+SM8UmghzhZXt8J8XiSqxI4UB5XY3UjwbnE1FmafcfruUoIL"
    "kUgnbiQ4H3zhEScnv4mXXHBdhKfld3nmOPseHGcPbVSonXjEXLj23I32HLeYORQkwF6pQ8"
    "FIs1TtSdcgVatD5J6kaXRMsJZX4bKvKXRaktNb9vuSc/5p1ZacTz1wga7V8yX3YQXQQAo4"
    "VbEV3dg44CfOMDnJ6YL2R/dXQaSfOud+8WdDdZuFohMkJxw43ZxyZx1EeA7UteT0V13gPf"
    "M0Oo8f+l3YweA1002x9erWcpHFcJFst2DBBSs2L+cwD0T3A6i6YllvnW9dj98hrukIGXKQ"
    "+fYagBWuiTbb7vJS59o1WWqvZpOw4t2LYx8rFOgM4sXZLLbPWUxRVcOBdIeTFFc/kqiqle"
    "PxwUwKB9Deendnlw92JA2cynqZghb1UoIW9eJBi45ScYlWvJPxfbFouB6lFwvXu8bxbv1U"
    "Mu0Xfjj30ryrQlrJ0iOum+BJzxXWZUfQOH+fSjrEgwJXeoGN9DE6tp8zPqb7IOVXqYcpmU"
    "q9zip15nKS3KGO0/kgi8sJM6RUHbEhtpUyb/yGpAoY3sxwVWCyqir2QKyZlgB4o7cNR3FP"
    "7um5DYdV6uioO+wp+rqknfjpdrLEuABZTGb95arn253Oweqj5Fwsl8rWwBTOvliqbXzd75"
    "9wvn2ru+6uyByaJayKRzADV71Ug4c1xNTIwNXuZ9GDRKVXQg/SjymuDJMyLyRHXN0W35+o"
    "c1bjNlvInlVeDI98s3A9V+r7NWcJblDbX4wlbX4MMlMnxSAw7v5NWt9QZsRWxaxUe52KfA"
    "4UUfP7tHU2qrQGw88Cf8/f8uJ8dsmRdxIc84OpyE/lcBla6q5skD+LnGopz34Xh5GjLd20"
    "IgaCThbXj06y70cn5vxhKybql3mkjoCicSaCCsI4PGEs8kZ2iVAxhQvtnCAfo7xSc4yQNe"
    "NXm/ER2n2nC1EUxJu8Rt8t2SW3vZDgaCLizUfoV4LXA2GMjbzef5ERPMteouStRPGdRK5b"
    "de4+ECFrXA+o5JDgLWg5z0kJUzGksx3HjMPrIME/J9ZROoZ2FrRtw1Z02TS+5znMMEzE9C"
    "T082hQU3Qd9/KsUGOEDNz4gTTbfp4X3DghAzcKLjBNWtzplKPufILGDbeVuIwxf5dk9Jvr"
    "77LWoGY9FGJ7hJR5s9XZm+3Qfk01Y22D3WxqhvQet4dXaroieEAzXoVZlGK+ihSsTUh1Zp"
    "piIeqY/MRC1L17rlPEqfihJmCj4U91ZyvLBglxizPEU6NVtE9rBH8joIl14B0MkcsgsaPE"
    "e8v8awkK4mwuzBdzYSLKgng9ueSiKRIcTm7vxvycv+T8qyImi/K9sTxuALPggcIRYrYgqk"
    "8Pjg/cfs+DtqwC09bWmor44HHrjZ05ocq9duuZMOLFuSzk3l1KkLobSUP11KSHuhDntS1S"
    "SBunGCz/GAoCNW0loy6wBLmUsEn0jYO+ncWC3k42obdjNnS0LMCHb+UOLxQmY0C/CrSlPh"
    "iGnjL0J1jQw2SNA7r8wUQHG2ycBU9oHgfQRlLvcy7Ek+gZ9K9Cj4OKKGr+WTNKx6DODPUT"
    "AqoQ1jvCxoHdbmcZu9vJY3c7CWzwSD3I6XWwd4TNAztTgPB2SoTwdjxEOF6G5ZVISJrGoZ"
    "xliZO8woktcNAKFk1uCS6tdHgJksahW4lj2dKxNIgQky3VyCfyxSkbh3glviXoUaaxchLO"
    "5pyDH4nG5zBdA9BO06HxX+ch9VnsTL2dCm08EW/84tGD9iIDyrNiK2Zej9UwVQNg34cftr"
    "cezGVcDdGU4/N39EbWgtt6XdfJN2/p3TlgHqVmPr6dN3w28mG2PtfNMJkJrMixg28ELH7g"
    "YRMx84MNvxEsMrJxE2EKtrC/EajQlvkGDljbCEBvRGkbNKmprYkSJqkcwN7BIG85S/ztOM"
    "rSm1GbeXXd4KqahFfcqzIq8sZxm0AwN9BPRgfX2a6aoxJ2s7q2hoT8LF6tb/JU9Yc7ipcq"
    "MRIme6jqRKFSvVNj4VQCg/Cfr0VeYacDMOfWmg6cR+rmyJxb3yPXszi3snOXKjQOF3Ki2o"
    "vn1AHDKpbu0ZPb9M5M7ongxkzuRxh0RxAHw7lwz+eEfEeHndi9Kwn6KUSNh421c6iTm17X"
    "KB2fBEyiamvPBaWfKC3bCVAfcScu5forlLxn5cTo2MbopHgzWNedc9t5lI6BSwGXHVbyXn"
    "b11w3qPW7rr8KA3WwTR5WBECjIJWuaI/i+qnSOHpfy+iEXEwg4goh7QB/BLV84tJzjtpWe"
    "cvOHUKF/WRx+3RN86DrYGOYLp8AVt7UFcYoJokJ9NU+RoGo8aWDFaZD7QDZtDqIrk1MfFL"
    "hB9Nfd0/5PnGVwumahzLWm2yj3u4batWNzCveXocGkczP+INX5uvbsBXyMqtv/bgXMp/RY"
    "2km+LfAD78LAHg27NpN2xhNGDEtK6Np0fcr8Dtly60Jcxjfcb5/5Kc9JLfx1KzSQQPRQqc"
    "UJM05cjMfeETvp77oFu+z3Just+up/tCLNmyzqHY9McCucycwdzNxRi0nnSBXfzNzxHrme"
    "xdxBjvZ5TR802gaaQSpxlyZn1CKKZJK+zpi3RvzNlMeh2t1/CYoTUfbTgusiiuTyz+Xeiq"
    "eFlfsBea1Zcj8ZDnA8msFYHgl348nt4JKLp0nws3CDpDqZHy28vKB0Ug4ObiPOBXEhiDc0"
    "urRcCRLvMJwspjM+9FpeEuWt/LIJGQnv5FOlZEbOjIkcFyPB2RdhPJbH/D0/DpdLyECN3/"
    "+YXxeDsZeK7lFHoKZLcDLHX0R2mWhKkY5Tvl33CZiWARW9gHWXQlrnzlNwDin/8A/Nshwk"
    "c9GUcVhaS1gBkURpgtoRAp4CMBa0YtuVDDNnvIstQfNs5KXHKXKX8SvZi8VC0VWOgKo9Kj"
    "od6DhxtKF61KfbWo7PEJLWUvmhcDsYf+ifeD4JaKWgebpinxHdhBNQCgstO+q9eiTsguLl"
    "bOMkaSi4Hprmp/xImMtXA/ELmtaDGzSN3vGivBCFe346E+a/b4vQUiVICgG3t8Js5j6Ill"
    "pk6i3/qDjLNswC5tsoGTMwHp/19vh0jsS+HV8bn2MKJmkaKCO2M+kZ2il6hnZczxDSo1Ml"
    "xWS9XpSWOfLUR5EX198G3Mo7F1Ao2XQQH7J8mGQTKBZt3ZU8clFIG7eMqCR0yg64tabnni"
    "+oxI3DvRL1dBi6vIYBOjVDPgvypFElp09zlJB5tTGvwf0L9ls3klzYhokYrswbMw/UpXtj"
    "UtpzCSA3LxJHFOBwN84AbsQj7I0AN9OfNQpyfJ5/g08xi1l0IDfiZ6C3qJ7DOOMkzVnYBG"
    "skgvrFXnURlpye2u1ITn/ZaZ9w4HRzyknOJ2V1ITkXZ131BN31zzuq5Jx/WrXx3flFr4eI"
    "LsDyNKrhfnNl7NS2enl6Hnaz+2GhrdgGahlmnjOw/eLs5Os3BME8TIDHmqk9DzKh3Sp/Gd"
    "SgS17GqxPa465YhgmtC9of3V/F3QfCabaFt5kourFxAIdjrW/nprPOWfusg6choK7R1LTq"
    "Any9QtcXS6WNJqZlv3/CdduoWB/PXZ/OVqhAp/8JVb9eoet+R+niR50hwv6FeoZye8oSp1"
    "+cuXPdmjZJ1u8F2cRbr4k397FGpR4gUKOJt+RoEHWL3nM4YMv3OHTHaFnVFcvKp92LEzIN"
    "3+saPgK1EnQj7jw89Cs7MqSzqkbiDa0W262ZOFlInPRaa5JMuWvLGQTLoBflEy+RMKWeLw"
    "lZLSKpYenMK5MuBeashwlrTFirC7RVnvZUN2HtgL5/5W/JWWmWqj3pGgT5hLUYHZPVXpfV"
    "AtBKENVGocqODOisolqsmb1BUnPn+DfKaDs9VUPwrlQ8mzj20nDg6hZYluL2rJiMFi2SKq"
    "gZ28LyI1G61OjrTH46pPz0oEAIEs4nzbDVPSCv88zfmt3OLjn0I8HbgTC+5PBvdFmQRRbI"
    "orhJ1tvE1DYmQAOtRvWwSDu4niBqnnKsksNhLWf5F1BzwUyQMO/YTIeXGiuKC3jyEZp++T"
    "oPHKXsVqni8MzjC3VdYNT+wt/NLzn8K8E7XhwJ4s0lt72Q4IwXUS7+leA1Gs/50SXn/RcZ"
    "2csOfW3b4PGJpp1MdhInSJirQcx3WbFsGZimkSuCRZiqceN4Jft6WIi5ZPSPM9hYlhBzFv"
    "ZZzc9ygoxtQa3bFtQcrlpVqiTu8BEmMwBXM92gxuQNFzhJU0e4x6HIqNWtZMsvnCkUr2l8"
    "556AybkVoJb2ADjcKDlj7boA4Yli6/1jGZz93eBQlahtcPhR2EMIQsPmlob9wD0plhW3KV"
    "X0jDfoSw591EyNjCNlHTWTrEdxBY2CY2iUtoETJxtJyxlJTeNZwws62iDq56WPn2SpDAb3"
    "8/OzNjaIK+eS0+/1PuHNBMuO5Hw6AxfotwcuaOb1jFRMGVwzZTCT/N+h5M+CSzeN65RprG"
    "ZnadZINizfGZf5JJXnk1Rot5F3rPkbvQ6KH/1eD1l7v24HU0cHMy9cJUU2JXJTpVMTlZOD"
    "qJevC6gDzisdOgMHLbcVDld1QmzxcUOW/rxU4LfttcV98L07e50z9Pupu0a/FxddlUz/KS"
    "7f7uuh1FNz8CNcbAjH5eipOUxq3rPUXCCUbpkxdGs6AtHgLBJEl4Vdqta05o66uYAlKBii"
    "r7ug+mP2G51PhwZ8BiY+IGy6rfDIYM7qgEo0r5Dr6XAwGw5GPItTU4M4NVUKk1vRmyJIBk"
    "J5shBpBWUyKDg/9fs4aMoFDpqirRAg2hqffLh8cSW49tnPK22j2RxZEP+eneNt4CreGnRx"
    "1qbpQMurmKlJayfwMTVpoxRmTE36HrlefzXpoflavWM205VWd2KeKwd5EOVAOELWOJ/J8r"
    "dzWs4TMJ81C72DjL445y6DOG3jIK9k5PA9GfJpLiJUTHvxuvaCdBl54+qa9FE5MpCzLq0j"
    "DazadXXGmNO+2WsCwdxAP68bv/IFna6n2y7dAJZHDQEsy3t0XA+xzTpJVUQQhTJYsnRjo8"
    "Gt16jxDUCsJwD6mtMsDoJnYHLeuWAnnIEkbVeJMPs8+LnT63MrbQMsm2aoKqVOpn+ol/7B"
    "5aTsMSiPrBGla5wMXYErB1P1NGzRn0XVA348aai2AlwPUzaQ60fC5URH7vDu+2c0Ihbp3G"
    "FKtvGpzlzWnvLMkV7pxq3Au70sgSt6yZEretGZ0bGAKSO5OV/sijBV42Cu6NQx1XDyu76Q"
    "REzN8bqaY4tYCVqOQVDTkUGc3X+AbF10H40DuQ44S8yNG1OB1K2mofyT1NW7V1Le7Iq+uo"
    "a/wo6eqHWs1/+yODQpPRimZrmaFtc9FK2+A7UKtzZM7DEKMEtU1EK47QO5D9fd0x7F7bT0"
    "2qn+pRFF0u5cZ+Zjesgl/5Z79Kk2Q7yXgLzOhsnW/WQ4mAsTcTCWR8LdeHI7uOTiaRL8LN"
    "x85qcyP1p4eUHppBwJDifiXBAXgnhDo0vLlSDxDsPJYjrjQ6/lJVHeyi+bkJHwTj5VSqYE"
    "v8pDfjoXrgWUjsqGbiU4+yKMx/KYv+fH4XIJGRIU/Y/5dTEYe6no/pKjp0twMsdfJGKQ+J"
    "spj6qOpkTHr8PY5tzRG63U8p67HaNjIhTFc9hHKf8KOkzZQEVJg9VjvvYjb5+K0bGT7CnO"
    "+Ewp9Q6UUjuxmirQ0flL0tRZiquN8YYdJ86Ova65IiXzsdeH0abcA1Nba6qrZBhiz0uKRi"
    "VW5iRNq/JMlJZ9Z85K44n/QcS1ckw0kLuXhHn2T6bK2Kcq49BhyQ49CFcSmIyAN2jjRTRF"
    "BHmd4UYj440wm/PTS86/kiCCRLzh5bvBbPbbZDq65CIJQYnPSKwLsvGdBPmvd5Pp/JLz/i"
    "U45gdTkZ/KwZOiKUU0HJ1sBqIU+xDNg76AM1CErM7Mro1AyfxCXhN4GrE4Wyua7ooGuUN4"
    "UyhZJO+ohgNX7zwWc6oLkzIdR527EfOdTO5SzVIOx5QCh1mtDtDaUn1oUdao25yTtJWpEp"
    "Rhx1vtrSNUvNjcxkvJIxgTJA0Uiju9LJ6AqFTyCqQX8wXEnSoHwtviDUS3ncn/r53i/9em"
    "nMdhQJvqZvnLbCImykk23cdypak2919O16xj1GCngIvBCE2RsVOWogcqReY+XMFVvoiT5U"
    "9m//w/GZ30yA=="
)
