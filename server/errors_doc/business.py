"""When each business error code (enum ``Code``, GraphQL ``ErrorCode``) happens and what a screen
does about it: docs/ERRORS.md is generated from this table (``make errors-doc``). A new code
without an entry here fails tests/docs/test_errors_doc.py.

These codes arrive in a mutation payload's ``errors { field code message }`` (a few also as a
GraphQL error of a query, said below). ``message`` is the Chinese text to show; ``field`` names
the input (``diploma.validFrom``, ``sources.0.credits``) or is null for the whole form.
"""

from __future__ import annotations

from typing import NamedTuple


class Guidance(NamedTuple):
    when: str  # when the code happens
    do: str  # what a screen does about it


FIELD = "Show the message under the field named by `field`; keep what the user typed."
RELOAD = "Reload the row and its list: the actions offered follow its new state."
NEW_CODE = "Offer 重新获取验证码 (SendVerificationCode again) and clear the code input."

GUIDE: dict[str, Guidance] = {
    # --- form values ---------------------------------------------------------------------------
    "REQUIRED": Guidance("A required input is missing or blank.", FIELD),
    "TOO_LONG": Guidance("A text is longer than its column allows.", FIELD + " Limit the input's length."),
    "CONTROL_CHARACTERS": Guidance("A text holds control or bidi characters (NUL, U+202E…), or a one-line "
                           "field holds a tab or line break.", FIELD),
    "INVALID_PHONE": Guidance("A phone is not an 11-digit mainland number.", FIELD),
    "INVALID_EMAIL": Guidance("An email address is malformed.", FIELD),
    "INVALID_POSTCODE": Guidance("A postcode is not 6 digits.", FIELD),
    "INVALID_CREDIT_CODE": Guidance("A unified social credit code fails GB 32100 (length, characters or check "
                            "character).", FIELD),
    "INVALID_SCHOOL_CODE": Guidance("A school code (院校标识码) is not 10 digits.", FIELD),
    "INVALID_PROVINCE_CODE": Guidance("A province code is not 6 digits (staff directory forms).", FIELD),
    "INVALID_USERNAME": Guidance("A sub-user's login name is not 4–32 letters, digits or underscores with a "
                         "letter.", FIELD),
    "ID_NUMBER_SHAPE": Guidance("An ID number is not 18 characters (the last may be X).", FIELD),
    "ID_NUMBER_BIRTH_DATE": Guidance("An ID number's birth date does not exist.", FIELD),
    "ID_NUMBER_CHECK_DIGIT": Guidance("An ID number's GB 11643 check digit is wrong (a typo).", FIELD),
    "PASSWORD_LENGTH": Guidance("A new password is not 8–16 characters.", FIELD),
    "PASSWORD_CHARACTERS": Guidance("A new password holds characters other than letters, digits and ASCII "
                            "symbols.", FIELD),
    "PASSWORD_WEAK": Guidance("A new password lacks a digit or a letter.", FIELD),
    "PASSWORD_MISMATCH": Guidance("The confirmation differs from the new password.", "Mark the confirmation "
                          "field; let the user type it again."),
    "PASSWORD_REUSED": Guidance("The new password equals the old (or initial, or temporary) one.", FIELD),
    "WRONG_PASSWORD": Guidance("The current password given to confirm a change is wrong.", FIELD + " Repeated "
                       "failures are throttled like logins (RATE_LIMITED)."),
    "AGREEMENT_REQUIRED": Guidance("The registration agreement (《学分银行注册协议》) was not accepted.",
                           "Highlight the agreement checkbox."),
    "NOT_A_NUMBER": Guidance("A number input holds text (a form value GraphQL could not read).", FIELD),
    "NOT_A_WHOLE_NUMBER": Guidance("A whole-number input (hours, years of a filter) holds a fraction or text.",
                           FIELD),
    "TOO_MANY_DECIMALS": Guidance("Credits have more than one decimal.", FIELD + " Round to one decimal."),
    "OUT_OF_RANGE": Guidance("A number is outside its allowed range (negative hours, credits above the "
                     "course's…).", FIELD),
    "INVALID_DATE": Guidance("A date is not YYYY-MM-DD or does not exist (2022-02-30).", FIELD + " Use a date "
                     "picker."),
    "INVALID_DATETIME": Guidance("A date-time is not ISO 8601 with an offset.", FIELD),
    "INVALID_CHOICE": Guidance("A value is not one of the enum's choices; the message lists them.", FIELD),
    "INVALID_VALUE": Guidance("A value has the wrong type for its input (an object for a text…).",
                      "A program error of the front end: log it and show the message."),
    "FUTURE_DATE": Guidance("A date that cannot be in the future (an issue date) is after today.", FIELD),
    "INVALID_PERIOD": Guidance("A rule's validTo is before its validFrom.", FIELD),
    "DUPLICATE_ITEM": Guidance("The same achievement is chosen twice in one list (sources, targets).",
                       FIELD + " Remove the repeated row."),
    # --- registration and the directory -------------------------------------------------------
    "PROVINCE_NOT_FOUND": Guidance("The chosen province does not exist (any more).", "Reload the province "
                           "list (RegistrationDirectory) and ask to choose again."),
    "SCHOOL_NOT_FOUND": Guidance("The chosen school does not exist (any more).", "Reload the school list and "
                         "ask to choose again."),
    "SCHOOL_NOT_IN_PROVINCE": Guidance("The chosen school belongs to another province.", "Reload the school "
                               "list filtered by the chosen province."),
    "SCHOOL_CODE_MISMATCH": Guidance("The typed school code is not the chosen school's.", FIELD),
    "SCHOOL_ALREADY_REGISTERED": Guidance("The school has registered already (F1.6), possibly a moment ago.",
                                  "Say so and offer the login page (立即登录)."),
    "REGISTRATION_STEP": Guidance("A registration step was sent out of order (e.g. the registrant again after "
                          "completing).", "Reload RegistrationProgress and show the step it names."),
    "SCHOOL_IN_USE": Guidance("Staff: a school with a registered institution cannot be deleted.", "Show the "
                      "message; keep the school."),
    "SCHOOL_CODE_TAKEN": Guidance("Staff: another school has this code.", FIELD),
    "PROVINCE_TAKEN": Guidance("Staff: another province has this name or code.", FIELD),
    "PROVINCE_IN_USE": Guidance("Staff: a province with schools cannot be deleted.", "Show the message; keep "
                        "the province."),
    # --- verification codes -------------------------------------------------------------------
    "CODE_INVALID": Guidance("The SMS code is wrong (each wrong try uses one of its five checks).", FIELD),
    "CODE_EXPIRED": Guidance("The SMS code is older than its lifetime (expiresInSeconds).", NEW_CODE),
    "CODE_ATTEMPTS_EXCEEDED": Guidance("The code was checked five times: it is used up.", NEW_CODE),
    "CODE_USED": Guidance("The code was already used (each works once), also by a request that raced it.",
                  NEW_CODE),
    "CODE_SENT_TOO_OFTEN": Guidance("A code was sent to this phone less than a minute ago; the message says "
                            "how many seconds to wait.", "Keep the send button disabled for the "
                            "seconds given (resendAfterSeconds of the last send)."),
    "SMS_DELIVERY_FAILED": Guidance("The SMS gateway refused or failed; nothing was sent.", "Say so and let "
                            "the user try again later."),
    "NO_BOUND_PHONE": Guidance("The account has no bound phone to send the code to.", "Ask the administrator "
                       "to bind a phone (更换手机号) first."),
    "NO_CONTACT_EMAIL": Guidance("alsoEmail was asked but the institution has no contact email.", "Send "
                         "without alsoEmail, or fill 联系人电子邮件 in 机构信息 first."),
    # --- login and accounts -------------------------------------------------------------------
    "INVALID_CREDENTIALS": Guidance("Wrong account or password — the same answer for unknown, deleted and "
                            "existing accounts.", "Show the message on the form; never say which was "
                            "wrong. After several failures logins wait (RATE_LIMITED)."),
    "ACCOUNT_DISABLED": Guidance("The right password of a disabled sub-user.", "Say the account is disabled "
                         "and to contact the institution's administrator."),
    "PASSWORD_CHANGE_NOT_REQUIRED": Guidance("changeInitialPassword by an account that has its own password.",
                                     "Go on to the home page."),
    "USERNAME_TAKEN": Guidance("Another account has this login name (deleted ones keep theirs).", FIELD),
    "PHONE_UNCHANGED": Guidance("The new phone is the bound one.", FIELD),
    "USER_STATE": Guidance("A sub-user action that its state forbids (enable an active user, act on a deleted "
                   "one).", RELOAD),
    "INVALID_MODULE": Guidance("A module that does not exist was ticked.", "A program error: reload the "
                       "module list (EnumLabels Module)."),
    # --- files and spreadsheets ---------------------------------------------------------------
    "INVALID_FILE_TYPE": Guidance("An upload's content is not a type this input takes (checked by content, "
                          "not name).", FIELD + " Say which types are accepted."),
    "FILE_TOO_LARGE": Guidance("An upload is larger than its limit (PDFs 10 MB, spreadsheets 20 MB).",
                       FIELD + " Say the limit."),
    "FILE_EMPTY": Guidance("An upload has no content.", FIELD),
    "NOT_A_PDF": Guidance("A method, rule or reason file is not a PDF (by content).", FIELD),
    "NOT_A_SPREADSHEET": Guidance("An import file is not a readable .xlsx or .xls.", "Ask for the downloaded "
                          "template saved as .xlsx or .xls."),
    "SPREADSHEET_TOO_LARGE": Guidance("The workbook unzips to too much (a zip bomb or a huge sheet).",
                              "Ask to split the file."),
    "TEMPLATE_MISMATCH": Guidance("The file is another subtype's (or another import's) template.", "Ask for "
                          "the template of the chosen subtype (download it again)."),
    "MISSING_COLUMNS": Guidance("Required columns of the template are missing; the message names them.",
                        "Show the message; ask to use the downloaded template."),
    "NO_ROWS": Guidance("The sheet has no data row.", "Show the message."),
    "TOO_MANY_ROWS": Guidance("More rows than one import takes (100,000).", "Ask to split the file."),
    "DUPLICATE_IN_FILE": Guidance("A row repeats an earlier row of the file (a row verdict).", "Listed per "
                          "row in the import answer and the rejected-rows sheet: show them."),
    "IMPORT_FAILED": Guidance("The import stopped on an unexpected fault and was rolled back: nothing was "
                      "imported.", "Show the message; the import record says FAILED. Retry later."),
    "STORAGE_FULL": Guidance("The server's file storage is full; nothing was stored.", "Show the message and "
                     "ask to contact the administrator."),
    # --- catalogue ----------------------------------------------------------------------------
    "UNKNOWN_LEVEL": Guidance("层次 is not in the reference list.", FIELD + " Offer the list (levels)."),
    "UNKNOWN_MAJOR": Guidance("专业 is not in the major catalogue.", FIELD + " Offer MajorOptions."),
    "UNKNOWN_CONCLUSION": Guidance("毕业结论 is not in the reference list.", FIELD),
    "UNKNOWN_GRADE": Guidance("A certificate grade other than 初级, 中级, 高级.", FIELD),
    "WRONG_FORM": Guidance("The input group does not match the subtype (a course form for a certificate).",
                   "A program error: send only the group of the chosen subtype."),
    "SUBTYPE_SYNCED_ONLY": Guidance("An X certificate was to be stored by hand; they come from the sync only.",
                            "Do not offer 职业技能等级证书(X证书) in the store and import forms."),
    "SUBTYPE_NOT_GRANTED": Guidance("A restricted subtype (人社部 certificates, 国家职业资格证书, 其他非学历证书) "
                            "without the bank's grant.", "Say to contact the bank's staff; offer only "
                            "granted subtypes (AchievementFormOptions.subtypeGrants)."),
    "SUBTYPE_NEEDS_NO_GRANT": Guidance("Staff: a grant for a subtype that needs none.", "Show the message."),
    "ACHIEVEMENT_EXISTS": Guidance("The same achievement (name and details) is stored already.", "Show the "
                           "message; offer the existing one in the list."),
    "NOT_DELETABLE": Guidance("Deleting an achievement that is not 未认定 (a per-row result).", "Show it on the "
                      "row; the others were deleted."),
    "RECOGNITION_STATE": Guidance("Staff: recognition out of order (e.g. recognise before 认定中).", RELOAD),
    "GRANT_EXISTS": Guidance("Staff: the institution has this grant already.", "Show the message."),
    "GRANT_NOT_FOUND": Guidance("Staff: revoking a grant the institution does not have.", "Reload the grants."),
    # --- bulk selections ----------------------------------------------------------------------
    "NOTHING_SELECTED": Guidance("A bulk action with no ticked row and no allMatching, or with a filter that "
                         "matches nothing.", "Ask to tick rows, or send allMatching: true with the "
                         "list's filter when the manual says 不勾选即全部."),
    "CONFLICTING_SELECTION": Guidance("Ticked ids and allMatching together (or modules with allModules).",
                              "A program error: send one of the two."),
    "NOT_FOUND": Guidance("A ticked row (per-row result) or a referenced object does not exist or is not "
                  "the caller's.", "Show it on the row; reload the list."),
    # --- learners and their records -----------------------------------------------------------
    "LEARNER_EXISTS": Guidance("The institution has a learner with this ID number.", FIELD + " Offer the "
                       "existing learner (Learners filtered by idNumber)."),
    "LEARNER_NAME_MISMATCH": Guidance("The ID number is recorded under another name at this institution.",
                              FIELD + " Ask to check the name, or correct the learner with "
                              "UpdateLearner."),
    "LEARNER_ACTIVATED": Guidance("Editing or deleting a learner who registered (已激活).", "Show the message; "
                          "offer 修改 only on 未激活 rows."),
    "LEARNER_HAS_ACHIEVEMENTS": Guidance("Deleting a learner who holds achievements (a per-row result).",
                                "Show it on the row."),
    "LEARNER_ACHIEVEMENT_EXISTS": Guidance("The learner holds this achievement with the same 个人成果编号.",
                                   FIELD),
    "LEARNER_ALREADY_REGISTERED": Guidance("A learner account exists for this ID number.", "Offer the login "
                                   "page (the ID number is the account)."),
    "PHONE_TAKEN": Guidance("Another learner account has this phone.", FIELD),
    "IDENTITY_NOT_VERIFIED": Guidance("Registration: the name and ID number did not pass the identity check "
                              "(one answer whatever the cause); the code is used up.", "Show the "
                              "message; ask to check name and ID number, then get a new code."),
    "IDENTITY_SERVICE_UNAVAILABLE": Guidance("The real-name service did not answer; nothing was created.",
                                     "Show the message; the same code works for a retry later."),
    "ALREADY_WITHDRAWN": Guidance("Withdrawing a record that is withdrawn already (a per-row result).",
                          "Show it on the row; reload the list."),
    "FEEDBACK_HANDLED": Guidance("Handling feedback that was answered already (by a colleague).", RELOAD),
    "INVALID_OUTCOME": Guidance("A feedback outcome other than RESOLVED or REJECTED.", "A program error."),
    # --- methods and rules --------------------------------------------------------------------
    "PLEDGE_REQUIRED": Guidance("The truthfulness pledge (郑重承诺) was not ticked; every save asks it.",
                        "Highlight the pledge checkbox."),
    "SECURITY_COMMITMENT_REQUIRED": Guidance("The first method or rule of the institution without the "
                                     "《信息发布安全承诺书》.", "Show the commitment (with its 4-second "
                                     "read) and its checkbox."),
    "METHOD_ALREADY_PUBLISHED": Guidance("Publishing a method while another is published (one per "
                                 "institution, also under concurrent requests).", "Show the message "
                                 "(已有一条已发布状态的转换办法); the other must be revoked first."),
    "STATUS_FORBIDS": Guidance("A method or rule action its status forbids (edit a published rule, publish a "
                       "taken-down one…).", RELOAD),
    "METHOD_REQUIRED": Guidance("Making a rule before any conversion method was uploaded.", "Offer the way "
                        "to 上传转换办法 first."),
    "SOURCE_NOT_FOUND": Guidance("A rule source is not an achievement the institution may name (deleted, "
                         "or another school's unpublished one).", FIELD + " Reload the source picker."),
    "SOURCE_CATEGORY": Guidance("A source's category does not fit the rule type (a diploma in 非学历转学历).",
                        FIELD),
    "TARGET_NOT_FOUND": Guidance("A target is not one of the institution's own achievements.", FIELD),
    "TARGET_CATEGORY": Guidance("A target's kind does not fit the rule type.", FIELD),
    "TARGET_COURSE_REQUIRED": Guidance("A degree-target rule without a course.", FIELD),
    "TARGET_CERTIFICATE_REQUIRED": Guidance("A non-degree-target rule without its certificate and modules.",
                                    FIELD),
    "MODULE_CREDITS_EXCEED": Guidance("The exempt modules' credits add up to more than the certificate's.",
                              FIELD),
    "RULE_INCOMPLETE": Guidance("Publishing a rule that lacks sources, targets or description.", "Show the "
                        "message; open the rule's form (修改)."),
    "RULE_FILE_REQUIRED": Guidance("Publishing a rule without its stamped PDF.", FIELD),
    # --- applications -------------------------------------------------------------------------
    "RULE_NOT_IN_FORCE": Guidance("Applying on a rule that is not published, taken down, or outside its "
                          "validity period.", "Show the message; reload the rule list."),
    "NOT_A_SOURCE": Guidance("The chosen record is not of one of the rule's source achievements.", FIELD),
    "SOURCES_NOT_ALL_HELD": Guidance("A rule of several sources and the learner holds only some.", "Show the "
                             "message; MyPartlyMatchingRules lists what is missing."),
    "OWN_RULE": Guidance("An institution applying on a rule it published (also a GraphQL error of "
                 "eligibleLearnerAchievements).", "Do not offer 申请转换 on the institution's own rules."),
    "ALREADY_APPLIED": Guidance("The learner has a pending or passed application on this rule (B2).", "Show "
                        "it on the row; the others were sent."),
    "ALREADY_DECIDED": Guidance("Reviewing a row another reviewer decided a moment ago (a per-row result).",
                        "Show it on the row; reload the list."),
    "REASON_REQUIRED": Guidance("Failing an application without a reason (F10.3).", FIELD),
    "RE_REVIEW_USED": Guidance("A second re-review of the same application (B4 allows one).", "Hide "
                       "申请复核 for it."),
    "NOT_FAILED": Guidance("A re-review of an application that did not fail.", RELOAD),
    "NOT_APPLICANT": Guidance("A re-review by someone other than the applicant (a batch row is its "
                      "school's).", "Say the initiating institution asks for it."),
    # --- partners, messages -------------------------------------------------------------------
    "MANIFEST_INVALID": Guidance("Staff: a partner manifest refused; the message names each reason.",
                         "Show the message."),
    "EMAIL_REQUIRED": Guidance("Messages by email without an email address.", FIELD),
}
