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
        CREATE TABLE IF NOT EXISTS "conversion_rule" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(12) NOT NULL UNIQUE,
    "rule_type" VARCHAR(28) NOT NULL /* NON_DEGREE_TO_DEGREE: NON_DEGREE_TO_DEGREE\nDEGREE_TO_NON_DEGREE: DEGREE_TO_NON_DEGREE\nDEGREE_TO_DEGREE: DEGREE_TO_DEGREE\nNON_DEGREE_TO_NON_DEGREE: NON_DEGREE_TO_NON_DEGREE */,
    "status" VARCHAR(12) NOT NULL /* UNSUBMITTED: UNSUBMITTED\nPUBLISHED: PUBLISHED\nUNPUBLISHED: UNPUBLISHED\nTAKEN_DOWN: TAKEN_DOWN */,
    "deleted_at" TIMESTAMP,
    "institution_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_conversion__institu_5d7e2d" ON "conversion_rule" ("institution_id", "deleted_at", "status");
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
CREATE INDEX IF NOT EXISTS "idx_learner_institu_0b2529" ON "learner" ("institution_id", "created_at");
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
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_5b86ee" ON "achievement" ("institution_id", "deleted_at", "id");
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_0802f8" ON "achievement" ("institution_id", "deleted_at", "subtype", "id");
CREATE INDEX IF NOT EXISTS "idx_achievement_institu_98e4a4" ON "achievement" ("institution_id", "deleted_at", "category", "id");
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
CREATE INDEX IF NOT EXISTS "idx_learner_ach_institu_1d1180" ON "learner_achievement" ("institution_id", "withdrawn_at", "created_at");
CREATE INDEX IF NOT EXISTS "idx_learner_ach_institu_381dbd" ON "learner_achievement" ("institution_id", "withdrawn_at", "category", "created_at");
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
CREATE INDEX IF NOT EXISTS "idx_feedback_institu_f5bb6a" ON "feedback" ("institution_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_feedback_institu_b8a3f2" ON "feedback" ("institution_id", "status", "created_at");
        CREATE TABLE IF NOT EXISTS "rule_source" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "credits" VARCHAR(40) NOT NULL,
    "achievement_id" INT NOT NULL REFERENCES "achievement" ("id") ON DELETE RESTRICT,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_rule_source_rule_id_5dd887" UNIQUE ("rule_id", "achievement_id")
) /* A source achievement of a rule, with its credit-bank credits (学分银行学分). */;
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
) /* Bank staff's authorisation of an institution for a restricted subtype (F4.5). */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "learner_achievement";
        DROP TABLE IF EXISTS "ref_discipline";
        DROP TABLE IF EXISTS "ref_graduation_conclusion";
        DROP TABLE IF EXISTS "feedback";
        DROP TABLE IF EXISTS "import_job";
        DROP TABLE IF EXISTS "rule_source";
        DROP TABLE IF EXISTS "conversion_rule";
        DROP TABLE IF EXISTS "learner";
        DROP TABLE IF EXISTS "ref_major";
        DROP TABLE IF EXISTS "achievement";
        DROP TABLE IF EXISTS "ref_level";
        DROP TABLE IF EXISTS "ref_major_class";
        DROP TABLE IF EXISTS "subtype_grant";"""


MODELS_STATE = (
    "eJztXW1zozi2/iuUv2xPVSYVu20n7bp1qxybpJl2cNZ2srM7TFEYZIdpIrK8pCd3d/77lc"
    "DYvAiMCNiY6IsNko6A5+jl6Jyjo/+0nk0NGPb5UFVNFzqtAfefFlSeAbqIZ51xLeXlZZeB"
    "ExxlaXhllVChpe1YiorrWimGDVCSBmzV0l8c3YQoFbqGgRNNFRXU4XqX5EL93y6QHXMNnC"
    "dgoYzffkfJOtTAn8AObl++yysdGFrkZXUNP9tLl523Fy9NgM6NVxA/bSmrpuE+w13hlzfn"
    "yYTb0rr/+msAgaU4AFfvWC5+ffx2mw8Nvsh/010R/xVDNBpYKa7hhD53Ke/SWrIsThfynF"
    "/IcosCINWEGFz0qrb39Wv8Cj932t3L7tXnfvcKFfFec5ty+Zf/6B0wPqEHj7ho/eXlK47i"
    "l/Aw3oGqWgAjIStOEtwxynH0Z0BGOEoZQ1rbkJ4HF3HcA5SzgA8SdsjvWtshoEcfqE2h8b"
    "ZheQbOC+GOny+Gd/f4cc+2/W/Dw2+44HFOx0t9i6V+6v+E003UkfwOtq2E+4ew+MrhW+5f"
    "U5H34DVtZ215T9yVW/yrhd9JcR1ThuYPWdFCrTNIDVBDJXdcd1+0glyPUjKu14XrAUYhtm"
    "/ePsR1G1jedYLnoyfFSuF3iCbGbYRaEf4edzh9Vv6UDQDXzhO67XczuPs4nI2+Dmef+t0Y"
    "x8RNTsfL+isC8Yti2z9MS5OfFPuJBucEYTlgH7szReDu9Ho58EalUgH38qKIf0efRgaah+"
    "6zB7aA3kmBKkiAHtDWGWs0h88XwuJhIUxFeTi+E8QBl0iSYDjpYc7PooVwigTR8HFzM+C8"
    "PwlO+OFMxAU3F60iHL3Iw9CLdH5exNmJOOW4dlGG7qgPx9LWcLQQHvkWJVt9qgHn/0twLM"
    "yH1xN+POCCK5TGT/iFl+RfFGFROw+L2uksaidYRDuFlDt95GIJJTMKjmefOzmg/dxJhRZn"
    "xaYPBBAVtluCqsBNTM4HwrbdztNs2+nNth3HFjwrukGD7ZagcQ233bnKg27nKh1enBfF99"
    "nUXAMQhu5f5lORjHCIJL6S0FWH+y9n6HZixV4a1v+zcqGKgeSWrm44OrTP8fP+tyoeZECO"
    "IYosIgKkP90Nf40zYTSZXsdXB7iC6zhDXNuR1ScFroEciJdJ7lybpgEUmMKglCpi3FqiOq"
    "pi0zblsBy5nk4nEY5cC4sYHx7urnnUSzz2oEK642ukNiqXkEjzhkQVTV5Z5jPN8BMja9wg"
    "VP7suULjNULMMNeoL1PoChN0+9WGZWF9URXUpagNE9D+QN9i/pCRmG1Ra45SqihBhbSRUe"
    "qy6D1djVFSUWiY6nfENBc6JNkpm+FxWsbpOnN6q4Dyp/siuuGUKhjf68x3DRigmCkgSsm4"
    "XGcuI8HG0R0XQyDT2VEThIWEo5qxtgzxCNupV9+JRtUQaEmob0wL6Gv4DbwldJkxaDfWeS"
    "Fa22kh/VfQoILU3Stayo+tlZ/QztCFP8Lg7BnqATNhhHDHsC8V9fsPBU00KfjbwLZRRYQ1"
    "wPWG8ubbDBhKACkZ97lfS31MAe8G3QPP7Jgh0CJwJrOeO8/xFAUqa++T8LPxk7ZOJE86eA"
    "XPIM3HZJd9lu1nEi1Yqq/Jb/G+aeivQP4O3lq/x9xQEiWj0x1qo4hgTyHbXXptKm95FTWx"
    "tWm9BQTMFYa5wtRiQDlRpwjmCvMRuZ7HFSY80hYxNIfpa+09MOZvZzyPLcj4X4LiVJSDtN"
    "11K197qNiwHJouCxn/d+S1ZsnjdDTEXhnDiTwW7ifTu+GAS6ZJ8Ktw+5Wfyfz4wc/blU7L"
    "keBoKi4E8UEQb0l0WbkSDL3DaPowm/OR1/KTCG8VlE3JSHmngCojU4K/yiN+thBuBJSOyk"
    "ZuJTj/Jkwm8oR/5CfRcikZqPEHH/P3h+HET0X3qCMQ0yU4XeAvCneZeEqRjlO+4aP+HhmH"
    "8zG7yOeSlOWTlBiYLKCaa6h7i9P3OSiRazqgbe9BnPGj6a0o/GvjTkQxcIVpB1z4ToLBNe"
    "rIAy50s8vBNLFnU7st5PJayHBaiDNWt20XWDRdZ0fRwM5TiV/IG1AsQn8ZA1V/Vgwyylua"
    "uFTtE51viE9WHUaCd8yPhLvh5NPns7hLQQB8NzEwPetQXluK5nqqLBmtQzXdoQU7vZIPiH"
    "6fAv1XxdDT/Drw0pEMd5Qqa9nYLICRBBbDTzVdywYyrfQSI2ucY0w7lwjTzhBh2kkRZgOa"
    "ampFsA7IGod1+bK4aelrHSqG/ISho1DTJgmZpS3piLRFqdhcRyJns1zmLKcCy9FXOtZ40Q"
    "/VBNrGjSGVjNdYICusCdsSF8L6MM25dT9DTXH2zwG3ucB7mBb87I4fC54WJ3wnweH4cSiO"
    "8BoyuKrHChL86eANkgbRqyJjb0GUrHF9ovydleg5lqm5KtmpYoEATXNgidI1AOosOwz/6y"
    "JigklsJNiaYSZT8TYoHt9dEIV+ayOnaOBhmgZqSirZymo7JpJK5OUbnYtWnIyJjUmxUX9+"
    "MS1H/sNcUrq/xekqAvf0/CgS2vH/K2RETxAzP9L6mM2Zt/DH5jLtTJSgY1NRcrgMq9pNqB"
    "quTe2UnVUFg5ww+x/Z+712smzJ+BrgFZBXwKnIhklYk01C+qz8YVp0kIZJGKS13qRRtwGh"
    "9F0aidGhBIgnQT2n1YzzYhseEXOg6vX2ElC9C+ppJqrhQTEHqkTJqgSUb7f1jiLVNhP0LP"
    "n0Hdu6DKBYCC45tEPonVu8Jn6Nsb1JDRm8o0oa1wCybbqWSgrRQ4PZDNU09ypqElaV7oxz"
    "Nd2ZmOsWaVtckHeWuScOl8IBSrxitYm+fK2vP8qusy+dzufPl52Lz/2rXvfysnd1sRVHk1"
    "lZcum1cItF07Owbmf/3jTEbtrlQJiEaa1rpxNoNrpKip023WCoVG6hbVKcYXP5B1AdOX27"
    "VIr7U5SsAbbwyt35fMTovDsiRI0DufzWrAGHGJszPXLkjqIegSPxYxsTOFJ/oWnsfunGtf"
    "JuHgePbrp/Rzfh3nFa8QUOOlue5kbztPACCaVzunKjymXnyISvwMKqF7xkbxEWn7ESZ1lL"
    "UHVbVraCwlUuRPeFVvE3T7IQKSxESj00Sw0bw1iIlCZzneAFlAyRQr1VrMw9YjU6Jaj8TQ"
    "OeMj597Z4jjEC4gjq7V7d2oTLkxZQQeWaXio87CVLCITdIqeGyyXLJWDfxOtNyWgWaR649"
    "8xlb5pM75k/wDJwHcf5wfScsFkWiSmxJcVCJ7Y0E7x+uJ8L8K07fXkrwQQylh24kuBh+4x"
    "Enp/8QB9zuughPy+/yzHH2IzjOHtuoUDvxiLlwHbgbHTjQLnMoSIG9UoeCsW6r+ouhQ6JW"
    "J5R7lqXRscBK1qJl9yl0WpLbW/b7knv5RWtL7pceuELX6uWS+6QBNJACTlUcxTDXLviJMy"
    "1Ocrug/dn7VRDpl85lUPzVVL1moRghkjMOnK/PuYsOIrwE6kpy+1oX+M88j8/jx34XdpJ1"
    "zXRTbL26sVzkMVyk2y1YcMGKzcsU5oH4fgDVUGz7vfOt5/E7wjWdIEOOMt/eAKDhmkiz7T"
    "Yvc65dhUsd1GwSUrz/TghAv9MWhAuymeuQM5eiqqYLyU4mGe59YaKqVounB3NYIIDOxqM7"
    "v0ywJWng9NXLFaiolxGoqJcMVHSSykq0yp1OHotFwPUp/fi3/jWOcRukhtN+4UcLP82/Kq"
    "SJLD3KugVeDKpQLluCxvn4VNIhnhSoGQU2zyfo2B7O5JgegESvRo9SMjV6ndXozM0kvUOd"
    "psNBHjcTZjypOkpDYvskbcyGtAoY3sxYVWCyqireQKKZlgB4o7cKx3FP7+nUxsIq9XLEXf"
    "UEHV3a7vts21hqLIA8ZrL+UusFtqZLoH2W3KvlUtkYlaLZV0u1ja/7/TMusGl1V10tnEOy"
    "flXxCGbUqpdq8LjGlxoZtdr9PHqQuPQa0oP0E4or0yLMC+lRVjfFDyfqXNS4zRayYZUXt4"
    "NuFq7nSv2wJizBC2T7i7kkzY+7zMxJcRcM9/BmrO8ok1mpjjkVBRwoouYPaOtsVGkNR18F"
    "/pG/48XFfMCF7yQ44YczkZ/J0TKk1G3ZXf48dpKlPP+nOIodZ+mlFTEQdPK4e3TS/T06CY"
    "cPR7FQv6SROnYUjTMRVBC64QVjQRvNJUbFFC6ks4ECjGil5gQha8Z7m/EJ2n1nD6IoiLe0"
    "Rt8N2YDbXEhwPBXxhiP0K8GboTDBRl7/v8gInmf/UPr2oeTuIc+VmroPxMga1wMqORh4Ax"
    "rl2ShRKoZ0viOYcUgdJPhTYh2nY2jnQdsxHcWQLfMHzQGGUSKmJyGfQYOaoue4R7NCTRAy"
    "cJOH0Gz6OS24SUIGbhxcYFmkWNMZx9sFBI0bbitxGWP+LunoN9ffZaVD3X4qxPYYKfNmq7"
    "M327H9mmrG2ga72dQM6QNuCa/UdBXiAcl4FWVRhvkqVrA2YdSZaYqFpWPyEwtL9+G5ThCn"
    "kgeZgLWOP9WbrWwHpMQqzhFDjVTRIa0R/K2AJtahfxgElUFiS4n3lgXXEhTE+UJYPCyEqS"
    "gL4s10wMVTJDia3t1P+AU/4IKrIiaL8r2xfG4Aq+AhwjFitiCqTw9ODtxBz4OOrALL0Ve6"
    "ivjgc+udnTmlyoN267kw5sWFLFDvLg2RehtJI/XUpId6ENPaFgmkjVMMln/0RAg1XZNRF1"
    "gCKiVsGn3joG/nsaC3003o7YQNHS0L8IFb1CGFomQM6L1A2+qTaRoZQ3+KBT1K1jigyx9M"
    "DLDGxlnwguZxAB0k9b5SIZ5Gz6DfCz0OKqKo9LNmnI5BnRvqFwRUIay3hI0Du93OM3a308"
    "fudhrY4Jl4eNN+sLeEzQM7V1DwdkZU8HYyLDhehtFKJGGaxqGcZ4mTvsJJLHDQChZNbiku"
    "rWR4QySNQ7cSx7Kla+sQISbbqkkn8iUpG4d4Jb4l6FGWqbkp53EuwJ+pxucoXQPQztKh8b"
    "8uIuqzxDl6WxXaZCreBsXjh+vFBpRXxVEsWo/VKFUDYD+EH7a/HqQyrkZoyvH5O3kja8Ft"
    "vZ7r5Lu39G4dME9SM5/czhs9D/k4W5/rZpjMBVbsqMF3ApY85LCJmAUBht8JVjiacRNh2m"
    "1hfydQkS3zDRywNhGA3onSJmhSU1sTIUxSOYB9gEHedpf423GUpXejNvfrusVVNQmvpFdl"
    "XORN4jaFYGGin5wOrvNtNScl7OZ1bY0I+Xm8Wt/lqRoMdwQv1dBImO6haoQKleqdmginsj"
    "MI/74v8gqLuMLcWms3ZJ6ogyNza/2IXM/j1spOWarQLFzIfeogPlNHDKhYui8PtdGdGdtT"
    "wU0Y208w3I4gDkcL4ZGnhHxLh93X/SsJBimhGo8bZedYZzbt1yWdngQcRtXRXwtKP3Fatg"
    "egPuJOUsoNVii0p+Qk6NiW6LRIM1jLTbnhPE7HwCWAy44p+Sj7+esG9QE39Fdhum62caPK"
    "EAgE5NJ1zDF896qb4wel7D/eYgoBFyLintBHcMs3Di3nuE2l59ziKVLobzaHX/cMH7EO1q"
    "b1xilQ4zZWIE6xQFyor+YpElTNFx1onA65T+GmzUF0ZXHqkwLXiP6me97/ibNNztBtlLnS"
    "DQfl/tBRu3YdTuH+MHWYdmLGb2FFvqG/+qEe9yraceUa6sdwI8DuObk3UXzzxSTSGIcjpF"
    "6B0AtHM5nGn2n8azHunqjul2n8PyLX82j8w2dr0Wr/SbQNtARU4iscnieL6FLD9HXGvDXm"
    "b2c8jlPu/UtQnIpykLa7LqJLLf9Q6o2EVli/vSOvNUsep6MhDsYynMhj4X4yvRsOuGSaBL"
    "8Kt1/5mcyPH/y8Xem0HBzZRVwI4oMg3pLosnIlGHqH0fRhNucjr+UnEd4qKJuSkfJOAVVG"
    "ZuzAlNhZKRKcfxMmE3nCP/KTaLmUDNT4g4/5+8Nw4qeie9QRiOkSnC7wF4W7TDylSMcp37"
    "T5AizbhIpRwMBJIK1z5yk4h5R/8oVu2y6SuUj6KCytpayAwkRZgtoJAp4BMBa0Ent1TIsy"
    "2MOGoHlm4tKD9HjLeE32A5EQ1HVjoOrPikEGOkkcb6g+9fmmltOzBWS1VH4k3A0nn/pnvl"
    "kerRR0X10aMKKbcvxHYaFlS31Qo/w2Ihy9XX5LGoksh6b5GT8WFvL1UPyGpvXdDZpG73lR"
    "fhCFR342Fxb/3BQhpUowLATc3QnzufcgUmqRqbf8c9Jsx7QKWDDjZMzGdnoGzNPTOYY2rQ"
    "QKaYopOEzTQBmxnUvP0M7QM7STeoa4fp5GrxenZb4s9VHkJfW3O27RzgUESjYdJIesACbZ"
    "AopNWnelj1wE0sYtIyqJG7IFbqUb1PMFkbhxuFeino5CR2sYIFMz5PMgHzaqULr1xgmZYx"
    "dznDu8YL9x56HCNkrEcGUOiTRQl+6QSGjPJYDcvDAUcYCj3TgHuDGPsHcC3EyXzjjIyXn+"
    "HW61LGDPkTxpX4HRIjrP4oyzLH9ZC6yQCBoU2+slK7k9tduR3P6y0z7jwPn6nJPcL4p2Jb"
    "lXF131DN31Lzuq5F5+0dr47vKq10NEV2B5Htdwv7sydmRZvTw9j7vf+7jQVmwDtU2L5gDo"
    "oDg79vkdESCPE92wZmrPo0xod8ofJjHikJ+xd0J73hbLMaF1Qfuz96t4WyE43bHxTgvFMN"
    "cu4HCg8c3cdNG5aF908DQE1BWamrQuwNcaur5aKm00MS37/TOu20bF+nju+nKhoQKd/hdU"
    "/UpD1/2O0sWPukCE/Sv1AuX2lCVOv7rw5roVaZKs3wuyibdeEy/1mT6lRs+v0cRbckCEug"
    "WwOR6w5XscemO0rBqKbdNp95KETMO3X8MXQq0E3Yg3D4+Cyk4M6byqkWRDq8WOYyZOFhIn"
    "/daaJlNu23IOwXLXi+jESyRMqZfLkKwWk9SwdOaXyZYCKethwhoT1uoCbZVHHdVNWDui71"
    "/5W3I03Vb1F0OHgE5YS9AxWW2/rLYDrQRRbRyp7MSAziuqJZrZOyQ1b45/p4y21VM1BO9K"
    "xbOp6yxNF2p3wLYVr2clZLR4kUxBzdwUlp9DpUsNPc7kp2PKT08KhCDlcM4cW9135HWe+V"
    "vzu/mAQz8SvBsKkwGHf+PLgjyyQB7FTbreJqG2sQAaaHWih0XWqe0houYpxyo5GdV2l38A"
    "lQrmEAnzjs11cqepEVzA08+PDMrXeeAoZbdKFSdHnl605wKj9jf+fjHg8K8E73lxLIi3A2"
    "5zIcE5L6Jc/CvBGzSe8+MB5/8XGdnLjv7sOOD5haSdTHcSD5EwV4OE77JiOzKwLJMqgkWU"
    "qnHjeCX7eliIuXT0TzPYWJ4Qczb2WaVneYiMbUGt2xZUCletKlUS9/gUjzmA2twwiWFpow"
    "XOstQR3okgMmp1mmwHhXNFo7XMH9wLsDivAtTSngCHGyVnrjwXIDxRbLx/bJNzfpgcqhK1"
    "DQ4/CnsIQWg63NJ0nrgXxbaTNqWKnvEOfcmxT1upkXGkrNNW0vUonqBRcAyN0zZw4mQjaT"
    "kjqWW+6nhBRxpEg7zs8TNcKofB/fLyoo0N4sql5PZ7vS94M8GyI7lfLsAV+u2BK5J5PScV"
    "UwbXTBnMJP8PKPmz4NJN4zphGqvZcZI1kg3Ld8ZlPknl+SQV2m3kn+n93iPjC597Xg9Z+7"
    "BuBzPXAHM/XCVBNg3lZkqnFion76Je7hdQh5xfOnIMDFpuKxyu6iy0xccLWfrzUoHfN9c2"
    "9ynw7ux1LtDvl+4K/V5dddVw+k9J+fZQDyUeHIMf4WETclyOHxzDpOYDS80FQumWGUO3pi"
    "MQCc4iQXRZ2KVqTWveqEsFbIiCIbrfBTUYs9/pfDoy4SuwbPRts02FJwZzXgfUUPOKuJ6O"
    "hvPRcMyzODU1iFNTpTC5Eb0JguROKE8XIu1dmRwKzi/9Pg6acoWDpugaAkRf4cP/lm+eBN"
    "e++FnT17rDhQvi34tLvA1cxVuDri7aJB1oeRUzNWntBD6mJm2UwoypST8i1+uvJj02X6t3"
    "zGa60upOzPPkIB8iCoRjZI3zmSx/O6ftvgDrVbfRO8joiyl3GSRpGwd5JSNH4MlAp7mIUT"
    "HtxX7tRdhl5J2r67CPyomBnHdpHWtg1a6rc8acDsxeUwgWJvrZb/yiCzpdT7ddsgGMRg0B"
    "bNt/dFIPsck6y1REhArlsGQZ5lqHG69R8zuAWE8AjBWn2xwEr8Di/HPBzjgTSdqeEmH+df"
    "hzp9fnNH0NbIdkqCqlTqZ/qJf+weOk7DOIRtaI0zVOhq7AlYOpehq26M+j6gF/vuiotgJc"
    "j1I2kOsnwuVUR+7o7vtXNCIW6dxRSrbxqc5c1l9o5ki/dONW4N1ensAVvfTIFb34zOjawJ"
    "KR3EwXuyJK1TiYKzp1TDVdeteXMBFTc+xXc2wQK0HLMdzVdGIQ5/cfCLcuso/GkVwH3CXm"
    "xq2lQOJW00j+Webq3S8pr7dF967hr7GjJ2odq9XfbA5NSk+mpduepsVzD0Wr751ahVuZFv"
    "YYBZglKmoh3OaB3Keb7nmP4HZaeu1E/9KYIml7rjPzMT3mkn/DPfJUmyPey468zobJ1uN0"
    "NFwIU3E4kcfC/WR6NxxwyTQJfhVuv/IzmR8/+Hm70mk5EhxNxYUgPgjiLYkuK1eCoXcYTR"
    "9mcz7yWn4S4a2CsikZKe8UUGVkSvBXecTPFsKNgNJR2citBOffhMlEnvCP/CRaLiVDgmLw"
    "MX9/GE78VHQ/4MjpEpwu8BeJGCT+dsajquMp8fHrOLY5b/RGKzXac7cTdEyEIngOByjRr6"
    "CjlA1UlDRYPRZoP2j7VIKOnWRPcMZnSqkPoJTaitVEgY7M3zBNnaW42hhv2HHi7NjrmitS"
    "ch97fRxtyiOw9JWuekqGEfa8JGhUEmXOsrQqr6HScuDMWWk88d9Cca1cCw3k3mXIPPs7U2"
    "UcUpVx7LBkxx6EKwlMFoJ318aLaIpC5HWGG42Mt8J8wc8GXHAlQQSJeMvL98P5/B/T2XjA"
    "xRJ2Jb4isW6Xje8kyP96P50tBpz/L8EJP5yJ/EzePSmeUkTD0clnIMqwD5E86As4A8XI6s"
    "zs2giUzC9kn8DTiMXZStENTzSgDuFNoGSRvOMaDly9+1zMqS5KynQcde5GzHcyvUs1Szmc"
    "UAocZ7U6RGtL9alFWKNucs6yVqbKrgw73upgHaHixeYmXgqNYBwiaaBQ3Onl8QREpdJXIL"
    "2ELyDuVBQIb4o3EN12Lv+/dob/X5twHocJHaKb5S/zqZgqJzlkH0tNVx3uv5yh26eowc4A"
    "F4MRmSITpyzFD1SKzX24gmu6iJPlT2Z//T+glzUw"
)
