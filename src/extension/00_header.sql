-- pg_news install script, assembled by make from src/extension/[0-9]*.sql.
\echo Use "CREATE EXTENSION pg_news" to load this file. \quit
