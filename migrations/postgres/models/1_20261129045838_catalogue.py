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
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_learner_institu_a9c975" UNIQUE ("institution_id", "id_number")
);
CREATE INDEX IF NOT EXISTS "idx_learner_account_094432" ON "learner" ("account_id");
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
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_5b86ee" ON "achievement" ("institution_id", "deleted_at", "id");
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_0802f8" ON "achievement" ("institution_id", "deleted_at", "subtype", "id");
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_98e4a4" ON "achievement" ("institution_id", "deleted_at", "category", "id");
COMMENT ON COLUMN "achievement"."category" IS 'DEGREE: DEGREE\nNON_DEGREE: NON_DEGREE';
COMMENT ON COLUMN "achievement"."subtype" IS 'VOCATIONAL_DIPLOMA: VOCATIONAL_DIPLOMA\nHIGHER_EDUCATION_DIPLOMA: HIGHER_EDUCATION_DIPLOMA\nCONTINUING_EDUCATION_DIPLOMA: CONTINUING_EDUCATION_DIPLOMA\nVOCATIONAL_COURSE: VOCATIONAL_COURSE\nHIGHER_EDUCATION_COURSE: HIGHER_EDUCATION_COURSE\nCONTINUING_EDUCATION_COURSE: CONTINUING_EDUCATION_COURSE\nX_CERTIFICATE: X_CERTIFICATE\nSKILL_LEVEL_CERTIFICATE: SKILL_LEVEL_CERTIFICATE\nNATIONAL_QUALIFICATION: NATIONAL_QUALIFICATION\nOTHER_NON_DEGREE: OTHER_NON_DEGREE';
COMMENT ON COLUMN "achievement"."recognition_status" IS 'UNRECOGNIZED: UNRECOGNIZED\nRECOGNIZING: RECOGNIZING\nRECOGNIZED: RECOGNIZED';
COMMENT ON COLUMN "achievement"."grade" IS 'PRIMARY: PRIMARY\nINTERMEDIATE: INTERMEDIATE\nADVANCED: ADVANCED';
        CREATE TABLE IF NOT EXISTS "learner_achievement" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "personal_number" VARCHAR(64) NOT NULL,
    "issued_on" DATE,
    "source" VARCHAR(24) NOT NULL,
    "stored_by_id" INT,
    "import_job_id" INT,
    "withdrawn_at" TIMESTAMPTZ,
    "achievement_id" INT NOT NULL REFERENCES "achievement" ("id") ON DELETE RESTRICT,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    "learner_id" INT NOT NULL REFERENCES "learner" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_learner_ach_import__6ef9ff" ON "learner_achievement" ("import_job_id");
