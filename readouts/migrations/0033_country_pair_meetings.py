"""The meetings of each pair of countries by year, kept as a materialised view (readouts.models.CountryPairMeeting)
beside the pair counts of migration 0027: the rows from which the country pages' network within a range of years
counts each counterpart's meetings. The countries of a readout are its participants' (Readout.country_ids); its
year is its meeting date's, as the network's range (readouts.networks.in_years) takes it, so undated readouts
have no row; a meeting told by several readouts of one year is one row."""

from django.db import migrations, models

COUNTRY_PAIR_MEETINGS = """
CREATE MATERIALIZED VIEW readouts_countrypairmeeting AS
SELECT DISTINCT own.country_id, extract(YEAR FROM r.meeting_date)::integer AS year,
       other.country_id AS counterpart_id, coalesce(r.meeting_id, -r.id) AS meeting_key
FROM readouts_readout r
CROSS JOIN unnest(r.country_ids) AS own(country_id)
CROSS JOIN unnest(r.country_ids) AS other(country_id)
WHERE own.country_id <> other.country_id AND r.meeting_date IS NOT NULL
"""
# The key, unique so that it can be refreshed CONCURRENTLY, and in this order what a country's years ask for: an
# index-only scan of one country's range of years.
INDEX = (
    "CREATE UNIQUE INDEX countrypairmeeting_key "
    "ON readouts_countrypairmeeting (country_id, year, counterpart_id, meeting_key)"
)
DROP = "DROP MATERIALIZED VIEW readouts_countrypairmeeting"


class Migration(migrations.Migration):
    dependencies = [
        ("readouts", "0032_person_meetings"),
    ]

    operations = [
        migrations.RunSQL([COUNTRY_PAIR_MEETINGS, INDEX], [DROP]),
        migrations.CreateModel(
            name="CountryPairMeeting",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "country_id",
                        "year",
                        "counterpart_id",
                        "meeting_key",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("meeting_key", models.BigIntegerField()),
                ("year", models.IntegerField()),
            ],
            options={
                "db_table": "readouts_countrypairmeeting",
                "managed": False,
            },
        ),
    ]
