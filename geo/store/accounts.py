"""Editor accounts: slow password hashes, sign-in checks, and failed sign-ins slowed down in the store.

Accounts live in Streamlit secrets (`.streamlit/secrets.toml`, git-ignored), one table per editor:

    [editors.alice]
    password_hash = "scrypt$32768$8$1$<salt>$<hash>"   # from: python -m geo store hash-password

An editor may also (or instead) sign in through an OpenID Connect provider configured in the `[auth]` section (see
`oidc_providers`): they are an editor only if the email the provider vouches for is listed for them:

    [editors.alice]
    email = "alice@example.org"

Failures are counted per account and per client in the database, so every app server behind one address sees
the same count. Names and client addresses are stored only as hashes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from geo.store.models import SignInFailureRow
from geo.store.review import Store, _now

# scrypt with N=2^15, r=8 takes ~50-100 ms and 32 MiB per guess (OWASP's minimum is N=2^17 with r=8, p=1 for
# servers that can spare 128 MiB per sign-in; ours run beside a map renderer on small machines).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_SCRYPT_MAXMEM = 256 * 1024 * 1024
# The first failures cost nothing (typos); then each one doubles the wait, up to a quarter of an hour.
FREE_FAILURES = 3
FIRST_DELAY = dt.timedelta(seconds=2)
MAX_DELAY = dt.timedelta(minutes=15)
# A count that has been quiet this long starts again from zero.
FORGET_AFTER = dt.timedelta(hours=24)
# Compared against when the account does not exist, so that an unknown name takes as long as a wrong password.
_DUMMY = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


def hash_password(password: str) -> str:
    """A salted scrypt hash of `password`, as written in secrets.toml."""
    if not password:
        raise ValueError("empty password")
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=_SCRYPT_MAXMEM)
    encode = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, encoded: str) -> bool:
    """Whether `password` matches hash `encoded` (False for a malformed hash)."""
    try:
        scheme, n, r, p, salt, expected = encoded.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), maxmem=_SCRYPT_MAXMEM
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, base64.b64decode(expected))


def editors_from(secrets: Mapping[str, Any]) -> dict[str, str]:
    """Editor name -> password hash from Streamlit secrets (`st.secrets`) or a parsed secrets.toml."""
    editors = secrets.get("editors") or {}
    return {name: entry["password_hash"] for name, entry in editors.items() if entry.get("password_hash")}


def oidc_providers(secrets: Mapping[str, Any]) -> dict[str | None, str]:
    """The OpenID Connect providers Streamlit's `[auth]` secrets configure, as `st.login`'s provider argument (None
    for the one written in `[auth]` itself, else the NAME of `[auth.NAME]`) -> the name its button shows; none
    without the shared `redirect_uri` and `cookie_secret` that every provider needs."""
    auth = secrets.get("auth") or {}
    if not isinstance(auth, Mapping) or not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        return {}

    def usable(section: Mapping[str, Any]) -> bool:
        return bool(section.get("client_id") and section.get("server_metadata_url"))

    found: dict[str | None, str] = {}
    if usable(auth):
        found[None] = urlsplit(str(auth["server_metadata_url"])).hostname or "your provider"
    for name, section in auth.items():
        if isinstance(section, Mapping) and usable(section):
            found[name] = name[:1].upper() + name[1:]
    return found


def oidc_editor(user: Mapping[str, Any], secrets: Mapping[str, Any]) -> str | None:
    """The editor a user signed in through OpenID Connect is (`st.user` as a dict): the one whose `email` in
    secrets is the user's, compared without case; None when not signed in, not listed, or when the provider says
    the email is not verified."""
    email = user.get("email")
    if not user.get("is_logged_in") or not isinstance(email, str) or user.get("email_verified") is False:
        return None
    editors = secrets.get("editors") or {}
    listed = {
        str(entry["email"]).strip().lower(): name
        for name, entry in editors.items()
        if isinstance(entry, Mapping) and entry.get("email")
    }
    return listed.get(email.strip().lower())


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: `ok`, or why not and how many seconds to wait before trying again."""

    ok: bool
    name: str
    wait: float = 0.0
    message: str = ""


def _key(kind: str, value: str) -> str:
    return f"{kind}:" + hashlib.sha256(value.encode()).hexdigest()[:40]


def _delay(failures: int) -> dt.timedelta:
    if failures <= FREE_FAILURES:
        return dt.timedelta(0)
    return min(FIRST_DELAY * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY)


def sign_in(store: Store, editors: Mapping[str, str], name: str, password: str, client: str) -> SignIn:
    """Check editor `name`'s `password`; `client` is who asks (an address or session id). Refused without
    checking while the account or the client must wait after repeated failures."""
    store._ensure()
    keys = (_key("account", name), _key("client", client))
    now = _now()
    # The attempt is counted before the password is checked, so parallel guesses cannot all slip in at once.
    for attempt in range(2):
        try:
            refused = _count_attempt(store, keys, name, now)
            break
        except IntegrityError:  # another attempt created the same counter first: count on top of it
            if attempt:
                raise
    if refused:
        return refused
    ok = verify_password(password, editors.get(name, _DUMMY)) and name in editors
    if not ok:
        return SignIn(False, name, 0.0, "Unknown editor or wrong password.")
    with store.engine.begin() as connection:
        connection.execute(delete(SignInFailureRow).where(SignInFailureRow.key == keys[0]))
        client_row = connection.execute(select(SignInFailureRow).where(SignInFailureRow.key == keys[1])).one_or_none()
        if client_row is not None:  # this attempt was not a failure after all
            failures = client_row.failures - 1
            connection.execute(
                update(SignInFailureRow)
                .where(SignInFailureRow.key == keys[1])
                .values(failures=failures, blocked_until=client_row.last_at + _delay(failures))
            )
    return SignIn(True, name)


def _count_attempt(store: Store, keys: tuple[str, str], name: str, now: dt.datetime) -> SignIn | None:
    with store.engine.begin() as connection:
        rows = {
            r.key: r
            for r in connection.execute(
                select(SignInFailureRow).where(SignInFailureRow.key.in_(keys)).with_for_update()
            )
        }
        waits = [(r.blocked_until - now).total_seconds() for r in rows.values() if r.blocked_until > now]
        if waits:
            wait = max(waits)
            return SignIn(False, name, wait, f"Too many failed sign-ins: try again in {wait:.0f} s.")
        for key in keys:
            row = rows.get(key)
            failures = 1 if row is None or now - row.last_at > FORGET_AFTER else row.failures + 1
            values = {"failures": failures, "last_at": now, "blocked_until": now + _delay(failures)}
            if row is None:
                connection.execute(insert(SignInFailureRow).values(key=key, **values))
            else:
                connection.execute(update(SignInFailureRow).where(SignInFailureRow.key == key).values(**values))
    return None
