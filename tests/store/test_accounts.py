"""Editors sign in with passwords kept as slow hashes; repeated failures wait longer, on every app server."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from geo.store import Store, editors_from, hash_password, oidc_editor, oidc_providers, sign_in, verify_password
from geo.store import accounts as accounts_module
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def editors():
    return editors_from({"editors": {"alice": {"password_hash": hash_password("correct horse")}}})


def test_a_password_is_kept_as_a_salted_slow_hash():
    first, second = hash_password("s3cret"), hash_password("s3cret")
    assert first.startswith("scrypt$32768$8$1$") and first != second and "s3cret" not in first
    assert verify_password("s3cret", first) and not verify_password("S3cret", first)
    assert not verify_password("s3cret", "md5$whatever")


def test_the_right_password_signs_in(store, editors):
    assert sign_in(store, editors, "alice", "correct horse", "10.0.0.1").ok
    refused = sign_in(store, editors, "mallory", "correct horse", "10.0.0.1")
    assert not refused.ok and refused.message == "Unknown editor or wrong password."


def test_repeated_failures_wait_longer_each_time_on_every_app_server(store, editors, atlas, monkeypatch):
    now = dt.datetime(2026, 1, 1, 12, 0)
    monkeypatch.setattr(accounts_module, "_now", lambda: now)
    for _ in range(3):  # typos cost nothing
        assert sign_in(store, editors, "alice", "wrong", "10.0.0.1").wait == 0
    assert not sign_in(store, editors, "alice", "wrong", "10.0.0.1").ok  # 4th failure: 2 s to wait from now
    other_server = Store(atlas, store.url)
    blocked = sign_in(other_server, editors, "alice", "correct horse", "10.0.0.2")  # another server, client
    assert not blocked.ok and blocked.wait == 2 and "try again in 2 s" in blocked.message
    now += dt.timedelta(seconds=3)
    assert not sign_in(store, editors, "alice", "wrong", "10.0.0.1").ok  # 5th failure: 4 s
    assert sign_in(store, editors, "alice", "correct horse", "10.0.0.3").wait == 4
    now += dt.timedelta(seconds=5)
    assert sign_in(store, editors, "alice", "correct horse", "10.0.0.3").ok
    assert sign_in(store, editors, "alice", "wrong", "10.0.0.3").wait == 0  # the account's count starts again
    other_server.engine.dispose()


def test_one_client_guessing_many_accounts_is_slowed_down_too(store, editors, monkeypatch):
    monkeypatch.setattr(accounts_module, "_now", lambda: dt.datetime(2026, 1, 1, 12, 0))
    for name in ("bob", "carol", "dave", "erin"):
        sign_in(store, editors, name, "guess", "10.6.6.6")
    blocked = sign_in(store, editors, "alice", "correct horse", "10.6.6.6")
    assert not blocked.ok and blocked.wait > 0
    assert sign_in(store, editors, "alice", "correct horse", "10.0.0.1").ok  # from elsewhere, alice still can


def test_hash_password_reads_the_password_from_stdin_never_argv():
    done = subprocess.run(
        [sys.executable, "-m", "geo", "store", "hash-password"],
        input="a long passphrase\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    encoded = done.stdout.strip()
    assert verify_password("a long passphrase", encoded) and "passphrase" not in encoded


def test_openid_connect_providers_are_read_from_streamlits_auth_secrets():
    shared = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s"}
    google = {
        "client_id": "c",
        "client_secret": "x",
        "server_metadata_url": "https://accounts.google.com/.well-known/x",
    }
    assert oidc_providers({"auth": shared | {"google": google}}) == {"google": "Google"}
    assert oidc_providers({"auth": shared | google}) == {None: "accounts.google.com"}
    assert oidc_providers({"auth": {"google": google}}) == {}  # no redirect_uri and cookie_secret: st.login fails
    assert oidc_providers({"auth": shared | {"google": {"client_id": "c"}}}) == {}
    assert oidc_providers({}) == {}


def test_a_provider_user_is_an_editor_only_by_a_listed_verified_email():
    secrets = {"editors": {"alice": {"email": "Alice@Example.org"}, "bob": {"password_hash": "scrypt$…"}}}
    assert oidc_editor({"is_logged_in": True, "email": "alice@example.org "}, secrets) == "alice"
    assert oidc_editor({"is_logged_in": True, "email": "alice@example.org", "email_verified": False}, secrets) is None
    assert oidc_editor({"is_logged_in": False, "email": "alice@example.org"}, secrets) is None
    assert oidc_editor({"is_logged_in": True, "email": "bob@example.org"}, secrets) is None
    assert oidc_editor({"is_logged_in": True}, secrets) is None
