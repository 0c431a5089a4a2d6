"""The database's own full-text index over SearchEntry.tokens.

SQLite: an external-content FTS5 table (detail=none: the engine only asks which
rows hold a token) kept in step by triggers, plus an fts5vocab table for
document frequencies. Tokens are already analysed in Python, so the tokenizer
must leave them whole: no diacritic removal, "_", "-" and ":" inside tokens.
PostgreSQL: a GIN index on the tokens as lexemes, taken as-is (no parser, no
stemming).
"""

from django.db import migrations

TABLE = "archive_search_searchentry"

SQLITE_UP = [
    f"""CREATE VIRTUAL TABLE archive_search_fts USING fts5(
        tokens, content='{TABLE}', content_rowid='page_id', detail=none,
        tokenize="unicode61 remove_diacritics 0 tokenchars '_-:'")""",
    "CREATE VIRTUAL TABLE archive_search_fts_vocab USING fts5vocab(archive_search_fts, row)",
    f"""CREATE TRIGGER archive_search_fts_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO archive_search_fts(rowid, tokens) VALUES (new.page_id, new.tokens);
    END""",
    f"""CREATE TRIGGER archive_search_fts_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO archive_search_fts(archive_search_fts, rowid, tokens) VALUES ('delete', old.page_id, old.tokens);
    END""",
    f"""CREATE TRIGGER archive_search_fts_au AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO archive_search_fts(archive_search_fts, rowid, tokens) VALUES ('delete', old.page_id, old.tokens);
        INSERT INTO archive_search_fts(rowid, tokens) VALUES (new.page_id, new.tokens);
    END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS archive_search_fts_au",
    "DROP TRIGGER IF EXISTS archive_search_fts_ad",
    "DROP TRIGGER IF EXISTS archive_search_fts_ai",
    "DROP TABLE IF EXISTS archive_search_fts_vocab",
    "DROP TABLE IF EXISTS archive_search_fts",
]
POSTGRES_UP = [
    f"""CREATE INDEX archive_search_tokens_gin ON {TABLE}
        USING gin (array_to_tsvector(string_to_array(tokens, ' ')))""",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS archive_search_tokens_gin"]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive_search", "0001_entries")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
