"""Each readout lists its participants' countries, and each paragraph carries its readout's meeting date and
that list, kept current by triggers.

Search filters paragraphs by date and country. Through a join to the readouts, PostgreSQL must read every
paragraph of every readout in the date range (or of every meeting with China) to test the words; with the
date and the country ids on the paragraph itself, one GIN scan of (search_vector, country_ids), ANDed with the
meeting date index where a date range is given, finds just the paragraphs that match all of it.

The readouts' own list lets a walk through the readouts in date order test a country on the row (search's
newest matches), where testing the participations took a probe per readout.

Who writes what:
- Inserting a readout or a paragraph without the values (Django sends DEFAULT) fills them in: the readout's
  from its participants, the paragraph's from its readout. A bulk loader that supplies them (the demo
  generator's COPY) is trusted, which keeps COPY fast.
- Updating a readout or a paragraph directly recomputes them, so a stale copy held by a form cannot be
  written back.
- Adding, changing or removing a participant, or changing a person's country, updates the readouts' lists;
  a change of a readout's list or meeting date is copied to its paragraphs.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

ADD_COLUMNS = [
    "ALTER TABLE readouts_readout ADD COLUMN country_ids bigint[]",
    "ALTER TABLE readouts_statement ADD COLUMN meeting_date date, ADD COLUMN country_ids bigint[]",
]

# The countries of a readout's participants, sorted, once each; empty when none is known.
COUNTRIES_FUNCTION = """
CREATE FUNCTION readouts_participant_countries(readout bigint) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT person.country_id ORDER BY person.country_id), '{}')
    FROM readouts_participation participation
    JOIN readouts_person person ON person.id = participation.person_id
    WHERE participation.readout_id = readout AND person.country_id IS NOT NULL
