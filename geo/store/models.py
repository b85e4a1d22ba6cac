"""The store's tables. Times are UTC. PostGIS adds a `geom` column to `events` and `places` (see migrations)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

STATUSES = ("proposed", "approved", "rejected")


class Base(DeclarativeBase):
    pass


class EventRow(Base):
    """A community event as it stands now: its current record and review status."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The atlas id it is shown under; unique across the store.
    event_id: Mapped[str] = mapped_column(String(200), unique=True)
    # What a re-import is matched on: the dataset's external id, else the file's own event id.
    key: Mapped[str] = mapped_column(String(300), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    date: Mapped[str] = mapped_column(String(10), index=True)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    # The event in the importer's own JSON format (a curated source by id, any other inline).
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    proposed_by: Mapped[str] = mapped_column(String(200))
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class RevisionRow(Base):
    """One change to one event: never updated, never deleted."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("event", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # proposed, updated, edited, approved, rejected, restored
    status: Mapped[str] = mapped_column(String(16))
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    # field -> [before, after] for every field the change touched; empty for a status change.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class PlaceRow(Base):
    """The atlas's places, loaded from data/ so that the database can join events to them."""

    __tablename__ = "places"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    wkb: Mapped[bytes] = mapped_column(LargeBinary)
    minx: Mapped[float] = mapped_column(Float)
    miny: Mapped[float] = mapped_column(Float)
    maxx: Mapped[float] = mapped_column(Float)
    maxy: Mapped[float] = mapped_column(Float)


class VersionRow(Base):
    """The store's version, one row: its number moves in the same transaction as every change to an event."""

    __tablename__ = "store_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger)


class MetaRow(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SignInFailureRow(Base):
    """Failed sign-ins per account or client (keyed by a hash, so no name or address is stored)."""

    __tablename__ = "sign_in_failures"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_at: Mapped[dt.datetime] = mapped_column(DateTime)
    blocked_until: Mapped[dt.datetime] = mapped_column(DateTime)
