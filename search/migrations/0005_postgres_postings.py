"""PostgreSQL postings that never recompute a tsvector per row.

- ``archive_search_lexemes(tokens)``: the tokens as lexemes, in plpgsql so
  the planner cannot inline it and knows its cost. With the builtin
  expression costed as nearly free, it chose a sequential scan for a common
  token and rebuilt every row's tsvector (51 s at 100,000 pages); at this
  cost it reads the GIN index, whose posting lists need no recheck.
- ``archive_search_term``: how many pages hold each token, kept by
  statement-level triggers in the writing transaction, so a page count is a
  primary-key look-up instead of a scan of the token's pages. A rebuild
  (``SET LOCAL archive_search.recount = 'off'``) empties it instead of
  counting down every row it deletes.

SQLite keeps FTS5 and its fts5vocab table (migration 0002).
"""

from django.db import migrations

TABLE = "archive_search_searchentry"
LEXEMES = "archive_search_lexemes(tokens)"

POSTGRES_UP = [
    """CREATE FUNCTION archive_search_lexemes(tokens text) RETURNS tsvector
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS
        $$ BEGIN RETURN array_to_tsvector(string_to_array(tokens, ' ')); END $$""",
    "DROP INDEX IF EXISTS archive_search_tokens_gin",
    f"CREATE INDEX archive_search_tokens_gin ON {TABLE} USING gin ({LEXEMES})",
    "CREATE TABLE archive_search_term (token text PRIMARY KEY, pages integer NOT NULL)",
    f"""INSERT INTO archive_search_term
        SELECT t, count(*) FROM {TABLE}, unnest(string_to_array(tokens, ' ')) t WHERE t <> '' GROUP BY t""",
    # Sorted, so concurrent writers lock shared tokens in the same order (no deadlock).
    """CREATE FUNCTION archive_search_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF coalesce(current_setting('archive_search.recount', true), '') <> 'off' THEN
            INSERT INTO archive_search_term AS term (token, pages)
                SELECT t, count(*) FROM added, unnest(string_to_array(added.tokens, ' ')) t
                WHERE t <> '' GROUP BY t ORDER BY t
            ON CONFLICT (token) DO UPDATE SET pages = term.pages + excluded.pages;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION archive_search_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF coalesce(current_setting('archive_search.recount', true), '') <> 'off' THEN
            UPDATE archive_search_term AS term SET pages = term.pages - gone.pages
            FROM (SELECT t, count(*) AS pages FROM removed, unnest(string_to_array(removed.tokens, ' ')) t
                  WHERE t <> '' GROUP BY t ORDER BY t) gone
            WHERE term.token = gone.t;
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER archive_search_term_ai AFTER INSERT ON {TABLE}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION archive_search_count_added()""",
    f"""CREATE TRIGGER archive_search_term_ad AFTER DELETE ON {TABLE}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION archive_search_count_removed()""",
    # An update counts the old tokens out, then the new ones in.
    f"""CREATE TRIGGER archive_search_term_au_old AFTER UPDATE ON {TABLE}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION archive_search_count_removed()""",
    f"""CREATE TRIGGER archive_search_term_au_new AFTER UPDATE ON {TABLE}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION archive_search_count_added()""",
]
POSTGRES_DOWN = [
    f"DROP TRIGGER IF EXISTS archive_search_term_au_new ON {TABLE}",
    f"DROP TRIGGER IF EXISTS archive_search_term_au_old ON {TABLE}",
    f"DROP TRIGGER IF EXISTS archive_search_term_ad ON {TABLE}",
    f"DROP TRIGGER IF EXISTS archive_search_term_ai ON {TABLE}",
    "DROP FUNCTION IF EXISTS archive_search_count_removed()",
    "DROP FUNCTION IF EXISTS archive_search_count_added()",
    "DROP TABLE IF EXISTS archive_search_term",
    "DROP INDEX IF EXISTS archive_search_tokens_gin",
    f"CREATE INDEX archive_search_tokens_gin ON {TABLE} USING gin (array_to_tsvector(string_to_array(tokens, ' ')))",
    "DROP FUNCTION IF EXISTS archive_search_lexemes(text)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive_search", "0004_index_changes")]

    operations = [migrations.RunPython(_run(POSTGRES_UP), _run(POSTGRES_DOWN))]
