"""Languages by name: the English name of an ISO 639 code, as the filter menu and the help page show it."""

import functools

from babel import Locale


@functools.lru_cache(maxsize=128)
def language_name(code: str) -> str:
    """The language's English name (CLDR): "ru" -> "Russian", "pt-BR" -> "Portuguese"; the code itself when CLDR
    does not know it, "Unknown" for none."""
    if not code:
        return "Unknown"
    languages = Locale.parse("en").languages
    return languages.get(code) or languages.get(code.split("-")[0].lower()) or code
