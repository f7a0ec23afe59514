"""The project's Django templates as Django reads them: what a template author meant as a comment is not drawn."""

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATES = settings.BASE_DIR / "templates"
# templates/jinja2/ is Jinja2's, whose comments may span lines.
DJANGO_TEMPLATES = sorted(
    path for path in TEMPLATES.rglob("*.html") if path.relative_to(TEMPLATES).parts[0] != "jinja2"
)


def test_the_templates_are_found():
    assert len(DJANGO_TEMPLATES) > 20


@pytest.mark.parametrize("path", DJANGO_TEMPLATES, ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_no_comment_reaches_the_page(path):
    # {# ... #} ends on its own line: one spread over several lines is drawn into the page as text.
    drawn = [token for token in Lexer(path.read_text()).tokenize() if token.token_type == TokenType.TEXT]
    leaked = [token.lineno for token in drawn if "{#" in token.contents]
    assert leaked == [], f"{path.name}: a {{# comment #}} over several lines at line(s) {leaked}; use {{% comment %}}"
