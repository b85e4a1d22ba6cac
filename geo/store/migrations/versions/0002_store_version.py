"""The store's version as one row, moved by every change to an event: app servers poll it with a key lookup.

Revision ID: 0002
Revises: 0001

It starts at the number of revisions so far, which is what the version was counted as before (a page drawn just
before the upgrade stays up to date).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.BigInteger, nullable=False),
        sa.CheckConstraint("id = 1", name="store_version_one_row"),
    )
    op.execute("INSERT INTO store_version (id, number) SELECT 1, count(*) FROM revisions")


def downgrade() -> None:
    op.drop_table("store_version")
