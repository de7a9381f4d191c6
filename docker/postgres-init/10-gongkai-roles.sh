#!/bin/sh
# Runs once, when the db service initialises its volume (docker-entrypoint-initdb.d): the two roles of
# docs/operations.md §2. gongkai_owner owns the database and runs migrations (MIGRATION_DATABASE_URL);
# gongkai_app is what the app connects as (DATABASE_URL): no DDL, no changes to the audit trail.
# The timeouts on gongkai_app apply through PgBouncer, which drops the app's own start-up options.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$GONGKAI_OWNER_PASSWORD" -v app_password="$GONGKAI_APP_PASSWORD" <<'SQL'
CREATE ROLE gongkai_owner LOGIN CREATEDB PASSWORD :'owner_password';
CREATE ROLE gongkai_app LOGIN PASSWORD :'app_password';
ALTER ROLE gongkai_app SET statement_timeout = '30s';
ALTER ROLE gongkai_app SET lock_timeout = '5s';
ALTER ROLE gongkai_app SET idle_in_transaction_session_timeout = '60s';
SELECT format('ALTER DATABASE %I OWNER TO gongkai_owner', current_database()) \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO gongkai_app', current_database()) \gexec
ALTER SCHEMA public OWNER TO gongkai_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
