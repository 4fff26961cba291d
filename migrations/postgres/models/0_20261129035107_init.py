from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "audit_log" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "actor_id" INT,
    "institution_id" INT,
    "action" VARCHAR(64) NOT NULL,
    "object_type" VARCHAR(32) NOT NULL,
    "object_id" VARCHAR(64) NOT NULL,
    "detail" JSONB NOT NULL,
    "ip" VARCHAR(45) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_log_actor_i_3f2ecd" ON "audit_log" ("actor_id");
CREATE INDEX IF NOT EXISTS "idx_audit_log_institu_a6f065" ON "audit_log" ("institution_id");
CREATE INDEX IF NOT EXISTS "idx_audit_log_action_286eba" ON "audit_log" ("action");
CREATE INDEX IF NOT EXISTS "idx_audit_log_created_277f5d" ON "audit_log" ("created_at");
CREATE TABLE IF NOT EXISTS "outbound_message" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "channel" VARCHAR(4) NOT NULL,
    "recipient" VARCHAR(128) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "attempts" INT NOT NULL,
    "last_error" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "sent_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_outbound_me_recipie_0bfbc5" ON "outbound_message" ("recipient");
COMMENT ON COLUMN "outbound_message"."channel" IS 'SMS: SMS\nMAIL: MAIL';
COMMENT ON COLUMN "outbound_message"."status" IS 'KEPT: KEPT\nPENDING: PENDING\nSENT: SENT\nFAILED: FAILED';
CREATE TABLE IF NOT EXISTS "phone_send_slot" (
    "phone" VARCHAR(11) NOT NULL PRIMARY KEY,
    "last_sent_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "phone_send_slot" IS 'One row per phone: the time of its last code, so two racing sends cannot both pass.';
CREATE TABLE IF NOT EXISTS "province" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL UNIQUE,
    "code" VARCHAR(6) NOT NULL UNIQUE
);
COMMENT ON TABLE "province" IS '省级教育部门.';
CREATE TABLE IF NOT EXISTS "school" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(128) NOT NULL,
    "code" VARCHAR(10) NOT NULL UNIQUE,
    "school_type" VARCHAR(32) NOT NULL,
    "supervising_unit" VARCHAR(128) NOT NULL,
    "province_id" INT NOT NULL REFERENCES "province" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "school" IS '院校, identified by its 10-digit 院校标识码.';
CREATE TABLE IF NOT EXISTS "institution" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "registration_step" VARCHAR(16) NOT NULL,
    "registered_at" TIMESTAMPTZ,
    "registrant_certificate_type" VARCHAR(16) NOT NULL,
    "registrant_name" VARCHAR(32) NOT NULL,
    "registrant_id_number" VARCHAR(18) NOT NULL,
    "credit_code" VARCHAR(18) NOT NULL,
    "school_type" VARCHAR(32) NOT NULL,
    "legal_representative" VARCHAR(32) NOT NULL,
    "contact_name" VARCHAR(32) NOT NULL,
    "contact_phone" VARCHAR(11) NOT NULL,
    "contact_email" VARCHAR(128) NOT NULL,
    "postcode" VARCHAR(6) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "business_scope" VARCHAR(500) NOT NULL,
    "introduction" TEXT NOT NULL,
    "avatar_key" VARCHAR(200) NOT NULL,
    "school_id" INT NOT NULL UNIQUE REFERENCES "school" ("id") ON DELETE RESTRICT
);
COMMENT ON COLUMN "institution"."registration_step" IS 'REGISTRANT: REGISTRANT\nINSTITUTION_INFO: INSTITUTION_INFO\nCOMPLETE: COMPLETE';
COMMENT ON COLUMN "institution"."registrant_certificate_type" IS 'RESIDENT_ID: RESIDENT_ID';
CREATE TABLE IF NOT EXISTS "account" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "username" VARCHAR(64) NOT NULL UNIQUE,
    "password_hash" VARCHAR(255) NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "name" VARCHAR(32) NOT NULL,
    "phone" VARCHAR(11) NOT NULL,
    "email" VARCHAR(128) NOT NULL,
    "modules" JSONB NOT NULL,
    "must_change_password" BOOL NOT NULL,
    "synced_from" VARCHAR(32) NOT NULL,
    "failed_logins" INT NOT NULL,
    "failed_window_start" TIMESTAMPTZ,
    "locked_until" TIMESTAMPTZ,
    "password_changed_at" TIMESTAMPTZ,
    "deleted_at" TIMESTAMPTZ,
    "institution_id" INT REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_account_phone_9b3340" ON "account" ("phone");
