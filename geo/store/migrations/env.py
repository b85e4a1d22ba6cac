"""Alembic runs this with the connection geo.store.migrate hands it (there is no alembic.ini)."""

from alembic import context

context.configure(connection=context.config.attributes["connection"])
with context.begin_transaction():
    context.run_migrations()