$$
"""

# Rewrites only the readouts whose list differs, so that adding a second participant from a country that is
# there already writes nothing.
COPY_COUNTRIES_FUNCTION = """
CREATE FUNCTION readouts_copy_countries(readouts bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE readouts_readout readout SET country_ids = fresh.country_ids
    FROM (SELECT id, readouts_participant_countries(id) AS country_ids FROM unnest(readouts) AS id) fresh
    WHERE readout.id = fresh.id AND readout.country_ids IS DISTINCT FROM fresh.country_ids
$$
"""

BACKFILL = [
    "UPDATE readouts_readout SET country_ids = readouts_participant_countries(id)",
    """
    UPDATE readouts_statement statement SET meeting_date = readout.meeting_date, country_ids = readout.country_ids
    FROM readouts_readout readout WHERE readout.id = statement.readout_id
    """,
    "ALTER TABLE readouts_readout ALTER COLUMN country_ids SET NOT NULL",
    "ALTER TABLE readouts_statement ALTER COLUMN country_ids SET NOT NULL",
]

# Depth 0 is a client's own insert or update; the copies below run at depth 1 with values computed already.
READOUT_TRIGGERS = """
CREATE FUNCTION readouts_readout_count_countries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.country_ids := readouts_participant_countries(NEW.id);
    RETURN NEW;
END
$$;
CREATE TRIGGER readout_countries_on_insert BEFORE INSERT ON readouts_readout
    FOR EACH ROW WHEN (NEW.country_ids IS NULL) EXECUTE FUNCTION readouts_readout_count_countries();
CREATE TRIGGER readout_countries_on_update BEFORE UPDATE ON readouts_readout
    FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION readouts_readout_count_countries();

CREATE FUNCTION readouts_readout_copy_to_statements() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE readouts_statement SET meeting_date = NEW.meeting_date, country_ids = NEW.country_ids
    WHERE readout_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER readout_copy_to_statements AFTER UPDATE OF meeting_date, country_ids ON readouts_readout
    FOR EACH ROW WHEN (OLD.meeting_date IS DISTINCT FROM NEW.meeting_date
                       OR OLD.country_ids IS DISTINCT FROM NEW.country_ids)
    EXECUTE FUNCTION readouts_readout_copy_to_statements();
"""

# coalesce: for a readout id that does not exist, the foreign key's error at commit says what is wrong.
STATEMENT_TRIGGERS = """
CREATE FUNCTION readouts_statement_copy_readout() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT readout.meeting_date, readout.country_ids INTO NEW.meeting_date, NEW.country_ids
    FROM readouts_readout readout WHERE readout.id = NEW.readout_id;
    NEW.country_ids := coalesce(NEW.country_ids, '{}');
    RETURN NEW;
END
$$;
CREATE TRIGGER statement_copy_readout_on_insert BEFORE INSERT ON readouts_statement
    FOR EACH ROW WHEN (NEW.country_ids IS NULL) EXECUTE FUNCTION readouts_statement_copy_readout();
CREATE TRIGGER statement_copy_readout_on_update BEFORE UPDATE ON readouts_statement
    FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION readouts_statement_copy_readout();
"""

PARTICIPATION_TRIGGER = """
CREATE FUNCTION readouts_participation_copy_countries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM readouts_copy_countries(ARRAY[NEW.readout_id]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM readouts_copy_countries(ARRAY[OLD.readout_id]);
    ELSE
        PERFORM readouts_copy_countries(ARRAY[OLD.readout_id, NEW.readout_id]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_copy_countries AFTER INSERT OR DELETE OR UPDATE OF readout_id, person_id
    ON readouts_participation FOR EACH ROW EXECUTE FUNCTION readouts_participation_copy_countries();
"""

PERSON_TRIGGER = """
CREATE FUNCTION readouts_person_copy_country() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM readouts_copy_countries(ARRAY(SELECT readout_id FROM readouts_participation WHERE person_id = NEW.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER person_copy_country AFTER UPDATE OF country_id ON readouts_person
    FOR EACH ROW WHEN (OLD.country_id IS DISTINCT FROM NEW.country_id)
    EXECUTE FUNCTION readouts_person_copy_country();
"""

FORWARD = [
    *ADD_COLUMNS,
    COUNTRIES_FUNCTION,
    COPY_COUNTRIES_FUNCTION,
    *BACKFILL,
    READOUT_TRIGGERS,
    STATEMENT_TRIGGERS,
    PARTICIPATION_TRIGGER,
    PERSON_TRIGGER,
    # For the index builds below, on an archive of millions of paragraphs.
    "SET LOCAL maintenance_work_mem = '256MB'",
]

BACKWARD = [
    "DROP TRIGGER person_copy_country ON readouts_person",
    "DROP TRIGGER participation_copy_countries ON readouts_participation",
    "DROP TRIGGER statement_copy_readout_on_update ON readouts_statement",
    "DROP TRIGGER statement_copy_readout_on_insert ON readouts_statement",
    "DROP TRIGGER readout_copy_to_statements ON readouts_readout",
    "DROP TRIGGER readout_countries_on_update ON readouts_readout",
    "DROP TRIGGER readout_countries_on_insert ON readouts_readout",
    "DROP FUNCTION readouts_person_copy_country()",
    "DROP FUNCTION readouts_participation_copy_countries()",
    "DROP FUNCTION readouts_statement_copy_readout()",
    "DROP FUNCTION readouts_readout_copy_to_statements()",
    "DROP FUNCTION readouts_readout_count_countries()",
    "DROP FUNCTION readouts_copy_countries(bigint[])",
    "DROP FUNCTION readouts_participant_countries(bigint)",
    "ALTER TABLE readouts_statement DROP COLUMN meeting_date, DROP COLUMN country_ids",
    "ALTER TABLE readouts_readout DROP COLUMN country_ids",
]


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0008_country_pairs_and_covering_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="statement", name="statement_search_gin"),
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.AddField(
                    model_name="readout",
                    name="country_ids",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.BigIntegerField(), db_default=None, editable=False, size=None
                    ),
                ),
                migrations.AddField(
                    model_name="statement",
                    name="meeting_date",
                    field=models.DateField(db_default=None, editable=False, null=True),
                ),
                migrations.AddField(
                    model_name="statement",
                    name="country_ids",
                    field=django.contrib.postgres.fields.ArrayField(
                        base_field=models.BigIntegerField(), db_default=None, editable=False, size=None
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="statement",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector", "country_ids"], name="statement_search_country_gin"
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["meeting_date"], name="statement_meeting_date_idx"),
        ),
        migrations.AddIndex(
            model_name="readout",
            index=django.contrib.postgres.indexes.GinIndex(fields=["country_ids"], name="readout_countries_gin"),
        ),
    ]