CREATE INDEX IF NOT EXISTS "idx_learner_ach_achieve_03d184" ON "learner_achievement" ("achievement_id", "withdrawn_at");
CREATE INDEX IF NOT EXISTS "idx_learner_ach_institu_a22a78" ON "learner_achievement" ("institution_id", "withdrawn_at");
COMMENT ON COLUMN "learner_achievement"."source" IS 'INSTITUTION: INSTITUTION\nCREDIT_BANK: CREDIT_BANK\nOPEN_UNIVERSITY_BANK: OPEN_UNIVERSITY_BANK\nEDUCATION_COMMISSION: EDUCATION_COMMISSION';
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
        DROP TABLE IF EXISTS "learner";
        DROP TABLE IF EXISTS "ref_level";
        DROP TABLE IF EXISTS "subtype_grant";
        DROP TABLE IF EXISTS "conversion_rule";
        DROP TABLE IF EXISTS "ref_discipline";
        DROP TABLE IF EXISTS "rule_source";
        DROP TABLE IF EXISTS "achievement";
        DROP TABLE IF EXISTS "ref_major_class";
        DROP TABLE IF EXISTS "ref_major";
        DROP TABLE IF EXISTS "ref_graduation_conclusion";
        DROP TABLE IF EXISTS "import_job";
        DROP TABLE IF EXISTS "learner_achievement";"""


MODELS_STATE = (
    "eJztXe1z4jjS/1dcfHlmq7JTwABJqKunioCT8Q4xOSDZ2V1vuYwtiHeMzPkls7m7+d9Psj"
    "H4RTa2Y4Nx9AWMpJbNr2Wp1d3q/k9jrStAMz8OZFm3odXoM/9pQGkN0EW46oJpSJvNvgIX"
    "WNJCc9pKvkYL0zIkGfe1lDQToCIFmLKhbixVh6gU2pqGC3UZNVThal9kQ/VfNhAtfQWsZ2"
    "Cgij/+RMUqVMDfwPR+br6JSxVoSuBhVQXf2ykXrdeNU8ZB69ZpiO+2EGVds9dw33jzaj3r"
    "cNdadR9/BSAwJAvg7i3Dxo+Pn277R71/5D7pvon7iD4aBSwlW7N8f3ch7ssaoshP5uKMnY"
    "tiIwNAsg4xuOhRTeffr/Aj/NxudS47V596nSvUxHnMXcnlD/fWe2BcQgceft744dRLluS2"
    "cDDegyobACMhSlYU3BGqsdQ1ICMcpAwhrWxJP3oXYdw9lJOA9wr2yO9H2zGgR39QmUDtdc"
    "vyBJzn3D07mw/uH/Dt1qb5L83BbzBncU3bKX0NlX7o/YTLdfQiuS/YrhPmV27+mcE/md8n"
    "POvAq5vWynDuuG83/72Bn0myLV2E+ndRUnyj0yv1UEMt91y3N0pOrgcpKderwnUPIx/bt0"
    "/v47oJDOc6wvPhs2TE8NtHE+I2Qi0Pf087na6lv0UNwJX1jH72OgncfRpMh58H0w+9Tohj"
    "/Lam7VT9CEC8kUzzu24o4rNkPmfBOUJYDNinfpkCcLe73RR4o1axgDt1QcS/ob9GBpqF9t"
    "oBm0PPJEEZRED3aKuMNVrDZ3Nu/jjnJrw4GN1zfJ+JFAnQX/Q4Y6fBRrhEgGj6uL3tM86X"
    "AMfsYMrjhtuLRh6ONtMwtBnPz2aYnYhTlm3mZeie+ngsbQyGc+6JbWRkq0vVZ9xvAY642e"
    "BmzI76jHeFytgxO3eK3Is8LGqlYVErnkWtCIuyLiHFLh+pWJKRGTnns0/tFNB+asdCi6tC"
    "ywcCKBO2O4KywI0szkfCttVKM2xb8cO2FcYWrCVVy4LtjqB2A7fVvkqDbvsqHl5cF8R3rS"
    "u2BghT9y+zCU9G2EcS3kmossX8l9FUM7JjLwzrfyxtKGMgmYWtapYKzY/4fv9fFg8SIMcQ"
    "BTYRHtIf7gdfw0wYjic34d0B7uAmzBDbtET5WYIrIHriZZQ7N7quAQnGMCimixC3FqiPst"
    "i0KzkuR24mk3GAIzfcPMSHx/sbFr0lDntQI9VyNVJblYtPpHlFoooiLg19nWX6CZHVbhIq"
    "fvVcovkaIabpK/QuZ9AVRugOqw2LwrpZFtSFqA0j0H5H/0X/LiIx28isOYrpogAV0lZGqc"
    "qm93w1RlFFoabL3xDTbGiRZKdkhodpKaerzOmdAspd7vPohmO6oHyvMt8VoIF8poAgJeVy"
    "lbmMBBtLtWwMgZjNjhohzCUcVYy1RYhH2E69/EY0qvpAi0J9qxtAXcEv4DWiywxBu7XOc8"
    "HezgvpH96A8kr3j2hI33dWfsI4QxfuDIOrp+gNmHJDhDuGfSHJ375LaKGJwd8Epok6IuwB"
    "braUt1+mQJM8SMm4z9xeqmMKeDPoDnh6W/eBFoAzWrVur8MlEpRWzl/C98Z32jmRPKvgBa"
    "xBnI/Jvvoi2c8k2LBQX5M/wu+mpr4A8Rt4bfwZckOJtAwud2iMIoIDjUx74YyptO1lNMRW"
    "uvHqEVBXGOoKU4kJ5UydIqgrzHvkehpXGP9Mm8fQ7KevtPfAiL2bsiy2IONvAfITXvTK9t"
    "eNdOOhZMOyb7nMZfzfk1eaJU+T4QB7ZQzG4oh7GE/uB30mWibAz9zdZ3YqsqNHt27fOq5G"
    "gMMJP+f4R46/I9El1QrQ9wzDyeN0xgYeyy0iPJXXNqYi5pk8qoRKAX4Vh+x0zt1yqBy1Df"
    "wU4OwLNx6LY/aJHQfbxVSgwe/9mX8+DsZuKfqNXgRiuQAnc/yP/K9MuCTPi1O84aP6HhnH"
    "8zFrpnNJSvJJikxMBpD1FVSdzenbHJTIPR3RtvfIT9nh5I7nft+6E2WYuPy0fcb/S4DeNX"
    "qR+4zvx74G04TundltIZXXQoLTQpixqmnawMjy6uwpavjylOIX8gokg/C+jICsriWNjPKO"
    "JixVu0Qft8Rnqw4jwTtih9z9YPzh00XYpcADvhOZmNYqFFeGpNiOKktE+1BFtbKCHd/JO0"
    "S/lwH9F0lT4/w68NaRDHeQKmnbWC+AkQQWwk/WbcMEYlbpJURWO8eYVioRppUgwrSiIswW"
    "NFlX8mDtkdUO6+Jlcd1QVyqUNPEZQ5dBTRslpJa2qCPSDqV8ax2JnK5yiaucDAxLXapY45"
    "V9qibQ1m4OKWW+xgJZbk3YjjgX1scZzo2HKRqK09/6zPYCn2Gas9N7dsQ5Whz/LwEORk8D"
    "foj3kN5VNXaQ4G8LH5DUiF4VCWcLgmS1eyeKP1mJ7mPoii2TnSrmCNA4B5YgXQ2gTrLDsF"
    "/nARNM5CDBzgwznvB3XvPw6YIg9DsbeYYB7qepoaaklKOspqUjqURcvGZz0QqTUbExKjaq"
    "641uWOJf+iKj+1uYriRwz8+PIqId/3cuI3qEmPqRVsdsTr2F3zeXs65EETq6FEWnS7+qXY"
    "eyZpuZnbKTuqCQE1b/E3u/V06WLRhfDbwA8g44Flk/CR2yUUjX0l+6kQ1SPwmFtNKHNKo2"
    "IRR+SiMyOxQA8djr57yGcVps/TNiClSdt70AVO+9fuqJqn9STIEqUbIqAOW7Xb/DQLf1BD"
    "1JPn3DsS4NSAaCS/SdEHrjEa+x22PobFJNJu+gksbWgGjqtiGTQvRkwWyKepo5HdUJq1JP"
    "xtmKao31VYN0LM6ru0g8E4db4QAlTrPKRF++UVfv5dTZdbv96dNlu/mpd9XtXF52r5o7cT"
    "RalSSX3nB3WDS98Ot2Dp9NQ+zOuh3wk1CtdeV0AvVGV4qx08YbDKXSLbR1ijOsL/4CsiXG"
    "H5eKcX8KktXAFl66O5+LWDbvjgBR7UAufjQrwCLG5oyPHLmnqEbgSHzb2gSOVDdZBrvbun"
    "ajvJPGwaMT79/Ribh3nFd8gaOulud50DwuvEBE6Ryv3Chz2znU4QswsOoFb9kbhM1nqMVF"
    "0hZU3rUVDa9xmRvRQ6FV3MOTNEQKDZFSDc1SzeYwGiKlzlwneAFFQ6RkPipW5BmxCmUJKv"
    "7QgKOMj9+7pwgj4O+gyu7VjX2oDHE+IUSe2ZfidCdeiT/kBqnU3zbaLhrrJtxnXE0jx/BI"
    "dWY+4ch89MT8GebAeeRnjzf33HyeJ6rEjhQHldj9EODD482Ym33G5btLAT7yvnLfDwHOB1"
    "9YxMnJr3yf2V/n4Wnxrzx1nH0PjrOnNipUTjyiLlxHfo2OHGiXOhTEwF6qQ8FINWV1o6mQ"
    "qNXx1V4kaXQMsBSVYNtDCp2GYHcXvZ5gX14rLcG+7oIrdC1fLpgPCkATKWBkyZI0fWWDnx"
    "jdYAS7A1qfnE8JkV63L73mL7rsDAtJ85FcMODj6iPTbCPCSyAvBbundIB7z4/hdfzUz0Iz"
    "WVdMN0X3q1vLRRrDRbzdggYXLNm8nME8ED4PIGuSab51vXU8foe4pzNkyEnWW6L3LmHljf"
    "PyTV6DY32O0yzHvYXS9da0S6Cg9e1qsZC2i1ew+moht/B1r3fBeGtnZ9lR/DWkVbaMW9DF"
    "s1qL52kn+Qotnq1eGs1PWMfg0/z0Ito8nZQrLz6ag07Mi/dOcxDmWiuLOx+Q7WBANRVrx1"
    "0qOSdgxi/6grQ+7isTF8V90I3jexl8Q5X422evpj4GR12KPA7ksX14tFXeezQGw88c+8Te"
    "s/x81mf8vwQ4ZgdTnp2KwTak0l3bff0sFDFfnP3GD0Nh852yXGauNNvKdvy+sh3ZWFqSgd"
    "7LLFLHnqJ27oYluIhvMBZZT42EqKgVghSD1MMoq9QcIaTD+OAwPkNj+PSR5zn+LqshfEvW"
    "Z7YXAhxNeOzYgD4FeDvgxtji7X7nmcHT+CnEuylEvRQck03mdyBEVrs3oJQEJFvQMsZgDF"
    "JRpNOlesFHd5DgnxHrMB1FOw3alm5Jmmjo37MESg8SUT0JOdYlGoqybsMsqqcoIQU3Guxy"
    "+55nBTdKSMENgwsMgxTTJiGMtkdQu+m2m2q67SZMt11CEhB6fKNmjvxpjm8sVaiaz7nYHi"
    "KlzqfU+fRsWFtj39OKIX1E19NSTVc+HpCMV0EWJZivQg0rE66Jmqbo8VcqP9Hjr++e62mO"
    "vxpgpeK/uk3VDGJioqRJ+Uzo6JjWCPaOQwvrwA06l8kgsaPEmZu9a5ynazbn5o9OqnaOv5"
    "3gXF3BEpz0/f5hzM6dDO/uVR6TRfHeWC43gJEzWUmImG6IqvMGRydu782DluhPRPimg9fJ"
    "XR71tZ5xI5afi1zmE7c+UvxiB/upyBvqQJzVtkggrZ1isPgQdz7UVEVEr8ACZFLCxtHXDv"
    "pWGgt6K96E3orY0N0stNmzMgfJKNAHgTblZ13XEqb+GAt6kKx2QBc/mWhghY2zYIPWcQAt"
    "JPW+ZEI8jp5CfxB6dDtLkrOvmmE6CnVqqDcIqFxY7whrB3arlWbubsXP3a04sMGaGCT2MN"
    "g7wvqBnSr4UCsh+lArGn4Ib8OySiR+mtqhnGaLE7/DiWxw0A4WLW4xLq1keH0ktUO3FMey"
    "hW2qECEmmrKeTeSLUtYO8VJ8S1Sanz2NDq2M/OzSi2RJRlaP1SBVDWA/hh+2ux/Mlp7dT1"
    "OMz9/ZG1lzHut1XCfffKR354B5lpr55DRfpzr6XDXDZCqwQiHN3whYNJh6HTHbn81+I1yB"
    "s+A1fBO3yQqLSVBY19FEMzrmx860F/i/4/BBb0Zt5vZ1h7uqE15Rd8GwLBfFbQLBXEcfKT"
    "03Z7tuzkqKS+uzGZBe07hrvskF05vuCO6Xvpkw3vVS8zUq1O0yEidkb+n8k7pkUpfMKs6K"
    "Z+qcR10y3yPX07hk0kikJZo0c7n+nMjf52gwF++IktliTC3F6S3FZxgrhuMHwzn3xGaEfE"
    "eHfa/dKwF6Jb4eTxsiZquxzZq33E9Ec2sTc2u/5BR/wrTUgb068k5UzD31id7KLc71PdJb"
    "NaiPeKa3DOtVvdXAZZ6CJiAXr40L4XtQMedX9BevpAsp4v5ohO72XbWeFTR6oRPV94KJKP"
    "WCDagijyryKjEPnKlKhyry3iPX0yjyNsAwcbqtHBonAmntFCPFB9FVTdNG7wpJrsVvWczK"
    "5SdKesFqtUnE7wcx+mputdKO+qhqpd2B/OyapR1p4GC/AIdTdsTNxZsB/6XP+H4IcPLA8u"
    "Ijzz2x0xk3/23bhFQqQHb0OBw4kQKGk/t7bjZzbkQqzaPBKj5MvWnp+MD/4jWj22eIjIbU"
    "iotUip3JMqo3wnRUSxjBNrCXyShbhWmplrA6wlRUhvbtcrNq2sOEVEtImqWoFrZUfD3dUC"
    "Zsg0QUV6rdzjH9F6fdJoznAkCun/d3GODga5wC3JBK940A19M+EAY5us5XKu7qGD2b1iAa"
    "GXDFxaH8udquWZr09XKnjXPWtlu7BLbXknIl2FfNjoyT1vYu27KbUx7/urzqdhHRFVgQ88"
    "+/qTMa3bVaFgiaA5fmwK3imM15WJbmwD2VCf1e+ksnnmFxKw4uaOtdsxQLWge0Prnp1xms"
    "tmFUy2RkNMVp+soGDI7Jsl2bmu1mq9nGyxCQl2hpUjrAyee+xMnZpZabrv2C6bRQsx5eu6"
    "6bCmrQ7l3jHO4Kuu61pQ6+VRMR9q7kJqrtSgtcftV01rolaZGs3gPShbdaC2/m8IeFBhqq"
    "0MJbsPtt1c5LnA7Y4i2qzhwtyppkmtkUV1FCqrw6rLzyoVbAtt9Zh4deZ2eGdNpdf3SgVc"
    "Izk4qTucRJd7TGyZS7sZxCsNy/RdnESyRMyZcLn6wWktSwdOa2SZYCM/ZDhTUqrFUF2jKj"
    "QlZNWKvV4VZFNWV1o6kQZBPWInRUVjssq+1BK0BUGwU6OzOg04pqkWH2BknNWePfKKPt9F"
    "Q1wbtU8WxiWwvdhso9ME3JebMiMlq4SaKgpm8bi2tfa5pD8Jwmx0T56VmCEMTEMT/sTewj"
    "r/LK35jdz/oM+hDg/YAb9xn8Gd4WpJEF0ihu4vU2EbWNAdBEqxKdB5IS3PiI6qccKyWIvG"
    "kvcL77LDD7SGp3pKOcIOe6Qoj4HB9q22tf5YmjEA/eMoJsn19skRyz9hf2Yd5n8KcAH1h+"
    "xPF3fWZ7IcAZizNB4k8B3qL5nB31Gfc7z8xedKwRywLrDUk7Ge//7COhrgYRt1zJtERgGH"
    "qm83lBqtrN46WkTqBHn+PRP89DsGmOPuP0ZjlY7iOjx3Kqdiwng6tWmSqJBxwzbgagMtN0"
    "YviOYIOLJHWEE39ORKNOEU2v8UG70QQCxtC/MxtgME4HaKQ9AwYPSkZfOi5AeKHYev+YOm"
    "N91xnUJRobDL4V9hCCULeYhW49MxvJNKM2pZLu8QZ9yalj+1XIOFJUbL94PYojaOScQ8O0"
    "NVw46UxazExq6C8q3tCRJlGvLnn+9LdKYXC/vGy2sEFcuhTsXrd7jQ8TLNqCfd0EV+izC6"
    "5I5vWUVFQZXDFlMJX836HkT4Me1Y3rhGWsYtHLKyQbFu+MS32SivNJynXayM0S89YkRLkz"
    "6VRD1j6u2wFOMjdzQ0sRZFNfbaJ0ivPeifsIVYcF1AHjtmZ8HsF4uy0xuKsL3xEfAyiq9f"
    "NCgt+21ybzwfPu7Lab6PO6s0SfV1cd2V/+U1S+PdZNiYl/jG02P//Jc5rz58RSM+YsQXgC"
    "srqWtFiJ2aMKC04u2cct+fnOQCQ4R+yQux+MP/QuXG0LkohU169s5z4RMUjQiELlmtacWT"
    "cTsD4KiuhhF1Rvzn6j82ltU7pehBxQfcMr4Ho6HMyGgxFLQ7DUPATLVvQmCJJ7oTxeiNxn"
    "0kyj4Lzu9XDQlCscNEVVECAqekiFWbw6Elyr+bOirlSL8TfEn81LfAxcxkeDrpotkg60uI"
    "6pmrRyAh9Vk9ZKYUbVpO+R69VXk56ar+U7ZlNdqYduGk++VrwjXyuybd7mynYgyoBwiKx2"
    "PpPFH+c07Q0wXlQTPYOI/nHGUwZR2tpBXsrM4XkyZNNchKio9uKw9sLvMvLG3bXfR+XMQE"
    "67tQ4NsHL31SnDKXtmrwkEcx19HDZ+ZYunXE23XbIBLIsaApime+uoHmJbdZGoiPA1SmHJ"
    "0vSVCrdeo/o3ALGeAGhLRjUZCF6Awbg5PC4YHUnajhJh9nnwc7vbYxR1BUyLZKgqpE+qf6"
    "iW/sHhpOgyKIusEaarnQxdgisHVfXUbNOfRtUD/t6oqLccXA9S1pDrZ8LlWEfu4On7FzQj"
    "5nm5g5T04FOVuaxusqyRbuva7cA73TSBK7rxkSu64ZXRNnH+5FXG2BVBqtrBXEpcBUmWdT"
    "u764ufiKo5Dqs5togVoOUY7Hs6M4jT+w/4RxfZR+NErgP2AnPjzpDImeID9ReJu3e3pbja"
    "NT24h7/Bjp5odCyX/2cyaFF61g3VdDQtjnso2n3v1SrMUjewxyjALJHRCGG2N2Q+3HY+dg"
    "lup4X3TvQvDSmSNPUFiN/AK/UxPemWf8s98lKbIt7LnrzKhsnG08TNujsYiyPuYTy5H/SZ"
    "aJkAP3N3n9mpuM/Su2sdVyPA4YSfc/wjx9+R6JJqBeh7huHkcTpjA4/lFhGeymsbUxHzTB"
    "5VQqUAv4pDdjrnbjlUjtoGfgpw9oUbj8Ux+8SOg+1iKgTIe3/mn4+DsVvqJEImlwtwMsf/"
    "iMcgsXdTFnUdLgnPX6exzTmzd458yRE6KkIRPIc9lLLvoIOUNVSU1Fg95mk/sr5TETqahJ"
    "zgjE+VUu9AKbUTq4kCHZm/fpoqS3GVMd7QTNk0o3PFFSmpMzqfRpvyBAx1qcqOkmGIPS8J"
    "GpVIm4skrcqLr7XoOXOWGk/8D19cK9tAE7lz6TPP/klVGcdUZZw6LNmpJ+FSApP54N2P8T"
    "yaIh95leFGM+MdN5uz0z7jXQkQQcLfseLDYDb7dTId9ZlQwb7FZyTW7avxLwGyXx8m03mf"
    "cb8FOGYHU56divs7hUvyaDja6QxECfYhkgd9DmegEFmVmV0ZgZL6hRwSeGqxOVtKquaIBp"
    "lDeBMoaSTvsIYDd2+v8znVBUmpjqPKrxH1nYx/peqlHI4oBU6zWx2gvaX83CDsUbc1F0k7"
    "U2nfhqa3OtqLUPJmcxsvJYtg7COpoVDc7qbxBESt4ncg3YgvIH6pMiC8bV5DdFup/P9aCf"
    "5/LUI+Dh1aRDfLX2YTPlZOssg+looqW8x/GU01z1GDnQAuBiOwREayLIUTKoXWPtzBTbaI"
    "k8UvZj/+B0yOmZU="
)
