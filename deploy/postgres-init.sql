-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d).
-- Provisions what EmbeddedDatabase provisions for the run command and the tests: database mdt
-- owned by the migration role mdt_owner, and the application role mdt_app, which may connect and
-- gets only what the Flyway migrations grant it. Keycloak gets its own role and database.
-- Passwords come from the container's environment (psql \getenv, PostgreSQL 15+); compose.yaml
-- refuses to start without them.

\getenv owner_password MDT_OWNER_PASSWORD
\getenv app_password MDT_APP_PASSWORD
\getenv keycloak_password KEYCLOAK_DB_PASSWORD

CREATE ROLE mdt_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE mdt_app LOGIN PASSWORD :'app_password';
CREATE DATABASE mdt OWNER mdt_owner;
REVOKE ALL ON DATABASE mdt FROM PUBLIC;
GRANT CONNECT ON DATABASE mdt TO mdt_app;

CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
