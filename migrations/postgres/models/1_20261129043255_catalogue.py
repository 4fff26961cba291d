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
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_f51aa9" ON "achievement" ("institution_id", "deleted_at", "subtype");
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_e88446" ON "achievement" ("institution_id", "deleted_at", "category");
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
        DROP TABLE IF EXISTS "ref_major_class";
        DROP TABLE IF EXISTS "learner";
        DROP TABLE IF EXISTS "rule_source";
        DROP TABLE IF EXISTS "learner_achievement";
        DROP TABLE IF EXISTS "ref_major";
        DROP TABLE IF EXISTS "import_job";
        DROP TABLE IF EXISTS "ref_level";
        DROP TABLE IF EXISTS "ref_graduation_conclusion";
        DROP TABLE IF EXISTS "conversion_rule";
        DROP TABLE IF EXISTS "subtype_grant";
        DROP TABLE IF EXISTS "ref_discipline";
        DROP TABLE IF EXISTS "achievement";"""


MODELS_STATE = (
    "eJztXe1z4jjS/1dcfHlmq7JTwABJqKunioCT8Q4xOSDZ2V1vuYwtiHeMzPkls7m7+d9Psj"
    "H4RTa2Y4Nx9AWMpJbNry2p1d3q/k9jrStAMz8OZFm3odXoM/9pQGkN0EW46oJpSJvNvgIX"
    "WNJCc9pKvkYL0zIkGfe1lDQToCIFmLKhbixVh6gU2pqGC3UZNVThal9kQ/VfNhAtfQWsZ2"
    "Cgij/+RMUqVMDfwPR+br6JSxVoSuBhVQXf2ykXrdeNU8ZB69ZpiO+2EGVds9dw33jzaj3r"
    "cNdadR9/BSAwJAvg7i3Dxo+Pn277R71/5D7pvon7iD4aBSwlW7N8f3ch7ssaoshP5uKMnY"
    "tiIwNAsg4xuOhRTeffr/Aj/NxudS47V596nSvUxHnMXcnlD/fWe2BcQgceft744dRLluS2"
    "cDDegyobACMhSlYU3BGqsdQ1ICMcpAwhrWxJP3oXYdw9lJOA9wr2yO/ftmNAj/6gMoHa65"
    "blCTjPuXt2Nh/cP+DbrU3zX5qD32DO4pq2U/oaKv3Q+wmX62gguQNs1wnzKzf/zOCfzO8T"
    "nnXg1U1rZTh33Leb/97AzyTZli5C/bsoKb630yv1UEMt91y3N0pOrgcpKderwnUPIx/bt0"
    "/v47oJDOc6wvPhs2TE8NtHE+I2Qi0Pf087na6lv0UNwJX1jH72OgncfRpMh58H0w+9Tohj"
    "/Lam7VT9CEC8kUzzu24o4rNkPmfBOUJYDNinHkwBuNvdbgq8UatYwJ26IOLf0F8jA81Ce+"
    "2AzaFnkqAMIqB7tFXGGq3hszk3f5xzE14cjO45vs9EigToL3qcsdNgI1wiQDR93N72GedL"
    "gGN2MOVxw+1FIw9Hm2kY2oznZzPMTsQpyzbzMnRPfTyWNgbDOffENjKy1aXqM+63AEfcbH"
    "AzZkd9xrtCZeyYnTtF7kUeFrXSsKgVz6JWhEVZl5Bil49ULMnIjJzz2ad2Cmg/tWOhxVWh"
    "5QMBlAnbHUFZ4EYW5yNh22qleW1b8a9tK4wtWEuqlgXbHUHtXtxW+yoNuu2reHhxXRDfta"
    "7YGiBM3b/MJjwZYR9JeCehyhbzX0ZTzciOvTCs/7G0oYyBZBa2qlkqND/i+/1/WTxIgBxD"
    "FNhEeEh/uB98DTNhOJ7chHcHuIObMENs0xLlZwmugOiJl1Hu3Oi6BiQYw6CYLkLcWqA+ym"
    "LTruS4HLmZTMYBjtxw8xAfHu9vWDRKHPagRqrlaqS2KhefSPOKRBVFXBr6Osv0EyKr3SRU"
    "/Oq5RPM1QkzTV2gsZ9AVRugOqw2LwrpZFtSFqA0j0H5H/0X/LiIx28isOYrpogAV0lZGqc"
    "qm93w1RlFFoabL3xDTbGiRZKdkhodpKaerzOmdAspd7vPohmO6oHyvMt8VoIF8poAgJeVy"
    "lbmMBBtLtWwMgZjNjhohzCUcVYy1RYhH2E69/EY0qvpAi0J9qxtAXcEv4DWiywxBu7XOc8"
    "HezgvpH94L5ZXuH9GQvu+s/IT3DF24MwyunqIRMOWGCHcM+0KSv32X0EITg78JTBN1RNgD"
    "3Gwpb79MgSZ5kJJxn7m9VMcU8GbQHfD0tu4DLQBntGrdXodLJCitnL+E743vtHMieVbBC1"
    "iDOB+TffVFsp9JsGGhviZ/hMempr4A8Rt4bfwZckOJtAwud6a9cF4XRHWgpYzem5VubO9A"
    "PVuoZ8vJ54cz9XGgni3vketpPFt2c2yE5+nsxn76SjsDjNi7KctigzD+FiA/4UWvbH/dSP"
    "c+lGwn9pbInDzxkVeaJU+T4QA7WQzG4oh7GE/uB30mWibAz9zdZ3YqsqNHt27fOq5GgMMJ"
    "P+f4R46/I9El1QrQ9wzDyeN0xgYeyy0iPJXXNqYi5pk8qoRKAX4Vh+x0zt1yqBy1DfwU4O"
    "wLNx6LY/aJHQfbxVSgl9/7M/98HIzdUvQbDQRiuQAnc/yP/EMmXJJn4BRvx6i+g8XxXMaa"
    "6TyMklyMIhOTAWR9BVVnr/k2fyNyT0c01T3yU3Y4ueO537feQRkmLj9tn/H/EqB3jQZyn/"
    "H92NdgmtC9M3shpHJCSPBBCDNWNU0bGFmGzp6ihoOnFDePVyAZhPEyArK6ljQyyjuasFTt"
    "En3cEp+tdosE74gdcveD8YdPF2EPAQ/4TmRiWqtQXBmSYjuaKRHtQxXVygp2fCfvEP1eBv"
    "RfJE2Nc9PAW0cy3EGqpG1jvQBGElgIP1m3DROIWaWXEFnt/FxaqUSYVoII04qKMFvQZF3J"
    "g7VHVjusi5fFdUNdqVDSxGcMXQY1bZSQGs6ifkU7lPKtdSRyusolrnIyMCx1qWKNV/apmk"
    "BbuzmklPkaC2S5NWE74lxYH+d1bjxM0as4/a3PbC/wkaQ5O71nR5yjxfH/EuBg9DTgh3gP"
    "6V1VYwcJ/rbweUeN6CSRcFQgSFa7MVH8QUl0H0NXbJnsIzFHgMb5owTpagB1kh2G/ToPmG"
    "Ai5wJ2ZpjxhL/zmocPCwSh35m8M7zgfpoaakpKOZlqWjqSSsTFazaPqzAZFRujYqO63uiG"
    "Jf6lLzJ6s4XpSgL3/PwoItrxf+cyokeIqVtodczm1Pn3fXM560oUoaNLUXS69KvadShrtp"
    "nZxzqpCwo5YfU/sTN75WTZgvHVwAsg74BjkfWT0Fc2Cula+ks3skHqJ6GQVvrMRdUmhMIP"
    "XURmhwIgHnv9nNdrnBZb/4yYAlVntBeA6r3XTz1R9U+KKVAlSlYFoHy363cY6LaeoCfJp2"
    "84paUByUBwib4DP288sTV2ewwdNarJ5B1U0tgaEE3dNmRSxJ0smE1RTzOnozphVepBN1tR"
    "rbG+apBOuXl1F4lH3HArHG/EaVaZYMo36uq9nDq7brc/fbpsNz/1rrqdy8vuVXMnjkarku"
    "TSG+4Oi6YXft3O4bNpiN1ZtwN+Eqq1rpxOoN7oSjF22niDoVS6hbZOYYP1xV9AtsT441Ix"
    "7k9BshrYwkt353MRy+bdESCqHcjFv80KsIihNuMDQe4pqhEHEt+2NnEg1U2Wl91tXbu3vJ"
    "PGwaMT79/Ribh3nFd8gaOulud50DwuvEBE6Ryv3Chz2znU4QswsOoFb9kbhM1nqMVF0hZU"
    "3rUVDa9xmRvRQ+FU3MOTNEQKDZFSDc1SzeYwGiKlzlwneAFFQ6RkPipW5BmxCiX9Kf7QgK"
    "OMj9+7pwgj4O+gyu7VjX2oDHE+IUSe2Zfi7CVeiT/kBqnU3zbaLhrrJtxnXE0jx+uR6sx8"
    "wpH56In5M0xp88jPHm/uufk8T1SJHSkOKrH7IcCHx5sxN/uMy3eXAnzkfeW+HwKcD76wiJ"
    "OTX/k+s7/Ow9Pihzx1nH0PjrOnNipUTjyiLlxHHkZHjptLHQpiYC/VoWCkmrK60VRI1Or4"
    "ai+SNDoGWIpKsO0hhU5DsLuLXk+wL6+VlmBfd8EVupYvF8wHBaCJFDCyZEmavrLBT4xuMI"
    "LdAa1PzqeESK/bl17zF112XgtJ85FcMODj6iPTbCPCSyAvBbundIB7z4/hdfzUz0ITU1dM"
    "N0X3q1vLRRrDRbzdggYXLNm8nME8ED4PIGuSab51vXU8foe4pzNkyEnWW6L3LmHljfPyTV"
    "6DY32O0yzHvYXS9da0S6Cg9e1qsZC2i1ew+moht/B1r3fBeGtnZ9lR/DWkVbaMW9DFs1qL"
    "52kn+Qotnq1eGs1PWMfg0/z0Ito8nZT6Lj6ag05Mc/dOUwrmWiuLOx+Q7WBANRVrx10qOS"
    "dgxi/6grQ+7isTF8V90I3jexl8Q5X422evpj4GR12KPA7ksX14tFXeezQGw88c+8Tes/x8"
    "1mf8vwQ4ZgdTnp2KwTak0l3bff0sFDFfnP3GD0Nh852yXGauNNvKdvy+sh3ZWFqSgcZlFq"
    "ljT1E7d8MSXMQ3GIusp0ZCVNQKQYpB6mGUVWqOENLX+OBrfIbG8Okjz3P8XVZD+Jasz2wv"
    "BDia8NixAX0K8HbAjbHF2/3OM4On8VOId1OIeik4JpvMYyBEVrsRUEoCki1oGWMwBqko0u"
    "lSveCjO0jwz4h1mI6inQZtS7ckTTT071kCpQeJqJ6EHOsSvYqybsMsqqcoIQU3GuxyO86z"
    "ghslpOCGwQWGQYppkxBG2yOo3XTbTTXddhOm2y4hCQg9vlEzR/40xzeWKlTN51xsD5FS51"
    "PqfHo2rK2x72nFkD6i62mppisfD0jGqyCLEsxXoYaVCddETVP0+CuVn+jx13fP9TTHXw2w"
    "UvFf3aZqBjExUdKkfCZ0dExrBHvHoYV14Aady2SQ2FHizM3eNc7TNZtz80cnVTvH305wrq"
    "5gCU76fv8wZudOhnf3Ko/JonhvLJcbwMiZrCRETDdE1RnB0YnbG3nQEv2JCN908Dq5y6MO"
    "6xk3Yvm5yGU+cesjxQM72E9FRqgDcVbbIoG0dorB4kPc+VBTFRENgQXIpISNo68d9K00Fv"
    "RWvAm9FbGhu1los2dlDpJRoA8CbcrPuq4lTP0xFvQgWe2ALn4y0cAKG2fBBq3jAFpI6n3J"
    "hHgcPYX+IPTodpYkZ181w3QU6tRQbxBQubDeEdYO7FYrzdzdip+7W3FggzUxSOxhsHeE9Q"
    "M7VfChVkL0oVY0/BDehmWVSPw0tUM5zRYnfocT2eCgHSxa3GJcWsnw+khqh24pjmUL21Qh"
    "Qkw0ZT2byBelrB3ipfiWqDQ/exodWhn52aUXyZKMrB6rQaoawH4MP2x3P5gtPbufphifv7"
    "M3suY81uu4Tr75SO/OAfMsNfPJab5OdfS5aobJVGCFQpq/EbBoMPU6YrY/m/1GuAJnwWs4"
    "ErfJCotJUFjXt4lmdMyPnWkv8H/H4YPejNrM7esOd1UnvKLugmFZLorbBIK5jj5Sem7Odt"
    "2clRSX1mczIL2mcdd8kwumN90R3C99M2G866Xma1So22UkTsje0vkndcmkLplVnBXP1DmP"
    "umS+R66nccmkkUhLNGnmcv05kb/P0WAu3hEls8WYWorTW4rPMFYMxw+Gc+6JzQj5jg77Xr"
    "tXAvRKfD2eNkTMVmObNW+5n4jm1ibm1n7JKf6EaakDe3XknaiYe+oTvZVbnOt7pLdqUB/x"
    "TG8Z1qt6q4HLPAVNQC5eGxfC96Bizq/oL15JF1LE/dEI3e27aj0r6O2FTlTfCyai1As2oI"
    "o8qsirxDxwpiodqsh7j1xPo8jbAMPE6bZyaJwIpLVTjBQfRFc1TRuNFZJci0dZzMrlJ0oa"
    "YLXaJOLxQYy+mluttKM+qlppdyA/u2ZpRxo42C/A4ZQdcXPxZsB/6TO+HwKcPLC8+MhzT+"
    "x0xs1/2zYhlQqQHT0OB06kgOHk/p6bzZwbkUrzaLCKD1NvWjo+8L94zej2GSKjIbXiIpVi"
    "Z7KM6o0wHdUSRrAN7GUyylZhWqolrI4wFZWhfbvcrJr2MCHVEpJmKaqFLRVfTzeUCdsgEc"
    "WVardzTP/FabcJ73MBINfP+zsMcHAYpwA3pNJ9I8D1tA+EQY6u85WKuzpGz6Y1iEYGXHFx"
    "KH+utmuWJn293GnjnLXt1i6B7bWkXAn2VbMj46S1vcu27OaUx78ur7pdRHQFFsT882/qjE"
    "Z3rZYFgubApTlwq/jO5jwsS3PgnsqEfi/9pRPPsLgVBxe09a5ZigWtA1qf3PTrDFbbMKpl"
    "MjKa4jR9ZQMGx2TZrk3NdrPVbONlCMhLtDQpHeDkc1/i5OxSy03XfsF0WqhZD69d100FNW"
    "j3rnEOdwVd99pSB9+qiQh7V3IT1XalBS6/ajpr3ZK0SFbvAenCW62FN3P4w0IDDVVo4S3Y"
    "/bZq5yVOB2zxFlVnjhZlTTLNbIqrKCFVXh1WXvlQK2Db76zDQ6+zM0M67a4/+qJVwjOTip"
    "O5xEn3bY2TKXfvcgrBcj+KsomXSJiSLxc+WS0kqWHpzG2TLAVm7IcKa1RYqwq0ZUaFrJqw"
    "VqvDrYpqyupGUyHIJqxF6KisdlhW24NWgKg2CnR2ZkCnFdUir9kbJDVnjX+jjLbTU9UE71"
    "LFs4ltLXQbKvfANCVnZEVktHCTREFN3zYW177WNIfgOU2OifLTswQhiIljftib2Ede5ZW/"
    "Mbuf9Rn0IcD7ATfuM/gzvC1IIwukUdzE620iahsDoIlWJToPJCW48RHVTzlWShB5017gfP"
    "dZYPaR1O5IRzlBznWFEPE5PtS2177KE0chHrxlBNk+v9giOWbtL+zDvM/gTwE+sPyI4+/6"
    "zPZCgDMWZ4LEnwK8RfM5O+oz7neemb3oWCOWBdYbknYy3v/ZR0JdDSJuuZJpicAw9Ezn84"
    "JUtZvHS0mdQI8+x6N/nodg0xx9xunNcrDcR0aP5VTtWE4GV60yVRIPOGbcDEBlpunE8B3B"
    "BhdJ6ggn/pyI3jpFNL3GB+1GEwgYQ//ObIDBOB2gN+0ZMPilZPSl4wKEF4qt94+pM9Z3nU"
    "FdoneDwbfCHkIQ6haz0K1nZiOZZtSmVNI93qAvOXVsvwoZR4qK7RevR3EEjZxzaJi2hgsn"
    "nUmLmUkN/UXFGzrSJOrVJc+f/lYpDO6Xl80WNohLl4Ld63av8WGCRVuwr5vgCn12wRXJvJ"
    "6SiiqDK6YMppL/O5T8adCjunGdsIxVLHp5hWTD4p1xqU9ScT5JuU4buVli3pqEKHcmnWrI"
    "2sd1O8BJ5mZuaCmCbOqrTZROcd47cR+h6rCAOmDc1ozPIxhvtyUGd3XhO+JjAEW1fl5I8N"
    "v22mQ+eN6d3XYTfV53lujz6qoj+8t/isq3x7opMfGPsc3m5z95TnP+nFhqxpwlCE9AVteS"
    "Fisxe1Rhwckl+7glP98ZiATniB1y94Pxh96Fq21BEpHq+pXt3CciBgkaUahc05oz62YC1k"
    "dBET3sgurN2W90Pq1tSteLkAOq7/UKuJ4OB7PhYMTSECw1D8GyFb0JguReKI8XIveZNNMo"
    "OK97PRw05QoHTVEVBIiKHlJhFq+OBNdq/qyoK9Vi/A3xZ/MSHwOX8dGgq2aLpAMtrmOqJq"
    "2cwEfVpLVSmFE16XvkevXVpKfma/mO2VRX6qGbxpOvFe/I14psm7e5sh2IMiAcIqudz2Tx"
    "xzlNewOMF9VEzyCif5zxlEGUtnaQlzJzeJ4M2TQXISqqvTisvfC7jLxxd+33UTkzkNNurU"
    "MvWLn76pThlD2z1wSCuY4+Dhu/ssVTrqbbLtkAlkUNAUzTvXVUD7GtukhURPgapbBkafpK"
    "hVuvUf0bgFhPALQlo5oMBC/AYNwcHheMjiRtR4kw+zz4ud3tMYq6AqZFMlQV0ifVP1RL/+"
    "BwUnQZlEXWCNPVToYuwZWDqnpqtulPo+oBf29U1FsOrgcpa8j1M+FyrCN38PT9C5oR8wzu"
    "ICU9+FRlLqubLGuk27p2O/BON03gim585IpueGW0TZw/eZUxdkWQqnYwlxJXQZJl3c7u+u"
    "InomqOw2qOLWIFaDkG+57ODOL0/gP+t4vso3Ei1wF7gblxZ0jkTPGB+ovE3bvbUlztmh7c"
    "w99gR0/0diyX/2cyaFF61g3VdDQtjnso2n3v1SrMUjewxyjALJHRG8Jsb8h8uO187BLcTg"
    "vvnehfGlIkaeoLEL+BV+pjetIt/5Z75KU2RbyXPXmVDZONp4mbdXcwFkfcw3hyP+gz0TIB"
    "fubuPrNTcZ+ld9c6rkaAwwk/5/hHjr8j0SXVCtD3DMPJ43TGBh7LLSI8ldc2piLmmTyqhE"
    "oBfhWH7HTO3XKoHLUN/BTg7As3Hotj9okdB9vFVAiQ9/7MPx8HY7fUSYRMLhfgZI7/EY9B"
    "Yu+mLOo6XBKev05jm3Nm7xz5kiN0VIQieA57KGXfQQcpa6goqbF6zNN+ZB1TETqahJzgjE"
    "+VUu9AKbUTq4kCHZm/fpoqS3GVMd7QTNk0o3PFFSmpMzqfRpvyBAx1qcqOkmGIPS8JGpVI"
    "m4skrcqLr7XoOXOWGk/8D19cK9tAE7lz6TPP/klVGcdUZZw6LNmpJ+FSApP54N2/43k0RT"
    "7yKsONZsY7bjZnp33GuxIggoS/Y8WHwWz262Q66jOhgn2Lz0is21fjXwJkvz5MpvM+434L"
    "cMwOpjw7Ffd3Cpfk0XC00xmIEuxDJA/6HM5AIbIqM7syAiX1Czkk8NRic7aUVM0RDTKH8C"
    "ZQ0kjeYQ0H7t5e53OqC5JSHUeVhxH1nYwfUvVSDkeUAqfZrQ7Q3lJ+bhD2qNuai6SdqbRv"
    "Q9NbHW0glLzZ3MZLySIY+0hqKBS3u2k8AVGr+B1IN+ILiAdVBoS3zWuIbiuV/18rwf+vRc"
    "jHoUOL6Gb5y2zCx8pJFtnHUlFli/kvo6nmOWqwE8DFYASWyEiWpXBCpdDahzu4yRZxsvjF"
    "7Mf/AD40itE="
)
