"""Each paragraph is indexed in its own language: a configuration per row (``search_config``, copied from the
readout's language by the triggers of migration 0009, as the meeting date is) and one vector built from it, over
the paragraph's words (``segmented_text``: Chinese and Japanese runs split into words, readouts/search/words.py).

The configurations are copies of PostgreSQL's whose word mappings run unaccent first, as readout_english does
(0004); ``readout_simple`` serves the languages without a stemmer. readouts_search_config() maps a language code
to its configuration, as readouts/search/languages.py does (tests/test_search_languages.py checks that they agree).

Who writes what is as migration 0009 says: Django inserts DEFAULT and the insert trigger fills the configuration
in, a bulk loader that supplies it (the demo generator's COPY) is trusted, a direct update of a paragraph recomputes
it, and a change of the readout's language is copied to its paragraphs, whose vectors PostgreSQL then rebuilds.
The vector and its GIN index are made again (an archive of a million paragraphs: about a minute).
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
from django.db import migrations, models

import readouts.models

STEMMED = {
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
    "de": "german",
    "pt": "portuguese",
    "ar": "arabic",
}

CONFIGURATIONS = [
    sql
    for language in STEMMED.values()
    for sql in (
        f"CREATE TEXT SEARCH CONFIGURATION readout_{language} (COPY = {language})",
        f"ALTER TEXT SEARCH CONFIGURATION readout_{language} "
        f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem",
    )
] + [
    "CREATE TEXT SEARCH CONFIGURATION readout_simple (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION readout_simple "
    "ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, simple",
]

CASES = "\n".join(f"        WHEN '{code}' THEN 'readout_{language}'" for code, language in STEMMED.items())
CONFIG_FUNCTION = f"""
CREATE FUNCTION readouts_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE lower(split_part(language, '-', 1))
        WHEN 'en' THEN 'readout_english'
{CASES}
        ELSE 'readout_simple' END)::regconfig
$$
"""

STATEMENT_COPY_FUNCTION = """
CREATE OR REPLACE FUNCTION readouts_statement_copy_readout() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT readout.meeting_date, readout.country_ids, readout.publisher, readouts_search_config(readout.language)
    INTO NEW.meeting_date, NEW.country_ids, NEW.publisher, NEW.search_config
    FROM readouts_readout readout WHERE readout.id = NEW.readout_id;
    NEW.country_ids := coalesce(NEW.country_ids, '{}');
    NEW.publisher := coalesce(NEW.publisher, '');
    NEW.search_config := coalesce(NEW.search_config, 'readout_simple'::regconfig);
    RETURN NEW;
END
$$
"""

STATEMENT_INSERT_TRIGGER = """
DROP TRIGGER statement_copy_readout_on_insert ON readouts_statement;
CREATE TRIGGER statement_copy_readout_on_insert BEFORE INSERT ON readouts_statement
    FOR EACH ROW WHEN (NEW.country_ids IS NULL OR NEW.search_config IS NULL)
    EXECUTE FUNCTION readouts_statement_copy_readout();
"""

READOUT_COPY_FUNCTION = """
CREATE OR REPLACE FUNCTION readouts_readout_copy_to_statements() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE readouts_statement
    SET meeting_date = NEW.meeting_date, country_ids = NEW.country_ids, publisher = NEW.publisher,
        search_config = readouts_search_config(NEW.language)
    WHERE readout_id = NEW.id;
    RETURN NULL;
END
$$
"""

READOUT_COPY_TRIGGER = """
DROP TRIGGER readout_copy_to_statements ON readouts_readout;
CREATE TRIGGER readout_copy_to_statements
    AFTER UPDATE OF meeting_date, country_ids, publisher, language ON readouts_readout
    FOR EACH ROW WHEN (OLD.meeting_date IS DISTINCT FROM NEW.meeting_date
                       OR OLD.country_ids IS DISTINCT FROM NEW.country_ids
                       OR OLD.publisher IS DISTINCT FROM NEW.publisher
                       OR readouts_search_config(OLD.language) IS DISTINCT FROM readouts_search_config(NEW.language))
    EXECUTE FUNCTION readouts_readout_copy_to_statements();
