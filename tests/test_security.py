"""Secure by default: production settings that `check --deploy` accepts, security headers on every kind of
response, a Content-Security-Policy that every page obeys, and login throttling."""

import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.templatetags.static import static
from django.test import Client, RequestFactory, override_settings

from archive.security import client_ip
from readouts.models import Statement

REPO = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [REPO / "templates", *REPO.glob("*/templates")]


def production_env(**changes):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "archive.example",
        "CSRF_TRUSTED_ORIGINS": "https://archive.example",
        "DATABASE_URL": "postgres://archive@127.0.0.1:5432/archive",
    }
    # Not inherited: the relaxations, and the browser tests' async-unsafe switch, which check --deploy rejects.
    for name in (
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_COOKIES",
        "SECURE_PROXY_SSL_HEADER",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    ):
        env.pop(name, None)
    return {**env, **changes}


def test_production_settings_pass_the_deployment_checklist_without_a_warning():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_defaults_are_strict_and_each_can_be_relaxed():
    show = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)"
    )
    code = f"import django; django.setup(); {show}"
    strict_env = production_env(DJANGO_SETTINGS_MODULE="archive.settings")
    strict = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=strict_env, capture_output=True, text=True, check=True
    )
    assert strict.stdout.split() == ["True", "31536000", "True", "True", "None"]
    relaxed_env = production_env(
        DJANGO_SETTINGS_MODULE="archive.settings",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="3600",
        SECURE_PROXY_SSL_HEADER="1",
    )
    relaxed = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=relaxed_env, capture_output=True, text=True, check=True
    )
    assert relaxed.stdout.split() == ["False", "3600", "True", "True", "('HTTP_X_FORWARDED_PROTO',", "'https')"]


