from django.db import migrations, models

# Words of three to forty letters (no digits) that the paragraphs use, folded to lower case
# without accents: the vocabulary that spelling suggestions come from. Trigram index for similarity.
CREATE_VIEW = """
CREATE MATERIALIZED VIEW readouts_searchterm AS
SELECT word, ndoc AS paragraphs
FROM ts_stat($$SELECT to_tsvector('simple', unaccent(text)) FROM readouts_statement$$)
WHERE length(word) BETWEEN 3 AND 40 AND word ~ '^[[:alpha:]]+$'
WITH NO DATA
"""


class Migration(migrations.Migration):
    dependencies = [("readouts", "0005_readout_newest_first_idx")]

    operations = [
        migrations.RunSQL(
            sql=[
                CREATE_VIEW,
                "CREATE UNIQUE INDEX searchterm_word_unique ON readouts_searchterm (word)",
                "CREATE INDEX searchterm_word_trgm ON readouts_searchterm USING gin (word gin_trgm_ops)",
            ],
            reverse_sql=["DROP MATERIALIZED VIEW readouts_searchterm"],
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False)),
                ("paragraphs", models.IntegerField()),
            ],
            options={"db_table": "readouts_searchterm", "ordering": ["-paragraphs"], "managed": False},
        ),
    ]
