"""PostgreSQL migrations: SQL files, numbered independently of the SQLite ones."""