def assert_security_headers(response, page=True):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    if page:
        assert response["X-Frame-Options"] == "DENY"
        policy = response["Content-Security-Policy"]
        directives = dict(item.strip().split(" ", 1) for item in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert directives["object-src"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        # script-src and style-src fall back on default-src
        assert "script-src" not in directives and "style-src" not in directives


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/readouts/", "/search/?q=wang", "/people/", "/countries/", "/nowhere/"])
def test_pages_carry_the_security_headers(client, archive, url):
    assert_security_headers(client.get(url))


@pytest.mark.parametrize(
    "url", ["/admin/login/", "/admin/", "/admin/readouts/readout/", "/admin/readouts/readout/import/"]
)
def test_admin_pages_carry_the_security_headers(admin_client, url):
    assert_security_headers(admin_client.get(url))


def test_static_files_carry_the_security_headers(client):
    # WhiteNoise answers before the page middleware: no frame or CSP headers, but no sniffing either.
    response = client.get(static("css/site.css"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert_security_headers(response, page=False)


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31_536_000)
def test_plain_http_is_redirected_and_https_gets_hsts(db):
    client = Client()
    redirect = client.get("/countries/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/countries/"
    secure = client.get("/countries/", secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


# Inline code the policy refuses: <script> with a body (other than JSON data), <style>, style="", on*="",
# javascript: URLs.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)


def site_templates():
    return sorted(path for folder in TEMPLATE_DIRS for path in folder.rglob("*.html"))


def test_there_are_templates_to_scan():
    names = {path.relative_to(REPO).as_posix() for path in site_templates()}
    assert {"templates/base.html", "templates/readouts/readout_detail.html"} <= names
    assert any(name.startswith("templates/admin/") for name in names)


@pytest.mark.parametrize("path", site_templates(), ids=lambda path: path.relative_to(REPO).as_posix())
def test_no_template_has_inline_script_or_style(path):
    text = path.read_text()
    for pattern in (INLINE_SCRIPT, INLINE_STYLE, EVENT_HANDLER, JAVASCRIPT_URL):
        found = pattern.search(text)
        assert found is None, f"{path.name}: {text[max(0, found.start() - 40) : found.end() + 40]!r}"


class InlineCodeFinder(HTMLParser):
    """What in a rendered page would need 'unsafe-inline': executable inline scripts, style elements and
    attributes, event handler attributes, javascript: URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            self.in_inline_script = True
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self.in_inline_script and data.strip():
            self.problems.append(f"inline script: {data.strip()[:80]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_inline_script = False


def inline_code(response) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    return finder.problems


@pytest.mark.django_db
def test_rendered_pages_have_no_inline_code(client, archive):
    main = archive.main
    urls = [
        "/",
        "/readouts/",
        "/readouts/?q=neighbours&country=KZ",
        main.get_absolute_url(),
        archive.undated.get_absolute_url(),
        "/search/?q=wang",
        "/people/",
        archive.wang.get_absolute_url(),
        "/countries/",
        "/countries/kz/",
        "/nowhere/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert inline_code(response) == [], url


@pytest.mark.django_db
def test_admin_pages_run_under_the_policy(client, admin_client, archive):
    """The admin's inline <script> elements are JSON data blocks (type="application/json"), which browsers do not
    execute and CSP does not govern; everything else it runs comes from files under 'self'."""
    readout, statement = archive.main, Statement.objects.filter(readout=archive.main).first()
    readout.title = "Tokayev meets Wang Yi in Nur-Sultan"
    readout.save()
    version = readout.history.earliest()
    anonymous = [client.get("/admin/login/")]
    urls = [
        "/admin/",
        "/admin/readouts/",
        "/admin/readouts/readout/",
        "/admin/readouts/readout/?q=wang",
        "/admin/readouts/readout/add/",
        f"/admin/readouts/readout/{readout.pk}/change/",
        f"/admin/readouts/readout/{readout.pk}/history/",
        f"/admin/readouts/readout/{readout.pk}/history/{version.history_id}/",
        "/admin/readouts/readout/import/",
        "/admin/readouts/person/",
        f"/admin/readouts/person/{archive.wang.pk}/change/",
        "/admin/readouts/country/",
        "/admin/readouts/statement/",
        f"/admin/readouts/statement/{statement.pk}/change/",
        f"/admin/readouts/statement/{statement.pk}/history/",
        "/admin/readouts/participation/",
        "/admin/axes/accessattempt/",
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/password_change/",
    ]
    for response in anonymous + [admin_client.get(url) for url in urls]:
        assert response.status_code == 200, response.request["PATH_INFO"]
        assert inline_code(response) == [], response.request["PATH_INFO"]
        assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_the_admin_is_for_staff_only(client, django_user_model):
    django_user_model.objects.create_user("reader", password="a long reader password")
    assert (
        client.post("/admin/login/", {"username": "reader", "password": "a long reader password"}).status_code == 200
    )
    assert client.get("/admin/").status_code == 302


LOGIN = "/admin/login/?next=/admin/"


@pytest.mark.django_db
def test_logins_are_refused_after_too_many_failures_for_a_username_from_an_address(client, admin_user):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        failed = client.post(LOGIN, {"username": admin_user.username, "password": "guess"})
        assert failed.status_code == 200 and "Please enter the correct" in failed.content.decode()
    assert client.post(LOGIN, {"username": admin_user.username, "password": "guess"}).status_code == 429
    # The N+1th attempt is refused even with the right password ...
    refused = client.post(LOGIN, {"username": admin_user.username, "password": "password"})
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    # ... while the same username from elsewhere, and another username from here, may still try.
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert elsewhere.post(LOGIN, {"username": admin_user.username, "password": "password"}).status_code == 302
    assert client.post(LOGIN, {"username": "someone-else", "password": "guess"}).status_code == 200


@pytest.mark.django_db
def test_a_successful_login_clears_the_failures(client, admin_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN, {"username": admin_user.username, "password": "guess"})
    assert client.post(LOGIN, {"username": admin_user.username, "password": "password"}).status_code == 302
    client.logout()
    client.post(LOGIN, {"username": admin_user.username, "password": "guess"})
    assert client.post(LOGIN, {"username": admin_user.username, "password": "password"}).status_code == 302


def test_the_client_address_is_the_proxys_last_hop_only_behind_a_trusted_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9")
    with override_settings(BEHIND_PROXY=False):
        assert client_ip(request) == "10.0.0.2"
    with override_settings(BEHIND_PROXY=True):
        assert client_ip(request) == "203.0.113.9"
        assert client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"