"""

# One set-based update, without the per-row trigger that would look each paragraph's readout up again.
BACKFILL = [
    "ALTER TABLE readouts_statement DISABLE TRIGGER statement_copy_readout_on_update",
    """
    UPDATE readouts_statement statement SET search_config = readouts_search_config(readout.language)
    FROM readouts_readout readout WHERE readout.id = statement.readout_id
    """,
    "ALTER TABLE readouts_statement ENABLE TRIGGER statement_copy_readout_on_update",
    "ALTER TABLE readouts_statement ALTER COLUMN search_config SET NOT NULL",
]

FORWARD = [
    *CONFIGURATIONS,
    CONFIG_FUNCTION,
    "ALTER TABLE readouts_statement ADD COLUMN search_config regconfig",
    STATEMENT_COPY_FUNCTION,
    STATEMENT_INSERT_TRIGGER,
    READOUT_COPY_FUNCTION,
    READOUT_COPY_TRIGGER,
    *BACKFILL,
]

# Migration 0012's functions and triggers, as they were.
BACKWARD = [
    """
    CREATE OR REPLACE FUNCTION readouts_statement_copy_readout() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        SELECT readout.meeting_date, readout.country_ids, readout.publisher
        INTO NEW.meeting_date, NEW.country_ids, NEW.publisher
        FROM readouts_readout readout WHERE readout.id = NEW.readout_id;
        NEW.country_ids := coalesce(NEW.country_ids, '{}');
        NEW.publisher := coalesce(NEW.publisher, '');
        RETURN NEW;
    END
    $$
    """,
    """
    DROP TRIGGER statement_copy_readout_on_insert ON readouts_statement;
    CREATE TRIGGER statement_copy_readout_on_insert BEFORE INSERT ON readouts_statement
        FOR EACH ROW WHEN (NEW.country_ids IS NULL) EXECUTE FUNCTION readouts_statement_copy_readout();
    """,
    """
    CREATE OR REPLACE FUNCTION readouts_readout_copy_to_statements() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE readouts_statement
        SET meeting_date = NEW.meeting_date, country_ids = NEW.country_ids, publisher = NEW.publisher
        WHERE readout_id = NEW.id;
        RETURN NULL;
    END
    $$
    """,
    """
    DROP TRIGGER readout_copy_to_statements ON readouts_readout;
    CREATE TRIGGER readout_copy_to_statements AFTER UPDATE OF meeting_date, country_ids, publisher ON readouts_readout
        FOR EACH ROW WHEN (OLD.meeting_date IS DISTINCT FROM NEW.meeting_date
                           OR OLD.country_ids IS DISTINCT FROM NEW.country_ids
                           OR OLD.publisher IS DISTINCT FROM NEW.publisher)
        EXECUTE FUNCTION readouts_readout_copy_to_statements();
    """,
    "ALTER TABLE readouts_statement DROP COLUMN search_config",
    "DROP FUNCTION readouts_search_config(text)",
    *(f"DROP TEXT SEARCH CONFIGURATION readout_{language}" for language in STEMMED.values()),
    "DROP TEXT SEARCH CONFIGURATION readout_simple",
]


def segment_paragraphs(apps, schema_editor):
    """Split the words of the paragraphs with Chinese or Japanese text (the few that have any)."""
    from readouts.search.words import CJK, segmented

    Statement = apps.get_model("readouts", "Statement")
    batch = []
    for statement in Statement.objects.filter(text__regex=f"[{CJK}]").only("text").iterator(chunk_size=2000):
        statement.segmented_text = segmented(statement.text)
        batch.append(statement)
        if len(batch) == 2000:
            Statement.objects.bulk_update(batch, ["segmented_text"])
            batch = []
    Statement.objects.bulk_update(batch, ["segmented_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0024_readout_meeting_end_date_and_basis"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.AddField(
                    model_name="statement",
                    name="search_config",
                    field=readouts.models.RegConfigField(db_default=None, editable=False),
                ),
            ],
        ),
        migrations.AddField(
            model_name="statement",
            name="segmented_text",
            field=readouts.models.SegmentedTextField(editable=False, null=True, source="text"),
        ),
        migrations.RunPython(segment_paragraphs, migrations.RunPython.noop, elidable=True),
        migrations.RemoveIndex(model_name="statement", name="statement_search_gin"),
        migrations.RemoveField(model_name="statement", name="search_vector"),
        migrations.RunSQL("SET LOCAL maintenance_work_mem = '256MB'", migrations.RunSQL.noop),
        migrations.AddField(
            model_name="statement",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.SearchVector(
                    django.db.models.functions.comparison.Coalesce("segmented_text", "text"),
                    config=models.F("search_config"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=django.contrib.postgres.indexes.GinIndex(
                models.F("search_vector"),
                models.F("country_ids"),
                readouts.models.MeetingYears(),
                name="statement_search_gin",
            ),
        ),
        migrations.RunSQL("ANALYZE readouts_statement", migrations.RunSQL.noop),
    ]
