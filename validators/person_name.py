"""Personal names as people type them: one name, whatever width, spacing, case or middle dot it
was typed with (``毕　志 刚`` is 毕志刚, ``ＺＨＡＮＧ　ｗｅｉ`` is ZHANG wei, ``阿卜杜拉 • 买买提`` is
阿卜杜拉·买买提)."""

from __future__ import annotations

import re
import unicodedata

# The 间隔号 of minority and foreign names, and the dots people type for it.
_MIDDLE_DOT = "·"
_DOTS = str.maketrans({dot: _MIDDLE_DOT for dot in "•‧・⋅∙．."})
_SPACES = re.compile(r"\s+")
_AROUND_DOT = re.compile(r"\s*·\s*")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def tidy(name: str) -> str:
    """The name in one form: NFKC (full-width letters and the ideographic space become ASCII),
    invisible format characters dropped, one middle dot, and spaces kept only between two
    non-Chinese words (a space between Chinese characters means nothing)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(char for char in text if unicodedata.category(char) != "Cf").translate(_DOTS)
    text = _AROUND_DOT.sub(_MIDDLE_DOT, text.strip())
    words = [word for word in _SPACES.split(text) if word]
    if not words:
        return ""
    joined = words[0]
    for word in words[1:]:
        joined += word if _wide(joined[-1]) or _wide(word[0]) else f" {word}"
    return joined


def same_name(one: str, other: str) -> bool:
    """True when two typed names are the same name (Latin letters compared without case)."""
    first = tidy(one).casefold()
    return bool(first) and first == tidy(other).casefold()
