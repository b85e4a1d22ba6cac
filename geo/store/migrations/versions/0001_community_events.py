"""Community events, their revisions, the atlas's places, sign-in failures; PostGIS geometry on PostgreSQL.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        # Needs a superuser once per database; afterwards (or when an administrator made it) it is a no-op.
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String(200), nullable=False, unique=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("date", sa.String(10), nullable=False, index=True),
        sa.Column("lon", sa.Float),
        sa.Column("lat", sa.Float),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("proposed_by", sa.String(200), nullable=False),
        sa.Column("proposed_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("event", "number"),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("wkb", sa.LargeBinary, nullable=False),
        sa.Column("minx", sa.Float, nullable=False),
        sa.Column("miny", sa.Float, nullable=False),
        sa.Column("maxx", sa.Float, nullable=False),
        sa.Column("maxy", sa.Float, nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_at", sa.DateTime, nullable=False),
        sa.Column("blocked_until", sa.DateTime, nullable=False),
    )
    if postgres:
        # Generated from the plain columns, so the Python code writes the same rows on both engines and the
        # geometry can never disagree with them.
        op.execute(
            "ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS"
            " (CASE WHEN lon IS NULL OR lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END)"
            " STORED"
        )
        op.execute("CREATE INDEX events_geom ON events USING gist (geom)")
        op.execute(
            "ALTER TABLE places ADD COLUMN geom geometry(Geometry, 4326) GENERATED ALWAYS AS"
            " (ST_GeomFromWKB(wkb, 4326)) STORED"
        )
        op.execute("CREATE INDEX places_geom ON places USING gist (geom)")


def downgrade() -> None:
    for table in ("sign_in_failures", "meta", "places", "revisions", "events"):
        op.drop_table(table)
