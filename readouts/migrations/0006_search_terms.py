from django.db import migrations, models

# Words of three to forty letters (no digits) that the paragraphs use, folded to lower case without
# accents: the vocabulary that spelling suggestions come from, with a trigram index for similarity.
# REFRESH runs the ts_stat query with a restricted search_path (PostgreSQL 17+), so names are qualified.
CREATE_VIEW = """
CREATE MATERIALIZED VIEW readouts_searchterm AS
SELECT word, ndoc AS paragraphs
FROM ts_stat($$SELECT to_tsvector('simple', {schema}.unaccent(text)) FROM {schema}.readouts_statement$$)
WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[[:alpha:]]+$'
"""


def create_view(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(current_schema())")
        schema = cursor.fetchone()[0]
    schema_editor.execute(CREATE_VIEW.format(schema=schema))
    schema_editor.execute("CREATE UNIQUE INDEX searchterm_word_unique ON readouts_searchterm (word)")
    schema_editor.execute("CREATE INDEX searchterm_word_trgm ON readouts_searchterm USING gin (word gin_trgm_ops)")


def drop_view(apps, schema_editor):
    schema_editor.execute("DROP MATERIALIZED VIEW readouts_searchterm")


class Migration(migrations.Migration):
    dependencies = [("readouts", "0005_readout_newest_first_idx")]

    operations = [
        migrations.RunPython(create_view, drop_view),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False)),
                ("paragraphs", models.IntegerField()),
            ],
            options={"db_table": "readouts_searchterm", "ordering": ["-paragraphs"], "managed": False},
        ),
    ]
