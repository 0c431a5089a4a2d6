"""PostgreSQL postings as page-id arrays per token and segment, no GIN.

The GIN index of 0005 answered which pages hold a token only through the
table's rows (a heap visit per page) and cost most of a build (about 1,800
index tokens per page). Now:

- ``archive_search_posting(token, segment, ids)``: the pages of one write
  (a segment) that hold the token, as big-endian int4 in a bytea, so a
  token's pages are one b-tree range read, parsed by numpy without a
  Python object per page. ``token`` is in the C collation so a prefix
  (autocomplete) is a range of that same index.
- ``SearchEntry.segment``: the segment that holds the page's current
  tokens. A page written again goes to a new segment and its old postings
  stay behind unread (a posting counts only where the page's segment is
  the row's), so a publish writes its own rows and rewrites no one else's;
  a segment whose pages are all written again or removed by a write is
  dropped with it; a rebuild starts from empty.
- ``archive_search_term`` (0005) keeps the page counts: the writer adds a
  segment's counts from its postings in the same statement batch, the
  delete trigger of 0005 counts removed rows down (also behind the engine's
  back); the insert and update triggers are gone.

SQLite keeps FTS5 (0002); its ``segment`` stays null (a nullable column is
added in place, where a default would make Django remake the table and
drop the FTS triggers).
"""

from django.db import migrations, models

TABLE = "archive_search_searchentry"

POSTGRES_UP = [
    f"DROP TRIGGER IF EXISTS archive_search_term_au_new ON {TABLE}",
    f"DROP TRIGGER IF EXISTS archive_search_term_au_old ON {TABLE}",
    f"DROP TRIGGER IF EXISTS archive_search_term_ai ON {TABLE}",
    "DROP FUNCTION IF EXISTS archive_search_count_added()",
    "DROP INDEX IF EXISTS archive_search_tokens_gin",
    "DROP FUNCTION IF EXISTS archive_search_lexemes(text)",
    "CREATE SEQUENCE archive_search_segment START 2",
    """CREATE TABLE archive_search_posting (
        token text COLLATE "C" NOT NULL,
        segment integer NOT NULL,
        ids bytea NOT NULL,
        PRIMARY KEY (token, segment))""",
    # Which pages a segment still holds, when a write empties it (its postings are then dropped).
    f"CREATE INDEX archive_search_entry_segment ON {TABLE} (segment)",
    # Id arrays are read whole and do not shrink under pglz: stored as they are.
    "ALTER TABLE archive_search_posting ALTER COLUMN ids SET STORAGE EXTERNAL",
    # The rows' longest texts (about 18 KB of tokens a page) compressed by lz4 where the server has it:
    # pglz took a large share of a build's server time.
    f"""DO $$ BEGIN
        ALTER TABLE {TABLE} ALTER COLUMN tokens SET COMPRESSION lz4, ALTER COLUMN body SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported THEN NULL;
    END $$""",
    # The pages already indexed form segment 1.
    f"""INSERT INTO archive_search_posting (token, segment, ids)
        SELECT t, 1, string_agg(int4send(page_id::int4), ''::bytea ORDER BY page_id)
        FROM {TABLE}, unnest(string_to_array(tokens, ' ')) t WHERE t <> '' GROUP BY t""",
    f"UPDATE {TABLE} SET segment = 1",
]
POSTGRES_DOWN = [
    f"""DO $$ BEGIN
        ALTER TABLE {TABLE} ALTER COLUMN tokens SET COMPRESSION pglz, ALTER COLUMN body SET COMPRESSION pglz;
    EXCEPTION WHEN feature_not_supported THEN NULL;
    END $$""",
    "DROP TABLE IF EXISTS archive_search_posting",
    "DROP SEQUENCE IF EXISTS archive_search_segment",
    """CREATE FUNCTION archive_search_lexemes(tokens text) RETURNS tsvector
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS
        $$ BEGIN RETURN array_to_tsvector(string_to_array(tokens, ' ')); END $$""",
    f"CREATE INDEX archive_search_tokens_gin ON {TABLE} USING gin (archive_search_lexemes(tokens))",
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
    f"""CREATE TRIGGER archive_search_term_ai AFTER INSERT ON {TABLE}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION archive_search_count_added()""",
    f"""CREATE TRIGGER archive_search_term_au_old AFTER UPDATE ON {TABLE}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION archive_search_count_removed()""",
    f"""CREATE TRIGGER archive_search_term_au_new AFTER UPDATE ON {TABLE}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION archive_search_count_added()""",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive_search", "0005_postgres_postings")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="segment",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(_run(POSTGRES_UP), _run(POSTGRES_DOWN)),
    ]
