from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "partner" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "institution_id" INT NOT NULL,
    "created_by_id" INT,
    "created_at" TIMESTAMP NOT NULL
) /* A partner institution's system; it acts for its institution (read-mostly). */;
CREATE INDEX IF NOT EXISTS "idx_partner_institu_b47b76" ON "partner" ("institution_id");
        CREATE TABLE IF NOT EXISTS "partner_call" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "partner_id" INT NOT NULL,
    "key_id" INT,
    "operation_name" VARCHAR(128) NOT NULL,
    "document_id" VARCHAR(128) NOT NULL,
    "outcome" VARCHAR(8) NOT NULL /* OK: OK\nERRORS: ERRORS\nREFUSED: REFUSED */,
    "detail" VARCHAR(200) NOT NULL,
    "ip" VARCHAR(45) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* Every call made with a partner key: who, which operation, when, how it ended. */;
CREATE INDEX IF NOT EXISTS "idx_partner_cal_partner_9a5b24" ON "partner_call" ("partner_id", "id");
        CREATE TABLE IF NOT EXISTS "partner_document" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "partner_id" INT NOT NULL,
    "document_id" VARCHAR(128) NOT NULL,
    "operation_name" VARCHAR(128) NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_partner_doc_partner_9a46e4" UNIQUE ("partner_id", "document_id")
) /* One operation of a partner's manifest: the only documents its keys may run. */;
        CREATE TABLE IF NOT EXISTS "partner_key" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "partner_id" INT NOT NULL,
    "prefix" VARCHAR(16) NOT NULL UNIQUE,
    "secret_digest" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "last_used_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL
) /* An API key: ``cbk_<prefix>_<secret>``; only the secret's SHA-256 is kept. */;
CREATE INDEX IF NOT EXISTS "idx_partner_key_partner_0b4f63" ON "partner_key" ("partner_id");
        CREATE TABLE IF NOT EXISTS "persisted_query" (
    "sha256" VARCHAR(64) NOT NULL PRIMARY KEY,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* Apollo automatic persisted queries: a document by its SHA-256, shared by every worker. */;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "partner_key";
        DROP TABLE IF EXISTS "partner_call";
        DROP TABLE IF EXISTS "persisted_query";
        DROP TABLE IF EXISTS "partner";
        DROP TABLE IF EXISTS "partner_document";"""


MODELS_STATE = (
    "eJztXWtz4ji6/isqvkx3FZMKdELSOVNTRYiTZppABkh37463vMaIxN3GZn1JOmfP/Pcj+Y"
    "JlWzaWMcE4+pKArFc2j2Tpvb//bSyNOdSso66iGI5uNy7Afxu6vIToQ/xSEzTk1Sq8gBts"
    "eaa5fWWi08yyTVnBYy1kzYKoaQ4txVRXtmroqFV3NA03GgrqqOoPYZOjq/9xoGQbD9B+hC"
    "a68Ne/ULOqz+FPaAVfVz+khQq1eeRh1Tm+t9su2S8rt62v29duR3y3maQYmrPUw86rF/vR"
    "0Ne9Ve/xH6AOTdmGeHjbdPDj46fzf2jwi7wnDbt4j0jQzOFCdjSb+LkzKWxrSNJwNJUmwl"
    "SSGgwAKYaOwUWParm//gE/wq/t1snZyfmHzsk56uI+5rrl7G/v1iEwHqELz3Da+Nu9Ltuy"
    "18PFOARVMSFGQpLtJLhX6IqtLiEd4ShlDOm5T3oUfIjjHqCcBXzQECIfrrbXgB79wPlI11"
    "78Kc/Aedq/FSbT7u0dvt3Ssv6jufh1pwK+0nZbX2Kt7zrvcbuBXiTvBVsPAr72p58A/gr+"
    "ORoKLryGZT+Y7h3DftN/NvAzyY5tSLrxLMlzYnUGrQFqqGc4685qXnDWo5R81qsy6wFGxL"
    "T7T0/MugVN93NiznuPspky3wRNbLYRakXmd7/b6VL+KWlQf7Af0dfOScbsfumOe5+643ed"
    "k9iMDf0rbffS3xGIV7JlPRvmXHqUrUcWnBOE5YC975cpAnf79DQH3qhXKuDutSjiP9BPow"
    "Mt6M7SBbuPnknWFZgAPaCtMtboDJ9M+9P7aX80lLpXt/3hBUg0iTrZdD8RxtFOuEXU0fZx"
    "fX0B3H+iPhC64yHu6H9oFJnR4zwTepw+n8fx6UQzZTtW0QkNqV9vShvd3rT/RWgwTqtHdQ"
    "G8/6J+1Z90LwfC1QUIPqE2YSBM3SbvQ5EpauWZolb6FLUSU8R6hJR7fOSaEsbJKLiffWjn"
    "gPZDOxVafCl2fCCAmLBdE+wK3MTh/ErYtlp5lm0rfdm24tjCpaxqLNiuCWq3cFvt8zzots"
    "/T4cXXYtuCYauLF2n2IqUgfWkYGpT1lE0iSR2DfYbId4X7umUH0GcgfTkaDSKyw2V/GkP8"
    "/vZSQFPhTgTqpNqe2sOX6yOaHEeDlIPzj8loSIecIInLcapig/8Dmmol9CWlrfTfFo6uYC"
    "zBzFE1W9WtI3y/33f1BmRMA4YoMg3BOn932/0WfwV6g9FlXDbDA1zGJ8SxbEl5lPUHKAXM"
    "PeM7kTYEfzEYXgzrBTGKc2lhGkuWzT9GVrsjoHzeZYG2bYSYZjygd5lBU5ug26y0LQvr41"
    "1BXYrSNgHtM/otxrOEhByTWW+XMkQJCjyfQ6yKyuFw9XVJNa1mKD/QpDm6TeOnsic8Tstn"
    "usozvVb/ecd9Ec18yhB83qs873OowWKGmCgln+UqzzJibGzVdjAEEpsVO0FYiDmq2NSWwR"
    "5hL4HFD6pJmwAtCfW1YUL1Qf8MXxKa5Bi0vm9EPzraYSH9d7CggtbwEU35ee1jQVln6IO3"
    "w+DLY/QGjPs9hDuGfSYrP55ldNCk4G9By0IDUWSAS5/y+vMYanIAKR33iTdKdQwxW4Pugm"
    "e0DQK0CJzJS8v2Mt4i6/KD+5PwvfGd1i48jyp8gkuY5uETXm5me/lEO5bq6fNX/N3U1Cco"
    "/YAvjX/FnID+2wh/N2V1or+YAP5cmcFi8wEKfjfxOyT3LrMXnzZYZw13APTr8Bfw9ZMwFo"
    "BIHKtiA/QnYHg/GDTczTzzgSxn5o5b+NmIAXbygAp6fx4M86X4E5IjFHlE7tfF/boqsT8f"
    "qIcP9+t6i7Oex6+L3JmLeE2Q9JV2hbkSbsaCgN0h8H9RH46GUtAWfm7kWw879pIgDvRCni"
    "wheaWn5Muo18UuRt2BdNW/G4xuuxcg2Sbqn/o3iDuQhKt771rYO+2KqPdGw2l/eN8f3tDo"
    "sq6KOvEMvdH9eCJEHstrojxV0DflQsozBVQZF0X9m9QTxtP+dR+1o76Rr6I++dwfDKSB8E"
    "UYRPulXECLP/gxf953B14r+o5eBGq7qI+m+BeRr0y8pciLU74dqfruRa/nMHmcz78uy8Eu"
    "sTGZUDEedNWVDbbztqOP9Iqm0vvhWOiNbob9f/q+cQwbF0l7Achvoh58Ri/yBSC+hFcwTe"
    "zezD44uVxwMjxw4hOrWpYDTZZXJ6So4cuzEyenFyiblPflCirqUtboKK9p4ly1R3TkEx+s"
    "dpEG75XQ6992B+8+NOMeGgHwJ4mNaanq0oMpzx1XMyghOXSu2qxgpw/yBtHvMKD/JGtqmp"
    "sMFh3pcEepssTGegGMOLAYforhmBaUWLmXGFnt/IxauViYVgYL00qyMD5oijEvgnVAVjus"
    "y+fFDVN9UHVZkx4xdAxq2iQhN1wm/brWKBU762jk/JTLPOUUaNrqQsUaL/atmkJbuz1kJ/"
    "s1ZsgKa8LWxIWwfp3l3Lgbo6U4/scF8D/ggLypML4VrvquFof8Jurdqy/dYQ/LkMGnakiQ"
    "8KeNo301qpNKRqBMlKx270T5YcLoPqYxdxS6j8oUAZrmDxSlqwHUWXYY4ds0YoJJxGWszT"
    "CD0fAm6B4P1ohCv3Y5YFjgJE0NNSU7icu2bANxJaHbRU7GMU7G2cYk26guV4ZpS9+NGaM3"
    "YZxuR+Aenh9FQjv+v4WM6Ali7pZbHbM5d75+27PMehIl6PhRlNwuSVW7oSuaYzH7uGcNwS"
    "GnnP57DiaoHC9bMr4afIJ0CTgVWZKEL1lKcgL5u2GyQUqScEgrHfNStQ2h9KCXxO5QAsSD"
    "YJzDWsZ5sSV3xByoum97CajeBuPUE1VyU8yBKpWzKgHlm/W4vciw9QQ9iz/dIkpOg7KJ4J"
    "KIUJstI+YG3oixUK+abN5RJY2jQckyHFOhZTxiwWyMRpq4A9UaK1s2H+C26wtjNXUHqhNW"
    "Ow3KXK00bC9Gz3op28pjgxaZGe/TzAzPDHtLs3X3TUGaja4OCG7nVxU77eK5A+4Y4N31x6"
    "Oz9xdAbPxGdPv9N6zA+h2ITqd99lF0PraUheiczjod9Pfk9Fx0zhcdBV390GmLjaO4CfPV"
    "bro5pfxfDXu9bqPhbV4oJA6YdB/OYx6SXXjs4mvGLvIIgN1GAASsx7qeQ241R4yOZ+qKaz"
    "qCrYNV2Zyg46q5DHR5UHNdwlvzBDWvz2ZWdXeUjL9RNHM3lg6YYCUoOKIURD1Okw3TCA1H"
    "dbO6Gy/CEhRZPUN/gibW54z9AQ8M5rw6LOKlzaE3jAhD3JSQy5QQPWtygBxKpBzhHAhHts"
    "gt1K6EAmVLdVi4eRAqnPqowXerGHPmqj0wHho0hVhwrZmpCMO9cNLoXAqwdDRKrkd4qT68"
    "FfXPx3b7w4ez9vGHzvnpydnZ6fnx+pBPXso67S/7N/jAb5LixWYlEZpuVomAJOGur5VzLK"
    "o3unJKsEe6WlPeeZhHnSrvGbPvULE9jBhAjpHVIKBm5zHBHmJsIWIRotqBXP5qnkObWkMp"
    "vZpPSFGNYj74trUp5qOuWBa717t2q/wkT5TYSXqQ2EkiRuyw9PmvelrWS52fUOWli+q7FD"
    "vpIjtFBk2V7dMFUmVNIskxmo3uGSMdAt+4+osFCHJgGs8XYIXGNXQZLRPDBEbYFxgLIHve"
    "FEnvi5LGzO9cISXFgKC+7gafCwolncL/FbotyYprhE72dvutPWP8rHTcf+NV/TdqX5L5Th"
    "hPcIrNCxB8ihRgjtRejr+YeU7a8jM7uAYA1nxJEaIqT0hBhqZ8mFN3QkZDII/UyqewSj9A"
    "2J0EeKmdPFqslBM4rwY2hZxDTYtD9LztWL0h43Q13LjLV2qpcwmxJjPG9LkkUQ1hbuVKoJ"
    "uRPzeRPne7fNN7yTF9Jwyv+sMbRhVLQIY5RPeDqN91JxOc8sv7L+rX3f4Af/f+F2ET80xP"
    "+uwkJgeXiJWQJGWxmSliZLVTe53mcsE+zXDBPk26YOO8jPOCqUdISp56pNqpR7y5Yk89Eq"
    "Pj/BEtUxPadZ5U+Fxgz6LR8o0rz8ZFIod+sVVMfZ8+Ct/QqryhVSN54n6Vpzu2/B6WTYzH"
    "uBQ3ipGz7los2JgEkoTzB+n6E7KWKWNWp7QBuDaWhxK9FqKBUZkd2SglR3hzWNHabrxlSA"
    "Ytp8NhbcZ5wzLIQyhH0AuP29pl3Bb51peAMsb2SzhanSGObpW50sAleIMSEK91Bqc48Ons"
    "1RbhXWigrfNojV3NhPBUL/jZ4rlIhY+Fny8V0ZEOpwb6wxIwN16PWY9T8e/Cfoi3ECEVdU"
    "lL69PM6X24DLvvMizur3jO0WhOdO55tw/PO648Soe+vsojZzUvOOtRSj7rVZl1ijI+kdiR"
    "Z0nbbdG6A/RVuR/e3V8O+pNPRcqhT+4vb/vTqVcNff1F1NdDXoD1R1EnboX7E1em3c/CUL"
    "oafR1egPBzo8i0lu6fu1A1ZvsVSVPDd2cnGQZdzFg3qAgRR5oBaUv9XwrSqdx0hIbrhSma"
    "95Uz01TrEXFGlmawpMhMEpZimquB0EIDl51hjdNyd5HqcKhJwWSlwflDAf+3BB3fpGjvkY"
    "9SgbcoQllDsa9OL5Et/4C6NDee9QKOjlRi7umYz0WbV4es/9u176RXVds5eZ2yvVuTmkXr"
    "lO07qYZv1ss0ZoWmv1zGrND6mKPICbAcRYGWtXA0EI4BcFVmcw7nYGGYwH4MU128u261jt"
    "rvL9xGr5xQ0/2MfQKAT96Ma652dR9Rl/U5eH6UbaDa4MGU0TJpgmfVfgSGqT6ouqwB3MMv"
    "Mm2hGz3JmgMtMDNQnx9wZefM2MFtcq9pk6tuaOn+3OZ3EFm6LuIVhTg9YVpI8foJ0/bDnO"
    "0kNZq7UUHKxpGOPEHCod8eekkx4VyleT1dQUVdylrmLJDU8dnwyI/8Yeo1I1dCr3/bHbw7"
    "a7Zc/NG8qB5DtU5llxAJuXtF+v5+mIb2PO4VZM29ItlOShcRD55dSgiILJILdWKSsxL4JT"
    "K7lLNl86/W5OQVKZMrM49IWZaY6LjIZQmJvld/PhEx6My9HSu2Grm3Iz+Oyz+Oubdj3WY9"
    "j7cja+7KctNWVijjwI5yg7oAUfHd7OsYGaDKjluN4WgoXQk3Y0GQpiP/0wWgtYp62BJevw"
    "C0VrJvsl/QJ3oXcsy0K3HNcy4nszyatXa6Zq1dh5xthP8qowH6jfjBkj86MbFT+DM1L1WE"
    "rAZ+BFknpPBtmq2yWx+Qg9HwJuge1+MdqgPyK7luvHn340PG+UnW1Lm0MI0lnRWnAx2lym"
    "LDq8M5lKJxRmw0FUDbYIfPo9kSvMPxK6Jg5+dKL2b8SBJvbfs4IDB900eHwfSRmlYiVYtF"
    "ULyeZ9TxrjZT7gNfjbVbcb0F94HnPvAVgbpOLxH3gd+PDzwBHfsbliDmB9WBvGOsZxWNlK"
    "ckTZ5WgdmRFd8EHecFKOjygJ23sE3xgB0esFP/gJ1YTlq4ZUrDAglpDwX8NFfNLRErzR/w"
    "EGBDv9nRtl1jwk+4XNm37lB1BcqLGdk2vygCaLIOPqkjTJ52vQSYpu5AdYXJ32BKwKl+aZ"
    "rZ0tUy+iJfqZaiol1dhw2KHzJxtZnlg2zChTSP9t0Yoyo6p7NOR3TOPs5bovPxFJ6jz8rZ"
    "DLybQ8QlQ4AOGlkzHhz4HhdmF50T2Prg/pUR6cf2WdD9yfCOJFkjSJoAHj0cgeM2IjyDyk"
    "J0OvMT6N0zWSF+z8/C41Qr5k3NPSw9TWqekk7pFZ0SBZ14ns6S6/YyRA8Re7v83TAlRZMt"
    "a1v+7RYP1cMjHeCE7OW8jYgGlBM3Ljqkn7nQ7Sktw655jtzWyVx0zo+P0enVkdvosDs9Oz"
    "0DxgLIQDf0X/3jzuNagQJNW11giQ/66RdU2wK+pwj1FC15eH4wVutg5Bs4YWTMZWPMMDFS"
    "QqoLuG+98Zh1FsctXpZtxxpyXtOqnJpWve6k170S9pXG6hrCOR6Jxp+sr2XyJguy16sGI0"
    "fDWRG2iCDRKYzESXbnDMVrMhSyohgOazXSKNGuNubDg5lUYOg2tQ5blg5jTVJLbm0HLmEH"
    "GQ44FiajwZci0YABJQ7uCz6LethKtv0h9KZem/cpLivmmbNWvkomGYVMEgwgXGlM8WZrAu"
    "4jmeeFeJT1uVbAqStBxz3mknt6ABK7T1eUkvt0VdmniydySX+hDjOlR55ELtyTb7d7Z3qB"
    "3Zw4pw/A8eaekwUOq/I8J3kt7lJxL7EW9y51dDemPHdc62zP0BXNsTw4Evo6ar/mJl+ehz"
    "UVBowky2Fj7Mzmp4FvzBmcfxCd89lM9p1gopfPZ0oLf+50miDwwTlZuDbE9RWanXEXt+C2"
    "xmqpBvdra6yQE06rk0cPEudeCT1IJ5kh3mSp5Bd057kLGDP2knru9WmybfwC0ylcTUn9dV"
    "1u+ssVWsB/GDPa+RhezDwUVbeb9N3v96omrR/oYsxWxa1Ur3oUBTNQRM0f0FbZqNLo9j71"
    "hS/CrTCcTi4A+U3UB0J3PBTGUrQPrXXdN7yO2r5JPWE87V/3e92pIE3+MexdgGRbEQNBO4"
    "97ajvdP7WdcFC110EWebmOkKJ2JoJOHng76fB2EvAaK4yFYbLpXmJUXOFCUXCtMWLlmhOE"
    "fBlvXMYHaPcd3w+H/eENq9HXJ7sA/gdRvxoNcUpf9FfUr7v9ATbyev+L7OB5MvSmJ+hNqX"
    "zF/A7EyGr3Buwk4aUPGmMC1ygVRzoP0ib8DhXM+DNiHafjaOdB2zZsWZNM45mywadn/YkQ"
    "cT1JnD3xxGdcYQ077rFIqAlCDm4c3PV7zgpukpCDGwcXmqbBVK50TVC77XYnLmPc3yUd/f"
    "r6uyxUvWjK3xgp92arsjfbvv2aKja1NXazqRjSpXvZ7MfLg5wDmvEqOkUZ5qtYx13ar7hp"
    "6lVTlXD+6Q3yT7zwY91mncJOJZKkmfBBxT/VPa0sG66KmiCoA72mNUK46aODtTucMhsk1p"
    "Q4tiz4LOr94WTan95P+6Oh1B9ejy5AvEXUe6Pbu4EwFS5A8KmIyaJ8byxvNqBZ6H1OEHOB"
    "qDpvcHLjDt483ZaI7DfebG35MqcM+aqv9aR/JQynUp85upQgdQNJI+NU5A11IWa1LVJIa6"
    "cYLCeXWQrg6lxCr8AMMilh0+hrB30rjwW9lW5CbyVs6F4+IYk5BWKUjAO9EWhLeTQMLWPr"
    "T7GgR8lqB3T5m4kGH7BxFq7QOQ51G3G9T0yIp9Fz6DdCj5OKyAr7qRmn41DnhnqFgCqE9Z"
    "qwdmC3Wnn27lb63t1KAxsuZVUrAvaasH5gt3OdlO2Mo7KdOCuxGMbKkZA0tUM5j4iTLuEk"
    "BBwkwaLDLcWllQ4vQVI7dHfiWDZzLFVHiEmWYrCxfEnK2iG+E98SdCvTmDsK3SA6hT9Tjc"
    "9RuhqgnaVDE75NI+qzANN3t91v7yMqtMFoeBN0J+agNxhdxjeUJ9mWTVaP1ShVDWB/DT9s"
    "qDimar8gGJdL1XbzFbDm38ocgzteJL0CaYCx6+7TR+FK/Cor8X0VDNsrRtKU42Z78H4NBS"
    "PpXW/lraPo1z7PB/kebaj9t6dsA1XzBcgFlqqrturVFOb1JfPDZkIFqk8cNTbUlHVqe2kJ"
    "ERDz0mpz3rrDvQHczO3rc9a2wEDUyd5Pwr8lWGTG/zrCFKZ22RKoSCqZGnIVfma8LVHykw"
    "nWdTVR0geWA9gb4MQsZ4Z/O84+uDVqE2+sGzxUnfBKRhvE5dIkbiMdTg30J2fgx2Q9zEFJ"
    "pHlDPiKSeJ5oj60iOILtjhK9QeyE6ZEbGtGp1KiNRJqx0FHqX5sykvGqOTzoo6Ib54G6//"
    "Ogj7c46xRtc4Ip4iU3d+g0Vci5+FU8iveYbrh0T1dmlzTuipYKbsIV7QCT0fWH3d60/0Vg"
    "hHxNh4O7vE+iHrQQI+43B92+Khpu1igdHgdMomqrTwW5nzgtN65Xh91JcrmBhMLqw5Kg43"
    "4raXnYsK6bMR1LnI6DSwGXF/F6K9luqgb1K6a72YWXSb1NHLtMEERBLl3THMN3o9I5XkZs"
    "c/GnkQ4BQQQe0Y8AsxeAxDngD3oEpo+RTr9YAD9uE+Cw9QfDfAGyPge+LQjIJowz9bu5i6"
    "grxkqFc6Dq4B25tIGOPplAeZT1B0R/fXLUeQ8sA2iqhS4uVM1GV59VtK4dG8jgu6HqafWk"
    "/iLV+Zr65CVCjqvb/9sIJ5/yxtIq3DfgTxydiD0a1msmq/YhRgxzSuiz6fpaBy9kwx0LzT"
    "L+Ar5+EsYCEBv4183RRqKjm4oN0J+A4f1g4JWey35WH+yyn5sct+ij/9WILW+yK364yGxF"
    "L3JzBzd3VOLQOVDFNzd3vMVZz2PuIHd7VtMHjbaGZpCdhBGRJ2oRRTJJX2XMG1fCzVjAJU"
    "zc/6I+HA2loC38XESR3MozLa30WWklY7s89rSwcj8kr/SUfBn1ujhPW3cgXfXvBqPb7gVI"
    "ton6p/4N4uok4ereuxb2TruCk74Np/3hfX94Q6PLuirqxDP0RvfjiRB5LK+J8lRB35QLKc"
    "8UUGVcjNVSi5VRE/XJ5/5gIA2EL8Ig2i/lAlr8wY/587478FrRd/QiUNtFfTTFv4h8ZeIt"
    "RV6c8u26K2hahi5rBay7FNIqvzwFz5Dyi2KpluUgnoumjMPcWooERBJlMWoHCHgGwJjRSm"
    "SDMkzGPFA+Qf1s5KXn73PF+Lnk5Sij6CqvoKIuZY0OdJI4vlA96iN/lMMzhGStVKHXv+0O"
    "3nWank8CkhRUT1ccTMRJSmWwwkzLmvpVPRLWyWIZ1zhJGkk6i475sXDVn0qX3eFndKyHX9"
    "AxeicMpfth/4swnvSn//C70FpFnWQCbm/7k4l7I1prkaO3/BKqlm2YBcy3cTJuYDw86+3h"
    "6RyJuJ1AG89wBJM0NeQRW7n0DK0MPUMrqWeI6NGpnGK6Xi9Oyx15qqPIS+pvw9liPQsolP"
    "w4SG5ZAUySCWWLJnel71wU0tqJETtJKbYGbqFqzOcFlbh2uO9EPR2FjtUwQKfmyOdBnjSq"
    "MPo0xwm5Vxv3Gnx9xt53I2HCNkrEceXemCxQl+6NSVnPJYBcv0wccYCjr3EOcGMeYVsCXE"
    "9/1jjIyXN+G5/iMA9YaTmeiNxiNZoGnuqpCt7XT1BrUB2u8YVmlo+1CReIcw+6bfSsFp1T"
    "5aQtOp1Zu9UE8OjhCIjOR3l+LjrnxydKE33rnLUV0Tn7OG/hb2fnp6eI6BzOjuKGga0H40"
    "Vgq+Ugu98cAfuFdsemY8swKaxAuhnL7/56IsNxhddsQl543bAiNv6rYtrivRxot/J3g5qr"
    "yruw8UBbrrvlONBOYOuD+1d2w2eAals4OkfWjAcHAly6xT+bjtvHreM2PoagskBH0/wE4s"
    "9z9Pl8JrfQwTTrdJrgpIW6dfDZ9fF4jjq0Ox/R8Is5+txpyyf4VseIsHOuHKOrp/IMt58f"
    "u2fdgnZIVu8B+cFbrYOXuUpiqfWIKnTwlpxEo2pJj/YHbPmOmu4eLSmabFlsStEkIVeMbl"
    "aMEqiVoFJyz+FeMNiBIZ1Xo5RcaJWIUufsZCF20lutaTzlei3nYCzDt4iNvUTMlHI2I3i1"
    "GKeGuTOvTzYXyDgOZ9Y4s1YVaHdZPLJqzNoeXSbLj2Saq5airjRVh2zMWoKO82qbebUQtB"
    "JYtavIYAcGdF5WLbHMtuDU3DN+Sx5traeqCd67Zc+gZcnuG5XkzfxLmYzZkuhUam76GJv0"
    "Vyw/Js5+EEkjE+/AnJH+Un14K+zVx3b7w4ez9vGHzvnpydnZ6fnxehNNXsraTS/7N3hDjZ"
    "xkm5mwfaVHrdoLXzc3woqJu2XD+wP9DjqPuzmiMaCtMr/b6N7dDfwwf2ks9IT+F+HqAtBa"
    "RZ1sxQGiV/GufqOoj4UvfeErIv3zHrECuFu8RdSvBeHqstv7TNw20UT06g4nX4VxpFfQJO"
    "r927vReCpd94f9ySfcJ9Yg6sK3WI9YA3rm+4EgTbufBfQ7Rl+H6JGjDaJ+K0w/ja4ifRJN"
    "on4z7g6nEuLrhzf4PpGvon7XnUy+jsZX6CeiKbkA0e9xNUQu7+/SQznRvqAxSXZrgiov9S"
    "o518+MOSWCJL0yfdC/BqELWaFuu6hIj/hXh201hxQ1gHvXegpj9h0qdLYuHeEIUe1ALt90"
    "Rwg+UYiz42YJMh4yW+WQWZ7oMv3VOsyUh2mJLhk843apARo59gxJ1vMMTVC8SzNLI2T4na"
    "XXUg1xC9qrWtAeZV2HlAqjOXNEhuRVFhAak9vJBUB/kKTX7Q+QcIf+FpHI8pz/6cc/5fRX"
    "1JVKDU1KZ7EiRPVzj2q1c1Ura2eUK2snvM8sx+VLWWAmSGrHx75RyXdPPOsuZN/DqxFXYN"
    "f+LNxNLwD+K+p3wvCqP7y5AP4HUZ8IQ3QV/xX1a7SfuwpE93+Rnb3smnG2DZcrmn9aukmE"
    "IOHBJomgf9myJWiaBlPq1yhV7fbxnSTE4SJrOvr1ElkjBwoO9mafcoKMK6KqpoiqiEriTj"
    "ZtHVKD0IJLzSwVxIrotNFLuAv87oAwg/9iAevFQsfr/wDVBojeAgvDdKO/iF7gHX69f10i"
    "5LWX90nH4XKH5pqQamlCuM/rbtOE7tudpWpKj5L5Y15k9xXA5Sxx3VniarFMPVmjJqMhL+"
    "dhnSQl6LmRfxKeoPkCcH+wlOfQC5OX15zPD/hyAZ4fjSb6oyqPwFjhxYpocQNEfx+NZ8wI"
    "QbQa50kWqvTR87gaByBwT+JNG+aePYmjE5XzAIsScU9imqsrZGQKQgLODSThXO9KzFmLk5"
    "S1U0nuxHyHHsJJTVecDneMjGOdB2vDsRUjbVlvNi0R5FWWjBsjXJ4HF+MZj0fjyQXw/mP/"
    "9uv7iefW7n6ogC1pDm1ZTXHRSFn4a4rarfmdmK7VFQu6Xu/aIXtymse55TTdu+WUW5K42F"
    "wFsfnKP/cb6aLzukszj/g8J3tvFKFHOgwlV2AsQgH3FwuJvbq6gJaNsHxE3dAKAMHolms1"
    "QLw37vUCTEdPCtAlj00Rn+PyMslE/YtbKPZooeDi8W7kuUOTLg7bFZNLz6+NOHfMfEXHTM"
    "7zcp53HzzvZ/iSwe5+9irTbeZ0/RJ2OfxsdNC963sWm3//W5n9kH5bmXCh/vxd+s2CaC3b"
    "v//73//jMaGYG/XaEJM6+dT9tX3aASpmR1c2xc2mzJG5lw3nYXPuhYcHMwGr+4KwMFMhRe"
    "2SIe6gZIS7xUhz9QFJ1ywoJwhrwVPtOige/lyp6GwuwENFKblHctU8kqPBj0/Gj0KccpSS"
    "z3KVZ9mNwHGsQvMcp+UzXeWZ5pJv+oHJJd9dSL64GKSFFsGfDjTp0m+0RzNTAg76Sv9Zd9"
    "4sBa8MTTMARmgp26oC1qMAPIoKrQsgr40wYPbimmF8QbUJLMQ4oq6oGbqOkc+G+QOaFJF4"
    "Z7fZQj5Go6LRmbjhNUXtZI6ymOB0yXm9KvOqcdcEtZA5uB63MlPBT7OdnGZomcAJ1OcTza"
    "B7LkQ6ZJ9luKtkob6SFXTO5bZgGs/4bAHuAJ4bAV6k2NEAnyiYIfer5FkGsJ8NgIZESwXg"
    "W+FKerpuoOPHsB/BSrYsuvvCDu6xxSnmPgWT4iwgqN0Z1mrl0Zu10vVmrU1nmCvQFYw0j9"
    "PWcGM9kI208vHmpvGkYt9k2iYaXMveP8leOQpTnZ0dt3DhKPlMdDqnpx9x0e1ZW3Q+HsNz"
    "9PcUntPKUOWk4iasapmwOGf4VjhDUh5wVvOCsx6l5LNelVmnHGP+01clKUSFeMPyjXy8dl"
    "95tfsYGC9Cf6c8Goa2ZXWuiTvIAW5afwfr6zXLc43hkwqfhaeU2ATyciZ/arodJfiUOyZh"
    "iqRsjwo8qpZtmC9u8IAO0E00VfHCCbBk/u661TpqUbIfFRohVyWwkB6T8Pj8ysbnoxXmT1"
    "Jy094cGRpSV1kh3ZjcX972p25lo/VHr7gPbvL+xxOO4rBRiVYZKdEYf63yhTzminjMCHhM"
    "ZCdV0PvLWrAtJOFJAZIeeIgHttLejTQvloCidmEMPC8pl8Ai/YrL3QR3wLhhJQh58Nvmes"
    "kxZiyKNXPB5J6hP2FPBUPvRsc9MNDThIVmrHZycs1Fiif3upNe90rIqp28U+nD0WAPfezh"
    "yqv0fKzxLtlSCOosYbFcUojuuUQR18iH6V1LnxfHPJdfLoBBGAhRQxOoOtq9sVcLnAMHzb"
    "6JeuIOmqH8QKLGx6OTFFml/FtsoYhH92FhDfzutVN1lJIYZYN5EckhM0hJEp96UMSoeOp9"
    "6hGxvy1rYjgm3ZhHXN28UVlhxxxJpL3eQFYeVfjkbg7eDoKHanqKjxcywXPTS2WIHRjQZj"
    "JX7V9nsv7D/0xxhNjJHajZHEy/4iVxI57HYd8GRDxlFCkGKupS1lKFmIAqLsF4ZEc++eHy"
    "VzQ4ceHp2+7gXafpOZ4g0UT1uKl1SiKKemO91FmVHHFCLjPQdB14P2UClqDgiG6WwkxqXe"
    "MtxK+xP+CBwZxX7iKWF13gStkdSsC4Gx2tpgAnN8YIzmNhMh33e9N9SrZT2URsTxqb6F/d"
    "zCbaYcccbKLXO87EYZfWlTPTVAtxYRdgKX83TAu8m6srzVjKFuLu3CFk7T1i8uZIPnVMC1"
    "q4Rsh/HBUd8+8p7OKO7iTquFrJHD6YEPr3wFSmn0EMCc/QtNUFVmr4MrRu6L9G+nPWs1rn"
    "Shbr+QP9rKL2u4C20ta72+4fozGu74r+iXpvdD+eCBfA+4++C+Np/7rf605xY/iliFWu1c"
    "7jLd3OSNTE2VbOth4eopxt5WzroQB8AGzrF2+lp/GtweXNjOsT0TNPlTyfa5wDnzDUPoJ3"
    "l633uA6LbINnGdexwyXtFDQMTqvllrfD3CFh7LK8ai7e3eM183ZyI1HHZWCeoA7khQ29fu"
    "6QqgX89CBNgBVm6L6Y8w2fQn5AC2Yzz+obBDi7uteafKy2nH2YcSqPb4jnk6ypaH8zjSXd"
    "hYYOapQqy33mACHOUj1jyYAGoG2ww+fRbAlexXzo2LCzdHllPRoU7uWPyWhIx46kiWOnKj"
    "b4P4B29UN8szOgw2jgkdPTGcQzFzSjXld4gHg6g/X5V8B9Lk7LHegOyYGOS71c6q2UUJYm"
    "9eaRxqiOiluGMNXdSXGnEU1+/BdFeg0jw9IFVyvskyPK/mOn0xadznm71QTqHMn0KnrIeZ"
    "DtqnX861x9QFIh2RH/PT4TnfOZ0hGds/PjFi0Qv7yBeax+tQRIHjPwFlkeHqtft1kPMKpu"
    "rP6+53X3ZWR4wH6Abp7gtlZ6bFsr4bDo8UEeRAwIx8hqF0b4IY+J/UO6if1DwsRuOStoPq"
    "kWegYJ/WK2XP4U2tpBvpOdI0inxVj1I0rFVRGbVRFk3rIt1RFkorQDAzmvIiK2wHZrGiYE"
    "vTCmI11xMdLh1EB/Nqsv+tHhDtKCQNdZsKghoJVmRQ8uNTMVEUSnHMZzzXhQdT91qfED6l"
    "hPALUFNj7rOMU2wPlRsAXaLVJF5OIGXiUYWjxQKWNy/UO19A/uTBaoGxSnqx0PvYN8YlzV"
    "UzOhP4+qp0Kloqo26wcyyxTVDsWIyWtFvYFZVlcsZ6TXu3YS+MlpjpPx5DT1ZMSXoiejY0"
    "FTQnwzzXE4Hd4oVe1gbudKUdXOSFHVTqaokhU3Ewpr9AZJxNUcOZIUeYiVoOXohiMdGMT5"
    "XeDJ1VWldEQTZ4Zn48aU6dlQI9ebmdK711N6WHfdKMNf4twZaHUsFr9YuK7Wo2GqlpfD1M"
    "tqSmhpXEd0GaCDDk2Jgj3K/RuCd9cnR6eU/EOlj051VY8pkjT1Cbr1u7nP+j5Ffn/26Eft"
    "5ihLgrzKhsnGl1GvO+2Pht2BdNW/G4xuuxcg2Sbqn/o3n4SxJFzde9fC3mlXcNjmcNof3v"
    "eHNzS6rKuiTjxDEP2ZaKI8VdA35ULKM4XxpakXRf2bFAk7jXwV9cnn/mAgDYQvwiDaL+WC"
    "qA+DH/PnfXfgtaLvF4DeLuqjKf5FQwyScDMW0NDxlvj+tR/bnLt7I0lt9sLGPyXoOAtFCf"
    "0IUGKXoKOUNVSU1Fg9Fmg/WN+pBB1P+UxL+cyVUvVXSq3ZaipDR59fkqbKXFxljDeEKMO2"
    "USUJ+em/WYGS6YLArERh80CoGtR5FSnJlVapXAJfoOmlaULPhzM4NygalUSfZpZW5YnoLQ"
    "XOnBs1K+m456kFExZXdUy0kbsfCfMsW2EYrsrYUpWx79q4+96Ed1Idl4zJXa/xIpoigrzK"
    "cKOd8aY/mQpjXA/H+yTqCJLhjSDhajpfR+OrCxBrCHt8QmxdeBl/E3Xh291oPL0A3n9RHw"
    "jd8VAYS+Gd4i1FNBzll91xc+WzOwPFyKo82ZVhKLlfyCaGpxbC2UJWNZc1sOFyRUupncoD"
    "UCh55v+4hgMP7yyLOdVFSbmOo8qvEfedTH+l6qUcTigF9iOtdpFsqTw2KDKqf6WZJZnKYZ"
    "9diqNc2HxNYZPIX5iXMSZIasgUt0/zeAKiXukSyGnCFxC/VAwI+91riG4rl/9fK8P/r0Up"
    "UWnoNtXNMj3DGUHCE5wxJjjb62H29/8Dtx8QVA=="
)
