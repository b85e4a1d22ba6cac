"""The shared event store: community events proposed, reviewed and kept in a database (SQLite by default,
PostgreSQL + PostGIS when $ATLAS_DATABASE_URL says so). data/*.json stays the curated record; nothing here
writes it.

The page and the CLI use:
- `Store(atlas)`: `init()`, `propose(name, data, by)`, `entries(status)`, `entry(id)`, `approve(ids, by)`,
  `reject(ids, by, reason)`, `restore(id, by)`, `edit(id, changes, by, base_revision)`, `record(id)`, `history(id)`,
  `approved_events()`, `place_counts()`, `events_in_place(place)`, `count()`, `version()`, `where`;
- `sign_in(store, editors, name, password, client)` with `editors_from(st.secrets)`; `hash_password`;
  `oidc_providers(st.secrets)` and `oidc_editor(st.user, st.secrets)` for OpenID Connect (st.login);
- `form`: an event's editable fields as text boxes and back (the page's edit form);
- `community_events(atlas)`: the approved community events, or none when no store has been made yet.
"""

from __future__ import annotations

import os

from geo.model import Atlas, Event
from geo.store import form
from geo.store.accounts import (
    SignIn,
    editors_from,
    hash_password,
    oidc_editor,
    oidc_providers,
    sign_in,
    verify_password,
)
from geo.store.db import DEFAULT_SQLITE, ENV, database_url
from geo.store.models import STATUSES
from geo.store.review import (
    Change,
    Entry,
    InvalidEdit,
    NotFound,
    Proposal,
    StaleEdit,
    Store,
    StoreError,
)


def community_events(atlas: Atlas) -> list[Event]:
    """The approved community events as atlas Events; none (and no file made) when $ATLAS_DATABASE_URL is unset
    and the default SQLite store does not exist yet."""
    if not os.environ.get(ENV) and not DEFAULT_SQLITE.exists():
        return []
    return Store(atlas).approved_events()


__all__ = [
    "ENV",
    "STATUSES",
    "Change",
    "Entry",
    "InvalidEdit",
    "NotFound",
    "Proposal",
    "SignIn",
    "StaleEdit",
    "Store",
    "StoreError",
    "community_events",
    "database_url",
    "editors_from",
    "form",
    "hash_password",
    "oidc_editor",
    "oidc_providers",
    "sign_in",
    "verify_password",
]
