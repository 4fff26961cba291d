"""Institution information: view and edit (F13.1), shared with registration step 3."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from adapters.filetypes import is_image, sniff
from models.institution import Institution
from resolvers import audit, checks
from resolvers.access import require_institution_admin
from resolvers.errors import Code, Problems

if TYPE_CHECKING:
    from server.context import Context

AVATAR_MAX_BYTES = 2 * 1024 * 1024

# Input field → (model attribute, max length, required to complete). Checked formats below.
TEXT_FIELDS: dict[str, tuple[str, int, bool]] = {
    "school_type": ("school_type", 32, True),
    "legal_representative": ("legal_representative", 32, True),
    "contact_name": ("contact_name", 32, True),
    "address": ("address", 200, True),
    "business_scope": ("business_scope", 500, True),
    "introduction": ("introduction", 2000, False),
}
# Free text that may run over several lines; the others are one line.
MULTILINE = {"business_scope", "introduction"}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


async def check_info(
    ctx: Context, data: Any, *, complete: bool, current: Institution | None = None
) -> dict[str, Any]:
    """Validate an institution-information input; None fields keep their current value.

    With ``complete`` the merged result must hold every required field (registration's submit and
    later edits); a draft only checks the formats of what was given.
    """
    problems = Problems()
    values: dict[str, Any] = {}

    def merged(field: str, attr: str) -> str | None:
        given = getattr(data, field, None)
        if given is None and complete and current is not None:
            return getattr(current, attr)
        return given

    for field, (attr, max_length, required) in TEXT_FIELDS.items():
        given = merged(field, attr)
        if given is None and not (complete and required):
            continue
        values[attr] = checks.text(
            problems, _camel(field), given, max_length, required=complete and required,
            multiline=field in MULTILINE,
        )
    for field, check in (
        ("contact_phone", lambda p, f, v: checks.phone(p, f, v) if (v or complete) else ""),
        ("contact_email", lambda p, f, v: checks.email(p, f, v, required=complete)),
        ("postcode", lambda p, f, v: checks.postcode(p, f, v, required=complete)),
        ("credit_code", lambda p, f, v: checks.uscc(p, f, v)),
    ):
        given = merged(field, field)
        if given is None and not (complete and field != "credit_code"):
            continue
        values[field] = check(problems, _camel(field), given)

    avatar = getattr(data, "avatar", None)
    if avatar is not None:
        content = await avatar.read(AVATAR_MAX_BYTES + 1)
        kind = sniff(content[:16])
        if not content:
            problems.add("avatar", Code.FILE_EMPTY)
        elif len(content) > AVATAR_MAX_BYTES:
            problems.add("avatar", Code.FILE_TOO_LARGE, "头像不能超过2MB")
        elif kind is None or not is_image(kind[0]):
            problems.add("avatar", Code.INVALID_FILE_TYPE, "头像只能是PNG、JPEG、GIF或WebP图片")
        else:
            values["avatar_key"] = (content, kind[1])
    problems.raise_any()
    return values


async def apply_info(institution: Institution, values: dict[str, Any], ctx: Context) -> None:
    avatar = values.pop("avatar_key", None)
    if avatar is not None:
        content, suffix = avatar
        values["avatar_key"] = await ctx.services.storage.save(content, suffix)
        if institution.avatar_key:
            replaced = institution.avatar_key
            ctx.after_commit(lambda: ctx.services.storage.delete(replaced))
    for attr, value in values.items():
        setattr(institution, attr, value)
    await institution.save()


async def update_info(ctx: Context, data: Any) -> Institution:
    account = require_institution_admin(ctx)
    institution = account.institution
    assert institution is not None
    values = await check_info(ctx, data, complete=True, current=institution)
    async with in_transaction():
        changed = sorted(k for k, v in values.items() if getattr(institution, k, None) != v)
        await apply_info(institution, values, ctx)
        await audit.record(ctx, "institution.update", institution, fields=changed)
    return institution
