from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "application_batch" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "learner_count" INT NOT NULL,
    "created_by_id" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "initiator_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE RESTRICT,
    "target_id" INT NOT NULL REFERENCES "institution" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_application_target__23c16d" ON "application_batch" ("target_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_application_initiat_b7128b" ON "application_batch" ("initiator_id", "created_at", "id");
COMMENT ON TABLE "application_batch" IS 'An institution-initiated batch (F9.7): \"<institution><date> 批量学员转换\".';
        CREATE TABLE IF NOT EXISTS "conversion_application" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(12) NOT NULL,
    "rule_code" VARCHAR(12) NOT NULL,
    "target_institution_id" INT NOT NULL,
    "initiator_institution_id" INT,
    "applicant_account_id" INT,
    "learner_name" VARCHAR(32) NOT NULL,
    "id_number" VARCHAR(18) NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "fail_reason" VARCHAR(500) NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "decided_by_id" INT,
    "re_review_reason" VARCHAR(500) NOT NULL,
    "re_review_requested_at" TIMESTAMPTZ,
    "live_key" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "batch_id" INT REFERENCES "application_batch" ("id") ON DELETE RESTRICT,
    "learner_achievement_id" INT NOT NULL REFERENCES "learner_achievement" ("id") ON DELETE RESTRICT,
    "rule_id" INT NOT NULL REFERENCES "conversion_rule" ("id") ON DELETE RESTRICT,
    "rule_version_id" INT NOT NULL REFERENCES "rule_version" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_conversion__target__0c31b5" ON "conversion_application" ("target_institution_id", "kind", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_conversion__initiat_fbb263" ON "conversion_application" ("initiator_institution_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_conversion__applica_f28cb7" ON "conversion_application" ("applicant_account_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_conversion__batch_i_94c5d5" ON "conversion_application" ("batch_id", "status");
COMMENT ON COLUMN "conversion_application"."kind" IS 'PERSONAL: PERSONAL\nINSTITUTION: INSTITUTION';
COMMENT ON COLUMN "conversion_application"."status" IS 'PENDING: PENDING\nPASSED: PASSED\nFAILED: FAILED';
COMMENT ON TABLE "conversion_application" IS 'One learner''s application row: personal, or one learner of a batch.';
        CREATE TABLE IF NOT EXISTS "conversion_result" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "id_number" VARCHAR(18) NOT NULL,
    "source" JSONB NOT NULL,
    "granted" JSONB NOT NULL,
    "granted_credits" DECIMAL(7,1) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "application_id" INT NOT NULL UNIQUE REFERENCES "conversion_application" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_conversion__id_numb_4f8867" ON "conversion_result" ("id_number");
COMMENT ON TABLE "conversion_result" IS 'A successful conversion recorded for the learner (F11.2): the source, the rule version,';
        CREATE TABLE IF NOT EXISTS "review_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "action" VARCHAR(20) NOT NULL,
    "actor_id" INT,
    "reason" VARCHAR(500) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "application_id" INT NOT NULL REFERENCES "conversion_application" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_review_even_applica_f88e77" ON "review_event" ("application_id", "id");
COMMENT ON COLUMN "review_event"."action" IS 'SUBMITTED: SUBMITTED\nPASSED: PASSED\nFAILED: FAILED\nRE_REVIEW_REQUESTED: RE_REVIEW_REQUESTED';
COMMENT ON TABLE "review_event" IS 'The review history of an application row (F11.1).';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "application_batch";
        DROP TABLE IF EXISTS "review_event";
        DROP TABLE IF EXISTS "conversion_application";
        DROP TABLE IF EXISTS "conversion_result";"""


MODELS_STATE = (
    "eJztXWtzozjW/iuUv2x3VSYVuxMn7draKscmaaYdO2M76d4dtiiMZYduDF4uSWf3nf/+Sl"
    "yMAIERxjEm+pJgSUfAIyEdnev/GitjDjTrtKsohqPbjQ73v4YurwC8iFedcA15vQ4rUIEt"
    "zzS3rYw1mlm2KSuor4WsWQAWzYGlmOraVg0dluqOpqFCQ4ENVX0ZFjm6+h8HSLaxBPYTMG"
    "HFn/+Gxao+B7+AFfxc/5QWKtDmkYdV5+jebrlkv67dMkG3b9yG6G4zSTE0Z6WHjdev9pOh"
    "b1qr3uMvgQ5M2Qaoe9t00OOjp/NfNHgj70nDJt4jYjRzsJAdzcZedyaFZQ1JGo6m0oSfSl"
    "KDAiDF0BG48FEt9+2X6BF+azXPL8+vPrXPr2AT9zE3JZd/ebcOgfEIXXiG08Zfbr1sy14L"
    "F+MQVMUECAlJtpPg9mGNra4AGeEoZQzpuU96GlzEcQ9QzgI+KAiRD2fbW0APX3A+0rVXf8"
    "gzcJ4Kd/xk2r27R7dbWdZ/NBe/7pRHNS239DVW+qH9EZUb8EPyPrBNJ9w3YfqFQz+5f42G"
    "vAuvYdlL071j2G76rwZ6JtmxDUk3XiR5js3OoDRADbYMR91ZzwuOepSSjXpVRj3ACBt2/+"
    "mxUbeA6V4nxrz3JJsp443RxEYbolZkfA+7nK7kX5IG9KX9BH+2zzNG97E77n3pjj+0z2Mj"
    "NvRrWm7VXxGI17JlvRjmXHqSrScanBOE5YB96I8pAnfr4iIH3rBVKuBuXRTxn/DVyEDzur"
    "NywRbgM8m6AhKgB7RVxhru4ZOpMH2YCqOh1O3fCcMOlygSdbzoYcKPo41QiajD5ePmpsO5"
    "/0R9wHfHQ9TQv2gUGdGzPAN6lj6eZ/HhhCNlO1bRAQ2p325IG93eVHjkG5TD6lF1OO+/qP"
    "eFSfd6wPc7XHAFy/gBP3WLvIsiQ9TMM0TN9CFqJoaIdgspd/vINSSUg1FwPfvUygHtp1Yq"
    "tKgqtn1AgKiw3RDsC9zE5vxG2DabeaZtM33aNuPYgpWsajTYbghqN3Gbras86Lau0uFFdV"
    "F8V8bc0QBh6f59MhqSEcZI4icJVbG5/+M01Uqc2EvD+u8LR1cQkNzMUTVb1a1TdL9/7GsM"
    "MiBHEEUOEQHSH+663+OD0BuMruOnA9TBdXxAHMuWlCdZXwIpYC+To3NtGBqQ9ZQBSukiNl"
    "oz2Me+hmlT8rYjcj0aDSIjci1MY+PwcHfNw6/EHR7YSLU9iZQvcsFYmlfIqsylhWmsaJaf"
    "GFntFqHyd88FXK8hYpqxhN8yhawwQbddbFgW1mf7groUsWEC2hf4LsaLBNlsk1pylNJFCS"
    "Ikn0epyqH3eCVGSUGhZig/4aA5uk3inbIHPE7LRrrKI70RQHnbfRHZcEoXbNyrPO5zoIFi"
    "qoAoJRvlKo8yZGxs1XYQBBKdHjVBWIg5qtjQlsEeIT314idRqYqBloT6xjCButS/gteELD"
    "MGra+dF6K9HRfSfwUTKigNH9GUXzZafsI8gxfeCoOqx/ALGAs9iDuCfSYrP19kuNGk4G8B"
    "y4IdEc4A1z7lzdcx0OQAUjLuE6+X6qgCdgbdBc9oGRhoETiTVavWKl4i6/LSfSV0b3SnjR"
    "HJkwqewQqk2ZiE1SfZdibRhqXamvwZ/zY19RlIP8Fr498xM5T/NcL3JsxO+BcRgF9rM5hs"
    "PkDBe2PvIbl3mb36tME8a7gdwLdDP7hvX/gxz4nYtio2OGHCDR8Gg4a7mGc+kOXM3H4LPx"
    "vWwV4eUIHfz9IwX4s/Id5DkUdklkXMsqgS6/OR2pgwy6L3OOp5LIvwlbmI3h6nr7QxRp+/"
    "HfM8Usij/6I+HA2loCy8buSbD3vW02MbeiFbipC80kPyOOp1kZFLdyD1hfvB6K7b4ZJlov"
    "5FuIXcgcT3H7y6sHVajaj3RsOpMHwQhrckuqxaUceeoTd6GE/4yGN5RYSnCtqmVKQ8U0CV"
    "USnq36UeP54KNwIsh20jP0V98lUYDKQB/8gPou1SKuDkD17mj4fuwCuFv+GHQCwX9dEUvR"
    "H+ycRLinw45euRqm/g8nYme2f5LLyyTLwSC5MJFGOpq+7ZYDd7L3JPb6gqfRiO+d7odij8"
    "y7fOoli4cNoOh/8S9eAafsgdDvsR1iCa2L2prUByGYFk2IDEB1a1LAeYNJ9OSFHDj2cvZj"
    "avQDYJ30sfKOpK1sgob2jiXLVHdOoTH610kQRvn+8Jd93Bh08ncQuNAPjzxMK0UnVpacpz"
    "x5UMSvAcOldtWrDTO3mH6Lcp0H+WNTXNTAYdHclwR6myjo31AhhyYDH8FMMxLSDRci8xst"
    "rZGTVzsTDNDBammWRhfNAUY14E64CsdliXz4sbprpUdVmTnhB0FGLaJCFTXCbtujYoFdvr"
    "SORsl8vc5RRg2upCRRIv+qWaQFu7NWQv6zViyApLwjbEhbB+m+ncuB/DqTj+Z4fzL5BL2J"
    "Qf3/F9wZXi4L9Evdt/7A576AwZXFXjBAl+2cjfVCMaqWS4akTJavdNlO+oCu9jGnNHIduo"
    "TCGgafZAUboaQJ2lh+G/TyMqmIRfxkYNMxgNb4PmcWeNKPQbkwOKCY7T1FBSshfPYMs2IF"
    "cSml3kZBzjZIxtTLKN6mptmLb0w5hRWhPG6fYE7vHZUSSk4/8tpERPEDOz3OqozZnx9fse"
    "ZdqdKEHHtqLkcomL2g1d0RyL2sY9qwsGOWH3P7AzQeV42ZLx1cAzIJ+AU5HFSdiUTUK6kn"
    "8YJh2kOAmDtNI+L1VbEEp3ekmsDiVAPAj6Oa5pnBdbfEXMgar7tZeA6l3QTz1RxRfFHKgS"
    "OasSUL7d9NuLdFtP0LP40x285DQgmxAuCXO12dFjbuD1GHP1qsniHRXSOBqQLMMxFVLEIx"
    "rMxrCnidtRrbGyZXMJdp1fCKup21GdsNqrU+Z6rSF9MXzWa9lWnhokz8x4m5NM98ywtTTb"
    "NN/mpNno6hzG7fymIqNdNHac2wf34ebz6eXHDic2/o41+8ffkQDrH5zotFuXn0Xnc1NZiM"
    "7FrN2Gf88vrkTnatFWYO2ndktsnMZVmG920+1Bzf9s2Jt5G3Vv81whkcOk+3Ae85BswnwX"
    "39J3kXkA7NcDIGA9NhkFcos5YnQsUldc0hEsHbTC5gQdE81loMucmuvi3prHqXmzN9OKu6"
    "Nk7IsiqbvR6YAKVoyCIUpA1OM06TCN0DBUt4u70SQsQZDVM/RnYCJ5ztjv8MhgzivDwj7a"
    "HHLDyGGIqRJyqRKie00OkMMTKUM4B8KRJXIHsSsmQNlRHBYuHpgIpz5i8P0Kxpy5ag+MZY"
    "MkEAvqTjIFYagVChqdSwCWjkbJGfGu1eV7Ef98brU+fbpsnX1qX12cX15eXJ1tNvlkVdZu"
    "fy3cog3/BD9ebBcSweGmPRHgJMz0tXKGRfVGV05x9kgXa8p7d/OoU+43Y/YDKLaHEQXIMb"
    "IaONTs3SfYQ4zORSxCVDuQy5/Nc2AT8yWlZ/MJKaqRzAfdtjbJfNQ1zWT3Wtdulp/n8RI7"
    "T3cSO0/4iB2XPP9Nd8t6ifMTorz0o/o+j53kIzvhDJp6tk8/kCobEkmO0Ww1zxjpgPOVq3"
    "+zOIycM42XDreG/Rq6DKeJYXJG2JYzFpzsWVMkrS9K6jO/cYWUPAYEGV632FwQKMkU/lvo"
    "tiQrrhI62dptt7GM8aPSMfuNN7XfqH1S4Ht+PEEhNjtccBVJARzJ/hv/MPPstOVHdnAVAL"
    "TxkiJEVR6QggxN+TCnroSUikDmqZVPYJW+gdAbCbBUO3mkWCk7cF4JbAo5g5rkh+hZ29Fa"
    "Q8bparhwly/UUucSZE1mlOFzcaIawtzMFUA3I35uInzubvGmDxJj+p4f9oXhLaWIJSBDHK"
    "J7Ier33ckEhfzy/ov6TVcYoN/e/yJsYp7hSR+dxOCgFLESPElZdGqKGFntxF4XuUywLzJM"
    "sC+SJtgoLuO8YOgRnJKFHql26BFvrOhDj8ToGH9EitQEV51nFbwUWLNItGzhyrNw4cjBN7"
    "aKie/Te2ELWpUXtGoETzys8HTPmt/j0okxH5fiSjF81F2NBR2TgJMw/iBdfoLnMqWM6pTW"
    "AZPGMleit0I0UCrTIxulZAhvdyva6I13dMkgxXQ4rsU4r1sGvgnlcHphflv79NvCv/oSUE"
    "bYPoa91Rni6FKZKwxcgjcoAfFaR3CKA5/OXu3g3gU72jmO1tiVTPDP9YKfzp8LF/hY6PlS"
    "ER3pYGrAPzQOc+NNn/XYFf8qbId4ByBSUZO0tDYnOa0PV2HzfbrF/RmPORqNic4s7w5hec"
    "eER+nQ11d45KznBUc9SslGvSqjThDGJwI7sihp+01ad4S2Kg/D+4frgTD5UiQd+uTh+k6Y"
    "Tr1s6Jsfor7pssNtLkUduxVqj9VMu1/5odQffRt2uPC6UWRYS7fPXagatf4Kp6nht7OXCI"
    "MuZrQLVISIIU2BtKX+l4B0KjcdoWFyYYLkfe3MNNV6gpyRpRk0ITKThKWo5mpwaCGBS8+w"
    "xmmZuUh1ONTkwWStgfmygP1bgo4tUqTvyEepwFcUoazhsa9OH5Et/wS6NDde9AKGjkRiZu"
    "mYz0SbZYes/9d16KBXVVs5WZ6yg2uTTormKTt0UA1frZepzApVf7mUWaH2MUeSE85yFAVY"
    "1sLRuLAPDmVlNudgzi0Mk7OfwlAXH26azdPWx45b6KUTOnGvkU0A55OfxCVX+7qPqMv6nH"
    "t5km1OtbmlKcNpcsK9qPYTZ5jqUtVljUMt/CTTFrzRs6w5wOJmBmzzE6ztnBE7mE7uLXVy"
    "1XUtPZzZ/B48SzdJvKIQpwdMCynePmDaYZizvYRGcxcqQFg40pHHSBj0u0MvKSaYqySrpz"
    "5Q1JWsZY4CTh0fDY/81O+mXiPS53vCXXfw4fKk6eIPx0X1GKpNKLvEkZCZV6Sv78epaM9j"
    "XoHn3CsS7aT0I+LRs0uJAyLNyYU4MMlRCewSqU3K6aL5V2tw8h4pkzMzz5GyrGOi4yKXdU"
    "j0rfrzHRGDxszasWKzkVk7su24/O2YWTvWbdTzWDvSxq4sN2xlhSIO7Ck2qAsQEd/tto6R"
    "DqpsuNUYjoZSn78d87w0HflXHY5UKuphSVjf4UileNtku6BN9C54n2k1cclzLiOzPJK1Vr"
    "pkrVWHmG2Y/SqlAvqd2MHiL50Y2Cn4lRqXKkJWAzuCrB2S/z7NFtltNsjBaHgbNI/L8Y7V"
    "APmNTDfevfnxMeP8LGvqXFqYxorMipOBjlJlseHV4RxKkThDNpoIoG3Qw+fR7Aje8dgVEb"
    "DzY6UXU34kiXfWfRwRmL7qo02h+kgNK5EqxcIo3s4y6mxfiymzga/G3K243ILZwDMb+IpA"
    "XaePiNnAH8YGHoOO/gtLELON6ki+Mdq9ikTKQpImd6tA7UiLb4KO8QIEdJnDzntYppjDDn"
    "PYqb/DTiwmLdgxpGGBgLTHAn6aqeaOiJVmD3gMsMF3drRd5xj/C6zW9p3bVV2B8nxGdo0v"
    "CgGabJxP6giTJ10vAaap21FdYfIXmBJwql+YZrpwtZS2yH3VUlS4quugQbBDxmpPsmyQTb"
    "CQ5tG2W31URedi1m6LzuXneVN0Pl+AK3itXM64D3MAuWTAwY1G1oylAz6ixOyicw6an9y/"
    "MiT93LoMmj8b3pYkaxjJCQdOl6fcWQsSXgJlITrt+Tnw7pnMEH/gZ2F+qhWzpmYWlp4kNU"
    "9Kp/SMTomETixOZ8l5eym8h7C1Xf5hmJKiyZa1K/92h7rqoZ6OcEAOst9GjgaEHTd+dEjf"
    "c4HbUlqFTfNsuc3zuehcnZ3B3astt+Bmd3F5cckZC07mdEP/zd/uPK6VU4Bpqwt04gN++A"
    "XVtjjfUoS4i5bcPdsYq7UxsgUcUzLm0jFmqBgJLtUFzLfeuc86jeEWS8u2Zwk5y2lVTk6r"
    "XnfS6/b5Q4WxugFgjnoi8SebukzeZIG3elNn5Kg7K8QWEiQahZ44yeaMoXhLhkJWFMOhzU"
    "YaJdrXwnx8MOMCDN0m5mHLkmFsSGrJre3BJOwo3QHH/GQ0eCziDRhQIue+4FrUw1K87He+"
    "N/XKvKv4WTHPmDXzZTLJSGSSYADBWqPyN9sQMBvJPB/Ek6zPtQJGXQk6ZjGXXNMDkOhtuq"
    "KUzKaryjZdLJBL+gd1nCE98gRyYZZ8+1070xPs5sQ5vQOGN7OcLLBZlWc5yXJxl4p7ibm4"
    "9ymjuzXlueNqZ3uGrmiO5cGRkNcR251ss+VZbqgQYDhZDh1jeza/CGxjLsH8k+hczWaybw"
    "QTrb6aKU103W6fcIENzvnC1SFuakh6xn3cgukaqyUaPKyusUJGOM12HjlInHvF5CDtZIR4"
    "kyaTX9CcxS6gjNiLy7k3u8mu/gtUu3A1T+pva3IjrNZwAv9uzEj7Y1iZuSmqbjPph9/uTV"
    "VaP2FlTFfFtFRvuhUFI1BEzB/QVlmp0uj2vgj8I3/HD6eTDof/EvUB3x0P+bEUbUMq3bQN"
    "62HZd6nHj6fCjdDrTnlp8s9hr8Mly4ooCFp5zFNb6faprYSBqr1xssjLdYQUtVMRtPPA20"
    "6Ht52A11gjLAyTTvYSo2ICF4KAa4MRLdecIGTTeOs0PkK97/hhOBSGt7RKX5+sw/kXot4f"
    "DVFIX/hX1G+6wgApeb3/RVbwPBF60wP0pmS+ov4GYmS1+wL2EvDSB40ygGuUiiGdB2kT/A"
    "AKYvwpsY7TMbTzoG0btqxJpvFCWODTo/5EiJicJM6eeMdnlGENGe7RnFAThAzcOLib75wW"
    "3CQhAzcOLjBNgypd6YagdsvtXkzGmL1LOvr1tXdZqHrRkL8xUmbNVmVrtkPbNVVsaGtsZl"
    "MxpEu3sjmMlQc+BiTlVXSIMtRXsYb71F8x1dSbhiph/NM75J9Y4se6jTqBnUoESTPBUkWv"
    "6u5Wlg3WRVUQxI7eUhvB3wpwY+0Op9QKiQ0l8i0LrkVdGE6mwvRhKoyGkjC8GXW4eImo90"
    "Z39wN+yne44KqIyqJ8ayxvNIBZ6HtOELMDUXW+4OTCHXx5ui1h0W+80drxY07p8k0/64nQ"
    "54dTSaD2LsVIXUfSSD8V+UJdiGl1iwTS2gkGy4lllgK4OpfgJzADVELYNPraQd/Mo0Fvpq"
    "vQmwkduhdPSKIOgRglY0BvBdpSngxDy1j6UzToUbLaAV3+YqKBJVLOgjXcx4FuQ673mQrx"
    "NHoG/VboUVARWaHfNeN0DOrcUK8hUIWw3hDWDuxmM8/a3Uxfu5tpYIOVrGpFwN4Q1g/sVq"
    "6dspWxVbYSeyU6htFyJDhN7VDOc8RJP+EkDjjwBAs3txSTVjK8GEnt0N2LYdnMsVQdIiZZ"
    "ikHH8iUpa4f4XmxL4K1MY+4oZIXoFPxKVT5H6WqAdpYMjf8+jYjPAkw/3HW/f4yI0Aaj4W"
    "3QHBuD3mB0HV9QnmVbNmktVqNUNYD9LeywgeKYqv0KYVytVNuNV0AbfyuzD2Z4kbQKJAFG"
    "L7tP74UJ8assxPdFMHSfGE5Tjpnt0ds1FPSkd62Vd/ai39g8H+V3tCX334GiDVTNFiAXWK"
    "qu2qqXU5jll8wPmwkUoD4z1OhQUzah7aUVgEDMS8vNeed29w5wM3fPz1nbBANRI3s/CP+O"
    "YOER/+sIUxjaZUegIqFkashV+JHxdkTJDyZY19lECB9YDmDvgBOznBl6dxR9cGfUJl5ft6"
    "irOuGV9DaIn0uTuI10MDXgn5yOH5NNN0d1Is3r8hE5iefx9tjJgyNY7gjeG9hKmO65oWGN"
    "SvXaSIQZCw2l/r0tIhnLmsOcPiq6cB6p+T9z+niPo06QNieYIpZyc49GU4WMi9/EoviA4Y"
    "ZLt3SlNkljpmip4CZM0Y4wGJ0w7PamwiNPCfmGDjl3eVeiHpRgPR42Bt2hMhpulygdHweM"
    "o2qrzwW5nzgtU65Xh91JcrnBCYXWhiVBx+xW0uKwIVk3ZTiWOB0DlwAuS+L1XqLdVA3qNw"
    "x3sw8rk3qrOPYZIIiAXLqkOYbvVqFzPI3Y9uRPIx1wGBH3BF+Cm71y8DjH+Z2ectOnSKO/"
    "WRx63BMOua0vDfOVk/U55+uCONkEcaZ+P3cRdcVYq2DOqTr3AZ/anA6vTE55kvUlpL85P2"
    "1/5CyD01QLVi5UzYa1Lyqc147NydwPQ9XT8kn9iYvzNfXZC4QcF7f/rxEOPuGLJWW4b4Bf"
    "yDsRWTRs5kxW7kOEGOKU4LXp2loHH2TD7QuOMvrBffvCj3lObKC3m8OFRIc3FRucMOGGD4"
    "OBl3ou+1l9sMt+brzfoo/+ZyM2vfGm6OEioxWtZOoOpu6oxKZzpIJvpu54j6OeR92Br/a0"
    "qg8SbQ3VIHtxI8J31CKCZJy+ypg3+vztmEcpTNz/oj4cDaWgLLwuIkhu5hmWZvqoNJO+XR"
    "57Wli4H5JXekgeR70uitPWHUh94X4wuut2uGSZqH8RbiFXJ/H9B68ubJ1Wg4K+DafC8EEY"
    "3pLosmpFHXuG3uhhPOEjj+UVEZ4qaJtSkfJMAVVGZSyXWiyNmqhPvgqDgTTgH/lBtF1KBZ"
    "z8wcv88dAdeKXwN/wQiOWiPpqiN8I/mXhJkQ+nfL3uGpiWoctaAe0ugbTKH0/BPaT8pFiq"
    "ZTmQ5yIJ4xC3lnICwomyGLUjBDwDYMRoJaJBGSZlHCifoH468tLj97nH+LnkxSgjyCr7QF"
    "FXskYGOkkcn6ge9anfy/EpQrJmKt8T7rqDD+0TzyYBnhRUT1YcDMR5SmawwkzLhvpNLRI2"
    "wWIp5zhOGgk6C7f5Md8XptJ1d/gVbuvhD7iN3vND6WEoPPLjiTD9p9+EVCrqOBNwdydMJu"
    "6NSKVFtt7yU6hatmEWUN/GyZiC8fi0t8cnc8T8dgJpPMUWjNPUkEds5pIzNDPkDM2knCEi"
    "RydyiulyvTgtM+SpjiAvKb8NR4t2LyBQsu0guWQFMEkmkC3SuSt95SKQ1u4YsZeQYhvgFq"
    "pGvV8QiWuH+17E01HoaBUDZGqGfB7kcaUKpU1znJBZtTGrwbdn7H0zEipso0QMV2aNSQN1"
    "6daYhPlcAsj1i8QRBzj6GecAN2YRtiPA9bRnjYOc3Od3sSkO44CVFuMJiy1Wo2FgoZ6qYH"
    "39DLQG0eAaVZxk2VibYAE596DZVstq0blQzlui0561miccOF2ecqLzWZ5fic7V2blyAn+1"
    "L1uK6Fx+njfRr8uriwtIdAVmp3HFwM6dsSSw1TKQPWyMgMNCu2fVsWWYBFYgXY3lN3+7I8"
    "NZheds4rzwtm5FdPxXxaTFB9nQ7uQfBjFWlVexdUNbbZrl2NDOQfOT+1d23Wc41baQd46s"
    "GUsHcCh1i783nbXOmmcttA0BZQG3pvk5QNdzeH01k5twY5q12yfceRM2a6O96/PZHDZotT"
    "/D7hdzeN1uyefoVmeQsH2lnMHaC3mGyq/O3L1uQdokq/eAbOOt1sZLnSWx1HxEFdp4Sw6i"
    "UbWgR4cDtnxDTXeNlhRNtiw6oWiSkAlGtwtGMdRKECm5+3Av6OzIkM4rUUpOtEp4qTN2sh"
    "A76c3WNJ5yM5dzMJbhV0THXkJmSrmcYbxajFND3JnXJpsLpOyHMWuMWasKtPtMHlk1Zu2A"
    "JpPlezLNVUtR15qqAzpmLUHHeLXtvFoIWgmsWj/S2ZEBnZdVS0yzHTg1d4/fkUfbyKlqgv"
    "d+2TNgWbL7RSV5M78qkzFbYY1KjU0fY5P+jMXHRNEPImFk4g2oI9Jfq8v3wl59brU+fbps"
    "nX1qX12cX15eXJ1tFtFkVdZqei3cogU1spNtZ8IOFR61ah983cwIK3bcLRven/A9yDzudo"
    "/GgLbK/G6je38/8N38pTHf44VHvt/hSKWijpciB9F+vKlfKOpj/lHgv0HSPx4gK4CaxUtE"
    "/Ybn+9fd3lfstokirFV3OPnGjyOtgiJRF+7uR+OpdCMMhckX1CZWIOr891iLWAF85ocBL0"
    "27X3n4HqNvQ/jI0QJRv+OnX0b9SJtEkajfjrvDqQT5+uEtuk/kp6jfdyeTb6NxH74iHJIO"
    "F/0dF0Pksv4u3ZUTrgsa1cluQ1DlqV4l4/qZMSd4kKRnpg/a18B1IcvVbR8Z6SH/6tDN5p"
    "CiBnDvW05hzH4AhczWpSMcIaodyOWr7rCDTxTibL9ZjIy5zFbZZZYFukz/tI4z5GFaoEsK"
    "y7h9SoBGjj2DJ+t5hiQo3uQkSyJk+I2ltxINMQ3am2rQnmRdB4QMozljRIbkVT4gNCZ3kw"
    "4H/8CTXlcYwMMd/FvkRJZn/0/f/gm7v6KuVaJrUjqLFSGqn3lUs5UrW1krI11ZK2F9Zjku"
    "X0oDM0ZSOz72nZ58D8Sz7uPse3w54gqs2l/5+2mHQ39F/Z4f9oXhbYfzL0R9wg9hLfor6j"
    "dwPXcFiO7/Iit72TnjbBus1iT7tHSVCEbCnE0STv+yZUvANA2q0K9Rqtqt43sJiMOOrOno"
    "1+vIGtlQkLM3/ZBjZEwQVTVBVEVEEvco9+8E6POJZtgNgkAi2uAkSxzh5hGW4KybS1bQOF"
    "cOK9N44dbA5NwO4Ex7AhyalJyxcJ3A0Ebh+39ZBme/GBzsEs4NDt0K+YjpumFzM8N+4tay"
    "ZSWtivd0jx3kJYfO0Vwh89iycjSny1FcRqPgGhqnreHGyVbSclZS03hW0YGOtIgGddnrJ9"
    "4qh8vF5eVZE7lEyJei0764+IzCScxaovP5DFzBvxfgiuRgkZOKCYMrJgxmnP875PxZVra6"
    "jTphG0vEl2IBZvZm08G80srzSqNgvPDMO0+Goe3odzJxOznCResgjidj8KyCF/45JV01Xp"
    "3Jn5puQwk8505QjbJCe1Tck4pyjryi87asc1jgQfdk/uGm2Txtfkzyq4V6yOXjEg1TyHxY"
    "KuzDQg5zm0+dFlJXWp02ebi+E6auzf7m0jNbR0Xe/7gqDRn8SySb/0RhEaVbK58aOkMLnY"
    "xtDr9fWlekkIQ5yiQ1b/S5KFgKCqZxe98nsDznbow7oFywEoTMf3J7JIAYMxbFmjoUQN1j"
    "UZ/EQ4In5lwkLECvO+l1+3xWVIC9nj4cDfTgZQ/5FANiuMt4k+xTCGwsoWO5pGDNcx1FXC"
    "Ufonc1fe5BgpvLrx3OwBSEsOCEU3W4eqPQU2DOOXD0TdgSNdAM5Sc8anw+PU85q5R/ix0E"
    "8fA+NKyB37x2oo5SzMe2qBfTMl+n5zyJUjGjMsoIxvtesiZeYtyU1WqySZu7ZaEK8+tuX6"
    "K6nNeaw4LoeSsI6urEE3y8clgIgRMsUq6bMPm3maz/9K8JhhB7uQNhgfrTfXn3rbEofv9m"
    "CsTDKhALpOMuMw93RfkrEpxFEnGz1G17lnWg9ZQKWIyCIbr9FGYSPfZ3OH6N/Q6PDOa85y"
    "5sepEPXCzX1Y4H291zXe2bTZzKJmR70thEv3Y7m2iHDXOwiV7rOBOHTFrXzkxTLciFdTgv"
    "vh/3Ya6uNWMlW5C7c7uQtY+QyZvD86ljWgA2MMF/HBVu8x8J7OKe7iTqCwMeg8HSBMC/B6"
    "Iy3Z7RSVkBpq0ukFDDP0Prhv5bpD1jPau1r2SxnrUP53XX/X00Rp7L8J+o90YP4wnf4bz/"
    "8Dc/ngo3KFoXKgx/FNHKNfOEkmmmh5JpJkLJMLaVsa3VR5SxrYxtPRaAj4BtffRmehrfGl"
    "RvZ1yfsZY5ONeAa5xzPmEofeQ+XDc/driXJ9nmXmSLU3UOMokK7OYnWNvo2uUO8ZS1kPNE"
    "OhadwLju50airtocsn/j5IUNvHZul6qFrNSMn2B+wiGBGbwv4nzDp5CXcMJs51l9hQBjVw"
    "+a35NWl3MINU7l8Q3xfJY1Fa5vprEim9CQQY1SZZnPHCHEWaJndDIgAWgb9PB5NDuCVzEb"
    "OjrsLF1eW08GgXv5fTIakrHDaeLYqYrN/R8HV/Vj/LIzoENooJ7TI+HEg96cRK2uUAfxSD"
    "ib/a+A+VyclhnQHZMBHTv1slNvpQ5laadeyvSG2KEgiT6NC1PdjRT36tHk+38RTq+hZ1j6"
    "wdUK2+Twsv/cbrdQluhW84RT5/BMr8KHnHOzV9copnn221xdwlMh3hD9PbtE2agVlKHw6q"
    "xJcsQvr2Pmq1+tAyTzGXiPLA/z1a/bqAcYVddX/9Djuv/owMxhP0A3j3NbM923rZkwWPT4"
    "IA8iCoRjZLVzIyw/W4vlrIH5rFrwGST4xpShrpO0tYN8LytHEE6LTgwRo2KiiO2iCDxu2Y"
    "7iCDxQ2pGBnFcQEZtg+1UNEzNWpgsuRjqYGvDPdvGFEO3uKDUIZJkFjRgCWGla9KDqJFMQ"
    "gTXKoTzXjKWq+6FLjZ9AR3ICoC2Q8lkHz8DkUHwUpIE2IKftChEmX7q/tS7a3FxdAssm+Q"
    "OV0ieTP1RL/uCOpOQNEA2vEaerHQ+9h3hiTNRTs0N/HlEP+LVWYW8FRj1KWcNRP5JRJoh2"
    "CEpMz6SrUA5InJJF36/yKKtrmj3Sa127E/j5RY6d8fwiPX3aRXxndCxgSpBvpkugFqWqHc"
    "x7Se4lK24kFFrvDZyIiTlyBCnyECtBytENezoyiPObwOOzq0rhiCbODI3GrSmTo6FG6k8y"
    "T+9eS2m5abr1DH+NYmfA2bFY/M3i4Kb0ZJiq5cUw9aKaYlIa1xBd5uBGB4dEQRbl/g25Dz"
    "fnpxeE+EOl9040VY8JkjT1GUg/wSuzWT/okd8fPfJWmyPpYEheZcVk43HU606F0bA7kPrC"
    "/WB01+1wyTJR/yLcfuHHEt9/8OrC1mk1yG1zOBWGD8LwlkSXVSvq2DME3p+JIsJTBW1TKl"
    "KeKfQvTa0U9e9SxO008lPUJ1+FwUAa8I/8INoupULUh8HL/PHQHXil8HeHI5eL+miK3miI"
    "QOJvxzzsOl4SX78Oo5tzV294Upu90vFPCTrGQhFcPwKU6E/QUcoaCkpqLB4LpB+031SCjo"
    "V8JoV8ZkKp+gulNmw1kaEjjy9OU2UurjLKG+woQ7dQJQnZ7r9dgJJpgkAtRKGzQKga1HkF"
    "KcmZVqlYAo/A9MI0wedDEZwbBIlKos1JllTlGWstBcacWyUr6bjnyQUTJld1TLiQu5eYep"
    "YuMQwTZewoyjh0btxDL8J7yY6L++Ru5ngRSRFGXmW44cp4K0ym/Bjlw/GuRB1CMrzlJZRN"
    "59to3O9wsYKwxRfI1oXV6Jeo89/vR+Nph/P+i/qA746H/FgK7xQvKSLhKD/tjhsrn94YKE"
    "ZW5cGuDEPJ7EK2MTy1OJwtZFVzWQMbrNakkNqpPACBkkX+j0s4UPfOqphRXZSUyTiq/Bkx"
    "28n0T6pewuGEUOAwp9UuPFsqTw3CGdWvOck6mcphm30eR9lh8y0Pm1j8wryMMUZSQ6a4dZ"
    "HHEhC2Sj+BXCRsAdFHRYGw37yG6DZz2f81M+z/moQUlYZuE80s0yOcYSQswBllgLODbmZ/"
    "/T/7u09h"
)