COMMENT ON COLUMN "account"."kind" IS 'INSTITUTION_ADMIN: INSTITUTION_ADMIN\nINSTITUTION_USER: INSTITUTION_USER\nSTAFF: STAFF\nLEARNER: LEARNER';
COMMENT ON COLUMN "account"."status" IS 'ACTIVE: ACTIVE\nDISABLED: DISABLED\nDELETED: DELETED';
CREATE TABLE IF NOT EXISTS "session" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_digest" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "ip" VARCHAR(45) NOT NULL,
    "user_agent" VARCHAR(200) NOT NULL,
    "account_id" INT NOT NULL REFERENCES "account" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "session" IS 'A login: the token itself is never stored, only its SHA-256 digest.';
CREATE TABLE IF NOT EXISTS "verification_code" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "phone" VARCHAR(11) NOT NULL,
    "purpose" VARCHAR(20) NOT NULL,
    "code_digest" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "failed_attempts" INT NOT NULL,
    "consumed_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_verificatio_phone_950f62" ON "verification_code" ("phone", "purpose", "created_at");
COMMENT ON COLUMN "verification_code"."purpose" IS 'REGISTER: REGISTER\nCHANGE_PASSWORD: CHANGE_PASSWORD\nCHANGE_PHONE: CHANGE_PHONE\nEXPORT: EXPORT\nLEARNER_REGISTER: LEARNER_REGISTER';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1v4rgW/isWn+ZKzAhooQy6uhJt0w53WqiAmR3tsopCYiC3wWYTp51qt//92nkhL0"
    "5CkgINmXyhqe3jJM/xyzmPj52/a2usQM341JdlbCJS64G/a0haQ3oRzqqDmrTZeBksgUhz"
    "zSor+QrNDaJLMqtrIWkGpEkKNGRd3RAVI5qKTE1jiVimBVW09JJMpP5lQpHgJSQrqNOMP/"
    "6kySpS4E9ouP9uHsWFCjUl8LCqwu5tpYvkZWOlDRC5sQqyu81FGWvmGnmFNy9khdG2tGo/"
    "/hIiqEsEsuqJbrLHZ0/nvKj7RvaTekXsR/TJKHAhmRrxve5c9NJqojgcTcWJMBXFWgaAZI"
    "wYuPRRDevtl+wRPraa5xfn3bPOeZcWsR5zm3Lxat/aA8YWtOAZTmuvVr5EJLuEhbEHqqxD"
    "hoQoER7ca5pD1DWMRjgoGUJacUQ/uRdh3F2Uk4B3EzzkvdZ2DOjpCyojpL04Kk/AeTq4Fy"
    "bT/v0Du93aMP7SLPz6U4HltKzUl1Dqh86/WDqmHcnuYNtKwG+D6RfA/gW/j4aCBS82yFK3"
    "7uiVm/5eY88kmQSLCD+LkuJrnW6qixot6Wnd3Cg5tR6UrLReFK27GPnU7jy9T+sG1K1rTu"
    "dXK0mP0bdPJqRtiloe/b7vcLqWfooaREuyov92zhO0+70/vvrSH3/onIc0NnRyWlbWawDi"
    "jWQYz1hXxJVkrLLgzAnuB+z37kwBuFvtdgq8aalYwK28IOKP9NWigRaQubbAHtBnkpAMOd"
    "Bd2SJjTefwyXQw/TYdjIZi//p+MOwBLmmG/EnfJsI4WIilzBAdPm5uesD6M0N3Qn88ZAWd"
    "i1oejTbSKLQRr89GWJ1UU8Q08irUkz6eSmv9q+ngu1DLqFZbqgfsvzN0PZj0L++E6x5wr2"
    "iacCdMrST7Io+KmmlU1IxXUZNTUdYpZL/TRyqVZFRGzvHsrJUC2rNWLLQsKzR9UIAyYbsV"
    "OBS43OR8JGybzTTNthnfbJthbOFaUrUs2G4FStdwm61uGnRb3Xh4WV4Q3zVWTA1GDN3/nY"
    "yG0Qj7RMKehCoT8A/QVIPz2PeG9b8XJpIZkGBuqhpRkfGJ3e8/h9JBAuQMooAT4SL94b7/"
    "I6yEq7vRZdg7YBVchhViGkSUVxJaQtE1L3ntXGKsQQnFKCimipC25rSOQ6lpm3JcjVyORn"
    "cBjVwOpiE9fLu/FGgvsdRDC6nEZqQcysVn0rxQU0URFzpeZxl+QmKlG4T2P3su6HhNEdPw"
    "kvblDFwhJ7ebNtwX1o1DQb0X2pCD9pm+C34WqZmtZ2aOYqrYA4Xk2ChFcXpPlzHiiUINy4"
    "9UaSYiUbZTssLDspWmi6zpLQFlT/d5uOGYKiq9F1nvCtRgvqWAoGSl5SJrmRo2RCUmg0DM"
    "to7KCeYyjgqm2n2YR2ydevEYuajqA42H+gbrUF2ir/CF4zJD0Dqr84NgbaeF9KvboNxU7x"
    "F16Xm7yh/RzuiFPcKw7DHtAePBFcWdwT6X5MdniU40Mfgb0DBoRRE+wKUjefN1DDXJhTQa"
    "94ldS3GWAt4MugUebmEfaAE4+ax1ax1OkZC0tF6J3ZvdyQ0iMRWV3OFlLSrAxM2rJ0aYsF"
    "LMDbOKFSbG5FJd/iphJp9brbOzi1bjrNNtn19ctLuN7cjIZyUNkZeDWzZKBua73cEoVN1Y"
    "zzY/+UUONDOdXrjPKc37p4yuJEdP8fGknidxtAWbE46mwPP/QZnYGGUAOSRWMac7mVMHsa"
    "gRYifMkaPD6YO8/9asQBK5Ahm/PuZJFGN5jN22NMtj6iZLY7dLl66Vn6eJyDqPD8g65+Kx"
    "Tiug+Kiz5WlGlsbFE3P8R7xnfki308+ORHieIfIk3vkMcTbFcT9/Fd+z2uJQBbtXWxwqrb"
    "9pi4MOlyp7VYu3MAiMsfF2RxJHVnRE828s3A4m03HfJtGyBBZ7kj3gXQcjxAfDm1EwQpyl"
    "zNDV6P6BRRr3gHtVy2FUNjtpogvDrcQXXNgJG5W2NqCeqz9zwtVSZXF6MD9wuz0PEVGGOl"
    "EXqkz1kEACpe/MMVUetVtPBtfCcCoOrrP3660o69jBegrSQy2Is+4PiBAtnZ+9f8rOh5qq"
    "iLQLzKGeE/WAfOmgb6aKdU8Ideci3albwBYqZepEZkE8JFYBvRNoQ15hrGXm/0NipQN6/4"
    "OJBpeSJupwQ+dxiAi1ep8yIR4nX0G/E3p6OyLJ2WfNsFwFdWqoM++y4wRLB/b+t9u5mGXe"
    "dscJlg/sQ2y/Y25YVovEL1M6lNO4OPEeDufgUA+WTm4xO9Njgj08kdKh22qk2/qftPef21"
    "k+Nw0VUcREQ8bZTD5esnSIt1Mh3k5AvM0jTm+lY8WMiWOawp+x4WFBuRKgncShCT+mAfqM"
    "iz/YUmh3o+GtWzwclBAaUJ4kIuniI3zJNKYEpEoA+xGGFccfzLS4GpDZz37Qk19kzbDi74"
    "+RtI4NfGMsvu+EwpNk5tOE4ocbLI/YCMEppj8pN45MttWcVFNNu2Uk0EXT7BZ5U5zJyCRz"
    "2gSVe2plSFZn4mJNwkXqSfEm2Cksrn2lq6CTUxoP6yAh6GQlIQRjHN/dK1Y+8UIfTja5n/"
    "QA/Zmh+/7grgfYb54FqTTBtvGxtlyorQ5ldaNCFLFWnLQi4hMqX3j+QVgHw7SCwDOx855I"
    "Zb6m8oqxEuEixPtmbvkiDxyF9cpO7/zBHKP2V+Fh2gPsd4YehOH1YHjbA87FDE0EFjrEfm"
    "foho7n7ABC+2+ekT3NoBM/5HADjkQIXG+i3In4LYI+kepkn/AeNk0yiAh1HWeKHghKlW4c"
    "PwjXVsUhx6N/mhGpaeKQ2Xp4DpX7xKpwxaKFKxZk68sDW46eQKRMNExqEYREsEA9iY6wlr"
    "ZF2uoU0XAL72IjGB8FdPwMNlAHVgW0pa0gYI0S4AVQiQHYRAHYGmMdGBiQZwxolbRtAHYr"
    "A8jUzcUEzDFZAXZ81KewiXGoe7yBL3nvQ3oLdID+vsIG4nkUy9DIOYaGZUs4cVYj6X5GUh"
    "0/qcyhixpE3bzk8dNfaufAOTMvLhpN+guli5nZabc/z8xuY96amZ8bsEt/27DLD4WppSoy"
    "uGBkcGX5/4KWf7UDsWxaj5jGuB2I7/t1jALZhvs/QCXzhou9hjYWCdq3hzbmiuWwV9zfeq"
    "xi7qiEYtjaxz1V0UErwi71cIy3Sr1AkjQ26edOh9qSnW6rWQeqQv0mlT6kAuYvlpfdbHxU"
    "1KVKgL8g+21QY7Q7lzvUMO02mlFm6/4qrizbyrI9keHiRG2cyrL9FbVefMv2vfV6+Fiayr"
    "w92CcLq43ER9piaZgbqD+pBn0Gkb5xxsAwXrZ0kB9m759DPmfb4hCSOl5oTMHtXc415oHm"
    "Uc78VQf/ssKJgZw2QD/UwDJ/0CGTX53y6xsuU+FupdjNV5Ty8xuvWWkI51sYUTyE95mMBC"
    "LCV2gnE9EH1qf4nIV+/AgR4wmgtgCqARB8gjowCO1vSh1gamlbJMLkS/9jq90BirqEBuFJ"
    "iD3VWfEPxeIfLE2KtoKy2BphudLZ0Adg3yuqp2ROfxqqB/7cqLS2HFoPSpZQ6yei5djYm+"
    "CGqSf8mPN0Tb9kFataZC1XnzyoHeKTB6YBdZHazdm2GwalSgfzQbbCOYcJZP1EmF+oojl2"
    "0xySd9rCG1mO9Oc2FA3itCRHsHUFOI6r/uSqfy3sjeLI6LN/h7p90jF98yu2VhDhvHNl6k"
    "le/JOv9PYc04MeWvCHL3je1Ol8aF36HIo/K3/7mP72e+99eO9x98CHJvraOA/w7u3HPvEi"
    "w+18okAYux8oEMYzRCEZ3griQ38y+W00vu6BUIJX4gu1jr1s9t8MCT8eRuNpD9h/Z+hO6I"
    "+Hwlj07hROCTOE6WyaVCZNgkUTteabg74KiRVZ2YXhryomY5etUwofdyGpmmUaZD4nIEKy"
    "Oi4gfFwAq95c56OBg6IVVVTkblSx/fFdqlxsf0G2YPapbymvahE+qpNTT/JMJa9MdYbe0T"
    "rCgZ3NJ6gbkUEc8YaxT6SERnGrnYa7pqXiPZA2x16zTpUBYad4CdFtpmKsmwmMdTPi0B+M"
    "SOTCQPxXv30ix//s9/uYR3v7wPe7Tmav/we3gxad"
)
